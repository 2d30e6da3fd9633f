#pragma once

// One downstream connection (the Beast examples' shape), owned by one worker thread from accept
// to close (so it needs no strand), a deadline on every read and write, error_codes instead of
// exceptions. The RequestReader applies the project's DownstreamLimits and refuses smuggling
// attempts; this session adds the request-headers timeout (408), `100 Continue`, and a lingering
// close after a refusal so the client can read why. What to do with a request is decided by
// free functions (routeRequest, answerAsPod, handleAdminRequest); this class only moves bytes
// and waits.
//
// The stream is a template parameter, instantiated twice in HttpSession.cpp: a plain socket (the
// benchmarked path, unchanged by TLS) and an ssl::stream over one for Gateway servers that
// terminate TLS, whose session first completes the handshake (under the connection's deadline).

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "engine/AccessLog.h"
#include "engine/ConnectionBudget.h"
#include "engine/Deadline.h"
#include "engine/Engine.h"
#include "engine/Forwarder.h"
#include "engine/IoTypes.h"
#include "engine/Listener.h"
#include "engine/RequestReader.h"
#include "engine/Router.h"

namespace meshstudio::engine {

/// A downstream connection whose TLS the engine terminates.
using SslStream = boost::asio::ssl::stream<TcpStream::socket_type>;

template <class Stream>
class HttpSession : public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  static constexpr bool kTls = std::is_same_v<Stream, SslStream>;
  static constexpr std::chrono::seconds kIdleTimeout{60};
  static constexpr std::chrono::minutes kStreamIdleTimeout{5};  ///< Envoy's stream_idle_timeout default
  /// Envoy leaves a downstream handshake to its idle timeouts; a stalled handshake should end
  /// sooner than the minute a kept-alive connection may idle.
  static constexpr std::chrono::seconds kHandshakeTimeout{10};
  /// How long a closing TLS connection waits for the client's close_notify.
  static constexpr std::chrono::seconds kShutdownTimeout{1};
  /// How long a refused client's remaining bytes are read and dropped before the socket closes:
  /// closing with unread input sends a reset, which can destroy the answer before it is read.
  static constexpr std::chrono::seconds kLingerTimeout{2};

  /// `slot` is the connection's share of the listener's ConnectionBudget (empty for admin).
  HttpSession(Stream stream, Engine& engine, Worker& worker, ListenerKind kind, std::int64_t gatewayPort,
              ConnectionBudget::Slot slot = {});
  /// Serves a plain connection.
  void run() requires(!kTls);
  /// Completes the TLS handshake, then serves. `clientHello` is what the TlsInspector already read
  /// off the socket to choose this server; `serverName` is its SNI (for the access log).
  void handshake(std::string clientHello, std::string serverName) requires kTls;

 private:
  /// What one request needs between its arrival and the end of its response.
  struct Exchange {
    std::shared_ptr<const ActiveSnapshot> active;
    Request request;  ///< rewritten in place by the router
    RoutingDecision decision;
    std::optional<AccessLogEntry> log;  ///< filled only when someone reads the access log
    int responseCode = 0;               ///< 0 until an answer is sent
    std::chrono::steady_clock::time_point started, forwarded;
    std::optional<std::size_t> pod;
    /// While the request is upstream. Weak: the Forwarder keeps itself alive through its pending
    /// operations and holds this session through its callback; a strong pointer back would make
    /// a cycle that outlives an engine stopped mid-request.
    std::weak_ptr<Forwarder> forwarder;
    bool keepAlive = true;
    unsigned version = 11;
  };

  /// Starts reading the next request (it may already be in the buffer: pipelining).
  void read();
  /// Hands what the buffer holds to the reader and decides what comes next.
  void process();
  void readSome();
  void onReadSome(boost::beast::error_code error);
  void armHeaderTimer();
  void sendContinue();
  void onRequest();
  /// Answers a request the reader refused (or whose headers took too long) and closes.
  void refuse(http::status status, const std::string& details);
  void lingerThenClose();
  void handleAdmin(Request request);
  void handleProxy();  ///< takes the request from parser_
  void countFault(const RouteTable& table, const RoutingDecision& decision);
  void afterFaultDelay();
  /// The listener's local rate limits: the 429 to answer with, or nullopt to go on.
  std::optional<Response> listenerRateLimit();
  void forward();
  void onForwarded(Forwarder::Result&& result);
  /// Sends a fire-and-forget copy of the request to `mirror`'s cluster (when its percentage draws it).
  void shadow(const MirrorPolicy& mirror);
  void answerLocally(Response&& response);
  void respond(Response&& response, std::optional<std::chrono::milliseconds> upstreamTime);
  void onWrite(boost::beast::error_code error, std::size_t bytes);
  void finishRecord();
  void close();
  void closeSocket();
  template <class Function>
  void waitThen(std::chrono::milliseconds delay, Function then);

  Stream stream_;
  Deadline deadline_;
  boost::beast::flat_buffer buffer_;
  RequestReader reader_;
  Timer timer_;  ///< the request-headers timeout while reading, fault delays while handling
  ConnectionBudget::Slot slot_;
  Engine& engine_;
  Worker& worker_;
  ListenerKind kind_;
  std::int64_t gatewayPort_;
  std::optional<Exchange> exchange_;  ///< in place: no allocation per request
  Response outgoing_;                 ///< the answer being written
  std::string head_;                  ///< outgoing_'s start line and fields, as written
  std::string localAddress_, remoteAddress_;
  bool headRequest_ = false;         ///< the request being answered is a HEAD: no body goes out
  std::string clientHello_;          ///< TLS: bytes read before the handshake, fed to it
  std::string serverName_;           ///< TLS: the ClientHello's SNI
  bool secured_ = false;             ///< TLS: the handshake completed
  bool shuttingDown_ = false;        ///< TLS: close_notify sent, the socket closes after it
  std::uint64_t requestNumber_ = 0;  ///< tells a late header-timer completion from a current one
  bool headerTimerArmed_ = false;
  bool headersTimedOut_ = false;
  bool continueSent_ = false;
  bool refused_ = false;  ///< the answer is a refusal: linger before closing
};

extern template class HttpSession<TcpStream::socket_type>;
extern template class HttpSession<SslStream>;

}  // namespace meshstudio::engine

#pragma once

// One HTTP/1.1 connection to an upstream host, serving one request at a time. It only moves
// bytes: the ConnectionPool decides when it is opened, reused and closed, and the Forwarder
// bounds each request with its own timers (route and per-try timeouts) and calls abort().
// Every operation is still bounded by a Deadline: the connect timeout while connecting, and
// Envoy's 5-minute stream idle timeout while a request waits for its answer.

#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "engine/Deadline.h"
#include "engine/HttpTypes.h"
#include "engine/IoTypes.h"
#include "engine/PodBehaviour.h"

namespace meshstudio::engine {

class UpstreamConnection : public std::enable_shared_from_this<UpstreamConnection> {
 public:
  using ConnectHandler = std::function<void(boost::beast::error_code)>;
  /// The answer, or an error; `nothingReceived` when the connection failed before a byte of the
  /// answer arrived (a reused connection the upstream had closed: safe to send again).
  using ResponseHandler = std::function<void(boost::beast::error_code, bool nothingReceived, Response&&)>;

  static constexpr std::chrono::minutes kStreamIdleTimeout{5};

  UpstreamConnection(Executor executor, Endpoint endpoint);

  /// Connects within `timeout`; a host name is resolved first.
  void connect(std::chrono::milliseconds timeout, ConnectHandler handler);
  /// Writes `request` and reads the answer. `request` must stay alive until `handler` runs.
  void send(const Request& request, ResponseHandler handler);
  /// Ends the connection now; a pending send's handler is dropped, never called.
  void abort();
  /// While the connection idles in a pool, `onClosed` runs once if the upstream closes it or
  /// sends anything (Envoy keeps reading idle connections and drops them then). Stops at the
  /// next send().
  void watchWhileIdle(std::function<void()> onClosed);
  bool isWatched() const { return watching_; }

  /// Whether the connection can serve another request (the answer kept it open).
  bool reusable() const { return reusable_; }
  const Endpoint& endpoint() const { return endpoint_; }
  std::uint64_t requestsServed() const { return served_; }
  std::chrono::steady_clock::time_point idleSince() const { return idleSince_; }

 private:
  void read(const Request& request);
  void finish(boost::beast::error_code error, bool nothingReceived);

  TcpStream::socket_type socket_;
  Timer handshake_;
  Deadline deadline_;
  boost::beast::flat_buffer buffer_;
  Endpoint endpoint_;
  std::string head_;  ///< the request's start line and fields, as written
  std::optional<ResponseParser> parser_;
  ResponseHandler handler_;
  bool watching_ = false;
  std::uint64_t served_ = 0;
  bool reusable_ = false;
  std::chrono::steady_clock::time_point idleSince_{};
};

}  // namespace meshstudio::engine

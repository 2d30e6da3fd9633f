#pragma once

// A TLS PASSTHROUGH connection, as Envoy's tcp_proxy runs it: connect to the chosen endpoint,
// send it what the client already sent (the ClientHello the route was chosen by), then copy
// bytes both ways until both sides have finished. TLS stays end to end between the client and
// the upstream; the engine never sees inside it. One deadline covers the connect and then the
// idle time (it moves on with every read); a half-close is passed on as a half-close.

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "engine/AccessLog.h"
#include "engine/ConnectionBudget.h"
#include "engine/Deadline.h"
#include "engine/IoTypes.h"
#include "engine/PodBehaviour.h"

namespace meshstudio::engine {

class Engine;

class TcpRelay : public std::enable_shared_from_this<TcpRelay> {
 public:
  static constexpr std::chrono::seconds kConnectTimeout{10};  ///< Istio's default connectTimeout
  static constexpr std::chrono::hours kIdleTimeout{1};        ///< Envoy tcp_proxy's default idle_timeout

  /// `log` is the access-log entry to complete and write when the relay ends (none: not logged).
  /// `slot` is the downstream connection's place under the listener's connection limit, held
  /// until the relay ends.
  TcpRelay(TcpStream::socket_type downstream, std::string alreadyRead, Endpoint upstream,
           std::optional<AccessLogEntry> log, Engine& engine, ConnectionBudget::Slot slot);
  /// Starts connecting; call on the worker's thread that owns the downstream socket.
  void start();

 private:
  /// One direction of the copy, with its own buffer, so both run at once.
  struct Direction {
    TcpStream::socket_type* from = nullptr;
    TcpStream::socket_type* to = nullptr;
    std::array<char, 16 * 1024> buffer{};
    std::uint64_t bytes = 0;
    bool done = false;
  };

  void onConnect(boost::system::error_code error);
  void pump(Direction& direction);
  void onRead(Direction& direction, boost::system::error_code error, std::size_t bytes);
  void close(std::string_view flags = {});

  TcpStream::socket_type downstream_, upstream_;
  Deadline deadline_;
  std::string alreadyRead_;
  Endpoint endpoint_;
  std::optional<AccessLogEntry> log_;
  Engine& engine_;
  ConnectionBudget::Slot slot_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  Direction toUpstream_, toDownstream_;
  bool closed_ = false;
};

}  // namespace meshstudio::engine

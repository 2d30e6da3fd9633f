#pragma once

// The first moments of a connection to a TLS Gateway port, as Envoy's tls_inspector listener
// filter and filter-chain match handle them: read the ClientHello (bounded in time and size),
// take its SNI, and hand the connection with the bytes already read to what the SNI selects —
// an HttpSession that terminates TLS with the server's certificate, or a TcpRelay that passes
// TLS through to the routed endpoint. Nothing selected: the connection is closed (Envoy's NR).

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "engine/ConnectionBudget.h"
#include "engine/Deadline.h"
#include "engine/IoTypes.h"

namespace meshstudio::engine {

class Engine;
struct ClientHello;

class TlsInspector : public std::enable_shared_from_this<TlsInspector> {
 public:
  /// Envoy's listener_filters_timeout default: a client that sends no ClientHello is dropped.
  static constexpr std::chrono::seconds kTimeout{15};

  /// `slot` counts the connection against the listener's budget; it moves on to the HttpSession.
  TlsInspector(TcpStream::socket_type socket, Engine& engine, Worker& worker, std::int64_t gatewayPort,
               ConnectionBudget::Slot slot);
  /// Starts reading, on the worker's thread.
  void run();

 private:
  void read();
  void onRead(boost::system::error_code error, std::size_t bytes);
  void dispatch(const ClientHello& hello);
  /// Envoy's access-log line for a connection no filter chain takes (flag NR).
  void logUnrouted(const std::string& serverName);
  void close();

  TcpStream::socket_type socket_;
  Deadline deadline_;
  Engine& engine_;
  Worker& worker_;
  std::int64_t gatewayPort_;
  std::string received_;
  ConnectionBudget::Slot slot_;
  std::chrono::system_clock::time_point started_ = std::chrono::system_clock::now();
};

}  // namespace meshstudio::engine

#pragma once

// A TCP acceptor that hands each connection, on the next worker, to whatever serves it: an
// HttpSession for the mesh, admin and plain Gateway-port listeners, a TlsInspector for TLS
// Gateway ports, a PodSession for a simulated pod.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "engine/EngineSettings.h"
#include "engine/IoTypes.h"

namespace meshstudio::engine {

class Engine;

enum class ListenerKind { Mesh, Gateway, Admin };

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  /// Starts serving an accepted connection, which belongs to `worker` from now on.
  using Serve = std::function<void(TcpStream::socket_type socket, Worker& worker)>;

  Listener(boost::asio::io_context& io, Engine& engine, Serve serve);

  /// Binds and listens; false with `error` (address and reason) when the port is taken.
  bool open(const ListenAddress& address, std::string& error);
  /// Starts accepting, on the acceptor's own thread (callers may be any thread).
  void start();
  void close();
  std::uint16_t port() const { return port_; }

 private:
  void accept();
  void onAccept(boost::system::error_code error, TcpStream::socket_type socket, Worker& worker);

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  Engine& engine_;
  Serve serve_;
  std::uint16_t port_ = 0;
};

}  // namespace meshstudio::engine

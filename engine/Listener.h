#pragma once

// A TCP acceptor that hands each connection, on the next worker, to whatever serves it: an
// HttpSession for the mesh, admin and plain Gateway-port listeners, a TlsInspector for TLS
// Gateway ports, a PodSession for a simulated pod.
//
// Workers run their io_context without the reactor's locks (IoTypes.h), so a socket may only be
// registered with a worker's reactor on that worker's thread. The listener therefore accepts on
// its own context, releases the descriptor and posts it to the worker, which adopts it and calls
// Serve there. Accepting straight into a worker's context registered the socket from the
// acceptor's thread while the worker polled: a data race ThreadSanitizer reported.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "engine/EngineSettings.h"
#include "engine/IoTypes.h"

namespace meshstudio::engine {

class Engine;

enum class ListenerKind { Mesh, Gateway, Admin };

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  /// Starts serving an accepted connection, which belongs to `worker` from now on. Called on the
  /// worker's thread.
  using Serve = std::function<void(TcpStream::socket_type socket, Worker& worker)>;

  Listener(boost::asio::io_context& io, Engine& engine, Serve serve);

  /// Binds and listens; false with `error` (address and reason) when the port is taken.
  bool open(const ListenAddress& address, std::string& error);
  /// Starts accepting, on the acceptor's own thread (callers may be any thread).
  void start();
  void close();
  std::uint16_t port() const { return port_; }

 private:
  using Acceptor = boost::asio::ip::tcp::acceptor::rebind_executor<Executor>::other;

  /// A listening or accepted descriptor on its way to the thread that adopts it; closed if it
  /// never gets there (the engine stopped first and destroyed the posted handler).
  class PendingDescriptor {
   public:
    explicit PendingDescriptor(int fd = -1) : fd_(fd) {}
    PendingDescriptor(PendingDescriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    PendingDescriptor& operator=(PendingDescriptor&& other) noexcept {
      std::swap(fd_, other.fd_);
      return *this;
    }
    ~PendingDescriptor();
    int take() { return std::exchange(fd_, -1); }

   private:
    int fd_;
  };

  void accept();
  void onAccept(boost::system::error_code error, TcpStream::socket_type socket);
  /// Moves `socket` to `worker`'s thread and serves it there.
  void handOver(TcpStream::socket_type socket, Worker& worker);

  boost::asio::io_context& io_;
  Acceptor acceptor_;
  PendingDescriptor bound_;  ///< bound and listening by open(), adopted by start()
  boost::asio::ip::tcp protocol_ = boost::asio::ip::tcp::v4();
  Engine& engine_;
  Serve serve_;
  std::uint16_t port_ = 0;
};

}  // namespace meshstudio::engine

#pragma once

// The concrete executor and stream types of the engine's I/O. Like Envoy's workers, each I/O
// thread runs its own io_context and owns the connections it accepted, from start to end: there
// is no state shared between threads on the data path, so no strands are needed, and naming the
// executor type (instead of Asio's type-erased any_io_executor) keeps every handler cheap.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <unordered_set>

namespace meshstudio::engine {

using Executor = boost::asio::io_context::executor_type;
using TcpStream = boost::beast::basic_stream<boost::asio::ip::tcp, Executor>;
using Timer = boost::asio::basic_waitable_timer<std::chrono::steady_clock,
                                                boost::asio::wait_traits<std::chrono::steady_clock>, Executor>;

class ConnectionPool;
class Forwarder;
class Metrics;

/// One I/O thread: its event loop and its own upstream connection pools (as Envoy's per-worker pools).
struct Worker {
  Worker(std::size_t index, Metrics& metrics);
  ~Worker();
  std::size_t index;
  // One thread runs it, and only that thread touches its sockets (the acceptor hands a socket over
  // by posting), so the reactor's per-socket locks can go; the scheduler's stay, for those posts.
  boost::asio::io_context io{BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO};
  std::unique_ptr<ConnectionPool> upstreams;
  /// Upstream requests in flight on this worker. A Forwarder owns itself until it finishes; one
  /// still running when the engine stops is cancelled by ~Worker, or it and its session would
  /// outlive the engine.
  std::unordered_set<Forwarder*> forwarders;
};

}  // namespace meshstudio::engine

#pragma once

// One connection of a load run: a kept-alive HTTP/1.1 client with one request in flight, on its
// I/O thread's io_context (only that thread touches it, as in the engine's worker model).
//
// Coordinated omission. A closed-loop client (wrk, fortio without correction) sends the next
// request only when the previous answer arrived, and times each request from its actual send. When
// the server stalls for a second, such a client simply stops sending for that second: it records
// one slow request, while every request it *should* have sent during the stall (and whose users
// would have waited) is never measured — the percentiles hide the stall. At a fixed rate this
// generator does what wrk2 does instead of fortio's default: request j of the run has an intended
// send time on a fixed schedule, start + j / qps (connection i owns j = i, i + c, i + 2c, ..., so
// the c connections together keep the uniform total rate), and its latency is measured from that
// intended time to the end of its answer. A request whose slot passed while its connection was
// still waiting is sent at once, and the time it spent queued behind the stall counts; so a
// 500 ms stall at 100 qps shows up as ~50 slow samples (500, 490, ... ms), not one. The time from
// the actual send is kept as well (`serviceTime`), to show the difference. At -qps 0 there is no
// schedule: the intended time is the actual send time, as for wrk.
//
// Every request is bounded by the per-request timeout (connect, write and read together) with one
// timer per connection that is only re-armed when it must fire sooner (as engine/Deadline does),
// so a request costs no timer cancellation. Errors are error_codes. A kept-alive connection the
// server closed while idle (the first read or write fails before any answer byte) is redialled
// and the request sent again once, without counting an error; a `Connection: close` answer
// closes it, and the next request dials a new one.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include "engine/IoTypes.h"
#include "engine/LatencyHistogram.h"
#include "engine/LoadOptions.h"

namespace meshstudio::engine {

using LoadClock = std::chrono::steady_clock;

/// A response body that is counted and dropped: a load generator never needs the bytes.
struct DiscardedBody {
  using value_type = std::uint64_t;  ///< bytes received
  class reader {
   public:
    template <bool isRequest, class HeaderFields>
    reader(http::header<isRequest, HeaderFields>&, value_type& bytes) : bytes_(bytes) {}
    void init(const boost::optional<std::uint64_t>&, boost::system::error_code& error) { error = {}; }
    template <class Buffers>
    std::size_t put(const Buffers& buffers, boost::system::error_code& error) {
      const std::size_t size = boost::asio::buffer_size(buffers);
      bytes_ += size;
      error = {};
      return size;
    }
    void finish(boost::system::error_code& error) { error = {}; }

   private:
    value_type& bytes_;
  };
};

/// What every connection of one run shares. Written before the connections start, then only read
/// (except the atomics).
struct LoadRun {
  const LoadOptions* options = nullptr;
  boost::asio::ip::tcp::endpoint endpoint;
  std::string wire;   ///< the request, serialized once
  bool head = false;  ///< HEAD: answers carry no body
  LoadClock::time_point start;
  LoadClock::time_point end = LoadClock::time_point::max();  ///< a timed run's end
  double intervalNs = 0;                                     ///< 1e9 / qps; 0 at -qps 0
  std::atomic<bool> stopping{false};
  std::atomic<std::uint64_t> claimed{0};  ///< -n at -qps 0: the next request number
};

class LoadConnection {
 public:
  /// `index` is the connection's number in the run (its share of the schedule). `onFinished`
  /// runs on the connection's thread when it has nothing left to send.
  LoadConnection(Executor executor, LoadRun& run, int index, std::function<void()> onFinished);
  LoadConnection(const LoadConnection&) = delete;
  LoadConnection& operator=(const LoadConnection&) = delete;

  /// Posts the first request. Call once.
  void start();
  /// Ends the connection now (stop()): post it to the connection's executor. The request in flight
  /// is counted as cancelled, not as an error.
  void abort();

  // Read by the run's thread while the connection runs (progress).
  std::uint64_t done() const { return done_.load(std::memory_order_relaxed); }
  std::uint64_t failed() const { return failed_.load(std::memory_order_relaxed); }

  // Read once the connection's io_context has run out of work.
  LatencyHistogram latency, serviceTime;
  std::map<int, std::uint64_t> codes;
  std::map<std::string, std::uint64_t> errors;
  std::uint64_t cancelled = 0, bytesSent = 0, bodyBytes = 0, socketsUsed = 0;
  LoadClock::time_point lastAnswer{};  ///< when the last request finished (answered or failed)

 private:
  enum class Stage { Connect, Write, Read };

  void next();
  bool claim(LoadClock::time_point& intended);
  void send();
  void connect();
  void write();
  void read();
  void answered();
  void fail(boost::system::error_code error, Stage stage);
  void finish();
  void armDeadline();
  void onDeadline(boost::system::error_code error);
  void count(std::atomic<std::uint64_t>& counter) {
    counter.store(counter.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  }

  LoadRun& run_;
  const int index_;
  std::uint64_t turn_ = 0;  ///< how many of this connection's schedule slots were taken
  std::function<void()> onFinished_;
  boost::asio::basic_stream_socket<boost::asio::ip::tcp, Executor> socket_;
  Timer pace_, deadline_;
  LoadClock::time_point deadlineAt_ = LoadClock::time_point::max(), armedFor_ = LoadClock::time_point::max();
  bool timedOut_ = false, finished_ = false, retried_ = false;
  std::uint64_t answersOnSocket_ = 0;
  LoadClock::time_point intended_{}, sentAt_{};
  boost::beast::flat_buffer buffer_;
  std::optional<http::response_parser<DiscardedBody>> parser_;
  std::atomic<std::uint64_t> done_{0}, failed_{0};
};

}  // namespace meshstudio::engine

#include "engine/LoadConnection.h"

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>

#include <cmath>

namespace meshstudio::engine {

namespace {

namespace asio = boost::asio;
using boost::system::error_code;

/// After a failed connect at -qps 0 the next attempt waits this long, so a refused port costs a
/// few hundred attempts a second instead of a busy loop (a fixed rate is paced by its schedule).
constexpr std::chrono::milliseconds kConnectRetryPause{5};

/// The server closed a kept-alive connection between two requests (seen when the next request is
/// written or its answer read): not a failure of the request, which is sent again on a new one.
bool isStaleConnection(const error_code& error) {
  return error == asio::error::eof || error == boost::beast::http::error::end_of_stream ||
         error == asio::error::connection_reset || error == asio::error::broken_pipe;
}

}  // namespace

LoadConnection::LoadConnection(Executor executor, LoadRun& run, int index, std::function<void()> onFinished)
    : latency(run.options->resolution),
      serviceTime(run.options->resolution),
      run_(run),
      index_(index),
      onFinished_(std::move(onFinished)),
      socket_(executor),
      pace_(executor),
      deadline_(executor) {}

void LoadConnection::start() {
  asio::post(socket_.get_executor(), [this] { next(); });
}

void LoadConnection::abort() {
  // stopping is set already: whatever completes next (the pacing wait, the pending I/O, now
  // aborted) ends the connection instead of starting another request.
  error_code ignored;
  pace_.cancel();
  socket_.close(ignored);
}

bool LoadConnection::claim(LoadClock::time_point& intended) {
  const LoadOptions& options = *run_.options;
  const auto connections = static_cast<std::uint64_t>(options.connections);
  if (run_.intervalNs > 0) {
    // This connection's next slot on the run's schedule (see the file comment in the header).
    const std::uint64_t number = static_cast<std::uint64_t>(index_) + turn_ * connections;
    if (options.requests > 0 && number >= options.requests) return false;
    intended = run_.start + std::chrono::nanoseconds(
                                static_cast<std::int64_t>(std::llround(static_cast<double>(number) * run_.intervalNs)));
    if (options.requests == 0 && intended >= run_.end) return false;
    ++turn_;
    return true;
  }
  intended = LoadClock::now();
  if (options.requests > 0) return run_.claimed.fetch_add(1, std::memory_order_relaxed) < options.requests;
  return intended < run_.end;
}

void LoadConnection::next() {
  if (run_.stopping.load(std::memory_order_relaxed)) return finish();
  if (!claim(intended_)) return finish();
  retried_ = false;
  if (intended_ > LoadClock::now()) {
    pace_.expires_at(intended_);
    pace_.async_wait([this](error_code error) {
      if (error || run_.stopping.load(std::memory_order_relaxed)) return finish();
      send();
    });
    return;
  }
  send();
}

void LoadConnection::send() {
  sentAt_ = LoadClock::now();
  timedOut_ = false;
  deadlineAt_ = sentAt_ + run_.options->timeout;
  armDeadline();
  if (socket_.is_open())
    write();
  else
    connect();
}

void LoadConnection::connect() {
  answersOnSocket_ = 0;
  buffer_.clear();
  socket_.async_connect(run_.endpoint, [this](error_code error) {
    if (error) return fail(error, Stage::Connect);
    ++socketsUsed;
    socket_.set_option(asio::ip::tcp::no_delay(true), error);  // small requests must not wait for Nagle
    write();
  });
}

void LoadConnection::write() {
  asio::async_write(socket_, asio::buffer(run_.wire), [this](error_code error, std::size_t written) {
    if (error) return fail(error, Stage::Write);
    bytesSent += written;
    read();
  });
}

void LoadConnection::read() {
  parser_.emplace();
  parser_->body_limit(boost::none);  // the body is counted, never stored
  parser_->header_limit(64 * 1024);
  if (run_.head) parser_->skip(true);
  http::async_read(socket_, buffer_, *parser_, [this](error_code error, std::size_t) {
    if (error) return fail(error, Stage::Read);
    answered();
  });
}

void LoadConnection::answered() {
  const LoadClock::time_point now = LoadClock::now();
  deadlineAt_ = LoadClock::time_point::max();  // idle until the next send; the armed timer stays
  latency.record(now - intended_);
  serviceTime.record(now - sentAt_);
  const auto& response = parser_->get();
  ++codes[static_cast<int>(response.result_int())];
  if (run_.options->onRequestDone)
    run_.options->onRequestDone(static_cast<int>(response.result_int()), now - intended_);
  bodyBytes += response.body();
  lastAnswer = now;
  ++answersOnSocket_;
  if (!response.keep_alive()) {
    error_code ignored;
    socket_.close(ignored);
  }
  count(done_);
  next();
}

void LoadConnection::fail(error_code error, Stage stage) {
  error_code ignored;
  socket_.close(ignored);
  if (run_.stopping.load(std::memory_order_relaxed) && !timedOut_) {
    ++cancelled;  // aborted by stop(): neither an answer nor the server's fault
    return finish();
  }
  const bool nothingRead = stage != Stage::Read || !parser_ || !parser_->got_some();
  if (!timedOut_ && !retried_ && stage != Stage::Connect && answersOnSocket_ > 0 && nothingRead &&
      isStaleConnection(error)) {
    retried_ = true;  // the deadline keeps running from the first attempt
    return connect();
  }
  std::string kind;
  if (timedOut_)
    kind = "timeout";
  else if (stage == Stage::Connect)
    kind = "connect";
  else if (isStaleConnection(error))
    kind = "closed";
  else if (error.category() == http::make_error_code(http::error::need_more).category())  // any Beast HTTP parse error
    kind = "protocol";
  else
    kind = error.message();
  ++errors[kind];
  deadlineAt_ = LoadClock::time_point::max();
  lastAnswer = LoadClock::now();
  if (run_.options->onRequestDone) run_.options->onRequestDone(0, lastAnswer - intended_);
  count(done_);
  count(failed_);
  if (stage == Stage::Connect && run_.intervalNs == 0) {
    pace_.expires_after(kConnectRetryPause);
    pace_.async_wait([this](error_code waitError) {
      if (waitError) return finish();
      next();
    });
    return;
  }
  next();
}

void LoadConnection::finish() {
  if (finished_) return;
  finished_ = true;
  deadlineAt_ = LoadClock::time_point::max();
  error_code ignored;
  pace_.cancel();
  deadline_.cancel();
  socket_.close(ignored);
  if (onFinished_) onFinished_();
}

void LoadConnection::armDeadline() {
  // A timer already set to fire no later than the new deadline re-checks when it fires; only a
  // deadline earlier than the armed one (rare: a shorter wait after a long one) re-arms it.
  if (armedFor_ != LoadClock::time_point::max() && armedFor_ <= deadlineAt_) return;
  armedFor_ = deadlineAt_;
  deadline_.expires_at(deadlineAt_);
  deadline_.async_wait([this](error_code error) { onDeadline(error); });
}

void LoadConnection::onDeadline(error_code error) {
  if (error || finished_) return;  // re-armed (the newer wait is pending) or cancelled
  armedFor_ = LoadClock::time_point::max();
  if (deadlineAt_ == LoadClock::time_point::max()) return;   // idle between requests
  if (LoadClock::now() < deadlineAt_) return armDeadline();  // the deadline moved on
  timedOut_ = true;
  error_code ignored;
  socket_.close(ignored);  // the pending connect, write or read completes with operation_aborted
}

}  // namespace meshstudio::engine

#include "engine/LoadGenerator.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <sstream>

#include "engine/LoadConnection.h"

namespace meshstudio::engine {

namespace {

namespace asio = boost::asio;

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

/// How long the engine may take to count answers the generator already has: it records a request
/// once the answer is written, which races the client reading it.
constexpr std::chrono::seconds kDestinationSettleLimit{2};

DestinationCounts difference(const DestinationCounts& before, const DestinationCounts& after) {
  DestinationCounts delta;
  delta.error = after.error.empty() ? before.error : after.error;
  auto subtract = [](const std::map<std::string, std::uint64_t>& from, const std::map<std::string, std::uint64_t>& base,
                     std::map<std::string, std::uint64_t>& out) {
    for (const auto& [name, value] : from) {
      auto it = base.find(name);
      const std::uint64_t was = it == base.end() ? 0 : it->second;
      if (value > was) out[name] = value - was;  // a counter reset in between shows as nothing
    }
  };
  subtract(after.clusters, before.clusters, delta.clusters);
  subtract(after.workloads, before.workloads, delta.workloads);
  delta.total = after.total > before.total ? after.total - before.total : 0;
  return delta;
}

}  // namespace

// One I/O thread's event loop. As in the engine's workers, a connection only ever runs on its own
// io_context and thread, so the reactor's per-socket locking can go; stop() reaches it by posting.
struct LoadGenerator::Io {
  asio::io_context io{BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO};
};

LoadGenerator::LoadGenerator(LoadOptions options) : options_(std::move(options)), run_(std::make_unique<LoadRun>()) {
  run_->options = &options_;
}

LoadGenerator::~LoadGenerator() {
  if (runThread_.joinable()) {
    stop();
    runThread_.join();
  }
}

bool LoadGenerator::start(std::string& error) {
  error = options_.validate();
  if (error.empty() && started_.exchange(true)) error = "the load generator was started already";
  if (!error.empty()) {
    result_.error = error;
    return false;
  }
  running_ = true;
  runThread_ = std::thread([this] { runThread(); });
  return true;
}

void LoadGenerator::stop() {
  run_->stopping = true;
  std::lock_guard lock(mutex_);
  if (running_) result_.stopped = true;  // a stop() after the end changes nothing
  // Connection i runs on io context i % threads (startConnections).
  for (std::size_t i = 0; i < connections_.size(); ++i)
    asio::post(ios_[i % ios_.size()]->io, [c = connections_[i].get()] { c->abort(); });
}

LoadResult LoadGenerator::wait() {
  if (runThread_.joinable()) runThread_.join();
  return result_;
}

LoadResult LoadGenerator::run() {
  std::string error;
  if (!start(error)) return result_;
  return wait();
}

LoadProgress LoadGenerator::progress() const {
  LoadProgress progress;
  progress.total = options_.requests;
  progress.duration = options_.requests > 0 ? std::chrono::nanoseconds(0) : options_.duration;
  std::lock_guard lock(mutex_);
  for (const auto& connection : connections_) {
    progress.done += connection->done();
    progress.errors += connection->failed();
  }
  if (!connections_.empty()) progress.elapsed = LoadClock::now() - run_->start;
  progress.finished = finished_.load();
  if (progress.finished) progress.elapsed = result_.duration;
  return progress;
}

bool LoadGenerator::resolve(std::string& error) {
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(options_.target.dialHost, ec);
  if (!ec) {
    run_->endpoint = asio::ip::tcp::endpoint(address, options_.target.dialPort);
    return true;
  }
  // Names are resolved once, before the clock starts (getaddrinfo: /etc/hosts, then DNS).
  asio::io_context io;
  asio::ip::tcp::resolver resolver(io);
  auto results = resolver.resolve(options_.target.dialHost, std::to_string(options_.target.dialPort), ec);
  if (ec || results.empty()) {
    error = "cannot resolve " + options_.target.dialHost + ": " + (ec ? ec.message() : "no address");
    return false;
  }
  run_->endpoint = results.begin()->endpoint();
  return true;
}

void LoadGenerator::buildRequest() {
  http::request<http::string_body> request;
  request.version(11);
  const http::verb verb = http::string_to_verb(options_.method);
  if (verb == http::verb::unknown)
    request.method_string(options_.method);
  else
    request.method(verb);
  request.target(options_.target.path);
  request.set(http::field::host, options_.target.authority);
  request.set(http::field::user_agent, "meshstudio-load");
  for (const auto& [name, value] : options_.headers) {
    // Host and User-Agent replace the defaults; anything else is added as given (repeats allowed).
    if (equalsIgnoringCase(name, "host") || equalsIgnoringCase(name, "user-agent"))
      request.set(name, value);
    else
      request.insert(name, value);
  }
  request.body() = options_.body;
  request.prepare_payload();  // HTTP/1.1 keeps the connection by default; a user's `Connection: close` stays
  std::ostringstream wire;
  wire << request;
  run_->wire = wire.str();
  run_->head = verb == http::verb::head;
}

void LoadGenerator::startConnections() {
  const int threads = std::min(options_.threads, options_.connections);
  std::lock_guard lock(mutex_);
  for (int i = 0; i < threads; ++i) ios_.push_back(std::make_unique<Io>());
  active_ = options_.connections;
  for (int i = 0; i < options_.connections; ++i) {
    Io& io = *ios_[static_cast<std::size_t>(i % threads)];
    connections_.push_back(std::make_unique<LoadConnection>(io.io.get_executor(), *run_, i, [this] {
      if (--active_ > 0) return;
      std::lock_guard wakeLock(mutex_);
      wake_.notify_all();
    }));
    connections_.back()->start();
  }
  for (auto& io : ios_) ioThreads_.emplace_back([&context = io->io] { context.run(); });
}

void LoadGenerator::runThread() {
  std::string error;
  if (!resolve(error)) {
    result_.error = error;
  } else {
    if (options_.readDestinations) before_ = options_.readDestinations();
    buildRequest();
    const double qps = options_.qps;
    run_->intervalNs = qps > 0 ? 1e9 / qps : 0;
    run_->start = LoadClock::now();
    if (options_.requests == 0) run_->end = run_->start + options_.duration;
    startConnections();
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, options_.progressInterval, [&] { return active_.load() == 0; })) {
      lock.unlock();
      if (options_.onProgress) options_.onProgress(progress());
      lock.lock();
    }
    lock.unlock();
    for (std::thread& thread : ioThreads_) thread.join();
    assembleResult();
  }
  {
    std::lock_guard lock(mutex_);
    running_ = false;
    finished_ = true;
  }
  if (options_.onProgress) options_.onProgress(progress());
  if (options_.onFinished) options_.onFinished();
}

void LoadGenerator::assembleResult() {
  LoadResult& result = result_;
  result.latency = LatencyHistogram(options_.resolution);
  result.serviceTime = LatencyHistogram(options_.resolution);
  result.connections = options_.connections;
  result.requestedQps = options_.qps;
  LoadClock::time_point last = run_->start;
  for (const auto& connection : connections_) {
    result.latency.merge(connection->latency);
    result.serviceTime.merge(connection->serviceTime);
    for (const auto& [code, count] : connection->codes) result.codes[code] += count;
    for (const auto& [kind, count] : connection->errors) result.errors[kind] += count;
    result.cancelled += connection->cancelled;
    result.bytesSent += connection->bytesSent;
    result.bodyBytesReceived += connection->bodyBytes;
    result.socketsUsed += connection->socketsUsed;
    last = std::max(last, connection->lastAnswer);
  }
  for (const auto& [kind, count] : result.errors) result.requests += count;
  result.requests += result.answered();
  // A run stopped before anything finished still lasted until now.
  result.duration = result.requests > 0 ? last - run_->start : LoadClock::now() - run_->start;
  const double seconds = std::chrono::duration<double>(result.duration).count();
  result.actualQps = seconds > 0 ? static_cast<double>(result.requests) / seconds : 0;

  if (!options_.readDestinations) return;
  const std::uint64_t answered = result.answered();
  DestinationCounts after = options_.readDestinations();
  const auto settleUntil = LoadClock::now() + kDestinationSettleLimit;
  while (after.error.empty() && before_.error.empty() && after.total < before_.total + answered &&
         LoadClock::now() < settleUntil) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    after = options_.readDestinations();
  }
  result.destinations = difference(before_, after);
}

}  // namespace meshstudio::engine

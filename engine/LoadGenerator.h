#pragma once

// A fortio-like HTTP load generator: -c kept-alive connections sending one request over and over,
// at a fixed total rate (with coordinated-omission correction, see LoadConnection.h) or as fast as
// possible, for -n requests or -t of time; answers are counted by status, latencies go into
// histograms, and an engine's per-destination counters are read before and after.
//
// It runs on its own threads: start() returns at once; a run thread resolves the target, starts
// the I/O threads (one io_context each, the connections spread over them), reports progress, and
// assembles the result when the last connection is done. The studio drives it like this:
//
//   engine::LoadOptions options;  // target, -c, -qps, -n/-t, ...
//   options.onProgress = [=](const engine::LoadProgress& p) { post p to the GUI thread; };
//   options.onFinished = [=] { post "finished" to the GUI thread; };  // then call wait()
//   options.readDestinations = engine::DestinationCounter::reader(engine);
//   auto generator = std::make_unique<engine::LoadGenerator>(options);
//   std::string error;
//   if (!generator->start(error)) show(error);
//   ... generator->stop();          // from any thread: ends the run early
//   engine::LoadResult result = generator->wait();  // blocks until done (at once after onFinished)
//
// The callbacks run on the run thread; they must not call wait() (it joins that thread).
// The destructor stops a run still going and waits for it.

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/LoadOptions.h"
#include "engine/LoadResult.h"

namespace meshstudio::engine {

class LoadConnection;
struct LoadRun;

class LoadGenerator {
 public:
  explicit LoadGenerator(LoadOptions options);
  ~LoadGenerator();
  LoadGenerator(const LoadGenerator&) = delete;
  LoadGenerator& operator=(const LoadGenerator&) = delete;

  /// Checks the options and starts the run; false with `error` when they make no run. Call once.
  bool start(std::string& error);
  /// Ends the run early: no new request is sent and those in flight are abandoned (counted as
  /// cancelled). Thread-safe, idempotent, returns at once.
  void stop();
  /// Blocks until the run is over and returns its result. Not from the callbacks.
  LoadResult wait();
  /// start() and wait(); a start error comes back in LoadResult::error.
  LoadResult run();

  /// Where the run is now; thread-safe.
  LoadProgress progress() const;
  bool finished() const { return finished_.load(); }

 private:
  void runThread();
  bool resolve(std::string& error);
  void buildRequest();
  void startConnections();
  void assembleResult();

  LoadOptions options_;
  std::unique_ptr<LoadRun> run_;
  struct Io;
  std::vector<std::unique_ptr<Io>> ios_;
  std::vector<std::unique_ptr<LoadConnection>> connections_;
  std::vector<std::thread> ioThreads_;
  std::thread runThread_;

  mutable std::mutex mutex_;  ///< connections_ while they are created; the wake-up below
  std::condition_variable wake_;
  std::atomic<int> active_{0};  ///< connections not finished yet
  std::atomic<bool> started_{false}, finished_{false}, running_{false};
  DestinationCounts before_;
  LoadResult result_;
};

}  // namespace meshstudio::engine

#pragma once

// The bridge's end of the engine's access log and event stream, Qt-free. The engine's I/O
// threads call the subscribers, which only append to a bounded queue under a mutex; the GUI
// thread drains it on a timer (batched, so a load test costs the GUI one append per 100 ms, not
// one per request). Trial workers also wait here for the entry of their own request, found by
// its x-request-id.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/AccessLog.h"
#include "engine/EngineEvents.h"

namespace meshstudio::app {

class AccessLogTap {
 public:
  /// At most `maxPending` lines wait between drains; older ones are dropped (and counted).
  explicit AccessLogTap(std::size_t maxPending = 20000) : maxPending_(maxPending) {}
  ~AccessLogTap();
  AccessLogTap(const AccessLogTap&) = delete;
  AccessLogTap& operator=(const AccessLogTap&) = delete;

  /// Subscribes to `log` and `events` (one engine at a time; attach again after detach()).
  void attach(engine::AccessLog& log, engine::EngineEvents& events);
  /// Unsubscribes (final: no callback after it returns) and wakes every waiter.
  void detach();

  /// The lines written since the last drain, oldest first; `dropped` counts lines lost to the bound.
  std::vector<std::string> drainLines(std::size_t* dropped = nullptr);
  std::vector<engine::EngineEvent> drainEvents();

  /// Starts keeping the entry of the request whose x-request-id is `requestId`.
  void watch(const std::string& requestId);
  /// Waits up to `timeout` for that entry (the engine logs a request once its answer is written,
  /// which races the client reading the answer); stops watching it. Nullopt when none came.
  std::optional<engine::AccessLogEntry> take(const std::string& requestId, std::chrono::milliseconds timeout);

 private:
  void onEntry(const engine::AccessLogEntry& entry, const std::string& line);

  const std::size_t maxPending_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<std::string> lines_;
  std::size_t dropped_ = 0;
  std::vector<engine::EngineEvent> events_;
  std::map<std::string, std::optional<engine::AccessLogEntry>> watched_;
  bool attached_ = false;

  engine::AccessLog* log_ = nullptr;
  engine::EngineEvents* engineEvents_ = nullptr;
  int logSubscription_ = 0;
  std::uint64_t eventSubscription_ = 0;
};

}  // namespace meshstudio::app

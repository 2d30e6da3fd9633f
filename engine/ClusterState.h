#pragma once

// The live state of one Envoy cluster while the engine runs: circuit-breaker counters shared by
// every worker (Envoy's cluster resource manager), the round-robin cursor, and each host's
// active requests and outlier-detection state. Unlike the Snapshot it is mutable, and it
// outlives reloads: a cluster keeps its state, and a host its ejection, under the same name, as
// Envoy keeps a cluster whose definition did not change.
//
// Outlier detection follows Envoy (semantics §8): consecutive 5xx, gateway errors and
// local-origin failures are counted inline on each result and eject at once; un-ejection and
// the decay of the ejection multiplier happen on the cluster's `interval` ticks (tick()).

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/ClusterPolicy.h"

namespace meshstudio::engine {

class Metrics;
class EngineEvents;

/// One upstream host of one cluster.
struct HostState {
  explicit HostState(std::string displayAddress) : address(std::move(displayAddress)) {}
  const std::string address;  ///< `10.1.0.3:8000`, as logs and /clusters show the pod
  std::atomic<std::uint32_t> activeRequests{0};
  std::atomic<bool> ejected{false};
  // Outlier bookkeeping, guarded by the ClusterState's mutex.
  std::uint32_t consecutive5xx = 0, consecutiveGateway = 0, consecutiveLocalOrigin = 0;
  std::uint32_t ejections = 0;  ///< Envoy's ejection multiplier: grows per ejection, decays while healthy
  std::chrono::steady_clock::time_point ejectedAt{};
  std::atomic<std::uint64_t> successes{0}, failures{0};  ///< for /clusters: rq_success, rq_error
};

/// How an attempt on a host ended, for outlier detection.
struct HostResult {
  enum class Origin { Upstream, LocalOrigin };
  Origin origin = Origin::Upstream;
  int status = 200;     ///< the upstream's HTTP status (Origin::Upstream)
  bool failed = false;  ///< LocalOrigin: connect failure, timeout or reset; false: the connection worked
};

class ClusterState {
 public:
  using Clock = std::chrono::steady_clock;

  ClusterState(std::string name, Metrics& metrics, EngineEvents& events);

  const std::string& name() const { return name_; }

  /// Installs the policy of a newly loaded snapshot and returns its hosts, in the order of
  /// `addresses` (state kept for addresses seen before).
  std::vector<std::shared_ptr<HostState>> adopt(const ClusterPolicy& policy, const std::vector<std::string>& addresses);

  // Circuit breakers, shared by all workers (Envoy's ResourceManager).
  std::atomic<std::uint64_t> connections{0}, pendingRequests{0}, activeRequests{0}, activeRetries{0};
  /// Takes one unit of `counter` when it is below `limit`; false (nothing taken) when full.
  static bool tryAcquire(std::atomic<std::uint64_t>& counter, std::uint64_t limit);
  static void release(std::atomic<std::uint64_t>& counter) { counter.fetch_sub(1, std::memory_order_relaxed); }

  std::atomic<std::uint64_t> roundRobin{0};

  /// Feeds outlier detection (a no-op without an outlierDetection block); may eject `host`.
  void report(HostState& host, const HostResult& result, Clock::time_point now);
  /// The interval tick: un-ejects hosts whose ejection time is over and decays multipliers.
  /// Cheap to call often; it acts at most once per `interval`.
  void tick(Clock::time_point now);

  std::size_t ejectedCount() const;

 private:
  void eject(HostState& host, const char* reason, Clock::time_point now);
  void uneject(HostState& host);
  void publishGauge();

  const std::string name_;
  Metrics& metrics_;
  EngineEvents& events_;
  mutable std::mutex mutex_;
  ClusterPolicy policy_;
  std::atomic<bool> detecting_{false};             ///< policy_ has outlier detection
  std::vector<std::shared_ptr<HostState>> hosts_;  ///< the current snapshot's hosts
  std::unordered_map<std::string, std::shared_ptr<HostState>> byAddress_;
  Clock::time_point nextTick_{};
  std::size_t ejected_ = 0;
};

}  // namespace meshstudio::engine

#pragma once

// The two things a rollout talks to, as interfaces: where the weights go (the embedded engine,
// or a cluster) and where the canary's numbers come from (the engine's counters, or Prometheus).
// Tests give their own.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace meshstudio::rollout {

/// What the metrics say about one observation window, per version.
struct CanarySample {
  std::uint64_t requests = 0;       ///< canary requests in the window
  std::optional<double> errorRate;  ///< share of 5xx; nullopt = no data (which is not a pass)
  std::optional<double> p99Ms;
  std::uint64_t stableRequests = 0;
  std::optional<double> stableErrorRate;
  std::optional<double> stableP99Ms;
  std::string error;  ///< the source could not answer (Prometheus unreachable, bad query...)
};

class MetricsSource {
 public:
  virtual ~MetricsSource() = default;
  /// A new step begins now: the next samples cover only what happens from here on.
  virtual void stepStarted() {}
  /// The canary's and the stable version's numbers over the last `window`.
  virtual CanarySample sample(std::chrono::milliseconds window) = 0;
};

class WeightTarget {
 public:
  virtual ~WeightTarget() = default;
  /// Routes `percent` of the route's traffic to the canary and the rest to stable. Empty on
  /// success, else why not.
  virtual std::string setCanaryWeight(int percent) = 0;
};

}  // namespace meshstudio::rollout

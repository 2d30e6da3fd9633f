#pragma once

// What a canary rollout is asked to do: which route, which subsets, the steps, how long to
// watch each one and what must hold. Plain data, Qt-free; `CanaryRollout` runs it.

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace meshstudio::rollout {

struct RolloutGates {
  std::optional<double> maxErrorRate = 0.01;  ///< share of 5xx, 0..1; nullopt: not checked
  std::optional<double> maxP99Ms = 500;       ///< milliseconds; nullopt: not checked
  std::uint64_t minRequests = 20;             ///< fewer canary requests: the step waits
};

struct RolloutPlan {
  std::string virtualService;                                     ///< `namespace/name`
  int routeIndex = 0;                                             ///< index in spec.http
  std::string stableSubset;                                       ///< e.g. v1
  std::string canarySubset;                                       ///< e.g. v2
  std::vector<int> steps = {5, 10, 25, 50, 75, 100};              ///< canary weight per step, rising, ending at 100
  std::chrono::milliseconds interval = std::chrono::seconds(30);  ///< observation period per step
  /// How long a step may wait for enough traffic (in intervals) before the rollout gives up and rolls back.
  int maxWaitIntervals = 10;
  RolloutGates gates;
  std::set<int> approvalBefore;  ///< steps (weights) that wait for a person's approval first

  /// Empty when the plan is usable, else what is wrong (steps not rising, not ending at 100...).
  std::string validate() const;
};

/// `VS[/ROUTE]` as the CLI takes it: `shop/reviews`, `shop/reviews/2` or `shop/reviews/canary`
/// (a route name). `routeName` is set when ROUTE is not a number.
struct RouteSelector {
  std::string virtualService;
  std::optional<int> routeIndex;
  std::string routeName;
  static std::optional<RouteSelector> parse(const std::string& text, const std::string& defaultNamespace);
};

}  // namespace meshstudio::rollout

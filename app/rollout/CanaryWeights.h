#pragma once

// A VirtualService with one route's split set to `canary` % for the canary subset and the rest
// for the stable one: the only edit a rollout step makes. Qt-free and pure, so the engine
// rehearsal, the cluster apply and the tests all make exactly the same document.

#include <optional>
#include <string>

#include "model/Value.h"

namespace meshstudio::rollout {

class CanaryWeights {
 public:
  /// The destination hosts of the stable and canary subsets in spec.http[routeIndex]: the route's
  /// destinations with those subsets. When the canary destination is missing it is added with
  /// the stable one's host and port. A destination of another subset keeps no weight (0) while
  /// the rollout runs, because Istio needs the weights to add up to 100. `error` says why not.
  static std::optional<model::Value> withCanaryWeight(const model::Value& virtualService, int routeIndex,
                                                      const std::string& stableSubset, const std::string& canarySubset,
                                                      int canaryPercent, std::string& error);

  /// The canary's current weight in that route (absent canary: 0); nullopt when the route is not there.
  static std::optional<int> canaryWeight(const model::Value& virtualService, int routeIndex,
                                         const std::string& canarySubset);

  /// The index of the HTTP route named `name`; nullopt when there is none.
  static std::optional<int> routeNamed(const model::Value& virtualService, const std::string& name);
};

}  // namespace meshstudio::rollout

#pragma once

// A rehearsal's weights: the project's VirtualService edited with CanaryWeights, compiled and
// hot-reloaded into the embedded engine, exactly as the studio reloads an edit.

#include <string>
#include <vector>

#include "app/rollout/RolloutPorts.h"
#include "engine/Engine.h"
#include "model/Resource.h"

namespace meshstudio::rollout {

class EngineWeightTarget : public WeightTarget {
 public:
  /// `virtualService` indexes `resources`. The engine must outlive this.
  EngineWeightTarget(engine::Engine& engine, std::vector<model::Resource> resources, model::Value settings,
                     std::size_t virtualService, int routeIndex, std::string stableSubset, std::string canarySubset);

  std::string setCanaryWeight(int percent) override;
  /// The VirtualService as the engine runs it now.
  const model::Resource& virtualService() const { return resources_[index_]; }

 private:
  engine::Engine& engine_;
  std::vector<model::Resource> resources_;
  model::Value settings_;
  std::size_t index_;
  int routeIndex_;
  std::string stable_, canary_;
};

}  // namespace meshstudio::rollout

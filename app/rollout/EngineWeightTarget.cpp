#include "app/rollout/EngineWeightTarget.h"

#include "app/rollout/CanaryWeights.h"
#include "engine/Snapshot.h"

namespace meshstudio::rollout {

EngineWeightTarget::EngineWeightTarget(engine::Engine& engine, std::vector<model::Resource> resources,
                                       model::Value settings, std::size_t virtualService, int routeIndex,
                                       std::string stableSubset, std::string canarySubset)
    : engine_(engine),
      resources_(std::move(resources)),
      settings_(std::move(settings)),
      index_(virtualService),
      routeIndex_(routeIndex),
      stable_(std::move(stableSubset)),
      canary_(std::move(canarySubset)) {}

std::string EngineWeightTarget::setCanaryWeight(int percent) {
  std::string error;
  auto edited =
      CanaryWeights::withCanaryWeight(resources_[index_].document(), routeIndex_, stable_, canary_, percent, error);
  if (!edited) return error;
  resources_[index_].setDocument(std::move(*edited));
  auto snapshot = engine::Snapshot::compile(resources_, settings_);
  if (!snapshot) return "the configuration did not compile";
  if (!snapshot->problems.empty()) return snapshot->problems.front();
  engine_.load(snapshot, &error);
  return error;
}

}  // namespace meshstudio::rollout

#include "app/rollout/ClusterWeightTarget.h"

#include "app/rollout/CanaryWeights.h"

namespace meshstudio::rollout {

ClusterWeightTarget::ClusterWeightTarget(cluster::KubeApi& api, model::Value virtualService, int routeIndex,
                                         std::string stableSubset, std::string canarySubset)
    : api_(api),
      virtualService_(std::move(virtualService)),
      routeIndex_(routeIndex),
      stable_(std::move(stableSubset)),
      canary_(std::move(canarySubset)) {}

std::string ClusterWeightTarget::setCanaryWeight(int percent) {
  std::string error;
  auto edited = CanaryWeights::withCanaryWeight(virtualService_, routeIndex_, stable_, canary_, percent, error);
  if (!edited) return error;
  std::optional<cluster::ObjectRef> ref = cluster::KubeApi::refOf(*edited, "default");
  if (!ref) return "not a VirtualService";
  cluster::KubeResult<model::Value> applied = api_.apply(*ref, *edited, {});
  if (!applied.ok()) return applied.problem.message;
  virtualService_ = std::move(*edited);
  return {};
}

}  // namespace meshstudio::rollout

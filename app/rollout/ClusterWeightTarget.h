#pragma once

// A cluster rollout's weights: each step is a server-side apply of the VirtualService with the
// step's split, with the same field manager as every other apply of the studio (meshstudio),
// so the rollout edits what the project applied rather than fighting over it.

#include <string>

#include "app/cluster/KubeApi.h"
#include "app/rollout/RolloutPorts.h"

namespace meshstudio::rollout {

class ClusterWeightTarget : public WeightTarget {
 public:
  /// `virtualService`: the project's document (canonical, namespace set). `api` must outlive this.
  ClusterWeightTarget(cluster::KubeApi& api, model::Value virtualService, int routeIndex, std::string stableSubset,
                      std::string canarySubset);

  std::string setCanaryWeight(int percent) override;

 private:
  cluster::KubeApi& api_;
  model::Value virtualService_;
  int routeIndex_;
  std::string stable_, canary_;
};

}  // namespace meshstudio::rollout

#pragma once

// A rehearsal's numbers: the embedded engine's own request metrics (what /stats/prometheus
// exports as istio_requests_total and istio_request_duration_milliseconds), per version of the
// destination service, counted from the start of each step.

#include <string>

#include "app/rollout/RolloutPorts.h"
#include "engine/Metrics.h"

namespace meshstudio::rollout {

class EngineMetricsSource : public MetricsSource {
 public:
  /// `service`: the destination's fqdn (`reviews.shop.svc.cluster.local`); versions as the
  /// pods' `version` labels say them.
  EngineMetricsSource(const engine::Metrics& metrics, std::string service, std::string stableVersion,
                      std::string canaryVersion);

  void stepStarted() override;
  /// Everything since the step started (`window` is that long already).
  CanarySample sample(std::chrono::milliseconds window) override;

 private:
  engine::RequestTally tallyOf(const std::string& version) const;
  const engine::Metrics& metrics_;
  std::string service_, stable_, canary_;
  engine::RequestTally stableStart_, canaryStart_;
};

/// `reviews` in namespace `shop` → `reviews.shop.svc.cluster.local`, as Istio names destination_service.
std::string serviceFqdn(const std::string& host, const std::string& namespaceName);

}  // namespace meshstudio::rollout

#include "app/rollout/EngineMetricsSource.h"

#include <algorithm>

namespace meshstudio::rollout {

std::string serviceFqdn(const std::string& host, const std::string& namespaceName) {
  const auto dots = std::count(host.begin(), host.end(), '.');
  if (dots == 0) return host + "." + namespaceName + ".svc.cluster.local";
  if (dots == 1) return host + ".svc.cluster.local";
  if (host.ends_with(".svc")) return host + ".cluster.local";
  return host;
}

EngineMetricsSource::EngineMetricsSource(const engine::Metrics& metrics, std::string service, std::string stableVersion,
                                         std::string canaryVersion)
    : metrics_(metrics),
      service_(std::move(service)),
      stable_(std::move(stableVersion)),
      canary_(std::move(canaryVersion)) {
  stepStarted();
}

engine::RequestTally EngineMetricsSource::tallyOf(const std::string& version) const {
  engine::RequestFilter filter;
  filter.destinationService = service_;
  filter.destinationVersion = version;
  return metrics_.tally(filter);
}

void EngineMetricsSource::stepStarted() {
  stableStart_ = tallyOf(stable_);
  canaryStart_ = tallyOf(canary_);
}

CanarySample EngineMetricsSource::sample(std::chrono::milliseconds) {
  engine::RequestTally canary = tallyOf(canary_).since(canaryStart_);
  engine::RequestTally stable = tallyOf(stable_).since(stableStart_);
  CanarySample sample;
  sample.requests = canary.count;
  sample.stableRequests = stable.count;
  if (canary.count > 0) sample.errorRate = static_cast<double>(canary.serverErrors) / static_cast<double>(canary.count);
  if (stable.count > 0)
    sample.stableErrorRate = static_cast<double>(stable.serverErrors) / static_cast<double>(stable.count);
  sample.p99Ms = canary.quantileMs(0.99);
  sample.stableP99Ms = stable.quantileMs(0.99);
  return sample;
}

}  // namespace meshstudio::rollout

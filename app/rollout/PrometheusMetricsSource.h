#pragma once

// A rollout's numbers from Prometheus, with PromQL templates people can edit. `<svc>`,
// `<version>` (the canary's or the stable one's) and `<window>` (the time since the step began,
// e.g. `30s`) are filled in. The defaults are Istio's standard queries:
//
//   error rate: (sum(rate(istio_requests_total{destination_service=~"<svc>",destination_version="<version>",
//                response_code=~"5.."}[<window>])) or vector(0))
//               /
//               sum(rate(istio_requests_total{destination_service=~"<svc>",destination_version="<version>"}[<window>]))
//   p99:        histogram_quantile(0.99, sum(rate(istio_request_duration_milliseconds_bucket{reporter="destination",
//                destination_service=~"<svc>",destination_version="<version>"}[<window>])) by (le))
//   requests:
//   sum(increase(istio_requests_total{destination_service=~"<svc>",destination_version="<version>"}[<window>]))
//
// The `or vector(0)` is the one change to the textbook error-rate query: without it a canary
// that returned no 5xx at all has no 5xx series, the numerator is empty, and so is the ratio,
// which would read as "no data" for exactly the healthiest canary. With no traffic the
// denominator is still empty, and that stays "no data".

#include <string>

#include "app/rollout/PrometheusQuery.h"
#include "app/rollout/RolloutPorts.h"

namespace meshstudio::rollout {

struct PromQlTemplates {
  std::string errorRate;
  std::string p99;
  std::string requests;
  static PromQlTemplates defaults();
};

class PrometheusMetricsSource : public MetricsSource {
 public:
  PrometheusMetricsSource(PrometheusQuery query, PromQlTemplates templates, std::string service,
                          std::string stableVersion, std::string canaryVersion);

  CanarySample sample(std::chrono::milliseconds window) override;

  /// `template` with <svc>, <version> and <window> filled in.
  static std::string expand(const std::string& text, const std::string& service, const std::string& version,
                            std::chrono::milliseconds window);

 private:
  PrometheusQuery query_;
  PromQlTemplates templates_;
  std::string service_, stable_, canary_;
};

}  // namespace meshstudio::rollout

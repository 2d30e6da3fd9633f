// Operational advice on DestinationRules: connection-pool zeros, outlier-detection settings that
// do not act the way they read, and subsets without labels. Defaults follow
// docs/istio-semantics.md sections 7-8 (Istio's cluster_traffic_policy.go).

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "model/analysis/analyzers/AdviceAnalyzers.h"

namespace meshstudio::model::analysis::advice {
namespace {

/// Where a traffic policy sits: the DR level or a subset, whole or one portLevelSettings entry.
struct PolicyRef {
  std::optional<std::size_t> subset;
  std::optional<std::size_t> port;
};

struct PolicyView {
  PolicyRef ref;
  std::string path;  ///< `spec.subsets[1].trafficPolicy.portLevelSettings[0]`
  const std::optional<ConnectionPoolSettings>* connectionPool = nullptr;
  const std::optional<OutlierDetection>* outlierDetection = nullptr;
};

void addPolicy(const std::optional<TrafficPolicy>& policy, std::optional<std::size_t> subset, std::string path,
               std::vector<PolicyView>& out) {
  if (!policy) return;
  out.push_back(PolicyView{{subset, std::nullopt}, path, &policy->connectionPool, &policy->outlierDetection});
  for (std::size_t k = 0; k < policy->portLevelSettings.size(); ++k) {
    const PortTrafficPolicy& port = policy->portLevelSettings[k];
    out.push_back(PolicyView{
        {subset, k}, indexed(child(path, "portLevelSettings"), k), &port.connectionPool, &port.outlierDetection});
  }
}

std::vector<PolicyView> policies(const DestinationRuleSpec& spec) {
  std::vector<PolicyView> out;
  addPolicy(spec.trafficPolicy, std::nullopt, "spec.trafficPolicy", out);
  for (std::size_t s = 0; s < spec.subsets.size(); ++s)
    addPolicy(spec.subsets[s].trafficPolicy, s, child(indexed("spec.subsets", s), "trafficPolicy"), out);
  return out;
}

/// The same policy's outlierDetection in an editable copy of the spec.
std::optional<OutlierDetection>& outlierOf(DestinationRuleSpec& spec, const PolicyRef& ref) {
  TrafficPolicy& policy = ref.subset ? *spec.subsets[*ref.subset].trafficPolicy : *spec.trafficPolicy;
  return ref.port ? policy.portLevelSettings[*ref.port].outlierDetection : policy.outlierDetection;
}

// ---------------------------------------------------------------------------------------------
// MS5008: a connection-pool value of 0 means "Istio's default", not "zero allowed".

struct PoolField {
  const char* section;  ///< tcp | http
  const char* name;
  const char* meaning;
};

// ctp.go applyConnectionPool only copies a value when it is > 0.
constexpr PoolField kPoolFields[] = {
    {"tcp", "maxConnections",
     "does not block connections: Istio only applies values above 0, so Envoy keeps Istio's default limit of "
     "2^32-1 connections (effectively unlimited)"},
    {"http", "http1MaxPendingRequests",
     "does not disable queueing: Istio only applies values above 0, so Envoy keeps Istio's default of 2^32-1 "
     "pending requests (effectively unlimited)"},
    {"http", "http2MaxRequests",
     "does not block requests: Istio only applies values above 0, so Envoy keeps Istio's default of 2^32-1 "
     "concurrent requests (effectively unlimited)"},
    {"http", "maxRequestsPerConnection",
     "means unlimited requests per connection (Envoy's default keep-alive behaviour); 1 is the value that "
     "disables keep-alive"},
    {"http", "maxRetries",
     "does not disable retries: Istio only applies values above 0, so the cluster still allows 2^32-1 concurrent "
     "retries. To stop retrying, set retries.attempts: 0 on the VirtualService route instead"},
    {"http", "maxConcurrentStreams",
     "leaves Envoy's HTTP/2 default of 2^31-1 concurrent streams per connection in place"},
};

std::optional<Int> poolValue(const ConnectionPoolSettings& pool, std::string_view name) {
  if (pool.tcp && name == "maxConnections") return pool.tcp->maxConnections;
  if (!pool.http) return std::nullopt;
  const HTTPSettings& http = *pool.http;
  if (name == "http1MaxPendingRequests") return http.http1MaxPendingRequests;
  if (name == "http2MaxRequests") return http.http2MaxRequests;
  if (name == "maxRequestsPerConnection") return http.maxRequestsPerConnection;
  if (name == "maxRetries") return http.maxRetries;
  if (name == "maxConcurrentStreams") return http.maxConcurrentStreams;
  return std::nullopt;
}

void reportConnectionPoolZero(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().destinationRule;
  if (!spec) return;
  for (const PolicyView& policy : policies(*spec)) {
    if (!*policy.connectionPool) continue;
    for (const PoolField& field : kPoolFields) {
      auto value = poolValue(**policy.connectionPool, field.name);
      if (!value || *value != 0) continue;
      std::string path = child(child(child(policy.path, "connectionPool"), field.section), field.name);
      ctx.warning("MS5008", path,
                  std::string(field.section) + "." + field.name + ": 0 " + field.meaning +
                      ". Remove the field, or set the limit you want (at least 1).");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// MS5009: consecutiveErrors is ignored since Istio 1.7.

void reportConsecutiveErrors(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().destinationRule;
  if (!spec) return;
  for (const PolicyView& policy : policies(*spec)) {
    const auto& outlier = *policy.outlierDetection;
    if (!outlier || !outlier->consecutiveErrors) continue;
    std::string path = child(child(policy.path, "outlierDetection"), "consecutiveErrors");
    std::string old = std::to_string(*outlier->consecutiveErrors);
    DestinationRuleSpec edited = *spec;
    auto& target = *outlierOf(edited, policy.ref);
    if (outlier->consecutive5xxErrors) {
      Diagnostic& d = ctx.warning("MS5009", path,
                                  "consecutiveErrors is deprecated and ignored since Istio 1.7; consecutive5xxErrors " +
                                      std::to_string(*outlier->consecutive5xxErrors) +
                                      " is what Envoy uses. Remove consecutiveErrors.");
      target.consecutiveErrors.reset();
      d.fixes.push_back(QuickFix{"Remove consecutiveErrors", {replaceSpec(ctx.subject(), edited)}});
      continue;
    }
    Diagnostic& d = ctx.warning(
        "MS5009", path,
        "consecutiveErrors is deprecated and ignored since Istio 1.7, so Envoy ejects a host after "
        "consecutive5xxErrors (default 5) failures, not after " +
            old + ". Rename it to consecutive5xxErrors (or consecutiveGatewayErrors to count only 502, 503 and 504).");
    target.consecutive5xxErrors = target.consecutiveErrors;
    target.consecutiveErrors.reset();
    d.fixes.push_back(QuickFix{"Rename to consecutive5xxErrors", {replaceSpec(ctx.subject(), edited)}});
  }
}

// ---------------------------------------------------------------------------------------------
// MS5010: maxEjectionPercent above 50.

void reportMaxEjectionPercent(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().destinationRule;
  if (!spec) return;
  for (const PolicyView& policy : policies(*spec)) {
    const auto& outlier = *policy.outlierDetection;
    if (!outlier || !outlier->maxEjectionPercent || *outlier->maxEjectionPercent <= 50) continue;
    Int max = *outlier->maxEjectionPercent;
    Int minHealth = outlier->minHealthPercent.value_or(0);
    std::string consequence;
    if (minHealth <= 0) {
      // Istio sets healthy_panic_threshold from minHealthPercent whenever the block exists, so
      // unset means 0: panic mode off.
      consequence = max >= 100 ? "; with panic mode off (minHealthPercent is 0 or unset) a failure on every host "
                                 "ejects them all and requests fail with 503 \"no healthy upstream\" (UH)"
                               : "; with panic mode off (minHealthPercent is 0 or unset) nothing stops that";
    } else {
      consequence = "; once fewer than " + std::to_string(minHealth) +
                    "% are healthy, panic mode sends traffic to all hosts again, ejected ones included";
    }
    ctx.warning("MS5010", child(child(policy.path, "outlierDetection"), "maxEjectionPercent"),
                "maxEjectionPercent " + std::to_string(max) + " lets outlier detection eject up to " +
                    std::to_string(max) +
                    "% of the hosts at once. When a shared dependency fails every host returns errors, and the few "
                    "hosts left take all the traffic and may overload in turn" +
                    consequence + ". Keep it at 50 or below unless failing fast is preferred over degraded service.");
  }
}

// ---------------------------------------------------------------------------------------------
// MS5011: a minHealthPercent so high that ejecting hosts switches Envoy into panic mode.

void reportMinHealthPercent(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().destinationRule;
  if (!spec) return;
  for (const PolicyView& policy : policies(*spec)) {
    const auto& outlier = *policy.outlierDetection;
    if (!outlier || !outlier->minHealthPercent || *outlier->minHealthPercent <= 50) continue;
    Int p = *outlier->minHealthPercent;
    std::string scope;
    if (p >= 100) {
      scope = "Every ejection does that, so ejection never takes effect.";
    } else {
      // One ejection out of n hosts leaves (n-1)/n healthy, below p% when n < 100 / (100 - p).
      auto hosts = static_cast<Int>(std::ceil(100.0 / static_cast<double>(100 - p))) - 1;
      scope = "With " + std::to_string(hosts) + " hosts or fewer, a single ejection is enough.";
    }
    ctx.warning("MS5011", child(child(policy.path, "outlierDetection"), "minHealthPercent"),
                "minHealthPercent " + std::to_string(p) + " is Envoy's panic threshold: as soon as fewer than " +
                    std::to_string(p) +
                    "% of the hosts are healthy, Envoy balances across all hosts, ejected ones included, so outlier "
                    "detection stops protecting callers. " +
                    scope + " Lower it (Envoy's own default is 50; 0 turns panic mode off).");
  }
}

// ---------------------------------------------------------------------------------------------
// MS5012: a subset without labels selects every pod of the host.

void reportSubsetWithoutLabels(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().destinationRule;
  if (!spec) return;
  bool othersLabelled =
      std::any_of(spec->subsets.begin(), spec->subsets.end(), [](const Subset& s) { return !s.labels.empty(); });
  for (std::size_t s = 0; s < spec->subsets.size(); ++s) {
    const Subset& subset = spec->subsets[s];
    bool labelsUnreadable = std::any_of(subset.extras.begin(), subset.extras.end(),
                                        [](const Value::Entry& e) { return e.key == "labels"; });
    if (!subset.labels.empty() || labelsUnreadable) continue;
    std::string path = indexed("spec.subsets", s);
    if (subset.labels.isPresent()) path = child(path, "labels");
    std::string name = subset.name ? "\"" + *subset.name + "\"" : "#" + std::to_string(s);
    std::string host = spec->host ? "\"" + *spec->host + "\"" : "the host";
    std::string message = "Subset " + name + " has no labels, so it selects every pod of " + host +
                          ": traffic routed to it is spread over all of them";
    // Next to labelled subsets (v1, v2, ...) an unlabelled one is almost always a forgotten
    // selector; alone, it is a legitimate way to give all pods a named policy.
    if (othersLabelled) {
      ctx.warning("MS5012", path,
                  message +
                      ", including the pods the other subsets select. Add the labels that pick this "
                      "subset's pods (e.g. version: v3).");
    } else {
      ctx.info("MS5012", path,
               message +
                   ". That is fine if the subset exists to give all pods a traffic policy of their own; "
                   "otherwise add the labels that pick this subset's pods.");
    }
  }
}

}  // namespace

void addDestinationRuleAnalyzers(std::vector<Analyzer>& out) {
  const std::vector<ResourceKind> dr = {ResourceKind::DestinationRule};
  out.push_back(Analyzer{"dr.connection-pool-zero", dr, &reportConnectionPoolZero});
  out.push_back(Analyzer{"dr.consecutive-errors", dr, &reportConsecutiveErrors});
  out.push_back(Analyzer{"dr.max-ejection-percent", dr, &reportMaxEjectionPercent});
  out.push_back(Analyzer{"dr.min-health-percent", dr, &reportMinHealthPercent});
  out.push_back(Analyzer{"dr.subset-without-labels", dr, &reportSubsetWithoutLabels});
}

}  // namespace meshstudio::model::analysis::advice

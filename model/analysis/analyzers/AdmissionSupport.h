#pragma once

// Helpers shared by the Admission*.cpp analyzers: the small predicates Istio's admission webhook
// (pkg/config/validation, pkg/config/labels, pkg/config/host) builds its checks from, ported
// one-to-one so that a finding here means "kubectl apply would be rejected".

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/analysis/Analyzer.h"
#include "model/analysis/AnalyzerSupport.h"

namespace meshstudio::model::analysis {

// The admission group is split by kind; addAdmissionAnalyzers (AdmissionAnalyzers.cpp) calls these.
void addAdmissionVirtualServiceAnalyzers(std::vector<Analyzer>& out);
void addAdmissionHttpRouteAnalyzers(std::vector<Analyzer>& out);
void addAdmissionHttpPolicyAnalyzers(std::vector<Analyzer>& out);
void addAdmissionDestinationRuleAnalyzers(std::vector<Analyzer>& out);
void addAdmissionGatewayAnalyzers(std::vector<Analyzer>& out);

namespace admission {

inline bool nonEmpty(const Opt<std::string>& value) { return value && !value->empty(); }

/// True when `key` was written but could not be decoded into the typed view (a type error the schema
/// check reports): checks that depend on the field being absent must then stay quiet.
inline bool undecoded(const Extras& extras, std::string_view key) {
  for (const Value::Entry& e : extras)
    if (e.key == key) return true;
  return false;
}

/// `spec.http[i]`.
inline std::string ruleBase(std::size_t i) { return indexed("spec.http", i); }

/// Applies `edit` to a copy of the subject's VirtualService and wraps it as a quick fix.
QuickFix vsFix(const AnalysisContext& ctx, std::string title, const std::function<void(VirtualServiceSpec&)>& edit);

/// `base.key`, or `base[key]` when the key holds a dot (header names, JWT claims), the form
/// Resource::locate understands.
std::string mapKey(std::string_view base, std::string_view key);

/// Double-quoted for messages: `"value"`, with control characters escaped.
std::string quoted(std::string_view text);

std::string upper(std::string_view text);
std::string trimmed(std::string_view text);

/// Istio's labels.IsDNS1123Label: 1–63 characters, `[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?`
/// (Istio, unlike Kubernetes, accepts upper case here).
bool isDns1123Label(std::string_view label);
/// Istio's ValidateWildcardDomain: a DNS name whose first label may be `*`, `*foo` or `*-foo`.
/// Returns the reason when invalid.
std::optional<std::string> wildcardDomainError(std::string_view domain);
/// Istio's ValidateFQDN: a DNS name without wildcards (top-level label not all-numeric).
std::optional<std::string> fqdnError(std::string_view domain);
/// An IPv4 or IPv6 address (netip.ParseAddr).
bool isIpAddress(std::string_view text);
/// host.Name.Matches: `*.foo.com` and `a.foo.com` overlap; `*` overlaps everything.
bool hostsOverlap(std::string_view a, std::string_view b);

/// A Go/Kubernetes duration (`1h2m3.5s`, `250ms`, `1.5us`) in nanoseconds; nullopt when it
/// does not parse (the CRD schema reports that).
std::optional<std::int64_t> durationNanos(std::string_view text);

/// Istio's protocol.Parse, case-insensitive; empty when unsupported.
struct Protocol {
  bool supported = false;
  bool http = false;  ///< HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-WEB
  bool tls = false;   ///< HTTPS, TLS
};
Protocol parseProtocol(std::string_view name);

/// Envoy header value formatting as Istio checks it (ValidateHTTPHeaderValue): no control
/// characters but tab, every `%` either doubled or part of a `%VAR%` / `%VAR(...)%`.
std::optional<std::string> headerValueError(std::string_view value);

/// Istio's labels.Instance.Validate for one label: the key a qualified name with an optional DNS prefix
/// (`app.kubernetes.io/name`), the value empty or a qualified name of at most 63 characters.
std::optional<std::string> labelError(std::string_view key, std::string_view value);

/// RFC 7230 token characters, the set Istio accepts in header names.
bool isHeaderToken(std::string_view name);

/// Every traffic-policy block of a DestinationRule (top level, its port-level entries, each
/// subset's and their port-level entries) with its field path. `policy` is null for port-level
/// entries, `port` null for the others.
struct PolicyBlock {
  std::string path;
  const TrafficPolicy* policy = nullptr;
  const PortTrafficPolicy* port = nullptr;
  const LoadBalancerSettings* loadBalancer() const;
  const ConnectionPoolSettings* connectionPool() const;
  const OutlierDetection* outlierDetection() const;
  const ClientTLSSettings* tls() const;
};
void forEachPolicyBlock(const DestinationRuleSpec& spec, const std::function<void(const PolicyBlock&)>& visit);
/// The same block inside a copy of the spec, for quick fixes (same traversal order).
struct MutablePolicyBlock {
  TrafficPolicy* policy = nullptr;
  PortTrafficPolicy* port = nullptr;
  Opt<LoadBalancerSettings>& loadBalancer() const { return policy ? policy->loadBalancer : port->loadBalancer; }
  Opt<ConnectionPoolSettings>& connectionPool() const { return policy ? policy->connectionPool : port->connectionPool; }
  Opt<OutlierDetection>& outlierDetection() const { return policy ? policy->outlierDetection : port->outlierDetection; }
  Opt<ClientTLSSettings>& tls() const { return policy ? policy->tls : port->tls; }
};
/// Finds the block at `path` in `spec` (a copy being edited).
std::optional<MutablePolicyBlock> policyBlockAt(DestinationRuleSpec& spec, std::string_view path);

/// Evenly spread 100 over `count` entries, the remainder on the first ones (34/33/33).
std::vector<Int> evenWeights(std::size_t count);

}  // namespace admission
}  // namespace meshstudio::model::analysis

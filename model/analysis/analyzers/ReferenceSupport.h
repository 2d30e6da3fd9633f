#pragma once

// Helpers shared by the Reference*.cpp and Conflict*.cpp analyzers: how Istio resolves the
// names one resource uses for another (hosts, gateways, DestinationRules), and small edits
// for quick fixes.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/analysis/Analyzer.h"
#include "model/analysis/AnalyzerSupport.h"

namespace meshstudio::model::analysis {

// The reference group is split by kind; addReferenceAnalyzers (ReferenceAnalyzers.cpp) calls these.
void addReferenceDestinationRuleAnalyzers(std::vector<Analyzer>& out);
void addReferenceGatewayAnalyzers(std::vector<Analyzer>& out);
// addConflictAnalyzers (ConflictAnalyzers.cpp) calls this one, from ConflictGateways.cpp.
void addConflictGatewayAnalyzers(std::vector<Analyzer>& out);

namespace refs {

/// `base.key`, or `base[key]` when the key holds a dot or a bracket (label keys such as
/// `app.kubernetes.io/name`), the form Resource::locate understands.
std::string mapKey(std::string_view base, std::string_view key);

/// `reviews.default.svc.cluster.local`: a Kubernetes Service name.
bool isClusterLocal(std::string_view fqdn);

/// True when the project holds at least one Kubernetes Service. Without any, the project is
/// pure Istio config whose Services live elsewhere (a Helm chart, the cluster), so a missing
/// `*.svc.cluster.local` host says nothing. Scans the project: call it only after a miss.
bool projectModelsServices(const ProjectIndex& index);

/// Istio's host.Name.Matches: `*.foo.com` and `a.foo.com` overlap, `*` overlaps everything,
/// `*.foo.com` does not cover `foo.com`. Case-insensitive, as Istio lower-cases hosts.
bool hostsOverlap(std::string_view a, std::string_view b);

/// A VirtualService gateway reference as Istio resolves it (model.resolveGatewayName):
/// `ns/name`, `./name` and bare `name` (the VirtualService's namespace), and the legacy
/// `name.ns[.svc.cluster.local]` form. Returns {namespace, name}.
std::pair<std::string, std::string> resolveGatewayReference(std::string_view reference,
                                                            std::string_view virtualServiceNamespace);

/// True when the VirtualService applies to sidecars: no `gateways`, or `mesh` among them.
bool boundToMesh(const VirtualServiceSpec& spec);

/// One place a VirtualService sends traffic: an HTTP/TCP/TLS route destination or an HTTP mirror.
/// Cheap to collect (no copies of HTTP destinations, paths built on demand): analyzers walk every
/// destination of every VirtualService.
struct DestinationUse {
  const Destination* destination = nullptr;
  std::string_view section;  ///< `http`, `tcp` or `tls`
  std::size_t rule = 0;
  std::string_view field;  ///< `route`, `mirror` or `mirrors`
  std::size_t index = 0;   ///< in `route` / `mirrors`
  bool mirror() const { return field != "route"; }
  /// `spec.http[0].route[1].destination`, `spec.http[0].mirror`, `spec.http[0].mirrors[2].destination`.
  std::string path() const;
};
struct DestinationUses {
  std::vector<DestinationUse> uses;
  std::vector<std::unique_ptr<Destination>> decoded;  ///< TCP/TLS destinations, decoded from their Values
};
DestinationUses destinationsOf(const IndexedResource& virtualService);

/// The DestinationRules that apply to `fqdn`: those whose host is exactly `fqdn`, else those
/// of the most specific wildcard host covering it (`*.default.svc.cluster.local`, `*`), as
/// Istio picks them.
std::vector<const IndexedResource*> destinationRulesApplying(const ProjectIndex& index, std::string_view fqdn);

/// For a host that names nothing: Services elsewhere in the project it probably meant. A short
/// name (`reviews`) or a `name.namespace` form matches Services of that name in other namespaces;
/// returns their FQDNs. Scans the project: call it only after a miss.
std::vector<std::string> likelyServiceHosts(const ProjectIndex& index, std::string_view host,
                                            std::string_view referrerNamespace);

/// The document of `resource` with the string at `path` (`spec.http[0].route[0].destination.host`)
/// replaced by `text`; nullopt when the path does not lead to an existing value.
std::optional<ResourceEdit> replaceStringAt(const Resource& resource, std::string_view path, std::string text);

/// Workloads in `ns` (every namespace when empty) that `selector` selects (an empty selector
/// selects none), through ProjectIndex's label index.
std::vector<Workload> workloadsMatching(const ProjectIndex& index, const StringMap& selector, std::string_view ns);

/// Up to `limit` workloads (any namespace) carrying at least one of the label keys of `labels`,
/// as `Kind ns/name (key=value)`.
std::vector<std::string> workloadsWithLabelKeys(const ProjectIndex& index, const StringMap& labels, std::size_t limit);

/// The same Kubernetes object (kind, namespace, name): two copies of it in a project are
/// alternatives (one replaces the other on apply), never a conflict. Cheap: no strings built.
bool sameIdentity(const IndexedResource& a, const IndexedResource& b);

/// `namespace/name`.
std::string qualifiedName(const IndexedResource& resource);

/// `{a: 1, b: 2}` for messages; `a=1,b=2` is Kubernetes' selector form (`selectorText`).
std::string labelsText(const StringMap& labels);
std::string selectorText(const StringMap& labels);

/// Same labels, in any order.
bool sameLabels(const StringMap& a, const StringMap& b);

/// `a, b and c`.
std::string joinNames(const std::vector<std::string>& names);

}  // namespace refs
}  // namespace meshstudio::model::analysis

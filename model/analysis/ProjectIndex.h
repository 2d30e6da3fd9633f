#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/DestinationRule.h"
#include "model/Gateway.h"
#include "model/KubernetesObjects.h"
#include "model/Resource.h"
#include "model/ServiceEntry.h"
#include "model/VirtualService.h"

namespace meshstudio::model::analysis {

/// One resource, decoded once for the analyzers. Exactly one of the typed views is set,
/// matching `resource.kind()` (none for Other/Unparsed).
struct IndexedResource {
  Resource resource;
  std::string namespaceName;  ///< metadata.namespace, or the project's default namespace
  ObjectMeta metadata;
  std::optional<VirtualServiceSpec> virtualService;
  std::optional<DestinationRuleSpec> destinationRule;
  std::optional<GatewaySpec> gateway;
  std::optional<ServiceEntrySpec> serviceEntry;
  std::optional<ServiceObject> service;
  std::optional<DeploymentObject> deployment;
  std::optional<PodShape> pod;
  std::optional<TlsSecretObject> tlsSecret;
  /// What this resource defines or refers to (hosts, gateways, workload namespaces): two
  /// resources can affect each other's findings only if their topics overlap.
  std::set<std::string> topics;
  /// Topics this resource's findings depend on without the reverse being true (a Gateway
  /// watches every Service's ports); a change to them re-analyses this resource only.
  std::set<std::string> watches;

  static std::shared_ptr<const IndexedResource> make(const Resource& resource, const std::string& defaultNamespace);
  std::string key() const { return resource.displayName(); }
};

/// A workload as Istio sees it: a Deployment's pod template or a Pod, with its labels.
struct Workload {
  const IndexedResource* owner = nullptr;
  const StringMap* labels = nullptr;
  std::int64_t replicas = 1;
};

/// Read-only lookups across the project, rebuilt cheaply from already-decoded entries.
class ProjectIndex {
 public:
  ProjectIndex(std::vector<std::shared_ptr<const IndexedResource>> entries, std::string defaultNamespace);

  const std::vector<std::shared_ptr<const IndexedResource>>& entries() const { return entries_; }
  const std::string& defaultNamespace() const { return defaultNamespace_; }

  /// Istio's short-name resolution: a name without dots becomes `<name>.<namespace>.svc.cluster.local`;
  /// anything with a dot (or `*`) is taken as written, lower-cased.
  static std::string fullyQualified(std::string_view host, std::string_view namespaceName);

  /// The Service whose FQDN is `fqdn`; nullptr when none.
  const IndexedResource* serviceByFqdn(std::string_view fqdn) const;
  /// ServiceEntries whose hosts cover `fqdn` (exact or wildcard `*.example.com`).
  std::vector<const IndexedResource*> serviceEntriesFor(std::string_view fqdn) const;
  /// True when a Service or ServiceEntry provides `fqdn`.
  bool hostExists(std::string_view fqdn) const;
  /// DestinationRules whose (qualified) host equals `fqdn`, in project order.
  std::vector<const IndexedResource*> destinationRulesFor(std::string_view fqdn) const;
  /// VirtualServices with `fqdn` among their (qualified) hosts.
  std::vector<const IndexedResource*> virtualServicesFor(std::string_view fqdn) const;
  /// The Gateway `namespace/name`; nullptr when absent.
  const IndexedResource* gateway(std::string_view namespaceName, std::string_view name) const;
  const std::vector<const IndexedResource*>& gateways() const { return gateways_; }
  /// The kubernetes.io/tls Secret `namespace/name`; nullptr when absent.
  const IndexedResource* tlsSecret(std::string_view namespaceName, std::string_view name) const;
  /// Deployments and Pods; `namespaceName` empty means every namespace.
  std::vector<Workload> workloads(std::string_view namespaceName) const;
  /// Workloads in `namespaceName` (empty: every namespace) whose labels satisfy `selector` (empty selector: none),
  /// found through a label index rather than a scan, because analyzers ask this once per resource.
  std::vector<Workload> workloadsSelectedBy(const StringMap& selector, std::string_view namespaceName) const;
  /// Workloads in any namespace that carry the label key `key`.
  std::vector<Workload> workloadsLabelled(std::string_view key) const;
  /// Services in `namespaceName` whose selector picks a pod with these labels.
  std::vector<const IndexedResource*> servicesSelecting(const StringMap& podLabels,
                                                        std::string_view namespaceName) const;

 private:
  std::vector<std::shared_ptr<const IndexedResource>> entries_;
  std::string defaultNamespace_;
  std::map<std::string, const IndexedResource*, std::less<>> servicesByFqdn_;
  std::vector<const IndexedResource*> serviceEntries_;
  std::multimap<std::string, const IndexedResource*, std::less<>> destinationRulesByHost_;
  std::multimap<std::string, const IndexedResource*, std::less<>> virtualServicesByHost_;
  std::map<std::string, const IndexedResource*, std::less<>> gatewaysByKey_;
  std::vector<const IndexedResource*> gateways_;
  std::map<std::string, const IndexedResource*, std::less<>> secretsByKey_;
  std::vector<const IndexedResource*> workloadOwners_;
  /// `namespace/key=value` → workloads carrying that label, and `key` → workloads with that key.
  std::unordered_map<std::string, std::vector<Workload>> workloadsByLabel_;
  std::unordered_map<std::string, std::vector<Workload>> workloadsByLabelKey_;
  std::vector<const IndexedResource*> services_;
};

/// `*.example.com` covers `a.example.com` (not `example.com`); `*` covers everything.
bool hostCovers(std::string_view pattern, std::string_view host);

}  // namespace meshstudio::model::analysis

#include "model/analysis/ProjectIndex.h"

#include "model/Text.h"

namespace meshstudio::model::analysis {
namespace {

std::string gatewayKey(std::string_view ns, std::string_view name) { return std::string(ns) + "/" + std::string(name); }

std::string labelKey(std::string_view ns, std::string_view key, std::string_view value) {
  return std::string(ns) + "/" + std::string(key) + "=" + std::string(value);
}

/// `ns/name` or bare `name` (the VirtualService's namespace), as Istio reads VS gateway references.
std::string gatewayTopic(std::string_view reference, std::string_view ns) {
  if (reference.find('/') != std::string_view::npos) return "gateway:" + std::string(reference);
  return "gateway:" + gatewayKey(ns, reference);
}

void addTopics(const IndexedResource& entry, std::set<std::string>& topics, std::set<std::string>& watches) {
  const std::string& ns = entry.namespaceName;
  auto host = [&](std::string_view h) { topics.insert("host:" + ProjectIndex::fullyQualified(h, ns)); };
  if (entry.virtualService) {
    for (const std::string& h : entry.virtualService->hosts) host(h);
    for (const std::string& g : entry.virtualService->gateways)
      if (g != "mesh") topics.insert(gatewayTopic(g, ns));
    for (const HTTPRoute& route : entry.virtualService->http) {
      for (const HTTPRouteDestination& destination : route.route)
        if (destination.destination && destination.destination->host) host(*destination.destination->host);
      if (route.mirror && route.mirror->host) host(*route.mirror->host);
      for (const HTTPMirrorPolicy& mirror : route.mirrors)
        if (mirror.destination && mirror.destination->host) host(*mirror.destination->host);
      if (route.delegate && route.delegate->name)
        topics.insert("delegate:" + route.delegate->namespace_.value_or(ns) + "/" + *route.delegate->name);
      for (const HTTPMatchRequest& match : route.match)
        for (const std::string& g : match.gateways)
          if (g != "mesh") topics.insert(gatewayTopic(g, ns));
    }
    topics.insert("delegate:" + ns + "/" + entry.resource.name());
  }
  if (entry.destinationRule && entry.destinationRule->host) {
    host(*entry.destinationRule->host);
    topics.insert("workloads:" + ns);
    // IST0173 looks at the workloads of the host's Service, which may live in another namespace.
    std::string fqdn = ProjectIndex::fullyQualified(*entry.destinationRule->host, ns);
    if (fqdn.ends_with(".svc.cluster.local")) {
      std::string_view rest = std::string_view(fqdn).substr(fqdn.find('.') + 1);
      topics.insert("workloads:" + std::string(rest.substr(0, rest.find('.'))));
    }
  }
  if (entry.serviceEntry)
    for (const std::string& h : entry.serviceEntry->hosts) topics.insert("host:" + lowercase(h));
  if (entry.service) {
    topics.insert("host:" + entry.resource.name() + "." + ns + ".svc.cluster.local");
    topics.insert("workloads:" + ns);
    topics.insert("services:*");
  }
  if (entry.gateway) {
    topics.insert("gateway:" + gatewayKey(ns, entry.resource.name()));
    // A Gateway depends on things anywhere in the project without them depending on it: its
    // pods (selector), their Services' ports (IST0162), and the TLS Secrets in the pods'
    // namespace (credentialName). Watching, unlike sharing a topic, is one-way.
    watches.insert("workloads:*");
    watches.insert("services:*");
    watches.insert("secrets:*");
    for (const Server& server : entry.gateway->servers)
      if (server.tls && server.tls->credentialName) topics.insert("secret:" + ns + "/" + *server.tls->credentialName);
  }
  if (entry.deployment || entry.pod) {
    topics.insert("workloads:" + ns);
    topics.insert("workloads:*");
  }
  if (entry.tlsSecret) topics.insert("secret:" + ns + "/" + entry.resource.name());
  if (entry.resource.kind() == ResourceKind::Secret) topics.insert("secrets:*");
}

}  // namespace

bool hostCovers(std::string_view pattern, std::string_view host) {
  if (pattern == "*") return true;
  if (pattern.starts_with("*.")) return host.size() > pattern.size() - 1 && host.ends_with(pattern.substr(1));
  return pattern == host;
}

std::shared_ptr<const IndexedResource> IndexedResource::make(const Resource& resource,
                                                             const std::string& defaultNamespace) {
  auto entry = std::make_shared<IndexedResource>();
  entry->resource = resource;
  entry->namespaceName = resource.namespaceName().empty() ? defaultNamespace : resource.namespaceName();
  entry->metadata = resource.metadata();
  switch (resource.kind()) {
    case ResourceKind::VirtualService:
      entry->virtualService = resource.specAs<VirtualServiceSpec>();
      break;
    case ResourceKind::DestinationRule:
      entry->destinationRule = resource.specAs<DestinationRuleSpec>();
      break;
    case ResourceKind::Gateway:
      entry->gateway = resource.specAs<GatewaySpec>();
      break;
    case ResourceKind::ServiceEntry:
      entry->serviceEntry = resource.specAs<ServiceEntrySpec>();
      break;
    case ResourceKind::Service:
      entry->service = serviceOf(resource);
      break;
    case ResourceKind::Deployment:
      entry->deployment = deploymentOf(resource);
      break;
    case ResourceKind::Pod:
      entry->pod = podOf(resource);
      break;
    case ResourceKind::Secret:
      entry->tlsSecret = tlsSecretOf(resource);
      break;
    default:
      break;
  }
  addTopics(*entry, entry->topics, entry->watches);
  return entry;
}

std::string ProjectIndex::fullyQualified(std::string_view host, std::string_view namespaceName) {
  std::string out = lowercase(host);
  if (out == "*" || out.find('.') != std::string::npos) return out;
  return out + "." + std::string(namespaceName) + ".svc.cluster.local";
}

ProjectIndex::ProjectIndex(std::vector<std::shared_ptr<const IndexedResource>> entries, std::string defaultNamespace)
    : entries_(std::move(entries)), defaultNamespace_(std::move(defaultNamespace)) {
  for (const auto& shared : entries_) {
    const IndexedResource* entry = shared.get();
    const std::string& ns = entry->namespaceName;
    if (entry->service) {
      servicesByFqdn_.emplace(entry->resource.name() + "." + ns + ".svc.cluster.local", entry);
      services_.push_back(entry);
    }
    if (entry->serviceEntry) serviceEntries_.push_back(entry);
    if (entry->destinationRule && entry->destinationRule->host)
      destinationRulesByHost_.emplace(fullyQualified(*entry->destinationRule->host, ns), entry);
    if (entry->virtualService)
      for (const std::string& host : entry->virtualService->hosts)
        virtualServicesByHost_.emplace(fullyQualified(host, ns), entry);
    if (entry->gateway) {
      gatewaysByKey_.emplace(gatewayKey(ns, entry->resource.name()), entry);
      gateways_.push_back(entry);
    }
    if (entry->tlsSecret) secretsByKey_.emplace(gatewayKey(ns, entry->resource.name()), entry);
    if (entry->deployment || entry->pod) workloadOwners_.push_back(entry);
  }
  for (const Workload& workload : workloads("")) {
    for (const auto& [key, value] : *workload.labels) {
      workloadsByLabel_[labelKey(workload.owner->namespaceName, key, value)].push_back(workload);
      workloadsByLabelKey_[key].push_back(workload);
    }
  }
}

const IndexedResource* ProjectIndex::serviceByFqdn(std::string_view fqdn) const {
  auto found = servicesByFqdn_.find(fqdn);
  return found == servicesByFqdn_.end() ? nullptr : found->second;
}

std::vector<const IndexedResource*> ProjectIndex::serviceEntriesFor(std::string_view fqdn) const {
  std::vector<const IndexedResource*> out;
  for (const IndexedResource* entry : serviceEntries_)
    for (const std::string& host : entry->serviceEntry->hosts)
      if (hostCovers(lowercase(host), fqdn)) {
        out.push_back(entry);
        break;
      }
  return out;
}

bool ProjectIndex::hostExists(std::string_view fqdn) const {
  return serviceByFqdn(fqdn) != nullptr || !serviceEntriesFor(fqdn).empty();
}

std::vector<const IndexedResource*> ProjectIndex::destinationRulesFor(std::string_view fqdn) const {
  std::vector<const IndexedResource*> out;
  auto [begin, end] = destinationRulesByHost_.equal_range(fqdn);
  for (auto it = begin; it != end; ++it) out.push_back(it->second);
  return out;
}

std::vector<const IndexedResource*> ProjectIndex::virtualServicesFor(std::string_view fqdn) const {
  std::vector<const IndexedResource*> out;
  auto [begin, end] = virtualServicesByHost_.equal_range(fqdn);
  for (auto it = begin; it != end; ++it) out.push_back(it->second);
  return out;
}

const IndexedResource* ProjectIndex::gateway(std::string_view namespaceName, std::string_view name) const {
  auto found = gatewaysByKey_.find(gatewayKey(namespaceName, name));
  return found == gatewaysByKey_.end() ? nullptr : found->second;
}

const IndexedResource* ProjectIndex::tlsSecret(std::string_view namespaceName, std::string_view name) const {
  auto found = secretsByKey_.find(gatewayKey(namespaceName, name));
  return found == secretsByKey_.end() ? nullptr : found->second;
}

std::vector<Workload> ProjectIndex::workloads(std::string_view namespaceName) const {
  std::vector<Workload> out;
  for (const IndexedResource* entry : workloadOwners_) {
    if (!namespaceName.empty() && entry->namespaceName != namespaceName) continue;
    if (entry->deployment)
      out.push_back(Workload{entry, &entry->deployment->pod.labels, entry->deployment->replicas});
    else
      out.push_back(Workload{entry, &entry->pod->labels, 1});
  }
  return out;
}

std::vector<Workload> ProjectIndex::workloadsSelectedBy(const StringMap& selector,
                                                        std::string_view namespaceName) const {
  if (namespaceName.empty()) {  // every namespace: candidates by label key, then the full selector
    std::vector<Workload> out;
    if (selector.empty()) return out;
    for (const Workload& workload : workloadsLabelled(selector.front().first))
      if (selectorMatches(selector, *workload.labels)) out.push_back(workload);
    return out;
  }
  // Start from the rarest label of the selector, then check the others.
  const std::vector<Workload>* smallest = nullptr;
  for (const auto& [key, value] : selector) {
    auto found = workloadsByLabel_.find(labelKey(namespaceName, key, value));
    if (found == workloadsByLabel_.end()) return {};
    if (!smallest || found->second.size() < smallest->size()) smallest = &found->second;
  }
  std::vector<Workload> out;
  if (!smallest) return out;
  for (const Workload& workload : *smallest)
    if (selectorMatches(selector, *workload.labels)) out.push_back(workload);
  return out;
}

std::vector<Workload> ProjectIndex::workloadsLabelled(std::string_view key) const {
  auto found = workloadsByLabelKey_.find(std::string(key));
  return found == workloadsByLabelKey_.end() ? std::vector<Workload>{} : found->second;
}

std::vector<const IndexedResource*> ProjectIndex::servicesSelecting(const StringMap& podLabels,
                                                                    std::string_view namespaceName) const {
  std::vector<const IndexedResource*> out;
  for (const IndexedResource* entry : services_)
    if (entry->namespaceName == namespaceName && selectorMatches(entry->service->selector, podLabels))
      out.push_back(entry);
  return out;
}

}  // namespace meshstudio::model::analysis

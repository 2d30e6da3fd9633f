#include "model/analysis/analyzers/ReferenceSupport.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace meshstudio::model::analysis::refs {
namespace {

constexpr std::string_view kClusterSuffix = ".svc.cluster.local";

/// The value at `path` inside `root`, for editing; nullptr when a step is missing.
Value* mutableAt(Value& root, std::string_view path) {
  Value* current = &root;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') {
      ++i;
      continue;
    }
    if (path[i] == '[') {
      std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) return nullptr;
      std::size_t index = 0;
      auto [ptr, ec] = std::from_chars(path.data() + i + 1, path.data() + close, index);
      if (ec != std::errc() || ptr != path.data() + close) {
        current = current->find(path.substr(i + 1, close - i - 1));  // `[app.kubernetes.io/name]`
      } else {
        if (!current->isSeq() || index >= current->items().size()) return nullptr;
        current = &current->items()[index];
      }
      if (!current) return nullptr;
      i = close + 1;
      continue;
    }
    std::size_t end = path.find_first_of(".[", i);
    if (end == std::string_view::npos) end = path.size();
    current = current->find(path.substr(i, end - i));
    if (!current) return nullptr;
    i = end;
  }
  return current;
}

void addDestinations(const List<Value>& routes, std::string_view section, DestinationUses& out) {
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const Value* list = routes[i].find("route");
    if (!list || !list->isSeq()) continue;
    for (std::size_t j = 0; j < list->items().size(); ++j) {
      const Value* destination = list->items()[j].find("destination");
      if (!destination) continue;
      std::optional<Destination> decoded = decodeAs<Destination>(*destination);
      if (!decoded) continue;
      out.decoded.push_back(std::make_unique<Destination>(std::move(*decoded)));
      out.uses.push_back({out.decoded.back().get(), section, i, "route", j});
    }
  }
}

}  // namespace

std::string mapKey(std::string_view base, std::string_view key) {
  if (key.find_first_of(".[]") != std::string_view::npos) return std::string(base) + "[" + std::string(key) + "]";
  return child(base, key);
}

bool isClusterLocal(std::string_view fqdn) { return fqdn.ends_with(kClusterSuffix); }

bool projectModelsServices(const ProjectIndex& index) {
  return std::any_of(index.entries().begin(), index.entries().end(),
                     [](const auto& entry) { return entry->service.has_value(); });
}

namespace {

bool sameText(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && sameText(text.substr(text.size() - suffix.size()), suffix);
}

}  // namespace

bool hostsOverlap(std::string_view a, std::string_view b) {
  bool aWild = a.starts_with('*');
  bool bWild = b.starts_with('*');
  if (aWild && bWild)
    return a.size() < b.size() ? endsWith(b.substr(1), a.substr(1)) : endsWith(a.substr(1), b.substr(1));
  if (aWild) return endsWith(b, a.substr(1));
  if (bWild) return endsWith(a, b.substr(1));
  return sameText(a, b);
}

std::pair<std::string, std::string> resolveGatewayReference(std::string_view reference,
                                                            std::string_view virtualServiceNamespace) {
  if (auto slash = reference.find('/'); slash != std::string_view::npos) {
    std::string_view ns = reference.substr(0, slash);
    return {ns == "." ? std::string(virtualServiceNamespace) : std::string(ns),
            std::string(reference.substr(slash + 1))};
  }
  auto dot = reference.find('.');
  if (dot == std::string_view::npos) return {std::string(virtualServiceNamespace), std::string(reference)};
  // Legacy FQDN form `name.ns.svc.cluster.local` (or `name.ns`): kept by Istio for compatibility.
  std::string_view rest = reference.substr(dot + 1);
  return {std::string(rest.substr(0, rest.find('.'))), std::string(reference.substr(0, dot))};
}

bool boundToMesh(const VirtualServiceSpec& spec) {
  return spec.gateways.empty() || std::find(spec.gateways.begin(), spec.gateways.end(), "mesh") != spec.gateways.end();
}

std::string DestinationUse::path() const {
  std::string base = child(indexed(child("spec", section), rule), field);
  if (field == "mirror") return base;
  return child(indexed(base, index), "destination");
}

DestinationUses destinationsOf(const IndexedResource& virtualService) {
  DestinationUses out;
  if (!virtualService.virtualService) return out;
  const VirtualServiceSpec& spec = *virtualService.virtualService;
  for (std::size_t i = 0; i < spec.http.size(); ++i) {
    const HTTPRoute& route = spec.http[i];
    for (std::size_t j = 0; j < route.route.size(); ++j)
      if (route.route[j].destination) out.uses.push_back({&*route.route[j].destination, "http", i, "route", j});
    if (route.mirror) out.uses.push_back({&*route.mirror, "http", i, "mirror", 0});
    for (std::size_t k = 0; k < route.mirrors.size(); ++k)
      if (route.mirrors[k].destination) out.uses.push_back({&*route.mirrors[k].destination, "http", i, "mirrors", k});
  }
  if (!spec.tcp.empty()) addDestinations(spec.tcp, "tcp", out);
  if (!spec.tls.empty()) addDestinations(spec.tls, "tls", out);
  return out;
}

std::vector<const IndexedResource*> destinationRulesApplying(const ProjectIndex& index, std::string_view fqdn) {
  std::vector<const IndexedResource*> exact = index.destinationRulesFor(fqdn);
  if (!exact.empty() || fqdn.starts_with('*')) return exact;
  // Most specific wildcard first: `*.b.c` before `*.c` before `*`.
  std::string_view rest = fqdn;
  while (true) {
    auto dot = rest.find('.');
    if (dot == std::string_view::npos) break;
    rest = rest.substr(dot + 1);
    std::vector<const IndexedResource*> found = index.destinationRulesFor("*." + std::string(rest));
    if (!found.empty()) return found;
  }
  return index.destinationRulesFor("*");
}

std::vector<std::string> likelyServiceHosts(const ProjectIndex& index, std::string_view host,
                                            std::string_view referrerNamespace) {
  std::string wanted = lowercase(host);
  std::string name = wanted;
  std::string onlyNamespace;     // `reviews.prod`: Kubernetes DNS shorthand, which Istio does not expand
  std::string excludeNamespace;  // the namespace that was looked in and lacks the Service
  if (auto dot = wanted.find('.'); dot == std::string::npos) {
    excludeNamespace = std::string(referrerNamespace);
  } else if (isClusterLocal(wanted)) {
    name = wanted.substr(0, dot);
    excludeNamespace = wanted.substr(dot + 1, wanted.find('.', dot + 1) - dot - 1);
  } else if (wanted.find('.', dot + 1) == std::string::npos) {
    name = wanted.substr(0, dot);
    onlyNamespace = wanted.substr(dot + 1);
  } else {
    return {};  // an external name: nothing in the project to suggest
  }
  std::vector<std::string> out;
  for (const auto& entry : index.entries()) {
    if (!entry->service || entry->resource.name() != name) continue;
    if (!onlyNamespace.empty() ? entry->namespaceName != onlyNamespace : entry->namespaceName == excludeNamespace)
      continue;
    out.push_back(name + "." + entry->namespaceName + std::string(kClusterSuffix));
  }
  return out;
}

std::optional<ResourceEdit> replaceStringAt(const Resource& resource, std::string_view path, std::string text) {
  Value document = resource.document();
  Value* target = mutableAt(document, path);
  if (!target || !target->isScalar()) return std::nullopt;
  *target = Value::string(std::move(text));
  return ResourceEdit{resource.displayName(), std::move(document)};
}

std::vector<Workload> workloadsMatching(const ProjectIndex& index, const StringMap& selector, std::string_view ns) {
  if (selector.empty()) return {};
  if (!ns.empty()) return index.workloadsSelectedBy(selector, ns);
  // Any namespace (a Gateway selects pods wherever they run): the workloads carrying the
  // selector's first key, filtered.
  std::vector<Workload> out;
  for (const Workload& workload : index.workloadsLabelled(selector.front().first))
    if (selectorMatches(selector, *workload.labels)) out.push_back(workload);
  return out;
}

std::vector<std::string> workloadsWithLabelKeys(const ProjectIndex& index, const StringMap& labels, std::size_t limit) {
  std::vector<std::string> out;
  for (const auto& [key, value] : labels)
    for (const Workload& workload : index.workloadsLabelled(key)) {
      if (out.size() == limit) return out;
      out.push_back(workload.owner->key() + " (" + key + "=" + *workload.labels->find(key) + ")");
    }
  return out;
}

bool sameIdentity(const IndexedResource& a, const IndexedResource& b) {
  return a.resource.kind() == b.resource.kind() && a.namespaceName == b.namespaceName &&
         a.metadata.name == b.metadata.name;
}

std::string qualifiedName(const IndexedResource& resource) {
  return resource.namespaceName + "/" + resource.metadata.name.value_or("");
}

std::string labelsText(const StringMap& labels) {
  std::string out = "{";
  for (const auto& [key, value] : labels) out += (out.size() > 1 ? ", " : "") + key + ": " + value;
  return out + "}";
}

std::string selectorText(const StringMap& labels) {
  std::vector<std::string> parts;
  for (const auto& [key, value] : labels) parts.push_back(key + "=" + value);
  std::sort(parts.begin(), parts.end());  // Kubernetes prints selectors sorted
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ",") + part;
  return out;
}

bool sameLabels(const StringMap& a, const StringMap& b) {
  if (a.size() != b.size()) return false;
  return std::all_of(a.begin(), a.end(), [&](const auto& entry) {
    const std::string* other = b.find(entry.first);
    return other && *other == entry.second;
  });
}

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace meshstudio::model::analysis::refs

// References from VirtualServices to other resources: gateways, destination hosts, ports and
// subsets (istioctl's virtualservice.GatewayAnalyzer, DestinationHostAnalyzer and
// DestinationRuleAnalyzer). The DestinationRule and Gateway checks of this group live in
// ReferenceDestinationRules.cpp and ReferenceGateways.cpp.

#include <algorithm>

#include "model/analysis/analyzers/ReferenceSupport.h"

namespace meshstudio::model::analysis {
namespace {

using refs::DestinationUse;

// --- vs.gateway-exists ------------------------------------------------------------------------

/// `ns/name` of a Gateway with the same name in another namespace, when there is exactly one.
std::optional<std::string> onlyGatewayNamed(const ProjectIndex& index, std::string_view name) {
  std::optional<std::string> found;
  for (const IndexedResource* gateway : index.gateways()) {
    if (gateway->resource.name() != name) continue;
    if (found) return std::nullopt;
    found = gateway->namespaceName + "/" + gateway->resource.name();
  }
  return found;
}

void checkGatewayReference(AnalysisContext& ctx, const std::string& reference, const std::string& path) {
  if (reference == "mesh") return;
  auto [ns, name] = refs::resolveGatewayReference(reference, ctx.namespaceName());
  const ProjectIndex& index = ctx.index();
  if (index.gateway(ns, name)) return;
  bool namespaceModelled = std::any_of(index.gateways().begin(), index.gateways().end(),
                                       [&](const IndexedResource* g) { return g->namespaceName == ns; });
  std::string message = "Referenced gateway not found: \"" + reference + "\" (Gateway " + ns + "/" + name + ").";
  Diagnostic* d = nullptr;
  if (namespaceModelled || ns == ctx.namespaceName()) {
    d = &ctx.error("IST0101", path, message + " Fix the reference (`namespace/name`), or add the Gateway.");
  } else {
    // A shared ingress Gateway often lives in a namespace this project does not manage.
    d = &ctx.warning("IST0101", path,
                     message + " The project holds no Gateway in namespace " + ns +
                         "; if that Gateway is managed elsewhere this is expected, otherwise fix the reference.");
  }
  if (auto other = onlyGatewayNamed(index, name); other && *other != ns + "/" + name)
    if (auto edit = refs::replaceStringAt(ctx.subject().resource, path, *other))
      d->fixes.push_back(QuickFix{"Use gateway " + *other, {std::move(*edit)}});
}

void gatewayExists(AnalysisContext& ctx) {
  const VirtualServiceSpec& spec = *ctx.subject().virtualService;
  for (std::size_t i = 0; i < spec.gateways.size(); ++i)
    checkGatewayReference(ctx, spec.gateways[i], indexed("spec.gateways", i));
  for (std::size_t i = 0; i < spec.http.size(); ++i)
    for (std::size_t j = 0; j < spec.http[i].match.size(); ++j) {
      const List<std::string>& gateways = spec.http[i].match[j].gateways;
      std::string base = child(indexed(child(indexed("spec.http", i), "match"), j), "gateways");
      for (std::size_t k = 0; k < gateways.size(); ++k) checkGatewayReference(ctx, gateways[k], indexed(base, k));
    }
}

// --- vs.destination-host-exists ---------------------------------------------------------------

/// Quick fixes that point a host at a Service of the same name elsewhere in the project.
void addHostFixes(AnalysisContext& ctx, Diagnostic& d, const std::string& host, const std::string& path) {
  std::vector<std::string> candidates = refs::likelyServiceHosts(ctx.index(), host, ctx.namespaceName());
  if (candidates.size() != 1) return;  // ambiguous or nothing: leave it to the user
  if (auto edit = refs::replaceStringAt(ctx.subject().resource, path, candidates.front()))
    d.fixes.push_back(QuickFix{"Use " + candidates.front(), {std::move(*edit)}});
}

void destinationHostExists(AnalysisContext& ctx) {
  std::optional<bool> modelsServices;  // computed on the first miss only
  refs::DestinationUses destinations = refs::destinationsOf(ctx.subject());
  for (const DestinationUse& use : destinations.uses) {
    if (!use.destination->host || use.destination->host->empty()) continue;  // admission checks report it
    const std::string& host = *use.destination->host;
    std::string fqdn = ProjectIndex::fullyQualified(host, ctx.namespaceName());
    if (ctx.index().hostExists(fqdn)) continue;
    if (refs::isClusterLocal(fqdn)) {
      if (!modelsServices) modelsServices = refs::projectModelsServices(ctx.index());
      if (!*modelsServices) continue;  // the project's Services live elsewhere
    }
    std::string path = child(use.path(), "host");
    std::string what = use.mirror() ? "mirror host" : "host";
    std::string resolved = fqdn == lowercase(host) ? "" : " (" + fqdn + ")";
    Diagnostic& d = ctx.error("IST0101", path,
                              "Referenced " + what + " not found: \"" + host + "\"" + resolved +
                                  ". Add a Service or ServiceEntry for it, or fix the host.");
    addHostFixes(ctx, d, host, path);
  }
}

// --- vs.destination-port ----------------------------------------------------------------------

/// The port numbers the Service or ServiceEntry behind `fqdn` exposes; nullopt when neither exists.
std::optional<std::vector<Int>> portsOf(const ProjectIndex& index, std::string_view fqdn) {
  std::vector<Int> ports;
  if (const IndexedResource* service = index.serviceByFqdn(fqdn)) {
    for (const ServicePort& port : service->service->ports) ports.push_back(port.port);
  } else {
    std::vector<const IndexedResource*> entries = index.serviceEntriesFor(fqdn);
    if (entries.empty()) return std::nullopt;
    for (const ServerPort& port : entries.front()->serviceEntry->ports)
      if (port.number) ports.push_back(*port.number);
  }
  std::sort(ports.begin(), ports.end());
  ports.erase(std::unique(ports.begin(), ports.end()), ports.end());  // TCP and UDP on one number
  return ports;
}

std::string portList(const std::vector<Int>& ports) {
  std::string out = "[";
  for (Int port : ports) out += (out.size() > 1 ? " " : "") + std::to_string(port);
  return out + "]";
}

/// The subject with `port: {number: port}` set on the HTTP destination `use` (TCP/TLS ones get no fix).
std::optional<ResourceEdit> withPort(const IndexedResource& subject, const DestinationUse& use, Int port) {
  if (use.section != "http") return std::nullopt;
  VirtualServiceSpec spec = *subject.virtualService;
  HTTPRoute& route = spec.http[use.rule];
  Opt<Destination>& destination = use.field == "route"    ? route.route[use.index].destination
                                  : use.field == "mirror" ? route.mirror
                                                          : route.mirrors[use.index].destination;
  if (!destination) return std::nullopt;
  destination->port = PortSelector{port, {}};
  return replaceSpec(subject, spec);
}

void destinationPort(AnalysisContext& ctx) {
  refs::DestinationUses destinations = refs::destinationsOf(ctx.subject());
  for (const DestinationUse& use : destinations.uses) {
    if (!use.destination->host || use.destination->host->empty()) continue;
    const std::string& host = *use.destination->host;
    std::string fqdn = ProjectIndex::fullyQualified(host, ctx.namespaceName());
    std::optional<std::vector<Int>> ports = portsOf(ctx.index(), fqdn);
    if (!ports || ports->empty()) continue;
    const Opt<PortSelector>& selector = use.destination->port;
    if (!selector || !selector->number) {
      if (ports->size() < 2) continue;
      Diagnostic& d =
          ctx.error("IST0112", use.path(),
                    "This VirtualService routes to a service \"" + host + "\" that exposes multiple ports " +
                        portList(*ports) + ". Specifying a port in the destination is required to disambiguate.");
      for (Int port : *ports)
        if (auto edit = withPort(ctx.subject(), use, port))
          d.fixes.push_back(QuickFix{"Route to port " + std::to_string(port), {std::move(*edit)}});
      continue;
    }
    if (std::find(ports->begin(), ports->end(), *selector->number) != ports->end()) continue;
    ctx.error("IST0101", child(child(use.path(), "port"), "number"),
              "Referenced host:port not found: \"" + host + ":" + std::to_string(*selector->number) +
                  "\". The service exposes " + portList(*ports) + "; use one of those ports.");
  }
}

// --- vs.destination-subset-exists -------------------------------------------------------------

/// The labels a new subset `name` of the Service behind `fqdn` most likely means: the key of a
/// label whose value is the subset name on a workload the Service selects (`version` preferred),
/// else `version: <name>`, Istio's convention.
StringMap inferSubsetLabels(const ProjectIndex& index, std::string_view fqdn, const std::string& name) {
  StringMap labels;
  std::string key = "version";
  if (const IndexedResource* service = index.serviceByFqdn(fqdn)) {
    std::optional<std::string> other;
    bool versionMatches = false;
    for (const Workload& workload :
         refs::workloadsMatching(index, service->service->selector, service->namespaceName)) {
      for (const auto& [label, value] : *workload.labels) {
        if (value != name || service->service->selector.find(label)) continue;
        if (label == "version")
          versionMatches = true;
        else if (!other)
          other = label;
      }
    }
    if (!versionMatches && other) key = *other;
  }
  labels.emplace_back(key, name);
  return labels;
}

/// The DestinationRule a missing subset best goes into: the VirtualService's namespace first,
/// then the host's namespace, then the first one.
const IndexedResource* preferredRule(const std::vector<const IndexedResource*>& rules, std::string_view vsNamespace,
                                     std::string_view fqdn) {
  for (const IndexedResource* rule : rules)
    if (rule->namespaceName == vsNamespace) return rule;
  if (refs::isClusterLocal(fqdn)) {
    std::string_view rest = fqdn.substr(fqdn.find('.') + 1);
    std::string_view hostNamespace = rest.substr(0, rest.find('.'));
    for (const IndexedResource* rule : rules)
      if (rule->namespaceName == hostNamespace) return rule;
  }
  return rules.front();
}

void addSubsetFix(AnalysisContext& ctx, Diagnostic& d, const std::vector<const IndexedResource*>& rules,
                  const std::string& host, const std::string& fqdn, const std::string& subset) {
  Subset added;
  added.name = subset;
  added.labels = inferSubsetLabels(ctx.index(), fqdn, subset);
  if (!rules.empty()) {
    const IndexedResource* rule = preferredRule(rules, ctx.namespaceName(), fqdn);
    DestinationRuleSpec spec = *rule->destinationRule;
    spec.subsets.push_back(std::move(added));
    d.fixes.push_back(QuickFix{"Add missing subset " + subset + " to DestinationRule " + rule->resource.name(),
                               {replaceSpecOf(rule->resource, spec)}});
    return;
  }
  // No DestinationRule for the host yet: create one next to the VirtualService, unless the name is taken.
  std::string name = lowercase(host.substr(0, host.find('.')));
  for (const auto& entry : ctx.index().entries())
    if (entry->resource.kind() == ResourceKind::DestinationRule && entry->resource.name() == name &&
        entry->namespaceName == ctx.namespaceName())
      return;
  DestinationRuleSpec spec;
  spec.host = host;
  spec.subsets.push_back(std::move(added));
  Resource created = Resource::create(ResourceKind::DestinationRule, ctx.namespaceName(), name);
  created.setSpec(encode(spec));
  d.fixes.push_back(
      QuickFix{"Create DestinationRule " + name + " with subset " + subset, {ResourceEdit{"", created.document()}}});
}

void destinationSubsetExists(AnalysisContext& ctx) {
  refs::DestinationUses destinations = refs::destinationsOf(ctx.subject());
  for (const DestinationUse& use : destinations.uses) {
    if (!use.destination->host || !use.destination->subset || use.destination->subset->empty()) continue;
    const std::string& host = *use.destination->host;
    const std::string& subset = *use.destination->subset;
    std::string fqdn = ProjectIndex::fullyQualified(host, ctx.namespaceName());
    std::vector<const IndexedResource*> rules = refs::destinationRulesApplying(ctx.index(), fqdn);
    bool defined = std::any_of(rules.begin(), rules.end(), [&](const IndexedResource* rule) {
      const List<Subset>& subsets = rule->destinationRule->subsets;
      return std::any_of(subsets.begin(), subsets.end(), [&](const Subset& s) { return s.name == subset; });
    });
    if (defined) continue;
    std::string path = child(use.path(), "subset");
    std::string message = "Referenced subset not found: \"" + subset + "\" for host " + fqdn + ". ";
    if (rules.empty()) {
      message +=
          "No DestinationRule defines subsets for this host, so requests routed here fail with 503 (NC). "
          "Add a DestinationRule with subset " +
          subset + ", or remove the subset.";
    } else {
      std::vector<std::string> names;
      for (const IndexedResource* rule : rules) names.push_back(rule->namespaceName + "/" + rule->resource.name());
      message += "DestinationRule " + refs::joinNames(names) +
                 " does not define it, so requests routed here fail "
                 "with 503 (NC). Add the subset to the DestinationRule, or fix the subset name.";
    }
    Diagnostic& d = ctx.error("IST0101", path, message);
    addSubsetFix(ctx, d, rules, host, fqdn, subset);
  }
}

}  // namespace

void addReferenceAnalyzers(std::vector<Analyzer>& out) {
  out.push_back({"vs.gateway-exists", {ResourceKind::VirtualService}, gatewayExists});
  out.push_back({"vs.destination-host-exists", {ResourceKind::VirtualService}, destinationHostExists});
  out.push_back({"vs.destination-port", {ResourceKind::VirtualService}, destinationPort});
  out.push_back({"vs.destination-subset-exists", {ResourceKind::VirtualService}, destinationSubsetExists});
  addReferenceDestinationRuleAnalyzers(out);
  addReferenceGatewayAnalyzers(out);
}

}  // namespace meshstudio::model::analysis

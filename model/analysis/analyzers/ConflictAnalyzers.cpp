// Conflicts between resources that Istio resolves silently: VirtualServices competing for a
// host on sidecars (IST0109), DestinationRules merged for one host (MS3001-MS3003), and a
// destination repeated within one route (MS3004). The Gateway conflicts live in ConflictGateways.cpp.

#include <algorithm>
#include <set>

#include "model/analysis/analyzers/ReferenceSupport.h"

namespace meshstudio::model::analysis {
namespace {

// --- vs.mesh-host-conflict --------------------------------------------------------------------

/// The namespaces a VirtualService is visible in; {"*"} for all (the default).
std::set<std::string> exportScope(const IndexedResource& entry) {
  const List<std::string>& exportTo = entry.virtualService->exportTo;
  if (exportTo.empty()) return {"*"};
  std::set<std::string> out;
  for (const std::string& ns : exportTo) out.insert(ns == "." ? entry.namespaceName : ns);
  out.erase("~");  // exported nowhere
  return out;
}

bool scopesOverlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return false;
  if (a.count("*") || b.count("*")) return true;
  return std::any_of(a.begin(), a.end(), [&](const std::string& ns) { return b.count(ns) > 0; });
}

void meshHostConflict(AnalysisContext& ctx) {
  const IndexedResource& subject = ctx.subject();
  const VirtualServiceSpec& spec = *subject.virtualService;
  if (!refs::boundToMesh(spec)) return;
  std::set<std::string> scope = exportScope(subject);
  for (std::size_t i = 0; i < spec.hosts.size(); ++i) {
    std::string fqdn = ProjectIndex::fullyQualified(spec.hosts[i], ctx.namespaceName());
    std::vector<std::string> names{ctx.namespaceName() + "/" + subject.resource.name()};
    for (const IndexedResource* other : ctx.index().virtualServicesFor(fqdn)) {
      // The same resource twice (alternatives in separate files) replaces itself on apply: not a conflict.
      if (refs::sameIdentity(*other, subject)) continue;
      if (!refs::boundToMesh(*other->virtualService) || !scopesOverlap(scope, exportScope(*other))) continue;
      std::string name = refs::qualifiedName(*other);
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    if (names.size() < 2) continue;
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "" : ",") + name;
    ctx.error("IST0109", indexed("spec.hosts", i),
              "The VirtualServices " + list + " associated with mesh gateway define the same host " + fqdn +
                  " which can lead to undefined behavior: sidecars do not merge them and use only one. This can be "
                  "fixed by merging the conflicting VirtualServices into a single resource.");
  }
}

// --- dr.duplicate-host ------------------------------------------------------------------------

/// Istio's order of configs (sortConfigByCreationTime): creationTimestamp, then name, then namespace.
/// Without timestamps (as in git) the name decides.
bool appliedBefore(const IndexedResource* a, const IndexedResource* b) {
  auto timestamp = [](const IndexedResource* r) {
    const Value* value = r->resource.document().at("metadata.creationTimestamp");
    return value && value->isScalar() ? value->text() : std::string();
  };
  std::string ta = timestamp(a), tb = timestamp(b);
  if (ta != tb && !ta.empty() && !tb.empty()) return ta < tb;  // RFC 3339 UTC sorts as text
  if (a->resource.name() != b->resource.name()) return a->resource.name() < b->resource.name();
  return a->namespaceName < b->namespaceName;
}

std::string nameOf(const IndexedResource* r) { return refs::qualifiedName(*r); }

void duplicateHost(AnalysisContext& ctx) {
  const IndexedResource& subject = ctx.subject();
  const DestinationRuleSpec& spec = *subject.destinationRule;
  // Rules with a workloadSelector apply to their workloads only and are merged apart.
  if (!spec.host || spec.workloadSelector) return;
  std::string fqdn = ProjectIndex::fullyQualified(*spec.host, ctx.namespaceName());
  // Istio merges the rules for a host per namespace; across namespaces the client's namespace decides.
  std::vector<const IndexedResource*> group{&subject};
  for (const IndexedResource* other : ctx.index().destinationRulesFor(fqdn))
    if (other->namespaceName == ctx.namespaceName() && !other->destinationRule->workloadSelector &&
        std::none_of(group.begin(), group.end(),
                     [&](const IndexedResource* r) { return refs::sameIdentity(*r, *other); }))
      group.push_back(other);
  if (group.size() < 2) return;
  std::sort(group.begin(), group.end(), appliedBefore);

  const IndexedResource* policyOwner = nullptr;
  for (const IndexedResource* rule : group)
    if (rule->destinationRule->trafficPolicy) {
      policyOwner = rule;
      break;
    }
  std::vector<std::string> others;
  for (const IndexedResource* rule : group)
    if (rule != &subject) others.push_back(nameOf(rule));
  std::string merge = "Istio merges them in the order " + nameOf(group.front());
  for (std::size_t i = 1; i < group.size(); ++i) merge += ", " + nameOf(group[i]);
  merge += " (creationTimestamp, then name): ";
  merge += policyOwner ? "the trafficPolicy of " + nameOf(policyOwner) + " applies, the others' are ignored, "
                       : std::string();
  merge += "and a subset defined twice keeps its first definition.";
  ctx.warning("MS3001", "spec.host",
              "DestinationRule " + refs::joinNames(others) + " also configures host " + fqdn + " in namespace " +
                  ctx.namespaceName() + ". " + merge + " Keep one DestinationRule per host.");

  if (subject.destinationRule->trafficPolicy && policyOwner && policyOwner != &subject)
    ctx.warning("MS3003", "spec.trafficPolicy",
                "This trafficPolicy is ignored: DestinationRule " + nameOf(policyOwner) + " for the same host " + fqdn +
                    " comes first and Istio keeps only the first top-level trafficPolicy (no field-by-field merge). "
                    "Move these settings into " +
                    nameOf(policyOwner) + ".");

  for (std::size_t i = 0; i < spec.subsets.size(); ++i) {
    if (!spec.subsets[i].name) continue;
    const std::string& name = *spec.subsets[i].name;
    for (const IndexedResource* earlier : group) {
      if (earlier == &subject) break;
      const List<Subset>& subsets = earlier->destinationRule->subsets;
      if (std::none_of(subsets.begin(), subsets.end(), [&](const Subset& s) { return s.name == name; })) continue;
      ctx.warning("MS3002", child(indexed("spec.subsets", i), "name"),
                  "Subset " + name + " is also defined by DestinationRule " + nameOf(earlier) +
                      ", which Istio merges first; this definition is ignored. Remove it, or rename it and route to "
                      "the new name.");
      break;
    }
  }
}

// --- vs.duplicate-route-destination -----------------------------------------------------------

std::string destinationKey(const Destination& destination, std::string_view ns) {
  std::string port = destination.port && destination.port->number ? std::to_string(*destination.port->number) : "";
  return ProjectIndex::fullyQualified(destination.host.value_or(""), ns) + "|" + destination.subset.value_or("") + "|" +
         port;
}

std::string describe(const Destination& destination) {
  std::string out = destination.host.value_or("");
  if (destination.subset) out += " subset " + *destination.subset;
  if (destination.port && destination.port->number) out += " port " + std::to_string(*destination.port->number);
  return out;
}

/// The route with every repeat of a destination folded into its first entry, weights summed.
/// Nullopt when the repeats differ in header operations (merging would drop some).
std::optional<List<HTTPRouteDestination>> mergedRoute(const List<HTTPRouteDestination>& route, std::string_view ns) {
  List<HTTPRouteDestination> out;
  out.present = true;
  std::vector<std::string> keys;
  for (const HTTPRouteDestination& entry : route) {
    std::string key = entry.destination ? destinationKey(*entry.destination, ns) : std::string();
    auto found = entry.destination ? std::find(keys.begin(), keys.end(), key) : keys.end();
    if (found == keys.end()) {
      keys.push_back(key);
      out.push_back(entry);
      continue;
    }
    HTTPRouteDestination& first = out[static_cast<std::size_t>(found - keys.begin())];
    auto headers = [](const HTTPRouteDestination& d) { return d.headers ? encode(*d.headers) : Value(); };
    if (!(headers(first) == headers(entry)) || !(first.extras == entry.extras)) return std::nullopt;
    Int sum = first.weight.value_or(0) + entry.weight.value_or(0);
    first.weight = sum;
  }
  // A single destination takes all traffic; its weight would only mislead.
  if (out.size() == 1) out.front().weight.reset();
  return out;
}

void duplicateRouteDestination(AnalysisContext& ctx) {
  const VirtualServiceSpec& spec = *ctx.subject().virtualService;
  for (std::size_t i = 0; i < spec.http.size(); ++i) {
    const List<HTTPRouteDestination>& route = spec.http[i].route;
    std::string base = child(indexed("spec.http", i), "route");
    std::vector<std::string> keys;
    for (std::size_t j = 0; j < route.size(); ++j) {
      if (!route[j].destination || !route[j].destination->host) {
        keys.emplace_back();
        continue;
      }
      std::string key = destinationKey(*route[j].destination, ctx.namespaceName());
      std::size_t first = static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
      keys.push_back(key);
      if (first == j) continue;
      Int total = 0;
      for (std::size_t k = 0; k < route.size(); ++k)
        if (route[k].destination && destinationKey(*route[k].destination, ctx.namespaceName()) == key)
          total += route[k].weight.value_or(0);
      Diagnostic& d = ctx.warning("MS3004", child(indexed(base, j), "destination"),
                                  "Destination " + describe(*route[j].destination) +
                                      " is listed again in this route (first at " + indexed(base, first) +
                                      "): both entries send to the same cluster, whose share is the sum of their "
                                      "weights (" +
                                      std::to_string(total) + "). Merge them into one entry.");
      if (auto merged = mergedRoute(route, ctx.namespaceName())) {
        VirtualServiceSpec fixed = spec;
        fixed.http[i].route = std::move(*merged);
        d.fixes.push_back(
            QuickFix{"Merge the repeated destinations, summing their weights", {replaceSpec(ctx.subject(), fixed)}});
      }
    }
  }
}

}  // namespace

void addConflictAnalyzers(std::vector<Analyzer>& out) {
  out.push_back({"vs.mesh-host-conflict", {ResourceKind::VirtualService}, meshHostConflict});
  out.push_back({"dr.duplicate-host", {ResourceKind::DestinationRule}, duplicateHost});
  out.push_back({"vs.duplicate-route-destination", {ResourceKind::VirtualService}, duplicateRouteDestination});
  addConflictGatewayAnalyzers(out);
}

}  // namespace meshstudio::model::analysis

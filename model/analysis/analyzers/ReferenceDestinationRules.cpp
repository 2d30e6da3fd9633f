// References from DestinationRules: the host (IST0174), the pods each subset selects (IST0173),
// and the CA that verifies upstream TLS (IST0128/IST0129), as istioctl's destinationrule
// analyzers check them.

#include <algorithm>

#include "model/analysis/analyzers/ReferenceSupport.h"

namespace meshstudio::model::analysis {
namespace {

// --- dr.host-exists ---------------------------------------------------------------------------

void hostExists(AnalysisContext& ctx) {
  const DestinationRuleSpec& spec = *ctx.subject().destinationRule;
  if (!spec.host || spec.host->empty()) return;
  const std::string& host = *spec.host;
  std::string fqdn = ProjectIndex::fullyQualified(host, ctx.namespaceName());
  // A wildcard host is a policy for whatever it covers; it needs no service of its own.
  if (fqdn.starts_with('*') || ctx.index().hostExists(fqdn)) return;
  if (refs::isClusterLocal(fqdn) && !refs::projectModelsServices(ctx.index())) return;
  Diagnostic& d =
      ctx.warning("IST0174", "spec.host",
                  "The host " + host + " defined in the DestinationRule does not match any services in the mesh" +
                      (fqdn == lowercase(host) ? std::string() : " (it resolves to " + fqdn + ")") +
                      ". Fix the host, use the fully qualified name if the Service is in another namespace, or add a "
                      "ServiceEntry for an external host.");
  std::vector<std::string> candidates = refs::likelyServiceHosts(ctx.index(), host, ctx.namespaceName());
  if (candidates.size() == 1)
    if (auto edit = refs::replaceStringAt(ctx.subject().resource, "spec.host", candidates.front()))
      d.fixes.push_back(QuickFix{"Use " + candidates.front(), {std::move(*edit)}});
}

// --- dr.subset-selects-pods -------------------------------------------------------------------

void subsetSelectsPods(AnalysisContext& ctx) {
  const DestinationRuleSpec& spec = *ctx.subject().destinationRule;
  if (!spec.host || spec.subsets.empty()) return;
  // Only a Service of the project has known endpoints; a ServiceEntry's may be anywhere.
  const IndexedResource* service =
      ctx.index().serviceByFqdn(ProjectIndex::fullyQualified(*spec.host, ctx.namespaceName()));
  if (!service || service->service->selector.empty()) return;

  struct Match {
    bool running = false;                   // selects a workload with replicas > 0
    const IndexedResource* idle = nullptr;  // selects only a workload scaled to zero
  };
  std::vector<Match> matches(spec.subsets.size());
  bool serviceHasWorkloads = false;
  std::size_t unresolved = spec.subsets.size();
  for (const Workload& workload :
       refs::workloadsMatching(ctx.index(), service->service->selector, service->namespaceName)) {
    serviceHasWorkloads = true;
    for (std::size_t i = 0; i < spec.subsets.size(); ++i) {
      Match& match = matches[i];
      if (match.running) continue;
      const StringMap& labels = spec.subsets[i].labels;
      bool selected = std::all_of(labels.begin(), labels.end(), [&](const auto& label) {
        const std::string* value = workload.labels->find(label.first);
        return value && *value == label.second;
      });
      if (!selected) continue;
      if (workload.replicas > 0) {
        match.running = true;
        --unresolved;
      } else if (!match.idle) {
        match.idle = workload.owner;
      }
    }
    if (unresolved == 0) return;
  }
  // No workload of the Service in the project: its Deployments live elsewhere, nothing to say.
  if (!serviceHasWorkloads) return;

  std::string serviceName = service->namespaceName + "/" + service->resource.name();
  for (std::size_t i = 0; i < spec.subsets.size(); ++i) {
    if (matches[i].running) continue;
    const Subset& subset = spec.subsets[i];
    std::string name = subset.name.value_or("");
    std::string path = indexed("spec.subsets", i);
    path = subset.labels.isPresent() ? child(path, "labels") : child(path, "name");
    std::string why = matches[i].idle ? "its only workload, " + matches[i].idle->key() + ", is scaled to 0 replicas"
                                      : "no workload of Service " + serviceName + " has the labels " +
                                            refs::labelsText(subset.labels);
    ctx.error("IST0173", path,
              "The Subset " + name + " defined in the DestinationRule does not select any pods (" + why +
                  "). Which may lead to 503 UH (NoHealthyUpstream). Fix the subset's labels, deploy the pods it "
                  "should select, or remove the subset.");
  }
}

// --- dr.server-certificate-verification -------------------------------------------------------

/// False for a SIMPLE/MUTUAL origination that names no CA, no credential and does not opt out explicitly.
bool verifiesServer(const ClientTLSSettings& tls) {
  std::string mode = tls.mode.value_or("");
  if (mode != "SIMPLE" && mode != "MUTUAL") return true;
  return (tls.caCertificates && !tls.caCertificates->empty()) || (tls.credentialName && !tls.credentialName->empty()) ||
         tls.insecureSkipVerify.value_or(false);
}

/// The subject with `caCertificates: system` on the TLS settings at `tlsPath`: the OS trust store,
/// stated explicitly so that the server is verified whatever the proxy's defaults.
std::optional<ResourceEdit> useSystemCa(const IndexedResource& subject, std::string_view tlsPath) {
  DestinationRuleSpec spec = *subject.destinationRule;
  auto patch = [&](TrafficPolicy& policy, std::string_view base) -> bool {
    if (policy.tls && child(base, "tls") == tlsPath) {
      policy.tls->caCertificates = "system";
      return true;
    }
    for (std::size_t j = 0; j < policy.portLevelSettings.size(); ++j)
      if (policy.portLevelSettings[j].tls && child(indexed(child(base, "portLevelSettings"), j), "tls") == tlsPath) {
        policy.portLevelSettings[j].tls->caCertificates = "system";
        return true;
      }
    return false;
  };
  bool done = spec.trafficPolicy && patch(*spec.trafficPolicy, "spec.trafficPolicy");
  for (std::size_t i = 0; i < spec.subsets.size() && !done; ++i)
    if (spec.subsets[i].trafficPolicy)
      done = patch(*spec.subsets[i].trafficPolicy, child(indexed("spec.subsets", i), "trafficPolicy"));
  if (!done) return std::nullopt;
  return replaceSpec(subject, spec);
}

void checkPolicy(AnalysisContext& ctx, const TrafficPolicy& policy, const std::string& base, const std::string& host) {
  const std::string who = "DestinationRule " + ctx.subject().resource.name() + " in namespace " + ctx.namespaceName();
  const std::string advice =
      ". Set caCertificates (a CA file, or `system` for the OS trust store) or credentialName; set "
      "insecureSkipVerify: true only if skipping verification is intended.";
  auto report = [&](const ClientTLSSettings& tls, const std::string& tlsPath, const std::string& code,
                    const std::string& where) {
    if (verifiesServer(tls)) return;
    Diagnostic& d = ctx.warning(code, child(tlsPath, "mode"),
                                who + " has TLS mode set to " + *tls.mode +
                                    " but no caCertificates are set to validate server identity for host: " + host +
                                    where + advice);
    if (auto edit = useSystemCa(ctx.subject(), tlsPath))
      d.fixes.push_back(
          QuickFix{"Verify the server against the OS trust store (caCertificates: system)", {std::move(*edit)}});
  };
  if (policy.tls) report(*policy.tls, child(base, "tls"), "IST0128", "");
  for (std::size_t j = 0; j < policy.portLevelSettings.size(); ++j) {
    const PortTrafficPolicy& port = policy.portLevelSettings[j];
    if (!port.tls) continue;
    std::string number = port.port && port.port->number ? std::to_string(*port.port->number) : "?";
    report(*port.tls, child(indexed(child(base, "portLevelSettings"), j), "tls"), "IST0129", " at port " + number);
  }
}

void serverCertificateVerification(AnalysisContext& ctx) {
  const DestinationRuleSpec& spec = *ctx.subject().destinationRule;
  std::string host = spec.host.value_or("");
  if (spec.trafficPolicy) checkPolicy(ctx, *spec.trafficPolicy, "spec.trafficPolicy", host);
  // istioctl looks at the DestinationRule level only; a subset's policy originates TLS the same way.
  for (std::size_t i = 0; i < spec.subsets.size(); ++i)
    if (spec.subsets[i].trafficPolicy)
      checkPolicy(ctx, *spec.subsets[i].trafficPolicy, child(indexed("spec.subsets", i), "trafficPolicy"), host);
}

}  // namespace

void addReferenceDestinationRuleAnalyzers(std::vector<Analyzer>& out) {
  out.push_back({"dr.host-exists", {ResourceKind::DestinationRule}, hostExists});
  out.push_back({"dr.subset-selects-pods", {ResourceKind::DestinationRule}, subsetSelectsPods});
  out.push_back({"dr.server-certificate-verification", {ResourceKind::DestinationRule}, serverCertificateVerification});
}

}  // namespace meshstudio::model::analysis

// References from Gateways: the workload the selector picks (IST0101), the Service ports in
// front of it (IST0162), the TLS secrets (IST0101) and certificates shared with other Gateways
// (IST0138), as istioctl's gateway analyzers check them.

#include <algorithm>
#include <charconv>
#include <set>

#include "model/analysis/analyzers/ReferenceSupport.h"

namespace meshstudio::model::analysis {
namespace {

/// The workloads (any namespace) a Gateway's selector picks. An empty selector picks none here:
/// it means "every gateway workload", which the project cannot tell apart from other pods.
std::vector<Workload> gatewayWorkloads(const IndexedResource& gateway, const ProjectIndex& index) {
  return refs::workloadsMatching(index, gateway.gateway->selector, "");
}

std::string selectorPath(const StringMap& selector) {
  return selector.empty() ? std::string("spec.selector") : refs::mapKey("spec.selector", selector.front().first);
}

// --- gateway.selector-matches-workload --------------------------------------------------------

void selectorMatchesWorkload(AnalysisContext& ctx) {
  const StringMap& selector = ctx.subject().gateway->selector;
  if (selector.empty()) return;
  // The ingress gateway is usually installed apart from the application's config. Only when the
  // project holds workloads labelled with the selector's keys (so gateway Deployments are part of
  // it) is a selector that matches none of them a likely typo.
  std::vector<std::string> alike = refs::workloadsWithLabelKeys(ctx.index(), selector, 3);
  if (alike.empty() || !gatewayWorkloads(ctx.subject(), ctx.index()).empty()) return;
  ctx.warning("IST0101", selectorPath(selector),
              "Referenced selector not found: \"" + refs::selectorText(selector) +
                  "\". No Deployment or Pod in the project has all these labels, though " + refs::joinNames(alike) +
                  (alike.size() == 1 ? " carries" : " carry") +
                  " the same keys. Fix the selector so that it matches the gateway workload.");
}

// --- gateway.port-on-service ------------------------------------------------------------------

/// Container port number named `name` on the workload; 0 when none.
Int namedContainerPort(const Workload& workload, const std::string& name) {
  const PodShape* pod = workload.owner->deployment ? &workload.owner->deployment->pod : &*workload.owner->pod;
  for (const ContainerPort& port : pod->ports)
    if (port.name == name) return port.containerPort;
  return 0;
}

void portOnService(AnalysisContext& ctx) {
  const GatewaySpec& spec = *ctx.subject().gateway;
  std::vector<Workload> workloads = gatewayWorkloads(ctx.subject(), ctx.index());
  if (workloads.empty()) return;
  // A server port is reachable when a Service selecting the gateway pods has it as `port` or as
  // `targetPort` (Istio maps a Service port to its target port for the listener).
  std::set<Int> ports;
  std::set<std::string> services;
  for (const Workload& workload : workloads)
    for (const IndexedResource* service :
         ctx.index().servicesSelecting(*workload.labels, workload.owner->namespaceName)) {
      services.insert(service->namespaceName + "/" + service->resource.name());
      for (const ServicePort& port : service->service->ports) {
        if (port.protocol != "TCP") continue;
        ports.insert(port.port);
        if (port.targetPort.empty()) continue;
        Int number = 0;
        const char* end = port.targetPort.data() + port.targetPort.size();
        auto [parsed, ec] = std::from_chars(port.targetPort.data(), end, number);
        if (ec == std::errc() && parsed == end)
          ports.insert(number);
        else if (Int named = namedContainerPort(workload, port.targetPort))  // a named container port
          ports.insert(named);
      }
    }
  std::string selector = refs::selectorText(spec.selector);
  for (std::size_t i = 0; i < spec.servers.size(); ++i) {
    const Server& server = spec.servers[i];
    if (!server.port || !server.port->number || ports.count(*server.port->number)) continue;
    std::string advice = services.empty()
                             ? " No Service in the project selects the gateway pods; add one that exposes this port."
                             : " Add the port to Service " +
                                   refs::joinNames(std::vector<std::string>(services.begin(), services.end())) +
                                   ", or listen on a port it exposes.";
    ctx.warning("IST0162", child(child(indexed("spec.servers", i), "port"), "number"),
                "The gateway is listening on a target port (port " + std::to_string(*server.port->number) +
                    ") that is not defined in the Service associated with its workload instances (Pod selector " +
                    selector +
                    "). If you need to access the gateway port through the gateway Service, it will not "
                    "be available." +
                    advice);
  }
}

// --- gateway.credential-exists ----------------------------------------------------------------

void checkCredential(AnalysisContext& ctx, const std::string& name, const std::string& secretNamespace,
                     const std::string& path) {
  if (name.empty() || ctx.index().tlsSecret(secretNamespace, name)) return;
  // Secrets rarely live next to the config: only a project that holds TLS secrets is expected to
  // hold this one. A Secret of another type (generic `cert`/`key`) also serves.
  bool projectHoldsTlsSecrets = false;
  for (const auto& entry : ctx.index().entries()) {
    if (entry->resource.kind() != ResourceKind::Secret) continue;
    if (entry->resource.name() == name && entry->namespaceName == secretNamespace) return;
    projectHoldsTlsSecrets = projectHoldsTlsSecrets || entry->tlsSecret.has_value();
  }
  if (!projectHoldsTlsSecrets) return;
  ctx.warning("IST0101", path,
              "Referenced credentialName not found: \"" + name + "\". The gateway reads it from namespace " +
                  secretNamespace +
                  ", where the project holds no such kubernetes.io/tls Secret; add the Secret "
                  "there, or fix the name.");
}

void credentialExists(AnalysisContext& ctx) {
  const GatewaySpec& spec = *ctx.subject().gateway;
  bool credentials = std::any_of(spec.servers.begin(), spec.servers.end(), [](const Server& server) {
    return server.tls && (server.tls->credentialName || !server.tls->credentialNames.empty());
  });
  if (!credentials) return;
  // The secret is read in the namespace of the gateway workload, not of the Gateway resource.
  std::vector<Workload> workloads = gatewayWorkloads(ctx.subject(), ctx.index());
  std::string secretNamespace = workloads.empty() ? ctx.namespaceName() : workloads.front().owner->namespaceName;
  for (std::size_t i = 0; i < spec.servers.size(); ++i) {
    const Opt<ServerTLSSettings>& tls = spec.servers[i].tls;
    if (!tls) continue;
    std::string base = child(indexed("spec.servers", i), "tls");
    if (tls->credentialName) checkCredential(ctx, *tls->credentialName, secretNamespace, child(base, "credentialName"));
    for (std::size_t j = 0; j < tls->credentialNames.size(); ++j)
      checkCredential(ctx, tls->credentialNames[j], secretNamespace, indexed(child(base, "credentialNames"), j));
  }
}

// --- gateway.duplicate-certificate ------------------------------------------------------------

/// One selector contains the other: the two Gateways can land on the same gateway pods.
bool selectorsOverlap(const StringMap& a, const StringMap& b) {
  auto subset = [](const StringMap& small, const StringMap& big) {
    return std::all_of(small.begin(), small.end(), [&](const auto& label) {
      const std::string* value = big.find(label.first);
      return value && *value == label.second;
    });
  };
  return subset(a, b) || subset(b, a);
}

/// istioctl's haveSameCertificate: the same credentialName, or (without credentials) the same
/// serverCertificate and privateKey files.
bool sameCertificate(const ServerTLSSettings& a, const ServerTLSSettings& b) {
  auto set = [](const Opt<std::string>& text) { return text && !text->empty(); };
  if (set(a.credentialName) && set(b.credentialName)) return *a.credentialName == *b.credentialName;
  if (set(a.credentialName) || set(b.credentialName)) return false;
  return set(a.serverCertificate) && set(b.serverCertificate) && *a.serverCertificate == *b.serverCertificate &&
         set(a.privateKey) && set(b.privateKey) && *a.privateKey == *b.privateKey;
}

void duplicateCertificate(AnalysisContext& ctx) {
  const IndexedResource& subject = ctx.subject();
  const GatewaySpec& spec = *subject.gateway;
  for (std::size_t i = 0; i < spec.servers.size(); ++i) {
    const Opt<ServerTLSSettings>& tls = spec.servers[i].tls;
    if (!tls) continue;
    std::vector<std::string> others;
    for (const IndexedResource* other : ctx.index().gateways()) {
      if (refs::sameIdentity(*other, subject)) continue;
      if (!selectorsOverlap(spec.selector, other->gateway->selector)) continue;
      bool shared = std::any_of(other->gateway->servers.begin(), other->gateway->servers.end(),
                                [&](const Server& server) { return server.tls && sameCertificate(*tls, *server.tls); });
      if (shared) others.push_back(refs::qualifiedName(*other));
    }
    if (others.empty()) continue;
    std::string base = child(indexed("spec.servers", i), "tls");
    std::string path = tls->credentialName && !tls->credentialName->empty() ? child(base, "credentialName")
                                                                            : child(base, "serverCertificate");
    std::string names = "[" + ctx.namespaceName() + "/" + subject.resource.name();
    for (const std::string& other : others) names += " " + other;
    ctx.warning("IST0138", path,
                "Duplicate certificate in multiple gateways " + names +
                    "] may cause 404s if clients re-use HTTP2 connections. Give each Gateway its own certificate, "
                    "or serve these hosts from one server.");
  }
}

}  // namespace

void addReferenceGatewayAnalyzers(std::vector<Analyzer>& out) {
  out.push_back({"gateway.selector-matches-workload", {ResourceKind::Gateway}, selectorMatchesWorkload});
  out.push_back({"gateway.port-on-service", {ResourceKind::Gateway}, portOnService});
  out.push_back({"gateway.credential-exists", {ResourceKind::Gateway}, credentialExists});
  out.push_back({"gateway.duplicate-certificate", {ResourceKind::Gateway}, duplicateCertificate});
}

}  // namespace meshstudio::model::analysis

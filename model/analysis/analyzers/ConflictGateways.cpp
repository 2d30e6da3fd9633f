// Conflicts around Gateways: servers of two Gateways competing for one port and host (IST0145),
// and VirtualService hosts a bound Gateway does not serve (IST0132).

#include <algorithm>

#include "model/analysis/analyzers/ReferenceSupport.h"

namespace meshstudio::model::analysis {
namespace {

/// A Gateway server host `[namespace/]dnsName`, with `.` resolved to the Gateway's namespace.
/// Views into the Gateway's spec: this runs for every pair of servers sharing a port.
struct ServerHost {
  std::string_view ns;  ///< `*` for any namespace
  std::string_view dns;
};

ServerHost parseServerHost(std::string_view host, std::string_view gatewayNamespace) {
  auto slash = host.find('/');
  if (slash == std::string_view::npos) return {"*", host};
  std::string_view ns = host.substr(0, slash);
  return {ns == "." ? gatewayNamespace : ns, host.substr(slash + 1)};
}

bool serverHostsOverlap(const ServerHost& a, const ServerHost& b) {
  bool namespaces = a.ns == "*" || b.ns == "*" || a.ns == b.ns;
  return namespaces && refs::hostsOverlap(a.dns, b.dns);
}

// --- gateway.conflicting-servers --------------------------------------------------------------

void conflictingServers(AnalysisContext& ctx) {
  const IndexedResource& subject = ctx.subject();
  const GatewaySpec& spec = *subject.gateway;
  for (std::size_t i = 0; i < spec.servers.size(); ++i) {
    const Server& server = spec.servers[i];
    if (!server.port || !server.port->number) continue;
    std::vector<ServerHost> hosts;
    for (const std::string& host : server.hosts) hosts.push_back(parseServerHost(host, ctx.namespaceName()));
    std::vector<std::string> conflicting;
    for (const IndexedResource* other : ctx.index().gateways()) {
      // Another copy of this very resource replaces it on apply; istioctl also skips the Gateway itself.
      if (refs::sameIdentity(*other, subject)) continue;
      if (!refs::sameLabels(spec.selector, other->gateway->selector)) continue;
      bool clash = std::any_of(other->gateway->servers.begin(), other->gateway->servers.end(), [&](const Server& s) {
        if (!s.port || s.port->number != server.port->number) return false;
        return std::any_of(s.hosts.begin(), s.hosts.end(), [&](const std::string& h) {
          ServerHost theirs = parseServerHost(h, other->namespaceName);
          return std::any_of(hosts.begin(), hosts.end(),
                             [&](const ServerHost& ours) { return serverHostsOverlap(ours, theirs); });
        });
      });
      if (!clash) continue;
      std::string name = refs::qualifiedName(*other);
      if (std::find(conflicting.begin(), conflicting.end(), name) == conflicting.end()) conflicting.push_back(name);
    }
    if (conflicting.empty()) continue;
    std::string names, hostList;
    for (const std::string& name : conflicting) names += (names.empty() ? "" : ",") + name;
    for (const std::string& host : server.hosts) hostList += (hostList.empty() ? "" : ",") + host;
    ctx.error("IST0145", child(indexed("spec.servers", i), "hosts"),
              "Conflict with gateways " + names + " (workload selector " + refs::selectorText(spec.selector) +
                  ", port " + std::to_string(*server.port->number) + ", hosts " + hostList +
                  "). The gateway pods serve only one of the overlapping servers; give the servers distinct hosts or "
                  "ports, or merge them into one Gateway.");
  }
}

// --- vs.host-in-gateway -----------------------------------------------------------------------

/// The server hosts of `gateway` that a VirtualService in `vsNamespace` may bind to.
std::vector<std::string_view> hostsFor(const IndexedResource& gateway, std::string_view vsNamespace) {
  std::vector<std::string_view> out;
  for (const Server& server : gateway.gateway->servers)
    for (const std::string& host : server.hosts) {
      ServerHost parsed = parseServerHost(host, gateway.namespaceName);
      if (parsed.ns == "*" || parsed.ns == vsNamespace) out.push_back(parsed.dns);
    }
  return out;
}

bool served(const std::vector<std::string_view>& gatewayHosts, const std::string& fqdn) {
  return std::any_of(gatewayHosts.begin(), gatewayHosts.end(),
                     [&](std::string_view h) { return refs::hostsOverlap(h, fqdn); });
}

void hostInGateway(AnalysisContext& ctx) {
  const IndexedResource& subject = ctx.subject();
  const VirtualServiceSpec& spec = *subject.virtualService;
  if (spec.hosts.empty()) return;  // a delegate: bound through its root
  std::vector<std::string> hosts;
  for (const std::string& host : spec.hosts) hosts.push_back(ProjectIndex::fullyQualified(host, ctx.namespaceName()));
  std::vector<std::vector<std::string_view>> bound;  // server hosts of each existing bound gateway
  bool gatewayWithoutHosts = false;
  for (std::size_t i = 0; i < spec.gateways.size(); ++i) {
    if (spec.gateways[i] == "mesh") continue;
    auto [ns, name] = refs::resolveGatewayReference(spec.gateways[i], ctx.namespaceName());
    const IndexedResource* gateway = ctx.index().gateway(ns, name);
    if (!gateway) continue;  // vs.gateway-exists reports it
    std::vector<std::string_view> gatewayHosts = hostsFor(*gateway, ctx.namespaceName());
    bound.push_back(gatewayHosts);
    if (std::any_of(hosts.begin(), hosts.end(), [&](const std::string& h) { return served(gatewayHosts, h); }))
      continue;
    gatewayWithoutHosts = true;
    std::string list;
    for (const std::string& host : spec.hosts) list += (list.empty() ? "" : " ") + host;
    ctx.warning("IST0132", indexed("spec.gateways", i),
                "one or more host [" + list + "] defined in VirtualService " + ctx.namespaceName() + "/" +
                    subject.resource.name() + " not found in Gateway " + ns + "/" + name +
                    ". The gateway ignores this VirtualService; add the hosts to a server of the Gateway (with a "
                    "namespace prefix that admits namespace " +
                    ctx.namespaceName() + "), or fix the VirtualService hosts.");
  }
  // Per host: on a VirtualService bound to gateways only, a host none of them serves is dead.
  // Mesh-bound ones keep sidecar hosts next to public ones on purpose.
  if (gatewayWithoutHosts || bound.empty() || refs::boundToMesh(spec)) return;
  for (std::size_t j = 0; j < hosts.size(); ++j) {
    bool any = std::any_of(bound.begin(), bound.end(), [&](const std::vector<std::string_view>& gatewayHosts) {
      return served(gatewayHosts, hosts[j]);
    });
    if (any) continue;
    ctx.warning("IST0132", indexed("spec.hosts", j),
                "Host " + spec.hosts[j] + " defined in VirtualService " + ctx.namespaceName() + "/" +
                    subject.resource.name() +
                    " is not found in any of its Gateways, so no route serves it. Add it to a Gateway server, or "
                    "remove it.");
  }
}

}  // namespace

void addConflictGatewayAnalyzers(std::vector<Analyzer>& out) {
  out.push_back({"gateway.conflicting-servers", {ResourceKind::Gateway}, conflictingServers});
  out.push_back({"vs.host-in-gateway", {ResourceKind::VirtualService}, hostInGateway});
}

}  // namespace meshstudio::model::analysis

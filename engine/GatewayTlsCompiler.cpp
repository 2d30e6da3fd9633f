#include "engine/GatewayTlsCompiler.h"

#include <algorithm>

#include "engine/DevCertificate.h"
#include "engine/GatewayHosts.h"
#include "engine/RouteCompiler.h"
#include "engine/Snapshot.h"
#include "engine/TlsCredentials.h"
#include "model/Text.h"

namespace meshstudio::engine {
namespace {

/// A VirtualService `tls` match (vs.proto TLSMatchAttributes); the model keeps `tls` rules whole.
struct TlsMatchSpec {
  model::List<std::string> sniHosts, destinationSubnets, gateways;
  model::Opt<model::Int> port;
  model::StringMap sourceLabels;
  model::Opt<std::string> sourceNamespace;
  model::Extras extras;
  static constexpr auto fields() {
    using M = TlsMatchSpec;
    return std::make_tuple(model::field("sniHosts", &M::sniHosts),
                           model::field("destinationSubnets", &M::destinationSubnets), model::field("port", &M::port),
                           model::field("sourceLabels", &M::sourceLabels), model::field("gateways", &M::gateways),
                           model::field("sourceNamespace", &M::sourceNamespace));
  }
};

/// A VirtualService `tls` rule (vs.proto TLSRoute): matches and weighted destinations.
struct TlsRuleSpec {
  model::List<TlsMatchSpec> match;
  model::List<model::Value> route;
  model::Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(model::field("match", &TlsRuleSpec::match), model::field("route", &TlsRuleSpec::route));
  }
};

bool isHttpProtocol(const std::string& protocol) {
  return protocol == "HTTP" || protocol == "HTTP2" || protocol == "GRPC" || protocol == "GRPC-WEB";
}

std::string serverPath(std::size_t index) { return "spec.servers[" + std::to_string(index) + "]"; }

/// The server's hosts as SNI sees them: `ns/` dropped, lower case.
std::vector<std::string> dnsNamesOf(const model::Server& server) {
  std::vector<std::string> names;
  for (const std::string& host : server.hosts) {
    const auto slash = host.find('/');
    names.push_back(model::lowercase(slash == std::string::npos ? host : host.substr(slash + 1)));
  }
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

GatewayTlsCompiler::GatewayTlsCompiler(const std::vector<model::Resource>& resources, Snapshot& snapshot)
    : resources_(resources), snapshot_(snapshot) {}

std::string GatewayTlsCompiler::ns(const model::Resource& resource) const {
  return snapshot_.directory.namespaceOf(resource);
}

void GatewayTlsCompiler::report(const model::Resource& resource, const std::string& path, const std::string& message) {
  const model::SourceMark mark = resource.locate(path);
  std::string line = resource.source().file + ":" + std::to_string(mark.line) + ":" + std::to_string(mark.column) +
                     ": " + resource.displayName() + " " + path + ": " + message;
  // A VirtualService bound to several servers would say the same thing once per server.
  if (std::find(snapshot_.problems.begin(), snapshot_.problems.end(), line) == snapshot_.problems.end())
    snapshot_.problems.push_back(std::move(line));
}

GatewayTlsCompiler::ServerKind GatewayTlsCompiler::classify(const model::Resource& gateway, std::size_t index,
                                                            const model::Server& server, TlsMode& mode) {
  const std::string protocol = server.port->protocol.value_or("");
  const std::string path = serverPath(index);
  if (isHttpProtocol(protocol)) return ServerKind::Http;  // a tls block there only carries httpsRedirect
  if (protocol != "HTTPS" && protocol != "TLS") {
    report(gateway, path + ".port.protocol",
           "only HTTP, HTTPS and TLS servers are run locally; this " + protocol + " server is not");
    return ServerKind::NotRun;
  }
  if (!server.tls) {
    report(gateway, path, "an " + protocol + " server needs a tls block (Istio rejects it); not run locally");
    return ServerKind::NotRun;
  }
  const model::ServerTLSSettings& tls = *server.tls;
  if (!tls.mode) {
    // The enum's zero value: Istio's validation only warns, and the certificates go unused.
    if (tls.credentialName || tls.serverCertificate || !tls.credentialNames.empty())
      report(gateway, path + ".tls",
             "tls has no mode, so it is PASSTHROUGH (the enum's zero value) and its certificates are ignored; "
             "write mode: SIMPLE to terminate TLS");
    return ServerKind::Passthrough;
  }
  const std::string& written = *tls.mode;
  if (written == "PASSTHROUGH") return ServerKind::Passthrough;
  if (written == "SIMPLE" || written == "MUTUAL" || written == "OPTIONAL_MUTUAL") {
    if (protocol == "TLS") {
      report(gateway, path + ".tls.mode",
             "a TLS server that terminates (" + written +
                 ") forwards by VirtualService tcp routes, which are not run locally; use protocol HTTPS for HTTP");
      return ServerKind::NotRun;
    }
    mode = written == "SIMPLE" ? TlsMode::Simple : written == "MUTUAL" ? TlsMode::Mutual : TlsMode::OptionalMutual;
    return ServerKind::Terminate;
  }
  if (written == "ISTIO_MUTUAL")
    report(gateway, path + ".tls.mode", "ISTIO_MUTUAL needs Istio's workload certificates; not run locally");
  else if (written == "AUTO_PASSTHROUGH")
    report(gateway, path + ".tls.mode",
           "AUTO_PASSTHROUGH routes by cluster names encoded in SNI (multi-network east-west); not run locally");
  else
    report(gateway, path + ".tls.mode", "unknown TLS mode \"" + written + "\"; not run locally");
  return ServerKind::NotRun;
}

std::optional<TlsServer> GatewayTlsCompiler::terminating(const model::Resource& gateway, const std::string& gatewayName,
                                                         std::size_t index, const model::Server& server, TlsMode mode) {
  const model::ServerTLSSettings& tls = *server.tls;
  TlsServer out;
  out.gateway = gatewayName;
  out.hosts = dnsNamesOf(server);
  out.mode = mode;
  out.credentialName = tls.credentialName.value_or("");
  std::string path = serverPath(index) + ".tls";
  std::string why;
  if (!out.credentialName.empty()) {
    path += ".credentialName";
    // Istio reads the Secret in the namespace of the gateway workload; the engine runs no workload,
    // so the Gateway resource's own namespace stands for it.
    auto credentials = credentialsFromSecrets(resources_, snapshot_.directory, ns(gateway), out.credentialName, why);
    if (credentials) {
      std::string problem;
      out.context = makeServerContext(*credentials, mode, problem);
      if (!out.context) why = "Secret " + ns(gateway) + "/" + out.credentialName + ": " + problem;
      if (out.context && mode != TlsMode::Simple && credentials->caCertificates.empty())
        report(gateway, path,
               "Secret " + ns(gateway) + "/" + out.credentialName + " has no ca.crt (nor a Secret " +
                   out.credentialName + "-cacert): " + std::string(tlsModeName(mode)) +
                   " cannot verify client certificates and refuses them");
    }
  } else if (tls.serverCertificate || tls.privateKey) {
    why = "serverCertificate and privateKey name files inside the gateway pod, which are not read locally";
  } else {
    why = "no credentialName";
  }
  if (out.context) return out;

  auto development = developmentCredentials(out.hosts);
  std::string problem;
  if (development) out.context = makeServerContext(*development, mode, problem);
  if (!out.context) {
    report(gateway, path, why + "; no development certificate could be generated either, so not run locally");
    return std::nullopt;
  }
  out.selfSigned = true;
  std::string message = why + "; serving a self-signed development certificate for " + joined(out.hosts) +
                        " instead (clients must skip verification, e.g. curl -k)";
  if (mode != TlsMode::Simple)
    message += ", and without a CA " + std::string(tlsModeName(mode)) + " refuses client certificates";
  report(gateway, path, message);
  return out;
}

void GatewayTlsCompiler::passthrough(const model::Resource& gateway, const std::string& gatewayName,
                                     const model::Server& server, std::int64_t port, std::vector<TlsRoute>& routes) {
  ListenerContext context;
  context.isGateway = true;
  context.gateway = gatewayName;
  for (const model::Resource& resource : resources_) {
    if (resource.kind() != model::ResourceKind::VirtualService) continue;
    const model::Value* rules = resource.spec() ? resource.spec()->find("tls") : nullptr;
    if (!rules || !rules->isSeq() || rules->items().empty()) continue;
    auto spec = resource.specAs<model::VirtualServiceSpec>();
    if (!spec || !RouteCompiler::boundTo(*spec, ns(resource), context)) continue;
    for (std::size_t i = 0; i < rules->items().size(); ++i)
      compileRule(gateway, gatewayName, server, port, resource, rules->items()[i],
                  "spec.tls[" + std::to_string(i) + "]", routes);
  }
}

void GatewayTlsCompiler::compileRule(const model::Resource& gateway, const std::string& gatewayName,
                                     const model::Server& server, std::int64_t port,
                                     const model::Resource& virtualService, const model::Value& ruleValue,
                                     const std::string& path, std::vector<TlsRoute>& routes) {
  auto rule = model::decodeAs<TlsRuleSpec>(ruleValue);
  if (!rule) return;
  const std::string vsNamespace = ns(virtualService);
  ListenerContext context;
  context.isGateway = true;
  context.gateway = gatewayName;
  std::optional<std::vector<TlsRouteDestination>> destinations;  // compiled once, when a match applies
  for (std::size_t m = 0; m < rule->match.size(); ++m) {
    const TlsMatchSpec& match = rule->match[m];
    const std::string matchPath = path + ".match[" + std::to_string(m) + "]";
    if (match.port && *match.port != port) continue;
    if (match.gateways.isPresent() && !match.gateways.empty() &&
        !RouteCompiler::listed(match.gateways, vsNamespace, context))
      continue;
    if (match.sniHosts.empty()) {
      report(virtualService, matchPath, "a tls match needs sniHosts (Istio rejects it); skipped");
      continue;
    }
    TlsRoute route;
    route.name = virtualService.kindName() + " " + vsNamespace + "/" + virtualService.name() + " " + path;
    // The SNI names this match takes on this server: its sniHosts narrowed to the server's hosts.
    for (const std::string& sni : match.sniHosts)
      for (const std::string& serverHost : server.hosts) {
        std::string dnsName;
        if (!serverHostAccepts(serverHost, ns(gateway), vsNamespace, dnsName)) continue;
        auto name = intersectHosts(dnsName, model::lowercase(sni));
        if (name && std::find(route.sniHosts.begin(), route.sniHosts.end(), *name) == route.sniHosts.end())
          route.sniHosts.push_back(*name);
      }
    if (route.sniHosts.empty()) continue;
    if (!destinations) {
      destinations.emplace();
      for (std::size_t d = 0; d < rule->route.size(); ++d)
        if (auto destination =
                compileDestination(virtualService, rule->route[d], path + ".route[" + std::to_string(d) + "]"))
          destinations->push_back(std::move(*destination));
      // One destination ignores its weight; several drop their zero weights (as for HTTP routes).
      if (destinations->size() == 1)
        destinations->front().weight = 100;
      else
        std::erase_if(*destinations, [](const TlsRouteDestination& d) { return d.weight <= 0; });
    }
    route.destinations = *destinations;
    routes.push_back(std::move(route));
  }
}

std::optional<TlsRouteDestination> GatewayTlsCompiler::compileDestination(const model::Resource& virtualService,
                                                                          const model::Value& entry,
                                                                          const std::string& path) {
  auto written = model::decodeAs<model::HTTPRouteDestination>(entry);
  if (!written || !written->destination || !written->destination->host) return std::nullopt;
  const model::Destination& destination = *written->destination;
  const ServiceEntryInfo* service = snapshot_.directory.resolve(*destination.host, ns(virtualService));
  if (!service) {
    report(virtualService, path + ".destination.host",
           "\"" + *destination.host + "\" names no Service in the project; its connections are closed");
    return std::nullopt;
  }
  std::int64_t port = destination.port && destination.port->number ? *destination.port->number : 0;
  if (port == 0 && service->service.ports.size() == 1) port = service->service.ports.front().port;
  if (port == 0) {
    report(virtualService, path + ".destination",
           "the Service has several ports: name one in destination.port; its connections are closed");
    return std::nullopt;
  }
  TlsRouteDestination out;
  out.clusterName = clusterName(port, destination.subset.value_or(""), service->fqdn);
  out.weight = written->weight.value_or(0);
  const Cluster* cluster = snapshot_.cluster(out.clusterName);
  if (!cluster) {
    report(virtualService, path + ".destination",
           "no cluster " + out.clusterName + " (no such port, or no DestinationRule defines the subset)");
    return out;  // kept, so the weights stay as written; its share of connections is closed
  }
  for (std::size_t pod : cluster->endpoints)
    if (snapshot_.behaviours[pod].isSimulated()) {
      report(virtualService, path + ".destination",
             "pod " + snapshot_.directory.pods()[pod].name +
                 " is simulated and speaks plain HTTP, so TLS passed through to it fails; point its "
                 "meshstudio.dev/upstream annotation at a local TLS server");
      break;
    }
  return out;
}

}  // namespace meshstudio::engine

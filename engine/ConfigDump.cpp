#include "engine/ConfigDump.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "engine/Snapshot.h"

namespace meshstudio::engine {
namespace {

nlohmann::json matchJson(const RouteMatch& match) {
  nlohmann::json out = nlohmann::json::object();
  auto put = [&](const char* key, const std::optional<StringMatcher>& matcher) {
    if (matcher) out[key] = matcher->describe();
  };
  put("uri", match.uri);
  put("scheme", match.scheme);
  put("method", match.method);
  put("authority", match.authority);
  for (const HeaderMatcher& header : match.headers)
    out[header.inverted ? "withoutHeaders" : "headers"][header.name] = header.matcher.describe();
  for (const QueryParamMatcher& param : match.queryParams) out["queryParams"][param.name] = param.matcher.describe();
  if (match.port) out["port"] = *match.port;
  if (match.ignoreUriCase) out["ignoreUriCase"] = true;
  out["origin"] = match.origin.describe();
  return out;
}

nlohmann::json actionJson(const RouteAction& action) {
  nlohmann::json out;
  switch (action.kind) {
    case RouteAction::Kind::Forward: {
      nlohmann::json destinations = nlohmann::json::array();
      for (const RouteDestination& d : action.destinations)
        destinations.push_back({{"cluster", d.clusterName}, {"weight", d.weight}});
      out["route"] = destinations;
      break;
    }
    case RouteAction::Kind::Redirect:
      out["redirect"] = {{"code", action.redirect.code}};
      break;
    case RouteAction::Kind::DirectResponse:
      out["directResponse"] = {{"status", action.directResponse.status}};
      break;
  }
  if (action.timeout) out["timeout_ms"] = action.timeout->count();
  if (action.retries) out["retries"] = {{"attempts", action.retries->attempts}, {"retryOn", action.retries->retryOn}};
  out["origin"] = action.origin.describe();
  return out;
}

nlohmann::json tableJson(const RouteTable& table) {
  nlohmann::json hosts = nlohmann::json::array();
  for (const VirtualHost& host : table.virtualHosts) {
    nlohmann::json routes = nlohmann::json::array();
    for (const Route& route : host.routes) {
      nlohmann::json entry{{"name", route.name}, {"action", actionJson(host.actions[route.action])}};
      entry["match"] = route.match ? matchJson(*route.match) : nlohmann::json{{"prefix", "/"}};
      routes.push_back(std::move(entry));
    }
    hosts.push_back({{"name", host.name}, {"domains", host.domains}, {"routes", routes}});
  }
  return {{"name", table.name}, {"virtual_hosts", hosts}};
}

/// What SNI selects on a TLS port: terminating servers (never their keys) and passthrough routes.
nlohmann::json tlsJson(const GatewayListener& gateway) {
  nlohmann::json servers = nlohmann::json::array(), routes = nlohmann::json::array();
  for (const TlsServer& server : gateway.tlsServers)
    servers.push_back({{"gateway", server.gateway},
                       {"server_names", server.hosts},
                       {"mode", std::string(tlsModeName(server.mode))},
                       {"credential_name", server.credentialName},
                       {"self_signed", server.selfSigned}});
  for (const TlsRoute& route : gateway.tlsRoutes) {
    nlohmann::json clusters = nlohmann::json::array();
    for (const TlsRouteDestination& destination : route.destinations)
      clusters.push_back({{"name", destination.clusterName}, {"weight", destination.weight}});
    routes.push_back({{"name", route.name}, {"server_names", route.sniHosts}, {"weighted_clusters", clusters}});
  }
  return {{"terminating_servers", servers}, {"passthrough_routes", routes}};
}

}  // namespace

nlohmann::json configDump(const Snapshot& snapshot) {
  nlohmann::json listeners = nlohmann::json::array();
  listeners.push_back(
      {{"name", "mesh"}, {"address", snapshot.settings.mesh.describe()}, {"route_config", tableJson(snapshot.mesh)}});
  for (const GatewayListener& gateway : snapshot.gateways) {
    nlohmann::json listener = {{"name", "gateway:" + std::to_string(gateway.gatewayPort)},
                               {"address", snapshot.settings.gatewayAddress + ":" + std::to_string(gateway.localPort)},
                               {"gateways", gateway.gateways},
                               {"route_config", tableJson(gateway.table)}};
    if (gateway.tls) listener["tls"] = tlsJson(gateway);
    listeners.push_back(std::move(listener));
  }
  std::vector<const Cluster*> clusters;
  for (const auto& [name, cluster] : snapshot.clusters) clusters.push_back(&cluster);
  std::sort(clusters.begin(), clusters.end(), [](auto* a, auto* b) { return a->name < b->name; });
  nlohmann::json clusterList = nlohmann::json::array();
  for (const Cluster* cluster : clusters) {
    nlohmann::json endpoints = nlohmann::json::array();
    for (std::size_t pod : cluster->endpoints) endpoints.push_back(snapshot.directory.pods()[pod].name);
    clusterList.push_back({{"name", cluster->name}, {"endpoints", endpoints}});
  }
  return {{"version", snapshot.version},
          {"listeners", listeners},
          {"clusters", clusterList},
          {"problems", snapshot.problems}};
}

}  // namespace meshstudio::engine

#include "engine/AdminHandler.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "engine/ConfigDump.h"
#include "engine/Engine.h"

namespace meshstudio::engine {
namespace {

Response reply(const Request& request, http::status status, std::string contentType, std::string body) {
  Response response{status, request.version()};
  response.set(http::field::content_type, contentType);
  response.body() = std::move(body);
  return response;
}

/// Envoy's /clusters text: `<cluster>::<address>::<field>::<value>` per endpoint.
std::string clustersText(const ActiveSnapshot& active) {
  const Snapshot& snapshot = *active.snapshot;
  std::vector<const Cluster*> clusters;
  for (const auto& [name, cluster] : snapshot.clusters) clusters.push_back(&cluster);
  std::sort(clusters.begin(), clusters.end(), [](auto* a, auto* b) { return a->name < b->name; });
  std::string out;
  for (const Cluster* cluster : clusters) {
    const ClusterRuntime& runtime = active.clusters[cluster->index];
    for (std::size_t i = 0; i < cluster->endpoints.size() && i < runtime.hosts.size(); ++i) {
      const std::size_t pod = cluster->endpoints[i];
      const HostState& host = *runtime.hosts[i];
      const std::string prefix = cluster->name + "::" + host.address + "::";
      out += prefix + "hostname::" + snapshot.directory.pods()[pod].name + "\n";
      out += prefix + "rq_active::" + std::to_string(host.activeRequests.load()) + "\n";
      out += prefix + "rq_success::" + std::to_string(host.successes.load()) + "\n";
      out += prefix + "rq_error::" + std::to_string(host.failures.load()) + "\n";
      out += prefix + "health_flags::" + (host.ejected.load() ? "/failed_outlier_check" : "healthy") + "\n";
      out += prefix + "simulated::" + (snapshot.behaviours[pod].upstream ? "false" : "true") + "\n";
    }
  }
  return out;
}

}  // namespace

Response handleAdminRequest(const Request& request, Engine& engine) {
  std::string_view target = request.target();
  target = target.substr(0, target.find('?'));
  if (request.method() != http::verb::get && request.method() != http::verb::head)
    return reply(request, http::status::method_not_allowed, "text/plain", "admin pages answer GET only\n");
  auto active = engine.active();
  if (target == "/ready")
    return active ? reply(request, http::status::ok, "text/plain", "LIVE\n")
                  : reply(request, http::status::service_unavailable, "text/plain", "PRE_INITIALIZING\n");
  if (target == "/stats") return reply(request, http::status::ok, "text/plain", engine.metrics().renderStats());
  if (target == "/stats/prometheus")
    return reply(request, http::status::ok, "text/plain; version=0.0.4", engine.metrics().renderPrometheus());
  if (!active) return reply(request, http::status::service_unavailable, "text/plain", "no configuration loaded\n");
  if (target == "/config_dump")
    return reply(request, http::status::ok, "application/json", configDump(*active->snapshot).dump(2) + "\n");
  if (target == "/clusters") return reply(request, http::status::ok, "text/plain", clustersText(*active));
  return reply(request, http::status::not_found, "text/plain",
               "unknown admin page; try /ready /stats /stats/prometheus /config_dump /clusters\n");
}

}  // namespace meshstudio::engine

#include "engine/DestinationCounter.h"

#include <charconv>
#include <set>

#include "engine/Engine.h"
#include "engine/HttpGet.h"

namespace meshstudio::engine {

namespace {

std::uint64_t parseCount(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  std::uint64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

DestinationCounts DestinationCounter::fromEngine(Engine& engine) {
  DestinationCounts counts;
  auto snapshot = engine.snapshot();
  const Metrics& metrics = engine.metrics();
  counts.total = metrics.requestCount();
  if (!snapshot) return counts;
  for (const auto& [name, cluster] : snapshot->clusters)
    if (std::uint64_t n = metrics.clusterCounter(name, "upstream_rq_total")) counts.clusters[name] = n;
  // destination_workload is the Deployment, or the Pod's name for a plain Pod (as HttpSession records it).
  // "unknown" holds local replies that reached no pod (404 NR and the like), as in /stats/prometheus.
  std::set<std::string> workloads{"unknown"};
  for (const SimulatedPod& pod : snapshot->directory.pods())
    workloads.insert(pod.deployment.empty() ? pod.name : pod.deployment);
  for (const std::string& workload : workloads)
    if (std::uint64_t n = metrics.requestCount(RequestFilter{.destinationWorkload = workload}))
      counts.workloads[workload] = n;
  return counts;
}

DestinationCounts DestinationCounter::fromAdmin(const std::string& host, std::uint16_t port,
                                                std::chrono::milliseconds timeout) {
  DestinationCounts counts;
  HttpGetResult stats = httpGet(host, port, "/stats", timeout);
  HttpGetResult prometheus = stats.ok() ? httpGet(host, port, "/stats/prometheus", timeout) : HttpGetResult{};
  for (const HttpGetResult* answer : {&stats, &prometheus}) {
    if (answer->error.empty() && answer->status != 200)
      counts.error = "admin " + host + ":" + std::to_string(port) + " answered " + std::to_string(answer->status);
    if (!answer->error.empty()) counts.error = "admin " + answer->error;
    if (!counts.error.empty()) return counts;
  }
  parseStats(stats.body, counts);
  parsePrometheus(prometheus.body, counts);
  return counts;
}

std::function<DestinationCounts()> DestinationCounter::reader(Engine& engine) {
  return [&engine] { return fromEngine(engine); };
}

std::function<DestinationCounts()> DestinationCounter::reader(std::string host, std::uint16_t port,
                                                              std::chrono::milliseconds timeout) {
  return [host = std::move(host), port, timeout] { return fromAdmin(host, port, timeout); };
}

void DestinationCounter::parseStats(std::string_view text, DestinationCounts& out) {
  constexpr std::string_view prefix = "cluster.", suffix = ".upstream_rq_total:";
  while (!text.empty()) {
    const auto newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    // Cluster names hold dots (`outbound|9080|v1|reviews.shop.svc.cluster.local`): cut at the suffix.
    const auto end = line.find(suffix);
    if (!line.starts_with(prefix) || end == std::string_view::npos) continue;
    out.clusters[std::string(line.substr(prefix.size(), end - prefix.size()))] +=
        parseCount(line.substr(end + suffix.size()));
  }
}

void DestinationCounter::parsePrometheus(std::string_view text, DestinationCounts& out) {
  constexpr std::string_view family = "istio_requests_total{", label = "destination_workload=\"";
  while (!text.empty()) {
    const auto newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (!line.starts_with(family)) continue;
    const auto close = line.rfind("} ");
    if (close == std::string_view::npos) continue;
    const std::uint64_t count = parseCount(line.substr(close + 2));
    out.total += count;
    const auto start = line.find(label);
    if (start == std::string_view::npos || start > close) continue;
    const auto valueStart = start + label.size();
    const auto valueEnd = line.find('"', valueStart);  // workload names never hold quotes
    if (valueEnd == std::string_view::npos) continue;
    out.workloads[std::string(line.substr(valueStart, valueEnd - valueStart))] += count;
  }
}

}  // namespace meshstudio::engine

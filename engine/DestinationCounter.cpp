#include "engine/DestinationCounter.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <charconv>
#include <set>

#include "engine/Engine.h"

namespace meshstudio::engine {

namespace {

namespace asio = boost::asio;

std::uint64_t parseCount(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  std::uint64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

/// GET `target` with a deadline on the whole exchange; empty with `error` on failure.
std::string fetch(asio::io_context& io, const asio::ip::tcp::endpoint& endpoint, const std::string& target,
                  std::chrono::milliseconds timeout, std::string& error) {
  boost::beast::tcp_stream stream(io);
  stream.expires_after(timeout);
  boost::system::error_code ec;
  stream.connect(endpoint, ec);
  http::request<http::string_body> request{http::verb::get, target, 11};
  request.set(http::field::host, "admin");
  request.keep_alive(false);
  if (!ec) http::write(stream, request, ec);
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> response;
  if (!ec) http::read(stream, buffer, response, ec);
  if (ec) {
    error = "admin " + endpoint.address().to_string() + ":" + std::to_string(endpoint.port()) + target + ": " +
            ec.message();
    return {};
  }
  if (response.result_int() != 200) {
    error = "admin " + target + " answered " + std::to_string(response.result_int());
    return {};
  }
  return std::move(response.body());
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
  asio::io_context io;
  boost::system::error_code ec;
  asio::ip::tcp::endpoint endpoint;
  const auto address = asio::ip::make_address(host, ec);
  if (!ec) {
    endpoint = {address, port};
  } else {
    asio::ip::tcp::resolver resolver(io);
    auto results = resolver.resolve(host, std::to_string(port), ec);
    if (ec || results.empty()) {
      counts.error = "cannot resolve admin host " + host;
      return counts;
    }
    endpoint = results.begin()->endpoint();
  }
  const std::string stats = fetch(io, endpoint, "/stats", timeout, counts.error);
  if (!counts.error.empty()) return counts;
  const std::string prometheus = fetch(io, endpoint, "/stats/prometheus", timeout, counts.error);
  if (!counts.error.empty()) return counts;
  parseStats(stats, counts);
  parsePrometheus(prometheus, counts);
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

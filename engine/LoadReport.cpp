#include "engine/LoadReport.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace meshstudio::engine {

namespace {

double toMs(std::chrono::nanoseconds value) { return static_cast<double>(value.count()) / 1e6; }

/// Milliseconds to the microsecond, trailing zeros dropped: 0.25, 12, 1.234.
std::string ms(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.3f", value);
  std::string out = text;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}
std::string ms(std::chrono::nanoseconds value) { return ms(toMs(value)); }

std::string fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string percentLabel(double percent) {
  // 99.9 -> "99.9", 50 -> "50"
  return percent == std::floor(percent) ? std::to_string(static_cast<int>(percent)) : fixed(percent, 1);
}

std::string durationText(std::chrono::nanoseconds duration) {
  const double seconds = std::chrono::duration<double>(duration).count();
  if (seconds < 1) return ms(toMs(duration)) + "ms";
  if (seconds < 120 || std::fmod(seconds, 60) != 0) return ms(seconds) + "s";
  return std::to_string(static_cast<long long>(seconds / 60)) + "m";
}

std::string share(std::uint64_t count, std::uint64_t total) {
  return fixed(total ? 100.0 * static_cast<double>(count) / static_cast<double>(total) : 0, 1) + " %";
}

nlohmann::json latencyJson(const LatencyHistogram& histogram) {
  nlohmann::json out = {{"count", histogram.count()},
                        {"min", toMs(histogram.min())},
                        {"max", toMs(histogram.max())},
                        {"avg", histogram.meanNs() / 1e6},
                        {"stddev", histogram.stddevNs() / 1e6}};
  nlohmann::json percentiles = nlohmann::json::object();
  for (double p : LoadReport::kPercentiles) percentiles["p" + percentLabel(p)] = toMs(histogram.percentile(p));
  out["percentiles"] = percentiles;
  return out;
}

}  // namespace

std::string LoadReport::header(const LoadOptions& options, const std::string& url) {
  std::string out = "Starting at ";
  out += options.qps > 0 ? ms(options.qps) + " qps" : "max qps";
  out += " with " + std::to_string(options.connections) + " connection(s) ";
  if (options.requests > 0)
    out += "for " + std::to_string(options.requests) + " calls";
  else
    out += "for " + durationText(options.duration);
  out += ": " + options.method + " " + url;
  const std::string dialled = options.target.dialHost + ":" + std::to_string(options.target.dialPort);
  if (options.target.authority != dialled) out += " (connecting to " + dialled + ")";
  return out + "\n";
}

std::string LoadReport::progressLine(const LoadProgress& progress) {
  const double seconds = std::chrono::duration<double>(progress.elapsed).count();
  std::string out = "progress: " + std::to_string(progress.done);
  if (progress.total > 0) out += "/" + std::to_string(progress.total);
  out += " requests, " + fixed(seconds, 1) + " s";
  if (progress.duration.count() > 0)
    out += " of " + fixed(std::chrono::duration<double>(progress.duration).count(), 1) + " s";
  out += ", " + fixed(seconds > 0 ? static_cast<double>(progress.done) / seconds : 0, 1) + " qps";
  out += ", " + std::to_string(progress.errors) + " errors";
  return out + "\n";
}

std::string LoadReport::text(const LoadResult& result) {
  std::string out;
  if (!result.error.empty()) out += "Error: " + result.error + "\n";
  const double seconds = std::chrono::duration<double>(result.duration).count();
  out += std::string(result.stopped ? "Interrupted" : "Ended") + " after " + fixed(seconds, 3) +
         " s : " + std::to_string(result.requests) + " calls. qps=" + fixed(result.actualQps, 2) + "\n";
  out += "Sockets used: " + std::to_string(result.socketsUsed) + " (for perfect keepalive, would be " +
         std::to_string(result.connections) + ")\n";
  const LatencyHistogram& latency = result.latency;
  out += "Aggregated Function Time : count " + std::to_string(latency.count()) + " avg " + ms(latency.meanNs() / 1e6) +
         " +/- " + ms(latency.stddevNs() / 1e6) + " min " + ms(latency.min()) + " max " + ms(latency.max()) + " sum " +
         ms(latency.sumNs() / 1e6) + " (ms";
  out += result.requestedQps > 0 ? ", from each request's intended send time)\n" : ")\n";
  out += "# range, mid point, percentile, count\n";
  bool first = true;
  for (const LatencyHistogram::DisplayBucket& row : latency.displayBuckets()) {
    out += (first ? ">= " : "> ") + ms(row.lower) + " <= " + ms(row.upper) + " , " +
           ms((toMs(row.lower) + toMs(row.upper)) / 2) + " , " + fixed(row.cumulativePercent, 2) + ", " +
           std::to_string(row.count) + "\n";
    first = false;
  }
  for (double p : kPercentiles) out += "# target " + percentLabel(p) + "% " + ms(latency.percentile(p)) + "\n";
  if (result.requestedQps > 0 && result.serviceTime.count() > 0) {
    // Both views side by side make a stall visible: service time only counts the wire.
    out += "# service time (from the actual send):";
    for (double p : kPercentiles) out += " p" + percentLabel(p) + " " + ms(result.serviceTime.percentile(p));
    out += " ms\n";
  }
  std::uint64_t errorCount = 0;
  for (const auto& [kind, count] : result.errors) errorCount += count;
  out += "Error cases : " + (errorCount ? "count " + std::to_string(errorCount) : std::string("no data")) + "\n";
  for (const auto& [code, count] : result.codes)
    out +=
        "Code " + std::to_string(code) + " : " + std::to_string(count) + " (" + share(count, result.requests) + ")\n";
  for (const auto& [kind, count] : result.errors)
    out += "Error " + kind + " : " + std::to_string(count) + " (" + share(count, result.requests) + ")\n";
  if (result.cancelled > 0) out += "Cancelled in flight by stop : " + std::to_string(result.cancelled) + "\n";
  if (result.destinations) {
    const DestinationCounts& d = *result.destinations;
    out += "Per destination (engine counters, difference over the run):\n";
    if (!d.error.empty()) out += "  could not read them: " + d.error + "\n";
    std::uint64_t clusterTotal = 0;
    for (const auto& [name, count] : d.clusters) clusterTotal += count;
    for (const auto& [name, count] : d.clusters)
      out += "  cluster " + name + " : " + std::to_string(count) + " (" + share(count, clusterTotal) + ")\n";
    for (const auto& [name, count] : d.workloads)
      out += "  workload " + name + " : " + std::to_string(count) + " (" + share(count, d.total) + ")\n";
    if (d.error.empty() && d.clusters.empty() && d.workloads.empty()) out += "  (none counted)\n";
  }
  out += "All done " + std::to_string(result.requests) + " calls (plus " + std::to_string(errorCount) + " errors) " +
         ms(latency.meanNs() / 1e6) + " ms avg, " + fixed(result.actualQps, 1) + " qps\n";
  return out;
}

std::string LoadReport::json(const LoadResult& result, const LoadOptions& options, const std::string& url) {
  nlohmann::json out;
  out["url"] = url;
  out["method"] = options.method;
  out["connections"] = result.connections;
  out["requestedQps"] = result.requestedQps;
  out["requestedCount"] = options.requests;
  out["requestedDurationSeconds"] =
      options.requests > 0 ? 0.0 : std::chrono::duration<double>(options.duration).count();
  out["durationSeconds"] = std::chrono::duration<double>(result.duration).count();
  out["actualQps"] = result.actualQps;
  out["requests"] = result.requests;
  nlohmann::json codes = nlohmann::json::object();
  for (const auto& [code, count] : result.codes) codes[std::to_string(code)] = count;
  out["codes"] = codes;
  out["errors"] = nlohmann::json(result.errors);
  out["cancelled"] = result.cancelled;
  out["stopped"] = result.stopped;
  out["socketsUsed"] = result.socketsUsed;
  out["bytesSent"] = result.bytesSent;
  out["bodyBytesReceived"] = result.bodyBytesReceived;
  out["latencyMs"] = latencyJson(result.latency);
  out["latencyMs"]["measuredFrom"] = result.requestedQps > 0 ? "intended send time" : "actual send time";
  out["serviceTimeMs"] = latencyJson(result.serviceTime);
  nlohmann::json histogram = nlohmann::json::array();
  for (const LatencyHistogram::DisplayBucket& row : result.latency.displayBuckets())
    histogram.push_back({{"startMs", toMs(row.lower)},
                         {"endMs", toMs(row.upper)},
                         {"count", row.count},
                         {"cumulativePercent", row.cumulativePercent}});
  out["histogram"] = histogram;
  if (result.destinations) {
    const DestinationCounts& d = *result.destinations;
    out["destinations"] = {
        {"clusters", nlohmann::json(d.clusters)}, {"workloads", nlohmann::json(d.workloads)}, {"total", d.total}};
    if (!d.error.empty()) out["destinations"]["error"] = d.error;
  } else {
    out["destinations"] = nullptr;
  }
  if (!result.error.empty()) out["error"] = result.error;
  return out.dump(2) + "\n";
}

}  // namespace meshstudio::engine

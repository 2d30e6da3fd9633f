#include "engine/Metrics.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <mutex>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace meshstudio::engine {

namespace {

// Envoy's default histogram buckets (HistogramSettingsImpl::defaultBuckets), which Istio's
// request duration histogram uses unless a proxy overrides them.
constexpr std::array<double, 19> kDurationBucketsMs{
    0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000};
constexpr std::size_t kBucketCount = kDurationBucketsMs.size() + 1;  // the last one is +Inf

// Enough shards that a handful of I/O threads rarely meet on one mutex, few enough that
// rendering (which visits all of them) stays trivial.
constexpr std::size_t kShardCount = 16;

// The labels a series is keyed by. Instantiated with std::string to own the key in the map and
// with std::string_view to look a record up without copying any of its strings.
template <class S>
struct BasicSeriesKey {
  std::size_t hash = 0;  // computed once per record; picks the shard and the map bucket
  S destinationService, destinationServiceName, destinationServiceNamespace, destinationWorkload, destinationApp,
      destinationVersion, sourceWorkload, requestProtocol, responseFlags, clusterName, routeName;
  int responseCode = 0;

  auto fields() const {
    return std::tie(destinationService, destinationServiceName, destinationServiceNamespace, destinationWorkload,
                    destinationApp, destinationVersion, sourceWorkload, requestProtocol, responseFlags, clusterName,
                    routeName, responseCode);
  }
};
using SeriesKey = BasicSeriesKey<std::string>;
using SeriesKeyView = BasicSeriesKey<std::string_view>;

void hashCombine(std::size_t& seed, std::size_t value) {
  seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
}

SeriesKeyView keyOf(const RequestRecord& r) {
  SeriesKeyView key{0,
                    r.destinationService,
                    r.destinationServiceName,
                    r.destinationServiceNamespace,
                    r.destinationWorkload,
                    r.destinationApp,
                    r.destinationVersion,
                    r.sourceWorkload,
                    r.requestProtocol,
                    r.responseFlags,
                    r.clusterName,
                    r.routeName,
                    r.responseCode};
  std::size_t seed = std::hash<int>{}(r.responseCode);
  std::apply(
      [&seed](const auto&... field) {
        (hashCombine(seed, std::hash<std::string_view>{}(std::string_view(field))), ...);
      },
      std::tie(key.destinationService, key.destinationServiceName, key.destinationServiceNamespace,
               key.destinationWorkload, key.destinationApp, key.destinationVersion, key.sourceWorkload,
               key.requestProtocol, key.responseFlags, key.clusterName, key.routeName));
  key.hash = seed;
  return key;
}

SeriesKey ownedKey(const SeriesKeyView& v) {
  return SeriesKey{v.hash,
                   std::string(v.destinationService),
                   std::string(v.destinationServiceName),
                   std::string(v.destinationServiceNamespace),
                   std::string(v.destinationWorkload),
                   std::string(v.destinationApp),
                   std::string(v.destinationVersion),
                   std::string(v.sourceWorkload),
                   std::string(v.requestProtocol),
                   std::string(v.responseFlags),
                   std::string(v.clusterName),
                   std::string(v.routeName),
                   v.responseCode};
}

struct SeriesKeyHash {
  using is_transparent = void;
  std::size_t operator()(const SeriesKey& k) const { return k.hash; }
  std::size_t operator()(const SeriesKeyView& k) const { return k.hash; }
};

struct SeriesKeyEqual {
  using is_transparent = void;
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    return a.hash == b.hash && a.fields() == b.fields();
  }
};

struct Series {
  std::uint64_t count = 0;
  double sumMs = 0;
  std::array<std::uint64_t, kBucketCount> buckets{};  // per bucket, not cumulative

  void add(const Series& other) {
    count += other.count;
    sumMs += other.sumMs;
    for (std::size_t i = 0; i < kBucketCount; ++i) buckets[i] += other.buckets[i];
  }
};

// Prometheus buckets are inclusive upper bounds (`le`), so a value equal to a bound belongs to it.
std::size_t bucketIndex(double ms) {
  return static_cast<std::size_t>(std::lower_bound(kDurationBucketsMs.begin(), kDurationBucketsMs.end(), ms) -
                                  kDurationBucketsMs.begin());
}

struct alignas(64) Shard {  // one cache line each, so shards do not falsely share
  mutable std::mutex mutex;
  std::unordered_map<SeriesKey, Series, SeriesKeyHash, SeriesKeyEqual> series;
};

// counter name -> value, per cluster (or route) name; std::less<> to find by string_view.
using CounterMap = std::map<std::string, std::uint64_t, std::less<>>;
using CountersByOwner = std::map<std::string, CounterMap, std::less<>>;

bool isHttpStatus(int code) { return code >= 100 && code <= 599; }

void chargeResponse(CounterMap& counters, const Series& s, int responseCode) {
  counters["upstream_rq_total"] += s.count;
  if (!isHttpStatus(responseCode)) return;  // no response: Envoy charges no code or class
  counters["upstream_rq_" + std::to_string(responseCode / 100) + "xx"] += s.count;
  counters["upstream_rq_" + std::to_string(responseCode)] += s.count;
}

// Shortest text that reads back as the same double, never in exponent form (le="300000", not
// le="3e+05", like Envoy's "{:.32g}").
std::string formatDouble(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  std::array<char, 400> buffer{};
  auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v, std::chars_format::fixed);
  return std::string(buffer.data(), result.ptr);
}

void appendEscapedLabelValue(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
}

// Envoy's PrometheusStatsFormatter::sanitizeName: anything outside [a-zA-Z0-9_] becomes '_'.
std::string sanitizeMetricName(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) c = '_';
  }
  return out;
}

// HELP text may not hold a raw newline, and a backslash would start an escape; counter names come
// from callers, so neither is trusted to be absent.
std::string escapeHelp(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// Istio's stats_tags entry `response_code_class`, regex `_rq(_(\dxx))$`: returns the class
// ("2xx") and shortens `name` to the stat name without it, or returns nothing.
std::optional<std::string> extractResponseCodeClass(std::string& name) {
  constexpr std::string_view marker = "_rq_";
  if (name.size() < marker.size() + 3) return std::nullopt;
  std::string_view tail = std::string_view(name).substr(name.size() - marker.size() - 3);
  if (tail.substr(0, marker.size()) != marker) return std::nullopt;
  char digit = tail[marker.size()];
  if (digit < '0' || digit > '9' || tail.substr(marker.size() + 1) != "xx") return std::nullopt;
  std::string klass = std::string(tail.substr(marker.size()));
  name.resize(name.size() - 4);  // drop "_Nxx", keep "_rq"
  return klass;
}

// The Istio labels of a series, in exposition order (after reporter="destination").
constexpr std::array<std::string_view, 10> kIstioLabelNames{"source_workload",
                                                            "destination_workload",
                                                            "destination_app",
                                                            "destination_version",
                                                            "destination_service",
                                                            "destination_service_name",
                                                            "destination_service_namespace",
                                                            "request_protocol",
                                                            "response_code",
                                                            "response_flags"};
using IstioLabels = std::array<std::string, kIstioLabelNames.size()>;

IstioLabels istioLabelsOf(const SeriesKey& k) {
  return {k.sourceWorkload,
          k.destinationWorkload,
          k.destinationApp,
          k.destinationVersion,
          k.destinationService,
          k.destinationServiceName,
          k.destinationServiceNamespace,
          k.requestProtocol,
          std::to_string(k.responseCode),
          k.responseFlags};
}

std::string renderIstioLabels(const IstioLabels& values) {
  std::string out = "reporter=\"destination\"";
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += ',';
    out += kIstioLabelNames[i];
    out += "=\"";
    appendEscapedLabelValue(out, values[i]);
    out += '"';
  }
  return out;
}

void appendFamilyHeader(std::string& out, std::string_view name, std::string_view help, std::string_view type) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

bool matches(const std::optional<std::string>& wanted, std::string_view actual) { return !wanted || *wanted == actual; }

bool matches(const RequestFilter& f, const SeriesKey& k) {
  return matches(f.destinationService, k.destinationService) && matches(f.destinationWorkload, k.destinationWorkload) &&
         matches(f.destinationVersion, k.destinationVersion) && matches(f.sourceWorkload, k.sourceWorkload) &&
         (!f.responseCode || *f.responseCode == k.responseCode) && matches(f.responseFlags, k.responseFlags) &&
         matches(f.clusterName, k.clusterName) && matches(f.routeName, k.routeName);
}

}  // namespace

struct Metrics::Impl {
  std::array<Shard, kShardCount> shards;

  // recordClusterEvent is far rarer than record (retries, overflows), so one mutex is enough.
  mutable std::mutex eventsMutex;
  CountersByOwner clusterEvents;
  CountersByOwner clusterGauges;
  CounterMap counters;  ///< recordCounter's stats

  std::vector<std::pair<SeriesKey, Series>> snapshot() const {
    std::vector<std::pair<SeriesKey, Series>> out;
    for (const Shard& shard : shards) {
      std::lock_guard lock(shard.mutex);
      out.insert(out.end(), shard.series.begin(), shard.series.end());
    }
    return out;
  }

  // Every Envoy counter /stats shows, by cluster and by route, for the series in `snapshot`.
  std::pair<CountersByOwner, CountersByOwner> envoyCounters(
      const std::vector<std::pair<SeriesKey, Series>>& snapshot) const {
    CountersByOwner clusters;
    CountersByOwner routes;
    for (const auto& [key, series] : snapshot) {
      if (!key.clusterName.empty()) chargeResponse(clusters[key.clusterName], series, key.responseCode);
      if (!key.routeName.empty()) chargeResponse(routes[key.routeName], series, key.responseCode);
    }
    std::lock_guard lock(eventsMutex);
    for (const auto& [cluster, counters] : clusterEvents)
      for (const auto& [name, value] : counters) clusters[cluster][name] += value;
    for (const auto& [cluster, gauges] : clusterGauges)
      for (const auto& [name, value] : gauges) clusters[cluster][name] = value;
    return {std::move(clusters), std::move(routes)};
  }
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::record(const RequestRecord& request) {
  const SeriesKeyView key = keyOf(request);
  // Negative or NaN durations cannot happen with a monotonic clock; count them as 0 rather than
  // letting NaN poison the sum.
  const double ms = request.durationMs >= 0 ? request.durationMs : 0.0;
  const std::size_t bucket = bucketIndex(ms);

  Shard& shard = impl_->shards[key.hash % kShardCount];
  std::lock_guard lock(shard.mutex);
  auto it = shard.series.find(key);
  if (it == shard.series.end()) it = shard.series.emplace(ownedKey(key), Series{}).first;
  Series& series = it->second;
  ++series.count;
  series.sumMs += ms;
  ++series.buckets[bucket];
}

void Metrics::recordClusterEvent(std::string_view cluster, std::string_view counter, std::uint64_t delta) {
  std::lock_guard lock(impl_->eventsMutex);
  auto owner = impl_->clusterEvents.find(cluster);
  if (owner == impl_->clusterEvents.end())
    owner = impl_->clusterEvents.emplace(std::string(cluster), CounterMap{}).first;
  auto entry = owner->second.find(counter);
  if (entry == owner->second.end()) entry = owner->second.emplace(std::string(counter), 0).first;
  entry->second += delta;
}

void Metrics::setClusterGauge(std::string_view cluster, std::string_view gauge, std::uint64_t value) {
  std::lock_guard lock(impl_->eventsMutex);
  auto owner = impl_->clusterGauges.find(cluster);
  if (owner == impl_->clusterGauges.end())
    owner = impl_->clusterGauges.emplace(std::string(cluster), CounterMap{}).first;
  auto entry = owner->second.find(gauge);
  if (entry == owner->second.end()) entry = owner->second.emplace(std::string(gauge), 0).first;
  entry->second = value;
}

void Metrics::recordCounter(std::string_view name, std::uint64_t delta) {
  std::lock_guard lock(impl_->eventsMutex);
  auto entry = impl_->counters.find(name);
  if (entry == impl_->counters.end()) entry = impl_->counters.emplace(std::string(name), 0).first;
  entry->second += delta;
}

std::uint64_t Metrics::counter(std::string_view name) const {
  std::lock_guard lock(impl_->eventsMutex);
  auto entry = impl_->counters.find(name);
  return entry == impl_->counters.end() ? 0 : entry->second;
}

std::string Metrics::renderPrometheus() const {
  // One snapshot for both parts, so the Istio metrics and the cluster counters agree.
  const auto snapshot = impl_->snapshot();
  std::map<IstioLabels, Series> istio;
  for (const auto& [key, series] : snapshot) istio[istioLabelsOf(key)].add(series);

  std::string out;
  if (!istio.empty()) {
    appendFamilyHeader(out, "istio_requests_total", "Total number of requests handled by the proxy.", "counter");
    for (const auto& [labels, series] : istio) {
      out += "istio_requests_total{" + renderIstioLabels(labels) + "} " + std::to_string(series.count) + '\n';
    }

    constexpr std::string_view histogram = "istio_request_duration_milliseconds";
    appendFamilyHeader(out, histogram, "Duration of requests in milliseconds.", "histogram");
    for (const auto& [labels, series] : istio) {
      const std::string rendered = renderIstioLabels(labels);
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < kBucketCount; ++i) {
        cumulative += series.buckets[i];
        const std::string le = i < kDurationBucketsMs.size() ? formatDouble(kDurationBucketsMs[i]) : "+Inf";
        out +=
            std::string(histogram) + "_bucket{" + rendered + ",le=\"" + le + "\"} " + std::to_string(cumulative) + '\n';
      }
      out += std::string(histogram) + "_sum{" + rendered + "} " + formatDouble(series.sumMs) + '\n';
      out += std::string(histogram) + "_count{" + rendered + "} " + std::to_string(series.count) + '\n';
    }
  }

  // Per family: its help and rendered label set -> value. Label sets are rendered before
  // sorting so the order is that of the text a reader sees.
  struct Family {
    std::string help;
    std::map<std::string, std::uint64_t> series;
  };
  std::map<std::string, Family> families;
  for (const auto& [cluster, counters] : impl_->envoyCounters(snapshot).first) {
    std::string clusterLabel = "cluster_name=\"";
    appendEscapedLabelValue(clusterLabel, cluster);
    clusterLabel += '"';
    for (const auto& [counter, value] : counters) {
      std::string name = counter;
      std::string labels = clusterLabel;
      std::string statName = "cluster.<cluster_name>." + counter;
      if (auto klass = extractResponseCodeClass(name)) {
        labels = "response_code_class=\"" + *klass + "\"," + labels;
        statName = "cluster.<cluster_name>." + name + "_<response_code_class>";
      }
      Family& family = families["envoy_cluster_" + sanitizeMetricName(name)];
      if (family.help.empty()) family.help = "Envoy counter " + escapeHelp(statName) + '.';
      family.series[labels] += value;
    }
  }
  for (const auto& [name, family] : families) {
    appendFamilyHeader(out, name, family.help, "counter");
    for (const auto& [labels, value] : family.series) out += name + '{' + labels + "} " + std::to_string(value) + '\n';
  }
  return out;
}

std::string Metrics::renderStats() const {
  std::map<std::string, std::uint64_t> lines;
  auto [clusters, routes] = impl_->envoyCounters(impl_->snapshot());
  for (const auto& [cluster, counters] : clusters)
    for (const auto& [name, value] : counters) lines["cluster." + cluster + '.' + name] += value;
  for (const auto& [route, counters] : routes)
    for (const auto& [name, value] : counters) lines["route." + route + '.' + name] += value;
  {
    std::lock_guard lock(impl_->eventsMutex);
    for (const auto& [name, value] : impl_->counters) lines[name] += value;
  }

  std::string out;
  for (const auto& [name, value] : lines) out += name + ": " + std::to_string(value) + '\n';
  return out;
}

std::uint64_t Metrics::requestCount(const RequestFilter& filter) const {
  std::uint64_t total = 0;
  for (const auto& [key, series] : impl_->snapshot())
    if (matches(filter, key)) total += series.count;
  return total;
}

RequestTally Metrics::tally(const RequestFilter& filter) const {
  RequestTally tally;
  tally.durationBuckets.assign(kBucketCount, 0);
  for (const auto& [key, series] : impl_->snapshot()) {
    if (!matches(filter, key)) continue;
    tally.count += series.count;
    if (key.responseCode >= 500 && key.responseCode <= 599) tally.serverErrors += series.count;
    for (std::size_t i = 0; i < kBucketCount; ++i) tally.durationBuckets[i] += series.buckets[i];
  }
  return tally;
}

const std::vector<double>& Metrics::durationBucketsMs() {
  static const std::vector<double> bounds(kDurationBucketsMs.begin(), kDurationBucketsMs.end());
  return bounds;
}

RequestTally RequestTally::since(const RequestTally& earlier) const {
  RequestTally delta = *this;
  delta.count -= std::min(count, earlier.count);
  delta.serverErrors -= std::min(serverErrors, earlier.serverErrors);
  for (std::size_t i = 0; i < delta.durationBuckets.size() && i < earlier.durationBuckets.size(); ++i)
    delta.durationBuckets[i] -= std::min(durationBuckets[i], earlier.durationBuckets[i]);
  return delta;
}

std::optional<double> RequestTally::quantileMs(double q) const {
  std::uint64_t total = 0;
  for (std::uint64_t n : durationBuckets) total += n;
  if (total == 0) return std::nullopt;
  // Prometheus: rank = q * total; find the bucket holding it; interpolate linearly between the
  // bucket's lower and upper bound (the first bucket starts at 0); in +Inf, answer the highest bound.
  const std::vector<double>& bounds = Metrics::durationBucketsMs();
  const double rank = q * static_cast<double>(total);
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < durationBuckets.size(); ++i) {
    const std::uint64_t previous = cumulative;
    cumulative += durationBuckets[i];
    if (static_cast<double>(cumulative) < rank || durationBuckets[i] == 0) continue;
    if (i >= bounds.size()) return bounds.back();
    const double lower = i == 0 ? 0.0 : bounds[i - 1];
    return lower +
           (bounds[i] - lower) * (rank - static_cast<double>(previous)) / static_cast<double>(durationBuckets[i]);
  }
  return bounds.back();
}

std::uint64_t Metrics::clusterCounter(std::string_view cluster, std::string_view counter) const {
  const CountersByOwner clusters = impl_->envoyCounters(impl_->snapshot()).first;
  auto owner = clusters.find(cluster);
  if (owner == clusters.end()) return 0;
  auto entry = owner->second.find(counter);
  return entry == owner->second.end() ? 0 : entry->second;
}

void Metrics::resetCounters() {
  for (Shard& shard : impl_->shards) {
    std::lock_guard lock(shard.mutex);
    shard.series.clear();
  }
  std::lock_guard lock(impl_->eventsMutex);
  impl_->clusterEvents.clear();
  impl_->counters.clear();  // gauges describe the present, not a count: they stay
}

}  // namespace meshstudio::engine

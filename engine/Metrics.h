#pragma once

// Request metrics the way an Istio sidecar exposes them, so dashboards and queries written for a
// real mesh work against the studio's local data plane unchanged.
//
// /stats/prometheus (renderPrometheus), Prometheus text exposition format 0.0.4:
//   istio_requests_total                 counter   one series per Istio label set
//   istio_request_duration_milliseconds  histogram Envoy's default buckets (0.5 ms .. 3600000 ms, +Inf)
//   envoy_cluster_<counter>{cluster_name="<cluster>"}
//       every cluster counter below, named as Istio's bootstrap `stats_tags` name them: the
//       `cluster_name` tag is cut out of the stat name, and `_rq_<N>xx` becomes the label
//       response_code_class="<N>xx" on family `envoy_cluster_upstream_rq` (Istio's
//       response_code regex is written `_rq(_(\.d{3}))$` and never matches, so
//       `upstream_rq_200` stays a family of its own, exactly as on a real sidecar).
//   Istio labels, in this order: reporter="destination", source_workload, destination_workload,
//   destination_app, destination_version, destination_service, destination_service_name,
//   destination_service_namespace, request_protocol, response_code, response_flags.
//   Families are sorted by name and series by label values, so equal state renders equal text.
//
// /stats (renderStats), Envoy's admin text format, one `name: value` line per counter, sorted:
//   cluster.<cluster>.upstream_rq_total     every request recorded with that cluster
//   cluster.<cluster>.upstream_rq_<N>xx     by response class (records with a 1xx..5xx code)
//   cluster.<cluster>.upstream_rq_<code>    by response code
//   cluster.<cluster>.<counter>             recordClusterEvent counters (retries, overflows, ...)
//   route.<route>.upstream_rq_total / _<N>xx / _<code>
//       the same per route name. Envoy only has per-route stats under
//       `vhost.<vhost>.route.<stat_prefix>.`; records carry the route name and no virtual host,
//       so the studio names them `route.<route>.` instead.
//   cluster.<cluster>.<gauge>               setClusterGauge gauges (ejections_active, ...)
//   <name>                                  recordCounter stats outside clusters (fault, rate limit)
//   A record with an empty clusterName (a local reply such as NR that never chose a cluster)
//   counts only in the Istio metrics; one with an empty routeName in no route counter.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshstudio::engine {

/// One downstream request as the destination sidecar reports it (`reporter="destination"`).
struct RequestRecord {
  std::string destinationService = "unknown";           ///< fqdn, e.g. reviews.shop.svc.cluster.local
  std::string destinationServiceName = "unknown";       ///< reviews
  std::string destinationServiceNamespace = "unknown";  ///< shop
  std::string destinationWorkload = "unknown";          ///< deployment name, e.g. reviews-v1
  std::string destinationApp = "unknown";               ///< the pod's `app` label
  std::string destinationVersion = "unknown";           ///< the pod's `version` label
  std::string sourceWorkload = "unknown";
  std::string requestProtocol = "http";
  int responseCode = 0;             ///< 0 when no response was sent (e.g. the client went away)
  std::string responseFlags = "-";  ///< Envoy response flags such as "NR", "UH"; "-" for none
  double durationMs = 0;
  std::string clusterName;  ///< e.g. outbound|9080|v1|reviews.shop.svc.cluster.local; empty for none
  std::string routeName;    ///< empty when the route has no name or nothing matched
};

/// Selects recorded requests for Metrics::requestCount; an unset field matches every request.
/// (The `{}` initializers let callers use designated initializers without GCC warnings.)
struct RequestFilter {
  std::optional<std::string> destinationService{};
  std::optional<std::string> destinationWorkload{};
  std::optional<std::string> destinationVersion{};
  std::optional<std::string> sourceWorkload{};
  std::optional<int> responseCode{};
  std::optional<std::string> responseFlags{};
  std::optional<std::string> clusterName{};
  std::optional<std::string> routeName{};
};

/// The requests a filter selects, summed: what a canary gate looks at. Two tallies taken a
/// period apart give the period's numbers (`since`).
struct RequestTally {
  std::uint64_t count = 0;
  std::uint64_t serverErrors = 0;  ///< responses 500..599
  std::vector<std::uint64_t>
      durationBuckets;  ///< per bucket of Metrics::durationBucketsMs(), then +Inf; not cumulative

  /// This tally minus an earlier one of the same filter.
  RequestTally since(const RequestTally& earlier) const;
  /// The q-quantile of the durations (ms), interpolated inside its bucket exactly as Prometheus'
  /// histogram_quantile does, so the engine and a Prometheus query agree. nullopt without requests.
  std::optional<double> quantileMs(double q) const;
};

/// Counters and histograms for every request the engine handles. record() is called from every
/// I/O thread, so it is built to be cheap: series live in mutex-sharded hash maps keyed by the
/// label values themselves (looked up through string_views, so an existing series costs one hash
/// and no allocation); everything Envoy derives from them (cluster and route counters) is
/// computed when rendering, which is rare.
class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  /// Counts one request in its series, its cluster's and its route's counters. Thread-safe.
  void record(const RequestRecord& request);

  /// Adds `delta` to the Envoy cluster counter `cluster.<cluster>.<counter>`, e.g.
  /// "upstream_rq_retry" or "upstream_cx_overflow". Counter names the studio derives itself
  /// (upstream_rq_total, upstream_rq_2xx, ...) may be added to as well; the values are summed.
  void recordClusterEvent(std::string_view cluster, std::string_view counter, std::uint64_t delta = 1);

  /// Sets the Envoy cluster gauge `cluster.<cluster>.<gauge>` (e.g. "outlier_detection.ejections_active").
  void setClusterGauge(std::string_view cluster, std::string_view gauge, std::uint64_t value);

  /// Adds `delta` to a stat outside any cluster, named in full as /stats shows it, e.g.
  /// "http.mesh.fault.delays_injected" or "<stat_prefix>.http_local_rate_limit.rate_limited".
  void recordCounter(std::string_view name, std::uint64_t delta = 1);
  /// The value of a stat recordCounter added to; 0 when it does not exist.
  std::uint64_t counter(std::string_view name) const;

  /// The body of /stats/prometheus (see the file comment). Ends with a newline unless empty.
  std::string renderPrometheus() const;
  /// The body of /stats: sorted `name: value` lines, each ending with a newline.
  std::string renderStats() const;

  /// How many recorded requests match `filter` (all of them by default).
  std::uint64_t requestCount(const RequestFilter& filter = {}) const;
  /// How many requests match `filter`, how many were 5xx, and their duration histogram.
  RequestTally tally(const RequestFilter& filter = {}) const;
  /// The upper bounds (ms) of istio_request_duration_milliseconds' buckets, +Inf not included.
  static const std::vector<double>& durationBucketsMs();

  /// The value `cluster.<cluster>.<counter>` has in /stats; 0 when it does not exist.
  std::uint64_t clusterCounter(std::string_view cluster, std::string_view counter) const;

  /// Forgets every series and counter, like Envoy's admin POST /reset_counters (which Prometheus
  /// treats as a counter reset).
  void resetCounters();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace meshstudio::engine

#pragma once

// Where a load run's requests went, as the engine counted them: per cluster (Envoy's
// `cluster.<name>.upstream_rq_total`) and per destination workload (Istio's
// `istio_requests_total{destination_workload=...}`). A load run reads them before and after and
// reports the difference, so the split a VirtualService promises can be checked against what the
// data plane did.
//
// Two sources give the same numbers: an engine running in this process (its Metrics, read
// directly), or any engine's admin listener (`/stats` and `/stats/prometheus`, e.g. a
// `meshstudio-cli serve` in another process).

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "engine/LoadOptions.h"

namespace meshstudio::engine {

class Engine;

class DestinationCounter {
 public:
  /// The in-process engine's counters: every cluster and workload of its installed snapshot.
  static DestinationCounts fromEngine(Engine& engine);
  /// GET /stats and /stats/prometheus from an admin listener at host:port, each bounded by `timeout`.
  /// On failure the counts are empty and `error` says why.
  static DestinationCounts fromAdmin(const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout);

  /// LoadOptions::readDestinations for either source. The engine must outlive the run.
  static std::function<DestinationCounts()> reader(Engine& engine);
  static std::function<DestinationCounts()> reader(std::string host, std::uint16_t port,
                                                   std::chrono::milliseconds timeout = std::chrono::seconds(5));

  /// Adds every `cluster.<name>.upstream_rq_total: N` line of /stats to `out.clusters`.
  static void parseStats(std::string_view text, DestinationCounts& out);
  /// Adds every `istio_requests_total{...}` series of /stats/prometheus to `out.workloads` (by its
  /// destination_workload label) and to `out.total`.
  static void parsePrometheus(std::string_view text, DestinationCounts& out);
};

}  // namespace meshstudio::engine

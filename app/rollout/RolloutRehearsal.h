#pragma once

// Everything a rehearsal needs besides the rollout itself: the embedded engine running the
// project on loopback (free ports unless told otherwise), background traffic from the load
// generator at a chosen rate through the mesh listener, the weights going in by hot reload,
// and the numbers coming from the engine's counters or from a Prometheus that scrapes it.
// The CLI's `canary` and the studio's Canary dock both use it. Qt-free.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/rollout/EngineMetricsSource.h"
#include "app/rollout/EngineWeightTarget.h"
#include "app/rollout/PrometheusMetricsSource.h"
#include "app/rollout/RolloutPlan.h"
#include "engine/Engine.h"
#include "engine/EngineSettings.h"
#include "engine/LoadGenerator.h"

namespace meshstudio::rollout {

struct RehearsalOptions {
  double qps = 50;  ///< background traffic, requests a second
  /// Where the traffic goes (its authority is the Host header). Empty: `http://<the
  /// VirtualService's first host>/`. Give one that matches the route when it has match conditions.
  std::string url;
  std::optional<engine::ListenAddress> admin;  ///< a fixed admin listener, e.g. for a Prometheus to scrape
  std::string prometheusUrl;                   ///< numbers from Prometheus instead of the engine's counters
  PromQlTemplates templates = PromQlTemplates::defaults();
};

class RolloutRehearsal {
 public:
  /// Starts the engine and the traffic; null with `error` when it cannot.
  static std::unique_ptr<RolloutRehearsal> start(std::vector<model::Resource> resources, model::Value settings,
                                                 std::size_t virtualService, const RolloutPlan& plan,
                                                 const RehearsalOptions& options, std::string& error);
  ~RolloutRehearsal();

  WeightTarget& weights() { return *weights_; }
  MetricsSource& metrics() { return *metrics_; }
  engine::Engine& engine() { return *engine_; }
  /// Stops the traffic and the engine (the destructor does too). Idempotent.
  void stop();

 private:
  RolloutRehearsal() = default;
  std::unique_ptr<engine::Engine> engine_;
  std::unique_ptr<EngineWeightTarget> weights_;
  std::unique_ptr<MetricsSource> metrics_;
  std::unique_ptr<engine::LoadGenerator> traffic_;
};

}  // namespace meshstudio::rollout

#include "app/rollout/RolloutRehearsal.h"

#include "engine/Snapshot.h"

namespace meshstudio::rollout {

std::unique_ptr<RolloutRehearsal> RolloutRehearsal::start(std::vector<model::Resource> resources, model::Value settings,
                                                          std::size_t virtualService, const RolloutPlan& plan,
                                                          const RehearsalOptions& options, std::string& error) {
  const model::Value vs = resources.at(virtualService).document();
  const std::string namespaceName = resources.at(virtualService).namespaceName().empty()
                                        ? std::string("default")
                                        : resources.at(virtualService).namespaceName();
  const std::string route = "spec.http[" + std::to_string(plan.routeIndex) + "]";
  std::string host;
  if (const model::Value* destinations = vs.at(route + ".route"); destinations && destinations->isSeq())
    for (const model::Value& destination : destinations->items())
      if (destination.stringAt("destination.subset") == plan.stableSubset)
        host = destination.stringAt("destination.host");
  if (host.empty()) {
    error = route + " has no destination with subset " + plan.stableSubset;
    return nullptr;
  }

  std::unique_ptr<RolloutRehearsal> rehearsal(new RolloutRehearsal());
  auto snapshot = engine::Snapshot::compile(resources, settings);
  if (!snapshot->problems.empty()) {
    error = "the project does not compile: " + snapshot->problems.front();
    return nullptr;
  }
  engine::EngineOptions engineOptions;
  engineOptions.threads = 2;
  engineOptions.meshOverride = engine::ListenAddress{"127.0.0.1", 0};
  engineOptions.adminOverride = options.admin.value_or(engine::ListenAddress{"127.0.0.1", 0});
  for (const engine::GatewayListener& listener : snapshot->gateways)
    engineOptions.gatewayPortOverrides[listener.gatewayPort] = 0;
  engineOptions.accessLogBacklog = 0;
  rehearsal->engine_ = std::make_unique<engine::Engine>(engineOptions);
  rehearsal->engine_->load(snapshot);
  if (!rehearsal->engine_->start(error)) {
    error = "the engine did not start: " + error;
    return nullptr;
  }

  rehearsal->weights_ =
      std::make_unique<EngineWeightTarget>(*rehearsal->engine_, std::move(resources), std::move(settings),
                                           virtualService, plan.routeIndex, plan.stableSubset, plan.canarySubset);
  const std::string service = serviceFqdn(host, namespaceName);
  if (options.prometheusUrl.empty()) {
    rehearsal->metrics_ = std::make_unique<EngineMetricsSource>(rehearsal->engine_->metrics(), service,
                                                                plan.stableSubset, plan.canarySubset);
  } else {
    PrometheusQuery query;
    if (!query.setBaseUrl(options.prometheusUrl)) {
      error = "not an http:// URL: " + options.prometheusUrl;
      return nullptr;
    }
    rehearsal->metrics_ = std::make_unique<PrometheusMetricsSource>(query, options.templates, service,
                                                                    plan.stableSubset, plan.canarySubset);
  }

  // Traffic as from a pod in the mesh: to the mesh listener, with the service's name as Host.
  engine::LoadOptions load;
  const std::string firstHost = vs.stringAt("spec.hosts[0]");
  std::string url = options.url.empty() ? "http://" + (firstHost.empty() ? host : firstHost) + "/" : options.url;
  if (!engine::LoadTarget::fromUrl(url, load.target, error)) return nullptr;
  load.target.dialHost = "127.0.0.1";
  load.target.dialPort = rehearsal->engine_->meshPort();
  load.qps = options.qps;
  load.connections = 4;
  load.duration = std::chrono::hours(24);  // until stop()
  load.timeout = std::chrono::seconds(10);
  rehearsal->traffic_ = std::make_unique<engine::LoadGenerator>(std::move(load));
  if (!rehearsal->traffic_->start(error)) {
    error = "the background traffic did not start: " + error;
    return nullptr;
  }
  return rehearsal;
}

RolloutRehearsal::~RolloutRehearsal() { stop(); }

void RolloutRehearsal::stop() {
  if (traffic_) {
    traffic_->stop();
    traffic_->wait();
    traffic_.reset();
  }
  if (engine_) engine_->stop();
}

}  // namespace meshstudio::rollout

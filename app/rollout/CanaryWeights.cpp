#include "app/rollout/CanaryWeights.h"

#include <tuple>
#include <utility>

namespace meshstudio::rollout {
namespace {

using model::Value;

const Value* routeList(const Value& virtualService, int routeIndex) {
  const Value* http = virtualService.at("spec.http");
  if (!http || !http->isSeq() || routeIndex < 0 || static_cast<std::size_t>(routeIndex) >= http->size()) return nullptr;
  const Value* route = http->items()[static_cast<std::size_t>(routeIndex)].find("route");
  return route && route->isSeq() ? route : nullptr;
}

/// The first destination in `routes` of each of the two subsets (nullptr when there is none).
std::pair<Value*, Value*> findSubsets(Value& routes, const std::string& stableSubset, const std::string& canarySubset) {
  Value* stable = nullptr;
  Value* canary = nullptr;
  for (Value& destination : routes.items()) {
    const std::string subset = destination.stringAt("destination.subset");
    if (subset == stableSubset && !stable)
      stable = &destination;
    else if (subset == canarySubset && !canary)
      canary = &destination;
  }
  return {stable, canary};
}

}  // namespace

std::optional<Value> CanaryWeights::withCanaryWeight(const Value& virtualService, int routeIndex,
                                                     const std::string& stableSubset, const std::string& canarySubset,
                                                     int canaryPercent, std::string& error) {
  if (!routeList(virtualService, routeIndex)) {
    error = "spec.http[" + std::to_string(routeIndex) + "] has no route destinations";
    return std::nullopt;
  }
  Value result = virtualService;
  Value& routes = *result.find("spec")->find("http")->items()[static_cast<std::size_t>(routeIndex)].find("route");
  auto [stable, canary] = findSubsets(routes, stableSubset, canarySubset);
  if (!stable) {
    error = "spec.http[" + std::to_string(routeIndex) + "] has no destination with subset " + stableSubset;
    return std::nullopt;
  }
  if (!canary) {
    Value added = Value::map();
    Value destination = *stable->find("destination");
    destination.set("subset", Value::string(canarySubset));
    added.set("destination", std::move(destination));
    routes.append(std::move(added));
    // append may have moved the items: find both again.
    std::tie(stable, canary) = findSubsets(routes, stableSubset, canarySubset);
  }
  for (Value& destination : routes.items())
    if (&destination != stable && &destination != canary) destination.set("weight", Value::integer(0));
  stable->set("weight", Value::integer(100 - canaryPercent));
  canary->set("weight", Value::integer(canaryPercent));
  return result;
}

std::optional<int> CanaryWeights::canaryWeight(const Value& virtualService, int routeIndex,
                                               const std::string& canarySubset) {
  const Value* routes = routeList(virtualService, routeIndex);
  if (!routes) return std::nullopt;
  for (const Value& destination : routes->items()) {
    if (destination.stringAt("destination.subset") != canarySubset) continue;
    const Value* weight = destination.find("weight");
    // A lone destination without a weight takes everything.
    if (!weight) return routes->size() == 1 ? 100 : 0;
    return static_cast<int>(weight->toInt().value_or(0));
  }
  return 0;
}

std::optional<int> CanaryWeights::routeNamed(const Value& virtualService, const std::string& name) {
  const Value* http = virtualService.at("spec.http");
  if (!http || !http->isSeq()) return std::nullopt;
  for (std::size_t i = 0; i < http->size(); ++i) {
    const Value* routeName = http->items()[i].find("name");
    if (routeName && routeName->isString() && routeName->text() == name) return static_cast<int>(i);
  }
  return std::nullopt;
}

}  // namespace meshstudio::rollout

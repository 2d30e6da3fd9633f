#include "app/rollout/RolloutPlan.h"

#include <algorithm>
#include <charconv>

namespace meshstudio::rollout {

std::string RolloutPlan::validate() const {
  if (virtualService.empty()) return "no VirtualService chosen";
  if (stableSubset.empty() || canarySubset.empty()) return "both the stable and the canary subset are needed";
  if (stableSubset == canarySubset) return "the stable and the canary subset are the same (" + stableSubset + ")";
  if (steps.empty()) return "no steps";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i] < 1 || steps[i] > 100)
      return "step " + std::to_string(steps[i]) + " is not a weight between 1 and 100";
    if (i > 0 && steps[i] <= steps[i - 1])
      return "steps must rise: " + std::to_string(steps[i]) + " follows " + std::to_string(steps[i - 1]);
  }
  if (steps.back() != 100) return "the last step must be 100 (the canary takes all traffic)";
  if (interval <= std::chrono::milliseconds::zero()) return "the observation period must be positive";
  if (gates.maxErrorRate && (*gates.maxErrorRate < 0 || *gates.maxErrorRate > 1))
    return "the error-rate threshold is a share between 0 and 1";
  if (gates.maxP99Ms && *gates.maxP99Ms <= 0) return "the p99 threshold must be positive";
  return {};
}

std::optional<RouteSelector> RouteSelector::parse(const std::string& text, const std::string& defaultNamespace) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t slash = text.find('/', start);
    parts.push_back(text.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  if (parts.empty() || parts.size() > 3 ||
      std::any_of(parts.begin(), parts.end(), [](const std::string& part) { return part.empty(); }))
    return std::nullopt;
  RouteSelector selector;
  // name | namespace/name | namespace/name/route
  selector.virtualService = parts.size() == 1 ? defaultNamespace + "/" + parts[0] : parts[0] + "/" + parts[1];
  if (parts.size() == 3) {
    int index = 0;
    const std::string& route = parts[2];
    auto [end, error] = std::from_chars(route.data(), route.data() + route.size(), index);
    if (error == std::errc() && end == route.data() + route.size())
      selector.routeIndex = index;
    else
      selector.routeName = route;
  }
  return selector;
}

}  // namespace meshstudio::rollout

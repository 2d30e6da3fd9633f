#pragma once

// A local rate limit an EnvoyFilter inserts (`envoy.filters.http.local_ratelimit`, semantics §10),
// compiled for the engine, and the filter's decision for one request. Where it applies follows the
// EnvoyFilter's match context: SIDECAR_INBOUND limits what reaches the selected pods (each pod's
// sidecar has its own bucket), SIDECAR_OUTBOUND the mesh listener when the engine's source
// workload is selected, GATEWAY every Gateway listener, ANY all of these.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/HttpTypes.h"

namespace meshstudio::engine {

class Metrics;
class RandomSource;
class TokenBucket;

struct RateLimitPolicy {
  std::string key;  ///< identifies the bucket across reloads: where it came from and its settings
  /// `<stat_prefix>.http_local_rate_limit.{enabled,ok,rate_limited,enforced}`, named once
  /// (nameStats), not per request.
  std::string statEnabled, statOk, statRateLimited, statEnforced;
  std::uint64_t maxTokens = 0, tokensPerFill = 1;
  std::chrono::milliseconds fillInterval{0};
  double enabledPercent = 0, enforcedPercent = 0;  ///< both 0% unless configured: the filter does nothing
  std::vector<std::pair<std::string, std::string>> responseHeaders;
};

/// Names the policy's stats after the filter's `stat_prefix`.
void nameStats(RateLimitPolicy& policy, const std::string& statPrefix);

/// Runs the filter for one request: nullopt lets it through; otherwise the 429 to answer with.
/// Counts `enabled`, `ok`, `rate_limited` and `enforced` as Envoy does.
std::optional<Response> applyRateLimit(const RateLimitPolicy& policy, TokenBucket& bucket, Metrics& metrics,
                                       RandomSource& random);

}  // namespace meshstudio::engine

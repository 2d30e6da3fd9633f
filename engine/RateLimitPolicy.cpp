#include "engine/RateLimitPolicy.h"

#include "engine/Metrics.h"
#include "engine/RandomSource.h"
#include "engine/TokenBucket.h"

namespace meshstudio::engine {

void nameStats(RateLimitPolicy& policy, const std::string& statPrefix) {
  const std::string prefix = statPrefix + ".http_local_rate_limit.";
  policy.statEnabled = prefix + "enabled";
  policy.statOk = prefix + "ok";
  policy.statRateLimited = prefix + "rate_limited";
  policy.statEnforced = prefix + "enforced";
}

std::optional<Response> applyRateLimit(const RateLimitPolicy& policy, TokenBucket& bucket, Metrics& metrics,
                                       RandomSource& random) {
  if (policy.enabledPercent <= 0 || random.unit() * 100 >= policy.enabledPercent) return std::nullopt;
  metrics.recordCounter(policy.statEnabled);
  if (bucket.tryTake()) {
    metrics.recordCounter(policy.statOk);
    return std::nullopt;
  }
  metrics.recordCounter(policy.statRateLimited);
  if (policy.enforcedPercent <= 0 || random.unit() * 100 >= policy.enforcedPercent) return std::nullopt;
  metrics.recordCounter(policy.statEnforced);
  Response reply{http::status::too_many_requests, 11};
  reply.set(http::field::content_type, "text/plain");
  reply.set("x-envoy-ratelimited", "true");
  for (const auto& [name, value] : policy.responseHeaders) reply.set(name, value);
  reply.body() = "local_rate_limited";
  return reply;
}

}  // namespace meshstudio::engine

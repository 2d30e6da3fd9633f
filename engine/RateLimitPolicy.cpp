#include "engine/RateLimitPolicy.h"

#include "engine/Metrics.h"
#include "engine/RandomSource.h"
#include "engine/TokenBucket.h"

namespace meshstudio::engine {

std::optional<Response> applyRateLimit(const RateLimitPolicy& policy, TokenBucket& bucket, Metrics& metrics,
                                       RandomSource& random) {
  const std::string prefix = policy.statPrefix + ".http_local_rate_limit.";
  if (policy.enabledPercent <= 0 || random.unit() * 100 >= policy.enabledPercent) return std::nullopt;
  metrics.recordCounter(prefix + "enabled");
  if (bucket.tryTake()) {
    metrics.recordCounter(prefix + "ok");
    return std::nullopt;
  }
  metrics.recordCounter(prefix + "rate_limited");
  if (policy.enforcedPercent <= 0 || random.unit() * 100 >= policy.enforcedPercent) return std::nullopt;
  metrics.recordCounter(prefix + "enforced");
  Response reply{http::status::too_many_requests, 11};
  reply.set(http::field::content_type, "text/plain");
  reply.set("x-envoy-ratelimited", "true");
  for (const auto& [name, value] : policy.responseHeaders) reply.set(name, value);
  reply.body() = "local_rate_limited";
  return reply;
}

}  // namespace meshstudio::engine

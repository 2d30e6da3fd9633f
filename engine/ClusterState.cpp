#include "engine/ClusterState.h"

#include <algorithm>

#include "engine/EngineEvents.h"
#include "engine/Metrics.h"

namespace meshstudio::engine {

namespace {
using std::chrono::duration_cast;

bool isGatewayError(int status) { return status == 502 || status == 503 || status == 504; }
}  // namespace

ClusterState::ClusterState(std::string name, Metrics& metrics, EngineEvents& events)
    : name_(std::move(name)), metrics_(metrics), events_(events) {}

std::vector<std::shared_ptr<HostState>> ClusterState::adopt(const ClusterPolicy& policy,
                                                            const std::vector<std::string>& addresses) {
  std::lock_guard lock(mutex_);
  policy_ = policy;
  detecting_.store(policy_.outlier.has_value());
  std::unordered_map<std::string, std::shared_ptr<HostState>> kept;
  hosts_.clear();
  for (const std::string& address : addresses) {
    auto it = byAddress_.find(address);
    auto host = it != byAddress_.end() ? it->second : std::make_shared<HostState>(address);
    // Without outlier detection nothing is ejected, whatever happened under an earlier policy.
    if (!policy_.outlier && host->ejected.exchange(false)) host->ejections = 0;
    kept.emplace(address, host);
    hosts_.push_back(std::move(host));
  }
  byAddress_ = std::move(kept);
  ejected_ = static_cast<std::size_t>(
      std::count_if(hosts_.begin(), hosts_.end(), [](const auto& host) { return host->ejected.load(); }));
  publishGauge();
  return hosts_;
}

bool ClusterState::tryAcquire(std::atomic<std::uint64_t>& counter, std::uint64_t limit) {
  std::uint64_t current = counter.load(std::memory_order_relaxed);
  do {
    if (current >= limit) return false;
  } while (!counter.compare_exchange_weak(current, current + 1, std::memory_order_relaxed));
  return true;
}

void ClusterState::report(HostState& host, const HostResult& result, Clock::time_point now) {
  if (result.origin == HostResult::Origin::Upstream || result.failed)
    (result.failed || result.status >= 500 ? host.failures : host.successes).fetch_add(1, std::memory_order_relaxed);
  // Most clusters have no outlier detection: they never take the lock on the request path.
  if (!detecting_.load(std::memory_order_relaxed)) return;
  std::lock_guard lock(mutex_);
  if (!policy_.outlier || host.ejected.load(std::memory_order_relaxed)) return;
  const OutlierPolicy& outlier = *policy_.outlier;

  int status = result.status;
  if (result.origin == HostResult::Origin::LocalOrigin) {
    if (outlier.splitExternalLocalOriginErrors) {
      // Local-origin failures have their own counter; a working connection resets it.
      host.consecutiveLocalOrigin = result.failed ? host.consecutiveLocalOrigin + 1 : 0;
      if (result.failed && host.consecutiveLocalOrigin >= outlier.consecutiveLocalOriginFailures)
        eject(host, "consecutive_local_origin_failure", now);
      return;
    }
    if (!result.failed) return;  // a connection that worked says nothing about the answer yet
    status = 503;                // Envoy counts a local-origin failure as a gateway error
  }
  if (status >= 500) {
    ++host.consecutive5xx;
    if (isGatewayError(status))
      ++host.consecutiveGateway;
    else
      host.consecutiveGateway = 0;
  } else {
    host.consecutive5xx = host.consecutiveGateway = 0;
  }
  if (outlier.consecutive5xx > 0 && host.consecutive5xx >= outlier.consecutive5xx)
    eject(host, "consecutive_5xx", now);
  else if (outlier.consecutiveGatewayErrors > 0 && host.consecutiveGateway >= outlier.consecutiveGatewayErrors)
    eject(host, "consecutive_gateway_failure", now);
}

void ClusterState::eject(HostState& host, const char* reason, Clock::time_point now) {
  const OutlierPolicy& outlier = *policy_.outlier;
  host.consecutive5xx = host.consecutiveGateway = host.consecutiveLocalOrigin = 0;
  // max_ejection_percent is a ceiling, but Envoy always lets one host go (semantics §8).
  const double percentAfter = 100.0 * static_cast<double>(ejected_ + 1) / static_cast<double>(hosts_.size());
  const std::string counterSuffix = std::string("ejections_enforced_") + reason;
  if (ejected_ > 0 && percentAfter > outlier.maxEjectionPercent) {
    metrics_.recordClusterEvent(name_, "outlier_detection.ejections_overflow");
    return;
  }
  host.ejected.store(true);
  host.ejectedAt = now;
  const Milliseconds maxTime = outlier.maxEjectionTime();
  if (outlier.baseEjectionTime * (host.ejections + 1) <= maxTime) ++host.ejections;
  ++ejected_;
  metrics_.recordClusterEvent(name_, "outlier_detection.ejections_enforced_total");
  metrics_.recordClusterEvent(name_, "outlier_detection." + counterSuffix);
  publishGauge();
  const auto duration = std::min(outlier.baseEjectionTime * std::max<std::uint32_t>(host.ejections, 1), maxTime);
  events_.publish({EngineEvent::Kind::Ejected, name_, host.address,
                   std::string(reason) + ", ejected for " + std::to_string(duration.count()) + "ms",
                   std::chrono::system_clock::now()});
}

void ClusterState::uneject(HostState& host) {
  host.ejected.store(false);
  --ejected_;
  publishGauge();
  events_.publish(
      {EngineEvent::Kind::Unejected, name_, host.address, "ejection time over", std::chrono::system_clock::now()});
}

void ClusterState::tick(Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (!policy_.outlier || now < nextTick_) return;
  const OutlierPolicy& outlier = *policy_.outlier;
  nextTick_ = now + outlier.interval;
  for (const auto& host : hosts_) {
    if (host->ejected.load()) {
      const auto duration =
          std::min(outlier.baseEjectionTime * std::max<std::uint32_t>(host->ejections, 1), outlier.maxEjectionTime());
      if (now - host->ejectedAt >= duration) uneject(*host);
    } else if (host->ejections > 0 && now - host->ejectedAt >= outlier.baseEjectionTime * host->ejections) {
      --host->ejections;  // healthy for a whole ejection period: the next ejection is shorter again
    }
  }
}

std::size_t ClusterState::ejectedCount() const {
  std::lock_guard lock(mutex_);
  return ejected_;
}

void ClusterState::publishGauge() { metrics_.setClusterGauge(name_, "outlier_detection.ejections_active", ejected_); }

}  // namespace meshstudio::engine

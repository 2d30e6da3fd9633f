#pragma once

// The traffic policy one Envoy cluster runs with: load balancing, connection-pool limits
// (circuit breakers) and outlier detection, resolved at compile time from the DestinationRule
// the way Istio resolves it (semantics §7–8): a subset's block replaces the rule's whole block,
// a matching portLevelSettings entry replaces the whole policy, and absent values take Istio's
// defaults (which are not always Envoy's).

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/DestinationRule.h"

namespace meshstudio::engine {

using Milliseconds = std::chrono::milliseconds;

/// Istio writes 2^32−1 for every threshold it is not given (ctp.go getDefaultCircuitBreakerThresholds).
inline constexpr std::uint64_t kUnlimited = 0xffffffffULL;

struct LoadBalancerPolicy {
  enum class Kind { LeastRequest, RoundRobin, Random, Passthrough, RingHash, Maglev };
  enum class HashKey { None, Header, Cookie, SourceIp, QueryParameter };
  Kind kind = Kind::LeastRequest;  ///< Istio's default since 1.14 (ctp.go)
  HashKey hashKey = HashKey::None;
  std::string hashName;  ///< header (lower case), cookie or query parameter name
  std::string cookiePath;
  std::optional<std::chrono::seconds> cookieTtl;  ///< set: generate the cookie when it is missing
  std::uint64_t tableSize = 0;                    ///< ring: minimum ring size (1024); maglev: table size (65537)
  bool isConsistentHash() const { return kind == Kind::RingHash || kind == Kind::Maglev; }
};

/// connectionPool, as Envoy's circuit breakers and pool settings (semantics §7.3).
struct ConnectionLimits {
  std::uint64_t maxConnections = kUnlimited;
  std::uint64_t maxPendingRequests = kUnlimited;  ///< http1MaxPendingRequests
  std::uint64_t maxRequests = kUnlimited;         ///< http2MaxRequests (HTTP/1.1 too)
  std::uint64_t maxRetries = kUnlimited;          ///< concurrent retries
  std::uint64_t maxRequestsPerConnection = 0;     ///< 0: unlimited; 1: no keep-alive
  Milliseconds connectTimeout{10'000};            ///< meshConfig.connectTimeout
  Milliseconds idleTimeout{3'600'000};            ///< 1 h; 0: never
};

/// outlierDetection, filled with Envoy's defaults where Istio leaves a field unset (semantics §8).
struct OutlierPolicy {
  std::uint64_t consecutive5xx = 5;            ///< 0: disabled
  std::uint64_t consecutiveGatewayErrors = 0;  ///< 0: disabled
  std::uint64_t consecutiveLocalOriginFailures = 5;
  bool splitExternalLocalOriginErrors = false;
  Milliseconds interval{10'000};
  Milliseconds baseEjectionTime{30'000};
  std::uint32_t maxEjectionPercent = 10;
  std::uint32_t minHealthPercent = 0;  ///< Envoy's healthy_panic_threshold; 0: never panic
  /// Envoy's max_ejection_time: 300 s, or the base time when that is longer.
  Milliseconds maxEjectionTime() const { return std::max(baseEjectionTime, Milliseconds(300'000)); }
};

struct ClusterPolicy {
  LoadBalancerPolicy loadBalancer;
  ConnectionLimits limits;
  std::optional<OutlierPolicy> outlier;  ///< nullopt: no ejection at all
  /// Envoy's panic threshold without an outlierDetection block (Istio sets it only with one).
  std::uint32_t panicThresholdPercent() const { return outlier ? outlier->minHealthPercent : 50; }
};

/// Reports a value that cannot be used: (field path under the policy, message).
using PolicyProblem = std::function<void(const std::string& path, const std::string& message)>;

/// Resolves the policy of the cluster for `port` of a DestinationRule's host, narrowed to the
/// subset whose policy is `subsetPolicy` (null for the whole host), written at `subsetPath`
/// (`spec.subsets[1].trafficPolicy`). Either policy may be null.
/// A value that cannot be used (a bad duration) is reported and left at its default.
ClusterPolicy resolveClusterPolicy(const model::TrafficPolicy* rulePolicy, const model::TrafficPolicy* subsetPolicy,
                                   const std::string& subsetPath, std::int64_t port, const PolicyProblem& problem);

}  // namespace meshstudio::engine

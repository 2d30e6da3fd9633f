#include "engine/ClusterPolicy.h"

#include "engine/RouteCompiler.h"

namespace meshstudio::engine {
namespace {

/// The blocks of a TrafficPolicy that Istio merges, each replaced whole (dr-merge).
struct PolicyBlocks {
  const model::LoadBalancerSettings* loadBalancer = nullptr;
  const model::ConnectionPoolSettings* connectionPool = nullptr;
  const model::OutlierDetection* outlier = nullptr;
  std::string path;  ///< where they were written, for problems
};

template <class T>
const T* pointerTo(const std::optional<T>& value) {
  return value ? &*value : nullptr;
}

/// GetPortLevelTrafficPolicy: a matching portLevelSettings entry replaces the whole policy.
PolicyBlocks blocksFor(const model::TrafficPolicy& policy, std::int64_t port, const std::string& path) {
  for (std::size_t i = 0; i < policy.portLevelSettings.size(); ++i) {
    const model::PortTrafficPolicy& level = policy.portLevelSettings[i];
    if (level.port && level.port->number && *level.port->number == port)
      return {pointerTo(level.loadBalancer), pointerTo(level.connectionPool), pointerTo(level.outlierDetection),
              path + ".portLevelSettings[" + std::to_string(i) + "]"};
  }
  return {pointerTo(policy.loadBalancer), pointerTo(policy.connectionPool), pointerTo(policy.outlierDetection), path};
}

/// Istio applies a threshold only when it is > 0: 0 means the default (ctp.go).
std::uint64_t threshold(const std::optional<model::Int>& value, std::uint64_t fallback) {
  return value && *value > 0 ? static_cast<std::uint64_t>(*value) : fallback;
}

class Resolver {
 public:
  explicit Resolver(const PolicyProblem& problem) : problem_(problem) {}

  std::optional<Milliseconds> duration(const std::optional<std::string>& text, const std::string& path) {
    if (!text) return std::nullopt;
    auto parsed = parseMilliseconds(*text);
    if (!parsed) problem_(path, "\"" + *text + "\" is not a duration; the default applies");
    return parsed;
  }

  LoadBalancerPolicy loadBalancer(const model::LoadBalancerSettings& settings, const std::string& path) {
    LoadBalancerPolicy policy;
    using Kind = LoadBalancerPolicy::Kind;
    using Key = LoadBalancerPolicy::HashKey;
    if (settings.consistentHash) {
      const model::ConsistentHashLB& hash = *settings.consistentHash;
      policy.kind = hash.maglev ? Kind::Maglev : Kind::RingHash;
      policy.tableSize = hash.maglev
                             ? threshold(hash.maglev->tableSize, 65537)
                             : threshold(hash.ringHash ? hash.ringHash->minimumRingSize : hash.minimumRingSize, 1024);
      if (hash.httpHeaderName) {
        policy.hashKey = Key::Header;
        policy.hashName = *hash.httpHeaderName;
        for (char& c : policy.hashName) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (hash.httpCookie && hash.httpCookie->name) {
        policy.hashKey = Key::Cookie;
        policy.hashName = *hash.httpCookie->name;
        policy.cookiePath = hash.httpCookie->path.value_or("");
        if (auto ttl = duration(hash.httpCookie->ttl, path + ".consistentHash.httpCookie.ttl"))
          policy.cookieTtl = std::chrono::duration_cast<std::chrono::seconds>(*ttl);
      } else if (hash.useSourceIp.value_or(false)) {
        policy.hashKey = Key::SourceIp;
      } else if (hash.httpQueryParameterName) {
        policy.hashKey = Key::QueryParameter;
        policy.hashName = *hash.httpQueryParameterName;
      }
      return policy;
    }
    const std::string simple = settings.simple.value_or("");
    if (simple == "ROUND_ROBIN")
      policy.kind = Kind::RoundRobin;
    else if (simple == "RANDOM")
      policy.kind = Kind::Random;
    else if (simple == "PASSTHROUGH")
      policy.kind = Kind::Passthrough;
    return policy;  // UNSPECIFIED, LEAST_REQUEST and LEAST_CONN are all least request
  }

  ConnectionLimits limits(const model::ConnectionPoolSettings& pool, const std::string& path) {
    ConnectionLimits limits;
    if (pool.tcp) {
      limits.maxConnections = threshold(pool.tcp->maxConnections, kUnlimited);
      if (auto timeout = duration(pool.tcp->connectTimeout, path + ".tcp.connectTimeout"))
        limits.connectTimeout = *timeout;
      if (auto idle = duration(pool.tcp->idleTimeout, path + ".tcp.idleTimeout")) limits.idleTimeout = *idle;
    }
    if (pool.http) {
      limits.maxPendingRequests = threshold(pool.http->http1MaxPendingRequests, kUnlimited);
      limits.maxRequests = threshold(pool.http->http2MaxRequests, kUnlimited);
      limits.maxRetries = threshold(pool.http->maxRetries, kUnlimited);
      limits.maxRequestsPerConnection = threshold(pool.http->maxRequestsPerConnection, 0);
      // http.idleTimeout is the HTTP pool's; it wins over tcp.idleTimeout (ctp.go applyConnectionPool).
      if (auto idle = duration(pool.http->idleTimeout, path + ".http.idleTimeout")) limits.idleTimeout = *idle;
    }
    return limits;
  }

  OutlierPolicy outlier(const model::OutlierDetection& detection, const std::string& path) {
    OutlierPolicy policy;
    if (detection.consecutive5xxErrors)
      policy.consecutive5xx = static_cast<std::uint64_t>(*detection.consecutive5xxErrors);
    policy.consecutiveGatewayErrors = threshold(detection.consecutiveGatewayErrors, 0);
    policy.splitExternalLocalOriginErrors = detection.splitExternalLocalOriginErrors.value_or(false);
    policy.consecutiveLocalOriginFailures = threshold(detection.consecutiveLocalOriginFailures, 5);
    if (auto interval = duration(detection.interval, path + ".interval"); interval && interval->count() > 0)
      policy.interval = *interval;
    if (auto base = duration(detection.baseEjectionTime, path + ".baseEjectionTime"); base && base->count() > 0)
      policy.baseEjectionTime = *base;
    policy.maxEjectionPercent =
        static_cast<std::uint32_t>(std::min<std::uint64_t>(threshold(detection.maxEjectionPercent, 10), 100));
    policy.minHealthPercent =
        static_cast<std::uint32_t>(std::clamp<model::Int>(detection.minHealthPercent.value_or(0), 0, 100));
    return policy;
  }

 private:
  const PolicyProblem& problem_;
};

}  // namespace

ClusterPolicy resolveClusterPolicy(const model::TrafficPolicy* rulePolicy, const model::TrafficPolicy* subsetPolicy,
                                   const std::string& subsetPath, std::int64_t port, const PolicyProblem& problem) {
  PolicyBlocks blocks;
  if (rulePolicy) blocks = blocksFor(*rulePolicy, port, "spec.trafficPolicy");
  if (subsetPolicy) {
    // MergeSubsetTrafficPolicy: each block the subset sets replaces the rule's.
    PolicyBlocks subset = blocksFor(*subsetPolicy, port, subsetPath);
    if (subset.loadBalancer) blocks.loadBalancer = subset.loadBalancer;
    if (subset.connectionPool) blocks.connectionPool = subset.connectionPool;
    if (subset.outlier) blocks.outlier = subset.outlier;
    if (subset.loadBalancer || subset.connectionPool || subset.outlier) blocks.path = subset.path;
  }
  Resolver resolver(problem);
  ClusterPolicy policy;
  if (blocks.loadBalancer)
    policy.loadBalancer = resolver.loadBalancer(*blocks.loadBalancer, blocks.path + ".loadBalancer");
  if (blocks.connectionPool) policy.limits = resolver.limits(*blocks.connectionPool, blocks.path + ".connectionPool");
  if (blocks.outlier) policy.outlier = resolver.outlier(*blocks.outlier, blocks.path + ".outlierDetection");
  return policy;
}

}  // namespace meshstudio::engine

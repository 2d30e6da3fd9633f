#pragma once

// Everything the data plane needs to serve requests, compiled once from a project and then
// only read: route tables per listener, upstream clusters, the simulated workloads. A reload
// compiles a new Snapshot off the I/O threads and swaps a pointer; requests in flight keep the
// one they started with (shared ownership), so a reload never fails a request.

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/ClusterPolicy.h"
#include "engine/EngineSettings.h"
#include "engine/GatewayTls.h"
#include "engine/HashTable.h"
#include "engine/PodBehaviour.h"
#include "engine/RateLimitPolicy.h"
#include "engine/RouteTable.h"
#include "engine/ServiceDirectory.h"
#include "model/Resource.h"

namespace meshstudio::engine {

/// An Envoy cluster: one Service port, optionally narrowed to a DestinationRule subset.
struct Cluster {
  std::string name;  ///< `outbound|9080|v1|reviews.shop.svc.cluster.local`
  std::string serviceFqdn, serviceName, namespaceName, subset;
  std::int64_t port = 0;
  std::vector<std::size_t> endpoints;          ///< indices into Snapshot::directory.pods()
  ClusterPolicy policy;                        ///< from the DestinationRule, Istio's defaults otherwise
  std::shared_ptr<const HashTable> hashTable;  ///< consistent hashing only
  std::size_t index = 0;                       ///< 0..clusters.size()-1, for per-cluster state
};

/// The address a simulated pod stands at in access logs and /clusters: `10.1.<hi>.<lo>:<port>`
/// from its index, so that the same project always shows the same addresses.
std::string simulatedPodAddress(std::size_t pod, std::int64_t port);

/// A local listener standing for one Gateway server port.
struct GatewayListener {
  std::int64_t gatewayPort = 0;       ///< the port in the Gateway (80)
  std::uint16_t localPort = 0;        ///< where it listens here (10080)
  std::vector<std::string> gateways;  ///< `ns/name` of every Gateway with a server run on this port
  RouteTable table;                   ///< HTTP routes: of plain servers, or of the terminating servers
  /// HTTPS and TLS servers: every connection starts with a ClientHello whose SNI selects a
  /// terminating server (then `table`, scheme https) or a passthrough route.
  bool tls = false;
  std::vector<TlsServer> tlsServers;
  std::vector<TlsRoute> tlsRoutes;
};

struct Snapshot {
  std::uint64_t version = 0;
  EngineSettings settings;
  ServiceDirectory directory;
  std::vector<PodBehaviour> behaviours;  ///< parallel to directory.pods()
  /// Each pod's upstream `host:port`, empty for a simulated pod. Parallel to directory.pods().
  std::vector<std::string> upstreamAddresses;
  std::unordered_map<std::string, Cluster> clusters;
  RouteTable mesh;
  std::vector<GatewayListener> gateways;
  /// Local rate limits (EnvoyFilters), and where each applies: indices into rateLimits.
  std::vector<RateLimitPolicy> rateLimits;
  std::vector<std::vector<std::size_t>> podRateLimits;  ///< per pod: its sidecar's inbound limits
  std::vector<std::size_t> meshRateLimits;              ///< the mesh listener (the source's outbound)
  std::vector<std::size_t> gatewayRateLimits;           ///< each Gateway listener
  std::vector<std::string> problems;                    ///< what could not be compiled, file:line:column first

  const Cluster* cluster(const std::string& name) const;
  const GatewayListener* gatewayForLocalPort(std::uint16_t port) const;
  const GatewayListener* gatewayForPort(std::int64_t gatewayPort) const;

  /// Compiles `resources` with the `engine` settings of `projectSettings` (meshstudio.yaml).
  static std::shared_ptr<const Snapshot> compile(const std::vector<model::Resource>& resources,
                                                 const model::Value& projectSettings);
};

}  // namespace meshstudio::engine

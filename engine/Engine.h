#pragma once

// The running data plane: listeners (mesh, one per Gateway port, admin), I/O threads, the
// installed Snapshot, metrics and the access log. Qt-free; the studio's bridge class and
// `meshstudio-cli serve` both drive it through this interface.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "engine/AccessLog.h"
#include "engine/ConnectionBudget.h"
#include "engine/EngineEvents.h"
#include "engine/IoTypes.h"
#include "engine/LoadBalancer.h"
#include "engine/Metrics.h"
#include "engine/RandomSource.h"
#include "engine/SharedSlot.h"
#include "engine/Snapshot.h"
#include "engine/TokenBucket.h"

namespace meshstudio::engine {

class Listener;
class PodServer;
enum class ListenerKind;

/// A Snapshot as the running engine serves it: with the live state of its clusters (which
/// outlives reloads) and where each pod is reached.
struct ActiveSnapshot {
  std::shared_ptr<const Snapshot> snapshot;
  std::vector<ClusterRuntime> clusters;  ///< by Cluster::index
  std::vector<Endpoint> endpoints;       ///< by pod: its upstream, or its simulated server on loopback
  /// Token buckets parallel to Snapshot::podRateLimits, meshRateLimits and (per Gateway listener,
  /// by Snapshot::gateways index) gatewayRateLimits; they outlive reloads that keep the limit.
  std::vector<std::vector<std::shared_ptr<TokenBucket>>> podBuckets;
  std::vector<std::shared_ptr<TokenBucket>> meshBuckets;
  std::vector<std::vector<std::shared_ptr<TokenBucket>>> gatewayBuckets;
};

struct EngineOptions {
  int threads = 0;  ///< I/O threads (workers, each with its own event loop); 0: one per core
  /// Override the snapshot's listen addresses (the CLI's --listen/--admin); empty: keep.
  std::optional<ListenAddress> meshOverride, adminOverride;
  /// Gateway server port -> local port, over meshstudio.yaml's `engine.gatewayPorts` (0: any free port).
  std::map<std::int64_t, std::uint16_t> gatewayPortOverrides;
  std::uint64_t seed = 0;               ///< 0: seeded from the clock
  std::size_t accessLogBacklog = 1000;  ///< lines AccessLog::recent() keeps (0: none, e.g. `serve --access-log off`)
};

class Engine {
 public:
  explicit Engine(EngineOptions options = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Installs `snapshot`: new requests use it at once; requests in flight finish on the old one.
  /// Gateway listeners are opened and closed to follow it when the engine runs. Thread-safe.
  /// Returns false with `error` when a listener cannot be bound (the snapshot is installed anyway).
  bool load(std::shared_ptr<const Snapshot> snapshot, std::string* error = nullptr);

  /// Binds the mesh, admin and gateway listeners and starts the I/O threads.
  bool start(std::string& error);
  /// Stops accepting, closes every connection and joins the threads. Idempotent.
  void stop();
  bool isRunning() const { return running_; }

  std::shared_ptr<const ActiveSnapshot> active() const { return active_.load(); }
  std::shared_ptr<const Snapshot> snapshot() const;

  /// The ports actually bound (useful when 0 asked for an ephemeral port).
  std::uint16_t meshPort() const;
  std::uint16_t adminPort() const;
  /// The local port serving a Gateway server port, 0 when none.
  std::uint16_t gatewayPort(std::int64_t gatewayServerPort) const;

  Metrics& metrics() { return metrics_; }
  AccessLog& accessLog() { return accessLog_; }
  /// Ejections, un-ejections and reloads, as they happen.
  EngineEvents& events() { return events_; }
  /// The calling I/O thread's random source (one per thread: no locking on the request path).
  RandomSource& threadRandom();
  /// Idle kept-alive upstream connections, over every worker's pool.
  std::size_t idleUpstreamConnections() const;
  /// Open mesh and Gateway connections (the admin listener's are not counted).
  std::size_t downstreamConnections() const { return downstreamBudget_.inUse(); }
  /// The worker the next accepted connection goes to (round robin).
  Worker& nextWorker();
  std::uint64_t nextSeed() { return seed_.fetch_add(0x9e3779b97f4a7c15ULL); }

 private:
  bool syncGatewayListeners(std::string* error);
  /// What a mesh, admin or Gateway listener does with the connections it accepts.
  std::function<void(TcpStream::socket_type, Worker&)> sessionsFor(ListenerKind kind, std::int64_t gatewayPort);
  /// Builds what serving `snapshot` needs (cluster state, pod servers) and installs it.
  void install(std::shared_ptr<const Snapshot> snapshot);
  /// Runs every cluster's outlier-detection interval tick, then re-arms itself.
  void scheduleOutlierTicks();

  EngineOptions options_;
  void createWorkers();

  // Before the workers: sessions destroyed with a worker's event loop still give their slot back.
  ConnectionBudget downstreamBudget_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::atomic<std::size_t> nextWorker_{0};
  SharedSlot<const ActiveSnapshot> active_;
  Metrics metrics_;
  AccessLog accessLog_;
  EngineEvents events_;
  std::mutex installMutex_;  ///< one install at a time: cluster states and pod servers follow the snapshot
  std::map<std::string, std::shared_ptr<ClusterState>> clusterStates_;  ///< by cluster name, across reloads
  std::map<std::string, std::shared_ptr<PodServer>> podServers_;        ///< by `namespace/pod`, while running
  std::map<std::string, std::shared_ptr<TokenBucket>> buckets_;         ///< by policy key and scope
  std::unique_ptr<Timer> outlierTimer_;
  std::atomic<std::uint64_t> seed_;

  mutable std::mutex listenersMutex_;
  std::shared_ptr<Listener> mesh_, admin_;
  std::map<std::int64_t, std::shared_ptr<Listener>> gateways_;  ///< by Gateway server port
  std::vector<std::thread> threads_;
  std::atomic<bool> running_{false};
};

}  // namespace meshstudio::engine

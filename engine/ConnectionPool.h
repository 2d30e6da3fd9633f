#pragma once

// One worker's HTTP/1.1 connection pools, one per (cluster, host), as Envoy keeps them per
// worker thread, under the cluster-wide circuit breakers of ClusterState (semantics §7.3):
//
//  - a request first needs a slot under max_requests (http2MaxRequests), else it overflows;
//  - it takes an idle connection, or waits as a pending request (http1MaxPendingRequests, else
//    it overflows) for one to be connected or released;
//  - a new connection needs a slot under max_connections; when there is none the overflow is
//    counted (upstream_cx_overflow) and the request waits for a busy connection, except that a
//    pool with no connection at all always opens one, as Envoy does, so no request waits forever;
//  - a connection closes after maxRequestsPerConnection requests, or after idleTimeout idle;
//  - an idle connection the upstream closes leaves the pool (upstream_cx_destroy_remote) within
//    kIdleWatchDelay: connections are watched from a sweep that runs that long after one goes
//    idle, not as each is parked. Under load a connection is parked and taken again within
//    microseconds, and arming the watch on every park cost a syscall per request (an epoll_ctl,
//    about 5 % of the engine's CPU per request in bench_engine). A connection reused before its
//    watch starts and found closed is resent once, as a stale one always was.
//
// Overflow counts `upstream_rq_pending_overflow` and is answered 503 UO by the Forwarder. The
// pool only ever runs on its worker's thread.

#include <chrono>
#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

#include "engine/ClusterState.h"
#include "engine/IoTypes.h"
#include "engine/PodBehaviour.h"
#include "engine/UpstreamConnection.h"

namespace meshstudio::engine {

class Metrics;

/// Whoever waits for a connection (the Forwarder's attempt).
class PoolClient {
 public:
  virtual ~PoolClient() = default;
  virtual void onPoolReady(std::shared_ptr<UpstreamConnection> connection) = 0;
  /// The connection opened for this request failed: `timeout` tells a connect timeout.
  virtual void onPoolFailure(bool timeout) = 0;
};

class ConnectionPool {
 public:
  ConnectionPool(Executor executor, Metrics& metrics);
  ~ConnectionPool();

  enum class Admission { Ready, Queued, Overflow };
  struct Stream {
    Admission admission = Admission::Overflow;
    std::shared_ptr<UpstreamConnection> connection;  ///< set when Ready
  };

  /// Asks for a connection to `host` of `cluster` (state and limits) at `endpoint`. Ready: use
  /// `connection` now. Queued: `client` hears onPoolReady or onPoolFailure later (unless it
  /// cancels). Overflow: refused, and counted.
  Stream newStream(const std::shared_ptr<ClusterState>& state, const std::shared_ptr<HostState>& host,
                   const ConnectionLimits& limits, const Endpoint& endpoint, const std::weak_ptr<PoolClient>& client);
  /// A queued client gives up (timeout, downstream gone).
  void cancel(const HostState& host, const PoolClient* client);
  /// The request on `connection` is over (answered, failed or aborted): keep the connection for
  /// the next request or close it.
  void release(const HostState& host, const std::shared_ptr<UpstreamConnection>& connection);

  /// Idle connections in this pool (any thread may ask).
  std::size_t idleCount() const { return idleCount_.load(std::memory_order_relaxed); }

 private:
  struct Pending {
    std::weak_ptr<PoolClient> client;
    const PoolClient* identity;
  };
  struct HostPool {
    std::shared_ptr<ClusterState> state;
    std::shared_ptr<HostState> host;  ///< keeps the key alive
    Endpoint endpoint;
    ConnectionLimits limits;
    std::vector<std::shared_ptr<UpstreamConnection>> idle;
    std::size_t busy = 0, connecting = 0;
    std::deque<Pending> pending;
    std::size_t connections() const { return idle.size() + busy + connecting; }
  };

  HostPool& poolFor(const std::shared_ptr<ClusterState>& state, const std::shared_ptr<HostState>& host,
                    const ConnectionLimits& limits, const Endpoint& endpoint);
  std::shared_ptr<UpstreamConnection> takeIdle(HostPool& pool);
  void tryConnect(HostPool& pool);
  void onConnected(HostPool& pool, const std::shared_ptr<UpstreamConnection>& connection,
                   boost::beast::error_code error);
  /// Hands `connection` to the first waiting client; false when nobody waits.
  bool handToPending(HostPool& pool, const std::shared_ptr<UpstreamConnection>& connection);
  void closeConnection(HostPool& pool, const std::shared_ptr<UpstreamConnection>& connection);
  /// Keeps `connection` for the next request, and drops it if the upstream closes it meanwhile.
  void parkIdle(HostPool& pool, const std::shared_ptr<UpstreamConnection>& connection);
  /// Watches every idle connection not yet watched, kIdleWatchDelay from now.
  void scheduleIdleWatch();
  void watchIdleConnections();

  static constexpr std::chrono::milliseconds kIdleWatchDelay{100};

  Executor executor_;
  Metrics& metrics_;
  Timer idleWatch_;
  bool idleWatchScheduled_ = false;
  /// Keyed by the host's state, which is unique per (cluster, host) and outlives reloads.
  /// Pointers, so a pool stays put while callbacks it makes open pools for other hosts.
  std::unordered_map<const HostState*, std::unique_ptr<HostPool>> pools_;
  std::atomic<std::size_t> idleCount_{0};
};

}  // namespace meshstudio::engine

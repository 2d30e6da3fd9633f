#include "engine/ConnectionPool.h"

#include "engine/Metrics.h"

#include <algorithm>

namespace meshstudio::engine {

ConnectionPool::ConnectionPool(Executor executor, Metrics& metrics)
    : executor_(executor), metrics_(metrics), idleWatch_(executor) {}

ConnectionPool::~ConnectionPool() {
  for (auto& [key, pool] : pools_)
    for (const auto& connection : pool->idle) connection->abort();
}

ConnectionPool::HostPool& ConnectionPool::poolFor(const std::shared_ptr<ClusterState>& state,
                                                  const std::shared_ptr<HostState>& host,
                                                  const ConnectionLimits& limits, const Endpoint& endpoint) {
  auto& slot = pools_[host.get()];
  if (!slot) slot = std::make_unique<HostPool>();
  HostPool& pool = *slot;
  if (!pool.host) {
    pool.state = state;
    pool.host = host;
  }
  pool.limits = limits;  // a reload may have changed them
  if (pool.endpoint != endpoint) {
    // The host moved (a simulated pod restarted elsewhere): its idle connections lead nowhere.
    for (const auto& connection : pool.idle) closeConnection(pool, connection);
    idleCount_.fetch_sub(pool.idle.size(), std::memory_order_relaxed);
    pool.idle.clear();
    pool.endpoint = endpoint;
  }
  return pool;
}

ConnectionPool::Stream ConnectionPool::newStream(const std::shared_ptr<ClusterState>& state,
                                                 const std::shared_ptr<HostState>& host, const ConnectionLimits& limits,
                                                 const Endpoint& endpoint, const std::weak_ptr<PoolClient>& client) {
  if (!ClusterState::tryAcquire(state->activeRequests, limits.maxRequests)) {
    metrics_.recordClusterEvent(state->name(), "upstream_rq_pending_overflow");
    return {};
  }
  HostPool& pool = poolFor(state, host, limits, endpoint);
  if (auto connection = takeIdle(pool)) {
    ++pool.busy;
    return {Admission::Ready, std::move(connection)};
  }
  if (!ClusterState::tryAcquire(state->pendingRequests, limits.maxPendingRequests)) {
    ClusterState::release(state->activeRequests);
    metrics_.recordClusterEvent(state->name(), "upstream_rq_pending_overflow");
    return {};
  }
  metrics_.recordClusterEvent(state->name(), "upstream_rq_pending_total");
  auto locked = client.lock();
  pool.pending.push_back({client, locked.get()});
  // A connection already on its way will serve the request; otherwise open one.
  if (pool.connecting < pool.pending.size()) tryConnect(pool);
  return {Admission::Queued, nullptr};
}

std::shared_ptr<UpstreamConnection> ConnectionPool::takeIdle(HostPool& pool) {
  const auto now = std::chrono::steady_clock::now();
  while (!pool.idle.empty()) {
    auto connection = std::move(pool.idle.back());
    pool.idle.pop_back();
    idleCount_.fetch_sub(1, std::memory_order_relaxed);
    const auto idleTimeout = pool.limits.idleTimeout;
    if (idleTimeout.count() > 0 && now - connection->idleSince() >= idleTimeout) {
      closeConnection(pool, connection);  // idle too long: Envoy would have closed it already
      continue;
    }
    return connection;
  }
  return nullptr;
}

void ConnectionPool::tryConnect(HostPool& pool) {
  ClusterState& state = *pool.state;
  if (!ClusterState::tryAcquire(state.connections, pool.limits.maxConnections)) {
    metrics_.recordClusterEvent(state.name(), "upstream_cx_overflow");
    // Envoy still opens the first connection of a pool, so its pending requests cannot starve
    // while other pools hold every connection the cluster allows.
    if (pool.connections() > 0) return;
    state.connections.fetch_add(1, std::memory_order_relaxed);
  }
  metrics_.recordClusterEvent(state.name(), "upstream_cx_total");
  ++pool.connecting;
  auto connection = std::make_shared<UpstreamConnection>(executor_, pool.endpoint);
  const HostState* key = pool.host.get();
  connection->connect(pool.limits.connectTimeout, [this, key, connection](boost::beast::error_code error) {
    auto it = pools_.find(key);
    if (it != pools_.end()) onConnected(*it->second, connection, error);
  });
}

void ConnectionPool::onConnected(HostPool& pool, const std::shared_ptr<UpstreamConnection>& connection,
                                 boost::beast::error_code error) {
  --pool.connecting;
  ClusterState& state = *pool.state;
  if (error) {
    ClusterState::release(state.connections);
    const bool timeout = error == boost::beast::error::timeout;
    metrics_.recordClusterEvent(state.name(), timeout ? "upstream_cx_connect_timeout" : "upstream_cx_connect_fail");
    // The request this connection was opened for fails; the others wait for theirs.
    while (!pool.pending.empty()) {
      Pending first = pool.pending.front();
      pool.pending.pop_front();
      ClusterState::release(state.pendingRequests);
      ClusterState::release(state.activeRequests);
      if (auto client = first.client.lock()) {
        client->onPoolFailure(timeout);
        break;
      }
    }
    if (pool.connecting < pool.pending.size()) tryConnect(pool);
    return;
  }
  ++pool.busy;
  if (!handToPending(pool, connection)) {
    --pool.busy;
    parkIdle(pool, connection);
  }
}

bool ConnectionPool::handToPending(HostPool& pool, const std::shared_ptr<UpstreamConnection>& connection) {
  while (!pool.pending.empty()) {
    Pending first = pool.pending.front();
    pool.pending.pop_front();
    ClusterState::release(pool.state->pendingRequests);
    if (auto client = first.client.lock()) {
      client->onPoolReady(connection);
      return true;
    }
    ClusterState::release(pool.state->activeRequests);  // the client went away without cancelling
  }
  return false;
}

void ConnectionPool::cancel(const HostState& host, const PoolClient* client) {
  auto it = pools_.find(&host);
  if (it == pools_.end()) return;
  HostPool& pool = *it->second;
  for (auto entry = pool.pending.begin(); entry != pool.pending.end(); ++entry) {
    if (entry->identity != client) continue;
    pool.pending.erase(entry);
    ClusterState::release(pool.state->pendingRequests);
    ClusterState::release(pool.state->activeRequests);
    return;
  }
}

void ConnectionPool::release(const HostState& host, const std::shared_ptr<UpstreamConnection>& connection) {
  auto it = pools_.find(&host);
  if (it == pools_.end()) return;
  HostPool& pool = *it->second;
  --pool.busy;
  ClusterState::release(pool.state->activeRequests);
  const std::uint64_t perConnection = pool.limits.maxRequestsPerConnection;
  const bool keep = connection->reusable() && connection->endpoint() == pool.endpoint &&
                    (perConnection == 0 || connection->requestsServed() < perConnection);
  if (!keep) {
    closeConnection(pool, connection);
    if (pool.connecting < pool.pending.size()) tryConnect(pool);
    return;
  }
  ++pool.busy;
  if (handToPending(pool, connection)) return;
  --pool.busy;
  parkIdle(pool, connection);
}

void ConnectionPool::parkIdle(HostPool& pool, const std::shared_ptr<UpstreamConnection>& connection) {
  pool.idle.push_back(connection);
  idleCount_.fetch_add(1, std::memory_order_relaxed);
  scheduleIdleWatch();
}

void ConnectionPool::scheduleIdleWatch() {
  if (idleWatchScheduled_) return;
  idleWatchScheduled_ = true;
  idleWatch_.expires_after(kIdleWatchDelay);
  idleWatch_.async_wait([this](boost::system::error_code error) {
    if (error) return;  // the pool is going away
    idleWatchScheduled_ = false;
    watchIdleConnections();
  });
}

void ConnectionPool::watchIdleConnections() {
  for (auto& [key, pool] : pools_) {
    for (const auto& connection : pool->idle) {
      if (connection->isWatched()) continue;
      connection->watchWhileIdle([this, key = key, weak = std::weak_ptr(connection)] {
        auto it = pools_.find(key);
        auto closed = weak.lock();
        if (it == pools_.end() || !closed) return;
        HostPool& owner = *it->second;
        auto at = std::find(owner.idle.begin(), owner.idle.end(), closed);
        if (at == owner.idle.end()) return;  // taken for a request meanwhile: the Forwarder resends
        owner.idle.erase(at);
        idleCount_.fetch_sub(1, std::memory_order_relaxed);
        metrics_.recordClusterEvent(owner.state->name(), "upstream_cx_destroy_remote");
        closeConnection(owner, closed);
      });
    }
  }
}

void ConnectionPool::closeConnection(HostPool& pool, const std::shared_ptr<UpstreamConnection>& connection) {
  connection->abort();
  ClusterState::release(pool.state->connections);
}

}  // namespace meshstudio::engine

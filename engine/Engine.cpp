#include "engine/Engine.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <iostream>

#include "engine/ConnectionPool.h"
#include "engine/Forwarder.h"
#include "engine/HttpSession.h"
#include "engine/Listener.h"
#include "engine/PodServer.h"
#include "engine/TlsInspector.h"

namespace meshstudio::engine {

namespace net = boost::asio;

namespace {
using WorkGuard = net::executor_work_guard<net::io_context::executor_type>;
}  // namespace

Worker::Worker(std::size_t workerIndex, Metrics& metrics)
    : index(workerIndex), upstreams(std::make_unique<ConnectionPool>(io.get_executor(), metrics)) {}
Worker::~Worker() {
  // The event loop has stopped with work in flight: cancel each Forwarder (it owns itself until it
  // finishes), which drops its callback (and so the session) and aborts its upstream connection
  // (which drops the handler that held the Forwarder). A copy: cancelling removes the entry.
  for (Forwarder* forwarder : std::vector<Forwarder*>(forwarders.begin(), forwarders.end())) forwarder->cancel();
}

namespace {
/// How often outlier detection's interval ticks are checked (each cluster acts on its own interval).
constexpr std::chrono::milliseconds kOutlierTickResolution{100};
}  // namespace

Engine::Engine(EngineOptions options)
    : options_(std::move(options)),
      accessLog_(options_.accessLogBacklog),
      seed_(options_.seed != 0
                ? options_.seed
                : static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count())) {
  createWorkers();
}

Engine::~Engine() { stop(); }

void Engine::createWorkers() {
  const int threads =
      options_.threads > 0 ? options_.threads : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  // The first worker goes first: it runs every acceptor, and an accept still pending there holds
  // a socket of the worker it was for, which must outlive it.
  if (!workers_.empty()) workers_.front().reset();
  workers_.clear();
  for (int i = 0; i < threads; ++i) workers_.push_back(std::make_unique<Worker>(static_cast<std::size_t>(i), metrics_));
}

Worker& Engine::nextWorker() {
  return *workers_[nextWorker_.fetch_add(1, std::memory_order_relaxed) % workers_.size()];
}

std::size_t Engine::idleUpstreamConnections() const {
  std::size_t idle = 0;
  for (const auto& worker : workers_) idle += worker->upstreams->idleCount();
  return idle;
}

std::function<void(TcpStream::socket_type, Worker&)> Engine::sessionsFor(ListenerKind kind, std::int64_t gatewayPort) {
  return [this, kind, gatewayPort](TcpStream::socket_type socket, Worker& worker) {
    auto current = active();
    ConnectionBudget::Slot slot;
    if (kind != ListenerKind::Admin && current &&
        !downstreamBudget_.tryTake(current->snapshot->settings.limits.maxConnections, slot)) {
      // Over the limit: closed at once, as Envoy's listener connection limit does.
      boost::system::error_code ignored;
      socket.close(ignored);
      metrics_.recordCounter("listener.downstream_cx_overflow");
      return;
    }
    if (kind == ListenerKind::Gateway) {
      // Whether the port speaks TLS is the installed snapshot's to say: a reload may change it
      // while the listener stays open.
      const GatewayListener* gateway = current ? current->snapshot->gatewayForPort(gatewayPort) : nullptr;
      if (gateway && gateway->tls) {
        std::make_shared<TlsInspector>(std::move(socket), *this, worker, gatewayPort, std::move(slot))->run();
        return;
      }
    }
    std::make_shared<HttpSession<TcpStream::socket_type>>(std::move(socket), *this, worker, kind, gatewayPort,
                                                          std::move(slot))
        ->run();
  };
}

std::shared_ptr<const Snapshot> Engine::snapshot() const {
  auto current = active();
  return current ? current->snapshot : nullptr;
}

RandomSource& Engine::threadRandom() {
  thread_local std::unique_ptr<SeededRandom> random;
  if (!random) random = std::make_unique<SeededRandom>(nextSeed());
  return *random;
}

bool Engine::load(std::shared_ptr<const Snapshot> snapshot, std::string* error) {
  install(std::move(snapshot));
  events_.publish({EngineEvent::Kind::Reloaded, "", "", "configuration installed", std::chrono::system_clock::now()});
  if (!running_) return true;
  return syncGatewayListeners(error);
}

void Engine::install(std::shared_ptr<const Snapshot> snapshot) {
  std::lock_guard lock(installMutex_);
  auto active = std::make_shared<ActiveSnapshot>();
  active->snapshot = snapshot;
  const auto& pods = snapshot->directory.pods();

  // Where each pod is reached: its upstream, or (while running) its own loopback server.
  std::map<std::string, std::shared_ptr<PodServer>> servers;
  active->endpoints.resize(pods.size());
  for (std::size_t pod = 0; pod < pods.size(); ++pod) {
    if (const auto& upstream = snapshot->behaviours[pod].upstream) {
      active->endpoints[pod] = *upstream;
      continue;
    }
    if (!running_) continue;
    const std::string key = pods[pod].namespaceName + "/" + pods[pod].name;
    auto server = podServers_.contains(key) ? podServers_.at(key) : nullptr;
    if (!server) {
      server = std::make_shared<PodServer>(*this);
      std::string problem;
      if (!server->open(workers_.front()->io, problem)) {
        std::cerr << "meshstudio engine: pod " << key << ": " << problem << "\n";
        continue;  // its requests fail to connect (UF), as they would to a pod that is down
      }
    }
    server->retarget({snapshot, pod});
    active->endpoints[pod] = Endpoint{"127.0.0.1", server->port(), snapshot->behaviours[pod].handshake};
    servers.emplace(key, std::move(server));
  }
  for (auto& [key, server] : podServers_)
    if (!servers.contains(key)) server->close();  // the pod is gone
  podServers_ = std::move(servers);

  // Cluster state follows clusters by name, so ejections and counters survive a reload.
  std::map<std::string, std::shared_ptr<ClusterState>> states;
  active->clusters.resize(snapshot->clusters.size());
  for (const auto& [name, cluster] : snapshot->clusters) {
    auto state = clusterStates_.contains(name) ? clusterStates_.at(name)
                                               : std::make_shared<ClusterState>(name, metrics_, events_);
    std::vector<std::string> addresses;
    for (std::size_t pod : cluster.endpoints)
      addresses.push_back(snapshot->behaviours[pod].upstream ? snapshot->upstreamAddresses[pod]
                                                             : simulatedPodAddress(pod, cluster.port));
    active->clusters[cluster.index] = ClusterRuntime{state, state->adopt(cluster.policy, addresses)};
    states.emplace(name, std::move(state));
  }
  clusterStates_ = std::move(states);

  // One bucket per proxy that runs the filter: each pod's sidecar, the mesh listener, each gateway port.
  std::map<std::string, std::shared_ptr<TokenBucket>> buckets;
  auto bucketFor = [&](std::size_t policyIndex, const std::string& scope) {
    const RateLimitPolicy& policy = snapshot->rateLimits[policyIndex];
    const std::string key = policy.key + "@" + scope;
    auto bucket = buckets_.contains(key)
                      ? buckets_.at(key)
                      : std::make_shared<TokenBucket>(policy.maxTokens, policy.tokensPerFill, policy.fillInterval);
    buckets.emplace(key, bucket);
    return bucket;
  };
  active->podBuckets.resize(pods.size());
  for (std::size_t pod = 0; pod < pods.size(); ++pod)
    for (std::size_t policy : snapshot->podRateLimits[pod])
      active->podBuckets[pod].push_back(bucketFor(policy, "pod " + pods[pod].namespaceName + "/" + pods[pod].name));
  for (std::size_t policy : snapshot->meshRateLimits) active->meshBuckets.push_back(bucketFor(policy, "mesh"));
  for (const GatewayListener& gateway : snapshot->gateways) {
    active->gatewayBuckets.emplace_back();
    for (std::size_t policy : snapshot->gatewayRateLimits)
      active->gatewayBuckets.back().push_back(bucketFor(policy, "gateway " + std::to_string(gateway.gatewayPort)));
  }
  buckets_ = std::move(buckets);
  active_.store(std::move(active));
}

void Engine::scheduleOutlierTicks() {
  outlierTimer_->expires_after(kOutlierTickResolution);
  outlierTimer_->async_wait([this](boost::system::error_code error) {
    if (error || !running_) return;
    std::vector<std::shared_ptr<ClusterState>> states;
    {
      std::lock_guard lock(installMutex_);
      for (const auto& [name, state] : clusterStates_) states.push_back(state);
    }
    const auto now = std::chrono::steady_clock::now();
    for (const auto& state : states) state->tick(now);
    scheduleOutlierTicks();
  });
}

bool Engine::syncGatewayListeners(std::string* error) {
  auto current = snapshot();
  std::lock_guard lock(listenersMutex_);
  bool ok = true;
  std::map<std::int64_t, std::shared_ptr<Listener>> kept;
  for (const GatewayListener& gateway : current->gateways) {
    auto it = gateways_.find(gateway.gatewayPort);
    if (it != gateways_.end()) {
      kept.insert(*it);
      gateways_.erase(it);
      continue;
    }
    auto listener = std::make_shared<Listener>(workers_.front()->io, *this,
                                               sessionsFor(ListenerKind::Gateway, gateway.gatewayPort));
    auto override = options_.gatewayPortOverrides.find(gateway.gatewayPort);
    const std::uint16_t localPort =
        override != options_.gatewayPortOverrides.end() ? override->second : gateway.localPort;
    std::string problem;
    if (!listener->open(ListenAddress{current->settings.gatewayAddress, localPort}, problem)) {
      ok = false;
      if (error) *error += (error->empty() ? "" : "\n") + problem;
      continue;
    }
    listener->start();
    kept.emplace(gateway.gatewayPort, std::move(listener));
  }
  for (auto& [port, listener] : gateways_) listener->close();  // ports the new snapshot no longer has
  gateways_ = std::move(kept);
  return ok;
}

bool Engine::start(std::string& error) {
  if (running_) return true;
  auto current = snapshot();
  if (!current) {
    error = "no configuration loaded";
    return false;
  }
  {
    std::lock_guard lock(listenersMutex_);
    // Acceptors run on the first worker; the connections they accept are spread over all of them.
    mesh_ = std::make_shared<Listener>(workers_.front()->io, *this, sessionsFor(ListenerKind::Mesh, 0));
    admin_ = std::make_shared<Listener>(workers_.front()->io, *this, sessionsFor(ListenerKind::Admin, 0));
    if (!mesh_->open(options_.meshOverride.value_or(current->settings.mesh), error) ||
        !admin_->open(options_.adminOverride.value_or(current->settings.admin), error)) {
      mesh_.reset();
      admin_.reset();
      return false;
    }
    mesh_->start();
    admin_->start();
  }
  running_ = true;
  install(current);  // now with the simulated pods' servers
  if (!syncGatewayListeners(&error)) {
    stop();
    return false;
  }
  outlierTimer_ = std::make_unique<Timer>(workers_.front()->io.get_executor());
  scheduleOutlierTicks();
  for (auto& worker : workers_) {
    auto guard = std::make_shared<WorkGuard>(worker->io.get_executor());
    threads_.emplace_back([io = &worker->io, guard] {
      // Handlers report errors as error_codes; an exception escaping one is a bug, and it must cost
      // one connection, not the whole proxy.
      for (;;) {
        try {
          io->run();
          return;
        } catch (const std::exception& e) {
          std::cerr << "meshstudio engine: unexpected exception on an I/O thread: " << e.what() << "\n";
        }
      }
    });
  }
  return true;
}

void Engine::stop() {
  if (!running_.exchange(false)) return;
  {
    std::lock_guard lock(listenersMutex_);
    if (mesh_) mesh_->close();
    if (admin_) admin_->close();
    for (auto& [port, listener] : gateways_) listener->close();
    mesh_.reset();
    admin_.reset();
    gateways_.clear();
  }
  for (auto& worker : workers_) worker->io.stop();
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
  outlierTimer_.reset();
  {
    // With the threads gone, nothing else touches the pod servers' acceptors.
    std::lock_guard lock(installMutex_);
    podServers_.clear();
  }
  // Fresh workers for a later start(); sessions still queued on the old ones are destroyed with them.
  createWorkers();
}

std::uint16_t Engine::meshPort() const {
  std::lock_guard lock(listenersMutex_);
  return mesh_ ? mesh_->port() : 0;
}

std::uint16_t Engine::adminPort() const {
  std::lock_guard lock(listenersMutex_);
  return admin_ ? admin_->port() : 0;
}

std::uint16_t Engine::gatewayPort(std::int64_t gatewayServerPort) const {
  std::lock_guard lock(listenersMutex_);
  auto it = gateways_.find(gatewayServerPort);
  return it == gateways_.end() ? 0 : it->second->port();
}

}  // namespace meshstudio::engine

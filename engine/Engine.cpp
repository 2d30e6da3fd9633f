#include "engine/Engine.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <iostream>

#include "engine/Listener.h"
#include "engine/UpstreamPool.h"

namespace meshstudio::engine {

namespace net = boost::asio;

namespace {
using WorkGuard = net::executor_work_guard<net::io_context::executor_type>;
}  // namespace

Worker::Worker(std::size_t workerIndex) : index(workerIndex), upstreams(std::make_unique<UpstreamPool>(io)) {}
Worker::~Worker() = default;

ActiveSnapshot::ActiveSnapshot(std::shared_ptr<const Snapshot> compiled)
    : snapshot(std::move(compiled)),
      activeRequests(std::make_unique<std::atomic<std::uint32_t>[]>(snapshot->directory.pods().size() + 1)) {}

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
  workers_.clear();
  for (int i = 0; i < threads; ++i) workers_.push_back(std::make_unique<Worker>(static_cast<std::size_t>(i)));
}

Worker& Engine::nextWorker() {
  return *workers_[nextWorker_.fetch_add(1, std::memory_order_relaxed) % workers_.size()];
}

std::size_t Engine::idleUpstreamConnections() const {
  std::size_t idle = 0;
  for (const auto& worker : workers_) idle += worker->upstreams->idleCount();
  return idle;
}

std::shared_ptr<const Snapshot> Engine::snapshot() const {
  auto current = active();
  return current ? current->snapshot : nullptr;
}

bool Engine::load(std::shared_ptr<const Snapshot> snapshot, std::string* error) {
  active_.store(std::make_shared<const ActiveSnapshot>(std::move(snapshot)));
  if (!running_) return true;
  return syncGatewayListeners(error);
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
    auto listener = std::make_shared<Listener>(workers_.front()->io, *this, ListenerKind::Gateway, gateway.gatewayPort);
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
    mesh_ = std::make_shared<Listener>(workers_.front()->io, *this, ListenerKind::Mesh);
    admin_ = std::make_shared<Listener>(workers_.front()->io, *this, ListenerKind::Admin);
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
  if (!syncGatewayListeners(&error)) {
    stop();
    return false;
  }
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

#pragma once

// A simulated pod, served for real: a loopback listener per pod whose connections are answered
// by answerAsPod (httpbin-like, with the pod's latency and error rate). The proxy reaches it
// through the same connection pools, circuit breakers, timeouts and resets as a real upstream,
// so what Envoy does to a slow or failing workload is what happens here, byte for byte.
//
// A pod keeps its server, and its port, across reloads as long as a pod of that name exists;
// the server answers with the pod's definition from the latest snapshot (retarget()).

#include <cstdint>
#include <memory>
#include <string>

#include "engine/IoTypes.h"
#include "engine/SharedSlot.h"

namespace meshstudio::engine {

class Engine;
class Listener;
struct Snapshot;

/// Which pod of which snapshot a PodServer answers as.
struct PodTarget {
  std::shared_ptr<const Snapshot> snapshot;
  std::size_t pod = 0;
};

class PodServer : public std::enable_shared_from_this<PodServer> {
 public:
  explicit PodServer(Engine& engine);
  ~PodServer();

  /// Binds 127.0.0.1 on an ephemeral port, accepting on `acceptorContext`; false with `error`
  /// when that fails. close() stops accepting.
  bool open(boost::asio::io_context& acceptorContext, std::string& error);
  void close();
  std::uint16_t port() const;

  void retarget(PodTarget target);
  std::shared_ptr<const PodTarget> target() const { return target_.load(); }

 private:
  Engine& engine_;
  std::shared_ptr<Listener> listener_;
  SharedSlot<const PodTarget> target_;
};

}  // namespace meshstudio::engine

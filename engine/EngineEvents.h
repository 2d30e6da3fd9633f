#pragma once

// What happens inside the running engine that a person watching it wants to see at once:
// outlier ejections and their end, snapshot reloads. Published from any thread; subscribers are
// called on the publishing thread and must only queue the event (the studio's bridge posts it
// to the GUI thread), never block.

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace meshstudio::engine {

struct EngineEvent {
  enum class Kind { Ejected, Unejected, Reloaded };
  Kind kind = Kind::Reloaded;
  std::string cluster;  ///< for ejections
  std::string host;     ///< the pod's address as /clusters shows it
  std::string detail;   ///< e.g. "consecutive_5xx, ejection 2 for 60000ms"
  std::chrono::system_clock::time_point time = std::chrono::system_clock::now();
};

class EngineEvents {
 public:
  using Subscriber = std::function<void(const EngineEvent&)>;
  /// Returns an id for unsubscribe().
  std::uint64_t subscribe(Subscriber subscriber);
  void unsubscribe(std::uint64_t id);
  void publish(const EngineEvent& event);

 private:
  std::mutex mutex_;
  std::vector<std::pair<std::uint64_t, Subscriber>> subscribers_;
  std::uint64_t nextId_ = 1;
};

}  // namespace meshstudio::engine

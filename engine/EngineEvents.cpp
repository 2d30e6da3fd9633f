#include "engine/EngineEvents.h"

#include <algorithm>

namespace meshstudio::engine {

std::uint64_t EngineEvents::subscribe(Subscriber subscriber) {
  std::lock_guard lock(mutex_);
  subscribers_.emplace_back(nextId_, std::move(subscriber));
  return nextId_++;
}

void EngineEvents::unsubscribe(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  std::erase_if(subscribers_, [id](const auto& entry) { return entry.first == id; });
}

void EngineEvents::publish(const EngineEvent& event) {
  std::lock_guard lock(mutex_);  // subscribers only queue, so holding the lock is short
  for (const auto& [id, subscriber] : subscribers_) subscriber(event);
}

}  // namespace meshstudio::engine

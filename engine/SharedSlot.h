#pragma once

// A shared_ptr that one thread replaces while others read it: the engine's active snapshot and a
// pod server's target. Readers get their own reference, so a reload never pulls a snapshot from
// under a request that is using it.
//
// Why not std::atomic<std::shared_ptr>: libstdc++ 12 guards it with a lock bit that load() releases
// with a relaxed store, so nothing orders a reader's copy before the next writer's store. That is
// harmless on x86 but a data race by the memory model, and ThreadSanitizer reports it on every
// reload. An uncontended mutex costs the same one atomic exchange that lock bit did, and every
// tool understands it.

#include <memory>
#include <mutex>
#include <utility>

namespace meshstudio::engine {

template <class T>
class SharedSlot {
 public:
  std::shared_ptr<T> load() const {
    std::lock_guard lock(mutex_);
    return value_;
  }

  void store(std::shared_ptr<T> value) {
    {
      std::lock_guard lock(mutex_);
      value_.swap(value);
    }
    // `value` now holds the old one: released here, outside the lock, since the last reference
    // may free a whole snapshot.
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<T> value_;
};

}  // namespace meshstudio::engine

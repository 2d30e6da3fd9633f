#pragma once

// How many downstream connections the mesh and Gateway listeners may hold open at once
// (`engine.limits.maxConnections`). The acceptor takes a slot for every connection it accepts;
// the slot goes wherever the connection goes (TlsInspector, then HttpSession) and is given back
// when that object is destroyed, however the connection ended. A connection over the budget is
// closed as soon as it is accepted, as Envoy's listener connection limit does, so a flood of
// clients costs a file descriptor for a moment and no memory. The admin listener has no budget:
// an overloaded engine can still be looked at.

#include <atomic>
#include <cstddef>
#include <utility>

namespace meshstudio::engine {

class ConnectionBudget {
 public:
  /// One open connection's share of the budget; empty when the connection is not counted.
  class Slot {
   public:
    Slot() = default;
    Slot(Slot&& other) noexcept : budget_(std::exchange(other.budget_, nullptr)) {}
    Slot& operator=(Slot&& other) noexcept;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() { release(); }

   private:
    friend class ConnectionBudget;
    explicit Slot(ConnectionBudget* budget) : budget_(budget) {}
    void release();
    ConnectionBudget* budget_ = nullptr;
  };

  /// Fills `slot` and returns true when fewer than `limit` connections hold one.
  bool tryTake(std::size_t limit, Slot& slot);
  std::size_t inUse() const { return inUse_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::size_t> inUse_{0};
};

}  // namespace meshstudio::engine

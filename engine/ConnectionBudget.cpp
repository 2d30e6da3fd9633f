#include "engine/ConnectionBudget.h"

namespace meshstudio::engine {

ConnectionBudget::Slot& ConnectionBudget::Slot::operator=(Slot&& other) noexcept {
  if (this != &other) {
    release();
    budget_ = std::exchange(other.budget_, nullptr);
  }
  return *this;
}

void ConnectionBudget::Slot::release() {
  if (budget_) budget_->inUse_.fetch_sub(1, std::memory_order_relaxed);
  budget_ = nullptr;
}

bool ConnectionBudget::tryTake(std::size_t limit, Slot& slot) {
  // Connections are accepted on one thread, so the count cannot overshoot by more than the
  // slots given back meanwhile; fetch_add keeps it exact anyway.
  if (inUse_.fetch_add(1, std::memory_order_relaxed) >= limit) {
    inUse_.fetch_sub(1, std::memory_order_relaxed);
    return false;
  }
  slot = Slot(this);
  return true;
}

}  // namespace meshstudio::engine

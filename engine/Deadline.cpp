#include "engine/Deadline.h"

#include <time.h>

namespace meshstudio::engine {

namespace {

/// Long deadlines (idle timeouts) read the coarse clock: a few nanoseconds instead of a full
/// clock read, and a few milliseconds of error on a minute does not matter. Short ones (route and
/// per-try timeouts) read the precise clock.
Deadline::Clock::time_point nowFor(std::chrono::milliseconds duration) {
  if (duration < std::chrono::seconds(5)) return Deadline::Clock::now();
  timespec coarse{};
  ::clock_gettime(CLOCK_MONOTONIC_COARSE, &coarse);
  return Deadline::Clock::time_point(std::chrono::seconds(coarse.tv_sec) + std::chrono::nanoseconds(coarse.tv_nsec));
}

}  // namespace

void Deadline::expireAfter(std::chrono::milliseconds duration) {
  if (cancelled_) return;
  deadline_ = nowFor(duration) + duration;
  // A timer already set to fire no later than the new deadline will re-check when it fires.
  if (armedFor_ == Clock::time_point::max() || deadline_ < armedFor_) arm(deadline_);
}

void Deadline::arm(Clock::time_point at) {
  armedFor_ = at;
  timer_.expires_at(at);  // cancels a pending wait, whose handler then sees operation_aborted
  timer_.async_wait([this, weak = owner_](boost::system::error_code error) {
    auto alive = weak.lock();
    if (!alive || error || cancelled_) return;
    armedFor_ = Clock::time_point::max();
    if (deadline_ == Clock::time_point::max()) return;    // cleared meanwhile: nothing to watch
    if (Clock::now() < deadline_) return arm(deadline_);  // the deadline moved on
    expired_ = true;
    onExpired_();
  });
}

void Deadline::cancel() {
  cancelled_ = true;
  armedFor_ = Clock::time_point::max();
  timer_.cancel();
}

}  // namespace meshstudio::engine

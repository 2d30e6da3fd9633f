#pragma once

// A deadline over a connection's operations. Beast's tcp_stream arms a timer for every read and
// write; on a proxy that is several timer insertions and removals per request. A Deadline
// instead keeps one timer per connection that is only re-armed when it fires early or must fire
// sooner: setting a later deadline (the common case: idle timeouts moving forward) costs one clock
// read. When the deadline passes, `onExpired` runs (it closes the socket, so the pending operation
// completes with operation_aborted) — every async operation stays bounded.

#include <chrono>
#include <functional>
#include <memory>

#include "engine/IoTypes.h"

namespace meshstudio::engine {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  /// `onExpired` runs on the executor.
  Deadline(Executor executor, std::function<void()> onExpired) : timer_(executor), onExpired_(std::move(onExpired)) {}

  /// The connection this deadline belongs to: a waiting timer does not keep it alive, and
  /// nothing happens when it fires after the connection is gone. Set once, before expireAfter.
  void setOwner(std::weak_ptr<void> owner) { owner_ = std::move(owner); }
  /// Operations from now on must finish within `duration`.
  void expireAfter(std::chrono::milliseconds duration);
  /// No deadline until the next expireAfter (an idle kept-alive upstream connection).
  void clear() { deadline_ = Clock::time_point::max(); }
  /// Stops the timer for good (the connection is closing).
  void cancel();
  bool expired() const { return expired_; }

 private:
  void arm(Clock::time_point at);

  Timer timer_;
  std::function<void()> onExpired_;
  std::weak_ptr<void> owner_;
  Clock::time_point deadline_ = Clock::time_point::max();
  Clock::time_point armedFor_ = Clock::time_point::max();  ///< max: not armed
  bool expired_ = false;
  bool cancelled_ = false;
};

}  // namespace meshstudio::engine

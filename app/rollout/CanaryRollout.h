#pragma once

// A progressive canary rollout as a state machine: set the step's weight, watch for the
// observation period, decide on the canary's numbers only, go on, wait, or roll back. The clock
// is passed in and nothing sleeps, so tests run a ten-minute rollout in microseconds; the
// runner (CLI loop, studio timer) calls poll() every now and then.

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "app/rollout/RolloutPlan.h"
#include "app/rollout/RolloutPorts.h"

namespace meshstudio::rollout {

enum class RolloutState {
  NotStarted,
  Observing,         ///< the current step's weight is set; its period is running
  AwaitingApproval,  ///< the next step needs a person's go
  Paused,
  Promoted,    ///< the canary has 100
  RolledBack,  ///< stable has 100 again
  Failed       ///< a weight could not be set, not even the rollback: a person must look
};

struct RolloutEvent {
  enum class Kind {
    WeightSet,
    Waiting,  ///< too few requests or no data: the step is extended
    Passed,
    GateFailed,
    AwaitingApproval,
    Approved,
    Paused,
    Resumed,
    Promoted,
    RolledBack,
    Error
  };
  std::chrono::milliseconds at{0};  ///< since the start
  Kind kind = Kind::WeightSet;
  int canaryWeight = 0;
  CanarySample sample;  ///< for Waiting, Passed and GateFailed
  std::string message;
};

const char* stateName(RolloutState state);
const char* eventName(RolloutEvent::Kind kind);

class CanaryRollout {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  CanaryRollout(RolloutPlan plan, WeightTarget& weights, MetricsSource& metrics, Clock clock);

  /// Sets the first step (or waits for its approval).
  void start();
  /// Decides whatever is due at the clock's now. Cheap when nothing is.
  void poll();

  void pause();
  /// Continues a paused rollout: the current step's period starts again.
  void resume();
  void approve();
  void promoteNow();
  void rollbackNow(const std::string& why = "rolled back by hand");

  RolloutState state() const { return state_; }
  bool finished() const;
  int canaryWeight() const { return weight_; }
  /// The step being observed or awaiting approval (index into plan().steps).
  std::size_t stepIndex() const { return step_; }
  const RolloutPlan& plan() const { return plan_; }
  const std::vector<RolloutEvent>& events() const { return events_; }
  /// Which gate failed and with what value, or why the rollout stopped; empty while running or promoted.
  const std::string& verdict() const { return verdict_; }

 private:
  void beginStep(std::size_t index);
  void setWeight(int percent);
  void decide();
  void rollBack(const std::string& why);
  void note(RolloutEvent::Kind kind, const std::string& message, const CanarySample& sample = {});
  std::chrono::steady_clock::time_point now() const { return clock_(); }

  RolloutPlan plan_;
  WeightTarget& weights_;
  MetricsSource& metrics_;
  Clock clock_;
  RolloutState state_ = RolloutState::NotStarted;
  std::size_t step_ = 0;
  int weight_ = 0;
  int waits_ = 0;
  std::chrono::steady_clock::time_point started_{};
  std::chrono::steady_clock::time_point stepStarted_{};
  std::chrono::steady_clock::time_point decideAt_{};
  std::vector<RolloutEvent> events_;
  std::string verdict_;
};

}  // namespace meshstudio::rollout

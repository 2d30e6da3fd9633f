#include "app/rollout/CanaryRollout.h"

#include <cstdio>

namespace meshstudio::rollout {
namespace {

std::string percentText(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f %%", share * 100);
  return buffer;
}

std::string millisecondsText(double ms) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f ms", ms);
  return buffer;
}

}  // namespace

const char* stateName(RolloutState state) {
  switch (state) {
    case RolloutState::NotStarted:
      return "not started";
    case RolloutState::Observing:
      return "observing";
    case RolloutState::AwaitingApproval:
      return "awaiting approval";
    case RolloutState::Paused:
      return "paused";
    case RolloutState::Promoted:
      return "promoted";
    case RolloutState::RolledBack:
      return "rolled back";
    case RolloutState::Failed:
      return "failed";
  }
  return "";
}

const char* eventName(RolloutEvent::Kind kind) {
  switch (kind) {
    case RolloutEvent::Kind::WeightSet:
      return "weight set";
    case RolloutEvent::Kind::Waiting:
      return "waiting";
    case RolloutEvent::Kind::Passed:
      return "passed";
    case RolloutEvent::Kind::GateFailed:
      return "gate failed";
    case RolloutEvent::Kind::AwaitingApproval:
      return "awaiting approval";
    case RolloutEvent::Kind::Approved:
      return "approved";
    case RolloutEvent::Kind::Paused:
      return "paused";
    case RolloutEvent::Kind::Resumed:
      return "resumed";
    case RolloutEvent::Kind::Promoted:
      return "promoted";
    case RolloutEvent::Kind::RolledBack:
      return "rolled back";
    case RolloutEvent::Kind::Error:
      return "error";
  }
  return "";
}

CanaryRollout::CanaryRollout(RolloutPlan plan, WeightTarget& weights, MetricsSource& metrics, Clock clock)
    : plan_(std::move(plan)), weights_(weights), metrics_(metrics), clock_(std::move(clock)) {}

bool CanaryRollout::finished() const {
  return state_ == RolloutState::Promoted || state_ == RolloutState::RolledBack || state_ == RolloutState::Failed;
}

void CanaryRollout::note(RolloutEvent::Kind kind, const std::string& message, const CanarySample& sample) {
  events_.push_back(
      {std::chrono::duration_cast<std::chrono::milliseconds>(now() - started_), kind, weight_, sample, message});
}

void CanaryRollout::start() {
  if (state_ != RolloutState::NotStarted) return;
  started_ = now();
  if (std::string problem = plan_.validate(); !problem.empty()) {
    state_ = RolloutState::Failed;
    verdict_ = problem;
    note(RolloutEvent::Kind::Error, problem);
    return;
  }
  beginStep(0);
}

void CanaryRollout::beginStep(std::size_t index) {
  step_ = index;
  const int target = plan_.steps[index];
  if (plan_.approvalBefore.count(target) && state_ != RolloutState::AwaitingApproval) {
    state_ = RolloutState::AwaitingApproval;
    note(RolloutEvent::Kind::AwaitingApproval, "step " + std::to_string(target) + " % waits for approval");
    return;
  }
  setWeight(target);
  if (state_ == RolloutState::Failed) return;
  state_ = RolloutState::Observing;
  waits_ = 0;
  stepStarted_ = now();
  decideAt_ = stepStarted_ + plan_.interval;
  metrics_.stepStarted();
}

void CanaryRollout::setWeight(int percent) {
  if (std::string error = weights_.setCanaryWeight(percent); !error.empty()) {
    state_ = RolloutState::Failed;
    verdict_ = "setting the canary weight to " + std::to_string(percent) + " % failed: " + error;
    note(RolloutEvent::Kind::Error, verdict_);
    return;
  }
  weight_ = percent;
  note(RolloutEvent::Kind::WeightSet,
       "canary " + std::to_string(percent) + " %, stable " + std::to_string(100 - percent) + " %");
}

void CanaryRollout::poll() {
  if (state_ == RolloutState::Observing && now() >= decideAt_) decide();
}

void CanaryRollout::decide() {
  auto window = std::chrono::duration_cast<std::chrono::milliseconds>(now() - stepStarted_);
  CanarySample sample = metrics_.sample(window);
  const RolloutGates& gates = plan_.gates;

  // Not enough to judge: wait another period rather than pass on too little (or no) evidence.
  std::string lacking;
  if (!sample.error.empty())
    lacking = "no metrics: " + sample.error;
  else if (sample.requests < gates.minRequests)
    lacking = std::to_string(sample.requests) + " canary requests, fewer than the " +
              std::to_string(gates.minRequests) + " needed";
  else if (gates.maxErrorRate && !sample.errorRate)
    lacking = "no error-rate data for the canary";
  else if (gates.maxP99Ms && !sample.p99Ms)
    lacking = "no latency data for the canary";
  if (!lacking.empty()) {
    if (++waits_ > plan_.maxWaitIntervals) {
      note(RolloutEvent::Kind::GateFailed, "gave up waiting: " + lacking, sample);
      rollBack("too little data after " + std::to_string(plan_.maxWaitIntervals) + " extra periods (" + lacking + ")");
      return;
    }
    note(RolloutEvent::Kind::Waiting, lacking + ": waiting another period", sample);
    decideAt_ = now() + plan_.interval;
    return;
  }

  if (gates.maxErrorRate && *sample.errorRate > *gates.maxErrorRate) {
    std::string why = "error rate " + percentText(*sample.errorRate) + " > " + percentText(*gates.maxErrorRate);
    note(RolloutEvent::Kind::GateFailed, why, sample);
    rollBack("error-rate gate failed at " + std::to_string(weight_) + " %: " + why);
    return;
  }
  if (gates.maxP99Ms && *sample.p99Ms > *gates.maxP99Ms) {
    std::string why = "p99 " + millisecondsText(*sample.p99Ms) + " > " + millisecondsText(*gates.maxP99Ms);
    note(RolloutEvent::Kind::GateFailed, why, sample);
    rollBack("p99 gate failed at " + std::to_string(weight_) + " %: " + why);
    return;
  }
  note(RolloutEvent::Kind::Passed, "gates passed at " + std::to_string(weight_) + " %", sample);
  if (step_ + 1 >= plan_.steps.size()) {
    state_ = RolloutState::Promoted;
    note(RolloutEvent::Kind::Promoted, "canary promoted: it has 100 %");
    return;
  }
  beginStep(step_ + 1);
}

void CanaryRollout::rollBack(const std::string& why) {
  verdict_ = why;
  setWeight(0);
  if (state_ == RolloutState::Failed) {
    verdict_ = why + "; and the rollback failed: " + verdict_;
    return;
  }
  state_ = RolloutState::RolledBack;
  note(RolloutEvent::Kind::RolledBack, "stable has 100 %: " + why);
}

void CanaryRollout::pause() {
  if (state_ != RolloutState::Observing) return;
  state_ = RolloutState::Paused;
  note(RolloutEvent::Kind::Paused, "paused at " + std::to_string(weight_) + " %");
}

void CanaryRollout::resume() {
  if (state_ != RolloutState::Paused) return;
  note(RolloutEvent::Kind::Resumed, "resumed: the period at " + std::to_string(weight_) + " % starts again");
  state_ = RolloutState::Observing;
  waits_ = 0;
  stepStarted_ = now();
  decideAt_ = stepStarted_ + plan_.interval;
  metrics_.stepStarted();
}

void CanaryRollout::approve() {
  if (state_ != RolloutState::AwaitingApproval) return;
  note(RolloutEvent::Kind::Approved, "step " + std::to_string(plan_.steps[step_]) + " % approved");
  beginStep(step_);
}

void CanaryRollout::promoteNow() {
  if (finished() || state_ == RolloutState::NotStarted) return;
  setWeight(100);
  if (state_ == RolloutState::Failed) return;
  state_ = RolloutState::Promoted;
  note(RolloutEvent::Kind::Promoted, "promoted by hand");
}

void CanaryRollout::rollbackNow(const std::string& why) {
  if (finished() || state_ == RolloutState::NotStarted) return;
  rollBack(why);
}

}  // namespace meshstudio::rollout

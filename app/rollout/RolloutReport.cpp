#include "app/rollout/RolloutReport.h"

#include <cstdio>

namespace meshstudio::rollout {
namespace {

using model::Value;

std::string fixed(double value, const char* format) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string numbers(const CanarySample& sample) {
  std::string text = std::to_string(sample.requests) + " req";
  text += sample.errorRate ? ", " + fixed(*sample.errorRate * 100, "%.2f") + " % 5xx" : ", 5xx n/a";
  text += sample.p99Ms ? ", p99 " + fixed(*sample.p99Ms, "%.1f") + " ms" : ", p99 n/a";
  return text;
}

bool hasNumbers(RolloutEvent::Kind kind) {
  return kind == RolloutEvent::Kind::Passed || kind == RolloutEvent::Kind::GateFailed ||
         kind == RolloutEvent::Kind::Waiting;
}

Value optionalNumber(const std::optional<double>& value) { return value ? Value::floating(*value) : Value::null(); }

}  // namespace

std::string RolloutReport::outcome(const CanaryRollout& rollout) {
  switch (rollout.state()) {
    case RolloutState::Promoted:
      return "promoted";
    case RolloutState::RolledBack:
      return "rolled back";
    case RolloutState::Failed:
      return "failed";
    default:
      return "stopped";
  }
}

std::string RolloutReport::eventLine(const RolloutEvent& event) {
  std::string line = "[" + fixed(static_cast<double>(event.at.count()) / 1000.0, "%7.1f") + " s] canary " +
                     fixed(event.canaryWeight, "%3.0f") + " %  " + eventName(event.kind) + ": " + event.message;
  if (hasNumbers(event.kind)) line += " (" + numbers(event.sample) + ")";
  return line;
}

cluster::HistoryEntry RolloutReport::historyEntry(const CanaryRollout& rollout, const std::string& target,
                                                  const std::string& server, const std::string& time) {
  const RolloutPlan& plan = rollout.plan();
  cluster::HistoryEntry entry;
  entry.time = time;
  entry.operation = "rollout";
  entry.context = target;
  entry.server = server;
  entry.fieldManager = "meshstudio";
  entry.result = outcome(rollout);
  Value details = Value::map();
  details.set("virtualService", Value::string(plan.virtualService));
  details.set("route", Value::integer(plan.routeIndex));
  details.set("stable", Value::string(plan.stableSubset));
  details.set("canary", Value::string(plan.canarySubset));
  Value steps = Value::seq();
  for (int step : plan.steps) steps.append(Value::integer(step));
  details.set("steps", std::move(steps));
  details.set("intervalMs", Value::integer(plan.interval.count()));
  details.set("maxErrorRate", optionalNumber(plan.gates.maxErrorRate));
  details.set("maxP99Ms", optionalNumber(plan.gates.maxP99Ms));
  details.set("minRequests", Value::integer(static_cast<std::int64_t>(plan.gates.minRequests)));
  details.set("verdict", Value::string(rollout.verdict()));
  Value events = Value::seq();
  for (const RolloutEvent& event : rollout.events()) {
    Value item = Value::map();
    item.set("atMs", Value::integer(event.at.count()));
    item.set("event", Value::string(eventName(event.kind)));
    item.set("canaryWeight", Value::integer(event.canaryWeight));
    item.set("message", Value::string(event.message));
    if (hasNumbers(event.kind)) {
      item.set("requests", Value::integer(static_cast<std::int64_t>(event.sample.requests)));
      item.set("errorRate", optionalNumber(event.sample.errorRate));
      item.set("p99Ms", optionalNumber(event.sample.p99Ms));
      item.set("stableErrorRate", optionalNumber(event.sample.stableErrorRate));
      item.set("stableP99Ms", optionalNumber(event.sample.stableP99Ms));
    }
    events.append(std::move(item));
  }
  details.set("events", std::move(events));
  entry.details = std::move(details);
  return entry;
}

std::string RolloutReport::markdown(const CanaryRollout& rollout, const std::string& target,
                                    const std::string& chartFile) {
  const RolloutPlan& plan = rollout.plan();
  std::string steps;
  for (int step : plan.steps) steps += (steps.empty() ? "" : ", ") + std::to_string(step);
  std::string md =
      "# Canary rollout of " + plan.virtualService + " (route " + std::to_string(plan.routeIndex) + ")\n\n";
  md += "- **Outcome:** " + outcome(rollout) + (rollout.verdict().empty() ? "" : " — " + rollout.verdict()) + "\n";
  md += "- **Target:** " + target + "\n";
  md += "- **Stable → canary:** " + plan.stableSubset + " → " + plan.canarySubset + "\n";
  md += "- **Steps (canary %):** " + steps + ", " + fixed(static_cast<double>(plan.interval.count()) / 1000.0, "%.1f") +
        " s each\n";
  md += "- **Gates:** error rate ≤ " +
        (plan.gates.maxErrorRate ? fixed(*plan.gates.maxErrorRate * 100, "%.2f") + " %" : std::string("off")) +
        ", p99 ≤ " + (plan.gates.maxP99Ms ? fixed(*plan.gates.maxP99Ms, "%.0f") + " ms" : std::string("off")) +
        ", at least " + std::to_string(plan.gates.minRequests) + " canary requests per step\n\n";
  if (!chartFile.empty()) md += "![Timeline](" + chartFile + ")\n\n";
  md +=
      "| time (s) | canary % | event | requests | 5xx (canary) | p99 ms (canary) | 5xx (stable) | p99 ms (stable) | "
      "note |\n|---:|---:|---|---:|---:|---:|---:|---:|---|\n";
  for (const RolloutEvent& event : rollout.events()) {
    auto cell = [](const std::optional<double>& value, double scale, const char* format) {
      return value ? fixed(*value * scale, format) : std::string("–");
    };
    const bool withNumbers = hasNumbers(event.kind);
    md += "| " + fixed(static_cast<double>(event.at.count()) / 1000.0, "%.1f") + " | " +
          std::to_string(event.canaryWeight) + " | " + eventName(event.kind) + " | " +
          (withNumbers ? std::to_string(event.sample.requests) : std::string()) + " | " +
          (withNumbers ? cell(event.sample.errorRate, 100, "%.2f %%") : "") + " | " +
          (withNumbers ? cell(event.sample.p99Ms, 1, "%.1f") : "") + " | " +
          (withNumbers ? cell(event.sample.stableErrorRate, 100, "%.2f %%") : "") + " | " +
          (withNumbers ? cell(event.sample.stableP99Ms, 1, "%.1f") : "") + " | " + event.message + " |\n";
  }
  return md;
}

}  // namespace meshstudio::rollout

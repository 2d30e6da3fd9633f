#pragma once

// A finished (or stopped) rollout told three ways: a history entry for the project's
// `.meshstudio/history`, a Markdown report, and one line per event for a terminal. Qt-free.

#include <string>

#include "app/cluster/ApplyHistory.h"
#include "app/rollout/CanaryRollout.h"

namespace meshstudio::rollout {

class RolloutReport {
 public:
  /// `target`: "engine (rehearsal)" or the cluster context; `server` empty for a rehearsal.
  static cluster::HistoryEntry historyEntry(const CanaryRollout& rollout, const std::string& target,
                                            const std::string& server, const std::string& time);
  /// Markdown: the plan, the outcome and verdict, and a table of every event with its numbers.
  /// `chartFile`, when given, is embedded as an image.
  static std::string markdown(const CanaryRollout& rollout, const std::string& target,
                              const std::string& chartFile = {});
  /// `[  12.0 s] canary  10 %  passed       gates passed at 10 % (412 req, 0.00 % 5xx, p99 8.7 ms)`
  static std::string eventLine(const RolloutEvent& event);
  /// The result word the history and the CLI use: promoted, rolled back, failed, stopped.
  static std::string outcome(const CanaryRollout& rollout);
};

}  // namespace meshstudio::rollout

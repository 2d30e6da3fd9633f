#pragma once

// Turns what the engine knows about one trial into the Trial dock's DecisionTrace: the explain
// trace (engine::RouteTrace, the same routing code live requests run) and, after a Send, what
// really happened to the request (its access-log entry and the answer), which wins wherever
// chance decides (the weighted draw, fault draws, the pod, retries).

#include <QCoreApplication>

#include <optional>
#include <string>

#include "engine/AccessLog.h"
#include "engine/Explain.h"
#include "views/DecisionTrace.h"

namespace meshstudio::app {

/// What a sent trial showed: its access-log entry (found by x-request-id) and parts of the answer.
struct ObservedTrial {
  std::optional<engine::AccessLogEntry> entry;
  int status = 0;
  std::string pod;    ///< the answering pod's `x-meshstudio-pod` header
  int attempts = -1;  ///< `x-envoy-attempt-count` as the pod received it (its echo); -1: unknown
  std::string error;  ///< the exchange failed
};

class TrialTraceBuilder {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::TrialTraceBuilder)

 public:
  /// The trace of `explanation` on `listener`; names pods from `snapshot`.
  static views::DecisionTrace fromExplanation(const engine::Explanation& explanation, const engine::Snapshot& snapshot,
                                              const std::string& listener);
  /// Replaces the parts chance decided with what `observed` saw; `trace.live` becomes true.
  static void applyObserved(views::DecisionTrace& trace, const ObservedTrial& observed);
  /// `outbound|9080|v2|reviews.shop.svc.cluster.local` → `v2` (empty when there is no subset).
  static std::string subsetOfCluster(const std::string& cluster);
};

}  // namespace meshstudio::app

#pragma once

// Plain data of the Canary dock (no rollout or cluster types: the app converts): what the panel
// asks for, what the project offers to pick, one rollout event for the timeline and the event
// list, and the state line.

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace meshstudio::views {

/// What a rollout event decided or did; the timeline marks the decisions.
enum class CanaryDecision {
  WeightSet,
  Waiting,  ///< too little traffic or no data: the step is extended
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

/// One event of a rollout, with the numbers of the observation window it decided on.
struct CanaryTimelineEvent {
  double seconds = 0;  ///< since the rollout started
  CanaryDecision kind = CanaryDecision::WeightSet;
  int canaryWeight = 0;  ///< the canary's weight after the event
  bool hasSample = false;
  quint64 canaryRequests = 0;
  quint64 stableRequests = 0;
  std::optional<double> canaryErrorRate;  ///< share of 5xx, 0..1; nullopt: no data
  std::optional<double> stableErrorRate;
  std::optional<double> canaryP99Ms;
  std::optional<double> stableP99Ms;
  QString message;
};

/// The gates as the timeline draws them.
struct CanaryThresholds {
  std::optional<double> maxErrorRate;  ///< share, 0..1
  std::optional<double> maxP99Ms;
};

/// A VirtualService the rollout can work on, with what each of its HTTP routes offers.
struct CanaryRouteChoice {
  QString virtualService;  ///< `namespace/name`
  QStringList routes;      ///< one label per spec.http entry: `1: canary`
  /// Per route: the subsets of its destinations, then the DestinationRule subsets of their hosts.
  QList<QStringList> subsets;
  QString defaultUrl;  ///< traffic for a rehearsal: `http://<first host>/`
};

enum class CanaryTargetKind { Rehearsal, Cluster };
enum class CanaryMetricsKind { Engine, Prometheus };

/// Everything the panel asks for, as typed (the app turns it into a rollout plan).
struct CanaryRolloutSettings {
  QString virtualService;  ///< `namespace/name`
  int routeIndex = 0;
  QString stableSubset;
  QString canarySubset;
  QList<int> steps{5, 10, 25, 50, 75, 100};
  double periodSeconds = 30;
  std::optional<double> maxErrorRatePercent = 1.0;  ///< percent; nullopt: the gate is off
  std::optional<double> maxP99Ms = 500;             ///< nullopt: the gate is off
  quint64 minRequests = 20;
  QList<int> approvalBefore;  ///< steps (weights) that wait for an Approve first
  CanaryTargetKind target = CanaryTargetKind::Rehearsal;
  double qps = 50;
  QString trafficUrl;  ///< empty: the VirtualService's first host
  QString clusterContext;
  CanaryMetricsKind metrics = CanaryMetricsKind::Engine;
  QString prometheusUrl;
  QString errorRateQuery;
  QString p99Query;
  QString requestsQuery;
};

/// The state line and what the buttons may do.
struct CanaryStatus {
  QString state;  ///< translated: "observing", "rolled back"...
  int canaryWeight = 0;
  QString verdict;
  bool running = false;  ///< a rollout is going on (its thread is alive)
  bool paused = false;
  bool awaitingApproval = false;
  bool finished = false;  ///< there is a finished (or stopped) rollout to report on
};

}  // namespace meshstudio::views

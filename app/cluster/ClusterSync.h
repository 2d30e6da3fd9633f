#pragma once

// The cluster workflows, over KubeApi: diff, dry run, apply (with opt-in prune), rollback and
// import. Synchronous: the studio runs them on a worker thread, the CLI on its main thread.
//
// An apply is all or nothing as far as the studio can make it: every resource is dry-run
// first and nothing is sent when any dry run fails; when a real apply fails half-way, what
// was already applied is put back (objects it created are deleted, objects it changed get
// the previous applied manifest, or release the studio's fields) and the history says so.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/cluster/ApplyHistory.h"
#include "app/cluster/ClusterDiff.h"
#include "app/cluster/KubeApi.h"
#include "model/Resource.h"

namespace meshstudio::cluster {

/// One object to ship: where it goes and the document as applied (canonical, namespace set).
struct ShipTarget {
  ObjectRef ref;
  model::Value document;
};

struct ResourceDiff {
  enum class State { New, Changed, Unchanged, Failed };
  ObjectRef ref;
  State state = State::New;
  std::vector<FieldChange> changes;
  model::Value local;
  std::optional<model::Value> live;  ///< without server-populated fields, in canonical order
  ClusterProblem problem;
};

struct ResourceOutcome {
  enum class Action { Created, Configured, Unchanged, Pruned, Restored, Failed, Skipped };
  ObjectRef ref;
  Action action = Action::Skipped;
  std::string resourceVersion;
  std::vector<std::string> warnings;
  ClusterProblem problem;  ///< for Failed (and Skipped: why)
  std::string note;        ///< e.g. why a prune candidate was left alone
};

struct ShipReport {
  bool dryRun = false;
  std::vector<ResourceOutcome> outcomes;
  std::string historyId;     ///< the history entry written; empty for dry runs
  std::string historyError;  ///< when the entry could not be written
  bool succeeded() const;
};

struct ShipOptions {
  bool dryRun = false;
  bool force = false;
  bool prune = false;
};

const char* actionName(ResourceOutcome::Action action);

class ClusterSync {
 public:
  /// (done, total, what is happening): called on the calling thread after each step.
  using Progress = std::function<void(int done, int total, const std::string& step)>;
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  ClusterSync(KubeApi& api, std::string defaultNamespace);

  /// The project's resources that go to a cluster: Istio networking kinds, parsed ones.
  static std::vector<ShipTarget> targetsOf(const std::vector<model::Resource>& resources,
                                           const std::string& defaultNamespace);

  std::vector<ResourceDiff> diff(const std::vector<ShipTarget>& targets, const Progress& progress = {});

  /// Dry run (nothing recorded) or apply (recorded in `history` when given). With
  /// `options.prune`, objects earlier entries applied that are not among `targets` are deleted,
  /// but only where the studio's field manager still owns them.
  ShipReport apply(const std::vector<ShipTarget>& targets, const ShipOptions& options, const ApplyHistory* history,
                   const Progress& progress = {});

  /// Re-applies what `entry` applied (and with prune, deletes what later entries added).
  ShipReport rollback(const HistoryEntry& entry, const ShipOptions& options, const ApplyHistory* history,
                      const Progress& progress = {});

  /// The Istio resources, Services and Deployments of `namespaceName`, as manifests (server
  /// fields stripped). Kinds the cluster does not serve are skipped; other failures are problems.
  KubeResult<std::vector<model::Value>> importNamespace(const std::string& namespaceName);

  /// The objects earlier entries applied on this server that `targets` no longer has.
  std::vector<ObjectRef> pruneCandidates(const std::vector<ShipTarget>& targets, const ApplyHistory& history) const;

  void setClock(Clock clock) { clock_ = std::move(clock); }

 private:
  ShipReport run(const std::vector<ShipTarget>& targets, const ShipOptions& options, const ApplyHistory* history,
                 const Progress& progress, const std::string& operation, const std::string& rolledBackTo);
  void restore(const std::vector<ResourceOutcome>& applied, const std::vector<std::optional<model::Value>>& before,
               const ApplyHistory* history, std::vector<ResourceOutcome>& outcomes);
  void prune(const std::vector<ShipTarget>& targets, const ShipOptions& options, const ApplyHistory& history,
             std::vector<ResourceOutcome>& outcomes);
  void record(ShipReport& report, const std::vector<ShipTarget>& targets, const ApplyHistory& history,
              const std::string& operation, const std::string& rolledBackTo);

  KubeApi& api_;
  std::string defaultNamespace_;
  Clock clock_;
};

}  // namespace meshstudio::cluster

#pragma once

// Runs one canary rollout for the Canary dock on its own QThread, because everything a rollout
// does may block: starting the rehearsal's engine, a Prometheus query (seconds, with its
// deadline), a server-side apply (the transport's 30 s timeout). Everything the rollout touches —
// the RolloutRehearsal or the cluster target (the KubeTransport is created on that thread, where
// its QNetworkAccessManager must live), the metrics source, the CanaryRollout itself and the
// 100 ms QTimer that polls it — is created, used and destroyed on that thread.
//
// Commands from the GUI (pause, resume, approve, promote, roll back, stop) are posted to the
// thread, queued. After each change the thread publishes a copy of the rollout under a mutex and
// posts changed() to the GUI thread, which reads it with snapshot(): the GUI never waits for the
// rollout, except in waitForFinished() (closing the studio must know how the rollout ended).

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/cluster/ClusterConnection.h"
#include "app/rollout/CanaryRollout.h"
#include "app/rollout/PrometheusMetricsSource.h"
#include "app/rollout/RolloutRehearsal.h"
#include "model/Resource.h"

class QThread;

namespace meshstudio::app {

/// What one rollout needs, copied from the document when it starts (the document may change
/// while the rollout runs; the rollout keeps what it started with).
struct CanaryRunSetup {
  rollout::RolloutPlan plan;
  bool onCluster = false;
  // A rehearsal: the project as it is now, the VirtualService's index in it.
  std::vector<model::Resource> resources;
  model::Value settings;
  std::size_t virtualService = 0;
  rollout::RehearsalOptions rehearsal;
  // A cluster: the resolved connection, the VirtualService as the project applies it, Prometheus.
  std::optional<cluster::ClusterConnection> connection;
  model::Value clusterDocument;
  std::string prometheusUrl;
  rollout::PromQlTemplates templates = rollout::PromQlTemplates::defaults();
  std::string service;  ///< destination_service as Istio names it: `reviews.shop.svc.cluster.local`
};

class CanaryRunner : public QObject {
  Q_OBJECT

 public:
  explicit CanaryRunner(QObject* parent = nullptr);
  /// Stops a rollout still running (leaving its weights: whoever closes must have asked first,
  /// see CanaryDock::confirmClose) and waits for its thread.
  ~CanaryRunner() override;

  /// Starts the thread, which builds the target and starts the rollout. False while one runs.
  bool start(CanaryRunSetup setup);
  /// True from start() until finished(): the thread is alive.
  bool isRunning() const { return thread_ != nullptr; }

  /// The rollout as the thread last published it (null before the first publication). A copy
  /// for reading — plan, state, weight, events, verdict — whose ports must never be called: the
  /// objects they refer to belong to the thread.
  std::shared_ptr<const rollout::CanaryRollout> snapshot() const;
  rollout::RolloutState state() const;
  int canaryWeight() const;
  /// Why the rollout could not start (engine, URL, transport...), empty otherwise.
  QString error() const;
  /// True when the last rollout was ended by stop(false): it is neither promoted nor rolled back.
  bool leftAsItWas() const { return leftAsItWas_; }

 public Q_SLOTS:
  void pause();
  void resume();
  void approve();
  void promoteNow();
  void rollbackNow();
  /// Ends the rollout: rolled back first when `rollBack`, else its weights stay as they are.
  /// finished() follows once the thread has released the target.
  void stop(bool rollBack);
  /// Waits (up to `milliseconds`, negative: as long as it takes) until the thread has ended,
  /// then emits finished() at once. True when it ended.
  bool waitForFinished(int milliseconds = 60000);

 Q_SIGNALS:
  /// A new snapshot: events, state or weight changed.
  void changed();
  /// The rollout is over (or never started: see error()) and its thread has ended.
  void finished();

 private:
  struct Worker;
  /// Runs `work` on the thread, after what was posted before.
  void post(std::function<void(Worker&)> work);
  // On the thread:
  void begin(Worker& worker);
  void publish(Worker& worker, bool force = false);
  void endIfFinished(Worker& worker);
  void end(Worker& worker);
  // On the GUI thread:
  void threadEnded();

  QThread* thread_ = nullptr;
  QObject* context_ = nullptr;      ///< lives on thread_: the receiver of posted work
  std::unique_ptr<Worker> worker_;  ///< touched only on thread_ (and deleted after it ended)
  CanaryRunSetup setup_;
  mutable std::mutex mutex_;  ///< guards snapshot_ and error_
  std::shared_ptr<const rollout::CanaryRollout> snapshot_;
  QString error_;
  bool leftAsItWas_ = false;
};

}  // namespace meshstudio::app

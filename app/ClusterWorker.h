#pragma once

// Runs the cluster workflows (cluster::ClusterSync over KubeApi over KubeTransport) on a thread
// of its own, so the GUI thread never waits for a cluster. The transport is created on that
// thread and only used there: it owns a QNetworkAccessManager, which is thread-affine, and
// KubeTransport::send spins a local event loop until its answer (or its timeout). Requests
// are queued to the thread one at a time; progress and results come back as signals, which
// reach receivers on the GUI thread queued.
//
// Every result carries the connection generation it was computed for: after connectTo() a
// result of the previous connection still arrives, and the receiver drops it (isCurrent()).

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cluster/ClusterConnection.h"
#include "app/cluster/ClusterSync.h"

namespace meshstudio::app {

/// What connecting found: discovery and the namespaces (either may have failed).
struct ClusterConnectReport {
  int generation = 0;
  cluster::KubeResult<cluster::IstioSupport> istio;
  cluster::KubeResult<std::vector<std::string>> namespaces;
  bool verifiesTls = true;
};

struct ClusterDiffReport {
  int generation = 0;
  std::vector<cluster::ShipTarget> targets;  ///< what was compared: an apply sends exactly these
  std::vector<cluster::ResourceDiff> diffs;
};

struct ClusterShipReport {
  int generation = 0;
  QString operation;  ///< apply, dry run, rollback
  cluster::ShipReport report;
};

struct ClusterImportReport {
  int generation = 0;
  std::string namespaceName;
  cluster::KubeResult<std::vector<model::Value>> manifests;
};

class ClusterWorker : public QObject {
  Q_OBJECT

 public:
  explicit ClusterWorker(QObject* parent = nullptr);
  /// Waits for the running call (bounded by the transport's timeout) and ends the thread.
  ~ClusterWorker() override;

  /// Drops the current transport and makes one for `connection` on the worker thread, then
  /// runs discovery and lists the namespaces: connected().
  void connectTo(const cluster::ClusterConnection& connection);
  /// Forgets the connection (a context that could not be resolved).
  void disconnect();
  int generation() const { return generation_; }
  bool isCurrent(int generation) const { return generation == generation_; }
  bool isBusy() const { return pending_ > 0; }

  /// ClusterSync::diff of `targets`: diffed().
  void diff(std::vector<cluster::ShipTarget> targets, const std::string& defaultNamespace);
  /// ClusterSync::apply (dry run or not) with the history of `projectFolder`: shipped().
  void apply(std::vector<cluster::ShipTarget> targets, const std::string& defaultNamespace,
             cluster::ShipOptions options, const std::string& projectFolder);
  /// ClusterSync::rollback of `entry`: shipped().
  void rollback(cluster::HistoryEntry entry, const std::string& defaultNamespace, cluster::ShipOptions options,
                const std::string& projectFolder);
  /// ClusterSync::importNamespace: imported().
  void importNamespace(const std::string& namespaceName);

  /// The transport's timeout for each request (default 30 s).
  void setTimeout(std::chrono::milliseconds timeout);

 Q_SIGNALS:
  void connected(const meshstudio::app::ClusterConnectReport& report);
  void progress(int generation, int done, int total, const QString& step);
  void diffed(const meshstudio::app::ClusterDiffReport& report);
  void shipped(const meshstudio::app::ClusterShipReport& report);
  void imported(const meshstudio::app::ClusterImportReport& report);
  /// A call was asked for without a connection.
  void notConnected(int generation);
  void busyChanged(bool busy);

 private:
  /// One apply, dry run or rollback on the worker thread: `step` runs it with the session's
  /// sync and the project's history; the report goes out as `shipped`.
  using ShipStep = std::function<cluster::ShipReport(cluster::ClusterSync&, const cluster::ApplyHistory*,
                                                     const cluster::ClusterSync::Progress&)>;
  void ship(QString operation, const std::string& defaultNamespace, const std::string& projectFolder, ShipStep step);
  struct Session;
  /// Queues `job` to the worker thread; busyChanged(true) when it is the first pending one,
  /// busyChanged(false) once the last one is done (after the signals it emitted).
  void run(std::function<void()> job);
  /// Worker thread: the session made for `generation`, nullptr when another one replaced it.
  Session* sessionFor(int generation) const;
  /// Worker thread: ClusterSync's progress as progress() signals.
  cluster::ClusterSync::Progress progressOf(int generation);

  QThread thread_;
  QObject* context_;                  ///< lives on thread_: the target of the queued jobs
  std::unique_ptr<Session> session_;  ///< touched only on thread_
  int generation_ = 0;                ///< GUI thread
  int pending_ = 0;                   ///< GUI thread
  std::chrono::milliseconds timeout_{30000};
};

}  // namespace meshstudio::app

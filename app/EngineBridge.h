#pragma once

// The one bridge between the embedded engine (Qt-free, on its own I/O threads) and the GUI
// thread. It lives in the GUI thread and owns the engine::Engine. Commands go in as calls
// (start, stop, restart, a trial to send or explain, the document's changes for live reload);
// everything the engine does comes out as queued signals, batched, so the GUI never blocks on
// the engine: access-log lines (every 100 ms), ejections and reloads, statistics (4×/s), and
// the results of trials, whose HTTP exchanges run on the bridge's worker threads.

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "model/Resource.h"
#include "model/Value.h"
#include "views/DecisionTrace.h"
#include "views/TrialRequest.h"
#include "views/TrialResult.h"

class QTimer;

namespace meshstudio::engine {
class Engine;
struct Snapshot;
}  // namespace meshstudio::engine

namespace meshstudio::model {
class Project;
}

namespace meshstudio::app {

class AccessLogTap;
class Document;
class TrialExchange;
struct TrialTarget;

/// What the engine counted so far, sampled about four times a second while it runs.
struct EngineStats {
  qint64 uptimeMs = 0;
  quint64 requests = 0;              ///< every request the engine recorded (Istio's requests_total)
  QHash<QString, quint64> counters;  ///< Envoy's /stats: `cluster.<name>.upstream_rq_total` → 12
};

/// An ejection, its end, or a reload, as the engine published it.
struct EngineEventInfo {
  enum class Kind { Ejected, Unejected, Reloaded };
  Kind kind = Kind::Reloaded;
  QString cluster, host, detail;
  QDateTime time;
};

class EngineBridge : public QObject {
  Q_OBJECT

 public:
  /// Where the listeners bind. Project: the addresses of meshstudio.yaml's `engine` section
  /// (mesh 127.0.0.1:15001, admin :15000, gateways 10000 + port), falling back to free ports when
  /// those are taken. Ephemeral: free ports on the same hosts (tests; several studios at once).
  enum class PortPolicy { Project, Ephemeral };
  enum class Health { Stopped, Running, Stale, Failed };
  struct ListenerAddress {
    QString name;     ///< `mesh`, `gateway 80`, `admin`
    QString address;  ///< `127.0.0.1:15001`
  };

  explicit EngineBridge(QObject* parent = nullptr);
  /// Stops the engine and cancels the trials in flight (their workers end at once).
  ~EngineBridge() override;

  /// Follows `document`: every change reaches documentChanged with the document's error count.
  void follow(const Document& document);
  void setPortPolicy(PortPolicy policy) { portPolicy_ = policy; }
  void setThreads(int threads) { threads_ = threads; }
  /// How long a trial may take before it is abandoned (default 30 s).
  void setTrialTimeout(int milliseconds) { trialTimeoutMs_ = milliseconds; }

  bool isRunning() const;
  Health health() const;
  /// One line for the status bar: "Engine stopped", "Engine running revision 12", "Running revision
  /// 12; revision 14 has 2 errors — not applied".
  QString statusText() const;
  /// The listeners, the configuration warnings, the last error: for the status bar's tooltip.
  QString statusDetails() const;
  QList<ListenerAddress> listeners() const;
  /// The document revision the engine runs, 0 when stopped.
  quint64 runningRevision() const { return isRunning() ? runningRevision_ : 0; }
  /// The last error of start() or a reload.
  QString lastError() const { return lastError_; }
  /// The running engine (for the load test and its counters), nullptr when stopped. Replaced by
  /// every start().
  engine::Engine* engine() const;
  /// What Explain and trial suites use: the running configuration, else the document's current
  /// one compiled on demand. Null when no project is open.
  std::shared_ptr<const engine::Snapshot> currentSnapshot();
  /// How long compiling the last snapshot took (ms), for the record.
  double lastCompileMs() const { return lastCompileMs_; }

  /// Sends `request` through the running engine on a worker thread; the answer comes with
  /// trialFinished(id, ...). Returns the trial's id (never 0). Never blocks.
  quint64 sendTrial(const views::TrialRequest& request);
  /// The same trace without traffic (engine::explain), on the running configuration.
  void explainTrial(const views::TrialRequest& request, views::TrialResult& result, views::DecisionTrace& trace);
  /// Where `request` would go: listener and local address (curl, the status of a trial).
  TrialTarget targetFor(const views::TrialRequest& request);
  /// The project's hosts and gateway URLs, for the URL field.
  QStringList urlSuggestions() const;

 public Q_SLOTS:
  bool start();
  void stop();
  bool restart();
  /// Live reload: with no errors the project is compiled (on a worker) and loaded into the
  /// running engine; with errors the last good configuration keeps running and the state says so.
  /// `project` must stay valid until the next call (the Document's project does).
  void documentChanged(const meshstudio::model::Project& project, quint64 revision, int errorCount);

 Q_SIGNALS:
  void stateChanged();
  /// A batch of access-log lines (Istio's format), oldest first.
  void accessLogLines(const QStringList& lines);
  void engineEvent(const meshstudio::app::EngineEventInfo& event);
  void statsUpdated(const meshstudio::app::EngineStats& stats);
  /// A new configuration is running.
  void reloaded(quint64 revision);
  void trialFinished(quint64 id, const meshstudio::views::TrialResult& result,
                     const meshstudio::views::DecisionTrace& trace);

 private:
  struct CompileJob {
    quint64 revision = 0;
    std::vector<model::Resource> resources;
    model::Value settings;
  };
  CompileJob jobForCurrent() const;
  /// The settings the snapshot is compiled with: the project's, with free ports when asked.
  model::Value effectiveSettings(const model::Project& project) const;
  void queueCompile(CompileJob job);
  void runCompile(CompileJob job);
  void compiled(quint64 revision, std::shared_ptr<const engine::Snapshot> snapshot, double milliseconds);
  bool startWith(std::shared_ptr<const engine::Snapshot> snapshot, quint64 revision);
  void drain();
  void sampleStats();
  void setFailed(const QString& error);

  const model::Project* project_ = nullptr;
  quint64 revision_ = 0;  ///< the document's
  int errors_ = 0;        ///< in that revision
  PortPolicy portPolicy_ = PortPolicy::Project;
  bool ephemeralFallback_ = false;  ///< the project's ports were taken: running on free ones
  int threads_ = 2;
  int trialTimeoutMs_ = 30000;

  std::unique_ptr<engine::Engine> engine_;
  std::shared_ptr<AccessLogTap> tap_;
  quint64 runningRevision_ = 0;
  std::shared_ptr<const engine::Snapshot> explainSnapshot_;  ///< compiled on demand while stopped
  quint64 explainRevision_ = 0;
  bool compiling_ = false;
  std::unique_ptr<CompileJob> pending_;
  double lastCompileMs_ = 0;
  QString lastError_;
  bool failed_ = false;
  QDateTime startedAt_;

  QThreadPool compilePool_;
  QThreadPool trialPool_;
  std::mutex inflightMutex_;
  std::set<std::shared_ptr<TrialExchange>> inflight_;
  quint64 nextTrial_ = 0;
  QTimer* drainTimer_;
  QTimer* statsTimer_;
};

}  // namespace meshstudio::app

Q_DECLARE_METATYPE(meshstudio::app::EngineStats)
Q_DECLARE_METATYPE(meshstudio::app::EngineEventInfo)

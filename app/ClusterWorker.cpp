#include "app/ClusterWorker.h"

#include "app/cluster/KubeApi.h"
#include "app/cluster/KubeTransport.h"

namespace meshstudio::app {

/// One connection, made and used on the worker thread only.
struct ClusterWorker::Session {
  int generation = 0;
  std::unique_ptr<cluster::KubeTransport> transport;
  std::unique_ptr<cluster::KubeApi> api;
};

ClusterWorker::ClusterWorker(QObject* parent) : QObject(parent), context_(new QObject) {
  // Queued across threads, so the meta-type system must be able to copy them.
  qRegisterMetaType<ClusterConnectReport>();
  qRegisterMetaType<ClusterDiffReport>();
  qRegisterMetaType<ClusterShipReport>();
  qRegisterMetaType<ClusterImportReport>();
  thread_.setObjectName(QStringLiteral("cluster worker"));
  context_->moveToThread(&thread_);
  thread_.start();
}

ClusterWorker::~ClusterWorker() {
  // Nobody listens any more (the receivers are going away with us); the queued jobs still run,
  // then the connection is closed on the thread that made it.
  QObject::disconnect(this, nullptr, nullptr, nullptr);
  QMetaObject::invokeMethod(
      context_, [this] { session_.reset(); }, Qt::QueuedConnection);
  thread_.quit();
  thread_.wait();
  delete context_;
}

void ClusterWorker::run(std::function<void()> job) {
  if (++pending_ == 1) Q_EMIT busyChanged(true);
  QMetaObject::invokeMethod(
      context_,
      [this, job = std::move(job)] {
        job();
        // Back on the GUI thread, after the job's own (queued) signals.
        QMetaObject::invokeMethod(
            this,
            [this] {
              if (--pending_ == 0) Q_EMIT busyChanged(false);
            },
            Qt::QueuedConnection);
      },
      Qt::QueuedConnection);
}

ClusterWorker::Session* ClusterWorker::sessionFor(int generation) const {
  return session_ && session_->generation == generation ? session_.get() : nullptr;
}

cluster::ClusterSync::Progress ClusterWorker::progressOf(int generation) {
  return [this, generation](int done, int total, const std::string& step) {
    Q_EMIT progress(generation, done, total, QString::fromStdString(step));
  };
}

void ClusterWorker::connectTo(const cluster::ClusterConnection& connection) {
  const int generation = ++generation_;
  const std::chrono::milliseconds timeout = timeout_;
  run([this, connection, generation, timeout] {
    session_.reset();  // the old transport goes on its own thread
    auto session = std::make_unique<Session>();
    session->generation = generation;
    session->transport = std::make_unique<cluster::KubeTransport>(connection, timeout);
    session->api = std::make_unique<cluster::KubeApi>(*session->transport);
    ClusterConnectReport report;
    report.generation = generation;
    report.verifiesTls = session->transport->verifiesTls();
    report.istio = session->api->istioSupport();
    // When the server cannot be reached, asking again would only wait for a second timeout.
    const auto kind = report.istio.problem.kind;
    if (kind != cluster::ClusterProblem::Kind::Unreachable && kind != cluster::ClusterProblem::Kind::Unauthorized)
      report.namespaces = session->api->namespaces();
    session_ = std::move(session);
    Q_EMIT connected(report);
  });
}

void ClusterWorker::disconnect() {
  ++generation_;
  run([this] { session_.reset(); });
}

void ClusterWorker::diff(std::vector<cluster::ShipTarget> targets, const std::string& defaultNamespace) {
  const int generation = generation_;
  run([this, targets = std::move(targets), defaultNamespace, generation] {
    Session* session = sessionFor(generation);
    if (!session) {
      Q_EMIT notConnected(generation);
      return;
    }
    cluster::ClusterSync sync(*session->api, defaultNamespace);
    ClusterDiffReport report;
    report.generation = generation;
    report.diffs = sync.diff(targets, progressOf(generation));
    report.targets = targets;
    Q_EMIT diffed(report);
  });
}

void ClusterWorker::apply(std::vector<cluster::ShipTarget> targets, const std::string& defaultNamespace,
                          cluster::ShipOptions options, const std::string& projectFolder) {
  ship(options.dryRun ? QStringLiteral("dry run") : QStringLiteral("apply"), defaultNamespace, projectFolder,
       [targets = std::move(targets), options](cluster::ClusterSync& sync, const cluster::ApplyHistory* history,
                                               const cluster::ClusterSync::Progress& progress) {
         return sync.apply(targets, options, history, progress);
       });
}

void ClusterWorker::rollback(cluster::HistoryEntry entry, const std::string& defaultNamespace,
                             cluster::ShipOptions options, const std::string& projectFolder) {
  ship(QStringLiteral("rollback"), defaultNamespace, projectFolder,
       [entry = std::move(entry), options](cluster::ClusterSync& sync, const cluster::ApplyHistory* history,
                                           const cluster::ClusterSync::Progress& progress) {
         return sync.rollback(entry, options, history, progress);
       });
}

void ClusterWorker::ship(QString operation, const std::string& defaultNamespace, const std::string& projectFolder,
                         ShipStep step) {
  const int generation = generation_;
  run([this, operation = std::move(operation), defaultNamespace, projectFolder, step = std::move(step), generation] {
    Session* session = sessionFor(generation);
    if (!session) {
      Q_EMIT notConnected(generation);
      return;
    }
    cluster::ClusterSync sync(*session->api, defaultNamespace);
    const cluster::ApplyHistory history(projectFolder);
    ClusterShipReport report;
    report.generation = generation;
    report.operation = operation;
    // A project that was never saved has no folder: nothing to record into (nor to prune from).
    report.report = step(sync, projectFolder.empty() ? nullptr : &history, progressOf(generation));
    Q_EMIT shipped(report);
  });
}

void ClusterWorker::importNamespace(const std::string& namespaceName) {
  const int generation = generation_;
  run([this, namespaceName, generation] {
    Session* session = sessionFor(generation);
    if (!session) {
      Q_EMIT notConnected(generation);
      return;
    }
    cluster::ClusterSync sync(*session->api, namespaceName);
    ClusterImportReport report;
    report.generation = generation;
    report.namespaceName = namespaceName;
    report.manifests = sync.importNamespace(namespaceName);
    Q_EMIT imported(report);
  });
}

void ClusterWorker::setTimeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }

}  // namespace meshstudio::app

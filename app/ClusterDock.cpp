#include "app/ClusterDock.h"

#include <algorithm>

#include <QAction>
#include <QDockWidget>
#include <QRegularExpression>
#include <QStatusBar>

#include "app/ClusterViewData.h"
#include "app/Document.h"
#include "app/MainWindow.h"
#include "app/ResourceListCommands.h"
#include "app/cluster/ProxyRoute.h"
#include "views/ClusterDiffView.h"
#include "views/ClusterPanel.h"

namespace meshstudio::app {
namespace {

/// `cluster-<context>-<namespace>.yaml`, with what a file name should not hold (EKS contexts are
/// ARNs: `arn:aws:eks:…:cluster/name`) replaced by dashes.
QString importFileName(const QString& context, const QString& namespaceName) {
  static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
  QString name = QStringLiteral("cluster-%1-%2").arg(context, namespaceName);
  name.replace(unsafe, QStringLiteral("-"));
  return name + QStringLiteral(".yaml");
}

}  // namespace

ClusterDock::ClusterDock(MainWindow& window, QDockWidget* tabifyWith)
    : QObject(&window),
      window_(window),
      panel_(new views::ClusterPanel),
      diffView_(new views::ClusterDiffView),
      worker_(new ClusterWorker(this)) {
  dock_ = new QDockWidget(tr("Cluster"), &window);
  dock_->setObjectName(QStringLiteral("clusterDock"));
  dock_->setWidget(panel_);
  window.addDockWidget(Qt::BottomDockWidgetArea, dock_);
  diffDock_ = new QDockWidget(tr("Cluster Diff"), &window);
  diffDock_->setObjectName(QStringLiteral("clusterDiffDock"));
  diffDock_->setWidget(diffView_);
  window.addDockWidget(Qt::BottomDockWidgetArea, diffDock_);
  if (tabifyWith) {
    window.tabifyDockWidget(tabifyWith, dock_);
    window.tabifyDockWidget(tabifyWith, diffDock_);
  }
  diffDock_->hide();  // until there is a diff to show
  // Nothing is contacted at start-up: the first time the dock is shown, it connects.
  connect(dock_, &QDockWidget::visibilityChanged, this, [this](bool visible) {
    if (visible && !triedToConnect_) reloadKubeconfig();
  });

  connect(panel_, &views::ClusterPanel::contextChosen, this, &ClusterDock::connectContext);
  connect(panel_, &views::ClusterPanel::namespaceChosen, this,
          [this](const QString& chosen) { namespaceChosen_ = !chosen.isEmpty() && chosen != defaultNamespace(); });
  connect(panel_, &views::ClusterPanel::reconnectRequested, this, &ClusterDock::reloadKubeconfig);
  connect(panel_, &views::ClusterPanel::importRequested, this, &ClusterDock::importFromCluster);
  connect(panel_, &views::ClusterPanel::diffRequested, this, &ClusterDock::showDiff);
  connect(panel_, &views::ClusterPanel::dryRunRequested, this, &ClusterDock::dryRun);
  connect(panel_, &views::ClusterPanel::applyRequested, this, &ClusterDock::apply);
  connect(panel_, &views::ClusterPanel::forceApplyRequested, this, &ClusterDock::applyWithForce);
  connect(panel_, &views::ClusterPanel::rollbackRequested, this, &ClusterDock::rollbackTo);
  connect(panel_, &views::ClusterPanel::fieldActivated, this, &ClusterDock::showFieldOf);
  connect(diffView_, &views::ClusterDiffView::confirmed, this, &ClusterDock::onConfirmed);
  connect(diffView_, &views::ClusterDiffView::cancelled, this, [this] {
    previewTargets_.clear();
    panel_->setMessage(tr("Apply cancelled: nothing was sent."));
    dock_->raise();
  });

  connect(worker_, &ClusterWorker::connected, this, &ClusterDock::onConnected);
  connect(worker_, &ClusterWorker::diffed, this, &ClusterDock::onDiffed);
  connect(worker_, &ClusterWorker::shipped, this, &ClusterDock::onShipped);
  connect(worker_, &ClusterWorker::imported, this, &ClusterDock::onImported);
  connect(worker_, &ClusterWorker::progress, this, [this](int generation, int done, int total, const QString& step) {
    if (worker_->isCurrent(generation)) panel_->setProgress(done, total, step);
  });
  connect(worker_, &ClusterWorker::notConnected, this, [this](int generation) {
    if (worker_->isCurrent(generation)) panel_->setMessage(tr("Not connected: choose a context, or Reconnect."));
  });

  auto addAction = [this](const QString& text, const QString& name, void (ClusterDock::*slot)()) {
    auto* action = new QAction(text, this);
    action->setObjectName(name);
    connect(action, &QAction::triggered, this, [this, slot] { whenConnected([this, slot] { (this->*slot)(); }); });
    actions_.append(action);
  };
  addAction(tr("&Import from Cluster…"), QStringLiteral("actionClusterImport"), &ClusterDock::importFromCluster);
  addAction(tr("&Diff with Cluster"), QStringLiteral("actionClusterDiff"), &ClusterDock::showDiff);
  addAction(tr("D&ry Run"), QStringLiteral("actionClusterDryRun"), &ClusterDock::dryRun);
  addAction(tr("&Apply to Cluster…"), QStringLiteral("actionClusterApply"), &ClusterDock::apply);
  connect(worker_, &ClusterWorker::busyChanged, this, [this](bool busy) {
    panel_->setBusy(busy, tr("Talking to the cluster…"));
    for (QAction* action : std::as_const(actions_)) action->setEnabled(!busy);
  });

  // Another project: its namespace and its history.
  connect(window.document(), &Document::folderChanged, this, [this] {
    if (!namespaceChosen_ && connection_) panel_->setNamespaces({}, defaultNamespace());
    refreshHistory();
  });
}

ClusterDock::~ClusterDock() = default;

bool ClusterDock::isConnected() const { return connected_; }

QString ClusterDock::namespaceName() const { return panel_->namespaceName(); }

QString ClusterDock::defaultNamespace() const {
  const model::Value* configured = window_.document()->project().settings().find("defaultNamespace");
  if (configured && configured->isString() && !configured->text().empty())
    return QString::fromStdString(configured->text());
  return connection_ ? QString::fromStdString(connection_->namespaceName) : QStringLiteral("default");
}

std::string ClusterDock::projectFolder() const { return window_.document()->folder().toStdString(); }

// --- Connecting ----------------------------------------------------------------------------------

void ClusterDock::reloadKubeconfig() {
  triedToConnect_ = true;
  kubeconfig_ = cluster::Kubeconfig::load(cluster::Kubeconfig::defaultFiles());
  QStringList names;
  for (const cluster::KubeconfigContext& context : kubeconfig_.contexts())
    names << QString::fromStdString(context.name);
  QString current = panel_->context();
  if (!names.contains(current)) current = QString::fromStdString(kubeconfig_.currentContext());
  if (!names.contains(current) && !names.isEmpty()) current = names.front();
  panel_->setContexts(names, current);
  if (!kubeconfig_.isValid() || names.isEmpty()) {
    connection_.reset();
    connected_ = false;
    afterConnect_ = nullptr;
    worker_->disconnect();
    views::ClusterStatus status;
    status.state =
        kubeconfig_.isValid() ? views::ClusterStatus::State::NoKubeconfig : views::ClusterStatus::State::Failed;
    QStringList errors;
    for (const std::string& error : kubeconfig_.errors()) errors << QString::fromStdString(error);
    status.message = errors.join(QLatin1Char('\n'));
    panel_->setStatus(status);
    return;
  }
  connectContext(current);
}

void ClusterDock::connectContext(const QString& context) {
  triedToConnect_ = true;
  connected_ = false;
  std::string error;
  connection_ = kubeconfig_.resolve(context.toStdString(), error);
  views::ClusterStatus status;
  status.context = context;
  if (!connection_) {
    afterConnect_ = nullptr;
    worker_->disconnect();
    status.state = views::ClusterStatus::State::Failed;
    status.message = QString::fromStdString(error);
    panel_->setStatus(status);
    return;
  }
  status.state = views::ClusterStatus::State::Connecting;
  status.server = QString::fromStdString(connection_->server);
  status.authentication = QString::fromStdString(connection_->authenticationSummary());
  status.insecureTls = connection_->insecureSkipTlsVerify;
  status.proxy = QString::fromStdString(
      cluster::ProxyRoute::choose(connection_->server, connection_->proxyUrl, cluster::ProxyEnvironment::fromProcess())
          .describe());
  panel_->setStatus(status);
  worker_->connectTo(*connection_);
}

void ClusterDock::whenConnected(std::function<void()> intent) {
  afterConnect_ = std::move(intent);
  dock_->show();
  dock_->raise();  // a first showing starts the connection
  if (connected_) {
    std::function<void()> now = std::move(afterConnect_);
    afterConnect_ = nullptr;
    now();
  } else if (panel_->status().state != views::ClusterStatus::State::Connecting) {
    reloadKubeconfig();
  }
}

void ClusterDock::onConnected(const ClusterConnectReport& report) {
  if (!worker_->isCurrent(report.generation) || !connection_) return;
  views::ClusterStatus status = panel_->status();
  status.insecureTls = !report.verifiesTls;
  if (report.istio.ok()) {
    connected_ = true;
    status.state = views::ClusterStatus::State::Connected;
    status.istioVersions.clear();
    for (const std::string& version : report.istio.value.versions)
      status.istioVersions << QString::fromStdString(version);
    status.preferredVersion = QString::fromStdString(report.istio.value.preferredVersion);
  } else {
    status.state = views::ClusterStatus::State::Failed;
    status.message = QString::fromStdString(report.istio.problem.message);
  }
  QStringList namespaces;
  for (const std::string& name : report.namespaces.value) namespaces << QString::fromStdString(name);
  if (connected_ && !report.namespaces.ok())
    status.message = tr("The namespaces could not be listed (type one): %1")
                         .arg(QString::fromStdString(report.namespaces.problem.message));
  panel_->setStatus(status);
  panel_->setNamespaces(namespaces, namespaceChosen_ ? panel_->namespaceName() : defaultNamespace());
  refreshHistory();
  std::function<void()> intent = std::move(afterConnect_);
  afterConnect_ = nullptr;
  if (connected_ && intent) intent();
}

// --- Diff and apply --------------------------------------------------------------------------------

void ClusterDock::showDiff() { startDiff(DiffPurpose::Show, false); }

void ClusterDock::apply() { startDiff(DiffPurpose::ConfirmApply, panel_->force()); }

void ClusterDock::applyWithForce() { startDiff(DiffPurpose::ConfirmApply, true); }

void ClusterDock::startDiff(DiffPurpose purpose, bool force) {
  if (!connected_) return;
  const std::string ns = namespaceName().toStdString();
  if (ns.empty()) {
    panel_->setMessage(tr("Choose a namespace first."));
    return;
  }
  diffPurpose_ = purpose;
  forcePreview_ = force;
  previewTargets_.clear();
  previewNamespace_ = ns;
  panel_->setMessage(tr("Comparing the project with the cluster…"));
  worker_->diff(cluster::ClusterSync::targetsOf(window_.document()->resources(), ns), ns);
}

void ClusterDock::onDiffed(const ClusterDiffReport& report) {
  if (!worker_->isCurrent(report.generation)) return;
  const QString target = tr("%1, namespace %2").arg(panel_->context(), QString::fromStdString(previewNamespace_));
  diffView_->setRows(diffRowsOf(report.diffs), tr("Project against %1").arg(target));
  showDiffDock();
  const int changes = changeCountOf(report.diffs);
  panel_->setMessage(tr("Diff: %n resource(s) would be created or changed.", nullptr, changes));
  if (diffPurpose_ != DiffPurpose::ConfirmApply) return;

  previewTargets_ = report.targets;
  const bool prune = prunePreview_ = panel_->prune();
  QStringList question;
  question << (changes > 0
                   ? tr("Apply to %1: %n resource(s) created or changed, after a dry run of every one.", nullptr,
                        changes)
                         .arg(target)
                   : tr("Nothing to apply to %1: the cluster already has the project's configuration.").arg(target));
  if (forcePreview_) question << tr("Force: fields other managers own are taken over.");
  if (prune) question << tr("Prune: what earlier applies created and the project no longer has is deleted.");
  int unparsed = 0;
  for (const model::Resource& resource : window_.document()->resources()) unparsed += resource.isUnparsed() ? 1 : 0;
  if (unparsed > 0) question << tr("%n document(s) that do not parse are not sent.", nullptr, unparsed);
  diffView_->askToConfirm(question.join(QLatin1Char(' ')),
                          changes == 1  ? tr("Apply 1 change")
                          : changes > 1 ? tr("Apply %1 changes").arg(changes)
                                        : tr("Apply"),
                          changes > 0 || prune);
}

void ClusterDock::onConfirmed() {
  if (!connected_) return;
  panel_->setMessage(tr("Applying…"));
  dock_->raise();
  worker_->apply(previewTargets_, previewNamespace_, {false, forcePreview_, prunePreview_}, projectFolder());
}

void ClusterDock::dryRun() {
  if (!connected_) return;
  const std::string ns = namespaceName().toStdString();
  panel_->setMessage(tr("Dry run…"));
  worker_->apply(cluster::ClusterSync::targetsOf(window_.document()->resources(), ns), ns,
                 {true, panel_->force(), panel_->prune()}, projectFolder());
}

void ClusterDock::onShipped(const ClusterShipReport& report) {
  if (!worker_->isCurrent(report.generation)) return;
  const cluster::ShipReport& shipped = report.report;
  const QString id = QString::fromStdString(shipped.historyId);
  QString title;
  if (shipped.dryRun)
    title = shipped.succeeded() ? tr("Dry run: the server accepts every resource. Nothing was changed.")
                                : tr("Dry run: the server refused (see below). Nothing was changed.");
  else if (report.operation == QLatin1String("rollback"))
    title = shipped.succeeded() ? tr("Rolled back, recorded as %1.").arg(id)
                                : tr("Rollback failed (see below); recorded as %1.").arg(id);
  else if (shipped.succeeded())
    title = tr("Applied, recorded as %1.").arg(id);
  else if (std::any_of(shipped.outcomes.begin(), shipped.outcomes.end(), [](const cluster::ResourceOutcome& o) {
             return o.action == cluster::ResourceOutcome::Action::Restored;
           }))
    title = tr("Apply failed (see below): what was applied before the failure was put back.");
  else
    title = tr("Apply refused (see below): nothing was changed in the cluster.");
  QStringList notes;
  if (!shipped.historyError.empty())
    notes << tr("The history entry was not written: %1").arg(QString::fromStdString(shipped.historyError));
  panel_->setOutcomes(title, outcomeRowsOf(shipped), notes);
  window_.statusBar()->showMessage(title, 8000);
  refreshHistory();
}

// --- Import, history, rollback ---------------------------------------------------------------------

void ClusterDock::importFromCluster() {
  if (!connected_) return;
  if (!window_.document()->isOpen()) {
    panel_->setMessage(tr("Open or create a project first: imported resources become part of it."));
    return;
  }
  const std::string ns = namespaceName().toStdString();
  if (ns.empty()) {
    panel_->setMessage(tr("Choose a namespace first."));
    return;
  }
  panel_->setMessage(tr("Reading namespace %1…").arg(QString::fromStdString(ns)));
  worker_->importNamespace(ns);
}

void ClusterDock::onImported(const ClusterImportReport& report) {
  if (!worker_->isCurrent(report.generation)) return;
  const QString ns = QString::fromStdString(report.namespaceName);
  if (!report.manifests.ok()) {
    panel_->setMessage(tr("Import failed: %1").arg(QString::fromStdString(report.manifests.problem.message)));
    return;
  }
  Document& document = *window_.document();
  const QString file = importFileName(panel_->context(), ns);
  // Appended after what an earlier import put in the same file.
  int nextIndex = 0;
  for (const model::Resource& resource : document.resources())
    if (resource.source().file == file.toStdString()) nextIndex = qMax(nextIndex, resource.source().documentIndex + 1);
  std::vector<model::Resource> added;
  int skipped = 0;
  for (const model::Value& manifest : report.manifests.value) {
    model::Resource resource =
        model::Resource::fromDocument(manifest, model::SourceLocation{file.toStdString(), nextIndex, 1, -1});
    if (document.findResource(resource.displayName()) != 0) {
      ++skipped;  // the project's own version wins; Diff shows how they differ
      continue;
    }
    ++nextIndex;
    added.push_back(std::move(resource));
  }
  const int count = int(added.size());
  const std::string first = added.empty() ? std::string() : added.front().displayName();
  if (count > 0 && !document.push(new AddResourcesCommand(
                       document, std::move(added), tr("Import %n resource(s) from the cluster", nullptr, count)))) {
    panel_->setMessage(tr("Import failed: %1").arg(document.lastError()));
    return;
  }
  QString message = count > 0 ? tr("Imported %n resource(s) from namespace %1 into %2", nullptr, count).arg(ns, file)
                              : tr("Nothing new in namespace %1").arg(ns);
  if (skipped > 0) message += tr("; skipped %n the project already has", nullptr, skipped);
  panel_->setMessage(message + QLatin1Char('.'));
  window_.statusBar()->showMessage(message, 8000);
  if (count > 0) window_.selectResource(QString::fromStdString(first));
}

void ClusterDock::refreshHistory() {
  QList<views::HistoryRow> rows;
  if (!projectFolder().empty())
    for (const cluster::HistoryEntry& entry : cluster::ApplyHistory(projectFolder()).entries())
      rows.append(historyRowOf(entry));
  panel_->setHistory(rows);
}

void ClusterDock::rollbackTo(const QString& id) {
  if (!connected_ || projectFolder().empty()) return;
  const cluster::ApplyHistory history(projectFolder());
  std::optional<cluster::HistoryEntry> target;
  for (cluster::HistoryEntry& entry : history.entries())
    if (QString::fromStdString(entry.id) == id) target = std::move(entry);
  if (!target) {
    panel_->setMessage(tr("The history has no entry %1 any more.").arg(id));
    return;
  }
  QString text =
      tr("Apply again what %1 applied (%n resource(s), at %2) to context %3?", nullptr, int(target->manifests.size()))
          .arg(id, QString::fromStdString(target->time), panel_->context());
  if (QString::fromStdString(target->context) != panel_->context())
    text += QLatin1Char(' ') + tr("That entry was applied to context %1.").arg(QString::fromStdString(target->context));
  if (panel_->prune()) text += QLatin1Char(' ') + tr("Prune is on: what later applies added is deleted.");
  if (window_.ask(tr("Roll Back"), text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) !=
      QMessageBox::Yes)
    return;
  panel_->setMessage(tr("Rolling back to %1…").arg(id));
  worker_->rollback(std::move(*target), namespaceName().toStdString(), {false, panel_->force(), panel_->prune()},
                    projectFolder());
}

void ClusterDock::showFieldOf(const QString& resource, const QString& field) {
  model::Diagnostic finding;
  finding.resource = resource.toStdString();
  finding.path = field.toStdString();
  if (!window_.showFinding(finding)) panel_->setMessage(tr("The project has no %1.").arg(resource));
}

void ClusterDock::showDiffDock() {
  diffDock_->show();
  diffDock_->raise();
  // A side-by-side diff needs height; the bottom docks start low.
  window_.resizeDocks({diffDock_}, {qMax(340, window_.height() * 45 / 100)}, Qt::Vertical);
}

}  // namespace meshstudio::app

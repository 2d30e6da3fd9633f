#include "app/CanaryDock.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QRadioButton>
#include <QSaveFile>
#include <QScrollArea>

#include <algorithm>
#include <filesystem>

#include "app/CanaryRunner.h"
#include "app/Document.h"
#include "app/MainWindow.h"
#include "app/cluster/ApplyHistory.h"
#include "app/cluster/ClusterSync.h"
#include "app/cluster/Kubeconfig.h"
#include "app/rollout/EngineMetricsSource.h"
#include "app/rollout/RolloutReport.h"
#include "views/CanaryPanel.h"
#include "views/CanaryTimelineChart.h"
#include "views/ProjectPickers.h"

namespace meshstudio::app {

namespace {

std::string namespaceOf(const model::Resource& resource, const model::Project& project) {
  return resource.namespaceName().empty() ? views::ProjectPickers::defaultNamespace(project) : resource.namespaceName();
}

views::CanaryDecision decisionOf(rollout::RolloutEvent::Kind kind) {
  using Kind = rollout::RolloutEvent::Kind;
  using views::CanaryDecision;
  switch (kind) {
    case Kind::WeightSet:
      return CanaryDecision::WeightSet;
    case Kind::Waiting:
      return CanaryDecision::Waiting;
    case Kind::Passed:
      return CanaryDecision::Passed;
    case Kind::GateFailed:
      return CanaryDecision::GateFailed;
    case Kind::AwaitingApproval:
      return CanaryDecision::AwaitingApproval;
    case Kind::Approved:
      return CanaryDecision::Approved;
    case Kind::Paused:
      return CanaryDecision::Paused;
    case Kind::Resumed:
      return CanaryDecision::Resumed;
    case Kind::Promoted:
      return CanaryDecision::Promoted;
    case Kind::RolledBack:
      return CanaryDecision::RolledBack;
    case Kind::Error:
      return CanaryDecision::Error;
  }
  return CanaryDecision::Error;
}

views::CanaryTimelineEvent timelineEvent(const rollout::RolloutEvent& event) {
  views::CanaryTimelineEvent out;
  out.seconds = event.at.count() / 1000.0;
  out.kind = decisionOf(event.kind);
  out.canaryWeight = event.canaryWeight;
  out.hasSample = out.kind == views::CanaryDecision::Waiting || out.kind == views::CanaryDecision::Passed ||
                  out.kind == views::CanaryDecision::GateFailed;
  out.canaryRequests = event.sample.requests;
  out.stableRequests = event.sample.stableRequests;
  out.canaryErrorRate = event.sample.errorRate;
  out.stableErrorRate = event.sample.stableErrorRate;
  out.canaryP99Ms = event.sample.p99Ms;
  out.stableP99Ms = event.sample.stableP99Ms;
  out.message = QString::fromStdString(event.message);
  return out;
}

QString stateText(rollout::RolloutState state) {
  switch (state) {
    case rollout::RolloutState::NotStarted:
      return CanaryDock::tr("starting");
    case rollout::RolloutState::Observing:
      return CanaryDock::tr("observing");
    case rollout::RolloutState::AwaitingApproval:
      return CanaryDock::tr("awaiting approval");
    case rollout::RolloutState::Paused:
      return CanaryDock::tr("paused");
    case rollout::RolloutState::Promoted:
      return CanaryDock::tr("promoted");
    case rollout::RolloutState::RolledBack:
      return CanaryDock::tr("rolled back");
    case rollout::RolloutState::Failed:
      return CanaryDock::tr("failed");
  }
  return {};
}

}  // namespace

CanaryDock::CanaryDock(MainWindow& window)
    : QDockWidget(tr("Canary"), &window),
      window_(window),
      panel_(new views::CanaryPanel),
      runner_(new CanaryRunner(this)) {
  setObjectName(QStringLiteral("canaryDock"));
  // The timeline wants room; scrolled, it does not force its size on the whole window.
  auto* scroll = new QScrollArea;
  scroll->setWidget(panel_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  setWidget(scroll);

  const rollout::PromQlTemplates defaults = rollout::PromQlTemplates::defaults();
  panel_->setDefaultQueries(QString::fromStdString(defaults.errorRate), QString::fromStdString(defaults.p99),
                            QString::fromStdString(defaults.requests));
  panel_->setRouteChoices(routeChoices(*window.document()));
  connect(window.document(), &Document::changed, this,
          [this] { panel_->setRouteChoices(routeChoices(*window_.document())); });
  connect(panel_->clusterButton(), &QAbstractButton::toggled, this, [this](bool checked) {
    if (checked) refreshContexts();  // read when wanted: most sessions never touch a cluster
  });

  connect(panel_, &views::CanaryPanel::startRequested, this, &CanaryDock::start);
  connect(panel_, &views::CanaryPanel::pauseRequested, runner_, &CanaryRunner::pause);
  connect(panel_, &views::CanaryPanel::resumeRequested, runner_, &CanaryRunner::resume);
  connect(panel_, &views::CanaryPanel::approveRequested, runner_, &CanaryRunner::approve);
  connect(panel_, &views::CanaryPanel::promoteRequested, runner_, &CanaryRunner::promoteNow);
  connect(panel_, &views::CanaryPanel::rollbackRequested, runner_, &CanaryRunner::rollbackNow);
  connect(panel_, &views::CanaryPanel::stopRequested, this, &CanaryDock::stopRequested);
  connect(panel_, &views::CanaryPanel::exportRequested, this, &CanaryDock::exportRequested);
  connect(runner_, &CanaryRunner::changed, this, &CanaryDock::runnerChanged);
  connect(runner_, &CanaryRunner::finished, this, &CanaryDock::runnerFinished);
}

// Closing the window asked first (confirmClose), so a rollout still running here belongs to a
// window destroyed without closing: the runner ends it leaving its weights. Deleted here, while
// the dock is whole, and unheard: its finished() must not reach a dock being destroyed.
CanaryDock::~CanaryDock() {
  disconnect(runner_, nullptr, this, nullptr);
  delete runner_;
}

QList<views::CanaryRouteChoice> CanaryDock::routeChoices(const Document& document) {
  QList<views::CanaryRouteChoice> choices;
  const model::Project& project = document.project();
  for (const model::Resource& resource : project.resources()) {
    if (resource.kind() != model::ResourceKind::VirtualService) continue;
    const std::string ns = namespaceOf(resource, project);
    const views::ProjectPickers pickers = views::ProjectPickers::build(project, ns);
    views::CanaryRouteChoice choice;
    choice.virtualService = QString::fromStdString(ns + "/" + resource.name());
    if (std::string host = resource.document().stringAt("spec.hosts[0]"); !host.empty())
      choice.defaultUrl = QString::fromStdString("http://" + host + "/");
    const model::Value* http = resource.document().at("spec.http");
    if (!http || !http->isSeq() || http->items().empty()) continue;  // nothing to weigh
    for (std::size_t i = 0; i < http->items().size(); ++i) {
      const model::Value& route = http->items()[i];
      const std::string name = route.stringAt("name");
      choice.routes << (name.empty() ? QString::number(i)
                                     : QStringLiteral("%1: %2").arg(i).arg(QString::fromStdString(name)));
      QStringList subsets, hosts;
      if (const model::Value* destinations = route.find("route"); destinations && destinations->isSeq())
        for (const model::Value& destination : destinations->items()) {
          const QString subset = QString::fromStdString(destination.stringAt("destination.subset"));
          const QString host = QString::fromStdString(destination.stringAt("destination.host"));
          if (!subset.isEmpty() && !subsets.contains(subset)) subsets << subset;
          if (!host.isEmpty() && !hosts.contains(host)) hosts << host;
        }
      for (const QString& host : hosts)
        for (const QString& subset : pickers.subsetsFor(host))
          if (!subsets.contains(subset)) subsets << subset;
      choice.subsets << subsets;
    }
    choices << choice;
  }
  return choices;
}

void CanaryDock::refreshContexts() {
  if (contextsLoaded_) return;
  contextsLoaded_ = true;
  const cluster::Kubeconfig kubeconfig = cluster::Kubeconfig::load(cluster::Kubeconfig::defaultFiles());
  QStringList names;
  for (const cluster::KubeconfigContext& context : kubeconfig.contexts()) names << QString::fromStdString(context.name);
  QString problem;
  if (!kubeconfig.isValid()) problem = QString::fromStdString(kubeconfig.errors().front());
  panel_->setContexts(names, QString::fromStdString(kubeconfig.currentContext()), problem);
}

bool CanaryDock::start() {
  if (runner_->isRunning()) return false;
  QString error;
  std::optional<views::CanaryRolloutSettings> settings = panel_->settings(error);
  if (!settings) {
    panel_->setMessage(error);
    return false;
  }
  const Document& document = *window_.document();
  const model::Project& project = document.project();
  CanaryRunSetup setup;
  std::optional<std::size_t> vsIndex;
  for (std::size_t i = 0; i < project.resources().size(); ++i) {
    const model::Resource& resource = project.resources()[i];
    if (resource.kind() == model::ResourceKind::VirtualService &&
        QString::fromStdString(namespaceOf(resource, project) + "/" + resource.name()) == settings->virtualService)
      vsIndex = i;
  }
  if (!vsIndex) {
    panel_->setMessage(tr("The project has no VirtualService %1 any more.").arg(settings->virtualService));
    return false;
  }
  rollout::RolloutPlan& plan = setup.plan;
  plan.virtualService = settings->virtualService.toStdString();
  plan.routeIndex = settings->routeIndex;
  plan.stableSubset = settings->stableSubset.toStdString();
  plan.canarySubset = settings->canarySubset.toStdString();
  plan.steps.assign(settings->steps.begin(), settings->steps.end());
  plan.interval = std::chrono::milliseconds(qRound64(settings->periodSeconds * 1000));
  plan.gates.maxErrorRate =
      settings->maxErrorRatePercent ? std::optional<double>(*settings->maxErrorRatePercent / 100) : std::nullopt;
  plan.gates.maxP99Ms = settings->maxP99Ms;
  plan.gates.minRequests = settings->minRequests;
  plan.approvalBefore = std::set<int>(settings->approvalBefore.begin(), settings->approvalBefore.end());
  if (std::string problem = plan.validate(); !problem.empty()) {
    panel_->setMessage(tr("The rollout cannot run: %1").arg(QString::fromStdString(problem)));
    return false;
  }

  const model::Resource& vs = project.resources()[*vsIndex];
  const std::string ns = namespaceOf(vs, project);
  const bool prometheus = settings->metrics == views::CanaryMetricsKind::Prometheus;
  rollout::PromQlTemplates templates = rollout::PromQlTemplates::defaults();
  if (!settings->errorRateQuery.isEmpty()) templates.errorRate = settings->errorRateQuery.toStdString();
  if (!settings->p99Query.isEmpty()) templates.p99 = settings->p99Query.toStdString();
  if (!settings->requestsQuery.isEmpty()) templates.requests = settings->requestsQuery.toStdString();
  server_.clear();
  if (settings->target == views::CanaryTargetKind::Rehearsal) {
    setup.resources = project.resources();  // a copy: the document may change while it runs
    setup.settings = project.settings();
    setup.virtualService = *vsIndex;
    setup.rehearsal.qps = settings->qps;
    setup.rehearsal.url = settings->trafficUrl.toStdString();
    if (prometheus) setup.rehearsal.prometheusUrl = settings->prometheusUrl.toStdString();
    setup.rehearsal.templates = templates;
    target_ = "engine (rehearsal)";
  } else {
    std::string problem;
    const cluster::Kubeconfig kubeconfig = cluster::Kubeconfig::load(cluster::Kubeconfig::defaultFiles());
    setup.connection =
        kubeconfig.isValid() ? kubeconfig.resolve(settings->clusterContext.toStdString(), problem) : std::nullopt;
    if (!setup.connection) {
      panel_->setMessage(
          tr("Cannot use the context %1: %2")
              .arg(settings->clusterContext,
                   QString::fromStdString(kubeconfig.isValid() ? problem : kubeconfig.errors().front())));
      return false;
    }
    setup.onCluster = true;
    setup.clusterDocument = cluster::ClusterSync::targetsOf({vs}, ns).front().document;
    setup.prometheusUrl = settings->prometheusUrl.toStdString();
    setup.templates = templates;
    setup.service = rollout::serviceFqdn(
        vs.document().stringAt("spec.http[" + std::to_string(plan.routeIndex) + "].route[0].destination.host"), ns);
    target_ = "context " + setup.connection->contextName;
    server_ = setup.connection->server;
  }

  shownEvents_ = 0;
  lastHistoryEntry_.clear();
  panel_->startTimeline({plan.gates.maxErrorRate, plan.gates.maxP99Ms});
  panel_->setMessage(setup.onCluster
                         ? tr("Rolling out on %1.").arg(QString::fromStdString(target_))
                         : tr("Rehearsing on the embedded engine at %1 requests a second.").arg(settings->qps));
  runner_->start(std::move(setup));
  updateStatus();
  return true;
}

QMessageBox::StandardButton CanaryDock::askHowToStop() {
  auto rollout = runner_->snapshot();
  const int weight = runner_->canaryWeight();
  const QString route = rollout ? QString::fromStdString(rollout->plan().virtualService) : QString();
  return window_.ask(tr("Canary Rollout Running"),
                     tr("The canary rollout of %1 is still running; the canary has %2 %.\n\n"
                        "Roll back, so that the stable version gets 100 %, or leave the weights as they are?")
                         .arg(route)
                         .arg(weight),
                     kRollBack | kLeaveWeights | QMessageBox::Cancel, kRollBack,
                     {{kRollBack, tr("Roll Back (stable gets 100 %)")},
                      {kLeaveWeights, tr("Leave the Weights (canary %1 %)").arg(weight)}});
}

void CanaryDock::stopRequested() {
  if (!runner_->isRunning()) return;
  const QMessageBox::StandardButton answer = askHowToStop();
  if (answer != kRollBack && answer != kLeaveWeights) return;
  runner_->stop(answer == kRollBack);
}

bool CanaryDock::confirmClose() {
  if (!runner_->isRunning()) return true;
  const QMessageBox::StandardButton answer = askHowToStop();
  if (answer != kRollBack && answer != kLeaveWeights) return false;
  runner_->stop(answer == kRollBack);
  // Waits for the rollback (a cluster apply has its own timeout); finished() records the history.
  runner_->waitForFinished(-1);
  return true;
}

void CanaryDock::runnerChanged() {
  auto rollout = runner_->snapshot();
  if (!rollout) return;
  QList<views::CanaryTimelineEvent> events;
  for (std::size_t i = shownEvents_; i < rollout->events().size(); ++i) events << timelineEvent(rollout->events()[i]);
  shownEvents_ = rollout->events().size();
  panel_->appendEvents(events);
  updateStatus();
}

void CanaryDock::runnerFinished() {
  runnerChanged();
  if (!runner_->error().isEmpty()) {
    panel_->setMessage(tr("The rollout could not start: %1").arg(runner_->error()));
    updateStatus();
    return;
  }
  auto rollout = runner_->snapshot();
  if (!rollout) return;
  const QString folder = window_.document()->folder();
  QString message = runner_->leftAsItWas()
                        ? tr("Stopped; the weights stay as they are: canary %1 %.").arg(rollout->canaryWeight())
                        : tr("The rollout ended: %1.").arg(stateText(rollout->state()));
  if (!folder.isEmpty()) {
    cluster::HistoryEntry entry = rollout::RolloutReport::historyEntry(
        *rollout, target_, server_, cluster::ApplyHistory::timestamp(std::chrono::system_clock::now()));
    if (runner_->leftAsItWas()) entry.result = "stopped";
    const std::string problem =
        cluster::ApplyHistory(std::filesystem::path(QFile::encodeName(folder).toStdString())).record(entry);
    if (problem.empty())
      lastHistoryEntry_ = QString::fromStdString(entry.id);
    else
      message += QLatin1Char(' ') + tr("It was not recorded in the history: %1").arg(QString::fromStdString(problem));
  }
  panel_->setMessage(message);
  updateStatus();
}

void CanaryDock::updateStatus() {
  views::CanaryStatus status;
  auto rollout = runner_->snapshot();
  status.running = runner_->isRunning();
  if (rollout) {
    status.state = stateText(rollout->state());
    if (!status.running && runner_->leftAsItWas()) status.state = tr("stopped");
    status.canaryWeight = rollout->canaryWeight();
    status.verdict = QString::fromStdString(rollout->verdict());
    status.paused = rollout->state() == rollout::RolloutState::Paused;
    status.awaitingApproval = rollout->state() == rollout::RolloutState::AwaitingApproval;
    status.finished = !status.running;
  } else if (status.running) {
    status.state = stateText(rollout::RolloutState::NotStarted);
  }
  panel_->setStatus(status);
}

bool CanaryDock::exportReport(const QString& markdownPath, QString& error) {
  auto rollout = runner_->snapshot();
  if (!rollout) {
    error = tr("There is no rollout to report on yet.");
    return false;
  }
  const QFileInfo info(markdownPath);
  const QString pngPath = info.dir().filePath(info.completeBaseName() + QStringLiteral(".png"));
  if (!panel_->chart()->savePng(pngPath)) {
    error = tr("Cannot write %1").arg(QDir::toNativeSeparators(pngPath));
    return false;
  }
  const std::string markdown =
      rollout::RolloutReport::markdown(*rollout, target_, QFileInfo(pngPath).fileName().toStdString());
  QSaveFile file(markdownPath);
  if (!file.open(QIODevice::WriteOnly) || file.write(markdown.data(), qint64(markdown.size())) < 0 || !file.commit()) {
    error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(markdownPath), file.errorString());
    return false;
  }
  return true;
}

void CanaryDock::exportRequested() {
  const QString folder = window_.document()->folder();
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Export Canary Report"),
                                   QDir(folder).filePath(QStringLiteral("canary-report.md")), tr("Markdown (*.md)"));
  if (path.isEmpty()) return;
  QString error;
  if (exportReport(path, error))
    panel_->setMessage(
        tr("Report written to %1 (with the timeline as PNG beside it).").arg(QDir::toNativeSeparators(path)));
  else
    panel_->setMessage(error);
}

}  // namespace meshstudio::app

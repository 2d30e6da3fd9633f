#include "views/CanaryPanel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "views/CanaryTimelineChart.h"

namespace meshstudio::views {

namespace {

QColor decisionColour(CanaryDecision kind) {
  switch (kind) {
    case CanaryDecision::Passed:
    case CanaryDecision::Promoted:
      return QColor(0x2e, 0xa0, 0x43);
    case CanaryDecision::Waiting:
    case CanaryDecision::AwaitingApproval:
      return QColor(0xc0, 0x80, 0x10);
    case CanaryDecision::GateFailed:
    case CanaryDecision::RolledBack:
    case CanaryDecision::Error:
      return QColor(0xd0, 0x3b, 0x2e);
    default:
      return {};
  }
}

}  // namespace

CanaryPanel::CanaryPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* splitter = new QSplitter(Qt::Horizontal);
  layout->addWidget(splitter);

  auto* inputsScroll = new QScrollArea;
  inputsScroll->setWidget(buildInputs());
  inputsScroll->setWidgetResizable(true);
  inputsScroll->setFrameShape(QFrame::NoFrame);
  splitter->addWidget(inputsScroll);

  auto* right = new QWidget;
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  auto* buttons = new QHBoxLayout;
  start_ = new QPushButton(tr("Start"));
  start_->setToolTip(tr("Sets the first step's weight and starts watching the canary."));
  pause_ = new QPushButton(tr("Pause"));
  pause_->setToolTip(tr("Holds the current weight; Resume starts the step's observation period again."));
  approve_ = new QPushButton(tr("Approve"));
  approve_->setToolTip(tr("Lets the step that waits for approval begin."));
  promote_ = new QPushButton(tr("Promote Now"));
  promote_->setToolTip(tr("Gives the canary 100 % at once and ends the rollout."));
  rollback_ = new QPushButton(tr("Roll Back Now"));
  rollback_->setToolTip(tr("Gives the stable version 100 % at once and ends the rollout."));
  stop_ = new QPushButton(tr("Stop…"));
  stop_->setToolTip(tr("Ends the rollout; asks whether to roll back or leave the weights as they are."));
  export_ = new QPushButton(tr("Export Report…"));
  export_->setToolTip(tr("Writes the report as Markdown with the timeline as a PNG beside it."));
  for (QPushButton* button : {start_, pause_, approve_, promote_, rollback_, stop_, export_})
    buttons->addWidget(button);
  buttons->addStretch(1);
  rightLayout->addLayout(buttons);
  state_ = new QLabel;
  state_->setObjectName(QStringLiteral("canaryState"));
  state_->setWordWrap(true);
  state_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  rightLayout->addWidget(state_);
  message_ = new QLabel;
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  rightLayout->addWidget(message_);
  auto* chartAndEvents = new QSplitter(Qt::Vertical);
  chart_ = new CanaryTimelineChart;
  chartAndEvents->addWidget(chart_);
  events_ = new QListWidget;
  events_->setToolTip(tr("Every step, gate value and decision of the rollout, as recorded in the project's history."));
  chartAndEvents->addWidget(events_);
  chartAndEvents->setStretchFactor(0, 4);
  chartAndEvents->setStretchFactor(1, 1);
  rightLayout->addWidget(chartAndEvents, 1);
  splitter->addWidget(right);
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);

  connect(start_, &QPushButton::clicked, this, &CanaryPanel::startRequested);
  connect(pause_, &QPushButton::clicked, this, [this] {
    if (status_.paused)
      Q_EMIT resumeRequested();
    else
      Q_EMIT pauseRequested();
  });
  connect(approve_, &QPushButton::clicked, this, &CanaryPanel::approveRequested);
  connect(promote_, &QPushButton::clicked, this, &CanaryPanel::promoteRequested);
  connect(rollback_, &QPushButton::clicked, this, &CanaryPanel::rollbackRequested);
  connect(stop_, &QPushButton::clicked, this, &CanaryPanel::stopRequested);
  connect(export_, &QPushButton::clicked, this, &CanaryPanel::exportRequested);
  setStatus({});
}

QWidget* CanaryPanel::buildInputs() {
  auto* inputs = new QWidget;
  auto* column = new QVBoxLayout(inputs);

  auto* routeGroup = new QGroupBox(tr("Route"));
  auto* routeForm = new QFormLayout(routeGroup);
  virtualService_ = new QComboBox;
  route_ = new QComboBox;
  stable_ = new QComboBox;
  canary_ = new QComboBox;
  stable_->setEditable(true);
  canary_->setEditable(true);
  routeForm->addRow(tr("VirtualService:"), virtualService_);
  routeForm->addRow(tr("HTTP route:"), route_);
  routeForm->addRow(tr("Stable subset:"), stable_);
  routeForm->addRow(tr("Canary subset:"), canary_);
  connect(virtualService_, &QComboBox::currentIndexChanged, this, &CanaryPanel::virtualServiceChosen);
  connect(route_, &QComboBox::currentIndexChanged, this, &CanaryPanel::routeChosen);
  column->addWidget(routeGroup);

  auto* stepsGroup = new QGroupBox(tr("Steps and gates"));
  auto* stepsForm = new QFormLayout(stepsGroup);
  steps_ = new QLineEdit(QStringLiteral("5, 10, 25, 50, 75, 100"));
  steps_->setToolTip(tr("The canary's weight at each step, rising and ending at 100."));
  stepsForm->addRow(tr("Steps (%):"), steps_);
  period_ = new QDoubleSpinBox;
  period_->setRange(0.5, 24 * 3600);
  period_->setDecimals(1);
  period_->setValue(30);
  period_->setSuffix(tr(" s"));
  period_->setToolTip(tr("How long each step is watched before its gates are checked."));
  stepsForm->addRow(tr("Observation period:"), period_);
  errorGate_ = new QCheckBox(tr("Error rate at most"));
  errorGate_->setChecked(true);
  errorRate_ = new QDoubleSpinBox;
  errorRate_->setRange(0, 100);
  errorRate_->setDecimals(2);
  errorRate_->setValue(1);
  errorRate_->setSuffix(tr(" %"));
  errorRate_->setToolTip(tr("The canary's share of 5xx answers in a step; more rolls back."));
  stepsForm->addRow(errorGate_, errorRate_);
  p99Gate_ = new QCheckBox(tr("p99 latency at most"));
  p99Gate_->setChecked(true);
  p99_ = new QSpinBox;
  p99_->setRange(1, 600000);
  p99_->setValue(500);
  p99_->setSuffix(tr(" ms"));
  p99_->setToolTip(tr("The canary's 99th percentile latency in a step; more rolls back."));
  stepsForm->addRow(p99Gate_, p99_);
  connect(errorGate_, &QCheckBox::toggled, errorRate_, &QWidget::setEnabled);
  connect(p99Gate_, &QCheckBox::toggled, p99_, &QWidget::setEnabled);
  minRequests_ = new QSpinBox;
  minRequests_->setRange(0, 100000000);
  minRequests_->setValue(20);
  minRequests_->setToolTip(
      tr("Fewer canary requests in a step, and the step waits another period instead of passing."));
  stepsForm->addRow(tr("Minimum requests:"), minRequests_);
  approvals_ = new QLineEdit;
  approvals_->setPlaceholderText(tr("e.g. 50, 100"));
  approvals_->setToolTip(tr("Steps (weights) that wait for Approve before they begin."));
  stepsForm->addRow(tr("Approval before:"), approvals_);
  column->addWidget(stepsGroup);

  column->addWidget(buildTarget());
  column->addStretch(1);
  return inputs;
}

QWidget* CanaryPanel::buildTarget() {
  auto* box = new QWidget;
  auto* column = new QVBoxLayout(box);
  column->setContentsMargins(0, 0, 0, 0);

  auto* targetGroup = new QGroupBox(tr("Target"));
  auto* targetForm = new QFormLayout(targetGroup);
  rehearsal_ = new QRadioButton(tr("Rehearsal on the embedded engine"));
  rehearsal_->setToolTip(tr("Runs the project in its own engine on free local ports, with generated traffic."));
  rehearsal_->setChecked(true);
  targetForm->addRow(rehearsal_);
  qps_ = new QDoubleSpinBox;
  qps_->setRange(1, 100000);
  qps_->setDecimals(0);
  qps_->setValue(50);
  qps_->setSuffix(tr(" req/s"));
  targetForm->addRow(tr("Traffic:"), qps_);
  url_ = new QLineEdit;
  url_->setToolTip(tr("Where the generated traffic goes; its host picks the VirtualService's routes."));
  targetForm->addRow(tr("Traffic URL:"), url_);
  cluster_ = new QRadioButton(tr("Cluster (server-side apply per step)"));
  targetForm->addRow(cluster_);
  context_ = new QComboBox;
  targetForm->addRow(tr("Context:"), context_);
  contextProblem_ = new QLabel;
  contextProblem_->setWordWrap(true);
  contextProblem_->hide();
  targetForm->addRow(contextProblem_);
  auto* targets = new QButtonGroup(this);
  targets->addButton(rehearsal_);
  targets->addButton(cluster_);
  column->addWidget(targetGroup);

  auto* metricsGroup = new QGroupBox(tr("Metrics"));
  auto* metricsForm = new QFormLayout(metricsGroup);
  engineMetrics_ = new QRadioButton(tr("The engine's counters"));
  engineMetrics_->setChecked(true);
  prometheus_ = new QRadioButton(tr("Prometheus"));
  metricsForm->addRow(engineMetrics_);
  metricsForm->addRow(prometheus_);
  auto* sources = new QButtonGroup(this);
  sources->addButton(engineMetrics_);
  sources->addButton(prometheus_);
  prometheusUrl_ = new QLineEdit;
  prometheusUrl_->setPlaceholderText(QStringLiteral("http://prometheus:9090"));
  metricsForm->addRow(tr("Prometheus URL:"), prometheusUrl_);
  queriesToggle_ = new QToolButton;
  queriesToggle_->setText(tr("PromQL queries"));
  queriesToggle_->setCheckable(true);
  queriesToggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  queriesToggle_->setArrowType(Qt::RightArrow);
  queriesToggle_->setAutoRaise(true);
  metricsForm->addRow(queriesToggle_);
  queriesBox_ = new QWidget;
  auto* queriesForm = new QFormLayout(queriesBox_);
  queriesForm->setContentsMargins(0, 0, 0, 0);
  const QString labels[3] = {tr("Error rate:"), tr("p99 (ms):"), tr("Requests:")};
  for (int i = 0; i < 3; ++i) {
    queries_[i] = new QPlainTextEdit;
    queries_[i]->setToolTip(tr("<svc>, <version> and <window> are filled in for each version and step."));
    queries_[i]->setFixedHeight(70);
    queriesForm->addRow(labels[i], queries_[i]);
  }
  auto* reset = new QPushButton(tr("Reset to Istio's Queries"));
  connect(reset, &QPushButton::clicked, this, [this] {
    for (int i = 0; i < 3; ++i) queries_[i]->setPlainText(defaultQueries_[i]);
  });
  queriesForm->addRow(reset);
  queriesBox_->hide();
  metricsForm->addRow(queriesBox_);
  connect(queriesToggle_, &QToolButton::toggled, this, [this](bool open) {
    queriesToggle_->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    queriesBox_->setVisible(open);
  });
  column->addWidget(metricsGroup);

  for (QRadioButton* button : {rehearsal_, cluster_, engineMetrics_, prometheus_})
    connect(button, &QRadioButton::toggled, this, &CanaryPanel::updateEnabled);
  return box;
}

void CanaryPanel::setRouteChoices(const QList<CanaryRouteChoice>& choices) {
  const QString current = virtualService_->currentText();
  const int route = route_->currentIndex();
  choices_ = choices;
  {
    QSignalBlocker block(virtualService_);
    virtualService_->clear();
    for (const CanaryRouteChoice& choice : choices_) virtualService_->addItem(choice.virtualService);
    virtualService_->setCurrentIndex(std::max(0, virtualService_->findText(current)));
  }
  if (virtualService_->currentText() == current && route >= 0) {
    // Same VirtualService: keep the route and the subsets as chosen, only refresh the offers.
    QSignalBlocker block(route_);
    const int index = virtualService_->currentIndex();
    route_->clear();
    if (index >= 0) route_->addItems(choices_[index].routes);
    route_->setCurrentIndex(std::min(route, route_->count() - 1));
    url_->setPlaceholderText(index >= 0 ? choices_[index].defaultUrl : QString());
    return;
  }
  virtualServiceChosen();
}

void CanaryPanel::virtualServiceChosen() {
  const int index = virtualService_->currentIndex();
  {
    QSignalBlocker block(route_);
    route_->clear();
    if (index >= 0) route_->addItems(choices_[index].routes);
  }
  url_->setPlaceholderText(index >= 0 ? choices_[index].defaultUrl : QString());
  routeChosen();
}

void CanaryPanel::routeChosen() {
  const int index = virtualService_->currentIndex(), route = route_->currentIndex();
  const QStringList subsets = index >= 0 && route >= 0 ? choices_[index].subsets.value(route) : QStringList();
  stable_->clear();
  canary_->clear();
  stable_->addItems(subsets);
  canary_->addItems(subsets);
  stable_->setCurrentIndex(subsets.isEmpty() ? -1 : 0);
  canary_->setCurrentIndex(subsets.size() > 1 ? 1 : -1);
}

void CanaryPanel::setContexts(const QStringList& contexts, const QString& current, const QString& problem) {
  context_->clear();
  context_->addItems(contexts);
  context_->setCurrentIndex(int(std::max<qsizetype>(0, contexts.indexOf(current))));
  contextProblem_->setText(problem);
  contextProblem_->setVisible(!problem.isEmpty());
  if (contexts.isEmpty() && problem.isEmpty()) context_->setPlaceholderText(tr("no kubeconfig context"));
  updateEnabled();
}

void CanaryPanel::setDefaultQueries(const QString& errorRate, const QString& p99, const QString& requests) {
  const QString values[3] = {errorRate, p99, requests};
  for (int i = 0; i < 3; ++i) {
    if (queries_[i]->toPlainText().isEmpty() || queries_[i]->toPlainText() == defaultQueries_[i])
      queries_[i]->setPlainText(values[i]);
    defaultQueries_[i] = values[i];
  }
}

std::optional<QList<int>> CanaryPanel::parseNumbers(const QString& text) {
  QList<int> numbers;
  for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    bool ok = false;
    const int number = part.trimmed().toInt(&ok);
    if (!ok) return std::nullopt;
    numbers << number;
  }
  return numbers;
}

std::optional<CanaryRolloutSettings> CanaryPanel::settings(QString& error) const {
  CanaryRolloutSettings settings;
  settings.virtualService = virtualService_->currentText();
  settings.routeIndex = route_->currentIndex();
  settings.stableSubset = stable_->currentText().trimmed();
  settings.canarySubset = canary_->currentText().trimmed();
  if (settings.virtualService.isEmpty() || settings.routeIndex < 0) {
    error = tr("Pick a VirtualService and one of its HTTP routes.");
    return std::nullopt;
  }
  if (settings.stableSubset.isEmpty() || settings.canarySubset.isEmpty() ||
      settings.stableSubset == settings.canarySubset) {
    error = tr("Pick two different subsets: the stable one and the canary.");
    return std::nullopt;
  }
  std::optional<QList<int>> steps = parseNumbers(steps_->text());
  if (!steps || steps->isEmpty()) {
    error = tr("Steps are weights separated by commas, like 5, 10, 25, 50, 75, 100.");
    return std::nullopt;
  }
  settings.steps = *steps;
  std::optional<QList<int>> approvals = parseNumbers(approvals_->text());
  if (!approvals) {
    error = tr("Approval takes the steps' weights separated by commas, like 50, 100.");
    return std::nullopt;
  }
  settings.approvalBefore = *approvals;
  settings.periodSeconds = period_->value();
  settings.maxErrorRatePercent = errorGate_->isChecked() ? std::optional<double>(errorRate_->value()) : std::nullopt;
  settings.maxP99Ms = p99Gate_->isChecked() ? std::optional<double>(p99_->value()) : std::nullopt;
  settings.minRequests = static_cast<quint64>(minRequests_->value());
  settings.target = cluster_->isChecked() ? CanaryTargetKind::Cluster : CanaryTargetKind::Rehearsal;
  settings.qps = qps_->value();
  settings.trafficUrl = url_->text().trimmed();
  settings.clusterContext = context_->currentText();
  if (settings.target == CanaryTargetKind::Cluster && settings.clusterContext.isEmpty()) {
    error = tr("Pick a kubeconfig context for a rollout on a cluster.");
    return std::nullopt;
  }
  settings.metrics = prometheus_->isChecked() ? CanaryMetricsKind::Prometheus : CanaryMetricsKind::Engine;
  settings.prometheusUrl = prometheusUrl_->text().trimmed();
  if (settings.metrics == CanaryMetricsKind::Prometheus && settings.prometheusUrl.isEmpty()) {
    error = tr("Give the Prometheus URL the numbers come from.");
    return std::nullopt;
  }
  settings.errorRateQuery = queries_[0]->toPlainText().trimmed();
  settings.p99Query = queries_[1]->toPlainText().trimmed();
  settings.requestsQuery = queries_[2]->toPlainText().trimmed();
  return settings;
}

void CanaryPanel::updateEnabled() {
  const bool idle = !status_.running;
  const bool onCluster = cluster_->isChecked();
  // A cluster's numbers can only come from Prometheus: the engine does not see its traffic.
  if (onCluster && engineMetrics_->isChecked()) prometheus_->setChecked(true);
  engineMetrics_->setEnabled(idle && !onCluster);
  qps_->setEnabled(idle && !onCluster);
  url_->setEnabled(idle && !onCluster);
  context_->setEnabled(idle && onCluster);
  prometheusUrl_->setEnabled(idle && prometheus_->isChecked());
  for (QWidget* widget :
       std::initializer_list<QWidget*>{virtualService_, route_, stable_, canary_, steps_, period_, errorGate_, p99Gate_,
                                       minRequests_, approvals_, rehearsal_, cluster_, prometheus_})
    widget->setEnabled(idle);
  errorRate_->setEnabled(idle && errorGate_->isChecked());
  p99_->setEnabled(idle && p99Gate_->isChecked());
  for (QPlainTextEdit* query : queries_) query->setReadOnly(!idle);

  const bool live = status_.running && !status_.finished;
  start_->setEnabled(idle);
  pause_->setEnabled(live);
  pause_->setText(status_.paused ? tr("Resume") : tr("Pause"));
  approve_->setEnabled(live && status_.awaitingApproval);
  promote_->setEnabled(live);
  rollback_->setEnabled(live);
  stop_->setEnabled(status_.running);
  export_->setEnabled(status_.finished);
}

void CanaryPanel::setStatus(const CanaryStatus& status) {
  status_ = status;
  state_->setText(stateText());
  updateEnabled();
}

QString CanaryPanel::stateText() const {
  if (status_.state.isEmpty()) return tr("No rollout yet.");
  QString text = tr("%1 · canary %2 %").arg(status_.state).arg(status_.canaryWeight);
  if (!status_.verdict.isEmpty()) text += QStringLiteral(" · ") + status_.verdict;
  return text;
}

void CanaryPanel::startTimeline(const CanaryThresholds& thresholds) {
  events_->clear();
  chart_->clear();
  chart_->setThresholds(thresholds);
}

void CanaryPanel::appendEvents(const QList<CanaryTimelineEvent>& events) {
  for (const CanaryTimelineEvent& event : events) {
    auto* item = new QListWidgetItem(tr("%1 s   %2 %   %3   %4")
                                         .arg(event.seconds, 6, 'f', 1)
                                         .arg(event.canaryWeight, 3)
                                         .arg(decisionName(event.kind), event.message));
    if (QColor colour = decisionColour(event.kind); colour.isValid()) item->setForeground(colour);
    events_->addItem(item);
  }
  if (!events.isEmpty()) events_->scrollToBottom();
  chart_->appendEvents(events);
}

void CanaryPanel::setMessage(const QString& text) { message_->setText(text); }

QString CanaryPanel::message() const { return message_->text(); }

QString CanaryPanel::decisionName(CanaryDecision kind) {
  switch (kind) {
    case CanaryDecision::WeightSet:
      return tr("weight set");
    case CanaryDecision::Waiting:
      return tr("waiting");
    case CanaryDecision::Passed:
      return tr("passed");
    case CanaryDecision::GateFailed:
      return tr("gate failed");
    case CanaryDecision::AwaitingApproval:
      return tr("awaiting approval");
    case CanaryDecision::Approved:
      return tr("approved");
    case CanaryDecision::Paused:
      return tr("paused");
    case CanaryDecision::Resumed:
      return tr("resumed");
    case CanaryDecision::Promoted:
      return tr("promoted");
    case CanaryDecision::RolledBack:
      return tr("rolled back");
    case CanaryDecision::Error:
      return tr("error");
  }
  return {};
}

}  // namespace meshstudio::views

#include "app/TrialDock.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "app/Document.h"
#include "app/EngineBridge.h"
#include "app/TrialStore.h"
#include "app/TrialSuiteFile.h"
#include "app/TrialTarget.h"
#include "engine/Snapshot.h"
#include "views/DecisionTraceView.h"
#include "views/TrialRequestEditor.h"
#include "views/TrialResultView.h"
#include "views/TrialSuiteTable.h"

namespace meshstudio::app {

TrialDock::TrialDock(Document& document, EngineBridge& bridge, QWidget* parent)
    : QWidget(parent),
      document_(document),
      bridge_(bridge),
      saved_(new QComboBox),
      name_(new QLineEdit),
      editor_(new views::TrialRequestEditor),
      send_(new QPushButton(tr("&Send"))),
      explain_(new QPushButton(tr("E&xplain"))),
      tabs_(new QTabWidget),
      result_(new views::TrialResultView),
      trace_(new views::DecisionTraceView),
      suite_(new views::TrialSuiteTable),
      message_(new QLabel) {
  saved_->setObjectName(QStringLiteral("savedTrials"));
  saved_->setToolTip(tr("The trials saved in this project (meshstudio.yaml): choose one to load it."));
  saved_->setMinimumContentsLength(16);
  connect(saved_, &QComboBox::activated, this, [this](int index) {
    if (index > 0) openTrial(saved_->itemText(index));
  });
  name_->setObjectName(QStringLiteral("trialName"));
  name_->setPlaceholderText(tr("Trial name"));
  name_->setToolTip(
      tr("The name the trial is saved under in meshstudio.yaml; saving under an existing name "
         "replaces that trial."));
  auto* save = new QPushButton(tr("Save Trial"));
  save->setObjectName(QStringLiteral("trialSave"));
  save->setToolTip(
      tr("Saves the request under the name beside it, in the project's meshstudio.yaml (undoable; "
         "written with File → Save)."));
  connect(save, &QPushButton::clicked, this, [this] { saveTrial(name_->text()); });
  auto* remove = new QPushButton(tr("Delete Trial"));
  remove->setObjectName(QStringLiteral("trialDelete"));
  remove->setToolTip(tr("Removes the saved trial of that name from the project (undoable)."));
  connect(remove, &QPushButton::clicked, this, [this] { deleteTrial(name_->text()); });

  send_->setObjectName(QStringLiteral("trialSend"));
  send_->setToolTip(
      tr("Sends the request through the running engine (real HTTP to the listener its host picks) "
         "and shows the response and the decision trace with the destination and pod that answered."));
  connect(send_, &QPushButton::clicked, this, &TrialDock::send);
  connect(editor_, &views::TrialRequestEditor::submitted, this, &TrialDock::send);
  explain_->setObjectName(QStringLiteral("trialExplain"));
  explain_->setToolTip(
      tr("Shows how the configuration routes the request without sending it: every rule "
         "considered and why it did or did not match. Works with the engine stopped."));
  connect(explain_, &QPushButton::clicked, this, &TrialDock::explain);
  auto* curl = new QPushButton(tr("Copy as curl"));
  curl->setObjectName(QStringLiteral("trialCurl"));
  curl->setToolTip(
      tr("Copies a curl command that sends this request to the engine's listener with the right "
         "Host header."));
  connect(curl, &QPushButton::clicked, this, &TrialDock::copyAsCurl);

  message_->setObjectName(QStringLiteral("trialMessage"));
  message_->setWordWrap(true);

  tabs_->addTab(result_, tr("Response"));
  tabs_->addTab(trace_, tr("Trace"));
  tabs_->addTab(suite_, tr("Suite"));
  connect(trace_, &views::DecisionTraceView::originActivated, this, &TrialDock::matchedRuleShown);
  connect(suite_, &views::TrialSuiteTable::addCurrentRequested, this, &TrialDock::addCurrentToSuite);
  connect(suite_, &views::TrialSuiteTable::runAllRequested, this, &TrialDock::runSuite);
  connect(suite_, &views::TrialSuiteTable::saveRequested, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Trial Suite"), document_.folder(),
                                                      tr("Route tests (*.yaml *.yml)"));
    if (!path.isEmpty()) saveSuite(path);
  });
  connect(suite_, &views::TrialSuiteTable::loadRequested, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Trial Suite"), document_.folder(),
                                                      tr("Route tests (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty()) loadSuite(path);
  });
  connect(suite_, &views::TrialSuiteTable::rowActivated, this, [this](int row) {
    const QList<views::TrialSuiteRow> rows = suite_->rows();
    if (row < 0 || row >= rows.size()) return;
    editor_->setRequest(rows[row].request);
    name_->setText(rows[row].request.name);
  });

  auto* top = new QHBoxLayout;
  top->addWidget(saved_);
  top->addWidget(name_, 1);
  top->addWidget(save);
  top->addWidget(remove);
  auto* actions = new QHBoxLayout;
  actions->addWidget(send_);
  actions->addWidget(explain_);
  actions->addWidget(curl);
  actions->addStretch();
  auto* left = new QWidget;
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addLayout(top);
  leftLayout->addWidget(editor_, 1);
  leftLayout->addLayout(actions);
  leftLayout->addWidget(message_);
  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(left);
  split->addWidget(tabs_);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(split);

  connect(&bridge_, &EngineBridge::trialFinished, this, &TrialDock::trialFinished);
  connect(&document_, &Document::changed, this, &TrialDock::documentChanged);
  refreshSavedTrials();
  editor_->setUrlSuggestions(TrialTarget::suggestions(document_.project()));
}

QString TrialDock::message() const { return message_->text(); }

void TrialDock::setMessage(const QString& text) { message_->setText(text); }

void TrialDock::documentChanged(const DocumentChange& change) {
  if (change.reset || change.settings) refreshSavedTrials();
  if (change.reset || !change.added.empty() || !change.removed.empty() || !change.modified.empty())
    editor_->setUrlSuggestions(TrialTarget::suggestions(document_.project()));
}

void TrialDock::refreshSavedTrials() {
  const QSignalBlocker blocker(saved_);
  const QString current = saved_->currentText();
  saved_->clear();
  saved_->addItem(tr("Saved trials…"));
  for (const views::TrialRequest& trial : TrialStore::read(document_.project().settings())) saved_->addItem(trial.name);
  const int index = saved_->findText(current);
  saved_->setCurrentIndex(index > 0 ? index : 0);
}

bool TrialDock::openTrial(const QString& name) {
  for (const views::TrialRequest& trial : TrialStore::read(document_.project().settings())) {
    if (trial.name != name) continue;
    editor_->setRequest(trial);
    name_->setText(trial.name);
    const QSignalBlocker blocker(saved_);
    saved_->setCurrentIndex(qMax(0, saved_->findText(name)));
    return true;
  }
  return false;
}

bool TrialDock::saveTrial(const QString& name) {
  const QString trimmed = name.trimmed();
  if (trimmed.isEmpty()) {
    setMessage(tr("Name the trial first."));
    name_->setFocus();
    return false;
  }
  views::TrialRequest trial = editor_->request();
  trial.name = trimmed;
  if (!document_.setSettings(TrialStore::withTrial(document_.project().settings(), trial),
                             tr("Save trial \"%1\"").arg(trimmed))) {
    setMessage(document_.lastError());
    return false;
  }
  const QSignalBlocker blocker(saved_);
  saved_->setCurrentIndex(qMax(0, saved_->findText(trimmed)));
  setMessage(tr("Saved trial \"%1\" in meshstudio.yaml (File → Save writes it).").arg(trimmed));
  return true;
}

bool TrialDock::deleteTrial(const QString& name) {
  const model::Value settings = TrialStore::withoutTrial(document_.project().settings(), name.trimmed());
  if (settings == document_.project().settings()) {
    setMessage(tr("No saved trial is named \"%1\".").arg(name.trimmed()));
    return false;
  }
  const bool ok = document_.setSettings(settings, tr("Delete trial \"%1\"").arg(name.trimmed()));
  setMessage(ok ? tr("Deleted trial \"%1\".").arg(name.trimmed()) : document_.lastError());
  return ok;
}

QString TrialDock::copyAsCurl() {
  const views::TrialRequest request = editor_->request();
  const TrialTarget target = bridge_.targetFor(request);
  if (!target.isValid()) {
    setMessage(target.error);
    return {};
  }
  const QString command = target.curlCommand(request);
  QApplication::clipboard()->setText(command);
  setMessage(bridge_.isRunning()
                 ? tr("Copied: %1").arg(command)
                 : tr("Copied (the engine is stopped: start it for the port to answer): %1").arg(command));
  return command;
}

void TrialDock::send() {
  result_->setPending(tr("Sending…"));
  pending_ = bridge_.sendTrial(editor_->request());
  setMessage(QString());
}

void TrialDock::explain() {
  views::TrialResult result;
  views::DecisionTrace trace;
  bridge_.explainTrial(editor_->request(), result, trace);
  pending_ = 0;  // an answer still on its way is older than this
  result_->setResult(result);
  showTrace(trace);
  tabs_->setCurrentWidget(trace_);
}

void TrialDock::trialFinished(quint64 id, const views::TrialResult& result, const views::DecisionTrace& trace) {
  if (id != pending_) return;
  pending_ = 0;
  result_->setResult(result);
  showTrace(trace);
}

void TrialDock::showTrace(const views::DecisionTrace& trace) {
  trace_->setTrace(trace);
  Q_EMIT traceShown(trace);
  if (!trace.matchedResource.isEmpty() && !trace.matchedPath.isEmpty())
    Q_EMIT matchedRuleShown(trace.matchedResource, trace.matchedPath);
}

void TrialDock::addCurrentToSuite() {
  views::TrialSuiteRow row;
  row.request = editor_->request();
  row.request.name = name_->text().trimmed();
  if (row.request.name.isEmpty()) row.request.name = tr("trial %1").arg(suite_->rowCount() + 1);
  if (auto snapshot = bridge_.currentSnapshot())
    row.expected = TrialSuiteFile::currentExpectation(row.request, *snapshot);
  suite_->addRow(row);
  tabs_->setCurrentWidget(suite_);
}

int TrialDock::runSuite() {
  auto snapshot = bridge_.currentSnapshot();
  if (!snapshot) {
    suite_->setSummary(tr("Open a project first."));
    return -1;
  }
  suite_->clearOutcomes();
  const QList<views::TrialSuiteRow> rows = suite_->rows();
  int failed = 0;
  for (int i = 0; i < rows.size(); ++i) {
    const TrialSuiteFile::Check check = TrialSuiteFile::run(rows[i], *snapshot);
    suite_->setOutcome(i, check.passed, check.message);
    if (!check.passed) ++failed;
  }
  suite_->setSummary(tr("%1 passed, %2 failed (%3)")
                         .arg(rows.size() - failed)
                         .arg(failed)
                         .arg(bridge_.isRunning() ? tr("on the running configuration")
                                                  : tr("on the current document; the engine is stopped")));
  return failed;
}

bool TrialDock::saveSuite(const QString& path) {
  QString error;
  QStringList problems;
  if (!TrialSuiteFile::save(path, suite_->rows(), &error, &problems)) {
    suite_->setSummary(error);
    return false;
  }
  suite_->setSummary(problems.isEmpty()
                         ? tr("Saved %1: run it with meshstudio-cli test %1 --config %2").arg(path, document_.folder())
                         : tr("Saved %1 without: %2").arg(path, problems.join(QStringLiteral("; "))));
  return true;
}

bool TrialDock::loadSuite(const QString& path) {
  const TrialSuiteFile::Loaded loaded = TrialSuiteFile::load(path);
  suite_->setRows(loaded.rows);
  suite_->setSummary(loaded.problems.isEmpty() ? tr("Loaded %n trial(s).", nullptr, int(loaded.rows.size()))
                                               : loaded.problems.join(QLatin1Char('\n')));
  tabs_->setCurrentWidget(suite_);
  return !loaded.rows.isEmpty();
}

}  // namespace meshstudio::app

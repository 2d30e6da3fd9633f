#include "views/ClusterPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "views/ClusterDiffView.h"

namespace meshstudio::views {
namespace {

enum OutcomeRoles { ResourceRole = Qt::UserRole + 1, FieldRole };

QColor outcomeColour(const OutcomeRow& row) {
  if (row.failed) return ClusterDiffView::colourOf(AlignedLine::Kind::RightOnly);
  if (row.action == QLatin1String("created")) return ClusterDiffView::colourOf(AlignedLine::Kind::LeftOnly);
  if (row.action == QLatin1String("configured") || row.action == QLatin1String("restored") ||
      row.action == QLatin1String("pruned"))
    return ClusterDiffView::colourOf(AlignedLine::Kind::Changed);
  return QColor(Qt::transparent);
}

}  // namespace

ClusterPanel::ClusterPanel(QWidget* parent)
    : QWidget(parent),
      context_(new QComboBox),
      namespace_(new QComboBox),
      reconnect_(new QPushButton(tr("Reconnect"))),
      statusLabel_(new QLabel),
      insecure_(new QLabel),
      import_(new QPushButton(tr("Import from Cluster"))),
      diff_(new QPushButton(tr("Diff"))),
      dryRun_(new QPushButton(tr("Dry Run"))),
      apply_(new QPushButton(tr("Apply…"))),
      force_(new QCheckBox(tr("Force"))),
      prune_(new QCheckBox(tr("Prune"))),
      tabs_(new QTabWidget),
      message_(new QLabel),
      progress_(new QProgressBar),
      outcomeTable_(new QTreeWidget),
      forceApply_(new QPushButton(tr("Apply with Force"))),
      historyTable_(new QTableWidget),
      rollback_(new QPushButton(tr("Roll Back to This…"))) {
  context_->setObjectName(QStringLiteral("clusterContext"));
  context_->setToolTip(tr("The kubeconfig context to talk to ($KUBECONFIG, else ~/.kube/config)."));
  context_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  connect(context_, &QComboBox::activated, this, [this](int) { Q_EMIT contextChosen(context_->currentText()); });
  namespace_->setObjectName(QStringLiteral("clusterNamespace"));
  namespace_->setEditable(true);
  namespace_->setInsertPolicy(QComboBox::NoInsert);
  namespace_->setMinimumContentsLength(14);
  namespace_->setToolTip(
      tr("Where resources without a namespace go, and the namespace Import reads. Default: the project's "
         "defaultNamespace, else the context's."));
  connect(namespace_, &QComboBox::activated, this, [this](int) { Q_EMIT namespaceChosen(namespaceName()); });
  connect(namespace_->lineEdit(), &QLineEdit::editingFinished, this,
          [this] { Q_EMIT namespaceChosen(namespaceName()); });
  reconnect_->setToolTip(tr("Reads the kubeconfig again and reconnects."));
  connect(reconnect_, &QPushButton::clicked, this, &ClusterPanel::reconnectRequested);

  statusLabel_->setObjectName(QStringLiteral("clusterStatus"));
  statusLabel_->setWordWrap(true);
  statusLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  insecure_->setObjectName(QStringLiteral("insecureTlsWarning"));
  insecure_->setText(
      tr("⚠ insecure-skip-tls-verify: the server's certificate is not checked. Anyone between "
         "you and the cluster could read and change what is sent."));
  insecure_->setWordWrap(true);
  insecure_->setStyleSheet(
      QStringLiteral("QLabel { background: #b3261e; color: white; font-weight: bold; padding: 4px; }"));
  insecure_->setVisible(false);

  import_->setToolTip(
      tr("Adds the namespace's Istio resources, Services and Deployments the project does not "
         "have yet, as one undo step."));
  diff_->setToolTip(tr("Compares the project's Istio resources with the cluster's, field by field."));
  dryRun_->setToolTip(tr("Sends every resource with dryRun=All: the server validates and answers, nothing changes."));
  apply_->setToolTip(
      tr("Shows the diff first; after you confirm, a dry run of every resource, then server-side apply "
         "(field manager meshstudio)."));
  force_->setToolTip(tr("Take over fields another field manager owns instead of stopping at the conflict."));
  prune_->setToolTip(
      tr("Delete what earlier applies of this project created and the project no longer has (only while "
         "Mesh Studio still owns it)."));
  connect(import_, &QPushButton::clicked, this, &ClusterPanel::importRequested);
  connect(diff_, &QPushButton::clicked, this, &ClusterPanel::diffRequested);
  connect(dryRun_, &QPushButton::clicked, this, &ClusterPanel::dryRunRequested);
  connect(apply_, &QPushButton::clicked, this, &ClusterPanel::applyRequested);

  message_->setObjectName(QStringLiteral("clusterMessage"));
  message_->setWordWrap(true);
  message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  progress_->setTextVisible(true);
  progress_->setRange(0, 1);
  progress_->setValue(0);
  progress_->setFormat(QString());
  outcomeTable_->setObjectName(QStringLiteral("clusterOutcomes"));
  outcomeTable_->setColumnCount(3);
  outcomeTable_->setHeaderLabels({tr("Resource"), tr("Action"), tr("Message")});
  outcomeTable_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  outcomeTable_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  outcomeTable_->setWordWrap(true);
  outcomeTable_->setToolTip(tr("Double-click a failed resource or field to show it in the editor."));
  connect(outcomeTable_, &QTreeWidget::itemDoubleClicked, this,
          [this](QTreeWidgetItem* item) { activateOutcome(item); });
  forceApply_->setToolTip(tr("Applies again, taking over the contested fields from their managers."));
  forceApply_->setVisible(false);
  connect(forceApply_, &QPushButton::clicked, this, &ClusterPanel::forceApplyRequested);

  historyTable_->setObjectName(QStringLiteral("clusterHistory"));
  historyTable_->setColumnCount(5);
  historyTable_->setHorizontalHeaderLabels({tr("Time"), tr("Operation"), tr("Context"), tr("Result"), tr("Resources")});
  historyTable_->horizontalHeader()->setStretchLastSection(true);
  historyTable_->verticalHeader()->setVisible(false);
  historyTable_->setSelectionBehavior(QAbstractItemView::SelectRows);
  historyTable_->setSelectionMode(QAbstractItemView::SingleSelection);
  historyTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  connect(historyTable_, &QTableWidget::itemSelectionChanged, this, &ClusterPanel::updateEnabled);
  rollback_->setToolTip(
      tr("Applies again what the selected entry applied (with Prune, deletes what later applies "
         "added)."));
  connect(rollback_, &QPushButton::clicked, this, [this] {
    const int row = historyTable_->currentRow();
    if (row >= 0 && row < history_.size()) Q_EMIT rollbackRequested(history_[row].id);
  });

  auto* target = new QHBoxLayout;
  target->addWidget(new QLabel(tr("Context:")));
  target->addWidget(context_, 1);
  target->addWidget(new QLabel(tr("Namespace:")));
  target->addWidget(namespace_, 1);
  target->addWidget(reconnect_);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(import_);
  buttons->addSpacing(12);
  buttons->addWidget(diff_);
  buttons->addWidget(dryRun_);
  buttons->addWidget(apply_);
  buttons->addWidget(force_);
  buttons->addWidget(prune_);
  buttons->addStretch(1);

  auto* statusPage = new QWidget;
  auto* statusLayout = new QVBoxLayout(statusPage);
  statusLayout->setContentsMargins(2, 2, 2, 2);
  auto* progressRow = new QHBoxLayout;
  progressRow->addWidget(progress_, 1);
  progressRow->addWidget(forceApply_);
  statusLayout->addLayout(progressRow);
  statusLayout->addWidget(message_);
  statusLayout->addWidget(outcomeTable_, 1);
  tabs_->addTab(statusPage, tr("Status"));

  auto* historyPage = new QWidget;
  auto* historyLayout = new QVBoxLayout(historyPage);
  historyLayout->setContentsMargins(2, 2, 2, 2);
  historyLayout->addWidget(historyTable_, 1);
  auto* historyButtons = new QHBoxLayout;
  historyButtons->addStretch(1);
  historyButtons->addWidget(rollback_);
  historyLayout->addLayout(historyButtons);
  tabs_->addTab(historyPage, tr("History"));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(target);
  layout->addWidget(statusLabel_);
  layout->addWidget(insecure_);
  layout->addLayout(buttons);
  layout->addWidget(tabs_, 1);
  setStatus({});
}

void ClusterPanel::setContexts(const QStringList& contexts, const QString& current) {
  QSignalBlocker block(context_);
  context_->clear();
  context_->addItems(contexts);
  context_->setCurrentIndex(qMax(0, int(contexts.indexOf(current))));
  updateEnabled();
}

QString ClusterPanel::context() const { return context_->currentText(); }

void ClusterPanel::setNamespaces(const QStringList& namespaces, const QString& current) {
  QSignalBlocker block(namespace_);
  namespace_->clear();
  namespace_->addItems(namespaces);
  namespace_->setEditText(current);
}

QString ClusterPanel::namespaceName() const { return namespace_->currentText().trimmed(); }

void ClusterPanel::setStatus(const ClusterStatus& status) {
  status_ = status;
  QString text;
  const QString who = status.proxy.isEmpty()
                          ? tr("<b>%1</b> at %2 (%3)")
                                .arg(status.context.toHtmlEscaped(), status.server.toHtmlEscaped(),
                                     status.authentication.toHtmlEscaped())
                          : tr("<b>%1</b> at %2 (%3) through the proxy %4")
                                .arg(status.context.toHtmlEscaped(), status.server.toHtmlEscaped(),
                                     status.authentication.toHtmlEscaped(), status.proxy.toHtmlEscaped());
  switch (status.state) {
    case ClusterStatus::State::NoKubeconfig:
      text = tr("No kubeconfig: set KUBECONFIG or create ~/.kube/config, then Reconnect.");
      break;
    case ClusterStatus::State::Disconnected:
      text = status.context.isEmpty() ? tr("Not connected.") : tr("Not connected: %1.").arg(who);
      break;
    case ClusterStatus::State::Connecting:
      text = tr("Connecting to %1…").arg(who);
      break;
    case ClusterStatus::State::Connected:
      text = status.istioVersions.isEmpty()
                 ? tr("Connected to %1. <b>Istio's CRDs are not installed</b> (no networking.istio.io API): "
                      "install Istio before applying.")
                       .arg(who)
                 : tr("Connected to %1. Istio networking.istio.io %2 (preferred %3).")
                       .arg(who, status.istioVersions.join(QStringLiteral(", ")).toHtmlEscaped(),
                            status.preferredVersion.toHtmlEscaped());
      break;
    case ClusterStatus::State::Failed:
      text = status.context.isEmpty() ? tr("Cannot connect.") : tr("Cannot connect to %1.").arg(who);
      break;
  }
  if (!status.message.isEmpty()) text += QStringLiteral("<br>") + status.message.toHtmlEscaped();
  statusLabel_->setText(text);
  insecure_->setVisible(status.insecureTls);
  updateEnabled();
}

QString ClusterPanel::statusText() const { return statusLabel_->text(); }

bool ClusterPanel::isInsecureWarningShown() const { return !insecure_->isHidden(); }

void ClusterPanel::setBusy(bool busy, const QString& what) {
  busy_ = busy;
  if (busy) {
    progress_->setRange(0, 0);  // busy until the first progress report
    progress_->setFormat(what);
    forceApply_->setVisible(false);
  } else if (progress_->maximum() == 0) {
    // Nothing was counted (connecting, listing namespaces): back to an empty bar, rather than a
    // full one still saying "Talking to the cluster…" next to "Cannot connect".
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setFormat(QString());
  } else {
    progress_->setValue(progress_->maximum());
  }
  updateEnabled();
}

void ClusterPanel::setProgress(int done, int total, const QString& step) {
  progress_->setRange(0, qMax(1, total));
  progress_->setValue(qBound(0, done, qMax(1, total)));
  progress_->setFormat(tr("%1 (%2 of %3)").arg(step).arg(done).arg(total));
}

void ClusterPanel::setOutcomes(const QString& title, const QList<OutcomeRow>& outcomes, const QStringList& notes) {
  outcomes_ = outcomes;
  outcomeTable_->clear();
  bool conflict = false;
  for (const OutcomeRow& row : outcomes_) {
    auto* item = new QTreeWidgetItem(outcomeTable_, {row.resource, row.action, row.message});
    item->setData(0, ResourceRole, row.resource);
    item->setData(0, FieldRole, row.causes.isEmpty() ? QString() : row.causes.front().field);
    item->setBackground(1, outcomeColour(row));
    item->setToolTip(2, row.message);
    for (const FieldCauseRow& cause : row.causes) {
      const QString text =
          cause.manager.isEmpty() ? cause.message : tr("%1 (owned by %2)").arg(cause.message, cause.manager);
      auto* child = new QTreeWidgetItem(item, {cause.field, QString(), text});
      child->setData(0, ResourceRole, row.resource);
      child->setData(0, FieldRole, cause.field);
      child->setToolTip(2, text);
    }
    for (const QString& warning : row.warnings) {
      auto* child = new QTreeWidgetItem(item, {QString(), tr("warning"), warning});
      child->setToolTip(2, warning);
    }
    if (row.failed || !row.warnings.isEmpty()) item->setExpanded(true);
    conflict = conflict || row.conflict;
  }
  message_->setText(notes.isEmpty() ? title : title + QLatin1Char('\n') + notes.join(QLatin1Char('\n')));
  forceApply_->setVisible(conflict);
  tabs_->setCurrentIndex(0);
}

void ClusterPanel::setMessage(const QString& text) { message_->setText(text); }

QString ClusterPanel::message() const { return message_->text(); }

void ClusterPanel::setHistory(const QList<HistoryRow>& history) {
  history_ = history;
  historyTable_->setRowCount(int(history_.size()));
  for (int row = 0; row < history_.size(); ++row) {
    const HistoryRow& entry = history_[row];
    const QString operation =
        entry.rolledBackTo.isEmpty() ? entry.operation : tr("%1 to %2").arg(entry.operation, entry.rolledBackTo);
    const QStringList cells{entry.time, operation, entry.context, entry.result, QString::number(entry.resources)};
    for (int column = 0; column < cells.size(); ++column) {
      auto* item = new QTableWidgetItem(cells[column]);
      item->setToolTip(entry.id);
      historyTable_->setItem(row, column, item);
    }
  }
  historyTable_->resizeColumnsToContents();
  updateEnabled();
}

void ClusterPanel::selectHistoryRow(int row) { historyTable_->selectRow(row); }

bool ClusterPanel::force() const { return force_->isChecked(); }
bool ClusterPanel::prune() const { return prune_->isChecked(); }
void ClusterPanel::setForce(bool force) { force_->setChecked(force); }
void ClusterPanel::setPrune(bool prune) { prune_->setChecked(prune); }

void ClusterPanel::updateEnabled() {
  const bool connected = status_.state == ClusterStatus::State::Connected;
  const bool idle = !busy_;
  context_->setEnabled(idle && context_->count() > 0);
  reconnect_->setEnabled(idle);
  import_->setEnabled(idle && connected);
  diff_->setEnabled(idle && connected);
  dryRun_->setEnabled(idle && connected);
  apply_->setEnabled(idle && connected);
  forceApply_->setEnabled(idle && connected);
  rollback_->setEnabled(idle && connected && historyTable_->currentRow() >= 0 &&
                        !historyTable_->selectedItems().isEmpty());
}

void ClusterPanel::activateOutcome(QTreeWidgetItem* item) {
  const QString resource = item->data(0, ResourceRole).toString();
  if (resource.isEmpty()) return;
  Q_EMIT fieldActivated(resource, item->data(0, FieldRole).toString());
}

}  // namespace meshstudio::views

#include "views/TrialSuiteTable.h"

#include <algorithm>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meshstudio::views {
namespace {

enum Column { kName, kRequest, kExpected, kResult, kColumns };
constexpr int kRowRole = Qt::UserRole + 1;  ///< the whole TrialSuiteRow, on the name cell

QString describe(const TrialRequest& request) {
  QString text = request.method + QLatin1Char(' ') + request.url;
  for (const auto& [name, value] : request.headers) text += QStringLiteral("  %1: %2").arg(name, value);
  return text;
}

QColor stateColour(TrialSuiteRow::State state) {
  switch (state) {
    case TrialSuiteRow::State::Passed:
      return QColor(46, 160, 67, 90);
    case TrialSuiteRow::State::Failed:
      return QColor(207, 34, 46, 90);
    case TrialSuiteRow::State::NotRun:
      break;
  }
  return {};
}

}  // namespace

TrialSuiteTable::TrialSuiteTable(QWidget* parent)
    : QWidget(parent),
      table_(new QTableWidget(0, kColumns)),
      run_(new QPushButton(tr("Run All"))),
      summary_(new QLabel) {
  table_->setObjectName(QStringLiteral("suiteTable"));
  table_->setHorizontalHeaderLabels({tr("Trial"), tr("Request"), tr("Expected destination"), tr("Result")});
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->setVisible(false);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setToolTip(
      tr("Each row is a route test: the request and the route its matched rule must have, written host/subset "
         "with the weight in parentheses when the rule splits traffic, e.g. reviews/v1 (90), reviews/v3 (10). "
         "Double-click a request to load it into the editor."));
  connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
    if (column == kRequest || column == kResult) Q_EMIT rowActivated(row);
  });

  auto* add = new QPushButton(tr("Add Current Trial"));
  add->setObjectName(QStringLiteral("suiteAdd"));
  add->setToolTip(tr("Adds the trial in the editor as a row, expecting the route its request matches now."));
  connect(add, &QPushButton::clicked, this, &TrialSuiteTable::addCurrentRequested);
  auto* remove = new QPushButton(tr("Remove"));
  remove->setObjectName(QStringLiteral("suiteRemove"));
  remove->setToolTip(tr("Removes the selected rows."));
  connect(remove, &QPushButton::clicked, this, [this] {
    QList<int> rows;
    for (const QModelIndex& index : table_->selectionModel()->selectedRows()) rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows) table_->removeRow(row);
  });
  run_->setObjectName(QStringLiteral("suiteRun"));
  run_->setToolTip(
      tr("Runs every row against the current configuration, the way meshstudio-cli test does: the "
         "request is explained (no traffic) and its matched rule's route compared with the row's."));
  connect(run_, &QPushButton::clicked, this, &TrialSuiteTable::runAllRequested);
  auto* load = new QPushButton(tr("Load…"));
  load->setObjectName(QStringLiteral("suiteLoad"));
  load->setToolTip(tr("Reads a route test file (istio-config-validator's testCases format)."));
  connect(load, &QPushButton::clicked, this, &TrialSuiteTable::loadRequested);
  auto* save = new QPushButton(tr("Save…"));
  save->setObjectName(QStringLiteral("suiteSave"));
  save->setToolTip(
      tr("Writes the suite as a route test file that `meshstudio-cli test FILE --config PROJECT` runs, "
         "e.g. in CI."));
  connect(save, &QPushButton::clicked, this, &TrialSuiteTable::saveRequested);
  summary_->setObjectName(QStringLiteral("suiteSummary"));
  summary_->setWordWrap(true);

  auto* buttons = new QHBoxLayout;
  for (QPushButton* button : {add, remove, run_, load, save}) buttons->addWidget(button);
  buttons->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(buttons);
  layout->addWidget(table_, 1);
  layout->addWidget(summary_);
}

void TrialSuiteTable::setRows(const QList<TrialSuiteRow>& rows) {
  table_->setRowCount(0);
  for (const TrialSuiteRow& row : rows) addRow(row);
}

void TrialSuiteTable::addRow(const TrialSuiteRow& row) {
  const int at = table_->rowCount();
  table_->insertRow(at);
  auto* name = new QTableWidgetItem(row.request.name);
  name->setData(kRowRole, QVariant::fromValue(row.request));
  name->setToolTip(tr("The test case's description; double-click to rename."));
  auto* request = new QTableWidgetItem(describe(row.request));
  request->setFlags(request->flags() & ~Qt::ItemIsEditable);
  auto* expected = new QTableWidgetItem(row.expected);
  expected->setToolTip(
      tr("host/subset of each destination of the matched rule, the weight in parentheses when "
         "there are several: reviews/v1 (90), reviews/v3 (10). A port is written host:9080/subset."));
  auto* result = new QTableWidgetItem;
  result->setFlags(result->flags() & ~Qt::ItemIsEditable);
  table_->setItem(at, kName, name);
  table_->setItem(at, kRequest, request);
  table_->setItem(at, kExpected, expected);
  table_->setItem(at, kResult, result);
  if (row.state != TrialSuiteRow::State::NotRun) setOutcome(at, row.state == TrialSuiteRow::State::Passed, row.message);
}

int TrialSuiteTable::rowCount() const { return table_->rowCount(); }

QList<TrialSuiteRow> TrialSuiteTable::rows() const {
  QList<TrialSuiteRow> out;
  for (int at = 0; at < table_->rowCount(); ++at) {
    TrialSuiteRow row;
    row.request = table_->item(at, kName)->data(kRowRole).value<TrialRequest>();
    row.request.name = table_->item(at, kName)->text().trimmed();
    row.expected = table_->item(at, kExpected)->text().trimmed();
    const QVariant state = table_->item(at, kResult)->data(kRowRole);
    row.state = state.isValid() ? (state.toBool() ? TrialSuiteRow::State::Passed : TrialSuiteRow::State::Failed)
                                : TrialSuiteRow::State::NotRun;
    row.message = table_->item(at, kResult)->text();
    out.append(row);
  }
  return out;
}

void TrialSuiteTable::setOutcome(int row, bool passed, const QString& message) {
  if (row < 0 || row >= table_->rowCount()) return;
  const QColor colour = stateColour(passed ? TrialSuiteRow::State::Passed : TrialSuiteRow::State::Failed);
  QTableWidgetItem* result = table_->item(row, kResult);
  result->setText((passed ? tr("✓ passed") : tr("✗ failed")) +
                  (message.isEmpty() ? QString() : tr(": %1").arg(message)));
  result->setToolTip(message);
  result->setData(kRowRole, passed);
  for (int column = 0; column < kColumns; ++column) table_->item(row, column)->setBackground(colour);
}

void TrialSuiteTable::clearOutcomes() {
  for (int row = 0; row < table_->rowCount(); ++row) {
    QTableWidgetItem* result = table_->item(row, kResult);
    result->setText(QString());
    result->setData(kRowRole, QVariant());
    for (int column = 0; column < kColumns; ++column) table_->item(row, column)->setBackground(QBrush());
  }
  summary_->clear();
}

void TrialSuiteTable::setSummary(const QString& text) { summary_->setText(text); }

QString TrialSuiteTable::summary() const { return summary_->text(); }

}  // namespace meshstudio::views

#include "views/StringMatchListEditor.h"

#include <QComboBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

#include "views/FieldForm.h"

namespace meshstudio::views {

namespace {

const QStringList kOperators{QStringLiteral("exact"), QStringLiteral("prefix"), QStringLiteral("regex")};

}  // namespace

StringMatchListEditor::StringMatchListEditor(QWidget* parent) : QWidget(parent), table_(new QTableWidget(0, 2, this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  table_->setHorizontalHeaderLabels({tr("Match"), tr("Origin")});
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->hide();
  table_->setMinimumHeight(90);
  layout->addWidget(table_);
  connect(table_, &QTableWidget::itemChanged, this, [this] {
    if (!loading_) commit();
  });
}

void StringMatchListEditor::addRow(const QString& kind, const QString& value) {
  const int row = table_->rowCount();
  table_->insertRow(row);
  auto* op = new QComboBox(table_);
  op->addItems(kOperators);
  if (op->findText(kind) < 0) op->addItem(kind);
  op->setCurrentText(kind);
  table_->setCellWidget(row, 0, op);
  table_->setItem(row, 1, new QTableWidgetItem(value));
  connect(op, &QComboBox::activated, this, &StringMatchListEditor::commit);
}

void StringMatchListEditor::load(const model::Value& document) {
  loading_ = true;
  const auto path = model::FieldPath::parse(path_);
  const model::Value* list = path ? path->find(document) : nullptr;
  std::vector<std::pair<QString, QString>> rows;
  if (list && list->isSeq())
    for (const model::Value& item : list->items())
      if (item.isMap() && !item.entries().empty() && item.entries().front().value.isScalar())
        rows.emplace_back(QString::fromStdString(item.entries().front().key),
                          QString::fromStdString(item.entries().front().value.text()));
  // The rows the user filled in, in order: when they are the list, the table stays as it is
  // (the reload after the user's own edit must not rebuild the cell being edited).
  std::vector<std::pair<QString, QString>> shown;
  for (int row = 0; row < table_->rowCount(); ++row) {
    const auto* op = qobject_cast<QComboBox*>(table_->cellWidget(row, 0));
    const QTableWidgetItem* item = table_->item(row, 1);
    if (op && item && !item->text().isEmpty()) shown.emplace_back(op->currentText(), item->text());
  }
  if (shown != rows) {
    table_->setRowCount(0);
    for (const auto& [kind, value] : rows) addRow(kind, value);
  }
  const QTableWidgetItem* last = table_->rowCount() > 0 ? table_->item(table_->rowCount() - 1, 1) : nullptr;
  if (!last || !last->text().isEmpty()) addRow(kOperators.front(), QString());  // type here to add one
  loading_ = false;
}

void StringMatchListEditor::commit() {
  model::Value list = model::Value::seq();
  bool problem = false;
  loading_ = true;
  for (int row = 0; row < table_->rowCount(); ++row) {
    const auto* op = qobject_cast<QComboBox*>(table_->cellWidget(row, 0));
    QTableWidgetItem* item = table_->item(row, 1);
    if (!op || !item) continue;
    const QString error = op->currentText() == QLatin1String("regex") ? FieldForm::regexError(item->text()) : QString();
    item->setBackground(error.isEmpty() ? QBrush() : QBrush(QColor(0xf8, 0xd0, 0xd0)));
    item->setToolTip(error);
    problem = problem || !error.isEmpty();
    if (item->text().isEmpty()) continue;  // an emptied row goes
    model::Value match = model::Value::map();
    match.set(op->currentText().toStdString(), model::Value::string(item->text().toStdString()));
    list.append(std::move(match));
  }
  loading_ = false;
  if (problem) return;  // a regex RE2 rejects is never written
  Q_EMIT edited({{path_, list.size() == 0 ? std::nullopt : std::optional(std::move(list))}}, QString());
}

}  // namespace meshstudio::views

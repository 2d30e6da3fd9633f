#include "views/TrialRequestEditor.h"

#include <algorithm>

#include <QComboBox>
#include <QCompleter>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStringListModel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meshstudio::views {

TrialRequestEditor::TrialRequestEditor(QWidget* parent)
    : QWidget(parent),
      method_(new QComboBox),
      url_(new QLineEdit),
      completer_(new QCompleter(this)),
      suggestions_(new QStringListModel(this)),
      headers_(new QTableWidget(0, 2)),
      body_(new QPlainTextEdit) {
  method_->setObjectName(QStringLiteral("trialMethod"));
  method_->setEditable(true);  // extension methods are allowed, as in curl -X
  method_->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                     QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
  method_->setToolTip(tr("The request's HTTP method; any token may be typed. Default: GET."));
  connect(method_, &QComboBox::currentTextChanged, this, [this] {
    if (!loading_) Q_EMIT edited();
  });

  url_->setObjectName(QStringLiteral("trialUrl"));
  url_->setPlaceholderText(tr("http://reviews:9080/"));
  url_->setToolTip(
      tr("The URL as a client in the mesh writes it, e.g. http://reviews:9080/products?id=1. Its host picks the "
         "listener: a Service or mesh host goes to the mesh listener, a host a Gateway serves to that Gateway's "
         "port. Without a port the Service's port (mesh) or 80 (gateway) applies. The list offers the project's "
         "hosts and gateway URLs."));
  completer_->setModel(suggestions_);
  completer_->setCaseSensitivity(Qt::CaseInsensitive);
  completer_->setFilterMode(Qt::MatchContains);
  url_->setCompleter(completer_);
  connect(url_, &QLineEdit::returnPressed, this, &TrialRequestEditor::submitted);
  connect(url_, &QLineEdit::textEdited, this, &TrialRequestEditor::edited);

  headers_->setObjectName(QStringLiteral("trialHeaders"));
  headers_->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
  headers_->horizontalHeader()->setStretchLastSection(true);
  headers_->verticalHeader()->setVisible(false);
  headers_->setToolTip(
      tr("Request headers, one per row; the empty last row takes a new one. Rows without a name are ignored. "
         "Host comes from the URL unless a row sets it."));
  connect(headers_, &QTableWidget::itemChanged, this, [this] {
    if (loading_) return;
    ensureEmptyLastRow();
    Q_EMIT edited();
  });
  auto* removeHeader = new QPushButton(tr("Remove Header"));
  removeHeader->setObjectName(QStringLiteral("trialRemoveHeader"));
  removeHeader->setToolTip(tr("Removes the selected header rows."));
  connect(removeHeader, &QPushButton::clicked, this, &TrialRequestEditor::removeSelectedHeaders);

  body_->setObjectName(QStringLiteral("trialBody"));
  body_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  body_->setPlaceholderText(tr("Request body (optional)"));
  body_->setToolTip(tr("The request body, sent as typed with its Content-Length. Empty: no body."));
  body_->setTabChangesFocus(true);
  connect(body_, &QPlainTextEdit::textChanged, this, [this] {
    if (!loading_) Q_EMIT edited();
  });

  auto* line = new QHBoxLayout;
  line->addWidget(method_);
  line->addWidget(url_, 1);
  auto* headerTitle = new QHBoxLayout;
  headerTitle->addWidget(new QLabel(tr("Headers")));
  headerTitle->addStretch();
  headerTitle->addWidget(removeHeader);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(line);
  layout->addLayout(headerTitle);
  layout->addWidget(headers_, 2);
  layout->addWidget(new QLabel(tr("Body")));
  layout->addWidget(body_, 1);
  ensureEmptyLastRow();
}

TrialRequest TrialRequestEditor::request() const {
  TrialRequest request;
  request.method = method_->currentText().trimmed().toUpper();
  if (request.method.isEmpty()) request.method = QStringLiteral("GET");
  request.url = url_->text().trimmed();
  for (int row = 0; row < headers_->rowCount(); ++row) {
    const QTableWidgetItem* name = headers_->item(row, 0);
    const QTableWidgetItem* value = headers_->item(row, 1);
    const QString key = name ? name->text().trimmed() : QString();
    if (!key.isEmpty()) request.headers.append({key, value ? value->text().trimmed() : QString()});
  }
  request.body = body_->toPlainText();
  return request;
}

void TrialRequestEditor::setRequest(const TrialRequest& request) {
  loading_ = true;
  method_->setCurrentText(request.method.isEmpty() ? QStringLiteral("GET") : request.method);
  url_->setText(request.url);
  headers_->setRowCount(0);
  for (const auto& [name, value] : request.headers) {
    const int row = headers_->rowCount();
    headers_->insertRow(row);
    headers_->setItem(row, 0, new QTableWidgetItem(name));
    headers_->setItem(row, 1, new QTableWidgetItem(value));
  }
  body_->setPlainText(request.body);
  ensureEmptyLastRow();
  loading_ = false;
}

void TrialRequestEditor::setUrlSuggestions(const QStringList& urls) { suggestions_->setStringList(urls); }

QStringList TrialRequestEditor::urlSuggestions() const { return suggestions_->stringList(); }

void TrialRequestEditor::addHeader(const QString& name, const QString& value) {
  const bool wasLoading = loading_;
  loading_ = true;
  // Fill the empty last row instead of rebuilding, so a cell being edited keeps its editor.
  int row = headers_->rowCount() - 1;
  if (row < 0 || (headers_->item(row, 0) && !headers_->item(row, 0)->text().isEmpty())) {
    row = headers_->rowCount();
    headers_->insertRow(row);
  }
  headers_->setItem(row, 0, new QTableWidgetItem(name));
  headers_->setItem(row, 1, new QTableWidgetItem(value));
  ensureEmptyLastRow();
  loading_ = wasLoading;
  Q_EMIT edited();
}

void TrialRequestEditor::ensureEmptyLastRow() {
  const int last = headers_->rowCount() - 1;
  const bool lastEmpty = last >= 0 && (!headers_->item(last, 0) || headers_->item(last, 0)->text().isEmpty()) &&
                         (!headers_->item(last, 1) || headers_->item(last, 1)->text().isEmpty());
  if (lastEmpty) return;
  const QSignalBlocker blocker(headers_);
  headers_->insertRow(last + 1);
}

void TrialRequestEditor::removeSelectedHeaders() {
  QList<int> rows;
  for (const QTableWidgetItem* item : headers_->selectedItems())
    if (!rows.contains(item->row())) rows.append(item->row());
  if (rows.isEmpty() && headers_->currentRow() >= 0) rows.append(headers_->currentRow());
  std::sort(rows.begin(), rows.end(), std::greater<>());
  for (int row : rows) headers_->removeRow(row);
  ensureEmptyLastRow();
  Q_EMIT edited();
}

}  // namespace meshstudio::views

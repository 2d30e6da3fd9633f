#include "views/TrialResultView.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meshstudio::views {

TrialResultView::TrialResultView(QWidget* parent)
    : QWidget(parent), status_(new QLabel), headers_(new QTableWidget(0, 2)), body_(new QPlainTextEdit) {
  status_->setObjectName(QStringLiteral("trialStatus"));
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  status_->setWordWrap(true);
  status_->setToolTip(
      tr("The response status, the time from connecting to the last byte of the answer, and the "
         "listener the request went to."));
  headers_->setObjectName(QStringLiteral("trialResponseHeaders"));
  headers_->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
  headers_->horizontalHeader()->setStretchLastSection(true);
  headers_->verticalHeader()->setVisible(false);
  headers_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  headers_->setToolTip(tr("The response headers as received, in order."));
  body_->setObjectName(QStringLiteral("trialResponseBody"));
  body_->setReadOnly(true);
  body_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  body_->setToolTip(tr("The response body; JSON is shown indented."));

  auto* split = new QSplitter(Qt::Vertical);
  split->addWidget(headers_);
  split->addWidget(body_);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(status_);
  layout->addWidget(split, 1);
  clear();
}

QString TrialResultView::displayBody(const QByteArray& body) {
  QJsonParseError error;
  const QJsonDocument json = QJsonDocument::fromJson(body, &error);
  if (error.error == QJsonParseError::NoError && !json.isNull())
    return QString::fromUtf8(json.toJson(QJsonDocument::Indented));
  return QString::fromUtf8(body);
}

void TrialResultView::setResult(const TrialResult& result) {
  result_ = result;
  const QString time = QLocale().toString(result.elapsedMs, 'f', 1);
  QString text;
  QString colour;
  if (!result.error.isEmpty()) {
    text = tr("No response: %1").arg(result.error);
    colour = QStringLiteral("#c0392b");
  } else if (!result.sent) {
    text =
        result.status > 0
            ? tr("Explained, nothing sent. The proxy would answer itself: %1 %2").arg(result.status).arg(result.reason)
            : tr("Explained, nothing sent: the request would be forwarded as the trace shows.");
  } else {
    text = tr("%1 %2 · %3 ms").arg(result.status).arg(result.reason, time);
    colour = result.status >= 500   ? QStringLiteral("#c0392b")
             : result.status >= 400 ? QStringLiteral("#b9770e")
                                    : QStringLiteral("#1e8449");
  }
  if (!result.target.isEmpty()) text += tr(" · %1").arg(result.target);
  status_->setText(text);
  status_->setStyleSheet(colour.isEmpty() ? QString()
                                          : QStringLiteral("QLabel { color: %1; font-weight: bold; }").arg(colour));
  headers_->setRowCount(0);
  for (const auto& [name, value] : result.headers) {
    const int row = headers_->rowCount();
    headers_->insertRow(row);
    headers_->setItem(row, 0, new QTableWidgetItem(name));
    headers_->setItem(row, 1, new QTableWidgetItem(value));
  }
  body_->setPlainText(displayBody(result.body));
}

void TrialResultView::setPending(const QString& what) {
  result_ = TrialResult();
  status_->setStyleSheet(QString());
  status_->setText(what);
  headers_->setRowCount(0);
  body_->clear();
}

void TrialResultView::clear() {
  setPending(
      tr("No trial sent yet: Send puts the request through the running engine, "
         "Explain shows its route without sending it."));
}

QString TrialResultView::statusText() const { return status_->text(); }

QString TrialResultView::bodyText() const { return body_->toPlainText(); }

}  // namespace meshstudio::views

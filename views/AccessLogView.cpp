#include "views/AccessLogView.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshstudio::views {

AccessLogView::AccessLogView(QWidget* parent)
    : QWidget(parent),
      filter_(new QLineEdit),
      pause_(new QToolButton),
      clear_(new QToolButton),
      status_(new QLabel),
      text_(new QPlainTextEdit) {
  filter_->setObjectName(QStringLiteral("accessLogFilter"));
  filter_->setPlaceholderText(tr("Filter: words every shown line contains, e.g. 503 reviews"));
  filter_->setClearButtonEnabled(true);
  filter_->setToolTip(
      tr("Shows only the lines that contain every word typed here (case-insensitive): a status "
         "code, a response flag such as UH, a host, a cluster. Empty: every line."));
  connect(filter_, &QLineEdit::textChanged, this, &AccessLogView::setFilter);

  pause_->setObjectName(QStringLiteral("accessLogPause"));
  pause_->setCheckable(true);
  pause_->setText(tr("Pause"));
  pause_->setToolTip(tr("Freezes the log to read it; new lines are kept and shown on resume (up to the last "
                        "%1 lines).")
                         .arg(kDefaultCapacity));
  connect(pause_, &QToolButton::toggled, this, &AccessLogView::setPaused);

  clear_->setObjectName(QStringLiteral("accessLogClear"));
  clear_->setText(tr("Clear"));
  clear_->setToolTip(tr("Forgets the lines received so far."));
  connect(clear_, &QToolButton::clicked, this, &AccessLogView::clear);

  status_->setObjectName(QStringLiteral("accessLogStatus"));

  text_->setObjectName(QStringLiteral("accessLogText"));
  text_->setReadOnly(true);
  text_->setLineWrapMode(QPlainTextEdit::NoWrap);
  text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  text_->setMaximumBlockCount(capacity_);
  text_->setPlaceholderText(
      tr("The engine's access log, in Istio's format, appears here while the engine runs (Engine → Start)."));
  text_->setToolTip(
      tr("[start time] \"METHOD path protocol\" status flags details termination \"transport failure\" bytes in, "
         "bytes out, duration ms, upstream time \"x-forwarded-for\" \"user agent\" \"request id\" \"authority\" "
         "\"upstream host\" cluster upstream local, downstream local, downstream remote, SNI, route"));

  auto* bar = new QHBoxLayout;
  bar->addWidget(filter_, 1);
  bar->addWidget(pause_);
  bar->addWidget(clear_);
  bar->addWidget(status_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(bar);
  layout->addWidget(text_, 1);
  updateStatus();
}

void AccessLogView::setCapacity(int lines) {
  capacity_ = qMax(1, lines);
  while (int(buffer_.size()) > capacity_) buffer_.pop_front();
  text_->setMaximumBlockCount(capacity_);
  rebuild();
}

void AccessLogView::setFilter(const QString& filter) {
  if (filter_->text() != filter) filter_->setText(filter);  // re-enters through textChanged
  const QStringList terms = filter.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  if (terms == terms_) return;
  terms_ = terms;
  rebuild();
}

void AccessLogView::setPaused(bool paused) {
  if (pause_->isChecked() != paused) pause_->setChecked(paused);  // re-enters through toggled
  if (paused_ == paused) return;
  paused_ = paused;
  pause_->setText(paused ? tr("Resume") : tr("Pause"));
  if (!paused) rebuild();
  updateStatus();
}

bool AccessLogView::matches(const QString& line) const {
  for (const QString& term : terms_)
    if (!line.contains(term, Qt::CaseInsensitive)) return false;
  return true;
}

void AccessLogView::appendLines(const QStringList& lines) {
  if (lines.isEmpty()) return;
  for (const QString& line : lines) buffer_.push_back(line);
  while (int(buffer_.size()) > capacity_) buffer_.pop_front();
  if (paused_) {
    unseen_ = qMin(unseen_ + int(lines.size()), capacity_);
    updateStatus();
    return;
  }
  QStringList shown;
  for (const QString& line : lines)
    if (matches(line)) shown.append(line);
  if (shown.isEmpty()) return;
  // Follow the end only when the user is there: someone scrolled up to read keeps their place.
  QScrollBar* bar = text_->verticalScrollBar();
  const bool atEnd = bar->value() >= bar->maximum() - 2;
  const int keep = bar->value();
  text_->appendPlainText(shown.join(QLatin1Char('\n')));
  if (atEnd)
    bar->setValue(bar->maximum());
  else
    bar->setValue(keep);
  updateStatus();
}

void AccessLogView::clear() {
  buffer_.clear();
  unseen_ = 0;
  text_->clear();
  updateStatus();
}

void AccessLogView::rebuild() {
  unseen_ = 0;
  QStringList shown;
  for (const QString& line : buffer_)
    if (matches(line)) shown.append(line);
  text_->setPlainText(shown.join(QLatin1Char('\n')));
  text_->verticalScrollBar()->setValue(text_->verticalScrollBar()->maximum());
  updateStatus();
}

void AccessLogView::updateStatus() {
  if (paused_)
    status_->setText(tr("Paused · %n new line(s)", nullptr, unseen_));
  else
    status_->setText(tr("%n line(s)", nullptr, int(buffer_.size())));
}

QStringList AccessLogView::lines() const { return QStringList(buffer_.begin(), buffer_.end()); }

QStringList AccessLogView::shownLines() const {
  const QString text = text_->toPlainText();
  return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

}  // namespace meshstudio::views

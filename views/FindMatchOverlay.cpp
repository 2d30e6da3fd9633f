#include "views/FindMatchOverlay.h"

#include <QEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>

#include <algorithm>

namespace meshstudio::views {

FindMatchOverlay::FindMatchOverlay(QPlainTextEdit* editor) : QWidget(editor->viewport()), editor_(editor) {
  setAttribute(Qt::WA_TransparentForMouseEvents);
  setAttribute(Qt::WA_NoSystemBackground);
  setFocusPolicy(Qt::NoFocus);
  setGeometry(editor->viewport()->rect());
  editor->viewport()->installEventFilter(this);
  // Scrolling and relayout move the text under the overlay.
  connect(editor, &QPlainTextEdit::updateRequest, this, [this] { update(); });
  connect(editor->horizontalScrollBar(), &QScrollBar::valueChanged, this, [this] { update(); });
  hide();
}

void FindMatchOverlay::setRanges(QList<TextRange> ranges) {
  ranges_ = std::move(ranges);
  setVisible(!ranges_.isEmpty());
  raise();
  update();
}

bool FindMatchOverlay::eventFilter(QObject* watched, QEvent* event) {
  if (watched == editor_->viewport() && event->type() == QEvent::Resize) setGeometry(editor_->viewport()->rect());
  return QWidget::eventFilter(watched, event);
}

void FindMatchOverlay::paintEvent(QPaintEvent*) {
  if (ranges_.isEmpty()) return;
  // Only the ranges between the first and the last visible position are looked at: a long
  // document with thousands of matches costs what the screen shows.
  const int first = editor_->cursorForPosition(QPoint(0, 0)).block().position();
  const QTextBlock lastBlock = editor_->cursorForPosition(QPoint(width(), height())).block();
  const int last = lastBlock.position() + lastBlock.length();
  auto from = std::lower_bound(ranges_.begin(), ranges_.end(), first,
                               [](const TextRange& range, int position) { return range.position < position; });

  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  QColor fill = palette().color(QPalette::Highlight);
  fill.setAlpha(60);
  QColor outline = palette().color(QPalette::Highlight);
  outline.setAlpha(200);
  painter.setPen(QPen(outline, 1));
  painter.setBrush(fill);
  QTextCursor cursor(editor_->document());
  for (auto range = from; range != ranges_.end() && range->position <= last; ++range) {
    cursor.setPosition(range->position);
    const QRect start = editor_->cursorRect(cursor);
    cursor.setPosition(range->position + range->length);
    const QRect end = editor_->cursorRect(cursor);
    // A match never spans lines (the search text has no line break), so one box per match.
    const QRectF box(start.left(), start.top(), std::max(end.left() - start.left(), 2), start.height());
    painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
  }
}

}  // namespace meshstudio::views

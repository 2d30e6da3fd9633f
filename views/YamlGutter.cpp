#include "views/YamlGutter.h"

#include <QHelpEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

#include "views/YamlView.h"

namespace meshstudio::views {

namespace {
constexpr int kMarkerWidth = 12;
}

YamlGutter::YamlGutter(YamlView& view) : QWidget(&view), view_(view) { setMouseTracking(true); }

int YamlGutter::widthForLines(int lineCount) const {
  const int digits = QString::number(qMax(1, lineCount)).size();
  return kMarkerWidth + 6 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(2, digits);
}

QSize YamlGutter::sizeHint() const { return {widthForLines(view_.blockCount()), 0}; }

QColor YamlGutter::colorOf(model::Severity severity) {
  switch (severity) {
    case model::Severity::Error:
      return {0xd0, 0x30, 0x30};
    case model::Severity::Warning:
      return {0xd0, 0x8a, 0x00};
    case model::Severity::Info:
      return {0x2f, 0x74, 0xc0};
  }
  return {};
}

int YamlGutter::lineAt(int y) const {
  for (QTextBlock block = view_.firstVisibleBlock(); block.isValid() && block.isVisible(); block = block.next()) {
    const QRectF box = view_.blockBoundingGeometry(block).translated(view_.contentOffset());
    if (y >= box.top() && y < box.bottom()) return block.blockNumber() + 1;
    if (box.top() > height()) break;
  }
  return 0;
}

void YamlGutter::paintEvent(QPaintEvent* event) {
  QPainter painter(this);
  painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
  painter.setRenderHint(QPainter::Antialiasing);
  const QColor numberColor = palette().color(QPalette::PlaceholderText);
  for (QTextBlock block = view_.firstVisibleBlock(); block.isValid(); block = block.next()) {
    const QRectF box = view_.blockBoundingGeometry(block).translated(view_.contentOffset());
    if (box.top() > event->rect().bottom()) break;
    if (!block.isVisible() || box.bottom() < event->rect().top()) continue;
    const int line = block.blockNumber() + 1;
    painter.setPen(numberColor);
    painter.drawText(QRectF(0, box.top(), width() - kMarkerWidth - 2, box.height()), Qt::AlignRight | Qt::AlignVCenter,
                     QString::number(line));
    if (const auto severity = view_.severityAt(line)) {
      const qreal size = qMin<qreal>(kMarkerWidth - 4, box.height() - 4);
      const QRectF dot(width() - kMarkerWidth + (kMarkerWidth - size) / 2, box.center().y() - size / 2, size, size);
      painter.setPen(Qt::NoPen);
      painter.setBrush(colorOf(*severity));
      painter.drawEllipse(dot);
    }
  }
}

bool YamlGutter::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QStringList messages = view_.messagesAt(lineAt(help->pos().y()));
    if (messages.isEmpty())
      QToolTip::hideText();
    else
      QToolTip::showText(help->globalPos(), messages.join(QLatin1Char('\n')), this);
    return true;
  }
  return QWidget::event(event);
}

}  // namespace meshstudio::views

#include "views/YamlView.h"

#include <QFontDatabase>
#include <QScrollBar>
#include <QSyntaxHighlighter>
#include <QTextBlock>

#include "views/YamlHighlighterFactory.h"

namespace meshstudio::views {

YamlView::YamlView(QWidget* parent) : QPlainTextEdit(parent) {
  setReadOnly(true);
  setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  setLineWrapMode(QPlainTextEdit::NoWrap);
  setUndoRedoEnabled(false);
  QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  font.setStyleHint(QFont::Monospace);
  setFont(font);
  setTabStopDistance(QFontMetricsF(font).horizontalAdvance(QLatin1Char(' ')) * 2);
  highlighter_ = YamlHighlighterFactory::create(document());
}

void YamlView::setYaml(const QString& yaml) {
  if (yaml != toPlainText()) setPlainText(yaml);
  scrollToLine(1);
}

void YamlView::scrollToLine(int line) {
  const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
  if (!block.isValid()) return;
  setTextCursor(QTextCursor(block));
  // Without line wrapping the vertical scroll bar counts lines: this puts `line` at the top.
  verticalScrollBar()->setValue(block.blockNumber());
}

}  // namespace meshstudio::views

#include "views/YamlView.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QScrollBar>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>

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
  pause_ = new QTimer(this);
  pause_->setSingleShot(true);
  pause_->setInterval(600);
  connect(pause_, &QTimer::timeout, this, [this] { Q_EMIT yamlEdited(toPlainText()); });
  connect(this, &QPlainTextEdit::textChanged, this, [this] {
    if (!settingText_ && !isReadOnly()) pause_->start();
  });
}

void YamlView::setYaml(const QString& yaml) {
  settingText_ = true;
  pause_->stop();
  if (yaml != toPlainText()) setPlainText(yaml);
  settingText_ = false;
  clearError();
  scrollToLine(1);
}

void YamlView::setEditable(bool editable) {
  setReadOnly(!editable);
  setTextInteractionFlags(editable ? Qt::TextEditorInteraction
                                   : Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  setToolTip(editable ? tr("The selected resource's YAML. Edit it here: the change is applied when you pause, as one "
                           "step you can undo; a line that does not parse is underlined and nothing is applied.")
                      : QString());
}

void YamlView::setEditPause(int milliseconds) { pause_->setInterval(milliseconds); }

void YamlView::markError(int line, const QString& message) {
  errorLine_ = line;
  errorMessage_ = message;
  QList<QTextEdit::ExtraSelection> selections;
  const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
  if (block.isValid()) {
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(block);
    selection.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    selection.format.setUnderlineColor(QColor(0xd0, 0x30, 0x30));
    selection.format.setBackground(QColor(0xd0, 0x30, 0x30, 40));
    selections.append(selection);
  }
  setExtraSelections(selections);
}

void YamlView::clearError() {
  errorLine_ = 0;
  errorMessage_.clear();
  setExtraSelections({});
}

bool YamlView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip && errorLine_ > 0) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QTextCursor cursor = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
    if (cursor.blockNumber() + 1 == errorLine_) {
      QToolTip::showText(help->globalPos(), errorMessage_, this);
      return true;
    }
  }
  return QPlainTextEdit::event(event);
}

void YamlView::scrollToLine(int line) {
  const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
  if (!block.isValid()) return;
  setTextCursor(QTextCursor(block));
  // Without line wrapping the vertical scroll bar counts lines: this puts `line` at the top.
  verticalScrollBar()->setValue(block.blockNumber());
}

}  // namespace meshstudio::views

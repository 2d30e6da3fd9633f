#include "views/YamlView.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QScrollBar>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>

#include "views/YamlGutter.h"
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
  gutter_ = new YamlGutter(*this);
  connect(this, &QPlainTextEdit::blockCountChanged, this, &YamlView::updateGutterWidth);
  connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
    if (dy != 0)
      gutter_->scroll(0, dy);
    else
      gutter_->update(0, rect.y(), gutter_->width(), rect.height());
  });
  updateGutterWidth();
}

void YamlView::updateGutterWidth() { setViewportMargins(gutter_->widthForLines(blockCount()), 0, 0, 0); }

void YamlView::resizeEvent(QResizeEvent* event) {
  QPlainTextEdit::resizeEvent(event);
  const QRect area = contentsRect();
  gutter_->setGeometry(area.left(), area.top(), gutter_->widthForLines(blockCount()), area.height());
}

void YamlView::setYaml(const QString& yaml) {
  settingText_ = true;
  pause_->stop();
  if (yaml != toPlainText()) setPlainText(yaml);
  settingText_ = false;
  marks_.clear();  // they were placed on the old text; the app places the new ones
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
  updateSelections();
}

void YamlView::clearError() {
  errorLine_ = 0;
  errorMessage_.clear();
  updateSelections();
}

void YamlView::setMarks(const QList<Mark>& marks) {
  if (marks == marks_) return;
  marks_ = marks;
  updateSelections();
}

void YamlView::setHighlights(const QList<QTextEdit::ExtraSelection>& highlights) {
  highlights_ = highlights;
  updateSelections();
}

QStringList YamlView::messagesAt(int line) const {
  QStringList messages;
  if (line <= 0) return messages;
  if (line == errorLine_) messages << errorMessage_;
  for (const Mark& mark : marks_)
    if (mark.line == line) messages << mark.message;
  return messages;
}

std::optional<model::Severity> YamlView::severityAt(int line) const {
  std::optional<model::Severity> worst;
  if (line > 0 && line == errorLine_) return model::Severity::Error;
  for (const Mark& mark : marks_)
    if (mark.line == line && (!worst || mark.severity < *worst)) worst = mark.severity;  // Error < Warning < Info
  return worst;
}

QTextEdit::ExtraSelection YamlView::underline(int line, int column, const QColor& color) const {
  QTextEdit::ExtraSelection selection;
  const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
  selection.cursor = QTextCursor(block);
  // From the column, or from the first non-blank character, to the end of the line.
  int start = column > 0 ? column - 1 : 0;
  if (column <= 0)
    while (start < block.length() - 1 && block.text().at(start).isSpace()) ++start;
  selection.cursor.setPosition(block.position() + qMin(start, qMax(0, block.length() - 1)));
  selection.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
  selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
  selection.format.setUnderlineColor(color);
  return selection;
}

void YamlView::updateSelections() {
  QList<QTextEdit::ExtraSelection> selections = highlights_;
  for (const Mark& mark : marks_)
    if (document()->findBlockByNumber(mark.line - 1).isValid())
      selections.append(underline(mark.line, mark.column, YamlGutter::colorOf(mark.severity)));
  if (errorLine_ > 0 && document()->findBlockByNumber(errorLine_ - 1).isValid()) {
    QTextEdit::ExtraSelection error = underline(errorLine_, 0, YamlGutter::colorOf(model::Severity::Error));
    error.format.setBackground(QColor(0xd0, 0x30, 0x30, 40));
    selections.append(error);
  }
  setExtraSelections(selections);
  gutter_->update();
}

bool YamlView::event(QEvent* event) {
  if (event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QTextCursor cursor = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
    const QStringList messages = messagesAt(cursor.blockNumber() + 1);
    if (!messages.isEmpty()) {
      QToolTip::showText(help->globalPos(), messages.join(QLatin1Char('\n')), this);
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

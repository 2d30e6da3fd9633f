#include "app/MatchedRuleHighlighter.h"

#include <QApplication>
#include <QTextBlock>
#include <QTextEdit>

#include "app/MainWindow.h"
#include "app/ResourceEditorHost.h"
#include "model/Importer.h"
#include "views/YamlView.h"

namespace meshstudio::app {
namespace {

int indentation(const QString& line) {
  int spaces = 0;
  while (spaces < line.size() && line[spaces] == QLatin1Char(' ')) ++spaces;
  return spaces;
}

}  // namespace

MatchedRuleHighlighter::MatchedRuleHighlighter(MainWindow& window) : QObject(&window), window_(window) {
  connect(window_.yamlView(), &QPlainTextEdit::textChanged, this, &MatchedRuleHighlighter::clear);
}

void MatchedRuleHighlighter::clear() {
  if (!highlighting_) return;
  highlighting_ = false;
  firstLine_ = lastLine_ = 0;
  window_.yamlView()->setHighlights({});
}

bool MatchedRuleHighlighter::show(const QString& resource, const QString& path) {
  if (!window_.selectResource(resource)) return false;  // re-selecting the shown one keeps its text
  clear();
  resource_ = resource;
  path_ = path;
  views::YamlView* view = window_.yamlView();
  // The rule's line in the text the view shows (the canonical YAML, or the user's edit).
  auto parsed = model::Importer::importText(view->yaml().toStdString(), "shown.yaml");
  if (!parsed.resources.empty()) {
    const model::SourceMark at = parsed.resources.front().locate(path.toStdString());
    const QStringList lines = view->yaml().split(QLatin1Char('\n'));
    if (at.isKnown() && at.line <= lines.size()) {
      // The rule is a list item (`- name: testers`): it runs until a line indented no deeper than its dash.
      firstLine_ = at.line;
      const int dash = indentation(lines[at.line - 1]);
      lastLine_ = firstLine_;
      for (int line = firstLine_ + 1; line <= lines.size(); ++line) {
        const QString& text = lines[line - 1];
        if (text.trimmed().isEmpty()) continue;
        if (indentation(text) <= dash) break;
        lastLine_ = line;
      }
      QTextEdit::ExtraSelection selection;
      QColor colour = view->palette().color(QPalette::Highlight);
      colour.setAlpha(60);
      selection.format.setBackground(colour);
      selection.format.setProperty(QTextFormat::FullWidthSelection, true);
      QTextCursor cursor(view->document()->findBlockByNumber(firstLine_ - 1));
      cursor.movePosition(QTextCursor::Down, QTextCursor::KeepAnchor, lastLine_ - firstLine_);
      cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
      selection.cursor = cursor;
      selection.format.setToolTip(tr("The rule the last trial matched"));
      view->setHighlights({selection});
      highlighting_ = true;
      view->scrollToLine(qMax(1, firstLine_ - 2));
      view->setTextCursor(QTextCursor(view->document()->findBlockByNumber(firstLine_ - 1)));
    }
  }
  // The form shows the field, but the keyboard stays where the user was (typing the next trial).
  QWidget* focused = QApplication::focusWidget();
  editorFocused_ = window_.editorHost()->focusField(path.toStdString());
  if (focused && focused != QApplication::focusWidget()) focused->setFocus(Qt::OtherFocusReason);
  return true;
}

}  // namespace meshstudio::app

#pragma once

#include <QList>
#include <QPlainTextEdit>

#include <optional>

#include "model/Diagnostic.h"

class QSyntaxHighlighter;
class QTimer;

namespace meshstudio::views {

class YamlGutter;

/// A monospace, highlighted YAML text view; read-only unless setEditable(true). When editable,
/// what the user types is reported after a short pause (yamlEdited), never applied here: the app
/// decides, and marks the line of a parse error (markError) while keeping the text as typed.
///
/// Findings about the shown YAML (setMarks) are drawn as wavy underlines from their column and as
/// coloured markers in the line-number gutter; resting the mouse on either shows the messages.
/// Other highlights (a trial's matched rule) go through setHighlights, drawn under the marks;
/// find matches are drawn by views::FindMatchOverlay.
class YamlView : public QPlainTextEdit {
  Q_OBJECT

 public:
  /// A finding placed on a line of the shown text.
  struct Mark {
    int line = 0;    ///< 1-based
    int column = 0;  ///< 1-based; 0 underlines the line's content
    model::Severity severity = model::Severity::Error;
    QString message;
    bool operator==(const Mark&) const = default;
  };

  explicit YamlView(QWidget* parent = nullptr);

  /// Replaces the text and scrolls to the top; clears any error mark. Emits nothing.
  void setYaml(const QString& yaml);
  void setEditable(bool editable);
  /// How long typing must pause before yamlEdited (600 ms by default).
  void setEditPause(int milliseconds);

  /// Underlines `line` (1-based) and shows `message` when the mouse rests on it.
  void markError(int line, const QString& message);
  void clearError();
  int errorLine() const { return errorLine_; }  ///< 0: none
  /// Replaces the findings shown on the text (not the parse error of markError).
  void setMarks(const QList<Mark>& marks);
  const QList<Mark>& marks() const { return marks_; }
  /// The messages shown when the mouse rests on `line`: the parse error, then the marks.
  QStringList messagesAt(int line) const;
  /// The most severe mark on `line`, nullopt when it has none (the parse error counts as an Error).
  std::optional<model::Severity> severityAt(int line) const;
  /// Highlights owned by someone else (the matched rule of a trial); drawn under the marks.
  void setHighlights(const QList<QTextEdit::ExtraSelection>& highlights);
  YamlGutter* gutter() const { return gutter_; }
  QString errorMessage() const { return errorMessage_; }
  QString yaml() const { return toPlainText(); }
  /// Shows `line` (1-based) at the top of the view and puts the cursor there.
  void scrollToLine(int line);

  QSyntaxHighlighter* highlighter() const { return highlighter_; }

 Q_SIGNALS:
  /// The user changed the text and paused: the whole text as it stands.
  void yamlEdited(const QString& yaml);

 protected:
  bool event(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  friend class YamlGutter;
  void updateSelections();
  void updateGutterWidth();
  QTextEdit::ExtraSelection underline(int line, int column, const QColor& color) const;

  QSyntaxHighlighter* highlighter_ = nullptr;
  QTimer* pause_ = nullptr;
  bool settingText_ = false;
  int errorLine_ = 0;
  QString errorMessage_;
  QList<Mark> marks_;
  QList<QTextEdit::ExtraSelection> highlights_;
  YamlGutter* gutter_ = nullptr;
};

}  // namespace meshstudio::views

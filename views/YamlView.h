#pragma once

#include <QPlainTextEdit>

class QSyntaxHighlighter;
class QTimer;

namespace meshstudio::views {

/// A monospace, highlighted YAML text view; read-only unless setEditable(true). When editable,
/// what the user types is reported after a short pause (yamlEdited), never applied here: the app
/// decides, and marks the line of a parse error (markError) while keeping the text as typed.
class YamlView : public QPlainTextEdit {
  Q_OBJECT

 public:
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

 private:
  QSyntaxHighlighter* highlighter_ = nullptr;
  QTimer* pause_ = nullptr;
  bool settingText_ = false;
  int errorLine_ = 0;
  QString errorMessage_;
};

}  // namespace meshstudio::views

#pragma once

#include <QPlainTextEdit>

class QSyntaxHighlighter;

namespace meshstudio::views {

/// A read-only, monospace, highlighted YAML text view.
class YamlView : public QPlainTextEdit {
  Q_OBJECT

 public:
  explicit YamlView(QWidget* parent = nullptr);

  /// Replaces the text and scrolls to the top.
  void setYaml(const QString& yaml);
  QString yaml() const { return toPlainText(); }
  /// Shows `line` (1-based) at the top of the view and puts the cursor there.
  void scrollToLine(int line);

  QSyntaxHighlighter* highlighter() const { return highlighter_; }

 private:
  QSyntaxHighlighter* highlighter_ = nullptr;
};

}  // namespace meshstudio::views

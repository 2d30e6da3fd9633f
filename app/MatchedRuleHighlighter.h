#pragma once

// Points the window at the rule a trial matched: selects its resource, highlights the rule's
// lines in the YAML view (YamlView::setHighlights, which is kept apart from the findings) and
// asks the form editor to focus that field (ResourceEditorHost::focusField, e.g. the
// VirtualService editor's `spec.http[0]`). The highlight goes when the YAML view's text changes.

#include <QObject>
#include <QString>

namespace meshstudio::app {

class MainWindow;

class MatchedRuleHighlighter : public QObject {
  Q_OBJECT

 public:
  explicit MatchedRuleHighlighter(MainWindow& window);

  /// The resource and path last shown, and the YAML lines highlighted (1-based, inclusive; 0 when none).
  QString resource() const { return resource_; }
  QString path() const { return path_; }
  int firstLine() const { return firstLine_; }
  int lastLine() const { return lastLine_; }
  /// Whether the form editor took the focus for the path.
  bool editorFocused() const { return editorFocused_; }

 public Q_SLOTS:
  /// Selects `resource` (`VirtualService shop/reviews`) and shows `path` (`spec.http[0]`).
  bool show(const QString& resource, const QString& path);

 private:
  void clear();

  MainWindow& window_;
  QString resource_, path_;
  int firstLine_ = 0, lastLine_ = 0;
  bool editorFocused_ = false;
  bool highlighting_ = false;  ///< the view's highlights are ours (the find bar may own them otherwise)
};

}  // namespace meshstudio::app

#pragma once

#include <QList>
#include <QWidget>

#include "views/FindMatchOverlay.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace meshstudio::views {

/// A find bar for a QPlainTextEdit (the YAML view): type to search, Enter/F3 for the next
/// match, Shift+Enter/Shift+F3 for the previous one (both wrap around), every match boxed by a
/// FindMatchOverlay, Esc to close. The current match is the editor's selection, so the editor
/// scrolls to it and copy works on it.
///
/// It uses only the editor's public API and never changes its text; matches follow the text
/// when the editor shows something else (another resource).
class FindBar : public QWidget {
  Q_OBJECT

 public:
  explicit FindBar(QPlainTextEdit* editor, QWidget* parent = nullptr);

  /// Shows the bar with the focus in its search field; a one-line selection in the editor
  /// becomes the search text.
  void activate();
  /// Hides the bar and its highlights; the focus goes back to the editor.
  void close();

  void setText(const QString& text);
  QString text() const;
  void setCaseSensitive(bool caseSensitive);

  /// Selects the next (previous) match after (before) the editor's cursor, wrapping around.
  /// False when there is none.
  bool findNext();
  bool findPrevious();

  /// Every match in the editor's text, in order.
  const QList<TextRange>& matches() const { return matches_; }
  /// The index in matches() of the editor's selection, -1 when it is no match.
  int currentMatch() const;
  QLineEdit* searchField() const { return search_; }
  FindMatchOverlay* overlay() const { return overlay_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void updateMatches();
  void updateStatus();
  bool select(int matchIndex);

  QPlainTextEdit* editor_;
  FindMatchOverlay* overlay_;
  QLineEdit* search_;
  QToolButton* previous_;
  QToolButton* next_;
  QCheckBox* caseSensitive_;
  QLabel* status_;
  QList<TextRange> matches_;
};

}  // namespace meshstudio::views

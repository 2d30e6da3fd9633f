#pragma once

#include <QList>
#include <QWidget>

class QPlainTextEdit;

namespace meshstudio::views {

/// One match of a search: where it starts in the document and how long it is.
struct TextRange {
  int position = 0;
  int length = 0;
  bool operator==(const TextRange&) const = default;
};

/// Paints every match of a search over a QPlainTextEdit: a transparent widget on top of its
/// viewport that draws a box around each visible range.
///
/// Painted on top rather than through extra selections or a syntax highlighter, because the
/// editor's owner uses those itself (error marks, YAML colours): the overlay touches neither
/// and needs only the editor's public API (cursorRect, cursorForPosition).
class FindMatchOverlay : public QWidget {
  Q_OBJECT

 public:
  explicit FindMatchOverlay(QPlainTextEdit* editor);

  void setRanges(QList<TextRange> ranges);
  const QList<TextRange>& ranges() const { return ranges_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void paintEvent(QPaintEvent* event) override;

 private:
  QPlainTextEdit* editor_;
  QList<TextRange> ranges_;  ///< sorted by position
};

}  // namespace meshstudio::views

#pragma once

#include <QColor>
#include <QWidget>

#include "model/Diagnostic.h"

namespace meshstudio::views {

class YamlView;

/// The left margin of a YamlView: line numbers, and a marker on each line with findings, in the
/// colour of its most severe one. Resting the mouse on a marked line shows its messages.
class YamlGutter : public QWidget {
  Q_OBJECT

 public:
  explicit YamlGutter(YamlView& view);

  int widthForLines(int lineCount) const;
  QSize sizeHint() const override;
  /// The colour of a severity's marker and underline (also used by the view).
  static QColor colorOf(model::Severity severity);
  /// The 1-based line at the gutter's y coordinate, 0 below the last line.
  int lineAt(int y) const;

 protected:
  void paintEvent(QPaintEvent* event) override;
  bool event(QEvent* event) override;

 private:
  YamlView& view_;
};

}  // namespace meshstudio::views

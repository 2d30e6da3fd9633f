#pragma once

#include <QList>
#include <QRectF>
#include <QStringList>
#include <QWidget>

namespace meshstudio::views {

/// A thin horizontal bar that shows how a route's traffic is split: one coloured segment per
/// destination, as wide as its share, with the percentage written inside when it fits.
///
/// It only paints what it is given (setSplit()); shares are weight / sum, so weights that do not
/// add up to 100 still show the traffic Istio would send. The same text is offered to screen
/// readers as the accessible description and as the tooltip.
class WeightSplitBar : public QWidget {
  Q_OBJECT

 public:
  explicit WeightSplitBar(QWidget* parent = nullptr);

  /// `labels` names the destinations (same order as `weights`); missing labels are numbered.
  void setSplit(const QList<int>& weights, const QStringList& labels);
  QList<int> weights() const { return weights_; }

  /// The painted rectangle of each destination's segment, in widget coordinates; empty for a
  /// destination with no traffic, and for all of them when the weights add up to 0.
  QList<QRectF> segmentRects() const;
  /// "reviews/v1 90%, reviews/v2 5%, …" — what the bar says, in words.
  QString description() const;

  /// The colour of destination `index`, shared with the editor's row swatches so rows and
  /// segments can be matched by eye. Lighter hues on a dark palette.
  static QColor segmentColor(int index, const QPalette& palette);

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QRectF barRect() const;
  void updateDescription();

  QList<int> weights_;
  QStringList labels_;
};

}  // namespace meshstudio::views

#include "views/WeightSplitBar.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <array>

namespace meshstudio::views {

namespace {

qint64 total(const QList<int>& weights) {
  qint64 sum = 0;
  for (int w : weights) sum += qMax(0, w);
  return sum;
}

/// "33.3%" for a share that is not a whole percentage, "90%" for one that is.
QString percentText(int weight, qint64 sum, const QLocale& locale) {
  const qint64 scaled = qint64{qMax(0, weight)} * 100;
  if (scaled % sum == 0) return WeightSplitBar::tr("%1%").arg(locale.toString(scaled / sum));
  return WeightSplitBar::tr("%1%").arg(locale.toString(static_cast<double>(scaled) / static_cast<double>(sum), 'f', 1));
}

bool isDark(const QPalette& palette) { return palette.color(QPalette::Window).lightness() < 128; }

}  // namespace

WeightSplitBar::WeightSplitBar(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  setAccessibleName(tr("Traffic split"));
  updateDescription();
}

void WeightSplitBar::setSplit(const QList<int>& weights, const QStringList& labels) {
  if (weights == weights_ && labels == labels_) return;
  weights_ = weights;
  labels_ = labels;
  updateDescription();
  update();
}

QColor WeightSplitBar::segmentColor(int index, const QPalette& palette) {
  // Hues far apart on the wheel first, so the two or three destinations of a canary split are
  // told apart easily; after eight they repeat, which the percentages and order still disambiguate.
  static constexpr std::array<int, 8> hues{210, 30, 140, 280, 0, 180, 50, 320};
  const int hue = hues[static_cast<std::size_t>(qMax(0, index)) % hues.size()];
  return isDark(palette) ? QColor::fromHsl(hue, 150, 150) : QColor::fromHsl(hue, 170, 115);
}

QSize WeightSplitBar::sizeHint() const { return {240, fontMetrics().height() + 10}; }

QSize WeightSplitBar::minimumSizeHint() const { return {60, fontMetrics().height() + 10}; }

QRectF WeightSplitBar::barRect() const { return QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5); }

QList<QRectF> WeightSplitBar::segmentRects() const {
  QList<QRectF> rects(weights_.size());
  const qint64 sum = total(weights_);
  if (sum <= 0) return rects;
  const QRectF bar = barRect();
  // Edges come from the running total, not from adding rounded widths, so the segments meet
  // exactly and the last one ends at the bar's right edge.
  qint64 before = 0;
  for (qsizetype k = 0; k < weights_.size(); ++k) {
    const qint64 w = qMax(0, weights_[k]);
    if (w > 0) {
      const qreal left = bar.left() + bar.width() * static_cast<qreal>(before) / static_cast<qreal>(sum);
      const qreal right = bar.left() + bar.width() * static_cast<qreal>(before + w) / static_cast<qreal>(sum);
      rects[k] = QRectF(QPointF(left, bar.top()), QPointF(right, bar.bottom()));
    }
    before += w;
  }
  return rects;
}

QString WeightSplitBar::description() const {
  const qint64 sum = total(weights_);
  if (weights_.isEmpty()) return tr("No destinations");
  if (sum <= 0) return tr("No traffic: every weight is 0");
  QStringList parts;
  for (qsizetype k = 0; k < weights_.size(); ++k) {
    const QString label = k < labels_.size() && !labels_[k].isEmpty() ? labels_[k] : tr("Destination %1").arg(k + 1);
    parts << tr("%1 %2", "destination label, then its share of traffic")
                 .arg(label, percentText(weights_[k], sum, locale()));
  }
  return parts.join(tr(", "));
}

void WeightSplitBar::updateDescription() {
  const QString text = description();
  setAccessibleDescription(text);
  setToolTip(tr("How this route's traffic is split: %1").arg(text));
}

void WeightSplitBar::changeEvent(QEvent* event) {
  // Percentages follow the locale's digits; colours are read from the palette when painting.
  if (event->type() == QEvent::LocaleChange) updateDescription();
  QWidget::changeEvent(event);
}

void WeightSplitBar::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  const QRectF bar = barRect();
  const qreal radius = 3.0;
  QPainterPath outline;
  outline.addRoundedRect(bar, radius, radius);

  painter.fillPath(outline, palette().color(QPalette::Base));
  const qint64 sum = total(weights_);
  if (sum <= 0) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(bar, Qt::AlignCenter, weights_.isEmpty() ? tr("No destinations") : tr("No traffic"));
  } else {
    painter.save();
    painter.setClipPath(outline);
    const QList<QRectF> rects = segmentRects();
    for (qsizetype k = 0; k < rects.size(); ++k) {
      if (rects[k].isEmpty()) continue;
      const QColor fill = segmentColor(static_cast<int>(k), palette());
      painter.fillRect(rects[k], fill);
      // A hairline in the window colour between neighbours, so equal hues never merge.
      if (rects[k].left() > bar.left() + 0.5) {
        painter.setPen(QPen(palette().color(QPalette::Window), 1.0));
        painter.drawLine(rects[k].topLeft(), rects[k].bottomLeft());
      }
      const QString text = percentText(weights_[k], sum, locale());
      if (fontMetrics().horizontalAdvance(text) + 6 <= rects[k].width()) {
        // Perceived brightness (qGray weighs green most), not HSL lightness: a light green at the
        // same lightness as a blue needs dark text.
        painter.setPen(qGray(fill.rgb()) > 140 ? QColor(Qt::black) : QColor(Qt::white));
        painter.drawText(rects[k], Qt::AlignCenter, text);
      }
    }
    painter.restore();
  }
  painter.setPen(QPen(palette().color(QPalette::Mid), 1.0));
  painter.drawPath(outline);
}

}  // namespace meshstudio::views

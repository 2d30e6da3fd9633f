#include "views/CanaryTimelineChart.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QPen>
#include <QPixmap>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "views/ChartAxes.h"

namespace meshstudio::views {

namespace {

const QColor kCanaryColour(0xe0, 0x7b, 0x20);
const QColor kStableColour(0x2a, 0x78, 0xc8);
const QColor kThresholdColour(0xd0, 0x3b, 0x2e);

QLineSeries* lineSeries(QChart* chart, const QString& name, const QColor& colour, Qt::PenStyle style, qreal width) {
  auto* series = new QLineSeries(chart);
  series->setName(name);
  QPen pen(colour);
  pen.setStyle(style);
  pen.setWidthF(width);
  series->setPen(pen);
  chart->addSeries(series);
  return series;
}

double largest(const QLineSeries* series) {
  double top = 0;
  for (const QPointF& point : series->points()) top = std::max(top, point.y());
  return top;
}

/// A round upper bound that leaves some room above `value`.
double niceTop(double value, double floor) {
  const double wanted = std::max(value * 1.2, floor);
  const double magnitude = std::pow(10.0, std::floor(std::log10(wanted)));
  for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (step * magnitude >= wanted) return step * magnitude;
  return wanted;
}

}  // namespace

CanaryTimelineChart::CanaryTimelineChart(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  buildPanel(error_, tr("Error rate (5xx)"),
             tr("The share of 5xx answers per observation window for the canary and the stable version, the "
                "error-rate gate (dashed), and the canary's weight as steps (right axis). Markers show each "
                "decision; hover one for what was decided and why."),
             tr("5xx %"), true);
  buildPanel(latency_, tr("p99 latency"),
             tr("The 99th percentile latency per observation window for the canary and the stable version, the "
                "p99 gate (dashed), and the canary's weight as steps (right axis)."),
             tr("ms"), false);
  layout->addWidget(error_.view, 1);
  layout->addWidget(latency_.view, 1);
  rebuild();
}

void CanaryTimelineChart::buildPanel(Panel& panel, const QString& title, const QString& tooltip, const QString& unit,
                                     bool withMarkers) {
  panel.chart = new QChart;
  panel.chart->setTitle(title);
  panel.chart->setAnimationOptions(QChart::NoAnimation);
  panel.chart->legend()->setAlignment(Qt::AlignBottom);
  panel.chart->setMargins(QMargins(4, 4, 4, 4));
  panel.view = new QChartView(panel.chart);
  panel.view->setRenderHint(QPainter::Antialiasing);
  panel.view->setToolTip(tooltip);
  panel.view->setMinimumHeight(200);

  panel.x = addValueAxis(panel.chart, Qt::AlignBottom, tr("seconds since the start"), QStringLiteral("%.4g"));
  panel.y = addValueAxis(panel.chart, Qt::AlignLeft, unit, QStringLiteral("%.4g"));
  panel.weightAxis = addValueAxis(panel.chart, Qt::AlignRight, tr("weight %"), QStringLiteral("%d"));
  panel.weightAxis->setRange(0, 100);
  panel.weightAxis->setTickCount(6);

  panel.weight = lineSeries(panel.chart, tr("canary weight"), palette().color(QPalette::WindowText), Qt::SolidLine, 2);
  panel.canary = lineSeries(panel.chart, tr("canary"), kCanaryColour, Qt::SolidLine, 2);
  panel.stable = lineSeries(panel.chart, tr("stable"), kStableColour, Qt::SolidLine, 2);
  panel.threshold = lineSeries(panel.chart, tr("gate"), kThresholdColour, Qt::DashLine, 1.5);
  // One point per observation window: a rollout that stops at its first step has one sample,
  // which a line alone would not show.
  panel.canary->setPointsVisible(true);
  panel.stable->setPointsVisible(true);
  for (QLineSeries* series : {panel.canary, panel.stable, panel.threshold}) {
    series->attachAxis(panel.x);
    series->attachAxis(panel.y);
  }
  panel.weight->attachAxis(panel.x);
  panel.weight->attachAxis(panel.weightAxis);
  if (!withMarkers) return;

  struct Style {
    QString name;
    QColor colour;
    QScatterSeries::MarkerShape shape;
    bool labelled;  ///< the outcomes carry their name beside the point (a failed gate's colour says it)
  };
  const Style styles[Markers] = {
      {tr("passed"), QColor(0x2e, 0xa0, 0x43), QScatterSeries::MarkerShapeCircle, false},
      {tr("waiting"), QColor(0xe0, 0xa0, 0x20), QScatterSeries::MarkerShapeCircle, false},
      {tr("gate failed"), kThresholdColour, QScatterSeries::MarkerShapeRectangle, false},
      {tr("rolled back"), QColor(0x8b, 0x1a, 0x1a), QScatterSeries::MarkerShapeTriangle, true},
      {tr("promoted"), QColor(0x1f, 0x5f, 0xbf), QScatterSeries::MarkerShapeStar, true},
      {tr("approval"), QColor(0x8e, 0x44, 0xad), QScatterSeries::MarkerShapeRotatedRectangle, true},
  };
  for (int i = 0; i < Markers; ++i) {
    auto* series = new QScatterSeries(panel.chart);
    series->setName(styles[i].name);
    series->setColor(styles[i].colour);
    series->setBorderColor(styles[i].colour.darker(130));
    series->setMarkerShape(styles[i].shape);
    series->setMarkerSize(12);
    if (styles[i].labelled) {
      series->setPointLabelsFormat(styles[i].name);  // no @ placeholders: the text itself
      series->setPointLabelsVisible(true);
      series->setPointLabelsColor(styles[i].colour);
      series->setPointLabelsClipping(false);
    }
    panel.chart->addSeries(series);
    series->attachAxis(panel.x);
    series->attachAxis(panel.weightAxis);
    connect(series, &QScatterSeries::hovered, this, [this, i](const QPointF& point, bool entered) {
      if (entered)
        showMarkerTooltip(static_cast<Marker>(i), point);
      else
        QToolTip::hideText();
    });
    panel.markers.append(series);
  }
}

std::optional<CanaryTimelineChart::Marker> CanaryTimelineChart::markerOf(CanaryDecision kind) {
  switch (kind) {
    case CanaryDecision::Passed:
      return PassedMarker;
    case CanaryDecision::Waiting:
      return WaitingMarker;
    case CanaryDecision::GateFailed:
      return GateFailedMarker;
    case CanaryDecision::RolledBack:
      return RolledBackMarker;
    case CanaryDecision::Promoted:
      return PromotedMarker;
    case CanaryDecision::AwaitingApproval:
    case CanaryDecision::Approved:
      return ApprovalMarker;
    default:
      return std::nullopt;
  }
}

QScatterSeries* CanaryTimelineChart::markerSeries(CanaryDecision kind) const {
  std::optional<Marker> marker = markerOf(kind);
  return marker ? error_.markers.value(*marker) : nullptr;
}

QString CanaryTimelineChart::markerText(CanaryDecision kind, double seconds) const {
  std::optional<Marker> marker = markerOf(kind);
  if (!marker) return {};
  QStringList lines;
  for (const CanaryTimelineEvent& event : events_)
    if (markerOf(event.kind) == marker && std::abs(event.seconds - seconds) < 1e-6)
      lines << tr("%1 s: %2").arg(event.seconds, 0, 'f', 1).arg(event.message);
  return lines.join(QLatin1Char('\n'));
}

void CanaryTimelineChart::showMarkerTooltip(Marker marker, const QPointF& point) {
  // The nearest event of that marker's kind: hovering reports the point, not which event made it.
  const CanaryTimelineEvent* nearest = nullptr;
  for (const CanaryTimelineEvent& event : events_)
    if (markerOf(event.kind) == marker &&
        (!nearest || std::abs(event.seconds - point.x()) < std::abs(nearest->seconds - point.x())))
      nearest = &event;
  if (nearest) QToolTip::showText(QCursor::pos(), markerText(nearest->kind, nearest->seconds), this);
}

void CanaryTimelineChart::clear() {
  events_.clear();
  rebuild();
}

void CanaryTimelineChart::setThresholds(const CanaryThresholds& thresholds) {
  thresholds_ = thresholds;
  rebuild();
}

void CanaryTimelineChart::appendEvents(const QList<CanaryTimelineEvent>& events) {
  events_.append(events);
  rebuild();
}

void CanaryTimelineChart::rebuild() {
  double now = 0;
  int weight = 0;
  QList<QPointF> weightPoints{{0, 0}};
  QList<QPointF> canaryError, stableError, canaryP99, stableP99;
  QList<QList<QPointF>> markers(Markers);
  for (const CanaryTimelineEvent& event : events_) {
    now = std::max(now, event.seconds);
    if (event.canaryWeight != weight) {  // a step: straight up (or down) at the event's time
      weightPoints << QPointF(event.seconds, weight) << QPointF(event.seconds, event.canaryWeight);
      weight = event.canaryWeight;
    }
    if (event.hasSample) {
      if (event.canaryErrorRate) canaryError << QPointF(event.seconds, *event.canaryErrorRate * 100);
      if (event.stableErrorRate) stableError << QPointF(event.seconds, *event.stableErrorRate * 100);
      if (event.canaryP99Ms) canaryP99 << QPointF(event.seconds, *event.canaryP99Ms);
      if (event.stableP99Ms) stableP99 << QPointF(event.seconds, *event.stableP99Ms);
    }
    if (std::optional<Marker> marker = markerOf(event.kind)) markers[*marker] << QPointF(event.seconds, weight);
  }
  weightPoints << QPointF(now, weight);  // the current step runs up to the last event
  const double right = std::max(now * 1.08, 2.0);

  error_.canary->replace(canaryError);
  error_.stable->replace(stableError);
  latency_.canary->replace(canaryP99);
  latency_.stable->replace(stableP99);
  for (Panel* panel : {&error_, &latency_}) {
    panel->weight->replace(weightPoints);
    panel->x->setRange(0, right);
    panel->x->applyNiceNumbers();
  }
  for (int i = 0; i < Markers; ++i) error_.markers[i]->replace(markers[i]);

  // A negative gate is one that is off (GCC misreads std::optional here as maybe uninitialised).
  const double errorGate = thresholds_.maxErrorRate ? *thresholds_.maxErrorRate * 100 : -1;
  const double p99Gate = thresholds_.maxP99Ms ? *thresholds_.maxP99Ms : -1;
  auto place = [](Panel& panel, double gate, double floor) {
    const double end = panel.x->max();  // across the whole axis, as rounded by applyNiceNumbers
    panel.threshold->replace(gate >= 0 ? QList<QPointF>{{0, gate}, {end, gate}} : QList<QPointF>{});
    const double seen = std::max(largest(panel.canary), largest(panel.stable));
    panel.y->setRange(0, niceTop(std::max(seen, gate), floor));
    panel.y->applyNiceNumbers();  // ticks at round values (5, 10, 15...), not at quarters of the range
  };
  place(error_, errorGate, 1.0);
  place(latency_, p99Gate, 10.0);
  for (Panel* panel : {&error_, &latency_}) {
    const QList<QLegendMarker*> legend = panel->chart->legend()->markers(panel->threshold);
    if (!legend.isEmpty()) legend.front()->setVisible(panel->threshold->count() > 0);
  }
}

bool CanaryTimelineChart::savePng(const QString& path) { return grab().save(path, "PNG"); }

}  // namespace meshstudio::views

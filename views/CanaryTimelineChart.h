#pragma once

// The live timeline of a canary rollout (Qt Charts), two charts over the same time axis (seconds
// since the start): the canary's 5xx share and its p99 latency, each for the canary and the stable
// version, with the gate's threshold as a dashed line. Both charts carry the canary's weight as a
// step line on a right-hand 0–100 % axis, so a number is read against the step it was measured
// in; the error chart marks every decision (passed, waiting, gate failed, rolled back, promoted,
// approval) on that line, with the event's message as the tooltip. Events are appended as they
// come; a rollout has a few dozen, so the series are simply rebuilt.

#include <QList>
#include <QWidget>

#include <optional>

#include "views/CanaryRolloutData.h"

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace meshstudio::views {

class CanaryTimelineChart : public QWidget {
  Q_OBJECT

 public:
  explicit CanaryTimelineChart(QWidget* parent = nullptr);

  /// Forgets the events (a new rollout starts); the thresholds stay.
  void clear();
  void setThresholds(const CanaryThresholds& thresholds);
  void appendEvents(const QList<CanaryTimelineEvent>& events);
  const QList<CanaryTimelineEvent>& events() const { return events_; }

  /// Both charts as one picture (QWidget::grab), written to `path` as PNG.
  bool savePng(const QString& path);

  /// The canary's weight as a step line (the error chart's; the p99 chart has the same).
  QLineSeries* weightSeries() const { return error_.weight; }
  /// In percent.
  QLineSeries* errorRateSeries(bool canary) const { return canary ? error_.canary : error_.stable; }
  QLineSeries* p99Series(bool canary) const { return canary ? latency_.canary : latency_.stable; }
  /// Dashed horizontal lines at the gates' values (empty when a gate is off).
  QLineSeries* errorThresholdSeries() const { return error_.threshold; }
  QLineSeries* p99ThresholdSeries() const { return latency_.threshold; }
  /// The markers of the decisions of `kind` (Approved and AwaitingApproval share one); null for
  /// kinds that are not marked (weight set, pause, resume, error).
  QScatterSeries* markerSeries(CanaryDecision kind) const;
  /// What the tooltip of a marker at `seconds` of `kind` says (the event's message), empty if none.
  QString markerText(CanaryDecision kind, double seconds) const;
  QList<QChartView*> chartViews() const { return {error_.view, latency_.view}; }

 private:
  enum Marker {
    PassedMarker,
    WaitingMarker,
    GateFailedMarker,
    RolledBackMarker,
    PromotedMarker,
    ApprovalMarker,
    Markers
  };
  struct Panel {
    QChartView* view = nullptr;
    QChart* chart = nullptr;
    QValueAxis *x = nullptr, *y = nullptr, *weightAxis = nullptr;
    QLineSeries *weight = nullptr, *canary = nullptr, *stable = nullptr, *threshold = nullptr;
    QList<QScatterSeries*> markers;
  };
  static std::optional<Marker> markerOf(CanaryDecision kind);
  void buildPanel(Panel& panel, const QString& title, const QString& tooltip, const QString& unit, bool withMarkers);
  void rebuild();
  void showMarkerTooltip(Marker marker, const QPointF& point);

  Panel error_, latency_;
  QList<CanaryTimelineEvent> events_;
  CanaryThresholds thresholds_;
};

}  // namespace meshstudio::views

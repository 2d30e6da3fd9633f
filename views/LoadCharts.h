#pragma once

// The live charts of a load test (Qt Charts): requests per second, p50/p90/p99 latency, response
// codes over time (stacked), the latency histogram, and the split per destination subset with
// the configured share next to the observed one. Samples are appended as they come (about 4 a
// second) and the time series are capped at kMaxPoints, so an update costs the same however long
// the run is; the histogram and split are small and replaced in place.

#include <QMap>
#include <QWidget>

#include "views/LoadTestData.h"

class QChart;
class QChartView;
class QBarSet;
class QBarSeries;
class QStackedBarSeries;
class QLineSeries;
class QValueAxis;
class QBarCategoryAxis;

namespace meshstudio::views {

class LoadCharts : public QWidget {
  Q_OBJECT

 public:
  /// The time charts keep this many samples (2.5 minutes at 4 a second), dropping the oldest.
  static constexpr int kMaxPoints = 600;

  explicit LoadCharts(QWidget* parent = nullptr);

  /// Forgets everything (a new run starts).
  void clear();
  void appendSamples(const QList<LoadSample>& samples);
  void setHistogram(const QList<QPair<double, quint64>>& buckets);
  void setSplit(const QList<LoadSplitRow>& rows);

  /// Everything drawn, as one picture (QWidget::grab), written to `path` as PNG.
  bool savePng(const QString& path);

  QLineSeries* rpsSeries() const { return rps_; }
  QLineSeries* latencySeries(int index) const { return latency_[index]; }  ///< 0: p50, 1: p90, 2: p99
  QStackedBarSeries* codeSeries() const { return codes_; }
  QBarSet* histogramSet() const { return histogram_; }
  QBarSet* configuredSplit() const { return configured_; }
  QBarSet* observedSplit() const { return observed_; }
  QList<QChartView*> chartViews() const { return views_; }

 private:
  QChart* addChart(const QString& title, const QString& tooltip, int row, int column);
  QBarSet* codeSet(int code);
  void rescaleTimeAxes();

  QList<QChartView*> views_;
  QLineSeries* rps_ = nullptr;
  QLineSeries* latency_[3] = {};
  QValueAxis *rpsX_ = nullptr, *rpsY_ = nullptr, *latencyX_ = nullptr, *latencyY_ = nullptr;
  QStackedBarSeries* codes_ = nullptr;
  QValueAxis *codesX_ = nullptr, *codesY_ = nullptr;  ///< x: the sample's index in the chart
  QMap<int, QBarSet*> codeSets_;
  int codeBars_ = 0;  ///< samples in the code chart
  QBarSeries* histogramSeries_ = nullptr;
  QBarSet* histogram_ = nullptr;
  QBarCategoryAxis* histogramX_ = nullptr;
  QValueAxis* histogramY_ = nullptr;
  QBarSeries* splitSeries_ = nullptr;
  QBarSet *configured_ = nullptr, *observed_ = nullptr;
  QBarCategoryAxis* splitX_ = nullptr;
};

}  // namespace meshstudio::views

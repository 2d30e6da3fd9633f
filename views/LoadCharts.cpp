#include "views/LoadCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QLineSeries>
#include <QPixmap>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

#include "views/ChartAxes.h"

namespace meshstudio::views {

namespace {

double maxY(const QLineSeries* series) {
  double top = 0;
  for (const QPointF& point : series->points()) top = std::max(top, point.y());
  return top;
}

QString codeName(int code) { return code == 0 ? LoadCharts::tr("failed") : QString::number(code); }

QColor codeColour(int code) {
  if (code == 0) return QColor(0x80, 0x80, 0x80);
  if (code < 300) return QColor(0x2e, 0xa0, 0x43);
  if (code < 400) return QColor(0x2a, 0x78, 0xc8);
  if (code < 500) return QColor(0xe0, 0xa0, 0x20);
  return QColor(0xd0, 0x3b, 0x2e);
}

}  // namespace

LoadCharts::LoadCharts(QWidget* parent) : QWidget(parent) {
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);

  QChart* rps =
      addChart(tr("Requests per second"), tr("Requests finished per second, sampled 4 times a second."), 0, 0);
  rps_ = new QLineSeries(rps);
  rps_->setName(tr("req/s"));
  rps->addSeries(rps_);
  rpsX_ = addValueAxis(rps, Qt::AlignBottom, tr("s"));
  rpsY_ = addValueAxis(rps, Qt::AlignLeft, tr("req/s"));
  rps_->attachAxis(rpsX_);
  rps_->attachAxis(rpsY_);

  QChart* latency =
      addChart(tr("Latency percentiles"),
               tr("p50, p90 and p99 latency (ms) of the requests finished in each quarter second."), 0, 1);
  latencyX_ = addValueAxis(latency, Qt::AlignBottom, tr("s"));
  latencyY_ = addValueAxis(latency, Qt::AlignLeft, tr("ms"));
  const QStringList names{tr("p50"), tr("p90"), tr("p99")};
  for (int i = 0; i < 3; ++i) {
    latency_[i] = new QLineSeries(latency);
    latency_[i]->setName(names[i]);
    latency->addSeries(latency_[i]);
    latency_[i]->attachAxis(latencyX_);
    latency_[i]->attachAxis(latencyY_);
  }

  QChart* codes = addChart(tr("Response codes"),
                           tr("Answers per quarter second by HTTP status, stacked; \"failed\" counts requests "
                              "that got no answer (connect error, timeout, closed)."),
                           0, 2);
  codes_ = new QStackedBarSeries(codes);
  codes_->setBarWidth(1.0);
  codes->addSeries(codes_);
  codesX_ = addValueAxis(codes, Qt::AlignBottom, tr("samples"));
  codesX_->setLabelsVisible(false);
  codesY_ = addValueAxis(codes, Qt::AlignLeft, tr("requests"));
  codes_->attachAxis(codesX_);
  codes_->attachAxis(codesY_);

  QChart* histogram = addChart(tr("Latency histogram"),
                               tr("Requests by latency over the whole run (upper bound of each bucket, ms)."), 1, 0);
  histogramSeries_ = new QBarSeries(histogram);
  histogram_ = new QBarSet(tr("requests"));
  histogramSeries_->append(histogram_);
  histogram->addSeries(histogramSeries_);
  histogramX_ = new QBarCategoryAxis(histogram);
  histogram->addAxis(histogramX_, Qt::AlignBottom);
  histogramY_ = addValueAxis(histogram, Qt::AlignLeft, tr("requests"));
  histogramSeries_->attachAxis(histogramX_);
  histogramSeries_->attachAxis(histogramY_);
  histogram->legend()->hide();

  QChart* split = addChart(tr("Split per subset"),
                           tr("The share of requests per destination subset: configured by the VirtualService's "
                              "weights next to what the engine observed during the run (percent)."),
                           1, 1);
  splitSeries_ = new QBarSeries(split);
  configured_ = new QBarSet(tr("configured %"));
  observed_ = new QBarSet(tr("observed %"));
  splitSeries_->append(configured_);
  splitSeries_->append(observed_);
  split->addSeries(splitSeries_);
  splitX_ = new QBarCategoryAxis(split);
  split->addAxis(splitX_, Qt::AlignBottom);
  auto* splitY = addValueAxis(split, Qt::AlignLeft, tr("%"));
  splitY->setRange(0, 100);
  splitSeries_->attachAxis(splitX_);
  splitSeries_->attachAxis(splitY);
  for (int column = 0; column < 3; ++column) grid->setColumnStretch(column, 1);
}

QChart* LoadCharts::addChart(const QString& title, const QString& tooltip, int row, int column) {
  auto* chart = new QChart;
  chart->setTitle(title);
  chart->setAnimationOptions(QChart::NoAnimation);  // animations would redraw for every sample
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(2, 2, 2, 2));
  auto* view = new QChartView(chart, this);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumSize(220, 160);
  view->setToolTip(tooltip);
  static_cast<QGridLayout*>(layout())->addWidget(view, row, column);
  views_.append(view);
  return chart;
}

void LoadCharts::clear() {
  rps_->clear();
  for (QLineSeries* series : latency_) series->clear();
  codes_->clear();  // deletes the sets
  codeSets_.clear();
  codeBars_ = 0;
  codesY_->setRange(0, 1);
  histogram_->remove(0, histogram_->count());
  histogramX_->clear();
  configured_->remove(0, configured_->count());
  observed_->remove(0, observed_->count());
  splitX_->clear();
  rescaleTimeAxes();
}

QBarSet* LoadCharts::codeSet(int code) {
  if (auto found = codeSets_.find(code); found != codeSets_.end()) return *found;
  // Parented to the series: QAbstractBarSeries::insert, unlike append, does not take ownership,
  // so a set inserted without a parent outlived its chart (ASan's leak check on tst_loaddock).
  auto* set = new QBarSet(codeName(code), codes_);
  set->setColor(codeColour(code));
  for (int i = 0; i < codeBars_; ++i) set->append(0);  // a code first seen now had none before
  // Keep the stack ordered by code: insert before the first set with a higher one.
  int position = 0;
  for (auto it = codeSets_.begin(); it != codeSets_.end() && it.key() < code; ++it) ++position;
  codes_->insert(position, set);
  codeSets_.insert(code, set);
  return set;
}

void LoadCharts::appendSamples(const QList<LoadSample>& samples) {
  if (samples.isEmpty()) return;
  double codesTop = codesY_->max();
  for (const LoadSample& sample : samples) {
    rps_->append(sample.seconds, sample.rps);
    latency_[0]->append(sample.seconds, sample.p50Ms);
    latency_[1]->append(sample.seconds, sample.p90Ms);
    latency_[2]->append(sample.seconds, sample.p99Ms);
    for (auto it = sample.codes.begin(); it != sample.codes.end(); ++it) codeSet(it.key());
    double stacked = 0;
    for (auto it = codeSets_.begin(); it != codeSets_.end(); ++it) {
      const double value = static_cast<double>(sample.codes.value(it.key()));
      it.value()->append(value);
      stacked += value;
    }
    ++codeBars_;
    codesTop = std::max(codesTop, stacked);
  }
  // Cap the series: drop the oldest points rather than letting every update grow.
  const int excess = rps_->count() - kMaxPoints;
  if (excess > 0) {
    rps_->removePoints(0, excess);
    for (QLineSeries* series : latency_) series->removePoints(0, excess);
  }
  if (codeBars_ > kMaxPoints) {
    const int drop = codeBars_ - kMaxPoints;
    for (QBarSet* set : std::as_const(codeSets_)) set->remove(0, drop);
    codeBars_ = kMaxPoints;
  }
  codesY_->setRange(0, std::max(1.0, codesTop * 1.1));
  codesX_->setRange(-0.5, std::max(1, codeBars_) - 0.5);
  rescaleTimeAxes();
}

void LoadCharts::rescaleTimeAxes() {
  const double first = rps_->count() ? rps_->at(0).x() : 0;
  const double last = rps_->count() ? rps_->at(rps_->count() - 1).x() : 1;
  rpsX_->setRange(first, std::max(last, first + 1));
  latencyX_->setRange(first, std::max(last, first + 1));
  rpsY_->setRange(0, std::max(1.0, maxY(rps_) * 1.1));
  double top = 0;
  for (QLineSeries* series : latency_) top = std::max(top, maxY(series));
  latencyY_->setRange(0, std::max(0.1, top * 1.1));
}

void LoadCharts::setHistogram(const QList<QPair<double, quint64>>& buckets) {
  QStringList labels;
  QList<qreal> values;
  double top = 0;
  for (const auto& [upperMs, count] : buckets) {
    labels << QString::number(upperMs, 'g', 3);
    values << static_cast<qreal>(count);
    top = std::max(top, static_cast<double>(count));
  }
  if (labels != histogramX_->categories()) {
    histogramX_->clear();
    histogramX_->append(labels);
  }
  histogram_->remove(0, histogram_->count());
  histogram_->append(values);
  histogramY_->setRange(0, std::max(1.0, top * 1.1));
}

void LoadCharts::setSplit(const QList<LoadSplitRow>& rows) {
  quint64 observedTotal = 0;
  for (const LoadSplitRow& row : rows) observedTotal += row.observed;
  QStringList labels;
  QList<qreal> configured, observed;
  for (const LoadSplitRow& row : rows) {
    labels << row.subset;
    configured << row.configured;
    observed << (observedTotal ? 100.0 * static_cast<double>(row.observed) / static_cast<double>(observedTotal) : 0);
  }
  if (labels != splitX_->categories()) {
    splitX_->clear();
    splitX_->append(labels);
  }
  configured_->remove(0, configured_->count());
  configured_->append(configured);
  observed_->remove(0, observed_->count());
  observed_->append(observed);
}

bool LoadCharts::savePng(const QString& path) { return grab().save(path, "PNG"); }

}  // namespace meshstudio::views

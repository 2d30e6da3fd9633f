#include "views/LoadRunComparison.h"

#include <QHeaderView>
#include <algorithm>

namespace meshstudio::views {

namespace {

QString number(double value) { return QString::number(value, 'f', value >= 100 ? 0 : 2); }

QString change(double first, double second) {
  if (first == 0) return second == 0 ? QStringLiteral("=") : QStringLiteral("+∞");
  const double percent = 100.0 * (second - first) / first;
  return (percent >= 0 ? QStringLiteral("+") : QString()) + QString::number(percent, 'f', 1) + QStringLiteral(" %");
}

double share(const QMap<QString, quint64>& split, const QString& key) {
  quint64 total = 0;
  for (quint64 count : split) total += count;
  return total ? 100.0 * static_cast<double>(split.value(key)) / static_cast<double>(total) : 0;
}

}  // namespace

LoadRunComparison::LoadRunComparison(QWidget* parent) : QTableWidget(parent) {
  setColumnCount(3);
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  setToolTip(tr("Two saved load runs side by side; the last column is the change from the first to the second."));
}

void LoadRunComparison::setRuns(const LoadRunSummary& a, const LoadRunSummary& b) {
  setHorizontalHeaderLabels({a.title, b.title, tr("Change")});
  struct Row {
    QString label;
    double first, second;
    QString unit;
  };
  QList<Row> rows;
  rows.append({tr("Requests"), static_cast<double>(a.requests), static_cast<double>(b.requests), {}});
  rows.append({tr("Throughput"), a.qps, b.qps, tr(" req/s")});
  rows.append({tr("Duration"), a.durationSeconds, b.durationSeconds, tr(" s")});
  QStringList percentiles;
  for (const auto& [name, value] : a.percentilesMs) percentiles << name;
  for (const auto& [name, value] : b.percentilesMs)
    if (!percentiles.contains(name)) percentiles << name;
  auto percentileOf = [](const LoadRunSummary& run, const QString& name) {
    for (const auto& [key, value] : run.percentilesMs)
      if (key == name) return value;
    return 0.0;
  };
  for (const QString& name : percentiles)
    rows.append({tr("Latency %1").arg(name), percentileOf(a, name), percentileOf(b, name), tr(" ms")});
  QList<int> codes = a.codes.keys();
  for (int code : b.codes.keys())
    if (!codes.contains(code)) codes << code;
  std::sort(codes.begin(), codes.end());
  for (int code : codes)
    rows.append({tr("Code %1").arg(code),
                 static_cast<double>(a.codes.value(code)),
                 static_cast<double>(b.codes.value(code)),
                 {}});
  QStringList clusters = a.split.keys();
  for (const QString& cluster : b.split.keys())
    if (!clusters.contains(cluster)) clusters << cluster;
  for (const QString& cluster : clusters)
    rows.append({tr("Split %1").arg(cluster), share(a.split, cluster), share(b.split, cluster), tr(" %")});

  setRowCount(static_cast<int>(rows.size()));
  QStringList labels;
  for (int i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    labels << row.label;
    setItem(i, 0, new QTableWidgetItem(number(row.first) + row.unit));
    setItem(i, 1, new QTableWidgetItem(number(row.second) + row.unit));
    setItem(i, 2, new QTableWidgetItem(change(row.first, row.second)));
  }
  setVerticalHeaderLabels(labels);
}

QString LoadRunComparison::cell(const QString& label, int column) const {
  for (int row = 0; row < rowCount(); ++row)
    if (verticalHeaderItem(row) && verticalHeaderItem(row)->text() == label)
      return item(row, column) ? item(row, column)->text() : QString();
  return {};
}

}  // namespace meshstudio::views

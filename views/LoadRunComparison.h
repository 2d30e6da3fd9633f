#pragma once

// Two saved load runs side by side: throughput, latency percentiles, response codes and the
// split per destination, one row per figure, with the difference in the third column. The runs
// come as LoadRunSummary (the app reads them from the JSON reports).

#include <QTableWidget>

#include "views/LoadTestData.h"

namespace meshstudio::views {

class LoadRunComparison : public QTableWidget {
  Q_OBJECT

 public:
  explicit LoadRunComparison(QWidget* parent = nullptr);

  void setRuns(const LoadRunSummary& first, const LoadRunSummary& second);
  /// The text of the row labelled `label` in column `column` (0: first run, 1: second, 2: change).
  QString cell(const QString& label, int column) const;
};

}  // namespace meshstudio::views

#pragma once

// What the Load test dock shows, as plain data the app fills from the engine's load generator
// (views never see engine types): the parameters of a run, one sample per progress tick for the
// time charts, and a progress snapshot with the histogram, the split per destination subset and
// the engine's counters. Also the summary of a saved run, for the comparison view.

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QPair>
#include <QString>

#include "views/TrialRequest.h"

namespace meshstudio::views {

/// fortio's `load` flags as the panel edits them.
struct LoadTestParameters {
  QString url;  ///< `http://reviews:9080/`
  QString method = QStringLiteral("GET");
  HeaderPairs headers;
  QString body;
  int connections = 4;  ///< -c
  double qps = 0;       ///< -qps; 0 = as fast as possible
  qint64 requests = 0;  ///< -n; 0: run for `seconds`
  double seconds = 5;   ///< -t, when requests is 0
};

/// One progress tick (about 4 a second): what happened since the previous one.
struct LoadSample {
  double seconds = 0;  ///< since the start of the run
  double rps = 0;      ///< requests finished per second in this interval
  double p50Ms = 0, p90Ms = 0, p99Ms = 0;
  QMap<int, quint64> codes;  ///< HTTP status (0: failed request) -> requests in this interval
};

/// One subset of the destination the target routes to: what the VirtualService promises next to
/// what the engine counted during the run.
struct LoadSplitRow {
  QString subset;         ///< `v1` (or the cluster when there is no subset)
  QString cluster;        ///< `outbound|9080|v1|reviews.shop.svc.cluster.local`
  double configured = 0;  ///< percent of the weights; 0 when the route does not name it
  quint64 observed = 0;   ///< requests the engine sent there during the run
};

struct LoadSnapshot {
  quint64 done = 0, total = 0, errors = 0;  ///< total: -n, or 0 for a timed run
  double elapsedSeconds = 0, durationSeconds = 0;
  bool finished = false, stopped = false;
  QList<LoadSample> newSamples;             ///< since the previous snapshot
  QList<QPair<double, quint64>> histogram;  ///< (upper bound in ms, count), cumulative over the run
  QList<LoadSplitRow> split;
  QMap<QString, quint64> counters;  ///< `overflow`, `retries`, ... since the start of the run
  QString error;                    ///< the run could not start

  double percentDone() const {
    if (finished && !stopped) return 100;
    if (total > 0) return 100.0 * static_cast<double>(done) / static_cast<double>(total);
    return durationSeconds > 0 ? qMin(100.0, 100.0 * elapsedSeconds / durationSeconds) : 0;
  }
};

/// A saved run as the comparison view shows it (read from the JSON report).
struct LoadRunSummary {
  QString title;  ///< the file name
  QString url;
  quint64 requests = 0;
  double qps = 0;  ///< achieved
  double durationSeconds = 0;
  QList<QPair<QString, double>> percentilesMs;  ///< (`p50`, 1.2), ...
  QMap<int, quint64> codes;
  QMap<QString, quint64> split;  ///< cluster -> requests
};

}  // namespace meshstudio::views

Q_DECLARE_METATYPE(meshstudio::views::LoadSnapshot)

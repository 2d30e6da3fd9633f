#pragma once

// The Load test dock's widget: fortio's parameters (connections, QPS or max, count or duration,
// URL, method, headers, body), Start/Stop, a progress bar with the time remaining, the engine's
// counters (overflow, retries, timeouts, ejections, rate-limited) and the live LoadCharts. It only
// shows and asks: Start/Stop/Save/Compare are signals, the app's runner does the work and feeds
// snapshots back with showSnapshot().

#include <QMap>
#include <QWidget>

#include "views/LoadTestData.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace meshstudio::views {

class LoadCharts;

class LoadTestPanel : public QWidget {
  Q_OBJECT

 public:
  /// The engine counters shown beside the charts, in this order (keys of LoadSnapshot::counters).
  static QStringList counterKeys();

  explicit LoadTestPanel(QWidget* parent = nullptr);

  LoadTestParameters parameters() const;
  void setParameters(const LoadTestParameters& parameters);
  /// The project's hosts and gateway URLs, offered in the URL box.
  void setUrlSuggestions(const QStringList& urls);
  /// Start disabled, Stop enabled while a run goes on; clears the charts when a run starts.
  void setRunning(bool running);
  bool isRunning() const { return running_; }
  /// A progress tick or the end of a run: progress bar, counts, counters, charts.
  void showSnapshot(const LoadSnapshot& snapshot);
  /// A line under the buttons: an error, "Saved …".
  void setMessage(const QString& text);

  LoadCharts* charts() const { return charts_; }
  QComboBox* urlBox() const { return url_; }
  QComboBox* methodBox() const { return method_; }
  QSpinBox* connectionsBox() const { return connections_; }
  QDoubleSpinBox* qpsBox() const { return qps_; }
  QSpinBox* countBox() const { return count_; }
  QDoubleSpinBox* durationBox() const { return duration_; }
  QPlainTextEdit* headersEdit() const { return headers_; }
  QPlainTextEdit* bodyEdit() const { return body_; }
  QPushButton* startButton() const { return start_; }
  QPushButton* stopButton() const { return stop_; }
  QProgressBar* progressBar() const { return progress_; }
  /// `1 234 / 2 000 requests, 0 errors`.
  QString statusText() const;
  QString remainingText() const;
  QString message() const;
  /// The value shown for counter `key`, -1 when unknown.
  qint64 counterValue(const QString& key) const;
  /// The last snapshot shown (the partial results after a stop).
  const LoadSnapshot& lastSnapshot() const { return last_; }

 Q_SIGNALS:
  void startRequested(const meshstudio::views::LoadTestParameters& parameters);
  void stopRequested();
  void saveJsonRequested();
  void saveCsvRequested();
  void savePngRequested();
  void compareRequested();

 private:
  QComboBox* url_;
  QComboBox* method_;
  QSpinBox* connections_;
  QDoubleSpinBox* qps_;
  QSpinBox* count_;
  QDoubleSpinBox* duration_;
  QPlainTextEdit* headers_;
  QPlainTextEdit* body_;
  QPushButton* start_;
  QPushButton* stop_;
  QProgressBar* progress_;
  QLabel* status_;
  QLabel* remaining_;
  QLabel* message_;
  QMap<QString, QLabel*> counters_;
  LoadCharts* charts_;
  bool running_ = false;
  LoadSnapshot last_;
};

}  // namespace meshstudio::views

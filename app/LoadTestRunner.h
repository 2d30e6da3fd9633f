#pragma once

// Runs a load test through the running engine for the Load test dock. The engine's
// LoadGenerator does the work on its own threads (its run thread and I/O threads); every request
// it finishes is folded into a small interval accumulator (under a mutex the I/O threads hold for
// a few nanoseconds), and four times a second the generator's run thread turns that into a
// views::LoadSnapshot — a sample for the time charts, the latency histogram, the split per
// destination subset as the engine counted it — and posts it to the GUI thread. The GUI thread
// only receives plain data; it never waits for the run, except for the prompt join after a stop.
//
// Engine counters (overflow, retries, timeouts, ejections, rate-limited) come from the bridge's
// statsUpdated, as differences from the start of the run. Stopping the engine ends the run at
// once (the generator is stopped before the engine it reads goes away); the partial result stays.

#include <QObject>
#include <QString>

#include <memory>
#include <string>

#include "views/LoadTestData.h"

namespace meshstudio::engine {
class Engine;
class LoadGenerator;
struct LoadOptions;
}  // namespace meshstudio::engine

namespace meshstudio::app {

class EngineBridge;
struct EngineStats;

class LoadTestRunner : public QObject {
  Q_OBJECT

 public:
  explicit LoadTestRunner(EngineBridge& bridge, QObject* parent = nullptr);
  /// Stops a run still going and waits for its threads.
  ~LoadTestRunner() override;

  /// Starts a run; false with `error` (translated) when it cannot (engine stopped, bad URL...).
  bool start(const views::LoadTestParameters& parameters, QString& error);
  bool isRunning() const { return generator_ != nullptr; }
  /// The JSON report of the last finished run (what `meshstudio-cli load --json` writes), empty
  /// before the first one ends.
  QString reportJson() const { return report_; }
  /// Every sample of the last run (the charts keep only the latest).
  const QList<views::LoadSample>& samples() const { return samples_; }
  bool saveJson(const QString& path, QString& error) const;
  /// One line per sample: seconds, rps, p50, p90, p99, then one column per response code.
  bool saveCsv(const QString& path, QString& error) const;
  /// Reads a saved JSON report for the comparison view; false with `error` when it is not one.
  static bool readSummary(const QString& path, views::LoadRunSummary& summary, QString& error);
  /// Sorts the engine's /stats counters into the dock's five (LoadTestPanel::counterKeys).
  static QMap<QString, quint64> engineCounters(const EngineStats& stats);

 public Q_SLOTS:
  /// Ends the run now; finished() follows with the partial result. Returns once the run is over.
  void stop();

 Q_SIGNALS:
  void started();
  /// A progress tick (about 4×/s) and, last, the final snapshot (finished == true).
  void snapshot(const meshstudio::views::LoadSnapshot& snapshot);
  void finished();

 private:
  struct Live;
  void deliver(views::LoadSnapshot snapshot);
  void finish();
  void engineStateChanged();
  void statsUpdated(const EngineStats& stats);

  EngineBridge& bridge_;
  engine::Engine* engine_ = nullptr;  ///< the engine the run goes through
  std::shared_ptr<Live> live_;
  std::unique_ptr<engine::LoadOptions> options_;
  std::unique_ptr<engine::LoadGenerator> generator_;  ///< null when no run goes on
  std::string url_;
  QList<views::LoadSample> samples_;
  QString report_;
  QMap<QString, quint64> countersAtStart_, counters_;
  bool haveCounterBase_ = false;
  views::LoadSnapshot last_;
};

}  // namespace meshstudio::app

#include "app/LoadTestRunner.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <chrono>
#include <mutex>

#include "app/EngineBridge.h"
#include "app/TrialTarget.h"
#include "engine/DestinationCounter.h"
#include "engine/Engine.h"
#include "engine/Explain.h"
#include "engine/LatencyHistogram.h"
#include "engine/LoadGenerator.h"
#include "engine/LoadReport.h"
#include "engine/Metrics.h"
#include "engine/RandomSource.h"
#include "engine/Snapshot.h"

namespace meshstudio::app {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

/// The display histogram's unit: loopback latencies are well under fortio's 1 ms.
constexpr std::chrono::microseconds kHistogramResolution{100};

double ms(std::chrono::nanoseconds value) { return static_cast<double>(value.count()) / 1e6; }

bool endsWith(const QString& name, QLatin1StringView suffix) { return name.endsWith(suffix); }

}  // namespace

/// Shared by the I/O threads (record), the generator's run thread (tick) and the runner.
struct LoadTestRunner::Live {
  std::mutex mutex;  ///< interval and codes: the I/O threads add, tick() takes
  engine::LatencyHistogram interval{kHistogramResolution};
  std::map<int, quint64> codes;

  // The run thread's alone.
  engine::LatencyHistogram all{kHistogramResolution};
  double lastSeconds = 0;
  engine::Engine* engine = nullptr;
  engine::DestinationCounts before;
  QList<views::LoadSplitRow> split;  ///< the configured subsets, observed filled in by tick()
  std::string serviceSuffix;         ///< `|reviews.shop.svc.cluster.local`: other subsets of the service
  quint64 run = 0;

  void record(int status, std::chrono::nanoseconds latency) {
    std::lock_guard lock(mutex);
    interval.record(latency);
    ++codes[status];
  }

  views::LoadSnapshot tick(const engine::LoadProgress& progress) {
    engine::LatencyHistogram taken{kHistogramResolution};
    std::map<int, quint64> takenCodes;
    {
      std::lock_guard lock(mutex);
      std::swap(taken, interval);
      std::swap(takenCodes, codes);
    }
    all.merge(taken);
    views::LoadSnapshot snapshot;
    snapshot.done = progress.done;
    snapshot.total = progress.total;
    snapshot.errors = progress.errors;
    snapshot.elapsedSeconds = std::chrono::duration<double>(progress.elapsed).count();
    snapshot.durationSeconds = std::chrono::duration<double>(progress.duration).count();
    snapshot.finished = progress.finished;
    views::LoadSample sample;
    sample.seconds = snapshot.elapsedSeconds;
    const double span = sample.seconds - lastSeconds;
    lastSeconds = sample.seconds;
    sample.rps = span > 0 ? static_cast<double>(taken.count()) / span : 0;
    sample.p50Ms = ms(taken.percentile(50));
    sample.p90Ms = ms(taken.percentile(90));
    sample.p99Ms = ms(taken.percentile(99));
    for (const auto& [code, count] : takenCodes) sample.codes.insert(code, count);
    if (taken.count() > 0 || progress.finished || span > 0) snapshot.newSamples.append(sample);
    for (const auto& bucket : all.displayBuckets()) snapshot.histogram.append({ms(bucket.upper), bucket.count});
    if (engine) {
      const engine::DestinationCounts now = engine::DestinationCounter::fromEngine(*engine);
      QList<views::LoadSplitRow> rows = split;
      for (views::LoadSplitRow& row : rows) {
        const std::string cluster = row.cluster.toStdString();
        const auto found = now.clusters.find(cluster);
        const auto was = before.clusters.find(cluster);
        const std::uint64_t after = found == now.clusters.end() ? 0 : found->second;
        const std::uint64_t base = was == before.clusters.end() ? 0 : was->second;
        row.observed = after > base ? after - base : 0;
      }
      // Subsets the route does not name but got traffic anyway (a mirror, an edit mid-run).
      for (const auto& [cluster, count] : now.clusters) {
        if (serviceSuffix.empty() || !cluster.ends_with(serviceSuffix)) continue;
        const auto was = before.clusters.find(cluster);
        const std::uint64_t base = was == before.clusters.end() ? 0 : was->second;
        if (count <= base) continue;
        const QString name = qs(cluster);
        if (std::any_of(rows.begin(), rows.end(), [&](const auto& row) { return row.cluster == name; })) continue;
        views::LoadSplitRow extra;
        extra.cluster = name;
        extra.subset = name.section(QLatin1Char('|'), 2, 2);
        if (extra.subset.isEmpty()) extra.subset = name.section(QLatin1Char('|'), 3);
        extra.observed = count - base;
        rows.append(extra);
      }
      snapshot.split = rows;
    }
    return snapshot;
  }
};

LoadTestRunner::LoadTestRunner(EngineBridge& bridge, QObject* parent) : QObject(parent), bridge_(bridge) {
  connect(&bridge_, &EngineBridge::stateChanged, this, &LoadTestRunner::engineStateChanged);
  connect(&bridge_, &EngineBridge::statsUpdated, this, &LoadTestRunner::statsUpdated);
}

LoadTestRunner::~LoadTestRunner() {
  if (generator_) {
    generator_->stop();
    generator_.reset();  // joins its threads: nothing posts to this object any more
  }
}

QMap<QString, quint64> LoadTestRunner::engineCounters(const EngineStats& stats) {
  QMap<QString, quint64> out;
  for (const QString& key : {QStringLiteral("overflow"), QStringLiteral("retries"), QStringLiteral("timeouts"),
                             QStringLiteral("ejections"), QStringLiteral("rateLimited")})
    out.insert(key, 0);
  for (auto it = stats.counters.begin(); it != stats.counters.end(); ++it) {
    const QString& name = it.key();
    const quint64 value = it.value();
    if (endsWith(name, QLatin1StringView(".upstream_rq_pending_overflow")) ||
        endsWith(name, QLatin1StringView(".upstream_cx_overflow")) ||
        endsWith(name, QLatin1StringView(".upstream_rq_retry_overflow")))
      out[QStringLiteral("overflow")] += value;
    else if (endsWith(name, QLatin1StringView(".upstream_rq_retry")))
      out[QStringLiteral("retries")] += value;
    else if (endsWith(name, QLatin1StringView(".upstream_rq_timeout")) ||
             endsWith(name, QLatin1StringView(".upstream_rq_per_try_timeout")))
      out[QStringLiteral("timeouts")] += value;
    else if (endsWith(name, QLatin1StringView(".outlier_detection.ejections_enforced_total")))
      out[QStringLiteral("ejections")] += value;
    else if (endsWith(name, QLatin1StringView("rate_limited")))
      out[QStringLiteral("rateLimited")] += value;
  }
  return out;
}

bool LoadTestRunner::start(const views::LoadTestParameters& parameters, QString& error) {
  if (generator_) {
    error = tr("A load test is already running.");
    return false;
  }
  engine::Engine* engine = bridge_.engine();
  if (!engine) {
    error = tr("Start the engine first: the load test goes through it.");
    return false;
  }
  views::TrialRequest request;
  request.method = parameters.method.isEmpty() ? QStringLiteral("GET") : parameters.method;
  request.url = parameters.url;
  request.headers = parameters.headers;
  request.body = parameters.body;
  const TrialTarget target = bridge_.targetFor(request);
  if (!target.isValid()) {
    error = target.error;
    return false;
  }
  if (target.tls) {
    error = tr("The load test speaks plain HTTP; %1 is served with TLS.").arg(target.authority);
    return false;
  }

  auto options = std::make_unique<engine::LoadOptions>();
  options->target.dialHost = target.host.toStdString();
  options->target.dialPort = target.port;
  options->target.authority = target.authority.toStdString();
  options->target.path = target.path.toStdString();
  options->method = request.method.toStdString();
  for (const auto& [name, value] : request.headers)
    options->headers.emplace_back(name.toStdString(), value.toStdString());
  options->body = request.body.toStdString();
  options->connections = parameters.connections;
  options->qps = parameters.qps;
  options->requests = static_cast<std::uint64_t>(std::max<qint64>(0, parameters.requests));
  options->duration = std::chrono::nanoseconds(static_cast<std::int64_t>(parameters.seconds * 1e9));
  options->resolution = kHistogramResolution;
  options->threads = 1;  // the engine needs the other core(s); one io_context drives many connections
  options->progressInterval = std::chrono::milliseconds(250);
  if (const std::string invalid = options->validate(); !invalid.empty()) {
    error = qs(invalid);
    return false;
  }

  auto live = std::make_shared<Live>();
  live->engine = engine;
  live->before = engine::DestinationCounter::fromEngine(*engine);
  live->run = live_ ? live_->run + 1 : 1;
  // The configured split: the weights of the route this request takes, as the engine compiled it.
  if (auto snapshot = bridge_.currentSnapshot()) {
    engine::Request message = engine::makeRequest(options->method, target.url().toStdString(), options->headers);
    engine::SeededRandom random(1);
    auto explanation = engine::explain(*snapshot, target.listener, std::move(message), random);
    if (explanation && explanation->decision.action) {
      const auto& destinations = explanation->decision.action->destinations;
      std::int64_t total = 0;
      for (const auto& destination : destinations) total += destination.weight;
      for (const auto& destination : destinations) {
        views::LoadSplitRow row;
        row.cluster = qs(destination.clusterName);
        row.subset = qs(destination.subset.empty() ? destination.host : destination.subset);
        row.configured = total > 0 ? 100.0 * static_cast<double>(destination.weight) / static_cast<double>(total)
                                   : 100.0 / static_cast<double>(destinations.size());
        live->split.append(row);
        if (live->serviceSuffix.empty() && !destination.serviceFqdn.empty())
          live->serviceSuffix = "|" + destination.serviceFqdn;
      }
    }
  }

  const quint64 run = live->run;
  options->onRequestDone = [live = live.get()](int status, std::chrono::nanoseconds latency) {
    live->record(status, latency);
  };
  options->onProgress = [this, live = live.get(), run](const engine::LoadProgress& progress) {
    views::LoadSnapshot snapshot = live->tick(progress);
    QMetaObject::invokeMethod(
        this,
        [this, snapshot, run]() mutable {
          if (live_ && live_->run == run) deliver(std::move(snapshot));
        },
        Qt::QueuedConnection);
  };
  options->onFinished = [this, run] {
    QMetaObject::invokeMethod(
        this,
        [this, run] {
          if (live_ && live_->run == run) finish();
        },
        Qt::QueuedConnection);
  };
  options->readDestinations = engine::DestinationCounter::reader(*engine);

  auto generator = std::make_unique<engine::LoadGenerator>(*options);
  std::string startError;
  live_ = live;  // before start(): the first progress may arrive at once
  if (!generator->start(startError)) {
    error = qs(startError);
    return false;
  }
  engine_ = engine;
  options_ = std::move(options);
  generator_ = std::move(generator);
  url_ = parameters.url.toStdString();
  samples_.clear();
  report_.clear();
  last_ = views::LoadSnapshot();
  last_.total = options_->requests;
  EngineStats stats;
  const QString text = qs(engine->metrics().renderStats());
  for (QStringView line : QStringView(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    const qsizetype colon = line.lastIndexOf(QLatin1Char(':'));
    if (colon > 0) stats.counters.insert(line.left(colon).toString(), line.mid(colon + 1).trimmed().toULongLong());
  }
  countersAtStart_ = counters_ = engineCounters(stats);
  Q_EMIT started();
  return true;
}

void LoadTestRunner::deliver(views::LoadSnapshot snapshot) {
  for (auto it = counters_.begin(); it != counters_.end(); ++it)
    snapshot.counters.insert(it.key(), it.value() - std::min(it.value(), countersAtStart_.value(it.key())));
  if (!generator_) {
    // A tick that was on its way when the run was stopped: its samples still count, but the run
    // is over.
    snapshot.finished = true;
    snapshot.stopped = last_.stopped;
  }
  samples_.append(snapshot.newSamples);
  if (snapshot.split.isEmpty()) snapshot.split = last_.split;
  if (snapshot.histogram.isEmpty()) snapshot.histogram = last_.histogram;
  last_ = snapshot;
  last_.newSamples.clear();
  Q_EMIT this->snapshot(snapshot);
}

void LoadTestRunner::finish() {
  if (!generator_) return;
  const engine::LoadResult result = generator_->wait();
  generator_.reset();
  engine_ = nullptr;
  report_ = qs(engine::LoadReport::json(result, *options_, url_));
  views::LoadSnapshot closing = last_;
  closing.newSamples.clear();
  closing.finished = true;
  closing.stopped = result.stopped;
  closing.done = result.requests;
  closing.errors = 0;
  for (const auto& [kind, count] : result.errors) closing.errors += count;
  if (!result.error.empty()) closing.error = qs(result.error);
  last_ = closing;
  deliver(closing);
  Q_EMIT finished();
}

void LoadTestRunner::stop() {
  if (!generator_) return;
  generator_->stop();
  finish();  // the run ends within milliseconds of stop(): connections are abandoned
}

void LoadTestRunner::engineStateChanged() {
  // The engine the run reads is stopping (or being replaced): end the run while it still exists.
  if (generator_ && bridge_.engine() != engine_) stop();
}

void LoadTestRunner::statsUpdated(const EngineStats& stats) {
  if (generator_) counters_ = engineCounters(stats);
}

bool LoadTestRunner::saveJson(const QString& path, QString& error) const {
  if (report_.isEmpty()) {
    error = tr("No finished load test to save.");
    return false;
  }
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(report_.toUtf8()) < 0 || !file.commit()) {
    error = tr("Could not write %1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

bool LoadTestRunner::saveCsv(const QString& path, QString& error) const {
  if (samples_.isEmpty()) {
    error = tr("No load test samples to save.");
    return false;
  }
  QList<int> codes;
  for (const views::LoadSample& sample : samples_)
    for (int code : sample.codes.keys())
      if (!codes.contains(code)) codes.append(code);
  std::sort(codes.begin(), codes.end());
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    error = tr("Could not write %1: %2").arg(path, file.errorString());
    return false;
  }
  QTextStream out(&file);
  out << "seconds,rps,p50_ms,p90_ms,p99_ms";
  for (int code : codes) out << ",code_" << (code == 0 ? QStringLiteral("failed") : QString::number(code));
  out << '\n';
  for (const views::LoadSample& sample : samples_) {
    out << sample.seconds << ',' << sample.rps << ',' << sample.p50Ms << ',' << sample.p90Ms << ',' << sample.p99Ms;
    for (int code : codes) out << ',' << sample.codes.value(code);
    out << '\n';
  }
  out.flush();
  if (!file.commit()) {
    error = tr("Could not write %1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

bool LoadTestRunner::readSummary(const QString& path, views::LoadRunSummary& summary, QString& error) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    error = tr("Could not read %1: %2").arg(path, file.errorString());
    return false;
  }
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
  const QJsonObject root = document.object();
  if (document.isNull() || !root.contains(QStringLiteral("requests"))) {
    error = tr("%1 is not a load test report.").arg(path);
    return false;
  }
  summary = views::LoadRunSummary();
  summary.title = QFileInfo(path).fileName();
  summary.url = root.value(QStringLiteral("url")).toString();
  summary.requests = static_cast<quint64>(root.value(QStringLiteral("requests")).toDouble());
  summary.qps = root.value(QStringLiteral("actualQps")).toDouble();
  summary.durationSeconds = root.value(QStringLiteral("durationSeconds")).toDouble();
  const QJsonObject percentiles =
      root.value(QStringLiteral("latencyMs")).toObject().value(QStringLiteral("percentiles")).toObject();
  for (auto it = percentiles.begin(); it != percentiles.end(); ++it)
    summary.percentilesMs.append({it.key(), it.value().toDouble()});
  std::sort(summary.percentilesMs.begin(), summary.percentilesMs.end(),
            [](const auto& a, const auto& b) { return a.first.mid(1).toDouble() < b.first.mid(1).toDouble(); });
  const QJsonObject codes = root.value(QStringLiteral("codes")).toObject();
  for (auto it = codes.begin(); it != codes.end(); ++it)
    summary.codes.insert(it.key().toInt(), static_cast<quint64>(it.value().toDouble()));
  const QJsonObject clusters =
      root.value(QStringLiteral("destinations")).toObject().value(QStringLiteral("clusters")).toObject();
  for (auto it = clusters.begin(); it != clusters.end(); ++it)
    summary.split.insert(it.key(), static_cast<quint64>(it.value().toDouble()));
  return true;
}

}  // namespace meshstudio::app

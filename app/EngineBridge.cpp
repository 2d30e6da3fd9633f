#include "app/EngineBridge.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaMethod>
#include <QTimer>
#include <QUuid>

#include <chrono>
#include <exception>

#include "app/AccessLogTap.h"
#include "app/Document.h"
#include "app/TrialExchange.h"
#include "app/TrialTarget.h"
#include "app/TrialTraceBuilder.h"
#include "engine/Engine.h"
#include "engine/Explain.h"
#include "engine/Snapshot.h"
#include "model/Project.h"

namespace meshstudio::app {
namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

int errorCount(const Document& document) {
  int errors = 0;
  for (const model::Diagnostics* list : {&document.loadDiagnostics(), &document.validation().findings})
    for (const model::Diagnostic& finding : *list)
      if (finding.severity == model::Severity::Error) ++errors;
  return errors;
}

/// A listener bound to every address is reached on loopback.
std::string reachable(const std::string& host) {
  return host.empty() || host == "0.0.0.0" || host == "::" || host == "[::]" ? "127.0.0.1" : host;
}

/// The `x-envoy-attempt-count` the answering pod received, from its echo (a JSON body with the
/// request's headers); -1 when the answer is not an echo.
int attemptsFromEcho(const std::string& body) {
  const QJsonDocument json = QJsonDocument::fromJson(QByteArray::fromStdString(body));
  const QJsonObject headers = json.object().value(QStringLiteral("headers")).toObject();
  for (auto it = headers.begin(); it != headers.end(); ++it)
    if (it.key().compare(QStringLiteral("x-envoy-attempt-count"), Qt::CaseInsensitive) == 0)
      return it.value().toString().toInt();
  return -1;
}

/// Why a trial got no answer, for people.
QString describeFailure(const TrialExchange::Reply& reply, int timeoutMs) {
  switch (reply.failure) {
    case TrialExchange::Failure::None:
      return {};
    case TrialExchange::Failure::BadAddress:
      return EngineBridge::tr("the listener address %1 is not an IP address").arg(qs(reply.error));
    case TrialExchange::Failure::Cancelled:
      return EngineBridge::tr("cancelled: the engine stopped while the trial was in flight");
    case TrialExchange::Failure::Timeout:
      return EngineBridge::tr("no answer within %1 ms").arg(timeoutMs);
    case TrialExchange::Failure::Network:
      return EngineBridge::tr("connection failed: %1").arg(qs(reply.error));
  }
  return {};
}

}  // namespace

EngineBridge::EngineBridge(QObject* parent)
    : QObject(parent),
      tap_(std::make_shared<AccessLogTap>()),
      drainTimer_(new QTimer(this)),
      statsTimer_(new QTimer(this)) {
  compilePool_.setMaxThreadCount(1);  // one compile at a time; later revisions wait (coalesced)
  trialPool_.setMaxThreadCount(4);
  drainTimer_->setInterval(100);
  connect(drainTimer_, &QTimer::timeout, this, &EngineBridge::drain);
  statsTimer_->setInterval(250);
  connect(statsTimer_, &QTimer::timeout, this, &EngineBridge::sampleStats);
}

EngineBridge::~EngineBridge() {
  {
    std::lock_guard lock(inflightMutex_);
    for (const auto& exchange : inflight_) exchange->cancel();
  }
  tap_->detach();  // trial workers waiting for their log entry return now
  trialPool_.waitForDone();
  compilePool_.waitForDone();
  if (engine_) engine_->stop();
}

void EngineBridge::follow(const Document& document) {
  connect(&document, &Document::changed, this,
          [this, &document] { documentChanged(document.project(), document.revision(), errorCount(document)); });
  if (document.isOpen()) documentChanged(document.project(), document.revision(), errorCount(document));
}

// --- State ------------------------------------------------------------------------------------

bool EngineBridge::isRunning() const { return engine_ && engine_->isRunning(); }

engine::Engine* EngineBridge::engine() const { return isRunning() ? engine_.get() : nullptr; }

EngineBridge::Health EngineBridge::health() const {
  if (!isRunning()) return failed_ ? Health::Failed : Health::Stopped;
  return runningRevision_ == revision_ ? Health::Running : Health::Stale;
}

QString EngineBridge::statusText() const {
  switch (health()) {
    case Health::Stopped:
      return tr("Engine stopped");
    case Health::Failed:
      return tr("Engine stopped: %1").arg(lastError_);
    case Health::Running:
      return tr("Engine running revision %1").arg(runningRevision_);
    case Health::Stale:
      if (errors_ == 1)
        return tr("Running revision %1; revision %2 has 1 error — not applied").arg(runningRevision_).arg(revision_);
      if (errors_ > 1)
        return tr("Running revision %1; revision %2 has %3 errors — not applied")
            .arg(runningRevision_)
            .arg(revision_)
            .arg(errors_);
      return tr("Running revision %1; applying revision %2…").arg(runningRevision_).arg(revision_);
  }
  return {};
}

QString EngineBridge::statusDetails() const {
  QStringList lines{statusText()};
  for (const ListenerAddress& listener : listeners()) lines << tr("%1: %2").arg(listener.name, listener.address);
  if (isRunning() && ephemeralFallback_ && portPolicy_ == PortPolicy::Project)
    lines << tr("The ports in meshstudio.yaml were taken, so the engine listens on free ports.");
  if (auto snapshot = isRunning() ? engine_->snapshot() : nullptr)
    for (const std::string& problem : snapshot->problems) lines << tr("warning: %1").arg(qs(problem));
  if (!lastError_.isEmpty() && isRunning()) lines << tr("Last error: %1").arg(lastError_);
  return lines.join(QLatin1Char('\n'));
}

QList<EngineBridge::ListenerAddress> EngineBridge::listeners() const {
  QList<ListenerAddress> out;
  if (!isRunning()) return out;
  auto snapshot = engine_->snapshot();
  const engine::EngineSettings& settings = snapshot->settings;
  out.append({tr("mesh"), QStringLiteral("%1:%2").arg(qs(settings.mesh.host)).arg(engine_->meshPort())});
  for (const engine::GatewayListener& gateway : snapshot->gateways)
    out.append(
        {tr("gateway %1%2").arg(gateway.gatewayPort).arg(gateway.tls ? tr(" (TLS)") : QString()),
         QStringLiteral("%1:%2").arg(qs(settings.gatewayAddress)).arg(engine_->gatewayPort(gateway.gatewayPort))});
  out.append({tr("admin"), QStringLiteral("%1:%2").arg(qs(settings.admin.host)).arg(engine_->adminPort())});
  return out;
}

void EngineBridge::setFailed(const QString& error) {
  lastError_ = error;
  failed_ = true;
  Q_EMIT stateChanged();
}

// --- Compiling --------------------------------------------------------------------------------

model::Value EngineBridge::effectiveSettings(const model::Project& project) const {
  model::Value settings = project.settings();
  if (portPolicy_ == PortPolicy::Project && !ephemeralFallback_) return settings;
  // Free ports on the configured hosts: port 0 for the mesh, admin and every Gateway port.
  model::Value engineSection =
      settings.find("engine") && settings.find("engine")->isMap() ? *settings.find("engine") : model::Value::map();
  auto freePort = [&](const char* key) {
    engine::ListenAddress address;
    if (const model::Value* value = engineSection.find(key)) engine::ListenAddress::parse(value->text(), address);
    engineSection.set(key, model::Value::string(address.host + ":0"));
  };
  freePort("listen");
  freePort("admin");
  model::Value gatewayPorts = model::Value::map();
  for (const model::Resource& resource : project.resources()) {
    if (resource.kind() != model::ResourceKind::Gateway) continue;
    const model::Value* servers = resource.document().at("spec.servers");
    if (!servers || !servers->isSeq()) continue;
    for (const model::Value& server : servers->items())
      if (const model::Value* number = server.at("port.number"))
        gatewayPorts.set(number->text(), model::Value::integer(0));
  }
  engineSection.set("gatewayPorts", gatewayPorts);
  settings.set("engine", engineSection);
  return settings;
}

EngineBridge::CompileJob EngineBridge::jobForCurrent() const {
  CompileJob job;
  job.revision = revision_;
  if (project_) {
    job.resources = project_->resources();
    job.settings = effectiveSettings(*project_);
  }
  return job;
}

void EngineBridge::documentChanged(const model::Project& project, quint64 revision, int errorCount) {
  project_ = &project;
  revision_ = revision;
  errors_ = errorCount;
  if (isRunning() && errors_ == 0) queueCompile(jobForCurrent());
  Q_EMIT stateChanged();
}

void EngineBridge::queueCompile(CompileJob job) {
  if (compiling_) {
    pending_ = std::make_unique<CompileJob>(std::move(job));  // only the newest waiting one matters
    return;
  }
  runCompile(std::move(job));
}

void EngineBridge::runCompile(CompileJob job) {
  compiling_ = true;
  // The worker owns its copy of the project; its result is tagged with the revision it describes.
  auto shared = std::make_shared<CompileJob>(std::move(job));
  compilePool_.start([this, shared] {
    QElapsedTimer timer;
    timer.start();
    std::shared_ptr<const engine::Snapshot> snapshot;
    try {
      snapshot = engine::Snapshot::compile(shared->resources, shared->settings);
    } catch (const std::exception&) {  // compile reports problems instead of throwing; a last resort
    }
    const double milliseconds = double(timer.nsecsElapsed()) / 1e6;
    const quint64 revision = shared->revision;
    QMetaObject::invokeMethod(
        this, [this, revision, snapshot, milliseconds] { compiled(revision, snapshot, milliseconds); },
        Qt::QueuedConnection);
  });
}

void EngineBridge::compiled(quint64 revision, std::shared_ptr<const engine::Snapshot> snapshot, double milliseconds) {
  compiling_ = false;
  lastCompileMs_ = milliseconds;
  // Results for a revision older than what runs are dropped; a newer one is applied even when
  // the document has moved on again (it is still closer to what the user sees).
  if (isRunning() && snapshot && revision > runningRevision_) {
    std::string error;
    engine_->load(snapshot, &error);
    lastError_ = qs(error);
    runningRevision_ = revision;
    Q_EMIT reloaded(revision);
  }
  if (pending_) {
    auto next = std::move(pending_);
    if (isRunning() && next->revision > runningRevision_) runCompile(std::move(*next));
  }
  Q_EMIT stateChanged();
}

std::shared_ptr<const engine::Snapshot> EngineBridge::currentSnapshot() {
  if (isRunning()) return engine_->snapshot();
  if (!project_) return nullptr;
  if (!explainSnapshot_ || explainRevision_ != revision_) {
    QElapsedTimer timer;
    timer.start();
    explainSnapshot_ = engine::Snapshot::compile(project_->resources(), effectiveSettings(*project_));
    lastCompileMs_ = double(timer.nsecsElapsed()) / 1e6;
    explainRevision_ = revision_;
  }
  return explainSnapshot_;
}

// --- Start and stop ---------------------------------------------------------------------------

bool EngineBridge::start() {
  if (isRunning()) return true;
  failed_ = false;
  if (!project_) {
    setFailed(tr("no project is open"));
    return false;
  }
  if (errors_ > 0) {
    setFailed(errors_ == 1 ? tr("revision %1 has 1 error; fix it to start the engine").arg(revision_)
                           : tr("revision %1 has %2 errors; fix them to start the engine").arg(revision_).arg(errors_));
    return false;
  }
  ephemeralFallback_ = false;
  CompileJob job = jobForCurrent();
  QElapsedTimer timer;
  timer.start();
  auto snapshot = engine::Snapshot::compile(job.resources, job.settings);
  lastCompileMs_ = double(timer.nsecsElapsed()) / 1e6;
  if (startWith(snapshot, job.revision)) return true;
  if (portPolicy_ == PortPolicy::Ephemeral) return false;
  // The project's ports are taken (another studio, a `serve`): run on free ports instead.
  const QString firstError = lastError_;
  ephemeralFallback_ = true;
  job = jobForCurrent();
  if (startWith(engine::Snapshot::compile(job.resources, job.settings), job.revision)) {
    lastError_ = firstError;
    Q_EMIT stateChanged();
    return true;
  }
  ephemeralFallback_ = false;
  return false;
}

bool EngineBridge::startWith(std::shared_ptr<const engine::Snapshot> snapshot, quint64 revision) {
  if (engine_) tap_->detach();
  engine::EngineOptions options;
  options.threads = threads_;
  engine_ = std::make_unique<engine::Engine>(options);
  tap_->attach(engine_->accessLog(), engine_->events());
  engine_->load(snapshot);
  std::string error;
  if (!engine_->start(error)) {
    tap_->detach();
    engine_.reset();
    setFailed(qs(error));
    return false;
  }
  runningRevision_ = revision;
  lastError_.clear();
  failed_ = false;
  startedAt_ = QDateTime::currentDateTimeUtc();
  drainTimer_->start();
  statsTimer_->start();
  Q_EMIT stateChanged();
  Q_EMIT reloaded(revision);
  return true;
}

void EngineBridge::stop() {
  if (!engine_) return;
  {
    // Trials in flight get their answer from the closing connections; cancelling too makes sure
    // none waits out its timeout.
    std::lock_guard lock(inflightMutex_);
    for (const auto& exchange : inflight_) exchange->cancel();
  }
  engine_->stop();  // closes every connection and joins the I/O threads: milliseconds
  drain();          // the last lines and events
  tap_->detach();
  drainTimer_->stop();
  statsTimer_->stop();
  pending_.reset();
  runningRevision_ = 0;
  Q_EMIT stateChanged();
}

bool EngineBridge::restart() {
  stop();
  return start();
}

// --- Events out -------------------------------------------------------------------------------

void EngineBridge::drain() {
  std::size_t dropped = 0;
  const std::vector<std::string> lines = tap_->drainLines(&dropped);
  if (!lines.empty()) {
    QStringList batch;
    batch.reserve(qsizetype(lines.size()) + 1);
    if (dropped > 0)
      batch << tr("… %n line(s) skipped: more arrived than the log keeps between updates", nullptr, int(dropped));
    for (const std::string& line : lines) batch << qs(line);
    Q_EMIT accessLogLines(batch);
  }
  for (const engine::EngineEvent& event : tap_->drainEvents()) {
    EngineEventInfo info;
    info.kind = event.kind == engine::EngineEvent::Kind::Ejected     ? EngineEventInfo::Kind::Ejected
                : event.kind == engine::EngineEvent::Kind::Unejected ? EngineEventInfo::Kind::Unejected
                                                                     : EngineEventInfo::Kind::Reloaded;
    info.cluster = qs(event.cluster);
    info.host = qs(event.host);
    info.detail = qs(event.detail);
    info.time = QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(event.time.time_since_epoch()).count(), Qt::UTC);
    Q_EMIT engineEvent(info);
  }
}

void EngineBridge::sampleStats() {
  if (!isRunning() || !isSignalConnected(QMetaMethod::fromSignal(&EngineBridge::statsUpdated))) return;
  EngineStats stats;
  stats.uptimeMs = startedAt_.msecsTo(QDateTime::currentDateTimeUtc());
  engine::Metrics& metrics = engine_->metrics();
  stats.requests = metrics.requestCount();
  const QString text = qs(metrics.renderStats());
  for (QStringView line : QStringView(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    const qsizetype colon = line.lastIndexOf(QLatin1Char(':'));
    if (colon > 0) stats.counters.insert(line.left(colon).toString(), line.mid(colon + 1).trimmed().toULongLong());
  }
  Q_EMIT statsUpdated(stats);
}

// --- Trials -----------------------------------------------------------------------------------

TrialTarget EngineBridge::targetFor(const views::TrialRequest& request) {
  auto snapshot = currentSnapshot();
  if (!snapshot) {
    TrialTarget target;
    target.error = tr("No project is open.");
    return target;
  }
  TrialTarget target = TrialTarget::resolve(request, *snapshot);
  if (!target.isValid()) return target;
  const engine::EngineSettings& settings = snapshot->settings;
  if (target.listener == "mesh") {
    target.host = qs(reachable(settings.mesh.host));
    target.port = isRunning() ? engine_->meshPort() : settings.mesh.port;
  } else {
    const std::int64_t gatewayPort = qs(target.listener).section(QLatin1Char(':'), 1).toLongLong();
    target.host = qs(reachable(settings.gatewayAddress));
    target.port = isRunning() ? engine_->gatewayPort(gatewayPort) : settings.localPortFor(gatewayPort);
  }
  return target;
}

void EngineBridge::explainTrial(const views::TrialRequest& request, views::TrialResult& result,
                                views::DecisionTrace& trace) {
  result = views::TrialResult();
  trace = views::DecisionTrace();
  auto snapshot = currentSnapshot();
  TrialTarget target = targetFor(request);
  if (!snapshot || !target.isValid()) {
    result.error = trace.error = target.error;
    return;
  }
  engine::HeaderList headers;
  for (const auto& [name, value] : request.headers) headers.emplace_back(name.toStdString(), value.toStdString());
  engine::Request message = engine::makeRequest(request.method.toStdString(), target.url().toStdString(), headers);
  message.body() = request.body.toStdString();
  engine::SeededRandom random(static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch()));
  auto explanation = engine::explain(*snapshot, target.listener, std::move(message), random);
  if (!explanation) {
    result.error = trace.error = tr("no listener %1").arg(qs(target.listener));
    return;
  }
  trace = TrialTraceBuilder::fromExplanation(*explanation, *snapshot, target.listener);
  result.target = target.describe();
  if (explanation->localReply) {
    const engine::Response& reply = *explanation->localReply;
    result.status = static_cast<int>(reply.result_int());
    result.reason = qs(std::string(reply.reason()));
    if (result.reason.isEmpty()) result.reason = qs(std::string(boost::beast::http::obsolete_reason(reply.result())));
    for (const auto& field : reply)
      result.headers.append({qs(std::string(field.name_string())), qs(std::string(field.value()))});
    result.body = QByteArray::fromStdString(reply.body());
  }
}

quint64 EngineBridge::sendTrial(const views::TrialRequest& request) {
  const quint64 id = ++nextTrial_;
  views::TrialResult result;
  views::DecisionTrace trace;
  auto failNow = [&](const QString& error) {
    result.error = error;
    trace.error = error;
    // Asynchronous like every answer, so callers handle one path.
    QMetaObject::invokeMethod(
        this, [this, id, result, trace] { Q_EMIT trialFinished(id, result, trace); }, Qt::QueuedConnection);
    return id;
  };
  if (!isRunning()) return failNow(tr("the engine is not running (Engine → Start)"));
  // The trace of the rules comes from explaining on the configuration that serves the request.
  explainTrial(request, result, trace);
  if (!result.error.isEmpty()) return failNow(result.error);
  const TrialTarget target = targetFor(request);
  if (target.tls)
    return failNow(
        tr("%1 serves TLS: trials are sent over plain HTTP; Explain it, or Copy as curl").arg(qs(target.listener)));
  result = views::TrialResult();
  result.target = target.describe();

  TrialExchange::Request exchangeRequest;
  exchangeRequest.host = target.host.toStdString();
  exchangeRequest.port = target.port;
  exchangeRequest.method = request.method.toStdString();
  exchangeRequest.target = target.path.toStdString();
  exchangeRequest.timeout = std::chrono::milliseconds(trialTimeoutMs_);
  bool hasHost = false, hasId = false, hasAgent = false;
  std::string requestId;
  for (const auto& [name, value] : request.headers) {
    const QString lower = name.toLower();
    hasHost = hasHost || lower == QStringLiteral("host");
    hasAgent = hasAgent || lower == QStringLiteral("user-agent");
    if (lower == QStringLiteral("x-request-id")) {
      hasId = true;
      requestId = value.toStdString();
    }
    exchangeRequest.headers.emplace_back(name.toStdString(), value.toStdString());
  }
  if (!hasHost)
    exchangeRequest.headers.emplace(exchangeRequest.headers.begin(), "Host", target.authority.toStdString());
  if (!hasAgent) exchangeRequest.headers.emplace_back("User-Agent", "meshstudio-trial");
  if (!hasId) {
    // Our own request id finds the request's access-log entry: its cluster, pod and flags.
    requestId = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    exchangeRequest.headers.emplace_back("x-request-id", requestId);
  }
  exchangeRequest.body = request.body.toStdString();

  auto exchange = std::make_shared<TrialExchange>(std::move(exchangeRequest));
  {
    std::lock_guard lock(inflightMutex_);
    inflight_.insert(exchange);
  }
  tap_->watch(requestId);
  std::shared_ptr<AccessLogTap> tap = tap_;
  const int trialTimeoutMs = trialTimeoutMs_;
  trialPool_.start([this, id, exchange, tap, requestId, result, trace, trialTimeoutMs]() mutable {
    TrialExchange::Reply reply = exchange->run();
    std::optional<engine::AccessLogEntry> entry =
        tap->take(requestId, reply.failure == TrialExchange::Failure::None ? std::chrono::milliseconds(2000)
                                                                           : std::chrono::milliseconds(200));
    {
      std::lock_guard lock(inflightMutex_);
      inflight_.erase(exchange);
    }
    result.sent = reply.failure == TrialExchange::Failure::None;
    result.error = describeFailure(reply, trialTimeoutMs);
    result.status = reply.status;
    result.reason = QString::fromStdString(reply.reason);
    result.elapsedMs = reply.elapsedMs;
    std::string pod;
    for (const auto& [name, value] : reply.headers) {
      result.headers.append({QString::fromStdString(name), QString::fromStdString(value)});
      if (QString::fromStdString(name).compare(QStringLiteral("x-meshstudio-pod"), Qt::CaseInsensitive) == 0)
        pod = value;
    }
    result.body = QByteArray::fromStdString(reply.body);
    ObservedTrial observed;
    observed.entry = std::move(entry);
    observed.status = reply.status;
    observed.pod = pod;
    observed.attempts = attemptsFromEcho(reply.body);
    observed.error = result.error.toStdString();
    TrialTraceBuilder::applyObserved(trace, observed);
    QMetaObject::invokeMethod(
        this, [this, id, result, trace] { Q_EMIT trialFinished(id, result, trace); }, Qt::QueuedConnection);
  });
  return id;
}

QStringList EngineBridge::urlSuggestions() const {
  return project_ ? TrialTarget::suggestions(*project_) : QStringList();
}

}  // namespace meshstudio::app

#include "app/CanaryRunner.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QTimer>

#include "app/cluster/KubeApi.h"
#include "app/cluster/KubeTransport.h"
#include "app/rollout/ClusterWeightTarget.h"
#include "app/rollout/PrometheusQuery.h"

namespace meshstudio::app {

/// What the thread owns, in the order it must be destroyed (the rollout first: it refers to the
/// target and the source; the transport last: the api and the target use it).
struct CanaryRunner::Worker {
  std::unique_ptr<cluster::KubeTransport> transport;
  std::unique_ptr<cluster::KubeApi> api;
  std::unique_ptr<rollout::WeightTarget> clusterWeights;
  std::unique_ptr<rollout::MetricsSource> prometheus;
  std::unique_ptr<rollout::RolloutRehearsal> rehearsal;
  std::unique_ptr<rollout::CanaryRollout> rollout;
  std::unique_ptr<QTimer> timer;
  // What was published last, so an idle poll publishes nothing.
  std::size_t publishedEvents = 0;
  rollout::RolloutState publishedState = rollout::RolloutState::NotStarted;
  bool ended = false;
};

CanaryRunner::CanaryRunner(QObject* parent) : QObject(parent) {}

CanaryRunner::~CanaryRunner() {
  if (!thread_) return;
  stop(false);
  waitForFinished(-1);  // every blocking call of the thread has its own deadline
}

bool CanaryRunner::start(CanaryRunSetup setup) {
  if (thread_) return false;
  setup_ = std::move(setup);
  {
    std::lock_guard lock(mutex_);
    snapshot_.reset();
    error_.clear();
  }
  leftAsItWas_ = false;
  worker_ = std::make_unique<Worker>();
  thread_ = new QThread(this);
  thread_->setObjectName(QStringLiteral("canary rollout"));
  context_ = new QObject;
  context_->moveToThread(thread_);
  // Compared, never dereferenced: waitForFinished() may have handled this thread already and a
  // new rollout started since.
  connect(thread_, &QThread::finished, this, [this, thread = thread_] {
    if (thread == thread_) threadEnded();
  });
  thread_->start();
  post([this](Worker& worker) { begin(worker); });
  return true;
}

void CanaryRunner::post(std::function<void(Worker&)> work) {
  if (!thread_) return;
  Worker* worker = worker_.get();
  QMetaObject::invokeMethod(
      context_,
      [worker, work = std::move(work)] {
        if (!worker->ended) work(*worker);
      },
      Qt::QueuedConnection);
}

void CanaryRunner::begin(Worker& worker) {
  std::string error;
  rollout::WeightTarget* weights = nullptr;
  rollout::MetricsSource* metrics = nullptr;
  if (!setup_.onCluster) {
    worker.rehearsal = rollout::RolloutRehearsal::start(setup_.resources, setup_.settings, setup_.virtualService,
                                                        setup_.plan, setup_.rehearsal, error);
    if (worker.rehearsal) {
      weights = &worker.rehearsal->weights();
      metrics = &worker.rehearsal->metrics();
    }
  } else if (setup_.connection) {
    // Created here: the transport's network access manager belongs to the thread that made it.
    worker.transport = std::make_unique<cluster::KubeTransport>(*setup_.connection);
    worker.api = std::make_unique<cluster::KubeApi>(*worker.transport);
    worker.clusterWeights =
        std::make_unique<rollout::ClusterWeightTarget>(*worker.api, setup_.clusterDocument, setup_.plan.routeIndex,
                                                       setup_.plan.stableSubset, setup_.plan.canarySubset);
    rollout::PrometheusQuery query;
    if (query.setBaseUrl(setup_.prometheusUrl)) {
      worker.prometheus = std::make_unique<rollout::PrometheusMetricsSource>(
          query, setup_.templates, setup_.service, setup_.plan.stableSubset, setup_.plan.canarySubset);
      weights = worker.clusterWeights.get();
      metrics = worker.prometheus.get();
    } else {
      error = "not an http:// URL: " + setup_.prometheusUrl;
    }
  } else {
    error = "no cluster connection";
  }
  if (!weights || !metrics) {
    {
      std::lock_guard lock(mutex_);
      error_ = QString::fromStdString(error);
    }
    end(worker);
    return;
  }
  worker.rollout = std::make_unique<rollout::CanaryRollout>(setup_.plan, *weights, *metrics,
                                                            [] { return std::chrono::steady_clock::now(); });
  worker.rollout->start();
  publish(worker, true);
  worker.timer = std::make_unique<QTimer>();
  worker.timer->setInterval(100);
  QObject::connect(worker.timer.get(), &QTimer::timeout, context_, [this, &worker] {
    if (worker.ended) return;
    worker.rollout->poll();
    publish(worker);
    endIfFinished(worker);
  });
  worker.timer->start();
  endIfFinished(worker);
}

void CanaryRunner::publish(Worker& worker, bool force) {
  if (!worker.rollout) return;
  const rollout::CanaryRollout& rollout = *worker.rollout;
  if (!force && rollout.events().size() == worker.publishedEvents && rollout.state() == worker.publishedState) return;
  worker.publishedEvents = rollout.events().size();
  worker.publishedState = rollout.state();
  auto copy = std::make_shared<const rollout::CanaryRollout>(rollout);
  {
    std::lock_guard lock(mutex_);
    snapshot_ = std::move(copy);
  }
  QMetaObject::invokeMethod(
      this, [this] { Q_EMIT changed(); }, Qt::QueuedConnection);
}

void CanaryRunner::endIfFinished(Worker& worker) {
  if (worker.rollout && worker.rollout->finished()) end(worker);
}

void CanaryRunner::end(Worker& worker) {
  if (worker.ended) return;
  worker.ended = true;
  publish(worker);
  worker.timer.reset();
  worker.rollout.reset();
  if (worker.rehearsal) worker.rehearsal->stop();  // the traffic and the engine, joined here
  worker.rehearsal.reset();
  worker.prometheus.reset();
  worker.clusterWeights.reset();
  worker.api.reset();
  worker.transport.reset();
  QThread::currentThread()->quit();
}

std::shared_ptr<const rollout::CanaryRollout> CanaryRunner::snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

rollout::RolloutState CanaryRunner::state() const {
  auto rollout = snapshot();
  return rollout ? rollout->state() : rollout::RolloutState::NotStarted;
}

int CanaryRunner::canaryWeight() const {
  auto rollout = snapshot();
  return rollout ? rollout->canaryWeight() : 0;
}

QString CanaryRunner::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

void CanaryRunner::pause() {
  post([this](Worker& worker) {
    worker.rollout->pause();
    publish(worker);
  });
}

void CanaryRunner::resume() {
  post([this](Worker& worker) {
    worker.rollout->resume();
    publish(worker);
  });
}

void CanaryRunner::approve() {
  post([this](Worker& worker) {
    worker.rollout->approve();
    publish(worker);
  });
}

void CanaryRunner::promoteNow() {
  post([this](Worker& worker) {
    worker.rollout->promoteNow();
    publish(worker);
    endIfFinished(worker);
  });
}

void CanaryRunner::rollbackNow() {
  post([this](Worker& worker) {
    worker.rollout->rollbackNow("rolled back by hand in the studio");
    publish(worker);
    endIfFinished(worker);
  });
}

void CanaryRunner::stop(bool rollBack) {
  if (!thread_) return;
  if (!rollBack) leftAsItWas_ = true;
  post([this, rollBack](Worker& worker) {
    if (rollBack && worker.rollout) worker.rollout->rollbackNow("stopped in the studio");
    end(worker);
  });
}

bool CanaryRunner::waitForFinished(int milliseconds) {
  if (!thread_) return true;
  const QDeadlineTimer deadline =
      milliseconds < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(milliseconds);
  if (!thread_->wait(deadline)) return false;
  threadEnded();
  return true;
}

void CanaryRunner::threadEnded() {
  if (!thread_) return;  // already handled by waitForFinished()
  thread_->wait();
  delete context_;  // its thread has ended: no event of it can run any more
  context_ = nullptr;
  worker_.reset();
  thread_->deleteLater();
  thread_ = nullptr;
  if (auto rollout = snapshot(); rollout && rollout->finished()) leftAsItWas_ = false;
  Q_EMIT finished();
}

}  // namespace meshstudio::app

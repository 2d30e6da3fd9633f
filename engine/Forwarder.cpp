#include "engine/Forwarder.h"

#include "engine/Engine.h"
#include "engine/LoadBalancer.h"
#include "engine/RouteTable.h"
#include "engine/WireFormat.h"

namespace meshstudio::engine {

namespace beast = boost::beast;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::string_view kResetPrefix = "upstream connect error or disconnect/reset before headers. ";

std::string resetBody(std::string_view reason, bool retried) {
  return std::string(kResetPrefix) + (retried ? "retried and the latest reset reason: " : "reset reason: ") +
         std::string(reason);
}

const ClusterRuntime& runtimeOf(const ActiveSnapshot& active, const Cluster& cluster) {
  return active.clusters[cluster.index];
}

}  // namespace

Forwarder::Forwarder(Engine& engine, Worker& worker, Target target, Request&& request, Done done)
    : engine_(engine),
      worker_(worker),
      target_(std::move(target)),
      request_(std::move(request)),
      done_(std::move(done)),
      routeTimer_(worker.io.get_executor()),
      perTryTimer_(worker.io.get_executor()),
      backoffTimer_(worker.io.get_executor()) {}

Forwarder::~Forwarder() = default;

void Forwarder::start() {
  self_ = shared_from_this();
  worker_.forwarders.insert(this);
  auto keepAlive = self_;  // the answer may come before start() returns, and drop the owner's reference
  // HTTP/1.1 to the upstream, keeping the connection; the router removed the client's Connection field.
  request_.version(11);
  if (request_.method() == http::verb::trace) request_.body().clear();  // TRACE has no body
  request_.prepare_payload();
  hash_ = requestHash(*target_.cluster, request_, target_.sourceAddress, &setCookie_);
  // The route timeout starts now, after any fault delay, and covers every attempt and back-off.
  if (target_.timeout && target_.timeout->count() > 0) {
    routeTimer_.expires_after(*target_.timeout);
    routeTimer_.async_wait([weak = weak_from_this()](beast::error_code error) {
      auto self = weak.lock();
      if (!error && self && !self->finished_) self->onRouteTimeout();
    });
  }
  attempt(false);
}

void Forwarder::attempt(bool sameHost) {
  const Cluster& cluster = *target_.cluster;
  const ClusterRuntime& runtime = runtimeOf(*target_.active, cluster);
  if (!sameHost) {
    ++attempts_;
    // Istio's retry_previous_hosts, except for consistent-hash destinations (retry.go).
    const bool avoid =
        target_.retries && target_.retries->avoidPreviousHosts && !cluster.policy.loadBalancer.isConsistentHash();
    auto chosen = chooseHost(cluster, runtime, hash_, engine_.threadRandom(),
                             avoid ? std::span<const std::size_t>(previousHosts_) : std::span<const std::size_t>());
    if (!chosen) return answerLocally(503, "no healthy upstream", "UH", "no_healthy_upstream");
    hostIndex_ = *chosen;
    previousHosts_.push_back(hostIndex_);
    host_ = runtime.hosts[hostIndex_];
    setUnknownField(request_.base(), "x-envoy-attempt-count", std::to_string(attempts_));
  }
  const std::size_t pod = cluster.endpoints[hostIndex_];
  // The pod's own sidecar may rate-limit it (an inbound local rate limit): a 429 from "upstream".
  rateLimited_ = false;
  const Snapshot& snapshot = *target_.active->snapshot;
  for (std::size_t i = 0; i < snapshot.podRateLimits[pod].size(); ++i) {
    auto limited = applyRateLimit(snapshot.rateLimits[snapshot.podRateLimits[pod][i]],
                                  *target_.active->podBuckets[pod][i], engine_.metrics(), engine_.threadRandom());
    if (!limited) continue;
    rateLimited_ = true;
    sent_ = Clock::now();
    return conclude({AttemptOutcome::Kind::Response, &*limited}, &*limited);
  }
  ConnectionPool::Stream stream = worker_.upstreams->newStream(runtime.state, host_, cluster.policy.limits,
                                                               target_.active->endpoints[pod], weak_from_this());
  switch (stream.admission) {
    case ConnectionPool::Admission::Overflow:
      return conclude({AttemptOutcome::Kind::Overflow}, nullptr);
    case ConnectionPool::Admission::Queued:
      queued_ = true;
      return;
    case ConnectionPool::Admission::Ready:
      return onPoolReady(std::move(stream.connection));
  }
}

void Forwarder::onPoolReady(std::shared_ptr<UpstreamConnection> connection) {
  queued_ = false;
  if (finished_) return worker_.upstreams->release(*host_, connection);
  connection_ = std::move(connection);
  host_->activeRequests.fetch_add(1, std::memory_order_relaxed);
  sent_ = Clock::now();
  // A per-try timeout at or over the route timeout is ignored (router.cc).
  if (target_.retries && target_.retries->perTryTimeout && target_.retries->perTryTimeout->count() > 0 &&
      (!target_.timeout || target_.timeout->count() <= 0 || *target_.retries->perTryTimeout < *target_.timeout)) {
    perTryTimer_.expires_after(*target_.retries->perTryTimeout);
    perTryTimer_.async_wait([weak = weak_from_this(), attempt = attempts_](beast::error_code error) {
      auto self = weak.lock();
      if (!error && self && !self->finished_ && self->attempts_ == attempt && self->connection_)
        self->onPerTryTimeout();
    });
  }
  connection_->send(request_, [self = shared_from_this(), connection = connection_](
                                  beast::error_code error, bool nothingReceived, Response&& response) {
    if (self->connection_ != connection) return;  // an attempt that was aborted meanwhile
    self->onResponse(error, nothingReceived, std::move(response));
  });
}

void Forwarder::onPoolFailure(bool timeout) {
  queued_ = false;
  if (finished_) return;
  reportHost({HostResult::Origin::LocalOrigin, 0, true});
  (void)timeout;  // a connect timeout and a refused connection are both UF
  conclude({AttemptOutcome::Kind::ConnectFailure}, nullptr);
}

void Forwarder::onResponse(beast::error_code error, bool nothingReceived, Response&& response) {
  perTryTimer_.cancel();
  auto connection = std::move(connection_);
  host_->activeRequests.fetch_sub(1, std::memory_order_relaxed);
  const bool stale = error && nothingReceived && connection->requestsServed() > 0;
  worker_.upstreams->release(*host_, connection);
  if (stale && !staleRetried_) {
    // A kept-alive connection the upstream had closed: nothing reached the application, so Envoy
    // sends the request again on a fresh connection, without counting a retry.
    staleRetried_ = true;
    return attempt(true);
  }
  if (error) {
    reportHost({HostResult::Origin::LocalOrigin, 0, true});
    // Beast's parse errors are the upstream's protocol errors; the end of the stream (before or
    // within the body) and socket errors are the connection ending.
    const bool protocolError = error.category() == http::make_error_code(http::error::bad_version).category() &&
                               error != http::error::end_of_stream && error != http::error::partial_message;
    const auto kind = protocolError ? AttemptOutcome::Kind::ProtocolError : AttemptOutcome::Kind::Reset;
    return conclude({kind, nullptr, !nothingReceived}, nullptr);
  }
  reportHost({HostResult::Origin::LocalOrigin, 0, false});
  reportHost({HostResult::Origin::Upstream, static_cast<int>(response.result_int()), false});
  conclude({AttemptOutcome::Kind::Response, &response}, &response);
}

void Forwarder::onPerTryTimeout() {
  engine_.metrics().recordClusterEvent(target_.cluster->name, "upstream_rq_per_try_timeout");
  abortAttempt();
  reportHost({HostResult::Origin::LocalOrigin, 0, true});
  conclude({AttemptOutcome::Kind::PerTryTimeout}, nullptr);
}

void Forwarder::onRouteTimeout() {
  engine_.metrics().recordClusterEvent(target_.cluster->name, "upstream_rq_timeout");
  if (connection_) reportHost({HostResult::Origin::LocalOrigin, 0, true});
  abortAttempt();
  backoffTimer_.cancel();
  // Never retried: the global timeout ends the request (router.cc).
  answerLocally(504, "upstream request timeout", "UT", "upstream_response_timeout");
}

void Forwarder::conclude(const AttemptOutcome& outcome, Response* response) {
  stopRetryBudget();
  const RetryPolicy* retries = target_.retries;
  if (!retries || !wouldRetry(retries->conditions, outcome)) return answer(outcome, response, "");
  if (attempts_ > static_cast<unsigned>(retries->attempts)) {
    engine_.metrics().recordClusterEvent(target_.cluster->name, "upstream_rq_retry_limit_exceeded");
    return answer(outcome, response, "URX");
  }
  const ClusterRuntime& runtime = runtimeOf(*target_.active, *target_.cluster);
  if (!ClusterState::tryAcquire(runtime.state->activeRetries, target_.cluster->policy.limits.maxRetries)) {
    // The retry budget (maxRetries concurrent retries) is spent: no retry, flag UO.
    engine_.metrics().recordClusterEvent(target_.cluster->name, "upstream_rq_retry_overflow");
    if (response) response->set("x-envoy-overloaded", "true");
    return answer(outcome, response, "UO");
  }
  holdingRetry_ = true;
  engine_.metrics().recordClusterEvent(target_.cluster->name, "upstream_rq_retry");
  const milliseconds wait = retryBackoff(attempts_, retries->backoffBase, engine_.threadRandom());
  backoffTimer_.expires_after(wait);
  backoffTimer_.async_wait([weak = weak_from_this()](beast::error_code error) {
    auto self = weak.lock();
    if (!error && self && !self->finished_) self->attempt(false);
  });
}

void Forwarder::answer(const AttemptOutcome& outcome, Response* response, std::string_view retryFlag) {
  using Kind = AttemptOutcome::Kind;
  const bool retried = attempts_ > 1;
  Result result;
  std::string flags(retryFlag);
  auto addFlag = [&flags](std::string_view flag) {
    if (!flags.empty()) flags += ',';
    flags += flag;
  };
  switch (outcome.kind) {
    case Kind::Response:
      result.response = std::move(*response);
      result.fromUpstream = true;
      result.details = rateLimited_ ? "local_rate_limited" : "via_upstream";
      if (rateLimited_) addFlag("RL");
      break;
    case Kind::Overflow:
      result.response = Response(http::status::service_unavailable, 11);
      result.response.body() = resetBody("overflow", false);
      result.response.set("x-envoy-overloaded", "true");
      result.details = "upstream_reset_before_response_started{overflow}";
      addFlag("UO");
      break;
    case Kind::ConnectFailure:
    case Kind::Reset: {
      const bool connect = outcome.kind == Kind::ConnectFailure;
      result.response = Response(http::status::service_unavailable, 11);
      result.response.body() = resetBody(connect ? "connection failure" : "connection termination", retried);
      result.details = std::string("upstream_reset_before_response_started{") +
                       (connect ? "connection_failure" : "connection_termination") + "}";
      addFlag(connect ? "UF" : "UC");
      break;
    }
    case Kind::ProtocolError:
      result.response = Response(http::status::bad_gateway, 11);
      result.response.body() = resetBody("protocol error", retried);
      result.details = "upstream_reset_before_response_started{protocol_error}";
      addFlag("UPE");
      break;
    case Kind::PerTryTimeout:
      result.response = Response(http::status::gateway_timeout, 11);
      result.response.body() = "upstream request timeout";
      result.details = "upstream_per_try_timeout";
      addFlag("UT");
      break;
  }
  if (!result.fromUpstream) result.response.set(http::field::content_type, "text/plain");
  result.flags = std::move(flags);
  if (done_) {
    result.pod = target_.cluster->endpoints[hostIndex_];
    if (host_) result.upstreamHost = host_->address;
    result.upstreamTime = std::chrono::duration_cast<milliseconds>(Clock::now() - sent_);
    result.setCookie = std::move(setCookie_);
    result.attempts = attempts_;
    auto done = std::move(done_);
    finish();
    done(std::move(result));
  }
}

void Forwarder::answerLocally(unsigned status, std::string body, std::string_view flag, std::string details) {
  Result result;
  result.response = Response(static_cast<http::status>(status), 11);
  result.response.set(http::field::content_type, "text/plain");
  result.response.body() = std::move(body);
  result.flags = std::string(flag);
  result.details = std::move(details);
  if (host_) {
    result.pod = target_.cluster->endpoints[hostIndex_];
    result.upstreamHost = host_->address;
  }
  result.attempts = attempts_;
  auto done = std::move(done_);
  finish();
  if (done) done(std::move(result));
}

void Forwarder::finish() {
  finished_ = true;
  routeTimer_.cancel();
  perTryTimer_.cancel();
  backoffTimer_.cancel();
  stopRetryBudget();
  worker_.forwarders.erase(this);
  self_.reset();  // the last line that may touch members: the caller's handler holds us meanwhile
}

void Forwarder::cancel() {
  if (finished_) return;
  abortAttempt();
  done_ = nullptr;
  finish();
}

void Forwarder::abortAttempt() {
  perTryTimer_.cancel();
  if (connection_) {
    auto connection = std::move(connection_);
    connection->abort();
    host_->activeRequests.fetch_sub(1, std::memory_order_relaxed);
    worker_.upstreams->release(*host_, connection);
  } else if (queued_) {
    queued_ = false;
    worker_.upstreams->cancel(*host_, this);
  }
}

void Forwarder::reportHost(const HostResult& result) {
  runtimeOf(*target_.active, *target_.cluster).state->report(*host_, result, Clock::now());
}

void Forwarder::stopRetryBudget() {
  if (!holdingRetry_) return;
  holdingRetry_ = false;
  ClusterState::release(runtimeOf(*target_.active, *target_.cluster).state->activeRetries);
}

}  // namespace meshstudio::engine

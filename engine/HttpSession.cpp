#include "engine/HttpSession.h"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <cstdio>

#include "engine/AdminHandler.h"
#include "engine/PodSimulator.h"
#include "engine/UpstreamPool.h"

namespace meshstudio::engine {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;
using std::chrono::milliseconds;

namespace {

/// One generator per I/O thread: no locking on the request path.
RandomSource& threadRandom(Engine& engine) {
  thread_local std::unique_ptr<SeededRandom> random;
  if (!random) random = std::make_unique<SeededRandom>(engine.nextSeed());
  return *random;
}

std::string uuid4(RandomSource& random) {
  std::uint64_t high = random.next(), low = random.next();
  high = (high & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
  low = (low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xffff), static_cast<unsigned>(high & 0xffff),
                static_cast<unsigned>(low >> 48), static_cast<unsigned long long>(low & 0xffffffffffffULL));
  return text;
}

std::string describe(const tcp::endpoint& endpoint) {
  return endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

/// Least request with two random choices, Istio's default balancer (ctp.go; Envoy P2C).
std::size_t pickEndpoint(const Cluster& cluster, const ActiveSnapshot& active, RandomSource& random) {
  const std::size_t count = cluster.endpoints.size();
  if (count == 1) return cluster.endpoints.front();
  std::size_t first = random.next() % count;
  std::size_t second = random.next() % (count - 1);
  if (second >= first) ++second;
  const std::size_t a = cluster.endpoints[first], b = cluster.endpoints[second];
  return active.activeRequests[b].load(std::memory_order_relaxed) <
                 active.activeRequests[a].load(std::memory_order_relaxed)
             ? b
             : a;
}

Response textReply(unsigned version, http::status status, std::string body) {
  Response response{status, version};
  response.set(http::field::content_type, "text/plain");
  response.body() = std::move(body);
  return response;
}

}  // namespace

HttpSession::HttpSession(tcp::socket socket, Engine& engine, ListenerKind kind, std::int64_t gatewayPort)
    : stream_(std::move(socket)),
      timer_(stream_.get_executor()),
      engine_(engine),
      kind_(kind),
      gatewayPort_(gatewayPort) {
  beast::error_code ignored;
  stream_.socket().set_option(tcp::no_delay(true), ignored);
  localAddress_ = describe(stream_.socket().local_endpoint(ignored));
  remoteAddress_ = describe(stream_.socket().remote_endpoint(ignored));
}

void HttpSession::run() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
}

void HttpSession::read() {
  parser_.emplace();
  parser_->body_limit(kBodyLimit);
  parser_->header_limit(kHeaderLimit);
  stream_.expires_after(kIdleTimeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code error, std::size_t) { self->onRead(error); });
}

void HttpSession::onRead(beast::error_code error) {
  if (error == http::error::end_of_stream || error == beast::error::timeout || error == net::error::eof) return close();
  if (error) {
    // A request we cannot parse (or one over the limits) gets a 400/413 and the connection ends.
    if (error == http::error::body_limit || error == http::error::header_limit) {
      exchange_.reset();
      auto reply = std::make_shared<Response>(textReply(11,
                                                        error == http::error::body_limit
                                                            ? http::status::payload_too_large
                                                            : http::status::request_header_fields_too_large,
                                                        error.message()));
      reply->keep_alive(false);
      reply->prepare_payload();
      outgoing_ = reply;
      stream_.expires_after(kIdleTimeout);
      http::async_write(stream_, *outgoing_,
                        [self = shared_from_this()](beast::error_code, std::size_t) { self->close(); });
      return;
    }
    return close();
  }
  Request request = parser_->release();
  if (kind_ == ListenerKind::Admin) return handleAdmin(std::move(request));
  handleProxy(std::move(request));
}

void HttpSession::handleAdmin(Request request) {
  exchange_.reset();
  Response response = handleAdminRequest(request, engine_);
  respond(std::move(response), std::nullopt);
}

void HttpSession::handleProxy(Request request) {
  exchange_ = std::make_unique<Exchange>();
  Exchange& x = *exchange_;
  x.started = std::chrono::steady_clock::now();
  x.log.startTime = std::chrono::system_clock::now();
  x.active = engine_.active();
  x.keepAlive = request.keep_alive();
  x.version = request.version();
  RandomSource& random = threadRandom(engine_);
  if (request.find("x-request-id") == request.end()) request.set("x-request-id", uuid4(random));

  const Snapshot& snapshot = *x.active->snapshot;
  const RouteTable* table = &snapshot.mesh;
  if (kind_ == ListenerKind::Gateway) {
    const GatewayListener* gateway = snapshot.gatewayForPort(gatewayPort_);
    table = gateway ? &gateway->table : nullptr;
  }
  x.request = std::move(request);
  normalizeProxyRequest(x.request);
  x.log.method = std::string(x.request.method_string());
  x.log.authority = std::string(x.request[http::field::host]);
  x.log.userAgent = std::string(x.request[http::field::user_agent]);
  x.log.requestId = std::string(x.request["x-request-id"]);
  x.log.forwardedFor = std::string(x.request["x-forwarded-for"]);
  x.log.bytesReceived = x.request.body().size();
  x.log.downstreamLocalAddress = localAddress_;
  x.log.downstreamRemoteAddress = remoteAddress_;
  if (!table) {  // the Gateway port went away in a reload
    x.decision.responseFlags = "NR";
    x.decision.responseCodeDetails = "route_not_found";
    return answerLocally(textReply(x.version, http::status::not_found, ""));
  }
  x.decision = routeRequest(snapshot, *table, x.request, random);
  x.log.path = std::string(x.request.target());
  x.log.originalPath = x.decision.originalPath != x.log.path ? x.decision.originalPath : std::string();
  x.log.upstreamCluster = x.decision.clusterName;
  if (x.decision.route) x.log.routeName = x.decision.route->name;
  if (x.decision.faultDelay.count() > 0)
    return waitThen(x.decision.faultDelay, [](HttpSession& self) { self.afterFaultDelay(); });
  afterFaultDelay();
}

template <class Function>
void HttpSession::waitThen(milliseconds delay, Function then) {
  timer_.expires_after(delay);
  timer_.async_wait([self = shared_from_this(), then](beast::error_code error) {
    if (error) return self->close();
    then(*self);
  });
}

void HttpSession::afterFaultDelay() {
  Exchange& x = *exchange_;
  if (!x.decision.forward) return answerLocally(std::move(x.decision.localReply));
  forward();
}

void HttpSession::forward() {
  Exchange& x = *exchange_;
  const Snapshot& snapshot = *x.active->snapshot;
  RandomSource& random = threadRandom(engine_);
  const std::size_t pod = pickEndpoint(*x.decision.cluster, *x.active, random);
  x.pod = pod;
  x.active->activeRequests[pod].fetch_add(1, std::memory_order_relaxed);
  x.forwarded = std::chrono::steady_clock::now();
  x.request.set("x-envoy-attempt-count", "1");
  const PodBehaviour& behaviour = snapshot.behaviours[pod];
  const std::optional<milliseconds> timeout = x.decision.action->timeout;

  if (behaviour.upstream) {
    x.log.upstreamHost = behaviour.upstream->host + ":" + std::to_string(behaviour.upstream->port);
    engine_.upstreams().exchange(
        *behaviour.upstream, x.request, timeout.value_or(milliseconds(0)), stream_.get_executor(),
        [self = shared_from_this()](beast::error_code error, bool connectFailed, Response response) {
          if (!self->exchange_) return;  // the session closed meanwhile
          Exchange& x = *self->exchange_;
          if (!error) {
            x.decision.responseCodeDetails = "via_upstream";
            auto elapsed = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - x.forwarded);
            return self->respond(std::move(response), elapsed);
          }
          if (error == beast::error::timeout && !connectFailed) {
            x.decision.responseFlags = "UT";
            x.decision.responseCodeDetails = "upstream_response_timeout";
            return self->answerLocally(textReply(x.version, http::status::gateway_timeout, "upstream request timeout"));
          }
          x.decision.responseFlags = connectFailed ? "UF" : "UC";
          x.decision.responseCodeDetails =
              "upstream_reset_before_response_started{" +
              std::string(connectFailed ? "connection_failure" : "connection_termination") + "}";
          self->answerLocally(
              textReply(x.version, http::status::service_unavailable,
                        std::string("upstream connect error or disconnect/reset before headers. reset reason: ") +
                            (connectFailed ? "connection failure" : "connection termination")));
        });
    return;
  }

  const SimulatedPod& simulated = snapshot.directory.pods()[pod];
  x.log.upstreamHost = simulatedPodAddress(pod, x.decision.cluster->port);
  PodAnswer answer = answerAsPod(simulated, behaviour, x.request, random);
  if (timeout && timeout->count() > 0 && answer.delay > *timeout) {
    // The route timeout fires first: 504 UT, whatever the pod would have said.
    return waitThen(*timeout, [](HttpSession& self) {
      Exchange& x = *self.exchange_;
      x.decision.responseFlags = "UT";
      x.decision.responseCodeDetails = "upstream_response_timeout";
      self.answerLocally(textReply(x.version, http::status::gateway_timeout, "upstream request timeout"));
    });
  }
  x.decision.responseCodeDetails = "via_upstream";
  auto shared = std::make_shared<Response>(std::move(answer.response));
  auto send = [shared](HttpSession& self) {
    auto elapsed =
        std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - self.exchange_->forwarded);
    self.respond(std::move(*shared), elapsed);
  };
  if (answer.delay.count() > 0) return waitThen(answer.delay, send);
  send(*this);
}

void HttpSession::answerLocally(Response response) { respond(std::move(response), std::nullopt); }

void HttpSession::respond(Response response, std::optional<milliseconds> upstreamTime) {
  bool keepAlive = true;
  if (exchange_) {
    Exchange& x = *exchange_;
    applyResponsePolicies(x.decision, response);
    response.set(http::field::server, kind_ == ListenerKind::Gateway ? "istio-envoy" : "envoy");
    if (upstreamTime) {
      response.set("x-envoy-upstream-service-time", std::to_string(upstreamTime->count()));
      x.log.upstreamServiceTimeMs = upstreamTime->count();
    }
    response.version(x.version);
    keepAlive = x.keepAlive;
    x.log.responseCode = static_cast<int>(response.result_int());
    x.log.responseFlags = x.decision.responseFlags;
    x.log.responseCodeDetails = x.decision.responseCodeDetails;
    x.log.bytesSent = response.body().size();
  }
  response.keep_alive(keepAlive);
  response.prepare_payload();
  outgoing_ = std::make_shared<Response>(std::move(response));
  stream_.expires_after(kIdleTimeout);
  http::async_write(stream_, *outgoing_, [self = shared_from_this()](beast::error_code error, std::size_t bytes) {
    self->onWrite(error, bytes);
  });
}

void HttpSession::onWrite(beast::error_code error, std::size_t) {
  const bool keepAlive = outgoing_ && outgoing_->keep_alive();
  outgoing_.reset();
  if (exchange_) finishRecord();
  if (error || !keepAlive) return close();
  read();
}

void HttpSession::finishRecord() {
  Exchange& x = *exchange_;
  if (x.pod) x.active->activeRequests[*x.pod].fetch_sub(1, std::memory_order_relaxed);
  const double duration =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - x.started).count();
  x.log.durationMs = static_cast<std::int64_t>(duration);
  engine_.accessLog().write(x.log);

  RequestRecord record;
  record.responseCode = x.log.responseCode;
  record.responseFlags = x.log.responseFlags;
  record.durationMs = duration;
  record.routeName = x.log.routeName;
  if (const Cluster* cluster = x.decision.cluster) {
    record.clusterName = cluster->name;
    record.destinationService = cluster->serviceFqdn;
    record.destinationServiceName = cluster->serviceName;
    record.destinationServiceNamespace = cluster->namespaceName;
  }
  if (x.pod) {
    const SimulatedPod& pod = x.active->snapshot->directory.pods()[*x.pod];
    record.destinationWorkload = pod.deployment.empty() ? pod.name : pod.deployment;
    if (const std::string* app = pod.labels.find("app")) record.destinationApp = *app;
    if (const std::string* version = pod.labels.find("version")) record.destinationVersion = *version;
  }
  engine_.metrics().record(record);
  exchange_.reset();
}

void HttpSession::close() {
  beast::error_code ignored;
  timer_.cancel();
  if (exchange_) {  // the client left before its answer: still logged, as Envoy does (flag DC)
    if (exchange_->log.responseCode == 0) exchange_->log.responseFlags = "DC";
    finishRecord();
  }
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.close();
}

}  // namespace meshstudio::engine

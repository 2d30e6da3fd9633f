#include "engine/HttpSession.h"

#include <boost/asio/post.hpp>
#include <boost/beast/http/read.hpp>

#include <boost/asio/write.hpp>

#include "engine/AdminHandler.h"
#include "engine/PodSimulator.h"
#include "engine/UpstreamPool.h"
#include "engine/WireFormat.h"

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

/// A random (version 4) UUID, as Envoy puts in x-request-id.
std::string uuid4(RandomSource& random) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t high = random.next(), low = random.next();
  high = (high & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
  low = (low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  std::string text(36, '-');
  std::size_t at = 0;
  for (int nibble = 0; nibble < 32; ++nibble) {
    if (at == 8 || at == 13 || at == 18 || at == 23) ++at;
    const std::uint64_t word = nibble < 16 ? high : low;
    text[at++] = kHex[(word >> (60 - 4 * (nibble % 16))) & 0xf];
  }
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

HttpSession::HttpSession(TcpStream::socket_type socket, Engine& engine, Worker& worker, ListenerKind kind,
                         std::int64_t gatewayPort)
    : socket_(std::move(socket)),
      deadline_(socket_.get_executor(), [this] { close(); }),
      timer_(socket_.get_executor()),
      engine_(engine),
      worker_(worker),
      kind_(kind),
      gatewayPort_(gatewayPort) {
  beast::error_code ignored;
  socket_.set_option(tcp::no_delay(true), ignored);
  localAddress_ = describe(socket_.local_endpoint(ignored));
  remoteAddress_ = describe(socket_.remote_endpoint(ignored));
}

void HttpSession::run() {
  deadline_.setOwner(weak_from_this());
  // Accepted on the listener's thread; from here on, everything happens on the worker's.
  net::post(socket_.get_executor(), [self = shared_from_this()] { self->read(); });
}

void HttpSession::read() {
  parser_.emplace();
  parser_->eager(true);  // parse the body in the same pass as the header when it is there
  parser_->body_limit(kBodyLimit);
  parser_->header_limit(kHeaderLimit);
  deadline_.expireAfter(kIdleTimeout);
  http::async_read(socket_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code error, std::size_t) { self->onRead(error); });
}

void HttpSession::onRead(beast::error_code error) {
  if (error == http::error::end_of_stream || error == net::error::eof || deadline_.expired()) return close();
  if (error) {
    // A request we cannot parse gets a 400 (413 over the body limit, 431 over the header limit)
    // and the connection ends, as Envoy's codec does; a connection that merely ended is closed.
    if (error == net::error::operation_aborted || error == net::error::connection_reset) return close();
    const http::status status = error == http::error::body_limit     ? http::status::payload_too_large
                                : error == http::error::header_limit ? http::status::request_header_fields_too_large
                                                                     : http::status::bad_request;
    Response reply = textReply(11, status, error.message());
    reply.keep_alive(false);  // onWrite closes the connection after it
    headRequest_ = false;
    return respond(std::move(reply), std::nullopt);
  }
  // The idle deadline covered the wait for this request; while it is handled, Envoy's stream
  // idle timeout (5 minutes) bounds it instead. Route and upstream timeouts have their own.
  deadline_.expireAfter(kStreamIdleTimeout);
  headRequest_ = parser_->get().method() == http::verb::head;
  if (kind_ == ListenerKind::Admin) return handleAdmin(parser_->release());
  handleProxy();
}

void HttpSession::handleAdmin(Request request) {
  exchange_.reset();
  Response response = handleAdminRequest(request, engine_);
  response.keep_alive(request.keep_alive());
  respond(std::move(response), std::nullopt);
}

void HttpSession::handleProxy() {
  exchange_.emplace();
  Exchange& x = *exchange_;
  x.started = std::chrono::steady_clock::now();
  // The access-log entry is filled only when someone reads the log: it is a dozen string copies.
  if (engine_.accessLog().isRead()) {
    x.log.emplace();
    x.log->startTime = std::chrono::system_clock::now();
  }
  x.active = engine_.active();
  x.request = parser_->release();
  Request& request = x.request;
  x.keepAlive = request.keep_alive();
  x.version = request.version();
  RandomSource& random = threadRandom(engine_);
  if (request.find("x-request-id") == request.end())
    request.insert(http::field::unknown, "x-request-id", uuid4(random));

  const Snapshot& snapshot = *x.active->snapshot;
  const RouteTable* table = &snapshot.mesh;
  if (kind_ == ListenerKind::Gateway) {
    const GatewayListener* gateway = snapshot.gatewayForPort(gatewayPort_);
    table = gateway ? &gateway->table : nullptr;
  }
  normalizeProxyRequest(x.request);
  if (x.log) {
    x.log->method = std::string(x.request.method_string());
    x.log->authority = std::string(x.request[http::field::host]);
    x.log->userAgent = std::string(x.request[http::field::user_agent]);
    x.log->requestId = std::string(x.request["x-request-id"]);
    x.log->forwardedFor = std::string(x.request["x-forwarded-for"]);
    x.log->bytesReceived = x.request.body().size();
    x.log->downstreamLocalAddress = localAddress_;
    x.log->downstreamRemoteAddress = remoteAddress_;
  }
  if (!table) {  // the Gateway port went away in a reload
    x.decision.responseFlags = "NR";
    x.decision.responseCodeDetails = "route_not_found";
    return answerLocally(textReply(x.version, http::status::not_found, ""));
  }
  x.decision = routeRequest(snapshot, *table, x.request, random);
  if (x.log) {
    x.log->path = std::string(x.request.target());
    x.log->originalPath = x.decision.originalPath != x.log->path ? x.decision.originalPath : std::string();
    x.log->upstreamCluster = x.decision.clusterName;
    if (x.decision.route) x.log->routeName = x.decision.route->name;
  }
  if (x.decision.faultDelay.count() > 0)
    return waitThen(x.decision.faultDelay, [](HttpSession& self) { self.afterFaultDelay(); });
  afterFaultDelay();
}

template <class Function>
void HttpSession::waitThen(milliseconds delay, Function then) {
  timer_.expires_after(delay);
  timer_.async_wait([self = shared_from_this(), then = std::move(then)](beast::error_code error) mutable {
    // The connection may have closed (deadline) in the same tick the timer completed.
    if (error || !self->exchange_) return self->close();
    then(*self);
  });
}

void HttpSession::afterFaultDelay() {
  Exchange& x = *exchange_;
  if (!x.decision.forward) return answerLocally(std::move(*x.decision.localReply));
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
  setUnknownField(x.request.base(), "x-envoy-attempt-count", "1");
  const PodBehaviour& behaviour = snapshot.behaviours[pod];
  const std::optional<milliseconds> timeout = x.decision.action->timeout;

  if (behaviour.upstream) {
    const std::string& address = snapshot.upstreamAddresses[pod];
    if (x.log) x.log->upstreamHost = address;
    worker_.upstreams->exchange(
        *behaviour.upstream, address, std::move(x.request), timeout.value_or(milliseconds(0)),
        [self = shared_from_this()](beast::error_code error, bool connectFailed, Response&& response) {
          if (!self->exchange_) return;  // the session closed meanwhile
          Exchange& x = *self->exchange_;
          if (!error) {
            x.decision.responseCodeDetails = "via_upstream";
            auto elapsed = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - x.forwarded);
            return self->respond(std::move(response), elapsed);
          }
          if (error == beast::error::timeout && !connectFailed) return self->answerRouteTimeout();
          addResponseFlag(x.decision, connectFailed ? "UF" : "UC");
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
  if (x.log) x.log->upstreamHost = simulatedPodAddress(pod, x.decision.cluster->port);
  PodAnswer answer = answerAsPod(simulated, behaviour, x.request, random);
  if (timeout && timeout->count() > 0 && answer.delay > *timeout) {
    // The route timeout fires first: 504 UT, whatever the pod would have said.
    return waitThen(*timeout, [](HttpSession& self) { self.answerRouteTimeout(); });
  }
  x.decision.responseCodeDetails = "via_upstream";
  auto send = [response = std::move(answer.response)](HttpSession& self) mutable {
    auto elapsed =
        std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - self.exchange_->forwarded);
    self.respond(std::move(response), elapsed);
  };
  if (answer.delay.count() > 0) return waitThen(answer.delay, std::move(send));
  send(*this);
}

void HttpSession::answerRouteTimeout() {
  Exchange& x = *exchange_;
  addResponseFlag(x.decision, "UT");
  x.decision.responseCodeDetails = "upstream_response_timeout";
  answerLocally(textReply(x.version, http::status::gateway_timeout, "upstream request timeout"));
}

void HttpSession::answerLocally(Response&& response) { respond(std::move(response), std::nullopt); }

void HttpSession::respond(Response&& response, std::optional<milliseconds> upstreamTime) {
  bool keepAlive = response.keep_alive();  // admin pages and protocol errors decide for themselves
  if (exchange_) {
    Exchange& x = *exchange_;
    removeHopByHopFields(response.base());  // the upstream's connection is not the client's
    applyResponsePolicies(x.decision, response);
    response.set(http::field::server, kind_ == ListenerKind::Gateway ? "istio-envoy" : "envoy");
    if (upstreamTime) {
      setUnknownField(response.base(), "x-envoy-upstream-service-time", std::to_string(upstreamTime->count()));
      if (x.log) x.log->upstreamServiceTimeMs = upstreamTime->count();
    }
    response.version(x.version);
    keepAlive = x.keepAlive;
    x.responseCode = static_cast<int>(response.result_int());
    if (x.log) {
      x.log->responseCode = x.responseCode;
      x.log->responseFlags = x.decision.responseFlags;
      x.log->responseCodeDetails = x.decision.responseCodeDetails;
      x.log->bytesSent = response.body().size();
    }
  }
  // HTTP/1.1 keeps the connection by default; HTTP/1.0 and closing need the Connection field.
  if (!keepAlive || response.version() < 11) response.keep_alive(keepAlive);
  const unsigned status = response.result_int();
  if (status / 100 == 1 || status == 204 || status == 304) response.body().clear();  // they have no body
  // An upstream's Content-Length already describes the body, which the proxy never alters; a HEAD
  // answer announces the length of the body it does not carry. Everything else gets its length here.
  const bool lengthGiven = response.has_content_length() && (upstreamTime || (headRequest_ && response.body().empty()));
  if (!lengthGiven) response.prepare_payload();
  outgoing_ = std::move(response);
  deadline_.expireAfter(kIdleTimeout);
  writeHead(outgoing_, head_);
  auto buffers = wireBuffers(outgoing_, head_);
  if (headRequest_) buffers[1] = net::const_buffer();
  net::async_write(socket_, buffers, [self = shared_from_this()](beast::error_code error, std::size_t bytes) {
    self->onWrite(error, bytes);
  });
}

void HttpSession::onWrite(beast::error_code error, std::size_t) {
  const bool keepAlive = outgoing_.keep_alive();
  if (exchange_) finishRecord();
  if (error || !keepAlive) return close();
  read();
}

void HttpSession::finishRecord() {
  Exchange& x = *exchange_;
  if (x.pod) x.active->activeRequests[*x.pod].fetch_sub(1, std::memory_order_relaxed);
  const double duration =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - x.started).count();
  if (x.log) {
    x.log->durationMs = static_cast<std::int64_t>(duration);
    if (x.responseCode == 0) x.log->responseFlags = x.decision.responseFlags;
    engine_.accessLog().write(*x.log);
  }

  // One record per thread, refilled in place: its strings keep their capacity, so counting a
  // request allocates nothing once the thread has seen the names.
  thread_local RequestRecord record;
  static const std::string unknown = "unknown";
  record.responseCode = x.responseCode;
  record.responseFlags = x.decision.responseFlags;
  record.durationMs = duration;
  record.routeName = x.decision.route ? std::string_view(x.decision.route->name) : std::string_view();
  const Cluster* cluster = x.decision.cluster;
  record.clusterName = cluster ? std::string_view(cluster->name) : std::string_view();
  record.destinationService = cluster ? cluster->serviceFqdn : unknown;
  record.destinationServiceName = cluster ? cluster->serviceName : unknown;
  record.destinationServiceNamespace = cluster ? cluster->namespaceName : unknown;
  record.destinationWorkload = record.destinationApp = record.destinationVersion = unknown;
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
    if (exchange_->responseCode == 0) exchange_->decision.responseFlags = "DC";
    finishRecord();
  }
  deadline_.cancel();
  socket_.shutdown(tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
}

}  // namespace meshstudio::engine

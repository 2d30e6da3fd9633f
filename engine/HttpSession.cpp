#include "engine/HttpSession.h"

#include <boost/asio/post.hpp>

#include <algorithm>
#include <boost/beast/http/read.hpp>

#include <boost/asio/ssl/error.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/stream_traits.hpp>

#include "engine/AdminHandler.h"
#include "engine/Authority.h"
#include "engine/Forwarder.h"
#include "engine/WireFormat.h"

namespace meshstudio::engine {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;
using std::chrono::milliseconds;

namespace {

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

Response textReply(unsigned version, http::status status, std::string body) {
  Response response{status, version};
  response.set(http::field::content_type, "text/plain");
  response.body() = std::move(body);
  return response;
}

/// Counts one request in Istio's metrics as the destination's sidecar reports it.
void countRequest(Metrics& metrics, const Snapshot& snapshot, const Cluster* cluster, std::optional<std::size_t> pod,
                  int responseCode, std::string_view responseFlags, double durationMs, std::string_view routeName) {
  // One record per thread, refilled in place: its strings keep their capacity, so counting a
  // request allocates nothing once the thread has seen the names.
  thread_local RequestRecord record;
  static const std::string unknown = "unknown";
  record.responseCode = responseCode;
  record.responseFlags = responseFlags;
  record.durationMs = durationMs;
  record.routeName = routeName;
  record.clusterName = cluster ? std::string_view(cluster->name) : std::string_view();
  record.destinationService = cluster ? cluster->serviceFqdn : unknown;
  record.destinationServiceName = cluster ? cluster->serviceName : unknown;
  record.destinationServiceNamespace = cluster ? cluster->namespaceName : unknown;
  record.destinationWorkload = record.destinationApp = record.destinationVersion = unknown;
  if (pod) {
    const SimulatedPod& simulated = snapshot.directory.pods()[*pod];
    record.destinationWorkload = simulated.deployment.empty() ? simulated.name : simulated.deployment;
    if (const std::string* app = simulated.labels.find("app")) record.destinationApp = *app;
    if (const std::string* version = simulated.labels.find("version")) record.destinationVersion = *version;
  }
  metrics.record(record);
}

/// `reviews:9080` → `reviews-shadow:9080`: Envoy's shadow host, the suffix before any port.
std::string shadowHost(std::string_view authority) {
  auto [host, port] = splitAuthority(authority);
  return std::string(host) + "-shadow" + (port.empty() ? "" : ":" + std::string(port));
}

}  // namespace

template <class Stream>
HttpSession<Stream>::HttpSession(Stream stream, Engine& engine, Worker& worker, ListenerKind kind,
                                 std::int64_t gatewayPort, ConnectionBudget::Slot slot)
    : stream_(std::move(stream)),
      deadline_(stream_.get_executor(), [this] { close(); }),
      timer_(stream_.get_executor()),
      slot_(std::move(slot)),
      engine_(engine),
      worker_(worker),
      kind_(kind),
      gatewayPort_(gatewayPort) {
  beast::error_code ignored;
  auto& socket = beast::get_lowest_layer(stream_);
  socket.set_option(tcp::no_delay(true), ignored);
  localAddress_ = describe(socket.local_endpoint(ignored));
  remoteAddress_ = describe(socket.remote_endpoint(ignored));
}

template <class Stream>
void HttpSession<Stream>::run() requires(!kTls) {
  deadline_.setOwner(this->weak_from_this());
  // Everything happens on the worker's thread (the Listener handed the socket over there); the
  // post lets the caller finish before the first read.
  net::post(stream_.get_executor(), [self = this->shared_from_this()] { self->read(); });
}

template <class Stream>
void HttpSession<Stream>::handshake(std::string clientHello, std::string serverName) requires kTls {
  // Called on the worker's thread by the TlsInspector, which read the ClientHello there.
  deadline_.setOwner(this->weak_from_this());
  clientHello_ = std::move(clientHello);
  serverName_ = std::move(serverName);
  deadline_.expireAfter(kHandshakeTimeout);
  stream_.async_handshake(net::ssl::stream_base::server, net::buffer(clientHello_),
                          [self = this->shared_from_this()](beast::error_code error, std::size_t) {
                            self->clientHello_ = std::string();
                            // A failed handshake (no client certificate, one no CA vouches for, a
                            // client that gave up) ends the connection, as it does in Envoy.
                            if (error || self->deadline_.expired()) return self->closeSocket();
                            self->secured_ = true;
                            self->read();
                          });
}

template <class Stream>
void HttpSession<Stream>::read() {
  // The limits are the installed snapshot's, so a reload changes them for the next request.
  reader_.reset(engine_.active()->snapshot->settings.limits);
  ++requestNumber_;
  headerTimerArmed_ = headersTimedOut_ = continueSent_ = false;
  deadline_.expireAfter(kIdleTimeout);
  process();
}

template <class Stream>
void HttpSession<Stream>::process() {
  switch (reader_.consume(buffer_)) {
    case RequestReader::State::Complete:
      if (headerTimerArmed_) timer_.cancel();  // the timer serves fault delays from here on
      headerTimerArmed_ = false;
      return onRequest();
    case RequestReader::State::Refused:
      return refuse(reader_.refusalStatus(), reader_.refusalDetails());
    case RequestReader::State::NeedMore:
      break;
  }
  // An idle connection waits for its next request under the idle timeout and closes quietly;
  // once a request has begun, its headers must arrive within the request-headers timeout.
  if (!reader_.headerDone() && reader_.started() && !headerTimerArmed_) armHeaderTimer();
  if (reader_.headerDone() && headerTimerArmed_) {
    headerTimerArmed_ = false;
    timer_.cancel();
  }
  if (reader_.expectsContinue() && !continueSent_) return sendContinue();
  readSome();
}

template <class Stream>
void HttpSession<Stream>::readSome() {
  static constexpr std::size_t kReadSize = 16 * 1024;
  stream_.async_read_some(buffer_.prepare(kReadSize),
                          [self = this->shared_from_this()](beast::error_code error, std::size_t bytes) {
                            self->buffer_.commit(bytes);
                            self->onReadSome(error);
                          });
}

template <class Stream>
void HttpSession<Stream>::onReadSome(beast::error_code error) {
  // The header timer cancelled this read: the client is told, as Envoy tells it, and let go.
  if (headersTimedOut_) return refuse(http::status::request_timeout, "request_header_timeout");
  // The client left, reset, broke its TLS, or the idle deadline closed the socket: nothing to answer.
  if (error || deadline_.expired()) return close();
  process();
}

template <class Stream>
void HttpSession<Stream>::armHeaderTimer() {
  headerTimerArmed_ = true;
  timer_.expires_after(reader_.limits().requestHeadersTimeout);
  timer_.async_wait([self = this->shared_from_this(), number = requestNumber_](beast::error_code error) {
    if (error || number != self->requestNumber_ || self->reader_.headerDone() || !self->headerTimerArmed_) return;
    self->headersTimedOut_ = true;
    beast::error_code ignored;
    beast::get_lowest_layer(self->stream_).cancel(ignored);  // the pending read completes, aborted
  });
}

template <class Stream>
void HttpSession<Stream>::sendContinue() {
  continueSent_ = true;
  static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                   [self = this->shared_from_this()](beast::error_code error, std::size_t) {
                     if (error || self->deadline_.expired()) return self->close();
                     self->readSome();
                   });
}

template <class Stream>
void HttpSession<Stream>::refuse(http::status status, const std::string& details) {
  // Envoy's codec answers a request it cannot accept and ends the connection; what the client
  // sent is never forwarded. No exchange exists yet: nothing is routed, logged or counted upstream.
  refused_ = true;
  if (headerTimerArmed_) timer_.cancel();
  headerTimerArmed_ = false;
  engine_.metrics().recordCounter(status == http::status::request_timeout ? "http.downstream_rq_header_timeout"
                                                                          : "http.downstream_cx_protocol_error");
  Response reply = textReply(11, status, details);
  reply.keep_alive(false);  // onWrite closes the connection after it
  headRequest_ = false;
  respond(std::move(reply), std::nullopt);
}

template <class Stream>
void HttpSession<Stream>::onRequest() {
  // The idle deadline covered the wait for this request; while it is handled, Envoy's stream
  // idle timeout (5 minutes) bounds it instead. Route and upstream timeouts have their own.
  deadline_.expireAfter(kStreamIdleTimeout);
  RequestParser& parser = reader_.parser();
  headRequest_ = parser.get().method() == http::verb::head;
  if (kind_ == ListenerKind::Admin) return handleAdmin(parser.release());
  handleProxy();
}

template <class Stream>
void HttpSession<Stream>::handleAdmin(Request request) {
  exchange_.reset();
  Response response = handleAdminRequest(request, engine_);
  response.keep_alive(request.keep_alive());
  respond(std::move(response), std::nullopt);
}

template <class Stream>
void HttpSession<Stream>::handleProxy() {
  exchange_.emplace();
  Exchange& x = *exchange_;
  x.started = std::chrono::steady_clock::now();
  // The access-log entry is filled only when someone reads the log: it is a dozen string copies.
  if (engine_.accessLog().isRead()) {
    x.log.emplace();
    x.log->startTime = std::chrono::system_clock::now();
  }
  x.active = engine_.active();
  x.request = reader_.parser().release();
  Request& request = x.request;
  x.keepAlive = request.keep_alive();
  x.version = request.version();
  RandomSource& random = engine_.threadRandom();
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
    x.log->requestedServerName = serverName_;
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
  if (x.decision.faultDelay.count() > 0 || x.decision.faultAborted) countFault(*table, x.decision);
  if (x.decision.faultDelay.count() > 0)
    return waitThen(x.decision.faultDelay, [](HttpSession& self) { self.afterFaultDelay(); });
  afterFaultDelay();
}

template <class Stream>
template <class Function>
void HttpSession<Stream>::waitThen(milliseconds delay, Function then) {
  timer_.expires_after(delay);
  timer_.async_wait([self = this->shared_from_this(), then = std::move(then)](beast::error_code error) mutable {
    // The connection may have closed (deadline) in the same tick the timer completed.
    if (error || !self->exchange_) return self->close();
    then(*self);
  });
}

template <class Stream>
void HttpSession<Stream>::countFault(const RouteTable& table, const RoutingDecision& decision) {
  // Envoy's fault filter stats, `http.<stat_prefix>.fault.*`, with the listener as the prefix.
  std::string prefix = "http." + table.name + ".fault.";
  std::replace(prefix.begin(), prefix.end(), ':', '_');
  if (decision.faultDelay.count() > 0) engine_.metrics().recordCounter(prefix + "delays_injected");
  if (decision.faultAborted) engine_.metrics().recordCounter(prefix + "aborts_injected");
}

template <class Stream>
std::optional<Response> HttpSession<Stream>::listenerRateLimit() {
  const Exchange& x = *exchange_;
  const Snapshot& snapshot = *x.active->snapshot;
  const std::vector<std::size_t>* policies = &snapshot.meshRateLimits;
  const std::vector<std::shared_ptr<TokenBucket>>* buckets = &x.active->meshBuckets;
  if (kind_ == ListenerKind::Gateway) {
    const GatewayListener* gateway = snapshot.gatewayForPort(gatewayPort_);
    if (!gateway) return std::nullopt;
    policies = &snapshot.gatewayRateLimits;
    buckets = &x.active->gatewayBuckets[static_cast<std::size_t>(gateway - snapshot.gateways.data())];
  }
  for (std::size_t i = 0; i < policies->size(); ++i)
    if (auto limited = applyRateLimit(snapshot.rateLimits[(*policies)[i]], *(*buckets)[i], engine_.metrics(),
                                      engine_.threadRandom()))
      return limited;
  return std::nullopt;
}

template <class Stream>
void HttpSession<Stream>::afterFaultDelay() {
  Exchange& x = *exchange_;
  // The local rate limit filter sits after the fault filter and before the router.
  if (!x.decision.faultAborted)
    if (auto limited = listenerRateLimit()) {
      addResponseFlag(x.decision, "RL");
      x.decision.responseCodeDetails = "local_rate_limited";
      limited->version(x.version);
      return answerLocally(std::move(*limited));
    }
  if (!x.decision.forward) return answerLocally(std::move(*x.decision.localReply));
  forward();
}

template <class Stream>
void HttpSession<Stream>::forward() {
  Exchange& x = *exchange_;
  x.forwarded = std::chrono::steady_clock::now();
  for (const MirrorPolicy& mirror : x.decision.action->mirrors) shadow(mirror);
  Forwarder::Target target{x.active, x.decision.cluster, x.decision.action->timeout,
                           x.decision.action->retries ? &*x.decision.action->retries : nullptr, remoteAddress_};
  auto forwarder = std::make_shared<Forwarder>(engine_, worker_, std::move(target), std::move(x.request),
                                               [self = this->shared_from_this()](Forwarder::Result&& result) {
                                                 if (!self->exchange_) return;  // the session closed meanwhile
                                                 self->onForwarded(std::move(result));
                                               });
  x.forwarder = forwarder;
  forwarder->start();
}

template <class Stream>
void HttpSession<Stream>::shadow(const MirrorPolicy& mirror) {
  Exchange& x = *exchange_;
  if (mirror.percent <= 0 || (mirror.percent < 100 && engine_.threadRandom().unit() * 100 >= mirror.percent)) return;
  const Snapshot& snapshot = *x.active->snapshot;
  const Cluster* cluster = snapshot.cluster(mirror.clusterName);
  if (!cluster) return;      // nowhere to send it; the caller's request is unaffected either way
  Request copy = x.request;  // as the router rewrote it
  if (snapshot.settings.shadowHostSuffix) copy.set(http::field::host, shadowHost(copy[http::field::host]));
  // Reported as the mirror target's own sidecar reports it: its metrics and its access-log line.
  struct ShadowRecord {
    std::optional<AccessLogEntry> log;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  } shadowRecord;
  if (x.log) {
    shadowRecord.log = *x.log;
    shadowRecord.log->authority = std::string(copy[http::field::host]);
    shadowRecord.log->upstreamCluster = cluster->name;
  }
  Forwarder::Target target{x.active, cluster, std::nullopt, nullptr, remoteAddress_};
  auto forwarder = std::make_shared<Forwarder>(
      engine_, worker_, std::move(target), std::move(copy),
      [&engine = engine_, active = x.active, cluster,
       record = std::move(shadowRecord)](Forwarder::Result&& result) mutable {
        const double duration =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - record.started).count();
        const int code = static_cast<int>(result.response.result_int());
        const std::string flags = result.flags.empty() ? "-" : result.flags;
        countRequest(engine.metrics(), *active->snapshot, cluster, result.pod, code, flags, duration, "");
        if (record.log) {
          record.log->responseCode = code;
          record.log->responseFlags = flags;
          record.log->responseCodeDetails = result.details;
          record.log->upstreamHost = result.upstreamHost;
          record.log->durationMs = static_cast<std::int64_t>(duration);
          record.log->bytesSent = result.response.body().size();
          engine.accessLog().write(*record.log);
        }
      });
  forwarder->start();  // it keeps itself alive until answered; the shadow answer is dropped
}

template <class Stream>
void HttpSession<Stream>::onForwarded(Forwarder::Result&& result) {
  Exchange& x = *exchange_;
  x.forwarder.reset();
  x.pod = result.pod;
  if (!result.flags.empty()) addResponseFlag(x.decision, result.flags);
  x.decision.responseCodeDetails = std::move(result.details);
  if (x.log) x.log->upstreamHost = result.upstreamHost;
  if (!result.setCookie.empty()) result.response.insert(http::field::set_cookie, result.setCookie);
  std::optional<milliseconds> upstreamTime;
  if (result.fromUpstream) upstreamTime = result.upstreamTime;
  respond(std::move(result.response), upstreamTime);
}

template <class Stream>
void HttpSession<Stream>::answerLocally(Response&& response) {
  respond(std::move(response), std::nullopt);
}

template <class Stream>
void HttpSession<Stream>::respond(Response&& response, std::optional<milliseconds> upstreamTime) {
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
  net::async_write(stream_, buffers, [self = this->shared_from_this()](beast::error_code error, std::size_t bytes) {
    self->onWrite(error, bytes);
  });
}

template <class Stream>
void HttpSession<Stream>::onWrite(beast::error_code error, std::size_t) {
  const bool keepAlive = outgoing_.keep_alive();
  if (exchange_) finishRecord();
  if (refused_ && !error) return lingerThenClose();
  if (error || !keepAlive) return close();
  read();
}

template <class Stream>
void HttpSession<Stream>::finishRecord() {
  Exchange& x = *exchange_;
  const double duration =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - x.started).count();
  if (x.log) {
    x.log->durationMs = static_cast<std::int64_t>(duration);
    if (x.responseCode == 0) x.log->responseFlags = x.decision.responseFlags;
    engine_.accessLog().write(*x.log);
  }

  countRequest(engine_.metrics(), *x.active->snapshot, x.decision.cluster, x.pod, x.responseCode,
               x.decision.responseFlags, duration, x.decision.route ? x.decision.route->name : std::string());
  exchange_.reset();
}

template <class Stream>
void HttpSession<Stream>::lingerThenClose() {
  // Half-close, then read and drop whatever the client still sends until it closes too or the
  // linger time is up (nginx's lingering close): the refusal reaches the client intact.
  if constexpr (!kTls) {
    beast::error_code ignored;
    stream_.shutdown(tcp::socket::shutdown_send, ignored);
    deadline_.expireAfter(kLingerTimeout);
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(4096),
                            [self = this->shared_from_this()](beast::error_code error, std::size_t) {
                              if (error || self->deadline_.expired()) return self->close();
                              self->lingerThenClose();
                            });
  } else {
    close();  // TLS: close() sends close_notify and waits for the client's
  }
}

template <class Stream>
void HttpSession<Stream>::close() {
  timer_.cancel();
  if (exchange_) {  // the client left before its answer: still logged, as Envoy does (flag DC)
    if (auto forwarder = exchange_->forwarder.lock()) forwarder->cancel();
    if (exchange_->responseCode == 0) exchange_->decision.responseFlags = "DC";
    finishRecord();
  }
  if constexpr (kTls) {
    // A client still there gets close_notify, so it can tell the end of the connection from a
    // truncation; the deadline bounds the wait for its own close_notify.
    if (secured_ && !shuttingDown_ && !deadline_.expired() && beast::get_lowest_layer(stream_).is_open()) {
      shuttingDown_ = true;
      deadline_.expireAfter(kShutdownTimeout);
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) { self->closeSocket(); });
      return;
    }
  }
  closeSocket();
}

template <class Stream>
void HttpSession<Stream>::closeSocket() {
  beast::error_code ignored;
  deadline_.cancel();
  auto& socket = beast::get_lowest_layer(stream_);
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

template class HttpSession<TcpStream::socket_type>;
template class HttpSession<SslStream>;

}  // namespace meshstudio::engine

#include "engine/TlsInspector.h"

#include <boost/asio/post.hpp>

#include "engine/ClientHello.h"
#include "engine/Engine.h"
#include "engine/HttpSession.h"
#include "engine/TcpRelay.h"

namespace meshstudio::engine {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using boost::system::error_code;

namespace {

/// Reads grow the buffer by this much; a ClientHello usually fits in the first.
constexpr std::size_t kReadChunk = 4096;

std::string describe(const tcp::endpoint& endpoint) {
  return endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

struct Upstream {
  const Cluster* cluster = nullptr;
  Endpoint endpoint;
};

/// Where a passthrough connection goes: a destination by weight (random % total, as for HTTP
/// routes), then one of its cluster's endpoints by the cluster's load-balancing policy.
std::optional<Upstream> chooseUpstream(const ActiveSnapshot& active, const TlsRoute& route, RandomSource& random) {
  std::uint64_t total = 0;
  for (const TlsRouteDestination& destination : route.destinations)
    total += static_cast<std::uint64_t>(destination.weight);
  if (total == 0) return std::nullopt;
  const std::uint64_t draw = random.next() % total;
  std::uint64_t upper = 0;
  const TlsRouteDestination* chosen = nullptr;
  for (const TlsRouteDestination& destination : route.destinations) {
    upper += static_cast<std::uint64_t>(destination.weight);
    if (draw < upper) {
      chosen = &destination;
      break;
    }
  }
  const Cluster* cluster = chosen ? active.snapshot->cluster(chosen->clusterName) : nullptr;
  if (!cluster || cluster->endpoints.empty()) return std::nullopt;
  auto host = chooseHost(*cluster, active.clusters[cluster->index], std::nullopt, random);
  if (!host) return std::nullopt;
  Upstream upstream{cluster, active.endpoints[cluster->endpoints[*host]]};
  if (upstream.endpoint.port == 0) return std::nullopt;  // a simulated pod whose server could not open
  return upstream;
}

}  // namespace

TlsInspector::TlsInspector(TcpStream::socket_type socket, Engine& engine, Worker& worker, std::int64_t gatewayPort,
                           ConnectionBudget::Slot slot)
    : socket_(std::move(socket)),
      deadline_(socket_.get_executor(), [this] { close(); }),
      engine_(engine),
      worker_(worker),
      gatewayPort_(gatewayPort),
      slot_(std::move(slot)) {}

void TlsInspector::run() {
  deadline_.setOwner(weak_from_this());
  // Everything happens on the worker's thread (the Listener handed the socket over there); the
  // post lets the caller finish before the first read.
  net::post(socket_.get_executor(), [self = shared_from_this()] {
    self->deadline_.expireAfter(kTimeout);
    self->read();
  });
}

void TlsInspector::read() {
  const std::size_t before = received_.size();
  received_.resize(before + kReadChunk);
  socket_.async_read_some(net::buffer(received_.data() + before, kReadChunk),
                          [self = shared_from_this(), before](error_code error, std::size_t bytes) {
                            self->received_.resize(before + bytes);
                            self->onRead(error, bytes);
                          });
}

void TlsInspector::onRead(error_code error, std::size_t) {
  if (error || deadline_.expired()) return close();
  const ClientHello hello = ClientHello::parse(received_);
  switch (hello.status) {
    case ClientHello::Status::Incomplete:
      return read();  // parse refuses anything past ClientHello::kMaxSize, so this ends
    case ClientHello::Status::NotTls:
      return close();  // plain HTTP or garbage on a TLS port: no filter chain takes it
    case ClientHello::Status::Complete:
      return dispatch(hello);
  }
}

void TlsInspector::dispatch(const ClientHello& hello) {
  auto active = engine_.active();
  const GatewayListener* listener = active ? active->snapshot->gatewayForPort(gatewayPort_) : nullptr;
  // The port may have turned plaintext or gone in a reload since this connection was accepted.
  if (!listener || !listener->tls) return close();
  const TlsTarget target = selectTlsTarget(listener->tlsServers, listener->tlsRoutes, hello.serverName);
  if (!target) {
    logUnrouted(hello.serverName);
    return close();
  }
  deadline_.cancel();  // the session or relay takes over the connection with its own deadline
  if (target.server) {
    // SSL_new takes its own reference to the SSL_CTX, so a reload that drops this server's
    // context does not pull it from under the connection.
    auto session =
        std::make_shared<HttpSession<SslStream>>(SslStream(std::move(socket_), *target.server->context), engine_,
                                                 worker_, ListenerKind::Gateway, gatewayPort_, std::move(slot_));
    session->handshake(std::move(received_), hello.serverName);
    return;
  }
  auto upstream = chooseUpstream(*active, *target.route, engine_.threadRandom());
  std::optional<AccessLogEntry> log;
  if (engine_.accessLog().isRead()) {
    log.emplace();
    log->startTime = started_;
    log->protocol.clear();  // a TCP connection: Envoy prints `-` for the HTTP fields
    log->requestedServerName = hello.serverName;
    error_code ignored;
    log->downstreamLocalAddress = describe(socket_.local_endpoint(ignored));
    log->downstreamRemoteAddress = describe(socket_.remote_endpoint(ignored));
    if (upstream) {
      log->upstreamCluster = upstream->cluster->name;
      log->upstreamHost = upstream->endpoint.address();
    }
  }
  if (!upstream) {  // Envoy's tcp_proxy with no healthy host closes the connection (flag UH)
    if (log) {
      log->responseFlags = "UH";
      engine_.accessLog().write(*log);
    }
    return close();
  }
  std::make_shared<TcpRelay>(std::move(socket_), std::move(received_), upstream->endpoint, std::move(log), engine_,
                             std::move(slot_))
      ->start();
}

void TlsInspector::logUnrouted(const std::string& serverName) {
  if (!engine_.accessLog().isRead()) return;
  AccessLogEntry log;
  log.startTime = started_;
  log.protocol.clear();
  log.responseFlags = "NR";  // Envoy: no filter chain matches the connection
  log.bytesReceived = received_.size();
  log.requestedServerName = serverName;
  error_code ignored;
  log.downstreamLocalAddress = describe(socket_.local_endpoint(ignored));
  log.downstreamRemoteAddress = describe(socket_.remote_endpoint(ignored));
  engine_.accessLog().write(log);
}

void TlsInspector::close() {
  deadline_.cancel();
  error_code ignored;
  socket_.shutdown(tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
}

}  // namespace meshstudio::engine

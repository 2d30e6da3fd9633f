// Gateway TLS through real sockets: SIMPLE termination with a project Secret (the client checks
// the certificate against the CA and the host name), the self-signed fallback and its warning,
// MUTUAL and OPTIONAL_MUTUAL client certificates, httpsRedirect next to the HTTPS server, and
// PASSTHROUGH by SNI to two real local TLS upstreams (the client's session ends at the upstream).
// Also the ClientHello reader and the SNI specificity order on their own.

#include <QtTest/QtTest>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <future>
#include <sstream>
#include <thread>

#include "EngineTestSupport.h"
#include "LoopbackClient.h"
#include "common/TestCertificates.h"
#include "engine/ClientHello.h"
#include "engine/Engine.h"
#include "engine/GatewayTls.h"

using namespace meshstudio;
using namespace meshstudio::test;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;

namespace {

constexpr auto kWait = std::chrono::seconds(10);

/// An io_context on its own thread, so the test can wait on futures with a timeout.
struct IoThread {
  net::io_context io;
  net::executor_work_guard<net::io_context::executor_type> guard{io.get_executor()};
  std::thread thread{[this] { io.run(); }};
  /// Runs `work` on the I/O thread and waits for it, so that what it did to a socket is done
  /// before the test thread destroys that socket.
  void runThere(const std::function<void()>& work) {
    std::promise<void> done;
    net::post(io, [&] {
      work();
      done.set_value();
    });
    done.get_future().wait();
  }
  ~IoThread() {
    guard.reset();
    io.stop();
    thread.join();
  }
};

/// Waits for an operation started with use_future; false with `error` on failure or timeout.
template <class Future>
bool await(Future& future, std::string& error) {
  if (future.wait_for(kWait) != std::future_status::ready) {
    error = "timed out";
    return false;
  }
  try {
    future.get();
    return true;
  } catch (const boost::system::system_error& e) {
    error = e.code().message();
    return false;
  }
}

struct ClientOptions {
  std::string serverName;  ///< SNI; empty: none
  std::string ca;          ///< PEM to verify the server against; empty: no verification (curl -k)
  std::string verifyHost;  ///< the name the certificate must carry
  const Credential* clientCertificate = nullptr;
};

struct HttpsResult {
  bool handshaken = false;
  std::optional<engine::Response> response;
  std::vector<std::string> peerNames;  ///< the server certificate's SAN dNSNames
  std::string peerIssuer;
  std::string error;
};

/// One HTTPS GET over a fresh connection, every step bounded by kWait.
HttpsResult httpsGet(std::uint16_t port, const ClientOptions& options, const std::string& host,
                     const std::string& target) {
  HttpsResult result;
  IoThread io;
  ssl::context context(ssl::context::tls_client);
  if (options.ca.empty()) {
    context.set_verify_mode(ssl::verify_none);
  } else {
    context.add_certificate_authority(net::buffer(options.ca));
    context.set_verify_mode(ssl::verify_peer);
    context.set_verify_callback(ssl::host_name_verification(options.verifyHost));
  }
  if (options.clientCertificate) {
    context.use_certificate_chain(net::buffer(options.clientCertificate->certificate));
    context.use_private_key(net::buffer(options.clientCertificate->key), ssl::context::pem);
  }
  ssl::stream<tcp::socket> stream(io.io, context);
  if (!options.serverName.empty()) SSL_set_tlsext_host_name(stream.native_handle(), options.serverName.c_str());
  auto finish = [&] {
    io.runThere([&] {
      boost::system::error_code ignored;
      stream.lowest_layer().close(ignored);
    });
    return result;
  };
  auto connected =
      stream.lowest_layer().async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), net::use_future);
  if (!await(connected, result.error)) return finish();
  auto handshake = stream.async_handshake(ssl::stream_base::client, net::use_future);
  if (!await(handshake, result.error)) return finish();
  result.handshaken = true;
  if (X509* peer = SSL_get1_peer_certificate(stream.native_handle())) {
    result.peerNames = subjectAltNames(peer);
    char issuer[256] = {};
    X509_NAME_oneline(X509_get_issuer_name(peer), issuer, sizeof issuer);
    result.peerIssuer = issuer;
    X509_free(peer);
  }
  engine::Request request{engine::http::verb::get, target, 11};
  request.set(engine::http::field::host, host);
  request.keep_alive(false);
  auto written = engine::http::async_write(stream, request, net::use_future);
  if (!await(written, result.error)) return finish();
  boost::beast::flat_buffer buffer;
  engine::Response response;
  auto read = engine::http::async_read(stream, buffer, response, net::use_future);
  if (!await(read, result.error)) return finish();
  result.response = std::move(response);
  return finish();
}

/// A real TLS server standing for a pod behind PASSTHROUGH: answers every request with its name.
class TlsUpstream {
 public:
  TlsUpstream(std::string name, const Credential& credential) : name_(std::move(name)) {
    context_.use_certificate_chain(net::buffer(credential.certificate));
    context_.use_private_key(net::buffer(credential.key), ssl::context::pem);
    acceptor_.open(tcp::v4());
    acceptor_.bind(tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    acceptor_.listen();
    accept();
  }
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

 private:
  struct Connection {
    explicit Connection(tcp::socket socket, ssl::context& context) : stream(std::move(socket), context) {}
    ssl::stream<tcp::socket> stream;
    boost::beast::flat_buffer buffer;
    engine::Request request;
    engine::Response response;
  };

  void accept() {
    acceptor_.async_accept([this](boost::system::error_code error, tcp::socket socket) {
      if (error) return;
      auto connection = std::make_shared<Connection>(std::move(socket), context_);
      connection->stream.async_handshake(ssl::stream_base::server, [this, connection](boost::system::error_code e) {
        if (e) return;
        engine::http::async_read(connection->stream, connection->buffer, connection->request,
                                 [this, connection](boost::system::error_code readError, std::size_t) {
                                   if (readError) return;
                                   connection->response = engine::Response{engine::http::status::ok, 11};
                                   connection->response.body() = name_;
                                   connection->response.keep_alive(false);
                                   connection->response.prepare_payload();
                                   engine::http::async_write(
                                       connection->stream, connection->response,
                                       [connection](boost::system::error_code, std::size_t) {
                                         connection->stream.async_shutdown([connection](boost::system::error_code) {});
                                       });
                                 });
      });
      accept();
    });
  }

  std::string name_;
  IoThread io_;
  ssl::context context_{ssl::context::tls_server};
  tcp::acceptor acceptor_{io_.io};
};

std::unique_ptr<engine::Engine> startEngine(std::shared_ptr<const engine::Snapshot> snapshot,
                                            std::initializer_list<std::int64_t> gatewayPorts) {
  engine::EngineOptions options;
  options.threads = 2;
  options.meshOverride = engine::ListenAddress{"127.0.0.1", 0};
  options.adminOverride = engine::ListenAddress{"127.0.0.1", 0};
  for (std::int64_t port : gatewayPorts) options.gatewayPortOverrides[port] = 0;  // free ports: suites run in parallel
  auto running = std::make_unique<engine::Engine>(options);
  running->load(std::move(snapshot));
  std::string error;
  if (!running->start(error)) qFatal("engine did not start: %s", error.c_str());
  return running;
}

const char* kWeb = R"(apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec: {selector: {app: web}, ports: [{name: http, port: 8080}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web-v1, namespace: default}
spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web, version: v1}}}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: default}
spec:
  hosts: [shop.example.com, "*.dev.example.com"]
  gateways: [public]
  http:
  - match: [{scheme: {exact: https}}]
    headers: {request: {set: {x-seen-scheme: https}}}
    route: [{destination: {host: web}}]
  - route: [{destination: {host: web}}]
)";

/// Gateway `public` with `servers` (indented as list items under `servers:`).
std::string gateway(const std::string& servers) {
  return "---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: public, namespace: default}\n"
         "spec:\n  selector: {istio: ingressgateway}\n  servers:\n" +
         servers;
}

std::string tlsSecret(const std::string& name, const Credential& server, const std::string& ca) {
  std::string yaml = "---\napiVersion: v1\nkind: Secret\nmetadata: {name: " + name +
                     ", namespace: default}\ntype: kubernetes.io/tls\ndata:\n  tls.crt: " + base64(server.certificate) +
                     "\n  tls.key: " + base64(server.key) + "\n";
  if (!ca.empty()) yaml += "  ca.crt: " + base64(ca) + "\n";
  return yaml;
}

/// Gateway port 443 in PASSTHROUGH for a/b/c.example.com; a.example.com and b.example.com go to
/// the TLS upstreams on `portA` and `portB` (c.example.com is listed but no route takes it).
std::shared_ptr<const engine::Snapshot> passthroughProject(std::uint16_t portA, std::uint16_t portB,
                                                           const std::string& settings = {}) {
  auto service = [](const std::string& name, std::uint16_t port) {
    return "---\napiVersion: v1\nkind: Service\nmetadata: {name: " + name +
           ", namespace: default}\nspec: {selector: {app: " + name +
           "}, ports: [{name: tls, port: 443}]}\n"
           "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " +
           name + ", namespace: default}\nspec: {selector: {matchLabels: {app: " + name +
           "}}, template: {metadata: {labels: "
           "{app: " +
           name + "}, annotations: {meshstudio.dev/upstream: '127.0.0.1:" + std::to_string(port) + "'}}}}\n";
  };
  return compileYaml(
      service("svc-a", portA) + service("svc-b", portB) + gateway(R"(  - port: {number: 443, name: tls, protocol: TLS}
    hosts: [a.example.com, b.example.com, c.example.com]
    tls: {mode: PASSTHROUGH}
)") + R"(---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: passthrough, namespace: default}
spec:
  hosts: [a.example.com, b.example.com]
  gateways: [public]
  tls:
  - match: [{port: 443, sniHosts: [a.example.com]}]
    route: [{destination: {host: svc-a, port: {number: 443}}}]
  - match: [{sniHosts: [b.example.com]}]
    route: [{destination: {host: svc-b}}]
)",
      settings);
}

nlohmann::json echoOf(const engine::Response& response) { return nlohmann::json::parse(response.body()); }

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

class GatewayTlsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void simpleTerminationRoutesHttpsAndRedirectsHttp() {
    const Credential ca = makeCa("test CA");
    const Credential server = issueServer(ca, {"shop.example.com"});
    auto snapshot = compileYaml(std::string(kWeb) + gateway(R"(  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [shop.example.com]
    tls: {mode: SIMPLE, credentialName: shop-cert}
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [shop.example.com]
    tls: {httpsRedirect: true}
)") + tlsSecret("shop-cert", server, ""));
    QVERIFY2(snapshot->problems.empty(), problemsOf(*snapshot).c_str());
    auto running = startEngine(snapshot, {443, 80});

    // The client checks the chain against the CA and the certificate against the host name.
    const ClientOptions verified{"shop.example.com", ca.certificate, "shop.example.com"};
    auto result = httpsGet(running->gatewayPort(443), verified, "shop.example.com", "/products?id=7");
    QVERIFY2(result.response, result.error.c_str());
    QCOMPARE(result.response->result_int(), 200u);
    QVERIFY(std::string(result.response->at("x-meshstudio-pod")).starts_with("web-v1"));
    const nlohmann::json echo = echoOf(*result.response);
    QCOMPARE(echo["headers"]["x-forwarded-proto"].get<std::string>(), std::string("https"));
    QCOMPARE(echo["headers"]["x-seen-scheme"].get<std::string>(), std::string("https"));  // match.scheme saw https
    // The access log names the SNI (Istio's %REQUESTED_SERVER_NAME%).
    QTRY_VERIFY(!running->accessLog().recent().empty());
    QVERIFY(running->accessLog().recent().back().find(" shop.example.com ") != std::string::npos);

    // The same certificate checked for another name fails, as it must.
    const ClientOptions wrongName{"shop.example.com", ca.certificate, "other.example.com"};
    QVERIFY(!httpsGet(running->gatewayPort(443), wrongName, "shop.example.com", "/").handshaken);

    // httpsRedirect on the plain server of the same Gateway: 301 to https, same host and path.
    LoopbackClient plain(running->gatewayPort(80));
    auto redirect = plain.get("shop.example.com", "/products?id=7");
    QVERIFY(redirect);
    QCOMPARE(redirect->result_int(), 301u);
    QCOMPARE(std::string(redirect->at(engine::http::field::location)),
             std::string("https://shop.example.com/products?id=7"));
  }

  void missingSecretServesSelfSignedWithWarning() {
    const std::string servers = R"(  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [shop.example.com, "*.dev.example.com"]
    tls: {mode: SIMPLE, credentialName: absent-cert}
)";
    const std::string yaml = std::string(kWeb) + gateway(servers);
    auto snapshot = compileYaml(yaml);
    QCOMPARE(snapshot->problems.size(), std::size_t(1));
    const std::string& warning = snapshot->problems.front();
    const auto at = yaml.find("credentialName: absent-cert");
    const auto line = std::count(yaml.begin(), yaml.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
    const auto column = at - yaml.rfind('\n', at);
    const std::string location = "test.yaml:" + std::to_string(line) + ":" + std::to_string(column) + ": ";
    QVERIFY2(warning.starts_with(location), (location + " vs " + warning).c_str());
    QVERIFY2(warning.find("credentialName") != std::string::npos, warning.c_str());
    QVERIFY2(warning.find("absent-cert") != std::string::npos, warning.c_str());
    QVERIFY2(warning.find("self-signed") != std::string::npos, warning.c_str());

    auto running = startEngine(snapshot, {443});
    for (const std::string sni : {"shop.example.com", "api.dev.example.com"}) {
      auto result = httpsGet(running->gatewayPort(443), {sni, "", ""}, sni, "/");
      QVERIFY2(result.response, result.error.c_str());
      QCOMPARE(result.response->result_int(), 200u);
      QVERIFY(contains(result.peerNames, "shop.example.com"));
      QVERIFY(contains(result.peerNames, "*.dev.example.com"));
      QVERIFY2(result.peerIssuer.find("Mesh Studio development certificate") != std::string::npos,
               result.peerIssuer.c_str());
    }
    // A reload keeps the same development certificate (a browser's exception stays valid).
    auto again = compileYaml(yaml);
    const engine::TlsServer& before = snapshot->gateways.front().tlsServers.front();
    const engine::TlsServer& after = again->gateways.front().tlsServers.front();
    QVERIFY(before.selfSigned && after.selfSigned && before.context != after.context);
    QCOMPARE(X509_cmp(SSL_CTX_get0_certificate(before.context->native_handle()),
                      SSL_CTX_get0_certificate(after.context->native_handle())),
             0);
  }

  void mutualRequiresAClientCertificateTheCaSigned() {
    const Credential ca = makeCa("test CA");
    const Credential otherCa = makeCa("someone else's CA");
    const Credential server = issueServer(ca, {"shop.example.com"});
    const Credential client = issueClient(ca, "client");
    const Credential stranger = issueClient(otherCa, "stranger");
    // The CA comes from the `<name>-cacert` Secret (here in stringData), as Istio looks it up.
    auto snapshot = compileYaml(std::string(kWeb) + gateway(R"(  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [shop.example.com]
    tls: {mode: MUTUAL, credentialName: shop-cert}
  - port: {number: 8443, name: https-optional, protocol: HTTPS}
    hosts: [shop.example.com]
    tls: {mode: OPTIONAL_MUTUAL, credentialName: shop-cert}
)") + tlsSecret("shop-cert", server, "") +
                                "---\napiVersion: v1\nkind: Secret\nmetadata: {name: shop-cert-cacert, namespace: "
                                "default}\nstringData:\n  ca.crt: |\n" +
                                [&] {
                                  std::string indented;
                                  std::istringstream lines(ca.certificate);
                                  for (std::string text; std::getline(lines, text);) indented += "    " + text + "\n";
                                  return indented;
                                }());
    QVERIFY2(snapshot->problems.empty(), problemsOf(*snapshot).c_str());
    auto running = startEngine(snapshot, {443, 8443});
    const std::uint16_t mutual = running->gatewayPort(443), optional = running->gatewayPort(8443);

    ClientOptions options{"shop.example.com", ca.certificate, "shop.example.com"};
    // Without a certificate: refused (TLS 1.3 clients learn it on their first read).
    auto anonymous = httpsGet(mutual, options, "shop.example.com", "/");
    QVERIFY2(!anonymous.response, "MUTUAL answered a client without a certificate");
    options.clientCertificate = &stranger;
    QVERIFY2(!httpsGet(mutual, options, "shop.example.com", "/").response, "MUTUAL took a certificate no CA signed");
    options.clientCertificate = &client;
    auto trusted = httpsGet(mutual, options, "shop.example.com", "/");
    QVERIFY2(trusted.response, trusted.error.c_str());
    QCOMPARE(trusted.response->result_int(), 200u);

    // OPTIONAL_MUTUAL: no certificate is fine; a certificate that does not verify is not.
    options.clientCertificate = nullptr;
    auto withoutCertificate = httpsGet(optional, options, "shop.example.com", "/");
    QVERIFY2(withoutCertificate.response, withoutCertificate.error.c_str());
    QCOMPARE(withoutCertificate.response->result_int(), 200u);
    options.clientCertificate = &stranger;
    QVERIFY(!httpsGet(optional, options, "shop.example.com", "/").response);
    options.clientCertificate = &client;
    QCOMPARE(httpsGet(optional, options, "shop.example.com", "/").response->result_int(), 200u);
  }

  void passthroughRoutesBySniToTheUpstreamsOwnTls() {
    const Credential ca = makeCa("upstream CA");
    TlsUpstream upstreamA("upstream a", issueServer(ca, {"a.example.com"}));
    TlsUpstream upstreamB("upstream b", issueServer(ca, {"b.example.com"}));
    auto snapshot = passthroughProject(upstreamA.port(), upstreamB.port());
    QVERIFY2(snapshot->problems.empty(), problemsOf(*snapshot).c_str());
    auto running = startEngine(snapshot, {443});
    const std::uint16_t port = running->gatewayPort(443);

    for (const std::string name : {"a", "b"}) {
      const std::string host = name + ".example.com";
      // Verified against the upstreams' CA and name: the session is the upstream's, not the engine's.
      auto result = httpsGet(port, {host, ca.certificate, host}, host, "/");
      QVERIFY2(result.response, (host + ": " + result.error).c_str());
      QCOMPARE(result.response->body(), "upstream " + name);
      QCOMPARE(result.peerNames, std::vector<std::string>{host});
    }
    // A name no route takes (even one the server lists): the connection is closed.
    auto unknown = httpsGet(port, {"c.example.com", "", ""}, "c.example.com", "/");
    QVERIFY(!unknown.handshaken);
    QVERIFY(!httpsGet(port, {"", "", ""}, "a.example.com", "/").handshaken);  // no SNI at all

    // Envoy's TCP lines: the SNI, the cluster and the upstream; NR for the name no route takes.
    auto logged = [&](const std::string& first, const std::string& second) {
      const auto lines = running->accessLog().recent();
      return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
        return line.find(first) != std::string::npos && line.find(second) != std::string::npos;
      });
    };
    QTRY_VERIFY(logged("outbound|443||svc-a.default.svc.cluster.local", " a.example.com "));
    QTRY_VERIFY(logged(" NR ", " c.example.com "));
  }

  void issue10_passthroughConnectionHoldsItsSlotUntilItEnds() {
    const Credential ca = makeCa("upstream CA");
    TlsUpstream upstreamA("upstream a", issueServer(ca, {"a.example.com"}));
    TlsUpstream upstreamB("upstream b", issueServer(ca, {"b.example.com"}));
    auto snapshot = passthroughProject(
        upstreamA.port(), upstreamB.port(),
        "apiVersion: meshstudio.dev/v1alpha1\nkind: Project\nengine: {limits: {maxConnections: 1}}\n");
    QVERIFY2(snapshot->problems.empty(), problemsOf(*snapshot).c_str());
    auto running = startEngine(snapshot, {443});
    const std::uint16_t port = running->gatewayPort(443);

    // A relayed connection, handshaken with the upstream and left open.
    IoThread io;
    ssl::context context(ssl::context::tls_client);
    context.set_verify_mode(ssl::verify_none);
    ssl::stream<tcp::socket> held(io.io, context);
    SSL_set_tlsext_host_name(held.native_handle(), "a.example.com");
    std::string error;
    auto connected =
        held.lowest_layer().async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), net::use_future);
    QVERIFY2(await(connected, error), error.c_str());
    auto handshake = held.async_handshake(ssl::stream_base::client, net::use_future);
    QVERIFY2(await(handshake, error), error.c_str());
    QCOMPARE(running->downstreamConnections(), std::size_t(1));

    // The relay still holds the one slot, so the next client is over the limit.
    QVERIFY(!httpsGet(port, {"b.example.com", "", ""}, "b.example.com", "/").handshaken);
    QTRY_COMPARE(running->metrics().counter("listener.downstream_cx_overflow"), std::uint64_t(1));

    // Once the relayed connection ends, its slot is free again.
    io.runThere([&] {
      boost::system::error_code ignored;
      held.lowest_layer().close(ignored);
    });
    QTRY_COMPARE(running->downstreamConnections(), std::size_t(0));
    auto served = httpsGet(port, {"b.example.com", ca.certificate, "b.example.com"}, "b.example.com", "/");
    QVERIFY2(served.response, served.error.c_str());
    QCOMPARE(served.response->body(), std::string("upstream b"));
  }

  void clientHelloReaderTakesSniAndRefusesTheRest() {
    // A real ClientHello, as OpenSSL writes it into a memory BIO.
    SSL_CTX* context = SSL_CTX_new(TLS_client_method());
    SSL* client = SSL_new(context);
    BIO* in = BIO_new(BIO_s_mem());
    BIO* out = BIO_new(BIO_s_mem());
    SSL_set_bio(client, in, out);
    SSL_set_tlsext_host_name(client, "Shop.Example.com");
    SSL_connect(client);  // writes the ClientHello, then wants to read
    char* data = nullptr;
    const long size = BIO_get_mem_data(out, &data);
    const std::string bytes(data, static_cast<std::size_t>(size));
    SSL_free(client);  // and its BIOs
    SSL_CTX_free(context);

    auto parsed = engine::ClientHello::parse(bytes);
    QCOMPARE(parsed.status, engine::ClientHello::Status::Complete);
    QCOMPARE(parsed.serverName, std::string("shop.example.com"));
    for (std::size_t size = 0; size < bytes.size(); ++size)
      QCOMPARE(engine::ClientHello::parse(std::string_view(bytes).substr(0, size)).status,
               engine::ClientHello::Status::Incomplete);
    // The same message split over two records still parses.
    const std::size_t split = 40;
    const std::string body = bytes.substr(5);
    auto record = [&](const std::string& fragment) {
      return std::string{'\x16', '\x03', '\x01', static_cast<char>(fragment.size() >> 8),
                         static_cast<char>(fragment.size() & 0xff)} +
             fragment;
    };
    QCOMPARE(engine::ClientHello::parse(record(body.substr(0, split)) + record(body.substr(split))).serverName,
             std::string("shop.example.com"));
    QCOMPARE(engine::ClientHello::parse("GET / HTTP/1.1\r\n").status, engine::ClientHello::Status::NotTls);
    // Every corrupted byte either still parses or is refused; none reads out of bounds (ASan
    // builds check that), and a mangled SNI never comes out with bytes a host name cannot hold.
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      std::string corrupted = bytes;
      corrupted[i] = static_cast<char>(corrupted[i] ^ 0xff);
      auto result = engine::ClientHello::parse(corrupted);
      for (char c : result.serverName)
        QVERIFY(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_');
    }
  }

  void sniSelectsTheMostSpecificName() {
    std::vector<engine::TlsServer> servers(2);
    servers[0].hosts = {"*"};
    servers[1].hosts = {"*.example.com"};
    std::vector<engine::TlsRoute> routes(1);
    routes[0].sniHosts = {"api.example.com"};
    QCOMPARE(engine::selectTlsTarget(servers, routes, "api.example.com").route, &routes[0]);
    QCOMPARE(engine::selectTlsTarget(servers, routes, "www.example.com").server, &servers[1]);
    QCOMPARE(engine::selectTlsTarget(servers, routes, "example.org").server, &servers[0]);
    QCOMPARE(engine::selectTlsTarget(servers, routes, "").server, &servers[0]);  // no SNI: only `*`
    QVERIFY(!engine::selectTlsTarget({}, routes, "").route);
  }
};

QTEST_GUILESS_MAIN(GatewayTlsTest)
#include "tst_gatewaytls.moc"

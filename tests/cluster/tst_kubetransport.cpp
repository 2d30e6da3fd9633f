// KubeTransport against a real local TLS endpoint (TlsEchoServer) with a PKI generated per run:
// trust, server names, client certificates, bearer tokens and token files, exec plugins with
// a 401 retry, statuses, Warning headers, timeouts, refused connections, and proxies (a local
// CONNECT proxy: the kubeconfig's proxy-url, its credentials, HTTPS_PROXY and loopback).

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include "app/cluster/KubeTransport.h"
#include "tests/cluster/ConnectProxy.h"
#include "tests/cluster/TlsEchoServer.h"

using namespace meshstudio::cluster;
using namespace meshstudio::test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Failure = KubeResponse::Failure;

namespace {

constexpr const char* kServerName = "kube.test";

const char* failureName(Failure failure) {
  switch (failure) {
    case Failure::None:
      return "None";
    case Failure::Timeout:
      return "Timeout";
    case Failure::Tls:
      return "Tls";
    case Failure::Connection:
      return "Connection";
    case Failure::Credentials:
      return "Credentials";
  }
  return "?";
}

/// "failure: error" for QVERIFY2 messages.
std::string describe(const KubeResponse& response) {
  return std::string(failureName(response.failure)) + " status " + std::to_string(response.status) + ": " +
         response.error;
}

void writeFile(const QString& path, const QByteArray& contents) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
  file.write(contents);
}

}  // namespace

class KubeTransportTest : public QObject {
  Q_OBJECT

  Credential ca_ = makeCa("meshstudio test CA");
  Credential otherCa_ = makeCa("someone else's CA");
  Credential serverCertificate_ = issueServer(ca_, {kServerName});
  QTemporaryDir dir_;
  std::unique_ptr<TlsEchoServer> server_;

  /// A connection that trusts the test CA and names the server as its certificate does.
  ClusterConnection trusted() const {
    ClusterConnection connection;
    connection.contextName = "test";
    connection.clusterName = "test-cluster";
    connection.userName = "tester";
    connection.server = server_->url();
    connection.certificateAuthorityPem = ca_.certificate;
    connection.tlsServerName = kServerName;
    return connection;
  }

 private Q_SLOTS:
  void init() {
    server_ = std::make_unique<TlsEchoServer>(serverCertificate_);
    QVERIFY(server_->keyLoaded());
    QVERIFY(server_->listen());
  }

  void trustedCaConnects() {
    KubeTransport transport(trusted());
    QVERIFY(transport.verifiesTls());
    KubeRequest request;
    request.path = "/apis/networking.istio.io/v1/namespaces/shop/virtualservices";
    request.query = {{"labelSelector", "app=web,tier!=db"}, {"fieldManager", "mesh studio"}};
    const KubeResponse response = transport.send(request);
    QVERIFY2(response.ok(), describe(response).c_str());
    QCOMPARE(response.body, std::string("{}"));
    QCOMPARE(server_->requests.size(), std::size_t(1));
    const RecordedRequest& seen = server_->requests.front();
    QCOMPARE(seen.method, QByteArray("GET"));
    QCOMPARE(seen.target, QByteArray("/apis/networking.istio.io/v1/namespaces/shop/virtualservices"
                                     "?labelSelector=app%3Dweb%2Ctier%21%3Ddb&fieldManager=mesh%20studio"));
    QCOMPARE(seen.header("Accept"), QByteArray("application/json"));
    QVERIFY(seen.header("User-Agent").startsWith("meshstudio/"));
    QVERIFY(!seen.hasHeader("Authorization"));
    QVERIFY(!seen.hasHeader("Content-Type"));
  }

  void patchCarriesBodyAndContentType() {
    KubeTransport transport(trusted());
    KubeRequest request;
    request.method = "PATCH";
    request.path = "/apis/networking.istio.io/v1/namespaces/shop/virtualservices/reviews";
    request.body = "apiVersion: networking.istio.io/v1\nkind: VirtualService\n";
    request.contentType = "application/apply-patch+yaml";
    const KubeResponse response = transport.send(request);
    QVERIFY2(response.ok(), describe(response).c_str());
    const RecordedRequest& seen = server_->requests.front();
    QCOMPARE(seen.method, QByteArray("PATCH"));
    QCOMPARE(seen.header("Content-Type"), QByteArray("application/apply-patch+yaml"));
    QCOMPARE(seen.body, QByteArray::fromStdString(request.body));
  }

  void usableFromAnotherWorkerThread() {
    KubeTransport transport(trusted());
    QVERIFY(transport.send({}).ok());
    KubeResponse fromWorker;
    std::unique_ptr<QThread> worker(QThread::create([&] { fromWorker = transport.send({}); }));
    QEventLoop loop;  // serves the TLS server while the worker waits for its answer
    connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    QVERIFY2(fromWorker.ok(), describe(fromWorker).c_str());
    QCOMPARE(server_->requests.size(), std::size_t(2));
  }

  void wrongServerNameIsATlsFailure() {
    ClusterConnection connection = trusted();
    connection.tlsServerName.clear();  // the certificate is for kube.test, not 127.0.0.1
    KubeTransport transport(connection);
    const KubeResponse response = transport.send({});
    QVERIFY2(response.failure == Failure::Tls, describe(response).c_str());
    QVERIFY2(response.error.starts_with("TLS: ") && response.error.find("host name") != std::string::npos,
             response.error.c_str());
    QVERIFY(server_->requests.empty());
  }

  void untrustedCaIsATlsFailureWithTheReason() {
    ClusterConnection connection = trusted();
    connection.certificateAuthorityPem = otherCa_.certificate;  // trust ONLY this one
    KubeTransport transport(connection);
    const KubeResponse response = transport.send({});
    QVERIFY2(response.failure == Failure::Tls, describe(response).c_str());
    QVERIFY2(response.error.starts_with("TLS: ") && response.error.find("certificate") != std::string::npos,
             response.error.c_str());
    QVERIFY(server_->requests.empty());
  }

  void systemTrustDoesNotKnowTheTestCa() {
    ClusterConnection connection = trusted();
    connection.certificateAuthorityPem.clear();  // the system's roots, which never signed this
    KubeTransport transport(connection);
    const KubeResponse response = transport.send({});
    QVERIFY2(response.failure == Failure::Tls, describe(response).c_str());
  }

  void insecureSkipTlsVerifyConnects() {
    ClusterConnection connection = trusted();
    connection.certificateAuthorityPem.clear();
    connection.tlsServerName.clear();
    connection.insecureSkipTlsVerify = true;
    KubeTransport transport(connection);
    QVERIFY(!transport.verifiesTls());
    const KubeResponse response = transport.send({});
    QVERIFY2(response.ok(), describe(response).c_str());
  }

  void clientCertificateIsPresented() {
    const Credential alice = issueClient(ca_, "alice");
    ClusterConnection connection = trusted();
    connection.clientCertificatePem = alice.certificate;
    connection.clientKeyPem = alice.key;
    KubeTransport transport(connection);
    const KubeResponse response = transport.send({});
    QVERIFY2(response.ok(), describe(response).c_str());
    QCOMPARE(server_->requests.front().clientCommonName, u"alice"_s);
    QVERIFY(!server_->requests.front().hasHeader("Authorization"));
  }

  void unreadableClientKeyIsACredentialsFailure() {
    const Credential alice = issueClient(ca_, "alice");
    ClusterConnection connection = trusted();
    connection.clientCertificatePem = alice.certificate;
    connection.clientKeyPem = "-----BEGIN EC PRIVATE KEY-----\nbm90IGEga2V5\n-----END EC PRIVATE KEY-----\n";
    KubeTransport transport(connection);
    const KubeResponse response = transport.send({});
    QVERIFY2(response.failure == Failure::Credentials, describe(response).c_str());
    QCOMPARE(response.error,
             std::string("the client key of user \"tester\" is neither an EC nor an RSA PEM private key"));
    QVERIFY(server_->requests.empty());
  }

  void bearerTokenIsSent() {
    ClusterConnection connection = trusted();
    connection.token = "static-token";
    KubeTransport transport(connection);
    QVERIFY(transport.send({}).ok());
    QCOMPARE(server_->requests.front().header("Authorization"), QByteArray("Bearer static-token"));
  }

  void tokenFileIsReadOnEveryRequest() {
    const QString tokenFile = dir_.filePath(u"token"_s);
    writeFile(tokenFile, "first-token\n");
    ClusterConnection connection = trusted();
    connection.tokenFile = tokenFile.toStdString();
    KubeTransport transport(connection);
    QVERIFY(transport.send({}).ok());
    writeFile(tokenFile, "rotated-token");
    QVERIFY(transport.send({}).ok());
    QCOMPARE(server_->requests.size(), std::size_t(2));
    QCOMPARE(server_->requests[0].header("Authorization"), QByteArray("Bearer first-token"));
    QCOMPARE(server_->requests[1].header("Authorization"), QByteArray("Bearer rotated-token"));

    QFile::remove(tokenFile);
    const KubeResponse gone = transport.send({});
    QVERIFY2(gone.failure == Failure::Credentials, describe(gone).c_str());
    QVERIFY2(gone.error.starts_with("cannot read the token file " + tokenFile.toStdString()), gone.error.c_str());
    QCOMPARE(server_->requests.size(), std::size_t(2));  // nothing was sent
  }

  void execPluginTokenIsRefreshedOnceAfter401() {
    const QString script = dir_.filePath(u"plugin"_s);
    const QString runs = dir_.filePath(u"plugin-runs"_s);
    writeFile(script,
              "#!/bin/sh\necho run >> \"$RUNS\"\nn=$(wc -l < \"$RUNS\" | tr -d ' ')\n"
              "echo '{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
              "\"status\":{\"token\":\"plugin-token-'$n'\"}}'\n");
    QVERIFY(QFile::setPermissions(script, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    ClusterConnection connection = trusted();
    connection.exec = ExecConfig{"client.authentication.k8s.io/v1",
                                 script.toStdString(),
                                 {},
                                 {{"RUNS", runs.toStdString()}},
                                 "",
                                 false,
                                 "Never"};
    // The server has revoked the first token.
    server_->handler = [](const RecordedRequest& request) {
      CannedResponse response;
      if (request.header("Authorization") == "Bearer plugin-token-1") response.status = 401;
      return response;
    };
    KubeTransport transport(connection);
    const KubeResponse response = transport.send({});
    QVERIFY2(response.ok(), describe(response).c_str());
    QCOMPARE(server_->requests.size(), std::size_t(2));
    QCOMPARE(server_->requests[1].header("Authorization"), QByteArray("Bearer plugin-token-2"));
    // The fresh credential is cached: the next request does not run the plugin.
    QVERIFY(transport.send({}).ok());
    QCOMPARE(server_->requests[2].header("Authorization"), QByteArray("Bearer plugin-token-2"));

    // Always 401: one retry only, and the 401 is returned.
    server_->handler = [](const RecordedRequest&) { return CannedResponse{401, {}, "{\"kind\":\"Status\"}"}; };
    const std::size_t before = server_->requests.size();
    const KubeResponse rejected = transport.send({});
    QCOMPARE(rejected.failure, Failure::None);
    QCOMPARE(rejected.status, 401);
    QCOMPARE(server_->requests.size(), before + 2);
  }

  void errorStatusIsAnAnswerWithItsBody() {
    const QByteArray status = "{\"kind\":\"Status\",\"reason\":\"NotFound\",\"code\":404}";
    server_->handler = [&](const RecordedRequest&) { return CannedResponse{404, {}, status}; };
    KubeTransport transport(trusted());
    const KubeResponse response = transport.send({});
    QCOMPARE(response.failure, Failure::None);
    QCOMPARE(response.status, 404);
    QCOMPARE(response.body, status.toStdString());
    QVERIFY(!response.ok());
    QVERIFY(response.error.empty());
  }

  void warningHeadersAreCollected() {
    server_->handler = [](const RecordedRequest&) {
      CannedResponse response{201, {}, "{}"};
      response.headers = {{"Warning", "299 - \"networking.istio.io/v1alpha3 is deprecated, use v1\""},
                          {"X-Other", "1"},
                          {"Warning", "299 - \"spec.tls: \\\"mode\\\" is ignored\" \"Tue, 15 Nov 1994 08:12:31 GMT\""}};
      return response;
    };
    KubeTransport transport(trusted());
    const KubeResponse response = transport.send({});
    QVERIFY2(response.ok(), describe(response).c_str());
    QCOMPARE(response.warnings, (std::vector<std::string>{"networking.istio.io/v1alpha3 is deprecated, use v1",
                                                          "spec.tls: \"mode\" is ignored"}));
  }

  void silentServerTimesOut() {
    server_->handler = [](const RecordedRequest&) {
      CannedResponse response;
      response.silent = true;
      return response;
    };
    KubeTransport transport(trusted(), 300ms);
    QElapsedTimer clock;
    clock.start();
    const KubeResponse response = transport.send({});
    QVERIFY2(response.failure == Failure::Timeout, describe(response).c_str());
    QCOMPARE(response.error, "no answer from " + server_->url() + " within 300 ms");
    QVERIFY(clock.elapsed() < 5000);
  }

  void refusedConnectionIsAConnectionFailure() {
    quint16 port = 0;
    {
      QTcpServer probe;  // a port that was free a moment ago, and nobody listens on now
      QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
      port = probe.serverPort();
    }
    ClusterConnection connection = trusted();
    connection.server = "https://127.0.0.1:" + std::to_string(port);
    KubeTransport transport(connection, 5s);
    const KubeResponse response = transport.send({});
    QVERIFY2(response.failure == Failure::Connection, describe(response).c_str());
    QVERIFY2(response.error.starts_with("cannot connect to " + connection.server + ": "), response.error.c_str());
  }

  void proxyUrlTunnelsThroughTheProxy() {
    ConnectProxy proxy;
    QVERIFY(proxy.listen());
    ClusterConnection connection = trusted();
    connection.proxyUrl = "http://127.0.0.1:" + std::to_string(proxy.port());
    KubeTransport transport(connection);
    QCOMPARE(transport.proxy().describe(), connection.proxyUrl + " (proxy-url)");
    const KubeResponse response = transport.send({});
    QVERIFY2(response.ok(), describe(response).c_str());
    QCOMPARE(proxy.tunnels.size(), std::size_t(1));
    QCOMPARE(proxy.tunnels.front().target, QByteArray::fromStdString(server_->url().substr(8)));  // host:port
    QCOMPARE(server_->requests.size(), std::size_t(1));  // TLS end to end: the server name still checks out
  }

  void proxyCredentialsFromTheUrlAreSent() {
    ConnectProxy proxy("Basic " + QByteArray("alice:s3 cret").toBase64());
    QVERIFY(proxy.listen());
    ClusterConnection connection = trusted();
    connection.proxyUrl = "http://alice:s3%20cret@127.0.0.1:" + std::to_string(proxy.port());
    KubeTransport transport(connection);
    QCOMPARE(transport.proxy().describe(),
             "http://alice:***@127.0.0.1:" + std::to_string(proxy.port()) + " (proxy-url)");
    const KubeResponse response = transport.send({});
    QVERIFY2(response.ok(), describe(response).c_str());
    QVERIFY(!proxy.tunnels.empty());
    QCOMPARE(proxy.tunnels.back().authorization, "Basic " + QByteArray("alice:s3 cret").toBase64());
  }

  void refusingProxyIsNamedWithoutItsPassword() {
    ConnectProxy proxy("Basic " + QByteArray("alice:right").toBase64());
    QVERIFY(proxy.listen());
    ClusterConnection connection = trusted();
    connection.proxyUrl = "http://alice:wrong-password@127.0.0.1:" + std::to_string(proxy.port());
    KubeTransport transport(connection, 5s);
    const KubeResponse response = transport.send({});
    QVERIFY2(response.failure == Failure::Connection, describe(response).c_str());
    QVERIFY2(response.error.find("through the proxy http://alice:***@127.0.0.1:" + std::to_string(proxy.port()) +
                                 " (proxy-url)") != std::string::npos,
             response.error.c_str());
    QVERIFY2(response.error.find("wrong-password") == std::string::npos, response.error.c_str());
    QVERIFY(server_->requests.empty());
  }

  void httpsProxyIsAClearErrorAndSendsNothing() {
    ClusterConnection connection = trusted();
    connection.proxyUrl = "https://bob:hunter2@proxy.example:3128";
    KubeTransport transport(connection);
    const KubeResponse response = transport.send({});
    QVERIFY2(response.failure == Failure::Connection, describe(response).c_str());
    QCOMPARE(response.error, std::string("the proxy https://bob:***@proxy.example:3128 from proxy-url uses https://, "
                                         "which Mesh Studio cannot use (TLS to the proxy itself); give an http:// "
                                         "proxy URL; supported are http://, socks5:// and socks5h://"));
    QVERIFY(server_->requests.empty());
  }

  void environmentProxyIsNotUsedForLoopback() {
    ConnectProxy proxy;
    QVERIFY(proxy.listen());
    const QByteArray saved = qgetenv("HTTPS_PROXY");
    qputenv("HTTPS_PROXY", "http://127.0.0.1:" + QByteArray::number(proxy.port()));
    KubeTransport transport(trusted());  // the server is 127.0.0.1: Go's ProxyFromEnvironment goes direct
    if (saved.isNull())
      qunsetenv("HTTPS_PROXY");
    else
      qputenv("HTTPS_PROXY", saved);
    QVERIFY(transport.proxy().direct());
    QVERIFY(transport.send({}).ok());
    QVERIFY(proxy.tunnels.empty());
  }
};

QTEST_GUILESS_MAIN(KubeTransportTest)
#include "tst_kubetransport.moc"

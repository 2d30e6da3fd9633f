// ProxyRoute: which proxy the API server is reached through, by client-go's rules (the
// cluster's proxy-url, else HTTPS_PROXY/HTTP_PROXY with NO_PROXY, never for loopback), and
// proxy URLs parsed as Go parses them, with their passwords kept out of every message.

#include <QtTest>

#include "app/cluster/ProxyRoute.h"

using namespace meshstudio::cluster;

namespace {

ProxyEnvironment environment(std::string httpsProxy, std::string noProxy = {}, std::string httpProxy = {}) {
  ProxyEnvironment result;
  result.httpsProxy = std::move(httpsProxy);
  result.httpsProxyName = "HTTPS_PROXY";
  result.httpProxy = std::move(httpProxy);
  result.httpProxyName = "http_proxy";
  result.noProxy = std::move(noProxy);
  return result;
}

}  // namespace

class ProxyRouteTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void clusterProxyUrlWinsOverTheEnvironment() {
    const ProxyRoute route = ProxyRoute::choose("https://127.0.0.1:6443", "socks5://tunnel.corp:1080",
                                                environment("http://envproxy:3128", "*"));
    QVERIFY(route.kind == ProxyRoute::Kind::Socks5);
    QCOMPARE(route.host, std::string("tunnel.corp"));
    QCOMPARE(route.port, 1080);
    QCOMPARE(route.describe(), std::string("socks5://tunnel.corp:1080 (proxy-url)"));
  }

  void httpsServerUsesHttpsProxyAndHttpServerHttpProxy() {
    const ProxyEnvironment env = environment("http://secure-proxy:3128", "", "http://plain-proxy:8080");
    const ProxyRoute https = ProxyRoute::choose("https://api.cluster.example:6443", "", env);
    QVERIFY(https.kind == ProxyRoute::Kind::Http);
    QCOMPARE(https.host, std::string("secure-proxy"));
    QCOMPARE(https.port, 3128);
    QCOMPARE(https.source, std::string("HTTPS_PROXY"));
    const ProxyRoute http = ProxyRoute::choose("http://api.cluster.example:8080", "", env);
    QCOMPARE(http.host, std::string("plain-proxy"));
    QCOMPARE(http.source, std::string("http_proxy"));
    // Go does not fall back from HTTPS_PROXY to HTTP_PROXY.
    QVERIFY(ProxyRoute::choose("https://api.cluster.example", "", environment("", "", "http://plain:80")).direct());
  }

  void proxyWithoutSchemeIsHttpWithGosDefaultPort() {
    const ProxyRoute route = ProxyRoute::choose("https://api.example", "", environment("proxy.corp"));
    QVERIFY(route.kind == ProxyRoute::Kind::Http);
    QCOMPARE(route.host, std::string("proxy.corp"));
    QCOMPARE(route.port, 80);
    const ProxyRoute withPort = ProxyRoute::choose("https://api.example", "", environment("proxy.corp:3128"));
    QCOMPARE(withPort.host, std::string("proxy.corp"));
    QCOMPARE(withPort.port, 3128);
  }

  void loopbackIsNeverProxiedFromTheEnvironment() {
    const ProxyEnvironment env = environment("http://proxy:3128");
    QVERIFY(ProxyRoute::choose("https://127.0.0.1:6443", "", env).direct());
    QVERIFY(ProxyRoute::choose("https://localhost:6443", "", env).direct());
    QVERIFY(ProxyRoute::choose("https://[::1]:6443", "", env).direct());
    QVERIFY(!ProxyRoute::choose("https://10.0.0.1:6443", "", env).direct());
  }

  void noProxyFollowsGosRules() {
    QVERIFY(noProxyExcludes("*", "anything.example", 443));
    // A domain matches itself and its subdomains; `.domain` and `*.domain` only subdomains.
    QVERIFY(noProxyExcludes("corp.example", "corp.example", 443));
    QVERIFY(noProxyExcludes("corp.example", "api.corp.example", 443));
    QVERIFY(!noProxyExcludes("corp.example", "notcorp.example", 443));
    QVERIFY(!noProxyExcludes(".corp.example", "corp.example", 443));
    QVERIFY(noProxyExcludes(".corp.example", "api.corp.example", 443));
    QVERIFY(!noProxyExcludes("*.corp.example", "corp.example", 443));
    QVERIFY(noProxyExcludes("*.corp.example", "api.corp.example", 443));
    // Case, spaces, empty entries, ports.
    QVERIFY(noProxyExcludes(" , Other.example ,CORP.example ", "api.corp.example", 443));
    QVERIFY(noProxyExcludes("corp.example:6443", "api.corp.example", 6443));
    QVERIFY(!noProxyExcludes("corp.example:6443", "api.corp.example", 443));
    // Addresses and CIDRs, IPv4 and IPv6.
    QVERIFY(noProxyExcludes("10.1.2.3", "10.1.2.3", 443));
    QVERIFY(!noProxyExcludes("10.1.2.3", "10.1.2.4", 443));
    QVERIFY(noProxyExcludes("10.0.0.0/8", "10.200.3.4", 443));
    QVERIFY(!noProxyExcludes("10.0.0.0/8", "11.0.0.1", 443));
    QVERIFY(!noProxyExcludes("10.0.0.0/8", "ten.example", 443));
    QVERIFY(noProxyExcludes("fd00::/8", "fd12::1", 443));
    QVERIFY(noProxyExcludes("[fd12::1]:6443", "fd12::1", 6443));
    QVERIFY(!noProxyExcludes("[fd12::1]:6443", "fd12::1", 443));
    QVERIFY(noProxyExcludes("fd12::1", "fd12::1", 443));
    QVERIFY(!noProxyExcludes("", "api.corp.example", 443));
  }

  void noProxyAppliesToTheEnvironmentOnly() {
    const ProxyEnvironment env = environment("http://proxy:3128", "svc.cluster.local,10.0.0.0/8");
    QVERIFY(ProxyRoute::choose("https://kubernetes.default.svc.cluster.local", "", env).direct());
    QVERIFY(ProxyRoute::choose("https://10.96.0.1:443", "", env).direct());
    QVERIFY(!ProxyRoute::choose("https://api.cloud.example", "", env).direct());
    QVERIFY(!ProxyRoute::choose("https://10.96.0.1:443", "http://p:1", env).direct());  // proxy-url: always
  }

  void credentialsAreDecodedAndNeverShown() {
    const ProxyRoute route = ProxyRoute::fromUrl("http://alice:p%40ss%20word@proxy:3128", "HTTPS_PROXY");
    QCOMPARE(route.user, std::string("alice"));
    QCOMPARE(route.password, std::string("p@ss word"));
    QCOMPARE(route.describe(), std::string("http://alice:***@proxy:3128 (HTTPS_PROXY)"));
    QVERIFY(route.describe().find("word") == std::string::npos);
  }

  void unusableProxyUrlsAreErrorsWithoutSecrets() {
    const ProxyRoute https = ProxyRoute::fromUrl("https://u:topsecret@proxy:443", "proxy-url");
    QVERIFY(!https.direct());
    QVERIFY2(https.error.find("https://u:***@proxy:443") != std::string::npos, https.error.c_str());
    QVERIFY2(https.error.find("topsecret") == std::string::npos, https.error.c_str());
    const ProxyRoute ftp = ProxyRoute::fromUrl("ftp://proxy:21", "HTTPS_PROXY");
    QVERIFY2(ftp.error.find("ftp://") != std::string::npos && ftp.error.find("HTTPS_PROXY") != std::string::npos,
             ftp.error.c_str());
    const ProxyRoute garbage = ProxyRoute::fromUrl("http://user:topsecret@", "proxy-url");
    QVERIFY(!garbage.error.empty());
    QVERIFY2((garbage.error + garbage.describe()).find("topsecret") == std::string::npos, garbage.error.c_str());
  }
};

QTEST_APPLESS_MAIN(ProxyRouteTest)
#include "tst_proxyroute.moc"

// Admission analyzers on Gateways (AdmissionGateway.cpp).

#include "AnalyzerTestSupport.h"

using namespace meshstudio::test;

namespace {

// Lines 1-8 are the header below; the first server starts on line 9 (`  - port: ...`).
std::string gateway(const std::string& servers, const std::string& name = "ingress") {
  return "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: " + name +
         "\n  namespace: shop\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n" + servers;
}

// One server; its tls fields start on line 12.
std::string tlsServer(const std::string& protocol, const std::string& tls) {
  return gateway("  - port: {number: 443, name: main, protocol: " + protocol +
                 "}\n    hosts: [\"*/a.example.com\"]\n    tls:\n" + tls);
}

const std::string kHttp = "  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [\"*\"]\n";

}  // namespace

class TestAdmissionGateway : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void servers() {
    auto name = analyse(gateway(kHttp, "my.gateway"));
    EXPECT_FINDING(name, "MS1306", "Gateway shop/my.gateway", "metadata.name", 4);

    auto none = analyse(
        "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: ingress\n"
        "  namespace: shop\nspec:\n  selector: {istio: ingressgateway}\n  servers: []\n");
    EXPECT_FINDING(none, "MS1300", "Gateway shop/ingress", "spec.servers", 8);

    auto noHosts = analyse(gateway("  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: []\n"));
    EXPECT_FINDING(noHosts, "MS1301", "Gateway shop/ingress", "spec.servers[0].hosts", 10);

    auto partial =
        analyse(gateway("  - port: {number: 80, name: http, protocol: HTTP}\n    hosts:\n    - shop/a*.example.com\n"));
    EXPECT_FINDING(partial, "MS1302", "Gateway shop/ingress", "spec.servers[0].hosts[0]", 11);

    auto shortName = analyse(gateway("  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [reviews]\n"));
    EXPECT_FINDING(shortName, "MS1302", "Gateway shop/ingress", "spec.servers[0].hosts[0]", 10);

    auto duplicate =
        analyse(gateway(kHttp + "  - port: {number: 8080, name: http, protocol: HTTP}\n    hosts: [\"*\"]\n"));
    EXPECT_FINDING(duplicate, "MS1303", "Gateway shop/ingress", "spec.servers[1].port.name", 11);

    auto target =
        analyse(gateway("  - port:\n      number: 80\n      name: http\n      protocol: HTTP\n      targetPort: 8080\n"
                        "    hosts: [\"*\"]\n"));
    EXPECT_FINDING(target, "MS1304", "Gateway shop/ingress", "spec.servers[0].port.targetPort", 13);

    auto protocol =
        analyse(gateway("  - port:\n      number: 80\n      name: http\n      protocol: HTTP3\n    hosts: [\"*\"]\n"));
    EXPECT_FINDING(protocol, "MS1305", "Gateway shop/ingress", "spec.servers[0].port.protocol", 12);

    auto clean = analyse(gateway(kHttp + "  - port: {number: 443, name: https, protocol: https}\n"
                                         "    hosts: [\"shop/*.example.com\", \"./b.example.com\", 10.0.0.1, \"*\"]\n"
                                         "    tls: {mode: SIMPLE, credentialName: cert}\n"));
    for (const char* c : {"MS1300", "MS1301", "MS1302", "MS1303", "MS1304", "MS1305", "MS1306"})
      EXPECT_NO_FINDING(clean, c);
  }

  void duplicatePortNameFix() {
    EXPECT_FIX_CLEARS(gateway(kHttp + "  - port: {number: 8080, name: http, protocol: HTTP}\n    hosts: [\"*\"]\n"),
                      "MS1303");
  }

  void targetPortFix() {
    EXPECT_FIX_CLEARS(
        gateway("  - port: {number: 80, name: http, protocol: HTTP, targetPort: 8080}\n    hosts: [\"*\"]\n"),
        "MS1304");
  }

  void tls() {
    auto missing = analyse(gateway("  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [\"*\"]\n"));
    EXPECT_FINDING(missing, "MS1310", "Gateway shop/ingress", "spec.servers[0]", 9);

    auto plain = analyse(tlsServer("HTTP", "      mode: SIMPLE\n      credentialName: cert\n"));
    EXPECT_FINDING(plain, "MS1311", "Gateway shop/ingress", "spec.servers[0].tls", 11);

    auto tcp = analyse(tlsServer("TCP", "      httpsRedirect: false\n"));
    EXPECT_FINDING(tcp, "MS1312", "Gateway shop/ingress", "spec.servers[0].tls", 11);

    auto redirect =
        analyse(tlsServer("HTTPS", "      httpsRedirect: true\n      mode: SIMPLE\n      credentialName: c\n"));
    EXPECT_FINDING(redirect, "MS1313", "Gateway shop/ingress", "spec.servers[0].tls.httpsRedirect", 12);
    QCOMPARE(withCode(redirect, "MS1313")[0].severity, meshstudio::model::Severity::Warning);

    auto istioMutual = analyse(tlsServer("TLS", "      mode: ISTIO_MUTUAL\n      credentialName: cert\n"));
    EXPECT_FINDING(istioMutual, "MS1314", "Gateway shop/ingress", "spec.servers[0].tls.credentialName", 13);

    auto sources = analyse(tlsServer("HTTPS",
                                     "      mode: SIMPLE\n      credentialName: cert\n"
                                     "      serverCertificate: /c.pem\n      privateKey: /k.pem\n"));
    EXPECT_FINDING(sources, "MS1315", "Gateway shop/ingress", "spec.servers[0].tls", 11);

    auto noCert = analyse(tlsServer("HTTPS", "      mode: SIMPLE\n      serverCertificate: /c.pem\n"));
    EXPECT_FINDING(noCert, "MS1316", "Gateway shop/ingress", "spec.servers[0].tls", 11);

    auto noCa =
        analyse(tlsServer("HTTPS", "      mode: MUTUAL\n      serverCertificate: /c.pem\n      privateKey: /k.pem\n"));
    EXPECT_FINDING(noCa, "MS1317", "Gateway shop/ingress", "spec.servers[0].tls.mode", 12);

    auto crl = analyse(tlsServer("HTTPS",
                                 "      mode: SIMPLE\n      serverCertificate: /c.pem\n      privateKey: /k.pem\n"
                                 "      caCrl: /crl.pem\n"));
    EXPECT_FINDING(crl, "MS1318", "Gateway shop/ingress", "spec.servers[0].tls.caCrl", 15);

    auto passthrough = analyse(tlsServer("TLS", "      mode: PASSTHROUGH\n      credentialName: cert\n"));
    EXPECT_FINDING(passthrough, "MS1319", "Gateway shop/ingress", "spec.servers[0].tls.mode", 12);
    QCOMPARE(withCode(passthrough, "MS1319")[0].severity, meshstudio::model::Severity::Warning);
    // A missing mode is PASSTHROUGH as well, but that is advice (MS5013), not reported twice.
    EXPECT_NO_FINDING(analyse(tlsServer("HTTPS", "      credentialName: cert\n")), "MS1319");

    auto clean = analyse(gateway(
        "  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [\"*\"]\n    tls: {httpsRedirect: true}\n"
        "  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [\"*\"]\n"
        "    tls: {mode: MUTUAL, credentialName: cert}\n"
        "  - port: {number: 8443, name: tls, protocol: TLS}\n    hosts: [\"*\"]\n    tls: {mode: PASSTHROUGH}\n"
        "  - port: {number: 15443, name: mtls, protocol: TLS}\n    hosts: [\"*\"]\n    tls: {mode: ISTIO_MUTUAL}\n"
        "  - port: {number: 9443, name: files, protocol: HTTPS}\n    hosts: [\"*\"]\n"
        "    tls: {mode: OPTIONAL_MUTUAL, serverCertificate: /c, privateKey: /k, caCertificates: /ca, caCrl: /crl}\n"));
    for (const char* c :
         {"MS1310", "MS1311", "MS1312", "MS1313", "MS1314", "MS1315", "MS1316", "MS1317", "MS1318", "MS1319"})
      EXPECT_NO_FINDING(clean, c);
  }

  void httpsRedirectFix() {
    EXPECT_FIX_CLEARS(tlsServer("HTTPS", "      httpsRedirect: true\n      mode: SIMPLE\n      credentialName: c\n"),
                      "MS1313");
  }

  void istioMutualFix() {
    EXPECT_FIX_CLEARS(tlsServer("TLS", "      mode: ISTIO_MUTUAL\n      caCertificates: /ca\n"), "MS1314");
  }

  void passthroughCertificatesFix() {
    EXPECT_FIX_CLEARS(tlsServer("TLS", "      mode: PASSTHROUGH\n      credentialName: cert\n"), "MS1319");
  }
};

QTEST_APPLESS_MAIN(TestAdmissionGateway)
#include "tst_analyzers_admission_gw.moc"

// `meshstudio-cli serve` end to end: Istio's own Bookinfo samples served as Istio would route
// them (for the sample combinations that load together), hot reload when a file changes, and a
// clean stop on SIGTERM. The engine runs as a real process; requests go through real sockets.

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <csignal>
#include <regex>
#include <set>

#include "../engine/LoopbackClient.h"
#include "../model/TestSupport.h"

using namespace meshstudio;
using namespace meshstudio::test;

namespace {

struct Ports {
  std::uint16_t mesh = 0, admin = 0, gateway = 0;
};

/// Starts `serve` on free ports and reads the bound ports from its stderr banner.
class ServeProcess {
 public:
  explicit ServeProcess(const QStringList& paths) {
    QStringList arguments{QStringLiteral("serve"),   QStringLiteral("--listen"),     QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--admin"), QStringLiteral("127.0.0.1:0"),  QStringLiteral("--threads"),
                          QStringLiteral("2"),       QStringLiteral("--access-log"), QStringLiteral("off")};
    for (const char* port : {"80", "8080"})
      arguments << QStringLiteral("--gateway-port") << QString::fromLatin1(port) + QStringLiteral("=0");
    process_.setProgram(QString::fromUtf8(MESHSTUDIO_CLI));
    process_.setArguments(arguments + paths);
    process_.start();
  }
  ~ServeProcess() {
    if (process_.state() != QProcess::NotRunning) {
      process_.kill();
      process_.waitForFinished();
    }
  }

  /// Waits for the banner; false when the process died or never printed it.
  bool waitUntilServing() {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 20000) {
      process_.waitForReadyRead(200);
      stderr_ += process_.readAllStandardError().toStdString();
      std::smatch found;
      if (std::regex_search(stderr_, found, std::regex("admin +[0-9.]+:([0-9]+)"))) {
        std::regex_search(stderr_, found, std::regex("mesh listener +[0-9.]+:([0-9]+)"));
        ports.mesh = static_cast<std::uint16_t>(std::stoi(found[1]));
        std::regex_search(stderr_, found, std::regex("admin +[0-9.]+:([0-9]+)"));
        ports.admin = static_cast<std::uint16_t>(std::stoi(found[1]));
        if (std::regex_search(stderr_, found, std::regex("gateway port [0-9]+ [0-9.]+:([0-9]+)")))
          ports.gateway = static_cast<std::uint16_t>(std::stoi(found[1]));
        return true;
      }
      if (process_.state() == QProcess::NotRunning) return false;
    }
    return false;
  }

  /// Waits until stderr contains `text`.
  bool waitForStderr(const std::string& text, int milliseconds = 10000) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < milliseconds) {
      if (stderr_.find(text) != std::string::npos) return true;
      process_.waitForReadyRead(100);
      stderr_ += process_.readAllStandardError().toStdString();
    }
    return stderr_.find(text) != std::string::npos;
  }

  const std::string& errorOutput() const { return stderr_; }
  QProcess& process() { return process_; }
  Ports ports;

 private:
  QProcess process_;
  std::string stderr_;
};

std::string versionOf(const engine::Response& response) {
  return nlohmann::json::parse(response.body())["labels"]["version"].get<std::string>();
}

QStringList bookinfoWith(const QStringList& samples) {
  const QString dir = q(samplesDir().string()) + QLatin1Char('/');
  QStringList paths{dir + QStringLiteral("platform/bookinfo.yaml"), dir + QStringLiteral("destination-rule-all.yaml"),
                    dir + QStringLiteral("bookinfo-gateway.yaml")};
  for (const QString& sample : samples) paths << dir + sample;
  return paths;
}

}  // namespace

class ServeTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void bookinfoRoutesAsIstioDoes_data() {
    QTest::addColumn<QStringList>("samples");
    QTest::addColumn<QString>("jason");   // reviews version for `end-user: jason`
    QTest::addColumn<QString>("others");  // reviews versions for everyone else, `|`-separated
    QTest::newRow("no VirtualService: every version") << QStringList{} << "v1|v2|v3"
                                                      << "v1|v2|v3";
    QTest::newRow("virtual-service-all-v1") << QStringList{QStringLiteral("virtual-service-all-v1.yaml")} << "v1"
                                            << "v1";
    QTest::newRow("virtual-service-reviews-test-v2")
        << QStringList{QStringLiteral("virtual-service-reviews-test-v2.yaml")} << "v2"
        << "v1";
    QTest::newRow("virtual-service-reviews-jason-v2-v3")
        << QStringList{QStringLiteral("virtual-service-reviews-jason-v2-v3.yaml")} << "v2"
        << "v3";
    QTest::newRow("virtual-service-reviews-v3")
        << QStringList{QStringLiteral("virtual-service-reviews-v3.yaml")} << "v3"
        << "v3";
    QTest::newRow("virtual-service-reviews-50-v3")
        << QStringList{QStringLiteral("virtual-service-reviews-50-v3.yaml")} << "v1|v3"
        << "v1|v3";
    QTest::newRow("virtual-service-reviews-v2-v3")
        << QStringList{QStringLiteral("virtual-service-reviews-v2-v3.yaml")} << "v2|v3"
        << "v2|v3";
  }
  void bookinfoRoutesAsIstioDoes() {
    MESHSTUDIO_REQUIRE_SHARED();
    QFETCH(QStringList, samples);
    QFETCH(QString, jason);
    QFETCH(QString, others);
    ServeProcess serve(bookinfoWith(samples));
    QVERIFY2(serve.waitUntilServing(), serve.errorOutput().c_str());
    LoopbackClient client(serve.ports.mesh);
    auto collect = [&](const engine::HeaderList& headers) {
      std::set<QString> seen;
      for (int i = 0; i < 200; ++i) {
        auto response = client.get("reviews:9080", "/reviews/0", headers);
        if (!response || response->result_int() != 200) return std::set<QString>{QStringLiteral("error")};
        seen.insert(q(versionOf(*response)));
      }
      return seen;
    };
    auto expected = [](const QString& list) {
      std::set<QString> out;
      for (const QString& version : list.split(QLatin1Char('|'))) out.insert(version);
      return out;
    };
    QCOMPARE(collect({{"end-user", "jason"}}), expected(jason));
    QCOMPARE(collect({}), expected(others));
  }

  void bookinfoGatewayServesTheProductPage() {
    MESHSTUDIO_REQUIRE_SHARED();
    ServeProcess serve(bookinfoWith({}));
    QVERIFY2(serve.waitUntilServing(), serve.errorOutput().c_str());
    QVERIFY2(serve.ports.gateway != 0, serve.errorOutput().c_str());
    LoopbackClient gateway(serve.ports.gateway);
    for (const char* path : {"/productpage", "/static/app.css", "/login", "/api/v1/products/1"}) {
      auto response = gateway.get("bookinfo.example", path);
      QVERIFY(response);
      QCOMPARE(response->result_int(), 200u);
      QCOMPARE(nlohmann::json::parse(response->body())["deployment"].get<std::string>(), std::string("productpage-v1"));
    }
    QCOMPARE(gateway.get("bookinfo.example", "/admin")->result_int(), 404u);  // NR: no rule matches
  }

  void faultAbortForJason() {
    MESHSTUDIO_REQUIRE_SHARED();
    ServeProcess serve(bookinfoWith({QStringLiteral("virtual-service-ratings-test-abort.yaml")}));
    QVERIFY2(serve.waitUntilServing(), serve.errorOutput().c_str());
    LoopbackClient client(serve.ports.mesh);
    auto aborted = client.get("ratings:9080", "/ratings/0", {{"end-user", "jason"}});
    QCOMPARE(aborted->result_int(), 500u);
    QCOMPARE(aborted->body(), std::string("fault filter abort"));
    QCOMPARE(client.get("ratings:9080", "/ratings/0")->result_int(), 200u);
    LoopbackClient admin(serve.ports.admin);
    const std::string metrics = admin.get("admin", "/stats/prometheus")->body();
    QVERIFY(metrics.find("response_code=\"500\",response_flags=\"FI\"") != std::string::npos);
  }

  void reloadsWhenAFileChangesAndStopsOnSigterm() {
    const auto project = freshTempDir("serve-reload");
    std::filesystem::copy(sourceDir() / "resources" / "samples" / "shop", project,
                          std::filesystem::copy_options::recursive);
    ServeProcess serve({q(project.string())});
    QVERIFY2(serve.waitUntilServing(), serve.errorOutput().c_str());
    LoopbackClient client(serve.ports.mesh);
    // The pod that answered, from the header every answer carries: the shop's v3 is annotated to
    // fail 2% of requests, and a failed answer has no JSON echo.
    auto podFor = [&](const char* user) {
      auto response = client.get("reviews:9080", "/", {{"end-user", user}});
      return response ? std::string(response->at("x-meshstudio-pod")) : std::string("no answer");
    };
    QVERIFY(podFor("jason").starts_with("reviews-v2"));

    // Testers move to v3: edit the file the way an editor would (write a new file, rename over).
    std::string routing = readFile(project / "routing.yaml");
    const auto at = routing.find("subset: v2");
    QVERIFY(at != std::string::npos);
    routing.replace(at, 10, "subset: v3");
    {
      std::ofstream out(project / "routing.yaml.tmp");
      out << routing;
    }
    std::filesystem::rename(project / "routing.yaml.tmp", project / "routing.yaml");
    QVERIFY2(serve.waitForStderr("reloaded: configuration version"), serve.errorOutput().c_str());
    QVERIFY(podFor("jason").starts_with("reviews-v3"));

    ::kill(static_cast<pid_t>(serve.process().processId()), SIGTERM);
    QVERIFY(serve.process().waitForFinished(10000));
    QCOMPARE(serve.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.process().exitCode(), 0);
    std::filesystem::remove_all(project);
  }
};

QTEST_GUILESS_MAIN(ServeTest)
#include "tst_serve.moc"

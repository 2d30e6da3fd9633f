// `meshstudio-cli load` through the real binary: fortio-style text, --json, the embedded engine on
// a project (mesh listener and Gateway port), an external `serve` with --admin, progress lines and
// exit codes.

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>

#include "../model/TestSupport.h"
#include "common/CliRun.h"

using namespace meshstudio::test;

namespace {

using Run = meshstudio::test::CliRun;

Run cli(const QStringList& arguments) { return meshstudio::test::runCli(arguments); }

QString shop() { return q((sourceDir() / "resources" / "samples" / "shop").string()); }

/// Sum of the `Code N : count (p %)` lines, and whether every percentage matches its count.
std::pair<int, bool> codeTable(const QString& text, int total) {
  static const QRegularExpression line(QStringLiteral(R"(^Code (\d+) : (\d+) \((\d+\.\d) %\)$)"),
                                       QRegularExpression::MultilineOption);
  int sum = 0;
  bool percentagesRight = true;
  for (auto it = line.globalMatch(text); it.hasNext();) {
    auto match = it.next();
    const int count = match.captured(2).toInt();
    sum += count;
    percentagesRight &= std::abs(match.captured(3).toDouble() - 100.0 * count / total) < 0.051;
  }
  return {sum, percentagesRight};
}

qint64 sumOf(const QJsonObject& counts) {
  qint64 sum = 0;
  for (const QJsonValue& value : counts) sum += value.toInteger();
  return sum;
}

quint16 closedPort() {
  QTcpServer server;
  server.listen(QHostAddress::LocalHost, 0);
  return server.serverPort();  // closed again when `server` goes
}

}  // namespace

class TestCliLoad : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void projectModePrintsCodesPercentilesAndDestinations() {
    Run run = cli({QStringLiteral("load"), shop(), QStringLiteral("-c"), QStringLiteral("2"), QStringLiteral("-qps"),
                   QStringLiteral("0"), QStringLiteral("-n"), QStringLiteral("20"),
                   QStringLiteral("http://reviews:9080/reviews/1")});
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    auto [sum, percentagesRight] = codeTable(out, 20);
    QVERIFY2(sum == 20 && percentagesRight, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Code 200 : ")), qPrintable(out));
    for (const char* percentile : {"50", "75", "90", "99", "99.9"})
      QVERIFY2(out.contains(QRegularExpression(QStringLiteral("^# target %1% [0-9.]+$").arg(QLatin1String(percentile)),
                                               QRegularExpression::MultilineOption)),
               qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("# range, mid point, percentile, count\n>= ")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("All done 20 calls")), qPrintable(out));
    // The shop's canary: every request went to reviews v1 or v3, counted by the embedded engine.
    static const QRegularExpression destination(
        QStringLiteral(R"(^  cluster outbound\|9080\|v[13]\|reviews\.shop\.svc\.cluster\.local : (\d+) )"),
        QRegularExpression::MultilineOption);
    int counted = 0;
    for (auto it = destination.globalMatch(out); it.hasNext();) counted += it.next().captured(1).toInt();
    QVERIFY2(out.contains(QStringLiteral("Per destination")) && counted == 20, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("workload reviews-v1 : ")), qPrintable(out));
  }

  void jsonCountsAddUpToN() {
    Run run =
        cli({QStringLiteral("load"), shop(), QStringLiteral("--json"), QStringLiteral("-qps"), QStringLiteral("0"),
             QStringLiteral("-n"), QStringLiteral("50"), QStringLiteral("http://reviews:9080/reviews/1")});
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonObject result = QJsonDocument::fromJson(run.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, run.out.constData());
    QCOMPARE(result[QStringLiteral("requests")].toInteger(), 50);
    QCOMPARE(sumOf(result[QStringLiteral("codes")].toObject()) + sumOf(result[QStringLiteral("errors")].toObject()),
             50);
    const QJsonObject percentiles = result[QStringLiteral("latencyMs")][QStringLiteral("percentiles")].toObject();
    double previous = 0;
    for (const char* name : {"p50", "p75", "p90", "p99", "p99.9"}) {
      QVERIFY2(percentiles.contains(QLatin1String(name)), run.out.constData());
      QVERIFY(percentiles[QLatin1String(name)].toDouble() >= previous);
      previous = percentiles[QLatin1String(name)].toDouble();
    }
    const QJsonArray histogram = result[QStringLiteral("histogram")].toArray();
    qint64 inHistogram = 0;
    for (const QJsonValue& row : histogram) inHistogram += row[QStringLiteral("count")].toInteger();
    QCOMPARE(inHistogram, sumOf(result[QStringLiteral("codes")].toObject()));
    QCOMPARE(histogram.last()[QStringLiteral("cumulativePercent")].toDouble(), 100.0);
    const QJsonObject destinations = result[QStringLiteral("destinations")].toObject();
    QCOMPARE(sumOf(destinations[QStringLiteral("clusters")].toObject()), 50);
    QCOMPARE(sumOf(destinations[QStringLiteral("workloads")].toObject()), 50);
    QVERIFY(result[QStringLiteral("actualQps")].toDouble() > 0);
    QVERIFY(result[QStringLiteral("durationSeconds")].toDouble() > 0);
  }

  void gatewayPortOfTheProject() {
    Run run = cli({QStringLiteral("load"), shop(), QStringLiteral("--json"), QStringLiteral("--gateway"),
                   QStringLiteral("80"), QStringLiteral("-n"), QStringLiteral("10"), QStringLiteral("-qps"),
                   QStringLiteral("0"), QStringLiteral("http://shop.example.com/products/1")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result[QStringLiteral("codes")][QStringLiteral("200")].toInteger(), 10);
    QCOMPARE(result[QStringLiteral("destinations")][QStringLiteral("workloads")][QStringLiteral("productpage-v1")]
                 .toInteger(),
             10);
    // A port no Gateway serves is a usage error.
    run = cli({QStringLiteral("load"), shop(), QStringLiteral("--gateway"), QStringLiteral("8443"),
               QStringLiteral("http://shop.example.com/")});
    QCOMPARE(run.exitCode, 2);
  }

  void externalServeWithAdminCounts() {
    QProcess serve;
    serve.start(QStringLiteral(MESHSTUDIO_CLI),
                {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                 QStringLiteral("--admin"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--access-log"),
                 QStringLiteral("off"), QStringLiteral("--gateway-port"), QStringLiteral("80=0"), shop()});
    QString banner;
    static const QRegularExpression admin(QStringLiteral(R"(admin +127\.0\.0\.1:(\d+))"));
    static const QRegularExpression mesh(QStringLiteral(R"(mesh listener +127\.0\.0\.1:(\d+))"));
    QElapsedTimer timer;
    timer.start();
    while (!admin.match(banner).hasMatch() && timer.elapsed() < 20000 && serve.state() != QProcess::NotRunning) {
      serve.waitForReadyRead(200);
      banner += QString::fromUtf8(serve.readAllStandardError());
    }
    QVERIFY2(admin.match(banner).hasMatch(), qPrintable(banner));
    const QString adminPort = admin.match(banner).captured(1), meshPort = mesh.match(banner).captured(1);
    Run run =
        cli({QStringLiteral("load"), QStringLiteral("--json"), QStringLiteral("-qps"), QStringLiteral("0"),
             QStringLiteral("-n"), QStringLiteral("30"), QStringLiteral("-H"), QStringLiteral("Host: reviews:9080"),
             QStringLiteral("--admin"), QStringLiteral("127.0.0.1:") + adminPort,
             QStringLiteral("http://127.0.0.1:") + meshPort + QStringLiteral("/reviews/1")});
    serve.terminate();
    serve.waitForFinished(5000);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(result[QStringLiteral("requests")].toInteger(), 30);
    const QJsonObject destinations = result[QStringLiteral("destinations")].toObject();
    QVERIFY2(!destinations.contains(QStringLiteral("error")), run.out.constData());
    QCOMPARE(sumOf(destinations[QStringLiteral("workloads")].toObject()), 30);
    QVERIFY(destinations[QStringLiteral("workloads")].toObject().contains(QStringLiteral("reviews-v1")));
  }

  void progressLinesOnStderrUnlessQuiet() {
    const QStringList arguments{QStringLiteral("load"),
                                shop(),
                                QStringLiteral("-qps"),
                                QStringLiteral("50"),
                                QStringLiteral("-t"),
                                QStringLiteral("2500ms"),
                                QStringLiteral("http://ratings:9080/")};
    Run run = cli(arguments);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.count("progress: ") >= 2, run.err.constData());
    QVERIFY2(run.err.contains(" of 2.5 s"), run.err.constData());
    QVERIFY(!run.out.contains("progress: "));
    run = cli(QStringList(arguments) << QStringLiteral("--quiet"));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(!run.err.contains("progress: "), run.err.constData());
    // 2.5 s at 50 qps: 125 slots.
    QVERIFY2(run.out.contains("Ended after 2.") && run.out.contains(" : 125 calls."), run.out.constData());
  }

  void exitCodes() {
    Run refused = cli({QStringLiteral("load"), QStringLiteral("-n"), QStringLiteral("3"),
                       QStringLiteral("http://127.0.0.1:%1/").arg(closedPort())});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.out.contains("Error connect : 3 (100.0 %)"), refused.out.constData());
    QVERIFY2(refused.err.contains("no connection"), refused.err.constData());
    const QList<QStringList> badUsage = {
        {QStringLiteral("load")},
        {QStringLiteral("load"), QStringLiteral("-c"), QStringLiteral("0"), QStringLiteral("http://a/")},
        {QStringLiteral("load"), QStringLiteral("-n"), QStringLiteral("5"), QStringLiteral("-t"), QStringLiteral("1s"),
         QStringLiteral("http://a/")},
        {QStringLiteral("load"), QStringLiteral("-t"), QStringLiteral("soon"), QStringLiteral("http://a/")},
        {QStringLiteral("load"), QStringLiteral("https://a/")},
        {QStringLiteral("load"), QStringLiteral("--gateway"), QStringLiteral("80"), QStringLiteral("http://a/")},
        {QStringLiteral("load"), QStringLiteral("/no/such/project"), QStringLiteral("http://a/")},
    };
    for (const QStringList& arguments : badUsage) {
      Run run = cli(arguments);
      QVERIFY2(run.exitCode == 2,
               qPrintable(arguments.join(QLatin1Char(' ')) + QStringLiteral(": ") + QString::number(run.exitCode) +
                          QLatin1Char(' ') + QString::fromUtf8(run.err)));
    }
    Run help = cli({QStringLiteral("--help")});
    QVERIFY(help.out.contains("load [-c N] [-qps RATE]"));
  }
};

QTEST_GUILESS_MAIN(TestCliLoad)
#include "tst_cliload.moc"

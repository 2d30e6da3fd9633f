// meshstudio-cli as CI scripts use it: through the real binary, its output and exit codes.

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include "../model/TestSupport.h"
#include "common/CliRun.h"

using namespace meshstudio::test;

namespace {

using Run = meshstudio::test::CliRun;

Run cli(const QStringList& arguments) { return meshstudio::test::runCli(arguments); }

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content) {
  QString path = dir.filePath(name);
  QFile file(path);
  file.open(QIODevice::WriteOnly);
  file.write(content);
  return path;
}

/// (code, resource, path) of every finding `validate` reports for `path`, sorted.
QStringList findingKeys(const QString& path) {
  Run run = cli({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"), path});
  QStringList keys;
  for (const QJsonValue& value : QJsonDocument::fromJson(run.out).array()) {
    QJsonObject d = value.toObject();
    keys << d[QStringLiteral("code")].toString() + QLatin1Char(' ') + d[QStringLiteral("resource")].toString() +
                QLatin1Char(' ') + d[QStringLiteral("path")].toString();
  }
  keys.sort();
  return keys;
}

QByteArray readAll(const QString& path) {
  QFile file(path);
  file.open(QIODevice::ReadOnly);
  return file.readAll();
}

}  // namespace

class TestCli : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void validateTheBundledSampleExitsZero() {
    Run run = cli({QStringLiteral("validate"), q((sourceDir() / "resources" / "samples" / "shop").string())});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("0 errors, 0 warnings"), run.out.constData());
  }

  void validateReportsErrorsAsJson() {
    QTemporaryDir dir;
    QString path = writeFile(dir, QStringLiteral("bad.yaml"),
                             "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\n"
                             "  namespace: shop\nspec:\n  hosts: [r]\n  http:\n  - timeout: 0.5ms\n    route:\n"
                             "    - destination: {host: r}\n      bogus: 1\n");
    Run run = cli({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("json"), path});
    QCOMPARE(run.exitCode, 1);
    QJsonParseError error;
    QJsonArray list = QJsonDocument::fromJson(run.out, &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(list.size() >= 2);
    bool sawTimeout = false;
    bool sawUnknown = false;
    for (const QJsonValue& item : list) {
      QJsonObject d = item.toObject();
      for (const char* key : {"severity", "code", "message", "resource", "path", "file", "line", "column"})
        QVERIFY2(d.contains(QLatin1String(key)), key);
      QCOMPARE(d[QStringLiteral("resource")].toString(), QStringLiteral("VirtualService shop/r"));
      if (d[QStringLiteral("path")].toString() == QStringLiteral("spec.http[0].timeout")) {
        sawTimeout = true;
        QCOMPARE(d[QStringLiteral("severity")].toString(), QStringLiteral("error"));
        QCOMPARE(d[QStringLiteral("line")].toInt(), 9);
        QCOMPARE(d[QStringLiteral("column")].toInt(), 5);
      }
      if (d[QStringLiteral("path")].toString() == QStringLiteral("spec.http[0].route[0].bogus")) {
        sawUnknown = true;
        QCOMPARE(d[QStringLiteral("severity")].toString(), QStringLiteral("warning"));
        QCOMPARE(d[QStringLiteral("code")].toString(), QStringLiteral("MS0101"));
      }
    }
    QVERIFY(sawTimeout);
    QVERIFY(sawUnknown);
  }

  void warningsAloneExitZero() {
    QTemporaryDir dir;
    QString path = writeFile(dir, QStringLiteral("warn.yaml"),
                             "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r}\n"
                             "spec: {host: r, futureField: 1}\n");
    Run run = cli({QStringLiteral("validate"), path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("warn.yaml:4:"), run.out.constData());
    QVERIFY(run.out.contains("1 warning"));
  }

  void failOnWarning() {
    QTemporaryDir dir;
    QString path = writeFile(dir, QStringLiteral("warn.yaml"),
                             "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r}\n"
                             "spec: {host: r, futureField: 1}\n");
    QCOMPARE(cli({QStringLiteral("validate"), QStringLiteral("--fail-on"), QStringLiteral("warning"), path}).exitCode,
             1);
    QCOMPARE(cli({QStringLiteral("validate"), QStringLiteral("--fail-on=error"), path}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("validate"), QStringLiteral("--fail-on"), QStringLiteral("info"), path}).exitCode, 2);
  }

  void sarifPlacesFindingsOnTheManifestLine() {
    QTemporaryDir dir;
    QString path = writeFile(dir, QStringLiteral("bad.yaml"),
                             "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: r}\n"
                             "spec:\n  hosts: [r]\n  http:\n  - timeout: 0.5ms\n    route:\n"
                             "    - destination: {host: r}\n");
    Run run = cli({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("sarif"), path});
    QCOMPARE(run.exitCode, 1);
    QJsonObject log = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(log[QStringLiteral("version")].toString(), QStringLiteral("2.1.0"));
    QJsonObject sarifRun = log[QStringLiteral("runs")].toArray().at(0).toObject();
    QCOMPARE(sarifRun[QStringLiteral("tool")]
                 .toObject()[QStringLiteral("driver")]
                 .toObject()[QStringLiteral("name")]
                 .toString(),
             QStringLiteral("meshstudio"));
    bool found = false;
    for (const QJsonValue& value : sarifRun[QStringLiteral("results")].toArray()) {
      QJsonObject result = value.toObject();
      if (result[QStringLiteral("ruleId")].toString() != QStringLiteral("IST0106")) continue;
      found = true;
      QCOMPARE(result[QStringLiteral("level")].toString(), QStringLiteral("error"));
      QJsonObject physical =
          result[QStringLiteral("locations")].toArray().at(0).toObject()[QStringLiteral("physicalLocation")].toObject();
      QCOMPARE(physical[QStringLiteral("artifactLocation")].toObject()[QStringLiteral("uri")].toString(), path);
      QCOMPARE(physical[QStringLiteral("region")].toObject()[QStringLiteral("startLine")].toInt(), 7);
    }
    QVERIFY2(found, run.out.constData());
  }

  void unreadableInputAndBadUsageExitTwo() {
    QCOMPARE(cli({QStringLiteral("validate"), QStringLiteral("/no/such/path.yaml")}).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("validate")}).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("validate"), QStringLiteral("--format"), QStringLiteral("xml"), QStringLiteral(".")})
                 .exitCode,
             2);
    QCOMPARE(cli({QStringLiteral("frobnicate")}).exitCode, 2);
    QCOMPARE(cli({}).exitCode, 2);
    QTemporaryDir dir;
    QString binary = writeFile(dir, QStringLiteral("blob.yaml"), QByteArray("\x00\x01\x02garbage", 10));
    Run run = cli({QStringLiteral("validate"), binary});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.contains("blob.yaml:1:1"));
  }

  void exportIsDeterministicInBothLayouts() {
    MESHSTUDIO_REQUIRE_SHARED();
    QTemporaryDir first;
    QTemporaryDir second;
    QString samples = q(samplesDir().string());
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--out"), first.path(), samples}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--out=") + second.path(), samples}).exitCode, 0);
    QByteArray single = readAll(first.filePath(QStringLiteral("manifests.yaml")));
    QVERIFY(single.size() > 1000);
    QCOMPARE(readAll(second.filePath(QStringLiteral("manifests.yaml"))), single);

    QTemporaryDir split;
    Run run = cli({QStringLiteral("export"), QStringLiteral("--out"), split.path(), QStringLiteral("--layout"),
                   QStringLiteral("split"), samples});
    QCOMPARE(run.exitCode, 0);
    QByteArray kustomization = readAll(split.filePath(QStringLiteral("kustomization.yaml")));
    QVERIFY(kustomization.startsWith("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"));
    QVERIFY(kustomization.contains("default/virtualservice-reviews.yaml"));
    QVERIFY(QFile::exists(split.filePath(QStringLiteral("istio-system/gateway-cert-manager-gateway.yaml"))));
    // The exported tree has exactly the findings of the original: export changes no meaning.
    QCOMPARE(findingKeys(split.path()), findingKeys(samples));
  }

  void exportRefusesBrokenInputAndWritesNothing() {
    QTemporaryDir dir;
    QString path = writeFile(dir, QStringLiteral("broken.yaml"), "apiVersion: v1\nkind: Service\nmetadata: [\n");
    QString out = dir.filePath(QStringLiteral("out"));
    Run run = cli({QStringLiteral("export"), QStringLiteral("--out"), out, path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("broken.yaml:"), run.err.constData());
    QVERIFY(!QFile::exists(out));
  }

  void routeExplainsOneRequest() {
    const QString shop = QStringLiteral(MESHSTUDIO_SOURCE_DIR "/resources/samples/shop");
    Run jason = cli({QStringLiteral("route"), QStringLiteral("-H"), QStringLiteral("end-user: jason"),
                     QStringLiteral("http://reviews:9080/reviews/1"), shop});
    QCOMPARE(jason.exitCode, 0);
    QVERIFY2(jason.out.contains("testers: matched"), jason.out.constData());
    QVERIFY(jason.out.contains("routing.yaml:43"));
    QVERIFY(jason.out.contains("outcome: forward to outbound|9080|v2|reviews.shop.svc.cluster.local"));
    // The storefront is reached through the Gateway listener, chosen from the host.
    Run storefront = cli({QStringLiteral("route"), QStringLiteral("--method"), QStringLiteral("POST"),
                          QStringLiteral("http://shop.example.com/api/v1/cart"), shop});
    QCOMPARE(storefront.exitCode, 0);
    QVERIFY2(storefront.out.contains("listener: gateway:80: POST shop.example.com/api/v1/cart"),
             storefront.out.constData());
    Run nowhere = cli({QStringLiteral("route"), QStringLiteral("http://shop.example.com/admin"), shop});
    QCOMPARE(nowhere.exitCode, 1);
    QVERIFY(nowhere.out.contains("404 NR"));
    QCOMPARE(cli({QStringLiteral("route"), QStringLiteral("-H"), QStringLiteral("no-colon"),
                  QStringLiteral("http://reviews/"), shop})
                 .exitCode,
             2);
  }

  void testRunsIstioConfigValidatorFiles() {
    const QString shop = QStringLiteral(MESHSTUDIO_SOURCE_DIR "/resources/samples/shop");
    QTemporaryDir dir;
    const QString passing = writeFile(dir, QStringLiteral("reviews_test.yaml"), R"(testCases:
  - description: testers get v2
    wantMatch: true
    request:
      authority: [reviews, reviews.shop.svc.cluster.local]
      method: [GET, POST]
      uri: [/reviews/1]
      headers: {end-user: jason}
    route:
    - destination: {host: reviews, subset: v2}
  - description: the storefront is never served by reviews
    wantMatch: false
    request: {authority: [shop.example.com], method: [GET], uri: [/products]}
    route:
    - destination: {host: reviews, subset: v2}
)");
    Run ok = cli({QStringLiteral("test"), passing, QStringLiteral("--config"), shop});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY2(ok.out.contains("2 test cases, 5 requests: 0 failed"), ok.out.constData());

    const QString wrong = writeFile(dir, QStringLiteral("wrong2_test.yaml"), R"(testCases:
  - description: testers get v3
    wantMatch: true
    request: {authority: [reviews], method: [GET], uri: [/], headers: {end-user: jason}}
    route:
    - destination: {host: reviews, subset: v3}
)");
    Run mismatch = cli({QStringLiteral("test"), wrong, QStringLiteral("--config"), shop});
    QCOMPARE(mismatch.exitCode, 1);
    QVERIFY2(mismatch.out.contains("testers get v3"), mismatch.out.constData());
    QVERIFY(mismatch.out.contains("1 test cases, 1 requests: 1 failed"));
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

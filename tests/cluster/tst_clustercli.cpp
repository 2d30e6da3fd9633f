// Issue 8 and 9 through the built meshstudio-cli, as CI runs it: diff/apply/history/rollback
// against the Kubernetes API test server (KUBECONFIG set for the child process), and canary
// rehearsals, each with the exit code scripts rely on.

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "ClusterTestSupport.h"
#include "common/CliRun.h"

using namespace meshstudio;
using json = nlohmann::json;

namespace {

struct Run {
  int exitCode = -1;
  QString out, err;
};

Run cli(const QStringList& arguments, const QString& kubeconfig = {}) {
  QProcessEnvironment extra;
  if (!kubeconfig.isEmpty()) extra.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
  extra.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
  test::CliRun run = test::runCli(arguments, extra);
  return Run{run.exitCode, QString::fromUtf8(run.out), QString::fromUtf8(run.err)};
}

/// A copy of the shop sample (so history files land in a temporary folder).
QString copyOfShop(const QTemporaryDir& dir) {
  const QDir source(QStringLiteral(MESHSTUDIO_SOURCE_DIR "/resources/samples/shop"));
  const QString target = dir.filePath(QStringLiteral("shop"));
  QDir().mkpath(target);
  for (const QString& name : source.entryList(QDir::Files)) QFile::copy(source.filePath(name), target + u'/' + name);
  return target;
}

void setCanaryErrorRate(const QString& project, const QByteArray& from, const QByteArray& to) {
  QFile file(project + QStringLiteral("/workloads.yaml"));
  QVERIFY(file.open(QIODevice::ReadOnly));
  QByteArray text = file.readAll();
  file.close();
  const QByteArray annotation = "meshstudio.dev/error-rate: \"";
  const QByteArray before = annotation + from;
  QVERIFY(text.contains(before));
  text.replace(before, QByteArray(annotation + to));
  QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
  file.write(text);
}

/// Takes the reviews DestinationRule's outlier detection out of the copied project: five 5xx in a
/// row eject v3's only pod for 30 s, after which the canary gets no requests (503 UH) and the
/// rollout waits for data instead of judging the errors it was given (CI saw a run stuck at 29).
void removeOutlierDetection(const QString& project) {
  QFile file(project + QStringLiteral("/destination-rules.yaml"));
  QVERIFY(file.open(QIODevice::ReadOnly));
  QByteArray text = file.readAll();
  file.close();
  const QByteArray block =
      "    outlierDetection:\n      consecutive5xxErrors: 5\n      interval: 10s\n"
      "      baseEjectionTime: 30s\n";
  QVERIFY(text.count(block) == 1);
  text.replace(block, QByteArray());
  QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
  file.write(text);
}

QString explain(const Run& run) { return QStringLiteral("exit %1\n%2\n%3").arg(run.exitCode).arg(run.out, run.err); }

}  // namespace

class ClusterCliTest : public QObject {
  Q_OBJECT

  test::KubeTestServer server;
  QTemporaryDir dir;
  QString kubeconfig;

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(server.start());
    server.addToken("cli-token", "ci");
    server.addNamespace("shop");
    kubeconfig = QString::fromStdString(
        test::writeFile(dir, "kubeconfig", test::kubeconfigFor(server, "    token: cli-token\n")));
  }

  void issue8_diffApplyHistoryRollbackWithExitCodes() {
    const QString project = copyOfShop(dir);
    Run diff = cli({QStringLiteral("diff"), project}, kubeconfig);
    QVERIFY2(diff.exitCode == 1, qPrintable(explain(diff)));  // differences: nothing is there yet
    QVERIFY(diff.out.contains(QStringLiteral("VirtualService shop/reviews: not in the cluster")));

    Run dry = cli({QStringLiteral("apply"), QStringLiteral("--dry-run"), project}, kubeconfig);
    QVERIFY2(dry.exitCode == 0, qPrintable(explain(dry)));
    QVERIFY(dry.out.contains(QStringLiteral("VirtualService shop/reviews created (dry run)")));
    QVERIFY(server.object("networking.istio.io", "v1", "shop", "virtualservices", "reviews").is_null());

    Run apply = cli({QStringLiteral("apply"), project}, kubeconfig);
    QVERIFY2(apply.exitCode == 0, qPrintable(explain(apply)));
    QVERIFY(apply.out.contains(QStringLiteral("recorded as ")));
    QVERIFY(!server.object("networking.istio.io", "v1", "shop", "virtualservices", "reviews").is_null());

    Run same = cli({QStringLiteral("diff"), project}, kubeconfig);
    QVERIFY2(same.exitCode == 0, qPrintable(explain(same)));
    QVERIFY(same.out.contains(QStringLiteral("VirtualService shop/reviews: unchanged")));

    // kubectl takes the routes; a plain apply is refused (1) and names it; --force takes over.
    json theirs = server.object("networking.istio.io", "v1", "shop", "virtualservices", "reviews");
    theirs["metadata"].erase("managedFields");
    theirs["metadata"].erase("resourceVersion");
    theirs["spec"]["http"][1]["route"][0]["weight"] = 60;
    theirs["spec"]["http"][1]["route"][1]["weight"] = 40;
    QVERIFY(server.apply("kubectl", theirs, true));
    Run changed = cli({QStringLiteral("diff"), project}, kubeconfig);
    QVERIFY2(changed.exitCode == 1, qPrintable(explain(changed)));
    QVERIFY2(changed.out.contains(QStringLiteral("~ spec.http[1].route[0].weight: 60 -> 90")), qPrintable(changed.out));
    Run refused = cli({QStringLiteral("apply"), project}, kubeconfig);
    QVERIFY2(refused.exitCode == 1, qPrintable(explain(refused)));
    QVERIFY2(refused.err.contains(QStringLiteral("owned by \"kubectl\"")), qPrintable(refused.err));
    Run forced = cli({QStringLiteral("apply"), QStringLiteral("--force"), project}, kubeconfig);
    QVERIFY2(forced.exitCode == 0, qPrintable(explain(forced)));

    Run history = cli({QStringLiteral("history"), project});
    QCOMPARE(history.exitCode, 0);
    const QStringList entries = history.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(entries.size(), 3);  // apply, the refused apply, the forced apply
    QVERIFY(entries[1].contains(QStringLiteral("failed")));
    const QString firstApply = entries.last().section(u' ', 0, 0);

    theirs["spec"]["http"][1]["route"][0]["weight"] = 10;
    theirs["spec"]["http"][1]["route"][1]["weight"] = 90;
    QVERIFY(server.apply("kubectl", theirs, true));
    Run rollback =
        cli({QStringLiteral("rollback"), QStringLiteral("--to"), firstApply, QStringLiteral("--force"), project},
            kubeconfig);
    QVERIFY2(rollback.exitCode == 0, qPrintable(explain(rollback)));
    QVERIFY(server.object("networking.istio.io", "v1", "shop", "virtualservices",
                          "reviews")["spec"]["http"][1]["route"][0]["weight"] == json(90));
  }

  void issue8_unreachableClusterAndBadUsageExit2() {
    const QString project = copyOfShop(dir);
    test::KubeTestServer stopped;
    QVERIFY(stopped.start());
    const QString deadConfig = QString::fromStdString(
        test::writeFile(dir, "dead.kubeconfig", test::kubeconfigFor(stopped, "    token: cli-token\n")));
    stopped.stop();
    Run unreachable = cli({QStringLiteral("apply"), project}, deadConfig);
    QVERIFY2(unreachable.exitCode == 2, qPrintable(explain(unreachable)));
    QVERIFY2(unreachable.err.contains(QStringLiteral("Cannot connect to https://127.0.0.1")),
             qPrintable(unreachable.err));
    QVERIFY(!unreachable.err.contains(QStringLiteral("cli-token")));
    Run noContext =
        cli({QStringLiteral("diff"), QStringLiteral("--context"), QStringLiteral("nope"), project}, kubeconfig);
    QVERIFY2(noContext.exitCode == 2, qPrintable(explain(noContext)));
    QVERIFY(noContext.err.contains(QStringLiteral("nope")));
  }

  void issue9_canaryRehearsalExitCodes() {
    const QString project = copyOfShop(dir);
    // The sample's v3 fails 2 % of its requests, which at ~170 canary requests a step leaves a few percent chance of
    // a step without a single 5xx (CI saw one). At 20 % the first step fails the 0.1 % gate in every run...
    setCanaryErrorRate(project, "0.02", "0.2");
    removeOutlierDetection(project);
    const QStringList common = {QStringLiteral("canary"),
                                QStringLiteral("--route"),
                                QStringLiteral("shop/reviews/canary"),
                                QStringLiteral("--stable"),
                                QStringLiteral("v1"),
                                QStringLiteral("--canary"),
                                QStringLiteral("v3"),
                                QStringLiteral("--steps"),
                                QStringLiteral("50,100"),
                                QStringLiteral("--interval"),
                                QStringLiteral("2s"),
                                QStringLiteral("--qps"),
                                QStringLiteral("300"),
                                QStringLiteral("--min-requests"),
                                QStringLiteral("100")};
    Run strict = cli(common + QStringList{QStringLiteral("--max-error-rate"), QStringLiteral("0.001"), project});
    QVERIFY2(strict.exitCode == 1, qPrintable(explain(strict)));
    QVERIFY2(strict.out.contains(QStringLiteral("rollout rolled back: error-rate gate failed at 50 %")),
             qPrintable(strict.out));
    // ...and promoted when the gate allows it (a 50 % gate leaves 20 % failures a wide margin).
    Run lenient = cli(common + QStringList{QStringLiteral("--max-error-rate"), QStringLiteral("0.5"), project});
    QVERIFY2(lenient.exitCode == 0, qPrintable(explain(lenient)));
    QVERIFY(lenient.out.contains(QStringLiteral("rollout promoted")));
    Run history = cli({QStringLiteral("history"), project});
    QVERIFY2(history.out.contains(QStringLiteral("  rollout  rolled back  ")), qPrintable(history.out));
    QVERIFY2(history.out.contains(QStringLiteral("  rollout  promoted  ")), qPrintable(history.out));
    Run bad = cli({QStringLiteral("canary"), QStringLiteral("--route"), QStringLiteral("shop/reviews"), project});
    QVERIFY2(bad.exitCode == 2, qPrintable(explain(bad)));  // no subsets given
  }
};

QTEST_GUILESS_MAIN(ClusterCliTest)
#include "tst_clustercli.moc"

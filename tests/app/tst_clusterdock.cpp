// Issue 8, the GUI: the Cluster dock and the diff view against the Kubernetes
// API test server (TLS with its own CA, a bearer token), through the real
// window, kubeconfig and client. The context connects (Istio's versions shown,
// never the token); Diff shows every Istio resource as new; Apply shows the
// diff and sends nothing until confirmed, then applies and records history; a
// second Diff is unchanged; a conflict names the other manager and force takes
// the fields over; Import adds what only the cluster has as one undo step; a
// rollback brings back an earlier weight. With MESHSTUDIO_UPDATE_SCREENSHOTS=1
// it writes docs/screenshots/ cluster-diff.png and cluster-dock.png.

#include <QtTest/QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBlock>
#include <QTreeWidget>
#include <QUndoStack>

#include <memory>

#include "ProjectWorkflowSupport.h"
#include "app/ClusterDock.h"
#include "app/ClusterWorker.h"
#include "app/Document.h"
#include "app/MainWindow.h"
#include "cluster/ConnectProxy.h"
#include "cluster/KubeTestServer.h"
#include "common/Screenshots.h"
#include "views/ClusterDiffView.h"
#include "views/ClusterPanel.h"

using namespace meshstudio;
using json = nlohmann::json;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 20000;
const QString kReviews = QStringLiteral("VirtualService shop/reviews");
constexpr int kIstioResources = 9;  // the shop sample: 4 VirtualServices, 4 DestinationRules, 1 Gateway
const char* const kToken = "t0k3n-for-the-dock";

using test::screenshotFolder;

/// The canary route's weight `index` (0: v1, 1: v3) of the server's reviews; -1
/// when absent.
int liveWeight(const test::KubeTestServer& server, int index) {
  const json object = server.object("networking.istio.io", "v1", "shop", "virtualservices", "reviews");
  if (object.is_null()) return -1;
  const json& route = object["spec"]["http"][1]["route"];
  return route.size() > std::size_t(index) ? route[std::size_t(index)].value("weight", -1) : -1;
}

/// The shop sample in a temporary folder, the test server with a token and the
/// `shop` namespace, a kubeconfig pointing at it in $KUBECONFIG, and the main
/// window on the project.
struct Studio {
  QTemporaryDir folder;
  QTemporaryDir config;
  test::KubeTestServer server;
  std::unique_ptr<app::MainWindow> window;
  QStringList asked;
  bool ok = false;

  /// `proxyUrl`: the kubeconfig cluster's proxy-url, when not empty.
  explicit Studio(const QString& proxyUrl = {}) {
    test::copyShop(folder.path());
    std::string error;
    if (!server.start(&error)) {
      qWarning("test server: %s", error.c_str());
      return;
    }
    server.addToken(kToken, "platform-team");
    server.addNamespace("shop");
    const QString kubeconfig = config.filePath(QStringLiteral("config"));
    const QByteArray ca = QByteArray::fromStdString(server.caPem()).toBase64();
    test::writeText(kubeconfig,
                    QStringLiteral("apiVersion: v1\n"
                                   "kind: Config\n"
                                   "current-context: kind-shop\n"
                                   "clusters:\n"
                                   "- name: kind\n"
                                   "  cluster:\n"
                                   "    server: %1\n"
                                   "    certificate-authority-data: %2\n"
                                   "%4"
                                   "contexts:\n"
                                   "- name: kind-shop\n"
                                   "  context:\n"
                                   "    cluster: kind\n"
                                   "    user: platform\n"
                                   "    namespace: default\n"
                                   "users:\n"
                                   "- name: platform\n"
                                   "  user:\n"
                                   "    token: %3\n")
                        .arg(QString::fromStdString(server.url()), QString::fromLatin1(ca), QString::fromLatin1(kToken),
                             proxyUrl.isEmpty() ? QString() : u"    proxy-url: "_s + proxyUrl + u'\n'));
    qputenv("KUBECONFIG", QFile::encodeName(kubeconfig));
    window = std::make_unique<app::MainWindow>();
    test::tame(*window, folder.filePath(QStringLiteral("scratch")), asked, QMessageBox::Yes);
    window->resize(1500, 1000);
    ok = window->openProject(folder.path());
    window->show();
    ok = ok && QTest::qWaitForWindowExposed(window.get());
  }

  app::ClusterDock& cluster() const { return *window->cluster(); }
  views::ClusterPanel& panel() const { return *cluster().panel(); }
  views::ClusterDiffView& diff() const { return *cluster().diffView(); }
  app::Document& document() const { return *window->document(); }

  /// Shows the dock (which connects) and waits for the connection.
  bool connect() {
    cluster().dock()->raise();
    return QTest::qWaitFor([this] { return cluster().isConnected() && !cluster().worker()->isBusy(); }, kTimeoutMs);
  }
  bool idle() {
    return QTest::qWaitFor([this] { return !cluster().worker()->isBusy(); }, kTimeoutMs);
  }
  /// Diff; waits for the diff view.
  bool runDiff() {
    panel().diffButton()->click();
    return idle() && cluster().diffDock()->isVisible();
  }
  /// Apply: waits for the question in the diff view.
  bool askToApply() {
    panel().applyButton()->click();
    return idle() && diff().isAskingToConfirm();
  }
  /// Apply, confirmed: waits for the outcome.
  bool applyConfirmed() {
    if (!askToApply() || !diff().confirmButton()->isEnabled()) return false;
    diff().confirmButton()->click();
    return idle();
  }
  /// Sets the canary weights of reviews in the project (one undo step).
  bool setCanary(int v1, int v3) {
    const app::ResourceId id = document().findResource(kReviews.toStdString());
    return document().setFields(id, {{"spec.http[1].route[0].weight", model::Value::integer(v1)},
                                     {"spec.http[1].route[1].weight", model::Value::integer(v3)}});
  }
  int rowOf(const QString& resource) const {
    for (int row = 0; row < diff().rows().size(); ++row)
      if (diff().rows()[row].resource == resource) return row;
    return -1;
  }
  bool anyPatchWithoutDryRun() const {
    for (const test::RequestRecord& record : server.requestLog())
      if (record.method == "PATCH" && record.query.find("dryRun=All") == std::string::npos) return true;
    return false;
  }
  int patches() const {
    int count = 0;
    for (const test::RequestRecord& record : server.requestLog()) count += record.method == "PATCH" ? 1 : 0;
    return count;
  }
};

}  // namespace

class ClusterDockTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void issue8_contextConnectsAndShowsIstio() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY(studio.window->findChild<QDockWidget*>(QStringLiteral("clusterDock")));
    // Nothing is contacted before the dock is shown.
    QCOMPARE(studio.server.requestLog().size(), std::size_t(0));
    QVERIFY(studio.connect());
    QCOMPARE(studio.panel().contextBox()->currentText(), QStringLiteral("kind-shop"));
    const QString status = studio.panel().statusText();
    QVERIFY2(status.contains(QStringLiteral("Istio networking.istio.io")), qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("v1")), qPrintable(status));
    QVERIFY(status.contains(QString::fromStdString(studio.server.url())));
    QVERIFY(status.contains(QStringLiteral("bearer token")));
    QVERIFY(!status.contains(QString::fromLatin1(kToken)));  // never a credential
    QVERIFY(!studio.panel().isInsecureWarningShown());
    // The project's defaultNamespace wins over the context's (default).
    QCOMPARE(studio.panel().namespaceName(), QStringLiteral("shop"));
    QCOMPARE(studio.server.lastUser(), std::string("platform-team"));
  }

  void contextWithProxyUrlConnectsThroughTheProxy() {
    test::ConnectProxy proxy("Basic " + QByteArray("alice:s3cret").toBase64());
    QVERIFY(proxy.listen());
    Studio studio(u"http://alice:s3cret@127.0.0.1:%1"_s.arg(proxy.port()));
    QVERIFY(studio.ok);
    QVERIFY(studio.connect());
    const QString status = studio.panel().statusText();
    QVERIFY2(status.contains(u"Istio networking.istio.io"_s), qPrintable(status));
    QVERIFY2(status.contains(u"through the proxy http://alice:***@127.0.0.1:%1 (proxy-url)"_s.arg(proxy.port())),
             qPrintable(status));
    QVERIFY(!status.contains(u"s3cret"_s));
    QVERIFY(!proxy.tunnels.empty());
    QCOMPARE(proxy.tunnels.back().target, QByteArray::fromStdString(studio.server.url().substr(8)));
  }

  void issue8_diffShowsEveryIstioResourceAsNew() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY(studio.connect());
    QVERIFY(studio.runDiff());
    const QList<views::ResourceDiffRow>& rows = studio.diff().rows();
    QCOMPARE(rows.size(),
             kIstioResources);  // Services and Deployments are not applied
    for (const views::ResourceDiffRow& row : rows) {
      QCOMPARE(row.state, views::ResourceDiffRow::State::New);
      QVERIFY(row.liveYaml.isEmpty());
    }
    QVERIFY(studio.rowOf(kReviews) >= 0);
    QVERIFY(!studio.diff().isAskingToConfirm());  // a diff only shows
    QCOMPARE(studio.patches(), 0);
  }

  void issue8_applyAsksFirstThenAppliesAndRecords() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY(studio.connect());
    studio.server.clearRequestLog();
    QVERIFY(studio.askToApply());
    QCOMPARE(studio.diff().confirmButton()->text(), QStringLiteral("Apply %1 changes").arg(kIstioResources));
    // Shown, not sent: not even a dry run before the user confirms.
    QCOMPARE(studio.patches(), 0);
    QVERIFY(!studio.anyPatchWithoutDryRun());
    QCOMPARE(liveWeight(studio.server, 0), -1);

    studio.diff().confirmButton()->click();
    QVERIFY(studio.idle());
    QCOMPARE(liveWeight(studio.server, 0), 90);
    QCOMPARE(liveWeight(studio.server, 1), 10);
    QCOMPARE(studio.panel().outcomes().size(), kIstioResources);
    for (const views::OutcomeRow& row : studio.panel().outcomes()) QCOMPARE(row.action, QStringLiteral("created"));
    QVERIFY2(studio.panel().message().startsWith(QStringLiteral("Applied")), qPrintable(studio.panel().message()));
    QCOMPARE(studio.panel().history().size(), 1);
    QCOMPARE(studio.panel().history().front().result, QStringLiteral("succeeded"));
    QCOMPARE(studio.panel().history().front().context, QStringLiteral("kind-shop"));
    QVERIFY(QDir(studio.folder.filePath(QStringLiteral(".meshstudio/history"))).entryList(QDir::Files).size() == 1);

    // A second diff: nothing left to change.
    QVERIFY(studio.runDiff());
    QCOMPARE(studio.diff().rows().size(), kIstioResources);
    for (const views::ResourceDiffRow& row : studio.diff().rows())
      QCOMPARE(row.state, views::ResourceDiffRow::State::Unchanged);

    // Cancel sends nothing.
    QVERIFY(studio.setCanary(80, 20));
    studio.server.clearRequestLog();
    QVERIFY(studio.askToApply());
    QCOMPARE(studio.diff().confirmButton()->text(), QStringLiteral("Apply 1 change"));
    studio.diff().cancelButton()->click();
    QVERIFY(studio.idle());
    QCOMPARE(studio.patches(), 0);
    QCOMPARE(liveWeight(studio.server, 0), 90);
  }

  void issue8_conflictNamesTheOwnerAndForceTakesOver() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY(studio.connect());
    QVERIFY(studio.applyConfirmed());
    // Someone moves the canary with kubectl, server-side.
    json reviews = studio.server.object("networking.istio.io", "v1", "shop", "virtualservices", "reviews");
    json change = {{"apiVersion", "networking.istio.io/v1"},
                   {"kind", "VirtualService"},
                   {"metadata", {{"name", "reviews"}, {"namespace", "shop"}}},
                   {"spec", reviews["spec"]}};
    change["spec"]["http"][1]["route"][0]["weight"] = 50;
    change["spec"]["http"][1]["route"][1]["weight"] = 50;
    QVERIFY(studio.server.apply("kubectl", change, true));
    QCOMPARE(liveWeight(studio.server, 0), 50);

    // The diff says what differs; the apply is refused with the owner named.
    studio.server.clearRequestLog();
    QVERIFY(studio.askToApply());
    const int row = studio.rowOf(kReviews);
    QVERIFY(row >= 0);
    QCOMPARE(studio.diff().rows()[row].state, views::ResourceDiffRow::State::Changed);
    QVERIFY(studio.diff().rows()[row].changes.join(QLatin1Char('\n')).contains(QStringLiteral("50")));
    studio.diff().confirmButton()->click();
    QVERIFY(studio.idle());
    QCOMPARE(liveWeight(studio.server, 0), 50);  // nothing changed
    QVERIFY(!studio.anyPatchWithoutDryRun());    // refused at the dry run
    const views::OutcomeRow* failed = nullptr;
    for (const views::OutcomeRow& outcome : studio.panel().outcomes())
      if (outcome.resource == kReviews) failed = &outcome;
    QVERIFY(failed);
    QVERIFY(failed->failed);
    QVERIFY(failed->conflict);
    QVERIFY(!failed->causes.isEmpty());
    bool ownerNamed = false;
    for (const views::FieldCauseRow& cause : failed->causes)
      ownerNamed = ownerNamed || cause.manager == QStringLiteral("kubectl");
    QVERIFY(ownerNamed);
    QVERIFY(studio.panel().forceApplyButton()->isVisible());

    // A double-click on the contested field shows it in the editor.
    QTreeWidget* table = studio.panel().outcomeTable();
    QTreeWidgetItem* failedItem = nullptr;
    for (int i = 0; i < table->topLevelItemCount(); ++i)
      if (table->topLevelItem(i)->text(0) == kReviews) failedItem = table->topLevelItem(i);
    QVERIFY(failedItem && failedItem->childCount() > 0);
    Q_EMIT table->itemDoubleClicked(failedItem->child(0), 0);
    QCOMPARE(studio.window->selectedResource(), studio.document().findResource(kReviews.toStdString()));

    if (qEnvironmentVariableIsSet("MESHSTUDIO_UPDATE_SCREENSHOTS")) {
      studio.cluster().dock()->raise();
      QTest::qWait(100);
      QVERIFY(studio.cluster().dock()->grab().save(screenshotFolder() + QStringLiteral("/cluster-dock.png")));
    }

    // Force, explicitly: the diff again, confirmed, and the fields are the
    // studio's.
    studio.panel().forceApplyButton()->click();
    QVERIFY(studio.idle());
    QVERIFY(studio.diff().isAskingToConfirm());
    studio.diff().confirmButton()->click();
    QVERIFY(studio.idle());
    QCOMPARE(liveWeight(studio.server, 0), 90);
    QCOMPARE(liveWeight(studio.server, 1), 10);
    QVERIFY(!studio.panel().forceApplyButton()->isVisible());
    QVERIFY(!studio.panel().force());  // the box stays off: force was for that one apply
  }

  void issue8_importAddsWhatOnlyTheClusterHasAsOneUndoStep() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY(studio.connect());
    QVERIFY(studio.applyConfirmed());
    studio.server.put(json::parse(R"({"apiVersion": "networking.istio.io/v1", "kind": "VirtualService",
        "metadata": {"name": "only-live", "namespace": "shop"},
        "spec": {"hosts": ["only-live"], "http": [{"route": [{"destination": {"host": "details"}}]}]}})"));
    const int before = studio.document().resourceCount();
    const int steps = studio.document().undoStack()->count();
    studio.panel().importButton()->click();
    QVERIFY(studio.idle());
    QCOMPARE(studio.document().resourceCount(), before + 1);
    QCOMPARE(studio.document().undoStack()->count(), steps + 1);
    const app::ResourceId imported = studio.document().findResource("VirtualService shop/only-live");
    QVERIFY(imported != 0);
    QCOMPARE(studio.document().resource(imported)->source().file, std::string("cluster-kind-shop-shop.yaml"));
    // What the project has already is skipped, and the message says how many.
    QVERIFY2(studio.panel().message().contains(QStringLiteral("skipped %1").arg(kIstioResources)),
             qPrintable(studio.panel().message()));
    // Server fields do not come along.
    const model::Value& manifest = studio.document().resource(imported)->document();
    QVERIFY(!manifest.find("status"));
    QVERIFY(manifest.find("metadata") && !manifest.find("metadata")->find("resourceVersion"));
    studio.document().undoStack()->undo();
    QCOMPARE(studio.document().findResource("VirtualService shop/only-live"), app::ResourceId(0));
    QCOMPARE(studio.document().resourceCount(), before);
  }

  void issue8_rollbackRestoresAnEarlierWeight() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY(studio.connect());
    QVERIFY(studio.applyConfirmed());  // 90/10
    QVERIFY(studio.setCanary(70, 30));
    QTest::qWait(1100);  // history ids come from the time, to the second
    QVERIFY(studio.applyConfirmed());
    QCOMPARE(liveWeight(studio.server, 0), 70);
    QCOMPARE(studio.panel().history().size(), 2);

    // The older entry (newest first), rolled back after the question.
    studio.panel().selectHistoryRow(1);
    QVERIFY(studio.panel().rollbackButton()->isEnabled());
    studio.asked.clear();
    studio.panel().rollbackButton()->click();
    QCOMPARE(studio.asked.size(), 1);
    QVERIFY(studio.asked.front().contains(studio.panel().history()[1].id));
    QVERIFY(studio.idle());
    QCOMPARE(liveWeight(studio.server, 0), 90);
    QCOMPARE(liveWeight(studio.server, 1), 10);
    QCOMPARE(studio.panel().history().size(), 3);
    QCOMPARE(studio.panel().history().front().operation, QStringLiteral("rollback"));
  }

  void issue8_diffScreenshotBeforeAnApply() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY(studio.connect());
    QVERIFY(studio.applyConfirmed());
    QVERIFY(studio.setCanary(70, 30));
    QVERIFY(studio.window->selectResource(kReviews));
    QVERIFY(studio.askToApply());
    const int row = studio.rowOf(kReviews);
    // The first (and only) change is the one shown.
    QCOMPARE(studio.diff().selectedRow(), row);
    QCOMPARE(studio.diff().rows()[row].state, views::ResourceDiffRow::State::Changed);
    // The weights face each other, highlighted, in the two editors.
    QPlainTextEdit* local = studio.diff().localEditor();
    QPlainTextEdit* live = studio.diff().liveEditor();
    QCOMPARE(local->document()->blockCount(), live->document()->blockCount());
    bool facing = false;
    for (int block = 0; block < local->document()->blockCount(); ++block)
      facing =
          facing || (local->document()->findBlockByNumber(block).text().trimmed() == QStringLiteral("weight: 70") &&
                     live->document()->findBlockByNumber(block).text().trimmed() == QStringLiteral("weight: 90"));
    QVERIFY(facing);
    QTest::qWait(100);
    QVERIFY(studio.window->grab().save(screenshotFolder() + QStringLiteral("/cluster-diff.png")));
    studio.diff().cancelButton()->click();
    QCOMPARE(liveWeight(studio.server, 0), 90);
  }
};

QTEST_MAIN(ClusterDockTest)
#include "tst_clusterdock.moc"

// The Cluster dock's panel (issue 8), without a cluster: the connection line (Istio versions, or
// that Istio is missing), the insecure-TLS banner, buttons only while connected and idle, Force
// off by default, outcomes with their field causes (a double-click asks for the field, a
// conflict offers "Apply with force"), and the history's "Roll back to this".

#include <QtTest/QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>

#include "views/ClusterPanel.h"

using namespace meshstudio::views;

namespace {

ClusterStatus connectedStatus() {
  ClusterStatus status;
  status.state = ClusterStatus::State::Connected;
  status.context = QStringLiteral("kind-shop");
  status.server = QStringLiteral("https://127.0.0.1:6443");
  status.authentication = QStringLiteral("bearer token");
  status.istioVersions = {QStringLiteral("v1"), QStringLiteral("v1beta1")};
  status.preferredVersion = QStringLiteral("v1");
  return status;
}

/// Double-clicks `item`'s first column.
void doubleClick(QTreeWidget* tree, QTreeWidgetItem* item) {
  tree->scrollToItem(item);
  const QRect rect = tree->visualItemRect(item);
  QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
  QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
}

}  // namespace

class ClusterPanelTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue8_statusSaysWhatTheClusterServes() {
    ClusterPanel panel;
    // Not connected: nothing can be sent.
    QVERIFY(!panel.applyButton()->isEnabled());
    QVERIFY(!panel.diffButton()->isEnabled());
    QVERIFY(!panel.importButton()->isEnabled());

    panel.setStatus(connectedStatus());
    QVERIFY(panel.statusText().contains(QStringLiteral("kind-shop")));
    QVERIFY(panel.statusText().contains(QStringLiteral("https://127.0.0.1:6443")));
    QVERIFY(panel.statusText().contains(QStringLiteral("bearer token")));
    QVERIFY(panel.statusText().contains(QStringLiteral("v1, v1beta1")));
    QVERIFY(!panel.isInsecureWarningShown());
    QVERIFY(panel.applyButton()->isEnabled());
    QVERIFY(panel.diffButton()->isEnabled());
    QVERIFY(panel.dryRunButton()->isEnabled());
    QVERIFY(panel.importButton()->isEnabled());
    // Force is a deliberate choice, never the default.
    QVERIFY(!panel.force());
    QVERIFY(!panel.prune());

    ClusterStatus bare = connectedStatus();
    bare.istioVersions.clear();
    panel.setStatus(bare);
    QVERIFY(panel.statusText().contains(QStringLiteral("Istio's CRDs are not installed")));

    ClusterStatus insecure = connectedStatus();
    insecure.insecureTls = true;
    panel.setStatus(insecure);
    QVERIFY(panel.isInsecureWarningShown());

    ClusterStatus failed = connectedStatus();
    failed.state = ClusterStatus::State::Failed;
    failed.message = QStringLiteral("The server's certificate is not trusted");
    panel.setStatus(failed);
    QVERIFY(panel.statusText().contains(QStringLiteral("not trusted")));
    QVERIFY(!panel.applyButton()->isEnabled());
  }

  void statusNamesTheProxyTheConnectionGoesThrough() {
    ClusterPanel panel;
    panel.setStatus(connectedStatus());
    QVERIFY(!panel.statusText().contains(QStringLiteral("proxy")));
    ClusterStatus proxied = connectedStatus();
    proxied.proxy = QStringLiteral("http://proxy.corp:3128 (HTTPS_PROXY)");
    panel.setStatus(proxied);
    QVERIFY2(panel.statusText().contains(QStringLiteral("through the proxy http://proxy.corp:3128 (HTTPS_PROXY)")),
             qPrintable(panel.statusText()));
  }

  void issue8_busyDisablesTheButtonsAndShowsProgress() {
    ClusterPanel panel;
    panel.setStatus(connectedStatus());
    panel.setBusy(true, QStringLiteral("Applying"));
    QVERIFY(!panel.applyButton()->isEnabled());
    QVERIFY(!panel.contextBox()->isEnabled());
    panel.setProgress(2, 5, QStringLiteral("Applying VirtualService shop/reviews"));
    QCOMPARE(panel.progressBar()->maximum(), 5);
    QCOMPARE(panel.progressBar()->value(), 2);
    panel.setBusy(false);
    QVERIFY(panel.applyButton()->isEnabled());
    QCOMPARE(panel.progressBar()->value(), 5);  // the counted steps stay as the last report
  }

  void issue8_busyWithoutProgressLeavesNoStaleBar() {
    ClusterPanel panel;
    panel.setBusy(true, QStringLiteral("Talking to the cluster"));
    QCOMPARE(panel.progressBar()->maximum(), 0);  // busy indicator
    panel.setBusy(false);                         // e.g. the connection failed
    QCOMPARE(panel.progressBar()->value(), 0);
    QVERIFY(panel.progressBar()->text().isEmpty());
  }

  void issue8_contextAndNamespaceAreUserIntents() {
    ClusterPanel panel;
    QSignalSpy chosen(&panel, &ClusterPanel::contextChosen);
    panel.setContexts({QStringLiteral("kind-shop"), QStringLiteral("prod")}, QStringLiteral("prod"));
    QCOMPARE(panel.context(), QStringLiteral("prod"));
    QCOMPARE(chosen.count(), 0);  // setting is not choosing
    panel.setNamespaces({QStringLiteral("default"), QStringLiteral("shop")}, QStringLiteral("shop"));
    QCOMPARE(panel.namespaceName(), QStringLiteral("shop"));
    // A namespace the cluster did not list can be typed (listing may be forbidden).
    panel.setNamespaces({}, QStringLiteral("team-a"));
    QCOMPARE(panel.namespaceName(), QStringLiteral("team-a"));
  }

  void issue8_failedOutcomesShowTheirFieldsAndOfferForce() {
    ClusterPanel panel;
    panel.setStatus(connectedStatus());
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy field(&panel, &ClusterPanel::fieldActivated);
    QSignalSpy force(&panel, &ClusterPanel::forceApplyRequested);

    OutcomeRow created{QStringLiteral("Gateway shop/shop-gateway"),
                       QStringLiteral("created"),
                       {},
                       false,
                       false,
                       {},
                       {QStringLiteral("299 - \"spec.servers[0].tls is deprecated\"")}};
    OutcomeRow conflict{
        QStringLiteral("VirtualService shop/reviews"),
        QStringLiteral("failed"),
        QStringLiteral("Conflict: another field manager owns 2 fields."),
        true,
        true,
        {{QStringLiteral("spec.http[1].route[0].weight"), QStringLiteral("conflict"), QStringLiteral("kubectl")},
         {QStringLiteral("spec.http[1].route[1].weight"), QStringLiteral("conflict"), QStringLiteral("kubectl")}},
        {}};
    panel.setOutcomes(QStringLiteral("Apply failed"), {created, conflict});
    QTreeWidget* table = panel.outcomeTable();
    QCOMPARE(table->topLevelItemCount(), 2);
    QTreeWidgetItem* failed = table->topLevelItem(1);
    QCOMPARE(failed->text(1), QStringLiteral("failed"));
    QCOMPARE(failed->childCount(), 2);
    QVERIFY(failed->isExpanded());
    QCOMPARE(failed->child(0)->text(0), QStringLiteral("spec.http[1].route[0].weight"));
    QVERIFY(failed->child(0)->text(2).contains(QStringLiteral("kubectl")));  // who owns it
    // The server's warning is shown under its resource.
    QCOMPARE(table->topLevelItem(0)->childCount(), 1);
    QVERIFY(table->topLevelItem(0)->child(0)->text(2).contains(QStringLiteral("deprecated")));

    doubleClick(table, failed->child(1));
    QCOMPARE(field.count(), 1);
    QCOMPARE(field.at(0).at(0).toString(), QStringLiteral("VirtualService shop/reviews"));
    QCOMPARE(field.at(0).at(1).toString(), QStringLiteral("spec.http[1].route[1].weight"));

    QVERIFY(panel.forceApplyButton()->isVisible());
    QTest::mouseClick(panel.forceApplyButton(), Qt::LeftButton);
    QCOMPARE(force.count(), 1);

    panel.setOutcomes(QStringLiteral("Applied"), {created});
    QVERIFY(!panel.forceApplyButton()->isVisible());
  }

  void issue8_historyRollsBackTheSelectedEntry() {
    ClusterPanel panel;
    panel.setStatus(connectedStatus());
    QSignalSpy rollback(&panel, &ClusterPanel::rollbackRequested);
    panel.setHistory({{QStringLiteral("20261127T150000Z-apply"),
                       QStringLiteral("2026-11-27T15:00:00Z"),
                       QStringLiteral("apply"),
                       QStringLiteral("kind-shop"),
                       QStringLiteral("succeeded"),
                       9,
                       {}},
                      {QStringLiteral("20261127T140000Z-apply"),
                       QStringLiteral("2026-11-27T14:00:00Z"),
                       QStringLiteral("apply"),
                       QStringLiteral("kind-shop"),
                       QStringLiteral("succeeded"),
                       9,
                       {}}});
    QCOMPARE(panel.historyTable()->rowCount(), 2);
    QCOMPARE(panel.historyTable()->item(1, 0)->text(), QStringLiteral("2026-11-27T14:00:00Z"));
    QVERIFY(!panel.rollbackButton()->isEnabled());  // nothing selected yet
    panel.selectHistoryRow(1);
    QVERIFY(panel.rollbackButton()->isEnabled());
    panel.rollbackButton()->click();
    QCOMPARE(rollback.count(), 1);
    QCOMPARE(rollback.at(0).at(0).toString(), QStringLiteral("20261127T140000Z-apply"));
  }
};

QTEST_MAIN(ClusterPanelTest)
#include "tst_clusterpanel.moc"

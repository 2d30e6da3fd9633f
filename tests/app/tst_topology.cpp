// Issue 6: the Topology dock's graph of the shop sample — gateway → VirtualService → destination
// subsets → workloads, with the canary weights on the edges — and its picture.

#include <QtTest/QtTest>

#include <QGraphicsItem>
#include <QImage>
#include <QPainter>

#include <filesystem>

#include "common/Screenshots.h"
#include "model/Project.h"
#include "views/TopologyGraph.h"
#include "views/TopologyView.h"

using namespace meshstudio;

class TopologyTest : public QObject {
  Q_OBJECT

  std::vector<model::Resource> shop() {
    model::Diagnostics diagnostics;
    auto project =
        model::Project::load(std::filesystem::path(MESHSTUDIO_SOURCE_DIR) / "resources/samples/shop", diagnostics);
    return project.resources();
  }

 private Q_SLOTS:
  void issue6_shopSampleGraph() {
    const auto graph = views::TopologyGraph::build(shop(), "shop");
    const QString gateway = QStringLiteral("Gateway shop/shop-gateway");
    const QString productpage = QStringLiteral("VirtualService shop/productpage");
    const QString reviews = QStringLiteral("VirtualService shop/reviews");
    QVERIFY(graph.edge(gateway, productpage));
    QVERIFY(!graph.edge(gateway, reviews));  // reviews is bound to the mesh only
    const auto* v1 = graph.edge(reviews, QStringLiteral("dest reviews.shop|v1"));
    const auto* v3 = graph.edge(reviews, QStringLiteral("dest reviews.shop|v3"));
    QVERIFY(v1 && v3);
    QCOMPARE(v1->label, QStringLiteral("90%"));
    QCOMPARE(v3->label, QStringLiteral("10%"));
    // The testers' rule has a single destination: no weight label.
    QCOMPARE(graph.edge(reviews, QStringLiteral("dest reviews.shop|v2"))->label, QString());
    // Subsets select their workloads by label; nothing else.
    QVERIFY(graph.edge(QStringLiteral("dest reviews.shop|v1"), QStringLiteral("Deployment shop/reviews-v1")));
    QVERIFY(!graph.edge(QStringLiteral("dest reviews.shop|v1"), QStringLiteral("Deployment shop/reviews-v3")));
  }

  void issue6_viewDrawsEveryNode() {
    views::TopologyView view;
    view.resize(1000, 520);
    view.setGraph(views::TopologyGraph::build(shop(), "shop"));
    for (int i = 0; i < view.graph().nodes.size(); ++i) QVERIFY(view.nodeItem(i));
    // Nodes of one column share an x; the columns run left to right.
    const auto& nodes = view.graph().nodes;
    for (int i = 0; i < nodes.size(); ++i)
      for (int j = 0; j < nodes.size(); ++j)
        if (nodes[i].column() < nodes[j].column()) QVERIFY(view.nodeItem(i)->x() < view.nodeItem(j)->x());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitInView(view.sceneRect(), Qt::KeepAspectRatio);
    const QImage image = view.grab().toImage();
    QVERIFY(image.save(test::screenshotFolder() + QStringLiteral("/topology.png")));
  }
};

QTEST_MAIN(TopologyTest)
#include "tst_topology.moc"

// The engine's view of what exists: Services select simulated pods by labels, and Service
// hosts resolve in every form Kubernetes DNS accepts.

#include <QtTest/QtTest>

#include "../model/TestSupport.h"
#include "engine/ServiceDirectory.h"
#include "model/Importer.h"

using namespace meshstudio;
using meshstudio::test::q;

namespace {

const char* kManifests = R"(apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: shop}
spec:
  selector: {app: reviews}
  ports: [{name: http, port: 9080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v1, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: reviews, version: v1}}
  template:
    metadata:
      labels: {app: reviews, version: v1}
      annotations: {meshstudio.dev/latency: 25ms}
    spec: {containers: [{name: app, ports: [{containerPort: 9080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v2, namespace: shop}
spec:
  selector: {matchLabels: {app: reviews, version: v2}}
  template: {metadata: {labels: {app: reviews, version: v2}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-elsewhere, namespace: other}
spec:
  replicas: 3
  template: {metadata: {labels: {app: reviews}}}
---
apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: shop, labels: {app: debug}}
spec: {containers: [{name: c}]}
)";

engine::ServiceDirectory directory() {
  model::ImportResult imported = model::Importer::importText(kManifests, "k8s.yaml");
  return engine::ServiceDirectory::build(imported.resources);
}

}  // namespace

class TestServiceDirectory : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void deploymentsBecomeReplicasOfSimulatedPods() {
    auto dir = directory();
    QStringList names;
    for (const auto& pod : dir.pods()) names << q(pod.name);
    QCOMPARE(names, (QStringList{QStringLiteral("reviews-v1-0"), QStringLiteral("reviews-v1-1"),
                                 QStringLiteral("reviews-v2-0"), QStringLiteral("reviews-elsewhere-0"),
                                 QStringLiteral("reviews-elsewhere-1"), QStringLiteral("reviews-elsewhere-2"),
                                 QStringLiteral("debug")}));
    QCOMPARE(q(*dir.pods()[0].annotations.find("meshstudio.dev/latency")), QStringLiteral("25ms"));
  }

  void serviceSelectsPodsInItsNamespaceByLabels() {
    auto dir = directory();
    const auto* reviews = dir.resolve("reviews", "shop");
    QVERIFY(reviews);
    QStringList selected;
    for (std::size_t index : reviews->pods) selected << q(dir.pods()[index].name);
    QCOMPARE(selected, (QStringList{QStringLiteral("reviews-v1-0"), QStringLiteral("reviews-v1-1"),
                                    QStringLiteral("reviews-v2-0")}));
  }

  void hostsResolveInEveryForm_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("from");
    QTest::addColumn<bool>("found");
    QTest::newRow("short name, same namespace") << "reviews"
                                                << "shop" << true;
    QTest::newRow("short name, other namespace") << "reviews"
                                                 << "default" << false;
    QTest::newRow("name.namespace") << "reviews.shop"
                                    << "default" << true;
    QTest::newRow("name.namespace.svc") << "reviews.shop.svc"
                                        << "default" << true;
    QTest::newRow("fqdn") << "reviews.shop.svc.cluster.local"
                          << "default" << true;
    QTest::newRow("fqdn with port") << "reviews.shop.svc.cluster.local:9080"
                                    << "default" << true;
    QTest::newRow("short with port") << "reviews:9080"
                                     << "shop" << true;
    QTest::newRow("upper case") << "Reviews.Shop"
                                << "default" << true;
    QTest::newRow("absolute dns name") << "reviews.shop.svc.cluster.local."
                                       << "x" << true;
    QTest::newRow("unknown") << "ratings.shop"
                             << "shop" << false;
  }
  void hostsResolveInEveryForm() {
    QFETCH(QString, host);
    QFETCH(QString, from);
    QFETCH(bool, found);
    auto dir = directory();
    const auto* service = dir.resolve(host.toStdString(), from.toStdString());
    QCOMPARE(service != nullptr, found);
    if (service) QCOMPARE(q(service->fqdn), QStringLiteral("reviews.shop.svc.cluster.local"));
  }
};

QTEST_APPLESS_MAIN(TestServiceDirectory)
#include "tst_servicedirectory.moc"

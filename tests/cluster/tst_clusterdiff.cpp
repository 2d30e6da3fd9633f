// ClusterDiff and ApplyHistory: the Qt-free halves of the cluster workflows, without a server.

#include <QTemporaryDir>
#include <QTest>

#include "app/cluster/ApplyHistory.h"
#include "app/cluster/ClusterDiff.h"
#include "model/YamlReader.h"

using namespace meshstudio;
using cluster::FieldChange;

namespace {

model::Value yaml(const char* text) {
  model::ParseResult parsed = model::YamlReader::parse(text, "test.yaml");
  if (parsed.documents.empty() || !parsed.documents.front().value) qFatal("test YAML does not parse");
  return *parsed.documents.front().value;
}

const FieldChange* changeAt(const std::vector<FieldChange>& changes, const std::string& path) {
  for (const FieldChange& change : changes)
    if (change.path == path) return &change;
  return nullptr;
}

const char* kLocal = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v1}
      weight: 80
    - destination: {host: reviews, subset: v2}
      weight: 20
)";

// What a server returns: its own fields, key order of its own, a field another manager set,
// and one that only meshstudio set earlier and the local copy no longer has.
const char* kLive = R"({"apiVersion":"networking.istio.io/v1","kind":"VirtualService",
"metadata":{"name":"reviews","namespace":"shop","uid":"1d5c","resourceVersion":"17","generation":3,
 "creationTimestamp":"2026-11-27T10:00:00Z",
 "labels":{"team":"payments"},
 "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"},
 "managedFields":[
  {"manager":"meshstudio","operation":"Apply","fieldsType":"FieldsV1",
   "fieldsV1":{"f:spec":{"f:hosts":{},"f:http":{},"f:gateways":{}}}},
  {"manager":"kubectl","operation":"Apply","fieldsType":"FieldsV1",
   "fieldsV1":{"f:metadata":{"f:labels":{"f:team":{}}}}}]},
"spec":{"http":[{"route":[{"destination":{"host":"reviews","subset":"v1"},"weight":90},
                          {"destination":{"subset":"v2","host":"reviews"},"weight":10.0}]}],
        "hosts":["reviews"],"gateways":["shop-gateway"]},
"status":{"observedGeneration":3}})";

}  // namespace

class ClusterDiffTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void serverFieldsAreIgnored() {
    model::Value stripped = cluster::ClusterDiff::withoutServerFields(yaml(kLive));
    QVERIFY(!stripped.find("status"));
    for (const char* key :
         {"uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "annotations"})
      QVERIFY2(!stripped.find("metadata")->find(key), key);
    QVERIFY(stripped.at("metadata.labels.team"));
  }

  void issue8_diffIsFieldByFieldAndToldApartByOwner() {
    std::vector<FieldChange> changes = cluster::ClusterDiff::compare(yaml(kLocal), yaml(kLive), "meshstudio");
    const FieldChange* weight = changeAt(changes, "spec.http[0].route[0].weight");
    QVERIFY(weight);
    QCOMPARE(weight->kind, FieldChange::Kind::Changed);
    QCOMPARE(weight->live->text(), std::string("90"));
    QCOMPARE(weight->local->text(), std::string("80"));
    QCOMPARE(cluster::ClusterDiff::describe(*weight), std::string("~ spec.http[0].route[0].weight: 90 -> 80"));
    // 10.0 against 20: a change; key order inside the destination is not one.
    QCOMPARE(changeAt(changes, "spec.http[0].route[1].weight")->kind, FieldChange::Kind::Changed);
    QVERIFY(!changeAt(changes, "spec.http[0].route[1].destination.host"));
    QVERIFY(!changeAt(changes, "spec.hosts[0]"));
    // gateways: only meshstudio owned it, so an apply without it removes it.
    QCOMPARE(changeAt(changes, "spec.gateways")->kind, FieldChange::Kind::Removed);
    // labels.team: kubectl's, so it stays.
    const FieldChange* label = changeAt(changes, "metadata.labels");
    QVERIFY(label);
    QCOMPARE(label->kind, FieldChange::Kind::KeptLive);
    QCOMPARE(label->owners, std::string("kubectl"));
    QVERIFY(!changeAt(changes, "metadata.resourceVersion"));
    QVERIFY(!changeAt(changes, "status"));
    QVERIFY(!cluster::ClusterDiff::isUnchanged(changes));
  }

  void sameContentIsUnchanged() {
    model::Value live = yaml(kLive);
    model::Value local = cluster::ClusterDiff::withoutServerFields(live);
    local.find("metadata")->erase("labels");  // kept by its owner: not a change
    std::vector<FieldChange> changes = cluster::ClusterDiff::compare(local, live, "meshstudio");
    QVERIFY(cluster::ClusterDiff::isUnchanged(changes));
    QCOMPARE(changes.size(), std::size_t(1));
    QVERIFY(cluster::ClusterDiff::sameValue(yaml("1"), yaml("1.0")));
    QVERIFY(!cluster::ClusterDiff::sameValue(yaml("'1'"), yaml("1")));
  }

  void historyRoundTripsNewestFirst() {
    QTemporaryDir folder;
    cluster::ApplyHistory history(folder.path().toStdString());
    cluster::HistoryEntry first;
    first.time = "2026-11-27T14:00:00Z";
    first.operation = "apply";
    first.context = "dev";
    first.server = "https://127.0.0.1:6443";
    first.result = "succeeded";
    first.resources.push_back({"VirtualService shop/reviews", "networking.istio.io/v1", "created", "5", ""});
    first.manifests.push_back(yaml(kLocal));
    QCOMPARE(history.record(first), std::string());
    cluster::HistoryEntry second = first;
    second.resources.front().action = "configured";
    QCOMPARE(history.record(second), std::string());  // same second: a distinct id
    QVERIFY(second.id != first.id);

    std::vector<cluster::HistoryEntry> entries = history.entries();
    QCOMPARE(entries.size(), std::size_t(2));
    QCOMPARE(entries.front().id, second.id);
    QCOMPARE(entries.back().resources.front().action, std::string("created"));
    QVERIFY(entries.back().applied("VirtualService shop/reviews"));
    QCOMPARE(entries.back().manifests.front(), yaml(kLocal));
    QVERIFY(QFileInfo(folder.filePath(QStringLiteral(".meshstudio/history/20261127T140000Z-apply.yaml"))).isFile());
  }
};

QTEST_GUILESS_MAIN(ClusterDiffTest)
#include "tst_clusterdiff.moc"

// FieldPath's path arithmetic that the studio's editors share: is one path within another, and
// which list item does a path point into (a diagnostic's field → the subset, server, port).
#include <QtTest>

#include "model/FieldPath.h"
#include "model/YamlReader.h"
#include "model/YamlWriter.h"

using meshstudio::model::FieldEdit;
using meshstudio::model::FieldPath;
using meshstudio::model::Value;

class TestFieldPath : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void isWithinComparesStepsNotText() {
    QVERIFY(FieldPath::isWithin("spec.http[1].retries.attempts", "spec.http[1]"));
    QVERIFY(FieldPath::isWithin("spec.http[1]", "spec.http[1]"));
    QVERIFY(
        FieldPath::isWithin("spec.http[0].match[0].headers[end-user].exact", "spec.http[0].match[0].headers.end-user"));
    QVERIFY(!FieldPath::isWithin("spec.http[10].timeout", "spec.http[1]"));  // not a text prefix
    QVERIFY(!FieldPath::isWithin("spec.timeoutx", "spec.timeout"));
    QVERIFY(!FieldPath::isWithin("spec", "spec.http"));
    QVERIFY(!FieldPath::isWithin("spec..x", "spec"));  // does not parse
  }

  void itemIndexNamesTheListItem() {
    QCOMPARE(FieldPath::itemIndex("spec.subsets[3].labels.version", "spec.subsets"), std::optional<std::size_t>(3));
    QCOMPARE(FieldPath::itemIndex("spec.subsets[0]", "spec.subsets"), std::optional<std::size_t>(0));
    QVERIFY(!FieldPath::itemIndex("spec.subsets", "spec.subsets"));          // the list itself
    QVERIFY(!FieldPath::itemIndex("spec.servers[1].port", "spec.subsets"));  // another list
    QVERIFY(!FieldPath::itemIndex("spec.subsets.name", "spec.subsets"));     // a key, not an item
    QCOMPARE(FieldPath::itemIndex("spec.http[2].route[1].weight", "spec.http[2].route"), std::optional<std::size_t>(1));
  }

  void aRemovalThatEmptiesItsBlockRemovesTheBlock() {
    const Value document = *meshstudio::model::YamlReader::parse(
                                "spec:\n  trafficPolicy:\n    loadBalancer:\n      simple: RANDOM\n"
                                "  http:\n  - retries:\n      attempts: 3\n    timeout: 2s\n",
                                "t.yaml")
                                .documents.front()
                                .value;
    auto apply = [&](std::vector<FieldEdit> edits) -> std::string {
      Value result = document;
      for (const FieldEdit& edit : meshstudio::model::withEmptiedParentsRemoved(document, std::move(edits)))
        if (const std::string error = FieldPath::parse(edit.path)->apply(result, edit.value); !error.empty())
          return error;
      return meshstudio::model::YamlWriter::write(result);
    };
    // The last field of loadBalancer, then of trafficPolicy: both go, `spec` stays.
    QCOMPARE(apply({{"spec.trafficPolicy.loadBalancer.simple", std::nullopt}}),
             std::string("spec:\n  http:\n    - retries:\n        attempts: 3\n      timeout: 2s\n"));
    // Up to the route, which stays as an item of its list.
    QCOMPARE(apply({{"spec.http[0].retries.attempts", std::nullopt}, {"spec.http[0].timeout", std::nullopt}}),
             std::string("spec:\n  trafficPolicy:\n    loadBalancer:\n      simple: RANDOM\n  http:\n    - {}\n"));
    // A set is left alone.
    QCOMPARE(
        meshstudio::model::withEmptiedParentsRemoved(document, {{"spec.http[0].timeout", Value::string("1s")}}).size(),
        std::size_t(1));
  }
};

QTEST_MAIN(TestFieldPath)
#include "tst_fieldpath.moc"

// FieldPath's path arithmetic that the studio's editors share: is one path within another, and
// which list item does a path point into (a diagnostic's field → the subset, server, port).
#include <QtTest>

#include "model/FieldPath.h"

using meshstudio::model::FieldPath;

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
};

QTEST_MAIN(TestFieldPath)
#include "tst_fieldpath.moc"

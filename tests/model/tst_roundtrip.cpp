// Issue 2, "must show": every file under ../shared/data/istio/samples goes through import,
// export and import again with nothing lost and nothing changed, and every exported Istio
// document validates against its CRD schema.

#include <QtTest/QtTest>

#include <algorithm>

#include "TestSupport.h"
#include "model/Exporter.h"
#include "model/Importer.h"
#include "model/SchemaCheck.h"

using namespace meshstudio::model;
using namespace meshstudio::test;

namespace {

/// The same Value with map keys sorted at every level: content equality that ignores the
/// (intended) canonical reordering but still compares every scalar's type and text.
Value sortedKeys(const Value& value) {
  Value out = value;
  if (value.isMap()) {
    out.entries().clear();
    for (const Value::Entry& entry : value.entries())
      out.entries().push_back(Value::Entry{entry.key, sortedKeys(entry.value), {}});
    std::sort(out.entries().begin(), out.entries().end(),
              [](const Value::Entry& a, const Value::Entry& b) { return a.key < b.key; });
  } else if (value.isSeq()) {
    out.items().clear();
    for (const Value& item : value.items()) out.items().push_back(sortedKeys(item));
  }
  return out;
}

std::vector<std::filesystem::path> sampleFiles() { return Importer::manifestFilesUnder(samplesDir()); }

}  // namespace

class TestRoundTrip : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { MESHSTUDIO_REQUIRE_SHARED(); }

  void everySample_data() {
    QTest::addColumn<QString>("file");
    for (const auto& file : sampleFiles())
      QTest::newRow(std::filesystem::relative(file, samplesDir()).string().c_str()) << q(file.string());
  }

  void sampleSetIsComplete() { QVERIFY(sampleFiles().size() >= 25); }

  void everySample() {
    QFETCH(QString, file);
    std::string name = file.toStdString();
    ImportResult first = Importer::importText(readFile(name), name);
    QVERIFY2(!hasErrors(first.diagnostics),
             first.diagnostics.empty() ? "" : formatDiagnostic(first.diagnostics.front()).c_str());
    QVERIFY(!first.resources.empty());

    std::string exported = Exporter::render(first.resources, ExportLayout::Single).front().content;
    ImportResult second = Importer::importText(exported, "exported.yaml");
    QVERIFY(!hasErrors(second.diagnostics));
    QCOMPARE(second.resources.size(), first.resources.size());
    for (std::size_t i = 0; i < first.resources.size(); ++i) {
      QCOMPARE(q(second.resources[i].displayName()), q(first.resources[i].displayName()));
      QCOMPARE(q(second.resources[i].apiVersion()), q(first.resources[i].apiVersion()));  // the imported version
      QVERIFY2(sortedKeys(second.resources[i].document()) == sortedKeys(first.resources[i].document()),
               first.resources[i].displayName().c_str());
    }
    // Exporting again gives identical bytes.
    QCOMPARE(q(Exporter::render(second.resources, ExportLayout::Single).front().content), q(exported));

    // What we export, a cluster accepts: no schema errors and no unknown fields.
    Diagnostics schema = SchemaCheck::check(second.resources);
    QVERIFY2(schema.empty(), schema.empty() ? "" : formatDiagnostic(schema.front()).c_str());
  }

  void splitLayoutRoundTripsTheWholeSampleSet() {
    ImportResult all = Importer::importPaths({samplesDir()});
    QVERIFY(!hasErrors(all.diagnostics));
    auto dir = freshTempDir("split");
    QVERIFY(Exporter::write(dir, Exporter::render(all.resources, ExportLayout::Split)).empty());
    QVERIFY(std::filesystem::exists(dir / "kustomization.yaml"));
    QVERIFY(std::filesystem::exists(dir / "default" / "virtualservice-reviews.yaml"));
    ImportResult back = Importer::importPaths({dir});
    QVERIFY(!hasErrors(back.diagnostics));
    // Same-named resources across sample files share a split file; every document is still there.
    QCOMPARE(back.resources.size(), all.resources.size());
    std::filesystem::remove_all(dir);
  }
};

QTEST_APPLESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"

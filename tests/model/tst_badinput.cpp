// Issue 2, "must show": bad input gives a clear error with line:column and never crashes,
// and a broken document neither stops the others nor loses its text.

#include <QtTest/QtTest>

#include "TestSupport.h"
#include "model/Exporter.h"
#include "model/Importer.h"
#include "model/SchemaCheck.h"

using namespace meshstudio::model;
using namespace meshstudio::test;

namespace {

const Diagnostic* findCode(const Diagnostics& diagnostics, const std::string& code) {
  for (const Diagnostic& d : diagnostics)
    if (d.code == code) return &d;
  return nullptr;
}

std::string dump(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += formatDiagnostic(d) + "\n";
  return out;
}

const char* kGoodVs =
    "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: good\nspec:\n"
    "  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews}\n";

}  // namespace

class TestBadInput : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void tabIndentation() {
    ImportResult result = Importer::importText("apiVersion: v1\nkind: Service\nmetadata:\n\tname: x\n", "tabs.yaml");
    const Diagnostic* d = findCode(result.diagnostics, "MS0001");
    QVERIFY2(d, dump(result.diagnostics).c_str());
    QCOMPARE(d->line, 4);
    QCOMPARE(d->column, 1);
    QVERIFY(q(d->message).contains(QStringLiteral("tab")));
    QCOMPARE(q(d->file), QStringLiteral("tabs.yaml"));
  }

  void duplicateKeys() {
    ImportResult result =
        Importer::importText("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  name: b\n", "dup.yaml");
    const Diagnostic* d = findCode(result.diagnostics, "MS0002");
    QVERIFY2(d, dump(result.diagnostics).c_str());
    QCOMPARE(d->line, 5);
    QCOMPARE(d->column, 3);
    QVERIFY(q(d->message).contains(QStringLiteral("duplicate key \"name\" (first defined at line 4)")));
    QCOMPARE(result.resources.size(), std::size_t(1));
    QVERIFY(result.resources[0].isUnparsed());  // kept verbatim, nothing lost
    QVERIFY(q(result.resources[0].rawText()).contains(QStringLiteral("name: b")));
  }

  void wrongTypesPointAtTheField() {
    ImportResult result = Importer::importText(
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\nspec:\n  hosts: [r]\n"
        "  http:\n  - route:\n    - destination: {host: r}\n      weight: ninety\n",
        "types.yaml");
    QVERIFY(!hasErrors(result.diagnostics));
    Diagnostics schema = SchemaCheck::check(result.resources);
    const Diagnostic* d = findCode(schema, "IST0106");
    QVERIFY2(d, dump(schema).c_str());
    QCOMPARE(q(d->path), QStringLiteral("spec.http[0].route[0].weight"));
    QCOMPARE(d->line, 10);
    QCOMPARE(d->column, 7);
    QCOMPARE(q(d->resource), QStringLiteral("VirtualService default/r"));
    QVERIFY(q(d->message).contains(QStringLiteral("integer")));
  }

  void unknownKindIsKeptAndNoted() {
    std::string text = "apiVersion: networking.istio.io/v1\nkind: VirtualSevice\nmetadata: {name: typo}\nspec: {}\n";
    ImportResult result = Importer::importText(text, "kind.yaml");
    const Diagnostic* d = findCode(result.diagnostics, "MS0007");
    QVERIFY2(d, dump(result.diagnostics).c_str());
    QCOMPARE(d->severity, Severity::Warning);
    QCOMPARE(d->line, 1);
    QCOMPARE(result.resources.size(), std::size_t(1));
    QCOMPARE(
        q(Exporter::renderResource(result.resources[0])),
        QStringLiteral("apiVersion: networking.istio.io/v1\nkind: VirtualSevice\nmetadata:\n  name: typo\nspec: {}\n"));
  }

  void emptyFile() {
    for (const char* text : {"", "# only a comment\n", "---\n---\n"}) {
      ImportResult result = Importer::importText(text, "empty.yaml");
      QVERIFY(result.resources.empty());
      const Diagnostic* d = findCode(result.diagnostics, "MS0008");
      QVERIFY2(d, text);
      QCOMPARE(d->severity, Severity::Warning);
    }
  }

  void binaryGarbage() {
    std::string garbage = "apiVersion: v1\nkind: Se";
    for (int i = 0; i < 256; ++i) garbage += static_cast<char>((i * 37) & 0xFF);
    ImportResult result = Importer::importText(garbage, "garbage.bin.yaml");
    const Diagnostic* d = findCode(result.diagnostics, "MS0004");
    QVERIFY2(d, dump(result.diagnostics).c_str());
    QCOMPARE(d->line, 2);
    QCOMPARE(d->column, 9);
    QVERIFY(result.resources.empty());
  }

  void fiftyMegabyteFile() {
    auto dir = freshTempDir("big");
    auto path = dir / "big.yaml";
    {
      std::ofstream out(path, std::ios::binary);
      std::string line = "# padding padding padding padding padding padding padding padding padding\n";
      for (std::size_t written = 0; written < (50u << 20); written += line.size()) out << line;
    }
    ImportResult result = Importer::importPaths({path});
    const Diagnostic* d = findCode(result.diagnostics, "MS0003");
    QVERIFY2(d, dump(result.diagnostics).c_str());
    QCOMPARE(d->line, 1);
    QCOMPARE(d->column, 1);
    QVERIFY(q(d->message).contains(QStringLiteral("50 MiB")));
    std::filesystem::remove_all(dir);
  }

  void thousandLevelsOfNesting_data() {
    QTest::addColumn<bool>("flow");
    QTest::newRow("block maps") << false;
    QTest::newRow("flow sequences") << true;
  }
  void thousandLevelsOfNesting() {
    QFETCH(bool, flow);
    std::string text;
    if (flow) {
      text = "apiVersion: v1\nkind: ConfigMap\ndata: " + std::string(1000, '[') + std::string(1000, ']') + "\n";
    } else {
      text = "apiVersion: v1\nkind: ConfigMap\ndata:\n";
      for (int i = 0; i < 1000; ++i) text += std::string(static_cast<std::size_t>(i + 1), ' ') + "k:\n";
    }
    ImportResult result = Importer::importText(text, "deep.yaml");
    const Diagnostic* d = findCode(result.diagnostics, "MS0005");
    QVERIFY2(d, dump(result.diagnostics).c_str());
    QVERIFY(d->line >= 3);
    QVERIFY(q(d->message).contains(QStringLiteral("nesting")));
    QCOMPARE(result.resources.size(), std::size_t(1));
    QVERIFY(result.resources[0].isUnparsed());
  }

  void brokenDocumentDoesNotStopTheOthers() {
    std::string broken = "apiVersion: v1\nkind: Service\nmetadata: {name: [unclosed\n";
    std::string text = std::string(kGoodVs) + "---\n" + broken + "---\n" + kGoodVs;
    ImportResult result = Importer::importText(text, "mixed.yaml");
    QCOMPARE(result.resources.size(), std::size_t(3));
    QCOMPARE(result.resources[0].kind(), ResourceKind::VirtualService);
    QVERIFY(result.resources[1].isUnparsed());
    QCOMPARE(result.resources[2].kind(), ResourceKind::VirtualService);
    const Diagnostic* d = findCode(result.diagnostics, "MS0001");
    QVERIFY2(d, dump(result.diagnostics).c_str());
    QVERIFY(d->line >= 11 && d->line <= 14);  // inside the second document, in file coordinates
    QCOMPARE(q(Exporter::renderResource(result.resources[1])), q(broken));
    QCOMPARE(result.resources[2].source().firstLine, 15);  // its first content line, after the `---`
  }

  void aliasBombIsRefused() {
    std::string text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    std::string previous = "a";
    for (char name = 'b'; name <= 'j'; ++name) {
      text += std::string("  ") + name + ": &" + name + " [";
      for (int i = 0; i < 10; ++i) text += (i ? ", *" : "*") + previous;
      text += "]\n";
      previous = std::string(1, name);
    }
    ImportResult result = Importer::importText(text, "bomb.yaml");
    QVERIFY2(findCode(result.diagnostics, "MS0003"), dump(result.diagnostics).c_str());
  }

  void notAnObject() {
    ImportResult result = Importer::importText("- just\n- a list\n", "list.yaml");
    QVERIFY(findCode(result.diagnostics, "MS0006"));
    QCOMPARE(result.resources.size(), std::size_t(1));
    QVERIFY(result.resources[0].isUnparsed());
  }

  void kindListIsExpanded() {
    ImportResult result = Importer::importText(
        "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n"
        "- apiVersion: networking.istio.io/v1beta1\n  kind: DestinationRule\n  metadata: {name: b}\n  spec: {host: "
        "a}\n",
        "list.yaml");
    QVERIFY(!hasErrors(result.diagnostics));
    QCOMPARE(result.resources.size(), std::size_t(2));
    QCOMPARE(q(result.resources[1].displayName()), QStringLiteral("DestinationRule default/b"));
    QCOMPARE(q(result.resources[1].version()), QStringLiteral("v1beta1"));
    QCOMPARE(result.resources[1].source().firstLine, 7);
  }
};

QTEST_APPLESS_MAIN(TestBadInput)
#include "tst_badinput.moc"

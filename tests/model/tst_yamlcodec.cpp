// The lossless YAML layer: reading keeps types, text, order and positions; writing is
// deterministic and reads back to the same Values.

#include <QtTest/QtTest>

#include "TestSupport.h"
#include "model/DestinationRule.h"
#include "model/FieldCodec.h"
#include "model/VirtualService.h"
#include "model/YamlReader.h"
#include "model/YamlWriter.h"

using namespace meshstudio::model;
using meshstudio::test::q;

namespace {

Value parseOne(const std::string& text) {
  ParseResult result = YamlReader::parse(text, "test.yaml");
  if (!result.diagnostics.empty()) qWarning("%s", formatDiagnostic(result.diagnostics.front()).c_str());
  if (result.documents.size() != 1 || !result.documents.front().value) return Value();
  return *result.documents.front().value;
}

}  // namespace

class TestYamlCodec : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void coreSchemaTypes_data() {
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<int>("type");
    QTest::newRow("plain int") << "v: 1" << int(Value::Type::Int);
    QTest::newRow("quoted int is a string") << "v: \"1\"" << int(Value::Type::String);
    QTest::newRow("single-quoted") << "v: '80'" << int(Value::Type::String);
    QTest::newRow("hex int") << "v: 0x1F" << int(Value::Type::Int);
    QTest::newRow("float") << "v: 0.5" << int(Value::Type::Float);
    QTest::newRow("bool") << "v: true" << int(Value::Type::Bool);
    QTest::newRow("yes is a string in 1.2") << "v: yes" << int(Value::Type::String);
    QTest::newRow("null") << "v: ~" << int(Value::Type::Null);
    QTest::newRow("empty value is null") << "v:" << int(Value::Type::Null);
    QTest::newRow("duration") << "v: 10s" << int(Value::Type::String);
    QTest::newRow("empty map") << "v: {}" << int(Value::Type::Map);
    QTest::newRow("literal block") << "v: |\n  a\n" << int(Value::Type::String);
    QTest::newRow("explicit str tag") << "v: !!str 5" << int(Value::Type::String);
  }
  void coreSchemaTypes() {
    QFETCH(QString, yaml);
    QFETCH(int, type);
    Value document = parseOne(yaml.toStdString());
    QVERIFY(document.find("v"));
    QCOMPARE(int(document.find("v")->type()), type);
  }

  void keepsOrderTextAndPositions() {
    Value document = parseOne("b: 1\na:\n  z: 0x10\n  y: [1.50, \"2\"]\n");
    QCOMPARE(document.entries().size(), std::size_t(2));
    QCOMPARE(q(document.entries()[0].key), QStringLiteral("b"));
    QCOMPARE(q(document.at("a.z")->text()), QStringLiteral("0x10"));
    QCOMPARE(document.at("a.z")->toInt().value(), std::int64_t(16));
    QCOMPARE(q(document.at("a.y[0]")->text()), QStringLiteral("1.50"));
    QCOMPARE(document.at("a.y[1]")->mark().line, 4);
    QCOMPARE(document.at("a.y[1]")->mark().column, 13);
    QCOMPARE(document.find("a")->entries()[1].keyMark.line, 4);
    QCOMPARE(document.find("a")->entries()[1].keyMark.column, 3);
  }

  void writerQuotesOnlyWhereTheTypeWouldChange() {
    Value document = Value::map();
    document.set("port", Value::string("80"));
    document.set("flag", Value::string("yes"));
    document.set("number", Value::number("0x1F"));
    document.set("plain", Value::string("reviews.shop.svc.cluster.local"));
    document.set("colon", Value::string("a: b"));
    document.set("present", Value::map());
    document.set("empty", Value::string(""));
    std::string text = YamlWriter::write(document);
    QCOMPARE(q(text),
             QStringLiteral("port: \"80\"\nflag: \"yes\"\nnumber: 0x1F\nplain: reviews.shop.svc.cluster.local\n"
                            "colon: \"a: b\"\npresent: {}\nempty: \"\"\n"));
    QCOMPARE(parseOne(text), document);
  }

  void multilineStringsAreExact_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("one trailing newline") << "line one\nline two\n";
    QTest::newRow("no trailing newline") << "line one\nline two";
    QTest::newRow("two trailing newlines") << "a\n\n";
    QTest::newRow("leading space") << " indented\nx\n";
    QTest::newRow("tab and unicode") << "é\tx\ny\n";
  }
  void multilineStringsAreExact() {
    QFETCH(QString, text);
    Value document = Value::map();
    document.set("body", Value::string(text.toStdString()));
    Value back = parseOne(YamlWriter::write(document));
    QCOMPARE(q(back.find("body")->text()), text);
  }

  void codecDecodesKnownFieldsAndKeepsTheRest() {
    Value route = parseOne(
        "timeout: 5s\nfuture: {a: 1}\nroute:\n- destination: {host: reviews, subset: v1}\n  weight: 90\n"
        "retries: {attempts: \"3\"}\nname: default\n");
    auto typed = decodeAs<HTTPRoute>(route);
    QVERIFY(typed);
    QCOMPARE(q(*typed->timeout), QStringLiteral("5s"));
    QCOMPARE(typed->route.size(), std::size_t(1));
    QCOMPARE(*typed->route[0].weight, std::int64_t(90));
    // A quoted "3" is not an integer: it is kept as written, for the schema check to flag.
    QVERIFY(typed->retries);
    QVERIFY(!typed->retries->attempts);
    QCOMPARE(typed->retries->extras.size(), std::size_t(1));
    QCOMPARE(typed->extras.size(), std::size_t(1));
    QCOMPARE(q(typed->extras[0].key), QStringLiteral("future"));

    // Encoding writes the reference order (name, route, timeout, retries), then unknown fields.
    Value encoded = encode(*typed);
    QStringList keys;
    for (const Value::Entry& entry : encoded.entries()) keys << q(entry.key);
    QCOMPARE(keys, (QStringList{QStringLiteral("name"), QStringLiteral("route"), QStringLiteral("timeout"),
                                QStringLiteral("retries"), QStringLiteral("future")}));
    QCOMPARE(q(encoded.at("retries.attempts")->text()), QStringLiteral("3"));
    QVERIFY(encoded.at("retries.attempts")->isString());
  }

  void emptyStringMatchMeansPresent() {
    Value match = parseOne("headers:\n  x-canary: {}\n  end-user: {exact: jason}\n");
    auto typed = decodeAs<HTTPMatchRequest>(match);
    QVERIFY(typed);
    QCOMPARE(typed->headers.size(), std::size_t(2));
    const StringMatch* canary = typed->headers.find("x-canary");
    QVERIFY(canary && !canary->exact && !canary->prefix && !canary->regex);
    QCOMPARE(q(YamlWriter::write(encode(*typed))),
             QStringLiteral("headers:\n  x-canary: {}\n  end-user:\n    exact: jason\n"));
  }

  void percentagesDecodeAnySpellingAndKeepIt_data() {
    QTest::addColumn<QString>("written");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("exported");
    QTest::newRow("integer") << "100" << 100.0 << "100";
    QTest::newRow("fraction") << "0.1" << 0.1 << "0.1";
    QTest::newRow("trailing zero") << "50.0" << 50.0 << "50.0";
    QTest::newRow("tiny") << "0.00001" << 0.00001 << "0.00001";
    QTest::newRow("exponent") << "1e-05" << 0.00001 << "1e-05";
  }
  void percentagesDecodeAnySpellingAndKeepIt() {
    QFETCH(QString, written);
    QFETCH(double, value);
    QFETCH(QString, exported);
    auto typed = decodeAs<Percent>(parseOne("value: " + written.toStdString()));
    QVERIFY(typed && typed->value);
    QCOMPARE(*typed->value, value);
    QVERIFY(typed->extras.empty());
    QCOMPARE(q(encode(*typed).find("value")->text()), exported);
    // Once the value changes, the number is written in its shortest plain form.
    typed->value = *typed->value / 1000;
    QVERIFY(!encode(*typed).find("value")->text().empty());
    QCOMPARE(encode(*typed).find("value")->toDouble().value(), value / 1000);
    typed->value = Number(0.00001);
    QCOMPARE(q(encode(*typed).find("value")->text()), QStringLiteral("0.00001"));
  }

  void writingIsDeterministic() {
    Value rule = parseOne(
        "host: reviews\nsubsets:\n- name: v1\n  labels: {version: v1, app: reviews}\ntrafficPolicy:\n"
        "  outlierDetection: {consecutive5xxErrors: 5, interval: 10s}\n  connectionPool: {tcp: {maxConnections: "
        "10}}\n");
    auto typed = decodeAs<DestinationRuleSpec>(rule);
    QVERIFY(typed);
    std::string first = YamlWriter::write(encode(*typed));
    std::string second = YamlWriter::write(encode(*decodeAs<DestinationRuleSpec>(parseOne(first))));
    QCOMPARE(q(second), q(first));
    // Label order is the user's, not alphabetical.
    QVERIFY(first.find("version: v1") < first.find("app: reviews"));
    // Reference order: host, trafficPolicy (loadBalancer, connectionPool, outlierDetection), subsets.
    QVERIFY(first.find("trafficPolicy") < first.find("subsets"));
    QVERIFY(first.find("connectionPool") < first.find("outlierDetection"));
  }
};

QTEST_APPLESS_MAIN(TestYamlCodec)
#include "tst_yamlcodec.moc"

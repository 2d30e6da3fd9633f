// Tests of SchemaValidator: the embedded Istio CRD schemas, valijson's findings turned into plain messages, the CEL
// rules, unknown fields, and robustness against documents of any shape.

#include <QTest>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "model/CelRules.h"
#include "model/EmbeddedSchemas.h"
#include "model/JsonConversion.h"
#include "model/SchemaValidator.h"
#include "model/SchemaWalker.h"
#include "model/Value.h"

using meshstudio::model::CelRule;
using meshstudio::model::embeddedCrdSchemas;
using meshstudio::model::parseGoDuration;
using meshstudio::model::SchemaFinding;
using meshstudio::model::SchemaTree;
using meshstudio::model::SchemaValidator;
using meshstudio::model::Severity;
using meshstudio::model::Value;
using nlohmann::json;

namespace {

namespace fs = std::filesystem;

const fs::path kSharedDir = MESHSTUDIO_SHARED_DIR;

/// YAML to the JSON the API server would see, through the model's own scalar resolution (the project's YAML
/// reader is not used so that this suite does not depend on it).
Value toValue(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      // yaml-cpp tags quoted scalars "!"; those are strings whatever they look like.
      if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str") return Value::string(node.Scalar());
      return Value::plainScalar(node.Scalar());
    case YAML::NodeType::Sequence: {
      Value seq = Value::seq();
      for (const YAML::Node& item : node) seq.append(toValue(item));
      return seq;
    }
    case YAML::NodeType::Map: {
      Value map = Value::map();
      for (const auto& entry : node) map.set(entry.first.as<std::string>(), toValue(entry.second));
      return map;
    }
    default:
      return Value::null();
  }
}

json fromYaml(const std::string& text) { return meshstudio::model::toJson(toValue(YAML::Load(text))); }

std::vector<SchemaFinding> check(const json& document) {
  return SchemaValidator::builtin().validate(document.value("apiVersion", ""), document.value("kind", ""), document);
}

std::string describe(const std::vector<SchemaFinding>& findings) {
  std::string text;
  for (const SchemaFinding& finding : findings)
    text += "\n  " + std::string(finding.severity == Severity::Error ? "error " : "warning ") + finding.code + " " +
            (finding.path.empty() ? "<root>" : finding.path) + ": " + finding.message;
  return text.empty() ? std::string("\n  (no findings)") : text;
}

/// A finding that says the validator itself failed rather than the document.
bool isInternalFailure(const SchemaFinding& finding) {
  return finding.message.starts_with("schema validation failed") || finding.message.starts_with("cannot check");
}

const std::string kVirtualService = R"(
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: default
spec:
  hosts:
  - reviews
  http:
  - match:
    - uri:
        prefix: /api
    route:
    - destination:
        host: reviews
        subset: v1
        port:
          number: 9080
      weight: 100
    timeout: 10s
    retries:
      attempts: 3
      perTryTimeout: 2s
)";

const std::string kDestinationRule = R"(
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
  subsets:
  - name: v1
    labels:
      version: v1
)";

const std::string kGateway = R"(
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gateway
spec:
  selector:
    istio: ingressgateway
  servers:
  - port:
      number: 443
      name: https
      protocol: HTTPS
    hosts:
    - "*.example.com"
    tls:
      mode: SIMPLE
      credentialName: example-cert
)";

const std::string kServiceEntry = R"(
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: external
spec:
  hosts:
  - api.example.com
  ports:
  - number: 443
    name: https
    protocol: TLS
  resolution: DNS
  location: MESH_EXTERNAL
)";

const std::string kEnvoyFilter = R"(
apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata:
  name: filter
spec:
  workloadSelector:
    labels:
      app: reviews
  configPatches:
  - applyTo: HTTP_FILTER
    match:
      context: SIDECAR_INBOUND
    patch:
      operation: INSERT_BEFORE
      value:
        name: envoy.filters.http.lua
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
          anything: [1, {goes: here}]
)";

/// `text` with the first `from` replaced by `to`; the test data must contain `from`.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  if (at == std::string::npos) qFatal("test data: \"%s\" not found", from.c_str());
  return text.replace(at, from.size(), to);
}

/// Calls `fn` with a pointer to every value of `document`, the document itself included.
void forEachValue(json& document, const std::function<void(json&)>& fn) {
  fn(document);
  if (document.is_object() || document.is_array())
    for (json& child : document) forEachValue(child, fn);
}

}  // namespace

class TestSchemaValidator : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void embeddedSchemasAreTheFiveCrds();
  void knowsIstioKindsAndVersions();
  void everyCrdVersionInSharedDirIsKnown();
  void everyCelRuleIsRecognised();
  void samplesValidateCleanly();
  void validDocumentsHaveNoFindings_data();
  void validDocumentsHaveNoFindings();
  void reportsFindings_data();
  void reportsFindings();
  void unknownKindHasNoFindings();
  void hostileDocumentsNeverFailInternally();
  void concurrentValidationGivesTheSameFindings();
  void goDurations_data();
  void goDurations();
  void celRules_data();
  void celRules();
};

void TestSchemaValidator::embeddedSchemasAreTheFiveCrds() {
  std::vector<std::string_view> texts = embeddedCrdSchemas();
  QCOMPARE(texts.size(), std::size_t(5));
  for (std::string_view text : texts) {
    json crd = json::parse(text.begin(), text.end(), nullptr, false);
    QVERIFY(crd.is_object());
    QCOMPARE(QString::fromStdString(crd.value("group", "")), QStringLiteral("networking.istio.io"));
    QVERIFY(crd["versions"].is_object() && !crd["versions"].empty());
    // .ci/strip-crds.py removes description texts; a property called "description" would have survived.
    QVERIFY(text.find("\"description\":\"") == std::string_view::npos);
  }
}

void TestSchemaValidator::knowsIstioKindsAndVersions() {
  const SchemaValidator& validator = SchemaValidator::builtin();
  QVERIFY(&validator == &SchemaValidator::builtin());
  for (const char* version : {"v1", "v1beta1", "v1alpha3"})
    for (const char* kind : {"VirtualService", "DestinationRule", "Gateway", "ServiceEntry"})
      QVERIFY2(validator.knows(std::string("networking.istio.io/") + version, kind), kind);
  QVERIFY(validator.knows("networking.istio.io/v1alpha3", "EnvoyFilter"));
  QVERIFY(!validator.knows("networking.istio.io/v1", "EnvoyFilter"));
  QVERIFY(!validator.knows("networking.istio.io/v2", "VirtualService"));
  QVERIFY(!validator.knows("security.istio.io/v1", "AuthorizationPolicy"));
  QVERIFY(!validator.knows("networking.istio.io/v1", "virtualservice"));
  QVERIFY(!validator.knows("", ""));
}

void TestSchemaValidator::everyCrdVersionInSharedDirIsKnown() {
  const fs::path crds = kSharedDir / "data/istio/crds";
  if (!fs::is_directory(crds)) QSKIP("the shared reference folder (MESHSTUDIO_SHARED_DIR) has no data/istio/crds");
  int versions = 0;
  for (const fs::directory_entry& file : fs::directory_iterator(crds)) {
    if (file.path().extension() != ".yaml") continue;
    YAML::Node crd = YAML::LoadFile(file.path().string());
    std::string group = crd["spec"]["group"].as<std::string>();
    std::string kind = crd["spec"]["names"]["kind"].as<std::string>();
    for (const YAML::Node& version : crd["spec"]["versions"]) {
      std::string apiVersion = group + "/" + version["name"].as<std::string>();
      QVERIFY2(SchemaValidator::builtin().knows(apiVersion, kind), (apiVersion + " " + kind).c_str());
      // An empty spec checks every version's compiled schema end to end; only required fields may be missing.
      json document = {
          {"apiVersion", apiVersion}, {"kind", kind}, {"metadata", {{"name", "x"}}}, {"spec", json::object()}};
      for (const SchemaFinding& finding : check(document))
        QVERIFY2(finding.message.starts_with("missing required field"), (apiVersion + describe({finding})).c_str());
      ++versions;
    }
  }
  int embedded = 0;
  for (std::string_view text : embeddedCrdSchemas())
    embedded += static_cast<int>(json::parse(text.begin(), text.end())["versions"].size());
  QCOMPARE(versions, embedded);
}

void TestSchemaValidator::everyCelRuleIsRecognised() {
  // When a CRD update brings a rule form CelRules does not know, it is skipped silently; this says so.
  int rules = 0;
  for (std::string_view text : embeddedCrdSchemas()) {
    json crd = json::parse(text.begin(), text.end());
    for (auto& [version, schema] : crd["versions"].items()) {
      SchemaTree tree(schema);
      std::vector<std::string> unrecognised = tree.unrecognisedRules();
      std::string list;
      for (const std::string& rule : unrecognised) list += "\n  " + rule;
      QVERIFY2(unrecognised.empty(), (crd["kind"].get<std::string>() + "/" + version + ":" + list).c_str());
      if (schema.dump().find("x-kubernetes-validations") != std::string::npos) ++rules;
    }
  }
  QVERIFY(rules > 0);
}

void TestSchemaValidator::samplesValidateCleanly() {
  const fs::path samples = kSharedDir / "data/istio/samples";
  if (!fs::is_directory(samples))
    QSKIP("the shared reference folder (MESHSTUDIO_SHARED_DIR) has no data/istio/samples");
  int checked = 0;
  for (const fs::directory_entry& file : fs::recursive_directory_iterator(samples)) {
    if (file.path().extension() != ".yaml" && file.path().extension() != ".yml") continue;
    for (const YAML::Node& node : YAML::LoadAllFromFile(file.path().string())) {
      if (!node.IsMap()) continue;
      json document = meshstudio::model::toJson(toValue(node));
      std::string apiVersion = document.value("apiVersion", "");
      if (!apiVersion.starts_with("networking.istio.io/")) continue;
      QVERIFY2(SchemaValidator::builtin().knows(apiVersion, document.value("kind", "")), apiVersion.c_str());
      std::vector<SchemaFinding> findings = check(document);
      QVERIFY2(findings.empty(), (file.path().string() + describe(findings)).c_str());
      ++checked;
    }
  }
  QVERIFY2(checked >= 10, "expected the Istio samples to hold networking.istio.io documents");
}

void TestSchemaValidator::validDocumentsHaveNoFindings_data() {
  QTest::addColumn<QString>("yaml");
  auto row = [](const char* name, const std::string& yaml) { QTest::newRow(name) << QString::fromStdString(yaml); };
  row("VirtualService", kVirtualService);
  row("DestinationRule", kDestinationRule);
  row("Gateway", kGateway);
  row("ServiceEntry", kServiceEntry);
  row("EnvoyFilter with free-form patch value", kEnvoyFilter);
  row("timeout of exactly 1ms", replaced(kVirtualService, "timeout: 10s", "timeout: 1ms"));
  row("fractional and compound durations", replaced(kVirtualService, "timeout: 10s", "timeout: 1h2m3.5s"));
  row("microseconds", replaced(kVirtualService, "timeout: 10s", "timeout: 1000µs"));
  // The API server prunes null members before validation, nullable or not.
  row("null timeout", replaced(kVirtualService, "timeout: 10s", "timeout: ~"));
  row("empty value", replaced(kVirtualService, "timeout: 10s", "timeout:"));
  // sigs.k8s.io/yaml turns 9080.0 into 9080.
  row("integral float for an integer", replaced(kVirtualService, "number: 9080", "number: 9080.0"));
  row("metadata is not checked",
      replaced(kVirtualService, "namespace: default", "namespace: default\n  whatever: {a: 1}"));
  row("map keys are free", replaced(kDestinationRule, "version: v1", "version: v1\n      app.kubernetes.io/name: x"));
  row("int-or-string as string", kVirtualService +
                                     "status:\n  observedGeneration: \"5\"\n  conditions:\n  - type: Ready\n"
                                     "    lastTransitionTime: 2024-05-01T10:00:00Z\n");
  row("int-or-string as integer", kVirtualService + "status:\n  observedGeneration: 5\n  somethingNew: {x: 1}\n");
  row("base64 bytes", replaced(kVirtualService, "    timeout: 10s",
                               "    timeout: 10s\n    directResponse:\n      status: 200\n      body:\n"
                               "        bytes: aGVsbG8gd29ybGQ="));
}

void TestSchemaValidator::validDocumentsHaveNoFindings() {
  QFETCH(QString, yaml);
  std::vector<SchemaFinding> findings = check(fromYaml(yaml.toStdString()));
  QVERIFY2(findings.empty(), describe(findings).c_str());
}

void TestSchemaValidator::reportsFindings_data() {
  QTest::addColumn<QString>("yaml");
  QTest::addColumn<QString>("code");
  QTest::addColumn<QString>("path");
  QTest::addColumn<QString>("message");  // the exact message, or its beginning when it ends with "..."

  auto row = [](const char* name, const std::string& yaml, const char* code, const char* path, const char* message) {
    QTest::newRow(name) << QString::fromStdString(yaml) << QString::fromUtf8(code) << QString::fromUtf8(path)
                        << QString::fromUtf8(message);
  };
  const std::string vs = kVirtualService;
  const std::string dr = kDestinationRule;
  const std::string se = kServiceEntry;

  row("string for an integer", replaced(vs, "attempts: 3", "attempts: abc"), "IST0106", "spec.http[0].retries.attempts",
      R"(expected integer, got string "abc")");
  row("quoted number for an integer", replaced(vs, "attempts: 3", "attempts: \"3\""), "IST0106",
      "spec.http[0].retries.attempts", R"(expected integer, got string "3")");
  row("scalar for an array", replaced(vs, "hosts:\n  - reviews", "hosts: reviews"), "IST0106", "spec.hosts",
      R"(expected array, got string "reviews")");
  row("array for an object", "apiVersion: networking.istio.io/v1\nkind: VirtualService\nspec: []\n", "IST0106", "spec",
      "expected object, got array");
  row("document is not an object", "[]", "IST0106", "", "expected object, got array");
  row("missing required field", replaced(dr, "  host: reviews\n", ""), "IST0106", "spec",
      R"(missing required field "host")");
  row("missing nested required field",
      replaced(vs,
               "    - destination:\n        host: reviews\n        subset: v1\n        port:\n          number: 9080\n",
               "    - "),
      "IST0106", "spec.http[0].route[0]", R"(missing required field "destination")");
  row("enum violation", replaced(dr, "mode: ISTIO_MUTUAL", "mode: STRICT"), "IST0106", "spec.trafficPolicy.tls.mode",
      R"(unsupported value "STRICT", expected one of: "DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL")");
  row("below minimum", replaced(vs, "number: 9080", "number: -1"), "IST0106",
      "spec.http[0].route[0].destination.port.number", "value -1 is below the minimum of 0");
  row("duration below 1ms", replaced(vs, "timeout: 10s", "timeout: 0.5ms"), "IST0106", "spec.http[0].timeout",
      R"(duration "0.5ms" is below the minimum of 1ms (must be a valid duration greater than 1ms))");
  row("not a duration", replaced(vs, "perTryTimeout: 2s", "perTryTimeout: soon"), "IST0106",
      "spec.http[0].retries.perTryTimeout", R"(expected a duration such as 5s or 250ms, got "soon"...)");
  row("duration without unit", replaced(vs, "timeout: 10s", "timeout: \"10\""), "IST0106", "spec.http[0].timeout",
      R"(expected a duration such as 5s or 250ms, got "10"...)");
  row("unknown field", replaced(vs, "    timeout: 10s", "    timeout: 10s\n    foo: bar"), "MS0101", "spec.http[0].foo",
      R"(unknown field "foo")");
  row("unknown top-level field", replaced(vs, "spec:", "foo: 1\nspec:"), "MS0101", "foo", R"(unknown field "foo")");
  row("misspelt field", replaced(dr, "subsets:", "subset:"), "MS0101", "spec.subset", R"(unknown field "subset")");
  row("int-or-string", vs + "status:\n  observedGeneration: true\n", "IST0106", "status.observedGeneration",
      "expected integer or string, got boolean true");
  row("protobuf oneof", replaced(vs, "prefix: /api", "prefix: /api\n        exact: /api"), "IST0106",
      "spec.http[0].match[0].uri", R"(only one of "exact", "prefix", "regex" may be set, got "exact", "prefix")");
  row("port range rule", replaced(se, "number: 443", "number: 0"), "IST0106", "spec.ports[0].number",
      "value 0 is not between 1 and 65535 (port must be between 1-65535)");
  row("wildcard host rule", replaced(se, "- api.example.com", "- \"*\""), "IST0106", "spec.hosts[0]",
      R"(value must not be "*" (hostname cannot be wildcard))");
  row("at most one of",
      replaced(kGateway, "credentialName: example-cert", "credentialName: example-cert\n      credentialNames: [a, b]"),
      "IST0106", "spec.servers[0].tls",
      R"("credentialName" and "credentialNames" are both set )"
      R"((only one of credentialName or credentialNames can be set))");
  row("label value wildcard under a dotted key",
      replaced(dr, "  host: reviews",
               "  host: reviews\n  workloadSelector:\n    matchLabels:\n      app.kubernetes.io/name: \"re*\""),
      "IST0106", "spec.workloadSelector.matchLabels[app.kubernetes.io/name]",
      R"("re*" must not contain "*" (wildcard not allowed in label value match))");
  row("date-time format", vs + "status:\n  conditions:\n  - lastTransitionTime: yesterday\n", "IST0106",
      "status.conditions[0].lastTransitionTime", R"(expected a date-time such as ...)");
  row("base64 format",
      replaced(vs, "    timeout: 10s",
               "    timeout: 10s\n    directResponse:\n      status: 200\n      body:\n        bytes: \"not base64!\""),
      "IST0106", "spec.http[0].directResponse.body.bytes", R"(expected base64-encoded bytes, got "not base64!")");
}

void TestSchemaValidator::reportsFindings() {
  QFETCH(QString, yaml);
  QFETCH(QString, code);
  QFETCH(QString, path);
  QFETCH(QString, message);
  json document = fromYaml(yaml.toStdString());
  // A document that is not an object names no kind; it is checked as a VirtualService.
  std::vector<SchemaFinding> findings =
      document.is_object() ? check(document)
                           : SchemaValidator::builtin().validate("networking.istio.io/v1", "VirtualService", document);
  // One mistake, one finding: valijson's nested anyOf/oneOf/array errors must not leak through.
  QVERIFY2(findings.size() == 1, describe(findings).c_str());
  const SchemaFinding& finding = findings.front();
  QCOMPARE(QString::fromStdString(finding.code), code);
  QVERIFY(finding.severity == (code == QStringLiteral("MS0101") ? Severity::Warning : Severity::Error));
  QCOMPARE(QString::fromStdString(finding.path), path);
  std::string expected = message.toStdString();
  if (expected.ends_with("...")) {
    expected.resize(expected.size() - 3);
    QVERIFY2(finding.message.starts_with(expected), describe(findings).c_str());
  } else {
    QCOMPARE(QString::fromStdString(finding.message), message);
  }
}

void TestSchemaValidator::unknownKindHasNoFindings() {
  json document = fromYaml(kVirtualService);
  document["spec"]["hosts"] = 42;  // would be an error for a VirtualService
  const SchemaValidator& validator = SchemaValidator::builtin();
  QVERIFY(validator.validate("networking.istio.io/v1", "Foo", document).empty());
  QVERIFY(validator.validate("networking.istio.io/v2", "VirtualService", document).empty());
  QVERIFY(validator.validate("security.istio.io/v1", "AuthorizationPolicy", document).empty());
  QVERIFY(!validator.validate("networking.istio.io/v1", "VirtualService", document).empty());
}

void TestSchemaValidator::hostileDocumentsNeverFailInternally() {
  // Every value of every kind of document replaced by values of every type: valijson throws for some of these when
  // given the chance (format on a non-string, for one); validate() must report the document, never itself.
  const json replacements =
      json::array({nullptr, true, -1, 1.5, 9080.0, "x", "", json::array(), json::object(),
                   json::array({1, "a", nullptr}), json{{"a", 1}, {"b", json::array()}}, 18446744073709551615ULL});
  int runs = 0;
  for (const std::string& yaml : {kVirtualService, kDestinationRule, kGateway, kServiceEntry, kEnvoyFilter}) {
    const json original = fromYaml(yaml);
    std::size_t values = 0;
    json document = original;
    forEachValue(document, [&](json&) { ++values; });
    for (std::size_t i = 0; i < values; ++i) {
      for (const json& replacement : replacements) {
        json mutated = original;
        std::size_t index = 0;
        forEachValue(mutated, [&](json& value) {
          if (index++ == i) value = replacement;
        });
        const std::string apiVersion = original["apiVersion"].get<std::string>();
        const std::string kind = original["kind"].get<std::string>();
        for (const SchemaFinding& finding : SchemaValidator::builtin().validate(apiVersion, kind, mutated))
          QVERIFY2(!isInternalFailure(finding), (mutated.dump() + describe({finding})).c_str());
        ++runs;
      }
    }
  }
  QVERIFY(runs > 1000);
}

void TestSchemaValidator::concurrentValidationGivesTheSameFindings() {
  // SchemaCheck validates resources on several threads against the one builtin() validator.
  std::vector<json> documents;
  for (int i = 0; i < 50; ++i) {
    documents.push_back(fromYaml(replaced(kVirtualService, "timeout: 10s", i % 2 ? "timeout: 0.5ms" : "timeout: 2s")));
    documents.push_back(fromYaml(replaced(kServiceEntry, "number: 443", "number: " + std::to_string(i * 2000))));
    documents.push_back(fromYaml(replaced(kDestinationRule, "mode: ISTIO_MUTUAL", i % 3 ? "mode: SIMPLE" : "x: 1")));
  }
  auto run = [&](std::vector<std::string>& out) {
    for (const json& document : documents) out.push_back(describe(check(document)));
  };
  std::vector<std::string> expected;
  run(expected);
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) threads.emplace_back(run, std::ref(result));
  for (std::thread& thread : threads) thread.join();
  for (const auto& result : results) QVERIFY(result == expected);
}

void TestSchemaValidator::goDurations_data() {
  QTest::addColumn<QString>("text");
  QTest::addColumn<double>("nanoseconds");  // negative: not a duration
  auto row = [](const char* text, double nanoseconds) {
    QTest::newRow(*text ? text : "(empty)") << QString::fromUtf8(text) << nanoseconds;
  };
  row("1ms", 1e6);
  row("1.5s", 1.5e9);
  row("300ms", 3e8);
  row("1h2m", 3720e9);
  row("0.5ms", 5e5);
  row("250us", 2.5e5);
  row("250µs", 2.5e5);
  row("250μs", 2.5e5);
  row("10ns", 10);
  row(".5s", 5e8);
  row("1.s", 1e9);
  row("0", 0);
  row("+2s", 2e9);
  row("", -1);
  row("10", -1);
  row("s", -1);
  row(".s", -1);
  row("1d", -1);
  row("1 s", -1);
  row("1s ", -1);
  row("abc", -1);
  row("99999999999h", -1);
}

void TestSchemaValidator::goDurations() {
  QFETCH(QString, text);
  QFETCH(double, nanoseconds);
  std::optional<double> parsed = parseGoDuration(text.toStdString());
  if (nanoseconds < 0) {
    QVERIFY2(!parsed, text.toUtf8().constData());
  } else {
    QVERIFY2(parsed, text.toUtf8().constData());
    QVERIFY(std::abs(*parsed - nanoseconds) < 1e-3);
  }
  QCOMPARE(parseGoDuration("-1s").value_or(0), -1e9);
}

void TestSchemaValidator::celRules_data() {
  QTest::addColumn<QString>("rule");
  QTest::addColumn<QString>("self");  // JSON
  QTest::addColumn<bool>("fails");

  auto row = [](const char* name, const char* rule, const char* self, bool fails) {
    QTest::newRow(name) << QString::fromUtf8(rule) << QString::fromUtf8(self) << fails;
  };
  row("duration ok", "duration(self) >= duration('1ms')", R"("2ms")", false);
  row("duration low", "duration(self) >= duration('1ms')", R"("999us")", true);
  row("duration ignores non-strings", "duration(self) >= duration('1ms')", "5", false);
  row("range ok", "0 < self && self <= 65535", "65535", false);
  row("range high", "0 < self && self <= 65535", "65536", true);
  row("range low", "0 < self && self <= 65535", "0", true);
  row("not equal", R"(self != "*")", R"("*")", true);
  row("keys without wildcard", R"(self.all(key, !key.contains("*")))", R"({"a": "*"})", false);
  row("key with wildcard", R"(self.all(key, !key.contains("*")))", R"({"a*": "b"})", true);
  row("empty key", "self.all(key, key.size() != 0)", R"({"": "b"})", true);
  row("port name ok", R"(self.all(key, size(key) < 63 && key.matches("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$")))",
      R"({"http-web": 80})", false);
  row("port name bad", R"(self.all(key, size(key) < 63 && key.matches("^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$")))",
      R"({"-web": 80})", true);
  row("empty string ok", "self.size() == 0", R"("")", false);
  row("empty string bad", "self.size() == 0", R"("other")", true);
  row("has any ok", "has(self.address) || has(self.network)", R"({"network": "n"})", false);
  row("has any bad", "has(self.address) || has(self.network)", R"({"ports": {}})", true);
  row("has any with null", "has(self.address) || has(self.network)", R"({"address": null})", true);
  row("at most one ok", "(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1",
      R"({"endpoints": []})", false);
  row("at most one bad", "(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1",
      R"({"endpoints": [], "workloadSelector": {}})", true);
  row("unique ok", "self.all(l1, self.exists_one(l2, l1.number == l2.number))", R"([{"number": 1}, {"number": 2}])",
      false);
  row("unique bad", "self.all(l1, self.exists_one(l2, l1.number == l2.number))", R"([{"number": 1}, {"number": 1}])",
      true);
  row("uds absolute",
      R"(self.startsWith("unix://") ? (self.substring(7, 8) == "/" || self.substring(7, 8) == "@") : true)",
      R"("unix:///var/run/sock")", false);
  row("uds relative",
      R"(self.startsWith("unix://") ? (self.substring(7, 8) == "/" || self.substring(7, 8) == "@") : true)",
      R"("unix://relative")", true);
  row("uds dir", R"(self.startsWith("unix://") ? !self.endsWith("/") : true)", R"("unix:///var/run/")", true);
  row("uds ports", R"((has(self.address) ? self.address : "").startsWith("unix://") ? !has(self.ports) : true)",
      R"({"address": "unix:///sock", "ports": {"http": 80}})", true);
  row("cidr with DNS",
      R"(!((has(self.addresses) ? self.addresses : []).exists(k, k.contains("/")) && )"
      R"(!((has(self.resolution) ? self.resolution : "NONE") in ["STATIC", "NONE"])))",
      R"({"addresses": ["10.0.0.0/8"], "resolution": "DNS"})", true);
  row("NONE with endpoints",
      R"(((has(self.resolution) ? self.resolution : "NONE") == "NONE") ? !has(self.endpoints) : true)",
      R"({"endpoints": [{"address": "1.2.3.4"}]})", true);
  row("DNS_ROUND_ROBIN endpoints",
      R"(((has(self.resolution) ? self.resolution : "") == "DNS_ROUND_ROBIN") ? )"
      R"(((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true)",
      R"({"resolution": "DNS_ROUND_ROBIN", "endpoints": [{}, {}]})", true);
  row("waypoint without context",
      R"(has(self.context) ? ((self.context == "WAYPOINT") ? has(self.waypoint) : !has(self.waypoint)) : )"
      R"(!has(self.waypoint))",
      R"({"waypoint": {}})", true);
  row("unrecognised rules never fail", "self.foo(bar) == baz", R"({"anything": 1})", false);
}

void TestSchemaValidator::celRules() {
  QFETCH(QString, rule);
  QFETCH(QString, self);
  QFETCH(bool, fails);
  CelRule compiled = CelRule::compile(rule.toStdString(), "the message");
  QCOMPARE(compiled.recognised(), std::string_view(QTest::currentDataTag()) != "unrecognised rules never fail");
  std::optional<std::string> failure = compiled.check(json::parse(self.toStdString()));
  QVERIFY2(failure.has_value() == fails, failure.value_or("(holds)").c_str());
  if (failure) QVERIFY2(failure->find("the message") != std::string::npos, failure->c_str());
}

QTEST_APPLESS_MAIN(TestSchemaValidator)
#include "tst_schemavalidator.moc"

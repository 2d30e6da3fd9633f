// The validation pipeline: suppressions, the project-wide ignore list, and incremental
// revalidation that gives exactly the result of a full run while analysing only dependents.

#include <QtTest/QtTest>

#include "AnalyzerTestSupport.h"
#include "model/VirtualService.h"

using namespace meshstudio::model;
using namespace meshstudio::model::analysis;
using namespace meshstudio::test;

namespace {

std::string virtualService(const std::string& name, const std::string& host, const std::string& extraMetadata = "") {
  return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: " + name +
         "\n  namespace: shop\n" + extraMetadata + "spec:\n  hosts: [" + host + "]\n  http:\n  - route:\n" +
         "    - destination: {host: " + host + "}\n    futureField: 1\n---\n";
}

std::string service(const std::string& name) {
  return "apiVersion: v1\nkind: Service\nmetadata: {name: " + name +
         ", namespace: shop}\n"
         "spec: {selector: {app: " +
         name + "}, ports: [{name: http, port: 9080}]}\n---\n";
}

std::vector<Resource> importAll(const std::string& yaml) {
  return Importer::importText(yaml, "project.yaml").resources;
}

}  // namespace

class TestProjectValidator : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void suppressionAnnotation_data() {
    QTest::addColumn<QString>("annotation");
    QTest::addColumn<int>("remaining");
    QTest::newRow("none") << "" << 1;
    QTest::newRow("the code") << "MS0101" << 0;
    QTest::newRow("in a list") << "IST0101, MS0101" << 0;
    QTest::newRow("wildcard") << "*" << 0;
    QTest::newRow("another code") << "IST0101" << 1;
  }
  void suppressionAnnotation() {
    QFETCH(QString, annotation);
    QFETCH(int, remaining);
    std::string metadata = annotation.isEmpty() ? std::string()
                                                : "  annotations:\n    galley.istio.io/analyze-suppress: \"" +
                                                      annotation.toStdString() + "\"\n";
    Diagnostics found = ProjectValidator::validate(
        importAll(service("reviews") + virtualService("r", "reviews", metadata)), ValidatorSettings{"shop", {}, true});
    QCOMPARE(int(withCode(found, "MS0101").size()), remaining);
  }

  void projectWideIgnoreList() {
    Value settings = Value::map();
    settings.set("defaultNamespace", Value::string("shop"));
    Value& analysis = settings.set("analysis", Value::map());
    analysis.set("ignore", Value::seq()).append(Value::string("MS0101"));
    ValidatorSettings parsed = ValidatorSettings::fromProjectSettings(settings);
    QCOMPARE(QString::fromStdString(parsed.defaultNamespace), QStringLiteral("shop"));
    QVERIFY(parsed.ignoredCodes.count("MS0101"));
    Diagnostics found = ProjectValidator::validate(importAll(virtualService("r", "reviews")), parsed);
    EXPECT_NO_FINDING(found, "MS0101");
  }

  void incrementalRevalidationMatchesAFullRun() {
    std::string yaml;
    for (int i = 0; i < 200; ++i)
      yaml += service("svc" + std::to_string(i)) + virtualService("vs" + std::to_string(i), "svc" + std::to_string(i));
    std::vector<Resource> resources = importAll(yaml);
    ValidatorSettings settings{"shop", {}, true};
    ProjectValidator validator(settings);
    validator.reset(resources);
    QCOMPARE(validator.lastAnalysedCount(), resources.size());

    // Point vs7 at svc8: only resources sharing a host with the old or new version are analysed.
    std::size_t index = 15;
    QCOMPARE(QString::fromStdString(resources[index].displayName()), QStringLiteral("VirtualService shop/vs7"));
    auto spec = resources[index].specAs<VirtualServiceSpec>();
    spec->http[0].route[0].destination->host = "svc8";
    spec->http[0].timeout = "0.5ms";  // and a schema error, to see schema findings follow the edit
    resources[index].setSpec(encode(*spec));
    validator.replace(index, resources[index]);
    QVERIFY2(validator.lastAnalysedCount() <= 5, std::to_string(validator.lastAnalysedCount()).c_str());
    QCOMPARE(validator.diagnostics(), ProjectValidator::validate(resources, settings));
    QCOMPARE(withCode(validator.diagnosticsFor(index), "IST0106").size(), std::size_t(1));

    // Removing and inserting keep the same guarantee.
    validator.remove(0);
    resources.erase(resources.begin());
    QCOMPARE(validator.diagnostics(), ProjectValidator::validate(resources, settings));
    validator.insert(0, resources.back());
    resources.insert(resources.begin(), resources.back());
    QCOMPARE(validator.diagnostics(), ProjectValidator::validate(resources, settings));
  }

  // Regression (issue 3): a Service edit must re-check the Gateways whose pods it fronts
  // (IST0162), although Services and Gateways share no host or name.
  void issue3_serviceEditRevalidatesGateways() {
    std::string yaml =
        "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: shop}\n"
        "spec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 8443, name: https, protocol: "
        "HTTP}\n"
        "    hosts: [\"*\"]\n---\n"
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ingress, namespace: istio-system}\n"
        "spec:\n  template: {metadata: {labels: {istio: ingressgateway}}}\n---\n"
        "apiVersion: v1\nkind: Service\nmetadata: {name: ingress, namespace: istio-system}\n"
        "spec: {selector: {istio: ingressgateway}, ports: [{name: http, port: 80}]}\n";
    std::vector<Resource> resources = importAll(yaml);
    ValidatorSettings settings{"shop", {}, false};
    ProjectValidator validator(settings);
    validator.reset(resources);
    QCOMPARE(withCode(validator.diagnostics(), "IST0162").size(), std::size_t(1));

    Value document = resources[2].document();
    document.find("spec")->find("ports")->append(Value::map());
    Value& port = document.find("spec")->find("ports")->items().back();
    port.set("name", Value::string("https"));
    port.set("port", Value::integer(8443));
    resources[2].setDocument(document);
    validator.replace(2, resources[2]);
    QCOMPARE(validator.diagnostics(), ProjectValidator::validate(resources, settings));
    EXPECT_NO_FINDING(validator.diagnostics(), "IST0162");
  }

  // Regression (issue 3): findings that depend on the project holding any Service at all
  // (missing cluster-local hosts) must follow the first Service being added and the last removed.
  void issue3_firstServiceChangesProjectWideFindings() {
    std::vector<Resource> resources = importAll(virtualService("vs", "ratings") + service("reviews"));
    ValidatorSettings settings{"shop", {}, false};
    ProjectValidator validator(settings);
    std::vector<Resource> withoutServices = {resources[0]};
    validator.reset(withoutServices);
    validator.insert(1, resources[1]);
    QCOMPARE(validator.diagnostics(), ProjectValidator::validate(resources, settings));
    validator.remove(1);
    QCOMPARE(validator.diagnostics(), ProjectValidator::validate(withoutServices, settings));
  }
};

QTEST_APPLESS_MAIN(TestProjectValidator)
#include "tst_projectvalidator.moc"

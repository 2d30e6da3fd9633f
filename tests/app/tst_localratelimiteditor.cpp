// The local rate limit editor (issue 6): it edits the token bucket, the stat prefix and the
// enabled/enforced shares where model::localRateLimitsOf reads them, in each of the three forms
// an EnvoyFilter writes the filter (TypedStruct, direct typed_config, per route); other
// EnvoyFilters get a note instead of a form.

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QTableWidget>

#include "EditorTestSupport.h"
#include "model/LocalRateLimit.h"
#include "views/FieldForm.h"
#include "views/LocalRateLimitEditor.h"

using namespace meshstudio;
using meshstudio::test::EditorStudio;

namespace {

// Istio's rate-limit task (TypedStruct), the direct @type form without fractions, a per-route
// limit, and a Lua filter.
const std::string kProject = R"(apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: task, namespace: shop}
spec:
  workloadSelector: {labels: {app: reviews}}
  configPatches:
  - applyTo: HTTP_FILTER
    match:
      context: SIDECAR_INBOUND
      listener: {filterChain: {filter: {name: envoy.filters.network.http_connection_manager}}}
    patch:
      operation: INSERT_BEFORE
      value:
        name: envoy.filters.http.local_ratelimit
        typed_config:
          "@type": type.googleapis.com/udpa.type.v1.TypedStruct
          type_url: type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit
          value:
            stat_prefix: http_local_rate_limiter
            token_bucket: {max_tokens: 4, tokens_per_fill: 4, fill_interval: 60s}
            filter_enabled: {runtime_key: local_rate_limit_enabled, default_value: {numerator: 100, denominator: HUNDRED}}
            filter_enforced: {runtime_key: local_rate_limit_enforced, default_value: {numerator: 100, denominator: HUNDRED}}
---
apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: direct, namespace: shop}
spec:
  configPatches:
  - applyTo: HTTP_FILTER
    match: {context: SIDECAR_OUTBOUND}
    patch:
      operation: INSERT_BEFORE
      value:
        name: envoy.filters.http.local_ratelimit
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit
          stat_prefix: direct
          token_bucket: {max_tokens: 10, fill_interval: 1s}
---
apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: per-route, namespace: shop}
spec:
  configPatches:
  - applyTo: HTTP_ROUTE
    match: {context: SIDECAR_INBOUND}
    patch:
      operation: MERGE
      value:
        typed_per_filter_config:
          envoy.filters.http.local_ratelimit:
            "@type": type.googleapis.com/udpa.type.v1.TypedStruct
            type_url: type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit
            value:
              stat_prefix: per_route
              token_bucket: {max_tokens: 2, fill_interval: 10s}
---
apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: lua, namespace: shop}
spec:
  configPatches:
  - applyTo: HTTP_FILTER
    patch:
      operation: INSERT_BEFORE
      value:
        name: envoy.filters.http.lua
        typed_config:
          "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
          inline_code: "function envoy_on_request(handle) end"
)";

model::LocalRateLimit limitOf(const EditorStudio& studio) {
  const auto limits = model::localRateLimitsOf(studio.resource());
  return limits.empty() ? model::LocalRateLimit{} : limits.front();
}

}  // namespace

class LocalRateLimitEditorTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void otherEnvoyFiltersGetANote() {
    EditorStudio studio;
    QVERIFY(studio.openYaml(kProject));
    auto* editor = studio.edit<views::LocalRateLimitEditor>("EnvoyFilter shop/lua");
    QVERIFY(editor);
    QVERIFY(!editor->showsForm());
    QVERIFY(editor->note()->isVisibleTo(editor));
    QVERIFY(editor->note()->text().contains(QStringLiteral("local rate limit")));
    QVERIFY(!editor->focusField("spec.configPatches[0]"));

    // The same editor shows the form for a rate limit.
    studio.edit<views::LocalRateLimitEditor>("EnvoyFilter shop/task");
    QVERIFY(editor->showsForm());
  }

  void tokenBucketEditsAreWhereTheModelReads() {
    EditorStudio studio;
    QVERIFY(studio.openYaml(kProject));
    auto* editor = studio.edit<views::LocalRateLimitEditor>("EnvoyFilter shop/task");
    QVERIFY(editor);
    QVERIFY(editor->showsForm());
    views::FieldForm* bucket = editor->bucketForm();
    QCOMPARE(bucket->basePath(), std::string("spec.configPatches[0].patch.value.typed_config.value"));
    auto* maxTokens = qobject_cast<QSpinBox*>(bucket->control("token_bucket.max_tokens"));
    QCOMPARE(maxTokens->value(), 4);

    const int steps = studio.undoSteps();
    maxTokens->setValue(10);
    QCOMPARE(studio.undoSteps(), steps + 1);
    QCOMPARE(limitOf(studio).maxTokens, std::int64_t(10));
    QCOMPARE(limitOf(studio).tokensPerFill, std::int64_t(4));

    test::retype(qobject_cast<QLineEdit*>(bucket->control("token_bucket.fill_interval")), QStringLiteral("30s"));
    QCOMPARE(limitOf(studio).fillInterval, std::string("30s"));
    test::retype(qobject_cast<QLineEdit*>(bucket->control("stat_prefix")), QStringLiteral("reviews_limit"));
    QCOMPARE(limitOf(studio).statPrefix, std::string("reviews_limit"));

    // Half the requests enforced; the runtime key stays.
    QCOMPARE(editor->enforcedPercent()->value(), 100.0);
    editor->enforcedPercent()->setValue(50);
    QCOMPARE(limitOf(studio).enforcedPercent, 50.0);
    QCOMPARE(studio.text("spec.configPatches[0].patch.value.typed_config.value.filter_enforced.runtime_key"),
             QStringLiteral("local_rate_limit_enforced"));
    QCOMPARE(limitOf(studio).enabledPercent, 100.0);

    // The workload selector.
    auto* selector = qobject_cast<QTableWidget*>(editor->selectorForm()->control("spec.workloadSelector.labels"));
    selector->item(0, 1)->setText(QStringLiteral("ratings"));
    QCOMPARE(
        limitOf(studio).workloadSelector.find("app") ? *limitOf(studio).workloadSelector.find("app") : std::string(),
        std::string("ratings"));

    studio.undo();
    studio.undo();
    QCOMPARE(limitOf(studio).enforcedPercent, 100.0);
    QCOMPARE(editor->enforcedPercent()->value(), 100.0);
  }

  void percentagesAreCreatedAndRemoved() {
    EditorStudio studio;
    QVERIFY(studio.openYaml(kProject));
    auto* editor = studio.edit<views::LocalRateLimitEditor>("EnvoyFilter shop/direct");
    QVERIFY(editor);
    QCOMPARE(editor->bucketForm()->basePath(), std::string("spec.configPatches[0].patch.value.typed_config"));
    QCOMPARE(editor->enabledPercent()->value(), editor->enabledPercent()->minimum());  // not set: 0 %, off
    QCOMPARE(limitOf(studio).enabledPercent, 0.0);

    const int steps = studio.undoSteps();
    editor->enabledPercent()->setValue(100);
    QCOMPARE(studio.undoSteps(), steps + 1);
    const std::string path = "spec.configPatches[0].patch.value.typed_config.filter_enabled";
    QCOMPARE(studio.text(path + ".runtime_key"), QStringLiteral("local_rate_limit_enabled"));
    QCOMPARE(studio.text(path + ".default_value.denominator"), QStringLiteral("HUNDRED"));
    QCOMPARE(limitOf(studio).enabledPercent, 100.0);

    editor->enabledPercent()->setValue(12.5);  // hundredths need a finer denominator
    QCOMPARE(studio.text(path + ".default_value.denominator"), QStringLiteral("TEN_THOUSAND"));
    QCOMPARE(limitOf(studio).enabledPercent, 12.5);

    editor->enabledPercent()->setValue(editor->enabledPercent()->minimum());
    QVERIFY(!studio.at(path));
    QCOMPARE(limitOf(studio).enabledPercent, 0.0);
  }

  void perRouteLimitIsEditedInPlace() {
    EditorStudio studio;
    QVERIFY(studio.openYaml(kProject));
    auto* editor = studio.edit<views::LocalRateLimitEditor>("EnvoyFilter shop/per-route");
    QVERIFY(editor);
    auto* perFill = qobject_cast<QSpinBox*>(editor->bucketForm()->control("token_bucket.tokens_per_fill"));
    QCOMPARE(perFill->value(), perFill->minimum());  // "default (1)"
    QCOMPARE(limitOf(studio).tokensPerFill, std::int64_t(1));
    perFill->setValue(5);
    QCOMPARE(limitOf(studio).tokensPerFill, std::int64_t(5));
    QCOMPARE(studio.text("spec.configPatches[0].patch.value.typed_per_filter_config[envoy.filters.http.local_ratelimit]"
                         ".value.token_bucket.tokens_per_fill"),
             QStringLiteral("5"));
    QCOMPARE(limitOf(studio).maxTokens, std::int64_t(2));
  }

  void focusFieldFindsTheBucket() {
    EditorStudio studio;
    QVERIFY(studio.openYaml(kProject));
    auto* editor = studio.edit<views::LocalRateLimitEditor>("EnvoyFilter shop/task");
    QVERIFY(editor);
    studio.host.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&studio.host));
    QVERIFY(studio.host.focusField("spec.configPatches[0].patch.value.typed_config.value.token_bucket.fill_interval"));
    QTRY_VERIFY(editor->bucketForm()->control("token_bucket.fill_interval")->hasFocus());
    QVERIFY(studio.host.focusField("spec.configPatches[0]"));  // the patch: its bucket size
    QTRY_VERIFY(editor->bucketForm()->control("token_bucket.max_tokens")->hasFocus());
    QVERIFY(studio.host.focusField("spec.configPatches[0].patch.value.typed_config.value.filter_enabled"));
    QTRY_VERIFY(editor->enabledPercent()->hasFocus());
    QVERIFY(!studio.host.focusField("spec.configPatches[3]"));
  }
};

QTEST_MAIN(LocalRateLimitEditorTest)
#include "tst_localratelimiteditor.moc"

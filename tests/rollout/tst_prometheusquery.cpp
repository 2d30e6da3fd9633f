// PrometheusQuery::parse: what a /api/v1/query answer means for a canary gate — a number, "no
// data" or an error — and that no answer, however malformed, throws (issue 10's fuzzing).

#include <QTest>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "app/rollout/PrometheusQuery.h"

using meshstudio::rollout::PrometheusQuery;
using meshstudio::rollout::QueryAnswer;

namespace {

/// An input the fuzzer found, kept in tests/fuzz/regressions/.
std::string regressionInput(const std::string& name) {
  std::ifstream file(std::filesystem::path(MESHSTUDIO_SOURCE_DIR) / "tests" / "fuzz" / "regressions" / name,
                     std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

/// parse()'s answer, or nullopt with what it threw in `thrown`: it must never throw.
std::optional<QueryAnswer> parseWithoutThrowing(const std::string& text, std::string& thrown) {
  try {
    return PrometheusQuery::parse(text);
  } catch (const std::exception& error) {
    thrown = error.what();
    return std::nullopt;
  }
}

}  // namespace

class PrometheusQueryTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void instantVectorGivesTheFirstSample() {
    const QueryAnswer answer = PrometheusQuery::parse(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1732723200.1,"0.0125"]}]}})");
    QCOMPARE(answer.error, std::string());
    QCOMPARE(answer.value, std::optional<double>(0.0125));
  }

  void emptyVectorNanAndInfAreNoData() {
    for (const char* text :
         {R"({"status":"success","data":{"resultType":"vector","result":[]}})",
          R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"NaN"]}]}})",
          R"({"status":"success","data":{"resultType":"scalar","result":[1,"+Inf"]}})"}) {
      const QueryAnswer answer = PrometheusQuery::parse(text);
      QVERIFY2(!answer.value, text);
      QVERIFY2(answer.error.empty(), text);
    }
  }

  void errorAnswersAndNonJsonAreErrors() {
    const QueryAnswer failed =
        PrometheusQuery::parse(R"({"status":"error","errorType":"bad_data","error":"parse error"})");
    QVERIFY(!failed.value);
    QCOMPARE(failed.error, std::string("Prometheus: parse error"));
    QVERIFY(!PrometheusQuery::parse("<html>502 Bad Gateway</html>").error.empty());
    QVERIFY(
        !PrometheusQuery::parse(R"({"status":"success","data":{"resultType":"matrix","result":[]}})").error.empty());
  }

  void issue10_fieldsOfTheWrongTypeAreErrorsNotThrows() {
    const std::string found = regressionInput("prometheus-status-not-a-string.json");
    QVERIFY2(!found.empty(), "the regression input is missing");
    for (const std::string& text : {found, std::string(R"({"status":1})"), std::string(R"({"status":null,"error":7})"),
                                    std::string(R"({"status":["success"]})")}) {
      std::string thrown;
      const std::optional<QueryAnswer> answer = parseWithoutThrowing(text, thrown);
      QVERIFY2(answer, (text + " threw: " + thrown).c_str());
      QVERIFY2(!answer->value, text.c_str());
      QVERIFY2(!answer->error.empty(), text.c_str());
    }
  }
};

QTEST_GUILESS_MAIN(PrometheusQueryTest)
#include "tst_prometheusquery.moc"

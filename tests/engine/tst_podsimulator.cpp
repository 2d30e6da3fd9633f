// Simulated pods: their `meshstudio.dev/*` annotations, and httpbin-like answers with scripted
// or seeded randomness.

#include <QtTest/QtTest>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "../model/TestSupport.h"
#include "engine/PodBehaviour.h"
#include "engine/PodSimulator.h"
#include "engine/RandomSource.h"

using namespace meshstudio;
using engine::http::verb;
using meshstudio::test::q;
using nlohmann::json;
using std::chrono::milliseconds;

namespace {

engine::SimulatedPod pod(model::StringMap annotations = {}, std::size_t replica = 0) {
  engine::SimulatedPod p;
  p.name = "reviews-v1-" + std::to_string(replica);
  p.deployment = "reviews-v1";
  p.replica = replica;
  p.namespaceName = "shop";
  p.labels = {{"app", "reviews"}, {"version", "v1"}};
  p.annotations = std::move(annotations);
  return p;
}

engine::Request request(const std::string& target, verb method = verb::get) {
  engine::Request r{method, target, 11};
  r.set(engine::http::field::host, "reviews.shop:9080");
  return r;
}

/// The RandomSource word whose unit() is `fraction` (exactly, for multiples of 2^-53).
std::uint64_t word(double fraction) { return static_cast<std::uint64_t>(std::ldexp(fraction, 53)) << 11; }

/// Counts draws, so a test can prove that a behaviour consumes no randomness.
class CountingRandom final : public engine::RandomSource {
 public:
  std::uint64_t next() override {
    ++draws;
    return 0;
  }
  int draws = 0;
};

engine::PodBehaviour parsed(const engine::SimulatedPod& p, std::vector<std::string>* problemsOut = nullptr) {
  std::vector<std::string> problems;
  auto behaviour = engine::PodBehaviour::parse(p, problems);
  if (problemsOut) *problemsOut = problems;
  return behaviour;
}

std::string oneProblem(const char* annotation, const char* value, std::size_t replica = 0) {
  std::vector<std::string> problems;
  engine::PodBehaviour::parse(pod({{annotation, value}}, replica), problems);
  return problems.size() == 1 ? problems.front() : "expected one problem, got " + std::to_string(problems.size());
}

json bodyOf(const engine::Response& response) { return json::parse(response.body(), nullptr, false); }

}  // namespace

class TestPodSimulator : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // --- annotations -------------------------------------------------------------------------

  void defaultsWithoutAnnotations() {
    std::vector<std::string> problems;
    auto b = parsed(pod(), &problems);
    QVERIFY(problems.empty());
    QCOMPARE(b.latencyMin.count(), 0);
    QCOMPARE(b.latencyMax.count(), 0);
    QCOMPARE(b.errorRate, 0.0);
    QCOMPARE(b.errorStatus, 503u);
    QVERIFY(b.isSimulated());
  }

  void latencyAcceptsMillisecondsSecondsAndRanges() {
    struct Case {
      const char* text;
      long min, max;
    };
    for (Case c : {Case{"25ms", 25, 25}, Case{"1.5s", 1500, 1500}, Case{".5s", 500, 500}, Case{"0", 0, 0},
                   Case{" 40ms ", 40, 40}, Case{"10ms-80ms", 10, 80}, Case{"10ms - 2s", 10, 2000},
                   Case{"0.25s-0.5s", 250, 500}, Case{"60s", 60000, 60000}}) {
      std::vector<std::string> problems;
      auto b = parsed(pod({{"meshstudio.dev/latency", c.text}}), &problems);
      QVERIFY2(problems.empty(), c.text);
      QCOMPARE(b.latencyMin.count(), c.min);
      QCOMPARE(b.latencyMax.count(), c.max);
    }
  }

  void latencyGarbageIsReportedWithPodAnnotationAndValue() {
    std::string message = oneProblem("meshstudio.dev/latency", "fast");
    QVERIFY2(message.find("reviews-v1-0") != std::string::npos, message.c_str());
    QVERIFY2(message.find("meshstudio.dev/latency") != std::string::npos, message.c_str());
    QVERIFY2(message.find("\"fast\"") != std::string::npos, message.c_str());
    QVERIFY2(message.find("10ms-80ms") != std::string::npos, message.c_str());  // says what to write

    QVERIFY(oneProblem("meshstudio.dev/latency", "10-80ms").find("each end of a range needs its unit") !=
            std::string::npos);
    QVERIFY(oneProblem("meshstudio.dev/latency", "80ms-10ms").find("starts above its end") != std::string::npos);
    QVERIFY(oneProblem("meshstudio.dev/latency", "61s").find("60s limit") != std::string::npos);
    QVERIFY(oneProblem("meshstudio.dev/latency", "99999999999999999999999s").find("60s limit") != std::string::npos);
    for (const char* bad : {"25", "2m", "-5ms", "5 ms", "ms", "1.2.3s", "0x10ms", "10ms-", "+5ms", ""}) {
      std::vector<std::string> problems;
      auto b = parsed(pod({{"meshstudio.dev/latency", bad}}), &problems);
      QVERIFY2(problems.size() == 1, bad);
      QCOMPARE(b.latencyMax.count(), 0);  // the default stays
    }
  }

  void errorRateAndStatus() {
    std::vector<std::string> problems;
    auto b = parsed(pod({{"meshstudio.dev/error-rate", "0.05"}, {"meshstudio.dev/error-status", "429"}}), &problems);
    QVERIFY(problems.empty());
    QCOMPARE(b.errorRate, 0.05);
    QCOMPARE(b.errorStatus, 429u);
    QCOMPARE(parsed(pod({{"meshstudio.dev/error-rate", "5%"}})).errorRate, 0.05);
    QCOMPARE(parsed(pod({{"meshstudio.dev/error-rate", "1"}})).errorRate, 1.0);

    QVERIFY(oneProblem("meshstudio.dev/error-rate", "1.5").find("above 1") != std::string::npos);
    QVERIFY(oneProblem("meshstudio.dev/error-rate", "150%").find("above 100%") != std::string::npos);
    QVERIFY(oneProblem("meshstudio.dev/error-rate", "often").find("\"often\"") != std::string::npos);
    QVERIFY(oneProblem("meshstudio.dev/error-rate", "-0.1").find("not a fraction") != std::string::npos);
    for (const char* bad : {"200", "abc", "5030", "", "503.0"}) {
      std::vector<std::string> problems;
      auto status = parsed(pod({{"meshstudio.dev/error-status", bad}}), &problems).errorStatus;
      QVERIFY2(problems.size() == 1 && problems.front().find("meshstudio.dev/error-status") != std::string::npos, bad);
      QCOMPARE(status, 503u);
    }
  }

  void upstreamTakesTheReplicasEntry() {
    auto single = parsed(pod({{"meshstudio.dev/upstream", "127.0.0.1:9081"}}));
    QVERIFY(single.upstream);
    QCOMPARE(*single.upstream, (engine::Endpoint{"127.0.0.1", 9081}));
    QVERIFY(!single.isSimulated());

    model::StringMap list{{"meshstudio.dev/upstream", "127.0.0.1:9081, localhost:9082,[::1]:9083"}};
    QCOMPARE(*parsed(pod(list, 1)).upstream, (engine::Endpoint{"localhost", 9082}));
    QCOMPARE(*parsed(pod(list, 2)).upstream, (engine::Endpoint{"::1", 9083}));
  }

  void upstreamShorterThanReplicasLeavesThePodSimulated() {
    std::vector<std::string> problems;
    auto b = parsed(pod({{"meshstudio.dev/upstream", "127.0.0.1:9081,127.0.0.1:9082"}}, 2), &problems);
    QVERIFY(!b.upstream);
    QCOMPARE(problems.size(), std::size_t(1));
    QVERIFY2(problems.front().find("lists 2 addresses but this is replica 2") != std::string::npos,
             problems.front().c_str());
    QVERIFY(problems.front().find("stays simulated") != std::string::npos);
  }

  void upstreamGarbageIsReported() {
    QVERIFY(oneProblem("meshstudio.dev/upstream", "http://127.0.0.1:9081").find("without a scheme") !=
            std::string::npos);
    QVERIFY(oneProblem("meshstudio.dev/upstream", "localhost").find("no port") != std::string::npos);
    QVERIFY(oneProblem("meshstudio.dev/upstream", "::1:9081").find("[::1]:9081") != std::string::npos);
    QVERIFY(oneProblem("meshstudio.dev/upstream", "a:1,,c:3", 1).find("entry 1") != std::string::npos);
    QVERIFY(oneProblem("meshstudio.dev/upstream", "a:1,b:x", 1).find("entry 1 \"b:x\"") != std::string::npos);
    for (const char* bad : {"h:0", "h:65536", ":80", "h:", "[::1]9081"}) {
      std::vector<std::string> problems;
      QVERIFY2(!parsed(pod({{"meshstudio.dev/upstream", bad}}), &problems).upstream && problems.size() == 1, bad);
    }
  }

  // --- answers -----------------------------------------------------------------------------

  void echoDescribesPodAndRequest() {
    engine::Request r = request("/api/reviews?a=1&b=2&b=3&c=x+y%21&flag", verb::post);
    r.set("X-Test", "one");
    r.insert("X-Multi", "a");
    r.insert("x-multi", "b");
    r.body() = "hello";
    r.prepare_payload();
    engine::FixedRandom random{0};
    auto answer = engine::answerAsPod(pod(), {}, r, random);

    QCOMPARE(answer.response.result_int(), 200u);
    QCOMPARE(q(std::string(answer.response[engine::http::field::content_type])), QStringLiteral("application/json"));
    QCOMPARE(q(std::string(answer.response["x-meshstudio-pod"])), QStringLiteral("reviews-v1-0"));
    QCOMPARE(answer.delay.count(), 0);
    json body = bodyOf(answer.response);
    QVERIFY(body.is_object());
    QCOMPARE(body["pod"], json("reviews-v1-0"));
    QCOMPARE(body["deployment"], json("reviews-v1"));
    QCOMPARE(body["namespace"], json("shop"));
    QCOMPARE(body["labels"], (json{{"app", "reviews"}, {"version", "v1"}}));
    QCOMPARE(body["method"], json("POST"));
    QCOMPARE(body["path"], json("/api/reviews"));
    QCOMPARE(body["query"], (json{{"a", "1"}, {"b", {"2", "3"}}, {"c", "x y!"}, {"flag", ""}}));
    QCOMPARE(body["headers"]["X-Test"], json("one"));
    QCOMPARE(body["headers"]["X-Multi"], json("a, b"));  // first spelling, values joined
    QVERIFY(!body["headers"].contains("x-multi"));
    QCOMPARE(body["headers"]["Host"], json("reviews.shop:9080"));
    QCOMPARE(body["bodySize"], json(5));
    QCOMPARE(answer.response[engine::http::field::content_length], std::to_string(answer.response.body().size()));
  }

  void plainPodHasNoDeployment() {
    auto p = pod();
    p.deployment.clear();
    engine::FixedRandom random{0};
    QVERIFY(bodyOf(engine::answerAsPod(p, {}, request("/"), random).response)["deployment"].is_null());
  }

  void absoluteFormTargetEchoesItsPath() {
    engine::FixedRandom random{0};
    json body = bodyOf(engine::answerAsPod(pod(), {}, request("http://reviews:9080/x/y?k=v"), random).response);
    QCOMPARE(body["path"], json("/x/y"));
    QCOMPARE(body["query"], (json{{"k", "v"}}));
  }

  void headersPath() {
    engine::Request r = request("/headers");
    r.set("x-user", "jason");
    engine::FixedRandom random{0};
    json body = bodyOf(engine::answerAsPod(pod(), {}, r, random).response);
    QCOMPARE(body, (json{{"headers", {{"Host", "reviews.shop:9080"}, {"x-user", "jason"}}}}));
  }

  void invalidUtf8InHeadersDoesNotThrow() {
    engine::Request r = request("/headers");
    r.set("x-bytes", "\xff\xfe");
    engine::FixedRandom random{0};
    auto answer = engine::answerAsPod(pod(), {}, r, random);
    QCOMPARE(answer.response.result_int(), 200u);
    QVERIFY(bodyOf(answer.response)["headers"].contains("x-bytes"));
  }

  void statusPathAnswersThatCode() {
    engine::FixedRandom random{0};
    auto teapot = engine::answerAsPod(pod(), {}, request("/status/418"), random).response;
    QCOMPARE(teapot.result_int(), 418u);
    QVERIFY(teapot.body().empty());
    QCOMPARE(q(std::string(teapot[engine::http::field::content_length])), QStringLiteral("0"));

    auto noContent = engine::answerAsPod(pod(), {}, request("/status/204"), random).response;
    QCOMPARE(noContent.result_int(), 204u);
    QVERIFY(noContent.find(engine::http::field::content_length) == noContent.end());

    auto redirect = engine::answerAsPod(pod(), {}, request("/status/302"), random).response;
    QCOMPARE(q(std::string(redirect[engine::http::field::location])), QStringLiteral("/redirect/1"));

    for (const char* bad : {"/status/abc", "/status/99", "/status/600", "/status/", "/status/200,", "/status/200:x"})
      QCOMPARE(engine::answerAsPod(pod(), {}, request(bad), random).response.result_int(), 400u);
  }

  void statusListPicksByTheRandomSource() {
    engine::FixedRandom low{word(0.0)};
    engine::FixedRandom high{word(0.75)};
    QCOMPARE(engine::answerAsPod(pod(), {}, request("/status/200,503"), low).response.result_int(), 200u);
    QCOMPARE(engine::answerAsPod(pod(), {}, request("/status/200,503"), high).response.result_int(), 503u);
    // Weighted: 0.85 of the total 1.0 falls in the first weight (0.9).
    engine::FixedRandom weighted{word(0.85)};
    QCOMPARE(engine::answerAsPod(pod(), {}, request("/status/200:0.9,503:0.1"), weighted).response.result_int(), 200u);
    engine::FixedRandom top{word(0.95)};
    QCOMPARE(engine::answerAsPod(pod(), {}, request("/status/200:0.9,503:0.1"), top).response.result_int(), 503u);
  }

  void statusListFrequenciesFollowWeights() {
    engine::SeededRandom random(7);
    int errors = 0;
    constexpr int kDraws = 10'000;
    for (int i = 0; i < kDraws; ++i)
      if (engine::answerAsPod(pod(), {}, request("/status/200:3,503:1"), random).response.result_int() == 503) ++errors;
    // Expected 2500; the standard deviation is about 43, so 5 sigma is ±217.
    QVERIFY2(std::abs(errors - 2500) < 217, std::to_string(errors).c_str());
  }

  void delayPathAddsToLatencyAndIsCapped() {
    auto b = parsed(pod({{"meshstudio.dev/latency", "25ms"}}));
    engine::FixedRandom random{0};
    auto answer = engine::answerAsPod(pod(), b, request("/delay/2"), random);
    QCOMPARE(answer.delay.count(), 2025);
    QCOMPARE(answer.response.result_int(), 200u);
    QCOMPARE(bodyOf(answer.response)["path"], json("/delay/2"));
    QCOMPARE(engine::answerAsPod(pod(), {}, request("/delay/0.5"), random).delay.count(), 500);
    QCOMPARE(engine::answerAsPod(pod(), {}, request("/delay/60"), random).delay, engine::kMaxDelayPath);
    auto bad = engine::answerAsPod(pod(), {}, request("/delay/soon"), random);
    QCOMPARE(bad.response.result_int(), 400u);
    QCOMPARE(bad.delay.count(), 0);
    QCOMPARE(engine::answerAsPod(pod(), {}, request("/delay/-1"), random).response.result_int(), 400u);
  }

  void fixedLatencyDrawsNothing() {
    auto b = parsed(pod({{"meshstudio.dev/latency", "40ms"}}));
    CountingRandom random;
    QCOMPARE(engine::answerAsPod(pod(), b, request("/"), random).delay.count(), 40);
    QCOMPARE(random.draws, 0);
  }

  void latencyRangeBoundsWithFixedDraws() {
    auto b = parsed(pod({{"meshstudio.dev/latency", "10ms-80ms"}}));
    engine::FixedRandom lowest{word(0.0)};
    engine::FixedRandom highest{~std::uint64_t(0)};  // the largest unit() below 1
    engine::FixedRandom middle{word(0.5)};
    QCOMPARE(engine::answerAsPod(pod(), b, request("/"), lowest).delay.count(), 10);
    QCOMPARE(engine::answerAsPod(pod(), b, request("/"), highest).delay.count(), 80);
    QCOMPARE(engine::answerAsPod(pod(), b, request("/"), middle).delay.count(), 45);  // 10 + floor(0.5 * 71)
  }

  void latencyRangeIsUniformWithSeededDraws() {
    auto b = parsed(pod({{"meshstudio.dev/latency", "10ms-80ms"}}));
    engine::SeededRandom random(42);
    long long sum = 0;
    long seenMin = 1000, seenMax = 0;
    constexpr int kDraws = 10'000;
    for (int i = 0; i < kDraws; ++i) {
      long ms = static_cast<long>(b.drawLatency(random).count());
      QVERIFY(ms >= 10 && ms <= 80);
      seenMin = std::min(seenMin, ms);
      seenMax = std::max(seenMax, ms);
      sum += ms;
    }
    QCOMPARE(seenMin, 10L);
    QCOMPARE(seenMax, 80L);
    double mean = static_cast<double>(sum) / kDraws;  // expected 45, standard error about 0.2
    QVERIFY2(std::abs(mean - 45.0) < 1.0, std::to_string(mean).c_str());
  }

  void errorRateOverManyRequests() {
    auto b = parsed(pod({{"meshstudio.dev/error-rate", "0.05"}, {"meshstudio.dev/error-status", "429"}}));
    engine::SeededRandom random(2024);
    int errors = 0;
    constexpr int kDraws = 10'000;
    for (int i = 0; i < kDraws; ++i) {
      auto status = engine::answerAsPod(pod(), b, request("/"), random).response.result_int();
      QVERIFY(status == 200 || status == 429);
      if (status == 429) ++errors;
    }
    // Expected 500; the standard deviation is about 22, so 5 sigma is ±109.
    QVERIFY2(std::abs(errors - 500) < 109, std::to_string(errors).c_str());
  }

  void injectedErrorKeepsLatencyButReplacesTheAnswer() {
    auto b = parsed(pod({{"meshstudio.dev/latency", "30ms"}, {"meshstudio.dev/error-rate", "1"}}));
    engine::FixedRandom random{0};
    auto answer = engine::answerAsPod(pod(), b, request("/delay/3"), random);
    QCOMPARE(answer.response.result_int(), 503u);
    QCOMPARE(answer.delay.count(), 30);
    json body = bodyOf(answer.response);
    QCOMPARE(body["pod"], json("reviews-v1-0"));
    QVERIFY(body["error"].get<std::string>().find("meshstudio.dev/error-rate") != std::string::npos);
  }

  void drawsComeInTheDocumentedOrder() {
    // latency (range), then the error draw, then the status choice.
    auto b = parsed(pod({{"meshstudio.dev/latency", "0ms-100ms"}, {"meshstudio.dev/error-rate", "0.5"}}));
    engine::FixedRandom script{word(0.5), word(0.9), word(0.75)};
    auto answer = engine::answerAsPod(pod(), b, request("/status/200,503"), script);
    QCOMPARE(answer.delay.count(), 50);            // first draw: 0.5 of 101 steps
    QCOMPARE(answer.response.result_int(), 503u);  // second draw 0.9: no injected error; third 0.75: 503
    QVERIFY(answer.response.body().empty());       // a /status answer, not the injected error's body
    engine::FixedRandom failing{word(0.5), word(0.1)};
    QVERIFY(!engine::answerAsPod(pod(), b, request("/status/200,503"), failing).response.body().empty());
  }

  void headAnnouncesLengthWithoutBody() {
    engine::FixedRandom random{0};
    auto head = engine::answerAsPod(pod(), {}, request("/", verb::head), random).response;
    engine::FixedRandom again{0};
    auto get = engine::answerAsPod(pod(), {}, request("/"), again).response;
    QVERIFY(head.body().empty());
    QVERIFY(!get.body().empty());
    QCOMPARE(std::string(head[engine::http::field::content_length]), std::to_string(get.body().size() + 1));
  }

  void keepAliveAndVersionFollowTheRequest() {
    engine::Request r = request("/");
    r.version(10);
    engine::FixedRandom random{0};
    auto response = engine::answerAsPod(pod(), {}, r, random).response;
    QCOMPARE(response.version(), 10u);
    QVERIFY(!response.keep_alive());
  }
};

QTEST_APPLESS_MAIN(TestPodSimulator)
#include "tst_podsimulator.moc"

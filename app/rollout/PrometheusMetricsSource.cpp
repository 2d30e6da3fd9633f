#include "app/rollout/PrometheusMetricsSource.h"

#include <algorithm>
#include <cmath>

namespace meshstudio::rollout {
namespace {

void replaceAll(std::string& text, const std::string& what, const std::string& with) {
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
}

/// Regex metacharacters escaped, for `=~"<svc>"`.
std::string regexQuoted(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::string_view(".+*?()[]{}|^$\\").find(c) != std::string_view::npos) out += "\\\\";
    out += c;
  }
  return out;
}

}  // namespace

PromQlTemplates PromQlTemplates::defaults() {
  const std::string selector = R"(destination_service=~"<svc>",destination_version="<version>")";
  return {
      R"((sum(rate(istio_requests_total{)" + selector +
          R"(,response_code=~"5.."}[<window>])) or vector(0)) / )"
          R"(sum(rate(istio_requests_total{)" +
          selector + R"(}[<window>])))",
      R"(histogram_quantile(0.99, sum(rate(istio_request_duration_milliseconds_bucket{reporter="destination",)" +
          selector + R"(}[<window>])) by (le)))",
      R"(sum(increase(istio_requests_total{)" + selector + R"(}[<window>])))",
  };
}

PrometheusMetricsSource::PrometheusMetricsSource(PrometheusQuery query, PromQlTemplates templates, std::string service,
                                                 std::string stableVersion, std::string canaryVersion)
    : query_(std::move(query)),
      templates_(std::move(templates)),
      service_(std::move(service)),
      stable_(std::move(stableVersion)),
      canary_(std::move(canaryVersion)) {}

std::string PrometheusMetricsSource::expand(const std::string& text, const std::string& service,
                                            const std::string& version, std::chrono::milliseconds window) {
  std::string out = text;
  // rate() needs at least two scrapes in its range: never ask for less than 2 s.
  auto seconds = std::max<std::int64_t>(2, std::chrono::duration_cast<std::chrono::seconds>(window).count());
  replaceAll(out, "<svc>", regexQuoted(service));
  replaceAll(out, "<version>", version);
  replaceAll(out, "<window>", std::to_string(seconds) + "s");
  return out;
}

CanarySample PrometheusMetricsSource::sample(std::chrono::milliseconds window) {
  CanarySample sample;
  auto ask = [&](const std::string& text, const std::string& version) -> std::optional<double> {
    QueryAnswer answer = query_.query(expand(text, service_, version, window));
    if (!answer.error.empty() && sample.error.empty()) sample.error = answer.error;
    return answer.value;
  };
  std::optional<double> requests = ask(templates_.requests, canary_);
  sample.requests = requests ? static_cast<std::uint64_t>(std::llround(*requests)) : 0;
  sample.errorRate = ask(templates_.errorRate, canary_);
  sample.p99Ms = ask(templates_.p99, canary_);
  std::optional<double> stableRequests = ask(templates_.requests, stable_);
  sample.stableRequests = stableRequests ? static_cast<std::uint64_t>(std::llround(*stableRequests)) : 0;
  sample.stableErrorRate = ask(templates_.errorRate, stable_);
  sample.stableP99Ms = ask(templates_.p99, stable_);
  return sample;
}

}  // namespace meshstudio::rollout

#include "engine/RetryRules.h"

#include <algorithm>
#include <charconv>

namespace meshstudio::engine {

namespace {

/// gRPC status names Istio accepts in retryOn, with their codes.
constexpr std::pair<std::string_view, int> kGrpcStatuses[] = {
    {"cancelled", 1}, {"deadline-exceeded", 4}, {"resource-exhausted", 8}, {"internal", 13}, {"unavailable", 14}};

}  // namespace

RetryConditions parseRetryOn(std::string_view retryOn) {
  RetryConditions conditions;
  while (!retryOn.empty()) {
    const std::size_t comma = retryOn.find(',');
    const std::string_view token = trimOptionalWhitespace(retryOn.substr(0, comma));
    retryOn.remove_prefix(comma == std::string_view::npos ? retryOn.size() : comma + 1);
    if (token.empty()) continue;
    unsigned status = 0;
    auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), status);
    if (error == std::errc() && end == token.data() + token.size()) {
      conditions.statusCodes.push_back(status);
      conditions.retriableStatusCodes = true;  // Istio appends retriable-status-codes (retry.go)
      continue;
    }
    if (token == "5xx")
      conditions.on5xx = true;
    else if (token == "gateway-error")
      conditions.gatewayError = true;
    else if (token == "reset")
      conditions.reset = true;
    else if (token == "reset-before-request")
      conditions.resetBeforeRequest = true;
    else if (token == "connect-failure")
      conditions.connectFailure = true;
    else if (token == "refused-stream")
      conditions.refusedStream = true;
    else if (token == "retriable-4xx")
      conditions.retriable4xx = true;
    else if (token == "retriable-status-codes")
      conditions.retriableStatusCodes = true;
    else if (token == "envoy-ratelimited")
      conditions.envoyRateLimited = true;
    else if (token == "retriable-headers")
      continue;  // needs retriable_headers, which Istio never sets
    else {
      auto grpc = std::find_if(std::begin(kGrpcStatuses), std::end(kGrpcStatuses),
                               [&](const auto& entry) { return entry.first == token; });
      if (grpc != std::end(kGrpcStatuses))
        conditions.grpcStatuses.push_back(grpc->second);
      else
        conditions.unknown.emplace_back(token);
    }
  }
  return conditions;
}

bool wouldRetry(const RetryConditions& c, const AttemptOutcome& outcome) {
  using Kind = AttemptOutcome::Kind;
  switch (outcome.kind) {
    case Kind::Overflow:
      return false;  // circuit-breaker overflow is never retried (retry_state_impl.cc)
    case Kind::ConnectFailure:
      return c.on5xx || c.gatewayError || c.reset || c.connectFailure || c.resetBeforeRequest;
    case Kind::Reset:
    case Kind::ProtocolError:  // a stream reset too, for the retry policy (retry_state_impl.cc)
      return c.on5xx || c.gatewayError || c.reset || (c.resetBeforeRequest && !outcome.requestSent);
    case Kind::PerTryTimeout:
      return c.on5xx || c.gatewayError || c.reset;
    case Kind::Response:
      break;
  }
  const Response& response = *outcome.response;
  // A rate-limited answer is only retried when asked for by name.
  if (response.find("x-envoy-ratelimited") != response.end()) return c.envoyRateLimited;
  const unsigned status = response.result_int();
  if (c.on5xx && status >= 500) return true;
  if (c.gatewayError && (status == 502 || status == 503 || status == 504)) return true;
  if (c.retriable4xx && status == 409) return true;
  if (c.retriableStatusCodes && std::find(c.statusCodes.begin(), c.statusCodes.end(), status) != c.statusCodes.end())
    return true;
  if (!c.grpcStatuses.empty()) {
    // Only grpc-status in the response headers counts, not in trailers.
    auto field = response.find("grpc-status");
    int code = -1;
    if (field != response.end()) {
      std::string_view value = field->value();
      std::from_chars(value.data(), value.data() + value.size(), code);
    }
    if (std::find(c.grpcStatuses.begin(), c.grpcStatuses.end(), code) != c.grpcStatuses.end()) return true;
  }
  return false;
}

std::chrono::milliseconds retryBackoff(unsigned retry, std::chrono::milliseconds base, RandomSource& random) {
  const std::uint64_t baseMs = static_cast<std::uint64_t>(std::max<std::int64_t>(base.count(), 1));
  const std::uint64_t cap = 10 * baseMs;
  const std::uint64_t ceiling = retry >= 16 ? cap : std::min(((std::uint64_t{1} << retry) - 1) * baseMs, cap);
  return std::chrono::milliseconds(random.next() % ceiling);
}

}  // namespace meshstudio::engine

#pragma once

// Envoy's retry decisions under Istio (semantics §3): which outcomes of an attempt the route's
// `retryOn` tokens retry, and the jittered exponential back-off between attempts. Pure
// functions, so the table in the reference is checked token by token in unit tests.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "engine/HttpTypes.h"
#include "engine/RandomSource.h"

namespace meshstudio::engine {

/// The `retryOn` string, parsed once when the route is compiled.
struct RetryConditions {
  bool on5xx = false, gatewayError = false, reset = false, resetBeforeRequest = false, connectFailure = false,
       refusedStream = false, retriable4xx = false, retriableStatusCodes = false, envoyRateLimited = false;
  std::vector<unsigned> statusCodes;  ///< numbers in retryOn (Istio adds retriable-status-codes for them)
  std::vector<int> grpcStatuses;      ///< cancelled, deadline-exceeded, internal, resource-exhausted, unavailable
  std::vector<std::string> unknown;   ///< tokens Envoy would not know
};

/// Istio's default when `retries` or `retryOn` is absent (retry.go; 503 left it in 1.24).
inline constexpr std::string_view kIstioDefaultRetryOn =
    "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes";

RetryConditions parseRetryOn(std::string_view retryOn);

/// How one attempt ended.
struct AttemptOutcome {
  enum class Kind {
    Response,        ///< the upstream answered (`response`)
    ConnectFailure,  ///< TCP connect failed or timed out
    Reset,           ///< the connection ended before a complete answer
    ProtocolError,   ///< the answer was not HTTP/1.1 (garbage, a bad Content-Length): Envoy's 502 UPE
    PerTryTimeout,   ///< the per-try timeout passed
    Overflow,        ///< a circuit breaker refused it: never retried
  };
  Kind kind = Kind::Response;
  const Response* response = nullptr;
  bool requestSent = true;  ///< Reset: whether request bytes went out (reset-before-request)
};

/// Whether Envoy retries after `outcome` (attempts left aside).
bool wouldRetry(const RetryConditions& conditions, const AttemptOutcome& outcome);

/// The wait before retry number `retry` (1 for the first retry): uniform in
/// [0, (2^retry − 1) · base), capped at 10 · base (Envoy's default max interval).
std::chrono::milliseconds retryBackoff(unsigned retry, std::chrono::milliseconds base, RandomSource& random);

}  // namespace meshstudio::engine

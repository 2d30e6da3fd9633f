#pragma once

// A simulated pod answers like httpbin (https://httpbin.org), the workload Istio's own samples
// test routing with, so that what users already know about httpbin holds here. This is pure
// request → response logic: the I/O layer waits `delay`, then writes the response.
//
//   /status/<code>          answers that code (200-599) with an empty body; `/status/200,503`
//                           picks one uniformly, `/status/200:0.9,503:0.1` by weight (as httpbin
//                           does); anything else under /status/ is a 400
//   /delay/<seconds>        answers the echo after that many seconds (fractions allowed, at most 10)
//   /headers                answers {"headers": {...}}
//   anything else           answers 200 with the JSON echo:
//     {"pod", "deployment" (null for a plain Pod), "namespace", "labels", "method",
//      "path" (without the query), "query", "headers", "bodySize"}
//
// `query` follows httpbin's `args`: a name given once maps to its string, a repeated name to
// the array of its values in order; names and values are form-decoded (`%41` and `+`).
// `headers` holds every request header as received (the first spelling of its name); repeated
// headers are joined with ", " as RFC 9110 allows.
//
// Every answer carries `x-meshstudio-pod: <pod name>`, so a client sees which replica answered
// even for an empty /status body.
//
// Randomness is drawn in a fixed order, each draw only when needed, so tests can script it:
// the latency (only for a range), then the error draw (only when error-rate > 0), then the
// status choice (only for `/status/` with several codes). An injected error replaces the answer
// (and any /delay), but the latency still applies.

#include <chrono>

#include "engine/HttpTypes.h"
#include "engine/PodBehaviour.h"
#include "engine/RandomSource.h"
#include "engine/ServiceDirectory.h"

namespace meshstudio::engine {

struct PodAnswer {
  Response response;
  std::chrono::milliseconds delay{0};  ///< latency + /delay/<s>: how long to wait before sending
};

/// httpbin caps /delay at 10 seconds; so do we.
inline constexpr std::chrono::milliseconds kMaxDelayPath{10'000};

/// Answers `request` as the simulated `pod` would. The caller forwards to `behaviour.upstream`
/// instead when it is set; this function ignores it.
PodAnswer answerAsPod(const SimulatedPod& pod, const PodBehaviour& behaviour, const Request& request,
                      RandomSource& random);

}  // namespace meshstudio::engine

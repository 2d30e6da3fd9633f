// Fuzzes the reading of a Prometheus /api/v1/query answer (PrometheusQuery::parse): whatever
// the body, the answer is a number, "no data" or an error message, never a throw or a crash.
// A number it returns is always finite (NaN and ±Inf are "no data").

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/rollout/PrometheusQuery.h"

using meshstudio::rollout::PrometheusQuery;
using meshstudio::rollout::QueryAnswer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const QueryAnswer answer = PrometheusQuery::parse(body);
  if (answer.value && !std::isfinite(*answer.value)) __builtin_trap();
  if (answer.value && !answer.error.empty()) __builtin_trap();  // a value or an error, not both
  return 0;
}

#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/FieldCodec.h"
#include "model/Resource.h"

namespace meshstudio::model {

/// The local rate limit an EnvoyFilter inserts (`envoy.filters.http.local_ratelimit`), read
/// out of its configPatches. The EnvoyFilter itself is kept whole; this is a read-only view.
struct LocalRateLimit {
  std::size_t patchIndex = 0;  ///< which configPatches entry carries it
  std::string applyTo;         ///< HTTP_FILTER (listener-wide) or HTTP_ROUTE (per route)
  std::string context;         ///< SIDECAR_INBOUND, SIDECAR_OUTBOUND, GATEWAY, ANY
  /// Field path of the LocalRateLimit message inside the document, so that an editor writes
  /// exactly where this view reads: `spec.configPatches[0].patch.value.typed_config` (direct),
  /// `....typed_config.value` (TypedStruct wrapper), or under
  /// `typed_per_filter_config[envoy.filters.http.local_ratelimit]` for HTTP_ROUTE patches.
  std::string configPath;
  std::string statPrefix;
  // Token bucket: max_tokens is also the initial fill; tokens_per_fill defaults to 1.
  std::int64_t maxTokens = 0;
  std::int64_t tokensPerFill = 1;
  std::string fillInterval;
  // filter_enabled / filter_enforced default to 0%: without them the filter does nothing.
  double enabledPercent = 0;
  double enforcedPercent = 0;
  StringMap responseHeadersToAdd;
  StringMap workloadSelector;  ///< spec.workloadSelector.labels
};

/// Every local rate limit an EnvoyFilter configures (none for other resources).
std::vector<LocalRateLimit> localRateLimitsOf(const Resource& envoyFilter);

}  // namespace meshstudio::model

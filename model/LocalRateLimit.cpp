#include "model/LocalRateLimit.h"

namespace meshstudio::model {
namespace {

constexpr std::string_view kFilterName = "envoy.filters.http.local_ratelimit";
constexpr std::string_view kConfigType = "envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit";

std::string textAt(const Value* value) { return value && value->isScalar() ? value->text() : std::string(); }

std::int64_t intAt(const Value* value, std::int64_t fallback) {
  if (!value) return fallback;
  if (auto asInt = value->toInt()) return *asInt;
  return fallback;
}

/// Envoy's FractionalPercent {numerator, denominator: HUNDRED|TEN_THOUSAND|MILLION} as 0..100.
double percentOf(const Value* runtimePercent) {
  if (!runtimePercent) return 0;
  const Value* fraction = runtimePercent->find("default_value");
  if (!fraction) return 0;
  double numerator = static_cast<double>(intAt(fraction->find("numerator"), 0));
  std::string denominator = textAt(fraction->find("denominator"));
  if (denominator == "TEN_THOUSAND") return numerator / 100.0;
  if (denominator == "MILLION") return numerator / 10000.0;
  return numerator;  // HUNDRED is the default
}

/// The LocalRateLimit message inside typed_config, in either form Istio users write:
/// the direct `@type: ...LocalRateLimit`, or the older `udpa.type.v1.TypedStruct` wrapper.
/// `path` is the typed_config's field path and becomes the message's.
const Value* rateLimitConfig(const Value& typedConfig, std::string& path) {
  std::string type = textAt(typedConfig.find("@type"));
  if (type.ends_with(kConfigType)) return &typedConfig;
  if (textAt(typedConfig.find("type_url")).ends_with(kConfigType)) {
    path += ".value";
    return typedConfig.find("value");
  }
  return nullptr;
}

/// HTTP_FILTER patches name the filter; HTTP_ROUTE patches use typed_per_filter_config.
/// `path` is the patch value's field path and becomes the message's.
const Value* findConfig(const Value& patchValue, std::string& path) {
  if (textAt(patchValue.find("name")) == kFilterName)
    if (const Value* typed = patchValue.find("typed_config")) {
      path += ".typed_config";
      return rateLimitConfig(*typed, path);
    }
  if (const Value* perFilter = patchValue.find("typed_per_filter_config"))
    if (const Value* typed = perFilter->find(kFilterName)) {
      path += ".typed_per_filter_config[" + std::string(kFilterName) + "]";
      return rateLimitConfig(*typed, path);
    }
  return nullptr;
}

}  // namespace

std::vector<LocalRateLimit> localRateLimitsOf(const Resource& envoyFilter) {
  std::vector<LocalRateLimit> limits;
  const Value* spec = envoyFilter.spec();
  if (envoyFilter.kind() != ResourceKind::EnvoyFilter || !spec) return limits;
  const Value* patches = spec->find("configPatches");
  if (!patches || !patches->isSeq()) return limits;
  StringMap selector;
  if (const Value* labels = spec->at("workloadSelector.labels")) Codec<StringMap>::decode(*labels, selector);

  for (std::size_t i = 0; i < patches->items().size(); ++i) {
    const Value& patch = patches->items()[i];
    const Value* patchValue = patch.at("patch.value");
    std::string path = "spec.configPatches[" + std::to_string(i) + "].patch.value";
    const Value* config = patchValue ? findConfig(*patchValue, path) : nullptr;
    if (!config) continue;
    LocalRateLimit limit;
    limit.patchIndex = i;
    limit.configPath = std::move(path);
    limit.applyTo = textAt(patch.find("applyTo"));
    limit.context = textAt(patch.at("match.context"));
    limit.statPrefix = textAt(config->find("stat_prefix"));
    if (const Value* bucket = config->find("token_bucket")) {
      limit.maxTokens = intAt(bucket->find("max_tokens"), 0);
      limit.tokensPerFill = intAt(bucket->find("tokens_per_fill"), 1);
      limit.fillInterval = textAt(bucket->find("fill_interval"));
    }
    limit.enabledPercent = percentOf(config->find("filter_enabled"));
    limit.enforcedPercent = percentOf(config->find("filter_enforced"));
    if (const Value* headers = config->find("response_headers_to_add"); headers && headers->isSeq())
      for (const Value& option : headers->items())
        limit.responseHeadersToAdd.set(textAt(option.at("header.key")), textAt(option.at("header.value")));
    limit.workloadSelector = selector;
    limits.push_back(std::move(limit));
  }
  return limits;
}

}  // namespace meshstudio::model

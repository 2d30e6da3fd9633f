#include "app/rollout/PrometheusQuery.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "engine/HttpGet.h"

namespace meshstudio::rollout {
namespace {

/// A sample is `[timestamp, "value"]`; Prometheus writes the value as a string ("NaN", "+Inf" too).
std::optional<double> sampleValue(const nlohmann::json& sample) {
  if (!sample.is_array() || sample.size() != 2 || !sample[1].is_string()) return std::nullopt;
  const std::string& text = sample[1].get_ref<const std::string&>();
  char* end = nullptr;
  double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

bool PrometheusQuery::setBaseUrl(const std::string& baseUrl) {
  return engine::splitHttpUrl(baseUrl, host_, port_, prefix_);
}

QueryAnswer PrometheusQuery::query(const std::string& promql, std::chrono::milliseconds timeout) const {
  if (host_.empty()) return {std::nullopt, "no Prometheus URL"};
  engine::HttpGetResult answer =
      engine::httpGet(host_, port_, prefix_ + "/api/v1/query?query=" + engine::percentEncode(promql), timeout);
  if (!answer.error.empty()) return {std::nullopt, "Prometheus " + answer.error};
  QueryAnswer parsed = parse(answer.body);
  if (parsed.error.empty() && answer.status != 200)
    parsed.error = "Prometheus answered " + std::to_string(answer.status);
  return parsed;
}

QueryAnswer PrometheusQuery::parse(std::string_view text) {
  nlohmann::json json = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (!json.is_object()) return {std::nullopt, "Prometheus' answer is not JSON"};
  // Compared as JSON, not read with value("status", ""): that throws when status is not a string.
  const auto status = json.find("status");
  if (status == json.end() || *status != "success") {
    std::string error = json.contains("error") && json["error"].is_string() ? json["error"].get<std::string>()
                                                                            : std::string("no status");
    return {std::nullopt, "Prometheus: " + error};
  }
  const nlohmann::json* data = json.contains("data") ? &json["data"] : nullptr;
  if (!data || !data->is_object() || !data->contains("resultType") || !data->contains("result"))
    return {std::nullopt, "Prometheus' answer has no data.result"};
  const nlohmann::json& result = (*data)["result"];
  const nlohmann::json& type = (*data)["resultType"];
  if (type == "scalar") return {sampleValue(result), {}};
  if (type != "vector" || !result.is_array()) return {std::nullopt, "Prometheus' answer is not an instant vector"};
  if (result.empty()) return {};  // no series: no data
  const nlohmann::json& first = result.front();
  if (!first.is_object() || !first.contains("value")) return {std::nullopt, "a series without a value"};
  return {sampleValue(first["value"]), {}};
}

}  // namespace meshstudio::rollout

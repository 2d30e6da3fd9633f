#pragma once

#include <nlohmann/json.hpp>

#include "model/Value.h"

namespace meshstudio::model {

/// The JSON the Kubernetes API server would see for this document (YAML 1.2 core types:
/// quoted `"1"` stays a string, bare `1` is an integer).
nlohmann::json toJson(const Value& value);

/// A JSON document (an API server's answer) as a Value, keys in the order they came.
Value fromJson(const nlohmann::ordered_json& json);

}  // namespace meshstudio::model

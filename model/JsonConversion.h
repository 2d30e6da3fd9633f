#pragma once

#include <nlohmann/json.hpp>

#include "model/Value.h"

namespace meshstudio::model {

/// The JSON the Kubernetes API server would see for this document (YAML 1.2 core types:
/// quoted `"1"` stays a string, bare `1` is an integer).
nlohmann::json toJson(const Value& value);

}  // namespace meshstudio::model

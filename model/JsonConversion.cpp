#include "model/JsonConversion.h"

#include <charconv>

namespace meshstudio::model {

nlohmann::json toJson(const Value& value) {
  switch (value.type()) {
    case Value::Type::Null:
      return nullptr;
    case Value::Type::Bool:
      return *value.toBool();
    case Value::Type::Int: {
      if (auto asInt = value.toInt()) return *asInt;
      // Beyond int64: keep it a number, as the API server's JSON decoder would.
      std::uint64_t asUnsigned = 0;
      const std::string& text = value.text();
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), asUnsigned);
      if (ec == std::errc() && ptr == text.data() + text.size()) return asUnsigned;
      return value.toDouble().value_or(0.0);
    }
    case Value::Type::Float:
      return value.toDouble().value_or(0.0);
    case Value::Type::String:
      return value.text();
    case Value::Type::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const Value::Entry& entry : value.entries()) object[entry.key] = toJson(entry.value);
      return object;
    }
    case Value::Type::Seq: {
      nlohmann::json array = nlohmann::json::array();
      for (const Value& item : value.items()) array.push_back(toJson(item));
      return array;
    }
  }
  return nullptr;
}

}  // namespace meshstudio::model

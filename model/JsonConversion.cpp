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

Value fromJson(const nlohmann::ordered_json& json) {
  switch (json.type()) {
    case nlohmann::ordered_json::value_t::null:
    case nlohmann::ordered_json::value_t::discarded:
    case nlohmann::ordered_json::value_t::binary:  // JSON text never has it
      return Value::null();
    case nlohmann::ordered_json::value_t::boolean:
      return Value::boolean(json.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
    case nlohmann::ordered_json::value_t::number_unsigned:
    case nlohmann::ordered_json::value_t::number_float:
      return Value::number(json.dump());
    case nlohmann::ordered_json::value_t::string:
      return Value::string(json.get<std::string>());
    case nlohmann::ordered_json::value_t::object: {
      Value map = Value::map();
      for (const auto& [key, item] : json.items()) map.set(key, fromJson(item));
      return map;
    }
    case nlohmann::ordered_json::value_t::array: {
      Value seq = Value::seq();
      for (const auto& item : json) seq.append(fromJson(item));
      return seq;
    }
  }
  return Value::null();
}

}  // namespace meshstudio::model

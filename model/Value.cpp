#include "model/Value.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace meshstudio::model {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHexDigit(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool allOf(std::string_view text, bool (*predicate)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), predicate);
}
bool isOneOf(std::string_view text, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), text) != options.end();
}

bool isCoreNull(std::string_view text) { return isOneOf(text, {"", "~", "null", "Null", "NULL"}); }
bool isCoreBool(std::string_view text) { return isOneOf(text, {"true", "True", "TRUE", "false", "False", "FALSE"}); }

bool isCoreInt(std::string_view text) {
  if (text.starts_with("0x")) return allOf(text.substr(2), isHexDigit);
  if (text.starts_with("0o")) return allOf(text.substr(2), [](char c) { return c >= '0' && c <= '7'; });
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  return allOf(text, isDigit);
}

bool isCoreFloat(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  if (isOneOf(text, {".inf", ".Inf", ".INF"})) return true;
  if (isOneOf(text, {".nan", ".NaN", ".NAN"})) return true;
  // [0-9]+ ( . [0-9]* )? | . [0-9]+ , then an optional exponent.
  std::size_t i = 0;
  std::size_t intDigits = 0;
  while (i < text.size() && isDigit(text[i])) ++i, ++intDigits;
  std::size_t fracDigits = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && isDigit(text[i])) ++i, ++fracDigits;
  }
  if (intDigits == 0 && fracDigits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    std::size_t expDigits = 0;
    while (i < text.size() && isDigit(text[i])) ++i, ++expDigits;
    if (expDigits == 0) return false;
  }
  return i == text.size();
}

// YAML 1.1 readers (go-yaml v2, PyYAML, older kubectl) also treat these as non-strings.
bool isYaml11NonString(std::string_view text) {
  static constexpr std::array<std::string_view, 16> kWords = {"y",  "Y",  "yes", "Yes", "YES", "n",   "N",   "no",
                                                              "No", "NO", "on",  "On",  "ON",  "off", "Off", "OFF"};
  if (std::find(kWords.begin(), kWords.end(), text) != kWords.end()) return true;
  // Sexagesimal numbers (`1:20`), binary (`0b101`), underscores in numbers (`1_000`) and
  // leading-zero octals are YAML 1.1 numbers. Quoting them is harmless for 1.2 readers.
  if (text.starts_with("0b") && text.size() > 2) return true;
  bool digitsAndSeparators =
      !text.empty() && isDigit(text.front()) &&
      std::all_of(text.begin(), text.end(), [](char c) { return isDigit(c) || c == '_' || c == ':' || c == '.'; });
  return digitsAndSeparators;
}

}  // namespace

Value::Type resolvePlainScalar(std::string_view text) {
  if (isCoreNull(text)) return Value::Type::Null;
  if (isCoreBool(text)) return Value::Type::Bool;
  if (isCoreInt(text)) return Value::Type::Int;
  if (isCoreFloat(text)) return Value::Type::Float;
  return Value::Type::String;
}

bool plainScalarWouldChangeType(std::string_view text) {
  return resolvePlainScalar(text) != Value::Type::String || isYaml11NonString(text);
}

Value Value::null() { return Value(); }

Value Value::boolean(bool value) {
  Value v;
  v.type_ = Type::Bool;
  v.text_ = value ? "true" : "false";
  return v;
}

Value Value::integer(std::int64_t value) {
  Value v;
  v.type_ = Type::Int;
  v.text_ = std::to_string(value);
  return v;
}

Value Value::number(std::string text) {
  Value v;
  v.type_ = resolvePlainScalar(text) == Type::Int ? Type::Int : Type::Float;
  v.text_ = std::move(text);
  return v;
}

Value Value::floating(double value) {
  std::array<char, 32> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  std::string text(buffer.data(), ec == std::errc() ? end : buffer.data());
  // Keep a float a float when written: `100` would read back as an integer.
  if (resolvePlainScalar(text) == Type::Int) text += ".0";
  Value v;
  v.type_ = Type::Float;
  v.text_ = std::move(text);
  return v;
}

Value Value::string(std::string text) {
  Value v;
  v.type_ = Type::String;
  v.text_ = std::move(text);
  return v;
}

Value Value::map() {
  Value v;
  v.type_ = Type::Map;
  return v;
}

Value Value::seq() {
  Value v;
  v.type_ = Type::Seq;
  return v;
}

Value Value::plainScalar(std::string text) {
  Value v;
  v.type_ = resolvePlainScalar(text);
  v.text_ = std::move(text);
  return v;
}

std::optional<bool> Value::toBool() const {
  if (type_ != Type::Bool) return std::nullopt;
  return text_.front() == 't' || text_.front() == 'T';
}

std::optional<std::int64_t> Value::toInt() const {
  if (type_ != Type::Int) return std::nullopt;
  std::string_view text = text_;
  int base = 10;
  if (text.starts_with("0x")) {
    base = 16;
    text.remove_prefix(2);
  } else if (text.starts_with("0o")) {
    base = 8;
    text.remove_prefix(2);
  } else if (text.starts_with('+')) {
    text.remove_prefix(1);
  }
  std::int64_t result = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), result, base);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return result;
}

std::optional<double> Value::toDouble() const {
  if (type_ == Type::Int) {
    auto asInt = toInt();
    if (asInt) return static_cast<double>(*asInt);
    return std::nullopt;
  }
  if (type_ != Type::Float) return std::nullopt;
  std::string_view text = text_;
  bool negative = text.starts_with('-');
  if (text.starts_with('-') || text.starts_with('+')) text.remove_prefix(1);
  if (text.size() == 4 && text[0] == '.' && (text[1] == 'i' || text[1] == 'I')) return negative ? -INFINITY : INFINITY;
  if (text.size() == 4 && text[0] == '.' && (text[1] == 'n' || text[1] == 'N')) return NAN;
  // from_chars rejects a leading '.', which YAML allows (`.5`).
  std::string normalized = text.starts_with('.') ? "0" + std::string(text) : std::string(text);
  double result = 0;
  auto [ptr, ec] = std::from_chars(normalized.data(), normalized.data() + normalized.size(), result);
  if (ec != std::errc() || ptr != normalized.data() + normalized.size()) return std::nullopt;
  return negative ? -result : result;
}

std::optional<std::string> Value::toString() const {
  if (type_ != Type::String) return std::nullopt;
  return text_;
}

const Value* Value::find(std::string_view key) const {
  if (type_ != Type::Map) return nullptr;
  for (const Entry& entry : map_)
    if (entry.key == key) return &entry.value;
  return nullptr;
}

Value* Value::find(std::string_view key) { return const_cast<Value*>(static_cast<const Value*>(this)->find(key)); }

Value& Value::set(std::string key, Value value) {
  if (type_ == Type::Null) type_ = Type::Map;
  if (Value* existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  map_.push_back(Entry{std::move(key), std::move(value), {}});
  return map_.back().value;
}

bool Value::erase(std::string_view key) {
  auto it = std::find_if(map_.begin(), map_.end(), [&](const Entry& e) { return e.key == key; });
  if (it == map_.end()) return false;
  map_.erase(it);
  return true;
}

Value& Value::append(Value value) {
  if (type_ == Type::Null) type_ = Type::Seq;
  seq_.push_back(std::move(value));
  return seq_.back();
}

std::string Value::stringAt(std::string_view path) const {
  const Value* value = at(path);
  return value && value->isString() ? value->text() : std::string();
}

const Value* Value::at(std::string_view path) const {
  const Value* current = this;
  std::size_t i = 0;
  while (current && i < path.size()) {
    if (path[i] == '.') {
      ++i;
      continue;
    }
    if (path[i] == '[') {
      std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) return nullptr;
      std::size_t index = 0;
      auto [ptr, ec] = std::from_chars(path.data() + i + 1, path.data() + close, index);
      if (ec != std::errc() || ptr != path.data() + close || !current->isSeq() || index >= current->seq_.size())
        return nullptr;
      current = &current->seq_[index];
      i = close + 1;
      continue;
    }
    std::size_t end = path.find_first_of(".[", i);
    if (end == std::string_view::npos) end = path.size();
    current = current->find(path.substr(i, end - i));
    i = end;
  }
  return current;
}

bool Value::operator==(const Value& other) const {
  return type_ == other.type_ && text_ == other.text_ && map_ == other.map_ && seq_ == other.seq_;
}

}  // namespace meshstudio::model

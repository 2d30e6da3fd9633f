#include "model/CelRules.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <memory>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

// The CEL forms understood here (names, literals and bounds vary; `self` is the value the rule is attached to):
//
//   duration(self) >= duration('1ms')                              also >, <=, <
//   0 < self && self <= 65535                                      either bound may be < or <=
//   self != "*"
//   !self.contains("*")
//   self.size() == 0                                               on strings
//   self.all(key, !key.contains("*"))                              map keys, or list items
//   self.all(key, key.size() != 0)
//   self.all(key, size(key) < 63 && key.matches("^[a-z]...$"))
//   self.all(l1, self.exists_one(l2, l1.number == l2.number))      a list field must be unique
//   has(self.a) || has(self.b) || ...
//   (has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) + ... <= 1
//
// and, by their exact text (see kExactRules), the seven one-off rules of ServiceEntry and EnvoyFilter: UDS
// addresses (absolute path, not a directory, no ports), the resolution rules (CIDR addresses, NONE without
// endpoints, DNS_ROUND_ROBIN with at most one endpoint) and EnvoyFilter's waypoint context rule.
//
// That covers every rule in resources/crds today; tst_schemavalidator fails when a CRD update brings one that is
// not recognised. Until it is added here such a rule is skipped, never reported: without a CEL interpreter we
// cannot tell what it means.

namespace meshstudio::model {
namespace {

using nlohmann::json;
using Result = std::optional<std::string>;

constexpr std::string_view kUnix = "unix://";

/// CEL's `has(self.field)`. A null member counts as absent: the API server prunes those before validation.
bool has(const json& object, const std::string& field) {
  auto it = object.find(field);
  return it != object.end() && !it->is_null();
}

const std::string* stringField(const json& object, const std::string& field) {
  auto it = object.find(field);
  return it != object.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::string withoutSpaces(std::string_view text) {
  std::string result;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) result += c;
  return result;
}

/// Splits at `separator` where it is outside parentheses and string literals.
std::vector<std::string_view> splitTopLevel(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> parts;
  int depth = 0;
  char quote = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      --depth;
    } else if (depth == 0 && text.substr(i, separator.size()) == separator) {
      parts.push_back(trim(text.substr(start, i - start)));
      i += separator.size() - 1;
      start = i + 1;
    }
  }
  parts.push_back(trim(text.substr(start)));
  return parts;
}

/// The contents of a CEL string literal whose quotes were already stripped by the pattern.
std::string unescape(std::string_view text) {
  std::string result;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    result += text[i];
  }
  return result;
}

/// `"a", "b", "c"`, or with `last` = " and ": `"a", "b" and "c"`.
std::string quotedList(const std::vector<std::string>& names, const char* last = ", ") {
  std::string result;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) result += i + 1 == names.size() ? last : ", ";
    result += quoteForMessage(names[i]);
  }
  return result;
}

/// What `self.all(v, ...)` iterates: the keys of a map, or the string items of a list.
template <typename Fn>
Result forEachKey(const json& self, Fn&& fn) {
  if (self.is_object()) {
    for (auto it = self.begin(); it != self.end(); ++it)
      if (Result failure = fn(it.key(), "key")) return failure;
  } else if (self.is_array()) {
    for (const json& item : self)
      if (item.is_string())
        if (Result failure = fn(item.get_ref<const std::string&>(), "item")) return failure;
  }
  return std::nullopt;
}

// Rules matched by their exact text (whitespace ignored), each too specific to be worth a general form.
struct ExactRule {
  std::string_view text;
  std::optional<std::string> (*check)(const json& self);
};

const std::array<ExactRule, 7> kExactRules{{
    {R"(self.startsWith("unix://") ? (self.substring(7, 8) == "/" || self.substring(7, 8) == "@") : true)",
     [](const json& self) -> Result {
       if (!self.is_string()) return std::nullopt;
       const auto& s = self.get_ref<const std::string&>();
       // substring(7, 8) of a bare "unix://" is a CEL runtime error, which the API server reports as a failure.
       if (s.starts_with(kUnix) && (s.size() <= kUnix.size() || (s[7] != '/' && s[7] != '@'))) return "";
       return std::nullopt;
     }},
    {R"(self.startsWith("unix://") ? !self.endsWith("/") : true)",
     [](const json& self) -> Result {
       if (!self.is_string()) return std::nullopt;
       const auto& s = self.get_ref<const std::string&>();
       if (s.starts_with(kUnix) && s.ends_with('/')) return "";
       return std::nullopt;
     }},
    {R"((has(self.address) ? self.address : "").startsWith("unix://") ? !has(self.ports) : true)",
     [](const json& self) -> Result {
       if (!self.is_object()) return std::nullopt;
       const std::string* address = stringField(self, "address");
       if (address && address->starts_with(kUnix) && has(self, "ports")) return "";
       return std::nullopt;
     }},
    {R"(!((has(self.addresses) ? self.addresses : []).exists(k, k.contains("/")) && )"
     R"(!((has(self.resolution) ? self.resolution : "NONE") in ["STATIC", "NONE"])))",
     [](const json& self) -> Result {
       if (!self.is_object()) return std::nullopt;
       auto addresses = self.find("addresses");
       bool cidr = addresses != self.end() && addresses->is_array() &&
                   std::any_of(addresses->begin(), addresses->end(), [](const json& address) {
                     return address.is_string() && address.get_ref<const std::string&>().find('/') != std::string::npos;
                   });
       const std::string* resolution = stringField(self, "resolution");
       if (cidr && resolution && *resolution != "STATIC" && *resolution != "NONE") return "";
       return std::nullopt;
     }},
    {R"(((has(self.resolution) ? self.resolution : "NONE") == "NONE") ? !has(self.endpoints) : true)",
     [](const json& self) -> Result {
       if (!self.is_object()) return std::nullopt;
       const std::string* resolution = stringField(self, "resolution");
       if ((!has(self, "resolution") || (resolution && *resolution == "NONE")) && has(self, "endpoints")) return "";
       return std::nullopt;
     }},
    {R"(((has(self.resolution) ? self.resolution : "") == "DNS_ROUND_ROBIN") ? )"
     R"(((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true)",
     [](const json& self) -> Result {
       if (!self.is_object()) return std::nullopt;
       const std::string* resolution = stringField(self, "resolution");
       auto endpoints = self.find("endpoints");
       if (resolution && *resolution == "DNS_ROUND_ROBIN" && endpoints != self.end() && endpoints->is_array() &&
           endpoints->size() > 1)
         return "";
       return std::nullopt;
     }},
    {R"(has(self.context) ? ((self.context == "WAYPOINT") ? has(self.waypoint) : !has(self.waypoint)) : )"
     R"(!has(self.waypoint))",
     [](const json& self) -> Result {
       if (!self.is_object()) return std::nullopt;
       const std::string* context = stringField(self, "context");
       bool waypointContext = context && *context == "WAYPOINT";
       if (waypointContext != has(self, "waypoint")) return "";
       return std::nullopt;
     }},
}};

std::function<Result(const json&)> compileDuration(const std::string& op, const std::string& literal) {
  std::optional<double> limit = parseGoDuration(literal);
  if (!limit) return nullptr;
  return [op, literal, limit = *limit](const json& self) -> Result {
    if (!self.is_string()) return std::nullopt;
    const auto& text = self.get_ref<const std::string&>();
    std::optional<double> value = parseGoDuration(text);
    if (!value) return "expected a duration such as 5s or 250ms, got " + quoteForMessage(text);
    std::string subject = "duration " + quoteForMessage(text);
    if (op == ">=" && !(*value >= limit)) return subject + " is below the minimum of " + literal;
    if (op == ">" && !(*value > limit)) return subject + " must be longer than " + literal;
    if (op == "<=" && !(*value <= limit)) return subject + " is above the maximum of " + literal;
    if (op == "<" && !(*value < limit)) return subject + " must be shorter than " + literal;
    return std::nullopt;
  };
}

std::function<Result(const json&)> compileRange(long long low, const std::string& lowOp, const std::string& highOp,
                                                long long high) {
  return [=](const json& self) -> Result {
    if (!self.is_number()) return std::nullopt;
    double value = self.get<double>();
    bool aboveLow = lowOp == "<" ? static_cast<double>(low) < value : static_cast<double>(low) <= value;
    bool belowHigh = highOp == "<" ? value < static_cast<double>(high) : value <= static_cast<double>(high);
    if (aboveLow && belowHigh) return std::nullopt;
    // Integer bounds as people write them: `0 < self` means "from 1".
    long long first = lowOp == "<" ? low + 1 : low;
    long long last = highOp == "<" ? high - 1 : high;
    return "value " + self.dump() + " is not between " + std::to_string(first) + " and " + std::to_string(last);
  };
}

/// `has(self.a) || has(self.b)` and `(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) <= 1`: the field names, or
/// empty when `parts` are not all of the expected shape.
std::vector<std::string> fieldNames(const std::vector<std::string_view>& parts, const RE2& shape) {
  std::vector<std::string> names;
  for (std::string_view part : parts) {
    std::string name;
    if (!RE2::FullMatch(re2::StringPiece(part.data(), part.size()), shape, &name)) return {};
    names.push_back(std::move(name));
  }
  return names;
}

std::function<Result(const json&)> compileGeneral(std::string_view rule) {
  static const RE2 kDuration(R"re(duration\(\s*self\s*\)\s*(>=|>|<=|<)\s*duration\(\s*['"]([^'"]*)['"]\s*\))re");
  static const RE2 kRange(R"re((-?\d+)\s*(<=|<)\s*self\s*&&\s*self\s*(<=|<)\s*(-?\d+))re");
  static const RE2 kNotEqual(R"re(self\s*!=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'))re");
  static const RE2 kNotContains(R"re(!\s*self\.contains\(\s*"((?:[^"\\]|\\.)*)"\s*\))re");
  static const RE2 kEmpty(R"re((?:self\.size\(\)|size\(\s*self\s*\))\s*==\s*0)re");
  static const RE2 kAllNotContains(
      R"re(self\.all\(\s*(\w+)\s*,\s*!\s*(\w+)\.contains\(\s*"((?:[^"\\]|\\.)*)"\s*\)\s*\))re");
  static const RE2 kAllNotEmpty(R"re(self\.all\(\s*(\w+)\s*,\s*(\w+)\.size\(\)\s*!=\s*0\s*\))re");
  static const RE2 kAllMatch(R"re(self\.all\(\s*(\w+)\s*,\s*size\(\s*(\w+)\s*\)\s*<\s*(\d+)\s*&&\s*)re"
                             R"re((\w+)\.matches\(\s*"((?:[^"\\]|\\.)*)"\s*\)\s*\))re");
  static const RE2 kUnique(
      R"re(self\.all\(\s*(\w+)\s*,\s*self\.exists_one\(\s*(\w+)\s*,\s*(\w+)\.(\w+)\s*==\s*(\w+)\.(\w+)\s*\)\s*\))re");
  static const RE2 kHas(R"re(has\(\s*self\.(\w+)\s*\))re");
  static const RE2 kHasCount(R"re(\(\s*has\(\s*self\.(\w+)\s*\)\s*\?\s*1\s*:\s*0\s*\))re");

  re2::StringPiece text(rule.data(), rule.size());
  std::string a, b, c, d, e, f;
  if (RE2::FullMatch(text, kDuration, &a, &b)) return compileDuration(a, b);

  long long low = 0, high = 0;
  if (RE2::FullMatch(text, kRange, &low, &a, &b, &high)) return compileRange(low, a, b, high);

  if (RE2::FullMatch(text, kNotEqual, &a, &b)) {
    std::string literal = unescape(a.empty() ? b : a);
    return [literal](const json& self) -> Result {
      if (!self.is_string() || self.get_ref<const std::string&>() != literal) return std::nullopt;
      return "value must not be " + quoteForMessage(literal);
    };
  }
  if (RE2::FullMatch(text, kNotContains, &a)) {
    std::string needle = unescape(a);
    return [needle](const json& self) -> Result {
      if (!self.is_string()) return std::nullopt;
      const auto& s = self.get_ref<const std::string&>();
      if (s.find(needle) == std::string::npos) return std::nullopt;
      return quoteForMessage(s) + " must not contain " + quoteForMessage(needle);
    };
  }
  if (RE2::FullMatch(text, kEmpty)) {
    return [](const json& self) -> Result {
      if (!self.is_string() || self.get_ref<const std::string&>().empty()) return std::nullopt;
      return "value must be empty, got " + quoteForMessage(self.get_ref<const std::string&>());
    };
  }
  if (RE2::FullMatch(text, kAllNotContains, &a, &b, &c) && a == b) {
    std::string needle = unescape(c);
    return [needle](const json& self) -> Result {
      return forEachKey(self, [&](const std::string& key, const char* what) -> Result {
        if (key.find(needle) == std::string::npos) return std::nullopt;
        return std::string(what) + " " + quoteForMessage(key) + " must not contain " + quoteForMessage(needle);
      });
    };
  }
  if (RE2::FullMatch(text, kAllNotEmpty, &a, &b) && a == b) {
    return [](const json& self) -> Result {
      return forEachKey(self, [](const std::string& key, const char*) -> Result {
        if (!key.empty()) return std::nullopt;
        return "";  // "empty key" would only repeat the CRD's message
      });
    };
  }
  if (RE2::FullMatch(text, kAllMatch, &a, &b, &c, &d, &e) && a == b && a == d) {
    // CEL's matches() is RE2 with search semantics, so PartialMatch is the faithful translation.
    auto pattern = std::make_shared<RE2>(unescape(e), RE2::Quiet);
    std::size_t limit = std::stoul(c);
    if (!pattern->ok()) return nullptr;
    return [pattern, limit](const json& self) -> Result {
      return forEachKey(self, [&](const std::string& key, const char* what) -> Result {
        // CEL's size() counts code points; keys that matter here are ASCII, so bytes are close enough.
        if (key.size() < limit && RE2::PartialMatch(key, *pattern)) return std::nullopt;
        return std::string(what) + " " + quoteForMessage(key) + " must be shorter than " + std::to_string(limit) +
               " characters and match " + quoteForMessage(pattern->pattern());
      });
    };
  }
  if (RE2::FullMatch(text, kUnique, &a, &b, &c, &d, &e, &f) && a != b && d == f &&
      ((c == a && e == b) || (c == b && e == a))) {
    std::string field = d;
    return [field](const json& self) -> Result {
      if (!self.is_array()) return std::nullopt;
      for (std::size_t i = 0; i < self.size(); ++i) {
        auto value = self[i].is_object() ? self[i].find(field) : self[i].end();
        if (!self[i].is_object() || value == self[i].end()) continue;
        for (std::size_t j = 0; j < i; ++j) {
          if (!self[j].is_object()) continue;
          auto other = self[j].find(field);
          if (other != self[j].end() && *other == *value)
            return field + " " + value->dump() + " appears in items " + std::to_string(j) + " and " + std::to_string(i);
        }
      }
      return std::nullopt;
    };
  }

  std::vector<std::string> anyOf = fieldNames(splitTopLevel(rule, "||"), kHas);
  if (!anyOf.empty()) {
    return [anyOf](const json& self) -> Result {
      if (!self.is_object()) return std::nullopt;
      for (const std::string& name : anyOf)
        if (has(self, name)) return std::nullopt;
      if (anyOf.size() == 1) return quotedList(anyOf) + " is not set";
      if (anyOf.size() == 2) return "neither " + quotedList(anyOf, " nor ") + " is set";
      return "none of " + quotedList(anyOf) + " is set";
    };
  }

  std::vector<std::string_view> comparison = splitTopLevel(rule, "<=");
  if (comparison.size() == 2 && comparison[1] == "1") {
    std::vector<std::string> atMostOne = fieldNames(splitTopLevel(comparison[0], "+"), kHasCount);
    if (atMostOne.size() >= 2) {
      return [atMostOne](const json& self) -> Result {
        if (!self.is_object()) return std::nullopt;
        std::vector<std::string> set;
        for (const std::string& name : atMostOne)
          if (has(self, name)) set.push_back(name);
        if (set.size() <= 1) return std::nullopt;
        return quotedList(set, " and ") + (set.size() == 2 ? " are both set" : " are all set");
      };
    }
  }
  return nullptr;
}

}  // namespace

std::optional<double> parseGoDuration(std::string_view text) {
  // A port of Go's time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+, or a bare "0".
  double sign = 1;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    if (text.front() == '-') sign = -1;
    text.remove_prefix(1);
  }
  if (text == "0") return 0.0;
  if (text.empty()) return std::nullopt;

  static constexpr std::array<std::pair<std::string_view, double>, 8> kUnits{{
      {"ns", 1},
      {"us", 1e3},
      {"\u00b5s", 1e3},  // micro sign
      {"\u03bcs", 1e3},  // Greek small letter mu
      {"ms", 1e6},
      {"s", 1e9},
      {"m", 60e9},
      {"h", 3600e9},
  }};
  auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
  double total = 0;
  while (!text.empty()) {
    double value = 0;
    bool digits = false;
    while (!text.empty() && isDigit(text.front())) {
      value = value * 10 + (text.front() - '0');
      digits = true;
      text.remove_prefix(1);
    }
    if (!text.empty() && text.front() == '.') {
      text.remove_prefix(1);
      double scale = 0.1;
      while (!text.empty() && isDigit(text.front())) {
        value += (text.front() - '0') * scale;
        scale /= 10;
        digits = true;
        text.remove_prefix(1);
      }
    }
    if (!digits) return std::nullopt;
    std::size_t unitLength = 0;
    while (unitLength < text.size() && text[unitLength] != '.' && !isDigit(text[unitLength])) ++unitLength;
    std::string_view unit = text.substr(0, unitLength);
    auto match = std::find_if(kUnits.begin(), kUnits.end(), [&](const auto& entry) { return entry.first == unit; });
    if (match == kUnits.end()) return std::nullopt;  // also a missing unit: "10" is not a duration
    total += value * match->second;
    text.remove_prefix(unitLength);
  }
  // Go keeps durations in an int64 of nanoseconds and rejects anything longer (about 292 years).
  if (total > 9.223372036854775807e18) return std::nullopt;
  return sign * total;
}

CelRule CelRule::compile(std::string_view rule, std::string_view message) {
  CelRule result;
  result.rule_ = std::string(rule);
  result.message_ = std::string(message);
  std::string key = withoutSpaces(rule);
  for (const ExactRule& exact : kExactRules) {
    if (withoutSpaces(exact.text) == key) {
      result.check_ = exact.check;
      return result;
    }
  }
  try {
    result.check_ = compileGeneral(trim(rule));
  } catch (const std::exception&) {
    // A literal out of range (std::stoul) and the like: the rule stays unrecognised rather than failing the load.
    result.check_ = nullptr;
  }
  return result;
}

std::optional<std::string> CelRule::check(const nlohmann::json& self) const {
  if (!check_) return std::nullopt;
  Result reason = check_(self);
  if (!reason) return std::nullopt;
  if (reason->empty()) return message_.empty() ? "failed rule: " + rule_ : message_;
  if (message_.empty()) return reason;
  return *reason + " (" + message_ + ")";
}

std::string quoteForMessage(std::string_view text) {
  constexpr std::size_t kMax = 80;
  std::string shown(text);
  if (shown.size() > kMax)
    shown = std::string(text.substr(0, kMax / 2)) + "..." + std::string(text.substr(text.size() - kMax / 2));
  // Replace rather than throw on invalid UTF-8: the message must always be produced.
  return json(shown).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string describeJson(const nlohmann::json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return value.get<bool>() ? "boolean true" : "boolean false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer " + value.dump();
    case json::value_t::number_float:
      return "number " + value.dump();
    case json::value_t::string:
      return "string " + quoteForMessage(value.get_ref<const std::string&>());
    case json::value_t::object:
      return "object";
    case json::value_t::array:
      return "array";
    default:
      return "value";
  }
}

}  // namespace meshstudio::model

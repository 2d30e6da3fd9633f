#pragma once

// A VirtualService StringMatch compiled once, as Istio hands it to Envoy: exact and prefix
// compare bytes, regex is an RE2 full match (Envoy's safe_regex), and `{}` or `regex: "*"`
// is a presence test (route.go canBeConvertedToPresentMatch).

#include <memory>
#include <string>
#include <string_view>

#include "model/VirtualService.h"

namespace re2 {
class RE2;
}

namespace meshstudio::engine {

class StringMatcher {
 public:
  enum class Kind { Exact, Prefix, Regex, Present };

  /// `ignoreCase` applies to exact and prefix only (ignoreUriCase never touches regexes).
  /// Returns false and fills `error` when the regex does not compile.
  static bool compile(const model::StringMatch& match, bool ignoreCase, StringMatcher& out, std::string& error);
  static StringMatcher exact(std::string text) { return literal(Kind::Exact, std::move(text)); }
  static StringMatcher prefix(std::string text) { return literal(Kind::Prefix, std::move(text)); }

  Kind kind() const { return kind_; }
  const std::string& text() const { return text_; }
  bool ignoresCase() const { return ignoreCase_; }

  /// Whether `value` matches. A presence test is decided by the caller (the value exists).
  bool matches(std::string_view value) const;
  /// `exact "jason"`, `prefix "/api"`, `regex "v[12]"`, `present`.
  std::string describe() const;

 private:
  static StringMatcher literal(Kind kind, std::string text);

  Kind kind_ = Kind::Present;
  std::string text_;
  bool ignoreCase_ = false;
  std::shared_ptr<const re2::RE2> regex_;  // shared: compiled snapshots are copied cheaply
};

}  // namespace meshstudio::engine

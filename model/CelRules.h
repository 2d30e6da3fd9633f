#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace meshstudio::model {

/// Parses a Go duration the way `time.ParseDuration` (and so CEL's `duration()`) does: `300ms`, `1.5s`, `1h2m`,
/// `-2s`, `0`. Units: ns, us, µs, μs, ms, s, m, h. Returns nanoseconds, or nullopt when `text` is not a duration.
std::optional<double> parseGoDuration(std::string_view text);

/// One `x-kubernetes-validations` entry of a CRD schema.
///
/// There is no CEL interpreter here: the rule text is matched against the handful of forms the Istio CRDs
/// actually use (see CelRules.cpp for the list) and compiled into a native check. A rule in any other form is
/// kept but not recognised, and never fails: a false error would be worse than a missed one, and the API
/// server still checks it on apply.
class CelRule {
 public:
  static CelRule compile(std::string_view rule, std::string_view message);

  bool recognised() const { return static_cast<bool>(check_); }
  const std::string& rule() const { return rule_; }

  /// The finding's message when `self` (the value the rule is attached to) breaks the rule. nullopt when the
  /// rule holds, when the rule is not recognised, or when `self` has a type the rule does not apply to (the
  /// schema's type check reports that one).
  std::optional<std::string> check(const nlohmann::json& self) const;

 private:
  /// Returns nullopt when the rule holds, "" when it fails and the CRD's message says it all, else the
  /// specific reason (`duration "0.5ms" is below the minimum of 1ms`).
  using Check = std::function<std::optional<std::string>(const nlohmann::json& self)>;

  std::string rule_;
  std::string message_;
  Check check_;
};

/// `"text"` with JSON escapes, shortened in the middle when long: how values are quoted in findings.
std::string quoteForMessage(std::string_view text);
/// `string "abc"`, `integer 5`, `boolean true`, `object`, ...: what a value is, for "expected X, got Y".
std::string describeJson(const nlohmann::json& value);

}  // namespace meshstudio::model

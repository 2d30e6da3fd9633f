#pragma once

// A `labelSelector` query as the API server reads it: comma-separated requirements `k=v`,
// `k==v`, `k!=v`, `k in (a,b)`, `k notin (a,b)`, `k` (exists) and `!k` (does not exist).

#include <nlohmann/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace meshstudio::test {

class LabelSelector {
 public:
  /// nullopt (with `error`) when the text is not a selector.
  static std::optional<LabelSelector> parse(const std::string& text, std::string& error);
  /// Whether an object's `metadata.labels` satisfy every requirement.
  bool matches(const nlohmann::json& object) const;

 private:
  struct Requirement {
    enum class Op { In, NotIn, Exists, DoesNotExist } op = Op::Exists;
    std::string key;
    std::set<std::string> values;
  };
  std::vector<Requirement> requirements_;
};

}  // namespace meshstudio::test

#include "cluster/LabelSelector.h"

namespace meshstudio::test {

namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

/// Splits at commas outside parentheses.
std::vector<std::string> requirementsOf(const std::string& text) {
  std::vector<std::string> parts;
  std::string current;
  int depth = 0;
  for (const char c : text) {
    if (c == '(') ++depth;
    if (c == ')') --depth;
    if (c == ',' && depth == 0) {
      parts.push_back(trimmed(current));
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(trimmed(current));
  return parts;
}

bool validKey(const std::string& key) { return !key.empty() && key.find_first_of(" ()!=,") == std::string::npos; }

}  // namespace

std::optional<LabelSelector> LabelSelector::parse(const std::string& text, std::string& error) {
  LabelSelector selector;
  if (trimmed(text).empty()) return selector;
  for (const std::string& part : requirementsOf(text)) {
    Requirement requirement;
    std::string::size_type at;
    if (part.empty()) {
      error = "found '', expected: identifier";
      return std::nullopt;
    }
    if (part[0] == '!') {
      requirement.op = Requirement::Op::DoesNotExist;
      requirement.key = trimmed(part.substr(1));
    } else if ((at = part.find("!=")) != std::string::npos) {
      requirement.op = Requirement::Op::NotIn;
      requirement.key = trimmed(part.substr(0, at));
      requirement.values.insert(trimmed(part.substr(at + 2)));
    } else if ((at = part.find("==")) != std::string::npos) {
      requirement.op = Requirement::Op::In;
      requirement.key = trimmed(part.substr(0, at));
      requirement.values.insert(trimmed(part.substr(at + 2)));
    } else if ((at = part.find('=')) != std::string::npos) {
      requirement.op = Requirement::Op::In;
      requirement.key = trimmed(part.substr(0, at));
      requirement.values.insert(trimmed(part.substr(at + 1)));
    } else if (const auto open = part.find('('); open != std::string::npos) {
      const std::string head = trimmed(part.substr(0, open));
      const auto space = head.rfind(' ');
      const std::string op = space == std::string::npos ? "" : head.substr(space + 1);
      if ((op != "in" && op != "notin") || part.back() != ')') {
        error = "unable to parse requirement: " + part;
        return std::nullopt;
      }
      requirement.op = op == "in" ? Requirement::Op::In : Requirement::Op::NotIn;
      requirement.key = trimmed(head.substr(0, space));
      const std::string inside = part.substr(open + 1, part.size() - open - 2);
      std::string::size_type start = 0;
      while (start <= inside.size()) {
        const auto comma = inside.find(',', start);
        requirement.values.insert(trimmed(inside.substr(start, comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else {
      requirement.op = Requirement::Op::Exists;
      requirement.key = part;
    }
    if (!validKey(requirement.key)) {
      error = "unable to parse requirement: invalid label key \"" + requirement.key + "\"";
      return std::nullopt;
    }
    selector.requirements_.push_back(std::move(requirement));
  }
  return selector;
}

bool LabelSelector::matches(const nlohmann::json& object) const {
  const nlohmann::json* labels = nullptr;
  if (object.contains("metadata") && object["metadata"].contains("labels")) labels = &object["metadata"]["labels"];
  for (const Requirement& requirement : requirements_) {
    const bool present = labels && labels->contains(requirement.key) && labels->at(requirement.key).is_string();
    const std::string value = present ? labels->at(requirement.key).get<std::string>() : std::string();
    switch (requirement.op) {
      case Requirement::Op::Exists:
        if (!present) return false;
        break;
      case Requirement::Op::DoesNotExist:
        if (present) return false;
        break;
      case Requirement::Op::In:
        if (!present || !requirement.values.count(value)) return false;
        break;
      case Requirement::Op::NotIn:  // like the API server: an absent label is "not in"
        if (present && requirement.values.count(value)) return false;
        break;
    }
  }
  return true;
}

}  // namespace meshstudio::test

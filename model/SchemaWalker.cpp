#include "model/SchemaWalker.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace meshstudio::model {
namespace {

using nlohmann::json;
using Node = SchemaTree::Node;

constexpr const char* kSchemaCode = "IST0106";
constexpr const char* kUnknownFieldCode = "MS0101";

/// The keys every resource has besides what its openAPIV3Schema describes.
bool isEnvelopeKey(std::string_view key) { return key == "apiVersion" || key == "kind" || key == "metadata"; }

/// kube-openapi's `date-time`: RFC 3339 and the few relaxed layouts go-openapi's strfmt also accepts (lower-case
/// t and z, a space instead of T, no seconds, no zone). Lenient on purpose: a false error is worse than a miss.
bool isDateTime(const std::string& text) {
  static const RE2 kDateTime(R"(\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)");
  return RE2::FullMatch(text, kDateTime);
}

/// `byte`: standard base64 with padding, as Go's base64.StdEncoding decodes it (which skips CR and LF).
bool isBase64(const std::string& text) {
  std::size_t length = 0;
  std::size_t padding = 0;
  for (char c : text) {
    if (c == '\r' || c == '\n') continue;
    bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    if (c == '=') {
      ++padding;
    } else if (!alphabet || padding > 0) {
      return false;  // a foreign character, or data after the padding
    }
    ++length;
  }
  return length % 4 == 0 && padding <= 2;
}

class Walker {
 public:
  Walker(std::vector<SchemaFinding>& findings, bool& needsNormalising)
      : findings_(findings), needsNormalising_(needsNormalising) {}

  void visit(const Node& node, const json& value, bool atRoot = false) {
    for (const CelRule& rule : node.rules)
      if (std::optional<std::string> failure = rule.check(value)) error(std::move(*failure));

    switch (value.type()) {
      case json::value_t::object:
        for (auto it = value.begin(); it != value.end(); ++it) {
          if (atRoot && isEnvelopeKey(it.key())) continue;
          if (it->is_null()) {
            needsNormalising_ = true;  // pruned by the API server: neither checked nor unknown
            continue;
          }
          std::size_t mark = path_.size();
          appendPathKey(path_, it.key());
          if (const Node* child = node.member(it.key())) {
            visit(*child, *it);
          } else if (node.closed) {
            findings_.push_back(
                {Severity::Warning, kUnknownFieldCode, path_, "unknown field " + quoteForMessage(it.key())});
          }
          path_.resize(mark);
        }
        break;
      case json::value_t::array:
        if (!node.items) break;
        for (std::size_t i = 0; i < value.size(); ++i) {
          std::size_t mark = path_.size();
          appendPathIndex(path_, i);
          visit(*node.items, value[i]);
          path_.resize(mark);
        }
        break;
      case json::value_t::string:
        checkFormat(node, value.get_ref<const std::string&>());
        break;
      case json::value_t::number_float: {
        double number = value.get<double>();
        if (std::isfinite(number) && std::trunc(number) == number) needsNormalising_ = true;
        break;
      }
      default:
        break;
    }
  }

 private:
  void error(std::string message) { findings_.push_back({Severity::Error, kSchemaCode, path_, std::move(message)}); }

  void checkFormat(const Node& node, const std::string& text) {
    if (node.format == Node::Format::DateTime && !isDateTime(text))
      error("expected a date-time such as 2006-01-02T15:04:05Z, got " + quoteForMessage(text));
    else if (node.format == Node::Format::Byte && !isBase64(text))
      error("expected base64-encoded bytes, got " + quoteForMessage(text));
  }

  std::vector<SchemaFinding>& findings_;
  bool& needsNormalising_;
  std::string path_;
};

}  // namespace

void appendPathKey(std::string& path, std::string_view key) {
  if (key.empty() || key.find_first_of(".[]") != std::string_view::npos) {
    path += '[';
    path += key;
    path += ']';
    return;
  }
  if (!path.empty()) path += '.';
  path += key;
}

void appendPathIndex(std::string& path, std::size_t index) {
  path += '[';
  path += std::to_string(index);
  path += ']';
}

const Node* SchemaTree::Node::property(std::string_view name) const {
  auto it = std::lower_bound(properties.begin(), properties.end(), name,
                             [](const auto& entry, std::string_view key) { return entry.first < key; });
  return it != properties.end() && it->first == name ? it->second : nullptr;
}

const Node* SchemaTree::Node::member(std::string_view key) const {
  if (const Node* child = property(key)) return child;
  return additionalProperties;
}

SchemaTree::SchemaTree(const nlohmann::json& schema) { compile(schema); }

SchemaTree::Node* SchemaTree::compile(const nlohmann::json& schema) {
  Node& node = nodes_.emplace_back();
  node.schema = &schema;
  if (!schema.is_object()) return &node;

  bool preserveUnknown = false;
  if (auto it = schema.find("x-kubernetes-preserve-unknown-fields"); it != schema.end() && it->is_boolean())
    preserveUnknown = it->get<bool>();

  bool hasProperties = false;
  if (auto it = schema.find("properties"); it != schema.end() && it->is_object()) {
    hasProperties = true;
    // nlohmann keeps object members sorted by key, so the vector comes out sorted for property()'s binary search.
    for (auto property = it->begin(); property != it->end(); ++property)
      node.properties.emplace_back(property.key(), compile(*property));
  }
  if (auto it = schema.find("items"); it != schema.end() && it->is_object()) node.items = compile(*it);

  bool additional = false;
  if (auto it = schema.find("additionalProperties"); it != schema.end()) {
    if (it->is_object()) {
      additional = true;
      node.additionalProperties = compile(*it);
    } else if (it->is_boolean()) {
      additional = it->get<bool>();
      if (!additional) hasProperties = true;  // `additionalProperties: false` closes even an empty object
    }
  }
  node.closed = hasProperties && !additional && !preserveUnknown;

  if (auto it = schema.find("format"); it != schema.end() && it->is_string()) {
    if (*it == "date-time") node.format = Node::Format::DateTime;
    if (*it == "byte") node.format = Node::Format::Byte;
  }

  if (auto it = schema.find("x-kubernetes-validations"); it != schema.end() && it->is_array()) {
    for (const json& validation : *it) {
      if (!validation.is_object()) continue;
      auto rule = validation.find("rule");
      if (rule == validation.end() || !rule->is_string()) continue;
      auto message = validation.find("message");
      node.rules.push_back(CelRule::compile(rule->get_ref<const std::string&>(),
                                            message != validation.end() && message->is_string()
                                                ? std::string_view(message->get_ref<const std::string&>())
                                                : std::string_view()));
    }
  }
  return &node;
}

std::vector<std::string> SchemaTree::unrecognisedRules() const {
  std::vector<std::string> rules;
  for (const Node& node : nodes_)
    for (const CelRule& rule : node.rules)
      if (!rule.recognised()) rules.push_back(rule.rule());
  return rules;
}

void SchemaTree::walk(const nlohmann::json& document, std::vector<SchemaFinding>& findings,
                      bool& needsNormalising) const {
  Walker(findings, needsNormalising).visit(root(), document, /*atRoot=*/true);
}

}  // namespace meshstudio::model

#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/CelRules.h"
#include "model/SchemaValidator.h"

namespace meshstudio::model {

/// Appends an object key to a finding path: `spec` + `http` gives `spec.http`. A key that `Value::at` could not
/// follow (empty, or holding `.`, `[` or `]`) is bracketed the way the API server writes map keys:
/// `spec.workloadSelector.labels[app.kubernetes.io/name]`.
void appendPathKey(std::string& path, std::string_view key);
/// Appends an array index: `spec.http` + 0 gives `spec.http[0]`.
void appendPathIndex(std::string& path, std::size_t index);

/// What of one CRD version's schema valijson does not check, compiled for a walk alongside a document:
/// unknown fields (MS0101), `x-kubernetes-validations` CEL rules, and the string formats the API server checks
/// (`date-time`, `byte`). The nodes also give SchemaValidator the schema behind each valijson error.
class SchemaTree {
 public:
  struct Node {
    const nlohmann::json* schema = nullptr;  ///< the schema object this node was compiled from
    /// Has `properties` but neither `additionalProperties` nor `x-kubernetes-preserve-unknown-fields`: the API
    /// server drops any other key, so it is reported as unknown.
    bool closed = false;
    enum class Format : unsigned char { None, DateTime, Byte } format = Format::None;
    std::vector<std::pair<std::string, const Node*>> properties;  ///< sorted by name
    const Node* items = nullptr;
    const Node* additionalProperties = nullptr;
    std::vector<CelRule> rules;

    const Node* property(std::string_view name) const;
    /// The node of an object member called `key`: its property, else the additionalProperties schema.
    const Node* member(std::string_view key) const;
  };

  /// `schema` is an openAPIV3Schema; it must outlive the tree, whose nodes point into it.
  explicit SchemaTree(const nlohmann::json& schema);
  SchemaTree(const SchemaTree&) = delete;
  SchemaTree& operator=(const SchemaTree&) = delete;

  const Node& root() const { return nodes_.front(); }
  /// The text of every rule CelRule does not recognise (skipped by walk()).
  std::vector<std::string> unrecognisedRules() const;

  /// Checks `document` (a whole resource: apiVersion, kind, metadata, spec) and appends what it finds.
  /// `metadata` is not walked: the CRD schema does not describe it.
  ///
  /// Sets `needsNormalising` when the document holds something valijson judges differently from the API
  /// server: a null member (the API server prunes it) or an integral float (`80.0` arrives as 80 after the API
  /// server's YAML to JSON conversion, so it is a valid integer).
  void walk(const nlohmann::json& document, std::vector<SchemaFinding>& findings, bool& needsNormalising) const;

 private:
  Node* compile(const nlohmann::json& schema);

  std::deque<Node> nodes_;  // a deque so that the Node pointers stay valid while compiling
};

}  // namespace meshstudio::model

#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/Diagnostic.h"

namespace meshstudio::model {

/// A schema finding before it is placed in a file: the caller maps `path` to line:column.
struct SchemaFinding {
  Severity severity = Severity::Error;
  std::string code;  ///< IST0106 for schema violations (CEL rules included), MS0101 for unknown fields
  std::string path;  ///< `spec.http[0].timeout`; empty for the document root
  std::string message;
};

/// Validates Istio documents against the official CRD `openAPIV3Schema`s (valijson), checks
/// the CEL rules those schemas carry that we understand, and warns on unknown fields the
/// way the API server's field validation does.
class SchemaValidator {
 public:
  ~SchemaValidator();
  SchemaValidator(SchemaValidator&&) noexcept;
  SchemaValidator& operator=(SchemaValidator&&) noexcept;

  /// The validator over the CRD schemas compiled into the binary (resources/crds).
  static const SchemaValidator& builtin();

  /// True when a schema exists for this apiVersion (`networking.istio.io/v1`) and kind.
  bool knows(std::string_view apiVersion, std::string_view kind) const;

  /// Empty when `document` (the whole object: apiVersion, kind, metadata, spec) is valid.
  /// Unknown apiVersion/kind pairs yield no findings.
  std::vector<SchemaFinding> validate(std::string_view apiVersion, std::string_view kind,
                                      const nlohmann::json& document) const;

 private:
  struct Impl;
  explicit SchemaValidator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace meshstudio::model

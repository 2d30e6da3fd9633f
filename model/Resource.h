#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/FieldCodec.h"
#include "model/ObjectMeta.h"
#include "model/Value.h"

namespace meshstudio::model {

enum class ResourceKind {
  VirtualService,
  DestinationRule,
  Gateway,
  ServiceEntry,
  EnvoyFilter,
  Service,
  Deployment,
  Pod,
  Secret,
  Other,    ///< any other kind: kept whole, written back as it came
  Unparsed  ///< a document that failed to parse: its text is kept verbatim
};

/// Where a resource came from: file, position in the stream, first line.
struct SourceLocation {
  std::string file;  ///< as given to the importer; relative to the project folder inside a project
  int documentIndex = 0;
  int firstLine = 1;
  int listItem = -1;  ///< index inside a `kind: List`, else -1
};

/// One Kubernetes object of a project. The document Value is the source of truth and is
/// lossless; typed specs (VirtualServiceSpec, ...) are views decoded from it on demand.
class Resource {
 public:
  static constexpr std::string_view kIstioGroup = "networking.istio.io";
  static constexpr std::string_view kDefaultIstioVersion = "v1";

  Resource() = default;
  static Resource fromDocument(Value document, SourceLocation source);
  static Resource unparsed(std::string text, SourceLocation source);
  /// A new, empty Istio resource (`networking.istio.io/v1`).
  static Resource create(ResourceKind kind, std::string namespaceName, std::string name);

  const Value& document() const { return document_; }
  void setDocument(Value document);
  const SourceLocation& source() const { return source_; }
  void setSource(SourceLocation source) { source_ = std::move(source); }
  /// The verbatim text of an Unparsed document.
  const std::string& rawText() const { return rawText_; }

  ResourceKind kind() const { return kind_; }
  bool isUnparsed() const { return kind_ == ResourceKind::Unparsed; }
  bool isIstio() const { return group() == kIstioGroup; }
  std::string apiVersion() const;
  std::string kindName() const;
  std::string group() const;
  std::string version() const;
  std::string name() const;
  /// metadata.namespace as written; empty when absent.
  std::string namespaceName() const;
  /// `Kind namespace/name`, the form diagnostics use (namespace `default` when absent).
  std::string displayName() const;
  ObjectMeta metadata() const;

  const Value* spec() const { return document_.find("spec"); }
  void setSpec(Value spec);
  /// The spec decoded as a typed view; nullopt when there is no map spec.
  template <Reflected Spec>
  std::optional<Spec> specAs() const {
    const Value* value = spec();
    return value ? decodeAs<Spec>(*value) : std::nullopt;
  }

  /// The document as export writes it: apiVersion, kind, metadata, spec, then the rest; the
  /// metadata and Istio specs in reference order. Unknown fields keep their relative order.
  Value canonicalDocument() const;

  /// file:line:column of a field path (`spec.http[0].timeout`): the key when the path ends in
  /// a key, the nearest existing ancestor when the field is absent.
  SourceMark locate(std::string_view path) const;

 private:
  void classify();

  Value document_;
  SourceLocation source_;
  std::string rawText_;
  ResourceKind kind_ = ResourceKind::Other;
};

const char* kindName(ResourceKind kind);
std::optional<ResourceKind> kindFromName(std::string_view kind);

}  // namespace meshstudio::model

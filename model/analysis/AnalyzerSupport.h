#pragma once

// Small helpers shared by the analyzer groups in analyzers/.

#include <optional>
#include <string>
#include <string_view>

#include "model/FieldCodec.h"
#include "model/Text.h"
#include "model/VirtualService.h"
#include "model/analysis/Analyzer.h"

namespace meshstudio::model::analysis {

/// `spec.http` + 2 → `spec.http[2]`.
inline std::string indexed(std::string_view base, std::size_t index) {
  return std::string(base) + "[" + std::to_string(index) + "]";
}

/// `spec.http[2]` + `timeout` → `spec.http[2].timeout`.
inline std::string child(std::string_view base, std::string_view field) {
  return std::string(base) + "." + std::string(field);
}

/// The value of an optional Percent (fault and mirror percentages); nullopt when either is unset.
inline std::optional<double> percentValue(const std::optional<Percent>& percent) {
  if (!percent || !percent->value) return std::nullopt;
  return percent->value->value;
}

/// The subject's document with `spec` replaced by the encoded typed spec: the edit a quick
/// fix makes to the resource under analysis.
template <Reflected Spec>
ResourceEdit replaceSpec(const IndexedResource& subject, const Spec& spec) {
  Value document = subject.resource.document();
  document.set("spec", encode(spec));
  return ResourceEdit{subject.resource.displayName(), std::move(document)};
}

/// The same edit for another resource of the project (e.g. adding a subset to a DestinationRule).
template <Reflected Spec>
ResourceEdit replaceSpecOf(const Resource& resource, const Spec& spec) {
  Value document = resource.document();
  document.set("spec", encode(spec));
  return ResourceEdit{resource.displayName(), std::move(document)};
}

}  // namespace meshstudio::model::analysis

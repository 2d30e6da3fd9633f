#pragma once

#include <string>
#include <vector>

#include "model/Value.h"

namespace meshstudio::model {

/// Writes Values as YAML, deterministically: the same Value always gives the same bytes.
///
/// Scalars go out with the text they were read with; a string is quoted exactly when a YAML
/// 1.1 or 1.2 reader would otherwise take it for something else (`"80"`, `"true"`, `"yes"`);
/// multi-line strings use literal blocks when that is exact; empty maps are written `{}`.
class YamlWriter {
 public:
  /// One document, without a `---` marker, ending in a newline.
  static std::string write(const Value& document);
  /// Several already-written documents as one stream, separated by `---` lines.
  static std::string joinDocuments(const std::vector<std::string>& documents);
};

}  // namespace meshstudio::model

#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/Diagnostic.h"
#include "model/Value.h"

namespace meshstudio::model {

/// One document of a YAML stream, parsed or not. A document that fails to parse keeps its
/// source text, so that saving the project writes it back untouched.
struct ParsedDocument {
  std::optional<Value> value;  ///< nullopt when the document could not be parsed
  std::string text;            ///< the document's own source text
  int firstLine = 1;           ///< 1-based line where the document's text starts in the file
  int index = 0;               ///< 0-based position in the stream
};

struct ParseResult {
  std::vector<ParsedDocument> documents;
  Diagnostics diagnostics;
};

/// Reads a YAML stream into lossless Values, with file:line:column on every error.
///
/// The stream is split into documents before parsing, so a broken document does not stop
/// the ones after it. Guards against hostile input (size, binary data, nesting depth, alias
/// bombs) come first, because these files come from anywhere.
class YamlReader {
 public:
  struct Limits {
    std::size_t maxBytes = 16u << 20;  ///< larger files are refused, not parsed
    int maxDepth = 128;                ///< real manifests nest about 15 levels deep
    std::size_t maxNodes = 4'000'000;  ///< bounds memory, including alias expansion
  };

  static ParseResult parse(std::string_view text, const std::string& fileName);
  static ParseResult parse(std::string_view text, const std::string& fileName, const Limits& limits);
};

}  // namespace meshstudio::model

#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/Resource.h"

namespace meshstudio::model {

/// Saving a file by editing its text instead of writing it anew: when the only differences
/// between what the file holds and the resources saved into it are scalar values (a weight, a
/// timeout, a host), each changed scalar is replaced where it stands and every other byte —
/// comments, key order, flow or block style, quoting, blank lines — stays as the user wrote it.
/// Anything more (a key added, removed or renamed, a list grown, a document added) is left to
/// the canonical writer: rewriting text around a structural change cannot be exact.
class SourcePatch {
 public:
  /// `fileText` is the file as it is on disk; `resources` every resource saved into it, in
  /// document order. Returns the new text, or nullopt when the change is not scalar-only (or
  /// the text does not match what the resources were read from).
  static std::optional<std::string> rewrite(std::string_view fileText, const std::string& fileName,
                                            const std::vector<const Resource*>& resources);
};

}  // namespace meshstudio::model

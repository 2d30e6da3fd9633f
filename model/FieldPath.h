#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/Value.h"

namespace meshstudio::model {

/// A field path into a resource document, the form diagnostics and `Resource::locate` use:
/// `spec.http[0].route[1].weight`, with `[app.kubernetes.io/name]` for a key holding dots.
///
/// Edits go through here so that they touch only the addressed node: every other key, known
/// or not, keeps its value and its position (the document Value is the lossless storage).
class FieldPath {
 public:
  struct Step {
    std::string key;                   ///< a map key, when index is empty
    std::optional<std::size_t> index;  ///< a sequence position
  };

  /// nullopt when the path is empty or malformed (`a..b`, `a[`, `[x`).
  static std::optional<FieldPath> parse(std::string_view path);

  const std::vector<Step>& steps() const { return steps_; }
  const std::string& text() const { return text_; }
  /// The path of the first `depth` steps, written the canonical way (`a.b[2][x.y]`).
  std::string prefixText(std::size_t depth) const;

  /// The node at the path, nullptr when a step is missing.
  const Value* find(const Value& root) const;

  /// Sets the node at the path to `value`, or removes it (the map entry or the sequence item)
  /// when `value` is empty. Missing maps on the way are created; a sequence position may be
  /// one past the end when setting (append). An existing key keeps its position in its map.
  /// Returns an error message, empty on success.
  std::string apply(Value& root, const std::optional<Value>& value) const;

  /// Whether `path` is `ancestor` or lies under it, step by step (`a.b` is `a[b]`, and `a.bc`
  /// is not under `a.b`). False when either does not parse.
  static bool isWithin(std::string_view path, std::string_view ancestor);
  /// The item of the list at `listPath` that `path` points into (`spec.subsets[3].labels` in
  /// `spec.subsets` → 3); nullopt when it points elsewhere.
  static std::optional<std::size_t> itemIndex(std::string_view path, std::string_view listPath);

  /// Moves item `from` of the sequence at the path to position `to` (the items in between
  /// shift by one). Returns an error message, empty on success.
  std::string moveItem(Value& root, std::size_t from, std::size_t to) const;

 private:
  std::vector<Step> steps_;
  std::string text_;
};

/// One field of an edit: set `path` to `value`, or remove the field when `value` is empty.
struct FieldEdit {
  std::string path;
  std::optional<Value> value;
};

/// `edits` plus the removal of every map or list that a removal in them leaves empty, up from the
/// removed field: clearing the last field of a form (`retries.attempts`) must not leave
/// `retries: {}` behind, which Istio reads differently from no `retries` at all. Never `spec` or
/// another top-level key, and never a list item (an empty route or match block stays).
std::vector<FieldEdit> withEmptiedParentsRemoved(const Value& document, std::vector<FieldEdit> edits);

}  // namespace meshstudio::model

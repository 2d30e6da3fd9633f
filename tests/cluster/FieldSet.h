#pragma once

// A set of field paths, as server-side apply tracks ownership: leaf scalars, whole lists (lists
// are atomic: Istio's CRDs declare no list-map keys) and empty maps, each a path of map keys
// (`spec`, `http`). Reads and writes Kubernetes' FieldsV1 format (`{"f:spec":{"f:http":{}}}`).

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace meshstudio::test {

using FieldPath = std::vector<std::string>;

class FieldSet {
 public:
  using json = nlohmann::json;

  /// The fields of `object` that apply tracks: everything but apiVersion, kind, status and the
  /// server-owned metadata (name, namespace, uid, resourceVersion, ...); of metadata only
  /// labels, annotations, finalizers and ownerReferences.
  static FieldSet leavesOf(const json& object);
  /// A managedFields entry's `fieldsV1`. List-item keys (`k:`, `v:`, `i:`) stand for their
  /// whole list, which this server treats as atomic.
  static FieldSet fromFieldsV1(const json& fieldsV1);
  json toFieldsV1() const;

  bool contains(const FieldPath& path) const { return paths_.count(path) > 0; }
  void insert(const FieldPath& path) { paths_.insert(path); }
  void erase(const FieldPath& path) { paths_.erase(path); }
  bool empty() const { return paths_.empty(); }
  const std::set<FieldPath>& paths() const { return paths_; }
  bool operator==(const FieldSet& other) const { return paths_ == other.paths_; }

  /// `.spec.http`, as the API server prints a field path in conflicts.
  static std::string toString(const FieldPath& path);
  /// The value at `path` in `object`; nullptr when any step is missing.
  static const json* valueAt(const json& object, const FieldPath& path);
  /// Sets the value at `path`, creating (or replacing non-map values by) maps on the way.
  static void setValue(json& object, const FieldPath& path, json value);
  /// Removes the value at `path`, then the maps that removal left empty (never a top-level
  /// field such as `spec` or `metadata`).
  static void removeValue(json& object, const FieldPath& path);

 private:
  std::set<FieldPath> paths_;
};

}  // namespace meshstudio::test

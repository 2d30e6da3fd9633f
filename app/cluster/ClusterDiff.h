#pragma once

// Local against live, field by field. The live object is first stripped of what the API
// server fills in itself (status, uid, resourceVersion, managedFields, ...), so a diff shows
// only configuration. A field only the live object has is told apart by its owner: when the
// studio's field manager owns it, an apply removes it; otherwise an apply leaves it alone.
// Qt-free.

#include <optional>
#include <string>
#include <vector>

#include "model/Value.h"

namespace meshstudio::cluster {

struct FieldChange {
  enum class Kind {
    Changed,  ///< both have it, with different values: an apply sets the local value
    Added,    ///< only local has it: an apply adds it
    Removed,  ///< only live has it, owned by the studio's manager: an apply removes it
    KeptLive  ///< only live has it, owned by another manager (or none): an apply leaves it
  };
  Kind kind = Kind::Changed;
  std::string path;  ///< `spec.http[0].route[1].weight`
  std::optional<model::Value> local;
  std::optional<model::Value> live;
  std::string owners;  ///< for live-only fields: the managers that own it, comma-separated
};

class ClusterDiff {
 public:
  /// `live` without the fields the server populates: status, metadata.uid, resourceVersion,
  /// generation, creationTimestamp, managedFields, selfLink, and kubectl's last-applied annotation.
  static model::Value withoutServerFields(const model::Value& live);

  /// The changes that make `live` (as the server returned it, managedFields included) into
  /// `local`, in document order. `manager` is the studio's field manager.
  static std::vector<FieldChange> compare(const model::Value& local, const model::Value& live,
                                          const std::string& manager);

  /// True when an apply of `local` would change nothing: no Changed, Added or Removed field.
  static bool isUnchanged(const std::vector<FieldChange>& changes);

  /// Scalars compare by meaning: 1 and 1.0 are the same number.
  static bool sameValue(const model::Value& a, const model::Value& b);

  /// One line for people: `~ spec.http[0].route[0].weight: 90 → 80`, `+ path: value`,
  /// `- path: value (owned by meshstudio)`, `= path: value (kept, owned by kubectl)`.
  static std::string describe(const FieldChange& change);
  /// A value on one line: scalars as written, maps and lists as JSON.
  static std::string inlineText(const model::Value& value);

  /// The managers whose managedFields (FieldsV1) own `path` or an ancestor of it.
  static std::vector<std::string> ownersOf(const model::Value& live, const std::string& path);
};

}  // namespace meshstudio::cluster

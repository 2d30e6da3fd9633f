#pragma once

// Server-side apply, as the Kubernetes API test server does it: simplified but honest.
//
// Ownership is tracked per field manager (a `metadata.managedFields` entry: manager, operation,
// apiVersion) over the fields `FieldSet` tracks. Applying object A as manager M to the live
// object L:
//  1. every field of A that another manager owns with a *different* live value is a conflict;
//     without force the apply fails with all of them; with force M takes those fields over
//     (they leave the other manager's set). The same value owned by another manager is shared
//     ownership, no conflict;
//  2. fields M owned before but left out of A are removed from the object, unless another
//     manager owns them too;
//  3. A's fields are set on the object (maps merge, lists and scalars replace), M's entry
//     becomes exactly A's fields, with the apiVersion used and the time; entries left empty go.
// Not modelled: list-map keys (all lists are atomic), the "before-first-apply" manager for
// objects that have no managedFields (their fields are simply unowned), defaulting, type changes
// of a field between map and scalar.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace meshstudio::test {

struct ApplyConflict {
  std::string manager;  ///< as the API server prints it: `"kubectl" using networking.istio.io/v1`
  std::string field;    ///< `.spec.http`
};

struct ApplyOutcome {
  nlohmann::json object;  ///< the merged object (the live one when unchanged); null on conflict
  std::vector<ApplyConflict> conflicts;
  bool changed = false;  ///< content or ownership changed (managedFields times aside)
};

class ServerSideApply {
 public:
  using json = nlohmann::json;

  /// `live` null: the object does not exist yet. `applied` carries apiVersion, kind and the
  /// metadata name/namespace already checked by the caller. `now` is the RFC 3339 time written
  /// into M's managedFields entry.
  static ApplyOutcome apply(const json* live, const json& applied, const std::string& manager,
                            const std::string& apiVersion, bool force, const std::string& now);

  /// The API server's conflict message: `Apply failed with 1 conflict: conflict with "kubectl"
  /// using networking.istio.io/v1: .spec.http` (several: grouped by manager, one per line).
  static std::string conflictMessage(const std::vector<ApplyConflict>& conflicts);
  /// A 409 Status with `details.causes` of type FieldManagerConflict, one per field.
  static json conflictStatus(const std::vector<ApplyConflict>& conflicts);

  /// The object with every managedFields `time` removed: what "unchanged" compares.
  static json withoutTimes(json object);
};

}  // namespace meshstudio::test

#include "cluster/ServerSideApply.h"

#include <algorithm>
#include <map>

#include "cluster/FieldSet.h"
#include "cluster/KubeStatus.h"

namespace meshstudio::test {

using json = nlohmann::json;

namespace {

/// One managedFields entry and the fields it owns.
struct ManagerEntry {
  json entry;
  FieldSet fields;

  std::string name() const { return entry.value("manager", ""); }
  std::string operation() const { return entry.value("operation", ""); }
  bool isApplyOf(const std::string& manager) const { return name() == manager && operation() == "Apply"; }

  /// How the API server names a manager in a conflict (fieldmanager's printManager).
  std::string printed() const {
    std::string text = "\"" + name() + "\"";
    const std::string subresource = entry.value("subresource", "");
    if (!subresource.empty()) text += " with subresource \"" + subresource + "\"";
    text += " using " + entry.value("apiVersion", "");
    const std::string time = entry.value("time", "");
    if (operation() == "Update" && !time.empty()) text += " at " + time;
    return text;
  }
};

std::vector<ManagerEntry> managersOf(const json* live) {
  std::vector<ManagerEntry> managers;
  if (!live) return managers;
  const json* entries = FieldSet::valueAt(*live, {"metadata", "managedFields"});
  if (!entries || !entries->is_array()) return managers;
  for (const json& entry : *entries)
    managers.push_back({entry, FieldSet::fromFieldsV1(entry.value("fieldsV1", json::object()))});
  return managers;
}

bool sameValue(const json* a, const json* b) {
  if (!a || !b) return a == b;
  return *a == *b;
}

}  // namespace

ApplyOutcome ServerSideApply::apply(const json* live, const json& applied, const std::string& manager,
                                    const std::string& apiVersion, bool force, const std::string& now) {
  ApplyOutcome outcome;
  const FieldSet appliedFields = FieldSet::leavesOf(applied);
  std::vector<ManagerEntry> managers = managersOf(live);
  const json empty = json::object();
  const json& current = live ? *live : empty;

  // 1. Conflicts: fields another manager owns with a different value than the one applied.
  std::vector<std::pair<std::size_t, FieldPath>> contested;
  for (std::size_t i = 0; i < managers.size(); ++i) {
    if (managers[i].isApplyOf(manager)) continue;
    for (const FieldPath& path : appliedFields.paths()) {
      if (!managers[i].fields.contains(path)) continue;
      if (sameValue(FieldSet::valueAt(current, path), FieldSet::valueAt(applied, path))) continue;
      contested.emplace_back(i, path);
    }
  }
  if (!contested.empty() && !force) {
    for (const auto& [index, path] : contested)
      outcome.conflicts.push_back({managers[index].printed(), FieldSet::toString(path)});
    std::stable_sort(outcome.conflicts.begin(), outcome.conflicts.end(),
                     [](const ApplyConflict& a, const ApplyConflict& b) { return a.manager < b.manager; });
    outcome.object = nullptr;
    return outcome;
  }
  for (const auto& [index, path] : contested) managers[index].fields.erase(path);  // force: taken over

  // 2. Fields this manager let go of, and nobody else holds, leave the object.
  json merged = live ? *live : json{{"metadata", json::object()}};
  FieldSet previouslyMine;
  for (const ManagerEntry& entry : managers)
    if (entry.isApplyOf(manager)) previouslyMine = entry.fields;
  for (const FieldPath& path : previouslyMine.paths()) {
    if (appliedFields.contains(path)) continue;
    const bool heldByOthers = std::any_of(managers.begin(), managers.end(), [&](const ManagerEntry& entry) {
      return !entry.isApplyOf(manager) && entry.fields.contains(path);
    });
    if (!heldByOthers) FieldSet::removeValue(merged, path);
  }

  // 3. The applied fields, and the new ownership.
  merged["apiVersion"] = applied.value("apiVersion", "");
  merged["kind"] = applied.value("kind", "");
  for (const FieldPath& path : appliedFields.paths())
    FieldSet::setValue(merged, path, *FieldSet::valueAt(applied, path));

  json entries = json::array();
  bool placed = false;
  const json mine{{"manager", manager}, {"operation", "Apply"},     {"apiVersion", apiVersion},
                  {"time", now},        {"fieldsType", "FieldsV1"}, {"fieldsV1", appliedFields.toFieldsV1()}};
  for (ManagerEntry& entry : managers) {
    if (entry.isApplyOf(manager)) {
      if (!appliedFields.empty()) entries.push_back(mine);
      placed = true;
      continue;
    }
    if (entry.fields.empty()) continue;
    entry.entry["fieldsV1"] = entry.fields.toFieldsV1();
    entries.push_back(entry.entry);
  }
  if (!placed && !appliedFields.empty()) entries.push_back(mine);
  merged["metadata"]["managedFields"] = entries;

  outcome.changed = !live || withoutTimes(merged) != withoutTimes(*live);
  outcome.object = outcome.changed ? std::move(merged) : *live;
  return outcome;
}

json ServerSideApply::withoutTimes(json object) {
  if (object.contains("metadata") && object["metadata"].contains("managedFields"))
    for (json& entry : object["metadata"]["managedFields"]) entry.erase("time");
  return object;
}

std::string ServerSideApply::conflictMessage(const std::vector<ApplyConflict>& conflicts) {
  if (conflicts.size() == 1)
    return "Apply failed with 1 conflict: conflict with " + conflicts[0].manager + ": " + conflicts[0].field;
  std::map<std::string, std::vector<std::string>> byManager;  // sorted by manager, as the server does
  for (const ApplyConflict& conflict : conflicts) byManager[conflict.manager].push_back(conflict.field);
  std::string lines;
  for (const auto& [manager, fields] : byManager) {
    if (!lines.empty()) lines += "\n";
    lines += "conflicts with " + manager + ":";
    for (const std::string& field : fields) lines += "\n- " + field;
  }
  return "Apply failed with " + std::to_string(conflicts.size()) + " conflicts: " + lines;
}

json ServerSideApply::conflictStatus(const std::vector<ApplyConflict>& conflicts) {
  json causes = json::array();
  for (const ApplyConflict& conflict : conflicts)
    causes.push_back({{"type", "FieldManagerConflict"},
                      {"message", "conflict with " + conflict.manager},
                      {"field", conflict.field}});
  return KubeStatus::failure(409, "Conflict", conflictMessage(conflicts), json{{"causes", causes}});
}

}  // namespace meshstudio::test

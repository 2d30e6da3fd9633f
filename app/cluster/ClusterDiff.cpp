#include "app/cluster/ClusterDiff.h"

#include <algorithm>

#include "model/JsonConversion.h"

namespace meshstudio::cluster {
namespace {

using model::Value;

constexpr const char* kServerMetadata[] = {
    "uid",           "resourceVersion", "generation",        "creationTimestamp",
    "managedFields", "selfLink",        "deletionTimestamp", "deletionGracePeriodSeconds"};
constexpr const char* kLastApplied = "kubectl.kubernetes.io/last-applied-configuration";

std::string childPath(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

/// The keys of a field path, list indices dropped: FieldsV1 names list items by key or value,
/// and Istio's lists are atomic, so ownership stops at the list.
std::vector<std::string> keysOf(const std::string& path) {
  std::vector<std::string> keys;
  std::string current;
  bool inIndex = false;
  for (char c : path) {
    if (c == '[')
      inIndex = true;
    else if (c == ']')
      inIndex = false;
    else if (inIndex)
      continue;
    else if (c == '.') {
      if (!current.empty()) keys.push_back(current);
      current.clear();
    } else
      current += c;
  }
  if (!current.empty()) keys.push_back(current);
  return keys;
}

/// True when the FieldsV1 tree `fields` reaches a leaf ({}) along `keys`, or the path ends inside it.
bool fieldsCover(const Value& fields, const std::vector<std::string>& keys) {
  const Value* node = &fields;
  for (const std::string& key : keys) {
    if (!node->isMap()) return false;
    if (node->size() == 0) return true;  // a leaf owns everything below it (an atomic list)
    node = node->find("f:" + key);
    if (!node) return false;
  }
  return true;
}

class Comparer {
 public:
  Comparer(const Value& live, const std::string& manager) : live_(live), manager_(manager) {}

  void compare(const Value* local, const Value* live, const std::string& path) {
    if (local && live && local->isMap() && live->isMap()) {
      for (const Value::Entry& entry : local->entries())
        compare(&entry.value, live->find(entry.key), childPath(path, entry.key));
      for (const Value::Entry& entry : live->entries())
        if (!local->find(entry.key)) compare(nullptr, &entry.value, childPath(path, entry.key));
      return;
    }
    if (local && live && local->isSeq() && live->isSeq()) {
      std::size_t count = std::max(local->size(), live->size());
      for (std::size_t i = 0; i < count; ++i) {
        const Value* a = i < local->size() ? &local->items()[i] : nullptr;
        const Value* b = i < live->size() ? &live->items()[i] : nullptr;
        compare(a, b, path + "[" + std::to_string(i) + "]");
      }
      return;
    }
    if (local && live) {
      if (!ClusterDiff::sameValue(*local, *live))
        changes.push_back({FieldChange::Kind::Changed, path, *local, *live, {}});
      return;
    }
    if (local) {
      changes.push_back({FieldChange::Kind::Added, path, *local, std::nullopt, {}});
      return;
    }
    std::vector<std::string> owners = ClusterDiff::ownersOf(live_, path);
    bool ours = std::find(owners.begin(), owners.end(), manager_) != owners.end();
    std::string ownerText;
    for (const std::string& owner : owners) ownerText += (ownerText.empty() ? "" : ", ") + owner;
    changes.push_back({ours && owners.size() == 1 ? FieldChange::Kind::Removed : FieldChange::Kind::KeptLive, path,
                       std::nullopt, *live, ownerText});
  }

  std::vector<FieldChange> changes;

 private:
  const Value& live_;
  const std::string& manager_;
};

}  // namespace

Value ClusterDiff::withoutServerFields(const Value& live) {
  Value result = live;
  result.erase("status");
  if (Value* metadata = result.find("metadata")) {
    for (const char* key : kServerMetadata) metadata->erase(key);
    if (Value* annotations = metadata->find("annotations")) {
      annotations->erase(kLastApplied);
      if (annotations->isMap() && annotations->size() == 0) metadata->erase("annotations");
    }
  }
  return result;
}

std::vector<FieldChange> ClusterDiff::compare(const Value& local, const Value& live, const std::string& manager) {
  Value stripped = withoutServerFields(live);
  Comparer comparer(live, manager);
  comparer.compare(&local, &stripped, "");
  return std::move(comparer.changes);
}

bool ClusterDiff::isUnchanged(const std::vector<FieldChange>& changes) {
  return std::all_of(changes.begin(), changes.end(),
                     [](const FieldChange& change) { return change.kind == FieldChange::Kind::KeptLive; });
}

bool ClusterDiff::sameValue(const Value& a, const Value& b) {
  if (a.isNumber() && b.isNumber()) {
    if (a.isInt() && b.isInt()) return a.toInt() == b.toInt();
    return a.toDouble() == b.toDouble();
  }
  return a == b;
}

std::string ClusterDiff::inlineText(const Value& value) {
  if (value.isString()) return model::toJson(value).dump();  // quoted, so "80" is not 80
  if (value.isScalar()) return value.isNull() ? "null" : value.text();
  return model::toJson(value).dump();
}

std::string ClusterDiff::describe(const FieldChange& change) {
  switch (change.kind) {
    case FieldChange::Kind::Changed:
      return "~ " + change.path + ": " + inlineText(*change.live) + " -> " + inlineText(*change.local);
    case FieldChange::Kind::Added:
      return "+ " + change.path + ": " + inlineText(*change.local);
    case FieldChange::Kind::Removed:
      return "- " + change.path + ": " + inlineText(*change.live) + " (removed: only meshstudio set it)";
    case FieldChange::Kind::KeptLive:
      return "= " + change.path + ": " + inlineText(*change.live) + " (kept: " +
             (change.owners.empty() ? std::string("set outside any field manager") : "owned by " + change.owners) + ")";
  }
  return {};
}

std::vector<std::string> ClusterDiff::ownersOf(const Value& live, const std::string& path) {
  std::vector<std::string> owners;
  const Value* managed = live.at("metadata.managedFields");
  if (!managed || !managed->isSeq()) return owners;
  std::vector<std::string> keys = keysOf(path);
  for (const Value& entry : managed->items()) {
    const Value* fields = entry.find("fieldsV1");
    const Value* manager = entry.find("manager");
    if (!fields || !manager || !manager->isString()) continue;
    if (fieldsCover(*fields, keys) && std::find(owners.begin(), owners.end(), manager->text()) == owners.end())
      owners.push_back(manager->text());
  }
  return owners;
}

}  // namespace meshstudio::cluster

#include "cluster/ObjectStore.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "cluster/FieldSet.h"

namespace meshstudio::test {

using json = nlohmann::json;

namespace {

/// Everything but metadata and status: a change there is a new generation.
json generationRelevant(json object) {
  object.erase("metadata");
  object.erase("status");
  object.erase("apiVersion");
  return object;
}

}  // namespace

ObjectStore::ObjectStore() { addNamespaceLocked("default"); }

std::string ObjectStore::timestamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string ObjectStore::newUid() {
  const std::uint64_t high = random_(), low = random_();
  char text[40];
  std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xffff), static_cast<unsigned>(high & 0xfff),
                static_cast<unsigned>(0x8000 | ((low >> 48) & 0x3fff)),
                static_cast<unsigned long long>(low & 0xffffffffffffULL));
  return text;
}

void ObjectStore::addNamespace(const std::string& name) {
  std::lock_guard lock(mutex_);
  addNamespaceLocked(name);
}

void ObjectStore::addNamespaceLocked(const std::string& name) {
  if (namespaces_.count(name)) return;
  namespaces_[name] = json{{"metadata",
                            {{"name", name},
                             {"uid", newUid()},
                             {"resourceVersion", nextResourceVersion()},
                             {"creationTimestamp", timestamp()},
                             {"labels", {{"kubernetes.io/metadata.name", name}}}}},
                           {"spec", {{"finalizers", {"kubernetes"}}}},
                           {"status", {{"phase", "Active"}}}};
}

bool ObjectStore::hasNamespace(const std::string& name) const {
  std::lock_guard lock(mutex_);
  return namespaces_.count(name) > 0;
}

std::optional<json> ObjectStore::namespaceObject(const std::string& name) const {
  std::lock_guard lock(mutex_);
  auto found = namespaces_.find(name);
  if (found == namespaces_.end()) return std::nullopt;
  return found->second;
}

std::vector<json> ObjectStore::namespaces() const {
  std::lock_guard lock(mutex_);
  std::vector<json> items;
  for (const auto& [name, object] : namespaces_) items.push_back(object);
  return items;
}

json ObjectStore::put(const ObjectKey& key, json object) {
  std::lock_guard lock(mutex_);
  addNamespaceLocked(key.namespaceName);
  json& metadata = object["metadata"];
  metadata["name"] = key.name;
  metadata["namespace"] = key.namespaceName;
  if (!metadata.contains("uid")) metadata["uid"] = newUid();
  if (!metadata.contains("creationTimestamp")) metadata["creationTimestamp"] = timestamp();
  if (!metadata.contains("generation")) metadata["generation"] = 1;
  metadata["resourceVersion"] = nextResourceVersion();
  objects_[key] = object;
  return object;
}

std::optional<json> ObjectStore::get(const ObjectKey& key) const {
  std::lock_guard lock(mutex_);
  auto found = objects_.find(key);
  if (found == objects_.end()) return std::nullopt;
  return found->second;
}

std::vector<json> ObjectStore::list(const ObjectKey& key) const {
  std::lock_guard lock(mutex_);
  std::vector<json> items;
  for (const auto& [stored, object] : objects_) {
    if (stored.group != key.group || stored.plural != key.plural) continue;
    if (!key.namespaceName.empty() && stored.namespaceName != key.namespaceName) continue;
    items.push_back(object);
  }
  return items;
}

std::optional<json> ObjectStore::remove(const ObjectKey& key, bool dryRun) {
  std::lock_guard lock(mutex_);
  auto found = objects_.find(key);
  if (found == objects_.end()) return std::nullopt;
  json removed = found->second;
  if (!dryRun) objects_.erase(found);
  return removed;
}

StoreApplyResult ObjectStore::apply(const ObjectKey& key, const json& applied, const std::string& manager,
                                    const std::string& apiVersion, bool force, bool dryRun) {
  std::lock_guard lock(mutex_);
  StoreApplyResult result;
  auto found = objects_.find(key);
  const json* live = found == objects_.end() ? nullptr : &found->second;

  // A resourceVersion in the applied object is a precondition, as with any write.
  if (const json* expected = FieldSet::valueAt(applied, {"metadata", "resourceVersion"});
      expected && expected->is_string() && !expected->get<std::string>().empty()) {
    const json* actual = live ? FieldSet::valueAt(*live, {"metadata", "resourceVersion"}) : nullptr;
    if (!actual || *actual != *expected) {
      result.status = StoreApplyResult::Status::StaleResourceVersion;
      return result;
    }
  }

  ApplyOutcome outcome = ServerSideApply::apply(live, applied, manager, apiVersion, force, timestamp());
  if (!outcome.conflicts.empty()) {
    result.status = StoreApplyResult::Status::Conflict;
    result.conflicts = std::move(outcome.conflicts);
    return result;
  }
  json object = std::move(outcome.object);
  if (!live) {
    json& metadata = object["metadata"];
    metadata["name"] = key.name;
    metadata["namespace"] = key.namespaceName;
    metadata["uid"] = newUid();
    metadata["creationTimestamp"] = timestamp();
    metadata["generation"] = 1;
    if (!dryRun) metadata["resourceVersion"] = nextResourceVersion();
    result.status = StoreApplyResult::Status::Created;
  } else if (outcome.changed) {
    json& metadata = object["metadata"];
    if (generationRelevant(object) != generationRelevant(*live))
      metadata["generation"] = live->at("metadata").value("generation", 0) + 1;
    if (!dryRun) metadata["resourceVersion"] = nextResourceVersion();
    result.status = StoreApplyResult::Status::Updated;
  } else {
    result.status = StoreApplyResult::Status::Unchanged;
  }
  if (!dryRun && result.status != StoreApplyResult::Status::Unchanged) objects_[key] = object;
  result.object = std::move(object);
  return result;
}

std::string ObjectStore::resourceVersion() const {
  std::lock_guard lock(mutex_);
  return std::to_string(revision_);
}

}  // namespace meshstudio::test

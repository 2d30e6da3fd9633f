#include "cluster/FieldSet.h"

namespace meshstudio::test {

using json = nlohmann::json;

namespace {

void collectLeaves(const json& value, FieldPath& path, FieldSet& out) {
  if (!value.is_object() || value.empty()) {
    out.insert(path);
    return;
  }
  for (const auto& [key, child] : value.items()) {
    path.push_back(key);
    collectLeaves(child, path, out);
    path.pop_back();
  }
}

void collectFieldsV1(const json& node, FieldPath& path, FieldSet& out) {
  if (!node.is_object() || node.empty()) {
    if (!path.empty()) out.insert(path);
    return;
  }
  for (const auto& [key, child] : node.items()) {
    if (key == ".") {
      if (!path.empty()) out.insert(path);
    } else if (key.rfind("f:", 0) == 0) {
      path.push_back(key.substr(2));
      collectFieldsV1(child, path, out);
      path.pop_back();
    } else if (!path.empty()) {
      out.insert(path);  // k:{...}, v:..., i:N: an item of a list this server keeps atomic
    }
  }
}

}  // namespace

FieldSet FieldSet::leavesOf(const json& object) {
  FieldSet set;
  if (!object.is_object()) return set;
  FieldPath path;
  for (const auto& [key, value] : object.items()) {
    if (key == "apiVersion" || key == "kind" || key == "status") continue;
    if (key == "metadata") {
      if (!value.is_object()) continue;
      for (const char* tracked : {"labels", "annotations", "finalizers", "ownerReferences"}) {
        if (!value.contains(tracked)) continue;
        path = {"metadata", tracked};
        collectLeaves(value.at(tracked), path, set);
      }
      continue;
    }
    path = {key};
    collectLeaves(value, path, set);
  }
  return set;
}

FieldSet FieldSet::fromFieldsV1(const json& fieldsV1) {
  FieldSet set;
  FieldPath path;
  collectFieldsV1(fieldsV1, path, set);
  return set;
}

json FieldSet::toFieldsV1() const {
  json root = json::object();
  for (const FieldPath& path : paths_) {
    json* node = &root;
    for (const std::string& key : path) node = &(*node)["f:" + key];
    if (node->is_null()) *node = json::object();
  }
  // A path that is owned itself and also has owned children (a map applied empty by one
  // manager, filled by another) is marked with ".", as Kubernetes does.
  for (const FieldPath& path : paths_) {
    json* node = &root;
    for (const std::string& key : path) node = &(*node)["f:" + key];
    if (!node->empty() && !node->contains(".")) (*node)["."] = json::object();
  }
  return root;
}

std::string FieldSet::toString(const FieldPath& path) {
  std::string text;
  for (const std::string& key : path) text += "." + key;
  return text;
}

const json* FieldSet::valueAt(const json& object, const FieldPath& path) {
  const json* node = &object;
  for (const std::string& key : path) {
    if (!node->is_object()) return nullptr;
    auto found = node->find(key);
    if (found == node->end()) return nullptr;
    node = &*found;
  }
  return node;
}

void FieldSet::setValue(json& object, const FieldPath& path, json value) {
  json* node = &object;
  for (const std::string& key : path) {
    if (!node->is_object()) *node = json::object();
    node = &(*node)[key];
  }
  *node = std::move(value);
}

void FieldSet::removeValue(json& object, const FieldPath& path) {
  if (path.empty()) return;
  std::vector<json*> chain{&object};
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    json* node = chain.back();
    if (!node->is_object() || !node->contains(path[i])) return;
    chain.push_back(&(*node)[path[i]]);
  }
  if (!chain.back()->is_object()) return;
  chain.back()->erase(path.back());
  // chain[i] is the map holding path[i]; prune emptied maps below the top level.
  for (std::size_t i = chain.size() - 1; i >= 2; --i) {
    if (!chain[i]->empty()) break;
    chain[i - 1]->erase(path[i - 1]);
  }
}

}  // namespace meshstudio::test

#include "app/cluster/ApplyHistory.h"

#include <algorithm>
#include <ctime>
#include <system_error>

#include "model/AtomicFile.h"
#include "model/YamlReader.h"
#include "model/YamlWriter.h"

namespace meshstudio::cluster {
namespace {

using model::Value;

std::string text(const Value& map, std::string_view key) {
  const Value* value = map.find(key);
  return value && value->isScalar() && !value->isNull() ? value->text() : std::string();
}

void setText(Value& map, const char* key, const std::string& value) {
  if (!value.empty()) map.set(key, Value::string(value));
}

/// `2026-11-27T14:25:01Z` → `20261127T142501Z`: sorts by time and is a valid file name.
std::string compactTime(const std::string& time) {
  std::string compact;
  for (char c : time)
    if (c != '-' && c != ':') compact += c;
  return compact;
}

}  // namespace

bool HistoryEntry::applied(const std::string& resource) const {
  return std::any_of(resources.begin(), resources.end(), [&](const HistoryResource& r) {
    return r.resource == resource && (r.action == "created" || r.action == "configured" || r.action == "unchanged");
  });
}

ApplyHistory::ApplyHistory(std::filesystem::path projectFolder) : folder_(std::move(projectFolder) / kFolder) {}

std::string ApplyHistory::timestamp(std::chrono::system_clock::time_point when) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

Value ApplyHistory::toValue(const HistoryEntry& entry) {
  Value value = Value::map();
  setText(value, "time", entry.time);
  setText(value, "operation", entry.operation);
  setText(value, "context", entry.context);
  setText(value, "server", entry.server);
  setText(value, "fieldManager", entry.fieldManager);
  setText(value, "result", entry.result);
  setText(value, "rolledBackTo", entry.rolledBackTo);
  Value resources = Value::seq();
  for (const HistoryResource& resource : entry.resources) {
    Value item = Value::map();
    setText(item, "resource", resource.resource);
    setText(item, "apiVersion", resource.apiVersion);
    setText(item, "action", resource.action);
    setText(item, "resourceVersion", resource.resourceVersion);
    setText(item, "message", resource.message);
    resources.append(std::move(item));
  }
  value.set("resources", std::move(resources));
  Value manifests = Value::seq();
  for (const Value& manifest : entry.manifests) manifests.append(manifest);
  value.set("manifests", std::move(manifests));
  if (!entry.details.isNull()) value.set("details", entry.details);
  return value;
}

HistoryEntry ApplyHistory::fromValue(const Value& value) {
  HistoryEntry entry;
  entry.time = text(value, "time");
  entry.operation = text(value, "operation");
  entry.context = text(value, "context");
  entry.server = text(value, "server");
  entry.fieldManager = text(value, "fieldManager");
  entry.result = text(value, "result");
  entry.rolledBackTo = text(value, "rolledBackTo");
  if (const Value* resources = value.find("resources"); resources && resources->isSeq())
    for (const Value& item : resources->items())
      entry.resources.push_back({text(item, "resource"), text(item, "apiVersion"), text(item, "action"),
                                 text(item, "resourceVersion"), text(item, "message")});
  if (const Value* manifests = value.find("manifests"); manifests && manifests->isSeq())
    entry.manifests = manifests->items();
  if (const Value* details = value.find("details")) entry.details = *details;
  return entry;
}

std::vector<HistoryEntry> ApplyHistory::entries(std::vector<std::string>* problems) const {
  std::vector<HistoryEntry> result;
  std::error_code error;
  if (!std::filesystem::is_directory(folder_, error)) return result;
  for (const auto& file : std::filesystem::directory_iterator(folder_, error)) {
    if (file.path().extension() != ".yaml") continue;
    std::string content;
    std::string readError = model::AtomicFile::read(file.path(), content);
    model::ParseResult parsed = model::YamlReader::parse(content, file.path().string());
    if (!readError.empty() || parsed.documents.empty() || !parsed.documents.front().value) {
      if (problems) problems->push_back(readError.empty() ? file.path().string() + ": not a history entry" : readError);
      continue;
    }
    HistoryEntry entry = fromValue(*parsed.documents.front().value);
    entry.id = file.path().stem().string();
    result.push_back(std::move(entry));
  }
  // Ids start with the compact time, so the newest sorts last; a suffix keeps same-second ones in order.
  std::sort(result.begin(), result.end(), [](const HistoryEntry& a, const HistoryEntry& b) { return a.id > b.id; });
  return result;
}

std::string ApplyHistory::record(HistoryEntry& entry) const {
  std::error_code error;
  std::filesystem::create_directories(folder_, error);
  if (error) return folder_.string() + ": " + error.message();
  std::string base = compactTime(entry.time) + "-" + (entry.operation.empty() ? "apply" : entry.operation);
  entry.id = base;
  for (int n = 2; std::filesystem::exists(folder_ / (entry.id + ".yaml")); ++n)
    entry.id = base + "-" + std::to_string(n);
  return model::AtomicFile::write(folder_ / (entry.id + ".yaml"), model::YamlWriter::write(toValue(entry)));
}

}  // namespace meshstudio::cluster

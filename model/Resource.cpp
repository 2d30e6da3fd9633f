#include "model/Resource.h"

#include <array>
#include <charconv>

#include "model/DestinationRule.h"
#include "model/Gateway.h"
#include "model/ServiceEntry.h"
#include "model/VirtualService.h"

namespace meshstudio::model {
namespace {

struct KindInfo {
  ResourceKind kind;
  std::string_view name;
  std::string_view group;  ///< "" is the core group (apiVersion: v1)
};

constexpr std::array<KindInfo, 9> kKnownKinds = {{
    {ResourceKind::VirtualService, "VirtualService", Resource::kIstioGroup},
    {ResourceKind::DestinationRule, "DestinationRule", Resource::kIstioGroup},
    {ResourceKind::Gateway, "Gateway", Resource::kIstioGroup},
    {ResourceKind::ServiceEntry, "ServiceEntry", Resource::kIstioGroup},
    {ResourceKind::EnvoyFilter, "EnvoyFilter", Resource::kIstioGroup},
    {ResourceKind::Service, "Service", ""},
    {ResourceKind::Deployment, "Deployment", "apps"},
    {ResourceKind::Pod, "Pod", ""},
    {ResourceKind::Secret, "Secret", ""},
}};

std::string stringField(const Value& map, std::string_view key) {
  const Value* value = map.find(key);
  return value && value->isScalar() && !value->isNull() ? value->text() : std::string();
}

/// Canonical spec order for the Istio kinds the studio models; other specs stay as written.
std::optional<Value> canonicalSpec(ResourceKind kind, const Value& spec) {
  auto reorder = [&](auto typed) -> std::optional<Value> {
    if (!typed) return std::nullopt;
    return encode(*typed);
  };
  switch (kind) {
    case ResourceKind::VirtualService:
      return reorder(decodeAs<VirtualServiceSpec>(spec));
    case ResourceKind::DestinationRule:
      return reorder(decodeAs<DestinationRuleSpec>(spec));
    case ResourceKind::Gateway:
      return reorder(decodeAs<GatewaySpec>(spec));
    case ResourceKind::ServiceEntry:
      return reorder(decodeAs<ServiceEntrySpec>(spec));
    default:
      return std::nullopt;
  }
}

}  // namespace

const char* kindName(ResourceKind kind) {
  for (const KindInfo& info : kKnownKinds)
    if (info.kind == kind) return info.name.data();
  return kind == ResourceKind::Unparsed ? "Unparsed" : "Other";
}

std::optional<ResourceKind> kindFromName(std::string_view kind) {
  for (const KindInfo& info : kKnownKinds)
    if (info.name == kind) return info.kind;
  return std::nullopt;
}

Resource Resource::fromDocument(Value document, SourceLocation source) {
  Resource resource;
  resource.document_ = std::move(document);
  resource.source_ = std::move(source);
  resource.classify();
  return resource;
}

Resource Resource::unparsed(std::string text, SourceLocation source) {
  Resource resource;
  resource.rawText_ = std::move(text);
  resource.source_ = std::move(source);
  resource.kind_ = ResourceKind::Unparsed;
  return resource;
}

Resource Resource::create(ResourceKind kind, std::string namespaceName, std::string name) {
  std::string group;
  for (const KindInfo& info : kKnownKinds)
    if (info.kind == kind) group = info.group;
  Value document = Value::map();
  document.set("apiVersion",
               Value::string(group.empty() ? std::string("v1") : group + "/" + std::string(kDefaultIstioVersion)));
  document.set("kind", Value::string(model::kindName(kind)));
  Value& metadata = document.set("metadata", Value::map());
  metadata.set("name", Value::string(std::move(name)));
  if (!namespaceName.empty()) metadata.set("namespace", Value::string(std::move(namespaceName)));
  document.set("spec", Value::map());
  return fromDocument(std::move(document), {});
}

void Resource::setDocument(Value document) {
  document_ = std::move(document);
  rawText_.clear();
  classify();
}

void Resource::classify() {
  kind_ = ResourceKind::Other;
  std::string kind = kindName();
  std::string resourceGroup = group();
  for (const KindInfo& info : kKnownKinds)
    if (info.name == kind && info.group == resourceGroup) kind_ = info.kind;
}

std::string Resource::apiVersion() const { return stringField(document_, "apiVersion"); }
std::string Resource::kindName() const { return stringField(document_, "kind"); }

std::string Resource::group() const {
  std::string api = apiVersion();
  auto slash = api.find('/');
  return slash == std::string::npos ? std::string() : api.substr(0, slash);
}

std::string Resource::version() const {
  std::string api = apiVersion();
  auto slash = api.find('/');
  return slash == std::string::npos ? api : api.substr(slash + 1);
}

std::string Resource::name() const {
  const Value* metadata = document_.find("metadata");
  return metadata ? stringField(*metadata, "name") : std::string();
}

std::string Resource::namespaceName() const {
  const Value* metadata = document_.find("metadata");
  return metadata ? stringField(*metadata, "namespace") : std::string();
}

std::string Resource::displayName() const {
  if (isUnparsed()) return source_.file + " document " + std::to_string(source_.documentIndex + 1);
  std::string ns = namespaceName();
  return kindName() + " " + (ns.empty() ? std::string("default") : ns) + "/" + name();
}

ObjectMeta Resource::metadata() const {
  const Value* metadata = document_.find("metadata");
  if (!metadata) return {};
  return decodeAs<ObjectMeta>(*metadata).value_or(ObjectMeta{});
}

void Resource::setSpec(Value spec) { document_.set("spec", std::move(spec)); }

Value Resource::canonicalDocument() const {
  if (!document_.isMap()) return document_;
  Value out = Value::map();
  static constexpr std::array<std::string_view, 4> kTopOrder = {"apiVersion", "kind", "metadata", "spec"};
  for (std::string_view key : kTopOrder) {
    const Value* value = document_.find(key);
    if (!value) continue;
    Value canonical = *value;
    if (key == "metadata" && value->isMap()) canonical = encode(*decodeAs<ObjectMeta>(*value));
    if (key == "spec" && value->isMap())
      if (auto spec = canonicalSpec(kind_, *value)) canonical = std::move(*spec);
    out.set(std::string(key), std::move(canonical));
  }
  for (const Value::Entry& entry : document_.entries())
    if (!out.find(entry.key)) out.entries().push_back(entry);
  return out;
}

SourceMark Resource::locate(std::string_view path) const {
  const Value* current = &document_;
  SourceMark best = document_.mark();
  if (!best.isKnown()) best = SourceMark{source_.firstLine, 1};
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') {
      ++i;
      continue;
    }
    std::string_view key;
    std::size_t end = 0;
    if (path[i] == '[') {
      std::size_t close = path.find(']', i);
      if (close == std::string_view::npos) break;
      std::size_t index = 0;
      auto [ptr, ec] = std::from_chars(path.data() + i + 1, path.data() + close, index);
      if (ec == std::errc() && ptr == path.data() + close) {
        if (!current->isSeq() || index >= current->items().size()) break;
        current = &current->items()[index];
        if (current->mark().isKnown()) best = current->mark();
        i = close + 1;
        continue;
      }
      // `[app.kubernetes.io/name]`: a map key holding dots, written the way the API server does.
      key = path.substr(i + 1, close - i - 1);
      end = close + 1;
    } else {
      end = path.find_first_of(".[", i);
      if (end == std::string_view::npos) end = path.size();
      key = path.substr(i, end - i);
    }
    const Value::Entry* found = nullptr;
    if (current->isMap())
      for (const Value::Entry& entry : current->entries())
        if (entry.key == key) found = &entry;
    if (!found) break;
    current = &found->value;
    if (found->keyMark.isKnown()) best = found->keyMark;
    i = end;
  }
  return best;
}

}  // namespace meshstudio::model

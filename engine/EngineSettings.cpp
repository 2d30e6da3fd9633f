#include "engine/EngineSettings.h"

#include "engine/Authority.h"

namespace meshstudio::engine {
namespace {

bool readPort(std::string_view text, std::uint16_t& port) {
  auto value = parsePort(text);
  if (value) port = *value;
  return value.has_value();
}

}  // namespace

bool ListenAddress::parse(const std::string& text, ListenAddress& out) {
  auto colon = text.rfind(':');
  ListenAddress parsed;
  if (colon == std::string::npos) return readPort(text, out.port);
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (!host.empty()) parsed.host = host;
  if (!readPort(std::string_view(text).substr(colon + 1), parsed.port)) return false;
  out = parsed;
  return true;
}

std::uint16_t EngineSettings::localPortFor(std::int64_t gatewayPort) const {
  if (auto it = gatewayPorts.find(gatewayPort); it != gatewayPorts.end()) return it->second;
  std::int64_t port = 10000 + gatewayPort;
  return port > 65535 ? 0 : static_cast<std::uint16_t>(port);
}

EngineSettings EngineSettings::fromProjectSettings(const model::Value& settings, std::vector<std::string>& problems) {
  EngineSettings out;
  if (const model::Value* name = settings.find("defaultNamespace"); name && name->isString() && !name->text().empty())
    out.defaultNamespace = out.sourceNamespace = name->text();
  const model::Value* engine = settings.find("engine");
  if (!engine || !engine->isMap()) return out;
  auto where = [](const model::Value& value) {
    return "meshstudio.yaml:" + std::to_string(value.mark().line) + ":" + std::to_string(value.mark().column) + ": ";
  };
  auto address = [&](const char* key, ListenAddress& target) {
    if (const model::Value* value = engine->find(key))
      if (!ListenAddress::parse(value->text(), target))
        problems.push_back(where(*value) + "engine." + key + ": expected ADDR:PORT, got \"" + value->text() + "\"");
  };
  address("listen", out.mesh);
  address("admin", out.admin);
  if (const model::Value* value = engine->find("gatewayAddress"); value && value->isString())
    out.gatewayAddress = value->text();
  if (const model::Value* ports = engine->find("gatewayPorts"); ports && ports->isMap()) {
    for (const auto& entry : ports->entries()) {
      std::uint16_t from = 0, to = 0;
      if (!readPort(entry.key, from) || !readPort(entry.value.text(), to)) {
        problems.push_back(where(entry.value) + "engine.gatewayPorts: expected `<gateway port>: <local port>`");
        continue;
      }
      out.gatewayPorts[from] = to;
    }
  }
  if (const model::Value* source = engine->find("source"); source && source->isMap()) {
    if (const model::Value* ns = source->find("namespace"); ns && ns->isString()) out.sourceNamespace = ns->text();
    if (const model::Value* labels = source->find("labels"); labels && labels->isMap())
      for (const auto& entry : labels->entries()) out.sourceLabels.set(entry.key, entry.value.text());
  }
  if (const model::Value* suffix = engine->find("shadowHostSuffix")) {
    if (auto value = suffix->toBool())
      out.shadowHostSuffix = *value;
    else
      problems.push_back(where(*suffix) + "engine.shadowHostSuffix: expected true or false, got \"" + suffix->text() +
                         "\"");
  }
  return out;
}

}  // namespace meshstudio::engine

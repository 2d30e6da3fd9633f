#include "engine/EngineSettings.h"

#include <functional>
#include <limits>
#include <type_traits>

#include "engine/Authority.h"
#include "model/CelRules.h"

namespace meshstudio::engine {
namespace {

bool readPort(std::string_view text, std::uint16_t& port) {
  auto value = parsePort(text);
  if (value) port = *value;
  return value.has_value();
}

/// Reads `engine.limits` into `limits`; a malformed entry keeps its default and is reported.
void readLimits(const model::Value& map, DownstreamLimits& limits,
                const std::function<std::string(const model::Value&)>& where, std::vector<std::string>& problems) {
  auto positive = [&](const char* key, std::uint64_t scale, auto& target) {
    const model::Value* value = map.find(key);
    if (!value) return;
    auto number = value->toInt();
    using Target = std::remove_reference_t<decltype(target)>;
    if (!number || *number <= 0 || static_cast<std::uint64_t>(*number) > std::numeric_limits<Target>::max() / scale) {
      problems.push_back(where(*value) + "engine.limits." + key + ": expected a positive whole number, got \"" +
                         value->text() + "\"");
      return;
    }
    target = static_cast<Target>(static_cast<std::uint64_t>(*number) * scale);
  };
  positive("maxRequestHeadersKb", 1024, limits.maxRequestHeadersBytes);
  positive("maxRequestLineKb", 1024, limits.maxRequestLineBytes);
  positive("maxRequestBodyKb", 1024, limits.maxRequestBodyBytes);
  positive("maxConnections", 1, limits.maxConnections);
  if (const model::Value* value = map.find("requestHeadersTimeout")) {
    auto nanoseconds = model::parseGoDuration(value->text());
    if (!nanoseconds || *nanoseconds < 1e6)
      problems.push_back(where(*value) +
                         "engine.limits.requestHeadersTimeout: expected a duration of 1ms or more, got \"" +
                         value->text() + "\"");
    else
      limits.requestHeadersTimeout = std::chrono::milliseconds(static_cast<std::int64_t>(*nanoseconds / 1e6));
  }
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
  if (const model::Value* limits = engine->find("limits"); limits && limits->isMap())
    readLimits(*limits, out.limits, where, problems);
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

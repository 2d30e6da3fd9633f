#include "app/CliEngineInput.h"

#include <ostream>
#include <string_view>

namespace meshstudio::app {

std::shared_ptr<const engine::Snapshot> CliEngineInput::loadOrReport(const engine::ConfigSource& source,
                                                                     const char* command, std::ostream& err,
                                                                     bool* unreadable) {
  engine::LoadedConfig loaded = source.load();
  for (const model::Diagnostic& d : loaded.diagnostics) err << model::formatDiagnostic(d) << "\n";
  for (const std::string& problem : loaded.snapshot->problems) err << "warning: " << problem << "\n";
  if (unreadable) *unreadable = loaded.unreadable;
  if (loaded.unreadable) {
    err << "meshstudio-cli " << command << ": some input could not be read\n";
    return nullptr;
  }
  return loaded.snapshot;
}

engine::HeaderList CliEngineInput::parseHeaders(const std::vector<std::string>& values, std::string& error) {
  engine::HeaderList headers;
  for (const std::string& value : values) {
    auto colon = value.find(':');
    if (colon == std::string::npos || colon == 0) {
      error = "-H expects 'name: value', got \"" + value + "\"";
      return {};
    }
    std::string name = value.substr(0, colon), text = value.substr(colon + 1);
    while (!text.empty() && text.front() == ' ') text.erase(text.begin());
    headers.emplace_back(name, text);
  }
  return headers;
}

std::string CliEngineInput::authorityOf(const std::string& url) {
  std::string_view rest = url;
  if (auto scheme = rest.find("://"); scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
  return std::string(rest.substr(0, rest.find_first_of("/?")));
}

}  // namespace meshstudio::app

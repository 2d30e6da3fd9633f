#include "app/CliReport.h"

#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

namespace meshstudio::app {
namespace {

using model::Diagnostic;
using model::Severity;

const char* colourFor(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "\033[1;31m";
    case Severity::Warning:
      return "\033[1;33m";
    case Severity::Info:
      return "\033[1;36m";
  }
  return "";
}

/// SARIF levels: error, warning, note.
const char* sarifLevel(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
  }
  return "note";
}

std::string helpUri(const std::string& code) {
  if (code.starts_with("IST"))
    return "https://istio.io/latest/docs/reference/config/analysis/" + [&] {
      std::string lower = code;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return lower;
    }() + "/";
  return "https://github.com/meshstudio/meshstudio/blob/main/docs/diagnostics.md#" + code;
}

}  // namespace

void CliReport::text(const model::Diagnostics& diagnostics, bool colour, std::ostream& out) {
  for (const Diagnostic& d : diagnostics) {
    if (!colour) {
      out << model::formatDiagnostic(d) << "\n";
      continue;
    }
    std::string location = d.file.empty() ? std::string("<input>") : d.file;
    if (d.line > 0) location += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
    out << "\033[1m" << location << ":\033[0m " << colourFor(d.severity) << model::severityName(d.severity)
        << ":\033[0m [" << d.code << "] " << d.message;
    if (!d.resource.empty() || !d.path.empty()) out << " \033[2m(" << d.resource << " " << d.path << ")\033[0m";
    out << "\n";
  }
}

void CliReport::json(const model::Diagnostics& diagnostics, std::ostream& out) {
  nlohmann::json list = nlohmann::json::array();
  for (const Diagnostic& d : diagnostics) {
    nlohmann::json item{{"severity", model::severityName(d.severity)},
                        {"code", d.code},
                        {"message", d.message},
                        {"resource", d.resource},
                        {"path", d.path},
                        {"file", d.file},
                        {"line", d.line},
                        {"column", d.column}};
    if (!d.fixes.empty()) {
      nlohmann::json fixes = nlohmann::json::array();
      for (const model::QuickFix& fix : d.fixes) fixes.push_back(fix.title);
      item["fixes"] = fixes;
    }
    list.push_back(std::move(item));
  }
  out << list.dump(2) << "\n";
}

void CliReport::sarif(const model::Diagnostics& diagnostics, const std::string& toolVersion, std::ostream& out) {
  std::map<std::string, std::size_t> ruleIndex;
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics) {
    auto [it, added] = ruleIndex.emplace(d.code, rules.size());
    if (added)
      rules.push_back({{"id", d.code}, {"helpUri", helpUri(d.code)}, {"shortDescription", {{"text", d.code}}}});
    nlohmann::ordered_json physical{{"artifactLocation", {{"uri", d.file}}}};
    if (d.line > 0) physical["region"] = {{"startLine", d.line}, {"startColumn", std::max(1, d.column)}};
    nlohmann::ordered_json location{{"physicalLocation", physical}};
    if (!d.resource.empty())
      location["logicalLocations"] = nlohmann::ordered_json::array(
          {{{"fullyQualifiedName", d.resource + (d.path.empty() ? "" : " " + d.path)}, {"kind", "resource"}}});
    results.push_back({{"ruleId", d.code},
                       {"ruleIndex", it->second},
                       {"level", sarifLevel(d.severity)},
                       {"message", {{"text", d.message}}},
                       {"locations", nlohmann::ordered_json::array({location})}});
  }
  nlohmann::ordered_json log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", nlohmann::ordered_json::array({{{"tool",
                                                {{"driver",
                                                  {{"name", "meshstudio"},
                                                   {"version", toolVersion},
                                                   {"informationUri", "https://github.com/meshstudio/meshstudio"},
                                                   {"rules", rules}}}}},
                                               {"results", results}}})}};
  out << log.dump(2) << "\n";
}

void CliReport::summary(const model::Diagnostics& diagnostics, std::size_t resources, std::size_t files,
                        std::ostream& out) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    errors += d.severity == Severity::Error;
    warnings += d.severity == Severity::Warning;
  }
  out << errors << (errors == 1 ? " error, " : " errors, ") << warnings << (warnings == 1 ? " warning" : " warnings")
      << " in " << resources << " resources from " << files << (files == 1 ? " file" : " files") << "\n";
}

}  // namespace meshstudio::app

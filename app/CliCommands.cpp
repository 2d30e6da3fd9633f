#include "app/CliCommands.h"

#include <filesystem>
#include <ostream>

#include <nlohmann/json.hpp>

#include "model/Exporter.h"
#include "model/Importer.h"
#include "model/SchemaCheck.h"

namespace meshstudio::app {
namespace {

using model::Diagnostic;
using model::Diagnostics;

constexpr const char* kUsageText =
    "usage: meshstudio-cli <command> [options] PATH...\n"
    "\n"
    "commands:\n"
    "  validate [--format text|json] PATH...\n"
    "      Check manifests (files or folders) for YAML and CRD schema problems.\n"
    "      Exit code: 0 clean (warnings allowed), 1 errors found, 2 unreadable input or bad usage.\n"
    "  export --out DIR [--layout single|split] PATH...\n"
    "      Write canonical, deterministic YAML: one manifests.yaml (single, the default), or\n"
    "      <namespace>/<kind>-<name>.yaml per resource plus kustomization.yaml (split).\n";

struct ParsedArguments {
  std::vector<std::string> paths;
  std::vector<std::pair<std::string, std::string>> options;
  std::string error;

  std::string option(const std::string& name, const std::string& fallback) const {
    for (const auto& [key, value] : options)
      if (key == name) return value;
    return fallback;
  }
};

/// `--name value` and `--name=value` for the listed options; anything else starting with `-` is an error.
ParsedArguments parseArguments(const std::vector<std::string>& arguments, const std::vector<std::string>& known) {
  ParsedArguments parsed;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    if (!argument.starts_with("--")) {
      parsed.paths.push_back(argument);
      continue;
    }
    std::string name = argument.substr(2);
    std::string value;
    if (auto equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name = name.substr(0, equals);
    } else if (i + 1 < arguments.size()) {
      value = arguments[++i];
    } else {
      parsed.error = "option --" + name + " needs a value";
      return parsed;
    }
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      parsed.error = "unknown option --" + name;
      return parsed;
    }
    parsed.options.emplace_back(name, value);
  }
  if (parsed.paths.empty()) parsed.error = "no PATH given";
  return parsed;
}

std::vector<std::filesystem::path> toPaths(const std::vector<std::string>& paths) {
  return {paths.begin(), paths.end()};
}

bool isUnreadable(const Diagnostic& d) { return d.code == "MS0003" || d.code == "MS0004"; }

nlohmann::json toJson(const Diagnostic& d) {
  return nlohmann::json{{"severity", model::severityName(d.severity)},
                        {"code", d.code},
                        {"message", d.message},
                        {"resource", d.resource},
                        {"path", d.path},
                        {"file", d.file},
                        {"line", d.line},
                        {"column", d.column}};
}

void printSummary(const Diagnostics& diagnostics, std::size_t files, std::size_t resources, std::ostream& out) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const Diagnostic& d : diagnostics) {
    errors += d.severity == model::Severity::Error;
    warnings += d.severity == model::Severity::Warning;
  }
  out << errors << (errors == 1 ? " error, " : " errors, ") << warnings << (warnings == 1 ? " warning" : " warnings")
      << " in " << resources << " resources from " << files << (files == 1 ? " file" : " files") << "\n";
}

}  // namespace

int CliCommands::run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" || arguments[0] == "help") {
    (arguments.empty() ? err : out) << kUsageText;
    return arguments.empty() ? kUsage : kOk;
  }
  std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
  if (arguments[0] == "validate") return validate(rest, out, err);
  if (arguments[0] == "export") return exportManifests(rest, out, err);
  err << "meshstudio-cli: unknown command \"" << arguments[0] << "\"\n\n" << kUsageText;
  return kUsage;
}

int CliCommands::validate(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed = parseArguments(arguments, {"format"});
  std::string format = parsed.option("format", "text");
  if (parsed.error.empty() && format != "text" && format != "json") parsed.error = "--format must be text or json";
  if (!parsed.error.empty()) {
    err << "meshstudio-cli validate: " << parsed.error << "\n\n" << kUsageText;
    return kUsage;
  }

  model::ImportResult imported = model::Importer::importPaths(toPaths(parsed.paths));
  Diagnostics diagnostics = imported.diagnostics;
  Diagnostics schema = model::SchemaCheck::check(imported.resources);
  diagnostics.insert(diagnostics.end(), schema.begin(), schema.end());

  if (format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (const Diagnostic& d : diagnostics) list.push_back(toJson(d));
    out << list.dump(2) << "\n";
  } else {
    for (const Diagnostic& d : diagnostics) out << model::formatDiagnostic(d) << "\n";
    printSummary(diagnostics, imported.files.size(), imported.resources.size(), out);
  }
  bool unreadable = imported.hasUnreadableInput || std::any_of(diagnostics.begin(), diagnostics.end(), isUnreadable);
  if (unreadable) return kUsage;
  return model::hasErrors(diagnostics) ? kFindings : kOk;
}

int CliCommands::exportManifests(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  ParsedArguments parsed = parseArguments(arguments, {"out", "layout"});
  std::string outDir = parsed.option("out", "");
  std::string layoutName = parsed.option("layout", "single");
  if (parsed.error.empty() && outDir.empty()) parsed.error = "--out DIR is required";
  if (parsed.error.empty() && layoutName != "single" && layoutName != "split")
    parsed.error = "--layout must be single or split";
  if (!parsed.error.empty()) {
    err << "meshstudio-cli export: " << parsed.error << "\n\n" << kUsageText;
    return kUsage;
  }

  model::ImportResult imported = model::Importer::importPaths(toPaths(parsed.paths));
  // Exporting half-read input into a GitOps tree would silently drop what failed to parse.
  if (model::hasErrors(imported.diagnostics)) {
    for (const Diagnostic& d : imported.diagnostics) err << model::formatDiagnostic(d) << "\n";
    err << "meshstudio-cli export: nothing written; fix the errors above first\n";
    return imported.hasUnreadableInput ? kUsage : kFindings;
  }
  auto layout = layoutName == "split" ? model::ExportLayout::Split : model::ExportLayout::Single;
  std::vector<model::RenderedFile> files = model::Exporter::render(imported.resources, layout);
  Diagnostics writeErrors = model::Exporter::write(outDir, files);
  for (const Diagnostic& d : writeErrors) err << model::formatDiagnostic(d) << "\n";
  if (!writeErrors.empty()) return kUsage;
  out << "wrote " << imported.resources.size() << " resources to " << files.size()
      << (files.size() == 1 ? " file" : " files") << " in " << outDir << "\n";
  return kOk;
}

}  // namespace meshstudio::app

#include "model/Diagnostic.h"

#include <algorithm>

namespace meshstudio::model {

const char* severityName(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "info";
  }
  return "error";
}

bool hasErrors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::string formatDiagnostic(const Diagnostic& d) {
  std::string out = d.file.empty() ? std::string("<input>") : d.file;
  if (d.line > 0) out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  out += ": ";
  out += severityName(d.severity);
  out += ": [" + d.code + "] " + d.message;
  if (!d.resource.empty() || !d.path.empty()) {
    out += " (";
    out += d.resource;
    if (!d.resource.empty() && !d.path.empty()) out += " ";
    out += d.path;
    out += ")";
  }
  return out;
}

}  // namespace meshstudio::model

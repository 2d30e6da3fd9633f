#pragma once

#include <string>
#include <vector>

#include "model/Value.h"

namespace meshstudio::model {

/// One document change a quick fix makes: replace the resource `target` (`Kind namespace/name`)
/// with `document`, or add `document` as a new resource when `target` is empty.
struct ResourceEdit {
  std::string target;
  Value document;
  bool operator==(const ResourceEdit&) const = default;
};

/// A model edit the GUI can offer next to a finding ("normalise weights to 100").
struct QuickFix {
  std::string title;
  std::vector<ResourceEdit> edits;
  bool operator==(const QuickFix&) const = default;
};

enum class Severity { Error, Warning, Info };

/// One finding about the project, in istioctl's vocabulary.
///
/// `code` is an istioctl code (IST0101) where the check is istioctl's, else one of ours
/// (MS0001); every code is documented in docs/diagnostics.md.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;
  std::string message;
  std::string resource;  ///< `Kind namespace/name`; empty when the document has no identity yet
  std::string path;      ///< field path such as `spec.http[1].route[0].destination.subset`
  std::string file;
  int line = 0;  ///< 1-based; 0 when unknown
  int column = 0;
  std::vector<QuickFix> fixes;

  bool operator==(const Diagnostic&) const = default;
};

using Diagnostics = std::vector<Diagnostic>;

const char* severityName(Severity severity);
bool hasErrors(const Diagnostics& diagnostics);
/// `file:line:column: severity: [CODE] message (resource path)` — the compiler-style form editors can jump to.
std::string formatDiagnostic(const Diagnostic& diagnostic);

}  // namespace meshstudio::model

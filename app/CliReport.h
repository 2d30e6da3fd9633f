#pragma once

#include <iosfwd>
#include <string>

#include "model/Diagnostic.h"

namespace meshstudio::app {

/// Renders findings for `meshstudio-cli validate`: compiler-style text (coloured on a
/// terminal), a JSON list, or SARIF 2.1.0 for CI code scanning.
class CliReport {
 public:
  static void text(const model::Diagnostics& diagnostics, bool colour, std::ostream& out);
  static void json(const model::Diagnostics& diagnostics, std::ostream& out);
  static void sarif(const model::Diagnostics& diagnostics, const std::string& toolVersion, std::ostream& out);
  /// `N errors, M warnings in R resources from F files`.
  static void summary(const model::Diagnostics& diagnostics, std::size_t resources, std::size_t files,
                      std::ostream& out);
};

}  // namespace meshstudio::app

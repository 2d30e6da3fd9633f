#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace meshstudio::app {

/// The headless front end, `meshstudio-cli`. No Qt and no display: it runs in CI containers.
///
/// Exit codes follow the convention linters use: 0 clean (warnings allowed), 1 findings
/// with errors, 2 unreadable input or bad usage.
class CliCommands {
 public:
  static constexpr int kOk = 0;
  static constexpr int kFindings = 1;
  static constexpr int kUsage = 2;

  /// `arguments` excludes the program name.
  /// `colour`: ANSI colours in text output (cli_main turns them on for a terminal, unless NO_COLOR is set).
  static int run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err, bool colour = false);

 private:
  static int validate(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err, bool colour);
  static int exportManifests(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
};

}  // namespace meshstudio::app

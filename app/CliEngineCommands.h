#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace meshstudio::app {

/// The engine's headless commands: `route` (explain one request), `test` (route test files in
/// istio-config-validator's format) and `serve` (run the engine on a project). Exit codes as in
/// CliCommands: 0 ok, 1 failures found, 2 unreadable input or bad usage.
class CliEngineCommands {
 public:
  static int route(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
  static int test(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
  static int serve(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

  static const char* usage();
};

}  // namespace meshstudio::app

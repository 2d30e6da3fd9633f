#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace meshstudio::app {

/// `meshstudio-cli load`: fortio-style load against a URL, either through an engine started in
/// this process on a project (the mesh listener, or a Gateway port's), or against any running
/// HTTP server (e.g. `meshstudio-cli serve`, whose admin listener then gives per-destination
/// counts). Exit codes: 0 the run happened, 1 no connection could be made at all, 2 bad usage or
/// unreadable input.
class CliLoadCommand {
 public:
  static int run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
};

}  // namespace meshstudio::app

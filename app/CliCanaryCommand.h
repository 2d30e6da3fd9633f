#pragma once

// `meshstudio-cli canary`: a progressive canary rollout of one route, rehearsed on the embedded
// engine with generated traffic, or run against a cluster (--context) with Prometheus' numbers.
// Exit code 0 promoted, 1 rolled back, 2 error (bad usage, unreadable input, a weight that
// could not be set).

#include <iosfwd>
#include <string>
#include <vector>

namespace meshstudio::app {

class CliCanaryCommand {
 public:
  static const char* usage();
  static int run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
};

}  // namespace meshstudio::app

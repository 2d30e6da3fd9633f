#pragma once

// `meshstudio-cli diff|apply|history|rollback`: the cluster workflows of app/cluster, for CI.
//
// Exit codes: diff 0 = no differences, 1 = differences (as `kubectl diff`); apply and rollback
// 0 = applied (or the dry run passed), 1 = the cluster refused something (conflict, invalid,
// forbidden; nothing is left half-applied); every command 2 = bad usage, unreadable input, a
// kubeconfig problem or an unreachable cluster.

#include <iosfwd>
#include <string>
#include <vector>

namespace meshstudio::app {

class CliClusterCommands {
 public:
  static const char* usage();
  static int diff(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
  static int apply(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
  static int history(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
  static int rollback(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
};

}  // namespace meshstudio::app

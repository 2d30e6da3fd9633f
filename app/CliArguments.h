#pragma once

// Command-line options shared by every meshstudio-cli command: `--name value`, `--name=value`,
// repeatable options, and short aliases such as curl's `-H 'name: value'`.

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace meshstudio::app {

struct CliArguments {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options;  ///< in the order given; names may repeat
  std::string error;                                         ///< empty when the arguments are usable

  /// The last value given for `name`, else `fallback`.
  std::string option(const std::string& name, const std::string& fallback) const;
  /// Every value given for `name`, in order.
  std::vector<std::string> all(const std::string& name) const;
  /// True when the flag (an option without a value, such as `--dry-run`) was given.
  bool has(const std::string& name) const;

  /// Anything starting with `-` that is not in `known` (or an alias of it) is an error.
  /// `minimumPositional`: how many non-option arguments are required.
  /// `values` from index `from` on, as paths (manifest files and folders).
  static std::vector<std::filesystem::path> paths(const std::vector<std::string>& values, std::size_t from = 0);

  /// `flags` take no value (`--json`); they are recorded with the value "true".
  static CliArguments parse(const std::vector<std::string>& arguments, const std::vector<std::string>& known,
                            std::size_t minimumPositional = 1, const std::map<std::string, std::string>& aliases = {},
                            const std::vector<std::string>& flags = {});
};

}  // namespace meshstudio::app

#include "app/CliArguments.h"

#include <algorithm>

namespace meshstudio::app {

std::string CliArguments::option(const std::string& name, const std::string& fallback) const {
  std::string value = fallback;
  for (const auto& [key, given] : options)
    if (key == name) value = given;
  return value;
}

std::vector<std::string> CliArguments::all(const std::string& name) const {
  std::vector<std::string> values;
  for (const auto& [key, given] : options)
    if (key == name) values.push_back(given);
  return values;
}

bool CliArguments::has(const std::string& name) const {
  return std::any_of(options.begin(), options.end(), [&](const auto& option) { return option.first == name; });
}

std::vector<std::filesystem::path> CliArguments::paths(const std::vector<std::string>& values, std::size_t from) {
  return {values.begin() + static_cast<std::ptrdiff_t>(std::min(from, values.size())), values.end()};
}

CliArguments CliArguments::parse(const std::vector<std::string>& arguments, const std::vector<std::string>& known,
                                 std::size_t minimumPositional, const std::map<std::string, std::string>& aliases,
                                 const std::vector<std::string>& flags) {
  CliArguments parsed;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    std::string name;
    if (argument.starts_with("--")) {
      name = argument.substr(2);
    } else if (argument.size() > 1 && argument[0] == '-' && aliases.contains(argument.substr(1))) {
      name = aliases.at(argument.substr(1));
    } else {
      parsed.positional.push_back(argument);
      continue;
    }
    if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
      parsed.options.emplace_back(name, "true");
      continue;
    }
    std::string value;
    if (auto equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name = name.substr(0, equals);
    } else if (i + 1 < arguments.size()) {
      value = arguments[++i];
    } else {
      parsed.error = "option " + argument + " needs a value";
      return parsed;
    }
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      parsed.error = "unknown option --" + name;
      return parsed;
    }
    parsed.options.emplace_back(name, value);
  }
  if (parsed.positional.size() < minimumPositional)
    parsed.error = minimumPositional == 1 ? "no PATH given" : "missing arguments";
  return parsed;
}

}  // namespace meshstudio::app

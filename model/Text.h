#pragma once

// Tiny string helpers shared by the model, the analyzers and the engine.

#include <string>
#include <string_view>

namespace meshstudio::model {

/// ASCII lower case: host names, kinds and label values are ASCII, and locale must not matter.
inline std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// Without leading and trailing spaces and tabs (how Istio splits `a, b` lists).
inline std::string trimBlanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

}  // namespace meshstudio::model

#include "app/cluster/WarningHeader.h"

#include <cctype>
#include <optional>

namespace meshstudio::cluster {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t'; }

void skipSpaces(std::string_view text, std::size_t& at) {
  while (at < text.size() && isSpace(text[at])) ++at;
}

/// A quoted-string starting at `at` (which must be '"'); moves `at` past the closing quote.
std::optional<std::string> quotedString(std::string_view text, std::size_t& at) {
  if (at >= text.size() || text[at] != '"') return std::nullopt;
  std::string value;
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      value.push_back(text[++i]);
    } else if (text[i] == '"') {
      at = i + 1;
      return value;
    } else {
      value.push_back(text[i]);
    }
  }
  return std::nullopt;
}

std::string trimmed(std::string_view text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && (isSpace(text[begin]) || text[begin] == ',')) ++begin;
  while (end > begin && isSpace(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

}  // namespace

std::vector<std::string> parseWarningHeader(std::string_view header) {
  std::vector<std::string> warnings;
  std::size_t at = 0;
  while (true) {
    skipSpaces(header, at);
    if (at >= header.size()) break;
    const std::size_t start = at;
    // warn-code: three digits, then the warn-agent (a token, "-" from Kubernetes).
    bool valid = at + 3 < header.size() && std::isdigit(static_cast<unsigned char>(header[at])) &&
                 std::isdigit(static_cast<unsigned char>(header[at + 1])) &&
                 std::isdigit(static_cast<unsigned char>(header[at + 2])) && isSpace(header[at + 3]);
    std::optional<std::string> text;
    if (valid) {
      at += 3;
      skipSpaces(header, at);
      while (at < header.size() && !isSpace(header[at])) ++at;
      skipSpaces(header, at);
      text = quotedString(header, at);
      valid = text.has_value();
    }
    if (valid) {
      skipSpaces(header, at);
      if (at < header.size() && header[at] == '"') valid = quotedString(header, at).has_value();  // warn-date
      skipSpaces(header, at);
      valid = valid && (at == header.size() || header[at] == ',');
    }
    if (!valid) {
      const std::string rest = trimmed(header.substr(start));
      if (!rest.empty()) warnings.push_back(rest);
      break;
    }
    warnings.push_back(*text);
    if (at < header.size()) ++at;  // the comma between warn-values
  }
  return warnings;
}

}  // namespace meshstudio::cluster

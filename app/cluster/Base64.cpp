#include "app/cluster/Base64.h"

#include <array>
#include <cstdint>

namespace meshstudio::cluster {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int valueOf(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::optional<std::string> decodeBase64(std::string_view text) {
  std::string compact;
  compact.reserve(text.size());
  for (char c : text)
    if (c != '\n' && c != '\r' && c != ' ' && c != '\t') compact.push_back(c);
  if (compact.size() % 4 != 0) return std::nullopt;
  std::string out;
  out.reserve(compact.size() / 4 * 3);
  for (std::size_t i = 0; i < compact.size(); i += 4) {
    const bool last = i + 4 == compact.size();
    std::array<int, 4> six{};
    int padding = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = compact[i + static_cast<std::size_t>(k)];
      if (c == '=') {
        // Padding only at the very end, only in the last two places, and nothing after it.
        if (!last || k < 2) return std::nullopt;
        ++padding;
        six[static_cast<std::size_t>(k)] = 0;
        continue;
      }
      if (padding > 0) return std::nullopt;
      six[static_cast<std::size_t>(k)] = valueOf(c);
      if (six[static_cast<std::size_t>(k)] < 0) return std::nullopt;
    }
    const std::uint32_t group = (static_cast<std::uint32_t>(six[0]) << 18) |
                                (static_cast<std::uint32_t>(six[1]) << 12) | (static_cast<std::uint32_t>(six[2]) << 6) |
                                static_cast<std::uint32_t>(six[3]);
    out.push_back(static_cast<char>((group >> 16) & 0xFF));
    if (padding < 2) out.push_back(static_cast<char>((group >> 8) & 0xFF));
    if (padding < 1) out.push_back(static_cast<char>(group & 0xFF));
  }
  return out;
}

std::string encodeBase64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t left = bytes.size() - i;
    std::uint32_t group = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (left > 1) group |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (left > 2) group |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 2]));
    out.push_back(kAlphabet[(group >> 18) & 0x3F]);
    out.push_back(kAlphabet[(group >> 12) & 0x3F]);
    out.push_back(left > 1 ? kAlphabet[(group >> 6) & 0x3F] : '=');
    out.push_back(left > 2 ? kAlphabet[group & 0x3F] : '=');
  }
  return out;
}

}  // namespace meshstudio::cluster

#include "engine/ClientHello.h"

#include <cstdint>
#include <optional>

namespace meshstudio::engine {
namespace {

constexpr std::uint8_t kHandshakeRecord = 22;
constexpr std::uint8_t kClientHelloMessage = 1;
constexpr std::uint16_t kServerNameExtension = 0;
constexpr std::uint8_t kHostName = 0;
constexpr std::size_t kMaxRecord = 16384 + 2048;  // TLSPlaintext limit, with TLS 1.2's allowance for ciphertext

/// A bounds-checked cursor: every read fails instead of running past the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool empty() const { return at_ == bytes_.size(); }
  std::optional<std::uint32_t> number(std::size_t width) {
    if (bytes_.size() - at_ < width) return std::nullopt;
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < width; ++i) value = (value << 8) | static_cast<std::uint8_t>(bytes_[at_++]);
    return value;
  }
  std::optional<std::string_view> bytes(std::size_t count) {
    if (bytes_.size() - at_ < count) return std::nullopt;
    std::string_view out = bytes_.substr(at_, count);
    at_ += count;
    return out;
  }
  /// A vector with a `width`-byte length prefix, as TLS writes them.
  std::optional<std::string_view> vector(std::size_t width) {
    auto length = number(width);
    if (!length) return std::nullopt;
    return bytes(*length);
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

/// A host name as SNI may carry one (RFC 6066: ASCII, no trailing dot); anything else is refused
/// rather than matched or written into an access-log line.
bool normalizeHostName(std::string_view name, std::string& out) {
  if (name.empty() || name.size() > 253 || name.back() == '.') return false;
  out.clear();
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
    if (!allowed) return false;
    out += c;
  }
  return true;
}

/// The body of a complete ClientHello message (after its 4-byte header).
ClientHello parseBody(std::string_view body) {
  ClientHello hello;
  hello.status = ClientHello::Status::NotTls;
  Reader reader(body);
  if (!reader.bytes(2 + 32) || !reader.vector(1) || !reader.vector(2) || !reader.vector(1))
    return hello;        // version and random, session id, cipher suites, compression methods
  if (reader.empty()) {  // no extensions at all (SSLv3-era clients): no SNI
    hello.status = ClientHello::Status::Complete;
    return hello;
  }
  auto extensions = reader.vector(2);
  if (!extensions || !reader.empty()) return hello;
  Reader list(*extensions);
  while (!list.empty()) {
    auto type = list.number(2);
    auto data = list.vector(2);
    if (!type || !data) return hello;
    if (*type != kServerNameExtension) continue;
    Reader names(*data);
    auto entries = names.vector(2);
    if (!entries || !names.empty()) return hello;
    Reader entry(*entries);
    while (!entry.empty()) {
      auto nameType = entry.number(1);
      auto name = entry.vector(2);
      if (!nameType || !name) return hello;
      if (*nameType != kHostName) continue;
      if (!normalizeHostName(*name, hello.serverName)) return hello;
      break;  // RFC 6066: at most one host_name
    }
    break;
  }
  hello.status = ClientHello::Status::Complete;
  return hello;
}

}  // namespace

ClientHello ClientHello::parse(std::string_view received) {
  ClientHello incomplete;
  ClientHello notTls;
  notTls.status = Status::NotTls;
  // The handshake message, reassembled from as many records as it spans.
  std::string message;
  Reader records(received);
  while (true) {
    auto type = records.number(1);
    if (!type) return incomplete;
    if (*type != kHandshakeRecord) return notTls;
    auto major = records.number(1);
    if (!major) return incomplete;
    if (*major != 3) return notTls;
    if (!records.number(1)) return incomplete;  // minor version: any
    auto length = records.number(2);
    if (!length) return incomplete;
    if (*length == 0 || *length > kMaxRecord) return notTls;
    auto fragment = records.bytes(*length);
    if (!fragment) return received.size() > kMaxSize ? notTls : incomplete;
    message.append(*fragment);
    if (message.size() >= 4) {
      if (static_cast<std::uint8_t>(message[0]) != kClientHelloMessage) return notTls;
      const std::size_t bodySize = (static_cast<std::size_t>(static_cast<std::uint8_t>(message[1])) << 16) |
                                   (static_cast<std::size_t>(static_cast<std::uint8_t>(message[2])) << 8) |
                                   static_cast<std::uint8_t>(message[3]);
      if (bodySize + 4 > kMaxSize) return notTls;
      if (message.size() >= bodySize + 4) return parseBody(std::string_view(message).substr(4, bodySize));
    }
    if (received.size() > kMaxSize) return notTls;
  }
}

}  // namespace meshstudio::engine

#pragma once

// Writes a message's start line and header fields into one contiguous buffer, so a message goes
// out as two buffers (head and body) in one sendmsg. Beast's serializer hands the kernel one
// buffer per field and walks a nested buffer sequence to do it, which on a proxy's small
// messages costs more than the copy. Parsing stays Beast's; bodies are string bodies whose
// Content-Length prepare_payload() has set.

#include <array>
#include <string>

#include <boost/asio/buffer.hpp>

#include "engine/HttpTypes.h"

namespace meshstudio::engine {

/// Removes the hop-by-hop fields (RFC 9110 §7.6.1): they describe one connection, and a proxy
/// neither forwards them upstream nor passes an upstream's back downstream, as Envoy's codec does.
void removeHopByHopFields(Fields& fields);

/// set() for a field Beast has no constant for (`x-request-id`, `x-envoy-*`), without searching
/// Beast's table of known names for it: `name` must be lower case and not a known field.
inline void setUnknownField(Fields& fields, std::string_view name, std::string_view value) {
  fields.erase(name);
  fields.insert(http::field::unknown, name, value);
}

/// Replaces `out` with the start line, the fields and the blank line of `message`.
void writeHead(const Request& message, std::string& out);
void writeHead(const Response& message, std::string& out);

/// The head (filled by writeHead) and the body, ready for boost::asio::async_write.
template <class Message>
std::array<boost::asio::const_buffer, 2> wireBuffers(const Message& message, const std::string& head) {
  return {boost::asio::buffer(head), boost::asio::buffer(message.body())};
}

}  // namespace meshstudio::engine

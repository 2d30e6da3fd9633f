#pragma once

// The engine speaks Beast's HTTP message types everywhere, from the socket to the route
// table, so a request is parsed once and never copied into a second representation.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "engine/FieldAllocator.h"

namespace meshstudio::engine {

namespace http = boost::beast::http;
using Fields = http::basic_fields<FieldAllocator<char>>;
using Request = http::request<http::string_body, Fields>;
using Response = http::response<http::string_body, Fields>;
using RequestParser = http::request_parser<http::string_body, FieldAllocator<char>>;
using ResponseParser = http::response_parser<http::string_body, FieldAllocator<char>>;
/// `name: value` pairs in order, names as written.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// `text` without the spaces and tabs around it: HTTP's optional whitespace (RFC 9110 §5.6.3),
/// around field values and list elements such as `retryOn` tokens.
inline std::string_view trimOptionalWhitespace(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace meshstudio::engine

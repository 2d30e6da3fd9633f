#pragma once

// The engine speaks Beast's HTTP message types everywhere, from the socket to the route
// table, so a request is parsed once and never copied into a second representation.

#include <string>
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

}  // namespace meshstudio::engine

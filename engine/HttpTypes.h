#pragma once

// The engine speaks Beast's HTTP message types everywhere, from the socket to the route
// table, so a request is parsed once and never copied into a second representation.

#include <string>
#include <utility>
#include <vector>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace meshstudio::engine {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;
/// `name: value` pairs in order, names as written.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

}  // namespace meshstudio::engine

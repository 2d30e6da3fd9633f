#include "engine/HttpGet.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <charconv>

namespace meshstudio::engine {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

HttpGetResult httpGet(const std::string& host, std::uint16_t port, const std::string& target,
                      std::chrono::milliseconds timeout) {
  HttpGetResult result;
  asio::io_context io;
  asio::ip::tcp::resolver resolver(io);
  beast::tcp_stream stream(io);
  beast::flat_buffer buffer;
  http::request<http::string_body> request{http::verb::get, target, 11};
  request.set(http::field::host, host + ":" + std::to_string(port));
  request.keep_alive(false);
  http::response<http::string_body> response;
  boost::system::error_code failure;

  // connect → write → read, each under the one deadline.
  resolver.async_resolve(host, std::to_string(port), [&](boost::system::error_code ec, auto endpoints) {
    if (ec) return void(failure = ec);
    stream.expires_after(timeout);
    stream.async_connect(endpoints, [&](boost::system::error_code ec2, auto) {
      if (ec2) return void(failure = ec2);
      http::async_write(stream, request, [&](boost::system::error_code ec3, std::size_t) {
        if (ec3) return void(failure = ec3);
        http::async_read(stream, buffer, response, [&](boost::system::error_code ec4, std::size_t) {
          if (ec4) failure = ec4;
        });
      });
    });
  });
  io.run();
  if (failure) {
    std::string where = host + ":" + std::to_string(port) + target.substr(0, target.find('?'));
    result.error = where + ": " +
                   (failure == beast::error::timeout ? "no answer within " + std::to_string(timeout.count()) + " ms"
                                                     : failure.message());
    return result;
  }
  result.status = static_cast<int>(response.result_int());
  result.body = std::move(response.body());
  return result;
}

bool splitHttpUrl(const std::string& url, std::string& host, std::uint16_t& port, std::string& pathPrefix) {
  constexpr std::string_view scheme = "http://";
  if (!url.starts_with(scheme)) return false;
  std::string rest = url.substr(scheme.size());
  std::size_t slash = rest.find('/');
  std::string authority = rest.substr(0, slash);
  pathPrefix = slash == std::string::npos ? std::string() : rest.substr(slash);
  while (!pathPrefix.empty() && pathPrefix.back() == '/') pathPrefix.pop_back();
  std::size_t colon = authority.rfind(':');
  port = 80;
  if (colon != std::string::npos) {
    const char* begin = authority.data() + colon + 1;
    const char* end = authority.data() + authority.size();
    auto [ptr, ec] = std::from_chars(begin, end, port);
    if (ec != std::errc() || ptr != end || port == 0) return false;
    authority.resize(colon);
  }
  host = authority;
  return !host.empty();
}

std::string percentEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace meshstudio::engine

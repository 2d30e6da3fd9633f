#pragma once

// A small synchronous HTTP/1.1 keep-alive client over Beast, for loopback tests.

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <chrono>
#include <optional>

#include "engine/HttpTypes.h"

namespace meshstudio::test {

class LoopbackClient {
 public:
  explicit LoopbackClient(std::uint16_t port) : port_(port) {}

  /// Sends `request` on the kept-alive connection (reconnecting when the server closed it).
  /// nullopt on a transport error, with `error` set.
  std::optional<engine::Response> send(engine::Request request, std::string* error = nullptr) {
    request.version(11);
    request.keep_alive(true);
    request.prepare_payload();
    for (int attempt = 0; attempt < 2; ++attempt) {
      boost::beast::error_code ec;
      if (!stream_) {
        stream_.emplace(io_);
        stream_->expires_after(std::chrono::seconds(30));
        stream_->connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_), ec);
        if (ec) break;
        stream_->socket().set_option(boost::asio::ip::tcp::no_delay(true));
      }
      stream_->expires_after(std::chrono::seconds(30));
      engine::http::write(*stream_, request, ec);
      engine::ResponseParser parser;
      parser.body_limit(64 * 1024 * 1024);
      if (request.method() == engine::http::verb::head) parser.skip(true);  // a HEAD answer has no body
      if (!ec) engine::http::read(*stream_, buffer_, parser, ec);
      if (!ec) {
        engine::Response response = parser.release();
        if (!response.keep_alive()) stream_.reset();
        return response;
      }
      stream_.reset();  // a stale kept-alive connection: try once more on a new one
      buffer_.clear();
      if (error) *error = ec.message();
    }
    return std::nullopt;
  }

  std::optional<engine::Response> get(const std::string& host, const std::string& target,
                                      const engine::HeaderList& headers = {}) {
    engine::Request request{engine::http::verb::get, target, 11};
    request.set(engine::http::field::host, host);
    for (const auto& [name, value] : headers) request.insert(name, value);
    return send(std::move(request));
  }

 private:
  std::uint16_t port_;
  boost::asio::io_context io_;
  std::optional<boost::beast::tcp_stream> stream_;
  boost::beast::flat_buffer buffer_;
};

}  // namespace meshstudio::test

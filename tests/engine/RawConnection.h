#pragma once

// A client that sends exactly the bytes it is given, for tests that must misbehave on the wire
// (smuggling attempts, slow headers, pipelining). Every wait is bounded: nothing here can hang a
// suite when the engine does not answer.

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "engine/HttpTypes.h"

namespace meshstudio::test {

class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port) : stream_(io_) {
    boost::beast::error_code error;
    stream_.socket().connect({boost::asio::ip::make_address("127.0.0.1"), port}, error);
    connected_ = !error;
  }

  bool connected() const { return connected_; }

  /// For a second thread that writes while this one reads (a slow client): it must write to the
  /// descriptor directly, since the socket object is not safe to share between threads.
  int descriptor() { return stream_.socket().native_handle(); }

  bool send(std::string_view bytes) {
    boost::beast::error_code error;
    boost::asio::write(stream_.socket(), boost::asio::buffer(bytes.data(), bytes.size()), error);
    return !error;
  }

  /// The next response (an interim 100 Continue counts as one), or nullopt after `timeout` or
  /// when the connection ended first.
  std::optional<engine::Response> readResponse(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    engine::ResponseParser parser;
    parser.body_limit(64 * 1024 * 1024);
    boost::beast::error_code error = boost::asio::error::timed_out;
    stream_.expires_after(timeout);
    engine::http::async_read(stream_, buffer_, parser,
                             [&error](boost::beast::error_code result, std::size_t) { error = result; });
    io_.restart();
    io_.run();
    if (error) return std::nullopt;
    return parser.release();
  }

  /// Whether the server closed the connection (end of stream or reset) within `timeout`, with
  /// nothing more to read before it.
  bool closedByServer(std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    if (buffer_.size() > 0) return false;
    char byte = 0;
    boost::beast::error_code error;
    std::size_t received = 0;
    stream_.expires_after(timeout);
    stream_.async_read_some(boost::asio::buffer(&byte, 1), [&](boost::beast::error_code result, std::size_t bytes) {
      error = result;
      received = bytes;
    });
    io_.restart();
    io_.run();
    return received == 0 && (error == boost::asio::error::eof || error == boost::asio::error::connection_reset);
  }

  void close() {
    boost::beast::error_code ignored;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

 private:
  boost::asio::io_context io_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  bool connected_ = false;
};

}  // namespace meshstudio::test

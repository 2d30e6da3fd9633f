#pragma once

// One TLS connection to the Kubernetes API test server, as in Beast's async SSL server example:
// handshake, then keep-alive request/response turns on the connection's own strand, each step
// bounded by a timeout, bodies bounded by the API server's request size limit.

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "cluster/KubeApiHandler.h"

namespace meshstudio::test {

class KubeConnection : public std::enable_shared_from_this<KubeConnection> {
 public:
  static constexpr std::chrono::seconds kTimeout{30};         ///< handshake, each read (idle keep-alive), each write
  static constexpr std::size_t kBodyLimit = 3 * 1024 * 1024;  ///< the API server's request size limit

  /// `socket` must run on a strand of its own (the acceptor hands it one).
  KubeConnection(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context& tls, KubeApiHandler& handler);
  void run();

 private:
  using Request = boost::beast::http::request<boost::beast::http::string_body>;
  using Response = boost::beast::http::response<boost::beast::http::string_body>;

  void onHandshake(boost::beast::error_code ec);
  void readRequest();
  void onRead(boost::beast::error_code ec);
  void send(const ApiResponse& answer, unsigned version, bool keepAlive);
  void write();
  void onWrite(boost::beast::error_code ec);
  /// The CN of the client certificate, when the client sent one the CA signed.
  std::string verifiedClientName();

  boost::beast::ssl_stream<boost::beast::tcp_stream> stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  Response response_;
  boost::asio::steady_timer delay_;
  KubeApiHandler& handler_;
  std::string certificateUser_;
};

}  // namespace meshstudio::test

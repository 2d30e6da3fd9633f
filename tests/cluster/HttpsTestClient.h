#pragma once

// A small HTTPS client for the Kubernetes API test server's own tests: Beast over OpenSSL,
// trusting only the server's CA and checking its certificate against 127.0.0.1, optionally
// with a client certificate or a bearer token. Keeps its connection alive between requests.
// Every step is bounded by the request's timeout.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/TestCertificates.h"

namespace meshstudio::test {

struct HttpsReply {
  int status = 0;  ///< 0: no answer (see `error`)
  std::string body;
  nlohmann::json json;  ///< the body parsed; null when it is not JSON
  std::vector<std::string> warnings;
  std::string error;  ///< a transport failure: "timed out", a TLS reason...
};

class HttpsTestClient {
 public:
  HttpsTestClient(const std::string& caPem, std::uint16_t port, const Credential* clientCertificate = nullptr);
  void setToken(std::string token) { token_ = std::move(token); }

  HttpsReply send(const std::string& method, const std::string& target, const std::string& body = {},
                  const std::string& contentType = {}, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  HttpsReply get(const std::string& target) { return send("GET", target); }
  /// PATCH with application/apply-patch+yaml.
  HttpsReply apply(const std::string& target, const std::string& yaml) {
    return send("PATCH", target, yaml, "application/apply-patch+yaml");
  }
  /// How many TLS connections this client has opened (keep-alive reuses one).
  int connectionsOpened() const { return connections_; }

 private:
  using Stream = boost::beast::ssl_stream<boost::beast::tcp_stream>;
  /// Runs the io_context until `done` or the timeout; false on timeout (the stream is closed).
  bool runUntil(const bool& done, std::chrono::milliseconds timeout);
  std::optional<std::string> connect(std::chrono::milliseconds timeout);

  // On the heap, so that a client can be moved (a test helper returns one).
  std::unique_ptr<boost::asio::io_context> io_ = std::make_unique<boost::asio::io_context>();
  std::unique_ptr<boost::asio::ssl::context> tls_;
  std::uint16_t port_;
  std::string token_;
  std::optional<Stream> stream_;
  boost::beast::flat_buffer buffer_;
  int connections_ = 0;
};

}  // namespace meshstudio::test

#include "cluster/HttpsTestClient.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <openssl/x509v3.h>

namespace meshstudio::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;

HttpsTestClient::HttpsTestClient(const std::string& caPem, std::uint16_t port, const Credential* clientCertificate)
    : tls_(std::make_unique<net::ssl::context>(net::ssl::context::tls_client)), port_(port) {
  tls_->add_certificate_authority(net::buffer(caPem));
  tls_->set_verify_mode(net::ssl::verify_peer);
  if (clientCertificate) {
    tls_->use_certificate_chain(net::buffer(clientCertificate->certificate));
    tls_->use_private_key(net::buffer(clientCertificate->key), net::ssl::context::pem);
  }
}

bool HttpsTestClient::runUntil(const bool& done, std::chrono::milliseconds timeout) {
  io_->restart();
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done && std::chrono::steady_clock::now() < deadline) {
    io_->run_one_until(deadline);
  }
  if (done) return true;
  beast::get_lowest_layer(*stream_).close();  // cancels the pending operation
  io_->restart();
  io_->run();
  stream_.reset();
  return false;
}

std::optional<std::string> HttpsTestClient::connect(std::chrono::milliseconds timeout) {
  stream_.emplace(*io_, *tls_);
  buffer_.clear();
  ++connections_;
  // Check the server's certificate against the address, as a client given https://127.0.0.1 does.
  X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(stream_->native_handle()), "127.0.0.1");
  bool done = false;
  beast::error_code result;
  beast::get_lowest_layer(*stream_).async_connect(
      net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port_), [&](beast::error_code ec) {
        if (ec) {
          result = ec;
          done = true;
          return;
        }
        stream_->async_handshake(net::ssl::stream_base::client, [&](beast::error_code handshakeError) {
          result = handshakeError;
          done = true;
        });
      });
  if (!runUntil(done, timeout)) return "timed out";
  if (result) {
    stream_.reset();
    return result.message();
  }
  return std::nullopt;
}

HttpsReply HttpsTestClient::send(const std::string& method, const std::string& target, const std::string& body,
                                 const std::string& contentType, std::chrono::milliseconds timeout) {
  HttpsReply reply;
  if (!stream_) {
    if (auto failed = connect(timeout)) {
      reply.error = *failed;
      return reply;
    }
  }
  http::request<http::string_body> request(http::string_to_verb(method), target, 11);
  request.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
  request.set(http::field::accept, "application/json");
  if (!token_.empty()) request.set(http::field::authorization, "Bearer " + token_);
  if (!contentType.empty()) request.set(http::field::content_type, contentType);
  request.body() = body;
  request.keep_alive(true);
  request.prepare_payload();

  http::response<http::string_body> response;
  bool done = false;
  beast::error_code result;
  http::async_write(*stream_, request, [&](beast::error_code ec, std::size_t) {
    if (ec) {
      result = ec;
      done = true;
      return;
    }
    http::async_read(*stream_, buffer_, response, [&](beast::error_code readError, std::size_t) {
      result = readError;
      done = true;
    });
  });
  if (!runUntil(done, timeout)) {
    reply.error = "timed out";
    return reply;
  }
  if (result) {
    stream_.reset();
    reply.error = result.message();
    return reply;
  }
  if (!response.keep_alive()) stream_.reset();
  reply.status = static_cast<int>(response.result_int());
  reply.body = response.body();
  reply.json = nlohmann::json::parse(reply.body, nullptr, false);
  if (reply.json.is_discarded()) reply.json = nullptr;
  const auto [first, last] = response.equal_range(http::field::warning);
  for (auto field = first; field != last; ++field) reply.warnings.emplace_back(field->value());
  return reply;
}

}  // namespace meshstudio::test

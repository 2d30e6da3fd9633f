#include "cluster/KubeConnection.h"

#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <openssl/x509.h>

#include "cluster/KubeStatus.h"

namespace meshstudio::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;

KubeConnection::KubeConnection(net::ip::tcp::socket socket, net::ssl::context& tls, KubeApiHandler& handler)
    : stream_(std::move(socket), tls), delay_(stream_.get_executor()), handler_(handler) {}

void KubeConnection::run() {
  beast::get_lowest_layer(stream_).expires_after(kTimeout);
  stream_.async_handshake(net::ssl::stream_base::server,
                          beast::bind_front_handler(&KubeConnection::onHandshake, shared_from_this()));
}

void KubeConnection::onHandshake(beast::error_code ec) {
  if (ec) return;  // an untrusted client certificate, a client that gave up: nothing to answer
  certificateUser_ = verifiedClientName();
  readRequest();
}

std::string KubeConnection::verifiedClientName() {
  SSL* ssl = stream_.native_handle();
  if (SSL_get_verify_result(ssl) != X509_V_OK) return {};
  X509* peer = SSL_get1_peer_certificate(ssl);
  if (!peer) return {};
  char name[256] = {};
  const int length = X509_NAME_get_text_by_NID(X509_get_subject_name(peer), NID_commonName, name, sizeof name);
  X509_free(peer);
  return length > 0 ? std::string(name, static_cast<std::size_t>(length)) : std::string();
}

void KubeConnection::readRequest() {
  parser_.emplace();
  parser_->body_limit(kBodyLimit);
  beast::get_lowest_layer(stream_).expires_after(kTimeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
}

void KubeConnection::onRead(beast::error_code ec) {
  if (ec == http::error::body_limit) {
    ApiResponse tooLarge;
    tooLarge.status = 413;
    tooLarge.body = KubeStatus::failure(413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728");
    send(tooLarge, 11, false);
    return;
  }
  if (ec) return;  // closed, timed out, or garbage: the connection ends
  Request request = parser_->release();
  ApiRequest apiRequest{std::string(request.method_string()),
                        std::string(request.target()),
                        std::string(request[http::field::content_type]),
                        std::string(request[http::field::authorization]),
                        std::move(request.body()),
                        certificateUser_};
  ApiResponse answer = handler_.handle(apiRequest);
  if (answer.hang) {
    // Never answer, but keep the connection open (a pending read holds it) until the client
    // gives up or the server stops.
    beast::get_lowest_layer(stream_).expires_never();
    parser_.emplace();
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code, std::size_t) {});
    return;
  }
  send(answer, request.version(), request.keep_alive());
}

void KubeConnection::send(const ApiResponse& answer, unsigned version, bool keepAlive) {
  response_ = Response(static_cast<http::status>(answer.status), version);
  response_.set(http::field::server, "kube-test-server");
  response_.set(http::field::content_type, "application/json");
  for (const std::string& warning : answer.warnings) response_.insert(http::field::warning, warning);
  response_.keep_alive(keepAlive);
  response_.body() = answer.body.is_null() ? std::string() : answer.body.dump();
  response_.prepare_payload();
  if (answer.delay.count() <= 0) {
    write();
    return;
  }
  delay_.expires_after(answer.delay);
  delay_.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (!ec) self->write();
  });
}

void KubeConnection::write() {
  beast::get_lowest_layer(stream_).expires_after(kTimeout);
  http::async_write(stream_, response_,
                    [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onWrite(ec); });
}

void KubeConnection::onWrite(beast::error_code ec) {
  if (ec) return;
  if (!response_.keep_alive()) {
    beast::get_lowest_layer(stream_).expires_after(kTimeout);
    stream_.async_shutdown([self = shared_from_this()](beast::error_code) {});
    return;
  }
  readRequest();
}

}  // namespace meshstudio::test

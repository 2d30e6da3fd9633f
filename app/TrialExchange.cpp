#include "app/TrialExchange.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace meshstudio::app {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

struct TrialExchange::Io {
  asio::io_context context{1};
};

TrialExchange::TrialExchange(Request request) : request_(std::move(request)), io_(std::make_unique<Io>()) {}

TrialExchange::~TrialExchange() = default;

void TrialExchange::cancel() {
  cancelled_ = true;
  io_->context.stop();  // thread-safe: run() below returns with whatever has not completed
}

TrialExchange::Reply TrialExchange::run() {
  Reply reply;
  beast::error_code failure;
  const asio::ip::address address = asio::ip::make_address(request_.host, failure);
  if (failure) {
    reply.failure = Failure::BadAddress;
    reply.error = request_.host;
    return reply;
  }
  http::request<http::string_body> message;
  message.version(11);
  message.method_string(request_.method);
  message.target(request_.target);
  for (const auto& [name, value] : request_.headers) message.insert(name, value);
  message.keep_alive(false);
  message.body() = request_.body;
  if (!request_.body.empty() || request_.method == "POST" || request_.method == "PUT" || request_.method == "PATCH")
    message.prepare_payload();

  beast::tcp_stream stream(io_->context);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(16 * 1024 * 1024);
  bool done = false;
  const auto start = std::chrono::steady_clock::now();
  stream.expires_after(request_.timeout);  // one bound over connect, write and read
  stream.async_connect(asio::ip::tcp::endpoint(address, request_.port), [&](beast::error_code error) {
    if (error) {
      failure = error;
      done = true;
      return;
    }
    http::async_write(stream, message, [&](beast::error_code error, std::size_t) {
      if (error) {
        failure = error;
        done = true;
        return;
      }
      http::async_read(stream, buffer, parser, [&](beast::error_code error, std::size_t) {
        failure = error;
        done = true;
      });
    });
  });
  if (!cancelled_) io_->context.run();
  reply.elapsedMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!done || cancelled_) {
    // Let the pending operations finish (aborted) while the stream and buffers they refer to live.
    beast::error_code ignored;
    stream.socket().close(ignored);
    io_->context.restart();
    io_->context.poll();
    reply.failure = Failure::Cancelled;
    reply.error = "cancelled";
    return reply;
  }
  if (failure == beast::error::timeout) {
    reply.failure = Failure::Timeout;
    reply.error = "timeout";
    return reply;
  }
  if (failure) {
    reply.failure = Failure::Network;
    reply.error = failure.message();
    return reply;
  }
  const auto& response = parser.get();
  reply.status = static_cast<int>(response.result_int());
  reply.reason = std::string(response.reason());
  if (reply.reason.empty()) reply.reason = std::string(http::obsolete_reason(response.result()));
  for (const auto& field : response)
    reply.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  reply.body = response.body();
  return reply;
}

}  // namespace meshstudio::app

#include "engine/UpstreamConnection.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>

#include "engine/WireFormat.h"

namespace meshstudio::engine {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace {
constexpr std::uint64_t kResponseBodyLimit = 64 * 1024 * 1024;
/// Envoy's 60 KiB applies to response headers too; Beast's default is 8 KiB.
constexpr std::uint32_t kResponseHeaderLimit = 60 * 1024;
}  // namespace

UpstreamConnection::UpstreamConnection(Executor executor, Endpoint endpoint)
    : socket_(executor),
      handshake_(executor),
      deadline_(executor,
                [this] {
                  beast::error_code ignored;
                  socket_.close(ignored);  // the pending operation ends with operation_aborted
                }),
      endpoint_(std::move(endpoint)) {}

void UpstreamConnection::connect(std::chrono::milliseconds timeout, ConnectHandler handler) {
  deadline_.setOwner(weak_from_this());
  beast::error_code ec;
  auto address = net::ip::make_address(endpoint_.host, ec);
  if (ec) {  // a host name: resolve it (rare; upstream annotations are usually literals)
    tcp::resolver resolver(socket_.get_executor());
    auto results = resolver.resolve(endpoint_.host, std::to_string(endpoint_.port), ec);
    if (ec || results.empty()) {
      // Answer asynchronously, as every other outcome is, never from inside connect().
      net::post(socket_.get_executor(), [handler = std::move(handler), ec] {
        handler(ec ? ec : beast::error_code(net::error::host_not_found));
      });
      return;
    }
    address = results.begin()->endpoint().address();
  }
  deadline_.expireAfter(timeout);
  socket_.async_connect(tcp::endpoint(address, endpoint_.port),
                        [self = shared_from_this(), handler = std::move(handler)](beast::error_code error) mutable {
                          self->deadline_.clear();
                          if (error && self->deadline_.expired()) error = beast::error::timeout;
                          if (error) return handler(error);
                          beast::error_code ignored;
                          self->socket_.set_option(tcp::no_delay(true), ignored);
                          if (self->endpoint_.handshake.count() <= 0) return handler(error);
                          // A simulated pod's mTLS handshake: the connection is not ready before it ends.
                          self->handshake_.expires_after(self->endpoint_.handshake);
                          self->handshake_.async_wait([self, handler = std::move(handler)](beast::error_code) {
                            handler(self->socket_.is_open() ? beast::error_code() : net::error::operation_aborted);
                          });
                        });
}

void UpstreamConnection::send(const Request& request, ResponseHandler handler) {
  if (watching_) {
    watching_ = false;
    beast::error_code ignored;
    socket_.cancel(ignored);  // the idle watch completes, aborted, and does nothing
  }
  handler_ = std::move(handler);
  reusable_ = false;
  deadline_.expireAfter(kStreamIdleTimeout);
  writeHead(request, head_);
  net::async_write(socket_, wireBuffers(request, head_),
                   [self = shared_from_this(), &request](beast::error_code error, std::size_t) {
                     if (error) return self->finish(error, true);
                     self->read(request);
                   });
}

void UpstreamConnection::read(const Request& request) {
  parser_.emplace();
  parser_->eager(true);
  parser_->body_limit(kResponseBodyLimit);
  parser_->header_limit(kResponseHeaderLimit);
  if (request.method() == http::verb::head) parser_->skip(true);  // the length is announced, no body follows
  http::async_read(socket_, buffer_, *parser_,
                   [self = shared_from_this(), &request](beast::error_code error, std::size_t bytes) {
                     if (error) return self->finish(error, bytes == 0 && self->buffer_.size() == 0);
                     // An interim answer (100 Continue, 103 Early Hints) is not the response: read on.
                     if (self->parser_->get().result_int() / 100 == 1) return self->read(request);
                     self->finish({}, false);
                   });
}

void UpstreamConnection::finish(beast::error_code error, bool nothingReceived) {
  Response response;
  if (!error) {
    // Reusable only when the upstream keeps it open and nothing closed it meanwhile.
    reusable_ = parser_->keep_alive() && socket_.is_open();
    response = parser_->release();
    ++served_;
    idleSince_ = std::chrono::steady_clock::now();
  }
  deadline_.clear();
  auto handler = std::move(handler_);
  if (handler) handler(error, nothingReceived, std::move(response));  // none after abort()
}

void UpstreamConnection::watchWhileIdle(std::function<void()> onClosed) {
  watching_ = true;
  // A wait, not a read: a byte that does arrive stays in the socket (and the connection is
  // dropped anyway: an answer nobody asked for means the stream is out of step).
  socket_.async_wait(net::socket_base::wait_read,
                     [self = shared_from_this(), onClosed = std::move(onClosed)](beast::error_code error) {
                       if (error == net::error::operation_aborted || !self->watching_) return;
                       self->watching_ = false;
                       onClosed();
                     });
}

void UpstreamConnection::abort() {
  reusable_ = false;
  // Whoever aborts has given up on the answer. Dropping the handler now, not when the aborted
  // operation completes, also breaks its hold on the Forwarder if that never happens (an
  // engine stopped mid-request).
  handler_ = nullptr;
  handshake_.cancel();
  deadline_.cancel();
  beast::error_code ignored;
  socket_.close(ignored);
}

}  // namespace meshstudio::engine

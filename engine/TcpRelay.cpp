#include "engine/TcpRelay.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include "engine/Engine.h"

namespace meshstudio::engine {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using boost::system::error_code;

TcpRelay::TcpRelay(TcpStream::socket_type downstream, std::string alreadyRead, Endpoint upstream,
                   std::optional<AccessLogEntry> log, Engine& engine, ConnectionBudget::Slot slot)
    : downstream_(std::move(downstream)),
      upstream_(downstream_.get_executor()),
      deadline_(downstream_.get_executor(), [this] { close(); }),
      alreadyRead_(std::move(alreadyRead)),
      endpoint_(std::move(upstream)),
      log_(std::move(log)),
      engine_(engine),
      slot_(std::move(slot)) {
  toUpstream_.from = &downstream_;
  toUpstream_.to = &upstream_;
  toDownstream_.from = &upstream_;
  toDownstream_.to = &downstream_;
}

void TcpRelay::start() {
  deadline_.setOwner(weak_from_this());
  error_code ec;
  auto address = net::ip::make_address(endpoint_.host, ec);
  if (ec) {  // a host name: resolve it (rare; upstream annotations are usually literals)
    tcp::resolver resolver(upstream_.get_executor());
    auto results = resolver.resolve(endpoint_.host, std::to_string(endpoint_.port), ec);
    if (ec || results.empty()) {
      net::post(upstream_.get_executor(), [self = shared_from_this()] { self->close("UF"); });
      return;
    }
    address = results.begin()->endpoint().address();
  }
  deadline_.expireAfter(kConnectTimeout);
  upstream_.async_connect(tcp::endpoint(address, endpoint_.port),
                          [self = shared_from_this()](error_code error) { self->onConnect(error); });
}

void TcpRelay::onConnect(error_code error) {
  if (closed_) return;
  if (error) return close("UF");  // Envoy's upstream connection failure
  error_code ignored;
  upstream_.set_option(tcp::no_delay(true), ignored);
  downstream_.set_option(tcp::no_delay(true), ignored);
  deadline_.expireAfter(kIdleTimeout);
  pump(toDownstream_);
  // What the client sent before the route was known goes first, then whatever follows it.
  net::async_write(upstream_, net::buffer(alreadyRead_),
                   [self = shared_from_this()](error_code writeError, std::size_t bytes) {
                     if (self->closed_) return;
                     if (writeError) return self->close();
                     self->toUpstream_.bytes += bytes;
                     self->alreadyRead_ = std::string();
                     self->pump(self->toUpstream_);
                   });
}

void TcpRelay::pump(Direction& direction) {
  direction.from->async_read_some(net::buffer(direction.buffer),
                                  [self = shared_from_this(), &direction](error_code error, std::size_t bytes) {
                                    self->onRead(direction, error, bytes);
                                  });
}

void TcpRelay::onRead(Direction& direction, error_code error, std::size_t bytes) {
  if (closed_) return;
  if (error == net::error::eof) {
    // One side finished sending: tell the other, and keep copying the other way (a half-close).
    direction.done = true;
    error_code ignored;
    direction.to->shutdown(tcp::socket::shutdown_send, ignored);
    if (toUpstream_.done && toDownstream_.done) close();
    return;
  }
  if (error) return close();
  deadline_.expireAfter(kIdleTimeout);  // activity: the idle timeout starts again
  net::async_write(*direction.to, net::buffer(direction.buffer.data(), bytes),
                   [self = shared_from_this(), &direction](error_code writeError, std::size_t written) {
                     if (self->closed_) return;
                     if (writeError) return self->close();
                     direction.bytes += written;
                     self->pump(direction);
                   });
}

void TcpRelay::close(std::string_view flags) {
  if (closed_) return;
  closed_ = true;
  deadline_.cancel();
  error_code ignored;
  for (TcpStream::socket_type* socket : {&downstream_, &upstream_}) {
    socket->shutdown(tcp::socket::shutdown_both, ignored);
    socket->close(ignored);  // pending operations end with operation_aborted and see closed_
  }
  if (!log_) return;
  log_->responseFlags = flags.empty() ? "-" : std::string(flags);
  log_->bytesReceived = toUpstream_.bytes;
  log_->bytesSent = toDownstream_.bytes;
  log_->durationMs =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_).count();
  engine_.accessLog().write(*log_);
}

}  // namespace meshstudio::engine

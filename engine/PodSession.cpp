#include "engine/PodSession.h"

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>

#include "engine/Engine.h"
#include "engine/PodServer.h"
#include "engine/PodSimulator.h"
#include "engine/Snapshot.h"
#include "engine/WireFormat.h"

namespace meshstudio::engine {

namespace net = boost::asio;
namespace beast = boost::beast;

namespace {
constexpr std::chrono::seconds kIdleTimeout{60};
constexpr std::uint64_t kBodyLimit = 8 * 1024 * 1024;
/// A simulated pod accepts headers as an application would (Go's http.DefaultMaxHeaderBytes), so
/// whatever the engine's own limits let through reaches it; Beast's 8 KiB default would not.
constexpr std::uint32_t kHeaderLimit = 1024 * 1024;
}  // namespace

PodSession::PodSession(TcpStream::socket_type socket, std::weak_ptr<const PodServer> server, Engine& engine)
    : socket_(std::move(socket)),
      deadline_(socket_.get_executor(), [this] { close(); }),
      latency_(socket_.get_executor()),
      server_(std::move(server)),
      engine_(engine) {
  beast::error_code ignored;
  socket_.set_option(net::ip::tcp::no_delay(true), ignored);
}

void PodSession::run() {
  deadline_.setOwner(weak_from_this());
  net::post(socket_.get_executor(), [self = shared_from_this()] { self->read(); });
}

void PodSession::read() {
  parser_.emplace();
  parser_->eager(true);
  parser_->body_limit(kBodyLimit);
  parser_->header_limit(kHeaderLimit);
  deadline_.expireAfter(kIdleTimeout);
  http::async_read(socket_, buffer_, *parser_, [self = shared_from_this()](beast::error_code error, std::size_t) {
    if (error) return self->close();
    self->answer();
  });
}

void PodSession::answer() {
  auto server = server_.lock();
  auto target = server ? server->target() : nullptr;
  if (!target) return close();
  const Snapshot& snapshot = *target->snapshot;
  const Request& request = parser_->get();
  headRequest_ = request.method() == http::verb::head;
  PodAnswer answer = answerAsPod(snapshot.directory.pods()[target->pod], snapshot.behaviours[target->pod], request,
                                 engine_.threadRandom());
  outgoing_ = std::move(answer.response);
  outgoing_.version(11);
  outgoing_.keep_alive(request.keep_alive());
  outgoing_.prepare_payload();
  if (answer.delay.count() <= 0) return write();
  deadline_.expireAfter(answer.delay + kIdleTimeout);
  latency_.expires_after(answer.delay);
  latency_.async_wait([self = shared_from_this()](beast::error_code error) {
    if (error) return self->close();
    self->write();
  });
}

void PodSession::write() {
  writeHead(outgoing_, head_);
  auto buffers = wireBuffers(outgoing_, head_);
  if (headRequest_) buffers[1] = net::const_buffer();
  net::async_write(socket_, buffers, [self = shared_from_this()](beast::error_code error, std::size_t) {
    if (error || !self->outgoing_.keep_alive()) return self->close();
    self->read();
  });
}

void PodSession::close() {
  beast::error_code ignored;
  latency_.cancel();
  deadline_.cancel();
  socket_.shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
}

}  // namespace meshstudio::engine

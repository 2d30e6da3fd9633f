#include "engine/Listener.h"

#include <boost/asio/post.hpp>

#include <unistd.h>

#include <utility>

#include "engine/Engine.h"

namespace meshstudio::engine {

namespace net = boost::asio;
using tcp = net::ip::tcp;

Listener::PendingDescriptor::~PendingDescriptor() {
  if (fd_ >= 0) ::close(fd_);
}

Listener::Listener(net::io_context& io, Engine& engine, Serve serve)
    : io_(io), acceptor_(io), engine_(engine), serve_(std::move(serve)) {}

bool Listener::open(const ListenAddress& address, std::string& error) {
  boost::system::error_code ec;
  auto ip = net::ip::make_address(address.host, ec);
  if (ec) {
    error = "cannot listen on " + address.describe() + ": \"" + address.host + "\" is not an IP address";
    return false;
  }
  // Bound on a scratch context: `acceptor_` may only be registered on its own thread (start()).
  net::io_context scratch;
  tcp::acceptor bound(scratch);
  tcp::endpoint endpoint(ip, address.port);
  bound.open(endpoint.protocol(), ec);
  if (!ec) bound.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) bound.bind(endpoint, ec);
  if (!ec) bound.listen(net::socket_base::max_listen_connections, ec);
  if (!ec) port_ = bound.local_endpoint(ec).port();
  if (!ec) bound_ = PendingDescriptor(bound.release(ec));
  if (ec) {
    error = "cannot listen on " + address.describe() + ": " + ec.message();
    return false;
  }
  protocol_ = endpoint.protocol();
  return true;
}

void Listener::start() {
  net::post(io_, [self = shared_from_this()] {
    boost::system::error_code error;
    const int fd = self->bound_.take();
    self->acceptor_.assign(self->protocol_, fd, error);
    if (error) {
      ::close(fd);
      return;
    }
    self->accept();
  });
}

void Listener::accept() {
  acceptor_.async_accept([self = shared_from_this()](boost::system::error_code error, TcpStream::socket_type socket) {
    self->onAccept(error, std::move(socket));
  });
}

void Listener::onAccept(boost::system::error_code error, TcpStream::socket_type socket) {
  if (error == net::error::operation_aborted || !acceptor_.is_open()) return;
  if (!error) handOver(std::move(socket), engine_.nextWorker());
  accept();  // errors such as EMFILE must not stop the listener
}

void Listener::handOver(TcpStream::socket_type socket, Worker& worker) {
  if (&worker.io == &io_) {  // already on the right thread
    serve_(std::move(socket), worker);
    return;
  }
  boost::system::error_code error;
  PendingDescriptor descriptor(socket.release(error));
  if (error) return;  // `socket` still owns it and closes it
  net::post(worker.io, [self = shared_from_this(), &worker, descriptor = std::move(descriptor)]() mutable {
    TcpStream::socket_type adopted(worker.io);
    boost::system::error_code error;
    const int fd = descriptor.take();
    adopted.assign(self->protocol_, fd, error);  // accepted sockets share the listener's protocol
    if (error) {
      ::close(fd);
      return;
    }
    self->serve_(std::move(adopted), worker);
  });
}

void Listener::close() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    boost::system::error_code ignored;
    self->acceptor_.close(ignored);
  });
}

}  // namespace meshstudio::engine

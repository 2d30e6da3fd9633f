#include "engine/Listener.h"

#include <boost/asio/post.hpp>

#include "engine/Engine.h"

namespace meshstudio::engine {

namespace net = boost::asio;
using tcp = net::ip::tcp;

Listener::Listener(net::io_context& io, Engine& engine, Serve serve)
    : io_(io), acceptor_(io), engine_(engine), serve_(std::move(serve)) {}

bool Listener::open(const ListenAddress& address, std::string& error) {
  boost::system::error_code ec;
  auto ip = net::ip::make_address(address.host, ec);
  if (ec) {
    error = "cannot listen on " + address.describe() + ": \"" + address.host + "\" is not an IP address";
    return false;
  }
  tcp::endpoint endpoint(ip, address.port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    error = "cannot listen on " + address.describe() + ": " + ec.message();
    acceptor_.close(ec);
    return false;
  }
  port_ = acceptor_.local_endpoint(ec).port();
  return true;
}

void Listener::start() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] { self->accept(); });
}

void Listener::accept() {
  Worker& worker = engine_.nextWorker();
  acceptor_.async_accept(worker.io.get_executor(), [self = shared_from_this(), &worker](boost::system::error_code error,
                                                                                        TcpStream::socket_type socket) {
    self->onAccept(error, std::move(socket), worker);
  });
}

void Listener::onAccept(boost::system::error_code error, TcpStream::socket_type socket, Worker& worker) {
  if (error == net::error::operation_aborted || !acceptor_.is_open()) return;
  if (!error) serve_(std::move(socket), worker);
  accept();  // errors such as EMFILE must not stop the listener
}

void Listener::close() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    boost::system::error_code ignored;
    self->acceptor_.close(ignored);
  });
}

}  // namespace meshstudio::engine

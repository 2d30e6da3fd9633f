#include "engine/PodServer.h"

#include "engine/Engine.h"
#include "engine/Listener.h"
#include "engine/PodSession.h"

namespace meshstudio::engine {

PodServer::PodServer(Engine& engine) : engine_(engine) {}

PodServer::~PodServer() = default;

bool PodServer::open(boost::asio::io_context& acceptorContext, std::string& error) {
  listener_ = std::make_shared<Listener>(
      acceptorContext, engine_, [weak = weak_from_this()](TcpStream::socket_type socket, Worker&) {
        if (auto self = weak.lock()) std::make_shared<PodSession>(std::move(socket), self, self->engine_)->run();
      });
  if (!listener_->open(ListenAddress{"127.0.0.1", 0}, error)) return false;
  listener_->start();
  return true;
}

void PodServer::close() {
  if (listener_) listener_->close();
}

std::uint16_t PodServer::port() const { return listener_ ? listener_->port() : 0; }

void PodServer::retarget(PodTarget target) { target_.store(std::make_shared<const PodTarget>(std::move(target))); }

}  // namespace meshstudio::engine

#pragma once

// One connection to a simulated pod (see PodServer): reads a request, waits the pod's latency,
// answers as answerAsPod says, and keeps the connection alive unless the client closes it. Like
// every engine connection it belongs to one worker and has a deadline on every operation.

#include <boost/beast/core/flat_buffer.hpp>

#include <memory>
#include <optional>
#include <string>

#include "engine/Deadline.h"
#include "engine/HttpTypes.h"
#include "engine/IoTypes.h"

namespace meshstudio::engine {

class PodServer;
class Engine;

class PodSession : public std::enable_shared_from_this<PodSession> {
 public:
  PodSession(TcpStream::socket_type socket, std::weak_ptr<const PodServer> server, Engine& engine);
  void run();

 private:
  void read();
  void answer();
  void write();
  void close();

  TcpStream::socket_type socket_;
  Deadline deadline_;
  Timer latency_;
  boost::beast::flat_buffer buffer_;
  std::optional<RequestParser> parser_;
  std::weak_ptr<const PodServer> server_;  ///< the engine owns it; a stopped engine drops it
  Engine& engine_;
  Response outgoing_;
  std::string head_;
  bool headRequest_ = false;
};

}  // namespace meshstudio::engine

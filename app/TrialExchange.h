#pragma once

// One trial's HTTP exchange with the engine: connect to a listener, send the request, read the
// whole answer. Qt-free and blocking, meant for a worker thread (the bridge runs it on its own
// QThreadPool): the GUI thread never waits on it. Bounded by a timeout, and cancel() from any
// thread ends it at once (the bridge cancels what is in flight when it stops or goes away).

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace meshstudio::app {

class TrialExchange {
 public:
  struct Request {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::string method = "GET";
    std::string target = "/";                                  ///< origin form: path and query
    std::vector<std::pair<std::string, std::string>> headers;  ///< Host included
    std::string body;
    std::chrono::milliseconds timeout{30000};
  };
  enum class Failure { None, BadAddress, Cancelled, Timeout, Network };
  struct Reply {
    Failure failure = Failure::None;
    std::string error;  ///< the system's message for Network (English, from Asio); empty on success
    int status = 0;
    std::string reason;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    double elapsedMs = 0;
  };

  explicit TrialExchange(Request request);
  ~TrialExchange();
  TrialExchange(const TrialExchange&) = delete;
  TrialExchange& operator=(const TrialExchange&) = delete;

  /// Runs the exchange on the calling thread; call once.
  Reply run();
  /// Ends run() as soon as possible with "cancelled". Thread-safe; harmless before and after run().
  void cancel();

 private:
  struct Io;
  Request request_;
  std::unique_ptr<Io> io_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace meshstudio::app

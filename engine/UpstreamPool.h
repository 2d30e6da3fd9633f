#pragma once

// HTTP/1.1 keep-alive connections to real local processes (pods annotated with
// `meshstudio.dev/upstream`). Idle connections are pooled per address and reused, as Envoy's
// connection pool does; every operation has a deadline, and errors are error_codes.

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/error.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/HttpTypes.h"
#include "engine/IoTypes.h"
#include "engine/PodBehaviour.h"
#include "engine/RouteTable.h"

namespace meshstudio::engine {

class UpstreamConnection;

class UpstreamPool {
 public:
  /// Called on the pool's worker thread with the upstream's answer or an error. `connectFailed`
  /// tells a connect failure (Envoy's UF) from a later reset.
  using Handler = std::function<void(boost::beast::error_code, bool connectFailed, Response&&)>;

  explicit UpstreamPool(boost::asio::io_context& io) : io_(io) {}

  /// Sends `request` to `endpoint` and reads the answer, within `timeout` (0: the default of
  /// 5 minutes, Envoy's stream idle timeout). A reused connection the upstream had closed is
  /// retried once on a fresh one, since no request bytes reached the application.
  /// `address` is endpoint.address(), computed once by the caller.
  void exchange(const Endpoint& endpoint, const std::string& address, Request&& request, Milliseconds timeout,
                Handler handler);

  /// Idle connections currently pooled (all addresses).
  std::size_t idleCount() const;

 private:
  friend class UpstreamConnection;
  std::shared_ptr<UpstreamConnection> takeIdle(const std::string& key);
  void giveBack(std::shared_ptr<UpstreamConnection> connection);

  boost::asio::io_context& io_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::vector<std::shared_ptr<UpstreamConnection>>> idle_;
};

}  // namespace meshstudio::engine

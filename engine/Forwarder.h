#pragma once

// Envoy's router filter for one request that goes upstream (semantics §0, steps 6 on): the route
// timeout over every attempt and back-off, the choice of a host, the circuit breakers, the
// per-try timeout, retries with jittered back-off, and outlier-detection results. It answers
// exactly once through its `Done` callback, with the upstream's response or a local reply and
// Envoy's response flags (UH, UO, UF, UC, UT, URX), unless cancel() came first.
//
// A Forwarder lives on the worker that owns the downstream connection, and keeps itself alive
// until it has answered or been cancelled. Mirrors use one too, without retries or timeout.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/ConnectionPool.h"
#include "engine/HttpTypes.h"
#include "engine/IoTypes.h"
#include "engine/RetryRules.h"

namespace meshstudio::engine {

class Engine;
class RandomSource;
struct ActiveSnapshot;
struct Cluster;
struct HostState;
struct RetryPolicy;

class Forwarder final : public PoolClient, public std::enable_shared_from_this<Forwarder> {
 public:
  struct Result {
    Response response;
    bool fromUpstream = false;                  ///< false: a reply the proxy made itself
    std::string flags;                          ///< response flags to add (comma separated), empty for none
    std::string details;                        ///< Envoy's response code details
    std::optional<std::size_t> pod;             ///< the pod of the last attempt
    std::string upstreamHost;                   ///< its address, as logs show it
    std::chrono::milliseconds upstreamTime{0};  ///< last attempt: sent to answered
    std::string setCookie;                      ///< a generated hash-policy cookie to set downstream
    unsigned attempts = 0;
  };
  using Done = std::function<void(Result&&)>;

  struct Target {
    std::shared_ptr<const ActiveSnapshot> active;
    const Cluster* cluster = nullptr;
    std::optional<std::chrono::milliseconds> timeout;  ///< the route timeout; none or 0: no timeout
    const RetryPolicy* retries = nullptr;              ///< null: no retries (attempts: 0, mirrors)
    std::string sourceAddress;                         ///< the downstream peer, for hash policies
  };

  Forwarder(Engine& engine, Worker& worker, Target target, Request&& request, Done done);
  ~Forwarder() override;

  void start();
  /// The downstream went away: stop, release everything, never answer.
  void cancel();

  void onPoolReady(std::shared_ptr<UpstreamConnection> connection) override;
  void onPoolFailure(bool timeout) override;

 private:
  void attempt(bool sameHost);
  void onResponse(boost::beast::error_code error, bool nothingReceived, Response&& response);
  void onPerTryTimeout();
  void onRouteTimeout();
  /// Retries when the route's policy says so and attempts and budget allow; else answers.
  void conclude(const AttemptOutcome& outcome, Response* response);
  /// Answers with the attempt's outcome; `retryFlag` is URX (retries exhausted), UO (retry
  /// budget spent) or empty.
  void answer(const AttemptOutcome& outcome, Response* response, std::string_view retryFlag);
  void answerLocally(unsigned status, std::string body, std::string_view flag, std::string details);
  void finish();
  /// Ends the attempt in flight, if any: closes its connection or leaves the pool's queue.
  void abortAttempt();
  void reportHost(const struct HostResult& result);
  void stopRetryBudget();

  Engine& engine_;
  Worker& worker_;
  Target target_;
  Request request_;
  Done done_;
  std::shared_ptr<Forwarder> self_;  ///< alive until answered or cancelled
  Timer routeTimer_, perTryTimer_, backoffTimer_;
  std::optional<std::uint64_t> hash_;
  std::string setCookie_;
  std::vector<std::size_t> previousHosts_;
  std::shared_ptr<HostState> host_;  ///< the current attempt's host
  std::size_t hostIndex_ = 0;
  std::shared_ptr<UpstreamConnection> connection_;  ///< the current attempt's connection
  bool queued_ = false;                             ///< waiting in the pool for a connection
  bool staleRetried_ = false;
  bool rateLimited_ = false;   ///< the last attempt was refused by the pod's inbound rate limit
  bool holdingRetry_ = false;  ///< counts in the cluster's concurrent-retries budget
  bool finished_ = false;
  unsigned attempts_ = 0;
  std::chrono::steady_clock::time_point sent_;
};

}  // namespace meshstudio::engine

#pragma once

// The sidecar access log in Istio's default text format, so lines read (and parse) exactly like
// `kubectl logs <pod> -c istio-proxy` on a real mesh. Istio's EnvoyTextLogFormat
// (pilot/pkg/model/telemetry_logging.go, Istio 1.9 onwards):
//
//   [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE%
//   %RESPONSE_FLAGS% %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS%
//   "%UPSTREAM_TRANSPORT_FAILURE_REASON%" %BYTES_RECEIVED% %BYTES_SENT% %DURATION%
//   %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%"
//   "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%" %UPSTREAM_CLUSTER_RAW%
//   %UPSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_REMOTE_ADDRESS%
//   %REQUESTED_SERVER_NAME% %ROUTE_NAME%\n
//
// (one line, fields separated by single spaces). As in Envoy, an empty value prints `-`.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace meshstudio::engine {

/// What the access log knows about one request. Plain data: the proxy fills it as the request
/// completes. Empty strings mean "not available" and print as `-`.
struct AccessLogEntry {
  std::chrono::system_clock::time_point startTime;  ///< printed in UTC with milliseconds
  std::string method;
  std::string path;          ///< :path as forwarded (after any rewrite)
  std::string originalPath;  ///< x-envoy-original-path, set when a rewrite changed the path; wins over path
  std::string protocol = "HTTP/1.1";
  int responseCode = 0;  ///< 0 when no response was sent, printed as 0 like Envoy does
  std::string responseFlags = "-";
  std::string responseCodeDetails;           ///< e.g. via_upstream, route_not_found
  std::string connectionTerminationDetails;  ///< e.g. rbac_access_denied_matched_policy[none]
  std::string upstreamTransportFailureReason;
  std::uint64_t bytesReceived = 0;
  std::uint64_t bytesSent = 0;
  std::int64_t durationMs = 0;
  std::optional<std::int64_t> upstreamServiceTimeMs;  ///< x-envoy-upstream-service-time; none for local replies
  std::string forwardedFor;                           ///< x-forwarded-for
  std::string userAgent;
  std::string requestId;        ///< x-request-id
  std::string authority;        ///< :authority / Host
  std::string upstreamHost;     ///< ip:port of the chosen endpoint
  std::string upstreamCluster;  ///< e.g. outbound|9080|v1|reviews.shop.svc.cluster.local
  std::string upstreamLocalAddress;
  std::string downstreamLocalAddress;
  std::string downstreamRemoteAddress;
  std::string requestedServerName;  ///< TLS SNI
  std::string routeName;
};

/// One access-log line for `entry`, without the trailing newline of Istio's format string, so
/// the GUI can show it as is and a stream writer appends its own '\n'. Values are printed
/// verbatim, as Envoy does (the HTTP codec never lets CR or LF into them), except that
/// whitespace in the two unquoted detail fields becomes '_': Envoy builds those strings without
/// whitespace so the line splits on spaces, and the studio keeps that guarantee for any caller.
std::string formatAccessLogLine(const AccessLogEntry& entry);

/// Fans access-log entries out to subscribers (stdout in `meshstudio-cli serve`, a stream to the
/// GUI) and keeps the last lines for whoever subscribes late. Thread-safe: I/O threads write,
/// any thread subscribes.
///
/// Subscribers are called on the writing thread, one write at a time and in the order the lines
/// enter recent(), so a stdout subscriber never interleaves lines. A subscriber must therefore be
/// quick (a GUI should queue the line, not block on its own thread). It may call subscribe and
/// unsubscribe, and once unsubscribe(id) returns, that subscriber is never called again.
class AccessLog {
 public:
  using Subscriber = std::function<void(const AccessLogEntry& entry, const std::string& line)>;

  /// `capacity` lines are kept for recent(); 0 keeps none.
  explicit AccessLog(std::size_t capacity = 1000);

  /// Registers `subscriber` for every later write and returns its id. When `backlog` is given it
  /// receives recent() taken atomically with the subscription, so a late subscriber sees every
  /// line exactly once.
  int subscribe(Subscriber subscriber, std::vector<std::string>* backlog = nullptr);
  /// Removes a subscriber; unknown ids are ignored.
  void unsubscribe(int id);

  /// Formats `entry` once (only when someone can read it: a subscriber or a non-zero capacity),
  /// remembers the line and hands it to every subscriber.
  void write(const AccessLogEntry& entry);

  /// The last capacity() lines, oldest first.
  std::vector<std::string> recent() const;
  std::size_t capacity() const { return capacity_; }
  /// Whether a write would be read by anyone; when not, callers can skip filling an entry.
  bool isRead() const { return capacity_ > 0 || subscriberCount_.load(std::memory_order_relaxed) > 0; }

 private:
  std::vector<std::string> recentLocked() const;

  // Recursive because subscribers run under it and may (un)subscribe from inside the callback;
  // holding it while delivering is what orders lines and makes unsubscribe final.
  mutable std::recursive_mutex mutex_;
  std::map<int, std::shared_ptr<const Subscriber>> subscribers_;
  std::atomic<std::size_t> subscriberCount_{0};  // lets write() skip formatting without locking
  int nextId_ = 1;
  const std::size_t capacity_;
  std::vector<std::string> ring_;  // grows to capacity_, then next_ wraps around it
  std::size_t next_ = 0;
};

}  // namespace meshstudio::engine

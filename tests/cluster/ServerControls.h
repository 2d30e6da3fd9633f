#pragma once

// What a test can set on the Kubernetes API test server, and what it records for assertions:
// tokens, RBAC denials, injected failures, warnings, delays, the request log. Read by the
// server thread, written by the test thread: everything under one mutex.

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace meshstudio::test {

/// One request as the server saw it.
struct RequestRecord {
  std::string method;  ///< GET, PATCH, DELETE, ...
  std::string path;    ///< without the query
  std::string query;   ///< as sent (percent-encoded), without '?'
  std::string user;    ///< the authenticated user; empty when authentication failed
  int status = 0;      ///< the HTTP status answered; 0 when the server never answered (hang)
};

/// A response to give once instead of serving a request.
struct InjectedFailure {
  std::string method;
  std::string pathSubstring;
  int status = 500;
  nlohmann::json body;
};

class ServerControls {
 public:
  void addToken(const std::string& token, const std::string& user);
  std::optional<std::string> userForToken(const std::string& token) const;

  /// `verb` and `resource` may be "*". Denials only: everything else is allowed.
  void forbid(const std::string& user, const std::string& verb, const std::string& resource);
  void clearForbidden();
  bool isForbidden(const std::string& user, const std::string& verb, const std::string& resource) const;

  void failNext(const std::string& method, const std::string& pathSubstring, int status, nlohmann::json body);
  /// The first queued failure matching this request, removed from the queue.
  std::optional<InjectedFailure> takeFailure(const std::string& method, const std::string& path);

  void addWarning(const std::string& warning);
  void clearWarnings();
  std::vector<std::string> warnings() const;

  void setResponseDelay(std::chrono::milliseconds delay);
  std::chrono::milliseconds responseDelay() const;
  void setHang(bool hang);
  bool hangs() const;

  void setIstioInstalled(bool installed);
  bool istioInstalled() const;

  void record(RequestRecord record);
  std::vector<RequestRecord> requestLog() const;
  void clearRequestLog();
  std::string lastUser() const;
  int requestCount(const std::string& user) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> tokens_;
  std::set<std::tuple<std::string, std::string, std::string>> forbidden_;
  std::vector<InjectedFailure> failures_;
  std::vector<std::string> warnings_;
  std::chrono::milliseconds delay_{0};
  bool hang_ = false;
  bool istioInstalled_ = true;
  std::vector<RequestRecord> log_;
  std::string lastUser_;
  std::map<std::string, int> counts_;
};

}  // namespace meshstudio::test

#include "cluster/ServerControls.h"

namespace meshstudio::test {

void ServerControls::addToken(const std::string& token, const std::string& user) {
  std::lock_guard lock(mutex_);
  tokens_[token] = user;
}

std::optional<std::string> ServerControls::userForToken(const std::string& token) const {
  std::lock_guard lock(mutex_);
  auto found = tokens_.find(token);
  if (found == tokens_.end()) return std::nullopt;
  return found->second;
}

void ServerControls::forbid(const std::string& user, const std::string& verb, const std::string& resource) {
  std::lock_guard lock(mutex_);
  forbidden_.emplace(user, verb, resource);
}

void ServerControls::clearForbidden() {
  std::lock_guard lock(mutex_);
  forbidden_.clear();
}

bool ServerControls::isForbidden(const std::string& user, const std::string& verb, const std::string& resource) const {
  std::lock_guard lock(mutex_);
  for (const std::string& v : {verb, std::string("*")})
    for (const std::string& r : {resource, std::string("*")})
      if (forbidden_.count({user, v, r})) return true;
  return false;
}

void ServerControls::failNext(const std::string& method, const std::string& pathSubstring, int status,
                              nlohmann::json body) {
  std::lock_guard lock(mutex_);
  failures_.push_back({method, pathSubstring, status, std::move(body)});
}

std::optional<InjectedFailure> ServerControls::takeFailure(const std::string& method, const std::string& path) {
  std::lock_guard lock(mutex_);
  for (auto it = failures_.begin(); it != failures_.end(); ++it) {
    if (it->method != method || path.find(it->pathSubstring) == std::string::npos) continue;
    InjectedFailure failure = std::move(*it);
    failures_.erase(it);
    return failure;
  }
  return std::nullopt;
}

void ServerControls::addWarning(const std::string& warning) {
  std::lock_guard lock(mutex_);
  warnings_.push_back(warning);
}

void ServerControls::clearWarnings() {
  std::lock_guard lock(mutex_);
  warnings_.clear();
}

std::vector<std::string> ServerControls::warnings() const {
  std::lock_guard lock(mutex_);
  return warnings_;
}

void ServerControls::setResponseDelay(std::chrono::milliseconds delay) {
  std::lock_guard lock(mutex_);
  delay_ = delay;
}

std::chrono::milliseconds ServerControls::responseDelay() const {
  std::lock_guard lock(mutex_);
  return delay_;
}

void ServerControls::setHang(bool hang) {
  std::lock_guard lock(mutex_);
  hang_ = hang;
}

bool ServerControls::hangs() const {
  std::lock_guard lock(mutex_);
  return hang_;
}

void ServerControls::setIstioInstalled(bool installed) {
  std::lock_guard lock(mutex_);
  istioInstalled_ = installed;
}

bool ServerControls::istioInstalled() const {
  std::lock_guard lock(mutex_);
  return istioInstalled_;
}

void ServerControls::record(RequestRecord record) {
  std::lock_guard lock(mutex_);
  if (!record.user.empty()) {
    lastUser_ = record.user;
    ++counts_[record.user];
  }
  log_.push_back(std::move(record));
}

std::vector<RequestRecord> ServerControls::requestLog() const {
  std::lock_guard lock(mutex_);
  return log_;
}

void ServerControls::clearRequestLog() {
  std::lock_guard lock(mutex_);
  log_.clear();
}

std::string ServerControls::lastUser() const {
  std::lock_guard lock(mutex_);
  return lastUser_;
}

int ServerControls::requestCount(const std::string& user) const {
  std::lock_guard lock(mutex_);
  auto found = counts_.find(user);
  return found == counts_.end() ? 0 : found->second;
}

}  // namespace meshstudio::test

#include "engine/AccessLog.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace meshstudio::engine {

namespace {

// Envoy's default %START_TIME% format, `%Y-%m-%dT%H:%M:%E3SZ` in UTC: milliseconds truncated,
// not rounded, e.g. 2026-11-27T05:30:01.123Z.
void appendStartTime(std::string& out, std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  const auto ms = floor<milliseconds>(time);
  const auto day = floor<days>(ms);
  const year_month_day date{day};
  const hh_mm_ss clock{ms - day};
  char buffer[64];
  const int n =
      std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
                    static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                    static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                    static_cast<int>(clock.seconds().count()), static_cast<int>(clock.subseconds().count()));
  out.append(buffer, static_cast<std::size_t>(n > 0 ? n : 0));
}

void appendValue(std::string& out, std::string_view value) {
  if (value.empty()) {
    out += '-';
  } else {
    out += value;
  }
}

void appendQuoted(std::string& out, std::string_view value) {
  out += '"';
  appendValue(out, value);
  out += '"';
}

void appendWithoutWhitespace(std::string& out, std::string_view value) {
  if (value.empty()) {
    out += '-';
    return;
  }
  for (char c : value) out += (c == ' ' || c == '\t' || c == '\n' || c == '\r') ? '_' : c;
}

}  // namespace

std::string formatAccessLogLine(const AccessLogEntry& e) {
  std::string out;
  out.reserve(384);
  out += '[';
  appendStartTime(out, e.startTime);
  out += "] \"";
  appendValue(out, e.method);
  out += ' ';
  appendValue(out, e.originalPath.empty() ? e.path : e.originalPath);  // X-ENVOY-ORIGINAL-PATH?:PATH
  out += ' ';
  appendValue(out, e.protocol);
  out += "\" ";
  out += std::to_string(e.responseCode);
  out += ' ';
  appendValue(out, e.responseFlags);
  out += ' ';
  appendWithoutWhitespace(out, e.responseCodeDetails);
  out += ' ';
  appendWithoutWhitespace(out, e.connectionTerminationDetails);
  out += ' ';
  appendQuoted(out, e.upstreamTransportFailureReason);
  out += ' ';
  out += std::to_string(e.bytesReceived);
  out += ' ';
  out += std::to_string(e.bytesSent);
  out += ' ';
  out += std::to_string(e.durationMs);
  out += ' ';
  if (e.upstreamServiceTimeMs) {
    out += std::to_string(*e.upstreamServiceTimeMs);
  } else {
    out += '-';
  }
  out += ' ';
  appendQuoted(out, e.forwardedFor);
  out += ' ';
  appendQuoted(out, e.userAgent);
  out += ' ';
  appendQuoted(out, e.requestId);
  out += ' ';
  appendQuoted(out, e.authority);
  out += ' ';
  appendQuoted(out, e.upstreamHost);
  out += ' ';
  appendValue(out, e.upstreamCluster);
  out += ' ';
  appendValue(out, e.upstreamLocalAddress);
  out += ' ';
  appendValue(out, e.downstreamLocalAddress);
  out += ' ';
  appendValue(out, e.downstreamRemoteAddress);
  out += ' ';
  appendValue(out, e.requestedServerName);
  out += ' ';
  appendValue(out, e.routeName);
  return out;
}

AccessLog::AccessLog(std::size_t capacity) : capacity_(capacity) {
  ring_.reserve(std::min<std::size_t>(capacity, 1024));
}

int AccessLog::subscribe(Subscriber subscriber, std::vector<std::string>* backlog) {
  std::lock_guard lock(mutex_);
  const int id = nextId_++;
  subscribers_.emplace(id, std::make_shared<const Subscriber>(std::move(subscriber)));
  subscriberCount_.store(subscribers_.size(), std::memory_order_relaxed);
  if (backlog) *backlog = recentLocked();
  return id;
}

void AccessLog::unsubscribe(int id) {
  std::lock_guard lock(mutex_);
  subscribers_.erase(id);
  subscriberCount_.store(subscribers_.size(), std::memory_order_relaxed);
}

void AccessLog::write(const AccessLogEntry& entry) {
  if (!isRead()) return;
  const std::string line = formatAccessLogLine(entry);  // outside the lock: writers format in parallel

  std::lock_guard lock(mutex_);
  if (capacity_ > 0) {
    if (ring_.size() < capacity_) {
      ring_.push_back(line);
    } else {
      ring_[next_] = line;
    }
    next_ = (next_ + 1) % capacity_;
  }
  // Walk by id rather than by iterator: a subscriber may unsubscribe itself or others while it
  // runs. Subscribers added during this delivery (higher ids) start with the next line.
  const int lastId = nextId_ - 1;
  for (auto it = subscribers_.begin(); it != subscribers_.end() && it->first <= lastId;) {
    const int id = it->first;
    const std::shared_ptr<const Subscriber> subscriber = it->second;  // survives its own unsubscribe
    (*subscriber)(entry, line);
    it = subscribers_.upper_bound(id);
  }
}

std::vector<std::string> AccessLog::recent() const {
  std::lock_guard lock(mutex_);
  return recentLocked();
}

std::vector<std::string> AccessLog::recentLocked() const {
  if (ring_.size() < capacity_) return ring_;  // not wrapped yet: already oldest first
  std::vector<std::string> out;
  out.reserve(ring_.size());
  for (std::size_t i = 0; i < ring_.size(); ++i) out.push_back(ring_[(next_ + i) % ring_.size()]);
  return out;
}

}  // namespace meshstudio::engine

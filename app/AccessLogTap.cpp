#include "app/AccessLogTap.h"

namespace meshstudio::app {

AccessLogTap::~AccessLogTap() { detach(); }

void AccessLogTap::attach(engine::AccessLog& log, engine::EngineEvents& events) {
  detach();
  {
    std::lock_guard lock(mutex_);
    attached_ = true;
  }
  log_ = &log;
  engineEvents_ = &events;
  logSubscription_ =
      log.subscribe([this](const engine::AccessLogEntry& entry, const std::string& line) { onEntry(entry, line); });
  eventSubscription_ = events.subscribe([this](const engine::EngineEvent& event) {
    std::lock_guard lock(mutex_);
    if (events_.size() < maxPending_) events_.push_back(event);
  });
}

void AccessLogTap::detach() {
  if (log_) log_->unsubscribe(logSubscription_);
  if (engineEvents_) engineEvents_->unsubscribe(eventSubscription_);
  log_ = nullptr;
  engineEvents_ = nullptr;
  std::lock_guard lock(mutex_);
  attached_ = false;
  arrived_.notify_all();  // a trial waiting for its entry will not get one from this engine
}

void AccessLogTap::onEntry(const engine::AccessLogEntry& entry, const std::string& line) {
  std::lock_guard lock(mutex_);
  lines_.push_back(line);
  if (lines_.size() > maxPending_) {
    lines_.pop_front();
    ++dropped_;
  }
  if (!watched_.empty() && !entry.requestId.empty()) {
    if (auto found = watched_.find(entry.requestId); found != watched_.end()) {
      found->second = entry;
      arrived_.notify_all();
    }
  }
}

std::vector<std::string> AccessLogTap::drainLines(std::size_t* dropped) {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out(std::make_move_iterator(lines_.begin()), std::make_move_iterator(lines_.end()));
  lines_.clear();
  if (dropped) *dropped = dropped_;
  dropped_ = 0;
  return out;
}

std::vector<engine::EngineEvent> AccessLogTap::drainEvents() {
  std::lock_guard lock(mutex_);
  std::vector<engine::EngineEvent> out;
  out.swap(events_);
  return out;
}

void AccessLogTap::watch(const std::string& requestId) {
  std::lock_guard lock(mutex_);
  watched_.emplace(requestId, std::nullopt);
}

std::optional<engine::AccessLogEntry> AccessLogTap::take(const std::string& requestId,
                                                         std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  arrived_.wait_for(lock, timeout, [&] {
    auto found = watched_.find(requestId);
    return !attached_ || found == watched_.end() || found->second.has_value();
  });
  std::optional<engine::AccessLogEntry> entry;
  if (auto found = watched_.find(requestId); found != watched_.end()) {
    entry = std::move(found->second);
    watched_.erase(found);
  }
  return entry;
}

}  // namespace meshstudio::app

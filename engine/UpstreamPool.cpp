#include "engine/UpstreamPool.h"

#include "engine/Deadline.h"
#include "engine/WireFormat.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>

namespace meshstudio::engine {

namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace {
constexpr std::size_t kMaxIdlePerAddress = 256;
constexpr std::uint64_t kResponseBodyLimit = 64 * 1024 * 1024;
constexpr Milliseconds kDefaultTimeout{5 * 60 * 1000};
}  // namespace

/// One upstream connection; owns its socket and serves one exchange at a time.
class UpstreamConnection : public std::enable_shared_from_this<UpstreamConnection> {
 public:
  UpstreamConnection(net::io_context& io, UpstreamPool& pool, std::string key, Endpoint endpoint)
      : socket_(io.get_executor()),
        deadline_(io.get_executor(),
                  [this] {
                    beast::error_code ignored;
                    socket_.close(ignored);  // the pending operation ends with operation_aborted
                  }),
        pool_(pool),
        key_(std::move(key)),
        endpoint_(std::move(endpoint)) {}

  const std::string& key() const { return key_; }

  /// Runs on the worker thread that owns the pool.
  void start(Request&& request, Milliseconds timeout, UpstreamPool::Handler handler, bool reused) {
    request_ = std::move(request);
    timeout_ = timeout;
    handler_ = std::move(handler);
    reused_ = reused;
    if (!reused_) deadline_.setOwner(weak_from_this());
    if (reused_)
      write();
    else
      connect();
  }

 private:
  void connect() {
    beast::error_code ec;
    auto address = net::ip::make_address(endpoint_.host, ec);
    if (ec) {  // a host name: resolve it (rare; upstream annotations are usually literals)
      tcp::resolver resolver(socket_.get_executor());
      auto results = resolver.resolve(endpoint_.host, std::to_string(endpoint_.port), ec);
      if (ec || results.empty()) {
        // Answer asynchronously, as every other outcome is, never from inside exchange().
        net::post(socket_.get_executor(),
                  [self = shared_from_this(), ec] { self->finish(ec ? ec : net::error::host_not_found, true); });
        return;
      }
      address = results.begin()->endpoint().address();
    }
    deadline_.expireAfter(std::min<Milliseconds>(timeout_, Milliseconds(10'000)));  // Istio's connectTimeout
    socket_.async_connect(tcp::endpoint(address, endpoint_.port), [self = shared_from_this()](beast::error_code error) {
      if (error) return self->finish(self->deadline_.expired() ? beast::error::timeout : error, true);
      beast::error_code ignored;
      self->socket_.set_option(tcp::no_delay(true), ignored);
      self->write();
    });
  }

  void write() {
    // HTTP/1.1 keeps the connection open by default; the router removed the client's Connection field.
    request_.version(11);
    if (request_.method() == http::verb::trace) request_.body().clear();  // TRACE has no body
    request_.prepare_payload();
    deadline_.expireAfter(timeout_);
    writeHead(request_, head_);
    net::async_write(socket_, wireBuffers(request_, head_),
                     [self = shared_from_this()](beast::error_code error, std::size_t) {
                       if (error) return self->failOrRetry(error);
                       self->read();
                     });
  }

  void read() {
    parser_.emplace();
    parser_->eager(true);
    parser_->body_limit(kResponseBodyLimit);
    if (request_.method() == http::verb::head) parser_->skip(true);  // the length is announced, no body follows
    http::async_read(socket_, buffer_, *parser_, [self = shared_from_this()](beast::error_code error, std::size_t) {
      if (error) return self->failOrRetry(error);
      // An interim answer (100 Continue, 103 Early Hints) is not the response: read on.
      if (self->parser_->get().result_int() / 100 == 1) return self->read();
      self->finish({}, false);
    });
  }

  /// A pooled connection the upstream closed meanwhile fails before any answer: try a new one.
  void failOrRetry(beast::error_code error) {
    if (deadline_.expired()) return finish(beast::error::timeout, false);
    if (reused_) {
      auto fresh = std::make_shared<UpstreamConnection>(pool_.io_, pool_, key_, endpoint_);
      fresh->start(std::move(request_), timeout_, std::move(handler_), false);
      return;
    }
    finish(error, false);
  }

  void finish(beast::error_code error, bool connectFailed) {
    Response response;
    bool reusable = false;
    if (!error) {
      // Reusable only when the upstream keeps it open and nothing closed it meanwhile.
      reusable = parser_->keep_alive() && !deadline_.expired() && socket_.is_open();
      response = parser_->release();
    }
    deadline_.clear();
    auto handler = std::move(handler_);
    // Back in the pool before the caller hears of it, so its next request finds the connection;
    // from here on another exchange may own this object, so only locals are touched.
    if (reusable) pool_.giveBack(shared_from_this());
    handler(error, connectFailed, std::move(response));
  }

  TcpStream::socket_type socket_;
  Deadline deadline_;
  beast::flat_buffer buffer_;
  UpstreamPool& pool_;
  std::string key_;
  Endpoint endpoint_;
  Request request_;
  std::string head_;  ///< request_'s start line and fields, as written
  std::optional<ResponseParser> parser_;
  Milliseconds timeout_{};
  UpstreamPool::Handler handler_;
  bool reused_ = false;
};

void UpstreamPool::exchange(const Endpoint& endpoint, const std::string& address, Request&& request,
                            Milliseconds timeout, Handler handler) {
  if (timeout.count() <= 0) timeout = kDefaultTimeout;
  std::shared_ptr<UpstreamConnection> connection = takeIdle(address);
  const bool reused = connection != nullptr;
  if (!connection) connection = std::make_shared<UpstreamConnection>(io_, *this, address, endpoint);
  connection->start(std::move(request), timeout, std::move(handler), reused);
}

std::shared_ptr<UpstreamConnection> UpstreamPool::takeIdle(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = idle_.find(key);
  if (it == idle_.end() || it->second.empty()) return nullptr;
  auto connection = std::move(it->second.back());
  it->second.pop_back();
  return connection;
}

void UpstreamPool::giveBack(std::shared_ptr<UpstreamConnection> connection) {
  std::lock_guard lock(mutex_);
  auto& list = idle_[connection->key()];
  if (list.size() < kMaxIdlePerAddress) list.push_back(std::move(connection));
}

std::size_t UpstreamPool::idleCount() const {
  std::lock_guard lock(mutex_);
  std::size_t count = 0;
  for (const auto& [key, list] : idle_) count += list.size();
  return count;
}

}  // namespace meshstudio::engine

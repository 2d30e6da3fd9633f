#include "cluster/KubeTestServer.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/strand.hpp>

#include <openssl/ssl.h>

#include "cluster/ApiPath.h"
#include "cluster/ApiResourceCatalog.h"
#include "cluster/KubeConnection.h"

namespace meshstudio::test {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using json = nlohmann::json;

struct KubeTestServer::Listener {
  explicit Listener(net::io_context& io) : acceptor(io) {}
  tcp::acceptor acceptor;
};

namespace {

/// The store key of an object by its own apiVersion, kind and metadata; nullopt when the type
/// is not one the server serves.
std::optional<std::pair<ObjectKey, std::string>> keyOf(const json& object) {
  if (!object.is_object()) return std::nullopt;
  const auto [group, version] = ApiResourceCatalog::splitApiVersion(object.value("apiVersion", ""));
  const ApiResourceType* type = ApiResourceCatalog::findKind(group, object.value("kind", ""));
  if (!type || !type->namespaced || !type->servedIn(version)) return std::nullopt;
  const json metadata = object.value("metadata", json::object());
  const std::string name = metadata.value("name", "");
  if (name.empty()) return std::nullopt;
  return std::pair{ObjectKey{group, metadata.value("namespace", "default"), type->plural, name},
                   object.value("apiVersion", "")};
}

}  // namespace

KubeTestServer::KubeTestServer()
    : ca_(makeCa("kube-test-server CA")), serverCredential_(issueServer(ca_, {"127.0.0.1", "localhost"})) {
  tls_ = std::make_unique<net::ssl::context>(net::ssl::context::tls_server);
  tls_->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 | net::ssl::context::no_sslv3 |
                    net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1);
  tls_->use_certificate_chain(net::buffer(serverCredential_.certificate));
  tls_->use_private_key(net::buffer(serverCredential_.key), net::ssl::context::pem);
  tls_->add_certificate_authority(net::buffer(ca_.certificate));
  // Ask for a client certificate and verify one that comes, but let a client without one in:
  // it may still authenticate with a bearer token (the API server's VerifyClientCertIfGiven).
  tls_->set_verify_mode(net::ssl::verify_peer);
  static constexpr unsigned char kSessionContext[] = "kube-test-server";
  SSL_CTX_set_session_id_context(tls_->native_handle(), kSessionContext, sizeof kSessionContext - 1);
  // Tell clients which CA the server accepts client certificates from.
  BIO* bio = BIO_new_mem_buf(ca_.certificate.data(), static_cast<int>(ca_.certificate.size()));
  if (X509* caCert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
    SSL_CTX_add_client_CA(tls_->native_handle(), caCert);
    X509_free(caCert);
  }
  BIO_free(bio);
}

KubeTestServer::~KubeTestServer() { stop(); }

bool KubeTestServer::start(std::string* error) {
  if (isRunning()) return true;
  io_ = std::make_unique<net::io_context>(1);
  listener_ = std::make_unique<Listener>(*io_);
  boost::system::error_code ec;
  const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), 0);
  listener_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) listener_->acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) listener_->acceptor.bind(endpoint, ec);
  if (!ec) listener_->acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    if (error) *error = "cannot listen on 127.0.0.1: " + ec.message();
    listener_.reset();
    io_.reset();
    return false;
  }
  port_ = listener_->acceptor.local_endpoint().port();
  handler_.setServerAddress("127.0.0.1:" + std::to_string(port_));
  accept();
  thread_ = std::thread([io = io_.get()] { io->run(); });
  return true;
}

void KubeTestServer::accept() {
  listener_->acceptor.async_accept(net::make_strand(*io_), [this](boost::system::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !listener_->acceptor.is_open()) return;
    if (!ec) std::make_shared<KubeConnection>(std::move(socket), *tls_, handler_)->run();
    accept();
  });
}

void KubeTestServer::stop() {
  if (!isRunning()) return;
  io_->stop();
  thread_.join();
  listener_.reset();
  io_.reset();  // destroys the pending handlers, and with them the connections
}

std::string KubeTestServer::url() const { return "https://127.0.0.1:" + std::to_string(port_); }

Credential KubeTestServer::issueClientCertificate(const std::string& commonName,
                                                  const std::vector<std::string>& groups) const {
  return issueClient(ca_, commonName, groups);
}

json KubeTestServer::put(json object) {
  auto key = keyOf(object);
  if (!key) return nullptr;
  return store_.put(key->first, std::move(object));
}

std::optional<StoreApplyResult> KubeTestServer::apply(const std::string& manager, json object, bool force) {
  auto key = keyOf(object);
  if (!key) return std::nullopt;
  json& metadata = object["metadata"];
  if (!metadata.contains("namespace")) metadata["namespace"] = key->first.namespaceName;
  store_.addNamespace(key->first.namespaceName);
  return store_.apply(key->first, object, manager, key->second, force, false);
}

json KubeTestServer::object(const std::string& group, const std::string& version, const std::string& namespaceName,
                            const std::string& plural, const std::string& name) const {
  auto stored = store_.get({group, namespaceName, plural, name});
  if (!stored) return nullptr;
  if (!version.empty()) (*stored)["apiVersion"] = ApiResourceCatalog::groupVersion(group, version);
  return *stored;
}

json KubeTestServer::object(const std::string& apiPath) const {
  const ApiPath path = ApiPath::parse(apiPath);
  if (path.kind == ApiPath::Kind::Namespace) return store_.namespaceObject(path.name).value_or(nullptr);
  if (path.kind != ApiPath::Kind::Item) return nullptr;
  return object(path.group, path.version, path.namespaceName, path.plural, path.name);
}

std::string KubeTestServer::resourceVersionOf(const std::string& group, const std::string& namespaceName,
                                              const std::string& plural, const std::string& name) const {
  const json stored = object(group, "", namespaceName, plural, name);
  if (stored.is_null()) return {};
  return stored["metadata"].value("resourceVersion", "");
}

std::string KubeTestServer::resourceVersionOf(const std::string& apiPath) const {
  const json stored = object(apiPath);
  if (stored.is_null()) return {};
  return stored["metadata"].value("resourceVersion", "");
}

}  // namespace meshstudio::test

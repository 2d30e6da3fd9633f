#include "app/cluster/KubeTransport.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <optional>

#include "app/cluster/Durations.h"
#include "app/cluster/ExecCredentialPlugin.h"
#include "app/cluster/ProxyRoute.h"
#include "app/cluster/WarningHeader.h"

#ifndef MESHSTUDIO_VERSION
#define MESHSTUDIO_VERSION "0.0.0"
#endif

using namespace Qt::StringLiterals;

// Credentials only ever travel from the connection (or the plugin) into the request's
// Authorization header and QSslConfiguration. Nothing here logs a header, and every message
// names the file, user or plugin instead of quoting what it holds.

namespace meshstudio::cluster {
namespace {

using Failure = KubeResponse::Failure;

KubeResponse failed(Failure failure, std::string error) {
  KubeResponse response;
  response.failure = failure;
  response.error = std::move(error);
  return response;
}

/// The credentials one request goes out with.
struct RequestCredentials {
  std::string token;
  std::string certificatePem;
  std::string keyPem;
};

/// A PEM private key: EC first (what kind and most test PKIs issue), then RSA.
QSslKey privateKeyFromPem(const std::string& pem) {
  const QByteArray data = QByteArray::fromStdString(pem);
  QSslKey key(data, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
  if (key.isNull()) key = QSslKey(data, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
  return key;
}

/// `key=value&...`, each side percent-encoded on its own: field selectors and label selectors
/// hold `=`, `,` and `!`, which must not be read as query syntax.
QString encodedQuery(const std::vector<std::pair<std::string, std::string>>& query) {
  QByteArray text;
  for (const auto& [key, value] : query) {
    if (!text.isEmpty()) text += '&';
    text += QUrl::toPercentEncoding(QString::fromStdString(key)) + '=' +
            QUrl::toPercentEncoding(QString::fromStdString(value));
  }
  return QString::fromLatin1(text);
}

/// The route as QtNetwork's proxy: set explicitly, NoProxy included, so that no application-wide
/// proxy of Qt's applies instead of what kubectl would do.
QNetworkProxy networkProxy(const ProxyRoute& route) {
  if (route.kind == ProxyRoute::Kind::Direct) return QNetworkProxy(QNetworkProxy::NoProxy);
  return QNetworkProxy(route.kind == ProxyRoute::Kind::Http ? QNetworkProxy::HttpProxy : QNetworkProxy::Socks5Proxy,
                       QString::fromStdString(route.host), static_cast<quint16>(route.port),
                       QString::fromStdString(route.user), QString::fromStdString(route.password));
}

}  // namespace

struct KubeTransport::Private {
  ClusterConnection connection;
  std::chrono::milliseconds timeout;
  ProxyRoute proxy;
  std::unique_ptr<QNetworkAccessManager> network;
  std::optional<ExecCredentialPlugin> plugin;
  std::string lastCertificatePem;  ///< the client certificate the cached connections were made with

  std::optional<RequestCredentials> credentials(std::string& error);
  std::optional<QSslConfiguration> tlsConfiguration(const RequestCredentials& credentials, Failure& failure,
                                                    std::string& error) const;
  KubeResponse attempt(const KubeRequest& request);
  KubeResponse collect(QNetworkReply& reply, bool timedOut, const QStringList& sslErrors) const;
  /// " through the proxy http://proxy:3128 (HTTPS_PROXY)" for messages, or nothing.
  std::string throughProxy() const { return proxy.direct() ? std::string() : " through the proxy " + proxy.describe(); }
};

KubeTransport::KubeTransport(ClusterConnection connection, std::chrono::milliseconds timeout)
    : d_(std::make_unique<Private>()) {
  d_->connection = std::move(connection);
  d_->timeout = timeout;
  d_->proxy = ProxyRoute::choose(d_->connection.server, d_->connection.proxyUrl, ProxyEnvironment::fromProcess());
  if (d_->connection.exec) d_->plugin.emplace(*d_->connection.exec, d_->connection, timeout);
}

KubeTransport::~KubeTransport() = default;

const ClusterConnection& KubeTransport::connection() const { return d_->connection; }

bool KubeTransport::verifiesTls() const { return !d_->connection.insecureSkipTlsVerify; }

const ProxyRoute& KubeTransport::proxy() const { return d_->proxy; }

void KubeTransport::setTimeout(std::chrono::milliseconds timeout) {
  d_->timeout = timeout;
  if (d_->plugin) d_->plugin->setTimeout(timeout);
}

KubeResponse KubeTransport::send(const KubeRequest& request) {
  KubeResponse response = d_->attempt(request);
  if (d_->plugin && response.failure == Failure::None && response.status == 401) {
    // The plugin's credential was revoked or expired early: ask it once more, as client-go does.
    d_->plugin->invalidate();
    response = d_->attempt(request);
  }
  return response;
}

std::optional<RequestCredentials> KubeTransport::Private::credentials(std::string& error) {
  RequestCredentials credentials{connection.token, connection.clientCertificatePem, connection.clientKeyPem};
  if (credentials.token.empty() && !connection.tokenFile.empty()) {
    // Read on every request: projected service-account tokens are rotated on disk.
    QFile file(QString::fromStdString(connection.tokenFile));
    if (!file.open(QIODevice::ReadOnly)) {
      error = "cannot read the token file " + connection.tokenFile + ": " + file.errorString().toStdString();
      return std::nullopt;
    }
    credentials.token = file.readAll().trimmed().toStdString();
    if (credentials.token.empty()) {
      error = "the token file " + connection.tokenFile + " is empty";
      return std::nullopt;
    }
  }
  if (credentials.token.empty() && plugin) {
    const auto fromPlugin = plugin->credential(error);
    if (!fromPlugin) return std::nullopt;
    credentials.token = fromPlugin->token;
    if (!fromPlugin->clientCertificatePem.empty()) {
      credentials.certificatePem = fromPlugin->clientCertificatePem;
      credentials.keyPem = fromPlugin->clientKeyPem;
    }
  }
  return credentials;
}

std::optional<QSslConfiguration> KubeTransport::Private::tlsConfiguration(const RequestCredentials& credentials,
                                                                          Failure& failure, std::string& error) const {
  QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
  if (!connection.certificateAuthorityPem.empty()) {
    const QList<QSslCertificate> authorities =
        QSslCertificate::fromData(QByteArray::fromStdString(connection.certificateAuthorityPem), QSsl::Pem);
    if (authorities.isEmpty()) {
      failure = Failure::Tls;
      error = "TLS: the certificate authority of cluster \"" + connection.clusterName + "\" holds no PEM certificate";
      return std::nullopt;
    }
    // Trust only the cluster's CA (this also stops Qt loading the system roots on demand).
    tls.setCaCertificates(authorities);
  }
  if (connection.insecureSkipTlsVerify) tls.setPeerVerifyMode(QSslSocket::VerifyNone);
  if (!credentials.certificatePem.empty()) {
    const QList<QSslCertificate> chain =
        QSslCertificate::fromData(QByteArray::fromStdString(credentials.certificatePem), QSsl::Pem);
    const QSslKey key = privateKeyFromPem(credentials.keyPem);
    if (chain.isEmpty() || key.isNull()) {
      failure = Failure::Credentials;
      error = "the client " + std::string(chain.isEmpty() ? "certificate" : "key") + " of " +
              (connection.userName.empty() ? std::string("the exec plugin") : "user \"" + connection.userName + "\"") +
              (chain.isEmpty() ? " is not a PEM certificate" : " is neither an EC nor an RSA PEM private key");
      return std::nullopt;
    }
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
  }
  return tls;
}

KubeResponse KubeTransport::Private::attempt(const KubeRequest& request) {
  if (!proxy.error.empty()) return failed(Failure::Connection, proxy.error);
  std::string error;
  const auto credentials = this->credentials(error);
  if (!credentials) return failed(Failure::Credentials, error);
  Failure failure = Failure::None;
  const auto tls = tlsConfiguration(*credentials, failure, error);
  if (!tls) return failed(failure, error);

  std::string server = connection.server;
  while (!server.empty() && server.back() == '/') server.pop_back();
  QUrl url(QString::fromStdString(server + request.path));
  if (!request.query.empty()) url.setQuery(encodedQuery(request.query), QUrl::StrictMode);
  if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s))
    return failed(Failure::Connection,
                  "the server URL \"" + connection.server + "\" is not an https:// (or http://) URL");

  QNetworkRequest networkRequest(url);
  networkRequest.setRawHeader("Accept", "application/json");
  networkRequest.setRawHeader("User-Agent", "meshstudio/" MESHSTUDIO_VERSION);
  if (!request.body.empty() || !request.contentType.empty())
    networkRequest.setRawHeader("Content-Type", QByteArray::fromStdString(request.contentType));
  if (!credentials->token.empty())
    networkRequest.setRawHeader("Authorization", "Bearer " + QByteArray::fromStdString(credentials->token));
  networkRequest.setSslConfiguration(*tls);
  if (!connection.tlsServerName.empty())
    networkRequest.setPeerVerifyName(QString::fromStdString(connection.tlsServerName));
  networkRequest.setTransferTimeout(static_cast<int>(timeout.count()));
  // A redirect would carry the bearer token to wherever it points; the API server never redirects.
  networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
  networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
  networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
  networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);

  if (network && network->thread() != QThread::currentThread()) {
    // Used from another worker thread than last time (a thread pool): a QNetworkAccessManager
    // only works on its own thread, so leave the old one to it and start afresh here.
    network.release()->deleteLater();
    lastCertificatePem.clear();
  }
  if (!network) {
    network = std::make_unique<QNetworkAccessManager>();  // on the calling thread
    network->setProxy(networkProxy(proxy));
  }
  if (credentials->certificatePem != lastCertificatePem) {
    // Kept-alive connections were authenticated with the previous client certificate.
    network->clearConnectionCache();
    lastCertificatePem = credentials->certificatePem;
  }
  const QByteArray verb = QByteArray::fromStdString(request.method);
  std::unique_ptr<QNetworkReply> reply(
      request.body.empty() ? network->sendCustomRequest(networkRequest, verb)
                           : network->sendCustomRequest(networkRequest, verb, QByteArray::fromStdString(request.body)));

  QStringList sslErrors;
  QObject::connect(reply.get(), &QNetworkReply::sslErrors, reply.get(), [&sslErrors](const QList<QSslError>& errors) {
    for (const QSslError& e : errors) sslErrors << e.errorString();
  });
  // setTransferTimeout bounds silence; this bounds the whole exchange.
  bool timedOut = false;
  QEventLoop loop;
  QTimer deadline;
  deadline.setSingleShot(true);
  QObject::connect(&deadline, &QTimer::timeout, reply.get(), [&timedOut, &reply] {
    timedOut = true;
    reply->abort();
  });
  QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
  deadline.start(timeout);
  if (!reply->isFinished()) loop.exec();
  deadline.stop();
  return collect(*reply, timedOut, sslErrors);
}

KubeResponse KubeTransport::Private::collect(QNetworkReply& reply, bool timedOut, const QStringList& sslErrors) const {
  const QNetworkReply::NetworkError error = reply.error();
  if (timedOut || error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
    return failed(Failure::Timeout,
                  "no answer from " + connection.server + throughProxy() + " within " + describeDuration(timeout));
  const QVariant status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
  if (status.isValid()) {
    // Any status is an answer: QNetworkReply calls 4xx and 5xx errors, but their bodies are the
    // API server's Status objects, which the callers turn into messages.
    KubeResponse response;
    response.status = status.toInt();
    response.body = reply.readAll().toStdString();
    for (const auto& [name, value] : reply.rawHeaderPairs())
      if (name.compare("warning", Qt::CaseInsensitive) == 0)
        for (std::string& text : parseWarningHeader(value.toStdString())) response.warnings.push_back(std::move(text));
    return response;
  }
  if (error == QNetworkReply::SslHandshakeFailedError) {
    const QString reason = sslErrors.isEmpty() ? reply.errorString() : sslErrors.join(u"; "_s);
    return failed(Failure::Tls, "TLS: " + reason.toStdString());
  }
  return failed(Failure::Connection,
                "cannot connect to " + connection.server + throughProxy() + ": " + reply.errorString().toStdString());
}

}  // namespace meshstudio::cluster

#pragma once

// A tiny HTTPS/1.1 server for the transport's tests: QSslServer on 127.0.0.1, in the test's
// own thread (KubeTransport's local event loop serves it while a request waits). It records
// every request — with the client certificate's CN — and answers through a handler.

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>

#include <functional>
#include <map>
#include <vector>

#include "common/TestCertificates.h"

namespace meshstudio::test {

struct RecordedRequest {
  QByteArray method;
  QByteArray target;  ///< path and query, as sent
  QList<QPair<QByteArray, QByteArray>> headers;
  QByteArray body;
  QString clientCommonName;  ///< empty without a client certificate

  QByteArray header(const QByteArray& name) const {
    for (const auto& [key, value] : headers)
      if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
    return {};
  }
  bool hasHeader(const QByteArray& name) const {
    for (const auto& pair : headers)
      if (pair.first.compare(name, Qt::CaseInsensitive) == 0) return true;
    return false;
  }
};

struct CannedResponse {
  int status = 200;
  QList<QPair<QByteArray, QByteArray>> headers;  ///< repeated names are sent as separate lines
  QByteArray body = "{}";
  bool silent = false;  ///< never answer (for timeouts)
};

class TlsEchoServer {
 public:
  /// Serves `server`'s certificate; asks for (without requiring) a client certificate.
  explicit TlsEchoServer(const Credential& server) {
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(QByteArray::fromStdString(server.certificate)));
    tls.setPrivateKey(QSslKey(QByteArray::fromStdString(server.key), QSsl::Ec));
    tls.setPeerVerifyMode(QSslSocket::QueryPeer);
    server_.setSslConfiguration(tls);
    QObject::connect(&server_, &QTcpServer::pendingConnectionAvailable, &server_, [this] { accept(); });
  }

  ~TlsEchoServer() {
    // Closing a socket emits disconnected, whose handler uses buffers_: cut the wires first.
    for (QSslSocket* socket : server_.findChildren<QSslSocket*>()) {
      QObject::disconnect(socket, nullptr, nullptr, nullptr);
      delete socket;
    }
  }
  TlsEchoServer(const TlsEchoServer&) = delete;
  TlsEchoServer& operator=(const TlsEchoServer&) = delete;

  bool listen() { return server_.listen(QHostAddress::LocalHost, 0); }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(server_.serverPort()); }
  bool keyLoaded() const { return !server_.sslConfiguration().privateKey().isNull(); }

  std::function<CannedResponse(const RecordedRequest&)> handler = [](const RecordedRequest&) {
    return CannedResponse{};
  };
  std::vector<RecordedRequest> requests;

 private:
  void accept() {
    while (QTcpSocket* plain = server_.nextPendingConnection()) {
      auto* socket = qobject_cast<QSslSocket*>(plain);
      socket->setParent(&server_);
      QObject::connect(socket, &QSslSocket::readyRead, socket, [this, socket] { read(socket); });
      QObject::connect(socket, &QSslSocket::disconnected, socket, [this, socket] {
        buffers_.erase(socket);
        socket->deleteLater();
      });
      read(socket);
    }
  }

  void read(QSslSocket* socket) {
    QByteArray& buffer = buffers_[socket];
    buffer += socket->readAll();
    while (true) {
      const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      RecordedRequest request;
      const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
      const QList<QByteArray> requestLine = lines.front().trimmed().split(' ');
      request.method = requestLine.value(0);
      request.target = requestLine.value(1);
      qsizetype length = 0;
      for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon < 0) continue;
        const QByteArray name = lines[i].left(colon).trimmed(), value = lines[i].mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) length = value.toLongLong();
      }
      if (buffer.size() < headerEnd + 4 + length) return;  // the body is still on its way
      request.body = buffer.mid(headerEnd + 4, length);
      buffer.remove(0, headerEnd + 4 + length);
      const QSslCertificate peer = socket->peerCertificate();
      if (!peer.isNull()) request.clientCommonName = peer.subjectInfo(QSslCertificate::CommonName).value(0);
      requests.push_back(request);
      const CannedResponse response = handler(request);
      if (response.silent) continue;
      QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Canned\r\n";
      out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(response.body.size()) + "\r\n";
      for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
      out += "\r\n" + response.body;
      socket->write(out);
    }
  }

  QSslServer server_;
  std::map<QSslSocket*, QByteArray> buffers_;
};

}  // namespace meshstudio::test

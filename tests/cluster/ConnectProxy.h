#pragma once

// A tiny HTTP CONNECT proxy for the transport's proxy tests, on 127.0.0.1 in the test's own
// thread (like TlsEchoServer, KubeTransport's local event loop serves it). It records each
// CONNECT's target and Proxy-Authorization, answers 407 when credentials are required and
// missing, and otherwise tunnels the bytes both ways to the target.

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>
#include <vector>

namespace meshstudio::test {

class ConnectProxy {
 public:
  struct Tunnel {
    QByteArray target;         ///< `host:port` from the CONNECT line
    QByteArray authorization;  ///< the Proxy-Authorization field, as sent
    bool refused = false;      ///< answered 407
  };

  /// `requiredAuthorization` non-empty: only a CONNECT carrying exactly this field is tunnelled.
  explicit ConnectProxy(QByteArray requiredAuthorization = {}) : required_(std::move(requiredAuthorization)) {
    QObject::connect(&server_, &QTcpServer::newConnection, &server_, [this] {
      while (QTcpSocket* client = server_.nextPendingConnection()) accept(client);
    });
  }

  bool listen() { return server_.listen(QHostAddress::LocalHost); }
  quint16 port() const { return server_.serverPort(); }
  std::vector<Tunnel> tunnels;

 private:
  void accept(QTcpSocket* client) {
    auto head = std::make_shared<QByteArray>();
    QObject::connect(client, &QTcpSocket::readyRead, client, [this, client, head] {
      if (client->property("tunnelled").toBool()) return;  // the relay below owns the bytes now
      head->append(client->readAll());
      const qsizetype end = head->indexOf("\r\n\r\n");
      if (end < 0) return;
      client->setProperty("tunnelled", true);
      const QList<QByteArray> lines = head->left(end).split('\n');
      const QList<QByteArray> request = lines.value(0).trimmed().split(' ');
      Tunnel tunnel;
      tunnel.target = request.value(1);
      for (const QByteArray& line : lines.mid(1))
        if (line.toLower().startsWith("proxy-authorization:")) tunnel.authorization = line.mid(20).trimmed();
      const QByteArray early = head->mid(end + 4);
      if (request.value(0) != "CONNECT" || (!required_.isEmpty() && tunnel.authorization != required_)) {
        tunnel.refused = true;
        tunnels.push_back(tunnel);
        client->write(
            "HTTP/1.1 407 Proxy Authentication Required\r\n"
            "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        client->disconnectFromHost();
        return;
      }
      tunnels.push_back(tunnel);
      relay(client, tunnel.target, early);
    });
    QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
  }

  void relay(QTcpSocket* client, const QByteArray& target, const QByteArray& early) {
    auto* upstream = new QTcpSocket(client);  // dies with the client's socket
    const qsizetype colon = target.lastIndexOf(':');
    QObject::connect(upstream, &QTcpSocket::connected, client, [client, upstream, early] {
      client->write("HTTP/1.1 200 Connection established\r\n\r\n");
      if (!early.isEmpty()) upstream->write(early);
      if (client->bytesAvailable() > 0) upstream->write(client->readAll());
    });
    QObject::connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
      if (upstream->state() == QAbstractSocket::ConnectedState) upstream->write(client->readAll());
    });
    QObject::connect(upstream, &QTcpSocket::readyRead, client,
                     [client, upstream] { client->write(upstream->readAll()); });
    QObject::connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    QObject::connect(upstream, &QTcpSocket::errorOccurred, client, [client] { client->disconnectFromHost(); });
    upstream->connectToHost(QString::fromLatin1(target.left(colon)),
                            static_cast<quint16>(target.mid(colon + 1).toUInt()));
  }

  QTcpServer server_;
  QByteArray required_;
};

}  // namespace meshstudio::test

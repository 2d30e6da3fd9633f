#include "app/TrialTarget.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include "engine/Explain.h"
#include "engine/Snapshot.h"
#include "model/Project.h"

namespace meshstudio::app {
namespace {

/// One POSIX shell word: single quotes, with any ' closed, escaped and reopened.
QString shellQuote(const QString& text) {
  QString quoted = text;
  quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
  return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

}  // namespace

QString TrialTarget::describe() const {
  const QString where = port ? QStringLiteral("%1:%2").arg(host).arg(port) : TrialTarget::tr("not running");
  if (listener == "mesh") return TrialTarget::tr("%1 (mesh listener)").arg(where);
  return TrialTarget::tr("%1 (%2 listener)").arg(where, QString::fromStdString(listener));
}

TrialTarget TrialTarget::parse(const views::TrialRequest& request) {
  TrialTarget target;
  QString rest = request.url.trimmed();
  if (rest.isEmpty()) {
    target.error = TrialTarget::tr("Type a URL, such as http://reviews:9080/.");
    return target;
  }
  if (const qsizetype scheme = rest.indexOf(QStringLiteral("://")); scheme >= 0) {
    target.scheme = rest.left(scheme).toLower();
    rest = rest.mid(scheme + 3);
  }
  if (target.scheme != QStringLiteral("http") && target.scheme != QStringLiteral("https")) {
    target.error = TrialTarget::tr("Only http:// and https:// URLs can be tried, not %1://.").arg(target.scheme);
    return target;
  }
  const qsizetype slash = rest.indexOf(QRegularExpression(QStringLiteral("[/?#]")));
  target.authority = slash < 0 ? rest : rest.left(slash);
  QString path = slash < 0 ? QStringLiteral("/") : rest.mid(slash);
  if (const qsizetype fragment = path.indexOf(QLatin1Char('#')); fragment >= 0) path.truncate(fragment);
  if (path.startsWith(QLatin1Char('?'))) path.prepend(QLatin1Char('/'));
  target.path = path.isEmpty() ? QStringLiteral("/") : path;
  if (target.authority.isEmpty() || target.authority.contains(QLatin1Char(' '))) {
    target.error = TrialTarget::tr("\"%1\" has no host.").arg(request.url);
  }
  return target;
}

TrialTarget TrialTarget::resolve(const views::TrialRequest& request, const engine::Snapshot& snapshot) {
  TrialTarget target = parse(request);
  if (!target.isValid()) return target;
  target.listener = engine::listenerFor(snapshot, target.authority.toStdString());
  if (target.listener != "mesh") {
    const std::int64_t gatewayPort = QString::fromStdString(target.listener).section(QLatin1Char(':'), 1).toLongLong();
    if (const engine::GatewayListener* gateway = snapshot.gatewayForPort(gatewayPort)) target.tls = gateway->tls;
  }
  return target;
}

QStringList TrialTarget::suggestions(const model::Project& project) {
  QStringList urls;
  auto add = [&urls](const QString& url) {
    if (!urls.contains(url)) urls.append(url);
  };
  auto hostsOf = [](const model::Value* list) {
    QStringList hosts;
    if (list && list->isSeq())
      for (const model::Value& host : list->items())
        if (host.isString() && !host.text().empty() && host.text().find('*') == std::string::npos)
          hosts << QString::fromStdString(host.text());
    return hosts;
  };
  for (const model::Resource& resource : project.resources()) {
    const model::Value& document = resource.document();
    switch (resource.kind()) {
      case model::ResourceKind::Service:
        if (const model::Value* ports = document.at("spec.ports"); ports && ports->isSeq())
          for (const model::Value& port : ports->items())
            if (const model::Value* number = port.find("port"))
              add(QStringLiteral("http://%1:%2/")
                      .arg(QString::fromStdString(resource.name()), QString::fromStdString(number->text())));
        break;
      case model::ResourceKind::VirtualService:
        for (const QString& host : hostsOf(document.at("spec.hosts"))) add(QStringLiteral("http://%1/").arg(host));
        break;
      case model::ResourceKind::Gateway:
        if (const model::Value* servers = document.at("spec.servers"); servers && servers->isSeq())
          for (const model::Value& server : servers->items()) {
            const model::Value* number = server.at("port.number");
            const model::Value* protocol = server.at("port.protocol");
            const bool https = protocol && (protocol->text() == "HTTPS" || protocol->text() == "TLS");
            const QString port = number ? QString::fromStdString(number->text()) : QString();
            const bool defaultPort = port.isEmpty() || port == (https ? QStringLiteral("443") : QStringLiteral("80"));
            for (QString host : hostsOf(server.find("hosts"))) {
              host = host.section(QLatin1Char('/'), -1);  // `ns/host` binds the namespace, not the URL
              add(QStringLiteral("%1://%2%3/")
                      .arg(https ? QStringLiteral("https") : QStringLiteral("http"), host,
                           defaultPort ? QString() : QLatin1Char(':') + port));
            }
          }
        break;
      default:
        break;
    }
  }
  return urls;
}

QString TrialTarget::curlCommand(const views::TrialRequest& request) const {
  QStringList words{QStringLiteral("curl"), QStringLiteral("-sS"), QStringLiteral("-i")};
  const QString method = request.method.isEmpty() ? QStringLiteral("GET") : request.method;
  if (method == QStringLiteral("HEAD"))
    words << QStringLiteral("-I");
  else if (method != QStringLiteral("GET") || !request.body.isEmpty())
    words << QStringLiteral("-X") << shellQuote(method);
  const QString address = port ? QStringLiteral("%1:%2").arg(host).arg(port) : host + QStringLiteral(":PORT");
  if (tls) {
    // TLS: let curl send the right SNI and Host, and reach the gateway's local port instead.
    words << QStringLiteral("-k") << QStringLiteral("--connect-to")
          << shellQuote(QStringLiteral("%1::%2").arg(authority.section(QLatin1Char(':'), 0, 0), address));
    words << shellQuote(QStringLiteral("https://") + authority + path);
  } else {
    words << shellQuote(QStringLiteral("http://") + address + path);
    bool hostGiven = false;
    for (const auto& header : request.headers)
      hostGiven = hostGiven || header.first.compare(QStringLiteral("host"), Qt::CaseInsensitive) == 0;
    if (!hostGiven) words << QStringLiteral("-H") << shellQuote(QStringLiteral("Host: ") + authority);
  }
  for (const auto& [name, value] : request.headers)
    words << QStringLiteral("-H") << shellQuote(name + QStringLiteral(": ") + value);
  if (!request.body.isEmpty()) words << QStringLiteral("--data-binary") << shellQuote(request.body);
  return words.join(QLatin1Char(' '));
}

}  // namespace meshstudio::app

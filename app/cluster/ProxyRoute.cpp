#include "app/cluster/ProxyRoute.h"

#include <QHostAddress>
#include <QStringList>
#include <QUrl>

#include <cstdlib>

namespace meshstudio::cluster {

namespace {

/// The first of `upper`, `lower` that is set and not empty, and its name (Go's getEnvAny).
std::pair<std::string, std::string> variable(const char* upper, const char* lower) {
  for (const char* name : {upper, lower})
    if (const char* value = std::getenv(name); value && *value) return {value, name};
  return {};
}

int defaultPort(const QString& scheme) {
  if (scheme == QLatin1String("https")) return 443;
  if (scheme.startsWith(QLatin1String("socks5"))) return 1080;
  return 80;
}

bool isLoopback(const QString& host) {
  if (host == QLatin1String("localhost")) return true;
  const QHostAddress address(host);
  return !address.isNull() && address.isLoopback();
}

}  // namespace

ProxyEnvironment ProxyEnvironment::fromProcess() {
  ProxyEnvironment environment;
  std::tie(environment.httpsProxy, environment.httpsProxyName) = variable("HTTPS_PROXY", "https_proxy");
  std::tie(environment.httpProxy, environment.httpProxyName) = variable("HTTP_PROXY", "http_proxy");
  environment.noProxy = variable("NO_PROXY", "no_proxy").first;
  return environment;
}

std::string ProxyRoute::redactedUrl() const {
  QUrl parsed(QString::fromStdString(url));
  if (!parsed.password().isEmpty()) parsed.setPassword(QStringLiteral("***"));
  return parsed.toString().toStdString();
}

std::string ProxyRoute::describe() const {
  if (url.empty()) return {};
  return redactedUrl() + " (" + source + ")";
}

ProxyRoute ProxyRoute::fromUrl(const std::string& text, const std::string& source) {
  ProxyRoute route;
  route.source = source;
  // `proxy:3128` would parse with the scheme "proxy": Go reads a URL without "://" as http://.
  const std::string withScheme = text.find("://") == std::string::npos ? "http://" + text : text;
  const QUrl parsed(QString::fromStdString(withScheme), QUrl::StrictMode);
  if (!parsed.isValid() || parsed.host().isEmpty()) {
    route.url = "(unreadable)";  // it may hold a password: never echo it
    route.error = "the proxy URL from " + source + " is not a URL with a host";
    return route;
  }
  route.url = parsed.toString().toStdString();
  const QString scheme = parsed.scheme().toLower();
  if (scheme == QLatin1String("http")) {
    route.kind = Kind::Http;
  } else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
    route.kind = Kind::Socks5;
  } else {
    route.error = "the proxy " + route.redactedUrl() + " from " + source + " uses " + scheme.toStdString() +
                  "://, which Mesh Studio cannot use" +
                  (scheme == QLatin1String("https") ? " (TLS to the proxy itself); give an http:// proxy URL" : "") +
                  "; supported are http://, socks5:// and socks5h://";
    return route;
  }
  route.host = parsed.host().toStdString();
  route.port = parsed.port(defaultPort(scheme));
  route.user = parsed.userName(QUrl::FullyDecoded).toStdString();
  route.password = parsed.password(QUrl::FullyDecoded).toStdString();
  return route;
}

ProxyRoute ProxyRoute::choose(const std::string& server, const std::string& clusterProxyUrl,
                              const ProxyEnvironment& environment) {
  // client-go: a cluster's proxy-url replaces the environment for every request, loopback too.
  if (!clusterProxyUrl.empty()) return fromUrl(clusterProxyUrl, "proxy-url");
  const QUrl target(QString::fromStdString(server));
  const bool https = target.scheme().toLower() != QLatin1String("http");
  const std::string& proxy = https ? environment.httpsProxy : environment.httpProxy;
  if (proxy.empty()) return {};
  const QString host = target.host().toLower();
  if (host.isEmpty() || isLoopback(host) ||
      noProxyExcludes(environment.noProxy, host.toStdString(), target.port(https ? 443 : 80)))
    return {};
  return fromUrl(proxy, https ? environment.httpsProxyName : environment.httpProxyName);
}

bool noProxyExcludes(const std::string& entries, const std::string& hostText, int port) {
  const QString host = QString::fromStdString(hostText).toLower();
  const QHostAddress address(host);
  for (QString entry : QString::fromStdString(entries).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    entry = entry.trimmed().toLower();
    if (entry.isEmpty()) continue;
    if (entry == QLatin1String("*")) return true;
    if (entry.contains(QLatin1Char('/'))) {  // a CIDR
      const auto subnet = QHostAddress::parseSubnet(entry);
      if (subnet.second >= 0 && !address.isNull() && address.isInSubnet(subnet)) return true;
      continue;
    }
    // An optional port: `host:port`, `[v6]:port`; a bare IPv6 address has colons but no port.
    QString entryHost = entry;
    int entryPort = 0;
    const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
    const bool bracketed = entry.startsWith(QLatin1Char('['));
    if (colon > 0 && (bracketed || entry.count(QLatin1Char(':')) == 1)) {
      bool numeric = false;
      entryPort = entry.mid(colon + 1).toInt(&numeric);
      if (!numeric) continue;  // malformed, as Go ignores it
      entryHost = entry.left(colon);
    }
    if (entryHost.startsWith(QLatin1Char('[')) && entryHost.endsWith(QLatin1Char(']')))
      entryHost = entryHost.mid(1, entryHost.size() - 2);
    if (entryHost.isEmpty()) continue;
    const bool portMatches = entryPort == 0 || entryPort == port;
    if (const QHostAddress entryAddress(entryHost); !entryAddress.isNull()) {
      if (!address.isNull() && address.isEqual(entryAddress) && portMatches) return true;
      continue;
    }
    if (entryHost.startsWith(QLatin1String("*."))) entryHost.remove(0, 1);
    const bool matchesItself = !entryHost.startsWith(QLatin1Char('.'));
    if (matchesItself) entryHost.prepend(QLatin1Char('.'));
    if ((host.endsWith(entryHost) || (matchesItself && host == entryHost.mid(1))) && portMatches) return true;
  }
  return false;
}

}  // namespace meshstudio::cluster

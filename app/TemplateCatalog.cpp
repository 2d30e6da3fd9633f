#include "app/TemplateCatalog.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace meshstudio::app {
namespace {

const QRegularExpression& placeholderPattern() {
  static const QRegularExpression pattern(QStringLiteral("\\$\\{([a-z]+)\\}"));
  return pattern;
}

}  // namespace

QList<ResourceTemplate> TemplateCatalog::templates() {
  return {
      {QStringLiteral("canary"), tr("Canary split"),
       tr("A VirtualService sending 90 % of the requests to subset v1 and 10 % to v2, and the DestinationRule "
          "defining both subsets by the pods' version label.")},
      {QStringLiteral("header-routing"), tr("Header-based routing"),
       tr("Requests with the header x-user-group: beta go to subset v2, all others to v1: a matching rule before "
          "the default route, plus the DestinationRule with the subsets.")},
      {QStringLiteral("fault-injection"), tr("Fault-injection test"),
       tr("Requests marked x-fault-test: true are delayed by 5 s (10 %) and aborted with 503 (5 %); other requests "
          "pass unharmed.")},
      {QStringLiteral("circuit-breaker"), tr("Circuit breaker"),
       tr("A DestinationRule limiting connections and queued requests (connectionPool) and ejecting hosts that "
          "fail five times in a row (outlierDetection).")},
      {QStringLiteral("rate-limit"), tr("Local rate limit"),
       tr("An EnvoyFilter with Envoy's local rate limit on the inbound side of the host's pods (label app): 100 "
          "requests a minute, then 429.")},
      {QStringLiteral("https-gateway"), tr("Gateway with HTTPS"),
       tr("A Gateway serving the public host on 443 with SIMPLE TLS (certificate from a Secret named by "
          "credentialName) and redirecting HTTP on 80 to HTTPS, and a VirtualService bound to it.")},
  };
}

QString TemplateCatalog::text(const QString& id) {
  QFile file(QStringLiteral(":/templates/%1.yaml").arg(id));
  if (id.isEmpty() || !file.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(file.readAll());
}

QStringList TemplateCatalog::placeholders(const QString& id) {
  QStringList names;
  for (auto match = placeholderPattern().globalMatch(text(id)); match.hasNext();) {
    const QString name = match.next().captured(1);
    if (!names.contains(name)) names << name;
  }
  return names;
}

std::vector<model::Resource> TemplateCatalog::instantiate(const QString& id, const TemplateValues& values,
                                                          QString* error) {
  auto failed = [error](const QString& message) {
    if (error) *error = message;
    return std::vector<model::Resource>{};
  };
  const QString yaml = text(id);
  if (yaml.isEmpty()) return failed(tr("There is no template %1.").arg(id));
  const QString host = values.host.trimmed();
  const QHash<QString, QString> fill{
      {QStringLiteral("name"), values.name.trimmed()},
      {QStringLiteral("namespace"), values.namespaceName.trimmed()},
      {QStringLiteral("host"), host},
      {QStringLiteral("domain"), values.domain.trimmed()},
      {QStringLiteral("app"), host.section(QLatin1Char('.'), 0, 0)},
  };
  QString filled;
  qsizetype last = 0;
  for (auto match = placeholderPattern().globalMatch(yaml); match.hasNext();) {
    const QRegularExpressionMatch next = match.next();
    const QString value = fill.value(next.captured(1));
    if (value.isEmpty()) return failed(tr("The template needs a value for %1.").arg(next.captured(1)));
    filled += QStringView(yaml).mid(last, next.capturedStart() - last);
    filled += value;
    last = next.capturedEnd();
  }
  filled += QStringView(yaml).mid(last);

  model::ImportResult imported =
      model::Importer::importText(filled.toStdString(), QStringLiteral("%1.yaml").arg(id).toStdString());
  for (const model::Resource& resource : imported.resources)
    if (resource.isUnparsed()) return failed(tr("A value does not fit into the template's YAML."));
  return std::move(imported.resources);
}

QStringList TemplateCatalog::serviceHosts(const std::vector<model::Resource>& resources, const QString& namespaceName) {
  QStringList local;
  QStringList others;
  for (const model::Resource& resource : resources) {
    if (resource.kind() != model::ResourceKind::Service) continue;
    const QString name = QString::fromStdString(resource.name());
    QString ns = QString::fromStdString(resource.namespaceName());
    if (ns.isEmpty()) ns = QStringLiteral("default");
    if (ns == namespaceName)
      local << name;
    else
      others << QStringLiteral("%1.%2.svc.cluster.local").arg(name, ns);
  }
  local.sort();
  others.sort();
  local.removeDuplicates();
  others.removeDuplicates();
  return local + others;
}

}  // namespace meshstudio::app

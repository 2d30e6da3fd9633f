#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

#include "model/Importer.h"
#include "model/Resource.h"

namespace meshstudio::app {

/// One resource template: YAML under `:/templates/<id>.yaml` with placeholders.
struct ResourceTemplate {
  QString id;  ///< `canary`, `https-gateway`, ...
  QString title;
  QString description;
};

/// What fills a template's placeholders: `${name}`, `${namespace}`, `${host}` (a Service host),
/// `${domain}` (a public host name, for gateways) and `${app}`, derived from the host: its first
/// DNS label, the `app` label workloads of that Service carry by convention.
struct TemplateValues {
  QString name;
  QString namespaceName;
  QString host;
  QString domain;
};

/// The templates of "New from Template…": common Istio traffic patterns as ready-made,
/// validated resources (a canary split, header routing, fault injection, a circuit breaker, a
/// local rate limit, an HTTPS gateway). Plain data; the dialog and the import are elsewhere.
class TemplateCatalog {
  Q_DECLARE_TR_FUNCTIONS(TemplateCatalog)

 public:
  static QList<ResourceTemplate> templates();
  /// The template's YAML with its placeholders; empty for an unknown id.
  static QString text(const QString& id);
  /// The placeholders the template uses, without `${}`, in order of first use.
  static QStringList placeholders(const QString& id);
  /// The template with every placeholder filled, read into resources (in template order).
  /// Returns nothing, with `error`, for an unknown id or a value that leaves a placeholder
  /// empty.
  static std::vector<model::Resource> instantiate(const QString& id, const TemplateValues& values,
                                                  QString* error = nullptr);
  /// Hosts to offer for `${host}`: every Service of `resources`, by its short name when it is
  /// in `namespaceName` and by its cluster-local name otherwise.
  static QStringList serviceHosts(const std::vector<model::Resource>& resources, const QString& namespaceName);
};

}  // namespace meshstudio::app

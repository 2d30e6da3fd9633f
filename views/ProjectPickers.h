#pragma once

#include <QString>
#include <QStringList>

#include <map>
#include <string>

namespace meshstudio::model {
class Project;
}

namespace meshstudio::views {

/// What a project offers to pick from while editing routing: the hosts of its Services and
/// ServiceEntries, its Gateways and the subsets its DestinationRules define per host. Read from
/// the resources' documents (no spec decoding), so building it on every load stays cheap even
/// for a project of a thousand resources.
class ProjectPickers {
 public:
  /// The pickers as seen from namespace `fromNamespace` (the edited resource's): short Service
  /// names are offered for that namespace only, because a short host resolves against it.
  static ProjectPickers build(const model::Project& project, const std::string& fromNamespace);

  /// Service hosts (`reviews`, `reviews.shop.svc.cluster.local`) and ServiceEntry hosts, sorted.
  const QStringList& hosts() const { return hosts_; }
  /// Gateways as `namespace/name`, sorted.
  const QStringList& gateways() const { return gateways_; }
  /// The subsets the project's DestinationRules define for `host` as written in a resource of
  /// namespace `fromNamespace` (short names resolve against it), in the rules' order.
  QStringList subsetsFor(const QString& host) const;

  /// `host` as the fully qualified name it stands for, seen from `namespaceName`: `reviews` and
  /// `reviews.shop` in `shop` are `reviews.shop.svc.cluster.local`; other names stay as written.
  static std::string qualifiedHost(const std::string& host, const std::string& namespaceName);
  /// The namespace a resource without `metadata.namespace` lives in (the project's default).
  static std::string defaultNamespace(const model::Project& project);

  bool operator==(const ProjectPickers&) const = default;

 private:
  QStringList hosts_;
  QStringList gateways_;
  std::map<std::string, QStringList> subsets_;  ///< qualified host → subset names
  std::string namespace_;
};

}  // namespace meshstudio::views

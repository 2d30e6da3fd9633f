#include "views/ProjectPickers.h"

#include <algorithm>

#include "model/Project.h"
#include "model/Resource.h"

namespace meshstudio::views {

namespace {

QString toQ(const std::string& text) { return QString::fromStdString(text); }

std::string textAt(const model::Value& document, std::string_view first, std::string_view second) {
  const model::Value* parent = document.find(first);
  const model::Value* value = parent ? parent->find(second) : nullptr;
  return value && value->isScalar() ? value->text() : std::string();
}

void sortUnique(QStringList& list) {
  list.sort();
  list.removeDuplicates();
}

}  // namespace

std::string ProjectPickers::defaultNamespace(const model::Project& project) {
  const model::Value* configured = project.settings().find("defaultNamespace");
  return configured && configured->isString() && !configured->text().empty() ? configured->text() : "default";
}

std::string ProjectPickers::qualifiedHost(const std::string& host, const std::string& namespaceName) {
  if (host.empty() || host.front() == '*') return host;
  const auto dots = std::count(host.begin(), host.end(), '.');
  if (dots == 0) return host + "." + namespaceName + ".svc.cluster.local";
  // `name.namespace` and `name.namespace.svc` are the cluster's search-domain shorthands.
  if (dots == 1) return host + ".svc.cluster.local";
  if (host.size() > 4 && host.compare(host.size() - 4, 4, ".svc") == 0) return host + ".cluster.local";
  return host;
}

ProjectPickers ProjectPickers::build(const model::Project& project, const std::string& fromNamespace) {
  ProjectPickers pickers;
  pickers.namespace_ = fromNamespace;
  const std::string fallback = defaultNamespace(project);
  for (const model::Resource& resource : project.resources()) {
    const std::string name = resource.name();
    const std::string ns = resource.namespaceName().empty() ? fallback : resource.namespaceName();
    switch (resource.kind()) {
      case model::ResourceKind::Service:
        if (ns == fromNamespace) pickers.hosts_ << toQ(name);
        pickers.hosts_ << toQ(name + "." + ns + ".svc.cluster.local");
        break;
      case model::ResourceKind::ServiceEntry:
        if (const model::Value* hosts = resource.spec() ? resource.spec()->find("hosts") : nullptr;
            hosts && hosts->isSeq())
          for (const model::Value& host : hosts->items())
            if (host.isScalar()) pickers.hosts_ << toQ(host.text());
        break;
      case model::ResourceKind::Gateway:
        pickers.gateways_ << toQ(ns + "/" + name);
        break;
      case model::ResourceKind::DestinationRule: {
        const std::string host = textAt(resource.document(), "spec", "host");
        const model::Value* subsets = resource.spec() ? resource.spec()->find("subsets") : nullptr;
        if (host.empty() || !subsets || !subsets->isSeq()) break;
        QStringList& names = pickers.subsets_[qualifiedHost(host, ns)];
        for (const model::Value& subset : subsets->items())
          if (const model::Value* subsetName = subset.find("name"); subsetName && subsetName->isScalar())
            if (!names.contains(toQ(subsetName->text()))) names << toQ(subsetName->text());
        break;
      }
      default:
        break;
    }
  }
  sortUnique(pickers.hosts_);
  sortUnique(pickers.gateways_);
  return pickers;
}

QStringList ProjectPickers::subsetsFor(const QString& host) const {
  const auto found = subsets_.find(qualifiedHost(host.trimmed().toStdString(), namespace_));
  return found == subsets_.end() ? QStringList() : found->second;
}

}  // namespace meshstudio::views

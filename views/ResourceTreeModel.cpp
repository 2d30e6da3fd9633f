#include "views/ResourceTreeModel.h"

#include <QApplication>
#include <QStyle>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

namespace meshstudio::views {
namespace {

using model::ResourceKind;

/// Istio kinds first, in the order traffic meets them, then the workloads, then the rest by name.
int kindRank(ResourceKind kind) {
  switch (kind) {
    case ResourceKind::Gateway:
      return 0;
    case ResourceKind::VirtualService:
      return 1;
    case ResourceKind::DestinationRule:
      return 2;
    case ResourceKind::ServiceEntry:
      return 3;
    case ResourceKind::EnvoyFilter:
      return 4;
    case ResourceKind::Service:
      return 5;
    case ResourceKind::Deployment:
      return 6;
    case ResourceKind::Pod:
      return 7;
    case ResourceKind::Secret:
      return 8;
    case ResourceKind::Other:
    case ResourceKind::Unparsed:
      break;
  }
  return 9;
}

struct KindKey {
  int rank;
  QString name;
  bool operator<(const KindKey& other) const {
    return rank != other.rank ? rank < other.rank : name.compare(other.name, Qt::CaseInsensitive) < 0;
  }
};

struct NameLess {
  bool operator()(const QString& a, const QString& b) const {
    const int folded = a.compare(b, Qt::CaseInsensitive);
    return folded != 0 ? folded < 0 : a < b;
  }
};

using Leaves = std::vector<std::pair<QString, int>>;  // (name, resource index)
using Tree = std::map<KindKey, std::map<QString, Leaves, NameLess>>;

QIcon standardIcon(QStyle::StandardPixmap pixmap) {
  QStyle* style = QApplication::style();
  return style ? style->standardIcon(pixmap) : QIcon();
}

QStandardItem* makeItem(const QString& text, ResourceTreeModel::NodeType type, int resourceIndex) {
  auto* item = new QStandardItem(text);
  item->setEditable(false);
  item->setData(text, ResourceTreeModel::NameRole);
  item->setData(QVariant::fromValue(type), ResourceTreeModel::NodeTypeRole);
  item->setData(resourceIndex, ResourceTreeModel::ResourceIndexRole);
  return item;
}

QString sourceText(const model::SourceLocation& source) {
  return QStringLiteral("%1:%2").arg(QString::fromStdString(source.file)).arg(source.firstLine);
}

/// The first non-empty line of an unparsed document, to recognise it by.
QString firstLine(const std::string& raw) {
  const QStringList lines = QString::fromStdString(raw).split(QLatin1Char('\n'));
  for (const QString& line : lines) {
    const QString trimmed = line.trimmed();
    if (!trimmed.isEmpty() && trimmed != QStringLiteral("---")) return trimmed.left(80);
  }
  return {};
}

using FindingsByResource = std::unordered_map<std::string, std::vector<const model::Diagnostic*>>;

/// How many first messages a badge's tooltip lists.
constexpr std::size_t kBadgeMessages = 3;

struct Counts {
  int errors = 0;
  int warnings = 0;
  Counts& operator+=(const Counts& other) {
    errors += other.errors;
    warnings += other.warnings;
    return *this;
  }
};

/// "2 errors, 1 warning"; empty when there is nothing to say.
QString countsText(const Counts& counts) {
  QStringList parts;
  if (counts.errors > 0)
    parts << (counts.errors == 1 ? ResourceTreeModel::tr("1 error")
                                 : ResourceTreeModel::tr("%1 errors").arg(counts.errors));
  if (counts.warnings > 0)
    parts << (counts.warnings == 1 ? ResourceTreeModel::tr("1 warning")
                                   : ResourceTreeModel::tr("%1 warnings").arg(counts.warnings));
  return parts.join(QStringLiteral(", "));
}

struct Icons {
  QIcon group = standardIcon(QStyle::SP_DirIcon);
  QIcon resource = standardIcon(QStyle::SP_FileIcon);
  QIcon error = standardIcon(QStyle::SP_MessageBoxCritical);
  QIcon warning = standardIcon(QStyle::SP_MessageBoxWarning);
};

/// The badge of a node: the icon for the worst severity (or `plain`) and the counts.
void setBadge(QStandardItem* item, const Counts& counts, const Icons& icons, const QIcon& plain,
              const QString& toolTip) {
  item->setData(counts.errors, ResourceTreeModel::ErrorCountRole);
  item->setData(counts.warnings, ResourceTreeModel::WarningCountRole);
  item->setIcon(counts.errors > 0 ? icons.error : counts.warnings > 0 ? icons.warning : plain);
  item->setToolTip(toolTip);
}

/// A resource row's badge: counts, then the first messages (errors first, as the panel sorts).
Counts resourceBadge(QStandardItem* leaf, const std::vector<const model::Diagnostic*>* findings, const Icons& icons,
                     const QString& toolTip) {
  Counts counts;
  if (!findings) {
    setBadge(leaf, counts, icons, icons.resource, toolTip);
    return counts;
  }
  std::vector<const model::Diagnostic*> listed;
  for (const model::Diagnostic* finding : *findings) {
    if (finding->severity == model::Severity::Error) ++counts.errors;
    if (finding->severity == model::Severity::Warning) ++counts.warnings;
    if (finding->severity != model::Severity::Info) listed.push_back(finding);
  }
  std::stable_sort(listed.begin(), listed.end(),
                   [](const auto* a, const auto* b) { return int(a->severity) < int(b->severity); });
  QString text = toolTip;
  if (!listed.empty()) text += QStringLiteral("\n\n") + countsText(counts) + QLatin1Char(':');
  for (std::size_t i = 0; i < listed.size() && i < kBadgeMessages; ++i)
    text += QStringLiteral("\n• ") + QString::fromStdString(listed[i]->code) + QLatin1Char(' ') +
            QString::fromStdString(listed[i]->message).left(160);
  if (listed.size() > kBadgeMessages)
    text += QStringLiteral("\n") + ResourceTreeModel::tr("… and %1 more").arg(listed.size() - kBadgeMessages);
  setBadge(leaf, counts, icons, icons.resource, text);
  return counts;
}

/// A group's tooltip: its own text, then the sum of its members' findings.
QString groupToolTip(const QString& text, const Counts& counts) {
  const QString sum = countsText(counts);
  return sum.isEmpty() ? text : text + QStringLiteral("\n") + sum;
}

}  // namespace

ResourceTreeModel::ResourceTreeModel(QObject* parent) : QStandardItemModel(parent) {
  setHorizontalHeaderLabels({tr("Resources")});
}

QString ResourceTreeModel::noNamespaceLabel() { return tr("(no namespace)"); }

void ResourceTreeModel::setResources(const std::vector<model::Resource>& resources,
                                     const model::Diagnostics& findings) {
  FindingsByResource byResource;
  for (const model::Diagnostic& finding : findings)
    if (!finding.resource.empty()) byResource[finding.resource].push_back(&finding);

  // The subtrees are built detached and inserted whole: one rowsInserted per top-level row.
  QList<QStandardItem*> roots;
  Tree tree;
  std::vector<int> unparsed;
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const model::Resource& resource = resources[i];
    if (resource.isUnparsed()) {
      unparsed.push_back(int(i));
      continue;
    }
    const KindKey kind{kindRank(resource.kind()), QString::fromStdString(resource.kindName())};
    QString ns = QString::fromStdString(resource.namespaceName());
    if (ns.isEmpty()) ns = noNamespaceLabel();
    QString name = QString::fromStdString(resource.name());
    if (name.isEmpty()) name = tr("(unnamed)");
    tree[kind][ns].emplace_back(name, int(i));
  }

  const Icons icons;

  for (auto& [kind, namespaces] : tree) {
    QStandardItem* kindItem = makeItem(kind.name, NodeType::Kind, -1);
    int count = 0;
    Counts kindCounts;
    for (auto& [ns, leaves] : namespaces) {
      QStandardItem* nsItem = makeItem(ns, NodeType::Namespace, -1);
      std::stable_sort(leaves.begin(), leaves.end(),
                       [](const auto& a, const auto& b) { return NameLess{}(a.first, b.first); });
      Counts nsCounts;
      for (const auto& [name, index] : leaves) {
        const model::Resource& resource = resources[std::size_t(index)];
        const std::string displayName = resource.displayName();
        QStandardItem* leaf = makeItem(name, NodeType::Resource, index);
        const auto found = byResource.find(displayName);
        nsCounts +=
            resourceBadge(leaf, found == byResource.end() ? nullptr : &found->second, icons,
                          QString::fromStdString(displayName) + QLatin1Char('\n') + sourceText(resource.source()));
        nsItem->appendRow(leaf);
      }
      count += int(leaves.size());
      setBadge(nsItem, nsCounts, icons, icons.group,
               groupToolTip(tr("%1 in namespace %2: %3").arg(kind.name, ns).arg(leaves.size()), nsCounts));
      kindCounts += nsCounts;
      kindItem->appendRow(nsItem);
    }
    setBadge(kindItem, kindCounts, icons, icons.group,
             groupToolTip(tr("%1: %2").arg(kind.name).arg(count), kindCounts));
    roots.append(kindItem);
  }

  if (!unparsed.empty()) {
    QStandardItem* group = makeItem(tr("Unparsed"), NodeType::UnparsedGroup, -1);
    group->setIcon(icons.error);
    group->setToolTip(tr("Documents that could not be read; they are kept and written back verbatim"));
    for (int index : unparsed) {
      const model::Resource& resource = resources[std::size_t(index)];
      const model::SourceLocation& source = resource.source();
      const QString label =
          tr("%1, document %2").arg(QString::fromStdString(source.file)).arg(source.documentIndex + 1);
      QStandardItem* leaf = makeItem(label, NodeType::UnparsedDocument, index);
      leaf->setIcon(icons.error);
      leaf->setToolTip(sourceText(source) + QLatin1Char('\n') + firstLine(resource.rawText()));
      group->appendRow(leaf);
    }
    roots.append(group);
  }

  removeRows(0, rowCount());
  resourceCount_ = int(resources.size());
  for (QStandardItem* root : roots) appendRow(root);
}

int ResourceTreeModel::resourceIndex(const QModelIndex& index) const {
  if (!index.isValid()) return -1;
  const QVariant value = index.data(ResourceIndexRole);
  return value.isValid() ? value.toInt() : -1;
}

ResourceTreeModel::NodeType ResourceTreeModel::nodeType(const QModelIndex& index) const {
  return index.data(NodeTypeRole).value<NodeType>();
}

std::vector<int> ResourceTreeModel::resourceIndexes(const QModelIndex& index) const {
  std::vector<int> result;
  const int own = resourceIndex(index);
  if (own >= 0) result.push_back(own);
  for (int row = 0; row < rowCount(index); ++row) {
    const std::vector<int> below = resourceIndexes(this->index(row, 0, index));
    result.insert(result.end(), below.begin(), below.end());
  }
  return result;
}

QModelIndex ResourceTreeModel::indexOfResource(int resourceIndex) const {
  if (resourceIndex < 0) return {};
  const QModelIndexList found =
      match(index(0, 0), ResourceIndexRole, resourceIndex, 1, Qt::MatchExactly | Qt::MatchRecursive);
  return found.isEmpty() ? QModelIndex() : found.first();
}

QModelIndex ResourceTreeModel::findChild(const QModelIndex& parent, const QString& name) const {
  for (int row = 0; row < rowCount(parent); ++row) {
    const QModelIndex child = index(row, 0, parent);
    if (child.data(NameRole).toString() == name) return child;
  }
  return {};
}

}  // namespace meshstudio::views

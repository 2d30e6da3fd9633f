#pragma once

#include <QStandardItemModel>

#include <vector>

#include "model/Diagnostic.h"
#include "model/Resource.h"

namespace meshstudio::views {

/// The project outline: kind → namespace → name. Documents that failed to parse are listed
/// under a last "Unparsed" group, with an error icon.
///
/// Each resource row carries a validation badge: an error or warning icon and a tooltip with
/// the counts and the first messages of the findings about it (matched by `Diagnostic::resource`,
/// the displayName); kind and namespace rows show the sum of what is under them.
///
/// The tree is a read-only picture of a resource list; it refers to resources by their index
/// in that list (ResourceIndexRole) and is rebuilt with setResources() when the list changes.
class ResourceTreeModel : public QStandardItemModel {
  Q_OBJECT

 public:
  enum class NodeType { Kind, Namespace, Resource, UnparsedGroup, UnparsedDocument };
  Q_ENUM(NodeType)

  enum Role {
    ResourceIndexRole = Qt::UserRole + 1,  ///< int: index in the resource list; -1 on groups
    NodeTypeRole,                          ///< NodeType
    NameRole,                              ///< QString: the kind, namespace or resource name
    ErrorCountRole,                        ///< int: error findings at or under the node
    WarningCountRole,                      ///< int: warning findings at or under the node
  };

  explicit ResourceTreeModel(QObject* parent = nullptr);

  /// Rebuilds the tree; `findings` (load problems and validator findings) give the badges.
  void setResources(const std::vector<model::Resource>& resources, const model::Diagnostics& findings = {});
  int resourceCount() const { return resourceCount_; }

  /// The resource index of a Resource/UnparsedDocument node, -1 for groups and invalid indexes.
  int resourceIndex(const QModelIndex& index) const;
  NodeType nodeType(const QModelIndex& index) const;
  /// Every resource index at or under `index`, in tree order.
  std::vector<int> resourceIndexes(const QModelIndex& index) const;
  /// The node of a resource; invalid when the index is not in the tree.
  QModelIndex indexOfResource(int resourceIndex) const;
  /// The child of `parent` whose NameRole is `name` (top level with an invalid parent).
  QModelIndex findChild(const QModelIndex& parent, const QString& name) const;

  /// The label used for resources without metadata.namespace.
  static QString noNamespaceLabel();

 private:
  int resourceCount_ = 0;
};

}  // namespace meshstudio::views

#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace meshstudio::views {

/// Filters the project outline (a ResourceTreeModel) by what the user types: a row stays when
/// every whitespace-separated term occurs, ignoring case, in its path — `Kind`,
/// `Kind namespace` or `Kind namespace/name` — so `vir reviews` finds the reviews
/// VirtualService and `shop` a whole namespace. A matching group keeps all its members, and
/// the groups above a matching row stay (recursive filtering).
class ResourceTreeFilter : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit ResourceTreeFilter(QObject* parent = nullptr);

  void setFilterText(const QString& text);
  QString filterText() const { return text_; }
  bool isFiltering() const { return !terms_.isEmpty(); }

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  QString text_;
  QStringList terms_;
};

}  // namespace meshstudio::views

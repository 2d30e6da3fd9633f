#include "views/ResourceTreeFilter.h"

#include "views/ResourceTreeModel.h"

namespace meshstudio::views {

ResourceTreeFilter::ResourceTreeFilter(QObject* parent) : QSortFilterProxyModel(parent) {
  setRecursiveFilteringEnabled(true);  // a matching resource keeps its kind and namespace rows
  setAutoAcceptChildRows(true);        // a matching kind or namespace keeps its members
}

void ResourceTreeFilter::setFilterText(const QString& text) {
  if (text == text_) return;
  text_ = text;
  terms_ = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
  invalidateFilter();
}

bool ResourceTreeFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  if (terms_.isEmpty()) return true;
  // The row's path, top down: "VirtualService shop/reviews" for a resource.
  QStringList steps;
  for (QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent); index.isValid(); index = index.parent())
    steps.prepend(index.data(ResourceTreeModel::NameRole).toString());
  QString path = steps.value(0);
  if (steps.size() > 1) path += QLatin1Char(' ') + steps.mid(1).join(QLatin1Char('/'));
  for (const QString& term : terms_)
    if (!path.contains(term, Qt::CaseInsensitive)) return false;
  return true;
}

}  // namespace meshstudio::views

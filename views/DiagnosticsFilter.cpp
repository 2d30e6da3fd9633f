#include "views/DiagnosticsFilter.h"

#include "views/DiagnosticsModel.h"

namespace meshstudio::views {

DiagnosticsFilter::DiagnosticsFilter(QObject* parent) : QSortFilterProxyModel(parent) {}

void DiagnosticsFilter::setSeverityShown(model::Severity severity, bool shown) {
  if (shown)
    shown_.insert(severity);
  else
    shown_.erase(severity);
  invalidateFilter();
}

void DiagnosticsFilter::setText(const QString& text) {
  text_ = text.trimmed();
  invalidateFilter();
}

bool DiagnosticsFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  const QAbstractItemModel* source = sourceModel();
  const QModelIndex first = source->index(sourceRow, 0, sourceParent);
  const auto severity = static_cast<model::Severity>(first.data(DiagnosticsModel::SeverityRole).toInt());
  if (!shown_.contains(severity)) return false;
  if (text_.isEmpty()) return true;
  for (int column : {DiagnosticsModel::CodeColumn, DiagnosticsModel::MessageColumn, DiagnosticsModel::ResourceColumn})
    if (source->index(sourceRow, column, sourceParent).data().toString().contains(text_, Qt::CaseInsensitive))
      return true;
  return false;
}

bool DiagnosticsFilter::lessThan(const QModelIndex& left, const QModelIndex& right) const {
  if (left.column() == DiagnosticsModel::SeverityColumn)
    return left.data(DiagnosticsModel::SeverityRole).toInt() < right.data(DiagnosticsModel::SeverityRole).toInt();
  return QSortFilterProxyModel::lessThan(left, right);
}

}  // namespace meshstudio::views

#pragma once

// Which findings the Diagnostics dock shows: by severity (each one on or off) and by a text that
// must appear in the code, the message or the resource. Sorting by the severity column orders
// by severity (errors first), not by the translated word.

#include <QSortFilterProxyModel>

#include <set>

#include "model/Diagnostic.h"

namespace meshstudio::views {

class DiagnosticsFilter : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit DiagnosticsFilter(QObject* parent = nullptr);

  void setSeverityShown(model::Severity severity, bool shown);
  bool isSeverityShown(model::Severity severity) const { return shown_.contains(severity); }
  void setText(const QString& text);

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

 private:
  std::set<model::Severity> shown_{model::Severity::Error, model::Severity::Warning, model::Severity::Info};
  QString text_;
};

}  // namespace meshstudio::views

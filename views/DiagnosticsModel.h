#pragma once

// The project's findings as a table: severity, code, message, resource, location. Results are
// tagged with the document revision they were computed for; a result older than the one shown
// is dropped (validation runs off the GUI thread and may finish out of order), as KTextEditor
// drops results made from an old revision.

#include <QAbstractTableModel>

#include <cstdint>

#include "model/Diagnostic.h"

namespace meshstudio::views {

class DiagnosticsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { SeverityColumn, CodeColumn, MessageColumn, ResourceColumn, LocationColumn, ColumnCount };
  enum Role {
    SeverityRole = Qt::UserRole + 1,  ///< int(model::Severity): Error sorts first
    CodeRole,                         ///< the code as text, for filtering
  };

  explicit DiagnosticsModel(QObject* parent = nullptr);

  /// Shows `diagnostics`, computed for document `revision`; false (nothing changes) when a
  /// newer revision is already shown.
  bool setDiagnostics(model::Diagnostics diagnostics, std::uint64_t revision);
  std::uint64_t revision() const { return revision_; }
  const model::Diagnostic& diagnostic(int row) const { return diagnostics_.at(static_cast<std::size_t>(row)); }
  int count(model::Severity severity) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  model::Diagnostics diagnostics_;
  std::uint64_t revision_ = 0;
  bool hasRevision_ = false;
};

}  // namespace meshstudio::views

#include "views/DiagnosticsModel.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

#include <algorithm>

namespace meshstudio::views {

namespace {

QString severityText(model::Severity severity) {
  switch (severity) {
    case model::Severity::Error:
      return DiagnosticsModel::tr("Error");
    case model::Severity::Warning:
      return DiagnosticsModel::tr("Warning");
    case model::Severity::Info:
      return DiagnosticsModel::tr("Info");
  }
  return {};
}

QIcon severityIcon(model::Severity severity) {
  const QStyle::StandardPixmap pixmap = severity == model::Severity::Error     ? QStyle::SP_MessageBoxCritical
                                        : severity == model::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                                               : QStyle::SP_MessageBoxInformation;
  return QApplication::style()->standardIcon(pixmap);
}

QString fromStd(const std::string& text) { return QString::fromStdString(text); }

}  // namespace

DiagnosticsModel::DiagnosticsModel(QObject* parent) : QAbstractTableModel(parent) {}

bool DiagnosticsModel::setDiagnostics(model::Diagnostics diagnostics, std::uint64_t revision) {
  if (hasRevision_ && revision < revision_) return false;
  beginResetModel();
  diagnostics_ = std::move(diagnostics);
  revision_ = revision;
  hasRevision_ = true;
  endResetModel();
  return true;
}

int DiagnosticsModel::count(model::Severity severity) const {
  return static_cast<int>(std::count_if(diagnostics_.begin(), diagnostics_.end(),
                                        [severity](const model::Diagnostic& d) { return d.severity == severity; }));
}

int DiagnosticsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(diagnostics_.size());
}

int DiagnosticsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DiagnosticsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const model::Diagnostic& d = diagnostics_[static_cast<std::size_t>(index.row())];
  if (role == SeverityRole) return static_cast<int>(d.severity);
  if (role == CodeRole) return fromStd(d.code);
  if (role == Qt::DecorationRole && index.column() == SeverityColumn) return severityIcon(d.severity);
  if (role == Qt::ToolTipRole) return fromStd(model::formatDiagnostic(d));
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case SeverityColumn:
      return severityText(d.severity);
    case CodeColumn:
      return fromStd(d.code);
    case MessageColumn:
      return fromStd(d.message);
    case ResourceColumn:
      return d.path.empty() ? fromStd(d.resource) : fromStd(d.resource + "  " + d.path);
    case LocationColumn:
      return d.line > 0 ? tr("%1:%2").arg(fromStd(d.file)).arg(d.line) : fromStd(d.file);
    default:
      return {};
  }
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case SeverityColumn:
      return tr("Severity");
    case CodeColumn:
      return tr("Code");
    case MessageColumn:
      return tr("Message");
    case ResourceColumn:
      return tr("Resource");
    case LocationColumn:
      return tr("Location");
    default:
      return {};
  }
}

}  // namespace meshstudio::views

#pragma once

// The Diagnostics dock's content: the findings, live, sortable, filterable by severity and by
// code or text; a double-click asks to go to the finding (the app selects the resource, the form
// field and the YAML line); the selected finding's quick fixes are offered as buttons, and a
// click asks the app to apply one (as an undoable command). The panel changes nothing itself.

#include <QWidget>

#include "model/Diagnostic.h"

class QCheckBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableView;

namespace meshstudio::views {

class DiagnosticsFilter;
class DiagnosticsModel;

class DiagnosticsPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DiagnosticsPanel(QWidget* parent = nullptr);

  /// See DiagnosticsModel::setDiagnostics: results of an older revision are dropped.
  bool setDiagnostics(model::Diagnostics diagnostics, std::uint64_t revision);

  DiagnosticsModel* model() const { return model_; }
  DiagnosticsFilter* filter() const { return filter_; }
  QTableView* table() const { return table_; }
  QLineEdit* searchField() const { return search_; }
  QCheckBox* severityToggle(model::Severity severity) const;
  /// The quick-fix buttons currently offered (for the selected finding).
  QList<QWidget*> quickFixButtons() const;

 Q_SIGNALS:
  /// Go to this finding: select its resource, field and YAML line.
  void activated(const model::Diagnostic& diagnostic);
  /// Apply quick fix `fixIndex` of `diagnostic`.
  void quickFixRequested(const model::Diagnostic& diagnostic, int fixIndex);

 private:
  void updateQuickFixes();
  void updateCounts();
  const model::Diagnostic* selectedDiagnostic() const;

  DiagnosticsModel* model_;
  DiagnosticsFilter* filter_;
  QTableView* table_;
  QLineEdit* search_;
  QCheckBox* errors_;
  QCheckBox* warnings_;
  QCheckBox* infos_;
  QHBoxLayout* fixes_;
  QLabel* fixesLabel_;
};

}  // namespace meshstudio::views

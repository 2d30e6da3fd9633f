#pragma once

#include <QList>
#include <QWidget>

#include "views/TrialRequest.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace meshstudio::views {

/// One row of a trial suite: a trial and the destination it must reach.
struct TrialSuiteRow {
  enum class State { NotRun, Passed, Failed };
  TrialRequest request;  ///< request.name is the row's description
  QString expected;      ///< `reviews/v2`, `reviews/v1 (90), reviews/v3 (10)`: the matched rule's route
  State state = State::NotRun;
  QString message;  ///< why it failed, or what it matched
};

/// The Suite tab of the Trial dock: a table of trials with their expected destination, run
/// together and marked green or red per row. Names and expectations are edited in the table;
/// running, loading and saving are asked for with signals (the app owns files and the engine).
class TrialSuiteTable : public QWidget {
  Q_OBJECT

 public:
  explicit TrialSuiteTable(QWidget* parent = nullptr);

  void setRows(const QList<TrialSuiteRow>& rows);
  QList<TrialSuiteRow> rows() const;
  void addRow(const TrialSuiteRow& row);
  int rowCount() const;
  /// Marks row `row` green (passed) or red, with `message` in its Result cell.
  void setOutcome(int row, bool passed, const QString& message);
  void clearOutcomes();
  /// One line under the table: "3 passed, 1 failed", a load warning...
  void setSummary(const QString& text);
  QString summary() const;

  QTableWidget* table() const { return table_; }
  QPushButton* runButton() const { return run_; }

 Q_SIGNALS:
  void addCurrentRequested();
  void runAllRequested();
  void loadRequested();
  void saveRequested();
  /// A row was double-clicked: show its trial in the request editor.
  void rowActivated(int row);

 private:
  QTableWidget* table_;
  QPushButton* run_;
  QLabel* summary_;
};

}  // namespace meshstudio::views

Q_DECLARE_METATYPE(meshstudio::views::TrialSuiteRow)

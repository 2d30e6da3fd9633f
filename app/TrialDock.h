#pragma once

// The Trial dock: a request editor with named trials saved in the project, Send (through the
// running engine) and Explain (the same trace, no traffic), Copy as curl, and tabs for the
// response, the decision trace and a trial suite. It talks to the engine only through the
// EngineBridge and changes the project only through Document commands.

#include <QWidget>

#include "views/DecisionTrace.h"
#include "views/TrialRequest.h"
#include "views/TrialResult.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace meshstudio::views {
class DecisionTraceView;
class TrialRequestEditor;
class TrialResultView;
class TrialSuiteTable;
}  // namespace meshstudio::views

namespace meshstudio::app {

class Document;
class EngineBridge;
struct DocumentChange;

class TrialDock : public QWidget {
  Q_OBJECT

 public:
  TrialDock(Document& document, EngineBridge& bridge, QWidget* parent = nullptr);

  views::TrialRequestEditor* editor() const { return editor_; }
  views::TrialResultView* resultView() const { return result_; }
  views::DecisionTraceView* traceView() const { return trace_; }
  views::TrialSuiteTable* suiteTable() const { return suite_; }
  QTabWidget* tabs() const { return tabs_; }
  QPushButton* sendButton() const { return send_; }
  QPushButton* explainButton() const { return explain_; }
  QLineEdit* nameEdit() const { return name_; }
  QComboBox* savedTrials() const { return saved_; }
  /// The last transient message (Copied…, Saved…, errors).
  QString message() const;

  /// The saved trial named `name` into the editor; false when there is none.
  bool openTrial(const QString& name);
  /// Saves the editor's request as the trial `name` in meshstudio.yaml (one undo step).
  bool saveTrial(const QString& name);
  bool deleteTrial(const QString& name);
  /// The curl command for the editor's request, also put on the clipboard.
  QString copyAsCurl();
  bool saveSuite(const QString& path);
  bool loadSuite(const QString& path);
  /// Runs every row of the suite; returns how many failed.
  int runSuite();

 public Q_SLOTS:
  void send();
  void explain();

 Q_SIGNALS:
  /// A trace with a matched rule is shown: point the editors at `path` (`spec.http[0]`) of `resource`.
  void matchedRuleShown(const QString& resource, const QString& path);
  /// A trial finished (Send) or was explained.
  void traceShown(const meshstudio::views::DecisionTrace& trace);

 private:
  void documentChanged(const DocumentChange& change);
  void refreshSavedTrials();
  void trialFinished(quint64 id, const views::TrialResult& result, const views::DecisionTrace& trace);
  void showTrace(const views::DecisionTrace& trace);
  void addCurrentToSuite();
  void setMessage(const QString& text);

  Document& document_;
  EngineBridge& bridge_;
  quint64 pending_ = 0;  ///< the Send whose answer is awaited (older answers are ignored)
  QComboBox* saved_;
  QLineEdit* name_;
  views::TrialRequestEditor* editor_;
  QPushButton* send_;
  QPushButton* explain_;
  QTabWidget* tabs_;
  views::TrialResultView* result_;
  views::DecisionTraceView* trace_;
  views::TrialSuiteTable* suite_;
  QLabel* message_;
};

}  // namespace meshstudio::app

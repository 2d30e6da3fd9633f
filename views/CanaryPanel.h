#pragma once

// The Canary dock's widget: the rollout's inputs (route and subsets picked from the project,
// steps, observation period, the error-rate and p99 gates, minimum requests, approvals, the
// target — a rehearsal on the embedded engine or a kubeconfig context — and the metrics source
// with its editable PromQL), the buttons, a state line, the CanaryTimelineChart and the event
// list. It only shows and asks: every button is a signal, the app's runner does the work and
// feeds events and status back.

#include <QList>
#include <QWidget>

#include <optional>

#include "views/CanaryRolloutData.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QToolButton;

namespace meshstudio::views {

class CanaryTimelineChart;

class CanaryPanel : public QWidget {
  Q_OBJECT

 public:
  explicit CanaryPanel(QWidget* parent = nullptr);

  /// The project's VirtualServices and their routes; the current choice is kept when still offered.
  void setRouteChoices(const QList<CanaryRouteChoice>& choices);
  /// The kubeconfig's contexts, `current` selected; `problem` (an unreadable kubeconfig) is shown instead when set.
  void setContexts(const QStringList& contexts, const QString& current, const QString& problem = {});
  /// The PromQL templates' defaults, shown in the expandable section (and restored by its Reset).
  void setDefaultQueries(const QString& errorRate, const QString& p99, const QString& requests);

  /// What the controls say, or nullopt with `error` (translated) when something does not parse.
  std::optional<CanaryRolloutSettings> settings(QString& error) const;
  /// Buttons follow the status: Start only while nothing runs, Pause/Resume, Approve while a step waits.
  void setStatus(const CanaryStatus& status);
  const CanaryStatus& status() const { return status_; }
  /// New events of the running rollout: into the list and the timeline.
  void appendEvents(const QList<CanaryTimelineEvent>& events);
  /// A rollout starts: the list and the timeline are cleared and the timeline gets the gates.
  void startTimeline(const CanaryThresholds& thresholds);
  /// A line under the buttons: an error, "Report written to …".
  void setMessage(const QString& text);
  QString message() const;
  /// `rolled back · canary 0 % · error-rate gate failed at 10 %: …`
  QString stateText() const;

  static QString decisionName(CanaryDecision kind);
  /// `1,5,10` or `5, 10, 25` → the numbers; nullopt when one is not a whole number.
  static std::optional<QList<int>> parseNumbers(const QString& text);

  CanaryTimelineChart* chart() const { return chart_; }
  QComboBox* virtualServiceBox() const { return virtualService_; }
  QComboBox* routeBox() const { return route_; }
  QComboBox* stableBox() const { return stable_; }
  QComboBox* canaryBox() const { return canary_; }
  QLineEdit* stepsEdit() const { return steps_; }
  QDoubleSpinBox* periodBox() const { return period_; }
  QCheckBox* errorRateGate() const { return errorGate_; }
  QDoubleSpinBox* errorRateBox() const { return errorRate_; }
  QCheckBox* p99Gate() const { return p99Gate_; }
  QSpinBox* p99Box() const { return p99_; }
  QSpinBox* minRequestsBox() const { return minRequests_; }
  QLineEdit* approvalEdit() const { return approvals_; }
  QRadioButton* rehearsalButton() const { return rehearsal_; }
  QRadioButton* clusterButton() const { return cluster_; }
  QDoubleSpinBox* qpsBox() const { return qps_; }
  QLineEdit* trafficUrlEdit() const { return url_; }
  QComboBox* contextBox() const { return context_; }
  QRadioButton* engineMetricsButton() const { return engineMetrics_; }
  QRadioButton* prometheusButton() const { return prometheus_; }
  QLineEdit* prometheusUrlEdit() const { return prometheusUrl_; }
  QToolButton* queriesToggle() const { return queriesToggle_; }
  QPlainTextEdit* queryEdit(int index) const { return queries_[index]; }  ///< 0 error rate, 1 p99, 2 requests
  QPushButton* startButton() const { return start_; }
  QPushButton* pauseButton() const { return pause_; }
  QPushButton* approveButton() const { return approve_; }
  QPushButton* promoteButton() const { return promote_; }
  QPushButton* rollbackButton() const { return rollback_; }
  QPushButton* stopButton() const { return stop_; }
  QPushButton* exportButton() const { return export_; }
  QListWidget* eventList() const { return events_; }

 Q_SIGNALS:
  void startRequested();
  void pauseRequested();
  void resumeRequested();
  void approveRequested();
  void promoteRequested();
  void rollbackRequested();
  /// Ends the rollout; the app asks whether to roll back or leave the weights.
  void stopRequested();
  void exportRequested();

 private:
  QWidget* buildInputs();
  QWidget* buildTarget();
  void virtualServiceChosen();
  void routeChosen();
  void updateEnabled();

  QList<CanaryRouteChoice> choices_;
  CanaryStatus status_;
  QString defaultQueries_[3];
  CanaryTimelineChart* chart_ = nullptr;
  QComboBox *virtualService_ = nullptr, *route_ = nullptr, *stable_ = nullptr, *canary_ = nullptr;
  QLineEdit* steps_ = nullptr;
  QDoubleSpinBox* period_ = nullptr;
  QCheckBox* errorGate_ = nullptr;
  QDoubleSpinBox* errorRate_ = nullptr;
  QCheckBox* p99Gate_ = nullptr;
  QSpinBox* p99_ = nullptr;
  QSpinBox* minRequests_ = nullptr;
  QLineEdit* approvals_ = nullptr;
  QRadioButton *rehearsal_ = nullptr, *cluster_ = nullptr;
  QDoubleSpinBox* qps_ = nullptr;
  QLineEdit* url_ = nullptr;
  QComboBox* context_ = nullptr;
  QLabel* contextProblem_ = nullptr;
  QRadioButton *engineMetrics_ = nullptr, *prometheus_ = nullptr;
  QLineEdit* prometheusUrl_ = nullptr;
  QToolButton* queriesToggle_ = nullptr;
  QWidget* queriesBox_ = nullptr;
  QPlainTextEdit* queries_[3] = {};
  QPushButton *start_ = nullptr, *pause_ = nullptr, *approve_ = nullptr, *promote_ = nullptr, *rollback_ = nullptr,
              *stop_ = nullptr, *export_ = nullptr;
  QLabel* state_ = nullptr;
  QLabel* message_ = nullptr;
  QListWidget* events_ = nullptr;
};

}  // namespace meshstudio::views

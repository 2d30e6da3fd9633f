#pragma once

#include <QWidget>

#include "views/DecisionTrace.h"

class QFormLayout;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace meshstudio::views {

/// The decision trace of a trial: a summary (the matched rule, destination and pod, response
/// code and flags, retries, faults) over the router's steps, one row each, with the rules
/// considered marked ✓/✗ and why, and the rule that matched highlighted. Double-clicking a step
/// that came from a resource asks to show it there (originActivated).
class DecisionTraceView : public QWidget {
  Q_OBJECT

 public:
  explicit DecisionTraceView(QWidget* parent = nullptr);

  void setTrace(const DecisionTrace& trace);
  void clear();
  const DecisionTrace& trace() const { return trace_; }

  QTreeWidget* stepsTree() const { return steps_; }
  /// The row of the highlighted (matched) rule, -1 when no rule matched.
  int matchedRow() const;
  /// The summary's text for `field`: matchedRule, destination, pod, response, retries, faults.
  QString summary(const QString& field) const;

 Q_SIGNALS:
  void originActivated(const QString& resource, const QString& path);

 private:
  QLabel* addSummaryRow(QFormLayout* form, const QString& field, const QString& label, const QString& tip);

  DecisionTrace trace_;
  QLabel* heading_;
  QWidget* summaryBox_;
  QTreeWidget* steps_;
};

}  // namespace meshstudio::views

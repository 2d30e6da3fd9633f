#include "views/DecisionTraceView.h"

#include <QApplication>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPalette>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace meshstudio::views {
namespace {

constexpr int kMatchedRole = Qt::UserRole + 1;

QString kindLabel(DecisionTrace::Step::Kind kind) {
  using Kind = DecisionTrace::Step::Kind;
  switch (kind) {
    case Kind::Listener:
      return DecisionTraceView::tr("Listener");
    case Kind::VirtualHost:
      return DecisionTraceView::tr("Virtual host");
    case Kind::Rule:
      return DecisionTraceView::tr("Rule");
    case Kind::Fault:
      return DecisionTraceView::tr("Fault");
    case Kind::Cors:
      return DecisionTraceView::tr("CORS");
    case Kind::Destination:
      return DecisionTraceView::tr("Destination");
    case Kind::Rewrite:
      return DecisionTraceView::tr("Rewrite");
    case Kind::Header:
      return DecisionTraceView::tr("Header");
    case Kind::Policy:
      return DecisionTraceView::tr("Policy");
    case Kind::Outcome:
      return DecisionTraceView::tr("Outcome");
  }
  return {};
}

}  // namespace

DecisionTraceView::DecisionTraceView(QWidget* parent)
    : QWidget(parent), heading_(new QLabel), summaryBox_(new QWidget), steps_(new QTreeWidget) {
  heading_->setObjectName(QStringLiteral("traceHeading"));
  heading_->setWordWrap(true);
  auto* form = new QFormLayout(summaryBox_);
  form->setContentsMargins(0, 0, 0, 0);
  addSummaryRow(form, QStringLiteral("matchedRule"), tr("Matched rule"),
                tr("The first rule whose match conditions the request met: Istio tries a VirtualService's http "
                   "rules in order and the first match wins. It is selected in the editor and the YAML view."));
  addSummaryRow(form, QStringLiteral("destination"), tr("Destination"),
                tr("The destination the rule chose (after the weighted draw when it splits traffic) and the Envoy "
                   "cluster it stands for: outbound|port|subset|host."));
  addSummaryRow(form, QStringLiteral("pod"), tr("Pod"),
                tr("The pod that answered (Send), or the cluster's pods the load balancer chooses from (Explain)."));
  addSummaryRow(form, QStringLiteral("response"), tr("Response"),
                tr("The status the client got and Envoy's response flags: - (none), NR (no route), UH (no healthy "
                   "upstream), UF (connection failure), UT (timeout), URX (retries exhausted), DI (delay "
                   "injected), FI (fault abort), UO (circuit breaker overflow), RL (rate limited)."));
  addSummaryRow(form, QStringLiteral("retries"), tr("Retries"),
                tr("The retry policy of the rule (Istio's default: 2 attempts on connect-failure, refused-stream, "
                   "unavailable, cancelled and retriable-status-codes) and, after a Send, the retries made."));
  addSummaryRow(form, QStringLiteral("faults"), tr("Faults"),
                tr("Delays and aborts the rule injects, and whether this request drew them."));

  steps_->setObjectName(QStringLiteral("traceSteps"));
  steps_->setColumnCount(4);
  steps_->setHeaderLabels({QString(), tr("Step"), tr("Details"), tr("Where")});
  steps_->setRootIsDecorated(false);
  steps_->setUniformRowHeights(true);
  steps_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  steps_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  steps_->setToolTip(
      tr("What the router did, step by step: ✓ a rule that matched, ✗ one that did not and why. "
         "Double-click a step to show where it is configured."));
  connect(steps_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
    const int row = steps_->indexOfTopLevelItem(item);
    if (row < 0 || row >= trace_.steps.size()) return;
    const DecisionTrace::Step& step = trace_.steps[row];
    if (!step.resource.isEmpty()) Q_EMIT originActivated(step.resource, step.path);
  });

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(heading_);
  layout->addWidget(summaryBox_);
  layout->addWidget(steps_, 1);
  clear();
}

QLabel* DecisionTraceView::addSummaryRow(QFormLayout* form, const QString& field, const QString& label,
                                         const QString& tip) {
  auto* value = new QLabel;
  value->setObjectName(field);
  value->setTextInteractionFlags(Qt::TextSelectableByMouse);
  value->setWordWrap(true);
  value->setToolTip(tip);
  auto* name = new QLabel(label);
  name->setToolTip(tip);
  form->addRow(name, value);
  return value;
}

void DecisionTraceView::clear() {
  trace_ = DecisionTrace();
  heading_->setText(tr("No trace yet: Send or Explain a trial."));
  summaryBox_->setVisible(false);
  steps_->clear();
}

void DecisionTraceView::setTrace(const DecisionTrace& trace) {
  trace_ = trace;
  steps_->clear();
  if (!trace.error.isEmpty() && trace.steps.isEmpty()) {
    heading_->setText(tr("No trace: %1").arg(trace.error));
    summaryBox_->setVisible(false);
    return;
  }
  heading_->setText(
      trace.live ? tr("Sent through the %1 listener; the destination and pod are what happened.").arg(trace.listener)
                 : tr("Explained on the %1 listener: no request was sent.").arg(trace.listener));
  summaryBox_->setVisible(true);
  auto set = [this](const char* field, const QString& text) {
    findChild<QLabel*>(QLatin1String(field))->setText(text.isEmpty() ? tr("—") : text);
  };
  QString rule;
  if (!trace.matchedResource.isEmpty()) {
    rule = trace.matchedName.isEmpty()
               ? tr("%1 %2").arg(trace.matchedResource, trace.matchedPath)
               : tr("%1 %2 (%3)").arg(trace.matchedResource, trace.matchedPath, trace.matchedName);
  } else if (trace.outcome.contains(QStringLiteral("no route")) || trace.responseFlags == QStringLiteral("NR")) {
    rule = tr("none: no rule matched");
  }
  set("matchedRule", rule);
  QString destination = trace.destination;
  if (!trace.cluster.isEmpty()) destination += tr(" → cluster %1").arg(trace.cluster);
  set("destination", destination);
  set("pod",
      !trace.pod.isEmpty() ? trace.pod
      : trace.candidates.isEmpty()
          ? QString()
          : tr("one of %1 (chosen by the load balancer when sent)").arg(trace.candidates.join(QStringLiteral(", "))));
  QString response;
  if (trace.responseCode > 0) response = QString::number(trace.responseCode);
  if (!trace.responseFlags.isEmpty())
    response += (response.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("flags %1").arg(trace.responseFlags);
  set("response", response);
  QString retries = trace.retryPolicy;
  if (trace.retries >= 0)
    retries = (trace.retries == 0 ? tr("none made") : tr("%n made", nullptr, trace.retries)) +
              (retries.isEmpty() ? QString() : QStringLiteral(" · ") + retries);
  set("retries", retries);
  set("faults", trace.faults.isEmpty() ? tr("none") : trace.faults.join(QStringLiteral("; ")));

  QFont bold = steps_->font();
  bold.setBold(true);
  QColor highlight = palette().color(QPalette::Highlight);
  highlight.setAlpha(70);
  for (const DecisionTrace::Step& step : trace.steps) {
    auto* item = new QTreeWidgetItem(steps_);
    item->setText(0, step.ok ? QStringLiteral("✓") : QStringLiteral("✗"));
    item->setForeground(0, step.ok ? QColor(QStringLiteral("#1e8449")) : QColor(QStringLiteral("#c0392b")));
    item->setText(1, kindLabel(step.kind));
    item->setText(2, step.text);
    item->setText(3, step.origin);
    item->setToolTip(2, step.text);
    item->setToolTip(3, step.origin);
    item->setData(0, kMatchedRole, step.matched);
    if (step.matched) {
      for (int column = 0; column < 4; ++column) {
        item->setBackground(column, highlight);
        item->setFont(column, bold);
      }
      item->setToolTip(2, tr("The rule that matched: %1").arg(step.text));
    }
  }
  if (int row = matchedRow(); row >= 0) steps_->scrollToItem(steps_->topLevelItem(row));
}

int DecisionTraceView::matchedRow() const {
  for (int row = 0; row < steps_->topLevelItemCount(); ++row)
    if (steps_->topLevelItem(row)->data(0, kMatchedRole).toBool()) return row;
  return -1;
}

QString DecisionTraceView::summary(const QString& field) const {
  const QLabel* label = findChild<QLabel*>(field);
  return label ? label->text() : QString();
}

}  // namespace meshstudio::views

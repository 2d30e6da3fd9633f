#include "app/TrialTraceBuilder.h"

#include <QCoreApplication>

namespace meshstudio::app {
namespace {

using Step = views::DecisionTrace::Step;

QString qs(const std::string& text) { return QString::fromStdString(text); }

Step::Kind kindOf(engine::TraceStep::Kind kind) {
  using K = engine::TraceStep::Kind;
  switch (kind) {
    case K::Listener:
      return Step::Kind::Listener;
    case K::VirtualHost:
      return Step::Kind::VirtualHost;
    case K::Block:
      return Step::Kind::Rule;
    case K::Fault:
      return Step::Kind::Fault;
    case K::Cors:
      return Step::Kind::Cors;
    case K::Destination:
      return Step::Kind::Destination;
    case K::Rewrite:
      return Step::Kind::Rewrite;
    case K::Header:
      return Step::Kind::Header;
    case K::Policy:
      return Step::Kind::Policy;
    case K::Outcome:
      return Step::Kind::Outcome;
  }
  return Step::Kind::Outcome;
}

/// Splits an origin as engine::ConfigOrigin::describe() writes it — `Kind ns/name path (file:line)`
/// — into the resource (`Kind ns/name`) and the field path.
void splitOrigin(const QString& origin, QString& resource, QString& path) {
  const QStringList words = origin.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  if (words.size() < 2) return;
  resource = words[0] + QLatin1Char(' ') + words[1];
  if (words.size() >= 3 && words[2].startsWith(QStringLiteral("spec"))) path = words[2];
}

QString describeDestination(const std::string& host, const std::string& subset) {
  return subset.empty() ? qs(host) : TrialTraceBuilder::tr("%1 subset %2").arg(qs(host), qs(subset));
}

}  // namespace

std::string TrialTraceBuilder::subsetOfCluster(const std::string& cluster) {
  // outbound|<port>|<subset>|<host>
  const auto first = cluster.find('|');
  if (first == std::string::npos) return {};
  const auto second = cluster.find('|', first + 1);
  const auto third = second == std::string::npos ? std::string::npos : cluster.find('|', second + 1);
  return third == std::string::npos ? std::string() : cluster.substr(second + 1, third - second - 1);
}

views::DecisionTrace TrialTraceBuilder::fromExplanation(const engine::Explanation& explanation,
                                                        const engine::Snapshot& snapshot, const std::string& listener) {
  views::DecisionTrace trace;
  trace.listener = qs(listener);
  for (const engine::TraceStep& source : explanation.trace.steps) {
    Step step;
    step.kind = kindOf(source.kind);
    step.ok = source.ok;
    step.text = qs(source.text);
    step.origin = qs(source.origin);
    splitOrigin(step.origin, step.resource, step.path);
    // The router stops at the first block that matches: the only ✓ rule step is the one that won.
    step.matched = step.kind == Step::Kind::Rule && source.ok;
    if (step.kind == Step::Kind::Fault) trace.faults.append(step.text);
    if (step.kind == Step::Kind::Policy && source.text.starts_with("retries")) trace.retryPolicy = step.text;
    trace.steps.append(step);
  }
  if (!explanation.trace.steps.empty()) trace.outcome = qs(explanation.trace.steps.back().text);

  const engine::RoutingDecision& decision = explanation.decision;
  if (decision.action && !decision.action->isDefault) {
    trace.matchedResource = qs(decision.action->origin.resource);
    trace.matchedPath = qs(decision.action->origin.path);
    trace.matchedName = qs(decision.action->name);
  } else if (decision.action) {
    trace.matchedName = TrialTraceBuilder::tr("Istio's default route (no VirtualService for this host)");
  }
  if (decision.action && decision.action->fault && trace.faults.isEmpty()) {
    const engine::FaultPolicy& fault = *decision.action->fault;
    if (fault.delay)
      trace.faults.append(
          TrialTraceBuilder::tr("delay configured for %1% of requests, not drawn").arg(fault.delayPercent));
    if (fault.abortStatus || fault.abortGrpcStatus)
      trace.faults.append(
          TrialTraceBuilder::tr("abort configured for %1% of requests, not drawn").arg(fault.abortPercent));
  }
  if (decision.destination) {
    trace.destination = describeDestination(decision.destination->host, decision.destination->subset);
    trace.subset = qs(decision.destination->subset);
  }
  trace.cluster = qs(decision.clusterName);
  if (decision.cluster)
    for (std::size_t pod : decision.cluster->endpoints)
      if (pod < snapshot.directory.pods().size()) trace.candidates.append(qs(snapshot.directory.pods()[pod].name));
  trace.responseFlags = qs(decision.responseFlags);
  if (explanation.localReply) trace.responseCode = static_cast<int>(explanation.localReply->result_int());
  return trace;
}

void TrialTraceBuilder::applyObserved(views::DecisionTrace& trace, const ObservedTrial& observed) {
  trace.live = true;
  // The explain run drew its own weights and faults: keep the rules and policies it walked
  // through, and put what the live request did in place of its draws.
  QList<Step> kept;
  for (const Step& step : trace.steps)
    if (step.kind != Step::Kind::Destination && step.kind != Step::Kind::Fault && step.kind != Step::Kind::Outcome)
      kept.append(step);
  trace.steps = kept;
  trace.faults.clear();
  if (!observed.error.empty() && !observed.entry) {
    trace.outcome = TrialTraceBuilder::tr("no answer: %1").arg(qs(observed.error));
    trace.steps.append(Step{Step::Kind::Outcome, false, trace.outcome, {}, {}, {}, false});
    return;
  }
  trace.responseCode = observed.status;
  if (observed.entry) {
    const engine::AccessLogEntry& entry = *observed.entry;
    trace.responseCode = entry.responseCode != 0 ? entry.responseCode : observed.status;
    trace.responseFlags = qs(entry.responseFlags);
    if (!entry.upstreamCluster.empty()) {
      trace.cluster = qs(entry.upstreamCluster);
      trace.subset = qs(subsetOfCluster(entry.upstreamCluster));
      // `outbound|9080|v2|reviews.shop.svc.cluster.local`: the host is the last part.
      const QString host = trace.cluster.section(QLatin1Char('|'), 3);
      trace.destination = describeDestination(host.toStdString(), trace.subset.toStdString());
      trace.steps.append(Step{Step::Kind::Destination,
                              true,
                              TrialTraceBuilder::tr("%1 → cluster %2").arg(trace.destination, trace.cluster),
                              {},
                              {},
                              {},
                              false});
    }
    const QString flags = trace.responseFlags;
    if (flags.contains(QStringLiteral("DI"))) trace.faults.append(TrialTraceBuilder::tr("delay injected (DI)"));
    if (flags.contains(QStringLiteral("FI")))
      trace.faults.append(TrialTraceBuilder::tr("aborted by the fault filter (FI)"));
    for (const QString& fault : trace.faults)
      trace.steps.append(Step{Step::Kind::Fault, true, fault, {}, {}, {}, false});
    QString outcome = QString::number(trace.responseCode);
    if (flags != QStringLiteral("-") && !flags.isEmpty()) outcome += QLatin1Char(' ') + flags;
    if (!entry.responseCodeDetails.empty()) outcome += QStringLiteral(": ") + qs(entry.responseCodeDetails);
    if (!entry.upstreamHost.empty()) outcome += TrialTraceBuilder::tr(" from %1").arg(qs(entry.upstreamHost));
    trace.outcome = outcome;
  } else {
    trace.outcome = TrialTraceBuilder::tr("%1 (no access-log entry was found for it)").arg(observed.status);
  }
  trace.pod = qs(observed.pod);
  if (!trace.pod.isEmpty()) trace.candidates.clear();
  if (observed.attempts > 0) trace.retries = observed.attempts - 1;
  trace.steps.append(
      Step{Step::Kind::Outcome, trace.responseCode > 0 && trace.responseCode < 500, trace.outcome, {}, {}, {}, false});
}

}  // namespace meshstudio::app

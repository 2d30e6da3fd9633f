#pragma once

// The decision trace of one trial as the Trial dock shows it: the steps the engine's router took
// (the rules considered and why each did or did not match, faults, destination, policies) and a
// summary (the matched rule, the destination and pod, retries, faults, response flags). Plain
// data: the app fills it from the engine's RouteTrace and, after a Send, what was observed.

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace meshstudio::views {

struct DecisionTrace {
  struct Step {
    enum class Kind { Listener, VirtualHost, Rule, Fault, Cors, Destination, Rewrite, Header, Policy, Outcome };
    Kind kind = Kind::Outcome;
    bool ok = true;
    QString text;          ///< one line, for people
    QString origin;        ///< `VirtualService shop/reviews spec.http[0].match[0] (routing.yaml:52)`
    QString resource;      ///< `VirtualService shop/reviews`, empty when the step has no origin
    QString path;          ///< `spec.http[0].match[0]`
    bool matched = false;  ///< the rule block that matched
  };

  QList<Step> steps;
  bool live = false;  ///< from a request sent through the engine; false: Explain
  QString listener;   ///< `mesh`, `gateway:80`
  // The rule that matched: what the editors are pointed at.
  QString matchedResource;  ///< `VirtualService shop/reviews`
  QString matchedPath;      ///< `spec.http[0]`
  QString matchedName;      ///< the rule's name, may be empty
  // Where the request went (or would go).
  QString destination;  ///< `reviews subset v2`
  QString subset;
  QString cluster;         ///< `outbound|9080|v2|reviews.shop.svc.cluster.local`
  QString pod;             ///< the pod that answered (Send); empty for Explain
  QStringList candidates;  ///< the cluster's pods (Explain: the load balancer picks one when sent)
  int responseCode = 0;    ///< what the proxy answered (local reply or the upstream's status)
  QString responseFlags;   ///< Envoy's: `-`, `NR`, `UH`, `DI,FI`...
  int retries = -1;        ///< retries observed (Send); -1: not known
  QString retryPolicy;     ///< `up to 2 retries on 5xx, per try 2s` as the trace's policy step says
  QStringList faults;      ///< faults injected (or configured and not drawn)
  QString outcome;         ///< the last step's text
  QString error;           ///< no trace: why

  bool isEmpty() const { return steps.isEmpty() && error.isEmpty(); }
};

}  // namespace meshstudio::views

Q_DECLARE_METATYPE(meshstudio::views::DecisionTrace)

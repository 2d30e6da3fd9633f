#pragma once

// What the Cluster dock and the diff view show, as plain data the app fills from the cluster
// client (views never see app/cluster types): one resource's local and live YAML with the field
// changes between them, the connection's state, one resource's outcome of an apply, a dry run or
// a rollback, and one entry of the apply history.

#include <QList>
#include <QString>
#include <QStringList>

namespace meshstudio::views {

/// One resource an apply would send: what the project has against what the cluster has.
struct ResourceDiffRow {
  enum class State {
    New,        ///< the cluster does not have it: an apply creates it
    Changed,    ///< the cluster has it, with other values
    Unchanged,  ///< an apply would change nothing
    Failed      ///< it could not be read (see `problem`)
  };
  QString resource;  ///< `VirtualService shop/reviews`
  State state = State::New;
  QString localYaml;    ///< the manifest as it would be applied
  QString liveYaml;     ///< the live object without server-set fields; empty when new or failed
  QStringList changes;  ///< one line per field: `~ spec.http[0].route[0].weight: 90 → 80`
  QString problem;      ///< why it could not be compared
};

/// The connection line of the Cluster dock. Never a credential: context, server, auth method.
struct ClusterStatus {
  enum class State { NoKubeconfig, Disconnected, Connecting, Connected, Failed };
  State state = State::Disconnected;
  QString context;
  QString server;
  QString authentication;     ///< `bearer token`, `client certificate`, `exec plugin aws`
  QString proxy;              ///< `http://proxy:3128 (HTTPS_PROXY)`, password hidden; empty: direct
  QStringList istioVersions;  ///< networking.istio.io versions served; empty: not installed
  QString preferredVersion;   ///< of networking.istio.io
  bool insecureTls = false;   ///< the kubeconfig sets insecure-skip-tls-verify
  QString message;            ///< an error, or a note (namespaces could not be listed)
};

/// A field the server named in a failure: a 422 cause or a 409 contested field.
struct FieldCauseRow {
  QString field;  ///< studio field path: `spec.http[0].route[0].weight`
  QString message;
  QString manager;  ///< for a conflict: the field manager that owns it
};

/// One resource's outcome of an apply, a dry run, a prune or a rollback.
struct OutcomeRow {
  QString resource;
  QString action;  ///< created, configured, unchanged, pruned, restored, failed, skipped
  QString message;
  bool failed = false;
  bool conflict = false;  ///< a 409: forcing would take the fields over
  QList<FieldCauseRow> causes;
  QStringList warnings;  ///< the server's Warning headers for this resource
};

/// One entry of the project's apply history (`.meshstudio/history`).
struct HistoryRow {
  QString id;
  QString time;
  QString operation;  ///< apply, rollback
  QString context;
  QString result;  ///< succeeded, failed, partial
  int resources = 0;
  QString rolledBackTo;
};

}  // namespace meshstudio::views

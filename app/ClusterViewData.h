#pragma once

// The cluster client's results turned into the plain data the Cluster dock and the diff view
// show (views never see app/cluster types): a ResourceDiff as local and live YAML with its
// change lines, a ResourceOutcome with its field causes, a history entry. Credentials never
// pass through here: a connection is shown as context, server and authentication method.

#include <QList>
#include <QString>

#include "app/cluster/ApplyHistory.h"
#include "app/cluster/ClusterSync.h"
#include "views/ClusterDiffData.h"

namespace meshstudio::app {

/// One diff as the diff view shows it; the YAML is the canonical text export writes.
views::ResourceDiffRow diffRowOf(const cluster::ResourceDiff& diff);
QList<views::ResourceDiffRow> diffRowsOf(const std::vector<cluster::ResourceDiff>& diffs);
/// How many resources an apply of `diffs` would create or change.
int changeCountOf(const std::vector<cluster::ResourceDiff>& diffs);

views::OutcomeRow outcomeRowOf(const cluster::ResourceOutcome& outcome);
QList<views::OutcomeRow> outcomeRowsOf(const cluster::ShipReport& report);

views::HistoryRow historyRowOf(const cluster::HistoryEntry& entry);

/// A manifest as YAML text (`# cannot be shown: why` when it cannot be written).
QString yamlOf(const model::Value& document);

}  // namespace meshstudio::app

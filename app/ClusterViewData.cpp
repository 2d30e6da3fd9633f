#include "app/ClusterViewData.h"

#include <exception>

#include "model/YamlWriter.h"

namespace meshstudio::app {

QString yamlOf(const model::Value& document) {
  try {
    return QString::fromStdString(model::YamlWriter::write(document));
  } catch (const std::exception& error) {
    return QStringLiteral("# cannot be shown: %1\n").arg(QString::fromStdString(error.what()));
  }
}

views::ResourceDiffRow diffRowOf(const cluster::ResourceDiff& diff) {
  views::ResourceDiffRow row;
  row.resource = QString::fromStdString(diff.ref.displayName());
  switch (diff.state) {
    case cluster::ResourceDiff::State::New:
      row.state = views::ResourceDiffRow::State::New;
      break;
    case cluster::ResourceDiff::State::Changed:
      row.state = views::ResourceDiffRow::State::Changed;
      break;
    case cluster::ResourceDiff::State::Unchanged:
      row.state = views::ResourceDiffRow::State::Unchanged;
      break;
    case cluster::ResourceDiff::State::Failed:
      row.state = views::ResourceDiffRow::State::Failed;
      break;
  }
  row.localYaml = yamlOf(diff.local);
  if (diff.live) row.liveYaml = yamlOf(*diff.live);
  // A new resource's "changes" are its top-level keys, which the YAML on the left shows better.
  if (diff.state != cluster::ResourceDiff::State::New)
    for (const cluster::FieldChange& change : diff.changes)
      row.changes << QString::fromStdString(cluster::ClusterDiff::describe(change));
  row.problem = QString::fromStdString(diff.problem.message);
  return row;
}

QList<views::ResourceDiffRow> diffRowsOf(const std::vector<cluster::ResourceDiff>& diffs) {
  QList<views::ResourceDiffRow> rows;
  for (const cluster::ResourceDiff& diff : diffs) rows.append(diffRowOf(diff));
  return rows;
}

int changeCountOf(const std::vector<cluster::ResourceDiff>& diffs) {
  int count = 0;
  for (const cluster::ResourceDiff& diff : diffs)
    if (diff.state == cluster::ResourceDiff::State::New || diff.state == cluster::ResourceDiff::State::Changed) ++count;
  return count;
}

views::OutcomeRow outcomeRowOf(const cluster::ResourceOutcome& outcome) {
  views::OutcomeRow row;
  row.resource = QString::fromStdString(outcome.ref.displayName());
  row.action = QString::fromLatin1(cluster::actionName(outcome.action));
  row.failed = outcome.action == cluster::ResourceOutcome::Action::Failed;
  row.conflict = outcome.problem.kind == cluster::ClusterProblem::Kind::Conflict;
  row.message = QString::fromStdString(outcome.problem.isNone() ? outcome.note : outcome.problem.message);
  if (!outcome.problem.isNone() && !outcome.note.empty())
    row.message += QStringLiteral(" ") + QString::fromStdString(outcome.note);
  for (const cluster::FieldCause& cause : outcome.problem.causes)
    row.causes.append({QString::fromStdString(cause.field), QString::fromStdString(cause.message),
                       QString::fromStdString(cause.manager)});
  for (const std::string& warning : outcome.warnings) row.warnings << QString::fromStdString(warning);
  return row;
}

QList<views::OutcomeRow> outcomeRowsOf(const cluster::ShipReport& report) {
  QList<views::OutcomeRow> rows;
  for (const cluster::ResourceOutcome& outcome : report.outcomes) rows.append(outcomeRowOf(outcome));
  return rows;
}

views::HistoryRow historyRowOf(const cluster::HistoryEntry& entry) {
  views::HistoryRow row;
  row.id = QString::fromStdString(entry.id);
  row.time = QString::fromStdString(entry.time);
  row.operation = QString::fromStdString(entry.operation);
  row.context = QString::fromStdString(entry.context);
  row.result = QString::fromStdString(entry.result);
  row.resources = int(entry.resources.size());
  row.rolledBackTo = QString::fromStdString(entry.rolledBackTo);
  return row;
}

}  // namespace meshstudio::app

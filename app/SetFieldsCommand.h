#pragma once

#include <QCoreApplication>
#include <QString>

#include <vector>

#include "app/DocumentCommand.h"
#include "model/FieldPath.h"

namespace meshstudio::app {

/// Sets (or removes) fields of one resource by path, as one undo step: `spec.http[0].route[1].weight`
/// for a slider, all the weights of a route for a rebalance. Only the addressed nodes change;
/// every other key — known to the studio or not — keeps its value and its place.
///
/// With a non-empty merge key, a push of the same fields of the same resource with the same
/// key merges into the previous command (QUndoCommand::mergeWith): a slider drag sends many
/// values and leaves one undo step, from the value before the drag to the last one. Use one
/// key per gesture (e.g. the widget's name plus a drag counter) so two drags stay two steps.
class SetFieldsCommand : public EditResourceCommand {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::SetFieldsCommand)

 public:
  static constexpr int kMergeId = 0x4d530001;  ///< QUndoCommand::id() of mergeable edits

  SetFieldsCommand(Document& document, ResourceId id, std::vector<model::FieldEdit> edits, const QString& mergeKey = {},
                   QUndoCommand* parent = nullptr);

  const QString& mergeKey() const { return mergeKey_; }
  const std::vector<model::FieldEdit>& edits() const { return edits_; }

  int id() const override;
  bool mergeWith(const QUndoCommand* other) override;

 private:
  bool samePaths(const SetFieldsCommand& other) const;

  std::vector<model::FieldEdit> edits_;  ///< the latest values, after merges
  QString mergeKey_;
};

}  // namespace meshstudio::app

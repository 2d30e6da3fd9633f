#pragma once

#include <QString>
#include <QWidget>

#include <string>
#include <vector>

#include "model/FieldPath.h"

namespace meshstudio::model {
class Project;
class Resource;
}  // namespace meshstudio::model

namespace meshstudio::views {

class FieldForm;

/// The base of the per-kind editors (VirtualService, DestinationRule, Gateway, ...): forms over
/// one resource of a project.
///
/// An editor never changes the model. It proposes edits with edited() (set or remove fields by
/// path, which also adds and removes list items: `spec.http[3]` one past the end appends) and
/// reorders lists with moveRequested(); the app turns both into undo commands (a removal that
/// leaves its block empty removes the block too: model::withEmptiedParentsRemoved) and calls load()
/// again with the result, after every change of the resource, undo included. load() must not
/// emit, and should keep the control the user is in when the shape of the resource is unchanged.
class ResourceEditor : public QWidget {
  Q_OBJECT

 public:
  using QWidget::QWidget;

  /// Shows `resource`; `project` supplies the pickers (hosts, gateways, secrets, labels).
  virtual void load(const model::Resource& resource, const model::Project& project) = 0;

  /// Brings the control that edits `path` (a diagnostic's field path) into view and focuses
  /// it. The default looks through the editor's visible FieldForms; editors with tabs or
  /// master-detail lists select the right page first. False when no control edits it.
  virtual bool focusField(const std::string& path);

 Q_SIGNALS:
  void edited(const std::vector<meshstudio::model::FieldEdit>& edits, const QString& mergeKey);
  /// Move item `from` of the list at `listPath` (`spec.http`) to position `to`.
  void moveRequested(const QString& listPath, int from, int to);

 protected:
  /// Forwards the form's edits as this editor's.
  void forward(FieldForm* form);
};

}  // namespace meshstudio::views

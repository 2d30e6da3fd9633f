#pragma once

#include <QCoreApplication>
#include <QString>

#include "app/DocumentCommand.h"
#include "model/Value.h"

namespace meshstudio::app {

/// Replaces the project settings (`meshstudio.yaml`) as one undo step: saving a named trial,
/// deleting one. Keeps the settings before and after, like every command; a replacement equal
/// to what is there is a no-op (dropped by push).
class SetSettingsCommand : public DocumentCommand {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::SetSettingsCommand)

 public:
  SetSettingsCommand(Document& document, model::Value settings, const QString& text, QUndoCommand* parent = nullptr);

  void redo() override;
  void undo() override;

 private:
  model::Value before_;
  model::Value after_;
};

}  // namespace meshstudio::app

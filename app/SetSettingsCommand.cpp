#include "app/SetSettingsCommand.h"

namespace meshstudio::app {

SetSettingsCommand::SetSettingsCommand(Document& document, model::Value settings, const QString& text,
                                       QUndoCommand* parent)
    : DocumentCommand(document, parent), before_(document.project().settings()), after_(std::move(settings)) {
  setText(text.isEmpty() ? tr("Change project settings") : text);
  if (!after_.isMap()) {
    fail(tr("The project settings must be a map."));
    return;
  }
  if (after_ == before_) setObsolete(true);
}

void SetSettingsCommand::redo() { replaceSettings(after_); }

void SetSettingsCommand::undo() { replaceSettings(before_); }

}  // namespace meshstudio::app

#include "views/ResourceEditor.h"

#include "views/FieldForm.h"

namespace meshstudio::views {

bool ResourceEditor::focusField(const std::string& path) {
  for (FieldForm* form : findChildren<FieldForm*>())
    if (form->isVisibleTo(this) && form->focusField(path)) return true;
  return false;
}

void ResourceEditor::forward(FieldForm* form) { connect(form, &FieldForm::edited, this, &ResourceEditor::edited); }

}  // namespace meshstudio::views

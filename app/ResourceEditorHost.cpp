#include "app/ResourceEditorHost.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "app/Document.h"
#include "views/DestinationRuleEditor.h"
#include "views/GatewayEditor.h"
#include "views/LocalRateLimitEditor.h"
#include "views/ResourceEditor.h"
#include "views/VirtualServiceEditor.h"
#include "views/WorkloadEditor.h"

namespace meshstudio::app {

ResourceEditorHost::ResourceEditorHost(Document& document, QWidget* parent)
    : QWidget(parent),
      document_(document),
      title_(new QLabel(this)),
      stack_(new QStackedWidget(this)),
      hint_(new QLabel(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  title_->setObjectName(QStringLiteral("editorTitle"));
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  layout->addWidget(title_);
  hint_->setWordWrap(true);
  hint_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  stack_->addWidget(hint_);
  layout->addWidget(stack_, 1);
  connect(&document_, &Document::changed, this, &ResourceEditorHost::refresh);
  setResource(0);
}

views::ResourceEditor* ResourceEditorHost::editorFor(model::ResourceKind kind) {
  if (auto it = editors_.find(kind); it != editors_.end()) return it->second;
  views::ResourceEditor* editor = nullptr;
  switch (kind) {
    case model::ResourceKind::VirtualService:
      editor = new views::VirtualServiceEditor(stack_);
      break;
    case model::ResourceKind::DestinationRule:
      editor = new views::DestinationRuleEditor;
      break;
    case model::ResourceKind::Gateway:
      editor = new views::GatewayEditor;
      break;
    case model::ResourceKind::Service:
    case model::ResourceKind::Deployment:
      editor = new views::WorkloadEditor;
      break;
    case model::ResourceKind::EnvoyFilter:
      editor = new views::LocalRateLimitEditor;
      break;
    default:
      break;
  }
  if (!editor) return nullptr;
  stack_->addWidget(editor);
  connect(editor, &views::ResourceEditor::edited, this,
          [this](const std::vector<model::FieldEdit>& edits, const QString& mergeKey) {
            const model::Resource* resource = id_ ? document_.resource(id_) : nullptr;
            if (!resource) return;
            // Clearing the last field of a form removes its block: `retries: {}` is not "no retries".
            if (!document_.setFields(id_, model::withEmptiedParentsRemoved(resource->document(), edits), mergeKey))
              Q_EMIT editFailed(document_.lastError());
          });
  connect(editor, &views::ResourceEditor::moveRequested, this, [this](const QString& listPath, int from, int to) {
    if (id_ && !document_.moveListItem(id_, listPath.toStdString(), from, to)) Q_EMIT editFailed(document_.lastError());
  });
  editors_.emplace(kind, editor);
  return editor;
}

void ResourceEditorHost::setResource(ResourceId id) {
  if (id == id_ && id != 0) return;
  id_ = id;
  reload();
}

views::ResourceEditor* ResourceEditorHost::currentEditor() const {
  return qobject_cast<views::ResourceEditor*>(stack_->currentWidget());
}

bool ResourceEditorHost::focusField(const std::string& path) {
  views::ResourceEditor* editor = currentEditor();
  return editor && editor->focusField(path);
}

void ResourceEditorHost::refresh(const DocumentChange& /*change*/) {
  // Any change may matter: pickers list the project's hosts, gateways, secrets and labels.
  if (id_ && document_.indexOf(id_) < 0) id_ = 0;  // removed, or gone with a reset
  reload();
}

void ResourceEditorHost::reload() {
  const model::Resource* resource = id_ ? document_.resource(id_) : nullptr;
  if (!resource) {
    title_->setText(tr("No resource selected"));
    hint_->setText(
        tr("Select a resource in the project tree to edit it here. Its YAML is shown beside the form; "
           "either can be edited, and each follows the other."));
    stack_->setCurrentWidget(hint_);
    return;
  }
  title_->setText(resource->isUnparsed() ? tr("Unparsed document") : QString::fromStdString(resource->displayName()));
  views::ResourceEditor* editor = editorFor(resource->kind());
  if (!editor) {
    hint_->setText(
        resource->isUnparsed()
            ? tr("This document could not be read. Fix it in the YAML view; the form appears once it parses.")
            : tr("There is no form for this kind. Edit it in the YAML view: every field is kept as written."));
    stack_->setCurrentWidget(hint_);
    return;
  }
  editor->load(*resource, document_.project());
  stack_->setCurrentWidget(editor);
}

}  // namespace meshstudio::app

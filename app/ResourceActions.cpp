#include "app/ResourceActions.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QKeySequence>
#include <QLineEdit>
#include <QStatusBar>
#include <QWidget>

#include "app/Document.h"
#include "app/MainWindow.h"
#include "app/ResourceNameRules.h"
#include "app/StudioIcons.h"
#include "app/TemplateDialog.h"

namespace meshstudio::app {
namespace {

/// The namespace a resource without one lands in, as the validator reads the project.
QString defaultNamespaceOf(const Document& document) {
  const model::Value* value = document.project().settings().find("defaultNamespace");
  return value && value->isString() && !value->text().empty() ? QString::fromStdString(value->text())
                                                              : QStringLiteral("default");
}

}  // namespace

ResourceActions::ResourceActions(MainWindow& window, Document& document)
    : QObject(&window), window_(window), document_(document) {
  newFromTemplate_ = new QAction(StudioIcons::icon(QStringLiteral("new-from-template"), QStringLiteral("document-new")),
                                 tr("New from &Template…"), this);
  newFromTemplate_->setObjectName(QStringLiteral("actionNewFromTemplate"));
  newFromTemplate_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
  newFromTemplate_->setToolTip(
      tr("Adds resources for a common traffic pattern (canary split, header routing, fault "
         "injection, circuit breaker, rate limit, HTTPS gateway)."));
  connect(newFromTemplate_, &QAction::triggered, this, &ResourceActions::newFromTemplate);

  duplicate_ = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("D&uplicate Resource"), this);
  duplicate_->setObjectName(QStringLiteral("actionDuplicate"));
  duplicate_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
  duplicate_->setToolTip(tr("Adds a copy of the selected resource named <name>-copy, in the same file."));
  connect(duplicate_, &QAction::triggered, this, &ResourceActions::duplicateSelected);

  rename_ = new QAction(StudioIcons::icon(QStringLiteral("rename"), QStringLiteral("edit-rename")),
                        tr("&Rename Resource…"), this);
  rename_->setObjectName(QStringLiteral("actionRename"));
  rename_->setShortcut(QKeySequence(Qt::Key_F2));
  rename_->setToolTip(tr("Changes the selected resource's metadata.name; it stays in its file."));
  connect(rename_, &QAction::triggered, this, &ResourceActions::renameSelected);

  delete_ = new QAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Delete Resource"), this);
  delete_->setObjectName(QStringLiteral("actionDelete"));
  delete_->setShortcut(QKeySequence::Delete);
  delete_->setShortcutContext(Qt::WidgetShortcut);  // only in the tree: Delete edits text elsewhere
  delete_->setToolTip(tr("Removes the selected resource from the project. Undo brings it back."));
  connect(delete_, &QAction::triggered, this, &ResourceActions::deleteSelected);
}

void ResourceActions::attachTo(QWidget* tree) {
  auto* separator = new QAction(this);
  separator->setSeparator(true);
  tree->addActions({newFromTemplate_, separator, duplicate_, rename_, delete_});
  tree->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void ResourceActions::updateEnabled() {
  const model::Resource* resource = document_.resource(window_.selectedResource());
  const bool parsed = resource && !resource->isUnparsed();
  duplicate_->setEnabled(parsed);
  rename_->setEnabled(parsed);
  delete_->setEnabled(resource != nullptr);
  newFromTemplate_->setEnabled(document_.isOpen());
}

void ResourceActions::warn(const QString& title, const QString& message) {
  window_.statusBar()->showMessage(message, 8000);
  window_.ask(title, message, QMessageBox::Ok, QMessageBox::Ok);
}

void ResourceActions::newFromTemplate() {
  if (!document_.isOpen()) return;
  TemplateDialog dialog(document_.resources(), defaultNamespaceOf(document_), &window_);
  // A fresh template offers the selected resource's host, the usual next step of a canary.
  if (const model::Resource* selected = document_.resource(window_.selectedResource());
      selected && selected->kind() == model::ResourceKind::Service) {
    dialog.namespaceField()->setCurrentText(QString::fromStdString(selected->namespaceName()));
    dialog.hostField()->setCurrentText(QString::fromStdString(selected->name()));
  }
  while (dialog.exec() == QDialog::Accepted) {
    if (createFromTemplate(dialog.templateId(), dialog.values())) return;
  }
}

bool ResourceActions::createFromTemplate(const QString& id, const TemplateValues& values) {
  const QString title = tr("New from Template");
  QString error;
  std::vector<model::Resource> resources = TemplateCatalog::instantiate(id, values, &error);
  if (resources.empty()) {
    warn(title, error);
    return false;
  }
  for (const model::Resource& resource : resources) {
    const QString name = QString::fromStdString(resource.name());
    if (QString problem = ResourceNameRules::problem(resource.kind(), name); !problem.isEmpty()) {
      warn(title, problem);
      return false;
    }
    if (document_.findResource(resource.displayName())) {
      warn(title,
           tr("The project already has %1. Choose another name.").arg(QString::fromStdString(resource.displayName())));
      return false;
    }
  }
  const std::string first = resources.front().displayName();
  const std::size_t count = resources.size();
  if (document_.importResources(std::move(resources)).empty()) {
    warn(title, document_.lastError());
    return false;
  }
  window_.selectResource(QString::fromStdString(first));
  window_.statusBar()->showMessage(tr("Added %n resource(s) from the template", nullptr, int(count)), 5000);
  return true;
}

void ResourceActions::duplicateSelected() {
  const ResourceId id = window_.selectedResource();
  const model::Resource* resource = id ? document_.resource(id) : nullptr;
  if (!resource || resource->isUnparsed()) return;
  // The first free `<name>-copy`, `<name>-copy-2`, ... of that kind and namespace.
  const std::string base = resource->name() + "-copy";
  std::string name = base;
  for (int n = 2;
       document_.findResource(resource->kindName() + " " +
                              (resource->namespaceName().empty() ? "default" : resource->namespaceName()) + "/" + name);
       ++n)
    name = base + "-" + std::to_string(n);
  const ResourceId copy = document_.duplicateResource(id, QString::fromStdString(name));
  if (copy) window_.selectResource(QString::fromStdString(document_.resource(copy)->displayName()));
}

void ResourceActions::deleteSelected() {
  const ResourceId id = window_.selectedResource();
  if (id) document_.removeResources({id});
}

void ResourceActions::renameSelected() {
  const model::Resource* resource = document_.resource(window_.selectedResource());
  if (!resource || resource->isUnparsed()) return;
  const QString title = tr("Rename Resource");
  const QString label = tr("New name for %1:").arg(QString::fromStdString(resource->displayName()));
  const QString current = QString::fromStdString(resource->name());
  QString text = current;
  for (;;) {
    const std::optional<QString> answer =
        textInput_ ? textInput_(title, label, text) : [&]() -> std::optional<QString> {
      bool ok = false;
      const QString typed = QInputDialog::getText(&window_, title, label, QLineEdit::Normal, text, &ok);
      return ok ? std::optional<QString>(typed) : std::nullopt;
    }();
    if (!answer || answer->trimmed() == current) return;  // cancelled, or no change
    if (renameSelectedTo(answer->trimmed())) return;
    text = answer->trimmed();  // ask again, with what was typed
  }
}

bool ResourceActions::renameSelectedTo(const QString& name) {
  const ResourceId id = window_.selectedResource();
  const model::Resource* resource = document_.resource(id);
  if (!resource) return false;
  if (const QString problem = ResourceNameRules::problem(resource->kind(), name); !problem.isEmpty()) {
    warn(tr("Rename Resource"), problem);
    return false;
  }
  if (!document_.renameResource(id, name)) {
    warn(tr("Rename Resource"), document_.lastError());
    return false;
  }
  window_.selectResource(QString::fromStdString(document_.resource(id)->displayName()));
  return true;
}

}  // namespace meshstudio::app

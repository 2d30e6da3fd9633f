#include "app/TemplateDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <set>

#include "app/ResourceNameRules.h"

namespace meshstudio::app {

TemplateDialog::TemplateDialog(const std::vector<model::Resource>& resources, const QString& defaultNamespace,
                               QWidget* parent)
    : QDialog(parent),
      resources_(resources),
      list_(new QListWidget),
      description_(new QLabel),
      name_(new QLineEdit),
      namespace_(new QComboBox),
      host_(new QComboBox),
      domain_(new QLineEdit),
      domainLabel_(new QLabel(tr("&Public host:"))),
      problem_(new QLabel),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)) {
  setWindowTitle(tr("New from Template"));
  for (const ResourceTemplate& entry : TemplateCatalog::templates()) {
    auto* item = new QListWidgetItem(entry.title, list_);
    item->setData(Qt::UserRole, entry.id);
    item->setToolTip(entry.description);
  }
  description_->setWordWrap(true);
  name_->setPlaceholderText(tr("e.g. reviews"));
  name_->setToolTip(tr("metadata.name of the new resources (a Gateway gets <name>-gateway)."));
  namespace_->setEditable(true);
  std::set<QString> namespaces{defaultNamespace};
  for (const model::Resource& resource : resources)
    if (!resource.isUnparsed() && !resource.namespaceName().empty())
      namespaces.insert(QString::fromStdString(resource.namespaceName()));
  for (const QString& ns : namespaces) namespace_->addItem(ns);
  namespace_->setCurrentText(defaultNamespace);
  host_->setEditable(true);
  host_->setToolTip(tr("The Service the traffic goes to: a short name resolves in the resource's namespace."));
  domain_->setToolTip(
      tr("The host name clients use, served by the Gateway (a Secret <name>-credential holds its "
         "certificate)."));
  problem_->setWordWrap(true);
  problem_->setObjectName(QStringLiteral("templateProblem"));

  auto* form = new QFormLayout;
  form->addRow(tr("&Name:"), name_);
  form->addRow(tr("Names&pace:"), namespace_);
  form->addRow(tr("&Host:"), host_);
  form->addRow(domainLabel_, domain_);
  domainLabel_->setBuddy(domain_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(list_, 1);
  layout->addWidget(description_);
  layout->addLayout(form);
  layout->addWidget(problem_);
  layout->addWidget(buttons_);

  connect(list_, &QListWidget::currentRowChanged, this, &TemplateDialog::templateChanged);
  connect(name_, &QLineEdit::textChanged, this, &TemplateDialog::validate);
  connect(namespace_, &QComboBox::currentTextChanged, this, [this] {
    updateHosts();
    validate();
  });
  connect(host_, &QComboBox::currentTextChanged, this, &TemplateDialog::validate);
  connect(domain_, &QLineEdit::textChanged, this, &TemplateDialog::validate);
  connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
  updateHosts();
  list_->setCurrentRow(0);
  name_->setFocus();
}

QString TemplateDialog::templateId() const {
  const QListWidgetItem* item = list_->currentItem();
  return item ? item->data(Qt::UserRole).toString() : QString();
}

void TemplateDialog::setTemplateId(const QString& id) {
  for (int row = 0; row < list_->count(); ++row)
    if (list_->item(row)->data(Qt::UserRole).toString() == id) list_->setCurrentRow(row);
}

TemplateValues TemplateDialog::values() const {
  TemplateValues values;
  values.name = name_->text().trimmed();
  values.namespaceName = namespace_->currentText().trimmed();
  values.host = host_->currentText().trimmed();
  values.domain = domain_->text().trimmed();
  if (values.domain.isEmpty() && !values.name.isEmpty()) values.domain = values.name + QStringLiteral(".example.com");
  return values;
}

void TemplateDialog::templateChanged() {
  const QListWidgetItem* item = list_->currentItem();
  description_->setText(item ? item->toolTip() : QString());
  const bool domain = TemplateCatalog::placeholders(templateId()).contains(QStringLiteral("domain"));
  domain_->setVisible(domain);
  domainLabel_->setVisible(domain);
  validate();
}

void TemplateDialog::updateHosts() {
  const QString typed = host_->currentText();
  const bool offered = host_->findText(typed) >= 0;
  host_->clear();
  const QStringList hosts = TemplateCatalog::serviceHosts(resources_, namespace_->currentText().trimmed());
  host_->addItems(hosts);
  if (typed.isEmpty()) return;
  if (!offered) {
    host_->setCurrentText(typed);  // the user's own host stays
    return;
  }
  // A Service picked from the list stays picked, by the name it has from the new namespace.
  const QString service = typed.section(QLatin1Char('.'), 0, 0);
  for (const QString& host : hosts)
    if (host.section(QLatin1Char('.'), 0, 0) == service) {
      host_->setCurrentText(host);
      return;
    }
}

QString TemplateDialog::problem() const { return problem_->text(); }

void TemplateDialog::validate() {
  const TemplateValues chosen = values();
  QString problem;
  if (templateId().isEmpty()) problem = tr("Choose a template.");
  // A template with a Gateway names it <name>-gateway: the Gateway's stricter rule applies.
  const bool gateway = TemplateCatalog::text(templateId()).contains(QStringLiteral("kind: Gateway"));
  if (problem.isEmpty())
    problem =
        ResourceNameRules::problem(gateway ? model::ResourceKind::Gateway : model::ResourceKind::Other, chosen.name);
  if (problem.isEmpty()) problem = ResourceNameRules::namespaceProblem(chosen.namespaceName);
  if (problem.isEmpty() && chosen.host.isEmpty()) problem = tr("Choose the host the traffic goes to.");
  if (problem.isEmpty() && chosen.host.contains(QLatin1Char(' '))) problem = tr("A host cannot contain spaces.");
  problem_->setText(problem);
  buttons_->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

}  // namespace meshstudio::app

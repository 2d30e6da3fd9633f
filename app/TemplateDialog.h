#pragma once

#include <QDialog>

#include <vector>

#include "app/TemplateCatalog.h"
#include "model/Resource.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace meshstudio::app {

/// "New from Template…": pick a template, then fill in its placeholders — name, namespace
/// (the project's namespaces offered), host (the project's Services offered) and, for a
/// gateway, the public host name. OK stays disabled while a value is invalid, and a line
/// under the form says why.
class TemplateDialog : public QDialog {
  Q_OBJECT

 public:
  TemplateDialog(const std::vector<model::Resource>& resources, const QString& defaultNamespace,
                 QWidget* parent = nullptr);

  QString templateId() const;
  void setTemplateId(const QString& id);
  TemplateValues values() const;

  QLineEdit* nameField() const { return name_; }
  QComboBox* namespaceField() const { return namespace_; }
  QComboBox* hostField() const { return host_; }
  QLineEdit* domainField() const { return domain_; }
  /// Why OK is disabled; empty when it is enabled.
  QString problem() const;

 private:
  void templateChanged();
  void updateHosts();
  void validate();

  const std::vector<model::Resource>& resources_;
  QListWidget* list_;
  QLabel* description_;
  QLineEdit* name_;
  QComboBox* namespace_;
  QComboBox* host_;
  QLineEdit* domain_;
  QLabel* domainLabel_;
  QLabel* problem_;
  QDialogButtonBox* buttons_;
};

}  // namespace meshstudio::app

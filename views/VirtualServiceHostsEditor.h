#pragma once

#include <QString>
#include <QWidget>

#include <string>
#include <vector>

#include "model/FieldPath.h"
#include "model/Value.h"
#include "views/ProjectPickers.h"

class QListWidget;
class QListWidgetItem;
class QMenu;
class QToolButton;

namespace meshstudio::views {

class FieldForm;

/// The top of the VirtualService editor: `spec.hosts` (a comma-separated list, with a menu of the
/// project's Service and ServiceEntry hosts to add) and `spec.gateways` as a checkable list of
/// the project's Gateways (`namespace/name`) and the reserved `mesh`. Entries the project does
/// not know are listed too, checked, and kept as written; a short gateway name counts as the
/// Gateway of that name in the VirtualService's namespace.
class VirtualServiceHostsEditor : public QWidget {
  Q_OBJECT

 public:
  explicit VirtualServiceHostsEditor(QWidget* parent = nullptr);

  /// Shows `document`'s hosts and gateways; `namespaceName` is the VirtualService's.
  void load(const model::Value& document, const ProjectPickers& pickers, const std::string& namespaceName);
  bool focusField(const std::string& path);

  FieldForm* hostsForm() const { return hosts_; }
  QToolButton* addHostButton() const { return addHost_; }
  QListWidget* gatewayList() const { return gateways_; }

 Q_SIGNALS:
  void edited(const std::vector<meshstudio::model::FieldEdit>& edits, const QString& mergeKey);

 private:
  void addHost(const QString& host);
  void gatewayToggled(QListWidgetItem* item);
  QStringList writtenGateways() const;

  FieldForm* hosts_;
  QToolButton* addHost_;
  QMenu* hostMenu_;
  QListWidget* gateways_;
  model::Value document_;
  QStringList menuHosts_;
};

}  // namespace meshstudio::views

#pragma once

#include "model/Value.h"
#include "views/ResourceEditor.h"

class QGroupBox;

namespace meshstudio::views {

class EditableItemList;
class FieldForm;

/// The Gateway form: the selector of the gateway pods, and the servers as a master-detail list
/// (port, protocol, hosts, TLS). The TLS group shows what matters for the server's protocol:
/// mode, credential (picked from the project's Secrets) and minimum version for HTTPS and TLS,
/// the HTTPS redirect for HTTP.
///
/// load() keeps the selected server and rebuilds the list only when servers were added or removed.
class GatewayEditor : public ResourceEditor {
  Q_OBJECT

 public:
  explicit GatewayEditor(QWidget* parent = nullptr);

  void load(const model::Resource& resource, const model::Project& project) override;
  bool focusField(const std::string& path) override;

  FieldForm* selectorForm() const { return selectorForm_; }
  EditableItemList* serverList() const { return servers_; }
  FieldForm* serverForm() const { return serverForm_; }
  QGroupBox* tlsGroup() const { return tlsGroup_; }
  FieldForm* tlsForm() const { return tlsForm_; }
  FieldForm* redirectForm() const { return redirectForm_; }

 private:
  void showServer(int row);
  void refreshServerList();
  void addServer();
  const model::Value* serversValue() const;

  FieldForm* selectorForm_;
  EditableItemList* servers_;
  QWidget* detail_;
  FieldForm* serverForm_;
  QGroupBox* tlsGroup_;
  FieldForm* tlsForm_;
  FieldForm* redirectForm_;
  model::Value document_;
  std::string shown_;  ///< displayName of the loaded resource
};

}  // namespace meshstudio::views

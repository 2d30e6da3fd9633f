#pragma once

#include <QStringList>

#include "model/Value.h"
#include "views/ResourceEditor.h"
#include "views/SubsetEditor.h"
#include "views/WorkloadCatalog.h"

class QLabel;
class QStringListModel;
class QTabWidget;

namespace meshstudio::views {

class EditableItemList;
class FieldForm;
class TrafficPolicyEditor;

/// The DestinationRule form: host (completed from the project's Services) and exportTo, the
/// host's traffic policy, and the subsets as a master-detail list. Each subset's row says how
/// many pods it selects (warning colour at 0); its detail suggests labels from the Deployments
/// behind the host and can override the traffic policy.
///
/// load() keeps the tab and the selected subset and rebuilds the subset list only when subsets
/// were added or removed.
class DestinationRuleEditor : public ResourceEditor {
  Q_OBJECT

 public:
  explicit DestinationRuleEditor(QWidget* parent = nullptr);

  void load(const model::Resource& resource, const model::Project& project) override;
  bool focusField(const std::string& path) override;

  QTabWidget* tabs() const { return tabs_; }
  FieldForm* hostForm() const { return hostForm_; }
  QLabel* hostStatus() const { return hostStatus_; }
  TrafficPolicyEditor* policyEditor() const { return policy_; }
  EditableItemList* subsetList() const { return subsets_; }
  SubsetEditor* subsetEditor() const { return subset_; }
  /// The completions offered for the host field.
  QStringList hostCompletions() const;

 private:
  void showSubset(int row);
  void refreshSubsetList();
  void addSubset();
  const model::Value* subsetsValue() const;

  QTabWidget* tabs_;
  FieldForm* hostForm_;
  QLabel* hostStatus_;
  QStringListModel* completions_;
  TrafficPolicyEditor* policy_;
  EditableItemList* subsets_;
  QWidget* subsetDetail_;
  SubsetEditor* subset_;
  model::Value document_;
  std::string shown_;  ///< displayName of the loaded resource
  WorkloadCatalog catalog_;
  SubsetHost host_;  ///< points into catalog_
};

}  // namespace meshstudio::views

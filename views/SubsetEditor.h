#pragma once

#include <QString>
#include <QWidget>

#include <string>
#include <vector>

#include "model/FieldPath.h"
#include "model/Value.h"
#include "views/WorkloadCatalog.h"

class QCheckBox;
class QLabel;
class QMenu;
class QToolButton;

namespace meshstudio::views {

class FieldForm;
class TrafficPolicyEditor;

/// The pods a DestinationRule's host stands for, which its subsets pick from.
struct SubsetHost {
  bool known = false;                                       ///< the host is a Service of the project
  QString service;                                          ///< `namespace/name` of that Service
  model::StringMap selector;                                ///< its selector
  std::vector<const WorkloadCatalog::Workload*> workloads;  ///< the Deployments and Pods it selects
};

/// One subset of a DestinationRule (`spec.subsets[i]`): name, labels with suggestions taken from
/// the host's Deployments, how many pods those labels select, and an optional traffic-policy
/// override. Proposes edits only, like every form.
class SubsetEditor : public QWidget {
  Q_OBJECT

 public:
  explicit SubsetEditor(QWidget* parent = nullptr);

  /// Edits `spec.subsets[index]`. A new index forgets an override the user opened but did not fill.
  void setIndex(int index);
  int index() const { return index_; }
  /// Shows the subset in `document`; `host` must stay valid until the next load.
  void load(const model::Value& document, const SubsetHost& host);
  bool focusField(const std::string& path);

  /// Pods of `host` that carry `labels` (a subset without labels selects them all).
  static std::int64_t podsSelected(const SubsetHost& host, const model::StringMap& labels);

  /// A set of labels that tells some of the host's workloads apart: what they carry beyond the
  /// Service selector (`version: v2`), with the workloads that carry it.
  struct Suggestion {
    model::StringMap labels;
    QStringList workloads;
    std::int64_t pods = 0;
  };
  /// The distinct suggestions of `host`, in the order of its workloads.
  static std::vector<Suggestion> suggestionsFor(const SubsetHost& host);

  FieldForm* form() const { return form_; }
  QToolButton* suggestionsButton() const { return suggest_; }
  QMenu* suggestionsMenu() const { return menu_; }
  QLabel* podCountLabel() const { return podCount_; }
  QCheckBox* overrideCheck() const { return override_; }
  TrafficPolicyEditor* policyEditor() const { return policy_; }

 Q_SIGNALS:
  void edited(const std::vector<meshstudio::model::FieldEdit>& edits, const QString& mergeKey);

 private:
  std::string path(const std::string& relative = {}) const;
  void rebuildSuggestions(const SubsetHost& host, const model::StringMap& labels);
  void showPodCount(const SubsetHost& host, const model::StringMap& labels);
  void setOverride(bool on);

  FieldForm* form_;
  QToolButton* suggest_;
  QMenu* menu_;
  QLabel* podCount_;
  QCheckBox* override_;
  TrafficPolicyEditor* policy_;
  int index_ = 0;
  bool overridePending_ = false;  ///< checked by the user, nothing written yet
  bool hasPolicy_ = false;        ///< the subset has a trafficPolicy in the document
  std::vector<Suggestion> suggestions_;
};

}  // namespace meshstudio::views

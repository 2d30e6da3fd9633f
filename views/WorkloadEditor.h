#pragma once

#include <QString>

#include "model/Value.h"
#include "views/ResourceEditor.h"

class QLabel;
class QLineEdit;
class QStackedWidget;

namespace meshstudio::views {

class EditableItemList;
class FieldForm;

/// The form of the Kubernetes workloads the studio simulates. A Service: its selector (with the
/// pods it selects) and its ports as a master-detail list. A Deployment: replicas, pod labels,
/// and the `meshstudio.dev/*` annotations of the pod template that tell the engine how the pods
/// behave (latency, error rate and status, connection handshake, real upstream), checked as typed
/// with the engine's syntax and written as strings, as Kubernetes requires of annotations.
class WorkloadEditor : public ResourceEditor {
  Q_OBJECT

 public:
  explicit WorkloadEditor(QWidget* parent = nullptr);

  void load(const model::Resource& resource, const model::Project& project) override;
  bool focusField(const std::string& path) override;

  bool showsService() const;
  FieldForm* selectorForm() const { return selectorForm_; }
  QLabel* selectionStatus() const { return selectionStatus_; }
  EditableItemList* portList() const { return ports_; }
  FieldForm* portForm() const { return portForm_; }
  FieldForm* deploymentForm() const { return deploymentForm_; }
  FieldForm* simulationForm() const { return simulationForm_; }
  QLabel* labelWarning() const { return labelWarning_; }

  /// The engine's syntax of each annotation: an explanation of what is wrong, empty when fine.
  static QString latencyProblem(const QString& text);
  static QString errorRateProblem(const QString& text);
  static QString handshakeProblem(const QString& text);
  static QString upstreamProblem(const QString& text);

 private:
  QWidget* buildServicePage();
  QWidget* buildDeploymentPage();
  void showPort(int row);
  void refreshPortList();
  void addPort();
  void checkAnnotation(QLineEdit* edit, QString (*problem)(const QString&));
  void checkAnnotations();
  std::vector<model::FieldEdit> asAnnotationStrings(std::vector<model::FieldEdit> edits) const;
  std::vector<model::FieldEdit> withNumericTargetPort(std::vector<model::FieldEdit> edits) const;

  QStackedWidget* pages_;
  QWidget* servicePage_;
  QWidget* deploymentPage_;
  FieldForm* selectorForm_;
  QLabel* selectionStatus_;
  EditableItemList* ports_;
  QWidget* portDetail_;
  FieldForm* portForm_;
  FieldForm* deploymentForm_;
  QLabel* labelWarning_;
  FieldForm* simulationForm_;
  model::Value document_;
  std::string shown_;  ///< displayName of the loaded resource
};

}  // namespace meshstudio::views

#pragma once

#include <QString>
#include <QWidget>

#include <string>
#include <vector>

#include "model/FieldPath.h"
#include "model/Value.h"

namespace meshstudio::views {

class FieldForm;

/// The forms of one Istio TrafficPolicy: load balancer, connection pool, outlier detection and
/// client TLS, under a base path (`spec.trafficPolicy`, or `spec.subsets[1].trafficPolicy` for
/// a subset's override). A DestinationRule shows one for the host and one for the selected subset.
///
/// Like a FieldForm it only proposes edits. It keeps Istio's one-of rules while doing so: setting
/// `simple` removes a consistent hash and the reverse, one hash key replaces another, and ring
/// hash and Maglev exclude each other, each in the same edit (one undo step).
class TrafficPolicyEditor : public QWidget {
  Q_OBJECT

 public:
  explicit TrafficPolicyEditor(QWidget* parent = nullptr);

  void setBasePath(const std::string& basePath);
  const std::string& basePath() const { return basePath_; }
  /// Shows the policy under the base path of `document` (the resource's whole document).
  void load(const model::Value& document);
  /// Focuses the control of `path` (full path) when one of the forms has it.
  bool focusField(const std::string& path);

  FieldForm* loadBalancerForm() const { return loadBalancer_; }
  FieldForm* connectionPoolForm() const { return connectionPool_; }
  FieldForm* outlierDetectionForm() const { return outlierDetection_; }
  FieldForm* tlsForm() const { return tls_; }

 Q_SIGNALS:
  void edited(const std::vector<meshstudio::model::FieldEdit>& edits, const QString& mergeKey);

 private:
  /// Adds the removals the one-of rules call for to a load-balancer edit.
  std::vector<model::FieldEdit> withExclusions(std::vector<model::FieldEdit> edits) const;

  FieldForm* loadBalancer_;
  FieldForm* connectionPool_;
  FieldForm* outlierDetection_;
  FieldForm* tls_;
  std::string basePath_;
  model::Value document_;  ///< the last loaded document, to remove only what exists
};

}  // namespace meshstudio::views

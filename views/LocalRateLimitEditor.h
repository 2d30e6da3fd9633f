#pragma once

#include <QString>

#include <string>
#include <vector>

#include "model/LocalRateLimit.h"
#include "model/Value.h"
#include "views/ResourceEditor.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QStackedWidget;

namespace meshstudio::views {

class FieldForm;

/// The form of an EnvoyFilter that inserts Envoy's local rate limit
/// (`envoy.filters.http.local_ratelimit`): the token bucket, stat prefix, the share of requests
/// the filter runs on and enforces, and the workload selector. It writes where
/// model::localRateLimitsOf reads (`LocalRateLimit::configPath`), in whichever form the filter is
/// written (direct typed_config, TypedStruct, or per route). Other EnvoyFilters get a note: only
/// local rate limits have a form, the rest is edited as YAML.
class LocalRateLimitEditor : public ResourceEditor {
  Q_OBJECT

 public:
  explicit LocalRateLimitEditor(QWidget* parent = nullptr);

  void load(const model::Resource& resource, const model::Project& project) override;
  bool focusField(const std::string& path) override;

  /// Whether the loaded EnvoyFilter is a local rate limit (the form shows), or the note does.
  bool showsForm() const;
  QComboBox* limitPicker() const { return picker_; }
  FieldForm* bucketForm() const { return bucketForm_; }
  QDoubleSpinBox* enabledPercent() const { return enabled_; }
  QDoubleSpinBox* enforcedPercent() const { return enforced_; }
  FieldForm* selectorForm() const { return selectorForm_; }
  QLabel* note() const { return note_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void showLimit(int which);
  /// The edit that makes `field` (filter_enabled or filter_enforced) `percent` %, or removes it.
  void editPercent(const char* field, const char* runtimeKey, QDoubleSpinBox* spin);

  QStackedWidget* pages_;
  QLabel* note_;
  QComboBox* picker_;
  QLabel* placement_;
  FieldForm* bucketForm_;
  QDoubleSpinBox* enabled_;
  QDoubleSpinBox* enforced_;
  FieldForm* selectorForm_;
  model::Value document_;
  std::vector<model::LocalRateLimit> limits_;
  int gesture_ = 0;  ///< goes up when a percentage box gets the focus: a new undo step
};

}  // namespace meshstudio::views

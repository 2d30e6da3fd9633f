#include "views/LocalRateLimitEditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "model/Resource.h"
#include "views/FieldEntry.h"
#include "views/FieldForm.h"

namespace meshstudio::views {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

QDoubleSpinBox* percentBox(const QString& toolTip, QWidget* parent) {
  auto* spin = new QDoubleSpinBox(parent);
  spin->setRange(-1, 100);  // -1 is "not set"
  spin->setDecimals(2);
  spin->setSuffix(QStringLiteral(" %"));
  spin->setSpecialValueText(LocalRateLimitEditor::tr("default (0 %: off)"));
  spin->setKeyboardTracking(false);  // typing 50 is one edit, not 5 then 50
  spin->setToolTip(toolTip);
  return spin;
}

}  // namespace

LocalRateLimitEditor::LocalRateLimitEditor(QWidget* parent)
    : ResourceEditor(parent),
      pages_(new QStackedWidget(this)),
      note_(new QLabel),
      picker_(new QComboBox),
      placement_(new QLabel),
      bucketForm_(new FieldForm),
      enabled_(percentBox(tr("The share of requests the filter looks at (filter_enabled); the others pass "
                             "uncounted. Empty: 0 %, so the filter does nothing."),
                          this)),
      enforced_(percentBox(tr("The share of the requests looked at that are refused with 429 when the bucket is "
                              "empty (filter_enforced); the others are only counted. Empty: 0 %, so nothing is "
                              "refused."),
                           this)),
      selectorForm_(new FieldForm) {
  note_->setObjectName(QStringLiteral("note"));
  note_->setWordWrap(true);
  note_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  note_->setText(
      tr("Only EnvoyFilters that insert Envoy's local rate limit (envoy.filters.http.local_ratelimit) have a "
         "form. Edit this one in the YAML view: every field is kept as written."));
  picker_->setObjectName(QStringLiteral("limitPicker"));
  picker_->setToolTip(tr("This EnvoyFilter has several rate limits: the one the form edits."));
  placement_->setWordWrap(true);
  enabled_->setObjectName(QStringLiteral("enabledPercent"));
  enforced_->setObjectName(QStringLiteral("enforcedPercent"));
  bucketForm_->setFields(fieldSpecs({
      {"token_bucket.max_tokens",
       FieldType::Integer,
       tr("Bucket size"),
       tr("How many requests may pass in a burst (max_tokens); the bucket starts full and each request takes "
          "one token. Required: without it the engine does not run the limit."),
       tr("required"),
       {},
       1},
      {"token_bucket.tokens_per_fill",
       FieldType::Integer,
       tr("Tokens per fill"),
       tr("Tokens put back at every fill, never beyond the bucket size. Empty: 1."),
       tr("default (1)"),
       {},
       1},
      {"token_bucket.fill_interval", FieldType::Duration, tr("Fill interval"),
       tr("How often tokens are put back, such as 60s or 500ms (Envoy asks for at least 50ms). Required."),
       tr("required, e.g. 60s")},
      {"stat_prefix", FieldType::Text, tr("Stat prefix"),
       tr("The prefix of the filter's counters: <prefix>.http_local_rate_limit.ok, .rate_limited and so on. "
          "Envoy requires it; when empty the engine uses http_local_rate_limiter."),
       QStringLiteral("http_local_rate_limiter")},
  }));
  selectorForm_->setFields(fieldSpecs({
      {"spec.workloadSelector.labels", FieldType::StringMap, tr("Workloads"),
       tr("Labels of the pods whose proxies get the filter. Empty: every workload of the EnvoyFilter's namespace "
          "(of the mesh when it lives in istio-system).")},
  }));

  auto* formPage = new QWidget;
  auto* layout = new QVBoxLayout(formPage);
  layout->addWidget(picker_);
  layout->addWidget(placement_);
  auto* bucket = new QGroupBox(tr("Token bucket"));
  auto* bucketLayout = new QVBoxLayout(bucket);
  bucketLayout->addWidget(bucketForm_);
  auto* percentages = new QFormLayout;
  percentages->addRow(tr("Enabled for"), enabled_);
  percentages->addRow(tr("Enforced for"), enforced_);
  bucketLayout->addLayout(percentages);
  layout->addWidget(bucket);
  layout->addWidget(selectorForm_);
  layout->addStretch(1);
  pages_->addWidget(note_);
  pages_->addWidget(formPage);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(pages_);

  forward(bucketForm_);
  forward(selectorForm_);
  connect(picker_, &QComboBox::currentIndexChanged, this, &LocalRateLimitEditor::showLimit);
  connect(enabled_, &QDoubleSpinBox::valueChanged, this,
          [this] { editPercent("filter_enabled", "local_rate_limit_enabled", enabled_); });
  connect(enforced_, &QDoubleSpinBox::valueChanged, this,
          [this] { editPercent("filter_enforced", "local_rate_limit_enforced", enforced_); });
  enabled_->installEventFilter(this);
  enforced_->installEventFilter(this);
}

bool LocalRateLimitEditor::showsForm() const { return pages_->currentIndex() == 1; }

void LocalRateLimitEditor::load(const model::Resource& resource, const model::Project& /*project*/) {
  document_ = resource.document();
  limits_ = model::localRateLimitsOf(resource);
  if (limits_.empty()) {
    pages_->setCurrentWidget(note_);
    return;
  }
  pages_->setCurrentIndex(1);
  QStringList entries;
  for (const model::LocalRateLimit& limit : limits_)
    entries << tr("configPatches[%1]: %2 in %3")
                   .arg(limit.patchIndex)
                   .arg(limit.applyTo.empty() ? tr("(no applyTo)") : q(limit.applyTo),
                        limit.context.empty() ? QStringLiteral("ANY") : q(limit.context));
  QStringList shown;
  for (int i = 0; i < picker_->count(); ++i) shown << picker_->itemText(i);
  {
    const QSignalBlocker blocker(picker_);
    if (shown != entries) {
      const int before = picker_->currentIndex();
      picker_->clear();
      picker_->addItems(entries);
      picker_->setCurrentIndex(std::clamp(before, 0, int(entries.size()) - 1));
    }
  }
  picker_->setVisible(limits_.size() > 1);
  selectorForm_->load(document_);
  showLimit(picker_->currentIndex());
}

void LocalRateLimitEditor::showLimit(int which) {
  if (which < 0 || std::size_t(which) >= limits_.size()) return;
  const model::LocalRateLimit& limit = limits_[std::size_t(which)];
  placement_->setText(limit.applyTo == "HTTP_ROUTE"
                          ? tr("Configured per route (HTTP_ROUTE, %1); the engine runs it for the whole listener.")
                                .arg(limit.context.empty() ? QStringLiteral("ANY") : q(limit.context))
                          : tr("Inserted as an HTTP filter in %1.")
                                .arg(limit.context.empty() ? QStringLiteral("ANY") : q(limit.context)));
  bucketForm_->setBasePath(limit.configPath);
  bucketForm_->load(document_);
  const auto showPercent = [this, &limit](QDoubleSpinBox* spin, const char* field, double percent) {
    const QSignalBlocker blocker(spin);
    const auto path = model::FieldPath::parse(limit.configPath + "." + field);
    spin->setValue(path && path->find(document_) ? percent : spin->minimum());
  };
  showPercent(enabled_, "filter_enabled", limit.enabledPercent);
  showPercent(enforced_, "filter_enforced", limit.enforcedPercent);
}

void LocalRateLimitEditor::editPercent(const char* field, const char* runtimeKey, QDoubleSpinBox* spin) {
  const int which = picker_->currentIndex();
  if (which < 0 || std::size_t(which) >= limits_.size()) return;
  const std::string path = limits_[std::size_t(which)].configPath + "." + field;
  const QString mergeKey = QStringLiteral("ratelimit:%1:%2").arg(q(path)).arg(gesture_);
  if (spin->value() < 0) {
    Q_EMIT edited({model::FieldEdit{path, std::nullopt}}, mergeKey);
    return;
  }
  // Envoy's FractionalPercent: whole percentages over HUNDRED, hundredths over TEN_THOUSAND.
  const double percent = spin->value();
  const bool whole = percent == std::floor(percent);
  model::Value fraction = model::Value::map();
  fraction.set("numerator", model::Value::integer(std::llround(whole ? percent : percent * 100)));
  fraction.set("denominator", model::Value::string(whole ? "HUNDRED" : "TEN_THOUSAND"));
  const auto existing = model::FieldPath::parse(path);
  if (existing && existing->find(document_)) {
    Q_EMIT edited({model::FieldEdit{path + ".default_value", std::move(fraction)}}, mergeKey);
    return;
  }
  model::Value block = model::Value::map();
  block.set("runtime_key", model::Value::string(runtimeKey));
  block.set("default_value", std::move(fraction));
  Q_EMIT edited({model::FieldEdit{path, std::move(block)}}, mergeKey);
}

bool LocalRateLimitEditor::focusField(const std::string& path) {
  if (!showsForm()) return false;
  if (model::FieldPath::isWithin(path, "spec.workloadSelector")) return selectorForm_->focusField(path);
  for (std::size_t i = 0; i < limits_.size(); ++i) {
    const model::LocalRateLimit& limit = limits_[i];
    const std::string patch = "spec.configPatches[" + std::to_string(limit.patchIndex) + "]";
    if (!model::FieldPath::isWithin(path, patch)) continue;
    picker_->setCurrentIndex(int(i));
    if (model::FieldPath::isWithin(path, limit.configPath + ".filter_enabled")) {
      enabled_->setFocus(Qt::OtherFocusReason);
      return true;
    }
    if (model::FieldPath::isWithin(path, limit.configPath + ".filter_enforced")) {
      enforced_->setFocus(Qt::OtherFocusReason);
      return true;
    }
    if (bucketForm_->focusField(path)) return true;
    bucketForm_->control("token_bucket.max_tokens")->setFocus(Qt::OtherFocusReason);
    return true;
  }
  return false;
}

bool LocalRateLimitEditor::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::FocusIn) ++gesture_;
  return ResourceEditor::eventFilter(watched, event);
}

}  // namespace meshstudio::views

#include "views/SubsetEditor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

#include "views/EditableItemList.h"
#include "views/FieldEntry.h"
#include "views/FieldForm.h"
#include "views/TrafficPolicyEditor.h"

namespace meshstudio::views {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

QString labelText(const model::StringMap& labels) {
  QStringList parts;
  for (const auto& [key, value] : labels) parts << q(key) + QLatin1Char('=') + q(value);
  return parts.join(QStringLiteral(", "));
}

model::StringMap labelsAt(const model::Value* value) {
  model::StringMap labels;
  if (!value || !value->isMap()) return labels;
  for (const model::Value::Entry& entry : value->entries())
    if (entry.value.isScalar()) labels.emplace_back(entry.key, entry.value.text());
  return labels;
}

}  // namespace

SubsetEditor::SubsetEditor(QWidget* parent)
    : QWidget(parent),
      form_(new FieldForm(this)),
      suggest_(new QToolButton(this)),
      menu_(new QMenu(this)),
      podCount_(new QLabel(this)),
      override_(new QCheckBox(tr("Override the traffic policy for this subset"), this)),
      policy_(new TrafficPolicyEditor(this)) {
  form_->setFields(fieldSpecs({
      {"name", FieldType::Text, tr("Name"),
       tr("The name VirtualService destinations use as `subset`: lower-case letters, digits and '-'. Renaming "
          "does not change routes that use the old name. Required: Istio rejects a subset without a name."),
       tr("required")},
      {"labels", FieldType::StringMap, tr("Labels"),
       tr("Labels a pod needs, besides those of the host's Service selector, to belong to this subset. Empty: "
          "every pod of the host.")},
  }));
  suggest_->setText(tr("Suggested labels"));
  suggest_->setObjectName(QStringLiteral("suggestedLabels"));
  suggest_->setToolTip(
      tr("Labels of the Deployments and Pods behind the host, without those the Service selector already "
         "requires. Choosing one replaces the subset's labels."));
  suggest_->setPopupMode(QToolButton::InstantPopup);
  suggest_->setMenu(menu_);
  podCount_->setObjectName(QStringLiteral("podCount"));
  podCount_->setWordWrap(true);
  override_->setObjectName(QStringLiteral("overridePolicy"));
  override_->setToolTip(
      tr("Give requests routed to this subset their own load balancer, connection pool, outlier detection or "
         "TLS. Each block set here replaces the host's block as a whole. Unchecking removes the subset's policy. "
         "Unchecked: the host's traffic policy applies."));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(form_);
  auto* row = new QHBoxLayout;
  row->addWidget(suggest_);
  row->addWidget(podCount_, 1);
  layout->addLayout(row);
  layout->addWidget(override_);
  layout->addWidget(policy_);
  layout->addStretch(1);

  connect(form_, &FieldForm::edited, this, &SubsetEditor::edited);
  connect(policy_, &TrafficPolicyEditor::edited, this, &SubsetEditor::edited);
  connect(override_, &QCheckBox::toggled, this, &SubsetEditor::setOverride);
  connect(menu_, &QMenu::triggered, this, [this](QAction* action) {
    const int which = action->data().toInt();
    if (which < 0 || std::size_t(which) >= suggestions_.size()) return;
    model::Value labels = model::Value::map();
    for (const auto& [key, value] : suggestions_[std::size_t(which)].labels)
      labels.set(key, model::Value::string(value));
    Q_EMIT edited({model::FieldEdit{path("labels"), std::move(labels)}}, QString());
  });
  setIndex(0);
}

std::string SubsetEditor::path(const std::string& relative) const {
  const std::string base = "spec.subsets[" + std::to_string(index_) + "]";
  return relative.empty() ? base : base + "." + relative;
}

void SubsetEditor::setIndex(int index) {
  if (index != index_) overridePending_ = false;
  index_ = index;
  form_->setBasePath(path());
  policy_->setBasePath(path("trafficPolicy"));
}

void SubsetEditor::load(const model::Value& document, const SubsetHost& host) {
  form_->load(document);
  policy_->load(document);
  const auto subset = model::FieldPath::parse(path());
  const model::Value* value = subset ? subset->find(document) : nullptr;
  const model::StringMap labels = labelsAt(value ? value->find("labels") : nullptr);
  hasPolicy_ = value && value->find("trafficPolicy");
  if (hasPolicy_) overridePending_ = false;
  {
    const QSignalBlocker blocker(override_);
    override_->setChecked(hasPolicy_ || overridePending_);
  }
  policy_->setVisible(override_->isChecked());
  rebuildSuggestions(host, labels);
  showPodCount(host, labels);
}

bool SubsetEditor::focusField(const std::string& fieldPath) {
  if (form_->focusField(fieldPath)) return true;
  if (fieldPath.rfind(path("trafficPolicy"), 0) != 0) return false;
  if (!override_->isChecked()) return false;  // nothing there to show
  return policy_->focusField(fieldPath);
}

std::int64_t SubsetEditor::podsSelected(const SubsetHost& host, const model::StringMap& labels) {
  return WorkloadCatalog::podCount(host.workloads, labels);
}

std::vector<SubsetEditor::Suggestion> SubsetEditor::suggestionsFor(const SubsetHost& host) {
  std::vector<Suggestion> suggestions;
  for (const WorkloadCatalog::Workload* workload : host.workloads) {
    model::StringMap extra;
    for (const auto& [key, value] : workload->labels)
      if (!host.selector.find(key)) extra.emplace_back(key, value);
    if (extra.empty()) continue;
    auto same = std::find_if(suggestions.begin(), suggestions.end(),
                             [&extra](const Suggestion& suggestion) { return suggestion.labels == extra; });
    if (same == suggestions.end()) same = suggestions.insert(suggestions.end(), Suggestion{extra, {}, 0});
    same->workloads << q(workload->name);
    same->pods += workload->pods;
  }
  return suggestions;
}

void SubsetEditor::rebuildSuggestions(const SubsetHost& host, const model::StringMap& labels) {
  std::vector<Suggestion> suggestions = suggestionsFor(host);
  QStringList texts;
  for (const Suggestion& suggestion : suggestions)
    texts << tr("%1 — %2 (%n pod(s))", nullptr, int(suggestion.pods))
                 .arg(labelText(suggestion.labels), suggestion.workloads.join(QStringLiteral(", ")));
  QStringList shown;
  for (QAction* action : menu_->actions()) shown << action->text();
  if (shown != texts) {  // an open menu keeps its actions while nothing it shows changed
    menu_->clear();
    for (int i = 0; i < texts.size(); ++i) {
      QAction* action = menu_->addAction(texts[i]);
      action->setData(i);
      action->setCheckable(true);
    }
  }
  suggestions_ = std::move(suggestions);
  const QList<QAction*> actions = menu_->actions();
  for (int i = 0; i < actions.size(); ++i) actions[i]->setChecked(suggestions_[std::size_t(i)].labels == labels);
  suggest_->setEnabled(!suggestions_.empty());
}

void SubsetEditor::showPodCount(const SubsetHost& host, const model::StringMap& labels) {
  QPalette palette = podCount_->palette();
  palette.setColor(QPalette::WindowText, this->palette().color(QPalette::WindowText));
  if (!host.known) {
    podCount_->setText(tr("The host is not a Service of this project, so its pods cannot be counted."));
    podCount_->setToolTip(QString());
    podCount_->setPalette(palette);
    podCount_->setProperty("pods", -1);
    return;
  }
  QStringList selected;
  std::int64_t pods = 0;
  for (const WorkloadCatalog::Workload* workload : host.workloads)
    if (WorkloadCatalog::hasLabels(workload->labels, labels)) {
      pods += workload->pods;
      selected << (workload->pods > 1 ? tr("%1 ×%2").arg(q(workload->name)).arg(workload->pods) : q(workload->name));
    }
  if (pods == 0) {
    podCount_->setText(tr("Selects no pods: no Deployment or Pod of Service %1 carries these labels, so requests "
                          "routed to this subset fail with 503.")
                           .arg(host.service));
    palette.setColor(QPalette::WindowText, EditableItemList::warningColour(this->palette()));
  } else {
    podCount_->setText(tr("Selects %n pod(s): %1", nullptr, int(pods)).arg(selected.join(QStringLiteral(", "))));
  }
  podCount_->setToolTip(
      tr("Pods of Service %1 whose labels include the subset's: Deployment replicas (1 when not set) and Pods.")
          .arg(host.service));
  podCount_->setPalette(palette);
  podCount_->setProperty("pods", qlonglong(pods));
}

void SubsetEditor::setOverride(bool on) {
  if (on) {
    overridePending_ = !hasPolicy_;
    policy_->setVisible(true);
    return;
  }
  overridePending_ = false;
  policy_->setVisible(false);
  if (hasPolicy_) Q_EMIT edited({model::FieldEdit{path("trafficPolicy"), std::nullopt}}, QString());
}

}  // namespace meshstudio::views

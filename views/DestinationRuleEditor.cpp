#include "views/DestinationRuleEditor.h"

#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollArea>
#include <QSplitter>
#include <QStringListModel>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

#include "model/Project.h"
#include "model/Resource.h"
#include "views/EditableItemList.h"
#include "views/FieldEntry.h"
#include "views/FieldForm.h"
#include "views/TrafficPolicyEditor.h"

namespace meshstudio::views {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

QScrollArea* scrolled(QWidget* content, QWidget* parent) {
  auto* area = new QScrollArea(parent);
  area->setWidgetResizable(true);
  area->setFrameShape(QFrame::NoFrame);
  area->setWidget(content);
  return area;
}

model::StringMap labelsOf(const model::Value& subset) {
  model::StringMap labels;
  if (const model::Value* map = subset.find("labels"); map && map->isMap())
    for (const model::Value::Entry& entry : map->entries())
      if (entry.value.isScalar()) labels.emplace_back(entry.key, entry.value.text());
  return labels;
}

}  // namespace

DestinationRuleEditor::DestinationRuleEditor(QWidget* parent)
    : ResourceEditor(parent),
      tabs_(new QTabWidget(this)),
      hostForm_(new FieldForm),
      hostStatus_(new QLabel),
      completions_(new QStringListModel(this)),
      policy_(new TrafficPolicyEditor),
      subsets_(new EditableItemList),
      subsetDetail_(new QWidget),
      subset_(new SubsetEditor) {
  hostForm_->setFields(fieldSpecs({
      {"spec.host", FieldType::Text, tr("Host"),
       tr("The service this rule applies to. A short name (reviews) is the Service of that name in this rule's "
          "namespace; a name with a dot is taken as written: reviews.shop.svc.cluster.local or a ServiceEntry "
          "host. Required."),
       tr("required, e.g. reviews")},
      {"spec.exportTo", FieldType::TextList, tr("Export to"),
       tr("Namespaces whose proxies see this rule, comma-separated: '.' for this namespace, '*' for all. Empty: "
          "every namespace (unless the mesh changes the default)."),
       tr("every namespace")},
  }));
  auto* completer = new QCompleter(completions_, this);
  completer->setCaseSensitivity(Qt::CaseInsensitive);
  completer->setFilterMode(Qt::MatchContains);
  static_cast<QLineEdit*>(hostForm_->control("spec.host"))->setCompleter(completer);
  hostStatus_->setObjectName(QStringLiteral("hostStatus"));
  hostStatus_->setWordWrap(true);

  auto* hostPage = new QWidget;
  auto* hostLayout = new QVBoxLayout(hostPage);
  hostLayout->addWidget(hostForm_);
  hostLayout->addWidget(hostStatus_);
  hostLayout->addStretch(1);
  tabs_->addTab(hostPage, tr("Host"));
  tabs_->addTab(scrolled(policy_, tabs_), tr("Traffic policy"));

  subsets_->setButtonToolTips(tr("Add a subset, named and labelled after a Deployment of the host no subset uses yet"),
                              tr("Remove the selected subset (routes that name it then fail)"));
  subsets_->list()->setObjectName(QStringLiteral("subsets"));
  auto* detailLayout = new QVBoxLayout(subsetDetail_);
  detailLayout->setContentsMargins(0, 0, 0, 0);
  detailLayout->addWidget(subset_);
  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(subsets_);
  split->addWidget(scrolled(subsetDetail_, split));
  split->setStretchFactor(1, 3);
  tabs_->addTab(split, tr("Subsets"));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);

  forward(hostForm_);
  connect(policy_, &TrafficPolicyEditor::edited, this, &ResourceEditor::edited);
  connect(subset_, &SubsetEditor::edited, this, &ResourceEditor::edited);
  connect(subsets_, &EditableItemList::currentRowChanged, this, &DestinationRuleEditor::showSubset);
  connect(subsets_, &EditableItemList::addRequested, this, &DestinationRuleEditor::addSubset);
  connect(subsets_, &EditableItemList::removeRequested, this, [this](int row) {
    Q_EMIT edited({model::FieldEdit{"spec.subsets[" + std::to_string(row) + "]", std::nullopt}}, QString());
  });
}

QStringList DestinationRuleEditor::hostCompletions() const { return completions_->stringList(); }

const model::Value* DestinationRuleEditor::subsetsValue() const {
  const model::Value* subsets = document_.at("spec.subsets");
  return subsets && subsets->isSeq() ? subsets : nullptr;
}

void DestinationRuleEditor::load(const model::Resource& resource, const model::Project& project) {
  document_ = resource.document();
  // Another resource starts at its first item; the same one keeps the user's selection.
  if (resource.displayName() != shown_) subsets_->selectAfterReload(0);
  shown_ = resource.displayName();
  catalog_ = WorkloadCatalog::build(project);
  const std::string ns = catalog_.namespaceOf(resource);
  if (const QStringList hosts = catalog_.hostCompletions(ns); hosts != completions_->stringList())
    completions_->setStringList(hosts);

  host_ = SubsetHost{};
  const model::Value* host = document_.at("spec.host");
  const std::string hostName = host && host->isScalar() ? host->text() : std::string();
  if (const WorkloadCatalog::Service* service = hostName.empty() ? nullptr : catalog_.serviceForHost(hostName, ns)) {
    host_.known = true;
    host_.service = q(service->namespaceName + "/" + service->name);
    host_.selector = service->object.selector;
    host_.workloads = catalog_.selectedBy(service->object.selector, service->namespaceName);
    hostStatus_->setText(
        tr("Service %1 selects %n pod(s).", nullptr, int(WorkloadCatalog::podCount(host_.workloads, {})))
            .arg(host_.service));
  } else {
    hostStatus_->setText(hostName.empty() ? tr("No host yet: the rule applies to nothing.")
                                          : tr("%1 is not a Service of this project (a ServiceEntry or outside "
                                               "host), so the subsets' pods cannot be counted.")
                                                .arg(q(hostName)));
  }

  hostForm_->load(document_);
  policy_->load(document_);
  refreshSubsetList();
  showSubset(subsets_->currentRow());
}

void DestinationRuleEditor::refreshSubsetList() {
  QList<EditableItemList::Item> items;
  if (const model::Value* subsets = subsetsValue()) {
    for (const model::Value& subset : subsets->items()) {
      const model::Value* name = subset.find("name");
      EditableItemList::Item item;
      const QString title = name && name->isScalar() && !name->text().empty() ? q(name->text()) : tr("(no name)");
      const model::StringMap labels = labelsOf(subset);
      QStringList shown;
      for (const auto& [key, value] : labels) shown << q(key) + QLatin1Char('=') + q(value);
      if (host_.known) {
        const std::int64_t pods = SubsetEditor::podsSelected(host_, labels);
        item.text = tr("%1 — %n pod(s)", nullptr, int(pods)).arg(title);
        item.warning = pods == 0;
      } else {
        item.text = title;
      }
      item.toolTip = shown.isEmpty() ? tr("No labels: every pod of the host") : shown.join(QStringLiteral(", "));
      items << item;
    }
  }
  subsets_->setItems(items);
}

void DestinationRuleEditor::showSubset(int row) {
  subsetDetail_->setEnabled(row >= 0);
  subset_->setVisible(row >= 0);
  if (row < 0) return;
  subset_->setIndex(row);
  subset_->load(document_, host_);
}

void DestinationRuleEditor::addSubset() {
  const model::Value* subsets = subsetsValue();
  std::set<std::string> names;
  std::vector<model::StringMap> used;
  if (subsets)
    for (const model::Value& subset : subsets->items()) {
      if (const model::Value* name = subset.find("name"); name && name->isScalar()) names.insert(name->text());
      used.push_back(labelsOf(subset));
    }
  // The first workload no subset selects yet gives the labels, and a name when it has one label.
  model::Value subset = model::Value::map();
  model::StringMap labels;
  for (const SubsetEditor::Suggestion& suggestion : SubsetEditor::suggestionsFor(host_))
    if (std::find(used.begin(), used.end(), suggestion.labels) == used.end()) {
      labels = suggestion.labels;
      break;
    }
  std::string name;
  if (labels.size() == 1 && !names.count(labels.front().second)) name = labels.front().second;
  for (int n = 1; name.empty(); ++n)
    if (!names.count("v" + std::to_string(n))) name = "v" + std::to_string(n);
  subset.set("name", model::Value::string(name));
  if (!labels.empty()) {
    model::Value map = model::Value::map();
    for (const auto& [key, value] : labels) map.set(key, model::Value::string(value));
    subset.set("labels", std::move(map));
  }
  const std::size_t count = subsets ? subsets->items().size() : 0;
  subsets_->selectAfterReload(int(count));
  Q_EMIT edited({model::FieldEdit{"spec.subsets[" + std::to_string(count) + "]", std::move(subset)}}, QString());
}

bool DestinationRuleEditor::focusField(const std::string& path) {
  if (const auto item = model::FieldPath::itemIndex(path, "spec.subsets")) {
    const int row = int(*item);
    if (row >= subsets_->count()) return false;
    tabs_->setCurrentIndex(2);
    subsets_->setCurrentRow(row);
    if (subset_->focusField(path)) return true;
    subsets_->list()->setFocus(Qt::OtherFocusReason);
    return true;
  }
  if (path.rfind("spec.subsets", 0) == 0) {
    tabs_->setCurrentIndex(2);
    subsets_->list()->setFocus(Qt::OtherFocusReason);
    return true;
  }
  if (path.rfind("spec.trafficPolicy", 0) == 0) {
    tabs_->setCurrentIndex(1);
    return policy_->focusField(path);
  }
  tabs_->setCurrentIndex(0);
  return hostForm_->focusField(path);
}

}  // namespace meshstudio::views

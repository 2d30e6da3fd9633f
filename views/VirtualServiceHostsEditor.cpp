#include "views/VirtualServiceHostsEditor.h"

#include <QFormLayout>
#include <QListWidget>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include "views/FieldForm.h"

namespace meshstudio::views {

namespace {

constexpr int kSpellingsRole = Qt::UserRole + 1;  ///< QStringList: the ways the entry may be written

QStringList stringsAt(const model::Value& document, std::string_view key) {
  QStringList out;
  const model::Value* spec = document.find("spec");
  const model::Value* list = spec ? spec->find(key) : nullptr;
  if (list && list->isSeq())
    for (const model::Value& item : list->items())
      if (item.isScalar()) out << QString::fromStdString(item.text());
  return out;
}

}  // namespace

VirtualServiceHostsEditor::VirtualServiceHostsEditor(QWidget* parent)
    : QWidget(parent),
      hosts_(new FieldForm(this)),
      addHost_(new QToolButton(this)),
      hostMenu_(new QMenu(this)),
      gateways_(new QListWidget(this)) {
  FieldSpec hosts;
  hosts.path = "spec.hosts";
  hosts.type = FieldType::TextList;
  hosts.label = tr("Hosts");
  hosts.toolTip =
      tr("The hosts these routes apply to, comma-separated: a Service name (short names resolve in this "
         "namespace), a ServiceEntry host, or for gateways a public name such as shop.example.com; * "
         "wildcards are allowed. Required: there is no default.");
  hosts.placeholder = tr("reviews, reviews.shop.svc.cluster.local");
  hosts_->setFields({hosts});
  addHost_->setText(tr("Add host"));
  addHost_->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
  addHost_->setPopupMode(QToolButton::InstantPopup);
  addHost_->setMenu(hostMenu_);
  addHost_->setToolTip(tr("Adds one of the project's Service or ServiceEntry hosts to the list."));
  gateways_->setObjectName(QStringLiteral("gateways"));
  gateways_->setMaximumHeight(110);
  gateways_->setToolTip(
      tr("Where these routes apply: checked Gateways (their proxies at the edge of the mesh) and mesh (every "
         "sidecar). None checked: mesh only, the default."));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* hostsRow = new QHBoxLayout;
  hostsRow->addWidget(hosts_, 1);
  hostsRow->addWidget(addHost_, 0, Qt::AlignTop);
  layout->addLayout(hostsRow);
  auto* gatewaysForm = new QFormLayout;
  gatewaysForm->addRow(tr("Gateways"), gateways_);
  layout->addLayout(gatewaysForm);

  connect(hosts_, &FieldForm::edited, this, &VirtualServiceHostsEditor::edited);
  connect(hostMenu_, &QMenu::triggered, this, [this](QAction* action) { addHost(action->data().toString()); });
  connect(gateways_, &QListWidget::itemChanged, this, &VirtualServiceHostsEditor::gatewayToggled);
}

void VirtualServiceHostsEditor::load(const model::Value& document, const ProjectPickers& pickers,
                                     const std::string& namespaceName) {
  document_ = document;
  hosts_->load(document);
  if (menuHosts_ != pickers.hosts()) {
    menuHosts_ = pickers.hosts();
    hostMenu_->clear();
    for (const QString& host : menuHosts_) hostMenu_->addAction(host)->setData(host);
    addHost_->setEnabled(!menuHosts_.isEmpty());
  }

  // Entries: mesh, the project's gateways, then whatever else is written (kept as is).
  const QStringList written = writtenGateways();
  const QString ns = QString::fromStdString(namespaceName);
  std::vector<std::pair<QString, QStringList>> entries;
  entries.push_back({QStringLiteral("mesh"), {QStringLiteral("mesh")}});
  for (const QString& gateway : pickers.gateways()) {
    QStringList spellings{gateway};
    if (gateway.startsWith(ns + QLatin1Char('/'))) spellings << gateway.mid(ns.size() + 1);
    entries.push_back({gateway, spellings});
  }
  for (const QString& entry : written) {
    bool known = false;
    for (const auto& [text, spellings] : entries) known = known || spellings.contains(entry);
    if (!known) entries.push_back({entry, {entry}});
  }
  const QSignalBlocker blocker(gateways_);
  bool sameItems = gateways_->count() == static_cast<int>(entries.size());
  for (int i = 0; sameItems && i < gateways_->count(); ++i)
    sameItems = gateways_->item(i)->text() == entries[std::size_t(i)].first;
  if (!sameItems) {
    gateways_->clear();
    for (const auto& [text, spellings] : entries) {
      auto* item = new QListWidgetItem(text, gateways_);
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
      item->setData(kSpellingsRole, spellings);
      if (text == QLatin1String("mesh"))
        item->setToolTip(tr("The reserved name for every sidecar of the mesh."));
      else if (!pickers.gateways().contains(text))
        item->setToolTip(tr("Not a Gateway of this project; kept as written."));
    }
  }
  for (int i = 0; i < gateways_->count(); ++i) {
    QListWidgetItem* item = gateways_->item(i);
    bool checked = false;
    for (const QString& spelling : item->data(kSpellingsRole).toStringList())
      checked = checked || written.contains(spelling);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
  }
}

QStringList VirtualServiceHostsEditor::writtenGateways() const { return stringsAt(document_, "gateways"); }

void VirtualServiceHostsEditor::addHost(const QString& host) {
  QStringList hosts = stringsAt(document_, "hosts");
  if (hosts.contains(host)) return;
  hosts << host;
  Q_EMIT edited({{"spec.hosts", FieldForm::listValue(hosts.join(QLatin1Char(',')))}}, QString());
}

void VirtualServiceHostsEditor::gatewayToggled(QListWidgetItem* item) {
  QStringList gateways = writtenGateways();
  const QStringList spellings = item->data(kSpellingsRole).toStringList();
  if (item->checkState() == Qt::Checked) {
    bool present = false;
    for (const QString& spelling : spellings) present = present || gateways.contains(spelling);
    if (!present) gateways << item->text();
  } else {
    for (const QString& spelling : spellings) gateways.removeAll(spelling);
  }
  std::optional<model::Value> value;
  if (!gateways.isEmpty()) {
    value = model::Value::seq();
    for (const QString& gateway : gateways) value->append(model::Value::string(gateway.toStdString()));
  }
  Q_EMIT edited({{"spec.gateways", value}}, QString());
}

bool VirtualServiceHostsEditor::focusField(const std::string& path) {
  if (path.rfind("spec.gateways", 0) == 0) {
    gateways_->setFocus(Qt::OtherFocusReason);
    return true;
  }
  return hosts_->focusField(path);
}

}  // namespace meshstudio::views

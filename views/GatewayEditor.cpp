#include "views/GatewayEditor.h"

#include <QGroupBox>
#include <QListWidget>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

#include "model/Project.h"
#include "model/Resource.h"
#include "views/EditableItemList.h"
#include "views/FieldEntry.h"
#include "views/FieldForm.h"
#include "views/WorkloadCatalog.h"

namespace meshstudio::views {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

QString textAt(const model::Value& root, std::string_view path) {
  const model::Value* value = root.at(path);
  return value && value->isScalar() && !value->isNull() ? q(value->text()) : QString();
}

}  // namespace

GatewayEditor::GatewayEditor(QWidget* parent)
    : ResourceEditor(parent),
      selectorForm_(new FieldForm),
      servers_(new EditableItemList),
      detail_(new QWidget),
      serverForm_(new FieldForm),
      tlsGroup_(new QGroupBox(tr("TLS"))),
      tlsForm_(new FieldForm),
      redirectForm_(new FieldForm) {
  selectorForm_->setFields(fieldSpecs({
      {"spec.selector", FieldType::StringMap, tr("Gateway pods"),
       tr("Labels of the gateway proxies that run these servers, such as istio=ingressgateway. Empty: every "
          "gateway proxy the Gateway is visible to.")},
  }));
  serverForm_->setFields(fieldSpecs({
      {"port.number",
       FieldType::Integer,
       tr("Port"),
       tr("The port the gateway listens on for this server. Required."),
       tr("required"),
       {},
       1,
       65535},
      {"port.name", FieldType::Text, tr("Port name"),
       tr("A name for the port, different for every server of the Gateway. Required."), tr("required")},
      {"port.protocol",
       FieldType::Choice,
       tr("Protocol"),
       tr("What the port carries: HTTP, HTTPS (terminates TLS, needs the TLS settings), HTTP2, GRPC, TCP, TLS "
          "(routed by SNI, needs the TLS settings) or MONGO. Required."),
       tr("required"),
       {QStringLiteral("HTTP"), QStringLiteral("HTTPS"), QStringLiteral("HTTP2"), QStringLiteral("GRPC"),
        QStringLiteral("TCP"), QStringLiteral("TLS"), QStringLiteral("MONGO")}},
      {"hosts", FieldType::TextList, tr("Hosts"),
       tr("Hosts this server accepts, comma-separated, each [namespace/]name: '*' alone or as the first label is "
          "a wildcard, and a namespace limits whose VirtualServices may bind. Required: at least one."),
       tr("required, e.g. shop.example.com")},
  }));
  tlsForm_->setFields(fieldSpecs({
      {"tls.mode",
       FieldType::Choice,
       tr("Mode"),
       tr("SIMPLE terminates TLS with the credential's certificate; MUTUAL also requires a client certificate, "
          "OPTIONAL_MUTUAL asks for one; ISTIO_MUTUAL uses the mesh's certificates; PASSTHROUGH forwards the "
          "encrypted stream by SNI; AUTO_PASSTHROUGH routes on SNI alone, without a VirtualService. Empty: "
          "PASSTHROUGH, so a TLS block without a mode terminates nothing and its certificate is ignored."),
       tr("default (PASSTHROUGH)"),
       {QStringLiteral("SIMPLE"), QStringLiteral("MUTUAL"), QStringLiteral("ISTIO_MUTUAL"),
        QStringLiteral("PASSTHROUGH"), QStringLiteral("OPTIONAL_MUTUAL"), QStringLiteral("AUTO_PASSTHROUGH")}},
      {"tls.credentialName", FieldType::Choice, tr("Credential"),
       tr("The Kubernetes Secret with the server certificate and key (tls.crt and tls.key), in the namespace of "
          "the gateway pods; the list offers the project's Secrets. Empty: no credential, so SIMPLE and MUTUAL "
          "need certificate files instead."),
       tr("(none)")},
      {"tls.minProtocolVersion",
       FieldType::Choice,
       tr("Minimum TLS version"),
       tr("The oldest TLS version a client may use. Empty: TLS 1.2, Envoy's default for servers."),
       tr("default (TLS 1.2)"),
       {QStringLiteral("TLS_AUTO"), QStringLiteral("TLSV1_0"), QStringLiteral("TLSV1_1"), QStringLiteral("TLSV1_2"),
        QStringLiteral("TLSV1_3")}},
  }));
  redirectForm_->setFields(fieldSpecs({
      {"tls.httpsRedirect", FieldType::Boolean, tr("Redirect to HTTPS"),
       tr("Answer every plain-HTTP request on this server with a 301 to the same host and path over https://. "
          "Unchecked: requests are served over HTTP.")},
  }));
  auto* tlsLayout = new QVBoxLayout(tlsGroup_);
  tlsLayout->addWidget(tlsForm_);
  tlsLayout->addWidget(redirectForm_);

  servers_->setButtonToolTips(tr("Add an HTTP server on a free port, for every host"),
                              tr("Remove the selected server"));
  servers_->list()->setObjectName(QStringLiteral("servers"));
  auto* detailLayout = new QVBoxLayout(detail_);
  detailLayout->setContentsMargins(0, 0, 0, 0);
  detailLayout->addWidget(serverForm_);
  detailLayout->addWidget(tlsGroup_);
  detailLayout->addStretch(1);
  auto* area = new QScrollArea;
  area->setWidgetResizable(true);
  area->setFrameShape(QFrame::NoFrame);
  area->setWidget(detail_);
  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(servers_);
  split->addWidget(area);
  split->setStretchFactor(1, 3);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(selectorForm_);
  layout->addWidget(split, 1);

  for (FieldForm* form : {selectorForm_, serverForm_, tlsForm_, redirectForm_}) forward(form);
  connect(servers_, &EditableItemList::currentRowChanged, this, &GatewayEditor::showServer);
  connect(servers_, &EditableItemList::addRequested, this, &GatewayEditor::addServer);
  connect(servers_, &EditableItemList::removeRequested, this, [this](int row) {
    Q_EMIT edited({model::FieldEdit{"spec.servers[" + std::to_string(row) + "]", std::nullopt}}, QString());
  });
}

const model::Value* GatewayEditor::serversValue() const {
  const model::Value* servers = document_.at("spec.servers");
  return servers && servers->isSeq() ? servers : nullptr;
}

void GatewayEditor::load(const model::Resource& resource, const model::Project& project) {
  document_ = resource.document();
  // Another resource starts at its first item; the same one keeps the user's selection.
  if (resource.displayName() != shown_) servers_->selectAfterReload(0);
  shown_ = resource.displayName();
  tlsForm_->setChoices("tls.credentialName", WorkloadCatalog::build(project).secretNames());
  selectorForm_->load(document_);
  refreshServerList();
  showServer(servers_->currentRow());
}

void GatewayEditor::refreshServerList() {
  QList<EditableItemList::Item> items;
  if (const model::Value* servers = serversValue()) {
    for (const model::Value& server : servers->items()) {
      const QString protocol = textAt(server, "port.protocol");
      const QString number = textAt(server, "port.number");
      QStringList hosts;
      if (const model::Value* list = server.find("hosts"); list && list->isSeq())
        for (const model::Value& host : list->items()) hosts << q(host.text());
      EditableItemList::Item item;
      item.text =
          tr("%1 %2 — %3")
              .arg(protocol.isEmpty() ? tr("(no protocol)") : protocol, number.isEmpty() ? tr("(no port)") : number,
                   hosts.isEmpty() ? tr("(no hosts)") : hosts.join(QStringLiteral(", ")));
      item.toolTip = textAt(server, "port.name");
      items << item;
    }
  }
  servers_->setItems(items);
}

void GatewayEditor::showServer(int row) {
  detail_->setVisible(row >= 0);
  if (row < 0) return;
  const std::string base = "spec.servers[" + std::to_string(row) + "]";
  for (FieldForm* form : {serverForm_, tlsForm_, redirectForm_}) {
    form->setBasePath(base);
    form->load(document_);
  }
  // TLS matters for HTTPS and TLS servers; plain HTTP only has the redirect. Settings written
  // for another protocol stay visible, so they can be seen and removed.
  const QString protocol = textAt(document_, base + ".port.protocol").toUpper();
  const bool encrypted = protocol == QLatin1String("HTTPS") || protocol == QLatin1String("TLS");
  const bool plain = protocol == QLatin1String("HTTP");
  const model::Value* tls = document_.at(base + ".tls");
  const bool hasTlsSettings =
      tls && tls->isMap() &&
      std::any_of(tls->entries().begin(), tls->entries().end(),
                  [](const model::Value::Entry& entry) { return entry.key != "httpsRedirect"; });
  const bool hasRedirect = tls && tls->find("httpsRedirect");
  tlsForm_->setVisible(encrypted || hasTlsSettings);
  redirectForm_->setVisible(plain || hasRedirect);
  tlsGroup_->setVisible(tlsForm_->isVisibleTo(tlsGroup_) || redirectForm_->isVisibleTo(tlsGroup_));
}

void GatewayEditor::addServer() {
  const model::Value* servers = serversValue();
  std::set<std::string> names;
  std::set<std::int64_t> ports;
  if (servers)
    for (const model::Value& server : servers->items()) {
      if (const model::Value* name = server.at("port.name"); name && name->isScalar()) names.insert(name->text());
      if (const model::Value* number = server.at("port.number"))
        if (auto value = number->toInt()) ports.insert(*value);
    }
  std::int64_t number = 80;
  if (ports.count(number)) {
    number = 8080;
    while (ports.count(number)) ++number;
  }
  std::string name = "http-" + std::to_string(number);
  for (int n = 2; names.count(name); ++n) name = "http-" + std::to_string(number) + "-" + std::to_string(n);
  model::Value port = model::Value::map();
  port.set("number", model::Value::integer(number));
  port.set("name", model::Value::string(name));
  port.set("protocol", model::Value::string("HTTP"));
  model::Value hosts = model::Value::seq();
  hosts.append(model::Value::string("*"));
  model::Value server = model::Value::map();
  server.set("port", std::move(port));
  server.set("hosts", std::move(hosts));
  const std::size_t count = servers ? servers->items().size() : 0;
  servers_->selectAfterReload(int(count));
  Q_EMIT edited({model::FieldEdit{"spec.servers[" + std::to_string(count) + "]", std::move(server)}}, QString());
}

bool GatewayEditor::focusField(const std::string& path) {
  if (const auto item = model::FieldPath::itemIndex(path, "spec.servers")) {
    const int row = int(*item);
    if (row >= servers_->count()) return false;
    servers_->setCurrentRow(row);
    for (FieldForm* form : {serverForm_, tlsForm_, redirectForm_})
      if (form->isVisibleTo(this) && form->focusField(path)) return true;
    servers_->list()->setFocus(Qt::OtherFocusReason);
    return true;
  }
  return selectorForm_->focusField(path);
}

}  // namespace meshstudio::views

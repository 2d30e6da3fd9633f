#include "views/WorkloadEditor.h"

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <optional>
#include <set>

#include "model/KubernetesObjects.h"
#include "model/Project.h"
#include "model/Resource.h"
#include "views/EditableItemList.h"
#include "views/FieldEntry.h"
#include "views/FieldForm.h"
#include "views/WorkloadCatalog.h"

namespace meshstudio::views {

namespace {

constexpr const char* kAnnotations = "spec.template.metadata.annotations";
constexpr double kMaxMilliseconds = 60'000;  // the engine refuses longer latencies and handshakes
const char* const kLatency = "[meshstudio.dev/latency]";
const char* const kErrorRate = "[meshstudio.dev/error-rate]";
const char* const kErrorStatus = "[meshstudio.dev/error-status]";
const char* const kHandshake = "[meshstudio.dev/handshake]";
const char* const kUpstream = "[meshstudio.dev/upstream]";

QString q(const std::string& text) { return QString::fromStdString(text); }

/// A plain decimal as the engine reads it: digits with at most one dot, no sign or exponent.
std::optional<double> decimal(const QString& text) {
  static const QRegularExpression plain(QStringLiteral(R"(^(\d+\.?\d*|\.\d+)$)"));
  if (!plain.match(text).hasMatch()) return std::nullopt;
  return text.toDouble();
}

/// `25ms`, `1.5s` or `0`, in milliseconds, as the engine's PodBehaviour reads durations.
std::optional<double> milliseconds(const QString& raw) {
  const QString text = raw.trimmed();
  if (text == QLatin1String("0")) return 0.0;
  if (text.endsWith(QLatin1String("ms")))
    if (auto number = decimal(text.chopped(2))) return *number;
  if (text.endsWith(QLatin1Char('s')) && !text.endsWith(QLatin1String("ms")))
    if (auto number = decimal(text.chopped(1))) return *number * 1000;
  return std::nullopt;
}

void mark(QLineEdit* edit, const QString& problem) {
  edit->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("background-color: #f8d0d0;"));
  edit->setProperty("problem", problem);  // FieldForm writes nothing while a problem is set
}

QString textAt(const model::Value& root, std::string_view path) {
  const model::Value* value = root.at(path);
  return value && value->isScalar() && !value->isNull() ? q(value->text()) : QString();
}

}  // namespace

WorkloadEditor::WorkloadEditor(QWidget* parent)
    : ResourceEditor(parent),
      pages_(new QStackedWidget(this)),
      selectorForm_(new FieldForm),
      selectionStatus_(new QLabel),
      ports_(new EditableItemList),
      portDetail_(new QWidget),
      portForm_(new FieldForm),
      deploymentForm_(new FieldForm),
      labelWarning_(new QLabel),
      simulationForm_(new FieldForm) {
  servicePage_ = buildServicePage();
  deploymentPage_ = buildDeploymentPage();
  pages_->addWidget(servicePage_);
  pages_->addWidget(deploymentPage_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(pages_);
}

QWidget* WorkloadEditor::buildServicePage() {
  auto* page = new QWidget;
  selectorForm_->setFields(fieldSpecs({
      {"spec.selector", FieldType::StringMap, tr("Selector"),
       tr("Labels a pod needs to receive this Service's traffic, in the Service's namespace. Empty: no pod is "
          "selected (the endpoints would be managed by hand).")},
  }));
  selectionStatus_->setObjectName(QStringLiteral("selectionStatus"));
  selectionStatus_->setWordWrap(true);
  portForm_->setFields(fieldSpecs({
      {"name", FieldType::Text, tr("Name"),
       tr("The port's name. Without an app protocol Istio takes the protocol from a name such as http-web or "
          "grpc-api. Required when the Service has more than one port."),
       tr("e.g. http-web")},
      {"port",
       FieldType::Integer,
       tr("Port"),
       tr("The port clients call on the Service. Required."),
       tr("required"),
       {},
       1,
       65535},
      {"targetPort", FieldType::Text, tr("Target port"),
       tr("Where the pods receive the requests: a container port number, or the name of a container port. Empty: "
          "the same number as the port."),
       tr("same as the port")},
      {"appProtocol", FieldType::Text, tr("App protocol"),
       tr("The protocol Istio assumes on this port: http, http2, grpc, tcp, tls, https and so on. Empty: taken "
          "from the name's prefix (http-, grpc-, ...), else detected from the first bytes (HTTP, otherwise TCP)."),
       tr("from the name")},
  }));
  ports_->setButtonToolTips(tr("Add an HTTP port on a free number"), tr("Remove the selected port"));
  ports_->list()->setObjectName(QStringLiteral("ports"));
  auto* detailLayout = new QVBoxLayout(portDetail_);
  detailLayout->setContentsMargins(0, 0, 0, 0);
  detailLayout->addWidget(portForm_);
  detailLayout->addStretch(1);
  auto* split = new QSplitter(Qt::Horizontal);
  split->addWidget(ports_);
  split->addWidget(portDetail_);
  split->setStretchFactor(1, 2);
  auto* portsBox = new QGroupBox(tr("Ports"));
  auto* portsLayout = new QVBoxLayout(portsBox);
  portsLayout->addWidget(split);

  auto* layout = new QVBoxLayout(page);
  layout->addWidget(selectorForm_);
  layout->addWidget(selectionStatus_);
  layout->addWidget(portsBox, 1);

  forward(selectorForm_);
  connect(portForm_, &FieldForm::edited, this,
          [this](const std::vector<model::FieldEdit>& edits, const QString& mergeKey) {
            Q_EMIT edited(withNumericTargetPort(edits), mergeKey);
          });
  connect(ports_, &EditableItemList::currentRowChanged, this, &WorkloadEditor::showPort);
  connect(ports_, &EditableItemList::addRequested, this, &WorkloadEditor::addPort);
  connect(ports_, &EditableItemList::removeRequested, this, [this](int row) {
    Q_EMIT edited({model::FieldEdit{"spec.ports[" + std::to_string(row) + "]", std::nullopt}}, QString());
  });
  return page;
}

QWidget* WorkloadEditor::buildDeploymentPage() {
  auto* page = new QWidget;
  deploymentForm_->setFields(fieldSpecs({
      {"spec.replicas",
       FieldType::Integer,
       tr("Replicas"),
       tr("How many pods run this template; the simulation starts as many. Empty: 1."),
       tr("default (1)"),
       {},
       0},
      {"spec.template.metadata.labels", FieldType::StringMap, tr("Pod labels"),
       tr("Labels of the pods: Services select pods by them and DestinationRule subsets choose among them. They "
          "must keep every label of the Deployment's selector (spec.selector.matchLabels).")},
  }));
  labelWarning_->setObjectName(QStringLiteral("labelWarning"));
  labelWarning_->setWordWrap(true);
  QPalette warning = labelWarning_->palette();
  warning.setColor(QPalette::WindowText, EditableItemList::warningColour(palette()));
  labelWarning_->setPalette(warning);

  simulationForm_->setBasePath(kAnnotations);
  simulationForm_->setFields(fieldSpecs({
      {kLatency, FieldType::Text, tr("Latency"),
       tr("How long a simulated pod takes to answer: a fixed time such as 25ms or 1.5s, or a range such as "
          "10ms-80ms drawn anew for each request; at most 60s. Empty: it answers at once."),
       tr("none, e.g. 25ms or 10ms-80ms")},
      {kErrorRate, FieldType::Text, tr("Error rate"),
       tr("The share of requests answered with the error status: a fraction such as 0.05, or a percentage such "
          "as 5%. Empty: no injected errors."),
       tr("none, e.g. 0.05 or 5%")},
      {kErrorStatus,
       FieldType::Integer,
       tr("Error status"),
       tr("The HTTP status of the injected errors, 400 to 599. Empty: 503."),
       tr("default (503)"),
       {},
       400,
       599},
      {kHandshake, FieldType::Text, tr("Connection handshake"),
       tr("Extra time to open a connection to the pod, such as a sidecar-to-sidecar mTLS handshake (1ms); "
          "requests wait as pending meanwhile. At most 60s. Empty: none."),
       tr("none, e.g. 1ms")},
      {kUpstream, FieldType::Text, tr("Real upstream"),
       tr("Send this pod's requests to a real local process instead of simulating it: host:port, or one "
          "host:port per replica separated by commas. Empty: the pod is simulated."),
       tr("simulated, e.g. 127.0.0.1:9081")},
  }));
  auto* simulation = new QGroupBox(tr("Simulation (meshstudio.dev annotations of the pods)"));
  auto* simulationLayout = new QVBoxLayout(simulation);
  simulationLayout->addWidget(simulationForm_);

  auto* layout = new QVBoxLayout(page);
  layout->addWidget(deploymentForm_);
  layout->addWidget(labelWarning_);
  layout->addWidget(simulation);
  layout->addStretch(1);

  forward(deploymentForm_);
  connect(simulationForm_, &FieldForm::edited, this,
          [this](const std::vector<model::FieldEdit>& edits, const QString& mergeKey) {
            Q_EMIT edited(asAnnotationStrings(edits), mergeKey);
          });
  const std::pair<const char*, QString (*)(const QString&)> checks[] = {{kLatency, &latencyProblem},
                                                                        {kErrorRate, &errorRateProblem},
                                                                        {kHandshake, &handshakeProblem},
                                                                        {kUpstream, &upstreamProblem}};
  for (const auto& [path, problem] : checks) {
    auto* edit = static_cast<QLineEdit*>(simulationForm_->control(path));
    edit->setProperty("explanation", edit->toolTip());  // shown again once a problem is fixed
    connect(edit, &QLineEdit::textChanged, this, [this, edit, check = problem] { checkAnnotation(edit, check); });
  }
  return page;
}

bool WorkloadEditor::showsService() const { return pages_->currentWidget() == servicePage_; }

void WorkloadEditor::load(const model::Resource& resource, const model::Project& project) {
  document_ = resource.document();
  // Another resource starts at its first item; the same one keeps the user's selection.
  if (resource.displayName() != shown_) ports_->selectAfterReload(0);
  shown_ = resource.displayName();
  const WorkloadCatalog catalog = WorkloadCatalog::build(project);
  if (resource.kind() == model::ResourceKind::Service) {
    pages_->setCurrentWidget(servicePage_);
    selectorForm_->load(document_);
    const model::StringMap selector = model::serviceOf(resource).value_or(model::ServiceObject{}).selector;
    const auto selected = catalog.selectedBy(selector, catalog.namespaceOf(resource));
    QStringList names;
    for (const WorkloadCatalog::Workload* workload : selected) names << q(workload->name);
    const std::int64_t pods = WorkloadCatalog::podCount(selected, {});
    selectionStatus_->setText(
        selector.empty() ? tr("No selector: no pod receives this Service's traffic.")
        : pods == 0      ? tr("Selects no pods: no Deployment or Pod in this namespace carries these labels.")
                         : tr("Selects %n pod(s): %1", nullptr, int(pods)).arg(names.join(QStringLiteral(", "))));
    selectionStatus_->setProperty("pods", qlonglong(pods));
    refreshPortList();
    showPort(ports_->currentRow());
    return;
  }
  pages_->setCurrentWidget(deploymentPage_);
  deploymentForm_->load(document_);
  simulationForm_->load(document_);
  checkAnnotations();
  const auto deployment = model::deploymentOf(resource);
  QStringList missing;
  if (deployment)
    for (const auto& [key, value] : deployment->matchLabels)
      if (const std::string* label = deployment->pod.labels.find(key); !label || *label != value)
        missing << q(key) + QLatin1Char('=') + q(value);
  labelWarning_->setText(missing.isEmpty() ? QString()
                                           : tr("The pod labels lack %1 of the Deployment's selector; Kubernetes "
                                                "rejects a Deployment whose selector does not match its pods.")
                                                 .arg(missing.join(QStringLiteral(", "))));
  labelWarning_->setVisible(!missing.isEmpty());
}

void WorkloadEditor::refreshPortList() {
  QList<EditableItemList::Item> items;
  if (const model::Value* ports = document_.at("spec.ports"); ports && ports->isSeq()) {
    for (const model::Value& port : ports->items()) {
      const QString name = textAt(port, "name");
      const QString number = textAt(port, "port");
      const QString target = textAt(port, "targetPort");
      EditableItemList::Item item;
      item.text = tr("%1 %2").arg(name.isEmpty() ? tr("(no name)") : name, number);
      if (!target.isEmpty() && target != number) item.text += tr(" → %1").arg(target);
      item.toolTip = textAt(port, "appProtocol");
      items << item;
    }
  }
  ports_->setItems(items);
}

void WorkloadEditor::showPort(int row) {
  portDetail_->setVisible(row >= 0);
  if (row < 0) return;
  portForm_->setBasePath("spec.ports[" + std::to_string(row) + "]");
  portForm_->load(document_);
}

void WorkloadEditor::addPort() {
  const model::Value* ports = document_.at("spec.ports");
  std::set<std::int64_t> numbers;
  std::set<std::string> names;
  const std::size_t count = ports && ports->isSeq() ? ports->items().size() : 0;
  for (std::size_t i = 0; i < count; ++i) {
    const model::Value& port = ports->items()[i];
    if (const model::Value* number = port.find("port"))
      if (auto value = number->toInt()) numbers.insert(*value);
    if (const model::Value* name = port.find("name"); name && name->isScalar()) names.insert(name->text());
  }
  std::int64_t number = 80;
  if (numbers.count(number)) {
    number = 8080;
    while (numbers.count(number)) ++number;
  }
  std::string name = "http-" + std::to_string(number);
  while (names.count(name)) name += "-new";
  model::Value port = model::Value::map();
  port.set("name", model::Value::string(name));
  port.set("port", model::Value::integer(number));
  port.set("targetPort", model::Value::integer(number));
  ports_->selectAfterReload(int(count));
  Q_EMIT edited({model::FieldEdit{"spec.ports[" + std::to_string(count) + "]", std::move(port)}}, QString());
}

std::vector<model::FieldEdit> WorkloadEditor::withNumericTargetPort(std::vector<model::FieldEdit> edits) const {
  // targetPort is an int-or-string: "9080" as a string would name a container port "9080".
  static const QRegularExpression digits(QStringLiteral("^\\d+$"));
  for (model::FieldEdit& edit : edits)
    if (edit.value && edit.path.ends_with(".targetPort") && edit.value->isString() &&
        digits.match(q(edit.value->text())).hasMatch())
      edit.value = model::Value::integer(std::stoll(edit.value->text()));
  return edits;
}

std::vector<model::FieldEdit> WorkloadEditor::asAnnotationStrings(std::vector<model::FieldEdit> edits) const {
  // Kubernetes annotations are strings; `503` unquoted would be refused by the API server.
  for (model::FieldEdit& edit : edits)
    if (edit.value && edit.value->isScalar() && !edit.value->isString())
      edit.value = model::Value::string(edit.value->text());
  return edits;
}

void WorkloadEditor::checkAnnotation(QLineEdit* edit, QString (*problem)(const QString&)) {
  const QString text = edit->text().trimmed();
  mark(edit, text.isEmpty() ? QString() : problem(text));
  edit->setToolTip(edit->property("problem").toString().isEmpty() ? edit->property("explanation").toString()
                                                                  : edit->property("problem").toString());
}

void WorkloadEditor::checkAnnotations() {
  const std::pair<const char*, QString (*)(const QString&)> checks[] = {{kLatency, &latencyProblem},
                                                                        {kErrorRate, &errorRateProblem},
                                                                        {kHandshake, &handshakeProblem},
                                                                        {kUpstream, &upstreamProblem}};
  for (const auto& [path, problem] : checks)
    checkAnnotation(static_cast<QLineEdit*>(simulationForm_->control(path)), problem);
}

bool WorkloadEditor::focusField(const std::string& path) {
  if (showsService()) {
    if (const auto item = model::FieldPath::itemIndex(path, "spec.ports"); item && int(*item) < ports_->count()) {
      const int row = int(*item);
      ports_->setCurrentRow(row);
      if (portForm_->focusField(path)) return true;
      ports_->list()->setFocus(Qt::OtherFocusReason);
      return true;
    }
    return selectorForm_->focusField(path);
  }
  return deploymentForm_->focusField(path) || simulationForm_->focusField(path);
}

QString WorkloadEditor::latencyProblem(const QString& text) {
  const qsizetype dash = text.indexOf(QLatin1Char('-'));
  const auto low = milliseconds(dash < 0 ? text : text.left(dash));
  const auto high = dash < 0 ? low : milliseconds(text.mid(dash + 1));
  if (!low || !high) return tr("Write a fixed latency such as 25ms or 1.5s, or a range such as 10ms-80ms.");
  if (*low > kMaxMilliseconds || *high > kMaxMilliseconds) return tr("A simulated latency is at most 60s.");
  if (*low > *high) return tr("The range starts above its end: write the smaller latency first.");
  return {};
}

QString WorkloadEditor::errorRateProblem(const QString& text) {
  const bool percent = text.endsWith(QLatin1Char('%'));
  const auto number = decimal((percent ? text.chopped(1) : text).trimmed());
  if (!number) return tr("Write a fraction from 0 to 1 such as 0.05, or a percentage such as 5%.");
  if (*number > (percent ? 100 : 1))
    return percent ? tr("At most 100%.") : tr("A fraction is at most 1 (or write 5%).");
  return {};
}

QString WorkloadEditor::handshakeProblem(const QString& text) {
  const auto duration = milliseconds(text);
  if (!duration) return tr("Write a duration such as 1ms or 0.5s.");
  if (*duration > kMaxMilliseconds) return tr("A handshake is at most 60s.");
  return {};
}

QString WorkloadEditor::upstreamProblem(const QString& text) {
  static const QRegularExpression address(QStringLiteral(R"(^(\[[0-9A-Fa-f:.]+\]|[^\s:,\[\]]+):(\d{1,5})$)"));
  for (const QString& entry : text.split(QLatin1Char(','))) {
    const auto match = address.match(entry.trimmed());
    const int port = match.hasMatch() ? match.captured(2).toInt() : 0;
    if (port < 1 || port > 65535)
      return tr(
          "Write host:port such as 127.0.0.1:9081, or one host:port per replica separated by commas "
          "(IPv6 in brackets: [::1]:9081).");
  }
  return {};
}

}  // namespace meshstudio::views

#include "views/RouteDestinationsEditor.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStringListModel>
#include <QVBoxLayout>

#include "views/WeightSplitEditor.h"

namespace meshstudio::views {

namespace {

using model::Value;

QString toQ(const std::string& text) { return QString::fromStdString(text); }

}  // namespace

RouteDestinationsEditor::RouteDestinationsEditor(QWidget* parent)
    : QWidget(parent),
      grid_(new QGridLayout),
      note_(new QLabel(this)),
      add_(new QPushButton(this)),
      split_(new WeightSplitEditor(this)),
      hostModel_(new QStringListModel(this)) {
  auto* layout = new QVBoxLayout(this);
  note_->setWordWrap(true);
  note_->hide();
  layout->addWidget(note_);
  grid_->addWidget(new QLabel(tr("Host"), this), 0, 0);
  grid_->addWidget(new QLabel(tr("Subset"), this), 0, 1);
  grid_->addWidget(new QLabel(tr("Port"), this), 0, 2);
  grid_->setColumnStretch(0, 3);
  grid_->setColumnStretch(1, 1);
  layout->addLayout(grid_);
  add_->setText(tr("Add destination"));
  add_->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
  add_->setToolTip(
      tr("Adds a destination with weight 0, so the split does not change until you move its slider. "
         "Destinations without a weight get theirs written, as Istio reads them."));
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_);
  buttons->addStretch(1);
  layout->addLayout(buttons);
  layout->addWidget(split_);
  layout->addStretch(1);
  connect(add_, &QPushButton::clicked, this, &RouteDestinationsEditor::addDestination);
  connect(split_, &WeightSplitEditor::weightsEdited, this, &RouteDestinationsEditor::weightsEdited);
  connect(split_, &WeightSplitEditor::lockToggled, this, [this] { locks_[toQ(basePath_)] = split_->locked(); });
}

void RouteDestinationsEditor::setBasePath(const std::string& routePath) { basePath_ = routePath; }

void RouteDestinationsEditor::setPickers(const ProjectPickers& pickers) {
  pickers_ = pickers;
  if (hostModel_->stringList() != pickers.hosts()) hostModel_->setStringList(pickers.hosts());
}

std::string RouteDestinationsEditor::destinationPath(int row) const {
  return basePath_ + ".route[" + std::to_string(row) + "]";
}

void RouteDestinationsEditor::rebuildRows(std::size_t count) {
  // deleteLater: a Remove click is still being delivered when the reload it causes gets here.
  for (const Row& row : rows_)
    for (QWidget* widget : {static_cast<QWidget*>(row.host), static_cast<QWidget*>(row.subset),
                            static_cast<QWidget*>(row.port), static_cast<QWidget*>(row.remove)}) {
      widget->disconnect(this);
      widget->hide();
      widget->deleteLater();
    }
  rows_.clear();
  for (std::size_t i = 0; i < count; ++i) {
    const int index = static_cast<int>(i);
    Row row;
    row.host = new QLineEdit(this);
    row.host->setPlaceholderText(tr("host"));
    row.host->setToolTip(
        tr("The service traffic goes to: a short name resolves in this VirtualService's namespace "
           "(reviews), or a fully qualified name (reviews.shop.svc.cluster.local), or a ServiceEntry host."));
    auto* completer = new QCompleter(hostModel_, row.host);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    row.host->setCompleter(completer);
    row.subset = new QComboBox(this);
    row.subset->setToolTip(
        tr("A subset of the host defined by a DestinationRule (pods selected by labels). None: every "
           "endpoint of the host. A subset no DestinationRule defines makes requests fail with 503."));
    row.port = new QSpinBox(this);
    row.port->setRange(0, 65535);
    row.port->setSpecialValueText(tr("any"));
    row.port->setKeyboardTracking(false);
    row.port->setToolTip(
        tr("The service port to send to; needed only when the host has several ports. Empty (any): the "
           "host's only port."));
    row.port->installEventFilter(this);
    row.remove = new QPushButton(tr("Remove"), this);
    row.remove->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    row.remove->setToolTip(tr("Removes this destination; the others keep their weights."));
    grid_->addWidget(row.host, index + 1, 0);
    grid_->addWidget(row.subset, index + 1, 1);
    grid_->addWidget(row.port, index + 1, 2);
    grid_->addWidget(row.remove, index + 1, 3);
    connect(row.host, &QLineEdit::editingFinished, this, [this, index] { hostEdited(index); });
    connect(row.subset, &QComboBox::activated, this, [this, index] { subsetChosen(index); });
    connect(row.port, &QSpinBox::valueChanged, this, [this, index] { portChanged(index); });
    connect(row.remove, &QPushButton::clicked, this, [this, index] { removeDestination(index); });
    rows_.push_back(row);
  }
}

void RouteDestinationsEditor::load(const model::HTTPRoute& route, const QString& defaultHost) {
  loading_ = true;
  route_ = route;
  defaultHost_ = defaultHost;
  if (rows_.size() != route.route.size()) rebuildRows(route.route.size());
  for (std::size_t i = 0; i < route.route.size(); ++i) showRow(static_cast<int>(i), route.route[i]);

  if (route.route.empty()) {
    note_->setText(route.redirect         ? tr("This route redirects; it sends traffic to no destination.")
                   : route.directResponse ? tr("This route answers by itself; it sends traffic to no destination.")
                   : route.delegate       ? tr("This route delegates to another VirtualService.")
                                          : tr("This route has no destination yet. Add one."));
  }
  note_->setVisible(route.route.empty());
  split_->setVisible(!route.route.empty());
  QList<WeightSplitEditor::Row> rows = WeightSplitEditor::rowsFor(route.route);
  const QList<bool> locked = locks_.value(toQ(basePath_));
  if (locked.size() == rows.size())
    for (qsizetype i = 0; i < rows.size(); ++i) rows[i].locked = locked[i];
  split_->setDestinations(rows);  // the same labels keep the sliders: a drag goes on
  loading_ = false;
}

void RouteDestinationsEditor::showRow(int index, const model::HTTPRouteDestination& destination) {
  const Row& row = rows_[std::size_t(index)];
  const QSignalBlocker blockHost(row.host), blockSubset(row.subset), blockPort(row.port);
  const model::Destination target = destination.destination.value_or(model::Destination{});
  const QString host = toQ(target.host.value_or(""));
  if (row.host->text() != host) row.host->setText(host);
  const QString subset = toQ(target.subset.value_or(""));
  QStringList items{tr("(no subset)")};
  items << pickers_.subsetsFor(host);
  if (!subset.isEmpty() && !items.mid(1).contains(subset)) items << subset;  // kept visible, even if undefined
  QStringList shown;
  for (int i = 0; i < row.subset->count(); ++i) shown << row.subset->itemText(i);
  if (shown != items) {
    row.subset->clear();
    row.subset->addItems(items);
  }
  row.subset->setCurrentIndex(subset.isEmpty() ? 0 : static_cast<int>(items.indexOf(subset, 1)));
  row.port->setValue(target.port && target.port->number ? static_cast<int>(*target.port->number) : 0);
}

void RouteDestinationsEditor::hostEdited(int row) {
  const QString host = rows_[std::size_t(row)].host->text().trimmed();
  if (host.isEmpty()) return;  // a destination needs a host: keep the written one
  Q_EMIT edited({{destinationPath(row) + ".destination.host", Value::string(host.toStdString())}}, QString());
}

void RouteDestinationsEditor::subsetChosen(int row) {
  const QComboBox* box = rows_[std::size_t(row)].subset;
  std::optional<Value> subset;
  if (box->currentIndex() > 0) subset = Value::string(box->currentText().toStdString());
  Q_EMIT edited({{destinationPath(row) + ".destination.subset", subset}}, QString());
}

void RouteDestinationsEditor::portChanged(int row) {
  if (loading_) return;
  const int port = rows_[std::size_t(row)].port->value();
  const std::string path = destinationPath(row) + ".destination.port";
  Q_EMIT edited(
      {port == 0 ? model::FieldEdit{path, std::nullopt} : model::FieldEdit{path + ".number", Value::integer(port)}},
      QStringLiteral("destination-port:%1:%2").arg(toQ(path)).arg(gesture_));
}

void RouteDestinationsEditor::addDestination() {
  const QString host = defaultHost_.isEmpty() ? tr("host") : defaultHost_;
  Value destination = Value::map();
  destination.set("destination", Value::map()).set("host", Value::string(host.toStdString()));
  std::vector<model::FieldEdit> edits;
  if (!route_.route.empty()) {
    // Beside another destination a missing weight reads as 0: write what each one gets today
    // (a lone destination all of it), and let the new one start at 0.
    const QList<WeightSplitEditor::Row> rows = WeightSplitEditor::rowsFor(route_.route);
    for (qsizetype i = 0; i < rows.size(); ++i)
      if (!route_.route[std::size_t(i)].weight)
        edits.push_back({destinationPath(int(i)) + ".weight", Value::integer(rows[i].weight)});
    destination.set("weight", Value::integer(0));
  }
  edits.push_back({destinationPath(static_cast<int>(route_.route.size())), std::move(destination)});
  Q_EMIT edited(edits, QString());
}

void RouteDestinationsEditor::removeDestination(int row) {
  locks_.remove(toQ(basePath_));  // the rows shift: their locks no longer fit
  Q_EMIT edited({{destinationPath(row), std::nullopt}}, QString());
}

void RouteDestinationsEditor::weightsEdited(const QList<int>& weights, int mergeKey) {
  std::vector<model::FieldEdit> edits;
  for (qsizetype i = 0; i < weights.size(); ++i)
    edits.push_back({destinationPath(int(i)) + ".weight", Value::integer(weights[i])});
  // One merge key per drag: every step of it merges into one undo command.
  Q_EMIT edited(edits, QStringLiteral("route-weights-%1").arg(mergeKey));
}

bool RouteDestinationsEditor::focusField(const std::string& fullPath) {
  for (int i = 0; i < count(); ++i) {
    const std::string base = destinationPath(i);
    if (!model::FieldPath::isWithin(fullPath, base)) continue;
    QWidget* target = rows_[std::size_t(i)].host;
    if (model::FieldPath::isWithin(fullPath, base + ".destination.subset")) target = rows_[std::size_t(i)].subset;
    if (model::FieldPath::isWithin(fullPath, base + ".destination.port")) target = rows_[std::size_t(i)].port;
    if (model::FieldPath::isWithin(fullPath, base + ".weight") && split_->spinBox(i)) target = split_->spinBox(i);
    target->setFocus(Qt::OtherFocusReason);
    return true;
  }
  if (!model::FieldPath::isWithin(fullPath, basePath_ + ".route")) return false;
  add_->setFocus(Qt::OtherFocusReason);
  return true;
}

QLineEdit* RouteDestinationsEditor::hostEdit(int row) const {
  return row >= 0 && row < count() ? rows_[std::size_t(row)].host : nullptr;
}
QComboBox* RouteDestinationsEditor::subsetBox(int row) const {
  return row >= 0 && row < count() ? rows_[std::size_t(row)].subset : nullptr;
}
QSpinBox* RouteDestinationsEditor::portBox(int row) const {
  return row >= 0 && row < count() ? rows_[std::size_t(row)].port : nullptr;
}
QPushButton* RouteDestinationsEditor::removeButton(int row) const {
  return row >= 0 && row < count() ? rows_[std::size_t(row)].remove : nullptr;
}

bool RouteDestinationsEditor::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::FocusIn) ++gesture_;
  return QWidget::eventFilter(watched, event);
}

}  // namespace meshstudio::views

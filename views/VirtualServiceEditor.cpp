#include "views/VirtualServiceEditor.h"

#include <QApplication>
#include <QCompleter>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollArea>
#include <QStringListModel>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

#include "model/Project.h"
#include "model/Resource.h"
#include "views/HttpMatchEditor.h"
#include "views/HttpRouteForms.h"
#include "views/HttpRouteList.h"
#include "views/HttpRouteSummary.h"
#include "views/RouteDestinationsEditor.h"
#include "views/StringMatchListEditor.h"
#include "views/VirtualServiceHostsEditor.h"

namespace meshstudio::views {

namespace {

using model::Value;

QString toQ(const std::string& text) { return QString::fromStdString(text); }

/// Which tab edits a route's field, by the field's first key.
const std::map<std::string, int>& tabOfKey() {
  static const std::map<std::string, int> tabs{
      {"match", VirtualServiceEditor::MatchTab},
      {"route", VirtualServiceEditor::DestinationsTab},
      {"rewrite", VirtualServiceEditor::RewriteTab},
      {"redirect", VirtualServiceEditor::RewriteTab},
      {"directResponse", VirtualServiceEditor::RewriteTab},
      {"delegate", VirtualServiceEditor::RewriteTab},
      {"headers", VirtualServiceEditor::HeadersTab},
      {"timeout", VirtualServiceEditor::RetriesTab},
      {"retries", VirtualServiceEditor::RetriesTab},
      {"fault", VirtualServiceEditor::FaultTab},
      {"mirror", VirtualServiceEditor::MirrorTab},
      {"mirrors", VirtualServiceEditor::MirrorTab},
      {"mirrorPercentage", VirtualServiceEditor::MirrorTab},
      {"corsPolicy", VirtualServiceEditor::CorsTab},
  };
  return tabs;
}

}  // namespace

VirtualServiceEditor::VirtualServiceEditor(QWidget* parent)
    : ResourceEditor(parent),
      hosts_(new VirtualServiceHostsEditor(this)),
      routes_(new HttpRouteList(this)),
      note_(new QLabel(this)),
      detail_(new QWidget(this)),
      routeForm_(new FieldForm(HttpRouteForms::route(), detail_)),
      tabs_(new QTabWidget(detail_)),
      match_(new HttpMatchEditor),
      destinations_(new RouteDestinationsEditor),
      origins_(new StringMatchListEditor),
      hostModel_(new QStringListModel(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(hosts_);
  auto* routesBox = new QGroupBox(tr("HTTP routes, in the order they are tried"), this);
  (new QVBoxLayout(routesBox))->addWidget(routes_);
  routes_->setMinimumHeight(150);
  layout->addWidget(routesBox);
  note_->setWordWrap(true);
  note_->hide();
  layout->addWidget(note_);
  auto* detailLayout = new QVBoxLayout(detail_);
  detailLayout->setContentsMargins(0, 0, 0, 0);
  detailLayout->addWidget(routeForm_);
  detailLayout->addWidget(tabs_, 1);
  tabs_->setMinimumHeight(340);  // the pages scroll; keep room for a form
  layout->addWidget(detail_, 1);
  buildTabs();

  connect(hosts_, &VirtualServiceHostsEditor::edited, this, &VirtualServiceEditor::propose);
  connect(routeForm_, &FieldForm::edited, this, &VirtualServiceEditor::propose);
  connect(match_, &HttpMatchEditor::edited, this, &VirtualServiceEditor::propose);
  connect(destinations_, &RouteDestinationsEditor::edited, this, &VirtualServiceEditor::propose);
  connect(origins_, &StringMatchListEditor::edited, this, &VirtualServiceEditor::propose);
  connect(routes_, &HttpRouteList::currentRouteChanged, this, &VirtualServiceEditor::routeChosen);
  connect(routes_, &HttpRouteList::addRequested, this, &VirtualServiceEditor::addRoute);
  connect(routes_, &HttpRouteList::removeRequested, this, &VirtualServiceEditor::removeRoute);
  connect(routes_, &HttpRouteList::moveRequested, this, &VirtualServiceEditor::moveRoute);
}

FieldForm* VirtualServiceEditor::addForm(int tab, QWidget* page, const QList<FieldSpec>& fields, const QString& title) {
  auto* form = new FieldForm(fields);
  if (title.isEmpty()) {
    page->layout()->addWidget(form);
  } else {
    auto* box = new QGroupBox(title, page);
    (new QVBoxLayout(box))->addWidget(form);
    page->layout()->addWidget(box);
  }
  forms_.emplace_back(tab, form);
  connect(form, &FieldForm::edited, this, &VirtualServiceEditor::propose);
  return form;
}

void VirtualServiceEditor::buildTabs() {
  // Each page scrolls by itself: the widest page (the retry conditions) must not make the whole
  // editor wider than the window's middle pane.
  auto addPage = [this](QWidget* content, const QString& title) {
    auto* area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    tabs_->addTab(area, title);
  };
  auto page = [&addPage](const QString& title) {
    auto* widget = new QWidget;
    new QVBoxLayout(widget);
    addPage(widget, title);
    return widget;
  };
  tabs_->setUsesScrollButtons(true);
  addPage(match_, tr("Match"));
  tabs_->setTabToolTip(MatchTab, tr("Which requests the route takes: blocks of conditions, any block may match."));
  addPage(destinations_, tr("Destinations"));
  tabs_->setTabToolTip(DestinationsTab, tr("Where the route sends traffic, and how it splits it."));

  QWidget* rewrite = page(tr("Rewrite / redirect"));
  addForm(RewriteTab, rewrite, HttpRouteForms::rewrite(), tr("Rewrite before forwarding"));
  addForm(RewriteTab, rewrite, HttpRouteForms::redirect(), tr("Redirect instead of forwarding"));
  addForm(RewriteTab, rewrite, HttpRouteForms::directResponse(), tr("Answer directly"));
  static_cast<QVBoxLayout*>(rewrite->layout())->addStretch(1);
  if (auto* pattern = qobject_cast<QLineEdit*>(
          formFor("rewrite.uriRegexRewrite.match")->control("rewrite.uriRegexRewrite.match"))) {
    pattern->setProperty("fieldToolTip", pattern->toolTip());
    connect(pattern, &QLineEdit::textChanged, this, &VirtualServiceEditor::checkRegexRewrite);
  }

  QWidget* headers = page(tr("Headers"));
  addForm(HeadersTab, headers, HttpRouteForms::headerOperations(true), tr("Request (to the destination)"));
  addForm(HeadersTab, headers, HttpRouteForms::headerOperations(false), tr("Response (to the caller)"));

  QWidget* retries = page(tr("Timeout && retries"));
  addForm(RetriesTab, retries, HttpRouteForms::timeoutAndRetries());
  QWidget* fault = page(tr("Fault"));
  addForm(FaultTab, fault, HttpRouteForms::fault());
  QWidget* mirror = page(tr("Mirror"));
  FieldForm* mirrorForm = addForm(MirrorTab, mirror, HttpRouteForms::mirror());
  if (auto* host = qobject_cast<QLineEdit*>(mirrorForm->control("mirror.host"))) {
    auto* completer = new QCompleter(hostModel_, host);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    host->setCompleter(completer);
  }

  QWidget* cors = page(tr("CORS"));
  auto* origins = new QGroupBox(tr("Allowed origins"), cors);
  origins->setToolTip(
      tr("Origins whose pages may call this route from a browser (Access-Control-Allow-Origin). Empty: no "
         "origin is allowed and the CORS policy does nothing."));
  (new QVBoxLayout(origins))->addWidget(origins_);
  cors->layout()->addWidget(origins);
  addForm(CorsTab, cors, HttpRouteForms::cors());
  for (QWidget* stretched : {headers, retries, fault, mirror, cors})
    static_cast<QVBoxLayout*>(stretched->layout())->addStretch(1);
}

FieldForm* VirtualServiceEditor::formFor(const std::string& relativePath) const {
  if (routeForm_->control(relativePath)) return routeForm_;
  for (const auto& [tab, form] : forms_)
    if (form->control(relativePath)) return form;
  return nullptr;
}

WeightSplitEditor* VirtualServiceEditor::splitEditor() const { return destinations_->splitEditor(); }

std::string VirtualServiceEditor::routePath() const { return "spec.http[" + std::to_string(route_) + "]"; }

void VirtualServiceEditor::load(const model::Resource& resource, const model::Project& project) {
  document_ = resource.document();
  if (resource.displayName() != identity_) {
    identity_ = resource.displayName();  // another VirtualService: start at its first route
    route_ = 0;
    destinations_->resetLocks();
    match_->setBasePath({});
  }
  namespace_ = resource.namespaceName().empty() ? ProjectPickers::defaultNamespace(project) : resource.namespaceName();
  spec_ = resource.specAs<model::VirtualServiceSpec>().value_or(model::VirtualServiceSpec{});
  if (ProjectPickers pickers = ProjectPickers::build(project, namespace_); !(pickers == pickers_)) {
    pickers_ = std::move(pickers);
    destinations_->setPickers(pickers_);
    hostModel_->setStringList(pickers_.hosts());
  }
  hosts_->load(document_, pickers_, namespace_);
  showRoutes();
  showRoute();
}

void VirtualServiceEditor::showRoutes() {
  const int catchAll = HttpRouteSummary::firstCatchAll(spec_.http);
  QList<HttpRouteList::Entry> entries;
  for (std::size_t i = 0; i < spec_.http.size(); ++i) {
    const model::HTTPRoute& route = spec_.http[i];
    const int number = static_cast<int>(i) + 1;
    const QString name = route.name ? toQ(*route.name) : tr("(unnamed)");
    HttpRouteList::Entry entry;
    entry.text = tr("%1. %2 — %3\n%4")
                     .arg(number)
                     .arg(name, HttpRouteSummary::matchText(route), HttpRouteSummary::actionText(route));
    entry.unreachable = catchAll >= 0 && static_cast<int>(i) > catchAll;
    if (entry.unreachable)
      entry.toolTip = tr("Route %1 before it takes every request, so this route can never match. Move it above "
                         "route %1, or limit route %1 with a match.")
                          .arg(catchAll + 1);
    else if (static_cast<int>(i) == catchAll)
      entry.toolTip = tr("This route takes every request that reaches it: the routes after it can never match.");
    else
      entry.toolTip =
          tr("Tried in position %1: it takes the requests it matches that no route above took.").arg(number);
    entries.append(entry);
  }
  routes_->setEntries(entries);
  QStringList notes;
  if (spec_.http.empty()) notes << tr("No HTTP routes. Add one to send this host's HTTP traffic somewhere.");
  if (!spec_.tcp.empty() || !spec_.tls.empty())
    notes << tr("The TCP and TLS routes of this VirtualService are kept as written; edit them in the YAML.");
  note_->setText(notes.join(QLatin1Char('\n')));
  note_->setVisible(!notes.isEmpty());
}

void VirtualServiceEditor::showRoute() {
  const int count = static_cast<int>(spec_.http.size());
  route_ = count == 0 ? -1 : std::clamp(route_, 0, count - 1);
  routes_->setCurrentRoute(route_);
  detail_->setVisible(route_ >= 0);  // nothing to show; the note says why
  if (route_ < 0) return;
  const std::string path = routePath();
  const model::HTTPRoute& route = spec_.http[std::size_t(route_)];
  routeForm_->setBasePath(path);
  routeForm_->load(document_);
  for (const auto& [tab, form] : forms_) {
    form->setBasePath(path);
    form->load(document_);
  }
  // The mirror's subsets follow its host.
  const QStringList subsets =
      route.mirror && route.mirror->host ? pickers_.subsetsFor(toQ(*route.mirror->host)) : QStringList();
  if (FieldForm* mirror = formFor("mirror.subset"); mirror && subsets != mirrorSubsets_) {
    mirrorSubsets_ = subsets;
    mirror->setChoices("mirror.subset", subsets);
    mirror->load(document_);
  }
  checkRegexRewrite();
  match_->setBasePath(path);
  match_->load(document_);
  destinations_->setBasePath(path);
  destinations_->load(route, spec_.hosts.empty() ? QString() : toQ(spec_.hosts.front()));
  origins_->setPath(path + ".corsPolicy.allowOrigins");
  origins_->load(document_);
}

void VirtualServiceEditor::checkRegexRewrite() {
  // FieldForm does not write a Text field whose "problem" property is set.
  FieldForm* form = formFor("rewrite.uriRegexRewrite.match");
  auto* edit = form ? qobject_cast<QLineEdit*>(form->control("rewrite.uriRegexRewrite.match")) : nullptr;
  if (!edit) return;
  const QString problem = FieldForm::regexError(edit->text());
  edit->setProperty("problem", problem);
  edit->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("background-color: #f8d0d0;"));
  edit->setToolTip(problem.isEmpty() ? edit->property("fieldToolTip").toString() : problem);
}

void VirtualServiceEditor::selectRoute(int route) {
  if (route < 0 || route >= static_cast<int>(spec_.http.size())) return;
  route_ = route;
  showRoute();
}

void VirtualServiceEditor::routeChosen(int route) {
  if (route < 0 || route == route_) return;
  route_ = route;
  showRoute();
}

void VirtualServiceEditor::addRoute() {
  Value destination = Value::map();
  destination.set("host", Value::string(spec_.hosts.empty() ? "" : spec_.hosts.front()));
  Value target = Value::map();
  target.set("destination", std::move(destination));
  Value route = Value::map();
  route.set("route", Value::seq()).append(std::move(target));
  const int added = static_cast<int>(spec_.http.size());
  route_ = added;  // the reload selects it
  propose({{"spec.http[" + std::to_string(added) + "]", std::move(route)}}, QString());
}

void VirtualServiceEditor::removeRoute(int route) {
  propose({{"spec.http[" + std::to_string(route) + "]", std::nullopt}}, QString());
}

void VirtualServiceEditor::moveRoute(int from, int to) {
  route_ = to;              // the selection follows the route
  match_->setBasePath({});  // the blocks at this path now belong to another route: drop drafts
  Q_EMIT moveRequested(QStringLiteral("spec.http"), from, to);
  // A refused move leaves the document as it was: show it again (a drag moved the row already).
  showRoutes();
  showRoute();
}

void VirtualServiceEditor::propose(const std::vector<model::FieldEdit>& edits, const QString& mergeKey) {
  Q_EMIT edited(edits, mergeKey);
}

bool VirtualServiceEditor::focusField(const std::string& path) {
  const auto parsed = model::FieldPath::parse(path);
  if (!parsed || parsed->steps().size() < 2 || parsed->steps()[0].key != "spec") return false;
  const auto& steps = parsed->steps();
  if (steps[1].key == "hosts" || steps[1].key == "gateways") return hosts_->focusField(path);
  if (steps[1].key != "http") return false;
  if (steps.size() < 3 || !steps[2].index || *steps[2].index >= spec_.http.size()) {
    routes_->list()->setFocus(Qt::OtherFocusReason);
    return true;
  }
  selectRoute(static_cast<int>(*steps[2].index));
  if (steps.size() < 4 || steps[3].key == "name") return routeForm_->focusField(routePath() + ".name");
  const auto tab = tabOfKey().find(steps[3].key);
  if (tab == tabOfKey().end()) return false;
  tabs_->setCurrentIndex(tab->second);
  bool focused = false;
  if (tab->second == MatchTab) focused = match_->focusField(path);
  if (tab->second == DestinationsTab) focused = destinations_->focusField(path);
  if (tab->second == CorsTab && steps[3].key == "corsPolicy" && steps.size() > 4 && steps[4].key == "allowOrigins") {
    origins_->setFocus(Qt::OtherFocusReason);
    focused = true;
  }
  for (const auto& [formTab, form] : forms_)
    if (!focused && formTab == tab->second) focused = form->focusField(path);
  if (!focused) tabs_->currentWidget()->setFocus(Qt::OtherFocusReason);
  if (auto* area = qobject_cast<QScrollArea*>(tabs_->currentWidget());
      area && QApplication::focusWidget() && area->isAncestorOf(QApplication::focusWidget()))
    area->ensureWidgetVisible(QApplication::focusWidget());
  return true;
}

}  // namespace meshstudio::views

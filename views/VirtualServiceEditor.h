#pragma once

#include <QStringList>

#include <string>
#include <utility>
#include <vector>

#include "model/VirtualService.h"
#include "views/FieldForm.h"
#include "views/ProjectPickers.h"
#include "views/ResourceEditor.h"

class QCompleter;
class QGroupBox;
class QLabel;
class QStringListModel;
class QTabWidget;

namespace meshstudio::views {

class HttpMatchEditor;
class HttpRouteList;
class RouteDestinationsEditor;
class StringMatchListEditor;
class VirtualServiceHostsEditor;
class WeightSplitEditor;

/// The form editor of a VirtualService: hosts and gateways on top, then the ordered HTTP routes
/// (HttpRouteList: first match wins, drag to reorder) and the selected route's details in tabs —
/// match builder, destinations and weights, rewrite/redirect/direct response, headers, timeout
/// and retries, fault, mirror, CORS.
///
/// Like every ResourceEditor it only proposes edits (the host removes blocks a removal empties,
/// see model::withEmptiedParentsRemoved). load() keeps the selected route and tab,
/// and rebuilds no list, row or tab when only values changed, so typing and dragging go on.
class VirtualServiceEditor : public ResourceEditor {
  Q_OBJECT

 public:
  enum Tab { MatchTab, DestinationsTab, RewriteTab, HeadersTab, RetriesTab, FaultTab, MirrorTab, CorsTab };

  explicit VirtualServiceEditor(QWidget* parent = nullptr);

  void load(const model::Resource& resource, const model::Project& project) override;
  /// `spec.http[i]...` selects route i and the tab that edits the path, then focuses its control.
  bool focusField(const std::string& path) override;

  /// The selected route (index into `spec.http`), -1 when there is none.
  int currentRoute() const { return route_; }
  void selectRoute(int route);
  /// The weight split of the selected route.
  WeightSplitEditor* splitEditor() const;

  HttpRouteList* routeList() const { return routes_; }
  QTabWidget* tabs() const { return tabs_; }
  HttpMatchEditor* matchEditor() const { return match_; }
  RouteDestinationsEditor* destinationsEditor() const { return destinations_; }
  VirtualServiceHostsEditor* hostsEditor() const { return hosts_; }
  StringMatchListEditor* originsEditor() const { return origins_; }
  /// The route form that has a control for `relativePath` (`retries.retryOn`), or nullptr.
  FieldForm* formFor(const std::string& relativePath) const;

 private:
  void buildTabs();
  FieldForm* addForm(int tab, QWidget* page, const QList<FieldSpec>& fields, const QString& title = {});
  void showRoutes();
  void showRoute();
  void routeChosen(int route);
  void addRoute();
  void removeRoute(int route);
  void moveRoute(int from, int to);
  void checkRegexRewrite();
  /// Forwards the parts' edits as the editor's.
  void propose(const std::vector<model::FieldEdit>& edits, const QString& mergeKey);
  std::string routePath() const;

  VirtualServiceHostsEditor* hosts_;
  HttpRouteList* routes_;
  QLabel* note_;
  QWidget* detail_;
  FieldForm* routeForm_;
  QTabWidget* tabs_;
  HttpMatchEditor* match_;
  RouteDestinationsEditor* destinations_;
  StringMatchListEditor* origins_;
  std::vector<std::pair<int, FieldForm*>> forms_;  ///< (tab, form) of the route's FieldForms
  QStringListModel* hostModel_;
  QStringList mirrorSubsets_;

  std::string identity_;  ///< the shown resource's `Kind namespace/name`
  std::string namespace_;
  model::Value document_;
  model::VirtualServiceSpec spec_;
  ProjectPickers pickers_;
  int route_ = -1;
};

}  // namespace meshstudio::views

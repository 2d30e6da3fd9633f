#pragma once

#include <QCoreApplication>
#include <QString>

#include "model/VirtualService.h"

namespace meshstudio::views {

/// One-line descriptions of an HTTP route for the route list, and the first-match-wins reading
/// of a VirtualService's `http` list: which rules a catch-all before them makes unreachable.
class HttpRouteSummary {
  Q_DECLARE_TR_FUNCTIONS(HttpRouteSummary)

 public:
  /// What the route matches: "uri = /  or  uri starts with /products", "any request".
  static QString matchText(const model::HTTPRoute& route);
  /// What the route does: "→ reviews/v1 90%, reviews/v3 10%", "redirect to /login", "responds 404".
  static QString actionText(const model::HTTPRoute& route);
  /// A condition as the match builder and the list show it: `header end-user = jason`.
  static QString conditionText(const QString& subject, const model::StringMatch& match);

  /// Whether the block matches every request: no condition at all, or only a URI prefix `/` (or
  /// the regex `.*`). Blocks limited by proxy selectors (port, sourceLabels, gateways,
  /// sourceNamespace) do not count: they apply to some proxies only.
  static bool matchesEverything(const model::HTTPMatchRequest& block);
  /// Whether the route takes every request that reaches it: no match blocks (Istio emits it as
  /// prefix `/`), or one block that matches everything. Rules after it can never match.
  static bool isCatchAll(const model::HTTPRoute& route);
  /// The index of the first catch-all route of `routes`, or -1.
  static int firstCatchAll(const std::vector<model::HTTPRoute>& routes);
};

}  // namespace meshstudio::views

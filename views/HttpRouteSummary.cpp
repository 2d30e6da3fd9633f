#include "views/HttpRouteSummary.h"

#include <QStringList>

#include "views/WeightSplitEditor.h"

namespace meshstudio::views {

namespace {

QString toQ(const std::string& text) { return QString::fromStdString(text); }

bool isEmpty(const model::StringMatch& match) { return !match.exact && !match.prefix && !match.regex; }

}  // namespace

QString HttpRouteSummary::conditionText(const QString& subject, const model::StringMatch& match) {
  if (match.exact) return tr("%1 = %2").arg(subject, toQ(*match.exact));
  if (match.prefix) return tr("%1 starts with %2").arg(subject, toQ(*match.prefix));
  if (match.regex) return tr("%1 ~ %2").arg(subject, toQ(*match.regex));
  return tr("%1 present").arg(subject);
}

QString HttpRouteSummary::matchText(const model::HTTPRoute& route) {
  if (route.match.empty()) return tr("any request");
  QStringList blocks;
  for (const model::HTTPMatchRequest& block : route.match) {
    QStringList conditions;
    if (block.uri) conditions << conditionText(tr("uri"), *block.uri);
    if (block.scheme) conditions << conditionText(tr("scheme"), *block.scheme);
    if (block.method) conditions << conditionText(tr("method"), *block.method);
    if (block.authority) conditions << conditionText(tr("authority"), *block.authority);
    for (const auto& [name, match] : block.headers) conditions << conditionText(tr("header %1").arg(toQ(name)), match);
    for (const auto& [name, match] : block.queryParams)
      conditions << conditionText(tr("query %1").arg(toQ(name)), match);
    for (const auto& [name, match] : block.withoutHeaders)
      conditions << tr("not %1").arg(conditionText(tr("header %1").arg(toQ(name)), match));
    if (block.port) conditions << tr("port %1").arg(*block.port);
    if (!block.sourceLabels.empty()) conditions << tr("from labelled pods");
    if (!block.gateways.empty()) conditions << tr("on some gateways");
    if (block.sourceNamespace) conditions << tr("from namespace %1").arg(toQ(*block.sourceNamespace));
    blocks << (conditions.isEmpty() ? tr("any request") : conditions.join(tr(" and ")));
  }
  return blocks.join(tr("  or  "));
}

QString HttpRouteSummary::actionText(const model::HTTPRoute& route) {
  if (route.delegate)
    return tr("delegates to %1")
        .arg(toQ(route.delegate->namespace_.value_or("") + "/" + route.delegate->name.value_or("")));
  if (route.redirect)
    return tr("redirects to %1").arg(toQ(route.redirect->uri.value_or(route.redirect->authority.value_or("…"))));
  if (route.directResponse)
    return tr("responds %1")
        .arg(route.directResponse->status ? QString::number(*route.directResponse->status) : tr("?"));
  if (route.route.empty()) return tr("no destination");
  const QList<WeightSplitEditor::Row> rows = WeightSplitEditor::rowsFor(route.route);
  QStringList parts;
  for (const WeightSplitEditor::Row& row : rows)
    parts << (rows.size() == 1 ? row.label : tr("%1 %2%").arg(row.label).arg(row.weight));
  return tr("→ %1").arg(parts.join(QStringLiteral(", ")));
}

bool HttpRouteSummary::matchesEverything(const model::HTTPMatchRequest& block) {
  if (block.scheme || block.method || block.authority || !block.headers.empty() || !block.queryParams.empty() ||
      !block.withoutHeaders.empty() || block.port || !block.sourceLabels.empty() || !block.gateways.empty() ||
      block.sourceNamespace)
    return false;
  if (!block.uri) return true;
  const model::StringMatch& uri = *block.uri;
  return (uri.prefix && *uri.prefix == "/") || (uri.regex && (*uri.regex == ".*" || *uri.regex == "/.*")) ||
         isEmpty(uri);
}

bool HttpRouteSummary::isCatchAll(const model::HTTPRoute& route) {
  if (route.match.empty()) return true;
  for (const model::HTTPMatchRequest& block : route.match)
    if (matchesEverything(block)) return true;
  return false;
}

int HttpRouteSummary::firstCatchAll(const std::vector<model::HTTPRoute>& routes) {
  for (std::size_t i = 0; i < routes.size(); ++i)
    if (isCatchAll(routes[i])) return static_cast<int>(i);
  return -1;
}

}  // namespace meshstudio::views

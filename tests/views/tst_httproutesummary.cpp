// First match wins: which HTTP routes catch every request (and so hide the ones after them), and
// the one-line texts the route list shows; the host qualification the pickers use.
#include <QtTest>

#include "model/Importer.h"
#include "model/Resource.h"
#include "model/VirtualService.h"
#include "views/HttpRouteSummary.h"
#include "views/ProjectPickers.h"

using meshstudio::model::HTTPRoute;
using meshstudio::views::HttpRouteSummary;
using meshstudio::views::ProjectPickers;

namespace {

/// The routes of a VirtualService whose `http:` list is `http` (YAML, indented by 4).
std::vector<HTTPRoute> routes(const char* http) {
  const std::string text = std::string(
                               "apiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                               "metadata: {name: r, namespace: shop}\nspec:\n  hosts: [r]\n  http:\n") +
                           http;
  auto imported = meshstudio::model::Importer::importText(text, "r.yaml");
  if (imported.resources.size() != 1) return {};
  auto spec = imported.resources.front().specAs<meshstudio::model::VirtualServiceSpec>();
  return spec ? spec->http : std::vector<HTTPRoute>{};
}

}  // namespace

class TestHttpRouteSummary : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void catchAllRoutes() {
    const auto http = routes(
        "    - match: [{headers: {end-user: {exact: jason}}}]\n"
        "      route: [{destination: {host: r, subset: v2}}]\n"
        "    - match: [{uri: {prefix: /api}}, {uri: {prefix: /}}]\n"
        "      route: [{destination: {host: r}}]\n"
        "    - route: [{destination: {host: r}}]\n");
    QCOMPARE(http.size(), std::size_t(3));
    QVERIFY(!HttpRouteSummary::isCatchAll(http[0]));
    QVERIFY(HttpRouteSummary::isCatchAll(http[1]));  // its second block is prefix `/`
    QVERIFY(HttpRouteSummary::isCatchAll(http[2]));  // no match at all
    QCOMPARE(HttpRouteSummary::firstCatchAll(http), 1);
  }

  void selectorsAndPresenceTestsAreNotCatchAll() {
    const auto http = routes(
        "    - match: [{port: 8080}]\n"
        "      route: [{destination: {host: r}}]\n"
        "    - match: [{headers: {x-debug: {}}}]\n"
        "      route: [{destination: {host: r}}]\n"
        "    - match: [{ignoreUriCase: true, name: all}]\n"
        "      route: [{destination: {host: r}}]\n");
    QVERIFY(!HttpRouteSummary::isCatchAll(http[0]));  // only on one port
    QVERIFY(!HttpRouteSummary::isCatchAll(http[1]));  // the header must be there
    QVERIFY(HttpRouteSummary::isCatchAll(http[2]));   // name and case do not limit anything
    QCOMPARE(HttpRouteSummary::firstCatchAll(http), 2);
  }

  void texts() {
    const auto http = routes(
        "    - match: [{uri: {exact: /}, method: {exact: GET}}, {headers: {x-debug: {}}}]\n"
        "      route:\n"
        "        - {destination: {host: r, subset: v1}, weight: 90}\n"
        "        - {destination: {host: r, subset: v3, port: {number: 9080}}, weight: 10}\n"
        "    - redirect: {uri: /login}\n");
    QCOMPARE(HttpRouteSummary::matchText(http[0]),
             QStringLiteral("uri = / and method = GET  or  header x-debug present"));
    QCOMPARE(HttpRouteSummary::actionText(http[0]), QStringLiteral("→ r/v1 90%, r/v3:9080 10%"));
    QCOMPARE(HttpRouteSummary::matchText(http[1]), QStringLiteral("any request"));
    QCOMPARE(HttpRouteSummary::actionText(http[1]), QStringLiteral("redirects to /login"));
  }

  void qualifiedHosts() {
    QCOMPARE(ProjectPickers::qualifiedHost("reviews", "shop"), std::string("reviews.shop.svc.cluster.local"));
    QCOMPARE(ProjectPickers::qualifiedHost("reviews.other", "shop"), std::string("reviews.other.svc.cluster.local"));
    QCOMPARE(ProjectPickers::qualifiedHost("reviews.other.svc", "shop"),
             std::string("reviews.other.svc.cluster.local"));
    QCOMPARE(ProjectPickers::qualifiedHost("shop.example.com", "shop"), std::string("shop.example.com"));
    QCOMPARE(ProjectPickers::qualifiedHost("*.example.com", "shop"), std::string("*.example.com"));
  }
};

QTEST_MAIN(TestHttpRouteSummary)
#include "tst_httproutesummary.moc"

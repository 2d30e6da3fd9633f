// The Kubernetes API test server through real TLS sockets, as the cluster client will meet it:
// authentication by client certificate and bearer token, discovery with and without Istio,
// server-side apply (creation, no-op re-apply, conflicts between field managers, force,
// removal by omission, dry run), GET/LIST/DELETE, and the Status shapes of 401, 403, 404, 409,
// 415 and 422. The client's own tests trust this server, so its behaviour is pinned here.

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <string>

#include "cluster/HttpsTestClient.h"
#include "cluster/KubeTestServer.h"

using namespace meshstudio::test;
using json = nlohmann::json;

namespace {

const std::string kVsPath = "/apis/networking.istio.io/v1/namespaces/shop/virtualservices/reviews";
const std::string kApply = "?fieldManager=meshstudio";

/// A VirtualService for reviews: `weight` to v2, the rest to v1.
std::string reviews(int weight, const std::string& extraSpec = {}) {
  return "apiVersion: networking.istio.io/v1\n"
         "kind: VirtualService\n"
         "metadata:\n  name: reviews\n  namespace: shop\n  labels: {app: reviews}\n"
         "spec:\n  hosts: [reviews]\n" +
         extraSpec + "  http:\n  - route:\n    - destination: {host: reviews, subset: v1}\n      weight: " +
         std::to_string(100 - weight) +
         "\n    - destination: {host: reviews, subset: v2}\n      weight: " + std::to_string(weight) + "\n";
}

json managerEntry(const json& object, const std::string& manager) {
  for (const json& entry : object["metadata"]["managedFields"])
    if (entry["manager"] == manager) return entry;
  return nullptr;
}

std::string text(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

}  // namespace

class TestKubeTestServer : public QObject {
  Q_OBJECT

 private:
  KubeTestServer server;

  /// A client authenticated with a bearer token for `user`.
  HttpsTestClient as(const std::string& user) {
    server.addToken("token-" + user, user);
    HttpsTestClient client(server.caPem(), server.port());
    client.setToken("token-" + user);
    return client;
  }

 private Q_SLOTS:
  void initTestCase() {
    std::string error;
    QVERIFY2(server.start(&error), error.c_str());
    server.addNamespace("shop");
  }

  void init() {
    // Every test starts from an empty shop namespace, with no denials, failures or warnings.
    auto admin = as("admin");
    for (const char* plural : {"virtualservices", "destinationrules"}) {
      const HttpsReply list = admin.get(std::string("/apis/networking.istio.io/v1/namespaces/shop/") + plural);
      for (const json& item : list.json["items"])
        admin.send("DELETE", std::string("/apis/networking.istio.io/v1/namespaces/shop/") + plural + "/" +
                                 text(item["metadata"]["name"]));
    }
    server.clearForbidden();
    server.clearWarnings();
    server.setIstioInstalled(true);
    server.setHang(false);
    server.setResponseDelay(std::chrono::milliseconds(0));
    server.clearRequestLog();
  }

  void clientCertificateIdentifiesTheUser() {
    const Credential alice = server.issueClientCertificate("alice", {"system:masters"});
    HttpsTestClient client(server.caPem(), server.port(), &alice);
    const HttpsReply reply = client.get("/api");
    QCOMPARE(reply.status, 200);
    QCOMPARE(server.lastUser(), std::string("alice"));
    QCOMPARE(server.requestLog().back().user, std::string("alice"));
    // The certificate wins over a token, as in the API server's authenticator chain.
    server.addToken("bob-token", "bob");
    client.setToken("bob-token");
    QCOMPARE(client.get("/api").status, 200);
    QCOMPARE(server.lastUser(), std::string("alice"));
    QCOMPARE(server.requestCount("alice"), 2);
    QCOMPARE(server.requestCount("bob"), 0);
  }

  void bearerTokenIdentifiesTheUser() {
    server.addToken("s3cret", "carol");
    HttpsTestClient client(server.caPem(), server.port());
    client.setToken("s3cret");
    QCOMPARE(client.get("/apis").status, 200);
    QCOMPARE(server.lastUser(), std::string("carol"));
    QCOMPARE(client.get("/version").status, 200);
    QCOMPARE(server.requestCount("carol"), 2);
    QCOMPARE(client.connectionsOpened(), 1);  // keep-alive
  }

  void noCredentialsIsUnauthorized() {
    HttpsTestClient anonymous(server.caPem(), server.port());
    const HttpsReply reply = anonymous.get(kVsPath);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json, json::parse(R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                                         "message":"Unauthorized","reason":"Unauthorized","code":401})"));
    QCOMPARE(server.requestLog().back().user, std::string());
    anonymous.setToken("not-a-registered-token");
    QCOMPARE(anonymous.get("/api").status, 401);
  }

  void certificateFromAnotherCaFailsTheHandshake() {
    const Credential otherCa = makeCa("another CA");
    const Credential stranger = issueClient(otherCa, "mallory");
    HttpsTestClient client(server.caPem(), server.port(), &stranger);
    const HttpsReply reply = client.get("/api");
    QCOMPARE(reply.status, 0);
    QVERIFY(!reply.error.empty());
    QVERIFY(server.requestCount("mallory") == 0);
  }

  void discoveryWithIstio() {
    auto client = as("admin");
    const HttpsReply version = client.get("/version");
    QCOMPARE(text(version.json["gitVersion"]), std::string("v1.29.0"));
    const HttpsReply api = client.get("/api");
    QCOMPARE(text(api.json["kind"]), std::string("APIVersions"));
    QCOMPARE(api.json["versions"], json::parse(R"(["v1"])"));

    const HttpsReply core = client.get("/api/v1");
    QCOMPARE(text(core.json["kind"]), std::string("APIResourceList"));
    std::map<std::string, bool> namespaced;
    for (const json& resource : core.json["resources"]) namespaced[text(resource["name"])] = resource["namespaced"];
    QCOMPARE(namespaced.size(), std::size_t(5));
    QVERIFY(namespaced["services"] && namespaced["pods"] && namespaced["secrets"] && namespaced["configmaps"]);
    QVERIFY(!namespaced["namespaces"]);

    const HttpsReply groups = client.get("/apis");
    json istio;
    for (const json& group : groups.json["groups"])
      if (group["name"] == "networking.istio.io") istio = group;
    QVERIFY(!istio.is_null());
    QCOMPARE(istio["versions"].size(), std::size_t(3));
    QCOMPARE(text(istio["preferredVersion"]["groupVersion"]), std::string("networking.istio.io/v1"));
    QCOMPARE(text(groups.json["groups"][0]["name"]), std::string("apps"));

    auto pluralsOf = [&](const std::string& path) {
      std::set<std::string> plurals;
      const HttpsReply reply = client.get(path);
      for (const json& resource : reply.json["resources"]) plurals.insert(text(resource["name"]));
      return plurals;
    };
    const std::set<std::string> v1 = pluralsOf("/apis/networking.istio.io/v1");
    QVERIFY(v1.count("virtualservices") && v1.count("destinationrules") && v1.count("gateways") &&
            v1.count("serviceentries") && v1.count("sidecars") && v1.count("workloadentries"));
    QVERIFY(!v1.count("envoyfilters"));
    QVERIFY(pluralsOf("/apis/networking.istio.io/v1alpha3").count("envoyfilters"));
    QCOMPARE(pluralsOf("/apis/apps/v1"), std::set<std::string>{"deployments"});
    QCOMPARE(client.get("/apis/networking.istio.io/v2").status, 404);
  }

  void discoveryWithoutIstio() {
    auto client = as("admin");
    server.setIstioInstalled(false);
    const HttpsReply groups = client.get("/apis");
    QCOMPARE(groups.status, 200);
    for (const json& group : groups.json["groups"]) QVERIFY(group["name"] != "networking.istio.io");
    const HttpsReply resources = client.get("/apis/networking.istio.io/v1");
    QCOMPARE(resources.status, 404);
    QCOMPARE(text(resources.json["reason"]), std::string("NotFound"));
    QCOMPARE(client.get(kVsPath).status, 404);
    QCOMPARE(client.apply(kVsPath + kApply, reviews(10)).status, 404);
    QCOMPARE(client.get("/apis/apps/v1/namespaces/shop/deployments").status, 200);
  }

  void applyCreates() {
    auto client = as("admin");
    const HttpsReply created = client.apply(kVsPath + kApply, reviews(10));
    QVERIFY2(created.status == 201, created.body.c_str());
    const json& metadata = created.json["metadata"];
    QVERIFY(!text(metadata["uid"]).empty());
    QVERIFY(!text(metadata["creationTimestamp"]).empty());
    QVERIFY(!text(metadata["resourceVersion"]).empty());
    QCOMPARE(metadata["generation"], json(1));
    QCOMPARE(metadata["managedFields"].size(), std::size_t(1));
    const json entry = metadata["managedFields"][0];
    QCOMPARE(text(entry["manager"]), std::string("meshstudio"));
    QCOMPARE(text(entry["operation"]), std::string("Apply"));
    QCOMPARE(text(entry["apiVersion"]), std::string("networking.istio.io/v1"));
    QCOMPARE(text(entry["fieldsType"]), std::string("FieldsV1"));
    QCOMPARE(entry["fieldsV1"], json::parse(R"({"f:metadata":{"f:labels":{"f:app":{}}},
                                                 "f:spec":{"f:hosts":{},"f:http":{}}})"));
    QCOMPARE(created.json["spec"]["http"][0]["route"][1]["weight"], json(10));

    // Stored once, served in every Istio version with that version's apiVersion.
    const json stored = server.object(kVsPath);
    QCOMPARE(stored["metadata"]["uid"], metadata["uid"]);
    const HttpsReply beta = client.get("/apis/networking.istio.io/v1beta1/namespaces/shop/virtualservices/reviews");
    QCOMPARE(beta.status, 200);
    QCOMPARE(text(beta.json["apiVersion"]), std::string("networking.istio.io/v1beta1"));
    QCOMPARE(beta.json["metadata"]["uid"], metadata["uid"]);
    QCOMPARE(server.resourceVersionOf("networking.istio.io", "shop", "virtualservices", "reviews"),
             text(metadata["resourceVersion"]));
  }

  void applyAcceptsJsonAndTheNamespaceOfThePath() {
    auto client = as("admin");
    const HttpsReply created =
        client.apply("/apis/networking.istio.io/v1/namespaces/shop/destinationrules/reviews" + kApply,
                     R"({"apiVersion":"networking.istio.io/v1","kind":"DestinationRule","metadata":{"name":"reviews"},
            "spec":{"host":"reviews","subsets":[{"name":"v1","labels":{"version":"v1"}}]}})");
    QCOMPARE(created.status, 201);
    QCOMPARE(text(created.json["metadata"]["namespace"]), std::string("shop"));
    QCOMPARE(text(server.object("networking.istio.io", "", "shop", "destinationrules", "reviews")["spec"]["host"]),
             std::string("reviews"));
  }

  void reapplyingTheSameIsANoOp() {
    auto client = as("admin");
    const HttpsReply first = client.apply(kVsPath + kApply, reviews(10));
    const std::string version = text(first.json["metadata"]["resourceVersion"]);
    const HttpsReply again = client.apply(kVsPath + kApply, reviews(10));
    QCOMPARE(again.status, 200);
    QCOMPARE(text(again.json["metadata"]["resourceVersion"]), version);
    QCOMPARE(server.resourceVersionOf(kVsPath), version);
    QCOMPARE(again.json, first.json);  // managedFields time included: nothing was written

    const HttpsReply changed = client.apply(kVsPath + kApply, reviews(20));
    QCOMPARE(changed.status, 200);
    QVERIFY(std::stoll(text(changed.json["metadata"]["resourceVersion"])) > std::stoll(version));
    QCOMPARE(changed.json["metadata"]["generation"], json(2));

    // A label is metadata: a new resourceVersion, the same generation.
    std::string relabelled = reviews(20);
    relabelled.replace(relabelled.find("{app: reviews}"), 14, "{app: reviews, tier: backend}");
    const HttpsReply labelled = client.apply(kVsPath + kApply, relabelled);
    QVERIFY(text(labelled.json["metadata"]["resourceVersion"]) != text(changed.json["metadata"]["resourceVersion"]));
    QCOMPARE(labelled.json["metadata"]["generation"], json(2));
  }

  void conflictingManagerIsRefused() {
    auto client = as("admin");
    QCOMPARE(client.apply(kVsPath + "?fieldManager=kubectl", reviews(10)).status, 201);
    const std::string version = server.resourceVersionOf(kVsPath);

    const HttpsReply conflict = client.apply(kVsPath + kApply, reviews(50));
    QCOMPARE(conflict.status, 409);
    QCOMPARE(text(conflict.json["reason"]), std::string("Conflict"));
    QCOMPARE(conflict.json["code"], json(409));
    QCOMPARE(text(conflict.json["message"]),
             std::string(
                 "Apply failed with 1 conflict: conflict with \"kubectl\" using networking.istio.io/v1: .spec.http"));
    QCOMPARE(conflict.json["details"]["causes"],
             json::array({{{"type", "FieldManagerConflict"},
                           {"message", "conflict with \"kubectl\" using networking.istio.io/v1"},
                           {"field", ".spec.http"}}}));
    QCOMPARE(server.resourceVersionOf(kVsPath), version);

    // hosts and the label have the same value: shared, not contested.
    std::string sameHosts = reviews(10);
    const HttpsReply shared = client.apply(kVsPath + kApply, sameHosts);
    QCOMPARE(shared.status, 200);
    QVERIFY(managerEntry(shared.json, "kubectl")["fieldsV1"]["f:spec"].contains("f:hosts"));
    QVERIFY(managerEntry(shared.json, "meshstudio")["fieldsV1"]["f:spec"].contains("f:hosts"));
  }

  void severalConflictsAreListedByManager() {
    auto client = as("admin");
    QCOMPARE(client.apply(kVsPath + "?fieldManager=kubectl", reviews(10, "  gateways: [mesh]\n")).status, 201);
    const HttpsReply conflict = client.apply(kVsPath + kApply, reviews(50, "  gateways: [shop-gateway]\n"));
    QCOMPARE(conflict.status, 409);
    QCOMPARE(text(conflict.json["message"]),
             std::string("Apply failed with 2 conflicts: conflicts with \"kubectl\" using networking.istio.io/v1:\n"
                         "- .spec.gateways\n- .spec.http"));
    QCOMPARE(conflict.json["details"]["causes"].size(), std::size_t(2));
  }

  void conflictWithAnUpdateManagerNamesItsTime() {
    // Seeded as `kubectl edit` would have left it: an Update entry owning spec.http.
    server.put(json::parse(R"({"apiVersion":"networking.istio.io/v1","kind":"VirtualService",
      "metadata":{"name":"reviews","namespace":"shop","managedFields":[{"manager":"kubectl-edit","operation":"Update",
        "apiVersion":"networking.istio.io/v1beta1","time":"2024-05-01T10:00:00Z","fieldsType":"FieldsV1",
        "fieldsV1":{"f:spec":{"f:http":{}}}}]},
      "spec":{"hosts":["reviews"],"http":[{"route":[{"destination":{"host":"reviews"}}]}]}})"));
    auto client = as("admin");
    const HttpsReply conflict = client.apply(kVsPath + kApply, reviews(10));
    QCOMPARE(conflict.status, 409);
    QCOMPARE(text(conflict.json["details"]["causes"][0]["message"]),
             std::string("conflict with \"kubectl-edit\" using networking.istio.io/v1beta1 at 2024-05-01T10:00:00Z"));
  }

  void forceTakesOwnership() {
    auto client = as("admin");
    QCOMPARE(client.apply(kVsPath + "?fieldManager=kubectl", reviews(10)).status, 201);
    const HttpsReply forced = client.apply(kVsPath + kApply + "&force=true", reviews(50));
    QCOMPARE(forced.status, 200);
    QCOMPARE(forced.json["spec"]["http"][0]["route"][1]["weight"], json(50));
    QVERIFY(!managerEntry(forced.json, "kubectl")["fieldsV1"]["f:spec"].contains("f:http"));
    QVERIFY(managerEntry(forced.json, "kubectl")["fieldsV1"]["f:spec"].contains("f:hosts"));
    QVERIFY(managerEntry(forced.json, "meshstudio")["fieldsV1"]["f:spec"].contains("f:http"));
    QCOMPARE(server.object(kVsPath)["spec"]["http"][0]["route"][1]["weight"], json(50));
    // kubectl now conflicts in turn.
    QCOMPARE(client.apply(kVsPath + "?fieldManager=kubectl", reviews(10)).status, 409);
  }

  void omittedFieldsAreRemovedUnlessSomeoneElseOwnsThem() {
    auto client = as("admin");
    QCOMPARE(client.apply(kVsPath + kApply, reviews(10, "  gateways: [mesh]\n  exportTo: ['.']\n")).status, 201);
    // Another manager applies the same exportTo: shared ownership.
    QCOMPARE(client
                 .apply(kVsPath + "?fieldManager=other",
                        "apiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                        "metadata: {name: reviews, namespace: shop}\nspec:\n  exportTo: ['.']\n")
                 .status,
             200);
    const HttpsReply reduced = client.apply(kVsPath + kApply, reviews(10));
    QCOMPARE(reduced.status, 200);
    QVERIFY(!reduced.json["spec"].contains("gateways"));
    QCOMPARE(reduced.json["spec"]["exportTo"], json::parse(R"(["."])"));
    QVERIFY(!managerEntry(reduced.json, "meshstudio")["fieldsV1"]["f:spec"].contains("f:exportTo"));
    QVERIFY(!server.object(kVsPath)["spec"].contains("gateways"));
  }

  void dryRunStoresNothing() {
    auto client = as("admin");
    const HttpsReply dryCreate = client.apply(kVsPath + kApply + "&dryRun=All", reviews(10));
    QCOMPARE(dryCreate.status, 201);
    QCOMPARE(dryCreate.json["spec"]["hosts"], json::parse(R"(["reviews"])"));
    QVERIFY(server.object(kVsPath).is_null());
    QCOMPARE(client.get(kVsPath).status, 404);

    QCOMPARE(client.apply(kVsPath + kApply, reviews(10)).status, 201);
    const json before = server.object(kVsPath);
    const HttpsReply dryUpdate = client.apply(kVsPath + kApply + "&dryRun=All", reviews(90));
    QCOMPARE(dryUpdate.status, 200);
    QCOMPARE(dryUpdate.json["spec"]["http"][0]["route"][1]["weight"], json(90));
    QCOMPARE(server.object(kVsPath), before);

    const HttpsReply dryDelete = client.send("DELETE", kVsPath + "?dryRun=All");
    QCOMPARE(dryDelete.status, 200);
    QCOMPARE(server.object(kVsPath), before);
    QCOMPARE(server.requestLog().back().query, std::string("dryRun=All"));
  }

  void deleteRemoves() {
    auto client = as("admin");
    const HttpsReply created = client.apply(kVsPath + kApply, reviews(10));
    const HttpsReply deleted = client.send("DELETE", kVsPath);
    QCOMPARE(deleted.status, 200);
    QCOMPARE(text(deleted.json["kind"]), std::string("Status"));
    QCOMPARE(text(deleted.json["status"]), std::string("Success"));
    QCOMPARE(deleted.json["details"]["name"], json("reviews"));
    QCOMPARE(deleted.json["details"]["uid"], created.json["metadata"]["uid"]);
    QVERIFY(server.object(kVsPath).is_null());
    const HttpsReply again = client.send("DELETE", kVsPath);
    QCOMPARE(again.status, 404);
  }

  void forbiddenNotFoundAndInvalidShapes() {
    auto alice = as("alice");
    auto admin = as("admin");
    QCOMPARE(admin.apply(kVsPath + kApply, reviews(10)).status, 201);
    server.forbid("alice", "patch", "virtualservices");
    const HttpsReply forbidden = alice.apply(kVsPath + kApply, reviews(20));
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(text(forbidden.json["reason"]), std::string("Forbidden"));
    QCOMPARE(
        text(forbidden.json["message"]),
        std::string("virtualservices.networking.istio.io \"reviews\" is forbidden: User \"alice\" cannot patch "
                    "resource \"virtualservices\" in API group \"networking.istio.io\" in the namespace \"shop\""));
    QCOMPARE(forbidden.json["details"],
             json::parse(R"({"name":"reviews","group":"networking.istio.io","kind":"virtualservices"})"));
    QCOMPARE(alice.get(kVsPath).status, 200);  // only patch was denied
    server.forbid("alice", "list", "*");
    QCOMPARE(text(alice.get("/api/v1/namespaces/shop/services").json["message"]),
             std::string("services is forbidden: User \"alice\" cannot list resource \"services\" in API group \"\" "
                         "in the namespace \"shop\""));

    const HttpsReply missing = admin.get("/apis/networking.istio.io/v1/namespaces/shop/virtualservices/ratings");
    QCOMPARE(missing.status, 404);
    QCOMPARE(text(missing.json["message"]), std::string("virtualservices.networking.istio.io \"ratings\" not found"));
    QCOMPARE(missing.json["details"],
             json::parse(R"({"name":"ratings","group":"networking.istio.io","kind":"virtualservices"})"));

    std::string badName = reviews(10);
    badName.replace(badName.find("name: reviews"), 13, "name: Bad_Name");
    const HttpsReply invalid =
        admin.apply("/apis/networking.istio.io/v1/namespaces/shop/virtualservices/Bad_Name" + kApply, badName);
    QCOMPARE(invalid.status, 422);
    QCOMPARE(text(invalid.json["reason"]), std::string("Invalid"));
    QCOMPARE(text(invalid.json["details"]["kind"]), std::string("VirtualService"));
    QCOMPARE(text(invalid.json["details"]["causes"][0]["field"]), std::string("metadata.name"));
    QVERIFY(
        text(invalid.json["message"])
            .starts_with("VirtualService.networking.istio.io \"Bad_Name\" is invalid: metadata.name: Invalid value: "
                         "\"Bad_Name\": a lowercase RFC 1123 subdomain"));

    const HttpsReply noNamespace =
        admin.apply("/apis/networking.istio.io/v1/namespaces/nowhere/virtualservices/reviews" + kApply,
                    "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews}\n");
    QCOMPARE(noNamespace.status, 404);
    QCOMPARE(text(noNamespace.json["message"]), std::string("namespaces \"nowhere\" not found"));
  }

  void malformedAppliesAreRefused() {
    auto client = as("admin");
    QCOMPARE(client.send("PATCH", kVsPath + kApply, "{}", "application/merge-patch+json").status, 415);
    const HttpsReply noManager = client.apply(kVsPath, reviews(10));
    QCOMPARE(noManager.status, 422);
    QCOMPARE(text(noManager.json["details"]["causes"][0]["field"]), std::string("fieldManager"));
    const HttpsReply otherName =
        client.apply("/apis/networking.istio.io/v1/namespaces/shop/virtualservices/ratings" + kApply, reviews(10));
    QCOMPARE(otherName.status, 400);
    QCOMPARE(text(otherName.json["reason"]), std::string("BadRequest"));
    std::string otherNamespace = reviews(10);
    otherNamespace.replace(otherNamespace.find("namespace: shop"), 15, "namespace: default");
    QCOMPARE(client.apply(kVsPath + kApply, otherNamespace).status, 400);
    QCOMPARE(client.apply(kVsPath + kApply, "spec: [unclosed").status, 400);
    QCOMPARE(client.send("PUT", kVsPath, "{}", "application/json").status, 405);
    QVERIFY(server.object(kVsPath).is_null());
  }

  void injectedFailureIsAnsweredOnce() {
    auto client = as("admin");
    // (Built with initializer lists: moc misreads a raw string that spans lines and holds \".)
    const json cause{{"reason", "FieldValueInvalid"},
                     {"message", "Invalid value: 250: must be at most 100"},
                     {"field", "spec.http[0].route[0].weight"}};
    const json invalid{{"kind", "Status"},
                       {"apiVersion", "v1"},
                       {"metadata", json::object()},
                       {"status", "Failure"},
                       {"message",
                        "VirtualService.networking.istio.io \"reviews\" is invalid: spec.http[0].route[0].weight: "
                        "Invalid value: 250: must be at most 100"},
                       {"reason", "Invalid"},
                       {"details",
                        {{"name", "reviews"},
                         {"group", "networking.istio.io"},
                         {"kind", "VirtualService"},
                         {"causes", json::array({cause})}}},
                       {"code", 422}};
    server.failNext("PATCH", "/virtualservices/reviews", 422, invalid);
    QCOMPARE(client.get(kVsPath).status, 404);  // a GET does not match the PATCH failure
    const HttpsReply failed = client.apply(kVsPath + kApply, reviews(10));
    QCOMPARE(failed.status, 422);
    QCOMPARE(failed.json, invalid);
    QVERIFY(server.object(kVsPath).is_null());
    QCOMPARE(client.apply(kVsPath + kApply, reviews(10)).status, 201);
  }

  void listFiltersByLabel() {
    auto client = as("admin");
    for (const auto& [name, app] :
         {std::pair{"reviews", "reviews"}, {"reviews-canary", "reviews"}, {"ratings", "ratings"}})
      server.put(json{{"apiVersion", "v1"},
                      {"kind", "Service"},
                      {"metadata", {{"name", name}, {"namespace", "shop"}, {"labels", {{"app", app}}}}},
                      {"spec", {{"ports", {{{"port", 9080}}}}}}});
    server.put(
        json::parse(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"elsewhere","namespace":"other"}})"));

    const HttpsReply all = client.get("/api/v1/namespaces/shop/services");
    QCOMPARE(all.status, 200);
    QCOMPARE(text(all.json["kind"]), std::string("ServiceList"));
    QCOMPARE(all.json["items"].size(), std::size_t(3));
    QVERIFY(!text(all.json["metadata"]["resourceVersion"]).empty());
    QVERIFY(!all.json["items"][0].contains("kind"));  // a built-in list's items carry no kind

    const HttpsReply selected = client.get("/api/v1/namespaces/shop/services?labelSelector=app%3Dreviews");
    QCOMPARE(selected.json["items"].size(), std::size_t(2));
    for (const json& item : selected.json["items"]) QCOMPARE(item["metadata"]["labels"]["app"], json("reviews"));
    QCOMPARE(client.get("/api/v1/namespaces/shop/services?labelSelector=app!%3Dreviews").json["items"].size(),
             std::size_t(1));
    QCOMPARE(client.get("/api/v1/namespaces/shop/services?labelSelector=app+in+(ratings,x)").json["items"].size(),
             std::size_t(1));
    QCOMPARE(client.get("/api/v1/services").json["items"].size(), std::size_t(4));  // all namespaces

    QCOMPARE(client.apply(kVsPath + kApply, reviews(10)).status, 201);
    const HttpsReply crdList = client.get("/apis/networking.istio.io/v1beta1/namespaces/shop/virtualservices");
    QCOMPARE(text(crdList.json["kind"]), std::string("VirtualServiceList"));
    QCOMPARE(text(crdList.json["items"][0]["kind"]), std::string("VirtualService"));
    QCOMPARE(text(crdList.json["items"][0]["apiVersion"]), std::string("networking.istio.io/v1beta1"));
  }

  void namespacesAreListed() {
    auto client = as("admin");
    const HttpsReply list = client.get("/api/v1/namespaces");
    QCOMPARE(text(list.json["kind"]), std::string("NamespaceList"));
    std::set<std::string> names;
    for (const json& item : list.json["items"]) names.insert(text(item["metadata"]["name"]));
    QVERIFY(names.count("default") && names.count("shop"));
    QCOMPARE(text(client.get("/api/v1/namespaces/shop").json["status"]["phase"]), std::string("Active"));
    QCOMPARE(client.get("/api/v1/namespaces/nowhere").status, 404);
  }

  void warningsAccompanyApplies() {
    auto client = as("admin");
    server.addWarning("299 - \"VirtualService reviews: subset v3 has no DestinationRule\"");
    const HttpsReply reply = client.apply(kVsPath + kApply + "&dryRun=All", reviews(10));
    QCOMPARE(reply.warnings,
             std::vector<std::string>{"299 - \"VirtualService reviews: subset v3 has no DestinationRule\""});
  }

  void slowAndHangingServerTimeOut() {
    auto client = as("admin");
    server.setResponseDelay(std::chrono::milliseconds(400));
    QCOMPARE(client.send("GET", "/version", {}, {}, std::chrono::milliseconds(100)).error, std::string("timed out"));
    QCOMPARE(client.send("GET", "/version", {}, {}, std::chrono::seconds(5)).status, 200);
    server.setResponseDelay(std::chrono::milliseconds(0));
    server.setHang(true);
    QCOMPARE(client.send("GET", "/version", {}, {}, std::chrono::milliseconds(200)).error, std::string("timed out"));
    QCOMPARE(server.requestLog().back().status, 0);
    server.setHang(false);
    QCOMPARE(client.get("/version").status, 200);
  }

  void restartsOnANewPort() {
    KubeTestServer other;
    QVERIFY(other.start());
    const std::uint16_t first = other.port();
    other.stop();
    QVERIFY(!other.isRunning());
    QVERIFY(other.start());
    other.addToken("t", "dave");
    HttpsTestClient client(other.caPem(), other.port());
    client.setToken("t");
    QCOMPARE(client.get("/version").status, 200);
    Q_UNUSED(first);
  }
};

QTEST_GUILESS_MAIN(TestKubeTestServer)
#include "tst_kubetestserver.moc"

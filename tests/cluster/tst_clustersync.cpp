// Issue 8 end to end: the real cluster client (kubeconfig, QtNetwork transport, KubeApi,
// ClusterSync) against the Kubernetes API test server: every authentication method, import,
// diff, dry run, apply and the no-op re-apply, conflicts and force, prune, rollback, the
// restore after a half-way failure, and each error path's message.

#include <QTemporaryDir>
#include <QTest>

#include "ClusterTestSupport.h"
#include "app/cluster/ClusterSync.h"
#include "model/Importer.h"

using namespace meshstudio;
using cluster::ClusterProblem;
using cluster::ResourceOutcome;
using json = nlohmann::json;

namespace {

const char* kToken = "s3cr3t-t0ken-value";

/// A 422 as the API server words it. (No escaped quote inside a raw string: moc loses its way there.)
const char* kInvalidStatus =
    R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"VirtualService.networking.istio.io x is invalid",)"
    R"("reason":"Invalid","code":422,"details":{"causes":[{"reason":"FieldValueInvalid",)"
    R"("message":"Invalid value: 250: must be at most 100","field":"spec.http[0].route[0].weight"}]}})";

std::vector<model::Resource> shopSample() {
  return model::Importer::importPaths({MESHSTUDIO_SOURCE_DIR "/resources/samples/shop"}).resources;
}

std::string outcomes(const cluster::ShipReport& report) {
  std::string text;
  for (const ResourceOutcome& outcome : report.outcomes)
    text += outcome.ref.displayName() + " " + cluster::actionName(outcome.action) + " " + outcome.problem.message +
            " " + outcome.note + "\n";
  return text;
}

int count(const cluster::ShipReport& report, ResourceOutcome::Action action) {
  return static_cast<int>(std::count_if(report.outcomes.begin(), report.outcomes.end(),
                                        [&](const ResourceOutcome& o) { return o.action == action; }));
}

const ResourceOutcome* outcomeOf(const cluster::ShipReport& report, const std::string& name) {
  for (const ResourceOutcome& outcome : report.outcomes)
    if (outcome.ref.displayName() == name) return &outcome;
  return nullptr;
}

/// The shop sample with the reviews VirtualService's canary split set to stable/canary.
std::vector<model::Resource> shopWithReviewsSplit(int stable, int canary) {
  std::vector<model::Resource> resources = shopSample();
  for (model::Resource& resource : resources) {
    if (resource.kind() != model::ResourceKind::VirtualService || resource.name() != "reviews") continue;
    model::Value document = resource.document();
    model::Value& routes = *document.find("spec")->find("http")->items()[1].find("route");
    routes.items()[0].set("weight", model::Value::integer(stable));
    routes.items()[1].set("weight", model::Value::integer(canary));
    resource.setDocument(std::move(document));
  }
  return resources;
}

}  // namespace

class ClusterSyncTest : public QObject {
  Q_OBJECT

  test::KubeTestServer server;
  QTemporaryDir dir;
  std::unique_ptr<cluster::KubeTransport> transport;
  std::unique_ptr<cluster::KubeApi> api;
  std::unique_ptr<cluster::ClusterSync> sync;

  cluster::ClusterConnection tokenConnection() {
    return test::connectionFrom(test::writeFile(
        dir, "token.kubeconfig", test::kubeconfigFor(server, std::string("    token: ") + kToken + "\n")));
  }

  json liveReviews() { return server.object("networking.istio.io", "v1", "shop", "virtualservices", "reviews"); }

 private Q_SLOTS:
  void initTestCase() {
    std::string error;
    QVERIFY2(server.start(&error), error.c_str());
    server.addToken(kToken, "alice");
    server.addNamespace("shop");
  }

  void init() {
    transport = std::make_unique<cluster::KubeTransport>(tokenConnection(), std::chrono::seconds(10));
    api = std::make_unique<cluster::KubeApi>(*transport);
    sync = std::make_unique<cluster::ClusterSync>(*api, "shop");
  }

  void issue8_everyAuthenticationMethod_data() {
    QTest::addColumn<QString>("userYaml");
    QTest::addColumn<QString>("user");
    test::Credential certificate = server.issueClientCertificate("carol", {"platform"});
    QTest::newRow("client certificate data")
        << QString::fromStdString("    client-certificate-data: " + test::base64(certificate.certificate) +
                                  "\n    client-key-data: " + test::base64(certificate.key) + "\n")
        << QStringLiteral("carol");
    std::string certFile = test::writeFile(dir, "carol.crt", certificate.certificate);
    std::string keyFile = test::writeFile(dir, "carol.key", certificate.key);
    QTest::newRow("client certificate files")
        << QString::fromStdString("    client-certificate: " + certFile + "\n    client-key: " + keyFile + "\n")
        << QStringLiteral("carol");
    QTest::newRow("bearer token") << QString::fromStdString(std::string("    token: ") + kToken + "\n")
                                  << QStringLiteral("alice");
    server.addToken("file-token", "bob");
    std::string tokenFile = test::writeFile(dir, "token", "file-token\n");
    QTest::newRow("token file") << QString::fromStdString("    tokenFile: " + tokenFile + "\n")
                                << QStringLiteral("bob");
    server.addToken("exec-token", "dave");
    std::string plugin = test::writeFile(
        dir, "plugin.sh",
        "#!/bin/sh\ncat <<'EOF'\n{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
        "\"status\":{\"token\":\"exec-token\"}}\nEOF\n");
    QFile::setPermissions(QString::fromStdString(plugin), QFile::ReadOwner | QFile::ExeOwner);
    QTest::newRow("exec plugin") << QString::fromStdString(
                                        "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                                        "      command: " +
                                        plugin + "\n      interactiveMode: Never\n")
                                 << QStringLiteral("dave");
  }
  void issue8_everyAuthenticationMethod() {
    QFETCH(QString, userYaml);
    QFETCH(QString, user);
    auto connection = test::connectionFrom(
        test::writeFile(dir, "auth.kubeconfig", test::kubeconfigFor(server, userYaml.toStdString())));
    cluster::KubeTransport viaKubeconfig(connection);
    cluster::KubeApi client(viaKubeconfig);
    cluster::KubeResult<cluster::IstioSupport> istio = client.istioSupport();
    QVERIFY2(istio.ok(), istio.problem.message.c_str());
    QCOMPARE(istio.value.preferredVersion, std::string("v1"));
    QCOMPARE(QString::fromStdString(server.lastUser()), user);
    QVERIFY(viaKubeconfig.verifiesTls());
  }

  void issue8_importBringsTheNamespacesResourcesWithoutServerFields() {
    server.put(json::parse(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"orders","namespace":"imports"},
      "spec":{"selector":{"app":"orders"},"ports":[{"port":8080}]}})"));
    server.put(json::parse(
        R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"orders-v1","namespace":"imports"},
      "spec":{"selector":{"matchLabels":{"app":"orders"}},"template":{"metadata":{"labels":{"app":"orders","version":"v1"}}}}})"));
    server.put(json::parse(R"({"apiVersion":"networking.istio.io/v1","kind":"VirtualService",
      "metadata":{"name":"orders","namespace":"imports"},"spec":{"hosts":["orders"],"http":[{"route":[{"destination":{"host":"orders"}}]}]}})"));
    cluster::KubeResult<std::vector<model::Value>> imported = sync->importNamespace("imports");
    QVERIFY2(imported.ok(), imported.problem.message.c_str());
    QCOMPARE(imported.value.size(), std::size_t(3));
    std::set<std::string> kinds;
    for (const model::Value& object : imported.value) {
      kinds.insert(object.find("kind")->text());
      QVERIFY(!object.at("metadata.resourceVersion"));
      QVERIFY(!object.at("metadata.managedFields"));
      QVERIFY(!object.at("metadata.uid"));
    }
    QCOMPARE(kinds, (std::set<std::string>{"Service", "Deployment", "VirtualService"}));
  }

  void issue8_dryRunChangesNothingThenApplyThenNoOp() {
    auto targets = cluster::ClusterSync::targetsOf(shopSample(), "shop");
    QVERIFY(targets.size() >= 5);
    for (const cluster::ResourceDiff& diff : sync->diff(targets))
      QCOMPARE(diff.state, cluster::ResourceDiff::State::New);

    server.clearRequestLog();
    cluster::ShipReport dry = sync->apply(targets, {true, false, false}, nullptr);
    QVERIFY2(dry.succeeded(), outcomes(dry).c_str());
    QCOMPARE(count(dry, ResourceOutcome::Action::Created), static_cast<int>(targets.size()));
    QVERIFY(liveReviews().is_null());  // the dry run stored nothing
    for (const test::RequestRecord& request : server.requestLog())
      if (request.method != "GET")
        QVERIFY2(request.query.find("dryRun=All") != std::string::npos, request.query.c_str());

    cluster::ApplyHistory history(dir.path().toStdString());
    cluster::ShipReport applied = sync->apply(targets, {}, &history);
    QVERIFY2(applied.succeeded(), outcomes(applied).c_str());
    QCOMPARE(count(applied, ResourceOutcome::Action::Created), static_cast<int>(targets.size()));
    QVERIFY(!liveReviews().is_null());
    QVERIFY(liveReviews()["metadata"]["managedFields"][0]["manager"] == json("meshstudio"));
    const std::string version = server.resourceVersionOf("networking.istio.io", "shop", "virtualservices", "reviews");

    cluster::ShipReport again = sync->apply(targets, {}, &history);
    QVERIFY2(again.succeeded(), outcomes(again).c_str());
    QCOMPARE(count(again, ResourceOutcome::Action::Unchanged), static_cast<int>(targets.size()));
    QCOMPARE(server.resourceVersionOf("networking.istio.io", "shop", "virtualservices", "reviews"), version);
    for (const cluster::ResourceDiff& diff : sync->diff(targets))
      QVERIFY2(diff.state == cluster::ResourceDiff::State::Unchanged, diff.ref.displayName().c_str());
    QCOMPARE(history.entries().size(), std::size_t(2));
    QCOMPARE(history.entries().front().result, std::string("succeeded"));
  }

  void issue8_diffShowsTheChangedWeightFieldByField() {
    auto targets = cluster::ClusterSync::targetsOf(shopWithReviewsSplit(70, 30), "shop");
    bool seen = false;
    for (const cluster::ResourceDiff& diff : sync->diff(targets)) {
      if (diff.ref.name != "reviews" || diff.ref.type.kind != "VirtualService") continue;
      QCOMPARE(diff.state, cluster::ResourceDiff::State::Changed);
      std::vector<std::string> lines;
      for (const cluster::FieldChange& change : diff.changes) lines.push_back(cluster::ClusterDiff::describe(change));
      QCOMPARE(lines, (std::vector<std::string>{"~ spec.http[1].route[0].weight: 90 -> 70",
                                                "~ spec.http[1].route[1].weight: 10 -> 30"}));
      QVERIFY(diff.live);
      seen = true;
    }
    QVERIFY(seen);
  }

  void issue8_conflictNamesTheOwnerThenForceTakesOver() {
    // kubectl takes the reviews routes with a split of its own.
    json theirs = liveReviews();
    theirs["spec"]["http"][1]["route"][0]["weight"] = 50;
    theirs["spec"]["http"][1]["route"][1]["weight"] = 50;
    theirs["metadata"].erase("managedFields");
    theirs["metadata"].erase("resourceVersion");
    QVERIFY(server.apply("kubectl", theirs, true));

    auto targets = cluster::ClusterSync::targetsOf(shopWithReviewsSplit(80, 20), "shop");
    cluster::ShipReport refused = sync->apply(targets, {}, nullptr);
    QVERIFY(!refused.succeeded());
    const ResourceOutcome* reviews = outcomeOf(refused, "VirtualService shop/reviews");
    QVERIFY(reviews);
    QCOMPARE(reviews->action, ResourceOutcome::Action::Failed);
    QCOMPARE(reviews->problem.kind, ClusterProblem::Kind::Conflict);
    QVERIFY(!reviews->problem.causes.empty());
    QCOMPARE(reviews->problem.causes.front().manager, std::string("kubectl"));
    QCOMPARE(reviews->problem.causes.front().field, std::string("spec.http"));
    QVERIFY2(reviews->problem.message.find("owned by \"kubectl\"") != std::string::npos,
             reviews->problem.message.c_str());
    QVERIFY(reviews->problem.message.find("force") != std::string::npos);
    // Nothing was applied: every other resource was only dry-run.
    QCOMPARE(count(refused, ResourceOutcome::Action::Skipped), static_cast<int>(targets.size()) - 1);
    QVERIFY(liveReviews()["spec"]["http"][1]["route"][0]["weight"] == json(50));

    cluster::ShipReport forced = sync->apply(targets, {false, true, false}, nullptr);
    QVERIFY2(forced.succeeded(), outcomes(forced).c_str());
    QVERIFY(liveReviews()["spec"]["http"][1]["route"][0]["weight"] == json(80));
  }

  void issue8_pruneDeletesOnlyWhatTheProjectAppliedAndDropped() {
    QTemporaryDir project;
    cluster::ApplyHistory history(project.path().toStdString());
    std::vector<model::Resource> resources = shopSample();
    QVERIFY(
        sync->apply(cluster::ClusterSync::targetsOf(resources, "shop"), {false, true, false}, &history).succeeded());
    // Somebody else's VirtualService in the same namespace: never pruned.
    server.put(json::parse(R"({"apiVersion":"networking.istio.io/v1","kind":"VirtualService",
      "metadata":{"name":"theirs","namespace":"shop"},"spec":{"hosts":["theirs"]}})"));
    std::erase_if(resources, [](const model::Resource& r) {
      return r.kind() == model::ResourceKind::DestinationRule && r.name() == "ratings";
    });
    auto targets = cluster::ClusterSync::targetsOf(resources, "shop");
    QVERIFY(sync->apply(targets, {}, &history).succeeded());
    QVERIFY(!server.object("networking.istio.io", "v1", "shop", "destinationrules", "ratings")
                 .is_null());  // no prune asked

    cluster::ShipReport pruned = sync->apply(targets, {false, false, true}, &history);
    QVERIFY2(pruned.succeeded(), outcomes(pruned).c_str());
    const ResourceOutcome* ratings = outcomeOf(pruned, "DestinationRule shop/ratings");
    QVERIFY2(ratings && ratings->action == ResourceOutcome::Action::Pruned, outcomes(pruned).c_str());
    QVERIFY(server.object("networking.istio.io", "v1", "shop", "destinationrules", "ratings").is_null());
    QVERIFY(!server.object("networking.istio.io", "v1", "shop", "virtualservices", "theirs").is_null());
    QCOMPARE(count(pruned, ResourceOutcome::Action::Pruned), 1);
  }

  void issue8_rollbackReappliesAnEarlierRevision() {
    QTemporaryDir project;
    cluster::ApplyHistory history(project.path().toStdString());
    QVERIFY(sync->apply(cluster::ClusterSync::targetsOf(shopWithReviewsSplit(90, 10), "shop"), {false, true, false},
                        &history)
                .succeeded());
    const std::string first = history.entries().front().id;
    QVERIFY(
        sync->apply(cluster::ClusterSync::targetsOf(shopWithReviewsSplit(40, 60), "shop"), {}, &history).succeeded());
    QVERIFY(liveReviews()["spec"]["http"][1]["route"][1]["weight"] == json(60));

    cluster::HistoryEntry target;
    for (const cluster::HistoryEntry& entry : history.entries())
      if (entry.id == first) target = entry;
    cluster::ShipReport rolledBack = sync->rollback(target, {}, &history);
    QVERIFY2(rolledBack.succeeded(), outcomes(rolledBack).c_str());
    QVERIFY(liveReviews()["spec"]["http"][1]["route"][1]["weight"] == json(10));
    QCOMPARE(history.entries().front().operation, std::string("rollback"));
    QCOMPARE(history.entries().front().rolledBackTo, first);
    QCOMPARE(history.entries().front().context, std::string("test"));
  }

  void issue8_aHalfWayFailurePutsBackWhatWasApplied() {
    server.addNamespace("halfway");
    std::vector<model::Resource> resources = shopSample();
    std::vector<cluster::ShipTarget> targets;
    for (auto& target : cluster::ClusterSync::targetsOf(resources, "halfway"))
      if (target.ref.namespaceName == "shop") {  // move them to a fresh namespace
        target.ref.namespaceName = "halfway";
        target.document.find("metadata")->set("namespace", model::Value::string("halfway"));
        targets.push_back(target);
      }
    QVERIFY(targets.size() >= 3);
    const std::string third = targets[2].ref.name;
    // The third real apply fails (after every dry run passed).
    cluster::ClusterSync::Progress failThird = [&](int, int, const std::string& step) {
      if (step == "Applying " + targets[2].ref.displayName())
        server.failNext(
            "PATCH", "/halfway/" + targets[2].ref.type.plural + "/" + third, 500,
            json::parse(
                R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"etcd timed out","code":500})"));
    };
    QTemporaryDir project;
    cluster::ApplyHistory history(project.path().toStdString());
    cluster::ShipReport report = sync->apply(targets, {}, &history, failThird);
    QVERIFY(!report.succeeded());
    QCOMPARE(count(report, ResourceOutcome::Action::Restored), 2);
    for (int i = 0; i < 2; ++i)
      QVERIFY2(server
                   .object(targets[i].ref.apiVersion.substr(0, targets[i].ref.apiVersion.find('/')), "v1", "halfway",
                           targets[i].ref.type.plural, targets[i].ref.name)
                   .is_null(),
               targets[i].ref.displayName().c_str());
    QCOMPARE(history.entries().front().result, std::string("failed"));
  }

  void issue8_errorsSayWhatToDo() {
    auto reviews = cluster::KubeApi::refOf(cluster::ClusterSync::targetsOf(shopSample(), "shop")[0].document, "shop");
    QVERIFY(reviews);
    model::Value document = cluster::ClusterSync::targetsOf(shopSample(), "shop")[0].document;

    // 401: the credentials
    {
      auto connection = test::connectionFrom(
          test::writeFile(dir, "bad.kubeconfig", test::kubeconfigFor(server, "    token: wrong-token\n")));
      cluster::KubeTransport bad(connection);
      cluster::KubeApi client(bad);
      auto result = client.get(*reviews);
      QCOMPARE(result.problem.kind, ClusterProblem::Kind::Unauthorized);
      QVERIFY2(result.problem.message.find("context \"test\"") != std::string::npos, result.problem.message.c_str());
      QVERIFY(result.problem.message.find("bearer token") != std::string::npos);
      QVERIFY(result.problem.message.find("wrong-token") == std::string::npos);  // never the secret
    }
    // 403: the verb on the resource
    server.forbid("alice", "patch", reviews->type.plural);
    auto forbidden = api->apply(*reviews, document, {true, false});
    server.clearForbidden();
    QCOMPARE(forbidden.problem.kind, ClusterProblem::Kind::Forbidden);
    QVERIFY2(forbidden.problem.message.find("may not patch " + reviews->type.qualifiedName() +
                                            " in namespace \"shop\"") != std::string::npos,
             forbidden.problem.message.c_str());
    // 404: Istio's CRDs are not installed
    server.setIstioInstalled(false);
    auto missing = api->get(*reviews);
    auto discovery = api->istioSupport();
    server.setIstioInstalled(true);
    QCOMPARE(missing.problem.kind, ClusterProblem::Kind::NotInstalled);
    QVERIFY2(missing.problem.message.find("Istio's CRDs are not installed") != std::string::npos,
             missing.problem.message.c_str());
    QVERIFY(discovery.ok() && !discovery.value.installed());
    // 422: the server's causes, as studio field paths
    server.failNext("PATCH", "/" + reviews->name, 422, json::parse(kInvalidStatus));
    auto invalid = api->apply(*reviews, document, {true, false});
    QCOMPARE(invalid.problem.kind, ClusterProblem::Kind::Invalid);
    QCOMPARE(invalid.problem.causes.size(), std::size_t(1));
    QCOMPARE(invalid.problem.causes[0].field, std::string("spec.http[0].route[0].weight"));
    QVERIFY(invalid.problem.message.find("must be at most 100") != std::string::npos);
    // TLS: a server this kubeconfig's CA did not sign
    {
      test::KubeTestServer stranger;
      QVERIFY(stranger.start());
      cluster::ClusterConnection connection = tokenConnection();
      connection.server = stranger.url();
      cluster::KubeTransport untrusted(connection);
      auto result = cluster::KubeApi(untrusted).istioSupport();
      QCOMPARE(result.problem.kind, ClusterProblem::Kind::Unreachable);
      QVERIFY2(result.problem.message.find("TLS") != std::string::npos, result.problem.message.c_str());
    }
    // Timeout: the server reads and never answers
    server.setHang(true);
    cluster::KubeTransport impatient(tokenConnection(), std::chrono::milliseconds(500));
    auto timedOut = cluster::KubeApi(impatient).get(*reviews);
    server.setHang(false);
    QCOMPARE(timedOut.problem.kind, ClusterProblem::Kind::Unreachable);
    QVERIFY2(timedOut.problem.message.find("in time") != std::string::npos, timedOut.problem.message.c_str());
  }
};

QTEST_GUILESS_MAIN(ClusterSyncTest)
#include "tst_clustersync.moc"

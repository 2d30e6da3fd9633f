// A project is a folder of manifests plus meshstudio.yaml. Saving is atomic, rewrites only
// what changed, and keeps everything the studio does not model.

#include <QtTest/QtTest>

#include "TestSupport.h"
#include "model/AtomicFile.h"
#include "model/Project.h"
#include "model/VirtualService.h"

using namespace meshstudio::model;
using namespace meshstudio::test;

namespace {

const char* kRouting =
    "# hand-written comment\n"
    "apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: shop\n"
    "  labels: {zeta: z, alpha: a}\n  annotations: {galley.istio.io/analyze-suppress: IST0101}\n"
    "spec:\n  hosts: [reviews]\n  http:\n  - futureField: {keep: me}\n    route:\n    - destination: {host: reviews, "
    "subset: v1}\n"
    "  tcp:\n  - route:\n    - destination: {host: reviews}\n";
const char* kWorkloads =
    "# untouched file\napiVersion: v1\nkind: Service\nmetadata: {name: reviews, namespace: shop}\nspec: {selector: "
    "{app: reviews}}\n"
    "---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {any: thing}\n";
const char* kSettings = "name: shop\ndefaultNamespace: shop\nfutureSetting: [1, 2]\n";

std::filesystem::path makeProject() {
  auto dir = freshTempDir("project");
  AtomicFile::write(dir / "routing.yaml", kRouting);
  AtomicFile::write(dir / "nested" / "workloads.yml", kWorkloads);
  AtomicFile::write(dir / Project::kSettingsFile, kSettings);
  return dir;
}

std::size_t indexOf(const Project& project, const std::string& displayName) {
  for (std::size_t i = 0; i < project.resources().size(); ++i)
    if (project.resources()[i].displayName() == displayName) return i;
  return std::size_t(-1);
}

}  // namespace

class TestProject : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void loadsEveryManifestAndTheSettings() {
    auto dir = makeProject();
    Diagnostics diagnostics;
    Project project = Project::load(dir, diagnostics);
    QVERIFY2(!hasErrors(diagnostics), diagnostics.empty() ? "" : formatDiagnostic(diagnostics[0]).c_str());
    QCOMPARE(project.resources().size(), std::size_t(3));
    QCOMPARE(q(project.resources()[0].source().file), QStringLiteral("nested/workloads.yml"));
    QCOMPARE(q(project.settings().find("defaultNamespace")->text()), QStringLiteral("shop"));
    QVERIFY(!project.isModified());
    std::filesystem::remove_all(dir);
  }

  void editRewritesOnlyItsFileAndKeepsUnknownFields() {
    auto dir = makeProject();
    Diagnostics diagnostics;
    Project project = Project::load(dir, diagnostics);
    std::size_t index = indexOf(project, "VirtualService shop/reviews");
    QVERIFY(index != std::size_t(-1));

    Resource edited = project.resources()[index];
    auto spec = edited.specAs<VirtualServiceSpec>();
    QVERIFY(spec);
    spec->http[0].timeout = "2s";
    edited.setSpec(encode(*spec));
    project.replaceResource(index, edited);
    QVERIFY(project.isModified());
    QVERIFY(project.save().empty());
    QVERIFY(!project.isModified());

    QCOMPARE(q(readFile(dir / "nested" / "workloads.yml")), q(kWorkloads));  // untouched, comment and all
    std::string saved = readFile(dir / "routing.yaml");
    QVERIFY(saved.find("timeout: 2s") != std::string::npos);
    QVERIFY(saved.find("futureField:") != std::string::npos && saved.find("keep: me") != std::string::npos);
    QVERIFY(saved.find("apiVersion: networking.istio.io/v1beta1") != std::string::npos);  // version kept
    QVERIFY(saved.find("zeta: z\n    alpha: a") != std::string::npos);                    // label order kept
    QVERIFY(saved.find("galley.istio.io/analyze-suppress: IST0101") != std::string::npos);
    QVERIFY(saved.find("tcp:") != std::string::npos);
    // No temporary files are left behind by the atomic write.
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      QVERIFY2(entry.path().filename().string().find(".tmp-") == std::string::npos, entry.path().c_str());

    Diagnostics again;
    Project reloaded = Project::load(dir, again);
    QCOMPARE(reloaded.resources().size(), std::size_t(3));
    std::filesystem::remove_all(dir);
  }

  void settingsKeepUnknownKeys() {
    auto dir = makeProject();
    Diagnostics diagnostics;
    Project project = Project::load(dir, diagnostics);
    Value settings = project.settings();
    settings.set("name", Value::string("shop-2"));
    project.setSettings(settings);
    QVERIFY(project.save().empty());
    std::string saved = readFile(dir / Project::kSettingsFile);
    QCOMPARE(q(saved), QStringLiteral("name: shop-2\ndefaultNamespace: shop\nfutureSetting:\n  - 1\n  - 2\n"));
    std::filesystem::remove_all(dir);
  }

  void newAndRemovedResources() {
    auto dir = makeProject();
    Diagnostics diagnostics;
    Project project = Project::load(dir, diagnostics);
    project.addResource(Resource::create(ResourceKind::DestinationRule, "shop", "reviews"));
    project.removeResource(indexOf(project, "VirtualService shop/reviews"));
    QVERIFY(project.save().empty());
    QVERIFY(!std::filesystem::exists(dir / "routing.yaml"));
    QCOMPARE(q(readFile(dir / "shop" / "destinationrule-reviews.yaml")),
             QStringLiteral("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n"
                            "  namespace: shop\nspec: {}\n"));
    std::filesystem::remove_all(dir);
  }

  void failedSaveKeepsTheOldFileAndTheDirtyState() {
    auto dir = makeProject();
    Diagnostics diagnostics;
    Project project = Project::load(dir, diagnostics);
    // A folder sits where the new resource's file must go, so its rename fails, even as root.
    std::filesystem::create_directories(dir / "default" / "gateway-gw.yaml" / "blocker");
    project.addResource(Resource::create(ResourceKind::Gateway, "", "gw"));
    Diagnostics errors = project.save();
    QCOMPARE(errors.size(), std::size_t(1));
    QVERIFY(q(errors[0].message).contains(QStringLiteral("cannot replace")));
    QVERIFY(q(errors[0].file).endsWith(QStringLiteral("default/gateway-gw.yaml")));
    QVERIFY(project.isModified());  // nothing is marked saved that was not
    QCOMPARE(q(readFile(dir / "routing.yaml")), q(kRouting));
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
      QVERIFY2(entry.path().filename().string().find(".tmp-") == std::string::npos, entry.path().c_str());
    std::filesystem::remove_all(dir);
  }

  void saveAsWritesEveryFileToTheNewFolderAndContinuesThere() {
    auto dir = makeProject();
    auto copy = freshTempDir("project-save-as") / "copy";
    Diagnostics diagnostics;
    Project project = Project::load(dir, diagnostics);
    // A deletion before Save As: the new folder never gets the file, the old one keeps it.
    project.removeResource(indexOf(project, "VirtualService shop/reviews"));
    QVERIFY(Project::isFreeForProject(copy));
    QVERIFY(project.save(copy).empty());
    QCOMPARE(project.folder(), copy);
    QVERIFY(!project.isModified());
    QVERIFY(!Project::isFreeForProject(copy));
    QVERIFY(!std::filesystem::exists(copy / "routing.yaml"));
    QCOMPARE(q(readFile(dir / "routing.yaml")), q(kRouting));  // the old folder is left as it was
    QVERIFY(readFile(copy / "nested" / "workloads.yml").find("kind: Widget") != std::string::npos);
    QVERIFY(readFile(copy / Project::kSettingsFile).find("futureSetting:") != std::string::npos);

    // The next plain save goes to the new folder.
    project.addResource(Resource::create(ResourceKind::Gateway, "shop", "gw"));
    QVERIFY(project.save().empty());
    QVERIFY(std::filesystem::exists(copy / "shop" / "gateway-gw.yaml"));
    QVERIFY(!std::filesystem::exists(dir / "shop" / "gateway-gw.yaml"));
    Diagnostics again;
    QCOMPARE(Project::load(copy, again).resources().size(), std::size_t(3));
    std::filesystem::remove_all(dir);
    std::filesystem::remove_all(copy.parent_path());
  }

  void createStartsAProjectOnlyInAnEmptyFolder() {
    auto parent = freshTempDir("project-create");
    Diagnostics diagnostics;
    Project project = Project::create(parent / "new", "new", "demo", diagnostics);
    QVERIFY(diagnostics.empty());
    QCOMPARE(project.folder(), parent / "new");
    QVERIFY(project.resources().empty());
    QCOMPARE(q(readFile(parent / "new" / Project::kSettingsFile)),
             QStringLiteral("apiVersion: meshstudio.dev/v1alpha1\nkind: Project\nname: new\ndefaultNamespace: demo\n"));
    Diagnostics reloaded;
    QCOMPARE(q(Project::load(parent / "new", reloaded).settings().find("defaultNamespace")->text()),
             QStringLiteral("demo"));

    auto existing = makeProject();
    Diagnostics refused;
    QVERIFY(Project::create(existing, "x", "default", refused).folder().empty());
    QCOMPARE(refused.size(), std::size_t(1));
    QCOMPARE(q(readFile(existing / Project::kSettingsFile)), q(kSettings));  // not overwritten
    std::filesystem::remove_all(parent);
    std::filesystem::remove_all(existing);
  }

  void atomicWriteReplacesWholeFiles() {
    auto dir = freshTempDir("atomic");
    auto path = dir / "a.yaml";
    QVERIFY(AtomicFile::write(path, "old content that is longer\n").empty());
    QVERIFY(AtomicFile::write(path, "new\n").empty());
    QCOMPARE(q(readFile(path)), QStringLiteral("new\n"));
    QVERIFY(!AtomicFile::write(dir / "a.yaml" / "not-a-dir", "x").empty());
    std::filesystem::remove_all(dir);
  }
};

QTEST_APPLESS_MAIN(TestProject)
#include "tst_project.moc"

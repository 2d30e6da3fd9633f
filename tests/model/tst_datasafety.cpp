// Issue 10, data safety: a save killed at any instant leaves each file old or new, never torn;
// an import where some files cannot be read loads the rest and names the failures; a project
// with kinds and fields the studio does not know survives open, edit, save and reopen byte for
// byte, except for the edited field.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "model/AtomicFile.h"
#include "model/FieldPath.h"
#include "model/Importer.h"
#include "model/Project.h"

using namespace meshstudio;

namespace {

/// A VirtualService whose description is `filler` repeated: big enough (about 1 MiB) that a
/// write takes long enough for a kill to land in the middle of one.
std::string manifest(char filler) {
  return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: shop\n"
         "  annotations:\n    filler: " +
         std::string(1 << 20, filler) + "\nspec:\n  hosts: [reviews]\n";
}

std::string read(const std::filesystem::path& path) {
  std::string content;
  model::AtomicFile::read(path, content);
  return content;
}

/// A VirtualService as people write it: comments, keys in their own order (kind first, `http`
/// before `hosts`), flow and block style mixed, fields no Istio version has (a top-level spec
/// field and one inside a route), and a DestinationRule in the same file.
constexpr const char* kRoutingFile = R"(# Reviews routing, owned by the shop team.
# Ask #shop-oncall before changing the split.
kind: VirtualService
apiVersion: networking.istio.io/v1
metadata:
  name: reviews   # the Service's short name
  namespace: shop
  labels: {team: shop, tier: "backend"}
spec:
  x-team-notes: keep v1 until the ratings migration lands
  http:
  - name: split
    x-canary-owner: alice@example.com
    route:
    - destination: {host: reviews, subset: v1}
      weight: 50 # stable
    - destination:
        subset: v2
        host: reviews
      weight: 50 # canary
    timeout: 2.50s
  hosts:
  - reviews
---
# Subsets for the split above.
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: shop}
spec:
  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
  - name: v2
    labels: {version: "v2"}
)";

/// Kinds the studio does not model: Istio security and a made-up CRD, both kept whole.
constexpr const char* kPoliciesFile = R"(apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: reviews-viewer
  namespace: shop
spec:
  selector:
    matchLabels: {app: reviews}
  action: ALLOW
  rules:
  - from:
    - source: {principals: ["cluster.local/ns/shop/sa/productpage"]}
    to:
    - operation:
        methods: ["GET"]
---
apiVersion: widgets.acme.example.com/v1alpha1
kind: Widget   # our own CRD
metadata: {name: gizmo, namespace: shop}
spec:
  color: 0x1F
  sizes: [1.50, 2, 003]
  enabled: yes
  nested: {deep: {deeper: ~}}
)";

constexpr const char* kSettingsFile = R"(apiVersion: meshstudio.dev/v1alpha1
kind: Project
name: shop
defaultNamespace: shop
x-unknown-setting: [1, 2]
)";

}  // namespace

class DataSafetyTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue10_killDuringSaveLeavesTheOldOrTheNewFile() {
    QTemporaryDir folder;
    const std::filesystem::path root = folder.path().toStdString();
    const std::filesystem::path file = root / "routing.yaml";
    const std::string versionA = manifest('a'), versionB = manifest('b');
    QCOMPARE(model::AtomicFile::write(file, versionA), std::string());

    std::mt19937 random(20261127);
    for (int round = 0; round < 25; ++round) {
      pid_t child = ::fork();
      QVERIFY(child >= 0);
      if (child == 0) {
        // The child saves the project over and over, flipping the description: a real
        // Project::save (changed files only, each through AtomicFile), until it is killed.
        model::Diagnostics problems;
        model::Project project = model::Project::load(root, problems);
        for (bool flip = true;; flip = !flip) {
          model::ImportResult next = model::Importer::importText(flip ? versionB : versionA, "routing.yaml");
          project.replaceResource(0, next.resources.front());
          project.save();
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5 + random() % 60));
      QCOMPARE(::kill(child, SIGKILL), 0);
      int status = 0;
      QCOMPARE(::waitpid(child, &status, 0), child);
      QVERIFY(WIFSIGNALED(status));

      const std::string content = read(file);
      QVERIFY2(content == versionA || content == versionB,
               qPrintable(QStringLiteral("round %1: a torn file of %2 bytes").arg(round).arg(content.size())));
      // What the kill left behind (a temporary file) is never taken for a manifest.
      model::Diagnostics problems;
      model::Project reopened = model::Project::load(root, problems);
      QCOMPARE(reopened.resources().size(), std::size_t(1));
    }
  }

  void issue10_unreadableFilesAreListedAndTheRestLoads() {
    QTemporaryDir folder;
    const std::filesystem::path root = folder.path().toStdString();
    QCOMPARE(model::AtomicFile::write(root / "good.yaml", manifest('g').substr(0, 200) + "\n"), std::string());
    std::ofstream(root / "also-good.yaml")
        << "apiVersion: v1\nkind: Service\nmetadata: {name: reviews, namespace: shop}\n";
    // Unreadable even for root (the tests may run as root, where chmod 000 reads fine): a
    // dangling symlink and a directory named like a manifest.
    std::filesystem::create_symlink(root / "gone.yaml", root / "dangling.yaml");
    std::filesystem::create_directory(root / "folder.yaml");
    std::ofstream(root / "folder.yaml" / "inner.yaml") << "apiVersion: v1\nkind: Service\nmetadata: {name: inner}\n";

    model::ImportResult imported = model::Importer::importPaths({root});
    std::vector<std::string> kinds;
    for (const model::Resource& resource : imported.resources) kinds.push_back(resource.kindName());
    QVERIFY2(std::count(kinds.begin(), kinds.end(), "VirtualService") == 1, "good.yaml was not loaded");
    QVERIFY2(std::count(kinds.begin(), kinds.end(), "Service") == 2, "also-good.yaml or folder.yaml/inner.yaml");
    bool named = false;
    for (const model::Diagnostic& d : imported.diagnostics)
      named = named || d.file.find("dangling.yaml") != std::string::npos;
    QVERIFY2(named, "the dangling file is not listed among the failures");
  }

  void issue10_unknownKindsAndFieldsSurviveEditSaveReopen() {
    QTemporaryDir folder;
    const std::filesystem::path root = folder.path().toStdString();
    QCOMPARE(model::AtomicFile::write(root / "routing.yaml", kRoutingFile), std::string());
    QCOMPARE(model::AtomicFile::write(root / "security" / "policies.yaml", kPoliciesFile), std::string());
    QCOMPARE(model::AtomicFile::write(root / "meshstudio.yaml", kSettingsFile), std::string());

    model::Diagnostics problems;
    model::Project project = model::Project::load(root, problems);
    QVERIFY(!model::hasErrors(problems));  // the unknown kinds are noted (Info), nothing worse
    QCOMPARE(project.resources().size(), std::size_t(4));
    std::size_t reviews = project.resources().size();
    for (std::size_t i = 0; i < project.resources().size(); ++i)
      if (project.resources()[i].kindName() == "VirtualService") reviews = i;
    QVERIFY(reviews < project.resources().size());

    // The one edit: the stable route's weight, 50 -> 75, as the studio's route form makes it.
    model::Resource edited = project.resources()[reviews];
    model::Value document = edited.document();
    const auto weight = model::FieldPath::parse("spec.http[0].route[0].weight");
    QVERIFY(weight);
    QCOMPARE(weight->apply(document, model::Value::integer(75)), std::string());
    edited.setDocument(document);
    project.replaceResource(reviews, edited);
    QVERIFY(project.save().empty());

    model::Diagnostics reopenProblems;
    model::Project reopened = model::Project::load(root, reopenProblems);
    QVERIFY(!model::hasErrors(reopenProblems));
    QCOMPARE(reopened.resources().size(), std::size_t(4));
    const model::Value* savedWeight = reopened.resources()[reviews].document().at("spec.http[0].route[0].weight");
    QVERIFY(savedWeight);
    QCOMPARE(savedWeight->toInt(), std::optional<std::int64_t>(75));

    // Byte for byte: the original text with only the edited line replaced.
    std::string expectedRouting = kRoutingFile;
    const std::string editedLine = "      weight: 50 # stable\n";
    const std::size_t at = expectedRouting.find(editedLine);
    QVERIFY(at != std::string::npos);
    expectedRouting.replace(at, editedLine.size(), "      weight: 75 # stable\n");
    QCOMPARE(read(root / "routing.yaml"), expectedRouting);
    QCOMPARE(read(root / "security" / "policies.yaml"), std::string(kPoliciesFile));
    QCOMPARE(read(root / "meshstudio.yaml"), std::string(kSettingsFile));
  }
};

QTEST_GUILESS_MAIN(DataSafetyTest)
#include "tst_datasafety.moc"

// Issue 10, data safety: a save killed at any instant leaves each file old or new, never torn;
// an import where some files cannot be read loads the rest and names the failures.

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
};

QTEST_GUILESS_MAIN(DataSafetyTest)
#include "tst_datasafety.moc"

// Export to git (issue 8) against real temporary repositories built with libgit2: the library
// (GitExport), the CLI's --git-branch path and the studio's dialog.

#include <QtTest/QtTest>

#include <QProcess>
#include <QTemporaryDir>

#include <git2.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>

#include "../model/TestSupport.h"
#include "app/GitExportDialog.h"
#include "app/git/GitExport.h"
#include "app/git/GitRepository.h"
#include "common/CliRun.h"
#include "model/Exporter.h"
#include "model/Importer.h"

using namespace meshstudio;
using namespace meshstudio::test;
using app::GitExport;
using app::GitExportPlan;

namespace {

void writeText(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<model::Resource> shopResources() {
  model::ImportResult imported = model::Importer::importPaths({sourceDir() / "resources" / "samples" / "shop"});
  return imported.resources;
}

/// A scratch repository with `main` checked out, and the libgit2 calls the tests check with.
class Repository {
 public:
  Repository() {
    app::GitRepository::initLibrary();
    root_ = std::filesystem::path(dir_.path().toStdString());
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.initial_head = "main";
    if (git_repository_init_ext(&repository_, root_.c_str(), &options) != 0) qFatal("git init failed");
  }
  ~Repository() { git_repository_free(repository_); }
  Repository(const Repository&) = delete;
  Repository& operator=(const Repository&) = delete;

  const std::filesystem::path& root() const { return root_; }
  git_repository* raw() const { return repository_; }

  /// Writes the files, stages them and commits them on HEAD's branch, as a user would.
  void commit(const std::map<std::string, std::string>& files, const char* message = "fixture") {
    git_index* index = nullptr;
    QVERIFY(git_repository_index(&index, repository_) == 0);
    QVERIFY(git_index_read(index, 0) == 0);  // the export's own handle may have written it meanwhile
    for (const auto& [path, text] : files) {
      writeText(root_ / path, text);
      QVERIFY(git_index_add_bypath(index, path.c_str()) == 0);
    }
    QVERIFY(git_index_write(index) == 0);
    git_oid treeId, commitId, parentId;
    QVERIFY(git_index_write_tree(&treeId, index) == 0);
    git_index_free(index);
    git_tree* tree = nullptr;
    QVERIFY(git_tree_lookup(&tree, repository_, &treeId) == 0);
    git_commit* parent = nullptr;
    if (git_reference_name_to_id(&parentId, repository_, "HEAD") == 0)
      QVERIFY(git_commit_lookup(&parent, repository_, &parentId) == 0);
    git_signature* signature = nullptr;
    QVERIFY(git_signature_now(&signature, "Fixture", "fixture@example.com") == 0);
    const git_commit* parents[] = {parent};
    QVERIFY(git_commit_create(&commitId, repository_, "HEAD", signature, signature, nullptr, message, tree,
                              parent ? 1 : 0, parents) == 0);
    git_signature_free(signature);
    git_commit_free(parent);
    git_tree_free(tree);
  }

  /// Stages one path's work-tree content without committing it.
  void stage(const std::string& path) {
    git_index* index = nullptr;
    QVERIFY(git_repository_index(&index, repository_) == 0);
    QVERIFY(git_index_read(index, 0) == 0);  // the export's own handle may have written it meanwhile
    QVERIFY(git_index_add_bypath(index, path.c_str()) == 0);
    QVERIFY(git_index_write(index) == 0);
    git_index_free(index);
  }

  /// The full id `reference` resolves to; empty when it does not exist.
  std::string tip(const std::string& reference) const {
    git_oid id;
    if (git_reference_name_to_id(&id, repository_, reference.c_str()) != 0) return {};
    char text[GIT_OID_HEXSZ + 1];
    git_oid_tostr(text, sizeof text, &id);
    return text;
  }

  /// The content of `path` in `branch`'s tip commit; nullopt when absent.
  std::optional<std::string> fileAt(const std::string& branch, const std::string& path) const {
    git_object* object = nullptr;
    const std::string spec = "refs/heads/" + branch + ":" + path;
    if (git_revparse_single(&object, repository_, spec.c_str()) != 0) return std::nullopt;
    std::optional<std::string> text;
    if (git_object_type(object) == GIT_OBJECT_BLOB) {
      auto* blob = reinterpret_cast<git_blob*>(object);
      text = std::string(static_cast<const char*>(git_blob_rawcontent(blob)), std::size_t(git_blob_rawsize(blob)));
    }
    git_object_free(object);
    return text;
  }

  unsigned int parentCount(const std::string& reference) const {
    git_oid id;
    git_commit* commit = nullptr;
    if (git_reference_name_to_id(&id, repository_, reference.c_str()) != 0) return 99;
    if (git_commit_lookup(&commit, repository_, &id) != 0) return 99;
    unsigned int count = git_commit_parentcount(commit);
    git_commit_free(commit);
    return count;
  }

  /// Returned by status() for a path that is in neither HEAD, the index nor the work tree.
  static constexpr unsigned int kUnknownToGit = 0xffffffffu;

  /// git_status_file's flags for one path (GIT_STATUS_CURRENT == 0: clean).
  unsigned int status(const std::string& path) const {
    unsigned int flags = 0;
    const int rc = git_status_file(&flags, repository_, path.c_str());
    if (rc == GIT_ENOTFOUND) return kUnknownToGit;
    if (rc != 0) qFatal("git_status_file failed");
    return flags;
  }

  std::string currentBranch() const {
    git_reference* head = nullptr;
    if (git_reference_lookup(&head, repository_, "HEAD") != 0) return {};
    std::string target = git_reference_symbolic_target(head) ? git_reference_symbolic_target(head) : "";
    git_reference_free(head);
    return target;
  }

 private:
  QTemporaryDir dir_;
  std::filesystem::path root_;
  git_repository* repository_ = nullptr;
};

QStringList statusCodes(const std::vector<app::GitStatusLine>& lines) {
  QStringList out;
  for (const app::GitStatusLine& line : lines) out << QString::fromStdString(line.code + " " + line.path);
  return out;
}

using Run = meshstudio::test::CliRun;

Run cli(const QStringList& arguments) { return meshstudio::test::runCli(arguments); }

}  // namespace

class GitExportTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void exportToANewBranchLeavesTheCheckedOutBranchAlone() {
    Repository repo;
    repo.commit({{"README.md", "# ops\n"}});
    const std::string mainBefore = repo.tip("refs/heads/main");
    std::string error;
    auto exporter = GitExport::open(repo.root() / "deploy" / "istio", error);
    QVERIFY2(exporter, error.c_str());
    const std::vector<model::RenderedFile> files =
        model::Exporter::render(shopResources(), model::ExportLayout::Single);
    GitExportPlan plan = exporter->plan(files, model::ExportLayout::Single);
    QCOMPARE(plan.prefix, std::string("deploy/istio/"));
    QVERIFY(exporter->write(plan).empty());
    QCOMPARE(readFile(repo.root() / "deploy/istio/manifests.yaml"), files.front().content);

    QCOMPARE(statusCodes(exporter->status(plan, error)), QStringList{QStringLiteral("?? deploy/istio/manifests.yaml")});
    const std::string diff = exporter->diff(plan, error);
    QVERIFY2(error.empty(), error.c_str());
    QVERIFY2(diff.find("diff --git a/deploy/istio/manifests.yaml b/deploy/istio/manifests.yaml") != std::string::npos,
             diff.c_str());
    QVERIFY(diff.find("new file mode") != std::string::npos);
    QVERIFY(diff.find("--- /dev/null") != std::string::npos);
    QVERIFY(diff.find("+kind: VirtualService") != std::string::npos);
    QVERIFY(diff.find("README") == std::string::npos);

    app::GitCommitOutcome outcome = exporter->commit(plan, "istio/update", "Route reviews to v2");
    QVERIFY2(outcome.error.empty(), outcome.error.c_str());
    QVERIFY(outcome.committed);
    QVERIFY(outcome.createdBranch);
    QCOMPARE(outcome.id, repo.tip("refs/heads/istio/update"));
    QCOMPARE(outcome.shortId, outcome.id.substr(0, 7));
    QCOMPARE(repo.fileAt("istio/update", "deploy/istio/manifests.yaml"), std::optional(files.front().content));
    QCOMPARE(repo.fileAt("istio/update", "README.md"), std::optional(std::string("# ops\n")));
    QCOMPARE(repo.parentCount("refs/heads/istio/update"), 1u);
    // HEAD, main and the index are as before: the file is still untracked there.
    QCOMPARE(repo.currentBranch(), std::string("refs/heads/main"));
    QCOMPARE(repo.tip("refs/heads/main"), mainBefore);
    QVERIFY(!repo.fileAt("main", "deploy/istio/manifests.yaml"));
    QCOMPARE(repo.status("deploy/istio/manifests.yaml"), unsigned(GIT_STATUS_WT_NEW));

    // The same export again: the branch already has these bytes.
    GitExportPlan again = exporter->plan(model::Exporter::render(shopResources(), model::ExportLayout::Single),
                                         model::ExportLayout::Single);
    QVERIFY(exporter->write(again).empty());
    const std::string branchTip = repo.tip("refs/heads/istio/update");
    outcome = exporter->commit(again, "istio/update", "Again");
    QVERIFY2(outcome.error.empty(), outcome.error.c_str());
    QVERIFY(!outcome.committed);
    QVERIFY(!outcome.createdBranch);
    QCOMPARE(repo.tip("refs/heads/istio/update"), branchTip);
  }

  void commitOnTheCheckedOutBranchLeavesStatusClean() {
    Repository repo;
    repo.commit({{"README.md", "# ops\n"}});
    std::string error;
    auto exporter = GitExport::open(repo.root() / "deploy", error);
    QVERIFY2(exporter, error.c_str());
    const std::vector<model::RenderedFile> files = model::Exporter::render(shopResources(), model::ExportLayout::Split);
    GitExportPlan plan = exporter->plan(files, model::ExportLayout::Split);
    QVERIFY(exporter->write(plan).empty());
    QCOMPARE(exporter->status(plan, error).size(), files.size());
    app::GitCommitOutcome outcome = exporter->commit(plan, "main", "Export");
    QVERIFY2(outcome.error.empty(), outcome.error.c_str());
    QVERIFY(outcome.committed);
    QVERIFY(!outcome.createdBranch);
    QCOMPARE(repo.tip("refs/heads/main"), outcome.id);
    QCOMPARE(repo.parentCount("refs/heads/main"), 1u);
    for (const model::RenderedFile& file : files) {
      QCOMPARE(repo.fileAt("main", "deploy/" + file.relativePath), std::optional(file.content));
      QCOMPARE(repo.status("deploy/" + file.relativePath), unsigned(GIT_STATUS_CURRENT));
    }
    QVERIFY(exporter->status(plan, error).empty());

    // Unchanged project: no status, no diff, nothing to commit, the branch stays where it is.
    GitExportPlan again = exporter->plan(model::Exporter::render(shopResources(), model::ExportLayout::Split),
                                         model::ExportLayout::Split);
    QVERIFY(again.obsolete.empty());
    QVERIFY(exporter->write(again).empty());
    QVERIFY(exporter->status(again, error).empty());
    QCOMPARE(exporter->diff(again, error), std::string());
    QVERIFY2(error.empty(), error.c_str());
    outcome = exporter->commit(again, "main", "Nothing new");
    QVERIFY2(outcome.error.empty(), outcome.error.c_str());
    QVERIFY(!outcome.committed);
    QCOMPARE(repo.tip("refs/heads/main"), repo.tip("HEAD"));
    QCOMPARE(repo.parentCount("refs/heads/main"), 1u);
  }

  void filesItDidNotWriteAreLeftAlone() {
    Repository repo;
    repo.commit({{"README.md", "# ops\n"}, {"notes.txt", "committed notes\n"}});
    writeText(repo.root() / "notes.txt", "dirty notes\n");      // modified, not staged
    writeText(repo.root() / "README.md", "# staged readme\n");  // modified and staged
    repo.stage("README.md");
    writeText(repo.root() / "deploy/mine.yaml", "kind: Mine\n");  // untracked, in the export folder
    const unsigned int notesBefore = repo.status("notes.txt");
    const unsigned int readmeBefore = repo.status("README.md");
    QCOMPARE(notesBefore, unsigned(GIT_STATUS_WT_MODIFIED));
    QCOMPARE(readmeBefore, unsigned(GIT_STATUS_INDEX_MODIFIED));

    std::string error;
    auto exporter = GitExport::open(repo.root() / "deploy", error);
    QVERIFY2(exporter, error.c_str());
    GitExportPlan plan = exporter->plan(model::Exporter::render(shopResources(), model::ExportLayout::Single),
                                        model::ExportLayout::Single);
    QVERIFY(exporter->write(plan).empty());
    QCOMPARE(statusCodes(exporter->status(plan, error)), QStringList{QStringLiteral("?? deploy/manifests.yaml")});
    QVERIFY(exporter->diff(plan, error).find("notes") == std::string::npos);
    for (const std::string branch : {"side", "main"}) {
      app::GitCommitOutcome outcome = exporter->commit(plan, branch, "Export");
      QVERIFY2(outcome.committed, outcome.error.c_str());
      QCOMPARE(repo.fileAt(branch, "notes.txt"), std::optional(std::string("committed notes\n")));
      QCOMPARE(repo.fileAt(branch, "README.md"), std::optional(std::string("# ops\n")));
      QVERIFY(!repo.fileAt(branch, "deploy/mine.yaml"));
      QVERIFY(repo.fileAt(branch, "deploy/manifests.yaml"));
    }
    QCOMPARE(readFile(repo.root() / "notes.txt"), std::string("dirty notes\n"));
    QCOMPARE(readFile(repo.root() / "deploy/mine.yaml"), std::string("kind: Mine\n"));
    QCOMPARE(repo.status("notes.txt"), notesBefore);
    QCOMPARE(repo.status("README.md"), readmeBefore);
    QCOMPARE(repo.status("deploy/mine.yaml"), unsigned(GIT_STATUS_WT_NEW));
    QCOMPARE(repo.status("deploy/manifests.yaml"), unsigned(GIT_STATUS_CURRENT));
  }

  void splitExportRemovesOnlyTheFilesItWroteBefore() {
    Repository repo;
    repo.commit({{"README.md", "# ops\n"}});
    std::string error;
    auto exporter = GitExport::open(repo.root() / "deploy", error);
    QVERIFY2(exporter, error.c_str());
    std::vector<model::Resource> resources = shopResources();
    GitExportPlan first =
        exporter->plan(model::Exporter::render(resources, model::ExportLayout::Split), model::ExportLayout::Split);
    QVERIFY(first.obsolete.empty());
    QVERIFY(exporter->write(first).empty());
    QVERIFY(exporter->commit(first, "main", "First export").committed);
    // A file of the user's own beside ours, committed.
    const std::string& firstFile = first.files.front().relativePath;
    const std::string userFile = "deploy/" + firstFile.substr(0, firstFile.find('/')) + "/custom.yaml";
    repo.commit({{userFile, "kind: Custom\n"}});

    // The first VirtualService is deleted from the project.
    auto gone = std::find_if(resources.begin(), resources.end(),
                             [](const model::Resource& r) { return r.kindName() == "VirtualService"; });
    QVERIFY(gone != resources.end());
    const std::string goneFile = model::Exporter::splitPath(*gone);
    resources.erase(gone);
    GitExportPlan second =
        exporter->plan(model::Exporter::render(resources, model::ExportLayout::Split), model::ExportLayout::Split);
    QCOMPARE(second.obsolete, std::vector<std::string>{goneFile});
    QVERIFY(exporter->write(second).empty());
    QVERIFY(!std::filesystem::exists(repo.root() / "deploy" / goneFile));
    QCOMPARE(readFile(repo.root() / userFile), std::string("kind: Custom\n"));
    QCOMPARE(statusCodes(exporter->status(second, error)),
             (QStringList{QStringLiteral(" M deploy/kustomization.yaml"), q(" D deploy/" + goneFile)}));
    QVERIFY(exporter->diff(second, error).find("deleted file mode") != std::string::npos);
    app::GitCommitOutcome outcome = exporter->commit(second, "main", "Delete a VirtualService");
    QVERIFY2(outcome.committed, outcome.error.c_str());
    QVERIFY(!repo.fileAt("main", "deploy/" + goneFile));
    QCOMPARE(repo.fileAt("main", userFile), std::optional(std::string("kind: Custom\n")));
    QCOMPARE(repo.status("deploy/" + goneFile), Repository::kUnknownToGit);  // gone from HEAD, index and disk
    QVERIFY(exporter->status(second, error).empty());
  }

  void aHandWrittenKustomizationOwnsNothing() {
    Repository repo;
    writeText(repo.root() / "deploy/kustomization.yaml",
              "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamePrefix: x-\n"
              "resources:\n- shop/deployment-old.yaml\n");
    writeText(repo.root() / "deploy/shop/deployment-old.yaml", "kind: Deployment\n");
    std::string error;
    auto exporter = GitExport::open(repo.root() / "deploy", error);
    QVERIFY2(exporter, error.c_str());
    GitExportPlan plan = exporter->plan(model::Exporter::render(shopResources(), model::ExportLayout::Split),
                                        model::ExportLayout::Split);
    QVERIFY(plan.obsolete.empty());
    // Without namePrefix the same list would be ours: the shape decides.
    writeText(repo.root() / "deploy/kustomization.yaml",
              "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
              "resources:\n- shop/deployment-old.yaml\n- ../../etc/passwd.yaml\n");
    QVERIFY(exporter->plan(plan.files, model::ExportLayout::Split).obsolete.empty());
    writeText(repo.root() / "deploy/kustomization.yaml",
              "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n"
              "resources:\n- shop/deployment-old.yaml\n");
    QCOMPARE(exporter->plan(plan.files, model::ExportLayout::Split).obsolete,
             std::vector<std::string>{"shop/deployment-old.yaml"});
    QVERIFY(exporter->plan(plan.files, model::ExportLayout::Single).obsolete.empty());
  }

  void anEmptyRepositoryGetsItsFirstCommit() {
    Repository repo;
    std::string error;
    auto exporter = GitExport::open(repo.root(), error);
    QVERIFY2(exporter, error.c_str());
    QCOMPARE(exporter->repository().currentBranch(), std::string("main"));
    GitExportPlan plan = exporter->plan(model::Exporter::render(shopResources(), model::ExportLayout::Single),
                                        model::ExportLayout::Single);
    QCOMPARE(plan.prefix, std::string());
    QVERIFY(exporter->write(plan).empty());
    QVERIFY(exporter->diff(plan, error).find("+++ b/manifests.yaml") != std::string::npos);
    app::GitCommitOutcome outcome = exporter->commit(plan, "main", "Initial export");
    QVERIFY2(outcome.committed, outcome.error.c_str());
    QCOMPARE(repo.tip("HEAD"), outcome.id);
    QCOMPARE(repo.parentCount("HEAD"), 0u);
    QCOMPARE(repo.status("manifests.yaml"), unsigned(GIT_STATUS_CURRENT));
    QCOMPARE(exporter->diff(plan, error), std::string());
  }

  void badTargetsAreRefusedClearly() {
    QTemporaryDir outside;
    std::string error;
    QVERIFY(!GitExport::open(std::filesystem::path(outside.path().toStdString()) / "deploy", error));
    QVERIFY2(error.find("is not inside a git work tree") != std::string::npos, error.c_str());

    Repository repo;
    error.clear();
    QVERIFY(!GitExport::open(repo.root() / ".git" / "deploy", error));
    QVERIFY2(!error.empty(), "an export into .git must be refused");

    auto exporter = GitExport::open(repo.root(), error);
    QVERIFY(exporter);
    GitExportPlan plan = exporter->plan(model::Exporter::render(shopResources(), model::ExportLayout::Single),
                                        model::ExportLayout::Single);
    QVERIFY(exporter->write(plan).empty());
    QVERIFY(!GitExport::isValidBranchName("bad..name"));
    QVERIFY(GitExport::isValidBranchName("team/istio-update"));
    app::GitCommitOutcome outcome = exporter->commit(plan, "bad..name", "x");
    QVERIFY(!outcome.committed);
    QVERIFY(outcome.error.find("not a valid branch name") != std::string::npos);
    QVERIFY(!exporter->commit(plan, "main", "  \n").error.empty());
  }

  void cliCommitsToABranchWithExitCodes() {
    Repository repo;
    repo.commit({{"README.md", "# ops\n"}});
    const QString sample = q((sourceDir() / "resources" / "samples" / "shop").string());
    const QString out = q((repo.root() / "deploy").string());
    Run run = cli({QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--git-branch"),
                   QStringLiteral("from-ci"), QStringLiteral("--message"), QStringLiteral("CI export"), sample});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.out.contains("?? deploy/manifests.yaml\n"), run.out.constData());
    QVERIFY2(run.out.contains("to branch from-ci (new branch)"), run.out.constData());
    const std::string tip = repo.tip("refs/heads/from-ci");
    QVERIFY(run.out.contains(("committed " + tip.substr(0, 7)).c_str()));
    QVERIFY(repo.fileAt("from-ci", "deploy/manifests.yaml"));
    QCOMPARE(repo.currentBranch(), std::string("refs/heads/main"));

    run = cli({QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--git-branch"),
               QStringLiteral("from-ci"), QStringLiteral("--message"), QStringLiteral("Again"), sample});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("nothing to commit"), run.out.constData());
    QCOMPARE(repo.tip("refs/heads/from-ci"), tip);

    // Usage errors: 2, and nothing written.
    run = cli({QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--git-branch"),
               QStringLiteral("x"), sample});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--message"));
    QTemporaryDir outside;
    run = cli({QStringLiteral("export"), QStringLiteral("--out"), outside.path(), QStringLiteral("--git-branch"),
               QStringLiteral("x"), QStringLiteral("--message"), QStringLiteral("m"), sample});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("not inside a git work tree"), run.err.constData());
    QVERIFY(!QFile::exists(outside.filePath(QStringLiteral("manifests.yaml"))));
    run = cli({QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--git-branch"),
               QStringLiteral("bad..name"), QStringLiteral("--message"), QStringLiteral("m"), sample});
    QCOMPARE(run.exitCode, 2);

    // A git error: the branch's reference is locked by another writer.
    writeText(repo.root() / ".git/refs/heads/locked.lock", "");
    run = cli({QStringLiteral("export"), QStringLiteral("--out"), out, QStringLiteral("--git-branch"),
               QStringLiteral("locked"), QStringLiteral("--message"), QStringLiteral("m"), sample});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("committing to locked"), run.err.constData());
    QVERIFY(repo.tip("refs/heads/locked").empty());
  }

  void theDialogWritesAndCommits() {
    Repository repo;
    repo.commit({{"README.md", "# ops\n"}});
    QTemporaryDir outside;
    app::GitExportDialog dialog(shopResources(), QString());
    dialog.setFolder(outside.path());
    QVERIFY(dialog.folderProblem().contains(QStringLiteral("not inside a git work tree")));
    QVERIFY(!dialog.writeFiles());

    dialog.setFolder(q((repo.root() / "gitops").string()));
    QVERIFY2(dialog.folderProblem().isEmpty(), qPrintable(dialog.folderProblem()));
    dialog.setLayout(model::ExportLayout::Single);
    QVERIFY(dialog.commit() == false);  // nothing written yet
    QVERIFY2(dialog.writeFiles(), qPrintable(dialog.resultText()));
    QCOMPARE(dialog.statusLines(), QStringList{QStringLiteral("?? gitops/manifests.yaml")});
    QVERIFY(dialog.diffText().contains(QStringLiteral("+kind: VirtualService")));
    dialog.setBranch(QStringLiteral("from-dialog"));
    dialog.setMessage(QStringLiteral("Export from the studio"));
    QVERIFY2(dialog.commit(), qPrintable(dialog.resultText()));
    const std::string tip = repo.tip("refs/heads/from-dialog");
    QVERIFY(!tip.empty());
    QVERIFY(dialog.resultText().contains(q(tip.substr(0, 7))));
    QVERIFY(dialog.resultText().contains(QStringLiteral("from-dialog")));
    QVERIFY(repo.fileAt("from-dialog", "gitops/manifests.yaml"));
    QCOMPARE(repo.currentBranch(), std::string("refs/heads/main"));
  }
};

QTEST_MAIN(GitExportTest)
#include "tst_gitexport.moc"

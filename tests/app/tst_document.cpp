// The studio's document layer (issue 6): commands, undo/redo, revision, save, recovery, watching.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <memory>

#include "app/Document.h"
#include "app/SetFieldsCommand.h"
#include "model/Exporter.h"
#include "model/Importer.h"

using meshstudio::app::Document;
using meshstudio::app::DocumentChange;
using meshstudio::app::ResourceId;
using meshstudio::model::FieldEdit;
using meshstudio::model::Value;
namespace model = meshstudio::model;

namespace {

constexpr const char* kReviews = "VirtualService shop/reviews";
constexpr const char* kCanaryWeightV1 = "spec.http[1].route[0].weight";
constexpr const char* kCanaryWeightV3 = "spec.http[1].route[1].weight";

QString sampleFolder() { return QStringLiteral(MESHSTUDIO_SOURCE_DIR "/resources/samples/shop"); }

/// A writable copy of the bundled sample.
bool copySample(const QString& target) {
  QDir source(sampleFolder());
  for (const QString& name : source.entryList(QDir::Files))
    if (!QFile::copy(source.filePath(name), QDir(target).filePath(name))) return false;
  return true;
}

QByteArray readFile(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& content) {
  QFile file(path);
  return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

std::string render(const Document& document, ResourceId id) {
  const model::Resource* resource = document.resource(id);
  return resource ? model::Exporter::renderResource(*resource) : std::string();
}

/// The whole project as export writes it, in project order.
std::string renderAll(const Document& document) {
  std::string out;
  for (const model::Resource& resource : document.resources())
    out += model::Exporter::renderResource(resource) + "---\n";
  return out;
}

/// Fixture: a copy of the sample, a private recovery folder, an open Document.
struct Fixture {
  QTemporaryDir folder;
  QTemporaryDir recovery;
  std::unique_ptr<Document> document = std::make_unique<Document>();
  bool ok = false;

  Fixture() {
    if (!folder.isValid() || !recovery.isValid() || !copySample(folder.path())) return;
    document->setRecoveryDirectory(recovery.path());
    ok = document->open(folder.path());
  }
  ResourceId reviews() const { return document->findResource(kReviews); }
  QString path(const char* name) const { return folder.filePath(QString::fromLatin1(name)); }
};

}  // namespace

class TestDocument : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue6_setFieldUndoRedoRestoresExactYaml() {
    Fixture f;
    QVERIFY(f.ok);
    Document& doc = *f.document;
    const ResourceId id = f.reviews();
    QVERIFY(id != 0);
    const std::string before = render(doc, id);
    QVERIFY(!doc.isModified());

    QVERIFY2(doc.setField(id, kCanaryWeightV1, Value::integer(70)), qPrintable(doc.lastError()));
    const std::string after = render(doc, id);
    QVERIFY(after != before);
    QVERIFY(after.find("weight: 70") != std::string::npos);
    QVERIFY(after.find("weight: 90") == std::string::npos);
    QVERIFY(doc.isModified());
    QCOMPARE(doc.undoStack()->count(), 1);

    doc.undoStack()->undo();
    QCOMPARE(render(doc, id), before);  // byte for byte
    QVERIFY(!doc.isModified());
    doc.undoStack()->redo();
    QCOMPARE(render(doc, id), after);

    // Removing a field and adding a new one (with the maps on the way) are exact inverses too.
    QVERIFY(doc.setFields(id, {FieldEdit{"spec.http[1].timeout", std::nullopt},
                               FieldEdit{"metadata.labels.team", Value::string("reviews")}}));
    QVERIFY(render(doc, id).find("timeout") == std::string::npos);
    QVERIFY(render(doc, id).find("team: reviews") != std::string::npos);
    doc.undoStack()->undo();
    QCOMPARE(render(doc, id), after);

    // Bad paths are refused and leave no undo step.
    const int steps = doc.undoStack()->count();
    QVERIFY(!doc.setField(id, "spec.http[7].route[0].weight", Value::integer(1)));
    QVERIFY(!doc.lastError().isEmpty());
    QVERIFY(!doc.setField(id, "spec..hosts", Value::integer(1)));
    QCOMPARE(doc.undoStack()->count(), steps);
  }

  void issue6_mergedSliderEditsAreOneUndoStep() {
    Fixture f;
    QVERIFY(f.ok);
    Document& doc = *f.document;
    const ResourceId id = f.reviews();
    const std::string before = render(doc, id);

    for (int weight : {88, 80, 71, 64, 60})
      QVERIFY(doc.setField(id, kCanaryWeightV1, Value::integer(weight), QStringLiteral("drag-1")));
    QCOMPARE(doc.undoStack()->count(), 1);
    QVERIFY(render(doc, id).find("weight: 60") != std::string::npos);
    doc.undoStack()->undo();
    QCOMPARE(render(doc, id), before);
    doc.undoStack()->redo();
    QVERIFY(render(doc, id).find("weight: 60") != std::string::npos);

    // A second drag (another key) is a second step; so is the same key on another field.
    QVERIFY(doc.setField(id, kCanaryWeightV1, Value::integer(50), QStringLiteral("drag-2")));
    QVERIFY(doc.setField(id, kCanaryWeightV3, Value::integer(50), QStringLiteral("drag-2")));
    QCOMPARE(doc.undoStack()->count(), 3);
    // Without a key nothing merges.
    QVERIFY(doc.setField(id, kCanaryWeightV1, Value::integer(51)));
    QVERIFY(doc.setField(id, kCanaryWeightV1, Value::integer(52)));
    QCOMPARE(doc.undoStack()->count(), 5);
  }

  void issue6_rebalanceSetsAllWeightsInOneStep() {
    Fixture f;
    QVERIFY(f.ok);
    Document& doc = *f.document;
    const ResourceId id = f.reviews();
    const std::string before = render(doc, id);
    for (int v1 : {85, 80, 75}) {
      QVERIFY(doc.setFields(
          id, {FieldEdit{kCanaryWeightV1, Value::integer(v1)}, FieldEdit{kCanaryWeightV3, Value::integer(100 - v1)}},
          QStringLiteral("rebalance")));
    }
    QCOMPARE(doc.undoStack()->count(), 1);
    const model::Resource* resource = doc.resource(id);
    QCOMPARE(resource->document().at(kCanaryWeightV1)->text(), std::string("75"));
    QCOMPARE(resource->document().at(kCanaryWeightV3)->text(), std::string("25"));
    doc.undoStack()->undo();
    QCOMPARE(render(doc, id), before);
  }

  void issue6_revisionOnlyGoesUp() {
    Fixture f;
    QVERIFY(f.ok);
    Document& doc = *f.document;
    const ResourceId id = f.reviews();
    quint64 last = doc.revision();
    QVERIFY(last > 0);
    auto goesUp = [&] {
      const bool up = doc.revision() > last;
      last = doc.revision();
      return up;
    };
    QVERIFY(doc.setField(id, kCanaryWeightV1, Value::integer(70)));
    QVERIFY(goesUp());
    doc.undoStack()->undo();
    QVERIFY(goesUp());  // back to the old content, but a new revision
    doc.undoStack()->redo();
    QVERIFY(goesUp());
    QVERIFY(doc.setField(id, kCanaryWeightV1, Value::integer(71), QStringLiteral("drag")));
    QVERIFY(goesUp());
    QVERIFY(doc.setField(id, kCanaryWeightV1, Value::integer(72), QStringLiteral("drag")));  // merged, still a change
    QVERIFY(goesUp());
    doc.undoStack()->undo();
    QVERIFY(goesUp());
    QVERIFY(doc.open(f.folder.path()));
    QVERIFY(goesUp());
    // The validator's findings are always those of the current revision.
    QCOMPARE(doc.validation().revision, doc.revision());
  }

  void issue6_changedOncePerCommandWithTheResource() {
    Fixture f;
    QVERIFY(f.ok);
    Document& doc = *f.document;
    const ResourceId id = f.reviews();
    QSignalSpy spy(&doc, &Document::changed);
    auto take = [&spy]() { return spy.isEmpty() ? DocumentChange{} : spy.takeFirst().first().value<DocumentChange>(); };

    QVERIFY(doc.setField(id, kCanaryWeightV1, Value::integer(70)));
    QCOMPARE(spy.count(), 1);
    DocumentChange change = take();
    QVERIFY(!change.reset);
    QCOMPARE(change.modified, std::vector<ResourceId>{id});
    QVERIFY(change.added.empty() && change.removed.empty());
    QCOMPARE(change.revision, doc.revision());

    doc.undoStack()->undo();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(take().modified, std::vector<ResourceId>{id});

    // Add, import (two at once: one signal), remove: by identity, which indexes are not.
    const ResourceId added =
        doc.addResource(model::Resource::create(model::ResourceKind::VirtualService, "shop", "new"));
    QVERIFY(added != 0);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(take().added, std::vector<ResourceId>{added});
    model::ImportResult imported = model::Importer::importText(
        "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: a, namespace: x}\nspec: {}\n---\n"
        "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: b, namespace: x}\nspec: {}\n",
        "/elsewhere/import.yaml");
    const std::vector<ResourceId> ids = doc.importResources(std::move(imported.resources));
    QCOMPARE(ids.size(), std::size_t(2));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(take().added, ids);
    QCOMPARE(doc.resource(ids[0])->source().file, std::string("x/gateway-a.yaml"));  // filed in the project
    QCOMPARE(doc.undoStack()->count(), 2);  // add + import; the undone edit was dropped by the add

    const int index = doc.indexOf(id);
    QVERIFY(doc.removeResources({id}));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(take().removed, std::vector<ResourceId>{id});
    QVERIFY(!doc.resource(id));
    doc.undoStack()->undo();
    QCOMPARE(take().added, std::vector<ResourceId>{id});
    QCOMPARE(doc.indexOf(id), index);  // back in its place, with its file
    QCOMPARE(doc.resource(id)->source().file, std::string("routing.yaml"));

    QVERIFY(doc.renameResource(id, QStringLiteral("reviews-2")));
    QCOMPARE(take().modified, std::vector<ResourceId>{id});
    QCOMPARE(doc.resource(id)->name(), std::string("reviews-2"));
    QVERIFY(!doc.renameResource(id, QStringLiteral("ratings")));  // taken
    const ResourceId copy = doc.duplicateResource(id, QStringLiteral("reviews-copy"));
    QVERIFY(copy != 0 && copy != id);
    QCOMPARE(take().added, std::vector<ResourceId>{copy});
    QCOMPARE(doc.resource(copy)->source().file, std::string("shop/virtualservice-reviews-copy.yaml"));
    QCOMPARE(spy.count(), 0);
  }

  void issue6_unknownFieldsSurviveAnEditAndASave() {
    QTemporaryDir folder;
    QTemporaryDir recovery;
    QVERIFY(writeFile(folder.filePath(QStringLiteral("vs.yaml")),
                      "apiVersion: networking.istio.io/v1\n"
                      "kind: VirtualService\n"
                      "metadata:\n  name: web\n  namespace: a\n  x-owner: team-a\n"
                      "spec:\n  hosts: [web]\n  futureField: {enabled: yes}\n"
                      "  http:\n  - route:\n    - destination: {host: web, subset: v1}\n      weight: 100\n"
                      "      x-note: keep me\n"
                      "status:\n  observedGeneration: 0x1F\n"));
    Document doc;
    doc.setRecoveryDirectory(recovery.path());
    QVERIFY(doc.open(folder.path()));
    const ResourceId id = doc.findResource("VirtualService a/web");
    QVERIFY(id != 0);
    QVERIFY(doc.setField(id, "spec.http[0].route[0].weight", Value::integer(99)));
    QVERIFY(doc.save());

    const QByteArray saved = readFile(folder.filePath(QStringLiteral("vs.yaml")));
    // Edited in place: the rest of the file keeps its text, `yes` unquoted as written included.
    for (const char* kept : {"x-owner: team-a", "futureField: {enabled: yes}", "x-note: keep me", "weight: 99",
                             "observedGeneration: 0x1F"})
      QVERIFY2(saved.contains(kept), saved.constData());
    // And they are the same values when read back.
    Document reread;
    reread.setRecoveryDirectory(recovery.path());
    QVERIFY(reread.open(folder.path()));
    const model::Resource* back = reread.resource(reread.findResource("VirtualService a/web"));
    QVERIFY(back);
    QCOMPARE(back->document().at("spec.http[0].route[0].x-note")->text(), std::string("keep me"));
    QCOMPARE(back->document().at("status.observedGeneration")->text(), std::string("0x1F"));
  }

  void issue6_reorderedRoutesExportInTheNewOrder() {
    Fixture f;
    QVERIFY(f.ok);
    Document& doc = *f.document;
    const ResourceId id = f.reviews();
    const std::string before = render(doc, id);
    QVERIFY(doc.moveListItem(id, "spec.http[1].route", 0, 1));
    const std::string after = render(doc, id);
    const std::size_t v1 = after.find("subset: v1");
    const std::size_t v3 = after.find("subset: v3");
    QVERIFY(v1 != std::string::npos && v3 != std::string::npos);
    QVERIFY2(v3 < v1, after.c_str());
    // The weights travel with their destinations.
    QCOMPARE(doc.resource(id)->document().at("spec.http[1].route[0].weight")->text(), std::string("10"));
    // The HTTP rules too: canary first.
    QVERIFY(doc.moveListItem(id, "spec.http", 1, 0));
    QCOMPARE(doc.resource(id)->document().at("spec.http[0].name")->text(), std::string("canary"));
    QVERIFY(doc.save());
    const QByteArray file = readFile(f.path("routing.yaml"));
    QVERIFY(file.indexOf("name: canary") < file.indexOf("name: testers"));
    QVERIFY(!doc.moveListItem(id, "spec.http", 0, 5));
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(render(doc, id), before);
  }

  void issue6_replaceFromYamlIsOneUndoStep() {
    Fixture f;
    QVERIFY(f.ok);
    Document& doc = *f.document;
    const ResourceId id = f.reviews();
    const std::string before = render(doc, id);
    QString edited = QString::fromStdString(before);
    edited.replace(QStringLiteral("weight: 90"), QStringLiteral("weight: 50"));
    edited.replace(QStringLiteral("weight: 10"), QStringLiteral("weight: 50"));
    edited.replace(QStringLiteral("timeout: 2s"), QStringLiteral("timeout: 3s"));
    QSignalSpy spy(&doc, &Document::changed);
    QVERIFY2(doc.replaceFromYaml(id, edited), qPrintable(doc.lastError()));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(QString::fromStdString(render(doc, id)), edited);
    QCOMPARE(doc.resource(id)->source().file, std::string("routing.yaml"));
    doc.undoStack()->undo();
    QCOMPARE(render(doc, id), before);

    // Text that does not parse is refused with the parser's message, and changes nothing.
    QVERIFY(!doc.replaceFromYaml(id, QStringLiteral("kind: [unclosed\n")));
    QVERIFY(!doc.lastError().isEmpty());
    QVERIFY(!doc.replaceFromYaml(id, edited + QStringLiteral("---\nkind: Other\n")));  // two documents
    QCOMPARE(doc.undoStack()->index(), 0);
    QCOMPARE(render(doc, id), before);
  }

  void issue6_saveIsAtomicAndMarksClean() {
    Fixture f;
    QVERIFY(f.ok);
    Document& doc = *f.document;
    const ResourceId id = f.reviews();
    const QString routing = f.path("routing.yaml");
    const QByteArray gatewayBytes = readFile(f.path("gateway.yaml"));
    struct stat before {};
    QCOMPARE(::stat(QFile::encodeName(routing).constData(), &before), 0);

    QVERIFY(doc.setField(id, kCanaryWeightV1, Value::integer(70)));
    QSignalSpy modified(&doc, &Document::modificationChanged);
    QVERIFY(doc.save());
    QVERIFY(!doc.isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.first().first().toBool(), false);
    struct stat after {};
    QCOMPARE(::stat(QFile::encodeName(routing).constData(), &after), 0);
    QVERIFY(before.st_ino != after.st_ino);  // replaced by a rename, not rewritten in place
    QVERIFY(readFile(routing).contains("weight: 70"));
    QCOMPARE(readFile(f.path("gateway.yaml")), gatewayBytes);  // untouched files keep their bytes
    QCOMPARE(QDir(f.folder.path()).entryList({QStringLiteral("*.tmp-*")}, QDir::Files), QStringList());

    // A failed save leaves the old file whole and the document modified.
    const QByteArray saved = readFile(routing);
    QVERIFY(doc.setField(id, kCanaryWeightV1, Value::integer(65)));
    QString error;
    bool ok = true;
    if (::geteuid() != 0) {
      QVERIFY(QFile::setPermissions(f.folder.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
      ok = doc.save(&error);
      QFile::setPermissions(f.folder.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    } else {
      // root ignores permissions, not file size limits: the temporary file cannot be written.
      rlimit old{};
      QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
      rlimit small = old;
      small.rlim_cur = 64;
      auto previous = std::signal(SIGXFSZ, SIG_IGN);
      QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
      ok = doc.save(&error);
      ::setrlimit(RLIMIT_FSIZE, &old);
      std::signal(SIGXFSZ, previous);
    }
    QVERIFY(!ok);
    QVERIFY2(error.contains(QStringLiteral("routing.yaml")), qPrintable(error));
    QCOMPARE(readFile(routing), saved);
    QVERIFY(doc.isModified());
    QCOMPARE(QDir(f.folder.path()).entryList({QStringLiteral("*.tmp-*")}, QDir::Files), QStringList());
    QVERIFY(doc.save());
    QVERIFY(readFile(routing).contains("weight: 65"));
  }

  void issue6_autosaveAndRestoreBringBackUnsavedEdits() {
    Fixture f;
    QVERIFY(f.ok);
    const QByteArray routingOnDisk = readFile(f.path("routing.yaml"));
    f.document->setAutosaveInterval(std::chrono::milliseconds(50));
    const QString recoveryFile = f.document->recoveryFilePath();
    QVERIFY(recoveryFile.startsWith(f.recovery.path()));
    QVERIFY(!QFile::exists(recoveryFile));

    const ResourceId id = f.reviews();
    QVERIFY(f.document->setField(id, kCanaryWeightV1, Value::integer(42)));
    QVERIFY(
        f.document->renameResource(f.document->findResource("VirtualService shop/ratings"), QStringLiteral("stars")));
    QVERIFY(f.document->addResource(model::Resource::create(model::ResourceKind::Gateway, "shop", "extra")) != 0);
    QTRY_VERIFY(QFile::exists(recoveryFile));
    QVERIFY(f.document->writeRecoveryFile());  // the latest state, whatever the timer caught
    const std::string expected = renderAll(*f.document);
    QCOMPARE(QFile::permissions(recoveryFile) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());

    f.document.reset();  // the crash: no save, no close()
    QVERIFY(QFile::exists(recoveryFile));
    QCOMPARE(readFile(f.path("routing.yaml")), routingOnDisk);

    const QList<meshstudio::app::RecoverableSession> sessions = Document::recoverableSessions(f.recovery.path());
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.first().folder, QDir::cleanPath(QFileInfo(f.folder.path()).absoluteFilePath()));
    QCOMPARE(sessions.first().resourceCount, 20);

    Document restored;
    restored.setRecoveryDirectory(f.recovery.path());
    QString error;
    QVERIFY2(restored.restore(sessions.first(), &error), qPrintable(error));
    QCOMPARE(restored.folder(), sessions.first().folder);
    QVERIFY(restored.isModified());
    QCOMPARE(renderAll(restored), expected);
    QCOMPARE(restored.undoStack()->count(), 1);  // "Restore unsaved changes": undo gives the files' state

    const QByteArray gatewayBytes = readFile(f.path("gateway.yaml"));
    QVERIFY(restored.save());
    QVERIFY(!QFile::exists(recoveryFile));
    QVERIFY(readFile(f.path("routing.yaml")).contains("weight: 42"));
    QVERIFY(readFile(f.path("routing.yaml")).contains("name: stars"));
    QCOMPARE(readFile(f.path("gateway.yaml")), gatewayBytes);
    Document reread;
    reread.setRecoveryDirectory(f.recovery.path());
    QVERIFY(reread.open(f.folder.path()));
    QCOMPARE(reread.resourceCount(), 20);

    // A clean close removes the recovery file as well.
    QVERIFY(reread.setField(reread.findResource(kReviews), kCanaryWeightV1, Value::integer(1)));
    QVERIFY(reread.writeRecoveryFile());
    QVERIFY(QFile::exists(recoveryFile));
    reread.close();
    QVERIFY(!QFile::exists(recoveryFile));
    QVERIFY(Document::recoverableSessions(f.recovery.path()).isEmpty());
  }

  void issue6_externalChangesAreReportedButNotOurOwnSaves() {
    Fixture f;
    QVERIFY(f.ok);
    Document& doc = *f.document;
    QSignalSpy spy(&doc, &Document::externalChange);
    const ResourceId id = f.reviews();
    QVERIFY(doc.setField(id, kCanaryWeightV1, Value::integer(70)));
    QVERIFY(doc.save());
    QTest::qWait(800);  // the save's own events have long been handled
    QCOMPARE(spy.count(), 0);

    const QString routing = f.path("routing.yaml");
    QByteArray outside = readFile(routing);
    outside.replace("weight: 70", "weight: 33");
    QVERIFY(writeFile(routing, outside));
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toStringList(), QStringList{QFileInfo(routing).absoluteFilePath()});

    // Reload takes the outside version in, as one undo step that is the new clean point.
    QVERIFY(doc.setField(id, kCanaryWeightV3, Value::integer(1)));
    QVERIFY(doc.reloadFromDisk());
    QVERIFY(!doc.isModified());
    const ResourceId reloaded = doc.findResource(kReviews);
    QCOMPARE(doc.resource(reloaded)->document().at(kCanaryWeightV1)->text(), std::string("33"));
    doc.undoStack()->undo();  // the edits in memory come back
    QVERIFY(doc.isModified());
    QCOMPARE(doc.resource(id)->document().at(kCanaryWeightV3)->text(), std::string("1"));
    // Saving now writes what the user sees, though the project in memory predates the reload.
    QVERIFY(doc.save());
    QVERIFY(readFile(routing).contains("weight: 70"));
    QVERIFY(!readFile(routing).contains("weight: 33"));
    QTest::qWait(500);
    QCOMPARE(spy.count(), 1);  // neither the reload nor the save is an outside change

    // A new file in the folder is an outside change too.
    QVERIFY(writeFile(f.path("extra.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: x}\n"));
    QTRY_COMPARE(spy.count(), 2);
  }
  void issue7_settingsChangeIsOneUndoStepAndIsSaved() {
    Fixture f;
    QVERIFY(f.ok);
    Document& doc = *f.document;
    const QByteArray routingBytes = readFile(f.path("routing.yaml"));
    const Value before = doc.project().settings();
    QSignalSpy spy(&doc, &Document::changed);

    Value settings = before;
    Value trial = Value::map();
    trial.set("name", Value::string("jason sees v2"));
    trial.set("url", Value::string("http://reviews:9080/"));
    settings.set("trials", Value::seq()).append(trial);
    QVERIFY2(doc.setSettings(settings, QStringLiteral("Save trial")), qPrintable(doc.lastError()));
    QCOMPARE(spy.count(), 1);
    const auto change = spy.takeFirst().first().value<DocumentChange>();
    QVERIFY(change.settings);
    QVERIFY(change.added.empty() && change.modified.empty() && !change.reset);
    QVERIFY(doc.project().settings() == settings);
    QVERIFY(doc.isModified());
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Save trial"));

    // The same settings again change nothing and leave no step; a non-map is refused.
    QVERIFY(doc.setSettings(settings, QStringLiteral("Save trial")));
    QCOMPARE(doc.undoStack()->count(), 1);
    QVERIFY(!doc.setSettings(Value::string("x"), QStringLiteral("Break")));
    QVERIFY(!doc.lastError().isEmpty());

    doc.undoStack()->undo();
    QVERIFY(doc.project().settings() == before);
    QVERIFY(!doc.isModified());
    QVERIFY(spy.takeLast().first().value<DocumentChange>().settings);
    doc.undoStack()->redo();

    // Saved into meshstudio.yaml with the project; the manifests keep their bytes.
    QVERIFY(doc.save());
    const QByteArray written = readFile(f.path("meshstudio.yaml"));
    QVERIFY2(written.contains("jason sees v2") && written.contains("defaultNamespace: shop"), written.constData());
    QCOMPARE(readFile(f.path("routing.yaml")), routingBytes);
    Document reopened;
    reopened.setRecoveryDirectory(f.recovery.path());
    QVERIFY(reopened.open(f.folder.path()));
    const Value* trials = reopened.project().settings().find("trials");
    QVERIFY(trials && trials->isSeq() && trials->size() == 1);
    QCOMPARE(trials->items().front().find("url")->text(), std::string("http://reviews:9080/"));
  }
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"

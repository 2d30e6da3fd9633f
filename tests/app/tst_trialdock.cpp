// Issue 7, the engine inside the studio: the Trial dock sends requests through the embedded
// engine (real HTTP on 127.0.0.1, ephemeral ports) and shows the decision trace; live reload
// follows the document; Explain, trial suites (run again by meshstudio-cli test) and a stop in
// the middle of a trial. Everything is driven through the real window and its widgets.

#include <QtTest/QtTest>

#include <QAbstractItemView>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QTextBlock>
#include <QTreeWidget>
#include <QUndoStack>

#include <filesystem>

#include "app/Document.h"
#include "app/EngineActions.h"
#include "app/EngineBridge.h"
#include "app/EngineWorkbench.h"
#include "app/MainWindow.h"
#include "app/MatchedRuleHighlighter.h"
#include "app/ResourceEditorHost.h"
#include "app/ResourceEditorHost.h"
#include "app/TrialDock.h"
#include "engine/Engine.h"
#include "model/Value.h"
#include "views/AccessLogView.h"
#include "views/DecisionTraceView.h"
#include "views/TrialRequestEditor.h"
#include "views/TrialResultView.h"
#include "views/TrialSuiteTable.h"
#include "views/VirtualServiceEditor.h"
#include "views/WeightSplitEditor.h"
#include "views/YamlView.h"

using namespace meshstudio;

namespace {

constexpr const char* kReviews = "VirtualService shop/reviews";

/// The shop sample in a temporary folder, opened in a shown main window whose engine binds
/// free loopback ports.
struct Studio {
  QTemporaryDir folder;
  app::MainWindow window;
  app::TrialDock* dock = nullptr;
  bool ok = false;

  Studio() {
    std::filesystem::copy(std::filesystem::path(MESHSTUDIO_SOURCE_DIR) / "resources/samples/shop",
                          folder.path().toStdString(), std::filesystem::copy_options::recursive);
    window.document()->setRecoveryDirectory(folder.filePath(QStringLiteral("recovery")));
    window.engine()->bridge()->setPortPolicy(app::EngineBridge::PortPolicy::Ephemeral);
    window.engine()->bridge()->setThreads(2);
    window.resize(1400, 900);
    ok = window.openProject(folder.path());
    window.show();
    ok = ok && QTest::qWaitForWindowExposed(&window);
    dock = window.engine()->trialDock();
  }
  app::EngineBridge& bridge() const { return *window.engine()->bridge(); }
  app::Document& document() const { return *window.document(); }

  /// Start from the Engine menu's action, as a user does.
  bool startEngine() {
    window.engine()->actions()->startAction()->trigger();
    return bridge().isRunning();
  }

  /// Types the URL, and the headers into the table cells (F2, text, Return), as a user does.
  void typeRequest(const QString& url, const views::HeaderPairs& headers = {}) {
    views::TrialRequestEditor* editor = dock->editor();
    editor->setRequest({});
    editor->urlEdit()->setFocus();
    QTest::keyClicks(editor->urlEdit(), url);
    editor->urlEdit()->completer()->popup()->hide();  // a click elsewhere would only close it
    QTableWidget* table = editor->headersTable();
    for (int row = 0; row < headers.size(); ++row) {
      for (int column = 0; column < 2; ++column) {
        table->setCurrentCell(row, column);
        table->setFocus();
        QTest::keyClick(table, Qt::Key_F2);
        auto* cell = table->viewport()->findChild<QLineEdit*>();
        QVERIFY(cell);
        QTest::keyClicks(cell, column == 0 ? headers[row].first : headers[row].second);
        QTest::keyClick(cell, Qt::Key_Return);
        QTRY_VERIFY(!table->viewport()->findChild<QLineEdit*>() ||
                    !table->viewport()->findChild<QLineEdit*>()->isVisible());
      }
    }
  }

  /// Clicks Send and waits for the answer; false when none came.
  bool send(int timeout = 10000) {
    QSignalSpy finished(&bridge(), &app::EngineBridge::trialFinished);
    QTest::mouseClick(dock->sendButton(), Qt::LeftButton);
    return finished.wait(timeout) || finished.count() > 0;
  }

  const views::DecisionTrace& trace() const { return dock->traceView()->trace(); }
};

/// The `labels.version` of the pod that answered, from its echo body.
QString versionInBody(const views::TrialResult& result) {
  return QJsonDocument::fromJson(result.body)
      .object()
      .value(QStringLiteral("labels"))
      .toObject()
      .value(QStringLiteral("version"))
      .toString();
}

/// The version of the pod that answered, from its `x-meshstudio-pod` header (`reviews-v3-0`),
/// which every answer of a simulated pod carries, its injected errors included.
QString podVersion(const views::TrialResult& result) {
  for (const auto& [name, value] : result.headers)
    if (name.compare(QStringLiteral("x-meshstudio-pod"), Qt::CaseInsensitive) == 0) return value.section(u'-', -2, -2);
  return {};
}

}  // namespace

class TrialDockTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue7_jasonGetsV2AndTheHeaderRuleIsHighlighted() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY2(studio.startEngine(), qPrintable(studio.bridge().lastError()));
    const QString status = studio.window.engine()->actions()->statusText();
    QVERIFY2(status.contains(QStringLiteral("running revision")) &&
                 status.contains(QStringLiteral("mesh 127.0.0.1:")) &&
                 status.contains(QStringLiteral("gateway 80 127.0.0.1:")) &&
                 status.contains(QStringLiteral("admin 127.0.0.1:")),
             qPrintable(status));
    QVERIFY(!status.contains(QStringLiteral(":15001")));  // ephemeral, and shown
    qInfo("compiling the shop sample into a snapshot took %.2f ms", studio.bridge().lastCompileMs());

    studio.typeRequest(QStringLiteral("http://reviews:9080/"), {{QStringLiteral("end-user"), QStringLiteral("jason")}});
    QCOMPARE(studio.dock->editor()->request().headers,
             (views::HeaderPairs{{QStringLiteral("end-user"), QStringLiteral("jason")}}));
    QVERIFY(studio.send());

    // The real response came from a v2 pod, and the trace says why.
    const views::TrialResult& result = studio.dock->resultView()->result();
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.status, 200);
    QCOMPARE(versionInBody(result), QStringLiteral("v2"));
    QVERIFY(studio.dock->resultView()->bodyText().contains(QStringLiteral("\n    \"")));  // pretty-printed JSON
    const views::DecisionTrace& trace = studio.trace();
    QVERIFY(trace.live);
    QCOMPARE(trace.matchedResource, QString::fromLatin1(kReviews));
    QCOMPARE(trace.matchedPath, QStringLiteral("spec.http[0]"));
    QCOMPARE(trace.matchedName, QStringLiteral("testers"));
    QCOMPARE(trace.subset, QStringLiteral("v2"));  // from the access-log entry of this very request
    QCOMPARE(trace.cluster, QStringLiteral("outbound|9080|v2|reviews.shop.svc.cluster.local"));
    QVERIFY2(trace.pod.startsWith(QStringLiteral("reviews-v2-")), qPrintable(trace.pod));
    QCOMPARE(trace.responseFlags, QStringLiteral("-"));
    QCOMPARE(trace.retries, 0);

    // The trace view highlights the header rule, with the header condition in its text.
    views::DecisionTraceView* view = studio.dock->traceView();
    const int matched = view->matchedRow();
    QVERIFY(matched >= 0);
    QTreeWidgetItem* row = view->stepsTree()->topLevelItem(matched);
    QVERIFY2(row->text(2).contains(QStringLiteral("testers")), qPrintable(row->text(2)));
    QVERIFY(row->text(3).contains(QStringLiteral("spec.http[0].match[0]")));
    QVERIFY(row->font(2).bold());
    QVERIFY(view->summary(QStringLiteral("destination")).contains(QStringLiteral("subset v2")));
    QVERIFY(view->summary(QStringLiteral("pod")).contains(QStringLiteral("reviews-v2-")));

    // The window was pointed at the rule: the resource selected, its YAML lines highlighted.
    app::MatchedRuleHighlighter* highlighter = studio.window.engine()->highlighter();
    QCOMPARE(highlighter->resource(), QString::fromLatin1(kReviews));
    QCOMPARE(highlighter->path(), QStringLiteral("spec.http[0]"));
    QCOMPARE(studio.window.editorHost()->resource(), studio.document().findResource(kReviews));
    views::YamlView* yaml = studio.window.yamlView();
    const QString first = yaml->document()->findBlockByNumber(highlighter->firstLine() - 1).text();
    QVERIFY2(first.contains(QStringLiteral("name: testers")), qPrintable(first));
    const QString last = yaml->document()->findBlockByNumber(highlighter->lastLine() - 1).text();
    QVERIFY2(last.contains(QStringLiteral("subset: v2")), qPrintable(last));
    bool highlighted = false;
    for (const QTextEdit::ExtraSelection& selection : yaml->extraSelections())
      highlighted = highlighted || (selection.cursor.selectionStart() ==
                                        yaml->document()->findBlockByNumber(highlighter->firstLine() - 1).position() &&
                                    selection.cursor.selectedText().contains(QStringLiteral("jason")));
    QVERIFY(highlighted);

    // The request is in the Access log dock, in Istio's format, with its cluster.
    QTRY_VERIFY_WITH_TIMEOUT(studio.window.engine()->accessLogView()->lines().join(u'\n').contains(
                                 QStringLiteral("outbound|9080|v2|reviews.shop.svc.cluster.local")),
                             3000);
    const QString line = studio.window.engine()->accessLogView()->lines().constLast();
    QVERIFY2(line.contains(QStringLiteral("\"GET / HTTP/1.1\" 200 - via_upstream")), qPrintable(line));
  }

  void issue7_canarySliderAtZeroHundredChangesWhereTheNextTrialGoes() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY(studio.startEngine());
    QVERIFY(studio.window.selectResource(QString::fromLatin1(kReviews)));
    // The canary rule's split, in the VirtualService editor's Destinations tab.
    auto* editor = studio.window.editorHost()->currentEditorAs<views::VirtualServiceEditor>();
    QVERIFY(editor);
    editor->selectRoute(1);
    editor->tabs()->setCurrentIndex(views::VirtualServiceEditor::DestinationsTab);
    views::WeightSplitEditor* split = editor->splitEditor();
    QVERIFY(split);
    studio.typeRequest(QStringLiteral("http://reviews:9080/"));

    auto destinations = [&](int trials) {
      QStringList subsets;
      for (int i = 0; i < trials; ++i) {
        if (!studio.send()) return QStringList{QStringLiteral("no answer")};
        // v3 is the sample's flaky canary (2 % errors): its 503s are still v3's answers.
        subsets << studio.trace().subset + QLatin1Char('/') + podVersion(studio.dock->resultView()->result());
      }
      subsets.removeDuplicates();
      return subsets;
    };
    // v1's slider to the end (100/0), then to the start (0/100), by keyboard on the running engine.
    for (const auto& [key, expected] :
         {std::pair{Qt::Key_End, QStringLiteral("v1/v1")}, std::pair{Qt::Key_Home, QStringLiteral("v3/v3")}}) {
      split->slider(0)->setFocus();
      QTest::keyClick(split->slider(0), key);
      QTRY_COMPARE(studio.bridge().runningRevision(), studio.document().revision());
      QCOMPARE(studio.bridge().health(), app::EngineBridge::Health::Running);
      QCOMPARE(destinations(6), QStringList{expected});
      qInfo("live reload: the snapshot compiled in %.2f ms on the bridge's worker", studio.bridge().lastCompileMs());
    }
    const model::Value* weight = studio.document()
                                     .resource(studio.document().findResource(kReviews))
                                     ->document()
                                     .at("spec.http[1].route[1].weight");
    QCOMPARE(weight->text(), std::string("100"));

    // The same through Document::setFields, as the brief words it: back to v1 only.
    QVERIFY(studio.document().setFields(studio.document().findResource(kReviews),
                                        {{"spec.http[1].route[0].weight", model::Value::integer(100)},
                                         {"spec.http[1].route[1].weight", model::Value::integer(0)}}));
    QTRY_COMPARE(studio.bridge().runningRevision(), studio.document().revision());
    QCOMPARE(destinations(4), QStringList{QStringLiteral("v1/v1")});
  }

  void issue7_liveReloadKeepsTheLastGoodConfigurationWhenAnEditHasErrors() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY(studio.startEngine());
    app::Document& document = studio.document();
    const app::ResourceId reviews = document.findResource(kReviews);
    // A good edit first: everyone to v3.
    QVERIFY(document.setFields(reviews, {{"spec.http[1].route[0].weight", model::Value::integer(0)},
                                         {"spec.http[1].route[1].weight", model::Value::integer(100)}}));
    QTRY_COMPARE(studio.bridge().runningRevision(), document.revision());
    const quint64 good = document.revision();

    // A negative weight is an error (MS1080): not applied, and the status says so.
    QVERIFY(document.setField(reviews, "spec.http[1].route[1].weight", model::Value::integer(-5)));
    const quint64 bad = document.revision();
    QTest::qWait(300);  // time for a (wrong) reload to happen, if it were going to
    QCOMPARE(studio.bridge().runningRevision(), good);
    QCOMPARE(studio.bridge().health(), app::EngineBridge::Health::Stale);
    const QString expected =
        QStringLiteral("Running revision %1; revision %2 has 1 error — not applied").arg(good).arg(bad);
    QCOMPARE(studio.bridge().statusText(), expected);
    QVERIFY2(studio.window.engine()->actions()->statusText().startsWith(expected),
             qPrintable(studio.window.engine()->actions()->statusText()));

    // The last good configuration still serves: v3, 200.
    studio.typeRequest(QStringLiteral("http://reviews:9080/"));
    QVERIFY(studio.send());
    QVERIFY(studio.dock->resultView()->result().error.isEmpty());
    QCOMPARE(podVersion(studio.dock->resultView()->result()), QStringLiteral("v3"));  // 200, or its 2 % of 503s
    QCOMPARE(studio.trace().subset, QStringLiteral("v3"));

    // Fixing it (undo) applies the document again.
    document.undoStack()->undo();
    QTRY_COMPARE(studio.bridge().runningRevision(), document.revision());
    QCOMPARE(studio.bridge().health(), app::EngineBridge::Health::Running);
    QCOMPARE(studio.bridge().statusText(), QStringLiteral("Engine running revision %1").arg(document.revision()));
  }

  void issue7_explainGivesTheSameRuleAsSendWithoutTraffic() {
    Studio studio;
    QVERIFY(studio.ok);
    studio.typeRequest(QStringLiteral("http://reviews:9080/"), {{QStringLiteral("end-user"), QStringLiteral("jason")}});

    // With the engine stopped, Explain works on the document.
    QTest::mouseClick(studio.dock->explainButton(), Qt::LeftButton);
    QCOMPARE(studio.trace().matchedPath, QStringLiteral("spec.http[0]"));
    QVERIFY(!studio.trace().live);

    QVERIFY(studio.startEngine());
    engine::Engine* engine = studio.bridge().engine();
    QVERIFY(engine);
    QTest::mouseClick(studio.dock->explainButton(), Qt::LeftButton);
    const views::DecisionTrace explained = studio.trace();
    QTest::qWait(300);
    QCOMPARE(engine->metrics().requestCount(), quint64(0));  // no request reached the proxy or a pod
    QVERIFY(studio.window.engine()->accessLogView()->lines().isEmpty());
    QVERIFY(!explained.live);
    QVERIFY(explained.pod.isEmpty());
    QVERIFY2(explained.candidates.join(u',').contains(QStringLiteral("reviews-v2-")),
             qPrintable(explained.candidates.join(u',')));
    QVERIFY(studio.dock->resultView()->statusText().contains(QStringLiteral("nothing sent")));

    QVERIFY(studio.send());
    const views::DecisionTrace sent = studio.trace();
    QVERIFY(sent.live);
    QCOMPARE(sent.matchedResource, explained.matchedResource);
    QCOMPARE(sent.matchedPath, explained.matchedPath);
    QCOMPARE(sent.subset, explained.subset);
    QCOMPARE(sent.cluster, explained.cluster);
    QVERIFY(explained.candidates.contains(sent.pod));
    QTRY_COMPARE(engine->metrics().requestCount(), quint64(1));
  }

  void issue7_aSuiteSavedFromTheDockPassesInTheCli() {
    Studio studio;
    QVERIFY(studio.ok);
    views::TrialSuiteTable* suite = studio.dock->suiteTable();
    auto addButton = suite->findChild<QPushButton*>(QStringLiteral("suiteAdd"));
    QVERIFY(addButton);

    studio.typeRequest(QStringLiteral("http://reviews:9080/"), {{QStringLiteral("end-user"), QStringLiteral("jason")}});
    QTest::keyClicks(studio.dock->nameEdit(), QStringLiteral("jason sees v2"));
    QTest::mouseClick(addButton, Qt::LeftButton);
    studio.typeRequest(QStringLiteral("http://reviews:9080/reviews/1"));
    studio.dock->nameEdit()->clear();
    QTest::keyClicks(studio.dock->nameEdit(), QStringLiteral("everyone takes the canary"));
    QTest::mouseClick(addButton, Qt::LeftButton);
    QCOMPARE(suite->rowCount(), 2);
    QCOMPARE(suite->rows()[0].expected, QStringLiteral("reviews/v2"));
    QCOMPARE(suite->rows()[1].expected, QStringLiteral("reviews/v1 (90), reviews/v3 (10)"));

    QTest::mouseClick(suite->runButton(), Qt::LeftButton);
    QVERIFY2(suite->summary().startsWith(QStringLiteral("2 passed, 0 failed")), qPrintable(suite->summary()));
    QCOMPARE(suite->rows()[0].state, views::TrialSuiteRow::State::Passed);

    auto cli = [&](const QString& file, QString* output) {
      QProcess process;
      process.start(QString::fromUtf8(MESHSTUDIO_CLI),
                    {QStringLiteral("test"), file, QStringLiteral("--config"), studio.folder.path()});
      if (!process.waitForFinished(30000)) return -1;
      *output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
      return process.exitCode();
    };
    const QString file = studio.folder.filePath(QStringLiteral("suite.yaml"));
    QVERIFY(studio.dock->saveSuite(file));
    QString output;
    QCOMPARE(cli(file, &output), 0);
    QVERIFY2(output.contains(QStringLiteral("2 test cases, 2 requests: 0 failed")), qPrintable(output));

    // A wrong expectation turns the row red, and the CLI fails on the saved file the same way.
    QTableWidget* table = suite->table();
    table->item(0, 2)->setText(QStringLiteral("reviews/v3"));
    QTest::mouseClick(suite->runButton(), Qt::LeftButton);
    QCOMPARE(suite->rows()[0].state, views::TrialSuiteRow::State::Failed);
    QCOMPARE(suite->rows()[1].state, views::TrialSuiteRow::State::Passed);
    QVERIFY2(suite->rows()[0].message.contains(QStringLiteral("expected")), qPrintable(suite->rows()[0].message));
    QVERIFY(studio.dock->saveSuite(file));
    QCOMPARE(cli(file, &output), 1);
    QVERIFY2(output.contains(QStringLiteral("1 failed")), qPrintable(output));

    // Loading the file gives the rows back.
    suite->setRows({});
    QVERIFY(studio.dock->loadSuite(file));
    QCOMPARE(suite->rowCount(), 2);
    QCOMPARE(suite->rows()[0].request.name, QStringLiteral("jason sees v2"));
    QCOMPARE(suite->rows()[0].request.headers,
             (views::HeaderPairs{{QStringLiteral("end-user"), QStringLiteral("jason")}}));
    QCOMPARE(suite->rows()[1].request.url, QStringLiteral("http://reviews:9080/reviews/1"));
    QCOMPARE(suite->rows()[1].expected, QStringLiteral("reviews/v1 (90), reviews/v3 (10)"));
  }

  void issue7_stoppingTheEngineDuringATrialDoesNotHangTheGui() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY(studio.startEngine());
    studio.typeRequest(QStringLiteral("http://reviews:9080/delay/10"));  // the pod answers after 10 s
    QSignalSpy finished(&studio.bridge(), &app::EngineBridge::trialFinished);
    QTest::mouseClick(studio.dock->sendButton(), Qt::LeftButton);
    QTest::qWait(300);
    QCOMPARE(finished.count(), 0);  // in flight

    // A heartbeat on the GUI thread measures the longest stall from here on.
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worst = 0;
    QTimer heartbeat;
    connect(&heartbeat, &QTimer::timeout, this, [&] {
      worst = qMax(worst, clock.elapsed() - last);
      last = clock.elapsed();
    });
    heartbeat.start(5);
    QElapsedTimer stopping;
    stopping.start();
    studio.window.engine()->actions()->stopAction()->trigger();
    const qint64 stopMs = stopping.elapsed();
    QVERIFY(!studio.bridge().isRunning());
    QVERIFY(finished.wait(3000) || finished.count() == 1);
    heartbeat.stop();
    QVERIFY2(stopMs < 1000, qPrintable(QString::number(stopMs)));
    QVERIFY2(worst < 1000, qPrintable(QString::number(worst)));
    const views::TrialResult& result = studio.dock->resultView()->result();
    QVERIFY2(result.error.startsWith(QStringLiteral("cancelled")), qPrintable(result.error));  // cut off, not answered
    QVERIFY(studio.dock->resultView()->statusText().startsWith(QStringLiteral("No response")));
    QVERIFY(studio.window.engine()->actions()->statusText().startsWith(QStringLiteral("Engine stopped")));
    QVERIFY(studio.window.engine()->actions()->startAction()->isEnabled());

    // The GUI goes on: the engine starts again and answers.
    QVERIFY(studio.startEngine());
    studio.typeRequest(QStringLiteral("http://reviews:9080/"));
    QVERIFY(studio.send());
    QVERIFY(studio.dock->resultView()->result().error.isEmpty());
    QVERIFY(studio.dock->resultView()->result().status >= 200);  // answered (v3 of the canary may say 503)
  }

  void issue7_namedTrialsAreSavedInTheProjectAndCopyAsCurl() {
    Studio studio;
    QVERIFY(studio.ok);
    studio.typeRequest(QStringLiteral("http://reviews:9080/"), {{QStringLiteral("end-user"), QStringLiteral("jason")}});
    QTest::keyClicks(studio.dock->nameEdit(), QStringLiteral("jason sees v2"));
    const int steps = studio.document().undoStack()->count();
    QTest::mouseClick(studio.dock->findChild<QPushButton*>(QStringLiteral("trialSave")), Qt::LeftButton);
    QCOMPARE(studio.document().undoStack()->count(), steps + 1);
    QVERIFY(studio.window.windowTitle().contains(u'*'));
    QCOMPARE(studio.dock->savedTrials()->findText(QStringLiteral("jason sees v2")), 1);
    QVERIFY(studio.window.save());
    QFile settings(studio.folder.filePath(QStringLiteral("meshstudio.yaml")));
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray written = settings.readAll();
    QVERIFY2(written.contains("name: jason sees v2") && written.contains("end-user: jason") &&
                 written.contains("url: http://reviews:9080/"),
             written.constData());

    // Another request in the editor, then the saved trial back from the list.
    studio.typeRequest(QStringLiteral("http://details:9080/"));
    QComboBox* saved = studio.dock->savedTrials();
    saved->setCurrentIndex(1);
    Q_EMIT saved->activated(1);
    QCOMPARE(studio.dock->editor()->urlEdit()->text(), QStringLiteral("http://reviews:9080/"));
    QCOMPARE(studio.dock->editor()->request().headers.size(), 1);

    // Undo removes it again.
    studio.document().undoStack()->undo();
    QCOMPARE(studio.dock->savedTrials()->findText(QStringLiteral("jason sees v2")), -1);
    QVERIFY(studio.document().project().settings().find("trials") == nullptr);

    QVERIFY(studio.startEngine());
    const QString curl = studio.dock->copyAsCurl();
    const QString mesh = QStringLiteral("http://127.0.0.1:%1/").arg(studio.bridge().engine()->meshPort());
    QVERIFY2(curl.startsWith(QStringLiteral("curl -sS -i '") + mesh + QLatin1Char('\'')), qPrintable(curl));
    QVERIFY2(curl.contains(QStringLiteral("-H 'Host: reviews:9080' -H 'end-user: jason'")), qPrintable(curl));
    QCOMPARE(QGuiApplication::clipboard()->text(), curl);

    // The URL field offers the project's hosts and the gateway's URL.
    const QStringList urls = studio.dock->editor()->urlSuggestions();
    QVERIFY2(urls.contains(QStringLiteral("http://reviews:9080/")) &&
                 urls.contains(QStringLiteral("http://shop.example.com/")),
             qPrintable(urls.join(u' ')));
  }

  void issue7_aGatewayUrlGoesThroughTheGatewayListener() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY(studio.startEngine());
    studio.typeRequest(QStringLiteral("http://shop.example.com/products"));
    QVERIFY(studio.send());
    QCOMPARE(studio.dock->resultView()->result().status, 200);
    QCOMPARE(studio.trace().listener, QStringLiteral("gateway:80"));
    QCOMPARE(studio.trace().matchedResource, QStringLiteral("VirtualService shop/productpage"));
    QVERIFY(studio.trace().pod.startsWith(QStringLiteral("productpage-v1-")));
    bool listed = false;
    for (const app::EngineBridge::ListenerAddress& listener : studio.bridge().listeners())
      listed =
          listed || (listener.name == QStringLiteral("gateway 80") &&
                     listener.address.endsWith(QStringLiteral(":%1").arg(studio.bridge().engine()->gatewayPort(80))));
    QVERIFY(listed);
    QVERIFY(studio.dock->resultView()->statusText().contains(QStringLiteral("gateway:80 listener")));
  }
};

QTEST_MAIN(TrialDockTest)
#include "tst_trialdock.moc"

// Issue 7, part 2: the Load test dock drives engine::LoadGenerator through the embedded engine
// (real HTTP on loopback, ephemeral ports) and charts the run live; stopping the engine ends a
// run at once and keeps its partial results; the results save as JSON/CSV/PNG and two reports
// compare side by side; the Topology view shows each edge's live rate and the ejected pods.
// Everything is driven through the real window and the dock's widgets.

#include <QtTest/QtTest>

#include <QBarSet>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedBarSeries>

#include <filesystem>
#include <functional>

#include "app/Document.h"
#include "app/EngineActions.h"
#include "app/EngineBridge.h"
#include "app/EngineWorkbench.h"
#include "app/LoadTestController.h"
#include "app/LoadTestRunner.h"
#include "app/MainWindow.h"
#include "app/TrialDock.h"
#include "common/Screenshots.h"
#include "views/LoadCharts.h"
#include "views/LoadRunComparison.h"
#include "views/LoadTestPanel.h"
#include "views/TopologyView.h"
#include "views/TrialRequestEditor.h"

using namespace meshstudio;

namespace {

const QString kReviewsUrl = QStringLiteral("http://reviews:9080/");
const QString kV1 = QStringLiteral("dest reviews.shop|v1");
const QString kV3 = QStringLiteral("dest reviews.shop|v3");

using test::screenshotFolder;

/// The shop sample in a temporary folder (changed by `prepare` first), opened in a shown main
/// window whose engine binds free loopback ports, with the Load test dock raised.
struct Studio {
  QTemporaryDir folder;
  app::MainWindow window;
  views::LoadTestPanel* panel = nullptr;
  bool ok = false;

  explicit Studio(const std::function<void(const QString&)>& prepare = {}) {
    std::filesystem::copy(std::filesystem::path(MESHSTUDIO_SOURCE_DIR) / "resources/samples/shop",
                          folder.path().toStdString(), std::filesystem::copy_options::recursive);
    if (prepare) prepare(folder.path());
    window.document()->setRecoveryDirectory(folder.filePath(QStringLiteral("recovery")));
    bridge().setPortPolicy(app::EngineBridge::PortPolicy::Ephemeral);
    bridge().setThreads(2);
    window.resize(1500, 1000);
    ok = window.openProject(folder.path());
    window.show();
    ok = ok && QTest::qWaitForWindowExposed(&window);
    panel = window.engine()->loadTestPanel();
    if (auto* dock = qobject_cast<QDockWidget*>(panel->parentWidget())) dock->raise();
  }
  app::EngineBridge& bridge() const { return *window.engine()->bridge(); }
  app::LoadTestRunner& runner() const { return *window.engine()->loadTest()->runner(); }

  bool startEngine() {
    window.engine()->actions()->startAction()->trigger();
    return bridge().isRunning();
  }

  /// Fills the dock's controls as a user does and clicks Start.
  void startLoad(int connections, double qps, int count, double seconds = 5) {
    QComboBox* url = panel->urlBox();
    url->lineEdit()->selectAll();
    QTest::keyClicks(url->lineEdit(), kReviewsUrl);
    QCOMPARE(url->currentText(), kReviewsUrl);
    panel->connectionsBox()->setValue(connections);
    panel->qpsBox()->setValue(qps);
    panel->countBox()->setValue(count);
    panel->durationBox()->setValue(seconds);
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
  }
};

/// Counts the gaps between the ticks of a 10 ms timer on the GUI thread: a stall shows as a gap.
struct Heartbeat {
  QTimer timer;
  QElapsedTimer clock;
  qint64 last = 0, worst = 0;
  Heartbeat() {
    timer.setInterval(10);
    QObject::connect(&timer, &QTimer::timeout, [this] {
      const qint64 now = clock.elapsed();
      worst = std::max(worst, now - last);
      last = now;
    });
    clock.start();
    timer.start();
  }
};

}  // namespace

class LoadDockTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue7_twoThousandRequestsSplitAsConfigured() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY2(studio.startEngine(), qPrintable(studio.bridge().lastError()));
    QVERIFY(studio.panel->urlBox()->findText(kReviewsUrl) >= 0);  // the project's hosts are offered
    QSignalSpy finished(&studio.runner(), &app::LoadTestRunner::finished);
    studio.startLoad(16, 0, 2000);
    QVERIFY2(studio.runner().isRunning(), qPrintable(studio.panel->message()));
    QVERIFY(!studio.panel->startButton()->isEnabled());
    QVERIFY(finished.wait(60000));

    const views::LoadSnapshot& last = studio.panel->lastSnapshot();
    QVERIFY(last.finished);
    QCOMPARE(last.done, quint64(2000));
    QVERIFY2(studio.panel->statusText().startsWith(QStringLiteral("2000 / 2000")),
             qPrintable(studio.panel->statusText()));
    QCOMPARE(studio.panel->progressBar()->value(), studio.panel->progressBar()->maximum());
    QVERIFY(studio.panel->startButton()->isEnabled());

    // Observed next to configured: the canary's 90/10, within 3 points.
    double configuredV1 = -1, configuredV3 = -1;
    quint64 v1 = 0, v3 = 0, all = 0;
    for (const views::LoadSplitRow& row : last.split) {
      all += row.observed;
      if (row.subset == QLatin1String("v1")) configuredV1 = row.configured, v1 = row.observed;
      if (row.subset == QLatin1String("v3")) configuredV3 = row.configured, v3 = row.observed;
    }
    QCOMPARE(configuredV1, 90.0);
    QCOMPARE(configuredV3, 10.0);
    QCOMPARE(all, quint64(2000));
    const double observedV1 = 100.0 * static_cast<double>(v1) / static_cast<double>(all);
    const double observedV3 = 100.0 * static_cast<double>(v3) / static_cast<double>(all);
    QVERIFY2(std::abs(observedV1 - 90) <= 3, qPrintable(QString::number(observedV1)));
    QVERIFY2(std::abs(observedV3 - 10) <= 3, qPrintable(QString::number(observedV3)));

    // The charts got the run.
    views::LoadCharts* charts = studio.panel->charts();
    QVERIFY(charts->rpsSeries()->count() > 0);
    QVERIFY(charts->latencySeries(2)->count() > 0);
    QVERIFY(charts->codeSeries()->count() > 0);  // a set per response code
    QVERIFY(charts->histogramSet()->count() > 0);
    QCOMPARE(charts->observedSplit()->count(), 2);
    QVERIFY(std::abs(charts->observedSplit()->at(0) - observedV1) < 0.01);
    QCOMPARE(charts->configuredSplit()->at(0), 90.0);
    QVERIFY(studio.panel->counterValue(QStringLiteral("retries")) >= 0);
  }

  void issue7_stoppingTheEngineMidRunKeepsTheUiResponsiveAndThePartialResults() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY2(studio.startEngine(), qPrintable(studio.bridge().lastError()));
    QSignalSpy finished(&studio.runner(), &app::LoadTestRunner::finished);
    Heartbeat heartbeat;
    studio.startLoad(4, 400, 1000000);
    QVERIFY2(studio.runner().isRunning(), qPrintable(studio.panel->message()));
    QTest::qWait(1000);
    QVERIFY(studio.runner().isRunning());
    QElapsedTimer stopping;
    stopping.start();
    studio.window.engine()->actions()->stopAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!studio.runner().isRunning() && finished.count() == 1, 2000);
    QVERIFY2(stopping.elapsed() < 2000, qPrintable(QString::number(stopping.elapsed())));
    QTest::qWait(300);  // ticks on their way still arrive; the heartbeat keeps going
    QVERIFY2(heartbeat.worst < 200, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(heartbeat.worst)));

    const views::LoadSnapshot& last = studio.panel->lastSnapshot();
    QVERIFY(last.finished);
    QVERIFY(last.stopped);
    QVERIFY(last.done > 0);
    QVERIFY(last.done < 1000000);
    QVERIFY2(studio.panel->statusText().contains(QStringLiteral("stopped")), qPrintable(studio.panel->statusText()));
    QVERIFY(studio.panel->charts()->rpsSeries()->count() > 0);
    QVERIFY(studio.panel->startButton()->isEnabled());
    QVERIFY(!studio.panel->stopButton()->isEnabled());
    // The partial run is a result like any other.
    QVERIFY(studio.runner().reportJson().contains(QStringLiteral("\"stopped\": true")));
  }

  void issue7_resultsSaveAndTwoRunsCompare() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY2(studio.startEngine(), qPrintable(studio.bridge().lastError()));
    app::LoadTestController* controller = studio.window.engine()->loadTest();
    QTemporaryDir out;
    const QString first = out.filePath(QStringLiteral("first.json")),
                  second = out.filePath(QStringLiteral("second.json"));
    QVERIFY(!controller->saveJson(first));  // nothing run yet
    for (const auto& [count, path] : {std::pair{300, first}, std::pair{500, second}}) {
      QSignalSpy finished(&studio.runner(), &app::LoadTestRunner::finished);
      studio.startLoad(8, 0, count);
      QVERIFY(finished.wait(30000));
      QVERIFY(controller->saveJson(path));
    }
    QFile json(second);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(json.readAll()).object();
    QCOMPARE(report.value(QStringLiteral("requests")).toInt(), 500);
    QVERIFY(report.value(QStringLiteral("codes")).toObject().value(QStringLiteral("200")).toInt() > 400);
    QVERIFY(report.value(QStringLiteral("destinations")).toObject().contains(QStringLiteral("clusters")));

    const QString csvPath = out.filePath(QStringLiteral("run.csv"));
    QVERIFY(controller->saveCsv(csvPath));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() >= 2);
    QVERIFY(lines[0].startsWith(QStringLiteral("seconds,rps,p50_ms,p90_ms,p99_ms,code_200")));
    quint64 answered = 0;
    const int column200 = static_cast<int>(lines[0].split(QLatin1Char(',')).indexOf(QStringLiteral("code_200")));
    for (int i = 1; i < lines.size(); ++i) answered += lines[i].split(QLatin1Char(','))[column200].toULongLong();
    QCOMPARE(answered, report.value(QStringLiteral("codes")).toObject().value(QStringLiteral("200")).toInteger());

    const QString pngPath = out.filePath(QStringLiteral("charts.png"));
    QVERIFY(controller->savePng(pngPath));
    QImage png(pngPath);
    QVERIFY(!png.isNull());
    QVERIFY(png.width() > 300);

    QVERIFY(controller->compare(first, second));
    views::LoadRunComparison* comparison = controller->comparison();
    QVERIFY(comparison && comparison->isVisible());
    QCOMPARE(comparison->cell(QStringLiteral("Requests"), 0), QStringLiteral("300"));
    QCOMPARE(comparison->cell(QStringLiteral("Requests"), 1), QStringLiteral("500"));
    QVERIFY(!comparison->cell(QStringLiteral("Latency p99"), 1).isEmpty());
    QVERIFY(!comparison->cell(QStringLiteral("Code 200"), 0).isEmpty());
    QVERIFY(!controller->compare(first, out.filePath(QStringLiteral("missing.json"))));
  }

  void issue7_topologyShowsLiveRatesAndEjectedPods() {
    // Every v3 answer a 503: outlier detection (5 consecutive 5xx) ejects its one pod.
    Studio studio([](const QString& folder) {
      QFile file(folder + QStringLiteral("/workloads.yaml"));
      QVERIFY(file.open(QIODevice::ReadOnly));
      QString text = QString::fromUtf8(file.readAll());
      file.close();
      QVERIFY(text.contains(QStringLiteral("meshstudio.dev/error-rate: \"0.02\"")));
      text.replace(QStringLiteral("meshstudio.dev/error-rate: \"0.02\""),
                   QStringLiteral("meshstudio.dev/error-rate: \"1\""));
      QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
      file.write(text.toUtf8());
    });
    QVERIFY(studio.ok);
    views::TopologyView* view = studio.window.topologyView();
    QVERIFY(view->graph().indexOf(kV1) >= 0);
    QString routeToV1;
    for (const views::TopologyEdge& edge : view->graph().edges)
      if (view->graph().nodes[edge.to].id == kV1)
        routeToV1 = views::TopologyView::edgeKey(view->graph().nodes[edge.from].id, kV1);
    QVERIFY(!routeToV1.isEmpty());
    QVERIFY(view->edgeTrafficText(routeToV1).isEmpty());

    QVERIFY2(studio.startEngine(), qPrintable(studio.bridge().lastError()));
    QSignalSpy finished(&studio.runner(), &app::LoadTestRunner::finished);
    studio.startLoad(4, 200, 0, 3);
    QTRY_VERIFY_WITH_TIMEOUT(view->edgeTrafficText(routeToV1).contains(QStringLiteral("req/s")) &&
                                 !view->edgeTrafficText(routeToV1).startsWith(QStringLiteral("0.0")),
                             3000);
    QTRY_VERIFY_WITH_TIMEOUT(view->isMarkedEjected(kV3), 3000);
    QVERIFY(!view->isMarkedEjected(kV1));
    QVERIFY(studio.panel->counterValue(QStringLiteral("ejections")) >= 0);
    if (qEnvironmentVariableIsSet("MESHSTUDIO_UPDATE_SCREENSHOTS")) {
      // The dock floated to a readable size, a second and a half into the run.
      QWidget* dock = studio.panel;  // inside the dock's scroll area
      while (dock && !qobject_cast<QDockWidget*>(dock)) dock = dock->parentWidget();
      QVERIFY(dock);
      static_cast<QDockWidget*>(dock)->setFloating(true);
      dock->resize(1400, 720);
      QTest::qWait(1500);
      QWidget* topologyDock = view;
      while (topologyDock && !qobject_cast<QDockWidget*>(topologyDock)) topologyDock = topologyDock->parentWidget();
      QVERIFY(topologyDock);
      static_cast<QDockWidget*>(topologyDock)->setFloating(true);
      topologyDock->show();
      topologyDock->resize(1100, 560);
      QTest::qWait(300);  // a statistics sample or two on the fresh view
      view->fitInView(view->sceneRect(), Qt::KeepAspectRatio);
      QVERIFY(view->grab().save(screenshotFolder() + QStringLiteral("/topology-overlay.png")));
      QVERIFY(studio.panel->grab().save(screenshotFolder() + QStringLiteral("/load-test-dock.png")));
    }
    QVERIFY(finished.wait(10000));
    QTRY_VERIFY(studio.panel->counterValue(QStringLiteral("ejections")) >= 1);

    // Stopping the engine clears the overlay.
    studio.window.engine()->actions()->stopAction()->trigger();
    QVERIFY(view->edgeTrafficText(routeToV1).isEmpty());
    QVERIFY(!view->isMarkedEjected(kV3));
  }

  /// The trial dock with a decision trace, for docs/screenshots (the trace itself is tested in
  /// tst_trialdock): written with MESHSTUDIO_UPDATE_SCREENSHOTS=1, to the temp folder otherwise.
  void screenshot_trialDockWithTrace() {
    Studio studio;
    QVERIFY(studio.ok);
    QVERIFY2(studio.startEngine(), qPrintable(studio.bridge().lastError()));
    app::TrialDock* dock = studio.window.engine()->trialDock();
    if (auto* parent = qobject_cast<QDockWidget*>(dock->parentWidget())) parent->raise();
    views::TrialRequest request;
    request.url = kReviewsUrl;
    request.headers = {{QStringLiteral("end-user"), QStringLiteral("jason")}};
    dock->editor()->setRequest(request);
    QSignalSpy finished(&studio.bridge(), &app::EngineBridge::trialFinished);
    dock->send();
    QVERIFY(finished.wait(10000));
    QTest::qWait(50);
    QVERIFY(dock->grab().save(screenshotFolder() + QStringLiteral("/trial-dock-trace.png")));
  }
};

QTEST_MAIN(LoadDockTest)
#include "tst_loaddock.moc"

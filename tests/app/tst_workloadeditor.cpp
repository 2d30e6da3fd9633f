// The workload editor (issue 6) on the shop sample: a Deployment's replicas, pod labels and the
// meshstudio.dev simulation annotations (checked with the engine's syntax, written as strings and
// read back by the engine); a Service's selector and ports (targetPort as a number or a name).

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

#include "EditorTestSupport.h"
#include "engine/PodBehaviour.h"
#include "engine/ServiceDirectory.h"
#include "views/EditableItemList.h"
#include "views/FieldForm.h"
#include "views/WorkloadEditor.h"

using namespace meshstudio;
using meshstudio::test::EditorStudio;

namespace {

const std::string kLatency = "spec.template.metadata.annotations[meshstudio.dev/latency]";
const std::string kErrorStatus = "spec.template.metadata.annotations[meshstudio.dev/error-status]";

/// How the engine would run replica 0 of `deployment`.
engine::PodBehaviour behaviourOf(const app::Document& document, const std::string& deployment,
                                 std::vector<std::string>& problems) {
  const auto directory = engine::ServiceDirectory::build(document.resources(), "shop");
  for (const engine::SimulatedPod& pod : directory.pods())
    if (pod.deployment == deployment) return engine::PodBehaviour::parse(pod, problems);
  problems.push_back("no pod of " + deployment);
  return {};
}

}  // namespace

class WorkloadEditorTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void replicasAreOneUndoStep() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    auto* editor = studio.edit<views::WorkloadEditor>("Deployment shop/reviews-v3");
    QVERIFY(editor);
    QVERIFY(!editor->showsService());
    auto* replicas = qobject_cast<QSpinBox*>(editor->deploymentForm()->control("spec.replicas"));
    QCOMPARE(replicas->value(), 1);
    const int steps = studio.undoSteps();
    replicas->setValue(3);
    QCOMPARE(studio.text("spec.replicas"), QStringLiteral("3"));
    QCOMPARE(studio.undoSteps(), steps + 1);
    studio.undo();
    QCOMPARE(replicas->value(), 1);
  }

  void simulationAnnotationsAreCheckedAndReadByTheEngine() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    auto* editor = studio.edit<views::WorkloadEditor>("Deployment shop/reviews-v3");
    QVERIFY(editor);
    views::FieldForm* simulation = editor->simulationForm();
    auto* latency = qobject_cast<QLineEdit*>(simulation->control("[meshstudio.dev/latency]"));
    QCOMPARE(latency->text(), QStringLiteral("10ms-80ms"));

    const int steps = studio.undoSteps();
    test::retype(latency, QStringLiteral("25ms-40ms"));
    QCOMPARE(studio.text(kLatency), QStringLiteral("25ms-40ms"));
    QCOMPARE(studio.undoSteps(), steps + 1);

    // The engine's syntax: each end of a range needs its unit. Marked, and nothing written.
    test::retype(latency, QStringLiteral("10-80ms"));
    QVERIFY(!latency->property("problem").toString().isEmpty());
    QCOMPARE(studio.text(kLatency), QStringLiteral("25ms-40ms"));
    QCOMPARE(studio.undoSteps(), steps + 1);
    test::retype(latency, QStringLiteral("25ms-40ms"));
    QVERIFY(latency->property("problem").toString().isEmpty());

    auto* status = qobject_cast<QSpinBox*>(simulation->control("[meshstudio.dev/error-status]"));
    QCOMPARE(status->value(), status->minimum());  // "default (503)"
    status->setValue(500);
    QVERIFY(studio.at(kErrorStatus)->isString());  // annotations are strings
    QCOMPARE(studio.text(kErrorStatus), QStringLiteral("500"));

    auto* handshake = qobject_cast<QLineEdit*>(simulation->control("[meshstudio.dev/handshake]"));
    test::retype(handshake, QStringLiteral("2ms"));
    auto* upstream = qobject_cast<QLineEdit*>(simulation->control("[meshstudio.dev/upstream]"));
    test::retype(upstream, QStringLiteral("localhost"));  // no port
    QVERIFY(!upstream->property("problem").toString().isEmpty());
    QVERIFY(!studio.at("spec.template.metadata.annotations[meshstudio.dev/upstream]"));

    std::vector<std::string> problems;
    const engine::PodBehaviour behaviour = behaviourOf(studio.document, "reviews-v3", problems);
    QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
    QCOMPARE(behaviour.latencyMin.count(), std::int64_t(25));
    QCOMPARE(behaviour.latencyMax.count(), std::int64_t(40));
    QCOMPARE(behaviour.errorStatus, 500u);
    QCOMPARE(behaviour.errorRate, 0.02);
    QCOMPARE(behaviour.handshake.count(), std::int64_t(2));

    // Clearing a field removes the annotation.
    auto* rate = qobject_cast<QLineEdit*>(simulation->control("[meshstudio.dev/error-rate]"));
    test::retype(rate, QString());
    QVERIFY(!studio.at("spec.template.metadata.annotations[meshstudio.dev/error-rate]"));
  }

  void annotationSyntax_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("fixed latency") << "latency"
                                   << "25ms" << true;
    QTest::newRow("seconds") << "latency"
                             << "1.5s" << true;
    QTest::newRow("range") << "latency"
                           << "10ms - 80ms" << true;
    QTest::newRow("range without unit") << "latency"
                                        << "10-80ms" << false;
    QTest::newRow("reversed range") << "latency"
                                    << "80ms-10ms" << false;
    QTest::newRow("over a minute") << "latency"
                                   << "61s" << false;
    QTest::newRow("minutes") << "latency"
                             << "1m" << false;
    QTest::newRow("fraction") << "rate"
                              << "0.05" << true;
    QTest::newRow("percent") << "rate"
                             << "5%" << true;
    QTest::newRow("above one") << "rate"
                               << "1.5" << false;
    QTest::newRow("negative") << "rate"
                              << "-0.1" << false;
    QTest::newRow("handshake") << "handshake"
                               << "1ms" << true;
    QTest::newRow("handshake zero") << "handshake"
                                    << "0" << true;
    QTest::newRow("handshake no unit") << "handshake"
                                       << "5" << false;
    QTest::newRow("upstream") << "upstream"
                              << "127.0.0.1:9081" << true;
    QTest::newRow("upstream per replica") << "upstream"
                                          << "127.0.0.1:9081, [::1]:9082" << true;
    QTest::newRow("upstream without port") << "upstream"
                                           << "127.0.0.1" << false;
    QTest::newRow("upstream bad port") << "upstream"
                                       << "127.0.0.1:70000" << false;
  }

  void annotationSyntax() {
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QString problem;
    if (kind == QLatin1String("latency")) problem = views::WorkloadEditor::latencyProblem(text);
    if (kind == QLatin1String("rate")) problem = views::WorkloadEditor::errorRateProblem(text);
    if (kind == QLatin1String("handshake")) problem = views::WorkloadEditor::handshakeProblem(text);
    if (kind == QLatin1String("upstream")) problem = views::WorkloadEditor::upstreamProblem(text);
    QCOMPARE(problem.isEmpty(), valid);
  }

  void podLabelsThatLeaveTheSelectorAreWarned() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    auto* editor = studio.edit<views::WorkloadEditor>("Deployment shop/reviews-v2");
    QVERIFY(editor);
    QVERIFY(!editor->labelWarning()->isVisibleTo(editor));
    auto* labels = qobject_cast<QTableWidget*>(editor->deploymentForm()->control("spec.template.metadata.labels"));
    QCOMPARE(labels->item(1, 0)->text(), QStringLiteral("version"));
    labels->item(1, 1)->setText(QStringLiteral("v9"));  // what typing into the cell commits
    QCOMPARE(studio.text("spec.template.metadata.labels.version"), QStringLiteral("v9"));
    QCOMPARE(studio.text("spec.template.metadata.labels.app"), QStringLiteral("reviews"));
    QVERIFY(editor->labelWarning()->isVisibleTo(editor));
    QVERIFY(editor->labelWarning()->text().contains(QStringLiteral("version=v2")));
  }

  void servicePortsAndSelector() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    auto* editor = studio.edit<views::WorkloadEditor>("Service shop/reviews");
    QVERIFY(editor);
    QVERIFY(editor->showsService());
    QCOMPARE(editor->selectionStatus()->property("pods").toLongLong(), qlonglong(4));  // 2 + 1 + 1 replicas
    QCOMPARE(editor->portList()->count(), 1);
    QCOMPARE(editor->portList()->currentRow(), 0);

    auto* target = qobject_cast<QLineEdit*>(editor->portForm()->control("targetPort"));
    QCOMPARE(target->text(), QStringLiteral("9080"));
    test::retype(target, QStringLiteral("8080"));
    QVERIFY(studio.at("spec.ports[0].targetPort")->isInt());  // a number, not a port named "8080"
    QCOMPARE(studio.text("spec.ports[0].targetPort"), QStringLiteral("8080"));
    test::retype(target, QStringLiteral("http"));
    QVERIFY(studio.at("spec.ports[0].targetPort")->isString());

    const int steps = studio.undoSteps();
    QTest::mouseClick(editor->portList()->addButton(), Qt::LeftButton);
    QCOMPARE(studio.undoSteps(), steps + 1);
    QCOMPARE(studio.text("spec.ports[1].port"), QStringLiteral("80"));
    QCOMPARE(studio.text("spec.ports[1].name"), QStringLiteral("http-80"));
    QCOMPARE(editor->portList()->currentRow(), 1);
    auto* app = qobject_cast<QLineEdit*>(editor->portForm()->control("appProtocol"));
    test::retype(app, QStringLiteral("http2"));
    QCOMPARE(studio.text("spec.ports[1].appProtocol"), QStringLiteral("http2"));

    studio.host.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&studio.host));
    QVERIFY(studio.host.focusField("spec.ports[0].name"));
    QCOMPARE(editor->portList()->currentRow(), 0);
    QTRY_VERIFY(editor->portForm()->control("name")->hasFocus());

    // A selector nothing carries selects no pods.
    auto* selector = qobject_cast<QTableWidget*>(editor->selectorForm()->control("spec.selector"));
    selector->item(0, 1)->setText(QStringLiteral("nobody"));
    QCOMPARE(studio.text("spec.selector.app"), QStringLiteral("nobody"));
    QCOMPARE(editor->selectionStatus()->property("pods").toLongLong(), qlonglong(0));
  }
};

QTEST_MAIN(WorkloadEditorTest)
#include "tst_workloadeditor.moc"

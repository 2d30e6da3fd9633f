// The main window's project workflow, through the real window: validation badges in the tree,
// the tree's filter, Rename, templates, drag and drop, and the YAML find bar.

#include <QtTest/QtTest>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QTreeView>
#include <QUndoStack>

#include "ProjectWorkflowSupport.h"
#include "app/ResourceActions.h"
#include "app/TemplateCatalog.h"
#include "app/TemplateDialog.h"
#include "model/LocalRateLimit.h"
#include "views/FindBar.h"
#include "views/ResourceTreeFilter.h"
#include "views/ResourceTreePanel.h"
#include "views/YamlView.h"

using namespace meshstudio;
using meshstudio::views::ResourceTreeModel;

namespace {

/// A project with one Service (`web` in `demo`) and its v1/v2 Deployments: what the templates
/// need to validate without findings about missing hosts or pods.
void writeDemoProject(const QString& folder) {
  QVERIFY(test::writeText(folder + QStringLiteral("/meshstudio.yaml"), QStringLiteral("defaultNamespace: demo\n")));
  QString workloads = QStringLiteral(
      "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: demo, labels: {app: web}}\n"
      "spec:\n  selector: {app: web}\n  ports:\n  - {name: http, port: 8080, targetPort: 8080}\n");
  for (const char* version : {"v1", "v2"})
    workloads += QStringLiteral(
                     "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web-%1, namespace: demo}\n"
                     "spec:\n  replicas: 1\n  selector: {matchLabels: {app: web, version: %1}}\n"
                     "  template:\n    metadata: {labels: {app: web, version: %1}}\n"
                     "    spec: {containers: [{name: web, image: example/web:%1, ports: [{containerPort: 8080}]}]}\n")
                     .arg(QLatin1String(version));
  QVERIFY(test::writeText(folder + QStringLiteral("/workloads.yaml"), workloads));
}

QImage iconImage(const QVariant& decoration) { return qvariant_cast<QIcon>(decoration).pixmap(16).toImage(); }
QImage styleImage(QStyle::StandardPixmap pixmap) {
  return QApplication::style()->standardIcon(pixmap).pixmap(16).toImage();
}

/// Sends a drag-enter and a drop of `paths` to `target`; true when both were accepted.
bool dropFiles(QWidget* target, const QStringList& paths) {
  QMimeData mime;
  QList<QUrl> urls;
  for (const QString& path : paths) urls << QUrl::fromLocalFile(path);
  mime.setUrls(urls);
  const QPointF at(target->width() / 2.0, target->height() / 2.0);
  QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(target, &enter);
  if (!enter.isAccepted()) return false;
  QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(target, &drop);
  return drop.isAccepted();
}

}  // namespace

class ProjectWorkflowTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("meshstudio-tests"));
  }

  void treeBadgeShowsAnErrorAndClearsWhenFixed() {
    QTemporaryDir folder;
    test::copyShop(folder.path());
    app::MainWindow window;
    QStringList asked;
    test::tame(window, folder.path(), asked);
    QVERIFY(window.openProject(folder.path()));
    const ResourceTreeModel* model = window.resourceModel();
    const QStringList path{QStringLiteral("VirtualService"), QStringLiteral("shop"), QStringLiteral("reviews")};
    QModelIndex reviews = test::treeNode(model, path);
    QCOMPARE(reviews.data(ResourceTreeModel::ErrorCountRole).toInt(), 0);
    QCOMPARE(iconImage(reviews.data(Qt::DecorationRole)), styleImage(QStyle::SP_FileIcon));

    // A subset no DestinationRule defines: IST0101, an error.
    const app::ResourceId id = window.document()->findResource("VirtualService shop/reviews");
    QVERIFY(window.document()->setField(id, "spec.http[0].route[0].destination.subset", model::Value::string("v9")));
    reviews = test::treeNode(model, path);
    QCOMPARE(reviews.data(ResourceTreeModel::ErrorCountRole).toInt(), 1);
    QCOMPARE(iconImage(reviews.data(Qt::DecorationRole)), styleImage(QStyle::SP_MessageBoxCritical));
    const QString tip = reviews.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("1 error")) && tip.contains(QStringLiteral("IST0101")) &&
                 tip.contains(QStringLiteral("v9")),
             qPrintable(tip));
    // The groups above it add it up; other kinds stay clean.
    const QModelIndex kind = test::treeNode(model, {QStringLiteral("VirtualService")});
    QCOMPARE(kind.data(ResourceTreeModel::ErrorCountRole).toInt(), 1);
    QCOMPARE(iconImage(kind.data(Qt::DecorationRole)), styleImage(QStyle::SP_MessageBoxCritical));
    QVERIFY(kind.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 error")));
    QCOMPARE(test::treeNode(model, {QStringLiteral("Gateway")}).data(ResourceTreeModel::ErrorCountRole).toInt(), 0);

    // Fixed by another edit (not an undo): the badge goes.
    QVERIFY(window.document()->setField(id, "spec.http[0].route[0].destination.subset", model::Value::string("v2")));
    reviews = test::treeNode(model, path);
    QCOMPARE(reviews.data(ResourceTreeModel::ErrorCountRole).toInt(), 0);
    QCOMPARE(iconImage(reviews.data(Qt::DecorationRole)), styleImage(QStyle::SP_FileIcon));
    QVERIFY(!reviews.data(Qt::ToolTipRole).toString().contains(QStringLiteral("IST0101")));
    QCOMPARE(test::treeNode(model, {QStringLiteral("VirtualService")}).data(ResourceTreeModel::ErrorCountRole).toInt(),
             0);
  }

  void filterHidesRowsAndSelectionMapsToTheResource() {
    QTemporaryDir folder;
    test::copyShop(folder.path());
    app::MainWindow window;
    QStringList asked;
    test::tame(window, folder.path(), asked);
    QVERIFY(window.openProject(folder.path()));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    views::ResourceTreePanel* panel = window.resourcePanel();
    QTreeView* tree = window.resourceTree();

    // Ctrl+Shift+F focuses the filter box.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(panel->filterEdit()->hasFocus());
    QTest::keyClicks(panel->filterEdit(), QStringLiteral("vir reviews"));
    QAbstractItemModel* shown = tree->model();
    QVERIFY(shown != window.resourceModel());  // the view sees the proxy
    QCOMPARE(shown->rowCount(), 1);
    const QModelIndex kind = shown->index(0, 0);
    QCOMPARE(kind.data().toString(), QStringLiteral("VirtualService"));
    const QModelIndex ns = shown->index(0, 0, kind);
    QCOMPARE(shown->rowCount(ns), 1);
    const QModelIndex leaf = shown->index(0, 0, ns);
    QCOMPARE(leaf.data().toString(), QStringLiteral("reviews"));

    // A click on the filtered row selects that resource, not the one at the same row unfiltered.
    QVERIFY(tree->isExpanded(ns));
    const QRect rect = tree->visualRect(leaf);
    QVERIFY(rect.isValid());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(window.selectedResource(), window.document()->findResource("VirtualService shop/reviews"));
    QVERIFY(window.yamlView()->yaml().contains(QStringLiteral("kind: VirtualService\nmetadata:\n  name: reviews")));
    window.resourceActions()->duplicateAction()->trigger();
    QVERIFY(window.document()->findResource("VirtualService shop/reviews-copy"));

    // A whole namespace matches by its path; a Gateway does not match "reviews".
    panel->filterEdit()->setText(QStringLiteral("reviews"));
    QStringList kinds;
    for (int row = 0; row < shown->rowCount(); ++row) kinds << shown->index(row, 0).data().toString();
    QCOMPARE(kinds, (QStringList{QStringLiteral("VirtualService"), QStringLiteral("DestinationRule"),
                                 QStringLiteral("Service"), QStringLiteral("Deployment")}));
    // Selecting what the filter hides clears the filter.
    QVERIFY(window.selectResource(QStringLiteral("Gateway shop/shop-gateway")));
    QVERIFY(panel->filterEdit()->text().isEmpty());
    QCOMPARE(window.selectedResource(), window.document()->findResource("Gateway shop/shop-gateway"));
  }

  void renameChecksTheNameAndIsOneUndoStep() {
    QTemporaryDir folder;
    test::copyShop(folder.path());
    app::MainWindow window;
    QStringList asked;
    test::tame(window, folder.path(), asked);
    QVERIFY(window.openProject(folder.path()));
    QVERIFY(window.selectResource(QStringLiteral("DestinationRule shop/ratings")));
    QStringList answers{QStringLiteral("Ratings_V2"), QStringLiteral("ratings-main")};
    QStringList prompts;
    window.resourceActions()->setTextInput(
        [&](const QString&, const QString& label, const QString& text) -> std::optional<QString> {
          prompts << label + QStringLiteral(" [") + text + QLatin1Char(']');
          if (answers.isEmpty()) return std::nullopt;
          return answers.takeFirst();
        });
    QUndoStack* stack = window.document()->undoStack();
    const int steps = stack->count();
    QAction* rename = window.resourceActions()->renameAction();
    QVERIFY(rename->isEnabled());
    rename->trigger();

    // The invalid name was refused with the rule, and asked again with what was typed.
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.front().contains(QStringLiteral("DNS-1123")), qPrintable(asked.front()));
    QCOMPARE(prompts, (QStringList{QStringLiteral("New name for DestinationRule shop/ratings: [ratings]"),
                                   QStringLiteral("New name for DestinationRule shop/ratings: [Ratings_V2]")}));
    QVERIFY(window.document()->findResource("DestinationRule shop/ratings-main"));
    QVERIFY(!window.document()->findResource("DestinationRule shop/ratings"));
    QCOMPARE(window.selectedResource(), window.document()->findResource("DestinationRule shop/ratings-main"));
    QCOMPARE(stack->count(), steps + 1);
    stack->undo();
    QVERIFY(window.document()->findResource("DestinationRule shop/ratings"));
    QVERIFY(!window.document()->findResource("DestinationRule shop/ratings-main"));

    // A name taken by the same kind is refused too, with the document's reason.
    asked.clear();
    QVERIFY(window.selectResource(QStringLiteral("DestinationRule shop/ratings")));
    QVERIFY(!window.resourceActions()->renameSelectedTo(QStringLiteral("reviews")));
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.front().contains(QStringLiteral("already")), qPrintable(asked.front()));
    QCOMPARE(stack->count(), steps + 1);  // the undone step is still there to redo; nothing new
  }

  void templatesCreateResourcesThatValidate_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QStringList>("created");
    QTest::newRow("canary") << QStringLiteral("canary")
                            << QStringList{QStringLiteral("VirtualService demo/web"),
                                           QStringLiteral("DestinationRule demo/web")};
    QTest::newRow("header-routing") << QStringLiteral("header-routing")
                                    << QStringList{QStringLiteral("VirtualService demo/web"),
                                                   QStringLiteral("DestinationRule demo/web")};
    QTest::newRow("fault-injection") << QStringLiteral("fault-injection")
                                     << QStringList{QStringLiteral("VirtualService demo/web")};
    QTest::newRow("circuit-breaker") << QStringLiteral("circuit-breaker")
                                     << QStringList{QStringLiteral("DestinationRule demo/web")};
    QTest::newRow("rate-limit") << QStringLiteral("rate-limit") << QStringList{QStringLiteral("EnvoyFilter demo/web")};
    QTest::newRow("https-gateway") << QStringLiteral("https-gateway")
                                   << QStringList{QStringLiteral("Gateway demo/web-gateway"),
                                                  QStringLiteral("VirtualService demo/web")};
  }

  void templatesCreateResourcesThatValidate() {
    QFETCH(QString, id);
    QFETCH(QStringList, created);
    QTemporaryDir folder;
    writeDemoProject(folder.path());
    app::MainWindow window;
    QStringList asked;
    test::tame(window, folder.path(), asked);
    QVERIFY(window.openProject(folder.path()));
    QVERIFY(window.diagnostics().empty());
    QVERIFY(app::TemplateCatalog::text(id).startsWith(QStringLiteral("# ")));  // compiled in, with its comment
    const int before = window.document()->resourceCount();
    QUndoStack* stack = window.document()->undoStack();

    app::TemplateValues values{QStringLiteral("web"), QStringLiteral("demo"), QStringLiteral("web"),
                               QStringLiteral("web.example.com")};
    QVERIFY2(window.resourceActions()->createFromTemplate(id, values), qPrintable(asked.join(QLatin1Char('\n'))));
    QCOMPARE(stack->count(), 1);
    QCOMPARE(window.document()->resourceCount(), before + int(created.size()));
    for (const QString& name : created) QVERIFY2(window.document()->findResource(name.toStdString()), qPrintable(name));
    QCOMPARE(window.selectedResource(), window.document()->findResource(created.front().toStdString()));
    QVERIFY(!window.yamlView()->yaml().contains(QStringLiteral("${")));  // every placeholder filled

    // The project validator has nothing to say about the new resources.
    QStringList findings;
    for (const model::Diagnostic& finding : window.diagnostics())
      if (finding.severity != model::Severity::Info)
        findings << QString::fromStdString(model::formatDiagnostic(finding));
    QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QLatin1Char('\n'))));

    if (id == QStringLiteral("rate-limit")) {  // the rate limit is one the engine recognises
      const auto limits = model::localRateLimitsOf(
          *window.document()->resource(window.document()->findResource("EnvoyFilter demo/web")));
      QCOMPARE(limits.size(), std::size_t(1));
      QCOMPARE(limits[0].maxTokens, std::int64_t(100));
      QCOMPARE(limits[0].enforcedPercent, 100.0);
      QVERIFY(limits[0].workloadSelector.find("app"));
      QCOMPARE(*limits[0].workloadSelector.find("app"), std::string("web"));
    }

    // A second time the names are taken: refused, nothing added.
    asked.clear();
    QVERIFY(!window.resourceActions()->createFromTemplate(id, values));
    QVERIFY2(asked.size() == 1 && asked.front().contains(QStringLiteral("already has")),
             qPrintable(asked.join(QLatin1Char(','))));
    QCOMPARE(stack->count(), 1);

    stack->undo();  // one step takes all of them out
    QCOMPARE(window.document()->resourceCount(), before);
  }

  void templateDialogOffersTheProjectsServices() {
    QTemporaryDir folder;
    writeDemoProject(folder.path());
    app::MainWindow window;
    QStringList asked;
    test::tame(window, folder.path(), asked);
    QVERIFY(window.openProject(folder.path()));
    app::TemplateDialog dialog(window.document()->resources(), QStringLiteral("demo"));
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    dialog.setTemplateId(QStringLiteral("https-gateway"));
    QCOMPARE(dialog.templateId(), QStringLiteral("https-gateway"));
    QCOMPARE(dialog.hostField()->itemText(0), QStringLiteral("web"));  // a Service of the namespace
    QTest::keyClicks(dialog.nameField(), QStringLiteral("Shop"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.problem().contains(QStringLiteral("DNS-1123")), qPrintable(dialog.problem()));
    dialog.nameField()->clear();
    QTest::keyClicks(dialog.nameField(), QStringLiteral("shop"));
    QVERIFY2(ok->isEnabled(), qPrintable(dialog.problem()));
    QVERIFY(dialog.domainField()->isVisibleTo(&dialog));  // a gateway needs the public host
    const app::TemplateValues values = dialog.values();
    QCOMPARE(values.name, QStringLiteral("shop"));
    QCOMPARE(values.namespaceName, QStringLiteral("demo"));
    QCOMPARE(values.host, QStringLiteral("web"));
    QCOMPARE(values.domain, QStringLiteral("shop.example.com"));
    // From another namespace the Service is offered by its cluster-local name.
    dialog.namespaceField()->setCurrentText(QStringLiteral("edge"));
    QCOMPARE(dialog.hostField()->itemText(0), QStringLiteral("web.demo.svc.cluster.local"));
    QCOMPARE(dialog.values().host, QStringLiteral("web.demo.svc.cluster.local"));  // still the Service picked
    dialog.setTemplateId(QStringLiteral("canary"));
    QVERIFY(!dialog.domainField()->isVisibleTo(&dialog));
  }

  void droppingYamlFilesImportsThem() {
    QTemporaryDir folder;
    test::copyShop(folder.path() + QStringLiteral("/shop"));
    const QString extra = folder.filePath(QStringLiteral("incoming/extra.yaml"));
    QVERIFY(test::writeText(extra, QStringLiteral("apiVersion: networking.istio.io/v1\nkind: DestinationRule\n"
                                                  "metadata: {name: extra, namespace: shop}\nspec: {host: details}\n"
                                                  "---\nkind: [broken\n")));
    const QString more = folder.filePath(QStringLiteral("incoming-folder/nested/more.yml"));
    QVERIFY(test::writeText(more, QStringLiteral("apiVersion: networking.istio.io/v1\nkind: DestinationRule\n"
                                                 "metadata: {name: more, namespace: shop}\nspec: {host: ratings}\n")));
    app::MainWindow window;
    QStringList asked;
    test::tame(window, folder.path(), asked);
    QVERIFY(window.openProject(folder.path() + QStringLiteral("/shop")));
    const int before = window.document()->resourceCount();

    QVERIFY(dropFiles(&window, {extra}));
    QCOMPARE(window.document()->resourceCount(), before + 1);
    QVERIFY(window.document()->findResource("DestinationRule shop/extra"));
    QCOMPARE(window.document()->undoStack()->count(), 1);
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(
        message.contains(QStringLiteral("Imported 1 resource")) && message.contains(QStringLiteral("did not parse")),
        qPrintable(message));
    const bool parseError = std::any_of(window.diagnostics().begin(), window.diagnostics().end(), [](const auto& d) {
      return d.severity == model::Severity::Error && d.file.find("extra.yaml") != std::string::npos;
    });
    QVERIFY(parseError);  // the broken document's error is in the Diagnostics dock
    QCOMPARE(window.selectedResource(), window.document()->findResource("DestinationRule shop/extra"));

    // On the YAML view too (it would paste the names as text), and a folder brings its files.
    QVERIFY(dropFiles(window.yamlView()->viewport(), {folder.filePath(QStringLiteral("incoming-folder"))}));
    QVERIFY(window.document()->findResource("DestinationRule shop/more"));
    QCOMPARE(window.document()->undoStack()->count(), 2);
    // Other files are not taken.
    const QString text = folder.filePath(QStringLiteral("notes.txt"));
    QVERIFY(test::writeText(text, QStringLiteral("hello")));
    QVERIFY(!dropFiles(&window, {text}));
  }

  void findBarFindsAndHighlightsTheNextMatch() {
    app::MainWindow window;
    QStringList asked;
    QTemporaryDir scratch;
    test::tame(window, scratch.path(), asked);
    QVERIFY(window.openProject(test::shopSample()));
    QVERIFY(window.selectResource(QStringLiteral("VirtualService shop/reviews")));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    views::FindBar* bar = window.findBar();
    QVERIFY(!bar->isVisible());
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(bar->isVisible());
    QVERIFY(bar->searchField()->hasFocus());

    QTest::keyClicks(bar->searchField(), QStringLiteral("SUBSET"));
    const QString yaml = window.yamlView()->yaml();
    const int expected = int(yaml.count(QStringLiteral("subset"), Qt::CaseInsensitive));
    QCOMPARE(expected, 3);
    QCOMPARE(bar->matches().size(), expected);
    QCOMPARE(bar->overlay()->ranges(), bar->matches());  // every match is highlighted
    QVERIFY(bar->overlay()->isVisible());
    // Typing went to the first match; Enter goes to the next one, Shift+Enter back.
    QCOMPARE(bar->currentMatch(), 0);
    QCOMPARE(window.yamlView()->textCursor().selectedText(), QStringLiteral("subset"));
    QCOMPARE(window.yamlView()->textCursor().selectionStart(), int(yaml.indexOf(QStringLiteral("subset"))));
    QTest::keyClick(bar->searchField(), Qt::Key_Return);
    QCOMPARE(bar->currentMatch(), 1);
    QCOMPARE(window.yamlView()->textCursor().selectionStart(),
             int(yaml.indexOf(QStringLiteral("subset"), yaml.indexOf(QStringLiteral("subset")) + 1)));
    QTest::keyClick(bar->searchField(), Qt::Key_Return);
    QTest::keyClick(bar->searchField(), Qt::Key_Return);  // wraps around
    QCOMPARE(bar->currentMatch(), 0);
    QTest::keyClick(bar->searchField(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(bar->currentMatch(), 2);
    bar->setCaseSensitive(true);
    QCOMPARE(bar->matches().size(), 0);  // "SUBSET" is not in the text
    bar->setCaseSensitive(false);

    // Another resource: the matches follow the text.
    QVERIFY(window.selectResource(QStringLiteral("Gateway shop/shop-gateway")));
    QCOMPARE(bar->matches().size(), 0);
    QTest::keyClick(bar->searchField(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QVERIFY(!bar->overlay()->isVisible());
  }
};

QTEST_MAIN(ProjectWorkflowTest)
#include "tst_projectworkflow.moc"

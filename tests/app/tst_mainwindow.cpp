// The studio's main window on the bundled sample project: tree, YAML view, status bar.
#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QSyntaxHighlighter>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>
#include <QtTest>

#include <algorithm>

#include "app/Document.h"
#include "app/MainWindow.h"
#include "views/ResourceTreeModel.h"
#include "views/ResourceTreePanel.h"
#include "views/YamlHighlighter.h"
#include "views/YamlView.h"

using meshstudio::app::MainWindow;
using meshstudio::views::ResourceTreeModel;

class TestMainWindow : public QObject {
  Q_OBJECT

 private:
  static QString sampleFolder() { return QStringLiteral(MESHSTUDIO_SOURCE_DIR "/resources/samples/shop"); }

  /// The names of the children of `parent`, in tree order.
  static QStringList childNames(const ResourceTreeModel* model, const QModelIndex& parent) {
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row)
      names << model->index(row, 0, parent).data(ResourceTreeModel::NameRole).toString();
    return names;
  }

  /// The node at kind/namespace/name; invalid when any step is missing.
  static QModelIndex node(const ResourceTreeModel* model, const QStringList& path) {
    QModelIndex index;
    for (const QString& step : path) {
      index = model->findChild(index, step);
      if (!index.isValid()) return {};
    }
    return index;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY2(QFileInfo(sampleFolder()).isDir(), qPrintable(sampleFolder()));
    QStandardPaths::setTestModeEnabled(true);  // recovery files go to a test location
  }

  void opensTheSampleProject() {
    MainWindow window;
    QVERIFY(window.openProject(sampleFolder()));
    QCOMPARE(window.projectFolder(), sampleFolder());
    QCOMPARE(window.windowTitle(), QStringLiteral("Mesh Studio — ") + sampleFolder());
    QCOMPARE(window.project().resources().size(), std::size_t(19));

    const ResourceTreeModel* model = window.resourceModel();
    QCOMPARE(model->resourceCount(), 19);
    QCOMPARE(childNames(model, {}),
             (QStringList{QStringLiteral("Gateway"), QStringLiteral("VirtualService"),
                          QStringLiteral("DestinationRule"), QStringLiteral("Service"), QStringLiteral("Deployment")}));
    const QStringList apps{QStringLiteral("details"), QStringLiteral("productpage"), QStringLiteral("ratings"),
                           QStringLiteral("reviews")};
    for (const QString& kind :
         {QStringLiteral("VirtualService"), QStringLiteral("DestinationRule"), QStringLiteral("Service")}) {
      QCOMPARE(childNames(model, node(model, {kind})), QStringList{QStringLiteral("shop")});
      QCOMPARE(childNames(model, node(model, {kind, QStringLiteral("shop")})), apps);
    }
    QCOMPARE(childNames(model, node(model, {QStringLiteral("Gateway"), QStringLiteral("shop")})),
             QStringList{QStringLiteral("shop-gateway")});
    QCOMPARE(childNames(model, node(model, {QStringLiteral("Deployment"), QStringLiteral("shop")})),
             (QStringList{QStringLiteral("details-v1"), QStringLiteral("productpage-v1"), QStringLiteral("ratings-v1"),
                          QStringLiteral("reviews-v1"), QStringLiteral("reviews-v2"), QStringLiteral("reviews-v3")}));

    auto* summary = window.findChild<QLabel*>(QStringLiteral("summary"));
    QVERIFY(summary);
    QCOMPARE(summary->text(), QStringLiteral("19 resources, 0 errors"));
  }

  void showsTheSelectedVirtualService() {
    MainWindow window;
    QVERIFY(window.openProject(sampleFolder()));
    const ResourceTreeModel* model = window.resourceModel();
    const QModelIndex reviews =
        node(model, {QStringLiteral("VirtualService"), QStringLiteral("shop"), QStringLiteral("reviews")});
    QVERIFY(reviews.isValid());
    QCOMPARE(model->nodeType(reviews), ResourceTreeModel::NodeType::Resource);
    QVERIFY(model->resourceIndex(reviews) >= 0);

    window.resourcePanel()->setCurrentIndex(reviews);
    const QString yaml = window.yamlView()->yaml();
    QVERIFY2(yaml.startsWith(QStringLiteral("apiVersion: networking.istio.io/v1\nkind: VirtualService\n")),
             qPrintable(yaml));
    QVERIFY(yaml.contains(QStringLiteral("  name: reviews\n")));
    QVERIFY(yaml.contains(QStringLiteral("end-user:")));
    QVERIFY(yaml.contains(QStringLiteral("exact: jason")));
    QVERIFY(yaml.contains(QStringLiteral("weight: 90")));
    QVERIFY(yaml.contains(QStringLiteral("perTryTimeout: 500ms")));
    QVERIFY(!yaml.contains(QStringLiteral("kind: DestinationRule")));  // only the selected resource
    QVERIFY(!window.yamlView()->isReadOnly());                         // one resource: its YAML can be edited (issue 6)
    auto* location = window.findChild<QLabel*>(QStringLiteral("location"));
    QVERIFY(location);
    QVERIFY2(location->text().startsWith(QStringLiteral("VirtualService shop/reviews · routing.yaml:")),
             qPrintable(location->text()));

    QVERIFY(window.selectResource(QStringLiteral("Gateway shop/shop-gateway")));
    QVERIFY(window.yamlView()->yaml().contains(QStringLiteral("shop.example.com")));
    QVERIFY(!window.selectResource(QStringLiteral("VirtualService shop/nope")));
  }

  void showsTheWholeProjectForAGroup() {
    MainWindow window;
    QVERIFY(window.openProject(sampleFolder()));
    const ResourceTreeModel* model = window.resourceModel();
    const QModelIndex deployments = node(model, {QStringLiteral("Deployment")});
    QCOMPARE(model->nodeType(deployments), ResourceTreeModel::NodeType::Kind);
    QCOMPARE(model->resourceIndexes(deployments).size(), std::size_t(6));

    window.resourcePanel()->setCurrentIndex(deployments);
    const QString yaml = window.yamlView()->yaml();
    QVERIFY(window.yamlView()->isReadOnly());  // the whole project is shown, not one resource
    QCOMPARE(yaml.count(QStringLiteral("\n---\n")), 18);
    for (const char* kind : {"Gateway", "VirtualService", "DestinationRule", "Service", "Deployment"})
      QVERIFY2(yaml.contains(QStringLiteral("kind: ") + QLatin1String(kind)), kind);
    QVERIFY(yaml.contains(QStringLiteral("meshstudio.dev/latency")));

    // The view starts at the group's first resource in tree order (Deployment shop/details-v1).
    const QTextBlock current = window.yamlView()->textCursor().block();
    QCOMPARE(current.text(), QStringLiteral("apiVersion: apps/v1"));
    QCOMPARE(current.next().text(), QStringLiteral("kind: Deployment"));
    QVERIFY(current.next().next().next().text().contains(QStringLiteral("details-v1")));
  }

  void highlightsYaml() {
    MainWindow window;
    QVERIFY(window.openProject(sampleFolder()));
    QVERIFY(window.selectResource(QStringLiteral("VirtualService shop/reviews")));
    auto* highlighter = qobject_cast<meshstudio::views::YamlHighlighter*>(window.yamlView()->highlighter());
    if (!highlighter) QSKIP("KSyntaxHighlighting is in use");
    const QTextBlock first = window.yamlView()->document()->firstBlock();  // apiVersion: networking.istio.io/v1
    const QList<QTextLayout::FormatRange> formats = first.layout()->formats();
    QVERIFY(!formats.isEmpty());
    QCOMPARE(formats.first().start, 0);
    QCOMPARE(formats.first().length, int(qstrlen("apiVersion")));
    QCOMPARE(formats.first().format.foreground(),
             highlighter->format(meshstudio::views::YamlHighlighter::Token::Key).foreground());
  }

  void highlightsYamlTokens() {
    meshstudio::views::YamlView view;
    auto* highlighter = qobject_cast<meshstudio::views::YamlHighlighter*>(view.highlighter());
    if (!highlighter) QSKIP("KSyntaxHighlighting is in use");
    using Token = meshstudio::views::YamlHighlighter::Token;
    view.setYaml(
        QStringLiteral("--- # first\n"
                       "\"quoted key\": 'it''s'   # note\n"
                       "- port: 9080\n"
                       "script: |\n"
                       "  key: not a key\n"
                       "\n"
                       "  # not a comment\n"
                       "url: http://a#b\n"
                       "flow: [1, true, x]\n"));
    // (line, column) → token; -1 = no format at that column.
    const struct {
      int line, column;
      int token;
    } expected[] = {
        {0, 0, int(Token::DocumentMarker)},
        {0, 4, int(Token::Comment)},
        {1, 0, int(Token::Key)},
        {1, 14, int(Token::String)},
        {1, 25, int(Token::Comment)},
        {2, 0, int(Token::Indicator)},
        {2, 2, int(Token::Key)},
        {2, 8, int(Token::Scalar)},
        {3, 0, int(Token::Key)},
        {3, 8, int(Token::Indicator)},
        {4, 2, int(Token::BlockScalar)},
        {6, 2, int(Token::BlockScalar)},
        {7, 0, int(Token::Key)},
        {7, 5, -1},
        {7, 13, -1},
        {8, 7, int(Token::Scalar)},
        {8, 10, int(Token::Scalar)},
        {8, 16, -1},
    };
    for (const auto& e : expected) {
      const QTextBlock block = view.document()->findBlockByNumber(e.line);
      QTextCharFormat actual;
      for (const QTextLayout::FormatRange& range : block.layout()->formats())
        if (e.column >= range.start && e.column < range.start + range.length) actual = range.format;
      const QString where = QStringLiteral("line %1 column %2: %3").arg(e.line).arg(e.column).arg(block.text());
      if (e.token < 0)
        QVERIFY2(!actual.hasProperty(QTextFormat::ForegroundBrush), qPrintable(where));
      else
        QVERIFY2(actual.foreground() == highlighter->format(Token(e.token)).foreground(), qPrintable(where));
    }
  }

  void groupsUnparsedDocuments() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QFile file(folder.filePath(QStringLiteral("broken.yaml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ok\n  namespace: a\n"
        "spec:\n  hosts: [ok]\n---\nkind: [unclosed\n  name: : :\n");
    file.close();

    MainWindow window;
    QVERIFY(window.openProject(folder.path()));
    const ResourceTreeModel* model = window.resourceModel();
    QVERIFY(node(model, {QStringLiteral("VirtualService"), QStringLiteral("a"), QStringLiteral("ok")}).isValid());
    const QModelIndex unparsed = model->index(model->rowCount() - 1, 0);
    QCOMPARE(model->nodeType(unparsed), ResourceTreeModel::NodeType::UnparsedGroup);
    QCOMPARE(unparsed.data(ResourceTreeModel::NameRole).toString(), QStringLiteral("Unparsed"));
    QVERIFY(!unparsed.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model->rowCount(unparsed), 1);
    const QModelIndex document = model->index(0, 0, unparsed);
    QCOMPARE(model->nodeType(document), ResourceTreeModel::NodeType::UnparsedDocument);

    window.resourcePanel()->setCurrentIndex(document);
    QVERIFY2(window.yamlView()->yaml().contains(QStringLiteral("kind: [unclosed")),
             qPrintable(window.yamlView()->yaml()));
    QVERIFY2(window.summary().contains(QStringLiteral("2 resources, ")), qPrintable(window.summary()));
    QVERIFY2(!window.summary().contains(QStringLiteral(" 0 errors")), qPrintable(window.summary()));
  }

  void countsValidationErrors() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QFile file(folder.filePath(QStringLiteral("routing.yaml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: bad\n  namespace: a\n"
        "spec:\n  hosts: [bad]\n  http:\n  - route:\n    - destination:\n        host: bad\n"
        "      weight: ninety\n");
    file.close();

    MainWindow window;
    QVERIFY(window.openProject(folder.path()));
    // Counted like `meshstudio-cli validate` counts: the schema error is among the findings.
    QVERIFY2(window.summary().startsWith(QStringLiteral("1 resource, ")), qPrintable(window.summary()));
    QVERIFY2(!window.summary().contains(QStringLiteral(" 0 errors")), qPrintable(window.summary()));
    const auto& diagnostics = window.diagnostics();
    QVERIFY(std::any_of(diagnostics.begin(), diagnostics.end(), [](const meshstudio::model::Diagnostic& d) {
      return d.severity == meshstudio::model::Severity::Error && d.path == "spec.http[0].route[0].weight";
    }));
    auto* summary = window.findChild<QLabel*>(QStringLiteral("summary"));
    QVERIFY(summary->toolTip().contains(QStringLiteral("routing.yaml:12:")));
  }

  void issue6_titleShowsModifiedAndUndoRestoresIt() {
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QDir source(sampleFolder());
    for (const QString& name : source.entryList(QDir::Files))
      QVERIFY(QFile::copy(source.filePath(name), folder.filePath(name)));
    const QString path = QDir::cleanPath(QFileInfo(folder.path()).absoluteFilePath());

    MainWindow window;
    QStringList asked;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    window.setQuestion(
        [&](const QString& title, const QString&, QMessageBox::StandardButtons, QMessageBox::StandardButton) {
          asked << title;
          return answer;
        });
    QVERIFY(window.openProject(folder.path()));
    QCOMPARE(window.windowTitle(), QStringLiteral("Mesh Studio — ") + path);
    QVERIFY(window.selectResource(QStringLiteral("VirtualService shop/reviews")));

    meshstudio::app::Document* document = window.document();
    const meshstudio::app::ResourceId reviews = document->findResource("VirtualService shop/reviews");
    QVERIFY(document->setField(reviews, "spec.http[1].route[0].weight", meshstudio::model::Value::integer(70)));
    QCOMPARE(window.windowTitle(), QStringLiteral("Mesh Studio — ") + path + QStringLiteral("*"));
    // The YAML view follows the document, and the selection stays on the edited resource.
    QVERIFY2(window.yamlView()->yaml().contains(QStringLiteral("weight: 70")), qPrintable(window.yamlView()->yaml()));

    auto* undo = window.findChild<QAction*>(QStringLiteral("actionUndo"));
    QVERIFY(undo);
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(window.windowTitle(), QStringLiteral("Mesh Studio — ") + path);
    QVERIFY(window.yamlView()->yaml().contains(QStringLiteral("weight: 90")));
    QVERIFY(!undo->isEnabled());

    // Closing with unsaved work asks; Cancel keeps the window, Discard closes it.
    auto* redo = window.findChild<QAction*>(QStringLiteral("actionRedo"));
    QVERIFY(redo);
    redo->trigger();
    QVERIFY(window.windowTitle().endsWith(QLatin1Char('*')));
    window.show();
    answer = QMessageBox::Cancel;
    QVERIFY(!window.close());
    QCOMPARE(asked, QStringList{QStringLiteral("Unsaved Changes")});
    answer = QMessageBox::Discard;
    QVERIFY(window.close());
    QCOMPARE(asked.size(), 2);
    QVERIFY(!QFile::exists(document->recoveryFilePath()));
  }

  void refusesAMissingFolder() {
    MainWindow window;
    QVERIFY(window.openProject(sampleFolder()));
    QVERIFY(!window.openProject(QStringLiteral("/nonexistent/meshstudio/project")));
    QCOMPARE(window.projectFolder(), sampleFolder());  // the open project stays
    QCOMPARE(window.resourceModel()->resourceCount(), 19);
  }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

// The YAML view's findings (issue 6): wavy underlines from the finding's column, markers in the
// line-number gutter in the colour of the worst finding, the messages on hover, and other
// highlights (a trial's matched rule) that live beside the marks.
#include <QHelpEvent>
#include <QImage>
#include <QTextBlock>
#include <QToolTip>
#include <QtTest>

#include "views/YamlGutter.h"
#include "views/YamlView.h"

using meshstudio::model::Severity;
using meshstudio::views::YamlGutter;
using meshstudio::views::YamlView;
using Mark = YamlView::Mark;
using namespace Qt::StringLiterals;

namespace {

const QString kYaml =
    u"apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n"
    u"spec:\n  hosts:\n  - reviews\n  http:\n  - route:\n    - destination:\n        host: reviewz\n"_s;

QList<QTextEdit::ExtraSelection> underlines(const YamlView& view) {
  QList<QTextEdit::ExtraSelection> found;
  for (const auto& selection : view.extraSelections())
    if (selection.format.underlineStyle() == QTextCharFormat::WaveUnderline) found << selection;
  return found;
}

}  // namespace

class TestYamlView : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void marksUnderlineFromTheirColumnAndColourTheGutter() {
    YamlView view;
    view.resize(500, 400);
    view.setYaml(kYaml);
    view.setMarks({Mark{11, 15, Severity::Error, u"[IST0101] Referenced host not found: \"reviewz\""_s},
                   Mark{11, 0, Severity::Warning, u"[MS0002] second"_s}, Mark{4, 0, Severity::Info, u"[MS9] info"_s}});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    const auto lines = underlines(view);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0].cursor.selectedText(), u"reviewz"_s);  // from column 15 to the end of the line
    QCOMPARE(lines[0].format.underlineColor(), YamlGutter::colorOf(Severity::Error));
    QCOMPARE(lines[2].cursor.selectedText(), u"name: reviews"_s);  // no column: the line's content
    QCOMPARE(view.severityAt(11), Severity::Error);                // the worst of the line's findings
    QCOMPARE(view.severityAt(4), Severity::Info);
    QVERIFY(!view.severityAt(5).has_value());
    QCOMPARE(view.messagesAt(11).size(), 2);

    // The gutter paints the marker: a pixel of the error colour on line 11's row.
    YamlGutter* gutter = view.gutter();
    QVERIFY(gutter->width() > 0);
    const QImage image = gutter->grab().toImage();
    const QRectF row = view.cursorRect(QTextCursor(view.document()->findBlockByNumber(10)));
    bool red = false;
    for (int x = 0; x < image.width(); ++x)
      red = red || image.pixelColor(x, int(row.center().y())) == YamlGutter::colorOf(Severity::Error);
    QVERIFY2(red, "no error marker painted on line 11");
    QCOMPARE(gutter->lineAt(int(row.center().y())), 11);
  }

  void theParseErrorIsAMarkToo() {
    YamlView view;
    view.setYaml(kYaml);
    view.markError(3, u"mapping values are not allowed here"_s);
    QCOMPARE(view.severityAt(3), Severity::Error);
    QCOMPARE(view.messagesAt(3), QStringList{u"mapping values are not allowed here"_s});
    view.setMarks({Mark{5, 0, Severity::Warning, u"w"_s}});
    QCOMPARE(underlines(view).size(), 2);  // the marks do not replace the parse error
    view.clearError();
    QCOMPARE(underlines(view).size(), 1);
  }

  void highlightsAndMarksLiveSideBySide() {
    YamlView view;
    view.setYaml(kYaml);
    view.setMarks({Mark{7, 0, Severity::Error, u"e"_s}});
    QTextEdit::ExtraSelection found;
    found.cursor = view.document()->find(u"reviews"_s);
    found.format.setBackground(Qt::yellow);
    view.setHighlights({found});  // a trial's matched rule, say
    QCOMPARE(view.extraSelections().size(), 2);
    view.setMarks({});
    QCOMPARE(view.extraSelections().size(), 1);  // the find highlight stays
  }

  void newTextDropsTheOldMarks() {
    YamlView view;
    view.setYaml(kYaml);
    view.setMarks({Mark{7, 0, Severity::Error, u"e"_s}});
    view.setYaml(u"a: 1\n"_s);
    QVERIFY(view.marks().isEmpty());
    QVERIFY(underlines(view).isEmpty());
  }
};

QTEST_MAIN(TestYamlView)
#include "tst_yamlview.moc"

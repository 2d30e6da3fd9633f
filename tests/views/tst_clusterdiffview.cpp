// The cluster diff view (issue 8), without a cluster: SideBySideDiff's line alignment (a changed
// weight faces the live one, added and removed lines face fillers), and the view: states in the
// list, both editors aligned block for block with the review colours on the right lines, the
// field-by-field list, synchronised scrolling and the apply confirmation.

#include <QtTest/QtTest>

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QTreeWidget>

#include "views/ClusterDiffView.h"
#include "views/SideBySideDiff.h"

using namespace meshstudio::views;

namespace {

const QString kLive = QStringLiteral(
    "apiVersion: networking.istio.io/v1\n"
    "kind: VirtualService\n"
    "metadata:\n"
    "  name: reviews\n"
    "  namespace: shop\n"
    "  labels:\n"
    "    team: bookinfo\n"
    "spec:\n"
    "  hosts:\n"
    "  - reviews\n"
    "  http:\n"
    "  - route:\n"
    "    - destination:\n"
    "        host: reviews\n"
    "        subset: v1\n"
    "      weight: 90\n"
    "    - destination:\n"
    "        host: reviews\n"
    "        subset: v3\n"
    "      weight: 10\n");

// The project moved 20 points to v3, dropped the label and added a timeout.
const QString kLocal = QStringLiteral(
    "apiVersion: networking.istio.io/v1\n"
    "kind: VirtualService\n"
    "metadata:\n"
    "  name: reviews\n"
    "  namespace: shop\n"
    "spec:\n"
    "  hosts:\n"
    "  - reviews\n"
    "  http:\n"
    "  - route:\n"
    "    - destination:\n"
    "        host: reviews\n"
    "        subset: v1\n"
    "      weight: 70\n"
    "    - destination:\n"
    "        host: reviews\n"
    "        subset: v3\n"
    "      weight: 30\n"
    "    timeout: 5s\n");

/// The aligned line whose left (or right) side is `text`, or nullptr.
const AlignedLine* lineWith(const QList<AlignedLine>& aligned, const QStringList& left, const QStringList& right,
                            const QString& text, bool onLeft) {
  for (const AlignedLine& line : aligned) {
    const int index = onLeft ? line.left : line.right;
    if (index >= 0 && (onLeft ? left : right)[index] == text) return &line;
  }
  return nullptr;
}

/// The background an editor's extra selections give block `block`; invalid when none.
QColor backgroundOf(const QPlainTextEdit* editor, int block) {
  for (const QTextEdit::ExtraSelection& selection : editor->extraSelections())
    if (selection.cursor.blockNumber() == block) return selection.format.background().color();
  return {};
}

QString blockText(const QPlainTextEdit* editor, int block) {
  return editor->document()->findBlockByNumber(block).text();
}

QList<ResourceDiffRow> sampleRows() {
  ResourceDiffRow unchanged{QStringLiteral("DestinationRule shop/reviews"),
                            ResourceDiffRow::State::Unchanged,
                            QStringLiteral("kind: DestinationRule\n"),
                            QStringLiteral("kind: DestinationRule\n"),
                            {},
                            {}};
  ResourceDiffRow changed{
      QStringLiteral("VirtualService shop/reviews"),
      ResourceDiffRow::State::Changed,
      kLocal,
      kLive,
      {QStringLiteral("~ spec.http[0].route[0].weight: 90 → 70"),
       QStringLiteral("~ spec.http[0].route[1].weight: 10 → 30"), QStringLiteral("+ spec.http[0].timeout: 5s"),
       QStringLiteral("= metadata.labels: {\"team\":\"bookinfo\"} (kept, owned by kubectl)")},
      {}};
  ResourceDiffRow created{QStringLiteral("Gateway shop/shop-gateway"),
                          ResourceDiffRow::State::New,
                          QStringLiteral("kind: Gateway\nmetadata:\n  name: shop-gateway\n"),
                          QString(),
                          {},
                          {}};
  ResourceDiffRow failed{QStringLiteral("VirtualService shop/ratings"),
                         ResourceDiffRow::State::Failed,
                         QStringLiteral("kind: VirtualService\n"),
                         QString(),
                         {},
                         QStringLiteral("Forbidden: get virtualservices.networking.istio.io in shop")};
  return {unchanged, changed, created, failed};
}

}  // namespace

class ClusterDiffViewTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue8_alignmentPairsAChangedLineAndFillsInsertionsAndDeletions() {
    const QStringList left = SideBySideDiff::linesOf(kLocal), right = SideBySideDiff::linesOf(kLive);
    QCOMPARE(left.size(), 19);
    QCOMPARE(right.size(), 20);
    const QList<AlignedLine> aligned = SideBySideDiff::align(kLocal, kLive);

    // Every line of both texts appears exactly once, in order.
    int lastLeft = -1, lastRight = -1, lefts = 0, rights = 0;
    for (const AlignedLine& line : aligned) {
      if (line.left >= 0) {
        QCOMPARE(line.left, ++lastLeft);
        ++lefts;
      }
      if (line.right >= 0) {
        QCOMPARE(line.right, ++lastRight);
        ++rights;
      }
      QVERIFY(line.left >= 0 || line.right >= 0);
    }
    QCOMPARE(lefts, left.size());
    QCOMPARE(rights, right.size());

    // The weights face each other as changed lines: 70 against 90, 30 against 10.
    const AlignedLine* seventy = lineWith(aligned, left, right, QStringLiteral("      weight: 70"), true);
    QVERIFY(seventy);
    QCOMPARE(seventy->kind, AlignedLine::Kind::Changed);
    QCOMPARE(right[seventy->right], QStringLiteral("      weight: 90"));
    const AlignedLine* thirty = lineWith(aligned, left, right, QStringLiteral("      weight: 30"), true);
    QVERIFY(thirty);
    QCOMPARE(right[thirty->right], QStringLiteral("      weight: 10"));

    // The dropped label is only live's, the timeout only local's; both face fillers.
    const AlignedLine* label = lineWith(aligned, left, right, QStringLiteral("    team: bookinfo"), false);
    QVERIFY(label);
    QCOMPARE(label->kind, AlignedLine::Kind::RightOnly);
    QCOMPARE(label->left, -1);
    const AlignedLine* timeout = lineWith(aligned, left, right, QStringLiteral("    timeout: 5s"), true);
    QVERIFY(timeout);
    QCOMPARE(timeout->kind, AlignedLine::Kind::LeftOnly);
    QCOMPARE(timeout->right, -1);

    // What did not change is paired with itself, so the hosts line up.
    const AlignedLine* hosts = lineWith(aligned, left, right, QStringLiteral("  hosts:"), true);
    QVERIFY(hosts);
    QCOMPARE(hosts->kind, AlignedLine::Kind::Same);
    QCOMPARE(right[hosts->right], QStringLiteral("  hosts:"));

    // A new resource: everything is the left's.
    const QList<AlignedLine> fresh = SideBySideDiff::align(QStringLiteral("a\nb\n"), QString());
    QCOMPARE(fresh.size(), 2);
    for (const AlignedLine& line : fresh) QCOMPARE(line.kind, AlignedLine::Kind::LeftOnly);
  }

  void issue8_viewShowsStatesAndSelectsTheFirstChange() {
    ClusterDiffView view;
    view.setRows(sampleRows(), QStringLiteral("Project against kind-shop"));
    QTreeWidget* list = view.resourceList();
    QCOMPARE(list->topLevelItemCount(), 4);
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("unchanged"));
    QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("changes"));
    QCOMPARE(list->topLevelItem(2)->text(1), QStringLiteral("new"));
    QCOMPARE(list->topLevelItem(3)->text(1), QStringLiteral("failed"));
    QCOMPARE(list->topLevelItem(1)->background(1).color(), ClusterDiffView::colourOf(ResourceDiffRow::State::Changed));
    QCOMPARE(list->topLevelItem(2)->background(1).color(), ClusterDiffView::colourOf(ResourceDiffRow::State::New));
    QVERIFY(view.headline().contains(QStringLiteral("1 to create")));
    QVERIFY(view.headline().contains(QStringLiteral("1 to change")));
    QVERIFY(view.headline().contains(QStringLiteral("1 unchanged")));
    // The unchanged one comes first, but the view opens on what an apply would change.
    QCOMPARE(view.selectedRow(), 1);
    QVERIFY(!view.isAskingToConfirm());
  }

  void issue8_editorsAreAlignedAndHighlighted() {
    ClusterDiffView view;
    view.setRows(sampleRows());
    view.selectRow(1);
    QPlainTextEdit* local = view.localEditor();
    QPlainTextEdit* live = view.liveEditor();
    QVERIFY(local->isReadOnly() && live->isReadOnly());
    QCOMPARE(local->document()->blockCount(), live->document()->blockCount());
    QCOMPARE(local->document()->blockCount(), int(view.alignment().size()));

    // The changed weight is one block, in the same place on both sides, yellow on both.
    int weight = -1;
    for (int block = 0; block < local->document()->blockCount(); ++block)
      if (blockText(local, block) == QStringLiteral("      weight: 70")) weight = block;
    QVERIFY(weight >= 0);
    QCOMPARE(blockText(live, weight), QStringLiteral("      weight: 90"));
    const QColor changed = ClusterDiffView::colourOf(AlignedLine::Kind::Changed);
    QCOMPARE(backgroundOf(local, weight), changed);
    QCOMPARE(backgroundOf(live, weight), changed);

    // The added timeout: green on the left, an empty filler on the right (not green).
    int timeout = -1;
    for (int block = 0; block < local->document()->blockCount(); ++block)
      if (blockText(local, block) == QStringLiteral("    timeout: 5s")) timeout = block;
    QVERIFY(timeout >= 0);
    QCOMPARE(backgroundOf(local, timeout), ClusterDiffView::colourOf(AlignedLine::Kind::LeftOnly));
    QCOMPARE(blockText(live, timeout), QString());
    QVERIFY(backgroundOf(live, timeout) != ClusterDiffView::colourOf(AlignedLine::Kind::LeftOnly));

    // The label only the cluster has: red on the right, a filler on the left.
    int label = -1;
    for (int block = 0; block < live->document()->blockCount(); ++block)
      if (blockText(live, block) == QStringLiteral("    team: bookinfo")) label = block;
    QVERIFY(label >= 0);
    QCOMPARE(backgroundOf(live, label), ClusterDiffView::colourOf(AlignedLine::Kind::RightOnly));
    QCOMPARE(blockText(local, label), QString());

    // Unchanged lines carry no highlight.
    QCOMPARE(blockText(local, 0), QStringLiteral("apiVersion: networking.istio.io/v1"));
    QVERIFY(!backgroundOf(local, 0).isValid());

    // The field list, as given, coloured by kind.
    QListWidget* changes = view.changeList();
    QCOMPARE(changes->count(), 4);
    QCOMPARE(changes->item(0)->text(), QStringLiteral("~ spec.http[0].route[0].weight: 90 → 70"));
    QCOMPARE(changes->item(0)->background().color(), changed);
    QCOMPARE(changes->item(2)->background().color(), ClusterDiffView::colourOf(AlignedLine::Kind::LeftOnly));

    // A failed row says why; a new one has nothing on the right.
    view.selectRow(3);
    QCOMPARE(view.liveEditor()->toPlainText(), QString());
    QVERIFY(view.findChild<QLabel*>(QStringLiteral("diffProblem"))->text().contains(QStringLiteral("Forbidden")));
    view.selectRow(2);
    QCOMPARE(view.localEditor()->document()->blockCount(), 3);
    QCOMPARE(backgroundOf(view.localEditor(), 0), ClusterDiffView::colourOf(AlignedLine::Kind::LeftOnly));
  }

  void issue8_editorsScrollTogether() {
    ClusterDiffView view;
    QList<ResourceDiffRow> rows = sampleRows();
    // Long enough to scroll in a small window.
    for (int i = 0; i < 60; ++i) {
      rows[1].localYaml += QStringLiteral("# note %1\n").arg(i);
      rows[1].liveYaml += QStringLiteral("# note %1\n").arg(i);
    }
    view.setRows(rows);
    view.resize(700, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar* left = view.localEditor()->verticalScrollBar();
    QScrollBar* right = view.liveEditor()->verticalScrollBar();
    QVERIFY(left->maximum() > 10);
    left->setValue(25);
    QCOMPARE(right->value(), 25);
    right->setValue(7);
    QCOMPARE(left->value(), 7);
  }

  void issue8_confirmationAsksAndAnswersOnce() {
    ClusterDiffView view;
    view.setRows(sampleRows());
    QSignalSpy confirmed(&view, &ClusterDiffView::confirmed);
    QSignalSpy cancelled(&view, &ClusterDiffView::cancelled);
    view.askToConfirm(QStringLiteral("Apply to kind-shop?"), QStringLiteral("Apply 2 changes"));
    QVERIFY(view.isAskingToConfirm());
    QCOMPARE(view.confirmButton()->text(), QStringLiteral("Apply 2 changes"));
    QTest::mouseClick(view.confirmButton(), Qt::LeftButton);
    QCOMPARE(confirmed.count(), 1);
    QVERIFY(!view.isAskingToConfirm());

    view.askToConfirm(QStringLiteral("Nothing to apply"), QStringLiteral("Apply"), false);
    QVERIFY(!view.confirmButton()->isEnabled());
    QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(confirmed.count(), 1);
    // New rows take the question away: it was about the old ones.
    view.askToConfirm(QStringLiteral("Apply?"), QStringLiteral("Apply 1 change"));
    view.setRows(sampleRows());
    QVERIFY(!view.isAskingToConfirm());
  }
};

QTEST_MAIN(ClusterDiffViewTest)
#include "tst_clusterdiffview.moc"

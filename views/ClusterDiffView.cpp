#include "views/ClusterDiffView.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace meshstudio::views {
namespace {

QPlainTextEdit* makeEditor(const QString& name) {
  auto* editor = new QPlainTextEdit;
  editor->setObjectName(name);
  editor->setReadOnly(true);
  editor->setLineWrapMode(QPlainTextEdit::NoWrap);  // wrapped lines would break the alignment
  editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
  return editor;
}

/// A title over an editor: bold, a little space.
QLabel* makeTitle() {
  auto* label = new QLabel;
  QFont font = label->font();
  font.setBold(true);
  label->setFont(font);
  return label;
}

/// Filler lines (the other side has a line here) in a neutral shade.
QColor fillerColour() { return QColor(128, 128, 128, 45); }

}  // namespace

ClusterDiffView::ClusterDiffView(QWidget* parent)
    : QWidget(parent),
      headline_(new QLabel),
      list_(new QTreeWidget),
      localTitle_(makeTitle()),
      liveTitle_(makeTitle()),
      local_(makeEditor(QStringLiteral("localYaml"))),
      live_(makeEditor(QStringLiteral("liveYaml"))),
      changes_(new QListWidget),
      problem_(new QLabel),
      confirmBar_(new QWidget),
      question_(new QLabel),
      confirm_(new QPushButton),
      cancel_(new QPushButton(tr("Cancel"))) {
  headline_->setObjectName(QStringLiteral("diffHeadline"));
  headline_->setWordWrap(true);

  list_->setObjectName(QStringLiteral("diffResources"));
  list_->setColumnCount(2);
  list_->setHeaderLabels({tr("Resource"), tr("State")});
  list_->setRootIsDecorated(false);
  list_->setUniformRowHeights(true);
  list_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  list_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  list_->setToolTip(tr("The resources an apply would send, with what it would do to each."));
  connect(list_, &QTreeWidget::currentItemChanged, this,
          [this](QTreeWidgetItem* current) { showRow(current ? list_->indexOfTopLevelItem(current) : -1); });

  localTitle_->setText(tr("Local (the project, as it would be applied)"));
  liveTitle_->setText(tr("Live (the cluster, without server-set fields)"));
  local_->setToolTip(tr("Green: only the project has the line (an apply adds it). Yellow: the line differs."));
  live_->setToolTip(
      tr("Red: only the cluster has the line (an apply removes it, or leaves it when another manager owns "
         "it: see the changes below). Yellow: the line differs."));
  // Both editors always hold the same number of lines (fillers), so one scroll position fits both.
  auto follow = [this](QPlainTextEdit* from, QPlainTextEdit* to) {
    connect(from->verticalScrollBar(), &QScrollBar::valueChanged, this, [this, to](int value) {
      if (syncingScroll_) return;
      syncingScroll_ = true;
      to->verticalScrollBar()->setValue(value);
      syncingScroll_ = false;
    });
    connect(from->horizontalScrollBar(), &QScrollBar::valueChanged, this, [this, to](int value) {
      if (syncingScroll_) return;
      syncingScroll_ = true;
      to->horizontalScrollBar()->setValue(value);
      syncingScroll_ = false;
    });
  };
  follow(local_, live_);
  follow(live_, local_);

  changes_->setObjectName(QStringLiteral("diffChanges"));
  changes_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  changes_->setToolTip(
      tr("Field by field: ~ changed (live → local), + added, - removed (owned by Mesh Studio), "
         "= kept (only live has it, owned by another manager: an apply leaves it)."));
  problem_->setObjectName(QStringLiteral("diffProblem"));
  problem_->setWordWrap(true);
  problem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  problem_->setVisible(false);

  auto column = [](QLabel* title, QPlainTextEdit* editor) {
    auto* widget = new QWidget;
    auto* layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(title);
    layout->addWidget(editor, 1);
    return widget;
  };
  auto* sides = new QSplitter(Qt::Horizontal);
  sides->addWidget(column(localTitle_, local_));
  sides->addWidget(column(liveTitle_, live_));

  auto* detail = new QSplitter(Qt::Vertical);
  detail->addWidget(sides);
  auto* changesBox = new QWidget;
  auto* changesLayout = new QVBoxLayout(changesBox);
  changesLayout->setContentsMargins(0, 0, 0, 0);
  changesLayout->setSpacing(2);
  auto* changesTitle = makeTitle();
  changesTitle->setText(tr("Changes, field by field"));
  changesLayout->addWidget(changesTitle);
  changesLayout->addWidget(problem_);
  changesLayout->addWidget(changes_, 1);
  detail->addWidget(changesBox);
  detail->setStretchFactor(0, 3);
  detail->setStretchFactor(1, 1);

  auto* main = new QSplitter(Qt::Horizontal);
  main->addWidget(list_);
  main->addWidget(detail);
  main->setStretchFactor(0, 0);
  main->setStretchFactor(1, 1);
  main->setSizes({300, 900});

  confirm_->setObjectName(QStringLiteral("confirmApply"));
  confirm_->setDefault(true);
  cancel_->setObjectName(QStringLiteral("cancelApply"));
  question_->setWordWrap(true);
  auto* barLayout = new QHBoxLayout(confirmBar_);
  barLayout->setContentsMargins(6, 4, 6, 4);
  barLayout->addWidget(question_, 1);
  barLayout->addWidget(confirm_);
  barLayout->addWidget(cancel_);
  confirmBar_->setAutoFillBackground(true);
  QPalette barPalette = confirmBar_->palette();
  barPalette.setColor(QPalette::Window, barPalette.color(QPalette::AlternateBase));
  confirmBar_->setPalette(barPalette);
  confirmBar_->setVisible(false);
  connect(confirm_, &QPushButton::clicked, this, [this] {
    hideConfirmation();
    Q_EMIT confirmed();
  });
  connect(cancel_, &QPushButton::clicked, this, [this] {
    hideConfirmation();
    Q_EMIT cancelled();
  });

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(headline_);
  layout->addWidget(main, 1);
  layout->addWidget(confirmBar_);
  showRow(-1);
}

QColor ClusterDiffView::colourOf(AlignedLine::Kind kind) {
  // Translucent, so they read on light and dark palettes alike.
  switch (kind) {
    case AlignedLine::Kind::LeftOnly:
      return QColor(46, 160, 67, 70);  // green: an apply adds it
    case AlignedLine::Kind::RightOnly:
      return QColor(218, 54, 51, 70);  // red: only the cluster has it
    case AlignedLine::Kind::Changed:
      return QColor(212, 167, 44, 90);  // yellow
    case AlignedLine::Kind::Same:
      break;
  }
  return QColor(Qt::transparent);
}

QColor ClusterDiffView::colourOf(ResourceDiffRow::State state) {
  switch (state) {
    case ResourceDiffRow::State::New:
      return colourOf(AlignedLine::Kind::LeftOnly);
    case ResourceDiffRow::State::Changed:
      return colourOf(AlignedLine::Kind::Changed);
    case ResourceDiffRow::State::Failed:
      return colourOf(AlignedLine::Kind::RightOnly);
    case ResourceDiffRow::State::Unchanged:
      break;
  }
  return QColor(Qt::transparent);
}

QString ClusterDiffView::stateText(ResourceDiffRow::State state) {
  switch (state) {
    case ResourceDiffRow::State::New:
      return tr("new");
    case ResourceDiffRow::State::Changed:
      return tr("changes");
    case ResourceDiffRow::State::Unchanged:
      return tr("unchanged");
    case ResourceDiffRow::State::Failed:
      return tr("failed");
  }
  return {};
}

void ClusterDiffView::setRows(const QList<ResourceDiffRow>& rows, const QString& title) {
  hideConfirmation();
  rows_ = rows;
  int created = 0, changed = 0, unchanged = 0, failed = 0;
  list_->clear();
  for (const ResourceDiffRow& row : rows_) {
    auto* item = new QTreeWidgetItem(list_, {row.resource, stateText(row.state)});
    item->setBackground(1, colourOf(row.state));
    item->setToolTip(0, row.problem.isEmpty() ? row.resource : row.problem);
    switch (row.state) {
      case ResourceDiffRow::State::New:
        ++created;
        break;
      case ResourceDiffRow::State::Changed:
        ++changed;
        break;
      case ResourceDiffRow::State::Unchanged:
        ++unchanged;
        break;
      case ResourceDiffRow::State::Failed:
        ++failed;
        break;
    }
  }
  QStringList parts;
  if (created) parts << tr("%n to create", nullptr, created);
  if (changed) parts << tr("%n to change", nullptr, changed);
  if (unchanged) parts << tr("%n unchanged", nullptr, unchanged);
  if (failed) parts << tr("%n not compared", nullptr, failed);
  if (rows_.isEmpty()) parts << tr("The project has no Istio resources to apply.");
  const QString summary = parts.join(QStringLiteral(", "));
  headline_->setText(title.isEmpty() ? summary : QStringLiteral("<b>%1</b> — %2").arg(title.toHtmlEscaped(), summary));
  // The first resource worth looking at: one an apply changes, else the first.
  int first = rows_.isEmpty() ? -1 : 0;
  for (int i = 0; i < rows_.size(); ++i) {
    if (rows_[i].state != ResourceDiffRow::State::Unchanged) {
      first = i;
      break;
    }
  }
  selectRow(first);
  if (first < 0) showRow(-1);
}

QString ClusterDiffView::headline() const { return headline_->text(); }

void ClusterDiffView::askToConfirm(const QString& question, const QString& confirmText, bool canConfirm) {
  question_->setText(question);
  confirm_->setText(confirmText);
  confirm_->setEnabled(canConfirm);
  confirmBar_->setVisible(true);
  if (canConfirm) confirm_->setFocus(Qt::OtherFocusReason);
}

bool ClusterDiffView::isAskingToConfirm() const { return !confirmBar_->isHidden(); }

void ClusterDiffView::hideConfirmation() { confirmBar_->setVisible(false); }

void ClusterDiffView::selectRow(int row) {
  if (row < 0 || row >= list_->topLevelItemCount()) return;
  list_->setCurrentItem(list_->topLevelItem(row));
  showRow(row);  // the same item again does not emit currentItemChanged
}

int ClusterDiffView::selectedRow() const { return list_->indexOfTopLevelItem(list_->currentItem()); }

void ClusterDiffView::showRow(int row) {
  changes_->clear();
  if (row < 0 || row >= rows_.size()) {
    alignment_.clear();
    local_->clear();
    live_->clear();
    problem_->setVisible(false);
    return;
  }
  const ResourceDiffRow& shown = rows_[row];
  fillEditors(shown);
  problem_->setText(shown.problem);
  problem_->setVisible(!shown.problem.isEmpty());
  if (shown.state == ResourceDiffRow::State::Unchanged)
    changes_->addItem(tr("No changes: an apply leaves it as it is."));
  for (const QString& line : shown.changes) {
    auto* item = new QListWidgetItem(line, changes_);
    // The describe() lines start with their kind: ~ changed, + added, - removed, = kept.
    if (line.startsWith(QLatin1Char('~')))
      item->setBackground(colourOf(AlignedLine::Kind::Changed));
    else if (line.startsWith(QLatin1Char('+')))
      item->setBackground(colourOf(AlignedLine::Kind::LeftOnly));
    else if (line.startsWith(QLatin1Char('-')))
      item->setBackground(colourOf(AlignedLine::Kind::RightOnly));
  }
}

void ClusterDiffView::fillEditors(const ResourceDiffRow& row) {
  const QStringList left = SideBySideDiff::linesOf(row.localYaml);
  const QStringList right = SideBySideDiff::linesOf(row.liveYaml);
  alignment_ = SideBySideDiff::align(left, right);
  QStringList leftText, rightText;
  for (const AlignedLine& line : alignment_) {
    leftText << (line.left >= 0 ? left[line.left] : QString());
    rightText << (line.right >= 0 ? right[line.right] : QString());
  }
  local_->setPlainText(leftText.join(QLatin1Char('\n')));
  live_->setPlainText(rightText.join(QLatin1Char('\n')));
  liveTitle_->setText(row.state == ResourceDiffRow::State::New ? tr("Live: not in the cluster (an apply creates it)")
                                                               : tr("Live (the cluster, without server-set fields)"));

  auto colour = [this](QPlainTextEdit* editor, bool leftSide) {
    QList<QTextEdit::ExtraSelection> selections;
    for (int i = 0; i < alignment_.size(); ++i) {
      const AlignedLine& line = alignment_[i];
      if (line.kind == AlignedLine::Kind::Same) continue;
      const bool filler = leftSide ? line.left < 0 : line.right < 0;
      QTextEdit::ExtraSelection selection;
      selection.format.setBackground(filler ? fillerColour() : colourOf(line.kind));
      selection.format.setProperty(QTextFormat::FullWidthSelection, true);
      selection.cursor = QTextCursor(editor->document()->findBlockByNumber(i));
      selections.append(selection);
    }
    editor->setExtraSelections(selections);
  };
  colour(local_, true);
  colour(live_, false);
  // Start at the first difference, with a little context above it.
  for (int i = 0; i < alignment_.size(); ++i) {
    if (alignment_[i].kind != AlignedLine::Kind::Same) {
      local_->verticalScrollBar()->setValue(qMax(0, i - 3));
      return;
    }
  }
  local_->verticalScrollBar()->setValue(0);
}

}  // namespace meshstudio::views

#include "views/FindBar.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTextBlock>
#include <QToolButton>

namespace meshstudio::views {

FindBar::FindBar(QPlainTextEdit* editor, QWidget* parent)
    : QWidget(parent),
      editor_(editor),
      overlay_(new FindMatchOverlay(editor)),
      search_(new QLineEdit),
      previous_(new QToolButton),
      next_(new QToolButton),
      caseSensitive_(new QCheckBox(tr("Match case"))),
      status_(new QLabel) {
  setObjectName(QStringLiteral("findBar"));
  search_->setObjectName(QStringLiteral("findText"));
  search_->setPlaceholderText(tr("Find in YAML"));
  search_->setClearButtonEnabled(true);
  search_->installEventFilter(this);
  previous_->setArrowType(Qt::UpArrow);
  previous_->setToolTip(tr("Previous match (Shift+Enter, Shift+F3)"));
  next_->setArrowType(Qt::DownArrow);
  next_->setToolTip(tr("Next match (Enter, F3)"));
  caseSensitive_->setToolTip(tr("Off: upper and lower case match each other."));
  auto* closeButton = new QToolButton;
  closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
  closeButton->setAutoRaise(true);
  closeButton->setToolTip(tr("Close the find bar (Esc)"));
  status_->setMinimumWidth(status_->fontMetrics().horizontalAdvance(tr("No matches")) + 8);

  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 2, 4, 2);
  layout->addWidget(new QLabel(tr("Find:")));
  layout->addWidget(search_, 1);
  layout->addWidget(previous_);
  layout->addWidget(next_);
  layout->addWidget(caseSensitive_);
  layout->addWidget(status_);
  layout->addWidget(closeButton);

  connect(search_, &QLineEdit::textChanged, this, [this] {
    updateMatches();
    // Search as you type: from where the current match starts, so it grows in place.
    QTextCursor cursor = editor_->textCursor();
    cursor.setPosition(cursor.selectionStart());
    editor_->setTextCursor(cursor);
    findNext();
  });
  connect(caseSensitive_, &QCheckBox::toggled, this, [this] { updateMatches(); });
  connect(previous_, &QToolButton::clicked, this, &FindBar::findPrevious);
  connect(next_, &QToolButton::clicked, this, &FindBar::findNext);
  connect(closeButton, &QToolButton::clicked, this, &FindBar::close);
  connect(editor_, &QPlainTextEdit::textChanged, this, [this] {
    if (isVisible()) updateMatches();
  });
  connect(editor_, &QPlainTextEdit::cursorPositionChanged, this, &FindBar::updateStatus);
  hide();
}

void FindBar::activate() {
  const QString selected = editor_->textCursor().selectedText();
  // A selection spanning lines contains U+2029 (paragraph separator): not a search text.
  if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator)) search_->setText(selected);
  show();
  updateMatches();
  search_->setFocus(Qt::ShortcutFocusReason);
  search_->selectAll();
}

void FindBar::close() {
  hide();
  overlay_->setRanges({});
  editor_->setFocus(Qt::OtherFocusReason);
}

void FindBar::setText(const QString& text) { search_->setText(text); }

QString FindBar::text() const { return search_->text(); }

void FindBar::setCaseSensitive(bool caseSensitive) { caseSensitive_->setChecked(caseSensitive); }

void FindBar::updateMatches() {
  matches_.clear();
  const QString needle = search_->text();
  if (!needle.isEmpty()) {
    // QPlainTextEdit positions are those of toPlainText(): one character per line break.
    const QString haystack = editor_->toPlainText();
    const Qt::CaseSensitivity sensitivity = caseSensitive_->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    for (qsizetype at = haystack.indexOf(needle, 0, sensitivity); at >= 0;
         at = haystack.indexOf(needle, at + needle.size(), sensitivity))
      matches_.append(TextRange{int(at), int(needle.size())});
  }
  overlay_->setRanges(isVisible() ? matches_ : QList<TextRange>{});
  updateStatus();
}

int FindBar::currentMatch() const {
  const QTextCursor cursor = editor_->textCursor();
  const TextRange selected{cursor.selectionStart(), cursor.selectionEnd() - cursor.selectionStart()};
  return int(matches_.indexOf(selected));
}

bool FindBar::findNext() {
  const int from = editor_->textCursor().selectionEnd();
  for (int i = 0; i < matches_.size(); ++i)
    if (matches_[i].position >= from) return select(i);
  return select(0);  // wrap around (-> false without matches)
}

bool FindBar::findPrevious() {
  const int before = editor_->textCursor().selectionStart();
  for (int i = int(matches_.size()) - 1; i >= 0; --i)
    if (matches_[i].position < before) return select(i);
  return select(int(matches_.size()) - 1);
}

bool FindBar::select(int matchIndex) {
  if (matchIndex < 0 || matchIndex >= matches_.size()) {
    updateStatus();
    return false;
  }
  QTextCursor cursor = editor_->textCursor();
  cursor.setPosition(matches_[matchIndex].position);
  cursor.setPosition(matches_[matchIndex].position + matches_[matchIndex].length, QTextCursor::KeepAnchor);
  editor_->setTextCursor(cursor);
  editor_->ensureCursorVisible();
  updateStatus();
  return true;
}

void FindBar::updateStatus() {
  const bool any = !matches_.isEmpty();
  previous_->setEnabled(any);
  next_->setEnabled(any);
  if (search_->text().isEmpty()) {
    status_->clear();
    return;
  }
  const int current = currentMatch();
  status_->setText(!any           ? tr("No matches")
                   : current >= 0 ? tr("%1 of %2").arg(current + 1).arg(matches_.size())
                                  : tr("%n match(es)", nullptr, int(matches_.size())));
}

bool FindBar::eventFilter(QObject* watched, QEvent* event) {
  if (watched == search_ && event->type() == QEvent::KeyPress) {
    const auto* key = static_cast<QKeyEvent*>(event);
    const bool shift = key->modifiers() & Qt::ShiftModifier;
    switch (key->key()) {
      case Qt::Key_Return:
      case Qt::Key_Enter:
      case Qt::Key_F3:
        if (shift)
          findPrevious();
        else
          findNext();
        return true;
      case Qt::Key_Escape:
        close();
        return true;
      default:
        break;
    }
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace meshstudio::views

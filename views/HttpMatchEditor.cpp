#include "views/HttpMatchEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

#include "views/MatchConditionRow.h"

namespace meshstudio::views {

namespace {

using model::Value;

/// The conditions of a match block the builder shows, in the document's order: relative path
/// (`uri`, `headers[end-user]`) and the StringMatch.
std::vector<std::pair<std::string, const Value*>> conditionsOf(const Value& block) {
  std::vector<std::pair<std::string, const Value*>> conditions;
  if (!block.isMap()) return conditions;
  for (const auto& entry : block.entries()) {
    if (entry.key == "uri" || entry.key == "scheme" || entry.key == "method" || entry.key == "authority") {
      conditions.emplace_back(entry.key, &entry.value);
    } else if ((entry.key == "headers" || entry.key == "queryParams") && entry.value.isMap()) {
      for (const auto& named : entry.value.entries())
        if (named.key.find(']') == std::string::npos)
          conditions.emplace_back(entry.key + "[" + named.key + "]", &named.value);
    }
  }
  return conditions;
}

/// Keys of a block the builder does not edit (they stay as written).
QStringList otherKeysOf(const Value& block) {
  QStringList keys;
  if (!block.isMap()) return keys;
  for (const auto& entry : block.entries())
    if (entry.key != "name" && entry.key != "ignoreUriCase" && entry.key != "uri" && entry.key != "scheme" &&
        entry.key != "method" && entry.key != "authority" && entry.key != "headers" && entry.key != "queryParams")
      keys << QString::fromStdString(entry.key);
  return keys;
}

}  // namespace

struct HttpMatchEditor::Block {
  QGroupBox* box = nullptr;
  QLineEdit* name = nullptr;
  QCheckBox* ignoreUriCase = nullptr;
  QVBoxLayout* rows = nullptr;
  QLabel* others = nullptr;
  QPushButton* addCondition = nullptr;
  QPushButton* remove = nullptr;
  std::vector<MatchConditionRow*> conditions;
  bool draft = false;  ///< not in the document yet
};

HttpMatchEditor::HttpMatchEditor(QWidget* parent)
    : QWidget(parent), hint_(new QLabel(this)), blocksLayout_(new QVBoxLayout), addBlock_(new QPushButton(this)) {
  auto* layout = new QVBoxLayout(this);
  hint_->setWordWrap(true);
  layout->addWidget(hint_);
  layout->addLayout(blocksLayout_);
  addBlock_->setText(tr("Add match block"));
  addBlock_->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
  addBlock_->setToolTip(
      tr("Adds an alternative: the route is taken when any one block matches. The block is written with "
         "its first condition."));
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(addBlock_);
  buttons->addStretch(1);
  layout->addLayout(buttons);
  layout->addStretch(1);
  connect(addBlock_, &QPushButton::clicked, this, &HttpMatchEditor::addBlock);
}

HttpMatchEditor::~HttpMatchEditor() = default;

void HttpMatchEditor::setBasePath(const std::string& routePath) {
  if (routePath == basePath_) return;
  basePath_ = routePath;
  clearBlocks();  // another route: its drafts are not this one's
}

int HttpMatchEditor::indexOf(const Block& block) const {
  for (std::size_t i = 0; i < blocks_.size(); ++i)
    if (blocks_[i].get() == &block) return static_cast<int>(i);
  return -1;
}

std::string HttpMatchEditor::blockPath(const Block& block) const {
  return basePath_ + ".match[" + std::to_string(indexOf(block)) + "]";
}

HttpMatchEditor::Block& HttpMatchEditor::addBlockWidgets(bool draft) {
  auto owned = std::make_unique<Block>();
  Block* block = owned.get();
  block->draft = draft;
  block->box = new QGroupBox(this);
  auto* layout = new QVBoxLayout(block->box);
  auto* top = new QHBoxLayout;
  block->name = new QLineEdit(block->box);
  block->name->setPlaceholderText(tr("block name (optional)"));
  block->name->setToolTip(
      tr("A name for this block, added to the route's name in Envoy's route name and access logs. "
         "Empty: no name."));
  block->ignoreUriCase = new QCheckBox(tr("Ignore URI case"), block->box);
  block->ignoreUriCase->setToolTip(
      tr("Compare exact and prefix URI conditions without regard to case; regexes and other conditions "
         "are not affected. Unchecked (the default): case-sensitive."));
  block->remove = new QPushButton(tr("Remove block"), block->box);
  block->remove->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
  block->remove->setToolTip(tr("Removes this block with all its conditions."));
  top->addWidget(block->name, 1);
  top->addWidget(block->ignoreUriCase);
  top->addWidget(block->remove);
  layout->addLayout(top);
  block->rows = new QVBoxLayout;
  layout->addLayout(block->rows);
  block->others = new QLabel(block->box);
  block->others->setWordWrap(true);
  block->others->hide();
  layout->addWidget(block->others);
  block->addCondition = new QPushButton(tr("Add condition"), block->box);
  block->addCondition->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
  block->addCondition->setToolTip(tr("Adds a condition to this block; all conditions of a block must hold."));
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(block->addCondition);
  bottom->addStretch(1);
  layout->addLayout(bottom);
  blocksLayout_->addWidget(block->box);

  connect(block->addCondition, &QPushButton::clicked, this, [this, block] { addCondition(*block); });
  connect(block->remove, &QPushButton::clicked, this, [this, block] { blockRemoved(*block); });
  connect(block->name, &QLineEdit::editingFinished, this, [this, block] { blockFieldChanged(*block); });
  connect(block->ignoreUriCase, &QCheckBox::toggled, this, [this, block] { blockFieldChanged(*block); });
  blocks_.push_back(std::move(owned));
  return *block;
}

MatchConditionRow* HttpMatchEditor::addRow(Block& block) {
  auto* row = new MatchConditionRow(block.box);
  block.rows->addWidget(row);
  block.conditions.push_back(row);
  Block* owner = &block;
  connect(row, &MatchConditionRow::changed, this, [this, owner, row] { conditionChanged(*owner, row); });
  connect(row, &MatchConditionRow::removeRequested, this, [this, owner, row] { conditionRemoved(*owner, row); });
  return row;
}

// Rows and blocks go with deleteLater(): the user's click that removes one is still being
// delivered to it, and the reload that follows an edit runs inside that click.
void HttpMatchEditor::removeRow(Block& block, MatchConditionRow* row) {
  std::erase(block.conditions, row);
  row->disconnect(this);
  row->hide();
  row->deleteLater();
}

void HttpMatchEditor::removeBlockWidgets(Block& block) {
  for (QObject* child : block.box->findChildren<QObject*>()) child->disconnect(this);
  block.box->hide();
  block.box->deleteLater();
  std::erase_if(blocks_, [&block](const std::unique_ptr<Block>& owned) { return owned.get() == &block; });
}

void HttpMatchEditor::clearBlocks() {
  while (!blocks_.empty()) removeBlockWidgets(*blocks_.back());
}

void HttpMatchEditor::load(const model::Value& document) {
  const auto path = model::FieldPath::parse(basePath_ + ".match");
  const Value* list = path ? path->find(document) : nullptr;
  const std::size_t count = list && list->isSeq() ? list->items().size() : 0;
  const auto written = static_cast<std::size_t>(
      std::count_if(blocks_.begin(), blocks_.end(), [](const auto& block) { return !block->draft; }));
  if (written != count) {
    clearBlocks();  // blocks added or removed elsewhere (the YAML view, undo)
    for (std::size_t i = 0; i < count; ++i) addBlockWidgets(false);
  }
  for (std::size_t i = 0; i < count; ++i) showBlock(*blocks_[i], list->items()[i]);
  updateBlockTitles();
}

void HttpMatchEditor::showBlock(Block& block, const Value& value) {
  const auto conditions = conditionsOf(value);
  std::set<std::string> inDocument, shown;
  for (const auto& [relative, match] : conditions) inDocument.insert(relative);
  for (MatchConditionRow* row : block.conditions)
    if (!row->committedPath().empty()) shown.insert(row->committedPath());
  if (inDocument != shown) {
    // Other conditions than the rows stand for: rebuild the written rows, keep the drafts after them.
    std::vector<MatchConditionRow*> drafts;
    for (MatchConditionRow* row : std::vector<MatchConditionRow*>(block.conditions)) {
      if (row->committedPath().empty())
        drafts.push_back(row);
      else
        removeRow(block, row);
    }
    block.conditions.clear();
    for (const auto& [relative, match] : conditions) addRow(block)->setCommittedPath(relative);
    for (MatchConditionRow* draft : drafts) {
      block.rows->removeWidget(draft);
      block.rows->addWidget(draft);
      block.conditions.push_back(draft);
    }
  }
  for (MatchConditionRow* row : block.conditions) {
    if (row->committedPath().empty()) continue;
    const auto parsed = MatchConditionRow::parsePath(row->committedPath());
    for (const auto& [relative, match] : conditions)
      if (relative == row->committedPath() && parsed) row->setCondition(parsed->first, parsed->second, *match);
  }
  const QSignalBlocker blockName(block.name), blockCase(block.ignoreUriCase);
  const Value* name = value.isMap() ? value.find("name") : nullptr;
  const QString nameText = name && name->isScalar() ? QString::fromStdString(name->text()) : QString();
  if (block.name->text() != nameText) block.name->setText(nameText);
  const Value* ignoreCase = value.isMap() ? value.find("ignoreUriCase") : nullptr;
  block.ignoreUriCase->setChecked(ignoreCase && ignoreCase->toBool().value_or(false));
  const QStringList others = otherKeysOf(value);
  block.others->setVisible(!others.isEmpty());
  block.others->setText(
      tr("Also in this block, kept as written (edit them in the YAML): %1").arg(others.join(QStringLiteral(", "))));
}

void HttpMatchEditor::updateBlockTitles() {
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    Block& block = *blocks_[i];
    bool anyCondition = false;
    for (MatchConditionRow* row : block.conditions) anyCondition = anyCondition || !row->committedPath().empty();
    QString title = i == 0 ? tr("Match block %1").arg(i + 1) : tr("or match block %1").arg(i + 1);
    if (block.draft)
      title += tr(" (not written until a condition is complete)");
    else if (!anyCondition && block.others->isHidden())
      title += tr(" — matches every request");
    block.box->setTitle(title);
    // Conditions that repeat another of the block: a block holds each subject (header) once.
    std::set<std::string> seen;
    for (MatchConditionRow* row : block.conditions) {
      const std::string path = row->relativePath();
      const bool repeated = !path.empty() && !seen.insert(path).second;
      row->setConflict(repeated ? tr("This block already has this condition; change it there.") : QString());
    }
  }
  hint_->setText(blocks_.empty()
                     ? tr("No match blocks: this route takes every request that reaches it, and the routes after "
                          "it can never match. Add a block to limit it.")
                     : tr("The route is taken when any one block matches; within a block every condition must "
                          "hold."));
  bool hasDraft = false;
  for (const auto& block : blocks_) hasDraft = hasDraft || block->draft;
  addBlock_->setEnabled(!hasDraft);
}

void HttpMatchEditor::addBlock() {
  Block& block = addBlockWidgets(true);
  MatchConditionRow* row = addRow(block);
  Value prefix = Value::map();
  prefix.set("prefix", Value::string(""));
  row->setCondition(MatchConditionRow::Subject::Uri, QString(), prefix);
  updateBlockTitles();
  row->valueEdit()->setFocus(Qt::OtherFocusReason);
}

void HttpMatchEditor::addCondition(Block& block) {
  bool hasUri = false;
  for (MatchConditionRow* row : block.conditions) hasUri = hasUri || row->subject() == MatchConditionRow::Subject::Uri;
  MatchConditionRow* row = addRow(block);
  Value exact = Value::map();
  exact.set("exact", Value::string(""));
  row->setCondition(hasUri ? MatchConditionRow::Subject::Header : MatchConditionRow::Subject::Uri, QString(), exact);
  updateBlockTitles();
  row->subjectBox()->setFocus(Qt::OtherFocusReason);
}

void HttpMatchEditor::conditionChanged(Block& block, MatchConditionRow* row) {
  updateBlockTitles();
  if (!row->problem().isEmpty()) return;  // a regex RE2 rejects, a repeated subject: nothing is written
  const std::string path = row->relativePath();
  const std::optional<Value> value = row->value();
  if (block.draft) {
    if (value) commitDraft(block);
    return;
  }
  const std::string base = blockPath(block) + ".";
  const std::string old = row->committedPath();
  std::vector<model::FieldEdit> edits;
  if (!old.empty() && (old != path || !value)) edits.push_back({base + old, std::nullopt});
  if (value) edits.push_back({base + path, value});
  row->setCommittedPath(value ? path : std::string());
  if (!edits.empty()) propose(std::move(edits));
}

void HttpMatchEditor::conditionRemoved(Block& block, MatchConditionRow* row) {
  const std::string old = row->committedPath();
  const std::string path = blockPath(block) + "." + old;
  const bool written = !block.draft && !old.empty();
  removeRow(block, row);
  updateBlockTitles();
  if (written) propose({{path, std::nullopt}});
}

void HttpMatchEditor::blockRemoved(Block& block) {
  const bool written = !block.draft;
  const std::string path = blockPath(block);
  removeBlockWidgets(block);
  updateBlockTitles();
  if (written) propose({{path, std::nullopt}});
}

void HttpMatchEditor::blockFieldChanged(Block& block) {
  if (block.draft) return;  // written with the block's first condition
  const std::string base = blockPath(block) + ".";
  const QString name = block.name->text().trimmed();
  std::vector<model::FieldEdit> edits;
  edits.push_back({base + "name", name.isEmpty() ? std::nullopt : std::optional(Value::string(name.toStdString()))});
  edits.push_back(
      {base + "ignoreUriCase", block.ignoreUriCase->isChecked() ? std::optional(Value::boolean(true)) : std::nullopt});
  propose(std::move(edits));  // the field that did not change is a no-op
}

model::Value HttpMatchEditor::draftValue(Block& block) {
  Value value = Value::map();
  if (const QString name = block.name->text().trimmed(); !name.isEmpty())
    value.set("name", Value::string(name.toStdString()));
  for (MatchConditionRow* row : block.conditions) {
    const auto match = row->value();
    if (!match || !row->problem().isEmpty()) continue;
    const auto path = model::FieldPath::parse(row->relativePath());
    if (path && path->apply(value, match).empty()) row->setCommittedPath(row->relativePath());
  }
  if (block.ignoreUriCase->isChecked()) value.set("ignoreUriCase", Value::boolean(true));
  return value;
}

void HttpMatchEditor::commitDraft(Block& block) {
  const std::string path = blockPath(block);
  Value value = draftValue(block);
  block.draft = false;
  updateBlockTitles();
  propose({{path, std::move(value)}});
}

void HttpMatchEditor::propose(std::vector<model::FieldEdit> edits) {
  Q_EMIT edited(edits, QString());  // every finished change of the builder is its own undo step
}

bool HttpMatchEditor::focusField(const std::string& fullPath) {
  for (const auto& owned : blocks_) {
    Block& block = *owned;
    const std::string base = blockPath(block);
    if (block.draft || !model::FieldPath::isWithin(fullPath, base)) continue;
    QWidget* target = block.name;
    if (model::FieldPath::isWithin(fullPath, base + ".ignoreUriCase")) target = block.ignoreUriCase;
    for (MatchConditionRow* row : block.conditions)
      if (!row->committedPath().empty() && model::FieldPath::isWithin(fullPath, base + "." + row->committedPath()))
        target = row->valueEdit()->isEnabled() ? static_cast<QWidget*>(row->valueEdit()) : row->operatorBox();
    target->setFocus(Qt::OtherFocusReason);
    return true;
  }
  return false;
}

int HttpMatchEditor::conditionCount(int block) const {
  return block >= 0 && block < blockCount() ? static_cast<int>(blocks_[std::size_t(block)]->conditions.size()) : 0;
}

MatchConditionRow* HttpMatchEditor::condition(int block, int row) const {
  if (row < 0 || row >= conditionCount(block)) return nullptr;
  return blocks_[std::size_t(block)]->conditions[std::size_t(row)];
}

QLineEdit* HttpMatchEditor::nameEdit(int block) const {
  return block >= 0 && block < blockCount() ? blocks_[std::size_t(block)]->name : nullptr;
}

QCheckBox* HttpMatchEditor::ignoreUriCaseBox(int block) const {
  return block >= 0 && block < blockCount() ? blocks_[std::size_t(block)]->ignoreUriCase : nullptr;
}

QPushButton* HttpMatchEditor::addConditionButton(int block) const {
  return block >= 0 && block < blockCount() ? blocks_[std::size_t(block)]->addCondition : nullptr;
}

QPushButton* HttpMatchEditor::removeBlockButton(int block) const {
  return block >= 0 && block < blockCount() ? blocks_[std::size_t(block)]->remove : nullptr;
}

}  // namespace meshstudio::views

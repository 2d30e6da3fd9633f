#pragma once

#include <QString>
#include <QWidget>

#include <memory>
#include <string>
#include <vector>

#include "model/FieldPath.h"
#include "model/Value.h"

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QVBoxLayout;

namespace meshstudio::views {

class MatchConditionRow;

/// The match builder of one HTTP route (`spec.http[i].match`): a list of blocks that are ORed,
/// each a list of conditions that are ANDed (MatchConditionRow), with the block's name and
/// ignoreUriCase. Each finished change becomes FieldEdits on the condition's own path
/// (`spec.http[1].match[0].headers[x-canary]` = `{exact: "true"}`), so whatever else a block
/// holds (port, sourceLabels, withoutHeaders, ...) is left as written.
///
/// New blocks and conditions are drafts until they say something: a block is written (as one
/// list item) with its first complete condition, because an empty block would match every
/// request. load() keeps the rows, drafts included, while the document has the conditions the
/// rows stand for, so typing is never interrupted by the reload that follows each edit.
class HttpMatchEditor : public QWidget {
  Q_OBJECT

 public:
  explicit HttpMatchEditor(QWidget* parent = nullptr);
  ~HttpMatchEditor() override;

  /// The route whose blocks are edited (`spec.http[2]`); another route than before drops drafts.
  void setBasePath(const std::string& routePath);
  const std::string& basePath() const { return basePath_; }
  /// Shows the route's match blocks of `document` (the whole resource), without emitting.
  void load(const model::Value& document);
  /// Focuses the control of `fullPath` (`spec.http[0].match[1].headers[end-user].exact`).
  bool focusField(const std::string& fullPath);

  int blockCount() const { return static_cast<int>(blocks_.size()); }
  int conditionCount(int block) const;
  MatchConditionRow* condition(int block, int row) const;
  QLineEdit* nameEdit(int block) const;
  QCheckBox* ignoreUriCaseBox(int block) const;
  QPushButton* addConditionButton(int block) const;
  QPushButton* removeBlockButton(int block) const;
  QPushButton* addBlockButton() const { return addBlock_; }

 Q_SIGNALS:
  void edited(const std::vector<meshstudio::model::FieldEdit>& edits, const QString& mergeKey);

 private:
  struct Block;

  std::string blockPath(const Block& block) const;
  int indexOf(const Block& block) const;
  Block& addBlockWidgets(bool draft);
  MatchConditionRow* addRow(Block& block);
  void removeBlockWidgets(Block& block);
  void removeRow(Block& block, MatchConditionRow* row);
  void clearBlocks();
  void showBlock(Block& block, const model::Value& value);
  void updateBlockTitles();

  // The user's actions.
  void addBlock();
  void addCondition(Block& block);
  void conditionChanged(Block& block, MatchConditionRow* row);
  void conditionRemoved(Block& block, MatchConditionRow* row);
  void blockRemoved(Block& block);
  void blockFieldChanged(Block& block);
  /// Writes a draft block whole, as the next item of the list.
  void commitDraft(Block& block);
  model::Value draftValue(Block& block);
  void propose(std::vector<model::FieldEdit> edits);

  std::string basePath_;
  std::vector<std::unique_ptr<Block>> blocks_;
  QLabel* hint_;
  QVBoxLayout* blocksLayout_;
  QPushButton* addBlock_;
};

}  // namespace meshstudio::views

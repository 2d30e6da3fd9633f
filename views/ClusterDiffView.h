#pragma once

// The diff view of a cluster apply: the resources that would be applied, each with its state
// (new, changes, unchanged, failed; coloured), and for the selected one its local YAML (left)
// and live YAML (right) side by side in two read-only monospace editors that scroll together,
// lines aligned by SideBySideDiff and highlighted as a review tool does (only local: green, an
// apply adds it; only live: red, an apply removes it or leaves it; changed: yellow), with the
// field-by-field changes under them. Before an apply it also asks: "Apply N changes" / Cancel.

#include <QList>
#include <QWidget>

#include "views/ClusterDiffData.h"
#include "views/SideBySideDiff.h"

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace meshstudio::views {

class ClusterDiffView : public QWidget {
  Q_OBJECT

 public:
  explicit ClusterDiffView(QWidget* parent = nullptr);

  /// Shows `rows` (in this order) with a headline (`3 to create, 1 to change, 2 unchanged`) and
  /// selects the first one that an apply would change. Hides the confirmation.
  void setRows(const QList<ResourceDiffRow>& rows, const QString& title = {});
  const QList<ResourceDiffRow>& rows() const { return rows_; }
  /// Shows the confirmation bar: `question` and a button saying `confirmText`; the bar goes
  /// again when either button is pressed (or setRows is called).
  void askToConfirm(const QString& question, const QString& confirmText, bool canConfirm = true);
  bool isAskingToConfirm() const;

  /// Selects row `row` and shows its YAML and changes.
  void selectRow(int row);
  int selectedRow() const;

  /// The background colours of the line kinds (also the list's state colours).
  static QColor colourOf(AlignedLine::Kind kind);
  static QColor colourOf(ResourceDiffRow::State state);
  static QString stateText(ResourceDiffRow::State state);

  /// The shown resource's aligned lines; block i of both editors is line i of this.
  const QList<AlignedLine>& alignment() const { return alignment_; }
  QTreeWidget* resourceList() const { return list_; }
  QPlainTextEdit* localEditor() const { return local_; }
  QPlainTextEdit* liveEditor() const { return live_; }
  QListWidget* changeList() const { return changes_; }
  QPushButton* confirmButton() const { return confirm_; }
  QPushButton* cancelButton() const { return cancel_; }
  QString headline() const;

 Q_SIGNALS:
  void confirmed();
  void cancelled();

 private:
  void showRow(int row);
  /// Puts the aligned lines into both editors (fillers empty) and colours them.
  void fillEditors(const ResourceDiffRow& row);
  void hideConfirmation();

  QList<ResourceDiffRow> rows_;
  QList<AlignedLine> alignment_;
  QLabel* headline_;
  QTreeWidget* list_;
  QLabel* localTitle_;
  QLabel* liveTitle_;
  QPlainTextEdit* local_;
  QPlainTextEdit* live_;
  QListWidget* changes_;
  QLabel* problem_;
  QWidget* confirmBar_;
  QLabel* question_;
  QPushButton* confirm_;
  QPushButton* cancel_;
  bool syncingScroll_ = false;
};

}  // namespace meshstudio::views

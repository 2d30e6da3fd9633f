#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

class QListWidget;
class QPalette;
class QPushButton;

namespace meshstudio::views {

/// The list half of a master-detail editor (subsets of a DestinationRule, servers of a Gateway,
/// ports of a Service): a list with Add and Remove buttons. It shows what the editor gives it and
/// reports what the user asked for; the editor turns requests into edits.
///
/// setItems() never emits and keeps the selected row: with the same number of items it only
/// updates texts in place (so a value edit does not rebuild the list under the user), otherwise
/// it rebuilds and keeps the row (clamped), or selects the row given to selectAfterReload().
class EditableItemList : public QWidget {
  Q_OBJECT

 public:
  struct Item {
    QString text;
    QString toolTip;
    bool warning = false;  ///< drawn in the warning colour with a warning icon (a subset selecting no pods)
  };

  explicit EditableItemList(QWidget* parent = nullptr);

  void setItems(const QList<Item>& items);
  int count() const;
  int currentRow() const;
  /// Selects `row` and emits currentRowChanged when it changes (the editor shows the detail).
  void setCurrentRow(int row);
  /// The row to select on the next setItems() that has it: the item an Add appends.
  void selectAfterReload(int row) { pendingRow_ = row; }
  /// Tooltips of the buttons, in the words of the list's items ("Add a subset").
  void setButtonToolTips(const QString& add, const QString& remove);

  QListWidget* list() const { return list_; }
  QPushButton* addButton() const { return add_; }
  QPushButton* removeButton() const { return remove_; }

  /// A warning colour readable on the palette's base colour (light and dark themes).
  static QColor warningColour(const QPalette& palette);

 Q_SIGNALS:
  void currentRowChanged(int row);
  void addRequested();
  void removeRequested(int row);

 private:
  void applyItem(int row, const Item& item);
  void updateButtons();

  QListWidget* list_;
  QPushButton* add_;
  QPushButton* remove_;
  int pendingRow_ = -1;
};

}  // namespace meshstudio::views

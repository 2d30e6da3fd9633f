#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QListWidget;
class QPushButton;

namespace meshstudio::views {

/// The ordered HTTP routes of a VirtualService, as the proxy tries them: numbered rows with what
/// each matches and does, the first that matches wins. Rows after a catch-all are greyed, with a
/// tooltip saying why they can never match. Drag a row (or use Move up / Move down) to reorder:
/// the list reports moveRequested() and the editor's reload shows the result; it never edits
/// anything itself.
class HttpRouteList : public QWidget {
  Q_OBJECT

 public:
  struct Entry {
    QString text;
    QString toolTip;
    bool unreachable = false;  ///< after a catch-all route
  };
  /// Item data: true on the rows that can never match.
  static constexpr int UnreachableRole = Qt::UserRole + 1;

  explicit HttpRouteList(QWidget* parent = nullptr);

  /// Shows `entries`; the same number of rows again updates them in place (keeps the selection).
  void setEntries(const QList<Entry>& entries);
  int count() const;
  int currentRoute() const;
  /// Selects row `route` without emitting currentRouteChanged().
  void setCurrentRoute(int route);

  QListWidget* list() const { return list_; }
  QPushButton* addButton() const { return add_; }
  QPushButton* removeButton() const { return remove_; }
  QPushButton* moveUpButton() const { return up_; }
  QPushButton* moveDownButton() const { return down_; }

 Q_SIGNALS:
  void currentRouteChanged(int route);
  void moveRequested(int from, int to);
  void addRequested();
  void removeRequested(int route);

 private:
  void updateButtons();

  QListWidget* list_;
  QPushButton* add_;
  QPushButton* remove_;
  QPushButton* up_;
  QPushButton* down_;
};

}  // namespace meshstudio::views

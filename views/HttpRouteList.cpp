#include "views/HttpRouteList.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace meshstudio::views {

HttpRouteList::HttpRouteList(QWidget* parent)
    : QWidget(parent),
      list_(new QListWidget(this)),
      add_(new QPushButton(tr("Add"), this)),
      remove_(new QPushButton(tr("Remove"), this)),
      up_(new QPushButton(tr("Move up"), this)),
      down_(new QPushButton(tr("Move down"), this)) {
  list_->setObjectName(QStringLiteral("routes"));
  list_->setDragDropMode(QAbstractItemView::InternalMove);
  list_->setDefaultDropAction(Qt::MoveAction);
  list_->setSelectionMode(QAbstractItemView::SingleSelection);
  list_->setWordWrap(true);
  list_->setToolTip(
      tr("The proxy tries the routes from the top and takes the first that matches. Drag a route to "
         "change the order."));
  add_->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
  add_->setToolTip(
      tr("Adds a route at the end, to the first host. Without a match it takes every request "
         "the routes above it leave."));
  remove_->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
  remove_->setToolTip(tr("Removes the selected route."));
  up_->setIcon(QIcon::fromTheme(QStringLiteral("go-up")));
  up_->setToolTip(tr("Moves the selected route up: it is tried earlier."));
  down_->setIcon(QIcon::fromTheme(QStringLiteral("go-down")));
  down_->setToolTip(tr("Moves the selected route down: it is tried later."));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(list_, 1);
  auto* buttons = new QHBoxLayout;
  for (QPushButton* button : {add_, remove_, up_, down_}) buttons->addWidget(button);
  buttons->addStretch(1);
  layout->addLayout(buttons);

  connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
    updateButtons();
    Q_EMIT currentRouteChanged(row);
  });
  // A drag has already moved the row in the widget; the document follows through the editor.
  connect(list_->model(), &QAbstractItemModel::rowsMoved, this,
          [this](const QModelIndex&, int start, int, const QModelIndex&, int row) {
            Q_EMIT moveRequested(start, row > start ? row - 1 : row);
          });
  connect(add_, &QPushButton::clicked, this, &HttpRouteList::addRequested);
  connect(remove_, &QPushButton::clicked, this, [this] {
    if (currentRoute() >= 0) Q_EMIT removeRequested(currentRoute());
  });
  connect(up_, &QPushButton::clicked, this, [this] {
    if (currentRoute() > 0) Q_EMIT moveRequested(currentRoute(), currentRoute() - 1);
  });
  connect(down_, &QPushButton::clicked, this, [this] {
    if (currentRoute() >= 0 && currentRoute() + 1 < count()) Q_EMIT moveRequested(currentRoute(), currentRoute() + 1);
  });
  updateButtons();
}

int HttpRouteList::count() const { return list_->count(); }

int HttpRouteList::currentRoute() const { return list_->currentRow(); }

void HttpRouteList::setCurrentRoute(int route) {
  const QSignalBlocker blocker(list_);
  list_->setCurrentRow(route);
  updateButtons();
}

void HttpRouteList::setEntries(const QList<Entry>& entries) {
  const QSignalBlocker blocker(list_);
  if (list_->count() != entries.size()) {
    const int current = list_->currentRow();
    list_->clear();
    for (qsizetype i = 0; i < entries.size(); ++i) new QListWidgetItem(list_);
    list_->setCurrentRow(std::min(current, static_cast<int>(entries.size()) - 1));
  }
  const QColor greyed = palette().color(QPalette::Disabled, QPalette::Text);
  for (qsizetype i = 0; i < entries.size(); ++i) {
    QListWidgetItem* item = list_->item(static_cast<int>(i));
    const Entry& entry = entries[i];
    item->setText(entry.text);
    item->setToolTip(entry.toolTip);
    item->setData(UnreachableRole, entry.unreachable);
    item->setForeground(entry.unreachable ? QBrush(greyed) : QBrush());
    QFont font = item->font();
    font.setItalic(entry.unreachable);
    item->setFont(font);
  }
  updateButtons();
}

void HttpRouteList::updateButtons() {
  const int current = currentRoute();
  remove_->setEnabled(current >= 0);
  up_->setEnabled(current > 0);
  down_->setEnabled(current >= 0 && current + 1 < count());
}

}  // namespace meshstudio::views

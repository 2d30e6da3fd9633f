#include "views/EditableItemList.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPalette>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QVBoxLayout>

namespace meshstudio::views {

EditableItemList::EditableItemList(QWidget* parent)
    : QWidget(parent),
      list_(new QListWidget(this)),
      add_(new QPushButton(tr("Add"), this)),
      remove_(new QPushButton(tr("Remove"), this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  list_->setSelectionMode(QAbstractItemView::SingleSelection);
  layout->addWidget(list_, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_);
  buttons->addWidget(remove_);
  buttons->addStretch(1);
  layout->addLayout(buttons);
  add_->setObjectName(QStringLiteral("addItem"));
  remove_->setObjectName(QStringLiteral("removeItem"));
  connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
    updateButtons();
    Q_EMIT currentRowChanged(row);
  });
  connect(add_, &QPushButton::clicked, this, &EditableItemList::addRequested);
  connect(remove_, &QPushButton::clicked, this, [this] {
    if (list_->currentRow() >= 0) Q_EMIT removeRequested(list_->currentRow());
  });
  updateButtons();
}

void EditableItemList::setItems(const QList<Item>& items) {
  const QSignalBlocker blocker(list_);
  const int before = list_->currentRow();
  if (list_->count() != items.size()) {
    list_->clear();
    for (int row = 0; row < items.size(); ++row) {
      list_->addItem(QString());
      applyItem(row, items[row]);
    }
  } else {
    for (int row = 0; row < items.size(); ++row) applyItem(row, items[row]);
  }
  int row = before;
  if (pendingRow_ >= 0 && pendingRow_ < items.size()) {
    row = pendingRow_;
    pendingRow_ = -1;
  }
  if (row < 0 && !items.isEmpty()) row = 0;
  row = std::min(row, int(items.size()) - 1);
  list_->setCurrentRow(row);
  updateButtons();
}

void EditableItemList::applyItem(int row, const Item& item) {
  QListWidgetItem* entry = list_->item(row);
  if (entry->text() != item.text) entry->setText(item.text);
  if (entry->toolTip() != item.toolTip) entry->setToolTip(item.toolTip);
  const bool warned = entry->data(Qt::UserRole).toBool();
  if (warned == item.warning) return;
  entry->setData(Qt::UserRole, item.warning);
  entry->setIcon(item.warning ? style()->standardIcon(QStyle::SP_MessageBoxWarning) : QIcon());
  if (item.warning)
    entry->setForeground(warningColour(list_->palette()));
  else
    entry->setData(Qt::ForegroundRole, QVariant());
}

int EditableItemList::count() const { return list_->count(); }

int EditableItemList::currentRow() const { return list_->currentRow(); }

void EditableItemList::setCurrentRow(int row) { list_->setCurrentRow(row); }

void EditableItemList::setButtonToolTips(const QString& add, const QString& remove) {
  add_->setToolTip(add);
  remove_->setToolTip(remove);
}

void EditableItemList::updateButtons() { remove_->setEnabled(list_->currentRow() >= 0); }

QColor EditableItemList::warningColour(const QPalette& palette) {
  const bool dark = palette.color(QPalette::Base).lightness() < 128;
  return dark ? QColor(0xff, 0xb3, 0x47) : QColor(0xa8, 0x52, 0x00);
}

}  // namespace meshstudio::views

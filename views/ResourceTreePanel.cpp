#include "views/ResourceTreePanel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

#include "views/ResourceTreeFilter.h"
#include "views/ResourceTreeModel.h"

namespace meshstudio::views {

ResourceTreePanel::ResourceTreePanel(QWidget* parent)
    : QWidget(parent),
      model_(new ResourceTreeModel(this)),
      filter_(new ResourceTreeFilter(this)),
      tree_(new QTreeView),
      filterEdit_(new QLineEdit) {
  filter_->setSourceModel(model_);

  filterEdit_->setObjectName(QStringLiteral("resourceFilter"));
  filterEdit_->setPlaceholderText(tr("Filter by kind, namespace or name"));
  filterEdit_->setClearButtonEnabled(true);
  filterEdit_->setToolTip(
      tr("Shows the resources whose kind, namespace and name contain every word typed here "
         "(ignoring case), e.g. \"vir reviews\". Empty shows everything."));
  connect(filterEdit_, &QLineEdit::textChanged, this, [this](const QString& text) {
    filter_->setFilterText(text);
    expandForFilter();
  });

  tree_->setObjectName(QStringLiteral("resourceTree"));
  tree_->setModel(filter_);
  tree_->setHeaderHidden(true);
  tree_->setUniformRowHeights(true);
  tree_->setSelectionMode(QAbstractItemView::SingleSelection);
  tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
    if (!rebuilding_) Q_EMIT currentChanged(filter_->mapToSource(current));
  });

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(filterEdit_);
  layout->addWidget(tree_, 1);
  setFocusProxy(tree_);
}

void ResourceTreePanel::setResources(const std::vector<model::Resource>& resources,
                                     const model::Diagnostics& findings) {
  // The rows go and come back: the current node passes through whatever the view picks
  // meanwhile, which is nobody's choice; the caller sets the current node afterwards.
  rebuilding_ = true;
  model_->setResources(resources, findings);
  rebuilding_ = false;
  expandForFilter();
}

void ResourceTreePanel::expandForFilter() {
  // Filtered, every match is shown; unfiltered, kinds and namespaces are open as on opening.
  if (filter_->isFiltering())
    tree_->expandAll();
  else
    tree_->expandToDepth(1);
}

QModelIndex ResourceTreePanel::currentIndex() const { return filter_->mapToSource(tree_->currentIndex()); }

int ResourceTreePanel::currentResource() const { return model_->resourceIndex(currentIndex()); }

void ResourceTreePanel::setCurrentIndex(const QModelIndex& sourceIndex) {
  QModelIndex proxyIndex = filter_->mapFromSource(sourceIndex);
  if (sourceIndex.isValid() && !proxyIndex.isValid()) {
    // The filter hides it: showing what was asked for matters more than the filter.
    filterEdit_->clear();
    proxyIndex = filter_->mapFromSource(sourceIndex);
  }
  if (proxyIndex == tree_->currentIndex()) {
    // No currentChanged from the view, but the caller may rely on one (a rebuild under it).
    Q_EMIT currentChanged(sourceIndex);
    return;
  }
  tree_->setCurrentIndex(proxyIndex);
  if (proxyIndex.isValid()) tree_->scrollTo(proxyIndex);
}

void ResourceTreePanel::focusFilter() {
  filterEdit_->setFocus(Qt::ShortcutFocusReason);
  filterEdit_->selectAll();
}

}  // namespace meshstudio::views

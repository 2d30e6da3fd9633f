#include "views/DiagnosticsPanel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "views/DiagnosticsFilter.h"
#include "views/DiagnosticsModel.h"

namespace meshstudio::views {

DiagnosticsPanel::DiagnosticsPanel(QWidget* parent)
    : QWidget(parent),
      model_(new DiagnosticsModel(this)),
      filter_(new DiagnosticsFilter(this)),
      table_(new QTableView(this)),
      search_(new QLineEdit(this)),
      errors_(new QCheckBox(this)),
      warnings_(new QCheckBox(this)),
      infos_(new QCheckBox(this)),
      fixes_(new QHBoxLayout),
      fixesLabel_(new QLabel(tr("Quick fixes:"), this)) {
  filter_->setSourceModel(model_);
  table_->setModel(filter_);
  table_->setSortingEnabled(true);
  table_->sortByColumn(DiagnosticsModel::SeverityColumn, Qt::AscendingOrder);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setStretchLastSection(false);
  table_->horizontalHeader()->setSectionResizeMode(DiagnosticsModel::MessageColumn, QHeaderView::Stretch);
  table_->setWordWrap(false);

  search_->setPlaceholderText(tr("Filter by code, message or resource"));
  search_->setClearButtonEnabled(true);
  search_->setToolTip(tr("Shows only findings whose code, message or resource contains this text. Empty: all."));
  for (QCheckBox* box : {errors_, warnings_, infos_}) {
    box->setChecked(true);
    box->setToolTip(tr("Show or hide findings of this severity. All are shown by default."));
  }

  auto* toolbar = new QHBoxLayout;
  toolbar->addWidget(search_, 1);
  toolbar->addWidget(errors_);
  toolbar->addWidget(warnings_);
  toolbar->addWidget(infos_);
  fixes_->addWidget(fixesLabel_);
  fixes_->addStretch(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(toolbar);
  layout->addWidget(table_, 1);
  layout->addLayout(fixes_);

  connect(search_, &QLineEdit::textChanged, filter_, &DiagnosticsFilter::setText);
  auto toggle = [this](QCheckBox* box, model::Severity severity) {
    connect(box, &QCheckBox::toggled, this, [this, severity](bool on) { filter_->setSeverityShown(severity, on); });
  };
  toggle(errors_, model::Severity::Error);
  toggle(warnings_, model::Severity::Warning);
  toggle(infos_, model::Severity::Info);
  connect(table_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
    const QModelIndex source = filter_->mapToSource(index);
    if (source.isValid()) Q_EMIT activated(model_->diagnostic(source.row()));
  });
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DiagnosticsPanel::updateQuickFixes);
  connect(model_, &QAbstractItemModel::modelReset, this, [this] {
    updateCounts();
    updateQuickFixes();
  });
  updateCounts();
  updateQuickFixes();
}

bool DiagnosticsPanel::setDiagnostics(model::Diagnostics diagnostics, std::uint64_t revision) {
  return model_->setDiagnostics(std::move(diagnostics), revision);
}

QCheckBox* DiagnosticsPanel::severityToggle(model::Severity severity) const {
  return severity == model::Severity::Error ? errors_ : severity == model::Severity::Warning ? warnings_ : infos_;
}

void DiagnosticsPanel::updateCounts() {
  errors_->setText(tr("Errors (%1)").arg(model_->count(model::Severity::Error)));
  warnings_->setText(tr("Warnings (%1)").arg(model_->count(model::Severity::Warning)));
  infos_->setText(tr("Info (%1)").arg(model_->count(model::Severity::Info)));
}

const model::Diagnostic* DiagnosticsPanel::selectedDiagnostic() const {
  const QModelIndexList rows = table_->selectionModel()->selectedRows();
  if (rows.isEmpty()) return nullptr;
  const QModelIndex source = filter_->mapToSource(rows.front());
  return source.isValid() ? &model_->diagnostic(source.row()) : nullptr;
}

QList<QWidget*> DiagnosticsPanel::quickFixButtons() const {
  QList<QWidget*> buttons;
  for (int i = 0; i < fixes_->count(); ++i)
    if (auto* button = qobject_cast<QPushButton*>(fixes_->itemAt(i)->widget())) buttons.append(button);
  return buttons;
}

void DiagnosticsPanel::updateQuickFixes() {
  for (QWidget* button : quickFixButtons()) {
    fixes_->removeWidget(button);
    button->deleteLater();
  }
  const model::Diagnostic* diagnostic = selectedDiagnostic();
  const bool any = diagnostic && !diagnostic->fixes.empty();
  fixesLabel_->setVisible(any);
  if (!any) return;
  // A copy: the model may be reset (new results) before the button is clicked.
  const model::Diagnostic chosen = *diagnostic;
  for (std::size_t i = 0; i < chosen.fixes.size(); ++i) {
    auto* button = new QPushButton(QString::fromStdString(chosen.fixes[i].title), this);
    button->setToolTip(tr("Applies this change to the project as one step you can undo."));
    connect(button, &QPushButton::clicked, this,
            [this, chosen, i] { Q_EMIT quickFixRequested(chosen, static_cast<int>(i)); });
    fixes_->insertWidget(fixes_->count() - 1, button);
  }
}

}  // namespace meshstudio::views

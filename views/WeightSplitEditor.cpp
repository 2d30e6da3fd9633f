#include "views/WeightSplitEditor.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

#include "views/WeightRebalancer.h"
#include "views/WeightSplitBar.h"

namespace meshstudio::views {

namespace {

enum Column { SwatchColumn, LabelColumn, SliderColumn, SpinBoxColumn, LockColumn };

QPixmap swatch(const QColor& color, int size) {
  QPixmap pixmap(size, size);
  pixmap.fill(color);
  return pixmap;
}

}  // namespace

WeightSplitEditor::WeightSplitEditor(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  grid_ = new QGridLayout;
  grid_->setColumnStretch(SliderColumn, 1);
  layout->addLayout(grid_);
  bar_ = new WeightSplitBar(this);
  layout->addWidget(bar_);
  note_ = new QLabel(this);
  note_->setWordWrap(true);
  note_->setVisible(false);
  layout->addWidget(note_);
  refresh();
}

int WeightSplitEditor::nextMergeKey() {
  // Shared by every editor, so two editors open side by side never hand the app the same key.
  static int key = 0;
  key = key == std::numeric_limits<int>::max() ? 1 : key + 1;
  return key;
}

QString WeightSplitEditor::destinationLabel(const model::Destination& destination) {
  QString label = destination.host ? QString::fromStdString(*destination.host) : tr("(no host)");
  if (destination.subset) label += QLatin1Char('/') + QString::fromStdString(*destination.subset);
  if (destination.port && destination.port->number)
    label += QLatin1Char(':') + QString::number(*destination.port->number);
  return label;
}

QList<WeightSplitEditor::Row> WeightSplitEditor::rowsFor(const std::vector<model::HTTPRouteDestination>& route) {
  QList<Row> rows;
  for (const model::HTTPRouteDestination& d : route) {
    Row row;
    row.label = d.destination ? destinationLabel(*d.destination) : tr("(no destination)");
    // Istio: a lone destination takes all traffic; beside others, a missing weight means 0.
    const model::Int weight = route.size() == 1 ? model::Int{WeightRebalancer::Total} : d.weight.value_or(0);
    row.weight = static_cast<int>(std::clamp<model::Int>(weight, 0, std::numeric_limits<int>::max()));
    rows.append(row);
  }
  return rows;
}

void WeightSplitEditor::setDestinations(const QList<Row>& rows) {
  QStringList labels;
  QList<int> weights;
  QList<bool> locked;
  for (const Row& row : rows) {
    labels << row.label;
    weights << row.weight;
    locked << row.locked;
  }
  // The same destinations again (the app refreshing after a command) keep their widgets: this
  // can run inside weightsEdited(), while the user still holds a slider that must not vanish.
  if (labels != labels_) {
    clearRows();
    labels_ = labels;
    for (const Row& row : rows) addRow(row);
    anchorRow_ = -1;
    dragKey_ = 0;
  }
  // Other locks make the anchor's values for those rows stale; the same weights as our last
  // proposal keep it (userSetWeight() compares them), so a drag answered this way does not drift.
  if (locked != locked_) anchorRow_ = -1;
  weights_ = weights;
  locked_ = locked;
  refresh();
}

void WeightSplitEditor::setWeights(const QList<int>& weights) {
  if (weights.size() != weights_.size()) {
    qWarning("WeightSplitEditor::setWeights: %lld weights for %lld destinations, ignored",
             static_cast<long long>(weights.size()), static_cast<long long>(weights_.size()));
    return;
  }
  weights_ = weights;  // a value other than our last proposal also drops the anchor (userSetWeight)
  refresh();
}

void WeightSplitEditor::setLocked(int row, bool locked) {
  if (row < 0 || row >= count() || locked_[row] == locked) return;
  locked_[row] = locked;
  anchorRow_ = -1;
  refresh();
}

QList<bool> WeightSplitEditor::locked() const { return locked_; }

QSlider* WeightSplitEditor::slider(int row) const {
  return row >= 0 && row < count() ? rows_[static_cast<std::size_t>(row)].slider : nullptr;
}

QSpinBox* WeightSplitEditor::spinBox(int row) const {
  return row >= 0 && row < count() ? rows_[static_cast<std::size_t>(row)].spinBox : nullptr;
}

QToolButton* WeightSplitEditor::lockButton(int row) const {
  return row >= 0 && row < count() ? rows_[static_cast<std::size_t>(row)].lock : nullptr;
}

void WeightSplitEditor::clearRows() {
  for (const RowWidgets& row : rows_) {
    for (QWidget* widget :
         {static_cast<QWidget*>(row.swatch), static_cast<QWidget*>(row.label), static_cast<QWidget*>(row.slider),
          static_cast<QWidget*>(row.spinBox), static_cast<QWidget*>(row.lock)}) {
      grid_->removeWidget(widget);
      widget->hide();
      // Later, not now: the caller may be inside one of these widgets' signals.
      widget->disconnect(this);
      widget->deleteLater();
    }
  }
  rows_.clear();
}

void WeightSplitEditor::addRow(const Row& data) {
  const int index = static_cast<int>(rows_.size());
  RowWidgets row;

  row.swatch = new QLabel(this);
  row.swatch->setAccessibleName(tr("Colour of %1 in the split bar").arg(data.label));

  row.label = new QLabel(data.label, this);
  row.label->setToolTip(data.label);

  row.slider = new QSlider(Qt::Horizontal, this);
  row.slider->setRange(0, WeightRebalancer::Total);
  row.slider->setSingleStep(1);
  row.slider->setPageStep(10);
  row.slider->setTracking(true);  // a drag shows the rebalanced split live
  row.slider->setAccessibleName(tr("Weight of %1").arg(data.label));
  row.label->setBuddy(row.slider);

  row.spinBox = new QSpinBox(this);
  row.spinBox->setRange(0, WeightRebalancer::Total);
  row.spinBox->setSuffix(tr(" %"));
  // Typing "55" must be one edit, not "5" then "55": the value counts on Enter or leaving the box.
  row.spinBox->setKeyboardTracking(false);
  row.spinBox->setAccessibleName(tr("Weight of %1 in percent").arg(data.label));

  row.lock = new QToolButton(this);
  row.lock->setCheckable(true);
  // The text says the state ("Locked"), which a pressed-in look alone does not in every style;
  // the width fits both texts so the column does not jump.
  row.lock->setText(tr("Locked"));
  const int lockedWidth = row.lock->sizeHint().width();
  row.lock->setText(tr("Lock"));
  row.lock->setMinimumWidth(qMax(lockedWidth, row.lock->sizeHint().width()));
  row.lock->setAccessibleName(tr("Lock the weight of %1").arg(data.label));
  row.lock->setToolTip(
      tr("Keep the weight of %1 fixed while you change the others. Default: unlocked.").arg(data.label));

  grid_->addWidget(row.swatch, index, SwatchColumn);
  grid_->addWidget(row.label, index, LabelColumn);
  grid_->addWidget(row.slider, index, SliderColumn);
  grid_->addWidget(row.spinBox, index, SpinBoxColumn);
  grid_->addWidget(row.lock, index, LockColumn);

  connect(row.slider, &QSlider::sliderPressed, this, [this] { dragKey_ = nextMergeKey(); });
  connect(row.slider, &QSlider::sliderReleased, this, [this] { dragKey_ = 0; });
  connect(row.slider, &QSlider::valueChanged, this,
          [this, index, slider = row.slider](int value) { userSetWeight(index, value, slider->isSliderDown()); });
  connect(row.spinBox, &QSpinBox::valueChanged, this, [this, index](int value) { userSetWeight(index, value, false); });
  connect(row.lock, &QToolButton::toggled, this, [this, index](bool locked) { userToggledLock(index, locked); });

  rows_.push_back(row);
}

void WeightSplitEditor::userSetWeight(int row, int value, bool dragging) {
  if (row < 0 || row >= count()) return;
  if (row != anchorRow_ || weights_ != anchorResult_) {
    anchorRow_ = row;
    anchor_ = weights_;
  }
  const QList<int> proposal = WeightRebalancer::setWeight(anchor_, locked_, row, value);
  const int key = dragging && dragKey_ != 0 ? dragKey_ : nextMergeKey();
  const bool changed = proposal != weights_;
  anchorResult_ = proposal;
  weights_ = proposal;
  refresh();  // also puts a clamped control back where the locks allow
  if (changed) Q_EMIT weightsEdited(proposal, key);
}

void WeightSplitEditor::userToggledLock(int row, bool locked) {
  if (row < 0 || row >= count()) return;
  locked_[row] = locked;
  anchorRow_ = -1;  // the anchor's values for the newly (un)locked row are stale
  refresh();
  Q_EMIT lockToggled(row, locked);
}

void WeightSplitEditor::changeEvent(QEvent* event) {
  if (event->type() == QEvent::PaletteChange && bar_) refresh();  // the swatches follow the bar's colours
  QWidget::changeEvent(event);
}

QString WeightSplitEditor::weightToolTip(int row) const {
  const QString label = labels_[row];
  if (count() == 1) return tr("A single destination always receives all of the route's traffic (100).");
  if (locked_[row]) return tr("The weight of %1 is locked. Unlock it to change it.").arg(label);
  bool othersLocked = true;
  for (int k = 0; k < count(); ++k) othersLocked = othersLocked && (k == row || locked_[k]);
  if (othersLocked)
    return tr("Every other destination is locked, so nothing could take up a change to %1. Unlock one of them "
              "first.")
        .arg(label);
  return tr("Percent of this route's traffic sent to %1. Changing it adjusts the unlocked destinations so that "
            "the total stays 100. Default when the YAML has no weight: 100 for a single destination, 0 for one "
            "among several.")
      .arg(label);
}

void WeightSplitEditor::refresh() {
  const int n = count();
  const qint64 sum = WeightRebalancer::sum(weights_);
  // The controls show each destination's share of the traffic in percent, which is what the
  // weights mean: 1/1/1 shows as 34/33/33, a lone destination as 100. Only an all-zero split,
  // which carries no traffic at all, shows its zeros.
  const QList<int> shown = n > 1 && sum == 0 ? weights_ : WeightRebalancer::normalised(weights_);
  const int swatchSize = qMax(8, fontMetrics().height() - 4);
  for (int k = 0; k < n; ++k) {
    const RowWidgets& row = rows_[static_cast<std::size_t>(k)];
    const WeightRebalancer::Range range = WeightRebalancer::allowedRange(weights_, locked_, k);
    const bool movable = range.minimum != range.maximum;
    {
      const QSignalBlocker blockSlider(row.slider);
      const QSignalBlocker blockSpinBox(row.spinBox);
      const QSignalBlocker blockLock(row.lock);
      row.slider->setValue(shown[k]);
      row.spinBox->setValue(shown[k]);
      row.lock->setChecked(locked_[k]);
    }
    row.slider->setEnabled(movable);
    row.spinBox->setEnabled(movable);
    row.slider->setToolTip(weightToolTip(k));  // a disabled row says why
    row.spinBox->setToolTip(row.slider->toolTip());
    row.lock->setText(locked_[k] ? tr("Locked") : tr("Lock"));
    row.lock->setEnabled(n > 1);
    row.swatch->setPixmap(swatch(WeightSplitBar::segmentColor(k, palette()), swatchSize));
  }

  // A lone destination takes all traffic whatever its weight says; the bar shows what Istio does.
  bar_->setSplit(n == 1 ? QList<int>{WeightRebalancer::Total} : weights_, labels_);

  QString note;
  if (n == 1 && weights_[0] != WeightRebalancer::Total)
    note = tr("A single destination receives all traffic; its weight of %1 is ignored.").arg(weights_[0]);
  else if (n > 1 && sum == 0)
    note = tr("Every weight is 0, which Istio rejects. Changing one splits the rest evenly.");
  else if (n > 1 && sum != WeightRebalancer::Total)
    note = tr("The weights in the YAML add up to %1, not 100; shown here as percentages of that total. "
              "Changing any weight writes them all as percentages.")
               .arg(sum);
  note_->setText(note);
  note_->setVisible(!note.isEmpty());
}

}  // namespace meshstudio::views

#include "app/RouteWeightsEditor.h"

#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

#include "app/Document.h"
#include "model/VirtualService.h"
#include "views/WeightSplitEditor.h"

namespace meshstudio::app {

namespace {

std::optional<model::VirtualServiceSpec> specOf(const Document& document, ResourceId id) {
  const model::Resource* resource = id ? document.resource(id) : nullptr;
  if (!resource || resource->kind() != model::ResourceKind::VirtualService) return std::nullopt;
  return resource->specAs<model::VirtualServiceSpec>();
}

}  // namespace

RouteWeightsEditor::RouteWeightsEditor(Document& document, QWidget* parent)
    : QWidget(parent), document_(document), rows_(new QVBoxLayout), hint_(new QLabel(this)) {
  auto* layout = new QVBoxLayout(this);
  hint_->setWordWrap(true);
  hint_->setText(tr("Select a VirtualService to edit the weights of its routes."));
  layout->addWidget(hint_);
  layout->addLayout(rows_);
  layout->addStretch(1);
  connect(&document_, &Document::changed, this, &RouteWeightsEditor::refresh);
}

void RouteWeightsEditor::setResource(ResourceId id) {
  // The window re-selects after every change; the rows follow changes in refresh(), and must
  // not be rebuilt under a slider being dragged.
  if (id == id_ && id != 0) return;
  id_ = id;
  rebuild();
}

views::WeightSplitEditor* RouteWeightsEditor::splitEditor(int rule) const {
  for (const auto& [index, editor] : editors_)
    if (index == rule) return editor;
  return nullptr;
}

void RouteWeightsEditor::rebuild() {
  while (QLayoutItem* item = rows_->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  editors_.clear();
  const auto spec = specOf(document_, id_);
  hint_->setVisible(!spec);
  if (!spec) return;
  for (std::size_t rule = 0; rule < spec->http.size(); ++rule) {
    const model::HTTPRoute& route = spec->http[rule];
    if (route.route.empty()) continue;
    const QString name = route.name ? QString::fromStdString(*route.name) : tr("rule %1").arg(rule + 1);
    auto* box = new QGroupBox(tr("Route “%1”").arg(name), this);
    box->setToolTip(
        tr("How this rule splits its traffic. Moving one slider rebalances the unlocked others so the "
           "weights add up to 100; a single destination always gets 100."));
    auto* editor = new views::WeightSplitEditor(box);
    editor->setDestinations(views::WeightSplitEditor::rowsFor(route.route));
    (new QVBoxLayout(box))->addWidget(editor);
    rows_->addWidget(box);
    const int ruleIndex = static_cast<int>(rule);
    editors_.emplace_back(ruleIndex, editor);
    connect(
        editor, &views::WeightSplitEditor::weightsEdited, this,
        [this, ruleIndex](const QList<int>& weights, int mergeKey) { weightsEdited(ruleIndex, weights, mergeKey); });
  }
}

void RouteWeightsEditor::weightsEdited(int rule, const QList<int>& weights, int mergeKey) {
  std::vector<model::FieldEdit> edits;
  for (int i = 0; i < weights.size(); ++i)
    edits.push_back({"spec.http[" + std::to_string(rule) + "].route[" + std::to_string(i) + "].weight",
                     model::Value::integer(weights[i])});
  // One merge key per drag: every step of it merges into one undo command.
  document_.setFields(id_, std::move(edits), QStringLiteral("route-weights-%1").arg(mergeKey));
}

void RouteWeightsEditor::refresh(const DocumentChange& change) {
  if (!id_ || !change.touches(id_)) return;
  const auto spec = specOf(document_, id_);
  // Same rules with the same destinations: only the weights moved (keep the slider being dragged).
  bool sameShape = spec.has_value();
  if (spec)
    for (const auto& [rule, editor] : editors_)
      sameShape =
          sameShape && static_cast<std::size_t>(rule) < spec->http.size() &&
          views::WeightSplitEditor::rowsFor(spec->http[static_cast<std::size_t>(rule)].route).size() == editor->count();
  if (!sameShape) return rebuild();
  for (const auto& [rule, editor] : editors_) {
    auto rows = views::WeightSplitEditor::rowsFor(spec->http[static_cast<std::size_t>(rule)].route);
    const auto locked = editor->locked();  // locks are the user's, not the document's
    for (int i = 0; i < rows.size() && i < locked.size(); ++i) rows[i].locked = locked[i];
    editor->setDestinations(rows);
  }
}

}  // namespace meshstudio::app

#include "views/TopologyView.h"

#include <QApplication>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QPainterPath>
#include <QWheelEvent>

namespace meshstudio::views {

namespace {

constexpr qreal kColumnWidth = 230, kNodeWidth = 170, kNodeHeight = 40, kRowSpacing = 56;

QColor colourOf(TopologyNode::Kind kind) {
  switch (kind) {
    case TopologyNode::Kind::Gateway:
      return QColor(0x2a, 0x78, 0xc8);
    case TopologyNode::Kind::VirtualService:
      return QColor(0x7b, 0x4f, 0xc4);
    case TopologyNode::Kind::Destination:
      return QColor(0x1f, 0x9e, 0x6e);
    case TopologyNode::Kind::Workload:
      return QColor(0xc9, 0x7a, 0x1c);
  }
  return Qt::gray;
}

QString kindText(TopologyNode::Kind kind) {
  switch (kind) {
    case TopologyNode::Kind::Gateway:
      return TopologyView::tr("Gateway");
    case TopologyNode::Kind::VirtualService:
      return TopologyView::tr("VirtualService");
    case TopologyNode::Kind::Destination:
      return TopologyView::tr("Destination");
    case TopologyNode::Kind::Workload:
      return TopologyView::tr("Workload");
  }
  return {};
}

}  // namespace

TopologyView::TopologyView(QWidget* parent) : QGraphicsView(parent) {
  setScene(new QGraphicsScene(this));
  setRenderHint(QPainter::Antialiasing);
  setDragMode(QGraphicsView::ScrollHandDrag);
  setToolTip(
      tr("Gateways, VirtualServices, destinations and workloads, with each route's weights. "
         "Ctrl+wheel zooms."));
}

QGraphicsItem* TopologyView::nodeItem(int index) const {
  return index >= 0 && index < nodeItems_.size() ? nodeItems_[index] : nullptr;
}

void TopologyView::setGraph(TopologyGraph graph) {
  graph_ = std::move(graph);
  scene()->clear();
  nodeItems_.clear();
  edgeMiddles_.clear();
  trafficItems_.clear();
  const QPalette palette = QApplication::palette();

  // Rows per column, centred on the tallest column.
  QVector<int> perColumn(4, 0), row(graph_.nodes.size(), 0);
  for (int i = 0; i < graph_.nodes.size(); ++i) row[i] = perColumn[graph_.nodes[i].column()]++;
  const int tallest = *std::max_element(perColumn.begin(), perColumn.end());
  QVector<QPointF> position(graph_.nodes.size());
  for (int i = 0; i < graph_.nodes.size(); ++i) {
    const int column = graph_.nodes[i].column();
    const qreal offset = (tallest - perColumn[column]) * kRowSpacing / 2;
    position[i] = QPointF(column * kColumnWidth, offset + row[i] * kRowSpacing);
  }

  for (const TopologyEdge& edge : graph_.edges) {
    const QPointF from = position[edge.from] + QPointF(kNodeWidth, kNodeHeight / 2);
    const QPointF to = position[edge.to] + QPointF(0, kNodeHeight / 2);
    QPainterPath path(from);
    const qreal bend = (to.x() - from.x()) / 2;
    path.cubicTo(from + QPointF(bend, 0), to - QPointF(bend, 0), to);
    auto* line = scene()->addPath(path, QPen(palette.color(QPalette::Mid), 1.5));
    line->setZValue(-1);
    edgeMiddles_.insert(edgeKey(graph_.nodes[edge.from].id, graph_.nodes[edge.to].id), path.pointAtPercent(0.5));
    if (!edge.label.isEmpty()) {
      auto* text = scene()->addSimpleText(edge.label);
      text->setBrush(palette.color(QPalette::Text));
      QFont font = text->font();
      font.setBold(true);
      text->setFont(font);
      const QPointF middle = path.pointAtPercent(0.5);
      const QRectF box = text->boundingRect();
      auto* back = scene()->addRect(QRectF(middle - QPointF(box.width() / 2 + 3, box.height() / 2 + 1),
                                           QSizeF(box.width() + 6, box.height() + 2)),
                                    Qt::NoPen, palette.color(QPalette::Base));
      back->setZValue(0);
      text->setPos(middle - QPointF(box.width() / 2, box.height() / 2));
      text->setZValue(1);
    }
  }
  for (int i = 0; i < graph_.nodes.size(); ++i) {
    const TopologyNode& node = graph_.nodes[i];
    QPainterPath shape;
    shape.addRoundedRect(QRectF(0, 0, kNodeWidth, kNodeHeight), 8, 8);
    const QColor colour = colourOf(node.kind);
    auto* item = scene()->addPath(shape, QPen(colour.darker(130), 1.2), colour);
    item->setPos(position[i]);
    item->setToolTip(kindText(node.kind) + QStringLiteral(": ") + node.id);
    auto* text = new QGraphicsSimpleTextItem(node.label, item);
    text->setBrush(Qt::white);
    const QFontMetricsF metrics(text->font());
    text->setText(metrics.elidedText(node.label, Qt::ElideMiddle, kNodeWidth - 12));
    const QRectF box = text->boundingRect();
    text->setPos((kNodeWidth - box.width()) / 2, (kNodeHeight - box.height()) / 2);
    nodeItems_.push_back(item);
  }
  const QStringList headings{tr("Gateways"), tr("VirtualServices"), tr("Destinations"), tr("Workloads")};
  for (int column = 0; column < headings.size(); ++column) {
    auto* heading = scene()->addSimpleText(headings[column]);
    heading->setBrush(palette.color(QPalette::PlaceholderText));
    heading->setPos(column * kColumnWidth, -32);
  }
  scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20));
  applyTraffic();
  applyEjected();
}

QString TopologyView::edgeKey(const QString& from, const QString& to) { return from + QStringLiteral(" -> ") + to; }

void TopologyView::setEdgeTraffic(const QHash<QString, EdgeTraffic>& traffic) {
  traffic_ = traffic;
  applyTraffic();
}

void TopologyView::setEjected(const QHash<QString, QStringList>& podsByNode) {
  if (podsByNode == ejected_) return;
  ejected_ = podsByNode;
  applyEjected();
}

QString TopologyView::edgeTrafficText(const QString& key) const {
  QGraphicsItem* box = trafficItems_.value(key);
  if (!box || !box->isVisible() || box->childItems().isEmpty()) return {};
  return static_cast<QGraphicsSimpleTextItem*>(box->childItems().first())->text();
}

void TopologyView::applyTraffic() {
  const QPalette palette = QApplication::palette();
  for (auto it = edgeMiddles_.begin(); it != edgeMiddles_.end(); ++it) {
    // A box in the base colour behind the text, so the edges under it do not cross it out.
    auto* box = static_cast<QGraphicsRectItem*>(trafficItems_.value(it.key()));
    const auto found = traffic_.find(it.key());
    if (found == traffic_.end()) {
      if (box) box->setVisible(false);
      continue;
    }
    if (!box) {
      box = scene()->addRect(QRectF(), Qt::NoPen, palette.color(QPalette::Base));
      box->setZValue(2);
      box->setToolTip(tr("Live request rate and share of 5xx answers on this edge, from the engine's statistics."));
      auto* text = new QGraphicsSimpleTextItem(box);
      QFont font = text->font();
      font.setPointSizeF(font.pointSizeF() * 0.85);
      text->setFont(font);
      trafficItems_.insert(it.key(), box);
    }
    auto* text = static_cast<QGraphicsSimpleTextItem*>(box->childItems().first());
    const EdgeTraffic& t = found.value();
    text->setText(tr("%1 req/s · %2 % 5xx").arg(t.rps, 0, 'f', 1).arg(t.errorPercent, 0, 'f', 1));
    text->setBrush(t.errorPercent > 0 ? QColor(0xd0, 0x3b, 0x2e) : QColor(0x1f, 0x80, 0x50));
    const QRectF bounds = text->boundingRect();
    box->setRect(QRectF(0, 0, bounds.width() + 4, bounds.height()));
    text->setPos(2, 0);
    box->setPos(it.value() + QPointF(-bounds.width() / 2 - 2, 8));  // under the weight label
    box->setVisible(true);
  }
}

void TopologyView::applyEjected() {
  for (int i = 0; i < graph_.nodes.size() && i < nodeItems_.size(); ++i) {
    auto* item = static_cast<QGraphicsPathItem*>(nodeItems_[i]);
    const TopologyNode& node = graph_.nodes[i];
    const QColor colour = colourOf(node.kind);
    const auto pods = ejected_.find(node.id);
    if (pods == ejected_.end()) {
      item->setPen(QPen(colour.darker(130), 1.2));
      item->setToolTip(kindText(node.kind) + QStringLiteral(": ") + node.id);
    } else {
      item->setPen(QPen(QColor(0xd0, 0x3b, 0x2e), 4, Qt::DashLine));
      item->setToolTip(kindText(node.kind) + QStringLiteral(": ") + node.id + QLatin1Char('\n') +
                       tr("Ejected by outlier detection: %1").arg(pods->join(QStringLiteral(", "))));
    }
  }
}

void TopologyView::wheelEvent(QWheelEvent* event) {
  if (!(event->modifiers() & Qt::ControlModifier)) return QGraphicsView::wheelEvent(event);
  const qreal factor = event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
  scale(factor, factor);
  event->accept();
}

}  // namespace meshstudio::views

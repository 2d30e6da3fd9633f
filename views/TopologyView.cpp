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
}

void TopologyView::wheelEvent(QWheelEvent* event) {
  if (!(event->modifiers() & Qt::ControlModifier)) return QGraphicsView::wheelEvent(event);
  const qreal factor = event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
  scale(factor, factor);
  event->accept();
}

}  // namespace meshstudio::views

#pragma once

// What the studio's charts (load test, canary timeline) share: a value axis added to a chart.

#include <QChart>
#include <QString>
#include <QValueAxis>

namespace meshstudio::views {

/// A value axis titled `title`, added to `chart` on `alignment`, its labels in `labelFormat`
/// (printf style: "%.3g" keeps tick labels short whatever the range).
inline QValueAxis* addValueAxis(QChart* chart, Qt::Alignment alignment, const QString& title,
                                const QString& labelFormat = QStringLiteral("%.3g")) {
  auto* axis = new QValueAxis(chart);
  axis->setTitleText(title);
  axis->setLabelFormat(labelFormat);
  chart->addAxis(axis, alignment);
  return axis;
}

}  // namespace meshstudio::views

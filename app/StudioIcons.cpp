#include "app/StudioIcons.h"

#include <QImageReader>

namespace meshstudio::app {

QString StudioIcons::path(const QString& name) { return QStringLiteral(":/icons/%1.svg").arg(name); }

QIcon StudioIcons::icon(const QString& name, const QString& themeName) {
  static const bool svg = QImageReader::supportedImageFormats().contains("svg");
  if (svg) return QIcon(path(name));
  return QIcon::fromTheme(themeName);
}

}  // namespace meshstudio::app

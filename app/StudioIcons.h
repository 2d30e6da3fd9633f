#pragma once

#include <QIcon>
#include <QString>

namespace meshstudio::app {

/// The studio's own icons: `:/icons/<name>.svg`, compiled into the app (resources/icons).
/// Without Qt's SVG plugin (Debian: libqt6svg6) they cannot be drawn, and the desktop theme's
/// icon `themeName` is used instead.
class StudioIcons {
 public:
  static QIcon icon(const QString& name, const QString& themeName);
  /// The resource path of icon `name` (it exists for every icon the studio uses).
  static QString path(const QString& name);
};

}  // namespace meshstudio::app

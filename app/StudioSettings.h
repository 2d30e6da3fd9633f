#pragma once

#include <QSettings>

#include <memory>

namespace meshstudio::app {

/// The user's studio settings (Open Recent, window layout): `<organisation>/<application>` in
/// the platform's place for them (`~/.config/meshstudio/meshstudio.conf` on Linux).
///
/// The studio sets no organisation name — it would move `AppDataLocation`, where the recovery
/// files live — and QSettings() without one reports an AccessError; so the application name
/// stands in for it. Tests set their own organisation (and QStandardPaths' test mode).
class StudioSettings {
 public:
  static std::unique_ptr<QSettings> open();
};

}  // namespace meshstudio::app

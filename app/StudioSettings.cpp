#include "app/StudioSettings.h"

#include <QCoreApplication>

namespace meshstudio::app {

std::unique_ptr<QSettings> StudioSettings::open() {
  const QString application = QCoreApplication::applicationName();
  const QString organisation = QCoreApplication::organizationName();
  return std::make_unique<QSettings>(QSettings::UserScope, organisation.isEmpty() ? application : organisation,
                                     application);
}

}  // namespace meshstudio::app

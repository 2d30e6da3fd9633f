#pragma once

// Where GUI tests save their pictures: docs/screenshots when MESHSTUDIO_UPDATE_SCREENSHOTS is
// set (take-screenshots.sh sets it), else the temporary folder, so a normal run changes nothing.

#include <QDir>
#include <QString>

namespace meshstudio::test {

inline QString screenshotFolder() {
  return qEnvironmentVariableIsSet("MESHSTUDIO_UPDATE_SCREENSHOTS")
             ? QStringLiteral(MESHSTUDIO_SOURCE_DIR "/docs/screenshots")
             : QDir::tempPath();
}

}  // namespace meshstudio::test

#pragma once

// meshstudio-cli run as a child process, the way CI and scripts run it: without a display,
// its exit code and both output streams captured. MESHSTUDIO_CLI is the built binary.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace meshstudio::test {

struct CliRun {
  int exitCode = -1;  ///< -1 when it crashed or did not finish
  QByteArray out;
  QByteArray err;
};

/// Runs the CLI with `arguments`; `extra` variables are added to the environment.
inline CliRun runCli(const QStringList& arguments, const QProcessEnvironment& extra = {}, int timeoutMs = 120000) {
  QProcess process;
  // The CLI must not need a display: run it with none.
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.remove(QStringLiteral("DISPLAY"));
  environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
  environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
  environment.insert(extra);
  process.setProcessEnvironment(environment);
  process.start(QStringLiteral(MESHSTUDIO_CLI), arguments);
  process.waitForFinished(timeoutMs);
  return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
                process.readAllStandardError()};
}

}  // namespace meshstudio::test

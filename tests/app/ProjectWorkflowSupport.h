#pragma once
// Shared by the project-workflow suites: temporary projects and a window that never blocks on a
// modal question.

#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

#include <filesystem>

#include "app/Document.h"
#include "app/MainWindow.h"
#include "views/ResourceTreeModel.h"

namespace meshstudio::test {

inline QString shopSample() { return QStringLiteral(MESHSTUDIO_SOURCE_DIR "/resources/samples/shop"); }

/// A copy of the shop sample in `folder`, so that a test may edit and save it.
inline void copyShop(const QString& folder) {
  std::filesystem::copy(shopSample().toStdString(), folder.toStdString(), std::filesystem::copy_options::recursive);
}

inline bool writeText(const QString& path, const QString& text) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile file(path);
  return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) == text.toUtf8().size();
}

inline QByteArray readBytes(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A window whose questions are answered by `answer` and recorded (title + text) in `asked`;
/// its recovery files go under `scratch`.
inline void tame(app::MainWindow& window, const QString& scratch, QStringList& asked,
                 QMessageBox::StandardButton answer = QMessageBox::Ok) {
  window.document()->setRecoveryDirectory(scratch + QStringLiteral("/recovery"));
  window.setQuestion([&asked, answer](const QString& title, const QString& text, QMessageBox::StandardButtons,
                                      QMessageBox::StandardButton) {
    asked << title + QStringLiteral(": ") + text;
    return answer;
  });
}

/// The tree node at kind/namespace/name of the source model; invalid when a step is missing.
inline QModelIndex treeNode(const views::ResourceTreeModel* model, const QStringList& path) {
  QModelIndex index;
  for (const QString& step : path) {
    index = model->findChild(index, step);
    if (!index.isValid()) return {};
  }
  return index;
}

}  // namespace meshstudio::test

#include "app/FileDropHandler.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace meshstudio::app {

FileDropHandler::FileDropHandler(QObject* parent) : QObject(parent) {}

void FileDropHandler::watch(QWidget* widget) {
  widget->setAcceptDrops(true);
  widget->installEventFilter(this);
}

QStringList FileDropHandler::importablePaths(const QMimeData* mime) {
  QStringList paths;
  if (!mime || !mime->hasUrls()) return paths;
  for (const QUrl& url : mime->urls()) {
    if (!url.isLocalFile()) continue;
    const QFileInfo info(url.toLocalFile());
    const QString suffix = info.suffix().toLower();
    if (info.isDir() || (info.isFile() && (suffix == QStringLiteral("yaml") || suffix == QStringLiteral("yml"))))
      paths << info.absoluteFilePath();
  }
  return paths;
}

bool FileDropHandler::eventFilter(QObject* watched, QEvent* event) {
  switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
      auto* drag = static_cast<QDropEvent*>(event);
      if (importablePaths(drag->mimeData()).isEmpty()) break;  // not ours: the widget decides
      drag->setDropAction(Qt::CopyAction);
      drag->accept();
      return true;
    }
    case QEvent::Drop: {
      auto* drop = static_cast<QDropEvent*>(event);
      const QStringList paths = importablePaths(drop->mimeData());
      if (paths.isEmpty()) break;
      drop->setDropAction(Qt::CopyAction);
      drop->accept();
      Q_EMIT pathsDropped(paths);
      return true;
    }
    default:
      break;
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace meshstudio::app

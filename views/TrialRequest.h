#pragma once

// The plain data of one trial request as the Trial dock edits it: what the user typed, no
// engine types (views never see the engine). The app turns it into a real request.

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

namespace meshstudio::views {

using HeaderPairs = QList<QPair<QString, QString>>;

struct TrialRequest {
  QString name;  ///< empty for an unsaved trial
  QString method = QStringLiteral("GET");
  QString url;          ///< `http://reviews:9080/path?x=1`: host and port as the mesh names them
  HeaderPairs headers;  ///< in order; names as typed
  QString body;
  bool operator==(const TrialRequest&) const = default;
};

}  // namespace meshstudio::views

Q_DECLARE_METATYPE(meshstudio::views::TrialRequest)

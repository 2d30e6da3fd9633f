#pragma once

// What came back from one trial: the response as the client received it, or why there was none.

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include "views/TrialRequest.h"

namespace meshstudio::views {

struct TrialResult {
  bool sent = false;  ///< false: Explain (no traffic), or the request never left
  int status = 0;     ///< 0: no response
  QString reason;
  HeaderPairs headers;
  QByteArray body;
  double elapsedMs = 0;  ///< from connect to the last byte of the answer
  QString error;         ///< non-empty when the exchange failed (refused, timed out, cancelled...)
  QString target;        ///< where it went: `127.0.0.1:40123 (mesh listener)`
};

}  // namespace meshstudio::views

Q_DECLARE_METATYPE(meshstudio::views::TrialResult)

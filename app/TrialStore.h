#pragma once

// Named trials kept in the project settings (`meshstudio.yaml`), so they are saved, versioned
// and shared with the project:
//
//   trials:
//     - name: jason sees v2
//       method: GET
//       url: http://reviews:9080/
//       headers: {end-user: jason}
//       body: ""                 # left out when empty
//
// Pure functions over model::Value: the dock saves through Document::setSettings (one undo step).

#include <QList>
#include <QString>

#include "model/Value.h"
#include "views/TrialRequest.h"

namespace meshstudio::app {

class TrialStore {
 public:
  static QList<views::TrialRequest> read(const model::Value& settings);
  /// `settings` with `trial` saved under its name (replacing a trial of the same name in place).
  static model::Value withTrial(const model::Value& settings, const views::TrialRequest& trial);
  /// `settings` without the trial named `name`; the `trials` key goes when it empties.
  static model::Value withoutTrial(const model::Value& settings, const QString& name);
};

}  // namespace meshstudio::app

#pragma once

// Where a trial request goes: its URL taken apart (scheme, authority, path), the engine listener
// that serves its authority (the same choice `explain` and route tests make: engine::listenerFor)
// and that listener's local address. Also the request as curl would send it.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>

#include "views/TrialRequest.h"

namespace meshstudio::engine {
struct Snapshot;
}

namespace meshstudio::model {
class Project;
}

namespace meshstudio::app {

struct TrialTarget {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::TrialTarget)

 public:
  QString scheme = QStringLiteral("http");
  QString authority;                   ///< `reviews:9080`, as the Host header carries it
  QString path = QStringLiteral("/");  ///< path and query, in origin form
  std::string listener;                ///< `mesh` or `gateway:<port>`
  QString host;                        ///< where that listener is bound (loopback unless configured otherwise)
  std::uint16_t port = 0;              ///< 0: not known (the engine is stopped and the port is ephemeral)
  bool tls = false;                    ///< a Gateway port that speaks TLS
  QString error;                       ///< the URL could not be used

  bool isValid() const { return error.isEmpty(); }
  /// The URL as a proxy-form request target: `http://reviews:9080/path`.
  QString url() const { return scheme + QStringLiteral("://") + authority + path; }
  /// `127.0.0.1:40123 (mesh listener)`.
  QString describe() const;

  /// Splits the request's URL (the scheme may be left out) into scheme, authority and path.
  static TrialTarget parse(const views::TrialRequest& request);
  /// Splits `url` (the scheme may be left out) and picks the listener from `snapshot`. `port` and
  /// `host` stay empty: the caller knows where the listeners run.
  static TrialTarget resolve(const views::TrialRequest& request, const engine::Snapshot& snapshot);

  /// URLs worth offering for `project`: each Service port (`http://reviews:9080/`), each mesh
  /// VirtualService host, and each host a Gateway serves (`http://shop.example.com/`).
  static QStringList suggestions(const model::Project& project);

  /// `curl -sS -i ...` sending `request` to this target's listener with its Host header, ready
  /// to paste into a POSIX shell.
  QString curlCommand(const views::TrialRequest& request) const;
};

}  // namespace meshstudio::app

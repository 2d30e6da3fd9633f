#pragma once

// Trial suites on disk: the Suite tab's rows as a route test file in istio-config-validator's
// format (engine/RouteTestFile.h), which `meshstudio-cli test FILE --config PROJECT` runs, and
// back. A row is one test case with one request; its expected destination is the matched
// rule's `route`, written `host[:port][/subset][ (weight)]`, comma-separated, and `not ...` for
// `wantMatch: false`. Running a row uses the very code the CLI uses (runRouteTestText with
// engine::routeTestOutcome), so green in the studio is green in CI.

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

#include "views/TrialSuiteTable.h"

namespace meshstudio::engine {
struct RouteExpectation;
struct Snapshot;
}  // namespace meshstudio::engine

namespace meshstudio::app {

class TrialSuiteFile {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::TrialSuiteFile)

 public:
  struct Loaded {
    QList<views::TrialSuiteRow> rows;
    QStringList problems;  ///< errors and warnings of the file, `file:line: message`
  };
  struct Check {
    bool passed = false;
    QString message;  ///< what matched, or expected vs got
  };

  /// The route test file of `rows`. Rows that cannot be written (no URL, an expectation that
  /// does not parse) are left out and named in `problems`.
  static QString toYaml(const QList<views::TrialSuiteRow>& rows, QStringList* problems = nullptr);
  static bool save(const QString& path, const QList<views::TrialSuiteRow>& rows, QString* error,
                   QStringList* problems = nullptr);
  static Loaded fromYaml(const QString& text, const QString& fileName);
  static Loaded load(const QString& path);

  /// Runs `row` against `snapshot` as `meshstudio-cli test` would.
  static Check run(const views::TrialSuiteRow& row, const engine::Snapshot& snapshot);
  /// The expectation text of the rule `request` matches on `snapshot` now (for "Add Current Trial");
  /// empty when no rule matches.
  static QString currentExpectation(const views::TrialRequest& request, const engine::Snapshot& snapshot);

  /// `reviews/v1 (90), reviews/v3 (10)`.
  static QString describe(const std::vector<engine::RouteExpectation>& route);
  /// The route of an expectation text; nullopt with `error` when it does not parse. `wantMatch`
  /// is false for `not ...`.
  static std::optional<std::vector<engine::RouteExpectation>> parseExpectation(const QString& text, bool& wantMatch,
                                                                               QString* error = nullptr);
};

}  // namespace meshstudio::app

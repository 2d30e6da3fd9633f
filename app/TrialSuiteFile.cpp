#include "app/TrialSuiteFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include "app/TrialTarget.h"
#include "engine/Explain.h"
#include "engine/RandomSource.h"
#include "engine/RouteTestFile.h"
#include "engine/Snapshot.h"
#include "model/YamlWriter.h"

namespace meshstudio::app {
namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

model::Value stringList(const QString& text) {
  model::Value list = model::Value::seq();
  list.append(model::Value::string(text.toStdString()));
  return list;
}

/// One test case for `row`; nullopt with `problem` when the row cannot be written.
std::optional<model::Value> testCaseOf(const views::TrialSuiteRow& row, int number, QString& problem) {
  const QString name = row.request.name.isEmpty() ? TrialSuiteFile::tr("trial %1").arg(number) : row.request.name;
  const TrialTarget target = TrialTarget::parse(row.request);
  if (!target.isValid()) {
    problem = TrialSuiteFile::tr("%1: %2").arg(name, target.error);
    return std::nullopt;
  }
  bool wantMatch = true;
  QString error;
  auto route = TrialSuiteFile::parseExpectation(row.expected, wantMatch, &error);
  if (!route) {
    problem = TrialSuiteFile::tr("%1: %2").arg(name, error);
    return std::nullopt;
  }
  model::Value testCase = model::Value::map();
  testCase.set("description", model::Value::string(name.toStdString()));
  testCase.set("wantMatch", model::Value::boolean(wantMatch));
  model::Value request = model::Value::map();
  request.set("authority", stringList(target.authority));
  request.set("method", stringList(row.request.method.isEmpty() ? QStringLiteral("GET") : row.request.method));
  request.set("uri", stringList(target.path));
  if (!row.request.headers.isEmpty()) {
    model::Value headers = model::Value::map();
    for (const auto& [header, value] : row.request.headers)
      headers.set(header.toLower().toStdString(), model::Value::string(value.toStdString()));
    request.set("headers", headers);
  }
  testCase.set("request", request);
  model::Value destinations = model::Value::seq();
  for (const engine::RouteExpectation& expected : *route) {
    model::Value destination = model::Value::map();
    destination.set("host", model::Value::string(expected.host));
    if (!expected.subset.empty()) destination.set("subset", model::Value::string(expected.subset));
    if (expected.port)
      destination.set("port", model::Value::map()).set("number", model::Value::integer(*expected.port));
    model::Value entry = model::Value::map();
    entry.set("destination", destination);
    if (expected.weight && *expected.weight != 0) entry.set("weight", model::Value::integer(*expected.weight));
    destinations.append(entry);
  }
  testCase.set("route", destinations);
  return testCase;
}

}  // namespace

QString TrialSuiteFile::describe(const std::vector<engine::RouteExpectation>& route) {
  QStringList parts;
  for (const engine::RouteExpectation& destination : route) {
    QString text = qs(destination.host);
    if (destination.port) text += QStringLiteral(":%1").arg(*destination.port);
    if (!destination.subset.empty()) text += QLatin1Char('/') + qs(destination.subset);
    if (destination.weight && *destination.weight != 0) text += QStringLiteral(" (%1)").arg(*destination.weight);
    parts << text;
  }
  return parts.join(QStringLiteral(", "));
}

std::optional<std::vector<engine::RouteExpectation>> TrialSuiteFile::parseExpectation(const QString& text,
                                                                                      bool& wantMatch, QString* error) {
  QString rest = text.trimmed();
  wantMatch = true;
  if (rest.startsWith(QStringLiteral("not "))) {
    wantMatch = false;
    rest = rest.mid(4).trimmed();
  }
  std::vector<engine::RouteExpectation> route;
  if (rest.isEmpty()) {
    if (error) *error = TrialSuiteFile::tr("no expected destination: write host/subset, e.g. reviews/v2");
    return std::nullopt;
  }
  static const QRegularExpression pattern(
      QStringLiteral(R"(^([A-Za-z0-9_.*-]+)(?::(\d+))?(?:/([A-Za-z0-9_.-]+))?(?:\s*\((\d+)\))?$)"));
  for (const QString& part : rest.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    const QRegularExpressionMatch match = pattern.match(part.trimmed());
    if (!match.hasMatch()) {
      if (error) *error = TrialSuiteFile::tr("\"%1\" is not host[:port][/subset][ (weight)]").arg(part.trimmed());
      return std::nullopt;
    }
    engine::RouteExpectation destination;
    destination.host = match.captured(1).toStdString();
    if (!match.captured(2).isEmpty()) destination.port = match.captured(2).toLongLong();
    destination.subset = match.captured(3).toStdString();
    if (!match.captured(4).isEmpty()) destination.weight = match.captured(4).toLongLong();
    route.push_back(std::move(destination));
  }
  return route;
}

QString TrialSuiteFile::toYaml(const QList<views::TrialSuiteRow>& rows, QStringList* problems) {
  model::Value root = model::Value::map();
  model::Value cases = model::Value::seq();
  int number = 0;
  for (const views::TrialSuiteRow& row : rows) {
    QString problem;
    if (auto testCase = testCaseOf(row, ++number, problem))
      cases.append(std::move(*testCase));
    else if (problems)
      problems->append(problem);
  }
  root.set("testCases", cases);
  return TrialSuiteFile::tr(
             "# Route tests saved by Mesh Studio's trial suite (istio-config-validator's format).\n"
             "# Run them with: meshstudio-cli test THIS_FILE --config PROJECT_FOLDER\n") +
         qs(model::YamlWriter::write(root));
}

bool TrialSuiteFile::save(const QString& path, const QList<views::TrialSuiteRow>& rows, QString* error,
                          QStringList* problems) {
  QSaveFile file(path);
  const QByteArray bytes = toYaml(rows, problems).toUtf8();
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    if (error) *error = TrialSuiteFile::tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

TrialSuiteFile::Loaded TrialSuiteFile::fromYaml(const QString& text, const QString& fileName) {
  Loaded loaded;
  const engine::RouteTestSuite suite = engine::parseRouteTests(text.toStdString(), fileName.toStdString());
  for (const std::string& error : suite.errors) loaded.problems << qs(error);
  for (const std::string& warning : suite.warnings)
    loaded.problems << TrialSuiteFile::tr("warning: %1").arg(qs(warning));
  for (const engine::RouteTestCase& testCase : suite.cases) {
    if (testCase.rewrite || testCase.redirect || testCase.fault || testCase.headerOperations || testCase.delegate)
      loaded.problems << TrialSuiteFile::tr(
                             "%1:%2: %3: only the route is shown and checked here; run the file with meshstudio-cli "
                             "test for its other assertions")
                             .arg(fileName)
                             .arg(testCase.mark.line)
                             .arg(qs(testCase.description));
    const std::vector<engine::RouteTestRequest> requests = engine::expandRequests(testCase);
    int index = 0;
    for (const engine::RouteTestRequest& request : requests) {
      views::TrialSuiteRow row;
      row.request.name = qs(testCase.description);
      if (requests.size() > 1) row.request.name += QStringLiteral(" #%1").arg(++index);
      row.request.method = qs(request.method);
      row.request.url = QStringLiteral("http://") + qs(request.authority) + qs(request.uri) +
                        (request.query.empty() ? QString() : QLatin1Char('?') + qs(request.query));
      for (const auto& [name, value] : request.headers) row.request.headers.append({qs(name), qs(value)});
      if (testCase.route)
        row.expected = (testCase.wantMatch ? QString() : QStringLiteral("not ")) + describe(*testCase.route);
      loaded.rows.append(row);
    }
  }
  return loaded;
}

TrialSuiteFile::Loaded TrialSuiteFile::load(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    Loaded loaded;
    loaded.problems << TrialSuiteFile::tr("Cannot read %1: %2").arg(path, file.errorString());
    return loaded;
  }
  return fromYaml(QString::fromUtf8(file.readAll()), QFileInfo(path).fileName());
}

TrialSuiteFile::Check TrialSuiteFile::run(const views::TrialSuiteRow& row, const engine::Snapshot& snapshot) {
  Check check;
  QStringList problems;
  views::TrialSuiteRow one = row;
  if (one.request.name.isEmpty()) one.request.name = TrialSuiteFile::tr("trial");
  const QString text = toYaml({one}, &problems);
  if (!problems.isEmpty()) {
    check.message = problems.join(QStringLiteral("; "));
    return check;
  }
  engine::FixedRandom random{0};  // as the CLI: route tests compare rules, not draws
  const engine::RouteTestReport report = engine::runRouteTestText(
      text.toStdString(), "suite.yaml",
      [&](const engine::RouteTestRequest& request) { return engine::routeTestOutcome(snapshot, request, random); });
  if (!report.errors.empty()) {
    check.message = qs(report.errors.front());
    return check;
  }
  check.passed = report.passed();
  if (!report.failures.empty()) {
    const engine::RouteTestFailure& failure = report.failures.front();
    check.message = TrialSuiteFile::tr("%1: expected %2, got %3")
                        .arg(qs(failure.assertion), qs(failure.expected), qs(failure.actual));
  } else {
    check.message = TrialSuiteFile::tr("matched %1").arg(row.expected);
  }
  return check;
}

QString TrialSuiteFile::currentExpectation(const views::TrialRequest& request, const engine::Snapshot& snapshot) {
  const TrialTarget target = TrialTarget::parse(request);
  if (!target.isValid()) return {};
  engine::RouteTestRequest testRequest;
  testRequest.authority = target.authority.toStdString();
  testRequest.method = request.method.toStdString();
  const QString path = target.path;
  testRequest.uri = path.section(QLatin1Char('?'), 0, 0).toStdString();
  testRequest.query = path.contains(QLatin1Char('?')) ? path.section(QLatin1Char('?'), 1).toStdString() : std::string();
  for (const auto& [name, value] : request.headers)
    testRequest.headers.emplace_back(name.toStdString(), value.toStdString());
  engine::FixedRandom random{0};
  const engine::RouteOutcome outcome = engine::routeTestOutcome(snapshot, testRequest, random);
  return outcome.routed ? describe(outcome.destinations) : QString();
}

}  // namespace meshstudio::app

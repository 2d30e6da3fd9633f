// Issue 6 benchmark: the studio must open a large project at once and follow a slider frame by
// frame. A generated project of 1,000 resources (250 each of Service, Deployment, DestinationRule
// and VirtualService, every VirtualService a 90/10 split):
//   - opening it in the main window (Document, validation, tree, YAML, topology): target < 1 s
//   - one slider step (a SetFields command through the window: validation, YAML view, sliders,
//     topology): target < 16 ms, one frame
// Baseline, in the same run: what `meshstudio-cli validate` does for the same folder (load and
// validate, no GUI). Medians; the machine is noisy. Runs offscreen.

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <vector>

#include "app/Document.h"
#include "app/MainWindow.h"
#include "model/Project.h"
#include "model/analysis/ProjectValidator.h"

using namespace meshstudio;

namespace {

void generate(const QString& folder) {
  std::ofstream out(QString(folder + QStringLiteral("/bench.yaml")).toStdString());
  for (int i = 0; i < 250; ++i) {
    const std::string n = std::to_string(i);
    out << "apiVersion: v1\nkind: Service\nmetadata: {name: svc-" << n
        << ", namespace: bench}\nspec:\n  selector: {app: svc-" << n << "}\n  ports: [{name: http, port: 9080}]\n---\n"
        << "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: svc-" << n
        << ", namespace: bench}\nspec:\n  selector: {matchLabels: {app: svc-" << n
        << "}}\n  template:\n    metadata: {labels: {app: svc-" << n << ", version: v1}}\n---\n"
        << "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: svc-" << n
        << ", namespace: bench}\nspec:\n  host: svc-" << n
        << "\n  subsets:\n  - {name: v1, labels: {version: v1}}\n  - {name: v2, labels: {version: v2}}\n---\n"
        << "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: svc-" << n
        << ", namespace: bench}\nspec:\n  hosts: [svc-" << n << "]\n  http:\n  - name: canary\n    route:\n"
        << "    - destination: {host: svc-" << n << ", subset: v1}\n      weight: 90\n"
        << "    - destination: {host: svc-" << n << ", subset: v2}\n      weight: 10\n---\n";
  }
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication application(argc, argv);
  QTemporaryDir folder;
  generate(folder.path());

  std::vector<double> baseline, open, step;
  for (int round = 0; round < 5; ++round) {
    QElapsedTimer timer;
    timer.start();
    model::Diagnostics diagnostics;
    auto project = model::Project::load(folder.path().toStdString(), diagnostics);
    auto findings = model::analysis::ProjectValidator::validate(project.resources());
    baseline.push_back(double(timer.nsecsElapsed()) / 1e6);
    if (project.resources().size() != 1000 || findings.size() > 100000) return 1;

    app::MainWindow window;
    window.document()->setRecoveryDirectory(folder.filePath(QStringLiteral("recovery")));
    timer.restart();
    if (!window.openProject(folder.path())) return 1;
    QApplication::processEvents();
    open.push_back(double(timer.nsecsElapsed()) / 1e6);

    if (!window.selectResource(QStringLiteral("VirtualService bench/svc-7"))) return 1;
    const app::ResourceId id = window.document()->findResource("VirtualService bench/svc-7");
    for (int value = 89; value >= 60; --value) {  // one drag, 30 steps, one merge key
      timer.restart();
      window.document()->setFields(id,
                                   {{"spec.http[0].route[0].weight", model::Value::integer(value)},
                                    {"spec.http[0].route[1].weight", model::Value::integer(100 - value)}},
                                   QStringLiteral("bench-drag-%1").arg(round));
      QApplication::processEvents();
      step.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    if (window.document()->undoStack()->count() != 1) return 1;
  }
  const double b = median(baseline), o = median(open), s = median(step);
  std::printf("1,000 resources, medians (%zu opens, %zu slider steps)\n", open.size(), step.size());
  std::printf("  baseline: load + validate, no GUI  %8.1f ms\n", b);
  std::printf("  open in the main window            %8.1f ms  (%.2fx the baseline)  target < 1000 ms: %s\n", o, o / b,
              o < 1000 ? "PASS" : "FAIL");
  std::printf("  one slider step                    %8.2f ms  (%.3fx the baseline)  target < 16 ms: %s\n", s, s / b,
              s < 16 ? "PASS" : "FAIL");
  return o < 1000 && s < 16 ? 0 : 3;
}

#pragma once

// Shared by the per-kind editor suites: a Document with the window's ResourceEditorHost over a
// copy of a project (the shop sample, or YAML written for the test), and small helpers that drive
// real widgets and read the resulting document.

#include <QtTest/QtTest>

#include <QComboBox>
#include <QLineEdit>
#include <QUndoStack>

#include <filesystem>
#include <fstream>

#include "app/Document.h"
#include "app/ResourceEditorHost.h"
#include "model/FieldPath.h"
#include "model/Resource.h"

namespace meshstudio::test {

class EditorStudio {
 public:
  /// A copy of resources/samples/shop.
  bool openShop() {
    std::filesystem::copy(std::filesystem::path(MESHSTUDIO_SOURCE_DIR) / "resources/samples/shop",
                          folder.path().toStdString(), std::filesystem::copy_options::recursive);
    return open();
  }
  /// A project of one file holding `yaml`.
  bool openYaml(const std::string& yaml) {
    std::ofstream(folder.filePath(QStringLiteral("project.yaml")).toStdString()) << yaml;
    return open();
  }

  /// Selects `displayName` (`DestinationRule shop/reviews`) and returns its editor.
  template <class Editor>
  Editor* edit(const char* displayName) {
    id = document.findResource(displayName);
    if (!id) return nullptr;
    host.setResource(id);
    return host.currentEditorAs<Editor>();
  }

  const model::Resource& resource() const { return *document.resource(id); }
  /// The node at `path` of the edited resource, nullptr when absent.
  const model::Value* at(const std::string& path) const {
    const auto parsed = model::FieldPath::parse(path);
    return parsed ? parsed->find(resource().document()) : nullptr;
  }
  QString text(const std::string& path) const {
    const model::Value* value = at(path);
    return value && value->isScalar() ? QString::fromStdString(value->text()) : QString();
  }
  int undoSteps() const { return document.undoStack()->count(); }
  void undo() { document.undoStack()->undo(); }

  QTemporaryDir folder;
  app::Document document;
  app::ResourceEditorHost host{document};
  app::ResourceId id = 0;

 private:
  bool open() {
    document.setRecoveryDirectory(folder.filePath(QStringLiteral("recovery")));
    if (!document.open(folder.path())) return false;
    host.resize(900, 700);
    host.show();
    return QTest::qWaitForWindowExposed(&host);
  }
};

/// Types `text` over the whole content of `edit` and presses Enter, as a user would.
inline void retype(QLineEdit* edit, const QString& text) {
  edit->setFocus(Qt::OtherFocusReason);
  edit->selectAll();
  if (text.isEmpty())
    QTest::keyClick(edit, Qt::Key_Delete);
  else
    QTest::keyClicks(edit, text);
  QTest::keyClick(edit, Qt::Key_Return);
}

/// Toggles a check box from the keyboard (a click at its centre can miss a wide box's indicator).
inline void toggle(QWidget* checkBox) {
  checkBox->setFocus(Qt::OtherFocusReason);
  QTest::keyClick(checkBox, Qt::Key_Space);
}

/// Moves a combo box to the entry `text` with the arrow keys (which is a user's choice: activated).
inline bool choose(QComboBox* combo, const QString& text) {
  const int target = combo->findText(text);
  if (target < 0) return false;
  combo->setFocus(Qt::OtherFocusReason);
  while (combo->currentIndex() != target) {
    const int before = combo->currentIndex();
    QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
    if (combo->currentIndex() == before) return false;
  }
  return true;
}

}  // namespace meshstudio::test

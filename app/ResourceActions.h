#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

#include "app/TemplateCatalog.h"

class QAction;
class QWidget;

namespace meshstudio::app {

class Document;
class MainWindow;

/// The actions on the project's resources, in the Edit menu and the tree's context menu: New
/// from Template…, Duplicate, Rename…, Delete. Each change is one undo step on the Document;
/// the window's selection says which resource they act on.
class ResourceActions : public QObject {
  Q_OBJECT

 public:
  /// How Rename asks for the new name: the title, the prompt and the current name; nullopt
  /// when the user cancels. Tests install their own so that no modal dialog blocks them.
  using TextInput =
      std::function<std::optional<QString>(const QString& title, const QString& label, const QString& text)>;

  ResourceActions(MainWindow& window, Document& document);

  QAction* newFromTemplateAction() const { return newFromTemplate_; }
  QAction* duplicateAction() const { return duplicate_; }
  QAction* renameAction() const { return rename_; }
  QAction* deleteAction() const { return delete_; }
  /// Puts the context actions on `tree` (a context menu of them, F2 and Delete there).
  void attachTo(QWidget* tree);
  void setTextInput(TextInput input) { textInput_ = std::move(input); }

  /// Fills template `id` with `values` and imports its resources as one undo step, then
  /// selects the first. Refuses (false, with a message) when a resource of that kind and name
  /// exists already or a value is invalid.
  bool createFromTemplate(const QString& id, const TemplateValues& values);
  /// Renames the selected resource to `name` (one undo step) after checking that Kubernetes
  /// accepts the name; false, with the reason shown, otherwise.
  bool renameSelectedTo(const QString& name);

 public Q_SLOTS:
  /// Shows the template dialog and creates what it asks for.
  void newFromTemplate();
  /// Adds a copy of the selected resource (`<name>-copy`) and selects it; one undo step.
  void duplicateSelected();
  /// Asks for a new name (through the TextInput) until it is valid or the user cancels.
  void renameSelected();
  /// Removes the selected resource; one undo step.
  void deleteSelected();
  /// Enables what applies to the current selection.
  void updateEnabled();

 private:
  void warn(const QString& title, const QString& message);

  MainWindow& window_;
  Document& document_;
  TextInput textInput_;
  QAction* newFromTemplate_;
  QAction* duplicate_;
  QAction* rename_;
  QAction* delete_;
};

}  // namespace meshstudio::app

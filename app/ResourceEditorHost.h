#pragma once

// The editor area of the main window: the form editor of the selected resource's kind
// (views::ResourceEditor), created on first use and kept, over the Document. Its edits become
// SetFields/MoveListItem commands; it reloads the editor after every change of the document.

#include <QWidget>

#include <map>
#include <string>

#include "app/DocumentChange.h"
#include "model/Resource.h"

class QLabel;
class QStackedWidget;

namespace meshstudio::views {
class ResourceEditor;
}

namespace meshstudio::app {

class Document;

class ResourceEditorHost : public QWidget {
  Q_OBJECT

 public:
  explicit ResourceEditorHost(Document& document, QWidget* parent = nullptr);

  /// Edits resource `id`; 0 shows a hint. Selecting the shown resource again changes nothing
  /// (the window re-selects after every change; the editor follows changes by itself).
  void setResource(ResourceId id);
  ResourceId resource() const { return id_; }

  /// The editor showing the current resource, or nullptr (no selection, a kind without a form).
  views::ResourceEditor* currentEditor() const;
  template <class Editor>
  Editor* currentEditorAs() const {
    return qobject_cast<Editor*>(currentEditor());
  }
  /// Shows and focuses the control that edits `path` of the current resource (a diagnostic's
  /// field). False when the editor has no control for it.
  bool focusField(const std::string& path);

 Q_SIGNALS:
  /// An edit the document refused (the message says why).
  void editFailed(const QString& message);

 private:
  views::ResourceEditor* editorFor(model::ResourceKind kind);
  void refresh(const DocumentChange& change);
  void reload();

  Document& document_;
  ResourceId id_ = 0;
  QLabel* title_;
  QStackedWidget* stack_;
  QLabel* hint_;
  std::map<model::ResourceKind, views::ResourceEditor*> editors_;
};

}  // namespace meshstudio::app

#pragma once

#include <QMetaType>
#include <QtGlobal>

#include <algorithm>
#include <vector>

namespace meshstudio::app {

/// A resource's identity inside a Document. Indexes shift when resources are added or removed
/// and names change on rename, so commands and views hold on to this instead. Ids are never
/// reused within a Document; 0 is "no resource".
using ResourceId = quint64;

/// What one change of a Document touched: the single payload of `Document::changed`.
///
/// Either `reset` (the whole project was replaced: open, reload, restore — rebuild everything)
/// or the ids of the resources added, removed and modified by one command's redo or undo, or
/// `settings` when the command changed the project settings (saved trials, engine settings).
struct DocumentChange {
  bool reset = false;
  std::vector<ResourceId> added;     ///< present after the change, in document order
  std::vector<ResourceId> removed;   ///< gone after the change: do not look them up
  std::vector<ResourceId> modified;  ///< same identity, new content (edit, rename, replace)
  bool settings = false;             ///< the project settings (`meshstudio.yaml`) changed
  quint64 revision = 0;              ///< Document::revision() right after the change

  bool touches(ResourceId id) const {
    auto has = [id](const std::vector<ResourceId>& ids) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
    return reset || has(added) || has(removed) || has(modified);
  }
};

}  // namespace meshstudio::app

Q_DECLARE_METATYPE(meshstudio::app::DocumentChange)

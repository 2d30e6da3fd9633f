#pragma once

#include <QList>
#include <QString>

#include "model/Diagnostic.h"
#include "model/Resource.h"
#include "views/YamlView.h"

namespace meshstudio::app {

/// Places the findings about `resource` on the YAML text the view shows for it (`shownYaml`, the
/// canonical rendering, or the user's edit): a finding's field path is looked up in that text,
/// because its own line and column refer to the file on disk, which the view does not show.
/// A finding without a path marks the first line; `firstLine` shifts every mark (the resource's
/// first line inside the whole-project view).
QList<views::YamlView::Mark> yamlMarksFor(const model::Diagnostics& findings, const model::Resource& resource,
                                          const QString& shownYaml, int firstLine = 1);

}  // namespace meshstudio::app

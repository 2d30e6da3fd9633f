#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <climits>
#include <initializer_list>
#include <string>

#include "views/FieldForm.h"

namespace meshstudio::views {

/// A FieldSpec built by a constructor, so that a form lists its fields as
/// `{path, type, label, toolTip, placeholder, choices, minimum, maximum}` with the trailing ones
/// left out (aggregate initialisation that omits members trips -Wmissing-field-initializers).
struct FieldEntry {
  FieldSpec spec;
  FieldEntry(std::string path, FieldType type, QString label, QString toolTip, QString placeholder = {},
             QStringList choices = {}, int minimum = 0, int maximum = INT_MAX) {
    spec.path = std::move(path);
    spec.type = type;
    spec.label = std::move(label);
    spec.toolTip = std::move(toolTip);
    spec.placeholder = std::move(placeholder);
    spec.choices = std::move(choices);
    spec.minimum = minimum;
    spec.maximum = maximum;
  }
};

/// The specs of `entries`, in order: `form->setFields(fieldSpecs({{...}, {...}}))`.
inline QList<FieldSpec> fieldSpecs(std::initializer_list<FieldEntry> entries) {
  QList<FieldSpec> specs;
  specs.reserve(qsizetype(entries.size()));
  for (const FieldEntry& entry : entries) specs << entry.spec;
  return specs;
}

}  // namespace meshstudio::views

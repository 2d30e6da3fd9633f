#pragma once

#include <QString>
#include <QWidget>

#include <string>
#include <vector>

#include "model/FieldPath.h"
#include "model/Value.h"

class QTableWidget;

namespace meshstudio::views {

/// A list of StringMatches (`corsPolicy.allowOrigins`) as a table: per row exact/prefix/regex
/// and a value; the last row is empty, type there to add one; clear a value to remove its row.
/// Any change writes the whole list (a list edit is one field), and nothing is written while a
/// regex does not compile with RE2 (its cell is marked).
class StringMatchListEditor : public QWidget {
  Q_OBJECT

 public:
  explicit StringMatchListEditor(QWidget* parent = nullptr);

  /// The list's full path (`spec.http[0].corsPolicy.allowOrigins`).
  void setPath(const std::string& path) { path_ = path; }
  const std::string& path() const { return path_; }
  /// Shows the list at path() in `document`, without emitting.
  void load(const model::Value& document);

  QTableWidget* table() const { return table_; }

 Q_SIGNALS:
  void edited(const std::vector<meshstudio::model::FieldEdit>& edits, const QString& mergeKey);

 private:
  void addRow(const QString& kind, const QString& value);
  void commit();

  std::string path_;
  QTableWidget* table_;
  bool loading_ = false;
};

}  // namespace meshstudio::views

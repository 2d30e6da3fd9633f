#pragma once

#include <QString>
#include <QWidget>

#include <optional>
#include <string>

#include "model/Value.h"

class QComboBox;
class QLineEdit;
class QToolButton;

namespace meshstudio::views {

/// One condition of a match block in the match builder: what is compared (uri, a header, a
/// query parameter, method, authority, scheme), how (exact, prefix, regex; presence for headers
/// and query parameters) and against what. A regex is checked with RE2 as it is typed; the row
/// is marked and reports no value while it does not compile, so it is never written.
///
/// The row only describes the condition; HttpMatchEditor turns it into FieldEdits. changed()
/// fires when the user has finished with a part (a choice made, a text committed).
class MatchConditionRow : public QWidget {
  Q_OBJECT

 public:
  enum class Subject { Uri, Header, QueryParam, Method, Authority, Scheme };

  explicit MatchConditionRow(QWidget* parent = nullptr);

  /// Shows a condition read from the document, without emitting. `match` is a StringMatch map.
  void setCondition(Subject subject, const QString& name, const model::Value& match);
  Subject subject() const;

  /// The condition's path relative to its block (`uri`, `headers[x-canary]`), empty while a
  /// header or parameter has no name.
  std::string relativePath() const;
  /// The StringMatch to write (`{exact: "true"}`, `{}` for presence); empty while the value is
  /// missing or the row has a problem.
  std::optional<model::Value> value() const;
  /// Why the row cannot be written (a regex RE2 rejects, a subject the block already has).
  QString problem() const;
  /// Marks a conflict found by the block (the same header twice); empty clears it.
  void setConflict(const QString& conflict);

  /// The path this row stands for in the document (relative to the block), empty for a row
  /// not written yet. Kept by the block to turn a renamed header into remove + set.
  const std::string& committedPath() const { return committedPath_; }
  void setCommittedPath(std::string path) { committedPath_ = std::move(path); }

  /// `uri`, `headers[x]`, ... read back: the subject and name of a relative path; nullopt for
  /// fields the builder does not show.
  static std::optional<std::pair<Subject, QString>> parsePath(const std::string& relativePath);

  QComboBox* subjectBox() const { return subject_; }
  QLineEdit* nameEdit() const { return name_; }
  QComboBox* operatorBox() const { return operator_; }
  QLineEdit* valueEdit() const { return value_; }
  QToolButton* removeButton() const { return remove_; }

 Q_SIGNALS:
  void changed();
  void removeRequested();

 private:
  bool hasName() const;
  bool isPresence() const;
  void updateParts();
  void updateProblem();

  QComboBox* subject_;
  QLineEdit* name_;
  QComboBox* operator_;
  QLineEdit* value_;
  QToolButton* remove_;
  QString conflict_;
  std::string committedPath_;
};

}  // namespace meshstudio::views

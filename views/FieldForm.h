#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <climits>
#include <string>
#include <vector>

#include "model/FieldPath.h"
#include "model/Value.h"

class QFormLayout;

namespace meshstudio::views {

/// How a form control shows and writes its field.
enum class FieldType {
  Text,         ///< QLineEdit → string; empty removes the field
  Integer,      ///< QSpinBox → integer; the lowest entry ("default …") removes the field
  Number,       ///< QDoubleSpinBox → number; the lowest entry removes the field
  Boolean,      ///< QCheckBox → true; unchecked removes the field (false is every default here)
  Duration,     ///< QLineEdit → protobuf duration string ("1.5s", "250ms"), checked as typed
  Choice,       ///< QComboBox → one of `choices`; the first entry ("default …") removes the field
  TextList,     ///< QLineEdit, comma-separated → sequence of strings
  TokenSet,     ///< one QCheckBox per choice → the checked ones joined with "," (retryOn)
  StringMap,    ///< two-column table → map of string to string (headers, labels)
  StringMatch,  ///< exact/prefix/regex + text → {exact|prefix|regex: text}; regexes checked by RE2
};

/// One control of a FieldForm: what it edits and how it explains itself.
struct FieldSpec {
  std::string path;  ///< relative to the form's base path: `retries.attempts`
  FieldType type = FieldType::Text;
  QString label;
  /// In our own words, ending with the default that applies when the control is empty.
  QString toolTip;
  /// Shown when empty (line edits) or as the "unset" entry (spin boxes, combo boxes).
  QString placeholder;
  QStringList choices;  ///< Choice, TokenSet
  int minimum = 0;      ///< Integer, Number
  int maximum = INT_MAX;
};

/// A form of fields bound to paths of one resource document, the studio's basic editing unit:
/// the retry policy of a route, the TLS block of a gateway server, a subset's connection pool.
///
/// The form never changes the model: a user edit becomes `edited(edits, mergeKey)` with full
/// paths (base path + field path), and the app pushes the command. load() shows a document
/// (after any change, undo included) without emitting anything. The merge key is the same for
/// every signal while the user stays in one control (spinning a spin box is one undo step) and
/// new when they come back to it.
///
/// Fields the form does not show are never written: an edit sets or removes exactly its path.
class FieldForm : public QWidget {
  Q_OBJECT

 public:
  explicit FieldForm(QWidget* parent = nullptr);
  FieldForm(const QList<FieldSpec>& fields, QWidget* parent = nullptr);
  ~FieldForm() override;

  /// Replaces the controls.
  void setFields(const QList<FieldSpec>& fields);
  /// Prefix of every field path (`spec.http[2]`), without a trailing dot; empty for the root.
  void setBasePath(const std::string& basePath);
  const std::string& basePath() const { return basePath_; }
  /// The choices of a Choice or TokenSet field, e.g. the Secrets of the project for a TLS
  /// credential (the current value stays selectable when it is not among them).
  void setChoices(const std::string& path, const QStringList& choices);

  /// Shows the fields of `document` (a resource's whole document) under the base path.
  void load(const model::Value& document);

  /// The control of the field `path` (relative), or nullptr.
  QWidget* control(const std::string& path) const;
  /// Focuses the control whose full path is `fullPath` or a prefix of it (a diagnostic on
  /// `spec.http[0].retries.attempts` focuses the Attempts box). False when no control matches.
  bool focusField(const std::string& fullPath);
  /// The full path of `relativePath`.
  std::string fullPath(const std::string& relativePath) const;

  /// Turns the text of a TextList control into its YAML sequence, and back.
  static model::Value listValue(const QString& commaSeparated);
  static QString listText(const model::Value* value);
  /// Whether `text` is a protobuf duration as Istio accepts it ("10s", "1.5s", "100ms", "1h").
  static bool isDuration(const QString& text);
  /// An RE2 error for `pattern` (Envoy's regex engine), empty when it compiles.
  static QString regexError(const QString& pattern);

 Q_SIGNALS:
  void edited(const std::vector<meshstudio::model::FieldEdit>& edits, const QString& mergeKey);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  struct Bound {
    FieldSpec spec;
    QWidget* control = nullptr;
    QList<QWidget*> parts;  ///< token check boxes; the match operator and text
  };

  void detachControls();
  QWidget* createControl(Bound& bound);
  void emitEdit(const Bound& bound, std::optional<model::Value> value);
  std::optional<model::Value> valueOf(const Bound& bound) const;
  void display(Bound& bound, const model::Value* value);
  QString mergeKeyFor(const Bound& bound) const;

  QFormLayout* layout_;
  std::vector<Bound> bound_;
  std::string basePath_;
  int gesture_ = 0;  ///< goes up when focus enters a control: a new undo step
  bool loading_ = false;
};

}  // namespace meshstudio::views

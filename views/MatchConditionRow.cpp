#include "views/MatchConditionRow.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

#include "views/FieldForm.h"

namespace meshstudio::views {

namespace {

// Operators, in the order of the combo box; "present" only for headers and query parameters.
const char* const kOperators[] = {"exact", "prefix", "regex"};
constexpr int kPresence = 3;

// The YAML key of each Subject, in the enum's order.
const char* const kKeys[] = {"uri", "headers", "queryParams", "method", "authority", "scheme"};

}  // namespace

MatchConditionRow::MatchConditionRow(QWidget* parent)
    : QWidget(parent),
      subject_(new QComboBox(this)),
      name_(new QLineEdit(this)),
      operator_(new QComboBox(this)),
      value_(new QLineEdit(this)),
      remove_(new QToolButton(this)) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  subject_->addItems({tr("uri"), tr("header"), tr("query parameter"), tr("method"), tr("authority"), tr("scheme")});
  subject_->setToolTip(
      tr("What the request must have: its path (uri), a header, a query parameter, its method, its "
         "authority (the Host header, port included) or its scheme."));
  name_->setPlaceholderText(tr("name"));
  name_->setToolTip(
      tr("The header or query parameter name. Header names are compared without regard to case; "
         "write them in lower case."));
  operator_->addItems({tr("exact"), tr("prefix"), tr("regex"), tr("present")});
  operator_->setToolTip(
      tr("exact: the whole value; prefix: how it starts; regex: an RE2 expression that must match the whole "
         "value; present: the header or parameter is there, with any value. Comparisons are case-sensitive."));
  value_->setPlaceholderText(tr("value"));
  remove_->setText(tr("Remove"));  // the accessible name; the button shows the icon
  remove_->setIcon(
      QIcon::fromTheme(QStringLiteral("list-remove"), style()->standardIcon(QStyle::SP_DialogCloseButton)));
  remove_->setToolButtonStyle(Qt::ToolButtonIconOnly);
  remove_->setToolTip(tr("Removes this condition from the block."));
  layout->addWidget(subject_);
  layout->addWidget(name_);
  layout->addWidget(operator_);
  layout->addWidget(value_, 1);
  layout->addWidget(remove_);

  connect(subject_, &QComboBox::activated, this, [this] {
    updateParts();
    Q_EMIT changed();
  });
  connect(operator_, &QComboBox::activated, this, [this] {
    updateParts();
    Q_EMIT changed();
  });
  connect(name_, &QLineEdit::editingFinished, this, &MatchConditionRow::changed);
  connect(value_, &QLineEdit::editingFinished, this, &MatchConditionRow::changed);
  connect(value_, &QLineEdit::textChanged, this, &MatchConditionRow::updateProblem);
  connect(remove_, &QToolButton::clicked, this, &MatchConditionRow::removeRequested);
  updateParts();
}

MatchConditionRow::Subject MatchConditionRow::subject() const {
  return static_cast<Subject>(std::max(0, subject_->currentIndex()));
}

bool MatchConditionRow::hasName() const { return subject() == Subject::Header || subject() == Subject::QueryParam; }

bool MatchConditionRow::isPresence() const { return operator_->currentIndex() == kPresence; }

void MatchConditionRow::setCondition(Subject subject, const QString& name, const model::Value& match) {
  const QSignalBlocker blockSubject(subject_), blockName(name_), blockOperator(operator_), blockValue(value_);
  subject_->setCurrentIndex(static_cast<int>(subject));
  if (name_->text() != name) name_->setText(name);
  int op = kPresence;
  QString text;
  if (match.isMap() && !match.entries().empty()) {
    const auto& entry = match.entries().front();
    for (int i = 0; i < kPresence; ++i)
      if (entry.key == kOperators[i]) op = i;
    text = entry.value.isScalar() && !entry.value.isNull() ? QString::fromStdString(entry.value.text()) : QString();
  }
  operator_->setCurrentIndex(op);
  if (value_->text() != text) value_->setText(text);  // unchanged: the cursor stays
  updateParts();
}

void MatchConditionRow::updateParts() {
  name_->setVisible(hasName());
  // Presence is a header and query parameter test only.
  if (!hasName() && isPresence()) {
    const QSignalBlocker blocker(operator_);
    operator_->setCurrentIndex(0);
  }
  if (auto* model = qobject_cast<QStandardItemModel*>(operator_->model()))
    if (QStandardItem* presence = model->item(kPresence)) presence->setEnabled(hasName());
  value_->setEnabled(!isPresence());
  updateProblem();
}

void MatchConditionRow::updateProblem() {
  QString problem = conflict_;
  if (problem.isEmpty() && operator_->currentIndex() == 2) problem = FieldForm::regexError(value_->text());
  value_->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("background-color: #f8d0d0;"));
  value_->setToolTip(problem.isEmpty() ? tr("The value to compare with. Regexes are checked with RE2 as you type.")
                                       : problem);
  value_->setProperty("problem", problem);
}

QString MatchConditionRow::problem() const { return value_->property("problem").toString(); }

void MatchConditionRow::setConflict(const QString& conflict) {
  conflict_ = conflict;
  updateProblem();
}

std::string MatchConditionRow::relativePath() const {
  const std::string key = kKeys[static_cast<int>(subject())];
  if (!hasName()) return key;
  const QString name = name_->text().trimmed();
  if (name.isEmpty() || name.contains(QLatin1Char(']'))) return {};
  return key + "[" + name.toStdString() + "]";
}

std::optional<model::Value> MatchConditionRow::value() const {
  if (relativePath().empty()) return std::nullopt;
  // A conflict does not stop the value: the block decides what a duplicate means.
  if (!FieldForm::regexError(operator_->currentIndex() == 2 ? value_->text() : QString()).isEmpty())
    return std::nullopt;
  model::Value match = model::Value::map();
  if (isPresence()) return match;
  if (value_->text().isEmpty()) return std::nullopt;
  match.set(kOperators[operator_->currentIndex()], model::Value::string(value_->text().toStdString()));
  return match;
}

std::optional<std::pair<MatchConditionRow::Subject, QString>> MatchConditionRow::parsePath(
    const std::string& relativePath) {
  for (int i = 0; i < 6; ++i) {
    const std::string key = kKeys[i];
    const auto subject = static_cast<Subject>(i);
    const bool named = subject == Subject::Header || subject == Subject::QueryParam;
    if (!named && relativePath == key) return std::pair{subject, QString()};
    if (named && relativePath.size() > key.size() + 2 && relativePath.compare(0, key.size() + 1, key + "[") == 0 &&
        relativePath.back() == ']')
      return std::pair{
          subject, QString::fromStdString(relativePath.substr(key.size() + 1, relativePath.size() - key.size() - 2))};
  }
  return std::nullopt;
}

}  // namespace meshstudio::views

#include "views/FieldForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>

#include <re2/re2.h>

#include <cmath>

namespace meshstudio::views {

namespace {

using model::Value;

const QStringList kMatchOperators{QStringLiteral("exact"), QStringLiteral("prefix"), QStringLiteral("regex")};

QString toQ(const std::string& text) { return QString::fromStdString(text); }
std::string toStd(const QString& text) { return text.toStdString(); }

/// A scalar's text as the form shows it ("" when absent or not a scalar).
QString scalarText(const Value* value) {
  return value && value->isScalar() && !value->isNull() ? toQ(value->text()) : QString();
}

void markInvalid(QWidget* widget, const QString& problem) {
  // Translucent: readable on the light and the dark palette.
  widget->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("background-color: rgba(208, 48, 48, 70);"));
  widget->setProperty("problem", problem);
}

}  // namespace

FieldForm::FieldForm(QWidget* parent) : QWidget(parent), layout_(new QFormLayout(this)) {
  layout_->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

FieldForm::FieldForm(const QList<FieldSpec>& fields, QWidget* parent) : FieldForm(parent) { setFields(fields); }

FieldForm::~FieldForm() { detachControls(); }

void FieldForm::detachControls() {
  // A line edit that is destroyed while focused still reports editingFinished: its handlers
  // refer to bound_, which must not be read then.
  for (QObject* child : findChildren<QObject*>()) child->disconnect(this);
}

void FieldForm::setFields(const QList<FieldSpec>& fields) {
  detachControls();
  while (layout_->rowCount() > 0) layout_->removeRow(0);
  bound_.clear();
  bound_.reserve(static_cast<std::size_t>(fields.size()));
  for (const FieldSpec& spec : fields) {
    Bound& bound = bound_.emplace_back();
    bound.spec = spec;
    QWidget* control = createControl(bound);
    control->setToolTip(spec.toolTip);
    control->setObjectName(toQ(spec.path));
    layout_->addRow(spec.label, control);
  }
}

void FieldForm::setBasePath(const std::string& basePath) { basePath_ = basePath; }

std::string FieldForm::fullPath(const std::string& relativePath) const {
  if (basePath_.empty()) return relativePath;
  if (relativePath.empty()) return basePath_;
  return basePath_ + (relativePath.front() == '[' ? "" : ".") + relativePath;
}

QWidget* FieldForm::control(const std::string& path) const {
  for (const Bound& bound : bound_)
    if (bound.spec.path == path) return bound.control;
  return nullptr;
}

bool FieldForm::focusField(const std::string& path) {
  // The longest field path that is the diagnostic's path or a parent of it.
  const Bound* best = nullptr;
  for (const Bound& bound : bound_) {
    const std::string full = fullPath(bound.spec.path);
    const bool covers = model::FieldPath::isWithin(path, full);
    if (covers && (!best || full.size() > fullPath(best->spec.path).size())) best = &bound;
  }
  if (!best) return false;
  QWidget* target = best->parts.isEmpty() ? best->control : best->parts.back();
  target->setFocus(Qt::OtherFocusReason);
  return true;
}

void FieldForm::setChoices(const std::string& path, const QStringList& choices) {
  for (Bound& bound : bound_) {
    if (bound.spec.path != path) continue;
    bound.spec.choices = choices;
    if (auto* combo = qobject_cast<QComboBox*>(bound.control)) {
      const QSignalBlocker blocker(combo);
      const QString current = combo->currentIndex() > 0 ? combo->currentText() : QString();
      while (combo->count() > 1) combo->removeItem(1);
      combo->addItems(choices);
      if (!current.isEmpty()) {
        if (combo->findText(current) < 0) combo->addItem(current);
        combo->setCurrentText(current);
      }
    }
  }
}

QWidget* FieldForm::createControl(Bound& bound) {
  const FieldSpec& spec = bound.spec;
  auto watch = [this](QWidget* widget) { widget->installEventFilter(this); };
  switch (spec.type) {
    case FieldType::Text:
    case FieldType::Duration:
    case FieldType::TextList: {
      auto* edit = new QLineEdit(this);
      edit->setPlaceholderText(spec.placeholder);
      if (spec.type == FieldType::Duration)
        connect(edit, &QLineEdit::textChanged, this, [edit](const QString& text) {
          markInvalid(edit, text.isEmpty() || isDuration(text)
                                ? QString()
                                : tr("Not a duration: write a number and a unit, such as 10s, 1.5s or 250ms."));
        });
      // editingFinished also comes when focus merely passes through: only typed text counts.
      connect(edit, &QLineEdit::editingFinished, this, [this, &bound, edit] {
        if (!edit->isModified() || !edit->property("problem").toString().isEmpty()) return;
        edit->setModified(false);
        emitEdit(bound, valueOf(bound));
      });
      watch(edit);
      bound.control = edit;
      return edit;
    }
    case FieldType::Integer: {
      auto* spin = new QSpinBox(this);
      spin->setRange(spec.minimum - 1, spec.maximum);
      spin->setSpecialValueText(spec.placeholder.isEmpty() ? tr("default") : spec.placeholder);
      connect(spin, &QSpinBox::valueChanged, this, [this, &bound] { emitEdit(bound, valueOf(bound)); });
      watch(spin);
      bound.control = spin;
      return spin;
    }
    case FieldType::Number: {
      auto* spin = new QDoubleSpinBox(this);
      spin->setDecimals(1);
      spin->setRange(spec.minimum - 1, spec.maximum);
      spin->setSpecialValueText(spec.placeholder.isEmpty() ? tr("default") : spec.placeholder);
      connect(spin, &QDoubleSpinBox::valueChanged, this, [this, &bound] { emitEdit(bound, valueOf(bound)); });
      watch(spin);
      bound.control = spin;
      return spin;
    }
    case FieldType::Boolean: {
      auto* check = new QCheckBox(this);
      connect(check, &QCheckBox::toggled, this, [this, &bound] { emitEdit(bound, valueOf(bound)); });
      watch(check);
      bound.control = check;
      return check;
    }
    case FieldType::Choice: {
      auto* combo = new QComboBox(this);
      combo->addItem(spec.placeholder.isEmpty() ? tr("(default)") : spec.placeholder);
      combo->addItems(spec.choices);
      connect(combo, &QComboBox::activated, this, [this, &bound] { emitEdit(bound, valueOf(bound)); });
      watch(combo);
      bound.control = combo;
      return combo;
    }
    case FieldType::TokenSet: {
      auto* box = new QWidget(this);
      auto* grid = new QGridLayout(box);
      grid->setContentsMargins(0, 0, 0, 0);
      const int columns = 3;
      for (int i = 0; i < spec.choices.size(); ++i) {
        auto* check = new QCheckBox(spec.choices[i], box);
        check->setObjectName(spec.choices[i]);
        grid->addWidget(check, i / columns, i % columns);
        connect(check, &QCheckBox::toggled, this, [this, &bound] { emitEdit(bound, valueOf(bound)); });
        watch(check);
        bound.parts.append(check);
      }
      bound.control = box;
      return box;
    }
    case FieldType::StringMap: {
      auto* table = new QTableWidget(0, 2, this);
      table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
      table->horizontalHeader()->setStretchLastSection(true);
      table->verticalHeader()->hide();
      table->setMinimumHeight(90);
      connect(table, &QTableWidget::itemChanged, this, [this, &bound] {
        if (!loading_) emitEdit(bound, valueOf(bound));
      });
      watch(table);
      bound.control = table;
      return table;
    }
    case FieldType::StringMatch: {
      auto* box = new QWidget(this);
      auto* row = new QHBoxLayout(box);
      row->setContentsMargins(0, 0, 0, 0);
      auto* op = new QComboBox(box);
      op->addItems(kMatchOperators);
      op->setToolTip(
          tr("exact: the whole value; prefix: how it starts; regex: an RE2 regular expression that "
             "must match the whole value, as Envoy evaluates it."));
      auto* text = new QLineEdit(box);
      text->setPlaceholderText(spec.placeholder);
      row->addWidget(op);
      row->addWidget(text, 1);
      auto check = [op, text] {
        markInvalid(text, op->currentText() == QLatin1String("regex") ? regexError(text->text()) : QString());
        text->setToolTip(text->property("problem").toString());
      };
      connect(text, &QLineEdit::textChanged, this, check);
      connect(op, &QComboBox::currentIndexChanged, this, check);
      auto commit = [this, &bound, text] {
        if (loading_ || !text->property("problem").toString().isEmpty()) return;
        text->setModified(false);
        emitEdit(bound, valueOf(bound));
      };
      connect(text, &QLineEdit::editingFinished, this, [text, commit] {
        if (text->isModified()) commit();
      });
      connect(op, &QComboBox::activated, this, commit);
      watch(op);
      watch(text);
      bound.parts = {op, text};
      bound.control = box;
      return box;
    }
  }
  return nullptr;
}

std::optional<model::Value> FieldForm::valueOf(const Bound& bound) const {
  const FieldSpec& spec = bound.spec;
  switch (spec.type) {
    case FieldType::Text:
    case FieldType::Duration: {
      const QString text = static_cast<QLineEdit*>(bound.control)->text().trimmed();
      if (text.isEmpty()) return std::nullopt;
      return Value::string(toStd(text));
    }
    case FieldType::TextList: {
      const QString text = static_cast<QLineEdit*>(bound.control)->text();
      if (text.trimmed().isEmpty()) return std::nullopt;
      return listValue(text);
    }
    case FieldType::Integer: {
      auto* spin = static_cast<QSpinBox*>(bound.control);
      if (spin->value() < spec.minimum) return std::nullopt;
      return Value::integer(spin->value());
    }
    case FieldType::Number: {
      auto* spin = static_cast<QDoubleSpinBox*>(bound.control);
      if (spin->value() < spec.minimum) return std::nullopt;
      const double value = spin->value();
      if (value == std::floor(value)) return Value::integer(static_cast<std::int64_t>(value));
      return Value::floating(value);
    }
    case FieldType::Boolean:
      if (!static_cast<QCheckBox*>(bound.control)->isChecked()) return std::nullopt;
      return Value::boolean(true);
    case FieldType::Choice: {
      auto* combo = static_cast<QComboBox*>(bound.control);
      if (combo->currentIndex() <= 0) return std::nullopt;
      return Value::string(toStd(combo->currentText()));
    }
    case FieldType::TokenSet: {
      // Tokens the form has no box for (a newer Envoy's) stay, after the known ones.
      QStringList tokens;
      for (QWidget* part : bound.parts)
        if (auto* check = static_cast<QCheckBox*>(part); check->isChecked()) tokens << check->text();
      for (const QString& extra : bound.control->property("extraTokens").toStringList()) tokens << extra;
      if (tokens.isEmpty()) return std::nullopt;
      return Value::string(toStd(tokens.join(QLatin1Char(','))));
    }
    case FieldType::StringMap: {
      auto* table = static_cast<QTableWidget*>(bound.control);
      Value map = Value::map();
      for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem* key = table->item(row, 0);
        const QTableWidgetItem* value = table->item(row, 1);
        if (!key || key->text().trimmed().isEmpty()) continue;
        map.set(toStd(key->text().trimmed()), Value::string(value ? toStd(value->text()) : std::string()));
      }
      if (map.size() == 0) return std::nullopt;
      return map;
    }
    case FieldType::StringMatch: {
      auto* op = static_cast<QComboBox*>(bound.parts[0]);
      auto* text = static_cast<QLineEdit*>(bound.parts[1]);
      if (text->text().isEmpty()) return std::nullopt;
      Value match = Value::map();
      match.set(toStd(op->currentText()), Value::string(toStd(text->text())));
      return match;
    }
  }
  return std::nullopt;
}

void FieldForm::load(const model::Value& document) {
  loading_ = true;
  for (Bound& bound : bound_) {
    const auto path = model::FieldPath::parse(fullPath(bound.spec.path));
    display(bound, path ? path->find(document) : nullptr);
  }
  loading_ = false;
}

void FieldForm::display(Bound& bound, const model::Value* value) {
  const FieldSpec& spec = bound.spec;
  const QSignalBlocker blocker(bound.control);
  switch (spec.type) {
    case FieldType::Text:
    case FieldType::Duration:
    case FieldType::TextList: {
      auto* edit = static_cast<QLineEdit*>(bound.control);
      const QString text = spec.type == FieldType::TextList ? listText(value) : scalarText(value);
      if (edit->text() != text) edit->setText(text);  // unchanged: keep the cursor where it is
      if (spec.type == FieldType::Duration)
        markInvalid(edit, text.isEmpty() || isDuration(text) ? QString() : tr("Not a duration."));
      return;
    }
    case FieldType::Integer: {
      auto* spin = static_cast<QSpinBox*>(bound.control);
      const auto number = value ? value->toInt() : std::nullopt;
      spin->setValue(number ? static_cast<int>(*number) : spin->minimum());
      return;
    }
    case FieldType::Number: {
      auto* spin = static_cast<QDoubleSpinBox*>(bound.control);
      const auto number = value ? value->toDouble() : std::nullopt;
      spin->setValue(number ? *number : spin->minimum());
      return;
    }
    case FieldType::Boolean:
      static_cast<QCheckBox*>(bound.control)->setChecked(value && value->toBool().value_or(false));
      return;
    case FieldType::Choice: {
      auto* combo = static_cast<QComboBox*>(bound.control);
      const QString text = scalarText(value);
      if (text.isEmpty()) return combo->setCurrentIndex(0);
      if (combo->findText(text) <= 0) combo->addItem(text);  // a value from outside the list stays visible
      combo->setCurrentIndex(combo->findText(text));
      return;
    }
    case FieldType::TokenSet: {
      QStringList tokens = scalarText(value).split(QLatin1Char(','), Qt::SkipEmptyParts);
      for (QString& token : tokens) token = token.trimmed();
      for (QWidget* part : bound.parts) {
        auto* check = static_cast<QCheckBox*>(part);
        const QSignalBlocker partBlocker(check);
        check->setChecked(tokens.removeAll(check->text()) > 0);
      }
      bound.control->setProperty("extraTokens", tokens);
      return;
    }
    case FieldType::StringMap: {
      auto* table = static_cast<QTableWidget*>(bound.control);
      const QSignalBlocker tableBlocker(table);
      const int entries = value && value->isMap() ? static_cast<int>(value->entries().size()) : 0;
      table->setRowCount(entries + 1);  // the last row is empty: type there to add an entry
      for (int row = 0; row < entries; ++row) {
        const auto& entry = value->entries()[static_cast<std::size_t>(row)];
        table->setItem(row, 0, new QTableWidgetItem(toQ(entry.key)));
        table->setItem(row, 1, new QTableWidgetItem(scalarText(&entry.value)));
      }
      table->setItem(entries, 0, new QTableWidgetItem);
      table->setItem(entries, 1, new QTableWidgetItem);
      return;
    }
    case FieldType::StringMatch: {
      auto* op = static_cast<QComboBox*>(bound.parts[0]);
      auto* text = static_cast<QLineEdit*>(bound.parts[1]);
      const QSignalBlocker opBlocker(op);
      const QSignalBlocker textBlocker(text);
      QString kind = kMatchOperators.front();
      QString pattern;
      if (value && value->isMap() && !value->entries().empty()) {
        kind = toQ(value->entries().front().key);
        pattern = scalarText(&value->entries().front().value);
      }
      if (op->findText(kind) < 0) op->addItem(kind);
      op->setCurrentText(kind);
      if (text->text() != pattern) text->setText(pattern);
      markInvalid(text, kind == QLatin1String("regex") ? regexError(pattern) : QString());
      text->setToolTip(text->property("problem").toString());
      return;
    }
  }
}

void FieldForm::emitEdit(const Bound& bound, std::optional<model::Value> value) {
  if (loading_) return;
  Q_EMIT edited({model::FieldEdit{fullPath(bound.spec.path), std::move(value)}}, mergeKeyFor(bound));
}

QString FieldForm::mergeKeyFor(const Bound& bound) const {
  return QStringLiteral("form:%1:%2").arg(toQ(fullPath(bound.spec.path))).arg(gesture_);
}

bool FieldForm::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::FocusIn) ++gesture_;
  return QWidget::eventFilter(watched, event);
}

model::Value FieldForm::listValue(const QString& commaSeparated) {
  Value list = Value::seq();
  for (const QString& item : commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts))
    if (!item.trimmed().isEmpty()) list.append(Value::string(toStd(item.trimmed())));
  return list;
}

QString FieldForm::listText(const model::Value* value) {
  if (!value || !value->isSeq()) return scalarText(value);
  QStringList items;
  for (const Value& item : value->items()) items << scalarText(&item);
  return items.join(QStringLiteral(", "));
}

bool FieldForm::isDuration(const QString& text) {
  static const QRegularExpression duration(QStringLiteral(R"(^\d+(\.\d+)?(h|m|s|ms|us|µs|ns)$)"));
  return duration.match(text).hasMatch();
}

QString FieldForm::regexError(const QString& pattern) {
  if (pattern.isEmpty()) return {};
  const RE2 re(toStd(pattern), RE2::Quiet);
  return re.ok() ? QString() : tr("Not a valid RE2 expression: %1").arg(toQ(re.error()));
}

}  // namespace meshstudio::views

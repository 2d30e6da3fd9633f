// FieldForm (issue 6): the form framework under every per-kind editor, driven through its real
// controls. What the app sees is the `edited` signal: full field paths and values, and a merge key
// that keeps one visit to a control one undo step.
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

#include "model/FieldPath.h"
#include "model/YamlReader.h"
#include "model/YamlWriter.h"
#include "views/FieldForm.h"

using meshstudio::model::FieldEdit;
using meshstudio::model::Value;
using meshstudio::views::FieldForm;
using meshstudio::views::FieldSpec;
using meshstudio::views::FieldType;
using Edits = std::vector<FieldEdit>;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Edits)

namespace {

Value parse(const char* yaml) { return *meshstudio::model::YamlReader::parse(yaml, "t.yaml").documents.front().value; }

std::string yamlOf(const std::optional<Value>& value) {
  return value ? meshstudio::model::YamlWriter::write(*value) : std::string("<removed>");
}

const char* kRoute = R"(spec:
  http:
  - name: first
  - name: reviews
    timeout: 3s
    retries:
      attempts: 4
      retryOn: 5xx,reset,some-future-token
    headers:
      request:
        set:
          x-team: reviews
    match:
    - uri:
        prefix: /api
)";

QList<FieldSpec> routeFields() {
  return {
      {"timeout", FieldType::Duration, u"Timeout"_s, u"no timeout"_s, u"disabled"_s, {}},
      {"retries.attempts", FieldType::Integer, u"Attempts"_s, u""_s, u"default (2)"_s, {}, 0, 100},
      {"retries.retryOn", FieldType::TokenSet, u"Retry on"_s, u""_s, u""_s, {u"5xx"_s, u"gateway-error"_s, u"reset"_s}},
      {"headers.request.set", FieldType::StringMap, u"Set"_s, u""_s, u""_s, {}},
      {"match[0].uri", FieldType::StringMatch, u"URI"_s, u""_s, u""_s, {}},
      {"mirror.host", FieldType::Choice, u"Mirror"_s, u""_s, u"(none)"_s, {u"a.svc"_s, u"b.svc"_s}},
      {"corsPolicy.allowCredentials", FieldType::Boolean, u"Credentials"_s, u""_s, u""_s, {}},
      {"corsPolicy.allowMethods", FieldType::TextList, u"Methods"_s, u""_s, u""_s, {}},
  };
}

}  // namespace

class TestFieldForm : public QObject {
  Q_OBJECT

 private:
  FieldForm* form_ = nullptr;
  std::unique_ptr<QSignalSpy> spy_;

  Edits lastEdits() const { return spy_->last().at(0).value<Edits>(); }
  QString lastKey() const { return spy_->last().at(1).toString(); }

 private Q_SLOTS:
  void init() {
    qRegisterMetaType<Edits>();
    form_ = new FieldForm(routeFields());
    form_->setBasePath("spec.http[1]");
    form_->load(parse(kRoute));
    form_->show();
    QVERIFY(QTest::qWaitForWindowExposed(form_));
    spy_ = std::make_unique<QSignalSpy>(form_, &FieldForm::edited);
  }
  void cleanup() {
    spy_.reset();
    delete form_;
  }

  void loadShowsTheDocumentWithoutEmitting() {
    QCOMPARE(static_cast<QLineEdit*>(form_->control("timeout"))->text(), QStringLiteral("3s"));
    QCOMPARE(static_cast<QSpinBox*>(form_->control("retries.attempts"))->value(), 4);
    auto* retryOn = form_->control("retries.retryOn");
    QVERIFY(retryOn->findChild<QCheckBox*>(u"5xx"_s)->isChecked());
    QVERIFY(!retryOn->findChild<QCheckBox*>(u"gateway-error"_s)->isChecked());
    auto* headers = static_cast<QTableWidget*>(form_->control("headers.request.set"));
    QCOMPARE(headers->rowCount(), 2);  // one entry and the empty row to add one
    QCOMPARE(headers->item(0, 0)->text(), QStringLiteral("x-team"));
    QCOMPARE(static_cast<QComboBox*>(form_->control("mirror.host"))->currentIndex(), 0);
    form_->load(parse(kRoute));  // again: still nothing emitted
    QCOMPARE(spy_->count(), 0);
  }

  void typingADurationWritesTheFullPath() {
    auto* timeout = static_cast<QLineEdit*>(form_->control("timeout"));
    timeout->setFocus();
    timeout->selectAll();
    QTest::keyClicks(timeout, u"1.5s"_s);
    QTest::keyClick(timeout, Qt::Key_Return);
    QCOMPARE(spy_->count(), 1);
    QCOMPARE(lastEdits().front().path, std::string("spec.http[1].timeout"));
    QCOMPARE(yamlOf(lastEdits().front().value), std::string("1.5s\n"));
  }

  void anInvalidDurationIsMarkedAndNotWritten() {
    auto* timeout = static_cast<QLineEdit*>(form_->control("timeout"));
    timeout->setFocus();
    timeout->selectAll();
    QTest::keyClicks(timeout, u"3 seconds"_s);
    QTest::keyClick(timeout, Qt::Key_Return);
    QCOMPARE(spy_->count(), 0);
    QVERIFY(!timeout->property("problem").toString().isEmpty());
  }

  void emptyingAFieldRemovesIt() {
    auto* timeout = static_cast<QLineEdit*>(form_->control("timeout"));
    timeout->setFocus();
    timeout->selectAll();
    QTest::keyClick(timeout, Qt::Key_Delete);
    QTest::keyClick(timeout, Qt::Key_Return);
    QCOMPARE(spy_->count(), 1);
    QVERIFY(!lastEdits().front().value.has_value());
  }

  void oneVisitToASpinBoxIsOneMergeKey() {
    auto* attempts = static_cast<QSpinBox*>(form_->control("retries.attempts"));
    attempts->setFocus();
    QTest::keyClick(attempts, Qt::Key_Up);
    QTest::keyClick(attempts, Qt::Key_Up);
    QCOMPARE(spy_->count(), 2);
    QCOMPARE(spy_->at(0).at(1).toString(), spy_->at(1).at(1).toString());
    QCOMPARE(yamlOf(lastEdits().front().value), std::string("6\n"));
    form_->control("timeout")->setFocus();
    attempts->setFocus();  // a new visit: a new undo step
    QTest::keyClick(attempts, Qt::Key_Up);
    QVERIFY(lastKey() != spy_->at(0).at(1).toString());
    // Down to the lowest entry ("default (2)") removes the field.
    attempts->setValue(attempts->minimum());
    QVERIFY(!lastEdits().front().value.has_value());
  }

  void tokenSetKeepsTokensItHasNoBoxFor() {
    auto* gatewayError = form_->control("retries.retryOn")->findChild<QCheckBox*>(u"gateway-error"_s);
    QTest::mouseClick(gatewayError, Qt::LeftButton, {}, QPoint(5, gatewayError->height() / 2));
    QCOMPARE(spy_->count(), 1);
    QCOMPARE(yamlOf(lastEdits().front().value), std::string("5xx,gateway-error,reset,some-future-token\n"));
  }

  void stringMapAddsAnEntryFromTheEmptyRow() {
    auto* table = static_cast<QTableWidget*>(form_->control("headers.request.set"));
    table->item(1, 0)->setText(QStringLiteral("x-canary"));
    const Edits edits = lastEdits();
    QCOMPARE(edits.front().path, std::string("spec.http[1].headers.request.set"));
    QCOMPARE(yamlOf(edits.front().value), std::string("x-team: reviews\nx-canary: \"\"\n"));
  }

  void regexMatchesAreCheckedWithRe2() {
    auto* match = form_->control("match[0].uri");
    auto* op = match->findChild<QComboBox*>();
    auto* text = match->findChild<QLineEdit*>();
    op->setCurrentText(QStringLiteral("regex"));
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, u"/api/(v1"_s);
    QTest::keyClick(text, Qt::Key_Return);
    QCOMPARE(spy_->count(), 0);  // RE2 refuses it: marked, not written
    QVERIFY(text->property("problem").toString().contains(QStringLiteral("RE2")));
    QTest::keyClicks(text, u")/.*"_s);
    QTest::keyClick(text, Qt::Key_Return);
    QCOMPARE(spy_->count(), 1);
    QCOMPARE(yamlOf(lastEdits().front().value), std::string("regex: /api/(v1)/.*\n"));
    // Lookahead is PCRE, not RE2 (Envoy would reject it too).
    QVERIFY(!FieldForm::regexError(QStringLiteral("(?=a)b")).isEmpty());
  }

  void choiceAndBooleanAndList() {
    auto* mirror = static_cast<QComboBox*>(form_->control("mirror.host"));
    mirror->setCurrentIndex(2);
    Q_EMIT mirror->activated(2);
    QCOMPARE(yamlOf(lastEdits().front().value), std::string("b.svc\n"));
    form_->setChoices("mirror.host", {QStringLiteral("c.svc")});
    QCOMPARE(mirror->currentText(), QStringLiteral("b.svc"));  // the current value stays selectable
    auto* credentials = static_cast<QCheckBox*>(form_->control("corsPolicy.allowCredentials"));
    credentials->click();
    QCOMPARE(lastEdits().front().path, std::string("spec.http[1].corsPolicy.allowCredentials"));
    QCOMPARE(yamlOf(lastEdits().front().value), std::string("true\n"));
    auto* methods = static_cast<QLineEdit*>(form_->control("corsPolicy.allowMethods"));
    methods->setFocus();
    QTest::keyClicks(methods, u"GET, POST,"_s);
    QTest::keyClick(methods, Qt::Key_Return);
    QCOMPARE(yamlOf(lastEdits().front().value), std::string("- GET\n- POST\n"));
  }

  void focusFieldFindsTheControlOfADiagnosticsPath() {
    QVERIFY(form_->focusField("spec.http[1].retries.attempts"));
    QTRY_VERIFY(form_->control("retries.attempts")->hasFocus());
    QVERIFY(form_->focusField("spec.http[1].match[0].uri.regex"));  // a child of the bound field
    QTRY_VERIFY(form_->control("match[0].uri")->findChild<QLineEdit*>()->hasFocus());
    QVERIFY(!form_->focusField("spec.http[0].timeout"));   // another route
    QVERIFY(!form_->focusField("spec.http[1].timeoutx"));  // not a child of `timeout`
  }
};

QTEST_MAIN(TestFieldForm)
#include "tst_fieldform.moc"

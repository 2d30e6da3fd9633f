// The Gateway editor (issue 6): the TLS credential is picked from the project's Secrets; the TLS
// group shows what the server's protocol needs; servers are added and removed as one undo step
// each and stay selected across loads; focusField selects the server.

#include <QGroupBox>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>

#include "EditorTestSupport.h"
#include "views/EditableItemList.h"
#include "views/FieldForm.h"
#include "views/GatewayEditor.h"

using namespace meshstudio;
using meshstudio::test::EditorStudio;

namespace {

const std::string kProject = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [shop.example.com]
    tls: {httpsRedirect: true}
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [shop.example.com]
    tls: {mode: SIMPLE, credentialName: shop-cert}
  - port: {number: 9000, name: tcp, protocol: TCP}
    hosts: ['*']
---
apiVersion: v1
kind: Secret
metadata: {name: shop-cert, namespace: istio-system}
type: kubernetes.io/tls
data: {tls.crt: QUJD, tls.key: REVG}
---
apiVersion: v1
kind: Secret
metadata: {name: api-cert, namespace: istio-system}
type: kubernetes.io/tls
data: {tls.crt: QUJD, tls.key: REVG}
)";

QStringList comboItems(QComboBox* combo) {
  QStringList items;
  for (int i = 1; i < combo->count(); ++i) items << combo->itemText(i);  // 0 is "(none)"
  return items;
}

}  // namespace

class GatewayEditorTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void credentialChoicesAreTheProjectsSecrets() {
    EditorStudio studio;
    QVERIFY(studio.openYaml(kProject));
    auto* editor = studio.edit<views::GatewayEditor>("Gateway shop/edge");
    QVERIFY(editor);
    editor->serverList()->setCurrentRow(1);
    auto* credential = qobject_cast<QComboBox*>(editor->tlsForm()->control("tls.credentialName"));
    QVERIFY(credential);
    QCOMPARE(comboItems(credential), (QStringList{QStringLiteral("api-cert"), QStringLiteral("shop-cert")}));
    QCOMPARE(credential->currentText(), QStringLiteral("shop-cert"));

    const int steps = studio.undoSteps();
    QVERIFY(test::choose(credential, QStringLiteral("api-cert")));
    QCOMPARE(studio.text("spec.servers[1].tls.credentialName"), QStringLiteral("api-cert"));
    QCOMPARE(studio.undoSteps(), steps + 1);

    // A new Secret in the project is offered at once.
    model::Value document = model::Value::map();
    document.set("apiVersion", model::Value::string("v1"));
    document.set("kind", model::Value::string("Secret"));
    model::Value metadata = model::Value::map();
    metadata.set("name", model::Value::string("blog-cert"));
    metadata.set("namespace", model::Value::string("istio-system"));
    document.set("metadata", std::move(metadata));
    QVERIFY(studio.document.addResource(model::Resource::fromDocument(std::move(document), {})));
    QCOMPARE(comboItems(credential),
             (QStringList{QStringLiteral("api-cert"), QStringLiteral("blog-cert"), QStringLiteral("shop-cert")}));
    QCOMPARE(credential->currentText(), QStringLiteral("api-cert"));
  }

  void tlsGroupFollowsTheProtocol() {
    EditorStudio studio;
    QVERIFY(studio.openYaml(kProject));
    auto* editor = studio.edit<views::GatewayEditor>("Gateway shop/edge");
    QVERIFY(editor);
    editor->serverList()->setCurrentRow(0);  // HTTP: only the redirect
    QVERIFY(editor->tlsGroup()->isVisibleTo(editor));
    QVERIFY(editor->redirectForm()->isVisibleTo(editor));
    QVERIFY(!editor->tlsForm()->isVisibleTo(editor));
    editor->serverList()->setCurrentRow(1);  // HTTPS: mode, credential, version
    QVERIFY(editor->tlsForm()->isVisibleTo(editor));
    QVERIFY(!editor->redirectForm()->isVisibleTo(editor));
    editor->serverList()->setCurrentRow(2);  // TCP: no TLS
    QVERIFY(!editor->tlsGroup()->isVisibleTo(editor));

    // Switching the TCP server to TLS brings the TLS settings.
    QVERIFY(
        test::choose(qobject_cast<QComboBox*>(editor->serverForm()->control("port.protocol")), QStringLiteral("TLS")));
    QCOMPARE(studio.text("spec.servers[2].port.protocol"), QStringLiteral("TLS"));
    QCOMPARE(editor->serverList()->currentRow(), 2);
    QVERIFY(editor->tlsGroup()->isVisibleTo(editor));
    QVERIFY(editor->tlsForm()->isVisibleTo(editor));
    QVERIFY(
        test::choose(qobject_cast<QComboBox*>(editor->tlsForm()->control("tls.mode")), QStringLiteral("PASSTHROUGH")));
    QCOMPARE(studio.text("spec.servers[2].tls.mode"), QStringLiteral("PASSTHROUGH"));
    QVERIFY(editor->serverList()->list()->item(2)->text().startsWith(QStringLiteral("TLS 9000")));

    // The redirect checkbox writes true and removes the field when cleared.
    editor->serverList()->setCurrentRow(0);
    QWidget* redirect = editor->redirectForm()->control("tls.httpsRedirect");
    test::toggle(redirect);
    QVERIFY(!studio.at("spec.servers[0].tls.httpsRedirect"));
    test::toggle(redirect);
    QCOMPARE(studio.text("spec.servers[0].tls.httpsRedirect"), QStringLiteral("true"));
  }

  void serversAreAddedRemovedAndKeptSelected() {
    EditorStudio studio;
    QVERIFY(studio.openYaml(kProject));
    auto* editor = studio.edit<views::GatewayEditor>("Gateway shop/edge");
    QVERIFY(editor);
    const int steps = studio.undoSteps();
    QTest::mouseClick(editor->serverList()->addButton(), Qt::LeftButton);
    QCOMPARE(studio.undoSteps(), steps + 1);
    QCOMPARE(studio.at("spec.servers")->size(), std::size_t(4));
    QCOMPARE(studio.text("spec.servers[3].port.number"), QStringLiteral("8080"));  // 80 is taken
    QCOMPARE(studio.text("spec.servers[3].port.protocol"), QStringLiteral("HTTP"));
    QCOMPARE(studio.text("spec.servers[3].hosts[0]"), QStringLiteral("*"));
    QCOMPARE(editor->serverList()->currentRow(), 3);

    // A value edit keeps the row and the list items.
    QListWidgetItem* item = editor->serverList()->list()->item(3);
    auto* port = qobject_cast<QSpinBox*>(editor->serverForm()->control("port.number"));
    QCOMPARE(port->value(), 8080);
    port->setValue(8443);
    QCOMPARE(studio.text("spec.servers[3].port.number"), QStringLiteral("8443"));
    QCOMPARE(studio.undoSteps(), steps + 2);
    QCOMPARE(editor->serverList()->list()->item(3), item);
    QCOMPARE(editor->serverList()->currentRow(), 3);
    QVERIFY(item->text().contains(QStringLiteral("8443")));

    editor->serverList()->setCurrentRow(0);
    QTest::mouseClick(editor->serverList()->removeButton(), Qt::LeftButton);
    QCOMPARE(studio.at("spec.servers")->size(), std::size_t(3));
    QCOMPARE(studio.text("spec.servers[0].port.name"), QStringLiteral("https"));
    studio.undo();
    QCOMPARE(studio.text("spec.servers[0].port.name"), QStringLiteral("http"));
  }

  void focusFieldSelectsTheServer() {
    EditorStudio studio;
    QVERIFY(studio.openYaml(kProject));
    auto* editor = studio.edit<views::GatewayEditor>("Gateway shop/edge");
    QVERIFY(editor);
    studio.host.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&studio.host));
    QVERIFY(studio.host.focusField("spec.servers[1].tls.credentialName"));
    QCOMPARE(editor->serverList()->currentRow(), 1);
    QTRY_VERIFY(editor->tlsForm()->control("tls.credentialName")->hasFocus());
    QVERIFY(studio.host.focusField("spec.servers[2].hosts[0]"));
    QCOMPARE(editor->serverList()->currentRow(), 2);
    QTRY_VERIFY(editor->serverForm()->control("hosts")->hasFocus());
    QVERIFY(studio.host.focusField("spec.selector"));
    QVERIFY(!studio.host.focusField("spec.servers[9].port"));
  }
};

QTEST_MAIN(GatewayEditorTest)
#include "tst_gatewayeditor.moc"

// ExecCredentialPlugin against a real plugin: a shell script written at test time that prints
// an ExecCredential, appends a line to a file on every run (so the test counts runs), and
// saves what it was given (KUBERNETES_EXEC_INFO, its arguments).

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "app/cluster/Base64.h"
#include "app/cluster/ExecCredentialPlugin.h"

using namespace meshstudio::cluster;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr const char* kV1 = "client.authentication.k8s.io/v1";
constexpr const char* kV1beta1 = "client.authentication.k8s.io/v1beta1";

// Its behaviour comes from the env the kubeconfig gives it: which apiVersion to answer with,
// when the credential expires, or how to fail.
constexpr const char* kPluginScript = R"SH(#!/bin/sh
echo run >> "$COUNT_FILE"
printf '%s' "$KUBERNETES_EXEC_INFO" > "$INFO_FILE"
printf '%s\n' "$@" > "$ARGS_FILE"
runs=$(wc -l < "$COUNT_FILE" | tr -d ' ')
case "$MODE" in
  fail)
    echo '{"kind":"ExecCredential","status":{"token":"leaked-token-'$runs'"}}'
    echo "starting up" >&2
    echo "error: you must log in first" >&2
    echo "" >&2
    exit 3 ;;
  garbage) echo "token=leaked-token-$runs, not JSON"; exit 0 ;;
  sleep) sleep 5; exit 0 ;;
  certificate)
    echo '{"kind":"ExecCredential","apiVersion":"'$ANSWER_VERSION'","status":{"clientCertificateData":"CERT-PEM","clientKeyData":"KEY-PEM"}}'
    exit 0 ;;
esac
expiry=""
if [ -n "$EXPIRES_IN" ]; then
  expiry=',"expirationTimestamp":"'$(date -u -d "@$(( $(date +%s) + EXPIRES_IN ))" +%Y-%m-%dT%H:%M:%SZ)'"'
fi
echo '{"kind":"ExecCredential","apiVersion":"'$ANSWER_VERSION'","status":{"token":"token-'$runs'"'$expiry'}}'
)SH";

}  // namespace

class ExecCredentialTest : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  QString script_;

  QString path(const QString& name) const { return dir_.filePath(name); }

  /// A plugin config running the script with `env` added to the standard variables.
  ExecConfig config(std::vector<std::pair<std::string, std::string>> env = {}, const char* apiVersion = kV1) const {
    ExecConfig exec;
    exec.apiVersion = apiVersion;
    exec.command = script_.toStdString();
    exec.args = {"--region", "eu west"};
    exec.installHint = "Install it with: apt install get-token";
    exec.env = {{"COUNT_FILE", path(u"runs"_s).toStdString()},
                {"INFO_FILE", path(u"info.json"_s).toStdString()},
                {"ARGS_FILE", path(u"args"_s).toStdString()},
                {"ANSWER_VERSION", apiVersion}};
    exec.env.insert(exec.env.end(), env.begin(), env.end());
    return exec;
  }

  int runs() const {
    QFile file(path(u"runs"_s));
    if (!file.open(QIODevice::ReadOnly)) return 0;
    return static_cast<int>(file.readAll().count('\n'));
  }

  QByteArray fileContents(const QString& name) const {
    QFile file(path(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
  }

  static ClusterConnection cluster() {
    ClusterConnection connection;
    connection.server = "https://api.example:6443";
    connection.certificateAuthorityPem = "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n";
    connection.tlsServerName = "api.internal";
    connection.token = "must-not-be-passed";
    return connection;
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(dir_.isValid());
    script_ = path(u"get-token"_s);
    QFile file(script_);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kPluginScript);
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
  }

  void init() { QFile::remove(path(u"runs"_s)); }

  void tokenIsUsedAndCachedWithoutExpiry() {
    ExecCredentialPlugin plugin(config(), cluster(), 10s);
    std::string error;
    auto first = plugin.credential(error);
    QVERIFY2(first, error.c_str());
    QCOMPARE(first->token, std::string("token-1"));
    QVERIFY(!first->expiry.isValid());
    auto second = plugin.credential(error);
    QVERIFY2(second, error.c_str());
    QCOMPARE(second->token, std::string("token-1"));
    QCOMPARE(runs(), 1);
    QCOMPARE(fileContents(u"args"_s), QByteArray("--region\neu west\n"));
    // The server said 401: the next request asks the plugin again.
    plugin.invalidate();
    auto third = plugin.credential(error);
    QVERIFY2(third, error.c_str());
    QCOMPARE(third->token, std::string("token-2"));
    QCOMPARE(runs(), 2);
  }

  void credentialIsKeptUntilItsExpiry() {
    ExecCredentialPlugin plugin(config({{"EXPIRES_IN", "3600"}}), cluster(), 10s);
    std::string error;
    auto first = plugin.credential(error);
    QVERIFY2(first, error.c_str());
    QVERIFY(first->expiry.isValid());
    QVERIFY(first->expiry > QDateTime::currentDateTimeUtc().addSecs(3500));
    QCOMPARE(plugin.credential(error)->token, std::string("token-1"));
    QCOMPARE(runs(), 1);
  }

  void credentialNearItsExpiryIsRefreshed() {
    // Expires within the refresh margin: every request runs the plugin again.
    static_assert(ExecCredentialPlugin::kRefreshMargin > 3s);
    ExecCredentialPlugin plugin(config({{"EXPIRES_IN", "3"}}), cluster(), 10s);
    std::string error;
    QCOMPARE(plugin.credential(error)->token, std::string("token-1"));
    QCOMPARE(plugin.credential(error)->token, std::string("token-2"));
    QCOMPARE(runs(), 2);
  }

  void v1beta1IsAccepted() {
    ExecCredentialPlugin plugin(config({}, kV1beta1), cluster(), 10s);
    std::string error;
    const auto credential = plugin.credential(error);
    QVERIFY2(credential, error.c_str());
    QCOMPARE(credential->token, std::string("token-1"));
    const QJsonObject info = QJsonDocument::fromJson(fileContents(u"info.json"_s)).object();
    QCOMPARE(info.value(u"apiVersion"_s).toString(), QString::fromLatin1(kV1beta1));
  }

  void apiVersionMismatchIsRefused() {
    ExecCredentialPlugin plugin(config({{"ANSWER_VERSION", kV1beta1}}), cluster(), 10s);
    std::string error;
    QVERIFY(!plugin.credential(error));
    QCOMPARE(error, "exec plugin \"" + script_.toStdString() + "\" returned apiVersion \"" + kV1beta1 +
                        "\", but the kubeconfig asks for \"" + kV1 + "\"");
  }

  void execInfoIsPassed() {
    ExecConfig exec = config();
    ExecCredentialPlugin plain(exec, cluster(), 10s);
    std::string error;
    QVERIFY2(plain.credential(error), error.c_str());
    QJsonObject info = QJsonDocument::fromJson(fileContents(u"info.json"_s)).object();
    QCOMPARE(info.value(u"kind"_s).toString(), u"ExecCredential"_s);
    QCOMPARE(info.value(u"apiVersion"_s).toString(), QString::fromLatin1(kV1));
    QCOMPARE(info.value(u"spec"_s).toObject().value(u"interactive"_s), QJsonValue(false));
    QVERIFY(!info.value(u"spec"_s).toObject().contains(u"cluster"_s));

    exec.provideClusterInfo = true;
    ClusterConnection proxied = cluster();
    proxied.proxyUrl = "socks5://tunnel.corp:1080";
    ExecCredentialPlugin withCluster(exec, proxied, 10s);
    QVERIFY2(withCluster.credential(error), error.c_str());
    const QByteArray raw = fileContents(u"info.json"_s);
    QVERIFY(!raw.contains("must-not-be-passed"));  // the kubeconfig's own credentials stay home
    info = QJsonDocument::fromJson(raw).object();
    const QJsonObject clusterInfo = info.value(u"spec"_s).toObject().value(u"cluster"_s).toObject();
    QCOMPARE(clusterInfo.value(u"server"_s).toString(), u"https://api.example:6443"_s);
    QCOMPARE(clusterInfo.value(u"tls-server-name"_s).toString(), u"api.internal"_s);
    QCOMPARE(clusterInfo.value(u"proxy-url"_s).toString(), u"socks5://tunnel.corp:1080"_s);  // as client-go passes it
    QCOMPARE(decodeBase64(clusterInfo.value(u"certificate-authority-data"_s).toString().toStdString()),
             std::optional<std::string>(cluster().certificateAuthorityPem));
  }

  void clientCertificateCredential() {
    ExecCredentialPlugin plugin(config({{"MODE", "certificate"}}), cluster(), 10s);
    std::string error;
    const auto credential = plugin.credential(error);
    QVERIFY2(credential, error.c_str());
    QCOMPARE(credential->clientCertificatePem, std::string("CERT-PEM"));
    QCOMPARE(credential->clientKeyPem, std::string("KEY-PEM"));
    QVERIFY(credential->token.empty());
  }

  void failingPluginSaysWhyWithoutItsOutput() {
    ExecCredentialPlugin plugin(config({{"MODE", "fail"}}), cluster(), 10s);
    std::string error;
    QVERIFY(!plugin.credential(error));
    QCOMPARE(error,
             "exec plugin \"" + script_.toStdString() + "\" failed with exit code 3: error: you must log in first");
    QVERIFY(error.find("leaked-token") == std::string::npos);
  }

  void outputThatIsNotJsonIsNotQuoted() {
    ExecCredentialPlugin plugin(config({{"MODE", "garbage"}}), cluster(), 10s);
    std::string error;
    QVERIFY(!plugin.credential(error));
    QVERIFY2(error.starts_with("exec plugin \"" + script_.toStdString() + "\" did not print an ExecCredential as JSON"),
             error.c_str());
    QVERIFY2(error.find("leaked-token") == std::string::npos, error.c_str());
  }

  void missingCommandShowsTheInstallHint() {
    ExecConfig exec = config();
    exec.command = path(u"no-such-plugin"_s).toStdString();
    ExecCredentialPlugin plugin(exec, cluster(), 10s);
    std::string error;
    QVERIFY(!plugin.credential(error));
    QVERIFY2(error.starts_with("exec plugin \"" + exec.command + "\" could not be started: "), error.c_str());
    QVERIFY2(error.ends_with("\nInstall it with: apt install get-token"), error.c_str());
  }

  void slowPluginTimesOut() {
    ExecCredentialPlugin plugin(config({{"MODE", "sleep"}}), cluster(), 300ms);
    std::string error;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!plugin.credential(error));
    QVERIFY(clock.elapsed() < 3000);
    QCOMPARE(error, "exec plugin \"" + script_.toStdString() + "\" did not finish within 300 ms");
  }

  void interactivePluginsAreRefused() {
    ExecConfig exec = config();
    exec.interactiveMode = "Always";
    ExecCredentialPlugin plugin(exec, cluster(), 10s);
    std::string error;
    QVERIFY(!plugin.credential(error));
    QVERIFY2(error.find("interactiveMode: Always") != std::string::npos, error.c_str());
    QCOMPARE(runs(), 0);
  }
};

QTEST_GUILESS_MAIN(ExecCredentialTest)
#include "tst_execcredential.moc"

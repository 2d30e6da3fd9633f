// Kubeconfig: kubectl's merge order, relative file references, *-data against files, the
// current context and namespaces, every error message — and that no message quotes a secret.

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "app/cluster/Base64.h"
#include "app/cluster/Kubeconfig.h"

using namespace meshstudio::cluster;
namespace fs = std::filesystem;

namespace {

constexpr const char* kSecretToken = "s3cr3t-token-7f1e";
constexpr const char* kCaPem = "-----BEGIN CERTIFICATE-----\nMIIBfake-ca\n-----END CERTIFICATE-----\n";
constexpr const char* kKeyPem = "-----BEGIN EC PRIVATE KEY-----\nMHcfake-key\n-----END EC PRIVATE KEY-----\n";

void writeFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

/// One kubeconfig with a context `name` on cluster `name` and user `name`.
std::string singleContext(const std::string& name, const std::string& server, const std::string& current,
                          const std::string& userBody = std::string("    token: ") + kSecretToken + "\n") {
  return "apiVersion: v1\nkind: Config\ncurrent-context: \"" + current + "\"\nclusters:\n- name: " + name +
         "\n  cluster:\n    server: " + server + "\ncontexts:\n- name: " + name + "\n  context:\n    cluster: " + name +
         "\n    user: " + name + "\nusers:\n- name: " + name + "\n  user:\n" + userBody;
}

/// Resolves `context` and expects an error; returns it.
std::string resolveError(const Kubeconfig& config, const std::string& context = {}) {
  std::string error;
  const auto connection = config.resolve(context, error);
  if (connection) qWarning("resolved unexpectedly: %s", connection->server.c_str());
  return connection ? std::string() : error;
}

}  // namespace

class KubeconfigTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void defaultFilesSplitKubeconfigVariable() {
    const auto files = Kubeconfig::defaultFiles("/a/one::/b/two:/a/one", "/home/me");
    QCOMPARE(files.size(), std::size_t(2));  // empty entries dropped, a repeated file read once
    QCOMPARE(files[0], fs::path("/a/one"));
    QCOMPARE(files[1], fs::path("/b/two"));
    const auto fallback = Kubeconfig::defaultFiles("", "/home/me");
    QCOMPARE(fallback.size(), std::size_t(1));
    QCOMPARE(fallback[0], fs::path("/home/me/.kube/config"));
  }

  void firstFileToDefineANameWins() {
    QTemporaryDir dir;
    const fs::path first = dir.filePath(QStringLiteral("first")).toStdString();
    const fs::path second = dir.filePath(QStringLiteral("second")).toStdString();
    // Both define cluster/user/context "shared"; only the second sets a current-context.
    writeFile(first, singleContext("shared", "https://first.example:6443", ""));
    writeFile(second, singleContext("shared", "https://second.example:6443", "shared") +
                          "- name: extra\n  user:\n    token: other\n");
    const Kubeconfig config = Kubeconfig::load({first, second});
    QVERIFY2(config.isValid(), config.errors().empty() ? "" : config.errors().front().c_str());
    QCOMPARE(config.currentContext(), std::string("shared"));  // the first non-empty one
    QCOMPARE(config.contexts().size(), std::size_t(1));
    std::string error;
    const auto connection = config.resolve("", error);
    QVERIFY2(connection, error.c_str());
    QCOMPARE(connection->server, std::string("https://first.example:6443"));
    QCOMPARE(connection->sourceFile, first.string());
    QCOMPARE(connection->token, std::string(kSecretToken));
  }

  void firstCurrentContextWins() {
    QTemporaryDir dir;
    const fs::path first = dir.filePath(QStringLiteral("first")).toStdString();
    const fs::path second = dir.filePath(QStringLiteral("second")).toStdString();
    writeFile(first, singleContext("alpha", "https://alpha:6443", "alpha"));
    writeFile(second, singleContext("beta", "https://beta:6443", "beta"));
    const Kubeconfig config = Kubeconfig::load({second, first});
    QCOMPARE(config.currentContext(), std::string("beta"));
    QCOMPARE(config.contexts().size(), std::size_t(2));
    std::string error;
    const auto alpha = config.resolve("alpha", error);
    QVERIFY2(alpha, error.c_str());
    QCOMPARE(alpha->server, std::string("https://alpha:6443"));
    QCOMPARE(alpha->sourceFile, first.string());
  }

  void missingFilesAreSkippedUnlessNoneExists() {
    QTemporaryDir dir;
    const fs::path present = dir.filePath(QStringLiteral("present")).toStdString();
    const fs::path missing = dir.filePath(QStringLiteral("missing")).toStdString();
    writeFile(present, singleContext("one", "https://one:6443", "one"));
    QVERIFY(Kubeconfig::load({missing, present}).isValid());
    const Kubeconfig none = Kubeconfig::load({missing});
    QVERIFY(!none.isValid());
    QVERIFY(none.errors().front().find("no kubeconfig file found") != std::string::npos);
    QVERIFY(none.errors().front().find(missing.string()) != std::string::npos);
    std::string error;
    QVERIFY(!none.resolve("", error));
    QCOMPARE(error, none.errors().front());
  }

  void namespaceDefaultsToDefault() {
    const Kubeconfig config = Kubeconfig::parse(
        "current-context: plain\nclusters:\n- name: c\n  cluster: {server: 'https://c:6443'}\n"
        "contexts:\n- name: plain\n  context: {cluster: c}\n- name: shop\n  context: {cluster: c, namespace: shop}\n",
        "/tmp/config");
    std::string error;
    const auto plain = config.resolve("", error);
    QVERIFY2(plain, error.c_str());
    QCOMPARE(plain->namespaceName, std::string("default"));
    QCOMPARE(plain->authenticationSummary(), std::string("none"));  // no user: anonymous
    const auto shop = config.resolve("shop", error);
    QVERIFY2(shop, error.c_str());
    QCOMPARE(shop->namespaceName, std::string("shop"));
    QCOMPARE(config.contexts()[1].namespaceName, std::string("shop"));
    QCOMPARE(config.contexts()[0].namespaceName, std::string());
  }

  void dataFieldsAreBase64Decoded() {
    const std::string text =
        "current-context: x\nclusters:\n- name: x\n  cluster:\n    server: https://x:6443\n"
        "    certificate-authority-data: " +
        encodeBase64(kCaPem) +
        "\n    tls-server-name: api.internal\n"
        "    proxy-url: http://proxy.corp:3128\n"
        "contexts:\n- name: x\n  context: {cluster: x, user: x}\n"
        "users:\n- name: x\n  user:\n    client-certificate-data: " +
        encodeBase64(kCaPem) + "\n    client-key-data: " + encodeBase64(kKeyPem) + "\n";
    std::string error;
    const auto connection = Kubeconfig::parse(text, "/tmp/config").resolve("", error);
    QVERIFY2(connection, error.c_str());
    QCOMPARE(connection->certificateAuthorityPem, std::string(kCaPem));
    QCOMPARE(connection->clientCertificatePem, std::string(kCaPem));
    QCOMPARE(connection->clientKeyPem, std::string(kKeyPem));
    QCOMPARE(connection->tlsServerName, std::string("api.internal"));
    QCOMPARE(connection->proxyUrl, std::string("http://proxy.corp:3128"));
    QVERIFY(!connection->insecureSkipTlsVerify);
    QCOMPARE(connection->authenticationSummary(), std::string("client certificate"));
  }

  void fileReferencesResolveAgainstTheirKubeconfig() {
    QTemporaryDir dir;
    const fs::path folder = fs::path(dir.path().toStdString()) / "configs";
    writeFile(folder / "pki" / "ca.pem", kCaPem);
    writeFile(folder / "pki" / "client.pem", kCaPem);
    writeFile(folder / "pki" / "client.key", kKeyPem);
    writeFile(folder / "config",
              "current-context: x\nclusters:\n- name: x\n  cluster:\n    server: https://x:6443\n"
              "    certificate-authority: pki/ca.pem\n    insecure-skip-tls-verify: false\n"
              "contexts:\n- name: x\n  context: {cluster: x, user: x}\n"
              "users:\n- name: x\n  user:\n    client-certificate: pki/client.pem\n"
              "    client-key: pki/client.key\n    tokenFile: tokens/sa\n");
    // Loaded through a second, unrelated file's folder: the references follow their own file.
    const Kubeconfig config = Kubeconfig::load({folder / "config"});
    std::string error;
    const auto connection = config.resolve("x", error);
    QVERIFY2(connection, error.c_str());
    QCOMPARE(connection->certificateAuthorityPem, std::string(kCaPem));
    QCOMPARE(connection->clientKeyPem, std::string(kKeyPem));
    QCOMPARE(connection->tokenFile, (folder / "tokens" / "sa").string());
  }

  void execPluginSettings() {
    const Kubeconfig config = Kubeconfig::parse(
        "current-context: x\nclusters:\n- name: x\n  cluster:\n    server: https://x:6443\n"
        "    insecure-skip-tls-verify: true\n"
        "contexts:\n- name: x\n  context: {cluster: x, user: x}\n"
        "users:\n- name: x\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
        "      command: bin/get-token\n      args: [--cluster, prod, '42']\n"
        "      env:\n      - name: REGION\n        value: eu-west-1\n      - name: EMPTY\n"
        "      installHint: install get-token from example.com\n      provideClusterInfo: true\n"
        "      interactiveMode: Never\n",
        "/etc/kube/config");
    std::string error;
    const auto connection = config.resolve("", error);
    QVERIFY2(connection, error.c_str());
    QVERIFY(connection->insecureSkipTlsVerify);
    QVERIFY(connection->exec);
    const ExecConfig& exec = *connection->exec;
    QCOMPARE(exec.apiVersion, std::string("client.authentication.k8s.io/v1"));
    QCOMPARE(exec.command, std::string("/etc/kube/bin/get-token"));  // has a '/': relative to the file
    QCOMPARE(exec.args, (std::vector<std::string>{"--cluster", "prod", "42"}));
    QCOMPARE(exec.env.size(), std::size_t(2));
    QCOMPARE(exec.env[0], (std::pair<std::string, std::string>("REGION", "eu-west-1")));
    QCOMPARE(exec.env[1], (std::pair<std::string, std::string>("EMPTY", "")));
    QCOMPARE(exec.installHint, std::string("install get-token from example.com"));
    QVERIFY(exec.provideClusterInfo);
    QCOMPARE(exec.interactiveMode, std::string("Never"));
    QCOMPARE(connection->authenticationSummary(), std::string("exec plugin /etc/kube/bin/get-token"));
  }

  void unknownContextClusterAndUser() {
    const Kubeconfig config = Kubeconfig::parse(
        "clusters:\n- name: real\n  cluster: {server: 'https://real:6443'}\n"
        "contexts:\n- name: no-cluster\n  context: {cluster: ghost, user: u}\n"
        "- name: no-user\n  context: {cluster: real, user: phantom}\n",
        "/tmp/config");
    QCOMPARE(resolveError(config), std::string("no current-context is set in the kubeconfig; choose a context "
                                               "(no-cluster, no-user)"));
    QCOMPARE(resolveError(config, "prod"),
             std::string("context \"prod\" is not in the kubeconfig (contexts: no-cluster, no-user)"));
    QCOMPARE(resolveError(config, "no-cluster"),
             std::string("context \"no-cluster\" refers to cluster \"ghost\", which no kubeconfig file defines"));
    QCOMPARE(resolveError(config, "no-user"),
             std::string("context \"no-user\" refers to user \"phantom\", which no kubeconfig file defines"));
  }

  void unreadableReferencedFileIsNamed() {
    QTemporaryDir dir;
    const fs::path config = dir.filePath(QStringLiteral("config")).toStdString();
    writeFile(config,
              "current-context: x\nclusters:\n- name: x\n  cluster:\n    server: https://x:6443\n"
              "    certificate-authority: missing-ca.pem\ncontexts:\n- name: x\n  context: {cluster: x}\n");
    const std::string error = resolveError(Kubeconfig::load({config}));
    QVERIFY2(error.find(config.string() + ":6:28: cluster \"x\": cannot read certificate-authority file " +
                        (config.parent_path() / "missing-ca.pem").string()) == 0,
             error.c_str());
    QVERIFY2(error.find("No such file or directory") != std::string::npos, error.c_str());
  }

  void unreadableKubeconfigIsNamed() {
    QTemporaryDir dir;
    const fs::path folder = dir.filePath(QStringLiteral("a-folder")).toStdString();
    fs::create_directories(folder);  // exists, but cannot be read as a file
    const Kubeconfig config = Kubeconfig::load({folder});
    QVERIFY(!config.isValid());
    QVERIFY2(config.errors().front().find("cannot read kubeconfig file " + folder.string()) == 0,
             config.errors().front().c_str());
    QVERIFY(config.errors().front().ends_with("is a directory"));
  }

  void badBase64IsLocatedAndNotQuoted() {
    const Kubeconfig config = Kubeconfig::parse(
        "current-context: x\nclusters:\n- name: x\n  cluster: {server: 'https://x:6443'}\n"
        "contexts:\n- name: x\n  context: {cluster: x, user: x}\n"
        "users:\n- name: x\n  user:\n    client-certificate-data: Zm9v\n    client-key-data: \"s3cr3t!!\"\n",
        "/tmp/config");
    const std::string error = resolveError(config);
    QCOMPARE(error, std::string("/tmp/config:12:22: user \"x\": client-key-data is not valid base64"));
  }

  void certificateWithoutKey() {
    const Kubeconfig config = Kubeconfig::parse(
        "current-context: x\nclusters:\n- name: x\n  cluster: {server: 'https://x:6443'}\n"
        "contexts:\n- name: x\n  context: {cluster: x, user: x}\n"
        "users:\n- name: x\n  user:\n    client-certificate-data: Zm9v\n",
        "/tmp/config");
    QCOMPARE(resolveError(config),
             std::string("/tmp/config:11:5: user \"x\" has a client certificate but no client key"));
  }

  void clusterWithoutServer() {
    const Kubeconfig config = Kubeconfig::parse(
        "current-context: x\nclusters:\n- name: x\n  cluster:\n    insecure-skip-tls-verify: true\n"
        "contexts:\n- name: x\n  context: {cluster: x}\n",
        "/tmp/config");
    QCOMPARE(resolveError(config), std::string("/tmp/config:5:5: cluster \"x\" has no server"));
  }

  void yamlErrorsHaveFileLineColumn() {
    const Kubeconfig config = Kubeconfig::parse("clusters:\n- name: x\n  cluster: {server: [\n", "/tmp/broken");
    QVERIFY(!config.isValid());
    const std::string& error = config.errors().front();
    QVERIFY2(error.starts_with("/tmp/broken:"), error.c_str());
    // file:line:column: message
    const auto parts = QString::fromStdString(error).split(QLatin1Char(':'));
    QVERIFY2(parts.size() >= 4, error.c_str());
    bool lineOk = false, columnOk = false;
    QVERIFY(parts[1].toInt(&lineOk) > 0 && lineOk);
    QVERIFY(parts[2].toInt(&columnOk) > 0 && columnOk);
    QVERIFY(!parts[3].trimmed().isEmpty());
  }

  void structuralErrorsAreLocated() {
    const Kubeconfig notAList = Kubeconfig::parse("clusters:\n  x: {server: 'https://x'}\n", "/tmp/c");
    QCOMPARE(notAList.errors(), std::vector<std::string>{"/tmp/c:2:3: clusters must be a list"});
    const Kubeconfig twice =
        Kubeconfig::parse("users:\n- name: u\n  user: {token: a}\n- name: u\n  user: {token: b}\n", "/tmp/c");
    QCOMPARE(twice.errors(), std::vector<std::string>{"/tmp/c:4:3: user \"u\" is defined twice in this file"});
    const Kubeconfig unnamed = Kubeconfig::parse("contexts:\n- context: {cluster: x}\n", "/tmp/c");
    QCOMPARE(unnamed.errors(), std::vector<std::string>{"/tmp/c:2:3: an entry of contexts has no name"});
  }

  void legacyAuthProviderIsNamed() {
    const Kubeconfig config = Kubeconfig::parse(
        std::string("current-context: x\nclusters:\n- name: x\n  cluster: {server: 'https://x:6443'}\n"
                    "contexts:\n- name: x\n  context: {cluster: x, user: x}\n"
                    "users:\n- name: x\n  user:\n    auth-provider:\n      name: gcp\n      config:\n"
                    "        access-token: ") +
            kSecretToken + "\n",
        "/tmp/config");
    const std::string error = resolveError(config);
    QVERIFY2(error.starts_with("/tmp/config:12:7: user \"x\" uses the auth-provider \"gcp\", which Mesh Studio "
                               "does not support"),
             error.c_str());
    QVERIFY(error.find("exec credential plugin") != std::string::npos);
  }

  void noMessageQuotesASecret() {
    // Every failing variant carries the token, a key and a certificate; none may leak.
    const std::string secrets =
        std::string("    token: ") + kSecretToken + "\n    client-key-data: " + encodeBase64(kKeyPem) + "\n";
    const std::vector<std::string> brokenUsers = {
        secrets + "    client-certificate-data: not*base64\n",
        secrets + "    auth-provider: {name: oidc, config: {id-token: " + kSecretToken + "}}\n",
        secrets + "    username: admin\n    password: " + kSecretToken + "\n",
        secrets + "    exec: {command: x}\n",
        secrets + "    client-certificate: /nonexistent/" + "cert.pem\n",
    };
    for (const std::string& user : brokenUsers) {
      const Kubeconfig config = Kubeconfig::parse(singleContext("x", "https://x:6443", "x", user), "/tmp/config");
      const std::string error = resolveError(config);
      QVERIFY2(!error.empty(), user.c_str());
      QVERIFY2(error.find(kSecretToken) == std::string::npos, error.c_str());
      QVERIFY2(error.find("fake-key") == std::string::npos, error.c_str());
      QVERIFY2(error.find(encodeBase64(kKeyPem).substr(0, 12)) == std::string::npos, error.c_str());
    }
    // A YAML error right after a token.
    const Kubeconfig broken =
        Kubeconfig::parse(singleContext("x", "https://x:6443", "x") + "  bad: [unclosed\n", "/tmp/config");
    QVERIFY(!broken.isValid());
    for (const std::string& error : broken.errors())
      QVERIFY2(error.find(kSecretToken) == std::string::npos, error.c_str());
  }
};

QTEST_GUILESS_MAIN(KubeconfigTest)
#include "tst_kubeconfig.moc"

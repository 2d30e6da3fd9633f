#include "app/cluster/ExecCredentialPlugin.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>

#include "app/cluster/Base64.h"
#include "app/cluster/Durations.h"

using namespace Qt::StringLiterals;

namespace meshstudio::cluster {
namespace {

constexpr const char* kV1 = "client.authentication.k8s.io/v1";
constexpr const char* kV1beta1 = "client.authentication.k8s.io/v1beta1";

/// The last non-blank line of a plugin's stderr, trimmed: usually the one that says why.
std::string lastLine(const QByteArray& text) {
  const QList<QByteArray> lines = text.split('\n');
  for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
    const QByteArray line = it->trimmed();
    if (!line.isEmpty()) return line.toStdString();
  }
  return {};
}

}  // namespace

ExecCredentialPlugin::ExecCredentialPlugin(ExecConfig config, const ClusterConnection& cluster,
                                           std::chrono::milliseconds timeout)
    : config_(std::move(config)),
      server_(cluster.server),
      certificateAuthorityPem_(cluster.certificateAuthorityPem),
      tlsServerName_(cluster.tlsServerName),
      proxyUrl_(cluster.proxyUrl),
      insecureSkipTlsVerify_(cluster.insecureSkipTlsVerify),
      timeout_(timeout) {}

std::string ExecCredentialPlugin::name() const { return "exec plugin \"" + config_.command + "\""; }

std::optional<ExecCredentialPlugin::Credential> ExecCredentialPlugin::credential(std::string& error) {
  if (cached_) {
    const QDateTime refreshAt = cached_->expiry.addSecs(-kRefreshMargin.count());
    if (!cached_->expiry.isValid() || QDateTime::currentDateTimeUtc() < refreshAt) return cached_;
    cached_.reset();
  }
  cached_ = run(error);
  return cached_;
}

void ExecCredentialPlugin::invalidate() { cached_.reset(); }

QByteArray ExecCredentialPlugin::execInfo() const {
  QJsonObject spec{{u"interactive"_s, false}};
  if (config_.provideClusterInfo) {
    QJsonObject cluster{{u"server"_s, QString::fromStdString(server_)}};
    if (!tlsServerName_.empty()) cluster.insert(u"tls-server-name"_s, QString::fromStdString(tlsServerName_));
    if (insecureSkipTlsVerify_) cluster.insert(u"insecure-skip-tls-verify"_s, true);
    if (!proxyUrl_.empty()) cluster.insert(u"proxy-url"_s, QString::fromStdString(proxyUrl_));
    if (!certificateAuthorityPem_.empty())
      cluster.insert(u"certificate-authority-data"_s, QString::fromStdString(encodeBase64(certificateAuthorityPem_)));
    spec.insert(u"cluster"_s, cluster);
  }
  const QJsonObject info{{u"kind"_s, u"ExecCredential"_s},
                         {u"apiVersion"_s, QString::fromStdString(config_.apiVersion)},
                         {u"spec"_s, spec}};
  return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

std::optional<ExecCredentialPlugin::Credential> ExecCredentialPlugin::run(std::string& error) const {
  if (config_.apiVersion != kV1 && config_.apiVersion != kV1beta1) {
    error =
        name() + ": apiVersion \"" + config_.apiVersion + "\" is not supported (use " + kV1 + " or " + kV1beta1 + ")";
    return std::nullopt;
  }
  if (config_.interactiveMode == "Always") {
    error = name() + " needs an interactive terminal (interactiveMode: Always), which Mesh Studio cannot give it";
    return std::nullopt;
  }
  QProcess process;
  process.setProgram(QString::fromStdString(config_.command));
  QStringList arguments;
  for (const std::string& arg : config_.args) arguments << QString::fromStdString(arg);
  process.setArguments(arguments);
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  for (const auto& [key, value] : config_.env)
    environment.insert(QString::fromStdString(key), QString::fromStdString(value));
  environment.insert(u"KUBERNETES_EXEC_INFO"_s, QString::fromUtf8(execInfo()));
  process.setProcessEnvironment(environment);
  process.setStandardInputFile(QProcess::nullDevice());  // stdin closed: never wait for a prompt's answer

  const int timeoutMs = static_cast<int>(timeout_.count());
  process.start();
  if (!process.waitForStarted(timeoutMs)) {
    error = name() + " could not be started: " + process.errorString().toStdString();
    if (!config_.installHint.empty()) error += "\n" + config_.installHint;
    return std::nullopt;
  }
  if (!process.waitForFinished(timeoutMs)) {
    process.kill();
    process.waitForFinished(1000);
    error = name() + " did not finish within " + describeDuration(timeout_);
    return std::nullopt;
  }
  const QByteArray errors = process.readAllStandardError();
  if (process.exitStatus() == QProcess::CrashExit) {
    error = name() + " crashed";
    if (const std::string why = lastLine(errors); !why.empty()) error += ": " + why;
    return std::nullopt;
  }
  if (process.exitCode() != 0) {
    error = name() + " failed with exit code " + std::to_string(process.exitCode());
    if (const std::string why = lastLine(errors); !why.empty()) error += ": " + why;
    return std::nullopt;
  }
  return parse(process.readAllStandardOutput(), error);
}

std::optional<ExecCredentialPlugin::Credential> ExecCredentialPlugin::parse(const QByteArray& output,
                                                                            std::string& error) const {
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(output, &parseError);
  if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
    // Qt's message and the offset say what went wrong without quoting the (secret) output.
    error = name() + " did not print an ExecCredential as JSON (" +
            (parseError.error != QJsonParseError::NoError
                 ? parseError.errorString().toStdString() + " at offset " + std::to_string(parseError.offset)
                 : std::string("not a JSON object")) +
            ")";
    return std::nullopt;
  }
  const QJsonObject object = document.object();
  if (object.value(u"kind"_s).toString() != u"ExecCredential"_s) {
    error = name() + " printed JSON that is not an ExecCredential (kind \"" +
            object.value(u"kind"_s).toString().toStdString() + "\")";
    return std::nullopt;
  }
  const std::string apiVersion = object.value(u"apiVersion"_s).toString().toStdString();
  if (apiVersion != config_.apiVersion) {
    error = name() + " returned apiVersion \"" + apiVersion + "\", but the kubeconfig asks for \"" +
            config_.apiVersion + "\"";
    return std::nullopt;
  }
  const QJsonObject status = object.value(u"status"_s).toObject();
  Credential credential;
  credential.token = status.value(u"token"_s).toString().toStdString();
  credential.clientCertificatePem = status.value(u"clientCertificateData"_s).toString().toStdString();
  credential.clientKeyPem = status.value(u"clientKeyData"_s).toString().toStdString();
  if (credential.clientCertificatePem.empty() != credential.clientKeyPem.empty()) {
    error = name() + " returned " +
            (credential.clientKeyPem.empty() ? "clientCertificateData without clientKeyData"
                                             : "clientKeyData without clientCertificateData");
    return std::nullopt;
  }
  if (credential.token.empty() && credential.clientCertificatePem.empty()) {
    error = name() + " returned neither status.token nor status.clientCertificateData";
    return std::nullopt;
  }
  if (const QJsonValue expiry = status.value(u"expirationTimestamp"_s); !expiry.isUndefined() && !expiry.isNull()) {
    credential.expiry = QDateTime::fromString(expiry.toString(), Qt::ISODateWithMs);
    if (!credential.expiry.isValid()) {
      error = name() + " returned an expirationTimestamp that is not an RFC 3339 time (\"" +
              expiry.toString().toStdString() + "\")";
      return std::nullopt;
    }
  }
  return credential;
}

}  // namespace meshstudio::cluster

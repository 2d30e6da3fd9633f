#include "app/cluster/Kubeconfig.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "app/cluster/Base64.h"
#include "model/YamlReader.h"

// Every message here names files, entries and fields, never a value: the values are tokens,
// keys and certificates. Locations come from the Value's marks, so a message points at the
// line to fix.

namespace meshstudio::cluster {
namespace {

using model::Value;

std::string location(const std::filesystem::path& file, const Value* node) {
  std::string text = file.string();
  if (node && node->mark().isKnown())
    text += ":" + std::to_string(node->mark().line) + ":" + std::to_string(node->mark().column);
  return text + ": ";
}

/// A scalar's text (names may be written as numbers); nullopt for a map, list or null.
std::optional<std::string> scalarText(const Value* node) {
  if (!node || !node->isScalar() || node->isNull()) return std::nullopt;
  return node->text();
}

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text.empty() ? "none" : text;
}

/// Reads a whole file; on failure `error` says which file and why (never what it holds).
bool readFile(const std::filesystem::path& path, std::string& contents, std::string& error) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {  // opens fine on Linux, then reads nothing
    error = path.string() + ": is a directory";
    return false;
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    error = path.string() + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  if (stream.bad()) {
    error = path.string() + ": read error";
    return false;
  }
  contents = buffer.str();
  return true;
}

std::filesystem::path resolvedAgainst(const std::filesystem::path& kubeconfigFile, const std::string& reference) {
  const std::filesystem::path path(reference);
  if (path.is_absolute()) return path;
  return (kubeconfigFile.parent_path() / path).lexically_normal();
}

/// The `*-data` field (base64) or else the file field of one entry, as bytes. Returns false
/// with `error` set when the data is not base64 or the file cannot be read.
bool readDataOrFile(const Value& entry, const std::filesystem::path& file, const std::string& what,
                    const std::string& dataKey, const std::string& fileKey, std::string& out, std::string& error) {
  if (const Value* data = entry.find(dataKey); data && !data->isNull()) {
    const auto text = scalarText(data);
    const auto decoded = text ? decodeBase64(*text) : std::nullopt;
    if (!decoded) {
      error = location(file, data) + what + ": " + dataKey + " is not valid base64";
      return false;
    }
    out = *decoded;
    return true;
  }
  if (const Value* reference = entry.find(fileKey); reference && !reference->isNull()) {
    const auto text = scalarText(reference);
    if (!text || text->empty()) {
      error = location(file, reference) + what + ": " + fileKey + " must be a file name";
      return false;
    }
    std::string reason;
    if (!readFile(resolvedAgainst(file, *text), out, reason)) {
      error = location(file, reference) + what + ": cannot read " + fileKey + " file " + reason;
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<std::filesystem::path> Kubeconfig::defaultFiles(const std::string& kubeconfigVariable,
                                                            const std::filesystem::path& home) {
  std::vector<std::filesystem::path> files;
  std::size_t start = 0;
  while (start <= kubeconfigVariable.size()) {
    std::size_t end = kubeconfigVariable.find(':', start);
    if (end == std::string::npos) end = kubeconfigVariable.size();
    const std::string entry = kubeconfigVariable.substr(start, end - start);
    // kubectl drops empty entries and reads a file named twice only once.
    if (!entry.empty() && std::find(files.begin(), files.end(), std::filesystem::path(entry)) == files.end())
      files.emplace_back(entry);
    start = end + 1;
  }
  if (files.empty()) files.push_back(home / ".kube" / "config");
  return files;
}

std::vector<std::filesystem::path> Kubeconfig::defaultFiles() {
  const char* variable = std::getenv("KUBECONFIG");
  const char* home = std::getenv("HOME");
  return defaultFiles(variable ? variable : "", home ? home : "");
}

Kubeconfig Kubeconfig::load(const std::vector<std::filesystem::path>& files) {
  Kubeconfig merged;
  bool anyExists = false;
  for (const std::filesystem::path& file : files) {
    std::error_code ignored;
    if (!std::filesystem::exists(file, ignored)) continue;  // kubectl skips missing files
    anyExists = true;
    std::string text, reason;
    if (!readFile(file, text, reason)) {
      merged.errors_.push_back("cannot read kubeconfig file " + reason);
      continue;
    }
    merged.merge(parse(text, file));
  }
  if (!anyExists) {
    std::vector<std::string> names;
    for (const std::filesystem::path& file : files) names.push_back(file.string());
    merged.errors_.push_back("no kubeconfig file found (looked for " + joined(names) +
                             "); set KUBECONFIG or create ~/.kube/config");
  }
  return merged;
}

Kubeconfig Kubeconfig::parse(const std::string& text, const std::filesystem::path& fileName) {
  Kubeconfig config;
  const model::ParseResult parsed = model::YamlReader::parse(text, fileName.string());
  for (const model::Diagnostic& diagnostic : parsed.diagnostics)
    config.errors_.push_back(diagnostic.file + ":" + std::to_string(diagnostic.line) + ":" +
                             std::to_string(diagnostic.column) + ": " + diagnostic.message);
  if (!config.errors_.empty()) return config;
  if (parsed.documents.empty() || !parsed.documents.front().value) return config;  // an empty file is fine
  if (parsed.documents.size() > 1) {
    config.errors_.push_back(location(fileName, &*parsed.documents[1].value) +
                             "a kubeconfig file holds one YAML document");
    return config;
  }
  const Value& root = *parsed.documents.front().value;
  if (!root.isMap()) {
    config.errors_.push_back(location(fileName, &root) +
                             "a kubeconfig file must be a mapping (apiVersion, clusters...)");
    return config;
  }
  if (const Value* current = root.find("current-context"); current && !current->isNull()) {
    if (auto name = scalarText(current))
      config.currentContext_ = *name;
    else
      config.errors_.push_back(location(fileName, current) + "current-context must be a context name");
  }

  // clusters, users and contexts are lists of {name, <kind>: {...}}.
  const auto readSection = [&](const char* section, const char* kind, auto&& add) {
    const Value* list = root.find(section);
    if (!list || list->isNull()) return;
    if (!list->isSeq()) {
      config.errors_.push_back(location(fileName, list) + section + " must be a list");
      return;
    }
    std::vector<std::string> seen;
    for (const Value& item : list->items()) {
      const auto name = scalarText(item.isMap() ? item.find("name") : nullptr);
      if (!name || name->empty()) {
        config.errors_.push_back(location(fileName, &item) + "an entry of " + section + " has no name");
        continue;
      }
      if (std::find(seen.begin(), seen.end(), *name) != seen.end()) {
        // client-go refuses this too; which of the two would win is anyone's guess.
        config.errors_.push_back(location(fileName, &item) + kind + " " + quoted(*name) +
                                 " is defined twice in this file");
        continue;
      }
      seen.push_back(*name);
      const Value* body = item.find(kind);
      if (body && !body->isNull() && !body->isMap()) {
        config.errors_.push_back(location(fileName, body) + kind + " " + quoted(*name) + ": " + kind +
                                 " must be a mapping");
        continue;
      }
      add(*name, body ? *body : Value::map());
    }
  };
  readSection("clusters", "cluster", [&](const std::string& name, const Value& body) {
    config.clusters_.push_back({name, fileName, body});
  });
  readSection("users", "user", [&](const std::string& name, const Value& body) {
    config.users_.push_back({name, fileName, body});
  });
  readSection("contexts", "context", [&](const std::string& name, const Value& body) {
    KubeconfigContext context;
    context.name = name;
    context.cluster = scalarText(body.find("cluster")).value_or("");
    context.user = scalarText(body.find("user")).value_or("");
    context.namespaceName = scalarText(body.find("namespace")).value_or("");
    config.contexts_.push_back(std::move(context));
    config.contextFiles_.push_back(fileName);
  });
  return config;
}

void Kubeconfig::merge(const Kubeconfig& next) {
  // kubectl's rule: the first file to define a name keeps it; later definitions are ignored.
  errors_.insert(errors_.end(), next.errors_.begin(), next.errors_.end());
  if (currentContext_.empty()) currentContext_ = next.currentContext_;
  for (const Entry& cluster : next.clusters_)
    if (!findEntry(clusters_, cluster.name)) clusters_.push_back(cluster);
  for (const Entry& user : next.users_)
    if (!findEntry(users_, user.name)) users_.push_back(user);
  for (std::size_t i = 0; i < next.contexts_.size(); ++i) {
    const bool known = std::any_of(contexts_.begin(), contexts_.end(),
                                   [&](const KubeconfigContext& c) { return c.name == next.contexts_[i].name; });
    if (known) continue;
    contexts_.push_back(next.contexts_[i]);
    contextFiles_.push_back(next.contextFiles_[i]);
  }
}

const Kubeconfig::Entry* Kubeconfig::findEntry(const std::vector<Entry>& entries, const std::string& name) const {
  for (const Entry& entry : entries)
    if (entry.name == name) return &entry;
  return nullptr;
}

std::optional<ClusterConnection> Kubeconfig::resolve(const std::string& contextName, std::string& error) const {
  if (!errors_.empty()) {
    error = errors_.front();
    return std::nullopt;
  }
  const std::string wanted = contextName.empty() ? currentContext_ : contextName;
  std::vector<std::string> contextNames;
  for (const KubeconfigContext& context : contexts_) contextNames.push_back(context.name);
  if (wanted.empty()) {
    error = "no current-context is set in the kubeconfig; choose a context (" + joined(contextNames) + ")";
    return std::nullopt;
  }
  const auto context =
      std::find_if(contexts_.begin(), contexts_.end(), [&](const KubeconfigContext& c) { return c.name == wanted; });
  if (context == contexts_.end()) {
    error = "context " + quoted(wanted) + " is not in the kubeconfig (contexts: " + joined(contextNames) + ")";
    return std::nullopt;
  }
  ClusterConnection connection;
  connection.contextName = context->name;
  connection.clusterName = context->cluster;
  connection.userName = context->user;
  if (!context->namespaceName.empty()) connection.namespaceName = context->namespaceName;
  connection.sourceFile = contextFiles_[static_cast<std::size_t>(context - contexts_.begin())].string();

  const Entry* cluster = findEntry(clusters_, context->cluster);
  if (!cluster) {
    error = "context " + quoted(context->name) + " refers to cluster " + quoted(context->cluster) +
            ", which no kubeconfig file defines";
    return std::nullopt;
  }
  const std::string clusterWhat = "cluster " + quoted(cluster->name);
  const auto server = scalarText(cluster->value.find("server"));
  if (!server || server->empty()) {
    error = location(cluster->file, &cluster->value) + clusterWhat + " has no server";
    return std::nullopt;
  }
  connection.server = *server;
  if (!readDataOrFile(cluster->value, cluster->file, clusterWhat, "certificate-authority-data", "certificate-authority",
                      connection.certificateAuthorityPem, error))
    return std::nullopt;
  if (const Value* insecure = cluster->value.find("insecure-skip-tls-verify"); insecure && !insecure->isNull()) {
    const auto flag = insecure->toBool();
    if (!flag) {
      error = location(cluster->file, insecure) + clusterWhat + ": insecure-skip-tls-verify must be true or false";
      return std::nullopt;
    }
    connection.insecureSkipTlsVerify = *flag;
  }
  connection.tlsServerName = scalarText(cluster->value.find("tls-server-name")).value_or("");
  connection.proxyUrl = scalarText(cluster->value.find("proxy-url")).value_or("");

  if (context->user.empty()) return connection;  // anonymous, as kubectl allows
  const Entry* user = findEntry(users_, context->user);
  if (!user) {
    error = "context " + quoted(context->name) + " refers to user " + quoted(context->user) +
            ", which no kubeconfig file defines";
    return std::nullopt;
  }
  const std::string userWhat = "user " + quoted(user->name);
  const Value& body = user->value;
  if (const Value* provider = body.find("auth-provider"); provider && !provider->isNull()) {
    const std::string name = scalarText(provider->find("name")).value_or("unnamed");
    error = location(user->file, provider) + userWhat + " uses the auth-provider " + quoted(name) +
            ", which Mesh Studio does not support (kubectl removed the gcp, azure and oidc providers); "
            "use an exec credential plugin instead, such as gke-gcloud-auth-plugin or kubelogin";
    return std::nullopt;
  }
  if (const Value* username = body.find("username"); username && !username->isNull()) {
    error = location(user->file, username) + userWhat +
            " uses basic authentication (username/password), which Kubernetes API servers no longer accept";
    return std::nullopt;
  }
  if (!readDataOrFile(body, user->file, userWhat, "client-certificate-data", "client-certificate",
                      connection.clientCertificatePem, error) ||
      !readDataOrFile(body, user->file, userWhat, "client-key-data", "client-key", connection.clientKeyPem, error))
    return std::nullopt;
  if (connection.clientCertificatePem.empty() != connection.clientKeyPem.empty()) {
    error = location(user->file, &body) + userWhat +
            (connection.clientKeyPem.empty() ? " has a client certificate but no client key"
                                             : " has a client key but no client certificate");
    return std::nullopt;
  }
  connection.token = scalarText(body.find("token")).value_or("");
  if (const auto tokenFile = scalarText(body.find("tokenFile")); tokenFile && !tokenFile->empty())
    connection.tokenFile = resolvedAgainst(user->file, *tokenFile).string();

  if (const Value* exec = body.find("exec"); exec && !exec->isNull()) {
    if (!exec->isMap()) {
      error = location(user->file, exec) + userWhat + ": exec must be a mapping";
      return std::nullopt;
    }
    ExecConfig config;
    config.apiVersion = scalarText(exec->find("apiVersion")).value_or("");
    config.command = scalarText(exec->find("command")).value_or("");
    if (config.command.empty() || config.apiVersion.empty()) {
      error = location(user->file, exec) + userWhat + ": exec needs both command and apiVersion";
      return std::nullopt;
    }
    // Like client-go: a command with a path separator is relative to the kubeconfig's folder;
    // a bare name is looked up on PATH.
    if (config.command.find('/') != std::string::npos)
      config.command = resolvedAgainst(user->file, config.command).string();
    if (const Value* args = exec->find("args"); args && args->isSeq())
      for (const Value& arg : args->items()) config.args.push_back(arg.text());
    if (const Value* env = exec->find("env"); env && !env->isNull()) {
      if (!env->isSeq()) {
        error = location(user->file, env) + userWhat + ": exec env must be a list of name/value entries";
        return std::nullopt;
      }
      for (const Value& item : env->items()) {
        const auto name = scalarText(item.isMap() ? item.find("name") : nullptr);
        if (!name || name->empty()) {
          error = location(user->file, &item) + userWhat + ": an exec env entry has no name";
          return std::nullopt;
        }
        config.env.emplace_back(*name, scalarText(item.find("value")).value_or(""));
      }
    }
    config.installHint = scalarText(exec->find("installHint")).value_or("");
    if (const Value* provide = exec->find("provideClusterInfo"))
      config.provideClusterInfo = provide->toBool().value_or(false);
    config.interactiveMode = scalarText(exec->find("interactiveMode")).value_or("");
    connection.exec = std::move(config);
  }
  return connection;
}

}  // namespace meshstudio::cluster

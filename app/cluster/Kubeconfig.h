#pragma once

// kubeconfig, read as kubectl reads it: the files of $KUBECONFIG (':'-separated), merged in
// order — for clusters, users and contexts the first file to define a name wins, and so does
// the first current-context — else ~/.kube/config. Relative file references (certificate-
// authority, client-certificate, client-key, tokenFile) resolve against the file that holds
// them. Qt-free.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/cluster/ClusterConnection.h"
#include "model/Value.h"

namespace meshstudio::cluster {

struct KubeconfigContext {
  std::string name;
  std::string cluster;
  std::string user;
  std::string namespaceName;  ///< as written; empty when the context sets none
};

class Kubeconfig {
 public:
  /// The files kubectl would read: `kubeconfigVariable` split on ':' (empty entries dropped),
  /// else `home`/.kube/config.
  static std::vector<std::filesystem::path> defaultFiles(const std::string& kubeconfigVariable,
                                                         const std::filesystem::path& home);
  /// From the process environment (KUBECONFIG, HOME).
  static std::vector<std::filesystem::path> defaultFiles();

  /// Reads and merges `files`. Missing files are skipped as kubectl does, unless none exists;
  /// a file that does not parse is an error (`file:line:column: what was expected`).
  static Kubeconfig load(const std::vector<std::filesystem::path>& files);
  /// One file's text, as if read from `fileName` (for tests and fuzzing).
  static Kubeconfig parse(const std::string& text, const std::filesystem::path& fileName);

  bool isValid() const { return errors_.empty(); }
  /// Problems found while reading, each `file:line:column: message`.
  const std::vector<std::string>& errors() const { return errors_; }

  const std::vector<KubeconfigContext>& contexts() const { return contexts_; }
  const std::string& currentContext() const { return currentContext_; }

  /// The context resolved into a connection: its cluster and user looked up, files read,
  /// `*-data` base64-decoded. `contextName` empty = the current context. An unknown context,
  /// cluster or user, or an unreadable file, is an error message (nullopt + `error`).
  std::optional<ClusterConnection> resolve(const std::string& contextName, std::string& error) const;

 private:
  /// One named cluster, user or context as the first file to define it wrote it.
  struct Entry {
    std::string name;
    std::filesystem::path file;  ///< the kubeconfig file it came from; relative paths resolve against its folder
    model::Value value;          ///< the entry's `cluster:`, `user:` or `context:` mapping
  };
  std::vector<std::string> errors_;
  std::vector<KubeconfigContext> contexts_;
  std::vector<std::filesystem::path> contextFiles_;  ///< parallel to contexts_
  std::string currentContext_;
  std::vector<Entry> clusters_;
  std::vector<Entry> users_;

  void merge(const Kubeconfig& next);
  const Entry* findEntry(const std::vector<Entry>& entries, const std::string& name) const;
};

}  // namespace meshstudio::cluster

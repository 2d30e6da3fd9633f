#pragma once

#include <QCoreApplication>
#include <QString>

#include "model/Resource.h"

namespace meshstudio::app {

/// What Kubernetes accepts as `metadata.name`, checked before a rename or a template is
/// applied so the user learns it here rather than from `kubectl apply`.
///
/// Most kinds take a DNS-1123 subdomain (lower-case letters, digits, `-` and `.`, at most 253,
/// starting and ending with a letter or digit). Gateways take a DNS-1123 label (no dots, at
/// most 63): VirtualServices refer to them as `<namespace>/<name>`. Services take a DNS-1035
/// label (a label that starts with a letter): the name becomes a DNS name in the cluster.
class ResourceNameRules {
  Q_DECLARE_TR_FUNCTIONS(ResourceNameRules)

 public:
  /// Why `name` cannot name a resource of `kind`; empty when it can.
  static QString problem(model::ResourceKind kind, const QString& name);
  /// Why `name` cannot name a namespace (a DNS-1123 label); empty when it can.
  static QString namespaceProblem(const QString& name);
};

}  // namespace meshstudio::app

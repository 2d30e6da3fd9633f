#include "app/ResourceNameRules.h"

#include <QRegularExpression>

#include <algorithm>

namespace meshstudio::app {
namespace {

bool isLabel(const QString& text) {
  static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
  return text.size() <= 63 && label.match(text).hasMatch();
}

bool isSubdomain(const QString& text) {
  if (text.size() > 253) return false;
  const QStringList labels = text.split(QLatin1Char('.'));
  return std::all_of(labels.begin(), labels.end(), isLabel);
}

}  // namespace

QString ResourceNameRules::problem(model::ResourceKind kind, const QString& name) {
  if (name.isEmpty()) return tr("A resource needs a name.");
  if (name != name.trimmed()) return tr("A name cannot start or end with a space.");
  if (kind == model::ResourceKind::Gateway && !isLabel(name))
    return tr("\"%1\" is not a valid Gateway name: use at most 63 lower-case letters, digits and '-', starting and "
              "ending with a letter or digit, and no dots (a DNS-1123 label): VirtualServices refer to a Gateway "
              "as <namespace>/<name>.")
        .arg(name);
  if (kind == model::ResourceKind::Service && (!isLabel(name) || !name.front().isLetter()))
    return tr("\"%1\" is not a valid Service name: use at most 63 lower-case letters, digits and '-', starting "
              "with a letter and ending with a letter or digit (a DNS-1035 label): the name becomes the Service's "
              "host name.")
        .arg(name);
  if (!isSubdomain(name))
    return tr("\"%1\" is not a valid name: use lower-case letters, digits, '-' and '.', starting and ending with a "
              "letter or digit, at most 253 characters (a DNS-1123 subdomain), e.g. reviews-v2.")
        .arg(name);
  return {};
}

QString ResourceNameRules::namespaceProblem(const QString& name) {
  if (name.isEmpty()) return tr("A namespace is required.");
  if (!isLabel(name))
    return tr("\"%1\" is not a valid namespace: use at most 63 lower-case letters, digits and '-', starting and "
              "ending with a letter or digit (a DNS-1123 label).")
        .arg(name);
  return {};
}

}  // namespace meshstudio::app

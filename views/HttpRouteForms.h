#pragma once

#include <QCoreApplication>
#include <QList>

#include "views/FieldForm.h"

namespace meshstudio::views {

/// The FieldForm panels of an HTTP route's details, as field lists relative to the route
/// (`spec.http[i]`). Tooltips say in our words what a field does and what applies when it is
/// empty (Istio's and Envoy's defaults, see docs/istio-semantics in the shared references).
class HttpRouteForms {
  Q_DECLARE_TR_FUNCTIONS(HttpRouteForms)

 public:
  static QList<FieldSpec> route();           ///< the route's name
  static QList<FieldSpec> rewrite();         ///< rewrite.*
  static QList<FieldSpec> redirect();        ///< redirect.*
  static QList<FieldSpec> directResponse();  ///< directResponse.*
  /// headers.request.* or headers.response.*
  static QList<FieldSpec> headerOperations(bool request);
  static QList<FieldSpec> timeoutAndRetries();  ///< timeout, retries.*
  static QList<FieldSpec> fault();              ///< fault.delay.*, fault.abort.*
  static QList<FieldSpec> mirror();             ///< mirror.*, mirrorPercentage
  static QList<FieldSpec> cors();               ///< corsPolicy.* but allowOrigins
  /// Envoy's retry conditions, the tokens of `retries.retryOn`.
  static QStringList retryOnTokens();
  /// gRPC status names for `fault.abort.grpcStatus`.
  static QStringList grpcStatuses();
};

}  // namespace meshstudio::views

#pragma once

// A failed cluster call turned into something a person can act on: what was refused, why,
// and what to do, with the fields the server named (a 422's causes, a 409's contested fields
// with the managers that own them). Built from the response alone; never holds credentials.

#include <string>
#include <vector>

#include "app/cluster/KubeResourceType.h"
#include "app/cluster/KubeTransport.h"

namespace meshstudio::cluster {

struct FieldCause {
  std::string field;    ///< a field path in the studio's form: `spec.http[0].route[0].weight`
  std::string message;  ///< the server's words
  std::string manager;  ///< for conflicts: the field manager that owns the field
};

struct ClusterProblem {
  enum class Kind { None, Unreachable, Unauthorized, Forbidden, NotInstalled, NotFound, Conflict, Invalid, Other };
  Kind kind = Kind::None;
  int status = 0;       ///< the HTTP status; 0 when no answer came
  std::string message;  ///< one or two sentences: what happened and what to do
  std::vector<FieldCause> causes;

  bool isNone() const { return kind == Kind::None; }
};

/// What the call was, for the message: `verb` is the RBAC verb (get, list, patch, delete).
struct CallSubject {
  std::string verb;
  KubeResourceType type;
  std::string apiVersion;
  std::string namespaceName;
  std::string name;  ///< empty for collections
};

/// Describes a response that is not a 2xx, or a transport failure, for `subject` on `connection`.
ClusterProblem describeFailure(const KubeResponse& response, const CallSubject& subject,
                               const ClusterConnection& connection);

/// `.spec.http` or `spec.http[0].route[0].weight` → `spec.http[0].route[0].weight`.
std::string studioFieldPath(std::string_view serverField);

}  // namespace meshstudio::cluster

#pragma once

#include "model/FieldCodec.h"

namespace meshstudio::model {

/// metadata, in the order kubectl writes it; everything else (uid, generateName, ...) stays in extras.
struct ObjectMeta {
  std::optional<std::string> name, namespace_;
  StringMap labels, annotations;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("name", &ObjectMeta::name), field("namespace", &ObjectMeta::namespace_),
                           field("labels", &ObjectMeta::labels), field("annotations", &ObjectMeta::annotations));
  }
};

}  // namespace meshstudio::model

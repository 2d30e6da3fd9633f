#include "model/FieldCodec.h"

#include <array>
#include <charconv>
#include <cmath>

namespace meshstudio::model {

Value Codec<double>::encode(double in) {
  if (std::isfinite(in) && std::floor(in) == in && std::fabs(in) < 1e15)
    return Value::integer(static_cast<std::int64_t>(in));
  std::array<char, 32> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), in);
  return Value::number(std::string(buffer.data(), ec == std::errc() ? end : buffer.data()));
}

}  // namespace meshstudio::model

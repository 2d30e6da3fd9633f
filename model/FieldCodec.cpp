#include "model/FieldCodec.h"

#include <array>
#include <charconv>
#include <cmath>

namespace meshstudio::model {

Value Codec<Number>::encode(const Number& number) {
  if (!number.text.empty()) {
    Value written = Value::number(number.text);
    if (written.toDouble() == number.value) return written;
  }
  double in = number.value;
  if (std::isfinite(in) && std::floor(in) == in && std::fabs(in) < 1e15)
    return Value::integer(static_cast<std::int64_t>(in));
  // Fixed notation for everyday magnitudes (`0.00001`, not `1e-05`), shortest round-trip digits.
  std::array<char, 64> buffer{};
  bool everyday = std::fabs(in) >= 1e-9 && std::fabs(in) < 1e15;
  auto [end, ec] = everyday ? std::to_chars(buffer.data(), buffer.data() + buffer.size(), in, std::chars_format::fixed)
                            : std::to_chars(buffer.data(), buffer.data() + buffer.size(), in);
  return Value::number(std::string(buffer.data(), ec == std::errc() ? end : buffer.data()));
}

}  // namespace meshstudio::model

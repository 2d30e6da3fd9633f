#pragma once

// Beast stores every header field in an allocation of its own; a proxy creates and frees a dozen
// of them per request (the parsed fields, the ones it adds, the ones it replaces). This allocator
// keeps freed blocks of the common small sizes in per-thread free lists and hands them out again,
// so header handling on an I/O thread rarely reaches malloc. It is stateless (all instances are
// equal), so Beast's parsers can default-construct it. Larger blocks go straight to operator new.

#include <cstddef>

namespace meshstudio::engine {

namespace detail {
void* poolAllocate(std::size_t bytes);
void poolDeallocate(void* block, std::size_t bytes) noexcept;
}  // namespace detail

template <class T>
struct FieldAllocator {
  using value_type = T;

  FieldAllocator() noexcept = default;
  template <class U>
  FieldAllocator(const FieldAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor): rebinding

  T* allocate(std::size_t count) { return static_cast<T*>(detail::poolAllocate(count * sizeof(T))); }
  void deallocate(T* block, std::size_t count) noexcept { detail::poolDeallocate(block, count * sizeof(T)); }

  template <class U>
  bool operator==(const FieldAllocator<U>&) const noexcept {
    return true;
  }
  template <class U>
  bool operator!=(const FieldAllocator<U>&) const noexcept {
    return false;
  }
};

}  // namespace meshstudio::engine

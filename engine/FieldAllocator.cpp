#include "engine/FieldAllocator.h"

#include <array>
#include <new>

namespace meshstudio::engine::detail {
namespace {

constexpr std::array<std::size_t, 3> kClassSizes{64, 128, 256};
constexpr std::size_t kMaxCachedPerClass = 4096;  // bounds what an idle thread holds on to

struct FreeBlock {
  FreeBlock* next;
};

/// One thread's free lists; what it still holds is returned to the system when the thread ends.
struct ThreadPools {
  std::array<FreeBlock*, kClassSizes.size()> heads{};
  std::array<std::size_t, kClassSizes.size()> counts{};
  ~ThreadPools() {
    for (std::size_t c = 0; c < heads.size(); ++c)
      while (FreeBlock* block = heads[c]) {
        heads[c] = block->next;
        ::operator delete(block, kClassSizes[c]);
      }
  }
};

thread_local ThreadPools pools;

int classOf(std::size_t bytes) {
  for (std::size_t c = 0; c < kClassSizes.size(); ++c)
    if (bytes <= kClassSizes[c]) return static_cast<int>(c);
  return -1;
}

}  // namespace

void* poolAllocate(std::size_t bytes) {
  const int c = classOf(bytes);
  if (c < 0) return ::operator new(bytes);
  if (FreeBlock* block = pools.heads[c]) {
    pools.heads[c] = block->next;
    --pools.counts[c];
    return block;
  }
  return ::operator new(kClassSizes[c]);
}

void poolDeallocate(void* block, std::size_t bytes) noexcept {
  const int c = classOf(bytes);
  if (c < 0) return ::operator delete(block, bytes);
  if (pools.counts[c] >= kMaxCachedPerClass) return ::operator delete(block, kClassSizes[c]);
  auto* free = static_cast<FreeBlock*>(block);
  free->next = pools.heads[c];
  pools.heads[c] = free;
  ++pools.counts[c];
}

}  // namespace meshstudio::engine::detail

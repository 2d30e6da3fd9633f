#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace meshstudio::model {

/// Runs `body(i)` for i in [0, count) on up to hardware_concurrency threads, in contiguous
/// blocks. Each index must write only its own result slot. Small inputs run inline: starting
/// threads costs more than parsing a few documents.
template <class Body>
void parallelFor(std::size_t count, std::size_t minimumPerThread, Body body) {
  std::size_t threads = std::max<std::size_t>(1, std::thread::hardware_concurrency());
  threads = std::min(threads, std::max<std::size_t>(1, count / std::max<std::size_t>(1, minimumPerThread)));
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) body(i);
    return;
  }
  std::vector<std::thread> workers;
  std::size_t block = (count + threads - 1) / threads;
  for (std::size_t t = 1; t < threads; ++t)
    workers.emplace_back([&, t] {
      for (std::size_t i = t * block; i < std::min(count, (t + 1) * block); ++i) body(i);
    });
  for (std::size_t i = 0; i < std::min(count, block); ++i) body(i);
  for (std::thread& worker : workers) worker.join();
}

}  // namespace meshstudio::model

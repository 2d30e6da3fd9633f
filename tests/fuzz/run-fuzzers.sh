#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a given time.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 60); TARGETs like fuzz_importer (default: every tests/fuzz/fuzz_*.cpp).
# The build lives in build/fuzz (RelWithDebInfo, -DMESHSTUDIO_FUZZ=ON) with clang 16 (Debian 12's
# clang-16 and libclang-rt-16-dev; clang 14 cannot compile the engine), else plain clang.
# Each target starts from its seeds in tests/fuzz/corpus/<what>/, copied into
# build/fuzz/corpus/<target>/ where the inputs it finds accumulate from run to run (the
# repository's corpus is never written). Crash, leak, timeout and out-of-memory inputs go to
# build/fuzz/artifacts/<target>/, the full output to build/fuzz/logs/<target>.log.
# Exits 1 when any target found something, 2 on a usage or build error.
#
# Environment: FUZZ_JOBS (ninja -j, default 1), FUZZ_NICE (niceness of build and runs, default 10),
# FUZZ_CLANG (the clang++ to use), FUZZ_SKIP_BUILD=1 (run the targets as built, e.g. while
# another build of build/fuzz is running).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/build/fuzz"
seconds=${1:-60}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds == 0)); then
  sed -n '2,14s/^# \{0,1\}//p' "$0" >&2
  exit 2
fi
shift $(($# > 0 ? 1 : 0))

targets=("$@")
if ((${#targets[@]} == 0)); then
  for source in "$here"/fuzz_*.cpp; do targets+=("$(basename "$source" .cpp)"); done
fi
for target in "${targets[@]}"; do
  if [[ ! -f "$here/$target.cpp" ]]; then
    echo "run-fuzzers: no target $target (no tests/fuzz/$target.cpp)" >&2
    exit 2
  fi
done

niceness=(nice -n "${FUZZ_NICE:-10}")
# clang 14 rejects the engine's out-of-line members with trailing requires-clauses and
# lambdas capturing structured bindings (model/analysis); clang 16 takes both.
cxx=${FUZZ_CLANG:-$(command -v clang++-16 || command -v clang++ || true)}
if [[ -z "$cxx" ]]; then
  echo "run-fuzzers: no clang++ found (apt-get install clang-16 libclang-rt-16-dev)" >&2
  exit 2
fi
cc=${cxx/clang++/clang}
mkdir -p "$build"
if [[ ! -f "$build/build.ninja" ]]; then
  CC=$cc CXX=$cxx "${niceness[@]}" cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMESHSTUDIO_FUZZ=ON -DMESHSTUDIO_BENCH=OFF >"$build/configure.log" 2>&1 ||
    { cat "$build/configure.log" >&2; exit 2; }
fi
if [[ "${FUZZ_SKIP_BUILD:-}" != 1 ]]; then
  "${niceness[@]}" cmake --build "$build" -j "${FUZZ_JOBS:-1}" --target "${targets[@]}" || exit 2
fi

mkdir -p "$build/logs"
found=0
summary=()
for target in "${targets[@]}"; do
  seeds="$here/corpus/${target#fuzz_}"
  work="$build/corpus/$target"
  artifacts="$build/artifacts/$target"
  log="$build/logs/$target.log"
  mkdir -p "$work" "$artifacts"
  [[ -d "$seeds" ]] && cp -n "$seeds"/* "$work"/ 2>/dev/null || true
  marker="$build/logs/$target.started"
  touch "$marker"
  before=$(find "$artifacts" -type f | wc -l)
  echo "run-fuzzers: $target for ${seconds}s (log: $log)"
  started=$(date +%s)
  status=0
  "${niceness[@]}" "$build/tests/fuzz/$target" "$work" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - started))
  after=$(find "$artifacts" -type f | wc -l)
  findings=$((after - before))
  # A non-zero exit without an artifact (a crash in startup, say) is a finding too.
  ((status != 0 && findings == 0)) && findings=1
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1)
  line=$(printf '%-22s runs %-10s time %4ss  %-40s findings %s' "$target" "${runs:-?}" "$elapsed" \
    "${coverage:-cov: ?}" "$findings")
  summary+=("$line")
  if ((findings > 0)); then
    found=1
    grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|deadly signal' "$log" | sed 's/^/    /' || true
    find "$artifacts" -type f -newer "$marker" | sed 's/^/    /' || true
  fi
done

echo
echo "run-fuzzers: summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
if ((found)); then
  echo "run-fuzzers: findings in build/fuzz/artifacts/ (reproduce: build/fuzz/tests/fuzz/<target> <file>)"
  exit 1
fi

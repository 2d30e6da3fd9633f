#!/usr/bin/env bash
# Benchmarks the embedded proxy engine (meshstudio-cli serve) against nginx on loopback.
#
#   tests/bench/engine/bench_engine.sh [--quick] [--no-engine] [--keep]
#
# Starts an HTTP backend (nginx, one port per subset, fixed 2-byte body), the engine with a
# 90/10 weighted VirtualService over the two subsets (--threads 1), and nginx (worker_processes 1)
# with the same 90/10 upstream weights and keep-alive to the upstreams. Then runs wrk
# (-t1 -c50 and -t1 -c1, --latency) against the backend directly, the engine and nginx, in
# alternation, for several rounds, and prints medians and the engine/nginx ratios with their
# targets. Finally sends exactly N requests through the engine and checks the 90/10 split
# (engine's istio_requests_total counters and response bodies).
#
# Options:
#   --quick       3s runs, 1 round, 2,000 split requests: a smoke test of the harness
#   --no-engine   benchmark the backend and nginx only (tests the harness without the engine)
#   --keep        keep the temp dir (configs, logs, raw wrk output) and print its path
#   -h, --help    this text
#
# Environment:
#   MESHSTUDIO_CLI=PATH        the engine binary (default: build/{dev,ci,*}/app/meshstudio-cli)
#   BENCH_DURATION=10s         wrk duration of each run      BENCH_ROUNDS=3    rounds
#   BENCH_SPLIT_REQUESTS=10000 requests of the split check   BENCH_PORT_BASE=18080 (5 ports)
#   BENCH_BACKEND_WORKERS=N    backend nginx workers (default: nproc)
#   BENCH_ACCESS_LOG=auto|on|off  auto: off when serve can turn it off (--access-log off), else
#                              on for both proxies (engine stdout, nginx access_log: /dev/null)
#   BENCH_ENGINE_ARGS="..."    extra arguments for meshstudio-cli serve
#
# Installs wrk, nginx, curl and python3 from Debian if missing (apt-get as root, or through
# sudo); everything else runs as the current user, in a temp dir removed on exit.
# Exit code: 0 all targets met, 3 a target missed, 1 the harness or a server failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)

duration=${BENCH_DURATION:-10s}
rounds=${BENCH_ROUNDS:-3}
split_requests=${BENCH_SPLIT_REQUESTS:-10000}
port_base=${BENCH_PORT_BASE:-18080}
backend_workers=${BENCH_BACKEND_WORKERS:-$(nproc)}
access_log_mode=${BENCH_ACCESS_LOG:-auto}
with_engine=1
keep=0

for arg in "$@"; do
  case "$arg" in
    --quick)
      duration=${BENCH_DURATION:-3s}
      rounds=${BENCH_ROUNDS:-1}
      split_requests=${BENCH_SPLIT_REQUESTS:-2000}
      ;;
    --no-engine) with_engine=0 ;;
    --keep) keep=1 ;;
    -h | --help)
      sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"
      exit 0
      ;;
    *)
      echo "bench_engine: unknown option '$arg' (see --help)" >&2
      exit 1
      ;;
  esac
done

log() { printf '[bench] %s\n' "$*" >&2; }
die() {
  printf 'bench_engine: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------------
# Dependencies (Debian 12 packages), installed like .ci/install-deps does.
find_nginx() {
  command -v nginx 2>/dev/null || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true
}
ensure_packages() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  [[ -n "$(find_nginx)" ]] || missing+=(nginx)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  ((${#missing[@]} == 0)) && return 0
  log "installing ${missing[*]}"
  local as_root
  if ((EUID == 0)); then
    as_root=(env DEBIAN_FRONTEND=noninteractive)
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
  else
    die "missing ${missing[*]}, and this is neither root nor has sudo: apt-get install ${missing[*]}"
  fi
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
ensure_packages
NGINX=$(find_nginx)
[[ -n "$NGINX" ]] || die "nginx not found after install"

# ---------------------------------------------------------------------------------------------
# The engine binary.
cli=""
engine_help=""
if ((with_engine)); then
  if [[ -n "${MESHSTUDIO_CLI:-}" ]]; then
    cli=$MESHSTUDIO_CLI
    [[ -x "$cli" ]] || die "MESHSTUDIO_CLI=$cli is not an executable"
  else
    for candidate in "$repo/build/dev/app/meshstudio-cli" "$repo/build/ci/app/meshstudio-cli" \
      "$repo"/build/*/app/meshstudio-cli "$repo/build/app/meshstudio-cli"; do
      if [[ -x "$candidate" ]]; then
        cli=$candidate
        break
      fi
    done
    [[ -n "$cli" ]] || die "no meshstudio-cli found under $repo/build; build it or set MESHSTUDIO_CLI"
  fi
  cli=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
  engine_help=$("$cli" serve --help 2>&1) || true
  grep -q -- '--listen' <<<"$engine_help" ||
    die "$cli has no working 'serve' command; 'serve --help' said: $(head -3 <<<"$engine_help")"
  case "$cli" in
    */asan/* | */debug/* | */Debug/*) log "WARNING: $cli looks like a debug/sanitizer build" ;;
  esac
fi

# ---------------------------------------------------------------------------------------------
# Ports, temp dir, cleanup.
v1_port=$port_base
v2_port=$((port_base + 1))
nginx_port=$((port_base + 2))
engine_port=$((port_base + 3))
admin_port=$((port_base + 4))
for port in "$v1_port" "$v2_port" "$nginx_port" "$engine_port" "$admin_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port 127.0.0.1:$port is in use; set BENCH_PORT_BASE to a free range of 5 ports"
  fi
done

ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

work=$(mktemp -d "${TMPDIR:-/tmp}/bench_engine.XXXXXX")
pids=()
# shellcheck disable=SC2317  # invoked through trap
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if ((keep)); then
    log "kept $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

calc() { awk -v CONVFMT=%.6f "BEGIN { printf \"%s\", $* }"; }

# Replaces @KEY@ placeholders: fill TEMPLATE OUT KEY=VALUE...
fill() {
  local template=$1 out=$2
  shift 2
  local script=() pair
  for pair in "$@"; do
    local value=${pair#*=}
    value=${value//\\/\\\\}
    value=${value//|/\\|}
    value=${value//&/\\&}
    script+=(-e "s|@${pair%%=*}@|${value}|g")
  done
  sed "${script[@]}" "$template" >"$out"
}

user_line=""
((EUID == 0)) && user_line="user $(id -un) $(id -gn);"

# Waits until URL answers 200 (or, for a plain port, accepts a connection); fails if PID dies.
wait_ready() {
  local what=$1 url=$2 pid=$3 errfile=$4
  for _ in $(seq 300); do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$what exited during start-up; its stderr:"
      sed 's/^/    /' "$errfile" >&2 || true
      die "$what failed to start"
    fi
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url" 2>/dev/null)" == 200 ]]; then
      return 0
    fi
    sleep 0.1
  done
  log "$what not ready after 30s; its stderr:"
  sed 's/^/    /' "$errfile" >&2 || true
  die "$what did not become ready at $url"
}

start_nginx() { # name template KEY=VALUE...
  local name=$1 template=$2
  shift 2
  local dir=$work/$name
  mkdir -p "$dir"
  fill "$template" "$dir/nginx.conf" DIR="$dir" USER_LINE="$user_line" "$@"
  "$NGINX" -t -q -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" 2>"$dir/configtest.log" || {
    cat "$dir/configtest.log" >&2
    die "nginx rejected $dir/nginx.conf"
  }
  "$NGINX" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" >"$dir/stdout.log" 2>"$dir/stderr.log" &
  started_pid=$!
  pids+=("$started_pid")
}

# ---------------------------------------------------------------------------------------------
# Access logs: compare like with like.
engine_extra=()
# The engine's way to turn its access log off: `--access-log off` or `--no-access-log`.
engine_log_off=()
if grep -q -- '--access-log stdout|off' <<<"$engine_help"; then
  engine_log_off=(--access-log off)
elif grep -q -- '--no-access-log' <<<"$engine_help"; then
  engine_log_off=(--no-access-log)
fi
if [[ "$access_log_mode" == auto ]]; then
  if ((with_engine)) && ((${#engine_log_off[@]})); then
    access_log_mode=off
  elif ((with_engine)); then
    access_log_mode=on
  else
    access_log_mode=off
  fi
fi
case "$access_log_mode" in
  off)
    nginx_access_log="access_log off;"
    if ((with_engine)); then
      ((${#engine_log_off[@]})) ||
        die "BENCH_ACCESS_LOG=off but 'serve --help' lists neither --access-log off nor --no-access-log"
      engine_extra+=("${engine_log_off[@]}")
    fi
    ;;
  on) nginx_access_log="access_log /dev/null;" ;;
  *) die "BENCH_ACCESS_LOG must be auto, on or off" ;;
esac
if [[ -n "${BENCH_ENGINE_ARGS:-}" ]]; then
  read -r -a more <<<"$BENCH_ENGINE_ARGS"
  engine_extra+=("${more[@]}")
fi

# ---------------------------------------------------------------------------------------------
# Start the servers.
log "temp dir $work"
start_nginx backend "$here/nginx-backend.conf.in" BACKEND_WORKERS="$backend_workers" \
  V1_PORT="$v1_port" V2_PORT="$v2_port"
backend_pid=$started_pid
wait_ready "backend nginx" "http://127.0.0.1:$v1_port/" "$backend_pid" "$work/backend/stderr.log"
wait_ready "backend nginx" "http://127.0.0.1:$v2_port/" "$backend_pid" "$work/backend/stderr.log"

start_nginx proxy "$here/nginx-proxy.conf.in" V1_PORT="$v1_port" V2_PORT="$v2_port" \
  PROXY_PORT="$nginx_port" ACCESS_LOG="$nginx_access_log"
nginx_pid=$started_pid
wait_ready "nginx proxy" "http://127.0.0.1:$nginx_port/" "$nginx_pid" "$work/proxy/stderr.log"

if ((with_engine)); then
  project=$work/project
  mkdir -p "$project"
  for template in "$here"/project/*.in; do
    fill "$template" "$project/$(basename "$template" .in)" \
      V1_ADDR="127.0.0.1:$v1_port" V2_ADDR="127.0.0.1:$v2_port"
  done
  engine_cmd=("$cli" serve --listen "127.0.0.1:$engine_port" --admin "127.0.0.1:$admin_port"
    --threads 1 "${engine_extra[@]}" "$project")
  log "engine: ${engine_cmd[*]} >/dev/null"
  "${engine_cmd[@]}" >/dev/null 2>"$work/engine.stderr" &
  engine_pid=$!
  pids+=("$engine_pid")
  wait_ready "engine" "http://127.0.0.1:$admin_port/ready" "$engine_pid" "$work/engine.stderr"
fi

# Each target: name, URL, extra wrk/curl header.
targets=(direct nginx)
((with_engine)) && targets=(direct engine nginx)
declare -A url=(
  [direct]="http://127.0.0.1:$v1_port/"
  [engine]="http://127.0.0.1:$engine_port/"
  [nginx]="http://127.0.0.1:$nginx_port/"
)

# Sanity: every target answers 200 with the backend's body.
for target in "${targets[@]}"; do
  response=$(curl -sS --max-time 5 -H 'Host: backend' -w ' %{http_code}' "${url[$target]}" 2>&1) ||
    die "$target (${url[$target]}) failed: $response"
  [[ "$response" =~ ^v[12]\ 200$ ]] || die "$target (${url[$target]}) answered '$response', expected 'v1 200' or 'v2 200'"
done
log "all targets answer 200"

# ---------------------------------------------------------------------------------------------
# wrk runs.
mkdir -p "$work/wrk"
results=$work/results.tsv # target conc round rps mean_us p50_us p99_us requests errors cpu_us_per_request
: >"$results"

# Parses `wrk --latency` output into: rps mean_us p50_us p99_us requests errors
parse_wrk() {
  awk '
    function us(v,   n, u) {
      n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
      if (u == "us" || u == "") return n
      if (u == "ms") return n * 1000
      if (u == "s") return n * 1000000
      if (u == "m") return n * 60000000
      if (u == "h") return n * 3600000000
      return -1
    }
    /^[ \t]+Latency[ \t]+[0-9]/ && mean == "" { mean = us($2) }
    /^[ \t]+50%[ \t]/ { p50 = us($2) }
    /^[ \t]+99%[ \t]/ { p99 = us($2) }
    /^Requests\/sec:/ { rps = $2 }
    / requests in / { requests = $1 }
    /^[ \t]*Non-2xx or 3xx responses:/ { errors += $NF }
    /^[ \t]*Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    END {
      if (rps == "" || p50 == "" || p99 == "" || mean == "") { print "PARSE_ERROR"; exit }
      printf "%s %.1f %.1f %.1f %s %d\n", rps, mean, p50, p99, requests, errors
    }' "$1"
}

# CPU time (clock ticks, user + system, all threads) of a server process and its children (the
# nginx workers). CPU per request is far less sensitive to a noisy machine than throughput.
declare -A server_pid=([direct]=$backend_pid [nginx]=$nginx_pid)
((with_engine)) && server_pid[engine]=$engine_pid
clock_ticks=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_ticks() {
  local pid total=0 stat fields
  for pid in "$1" $(pgrep -P "$1" 2>/dev/null); do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }" # fields[11] utime, fields[12] stime
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}

run_wrk() { # target conc round(or "warmup") duration
  local target=$1 conc=$2 round=$3 dur=$4
  local out=$work/wrk/$target-c$conc-$round.txt
  local cpu_before
  cpu_before=$(cpu_ticks "${server_pid[$target]}")
  wrk -t1 -c"$conc" -d"$dur" --latency -H 'Host: backend' "${url[$target]}" >"$out" 2>&1 ||
    die "wrk against $target failed: $(tail -3 "$out")"
  local cpu_ticks_used=$(($(cpu_ticks "${server_pid[$target]}") - cpu_before))
  [[ "$round" == warmup ]] && return 0
  local parsed
  parsed=$(parse_wrk "$out")
  [[ "$parsed" != PARSE_ERROR ]] || die "cannot parse $out: $(cat "$out")"
  read -r rps mean p50 p99 requests errors <<<"$parsed"
  local cpu_per_request
  cpu_per_request=$(calc "$cpu_ticks_used * 1000000 / $clock_ticks / ($requests > 0 ? $requests : 1)")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$conc" "$round" "$rps" "$mean" "$p50" "$p99" \
    "$requests" "$errors" "$cpu_per_request" >>"$results"
  printf '[bench]   round %s  c%-2s %-6s %8.0f req/s  mean %7.1f us  p50 %7.1f us  p99 %7.1f us  cpu %5.1f us/req%s\n' \
    "$round" "$conc" "$target" "$rps" "$mean" "$p50" "$p99" "$cpu_per_request" \
    "$( ((errors > 0)) && echo "  ERRORS: $errors")" >&2
}

cores=$(nproc)
log "machine: $cores cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)); backend nginx" \
  "$backend_workers workers, wrk, the proxy under test and the backend share these cores"
log "warm-up: 2s c50 per target"
for target in "${targets[@]}"; do run_wrk "$target" 50 warmup 2s; done

log "measuring: $rounds rounds x {c50, c1} x {${targets[*]}}, $duration each, order rotated per round"
for ((round = 1; round <= rounds; round++)); do
  for conc in 50 1; do
    n=${#targets[@]}
    for ((i = 0; i < n; i++)); do
      target=${targets[$(((i + round - 1) % n))]}
      run_wrk "$target" "$conc" "$round" "$duration"
    done
  done
done

# ---------------------------------------------------------------------------------------------
# Split check.
split_status=0
split_output=""
if ((with_engine)); then
  log "split: $split_requests requests through the engine"
  split_output=$(python3 "$here/split_check.py" --mesh "127.0.0.1:$engine_port" --admin "127.0.0.1:$admin_port" \
    --requests "$split_requests" --host backend --service backend --expect 90 --tolerance 1) || split_status=$?
  kill -0 "$engine_pid" 2>/dev/null || die "the engine exited during the run; stderr: $(cat "$work/engine.stderr")"
fi

# ---------------------------------------------------------------------------------------------
# Report.
median() { # target conc column(4=rps 5=mean 6=p50 7=p99 9=errors 10=cpu us/req)
  awk -F'\t' -v t="$1" -v c="$2" -v col="$3" '$1 == t && $2 == c { print $col }' "$results" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
total_errors() { awk -F'\t' -v t="$1" '$1 == t { s += $9 } END { print s + 0 }' "$results"; }
# Engine vs nginx within each round (their runs are seconds apart, so a machine that slows down
# for a while hurts both), then the median over the rounds: sturdier on a noisy machine than
# comparing the two columns' medians, which may come from different rounds.
#   paired conc col(4 5 6 7 10, or m = conc/throughput) ratio|diff
paired() {
  awk -F'\t' -v c="$1" -v col="$2" -v mode="$3" -v CONVFMT=%.6f '
    $2 == c && ($1 == "engine" || $1 == "nginx") {
      v[$1, $3] = (col == "m") ? c * 1000000 / $4 : $col; rounds[$3] = 1
    }
    END {
      n = 0
      for (r in rounds) if (((("engine", r) in v)) && ((("nginx", r) in v)))
        x[++n] = (mode == "ratio") ? v["engine", r] / v["nginx", r] : v["engine", r] - v["nginx", r]
      if (n == 0) { print "nan"; exit }
      for (i = 2; i <= n; i++) for (j = i; j > 1 && x[j - 1] > x[j]; j--) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
      print (n % 2) ? x[(n + 1) / 2] : (x[n / 2] + x[n / 2 + 1]) / 2
    }' "$results"
}

declare -A med
for target in "${targets[@]}"; do
  for conc in 50 1; do
    for col in 4 5 6 7 10; do med[$target,$conc,$col]=$(median "$target" "$conc" "$col"); done
    # Column "m": the true mean time per request of one connection, connections / throughput.
    # wrk's own mean (column 5, kept in results.tsv) includes its coordinated-omission
    # correction, which turns every scheduler hiccup into many synthetic slow samples.
    med[$target,$conc,m]=$(calc "$conc * 1000000 / ${med[$target,$conc,4]}")
  done
done

echo
echo "Mesh Studio engine vs nginx — medians of $rounds round(s) of wrk -t1, $duration each, loopback"
echo "machine: $cores cores, $(uname -r); backend: nginx $("$NGINX" -v 2>&1 | sed 's|.*/||'), $backend_workers workers (shares the cores with wrk and the proxy: at c50 the numbers are CPU-bound)"
if ((with_engine)); then
  build_type=""
  cache=$(dirname "$(dirname "$cli")")/CMakeCache.txt
  [[ -f "$cache" ]] && build_type=" ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$cache"))"
  echo "engine: $cli$build_type, --threads 1${engine_extra[*]:+ ${engine_extra[*]}}; nginx proxy: worker_processes 1, upstream keepalive"
fi
echo "access logs: $access_log_mode (engine stdout to /dev/null; nginx $nginx_access_log)"
((with_engine)) && echo "engine vs nginx: median over the rounds of each round's ratio (or difference), judged" \
  "against the target; in brackets the same from the columns' medians." \
  "server CPU: user+system CPU time of the process wrk talks to (for direct: the backend) per request"
echo

header="%-22s"
for target in "${targets[@]}"; do header+=" %12s"; done
header+="   %s\n"
# shellcheck disable=SC2059
printf "$header" "" "${targets[@]}" "$( ((with_engine)) && echo "engine vs nginx [of medians]  target")"
row() { # label conc col fmt
  local label=$1 conc=$2 col=$3 fmt=$4
  printf '%-22s' "$label"
  # shellcheck disable=SC2059  # fmt is a literal number format from the callers below
  for target in "${targets[@]}"; do printf " %12s" "$(printf "$fmt" "${med[$target,$conc,$col]}")"; done
}

verdicts=()
status=0
verdict() { if [[ "$1" == 1 ]]; then echo PASS; else echo FAIL; fi; }

row "c50 throughput req/s" 50 4 "%.0f"
if ((with_engine)); then
  ratio=$(paired 50 4 ratio)
  of_medians=$(calc "${med[engine,50,4]} / ${med[nginx,50,4]}" | xargs printf '%.2f')
  v=$(verdict "$(calc "($ratio >= 1) ? 1 : 0")")
  ratio=$(printf '%.2f' "$ratio")
  [[ $v == PASS ]] || status=3
  printf '   %5s x  [%s]  >= 1.00  %s' "$ratio" "$of_medians" "$v"
  verdicts+=("c50 throughput engine/nginx = $ratio (target >= 1.00): $v")
fi
echo
row "c50 p50 latency us" 50 6 "%.0f"
echo
row "c50 p99 latency us" 50 7 "%.0f"
if ((with_engine)); then
  ratio=$(paired 50 7 ratio)
  of_medians=$(calc "${med[engine,50,7]} / ${med[nginx,50,7]}" | xargs printf '%.2f')
  v=$(verdict "$(calc "($ratio <= 1) ? 1 : 0")")
  ratio=$(printf '%.2f' "$ratio")
  [[ $v == PASS ]] || status=3
  printf '   %5s x  [%s]  <= 1.00  %s' "$ratio" "$of_medians" "$v"
  verdicts+=("c50 p99 engine/nginx = $ratio (target <= 1.00): $v")
fi
echo
row "c50 server CPU us/req" 50 10 "%.1f"
if ((with_engine)); then
  ratio=$(paired 50 10 ratio)
  printf '   %5s x  [%s]  (info)' "$(printf '%.2f' "$ratio")" \
    "$(calc "${med[engine,50,10]} / ${med[nginx,50,10]}" | xargs printf '%.2f')"
fi
echo
row "c1 throughput req/s" 1 4 "%.0f"
echo
row "c1 mean us (1/rps)" 1 m "%.1f"
echo
row "c1 p50 latency us" 1 6 "%.1f"
echo
row "c1 p99 latency us" 1 7 "%.1f"
echo
for pair in "p50:6" "mean:m"; do
  name=${pair%%:*}
  col=${pair##*:}
  printf '%-22s' "c1 added $name us"
  for target in "${targets[@]}"; do
    if [[ $target == direct ]]; then
      printf " %12s" "-"
    else
      printf " %12s" "$(calc "${med[$target,1,$col]} - ${med[direct,1,$col]}" | xargs printf '%+.1f')"
    fi
  done
  if ((with_engine)); then
    # (engine - direct) - (nginx - direct) = engine - nginx, paired per round.
    diff=$(paired 1 "$col" diff)
    of_medians=$(calc "${med[engine,1,$col]} - ${med[nginx,1,$col]}" | xargs printf '%+.1f')
    v=$(verdict "$(calc "($diff <= 0) ? 1 : 0")")
    diff=$(printf '%+.1f' "$diff")
    # The p50 figure is the target; the mean is shown for information.
    if [[ $name == p50 ]]; then
      [[ $v == PASS ]] || status=3
      printf '   %5s us [%s]  <= +0    %s' "$diff" "$of_medians" "$v"
      verdicts+=("c1 added p50 latency, engine - nginx = $diff us (target <= 0): $v")
    else
      printf '   %5s us [%s]  (info)' "$diff" "$of_medians"
    fi
  fi
  echo
done
printf '%-22s' "errors (all runs)"
for target in "${targets[@]}"; do printf " %12s" "$(total_errors "$target")"; done
echo
for target in "${targets[@]}"; do
  (($(total_errors "$target") == 0)) || {
    status=1
    verdicts+=("$target had non-2xx responses or socket errors: the figures are not valid")
  }
done

if ((with_engine)); then
  echo
  echo "$split_output"
  if ((split_status == 0)); then
    verdicts+=("90/10 split within 90 ± 1 %: PASS")
  else
    verdicts+=("90/10 split within 90 ± 1 %: FAIL")
    ((status == 1)) || status=3
  fi
fi

echo
for line in "${verdicts[@]}"; do echo "  $line"; done
exit "$status"

#!/usr/bin/env bash
# Soak test of the embedded proxy engine (meshstudio-cli serve): a long run at a fixed rate with a
# configuration reload every second, watching for errors, memory growth and leaked descriptors.
#
#   tests/bench/engine/bench_soak.sh [--quick] [--keep]
#
# Starts the engine benchmark's nginx backend (two subsets) and `meshstudio-cli serve --threads 1`
# on the generated 90/10 project (as bench_engine.sh does), then:
#   1. maximum: wrk -t1 -c50 for 10 s (after a 2 s warm-up) through the engine;
#   2. warm-up: `meshstudio-cli load -qps R -c 50` for 10 s, R = 80 % of that maximum, with the
#      reloads running; then a settle (reloads and load stopped), and the start sample: the
#      engine's RSS (/proc/PID/status VmRSS) and open fds (/proc/PID/fd);
#   3. soak: the same load for SOAK_DURATION while the VirtualService file is rewritten every
#      second, alternating weights 89/11 and 90/10 (written to a temp file and renamed into the
#      project, so serve never reads half a file; serve polls the files' size and mtime twice a
#      second and recompiles);
#   4. settle, end sample, report: requests served, non-2xx answers (the configuration asks for
#      none) and socket errors, RSS and fds at start and end, reloads applied (serve's
#      "reloaded:" lines) and that the last one is the one served (/config_dump).
# Targets: no non-2xx answer and no error; RSS growth < 5 %; fds at end = fds at start.
# The samples are taken at rest: the backend closes idle connections after 3 s (this script's
# backend config: keepalive_timeout and client_header_timeout 3s; bench_engine.sh keeps 120 s and
# nginx's default 60 s), the engine drops its idle pooled connections the upstream closes, and
# the settle is longer, so pooled upstream connections (whose number depends on the peak
# concurrency seen) are not counted at either end; a leaked one shows (e.g. in CLOSE_WAIT).
#
# Options:
#   --quick       30 s soak (SOAK_DURATION), 5 s maximum measurement: a smoke test
#   --keep        keep the temp dir (configs, project, engine.stderr, raw outputs, samples.tsv)
#   -h, --help    this text
#
# Environment:
#   MESHSTUDIO_CLI=PATH          the engine and load generator (default: build/{dev,ci,*}/app/meshstudio-cli)
#   SOAK_DURATION=10m            soak length (s, m or h; a bare number is seconds)
#   SOAK_LOAD_PERCENT=80         rate of the soak, in % of the measured maximum
#   SOAK_CONNECTIONS=50          load generator connections (kept alive)
#   SOAK_RELOAD_INTERVAL=1       seconds between configuration rewrites
#   SOAK_SETTLE=8                seconds at rest before each sample (more than the backend's 3 s
#                                keep-alive timeout)
#   SOAK_MAX_DURATION=10s        the maximum's wrk run        BENCH_PORT_BASE=18180 (4 ports)
#   BENCH_BACKEND_WORKERS=N      backend nginx workers (default: nproc)
#   BENCH_ENGINE_ARGS="..."      extra arguments for meshstudio-cli serve
#
# Installs wrk, nginx, curl and python3 from Debian if missing (apt-get as root, or through
# sudo); everything else runs as the current user, in a temp dir removed on exit.
# Exit code: 0 all targets met, 3 a target missed, 1 the harness or a server failed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bench_name=bench_soak
# shellcheck source=bench_common.sh source-path=SCRIPTDIR
. "$here/bench_common.sh"

soak_duration=${SOAK_DURATION:-10m}
max_duration=${SOAK_MAX_DURATION:-10s}
load_percent=${SOAK_LOAD_PERCENT:-80}
connections=${SOAK_CONNECTIONS:-50}
reload_interval=${SOAK_RELOAD_INTERVAL:-1}
settle=${SOAK_SETTLE:-8}
port_base=${BENCH_PORT_BASE:-18180}
backend_workers=${BENCH_BACKEND_WORKERS:-$(nproc)}
backend_keepalive=3s
warmup=10
keep=0

for arg in "$@"; do
  case "$arg" in
    --quick)
      soak_duration=${SOAK_DURATION:-30s}
      max_duration=${SOAK_MAX_DURATION:-5s}
      ;;
    --keep) keep=1 ;;
    -h | --help)
      sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"
      exit 0
      ;;
    *)
      echo "bench_soak: unknown option '$arg' (see --help)" >&2
      exit 1
      ;;
  esac
done

seconds_of() { # 10m / 30s / 1h / 90 -> seconds
  [[ "$1" =~ ^([0-9]+)(s|m|h)?$ ]] || die "bad duration '$1' (expected e.g. 30s, 10m, 1h)"
  case "${BASH_REMATCH[2]}" in
    m) echo $((BASH_REMATCH[1] * 60)) ;;
    h) echo $((BASH_REMATCH[1] * 3600)) ;;
    *) echo "${BASH_REMATCH[1]}" ;;
  esac
}
soak_seconds=$(seconds_of "$soak_duration")
((soak_seconds > 0)) || die "SOAK_DURATION must be positive"
[[ "$load_percent" =~ ^[1-9][0-9]*$ ]] || die "SOAK_LOAD_PERCENT must be a positive integer"
[[ "$reload_interval" =~ ^[1-9][0-9]*$ ]] || die "SOAK_RELOAD_INTERVAL must be whole seconds > 0"
[[ "$connections" =~ ^[1-9][0-9]*$ ]] || die "SOAK_CONNECTIONS must be a positive integer"
[[ "$settle" =~ ^[0-9]+$ ]] || die "SOAK_SETTLE must be whole seconds"

ensure_packages
find_engine_cli
load_help=$("$cli" load --help 2>&1) || true
grep -q -- '-qps RATE' <<<"$load_help" || die "$cli has no 'load' command (the fixed-rate generator)"
engine_access_log_off_flag
engine_extra=("${engine_log_off[@]}")
if [[ -n "${BENCH_ENGINE_ARGS:-}" ]]; then
  read -r -a more <<<"$BENCH_ENGINE_ARGS"
  engine_extra+=("${more[@]}")
fi

v1_port=$port_base
v2_port=$((port_base + 1))
engine_port=$((port_base + 2))
admin_port=$((port_base + 3))
check_ports_free "$v1_port" "$v2_port" "$engine_port" "$admin_port"
setup_workdir bench_soak
log "temp dir $work"

# ---------------------------------------------------------------------------------------------
# Servers: the backend with a short keep-alive timeout (see the header), the engine.
# client_header_timeout too: a connection the engine's pool opened for a request that another,
# freed connection then took has never carried a request, and nginx closes such a connection
# after client_header_timeout (default 60 s), not keepalive_timeout.
sed "s/keepalive_timeout 120s;/keepalive_timeout $backend_keepalive; client_header_timeout $backend_keepalive;/" \
  "$here/nginx-backend.conf.in" >"$work/nginx-backend.conf.in"
grep -q "keepalive_timeout $backend_keepalive;" "$work/nginx-backend.conf.in" ||
  die "nginx-backend.conf.in has no 'keepalive_timeout 120s;' line to shorten"
start_backend "$v1_port" "$v2_port" "$backend_workers" "$work/nginx-backend.conf.in"
generate_project "$v1_port" "$v2_port"
routing=$project/routing.yaml
[[ "$(grep -c -E '^ *weight: (90|10)$' "$routing")" == 2 ]] ||
  die "project/routing.yaml.in no longer has the 'weight: 90' / 'weight: 10' lines the reloads rewrite"
start_engine "$engine_port" "$admin_port" "${engine_extra[@]}"
mesh_url="http://127.0.0.1:$engine_port/"
admin_url="http://127.0.0.1:$admin_port"
check_answers engine "$mesh_url"
log "engine answers 200"

engine_alive() {
  kill -0 "$engine_pid" 2>/dev/null ||
    die "the engine exited; its stderr (last lines): $(tail -20 "$work/engine.stderr")"
}

# ---------------------------------------------------------------------------------------------
# Reloads: rewrite routing.yaml every reload_interval seconds on a fixed schedule, alternating
# 89/11 and 90/10 (same size, new mtime), written next to the project and renamed into it. Each
# write is logged to reload_writes ("N WEIGHT").
routing_orig=$work/routing.yaml.orig # outside the project: serve must not import it
cp "$routing" "$routing_orig"
write_routing() { # v1 weight
  awk -v a="$1" -v b=$((100 - $1)) '/^ *weight: [0-9]+$/ { sub(/[0-9]+$/, (k++ == 0) ? a : b) } { print }' \
    "$routing_orig" >"$work/routing.next"
  mv -f "$work/routing.next" "$routing"
}
# shellcheck disable=SC2317  # the trap line runs in the background subshell
reload_loop() {
  trap - EXIT INT TERM
  local n=0 weight next now wait_us
  next=${EPOCHREALTIME/./}
  while :; do
    next=$((next + reload_interval * 1000000))
    now=${EPOCHREALTIME/./}
    wait_us=$((next - now))
    if ((wait_us > 0)); then sleep "$((wait_us / 1000000)).$(printf '%06d' $((wait_us % 1000000)))"; fi
    n=$((n + 1))
    weight=$((n % 2 ? 89 : 90))
    write_routing "$weight"
    echo "$n $weight" >>"$work/reload_writes"
  done
}
reload_pid=""
start_reloads() {
  : >"$work/reload_writes"
  reload_loop &
  reload_pid=$!
  pids+=("$reload_pid")
}
stop_reloads() {
  kill -TERM "$reload_pid" 2>/dev/null || true
  wait "$reload_pid" 2>/dev/null || true
  reload_pid=""
}
reloads_written() { wc -l <"$work/reload_writes"; }
reloads_applied() { grep -c '^reloaded: configuration version' "$work/engine.stderr" || true; }
reloads_skipped() { grep -c '^reload skipped' "$work/engine.stderr" || true; }
# The v1 weight the engine serves now, from /config_dump (empty when not found).
served_weight() {
  curl -sS --max-time 5 "$admin_url/config_dump" | python3 -c '
import json, sys
weights = []
def walk(node):
    if isinstance(node, dict):
        if isinstance(node.get("weight"), int): weights.append(node["weight"])
        for v in node.values(): walk(v)
    elif isinstance(node, list):
        for v in node: walk(v)
walk(json.load(sys.stdin))
print(max(weights) if weights else "")'
}
# Stops the reloads and waits until the engine serves the last weight written (at most 10 s).
finish_reloads() {
  stop_reloads
  local last
  last=$(awk 'END { print $2 }' "$work/reload_writes")
  [[ -n "$last" ]] || return 0
  for _ in $(seq 100); do
    [[ "$(served_weight)" == "$last" ]] && return 0
    sleep 0.1
  done
  log "WARNING: 10 s after the last write (v1 weight $last) the engine serves v1 weight '$(served_weight)'"
}

# istio_requests_total summed by response_code: "200 1234" lines, sorted by code.
requests_by_code() {
  curl -sS --max-time 5 "$admin_url/stats/prometheus" | awk '
    /^istio_requests_total\{/ {
      code = "?"; if (match($0, /response_code="[^"]*"/)) code = substr($0, RSTART + 15, RLENGTH - 16)
      total[code] += $NF
    }
    END { for (c in total) printf "%s %d\n", c, total[c] }' | sort -n
}
# Per-code difference of two requests_by_code outputs: delta_by_code BEFORE_FILE AFTER_FILE
delta_by_code() {
  awk 'NR == FNR { before[$1] = $2; next } { d = $2 - before[$1]; if (d != 0) printf "%s %d\n", $1, d }' "$1" "$2"
}

sample() { # -> "rss_kib fds"
  engine_alive
  echo "$(rss_kib "$engine_pid") $(fd_count "$engine_pid")"
}

# The load generator at the soak's rate: run_load SECONDS OUT_JSON. In the background and waited
# for, so that a SIGTERM to this script stops everything at once, not after the soak.
run_load() {
  "$cli" load --quiet --json -qps "$rate" -c "$connections" -t "$1s" -H 'Host: backend' "$mesh_url" \
    >"$2" 2>"$2.stderr" &
  local load_pid=$! load_status=0
  pids+=("$load_pid")
  wait "$load_pid" || load_status=$?
  ((load_status == 0)) || die "meshstudio-cli load failed (exit $load_status): $(tail -3 "$2.stderr")"
}
# `load --json` -> "requests actualQps p50_ms p99_ms max_ms non2xx errors codes errorkinds"
parse_load() {
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
codes = {str(k): v for k, v in r["codes"].items()}
errors = r.get("errors") or {}
non2xx = sum(v for k, v in codes.items() if not k.startswith("2"))
lat = r["latencyMs"]
fmt = lambda d: ",".join(f"{k}:{v}" for k, v in sorted(d.items())) or "-"
print(r["requests"], r["actualQps"], lat["percentiles"]["p50"], lat["percentiles"]["p99"], lat["max"],
      non2xx, sum(errors.values()), fmt(codes), fmt(errors))
PY
}

# ---------------------------------------------------------------------------------------------
# 1. The engine's maximum throughput.
cores=$(nproc)
log "machine: $cores cores; backend nginx $backend_workers workers; wrk/load generator, engine and backend share them"
log "maximum: wrk -t1 -c50 for $max_duration through the engine (after a 2 s warm-up)"
mkdir -p "$work/raw"
wrk -t1 -c50 -d2s -H 'Host: backend' "$mesh_url" >"$work/raw/wrk-warmup.txt" 2>&1 ||
  die "wrk failed: $(tail -3 "$work/raw/wrk-warmup.txt")"
wrk -t1 -c50 -d"$max_duration" --latency -H 'Host: backend' "$mesh_url" >"$work/raw/wrk-max.txt" 2>&1 ||
  die "wrk failed: $(tail -3 "$work/raw/wrk-max.txt")"
parsed=$(parse_wrk "$work/raw/wrk-max.txt")
[[ "$parsed" != PARSE_ERROR ]] || die "cannot parse wrk output: $(cat "$work/raw/wrk-max.txt")"
read -r max_rps _ _ max_p99 _ max_errors <<<"$parsed"
((max_errors == 0)) || die "wrk saw $max_errors non-2xx answers or socket errors at the maximum: $(cat "$work/raw/wrk-max.txt")"
rate=$(calc "int($max_rps * $load_percent / 100)")
((rate > 0)) || die "measured maximum $max_rps req/s gives no rate"
log "maximum $(printf '%.0f' "$max_rps") req/s (p99 $(printf '%.0f' "$max_p99") us); soak rate $load_percent %: $rate req/s"
engine_alive

# ---------------------------------------------------------------------------------------------
# 2. Warm-up at the soak's rate with reloads, settle, start sample.
log "warm-up: load -qps $rate -c $connections for ${warmup}s with a reload every ${reload_interval}s"
start_reloads
run_load "$warmup" "$work/raw/load-warmup.json"
finish_reloads
read -r _ warmup_qps _ _ _ warmup_non2xx warmup_errors warmup_codes _ <<<"$(parse_load "$work/raw/load-warmup.json")"
log "warm-up: $(printf '%.0f' "$warmup_qps") req/s, codes $warmup_codes, $warmup_errors errors; $(reloads_applied) reloads applied so far"
((warmup_non2xx + warmup_errors == 0)) || log "WARNING: non-2xx answers or errors already during the warm-up"
log "settle ${settle}s"
sleep "$settle"
read -r rss_start fds_start <<<"$(sample)"
fd_kinds_start=$(fd_kinds "$engine_pid")
sockets_start=$(fd_sockets "$engine_pid")
requests_by_code >"$work/codes.start"
applied_start=$(reloads_applied)
skipped_start=$(reloads_skipped)
stderr_lines_start=$(wc -l <"$work/engine.stderr")
log "start: RSS $rss_start KiB, $fds_start fds ($fd_kinds_start)"

# ---------------------------------------------------------------------------------------------
# 3. The soak, with RSS/fd samples along the way (the report's trend lines).
sample_every=$((soak_seconds / 20 > 1 ? soak_seconds / 20 : 1))
printf 'seconds\trss_kib\tfds\treloads_applied\n' >"$work/samples.tsv"
# shellcheck disable=SC2317  # the trap line runs in the background subshell
sampler() {
  trap - EXIT INT TERM
  local t0=$SECONDS
  while kill -0 "$engine_pid" 2>/dev/null; do
    sleep "$sample_every"
    printf '%s\t%s\t%s\t%s\n' $((SECONDS - t0)) "$(rss_kib "$engine_pid" 2>/dev/null)" "$(fd_count "$engine_pid")" \
      $(($(reloads_applied) - applied_start)) >>"$work/samples.tsv"
  done
}
log "soak: load -qps $rate -c $connections for ${soak_seconds}s, a reload every ${reload_interval}s"
start_reloads
sampler &
sampler_pid=$!
pids+=("$sampler_pid")
run_load "$soak_seconds" "$work/raw/load-soak.json"
kill -TERM "$sampler_pid" 2>/dev/null || true
wait "$sampler_pid" 2>/dev/null || true
finish_reloads
writes=$(reloads_written)
last_weight=$(awk 'END { print $2 }' "$work/reload_writes")
served=$(served_weight)
log "load done; settle ${settle}s"
sleep "$settle"
read -r rss_end fds_end <<<"$(sample)"
fd_kinds_end=$(fd_kinds "$engine_pid")
sockets_end=$(fd_sockets "$engine_pid")
requests_by_code >"$work/codes.end"
applied=$(($(reloads_applied) - applied_start))
skipped=$(($(reloads_skipped) - skipped_start))
soak_stderr=$(tail -n +"$((stderr_lines_start + 1))" "$work/engine.stderr")
other_stderr=$(grep -v -c -e '^reloaded: configuration version' -e '^reload skipped' <<<"$soak_stderr" || true)
reload_errors=$(grep -c '^reloaded: configuration version .*; ' <<<"$soak_stderr" || true)

# ---------------------------------------------------------------------------------------------
# 4. Report.
read -r requests qps p50 p99 max_ms non2xx errors codes error_kinds <<<"$(parse_load "$work/raw/load-soak.json")"
engine_codes=$(delta_by_code "$work/codes.start" "$work/codes.end")
engine_total=$(awk '{ s += $2 } END { print s + 0 }' <<<"$engine_codes")
engine_non2xx=$(awk '$1 !~ /^2/ { s += $2 } END { print s + 0 }' <<<"$engine_codes")
engine_codes_line=$(awk '{ printf "%s%s:%s", sep, $1, $2; sep = "," }' <<<"$engine_codes")
growth=$(calc "($rss_end - $rss_start) * 100 / $rss_start")

status=0
verdicts=()
judge() { # ok(1/0) text
  local v=PASS
  if [[ "$1" != 1 ]]; then
    v=FAIL
    status=3
  fi
  verdicts+=("$2: $v")
}
judge "$(((non2xx + errors + engine_non2xx) == 0 ? 1 : 0))" \
  "non-2xx answers $non2xx (the engine counted $engine_non2xx), socket errors $errors (target 0)"
judge "$(calc "($growth < 5) ? 1 : 0")" "RSS growth $(printf '%+.2f' "$growth") % (target < 5 %)"
judge "$((fds_end == fds_start ? 1 : 0))" "fds $fds_start -> $fds_end (target equal)"
if ((applied == 0)); then
  verdicts+=("no reload was applied: the soak did not test reloads")
  status=1
elif ((applied * 10 < writes * 9)); then
  verdicts+=("WARNING: only $applied of $writes configuration writes were applied")
fi
if [[ "$served" != "$last_weight" ]]; then
  verdicts+=("the engine does not serve the last configuration written (v1 weight $last_weight, served '$served')")
  status=1
fi

achieved_percent=$(calc "$qps * 100 / $rate" | xargs printf '%.1f')
echo
echo "Mesh Studio engine soak — $(engine_description), --threads 1${engine_extra[*]:+ ${engine_extra[*]}}"
echo "machine: $cores cores, $(uname -r); backend nginx $("$NGINX" -v 2>&1 | sed 's|.*/||'), $backend_workers workers," \
  "keepalive_timeout and client_header_timeout $backend_keepalive; loopback; load generator: meshstudio-cli load"
echo
printf '%-30s %s\n' "maximum (wrk -t1 -c50, $max_duration)" "$(printf '%.0f' "$max_rps") req/s"
printf '%-30s %s\n' "soak rate ($load_percent % of it)" "$rate req/s requested, $(printf '%.1f' "$qps") achieved ($achieved_percent %), -c $connections, ${soak_seconds}s"
printf '%-30s %s\n' "requests served" "$requests (load generator); the engine counted $engine_total"
printf '%-30s %s\n' "status codes" "load generator $codes; engine $engine_codes_line"
printf '%-30s %s\n' "non-2xx / socket errors" "$non2xx / $errors (errors: $error_kinds)"
printf '%-30s %s\n' "latency from schedule" "$(printf 'p50 %.3f ms, p99 %.3f ms, max %.3f ms' "$p50" "$p99" "$max_ms")"
printf '%-30s %s\n' "reloads" "$writes written, $applied applied ($reload_errors with a listener error), $skipped skipped; last v1 weight written $last_weight, served $served"
printf '%-30s %s\n' "other engine stderr lines" "$other_stderr"
printf '%-30s %s\n' "RSS start / end" "$rss_start KiB / $rss_end KiB ($(printf '%+.2f' "$growth") %)"
printf '%-30s %s\n' "fds start / end" "$fds_start / $fds_end"
printf '%-30s %s\n' "  fds at start" "$fd_kinds_start"
printf '%-30s %s\n' "  fds at end" "$fd_kinds_end"
if [[ "$sockets_start" != "$sockets_end" ]]; then
  echo "  sockets at start:"
  awk '{ print "    " $0 }' <<<"$sockets_start"
  echo "  sockets at end:"
  awk '{ print "    " $0 }' <<<"$sockets_end"
fi
echo "during the soak, every ${sample_every}s (under load): seconds, RSS KiB, fds, reloads applied"
awk -F'\t' 'NR > 1 { printf "  %5ss %8s %5s %5s\n", $1, $2, $3, $4 }' "$work/samples.tsv"
echo
for line in "${verdicts[@]}"; do echo "  $line"; done
exit "$status"

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
bench_name=bench_engine
# shellcheck source=bench_common.sh source-path=SCRIPTDIR
. "$here/bench_common.sh"

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

ensure_packages

# ---------------------------------------------------------------------------------------------
# The engine binary.
cli=""
engine_help=""
((with_engine)) && find_engine_cli

# ---------------------------------------------------------------------------------------------
# Ports, temp dir, cleanup.
v1_port=$port_base
v2_port=$((port_base + 1))
nginx_port=$((port_base + 2))
engine_port=$((port_base + 3))
admin_port=$((port_base + 4))
check_ports_free "$v1_port" "$v2_port" "$nginx_port" "$engine_port" "$admin_port"
setup_workdir bench_engine

# ---------------------------------------------------------------------------------------------
# Access logs: compare like with like.
engine_extra=()
# The engine's way to turn its access log off: `--access-log off` or `--no-access-log`.
engine_access_log_off_flag
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
start_backend "$v1_port" "$v2_port" "$backend_workers"

start_nginx proxy "$here/nginx-proxy.conf.in" V1_PORT="$v1_port" V2_PORT="$v2_port" \
  PROXY_PORT="$nginx_port" ACCESS_LOG="$nginx_access_log"
nginx_pid=$started_pid
wait_ready "nginx proxy" "http://127.0.0.1:$nginx_port/" "$nginx_pid" "$work/proxy/stderr.log"

if ((with_engine)); then
  generate_project "$v1_port" "$v2_port"
  start_engine "$engine_port" "$admin_port" "${engine_extra[@]}"
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
for target in "${targets[@]}"; do check_answers "$target" "${url[$target]}"; done
log "all targets answer 200"

# ---------------------------------------------------------------------------------------------
# wrk runs.
mkdir -p "$work/wrk"
results=$work/results.tsv # target conc round rps mean_us p50_us p99_us requests errors cpu_us_per_request
: >"$results"

declare -A server_pid=([direct]=$backend_pid [nginx]=$nginx_pid)
((with_engine)) && server_pid[engine]=$engine_pid
clock_ticks=$(getconf CLK_TCK 2>/dev/null || echo 100)

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
  echo "engine: $(engine_description), --threads 1${engine_extra[*]:+ ${engine_extra[*]}}; nginx proxy: worker_processes 1, upstream keepalive"
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

# Shell functions shared by bench_engine.sh, bench_loadgen.sh and bench_soak.sh. Source it, do
# not run it:
#
#   bench_name=bench_xxx   # prefix of error messages
#   keep=0                 # 1: keep the temp dir on exit
#   . "$here/bench_common.sh"
#
# It defines functions only (and the variables they set when called); nothing runs on sourcing.
# shellcheck shell=bash disable=SC2034  # sets variables for the scripts that source it

bench_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bench_repo=$(cd "$bench_here/../../.." && pwd)

log() { printf '[bench] %s\n' "$*" >&2; }
die() {
  printf '%s: %s\n' "${bench_name:-bench}" "$*" >&2
  exit 1
}

# ---------------------------------------------------------------------------------------------
# Dependencies (Debian 12 packages), installed like .ci/install-deps does.
find_nginx() {
  command -v nginx 2>/dev/null || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true
}
# Installs wrk, nginx, curl and python3 when missing; sets NGINX.
ensure_packages() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  [[ -n "$(find_nginx)" ]] || missing+=(nginx)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  if ((${#missing[@]} > 0)); then
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
  fi
  NGINX=$(find_nginx)
  [[ -n "$NGINX" ]] || die "nginx not found after install"
}

# ---------------------------------------------------------------------------------------------
# The engine binary: sets cli (absolute path) and engine_help (`serve --help`).
find_engine_cli() {
  cli=""
  if [[ -n "${MESHSTUDIO_CLI:-}" ]]; then
    cli=$MESHSTUDIO_CLI
    [[ -x "$cli" ]] || die "MESHSTUDIO_CLI=$cli is not an executable"
  else
    local candidate
    for candidate in "$bench_repo/build/dev/app/meshstudio-cli" "$bench_repo/build/ci/app/meshstudio-cli" \
      "$bench_repo"/build/*/app/meshstudio-cli "$bench_repo/build/app/meshstudio-cli"; do
      if [[ -x "$candidate" ]]; then
        cli=$candidate
        break
      fi
    done
    [[ -n "$cli" ]] || die "no meshstudio-cli found under $bench_repo/build; build it or set MESHSTUDIO_CLI"
  fi
  cli=$(cd "$(dirname "$cli")" && pwd)/$(basename "$cli")
  engine_help=$("$cli" serve --help 2>&1) || true
  grep -q -- '--listen' <<<"$engine_help" ||
    die "$cli has no working 'serve' command; 'serve --help' said: $(head -3 <<<"$engine_help")"
  case "$cli" in
    */asan/* | */debug/* | */Debug/*) log "WARNING: $cli looks like a debug/sanitizer build" ;;
  esac
}

# "PATH (BuildType)" of the engine binary, from its build tree's CMakeCache.txt.
engine_description() {
  local build_type="" cache
  cache=$(dirname "$(dirname "$cli")")/CMakeCache.txt
  [[ -f "$cache" ]] && build_type=" ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$cache"))"
  echo "$cli$build_type"
}

# The engine's way to turn its access log off (`--access-log off` or `--no-access-log`), from
# engine_help: sets the array engine_log_off (empty when it has none).
engine_access_log_off_flag() {
  engine_log_off=()
  if grep -q -- '--access-log stdout|off' <<<"$engine_help"; then
    engine_log_off=(--access-log off)
  elif grep -q -- '--no-access-log' <<<"$engine_help"; then
    engine_log_off=(--no-access-log)
  fi
}

# ---------------------------------------------------------------------------------------------
# Ports, temp dir, cleanup.

# Fails when one of the ports on 127.0.0.1 is taken.
check_ports_free() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port 127.0.0.1:$port is in use; set BENCH_PORT_BASE to a free range of $# ports"
    fi
  done
}

# Creates the temp dir (sets work) and installs the traps that stop every process in pids and
# remove the temp dir (unless keep=1) on exit, also on Ctrl-C and SIGTERM.
setup_workdir() { # prefix
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  pids=()
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}
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
  if ((${keep:-0})); then
    log "kept $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}

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

# Waits until URL answers 200; fails if PID dies: wait_ready WHAT URL PID STDERR_FILE
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

# Starts nginx as the current user from TEMPLATE filled into $work/NAME/nginx.conf; sets
# started_pid. start_nginx NAME TEMPLATE KEY=VALUE...
start_nginx() {
  local name=$1 template=$2
  shift 2
  local dir=$work/$name user_line=""
  ((EUID == 0)) && user_line="user $(id -un) $(id -gn);"
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

# The backend nginx (nginx-backend.conf.in) on V1_PORT and V2_PORT, ready; sets backend_pid.
# start_backend V1_PORT V2_PORT WORKERS [TEMPLATE]
start_backend() {
  start_nginx backend "${4:-$bench_here/nginx-backend.conf.in}" BACKEND_WORKERS="$3" V1_PORT="$1" V2_PORT="$2"
  backend_pid=$started_pid
  wait_ready "backend nginx" "http://127.0.0.1:$1/" "$backend_pid" "$work/backend/stderr.log"
  wait_ready "backend nginx" "http://127.0.0.1:$2/" "$backend_pid" "$work/backend/stderr.log"
}

# The benchmark project (project/*.in) in $work/project, routed to the two backend ports.
# generate_project V1_PORT V2_PORT
generate_project() {
  project=$work/project
  mkdir -p "$project"
  local template
  for template in "$bench_here"/project/*.in; do
    fill "$template" "$project/$(basename "$template" .in)" \
      V1_ADDR="127.0.0.1:$1" V2_ADDR="127.0.0.1:$2"
  done
}

# meshstudio-cli serve --threads 1 on the generated project, stdout to /dev/null, stderr to
# $work/engine.stderr, ready; sets engine_pid. start_engine MESH_PORT ADMIN_PORT EXTRA_ARGS...
start_engine() {
  local mesh_port=$1 admin_port=$2
  shift 2
  local engine_cmd=("$cli" serve --listen "127.0.0.1:$mesh_port" --admin "127.0.0.1:$admin_port"
    --threads 1 "$@" "$project")
  log "engine: ${engine_cmd[*]} >/dev/null"
  "${engine_cmd[@]}" >/dev/null 2>"$work/engine.stderr" &
  engine_pid=$!
  pids+=("$engine_pid")
  wait_ready "engine" "http://127.0.0.1:$admin_port/ready" "$engine_pid" "$work/engine.stderr"
}

# Fails unless URL (with Host: backend) answers 200 with the backend's body: check_answers NAME URL
check_answers() {
  local response
  response=$(curl -sS --max-time 5 -H 'Host: backend' -w ' %{http_code}' "$2" 2>&1) ||
    die "$1 ($2) failed: $response"
  [[ "$response" =~ ^v[12]\ 200$ ]] || die "$1 ($2) answered '$response', expected 'v1 200' or 'v2 200'"
}

# ---------------------------------------------------------------------------------------------
# Measurements.

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
cpu_ticks() {
  local pid total=0 stat fields
  for pid in "$1" $(pgrep -P "$1" 2>/dev/null); do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }" # fields[11] utime, fields[12] stime
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}

# Resident set size of a process, in KiB (VmRSS).
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
# Open file descriptors of a process.
fd_count() { find "/proc/$1/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l; }
# What those descriptors are: "socket:12 anon_inode:[eventpoll]:1 /dev/null:2 ..." (sorted).
fd_kinds() {
  local fd
  for fd in "/proc/$1/fd"/*; do readlink "$fd" 2>/dev/null || true; done |
    sed -e 's/^socket:.*/socket/' -e 's/^pipe:.*/pipe/' | sort | uniq -c | awk '{ printf "%s%s:%s", sep, $2, $1; sep = " " }'
}
# The TCP sockets among a process's fds, one per line: "STATE LOCAL REMOTE" (from /proc/net/tcp);
# other sockets as "socket:[INODE]".
fd_sockets() {
  python3 - "$1" <<'PY'
import os, sys
pid = sys.argv[1]
states = {"01": "ESTABLISHED", "02": "SYN_SENT", "03": "SYN_RECV", "04": "FIN_WAIT1", "05": "FIN_WAIT2",
          "06": "TIME_WAIT", "07": "CLOSE", "08": "CLOSE_WAIT", "09": "LAST_ACK", "0A": "LISTEN", "0B": "CLOSING"}
def addr(text):
    host, port = text.split(":")
    if len(host) == 8:
        host = ".".join(str(int(host[i:i + 2], 16)) for i in (6, 4, 2, 0))
    return f"{host}:{int(port, 16)}"
tcp = {}
for table in ("/proc/net/tcp", "/proc/net/tcp6"):
    try:
        for line in open(table).read().splitlines()[1:]:
            f = line.split()
            tcp[f[9]] = f"{states.get(f[3], f[3])} {addr(f[1])} {addr(f[2])}"
    except OSError:
        pass
fd_dir = f"/proc/{pid}/fd"
for fd in sorted(os.listdir(fd_dir), key=int):
    try:
        target = os.readlink(os.path.join(fd_dir, fd))
    except OSError:
        continue
    if target.startswith("socket:["):
        print(tcp.get(target[8:-1], target))
PY
}

# Sourced by .ci/studio and .ci/test.
#
# Run through sudo, the scripts install packages as root but build (and launch) as the calling
# user, so that build/ never ends up owned by root: when that user owns the work tree and
# build/ is absent or theirs. `as_user` is the command prefix for that; empty otherwise.
as_user=()
if ((EUID == 0)) && [[ -n "${SUDO_USER:-}" && "$SUDO_USER" != root ]] &&
  [[ "$(stat -c %U .)" == "$SUDO_USER" ]] &&
  [[ ! -e build || "$(stat -c %U build)" == "$SUDO_USER" ]]; then
  as_user=(sudo -u "$SUDO_USER" -H env "PATH=$PATH" "XDG_RUNTIME_DIR=/run/user/$(id -u "$SUDO_USER")")
  for var in DISPLAY XAUTHORITY WAYLAND_DISPLAY CI; do
    if [[ -n "${!var:-}" ]]; then as_user+=("$var=${!var}"); fi
  done
fi

# Configures a preset when it has no build tree yet or the presets changed since; building
# re-runs CMake by itself when a CMakeLists.txt changes.
configure_if_needed() {
  local preset=$1 cache="build/$1/CMakeCache.txt"
  if [[ ! -f "$cache" || CMakePresets.json -nt "$cache" ]]; then
    "${as_user[@]}" cmake --preset "$preset"
  fi
}

#!/usr/bin/env bash
# Retakes the studio screenshots in this folder under a virtual X display.
#
#   docs/screenshots/take-screenshots.sh [BUILD_DIR]     (default: build/dev)
#
# Needs Xvfb and ImageMagick's `import` (apt-get install xvfb imagemagick). Opens a copy of
# the shop sample, so nothing in the source tree is edited. Widget-level pictures (the weight
# split editor, the topology) are written by their tests with MESHSTUDIO_UPDATE_SCREENSHOTS=1.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${1:-$repo/build/dev}
studio="$build/app/meshstudio"
[[ -x "$studio" ]] || { echo "no studio binary at $studio; build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "${app:-}" "${xvfb:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$repo/resources/samples/shop" "$work/shop"
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1200x760x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1

shoot() {  # shoot NAME ARGS... : start the studio with ARGS, wait, capture, stop
  local name=$1
  shift
  DISPLAY=$display XDG_CONFIG_HOME="$work/config" "$studio" "$@" >/dev/null 2>&1 &
  app=$!
  sleep 3
  DISPLAY=$display import -window root "$here/$name.png"
  kill "$app"
  wait "$app" 2>/dev/null || true
  echo "wrote $here/$name.png"
}

shoot main-window "$work/shop" --select "VirtualService shop/reviews"
(cd "$build" && QT_QPA_PLATFORM=offscreen MESHSTUDIO_UPDATE_SCREENSHOTS=1 ./tests/app_tst_topology >/dev/null &&
  QT_QPA_PLATFORM=offscreen MESHSTUDIO_UPDATE_SCREENSHOTS=1 ./tests/views_tst_weightspliteditor >/dev/null) &&
  echo "wrote $here/topology.png and $here/weight-split-editor.png"

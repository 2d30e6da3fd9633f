#!/usr/bin/env bash
# Retakes the studio screenshots in this folder under a virtual X display.
#
#   docs/screenshots/take-screenshots.sh [BUILD_DIR]     (default: build/dev)
#
# Needs Xvfb and ImageMagick's `import` (apt-get install xvfb imagemagick). Opens copies of
# the shop sample, so nothing in the source tree is edited:
#   main-window, *-editor     the clean sample, one resource of each kind selected
#   yaml-error                a file with a document that does not parse: its text, marked
#   diagnostics               a typo (host reviewz) and a 0-weight canary: the Diagnostics dock
#                             and the marks in the YAML view
#   topology-dock             the Topology dock over the sample
# Widget-level pictures (the weight split editor, the topology graph) are written by their
# tests with MESHSTUDIO_UPDATE_SCREENSHOTS=1. The engine's pictures need a running engine and
# load test, so tests/app/tst_loaddock.cpp writes them the same way (trial-dock-trace,
# load-test-dock, topology-overlay); the cluster pictures need the Kubernetes API test server, so
# tests/app/tst_clusterdock.cpp writes them (cluster-diff: the diff view before an apply, with a
# canary's weights changed against the live ones; cluster-dock: a conflict with its owner). This
# script runs those last, and tests/app/tst_canarydock.cpp too: a rehearsed canary rollout that
# is rolled back (canary-rollback).
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

# A local rate limit from the studio's own template, so its editor has something to show.
sed -e 's/${name}/reviews-rate-limit/; s/${namespace}/shop/; s/${app}/reviews/' \
  "$repo/resources/templates/rate-limit.yaml" >"$work/shop/rate-limit.yaml"

shoot main-window "$work/shop" --select "VirtualService shop/reviews"
shoot destination-rule-editor "$work/shop" --select "DestinationRule shop/reviews"
shoot gateway-editor "$work/shop" --select "Gateway shop/shop-gateway"
shoot workload-editor "$work/shop" --select "Deployment shop/reviews-v2"
shoot rate-limit-editor "$work/shop" --select "EnvoyFilter shop/reviews-rate-limit"
shoot topology-dock "$work/shop" --select "VirtualService shop/reviews" --dock topology

cp -r "$repo/resources/samples/shop" "$work/broken"
# First in file order, so the whole-project view (nothing selected) starts with it.
printf 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: draft\n  namespace: shop\nspec:\n  hosts: [details\n  http:\n  - route:\n    - destination: {host: details}\n' >"$work/broken/00-draft.yaml"
shoot yaml-error "$work/broken"

cp -r "$repo/resources/samples/shop" "$work/typo"
sed -i '0,/subset: v3/s//subset: v4/' "$work/typo/routing.yaml"
sed -i '0,/host: ratings$/s//host: ratingz/' "$work/typo/routing.yaml"
shoot diagnostics "$work/typo" --select "VirtualService shop/ratings" --dock diagnostics
(cd "$build" && QT_QPA_PLATFORM=offscreen MESHSTUDIO_UPDATE_SCREENSHOTS=1 ./tests/app_tst_topology >/dev/null &&
  QT_QPA_PLATFORM=offscreen MESHSTUDIO_UPDATE_SCREENSHOTS=1 ./tests/views_tst_weightspliteditor >/dev/null) &&
  echo "wrote $here/topology.png and $here/weight-split-editor.png"
(cd "$build" && QT_QPA_PLATFORM=offscreen MESHSTUDIO_UPDATE_SCREENSHOTS=1 ./tests/app_tst_loaddock >/dev/null) &&
  echo "wrote $here/trial-dock-trace.png, load-test-dock.png and topology-overlay.png"
(cd "$build" && QT_QPA_PLATFORM=offscreen MESHSTUDIO_UPDATE_SCREENSHOTS=1 ./tests/app_tst_clusterdock >/dev/null) &&
  echo "wrote $here/cluster-diff.png and cluster-dock.png"
(cd "$build" && QT_QPA_PLATFORM=offscreen MESHSTUDIO_UPDATE_SCREENSHOTS=1 ./tests/app_tst_canarydock >/dev/null) &&
  echo "wrote $here/canary-rollback.png"

#!/usr/bin/env bash
# Renders a report's index.html in headless Chromium and saves a full-page screenshot, to look at the page as a
# reader would. Needs Debian's `chromium` package (apt-get install chromium).
# Usage: tests/screenshot.sh [REPORT_DIR] [OUT.png] [HEIGHT]
set -euo pipefail
dir=${1:-reports}
out=${2:-/tmp/stenogram-report.png}
height=${3:-6000}
page="$(cd "$dir" && pwd)/index.html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --window-size=1280,"$height" --screenshot="$out" "file://$page" 2>/dev/null
echo "$out"

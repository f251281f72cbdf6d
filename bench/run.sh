#!/usr/bin/env bash
# End-to-end benchmark: `stenogram report` on ../shared/bench (ruslit as narration + 172 Kremlin pages) and on a
# 10x replica of it, beside the Python pipeline a user would write (../shared/anchors/anchor_pipeline.py, razdel +
# PyStemmer + NLTK) and the naive tokenize-and-count loop (../shared/anchors/naive-count) on ruslit, in one run. Prints wall seconds, MB/s, word tokens/s and peak RSS for each, and the ratios.
#
#   bench/run.sh                 # everything (the anchor on the 10x replica alone takes ~9 minutes)
#   ANCHOR_10X=0 bench/run.sh    # skip the anchor on the 10x replica
#   RUNS=5 bench/run.sh          # medians of 5 runs of stenogram (default 3; the anchor runs once)
#   bench/run.sh pages           # only the site-mirror case: `stenogram report` on 7,200 en.kremlin.ru pages (HTML)
#
# The site-mirror case builds, in a temporary folder, a `wget --mirror` of 7,200 news pages from the 300 pages of
# ../shared/pages, each copied 24 times under new news ids (the id in its URL becomes 1000000 + id, 2000000 + id, …): 314 MB of
# HTML. Targets: <= 6 s (issue 28) and <= 250 MiB peak RSS on 2 cores.
#
# Needs python3 with venv (it installs nltk, razdel and PyStemmer from PyPI into $VENV) and /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${SHARED:-$root/../shared}
data=$shared/bench
runs=${RUNS:-3}
venv=${VENV:-/tmp/stenogram-anchor-venv}
work=$(mktemp -d /tmp/stenogram-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

[ -d "$data" ] || { echo "bench/run.sh: $data is absent" >&2; exit 1; }
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$root/target}/release/stenogram

# The site-mirror case: 24 copies of each page of ../shared/pages under new news ids.
pages_case() {
  local pages=$shared/pages/en.kremlin.ru/events/president/news
  [ -d "$pages" ] || { echo "bench/run.sh: $pages is absent" >&2; exit 1; }
  local mirror=$work/mirror/en.kremlin.ru/events/president/news
  mkdir -p "$mirror"
  python3 - "$pages" "$mirror" <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src)):
    news_id = name[:-len('.html')]
    html = open(os.path.join(src, name), encoding='utf-8').read()
    for copy in range(1, 25):
        new_id = str(copy * 1000000 + int(news_id))
        with open(os.path.join(dst, new_id + '.html'), 'w', encoding='utf-8') as out:
            out.write(html.replace(f'/news/{news_id}"', f'/news/{new_id}"'))
PY
  local n bytes
  n=$(find "$work/mirror" -name '*.html' | wc -l)
  bytes=$(find "$work/mirror" -name '*.html' -print0 | xargs -0 cat | wc -c)
  local r
  r=$(measure report-pages "$runs" "$bin" report "$work/mirror" --out "$work/rp" --quiet)
  read -r _ wall rss <<<"$r"
  local meetings
  meetings=$(($(wc -l < "$work/rp/meetings.csv") - 1))
  awk -v n="$n" -v b="$bytes" -v t="$wall" -v m="$rss" -v k="$meetings" 'BEGIN {
    printf "site mirror: %d pages, %.0f MB of HTML, %d meetings: %.2f s (%.1f MB/s), peak RSS %.1f MiB (targets: <= 6 s, <= 250 MiB)\n", n, b/1e6, k, t, b/1e6/t, m/1024 }'
}

if [ "${1:-}" != pages ] && [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet nltk razdel PyStemmer
fi

# The 10x replica: ten folders of symbolic links to the same files (distinct paths, so ten times the meetings).
mkdir -p "$work/x10"
for i in $(seq 1 10); do cp -rs "$data/ruslit" "$work/x10/$i-ruslit"; cp -rs "$data/kremlin-ru-2025" "$work/x10/$i-kremlin"; done
( cd "$data" && find ruslit kremlin-ru-2025 -name '*.txt' | sort ) > "$work/files1.txt"
for i in $(seq 1 10); do cat "$work/files1.txt"; done > "$work/files10.txt"
bytes1=$(cd "$data" && tr '\n' '\0' < "$work/files1.txt" | xargs -0 cat | wc -c)
bytes10=$((bytes1 * 10))

# measure NAME BYTES CMD...: median wall seconds and max RSS over $runs runs (1 run when RUNS_FOR=1).
measure() {
  local name=$1 n=$2; shift 2
  local walls=() rss=0
  for _ in $(seq 1 "$n"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" || { echo "$name failed:"; cat "$work/stderr"; exit 1; }
    read -r w r < "$work/time"
    walls+=("$w"); [ "$r" -gt "$rss" ] && rss=$r
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$name $median $rss"
}

words_of() { awk -F, 'NR>1 {s+=$4} END {print s}' "$1/speakers.csv"; }

# The naive loop of ../shared/anchors/naive-count (split on non-letters, lowercase, count in a hashbrown map; one
# thread), built outside the repository: the per-core measuring stick of issue 28.
naive_case() {
  local src=$shared/anchors/naive-count target=${NAIVE_TARGET:-/tmp/stenogram-naive-target}
  [ -d "$src" ] || { echo "bench/run.sh: $src is absent" >&2; exit 1; }
  CARGO_TARGET_DIR="$target" cargo build --release --quiet --manifest-path "$src/Cargo.toml"
  naive=$target/release/naive-count
}

if [ "${1:-}" = pages ]; then
  echo "stenogram $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores" >&2
  pages_case
  exit 0
fi
echo "stenogram $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, data $((bytes1 / 1000000)) MB" >&2
bytes_ruslit=$(cd "$data" && grep '^ruslit/' "$work/files1.txt" | tr '\n' '\0' | xargs -0 cat | wc -c)
naive_case
results=()
results+=("$(measure naive-ruslit "$runs" "$naive" --hb --fast "$data/ruslit")")
results+=("$(measure report-ruslit-jobs1 "$runs" "$bin" report "$data/ruslit" --out "$work/rl" --quiet --jobs 1 --charts none)")
words_ruslit=$(words_of "$work/rl")
results+=("$(measure report-1x "$runs" "$bin" report "$data" --out "$work/r1" --quiet)")
words1=$(words_of "$work/r1")
results+=("$(measure report-1x-jobs1 "$runs" "$bin" report "$data" --out "$work/j1" --quiet --jobs 1)")
results+=("$(measure report-1x-jobs2 "$runs" "$bin" report "$data" --out "$work/j2" --quiet --jobs 2)")
results+=("$(measure report-10x "$runs" "$bin" report "$work/x10" --out "$work/r10" --quiet)")
words10=$(words_of "$work/r10")
results+=("$(measure anchor-1x 1 "$venv/bin/python" "$shared/anchors/anchor_pipeline.py" "$data" "$work/a1" --no-gc --files-from "$work/files1.txt")")
anchor_tokens1=$(awk '/^tokens/ {print $2}' "$work/stdout")
if [ "${ANCHOR_10X:-1}" != 0 ]; then
  results+=("$(measure anchor-10x 1 "$venv/bin/python" "$shared/anchors/anchor_pipeline.py" "$data" "$work/a10" --no-gc --files-from "$work/files10.txt")")
fi

identical=yes
for f in $(cd "$work/j1" && find . -name '*.csv' -o -name '*.svg' -o -name '*.html' | sort); do
  cmp -s "$work/j1/$f" "$work/j2/$f" || { identical="NO ($f differs)"; break; }
done

printf '\n%-18s %9s %9s %14s %10s\n' job wall_s MB/s word_tokens/s peak_MiB
for r in "${results[@]}"; do
  read -r name wall rss <<<"$r"
  case $name in *10x*) b=$bytes10; w=$words10 ;; *ruslit*) b=$bytes_ruslit; w=$words_ruslit ;; *) b=$bytes1; w=$words1 ;; esac
  case $name in anchor*) w=$anchor_tokens1; [ "$name" = anchor-10x ] && w=$((anchor_tokens1 * 10)) ;; esac
  awk -v n="$name" -v t="$wall" -v b="$b" -v w="$w" -v m="$rss" \
    'BEGIN {printf "%-18s %9.2f %9.1f %14.0f %10.1f\n", n, t, b/1e6/t, w/t, m/1024}'
  eval "wall_${name//-/_}=$wall rss_${name//-/_}=$rss"
done
echo
awk -v a="$wall_anchor_1x" -v s="$wall_report_1x" 'BEGIN {printf "anchor / stenogram (1x):       %6.1fx  (target >= 100x, stretch 150x)\n", a/s}'
[ -n "${wall_anchor_10x:-}" ] && awk -v a="$wall_anchor_10x" -v s="$wall_report_10x" 'BEGIN {printf "anchor / stenogram (10x):      %6.1fx\n", a/s}'
awk -v n="$wall_naive_ruslit" -v t="$wall_report_ruslit_jobs1" 'BEGIN {printf "ruslit, --jobs 1 --charts none: %5.1f%% of the naive loop'"'"'s throughput (target >= 50%%)\n", 100*n/t}'
awk -v a="$wall_report_1x_jobs1" -v b="$wall_report_1x_jobs2" 'BEGIN {printf "--jobs 1 / --jobs 2:           %6.2fx  (target >= 1.8x)\n", a/b}'
awk -v m="$rss_report_1x" 'BEGIN {printf "peak RSS 1x:                   %6.1f MiB (target <= 150)\n", m/1024}'
awk -v a="$rss_report_10x" -v b="$rss_report_1x" 'BEGIN {printf "peak RSS 10x / 1x:             %6.2fx  (target <= 1.5x)\n", a/b}'
echo "output identical for --jobs 1 and --jobs 2: $identical"
echo
pages_case

#!/usr/bin/env bash
# Paired comparison of `stenogram report ../shared/bench` between an earlier commit and the working tree: both are
# built in release, then run alternately (BASE, NEW, BASE, NEW, …) so that a slow spell of a shared machine falls on
# both; prints each one's median wall time, CPU time and peak RSS, and the median of the paired ratios NEW / BASE.
#
#   bench/compare.sh 3eb801b          # the stem view before lemmas against the working tree, 6 rounds
#   RUNS=10 bench/compare.sh 3eb801b  # more rounds (machines here vary by ±15% between identical runs)
#   ARGS="--view stem" bench/compare.sh HEAD   # extra options of `report` (for both)
#
# Needs git, /usr/bin/time and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
base_rev=${1:?usage: bench/compare.sh BASE_REV}
runs=${RUNS:-6}
shared=${SHARED:-$root/../shared}
data=$shared/bench
[ -d "$data" ] || { echo "bench/compare.sh: $data is absent" >&2; exit 1; }
work=$(mktemp -d /tmp/stenogram-compare.XXXXXX)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add --detach --quiet "$work/base" "$base_rev"
echo "building $base_rev and the working tree (release)…" >&2
(cd "$work/base" && CARGO_TARGET_DIR="$work/base-target" cargo build --release --quiet)
cargo build --release --quiet
base=$work/base-target/release/stenogram
new=${CARGO_TARGET_DIR:-$root/target}/release/stenogram

for i in $(seq 1 "$runs"); do
  for which in base new; do
    bin=$base
    [ "$which" = new ] && bin=$new
    # shellcheck disable=SC2086
    /usr/bin/time -f "$which %e %U %S %M" "$bin" report "$data" --out "$work/out-$which" --quiet ${ARGS:-} \
      2>>"$work/times" >/dev/null
  done
  echo "round $i of $runs done" >&2
done

python3 - "$work/times" "$base_rev" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.split() and l.split()[0] in ("base", "new")]
runs = {w: [(float(r[1]), float(r[2]) + float(r[3]), int(r[4]) / 1024) for r in rows if r[0] == w] for w in ("base", "new")}
for w, label in (("base", sys.argv[2]), ("new", "working tree")):
    v = runs[w]
    print(f"{label:>14}: wall median {statistics.median(x[0] for x in v):.2f} s, "
          f"CPU median {statistics.median(x[1] for x in v):.2f} s, peak RSS {max(x[2] for x in v):.0f} MiB "
          f"(walls: {', '.join(f'{x[0]:.2f}' for x in v)})")
pairs = list(zip(runs["base"], runs["new"]))
wall = [n[0] / b[0] for b, n in pairs]
cpu = [n[1] / b[1] for b, n in pairs]
print(f"paired ratios new/base, wall: {', '.join(f'{r:.3f}' for r in wall)}; median {statistics.median(wall):.3f}")
print(f"paired ratios new/base, CPU:  {', '.join(f'{r:.3f}' for r in cpu)}; median {statistics.median(cpu):.3f}")
PY

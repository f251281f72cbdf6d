#!/usr/bin/env python3
"""Independent Python reference for stenogram's Delta measures and bootstrap consensus tree (numpy, scipy).

Writes tests/golden/expected_consensus.json: for each case, Burrows' and Cosine Delta at the size distances.csv
reports, the sizes of the consensus, its majority clades with the trees holding each, every pair's stability and
the consensus tree in Newick. Run from the repository root:

    python3 -m venv /tmp/golden-venv && /tmp/golden-venv/bin/pip install scipy==1.17.1
    cargo build --release
    /tmp/golden-venv/bin/python tests/golden/make_consensus.py [--bin target/release/stenogram]

Cases:
- `input_range`, `input_default`: the token lists of tests/golden/input.json (key view, every speaker), with
  `--mfw 10..100:10` and `--mfw 50` (the consensus then over 100..1000:100, capped at the number of distinct tokens).
- `kremlin`: the counts of `matrix.csv` (lemma view, summed over meetings) of
  `stenogram report ../shared/corpus/kremlin --matrix --min-words 600 --charts none` (default `--mfw 150`); stenogram
  only counts, everything after is computed here. Skipped, with a message, when ../shared is absent.

Conventions (as stenogram documents them in src/stats/distance.rs, src/stats/consensus.rs and src/report/newick.rs),
written again here from those definitions:
- Speakers: those with at least min_words words, `(narration)` and the group labels (`Вопрос`, …) left out, by name.
- MFW: the terms by summed count over those speakers, ties by term (code point order); relative frequencies, z-scores
  per term with the sample standard deviation (ddof=1; a term used at one rate by all has z = 0).
- Burrows' Delta = mean |z_a - z_b|; Cosine Delta = scipy.spatial.distance.cosine (NaN with an all-zero vector).
- Sizes: the range's, each capped at the number of distinct terms, repeated sizes once. A size with an undefined
  Cosine Delta gives no tree.
- Trees: scipy.cluster.hierarchy.linkage(condensed Cosine Delta, method="average"); clades are the merges' leaf sets
  short of the root. Majority rule: clades in more than half of the trees, and those in exactly half that contradict
  no other clade in exactly half.
- Nearest neighbour: numpy.argmin over the other speakers (the first of equals). Stability: the share of trees in which
  one of a pair is the other's nearest, and in which the two are a clade of exactly two; min and max Cosine Delta.
- Newick: children of a node are its speakers by name, then its clades by (number of speakers, first speaker);
  names of ASCII letters, digits, `.` and `-` as they are, others in single quotes (a quote doubled); clades labelled
  with their support written as Python's repr of the float; the root unlabelled; `;` and a newline.
"""

import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from importlib.metadata import version

import numpy
from scipy.cluster.hierarchy import linkage, to_tree
from scipy.spatial.distance import cosine, jensenshannon

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "tests", "golden")
OUT = os.path.join(HERE, "expected_consensus.json")
LEFT_OUT = {"(narration)", "Вопрос", "Реплика", "Ответ", "Голос из зала", "Реплика из зала", "Ведущий", "Ведущая",
            "Модератор", "Question", "Remark", "Reply", "Answer"}
KREMLIN_ARGS = ["../shared/corpus/kremlin", "--matrix", "--min-words", "600", "--charts", "none"]


def sizes_of(mfw):
    """The sizes of a `--mfw` value: one number or START..END:STEP."""
    if ".." in mfw:
        start, rest = mfw.split("..")
        end, step = rest.split(":")
        return list(range(int(start), int(end) + 1, int(step)))
    return [int(mfw)]


def case(counts, min_words, mfw):
    """Everything the Rust test compares, from counts[speaker][term]."""
    totals = {s: sum(c.values()) for s, c in counts.items()}
    speakers = sorted(s for s in counts if s not in LEFT_OUT and totals[s] >= max(min_words, 1))
    n = len(speakers)
    summed = Counter()
    for s in speakers:
        summed.update(counts[s])
    ranked = sorted((t for t in summed if summed[t] > 0), key=lambda t: (-summed[t], t))
    one = ".." not in mfw
    size = min(sizes_of(mfw)[-1], len(ranked))
    consensus_mfw = "100..1000:100" if one else mfw
    sizes = []
    for s in sizes_of(consensus_mfw):
        s = min(s, len(ranked))
        if s > 0 and (not sizes or sizes[-1] != s):
            sizes.append(s)
    top = ranked[: max(size, sizes[-1] if sizes else 0)]
    rel = numpy.array([[counts[s][t] / totals[s] for t in top] for s in speakers])
    sd = rel.std(axis=0, ddof=1)
    z = numpy.where(sd > 0, (rel - rel.mean(axis=0)) / numpy.where(sd > 0, sd, 1), 0.0)
    out = {"mfw": mfw, "min_words": min_words, "speakers": speakers, "size": size, "sizes": sizes}
    pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
    key = lambda i, j: f"{speakers[i]}|{speakers[j]}"
    out["burrows_delta"] = {key(i, j): float(numpy.abs(z[i, :size] - z[j, :size]).mean()) for i, j in pairs}
    out["cosine_delta"] = {key(i, j): float(cosine(z[i, :size], z[j, :size])) for i, j in pairs}
    vocabulary = sorted(set().union(*(counts[s] for s in speakers)))
    dist = {s: numpy.array([counts[s][t] / totals[s] for t in vocabulary]) for s in speakers}
    out["jensen_shannon"] = {key(i, j): float(jensenshannon(dist[speakers[i]], dist[speakers[j]], base=2))
                             for i, j in pairs}
    clades, treed = Counter(), []
    nearest, cherries = Counter(), Counter()
    low, high = {}, {}
    for k in sizes:
        d = numpy.array([[cosine(z[i, :k], z[j, :k]) if i != j else 0.0 for j in range(n)] for i in range(n)])
        if numpy.isnan(d).any():
            continue
        treed.append(k)
        condensed = numpy.array([d[i, j] for i, j in pairs])
        root = to_tree(linkage(condensed, method="average"))
        stack = [root]
        while stack:
            node = stack.pop()
            if node.is_leaf():
                continue
            stack.extend([node.get_left(), node.get_right()])
            if node is not root:
                leaves = tuple(sorted(node.pre_order()))
                clades[leaves] += 1
                if len(leaves) == 2:
                    cherries[leaves] += 1
        near = set()
        for i in range(n):
            row = d[i].copy()
            row[i] = numpy.inf
            j = int(numpy.argmin(row))
            near.add((min(i, j), max(i, j)))
        for p in pairs:
            nearest[p] += p in near
            v = float(d[p])
            low[p] = min(low.get(p, v), v)
            high[p] = max(high.get(p, v), v)
    trees = len(treed)
    out["trees"] = trees
    half = [c for c, k in clades.items() if 2 * k == trees]

    def conflict(x, y):
        common = len(set(x) & set(y))
        return 0 < common < min(len(x), len(y))

    kept = {c: k for c, k in clades.items()
            if 2 * k > trees or (2 * k == trees and not any(conflict(h, c) for h in half))}
    out["clades"] = [{"speakers": [speakers[i] for i in c], "trees": kept[c]}
                     for c in sorted(kept, key=lambda c: (-len(c), c))]
    share = lambda part: part / trees if trees else float("nan")
    out["stability"] = [
        {"a": speakers[i], "b": speakers[j], "sizes": trees, "nearest_share": share(nearest[(i, j)]),
         "clade_share": share(cherries[(i, j)]), "cosine_delta_min": low.get((i, j), float("nan")),
         "cosine_delta_max": high.get((i, j), float("nan"))}
        for i, j in pairs
    ]
    out["newick"] = newick(speakers, kept, trees) if n >= 3 else None
    return out


def label(name):
    plain = name and all((c.isascii() and c.isalnum()) or c in ".-" for c in name)
    return name if plain else "'" + name.replace("'", "''") + "'"


def newick(speakers, kept, trees):
    """The majority-rule tree of the kept clades, written independently of the Rust tree builder."""
    everyone = tuple(range(len(speakers)))

    def parent(c):
        holders = [h for h in kept if set(c) < set(h)]
        return min(holders, key=len) if holders else everyone

    children = defaultdict(list)
    for c in kept:
        children[parent(c)].append(c)
    for i in everyone:
        children[parent((i,))].append((i,))

    def write(node):
        if len(node) == 1 and node != everyone:
            return label(speakers[node[0]])
        kids = sorted(children[node], key=lambda c: (len(c), min(c)))
        inner = ",".join(write(k) for k in kids)
        return f"({inner})" + ("" if node == everyone else repr(kept[node] / trees))

    return write(everyone) + ";\n"


def from_input():
    data = json.loads(open(os.path.join(HERE, "input.json"), encoding="utf-8").read())
    counts = defaultdict(Counter)
    for meeting in data["meetings"]:
        for turn in meeting["turns"]:
            for sentence in turn["sentences"]:
                counts[turn["speaker"]].update(sentence)
    return counts


def from_kremlin(binary):
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([binary, "report", "--quiet", "--out", out] + KREMLIN_ARGS, cwd=ROOT, check=True)
        counts = defaultdict(Counter)
        with open(os.path.join(out, "matrix.csv"), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["view"] == "lemma":
                    counts[row["speaker"]][row["term"]] += int(row["count"])
        return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "stenogram"))
    args = parser.parse_args()
    out = {"generator": {"numpy": version("numpy"), "scipy": version("scipy")}, "cases": {}}
    counts = from_input()
    out["cases"]["input_range"] = case(counts, 1, "10..100:10")
    out["cases"]["input_default"] = case(counts, 1, "50")
    if os.path.isdir(os.path.join(ROOT, "..", "shared", "corpus", "kremlin")):
        kremlin = case(from_kremlin(args.bin), 600, "150")
        kremlin["args"] = KREMLIN_ARGS
        out["cases"]["kremlin"] = kremlin
    else:
        print("../shared/corpus/kremlin is absent: the kremlin case is left out", file=sys.stderr)
    text = json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False) + "\n"
    open(OUT, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()

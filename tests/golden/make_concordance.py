#!/usr/bin/env python3
"""Golden values for `stenogram kwic --collocates` and `--clusters` (tests/concordance.rs).

An independent recount, in the standard library only: turns come from `stenogram parse --format jsonl`, the words of
each turn (kind, surface, key, stem, lemma) from `stenogram tokens`; everything after that (finding the node,
windows, clusters, counts, forms, MI, logDice, t) is computed here. See tests/golden/README.md.

    python3 tests/golden/make_concordance.py [--bin target/debug/stenogram]

Writes tests/golden/expected_concordance.json. Deterministic: two runs give identical files.
"""

import argparse
import json
import math
import os
import platform
import subprocess
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "tests", "golden", "expected_concordance.json")

SEED = ["corpus/2022-11-28_talks-kazakhstan-tokayev.txt"]
KREMLIN = SEED + [
    "../shared/corpus/kremlin/2025-04-29_meeting-belarus-lukashenko.txt",
    "../shared/corpus/kremlin/2025-04-29_meeting-volgograd-governor-bocharov.txt",
    "../shared/corpus/kremlin/2025-04-29_union-state-forum-lukashenko-volgograd.txt",
]

# name, table, view, pattern, paths, options. Options: window (left, right), size, min_count, speaker, since.
CASES = [
    ("seed_my_collocates", "collocates", "key", "мы", SEED, {"window": (5, 5), "min_count": 1}),
    ("seed_kazakhstan_lemma_clusters", "clusters", "lemma", "Казахстан", SEED, {"size": 2, "min_count": 1}),
    ("my_collocates_since_2025", "collocates", "key", "мы", KREMLIN, {"window": (5, 5), "min_count": 2, "since": "2025"}),
    ("rossiya_lemma_collocates_3_2", "collocates", "lemma", "россия", KREMLIN, {"window": (3, 2), "min_count": 2}),
    ("sotrudnichestvo_stem_collocates_putin", "collocates", "stem", "сотрудничество", KREMLIN,
     {"window": (4, 4), "min_count": 1, "speaker": "В.Путин"}),
    ("soyuznoe_gosudarstvo_lemma_phrase_collocates", "collocates", "lemma", "союзный государство", KREMLIN,
     {"window": (5, 5), "min_count": 1}),
    ("rossiya_lemma_clusters_3", "clusters", "lemma", "россия", KREMLIN, {"size": 3, "min_count": 1}),
    ("soyuznoe_gosudarstvo_lemma_phrase_clusters_4", "clusters", "lemma", "союзный государство", KREMLIN,
     {"size": 4, "min_count": 1}),
    ("my_clusters_lukashenko", "clusters", "key", "мы", KREMLIN, {"size": 2, "min_count": 2, "speaker": "А.Лукашенко"}),
]


def run(binary, args, stdin=None):
    return subprocess.run(
        [binary] + args, input=stdin, capture_output=True, check=True, cwd=ROOT, text=True
    ).stdout


TOKENS = {}


def tokens(binary, text, lang):
    """The tokens of text: dicts with kind, surface, key, stem, lemma (in `tokens --lang lang`)."""
    if (text, lang) not in TOKENS:
        lines = run(binary, ["tokens", "--lang", lang, "-"], stdin=text).split("\n")
        assert lines[0] == "start\tend\tkind\tsurface\tkey\tstem\tlemma\tpos", lines[0]
        rows = []
        for line in lines[1:]:
            if line:
                start, end, kind, surface, key, stem, lemma, _pos = line.split("\t")
                rows.append({"kind": kind, "surface": surface, "key": key, "stem": stem, "lemma": lemma})
        TOKENS[(text, lang)] = rows
    return TOKENS[(text, lang)]


def cyrillic(s):
    return any("\u0400" <= c <= "\u04ff" for c in s)


def units(binary, text, view, pattern):
    """Every token of text with its unit in the view (None for tokens that are not words).

    key: the key. stem: the Snowball stem of the key, Russian when the pattern is Cyrillic, else English, for every
    word. lemma: a Cyrillic word's lemma (the dictionary's reading as written), another word's English stem.
    """
    ru = tokens(binary, text, "ru")
    en = tokens(binary, text, "en") if view != "key" else ru
    out = []
    for r, e in zip(ru, en):
        assert r["surface"] == e["surface"]
        if r["kind"] != "word":
            out.append((r["surface"], None))
        elif view == "key":
            out.append((r["surface"], r["key"]))
        elif view == "stem":
            out.append((r["surface"], r["stem"] if cyrillic(pattern) else e["stem"]))
        else:
            out.append((r["surface"], r["lemma"] if cyrillic(r["key"]) else e["stem"]))
    return out


def most_frequent(forms):
    return min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def searched_turns(binary, paths, options):
    turns = [json.loads(line) for line in run(binary, ["parse", "--format", "jsonl"] + paths).splitlines()]
    if "since" in options:
        turns = [t for t in turns if t["date"] and t["date"][: len(options["since"])] >= options["since"]]
    if "speaker" in options:
        turns = [t for t in turns if t["speaker"] == options["speaker"]]
    return turns


def analyse(binary, view, pattern, paths, options):
    """Per searched turn: (meeting, words [(surface, unit)], hits [(first, past)] as word indices)."""
    wanted = [u for _s, u in units(binary, pattern, view, pattern) if u is not None]
    out = []
    for t in searched_turns(binary, paths, options):
        toks = units(binary, t["text"], view, pattern)
        assert sum(u is not None for _s, u in toks) == t["words"], "tokens and parse count the same words"
        # Word index of each token that is a word; a hit is len(wanted) tokens in a row, all words, with the units.
        index = {}
        for i, (_s, u) in enumerate(toks):
            if u is not None:
                index[i] = len(index)
        hits = []
        m = len(wanted)
        for i in range(len(toks) - m + 1):
            if all(toks[i + k][1] == wanted[k] for k in range(m)):
                hits.append((index[i], index[i] + m))
        words = [(s, u, i) for i, (s, u) in enumerate(toks) if u is not None]
        out.append((t["meeting"], words, hits))
    return out


def collocates(binary, view, pattern, paths, options):
    left, right = options["window"]
    span = left + right
    turns = analyse(binary, view, pattern, paths, options)
    n = sum(len(words) for _m, words, _h in turns)
    f_node = sum(len(hits) for _m, _w, hits in turns)
    corpus = Counter(u for _m, words, _h in turns for _s, u, _i in words)
    o_left, o_right, forms = Counter(), Counter(), defaultdict(Counter)
    for _m, words, hits in turns:
        for first, past in hits:
            for j, (surface, unit, _i) in enumerate(words):
                if 1 <= first - j <= left:
                    o_left[unit] += 1
                elif 0 <= j - past < right:
                    o_right[unit] += 1
                else:
                    continue
                forms[unit][surface] += 1
    rows = []
    left_out = 0
    for unit in set(o_left) | set(o_right):
        o = o_left[unit] + o_right[unit]
        if o < options["min_count"]:
            left_out += 1
            continue
        f_c = corpus[unit]
        expected = f_node * f_c * span / n
        rows.append({
            "collocate": unit,
            "form": most_frequent(forms[unit]),
            "count_window": o,
            "count_left": o_left[unit],
            "count_right": o_right[unit],
            "count_corpus": f_c,
            "mi": math.log2(o * n / (f_node * f_c * span)),
            "log_dice": 14 + math.log2(2 * o / (f_node + f_c)),
            "t_score": (o - expected) / math.sqrt(o),
        })
    rows.sort(key=lambda r: (-r["count_window"], r["collocate"]))
    return {"hits": f_node, "words": n, "left_out": left_out, "rows": rows}


def clusters(binary, view, pattern, paths, options):
    size = options["size"]
    turns = analyse(binary, view, pattern, paths, options)
    counts, meetings, forms = Counter(), defaultdict(set), defaultdict(Counter)
    for meeting, words, hits in turns:
        for s in range(len(words) - size + 1):
            run_ = words[s : s + size]
            # Adjacent tokens: no punctuation, number or symbol between the words.
            if any(run_[k + 1][2] != run_[k][2] + 1 for k in range(size - 1)):
                continue
            if not any(s <= first and past <= s + size for first, past in hits):
                continue
            cluster = " ".join(u for _s, u, _i in run_)
            counts[cluster] += 1
            meetings[cluster].add(meeting)
            forms[cluster][" ".join(s_ for s_, _u, _i in run_)] += 1
    rows = [
        {"cluster": c, "form": most_frequent(forms[c]), "count": k, "meetings": len(meetings[c])}
        for c, k in counts.items()
        if k >= options["min_count"]
    ]
    rows.sort(key=lambda r: (-r["count"], r["cluster"]))
    return {
        "hits": sum(len(h) for _m, _w, h in turns),
        "left_out": sum(1 for k in counts.values() if k < options["min_count"]),
        "rows": rows,
    }


def cli_args(table, view, pattern, options):
    args = ["kwic", pattern]
    if view != "key":
        args.append("--" + view)
    if table == "collocates":
        args += ["--collocates", "--window", "%d,%d" % options["window"]]
    else:
        args += ["--clusters", str(options["size"])]
    args += ["--min-count", str(options["min_count"])]
    if "speaker" in options:
        args += ["--speaker", options["speaker"]]
    if "since" in options:
        args += ["--since", options["since"]]
    return args


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, "target", "debug", "stenogram"))
    binary = os.path.abspath(parser.parse_args().bin)
    cases = []
    for name, table, view, pattern, paths, options in CASES:
        make = collocates if table == "collocates" else clusters
        expected = make(binary, view, pattern, paths, options)
        assert expected["rows"], name
        cases.append({"name": name, "args": cli_args(table, view, pattern, options), "paths": paths, **expected})
        print(f"{name}: {expected['hits']} hits, {len(expected['rows'])} rows", file=sys.stderr)
    generator = {
        "script": "tests/golden/make_concordance.py",
        "python": platform.python_version(),
        "tokens_and_turns_from": run(binary, ["--version"]).strip(),
    }
    dump = lambda v: json.dumps(v, ensure_ascii=False)
    with open(OUT, "w", encoding="utf-8") as f:
        # One case's fields a line, one row a line: small diffs when a value changes.
        f.write('{"generator": %s,\n"cases": [\n' % dump(generator))
        for i, case in enumerate(cases):
            head = ", ".join("%s: %s" % (dump(k), dump(v)) for k, v in case.items() if k != "rows")
            rows = ",\n  ".join(dump(r) for r in case["rows"])
            f.write('{%s,\n "rows": [\n  %s]}%s\n' % (head, rows, "," if i + 1 < len(cases) else ""))
        f.write("]}\n")


if __name__ == "__main__":
    main()

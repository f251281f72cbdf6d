#!/usr/bin/env python3
"""Golden values for `stenogram report --dictionary` (tests/dictionary.rs: dictionary_counts_match_the_golden_values_in_every_format).

An independent count, in the standard library only. The dictionary is defined here (a small one written for this
test: globs with * and ?, a phrase, nesting, two entries of one category matching one word, weights) and written in
the four formats stenogram reads: quanteda YAML, LIWC .dic, Lexicoder .lc3 (flat: Lexicoder has no nesting) and
WordStat .cat (the only one with weights), into tests/golden/dictionary/. Turns come from
`stenogram parse --format csv ../shared/corpus/kremlin`; everything after that is done here:

- words: the spoken text normalized (NFC; stress marks U+0301/U+0300 and soft hyphens removed; U+2010-U+2012 as
  "-"), then the runs of letters of WORD below (a hyphen or apostrophe between letters joins, and so does a hyphen
  between digits and letters: 27-м, COVID-19), split where Latin and Cyrillic letters meet, each keyed as lower()
  with ё as е;
- two words are joined (a phrase may span them) when only white space without a line break lies between them;
- an entry word is a glob (fnmatch.fnmatchcase, which reads * and ? as the dictionary formats do; the entries
  here have no [ ]); a phrase matches joined consecutive words;
- a category counts the matches of its entries and of those of its nested categories, left to right, the longest
  at each place, never two sharing a word; weighted adds each counted entry's weight;
- per_10k = 10000 * count / words; share = count / sum of the top-level categories' counts (NaN if 0).

The comparison is in the key view (`--view key`), so lemmas and stems play no part.

    python3 tests/golden/make_dictionary.py [--bin target/release/stenogram]

Writes tests/golden/dictionary/golden.{yml,dic,lc3,cat} and tests/golden/expected_dictionary.json. Deterministic.
"""

import argparse
import csv
import fnmatch
import io
import json
import math
import os
import platform
import re
import subprocess
import unicodedata
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIR = os.path.join(ROOT, "tests", "golden", "dictionary")
OUT = os.path.join(ROOT, "tests", "golden", "expected_dictionary.json")
CORPUS = "../shared/corpus/kremlin"

# (name, [(entry, weight)], [children]) in order. Weights are written in the .cat file only.
TREE = [
    ("security", [("безопасност*", 1)], [
        ("threat", [("угроз*", 2), ("угрозы", 2), ("опасн*", 2), ("террор*", 3)], []),
        ("military", [("специальн* военн* операци*", 1), ("военн*", 1), ("арми?", 1), ("войск*", 1)], []),
    ]),
    ("economy", [("экономик*", 1), ("экономическ*", 1)], [
        ("trade", [("торгов*", 1), ("товарооборот*", 1), ("экспорт*", 1), ("импорт*", 1)], []),
        ("investment", [("инвестиц*", 1), ("инвестор*", 1)], []),
    ]),
    ("sovereignty", [("суверен*", 1), ("независимост*", 1)], []),
    ("west", [("запад", 1), ("запада", 1), ("западн*", 1), ("нато", 1), ("сша", 1), ("европ*", 1)], []),
]

WORD = re.compile(r"\d+(?:-[^\W\d_]+)+|[^\W\d_]+(?:[-'’][^\W\d_]+|-\d+)*")


def script(c):
    """cyr, lat or None (not a letter of either)."""
    if "\u0400" <= c <= "\u04ff":
        return "cyr"
    if c.isalpha() and unicodedata.name(c, "").startswith("LATIN"):
        return "lat"
    return None


def pieces(word):
    """A word split where its letters switch between Cyrillic and Latin (stenogram's tokenizer splits there)."""
    out, start, last = [], 0, None
    for i, c in enumerate(word):
        s = script(c)
        if s and last and s != last:
            out.append(word[start:i])
            start = i
        if s:
            last = s
    out.append(word[start:])
    return out


def flatten(tree, prefix=""):
    """(path, entries, parent path) in the order of the tree."""
    out = []
    for name, entries, children in tree:
        path = prefix + name
        out.append((path, entries, prefix[:-1] or None))
        out.extend(flatten(children, path + "."))
    return out


def write_formats():
    os.makedirs(DIR, exist_ok=True)
    yml = ["# The golden dictionary (written by tests/golden/make_dictionary.py; not from a published lexicon)."]

    def yaml(tree, depth):
        for name, entries, children in tree:
            pad = "  " * depth
            yml.append(f"{pad}{name}:")
            if children:
                yaml(children, depth + 1)
                if entries:
                    yml.append(f"{pad}  __:")
                    yml.extend(f'{pad}    - "{e}"' for e, _ in entries)
            else:
                yml.extend(f'{pad}  - "{e}"' for e, _ in entries)

    yaml(TREE, 0)
    flat = flatten(TREE)
    ids = {path: i + 1 for i, (path, _, _) in enumerate(flat)}
    dic = ["%"]
    for path, _, _ in flat:
        dic.append("\t" * path.count(".") + f"{ids[path]}\t{path.split('.')[-1]}")
    dic.append("%")
    by_entry = defaultdict(list)
    for path, entries, _ in flat:
        for e, _ in entries:
            by_entry[e].append(ids[path])
    dic.extend(f"{e}\t" + "\t".join(map(str, cats)) for e, cats in by_entry.items())
    lc3 = []
    for path, entries, _ in flat:
        lc3.append("+" + path.replace(".", "_").upper())
        lc3.extend(e for e, _ in entries)
    cat = []

    def wordstat(tree, depth):
        for name, entries, children in tree:
            cat.append("\t" * depth + name.upper())
            wordstat(children, depth + 1)
            cat.extend("\t" * (depth + 1) + f"{e.upper()} ({w})" for e, w in entries)

    wordstat(TREE, 0)
    for ext, lines, newline in [("yml", yml, "\n"), ("dic", dic, "\r\n"), ("lc3", lc3, "\n"), ("cat", cat, "\r\n")]:
        with open(os.path.join(DIR, f"golden.{ext}"), "w", encoding="utf-8", newline="") as f:
            f.write(newline.join(lines) + newline)


def structures():
    """Each format's categories as the reader builds them: [(path, parent, [(entry words, weight)])]."""
    flat = flatten(TREE)
    key = lambda e: [w.lower().replace("ё", "е") for e_ in [e] for w in e_.split()]
    nested = [(p, parent, [(key(e), 1) for e, _ in entries]) for p, entries, parent in flat]
    weighted = [(p.upper(), parent and parent.upper(), [(key(e), w) for e, w in entries]) for p, entries, parent in flat]
    lexicoder = [(p.replace(".", "_").upper(), None, [(key(e), 1) for e, _ in entries]) for p, entries, _ in flat]
    # LIWC lists an entry once with all its categories: within a category the entries come in that order.
    return {"yml": nested, "dic": nested, "lc3": lexicoder, "cat": weighted}


def normalize(text):
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u0301", "").replace("\u0300", "").replace("\u00ad", "")
    for h in "\u2010\u2011\u2012":
        text = text.replace(h, "-")
    return unicodedata.normalize("NFC", text)


def words(text):
    """[(key, joined to the word before)]."""
    text = normalize(text)
    out = []
    end = None
    for m in WORD.finditer(text):
        between = text[end:m.start()] if end is not None else "\n"
        joined = all(c.isspace() or c in "\u200b\u200c\u200d\ufeff" for c in between) and "\n" not in between and "\r" not in between
        for k, piece in enumerate(pieces(m.group())):
            out.append((piece.lower().replace("ё", "е"), joined or k > 0))
        end = m.end()
    return out


def count(categories, turns):
    """Rows of dictionary.csv as {(group, meeting, category): [count, weighted]}, words per (group, meeting), and
    entry matches {(category, entry, term): count}."""
    names = [c[0] for c in categories]
    parent = {c[0]: c[1] for c in categories}
    entries = []  # (entry words, weight, own category, scope)
    for path, _, es in categories:
        scope = [path]
        while parent[scope[-1]]:
            scope.append(parent[scope[-1]])
        for ws, w in es:
            entries.append((ws, w, path, scope))
    counts = defaultdict(lambda: [0, 0.0])
    word_counts = Counter()
    terms = Counter()
    for t in turns:
        ws = words(t["text"])
        group = (t["speaker"], t["meeting"])
        word_counts[group] += len(ws)
        matches = []  # (start, len, entry index)
        for i in range(len(ws)):
            for e, (ews, weight, own, scope) in enumerate(entries):
                n = len(ews)
                if i + n > len(ws):
                    continue
                if all(fnmatch.fnmatchcase(ws[i + k][0], ews[k]) for k in range(n)) and all(ws[i + k][1] for k in range(1, n)):
                    matches.append((i, n, e))
                    terms[(own, " ".join(ews), " ".join(w for w, _ in ws[i:i + n]))] += 1
        for c in names:
            cands = sorted((i, -n, e) for i, n, e in matches if c in entries[e][3])
            free = 0
            for i, negn, e in cands:
                if i >= free:
                    counts[(group, c)][0] += 1
                    counts[(group, c)][1] += entries[e][1]
                    free = i - negn
    return names, counts, word_counts, terms


def table(categories, counts, word_counts):
    names = [c[0] for c in categories]
    tops = [c[0] for c in categories if c[1] is None]
    groups = defaultdict(lambda: ([0] * len(names), [0.0] * len(names), [0]))
    keys = sorted(word_counts)
    for (speaker, meeting) in keys:
        for g in [(speaker, meeting), (speaker, "*"), ("*", meeting), ("*", "*")]:
            c, w, n = groups[g]
            n[0] += word_counts[(speaker, meeting)]
            for k, name in enumerate(names):
                got = counts.get(((speaker, meeting), name), [0, 0.0])
                c[k] += got[0]
                w[k] += got[1]
    rows = []
    for (group, meeting), (c, w, n) in groups.items():
        if n[0] == 0:
            continue
        top = sum(c[names.index(t)] for t in tops)
        for k, name in enumerate(names):
            share = c[k] / top if top else float("nan")
            rows.append([group, meeting, name, c[k], 10000 * c[k] / n[0], share, w[k], n[0]])
    rows.sort(key=lambda r: (r[0], r[1], names.index(r[2])))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "stenogram"))
    args = ap.parse_args()
    write_formats()
    out = subprocess.run([args.bin, "parse", "--format", "csv", CORPUS], capture_output=True, check=True, cwd=ROOT, text=True).stdout
    turns = list(csv.DictReader(io.StringIO(out)))
    disagree = sum(1 for t in turns if len(words(t["text"])) != int(t["words"]))
    result = {
        "generator": {"python": platform.python_version(), "script": "tests/golden/make_dictionary.py", "corpus": CORPUS, "view": "key"},
        "turns": len(turns),
        "turns_with_other_word_counts": disagree,
        "formats": {},
    }
    for ext, categories in structures().items():
        names, counts, word_counts, terms = count(categories, turns)
        rows = table(categories, counts, word_counts)
        entry = {"rows": [[r[0], r[1], r[2], r[3], r[4], None if math.isnan(r[5]) else r[5], r[6], r[7]] for r in rows]}
        if ext == "yml":
            entry["terms"] = sorted([c, e, t, n] for (c, e, t), n in terms.items())
        result["formats"][ext] = entry
    # One row a line: the file stays readable in a diff at a fifth of the size of one value a line.
    text = json.dumps(result, ensure_ascii=False, indent=0, sort_keys=True)
    text = re.sub(r"\[\n([^\[\]{}]*?)\n\]", lambda m: "[" + m.group(1).replace("\n", "") + "]", text)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    star = [r for r in result["formats"]["yml"]["rows"] if r[0] == "*" and r[1] == "*"]
    print(f"{len(turns)} turns ({disagree} with another word count than stenogram's); all speakers:")
    for r in star:
        print("  ", r[2], r[3], round(r[4], 3))


if __name__ == "__main__":
    main()

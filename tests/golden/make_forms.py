#!/usr/bin/env python3
"""Independent Python reference for the forms of stenogram's word pairs and triples (collocations.csv, trigrams.csv).

Reads tests/golden/input.json (the token lists of make_golden.py) and writes tests/golden/expected_forms.json. Needs
only the standard library. Run from the repository root:

    python3 tests/golden/make_forms.py

Conventions (as stenogram documents them in src/stats/colloc.rs):
- Terms: a stand-in for lemmas that groups several word forms under one term, the first four characters of a token
  (`исторической` -> `исто`); the tokens themselves are the word forms (keys).
- Pairs and triples: adjacent tokens within one sentence, counted by term; listed when counted at least twice.
  `"*"` is all speakers together. `count_first` and `count_second` are the terms' unigram counts in the same text.
- Form: the sequence of tokens that occurs most often for the pair's (triple's) terms in that text, joined by a
  space; of sequences that occur equally often, the smallest string (Python's code point order, which is Rust's
  byte order of UTF-8).
"""
import json
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = 4
MIN_COUNT = 2
ALL = "*"


def term(token):
    return token[:PREFIX]


def form(spellings):
    """The most frequent sequence of tokens; ties to the smallest joined string."""
    return min((-n, " ".join(tokens)) for tokens, n in spellings.items())[1]


def ngrams(turns):
    """turns: lists of sentences (lists of tokens). Bigram and trigram rows of the text, sorted by terms."""
    uni, bi, tri = Counter(), defaultdict(Counter), defaultdict(Counter)
    for sentences in turns:
        for s in sentences:
            uni.update(term(w) for w in s)
            for pair in zip(s, s[1:]):
                bi[tuple(map(term, pair))][pair] += 1
            for triple in zip(s, s[1:], s[2:]):
                tri[tuple(map(term, triple))][triple] += 1
    n = sum(uni.values())
    bigrams = []
    for (t1, t2), spellings in sorted(bi.items()):
        count = sum(spellings.values())
        if count >= MIN_COUNT:
            bigrams.append({"t1": t1, "t2": t2, "count": count, "count_first": uni[t1], "count_second": uni[t2],
                            "n": n, "form": form(spellings), "forms": len(spellings)})
    trigrams = []
    for (t1, t2, t3), spellings in sorted(tri.items()):
        count = sum(spellings.values())
        if count >= MIN_COUNT:
            trigrams.append({"t1": t1, "t2": t2, "t3": t3, "count": count, "form": form(spellings),
                             "forms": len(spellings)})
    return bigrams, trigrams


def main():
    data = json.loads((HERE / "input.json").read_text(encoding="utf-8"))
    turns_of = defaultdict(list)
    for meeting in data["meetings"]:
        for turn in meeting["turns"]:
            turns_of[turn["speaker"]].append(turn["sentences"])
            turns_of[ALL].append(turn["sentences"])
    bigrams, trigrams = {}, {}
    for speaker in sorted(turns_of):
        bigrams[speaker], trigrams[speaker] = ngrams(turns_of[speaker])
    expected = {
        "generator": {"script": "tests/golden/make_forms.py", "prefix": PREFIX, "min_count": MIN_COUNT},
        "bigrams": bigrams,
        "trigrams": trigrams,
    }
    with open(HERE / "expected_forms.json", "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Independent Python reference for stenogram's statistics engine.

Run from the repository root:  /tmp/golden-venv/bin/python tests/golden/make_golden.py
Writes tests/golden/input.json (token lists) and tests/golden/expected.json (golden numbers).
See tests/golden/README.md for every formula convention.
"""
import json
import math
import re
import statistics
import sys
from collections import Counter, defaultdict
from importlib.metadata import version
from pathlib import Path

import numpy
import scipy.stats
from lexicalrichness import LexicalRichness
from nltk.metrics.association import BigramAssocMeasures

HERE = Path(__file__).resolve().parent
SOURCES = [  # the seed transcript + 3 read-only files from ../shared; only derived tokens are stored
    HERE.parent.parent / "corpus/2022-11-28_talks-kazakhstan-tokayev.txt",
    HERE.parent.parent.parent / "shared/corpus/kremlin/2025-03-18_meeting-gekht.txt",
    HERE.parent.parent.parent / "shared/corpus/kremlin/2025-04-29_meeting-belarus-lukashenko.txt",
    HERE.parent.parent.parent / "shared/corpus/kremlin/2025-05-07_talks-venezuela-maduro.txt",
]
LABEL = re.compile(r"^([А-ЯЁ]\.(?:-[А-ЯЁ]\.)?[А-ЯЁ][а-яё-]+(?: [А-ЯЁ][а-яё-]+)*)(?: \([^)]*\))?:\s*(.*)$")
SENT_SPLIT = re.compile(r"(?<=[.!?…])\s+")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
INSERTION = re.compile(r"\[[^\]]*\]")
OTHERS = "<others>"  # keyness reference = union of all speakers except the target
ALL = "*"  # collocations over all speakers together


# ---------------------------------------------------------------- input construction
def is_terminator(line):
    s = line.strip()
    return s == "* * *" or s.startswith("&lt;…&gt;") or s.startswith(("http://", "https://"))


def parse_meeting(path):
    turns, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = LABEL.match(line.rstrip())
        if m:
            current = {"speaker": m.group(1), "lines": [m.group(2)]}
            turns.append(current)
        elif is_terminator(line):
            current = None
        elif current is not None:
            current["lines"].append(line)
    out = []
    for t in turns:
        text = INSERTION.sub("", " ".join(t["lines"])).strip()
        sentences = []
        for sent in SENT_SPLIT.split(text):
            words = [w.lower().replace("ё", "е") for w in WORD.findall(sent)]
            if words:  # sentences without any word are dropped
                sentences.append(words)
        out.append({"speaker": t["speaker"], "sentences": sentences})
    return {"id": path.stem, "date": path.stem[:10], "turns": out}


# ---------------------------------------------------------------- A. lexical diversity
def lexical(tokens):
    n, counts = len(tokens), Counter(tokens)
    v = len(counts)
    if n == 0:
        return {"n": 0, "v": 0}
    lex = LexicalRichness(" ".join(tokens), preprocessor=None, tokenizer=str.split)
    assert lex.wordlist == tokens, "lexicalrichness must see exactly our tokens"
    assert (lex.words, lex.terms) == (n, v)
    hapaxes = sum(1 for c in counts.values() if c == 1)
    return {
        "n": n, "v": v, "ttr": v / n,
        "herdan_c": math.log(v) / math.log(n) if n > 1 else None,
        "guiraud_r": v / math.sqrt(n),
        "maas_a2": lex.Maas if n > 1 else None,
        "yule_k": float(lex.yulek),
        "mattr_100": lex.mattr(window_size=100) if n >= 100 else None,
        "mattr_50": lex.mattr(window_size=50) if n >= 50 else None,
        "mtld": lex.mtld(threshold=0.72),
        "hdd": float(lex.hdd(draws=42)) if n >= 42 else None,
        "hapaxes": hapaxes, "hapax_share": hapaxes / v,
    }


# ---------------------------------------------------------------- B. collocations
def collocations(turns):
    """turns: list of turns (each a list of sentences); n-grams never cross sentences."""
    uni, bi, tri = Counter(), Counter(), Counter()
    for sentences in turns:
        for s in sentences:
            uni.update(s)
            bi.update(zip(s, s[1:]))
            tri.update(zip(s, s[1:], s[2:]))
    n = sum(uni.values())
    bam = BigramAssocMeasures
    bigrams = []
    for (w1, w2), c in sorted(bi.items()):
        if c < 2:
            continue
        marg = (c, (uni[w1], uni[w2]), n)
        pmi, dice = bam.pmi(*marg), bam.dice(*marg)
        bigrams.append({
            "w1": w1, "w2": w2, "count": c, "count_first": uni[w1], "count_second": uni[w2], "n": n,
            "pmi": pmi, "likelihood_ratio": bam.likelihood_ratio(*marg), "student_t": bam.student_t(*marg),
            "chi_sq": bam.chi_sq(*marg), "dice": dice,
            "npmi": pmi / (-math.log2(c / n)), "log_dice": 14 + math.log2(dice),
        })
    trigrams = [{"w1": a, "w2": b, "w3": d, "count": c} for (a, b, d), c in sorted(tri.items()) if c >= 2]
    return bigrams, trigrams


# ---------------------------------------------------------------- C. keyness
def g2_own(a, b, c, d):
    obs = [a, b, c - a, d - b]
    rows, cols, tot = [c, d], [a + b, c + d - a - b], c + d
    exp = [rows[0] * cols[0] / tot, rows[1] * cols[0] / tot, rows[0] * cols[1] / tot, rows[1] * cols[1] / tot]
    return 2 * sum(o * math.log(o / e) for o, e in zip(obs, exp) if o > 0)


def keyness(target, reference):
    ct, cr = Counter(target), Counter(reference)
    c, d = len(target), len(reference)
    rows = []
    for w in sorted(set(ct) | set(cr)):
        a, b = ct[w], cr[w]
        if a + b < 3:
            continue
        # A term the target never uses is listed only when it would be expected at least once: c(a+b)/(c+d) >= 1.
        if a == 0 and c * (a + b) < c + d:
            continue
        table = [[a, b], [c - a, d - b]]
        g2 = scipy.stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
        chi2 = scipy.stats.chi2_contingency(table, correction=False)[0]
        own = g2_own(a, b, c, d)
        assert abs(g2 - own) <= 1e-9 * max(1.0, own), (w, g2, own)
        sign = 1 if a * d >= b * c else -1  # a/c > b/d (or equal) -> +
        a1, b1 = (a or 0.5), (b or 0.5)
        alpha, alpha0 = a + b, c + d
        delta = math.log((a + alpha) / (c + alpha0 - a - alpha)) - math.log((b + alpha) / (d + alpha0 - b - alpha))
        rows.append({
            "word": w, "a": a, "b": b, "c": c, "d": d,
            "g2": sign * float(g2), "chi2": float(chi2), "p_value": float(scipy.stats.chi2.sf(g2, 1)),
            "log_ratio": math.log2((a1 / c) / (b1 / d)),
            "pct_diff": (a / c - b1 / d) * 100 / (b1 / d),
            "log_odds_z": delta / math.sqrt(1 / (a + alpha) + 1 / (b + alpha)),
        })
    return rows


# ---------------------------------------------------------------- D. frequencies
def frequencies(per_meeting):
    """per_meeting: list of token lists, one per meeting the speaker spoke in (date order)."""
    tokens = [w for m in per_meeting for w in m]
    n, counts = len(tokens), Counter(tokens)
    words = sorted(counts)
    ranks = scipy.stats.rankdata([-counts[w] for w in words], method="min")
    meeting_counts = [Counter(m) for m in per_meeting]
    shares = [len(m) / n for m in per_meeting]
    hapaxes = [w for w in words if counts[w] == 1][:20]
    rows = []
    for w, r in zip(words, ranks):
        if counts[w] < 2 and w not in hapaxes:
            continue
        v = [mc[w] / counts[w] for mc in meeting_counts]
        rows.append({
            "word": w, "count": counts[w], "per_10k": counts[w] * 10000 / n, "rank": int(r),
            "meetings": sum(1 for mc in meeting_counts if mc[w] > 0),
            "dp": 0.5 * sum(abs(vi - si) for vi, si in zip(v, shares)),
        })
    return rows


# ---------------------------------------------------------------- E. turns
def turn_stats(turns):
    lengths = [sum(len(s) for s in t) for t in turns]
    sentences = sum(len(t) for t in turns)
    words = sum(lengths)
    return {
        "turns": len(lengths), "words": words, "sentences": sentences,
        "words_per_turn_mean": words / len(lengths),
        "words_per_turn_median": float(statistics.median(lengths)),
        "words_per_turn_p90": float(numpy.percentile(lengths, 90)),
        "words_per_turn_max": max(lengths),
        "words_per_turn_stdev": statistics.stdev(lengths) if len(lengths) >= 2 else None,
        "words_per_sentence": words / sentences if sentences else None,
    }


# ---------------------------------------------------------------- main
def main():
    meetings = sorted((parse_meeting(p) for p in SOURCES), key=lambda m: (m["date"], m["id"]))
    inp = {"meetings": meetings}

    tokens = defaultdict(list)  # speaker -> tokens in text order
    turns_of = defaultdict(list)  # speaker -> list of turns (list of sentences)
    by_meeting = defaultdict(dict)  # speaker -> {meeting id -> tokens}
    transitions = Counter()
    for m in meetings:
        prev = None
        for t in m["turns"]:
            sp = t["speaker"]
            words = [w for s in t["sentences"] for w in s]
            tokens[sp].extend(words)
            turns_of[sp].append(t["sentences"])
            by_meeting[sp].setdefault(m["id"], []).extend(words)
            if prev is not None:
                transitions[(prev, sp)] += 1
            prev = sp
    speakers = sorted(tokens)

    lex = {sp: lexical(tokens[sp]) for sp in speakers}
    for sp in speakers:
        for mid, toks in by_meeting[sp].items():
            lex[f"{sp}|{mid}"] = lexical(toks)

    bigrams, trigrams = {}, {}
    for sp in speakers:
        bigrams[sp], trigrams[sp] = collocations(turns_of[sp])
    bigrams[ALL], trigrams[ALL] = collocations([t["sentences"] for m in meetings for t in m["turns"]])

    top2 = sorted(speakers, key=lambda s: (-len(tokens[s]), s))[:2]
    pairs = [(top2[0], top2[1]), (top2[1], top2[0])] + [(t, OTHERS) for t in top2]
    key = {}
    for target, ref in pairs:
        if ref == OTHERS:
            ref_tokens = [w for m in meetings for t in m["turns"] if t["speaker"] != target
                          for s in t["sentences"] for w in s]
        else:
            ref_tokens = tokens[ref]
        key[f"{target}|{ref}"] = keyness(tokens[target], ref_tokens)

    expected = {
        "generator": {
            "script": "tests/golden/make_golden.py",
            "python": sys.version.split()[0],
            **{p: version(p) for p in ["lexicalrichness", "nltk", "numpy", "pandas", "scipy", "textblob"]},
        },
        "speakers": speakers,
        "keyness_top2": top2,
        "lexical": lex,
        "bigrams": bigrams,
        "trigrams": trigrams,
        "keyness": key,
        "frequencies": {sp: frequencies(list(by_meeting[sp].values())) for sp in speakers},
        "turns": {sp: turn_stats(turns_of[sp]) for sp in speakers},
        "transitions": [{"from": a, "to": b, "count": c} for (a, b), c in sorted(transitions.items())],
    }
    for name, obj in [("input.json", inp), ("expected.json", expected)]:
        with open(HERE / name, "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False)
            f.write("\n")


if __name__ == "__main__":
    main()

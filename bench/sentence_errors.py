#!/usr/bin/env python3
"""Missed and spurious sentence boundaries of `BIN sentences -` against CoNLL-U gold, with context.

  sentence_errors.py BIN FILE.conllu...   # files need `# text =` lines (bench/conllu_text.py adds them)

Documents are built exactly as ../shared/anchors/eval_segmentation.py builds them (its read_docs and
gold_spans are imported from $SCORER, default ../shared/anchors/eval_segmentation.py). A boundary is the
start of a sentence other than a document's first. Prints `MISS` (gold boundary the splitter did not make)
and `SPUR` (boundary the splitter made that gold does not have) lines, `left ‖ right` around the boundary,
then counts per file and per error class (see `classify`).
"""
import collections
import importlib.util
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))
scorer = os.environ.get("SCORER", os.path.join(here, "..", "..", "shared", "anchors", "eval_segmentation.py"))
spec = importlib.util.spec_from_file_location("evalseg", scorer)
evalseg = importlib.util.module_from_spec(spec)
spec.loader.exec_module(evalseg)


FINAL = ".!?…"
CLOSERS = "»\"”“)]’'›"
DASHES = "—–-"


def is_pictograph(c):
    o = ord(c)
    return 0x2600 <= o <= 0x27BF or 0x2B00 <= o <= 0x2BFF or 0x1F000 <= o <= 0x1FAFF or c in "\u2800\u20e3\ufe0f"


def ends_with_emoticon(left):
    """Left context ends in emoji or a smiley made of brackets (`:)`, `))`, `(((`)."""
    t = left.rstrip()
    if not t:
        return False
    if is_pictograph(t[-1]):
        return True
    tail = re.search(r"[()]+$", t)
    if not tail:
        return False
    run = tail.group(0)
    before = t[: -len(run)]
    return len(run) >= 2 or (before[-1:] in ":;=" )


def classify(kind, left, right):
    """Error class of a boundary from its context: what ends the left side and what starts the right side."""
    l = left.rstrip()
    r = right.lstrip()
    lc, rc = l[-1:] or " ", r[:1] or " "
    core = l.rstrip(CLOSERS)
    final = core[-1:] in list(FINAL)
    if kind == "SPUR":
        if rc in DASHES:
            return "spurious: dash after ?/!/. (attribution or speech goes on)"
        if ends_with_emoticon(l) or is_pictograph(rc):
            return "spurious: emoticon/emoji"
        if rc in ".…" or rc in CLOSERS:
            return "spurious: stray stop / quote belongs left"
        return "spurious: other"
    if rc in DASHES:
        return "missed: dialogue dash / list dash opens next"
    if rc in ".…":
        return "missed: ellipsis or stray stop opens next"
    if rc in "*":
        return "missed: * * * poem separator"
    if ends_with_emoticon(l) or is_pictograph(rc):
        return "missed: emoticon/emoji at boundary"
    if rc == "@" or lc == "@" or re.search(r"#\w+$", l):
        return "missed: @mention/#hashtag"
    if final:
        if rc.islower():
            return "missed: lowercase start after . ! ? …"
        if rc in "«„“\"'":
            return "missed: quote opens next after final punct"
        return "missed: final punct, other"
    if lc == ":":
        return "missed: colon (speech/quote follows)"
    if lc in ",;":
        return "missed: comma/semicolon (poetry line)"
    if rc.islower():
        return "missed: no punctuation, lowercase start (poetry / post)"
    return "missed: no punctuation, capital/digit start (poetry line / title / post)"


def main():
    bin_, files = sys.argv[1], sys.argv[2:]
    for path in files:
        miss = spur = gold_n = 0
        classes = collections.Counter()
        for doc in evalseg.read_docs(path):
            raw, _gt, gs = evalseg.gold_spans(doc)
            ps = evalseg.spans_from(bin_, "sentences", raw, evalseg.byte_to_char(raw))
            gold = {s for s, _e in gs[1:]}
            pred = {s for s, _e in ps[1:]}
            gold_n += len(gold)
            for kind, pos in sorted([("MISS", p) for p in gold - pred] + [("SPUR", p) for p in pred - gold],
                                    key=lambda x: x[1]):
                left = raw[max(0, pos - 60):pos].replace("\n", "⏎")
                right = raw[pos:pos + 40].replace("\n", "⏎")
                cls = classify(kind, raw[:pos], raw[pos:])
                classes[cls] += 1
                print(f"{kind}\t{os.path.basename(path)}\t{cls}\t{left:>60} ‖ {right}")
                if kind == "MISS":
                    miss += 1
                else:
                    spur += 1
        print(f"# {os.path.basename(path)}: gold boundaries {gold_n}, missed {miss}, spurious {spur}")
        for cls, n in classes.most_common():
            print(f"#   {n:4d}  {cls}")


if __name__ == "__main__":
    main()

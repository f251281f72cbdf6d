#!/usr/bin/env python3
"""Add a `# text =` line to every sentence of a CoNLL-U file that lacks one, so that
../shared/anchors/eval_segmentation.py (which reads a sentence's raw text only from `# text =`
and drops sentences without it) can score it.

  conllu_text.py IN.conllu OUT.conllu

The GramEval-2020 and MorphoRuEval-2017 files carry no `# text =` lines. The text is rebuilt from the
token FORMs (multiword ranges `1-2` and empty nodes `1.1` are skipped, as the scorer skips them):
  * when the file marks spaces in MISC (any `SpaceAfter=` in it), a space follows a token unless its
    MISC says `SpaceAfter=No`;
  * otherwise (no space information at all) the usual detokenization: no space before
    , . ! ? … : ; ) ] } » % ” and before a run of them, no space after ( [ { « „ “, and a straight `"`
    alternately opens (no space after) and closes (no space before) within a sentence.
Sentences that already have `# text =` are copied unchanged. Nothing else is altered, so each gold FORM
is found verbatim in its rebuilt text and every gold token is scored.
"""
import sys

NO_SPACE_BEFORE = set(",.!?…:;)]}»%”") | {"...", "?!", "!?", "!!", "??", "!!!", "...."}
NO_SPACE_AFTER = set("([{«„“")


def rebuild(rows, has_space_info):
    out = []
    quote_open = False
    glue_next = True  # no space before the first token
    for cols in rows:
        form, misc = cols[1], cols[9] if len(cols) > 9 else "_"
        if has_space_info:
            if out and not glue_next:
                out.append(" ")
            out.append(form)
            glue_next = "SpaceAfter=No" in misc
            continue
        closes = form in NO_SPACE_BEFORE or (form and all(c in NO_SPACE_BEFORE for c in form))
        if form == '"':
            closes = quote_open
            quote_open = not quote_open
        if out and not glue_next and not closes:
            out.append(" ")
        out.append(form)
        glue_next = form in NO_SPACE_AFTER or (form == '"' and quote_open)
    return "".join(out)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        lines = f.read().split("\n")
    has_space_info = any("SpaceAfter=" in l for l in lines if l and not l.startswith("#"))
    out, block = [], []

    def flush():
        if not block:
            return
        comments = [l for l in block if l.startswith("#")]
        rows = [l.split("\t") for l in block if not l.startswith("#")]
        words = [c for c in rows if "-" not in c[0] and "." not in c[0]]
        if not any(l.startswith("# text =") for l in comments) and words:
            comments.append("# text = " + rebuild(words, has_space_info))
        out.extend(comments)
        out.extend("\t".join(c) for c in rows)
        out.append("")
        block.clear()

    for line in lines:
        if line.strip():
            block.append(line)
        else:
            flush()
    flush()
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()

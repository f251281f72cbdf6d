#!/usr/bin/env python3
"""Independent Python reference for stenogram's distances between speakers and readability.

Reads tests/golden/input.json (the token lists of make_golden.py) and writes tests/golden/expected_distances.json.
Run from the repository root:

    python3 -m venv /tmp/golden-venv && /tmp/golden-venv/bin/pip install scipy==1.17.1
    /tmp/golden-venv/bin/python tests/golden/make_distances.py

Conventions (as stenogram documents them in src/stats/distance.rs and src/stats/readability.rs):
- Burrows' Delta: the N most frequent tokens of the speakers together (ties by token, Python string order), relative
  frequencies per speaker, z-scores per token across the speakers with the sample standard deviation (ddof=1; a token
  used at one rate by all has z = 0), Delta = mean |z_a - z_b|.
- Jensen-Shannon distance: scipy.spatial.distance.jensenshannon of the two speakers' token distributions, base 2.
- Readability: Oborneva's Russian Flesch, 206.835 - 1.3 * words/sentences - 60.1 * syllables/words, a syllable per
  vowel letter; a sentence is a sentence list with at least one token.
"""
import json
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import numpy
from scipy.spatial.distance import jensenshannon

HERE = Path(__file__).resolve().parent
MFW = [5, 50]
VOWELS = set("аеёиоуыэюя")


def main():
    data = json.loads((HERE / "input.json").read_text(encoding="utf-8"))
    counts, words, sentences, syllables = {}, Counter(), Counter(), Counter()
    for meeting in data["meetings"]:
        for turn in meeting["turns"]:
            s = turn["speaker"]
            counts.setdefault(s, Counter())
            for sentence in turn["sentences"]:
                if sentence:
                    sentences[s] += 1
                for token in sentence:
                    counts[s][token] += 1
                    words[s] += 1
                    syllables[s] += sum(ch in VOWELS for ch in token)
    speakers = sorted(counts)
    out = {"generator": {"scipy": version("scipy"), "numpy": version("numpy")}, "speakers": speakers}
    summed = Counter()
    for s in speakers:
        summed.update(counts[s])
    vocabulary = sorted(summed)
    for n in MFW:
        mfw = sorted(summed, key=lambda t: (-summed[t], t))[:n]
        rel = numpy.array([[counts[s][t] / words[s] for t in mfw] for s in speakers])
        sd = rel.std(axis=0, ddof=1)
        z = numpy.where(sd > 0, (rel - rel.mean(axis=0)) / numpy.where(sd > 0, sd, 1), 0.0)
        out[f"delta_{n}"] = {
            f"{a}|{b}": float(numpy.abs(z[i] - z[j]).mean())
            for i, a in enumerate(speakers)
            for j, b in enumerate(speakers)
            if i < j
        }
    dist = {s: numpy.array([counts[s][t] / words[s] for t in vocabulary]) for s in speakers}
    out["jensen_shannon"] = {
        f"{a}|{b}": float(jensenshannon(dist[a], dist[b], base=2))
        for i, a in enumerate(speakers)
        for j, b in enumerate(speakers)
        if i < j
    }
    out["reading_ease"] = {
        s: 206.835 - 1.3 * words[s] / sentences[s] - 60.1 * syllables[s] / words[s] for s in speakers
    }
    out["syllables_per_word"] = {s: syllables[s] / words[s] for s in speakers}
    (HERE / "expected_distances.json").write_text(
        json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()

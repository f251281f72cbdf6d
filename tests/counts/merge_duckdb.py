"""Counts of shards merged by DuckDB SQL equal the counts of the whole corpus: issue 27, part 3.

The transcripts of ../shared/corpus/kremlin are spread over three folders, each counted with
`stenogram count`; DuckDB reads every shard's Parquet files, unions them, groups and sums (the SQL of
docs/counts.md), and writes one merged folder of the same layout. `stenogram report --from-counts merged/`
must then write every count-based table byte for byte as the report of `count` run on the whole corpus, and
as the report of the transcripts themselves.

Run with pytest (`pytest tests/counts/merge_duckdb.py`) or as a script. STENOGRAM names the binary (default:
target/release/stenogram). Without ../shared the test is skipped, and fails under CI=true.
"""

import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
KREMLIN = ROOT.parent / "shared" / "corpus" / "kremlin"
BINARY = Path(os.environ.get("STENOGRAM", ROOT / "target" / "release" / "stenogram"))

# The merge of docs/counts.md: per file, the columns it groups by; every other column is a count, summed and
# cast back to BIGINT. meeting_attributes is a plain union of distinct rows.
GROUPS = {
    "meetings": ["meeting", "date", "time", "title", "place", "source", "language", "spoken", "format"],
    "languages": ["meeting", "language"],
    "totals": ["meeting", "speaker", "interpreted", "attributes"],
    "terms": ["meeting", "speaker", "interpreted", "attributes", "key", "stem", "lemma"],
    "pairs": ["meeting", "speaker", "interpreted", "attributes", "first", "second", "punct"],
    "triples": [
        "meeting", "speaker", "interpreted", "attributes", "first", "second", "third", "punct_first", "punct_second"
    ],
    "forms": ["meeting", "key", "form"],
    "keys": ["meeting", "key"],
}
SUMS = {
    "meetings": ["counted", "excluded_turns", "excluded_words"],
    "languages": ["words", "by_key"],
    "totals": ["turns", "words", "sentences", "first"],
    "terms": ["count"],
    "pairs": ["count"],
    "triples": ["count"],
    "forms": ["count"],
    "keys": ["first", "analysed"],
}


def merge_sql(shards, name, out):
    files = ", ".join(f"'{Path(s) / (name + '.parquet')}'" for s in shards)
    source = f"read_parquet([{files}])"
    if name == "meeting_attributes":
        query = f"SELECT DISTINCT meeting, position, name, value FROM {source}"
    else:
        keys = ", ".join(GROUPS[name])
        sums = ", ".join(f"CAST(SUM({c}) AS BIGINT) AS {c}" for c in SUMS[name])
        query = f"SELECT {keys}, {sums} FROM {source} GROUP BY {keys}"
    return f"COPY ({query}) TO '{out / (name + '.parquet')}' (FORMAT PARQUET, COMPRESSION SNAPPY)"


def merge(shards, out):
    """Merges the counts in `shards` into `out` with DuckDB."""
    out.mkdir(parents=True)
    con = duckdb.connect()
    for name in list(GROUPS) + ["meeting_attributes"]:
        con.execute(merge_sql(shards, name, out))
    # count.json: the shards agree on the options (the reader checks); keep the first one's.
    shutil.copy(Path(shards[0]) / "count.json", out / "count.json")


def stenogram(*args):
    done = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True)
    assert done.returncode == 0, f"stenogram {' '.join(map(str, args))}: {done.stderr}"
    return done


def csv_files(folder):
    return sorted(str(p.relative_to(folder)) for p in Path(folder).rglob("*.csv"))


def check(tmp):
    if not KREMLIN.is_dir():
        if os.environ.get("CI") == "true":
            raise AssertionError(f"{KREMLIN} is missing, and CI=true requires it")
        return f"skipped: {KREMLIN} is absent"
    assert BINARY.exists(), f"{BINARY} is missing: cargo build --release first (or set STENOGRAM)"
    files = sorted(KREMLIN.glob("*.txt"))
    shards = []
    for i in range(3):
        folder = tmp / f"shard{i}"
        folder.mkdir()
        for f in files[i::3]:
            shutil.copy(f, folder / f.name)
        counts = tmp / f"counts{i}"
        stenogram("count", folder, "--out", counts, "-q")
        shards.append(counts)
    whole = tmp / "whole"
    stenogram("count", KREMLIN, "--out", whole, "-q")
    merged = tmp / "merged"
    merge(shards, merged)
    meta = json.loads((merged / "count.json").read_text())
    assert meta["schema_version"] == 2 and meta["format"] == "stenogram-counts"
    # The merged sums are the whole's: words per meeting, and one key's count.
    con = duckdb.connect()
    q = "SELECT SUM(count) FROM read_parquet('{}') WHERE key = 'россии'"
    assert con.execute(q.format(merged / "terms.parquet")).fetchone() == con.execute(
        q.format(whole / "terms.parquet")
    ).fetchone()
    for options in (["--matrix"], ["--view", "key", "--group-by", "speaker,month", "--since", "2025-03"]):
        reports = {}
        for name, source in (("merged", ["--from-counts", merged]), ("whole", ["--from-counts", whole]), ("direct", [KREMLIN])):
            out = tmp / f"report-{name}"
            if out.exists():
                shutil.rmtree(out)
            stenogram("report", *source, "--out", out, "-q", "--charts", "none", *options)
            reports[name] = out
        tables = csv_files(reports["merged"])
        for table in ("freq.csv", "keyness.csv", "distances.csv", "collocations.csv", "trigrams.csv"):
            assert table in tables, tables
        assert tables == csv_files(reports["whole"]), options
        for table in tables:
            for other in ("whole", "direct"):
                assert filecmp.cmp(reports["merged"] / table, reports[other] / table, shallow=False), (
                    f"{options}: {table} of the DuckDB merge differs from the report of {other}"
                )
    return f"{len(tables)} tables equal byte for byte"


def test_duckdb_merge_of_shards_equals_the_whole():
    import pytest

    with tempfile.TemporaryDirectory() as tmp:
        said = check(Path(tmp))
        if said.startswith("skipped"):
            pytest.skip(said)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        print(check(Path(tmp)))
    sys.exit(0)

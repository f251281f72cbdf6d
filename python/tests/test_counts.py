"""Counts from Python: ``stenogram.count`` writes the files ``stenogram count`` writes, and
``stenogram.report(from_counts=...)`` of two shards' counts holds the values of the command line's
``report --from-counts`` CSVs; paths and counts together, and a folder without counts, are UsageErrors with the
command line's messages. On ../shared/corpus/kremlin (skipped where absent, a failure under CI=true), split in two
shards by file name."""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest

import stenogram
from conftest import assert_same_values, need_shared, read_cli_csv, run_cli

TABLES = ["freq", "keyness", "term_map", "distances", "meetings", "trends"]


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> list:
    """The kremlin corpus's transcripts in two folders: the first half by name, and the rest."""
    kremlin = need_shared("corpus/kremlin")
    files = sorted(p for p in kremlin.iterdir() if p.suffix == ".txt")
    assert len(files) > 10
    root = tmp_path_factory.mktemp("shards")
    out = []
    for i, part in enumerate([files[: len(files) // 2], files[len(files) // 2 :]]):
        folder = root / f"shard{i}"
        folder.mkdir()
        for f in part:
            shutil.copy(f, folder / f.name)
        out.append(folder)
    return out


@pytest.fixture(scope="module")
def counted(shards: list, cli: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Each shard counted by the package and by the command line."""
    root = tmp_path_factory.mktemp("counts")
    ours, theirs = [], []
    for i, shard in enumerate(shards):
        ours.append(stenogram.count(shard, out=root / f"py{i}"))
        done = run_cli(cli, "count", str(shard), "--out", str(root / f"cli{i}"), "--quiet")
        assert done.returncode == 0, done.stderr
        theirs.append(root / f"cli{i}")
    return {"ours": ours, "theirs": theirs}


def test_count_writes_the_command_lines_files(counted: dict) -> None:
    for ours, theirs in zip(counted["ours"], counted["theirs"]):
        assert isinstance(ours, stenogram.Counts)
        written = sorted(p.name for p in theirs.iterdir())
        assert sorted(ours.files) == written
        assert "count.json" in written and ours.meetings > 0 and ours.segments >= ours.meetings
        for name in written:
            assert (ours.out / name).read_bytes() == (theirs / name).read_bytes(), name


def test_report_from_counts_holds_the_values_of_the_command_lines_csvs(
    counted: dict, cli: Path, tmp_path: Path
) -> None:
    out = tmp_path / "cli"
    # The package's counts, reported by the command line, and the command line's, reported by the package.
    done = run_cli(cli, "report", "--from-counts", *map(os.fspath, counted["ours"]), "--out", str(out),
                   "--charts", "none", "--terms", "Россия,экономика")
    assert done.returncode == 0, done.stderr
    with warnings.catch_warnings(record=True) as heard:
        warnings.simplefilter("always")
        r = stenogram.report(from_counts=counted["theirs"], charts="none", terms=["Россия", "экономика"],
                             out=tmp_path / "py")
    notes = [str(w.message) for w in heard if w.category is stenogram.StenogramNote]
    made = next(n for n in notes if n.startswith("made from counts"))
    assert f"note: {made}" in done.stderr
    assert "speakers.csv (turn lengths" in made
    # The same files as the command line's (each table's Parquet twin beside its CSV, for the Report to read).
    assert (tmp_path / "py" / "index.html").read_bytes() == (out / "index.html").read_bytes()
    assert r.summary["words"] == sum(c.words for c in counted["ours"])
    assert "speakers" not in r.tables and "turns" not in r.tables
    assert sorted(r.tables) == sorted(p.stem for p in out.glob("*.csv"))
    for name in TABLES:
        assert_same_values(r.table(name), read_cli_csv(out / f"{name}.csv"), name)
    # Real values, not an empty table: keyness of the shards' words, with strong keywords.
    keyness = r.keyness
    assert len(keyness) > 1000 and keyness["g2"].abs().max() > 10
    for name in r.tables:
        assert_same_values(r.table(name), read_cli_csv(out / f"{name}.csv"), name)


def test_one_folder_of_counts_is_a_path_too(counted: dict) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one = stenogram.report(from_counts=counted["ours"][0], charts="none")
        same = stenogram.report(from_counts=str(counted["theirs"][0]), charts="none")
    assert one.summary == same.summary and one.summary["meetings"] == counted["ours"][0].meetings
    # Without out= the tables are Parquet alone, and the note names those files.
    assert any("not made: speakers.parquet (turn lengths" in n for n in one.notes), one.notes


def test_paths_and_counts_together_are_the_command_lines_usage_error(counted: dict, cli: Path, tmp_path: Path) -> None:
    done = run_cli(cli, "report", "corpus-x", "--from-counts", str(counted["theirs"][0]), "--out", str(tmp_path / "r"))
    assert done.returncode == 1
    with pytest.raises(stenogram.UsageError) as raised:
        stenogram.report("corpus-x", from_counts=counted["theirs"][0], out=tmp_path / "p")
    assert done.stderr == f"error: {raised.value}\n"
    assert "give either PATHS or --from-counts" in str(raised.value)
    assert not (tmp_path / "p").exists()


def test_a_folder_without_counts_is_the_command_lines_usage_error(cli: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_cli(cli, "report", "--from-counts", str(empty), "--out", str(tmp_path / "r"))
    assert done.returncode == 1
    with pytest.raises(stenogram.UsageError) as raised:
        stenogram.report(from_counts=[empty], out=tmp_path / "p")
    assert done.stderr == f"error: {raised.value}\n"
    assert str(raised.value).startswith("--from-counts: ") and str(empty) in str(raised.value)


def test_count_of_nothing_is_the_command_lines_input_error(cli: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    done = run_cli(cli, "count", str(missing), "--out", str(tmp_path / "c"))
    assert done.returncode == 2
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        with pytest.raises(stenogram.InputError) as raised:
            stenogram.count(missing, out=tmp_path / "p")
    assert str(raised.value) == f"no transcript was read, so nothing was written to {tmp_path / 'p'}"
    assert done.stderr.endswith(f"error: no transcript was read, so nothing was written to {tmp_path / 'c'}\n")
    assert not (tmp_path / "p").exists()

"""The package on ../shared/corpus/kremlin (skipped where absent, a failure under CI=true): its DataFrames hold the
values of the command line's CSVs, parse() its turns; the GIL is released while a report runs, and the thread
count does not change a value."""

from __future__ import annotations

import threading
import time
import warnings
from pathlib import Path

import pytest

import stenogram
from conftest import assert_same_values, need_shared, read_cli_csv, run_cli

TABLES = ["freq", "keyness", "speakers", "collocations", "trigrams", "turns", "lexdiv", "distances", "names"]


@pytest.fixture(scope="module")
def kremlin() -> Path:
    return need_shared("corpus/kremlin")


@pytest.fixture(scope="module")
def cli_out(cli: Path, kremlin: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "r"
    done = run_cli(cli, "report", str(kremlin), "--out", str(out), "--charts", "none", "--quiet")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def ours(kremlin: Path) -> stenogram.Report:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return stenogram.report(kremlin, charts="none")


def test_tables_hold_the_values_of_the_command_lines_csvs(ours: stenogram.Report, cli_out: Path) -> None:
    for name in TABLES:
        assert_same_values(ours.table(name), read_cli_csv(cli_out / f"{name}.csv"), name)
    # And every other table the run made.
    assert sorted(ours.tables) == sorted(p.stem for p in cli_out.glob("*.csv"))
    for name in ours.tables:
        assert_same_values(ours.table(name), read_cli_csv(cli_out / f"{name}.csv"), name)


def test_values_spot_checked(ours: stenogram.Report) -> None:
    speakers = ours.speakers.set_index("speaker")
    assert "В.Путин" in speakers.index
    assert speakers["words"].sum() == ours.summary["words"]
    lemma = ours.freq[(ours.freq.view == "lemma") & (ours.freq.speaker == "В.Путин")]
    assert lemma["count"].is_monotonic_decreasing
    # Typed: measures are floats, undefined ones (`NaN` in the CSV) missing values; counts integers.
    assert ours.speakers["mattr"].dtype == "float64" and ours.speakers["mattr"].isna().any()
    assert ours.keyness["g2"].dtype == "float64" and ours.keyness["count_target"].dtype == "int64"
    assert ours.lexdiv["hdd"].dtype == "float64"


def test_parse_equals_the_command_lines_turns(cli: Path, kremlin: Path, tmp_path: Path) -> None:
    done = run_cli(cli, "parse", "--out", str(tmp_path / "turns.csv"), str(kremlin))
    assert done.returncode == 0, done.stderr
    assert_same_values(stenogram.parse(kremlin), read_cli_csv(tmp_path / "turns.csv"), "parse")


def test_the_gil_is_released_while_the_report_runs(kremlin: Path) -> None:
    counted = 0
    running = True

    def count() -> None:
        nonlocal counted
        while running:
            counted += 1

    thread = threading.Thread(target=count)
    thread.start()
    try:
        time.sleep(0.05)
        before = counted
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stenogram.report(kremlin, charts="none", jobs=1)
        took = time.perf_counter() - started
        during = counted - before
    finally:
        running = False
        thread.join()
    # Held, the GIL would let the counter move only between the few Python calls around the run; released, it
    # counts all the while (millions a second).
    assert took > 0.1
    assert during > 10_000 * took, (during, took)


def test_one_thread_and_two_give_the_same_values(kremlin: Path, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one = stenogram.report(kremlin, out=tmp_path / "one", charts="none", jobs=1)
        two = stenogram.report(kremlin, out=tmp_path / "two", charts="none", jobs=2)
    for name in one.tables:
        assert (one.out / f"{name}.csv").read_bytes() == (two.out / f"{name}.csv").read_bytes(), name
        assert one.table(name).equals(two.table(name)), name


def test_an_unknown_speaker_is_a_usage_error_with_the_command_lines_message(cli: Path, kremlin: Path,
                                                                           tmp_path: Path) -> None:
    with pytest.raises(stenogram.UsageError) as raised, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        stenogram.report(kremlin, out=tmp_path / "r", charts="none", speakers="Путин,Никтоев")
    done = run_cli(cli, "report", str(kremlin), "--out", str(tmp_path / "c"), "--charts", "none", "--quiet",
                   "--speakers", "Путин,Никтоев")
    assert done.returncode == 1
    assert done.stderr.strip() == f"error: {raised.value}"
    assert "`stenogram speakers` lists them" in str(raised.value)


def test_the_readmes_example_prints_what_the_readme_shows(kremlin: Path) -> None:
    import contextlib
    import io
    import os
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    shown = re.search(r"```text\n(.*?)```", section, re.S).group(1)
    printed = io.StringIO()
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(printed), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(here)
    assert printed.getvalue() == shown

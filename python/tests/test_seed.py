"""The package on the repository's own corpus (corpus/, no ../shared needed): its report equals the committed
reports/ byte for byte and value for value; parse() and tokens() equal the command line's output; the Report's
interface."""

from __future__ import annotations

import filecmp
import gc
import warnings
import io
import os
from pathlib import Path

import pandas as pd
import pytest

import stenogram
from conftest import ROOT, assert_same_values, read_cli_csv, run_cli

CORPUS = ROOT / "corpus"
COMMITTED = ROOT / "reports"


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> stenogram.Report:
    out = tmp_path_factory.mktemp("seed") / "r"
    # From the repository's root, as reports/ was made (`stenogram report` there): audit.csv names `corpus/...`.
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        with pytest.warns(stenogram.StenogramNote):
            return stenogram.report("corpus", out=out)
    finally:
        os.chdir(here)


def test_out_holds_the_committed_report_byte_for_byte(seed: stenogram.Report) -> None:
    csvs = sorted(p.name for p in COMMITTED.glob("*.csv"))
    assert csvs, "reports/ has CSV tables"
    match, mismatch, errors = filecmp.cmpfiles(COMMITTED, seed.out, csvs + ["index.html"], shallow=False)
    assert not mismatch and not errors, (mismatch, errors)
    # The same files, and beside each table its Parquet file, which the Report reads.
    assert sorted(f for f in seed.files if not f.endswith(".parquet")) == sorted(
        str(p.relative_to(COMMITTED)) for p in COMMITTED.rglob("*") if p.is_file() and not p.name.startswith(".stenogram")
    )
    assert sorted(f[: -len(".parquet")] for f in seed.files if f.endswith(".parquet")) == sorted(
        f[: -len(".csv")] for f in seed.files if f.endswith(".csv")
    )


def test_every_table_holds_the_values_of_its_csv(seed: stenogram.Report) -> None:
    assert {"freq", "keyness", "speakers", "collocations", "turns"} <= set(seed.tables)
    for name in seed.tables:
        assert_same_values(getattr(seed, name), read_cli_csv(COMMITTED / f"{name}.csv"), name)


def test_tables_are_typed(seed: stenogram.Report) -> None:
    freq = seed.freq
    assert pd.api.types.is_integer_dtype(freq["count"])
    assert pd.api.types.is_float_dtype(freq["per_10k"])
    assert pd.api.types.is_bool_dtype(freq["stopword"])
    assert pd.api.types.is_string_dtype(freq["term"])


def test_the_report_says_what_it_holds(seed: stenogram.Report) -> None:
    assert "freq" in dir(seed) and "keyness" in dir(seed)
    assert seed.summary == {"meetings": 1, "speakers": 2, "words": 452, "grouped": False}
    text = repr(seed)
    assert "1 meeting, 2 speakers, 452 words" in text and "freq" in text
    with pytest.raises(AttributeError):
        seed.no_such_table
    with pytest.raises(KeyError, match="no table 'nope'"):
        seed.table("nope")
    assert seed.notes and all(isinstance(n, str) for n in seed.notes)


def test_to_polars_gives_the_same_table(seed: stenogram.Report) -> None:
    pl = pytest.importorskip("polars")
    frame = seed.to_polars("keyness")
    assert isinstance(frame, pl.DataFrame)
    assert frame.columns == list(seed.keyness.columns)
    assert frame["g2"].to_list() == pytest.approx(seed.keyness["g2"].to_list())


def test_without_out_the_report_lives_in_a_folder_removed_with_it() -> None:
    r = stenogram.report(CORPUS, charts="none", min_words=1)
    out = r.out
    assert (out / "freq.csv").exists() and not r.notes or True
    assert len(r.freq) > 0
    del r
    gc.collect()
    assert not out.exists()


def test_parse_equals_the_command_lines_csv(cli: Path, tmp_path: Path) -> None:
    done = run_cli(cli, "parse", "--format", "csv", "--out", str(tmp_path / "turns.csv"), str(CORPUS))
    assert done.returncode == 0, done.stderr
    turns = stenogram.parse(CORPUS)
    assert_same_values(turns, read_cli_csv(tmp_path / "turns.csv"), "parse")
    assert turns["speaker"].tolist() == ["В.Путин", "К.-Ж.Токаев"]


def test_tokens_equal_the_command_lines(cli: Path, tmp_path: Path) -> None:
    text = "В.Путин: по-моему, 24,5 млрд. Ёлки — nan null NaN!\nHe was talking; they talked."
    source = tmp_path / "t.txt"
    source.write_text(text, encoding="utf-8")
    for lang in ("ru", "en"):
        done = run_cli(cli, "tokens", "--lang", lang, str(source))
        assert done.returncode == 0, done.stderr
        expected = pd.read_csv(io.StringIO(done.stdout), sep="\t", dtype=str, keep_default_na=False,
                               quoting=3)
        ours = stenogram.tokens(text, lang=lang)
        assert_same_values(ours, expected, f"tokens {lang}")
    assert "nan" in stenogram.tokens("nan null").key.tolist()


def test_options_are_checked_with_the_command_lines_messages(cli: Path, tmp_path: Path) -> None:
    cases = [
        (dict(view="word"), ["--view", "word"]),
        (dict(pair="В.Путин"), ["--pair", "В.Путин"]),
        (dict(speakers=["Никто"]), ["--speakers", "Никто"]),
        (dict(mfw="abc"), ["--mfw", "abc"]),
        (dict(since="2022-13-40"), ["--since", "2022-13-40"]),
        (dict(top=0), ["--top", "0"]),
        (dict(group_by="speaker,speaker"), ["--group-by", "speaker,speaker"]),
    ]
    for keywords, flags in cases:
        with pytest.raises(stenogram.UsageError) as raised:
            stenogram.report(CORPUS, out=tmp_path / "r", charts="none", **keywords)
        assert isinstance(raised.value, ValueError) and isinstance(raised.value, stenogram.StenogramError)
        done = run_cli(cli, "report", str(CORPUS), "--out", str(tmp_path / "c"), "--charts", "none", *flags)
        assert done.returncode == 1, flags
        said = done.stderr.strip().splitlines()[0]
        if not flags[0] in ("--view", "--top"):
            assert said == f"error: {raised.value}", flags
        else:
            # clap's own words, said the same way up to its layout.
            assert said.startswith(f"error: {str(raised.value).split(' [')[0].split(': expected')[0]}"), (said, flags)
    assert not (tmp_path / "r").exists(), "nothing is written when an option is wrong"


def test_wrong_keywords_and_types_are_type_errors() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'veiw'"):
        stenogram.report(CORPUS, veiw="lemma")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="top"):
        stenogram.report(CORPUS, top="15")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        stenogram.tokens(b"bytes")  # type: ignore[arg-type]


def test_nothing_read_is_an_input_error_and_each_bad_path_a_warning(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    with pytest.warns(stenogram.StenogramWarning, match="no-such-folder"):
        with pytest.raises(stenogram.InputError, match="no transcript was read, so nothing was written to"):
            stenogram.report(missing, out=tmp_path / "r")
    assert not (tmp_path / "r").exists()


def test_dates_leaving_nothing_are_an_input_error(tmp_path: Path) -> None:
    import datetime

    with pytest.warns(stenogram.StenogramNote, match="--since/--until left out 1 meeting"):
        with pytest.raises(stenogram.InputError, match="no meeting falls between --since and --until"):
            stenogram.report(CORPUS, out=tmp_path / "r", since=datetime.date(2030, 1, 1))


def test_the_command_lines_warnings_are_python_warnings(tmp_path: Path) -> None:
    with pytest.warns(stenogram.StenogramWarning) as heard:
        r = stenogram.report(CORPUS, out=tmp_path / "r", charts="none", terms=["абракадабра"])
    texts = [str(w.message) for w in heard if w.category is stenogram.StenogramWarning]
    assert any("абракадабра" in t for t in texts), texts
    assert any("абракадабра" in t for t in r.warnings)


def test_some_files_unreadable_is_a_warning_and_the_rest_is_reported(tmp_path: Path) -> None:
    with pytest.warns(stenogram.StenogramWarning, match="missing.txt"):
        r = stenogram.report([CORPUS, tmp_path / "missing.txt"], out=tmp_path / "r", charts="none")
    assert len(r.errors) == 1 and r.summary["words"] == 452


def test_words_that_look_like_missing_values_or_numbers_stay_words(tmp_path: Path) -> None:
    source = tmp_path / "2024-01-01_nan.txt"
    source.write_text(
        "В.Путин: Слово nan и слово null, и NaN, и true, и 2024 год. Снова nan, null, true.\n"
        "А.Лукашенко: Да, nan и null.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = stenogram.report(source, out=tmp_path / "r", charts="none", min_count=1)
    keys = r.freq[r.freq.view == "key"]
    assert pd.api.types.is_string_dtype(keys["term"])
    assert {"nan", "null", "true"} <= set(keys["term"])
    assert keys["term"].isna().sum() == 0
    assert_same_values(r.freq, read_cli_csv(tmp_path / "r" / "freq.csv"), "freq")


def test_a_cache_of_readings_changes_no_table(tmp_path: Path) -> None:
    """``cache=`` (``--cache``): the first call fills the folder, the second reads from it; the CSVs stay those of a
    report without it, and ``count(cache=...)`` uses the same file."""
    cache = tmp_path / "cache"
    made = []
    for run in ["plain", "filling", "cached"]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", stenogram.StenogramNote)
            given = {} if run == "plain" else {"cache": cache}
            made.append(stenogram.report(CORPUS, out=tmp_path / run, charts="none", **given))
    files = sorted(cache.iterdir())
    assert len(files) == 1 and files[0].name.startswith("readings-"), files
    written = files[0].read_bytes()
    csvs = sorted(p.name for p in made[0].out.glob("*.csv"))
    assert len(csvs) > 10
    for other in made[1:]:
        match, mismatch, errors = filecmp.cmpfiles(made[0].out, other.out, csvs, shallow=False)
        assert not mismatch and not errors, (mismatch, errors)
    stenogram.count(CORPUS, out=tmp_path / "counts", cache=cache)
    assert files[0].read_bytes() == written, "nothing new to add"

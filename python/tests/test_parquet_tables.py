"""The report's Parquet tables (`stenogram report --format both`) hold the values of its CSV tables, typed.

Every table of a report of ../shared/corpus/kremlin (with --matrix, a dictionary and --min-words 1000, so that no
table is empty) and of the embedded corpus is read back by pandas, polars and DuckDB and compared cell by cell with
its CSV: floats exactly (the CSV writes the shortest text that reads back to the same float; `NaN` there is a null
here), integers, booleans, dates and strings as written.
"""

import datetime
import math
import os
import subprocess
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import REPO, shared, stenogram_binary


def make_report(out: Path, *args: str) -> Path:
    subprocess.run(
        [str(stenogram_binary()), "report", *args, "--out", str(out), "--format", "both", "--charts", "none",
         "--quiet"],
        check=True,
        cwd=REPO,
    )
    return out


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    made = [make_report(tmp_path_factory.mktemp("seed"), "corpus")]
    kremlin = shared("corpus/kremlin")
    if kremlin is not None:
        made.append(make_report(tmp_path_factory.mktemp("kremlin"), str(kremlin), "--matrix", "--min-words",
                                "1000", "--dictionary", str(REPO / "docs/examples/politics.yml")))
    return made


def tables(report: Path):
    found = sorted(p.relative_to(report) for p in report.rglob("*.parquet"))
    assert found, f"no Parquet table in {report}"
    for parquet in found:
        assert (report / parquet.with_suffix(".csv")).exists(), f"{parquet} has no CSV twin"
    csvs = sorted(p.relative_to(report) for p in report.rglob("*.csv"))
    assert [c.with_suffix(".parquet") for c in csvs] == found, "every CSV has a Parquet twin"
    return found


def csv_text(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def same(kind: pa.DataType, text: str, value) -> bool:
    """Whether a CSV cell and a Parquet value say the same."""
    if value is None:
        return text in ("", "NaN")
    if pa.types.is_floating(kind):
        return text != "NaN" and float(text) == value and not math.isnan(value)
    if pa.types.is_integer(kind):
        return int(text) == value
    if pa.types.is_boolean(kind):
        return text == ("true" if value else "false")
    if pa.types.is_date32(kind):
        return text == value.isoformat()
    return text == value


def check(report: Path, name: Path, rows_of) -> int:
    text = csv_text(report / name.with_suffix(".csv"))
    schema = pq.read_schema(report / name)
    assert list(schema.names) == list(text.columns), name
    rows = rows_of(report / name, schema)
    assert len(rows) == len(text), name
    for column, kind in zip(schema.names, schema.types):
        assert not pa.types.is_null(kind) and not pa.types.is_large_string(kind), (name, column, kind)
        for i, (cell, value) in enumerate(zip(text[column], rows[column])):
            assert same(kind, cell, value), f"{name}:{i + 2}: {column}: CSV {cell!r}, Parquet {value!r}"
    return len(rows)


def by_pandas(path: Path, schema: pa.Schema) -> dict:
    frame = pd.read_parquet(path, engine="pyarrow", dtype_backend="pyarrow")
    def plain(v):
        if v is pd.NA or v is None:
            return None
        return v.item() if hasattr(v, "item") else v
    return _Columns({c: [plain(v) for v in frame[c]] for c in frame.columns}, len(frame))


def by_polars(path: Path, schema: pa.Schema) -> dict:
    frame = pl.read_parquet(path)
    return _Columns({c: frame[c].to_list() for c in frame.columns}, frame.height)


def by_duckdb(path: Path, schema: pa.Schema) -> dict:
    con = duckdb.connect()
    rel = con.sql(f"SELECT * FROM read_parquet('{path}')")
    rows = rel.fetchall()
    columns = rel.columns
    return _Columns({c: [r[i] for r in rows] for i, c in enumerate(columns)}, len(rows))


class _Columns(dict):
    def __init__(self, columns, n):
        super().__init__(columns)
        self.n = n

    def __len__(self):
        return self.n


@pytest.mark.parametrize("reader", [by_pandas, by_polars, by_duckdb], ids=["pandas", "polars", "duckdb"])
def test_parquet_tables_hold_the_csv_values(reports, reader):
    checked = 0
    for report in reports:
        for name in tables(report):
            checked += check(report, name, reader)
    assert checked > 1000


def test_columns_are_typed(reports):
    report = reports[-1]
    freq = pq.read_schema(report / "freq.parquet")
    assert freq.field("count").type == pa.int64()
    assert freq.field("per_10k").type == pa.float64()
    assert freq.field("stopword").type == pa.bool_()
    assert pq.read_schema(report / "meetings.parquet").field("date").type == pa.date32()
    lexdiv = pq.read_table(report / "lexdiv.parquet").to_pydict()
    # A measure undefined for a short text is a null, not NaN and not an empty string.
    assert any(v is None for v in lexdiv["hdd"])
    assert all(v is None or not math.isnan(v) for v in lexdiv["hdd"])


def test_an_empty_table_keeps_its_types(tmp_path):
    out = make_report(tmp_path / "r", "corpus")
    # The seed has two speakers under --min-words, so the stability table is empty but typed.
    table = pq.read_table(out / "stability.parquet")
    assert table.num_rows == 0
    assert table.schema.field("nearest_share").type == pa.float64()
    assert table.schema.field("sizes").type == pa.int64()


def test_the_matrix_is_written_in_row_groups(reports):
    if len(reports) < 2:
        pytest.skip("../shared/corpus/kremlin is absent")
    meta = pq.ParquetFile(reports[-1] / "matrix.parquet").metadata
    assert meta.num_rows == len(csv_text(reports[-1] / "matrix.csv"))
    # Row groups of 131,072 rows (ROW_GROUP in src/report/parquet/mod.rs), written as they fill.
    assert meta.num_row_groups == -(-meta.num_rows // 131072)

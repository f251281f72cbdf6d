"""The :class:`Report`: a report's folder with each table as a pandas DataFrame, loaded on first use."""

from __future__ import annotations

import csv as _csv
import math
import os
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

# Columns that hold words or names, never numbers, whatever their values look like (a term `2024`, a speaker
# `1`). Used only when a table is read from CSV; Parquet tables carry their types.
_TEXT_COLUMNS = frozenset(
    """term form first second third word key stem lemma pos speaker target reference meeting label text view group
    a b attribute category dictionary period date title source language file name kind part counterpart
    pair left right match""".split()
)


_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|NaN|inf|-inf"


def _typed(table: pa.Table) -> pd.DataFrame:
    """A table read as text made typed: a column of words or names stays text (``nan`` and ``null`` included); any
    other column whose every non-empty cell is a number as the report writes numbers (``NaN`` an undefined measure)
    becomes numeric (an empty cell: missing), integer where every cell is a whole number; one of only ``true`` and
    ``false`` becomes boolean; every other column stays text."""
    frame = table.to_pandas()
    for column in frame.columns:
        values = frame[column]
        if column in _TEXT_COLUMNS or not pd.api.types.is_string_dtype(values):
            continue
        given = values[values != ""]
        if not len(given):
            continue
        if len(given) == len(values) and given.isin(["true", "false"]).all():
            frame[column] = values == "true"
        elif given.str.fullmatch(_NUMBER).all():
            if len(given) == len(values) and given.str.fullmatch(r"[+-]?\d+").all():
                frame[column] = pd.to_numeric(values).astype("int64")
            else:
                frame[column] = pd.Series([float(v) if v else math.nan for v in values], index=values.index,
                                          dtype="float64")
    return frame


def read_table(path: Path) -> pd.DataFrame:
    """One table of a report: ``NAME.parquet`` through pyarrow where it was written (typed as written), else
    ``NAME.csv`` read as text through pyarrow and typed by :func:`_typed` (words such as ``nan`` stay words)."""
    parquet = path.with_suffix(".parquet")
    if parquet.exists():
        import pyarrow.parquet as pq

        return pq.read_table(parquet).to_pandas()
    csv = path.with_suffix(".csv")
    with open(csv, newline="", encoding="utf-8") as f:
        columns = next(_csv.reader(f), [])
    convert = pa_csv.ConvertOptions(
        column_types={c: pa.string() for c in columns},
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
        null_values=[],
    )
    return _typed(pa_csv.read_csv(csv, convert_options=convert))


class Report:
    """A report written by :func:`stenogram.report`: its folder, files, messages, and each table as an attribute.

    Attributes
    ----------
    out : pathlib.Path
        The report's folder (a temporary one, removed with the Report, when ``report()`` was not given ``out=``).
    files : list of str
        Every file written, relative to ``out`` (tables, charts, ``index.html``).
    tables : list of str
        The names of the tables (files without their extension): ``freq``, ``keyness``, ``speakers``, ... Each is an
        attribute holding a pandas DataFrame, read on first use and kept.
    warnings, notes : list of str
        What the run told (also raised as :class:`stenogram.StenogramWarning` and :class:`stenogram.StenogramNote`).
    errors : list of str
        Files that could not be read while the others were.
    summary : dict
        ``meetings``, ``speakers`` (groups, with ``group_by``) and ``words``: how many the report is about (the
        command line's last line), and ``grouped``: whether it compares groups. (``r.meetings`` and ``r.speakers``
        are the tables of those names.)

    Examples
    --------
    >>> r = stenogram.report("corpus", charts="none")          # doctest: +SKIP
    >>> r.freq.query("view == 'lemma'").head()                  # doctest: +SKIP
    >>> r.to_polars("keyness")                                  # doctest: +SKIP
    """

    def __init__(self, out: Path, result: Dict[str, Any], told: Dict[str, List[str]],
                 keep: Optional[tempfile.TemporaryDirectory] = None) -> None:
        self.out = Path(out)
        self.files: List[str] = list(result["files"])
        self.warnings: List[str] = told["warning"]
        self.notes: List[str] = told["note"]
        self.errors: List[str] = told["error"]
        self.summary: Dict[str, Any] = {
            key: result[key] for key in ("meetings", "speakers", "words", "grouped")
        }
        names = {os.path.splitext(f)[0] for f in self.files
                 if "/" not in f and f.endswith((".csv", ".parquet"))}
        self.tables: List[str] = sorted(names)
        self._loaded: Dict[str, pd.DataFrame] = {}
        self._keep = keep

    def table(self, name: str) -> pd.DataFrame:
        """The table ``name`` (``"freq"``, ``"keyness"``, ...) as a pandas DataFrame (the attribute ``r.NAME``).

        Raises
        ------
        KeyError
            If the report has no such table.
        """
        if name not in self.tables:
            raise KeyError(f"no table '{name}' in this report; it has {', '.join(self.tables)}")
        if name not in self._loaded:
            self._loaded[name] = read_table(self.out / name)
        return self._loaded[name]

    def to_polars(self, name: str) -> Any:
        """The table ``name`` as a polars DataFrame (needs ``polars``: ``pip install 'stenogram[polars]'``)."""
        import polars as pl

        if name not in self.tables:
            raise KeyError(f"no table '{name}' in this report; it has {', '.join(self.tables)}")
        parquet = (self.out / name).with_suffix(".parquet")
        if parquet.exists():
            return pl.read_parquet(parquet)
        return pl.from_pandas(self.table(name))

    def __getattr__(self, name: str) -> pd.DataFrame:
        """``r.freq``: the table of that name (see :meth:`table`); other names are an AttributeError."""
        if name.startswith("_") or name not in self.__dict__.get("tables", ()):
            raise AttributeError(f"'Report' object has no attribute '{name}'")
        return self.table(name)

    def __dir__(self) -> List[str]:
        """The attributes, the tables of this report included (for completion in editors and notebooks)."""
        return sorted(set(super().__dir__()) | set(self.tables))

    def __repr__(self) -> str:
        """Where the report is, what it is about (meetings, speakers or groups, words), its files and tables."""
        counts = self.summary
        who = "group" if counts["grouped"] else "speaker"
        plural = lambda n, noun: f"{n} {noun}" + ("" if n == 1 else "s")  # noqa: E731
        return (
            f"<stenogram.Report {str(self.out)!r}: {plural(counts['meetings'], 'meeting')}, "
            f"{plural(counts['speakers'], who)}, {plural(counts['words'], 'word')}; "
            f"{plural(len(self.files), 'file')}; "
            f"tables: {', '.join(self.tables)}>"
        )

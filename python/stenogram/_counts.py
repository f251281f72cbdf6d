"""The :class:`Counts`: the folder of a shard's counts written by :func:`stenogram.count`, and what it holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import List


@dataclass(frozen=True)
class Counts:
    """A shard's counts, as ``stenogram count --out`` writes them (Parquet files; docs/counts.md).

    A Counts is a path (``os.PathLike``): pass it, or a list of them, to ``stenogram.report(from_counts=...)``, or
    its folder to DuckDB or Spark to merge with other shards' counts.

    Attributes
    ----------
    out : pathlib.Path
        The folder of the counts.
    files : list of str
        The files written, relative to ``out``.
    meetings, segments, words : int
        How many meetings, segments (meeting, speaker, interpreted flag and turn attributes) and words they count:
        the command line's last line.
    warnings, notes, errors : list of str
        What the run told (also raised as :class:`stenogram.StenogramWarning` and :class:`stenogram.StenogramNote`).
    """

    out: Path
    files: List[str]
    meetings: int
    segments: int
    words: int
    warnings: List[str] = field(default_factory=list, repr=False)
    notes: List[str] = field(default_factory=list, repr=False)
    errors: List[str] = field(default_factory=list, repr=False)

    def __fspath__(self) -> str:
        """The folder, so that a Counts is a path."""
        return str(self.out)

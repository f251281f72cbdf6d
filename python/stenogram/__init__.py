"""stenogram: Russian political transcripts to statistics that compare how the speakers talk.

The command line's ``report``, ``count``, ``parse`` and ``tokens`` as Python functions returning pandas DataFrames
(``count``: the folder of the counts), with the same options (named as the long flags, ``-`` as ``_``), the same checks
and the same messages:

>>> import stenogram
>>> r = stenogram.report("corpus", charts="none")                           # doctest: +SKIP
>>> r.keyness.sort_values("g2", ascending=False).head()                    # doctest: +SKIP
>>> a = stenogram.count("shard-a", out="counts/a")                         # doctest: +SKIP
>>> r = stenogram.report(from_counts=[a, "counts/b"], charts="none")       # doctest: +SKIP
>>> turns = stenogram.parse("corpus")                                      # doctest: +SKIP
>>> stenogram.tokens("Добрый день, коллеги.")                              # doctest: +SKIP

Errors are :class:`UsageError` (an option to fix) and :class:`InputError` (nothing to report on), both
:class:`StenogramError`; the command line's warnings and notes are Python warnings (:class:`StenogramWarning`,
:class:`StenogramNote`). The work runs without the GIL, on ``jobs`` threads of its own.
"""

from __future__ import annotations

import datetime
import os
import tempfile
import warnings as _warnings
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Union

import pandas as pd

from . import _options as _o
from . import _stenogram
from ._counts import Counts
from ._errors import InputError, StenogramError, StenogramNote, StenogramWarning, UsageError
from ._report import Report

__all__ = [
    "report",
    "count",
    "Counts",
    "parse",
    "tokens",
    "Report",
    "StenogramError",
    "UsageError",
    "InputError",
    "StenogramWarning",
    "StenogramNote",
]
__version__: str = _stenogram.__version__

PathLike = Union[str, "os.PathLike[str]"]
Date = Union[str, int, datetime.date]


def _tell(told: List[tuple], stacklevel: int = 3) -> Dict[str, List[str]]:
    """Raises what a run told as Python warnings (warnings and unreadable files as StenogramWarning, notes as
    StenogramNote), in order, pointing at the caller of the public function, and returns them by kind."""
    by_kind: Dict[str, List[str]] = {"warning": [], "note": [], "error": []}
    for kind, text in told:
        by_kind[kind].append(text)
        category = StenogramNote if kind == "note" else StenogramWarning
        _warnings.warn(text, category, stacklevel=stacklevel)
    return by_kind


def _raise(error: Optional[tuple]) -> None:
    if error is None:
        return
    kind, message = error
    if kind == "usage":
        raise UsageError(message)
    raise InputError(message)


def report(
    paths: Union[PathLike, Sequence[PathLike], None] = None,
    *,
    from_counts: Union[PathLike, Sequence[PathLike], None] = None,
    out: Optional[PathLike] = None,
    view: str = "lemma",
    content: str = "both",
    top: int = 15,
    min_count: int = 3,
    speakers: Union[str, Sequence[str], None] = None,
    pair: Union[str, Sequence[str], None] = None,
    terms: Union[str, Sequence[str], None] = None,
    stopwords: Optional[PathLike] = None,
    extra_stopwords: Optional[PathLike] = None,
    charts: str = "both",
    format: str = "csv",
    window: int = 100,
    interpreted: str = "include",
    period: Optional[str] = None,
    min_period_words: int = 1000,
    xray_meeting: Optional[str] = None,
    matrix: bool = False,
    mfw: Union[int, str, range] = 150,
    min_words: int = 2500,
    speaker_info: Optional[PathLike] = None,
    meeting_info: Optional[PathLike] = None,
    group_by: Union[str, Sequence[str], None] = None,
    dictionary: Union[PathLike, Sequence[PathLike], None] = None,
    reference: Optional[str] = None,
    skip_punct: bool = False,
    keep_stopword_pairs: bool = False,
    jobs: Optional[int] = None,
    cache: Optional[PathLike] = None,
    columns: Union[str, Dict[str, str], None] = None,
    aliases: Optional[PathLike] = None,
    lang: Optional[str] = None,
    since: Optional[Date] = None,
    until: Optional[Date] = None,
    narrator: Optional[str] = None,
) -> Report:
    """Write the report of transcripts and return it with its tables as DataFrames.

    Every option is ``stenogram report``'s, named as its long flag with ``_`` for ``-`` and with its default; see
    ``stenogram report --help`` and docs/guide.md for their meaning. Every option is checked before any transcript
    is read. The work runs with the GIL released, on ``jobs`` threads.

    Parameters
    ----------
    paths : str, os.PathLike or list of them, optional
        Transcript files, kremlin.ru pages, table corpora (.csv, .tsv, .jsonl) or folders (default: ``"corpus"``).
        Omitted or None with ``from_counts``.
    from_counts : str, os.PathLike, Counts or list of them, optional
        Report folders of counts instead of transcripts (``stenogram count`` or :func:`count`: shards, or an
        engine's merge of them; ``--from-counts``): only the tables and charts counts allow are made, and a
        :class:`StenogramNote` says which are not. ``paths`` must then be omitted or None (giving both is a
        UsageError, as on the command line). ``interpreted`` and ``lang`` must be the counts' (or left out);
        ``since``/``until`` pick meetings of the counts by date; the other options read the counts as they read
        transcripts (docs/counts.md).
    out : str or os.PathLike, optional
        The folder to write the report into, the same files as the command line writes. Without it the report is
        written into a temporary folder removed when the returned Report is garbage-collected.
    view : {"lemma", "stem", "key"}
        Term view for keyness, trends and the charts.
    content : {"both", "pos", "stopwords"}
        Which words are content words.
    top : int
        Rows per chart panel and per table preview (1 to 1000).
    min_count : int
        Minimum count of a word pair or triple, and of a term for keyness.
    speakers : str or list of str, optional
        Speakers to chart, in order (a string is split at commas).
    pair : str or list of str, optional
        The two speakers the keyness chart compares.
    terms : str or list of str, optional
        Words or phrases for trends.csv and the x-ray chart.
    stopwords : path or "none", optional
        A stopword list replacing the built-in lists, or ``"none"``.
    extra_stopwords : path, optional
        Stopwords added to the list in use.
    charts : {"both", "png", "svg", "none"}
        Chart formats (``"none"`` is fastest when only the tables are wanted).
    format : {"csv", "parquet", "both"}
        The files the tables are written as in ``out``. The Report reads the Parquet files (typed), so with
        ``"csv"`` (the command line's default) they are written beside the CSVs too; without ``out`` only Parquet
        is written.
    window : int
        MATTR window in words.
    interpreted : {"include", "exclude", "separate"}
        What becomes of interpreted turns.
    period : {"meeting", "month", "quarter", "year"}, optional
        How the charts across time group meetings.
    min_period_words : int
        Words a period needs for its points in the charts across time.
    xray_meeting : str, optional
        The meeting of the x-ray chart: its id, a part of it, or its date.
    matrix : bool
        Also write matrix.csv (every count of a term by a speaker in a meeting).
    mfw : int, str or range
        Most frequent words in the Delta measures: ``150``, ``"100..1000:100"`` or ``range(100, 1001, 100)``.
    min_words : int
        Words a speaker needs to be in distances.csv and the consensus tree.
    speaker_info, meeting_info : path, optional
        CSVs of what is known of speakers (a ``speaker`` column) and meetings (``meeting`` or ``file``).
    group_by : str or list of str, optional
        Compare groups instead of speakers: ``["speaker", "counterpart"]``.
    dictionary : path or list of paths, optional
        Content-analysis dictionaries (.yml, .dic, .lc3, .cat), merged.
    reference : str, optional
        Keyness reference speaker (default: all other speakers).
    skip_punct : bool
        Skip punctuation between words when pairing them.
    keep_stopword_pairs : bool
        Keep word pairs that contain a stopword.
    jobs : int, optional
        Worker threads (default: all cores), in a thread pool of this call's own.
    cache : str or os.PathLike, optional
        A folder that keeps the dictionary's readings of words between runs (``--cache``; made if missing): a
        rerun reads only the words it has not met. It never changes an output.
    columns : str or dict, optional
        Columns of table corpora: ``"text=body,speaker=who"`` or ``{"text": "body", "speaker": "who"}``.
    aliases : path, optional
        CSV ``label,speaker`` joining other spellings of a speaker.
    lang : {"ru", "en"}, optional
        Language of the texts instead of detecting it per file.
    since, until : str, int or datetime.date, optional
        Only the meetings of this day (``"2022-02-24"``), month (``"2022-02"``) or year (``2022``) or later
        (``since``), or earlier (``until``).
    narrator : str, optional
        Attribute files without speaker labels to this speaker.

    Returns
    -------
    Report
        The report's folder, files, messages, and each table as an attribute (``r.freq``, ``r.keyness``, ...).

    Raises
    ------
    UsageError
        A wrong option value, an option's file that cannot be read or parsed, a name that matches no speaker;
        ``paths`` and ``from_counts`` both given; a folder of ``from_counts`` that holds no counts or counts that
        do not fit the options.
    InputError
        No transcript could be read, or ``since``/``until`` left every meeting out.
    TypeError
        An unknown keyword, or a value of the wrong type.

    Warns
    -----
    StenogramWarning
        What the command line prints as ``warning: ...``, and each file that could not be read.
    StenogramNote
        What the command line prints as ``note: ...``.
    """
    keep = None
    if out is None:
        keep = tempfile.TemporaryDirectory(prefix="stenogram-")
        out = os.path.join(keep.name, "report")
    options = _o.reading(paths, columns, aliases, lang, since, until, narrator)
    # The Report loads the Parquet tables: asked for CSV, it writes both (into a temporary folder, Parquet alone).
    written = {"csv": "parquet" if keep is not None else "both"}.get(format, format) if isinstance(format, str) else format
    options.update(
        out=_o.path("out", out),
        format=_o.text("format", written),
        view=_o.text("view", view),
        content=_o.text("content", content),
        top=_o.whole("top", top),
        min_count=_o.whole("min_count", min_count),
        speakers=_o.names("speakers", speakers),
        pair=_o.names("pair", pair),
        terms=_o.names("terms", terms),
        stopwords=_o.path("stopwords", stopwords),
        extra_stopwords=_o.path("extra_stopwords", extra_stopwords),
        charts=_o.text("charts", charts),
        window=_o.whole("window", window),
        interpreted=_o.text("interpreted", interpreted),
        period=_o.text("period", period),
        min_period_words=_o.whole("min_period_words", min_period_words),
        xray_meeting=_o.text("xray_meeting", xray_meeting),
        matrix=_o.flag("matrix", matrix),
        mfw=_o.mfw(mfw),
        min_words=_o.whole("min_words", min_words),
        speaker_info=_o.path("speaker_info", speaker_info),
        meeting_info=_o.path("meeting_info", meeting_info),
        group_by=_o.names("group_by", group_by),
        dictionary=None if dictionary is None else _o.paths("dictionary", dictionary),
        reference=_o.text("reference", reference),
        skip_punct=_o.flag("skip_punct", skip_punct),
        keep_stopword_pairs=_o.flag("keep_stopword_pairs", keep_stopword_pairs),
        jobs=_o.whole("jobs", jobs),
        cache=_o.path("cache", cache),
        from_counts=None if from_counts is None else _o.paths("from_counts", from_counts),
    )
    result = _stenogram.report(options)
    told = _tell(result["told"])
    _raise(result["error"])
    return Report(Path(out), result, told, keep)


def count(
    paths: Union[PathLike, Sequence[PathLike], None] = None,
    *,
    out: PathLike,
    interpreted: str = "include",
    jobs: Optional[int] = None,
    cache: Optional[PathLike] = None,
    columns: Union[str, Dict[str, str], None] = None,
    aliases: Optional[PathLike] = None,
    lang: Optional[str] = None,
    since: Optional[Date] = None,
    until: Optional[Date] = None,
    narrator: Optional[str] = None,
) -> Counts:
    """Write the mergeable counts of a shard of transcripts, as ``stenogram count PATHS --out OUT`` does.

    The counts are Parquet files (docs/counts.md): per meeting, speaker and view, the term counts, word and turn
    totals, pair counts and each meeting's metadata. :func:`report` with ``from_counts=`` reports one or many
    shards' counts (summed on read); DuckDB or Spark can merge them first.

    Parameters
    ----------
    paths : str, os.PathLike or list of them, optional
        Transcript files, pages, table corpora or folders (default: ``"corpus"``).
    out : str or os.PathLike
        The folder of the counts (made if missing).
    interpreted : {"include", "exclude", "separate"}
        What becomes of interpreted turns; a report from these counts must say the same.
    jobs : int, optional
        Worker threads (default: all cores), in a thread pool of this call's own.
    cache : str or os.PathLike, optional
        A folder that keeps the dictionary's readings of words between runs (``--cache``; made if missing): a
        rerun reads only the words it has not met. It never changes an output.
    columns, aliases, lang, since, until, narrator
        The reading options of :func:`report`.

    Returns
    -------
    Counts
        The folder (a path: pass it to ``report(from_counts=...)``), its files, and how many meetings, segments
        and words it counts.

    Raises
    ------
    UsageError
        A wrong option value or reading option.
    InputError
        No transcript could be read (nothing is written); or the counts could not be written.
    TypeError
        An unknown keyword, or a value of the wrong type.

    Warns
    -----
    StenogramWarning
        Each file's warnings, and each file that could not be read.
    StenogramNote
        Meetings left out by ``since``/``until``.
    """
    options = _o.reading(paths, columns, aliases, lang, since, until, narrator)
    options.update(
        out=_o.path("out", out),
        interpreted=_o.text("interpreted", interpreted),
        jobs=_o.whole("jobs", jobs),
        cache=_o.path("cache", cache),
    )
    result = _stenogram.count(options)
    told = _tell(result["told"])
    _raise(result["error"])
    return Counts(Path(out), list(result["files"]), result["meetings"], result["segments"], result["words"],
                  told["warning"], told["note"], told["error"])


def parse(
    paths: Union[PathLike, Sequence[PathLike], None] = None,
    *,
    columns: Union[str, Dict[str, str], None] = None,
    aliases: Optional[PathLike] = None,
    lang: Optional[str] = None,
    since: Optional[Date] = None,
    until: Optional[Date] = None,
    narrator: Optional[str] = None,
    jobs: Optional[int] = None,
) -> pd.DataFrame:
    """Read transcripts into one row per speaker turn, as ``stenogram parse --format csv`` writes them.

    Parameters
    ----------
    paths : str, os.PathLike or list of them, optional
        Transcript files, pages, table corpora or folders (default: ``"corpus"``).
    columns, aliases, lang, since, until, narrator
        The reading options of :func:`report`.
    jobs : int, optional
        Worker threads (default: all cores).

    Returns
    -------
    pandas.DataFrame
        Columns ``meeting, date, turn, speaker, label, interpreted, paragraphs, words, text`` (``date`` is text,
        empty when the meeting has none; ``turn`` counts from 1 in each meeting).

    Raises
    ------
    UsageError
        A wrong reading option (a date, ``columns``, the alias file).

    Warns
    -----
    StenogramWarning
        Each file's warnings, and each file that could not be read.
    """
    options = _o.reading(paths, columns, aliases, lang, since, until, narrator)
    options["jobs"] = _o.whole("jobs", jobs)
    result = _stenogram.parse(options)
    _tell(result["told"])
    _raise(result["error"])
    frame = pd.DataFrame(result["columns"])
    return frame.astype({"turn": "int64", "paragraphs": "int64", "words": "int64", "interpreted": "bool"})


def tokens(text: str, *, lang: str = "ru") -> pd.DataFrame:
    """The tokens of plain text, as ``stenogram tokens`` prints them.

    Parameters
    ----------
    text : str
        Any text.
    lang : {"ru", "en"}
        Stemmer language; with ``"en"``, Cyrillic words are stemmed too instead of lemmatized.

    Returns
    -------
    pandas.DataFrame
        Columns ``start, end, kind, surface, key, stem, lemma, pos``: UTF-8 byte offsets into ``text`` (end
        exclusive), ``word``/``number``/``punct``/``symbol``, the token as written, its key (lowercase, ``ё`` as
        ``е``), Snowball stem, lemma and part of speech (``_``: none).

    Raises
    ------
    UsageError
        An unknown ``lang``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text: expected a str, not {type(text).__name__}")
    result = _stenogram.tokens(text, _o.text("lang", lang))
    _raise(result["error"])
    frame = pd.DataFrame(result["columns"])
    return frame.astype({"start": "int64", "end": "int64"})

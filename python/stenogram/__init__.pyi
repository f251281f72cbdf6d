"""Type stubs of stenogram (see __init__.py for the docstrings)."""

import datetime
import os
from pathlib import Path
from typing import Any, Dict, List, Literal, Optional, Sequence, Union

import pandas as pd

from ._errors import InputError as InputError
from ._errors import StenogramError as StenogramError
from ._errors import StenogramNote as StenogramNote
from ._errors import StenogramWarning as StenogramWarning
from ._errors import UsageError as UsageError

__version__: str

PathLike = Union[str, os.PathLike[str]]
Date = Union[str, int, datetime.date]

class Counts:
    """A shard's counts written by count(): a path (os.PathLike) to pass to report(from_counts=...)."""

    out: Path
    files: List[str]
    meetings: int
    segments: int
    words: int
    warnings: List[str]
    notes: List[str]
    errors: List[str]
    def __fspath__(self) -> str: ...

class Report:
    """A report: its folder, files, messages, and each table as a pandas DataFrame attribute."""

    out: Path
    files: List[str]
    tables: List[str]
    warnings: List[str]
    notes: List[str]
    errors: List[str]
    summary: Dict[str, Any]
    # The tables (those the options made; `tables` lists them).
    attributes: pd.DataFrame
    audit: pd.DataFrame
    collocations: pd.DataFrame
    dictionary: pd.DataFrame
    dictionary_keyness: pd.DataFrame
    dictionary_terms: pd.DataFrame
    distances: pd.DataFrame
    freq: pd.DataFrame
    keyness: pd.DataFrame
    keyness_periods: pd.DataFrame
    lexdiv: pd.DataFrame
    longest_turns: pd.DataFrame
    matrix: pd.DataFrame
    mattr_by_period: pd.DataFrame
    meetings: pd.DataFrame
    meetings_by_speaker: pd.DataFrame
    name_parts: pd.DataFrame
    names: pd.DataFrame
    speakers: pd.DataFrame
    stability: pd.DataFrame
    term_map: pd.DataFrame
    term_trends: pd.DataFrame
    transitions: pd.DataFrame
    trends: pd.DataFrame
    trigrams: pd.DataFrame
    turn_lengths: pd.DataFrame
    turns: pd.DataFrame
    def table(self, name: str) -> pd.DataFrame: ...
    def to_polars(self, name: str) -> Any: ...
    def __getattr__(self, name: str) -> pd.DataFrame: ...
    def __dir__(self) -> List[str]: ...

def report(paths: Union[PathLike, Sequence[PathLike], None]=None, *, from_counts: Union[PathLike, Sequence[PathLike], None]=None, out: Optional[PathLike]=None, view: Literal['lemma', 'stem', 'key']='lemma', content: Literal['both', 'pos', 'stopwords']='both', top: int=15, min_count: int=3, speakers: Union[str, Sequence[str], None]=None, pair: Union[str, Sequence[str], None]=None, terms: Union[str, Sequence[str], None]=None, stopwords: Optional[PathLike]=None, extra_stopwords: Optional[PathLike]=None, charts: Literal['both', 'png', 'svg', 'none']='both', format: Literal['csv', 'parquet', 'both']='csv', window: int=100, interpreted: Literal['include', 'exclude', 'separate']='include', period: Optional[Literal['meeting', 'month', 'quarter', 'year']]=None, min_period_words: int=1000, xray_meeting: Optional[str]=None, matrix: bool=False, mfw: Union[int, str, range]=150, min_words: int=2500, speaker_info: Optional[PathLike]=None, meeting_info: Optional[PathLike]=None, group_by: Union[str, Sequence[str], None]=None, dictionary: Union[PathLike, Sequence[PathLike], None]=None, reference: Optional[str]=None, skip_punct: bool=False, keep_stopword_pairs: bool=False, jobs: Optional[int]=None, columns: Union[str, Dict[str, str], None]=None, aliases: Optional[PathLike]=None, lang: Optional[Literal['ru', 'en']]=None, since: Optional[Date]=None, until: Optional[Date]=None, narrator: Optional[str]=None) -> Report:
    ...

def count(paths: Union[PathLike, Sequence[PathLike], None]=None, *, out: PathLike, interpreted: Literal['include', 'exclude', 'separate']='include', jobs: Optional[int]=None, columns: Union[str, Dict[str, str], None]=None, aliases: Optional[PathLike]=None, lang: Optional[Literal['ru', 'en']]=None, since: Optional[Date]=None, until: Optional[Date]=None, narrator: Optional[str]=None) -> Counts:
    ...

def parse(paths: Union[PathLike, Sequence[PathLike], None]=None, *, columns: Union[str, Dict[str, str], None]=None, aliases: Optional[PathLike]=None, lang: Optional[Literal['ru', 'en']]=None, since: Optional[Date]=None, until: Optional[Date]=None, narrator: Optional[str]=None, jobs: Optional[int]=None) -> pd.DataFrame:
    ...

def tokens(text: str, *, lang: Literal['ru', 'en']='ru') -> pd.DataFrame:
    ...


"""Keyword values checked for type and made into what the compiled core takes: paths as strings, lists as lists of
strings, dates as ISO text. Values are checked for meaning (a view that does not exist, a number out of range) by the
core, with the command line's messages."""

from __future__ import annotations

import datetime
import os
from typing import Any, Iterable, List, Optional, Union

PathLike = Union[str, "os.PathLike[str]"]


def path(name: str, value: Any) -> Optional[str]:
    """A path as a string (``None`` stays ``None``)."""
    if value is None:
        return None
    if isinstance(value, (str, os.PathLike)):
        return os.fspath(value)
    raise TypeError(f"{name}: expected a str or os.PathLike, not {type(value).__name__}")


def paths(name: str, value: Any) -> List[str]:
    """One path or an iterable of paths, as a list of strings."""
    if isinstance(value, (str, os.PathLike)):
        return [os.fspath(value)]
    if isinstance(value, Iterable):
        return [path(name, v) for v in value]  # type: ignore[misc]
    raise TypeError(f"{name}: expected a path or a list of paths, not {type(value).__name__}")


def names(name: str, value: Any) -> Optional[List[str]]:
    """A list of names: a list of strings, or one string split at commas as the command line splits it."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.split(",")
    if isinstance(value, Iterable):
        out = list(value)
        for v in out:
            if not isinstance(v, str):
                raise TypeError(f"{name}: expected strings, not {type(v).__name__}")
        return out
    raise TypeError(f"{name}: expected a str or a list of str, not {type(value).__name__}")


def text(name: str, value: Any) -> Optional[str]:
    """A string option (``None`` stays ``None``)."""
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{name}: expected a str, not {type(value).__name__}")


def whole(name: str, value: Any) -> Optional[int]:
    """A whole-number option (``None`` stays ``None``; its range is the core's to check)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name}: expected an int, not {type(value).__name__}")
    if value < 0:
        # The core takes unsigned numbers: the command line's message for a number out of range, said here.
        from ._errors import UsageError

        low, high = _RANGES.get(name, (1, None))
        says = f"from {low} to {high}" if high is not None else f"{low} or more"
        flag = name.replace("_", "-")
        raise UsageError(
            f"invalid value '{value}' for '--{flag} <{name.upper()}>': expected a whole number {says}"
        )
    return value


_RANGES = {"top": (1, 1000), "jobs": (1, 1024)}


def flag(name: str, value: Any) -> bool:
    """A switch."""
    if not isinstance(value, bool):
        raise TypeError(f"{name}: expected a bool, not {type(value).__name__}")
    return value


def date(name: str, value: Any) -> Optional[str]:
    """A date as the command line takes it: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` text, or a ``datetime.date``."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return text(name, value)


def mfw(value: Any) -> str:
    """``--mfw``: a number or ``START..END:STEP``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, range):
        if not len(value):
            from ._errors import UsageError

            raise UsageError(f"--mfw: {value!r} is empty")
        return f"{value.start}..{value[-1]}:{value.step}"
    return text("mfw", value) or "150"


def reading(
    paths_: Any,
    columns: Any,
    aliases: Any,
    lang: Any,
    since: Any,
    until: Any,
    narrator: Any,
) -> dict:
    """The reading options every command shares (``paths`` None: the command line's default, ``corpus``)."""
    if isinstance(columns, dict):
        columns = ",".join(f"{role}={column}" for role, column in columns.items())
    return {
        "paths": None if paths_ is None else paths("paths", paths_),
        "columns": text("columns", columns),
        "aliases": path("aliases", aliases),
        "lang": text("lang", lang),
        "since": date("since", since),
        "until": date("until", until),
        "narrator": text("narrator", narrator),
    }

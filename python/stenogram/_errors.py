"""The exceptions and warning categories of stenogram."""

from __future__ import annotations

__all__ = [
    "StenogramError",
    "UsageError",
    "InputError",
    "StenogramWarning",
    "StenogramNote",
]


class StenogramError(Exception):
    """Base class of the errors stenogram raises; ``str(error)`` is the command line's message."""


class UsageError(StenogramError, ValueError):
    """An option to fix: a wrong value, a file given as an option's value that cannot be read or parsed, or a name
    that matches no speaker (the command line's ``error: ...`` with exit code 1)."""


class InputError(StenogramError):
    """Nothing to report on: no transcript could be read, or ``since``/``until`` left every meeting out; or the
    report could not be written."""


class StenogramWarning(UserWarning):
    """What the command line prints as ``warning: ...``, and files that could not be read while the others were."""


class StenogramNote(UserWarning):
    """What the command line prints as ``note: ...``: something left out by design. Not a subclass of
    :class:`StenogramWarning`, so ``warnings.simplefilter("error", StenogramWarning)`` leaves notes alone;
    ``warnings.simplefilter("ignore", StenogramNote)`` silences them."""

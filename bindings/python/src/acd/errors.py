"""Exceptions raised for the status codes of libacd.

Every C function that returns an ``acd_status`` other than ``ACD_OK`` raises
the subclass of :class:`AcdError` for that status.  The center is then
exactly as it was before the call (the C library is atomic).  The
subclasses also derive from the closest built-in exception, so
``except ValueError`` catches bad arguments and ``except LookupError``
unknown ids.
"""
from __future__ import annotations

from typing import Dict, Optional, Type

from .enums import Status

__all__ = [
    "AcdError", "InvalidArgument", "NoMemory", "NotFound", "StateError",
    "TimeError", "AlreadyExists", "LimitError", "VersionError", "OptionError",
    "RangeError", "EmptyError", "CorruptError", "LibraryNotFound",
    "error_for_status",
]

# The English text of each status, as acd_strerror() gives it; used only
# when the library cannot be asked (it always can once a call failed).
_FALLBACK_TEXT = "libacd error"


class AcdError(Exception):
    """A libacd call failed.

    Attributes:
        status: the :class:`acd.Status` the C function returned.
        function: the name of the C function, e.g. ``"acd_agent_login"``.
    """

    status: Status = Status.INVALID

    def __init__(self, status: int, function: str = "", message: Optional[str] = None):
        self.status = Status(status) if status in Status._value2member_map_ else status  # type: ignore[assignment]
        self.function = function
        if message is None:
            message = _strerror(status)
        self.message = message
        super().__init__(f"{function}: {message}" if function else message)


class InvalidArgument(AcdError, ValueError):
    """ACD_ERR_INVALID: a NULL or malformed argument."""


class NoMemory(AcdError, MemoryError):
    """ACD_ERR_NOMEM: the allocator failed; nothing changed."""


class NotFound(AcdError, LookupError):
    """ACD_ERR_NOT_FOUND: an unknown or stale id, or no such key or name."""


class StateError(AcdError):
    """ACD_ERR_STATE: the event does not fit the current state."""


class TimeError(AcdError):
    """ACD_ERR_TIME: time went backwards."""


class AlreadyExists(AcdError):
    """ACD_ERR_EXISTS: the name or key is already in use."""


class LimitError(AcdError):
    """ACD_ERR_LIMIT: a documented size limit would be exceeded."""


class VersionError(AcdError):
    """ACD_ERR_VERSION: a struct size this library does not know."""


class OptionError(AcdError, ValueError):
    """ACD_ERR_OPTION: an unknown option key."""


class RangeError(AcdError, ValueError):
    """ACD_ERR_RANGE: an option or parameter value out of its bounds."""


class EmptyError(AcdError):
    """ACD_ERR_EMPTY: nothing to return (no pending action)."""


class CorruptError(AcdError):
    """ACD_ERR_CORRUPT: :meth:`acd.Center.check` found an inconsistency."""


class LibraryNotFound(OSError):
    """The shared library libacd could not be loaded (see README.md)."""


_BY_STATUS: Dict[int, Type[AcdError]] = {
    Status.INVALID: InvalidArgument,
    Status.NOMEM: NoMemory,
    Status.NOT_FOUND: NotFound,
    Status.STATE: StateError,
    Status.TIME: TimeError,
    Status.EXISTS: AlreadyExists,
    Status.LIMIT: LimitError,
    Status.VERSION: VersionError,
    Status.OPTION: OptionError,
    Status.RANGE: RangeError,
    Status.EMPTY: EmptyError,
    Status.CORRUPT: CorruptError,
}
for _status, _cls in _BY_STATUS.items():
    _cls.status = Status(_status)


def error_for_status(status: int, function: str = "") -> AcdError:
    """The exception for a non-OK status (the base class for unknown ones)."""
    return _BY_STATUS.get(status, AcdError)(status, function)


def _strerror(status: int) -> str:
    # Imported late: errors.py must not load the library by itself.
    try:
        from . import _lib

        return _lib.strerror(status)
    except Exception:  # library missing: still give a usable message
        return _FALLBACK_TEXT

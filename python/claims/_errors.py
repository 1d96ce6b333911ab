"""Exceptions: one class per claims_status, all deriving from ClaimsError.

Each exception carries the fields of the C ``claims_error`` it was made from:
the status ``code``, the ``source`` (file or buffer name), the 1-based
``line`` and ``column``, the 0-based ``document`` and ``claim`` indexes and the
library's ``text``. Positions the library did not know are ``None``.
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Type

__all__ = [
    "ClaimsError",
    "OutOfMemoryError",
    "InvalidArgumentError",
    "ParseError",
    "SchemaError",
    "EncodingError",
    "RangeError",
    "NotFoundError",
    "ClaimsIOError",
    "DuplicateError",
    "RejectedError",
    "CanceledError",
]


class ClaimsError(Exception):
    """A libclaims call failed (CLAIMS_ERROR, and the base of all others)."""

    code: int
    #: The code of the first problem, from the claims_error (differs from
    #: ``code`` for RejectedError: e.g. the SchemaError code of a bad claim).
    error_code: int
    source: Optional[str]
    line: Optional[int]
    column: Optional[int]
    document: Optional[int]
    claim: Optional[int]
    text: str
    strerror: str
    #: For load errors: the LoadSummary of the call (None otherwise).
    summary: Any

    def __init__(self, code: int, text: str, *, strerror: str = "",
                 source: Optional[str] = None, line: Optional[int] = None,
                 column: Optional[int] = None, document: Optional[int] = None,
                 claim: Optional[int] = None, function: Optional[str] = None,
                 error_code: Optional[int] = None, error_strerror: str = ""):
        self.code = code
        self.error_code = code if error_code is None else error_code
        self.error_strerror = error_strerror
        self.text = text
        self.strerror = strerror
        self.source = source
        self.line = line
        self.column = column
        self.document = document
        self.claim = claim
        self.function = function
        self.summary = None
        super().__init__(self._message())

    def _message(self) -> str:
        where = []
        if self.source:
            pos = self.source
            if self.line:
                pos += f":{self.line}:{self.column or 0}"
            where.append(pos)
        if self.document is not None:
            where.append(f"document {self.document}")
        # The claim index is an attribute; the library's text already names
        # the claim ("claim 3: ..."), as the claims tool prints it.
        text = self.text or self.strerror or "failed"
        notes = [n for n in (self.error_strerror, self.strerror) if n and n != text]
        if notes:
            text += f" [{'; '.join(dict.fromkeys(notes))}]"
        return ": ".join(where + [text])

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self), self.__dict__.copy()))


def _rebuild(cls: Type[ClaimsError], state: Dict[str, Any]) -> ClaimsError:
    exc = cls.__new__(cls)
    exc.__dict__.update(state)
    Exception.__init__(exc, exc._message())
    return exc


class OutOfMemoryError(ClaimsError, MemoryError):
    """CLAIMS_ENOMEM."""


class InvalidArgumentError(ClaimsError, ValueError):
    """CLAIMS_EINVAL: a bad argument (closed handle, unknown enum...)."""


class ParseError(ClaimsError, ValueError):
    """CLAIMS_ESYNTAX: malformed input (JSON, TSV, value text)."""


class SchemaError(ClaimsError, ValueError):
    """CLAIMS_ESCHEMA: well-formed input of the wrong shape or type."""


class EncodingError(ClaimsError, ValueError):
    """CLAIMS_ENCODING: invalid UTF-8 or a NUL byte inside a string."""


class RangeError(ClaimsError, ValueError):
    """CLAIMS_ERANGE: overflow, oversized field, offset out of bounds."""


class NotFoundError(ClaimsError, LookupError):
    """CLAIMS_ENOTFOUND: a reference to something that does not exist."""


class ClaimsIOError(ClaimsError, OSError):
    """CLAIMS_EIO: a file could not be opened, read or written, or a write
    callback asked to stop."""


class DuplicateError(ClaimsError, ValueError):
    """CLAIMS_EDUPLICATE: an id already used in the same scope."""


class RejectedError(ClaimsError):
    """CLAIMS_EREJECTED: a load finished but rejected some of its input.

    What was valid stays loaded; ``summary`` has the counts and
    ``Store.diagnostics()`` every problem.
    """


class CanceledError(ClaimsError):
    """CLAIMS_ECANCELED: a progress callback asked to stop. A load keeps
    what it had loaded."""


_BY_CODE: Dict[int, Type[ClaimsError]] = {
    -1: ClaimsError,
    -2: OutOfMemoryError,
    -3: InvalidArgumentError,
    -4: ParseError,
    -5: SchemaError,
    -6: EncodingError,
    -7: RangeError,
    -8: NotFoundError,
    -9: ClaimsIOError,
    -10: DuplicateError,
    -11: RejectedError,
    -12: CanceledError,
}


def error_class(code: int) -> Type[ClaimsError]:
    """The exception class for a negative status code (ClaimsError for codes
    this binding does not know, so a newer library still maps)."""
    return _BY_CODE.get(code, ClaimsError)

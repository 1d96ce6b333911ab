"""libclaims for Python: cross-source claim reconciliation.

Load claims documents from several outlets into a Store, reconcile them, and
read which claims agree, conflict or complement each other, and who said what::

    import claims

    with claims.Store() as store:
        store.load("corpus/000_cbs.json")
        store.load("corpus/002_wsj.json")
        with store.reconcile() as result:
            for subject in result.subjects():   # events, persons...
                for attr in subject.attributes():
                    print(subject.label, attr.name, attr.agreement)

    claims.normalize("duration", "about four minutes")   # '240' APPROX
    claims.compare("date", "Sunday", "Nov. 20, 2016", reference="2016-11-21")

The binding is pure ctypes over the shared library libclaims; see
``claims._ffi`` for how the library is found (``LIBCLAIMS_LIBRARY`` first).
"""
from __future__ import annotations

import ctypes
from typing import Any

from . import _ffi
from ._core import (Context, Result, Store, Value, compare, normalize,
                    reconcile, type_name)
from ._enums import (Agreement, Bias, Cardinality, Certainty, Format, Modifier,
                     Polarity, Precision, Relation, RenderFormat, Status, Type)
from ._errors import (CanceledError, ClaimsError, ClaimsIOError, DuplicateError,
                      EncodingError, InvalidArgumentError, NotFoundError,
                      OutOfMemoryError, ParseError, RangeError, RejectedError,
                      SchemaError)
from ._records import (Attribute, AttributeDef, Claim, Comparison, Dependency,
                       Diagnostic, Event, LoadSummary, ResultSubject, Source, Stats,
                       Subject, ValueCluster)

__version__ = "0.1.0"

#: Path of the loaded shared library.
library_path: str = _ffi.library_path


def library_version() -> str:
    """Version of the loaded libclaims ("0.1.0")."""
    return _ffi.version_string()


def library_version_number() -> int:
    """Version of the loaded libclaims as 0xMMmmpp."""
    return int(_ffi.claims_version_number())


def _similarity(fn: Any, a: str, b: str) -> float:
    """fn(&score, a, b): EncodingError for invalid UTF-8 (lone surrogates)."""
    x, y = _ffi.to_bytes(a, "a"), _ffi.to_bytes(b, "b")
    score = ctypes.c_double()
    fn(ctypes.byref(score), x, len(x), y, len(y))
    return float(score.value)


def jaro(a: str, b: str) -> float:
    """Jaro similarity of two strings, by code point, in [0, 1]."""
    return _similarity(_ffi.claims_jaro, a, b)


def jaro_winkler(a: str, b: str) -> float:
    """Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4)."""
    return _similarity(_ffi.claims_jaro_winkler, a, b)


def strerror(code: int) -> str:
    """The library's English text for a status code."""
    return _ffi.decode(_ffi.claims_strerror(code))


__all__ = [
    "Context", "Store", "Result", "Value", "normalize", "compare", "reconcile",
    "type_name", "jaro", "jaro_winkler", "strerror", "library_path",
    "library_version", "library_version_number",
    "Agreement", "Bias", "Cardinality", "Certainty", "Format", "Modifier",
    "Polarity", "Precision", "Relation", "RenderFormat", "Status", "Type",
    "CanceledError", "ClaimsError", "ClaimsIOError", "DuplicateError", "EncodingError",
    "InvalidArgumentError", "NotFoundError", "OutOfMemoryError", "ParseError",
    "RangeError", "RejectedError", "SchemaError",
    "Attribute", "AttributeDef", "Claim", "Comparison", "Dependency",
    "Diagnostic", "Event", "LoadSummary", "ResultSubject", "Source", "Stats",
    "Subject", "ValueCluster",
]

"""The enumerations of claims.h, as IntEnums with the C values.

``str()`` of a member is the library's own name for it ("duration",
"APPROX", "single-source"); the test suite checks these against the
``claims_*_name()`` functions so the two cannot drift apart.
"""
from __future__ import annotations

import enum
from typing import Type, TypeVar, Union

__all__ = [
    "Status", "Type", "Modifier", "Precision", "Bias", "Relation", "Polarity",
    "Certainty", "Format", "Cardinality", "Agreement", "RenderFormat",
]


class _Named(enum.IntEnum):
    """An IntEnum whose str() is the library's name for the member."""

    def __str__(self) -> str:
        return self.name.lower().replace("_", "-")


class Status(enum.IntEnum):
    """claims_status: return codes."""
    OK = 0
    DONE = 1
    ERROR = -1
    ENOMEM = -2
    EINVAL = -3
    ESYNTAX = -4
    ESCHEMA = -5
    ENCODING = -6
    ERANGE = -7
    ENOTFOUND = -8
    EIO = -9
    EDUPLICATE = -10
    EREJECTED = -11
    ECANCELED = -12


class Type(_Named):
    """claims_type: how a value is parsed and compared."""
    TEXT = 0
    NUMBER = 1
    DURATION = 2
    DATE = 3
    TIME = 4
    PERSON = 5
    PERSONS = 6
    PLACE = 7
    ORGANIZATION = 8
    TOPIC = 9
    OCCASION = 10


class Modifier(_Named):
    """claims_modifier: the hedge or bound a value carries."""
    NONE = 0
    APPROX = 1
    LESS_THAN = 2
    EQUAL_OR_LESS = 3
    MORE_THAN = 4
    EQUAL_OR_MORE = 5

    def __str__(self) -> str:
        return self.name


class Precision(_Named):
    """claims_precision: the precision of a date or time."""
    NONE = 0
    DECADE = 1
    YEAR = 2
    SEASON = 3
    MONTH = 4
    WEEK = 5
    DAY = 6
    HOUR = 7
    MINUTE = 8
    SECOND = 9


class Bias(_Named):
    """claims_date_bias: how "Sunday" is resolved against the reference."""
    PAST = 0
    FUTURE = 1
    NEAREST = 2


class Relation(_Named):
    """claims_relation: how two values relate."""
    EQUAL = 0
    COMPATIBLE = 1
    CONFLICTING = 2
    INCOMPARABLE = 3


class Polarity(_Named):
    """claims_polarity."""
    AFFIRMED = 0
    NEGATED = 1


class Certainty(_Named):
    """claims_certainty (FactBank)."""
    CERTAIN = 0
    PROBABLE = 1
    POSSIBLE = 2
    UNKNOWN = 3


class Format(_Named):
    """claims_format: input formats."""
    AUTO = 0
    JSON = 1
    JSONL = 2
    TSV = 3


class Cardinality(_Named):
    """claims_cardinality: one value per subject, or a set."""
    SINGLE = 0
    SET = 1


class Agreement(_Named):
    """claims_agreement: how the claims about one attribute relate."""
    AGREED = 0
    COMPATIBLE = 1
    CONFLICTING = 2
    COMPLEMENTARY = 3
    SINGLE_SOURCE = 4
    DIFFERENT_WORDING = 5


class RenderFormat(_Named):
    """claims_render_format."""
    JSON = 0
    TEXT = 1
    HTML = 2
    CSV = 3


E = TypeVar("E", bound=enum.IntEnum)


def coerce(cls: Type[E], value: Union[E, int, str], what: str) -> E:
    """`value` as a member of `cls`: a member, its integer, or its name
    (any case, '-' or '_')."""
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        key = value.strip().upper().replace("-", "_")
        try:
            return cls[key]
        except KeyError:
            names = ", ".join(str(m) for m in cls)
            raise ValueError(f"unknown {what} {value!r} (one of: {names})") from None
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"unknown {what} {value!r}") from None
    raise TypeError(f"{what} must be a {cls.__name__}, int or str, not {type(value).__name__}")

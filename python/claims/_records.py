"""Plain Python records copied out of the library's cursor rows.

Every row a C cursor hands back borrows its strings from the store or the
result; the binding copies each row into one of these frozen dataclasses at
once, so nothing here points into C memory and a record stays valid after
the store or result is closed. Records of a result (ResultSubject,
Attribute, ValueCluster) also remember their Result, so
``subject.attributes()`` and ``attribute.values()`` walk further down while
it is open.

Names: a Subject is a subject mention, one subject as one document names it
(Store.subjects()); a ResultSubject is a resolved subject, the mentions of
several documents merged (Result.subjects()). ``Event`` is a deprecated
alias of ResultSubject, kept for code written before the rename.
"""
from __future__ import annotations

import datetime
import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator, Optional, Tuple

from ._enums import (Agreement, Cardinality, Certainty, Polarity, Relation,
                     Status, Type)
from ._errors import ClaimsError, error_class

if TYPE_CHECKING:  # pragma: no cover
    from ._core import Result

__all__ = [
    "Diagnostic", "LoadSummary", "Source", "Subject", "Claim", "ResultSubject",
    "Event", "Attribute", "ValueCluster", "Dependency", "Stats", "Comparison",
    "AttributeDef",
]

_EPOCH = datetime.datetime(1970, 1, 1)


@dataclass(frozen=True)
class Diagnostic:
    """One recorded problem (a claims_error the library kept): a load
    diagnostic of the store, or a note about an unparsed value of a result."""
    code: int
    text: str
    source: Optional[str] = None
    line: Optional[int] = None
    column: Optional[int] = None
    document: Optional[int] = None
    claim: Optional[int] = None

    @property
    def status(self) -> Status:
        return Status(self.code) if self.code in Status._value2member_map_ else Status.ERROR

    def exception(self) -> ClaimsError:
        """The exception this diagnostic would raise."""
        return error_class(self.code)(
            self.code, self.text, source=self.source, line=self.line,
            column=self.column, document=self.document, claim=self.claim)

    def __str__(self) -> str:
        return str(self.exception())


@dataclass(frozen=True)
class LoadSummary:
    """What a load read: claims_loaded + claims_rejected == claims_read."""
    documents_read: int = 0
    documents_loaded: int = 0
    documents_rejected: int = 0
    claims_read: int = 0
    claims_loaded: int = 0
    claims_rejected: int = 0
    errors: int = 0


@dataclass(frozen=True)
class Source:
    """A loaded document's source ("" for absent strings)."""
    index: int
    id: str
    outlet: str
    title: str
    author: str
    published: str
    url: str
    language: str
    origin: str
    text_file: str
    text_characters: Optional[int]
    subject_count: int
    claim_count: int


@dataclass(frozen=True)
class Subject:
    """A subject mention as one document names it (reconciliation merges
    mentions into ResultSubjects)."""
    index: int
    source: int
    id: str
    type: str
    label: str


@dataclass(frozen=True)
class Claim:
    """One claim: who (source, attribution) says what (attribute = value)
    about which subject."""
    index: int
    source: int
    id: str
    source_id: str
    subject_id: str
    subject_type: str
    subject_label: str
    attribute: str
    value: str
    value_type: str
    attribution: Tuple[str, ...]
    quote: str
    quote_offset: Optional[int]
    quote_length: Optional[int]
    polarity: Polarity
    certainty: Certainty
    line: Optional[int]
    column: Optional[int]

    def __str__(self) -> str:
        neg = "not " if self.polarity is Polarity.NEGATED else ""
        said = " > ".join((self.source_id,) + self.attribution)
        return f"{said}: {self.subject_id}.{self.attribute} {neg}= {self.value!r}"


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"{old} is deprecated: use {new}", DeprecationWarning, stacklevel=3)


@dataclass(frozen=True)
class ResultSubject:
    """A resolved subject of a Result: an event, a person, an
    organization..., made of the subject mentions of several documents."""
    index: int
    id: str
    label: str
    type: str
    mention_count: int
    sources: Tuple[str, ...]
    attribute_count: int
    explanation: str
    _result: Optional["Result"] = field(default=None, repr=False, compare=False)

    def attributes(self) -> Iterator["Attribute"]:
        """Its attributes, as Result.attributes(self)."""
        return _owner(self._result).attributes(self.index)

    def attribute(self, name: str) -> "Attribute":
        """The attribute called `name`; KeyError when it has none."""
        for attr in self.attributes():
            if attr.name == name:
                return attr
        raise KeyError(name)


#: Deprecated alias of ResultSubject (resolved subjects were called events).
Event = ResultSubject


@dataclass(frozen=True)
class Attribute:
    """One attribute of a resolved subject and how its claims relate."""
    index: int
    subject_index: int
    name: str
    type: str
    known: bool
    cardinality: Cardinality
    agreement: Agreement
    value_count: int
    source_count: int
    uncertain_count: int
    reason: str
    _result: Optional["Result"] = field(default=None, repr=False, compare=False)

    def values(self) -> Iterator["ValueCluster"]:
        """Its value clusters, as Result.values(subject, attribute)."""
        return _owner(self._result).values(self.subject_index, self.index)

    @property
    def event_index(self) -> int:
        """Deprecated: subject_index."""
        _deprecated("Attribute.event_index", "subject_index")
        return self.subject_index

    @property
    def preferred(self) -> Optional["ValueCluster"]:
        """The best supported value cluster when values conflict, else the
        first (None when it has none)."""
        first = None
        for value in self.values():
            if value.preferred:
                return value
            first = first or value
        return first


@dataclass(frozen=True)
class ValueCluster:
    """Claims whose values are equal (or, for sets, the same member)."""
    index: int
    subject_index: int
    attribute_index: int
    normalized: str
    text: str
    polarity: Polarity
    uncertain: bool
    hedged: bool
    preferred: bool
    claim_count: int
    sources: Tuple[str, ...]
    origins: Tuple[str, ...]
    #: the strongest certainty of its claims (probable, possible: weaker)
    certainty: Certainty = Certainty.CERTAIN
    #: compatible values of a single-valued attribute share a side
    side: int = 0
    side_origin_count: int = 0
    #: every origin behind it later gave another value
    superseded: bool = False
    #: an origin's latest value that replaced an earlier one
    current: bool = False
    published_first: str = ""
    published_last: str = ""
    _result: Optional["Result"] = field(default=None, repr=False, compare=False)

    def claims(self) -> Iterator[Claim]:
        """The claims in the cluster."""
        return _owner(self._result).claims(self.subject_index, self.attribute_index,
                                           self.index)

    @property
    def event_index(self) -> int:
        """Deprecated: subject_index."""
        _deprecated("ValueCluster.event_index", "subject_index")
        return self.subject_index


@dataclass(frozen=True)
class Dependency:
    """Two sources that share wording (one wire story printed twice)."""
    index: int
    source_a: str
    source_b: str
    passages: Tuple[str, ...]


@dataclass(frozen=True)
class Stats:
    """Time spent in each stage of a reconciliation (seconds) and counts.
    `total` covers the five stages (normalize, resolve, dependence, origins,
    group); `mentions` counts subject mentions, `subjects` resolved
    subjects."""
    normalize: float
    resolve: float
    group: float
    total: float
    claims: int
    values_parsed: int
    values_unparsed: int
    mentions: int
    subjects: int
    clusters: int
    dependencies: int
    dependence: float
    origins: float


@dataclass(frozen=True)
class Comparison:
    """How two values relate, a similarity score in [0, 1], and why."""
    relation: Relation
    score: float
    reason: str

    @property
    def agrees(self) -> bool:
        """True when the values are equal or compatible."""
        return self.relation in (Relation.EQUAL, Relation.COMPATIBLE)


@dataclass(frozen=True)
class AttributeDef:
    """One attribute of a context's schema."""
    name: str
    type: Type
    cardinality: Cardinality = Cardinality.SINGLE
    identifying: int = 0
    tolerance: float = 0.0
    time_tolerance: float = 0.0
    #: What the attribute adds to the score of two subject mentions when
    #: their values agree, are compatible or conflict, or when one of them
    #: only gives it (docs/schema.md).
    match: Tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


def _owner(result: Optional["Result"]) -> "Result":
    if result is None:
        raise ValueError("this record was not read from a Result")
    return result


def wall_clock(seconds: int) -> datetime.datetime:
    """Seconds since 1970-01-01T00:00 (wall clock) as a naive datetime."""
    return _EPOCH + datetime.timedelta(seconds=seconds)

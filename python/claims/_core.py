"""The handle wrappers: Context, Value, Store, Result and their cursors.

Lifetimes. Every wrapper owns one C handle. ``close()`` frees it and may be
called any number of times; ``with`` closes on exit; ``__del__`` frees what
was not closed, without taking locks (when it runs no other reference, hence
no other thread, can reach the object) and through a free function bound at
creation, so it also works while the interpreter shuts down and module
globals are gone. A child keeps a reference to its parent: a Result to its
Store, a cursor to its Store or Result, a record of a result (ResultSubject,
Attribute, ValueCluster) to its Result. Closing a parent explicitly closes
its children first; using a closed object raises ValueError.

Threads. ctypes releases the GIL during every call into the library, so
calls really run in parallel. The C contract is "many readers or one
writer" per store and per context (docs/threading.md); each Store, Context
and Value therefore carries a readers-writer lock: loads, additions, schema
and alias changes and close() take it exclusively, everything else (cursors,
reconciliation, parsing, comparison, reading a Result, which borrows the
store's strings) shares it. A cursor also has its own mutex, as one C cursor
must not advance in two threads at once. Locks are always taken in the
order cursor, context, value, store, so they cannot deadlock.
"""
from __future__ import annotations

import codecs
import ctypes
import datetime
import io
import json
import math
import os
import threading
import warnings
import weakref
from typing import (IO, Any, Callable, Dict, Iterable, Iterator, List, Mapping,
                    Optional, Sequence, Tuple, TypeVar, Union)

from . import _ffi
from ._enums import (Agreement, Bias, Cardinality, Certainty, Format,
                     Modifier, Polarity, Precision, Relation, RenderFormat,
                     Type, coerce)
from ._errors import CanceledError, ClaimsError, NotFoundError, RejectedError
from ._records import (Attribute, AttributeDef, Claim, Comparison, Dependency,
                       Diagnostic, LoadSummary, ResultSubject, Source, Stats,
                       Subject, ValueCluster, wall_clock)

__all__ = ["Context", "Value", "Store", "Result", "normalize", "compare",
           "reconcile", "type_name"]

T = TypeVar("T")
TypeLike = Union[Type, int, str]
Text = Union[str, bytes]
Reference = Union[str, datetime.date, datetime.datetime, None]
PathLike = Union[str, "os.PathLike[str]", "os.PathLike[bytes]"]

# ---- locks ----------------------------------------------------------------------


class _Guard:
    """A reusable context manager calling acquire/release functions."""
    __slots__ = ("_acquire", "_release")

    def __init__(self, acquire: Callable[[], None], release: Callable[[], None]):
        self._acquire = acquire
        self._release = release

    def __enter__(self) -> None:
        self._acquire()

    def __exit__(self, *exc: Any) -> None:
        self._release()


class _RWLock:
    """Many readers or one writer, for one handle.

    Not reentrant for writing: a thread that holds the lock and asks for it
    again in a way that would wait for itself (writing while it reads or
    writes, reading while it writes) gets RuntimeError instead of a
    deadlock. That happens when a progress callback uses the object whose
    work it reports. Reading twice from one thread is fine: readers never
    wait for a waiting writer.
    """

    def __init__(self, what: str) -> None:
        self._what = what
        self._cond = threading.Condition(threading.Lock())
        self._readers: Dict[int, int] = {}  # thread id -> reads held
        self._reader_count = 0
        self._writer: Optional[int] = None
        self.read = _Guard(self._acquire_read, self._release_read)
        self.write = _Guard(self._acquire_write, self._release_write)

    def _reentry(self, how: str) -> RuntimeError:
        return RuntimeError(
            f"this thread already uses the {self._what} and cannot {how} it now "
            "(from a progress callback?)")

    def _acquire_read(self) -> None:
        me = threading.get_ident()
        with self._cond:
            if self._writer == me:
                raise self._reentry("read")
            while self._writer is not None:
                self._cond.wait()
            self._readers[me] = self._readers.get(me, 0) + 1
            self._reader_count += 1

    def _release_read(self) -> None:
        me = threading.get_ident()
        with self._cond:
            held = self._readers[me] - 1
            if held:
                self._readers[me] = held
            else:
                del self._readers[me]
            self._reader_count -= 1
            if self._reader_count == 0:
                self._cond.notify_all()

    def _acquire_write(self) -> None:
        me = threading.get_ident()
        with self._cond:
            if self._writer == me or me in self._readers:
                raise self._reentry("change")
            while self._writer is not None or self._reader_count:
                self._cond.wait()
            self._writer = me

    def _release_write(self) -> None:
        with self._cond:
            self._writer = None
            self._cond.notify_all()


class _NoLock:
    def __enter__(self) -> None:
        pass

    def __exit__(self, *exc: Any) -> None:
        pass


_NO_LOCK = _NoLock()

# ---- handles --------------------------------------------------------------------


H = TypeVar("H", bound="_Handle")


class _Handle:
    """Owns one C handle freed by `_free` (bound at creation), guarded by
    `_lock` (an _RWLock; a Result shares its store's)."""
    _handle: Any = None
    _free: Any = None
    _lock: "_RWLock"
    _what = "object"

    def close(self) -> None:
        """Frees the C object (and, for a Store or Result, its children
        first). Safe to call again; the copied attributes stay readable."""
        with self._lock.write:
            self._release_tree()

    def __enter__(self: H) -> H:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _release_tree(self) -> None:
        self._release()

    def _ptr(self) -> Any:
        """The live handle (call with the lock held); ValueError if closed."""
        h = self._handle
        if not h:
            raise ValueError(f"operation on a closed {self._what}")
        return h

    def _release(self) -> None:
        """Frees the handle once (caller holds the write lock, or is __del__)."""
        h, self._handle = self._handle, None
        if h:
            self._free(h)

    @property
    def closed(self) -> bool:
        return not self._handle

    def __del__(self) -> None:
        try:
            self._release()
        except Exception:  # pragma: no cover - interpreter shutdown
            pass


class _Parent(_Handle):
    """A handle with children (results, cursors) closed before it."""

    def _init_children(self) -> None:
        self._children: "weakref.WeakSet[Any]" = weakref.WeakSet()
        self._children_mutex = threading.Lock()

    def _adopt(self, child: Any) -> None:
        with self._children_mutex:
            self._children.add(child)

    def _read_struct(self, fn: Any, cls: Any) -> Any:
        """A versioned `cls` filled by fn(handle, &out) under the read lock."""
        out = _ffi.versioned(cls)
        with self._lock.read:
            fn(self._ptr(), ctypes.byref(out))
        return out

    def _diagnostics(self, count_fn: Any, get_fn: Any) -> List[Diagnostic]:
        """Copies the borrowed claims_error records get_fn(handle, i)."""
        with self._lock.read:
            h = self._ptr()
            return [_diagnostic(get_fn(h, i).contents) for i in range(count_fn(h))]

    def _release_tree(self) -> None:
        """Closes the children, then the handle (write lock held)."""
        with self._children_mutex:
            children = list(self._children)
            self._children.clear()
        for child in children:
            child._release_tree()
        self._release()


def _str_or_none(text: Optional[str]) -> Optional[str]:
    return text or None


def _opt_index(n: int) -> Optional[int]:
    return n if n >= 0 else None


def _diagnostic(err: Any) -> Diagnostic:
    dec = _ffi.decode
    return Diagnostic(code=err.code, text=dec(err.text),
                      source=_str_or_none(dec(err.source)),
                      line=err.line or None, column=err.column or None,
                      document=_opt_index(err.document), claim=_opt_index(err.claim))


def _enum(cls: Any, value: int) -> Any:
    """`value` as a member of `cls`, or the plain int when a newer library
    returns a value this binding does not know."""
    try:
        return cls(value)
    except ValueError:
        return value


def _bound(x: float) -> Optional[float]:
    return None if math.isnan(x) else x


# ---- types and names ---------------------------------------------------------------


def _type(value: TypeLike) -> Type:
    if isinstance(value, str):
        data = value.encode("utf-8")
        out = ctypes.c_int()
        if _ffi.claims_type_from_name(ctypes.byref(out), data, len(data)) != _ffi.CLAIMS_OK:
            names = ", ".join(str(t) for t in Type)
            raise ValueError(f"unknown value type {value!r} (one of: {names})")
        return _enum(Type, out.value)
    return coerce(Type, value, "value type")


def type_name(type: TypeLike) -> str:
    """The library's name for a value type ("duration")."""
    return _ffi.decode(_ffi.claims_type_name(_type(type)))


def _iso(reference: Reference) -> Optional[str]:
    if reference is None or isinstance(reference, str):
        return reference
    if isinstance(reference, (datetime.date, datetime.datetime)):
        return reference.isoformat()
    raise TypeError("reference must be an ISO 8601 str, a date or a datetime")


def _parse_options(reference: Reference, language: Optional[str],
                   bias: Union[Bias, int, str]) -> Any:
    opts = _ffi.ParseOptions()
    _ffi.claims_parse_options_init(ctypes.byref(opts), 1)
    opts.reference = _ffi.make_str(_iso(reference), "reference")
    opts.language = _ffi.make_str(language, "language")
    opts.bias = coerce(Bias, bias, "bias")
    return opts


def _json_bytes(data: Any, what: str) -> Tuple[bytes, Optional[str]]:
    """JSON input as bytes and a default name: a mapping (dumped), JSON text
    (str or bytes), or a path-like object (the file is read)."""
    if isinstance(data, Mapping):
        return json.dumps(data).encode("utf-8"), None
    if isinstance(data, os.PathLike):
        path = os.fspath(data)
        with open(path, "rb") as f:
            return f.read(), os.fsdecode(path)
    return _ffi.to_bytes(data, what), None


# ---- context ------------------------------------------------------------------------


class Context(_Handle):
    """A normalization context: alias tables and the attribute schema.

    Configure it (load_schema, set_attribute, load_aliases, add_alias), then
    share it: any number of threads may parse, compare and reconcile with it
    at once; a change waits until they are done. Values and results made
    with it stay valid after close().
    """
    _what = "Context"

    def __init__(self) -> None:
        self._lock = _RWLock("Context")
        self._free = _ffi.claims_ctx_free
        h = _ffi.ctx_p()
        _ffi.claims_ctx_new(ctypes.byref(h), _ffi.Error())
        self._handle = h

    def __repr__(self) -> str:
        return f"<claims.Context{' closed' if self.closed else ''}>"

    def _load_json(self, fn: Any, data: Any, name: Optional[str], what: str) -> None:
        raw, default = _json_bytes(data, what)
        label = _ffi.make_str(name or default, "name")
        with self._lock.write:
            fn(self._ptr(), raw, len(raw), label, _ffi.Error())

    def load_schema(self, schema: Union[Mapping[str, Any], Text, "os.PathLike[str]"],
                    name: Optional[str] = None) -> None:
        """Adds attribute definitions: a mapping like
        ``{"attributes": {"duration": {"type": "duration", ...}}}``, its JSON
        text, or a path to a JSON file. `name` labels errors."""
        self._load_json(_ffi.claims_ctx_load_schema, schema, name, "schema")

    def load_aliases(self, aliases: Union[Mapping[str, Any], Text, "os.PathLike[str]"],
                     name: Optional[str] = None) -> None:
        """Adds an alias table: ``{"place": {"Lima, Peru": ["Lima"]}}``, its
        JSON text, or a path to a JSON file."""
        self._load_json(_ffi.claims_ctx_load_aliases, aliases, name, "aliases")

    def add_alias(self, type: TypeLike, canonical: Text, alias: Text) -> None:
        """`alias` is another way to write `canonical` for values of `type`."""
        c = _ffi.to_bytes(canonical, "canonical")
        a = _ffi.to_bytes(alias, "alias")
        t = _type(type)
        with self._lock.write:
            _ffi.claims_ctx_add_alias(self._ptr(), t, c, len(c), a, len(a), _ffi.Error())

    def set_attribute(self, name: str, type: TypeLike, *,
                      cardinality: Union[Cardinality, int, str] = Cardinality.SINGLE,
                      identifying: int = 0, tolerance: float = 0.0,
                      time_tolerance: float = 0.0,
                      match: Optional[Tuple[float, ...]] = None) -> None:
        """Adds or replaces one attribute definition of the schema.
        `match`: (agree, compatible, conflict[, absent]) weights for
        resolution; None: the defaults of the type."""
        d = _ffi.AttributeDef()
        d.version = 2
        if match is not None:
            w = [float(x) for x in match] + [0.0] * (4 - len(match))
            (d.match_agree, d.match_compatible, d.match_conflict,
             d.match_absent) = w[:4]
        d.name = _ffi.make_str(name, "name")
        d.type = _type(type)
        d.cardinality = coerce(Cardinality, cardinality, "cardinality")
        d.identifying = int(identifying)
        d.tolerance = float(tolerance)
        d.time_tolerance = float(time_tolerance)
        with self._lock.write:
            _ffi.claims_ctx_set_attribute(self._ptr(), ctypes.byref(d), _ffi.Error())

    @property
    def match_threshold(self) -> float:
        """The score at which two subject mentions are one subject
        (docs/schema.md); set 0 to restore the default."""
        with self._lock.read:
            return float(_ffi.claims_ctx_match_threshold(self._ptr()))

    @match_threshold.setter
    def match_threshold(self, threshold: float) -> None:
        with self._lock.write:
            _ffi.claims_ctx_set_match_threshold(self._ptr(), float(threshold))

    def attribute(self, name: str) -> AttributeDef:
        """The schema's definition of `name`; NotFoundError when unknown."""
        raw = _ffi.to_bytes(name, "name")
        d = _ffi.AttributeDef()
        d.version = 2
        with self._lock.read:
            _ffi.claims_ctx_attribute(ctypes.byref(d), self._ptr(), raw, len(raw))
            got = d.name.ptr[:d.name.len] if d.name.ptr else raw
        return AttributeDef(name=got.decode("utf-8", "surrogateescape"),
                            type=_enum(Type, d.type),
                            cardinality=_enum(Cardinality, d.cardinality),
                            identifying=d.identifying, tolerance=d.tolerance,
                            time_tolerance=d.time_tolerance,
                            match=(d.match_agree, d.match_compatible,
                                   d.match_conflict, d.match_absent))

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        try:
            self.attribute(name)
        except NotFoundError:
            return False
        return True

    def normalize(self, type: TypeLike, text: Text, *, reference: Reference = None,
                  language: Optional[str] = None,
                  bias: Union[Bias, int, str] = Bias.PAST) -> "Value":
        """As claims.normalize() with this context's aliases."""
        return Value(type, text, reference=reference, language=language, bias=bias,
                     context=self)

    def compare(self, type: Optional[TypeLike], a: Union[Text, "Value"],
                b: Union[Text, "Value"], **options: Any) -> Comparison:
        """As claims.compare() with this context."""
        return compare(type, a, b, context=self, **options)


def _ctx_lock(context: Optional[Context]) -> Any:
    return context._lock.read if context is not None else _NO_LOCK


def _ctx_ptr(context: Optional[Context]) -> Any:
    return context._ptr() if context is not None else None


# ---- values ---------------------------------------------------------------------------


class Value(_Handle):
    """A parsed, normalized value: immutable once made.

    ``Value("duration", "about four minutes")`` has ``normalized == "240"``
    and ``modifier == Modifier.APPROX``. NUMBER and DURATION values have
    ``amount``, ``lower`` and ``upper`` (None where the text gives no bound:
    none is invented); DATE and TIME values have ``interval`` (wall-clock
    seconds since 1970, [begin, end)) and ``precision``. Parse errors raise
    ParseError, EncodingError or RangeError carrying the library's message.
    """
    _what = "Value"
    type: Type
    text: str
    normalized: str
    is_none: bool
    modifier: Modifier
    amount: Optional[float]
    lower: Optional[float]
    upper: Optional[float]
    interval: Optional[Tuple[int, int]]
    precision: Optional[Precision]

    def __init__(self, type: TypeLike, text: Text, *, reference: Reference = None,
                 language: Optional[str] = None, bias: Union[Bias, int, str] = Bias.PAST,
                 context: Optional[Context] = None) -> None:
        self._lock = _RWLock("Value")
        self._free = _ffi.claims_value_free
        t = _type(type)
        raw = _ffi.to_bytes(text, "text")
        opts = _parse_options(reference, language, bias)
        h = _ffi.value_p()
        _ffi.claims_value_new(ctypes.byref(h))
        self._handle = h
        with _ctx_lock(context):
            _ffi.claims_value_parse(h, _ctx_ptr(context), t, raw, len(raw),
                                    ctypes.byref(opts), _ffi.Error())
        self._read_fields(h)

    def _read_fields(self, h: Any) -> None:
        self.type = _enum(Type, _ffi.claims_value_type(h))
        self.text = _ffi.decode(_ffi.claims_value_text(h))
        self.normalized = _ffi.decode(_ffi.claims_value_normalized(h))
        self.is_none = bool(_ffi.claims_value_is_none(h))
        self.modifier = _enum(Modifier, _ffi.claims_value_modifier(h))
        self.amount = self.lower = self.upper = None
        self.interval = None
        self.precision = None
        if self.type in (Type.NUMBER, Type.DURATION) and not self.is_none:
            amount, lower, upper = ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
            _ffi.claims_value_amount(h, ctypes.byref(amount), ctypes.byref(lower),
                                     ctypes.byref(upper))
            self.amount = _bound(amount.value)
            self.lower = _bound(lower.value)
            self.upper = _bound(upper.value)
        elif self.type in (Type.DATE, Type.TIME) and not self.is_none:
            begin, end, prec = ctypes.c_int64(), ctypes.c_int64(), ctypes.c_int()
            _ffi.claims_value_interval(h, ctypes.byref(begin), ctypes.byref(end),
                                       ctypes.byref(prec))
            self.interval = (begin.value, end.value)
            self.precision = _enum(Precision, prec.value)

    @property
    def datetimes(self) -> Optional[Tuple[datetime.datetime, datetime.datetime]]:
        """``interval`` as naive (wall-clock) datetimes, for DATE and TIME."""
        if self.interval is None:
            return None
        return wall_clock(self.interval[0]), wall_clock(self.interval[1])

    def compare(self, other: "Value", context: Optional[Context] = None) -> Comparison:
        """How this value relates to `other`."""
        if not isinstance(other, Value):
            raise TypeError(f"compare() needs a Value, not {type(other).__name__}")
        out = _ffi.versioned(_ffi.Comparison)
        with _ctx_lock(context), self._lock.read:
            with other._lock.read if other is not self else _NO_LOCK:
                _ffi.claims_value_compare(ctypes.byref(out), _ctx_ptr(context),
                                          self._ptr(), other._ptr())
        return Comparison(relation=_enum(Relation, out.relation), score=out.score,
                          reason=_ffi.decode(out.reason))

    def _key(self) -> Tuple[Any, ...]:
        return (self.type, self.normalized, self.modifier, self.is_none)

    def __eq__(self, other: object) -> bool:
        """Same type, normalized form, modifier and none-ness."""
        if not isinstance(other, Value):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        return self.normalized

    def __repr__(self) -> str:
        parts = [f"<claims.Value {self.type} {self.normalized!r}"]
        if self.modifier:
            parts.append(str(self.modifier))
        if self.is_none:
            parts.append("none")
        if self.precision is not None:
            parts.append(f"precision={self.precision}")
        if self.text != self.normalized:
            parts.append(f"from {self.text!r}")
        return " ".join(parts) + ">"


def normalize(type: TypeLike, text: Text, *, reference: Reference = None,
              language: Optional[str] = None, bias: Union[Bias, int, str] = Bias.PAST,
              context: Optional[Context] = None) -> Value:
    """Parses `text` as a value of `type` ("duration", Type.DATE...).

    `reference` (ISO 8601 str, date or datetime) anchors relative dates such
    as "Sunday"; without it they raise ParseError. `context` adds alias
    tables; None uses the built-in ones.
    """
    return Value(type, text, reference=reference, language=language, bias=bias,
                 context=context)


def compare(type: Optional[TypeLike], a: Union[Text, Value], b: Union[Text, Value], *,
            reference: Reference = None, language: Optional[str] = None,
            bias: Union[Bias, int, str] = Bias.PAST,
            context: Optional[Context] = None) -> Comparison:
    """How two values relate: EQUAL, COMPATIBLE, CONFLICTING or INCOMPARABLE,
    with a score and the reason. `a` and `b` are texts parsed as `type` (with
    the same options as normalize()) or Values (then `type` may be None)."""
    made: List[Value] = []

    def value(x: Union[Text, Value]) -> Value:
        if isinstance(x, Value):
            return x
        if type is None:
            raise TypeError("compare() needs a type to parse texts")
        v = Value(type, x, reference=reference, language=language, bias=bias,
                  context=context)
        made.append(v)
        return v

    try:
        return value(a).compare(value(b), context=context)
    finally:
        for v in made:
            v.close()


# ---- cursors -----------------------------------------------------------------------


class _Cursor(_Handle, Iterator[T]):
    """An iterator over a C cursor; each row is copied into a record.

    The C cursor owns its row and hands back a pointer to it, valid until it
    advances: the record is copied out at once, under the cursor's mutex."""
    _what = "cursor"

    def __init__(self, parent: "_Parent", lock: _RWLock, open_fn: Any,
                 open_args: Sequence[Any], next_fn: Any, info: Any,
                 convert: Callable[[Any], T]) -> None:
        self._parent = parent  # keeps the store or result alive
        self._rw = lock
        self._free = _ffi.claims_cursor_free
        self._mutex = threading.Lock()
        self._next_fn = next_fn
        self._row = ctypes.POINTER(info)()  # `info`: the row's Structure class
        self._convert = convert
        self._detached = False
        h = _ffi.cursor_p()
        with lock.read:
            open_fn(ctypes.byref(h), parent._ptr(), *open_args)
            self._handle = h
            parent._adopt(self)

    def __iter__(self) -> "_Cursor[T]":
        return self

    def __next__(self) -> T:
        with self._mutex, self._rw.read:
            h = self._handle
            if not h:
                if self._detached:
                    raise ValueError(f"the {self._parent._what} was closed during iteration")
                raise StopIteration
            if self._next_fn(ctypes.byref(self._row), h) == _ffi.CLAIMS_DONE:
                self._release()
                raise StopIteration
            return self._convert(self._row.contents)

    def _release_tree(self) -> None:
        # Called by the parent's close() with its write lock held.
        self._detached = True
        self._release()

    def close(self) -> None:
        """Frees the cursor before the end of the iteration."""
        with self._mutex, self._rw.read:
            self._release()


# ---- store --------------------------------------------------------------------------


Progress = Callable[[str, int, int], Any]


class _Progress:
    """A Python progress callable as a claims_progress_fn, for one call.

    The callable gets (stage, done, total) and returns a true value to stop
    (the call then raises CanceledError). An exception it raises, including
    KeyboardInterrupt, also stops the call and is re-raised from it: it
    cannot cross the C frames, so it is kept here meanwhile.
    """

    def __init__(self, fn: Optional[Progress]) -> None:
        self.fn = fn
        self.error: Optional[BaseException] = None
        self.c_fn = _ffi.PROGRESS(self._call) if fn is not None else None

    def _call(self, stage: bytes, done: int, total: int, payload: Any) -> int:
        try:
            assert self.fn is not None
            return 1 if self.fn(_ffi.decode(stage), done, total) else 0
        except BaseException as exc:  # re-raised by check() after the C call
            self.error = exc
            return 1

    def install(self, opts: Any) -> None:
        if self.c_fn is not None:
            opts.progress = self.c_fn

    def reraise(self) -> None:
        """Raises what the callable raised, if it did."""
        if self.error is not None:
            error, self.error = self.error, None
            raise error




def _threads(threads: int) -> int:
    if int(threads) < 0:
        raise ValueError("threads must not be negative")
    return int(threads)


def _load_options(format: Union[Format, int, str], strict: bool, latin1: bool,
                  columns: Optional[Sequence[str]], max_field_length: int,
                  published: Optional[str] = None, threads: int = 0) -> Any:
    opts = _ffi.LoadOptions()
    _ffi.claims_load_options_init(ctypes.byref(opts), 2)
    opts.threads = _threads(threads)
    opts.format = coerce(Format, format, "format")
    opts.flags = (1 if strict else 0) | (2 if latin1 else 0)
    opts.max_field_length = int(max_field_length)
    if columns is not None:
        if isinstance(columns, (str, bytes)):
            raise TypeError("columns must be a sequence of names, not one string")
        names = (_ffi.Str * len(columns))(*[_ffi.make_str(c, "column") for c in columns])
        opts._keep = names  # the C struct points into it
        opts.tsv_attributes = ctypes.cast(names, ctypes.POINTER(_ffi.Str))
        opts.tsv_attribute_count = len(columns)
    if published is not None:
        value = _ffi.make_str(published, "published")
        opts._keep_published = value  # the C struct points into its bytes
        opts.default_published = value
    return opts


def _summary(s: Any) -> LoadSummary:
    return LoadSummary(*(getattr(s, name) for name, _ in _ffi.LoadSummary._fields_
                         if name != "version"))


def _source(info: Any) -> Source:
    d = _ffi.decode
    return Source(index=info.index, id=d(info.id), outlet=d(info.outlet),
                  title=d(info.title), author=d(info.author),
                  published=d(info.published), url=d(info.url),
                  language=d(info.language), origin=d(info.origin),
                  text_file=d(info.text_file),
                  text_characters=_opt_index(info.text_characters),
                  subject_count=info.subject_count, claim_count=info.claim_count)


def _subject(info: Any) -> Subject:
    d = _ffi.decode
    return Subject(index=info.index, source=info.source, id=d(info.id),
                   type=d(info.type), label=d(info.label))


def _claim(info: Any) -> Claim:
    d = _ffi.decode
    return Claim(index=info.index, source=info.source, id=d(info.id),
                 source_id=d(info.source_id), subject_id=d(info.subject_id),
                 subject_type=d(info.subject_type),
                 subject_label=d(info.subject_label), attribute=d(info.attribute),
                 value=d(info.value), value_type=d(info.value_type),
                 attribution=_ffi.string_list(info.attribution, info.attribution_count),
                 quote=d(info.quote), quote_offset=_opt_index(info.quote_offset),
                 quote_length=_opt_index(info.quote_length),
                 polarity=_enum(Polarity, info.polarity),
                 certainty=_enum(Certainty, info.certainty),
                 line=info.line or None, column=info.column or None)


SourceRef = Union[int, str, Source]


def _desc(cls: Any, **texts: Optional[Text]) -> Any:
    """A version-1 description struct with its claims_str fields set."""
    d = cls()
    d.version = 1
    for key, text in texts.items():
        setattr(d, key, _ffi.make_str(text, key))
    return d


class Store(_Parent):
    """Loaded documents: sources, subject mentions and claims.

    Loading and adding take the store exclusively; reading (cursors,
    reconcile(), reading a Result of it) may happen in many threads at once.
    close() closes its results and open cursors first.
    """
    _what = "Store"

    def __init__(self) -> None:
        self._lock = _RWLock("Store")
        self._free = _ffi.claims_store_free
        self._init_children()
        h = _ffi.store_p()
        _ffi.claims_store_new(ctypes.byref(h), _ffi.Error())
        self._handle = h

    def __repr__(self) -> str:
        if self.closed:
            return "<claims.Store closed>"
        return f"<claims.Store sources={self.source_count} claims={self.claim_count}>"

    # -- loading

    def _run_load(self, call: Callable[[Any, Any, Any, Any], int], opts: Any,
                  check: bool, progress: Optional[Progress]) -> LoadSummary:
        summary = _ffi.versioned(_ffi.LoadSummary)
        err = _ffi.Error()
        adapter = _Progress(progress)
        adapter.install(opts)
        try:
            with self._lock.write:
                call(self._ptr(), ctypes.byref(opts), ctypes.byref(summary), err)
        except RejectedError as exc:
            exc.summary = _summary(summary)
            if check:
                raise
        except ClaimsError as exc:
            exc.summary = _summary(summary)
            if isinstance(exc, CanceledError):
                adapter.reraise()
            raise
        return _summary(summary)

    def load(self, source: Union[PathLike, bytes, bytearray, memoryview, Any], *,
             format: Union[Format, int, str] = Format.AUTO, strict: bool = False,
             latin1: bool = False, columns: Optional[Sequence[str]] = None,
             max_field_length: int = 0, name: Optional[str] = None,
             check: bool = True, progress: Optional[Progress] = None,
             published: Optional[str] = None, threads: int = 0) -> LoadSummary:
        """Loads documents from a file path (str or path-like), from bytes,
        or from a binary or text file object.

        format: "auto" (by content), "json", "jsonl" or "tsv". strict: any
        error rejects the whole document. latin1: TSV fields that are not
        UTF-8 are read as Latin-1. columns: TSV wide-form attribute names.
        name labels diagnostics of in-memory input. published: the
        publication date (ISO 8601) of sources loaded without one (TSV rows),
        the reference of their relative dates and times. threads: how many
        threads read JSON Lines at once (0: one per usable CPU; the store is
        the same for any number).

        Returns the LoadSummary of this call. When some input was rejected
        the rest stays loaded and RejectedError is raised (its ``summary``
        has the counts, ``diagnostics()`` every problem), unless
        ``check=False``. Input that cannot be read at all raises the
        matching ClaimsError (ParseError, ClaimsIOError...).

        progress: called as ``progress("load", done, total)`` (bytes) while
        the input is read; a true result stops the load with CanceledError,
        an exception stops it and propagates. What was loaded stays. It runs
        while the store is locked: it must not use this store.
        """
        if isinstance(source, (bytes, bytearray, memoryview)):
            return self.loads(bytes(source), name=name, format=format, strict=strict,
                              latin1=latin1, columns=columns,
                              max_field_length=max_field_length, check=check,
                              progress=progress, published=published, threads=threads)
        if hasattr(source, "read"):
            data = source.read()
            label = name if name is not None else getattr(source, "name", None)
            return self.loads(data, name=label if isinstance(label, str) else None,
                              format=format, strict=strict, latin1=latin1,
                              columns=columns, max_field_length=max_field_length,
                              check=check, progress=progress, published=published,
                              threads=threads)
        path = os.fsencode(source)
        opts = _load_options(format, strict, latin1, columns, max_field_length, published,
                             threads)

        def call(store: Any, o: Any, s: Any, err: Any) -> int:
            return int(_ffi.claims_store_load_file(store, path, len(path), o, s, err))
        return self._run_load(call, opts, check, progress)

    def loads(self, data: Text, *, name: Optional[str] = None,
              format: Union[Format, int, str] = Format.AUTO, strict: bool = False,
              latin1: bool = False, columns: Optional[Sequence[str]] = None,
              max_field_length: int = 0, check: bool = True,
              progress: Optional[Progress] = None,
              published: Optional[str] = None, threads: int = 0) -> LoadSummary:
        """Loads documents from a str or bytes in memory; as load()."""
        raw = _ffi.to_bytes(data, "data")
        label = _ffi.make_str(name, "name")
        opts = _load_options(format, strict, latin1, columns, max_field_length, published,
                             threads)

        def call(store: Any, o: Any, s: Any, err: Any) -> int:
            return int(_ffi.claims_store_load_buffer(store, raw, len(raw), label, o, s, err))
        return self._run_load(call, opts, check, progress)

    # -- adding

    def add_source(self, id: str, *, outlet: Optional[str] = None,
                   title: Optional[str] = None, author: Optional[str] = None,
                   published: Optional[str] = None, url: Optional[str] = None,
                   language: Optional[str] = None) -> int:
        """Adds a source (a document); returns its index. DuplicateError
        when the id exists."""
        d = _desc(_ffi.SourceDesc, id=id, outlet=outlet, title=title, author=author,
                  published=published, url=url, language=language)
        index = ctypes.c_size_t()
        with self._lock.write:
            _ffi.claims_store_add_source(self._ptr(), ctypes.byref(index),
                                         ctypes.byref(d), _ffi.Error())
        return index.value

    def _source_index(self, source: SourceRef) -> int:
        if isinstance(source, Source):
            return source.index
        if isinstance(source, str):
            for s in self.sources():
                if s.id == source:
                    return s.index
            raise NotFoundError(-8, f"no source with id {source!r}")
        if isinstance(source, int) and not isinstance(source, bool):
            return source
        raise TypeError(f"source must be an index, an id or a Source, not {type(source).__name__}")

    def add_subject(self, source: SourceRef, id: str, type: str,
                    label: Optional[str] = None) -> None:
        """Adds a subject mention (`type`: "event", "person"...) to a source."""
        index = self._source_index(source)
        d = _desc(_ffi.SubjectDesc, id=id, type=type, label=label)
        with self._lock.write:
            _ffi.claims_store_add_subject(self._ptr(), index, ctypes.byref(d), _ffi.Error())

    def add_claim(self, source: SourceRef, subject: str, attribute: str, value: Text, *,
                  id: Optional[str] = None, value_type: Optional[TypeLike] = None,
                  attribution: Iterable[str] = (), quote: Optional[str] = None,
                  quote_offset: Optional[int] = None, quote_length: Optional[int] = None,
                  polarity: Union[Polarity, int, str] = Polarity.AFFIRMED,
                  certainty: Union[Certainty, int, str] = Certainty.CERTAIN) -> int:
        """Adds a claim about `subject` (an id in the same source); returns
        its store-wide index. `attribution` is the chain of speakers,
        outermost first; quote offsets count characters in the article."""
        index = self._source_index(source)
        d = _desc(_ffi.ClaimDesc, id=id, subject=subject, attribute=attribute, value=value,
                  value_type=type_name(value_type) if value_type is not None else None,
                  quote=quote)
        chain = [_ffi.make_str(a, "attribution") for a in attribution]
        if chain:
            d._keep = (_ffi.Str * len(chain))(*chain)  # the C struct points into it
            d.attribution = ctypes.cast(d._keep, ctypes.POINTER(_ffi.Str))
        d.attribution_count = len(chain)
        d.quote_offset = -1 if quote_offset is None else int(quote_offset)
        d.quote_length = -1 if quote_length is None else int(quote_length)
        d.polarity = coerce(Polarity, polarity, "polarity")
        d.certainty = coerce(Certainty, certainty, "certainty")
        out = ctypes.c_size_t()
        with self._lock.write:
            _ffi.claims_store_add_claim(self._ptr(), ctypes.byref(out), index,
                                        ctypes.byref(d), _ffi.Error())
        return out.value

    # -- reading

    @property
    def source_count(self) -> int:
        with self._lock.read:
            return int(_ffi.claims_store_source_count(self._ptr()))

    @property
    def claim_count(self) -> int:
        with self._lock.read:
            return int(_ffi.claims_store_claim_count(self._ptr()))

    def claim(self, index: int) -> Claim:
        """Claim `index` (store-wide); NotFoundError when out of range."""
        cursor = _Cursor(self, self._lock, _ffi.claims_store_claims_from, (index,),
                         _ffi.claims_cursor_next_claim, _ffi.ClaimInfo, _claim)
        try:
            return next(cursor)
        finally:
            cursor.close()

    def sources(self) -> Iterator[Source]:
        """The sources in load order."""
        return _Cursor(self, self._lock, _ffi.claims_store_sources, (),
                       _ffi.claims_cursor_next_source, _ffi.SourceInfo, _source)

    def _which(self, source: Optional[SourceRef]) -> int:
        return _ffi.CLAIMS_ALL if source is None else self._source_index(source)

    def claims(self, source: Optional[SourceRef] = None) -> Iterator[Claim]:
        """The claims of one source, or of all (in load order)."""
        return _Cursor(self, self._lock, _ffi.claims_store_claims, (self._which(source),),
                       _ffi.claims_cursor_next_claim, _ffi.ClaimInfo, _claim)

    def subjects(self, source: Optional[SourceRef] = None) -> Iterator[Subject]:
        """The subject mentions of one source, or of all (what
        Result.subjects() merges into resolved subjects)."""
        return _Cursor(self, self._lock, _ffi.claims_store_subjects,
                       (self._which(source),), _ffi.claims_cursor_next_subject,
                       _ffi.SubjectInfo, _subject)

    def summary(self) -> LoadSummary:
        """Counts of everything loaded so far."""
        return _summary(self._read_struct(_ffi.claims_store_summary, _ffi.LoadSummary))

    def diagnostics(self) -> List[Diagnostic]:
        """Every problem recorded by the loads so far, in order."""
        return self._diagnostics(_ffi.claims_store_diagnostic_count,
                                 _ffi.claims_store_diagnostic)

    # -- reconciling

    def reconcile(self, context: Optional[Context] = None, *,
                  bias: Union[Bias, int, str] = Bias.PAST, shared_words: int = 0,
                  progress: Optional[Progress] = None, threads: int = 0) -> "Result":
        """Reconciles everything loaded: see claims.reconcile()."""
        opts = _ffi.ReconcileOptions()
        _ffi.claims_reconcile_options_init(ctypes.byref(opts), 2)
        opts.threads = _threads(threads)
        opts.bias = coerce(Bias, bias, "bias")
        opts.shared_words = int(shared_words)
        adapter = _Progress(progress)
        adapter.install(opts)
        h = _ffi.result_p()
        try:
            with _ctx_lock(context), self._lock.read:
                _ffi.claims_reconcile(ctypes.byref(h), _ctx_ptr(context), self._ptr(),
                                      ctypes.byref(opts), _ffi.Error())
                return Result(self, h)
        except CanceledError:
            adapter.reraise()
            raise


def reconcile(store: Store, context: Optional[Context] = None, *,
              bias: Union[Bias, int, str] = Bias.PAST, shared_words: int = 0,
              progress: Optional[Progress] = None, threads: int = 0) -> "Result":
    """Normalizes every claim's value, resolves subject mentions across
    documents, groups the claims of each (subject, attribute) into value
    clusters and counts sources and independent origins. `context` supplies
    the schema and aliases (None: built-ins). Values that cannot be parsed
    are kept as text and listed in ``Result.diagnostics()``.

    bias: how relative dates resolve ("past", "future", "nearest").
    shared_words: the shortest run of shared words that makes two sources
    dependent (0: the library's default). progress: called as
    ``progress(stage, done, total)`` for the stages ("normalize",
    "resolve", "group"), then once ("done", 1, 1) when all are finished;
    a true result stops with CanceledError, an exception stops and
    propagates. It may read the store, not change it.
    threads: how many threads the stages use at once (0: one per usable
    CPU; the result is the same for any number)."""
    return store.reconcile(context, bias=bias, shared_words=shared_words,
                           progress=progress, threads=threads)


# ---- result ---------------------------------------------------------------------------


def _render_options(compact: bool, threads: int, chunk_size: int) -> Any:
    opts = _ffi.RenderOptions()
    _ffi.claims_render_options_init(ctypes.byref(opts), 1)
    opts.flags = _ffi.RENDER_COMPACT if compact else 0
    if chunk_size < 0:
        raise ValueError("chunk_size must not be negative")
    opts.threads = _threads(threads)
    opts.chunk_size = int(chunk_size)
    return opts


class _Sink:
    """A file object's write() as a claims_write_fn, for one call.

    Pieces may come from a thread the library started: such a thread takes
    the result's read lock for the call, so that a write() that tries to
    change the store fails (RuntimeError) instead of waiting for the caller,
    which waits for it. An exception raised by write() stops the rendering;
    it is kept here and re-raised after the C call. A text file gets str:
    pieces may end inside a UTF-8 sequence, so they are decoded
    incrementally."""

    def __init__(self, write: Callable[[Any], Any], text: bool, lock: "_RWLock") -> None:
        self.write = write
        self.lock = lock
        self.error: Optional[BaseException] = None
        self.decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape") if text else None
        self.c_fn = _ffi.WRITE(self._call)

    def _call(self, payload: Any, data: int, length: int) -> int:
        try:
            chunk = ctypes.string_at(data, length)
            with self.lock.read:
                self.write(self.decoder.decode(chunk) if self.decoder else chunk)
            return 0
        except BaseException as exc:  # re-raised by reraise() after the C call
            self.error = exc
            return 1

    def finish(self) -> None:
        if self.decoder:
            rest = self.decoder.decode(b"", final=True)
            if rest:
                self.write(rest)

    def reraise(self) -> None:
        if self.error is not None:
            error, self.error = self.error, None
            raise error


def _result_subject(result: "Result") -> Callable[[Any], ResultSubject]:
    def convert(info: Any) -> ResultSubject:
        d = _ffi.decode
        return ResultSubject(index=info.index, id=d(info.id), label=d(info.label),
                             type=d(info.type), mention_count=info.mention_count,
                             sources=_ffi.string_list(info.sources, info.source_count),
                             attribute_count=info.attribute_count,
                             explanation=d(info.explanation), _result=result)
    return convert


def _attribute(result: "Result", subject: int) -> Callable[[Any], Attribute]:
    def convert(info: Any) -> Attribute:
        d = _ffi.decode
        return Attribute(index=info.index, subject_index=subject, name=d(info.attribute),
                         type=d(info.type), known=bool(info.known),
                         cardinality=_enum(Cardinality, info.cardinality),
                         agreement=_enum(Agreement, info.agreement),
                         value_count=info.value_count, source_count=info.source_count,
                         uncertain_count=info.uncertain_count, reason=d(info.reason),
                         _result=result)
    return convert


def _value_cluster(result: "Result", subject: int,
                   attribute: int) -> Callable[[Any], ValueCluster]:
    def convert(info: Any) -> ValueCluster:
        d = _ffi.decode
        return ValueCluster(index=info.index, subject_index=subject,
                            attribute_index=attribute,
                            normalized=d(info.normalized), text=d(info.text),
                            polarity=_enum(Polarity, info.polarity),
                            uncertain=bool(info.uncertain), hedged=bool(info.hedged),
                            preferred=bool(info.preferred), claim_count=info.claim_count,
                            sources=_ffi.string_list(info.sources, info.source_count),
                            origins=_ffi.string_list(info.origins, info.origin_count),
                            certainty=_enum(Certainty, info.certainty), side=info.side,
                            side_origin_count=info.side_origin_count,
                            superseded=bool(info.superseded), current=bool(info.current),
                            published_first=d(info.published_first),
                            published_last=d(info.published_last),
                            _result=result)
    return convert


def _dependency(info: Any) -> Dependency:
    d = _ffi.decode
    return Dependency(index=info.index, source_a=d(info.source_a), source_b=d(info.source_b),
                      passages=_ffi.string_list(info.passages, info.passage_count))


def _index(x: Any, what: str) -> int:
    if isinstance(x, int) and not isinstance(x, bool):
        return x
    index = getattr(x, "index", None)
    if isinstance(index, int):
        return index
    raise TypeError(f"{what} must be an index or a record, not {type(x).__name__}")


class Result(_Parent):
    """An immutable reconciliation result. Any number of threads may read
    it at once. It borrows the store's strings, so it keeps its Store alive,
    and closing the store closes it."""
    _what = "Result"

    def __init__(self, store: Store, handle: Any) -> None:
        # Made by Store.reconcile() with the store's read lock held.
        self._store = store
        self._lock = store._lock
        self._free = _ffi.claims_result_free
        self._init_children()
        self._handle = handle
        store._adopt(self)

    @property
    def store(self) -> Store:
        return self._store

    def __repr__(self) -> str:
        if self.closed:
            return "<claims.Result closed>"
        s = self.stats()
        return (f"<claims.Result subjects={s.subjects} clusters={s.clusters} "
                f"claims={s.claims} dependencies={s.dependencies}>")

    def _cursor(self, open_fn: Any, args: Sequence[Any], next_fn: Any, info: Any,
                convert: Callable[[Any], T]) -> Iterator[T]:
        return _Cursor(self, self._lock, open_fn, args, next_fn, info, convert)

    def subjects(self) -> Iterator[ResultSubject]:
        """The resolved subjects (events, persons, organizations...),
        events first."""
        return self._cursor(_ffi.claims_result_subjects, (),
                            _ffi.claims_cursor_next_result_subject, _ffi.ResultSubjectInfo,
                            _result_subject(self))

    __iter__ = subjects

    def events(self) -> Iterator[ResultSubject]:
        """Deprecated alias of subjects(): every resolved subject, not only
        events."""
        warnings.warn("Result.events() is deprecated: use Result.subjects()",
                      DeprecationWarning, stacklevel=2)
        return self.subjects()

    def attributes(self, subject: Union[int, ResultSubject]) -> Iterator[Attribute]:
        """The attributes of a resolved subject."""
        e = _index(subject, "subject")
        return self._cursor(_ffi.claims_result_attributes, (e,),
                            _ffi.claims_cursor_next_attribute, _ffi.AttributeInfo,
                            _attribute(self, e))

    def values(self, subject: Union[int, ResultSubject],
               attribute: Union[int, Attribute]) -> Iterator[ValueCluster]:
        """The value clusters of one attribute of a resolved subject."""
        e, a = _index(subject, "subject"), _index(attribute, "attribute")
        return self._cursor(_ffi.claims_result_values, (e, a),
                            _ffi.claims_cursor_next_value, _ffi.ValueInfo,
                            _value_cluster(self, e, a))

    def claims(self, subject: Union[int, ResultSubject], attribute: Union[int, Attribute],
               value: Union[int, ValueCluster]) -> Iterator[Claim]:
        """The claims of one value cluster."""
        args = (_index(subject, "subject"), _index(attribute, "attribute"),
                _index(value, "value"))
        return self._cursor(_ffi.claims_result_claims, args,
                            _ffi.claims_cursor_next_claim, _ffi.ClaimInfo, _claim)

    def dependencies(self) -> Iterator[Dependency]:
        """Pairs of sources that share wording."""
        return self._cursor(_ffi.claims_result_dependencies, (),
                            _ffi.claims_cursor_next_dependency, _ffi.DependencyInfo,
                            _dependency)

    def stats(self) -> Stats:
        """Timings of the stages (normalize, resolve, dependence, origins,
        group; `total` covers them all) and counts."""
        s = self._read_struct(_ffi.claims_result_get_stats, _ffi.ResultStats)
        return Stats(**{name: getattr(s, name) for name, _ in _ffi.ResultStats._fields_
                        if name != "version"})

    def diagnostics(self) -> List[Diagnostic]:
        """Notes about values that could not be parsed as their type."""
        return self._diagnostics(_ffi.claims_result_diagnostic_count,
                                 _ffi.claims_result_diagnostic)

    def render(self, format: Union[RenderFormat, int, str] = RenderFormat.TEXT, *,
               compact: bool = False) -> str:
        """The report as a str: "json" (docs/report.md), "text" (for
        terminals), "html" (one self-contained page) or "csv" (one row per
        claim, RFC 4180). compact: JSON on one line, without indentation.
        For large results, write() streams the report instead."""
        fmt = coerce(RenderFormat, format, "report format")
        if compact:
            out = io.StringIO()
            self.write(out, fmt, compact=True)
            return out.getvalue()
        out = ctypes.c_void_p()
        length = ctypes.c_size_t()
        with self._lock.read:
            _ffi.claims_result_render(ctypes.byref(out), ctypes.byref(length), self._ptr(),
                                      fmt, _ffi.Error())
        return _ffi.take_string(out, length.value).decode("utf-8", "surrogateescape")

    def write(self, dest: Union[str, "os.PathLike[str]", bytes, IO[Any]],
              format: Union[RenderFormat, int, str] = RenderFormat.JSON, *,
              compact: bool = False, threads: int = 0, chunk_size: int = 0) -> None:
        """Streams the report to `dest` without holding it in memory whole:
        a path (the file is created or truncated and written by the
        library) or a file object with a write() method: a binary one gets
        bytes, a text one (io.TextIOBase) str. The bytes are those of
        render(format, compact=compact).

        compact: JSON on one line, without indentation. threads: threads
        rendering at once (0: one per CPU, 1: this one only); a file
        object's write() may then be called from a thread the library
        started, one call at a time and in order. chunk_size: the largest
        piece handed to write() (0: 64 KiB). An exception raised by write()
        stops the rendering and propagates; write() may read this result
        and its store, not change them."""
        opts = _render_options(compact, threads, chunk_size)
        fmt = coerce(RenderFormat, format, "report format")
        if isinstance(dest, (str, bytes, os.PathLike)):
            path = os.fsencode(dest)
            with self._lock.read:
                _ffi.claims_result_write_file(self._ptr(), fmt, ctypes.byref(opts), path,
                                              len(path), _ffi.Error())
            return
        if not callable(getattr(dest, "write", None)):
            raise TypeError("dest must be a path or a file object with write(), "
                            f"not {type(dest).__name__}")
        sink = _Sink(dest.write, isinstance(dest, io.TextIOBase), self._lock)
        try:
            with self._lock.read:
                _ffi.claims_result_write(self._ptr(), fmt, ctypes.byref(opts), sink.c_fn,
                                         None, _ffi.Error())
        except ClaimsError:
            sink.reraise()
            raise
        sink.finish()

    def report(self, format: Union[RenderFormat, int, str] = RenderFormat.JSON) -> Any:
        """The report: for "json" the parsed document (dicts and lists),
        for the other formats the rendered str."""
        fmt = coerce(RenderFormat, format, "report format")
        text = self.render(fmt)
        return json.loads(text) if fmt is RenderFormat.JSON else text

"""Loading libclaims and declaring its C API for ctypes.

Every function of claims.h is declared once, in the table at the end of this
file, through ``_declare``: argument types, result type and, for functions
returning a claims_status, an errcheck that turns negative codes into
ClaimsError subclasses. Nothing is left to ctypes' default ``int`` result,
which would truncate pointers.

The library is looked up in this order (the first that loads wins):

1. the path in the environment variable ``LIBCLAIMS_LIBRARY`` (when set, it is
   the only candidate: an explicit choice is never silently replaced);
2. a library next to this package (``claims/libclaims.so.0``...), for wheels
   or copies that ship it;
3. the CMake build tree, when the package is imported from a source checkout
   (``<checkout>/build*/lib/``);
4. ``<sys.prefix>/lib``, then the installed SONAME ``libclaims.so.0``
   through the dynamic loader, then ``ctypes.util.find_library("claims")``.

When nothing loads, one ImportError lists every candidate and why it failed.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import sys
from ctypes import (POINTER, Structure, c_char, c_char_p, c_double, c_int,
                    c_int64, c_long, c_size_t, c_uint, c_void_p)
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

from ._errors import ClaimsError, error_class

ENV_VAR = "LIBCLAIMS_LIBRARY"
#: Major version (and SONAME) this binding is written for.
ABI_MAJOR = 0
SONAME = f"libclaims.so.{ABI_MAJOR}"

CLAIMS_OK = 0
CLAIMS_DONE = 1
CLAIMS_ALL = ctypes.c_size_t(-1).value

# ---- finding the library ------------------------------------------------------


def _names() -> List[str]:
    """File names the library has on this platform, most specific first."""
    if sys.platform == "win32":
        return ["claims.dll", "libclaims.dll"]
    if sys.platform == "darwin":
        return [f"libclaims.{ABI_MAJOR}.dylib", "libclaims.dylib"]
    return [SONAME, "libclaims.so"]


def _candidates() -> Iterator[Tuple[str, str]]:
    """(how it was found, path or name to load), in search order; lazy, so
    the slow find_library() only runs when everything before it failed."""
    env = os.environ.get(ENV_VAR)
    if env:
        yield f"${ENV_VAR}", env
        return
    here = os.path.dirname(os.path.abspath(__file__))
    for name in _names():
        yield "next to the package", os.path.join(here, name)
    checkout = os.path.dirname(os.path.dirname(here))
    if os.path.isfile(os.path.join(checkout, "include", "claims.h")):
        builds = sorted(glob.glob(os.path.join(checkout, "build*", "lib")),
                        key=lambda d: (os.path.basename(os.path.dirname(d)) != "build", d))
        for d in builds:
            for name in _names():
                if os.path.exists(os.path.join(d, name)):
                    yield "build tree", os.path.join(d, name)
                    break
    for name in _names():
        yield "sys.prefix", os.path.join(sys.prefix, "lib", name)
    yield "dynamic loader (SONAME)", _names()[0]
    yield "ctypes.util.find_library('claims')", ctypes.util.find_library("claims") or ""


def _sanitized_build(path: str) -> bool:
    """True for a library of a CMake build configured with CLAIMS_SANITIZE."""
    cache = os.path.join(os.path.dirname(os.path.dirname(path)), "CMakeCache.txt")
    try:
        with open(cache, encoding="utf-8", errors="replace") as f:
            return any(line.startswith("CLAIMS_SANITIZE:BOOL=ON") for line in f)
    except OSError:
        return False


def _asan_loaded() -> bool:
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            return "libasan" in f.read()
    except OSError:
        return False


def _load() -> Tuple[ctypes.CDLL, str]:
    tried: List[str] = []
    for how, path in _candidates():
        if not path:
            tried.append(f"  {how}: not found")
            continue
        if os.sep in path and not os.path.exists(path):
            tried.append(f"  {how}: {path}: no such file")
            continue
        if how == "build tree" and _sanitized_build(path) and not _asan_loaded():
            # Loading it would end the process (ASan must come first).
            tried.append(f"  {how}: {path}: built with CLAIMS_SANITIZE; run with "
                         "LD_PRELOAD=$(cc -print-file-name=libasan.so)")
            continue
        try:
            if sys.platform == "win32" and os.path.isabs(path):
                # Dependent DLLs (jansson, utf8proc) may sit beside it.
                os.add_dll_directory(os.path.dirname(path))  # type: ignore[attr-defined]
            return ctypes.CDLL(path), path
        except OSError as exc:
            tried.append(f"  {how}: {path}: {exc}")
    raise ImportError(
        "claims: could not load the libclaims shared library. Tried:\n"
        + "\n".join(tried)
        + f"\nBuild it (cmake -S . -B build && cmake --build build) and set {ENV_VAR} "
        f"to the path of {_names()[0]}, or install it where the dynamic loader finds it.")


lib, library_path = _load()

# ---- structures (mirrors of claims.h; see the size check below) ----------------
#
# Two kinds (docs/conventions.md). The structs this binding hands the library
# (options, descriptions, LoadSummary, ResultStats, Comparison) start with
# `version`: the binding sets it to the version it mirrors, and the library
# reads and writes only those fields. The cursor rows (*Info) are the
# library's: a cursor hands back a pointer to its own row, and the binding
# reads the fields it mirrors (a newer library may have more at the end).

ERROR_SOURCE_LENGTH = 96
ERROR_TEXT_LENGTH = 160
REASON_LENGTH = 128


class Error(Structure):
    """claims_error."""
    _fields_ = [
        ("code", c_int),
        ("line", c_int),
        ("column", c_int),
        ("document", c_long),
        ("claim", c_long),
        ("source", c_char * ERROR_SOURCE_LENGTH),
        ("text", c_char * ERROR_TEXT_LENGTH),
    ]


class Str(Structure):
    """claims_str. Assigning bytes to ``ptr`` keeps them alive with the struct."""
    _fields_ = [("ptr", c_char_p), ("len", c_size_t)]


class ParseOptions(Structure):
    _fields_ = [("version", c_uint), ("reference", Str), ("language", Str),
                ("bias", c_int), ("flags", c_uint)]


class Comparison(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("relation", c_int), ("score", c_double),
                ("reason", c_char * REASON_LENGTH)]


#: claims_progress_fn: int (*)(const char *stage, size_t done, size_t total,
#: void *payload).
PROGRESS = ctypes.CFUNCTYPE(c_int, c_char_p, c_size_t, c_size_t, c_void_p)


class LoadOptions(Structure):
    _fields_ = [("version", c_uint), ("flags", c_uint), ("format", c_int),
                ("tsv_attributes", POINTER(Str)), ("tsv_attribute_count", c_size_t),
                ("max_field_length", c_size_t), ("progress", PROGRESS),
                ("progress_payload", c_void_p), ("default_published", Str),
                ("threads", c_uint)]


class LoadSummary(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint)] + [(name, c_size_t) for name in (
        "documents_read", "documents_loaded", "documents_rejected",
        "claims_read", "claims_loaded", "claims_rejected", "errors")]


class SourceDesc(Structure):
    _fields_ = [("version", c_uint)] + [(name, Str) for name in (
        "id", "outlet", "title", "author", "published", "url", "language")]


class SubjectDesc(Structure):
    _fields_ = [("version", c_uint), ("id", Str), ("type", Str), ("label", Str)]


class ClaimDesc(Structure):
    _fields_ = [("version", c_uint), ("id", Str), ("subject", Str),
                ("attribute", Str), ("value", Str), ("value_type", Str),
                ("attribution", POINTER(Str)), ("attribution_count", c_size_t),
                ("quote", Str), ("quote_offset", c_long), ("quote_length", c_long),
                ("polarity", c_int), ("certainty", c_int)]


class SourceInfo(Structure):
    _fields_ = ([("index", c_size_t)]
                + [(name, c_char_p) for name in (
                    "id", "outlet", "title", "author", "published", "url",
                    "language", "origin", "text_file")]
                + [("text_characters", c_long), ("subject_count", c_size_t),
                   ("claim_count", c_size_t)])


class SubjectInfo(Structure):
    _fields_ = [("index", c_size_t), ("source", c_size_t), ("id", c_char_p),
                ("type", c_char_p), ("label", c_char_p)]


class ClaimInfo(Structure):
    _fields_ = ([("index", c_size_t), ("source", c_size_t)]
                + [(name, c_char_p) for name in (
                    "id", "source_id", "subject_id", "subject_type", "subject_label",
                    "attribute", "value", "value_type")]
                + [("attribution", POINTER(c_char_p)), ("attribution_count", c_size_t),
                   ("quote", c_char_p), ("quote_offset", c_long),
                   ("quote_length", c_long), ("polarity", c_int),
                   ("certainty", c_int), ("line", c_int), ("column", c_int)])


class AttributeDef(Structure):
    _fields_ = [("version", c_uint), ("name", Str), ("type", c_int),
                ("cardinality", c_int), ("identifying", c_int),
                ("tolerance", c_double), ("time_tolerance", c_double),
                ("match_agree", c_double), ("match_compatible", c_double),
                ("match_conflict", c_double), ("match_absent", c_double)]


class ReconcileOptions(Structure):
    _fields_ = [("version", c_uint), ("flags", c_uint), ("bias", c_int),
                ("shared_words", c_uint), ("progress", PROGRESS),
                ("progress_payload", c_void_p), ("threads", c_uint)]


class RenderOptions(Structure):
    _fields_ = [("version", c_uint), ("flags", c_uint), ("threads", c_uint),
                ("chunk_size", c_size_t)]


#: claims_render_options.flags
RENDER_COMPACT = 1

#: claims_write_fn: int (*)(void *payload, const char *data, size_t len); data
#: is not NUL-terminated, so it is taken as an address.
WRITE = ctypes.CFUNCTYPE(c_int, c_void_p, c_void_p, c_size_t)


class ResultStats(Structure):
    VERSION = 2
    _fields_ = ([("version", c_uint)]
                + [(name, c_double) for name in ("normalize", "resolve", "group", "total")]
                + [(name, c_size_t) for name in (
                    "claims", "values_parsed", "values_unparsed", "mentions",
                    "subjects", "clusters", "dependencies")]
                + [(name, c_double) for name in ("dependence", "origins")])


def versioned(cls: Any) -> Any:
    """A new `cls` (a struct the library fills) with its version set."""
    out = cls()
    out.version = cls.VERSION
    return out


class ResultSubjectInfo(Structure):
    _fields_ = [("index", c_size_t), ("id", c_char_p), ("label", c_char_p),
                ("type", c_char_p), ("mention_count", c_size_t),
                ("source_count", c_size_t), ("sources", POINTER(c_char_p)),
                ("attribute_count", c_size_t), ("explanation", c_char_p)]


class AttributeInfo(Structure):
    _fields_ = [("index", c_size_t), ("attribute", c_char_p), ("type", c_char_p),
                ("known", c_int), ("cardinality", c_int), ("agreement", c_int),
                ("value_count", c_size_t), ("source_count", c_size_t),
                ("uncertain_count", c_size_t), ("reason", c_char_p)]


class ValueInfo(Structure):
    _fields_ = [("index", c_size_t), ("normalized", c_char_p), ("text", c_char_p),
                ("polarity", c_int), ("uncertain", c_int), ("hedged", c_int),
                ("preferred", c_int), ("claim_count", c_size_t),
                ("source_count", c_size_t), ("sources", POINTER(c_char_p)),
                ("origin_count", c_size_t), ("origins", POINTER(c_char_p)),
                ("certainty", c_int), ("side", c_size_t), ("side_origin_count", c_size_t),
                ("superseded", c_int), ("current", c_int),
                ("published_first", c_char_p), ("published_last", c_char_p)]


class DependencyInfo(Structure):
    _fields_ = [("index", c_size_t), ("source_a", c_char_p), ("source_b", c_char_p),
                ("passage_count", c_size_t), ("passages", POINTER(c_char_p))]


# Opaque handles: distinct types, so a ctx cannot be passed as a store.
class _Ctx(Structure):
    pass


class _Value(Structure):
    pass


class _Store(Structure):
    pass


class _Cursor(Structure):
    pass


class _Result(Structure):
    pass


ctx_p = POINTER(_Ctx)
value_p = POINTER(_Value)
store_p = POINTER(_Store)
cursor_p = POINTER(_Cursor)
result_p = POINTER(_Result)
error_p = POINTER(Error)

# ---- errors -------------------------------------------------------------------


def decode(raw: Optional[bytes]) -> str:
    """A library string as str ("" for NULL). The library hands back UTF-8;
    anything else would be a bug, kept visible as surrogates, not raised."""
    return raw.decode("utf-8", "surrogateescape") if raw else ""


def make_error(code: int, err: Optional[Error] = None,
               function: Optional[str] = None) -> ClaimsError:
    """The exception for status `code`, with the details of `err` if any."""
    strerror = decode(lib.claims_strerror(code))
    cls = error_class(code)
    if err is None or err.code == CLAIMS_OK:
        return cls(code, strerror, strerror=strerror, function=function)
    return cls(code, decode(err.text), strerror=strerror,
               error_code=err.code, error_strerror=decode(lib.claims_strerror(err.code)),
               source=decode(err.source) or None,
               line=err.line or None, column=err.column or None,
               document=err.document if err.document >= 0 else None,
               claim=err.claim if err.claim >= 0 else None, function=function)


def _check_status(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """errcheck for functions returning a claims_status: negative raises."""
    if result < 0:
        err = next((a for a in args if isinstance(a, Error)), None)
        raise make_error(result, err, func.__name__)
    return result


# ---- declarations ---------------------------------------------------------------

_missing: Dict[str, str] = {}


def _declare(name: str, restype: Any, argtypes: Sequence[Any], *,
             status: bool = False, optional: bool = False) -> None:
    """Declares C function `name` once and publishes it in this module.

    `status`: the function returns a claims_status; negative values raise.
    `optional`: the symbol may be absent from the loaded library; calling it
    then raises NotImplementedError naming the library and its version.
    """
    try:
        fn = getattr(lib, name)
    except AttributeError:
        if not optional:
            raise ImportError(f"claims: {library_path} has no symbol {name}: "
                              "the library is older than this binding") from None
        _missing[name] = name

        def unavailable(*_args: Any, _name: str = name) -> Any:
            raise NotImplementedError(
                f"{_name} is not in {library_path} (libclaims {version_string()})")
        unavailable.__name__ = name
        globals()[name] = unavailable
        return
    fn.restype = restype
    fn.argtypes = list(argtypes)
    if status:
        fn.errcheck = _check_status
    globals()[name] = fn


def has(name: str) -> bool:
    """True when the loaded library provides C function `name`."""
    return name in declared and name not in _missing


def version_string() -> str:
    return decode(lib.claims_version_string())


declared: List[str] = []

_S = c_size_t
_P = POINTER
_TABLE: List[Tuple[str, Any, List[Any], Dict[str, bool]]] = [
    # version, errors, memory
    ("claims_version_number", c_uint, [], {}),
    ("claims_version_string", c_char_p, [], {}),
    ("claims_strerror", c_char_p, [c_int], {}),
    ("claims_error_sizeof", _S, [], {}),
    ("claims_free", None, [c_void_p], {}),
    # context
    ("claims_ctx_new", c_int, [_P(ctx_p), error_p], {"status": True}),
    ("claims_ctx_free", None, [ctx_p], {}),
    ("claims_type_name", c_char_p, [c_int], {}),
    ("claims_type_from_name", c_int, [_P(c_int), c_char_p, _S], {}),
    ("claims_ctx_load_aliases", c_int, [ctx_p, c_char_p, _S, Str, error_p],
     {"status": True, "optional": True}),
    ("claims_ctx_add_alias", c_int,
     [ctx_p, c_int, c_char_p, _S, c_char_p, _S, error_p],
     {"status": True, "optional": True}),
    ("claims_ctx_load_nicknames", c_int, [ctx_p, c_char_p, _S, Str, c_uint, error_p],
     {"status": True, "optional": True}),
    ("claims_ctx_load_gazetteer", c_int, [ctx_p, c_char_p, _S, c_uint, error_p],
     {"status": True, "optional": True}),
    ("claims_ctx_clear_gazetteer", c_int, [ctx_p], {"status": True, "optional": True}),
    ("claims_modifier_name", c_char_p, [c_int], {}),
    ("claims_precision_name", c_char_p, [c_int], {}),
    # values
    ("claims_parse_options_init", c_int, [_P(ParseOptions), c_uint], {"status": True}),
    ("claims_value_new", c_int, [_P(value_p)], {"status": True}),
    ("claims_value_free", None, [value_p], {}),
    ("claims_value_parse", c_int,
     [value_p, ctx_p, c_int, c_char_p, _S, _P(ParseOptions), error_p], {"status": True}),
    ("claims_value_type", c_int, [value_p], {}),
    ("claims_value_is_none", c_int, [value_p], {}),
    ("claims_value_modifier", c_int, [value_p], {}),
    ("claims_value_amount", c_int,
     [value_p, _P(c_double), _P(c_double), _P(c_double)], {"status": True}),
    ("claims_value_interval", c_int,
     [value_p, _P(c_int64), _P(c_int64), _P(c_int)], {"status": True}),
    ("claims_value_normalized", c_char_p, [value_p], {}),
    ("claims_value_text", c_char_p, [value_p], {}),
    ("claims_relation_name", c_char_p, [c_int], {}),
    ("claims_value_compare", c_int, [_P(Comparison), ctx_p, value_p, value_p],
     {"status": True}),
    ("claims_jaro", c_int, [_P(c_double), c_char_p, _S, c_char_p, _S], {"status": True}),
    ("claims_jaro_winkler", c_int, [_P(c_double), c_char_p, _S, c_char_p, _S],
     {"status": True}),
    # store
    ("claims_store_new", c_int, [_P(store_p), error_p], {"status": True}),
    ("claims_store_free", None, [store_p], {}),
    ("claims_load_options_init", c_int, [_P(LoadOptions), c_uint], {"status": True}),
    ("claims_store_load_buffer", c_int,
     [store_p, c_char_p, _S, Str, _P(LoadOptions), _P(LoadSummary), error_p],
     {"status": True}),
    ("claims_store_load_file", c_int,
     [store_p, c_char_p, _S, _P(LoadOptions), _P(LoadSummary), error_p],
     {"status": True}),
    # FILE* cannot be had portably from Python; declared for completeness.
    ("claims_store_load_stream", c_int,
     [store_p, c_void_p, Str, _P(LoadOptions), _P(LoadSummary), error_p],
     {"status": True}),
    ("claims_store_summary", c_int, [store_p, _P(LoadSummary)], {"status": True}),
    ("claims_store_diagnostic_count", _S, [store_p], {}),
    ("claims_store_diagnostic", error_p, [store_p, _S], {}),
    ("claims_store_add_source", c_int, [store_p, _P(_S), _P(SourceDesc), error_p],
     {"status": True}),
    ("claims_store_add_subject", c_int, [store_p, _S, _P(SubjectDesc), error_p],
     {"status": True}),
    ("claims_store_add_claim", c_int,
     [store_p, _P(_S), _S, _P(ClaimDesc), error_p], {"status": True}),
    ("claims_store_source_count", _S, [store_p], {}),
    ("claims_store_claim_count", _S, [store_p], {}),
    ("claims_store_sources", c_int, [_P(cursor_p), store_p], {"status": True}),
    ("claims_store_claims", c_int, [_P(cursor_p), store_p, _S], {"status": True}),
    ("claims_store_claims_from", c_int, [_P(cursor_p), store_p, _S], {"status": True}),
    ("claims_store_subjects", c_int, [_P(cursor_p), store_p, _S], {"status": True}),
    # rows: a pointer to the cursor's own row comes back through the first argument
    ("claims_cursor_next_source", c_int, [_P(_P(SourceInfo)), cursor_p], {"status": True}),
    ("claims_cursor_next_subject", c_int, [_P(_P(SubjectInfo)), cursor_p],
     {"status": True}),
    ("claims_cursor_next_claim", c_int, [_P(_P(ClaimInfo)), cursor_p], {"status": True}),
    ("claims_cursor_free", None, [cursor_p], {}),
    ("claims_polarity_name", c_char_p, [c_int], {}),
    ("claims_certainty_name", c_char_p, [c_int], {}),
    # schema
    ("claims_ctx_set_attribute", c_int, [ctx_p, _P(AttributeDef), error_p],
     {"status": True}),
    ("claims_ctx_load_schema", c_int, [ctx_p, c_char_p, _S, Str, error_p],
     {"status": True}),
    ("claims_ctx_attribute", c_int, [_P(AttributeDef), ctx_p, c_char_p, _S],
     {"status": True}),
    ("claims_ctx_set_match_threshold", c_int, [ctx_p, c_double], {"status": True}),
    ("claims_ctx_match_threshold", c_double, [ctx_p], {}),
    # reconciliation
    ("claims_agreement_name", c_char_p, [c_int], {}),
    ("claims_reconcile_options_init", c_int, [_P(ReconcileOptions), c_uint],
     {"status": True}),
    ("claims_reconcile", c_int,
     [_P(result_p), ctx_p, store_p, _P(ReconcileOptions), error_p], {"status": True}),
    ("claims_result_free", None, [result_p], {}),
    ("claims_result_get_stats", c_int, [result_p, _P(ResultStats)], {"status": True}),
    ("claims_result_diagnostic_count", _S, [result_p], {}),
    ("claims_result_diagnostic", error_p, [result_p, _S], {}),
    ("claims_result_subjects", c_int, [_P(cursor_p), result_p], {"status": True}),
    ("claims_result_attributes", c_int, [_P(cursor_p), result_p, _S], {"status": True}),
    ("claims_result_values", c_int, [_P(cursor_p), result_p, _S, _S], {"status": True}),
    ("claims_result_claims", c_int, [_P(cursor_p), result_p, _S, _S, _S],
     {"status": True}),
    ("claims_result_dependencies", c_int, [_P(cursor_p), result_p], {"status": True}),
    ("claims_cursor_next_result_subject", c_int, [_P(_P(ResultSubjectInfo)), cursor_p],
     {"status": True}),
    ("claims_cursor_next_attribute", c_int, [_P(_P(AttributeInfo)), cursor_p],
     {"status": True}),
    ("claims_cursor_next_value", c_int, [_P(_P(ValueInfo)), cursor_p], {"status": True}),
    ("claims_cursor_next_dependency", c_int, [_P(_P(DependencyInfo)), cursor_p],
     {"status": True}),
    # rendering: the report is new; restype/out as void* so it can be freed
    ("claims_result_render", c_int,
     [_P(c_void_p), _P(_S), result_p, c_int, error_p], {"status": True}),
    ("claims_render_options_init", c_int, [_P(RenderOptions), c_uint], {"status": True}),
    ("claims_result_write", c_int,
     [result_p, c_int, _P(RenderOptions), WRITE, c_void_p, error_p], {"status": True}),
    ("claims_result_write_file", c_int,
     [result_p, c_int, _P(RenderOptions), c_char_p, _S, error_p], {"status": True}),
]

for _name, _restype, _argtypes, _flags in _TABLE:
    _declare(_name, _restype, _argtypes, **_flags)
    declared.append(_name)

# The mirror of claims_error must match the library's, or every error read
# would be garbage.
if lib.claims_error_sizeof() != ctypes.sizeof(Error):
    raise ImportError(
        f"claims: {library_path}: sizeof(claims_error) is {lib.claims_error_sizeof()}, "
        f"this binding expects {ctypes.sizeof(Error)}: mismatched library version")
if lib.claims_version_number() >> 16 != ABI_MAJOR:
    raise ImportError(
        f"claims: {library_path} is libclaims {version_string()}; "
        f"this binding needs major version {ABI_MAJOR}")


# ---- helpers shared by the wrappers ----------------------------------------------


def to_bytes(text: Any, what: str) -> bytes:
    """str (UTF-8; lone surrogates pass through so the library rejects them
    with CLAIMS_ENCODING) or bytes-like, as bytes."""
    if isinstance(text, str):
        return text.encode("utf-8", "surrogatepass")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"{what} must be str or bytes, not {type(text).__name__}")


def make_str(text: Any, what: str = "string") -> Str:
    """A claims_str for `text`; None gives the absent string {NULL, 0}."""
    if text is None:
        return Str(None, 0)
    data = to_bytes(text, what)
    return Str(data, len(data))


def string_list(array: Any, count: int) -> Tuple[str, ...]:
    """Copies `count` strings of a borrowed ``const char *const *``."""
    return tuple(decode(array[i]) for i in range(count))


def take_string(ptr: c_void_p, length: int) -> bytes:
    """Copies an owned library buffer and frees it with claims_free()."""
    try:
        return ctypes.string_at(ptr.value, length) if ptr.value else b""
    finally:
        lib.claims_free(ptr)


def __getattr__(name: str) -> Any:
    # The declared functions are published as module globals by _declare();
    # this hook only exists so type checkers accept `_ffi.claims_...`.
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

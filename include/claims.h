/*
 * claims.h - libclaims public API: cross-source claim reconciliation.
 *
 * This is the only header an application includes. It depends on the C
 * standard library alone: jansson and utf8proc are private dependencies.
 *
 * Conventions (docs/conventions.md):
 *  - every fallible function returns int: CLAIMS_OK (0), CLAIMS_DONE (1) at
 *    the end of a cursor, or a negative claims_status on failure;
 *  - the last argument `claims_error *err` may be NULL; when given it receives
 *    the first error of the call with its source, line, column and claim;
 *  - objects handed back through a first `**out` argument are new and owned by
 *    the caller; pointers returned by accessors are borrowed and live as long
 *    as the parent object, or, for cursor rows, until the next `_next`/`_free`;
 *  - the library never writes a struct into caller memory whose size it does
 *    not know: cursor rows (`claims_*_info`) are handed back as borrowed
 *    `const` pointers into the cursor, and every struct the caller supplies
 *    (options, descriptions, claims_load_summary, claims_result_stats,
 *    claims_comparison) starts with `unsigned int version`, which the caller
 *    sets and which says which fields the library may read or write;
 *  - flags arguments reject unknown bits with CLAIMS_EINVAL;
 *  - every `*_name()` function returns "unknown" for a value outside its enum;
 *  - every string input carries an explicit length; strings handed back are
 *    UTF-8 and NUL-terminated;
 *  - every `_free` accepts NULL.
 */
#ifndef CLAIMS_H
#define CLAIMS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- version -------------------------------------------------------------- */

#define CLAIMS_VERSION_MAJOR 0
#define CLAIMS_VERSION_MINOR 1
#define CLAIMS_VERSION_PATCH 0
#define CLAIMS_VERSION_STRING "0.1.0"
/** 0xMMmmpp: major, minor, patch. */
#define CLAIMS_VERSION_NUMBER \
    ((CLAIMS_VERSION_MAJOR << 16) | (CLAIMS_VERSION_MINOR << 8) | CLAIMS_VERSION_PATCH)
/** True when the headers are at least version a.b.c. */
#define CLAIMS_VERSION_CHECK(a, b, c) (CLAIMS_VERSION_NUMBER >= (((a) << 16) | ((b) << 8) | (c)))

/* ---- export macro ----------------------------------------------------------- */

#if defined(CLAIMS_STATIC)
#define CLAIMS_API
#elif defined(_WIN32)
#if defined(CLAIMS_BUILDING)
#define CLAIMS_API __declspec(dllexport)
#else
#define CLAIMS_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define CLAIMS_API __attribute__((visibility("default")))
#else
#define CLAIMS_API
#endif

/** Runtime version of the linked library, same encoding as
 *  CLAIMS_VERSION_NUMBER. Added in 0.1. */
CLAIMS_API unsigned int claims_version_number(void);
/** Runtime version string, static storage. Added in 0.1. */
CLAIMS_API const char *claims_version_string(void);

/* ---- status codes and errors ------------------------------------------------ */

/** Return codes. Negative values are errors; numbers are never reused.
 *  Values above -100 are stable. */
typedef enum claims_status {
    CLAIMS_OK = 0,
    CLAIMS_DONE = 1,         /**< a cursor has no more rows */
    CLAIMS_ERROR = -1,       /**< generic failure */
    CLAIMS_ENOMEM = -2,      /**< out of memory */
    CLAIMS_EINVAL = -3,      /**< invalid argument (NULL handle, bad enum) */
    CLAIMS_ESYNTAX = -4,     /**< malformed input (JSON, TSV, value text) */
    CLAIMS_ESCHEMA = -5,     /**< well-formed input with wrong shape or type */
    CLAIMS_ENCODING = -6,    /**< invalid UTF-8 or a NUL byte inside a string */
    CLAIMS_ERANGE = -7,      /**< number overflow, oversized field, bad offset */
    CLAIMS_ENOTFOUND = -8,   /**< reference to something that does not exist */
    CLAIMS_EIO = -9,         /**< file could not be opened, read or written */
    CLAIMS_EDUPLICATE = -10, /**< id already used in the same scope */
    CLAIMS_EREJECTED = -11,  /**< load finished but some input was rejected */
    CLAIMS_ECANCELED = -12   /**< a progress callback asked to stop */
} claims_status;

/** Static English text for a status code. Never NULL. Added in 0.1. */
CLAIMS_API const char *claims_strerror(int code);

#define CLAIMS_ERROR_SOURCE_LENGTH 96
#define CLAIMS_ERROR_TEXT_LENGTH 160

/**
 * Caller-owned error details (the jansson json_error_t model). Position
 * fields are 0 (or -1 for indexes) when not known. A function that fails
 * fills it; a function that succeeds leaves code at CLAIMS_OK.
 */
typedef struct claims_error {
    int code;      /**< a claims_status */
    int line;      /**< 1-based line in the source, 0 if unknown */
    int column;    /**< 1-based column (in characters), 0 if unknown */
    long document; /**< 0-based document index in the source, -1 if none */
    long claim;    /**< 0-based claim index in the document, -1 if none */
    char source[CLAIMS_ERROR_SOURCE_LENGTH]; /**< file name or "<buffer>" */
    char text[CLAIMS_ERROR_TEXT_LENGTH];     /**< what went wrong */
} claims_error;

/** sizeof(claims_error) as compiled into the library, so bindings can check
 *  their mirror of the struct. Added in 0.1. */
CLAIMS_API size_t claims_error_sizeof(void);

/** Frees memory the library allocated for the caller (rendered reports,
 *  normalized strings). Accepts NULL. Added in 0.1. */
CLAIMS_API void claims_free(void *ptr);

/* ---- strings with explicit length ------------------------------------------- */

/** A borrowed UTF-8 string with explicit length (not necessarily
 *  NUL-terminated). A NULL ptr means "absent". */
typedef struct claims_str {
    const char *ptr;
    size_t len;
} claims_str;

/* ---- the library context: aliases, options ---------------------------------- */

/** A normalization context: alias tables and (later) the attribute schema.
 *  Not thread-safe for writing; may be shared read-only between threads once
 *  configured. */
typedef struct claims_ctx claims_ctx;

/** Creates a context with the built-in tables. *out is new. Added in 0.1. */
CLAIMS_API int claims_ctx_new(claims_ctx **out, claims_error *err);
/** Frees a context. Accepts NULL. Added in 0.1. */
CLAIMS_API void claims_ctx_free(claims_ctx *ctx);

/* ---- typed values: parse and compare (docs/normalization.md) ----------------- */

/** Value types. */
typedef enum claims_type {
    CLAIMS_TYPE_TEXT = 0,         /**< folded free text */
    CLAIMS_TYPE_NUMBER = 1,       /**< "thirty-five", "1.5 million", "at least 129" */
    CLAIMS_TYPE_DURATION = 2,     /**< "about four minutes", in seconds */
    CLAIMS_TYPE_DATE = 3,         /**< "Sunday", "November 2016": an interval */
    CLAIMS_TYPE_TIME = 4,         /**< a clock time on a day: "2:07 PMDec 01" */
    CLAIMS_TYPE_PERSON = 5,       /**< "Sergei Lavrov", "Mr. Obama" */
    CLAIMS_TYPE_PERSONS = 6,      /**< author lists: "Knuth, Donald E.; ..." */
    CLAIMS_TYPE_PLACE = 7,        /**< "Lima, Peru" */
    CLAIMS_TYPE_ORGANIZATION = 8, /**< "APEC", "the White House" */
    CLAIMS_TYPE_TOPIC = 9,        /**< "Minsk deal", "Syria" */
    CLAIMS_TYPE_OCCASION = 10     /**< "APEC summit", "G-20 summit" */
} claims_type;
#define CLAIMS_TYPE_COUNT 11

/** Name of a type ("duration"), static storage; "unknown" for a value
 *  outside the enum. Never NULL. Added in 0.1. */
CLAIMS_API const char *claims_type_name(claims_type type);
/** Looks a type up by name ("duration", "date", ...). Returns CLAIMS_OK or
 *  CLAIMS_ENOTFOUND. Added in 0.1. */
CLAIMS_API int claims_type_from_name(claims_type *out, const char *name, size_t len);

/**
 * Loads an alias table (JSON, docs/normalization.md) into the context:
 * {"place": {"Lima, Peru": ["Lima"]}, "topic": {"Minsk agreements":
 * ["Minsk deal"]}, ...}. Keys are type names; each canonical form maps to
 * its aliases. `name` labels errors. Added in 0.1.
 */
CLAIMS_API int claims_ctx_load_aliases(claims_ctx *ctx, const char *json, size_t len,
                                       claims_str name, claims_error *err);
/** Adds one alias: `alias` (alen bytes) is another way to write `canonical`
 *  (clen bytes) for values of `type`. Added in 0.1. */
CLAIMS_API int claims_ctx_add_alias(claims_ctx *ctx, claims_type type, const char *canonical,
                                    size_t clen, const char *alias, size_t alen, claims_error *err);

/** Flags of claims_ctx_load_nicknames(). */
#define CLAIMS_NICKNAMES_HEADER 0x1u /**< the first line with content is a header */

/**
 * Loads nicknames of given names into the context, so that "Bill Clinton"
 * and "William Clinton" compare compatible (docs/normalization.md). `text`
 * (len bytes of UTF-8) is CSV or, when its first line with content holds
 * a tab, TSV: one pair a line, `name,nickname` or `name,has_nickname,nickname`
 * (the form of the widely used names.csv of carltonnorthern/nicknames), each
 * name one word; blank lines and lines starting with '#' are skipped, fields
 * may be double-quoted. With CLAIMS_NICKNAMES_HEADER the first line with
 * content is skipped. Pairs add to the built-in ones and to earlier loads;
 * a load is all or nothing. `name` labels errors.
 * Returns CLAIMS_OK; CLAIMS_ESYNTAX (a wrong field count, an unknown
 * relation, a field that is not one given name, an unclosed quote),
 * CLAIMS_ERANGE (a name over 64 bytes) or CLAIMS_ENCODING (invalid UTF-8, a
 * NUL byte), with the line and column in err; CLAIMS_EINVAL (NULL ctx, NULL
 * text with a length, unknown flags); CLAIMS_ENOMEM. Added in 0.1.
 */
CLAIMS_API int claims_ctx_load_nicknames(claims_ctx *ctx, const char *text, size_t len,
                                         claims_str name, unsigned int flags, claims_error *err);
/** claims_ctx_load_gazetteer() flag: the file is GeoNames'
 *  admin1CodesASCII.txt (names of first-level subdivisions), not a dump. */
#define CLAIMS_GAZETTEER_ADMIN1 0x1u

/**
 * Loads a GeoNames file into the context's gazetteer (docs/gazetteer.md),
 * the table that tells which city lies in which first-level subdivision and
 * country. `path` (len bytes) is a GeoNames dump (cities500.txt,
 * allCountries.txt: 19 tab-separated columns; populated places, ADM1 and
 * country rows are used) or, with CLAIMS_GAZETTEER_ADMIN1 in `flags`,
 * admin1CodesASCII.txt. The first load replaces the built-in cities and
 * subdivisions (countries stay those of ISO 3166-1, with their names and
 * codes); later loads add to it. All or nothing: on error the gazetteer is
 * as before. Returns CLAIMS_OK, CLAIMS_EIO (cannot read), CLAIMS_ESYNTAX
 * (a row without its columns, a bad code; err has the file, line and
 * column), CLAIMS_ENCODING (invalid UTF-8, NUL), CLAIMS_EINVAL (NULL
 * argument, unknown flag), CLAIMS_ENOMEM. Added in 0.1.
 */
CLAIMS_API int claims_ctx_load_gazetteer(claims_ctx *ctx, const char *path, size_t len,
                                         unsigned int flags, claims_error *err);
/** Switches the context's gazetteer off, the built-in or a loaded one:
 *  places then relate only through their written parts, the alias tables
 *  and what the documents of a run teach. A later load starts a new one.
 *  Returns CLAIMS_OK, or CLAIMS_EINVAL for a NULL ctx. Added in 0.1. */
CLAIMS_API int claims_ctx_clear_gazetteer(claims_ctx *ctx);

/** TimeML-style modifiers: a hedge is never dropped. */
typedef enum claims_modifier {
    CLAIMS_MOD_NONE = 0,
    CLAIMS_MOD_APPROX = 1,        /**< "about", "approximately" */
    CLAIMS_MOD_LESS_THAN = 2,     /**< "less than", "under" */
    CLAIMS_MOD_EQUAL_OR_LESS = 3, /**< "at most", "or less" */
    CLAIMS_MOD_MORE_THAN = 4,     /**< "more than", "over" */
    CLAIMS_MOD_EQUAL_OR_MORE = 5  /**< "at least", "or more" */
} claims_modifier;

/** Name of a modifier ("APPROX"), static storage; "unknown" for a value
 *  outside the enum. Never NULL. Added in 0.1. */
CLAIMS_API const char *claims_modifier_name(claims_modifier mod);

/** Precision of a date or time value. */
typedef enum claims_precision {
    CLAIMS_PRECISION_NONE = 0,
    CLAIMS_PRECISION_DECADE = 1,
    CLAIMS_PRECISION_YEAR = 2,
    CLAIMS_PRECISION_SEASON = 3,
    CLAIMS_PRECISION_MONTH = 4,
    CLAIMS_PRECISION_WEEK = 5,
    CLAIMS_PRECISION_DAY = 6,
    CLAIMS_PRECISION_HOUR = 7,
    CLAIMS_PRECISION_MINUTE = 8,
    CLAIMS_PRECISION_SECOND = 9
} claims_precision;

/** Name of a precision ("day"), static storage; "unknown" for a value
 *  outside the enum. Never NULL. Added in 0.1. */
CLAIMS_API const char *claims_precision_name(claims_precision precision);

/** How a relative day name ("Sunday") is resolved against the reference. */
typedef enum claims_date_bias {
    CLAIMS_BIAS_PAST = 0,   /**< news default: the latest such day not after */
    CLAIMS_BIAS_FUTURE = 1, /**< the earliest such day not before */
    CLAIMS_BIAS_NEAREST = 2 /**< whichever is closer (past on a tie) */
} claims_date_bias;

/** Options for parsing one value. Initialise with CLAIMS_PARSE_OPTIONS_INIT
 *  or claims_parse_options_init(). */
typedef struct claims_parse_options {
    unsigned int version;
    /** Reference date or date-time, ISO 8601 ("2016-11-20",
     *  "2016-11-20T14:52:00-05:00"); absent: relative values are errors. */
    claims_str reference;
    /** BCP 47 language tag; absent means "en". */
    claims_str language;
    claims_date_bias bias;
    /** Reserved: 0. Any bit set makes the parse fail with CLAIMS_EINVAL,
     *  so that a flag added later is never silently ignored. */
    unsigned int flags;
} claims_parse_options;

#define CLAIMS_PARSE_OPTIONS_VERSION 1
#define CLAIMS_PARSE_OPTIONS_INIT                                               \
    {                                                                           \
        CLAIMS_PARSE_OPTIONS_VERSION, {NULL, 0}, {NULL, 0}, CLAIMS_BIAS_PAST, 0 \
    }
/** Fills opts with defaults for the given struct version. Added in 0.1. */
CLAIMS_API int claims_parse_options_init(claims_parse_options *opts, unsigned int version);

/** A normalized value. Reusable: parse into it as often as needed; the
 *  parse replaces the previous content without allocating when it fits. */
typedef struct claims_value claims_value;

/** Creates an empty value (type TEXT, no content). *out is new. Added in 0.1. */
CLAIMS_API int claims_value_new(claims_value **out);
/** Frees a value. Accepts NULL. Added in 0.1. */
CLAIMS_API void claims_value_free(claims_value *value);

/**
 * Parses `text` (len bytes of UTF-8) as a value of `type` into `value`.
 * `ctx` supplies alias tables and may be NULL (built-in tables only); `opts`
 * may be NULL (defaults). Recognized non-values ("Not Available", "Contact
 * Airline") succeed with claims_value_is_none() true.
 * Returns CLAIMS_OK, or CLAIMS_ESYNTAX (not a value of that type),
 * CLAIMS_ENCODING (invalid UTF-8, NUL byte), CLAIMS_ERANGE (overflow,
 * overlong input), CLAIMS_EINVAL (bad argument, unsupported options
 * version, a flag bit set); on error the value is left empty. Added in 0.1.
 */
CLAIMS_API int claims_value_parse(claims_value *value, const claims_ctx *ctx, claims_type type,
                                  const char *text, size_t len, const claims_parse_options *opts,
                                  claims_error *err);

/** Type of the value last parsed. Added in 0.1. */
CLAIMS_API claims_type claims_value_type(const claims_value *value);
/** Non-zero when the text was a recognized "no value" marker. Added in 0.1. */
CLAIMS_API int claims_value_is_none(const claims_value *value);
/** The hedge or bound modifier. Added in 0.1. */
CLAIMS_API claims_modifier claims_value_modifier(const claims_value *value);
/**
 * Numeric content of a NUMBER or DURATION (seconds) value. `lower` and
 * `upper` receive the bounds, NAN where the text gives none (no bound is
 * invented). Any pointer may be NULL. Returns CLAIMS_EINVAL for other types.
 * Added in 0.1.
 */
CLAIMS_API int claims_value_amount(const claims_value *value, double *amount, double *lower,
                                   double *upper);
/**
 * Interval of a DATE or TIME value as seconds since 1970-01-01T00:00 in the
 * value's own wall-clock time: [begin, end). `precision` receives the
 * precision. Any pointer may be NULL. Returns CLAIMS_EINVAL for other types.
 * Added in 0.1.
 */
CLAIMS_API int claims_value_interval(const claims_value *value, int64_t *begin, int64_t *end,
                                     claims_precision *precision);
/** Canonical string ("240", "2016-11-20", "sergey lavrov"), borrowed until
 *  the next parse or free. Never NULL. Added in 0.1. */
CLAIMS_API const char *claims_value_normalized(const claims_value *value);
/** The text as given to the parse, borrowed likewise. Added in 0.1. */
CLAIMS_API const char *claims_value_text(const claims_value *value);

/** Relations between two values. */
typedef enum claims_relation {
    CLAIMS_RELATION_EQUAL = 0,
    CLAIMS_RELATION_COMPATIBLE = 1, /**< overlap within a hedge, or precision */
    CLAIMS_RELATION_CONFLICTING = 2,
    CLAIMS_RELATION_INCOMPARABLE = 3 /**< different types, no value */
} claims_relation;

/** Name of a relation ("compatible"), static storage; "unknown" for a value
 *  outside the enum. Never NULL. Added in 0.1. */
CLAIMS_API const char *claims_relation_name(claims_relation relation);

#define CLAIMS_REASON_LENGTH 128
/** Result of a comparison, in caller memory, filled by
 *  claims_value_compare(). The caller sets `version` (CLAIMS_COMPARISON_INIT)
 *  and the library writes only the fields of that version. */
typedef struct claims_comparison {
    unsigned int version;
    claims_relation relation;
    double score;                      /**< similarity in [0, 1]; 1 for equal */
    char reason[CLAIMS_REASON_LENGTH]; /**< "240 s APPROX overlaps 240 s" */
} claims_comparison;
#define CLAIMS_COMPARISON_VERSION 1
#define CLAIMS_COMPARISON_INIT                                              \
    {                                                                       \
        CLAIMS_COMPARISON_VERSION, CLAIMS_RELATION_INCOMPARABLE, 0.0, { 0 } \
    }

/** Compares two parsed values into *out (caller-owned, `version` set).
 *  `ctx` may be NULL. Returns CLAIMS_OK (the relation may be INCOMPARABLE),
 *  or CLAIMS_EINVAL for a NULL argument or an unsupported out->version
 *  (*out then untouched). Added in 0.1. */
CLAIMS_API int claims_value_compare(claims_comparison *out, const claims_ctx *ctx,
                                    const claims_value *a, const claims_value *b);

/** Jaro similarity of two UTF-8 strings, by code point: *out (caller-owned)
 *  receives a score in [0, 1] (0 when either is empty). Returns CLAIMS_OK,
 *  CLAIMS_ENCODING for invalid UTF-8, CLAIMS_EINVAL for a NULL out or a
 *  NULL string with a length, CLAIMS_ENOMEM; *out is left alone on failure.
 *  Added in 0.1. */
CLAIMS_API int claims_jaro(double *out, const char *a, size_t alen, const char *b, size_t blen);
/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4, boost only
 *  above 0.7) into *out; returns as claims_jaro(). Added in 0.1. */
CLAIMS_API int claims_jaro_winkler(double *out, const char *a, size_t alen, const char *b,
                                   size_t blen);

/* ---- the store: documents, subjects, claims ----------------------------------- */

/** Polarity of a claim. */
typedef enum claims_polarity {
    CLAIMS_AFFIRMED = 0,
    CLAIMS_NEGATED = 1 /**< "they did not discuss X" */
} claims_polarity;

/** Certainty the source expresses (FactBank). */
typedef enum claims_certainty {
    CLAIMS_CERTAIN = 0,
    CLAIMS_PROBABLE = 1,
    CLAIMS_POSSIBLE = 2, /**< "for what could be the last time" */
    CLAIMS_UNKNOWN = 3   /**< "it is not clear what they were speaking about" */
} claims_certainty;

/** Holds loaded documents. Strings are validated and stored once; all memory
 *  is released by claims_store_free(). */
typedef struct claims_store claims_store;

/** Creates an empty store. *out is new. Added in 0.1. */
CLAIMS_API int claims_store_new(claims_store **out, claims_error *err);
/** Frees a store and everything it holds. Accepts NULL. Added in 0.1. */
CLAIMS_API void claims_store_free(claims_store *store);

/** Input formats. */
typedef enum claims_format {
    CLAIMS_FORMAT_AUTO = 0,  /**< by content: '{' JSON or JSON Lines, else TSV */
    CLAIMS_FORMAT_JSON = 1,  /**< one document, or an array of documents */
    CLAIMS_FORMAT_JSONL = 2, /**< one document per line */
    CLAIMS_FORMAT_TSV = 3    /**< flat rows: source, object, attribute, value */
} claims_format;

/**
 * Progress callback: `stage` (static storage) names the work, `done` of
 * `total` units are finished. A load reports "load" in bytes.
 * claims_reconcile() reports, in order, "normalize" (claims), "resolve"
 * (subject mentions), "group" (resolved subjects), then "done" exactly
 * once, with done == total == 1, when every stage has finished and just
 * before the call returns its result; stopping there still cancels the
 * run. Called at most a few hundred times per stage. Return 0 to go on,
 * non-zero to stop: the call then fails with CLAIMS_ECANCELED (a load keeps
 * what it had loaded). Added in 0.1.
 */
typedef int (*claims_progress_fn)(const char *stage, size_t done, size_t total, void *payload);

/** Load flags. Any other bit makes a load fail with CLAIMS_EINVAL before
 *  it reads anything. */
enum {
    /** Any error rejects the whole document: nothing of it is loaded. */
    CLAIMS_LOAD_STRICT = 1u << 0,
    /** TSV: a field that is not valid UTF-8 is read as Latin-1. */
    CLAIMS_LOAD_LATIN1 = 1u << 1
};

/** Options for a load. Initialise with CLAIMS_LOAD_OPTIONS_INIT. */
typedef struct claims_load_options {
    unsigned int version;
    unsigned int flags; /**< CLAIMS_LOAD_* */
    claims_format format;
    /** TSV wide form: names of the columns after the first two (source,
     *  object); each names an attribute. NULL: long form (source, object,
     *  attribute, value), or the names from a "#columns" header line. */
    const claims_str *tsv_attributes;
    size_t tsv_attribute_count;
    /** Largest accepted string field in bytes; 0 means 65536. */
    size_t max_field_length;
    /** Called as the input is read; NULL for none. */
    claims_progress_fn progress;
    void *progress_payload;
    /** Publication date (ISO 8601) for the sources this load creates
     *  without one: TSV sources, JSON documents without source.published.
     *  It is the reference of their relative dates and times. */
    claims_str default_published;
    /** Threads that read JSON Lines at once, the caller's included: 0 means
     *  one per usable CPU (at most 16), 1 the calling thread alone. The
     *  store is the same for any number. Since struct version 2. */
    unsigned int threads;
} claims_load_options;

#define CLAIMS_LOAD_OPTIONS_VERSION 2
#define CLAIMS_LOAD_OPTIONS_INIT                                                                 \
    {                                                                                            \
        CLAIMS_LOAD_OPTIONS_VERSION, 0, CLAIMS_FORMAT_AUTO, NULL, 0, 0, NULL, NULL, {NULL, 0}, 0 \
    }
/** Fills opts with defaults for the given struct version. Added in 0.1. */
CLAIMS_API int claims_load_options_init(claims_load_options *opts, unsigned int version);

/** What a load read: claims_loaded + claims_rejected == claims_read. In
 *  caller memory: the caller sets `version` (CLAIMS_LOAD_SUMMARY_INIT) and
 *  the library writes only the fields of that version. */
typedef struct claims_load_summary {
    unsigned int version;
    size_t documents_read;
    size_t documents_loaded; /**< documents with at least their source kept */
    size_t documents_rejected;
    size_t claims_read;
    size_t claims_loaded;
    size_t claims_rejected;
    size_t errors; /**< diagnostics recorded by this load */
} claims_load_summary;
#define CLAIMS_LOAD_SUMMARY_VERSION 1
#define CLAIMS_LOAD_SUMMARY_INIT                         \
    {                                                    \
        CLAIMS_LOAD_SUMMARY_VERSION, 0, 0, 0, 0, 0, 0, 0 \
    }

/**
 * Loads documents from a memory buffer. `name` labels diagnostics (may be
 * absent: "<buffer>"). `opts` may be NULL. `summary` (caller-owned, may be
 * NULL, `version` set) receives the counts of this call, also when it
 * fails. Every problem is recorded as a diagnostic (see
 * claims_store_diagnostic()); `err` receives the first one.
 * Returns CLAIMS_OK when everything loaded, CLAIMS_EREJECTED when some input
 * was rejected while the rest loaded, or another negative code when nothing
 * could be read (CLAIMS_ESYNTAX for a buffer that is not JSON at all,
 * CLAIMS_ENOMEM, CLAIMS_EINVAL: NULL store, unsupported opts or summary
 * version, unknown format or flag bits; then nothing is loaded and *summary
 * is untouched). Added in 0.1.
 */
CLAIMS_API int claims_store_load_buffer(claims_store *store, const char *data, size_t len,
                                        claims_str name, const claims_load_options *opts,
                                        claims_load_summary *summary, claims_error *err);
/** As claims_store_load_buffer(), reading the file at `path` (len bytes);
 *  CLAIMS_EIO when it cannot be read. JSON Lines are read as they are
 *  loaded: when reading fails partway, the documents read before stay
 *  loaded and CLAIMS_EIO is returned. Added in 0.1. */
CLAIMS_API int claims_store_load_file(claims_store *store, const char *path, size_t len,
                                      const claims_load_options *opts, claims_load_summary *summary,
                                      claims_error *err);
/** As claims_store_load_buffer(), reading `stream` to its end, or until a
 *  read error (CLAIMS_EIO) or a cancelling progress callback stops the
 *  load. Added in 0.1. */
CLAIMS_API int claims_store_load_stream(claims_store *store, FILE *stream, claims_str name,
                                        const claims_load_options *opts,
                                        claims_load_summary *summary, claims_error *err);

/** Counts of everything loaded so far (all calls) into *out (caller-owned,
 *  `version` set). Returns CLAIMS_OK, or CLAIMS_EINVAL for a NULL argument
 *  or an unsupported out->version (*out then untouched). Added in 0.1. */
CLAIMS_API int claims_store_summary(const claims_store *store, claims_load_summary *out);
/** Number of diagnostics recorded so far. Added in 0.1. */
CLAIMS_API size_t claims_store_diagnostic_count(const claims_store *store);
/** Diagnostic i (0-based), borrowed from the store; NULL when out of range.
 *  Added in 0.1. */
CLAIMS_API const claims_error *claims_store_diagnostic(const claims_store *store, size_t i);

/** A source (document) to add through the API; absent fields stay empty.
 *  `id` is required and unique in the store. */
typedef struct claims_source_desc {
    unsigned int version;
    claims_str id, outlet, title, author, published, url, language;
} claims_source_desc;
#define CLAIMS_SOURCE_DESC_VERSION 1

/** A subject mention: `id` is local to its document; `type` is "event",
 *  "person", "organization", "place" or another word; `label` free text. */
typedef struct claims_subject_desc {
    unsigned int version;
    claims_str id, type, label;
} claims_subject_desc;
#define CLAIMS_SUBJECT_DESC_VERSION 1

/** A claim to add through the API. `subject` names a subject id of the same
 *  document; `attribution` is the chain, outermost first (empty when the
 *  outlet reports it itself); quote_offset and quote_length count Unicode
 *  characters in the article, -1 when unknown. */
typedef struct claims_claim_desc {
    unsigned int version;
    claims_str id, subject, attribute, value, value_type;
    const claims_str *attribution;
    size_t attribution_count;
    claims_str quote;
    long quote_offset, quote_length;
    claims_polarity polarity;
    claims_certainty certainty;
} claims_claim_desc;
#define CLAIMS_CLAIM_DESC_VERSION 1

/** Adds a source; *index (may be NULL) receives its 0-based index.
 *  CLAIMS_EDUPLICATE when the id exists. Added in 0.1. */
CLAIMS_API int claims_store_add_source(claims_store *store, size_t *index,
                                       const claims_source_desc *desc, claims_error *err);
/** Adds a subject to the source at `source`. Added in 0.1. */
CLAIMS_API int claims_store_add_subject(claims_store *store, size_t source,
                                        const claims_subject_desc *desc, claims_error *err);
/** Adds a claim to the source at `source`; *index (may be NULL) receives its
 *  store-wide 0-based index. Added in 0.1. */
CLAIMS_API int claims_store_add_claim(claims_store *store, size_t *index, size_t source,
                                      const claims_claim_desc *desc, claims_error *err);

/* The rows below (claims_*_info) are only ever handed out by the library as
 * borrowed `const` pointers into a cursor, valid until the cursor's next
 * `_next` or `_free` (copy one, `claims_claim_info c = *row;`, to keep it;
 * the strings it points to live as long as the store or result). The
 * library allocates them, so a newer library may add fields at their end
 * without breaking a caller built against an older header. */

/** Read-only view of a source; strings borrowed from the store ("" when
 *  absent). */
typedef struct claims_source_info {
    size_t index;
    const char *id, *outlet, *title, *author, *published, *url, *language;
    const char *origin;    /**< file or buffer name it was loaded from */
    const char *text_file; /**< source.text.file, "" when absent */
    long text_characters;  /**< source.text.characters, -1 when absent */
    size_t subject_count;
    size_t claim_count; /**< claims loaded from it */
} claims_source_info;

/** Read-only view of a subject mention: one subject as one document names
 *  it (its "subjects" list). claims_reconcile() merges mentions into
 *  resolved subjects (claims_result_subject_info). Strings borrowed from the
 *  store. */
typedef struct claims_subject_info {
    size_t index;  /**< store-wide */
    size_t source; /**< index of its source */
    const char *id, *type, *label;
} claims_subject_info;

/** Read-only view of a claim; strings borrowed from the store. */
typedef struct claims_claim_info {
    size_t index;  /**< store-wide */
    size_t source; /**< index of its source */
    const char *id, *source_id;
    const char *subject_id, *subject_type, *subject_label;
    const char *attribute, *value, *value_type;
    const char *const *attribution; /**< outermost first */
    size_t attribution_count;
    const char *quote;
    long quote_offset, quote_length;
    claims_polarity polarity;
    claims_certainty certainty;
    int line, column; /**< where it was read, 0 when added through the API */
} claims_claim_info;

/** Number of sources and claims in the store. Added in 0.1. */
CLAIMS_API size_t claims_store_source_count(const claims_store *store);
CLAIMS_API size_t claims_store_claim_count(const claims_store *store);

/** Pull cursor over the rows of a store or a result. It owns the row it
 *  last handed out. */
typedef struct claims_cursor claims_cursor;

/** Cursor over all sources in load order. *out is new. Added in 0.1. */
CLAIMS_API int claims_store_sources(claims_cursor **out, const claims_store *store);
/** Cursor over claims: of one source, or of all with `source` ==
 *  CLAIMS_ALL. *out is new. Added in 0.1. */
#define CLAIMS_ALL ((size_t)-1)
CLAIMS_API int claims_store_claims(claims_cursor **out, const claims_store *store, size_t source);
/** Cursor over all claims of the store from claim `first` (store-wide,
 *  0-based) on: the way to reach one claim by its index. *out is new.
 *  CLAIMS_ENOTFOUND when `first` is not below the claim count. Added in
 *  0.1. */
CLAIMS_API int claims_store_claims_from(claims_cursor **out, const claims_store *store,
                                        size_t first);
/** Cursor over subject mentions: of one source, or of all with `source` ==
 *  CLAIMS_ALL. *out is new. Added in 0.1. */
CLAIMS_API int claims_store_subjects(claims_cursor **out, const claims_store *store, size_t source);
/** Next source of a source cursor: CLAIMS_OK with *out pointing at the row,
 *  borrowed from the cursor and valid until its next `_next` or `_free`
 *  (the strings in it live as long as the store); CLAIMS_DONE at the end
 *  (*out NULL); CLAIMS_EINVAL for a NULL argument or a cursor of another
 *  kind. Added in 0.1. */
CLAIMS_API int claims_cursor_next_source(const claims_source_info **out, claims_cursor *cursor);
/** Next subject mention of a subject cursor, likewise. Added in 0.1. */
CLAIMS_API int claims_cursor_next_subject(const claims_subject_info **out, claims_cursor *cursor);
/** Next claim of a claim cursor (of a store or of a value cluster),
 *  likewise. Added in 0.1. */
CLAIMS_API int claims_cursor_next_claim(const claims_claim_info **out, claims_cursor *cursor);
/** Frees a cursor. Accepts NULL. Added in 0.1. */
CLAIMS_API void claims_cursor_free(claims_cursor *cursor);

/** Name of a polarity or certainty ("negated", "possible"), static storage;
 *  "unknown" for a value outside the enum (for a certainty, also the name
 *  of CLAIMS_UNKNOWN). Never NULL. Added in 0.1. */
CLAIMS_API const char *claims_polarity_name(claims_polarity polarity);
CLAIMS_API const char *claims_certainty_name(claims_certainty certainty);

/* ---- the attribute schema (docs/schema.md) ----------------------------------------- */

/** How many values an attribute has per subject. */
typedef enum claims_cardinality {
    CLAIMS_SINGLE = 0, /**< one value (duration, date, place): values conflict */
    CLAIMS_SET = 1     /**< several (topic, participant): values add up */
} claims_cardinality;

/** One attribute of the schema. */
typedef struct claims_attribute_def {
    unsigned int version;
    claims_str name;  /**< "duration" */
    claims_type type; /**< how values are parsed and compared */
    claims_cardinality cardinality;
    /** Identity weight: 0 does not identify the subject; 1 identifies it
     *  together with another attribute (participants, date, place,
     *  occasion of a meeting); 2 identifies it alone (a person's name).
     *  It chooses the default match weights below. */
    int identifying;
    /** NUMBER, DURATION: values within this relative difference are
     *  compatible (0.1 = 10%); 0 keeps the type's own rule. */
    double tolerance;
    /** DATE, TIME: values within this many seconds are compatible; 0 keeps
     *  the type's own rule. */
    double time_tolerance;
    /* ---- version 2 ---- */
    /** What an identifying attribute adds to the score of two mentions
     *  (docs/schema.md, "Resolution weights"): when their values agree
     *  (>= 0), are compatible (0 <= compatible <= agree), conflict (<= 0),
     *  or when only one of the two gives the attribute (absent, <= 0).
     *  Mentions whose score reaches the context's threshold are one
     *  subject. All four 0: the defaults of the type and identity weight.
     *  Kept but not used while identifying is 0. */
    double match_agree, match_compatible, match_conflict, match_absent;
} claims_attribute_def;
/** The current version; version 1 (without the match weights, which then
 *  take their defaults) is still accepted. */
#define CLAIMS_ATTRIBUTE_DEF_VERSION 2

/** Adds or replaces one attribute definition in the context's schema.
 *  Added in 0.1. */
CLAIMS_API int claims_ctx_set_attribute(claims_ctx *ctx, const claims_attribute_def *def,
                                        claims_error *err);
/**
 * Loads a schema (JSON) into the context, adding to or replacing the
 * built-in definitions: {"attributes": {"duration": {"type": "duration",
 * "cardinality": "single", "identifying": false, "tolerance": 0.1}}}.
 * `name` labels errors. Added in 0.1.
 */
CLAIMS_API int claims_ctx_load_schema(claims_ctx *ctx, const char *json, size_t len,
                                      claims_str name, claims_error *err);
/** Sets the score at which two subject mentions are taken to be one
 *  subject (docs/schema.md, "Resolution weights"; > 0; the default is
 *  CLAIMS_MATCH_THRESHOLD_DEFAULT); 0 restores the default. CLAIMS_EINVAL
 *  for a negative or non-finite value. Added in 0.1. */
CLAIMS_API int claims_ctx_set_match_threshold(claims_ctx *ctx, double threshold);
/** The score at which mentions merge in this context. Added in 0.1. */
CLAIMS_API double claims_ctx_match_threshold(const claims_ctx *ctx);
#define CLAIMS_MATCH_THRESHOLD_DEFAULT 5.0
/** Looks up an attribute; CLAIMS_ENOTFOUND when the schema does not know
 *  it. out->version, set by the caller (1 or 2; else CLAIMS_EINVAL), says
 *  which fields are written: with 2, the match weights in use too.
 *  out->name borrows from the context. Added in 0.1. */
CLAIMS_API int claims_ctx_attribute(claims_attribute_def *out, const claims_ctx *ctx,
                                    const char *name, size_t len);

/* ---- reconciliation (docs/reconciliation.md, docs/report.md) --------------------- */

/** How the claims about one attribute of one subject relate. */
typedef enum claims_agreement {
    CLAIMS_AGREED = 0,        /**< one value cluster, several sources */
    CLAIMS_COMPATIBLE = 1,    /**< clusters differ only in precision or hedge */
    CLAIMS_CONFLICTING = 2,   /**< incompatible values, or affirmed vs negated */
    CLAIMS_COMPLEMENTARY = 3, /**< a set whose sources name different members */
    CLAIMS_SINGLE_SOURCE = 4, /**< only one source speaks to it */
    /** free text of an attribute the schema does not call single-valued,
     *  worded differently by its sources: not a conflict. Added in 0.1. */
    CLAIMS_DIFFERENT_WORDING = 5
} claims_agreement;

/** Name of an agreement ("agreed", "single-source"), static storage;
 *  "unknown" for a value outside the enum. Never NULL. Added in 0.1. */
CLAIMS_API const char *claims_agreement_name(claims_agreement agreement);

/** Reconciliation options. Initialise with CLAIMS_RECONCILE_OPTIONS_INIT. */
typedef struct claims_reconcile_options {
    unsigned int version;
    /** Reserved: 0. Any bit set makes claims_reconcile() fail with
     *  CLAIMS_EINVAL, so that a flag added later is never silently
     *  ignored. */
    unsigned int flags;
    claims_date_bias bias; /**< for relative dates, default PAST */
    /** Smallest number of consecutive shared words that counts as shared
     *  wording between two sources; 0 means 8. */
    unsigned int shared_words;
    /** Called as the stages advance; NULL for none. */
    claims_progress_fn progress;
    void *progress_payload;
    /** Threads the stages use at once, the caller's included: 0 means one
     *  per usable CPU (at most 16), 1 the calling thread alone. The result
     *  is the same for any number. Since struct version 2. */
    unsigned int threads;
} claims_reconcile_options;
#define CLAIMS_RECONCILE_OPTIONS_VERSION 2
#define CLAIMS_RECONCILE_OPTIONS_INIT                                           \
    {                                                                           \
        CLAIMS_RECONCILE_OPTIONS_VERSION, 0, CLAIMS_BIAS_PAST, 0, NULL, NULL, 0 \
    }
/** Fills opts with defaults for the given struct version. Added in 0.1. */
CLAIMS_API int claims_reconcile_options_init(claims_reconcile_options *opts, unsigned int version);

/** The result of a reconciliation: immutable, safe to read from several
 *  threads. It refers to the store's strings: free it before the store. */
typedef struct claims_result claims_result;

/**
 * Reconciles everything in `store`: normalizes every claim's value, resolves
 * subject mentions across documents into subjects (events, persons,
 * organizations...), groups the claims of each (subject, attribute) into
 * value clusters, and counts sources and independent origins. `ctx`
 * supplies the schema and the alias tables and may be NULL (built-ins);
 * `opts` may be NULL. *out is new. Values that cannot be parsed are kept as
 * text and reported (claims_result_diagnostic()); they never stop the run.
 * Returns CLAIMS_OK; CLAIMS_EINVAL for a NULL out or store, an unsupported
 * options version or flag bits set; CLAIMS_ECANCELED when the progress
 * callback stopped it; CLAIMS_ENOMEM, CLAIMS_ERANGE. Added in 0.1.
 */
CLAIMS_API int claims_reconcile(claims_result **out, const claims_ctx *ctx,
                                const claims_store *store, const claims_reconcile_options *opts,
                                claims_error *err);
/** Frees a result. Accepts NULL. Added in 0.1. */
CLAIMS_API void claims_result_free(claims_result *result);

/** What a reconciliation did: the time spent in each stage (seconds of
 *  wall-clock time) and counts. In caller memory: the caller sets `version`
 *  (CLAIMS_RESULT_STATS_INIT) and the library writes only the fields of
 *  that version. */
typedef struct claims_result_stats {
    unsigned int version;
    /** Stages: normalize (values), resolve (mentions into subjects), group
     *  (value clusters); `total` covers every stage, so it is the sum of
     *  the five stage times (dependence and origins below included). */
    double normalize, resolve, group, total;
    size_t claims, values_parsed, values_unparsed;
    size_t mentions; /**< subject mentions in the store */
    size_t subjects; /**< resolved subjects */
    size_t clusters, dependencies;
    /** Stages: dependence (sources sharing wording) and origins
     *  (attribution chains). Since struct version 2: before, they were
     *  counted in `group`. */
    double dependence, origins;
} claims_result_stats;
#define CLAIMS_RESULT_STATS_VERSION 2
#define CLAIMS_RESULT_STATS_INIT                                           \
    {                                                                      \
        CLAIMS_RESULT_STATS_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 \
    }
/** Copies the statistics of a result into *out (caller-owned, `version`
 *  set). Returns CLAIMS_OK, or CLAIMS_EINVAL for a NULL argument or an
 *  unsupported out->version (*out then untouched). Added in 0.1. */
CLAIMS_API int claims_result_get_stats(const claims_result *result, claims_result_stats *out);

/** Number of notes about unparsed values. Added in 0.1. */
CLAIMS_API size_t claims_result_diagnostic_count(const claims_result *result);
/** Note i (a value that could not be parsed as its type, with the claim's
 *  position), borrowed; NULL when out of range. Added in 0.1. */
CLAIMS_API const claims_error *claims_result_diagnostic(const claims_result *result, size_t i);

/** A resolved subject: an event, a person, an organization... made of the
 *  subject mentions (claims_subject_info) of several documents. Borrowed
 *  from its cursor; its strings live as long as the result. */
typedef struct claims_result_subject_info {
    size_t index;
    const char *id;       /**< stable: derived from content, not input order */
    const char *label;    /**< the label most of its mentions use */
    const char *type;     /**< subject type: "event", "person", ... */
    size_t mention_count; /**< subject mentions merged into it */
    size_t source_count;
    const char *const *sources; /**< source ids, sorted */
    size_t attribute_count;
    /** Why its mentions were merged, and why it was kept apart from
     *  similar subjects: one line per decision. */
    const char *explanation;
} claims_result_subject_info;

/** One attribute of a resolved subject. Borrowed from its cursor; its
 *  strings live as long as the result. */
typedef struct claims_attribute_info {
    size_t index;
    const char *attribute;
    const char *type; /**< value type used */
    int known;        /**< the schema knows the attribute */
    claims_cardinality cardinality;
    claims_agreement agreement;
    size_t value_count;     /**< value clusters */
    size_t source_count;    /**< sources with a supporting claim */
    size_t uncertain_count; /**< claims of unknown certainty */
    const char *reason;     /**< why the relation: "240 s APPROX overlaps 240 s" */
} claims_attribute_info;

/** One value cluster: claims whose values are equal (or, for sets, the
 *  same member). Borrowed from its cursor; its strings live as long as the
 *  result. */
typedef struct claims_value_info {
    size_t index;
    const char *normalized; /**< "240", "2016-11-20", "sergey lavrov" */
    const char *text;       /**< the most common text as written */
    claims_polarity polarity;
    int uncertain; /**< all its claims are of unknown certainty */
    int hedged;    /**< some claim carries a modifier */
    int preferred; /**< the best supported of conflicting values */
    size_t claim_count;
    size_t source_count;
    const char *const *sources; /**< source ids, sorted */
    size_t origin_count;        /**< independent origins */
    const char *const *origins; /**< normalized origin names, sorted */
    /* Fields added at the end of the row in 0.1 (rows grow, see
     * docs/api-stability.md): */
    /** The strongest certainty of its claims: CLAIMS_PROBABLE or
     *  CLAIMS_POSSIBLE alone is weaker support than CLAIMS_CERTAIN. */
    claims_certainty certainty;
    /** Compatible values of a single-valued attribute pool their support
     *  into one side: values with the same side (0-based within the
     *  attribute, 0 the best supported) stand together. Every value of a
     *  set-valued attribute is a side of its own. */
    size_t side;
    size_t side_origin_count; /**< independent origins of its side, pooled */
    /** Every origin behind it gave another value later: the value was
     *  revised ("the agency raised its count to 31"). */
    int superseded;
    /** The latest value of an origin that revised an earlier one. */
    int current;
    /** Earliest and latest publication time of its sources, as the
     *  sources give it ("" when none does). */
    const char *published_first, *published_last;
} claims_value_info;

/** Two sources that share wording (one wire story printed twice). Borrowed
 *  from its cursor; its strings live as long as the result. */
typedef struct claims_dependency_info {
    size_t index;
    const char *source_a, *source_b; /**< ids, a < b */
    size_t passage_count;
    const char *const *passages; /**< the shared passages */
} claims_dependency_info;

/* Result cursors borrow from the result: free them before it. */

/** Cursor over the resolved subjects, events first. *out is new.
 *  Added in 0.1. */
CLAIMS_API int claims_result_subjects(claims_cursor **out, const claims_result *result);
/** Cursor over the attributes of resolved subject `subject` (its index).
 *  *out is new; CLAIMS_ENOTFOUND when out of range. Added in 0.1. */
CLAIMS_API int claims_result_attributes(claims_cursor **out, const claims_result *result,
                                        size_t subject);
/** Cursor over the value clusters of attribute `attribute` (an index from
 *  claims_attribute_info) of `subject`. *out is new. Added in 0.1. */
CLAIMS_API int claims_result_values(claims_cursor **out, const claims_result *result,
                                    size_t subject, size_t attribute);
/** Cursor over the claims of one value cluster; rows come from
 *  claims_cursor_next_claim(). *out is new. Added in 0.1. */
CLAIMS_API int claims_result_claims(claims_cursor **out, const claims_result *result,
                                    size_t subject, size_t attribute, size_t value);
/** Cursor over the pairs of dependent sources. *out is new. Added in 0.1. */
CLAIMS_API int claims_result_dependencies(claims_cursor **out, const claims_result *result);
/** Next row of the matching cursor, as claims_cursor_next_source(): *out
 *  points at a row the cursor owns, valid until its next `_next` or
 *  `_free` (the strings in it live as long as the result); CLAIMS_DONE at
 *  the end; CLAIMS_EINVAL on a cursor of another kind. Added in 0.1. */
CLAIMS_API int claims_cursor_next_result_subject(const claims_result_subject_info **out,
                                                 claims_cursor *cursor);
CLAIMS_API int claims_cursor_next_attribute(const claims_attribute_info **out,
                                            claims_cursor *cursor);
CLAIMS_API int claims_cursor_next_value(const claims_value_info **out, claims_cursor *cursor);
CLAIMS_API int claims_cursor_next_dependency(const claims_dependency_info **out,
                                             claims_cursor *cursor);

/** Report renderings. */
typedef enum claims_render_format {
    CLAIMS_RENDER_JSON = 0, /**< docs/report.md */
    CLAIMS_RENDER_TEXT = 1, /**< for terminals */
    CLAIMS_RENDER_HTML = 2, /**< one self-contained page, docs/report.md */
    CLAIMS_RENDER_CSV = 3   /**< one row per claim, RFC 4180 */
} claims_render_format;

/** Renders a result. *out (NUL-terminated, *len bytes without the NUL) is
 *  new: free it with claims_free(). `len` may be NULL. The whole report is
 *  held in memory: for large results claims_result_write() streams it
 *  instead. Same as claims_result_write() with default options. Added in
 *  0.1. */
CLAIMS_API int claims_result_render(char **out, size_t *len, const claims_result *result,
                                    claims_render_format format, claims_error *err);

/** Render flags. */
enum {
    /** JSON: the same document on one line, without indentation and
     *  without the space after ',' and ':' (it still ends with a newline).
     *  The other formats ignore it. */
    CLAIMS_RENDER_COMPACT = 1u << 0
};

/** Options of a rendering. Initialise with CLAIMS_RENDER_OPTIONS_INIT or
 *  claims_render_options_init(). */
typedef struct claims_render_options {
    unsigned int version;
    unsigned int flags; /**< CLAIMS_RENDER_* */
    /** Threads rendering subjects at once, the caller's included: 0 means
     *  one per usable CPU, 1 the calling thread alone. The bytes are the
     *  same for any number. */
    unsigned int threads;
    /** Largest piece handed to a write callback at once, in bytes; 0 means
     *  65536. */
    size_t chunk_size;
} claims_render_options;
#define CLAIMS_RENDER_OPTIONS_VERSION 1
#define CLAIMS_RENDER_OPTIONS_INIT             \
    {                                          \
        CLAIMS_RENDER_OPTIONS_VERSION, 0, 0, 0 \
    }
/** Fills opts with defaults for the given struct version. Added in 0.1. */
CLAIMS_API int claims_render_options_init(claims_render_options *opts, unsigned int version);

/**
 * Receives a rendering piece by piece: `len` bytes (1 to the chunk size) at
 * `data`, not NUL-terminated and valid during the call only. Pieces come in
 * order and never from two threads at once; with several rendering threads
 * a piece may come from a thread the library started rather than the
 * caller's. Return 0 to go on; any other value stops the rendering, which
 * then fails with CLAIMS_EIO. Added in 0.1.
 */
typedef int (*claims_write_fn)(void *payload, const char *data, size_t len);

/**
 * Renders a result through `write`, with memory bounded by a window of
 * subjects rather than by the size of the report: what `write` receives,
 * put together, is exactly what claims_result_render() returns for the
 * same format and flags. `opts` may be NULL (defaults). Returns CLAIMS_OK;
 * CLAIMS_EIO when `write` returned non-zero (err says after how many bytes
 * and what it returned; nothing is written after that); CLAIMS_ENOMEM;
 * CLAIMS_EINVAL for a NULL result or write, an unknown format or flag, or
 * an unsupported options version. Added in 0.1.
 */
CLAIMS_API int claims_result_write(const claims_result *result, claims_render_format format,
                                   const claims_render_options *opts, claims_write_fn write,
                                   void *payload, claims_error *err);

/**
 * As claims_result_write(), into the file at `path` (len bytes, no NUL),
 * created or truncated. CLAIMS_EIO (with the path and the system's reason)
 * when it cannot be opened, written or closed; the file may then hold part
 * of the report. Added in 0.1.
 */
CLAIMS_API int claims_result_write_file(const claims_result *result, claims_render_format format,
                                        const claims_render_options *opts, const char *path,
                                        size_t len, claims_error *err);

#ifdef __cplusplus
}
#endif

#endif /* CLAIMS_H */

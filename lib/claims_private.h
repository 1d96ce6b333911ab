/*
 * claims_private.h - declarations shared between lib/ files; never installed.
 * Internal cross-file functions are named claims__* and are not exported.
 */
#ifndef CLAIMS_PRIVATE_H
#define CLAIMS_PRIVATE_H

#include "claims.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define CLAIMS__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLAIMS__PRINTF(f, a)
#endif

/* ---- errors (error.c) ------------------------------------------------------ */

/** Resets err to "no error" (code CLAIMS_OK, positions unknown). */
void claims__error_clear(claims_error *err);
/** Fills err (may be NULL) unless it already holds an error: the first error
 *  of a call wins. `source` may be NULL. Returns `code`. */
int claims__error_set(claims_error *err, int code, const char *source,
                      int line, int column, long document, long claim,
                      const char *fmt, ...) CLAIMS__PRINTF(8, 9);
/** As claims__error_set() with no position: for value parsing. */
int claims__error_simple(claims_error *err, int code, const char *fmt, ...)
    CLAIMS__PRINTF(3, 4);

/* ---- growable byte buffer (buf.c) ------------------------------------------ */

typedef struct claims_buf {
    char *data; /* always NUL-terminated once anything was written */
    size_t len;
    size_t cap;
} claims_buf;

void claims__buf_init(claims_buf *b);
void claims__buf_free(claims_buf *b);
void claims__buf_clear(claims_buf *b); /* len = 0, keeps memory */
int claims__buf_reserve(claims_buf *b, size_t extra);
int claims__buf_append(claims_buf *b, const char *s, size_t n);
int claims__buf_putc(claims_buf *b, char c);
int claims__buf_printf(claims_buf *b, const char *fmt, ...)
    CLAIMS__PRINTF(2, 3);
/** Reads a whole stream; CLAIMS_EIO on a read error. */
int claims__buf_read_stream(claims_buf *b, FILE *f);

/* ---- UTF-8 (utf8.c) --------------------------------------------------------- */

/** CLAIMS_OK when s[0..len) is valid UTF-8 without NUL bytes; otherwise
 *  CLAIMS_ENCODING and *bad (may be NULL) is the byte offset of the fault. */
int claims__utf8_check(const char *s, size_t len, size_t *bad);
/** Number of code points in valid UTF-8 s[0..len). */
size_t claims__utf8_length(const char *s, size_t len);
/** Decodes the code point at s[*i], advances *i; returns -1 on bad input. */
int32_t claims__utf8_next(const char *s, size_t len, size_t *i);
/** Appends code point c as UTF-8. */
int claims__buf_put_codepoint(claims_buf *b, int32_t c);

/* ---- case-insensitive ASCII helpers (buf.c) --------------------------------- */

bool claims__ascii_ieq(const char *a, size_t alen, const char *b);
static inline char claims__ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* ---- the context (ctx.c) ----------------------------------------------------- */

struct claims_aliases; /* aliases.c */

struct claims_ctx {
    struct claims_aliases *aliases;
};

/* ---- values (value.c) and the normalizers, one file per type ----------------- */

/** Maximum length of a value text in bytes; longer input is CLAIMS_ERANGE. */
#define CLAIMS__VALUE_MAX_LENGTH 4096

struct claims_value {
    claims_type type;
    bool none;            /* recognized "no value" marker */
    claims_modifier mod;
    double amount;        /* NUMBER: value; DURATION: seconds */
    double lower, upper;  /* NAN when the text gives no bound */
    int64_t begin, end;   /* DATE/TIME: [begin, end) wall-clock seconds */
    claims_precision precision;
    bool has_tz;          /* TIME: an explicit zone was written */
    int tz_minutes;       /* offset east of UTC when has_tz */
    claims_buf text;      /* as given */
    claims_buf norm;      /* canonical string */
    /* NUMBER/DURATION: CLAIMS__OPEN_* bits saying which of lower/upper is
     * exclusive ("more than 5" excludes 5); always written by their parse. */
    unsigned char bounds_open;
};

/** Resets content for a new parse of `type` (keeps buffers). */
void claims__value_reset(claims_value *v, claims_type type);
/** Sets the canonical string. */
int claims__value_set_norm(claims_value *v, const char *s, size_t n);

/* Every normalizer provides a parse and a compare with these shapes. The
 * parse receives validated UTF-8 (no NUL, len <= CLAIMS__VALUE_MAX_LENGTH)
 * and a value already reset to its type with `text` filled; `opts` is never
 * NULL. On failure it returns a negative code and fills err (the caller
 * resets the value). The compare fills out->relation, score and reason. */
typedef int (*claims__parse_fn)(claims_value *v, const claims_ctx *ctx,
                                const char *s, size_t len,
                                const claims_parse_options *opts,
                                claims_error *err);
typedef void (*claims__compare_fn)(claims_comparison *out,
                                   const claims_ctx *ctx,
                                   const claims_value *a,
                                   const claims_value *b);

/* number.c */
int claims__number_parse(claims_value *v, const claims_ctx *ctx,
                         const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err);
void claims__number_compare(claims_comparison *out, const claims_ctx *ctx,
                            const claims_value *a, const claims_value *b);

/* The number scanner and quantity grammar, shared with duration.c. A value
 * text is cut once into at most CLAIMS__NUM_MAX_TOKENS tokens held in a
 * caller's claims__scan (no allocation); every grammar function then reads
 * a token span [b, e) and succeeds only when it explains all of it. */
#define CLAIMS__NUM_MAX_TOKENS 128

typedef enum claims__tok_kind {
    CLAIMS__TOK_WORD = 0,    /* a run of letters */
    CLAIMS__TOK_NUMERAL = 1, /* digits, separators, decimals, exponent */
    CLAIMS__TOK_PUNCT = 2,   /* one other code point */
    CLAIMS__TOK_VULGAR = 3   /* a vulgar fraction such as U+00BD */
} claims__tok_kind;

/* NUMERAL flags */
#define CLAIMS__NUM_INTEGER 1u  /* no decimal part, no negative exponent */
#define CLAIMS__NUM_GROUPED 2u  /* thousands separators were read */
#define CLAIMS__NUM_PLAIN 4u    /* digits only */

typedef struct claims__tok {
    double value;        /* NUMERAL, VULGAR: the value; WORD: vocabulary value */
    uint16_t start, end; /* byte offsets in the text */
    uint8_t kind;        /* claims__tok_kind */
    uint8_t space;       /* whitespace precedes it */
    uint8_t word;        /* WORD: number.c vocabulary class, 0 if none */
    uint8_t flags;       /* NUMERAL: CLAIMS__NUM_*; WORD: vocabulary flags */
    int32_t cp;          /* PUNCT: code point, dashes and minus signs as '-' */
} claims__tok;

/* Grammar steps allowed per parse: a bound on the time a pathological text
 * can take; every peer conformance case needs fewer than 200. */
#define CLAIMS__NUM_WORK 50000

typedef struct claims__scan {
    const char *s;
    size_t n;       /* tokens */
    size_t work;    /* grammar steps left (CLAIMS__NUM_WORK at the start) */
    bool exhausted; /* the steps ran out: the text is too complex */
    claims__tok tok[CLAIMS__NUM_MAX_TOKENS];
} claims__scan;

/* Exclusive bounds of a quantity (claims_value.bounds_open). */
#define CLAIMS__OPEN_LOWER 1u
#define CLAIMS__OPEN_UPPER 2u

/* A parsed amount, bound or range; NAN where absent. */
typedef struct claims__quantity {
    double amount, lower, upper;
    claims_modifier mod;
    unsigned open; /* CLAIMS__OPEN_* */
} claims__quantity;

/* Reads span [b, e) as one plain quantity ("four minutes", "1.5 million"):
 * CLAIMS_OK and *value, with *vague set for "a few", "several"; or
 * CLAIMS_ESYNTAX. `data` is the leaf's own context. */
typedef int (*claims__leaf_fn)(claims__scan *sc, size_t b, size_t e,
                               const void *data, double *value, bool *vague);

/** Spends n grammar steps; false (and sc->exhausted) when none are left. */
bool claims__number_spend(claims__scan *sc, size_t n);
/** Checks opts->language: absent or English. `what` names the type. */
int claims__number_language(const claims_parse_options *opts,
                            const char *what, claims_error *err);
/** Cuts s[0..len) into sc. CLAIMS_ERANGE for a numeral too large to hold
 *  exactly, CLAIMS_ESYNTAX for too many tokens. */
int claims__number_scan(claims__scan *sc, const char *s, size_t len,
                        const char *what, claims_error *err);
/* claims__number_value flags */
#define CLAIMS__NV_VAGUE 1u    /* "a few", "several" */
#define CLAIMS__NV_ORDINAL 2u  /* "twenty-first", "21st" */
#define CLAIMS__NV_FRACTION 4u /* "three quarters", "2.5", "1/2" */

/** Reads [b, e) as one plain number in words or digits: CLAIMS_OK with
 *  *value and CLAIMS__NV_* *flags, or CLAIMS_ESYNTAX. */
int claims__number_value(claims__scan *sc, size_t b, size_t e,
                         double *value, unsigned *flags);
/** The number leaf: claims__number_value as a claims__leaf_fn. */
int claims__number_leaf(claims__scan *sc, size_t b, size_t e,
                        const void *data, double *value, bool *vague);
/** Hedges, bounds and ranges around leaves: "about X", "at least X",
 *  "X or more", "between X and Y", "X-Y", "more than X and less than Y". */
int claims__quantity_parse(claims__scan *sc, size_t b, size_t e,
                           claims__leaf_fn leaf, const void *data,
                           claims__quantity *q);
/** Start of the trailing counted noun of [b, e) ("129 people" -> "people"):
 *  up to three plain words after a space; e when there is none. */
size_t claims__number_noun_start(const claims__scan *sc, size_t b, size_t e);
/** True when token i is the word `w` (ASCII, case-insensitive). */
bool claims__tok_is(const claims__scan *sc, size_t i, const char *w);
/** True when token i is the punctuation code point cp. */
bool claims__tok_punct(const claims__scan *sc, size_t i, int32_t cp);
/** Range-checks q (finite, |x| <= 2^53) and stores it in v with its
 *  canonical string. `what` names the type in messages. */
int claims__quantity_store(claims_value *v, const claims__quantity *q,
                           const char *what, claims_error *err);
/** Error for a text that is not a `what`, quoting it; says so when the
 *  step budget of sc (may be NULL) ran out. */
int claims__number_reject(claims_error *err, const claims__scan *sc,
                          const char *what, const char *s, size_t len);

/* duration.c */
int claims__duration_parse(claims_value *v, const claims_ctx *ctx,
                           const char *s, size_t len,
                           const claims_parse_options *opts,
                           claims_error *err);
/* NUMBER and DURATION share the interval comparison in number.c */
/* date.c */
int claims__date_parse(claims_value *v, const claims_ctx *ctx, const char *s,
                       size_t len, const claims_parse_options *opts,
                       claims_error *err);
void claims__date_compare(claims_comparison *out, const claims_ctx *ctx,
                          const claims_value *a, const claims_value *b);
/* clock.c (TIME values) */
int claims__time_parse(claims_value *v, const claims_ctx *ctx, const char *s,
                       size_t len, const claims_parse_options *opts,
                       claims_error *err);
/* DATE and TIME share the interval comparison in date.c */
/* person.c */
int claims__person_parse(claims_value *v, const claims_ctx *ctx,
                         const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err);
void claims__person_compare(claims_comparison *out, const claims_ctx *ctx,
                            const claims_value *a, const claims_value *b);
int claims__persons_parse(claims_value *v, const claims_ctx *ctx,
                          const char *s, size_t len,
                          const claims_parse_options *opts, claims_error *err);
void claims__persons_compare(claims_comparison *out, const claims_ctx *ctx,
                             const claims_value *a, const claims_value *b);
/* entity.c: TEXT, PLACE, ORGANIZATION, TOPIC, OCCASION (folded keys,
 * aliases, containment, acronyms) */
int claims__entity_parse(claims_value *v, const claims_ctx *ctx,
                         const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err);
void claims__entity_compare(claims_comparison *out, const claims_ctx *ctx,
                            const claims_value *a, const claims_value *b);

/* aliases.c */
int claims__aliases_new(struct claims_aliases **out);
void claims__aliases_free(struct claims_aliases *a);

#endif /* CLAIMS_PRIVATE_H */

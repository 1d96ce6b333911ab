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
/* calendar.c: civil-date arithmetic, the reference date and the names shared
 * by DATE (date.c) and TIME (clock.c). Day numbers count days since
 * 1970-01-01 in the proleptic Gregorian calendar. */
#define CLAIMS__YEAR_MIN 1
#define CLAIMS__YEAR_MAX 9999

int64_t claims__days_from_civil(int64_t y, int m, int d);
void claims__civil_from_days(int64_t days, int64_t *y, int *m, int *d);
bool claims__is_leap(int64_t y);
/** Days in month m (1..12) of year y. */
int claims__days_in_month(int64_t y, int m);
/** ISO weekday of a day number: 1 = Monday .. 7 = Sunday. */
int claims__weekday(int64_t days);
/** True when y-m-d is a date of the calendar within the supported years. */
bool claims__date_valid(int64_t y, int m, int d);
/** Day number of the n-th (1..5) given weekday of a month, or of the last
 *  one when n is -1; -1 when the month has no n-th such weekday. */
int64_t claims__nth_weekday(int64_t y, int m, int weekday, int n);

/** The reference date of a parse (opts->reference). */
typedef struct claims__ref {
    bool present;
    int64_t days;     /* day number of the reference date */
    int year, month, day;
    int seconds;      /* time of day, 0 when only a date was given */
    bool has_tz;
    int tz_minutes;
} claims__ref;

/** Reads opts->reference (ISO 8601 date or date-time, optional zone).
 *  Absent: ref->present is false and CLAIMS_OK. Malformed: CLAIMS_EINVAL. */
int claims__ref_parse(claims__ref *ref, const claims_parse_options *opts,
                      claims_error *err);
/** A two-digit year as the year nearest the reference (1950..2049 without
 *  one). */
int claims__year_from_two_digits(int yy, const claims__ref *ref);

/** Month 1..12 of an English month name or abbreviation ("Sept", "dec"),
 *  case-insensitive; 0 if none. */
int claims__month_lookup(const char *s, size_t n);
/** ISO weekday 1..7 of an English weekday name or abbreviation; 0 if none. */
int claims__weekday_lookup(const char *s, size_t n);
/** Offset east of UTC, in minutes, of a zone abbreviation ("PST", "ET",
 *  "UTC"). The generic US names (ET, CT, MT, PT) need the local wall-clock
 *  time (`days`, `minute` of the day) to choose standard or daylight time.
 *  Returns false for an unknown name. */
bool claims__zone_lookup(const char *s, size_t n, int64_t days, int minute,
                         int *tz_minutes);
/** Length of a recognized "no value" marker ("Not Available", "N/A", "--")
 *  at the start of s, ending at a word boundary; 0 if none. */
size_t claims__none_marker(const char *s, size_t n);

/** Writes "YYYY-MM-DD" (10 bytes, no NUL) and returns the end. */
char *claims__put_date(char *p, int64_t y, int m, int d);
/** Writes n as exactly `width` decimal digits (n >= 0) and returns the end. */
char *claims__put_digits(char *p, int64_t n, int width);
/** Writes a zone offset "+HH:MM" / "-HH:MM" and returns the end. */
char *claims__put_zone(char *p, int tz_minutes);

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

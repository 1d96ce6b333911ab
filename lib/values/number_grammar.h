/*
 * values/number_grammar.h - the number scanner and the quantity grammar of
 * number.c, shared with duration.c.
 */
#ifndef CLAIMS_VALUES_NUMBER_GRAMMAR_H
#define CLAIMS_VALUES_NUMBER_GRAMMAR_H

#include "values/values_int.h"

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
#define CLAIMS__NUM_INTEGER 1u /* no decimal part, no negative exponent */
#define CLAIMS__NUM_GROUPED 2u /* thousands separators were read */
#define CLAIMS__NUM_PLAIN 4u   /* digits only */

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
/* A bound that is approached, not just a limit: "nearly 50" lies just
 * below 50 (within CLAIMS__NEAR_REACH of it), "just over 100" just above. */
#define CLAIMS__NEAR_BOUND 4u

/* A parsed amount, bound or range; NAN where absent. */
typedef struct claims__quantity {
    double amount, lower, upper;
    claims_modifier mod;
    unsigned open; /* CLAIMS__OPEN_* */
} claims__quantity;

/* Reads span [b, e) as one plain quantity ("four minutes", "1.5 million"):
 * CLAIMS_OK and *value, with *vague set for "a few", "several"; or
 * CLAIMS_ESYNTAX. `data` is the leaf's own context. */
typedef int (*claims__leaf_fn)(claims__scan *sc, size_t b, size_t e, const void *data,
                               double *value, bool *vague);

/** Spends n grammar steps; false (and sc->exhausted) when none are left. */
bool claims__number_spend(claims__scan *sc, size_t n);
/** Checks opts->language: absent or English. `what` names the type. */
int claims__number_language(const claims_parse_options *opts, const char *what, claims_error *err);
/** Cuts s[0..len) into sc. CLAIMS_ERANGE for a numeral too large to hold
 *  exactly, CLAIMS_ESYNTAX for too many tokens. */
int claims__number_scan(claims__scan *sc, const char *s, size_t len, const char *what,
                        claims_error *err);
/* claims__number_value flags */
#define CLAIMS__NV_VAGUE 1u    /* "a few", "several" */
#define CLAIMS__NV_ORDINAL 2u  /* "twenty-first", "21st" */
#define CLAIMS__NV_FRACTION 4u /* "three quarters", "2.5", "1/2" */

/** Reads [b, e) as one plain number in words or digits: CLAIMS_OK with
 *  *value and CLAIMS__NV_* *flags, or CLAIMS_ESYNTAX. */
int claims__number_value(claims__scan *sc, size_t b, size_t e, double *value, unsigned *flags);
/** The number leaf: claims__number_value as a claims__leaf_fn. */
int claims__number_leaf(claims__scan *sc, size_t b, size_t e, const void *data, double *value,
                        bool *vague);
/** Hedges, bounds and ranges around leaves: "about X", "at least X",
 *  "X or more", "between X and Y", "X-Y", "more than X and less than Y". */
int claims__quantity_parse(claims__scan *sc, size_t b, size_t e, claims__leaf_fn leaf,
                           const void *data, claims__quantity *q);
/** Start of the trailing counted noun of [b, e) ("129 people" -> "people"):
 *  up to three plain words after a space; e when there is none. */
size_t claims__number_noun_start(const claims__scan *sc, size_t b, size_t e);
/** True when token i is the word `w` (ASCII, case-insensitive). */
bool claims__tok_is(const claims__scan *sc, size_t i, const char *w);
/** True when token i is the punctuation code point cp. */
bool claims__tok_punct(const claims__scan *sc, size_t i, int32_t cp);
/** Range-checks q (finite, |x| <= 2^53) and stores it in v with its
 *  canonical string. `what` names the type in messages. */
int claims__quantity_store(claims_value *v, const claims__quantity *q, const char *what,
                           claims_error *err);
/** Error for a text that is not a `what`, quoting it; says so when the
 *  step budget of sc (may be NULL) ran out. */
int claims__number_reject(claims_error *err, const claims__scan *sc, const char *what,
                          const char *s, size_t len);

#endif /* CLAIMS_VALUES_NUMBER_GRAMMAR_H */

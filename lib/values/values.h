/*
 * values/values.h - what the layers above (store, reconcile, report) use of
 * the value layer: the value through accessors (its layout is in
 * values_int.h), the schema's attributes. Everything else of this layer is
 * in values_int.h.
 */
#ifndef CLAIMS_VALUES_H
#define CLAIMS_VALUES_H

#include "util/util.h"

/** An attribute of the schema (schema.c). */
/* What one identifying attribute adds to the score of two mentions
 * (resolve.c): values that agree, are compatible, or conflict, or the
 * attribute given by one of them only. Log-odds in bits, as in
 * Fellegi-Sunter: log2(P(level | same subject) / P(level | different)). */
typedef struct claims__match {
    double agree, compatible, conflict, absent;
} claims__match;

typedef struct claims__attr {
    const char *name; /* in the context's arena */
    claims_type type;
    claims_cardinality cardinality;
    int identifying;
    double tolerance, time_tolerance;
    claims__match match; /* used when identifying */
} claims__attr;

/** The weights an identifying attribute gets when its definition gives
 *  none (docs/schema.md). */
claims__match claims__match_default(claims_type type, claims_cardinality card, int identifying);
/** The score above which two mentions are one subject (the context's, or
 *  the default). */
double claims__match_threshold(const claims_ctx *ctx);

/** The attribute called name, or NULL. */
const claims__attr *claims__schema_find(const claims_ctx *ctx, const char *name, size_t len);

/* ---- values (value.c) and the normalizers, one file per type ----------------- */

/** Maximum length of a value text in bytes; longer input is CLAIMS_ERANGE. */
#define CLAIMS__VALUE_MAX_LENGTH 4096

/** How a DATE or TIME value was read: its interval of wall-clock seconds,
 *  precision, and zone. (Of other types: zeros.) */
typedef struct claims__when {
    int64_t begin, end;
    claims_precision precision;
    bool has_tz;    /* an explicit zone was written */
    int tz_minutes; /* offset east of UTC when has_tz */
} claims__when;

/** The canonical string of v, never NULL ("" before a parse); *len (may be
 *  NULL) gets its length. */
const char *claims__value_norm(const claims_value *v, size_t *len);
/** Fills *out from v. */
void claims__value_when(const claims_value *v, claims__when *out);

/** claims_value_compare() without its checks: fills the whole of *out
 *  (the library's struct version); a and b are not NULL. */
void claims__value_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                           const claims_value *b);

/** The initials of the canonical name key[0..len) as the acronym rule of
 *  the entity comparison reads them (a hyphenated part counts; with
 *  skip_stopwords, "of", "the"... do not): "inter-continental trade forum"
 *  -> "ictf", "bank of america" -> "ba" or "boa". Into out (NUL-terminated);
 *  its length, 0 when the name has fewer than two parts or cap is short. So
 *  that an acronym and its expansion share a block (resolve.c). */
size_t claims__entity_initials(const char *key, size_t len, bool skip_stopwords, char *out,
                               size_t cap);

/** Which blocking key of a person claims__person_block_key() gives. */
enum { CLAIMS__BLOCK_SURNAME = 0, CLAIMS__BLOCK_FIRST_WORD = 1 };
/** A blocking key of a PERSON value into out (NUL-terminated, cut at cap),
 *  so that names that may be one person share one. CLAIMS__BLOCK_SURNAME:
 *  the last word of the name without particles or a joined article, as its
 *  spelling skeleton (doubled letters once, h after a consonant and g
 *  between n and a consonant dropped): "Bashar al-Assad", "Assad", "Bashar
 *  al Assad" -> "asad"; "Xi Jinping", "Xi Jingping" -> "jinping"; "Ursula
 *  von der Leyen", "Leyen" -> "leyen". Every two names that compare equal
 *  or compatible through their surnames share it (not an initial for a
 *  surname: "J. F. K." gives "k"; names in another order share a
 *  first-word key with a surname key, up to three words). CLAIMS__BLOCK_FIRST_WORD: the first word
 *  of a name of two words or more, likewise ("" for one word or an
 *  initial): for a family name written first ("Xi" / "Xi Jinping") and
 *  names in another order. Returns the key's full length, 0 when there is
 *  none (not a person, a "no value" marker). */
size_t claims__person_block_key(const claims_value *v, int which, char *out, size_t cap);

/** The interval of amounts a NUMBER or DURATION value stands for, as its
 *  comparison reads it (hedges widened, "nearly 50" as [45, 50)): false
 *  for other types and values without an amount. Infinite where unbounded. */
bool claims__value_span(const claims_value *v, double *lo, double *hi);

/** Resets content for a new parse of `type` (keeps buffers). */
void claims__value_reset(claims_value *v, claims_type type);
/** Sets the canonical string. */
int claims__value_set_norm(claims_value *v, const char *s, size_t n);

/* ---- places learned from a run's documents (places.c) ------------------------ */

struct claims__places;

/** Learns containment from the place values among values[0..n) ("Kessel
 *  Bay, Ardenia": Ardenia contains Kessel Bay), except what ctx's gazetteer
 *  contradicts. *out is new; NULL when no value teaches anything.
 *  CLAIMS_OK or CLAIMS_ENOMEM. */
int claims__places_learn(struct claims__places **out, const claims_ctx *ctx,
                         claims_value *const *values, size_t n);
void claims__places_free(struct claims__places *p);
/** The names of what contains the place of canonical key `key`, as its
 *  parts, ctx's gazetteer and what ctx has learned know them ("beirut":
 *  lebanon; "kessel bay", when a document wrote "Kessel Bay, Ardenia":
 *  ardenia), at most max into out (borrowed from key, the gazetteer and
 *  the lessons); a name may come twice. For blocking (resolve.c). */
size_t claims__place_containers(const claims_ctx *ctx, const char *key, claims_str *out,
                                size_t max);
/** Does ctx's gazetteer list the place of canonical key `key` (its first
 *  part, as what its other parts allow)? Two places it lists and tells
 *  apart are two places; of a place it does not know, a different name may
 *  be another name of it. */
bool claims__place_listed(const claims_ctx *ctx, const char *key);
/** A run's view of ctx that also knows `learned` (may be NULL): a shallow
 *  copy, freed with claims__ctx_view_free() before ctx. */
int claims__ctx_view_new(claims_ctx **out, const claims_ctx *ctx,
                         const struct claims__places *learned);
void claims__ctx_view_free(claims_ctx *view);

#endif /* CLAIMS_VALUES_H */

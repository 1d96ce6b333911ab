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
typedef struct claims__attr {
    const char *name; /* in the context's arena */
    claims_type type;
    claims_cardinality cardinality;
    int identifying;
    double tolerance, time_tolerance;
} claims__attr;

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

/** The interval of amounts a NUMBER or DURATION value stands for, as its
 *  comparison reads it (hedges widened, "nearly 50" as [45, 50)): false
 *  for other types and values without an amount. Infinite where unbounded. */
bool claims__value_span(const claims_value *v, double *lo, double *hi);

/** Resets content for a new parse of `type` (keeps buffers). */
void claims__value_reset(claims_value *v, claims_type type);
/** Sets the canonical string. */
int claims__value_set_norm(claims_value *v, const char *s, size_t n);

#endif /* CLAIMS_VALUES_H */

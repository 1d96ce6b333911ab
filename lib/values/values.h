/*
 * values/values.h - what the layers above (store, reconcile, report) use of
 * the value layer: the value itself, the schema's attributes. Everything
 * else of this layer is in values_int.h. The value's layout is here because
 * resolution reads begin/end/zone/modifier of millions of pooled values in
 * its inner loops; nothing above this layer writes to it.
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
const claims__attr *claims__schema_find(const claims_ctx *ctx,
                                        const char *name, size_t len);


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
    /* The type's parsed form, kept so that comparisons need not parse the
     * canonical string again; NULL when the type keeps none. */
    void *detail;
    void (*detail_free)(void *detail);
    /* NUMBER/DURATION: CLAIMS__OPEN_* bits saying which of lower/upper is
     * exclusive ("more than 5" excludes 5); always written by their parse. */
    unsigned char bounds_open;
};

/** Resets content for a new parse of `type` (keeps buffers). */
void claims__value_reset(claims_value *v, claims_type type);
/** Sets the canonical string. */
int claims__value_set_norm(claims_value *v, const char *s, size_t n);


#endif /* CLAIMS_VALUES_H */

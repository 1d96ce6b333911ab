/* types.c - one dispatch table over the per-type normalizers (one file per
 * type): claims_value_parse() checks its input once and hands it to the
 * type's parse; claims_value_compare() to the type's compare. */
#include "values/values_int.h"

#include <stdio.h>
#include <string.h>

typedef struct type_entry {
    claims__parse_fn parse;
    claims__compare_fn compare;
} type_entry;

/* Indexed by claims_type. */
static const type_entry TYPES[CLAIMS_TYPE_COUNT] = {
    [CLAIMS_TYPE_TEXT] = {claims__entity_parse, claims__entity_compare},
    [CLAIMS_TYPE_NUMBER] = {claims__number_parse, claims__number_compare},
    [CLAIMS_TYPE_DURATION] = {claims__duration_parse, claims__number_compare},
    [CLAIMS_TYPE_DATE] = {claims__date_parse, claims__date_compare},
    [CLAIMS_TYPE_TIME] = {claims__time_parse, claims__date_compare},
    [CLAIMS_TYPE_PERSON] = {claims__person_parse, claims__person_compare},
    [CLAIMS_TYPE_PERSONS] = {claims__persons_parse, claims__persons_compare},
    [CLAIMS_TYPE_PLACE] = {claims__entity_parse, claims__entity_compare},
    [CLAIMS_TYPE_ORGANIZATION] = {claims__entity_parse, claims__entity_compare},
    [CLAIMS_TYPE_TOPIC] = {claims__entity_parse, claims__entity_compare},
    [CLAIMS_TYPE_OCCASION] = {claims__entity_parse, claims__entity_compare},
};

int claims_value_parse(claims_value *value, const claims_ctx *ctx, claims_type type,
                       const char *text, size_t len, const claims_parse_options *opts,
                       claims_error *err)
{
    claims__error_clear(err);
    if (!value)
        return claims__error_simple(err, CLAIMS_EINVAL, "value is NULL");
    claims__value_reset(value, CLAIMS_TYPE_TEXT);
    if ((unsigned)type >= CLAIMS_TYPE_COUNT)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown value type %d", (int)type);
    if (!text && len)
        return claims__error_simple(err, CLAIMS_EINVAL, "text is NULL");
    if (len > CLAIMS__VALUE_MAX_LENGTH)
        return claims__error_simple(err, CLAIMS_ERANGE, "value text is %zu bytes, more than %d",
                                    len, CLAIMS__VALUE_MAX_LENGTH);
    size_t bad = 0;
    if (claims__utf8_check(text, len, &bad) != CLAIMS_OK) {
        claims__error_simple(err, CLAIMS_ENCODING, "invalid UTF-8 or NUL byte at byte %zu", bad);
        err ? (void)(err->column = (int)claims__utf8_length(text, bad) + 1) : (void)0;
        return CLAIMS_ENCODING;
    }
    claims_parse_options defaults = CLAIMS_PARSE_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    else if (opts->version == 0 || opts->version > CLAIMS_PARSE_OPTIONS_VERSION)
        return claims__error_simple(err, CLAIMS_EINVAL, "unsupported parse options version %u",
                                    opts->version);
    /* no parse flag exists yet: a caller that sets one expects a behaviour
     * this library does not have */
    if (opts->flags)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown parse flags 0x%x", opts->flags);
    claims__value_reset(value, type);
    if (claims__buf_append(&value->text, text ? text : "", len) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    int rc = TYPES[type].parse(value, ctx, text ? text : "", len, opts, err);
    if (rc < 0) {
        claims__value_reset(value, CLAIMS_TYPE_TEXT);
        if (err && err->code == CLAIMS_OK)
            claims__error_simple(err, rc, "cannot parse as %s", claims_type_name(type));
        return rc;
    }
    return CLAIMS_OK;
}

/* Types whose values can be compared with each other share a family. */
static int type_family(claims_type t)
{
    switch (t) {
    case CLAIMS_TYPE_NUMBER:
    case CLAIMS_TYPE_DURATION: return -1 - (int)t; /* units must match */
    case CLAIMS_TYPE_DATE:
    case CLAIMS_TYPE_TIME: return 100;
    default: return (int)t;
    }
}

void claims__value_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                           const claims_value *b)
{
    memset(out, 0, sizeof *out);
    out->version = CLAIMS_COMPARISON_VERSION;
    out->relation = CLAIMS_RELATION_INCOMPARABLE;
    if (a->none || b->none) {
        snprintf(out->reason, sizeof out->reason, "%s has no value", a->none ? "first" : "second");
        return;
    }
    if (type_family(a->type) != type_family(b->type)) {
        snprintf(out->reason, sizeof out->reason, "%s and %s differ in type",
                 claims_type_name(a->type), claims_type_name(b->type));
        return;
    }
    TYPES[a->type].compare(out, ctx, a, b);
}

/* Bytes of a claims_comparison of struct version v (1 to current): a
 * caller's struct may be shorter than the library's. */
static size_t comparison_size(unsigned v)
{
    (void)v; /* version 1 is the only one */
    return sizeof(claims_comparison);
}

int claims_value_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                         const claims_value *b)
{
    if (!out || !a || !b || out->version == 0 || out->version > CLAIMS_COMPARISON_VERSION)
        return CLAIMS_EINVAL;
    claims_comparison full;
    claims__value_compare(&full, ctx, a, b);
    unsigned v = out->version;
    memcpy(out, &full, comparison_size(v));
    out->version = v;
    return CLAIMS_OK;
}

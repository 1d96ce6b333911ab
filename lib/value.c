/* value.c - typed values: one dispatch table over the per-type normalizers,
 * accessors, and the names of the public enums. */
#include "claims_private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct type_entry {
    const char *name;
    claims__parse_fn parse;
    claims__compare_fn compare;
} type_entry;

/* Indexed by claims_type. */
static const type_entry TYPES[CLAIMS_TYPE_COUNT] = {
    [CLAIMS_TYPE_TEXT] = {"text", claims__entity_parse, claims__entity_compare},
    [CLAIMS_TYPE_NUMBER] = {"number", claims__number_parse, claims__number_compare},
    [CLAIMS_TYPE_DURATION] = {"duration", claims__duration_parse, claims__number_compare},
    [CLAIMS_TYPE_DATE] = {"date", claims__date_parse, claims__date_compare},
    [CLAIMS_TYPE_TIME] = {"time", claims__time_parse, claims__date_compare},
    [CLAIMS_TYPE_PERSON] = {"person", claims__person_parse, claims__person_compare},
    [CLAIMS_TYPE_PERSONS] = {"persons", claims__persons_parse, claims__persons_compare},
    [CLAIMS_TYPE_PLACE] = {"place", claims__entity_parse, claims__entity_compare},
    [CLAIMS_TYPE_ORGANIZATION] = {"organization", claims__entity_parse, claims__entity_compare},
    [CLAIMS_TYPE_TOPIC] = {"topic", claims__entity_parse, claims__entity_compare},
    [CLAIMS_TYPE_OCCASION] = {"occasion", claims__entity_parse, claims__entity_compare},
};

static bool type_valid(int t) { return t >= 0 && t < CLAIMS_TYPE_COUNT; }

const char *claims_type_name(claims_type type)
{
    return type_valid((int)type) ? TYPES[type].name : NULL;
}

int claims_type_from_name(claims_type *out, const char *name, size_t len)
{
    if (!out || (!name && len))
        return CLAIMS_EINVAL;
    for (int t = 0; t < CLAIMS_TYPE_COUNT; t++) {
        if (claims__ascii_ieq(name, len, TYPES[t].name)) {
            *out = (claims_type)t;
            return CLAIMS_OK;
        }
    }
    return CLAIMS_ENOTFOUND;
}

const char *claims_modifier_name(claims_modifier mod)
{
    static const char *const names[] = {"NONE", "APPROX", "LESS_THAN",
                                        "EQUAL_OR_LESS", "MORE_THAN",
                                        "EQUAL_OR_MORE"};
    return ((int)mod >= 0 && (int)mod < 6) ? names[mod] : "UNKNOWN";
}

const char *claims_precision_name(claims_precision precision)
{
    static const char *const names[] = {"none", "decade", "year", "season",
                                        "month", "week", "day", "hour",
                                        "minute", "second"};
    return ((int)precision >= 0 && (int)precision < 10) ? names[precision]
                                                        : "unknown";
}

const char *claims_relation_name(claims_relation relation)
{
    static const char *const names[] = {"equal", "compatible", "conflicting",
                                        "incomparable"};
    return ((int)relation >= 0 && (int)relation < 4) ? names[relation]
                                                     : "unknown";
}

int claims_parse_options_init(claims_parse_options *opts, unsigned int version)
{
    if (!opts || version == 0 || version > CLAIMS_PARSE_OPTIONS_VERSION)
        return CLAIMS_EINVAL;
    claims_parse_options def = CLAIMS_PARSE_OPTIONS_INIT;
    *opts = def;
    opts->version = version;
    return CLAIMS_OK;
}

int claims_value_new(claims_value **out)
{
    if (!out)
        return CLAIMS_EINVAL;
    claims_value *v = calloc(1, sizeof *v);
    if (!v)
        return CLAIMS_ENOMEM;
    claims__buf_init(&v->text);
    claims__buf_init(&v->norm);
    claims__value_reset(v, CLAIMS_TYPE_TEXT);
    *out = v;
    return CLAIMS_OK;
}

void claims_value_free(claims_value *value)
{
    if (!value)
        return;
    claims__buf_free(&value->text);
    claims__buf_free(&value->norm);
    free(value);
}

void claims__value_reset(claims_value *v, claims_type type)
{
    v->type = type;
    v->none = false;
    v->mod = CLAIMS_MOD_NONE;
    v->amount = NAN;
    v->lower = NAN;
    v->upper = NAN;
    v->begin = 0;
    v->end = 0;
    v->precision = CLAIMS_PRECISION_NONE;
    v->has_tz = false;
    v->tz_minutes = 0;
    v->bounds_open = 0;
    claims__buf_clear(&v->text);
    claims__buf_clear(&v->norm);
}

int claims__value_set_norm(claims_value *v, const char *s, size_t n)
{
    claims__buf_clear(&v->norm);
    return claims__buf_append(&v->norm, s, n);
}

int claims_value_parse(claims_value *value, const claims_ctx *ctx,
                       claims_type type, const char *text, size_t len,
                       const claims_parse_options *opts, claims_error *err)
{
    claims__error_clear(err);
    if (!value)
        return claims__error_simple(err, CLAIMS_EINVAL, "value is NULL");
    claims__value_reset(value, CLAIMS_TYPE_TEXT);
    if (!type_valid((int)type))
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown value type %d",
                                    (int)type);
    if (!text && len)
        return claims__error_simple(err, CLAIMS_EINVAL, "text is NULL");
    if (len > CLAIMS__VALUE_MAX_LENGTH)
        return claims__error_simple(err, CLAIMS_ERANGE,
                                    "value text is %zu bytes, more than %d",
                                    len, CLAIMS__VALUE_MAX_LENGTH);
    size_t bad = 0;
    if (claims__utf8_check(text, len, &bad) != CLAIMS_OK) {
        claims__error_simple(err, CLAIMS_ENCODING,
                             "invalid UTF-8 or NUL byte at byte %zu", bad);
        err ? (void)(err->column = (int)claims__utf8_length(text, bad) + 1)
            : (void)0;
        return CLAIMS_ENCODING;
    }
    claims_parse_options defaults = CLAIMS_PARSE_OPTIONS_INIT;
    if (!opts)
        opts = &defaults;
    else if (opts->version == 0 || opts->version > CLAIMS_PARSE_OPTIONS_VERSION)
        return claims__error_simple(err, CLAIMS_EINVAL,
                                    "unsupported parse options version %u",
                                    opts->version);
    claims__value_reset(value, type);
    if (claims__buf_append(&value->text, text ? text : "", len) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    int rc = TYPES[type].parse(value, ctx, text ? text : "", len, opts, err);
    if (rc < 0) {
        claims__value_reset(value, CLAIMS_TYPE_TEXT);
        if (err && err->code == CLAIMS_OK)
            claims__error_simple(err, rc, "cannot parse as %s",
                                 TYPES[type].name);
        return rc;
    }
    return CLAIMS_OK;
}

claims_type claims_value_type(const claims_value *value)
{
    return value ? value->type : CLAIMS_TYPE_TEXT;
}

int claims_value_is_none(const claims_value *value)
{
    return value ? value->none : 0;
}

claims_modifier claims_value_modifier(const claims_value *value)
{
    return value ? value->mod : CLAIMS_MOD_NONE;
}

int claims_value_amount(const claims_value *value, double *amount,
                        double *lower, double *upper)
{
    if (!value || (value->type != CLAIMS_TYPE_NUMBER &&
                   value->type != CLAIMS_TYPE_DURATION))
        return CLAIMS_EINVAL;
    if (amount)
        *amount = value->amount;
    if (lower)
        *lower = value->lower;
    if (upper)
        *upper = value->upper;
    return CLAIMS_OK;
}

int claims_value_interval(const claims_value *value, int64_t *begin,
                          int64_t *end, claims_precision *precision)
{
    if (!value ||
        (value->type != CLAIMS_TYPE_DATE && value->type != CLAIMS_TYPE_TIME))
        return CLAIMS_EINVAL;
    if (begin)
        *begin = value->begin;
    if (end)
        *end = value->end;
    if (precision)
        *precision = value->precision;
    return CLAIMS_OK;
}

const char *claims_value_normalized(const claims_value *value)
{
    return value && value->norm.data ? value->norm.data : "";
}

const char *claims_value_text(const claims_value *value)
{
    return value && value->text.data ? value->text.data : "";
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

int claims_value_compare(claims_comparison *out, const claims_ctx *ctx,
                         const claims_value *a, const claims_value *b)
{
    if (!out || !a || !b)
        return CLAIMS_EINVAL;
    memset(out, 0, sizeof *out);
    out->relation = CLAIMS_RELATION_INCOMPARABLE;
    if (a->none || b->none) {
        snprintf(out->reason, sizeof out->reason, "%s has no value",
                 a->none ? "first" : "second");
        return CLAIMS_OK;
    }
    if (type_family(a->type) != type_family(b->type)) {
        snprintf(out->reason, sizeof out->reason, "%s and %s differ in type",
                 TYPES[a->type].name, TYPES[b->type].name);
        return CLAIMS_OK;
    }
    TYPES[a->type].compare(out, ctx, a, b);
    return CLAIMS_OK;
}

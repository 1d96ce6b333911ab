/* value.c - the typed value: its life cycle, accessors, and the names of
 * the public enums. Parsing and comparison dispatch by type in types.c. */
#include "values/values_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Indexed by claims_type. */
static const char *const TYPE_NAMES[CLAIMS_TYPE_COUNT] = {
    [CLAIMS_TYPE_TEXT] = "text",
    [CLAIMS_TYPE_NUMBER] = "number",
    [CLAIMS_TYPE_DURATION] = "duration",
    [CLAIMS_TYPE_DATE] = "date",
    [CLAIMS_TYPE_TIME] = "time",
    [CLAIMS_TYPE_PERSON] = "person",
    [CLAIMS_TYPE_PERSONS] = "persons",
    [CLAIMS_TYPE_PLACE] = "place",
    [CLAIMS_TYPE_ORGANIZATION] = "organization",
    [CLAIMS_TYPE_TOPIC] = "topic",
    [CLAIMS_TYPE_OCCASION] = "occasion",
};

static bool type_valid(int t) { return t >= 0 && t < CLAIMS_TYPE_COUNT; }

const char *claims_type_name(claims_type type)
{
    return type_valid((int)type) ? TYPE_NAMES[type] : "unknown";
}

int claims_type_from_name(claims_type *out, const char *name, size_t len)
{
    if (!out || (!name && len))
        return CLAIMS_EINVAL;
    for (int t = 0; t < CLAIMS_TYPE_COUNT; t++) {
        if (claims__ascii_ieq(name, len, TYPE_NAMES[t])) {
            *out = (claims_type)t;
            return CLAIMS_OK;
        }
    }
    return CLAIMS_ENOTFOUND;
}

const char *claims_modifier_name(claims_modifier mod)
{
    static const char *const names[] = {"NONE",          "APPROX",    "LESS_THAN",
                                        "EQUAL_OR_LESS", "MORE_THAN", "EQUAL_OR_MORE"};
    return ((int)mod >= 0 && (int)mod < 6) ? names[mod] : "unknown";
}

const char *claims_precision_name(claims_precision precision)
{
    static const char *const names[] = {"none", "decade", "year", "season", "month",
                                        "week", "day",    "hour", "minute", "second"};
    return ((int)precision >= 0 && (int)precision < 10) ? names[precision] : "unknown";
}

const char *claims_relation_name(claims_relation relation)
{
    static const char *const names[] = {"equal", "compatible", "conflicting", "incomparable"};
    return ((int)relation >= 0 && (int)relation < 4) ? names[relation] : "unknown";
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
    claims__value_reset(value, CLAIMS_TYPE_TEXT); /* frees the detail */
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
    if (v->detail && v->detail_free)
        v->detail_free(v->detail);
    v->detail = NULL;
    v->detail_free = NULL;
    claims__buf_clear(&v->text);
    claims__buf_clear(&v->norm);
}

int claims__value_set_norm(claims_value *v, const char *s, size_t n)
{
    claims__buf_clear(&v->norm);
    return claims__buf_append(&v->norm, s, n);
}

const char *claims__value_norm(const claims_value *v, size_t *len)
{
    if (len)
        *len = v->norm.len;
    return v->norm.data ? v->norm.data : "";
}

void claims__value_when(const claims_value *v, claims__when *out)
{
    out->begin = v->begin;
    out->end = v->end;
    out->precision = v->precision;
    out->has_tz = v->has_tz;
    out->tz_minutes = v->tz_minutes;
}

claims_type claims_value_type(const claims_value *value)
{
    return value ? value->type : CLAIMS_TYPE_TEXT;
}

int claims_value_is_none(const claims_value *value) { return value ? value->none : 0; }

claims_modifier claims_value_modifier(const claims_value *value)
{
    return value ? value->mod : CLAIMS_MOD_NONE;
}

int claims_value_amount(const claims_value *value, double *amount, double *lower, double *upper)
{
    if (!value || (value->type != CLAIMS_TYPE_NUMBER && value->type != CLAIMS_TYPE_DURATION))
        return CLAIMS_EINVAL;
    if (amount)
        *amount = value->amount;
    if (lower)
        *lower = value->lower;
    if (upper)
        *upper = value->upper;
    return CLAIMS_OK;
}

int claims_value_interval(const claims_value *value, int64_t *begin, int64_t *end,
                          claims_precision *precision)
{
    if (!value || (value->type != CLAIMS_TYPE_DATE && value->type != CLAIMS_TYPE_TIME))
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

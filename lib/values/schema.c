/* schema.c - the attribute schema: value type, cardinality, identity weight
 * and tolerance of each attribute. Built-in definitions cover common news
 * attributes; applications add their own (JSON or API). An attribute the
 * schema does not know is still reconciled, as text. */
#include "values/values_int.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Built-in news attributes (docs/schema.md; the seed corpus vocabulary is in
 * docs/corpus.md). */
static const struct {
    const char *name;
    claims_type type;
    claims_cardinality cardinality;
    int identifying;
} BUILTIN[] = {
    /* what identifies a meeting */
    {"participant", CLAIMS_TYPE_PERSON, CLAIMS_SET, 1},
    {"date", CLAIMS_TYPE_DATE, CLAIMS_SINGLE, 1},
    {"place", CLAIMS_TYPE_PLACE, CLAIMS_SINGLE, 1},
    {"occasion", CLAIMS_TYPE_OCCASION, CLAIMS_SINGLE, 1},
    /* what identifies a person, an organization, a place */
    {"name", CLAIMS_TYPE_PERSON, CLAIMS_SINGLE, 2},
    /* facts about events */
    {"duration", CLAIMS_TYPE_DURATION, CLAIMS_SINGLE, 0},
    {"time", CLAIMS_TYPE_TIME, CLAIMS_SINGLE, 0},
    {"topic", CLAIMS_TYPE_TOPIC, CLAIMS_SET, 0},
    {"statement", CLAIMS_TYPE_TEXT, CLAIMS_SET, 0},
    {"agreement", CLAIMS_TYPE_TEXT, CLAIMS_SET, 0},
    {"attendee", CLAIMS_TYPE_TEXT, CLAIMS_SET, 0},
    {"format", CLAIMS_TYPE_TEXT, CLAIMS_SET, 0},
    {"tone", CLAIMS_TYPE_TEXT, CLAIMS_SET, 0},
    {"significance", CLAIMS_TYPE_TEXT, CLAIMS_SET, 0},
    {"kind", CLAIMS_TYPE_TEXT, CLAIMS_SET, 0},
    {"audible", CLAIMS_TYPE_TEXT, CLAIMS_SET, 0}, /* to whom: a set */
    {"outcome", CLAIMS_TYPE_TEXT, CLAIMS_SET, 0},
    {"deaths", CLAIMS_TYPE_NUMBER, CLAIMS_SINGLE, 0},
    {"injured", CLAIMS_TYPE_NUMBER, CLAIMS_SINGLE, 0},
    {"count", CLAIMS_TYPE_NUMBER, CLAIMS_SINGLE, 0},
    /* facts about people and organizations */
    {"role", CLAIMS_TYPE_TEXT, CLAIMS_SET, 0},
    {"organization", CLAIMS_TYPE_ORGANIZATION, CLAIMS_SET, 0},
    {"nationality", CLAIMS_TYPE_PLACE, CLAIMS_SINGLE, 0},
};

static int put(claims_ctx *ctx, const claims__attr *a, size_t len)
{
    size_t idx;
    if (claims__strmap_get(&ctx->attr_index, a->name, len, &idx)) {
        const char *name = ctx->attrs[idx].name;
        ctx->attrs[idx] = *a;
        ctx->attrs[idx].name = name;
        return CLAIMS_OK;
    }
    char *name = claims__arena_strdup(&ctx->arena, a->name, len);
    if (!name ||
        claims__grow((void **)&ctx->attrs, &ctx->attr_cap, ctx->attr_count + 1,
                     sizeof *ctx->attrs) != CLAIMS_OK ||
        claims__strmap_put(&ctx->attr_index, name, len, ctx->attr_count) !=
            CLAIMS_OK)
        return CLAIMS_ENOMEM;
    ctx->attrs[ctx->attr_count] = *a;
    ctx->attrs[ctx->attr_count].name = name;
    ctx->attr_count++;
    return CLAIMS_OK;
}

int claims__schema_init(claims_ctx *ctx)
{
    for (size_t i = 0; i < sizeof BUILTIN / sizeof BUILTIN[0]; i++) {
        claims__attr a = {BUILTIN[i].name, BUILTIN[i].type,
                          BUILTIN[i].cardinality, BUILTIN[i].identifying, 0.0,
                          0.0};
        if (put(ctx, &a, strlen(a.name)) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
    }
    return CLAIMS_OK;
}

void claims__schema_free(claims_ctx *ctx)
{
    free(ctx->attrs);
    ctx->attrs = NULL;
    ctx->attr_count = ctx->attr_cap = 0;
    claims__strmap_free(&ctx->attr_index);
}

const claims__attr *claims__schema_find(const claims_ctx *ctx,
                                        const char *name, size_t len)
{
    size_t idx;
    if (!ctx || !claims__strmap_get(&ctx->attr_index, name, len, &idx))
        return NULL;
    return &ctx->attrs[idx];
}

/* Checks a definition; fills err. */
static int validate(const claims_attribute_def *def, claims_error *err)
{
    if (!def->name.ptr || def->name.len == 0)
        return claims__error_simple(err, CLAIMS_EINVAL, "attribute name is empty");
    if (def->name.len > 256 ||
        claims__utf8_check(def->name.ptr, def->name.len, NULL) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_EINVAL,
                                    "attribute name is not valid UTF-8 of at "
                                    "most 256 bytes");
    if ((unsigned)def->type >= CLAIMS_TYPE_COUNT)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown value type %d",
                                    (int)def->type);
    if ((unsigned)def->cardinality > CLAIMS_SET)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown cardinality %d",
                                    (int)def->cardinality);
    if (def->identifying < 0 || def->identifying > 2)
        return claims__error_simple(err, CLAIMS_EINVAL,
                                    "identifying must be 0, 1 or 2");
    if (!(def->tolerance >= 0.0) || !(def->time_tolerance >= 0.0) ||
        isinf(def->tolerance) || isinf(def->time_tolerance))
        return claims__error_simple(err, CLAIMS_EINVAL,
                                    "tolerances must be finite and >= 0");
    return CLAIMS_OK;
}

int claims_ctx_set_attribute(claims_ctx *ctx, const claims_attribute_def *def,
                             claims_error *err)
{
    claims__error_clear(err);
    if (!ctx || !def)
        return claims__error_simple(err, CLAIMS_EINVAL, "ctx or def is NULL");
    if (def->version != CLAIMS_ATTRIBUTE_DEF_VERSION)
        return claims__error_simple(err, CLAIMS_EINVAL,
                                    "unsupported attribute def version %u",
                                    def->version);
    int rc = validate(def, err);
    if (rc != CLAIMS_OK)
        return rc;
    claims__attr a = {def->name.ptr, def->type, def->cardinality,
                      def->identifying, def->tolerance, def->time_tolerance};
    if (put(ctx, &a, def->name.len) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    return CLAIMS_OK;
}

int claims_ctx_attribute(claims_attribute_def *out, const claims_ctx *ctx,
                         const char *name, size_t len)
{
    if (!out || !ctx || (!name && len))
        return CLAIMS_EINVAL;
    const claims__attr *a = claims__schema_find(ctx, name, len);
    if (!a)
        return CLAIMS_ENOTFOUND;
    out->version = CLAIMS_ATTRIBUTE_DEF_VERSION;
    out->name.ptr = a->name;
    out->name.len = strlen(a->name);
    out->type = a->type;
    out->cardinality = a->cardinality;
    out->identifying = a->identifying;
    out->tolerance = a->tolerance;
    out->time_tolerance = a->time_tolerance;
    return CLAIMS_OK;
}

/* ---- JSON ------------------------------------------------------------------------ */

static int schema_error(claims_error *err, int code, const char *source,
                        const char *attr, const char *what)
{
    return claims__error_set(err, code, source, 0, 0, -1, -1,
                             "attribute \"%.60s\": %s", attr, what);
}

int claims_ctx_load_schema(claims_ctx *ctx, const char *json, size_t len,
                           claims_str name, claims_error *err)
{
    claims__error_clear(err);
    if (!ctx || (!json && len))
        return claims__error_simple(err, CLAIMS_EINVAL, "ctx or json is NULL");
    char src[CLAIMS_ERROR_SOURCE_LENGTH];
    snprintf(src, sizeof src, "%.*s", name.ptr ? (int)name.len : 8,
             name.ptr ? name.ptr : "<schema>");
    json_error_t je;
    json_t *root = json_loadb(json ? json : "", len, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return claims__error_set(err, CLAIMS_ESYNTAX, src, je.line, je.column, -1,
                                 -1, "malformed JSON: %s", je.text);
    json_t *attrs = json_object_get(root, "attributes");
    int rc = CLAIMS_OK;
    if (!json_is_object(root) || !json_is_object(attrs)) {
        rc = claims__error_set(err, CLAIMS_ESCHEMA, src, 1, 1, -1, -1,
                               "a schema is {\"attributes\": {NAME: {...}}}");
        json_decref(root);
        return rc;
    }
    /* Check everything first: a schema loads whole or not at all. */
    claims_attribute_def *defs = calloc(json_object_size(attrs) + 1, sizeof *defs);
    if (!defs) {
        json_decref(root);
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    }
    size_t n = 0;
    const char *key;
    json_t *v;
    json_object_foreach(attrs, key, v) {
        claims_attribute_def *d = &defs[n];
        d->version = CLAIMS_ATTRIBUTE_DEF_VERSION;
        d->name.ptr = key;
        d->name.len = strlen(key);
        if (!json_is_object(v)) {
            rc = schema_error(err, CLAIMS_ESCHEMA, src, key, "must be an object");
            break;
        }
        json_t *t = json_object_get(v, "type");
        json_t *c = json_object_get(v, "cardinality");
        json_t *id = json_object_get(v, "identifying");
        json_t *tol = json_object_get(v, "tolerance");
        json_t *ttol = json_object_get(v, "time_tolerance");
        if (!json_is_string(t) ||
            claims_type_from_name(&d->type, json_string_value(t),
                                  json_string_length(t)) != CLAIMS_OK) {
            rc = schema_error(err, CLAIMS_ESCHEMA, src, key,
                              "\"type\" must name a value type");
            break;
        }
        if (c && !(json_is_string(c) && (!strcmp(json_string_value(c), "single") ||
                                         !strcmp(json_string_value(c), "set")))) {
            rc = schema_error(err, CLAIMS_ESCHEMA, src, key,
                              "\"cardinality\" is \"single\" or \"set\"");
            break;
        }
        d->cardinality = c && !strcmp(json_string_value(c), "set") ? CLAIMS_SET
                                                                   : CLAIMS_SINGLE;
        if (id && !json_is_boolean(id) && !json_is_integer(id)) {
            rc = schema_error(err, CLAIMS_ESCHEMA, src, key,
                              "\"identifying\" is a boolean or 0, 1, 2");
            break;
        }
        d->identifying = !id ? 0 : json_is_boolean(id) ? (json_is_true(id) ? 1 : 0)
                                                       : (int)json_integer_value(id);
        if ((tol && !json_is_number(tol)) || (ttol && !json_is_number(ttol))) {
            rc = schema_error(err, CLAIMS_ESCHEMA, src, key,
                              "tolerances must be numbers");
            break;
        }
        d->tolerance = tol ? json_number_value(tol) : 0.0;
        d->time_tolerance = ttol ? json_number_value(ttol) : 0.0;
        claims_error e;
        claims__error_clear(&e);
        if (validate(d, &e) != CLAIMS_OK) {
            rc = schema_error(err, CLAIMS_ESCHEMA, src, key, e.text);
            break;
        }
        n++;
    }
    for (size_t i = 0; rc == CLAIMS_OK && i < n; i++)
        rc = claims_ctx_set_attribute(ctx, &defs[i], err);
    free(defs);
    json_decref(root);
    return rc;
}

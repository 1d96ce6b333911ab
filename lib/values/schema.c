/* schema.c - the attribute schema: value type, cardinality, identity weight
 * and tolerance of each attribute. Built-in definitions cover common news
 * attributes; applications add their own (JSON or API). An attribute the
 * schema does not know is still reconciled, as text. */
#include "values/values_int.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Built-in news attributes: general vocabulary only (docs/schema.md). What
 * one data set needs comes with it as a schema file, as the seed corpus's
 * does (examples/schemas/seed-corpus.json). */
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
    {"kind", CLAIMS_TYPE_TEXT, CLAIMS_SET, 0},
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
        claims__strmap_put(&ctx->attr_index, name, len, ctx->attr_count) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    ctx->attrs[ctx->attr_count] = *a;
    ctx->attrs[ctx->attr_count].name = name;
    ctx->attr_count++;
    return CLAIMS_OK;
}

/* Default weights (docs/schema.md, "Resolution weights"). An attribute
 * that identifies alone (a name) decides by itself, either way; one that
 * identifies together with others does not: a date that agrees is the
 * strongest single sign of one event (few other events of the same people
 * fall on it), one that conflicts the strongest against (reports rarely
 * misdate); places and occasions are named at different levels and in
 * different words, so that a conflict between them weighs less than an
 * agreement does. Two mentions merge at CLAIMS_MATCH_THRESHOLD_DEFAULT
 * (5): a date and one more thing, or two things without a date. */
claims__match claims__match_default(claims_type type, claims_cardinality card, int identifying)
{
    if (identifying >= 2)
        return (claims__match){6.0, 5.0, -6.0, 0.0};
    if (identifying <= 0)
        return (claims__match){0.0, 0.0, 0.0, 0.0};
    switch (type) {
    case CLAIMS_TYPE_DATE: return (claims__match){4.0, 2.0, -5.0, 0.0};
    case CLAIMS_TYPE_PLACE: /* "Peru" is compatible with every city in it */
        return (claims__match){3.0, 1.0, -5.0, 0.0};
    case CLAIMS_TYPE_OCCASION: return (claims__match){3.0, 2.0, -2.0, 0.0};
    case CLAIMS_TYPE_PERSON:
    case CLAIMS_TYPE_PERSONS:
        /* an event with participants is named with them: a mention
         * without any is likely another sort of event */
        if (card == CLAIMS_SET)
            return (claims__match){3.0, 2.0, -6.0, -3.0};
        return (claims__match){3.0, 1.5, -3.0, 0.0};
    default:
        return card == CLAIMS_SET ? (claims__match){3.0, 2.0, -3.0, 0.0}
                                  : (claims__match){3.0, 1.5, -3.0, 0.0};
    }
}

double claims__match_threshold(const claims_ctx *ctx)
{
    return ctx && ctx->match_threshold > 0.0 ? ctx->match_threshold
                                             : CLAIMS_MATCH_THRESHOLD_DEFAULT;
}

int claims_ctx_set_match_threshold(claims_ctx *ctx, double threshold)
{
    if (!ctx || !(threshold >= 0.0) || isinf(threshold))
        return CLAIMS_EINVAL;
    ctx->match_threshold = threshold;
    return CLAIMS_OK;
}

double claims_ctx_match_threshold(const claims_ctx *ctx) { return claims__match_threshold(ctx); }

int claims__schema_init(claims_ctx *ctx)
{
    for (size_t i = 0; i < sizeof BUILTIN / sizeof BUILTIN[0]; i++) {
        claims__attr a = {
            BUILTIN[i].name,
            BUILTIN[i].type,
            BUILTIN[i].cardinality,
            BUILTIN[i].identifying,
            0.0,
            0.0,
            claims__match_default(BUILTIN[i].type, BUILTIN[i].cardinality, BUILTIN[i].identifying)};
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

const claims__attr *claims__schema_find(const claims_ctx *ctx, const char *name, size_t len)
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
    if (def->name.len > 256 || claims__utf8_check(def->name.ptr, def->name.len, NULL) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_EINVAL,
                                    "attribute name is not valid UTF-8 of at "
                                    "most 256 bytes");
    if ((unsigned)def->type >= CLAIMS_TYPE_COUNT)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown value type %d", (int)def->type);
    if ((unsigned)def->cardinality > CLAIMS_SET)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown cardinality %d",
                                    (int)def->cardinality);
    if (def->identifying < 0 || def->identifying > 2)
        return claims__error_simple(err, CLAIMS_EINVAL, "identifying must be 0, 1 or 2");
    if (!(def->tolerance >= 0.0) || !(def->time_tolerance >= 0.0) || isinf(def->tolerance) ||
        isinf(def->time_tolerance))
        return claims__error_simple(err, CLAIMS_EINVAL, "tolerances must be finite and >= 0");
    if (def->version >= 2 &&
        (!(def->match_agree >= def->match_compatible) || !(def->match_compatible >= 0.0) ||
         !(def->match_conflict <= 0.0) || !(def->match_absent <= 0.0) || isinf(def->match_agree) ||
         isinf(def->match_conflict) || isinf(def->match_absent)))
        return claims__error_simple(err, CLAIMS_EINVAL,
                                    "match weights must be finite, with agree >= compatible >= "
                                    "0 >= conflict and absent <= 0");
    return CLAIMS_OK;
}

/* The schema entry of a checked definition: its weights, or the defaults
 * when it gives none. */
static claims__attr from_def(const claims_attribute_def *def)
{
    claims__attr a = {def->name.ptr,
                      def->type,
                      def->cardinality,
                      def->identifying,
                      def->tolerance,
                      def->time_tolerance,
                      claims__match_default(def->type, def->cardinality, def->identifying)};
    if (def->version >= 2 && (def->match_agree != 0.0 || def->match_compatible != 0.0 ||
                              def->match_conflict != 0.0 || def->match_absent != 0.0))
        a.match = (claims__match){def->match_agree, def->match_compatible, def->match_conflict,
                                  def->match_absent};
    return a;
}

int claims_ctx_set_attribute(claims_ctx *ctx, const claims_attribute_def *def, claims_error *err)
{
    claims__error_clear(err);
    if (!ctx || !def)
        return claims__error_simple(err, CLAIMS_EINVAL, "ctx or def is NULL");
    if (def->version != 1 && def->version != CLAIMS_ATTRIBUTE_DEF_VERSION)
        return claims__error_simple(err, CLAIMS_EINVAL, "unsupported attribute def version %u",
                                    def->version);
    int rc = validate(def, err);
    if (rc != CLAIMS_OK)
        return rc;
    claims__attr a = from_def(def);
    if (put(ctx, &a, def->name.len) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    return CLAIMS_OK;
}

int claims_ctx_attribute(claims_attribute_def *out, const claims_ctx *ctx, const char *name,
                         size_t len)
{
    if (!out || !ctx || (!name && len) ||
        (out->version != 1 && out->version != CLAIMS_ATTRIBUTE_DEF_VERSION))
        return CLAIMS_EINVAL;
    const claims__attr *a = claims__schema_find(ctx, name, len);
    if (!a)
        return CLAIMS_ENOTFOUND;
    if (out->version >= 2) {
        out->match_agree = a->match.agree;
        out->match_compatible = a->match.compatible;
        out->match_conflict = a->match.conflict;
        out->match_absent = a->match.absent;
    }
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

/* Reads the definition v of attribute `key` into d; path is
 * {"attributes", key, field}, for the JSON Pointer of an error. */
static int read_definition(claims_attribute_def *d, const char *key, json_t *v, const char **path,
                           const char *src, claims_error *err)
{
    d->version = CLAIMS_ATTRIBUTE_DEF_VERSION;
    d->name.ptr = key;
    d->name.len = strlen(key);
    if (!json_is_object(v))
        return claims__config_error(err, CLAIMS_ESCHEMA, src, path, 2,
                                    "a definition must be an object");
    json_t *t = json_object_get(v, path[2] = "type");
    if (!t)
        return claims__config_error(err, CLAIMS_ESCHEMA, src, path, 3, "required: the value type");
    if (!json_is_string(t))
        return claims__config_error(err, CLAIMS_ESCHEMA, src, path, 3,
                                    "must be the name of a value type");
    if (claims_type_from_name(&d->type, json_string_value(t), json_string_length(t)) != CLAIMS_OK)
        return claims__config_error(err, CLAIMS_ESCHEMA, src, path, 3,
                                    "unknown value type \"%.40s\"", json_string_value(t));
    json_t *c = json_object_get(v, path[2] = "cardinality");
    const char *cs = json_is_string(c) ? json_string_value(c) : "";
    if (c && strcmp(cs, "single") != 0 && strcmp(cs, "set") != 0)
        return claims__config_error(err, CLAIMS_ESCHEMA, src, path, 3,
                                    "must be \"single\" or \"set\"");
    d->cardinality = strcmp(cs, "set") == 0 ? CLAIMS_SET : CLAIMS_SINGLE;
    json_t *id = json_object_get(v, path[2] = "identifying");
    if (id && !json_is_boolean(id) &&
        !(json_is_integer(id) && json_integer_value(id) >= 0 && json_integer_value(id) <= 2))
        return claims__config_error(err, CLAIMS_ESCHEMA, src, path, 3,
                                    "must be false, true, 0, 1 or 2");
    d->identifying = !id ? 0 : json_is_boolean(id) ? json_is_true(id) : (int)json_integer_value(id);
    /* JSON has no infinities or NaN (jansson refuses numbers that overflow) */
    json_t *tol = json_object_get(v, path[2] = "tolerance");
    if (tol && !(json_is_number(tol) && json_number_value(tol) >= 0.0))
        return claims__config_error(err, CLAIMS_ESCHEMA, src, path, 3, "must be a number >= 0");
    d->tolerance = tol ? json_number_value(tol) : 0.0;
    json_t *ttol = json_object_get(v, path[2] = "time_tolerance");
    if (ttol && !(json_is_number(ttol) && json_number_value(ttol) >= 0.0))
        return claims__config_error(err, CLAIMS_ESCHEMA, src, path, 3,
                                    "must be a number of seconds >= 0");
    d->time_tolerance = ttol ? json_number_value(ttol) : 0.0;
    /* "match": {"agree": 4, "compatible": 2, "conflict": -5} */
    json_t *m = json_object_get(v, path[2] = "match");
    if (m && !json_is_object(m))
        return claims__config_error(err, CLAIMS_ESCHEMA, src, path, 3,
                                    "must be an object {\"agree\", \"compatible\", "
                                    "\"conflict\"}");
    static const char *const LEVELS[] = {"agree", "compatible", "conflict", "absent"};
    double *slot[] = {&d->match_agree, &d->match_compatible, &d->match_conflict, &d->match_absent};
    for (size_t i = 0; m && i < 4; i++) {
        json_t *w = json_object_get(m, LEVELS[i]);
        if (!w && i < 3)
            return claims__config_error(err, CLAIMS_ESCHEMA, src, path, 3,
                                        "required: \"%s\", a number", LEVELS[i]);
        if (w && !json_is_number(w))
            return claims__config_error(err, CLAIMS_ESCHEMA, src, path, 3,
                                        "\"%s\" must be a number", LEVELS[i]);
        *slot[i] = w ? json_number_value(w) : 0.0;
    }
    claims_error e; /* what is left to check: the name, the weights' order */
    claims__error_clear(&e);
    if (validate(d, &e) != CLAIMS_OK) {
        bool weights = m && strncmp(e.text, "match weights", 13) == 0;
        path[2] = weights ? "match" : NULL;
        return claims__config_error(err, CLAIMS_ESCHEMA, src, path, weights ? 3 : 2, "%s", e.text);
    }
    return CLAIMS_OK;
}

/* Puts checked definitions into the schema, all or none: when memory runs
 * out part way, the schema is put back as it was. */
static int apply(claims_ctx *ctx, const claims_attribute_def *defs, size_t n)
{
    size_t count = ctx->attr_count;
    claims__attr *saved = malloc((count ? count : 1) * sizeof *saved);
    if (!saved)
        return CLAIMS_ENOMEM;
    if (count)
        memcpy(saved, ctx->attrs, count * sizeof *saved);
    int rc = CLAIMS_OK;
    for (size_t i = 0; i < n && rc == CLAIMS_OK; i++) {
        claims__attr a = from_def(&defs[i]);
        rc = put(ctx, &a, defs[i].name.len);
    }
    if (rc != CLAIMS_OK) {
        if (count)
            memcpy(ctx->attrs, saved, count * sizeof *saved);
        ctx->attr_count = count;
        /* the index has only grown since it held these names, so putting
         * them back needs no memory and cannot fail */
        claims__strmap_clear(&ctx->attr_index);
        for (size_t i = 0; i < count; i++)
            claims__strmap_put(&ctx->attr_index, ctx->attrs[i].name, strlen(ctx->attrs[i].name), i);
    }
    free(saved);
    return rc;
}

int claims_ctx_load_schema(claims_ctx *ctx, const char *json, size_t len, claims_str name,
                           claims_error *err)
{
    claims__error_clear(err);
    char src[CLAIMS_ERROR_SOURCE_LENGTH];
    claims__config_source(src, name);
    if (!ctx || (!json && len))
        return claims__error_set(err, CLAIMS_EINVAL, src, 0, 0, -1, -1, "%s is NULL",
                                 ctx ? "json" : "ctx");
    json_t *root;
    int rc = claims__config_parse(&root, json, len, src, err);
    if (rc != CLAIMS_OK)
        return rc;
    const char *path[3] = {"attributes", NULL, NULL};
    json_t *attrs = json_is_object(root) ? json_object_get(root, path[0]) : NULL;
    if (!json_is_object(root))
        rc = claims__config_error(err, CLAIMS_ESCHEMA, src, path, 0,
                                  "a schema is an object {\"attributes\": {NAME: {...}}}");
    else if (!attrs)
        rc = claims__config_error(err, CLAIMS_ESCHEMA, src, path, 1,
                                  "required: an object of attribute definitions");
    else if (!json_is_object(attrs))
        rc = claims__config_error(err, CLAIMS_ESCHEMA, src, path, 1,
                                  "must be an object: attribute name -> definition");
    /* Check everything first: a schema loads whole or not at all. */
    claims_attribute_def *defs = NULL;
    size_t n = 0;
    if (rc == CLAIMS_OK && !(defs = calloc(json_object_size(attrs) + 1, sizeof *defs)))
        rc = claims__error_set(err, CLAIMS_ENOMEM, src, 0, 0, -1, -1, "out of memory");
    const char *key;
    json_t *v;
    if (rc == CLAIMS_OK)
        json_object_foreach(attrs, key, v)
        {
            path[1] = key;
            if ((rc = read_definition(&defs[n], key, v, path, src, err)) != CLAIMS_OK)
                break;
            n++;
        }
    /* "match_threshold": the score at which mentions merge */
    const char *tpath[1] = {"match_threshold"};
    json_t *th = rc == CLAIMS_OK ? json_object_get(root, tpath[0]) : NULL;
    if (th && !(json_is_number(th) && json_number_value(th) > 0.0))
        rc = claims__config_error(err, CLAIMS_ESCHEMA, src, tpath, 1, "must be a number > 0");
    if (rc == CLAIMS_OK && (rc = apply(ctx, defs, n)) != CLAIMS_OK)
        claims__error_set(err, rc, src, 0, 0, -1, -1, "out of memory");
    if (rc == CLAIMS_OK && th)
        ctx->match_threshold = json_number_value(th);
    free(defs);
    json_decref(root);
    return rc;
}

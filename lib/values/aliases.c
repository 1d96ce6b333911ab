/*
 * aliases.c - alias tables: other ways to write a canonical name, per value
 * type plus one table for all types ("*").
 *
 * This file makes the keys (folded the way the type's normalizer folds its
 * input) and loads tables from JSON; the table itself is alias_table.c. A
 * load is all or nothing: on any error the entries it added are removed
 * again.
 */
#include "values/values_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ---- keys ------------------------------------------------------------------- */

/* Slot of a type, or -1 when values of that type have no aliases. Author
 * lists use the person table for each of their persons. */
static int type_slot(claims_type type)
{
    switch (type) {
    case CLAIMS_TYPE_PERSONS: return CLAIMS_TYPE_PERSON;
    case CLAIMS_TYPE_TEXT:
    case CLAIMS_TYPE_PERSON:
    case CLAIMS_TYPE_PLACE:
    case CLAIMS_TYPE_ORGANIZATION:
    case CLAIMS_TYPE_TOPIC:
    case CLAIMS_TYPE_OCCASION: return (int)type;
    default: return -1;
    }
}

static int slot_key(claims_buf *out, int slot, const char *s, size_t len, claims_error *err)
{
    if (slot == CLAIMS_TYPE_PERSON)
        return claims__person_key(out, s, len, err);
    return claims__entity_key(out, slot, s, len, err);
}

static int canonical_form(claims_buf *out, int slot, const char *s, size_t len, claims_error *err)
{
    if (slot == CLAIMS_TYPE_PERSON)
        return claims__person_key(out, s, len, err);
    int rc =
        claims__fold(out, s, len, CLAIMS__FOLD_PUNCT | CLAIMS__FOLD_COMMAS | CLAIMS__FOLD_ARTICLE);
    if (rc == CLAIMS_OK && out->len == 0)
        rc = claims__error_simple(err, CLAIMS_ESYNTAX, "canonical name has no letters or digits");
    return rc;
}

static int check_text(const char *s, size_t len, const char *what, claims_error *err)
{
    if (!s && len)
        return claims__error_simple(err, CLAIMS_EINVAL, "%s is NULL", what);
    if (len == 0)
        return claims__error_simple(err, CLAIMS_ESYNTAX, "%s is empty", what);
    if (len > CLAIMS__VALUE_MAX_LENGTH)
        return claims__error_simple(err, CLAIMS_ERANGE, "%s is %zu bytes, more than %d", what, len,
                                    CLAIMS__VALUE_MAX_LENGTH);
    size_t bad = 0;
    if (claims__utf8_check(s, len, &bad) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_ENCODING,
                                    "%s: invalid UTF-8 or NUL byte at byte %zu", what, bad);
    return CLAIMS_OK;
}

/* Adds alias -> canonical to a slot. Adding the same pair twice, or an alias
 * that is the canonical name itself, changes nothing. */
static int add_alias(struct claims_aliases *a, int slot, const char *canonical, size_t clen,
                     const char *alias, size_t alen, bool *bad_canonical, claims_error *err)
{
    *bad_canonical = true;
    int rc = check_text(canonical, clen, "canonical name", err);
    claims_buf key, canon, ckey;
    claims__buf_init(&key);
    claims__buf_init(&canon);
    claims__buf_init(&ckey);
    if (rc == CLAIMS_OK && (rc = canonical_form(&canon, slot, canonical, clen, err)) == CLAIMS_OK &&
        (rc = slot_key(&ckey, slot, canonical, clen, err)) == CLAIMS_OK &&
        !(*bad_canonical = false) && (rc = check_text(alias, alen, "alias", err)) == CLAIMS_OK &&
        (rc = slot_key(&key, slot, alias, alen, err)) == CLAIMS_OK &&
        strcmp(key.data, ckey.data) != 0) {
        const char *old = claims__aliases_lookup(a, slot, key.data, key.len);
        if (!old)
            rc = claims__aliases_push(a, slot, &key, &canon);
        else if (strcmp(old, canon.data) != 0)
            rc = claims__error_simple(err, CLAIMS_EDUPLICATE,
                                      "alias \"%.40s\" already stands for "
                                      "\"%.40s\"",
                                      key.data, old);
        if (rc == CLAIMS_ENOMEM)
            claims__error_simple(err, rc, "out of memory");
    }
    claims__buf_free(&key);
    claims__buf_free(&canon);
    claims__buf_free(&ckey);
    return rc;
}

int claims_ctx_add_alias(claims_ctx *ctx, claims_type type, const char *canonical, size_t clen,
                         const char *alias, size_t alen, claims_error *err)
{
    claims__error_clear(err);
    if (!ctx)
        return claims__error_simple(err, CLAIMS_EINVAL, "context is NULL");
    if ((unsigned)type >= CLAIMS_TYPE_COUNT)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown value type %d", (int)type);
    int slot = type_slot(type);
    if (slot < 0)
        return claims__error_simple(err, CLAIMS_EINVAL, "values of type %s have no aliases",
                                    claims_type_name(type));
    bool bad_canonical;
    return add_alias(ctx->aliases, slot, canonical, clen, alias, alen, &bad_canonical, err);
}

/* ---- JSON ------------------------------------------------------------------ */

/* Where a load is: the member path of the current table, canonical name and
 * alias, for the JSON Pointer of an error. */
typedef struct load_state {
    claims_ctx *ctx;
    char source[CLAIMS_ERROR_SOURCE_LENGTH];
    claims_error *err;
    const char *path[3];
    char index[24]; /* path[2]: the alias's index in its array */
} load_state;

static int load_canonical(load_state *st, int slot, const char *canonical, json_t *list)
{
    st->path[1] = canonical;
    if (!json_is_array(list))
        return claims__config_error(st->err, CLAIMS_ESCHEMA, st->source, st->path, 2,
                                    "the aliases of a canonical name must be an array of "
                                    "strings");
    claims_error e;
    bool bad_canonical;
    if (json_array_size(list) == 0) {
        /* still a canonical name: check it (an alias to itself adds nothing) */
        claims__error_clear(&e);
        int rc = add_alias(st->ctx->aliases, slot, canonical, strlen(canonical), canonical,
                           strlen(canonical), &bad_canonical, &e);
        return rc == CLAIMS_OK
                   ? rc
                   : claims__config_error(st->err, rc, st->source, st->path, 2, "%s", e.text);
    }
    size_t i;
    json_t *item;
    json_array_foreach(list, i, item)
    {
        snprintf(st->index, sizeof st->index, "%zu", i);
        st->path[2] = st->index;
        if (!json_is_string(item))
            return claims__config_error(st->err, CLAIMS_ESCHEMA, st->source, st->path, 3,
                                        "an alias must be a string");
        claims__error_clear(&e);
        int rc = add_alias(st->ctx->aliases, slot, canonical, strlen(canonical),
                           json_string_value(item), json_string_length(item), &bad_canonical, &e);
        /* a canonical name that cannot be a key is the member's fault, not
         * the alias's */
        if (rc != CLAIMS_OK)
            return claims__config_error(st->err, rc, st->source, st->path, bad_canonical ? 2 : 3,
                                        "%s", e.text);
    }
    return CLAIMS_OK;
}

static int load_document(load_state *st, json_t *root)
{
    if (!json_is_object(root))
        return claims__config_error(st->err, CLAIMS_ESCHEMA, st->source, st->path, 0,
                                    "an alias table must be an object keyed by type");
    const char *type_name;
    json_t *table;
    json_object_foreach(root, type_name, table)
    {
        st->path[0] = type_name;
        int slot;
        claims_type t;
        if (strcmp(type_name, "*") == 0)
            slot = CLAIMS__ALIAS_ALL;
        else if (claims_type_from_name(&t, type_name, strlen(type_name)) != CLAIMS_OK)
            return claims__config_error(st->err, CLAIMS_ESCHEMA, st->source, st->path, 1,
                                        "unknown type name");
        else if ((slot = type_slot(t)) < 0)
            return claims__config_error(st->err, CLAIMS_ESCHEMA, st->source, st->path, 1,
                                        "values of type %s have no aliases", claims_type_name(t));
        if (!json_is_object(table))
            return claims__config_error(st->err, CLAIMS_ESCHEMA, st->source, st->path, 1,
                                        "the aliases of a type must be an object: canonical "
                                        "name -> array of aliases");
        const char *canonical;
        json_t *list;
        json_object_foreach(table, canonical, list)
        {
            int rc = load_canonical(st, slot, canonical, list);
            if (rc != CLAIMS_OK)
                return rc;
        }
    }
    return CLAIMS_OK;
}

int claims_ctx_load_aliases(claims_ctx *ctx, const char *json, size_t len, claims_str name,
                            claims_error *err)
{
    claims__error_clear(err);
    load_state st = {ctx, "", err, {NULL, NULL, NULL}, ""};
    claims__config_source(st.source, name);
    if (!ctx || (!json && len))
        return claims__error_set(err, CLAIMS_EINVAL, st.source, 0, 0, -1, -1, "%s is NULL",
                                 ctx ? "json" : "context");
    json_t *root;
    int rc = claims__config_parse(&root, json, len, st.source, err);
    if (rc != CLAIMS_OK)
        return rc;
    size_t mark = claims__aliases_count(ctx->aliases);
    rc = load_document(&st, root);
    json_decref(root);
    if (rc != CLAIMS_OK)
        claims__aliases_truncate(ctx->aliases, mark);
    return rc;
}

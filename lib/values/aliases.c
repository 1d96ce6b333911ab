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
    case CLAIMS_TYPE_TEXT: case CLAIMS_TYPE_PERSON: case CLAIMS_TYPE_PLACE:
    case CLAIMS_TYPE_ORGANIZATION: case CLAIMS_TYPE_TOPIC:
    case CLAIMS_TYPE_OCCASION:
        return (int)type;
    default: return -1;
    }
}

static int slot_key(claims_buf *out, int slot, const char *s, size_t len,
                    claims_error *err)
{
    if (slot == CLAIMS_TYPE_PERSON)
        return claims__person_key(out, s, len, err);
    return claims__entity_key(out, slot, s, len, err);
}

static int canonical_form(claims_buf *out, int slot, const char *s, size_t len,
                          claims_error *err)
{
    if (slot == CLAIMS_TYPE_PERSON)
        return claims__person_key(out, s, len, err);
    int rc = claims__fold(out, s, len,
                          CLAIMS__FOLD_PUNCT | CLAIMS__FOLD_COMMAS |
                              CLAIMS__FOLD_ARTICLE);
    if (rc == CLAIMS_OK && out->len == 0)
        rc = claims__error_simple(err, CLAIMS_ESYNTAX,
                                  "canonical name has no letters or digits");
    return rc;
}

static int check_text(const char *s, size_t len, const char *what,
                      claims_error *err)
{
    if (!s && len)
        return claims__error_simple(err, CLAIMS_EINVAL, "%s is NULL", what);
    if (len == 0)
        return claims__error_simple(err, CLAIMS_ESYNTAX, "%s is empty", what);
    if (len > CLAIMS__VALUE_MAX_LENGTH)
        return claims__error_simple(err, CLAIMS_ERANGE,
                                    "%s is %zu bytes, more than %d", what, len,
                                    CLAIMS__VALUE_MAX_LENGTH);
    size_t bad = 0;
    if (claims__utf8_check(s, len, &bad) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_ENCODING,
                                    "%s: invalid UTF-8 or NUL byte at byte %zu",
                                    what, bad);
    return CLAIMS_OK;
}

/* Adds alias -> canonical to a slot. Adding the same pair twice, or an alias
 * that is the canonical name itself, changes nothing. */
static int add_alias(struct claims_aliases *a, int slot, const char *canonical,
                     size_t clen, const char *alias, size_t alen,
                     bool *bad_canonical, claims_error *err)
{
    *bad_canonical = true;
    int rc = check_text(canonical, clen, "canonical name", err);
    claims_buf key, canon, ckey;
    claims__buf_init(&key);
    claims__buf_init(&canon);
    claims__buf_init(&ckey);
    if (rc == CLAIMS_OK &&
        (rc = canonical_form(&canon, slot, canonical, clen, err)) == CLAIMS_OK &&
        (rc = slot_key(&ckey, slot, canonical, clen, err)) == CLAIMS_OK &&
        !(*bad_canonical = false) &&
        (rc = check_text(alias, alen, "alias", err)) == CLAIMS_OK &&
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

int claims_ctx_add_alias(claims_ctx *ctx, claims_type type,
                         const char *canonical, size_t clen, const char *alias,
                         size_t alen, claims_error *err)
{
    claims__error_clear(err);
    if (!ctx)
        return claims__error_simple(err, CLAIMS_EINVAL, "context is NULL");
    if (!claims_type_name(type))
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown value type %d",
                                    (int)type);
    int slot = type_slot(type);
    if (slot < 0)
        return claims__error_simple(err, CLAIMS_EINVAL,
                                    "values of type %s have no aliases",
                                    claims_type_name(type));
    bool bad_canonical;
    return add_alias(ctx->aliases, slot, canonical, clen, alias, alen,
                     &bad_canonical, err);
}

/* ---- JSON ------------------------------------------------------------------- */

/* jansson drops positions once a document is parsed; a shape error is
 * located by walking the (already validated) text again along the path. */
typedef struct skim {
    const char *s;
    size_t n, i;
} skim;

static void skim_ws(skim *k)
{
    while (k->i < k->n && (k->s[k->i] == ' ' || k->s[k->i] == '\t' ||
                           k->s[k->i] == '\n' || k->s[k->i] == '\r'))
        k->i++;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

static long skim_hex4(skim *k)
{
    if (k->n - k->i < 4)
        return -1;
    long v = 0;
    for (int j = 0; j < 4; j++) {
        int h = hexval(k->s[k->i + (size_t)j]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    k->i += 4;
    return v;
}

/* Reads a string at k->i (after white space), decoded into out when given. */
static bool skim_string(skim *k, claims_buf *out)
{
    skim_ws(k);
    if (k->i >= k->n || k->s[k->i] != '"')
        return false;
    k->i++;
    if (out)
        claims__buf_clear(out);
    while (k->i < k->n && k->s[k->i] != '"') {
        char c = k->s[k->i++];
        if (c != '\\') {
            if (out && claims__buf_putc(out, c) != CLAIMS_OK)
                return false;
            continue;
        }
        if (k->i >= k->n)
            return false;
        char e = k->s[k->i++];
        long cp = e == 'b' ? '\b' : e == 'f' ? '\f' : e == 'n' ? '\n'
                : e == 'r' ? '\r' : e == 't' ? '\t' : e;
        if (e == 'u') {
            cp = skim_hex4(k);
            if (cp >= 0xD800 && cp <= 0xDBFF && k->n - k->i >= 6 &&
                k->s[k->i] == '\\' && k->s[k->i + 1] == 'u') {
                k->i += 2;
                long lo = skim_hex4(k);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (cp < 0)
                return false;
        }
        if (out && claims__buf_put_codepoint(out, (int32_t)cp) != CLAIMS_OK)
            return false;
    }
    if (k->i >= k->n)
        return false;
    k->i++;
    return true;
}

static bool skim_value(skim *k)
{
    skim_ws(k);
    if (k->i >= k->n)
        return false;
    char c = k->s[k->i];
    if (c == '"')
        return skim_string(k, NULL);
    if (c != '{' && c != '[') {
        while (k->i < k->n && !strchr(",}] \t\r\n", k->s[k->i]))
            k->i++;
        return true;
    }
    k->i++;
    for (;;) {
        skim_ws(k);
        if (k->i < k->n && (k->s[k->i] == '}' || k->s[k->i] == ']')) {
            k->i++;
            return true;
        }
        if (c == '{') {
            if (!skim_string(k, NULL))
                return false;
            skim_ws(k);
            if (k->i >= k->n || k->s[k->i] != ':')
                return false;
            k->i++;
        }
        if (!skim_value(k))
            return false;
        skim_ws(k);
        if (k->i < k->n && k->s[k->i] == ',')
            k->i++;
    }
}

/* Moves k to the member `key` of the object at k: to its key when at_key,
 * else to its value. */
static bool skim_member(skim *k, const char *key, bool at_key)
{
    skim_ws(k);
    if (k->i >= k->n || k->s[k->i] != '{')
        return false;
    k->i++;
    claims_buf name;
    claims__buf_init(&name);
    bool found = false;
    for (;;) {
        skim_ws(k);
        size_t key_at = k->i;
        if (!skim_string(k, &name))
            break;
        skim_ws(k);
        if (k->i >= k->n || k->s[k->i] != ':')
            break;
        k->i++;
        skim_ws(k);
        if (strcmp(name.data ? name.data : "", key) == 0) {
            if (at_key)
                k->i = key_at;
            found = true;
            break;
        }
        if (!skim_value(k))
            break;
        skim_ws(k);
        if (k->i < k->n && k->s[k->i] == ',')
            k->i++;
    }
    claims__buf_free(&name);
    return found;
}

static bool skim_element(skim *k, size_t index)
{
    skim_ws(k);
    if (k->i >= k->n || k->s[k->i] != '[')
        return false;
    k->i++;
    for (size_t e = 0; e < index; e++) {
        if (!skim_value(k))
            return false;
        skim_ws(k);
        if (k->i >= k->n || k->s[k->i] != ',')
            return false;
        k->i++;
    }
    skim_ws(k);
    return true;
}

/* Where a JSON error is: a path of up to two member names then, when
 * index >= 0, an array element. at_key points at the last member's name. */
typedef struct json_path {
    const char *type, *canonical;
    long index;
    bool at_key;
} json_path;

static void locate(const char *json, size_t len, json_path p, int *line,
                   int *column)
{
    skim k = {json, len, 0};
    skim_ws(&k);
    bool ok = true;
    if (p.type)
        ok = skim_member(&k, p.type, p.at_key && !p.canonical);
    if (ok && p.canonical)
        ok = skim_member(&k, p.canonical, p.at_key && p.index < 0);
    if (ok && p.index >= 0)
        skim_element(&k, (size_t)p.index);
    size_t at = k.i < len ? k.i : len;
    *line = 1;
    size_t start = 0;
    for (size_t i = 0; i < at; i++)
        if (json[i] == '\n') {
            (*line)++;
            start = i + 1;
        }
    *column = (int)claims__utf8_length(json + start, at - start) + 1;
}

typedef struct load_state {
    claims_ctx *ctx;
    const char *json;
    size_t len;
    char source[CLAIMS_ERROR_SOURCE_LENGTH];
    claims_error *err;
} load_state;

static int load_error(load_state *st, json_path p, int code, const char *text)
{
    int line, column;
    locate(st->json, st->len, p, &line, &column);
    return claims__error_set(st->err, code, st->source, line, column, -1, -1,
                             "%s", text);
}

static int load_canonical(load_state *st, int slot, const char *type_name,
                          const char *canonical, json_t *list)
{
    json_path p = {type_name, canonical, -1, false};
    if (!json_is_array(list))
        return load_error(st, p, CLAIMS_ESCHEMA,
                          "the aliases of a canonical name must be an array "
                          "of strings");
    if (json_array_size(list) == 0) {
        /* still a canonical name: check it (an alias to itself adds nothing) */
        bool bad_canonical;
        claims_error e;
        claims__error_clear(&e);
        p.at_key = true;
        int rc = add_alias(st->ctx->aliases, slot, canonical, strlen(canonical),
                           canonical, strlen(canonical), &bad_canonical, &e);
        return rc == CLAIMS_OK ? rc : load_error(st, p, rc, e.text);
    }
    size_t i;
    json_t *item;
    json_array_foreach(list, i, item) {
        p.index = (long)i;
        if (!json_is_string(item))
            return load_error(st, p, CLAIMS_ESCHEMA, "an alias must be a string");
        claims_error e;
        claims__error_clear(&e);
        bool bad_canonical;
        int rc = add_alias(st->ctx->aliases, slot, canonical, strlen(canonical),
                           json_string_value(item), json_string_length(item),
                           &bad_canonical, &e);
        if (rc != CLAIMS_OK) {
            /* a canonical name that cannot be a key points at its key */
            if (bad_canonical) {
                p.index = -1;
                p.at_key = true;
            }
            return load_error(st, p, rc, e.text);
        }
    }
    return CLAIMS_OK;
}

static int load_document(load_state *st, json_t *root)
{
    json_path p = {NULL, NULL, -1, false};
    if (!json_is_object(root))
        return load_error(st, p, CLAIMS_ESCHEMA,
                          "an alias table must be an object keyed by type");
    const char *type_name;
    json_t *table;
    json_object_foreach(root, type_name, table) {
        p = (json_path){type_name, NULL, -1, true};
        int slot;
        claims_type t;
        char msg[CLAIMS_ERROR_TEXT_LENGTH];
        if (strcmp(type_name, "*") == 0) {
            slot = CLAIMS__ALIAS_ALL;
        } else if (claims_type_from_name(&t, type_name, strlen(type_name)) !=
                   CLAIMS_OK) {
            snprintf(msg, sizeof msg, "unknown type name \"%.60s\"", type_name);
            return load_error(st, p, CLAIMS_ESCHEMA, msg);
        } else if ((slot = type_slot(t)) < 0) {
            snprintf(msg, sizeof msg, "values of type %s have no aliases",
                     claims_type_name(t));
            return load_error(st, p, CLAIMS_ESCHEMA, msg);
        }
        p.at_key = false;
        if (!json_is_object(table))
            return load_error(st, p, CLAIMS_ESCHEMA,
                              "the aliases of a type must be an object: "
                              "canonical name -> array of aliases");
        const char *canonical;
        json_t *list;
        json_object_foreach(table, canonical, list) {
            int rc = load_canonical(st, slot, type_name, canonical, list);
            if (rc != CLAIMS_OK)
                return rc;
        }
    }
    return CLAIMS_OK;
}

int claims_ctx_load_aliases(claims_ctx *ctx, const char *json, size_t len,
                            claims_str name, claims_error *err)
{
    claims__error_clear(err);
    load_state st = {ctx, json, len, "", err};
    if (name.ptr) {
        size_t n = (size_t)claims__clip(name.ptr, name.len,
                                        sizeof st.source - 1);
        memcpy(st.source, name.ptr, n);
        st.source[n] = '\0';
    } else {
        strcpy(st.source, "<buffer>");
    }
    if (!ctx || (!json && len))
        return claims__error_set(err, CLAIMS_EINVAL, st.source, 0, 0, -1, -1,
                                 "%s is NULL", ctx ? "json" : "context");
    json_error_t jerr;
    json_t *root = json_loadb(json ? json : "", len, JSON_REJECT_DUPLICATES,
                              &jerr);
    if (!root)
        return claims__error_set(err, CLAIMS_ESYNTAX, st.source,
                                 jerr.line > 0 ? jerr.line : 0,
                                 jerr.column > 0 ? jerr.column : 0, -1, -1,
                                 "%s", jerr.text);
    size_t mark = claims__aliases_count(ctx->aliases);
    int rc = load_document(&st, root);
    json_decref(root);
    if (rc != CLAIMS_OK)
        claims__aliases_truncate(ctx->aliases, mark);
    return rc;
}

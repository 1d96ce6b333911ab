/* loader_json.c - claims documents in JSON and JSON Lines (docs/format.md).
 *
 * jansson parses; it keeps no positions, so a light scan of the same text
 * records where each document, subject and claim starts, which is what the
 * diagnostics and claims_claim_info.line/column report. Invalid UTF-8 would
 * make jansson reject the whole input, so offending bytes are first replaced
 * by '?' in a copy and remembered: the claim that contains one is rejected
 * with CLAIMS_ENCODING and everything around it still loads. */
#include "claims_private.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ---- positions -------------------------------------------------------------- */

typedef struct span {
    size_t off, end; /* byte range in the input */
    int line, column;
} span;

typedef struct scanner {
    const char *s;
    size_t i, n;
    int line, column;
} scanner;

static void adv(scanner *sc)
{
    unsigned char b = (unsigned char)sc->s[sc->i++];
    if (b == '\n') {
        sc->line++;
        sc->column = 1;
    } else if ((b & 0xC0) != 0x80) {
        sc->column++;
    }
}

static void skip_ws(scanner *sc)
{
    while (sc->i < sc->n) {
        char c = sc->s[sc->i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        adv(sc);
    }
}

static void skip_string(scanner *sc)
{
    adv(sc); /* opening quote */
    while (sc->i < sc->n) {
        char c = sc->s[sc->i];
        adv(sc);
        if (c == '\\' && sc->i < sc->n)
            adv(sc);
        else if (c == '"')
            break;
    }
}

/* Skips one value; the text was accepted by jansson, so it is balanced. */
static void skip_value(scanner *sc)
{
    skip_ws(sc);
    if (sc->i >= sc->n)
        return;
    char c = sc->s[sc->i];
    if (c == '"') {
        skip_string(sc);
    } else if (c == '{' || c == '[') {
        int depth = 0;
        while (sc->i < sc->n) {
            c = sc->s[sc->i];
            if (c == '"') {
                skip_string(sc);
                continue;
            }
            adv(sc);
            if (c == '{' || c == '[')
                depth++;
            else if ((c == '}' || c == ']') && --depth == 0)
                break;
        }
    } else {
        while (sc->i < sc->n) {
            c = sc->s[sc->i];
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' ||
                c == '\n' || c == '\r')
                break;
            adv(sc);
        }
    }
}

static span here(const scanner *sc)
{
    span sp = {sc->i, sc->i, sc->line, sc->column};
    return sp;
}

/* Container walking: *_open consumes the bracket, *_next stops before the
 * next element (or member value) and returns false at the closing bracket. */
static bool container_open(scanner *sc, char open)
{
    skip_ws(sc);
    if (sc->i >= sc->n || sc->s[sc->i] != open)
        return false;
    adv(sc);
    return true;
}

static bool container_next(scanner *sc, char close, bool *first)
{
    skip_ws(sc);
    if (sc->i >= sc->n || sc->s[sc->i] == close) {
        if (sc->i < sc->n)
            adv(sc);
        return false;
    }
    if (!*first && sc->s[sc->i] == ',') {
        adv(sc);
        skip_ws(sc);
    }
    *first = false;
    return true;
}

/* Reads a member key (raw, without quotes) and the colon. */
static void member_key(scanner *sc, const char **key, size_t *klen)
{
    size_t start = sc->i + 1;
    skip_string(sc);
    *key = sc->s + start;
    *klen = sc->i - start - 1;
    skip_ws(sc);
    if (sc->i < sc->n && sc->s[sc->i] == ':')
        adv(sc);
    skip_ws(sc);
}

static bool key_is(const char *k, size_t klen, const char *name)
{
    return strlen(name) == klen && memcmp(k, name, klen) == 0;
}

/* Span of the value of member `name` in the object at `obj`. */
static bool find_member(const char *data, size_t len, span obj,
                        const char *name, span *out)
{
    scanner sc = {data, obj.off, len, obj.line, obj.column};
    if (!container_open(&sc, '{'))
        return false;
    bool first = true;
    while (container_next(&sc, '}', &first)) {
        const char *k;
        size_t kl;
        member_key(&sc, &k, &kl);
        span v = here(&sc);
        skip_value(&sc);
        v.end = sc.i;
        if (key_is(k, kl, name)) {
            *out = v;
            return true;
        }
    }
    return false;
}

typedef struct spans {
    span *items;
    size_t count, cap;
} spans;

/* Records the elements of the array value at the scanner. */
static int scan_array(scanner *sc, spans *out)
{
    out->count = 0;
    if (!container_open(sc, '[')) {
        skip_value(sc);
        return CLAIMS_OK;
    }
    bool first = true;
    while (container_next(sc, ']', &first)) {
        if (claims__grow((void **)&out->items, &out->cap, out->count + 1,
                         sizeof *out->items) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
        span sp = here(sc);
        skip_value(sc);
        sp.end = sc->i;
        out->items[out->count++] = sp;
    }
    return CLAIMS_OK;
}

/* ---- one document --------------------------------------------------------------- */

typedef struct doc_ctx {
    claims__load *L;
    const char *data; /* the (possibly repaired) input */
    size_t len;
    long index;       /* document index in this input */
    span doc, source;
    spans subjects, claims;
    const size_t *bad; /* offsets of replaced invalid bytes, sorted */
    size_t bad_count;
} doc_ctx;

static void scan_document(doc_ctx *D, scanner *sc)
{
    D->doc = here(sc);
    D->source = D->doc;
    D->subjects.count = 0;
    D->claims.count = 0;
    if (container_open(sc, '{')) {
        bool first = true;
        while (container_next(sc, '}', &first)) {
            const char *k;
            size_t kl;
            member_key(sc, &k, &kl);
            if (key_is(k, kl, "claims")) {
                scan_array(sc, &D->claims);
            } else if (key_is(k, kl, "subjects")) {
                scan_array(sc, &D->subjects);
            } else {
                span v = here(sc);
                skip_value(sc);
                v.end = sc->i;
                if (key_is(k, kl, "source"))
                    D->source = v;
            }
        }
    } else {
        skip_value(sc);
    }
    D->doc.end = sc->i;
}

/* First replaced byte inside [sp.off, sp.end), or -1. */
static long bad_byte_in(const doc_ctx *D, span sp)
{
    for (size_t i = 0; i < D->bad_count; i++)
        if (D->bad[i] >= sp.off && D->bad[i] < sp.end)
            return (long)D->bad[i];
    return -1;
}

/* Records an error at `sp`, or at member `field` of the object at `sp`. */
static void report(doc_ctx *D, int code, span sp, const char *field,
                   long claim, const char *fmt, ...) CLAIMS__PRINTF(6, 7);
static void report(doc_ctx *D, int code, span sp, const char *field,
                   long claim, const char *fmt, ...)
{
    span at = sp;
    if (field)
        find_member(D->data, D->len, sp, field, &at);
    claims_error e;
    claims__error_clear(&e);
    e.code = code;
    e.line = at.line;
    e.column = at.column;
    e.document = D->index;
    e.claim = claim;
    snprintf(e.source, sizeof e.source, "%s", D->L->name);
    char msg[CLAIMS_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (claim >= 0)
        snprintf(e.text, sizeof e.text, "claim %ld: %s", claim, msg);
    else
        snprintf(e.text, sizeof e.text, "%s", msg);
    claims__load_report(D->L, &e);
}

static void report_bad_byte(doc_ctx *D, long off, long claim, const char *what)
{
    span at;
    at.off = at.end = (size_t)off;
    claims__text_position(D->data, (size_t)off, &at.line, &at.column);
    report(D, CLAIMS_ENCODING, at, NULL, claim, "invalid UTF-8 in %s", what);
}

/* Optional string member: CLAIMS_OK (absent leaves out->ptr NULL) or
 * CLAIMS_ESCHEMA when present with another JSON type (null counts as absent). */
static int get_str(json_t *obj, const char *key, claims_str *out)
{
    json_t *v = json_object_get(obj, key);
    out->ptr = NULL;
    out->len = 0;
    if (!v || json_is_null(v))
        return CLAIMS_OK;
    if (!json_is_string(v))
        return CLAIMS_ESCHEMA;
    out->ptr = json_string_value(v);
    out->len = json_string_length(v);
    return CLAIMS_OK;
}

static const char *json_type_name(const json_t *v)
{
    if (!v)
        return "missing";
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

/* Position for store adders: the start of the item. */
static claims__pos pos_of(const doc_ctx *D, span sp, long claim)
{
    claims__pos p;
    p.source = D->L->name;
    p.line = sp.line;
    p.column = sp.column;
    p.document = D->index;
    p.claim = claim;
    p.max_field = D->L->opts->max_field_length;
    return p;
}

static bool load_source(doc_ctx *D, json_t *doc, size_t *source)
{
    json_t *fmt = json_object_get(doc, "format");
    if (fmt && !(json_is_string(fmt) && strcmp(json_string_value(fmt), "claims/1") == 0)) {
        report(D, CLAIMS_ESCHEMA, D->doc, "format", -1,
               "unsupported format (expected \"claims/1\")");
        return false;
    }
    json_t *src = json_object_get(doc, "source");
    if (!json_is_object(src)) {
        report(D, CLAIMS_ESCHEMA, D->doc, src ? "source" : NULL, -1,
               src ? "\"source\" must be an object" : "\"source\" is missing");
        return false;
    }
    long bad = bad_byte_in(D, D->source);
    if (bad >= 0) {
        report_bad_byte(D, bad, -1, "the source");
        return false;
    }
    static const char *const fields[] = {"id", "outlet", "title", "author",
                                         "published", "url", "language"};
    claims_source_desc d;
    memset(&d, 0, sizeof d);
    d.version = CLAIMS_SOURCE_DESC_VERSION;
    claims_str *slots[] = {&d.id, &d.outlet, &d.title, &d.author,
                           &d.published, &d.url, &d.language};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (get_str(src, fields[i], slots[i]) != CLAIMS_OK) {
            report(D, CLAIMS_ESCHEMA, D->source, fields[i], -1,
                   "source.%s must be a string", fields[i]);
            return false;
        }
    }
    if (!d.published.ptr)
        d.published = D->L->opts->default_published;
    claims__pos pos = pos_of(D, D->source, -1);
    claims_error e;
    claims__error_clear(&e);
    if (claims__store_add_source(D->L->store, source, &d, D->L->name, false,
                                 &pos, &e) != CLAIMS_OK) {
        claims__load_report(D->L, &e);
        return false;
    }
    json_t *text = json_object_get(src, "text");
    if (text) {
        span tsp = D->source;
        find_member(D->data, D->len, D->source, "text", &tsp);
        json_t *chars = json_object_get(text, "characters");
        claims_str file = {NULL, 0};
        if (!json_is_object(text) || get_str(text, "file", &file) != CLAIMS_OK ||
            (chars && (!json_is_integer(chars) || json_integer_value(chars) < 0 ||
                       json_integer_value(chars) > 0x7fffffff))) {
            report(D, CLAIMS_ESCHEMA, tsp, NULL, -1,
                   "source.text must be {\"file\": string, \"characters\": "
                   "non-negative integer}");
            return false;
        }
        long n = chars ? (long)json_integer_value(chars) : -1;
        claims__error_clear(&e);
        if (claims__store_set_text(D->L->store, *source, file, n, &pos, &e) !=
            CLAIMS_OK) {
            claims__load_report(D->L, &e);
            return false;
        }
    }
    return true;
}

static bool load_subject(doc_ctx *D, size_t source, json_t *s, size_t i)
{
    span sp = D->subjects.items[i];
    long bad = bad_byte_in(D, sp);
    if (bad >= 0) {
        report_bad_byte(D, bad, -1, "a subject");
        return false;
    }
    if (!json_is_object(s)) {
        report(D, CLAIMS_ESCHEMA, sp, NULL, -1, "subject %zu is %s, not an object",
               i, json_type_name(s));
        return false;
    }
    claims_subject_desc d;
    d.version = CLAIMS_SUBJECT_DESC_VERSION;
    static const char *const fields[] = {"id", "type", "label"};
    claims_str *slots[] = {&d.id, &d.type, &d.label};
    for (size_t k = 0; k < 3; k++) {
        if (get_str(s, fields[k], slots[k]) != CLAIMS_OK) {
            report(D, CLAIMS_ESCHEMA, sp, fields[k], -1,
                   "subject %zu: %s must be a string", i, fields[k]);
            return false;
        }
    }
    claims__pos pos = pos_of(D, sp, -1);
    claims_error e;
    claims__error_clear(&e);
    if (claims__store_add_subject(D->L->store, NULL, source, &d, &pos, &e) !=
        CLAIMS_OK) {
        claims__load_report(D->L, &e);
        return false;
    }
    return true;
}

static int enum_index(const char *s, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

#define MAX_ATTRIBUTION 64

static bool load_claim(doc_ctx *D, size_t source, json_t *c, size_t i)
{
    span sp = D->claims.items[i];
    long ci = (long)i;
    long bad = bad_byte_in(D, sp);
    if (bad >= 0) {
        report_bad_byte(D, bad, ci, "the claim");
        return false;
    }
    if (!json_is_object(c)) {
        report(D, CLAIMS_ESCHEMA, sp, NULL, ci, "%s, not an object",
               json_type_name(c));
        return false;
    }
    claims_claim_desc d;
    memset(&d, 0, sizeof d);
    d.version = CLAIMS_CLAIM_DESC_VERSION;
    d.quote_offset = -1;
    d.quote_length = -1;
    static const char *const fields[] = {"id", "subject", "attribute", "type"};
    claims_str *slots[] = {&d.id, &d.subject, &d.attribute, &d.value_type};
    for (size_t k = 0; k < 4; k++) {
        if (get_str(c, fields[k], slots[k]) != CLAIMS_OK) {
            report(D, CLAIMS_ESCHEMA, sp, fields[k], ci, "%s must be a string",
                   fields[k]);
            return false;
        }
    }
    /* value: a string, or a number/boolean kept as written */
    json_t *v = json_object_get(c, "value");
    if (json_is_string(v)) {
        d.value.ptr = json_string_value(v);
        d.value.len = json_string_length(v);
    } else if (json_is_number(v) || json_is_boolean(v)) {
        span vs;
        if (find_member(D->data, D->len, sp, "value", &vs)) {
            d.value.ptr = D->data + vs.off;
            d.value.len = vs.end - vs.off;
        }
    } else if (v && !json_is_null(v)) {
        report(D, CLAIMS_ESCHEMA, sp, "value", ci,
               "value must be a string, number or boolean, not %s",
               json_type_name(v));
        return false;
    }
    const char *missing = !d.subject.ptr ? "subject"
                          : !d.attribute.ptr ? "attribute"
                          : !d.value.ptr ? "value" : NULL;
    if (missing) {
        report(D, CLAIMS_ESCHEMA, sp, NULL, ci, "required field \"%s\" is missing",
               missing);
        return false;
    }
    /* attribution chain */
    claims_str chain[MAX_ATTRIBUTION];
    json_t *a = json_object_get(c, "attribution");
    if (a && !json_is_null(a)) {
        if (!json_is_array(a)) {
            report(D, CLAIMS_ESCHEMA, sp, "attribution", ci,
                   "attribution must be an array of strings");
            return false;
        }
        if (json_array_size(a) > MAX_ATTRIBUTION) {
            report(D, CLAIMS_ERANGE, sp, "attribution", ci,
                   "attribution chain longer than %d", MAX_ATTRIBUTION);
            return false;
        }
        for (size_t k = 0; k < json_array_size(a); k++) {
            json_t *el = json_array_get(a, k);
            if (!json_is_string(el)) {
                report(D, CLAIMS_ESCHEMA, sp, "attribution", ci,
                       "attribution[%zu] is %s, not a string", k,
                       json_type_name(el));
                return false;
            }
            chain[k].ptr = json_string_value(el);
            chain[k].len = json_string_length(el);
        }
        d.attribution = chain;
        d.attribution_count = json_array_size(a);
    }
    /* quote */
    json_t *q = json_object_get(c, "quote");
    if (q && !json_is_null(q)) {
        if (!json_is_object(q)) {
            report(D, CLAIMS_ESCHEMA, sp, "quote", ci,
                   "quote must be an object {text, offset, length}");
            return false;
        }
        const char *k;
        json_t *qv;
        json_object_foreach(q, k, qv) {
            if (strcmp(k, "text") && strcmp(k, "offset") && strcmp(k, "length")) {
                report(D, CLAIMS_ESCHEMA, sp, "quote", ci,
                       "quote has unknown field \"%.40s\"", k);
                return false;
            }
        }
        if (get_str(q, "text", &d.quote) != CLAIMS_OK || !d.quote.ptr) {
            report(D, CLAIMS_ESCHEMA, sp, "quote", ci,
                   "quote.text is required and must be a string");
            return false;
        }
        static const char *const nums[] = {"offset", "length"};
        long *dst[] = {&d.quote_offset, &d.quote_length};
        for (size_t n = 0; n < 2; n++) {
            json_t *num = json_object_get(q, nums[n]);
            if (!num || json_is_null(num))
                continue;
            if (!json_is_integer(num)) {
                report(D, CLAIMS_ESCHEMA, sp, "quote", ci,
                       "quote.%s must be an integer", nums[n]);
                return false;
            }
            json_int_t x = json_integer_value(num);
            if (x < 0 || x > 0x7fffffff) {
                report(D, CLAIMS_ERANGE, sp, "quote", ci,
                       "quote.%s %" JSON_INTEGER_FORMAT " is out of range",
                       nums[n], x);
                return false;
            }
            *dst[n] = (long)x;
        }
    }
    /* polarity and certainty */
    static const char *const polarities[] = {"affirmed", "negated"};
    static const char *const certainties[] = {"certain", "probable", "possible",
                                              "unknown"};
    claims_str ps, cs;
    if (get_str(c, "polarity", &ps) != CLAIMS_OK ||
        get_str(c, "certainty", &cs) != CLAIMS_OK) {
        report(D, CLAIMS_ESCHEMA, sp, ps.ptr ? "certainty" : "polarity", ci,
               "polarity and certainty must be strings");
        return false;
    }
    if (ps.ptr) {
        int p = enum_index(ps.ptr, polarities, 2);
        if (p < 0) {
            report(D, CLAIMS_ESCHEMA, sp, "polarity", ci,
                   "polarity \"%.30s\" is not affirmed or negated", ps.ptr);
            return false;
        }
        d.polarity = (claims_polarity)p;
    }
    if (cs.ptr) {
        int p = enum_index(cs.ptr, certainties, 4);
        if (p < 0) {
            report(D, CLAIMS_ESCHEMA, sp, "certainty", ci,
                   "certainty \"%.30s\" is not certain, probable, possible or "
                   "unknown", cs.ptr);
            return false;
        }
        d.certainty = (claims_certainty)p;
    }
    claims__pos pos = pos_of(D, sp, ci);
    claims_error e;
    claims__error_clear(&e);
    if (claims__store_add_claim(D->L->store, NULL, source, &d, &pos, &e) !=
        CLAIMS_OK) {
        claims__load_report(D->L, &e);
        return false;
    }
    return true;
}

static void load_document(doc_ctx *D, json_t *doc)
{
    claims__load *L = D->L;
    claims_load_summary *sum = &L->summary;
    json_t *claims = json_is_object(doc) ? json_object_get(doc, "claims") : NULL;
    size_t n = json_is_array(claims) ? json_array_size(claims) : 0;
    sum->documents_read++;
    sum->claims_read += n;
    size_t errors_before = sum->errors;

    if (!json_is_object(doc)) {
        report(D, CLAIMS_ESCHEMA, D->doc, NULL, -1,
               "document %ld is %s, not an object", D->index,
               json_type_name(doc));
        sum->documents_rejected++;
        return;
    }
    claims__store_mark mark;
    claims__store_mark_get(L->store, CLAIMS_ALL, &mark);
    size_t source;
    if (!load_source(D, doc, &source)) {
        sum->documents_rejected++;
        sum->claims_rejected += n;
        return;
    }
    if (claims && !json_is_array(claims))
        report(D, CLAIMS_ESCHEMA, D->doc, "claims", -1,
               "\"claims\" must be an array");
    json_t *subjects = json_object_get(doc, "subjects");
    if (subjects && !json_is_array(subjects))
        report(D, CLAIMS_ESCHEMA, D->doc, "subjects", -1,
               "\"subjects\" must be an array");
    for (size_t i = 0; json_is_array(subjects) && i < json_array_size(subjects) &&
                       i < D->subjects.count;
         i++)
        load_subject(D, source, json_array_get(subjects, i), i);
    size_t loaded = 0;
    for (size_t i = 0; i < n && i < D->claims.count; i++)
        loaded += load_claim(D, source, json_array_get(claims, i), i);

    bool strict = (L->opts->flags & CLAIMS_LOAD_STRICT) != 0;
    if (strict && sum->errors > errors_before) {
        claims__store_rollback(L->store, &mark);
        sum->documents_rejected++;
        sum->claims_rejected += n;
        return;
    }
    sum->documents_loaded++;
    sum->claims_loaded += loaded;
    sum->claims_rejected += n - loaded;
}

/* ---- inputs ------------------------------------------------------------------ */

/* jansson flags: \u0000 is let through so the store can report it against
 * its claim; duplicate keys are ambiguous and rejected. */
#define PARSE_FLAGS (JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES)

static void report_syntax(claims__load *L, const json_error_t *je, int line0,
                          long document)
{
    claims_error e;
    claims__error_clear(&e);
    e.code = CLAIMS_ESYNTAX;
    e.line = je->line > 0 ? line0 + je->line - 1 : line0;
    e.column = je->column > 0 ? je->column : 0;
    e.document = document;
    snprintf(e.source, sizeof e.source, "%s", L->name);
    snprintf(e.text, sizeof e.text, "malformed JSON: %s", je->text);
    claims__load_report(L, &e);
}

static int load_lines(doc_ctx *D)
{
    claims__load *L = D->L;
    size_t pos = 0;
    int line = 1;
    long index = 0;
    while (pos < D->len) {
        const char *nl = memchr(D->data + pos, '\n', D->len - pos);
        size_t end = nl ? (size_t)(nl - D->data) : D->len;
        size_t stop = end;
        if (stop > pos && D->data[stop - 1] == '\r')
            stop--;
        size_t k = pos;
        while (k < stop && (D->data[k] == ' ' || D->data[k] == '\t'))
            k++;
        if (k < stop) { /* blank lines are allowed */
            json_error_t je;
            json_t *doc = json_loadb(D->data + pos, stop - pos, PARSE_FLAGS, &je);
            D->index = index++;
            if (!doc) {
                L->summary.documents_read++;
                L->summary.documents_rejected++;
                report_syntax(L, &je, line, D->index);
            } else {
                scanner sc = {D->data, pos, stop, line, 1};
                scan_document(D, &sc);
                load_document(D, doc);
                json_decref(doc);
            }
        }
        pos = end + 1;
        line++;
        if (claims__load_progress(L, pos < D->len ? pos : D->len, D->len) != CLAIMS_OK)
            return CLAIMS_ECANCELED;
    }
    return CLAIMS_OK;
}

static int load_whole(doc_ctx *D)
{
    claims__load *L = D->L;
    json_error_t je;
    json_t *root = json_loadb(D->data, D->len, PARSE_FLAGS, &je);
    if (!root) {
        report_syntax(L, &je, 1, -1);
        return CLAIMS_ESYNTAX;
    }
    scanner sc = {D->data, 0, D->len, 1, 1};
    if (json_is_array(root)) {
        spans docs = {NULL, 0, 0};
        if (scan_array(&sc, &docs) != CLAIMS_OK) {
            json_decref(root);
            free(docs.items);
            return CLAIMS_ENOMEM;
        }
        for (size_t i = 0; i < json_array_size(root) && i < docs.count; i++) {
            scanner ds = {D->data, docs.items[i].off, D->len, docs.items[i].line,
                          docs.items[i].column};
            D->index = (long)i;
            scan_document(D, &ds);
            load_document(D, json_array_get(root, i));
            if (claims__load_progress(L, docs.items[i].end, D->len) != CLAIMS_OK)
                break;
        }
        free(docs.items);
    } else {
        D->index = 0;
        scan_document(D, &sc);
        load_document(D, root);
    }
    json_decref(root);
    return CLAIMS_OK;
}

int claims__load_json(claims__load *L, const char *data, size_t len, bool lines)
{
    doc_ctx D;
    memset(&D, 0, sizeof D);
    D.L = L;
    D.data = data;
    D.len = len;

    /* Find invalid UTF-8 (and raw NUL) bytes; repair a copy if any. */
    size_t *bad = NULL, bad_count = 0, bad_cap = 0;
    char *copy = NULL;
    size_t at = 0, off;
    while (at < len && claims__utf8_check(data + at, len - at, &off) != CLAIMS_OK) {
        if (claims__grow((void **)&bad, &bad_cap, bad_count + 1, sizeof *bad) !=
            CLAIMS_OK) {
            free(bad);
            return claims__error_simple(L->err, CLAIMS_ENOMEM, "out of memory");
        }
        bad[bad_count++] = at + off;
        at += off + 1;
    }
    if (bad_count) {
        copy = malloc(len ? len : 1);
        if (!copy) {
            free(bad);
            return claims__error_simple(L->err, CLAIMS_ENOMEM, "out of memory");
        }
        memcpy(copy, data, len);
        for (size_t i = 0; i < bad_count; i++)
            copy[bad[i]] = '?';
        D.data = copy;
    }
    D.bad = bad;
    D.bad_count = bad_count;

    int rc = lines ? load_lines(&D) : load_whole(&D);

    free(D.subjects.items);
    free(D.claims.items);
    free(copy);
    free(bad);
    return rc;
}

/* loader_json.c - claims documents in JSON and JSON Lines (docs/format.md).
 *
 * Two phases. Staging reads the text once with the position-aware reader
 * (json_reader.c) and keeps, per document, what the store needs: the JSON
 * type of every member the format defines and, for strings and scalars, a
 * number standing for their text, plus where each item (document, source,
 * subject, claim) starts and its first byte that is not UTF-8. Nothing is
 * built for what the format ignores. Applying then adds the staged
 * documents to the store in input order, checking them in the order the
 * format prescribes, so every diagnostic and every store index is what one
 * pass over the documents gives. A diagnostic about one member re-reads its
 * item from the item's start to find the member: that costs on the error
 * path only.
 *
 * Staging reads nothing shared but the store's interner, so batches of
 * JSON Lines are staged on several threads (loader_lines.c). A batch keeps
 * each distinct string once (its local strings) with what staging learnt of
 * it (UTF-8 validity, NUL bytes, characters, the store's copy if the store
 * has it); applying interns the others at their first use, in input order,
 * and resolves a claim's subject through the local strings of its document
 * instead of a lookup in the store. A JSON input (one document or an array)
 * is one value: it is staged whole, and nothing of it is loaded when it is
 * malformed. */
#include "store/loader_json.h"
#include "store/json_reader.h"
#include "store/load.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX
#define MAX_ATTRIBUTION 64

/* ---- staged documents ----------------------------------------------------------- */

/* JSON types as the format's messages name them. */
enum { V_ABSENT, V_NULL, V_BOOL, V_INTEGER, V_REAL, V_STRING, V_ARRAY, V_OBJECT };

static const char *type_name(int type)
{
    static const char *const names[] = {"missing",  "null",     "a boolean", "an integer",
                                        "a number", "a string", "an array",  "an object"};
    return names[type];
}

static int type_of(const claims__json_token *t)
{
    switch (t->kind) {
    case CLAIMS__JSON_OBJECT: return V_OBJECT;
    case CLAIMS__JSON_ARRAY: return V_ARRAY;
    case CLAIMS__JSON_STRING: return V_STRING;
    case CLAIMS__JSON_NUMBER: return t->integer ? V_INTEGER : V_REAL;
    case CLAIMS__JSON_TRUE:
    case CLAIMS__JSON_FALSE: return V_BOOL;
    default: return V_NULL;
    }
}

/* A member value: its type and, for strings and scalars, its text (numbers
 * and booleans as written): an occurrence while staging, then the local
 * string (relink()). All zero: absent. */
typedef struct sval {
    size_t str; /* meaningful when has_text() */
    int type;
} sval;

static bool has_text(sval v)
{
    return v.type == V_STRING || v.type == V_INTEGER || v.type == V_REAL || v.type == V_BOOL;
}

/* A member name the format defines, with its length for matching keys. */
typedef struct member_name {
    const char *text;
    size_t len;
} member_name;
#define NAME(s)         \
    {                   \
        s, sizeof s - 1 \
    }

/* An integer member (quote offset and length, text characters). */
typedef struct snum {
    int64_t v;
    int type;
    bool big; /* an integer beyond 64 bits */
} snum;

/* Where an item starts, and its first byte that is not UTF-8 (off NONE:
 * none). Lines count from 1 at the start of the batch. */
typedef struct item {
    claims__json_pos at, bad;
    int type;
} item;

/* The members of a source: its string fields, then "text". */
enum {
    SRC_ID,
    SRC_OUTLET,
    SRC_TITLE,
    SRC_AUTHOR,
    SRC_PUBLISHED,
    SRC_URL,
    SRC_LANGUAGE,
    SRC_FIELDS
};
static const member_name source_members[SRC_FIELDS + 1] = {
    NAME("id"),        NAME("outlet"), NAME("title"),    NAME("author"),
    NAME("published"), NAME("url"),    NAME("language"), NAME("text")};

typedef struct ssource {
    item it;
    sval f[SRC_FIELDS];
    int text_type;
    sval text_file;
    snum characters;
} ssource;

enum { SUB_ID, SUB_TYPE, SUB_LABEL, SUB_FIELDS };
static const member_name subject_fields[SUB_FIELDS] = {NAME("id"), NAME("type"), NAME("label")};

typedef struct ssubject {
    item it;
    sval f[SUB_FIELDS];
} ssubject;

/* The members of a claim: its fields, then "attribution" and "quote". */
enum { CL_ID, CL_SUBJECT, CL_ATTRIBUTE, CL_TYPE, CL_VALUE, CL_POLARITY, CL_CERTAINTY, CL_FIELDS };
static const member_name claim_members[CL_FIELDS + 2] = {
    NAME("id"),       NAME("subject"),   NAME("attribute"),   NAME("type"), NAME("value"),
    NAME("polarity"), NAME("certainty"), NAME("attribution"), NAME("quote")};

typedef struct sclaim {
    item it;
    sval f[CL_FIELDS];
    int attribution_type;
    size_t attribution_first, attribution_count; /* in batch.elems */
    int quote_type;
    size_t quote_unknown; /* its first unknown key (as sval.str), or NONE */
    sval quote_text;
    snum quote_offset, quote_length;
} sclaim;

/* A syntax error: the reader's, and where it was. */
typedef struct serror {
    int code;
    claims__json_pos at;
    long claim;
    char text[CLAIMS_ERROR_TEXT_LENGTH];
} serror;

typedef struct sdoc {
    item it;
    size_t end;   /* input offset after it (progress) */
    long index;   /* within the batch */
    size_t error; /* in batch.errors, or NONE */
    sval format;
    ssource source;
    int subjects_type, claims_type;
    size_t subject_first, subject_count, claim_first, claim_count, elem_first;
} sdoc;

/* A string as staging meets it. Staging only notes it (the text, its hash);
 * at the end of the batch all of them are resolved at once to local
 * strings and those looked up in the store (resolve_strings), loops whose
 * memory accesses can be prefetched, unlike lookups amid the parsing. */
typedef struct occ {
    const char *ptr; /* in the input, or in the batch arena when decoded */
    size_t len;
    uint64_t hash;
    size_t id;    /* its local string, once resolved */
    bool valid;   /* no byte that is not UTF-8 */
    bool decoded; /* had escapes (only those can hold a NUL) */
    bool chars;   /* a quote text: count its characters */
} occ;

/* A distinct string of a batch. */
typedef struct lstr {
    const char *ptr; /* in the input, or in the batch arena when decoded */
    size_t len;
    uint64_t hash; /* claims__hash_words: the store's interner uses it */
    bool valid;    /* no byte that is not UTF-8 */
    bool nul;      /* holds a NUL byte (from \u0000) */
    /* The store's copy of a valid string without NUL: looked up while
     * staging (nothing writes the store meanwhile), else interned at its
     * first use while applying. */
    const char *global;
    long chars; /* characters of a valid quote text, else -1 */
    /* filled while applying */
    size_t subject_doc; /* `subject` is this id's subject in that document */
    size_t subject;
} lstr;

struct claims__batch {
    const char *data; /* the text the batch is part of */
    size_t len;
    size_t base;       /* input offset of data[0] */
    size_t begin, end; /* the batch: data[begin..end) */
    size_t lines;      /* line ends in it */
    claims__json reader;
    claims_strmap map; /* local string text -> its number */
    claims_arena arena;
    occ *occs;
    size_t occ_count, occ_cap;
    lstr *strs;
    size_t str_count, str_cap;
    sdoc *docs;
    size_t doc_count, doc_cap;
    ssubject *subjects;
    size_t subject_count, subject_cap;
    sclaim *claims;
    size_t claim_count, claim_cap;
    sval *elems; /* attribution elements */
    size_t elem_count, elem_cap;
    serror *errors;
    size_t error_count, error_cap;
    int rc; /* CLAIMS_ENOMEM when staging ran out of memory */
};
typedef struct claims__batch batch;

static void batch_init(batch *b)
{
    memset(b, 0, sizeof *b);
    claims__json_init(&b->reader);
    claims__strmap_init(&b->map);
    claims__arena_init(&b->arena);
}

/* Empties b for other lines, keeping its memory. */
static void batch_reset(batch *b)
{
    claims__strmap_clear(&b->map);
    claims__arena_free(&b->arena);
    b->occ_count = b->str_count = 0;
    b->doc_count = b->subject_count = b->claim_count = 0;
    b->elem_count = b->error_count = 0;
    b->lines = 0;
    b->rc = CLAIMS_OK;
}

static void batch_free(batch *b)
{
    claims__json_free(&b->reader);
    claims__strmap_free(&b->map);
    claims__arena_free(&b->arena);
    free(b->occs);
    free(b->strs);
    free(b->docs);
    free(b->subjects);
    free(b->claims);
    free(b->elems);
    free(b->errors);
}

/* Appends a zeroed element to an array of a batch; NULL on ENOMEM. */
#define PUSH(b, arr, count, cap)                                                                \
    (claims__grow((void **)&(b)->arr, &(b)->cap, (b)->count + 1, sizeof *(b)->arr) == CLAIMS_OK \
         ? memset(&(b)->arr[(b)->count++], 0, sizeof *(b)->arr)                                 \
         : NULL)

/* ---- staging -------------------------------------------------------------------- */

typedef struct stager {
    batch *b;
    const claims_store *store; /* read only */
    claims__json *r;
    const char *data; /* the text being staged */
    size_t len;
    claims__json_pos *bad; /* the bad byte slot of the item being read */
    long doc, claim;       /* indexes of what is being read, -1 */
} stager;

/* Staging steps return 0, or -1 when the reader failed (its error says
 * why) or memory ran out (b->rc). */
static int no_memory(stager *S)
{
    S->b->rc = CLAIMS_ENOMEM;
    return -1;
}

static void note_bad(stager *S, const claims__json_token *t)
{
    if (t->bad != NONE && S->bad && S->bad->off == NONE) {
        S->bad->off = t->bad;
        S->bad->line = t->bad_line;
        S->bad->column = t->bad_column;
    }
}

static claims__json_pos pos_of_token(const claims__json_token *t)
{
    claims__json_pos p = {t->off, t->line, t->column};
    return p;
}

/* Reads past the value that starts with t, noting bad bytes in it. */
static int skip(stager *S, const claims__json_token *t)
{
    claims__json_token bad;
    bad.bad = NONE;
    if (claims__json_skip(S->r, t, &bad) != CLAIMS_OK)
        return -1;
    note_bad(S, &bad);
    return 0;
}

static int next(stager *S, claims__json_token *t)
{
    int k = claims__json_next(S->r, t);
    if (k == CLAIMS__JSON_KEY || k == CLAIMS__JSON_STRING)
        note_bad(S, t);
    return k;
}

/* Notes the text of t (a string, key or scalar); its occurrence number,
 * or NONE on ENOMEM. */
static size_t occur(stager *S, const claims__json_token *t)
{
    batch *b = S->b;
    const char *text = t->str;
    bool decoded = text < S->data || text >= S->data + S->len;
    if (decoded) { /* the reader reuses its buffer: keep a copy */
        text = claims__arena_strdup(&b->arena, t->str, t->len);
        if (!text)
            return NONE;
    }
    occ *o = PUSH(b, occs, occ_count, occ_cap);
    if (!o)
        return NONE;
    o->ptr = text;
    o->len = t->len;
    o->hash = t->hashed ? t->hash : claims__hash_words(text, t->len);
    o->valid = t->bad == NONE;
    o->decoded = decoded;
    return b->occ_count - 1;
}

/* Makes the staged values name local strings instead of occurrences, so
 * that applying reads one array less. */
static void relink_val(const batch *b, sval *v)
{
    if (has_text(*v))
        v->str = b->occs[v->str].id;
}

static void relink(batch *b)
{
    for (size_t i = 0; i < b->doc_count; i++) {
        sdoc *d = &b->docs[i];
        relink_val(b, &d->format);
        for (int k = 0; k < SRC_FIELDS; k++)
            relink_val(b, &d->source.f[k]);
        relink_val(b, &d->source.text_file);
    }
    for (size_t i = 0; i < b->subject_count; i++)
        for (int k = 0; k < SUB_FIELDS; k++)
            relink_val(b, &b->subjects[i].f[k]);
    for (size_t i = 0; i < b->claim_count; i++) {
        sclaim *c = &b->claims[i];
        for (int k = 0; k < CL_FIELDS; k++)
            relink_val(b, &c->f[k]);
        relink_val(b, &c->quote_text);
        if (c->quote_unknown != NONE)
            c->quote_unknown = b->occs[c->quote_unknown].id;
    }
    for (size_t i = 0; i < b->elem_count; i++)
        relink_val(b, &b->elems[i]);
}

/* Distance of the prefetches in resolve_strings(), in lookups. */
#define AHEAD 8

/* Gives every occurrence of the batch its local string, and every new
 * local string the store's copy when the store has it (the store's
 * interner does not change while batches are staged). */
static int resolve_strings(batch *b, const claims_store *store)
{
    const claims_strmap *global = &store->strings.map;
    for (size_t i = 0; i < b->occ_count; i++) {
        if (i + AHEAD < b->occ_count)
            claims__strmap_prefetch(&b->map, b->occs[i + AHEAD].hash);
        occ *o = &b->occs[i];
        size_t id = b->str_count;
        int found = claims__strmap_add_hashed(&b->map, o->ptr, o->len, o->hash, &id);
        if (found < 0)
            return CLAIMS_ENOMEM;
        if (!found) {
            lstr *l = PUSH(b, strs, str_count, str_cap);
            if (!l)
                return CLAIMS_ENOMEM;
            l->ptr = o->ptr;
            l->len = o->len;
            l->hash = o->hash;
            l->valid = o->valid;
            l->nul = o->decoded && memchr(o->ptr, '\0', o->len) != NULL;
            l->chars = -1;
            l->subject_doc = NONE;
        }
        o->id = id;
        lstr *l = &b->strs[id];
        if (o->chars && l->valid && l->chars < 0)
            l->chars = (long)claims__utf8_length(l->ptr, l->len);
    }
    relink(b);
    for (size_t i = 0; i < b->str_count; i++) {
        if (i + 2 * AHEAD < b->str_count)
            claims__strmap_prefetch(global, b->strs[i + 2 * AHEAD].hash);
        if (i + AHEAD < b->str_count)
            claims__strmap_prefetch_key(global, b->strs[i + AHEAD].hash);
        lstr *l = &b->strs[i];
        if (l->valid && !l->nul)
            l->global = claims__intern_find(&store->strings, l->ptr, l->len, l->hash);
    }
    return CLAIMS_OK;
}

/* Stages the value that starts with t. */
static int stage_val(stager *S, const claims__json_token *t, sval *v)
{
    v->type = type_of(t);
    v->str = NONE;
    switch (t->kind) {
    case CLAIMS__JSON_STRING:
    case CLAIMS__JSON_NUMBER:
    case CLAIMS__JSON_TRUE:
    case CLAIMS__JSON_FALSE: v->str = occur(S, t); return v->str == NONE ? no_memory(S) : 0;
    case CLAIMS__JSON_OBJECT:
    case CLAIMS__JSON_ARRAY: return skip(S, t);
    default: return 0;
    }
}

static int stage_num(stager *S, const claims__json_token *t, snum *n)
{
    n->type = type_of(t);
    n->v = 0;
    n->big = false;
    if (n->type == V_INTEGER) {
        const char *p = t->str, *e = t->str + t->len;
        bool neg = *p == '-';
        uint64_t v = 0;
        for (p += neg; p < e; p++) {
            unsigned d = (unsigned)(*p - '0');
            if (v > (UINT64_MAX - d) / 10) {
                n->big = true;
                break;
            }
            v = v * 10 + d;
        }
        if (!n->big && v > (uint64_t)INT64_MAX + neg)
            n->big = true;
        if (!n->big)
            n->v = neg && v ? -(int64_t)(v - 1) - 1 : (int64_t)v;
    }
    return skip(S, t);
}

static bool key_is(const claims__json_token *k, const char *text)
{
    return strlen(text) == k->len && memcmp(k->str, text, k->len) == 0;
}

/* Index of k in names[0..n), or -1. */
static int key_index(const claims__json_token *k, const member_name *names, int n)
{
    for (int i = 0; i < n; i++)
        if (names[i].len == k->len && memcmp(k->str, names[i].text, k->len) == 0)
            return i;
    return -1;
}

/* Reads the members of the object just opened. For each, `member` gets
 * the index of its key in names[0..n) (-1 for another key) and the first
 * token of its value. When `unknown` is not NULL and still NONE, it
 * receives the local string of the first other key. */
typedef int (*member_fn)(stager *S, void *obj, int which, const claims__json_token *value);

static int each_member(stager *S, void *obj, const member_name *names, int n, size_t *unknown,
                       member_fn member)
{
    claims__json_token k, v;
    for (;;) {
        int kind = next(S, &k);
        if (kind == CLAIMS__JSON_OBJECT_END)
            return 0;
        if (kind != CLAIMS__JSON_KEY)
            return -1;
        /* the key's text lives until the next token: look at it first */
        int which = key_index(&k, names, n);
        if (which < 0 && unknown && *unknown == NONE && (*unknown = occur(S, &k)) == NONE)
            return no_memory(S);
        if (next(S, &v) < 0 || member(S, obj, which, &v) < 0)
            return -1;
    }
}

static const member_name text_fields[] = {NAME("file"), NAME("characters")};

static int text_member(stager *S, void *obj, int which, const claims__json_token *v)
{
    ssource *src = obj;
    if (which == 0)
        return stage_val(S, v, &src->text_file);
    if (which == 1)
        return stage_num(S, v, &src->characters);
    return skip(S, v);
}

static int source_member(stager *S, void *obj, int which, const claims__json_token *v)
{
    ssource *src = obj;
    if (which >= 0 && which < SRC_FIELDS)
        return stage_val(S, v, &src->f[which]);
    if (which == SRC_FIELDS) {
        src->text_type = type_of(v);
        return v->kind == CLAIMS__JSON_OBJECT
                   ? each_member(S, src, text_fields, 2, NULL, text_member)
                   : skip(S, v);
    }
    return skip(S, v);
}

static void item_start(item *it, const claims__json_token *t)
{
    it->at = pos_of_token(t);
    it->bad.off = NONE;
    it->type = type_of(t);
}

static int stage_source(stager *S, ssource *src, const claims__json_token *t)
{
    item_start(&src->it, t);
    S->bad = &src->it.bad;
    int rc;
    if (t->kind == CLAIMS__JSON_OBJECT)
        rc = each_member(S, src, source_members, SRC_FIELDS + 1, NULL, source_member);
    else
        rc = skip(S, t);
    S->bad = NULL;
    return rc;
}

static int subject_member(stager *S, void *obj, int which, const claims__json_token *v)
{
    ssubject *s = obj;
    return which >= 0 ? stage_val(S, v, &s->f[which]) : skip(S, v);
}

static int stage_subject(stager *S, const claims__json_token *t)
{
    ssubject *s = PUSH(S->b, subjects, subject_count, subject_cap);
    if (!s)
        return no_memory(S);
    item_start(&s->it, t);
    S->bad = &s->it.bad;
    note_bad(S, t);
    int rc = t->kind == CLAIMS__JSON_OBJECT
                 ? each_member(S, s, subject_fields, SUB_FIELDS, NULL, subject_member)
                 : skip(S, t);
    S->bad = NULL;
    return rc;
}

/* The elements of claim.attribution. */
static int stage_attribution(stager *S, sclaim *c)
{
    batch *b = S->b;
    c->attribution_first = b->elem_count;
    claims__json_token e;
    for (;;) {
        int kind = next(S, &e);
        if (kind == CLAIMS__JSON_ARRAY_END)
            break;
        if (kind < 0)
            return -1;
        sval *v = PUSH(b, elems, elem_count, elem_cap);
        if (!v)
            return no_memory(S);
        if (stage_val(S, &e, v) < 0)
            return -1;
    }
    c->attribution_count = b->elem_count - c->attribution_first;
    return 0;
}

static const member_name quote_fields[] = {NAME("text"), NAME("offset"), NAME("length")};

static int quote_member(stager *S, void *obj, int which, const claims__json_token *v)
{
    sclaim *c = obj;
    switch (which) {
    case 0: {
        if (stage_val(S, v, &c->quote_text) < 0)
            return -1;
        if (c->quote_text.type == V_STRING)
            S->b->occs[c->quote_text.str].chars = true;
        return 0;
    }
    case 1: return stage_num(S, v, &c->quote_offset);
    case 2: return stage_num(S, v, &c->quote_length);
    default: return skip(S, v);
    }
}

static int claim_member(stager *S, void *obj, int which, const claims__json_token *v)
{
    sclaim *c = obj;
    if (which >= 0 && which < CL_FIELDS)
        return stage_val(S, v, &c->f[which]);
    if (which == CL_FIELDS) {
        c->attribution_type = type_of(v);
        return v->kind == CLAIMS__JSON_ARRAY ? stage_attribution(S, c) : skip(S, v);
    }
    if (which == CL_FIELDS + 1) {
        c->quote_type = type_of(v);
        return v->kind == CLAIMS__JSON_OBJECT
                   ? each_member(S, c, quote_fields, 3, &c->quote_unknown, quote_member)
                   : skip(S, v);
    }
    return skip(S, v);
}

static int stage_claim(stager *S, const claims__json_token *t, long index)
{
    sclaim *c = PUSH(S->b, claims, claim_count, claim_cap);
    if (!c)
        return no_memory(S);
    item_start(&c->it, t);
    c->quote_unknown = NONE;
    S->bad = &c->it.bad;
    S->claim = index;
    note_bad(S, t);
    int rc = t->kind == CLAIMS__JSON_OBJECT
                 ? each_member(S, c, claim_members, CL_FIELDS + 2, NULL, claim_member)
                 : skip(S, t);
    S->bad = NULL;
    if (rc == 0) /* else the error names the claim */
        S->claim = -1;
    return rc;
}

/* The elements of subjects or claims. */
static int stage_items(stager *S, bool claims)
{
    claims__json_token e;
    for (long i = 0;; i++) {
        int kind = claims__json_next(S->r, &e);
        if (kind == CLAIMS__JSON_ARRAY_END)
            return 0;
        if (kind < 0)
            return -1;
        if ((claims ? stage_claim(S, &e, i) : stage_subject(S, &e)) < 0)
            return -1;
    }
}

static const member_name doc_members[] = {NAME("format"), NAME("source"), NAME("subjects"),
                                          NAME("claims")};

static int doc_member(stager *S, void *obj, int which, const claims__json_token *v)
{
    sdoc *d = obj;
    switch (which) {
    case 0: return stage_val(S, v, &d->format);
    case 1: return stage_source(S, &d->source, v);
    case 2:
        d->subjects_type = type_of(v);
        return v->kind == CLAIMS__JSON_ARRAY ? stage_items(S, false) : skip(S, v);
    case 3:
        d->claims_type = type_of(v);
        return v->kind == CLAIMS__JSON_ARRAY ? stage_items(S, true) : skip(S, v);
    default: return skip(S, v);
    }
}

/* Opens a staged document at the batch's end. */
static sdoc *doc_open(stager *S, long index)
{
    batch *b = S->b;
    sdoc *d = PUSH(b, docs, doc_count, doc_cap);
    if (!d)
        return NULL;
    d->index = index;
    d->error = NONE;
    d->subject_first = b->subject_count;
    d->claim_first = b->claim_count;
    d->elem_first = b->elem_count;
    return d;
}

/* Stages the document that starts with t into the last one opened. */
static int stage_document(stager *S, const claims__json_token *t)
{
    batch *b = S->b;
    sdoc *d = &b->docs[b->doc_count - 1]; /* docs do not grow meanwhile */
    item_start(&d->it, t);
    S->doc = d->index;
    int rc = t->kind == CLAIMS__JSON_OBJECT ? each_member(S, d, doc_members, 4, NULL, doc_member)
                                            : skip(S, t);
    d->subject_count = b->subject_count - d->subject_first;
    d->claim_count = b->claim_count - d->claim_first;
    d->end = claims__json_offset(S->r);
    if (rc == 0)
        S->doc = -1;
    return rc;
}

/* The last document failed to read: keep the reader's error instead of
 * its items. Returns -1 when out of memory. */
static int doc_fail(stager *S)
{
    batch *b = S->b;
    if (b->rc != CLAIMS_OK || S->r->error.code == CLAIMS_ENOMEM)
        return no_memory(S);
    sdoc *d = &b->docs[b->doc_count - 1];
    serror *e = PUSH(b, errors, error_count, error_cap);
    if (!e)
        return no_memory(S);
    b->subject_count = d->subject_first;
    b->claim_count = d->claim_first;
    b->elem_count = d->elem_first;
    d->subject_count = d->claim_count = 0;
    d->error = b->error_count - 1;
    e->code = CLAIMS_ESYNTAX;
    e->claim = S->claim;
    e->at.off = S->r->error.off;
    e->at.line = S->r->error.line;
    e->at.column = S->r->error.column;
    snprintf(e->text, sizeof e->text, "%s", S->r->error.text);
    S->doc = S->claim = -1;
    S->bad = NULL;
    return 0;
}

/* A value that is not a container where a document must be: recorded
 * as the reader's error. */
static void not_a_document(stager *S, const claims__json_token *t)
{
    claims__json *r = S->r;
    r->error.code = CLAIMS_ESYNTAX;
    r->error.off = t->off;
    r->error.line = t->line;
    r->error.column = t->column;
    snprintf(r->error.text, sizeof r->error.text, "a JSON object or array expected, not %s",
             type_name(type_of(t)));
}

/* One JSON Lines document: s[pos..stop) at relative `line`. */
static int stage_line(stager *S, size_t pos, size_t stop, int line, long index)
{
    claims__json_start(S->r, S->data, stop, pos, line, 1);
    if (!doc_open(S, index))
        return no_memory(S);
    claims__json_token t;
    int kind = claims__json_next(S->r, &t);
    if (kind == CLAIMS__JSON_OBJECT || kind == CLAIMS__JSON_ARRAY) {
        if (stage_document(S, &t) == 0 && claims__json_next(S->r, &t) == CLAIMS__JSON_END)
            return 0;
    } else if (kind != CLAIMS__JSON_ERROR) {
        not_a_document(S, &t);
    }
    return doc_fail(S);
}

/* ---- applying ------------------------------------------------------------------- */

typedef struct applier {
    claims__load *L;
    const char *data; /* the bytes of the batch being applied */
    size_t len;
    size_t total; /* input bytes in all (progress) */
    batch *b;
    size_t line_base; /* lines before the batch */
    long doc_base;    /* documents before the batch */
    size_t serial;    /* documents applied: stamps subject ids per document */
    size_t max_field;
    claims__json *reader; /* re-reads items for member positions */
    claims_error e;       /* for the store's adders; clear between errors */
    claims__field chain[MAX_ATTRIBUTION];
} applier;

/* The input's line of a batch's line (INT_MAX past it). */
static int line_of(const applier *A, int line)
{
    size_t l = A->line_base + (size_t)line;
    return l > INT_MAX ? INT_MAX : (int)l;
}

static claims__json_pos absolute(const applier *A, claims__json_pos p)
{
    p.line = line_of(A, p.line);
    return p;
}

/* The first token of member `name` of the object at `at` (absolute). */
static bool member_token(applier *A, claims__json_pos at, const char *name, claims__json_token *out)
{
    claims__json *r = A->reader;
    claims__json_start(r, A->data, A->len, at.off, at.line, at.column);
    claims__json_token t;
    if (claims__json_next(r, &t) != CLAIMS__JSON_OBJECT)
        return false;
    while (claims__json_next(r, &t) == CLAIMS__JSON_KEY) {
        bool hit = key_is(&t, name);
        if (claims__json_next(r, &t) < 0)
            return false;
        if (hit) {
            *out = t;
            return true;
        }
        if (claims__json_skip(r, &t, NULL) != CLAIMS_OK)
            return false;
    }
    return false;
}

/* Where member `name` of the object at `at` (absolute) is, or `at`. */
static claims__json_pos member_pos(applier *A, claims__json_pos at, const char *name)
{
    claims__json_token t;
    return member_token(A, at, name, &t) ? pos_of_token(&t) : at;
}

static void report_at(applier *A, const sdoc *d, int code, claims__json_pos p, long claim,
                      const char *msg)
{
    claims_error e;
    claims__error_clear(&e);
    e.code = code;
    e.line = p.line;
    e.column = p.column;
    e.document = A->doc_base + d->index;
    e.claim = claim;
    snprintf(e.source, sizeof e.source, "%s", A->L->name);
    if (claim >= 0)
        snprintf(e.text, sizeof e.text, "claim %ld: %s", claim, msg);
    else
        snprintf(e.text, sizeof e.text, "%s", msg);
    claims__load_report(A->L, &e);
}

/* Records an error at the item starting at `at` (batch-relative), or at
 * its member `field`. */
static void report(applier *A, const sdoc *d, int code, claims__json_pos at, const char *field,
                   long claim, const char *fmt, ...) CLAIMS__PRINTF(7, 8);
static void report(applier *A, const sdoc *d, int code, claims__json_pos at, const char *field,
                   long claim, const char *fmt, ...)
{
    claims__json_pos p = absolute(A, at);
    if (field)
        p = member_pos(A, p, field);
    char msg[CLAIMS_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    report_at(A, d, code, p, claim, msg);
}

static void report_bad_byte(applier *A, const sdoc *d, const item *it, long claim, const char *what)
{
    char msg[64];
    snprintf(msg, sizeof msg, "invalid UTF-8 in %s", what);
    report_at(A, d, CLAIMS_ENCODING, absolute(A, it->bad), claim, msg);
}

/* After a store adder returned rc: true when it added; else its error
 * (in A->e) is recorded and A->e cleared for the next one. Clearing only
 * after errors spares a million claims the clearing. */
static bool added(applier *A, int rc)
{
    if (rc == CLAIMS_OK)
        return true;
    claims__load_report(A->L, &A->e);
    claims__error_clear(&A->e);
    return false;
}

static claims__pos pos_of(const applier *A, const sdoc *d, const item *it, long claim)
{
    claims__pos p;
    p.source = A->L->name;
    p.line = line_of(A, it->at.line);
    p.column = it->at.column;
    p.document = A->doc_base + d->index;
    p.claim = claim;
    p.max_field = A->L->opts->max_field_length;
    return p;
}

static lstr *text_of(const applier *A, sval v) { return &A->b->strs[v.str]; }

static bool text_is(const applier *A, sval v, const char *s)
{
    const lstr *l = text_of(A, v);
    return l->len == strlen(s) && memcmp(l->ptr, s, l->len) == 0;
}

/* An optional string member: false when present with another type (null
 * counts as absent). */
static bool is_str(sval v) { return v.type == V_ABSENT || v.type == V_NULL || v.type == V_STRING; }

/* The store field for v (a string or a scalar's text), interned here when
 * its bytes passed staging's checks so the store need not look again. */
static claims__field field_of(applier *A, sval v)
{
    claims__field f = {{NULL, 0}, NULL};
    if (!has_text(v))
        return f;
    lstr *l = text_of(A, v);
    f.s.ptr = l->ptr;
    f.s.len = l->len;
    if (!l->global && l->valid && !l->nul && l->len <= A->max_field)
        l->global = claims__store_intern_hashed(A->L->store, l->ptr, l->len, l->hash);
    f.interned = l->global;
    return f;
}

static claims_str str_of(const applier *A, sval v)
{
    claims_str s = {NULL, 0};
    if (v.type == V_STRING) {
        s.ptr = text_of(A, v)->ptr;
        s.len = text_of(A, v)->len;
    }
    return s;
}

static bool apply_source(applier *A, const sdoc *d, size_t *source)
{
    const ssource *src = &d->source;
    if (d->format.type != V_ABSENT &&
        !(d->format.type == V_STRING && text_is(A, d->format, "claims/1"))) {
        report(A, d, CLAIMS_ESCHEMA, d->it.at, "format", -1,
               "unsupported format (expected \"claims/1\")");
        return false;
    }
    if (src->it.type != V_OBJECT) {
        bool present = src->it.type != V_ABSENT;
        report(A, d, CLAIMS_ESCHEMA, d->it.at, present ? "source" : NULL, -1,
               present ? "\"source\" must be an object" : "\"source\" is missing");
        return false;
    }
    if (src->it.bad.off != NONE) {
        report_bad_byte(A, d, &src->it, -1, "the source");
        return false;
    }
    claims_source_desc desc;
    memset(&desc, 0, sizeof desc);
    desc.version = CLAIMS_SOURCE_DESC_VERSION;
    claims_str *slots[SRC_FIELDS] = {&desc.id,        &desc.outlet, &desc.title,   &desc.author,
                                     &desc.published, &desc.url,    &desc.language};
    for (int i = 0; i < SRC_FIELDS; i++) {
        if (!is_str(src->f[i])) {
            report(A, d, CLAIMS_ESCHEMA, src->it.at, source_members[i].text, -1,
                   "source.%s must be a string", source_members[i].text);
            return false;
        }
        *slots[i] = str_of(A, src->f[i]);
    }
    if (!desc.published.ptr)
        desc.published = A->L->opts->default_published;
    claims__pos pos = pos_of(A, d, &src->it, -1);
    if (!added(A, claims__store_add_source(A->L->store, source, &desc, A->L->name, false, &pos,
                                           &A->e)))
        return false;
    if (src->text_type != V_ABSENT) {
        const snum *n = &src->characters;
        if (src->text_type != V_OBJECT || !is_str(src->text_file) ||
            (n->type != V_ABSENT &&
             (n->type != V_INTEGER || n->big || n->v < 0 || n->v > 0x7fffffff))) {
            report(A, d, CLAIMS_ESCHEMA, src->it.at, "text", -1,
                   "source.text must be {\"file\": string, \"characters\": "
                   "non-negative integer}");
            return false;
        }
        long chars = n->type == V_INTEGER ? (long)n->v : -1;
        if (!added(A, claims__store_set_text(A->L->store, *source, str_of(A, src->text_file), chars,
                                             &pos, &A->e)))
            return false;
    }
    return true;
}

static bool apply_subject(applier *A, const sdoc *d, size_t source, const ssubject *s, size_t i)
{
    if (s->it.bad.off != NONE) {
        report_bad_byte(A, d, &s->it, -1, "a subject");
        return false;
    }
    if (s->it.type != V_OBJECT) {
        report(A, d, CLAIMS_ESCHEMA, s->it.at, NULL, -1, "subject %zu is %s, not an object", i,
               type_name(s->it.type));
        return false;
    }
    for (int k = 0; k < SUB_FIELDS; k++) {
        if (!is_str(s->f[k])) {
            report(A, d, CLAIMS_ESCHEMA, s->it.at, subject_fields[k].text, -1,
                   "subject %zu: %s must be a string", i, subject_fields[k].text);
            return false;
        }
    }
    /* an id string that names an accepted subject of this document */
    lstr *id = s->f[SUB_ID].type == V_STRING ? text_of(A, s->f[SUB_ID]) : NULL;
    claims__subject_in in = {field_of(A, s->f[SUB_ID]), field_of(A, s->f[SUB_TYPE]),
                             field_of(A, s->f[SUB_LABEL]), id ? id->subject_doc == A->serial : -1};
    claims__pos pos = pos_of(A, d, &s->it, -1);
    size_t index;
    if (!added(A, claims__store_add_subject_in(A->L->store, &index, source, &in, &pos, &A->e)))
        return false;
    /* the claims of this document find it through its id's local string */
    id->subject_doc = A->serial;
    id->subject = index;
    return true;
}

static int enum_index(const applier *A, sval v, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (text_is(A, v, names[i]))
            return i;
    return -1;
}

/* The text of l for a message: at most `max` bytes of it, no half UTF-8
 * sequence, control characters (a NUL from \u0000 among them) escaped so
 * that the message shows what was written. */
static const char *shown(char out[160], const lstr *l, size_t max)
{
    size_t n = (size_t)claims__clip(l->ptr, l->len, max), o = 0;
    for (size_t i = 0; i < n && o + 7 < 160; i++) {
        unsigned char c = (unsigned char)l->ptr[i];
        if (c < 0x20)
            o += (size_t)snprintf(out + o, 160 - o, "\\u%04X", c);
        else
            out[o++] = (char)c;
    }
    out[o] = '\0';
    return out;
}

/* Checks a quote.offset or quote.length member; false when reported. */
static bool quote_number(applier *A, const sdoc *d, const sclaim *c, long ci, const snum *n,
                         const char *name, long *out)
{
    if (n->type == V_ABSENT || n->type == V_NULL)
        return true;
    if (n->type != V_INTEGER) {
        report(A, d, CLAIMS_ESCHEMA, c->it.at, "quote", ci, "quote.%s must be an integer", name);
        return false;
    }
    if (!n->big && n->v >= 0 && n->v <= 0x7fffffff) {
        *out = (long)n->v;
        return true;
    }
    claims__json_pos q = member_pos(A, absolute(A, c->it.at), "quote");
    char text[48];
    claims__json_token t;
    if (n->big && member_token(A, q, name, &t))
        snprintf(text, sizeof text, "%.*s", t.len > 40 ? 40 : (int)t.len, t.str);
    else
        snprintf(text, sizeof text, "%" PRId64, n->v);
    char msg[80];
    snprintf(msg, sizeof msg, "quote.%s %s is out of range", name, text);
    report_at(A, d, CLAIMS_ERANGE, q, ci, msg);
    return false;
}

static bool apply_claim(applier *A, const sdoc *d, size_t source, const sclaim *c, size_t i)
{
    long ci = (long)i;
    claims__json_pos at = c->it.at;
    char text[160];
    if (c->it.bad.off != NONE) {
        report_bad_byte(A, d, &c->it, ci, "the claim");
        return false;
    }
    if (c->it.type != V_OBJECT) {
        report(A, d, CLAIMS_ESCHEMA, at, NULL, ci, "%s, not an object", type_name(c->it.type));
        return false;
    }
    static const int strings[] = {CL_ID, CL_SUBJECT, CL_ATTRIBUTE, CL_TYPE};
    for (size_t k = 0; k < 4; k++) {
        if (!is_str(c->f[strings[k]])) {
            report(A, d, CLAIMS_ESCHEMA, at, claim_members[strings[k]].text, ci,
                   "%s must be a string", claim_members[strings[k]].text);
            return false;
        }
    }
    /* value: a string, or a number/boolean kept as written */
    sval value = c->f[CL_VALUE];
    if (value.type == V_ARRAY || value.type == V_OBJECT) {
        report(A, d, CLAIMS_ESCHEMA, at, "value", ci,
               "value must be a string, number or boolean, not %s", type_name(value.type));
        return false;
    }
    const char *missing = c->f[CL_SUBJECT].type != V_STRING     ? "subject"
                          : c->f[CL_ATTRIBUTE].type != V_STRING ? "attribute"
                          : !has_text(value)                    ? "value"
                                                                : NULL;
    if (missing) {
        report(A, d, CLAIMS_ESCHEMA, at, NULL, ci, "required field \"%s\" is missing", missing);
        return false;
    }
    claims__claim_in in;
    in.attribution = NULL;
    in.attribution_count = 0;
    in.polarity = CLAIMS_AFFIRMED;
    in.certainty = CLAIMS_CERTAIN;
    in.quote = (claims__field){{NULL, 0}, NULL};
    /* attribution chain */
    if (c->attribution_type != V_ABSENT && c->attribution_type != V_NULL) {
        if (c->attribution_type != V_ARRAY) {
            report(A, d, CLAIMS_ESCHEMA, at, "attribution", ci,
                   "attribution must be an array of strings");
            return false;
        }
        if (c->attribution_count > MAX_ATTRIBUTION) {
            report(A, d, CLAIMS_ERANGE, at, "attribution", ci, "attribution chain longer than %d",
                   MAX_ATTRIBUTION);
            return false;
        }
        for (size_t k = 0; k < c->attribution_count; k++) {
            sval el = A->b->elems[c->attribution_first + k];
            if (el.type != V_STRING) {
                report(A, d, CLAIMS_ESCHEMA, at, "attribution", ci,
                       "attribution[%zu] is %s, not a string", k, type_name(el.type));
                return false;
            }
            A->chain[k] = field_of(A, el);
        }
        in.attribution = A->chain;
        in.attribution_count = c->attribution_count;
    }
    /* quote */
    in.quote_offset = in.quote_length = in.quote_chars = -1;
    if (c->quote_type != V_ABSENT && c->quote_type != V_NULL) {
        if (c->quote_type != V_OBJECT) {
            report(A, d, CLAIMS_ESCHEMA, at, "quote", ci,
                   "quote must be an object {text, offset, length}");
            return false;
        }
        if (c->quote_unknown != NONE) {
            report(A, d, CLAIMS_ESCHEMA, at, "quote", ci, "quote has unknown field \"%s\"",
                   shown(text, &A->b->strs[c->quote_unknown], 40));
            return false;
        }
        if (c->quote_text.type != V_STRING) {
            report(A, d, CLAIMS_ESCHEMA, at, "quote", ci,
                   "quote.text is required and must be a string");
            return false;
        }
        if (!quote_number(A, d, c, ci, &c->quote_offset, "offset", &in.quote_offset) ||
            !quote_number(A, d, c, ci, &c->quote_length, "length", &in.quote_length))
            return false;
        in.quote_chars = text_of(A, c->quote_text)->chars;
        in.quote = field_of(A, c->quote_text);
    }
    /* polarity and certainty */
    static const char *const polarities[] = {"affirmed", "negated"};
    static const char *const certainties[] = {"certain", "probable", "possible", "unknown"};
    sval ps = c->f[CL_POLARITY], cs = c->f[CL_CERTAINTY];
    if (!is_str(ps) || !is_str(cs)) {
        report(A, d, CLAIMS_ESCHEMA, at, is_str(ps) ? "certainty" : "polarity", ci,
               "polarity and certainty must be strings");
        return false;
    }
    if (ps.type == V_STRING) {
        int p = enum_index(A, ps, polarities, 2);
        if (p < 0) {
            report(A, d, CLAIMS_ESCHEMA, at, "polarity", ci,
                   "polarity \"%s\" is not affirmed or negated", shown(text, text_of(A, ps), 30));
            return false;
        }
        in.polarity = (claims_polarity)p;
    }
    if (cs.type == V_STRING) {
        int p = enum_index(A, cs, certainties, 4);
        if (p < 0) {
            report(A, d, CLAIMS_ESCHEMA, at, "certainty", ci,
                   "certainty \"%s\" is not certain, probable, possible or "
                   "unknown",
                   shown(text, text_of(A, cs), 30));
            return false;
        }
        in.certainty = (claims_certainty)p;
    }
    in.id = field_of(A, c->f[CL_ID]);
    in.subject = field_of(A, c->f[CL_SUBJECT]);
    in.attribute = field_of(A, c->f[CL_ATTRIBUTE]);
    in.value = field_of(A, value);
    in.value_type = field_of(A, c->f[CL_TYPE]);
    const lstr *subject = text_of(A, c->f[CL_SUBJECT]);
    in.subject_index = subject->subject_doc == A->serial ? subject->subject : CLAIMS__SUBJECT_NONE;
    claims__pos pos = pos_of(A, d, &c->it, ci);
    return added(A, claims__store_add_claim_in(A->L->store, NULL, source, &in, &pos, &A->e));
}

static void apply_syntax_error(applier *A, long document, const serror *se)
{
    claims_error e;
    claims__error_clear(&e);
    e.code = se->code;
    e.line = line_of(A, se->at.line);
    e.column = se->at.column;
    e.document = document;
    e.claim = se->claim;
    snprintf(e.source, sizeof e.source, "%s", A->L->name);
    snprintf(e.text, sizeof e.text, "malformed JSON: %s", se->text);
    claims__load_report(A->L, &e);
}

static void apply_document(applier *A, const sdoc *d)
{
    claims__load *L = A->L;
    claims_load_summary *sum = &L->summary;
    batch *b = A->b;
    sum->documents_read++;
    if (d->error != NONE) {
        sum->documents_rejected++;
        apply_syntax_error(A, A->doc_base + d->index, &b->errors[d->error]);
        return;
    }
    size_t n = d->claims_type == V_ARRAY ? d->claim_count : 0;
    sum->claims_read += n;
    size_t errors_before = sum->errors;
    if (d->it.type != V_OBJECT) {
        report(A, d, CLAIMS_ESCHEMA, d->it.at, NULL, -1, "document %ld is %s, not an object",
               A->doc_base + d->index, type_name(d->it.type));
        sum->documents_rejected++;
        return;
    }
    claims__store_mark mark;
    claims__store_mark_get(L->store, CLAIMS_ALL, &mark);
    size_t source;
    if (!apply_source(A, d, &source)) {
        sum->documents_rejected++;
        sum->claims_rejected += n;
        return;
    }
    if (d->claims_type != V_ABSENT && d->claims_type != V_ARRAY)
        report(A, d, CLAIMS_ESCHEMA, d->it.at, "claims", -1, "\"claims\" must be an array");
    if (d->subjects_type != V_ABSENT && d->subjects_type != V_ARRAY)
        report(A, d, CLAIMS_ESCHEMA, d->it.at, "subjects", -1, "\"subjects\" must be an array");
    for (size_t i = 0; i < d->subject_count; i++)
        apply_subject(A, d, source, &b->subjects[d->subject_first + i], i);
    size_t loaded = 0;
    for (size_t i = 0; i < n; i++)
        loaded += apply_claim(A, d, source, &b->claims[d->claim_first + i], i);

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

static void applier_init(applier *A, claims__load *L, claims__json *reader)
{
    memset(A, 0, sizeof *A);
    A->L = L;
    A->max_field =
        L->opts->max_field_length ? L->opts->max_field_length : CLAIMS__DEFAULT_MAX_FIELD;
    A->reader = reader;
    claims__error_clear(&A->e);
}

/* Adds the documents of b to the store; CLAIMS_ECANCELED when the progress
 * callback stops the load. */
static int apply_batch(applier *A, batch *b)
{
    A->b = b;
    A->data = b->data;
    A->len = b->len;
    for (size_t i = 0; i < b->doc_count; i++) {
        apply_document(A, &b->docs[i]);
        A->serial++;
        if (claims__load_progress(A->L, b->base + b->docs[i].end, A->total) != CLAIMS_OK)
            return CLAIMS_ECANCELED;
    }
    A->line_base += b->lines;
    A->doc_base += (long)b->doc_count;
    return CLAIMS_OK;
}

/* ---- the interface for JSON Lines (loader_lines.c) ------------------------------ */

claims__batch *claims__batch_new(void)
{
    claims__batch *b = malloc(sizeof *b);
    if (b)
        batch_init(b);
    return b;
}

void claims__batch_free(claims__batch *b)
{
    if (b) {
        batch_free(b);
        free(b);
    }
}

int claims__batch_stage(claims__batch *b, const claims_store *store, const char *data, size_t len,
                        size_t base, size_t begin, size_t end)
{
    batch_reset(b);
    b->data = data;
    b->len = len;
    b->base = base;
    b->begin = begin;
    b->end = end;
    stager S = {b, store, &b->reader, data, len, NULL, -1, -1};
    size_t pos = begin;
    int line = 1;
    long index = 0;
    while (pos < end) {
        const char *nl = memchr(data + pos, '\n', end - pos);
        size_t stop = nl ? (size_t)(nl - data) : end, next = stop + 1;
        if (stop > pos && data[stop - 1] == '\r')
            stop--;
        size_t k = pos;
        while (k < stop && (data[k] == ' ' || data[k] == '\t'))
            k++;
        if (k < stop) { /* blank lines are allowed */
            if (stage_line(&S, pos, stop, line, index++) < 0)
                return b->rc;
            b->docs[b->doc_count - 1].end = next < len ? next : len;
        }
        pos = next;
        line += line < INT_MAX;
        b->lines += nl != NULL;
    }
    return b->rc = resolve_strings(b, store);
}

struct claims__applier {
    applier A;
    claims__json reader;
};

claims__applier *claims__applier_new(claims__load *L, size_t total)
{
    claims__applier *ap = malloc(sizeof *ap);
    if (!ap)
        return NULL;
    claims__json_init(&ap->reader);
    applier_init(&ap->A, L, &ap->reader);
    ap->A.total = total;
    return ap;
}

void claims__applier_free(claims__applier *ap)
{
    if (ap) {
        claims__json_free(&ap->reader);
        free(ap);
    }
}

int claims__applier_add(claims__applier *ap, claims__batch *b) { return apply_batch(&ap->A, b); }

/* One JSON value: a document, or an array of documents. */
static int stage_whole(stager *S)
{
    claims__json *r = S->r;
    claims__json_start(r, S->data, S->len, 0, 1, 1);
    claims__json_token t;
    int kind = claims__json_next(r, &t);
    long index = 0;
    if (kind == CLAIMS__JSON_ARRAY) {
        claims__json_token e;
        for (;;) {
            kind = claims__json_next(r, &e);
            if (kind == CLAIMS__JSON_ARRAY_END || kind < 0)
                break;
            if (!doc_open(S, index))
                return no_memory(S);
            if (stage_document(S, &e) < 0)
                return -1;
            index++;
        }
        if (kind < 0)
            return -1;
    } else if (kind == CLAIMS__JSON_OBJECT) {
        if (!doc_open(S, 0))
            return no_memory(S);
        index = 1;
        if (stage_document(S, &t) < 0)
            return -1;
    } else if (kind != CLAIMS__JSON_ERROR) {
        not_a_document(S, &t);
        return -1;
    } else {
        return -1;
    }
    return claims__json_next(r, &t) == CLAIMS__JSON_END ? 0 : -1;
}

static int load_whole(claims__load *L, const char *data, size_t len)
{
    batch b;
    batch_init(&b);
    b.data = data;
    b.len = b.end = len;
    stager S = {&b, L->store, &b.reader, data, len, NULL, -1, -1};
    int rc = CLAIMS_OK;
    applier A; /* re-reads with the staging reader, which is done by then */
    applier_init(&A, L, &b.reader);
    A.data = data;
    A.len = A.total = len;
    if (stage_whole(&S) < 0 || (b.rc = resolve_strings(&b, L->store)) != CLAIMS_OK) {
        if (b.rc != CLAIMS_OK || b.reader.error.code == CLAIMS_ENOMEM) {
            rc = claims__load_fail(L, CLAIMS_ENOMEM);
        } else {
            /* nothing of a malformed value is loaded */
            serror se = {CLAIMS_ESYNTAX,
                         {b.reader.error.off, b.reader.error.line, b.reader.error.column},
                         S.claim,
                         ""};
            snprintf(se.text, sizeof se.text, "%s", b.reader.error.text);
            apply_syntax_error(&A, S.doc, &se);
            rc = CLAIMS_ESYNTAX;
        }
    } else {
        rc = apply_batch(&A, &b);
    }
    batch_free(&b);
    return rc;
}

int claims__load_json(claims__load *L, const char *data, size_t len)
{
    return load_whole(L, data, len);
}

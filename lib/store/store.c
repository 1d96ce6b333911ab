/* store.c - the store: sources (documents), subject mentions and claims,
 * with their strings interned in one arena; pull cursors over them. Loaders
 * and the public add functions share the same validating adders below, so a
 * claim is checked the same way whichever way it arrives. */
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int claims_store_new(claims_store **out, claims_error *err)
{
    claims__error_clear(err);
    if (!out)
        return claims__error_simple(err, CLAIMS_EINVAL, "out is NULL");
    claims_store *st = calloc(1, sizeof *st);
    if (!st)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    claims__arena_init(&st->arena);
    claims__interner_init(&st->strings, &st->arena);
    claims__strmap_init(&st->source_ids);
    claims__strmap_init(&st->subject_ids);
    *out = st;
    return CLAIMS_OK;
}

void claims_store_free(claims_store *st)
{
    if (!st)
        return;
    free(st->sources);
    free(st->subjects);
    free(st->claims);
    free(st->diags);
    claims__strmap_free(&st->source_ids);
    claims__strmap_free(&st->subject_ids);
    claims__interner_free(&st->strings);
    claims__arena_free(&st->arena);
    free(st);
}

const char *claims__store_intern_hashed(claims_store *st, const char *s, size_t n, uint64_t h)
{
    return st->pending ? claims__intern_deferred(&st->strings, st->pending, s, n, h)
                       : claims__intern_hashed(&st->strings, s, n, h);
}

const char *claims__store_intern(claims_store *st, const char *s, size_t n)
{
    return claims__store_intern_hashed(st, s, n, claims__hash_words(s, n));
}

int claims__store_defer(claims_store *st, claims_strmap *pending)
{
    int rc = st->pending ? claims__intern_commit(&st->strings, st->pending) : CLAIMS_OK;
    st->pending = pending;
    return rc;
}

static int pos_error(claims_error *err, int code, const claims__pos *pos, const char *what,
                     const char *detail)
{
    if (pos->claim >= 0)
        return claims__error_set(err, code, pos->source, pos->line, pos->column, pos->document,
                                 pos->claim, "claim %ld: %s: %s", pos->claim, what, detail);
    return claims__error_set(err, code, pos->source, pos->line, pos->column, pos->document,
                             pos->claim, "%s: %s", what, detail);
}

/* Checks one string field and interns it; absent (NULL ptr) gives "". A
 * field the caller interned was checked by it: only the limits remain. */
static int take_str(claims_store *st, const char **out, const claims__field *f, const char *field,
                    bool required, const claims__pos *pos, claims_error *err)
{
    char detail[96];
    claims_str s = f->s;
    if (!s.ptr) {
        if (s.len)
            return pos_error(err, CLAIMS_EINVAL, pos, field, "NULL pointer with a non-zero length");
        if (required)
            return pos_error(err, CLAIMS_ESCHEMA, pos, field, "required field missing");
        *out = "";
        return CLAIMS_OK;
    }
    size_t max = pos->max_field ? pos->max_field : CLAIMS__DEFAULT_MAX_FIELD;
    if (s.len > max) {
        snprintf(detail, sizeof detail, "%zu bytes, more than the limit of %zu", s.len, max);
        return pos_error(err, CLAIMS_ERANGE, pos, field, detail);
    }
    size_t bad;
    if (!f->interned && claims__utf8_check(s.ptr, s.len, &bad) != CLAIMS_OK) {
        snprintf(detail, sizeof detail, "%s at byte %zu", s.ptr[bad] ? "invalid UTF-8" : "NUL byte",
                 bad);
        return pos_error(err, CLAIMS_ENCODING, pos, field, detail);
    }
    if (required && s.len == 0)
        return pos_error(err, CLAIMS_ESCHEMA, pos, field, "must not be empty");
    *out = f->interned ? f->interned : claims__store_intern(st, s.ptr, s.len);
    return *out ? CLAIMS_OK : pos_error(err, CLAIMS_ENOMEM, pos, field, "out of memory");
}

/* A field of a public description: nothing known about it yet. */
static claims__field plain(claims_str s)
{
    claims__field f = {s, NULL};
    return f;
}

bool claims__store_find_source(const claims_store *st, const char *id, size_t len, size_t *index)
{
    size_t i;
    /* entries of rolled-back sources may linger: verify the slot */
    if (!claims__strmap_get(&st->source_ids, id, len, &i) || i >= st->source_count ||
        strlen(st->sources[i].id) != len || memcmp(st->sources[i].id, id, len) != 0)
        return false;
    if (index)
        *index = i;
    return true;
}

int claims__store_add_source(claims_store *st, size_t *index, const claims_source_desc *d,
                             const char *origin, bool from_tsv, const claims__pos *pos,
                             claims_error *err)
{
    claims__source s;
    memset(&s, 0, sizeof s);
    int rc;
    claims__field f[] = {plain(d->id),        plain(d->outlet), plain(d->title),   plain(d->author),
                         plain(d->published), plain(d->url),    plain(d->language)};
    if ((rc = take_str(st, &s.id, &f[0], "source.id", true, pos, err)) ||
        (rc = take_str(st, &s.outlet, &f[1], "source.outlet", false, pos, err)) ||
        (rc = take_str(st, &s.title, &f[2], "source.title", false, pos, err)) ||
        (rc = take_str(st, &s.author, &f[3], "source.author", false, pos, err)) ||
        (rc = take_str(st, &s.published, &f[4], "source.published", false, pos, err)) ||
        (rc = take_str(st, &s.url, &f[5], "source.url", false, pos, err)) ||
        (rc = take_str(st, &s.language, &f[6], "source.language", false, pos, err)))
        return rc;
    if (claims__store_find_source(st, s.id, strlen(s.id), NULL)) {
        char detail[CLAIMS_ERROR_TEXT_LENGTH];
        snprintf(detail, sizeof detail, "\"%.60s\" is already loaded", s.id);
        return pos_error(err, CLAIMS_EDUPLICATE, pos, "source.id", detail);
    }
    s.origin = claims__store_intern(st, origin, strlen(origin));
    s.text_file = "";
    s.text_characters = -1;
    s.from_tsv = from_tsv;
    if (!s.origin ||
        claims__grow((void **)&st->sources, &st->source_cap, st->source_count + 1,
                     sizeof *st->sources) != CLAIMS_OK ||
        claims__strmap_put(&st->source_ids, s.id, strlen(s.id), st->source_count) != CLAIMS_OK)
        return pos_error(err, CLAIMS_ENOMEM, pos, "source", "out of memory");
    st->sources[st->source_count] = s;
    if (index)
        *index = st->source_count;
    st->source_count++;
    return CLAIMS_OK;
}

int claims__store_set_text(claims_store *st, size_t source, claims_str file, long characters,
                           const claims__pos *pos, claims_error *err)
{
    claims__field f = plain(file);
    int rc = take_str(st, &st->sources[source].text_file, &f, "source.text.file", false, pos, err);
    if (rc == CLAIMS_OK)
        st->sources[source].text_characters = characters;
    return rc;
}

/* Subject keys are "<source index>\x1f<id>": ids are local to a document. */
static size_t key_prefix(char pre[32], size_t source)
{
    char digits[24];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + source % 10);
        source /= 10;
    } while (source);
    for (size_t i = 0; i < n; i++)
        pre[i] = digits[n - 1 - i];
    pre[n] = '\x1f';
    return n + 1;
}

/* Adds the subjects from st->subjects_indexed on to subject_ids. */
static int index_subjects(claims_store *st)
{
    for (; st->subjects_indexed < st->subject_count; st->subjects_indexed++) {
        const claims__subject *s = &st->subjects[st->subjects_indexed];
        char pre[32];
        size_t plen = key_prefix(pre, s->source), idlen = strlen(s->id);
        char *key = claims__arena_alloc(&st->arena, plen + idlen);
        if (!key)
            return CLAIMS_ENOMEM;
        memcpy(key, pre, plen);
        memcpy(key + plen, s->id, idlen);
        if (claims__strmap_put(&st->subject_ids, key, plen + idlen, st->subjects_indexed) !=
            CLAIMS_OK)
            return CLAIMS_ENOMEM;
    }
    return CLAIMS_OK;
}

bool claims__store_find_subject(claims_store *st, size_t source, const char *id, size_t len,
                                size_t *index)
{
    if (index_subjects(st) != CLAIMS_OK)
        return false;
    char small[256];
    size_t plen = key_prefix(small, source);
    size_t klen = plen + len;
    char *key = klen <= sizeof small ? small : malloc(klen);
    if (!key)
        return false;
    memcpy(key, small, plen);
    memcpy(key + plen, id, len);
    size_t i;
    bool found = claims__strmap_get(&st->subject_ids, key, klen, &i) && i < st->subject_count &&
                 st->subjects[i].source == source && strlen(st->subjects[i].id) == len &&
                 memcmp(st->subjects[i].id, id, len) == 0;
    if (key != small)
        free(key);
    if (found && index)
        *index = i;
    return found;
}

int claims__store_add_subject_in(claims_store *st, size_t *index, size_t source,
                                 const claims__subject_in *d, const claims__pos *pos,
                                 claims_error *err)
{
    if (source >= st->source_count)
        return pos_error(err, CLAIMS_EINVAL, pos, "subject", "no such source");
    claims__subject s;
    s.source = source;
    int rc;
    if ((rc = take_str(st, &s.id, &d->id, "subject.id", true, pos, err)) ||
        (rc = take_str(st, &s.type, &d->type, "subject.type", true, pos, err)) ||
        (rc = take_str(st, &s.label, &d->label, "subject.label", false, pos, err)))
        return rc;
    size_t idlen = d->id.s.len; /* s.id holds no NUL: its length */
    if (d->id_used < 0 && index_subjects(st) != CLAIMS_OK)
        return pos_error(err, CLAIMS_ENOMEM, pos, "subject", "out of memory");
    if (d->id_used > 0 ||
        (d->id_used < 0 && claims__store_find_subject(st, source, s.id, idlen, NULL))) {
        char detail[CLAIMS_ERROR_TEXT_LENGTH];
        snprintf(detail, sizeof detail, "\"%.60s\" is used twice in the document", s.id);
        return pos_error(err, CLAIMS_EDUPLICATE, pos, "subject.id", detail);
    }
    if (claims__grow((void **)&st->subjects, &st->subject_cap, st->subject_count + 1,
                     sizeof *st->subjects) != CLAIMS_OK)
        return pos_error(err, CLAIMS_ENOMEM, pos, "subject", "out of memory");
    st->subjects[st->subject_count] = s;
    if (index)
        *index = st->subject_count;
    st->subject_count++;
    st->sources[source].subject_count++;
    return CLAIMS_OK;
}

int claims__store_add_subject(claims_store *st, size_t *index, size_t source,
                              const claims_subject_desc *d, const claims__pos *pos,
                              claims_error *err)
{
    claims__subject_in in = {plain(d->id), plain(d->type), plain(d->label), -1};
    return claims__store_add_subject_in(st, index, source, &in, pos, err);
}

int claims__store_add_claim_in(claims_store *st, size_t *index, size_t source,
                               const claims__claim_in *d, const claims__pos *pos, claims_error *err)
{
    if (source >= st->source_count)
        return pos_error(err, CLAIMS_EINVAL, pos, "claim", "no such source");
    claims__claim c;
    memset(&c, 0, sizeof c);
    c.source = source;
    c.line = pos->line;
    c.column = pos->column;
    int rc;
    const char *subject;
    if ((rc = take_str(st, &c.id, &d->id, "id", false, pos, err)) ||
        (rc = take_str(st, &subject, &d->subject, "subject", true, pos, err)) ||
        (rc = take_str(st, &c.attribute, &d->attribute, "attribute", true, pos, err)) ||
        (rc = take_str(st, &c.value, &d->value, "value", true, pos, err)) ||
        (rc = take_str(st, &c.value_type, &d->value_type, "type", false, pos, err)) ||
        (rc = take_str(st, &c.quote, &d->quote, "quote.text", false, pos, err)))
        return rc;
    bool found;
    if (d->subject_index == CLAIMS__SUBJECT_LOOKUP) {
        if (index_subjects(st) != CLAIMS_OK)
            return pos_error(err, CLAIMS_ENOMEM, pos, "subject", "out of memory");
        found = claims__store_find_subject(st, source, subject, d->subject.s.len, &c.subject);
    } else {
        found = d->subject_index < st->subject_count;
        c.subject = d->subject_index;
    }
    if (!found) {
        char detail[CLAIMS_ERROR_TEXT_LENGTH];
        snprintf(detail, sizeof detail, "\"%.60s\" is not a subject of the document", subject);
        return pos_error(err, CLAIMS_ENOTFOUND, pos, "subject", detail);
    }
    /* lengths, not c.value_type[0] and the like: the interned copies are
     * elsewhere in memory, and a load adds a million claims */
    if (d->value_type.s.len) {
        claims_type t;
        if (claims_type_from_name(&t, c.value_type, d->value_type.s.len) != CLAIMS_OK) {
            char detail[CLAIMS_ERROR_TEXT_LENGTH];
            snprintf(detail, sizeof detail, "unknown value type \"%.40s\"", c.value_type);
            return pos_error(err, CLAIMS_ESCHEMA, pos, "type", detail);
        }
        c.value_type = claims_type_name(t); /* canonical spelling */
    }
    if ((unsigned)d->polarity > CLAIMS_NEGATED)
        return pos_error(err, CLAIMS_EINVAL, pos, "polarity", "out of range");
    if ((unsigned)d->certainty > CLAIMS_UNKNOWN)
        return pos_error(err, CLAIMS_EINVAL, pos, "certainty", "out of range");
    c.polarity = d->polarity;
    c.certainty = d->certainty;
    c.quote_offset = d->quote_offset;
    c.quote_length = d->quote_length;
    if (c.quote_offset < -1 || c.quote_length < -1)
        return pos_error(err, CLAIMS_ERANGE, pos, "quote", "negative offset or length");
    if (d->quote.s.len && c.quote_length >= 0) {
        size_t chars = d->quote_chars >= 0 ? (size_t)d->quote_chars
                                           : claims__utf8_length(c.quote, d->quote.s.len);
        if (chars != (size_t)c.quote_length) {
            char detail[CLAIMS_ERROR_TEXT_LENGTH];
            snprintf(detail, sizeof detail, "length %ld but the quote text has %zu characters",
                     c.quote_length, chars);
            return pos_error(err, CLAIMS_ERANGE, pos, "quote.length", detail);
        }
    }
    long chars = st->sources[source].text_characters;
    if (chars >= 0 && c.quote_offset >= 0 &&
        (c.quote_offset > chars ||
         (c.quote_length > 0 && c.quote_length > chars - c.quote_offset))) {
        char detail[CLAIMS_ERROR_TEXT_LENGTH];
        snprintf(detail, sizeof detail,
                 "offset %ld + length %ld lies beyond the text's %ld characters", c.quote_offset,
                 c.quote_length, chars);
        return pos_error(err, CLAIMS_ERANGE, pos, "quote.offset", detail);
    }
    if (d->attribution_count && !d->attribution)
        return pos_error(err, CLAIMS_EINVAL, pos, "attribution", "NULL array");
    if (d->attribution_count) {
        const char **chain = claims__arena_alloc(&st->arena, d->attribution_count * sizeof *chain);
        if (!chain)
            return pos_error(err, CLAIMS_ENOMEM, pos, "attribution", "out of memory");
        for (size_t i = 0; i < d->attribution_count; i++)
            if ((rc = take_str(st, &chain[i], &d->attribution[i], "attribution", true, pos, err)))
                return rc;
        c.attribution = chain;
        c.attribution_count = d->attribution_count;
    }
    if (!d->id.s.len) {
        /* default id: c<N>, N the 1-based index of the claim in its source */
        char tmp[32];
        int n = snprintf(tmp, sizeof tmp, "c%zu", st->sources[source].claim_count + 1);
        c.id = claims__store_intern(st, tmp, (size_t)n);
        if (!c.id)
            return pos_error(err, CLAIMS_ENOMEM, pos, "id", "out of memory");
    }
    if (claims__grow((void **)&st->claims, &st->claim_cap, st->claim_count + 1,
                     sizeof *st->claims) != CLAIMS_OK)
        return pos_error(err, CLAIMS_ENOMEM, pos, "claim", "out of memory");
    c.ordinal = st->sources[source].claim_count;
    st->claims[st->claim_count] = c;
    if (index)
        *index = st->claim_count;
    st->claim_count++;
    st->sources[source].claim_count++;
    return CLAIMS_OK;
}

int claims__store_add_claim(claims_store *st, size_t *index, size_t source,
                            const claims_claim_desc *d, const claims__pos *pos, claims_error *err)
{
    claims__claim_in in;
    memset(&in, 0, sizeof in);
    in.id = plain(d->id);
    in.subject = plain(d->subject);
    in.attribute = plain(d->attribute);
    in.value = plain(d->value);
    in.value_type = plain(d->value_type);
    in.quote = plain(d->quote);
    in.quote_offset = d->quote_offset;
    in.quote_length = d->quote_length;
    in.quote_chars = -1;
    in.polarity = d->polarity;
    in.certainty = d->certainty;
    in.subject_index = CLAIMS__SUBJECT_LOOKUP;
    in.attribution_count = d->attribution_count;
    claims__field small[16], *chain = NULL;
    if (d->attribution && d->attribution_count) {
        chain = d->attribution_count <= 16 ? small : malloc(d->attribution_count * sizeof *chain);
        if (!chain)
            return pos_error(err, CLAIMS_ENOMEM, pos, "attribution", "out of memory");
        for (size_t i = 0; i < d->attribution_count; i++)
            chain[i] = plain(d->attribution[i]);
    }
    in.attribution = chain;
    int rc = claims__store_add_claim_in(st, index, source, &in, pos, err);
    if (chain != small)
        free(chain);
    return rc;
}

int claims__store_diagnose(claims_store *st, const claims_error *e)
{
    if (claims__grow((void **)&st->diags, &st->diag_cap, st->diag_count + 1, sizeof *st->diags) ==
        CLAIMS_OK)
        st->diags[st->diag_count++] = *e;
    return e->code;
}

void claims__store_mark_get(const claims_store *st, size_t source, claims__store_mark *m)
{
    m->sources = st->source_count;
    m->subjects = st->subject_count;
    m->claims = st->claim_count;
    m->source = source;
    m->source_claims = source < st->source_count ? st->sources[source].claim_count : 0;
}

void claims__store_rollback(claims_store *st, const claims__store_mark *m)
{
    /* Map entries of dropped items stay but are verified on lookup;
     * interned strings stay in the arena until the store is freed. */
    for (size_t i = m->subjects; i < st->subject_count; i++)
        if (st->subjects[i].source < m->sources)
            st->sources[st->subjects[i].source].subject_count--;
    st->source_count = m->sources;
    st->subject_count = m->subjects;
    if (st->subjects_indexed > m->subjects)
        st->subjects_indexed = m->subjects;
    st->claim_count = m->claims;
    if (m->source < st->source_count)
        st->sources[m->source].claim_count = m->source_claims;
}

/* ---- public API ------------------------------------------------------------- */

static const claims__pos API_POS = {"<api>", 0, 0, -1, -1, 0};

int claims_store_add_source(claims_store *store, size_t *index, const claims_source_desc *desc,
                            claims_error *err)
{
    claims__error_clear(err);
    if (!store || !desc)
        return claims__error_simple(err, CLAIMS_EINVAL, "store or desc is NULL");
    if (desc->version != CLAIMS_SOURCE_DESC_VERSION)
        return claims__error_simple(err, CLAIMS_EINVAL, "unsupported source desc version %u",
                                    desc->version);
    return claims__store_add_source(store, index, desc, "<api>", false, &API_POS, err);
}

int claims_store_add_subject(claims_store *store, size_t source, const claims_subject_desc *desc,
                             claims_error *err)
{
    claims__error_clear(err);
    if (!store || !desc)
        return claims__error_simple(err, CLAIMS_EINVAL, "store or desc is NULL");
    if (desc->version != CLAIMS_SUBJECT_DESC_VERSION)
        return claims__error_simple(err, CLAIMS_EINVAL, "unsupported subject desc version %u",
                                    desc->version);
    return claims__store_add_subject(store, NULL, source, desc, &API_POS, err);
}

int claims_store_add_claim(claims_store *store, size_t *index, size_t source,
                           const claims_claim_desc *desc, claims_error *err)
{
    claims__error_clear(err);
    if (!store || !desc)
        return claims__error_simple(err, CLAIMS_EINVAL, "store or desc is NULL");
    if (desc->version != CLAIMS_CLAIM_DESC_VERSION)
        return claims__error_simple(err, CLAIMS_EINVAL, "unsupported claim desc version %u",
                                    desc->version);
    claims__pos pos = API_POS;
    pos.claim = source < store->source_count ? (long)store->sources[source].claim_count : -1;
    return claims__store_add_claim(store, index, source, desc, &pos, err);
}

int claims_store_summary(const claims_store *store, claims_load_summary *out)
{
    if (!store || !claims__summary_version_ok(out))
        return CLAIMS_EINVAL;
    claims__summary_put(out, &store->total);
    return CLAIMS_OK;
}

bool claims__summary_version_ok(const claims_load_summary *s)
{
    return s && s->version >= 1 && s->version <= CLAIMS_LOAD_SUMMARY_VERSION;
}

void claims__summary_put(claims_load_summary *out, const claims_load_summary *in)
{
    /* only the fields of the caller's version: its struct may be shorter
     * than this library's (version 1 is the only one so far) */
    unsigned v = out->version;
    memcpy(out, in, sizeof *out);
    out->version = v;
}

size_t claims_store_diagnostic_count(const claims_store *store)
{
    return store ? store->diag_count : 0;
}

const claims_error *claims_store_diagnostic(const claims_store *store, size_t i)
{
    return store && i < store->diag_count ? &store->diags[i] : NULL;
}

size_t claims_store_source_count(const claims_store *store)
{
    return store ? store->source_count : 0;
}

size_t claims_store_claim_count(const claims_store *store)
{
    return store ? store->claim_count : 0;
}

/* ---- cursors ------------------------------------------------------------------ */

int claims__cursor_new(claims_cursor **out, const claims_store *store, claims__cursor_kind kind,
                       size_t source)
{
    if (!out || !store)
        return CLAIMS_EINVAL;
    if (source != CLAIMS_ALL && source >= store->source_count)
        return CLAIMS_ENOTFOUND;
    claims_cursor *c = calloc(1, sizeof *c);
    if (!c)
        return CLAIMS_ENOMEM;
    c->store = store;
    c->kind = kind;
    c->source = source;
    *out = c;
    return CLAIMS_OK;
}

int claims__cursor_new_rows(claims_cursor **out, const claims_store *store, const void *owner,
                            claims__cursor_kind kind, size_t begin, size_t end)
{
    int rc = claims__cursor_new(out, store, kind, CLAIMS_ALL);
    if (rc != CLAIMS_OK)
        return rc;
    (*out)->owner = owner;
    (*out)->begin = begin;
    (*out)->next = begin;
    (*out)->end = end;
    return CLAIMS_OK;
}

int claims__cursor_new_list(claims_cursor **out, const claims_store *store, const void *owner,
                            const size_t *list, size_t count)
{
    int rc = claims__cursor_new(out, store, CLAIMS__CURSOR_CLAIMS, CLAIMS_ALL);
    if (rc != CLAIMS_OK)
        return rc;
    (*out)->owner = owner;
    (*out)->listed = true;
    (*out)->list = list;
    (*out)->list_count = count;
    return CLAIMS_OK;
}

int claims__cursor_advance(claims_cursor *c, claims__cursor_kind kind, const void **owner,
                           size_t *row, size_t *begin, claims__cursor_row **slot)
{
    if (!c || c->kind != kind)
        return CLAIMS_EINVAL;
    *owner = c->owner;
    *begin = c->begin;
    *slot = &c->row;
    if (c->next >= c->end)
        return CLAIMS_DONE;
    *row = c->next++;
    return CLAIMS_OK;
}

claims__rows claims__store_rows(const claims_store *st)
{
    return (claims__rows){st->sources,       st->source_count, st->subjects,
                          st->subject_count, st->claims,       st->claim_count};
}

int claims_store_sources(claims_cursor **out, const claims_store *store)
{
    return claims__cursor_new(out, store, CLAIMS__CURSOR_SOURCES, CLAIMS_ALL);
}

int claims_store_claims(claims_cursor **out, const claims_store *store, size_t source)
{
    return claims__cursor_new(out, store, CLAIMS__CURSOR_CLAIMS, source);
}

int claims_store_claims_from(claims_cursor **out, const claims_store *store, size_t first)
{
    if (!out || !store)
        return CLAIMS_EINVAL;
    if (first >= store->claim_count)
        return CLAIMS_ENOTFOUND;
    int rc = claims__cursor_new(out, store, CLAIMS__CURSOR_CLAIMS, CLAIMS_ALL);
    if (rc == CLAIMS_OK)
        (*out)->next = first;
    return rc;
}

int claims_store_subjects(claims_cursor **out, const claims_store *store, size_t source)
{
    return claims__cursor_new(out, store, CLAIMS__CURSOR_SUBJECTS, source);
}

/* The head of a store cursor's next: arguments there, kind right. */
static bool next_ok(const void *out, const claims_cursor *cursor, claims__cursor_kind kind)
{
    return out && cursor && cursor->kind == kind;
}

int claims_cursor_next_source(const claims_source_info **row, claims_cursor *cursor)
{
    if (row)
        *row = NULL;
    if (!next_ok(row, cursor, CLAIMS__CURSOR_SOURCES))
        return CLAIMS_EINVAL;
    const claims_store *st = cursor->store;
    if (cursor->next >= st->source_count)
        return CLAIMS_DONE;
    size_t i = cursor->next++;
    const claims__source *s = &st->sources[i];
    claims_source_info *out = &cursor->row.source;
    out->index = i;
    out->id = s->id;
    out->outlet = s->outlet;
    out->title = s->title;
    out->author = s->author;
    out->published = s->published;
    out->url = s->url;
    out->language = s->language;
    out->origin = s->origin;
    out->text_file = s->text_file;
    out->text_characters = s->text_characters;
    out->subject_count = s->subject_count;
    out->claim_count = s->claim_count;
    *row = out;
    return CLAIMS_OK;
}

int claims_cursor_next_subject(const claims_subject_info **row, claims_cursor *cursor)
{
    if (row)
        *row = NULL;
    if (!next_ok(row, cursor, CLAIMS__CURSOR_SUBJECTS))
        return CLAIMS_EINVAL;
    const claims_store *st = cursor->store;
    while (cursor->next < st->subject_count && cursor->source != CLAIMS_ALL &&
           st->subjects[cursor->next].source != cursor->source)
        cursor->next++;
    if (cursor->next >= st->subject_count)
        return CLAIMS_DONE;
    size_t i = cursor->next++;
    const claims__subject *s = &st->subjects[i];
    claims_subject_info *out = &cursor->row.subject;
    out->index = i;
    out->source = s->source;
    out->id = s->id;
    out->type = s->type;
    out->label = s->label;
    *row = out;
    return CLAIMS_OK;
}

void claims__claim_info(claims_claim_info *out, const claims_store *st, size_t i)
{
    const claims__claim *c = &st->claims[i];
    const claims__subject *subj = &st->subjects[c->subject];
    out->index = i;
    out->source = c->source;
    out->id = c->id;
    out->source_id = st->sources[c->source].id;
    out->subject_id = subj->id;
    out->subject_type = subj->type;
    out->subject_label = subj->label;
    out->attribute = c->attribute;
    out->value = c->value;
    out->value_type = c->value_type;
    out->attribution = c->attribution;
    out->attribution_count = c->attribution_count;
    out->quote = c->quote;
    out->quote_offset = c->quote_offset;
    out->quote_length = c->quote_length;
    out->polarity = c->polarity;
    out->certainty = c->certainty;
    out->line = c->line;
    out->column = c->column;
}

int claims_cursor_next_claim(const claims_claim_info **row, claims_cursor *cursor)
{
    if (row)
        *row = NULL;
    if (!next_ok(row, cursor, CLAIMS__CURSOR_CLAIMS))
        return CLAIMS_EINVAL;
    const claims_store *st = cursor->store;
    size_t i;
    if (cursor->listed) { /* the claims of a value cluster */
        if (cursor->next >= cursor->list_count)
            return CLAIMS_DONE;
        i = cursor->list[cursor->next++];
    } else {
        while (cursor->next < st->claim_count && cursor->source != CLAIMS_ALL &&
               st->claims[cursor->next].source != cursor->source)
            cursor->next++;
        if (cursor->next >= st->claim_count)
            return CLAIMS_DONE;
        i = cursor->next++;
    }
    claims__claim_info(&cursor->row.claim, st, i);
    *row = &cursor->row.claim;
    return CLAIMS_OK;
}

void claims_cursor_free(claims_cursor *cursor) { free(cursor); }

const char *claims_polarity_name(claims_polarity polarity)
{
    return polarity == CLAIMS_NEGATED    ? "negated"
           : polarity == CLAIMS_AFFIRMED ? "affirmed"
                                         : "unknown";
}

const char *claims_certainty_name(claims_certainty certainty)
{
    static const char *const names[] = {"certain", "probable", "possible", "unknown"};
    return (unsigned)certainty <= CLAIMS_UNKNOWN ? names[certainty] : "unknown";
}

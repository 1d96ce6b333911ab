/* json.c - the JSON report (docs/report.md) for tools: written directly, no
 * tree built, strings escaped a word at a time. */
#include "report/report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- JSON strings ------------------------------------------------------------------- */

/* What follows the backslash for bytes that JSON escapes: 'u' for \u00XX.
 * NUL is 'u' too: str() stops there, explicit lengths escape it. */
static const char JSON_ESC[256] = {
    [0x00] = 'u', [0x01] = 'u', [0x02] = 'u', [0x03] = 'u', [0x04] = 'u', [0x05] = 'u',
    [0x06] = 'u', [0x07] = 'u', [0x08] = 'u', [0x09] = 't', [0x0a] = 'n', [0x0b] = 'u',
    [0x0c] = 'u', [0x0d] = 'r', [0x0e] = 'u', [0x0f] = 'u', [0x10] = 'u', [0x11] = 'u',
    [0x12] = 'u', [0x13] = 'u', [0x14] = 'u', [0x15] = 'u', [0x16] = 'u', [0x17] = 'u',
    [0x18] = 'u', [0x19] = 'u', [0x1a] = 'u', [0x1b] = 'u', [0x1c] = 'u', [0x1d] = 'u',
    [0x1e] = 'u', [0x1f] = 'u', ['"'] = '"',  ['\\'] = '\\'};

/* Writes the escape of byte c at o (room for 6 bytes); returns the end. */
static inline char *put_escape(char *o, unsigned char c)
{
    static const char hex[] = "0123456789abcdef";
    char e = JSON_ESC[c];
    *o++ = '\\';
    *o++ = e;
    if (e == 'u') {
        *o++ = '0';
        *o++ = '0';
        *o++ = hex[c >> 4];
        *o++ = hex[c & 15];
    }
    return o;
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* True when one of the 8 bytes of x needs a JSON escape: below 0x20, '"' or
 * '\\' (exact as a test of the whole word). */
static inline bool word_needs_escape(uint64_t x)
{
    uint64_t q = x ^ (ONES * '"'), b = x ^ (ONES * '\\');
    return (((x - ONES * 0x20) & ~x) | ((q - ONES) & ~q) | ((b - ONES) & ~b)) & HIGHS;
}

/* Copies the bytes of s[0..n) to o up to the first that needs an escape,
 * eight at a time while none does; returns how many it copied. */
static inline size_t copy_clean(char *o, const char *s, size_t n)
{
    size_t i = 0;
    for (uint64_t x; i + 8 <= n; i += 8) {
        memcpy(&x, s + i, 8);
        if (word_needs_escape(x))
            break;
        memcpy(o + i, &x, 8);
    }
    for (; i < n && !JSON_ESC[(unsigned char)s[i]]; i++)
        o[i] = s[i];
    return i;
}

/* Appends s[0..n) escaped for a JSON string, without the quotes. */
static void str_body_n(claims__writer *w, const char *s, size_t n)
{
    while (n && claims__w_room(w, n + 6)) {
        size_t i = copy_clean(w->pos, s, n);
        w->pos += i;
        if (i == n)
            return;
        w->pos = put_escape(w->pos, (unsigned char)s[i]);
        s += i + 1;
        n -= i + 1;
    }
}

static inline void str_body(claims__writer *w, const char *s) { str_body_n(w, s, strlen(s)); }

/* s[0..n) as a JSON string, quoted: most need no escape, and take one
 * check for room and one pass. */
static void str_n(claims__writer *w, const char *s, size_t n)
{
    if (!claims__w_room(w, n + 2))
        return;
    *w->pos++ = '"';
    size_t i = copy_clean(w->pos, s, n);
    w->pos += i;
    if (i < n)
        str_body_n(w, s + i, n - i);
    claims__w_lit(w, "\"");
}

static inline void str(claims__writer *w, const char *s) { str_n(w, s, strlen(s)); }

/* ---- JSON structure ------------------------------------------------------------------ */

/* A JSON writer that places commas and line breaks itself: every open
 * container remembers whether it has an item yet, and whether its items go
 * on lines of their own (a block) or on one line. Compact output has no
 * blocks and no spaces. */
#define JSON_DEPTH 16

/* Source ids escaped once for the whole report: every claim names its
 * source three times. */
typedef struct ids {
    char *text;    /* the escaped ids, one after the other */
    size_t *start; /* source i is text[start[i] .. start[i + 1]) */
} ids;

typedef struct json {
    claims__writer *w;
    int depth;
    bool compact;
    bool first[JSON_DEPTH];
    bool block[JSON_DEPTH];
    const ids *sources; /* NULL: escape them each time */
} json;

/* A line break and the indentation of up to JSON_DEPTH - 1 levels. */
static const char NL_INDENT[] = "\n                                ";

/* Before an item of the current container: comma, then newline in blocks. */
static inline void j_item(json *j)
{
    int d = j->depth;
    if (!j->first[d])
        claims__w_put(j->w, ", ", j->block[d] || j->compact ? 1 : 2);
    j->first[d] = false;
    if (j->block[d])
        claims__w_put(j->w, NL_INDENT, 1 + 2 * (size_t)d);
}

static inline void j_open(json *j, char bracket, bool block)
{
    claims__w_put(j->w, &bracket, 1);
    if (j->depth + 1 < JSON_DEPTH)
        j->depth++;
    j->first[j->depth] = true;
    j->block[j->depth] = block && !j->compact;
}

static inline void j_close(json *j, char bracket)
{
    bool newline = j->block[j->depth] && !j->first[j->depth];
    j->depth--;
    if (newline)
        claims__w_put(j->w, NL_INDENT, 1 + 2 * (size_t)j->depth);
    claims__w_put(j->w, &bracket, 1);
}

/* An item that is a key: separator, line break, the quoted key `quoted`
 * (n bytes, a literal without escapes) and the colon, with one check for
 * room. */
static inline void j_key_n(json *j, const char *quoted, size_t n)
{
    if (!claims__w_room(j->w, n + 2 * JSON_DEPTH + 4))
        return;
    int d = j->depth;
    char *o = j->w->pos;
    if (!j->first[d]) {
        *o++ = ',';
        if (!j->block[d] && !j->compact)
            *o++ = ' ';
    }
    j->first[d] = false;
    if (j->block[d]) {
        memcpy(o, NL_INDENT, 1 + 2 * (size_t)d);
        o += 1 + 2 * (size_t)d;
    }
    memcpy(o, quoted, n);
    o += n;
    *o++ = ':';
    if (!j->compact)
        *o++ = ' ';
    j->w->pos = o;
}

#define j_key(j, k) j_key_n((j), "\"" k "\"", sizeof(k) + 1)
#define j_str(j, k, v) (j_key((j), k), str((j)->w, (v)))
#define j_num(j, k, n) (j_key((j), k), claims__w_uint((j)->w, (n)))
#define j_bool(j, k, v) \
    (j_key((j), k), (v) ? claims__w_lit((j)->w, "true") : claims__w_lit((j)->w, "false"))
#define j_strings(j, k, s, n) (j_key((j), k), j_list((j), (s), (n)))

/* A fragment of a one-line object, in its two spellings (indented and
 * compact), its length known at compile time. */
#define J_FRAG(j, spaced, tight) \
    ((j)->compact ? claims__w_lit((j)->w, tight) : claims__w_lit((j)->w, spaced))
/* The next key of a one-line object: `, "k": ` */
#define J_NEXT(j, k) J_FRAG((j), ", \"" k "\": ", ",\"" k "\":")

static void j_list(json *j, const char *const *s, size_t n)
{
    j_open(j, '[', false);
    for (size_t i = 0; i < n; i++) {
        j_item(j);
        str(j->w, s[i]);
    }
    j_close(j, ']');
}

static void source_id(json *j, const claims__rows *st, size_t source)
{
    if (j->sources)
        claims__w_put(j->w, j->sources->text + j->sources->start[source],
                      j->sources->start[source + 1] - j->sources->start[source]);
    else
        str_body(j->w, st->sources[source].id);
}

/* "source#claim": claim ids are unique within their source only. */
static void j_claim_ref(json *j, const claims__rows *st, size_t ci)
{
    const claims__claim *c = &st->claims[ci];
    claims__w_lit(j->w, "\"");
    source_id(j, st, c->source);
    claims__w_lit(j->w, "#");
    str_body(j->w, c->id);
    claims__w_lit(j->w, "\"");
}

/* The evidence of one claim: a one-line object, the most frequent of the
 * report, written from fragments. */
static void evidence(json *j, const claims__view *r, size_t ci)
{
    const claims__rows *st = &r->rows;
    const claims__claim *c = &st->claims[ci];
    const claims_value *v = r->pool[r->claim_value[ci]];
    claims__writer *w = j->w;
    j_item(j);
    J_FRAG(j, "{\"claim\": ", "{\"claim\":");
    j_claim_ref(j, st, ci);
    J_NEXT(j, "source");
    claims__w_lit(w, "\"");
    source_id(j, st, c->source);
    claims__w_lit(w, "\"");
    J_NEXT(j, "subject");
    str(w, st->subjects[c->subject].id);
    J_NEXT(j, "text");
    str(w, c->value);
    J_NEXT(j, "normalized");
    str(w, v ? claims__value_norm(v, NULL) : "");
    claims_modifier mod = claims_value_modifier(v);
    if (mod != CLAIMS_MOD_NONE) {
        J_NEXT(j, "modifier");
        str(w, claims_modifier_name(mod));
    }
    J_NEXT(j, "origin");
    str(w, r->claim_origin[ci]);
    J_NEXT(j, "attribution");
    claims__w_lit(w, "[");
    for (size_t i = 0; i < c->attribution_count; i++) {
        if (i)
            J_FRAG(j, ", ", ",");
        str(w, c->attribution[i]);
    }
    claims__w_lit(w, "]");
    if (c->quote[0]) {
        J_NEXT(j, "quote");
        str(w, c->quote);
        if (c->quote_offset >= 0) {
            J_NEXT(j, "offset");
            claims__w_uint(w, (size_t)c->quote_offset);
        }
        if (c->quote_length >= 0) {
            J_NEXT(j, "length");
            claims__w_uint(w, (size_t)c->quote_length);
        }
    }
    J_NEXT(j, "polarity");
    str(w, claims_polarity_name(c->polarity));
    J_NEXT(j, "certainty");
    str(w, claims_certainty_name(c->certainty));
    if (c->line) {
        J_NEXT(j, "line");
        claims__w_uint(w, (size_t)c->line);
    }
    claims__w_lit(w, "}");
}

static void value_json(json *j, const claims__view *r, const claims__rvalue *v)
{
    j_item(j);
    j_open(j, '{', true);
    j_str(j, "normalized", v->normalized);
    j_str(j, "text", v->text);
    if (v->hedged)
        j_str(j, "modifier", claims_modifier_name(v->modifier));
    j_str(j, "polarity", claims_polarity_name(v->polarity));
    j_bool(j, "uncertain", v->uncertain);
    j_bool(j, "hedged", v->hedged);
    j_bool(j, "preferred", v->preferred);
    j_str(j, "certainty", claims_certainty_name(v->certainty));
    j_num(j, "side", v->side);
    j_num(j, "side_origins", v->side_origin_count);
    j_bool(j, "superseded", v->superseded);
    j_bool(j, "current", v->current);
    j_str(j, "published_first", v->published_first);
    j_str(j, "published_last", v->published_last);
    j_strings(j, "sources", v->sources, v->source_count);
    j_strings(j, "origins", v->origins, v->origin_count);
    j_key(j, "claims");
    j_open(j, '[', false);
    for (size_t i = 0; i < v->claim_count; i++) {
        j_item(j);
        j_claim_ref(j, &r->rows, r->claim_list[v->claim_start + i]);
    }
    j_close(j, ']');
    j_key(j, "evidence");
    j_open(j, '[', true);
    for (size_t i = 0; i < v->claim_count; i++)
        evidence(j, r, r->claim_list[v->claim_start + i]);
    j_close(j, ']');
    j_close(j, '}');
}

static void attribute_json(json *j, const claims__view *r, const claims__rattr *at)
{
    j_item(j);
    j_open(j, '{', true);
    j_str(j, "attribute", at->name);
    j_str(j, "type", at->type);
    j_bool(j, "known", at->known);
    j_str(j, "cardinality", at->cardinality == CLAIMS_SET ? "set" : "single");
    j_str(j, "relation", claims_agreement_name(at->agreement));
    j_str(j, "reason", at->reason);
    j_num(j, "source_count", at->source_count);
    j_num(j, "uncertain_count", at->uncertain_count);
    j_key(j, "values");
    j_open(j, '[', true);
    for (size_t v = 0; v < at->value_count; v++)
        value_json(j, r, &r->values[at->value_start + v]);
    j_close(j, ']');
    j_close(j, '}');
}

static void event_json(json *j, const claims__view *r, const claims__rsubject *s)
{
    const claims__rows *st = &r->rows;
    j_item(j);
    j_open(j, '{', true);
    j_str(j, "id", s->id);
    j_str(j, "label", s->label);
    j_str(j, "type", s->type);
    j_strings(j, "sources", s->sources, s->source_count);
    j_key(j, "mentions");
    j_open(j, '[', false);
    for (size_t k = 0; k < s->mention_count; k++) {
        const claims__subject *m = &st->subjects[s->mentions[k]];
        j_item(j);
        j_open(j, '{', false);
        j_str(j, "source", st->sources[m->source].id);
        j_str(j, "subject", m->id);
        j_str(j, "label", m->label);
        j_close(j, '}');
    }
    j_close(j, ']');
    j_key(j, "explanation");
    j_open(j, '[', true);
    for (const char *p = s->explanation; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        j_item(j);
        str_n(j->w, p, len);
        p += len + (nl ? 1 : 0);
    }
    j_close(j, ']');
    j_key(j, "attributes");
    j_open(j, '[', true);
    for (size_t a = 0; a < s->attr_count; a++)
        attribute_json(j, r, &r->attrs[s->attr_start + a]);
    j_close(j, ']');
    j_close(j, '}');
}

/* Events [begin, end) of the "events" array; state: the writer state at
 * its opening bracket. */
static void events_json(claims__writer *w, const claims__items *it, size_t begin, size_t end)
{
    json j = *(const json *)it->state;
    j.w = w;
    j.first[j.depth] = begin == 0;
    for (size_t e = begin; e < end && !w->failed; e++)
        event_json(&j, it->r, &it->r->subjects[e]);
}

/* Escapes every source id once; false (nothing to free) without memory. */
static bool ids_init(ids *d, const claims__rows *st)
{
    claims__writer t;
    claims__w_init(&t, 64 * st->source_count + 64, NULL, NULL, 0);
    d->start = malloc((st->source_count + 1) * sizeof *d->start);
    for (size_t i = 0; i < st->source_count && d->start; i++) {
        d->start[i] = (size_t)(t.pos - t.buf);
        str_body(&t, st->sources[i].id);
    }
    if (!d->start || t.failed) {
        free(d->start);
        claims__w_free(&t);
        return false;
    }
    d->start[st->source_count] = (size_t)(t.pos - t.buf);
    d->text = t.buf;
    return true;
}

void claims__render_json(claims__writer *w, const claims__view *r)
{
    const claims__rows *st = &r->rows;
    ids sources;
    bool have_ids = ids_init(&sources, st);
    json j = {.w = w, .compact = w->compact, .sources = have_ids ? &sources : NULL};
    j_open(&j, '{', true);
    j_str(&j, "format", "claims-report/1");
    j_str(&j, "libclaims", claims_version_string());
    j_key(&j, "sources");
    j_open(&j, '[', true);
    for (size_t s = 0; s < st->source_count; s++) {
        const claims__source *so = &st->sources[s];
        j_item(&j);
        j_open(&j, '{', false);
        j_str(&j, "id", so->id);
        j_str(&j, "outlet", so->outlet);
        j_str(&j, "title", so->title);
        j_str(&j, "author", so->author);
        j_str(&j, "published", so->published);
        j_str(&j, "url", so->url);
        j_num(&j, "claims", so->claim_count);
        j_close(&j, '}');
    }
    j_close(&j, ']');
    j_key(&j, "events");
    j_open(&j, '[', true);
    claims__items events = {r, NULL, r->subject_count, events_json, &j};
    claims__render_items(w, &events);
    if (have_ids) {
        free(sources.text);
        free(sources.start);
    }
    if (w->failed)
        return;
    j.first[j.depth] = r->subject_count == 0;
    j_close(&j, ']');
    j_key(&j, "dependencies");
    j_open(&j, '[', true);
    for (size_t d = 0; d < r->dep_count; d++) {
        const claims__dependency *dep = &r->deps[d];
        const char *pair[2] = {dep->a, dep->b};
        j_item(&j);
        j_open(&j, '{', false);
        j_strings(&j, "sources", pair, 2);
        j_strings(&j, "passages", dep->passages, dep->passage_count);
        j_close(&j, '}');
    }
    j_close(&j, ']');
    j_key(&j, "notes");
    j_open(&j, '[', true);
    for (size_t n = 0; n < r->note_count; n++) {
        const claims_error *e = &r->notes[n];
        j_item(&j);
        j_open(&j, '{', false);
        j_str(&j, "source", e->source);
        j_num(&j, "line", (size_t)(e->line > 0 ? e->line : 0));
        j_num(&j, "column", (size_t)(e->column > 0 ? e->column : 0));
        if (e->claim >= 0)
            j_num(&j, "claim", (size_t)e->claim);
        j_str(&j, "message", e->text);
        j_close(&j, '}');
    }
    j_close(&j, ']');
    j_key(&j, "counts");
    j_open(&j, '{', false);
    j_num(&j, "claims", r->stats.claims);
    j_num(&j, "mentions", r->stats.mentions);
    j_num(&j, "subjects", r->subject_count);
    j_num(&j, "values_unparsed", r->stats.values_unparsed);
    j_num(&j, "clusters", r->value_count);
    j_num(&j, "dependencies", r->dep_count);
    j_close(&j, '}');
    j_close(&j, '}');
    claims__w_lit(w, "\n");
}

/* report.c - renderings of a result: JSON (docs/report.md) for tools, plain
 * text for terminals, CSV for spreadsheets (HTML: report_html.c), streamed
 * through the caller's write callback or gathered in memory.
 *
 * Everything is written directly (no tree is built) into a writer that hands
 * full chunks on, so a report of any size needs a bounded amount of memory.
 * The subjects, which are most of a report, are rendered in batches on
 * several threads into buffers of their own and handed on in order; their
 * content depends only on the input's content, never on timings, thread
 * counts or input order. */
#include "report.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the writer ------------------------------------------------------------------- */

typedef claims__writer writer;

#define put claims__w_put
#define lit claims__w_lit
#define raw claims__w_raw

#define DEFAULT_CHUNK 65536

void claims__w_init(writer *w, size_t cap, claims_write_fn write, void *payload,
                    size_t chunk)
{
    memset(w, 0, sizeof *w);
    w->write = write;
    w->payload = payload;
    w->chunk = chunk ? chunk : DEFAULT_CHUNK;
    w->threads = 1;
    w->buf = malloc(cap ? cap : 1);
    if (!w->buf) {
        w->failed = CLAIMS_ENOMEM;
        return;
    }
    w->pos = w->buf;
    w->end = w->buf + (cap ? cap : 1);
}

void claims__w_free(writer *w)
{
    free(w->buf);
    w->buf = w->pos = w->end = NULL;
}

/* Hands data[0..n) to a stream's callback in pieces of at most w->chunk. */
static void deliver(writer *w, const char *data, size_t n)
{
    while (n && !w->failed) {
        size_t k = n < w->chunk ? n : w->chunk;
        int rc = w->write(w->payload, data, k);
        if (rc != 0) {
            w->failed = CLAIMS_EIO;
            w->write_rc = rc;
            return;
        }
        w->written += k;
        data += k;
        n -= k;
    }
}

void claims__w_flush(writer *w)
{
    if (w->write && w->pos > w->buf) {
        deliver(w, w->buf, (size_t)(w->pos - w->buf));
        w->pos = w->buf;
    }
}

bool claims__w_grow(writer *w, size_t n)
{
    if (w->failed)
        return false;
    if (w->write) {
        claims__w_flush(w);
        if (w->failed)
            return false;
        if ((size_t)(w->end - w->pos) >= n)
            return true;
    }
    size_t len = (size_t)(w->pos - w->buf), cap = (size_t)(w->end - w->buf);
    if (n > SIZE_MAX / 2 - len) {
        w->failed = CLAIMS_ENOMEM;
        return false;
    }
    size_t want = cap * 2 > len + n ? cap * 2 : len + n + 64;
    char *p = realloc(w->buf, want);
    if (!p) {
        w->failed = CLAIMS_ENOMEM;
        return false;
    }
    w->buf = p;
    w->pos = p + len;
    w->end = p + want;
    return true;
}

void claims__w_emit(writer *w, const char *data, size_t n)
{
    if (!w->write) {
        put(w, data, n);
        return;
    }
    claims__w_flush(w);
    deliver(w, data, n);
}

void claims__w_raw(writer *w, const char *s) { put(w, s, strlen(s)); }

void claims__w_uint(writer *w, size_t v)
{
    char tmp[24], *p = tmp + sizeof tmp;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(w, p, (size_t)(tmp + sizeof tmp - p));
}

void claims__w_count(writer *w, size_t n, const char *thing)
{
    claims__w_uint(w, n);
    lit(w, " ");
    raw(w, thing);
    if (n != 1)
        lit(w, "s");
}

void claims__w_printf(writer *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        if (!w->failed)
            w->failed = CLAIMS_ENOMEM;
        return;
    }
    if (!claims__w_room(w, (size_t)n + 1))
        return;
    va_start(ap, fmt);
    vsnprintf(w->pos, (size_t)n + 1, fmt, ap);
    va_end(ap);
    w->pos += n;
}

/* Bytes that HTML escapes, with their entities. */
static const char *const HTML_ESC[256] = {
    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&#39;"};

void claims__w_html(writer *w, const char *s) { claims__w_html_n(w, s, strlen(s)); }

void claims__w_html_n(writer *w, const char *s, size_t n)
{
    const char *run = s, *stop = s + n;
    for (const char *p = s; p < stop; p++) {
        const char *esc = HTML_ESC[(unsigned char)*p];
        if (!esc)
            continue;
        put(w, run, (size_t)(p - run));
        raw(w, esc);
        run = p + 1;
    }
    put(w, run, (size_t)(stop - run));
}

/* ---- subjects in parallel ---------------------------------------------------------- */

/* A batch holds subjects up to about this many claims and mentions: a few
 * hundred kilobytes of JSON. */
#define BATCH_WEIGHT 1024
/* Batches per thread in one window, and at most in one: the threads wait
 * for each other at the end of every window, where one that the system
 * paused holds up the rest, so windows are long; two of them (the one
 * rendered, the one handed on) stay within a few tens of megabytes. */
#define BATCHES_PER_THREAD 32
#define MAX_WINDOW 64

typedef struct items_run {
    const claims__items *it;
    writer *out;
    size_t next;                           /* first position not in a window */
    size_t bounds[2][MAX_WINDOW + 1];      /* positions of each window's batches */
    size_t count[2];                       /* batches in each window */
    writer bufs[2][MAX_WINDOW];            /* each batch's output */
    int cur;                               /* the window being rendered */
    bool emit;                             /* task 0 hands the other window on */
} items_run;

static size_t subject_weight(const claims_result *r, size_t s)
{
    const claims__rsubject *sub = &r->subjects[s];
    size_t w = 1 + sub->mention_count;
    for (size_t a = 0; a < sub->attr_count; a++) {
        const claims__rattr *at = &r->attrs[sub->attr_start + a];
        for (size_t v = 0; v < at->value_count; v++)
            w += 1 + r->values[at->value_start + v].claim_count;
    }
    return w;
}

/* Cuts the next window into `batches` batches of about `weight`. */
static void plan_window(items_run *run, int set, size_t batches, size_t weight)
{
    const claims__items *it = run->it;
    size_t n = 0, pos = run->next;
    run->bounds[set][0] = pos;
    while (n < batches && pos < it->count) {
        for (size_t w = 0; pos < it->count && w < weight; pos++)
            w += subject_weight(it->r, it->order ? it->order[pos] : pos);
        run->bounds[set][++n] = pos;
    }
    run->count[set] = n;
    run->next = pos;
}

/* Hands the batches of window `set` to the output, in order. */
static int emit_window(items_run *run, int set)
{
    for (size_t b = 0; b < run->count[set] && !run->out->failed; b++) {
        writer *w = &run->bufs[set][b];
        claims__w_emit(run->out, w->buf, (size_t)(w->pos - w->buf));
    }
    return run->out->failed;
}

static int items_task(void *arg, size_t task)
{
    items_run *run = arg;
    if (run->emit) {
        if (task == 0)
            return emit_window(run, run->cur ^ 1);
        task--;
    }
    writer *w = &run->bufs[run->cur][task];
    w->pos = w->buf;
    run->it->render(w, run->it, run->bounds[run->cur][task],
                    run->bounds[run->cur][task + 1]);
    return w->failed;
}

int claims__render_items(writer *out, const claims__items *it)
{
    unsigned threads = claims__thread_count(out->threads);
    size_t weight = out->batch_weight ? out->batch_weight : BATCH_WEIGHT;
    if (threads <= 1 || it->count < 2) {
        it->render(out, it, 0, it->count);
        return out->failed;
    }
    items_run *run = calloc(1, sizeof *run);
    if (!run) {
        out->failed = CLAIMS_ENOMEM;
        return out->failed;
    }
    run->it = it;
    run->out = out;
    size_t window = out->window ? out->window : (size_t)threads * BATCHES_PER_THREAD;
    if (window > MAX_WINDOW)
        window = MAX_WINDOW;
    int rc = 0;
    for (int set = 0; set < 2; set++)
        for (size_t b = 0; b < window; b++) {
            claims__w_init(&run->bufs[set][b], 4096, NULL, NULL, 0);
            if (!rc)
                rc = run->bufs[set][b].failed;
        }
    claims__w_flush(out); /* what came before goes first */
    if (!rc)
        rc = out->failed;
    /* Each round renders one window while task 0 hands the previous one on;
     * rounds run one after the other, so the output sees one thread at a
     * time and the windows in order. */
    while (!rc && run->next < it->count) {
        plan_window(run, run->cur, window, weight);
        rc = claims__parallel(run->count[run->cur] + run->emit, threads, items_task, run);
        run->emit = true;
        run->cur ^= 1;
    }
    if (!rc && run->emit)
        rc = emit_window(run, run->cur ^ 1);
    if (rc && !out->failed)
        out->failed = rc;
    for (int set = 0; set < 2; set++)
        for (size_t b = 0; b < window; b++)
            claims__w_free(&run->bufs[set][b]);
    free(run);
    return out->failed;
}

/* ---- JSON strings ------------------------------------------------------------------- */

/* What follows the backslash for bytes that JSON escapes: 'u' for \u00XX.
 * NUL is 'u' too: str() stops there, explicit lengths escape it. */
static const char JSON_ESC[256] = {
    [0x00] = 'u', [0x01] = 'u', [0x02] = 'u', [0x03] = 'u', [0x04] = 'u', [0x05] = 'u',
    [0x06] = 'u', [0x07] = 'u', [0x08] = 'u', [0x09] = 't', [0x0a] = 'n', [0x0b] = 'u',
    [0x0c] = 'u', [0x0d] = 'r', [0x0e] = 'u', [0x0f] = 'u', [0x10] = 'u', [0x11] = 'u',
    [0x12] = 'u', [0x13] = 'u', [0x14] = 'u', [0x15] = 'u', [0x16] = 'u', [0x17] = 'u',
    [0x18] = 'u', [0x19] = 'u', [0x1a] = 'u', [0x1b] = 'u', [0x1c] = 'u', [0x1d] = 'u',
    [0x1e] = 'u', [0x1f] = 'u', ['"'] = '"', ['\\'] = '\\'};

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
static void str_body_n(writer *w, const char *s, size_t n)
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

static inline void str_body(writer *w, const char *s) { str_body_n(w, s, strlen(s)); }

/* s[0..n) as a JSON string, quoted: most need no escape, and take one
 * check for room and one pass. */
static void str_n(writer *w, const char *s, size_t n)
{
    if (!claims__w_room(w, n + 2))
        return;
    *w->pos++ = '"';
    size_t i = copy_clean(w->pos, s, n);
    w->pos += i;
    if (i < n)
        str_body_n(w, s + i, n - i);
    lit(w, "\"");
}

static inline void str(writer *w, const char *s) { str_n(w, s, strlen(s)); }

/* ---- JSON structure ------------------------------------------------------------------ */

/* A JSON writer that places commas and line breaks itself: every open
 * container remembers whether it has an item yet, and whether its items go
 * on lines of their own (a block) or on one line. Compact output has no
 * blocks and no spaces. */
#define JSON_DEPTH 16

/* Source ids escaped once for the whole report: every claim names its
 * source three times. */
typedef struct ids {
    char *text;        /* the escaped ids, one after the other */
    size_t *start;     /* source i is text[start[i] .. start[i + 1]) */
} ids;

typedef struct json {
    writer *w;
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
        put(j->w, ", ", j->block[d] || j->compact ? 1 : 2);
    j->first[d] = false;
    if (j->block[d])
        put(j->w, NL_INDENT, 1 + 2 * (size_t)d);
}

static inline void j_open(json *j, char bracket, bool block)
{
    put(j->w, &bracket, 1);
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
        put(j->w, NL_INDENT, 1 + 2 * (size_t)j->depth);
    put(j->w, &bracket, 1);
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
#define j_bool(j, k, v)                                                        \
    (j_key((j), k), (v) ? lit((j)->w, "true") : lit((j)->w, "false"))
#define j_strings(j, k, s, n) (j_key((j), k), j_list((j), (s), (n)))

/* A fragment of a one-line object, in its two spellings (indented and
 * compact), its length known at compile time. */
#define J_FRAG(j, spaced, tight)                                           \
    ((j)->compact ? lit((j)->w, tight) : lit((j)->w, spaced))
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

static void source_id(json *j, const claims_store *st, size_t source)
{
    if (j->sources)
        put(j->w, j->sources->text + j->sources->start[source],
            j->sources->start[source + 1] - j->sources->start[source]);
    else
        str_body(j->w, st->sources[source].id);
}

/* "source#claim": claim ids are unique within their source only. */
static void j_claim_ref(json *j, const claims_store *st, size_t ci)
{
    const claims__claim *c = &st->claims[ci];
    lit(j->w, "\"");
    source_id(j, st, c->source);
    lit(j->w, "#");
    str_body(j->w, c->id);
    lit(j->w, "\"");
}

/* The evidence of one claim: a one-line object, the most frequent of the
 * report, written from fragments. */
static void evidence(json *j, const claims_result *r, size_t ci)
{
    const claims_store *st = r->store;
    const claims__claim *c = &st->claims[ci];
    const claims_value *v = r->pool[r->claim_value[ci]];
    writer *w = j->w;
    j_item(j);
    J_FRAG(j, "{\"claim\": ", "{\"claim\":");
    j_claim_ref(j, st, ci);
    J_NEXT(j, "source");
    lit(w, "\"");
    source_id(j, st, c->source);
    lit(w, "\"");
    J_NEXT(j, "subject");
    str(w, st->subjects[c->subject].id);
    J_NEXT(j, "text");
    str(w, c->value);
    J_NEXT(j, "normalized");
    str(w, v && v->norm.data ? v->norm.data : ""); /* claims_value_normalized(), inlined */
    claims_modifier mod = v ? v->mod : CLAIMS_MOD_NONE;
    if (mod != CLAIMS_MOD_NONE) {
        J_NEXT(j, "modifier");
        str(w, claims_modifier_name(mod));
    }
    J_NEXT(j, "origin");
    str(w, r->claim_origin[ci]);
    J_NEXT(j, "attribution");
    lit(w, "[");
    for (size_t i = 0; i < c->attribution_count; i++) {
        if (i)
            J_FRAG(j, ", ", ",");
        str(w, c->attribution[i]);
    }
    lit(w, "]");
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
    lit(w, "}");
}

static void value_json(json *j, const claims_result *r, const claims__rvalue *v)
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
    j_strings(j, "sources", v->sources, v->source_count);
    j_strings(j, "origins", v->origins, v->origin_count);
    j_key(j, "claims");
    j_open(j, '[', false);
    for (size_t i = 0; i < v->claim_count; i++) {
        j_item(j);
        j_claim_ref(j, r->store, r->claim_list[v->claim_start + i]);
    }
    j_close(j, ']');
    j_key(j, "evidence");
    j_open(j, '[', true);
    for (size_t i = 0; i < v->claim_count; i++)
        evidence(j, r, r->claim_list[v->claim_start + i]);
    j_close(j, ']');
    j_close(j, '}');
}

static void attribute_json(json *j, const claims_result *r, const claims__rattr *at)
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

static void event_json(json *j, const claims_result *r, const claims__rsubject *s)
{
    const claims_store *st = r->store;
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
static void events_json(writer *w, const claims__items *it, size_t begin, size_t end)
{
    json j = *(const json *)it->state;
    j.w = w;
    j.first[j.depth] = begin == 0;
    for (size_t e = begin; e < end && !w->failed; e++)
        event_json(&j, it->r, &it->r->subjects[e]);
}

/* Escapes every source id once; false (nothing to free) without memory. */
static bool ids_init(ids *d, const claims_store *st)
{
    writer t;
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

static void render_json(writer *w, const claims_result *r)
{
    const claims_store *st = r->store;
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
    lit(w, "\n");
}

/* ---- text ------------------------------------------------------------------------- */

/* s, then spaces up to `width` bytes ("%-*s"). */
static void padded(writer *w, const char *s, size_t width)
{
    size_t n = strlen(s);
    put(w, s, n);
    for (; n < width; n++)
        lit(w, " ");
}

static void list_w(writer *w, const char *const *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            lit(w, ", ");
        raw(w, s[i]);
    }
}

static void subject_text(writer *w, const claims_result *r, const claims__rsubject *s)
{
    lit(w, "\n== ");
    raw(w, s->type);
    lit(w, " ");
    raw(w, s->id);
    lit(w, "\n   ");
    raw(w, s->label);
    lit(w, "\n   sources: ");
    list_w(w, s->sources, s->source_count);
    lit(w, "\n");
    for (const char *p = s->explanation; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        lit(w, "   ");
        put(w, p, len);
        lit(w, "\n");
        p += len + (nl ? 1 : 0);
    }
    for (size_t a = 0; a < s->attr_count; a++) {
        const claims__rattr *at = &r->attrs[s->attr_start + a];
        lit(w, "   ");
        padded(w, at->name, 14);
        lit(w, " ");
        padded(w, claims_agreement_name(at->agreement), 13);
        lit(w, " ");
        raw(w, at->reason);
        if (!at->known)
            lit(w, " [attribute not in the schema]");
        lit(w, "\n");
        for (size_t v = 0; v < at->value_count; v++) {
            const claims__rvalue *val = &r->values[at->value_start + v];
            const char *mark = val->uncertain ? "?" : val->polarity == CLAIMS_NEGATED
                                                          ? "!" : val->preferred ? "*" : "-";
            lit(w, "     ");
            raw(w, mark);
            lit(w, " ");
            raw(w, val->normalized);
            if (strcmp(val->text, val->normalized) != 0) {
                lit(w, " (\"");
                raw(w, val->text);
                lit(w, "\")");
            }
            if (val->hedged) {
                lit(w, " ");
                raw(w, claims_modifier_name(val->modifier));
            }
            lit(w, "  [");
            claims__w_count(w, val->source_count, "source");
            lit(w, ", ");
            claims__w_count(w, val->origin_count, "origin");
            lit(w, ": ");
            list_w(w, val->origins, val->origin_count);
            lit(w, "]\n");
        }
    }
}

static void subjects_text(writer *w, const claims__items *it, size_t begin, size_t end)
{
    for (size_t e = begin; e < end && !w->failed; e++)
        subject_text(w, it->r, &it->r->subjects[e]);
}

static void render_text(writer *w, const claims_result *r)
{
    const claims_store *st = r->store;
    claims__w_count(w, st->source_count, "source");
    lit(w, ", ");
    claims__w_count(w, st->claim_count, "claim");
    lit(w, ", ");
    claims__w_count(w, r->subject_count, "subject");
    lit(w, "\n");
    claims__items subjects = {r, NULL, r->subject_count, subjects_text, NULL};
    if (claims__render_items(w, &subjects) != 0)
        return;
    if (r->dep_count) {
        lit(w, "\nsources sharing wording:\n");
        for (size_t d = 0; d < r->dep_count; d++) {
            const claims__dependency *dep = &r->deps[d];
            lit(w, "  ");
            raw(w, dep->a);
            lit(w, " and ");
            raw(w, dep->b);
            lit(w, ", ");
            claims__w_count(w, dep->passage_count, "passage");
            lit(w, ":\n");
            for (size_t k = 0; k < dep->passage_count; k++) {
                lit(w, "    \"");
                raw(w, dep->passages[k]);
                lit(w, "\"\n");
            }
        }
    }
    if (r->note_count) {
        lit(w, "\nnotes:\n");
        for (size_t n = 0; n < r->note_count; n++) {
            const claims_error *e = &r->notes[n];
            if (e->line)
                claims__w_printf(w, "  %s:%d:%d: %s\n", e->source, e->line, e->column, e->text);
            else
                claims__w_printf(w, "  %s%s%s\n", e->source, e->source[0] ? ": " : "", e->text);
        }
    }
    lit(w, "\nlegend: * preferred or agreed value, - other value, ! negated, ? uncertain\n");
}

/* ---- CSV: one row per claim, RFC 4180 quoting ------------------------------------ */

static void csv_field_n(writer *w, const char *s, size_t n, bool last)
{
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (quote) {
        lit(w, "\"");
        const char *run = s, *stop = s + n;
        for (const char *p; (p = memchr(run, '"', (size_t)(stop - run))) != NULL; run = p + 1)
            put(w, run, (size_t)(p - run + 1)), lit(w, "\"");
        put(w, run, (size_t)(stop - run));
        lit(w, "\"");
    } else {
        put(w, s, n);
    }
    if (last)
        lit(w, "\r\n");
    else
        lit(w, ",");
}

static void csv_field(writer *w, const char *s, bool last)
{
    csv_field_n(w, s, strlen(s), last);
}

static void csv_number(writer *w, size_t n)
{
    char tmp[24], *p = tmp + sizeof tmp;
    do {
        *--p = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    csv_field_n(w, p, (size_t)(tmp + sizeof tmp - p), false);
}

/* The rows of one subject; tmp is scratch for joined fields. */
static void subject_csv(writer *w, const claims_result *r, const claims__rsubject *s,
                        writer *tmp)
{
    const claims_store *st = r->store;
    for (size_t a = 0; a < s->attr_count; a++) {
        const claims__rattr *at = &r->attrs[s->attr_start + a];
        for (size_t v = 0; v < at->value_count; v++) {
            const claims__rvalue *val = &r->values[at->value_start + v];
            for (size_t k = 0; k < val->claim_count; k++) {
                size_t ci = r->claim_list[val->claim_start + k];
                const claims__claim *c = &st->claims[ci];
                const claims_value *pv = r->pool[r->claim_value[ci]];
                csv_field(w, s->id, false);
                csv_field(w, s->label, false);
                csv_field(w, s->type, false);
                csv_field(w, at->name, false);
                csv_field(w, claims_agreement_name(at->agreement), false);
                csv_field(w, val->normalized, false);
                csv_field(w, val->text, false);
                csv_field(w, val->preferred ? "yes" : "no", false);
                csv_number(w, val->source_count);
                csv_number(w, val->origin_count);
                tmp->pos = tmp->buf;
                raw(tmp, st->sources[c->source].id);
                lit(tmp, "#");
                raw(tmp, c->id);
                csv_field_n(w, tmp->buf, (size_t)(tmp->pos - tmp->buf), false);
                csv_field(w, st->sources[c->source].id, false);
                csv_field(w, c->value, false);
                claims_modifier m = claims_value_modifier(pv);
                csv_field(w, m == CLAIMS_MOD_NONE ? "" : claims_modifier_name(m), false);
                csv_field(w, r->claim_origin[ci], false);
                tmp->pos = tmp->buf;
                for (size_t q = 0; q < c->attribution_count; q++) {
                    if (q)
                        lit(tmp, " > ");
                    raw(tmp, c->attribution[q]);
                }
                csv_field_n(w, tmp->buf, (size_t)(tmp->pos - tmp->buf), false);
                csv_field(w, claims_polarity_name(c->polarity), false);
                csv_field(w, claims_certainty_name(c->certainty), false);
                csv_field(w, c->quote, true);
            }
        }
    }
}

static void subjects_csv(writer *w, const claims__items *it, size_t begin, size_t end)
{
    writer tmp;
    claims__w_init(&tmp, 256, NULL, NULL, 0);
    for (size_t e = begin; e < end && !w->failed && !tmp.failed; e++)
        subject_csv(w, it->r, &it->r->subjects[e], &tmp);
    if (tmp.failed && !w->failed)
        w->failed = tmp.failed;
    claims__w_free(&tmp);
}

static void render_csv(writer *w, const claims_result *r)
{
    static const char *const header[] = {
        "event_id", "event_label", "event_type", "attribute", "relation", "value",
        "value_text", "preferred", "value_sources", "value_origins", "claim", "source",
        "text", "modifier", "origin", "attribution", "polarity", "certainty", "quote"};
    size_t nh = sizeof header / sizeof header[0];
    for (size_t i = 0; i < nh; i++)
        csv_field(w, header[i], i + 1 == nh);
    claims__items subjects = {r, NULL, r->subject_count, subjects_csv, NULL};
    claims__render_items(w, &subjects);
}

/* ---- the public entry points ------------------------------------------------------------ */

int claims_render_options_init(claims_render_options *opts, unsigned int version)
{
    if (!opts || version == 0 || version > CLAIMS_RENDER_OPTIONS_VERSION)
        return CLAIMS_EINVAL;
    claims_render_options def = CLAIMS_RENDER_OPTIONS_INIT;
    *opts = def;
    opts->version = version;
    return CLAIMS_OK;
}

/* Checks the arguments shared by the entry points; fills *o. */
static int check_args(claims_render_options *o, const claims_result *result,
                      claims_render_format format, const claims_render_options *opts,
                      claims_error *err)
{
    claims_render_options def = CLAIMS_RENDER_OPTIONS_INIT;
    *o = opts ? *opts : def;
    if (!result)
        return claims__error_simple(err, CLAIMS_EINVAL, "result is NULL");
    if (opts && (opts->version == 0 || opts->version > CLAIMS_RENDER_OPTIONS_VERSION))
        return claims__error_simple(err, CLAIMS_EINVAL,
                                    "unsupported render options version %u", opts->version);
    if (o->flags & ~(unsigned)CLAIMS_RENDER_COMPACT)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown render flags 0x%x",
                                    o->flags & ~(unsigned)CLAIMS_RENDER_COMPACT);
    if ((unsigned)format > CLAIMS_RENDER_CSV)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown render format %d",
                                    (int)format);
    return CLAIMS_OK;
}

/* Renders into w (a stream or a growing buffer) and reports its failure. */
int claims__render(writer *w, const claims_result *result, claims_render_format format)
{
    switch (format) {
    case CLAIMS_RENDER_JSON: render_json(w, result); break;
    case CLAIMS_RENDER_TEXT: render_text(w, result); break;
    case CLAIMS_RENDER_HTML: claims__render_html(w, result); break;
    case CLAIMS_RENDER_CSV: render_csv(w, result); break;
    }
    claims__w_flush(w);
    return w->failed;
}

/* Renders into w (a stream or a growing buffer) and reports its failure. */
static int render(writer *w, const claims_result *result, claims_render_format format,
                  const claims_render_options *o, claims_error *err)
{
    w->threads = o->threads;
    w->compact = (o->flags & CLAIMS_RENDER_COMPACT) != 0;
    if (claims__render(w, result, format) == CLAIMS_EIO)
        return claims__error_simple(err, CLAIMS_EIO,
                                    "the write callback returned %d after %zu bytes",
                                    w->write_rc, w->written);
    if (w->failed)
        return claims__error_simple(err, w->failed, "out of memory");
    return CLAIMS_OK;
}

int claims_result_write(const claims_result *result, claims_render_format format,
                        const claims_render_options *opts, claims_write_fn write,
                        void *payload, claims_error *err)
{
    claims__error_clear(err);
    claims_render_options o;
    int rc = check_args(&o, result, format, opts, err);
    if (rc != CLAIMS_OK)
        return rc;
    if (!write)
        return claims__error_simple(err, CLAIMS_EINVAL, "write is NULL");
    writer w;
    claims__w_init(&w, o.chunk_size ? o.chunk_size : DEFAULT_CHUNK, write, payload,
                   o.chunk_size);
    rc = render(&w, result, format, &o, err);
    claims__w_free(&w);
    return rc;
}

/* A file and the first error writing it. */
typedef struct file_sink {
    FILE *f;
    int error; /* errno of the first failed write */
} file_sink;

static int write_to_file(void *payload, const char *data, size_t len)
{
    file_sink *s = payload;
    if (fwrite(data, 1, len, s->f) == len)
        return 0;
    s->error = errno ? errno : EIO;
    return 1;
}

int claims_result_write_file(const claims_result *result, claims_render_format format,
                             const claims_render_options *opts, const char *path,
                             size_t len, claims_error *err)
{
    claims__error_clear(err);
    claims_render_options o;
    int rc = check_args(&o, result, format, opts, err);
    if (rc != CLAIMS_OK)
        return rc;
    if (!path || len == 0 || len >= 4096 || memchr(path, '\0', len))
        return claims__error_simple(err, CLAIMS_EINVAL, "invalid path");
    char p[4096];
    memcpy(p, path, len);
    p[len] = '\0';
    file_sink sink = {fopen(p, "wb"), 0};
    if (!sink.f)
        return claims__error_set(err, CLAIMS_EIO, p, 0, 0, -1, -1, "cannot open for writing: %s",
                                 strerror(errno));
    setvbuf(sink.f, NULL, _IONBF, 0); /* the writer hands over whole chunks */
    errno = 0;
    rc = claims_result_write(result, format, &o, write_to_file, &sink, err);
    if (fclose(sink.f) != 0 && rc == CLAIMS_OK) {
        sink.error = errno;
        rc = CLAIMS_EIO;
    }
    if (rc == CLAIMS_EIO) {
        claims__error_clear(err);
        return claims__error_set(err, CLAIMS_EIO, p, 0, 0, -1, -1, "cannot write: %s",
                                 strerror(sink.error ? sink.error : EIO));
    }
    return rc;
}

int claims_result_render(char **out, size_t *len, const claims_result *result,
                         claims_render_format format, claims_error *err)
{
    claims__error_clear(err);
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!out || !result)
        return claims__error_simple(err, CLAIMS_EINVAL, "out or result is NULL");
    claims_render_options o;
    int rc = check_args(&o, result, format, NULL, err);
    if (rc != CLAIMS_OK)
        return rc;
    writer w;
    claims__w_init(&w, 1 << 16, NULL, NULL, 0);
    rc = render(&w, result, format, &o, err);
    if (rc == CLAIMS_OK && claims__w_room(&w, 1))
        *w.pos = '\0';
    if (rc != CLAIMS_OK || w.failed) {
        claims__w_free(&w);
        return rc != CLAIMS_OK ? rc : claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    }
    *out = w.buf; /* allocated with malloc: claims_free() releases it */
    if (len)
        *len = (size_t)(w.pos - w.buf);
    return CLAIMS_OK;
}

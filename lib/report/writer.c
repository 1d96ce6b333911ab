/* writer.c - the output writer every rendering writes into (it grows in
 * memory, or hands full chunks to the caller's callback, so a report of any
 * size needs a bounded amount of memory), and the rendering of independent
 * subjects in batches on several threads, handed on in order, so that the
 * bytes are the same for any thread count. */
#include "report/writer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the writer ------------------------------------------------------------------- */

void claims__w_init(claims__writer *w, size_t cap, claims_write_fn write, void *payload,
                    size_t chunk)
{
    memset(w, 0, sizeof *w);
    w->write = write;
    w->payload = payload;
    w->chunk = chunk ? chunk : CLAIMS__WRITER_CHUNK;
    w->threads = 1;
    w->buf = malloc(cap ? cap : 1);
    if (!w->buf) {
        w->failed = CLAIMS_ENOMEM;
        return;
    }
    w->pos = w->buf;
    w->end = w->buf + (cap ? cap : 1);
}

void claims__w_free(claims__writer *w)
{
    free(w->buf);
    w->buf = w->pos = w->end = NULL;
}

/* Hands data[0..n) to a stream's callback in pieces of at most w->chunk. */
static void deliver(claims__writer *w, const char *data, size_t n)
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

void claims__w_flush(claims__writer *w)
{
    if (w->write && w->pos > w->buf) {
        deliver(w, w->buf, (size_t)(w->pos - w->buf));
        w->pos = w->buf;
    }
}

bool claims__w_grow(claims__writer *w, size_t n)
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

void claims__w_emit(claims__writer *w, const char *data, size_t n)
{
    if (!w->write) {
        claims__w_put(w, data, n);
        return;
    }
    claims__w_flush(w);
    deliver(w, data, n);
}

void claims__w_raw(claims__writer *w, const char *s) { claims__w_put(w, s, strlen(s)); }

void claims__w_uint(claims__writer *w, size_t v)
{
    char tmp[24], *p = tmp + sizeof tmp;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    claims__w_put(w, p, (size_t)(tmp + sizeof tmp - p));
}

void claims__w_count(claims__writer *w, size_t n, const char *thing)
{
    claims__w_uint(w, n);
    claims__w_lit(w, " ");
    claims__w_raw(w, thing);
    if (n != 1)
        claims__w_lit(w, "s");
}

void claims__w_printf(claims__writer *w, const char *fmt, ...)
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

void claims__w_html(claims__writer *w, const char *s) { claims__w_html_n(w, s, strlen(s)); }

void claims__w_html_n(claims__writer *w, const char *s, size_t n)
{
    const char *run = s, *stop = s + n;
    for (const char *p = s; p < stop; p++) {
        const char *esc = HTML_ESC[(unsigned char)*p];
        if (!esc)
            continue;
        claims__w_put(w, run, (size_t)(p - run));
        claims__w_raw(w, esc);
        run = p + 1;
    }
    claims__w_put(w, run, (size_t)(stop - run));
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
    claims__writer *out;
    size_t next;                        /* first position not in a window */
    size_t bounds[2][MAX_WINDOW + 1];   /* positions of each window's batches */
    size_t count[2];                    /* batches in each window */
    claims__writer bufs[2][MAX_WINDOW]; /* each batch's output */
    int cur;                            /* the window being rendered */
    bool emit;                          /* task 0 hands the other window on */
} items_run;

static size_t subject_weight(const claims__view *r, size_t s)
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
        claims__writer *w = &run->bufs[set][b];
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
    claims__writer *w = &run->bufs[run->cur][task];
    w->pos = w->buf;
    run->it->render(w, run->it, run->bounds[run->cur][task], run->bounds[run->cur][task + 1]);
    return w->failed;
}

int claims__render_items(claims__writer *out, const claims__items *it)
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

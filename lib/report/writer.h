/*
 * report/writer.h - the output writer that every rendering writes into:
 * it either grows in memory or hands full chunks to the caller's write
 * callback; and the parallel rendering of independent subjects (writer.c).
 */
#ifndef CLAIMS_REPORT_WRITER_H
#define CLAIMS_REPORT_WRITER_H

#include "reconcile/reconcile.h"

/* The piece size of a stream when the caller names none. */
#define CLAIMS__WRITER_CHUNK 65536

/* An output buffer. A writer with a `write` callback is a stream: when it
 * is full its content goes to the callback in pieces of at most `chunk`
 * bytes and it starts again from the beginning; without one it grows.
 * Writes after a failure are dropped, so renderers check nothing until the
 * end (and stop early only at coarse points). */
typedef struct claims__writer {
    char *buf, *pos, *end; /* storage, next byte, end of the storage */
    int failed;            /* 0, CLAIMS_ENOMEM or CLAIMS_EIO */
    claims_write_fn write; /* NULL: grow in memory */
    void *payload;
    size_t chunk;        /* largest piece handed to write */
    size_t written;      /* bytes handed to write so far */
    int write_rc;        /* what write returned when it stopped */
    unsigned threads;    /* for claims__render_items(): 0 one per CPU */
    size_t batch_weight; /* its batches' size and windows' length in */
    size_t window;       /* batches, 0: the defaults (tests vary them) */
    bool compact;        /* JSON on one line */
} claims__writer;

/* Starts an empty writer with room for `cap` bytes; a stream when `write`
 * is not NULL (chunk then is the piece size). */
void claims__w_init(claims__writer *w, size_t cap, claims_write_fn write, void *payload,
                    size_t chunk);
void claims__w_free(claims__writer *w);
/* Makes room for n more bytes: hands a stream's content to its callback,
 * or grows. False once the writer has failed. */
bool claims__w_grow(claims__writer *w, size_t n);
/* Hands a stream's pending bytes to its callback (no-op for others). */
void claims__w_flush(claims__writer *w);
/* Appends data[0..n) to w without copying it through w's buffer when w is
 * a stream (after its pending bytes). */
void claims__w_emit(claims__writer *w, const char *data, size_t n);

static inline bool claims__w_room(claims__writer *w, size_t n)
{
    return (size_t)(w->end - w->pos) >= n || claims__w_grow(w, n);
}

static inline void claims__w_put(claims__writer *w, const char *s, size_t n)
{
    if (n && claims__w_room(w, n)) {
        memcpy(w->pos, s, n);
        w->pos += n;
    }
}

/* A string literal, its length known at compile time. */
#define claims__w_lit(w, s) claims__w_put((w), "" s, sizeof(s) - 1)

void claims__w_raw(claims__writer *w, const char *s);
void claims__w_uint(claims__writer *w, size_t v);
/* "1 thing", "N things" */
void claims__w_count(claims__writer *w, size_t n, const char *thing);
/* For rare, short output only: goes through vsnprintf. */
void claims__w_printf(claims__writer *w, const char *fmt, ...) CLAIMS__PRINTF(2, 3);
/* HTML text and attribute escaping (& < > " ') */
void claims__w_html(claims__writer *w, const char *s);
void claims__w_html_n(claims__writer *w, const char *s, size_t n);

/* A list of resolved subjects to render one after the other, each
 * independent of the others: positions [0, count) name the subjects
 * order[pos] (or pos itself when order is NULL). */
typedef struct claims__items claims__items;
struct claims__items {
    const claims__view *r;
    const size_t *order;
    size_t count;
    /* renders positions [begin, end) into w; reads only its arguments */
    void (*render)(claims__writer *w, const claims__items *it, size_t begin, size_t end);
    const void *state; /* the format's, read-only while rendering */
};

/* Renders every item into out, in order: directly with one thread, or with
 * out->threads threads through batches rendered at once into buffers of
 * their own and handed to out in order, a bounded window at a time, so the
 * bytes are the same for any thread count. Returns out->failed. */
int claims__render_items(claims__writer *out, const claims__items *it);

#endif /* CLAIMS_REPORT_WRITER_H */

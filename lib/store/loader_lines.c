/* loader_lines.c - JSON Lines: documents staged on several threads, applied
 * in input order.
 *
 * The documents of JSON Lines are independent, so the input is cut into
 * rounds of line-aligned chunks; the chunks of a round are staged in
 * parallel (claims__parallel), each into its own batch (loader_json.c), and
 * the batches applied to the store in input order: the store cannot tell
 * how many threads read the input, and positions and indexes are the
 * input's. Without a progress callback the rounds overlap: while task 0
 * applies round r, the other tasks stage round r + 1 (the store interns
 * into a pending map meanwhile, claims__store_defer, because the stagers
 * look strings up in its interner). With a callback, rounds are applied
 * between parallel runs, so that it is called on the caller's thread only.
 *
 * A regular file is read as it is loaded, a round at a time, into two
 * buffers (the round being staged, the round being applied), instead of
 * being held whole: half the memory of a load, and no pages to clear. */
#include "store/load.h"
#include "store/loader_json.h"

#include <stdlib.h>
#include <string.h>

/* Chunks of about CHUNK_BYTES (whole lines), rounds of CHUNKS_PER_THREAD
 * per thread: a task is worth handing out, the threads finish a round
 * together, and two rounds of staging stay a few megabytes. Larger chunks
 * find more repeated strings within themselves but cost memory, not time
 * (1M-claim benchmark: the same CPU time from 128 KiB to 512 KiB chunks,
 * 70 MiB more peak memory). */
#define CHUNK_BYTES ((size_t)128 * 1024)
#define CHUNKS_PER_THREAD 8

/* A round: the chunks [ends[i-1], ends[i]) of data[0..len), one batch
 * each. */
typedef struct round {
    const char *data;
    size_t len;
    size_t base;   /* input offset of data[0] */
    size_t chunks; /* in use */
    size_t *ends;  /* `wave` of them */
    claims__batch **batches;
} round;

typedef struct lines {
    claims__load *L;
    unsigned threads;
    size_t chunk, wave, window; /* window: about the bytes of a round */
    const char *data;           /* the input in memory, or what was read */
    size_t len;
    FILE *rest;            /* the rest of a regular file, or NULL */
    bool from_file;        /* rounds are read into bufs */
    size_t next;           /* input offset of the next round */
    round rounds[2];       /* the one staged, the one applied */
    claims_buf bufs[2];    /* their bytes, when read from a file */
    claims_strmap pending; /* what the store interns during a round */
    claims__applier *applier;
} lines;

typedef struct lines_run {
    lines *ls;
    round *stage, *apply; /* apply: NULL, or a round applied as task 0 */
} lines_run;

static int apply_round(lines *ls, const round *rd)
{
    int rc = CLAIMS_OK;
    for (size_t i = 0; i < rd->chunks && rc == CLAIMS_OK; i++)
        rc = claims__applier_add(ls->applier, rd->batches[i]);
    return rc;
}

/* A task of claims__parallel: applying the previous round (task 0, when
 * there is one), or staging one chunk of this round. */
static int round_task(void *arg, size_t task)
{
    lines_run *run = arg;
    if (run->apply) {
        if (task == 0)
            return apply_round(run->ls, run->apply);
        task--;
    }
    const round *rd = run->stage;
    return claims__batch_stage(rd->batches[task], run->ls->L->store, rd->data, rd->len, rd->base,
                               task ? rd->ends[task - 1] : 0, rd->ends[task]);
}

/* End of the chunk that starts at pos: after the first line end at least
 * `chunk` bytes on. */
static size_t chunk_end(const char *data, size_t len, size_t pos, size_t chunk)
{
    size_t from = len - pos > chunk ? pos + chunk - 1 : len;
    const char *nl = from < len ? memchr(data + from, '\n', len - from) : NULL;
    return nl ? (size_t)(nl - data) + 1 : len;
}

/* Reads about `want` more bytes of ls->rest into b; at the end of the file
 * ls->rest becomes NULL. */
static int read_more(lines *ls, claims_buf *b, size_t want)
{
    if (claims__buf_reserve(b, want) != CLAIMS_OK)
        return claims__load_fail(ls->L, CLAIMS_ENOMEM);
    size_t n = fread(b->data + b->len, 1, want, ls->rest);
    b->len += n;
    if (n < want) {
        bool failed = ferror(ls->rest) != 0;
        ls->rest = NULL;
        if (failed)
            return claims__load_fail(ls->L, CLAIMS_EIO);
    }
    return CLAIMS_OK;
}

/* Sets up round k: the next `window` bytes or so, up to a line end, cut
 * into chunks. From a file, into bufs[k], after what the round before
 * (`last`, in the other buffer) left of its last line. No chunks: the
 * input is done. */
static int prepare(lines *ls, int k, const round *last)
{
    round *rd = &ls->rounds[k];
    rd->chunks = 0;
    rd->base = ls->next;
    if (!ls->from_file) {
        if (ls->next >= ls->len)
            return CLAIMS_OK;
        rd->data = ls->data + ls->next;
        rd->len = chunk_end(ls->data, ls->len, ls->next, ls->window) - ls->next;
    } else {
        claims_buf *b = &ls->bufs[k];
        b->len = 0;
        const char *tail = last ? last->data + last->len : ls->data;
        size_t tail_len = last ? ls->bufs[!k].len - last->len : ls->len;
        if (claims__buf_append(b, tail, tail_len) != CLAIMS_OK)
            return claims__load_fail(ls->L, CLAIMS_ENOMEM);
        size_t want = ls->window, end;
        for (;;) {
            int rc;
            while (ls->rest && b->len < want)
                if ((rc = read_more(ls, b, want - b->len)) != CLAIMS_OK)
                    return rc;
            end = b->len;
            if (!ls->rest)
                break;
            while (end > 0 && b->data[end - 1] != '\n')
                end--;
            if (end > 0)
                break;
            want += ls->window; /* one line longer than a round */
        }
        rd->data = b->data;
        rd->len = end;
        if (!end)
            return CLAIMS_OK;
    }
    ls->next += rd->len;
    /* a round may be longer than its window (long lines, the head read to
     * detect the format): its chunks grow so that there are `wave` at most */
    size_t chunk = ls->chunk;
    if (rd->len / chunk >= ls->wave)
        chunk = rd->len / ls->wave + 1;
    for (size_t pos = 0; pos < rd->len; rd->chunks++)
        rd->ends[rd->chunks] = pos = chunk_end(rd->data, rd->len, pos, chunk);
    return CLAIMS_OK;
}

/* Stages and applies round after round (the top of the file says how). */
static int run_rounds(lines *ls)
{
    claims__load *L = ls->L;
    bool overlap = !L->opts->progress;
    round *last = NULL, *unapplied = NULL;
    int rc = CLAIMS_OK;
    for (int k = 0;; k = !k) {
        if ((rc = prepare(ls, k, last)) != CLAIMS_OK)
            break;
        round *rd = &ls->rounds[k];
        lines_run run = {ls, rd, unapplied};
        size_t tasks = rd->chunks + (unapplied != NULL);
        if (tasks && (rc = claims__parallel(tasks, ls->threads, round_task, &run)) != CLAIMS_OK) {
            if (rc != CLAIMS_ECANCELED)
                rc = claims__load_fail(L, CLAIMS_ENOMEM);
            break;
        }
        unapplied = NULL;
        if (claims__store_defer(L->store, &ls->pending) != CLAIMS_OK) {
            rc = claims__load_fail(L, CLAIMS_ENOMEM);
            break;
        }
        if (!rd->chunks)
            break;
        if (overlap)
            unapplied = rd;
        else if ((rc = apply_round(ls, rd)) != CLAIMS_OK)
            break;
        last = rd;
    }
    /* a read error after a round was staged: what was read still loads */
    if (unapplied && rc == CLAIMS_EIO)
        apply_round(ls, unapplied);
    if (claims__store_defer(L->store, NULL) != CLAIMS_OK && rc == CLAIMS_OK)
        rc = claims__load_fail(L, CLAIMS_ENOMEM);
    return rc;
}

static void lines_free(lines *ls)
{
    for (int k = 0; k < 2; k++) {
        round *rd = &ls->rounds[k];
        for (size_t i = 0; rd->batches && i < ls->wave; i++)
            claims__batch_free(rd->batches[i]);
        free(rd->batches);
        free(rd->ends);
        claims__buf_free(&ls->bufs[k]);
    }
    claims__strmap_free(&ls->pending);
    claims__applier_free(ls->applier);
}

int claims__load_lines(claims__load *L, const char *data, size_t len)
{
    lines ls;
    memset(&ls, 0, sizeof ls);
    ls.L = L;
    ls.threads = L->threads;
    ls.chunk = L->chunk_bytes ? L->chunk_bytes : CHUNK_BYTES;
    ls.wave = (size_t)ls.threads * CHUNKS_PER_THREAD;
    ls.window = ls.wave * ls.chunk;
    ls.data = data;
    ls.len = len;
    ls.rest = L->rest; /* then data[0..len) is what was read of it */
    ls.from_file = L->rest != NULL;
    claims__strmap_init(&ls.pending);
    claims__buf_init(&ls.bufs[0]);
    claims__buf_init(&ls.bufs[1]);
    bool ok = (ls.applier = claims__applier_new(L, L->rest ? L->total : len)) != NULL;
    for (int k = 0; k < 2 && ok; k++) {
        round *rd = &ls.rounds[k];
        ok = (rd->ends = malloc(ls.wave * sizeof *rd->ends)) != NULL &&
             (rd->batches = calloc(ls.wave, sizeof *rd->batches)) != NULL;
        for (size_t i = 0; ok && i < ls.wave; i++)
            ok = (rd->batches[i] = claims__batch_new()) != NULL;
    }
    int rc = ok ? run_rounds(&ls) : claims__load_fail(L, CLAIMS_ENOMEM);
    L->total = ls.next;
    lines_free(&ls);
    return rc;
}

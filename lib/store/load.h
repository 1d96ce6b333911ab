/*
 * store/load.h - the load session: the state of one load call that the entry
 * points (loader.c) start and the format loaders (loader_json.c,
 * loader_lines.c, loader_tsv.c) share, with its diagnostics and progress
 * (load_session.c).
 */
#ifndef CLAIMS_STORE_LOAD_H
#define CLAIMS_STORE_LOAD_H

#include "store/store_int.h"

/* ---- loading (load_session.c; the formats: loader_json.c, loader_lines.c, loader_tsv.c) */

/** State of one load call, shared by the format loaders. */
typedef struct claims__load {
    claims_store *store;
    const char *name;                /* file or buffer name, interned */
    const claims_load_options *opts; /* never NULL */
    claims_load_summary summary;     /* this call's counts */
    claims_error *err;               /* the caller's, may be NULL */
    size_t progress_next;            /* next progress threshold */
    bool canceled;                   /* the progress callback said stop */
    unsigned threads;                /* JSON Lines staging, at least 1 */
    size_t chunk_bytes;              /* JSON Lines chunk size; 0: default */
    /* JSON Lines from a regular file: the part not read yet, and the size
     * of the whole (progress); the loader reads the rest as it goes. After
     * the load, `total` is the number of bytes loaded. */
    FILE *rest;
    size_t total;
} claims__load;

/** claims_store_load_buffer() with the JSON Lines chunks of `chunk_bytes`
 *  (0: the default). The store gets the same content whatever it is (and
 *  whatever opts->threads is); tests use it to reach the parallel path with
 *  small inputs. */
int claims__load_buffer_tuned(claims_store *store, const char *data, size_t len, claims_str name,
                              const claims_load_options *opts, size_t chunk_bytes,
                              claims_load_summary *summary, claims_error *err);
/** claims_store_load_stream() tuned alike; a regular file of JSON Lines is
 *  read as it is loaded, a round of threads * 8 * chunk_bytes at a time. */
int claims__load_stream_tuned(claims_store *store, FILE *stream, claims_str name,
                              const claims_load_options *opts, size_t chunk_bytes,
                              claims_load_summary *summary, claims_error *err);

/** Progress of a load after `done` of `total` bytes; CLAIMS_ECANCELED
 *  (recorded as a diagnostic) when the callback stops it. */
int claims__load_progress(claims__load *L, size_t done, size_t total);

/** Records a diagnostic for this load (store list, first error to err). */
void claims__load_report(claims__load *L, const claims_error *e);
/** JSON: one document or an array of them (loader_json.c). */
int claims__load_json(claims__load *L, const char *data, size_t len);
/** JSON Lines (loader_lines.c); L->rest may hold the rest of the input,
 *  data[0..len) being what was read of it. */
int claims__load_lines(claims__load *L, const char *data, size_t len);
/** Records that the load cannot go on: CLAIMS_ENOMEM ("out of memory") or
 *  CLAIMS_EIO ("cannot read"), as a diagnostic of the input; returns code. */
int claims__load_fail(claims__load *L, int code);
int claims__load_tsv(claims__load *L, const char *data, size_t len);

#endif /* CLAIMS_STORE_LOAD_H */

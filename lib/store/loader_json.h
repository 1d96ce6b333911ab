/* loader_json.h - what loader_json.c offers loader_lines.c: staging lines
 * of JSON Lines into batches (on any thread) and applying batches to the
 * store (in input order). Internal; never installed. */
#ifndef CLAIMS_LOADER_JSON_H
#define CLAIMS_LOADER_JSON_H

#include "store/load.h"

/* The staged documents of some whole lines. */
typedef struct claims__batch claims__batch;

claims__batch *claims__batch_new(void);
void claims__batch_free(claims__batch *b);
/** Stages the lines data[begin..end) of a text data[0..len) that starts
 *  at input offset `base` into b (emptied first; its memory is reused).
 *  Reads `store` and nothing else shared: batches may be staged on several
 *  threads while no one changes the store's interner (claims__store_defer).
 *  Returns CLAIMS_OK or CLAIMS_ENOMEM; malformed lines are staged as their
 *  syntax error. */
int claims__batch_stage(claims__batch *b, const claims_store *store, const char *data, size_t len,
                        size_t base, size_t begin, size_t end);

/* Adds batches to the store, in input order. */
typedef struct claims__applier claims__applier;

/** For the load L of `total` input bytes (progress). */
claims__applier *claims__applier_new(claims__load *L, size_t total);
void claims__applier_free(claims__applier *ap);
/** Adds the documents of b (the next batch in input order) to the store,
 *  with their diagnostics; CLAIMS_OK, or CLAIMS_ECANCELED when the
 *  progress callback stops the load. b's text must still be there. */
int claims__applier_add(claims__applier *ap, claims__batch *b);

#endif /* CLAIMS_LOADER_JSON_H */

/* seed_corpus.h - the seed corpus (the JSON files of corpus/) and the schema of its
 * vocabulary (examples/schemas/seed-corpus.json), embedded at build time so the claims
 * tool has a default input on a fresh clone. */
#ifndef SEED_CORPUS_H
#define SEED_CORPUS_H

#include <stddef.h>

typedef struct seed_document {
    const char *name;          /* file name in corpus/ (or examples/schemas/) */
    const unsigned char *data; /* its bytes */
    size_t len;
} seed_document;

extern const seed_document seed_documents[];
extern const size_t seed_document_count;
/* The attributes the corpus uses beyond the built-in schema. */
extern const seed_document seed_schema;

#endif

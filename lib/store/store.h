/*
 * store/store.h - what the layers above (reconcile, report) use of the store
 * layer: its rows, borrowed read-only, and the cursor that also serves
 * results. The store's own layout and the loaders' insides are in
 * store_int.h and load.h.
 */
#ifndef CLAIMS_STORE_H
#define CLAIMS_STORE_H

#include "values/values.h"

typedef struct claims__source {
    const char *id, *outlet, *title, *author, *published, *url, *language;
    const char *origin;    /* file or buffer it came from */
    const char *text_file; /* source.text.file, "" if absent */
    long text_characters;  /* source.text.characters, -1 if absent */
    size_t subject_count, claim_count;
    bool from_tsv; /* TSV rows of later loads may add to it */
} claims__source;

typedef struct claims__subject {
    size_t source;
    const char *id, *type, *label;
} claims__subject;

typedef struct claims__claim {
    size_t source, subject;
    size_t ordinal; /* index of the claim within its source */
    const char *id, *attribute, *value, *value_type;
    const char *const *attribution;
    size_t attribution_count;
    const char *quote;
    long quote_offset, quote_length;
    claims_polarity polarity;
    claims_certainty certainty;
    int line, column;
} claims__claim;

/** The rows of a store, borrowed: valid until the store next changes. The
 *  field names are the store's own, so that a stage reads `st->claims[i]`
 *  through a view as it would through the store. */
typedef struct claims__rows {
    const claims__source *sources;
    size_t source_count;
    const claims__subject *subjects;
    size_t subject_count;
    const claims__claim *claims;
    size_t claim_count;
} claims__rows;

/** The rows of st. */
claims__rows claims__store_rows(const claims_store *st);

/** Source index of `id`, or false. */
bool claims__store_find_source(const claims_store *st, const char *id, size_t len, size_t *index);

/* ---- cursors (store.c; results make theirs through claims__cursor_new_rows) */

typedef enum claims__cursor_kind {
    CLAIMS__CURSOR_SOURCES,
    CLAIMS__CURSOR_SUBJECTS,
    CLAIMS__CURSOR_CLAIMS,
    CLAIMS__CURSOR_RESULT_SUBJECTS,
    CLAIMS__CURSOR_ATTRIBUTES,
    CLAIMS__CURSOR_VALUES,
    CLAIMS__CURSOR_DEPENDENCIES
} claims__cursor_kind;

/** The row a cursor hands out. The next functions fill the cursor's own
 *  and return a pointer to it, so a row is as large as this library makes
 *  it, never as large as a caller's (older) header says. */
typedef union claims__cursor_row {
    claims_source_info source;
    claims_subject_info subject;
    claims_claim_info claim;
    claims_result_subject_info result_subject;
    claims_attribute_info attribute;
    claims_value_info value;
    claims_dependency_info dependency;
} claims__cursor_row;

/** A cursor over the rows [begin, end) that `owner` (a result) numbers from
 *  begin: claims__cursor_advance() hands them out. *out is new. */
int claims__cursor_new_rows(claims_cursor **out, const claims_store *store, const void *owner,
                            claims__cursor_kind kind, size_t begin, size_t end);
/** A claim cursor over the store claims list[0..count), which `owner` keeps
 *  alive. *out is new. */
int claims__cursor_new_list(claims_cursor **out, const claims_store *store, const void *owner,
                            const size_t *list, size_t count);
/** The next row of a rows cursor of `kind`: CLAIMS_OK with *row (and *owner,
 *  *begin: what the cursor was made with) and *slot, the cursor's row to
 *  fill and hand out; CLAIMS_DONE after the last one, CLAIMS_EINVAL for a
 *  cursor of another kind. */
int claims__cursor_advance(claims_cursor *c, claims__cursor_kind kind, const void **owner,
                           size_t *row, size_t *begin, claims__cursor_row **slot);
/** Fills the public view of store claim i. */
void claims__claim_info(claims_claim_info *out, const claims_store *st, size_t i);

#endif /* CLAIMS_STORE_H */

/*
 * store/store_int.h - the insides of the store layer, shared by store.c and
 * the loaders: the store's layout, positions, fields, the adders every
 * format loader calls, roll-back marks and deferred interning.
 */
#ifndef CLAIMS_STORE_INT_H
#define CLAIMS_STORE_INT_H

#include "store/store.h"

struct claims_store {
    claims_arena arena;
    claims_interner strings;
    claims__source *sources;
    size_t source_count, source_cap;
    claims__subject *subjects;
    size_t subject_count, subject_cap;
    claims__claim *claims;
    size_t claim_count, claim_cap;
    claims_strmap source_ids;  /* id -> source index */
    claims_strmap subject_ids; /* "<source index>\x1f<id>" -> subject index */
    /* Not NULL while loader threads read `strings` (claims__store_defer):
     * the strings this store interns meanwhile go here. */
    claims_strmap *pending;
    size_t subjects_indexed; /* subject_ids covers subjects [0, this) */
    claims_error *diags;
    size_t diag_count, diag_cap;
    claims_load_summary total;
};

struct claims_cursor {
    const claims_store *store;
    const void *owner; /* the result a rows cursor reads, or NULL */
    claims__cursor_kind kind;
    size_t source;      /* store cursors: CLAIMS_ALL or one source */
    size_t begin;       /* result cursors: rows are numbered from here */
    size_t next, end;   /* result cursors: [next, end) */
    bool listed;        /* a claim cursor over list[0..list_count) */
    const size_t *list; /* claim cursors over a value cluster */
    size_t list_count;
    claims__cursor_row row; /* the row last handed out (borrowed by the caller) */
};

int claims__cursor_new(claims_cursor **out, const claims_store *store, claims__cursor_kind kind,
                       size_t source);

/** Where an item being added was read, for its diagnostics. */
typedef struct claims__pos {
    const char *source; /* file or buffer name */
    int line, column;
    long document, claim;
    size_t max_field; /* longest accepted string in bytes */
} claims__pos;

#define CLAIMS__DEFAULT_MAX_FIELD 65536

/** A point the store can be rolled back to (strict loads). */
typedef struct claims__store_mark {
    size_t sources, subjects, claims, source_claims;
    size_t source; /* the source whose claim count is restored */
} claims__store_mark;

int claims__store_add_source(claims_store *st, size_t *index, const claims_source_desc *d,
                             const char *origin, bool from_tsv, const claims__pos *pos,
                             claims_error *err);
int claims__store_set_text(claims_store *st, size_t source, claims_str file, long characters,
                           const claims__pos *pos, claims_error *err);
int claims__store_add_subject(claims_store *st, size_t *index, size_t source,
                              const claims_subject_desc *d, const claims__pos *pos,
                              claims_error *err);
/** Subject index of `id` in `source`, or false. (It indexes the subjects
 *  added since the last lookup first: loaders that resolve subjects
 *  themselves never pay for the index.) */
bool claims__store_find_subject(claims_store *st, size_t source, const char *id, size_t len,
                                size_t *index);
/** A string handed to the adders below; s.ptr NULL means absent. A loader
 *  that has checked the bytes (valid UTF-8 without NUL) and interned them
 *  into this store passes its copy as `interned`: the adder then checks
 *  only the limits (length, emptiness) and keeps that copy. */
typedef struct claims__field {
    claims_str s;
    const char *interned; /* NULL: checked and interned by the adder */
} claims__field;

typedef struct claims__subject_in {
    claims__field id, type, label;
    int id_used; /* the source has a subject with this id: 1, 0, or -1 when
                    the adder has to look */
} claims__subject_in;

/* claims__claim_in.subject_index: look the subject up by its id */
#define CLAIMS__SUBJECT_LOOKUP SIZE_MAX
/* claims__claim_in.subject_index: the caller knows the source has none */
#define CLAIMS__SUBJECT_NONE (SIZE_MAX - 1)

/** A claim for claims__store_add_claim_in(): the description with fields,
 *  and what the caller may already know of it. */
typedef struct claims__claim_in {
    claims__field id, subject, attribute, value, value_type, quote;
    const claims__field *attribution;
    size_t attribution_count;
    long quote_offset, quote_length;
    long quote_chars; /* characters of the quote text, -1: counted here */
    claims_polarity polarity;
    claims_certainty certainty;
    size_t subject_index; /* the subject's store index, or CLAIMS__SUBJECT_* */
} claims__claim_in;

/** As claims__store_add_subject() with fields. */
int claims__store_add_subject_in(claims_store *st, size_t *index, size_t source,
                                 const claims__subject_in *d, const claims__pos *pos,
                                 claims_error *err);
/** As claims__store_add_claim() with fields: the same checks in the same
 *  order, so a claim is judged alike whichever way it arrives. */
int claims__store_add_claim_in(claims_store *st, size_t *index, size_t source,
                               const claims__claim_in *d, const claims__pos *pos,
                               claims_error *err);
int claims__store_add_claim(claims_store *st, size_t *index, size_t source,
                            const claims_claim_desc *d, const claims__pos *pos, claims_error *err);
/** s is not NULL and of a struct version this library knows. */
bool claims__summary_version_ok(const claims_load_summary *s);
/** Copies the counts of `in` into the caller's *out, as many fields as
 *  out->version has; out->version stays. */
void claims__summary_put(claims_load_summary *out, const claims_load_summary *in);
/** Records a diagnostic (a copy of err) and returns err->code. */
int claims__store_diagnose(claims_store *st, const claims_error *e);
void claims__store_mark_get(const claims_store *st, size_t source, claims__store_mark *m);
void claims__store_rollback(claims_store *st, const claims__store_mark *m);
/** Interns a string into the store. */
const char *claims__store_intern(claims_store *st, const char *s, size_t n);
/** As claims__store_intern() with h = claims__hash_words(s, n). */
const char *claims__store_intern_hashed(claims_store *st, const char *s, size_t n, uint64_t h);
/** With `pending` (a map of the caller's, empty): from now on the store
 *  interns without changing its interner's map, so that other threads may
 *  look strings up in it (claims__intern_find) while this one adds items.
 *  With NULL: the strings interned meanwhile join the map. Returns
 *  CLAIMS_OK or CLAIMS_ENOMEM. */
int claims__store_defer(claims_store *st, claims_strmap *pending);

#endif /* CLAIMS_STORE_INT_H */

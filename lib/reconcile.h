/*
 * reconcile.h - what the stages of claims_reconcile() share (private).
 *
 *   normalize (reconcile.c)  every claim's value parsed once per distinct
 *                            (type, reference, text) into a value pool
 *   origins (origin.c)       attribution chains -> independent origins
 *   dependence (dependence.c) sources sharing wording
 *   resolve (resolve.c)      subject mentions -> resolved subjects
 *   group (group.c)          (subject, attribute) -> value clusters
 *   result (result.c)        cursors; report.c renders JSON and text
 */
#ifndef CLAIMS_RECONCILE_H
#define CLAIMS_RECONCILE_H

#include "claims_private.h"

#include <stdatomic.h>
#include <string.h>

/** A resolved subject: mentions of several documents merged. */
typedef struct claims__rsubject {
    const char *id, *label, *type;
    size_t *mentions;          /* store subject indices, sorted by key */
    size_t mention_count;
    const char **sources;      /* source ids, sorted */
    size_t source_count;
    size_t attr_start, attr_count; /* into result->attrs */
    const char *explanation;   /* lines separated by '\n' */
    size_t sort_claims;        /* claim count, for ordering */
} claims__rsubject;

/** The claims of one attribute of one resolved subject. */
typedef struct claims__rattr {
    const char *name;
    const char *type;          /* value type name */
    bool known;
    claims_cardinality cardinality;
    claims_agreement agreement;
    const char *reason;
    size_t value_start, value_count; /* into result->values */
    size_t source_count;
    size_t uncertain_count;
} claims__rattr;

/** A value cluster. */
typedef struct claims__rvalue {
    const char *normalized, *text;
    claims_modifier modifier;  /* the first non-NONE modifier of its claims */
    claims_polarity polarity;
    bool uncertain, hedged, preferred;
    size_t claim_start, claim_count;   /* into result->claim_list */
    const char **sources;
    size_t source_count;
    const char **origins;
    size_t origin_count;
} claims__rvalue;

/** Two dependent sources and the passages they share. */
typedef struct claims__dependency {
    const char *a, *b;         /* source ids, a < b */
    size_t ia, ib;             /* source indices */
    const char **passages;
    size_t passage_count;
} claims__dependency;

struct claims_result {
    const claims_store *store;
    claims_arena arena;
    claims_interner strings;
    claims_reconcile_options opts;

    /* normalize: one parsed value per distinct input, shared by claims */
    claims_value **pool;
    size_t pool_count, pool_cap;
    /* per pool value (resolve): the place of its canonical string among the
     * distinct ones in strcmp order; equal strings, equal ranks, so that
     * later stages order and match values without comparing strings;
     * freed when the stages are done */
    uint32_t *norm_rank;
    uint32_t *claim_value;     /* per store claim: pool index */
    /* per store claim, freed when the stages are done: */
    const claims__attr **claim_attr; /* schema entry or NULL */
    claims_type *claim_type;   /* type used */

    /* origins and dependence */
    const char **claim_origin; /* per store claim: origin display name */
    claims_u64map dependent;   /* source index pairs that share wording
                                * (freed when the stages are done) */
    claims__dependency *deps;
    size_t dep_count, dep_cap;

    /* resolve */
    size_t *mention_subject;   /* per store subject: resolved subject (freed
                                * when the stages are done) */
    claims__rsubject *subjects;
    size_t subject_count;

    /* group */
    claims__rattr *attrs;
    size_t attr_count, attr_cap;
    claims__rvalue *values;
    size_t value_count, value_cap;
    size_t *claim_list;
    size_t claim_list_count, claim_list_cap;

    /* arenas that parallel tasks fill (one per thread, taken by the tasks that
     * run on it), freed with the result */
    claims_arena *arenas;
    size_t arena_count;

    claims_error *notes;       /* in store order: by source, then claim */
    size_t note_count, note_cap, notes_dropped;
    claims_result_stats stats;
};

/* The context used for a run: the caller's, or built-ins. */
typedef struct claims__run {
    claims_result *r;
    const claims_ctx *ctx;
    size_t progress_next;  /* next progress threshold of the stage */
    unsigned threads;      /* for claims__parallel(), at least 1 */
} claims__run;

/** Adds n empty arenas to the result, one per thread of a parallel step;
 *  returns the first, NULL on ENOMEM. Earlier returns are invalidated. */
claims_arena *claims__result_arenas(claims_result *r, size_t n);
/** A table from (pointer, pointer, number) to an index, for keys of strings
 *  the store interned (one pointer per distinct string). Zero-initialize. */
typedef struct claims__ptab_slot {
    const void *a, *b;
    uint32_t c, index; /* index UINT32_MAX: not set yet */
} claims__ptab_slot;
typedef struct claims__ptab {
    claims__ptab_slot *slots;
    size_t cap, count;
} claims__ptab;
/** The slot of (a, b, c), made when absent (index UINT32_MAX: the caller
 *  sets it); valid until the next call. NULL on ENOMEM. */
claims__ptab_slot *claims__ptab_get(claims__ptab *t, const void *a, const void *b, uint32_t c);
void claims__ptab_free(claims__ptab *t);

/** Ranks n distinct strings by strcmp: rank[i] is the place of names[i].
 *  CLAIMS_OK or CLAIMS_ENOMEM. */
int claims__rank_strings(const char *const *names, size_t n, uint32_t *rank);
/** Per source of the store: its place in id order (malloc), NULL on ENOMEM. */
uint32_t *claims__source_ranks(const claims_store *st);
/** Sorts the indices v[0..n) (stable merge sort, tmp of n) by cmp(ctx, x, y):
 *  for orders that need more than the items to decide. */
void claims__sort_indices(size_t *v, size_t *tmp, size_t n,
                          int (*cmp)(const void *ctx, size_t x, size_t y),
                          const void *ctx);

/** Appends a NUL-terminated string: for text made many times over, where
 *  claims__buf_printf would cost more than the rest of the work. */
static inline int claims__put(claims_buf *b, const char *s)
{
    return claims__buf_append(b, s, strlen(s));
}
/** Appends n in decimal. */
static inline int claims__put_size(claims_buf *b, size_t n)
{
    char d[24];
    size_t k = sizeof d;
    do
        d[--k] = (char)('0' + n % 10);
    while ((n /= 10) != 0);
    return claims__buf_append(b, d + k, sizeof d - k);
}

/** Bytes of a cache line: what two threads write is aligned to it (with
 *  _Alignas), so that neither slows the other down by sharing a line. */
#define CLAIMS__LINE 64

/** Takes a free one of n slots (busy[i] false), marking it busy: for things
 *  each running task needs one of (scratch memory, an arena), made once per
 *  thread. Tasks of claims__parallel() on at most n threads always find one. */
static inline size_t claims__slot_take(atomic_bool *busy, size_t n)
{
    for (;;)
        for (size_t i = 0; i < n; i++)
            if (!atomic_exchange(&busy[i], true))
                return i;
}
/** Gives slot i back. */
static inline void claims__slot_give(atomic_bool *busy, size_t i)
{
    atomic_store(&busy[i], false);
}
/** Splits [0, n) into `parts` near-equal consecutive ranges: range k is
 *  [claims__split(n, parts, k), claims__split(n, parts, k + 1)). */
static inline size_t claims__split(size_t n, size_t parts, size_t k)
{
    return (size_t)((unsigned long long)n * k / parts);
}

/** Progress of a stage: CLAIMS_ECANCELED when the caller's callback stops. */
int claims__run_progress(claims__run *run, const char *stage, size_t done,
                         size_t total);

/** Records a note (a value kept as text, a block too large...). */
void claims__result_note(claims_result *r, size_t claim, const char *fmt, ...)
    CLAIMS__PRINTF(3, 4);
/** Interns into the result. */
const char *claims__result_intern(claims_result *r, const char *s, size_t n);
/** Compares two pooled values with the attribute's tolerance applied. */
void claims__compare_values(claims_comparison *out, const claims_ctx *ctx,
                            const claims__attr *attr, const claims_value *a,
                            const claims_value *b);

/** Do sources a and b share wording (dependence.c)? */
bool claims__dependent(const claims_result *r, size_t a, size_t b);

int claims__origins(claims__run *run);
int claims__dependence(claims__run *run);
int claims__resolve(claims__run *run);
int claims__group(claims__run *run);

#endif /* CLAIMS_RECONCILE_H */

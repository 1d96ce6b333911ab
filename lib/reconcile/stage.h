/*
 * reconcile/stage.h - what the stages of claims_reconcile() share (private
 * to lib/reconcile):
 *
 *   normalize (normalize.c)   every claim's value parsed once per distinct
 *                             (type, reference, text) into a value pool
 *   resolve (resolve.c)       subject mentions -> resolved subjects
 *   dependence (dependence.c) sources sharing wording
 *   origins (origin.c)        attribution chains -> independent origins
 *   group (group.c)           (subject, attribute) -> value clusters
 *   stage.c                   what several stages use (below)
 *   result.c                  cursors; reconcile.c runs the stages in order
 */
#ifndef CLAIMS_RECONCILE_STAGE_H
#define CLAIMS_RECONCILE_STAGE_H

#include "reconcile/reconcile.h"

struct claims_result {
    const claims_store *store;
    claims__rows rows; /* the store's rows, as the stages read them */
    claims_arena arena;
    claims_interner strings;
    claims_reconcile_options opts;

    /* normalize: one parsed value per distinct input, shared by claims */
    claims_value **pool;
    size_t pool_count, pool_cap;
    /* normalize: the containment its place values teach, and the view of
     * the caller's context that knows it (run->ctx of the later stages);
     * freed when the stages are done */
    struct claims__places *learned;
    claims_ctx *run_ctx;
    /* per pool value (resolve): the place of its canonical string among the
     * distinct ones in strcmp order; equal strings, equal ranks, so that
     * later stages order and match values without comparing strings;
     * freed when the stages are done */
    uint32_t *norm_rank;
    uint32_t *claim_value; /* per store claim: pool index */
    /* per store claim, freed when the stages are done: */
    const claims__attr **claim_attr; /* schema entry or NULL */
    claims_type *claim_type;         /* type used */

    /* origins and dependence */
    const char **claim_origin; /* per store claim: origin display name */
    claims_u64map dependent;   /* source index pairs that share wording
                                * (freed when the stages are done) */
    claims__dependency *deps;
    size_t dep_count, dep_cap;

    /* resolve */
    size_t *mention_subject; /* per store subject: resolved subject (freed
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

    claims_error *notes; /* in store order: by source, then claim */
    size_t note_count, note_cap, notes_dropped;
    claims_result_stats stats;
    claims__view view; /* filled when the stages are done */
};

/* The context used for a run: the caller's, or built-ins. */
typedef struct claims__run {
    claims_result *r;
    const claims_ctx *ctx;
    size_t progress_next; /* next progress threshold of the stage */
    unsigned threads;     /* for claims__parallel(), at least 1 */
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
uint32_t *claims__source_ranks(const claims__rows *st);
/** Sorts the indices v[0..n) (stable merge sort, tmp of n) by cmp(ctx, x, y):
 *  for orders that need more than the items to decide. */
void claims__sort_indices(size_t *v, size_t *tmp, size_t n,
                          int (*cmp)(const void *ctx, size_t x, size_t y), const void *ctx);

/** Progress of a stage: CLAIMS_ECANCELED when the caller's callback stops. */
int claims__run_progress(claims__run *run, const char *stage, size_t done, size_t total);

/** Records a note (a value kept as text, a block too large...). */
void claims__result_note(claims_result *r, size_t claim, const char *fmt, ...) CLAIMS__PRINTF(3, 4);
/** Interns into the result. */
const char *claims__result_intern(claims_result *r, const char *s, size_t n);
/** Compares two pooled values with the attribute's tolerance applied. */
void claims__compare_values(claims_comparison *out, const claims_ctx *ctx, const claims__attr *attr,
                            const claims_value *a, const claims_value *b);

/** The content words of text (label_words.c: folded, stemmed, synonyms as
 *  one, without stop words, numbers and calendar words), as hashes appended
 *  to *words (a growable array of *cap, *n used), sorted and distinct.
 *  fold is scratch. CLAIMS_OK or CLAIMS_ENOMEM. */
int claims__words(claims_buf *fold, const char *text, uint64_t **words, size_t *n, size_t *cap);
/** How many of two sorted sets of word hashes are shared. */
size_t claims__shared_words(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/** The words of a quote outside double quotation marks, folded, as one hash
 *  (dependence.c): *words of them. *scratch (of *cap) is the caller's,
 *  reused between calls and freed by it. CLAIMS_OK or CLAIMS_ENOMEM. */
int claims__quote_fingerprint(const char *text, void **scratch, size_t *cap, uint64_t *hash,
                              size_t *words);
/** Sources whose claims another source states identically (copied.c): adds
 *  them to the dependent pairs of the result, beside shared wording; run
 *  after claims__dependence(). CLAIMS_OK or CLAIMS_ENOMEM. */
int claims__copied_claims(claims__run *run);
/** Sources a and b as dependent (dependence.c), for copied.c.
 *  CLAIMS_OK or CLAIMS_ENOMEM. */
int claims__mark_dependent(claims_result *r, size_t a, size_t b);

/** Do sources a and b share wording (dependence.c)? */
bool claims__dependent(const claims_result *r, size_t a, size_t b);

/** The distinct values of each value cluster, for claims__pool_sides():
 *  cluster k's are values[start[k]] up to values[start[k + 1]]. */
typedef struct claims__pool_members {
    const size_t *start;
    const claims_value *const *values;
} claims__pool_members;
/** Up to this many clusters, claims__pool_sides() reads agreement through
 *  all the values of each cluster and through chains of equal clusters. */
#define CLAIMS__POOL_EQUAL_MAX 128
/** At most this many values of a cluster are compared (the first in
 *  canonical order). */
#define CLAIMS__POOL_MEMBERS_MAX 8

/** Sides of a single-valued attribute (pool.c): the clusters active[0..n)
 *  (indices into rep, nc of them) split into sets of pairwise compatible
 *  values; side[k] receives the side of cluster k, *sides their number.
 *  Ordered types by sort and sweep. members (may be NULL: each cluster is
 *  its rep) gives every value of each cluster. CLAIMS_OK or CLAIMS_ENOMEM. */
int claims__pool_sides(const claims_ctx *ctx, const claims__attr *def,
                       const claims_value *const *rep, size_t nc, const size_t *active, size_t n,
                       const claims__pool_members *members, size_t *side, size_t *sides);

/** Publication instants of the sources (supersede.c): seconds since
 *  1970-01-01 UTC per source (malloc), CLAIMS__NO_TIME where a source gives
 *  none or one that does not read as ISO 8601. NULL on ENOMEM. */
#define CLAIMS__NO_TIME INT64_MIN
int64_t *claims__source_instants(const claims__rows *st);

/** Revisions among the value clusters vals[0..n) of one single-valued
 *  attribute (supersede.c): when an origin's latest value lies on another
 *  side than an earlier value of the same origin, the earlier one is
 *  revised by it; a value every origin of which revised it is superseded,
 *  and the values that revised it are current. Claims of clusters come from
 *  claim_list; `use[k]` false leaves cluster k out. Appends what it found to
 *  `why` ("National Emergency Agency revised 12 (...) to 31 (...)").
 *  Returns the number of superseded clusters, or -1 on ENOMEM. */
long claims__supersede(const claims_result *r, const int64_t *instant, claims__rvalue *vals,
                       size_t n, const bool *use, const size_t *claim_list, claims_buf *why);

/* ---- attribution.c: whom an attribution text names ---------------------- */

typedef enum claims__speaker_kind {
    CLAIMS__SPEAKER_UNNAMED = 0, /* "officials", "a spokesman": of its source only */
    CLAIMS__SPEAKER_NAMED,       /* an organization or a person: "NEA", "Oduya" */
    CLAIMS__SPEAKER_INSTITUTION  /* known by its kind, of the story's place:
                                  * "the Foreign Ministry", "police" */
} claims__speaker_kind;

/** What one attribution text names; the spans point into the text. */
typedef struct claims__speaker {
    claims__speaker_kind kind;
    const char *name; /* "White House", "Foreign Ministry", "main hospital" */
    size_t name_len;
    /* INSTITUTION of a named possessor ("Ardenia" of "Ardenia's Foreign
     * Ministry"): the owner, to be found among the story's places, and the
     * whole phrase, the name when it is not one of them; else NULL */
    const char *owner, *full;
    size_t owner_len, full_len;
} claims__speaker;

/** Reads the attribution text (len bytes) into *out (attribution.c). */
void claims__attribution_parse(const char *text, size_t len, claims__speaker *out);

int claims__normalize(claims__run *run);
int claims__origins(claims__run *run);
int claims__dependence(claims__run *run);
int claims__resolve(claims__run *run);
int claims__group(claims__run *run);

#endif /* CLAIMS_RECONCILE_STAGE_H */

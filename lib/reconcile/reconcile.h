/*
 * reconcile/reconcile.h - what the report layer reads of a reconciliation
 * result: its rows (resolved subjects, their attributes, value clusters,
 * dependent sources) through a read-only view. The result's own layout and
 * what the stages share are in stage.h.
 */
#ifndef CLAIMS_RECONCILE_H
#define CLAIMS_RECONCILE_H

#include "store/store.h"

/** A resolved subject: mentions of several documents merged. */
typedef struct claims__rsubject {
    const char *id, *label, *type;
    size_t *mentions; /* store subject indices, sorted by key */
    size_t mention_count;
    const char **sources; /* source ids, sorted */
    size_t source_count;
    size_t attr_start, attr_count; /* into result->attrs */
    const char *explanation;       /* lines separated by '\n' */
    size_t sort_claims;            /* claim count, for ordering */
} claims__rsubject;

/** The claims of one attribute of one resolved subject. */
typedef struct claims__rattr {
    const char *name;
    const char *type; /* value type name */
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
    claims_modifier modifier; /* the first non-NONE modifier of its claims */
    claims_polarity polarity;
    bool uncertain, hedged, preferred;
    size_t claim_start, claim_count; /* into result->claim_list */
    const char **sources;
    size_t source_count;
    const char **origins;
    size_t origin_count;
    claims_certainty certainty; /* the strongest of its claims */
    size_t side;                /* pooled side within the attribute (group.c) */
    size_t side_origin_count;
    const unsigned char *origin_weight; /* per origin: its strongest certainty's
                                         * weight (group.c) */
    unsigned support;                   /* the weights summed */
    unsigned side_support;              /* its side's, pooled */
    bool superseded, current;
    const char *published_first, *published_last; /* "" when unknown */
} claims__rvalue;

/** Two dependent sources and the passages they share. */
typedef struct claims__dependency {
    const char *a, *b; /* source ids, a < b */
    size_t ia, ib;     /* source indices */
    const char **passages;
    size_t passage_count;
} claims__dependency;

/** What a finished result shows, borrowed from it: the renderers read
 *  nothing else. Field names are the result's own. */
typedef struct claims__view {
    const claims_store *store;
    claims__rows rows; /* the store's, as reconciled */
    const claims__rsubject *subjects;
    size_t subject_count;
    const claims__rattr *attrs;
    size_t attr_count;
    const claims__rvalue *values;
    size_t value_count;
    const size_t *claim_list; /* store claim indices of the clusters */
    const claims__dependency *deps;
    size_t dep_count;
    const claims_error *notes;
    size_t note_count;
    claims_value *const *pool;       /* parsed values */
    const uint32_t *claim_value;     /* per store claim: pool index */
    const char *const *claim_origin; /* per store claim: origin name */
    claims_result_stats stats;
} claims__view;

/** The view of a finished result (NULL for NULL). */
const claims__view *claims__result_view(const claims_result *r);

#endif /* CLAIMS_RECONCILE_H */

/* pool.c - sides of a single-valued attribute: its value clusters split into
 * groups of values that are all compatible with one another, so that
 * "about two hours" and two "110 minutes" pool their support against "three
 * hours". A value compatible with two values that conflict joins one of
 * them, never bridges them: a side is a clique, not a chain.
 *
 * Ordered values (numbers, durations, dates, times) are intervals, and
 * intervals that share a point are pairwise compatible, so their sides come
 * from a sort and a sweep (the fewest points that stab every interval):
 * O(n log n), one comparison per value. Other values are joined greedily,
 * each to the first side all of whose members it is compatible with. */
#include "reconcile/stage.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Wall-clock intervals of different zones are at most this far apart. */
#define POOL_ZONE_SLACK (14 * 3600.0)

typedef struct span {
    double lo, hi;
    size_t k; /* cluster */
} span;

static bool ordered(claims_type t)
{
    return t == CLAIMS_TYPE_NUMBER || t == CLAIMS_TYPE_DURATION || t == CLAIMS_TYPE_DATE ||
           t == CLAIMS_TYPE_TIME;
}

/* The interval a value covers, widened by its hedge and the attribute's
 * tolerance; false when it has none (no amount, no date). */
static bool value_span(const claims_value *v, const claims__attr *def, span *out)
{
    claims_type t = claims_value_type(v);
    if (t == CLAIMS_TYPE_NUMBER || t == CLAIMS_TYPE_DURATION) {
        double lo, hi;
        if (!claims__value_span(v, &lo, &hi))
            return false;
        /* an attribute's tolerance widens what the comparison accepts */
        if (def && def->tolerance > 0) {
            lo -= def->tolerance * fabs(lo);
            hi += def->tolerance * fabs(hi);
        }
        out->lo = lo, out->hi = hi;
        return true;
    }
    int64_t b, e;
    if (claims_value_interval(v, &b, &e, NULL) != CLAIMS_OK || e < b)
        return false;
    double slack = POOL_ZONE_SLACK + (def ? def->time_tolerance : 0.0);
    out->lo = (double)b - slack, out->hi = (double)e + slack;
    return true;
}

static int by_hi(const void *x, const void *y)
{
    const span *a = x, *b = y;
    if (a->hi != b->hi)
        return a->hi < b->hi ? -1 : 1;
    if (a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    return a->k < b->k ? -1 : a->k > b->k;
}

static int by_lo(const void *x, const void *y)
{
    const span *a = x, *b = y;
    if (a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    if (a->hi != b->hi)
        return a->hi < b->hi ? -1 : 1;
    return a->k < b->k ? -1 : a->k > b->k;
}

static bool agree(claims_relation rel)
{
    return rel == CLAIMS_RELATION_EQUAL || rel == CLAIMS_RELATION_COMPATIBLE;
}

static bool compatible(const claims_ctx *ctx, const claims__attr *def, const claims_value *a,
                       const claims_value *b)
{
    claims_comparison cmp;
    claims__compare_values(&cmp, ctx, def, a, b);
    return agree(cmp.relation);
}

/* Sweep: the interval that ends first anchors a side, and every interval
 * not yet placed that starts before that end (so contains it) and that the
 * comparison finds compatible with the anchor joins. One the comparison
 * refuses (a zone, a tolerance the span does not model) waits for the next
 * anchors, which all end later, so it stays a candidate of theirs. */
static int sweep(const claims_ctx *ctx, const claims__attr *def, const claims_value *const *rep,
                 const size_t *active, size_t n, size_t *side, size_t *sides)
{
    span *h = malloc((n ? n : 1) * sizeof *h), *l = malloc((n ? n : 1) * sizeof *l);
    size_t *waiting = malloc((n ? n : 1) * sizeof *waiting);
    if (!h || !l || !waiting) {
        free(h);
        free(l);
        free(waiting);
        return CLAIMS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        value_span(rep[active[i]], def, &h[i]);
        h[i].k = active[i];
        l[i] = h[i];
    }
    qsort(h, n, sizeof *h, by_hi);
    qsort(l, n, sizeof *l, by_lo);
    size_t p = 0, ns = 0, nw = 0;
    for (size_t i = 0; i < n; i++) {
        size_t a = h[i].k;
        if (side[a] != SIZE_MAX)
            continue;
        side[a] = ns;
        size_t kept = 0;
        for (size_t w = 0; w < nw; w++) {
            size_t k = waiting[w];
            if (side[k] != SIZE_MAX)
                continue;
            if (compatible(ctx, def, rep[a], rep[k]))
                side[k] = ns;
            else
                waiting[kept++] = k;
        }
        nw = kept;
        for (; p < n && l[p].lo <= h[i].hi; p++) {
            size_t k = l[p].k;
            if (side[k] != SIZE_MAX)
                continue;
            if (compatible(ctx, def, rep[a], rep[k]))
                side[k] = ns;
            else
                waiting[nw++] = k;
        }
        ns++;
    }
    free(h);
    free(l);
    free(waiting);
    *sides = ns;
    return CLAIMS_OK;
}

/* Values of one attribute that are equal name one thing ("ICTF" and
 * "Inter-Continental Trade Forum"), so what agrees with one agrees with the
 * other ("trade forum"): a cluster holds equal values, and clusters agree
 * when any of their values do; equal clusters are one class. */
static size_t class_of(size_t *parent, size_t x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

/* How clusters i and j relate: equal when two of their values are, else
 * compatible when two agree, else what their reps say. */
static claims_relation clusters_relate(const claims_ctx *ctx, const claims__attr *def,
                                       const claims_value *const *rep,
                                       const claims__pool_members *members, size_t i, size_t j)
{
    claims_comparison cmp;
    claims__compare_values(&cmp, ctx, def, rep[i], rep[j]);
    if (cmp.relation == CLAIMS_RELATION_EQUAL || !members)
        return cmp.relation;
    claims_relation best = cmp.relation;
    for (size_t x = members->start[i]; x < members->start[i + 1]; x++)
        for (size_t y = members->start[j]; y < members->start[j + 1]; y++) {
            claims__compare_values(&cmp, ctx, def, members->values[x], members->values[y]);
            if (cmp.relation == CLAIMS_RELATION_EQUAL)
                return CLAIMS_RELATION_EQUAL;
            if (agree(cmp.relation))
                best = cmp.relation;
        }
    return best;
}

/* The n x n agreement of the clusters active[0..n): i and j agree when a
 * cluster equal to i (through a chain of equal ones) agrees with one equal
 * to j. malloc, NULL on ENOMEM. */
static unsigned char *equal_closure(const claims_ctx *ctx, const claims__attr *def,
                                    const claims_value *const *rep, const size_t *active, size_t n,
                                    const claims__pool_members *members)
{
    size_t cells = n ? n * n : 1;
    unsigned char *rel = malloc(cells), *agrees = malloc(cells);
    size_t *parent = malloc((n ? n : 1) * sizeof *parent);
    if (!rel || !agrees || !parent) {
        free(rel);
        free(agrees);
        free(parent);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    for (size_t i = 0; i < n; i++) {
        rel[i * n + i] = CLAIMS_RELATION_EQUAL;
        for (size_t j = i + 1; j < n; j++) {
            claims_relation r = clusters_relate(ctx, def, rep, members, active[i], active[j]);
            rel[i * n + j] = rel[j * n + i] = (unsigned char)r;
            if (r == CLAIMS_RELATION_EQUAL) {
                size_t a = class_of(parent, i), b = class_of(parent, j);
                parent[a > b ? a : b] = a < b ? a : b;
            }
        }
    }
    /* per pair of classes (by their roots): does a member of one agree
     * with a member of the other */
    memset(agrees, 0, cells);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            if (agree((claims_relation)rel[i * n + j]))
                agrees[class_of(parent, i) * n + class_of(parent, j)] = 1;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            rel[i * n + j] = agrees[class_of(parent, i) * n + class_of(parent, j)];
    free(agrees);
    free(parent);
    return rel;
}

int claims__pool_sides(const claims_ctx *ctx, const claims__attr *def,
                       const claims_value *const *rep, size_t nc, const size_t *active, size_t n,
                       const claims__pool_members *members, size_t *side, size_t *sides)
{
    for (size_t i = 0; i < n; i++)
        side[active[i]] = SIZE_MAX;
    bool spans = true;
    span probe;
    for (size_t i = 0; i < n && spans; i++)
        spans =
            ordered(claims_value_type(rep[active[i]])) && value_span(rep[active[i]], def, &probe);
    if (spans)
        return sweep(ctx, def, rep, active, n, side, sides);
    /* greedy cliques, in the clusters' (content) order; first[s] and
     * next[k] chain each side's members */
    size_t *first = malloc((n ? n : 1) * sizeof *first);
    size_t *next = malloc((nc ? nc : 1) * sizeof *next);
    size_t *last = malloc((n ? n : 1) * sizeof *last);
    size_t *at = malloc((nc ? nc : 1) * sizeof *at);
    bool closure = n <= CLAIMS__POOL_EQUAL_MAX;
    unsigned char *agrees = closure ? equal_closure(ctx, def, rep, active, n, members) : NULL;
    if (!first || !next || !last || !at || (closure && !agrees)) {
        free(first);
        free(next);
        free(last);
        free(at);
        free(agrees);
        return CLAIMS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        at[active[i]] = i;
    size_t ns = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = active[i], s = 0;
        for (; s < ns; s++) {
            bool all = true;
            for (size_t m = first[s]; m != SIZE_MAX && all; m = next[m])
                all = agrees ? agrees[at[m] * n + i] : compatible(ctx, def, rep[m], rep[k]);
            if (all)
                break;
        }
        next[k] = SIZE_MAX;
        if (s == ns)
            first[ns] = last[ns] = k, ns++;
        else
            next[last[s]] = k, last[s] = k;
        side[k] = s;
    }
    free(first);
    free(next);
    free(last);
    free(at);
    free(agrees);
    *sides = ns;
    return CLAIMS_OK;
}

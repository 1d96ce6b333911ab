/* stage.c - what several stages of claims_reconcile() share: the result's
 * strings, notes and per-thread arenas, comparison with the attribute's
 * tolerance, ranking and sorting, the pointer-keyed table, progress. */
#include "reconcile/stage.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *claims__result_intern(claims_result *r, const char *s, size_t n)
{
    return claims__intern(&r->strings, s, n);
}

void claims__result_note(claims_result *r, size_t claim, const char *fmt, ...)
{
    if (claims__grow((void **)&r->notes, &r->note_cap, r->note_count + 1, sizeof *r->notes) !=
        CLAIMS_OK)
        return;
    claims_error *e = &r->notes[r->note_count++];
    claims__error_clear(e);
    e->code = CLAIMS_ESYNTAX;
    if (claim < r->rows.claim_count) {
        const claims__claim *c = &r->rows.claims[claim];
        const claims__source *s = &r->rows.sources[c->source];
        snprintf(e->source, sizeof e->source, "%s", s->origin);
        e->line = c->line;
        e->column = c->column;
        e->claim = (long)c->ordinal;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->text, sizeof e->text, fmt, ap);
    va_end(ap);
}

void claims__compare_values(claims_comparison *out, const claims_ctx *ctx, const claims__attr *attr,
                            const claims_value *a, const claims_value *b)
{
    claims__value_compare(out, ctx, a, b);
    if (!attr || out->relation != CLAIMS_RELATION_CONFLICTING)
        return;
    claims_type t = claims_value_type(a);
    if ((t == CLAIMS_TYPE_NUMBER || t == CLAIMS_TYPE_DURATION) && attr->tolerance > 0.0) {
        double x, y;
        claims_value_amount(a, &x, NULL, NULL);
        claims_value_amount(b, &y, NULL, NULL);
        double scale = fmax(fabs(x), fabs(y));
        if (!isnan(x) && !isnan(y) && fabs(x - y) <= attr->tolerance * scale) {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            snprintf(out->reason, sizeof out->reason, "%.15g and %.15g differ by less than %.3g%%",
                     x, y, 100.0 * attr->tolerance);
        }
    } else if ((t == CLAIMS_TYPE_DATE || t == CLAIMS_TYPE_TIME) && attr->time_tolerance > 0.0) {
        int64_t ab, ae, bb, be;
        claims_value_interval(a, &ab, &ae, NULL);
        claims_value_interval(b, &bb, &be, NULL);
        int64_t gap = ab >= be ? ab - be : bb >= ae ? bb - ae : 0;
        if ((double)gap <= attr->time_tolerance) {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            snprintf(out->reason, sizeof out->reason, "%s and %s are within %.0f s",
                     claims_value_normalized(a), claims_value_normalized(b), attr->time_tolerance);
        }
    }
}

/* ---- ranking and sorting, for the stages ------------------------------------------ */

typedef struct named {
    const char *name;
    size_t index;
} named;

static int cmp_named(const void *x, const void *y)
{
    return strcmp(((const named *)x)->name, ((const named *)y)->name);
}

int claims__rank_strings(const char *const *names, size_t n, uint32_t *rank)
{
    named *v = malloc((n ? n : 1) * sizeof *v);
    if (!v)
        return CLAIMS_ENOMEM;
    for (size_t i = 0; i < n; i++)
        v[i] = (named){names[i], i};
    qsort(v, n, sizeof *v, cmp_named);
    for (size_t i = 0; i < n; i++)
        rank[v[i].index] = (uint32_t)i;
    free(v);
    return CLAIMS_OK;
}

uint32_t *claims__source_ranks(const claims__rows *st)
{
    size_t n = st->source_count;
    const char **ids = malloc((n ? n : 1) * sizeof *ids);
    uint32_t *rank = malloc((n ? n : 1) * sizeof *rank);
    for (size_t s = 0; ids && s < n; s++)
        ids[s] = st->sources[s].id;
    if (!ids || !rank || claims__rank_strings(ids, n, rank) != CLAIMS_OK) {
        free(rank);
        rank = NULL;
    }
    free(ids);
    return rank;
}

void claims__sort_indices(size_t *v, size_t *tmp, size_t n,
                          int (*cmp)(const void *ctx, size_t x, size_t y), const void *ctx)
{
    if (n < 12) { /* insertion sort for the small runs that dominate */
        for (size_t i = 1; i < n; i++)
            for (size_t j = i; j > 0 && cmp(ctx, v[j], v[j - 1]) < 0; j--) {
                size_t t = v[j];
                v[j] = v[j - 1];
                v[j - 1] = t;
            }
        return;
    }
    size_t h = n / 2;
    claims__sort_indices(v, tmp, h, cmp, ctx);
    claims__sort_indices(v + h, tmp, n - h, cmp, ctx);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = cmp(ctx, v[j], v[i]) < 0 ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

static size_t ptab_hash(const void *a, const void *b, uint32_t c)
{
    uint64_t h = (uint64_t)(uintptr_t)a * 0x9e3779b97f4a7c15ULL;
    h ^= ((uint64_t)(uintptr_t)b + c) * 0xc2b2ae3d27d4eb4fULL;
    return (size_t)(h ^ (h >> 29));
}

static claims__ptab_slot *ptab_find(claims__ptab *t, const void *a, const void *b, uint32_t c)
{
    size_t i = ptab_hash(a, b, c) & (t->cap - 1);
    while (t->slots[i].index != UINT32_MAX &&
           !(t->slots[i].a == a && t->slots[i].b == b && t->slots[i].c == c))
        i = (i + 1) & (t->cap - 1);
    return &t->slots[i];
}

claims__ptab_slot *claims__ptab_get(claims__ptab *t, const void *a, const void *b, uint32_t c)
{
    if ((t->count + 1) * 2 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        claims__ptab_slot *slots = malloc(cap * sizeof *slots), *old = t->slots;
        if (!slots)
            return NULL;
        size_t old_cap = t->cap;
        t->slots = slots;
        t->cap = cap;
        for (size_t i = 0; i < cap; i++)
            slots[i].index = UINT32_MAX;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].index != UINT32_MAX)
                *ptab_find(t, old[i].a, old[i].b, old[i].c) = old[i];
        free(old);
    }
    claims__ptab_slot *slot = ptab_find(t, a, b, c);
    if (slot->index == UINT32_MAX) {
        slot->a = a;
        slot->b = b;
        slot->c = c;
        t->count++;
    }
    return slot;
}

void claims__ptab_free(claims__ptab *t)
{
    free(t->slots);
    t->slots = NULL;
    t->cap = t->count = 0;
}

int claims__run_progress(claims__run *run, const char *stage, size_t done, size_t total)
{
    if (done == 0)
        run->progress_next = 0; /* a new stage */
    return claims__progress(run->r->opts.progress, run->r->opts.progress_payload, stage, done,
                            total, &run->progress_next);
}

/* ---- the entry point ------------------------------------------------------------- */

claims_arena *claims__result_arenas(claims_result *r, size_t n)
{
    claims_arena *a = realloc(r->arenas, (r->arena_count + n) * sizeof *a);
    if (!a)
        return NULL;
    r->arenas = a;
    for (size_t i = 0; i < n; i++)
        claims__arena_init(&a[r->arena_count + i]);
    r->arena_count += n;
    return a + r->arena_count - n;
}

/* supersede.c - later reports revise earlier ones. Every claim carries the
 * publication time of its source; when one origin gives a value and later
 * another that is not compatible with it ("the agency raised its count to
 * 31"), the earlier value is revised by that origin. A value is superseded
 * when every origin behind it revised it, and the values that revised it
 * are current. Different origins at different times still conflict: only
 * an origin can revise itself. */
#include "reconcile/stage.h"
#include "values/calendar.h"

#include <stdlib.h>
#include <string.h>

int64_t *claims__source_instants(const claims__rows *st)
{
    int64_t *t = malloc((st->source_count ? st->source_count : 1) * sizeof *t);
    if (!t)
        return NULL;
    for (size_t i = 0; i < st->source_count; i++) {
        const char *p = st->sources[i].published;
        t[i] = CLAIMS__NO_TIME;
        if (!p || !p[0])
            continue;
        claims_parse_options o = CLAIMS_PARSE_OPTIONS_INIT;
        o.reference.ptr = p;
        o.reference.len = strlen(p);
        claims__ref ref;
        claims_error e;
        if (claims__ref_parse(&ref, &o, &e) != CLAIMS_OK || !ref.present)
            continue;
        /* a time without a zone is read as UTC: it still orders the
         * reports of one outlet */
        t[i] = ref.days * 86400 + ref.seconds - (ref.has_tz ? (int64_t)ref.tz_minutes * 60 : 0);
    }
    return t;
}

typedef struct told {
    const char *origin;
    int64_t at;
    size_t value;  /* cluster */
    size_t source; /* whose publication time it is */
} told;

/* By origin, then value, then time: the last entry of each value's run is
 * the origin's latest mention of it. */
static int told_order(const void *x, const void *y)
{
    const told *a = x, *b = y;
    int c = a->origin == b->origin ? 0 : strcmp(a->origin, b->origin);
    if (c)
        return c;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    if (a->at != b->at)
        return a->at < b->at ? -1 : 1;
    return a->source < b->source ? -1 : a->source > b->source;
}

static bool same_origin(const told *a, const told *b)
{
    return a->origin == b->origin || strcmp(a->origin, b->origin) == 0;
}

/* Revisions named in a reason, then "and N more". */
#define REVISIONS_NAMED 3

long claims__supersede(const claims_result *r, const int64_t *instant, claims__rvalue *vals,
                       size_t n, const bool *use, const size_t *claim_list, claims_buf *why)
{
    const claims__rows *st = &r->rows;
    size_t total = 0;
    for (size_t k = 0; k < n; k++)
        total += use[k] ? vals[k].claim_count : 0;
    told *t = malloc((total ? total : 1) * sizeof *t);
    /* per cluster: origins behind it, origins that revised it */
    size_t *behind = calloc(n ? n : 1, sizeof *behind);
    size_t *revised = calloc(n ? n : 1, sizeof *revised);
    size_t *by = malloc((n ? n : 1) * sizeof *by); /* a value that revised it */
    if (!t || !behind || !revised || !by) {
        free(t);
        free(behind);
        free(revised);
        free(by);
        return -1;
    }
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        if (!use[k])
            continue;
        for (size_t i = 0; i < vals[k].claim_count; i++) {
            size_t c = claim_list[vals[k].claim_start + i];
            size_t s = st->claims[c].source;
            if (instant[s] != CLAIMS__NO_TIME)
                t[m++] = (told){r->claim_origin[c], instant[s], k, s};
        }
    }
    qsort(t, m, sizeof *t, told_order);
    /* keep each (origin, value) once, at its latest mention */
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (i + 1 == m || t[i + 1].value != t[i].value || !same_origin(&t[i], &t[i + 1]))
            t[u++] = t[i];
    m = u;
    size_t named = 0, unnamed = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i, last = i;
        while (j < m && same_origin(&t[j], &t[i])) {
            if (t[j].at > t[last].at)
                last = j;
            j++;
        }
        /* the origin's latest word: one side, or none when it gave values
         * of two sides at its latest time */
        bool alone = true;
        for (size_t q = i; q < j; q++)
            alone = alone &&
                    (t[q].at < t[last].at || vals[t[q].value].side == vals[t[last].value].side);
        for (size_t q = i; q < j; q++) {
            behind[t[q].value]++;
            if (!alone || t[q].at >= t[last].at ||
                vals[t[q].value].side == vals[t[last].value].side)
                continue;
            revised[t[q].value]++;
            by[t[q].value] = t[last].value;
            if (named < REVISIONS_NAMED) {
                const claims__rvalue *a = &vals[t[q].value], *b = &vals[t[last].value];
                if (claims__buf_printf(why, "%s%s revised %s (%s) to %s (%s)", why->len ? "; " : "",
                                       t[q].origin, a->normalized,
                                       st->sources[t[q].source].published, b->normalized,
                                       st->sources[t[last].source].published) != CLAIMS_OK)
                    named = REVISIONS_NAMED;
                named++;
            } else {
                unnamed++;
            }
        }
        i = j;
    }
    if (unnamed)
        claims__buf_printf(why, " and %zu more revisions", unnamed);
    long superseded = 0;
    for (size_t k = 0; k < n; k++)
        if (use[k] && behind[k] && revised[k] == behind[k]) {
            vals[k].superseded = true;
            vals[by[k]].current = true;
            superseded++;
        }
    free(t);
    free(behind);
    free(revised);
    free(by);
    return superseded;
}

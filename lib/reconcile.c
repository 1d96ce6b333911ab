/* reconcile.c - claims_reconcile(): runs the stages in order and owns the
 * result. The normalize stage lives here: every claim's value is parsed as
 * the type its schema entry (or the claim) names, with the source's
 * publication date as reference, once per distinct (type, reference, text). */
#include "reconcile.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *claims_agreement_name(claims_agreement agreement)
{
    static const char *const names[] = {"agreed", "compatible", "conflicting",
                                        "complementary", "single-source"};
    return (unsigned)agreement <= CLAIMS_SINGLE_SOURCE ? names[agreement]
                                                        : "unknown";
}

int claims_reconcile_options_init(claims_reconcile_options *opts,
                                  unsigned int version)
{
    if (!opts || version == 0 || version > CLAIMS_RECONCILE_OPTIONS_VERSION)
        return CLAIMS_EINVAL;
    /* a caller built against version 1 has a struct without `threads`:
     * write only the fields its version has */
    claims_reconcile_options def = CLAIMS_RECONCILE_OPTIONS_INIT;
    def.version = version;
    memcpy(opts, &def,
           version >= 2 ? sizeof def : offsetof(claims_reconcile_options, threads));
    return CLAIMS_OK;
}

static double now(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

const char *claims__result_intern(claims_result *r, const char *s, size_t n)
{
    return claims__intern(&r->strings, s, n);
}

void claims__result_note(claims_result *r, size_t claim, const char *fmt, ...)
{
    if (claims__grow((void **)&r->notes, &r->note_cap, r->note_count + 1,
                     sizeof *r->notes) != CLAIMS_OK)
        return;
    claims_error *e = &r->notes[r->note_count++];
    claims__error_clear(e);
    e->code = CLAIMS_ESYNTAX;
    if (claim < r->store->claim_count) {
        const claims__claim *c = &r->store->claims[claim];
        const claims__source *s = &r->store->sources[c->source];
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

void claims__compare_values(claims_comparison *out, const claims_ctx *ctx,
                            const claims__attr *attr, const claims_value *a,
                            const claims_value *b)
{
    claims_value_compare(out, ctx, a, b);
    if (!attr || out->relation != CLAIMS_RELATION_CONFLICTING)
        return;
    claims_type t = claims_value_type(a);
    if ((t == CLAIMS_TYPE_NUMBER || t == CLAIMS_TYPE_DURATION) &&
        attr->tolerance > 0.0) {
        double x, y;
        claims_value_amount(a, &x, NULL, NULL);
        claims_value_amount(b, &y, NULL, NULL);
        double scale = fmax(fabs(x), fabs(y));
        if (!isnan(x) && !isnan(y) && fabs(x - y) <= attr->tolerance * scale) {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            snprintf(out->reason, sizeof out->reason,
                     "%.15g and %.15g differ by less than %.3g%%", x, y,
                     100.0 * attr->tolerance);
        }
    } else if ((t == CLAIMS_TYPE_DATE || t == CLAIMS_TYPE_TIME) &&
               attr->time_tolerance > 0.0) {
        int64_t ab, ae, bb, be;
        claims_value_interval(a, &ab, &ae, NULL);
        claims_value_interval(b, &bb, &be, NULL);
        int64_t gap = ab >= be ? ab - be : bb >= ae ? bb - ae : 0;
        if ((double)gap <= attr->time_tolerance) {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            snprintf(out->reason, sizeof out->reason,
                     "%s and %s are within %.0f s", claims_value_normalized(a),
                     claims_value_normalized(b), attr->time_tolerance);
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

uint32_t *claims__source_ranks(const claims_store *st)
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
                          int (*cmp)(const void *ctx, size_t x, size_t y),
                          const void *ctx)
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

/* Notes beyond this many are counted, not kept. */
#define MAX_NOTES 10000

static void note_unparsed(claims_result *r, size_t claim, claims_type type,
                          const char *why)
{
    r->stats.values_unparsed++;
    if (r->note_count >= MAX_NOTES) {
        r->notes_dropped++;
        return;
    }
    const claims__claim *c = &r->store->claims[claim];
    claims__result_note(r, claim, "%s: value \"%.40s\" of %s is not a %s (%s); compared "
                        "as text", c->id, c->value, c->attribute, claims_type_name(type),
                        why ? why : "");
}

int claims__run_progress(claims__run *run, const char *stage, size_t done,
                         size_t total)
{
    if (done == 0)
        run->progress_next = 0; /* a new stage */
    return claims__progress(run->r->opts.progress, run->r->opts.progress_payload, stage,
                            done, total, &run->progress_next);
}

/* ---- normalize ------------------------------------------------------------------ */

/* A distinct input of the value pool: the claim it was first seen in. */
typedef struct distinct_value {
    size_t claim;
    claims_type type;
    const char *ref;     /* publication date, NULL when not dated */
    char *failure;       /* why it did not parse as its type (malloc), or NULL */
    bool failed;
} distinct_value;

typedef struct parse_job {
    claims__run *run;
    distinct_value *distinct;
    size_t n, parts;
} parse_job;

/* Parses one part of the distinct values into their pool slots. */
static int parse_part(void *arg, size_t part)
{
    parse_job *J = arg;
    claims_result *r = J->run->r;
    const claims_store *st = r->store;
    for (size_t i = claims__split(J->n, J->parts, part);
         i < claims__split(J->n, J->parts, part + 1); i++) {
        distinct_value *d = &J->distinct[i];
        const char *text = st->claims[d->claim].value;
        size_t len = strlen(text);
        claims_value *v;
        if (claims_value_new(&v) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
        r->pool[i] = v;
        claims_parse_options po = CLAIMS_PARSE_OPTIONS_INIT;
        if (d->ref) { /* absent stays absent: NULL, not "" */
            po.reference.ptr = d->ref;
            po.reference.len = strlen(d->ref);
        }
        po.bias = r->opts.bias;
        claims_error e;
        if (claims_value_parse(v, J->run->ctx, d->type, text, len, &po, &e) == CLAIMS_OK)
            continue;
        /* kept, as text: the claim still takes part, by its wording */
        d->failed = true;
        size_t n = strlen(e.text);
        if (!(d->failure = malloc(n + 1)))
            return CLAIMS_ENOMEM;
        memcpy(d->failure, e.text, n + 1);
        if (claims_value_parse(v, J->run->ctx, CLAIMS_TYPE_TEXT, text, len, NULL, &e) !=
                CLAIMS_OK &&
            (e.code == CLAIMS_ENOMEM || claims__value_set_norm(v, text, len) != CLAIMS_OK))
            return CLAIMS_ENOMEM;
    }
    return 0;
}

/* Values parsed per task: enough to outweigh handing it out. */
#define PARSE_PART 512

static int normalize(claims__run *run)
{
    claims_result *r = run->r;
    const claims_store *st = r->store;
    size_t n = st->claim_count;
    r->claim_value = malloc((n ? n : 1) * sizeof *r->claim_value);
    r->claim_attr = malloc((n ? n : 1) * sizeof *r->claim_attr);
    r->claim_type = malloc((n ? n : 1) * sizeof *r->claim_type);
    if (!r->claim_value || !r->claim_attr || !r->claim_type)
        return CLAIMS_ENOMEM;

    claims__ptab table = {NULL, 0, 0}; /* (text, reference, type) -> pool index */
    distinct_value *distinct = NULL;
    size_t nd = 0, dcap = 0;
    int rc = CLAIMS_OK;
    const char *last_attr = NULL;
    const claims__attr *attr = NULL;
    /* 1. the distinct inputs, in order of first use */
    for (size_t i = 0; i < n && rc == CLAIMS_OK; i++) {
        if ((rc = claims__run_progress(run, "normalize", i, n)) != CLAIMS_OK)
            break;
        const claims__claim *c = &st->claims[i];
        if (c->attribute != last_attr) { /* interned: claims of one attribute
                                          * usually come together */
            attr = claims__schema_find(run->ctx, c->attribute, strlen(c->attribute));
            last_attr = c->attribute;
        }
        claims_type type = attr ? attr->type : CLAIMS_TYPE_TEXT;
        if (c->value_type[0])
            claims_type_from_name(&type, c->value_type, strlen(c->value_type));
        r->claim_attr[i] = attr;
        r->claim_type[i] = type;
        bool dated = type == CLAIMS_TYPE_DATE || type == CLAIMS_TYPE_TIME;
        const char *ref = dated && st->sources[c->source].published[0]
                              ? st->sources[c->source].published : NULL;
        /* the store interns every string: equal texts are one pointer */
        claims__ptab_slot *slot = claims__ptab_get(&table, c->value, ref, (uint32_t)type);
        if (!slot) {
            rc = CLAIMS_ENOMEM;
            break;
        }
        if (slot->index == UINT32_MAX) {
            if (nd >= UINT32_MAX ||
                claims__grow((void **)&distinct, &dcap, nd + 1, sizeof *distinct) != CLAIMS_OK) {
                rc = CLAIMS_ENOMEM;
                break;
            }
            distinct[nd] = (distinct_value){i, type, ref, NULL, false};
            slot->index = (uint32_t)nd++;
        }
        r->claim_value[i] = slot->index;
    }
    claims__ptab_free(&table);
    /* 2. each parsed once, in parallel, into its own pool slot */
    if (rc == CLAIMS_OK && nd) {
        r->pool = calloc(nd, sizeof *r->pool);
        if (!r->pool) {
            rc = CLAIMS_ENOMEM;
        } else {
            r->pool_cap = r->pool_count = nd;
            size_t parts = (nd + PARSE_PART - 1) / PARSE_PART;
            parse_job J = {run, distinct, nd, parts};
            if (claims__parallel(parts, run->threads, parse_part, &J) != 0)
                rc = CLAIMS_ENOMEM;
        }
    }
    /* 3. counts and notes, in claim order */
    for (size_t i = 0; i < nd && rc == CLAIMS_OK; i++)
        r->stats.values_parsed += !distinct[i].failed;
    for (size_t i = 0; i < n && rc == CLAIMS_OK; i++) {
        const distinct_value *d = &distinct[r->claim_value[i]];
        /* the first use says whether its parse failed; later ones whether
         * the value is of the type they ask for */
        if (d->claim == i ? !d->failed
                          : claims_value_type(r->pool[r->claim_value[i]]) == r->claim_type[i])
            continue;
        const char *why = d->failure
                              ? claims__result_intern(r, d->failure, strlen(d->failure))
                              : NULL;
        if (d->failure && !why) {
            rc = CLAIMS_ENOMEM;
            break;
        }
        note_unparsed(r, i, r->claim_type[i], why);
    }
    for (size_t i = 0; i < nd; i++)
        free(distinct[i].failure);
    free(distinct);
    if (r->notes_dropped)
        claims__result_note(r, (size_t)-1, "%zu more values kept as text",
                            r->notes_dropped);
    return rc;
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

int claims_reconcile(claims_result **out, const claims_ctx *ctx,
                     const claims_store *store,
                     const claims_reconcile_options *opts, claims_error *err)
{
    claims__error_clear(err);
    if (!out || !store)
        return claims__error_simple(err, CLAIMS_EINVAL, "out or store is NULL");
    *out = NULL;
    claims_reconcile_options def = CLAIMS_RECONCILE_OPTIONS_INIT;
    if (!opts)
        opts = &def;
    else if (opts->version == 0 || opts->version > CLAIMS_RECONCILE_OPTIONS_VERSION)
        return claims__error_simple(err, CLAIMS_EINVAL,
                                    "unsupported reconcile options version %u",
                                    opts->version);
    if (store->claim_count > UINT32_MAX || store->subject_count > UINT32_MAX ||
        store->source_count > UINT32_MAX)
        return claims__error_simple(err, CLAIMS_ERANGE,
                                    "more than 2^32 claims, subjects or sources");

    claims_ctx *own = NULL;
    if (!ctx) {
        int rc = claims_ctx_new(&own, err);
        if (rc != CLAIMS_OK)
            return rc;
        ctx = own;
    }
    claims_result *r = calloc(1, sizeof *r);
    if (!r) {
        claims_ctx_free(own);
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    }
    r->store = store;
    /* only the fields the caller's version of the struct has */
    claims_reconcile_options known = CLAIMS_RECONCILE_OPTIONS_INIT;
    memcpy(&known, opts, opts->version >= 2 ? sizeof known
                                            : offsetof(claims_reconcile_options, threads));
    r->opts = known;
    claims__arena_init(&r->arena);
    claims__interner_init(&r->strings, &r->arena);
    claims__u64map_init(&r->dependent);
    claims__run run = {r, ctx, 0, claims__thread_count(known.threads)};

    double t0 = now();
    int rc = normalize(&run);
    double t1 = now();
    if (rc == CLAIMS_OK)
        rc = claims__resolve(&run);
    double t2 = now();
    if (rc == CLAIMS_OK)
        rc = claims__dependence(&run); /* origins need the shared copies */
    if (rc == CLAIMS_OK)
        rc = claims__origins(&run);
    if (rc == CLAIMS_OK)
        rc = claims__group(&run);
    double t3 = now();
    claims_ctx_free(own);
    if (rc == CLAIMS_OK)
        rc = claims__run_progress(&run, "done", 1, 1);
    if (rc != CLAIMS_OK) {
        claims_result_free(r);
        if (err && err->code == CLAIMS_OK)
            claims__error_simple(err, rc, "reconciliation %s",
                                 rc == CLAIMS_ECANCELED ? "canceled" : claims_strerror(rc));
        return rc;
    }
    /* what only the stages needed: the result keeps what it shows */
    claims__interner_free(&r->strings); /* the strings stay in the arena */
    free(r->claim_attr);
    free(r->claim_type);
    free(r->norm_rank);
    free(r->mention_subject);
    claims__u64map_free(&r->dependent);
    r->claim_attr = NULL;
    r->claim_type = NULL;
    r->norm_rank = NULL;
    r->mention_subject = NULL;
    r->stats.normalize = t1 - t0;
    r->stats.resolve = t2 - t1;
    r->stats.group = t3 - t2;
    r->stats.total = t3 - t0;
    r->stats.claims = store->claim_count;
    r->stats.mentions = store->subject_count;
    r->stats.subjects = r->subject_count;
    r->stats.clusters = r->value_count;
    r->stats.dependencies = r->dep_count;
    *out = r;
    return CLAIMS_OK;
}

void claims_result_free(claims_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->pool_count; i++)
        claims_value_free(r->pool[i]);
    free(r->pool);
    free(r->norm_rank);
    free(r->claim_value);
    free(r->claim_attr);
    free(r->claim_type);
    free(r->claim_origin);
    claims__u64map_free(&r->dependent);
    free(r->deps);
    free(r->mention_subject);
    free(r->subjects);
    free(r->attrs);
    free(r->values);
    free(r->claim_list);
    free(r->notes);
    claims__interner_free(&r->strings);
    claims__arena_free(&r->arena);
    for (size_t i = 0; i < r->arena_count; i++)
        claims__arena_free(&r->arenas[i]);
    free(r->arenas);
    free(r);
}

void claims_result_get_stats(const claims_result *result, claims_result_stats *out)
{
    if (!out)
        return;
    if (!result)
        memset(out, 0, sizeof *out);
    else
        *out = result->stats;
}

size_t claims_result_diagnostic_count(const claims_result *result)
{
    return result ? result->note_count : 0;
}

const claims_error *claims_result_diagnostic(const claims_result *result, size_t i)
{
    return result && i < result->note_count ? &result->notes[i] : NULL;
}

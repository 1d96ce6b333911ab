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
    claims_reconcile_options def = CLAIMS_RECONCILE_OPTIONS_INIT;
    *opts = def;
    opts->version = version;
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

static int pool_add(claims_result *r, claims_value **out)
{
    if (claims__grow((void **)&r->pool, &r->pool_cap, r->pool_count + 1,
                     sizeof *r->pool) != CLAIMS_OK ||
        claims_value_new(out) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    r->pool[r->pool_count++] = *out;
    return CLAIMS_OK;
}

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

    claims_strmap cache; /* (type, reference, text) -> pool index */
    const char **failures = NULL; /* per pool entry: why it did not parse */
    size_t fcap = 0;
    claims__strmap_init(&cache);
    claims_buf key;
    claims__buf_init(&key);
    int rc = CLAIMS_OK;
    const char *last_attr = NULL;
    const claims__attr *attr = NULL;
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
        const char *ref = dated ? st->sources[c->source].published : "";
        claims__buf_clear(&key);
        if (claims__buf_putc(&key, (char)('a' + type)) ||
            claims__buf_append(&key, ref, strlen(ref)) ||
            claims__buf_putc(&key, '\x1f') ||
            claims__buf_append(&key, c->value, strlen(c->value))) {
            rc = CLAIMS_ENOMEM;
            break;
        }
        size_t idx;
        if (claims__strmap_get(&cache, key.data, key.len, &idx)) {
            r->claim_value[i] = (uint32_t)idx;
            if (claims_value_type(r->pool[idx]) != type) /* kept as text */
                note_unparsed(r, i, type, failures[idx]);
            continue;
        }
        claims_value *v;
        if (pool_add(r, &v) != CLAIMS_OK ||
            claims__grow((void **)&failures, &fcap, r->pool_count, sizeof *failures)) {
            rc = CLAIMS_ENOMEM;
            break;
        }
        idx = r->pool_count - 1;
        failures[idx] = NULL;
        claims_parse_options po = CLAIMS_PARSE_OPTIONS_INIT;
        if (ref[0]) { /* absent stays absent: NULL, not "" */
            po.reference.ptr = ref;
            po.reference.len = strlen(ref);
        }
        po.bias = r->opts.bias;
        claims_error e;
        int prc = claims_value_parse(v, run->ctx, type, c->value,
                                     strlen(c->value), &po, &e);
        if (prc == CLAIMS_OK) {
            r->stats.values_parsed++;
        } else {
            /* kept, as text: the claim still takes part, by its wording */
            failures[idx] = claims__result_intern(r, e.text, strlen(e.text));
            note_unparsed(r, i, type, failures[idx]);
            if (claims_value_parse(v, run->ctx, CLAIMS_TYPE_TEXT, c->value,
                                   strlen(c->value), NULL, &e) != CLAIMS_OK) {
                rc = e.code == CLAIMS_ENOMEM ? CLAIMS_ENOMEM : CLAIMS_OK;
                if (rc == CLAIMS_OK)
                    claims__value_set_norm(v, c->value, strlen(c->value));
            }
        }
        char *k = claims__arena_strdup(&r->arena, key.data, key.len);
        if (!k || claims__strmap_put(&cache, k, key.len, idx) != CLAIMS_OK)
            rc = CLAIMS_ENOMEM;
        r->claim_value[i] = (uint32_t)idx;
    }
    claims__buf_free(&key);
    claims__strmap_free(&cache);
    free(failures);
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
    return claims__reconcile(out, ctx, store, opts, 0, err);
}

int claims__reconcile(claims_result **out, const claims_ctx *ctx,
                      const claims_store *store,
                      const claims_reconcile_options *opts, unsigned threads,
                      claims_error *err)
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
    if (store->claim_count > UINT32_MAX || store->subject_count > UINT32_MAX)
        return claims__error_simple(err, CLAIMS_ERANGE,
                                    "more than 2^32 claims or subjects");

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
    r->opts = *opts;
    claims__arena_init(&r->arena);
    claims__interner_init(&r->strings, &r->arena);
    claims__u64map_init(&r->dependent);
    claims__run run = {r, ctx, 0, threads ? threads : claims__cpu_count()};

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

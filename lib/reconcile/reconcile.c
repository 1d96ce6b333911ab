/* reconcile.c - claims_reconcile(): runs the stages in order (normalize,
 * resolve, dependence, origins, group; one file each) and owns the result.
 * What the stages share is in stage.c. */
#include "reconcile/stage.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *claims_agreement_name(claims_agreement agreement)
{
    static const char *const names[] = {"agreed",        "compatible",    "conflicting",
                                        "complementary", "single-source", "different-wording"};
    return (unsigned)agreement <= CLAIMS_DIFFERENT_WORDING ? names[agreement] : "unknown";
}

int claims_reconcile_options_init(claims_reconcile_options *opts, unsigned int version)
{
    if (!opts || version == 0 || version > CLAIMS_RECONCILE_OPTIONS_VERSION)
        return CLAIMS_EINVAL;
    /* a caller built against version 1 has a struct without `threads`:
     * write only the fields its version has */
    claims_reconcile_options def = CLAIMS_RECONCILE_OPTIONS_INIT;
    def.version = version;
    memcpy(opts, &def, version >= 2 ? sizeof def : offsetof(claims_reconcile_options, threads));
    return CLAIMS_OK;
}

static double now(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int claims_reconcile(claims_result **out, const claims_ctx *ctx, const claims_store *store,
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
        return claims__error_simple(err, CLAIMS_EINVAL, "unsupported reconcile options version %u",
                                    opts->version);
    /* no reconcile flag exists yet: one set asks for what this library
     * does not do */
    if (opts->flags)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown reconcile flags 0x%x",
                                    opts->flags);
    claims__rows rows = claims__store_rows(store);
    if (rows.claim_count > UINT32_MAX || rows.subject_count > UINT32_MAX ||
        rows.source_count > UINT32_MAX)
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
    r->rows = rows;
    /* only the fields the caller's version of the struct has */
    claims_reconcile_options known = CLAIMS_RECONCILE_OPTIONS_INIT;
    memcpy(&known, opts,
           opts->version >= 2 ? sizeof known : offsetof(claims_reconcile_options, threads));
    r->opts = known;
    claims__arena_init(&r->arena);
    claims__interner_init(&r->strings, &r->arena);
    claims__u64map_init(&r->dependent);
    claims__run run = {r, ctx, 0, claims__thread_count(known.threads)};

    /* one clock reading between stages: the stage times add up to the total */
    double t0 = now();
    int rc = claims__normalize(&run);
    double t1 = now();
    if (rc == CLAIMS_OK)
        rc = claims__resolve(&run);
    double t2 = now();
    if (rc == CLAIMS_OK)
        rc = claims__dependence(&run); /* origins need the shared copies */
    if (rc == CLAIMS_OK)
        rc = claims__copied_claims(&run); /* and the copies too short to share wording */
    double t3 = now();
    if (rc == CLAIMS_OK)
        rc = claims__origins(&run);
    double t4 = now();
    if (rc == CLAIMS_OK)
        rc = claims__group(&run);
    double t5 = now();
    claims__ctx_view_free(r->run_ctx); /* before the context it views */
    claims__places_free(r->learned);
    r->run_ctx = NULL;
    r->learned = NULL;
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
    r->stats.version = CLAIMS_RESULT_STATS_VERSION;
    r->stats.normalize = t1 - t0;
    r->stats.resolve = t2 - t1;
    r->stats.dependence = t3 - t2;
    r->stats.origins = t4 - t3;
    r->stats.group = t5 - t4;
    r->stats.total = t5 - t0;
    r->stats.claims = rows.claim_count;
    r->stats.mentions = rows.subject_count;
    r->stats.subjects = r->subject_count;
    r->stats.clusters = r->value_count;
    r->stats.dependencies = r->dep_count;
    r->view = (claims__view){
        .store = store,
        .rows = r->rows,
        .subjects = r->subjects,
        .subject_count = r->subject_count,
        .attrs = r->attrs,
        .attr_count = r->attr_count,
        .values = r->values,
        .value_count = r->value_count,
        .claim_list = r->claim_list,
        .deps = r->deps,
        .dep_count = r->dep_count,
        .notes = r->notes,
        .note_count = r->note_count,
        .pool = r->pool,
        .claim_value = r->claim_value,
        .claim_origin = r->claim_origin,
        .stats = r->stats,
    };
    *out = r;
    return CLAIMS_OK;
}

void claims_result_free(claims_result *r)
{
    if (!r)
        return;
    claims__ctx_view_free(r->run_ctx);
    claims__places_free(r->learned);
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

/* Bytes of a claims_result_stats of struct version v (1 to current). */
static size_t stats_size(unsigned v)
{
    return v >= 2 ? sizeof(claims_result_stats) : offsetof(claims_result_stats, dependence);
}

int claims_result_get_stats(const claims_result *result, claims_result_stats *out)
{
    if (!result || !out || out->version == 0 || out->version > CLAIMS_RESULT_STATS_VERSION)
        return CLAIMS_EINVAL;
    /* a caller built against version 1 has a struct without the
     * dependence and origins times: write only what its version has */
    unsigned v = out->version;
    memcpy(out, &result->stats, stats_size(v));
    out->version = v;
    return CLAIMS_OK;
}

size_t claims_result_diagnostic_count(const claims_result *result)
{
    return result ? result->note_count : 0;
}

const claims_error *claims_result_diagnostic(const claims_result *result, size_t i)
{
    return result && i < result->note_count ? &result->notes[i] : NULL;
}

/* normalize.c - the first stage: every claim's value is parsed as the type
 * its schema entry (or the claim) names, with the source's publication date
 * as reference, once per distinct (type, reference, text), in parallel,
 * into the result's value pool. A value that does not parse is kept as
 * text, with a note. */
#include "reconcile/stage.h"

#include <stdlib.h>
#include <string.h>

/* Notes beyond this many are counted, not kept. */
#define MAX_NOTES 10000

static void note_unparsed(claims_result *r, size_t claim, claims_type type, const char *why)
{
    r->stats.values_unparsed++;
    if (r->note_count >= MAX_NOTES) {
        r->notes_dropped++;
        return;
    }
    const claims__claim *c = &r->rows.claims[claim];
    claims__result_note(r, claim,
                        "%s: value \"%.40s\" of %s is not a %s (%s); compared "
                        "as text",
                        c->id, c->value, c->attribute, claims_type_name(type), why ? why : "");
}

/* ---- normalize ------------------------------------------------------------------ */

/* A distinct input of the value pool: the claim it was first seen in. */
typedef struct distinct_value {
    size_t claim;
    claims_type type;
    const char *ref; /* publication date, NULL when not dated */
    char *failure;   /* why it did not parse as its type (malloc), or NULL */
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
    const claims__rows *st = &r->rows;
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

int claims__normalize(claims__run *run)
{
    claims_result *r = run->r;
    const claims__rows *st = &r->rows;
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
        const char *ref =
            dated && st->sources[c->source].published[0] ? st->sources[c->source].published : NULL;
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
    /* 3. what the place values teach about containment ("Kessel Bay,
     * Ardenia"), for every comparison of the later stages: they run with a
     * view of the context that knows it */
    if (rc == CLAIMS_OK &&
        (rc = claims__places_learn(&r->learned, run->ctx, r->pool, r->pool_count)) == CLAIMS_OK &&
        r->learned) {
        rc = claims__ctx_view_new(&r->run_ctx, run->ctx, r->learned);
        if (rc == CLAIMS_OK)
            run->ctx = r->run_ctx;
    }
    /* 4. counts and notes, in claim order */
    for (size_t i = 0; i < nd && rc == CLAIMS_OK; i++)
        r->stats.values_parsed += !distinct[i].failed;
    for (size_t i = 0; i < n && rc == CLAIMS_OK; i++) {
        const distinct_value *d = &distinct[r->claim_value[i]];
        /* the first use says whether its parse failed; later ones whether
         * the value is of the type they ask for */
        if (d->claim == i ? !d->failed
                          : claims_value_type(r->pool[r->claim_value[i]]) == r->claim_type[i])
            continue;
        const char *why =
            d->failure ? claims__result_intern(r, d->failure, strlen(d->failure)) : NULL;
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
        claims__result_note(r, (size_t)-1, "%zu more values kept as text", r->notes_dropped);
    return rc;
}

/* check_reconcile.c - reconciliation: schema, origins, dependence, subject
 * resolution, grouping and relations, cursors, renderings, determinism, and
 * the seed corpus end to end (issue 4, section 6). */
#include "check_helpers.h"

#include "util/util.h" /* CLAIMS__PRINTF */

#include <jansson.h>

#include <math.h>
#include <stdio.h>

/* ---- helpers ---------------------------------------------------------------------- */

static claims_store *store_of(const char *json)
{
    claims_store *st;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    claims_error err;
    int rc = claims_store_load_buffer(st, json, strlen(json), S("test"), NULL, NULL, &err);
    ck_assert_msg(rc == CLAIMS_OK, "%d:%d %s", err.line, err.column, err.text);
    return st;
}

static claims_result *reconcile(const claims_ctx *ctx, const claims_store *st)
{
    claims_result *r;
    claims_error err;
    ck_assert_int_eq(claims_reconcile(&r, ctx, st, NULL, &err), CLAIMS_OK);
    return r;
}

/* Index of the first event whose sources include `source` and that has an
 * attribute `attr` with a value whose normalized form is `norm`; -1. */
static long find_event(const claims_result *r, const char *source, const char *attr,
                       const char *norm)
{
    claims_cursor *ev, *at, *va;
    const claims_result_subject_info *e;
    long found = -1;
    ck_assert_int_eq(claims_result_subjects(&ev, r), CLAIMS_OK);
    while (found < 0 && claims_cursor_next_result_subject(&e, ev) == CLAIMS_OK) {
        bool has_source = false;
        for (size_t i = 0; i < e->source_count; i++)
            has_source |= strcmp(e->sources[i], source) == 0;
        if (!has_source)
            continue;
        const claims_attribute_info *a;
        claims_result_attributes(&at, r, e->index);
        while (found < 0 && claims_cursor_next_attribute(&a, at) == CLAIMS_OK) {
            if (strcmp(a->attribute, attr) != 0)
                continue;
            const claims_value_info *v;
            claims_result_values(&va, r, e->index, a->index);
            while (claims_cursor_next_value(&v, va) == CLAIMS_OK)
                if (!norm || strcmp(v->normalized, norm) == 0)
                    found = (long)e->index;
            claims_cursor_free(va);
        }
        claims_cursor_free(at);
    }
    claims_cursor_free(ev);
    return found;
}

/* The attribute `attr` of subject `e`, copied into *a (the row is the
 * cursor's, freed here); false when absent. */
static bool get_attr(const claims_result *r, size_t e, const char *attr, claims_attribute_info *a)
{
    claims_cursor *at;
    const claims_attribute_info *row;
    ck_assert_int_eq(claims_result_attributes(&at, r, e), CLAIMS_OK);
    bool ok = false;
    while (!ok && claims_cursor_next_attribute(&row, at) == CLAIMS_OK)
        if ((ok = strcmp(row->attribute, attr) == 0))
            *a = *row;
    claims_cursor_free(at);
    return ok;
}

/* Value cluster `norm` of attribute `a` of subject `e`, copied into *v. */
static bool get_value(const claims_result *r, size_t e, const claims_attribute_info *a,
                      const char *norm, claims_value_info *v)
{
    claims_cursor *va;
    const claims_value_info *row;
    ck_assert_int_eq(claims_result_values(&va, r, e, a->index), CLAIMS_OK);
    bool ok = false;
    while (!ok && claims_cursor_next_value(&row, va) == CLAIMS_OK)
        if ((ok = strcmp(row->normalized, norm) == 0))
            *v = *row;
    claims_cursor_free(va);
    return ok;
}

/* Resolved subject i, copied. */
static claims_result_subject_info event_at(const claims_result *r, size_t i)
{
    claims_cursor *ev;
    const claims_result_subject_info *e;
    ck_assert_int_eq(claims_result_subjects(&ev, r), CLAIMS_OK);
    for (size_t k = 0; k <= i; k++)
        ck_assert_int_eq(claims_cursor_next_result_subject(&e, ev), CLAIMS_OK);
    claims_result_subject_info copy = *e;
    claims_cursor_free(ev);
    return copy;
}

static char *render(const claims_result *r, claims_render_format f)
{
    char *out;
    size_t len;
    claims_error err;
    ck_assert_int_eq(claims_result_render(&out, &len, r, f, &err), CLAIMS_OK);
    ck_assert_uint_eq(strlen(out), len);
    return out;
}

/* ---- the seed corpus (issue 4, section 6) ----------------------------------------------- */

#define CBS "cbs-2016-11-20-obama-putin"
#define DM "dailymail-2016-11-20-obama-putin"
#define WSJ "wsj-2016-11-20-obama-putin"
#define BS "business-standard-2015-11-15-obama-putin"

START_TEST(test_seed_two_main_events)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(NULL, st);
    long apec = find_event(r, CBS, "duration", "240");
    long g20 = find_event(r, BS, "duration", "2100");
    ck_assert_int_ge(apec, 0);
    ck_assert_int_ge(g20, 0);
    ck_assert_int_ne(apec, g20);
    claims_result_subject_info e = event_at(r, (size_t)apec);
    ck_assert_str_eq(e.type, "event");
    ck_assert_uint_eq(e.source_count, 3);
    ck_assert_str_eq(e.sources[0], CBS);
    ck_assert_str_eq(e.sources[1], DM);
    ck_assert_str_eq(e.sources[2], WSJ);
    /* the two meetings were kept apart, and it says why */
    ck_assert_ptr_nonnull(strstr(e.explanation, "merged"));
    claims_result_subject_info g = event_at(r, (size_t)g20);
    ck_assert_uint_eq(g.source_count, 1);
    ck_assert_ptr_nonnull(strstr(g.explanation, "kept apart"));
    ck_assert_ptr_nonnull(strstr(g.explanation, e.id));
    /* no conflict between four minutes and 35 minutes: each event agrees */
    claims_attribute_info a;
    ck_assert(get_attr(r, (size_t)apec, "duration", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_AGREED);
    ck_assert_uint_eq(a.value_count, 1);
    ck_assert(get_attr(r, (size_t)g20, "duration", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_SINGLE_SOURCE);
    /* the other events mentioned in passing stay apart from the main one */
    ck_assert_int_ne(find_event(r, CBS, "place", "china"), apec);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

START_TEST(test_seed_duration_one_origin)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(NULL, st);
    long apec = find_event(r, CBS, "duration", "240");
    ck_assert_int_ge(apec, 0);
    claims_attribute_info a;
    claims_value_info v;
    ck_assert(get_attr(r, (size_t)apec, "duration", &a));
    ck_assert(get_value(r, (size_t)apec, &a, "240", &v));
    ck_assert_uint_eq(v.source_count, 3);
    ck_assert_uint_eq(v.origin_count, 1);
    ck_assert_str_eq(v.origins[0], "White House");
    ck_assert(v.hedged); /* "about four minutes" keeps its hedge */
    ck_assert_uint_eq(v.claim_count, 3);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

START_TEST(test_seed_topics)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(NULL, st);
    long apec = find_event(r, CBS, "duration", "240");
    ck_assert_int_ge(apec, 0);
    claims_attribute_info a;
    ck_assert(get_attr(r, (size_t)apec, "topic", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_COMPLEMENTARY);
    ck_assert_uint_ge(a.uncertain_count, 1); /* "it is not clear what..." */
    /* Syria, and Ukraine with the Minsk deal = Minsk agreements: all three */
    claims_cursor *va;
    const claims_value_info *v;
    size_t syria = 0, minsk = 0;
    ck_assert_int_eq(claims_result_values(&va, r, (size_t)apec, a.index), CLAIMS_OK);
    while (claims_cursor_next_value(&v, va) == CLAIMS_OK) {
        if (v->uncertain)
            continue;
        if (strstr(v->normalized, "syria"))
            syria = syria > v->source_count ? syria : v->source_count;
        if (strstr(v->normalized, "minsk"))
            minsk = minsk > v->source_count ? minsk : v->source_count;
    }
    claims_cursor_free(va);
    ck_assert_uint_eq(syria, 3);
    ck_assert_uint_eq(minsk, 3);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

START_TEST(test_seed_lavrov_and_sunday)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(NULL, st);
    /* one person, whichever spelling */
    long lavrov = find_event(r, CBS, "name", NULL);
    claims_cursor *ev;
    const claims_result_subject_info *e;
    bool found = false;
    ck_assert_int_eq(claims_result_subjects(&ev, r), CLAIMS_OK);
    while (claims_cursor_next_result_subject(&e, ev) == CLAIMS_OK) {
        if (strcmp(e->type, "person") != 0 || !strstr(e->label, "Lavrov"))
            continue;
        found = true;
        ck_assert_uint_eq(e->source_count, 3);
        claims_attribute_info a;
        ck_assert(get_attr(r, e->index, "name", &a));
        ck_assert_int_eq(a.agreement, CLAIMS_AGREED);
        ck_assert_uint_eq(a.value_count, 1);
    }
    claims_cursor_free(ev);
    ck_assert(found);
    ck_assert_int_ge(lavrov, 0);
    /* "Sunday" in an article of 2016-11-20 is 2016-11-20 */
    long apec = find_event(r, CBS, "date", "2016-11-20");
    ck_assert_int_ge(apec, 0);
    ck_assert_int_eq(apec, find_event(r, CBS, "duration", "240"));
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

START_TEST(test_seed_wire_dependence)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(NULL, st);
    claims_cursor *c;
    const claims_dependency_info *d;
    ck_assert_int_eq(claims_result_dependencies(&c, r), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_dependency(&d, c), CLAIMS_OK);
    ck_assert_str_eq(d->source_a, CBS);
    ck_assert_str_eq(d->source_b, DM);
    ck_assert_uint_ge(d->passage_count, 2);
    bool side = false;
    for (size_t i = 0; i < d->passage_count; i++)
        side |= strstr(d->passages[i], "stood off to the side") != NULL;
    ck_assert(side);
    ck_assert_int_eq(claims_cursor_next_dependency(&d, c), CLAIMS_DONE);
    claims_cursor_free(c);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* ---- determinism and stable ids ------------------------------------------------------- */

/* Copies every claim of `from` into a new store through the API, sources in
 * the given order and claims shuffled with a fixed seed. */
static claims_store *copy_shuffled(const claims_store *from, unsigned seed)
{
    claims_store *st;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    size_t ns = claims_store_source_count(from);
    size_t *order = malloc(ns * sizeof *order);
    for (size_t i = 0; i < ns; i++)
        order[i] = seed ? ns - 1 - i : i;
    for (size_t k = 0; k < ns; k++) {
        claims_cursor *c;
        const claims_source_info *row;
        claims_store_sources(&c, from);
        do
            ck_assert_int_eq(claims_cursor_next_source(&row, c), CLAIMS_OK);
        while (row->index != order[k]);
        claims_source_info copy = *row, *si = &copy; /* the row dies with c */
        claims_cursor_free(c);
        claims_source_desc sd = {
            CLAIMS_SOURCE_DESC_VERSION, S(si->id),  S(si->outlet),  S(si->title), S(si->author),
            S(si->published),           S(si->url), S(si->language)};
        size_t idx;
        ck_assert_int_eq(claims_store_add_source(st, &idx, &sd, NULL), CLAIMS_OK);
        /* subjects, in reverse when shuffling */
        claims_subject_info sub[64];
        const claims_subject_info *srow;
        size_t nsub = 0;
        claims_store_subjects(&c, from, si->index);
        while (nsub < 64 && claims_cursor_next_subject(&srow, c) == CLAIMS_OK)
            sub[nsub++] = *srow;
        claims_cursor_free(c);
        for (size_t i = 0; i < nsub; i++) {
            claims_subject_info *x = &sub[seed ? nsub - 1 - i : i];
            claims_subject_desc d = {CLAIMS_SUBJECT_DESC_VERSION, S(x->id), S(x->type),
                                     S(x->label)};
            ck_assert_int_eq(claims_store_add_subject(st, idx, &d, NULL), CLAIMS_OK);
        }
        claims_claim_info ci[256];
        const claims_claim_info *crow;
        size_t n = 0;
        claims_store_claims(&c, from, si->index);
        while (n < 256 && claims_cursor_next_claim(&crow, c) == CLAIMS_OK)
            ci[n++] = *crow;
        claims_cursor_free(c);
        unsigned state = seed ? seed : 1;
        for (size_t i = n; seed && i > 1; i--) { /* Fisher-Yates */
            state = state * 1103515245u + 12345u;
            size_t j = (state >> 8) % i;
            claims_claim_info t = ci[i - 1];
            ci[i - 1] = ci[j];
            ci[j] = t;
        }
        for (size_t i = 0; i < n; i++) {
            claims_str chain[8];
            for (size_t a = 0; a < ci[i].attribution_count && a < 8; a++)
                chain[a] = S(ci[i].attribution[a]);
            claims_claim_desc d = {CLAIMS_CLAIM_DESC_VERSION,
                                   S(ci[i].id),
                                   S(ci[i].subject_id),
                                   S(ci[i].attribute),
                                   S(ci[i].value),
                                   S(ci[i].value_type),
                                   chain,
                                   ci[i].attribution_count,
                                   S(ci[i].quote),
                                   ci[i].quote_offset,
                                   ci[i].quote_length,
                                   ci[i].polarity,
                                   ci[i].certainty};
            ck_assert_int_eq(claims_store_add_claim(st, NULL, idx, &d, NULL), CLAIMS_OK);
        }
    }
    free(order);
    return st;
}

static size_t first_difference(const char *a, const char *b)
{
    size_t i = 0;
    while (a[i] && a[i] == b[i])
        i++;
    return i;
}

START_TEST(test_shuffled_input_same_result)
{
    claims_store *seed = seed_store();
    claims_store *a = copy_shuffled(seed, 0);
    claims_store *b = copy_shuffled(seed, 7);
    claims_store *c = copy_shuffled(seed, 12345);
    claims_result *ra = reconcile(NULL, a), *rb = reconcile(NULL, b), *rc = reconcile(NULL, c);
    char *ja = render(ra, CLAIMS_RENDER_JSON), *jb = render(rb, CLAIMS_RENDER_JSON),
         *jc = render(rc, CLAIMS_RENDER_JSON);
    /* the sources list follows load order; everything after it must match */
    const char *ea = strstr(ja, "\"events\""), *eb = strstr(jb, "\"events\""),
               *ec = strstr(jc, "\"events\"");
    ck_assert_ptr_nonnull(ea);
    /* notes name claims by position, which shuffling changes: stop there */
    *strstr(ja, "\"notes\"") = '\0';
    *strstr(jb, "\"notes\"") = '\0';
    *strstr(jc, "\"notes\"") = '\0';
    ck_assert_msg(strcmp(ea, eb) == 0, "reports differ from byte %zu: ...%.80s",
                  first_difference(ea, eb), ea + first_difference(ea, eb));
    ck_assert_msg(strcmp(ea, ec) == 0, "reports differ from byte %zu: ...%.80s",
                  first_difference(ea, ec), ea + first_difference(ea, ec));
    claims_free(ja);
    claims_free(jb);
    claims_free(jc);
    claims_result_free(ra);
    claims_result_free(rb);
    claims_result_free(rc);
    claims_store_free(a);
    claims_store_free(b);
    claims_store_free(c);
    claims_store_free(seed);
}
END_TEST

START_TEST(test_ids_stable_when_unrelated_added)
{
    claims_store *st = seed_store();
    claims_result *r1 = reconcile(NULL, st);
    long apec1 = find_event(r1, CBS, "duration", "240");
    ck_assert_int_ge(apec1, 0);
    const char *id1 = event_at(r1, (size_t)apec1).id;
    char keep[128];
    snprintf(keep, sizeof keep, "%s", id1);
    const char *other =
        "{\"source\": {\"id\": \"aaa-first-in-order\", \"published\": \"2016-11-21\"},"
        " \"subjects\": [{\"id\": \"e\", \"type\": \"event\", \"label\": \"a flood\"}],"
        " \"claims\": [{\"subject\": \"e\", \"attribute\": \"place\", \"value\": \"Venice\"},"
        "  {\"subject\": \"e\", \"attribute\": \"deaths\", \"value\": \"two\"}]}";
    ck_assert_int_eq(claims_store_load_buffer(st, other, strlen(other), S("x"), NULL, NULL, NULL),
                     CLAIMS_OK);
    claims_result *r2 = reconcile(NULL, st);
    long apec2 = find_event(r2, CBS, "duration", "240");
    ck_assert_int_ge(apec2, 0);
    ck_assert_str_eq(event_at(r2, (size_t)apec2).id, keep);
    claims_result_free(r1);
    claims_result_free(r2);
    claims_store_free(st);
}
END_TEST

/* ---- relations on small hand-made inputs ------------------------------------------------ */

#define DOC(id, pub, claims)                                                                \
    "{\"source\": {\"id\": \"" id "\", \"outlet\": \"" id " news\", \"published\": \"" pub  \
    "\"}, \"subjects\": [{\"id\": \"e\", \"type\": \"event\", \"label\": \"the quake\"}], " \
    "\"claims\": [" claims "]}\n"
#define C(attr, val) "{\"subject\": \"e\", \"attribute\": \"" attr "\", \"value\": \"" val "\"}"
#define CX(attr, val, extra) \
    "{\"subject\": \"e\", \"attribute\": \"" attr "\", \"value\": \"" val "\", " extra "}"

START_TEST(test_relations)
{
    const char *docs = DOC(
        "a", "2016-11-21",
        C("place", "Lima") "," C("occasion", "the summit") "," C("deaths", "twelve") "," C(
            "tone",
            "warm") "," CX("audible", "audible to reporters",
                           "\"polarity\": \"negated\"") "," CX("topic", "trade",
                                                               "\"certainty\": \"unknown\""))
        DOC("b", "2016-11-21",
            C("place", "Lima") "," C("occasion", "the summit") "," C("deaths", "at least 30") "," C(
                "tone", "cold") "," C("audible", "audible to reporters") "," C("kind", "meeting"))
            DOC("c", "2016-11-21",
                C("place", "Lima") "," C("occasion", "the summit") "," C("deaths", "12") "," C(
                    "color", "blue"));
    claims_store *st = store_of(docs);
    claims_ctx *ctx = seed_ctx(); /* tone, audible: the seed corpus's sets of text */
    claims_result *r = reconcile(ctx, st);
    claims_result_subject_info e = event_at(r, 0);
    ck_assert_uint_eq(e.source_count, 3); /* place + occasion identify it */
    claims_attribute_info a;
    ck_assert(get_attr(r, 0, "deaths", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_CONFLICTING);
    claims_value_info v;
    ck_assert(get_value(r, 0, &a, "12", &v));
    ck_assert_uint_eq(v.source_count, 2);
    ck_assert(v.preferred);
    ck_assert(get_attr(r, 0, "tone", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_COMPLEMENTARY);
    ck_assert(get_attr(r, 0, "audible", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_CONFLICTING); /* affirmed vs negated */
    ck_assert(get_attr(r, 0, "kind", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_SINGLE_SOURCE);
    ck_assert(get_attr(r, 0, "topic", &a));
    ck_assert_uint_eq(a.uncertain_count, 1);
    ck_assert(get_attr(r, 0, "color", &a));
    ck_assert(!a.known); /* not in the schema: grouped as text */
    ck_assert_str_eq(a.type, "text");
    ck_assert(get_attr(r, 0, "place", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_AGREED);
    ck_assert_uint_eq(a.source_count, 3);
    claims_result_free(r);
    claims_store_free(st);
    claims_ctx_free(ctx);
}
END_TEST

START_TEST(test_compatible_precision_and_hedge)
{
    const char *docs = DOC("a", "2016-11-21",
                           C("place", "Lima") "," C("occasion", "the summit") "," C(
                               "date", "November 2016") "," C("duration", "about five minutes"))
        DOC("b", "2016-11-21",
            C("place", "Lima") "," C("occasion", "the summit") "," C("date", "2016-11-20") "," C(
                "duration", "four and a half minutes"));
    claims_store *st = store_of(docs);
    claims_result *r = reconcile(NULL, st);
    claims_attribute_info a;
    ck_assert(get_attr(r, 0, "date", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_COMPATIBLE);
    ck_assert(get_attr(r, 0, "duration", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_COMPATIBLE);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* Mentions whose dates lie months apart are not compared: they cannot be
 * one event, and a subject's explanation shows only the separations close
 * in time. */
START_TEST(test_far_apart_not_compared)
{
    const char *docs = DOC("a", "2016-01-11",
                           C("participant", "Barack Obama") "," C(
                               "participant", "Vladimir Putin") "," C("date", "2016-01-10"))
        DOC("b", "2016-01-21",
            C("participant", "Barack Obama") "," C("participant",
                                                   "Vladimir Putin") "," C("date", "2016-01-20"))
            DOC("c", "2016-06-11",
                C("participant", "Barack Obama") "," C("participant", "Vladimir Putin") "," C(
                    "date", "2016-06-10"));
    claims_store *st = store_of(docs);
    claims_result *r = reconcile(NULL, st);
    long a = find_event(r, "a", "date", "2016-01-10");
    long b = find_event(r, "b", "date", "2016-01-20");
    long c = find_event(r, "c", "date", "2016-06-10");
    ck_assert_int_ge(a, 0);
    ck_assert_int_ge(b, 0);
    ck_assert_int_ge(c, 0);
    ck_assert_int_ne(a, b);
    ck_assert_int_ne(a, c);
    ck_assert_int_ne(b, c);
    claims_result_subject_info ea = event_at(r, (size_t)a), eb = event_at(r, (size_t)b);
    claims_result_subject_info ec = event_at(r, (size_t)c);
    /* ten days apart: compared, and kept apart by the dates */
    ck_assert_ptr_nonnull(strstr(ea.explanation, "kept apart"));
    ck_assert_ptr_nonnull(strstr(ea.explanation, eb.id));
    ck_assert_ptr_null(strstr(ea.explanation, ec.id));
    /* five months from both: never compared */
    ck_assert_ptr_null(strstr(ec.explanation, "kept apart"));
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

START_TEST(test_schema)
{
    claims_ctx *ctx;
    claims_error err;
    ck_assert_int_eq(claims_ctx_new(&ctx, &err), CLAIMS_OK);
    claims_attribute_def d = {.version = CLAIMS_ATTRIBUTE_DEF_VERSION};
    ck_assert_int_eq(claims_ctx_attribute(&d, ctx, "duration", 8), CLAIMS_OK);
    ck_assert_int_eq(d.type, CLAIMS_TYPE_DURATION);
    ck_assert_int_eq(d.cardinality, CLAIMS_SINGLE);
    ck_assert_int_eq(claims_ctx_attribute(&d, ctx, "participant", 11), CLAIMS_OK);
    ck_assert_int_eq(d.identifying, 1);
    ck_assert_int_eq(d.cardinality, CLAIMS_SET);
    ck_assert_int_eq(claims_ctx_attribute(&d, ctx, "colour", 6), CLAIMS_ENOTFOUND);
    const char *schema = "{\"attributes\": {\"deaths\": {\"type\": \"number\", "
                         "\"tolerance\": 0.5}, \"colour\": {\"type\": \"text\", "
                         "\"cardinality\": \"set\", \"identifying\": true}}}";
    ck_assert_int_eq(claims_ctx_load_schema(ctx, schema, strlen(schema), S("s.json"), &err),
                     CLAIMS_OK);
    ck_assert_int_eq(claims_ctx_attribute(&d, ctx, "colour", 6), CLAIMS_OK);
    ck_assert_int_eq(d.cardinality, CLAIMS_SET);
    ck_assert_int_eq(d.identifying, 1);
    ck_assert_int_eq(claims_ctx_attribute(&d, ctx, "deaths", 6), CLAIMS_OK);
    ck_assert(d.tolerance > 0.49 && d.tolerance < 0.51);
    /* a tolerance makes 12 and 15 compatible */
    const char *docs = DOC("a", "2016-11-21",
                           C("place", "Lima") "," C("occasion", "the summit") "," C("deaths", "12"))
        DOC("b", "2016-11-21",
            C("place", "Lima") "," C("occasion", "the summit") "," C("deaths", "15"));
    claims_store *st = store_of(docs);
    claims_result *r = reconcile(ctx, st);
    claims_attribute_info a;
    ck_assert(get_attr(r, 0, "deaths", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_COMPATIBLE);
    claims_result_free(r);
    claims_store_free(st);
    /* bad schemas: each rejected whole, with the reason */
    static const char *const bad[] = {
        "{\"attributes\": {\"x\": {\"type\": \"colour\"}}}",
        "{\"attributes\": {\"x\": {\"type\": \"text\", \"cardinality\": \"many\"}}}",
        "{\"attributes\": {\"x\": {\"type\": \"text\", \"identifying\": 5}}}",
        "{\"attributes\": {\"x\": {\"type\": \"number\", \"tolerance\": -1}}}",
        "{\"attributes\": []}",
        "{\"attributes\": {\"x\": 3}}",
        "{\"attributes\": {",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int rc = claims_ctx_load_schema(ctx, bad[i], strlen(bad[i]), S("bad.json"), &err);
        ck_assert_msg(rc < 0, "accepted %s", bad[i]);
        ck_assert_str_eq(err.source, "bad.json");
    }
    claims_attribute_def set = {CLAIMS_ATTRIBUTE_DEF_VERSION,
                                S("speed"),
                                CLAIMS_TYPE_NUMBER,
                                CLAIMS_SINGLE,
                                0,
                                0.1,
                                0.0,
                                0.0,
                                0.0,
                                0.0,
                                0.0};
    ck_assert_int_eq(claims_ctx_set_attribute(ctx, &set, &err), CLAIMS_OK);
    set.identifying = 3;
    ck_assert_int_eq(claims_ctx_set_attribute(ctx, &set, &err), CLAIMS_EINVAL);
    claims_ctx_free(ctx);
}
END_TEST

START_TEST(test_origins_and_dependence)
{
    const char *docs = DOC(
        "a", "2016-11-21",
        C("place", "Lima") "," C("occasion", "the summit") "," CX(
            "deaths", "12",
            "\"attribution\": [\"the White House\"], \"quote\": "
            "{\"text\": \"the rescue teams worked through the night under heavy rain to reach the village\"}"))
        DOC("b", "2016-11-21",
            C("place", "Lima") "," C("occasion", "the summit") "," CX(
                "deaths", "12",
                "\"attribution\": [\"White House officials\"], \"quote\": "
                "{\"text\": \"Rescue teams worked through the night under heavy rain to reach the village, officials said\"}"))
            DOC("c", "2016-11-21",
                C("place", "Lima") "," C("occasion", "the summit") "," CX(
                    "deaths", "12",
                    "\"attribution\": [\"Interfax\", \"Kremlin spokesman Dmitry Peskov\"], "
                    "\"quote\": {\"text\": \"\\\"the rescue teams worked through the night under heavy rain to reach the village\\\"\"}"))
                DOC("d", "2016-11-21",
                    C("place", "Lima") "," C("occasion", "the summit") "," C("deaths", "12"));
    claims_store *st = store_of(docs);
    claims_result *r = reconcile(NULL, st);
    claims_attribute_info a;
    claims_value_info v;
    ck_assert(get_attr(r, 0, "deaths", &a));
    ck_assert(get_value(r, 0, &a, "12", &v));
    ck_assert_uint_eq(v.source_count, 4);
    ck_assert_uint_eq(v.origin_count, 3);
    ck_assert_str_eq(v.origins[0], "Kremlin");
    ck_assert_str_eq(v.origins[1], "White House");
    ck_assert_str_eq(v.origins[2], "d news");
    /* a and b share a passage of 13 words (>= 16? no: one passage is not
     * enough unless it is twice the minimum); c quotes it in quotation
     * marks, which is not copying */
    claims_cursor *c;
    const claims_dependency_info *d;
    ck_assert_int_eq(claims_result_dependencies(&c, r), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_dependency(&d, c), CLAIMS_DONE);
    claims_cursor_free(c);
    claims_result_free(r);
    claims_store_free(st);

    const char *copied = DOC(
        "a", "2016-11-21",
        CX("tone", "calm",
           "\"quote\": {\"text\": \"the rescue teams "
           "worked through the night under heavy rain to reach the small mountain village of Ayacucho\"}"))
        DOC("b", "2016-11-21",
            CX("tone", "calm",
               "\"quote\": {\"text\": \"Rescue teams "
               "worked through the night under heavy rain to reach the small mountain village of Ayacucho.\"}"));
    st = store_of(copied);
    r = reconcile(NULL, st);
    ck_assert_int_eq(claims_result_dependencies(&c, r), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_dependency(&d, c), CLAIMS_OK);
    ck_assert_str_eq(d->source_a, "a");
    ck_assert_str_eq(d->source_b, "b");
    ck_assert_uint_eq(d->passage_count, 1);
    ck_assert_str_eq(d->passages[0], "rescue teams worked through the night under heavy rain "
                                     "to reach the small mountain village of Ayacucho");
    claims_cursor_free(c);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

START_TEST(test_cursors_and_renderings)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(NULL, st);
    claims_result_stats stats = CLAIMS_RESULT_STATS_INIT;
    ck_assert_int_eq(claims_result_get_stats(r, &stats), CLAIMS_OK);
    ck_assert_uint_eq(stats.claims, 176);
    ck_assert(stats.total >= 0.0);
    /* walk everything: events, attributes, values, claims */
    claims_cursor *ev, *at, *va, *cl;
    const claims_result_subject_info *e;
    size_t claims_seen = 0;
    ck_assert_int_eq(claims_result_subjects(&ev, r), CLAIMS_OK);
    while (claims_cursor_next_result_subject(&e, ev) == CLAIMS_OK) {
        const claims_attribute_info *a;
        ck_assert_int_eq(claims_result_attributes(&at, r, e->index), CLAIMS_OK);
        while (claims_cursor_next_attribute(&a, at) == CLAIMS_OK) {
            const claims_value_info *v;
            ck_assert_int_eq(claims_result_values(&va, r, e->index, a->index), CLAIMS_OK);
            while (claims_cursor_next_value(&v, va) == CLAIMS_OK) {
                const claims_claim_info *ci;
                ck_assert_int_eq(claims_result_claims(&cl, r, e->index, a->index, v->index),
                                 CLAIMS_OK);
                size_t n = 0;
                while (claims_cursor_next_claim(&ci, cl) == CLAIMS_OK) {
                    ck_assert_str_eq(ci->attribute, a->attribute);
                    n++;
                }
                ck_assert_uint_eq(n, v->claim_count);
                claims_seen += n;
                claims_cursor_free(cl);
            }
            claims_cursor_free(va);
        }
        claims_cursor_free(at);
        /* wrong kinds are refused */
        const claims_value_info *v;
        ck_assert_int_eq(claims_cursor_next_value(&v, ev), CLAIMS_EINVAL);
    }
    claims_cursor_free(ev);
    ck_assert_uint_eq(claims_seen, 176); /* every claim, once */
    ck_assert_int_eq(claims_result_attributes(&at, r, 9999), CLAIMS_ENOTFOUND);
    ck_assert_int_eq(claims_result_values(&va, r, 0, 9999), CLAIMS_ENOTFOUND);

    char *json = render(r, CLAIMS_RENDER_JSON);
    static const char *const keys[] = {
        "\"events\"",     "\"id\"",        "\"label\"",    "\"type\"",        "\"sources\"",
        "\"attributes\"", "\"attribute\"", "\"relation\"", "\"values\"",      "\"normalized\"",
        "\"text\"",       "\"origins\"",   "\"claims\"",   "\"dependencies\""};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        ck_assert_msg(strstr(json, keys[i]) != NULL, "missing %s", keys[i]);
    ck_assert_ptr_nonnull(strstr(json, "\"" CBS "#c"));
    /* the whole report parses as JSON */
    json_error_t jerr;
    json_t *doc = json_loads(json, 0, &jerr);
    ck_assert_msg(doc != NULL, "report is not JSON: %s at %d:%d", jerr.text, jerr.line,
                  jerr.column);
    json_decref(doc);
    claims_free(json);
    char *text = render(r, CLAIMS_RENDER_TEXT);
    ck_assert_ptr_nonnull(strstr(text, "agreed"));
    claims_free(text);
    char *out;
    claims_error err;
    ck_assert_int_eq(claims_result_render(&out, NULL, r, (claims_render_format)9, &err),
                     CLAIMS_EINVAL);
    claims_result_free(r);
    claims_result_free(NULL);
    claims_store_free(st);
    ck_assert_int_eq(claims_reconcile(NULL, NULL, NULL, NULL, &err), CLAIMS_EINVAL);
}
END_TEST

START_TEST(test_unparsed_values_noted)
{
    const char *docs = DOC(
        "a", "2016-11-21",
        C("place", "Lima") "," C("occasion", "the summit") "," C("duration", "a long while"))
        DOC("b", "2016-11-21",
            C("place", "Lima") "," C("occasion", "the summit") "," C("duration", "a long while"));
    claims_store *st = store_of(docs);
    claims_result *r = reconcile(NULL, st);
    ck_assert_uint_ge(claims_result_diagnostic_count(r), 1);
    const claims_error *n = claims_result_diagnostic(r, 0);
    ck_assert_ptr_nonnull(strstr(n->text, "a long while"));
    ck_assert_str_eq(n->source, "test");
    ck_assert_int_eq(n->line, 1);
    claims_attribute_info a;
    ck_assert(get_attr(r, 0, "duration", &a));
    ck_assert_int_eq(a.agreement, CLAIMS_AGREED); /* same words still agree */
    ck_assert_ptr_null(claims_result_diagnostic(r, 999));
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

static int stop_in(const char *stage, size_t done, size_t total, void *payload)
{
    (void)done;
    (void)total;
    return strcmp(stage, (const char *)payload) == 0;
}

START_TEST(test_cancel)
{
    claims_store *st = seed_store();
    /* "done" comes after every stage, and stopping there still cancels */
    static const char *const stages[] = {"normalize", "resolve", "group", "done"};
    for (size_t i = 0; i < 4; i++) {
        claims_reconcile_options o = CLAIMS_RECONCILE_OPTIONS_INIT;
        o.progress = stop_in;
        o.progress_payload = (void *)(uintptr_t)stages[i];
        claims_result *r = (claims_result *)&o; /* must be reset to NULL */
        claims_error err;
        ck_assert_int_eq(claims_reconcile(&r, NULL, st, &o, &err), CLAIMS_ECANCELED);
        ck_assert_ptr_null(r);
        ck_assert_int_eq(err.code, CLAIMS_ECANCELED);
    }
    claims_store_free(st);
}
END_TEST

/* The stages a progress callback saw, in order, without repeats. */
typedef struct seen_stages {
    char names[16][16];
    size_t count, done_calls;
    size_t done_done, done_total; /* the arguments of "done" */
    bool after_done;              /* a call came after "done" */
} seen_stages;

static int record_stage(const char *stage, size_t done, size_t total, void *payload)
{
    seen_stages *s = payload;
    if (s->done_calls)
        s->after_done = true;
    if (strcmp(stage, "done") == 0) {
        s->done_calls++;
        s->done_done = done;
        s->done_total = total;
    }
    if ((s->count == 0 || strcmp(s->names[s->count - 1], stage) != 0) && s->count < 16)
        snprintf(s->names[s->count++], sizeof s->names[0], "%s", stage);
    return 0;
}

START_TEST(test_progress_stages)
{
    claims_store *st = seed_store();
    seen_stages seen;
    memset(&seen, 0, sizeof seen);
    claims_reconcile_options o = CLAIMS_RECONCILE_OPTIONS_INIT;
    o.progress = record_stage;
    o.progress_payload = &seen;
    claims_result *r;
    ck_assert_int_eq(claims_reconcile(&r, NULL, st, &o, NULL), CLAIMS_OK);
    /* as claims.h documents them */
    ck_assert_uint_eq(seen.count, 4);
    ck_assert_str_eq(seen.names[0], "normalize");
    ck_assert_str_eq(seen.names[1], "resolve");
    ck_assert_str_eq(seen.names[2], "group");
    ck_assert_str_eq(seen.names[3], "done");
    ck_assert_uint_eq(seen.done_calls, 1);
    ck_assert_uint_eq(seen.done_done, 1);
    ck_assert_uint_eq(seen.done_total, 1);
    ck_assert(!seen.after_done);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* Each stage has its own time; no figure is asserted, only that they are
 * there and add up. */
START_TEST(test_stage_timings)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(NULL, st);
    claims_result_stats s;
    memset(&s, 0xFF, sizeof s); /* NaN everywhere: each field must be written */
    s.version = CLAIMS_RESULT_STATS_VERSION;
    ck_assert_int_eq(claims_result_get_stats(r, &s), CLAIMS_OK);
    ck_assert_uint_eq(s.version, CLAIMS_RESULT_STATS_VERSION);
    const double stage[] = {s.normalize, s.resolve, s.dependence, s.origins, s.group};
    double sum = 0.0;
    for (size_t i = 0; i < 5; i++) {
        ck_assert_msg(stage[i] >= 0.0 && stage[i] <= s.total, "stage %zu: %g of %g", i, stage[i],
                      s.total);
        sum += stage[i];
    }
    ck_assert(s.total >= 0.0);
    ck_assert_msg(fabs(sum - s.total) <= 1e-6, "stages %g, total %g", sum, s.total);
    ck_assert_uint_eq(s.claims, 176);
    ck_assert_uint_gt(s.mentions, s.subjects);
    ck_assert_uint_gt(s.dependencies, 0);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* A caller built against version 1 of claims_result_stats (without the
 * dependence and origins times) passes a struct of that size: the library
 * writes nothing past it (the heap block is exactly that long, so
 * AddressSanitizer would stop the test) and the same values as version 2. */
START_TEST(test_stats_version_1)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(NULL, st);
    claims_result_stats now = CLAIMS_RESULT_STATS_INIT;
    ck_assert_int_eq(claims_result_get_stats(r, &now), CLAIMS_OK);
    size_t v1 = offsetof(claims_result_stats, dependence);
    unsigned char *old = malloc(v1);
    ck_assert_ptr_nonnull(old);
    memset(old, 0, v1);
    unsigned version = 1;
    memcpy(old + offsetof(claims_result_stats, version), &version, sizeof version);
    ck_assert_int_eq(claims_result_get_stats(r, (claims_result_stats *)(void *)old), CLAIMS_OK);
    memcpy(&version, old + offsetof(claims_result_stats, version), sizeof version);
    ck_assert_uint_eq(version, 1);
    ck_assert_mem_eq(old + offsetof(claims_result_stats, normalize),
                     (unsigned char *)&now + offsetof(claims_result_stats, normalize),
                     v1 - offsetof(claims_result_stats, normalize));
    free(old);
    /* versions the library does not know: nothing written */
    claims_result_stats *s = malloc(sizeof *s);
    ck_assert_ptr_nonnull(s);
    const unsigned bad[] = {0, CLAIMS_RESULT_STATS_VERSION + 1};
    for (size_t i = 0; i < 2; i++) {
        memset(s, 0x5A, sizeof *s);
        s->version = bad[i];
        ck_assert_int_eq(claims_result_get_stats(r, s), CLAIMS_EINVAL);
        for (size_t k = offsetof(claims_result_stats, normalize); k < sizeof *s; k++)
            ck_assert_int_eq(((unsigned char *)s)[k], 0x5A);
    }
    s->version = CLAIMS_RESULT_STATS_VERSION;
    ck_assert_int_eq(claims_result_get_stats(NULL, s), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_result_get_stats(r, NULL), CLAIMS_EINVAL);
    free(s);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* No reconcile flag exists yet: any bit fails and is named. */
START_TEST(test_reconcile_flags)
{
    claims_store *st = store_of(DOC("a", "2016-11-21", C("tone", "calm")));
    const unsigned bits[] = {1u, 0x10u, 0xFFF0u, 1u << 31};
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) {
        claims_reconcile_options o = CLAIMS_RECONCILE_OPTIONS_INIT;
        o.flags = bits[i];
        claims_result *r = (claims_result *)&o; /* must be reset to NULL */
        claims_error err;
        ck_assert_int_eq(claims_reconcile(&r, NULL, st, &o, &err), CLAIMS_EINVAL);
        ck_assert_ptr_null(r);
        char want[32];
        snprintf(want, sizeof want, "0x%x", bits[i]);
        ck_assert_msg(strstr(err.text, "flags") && strstr(err.text, want), "%s", err.text);
    }
    claims_result *r = reconcile(NULL, st);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* Rows are the cursor's: one row per cursor at a time, NULL at the end,
 * never written through a caller's pointer. */
START_TEST(test_rows_borrowed)
{
    claims_store *st = seed_store();
    claims_result *r = reconcile(NULL, st);
    claims_cursor *a, *b;
    const claims_result_subject_info *x = NULL, *y = NULL;
    ck_assert_int_eq(claims_result_subjects(&a, r), CLAIMS_OK);
    ck_assert_int_eq(claims_result_subjects(&b, r), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_result_subject(&x, a), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_result_subject(&y, b), CLAIMS_OK);
    ck_assert_ptr_ne(x, y); /* each cursor its own row */
    ck_assert_str_eq(x->id, y->id);
    const char *first_id = x->id; /* the result's string: lives with it */
    const claims_result_subject_info *x2;
    ck_assert_int_eq(claims_cursor_next_result_subject(&x2, a), CLAIMS_OK);
    ck_assert_ptr_eq(x2, x); /* the same row, refilled */
    ck_assert_uint_eq(x2->index, 1);
    ck_assert_str_ne(x2->id, first_id);
    ck_assert_uint_eq(y->index, 0); /* the other cursor's row did not move */
    /* wrong kinds and NULL: EINVAL and *out cleared */
    static const claims_claim_info some_claim;
    static const claims_value_info some_value;
    const claims_claim_info *ci = &some_claim;
    ck_assert_int_eq(claims_cursor_next_claim(&ci, a), CLAIMS_EINVAL);
    ck_assert_ptr_null(ci);
    const claims_value_info *vi = &some_value;
    ck_assert_int_eq(claims_cursor_next_value(&vi, a), CLAIMS_EINVAL);
    ck_assert_ptr_null(vi);
    ck_assert_int_eq(claims_cursor_next_result_subject(NULL, a), CLAIMS_EINVAL);
    x = y;
    ck_assert_int_eq(claims_cursor_next_result_subject(&x, NULL), CLAIMS_EINVAL);
    ck_assert_ptr_null(x);
    size_t n = 2;
    while (claims_cursor_next_result_subject(&x, a) == CLAIMS_OK)
        n++;
    ck_assert_ptr_null(x); /* CLAIMS_DONE */
    ck_assert_int_eq(claims_cursor_next_result_subject(&x, a), CLAIMS_DONE);
    claims_result_stats s = CLAIMS_RESULT_STATS_INIT;
    ck_assert_int_eq(claims_result_get_stats(r, &s), CLAIMS_OK);
    ck_assert_uint_eq(n, s.subjects);
    claims_cursor_free(a);
    claims_cursor_free(b);
    /* a store cursor is not a result cursor, nor the other way round */
    ck_assert_int_eq(claims_store_claims(&a, st, CLAIMS_ALL), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_result_subject(&x, a), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_cursor_next_claim(&ci, a), CLAIMS_OK);
    ck_assert_uint_eq(ci->index, 0);
    claims_cursor_free(a);
    /* the claims of a cluster come through the same row type */
    ck_assert_int_eq(claims_result_claims(&a, r, 0, 0, 0), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_claim(&ci, a), CLAIMS_OK);
    ck_assert_ptr_nonnull(ci->attribute);
    claims_cursor_free(a);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* ---- any number of threads, one result ----------------------------------------------- */

/* Appends printf output to a growing string. */
static void add(char **buf, size_t *len, size_t *cap, const char *fmt, ...) CLAIMS__PRINTF(4, 5);
static void add(char **buf, size_t *len, size_t *cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    ck_assert_int_ge(n, 0);
    if (*len + (size_t)n + 1 > *cap) {
        *cap = (*len + (size_t)n + 1) * 2;
        *buf = realloc(*buf, *cap);
        ck_assert_ptr_nonnull(*buf);
    }
    va_start(ap, fmt);
    vsnprintf(*buf + *len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    *len += (size_t)n;
}

/* A number in [0, n) from a fixed sequence. */
static unsigned next_rand(uint64_t *state, unsigned n)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((*state >> 33) % n);
}

/* A corpus large enough that every stage splits its work into several
 * tasks: 40 outlets reporting on 300 meetings of 60 people, in varied
 * wordings, every fifth outlet printing the wire's story. */
static claims_store *many_store(void)
{
    static const char *const first[] = {"Sergey", "Barack",  "Angela",   "Xi",    "Shinzo",
                                        "Justin", "Enrique", "Michelle", "Pedro", "Li"};
    static const char *const last[] = {"Lavrov", "Obama", "Merkel", "Jinping", "Abe", "Trudeau"};
    static const char *const cities[] = {"Lima",        "Paris",  "Berlin", "Tokyo", "Ottawa",
                                         "Mexico City", "Madrid", "Rome",   "Oslo",  "Cairo"};
    static const char *const months[] = {"November", "Nov."};
    char *buf = NULL;
    size_t len = 0, cap = 0;
    uint64_t rnd = 42;
    for (int src = 0; src < 40; src++) {
        add(&buf, &len, &cap,
            "{\"source\": {\"id\": \"s%02d\", \"outlet\": \"Outlet %d\", \"published\": "
            "\"2016-11-%02d\"}, \"subjects\": [",
            src, src, 20 + src % 8);
        unsigned events[60];
        for (int k = 0; k < 60; k++) {
            events[k] = next_rand(&rnd, 300);
            add(&buf, &len, &cap,
                "%s{\"id\": \"e%d\", \"type\": \"event\", \"label\": "
                "\"talks in %s\"}",
                k ? ", " : "", k, cities[events[k] % 10]);
        }
        add(&buf, &len, &cap, "], \"claims\": [");
        for (int k = 0; k < 60; k++) {
            unsigned e = events[k], day = 1 + e % 28;
            for (unsigned p = 0; p < 2 + e % 2; p++) {
                unsigned who = (e * 7 + p * 13) % 60, full = next_rand(&rnd, 3);
                add(&buf, &len, &cap,
                    "%s{\"subject\": \"e%d\", \"attribute\": \"participants\", \"value\": "
                    "\"%s%s%s\"}",
                    k || p ? ", " : "", k, full ? first[who % 10] : "", full ? " " : "",
                    last[who / 10]);
            }
            unsigned form = next_rand(&rnd, 4);
            if (form == 1)
                add(&buf, &len, &cap,
                    ", {\"subject\": \"e%d\", \"attribute\": \"date\", "
                    "\"value\": \"2016-11-%02u\"}",
                    k, day);
            else if (form > 1)
                add(&buf, &len, &cap,
                    ", {\"subject\": \"e%d\", \"attribute\": \"date\", "
                    "\"value\": \"%s %u, 2016\"}",
                    k, months[form - 2], day);
            unsigned country = next_rand(&rnd, 2), hedge = next_rand(&rnd, 3),
                     more = next_rand(&rnd, 2), who = next_rand(&rnd, 2);
            add(&buf, &len, &cap,
                ", {\"subject\": \"e%d\", \"attribute\": \"place\", \"value\": \"%s%s\"}", k,
                cities[e % 10], country ? ", Earth" : "");
            add(&buf, &len, &cap,
                ", {\"subject\": \"e%d\", \"attribute\": \"duration\", \"value\": "
                "\"%s%u minutes\", \"attribution\": [\"%s\"]",
                k, hedge ? "" : "about ", 30 + (e % 5) * 15 + more * 5,
                who ? "a White House official" : "officials");
            if (src % 5 == 0)
                add(&buf, &len, &cap,
                    ", \"quote\": {\"text\": \"The delegations met behind closed doors in %s "
                    "for most of the afternoon and agreed to continue the talks on trade and "
                    "security at a later date\"}",
                    cities[e % 10]);
            add(&buf, &len, &cap, "}");
        }
        add(&buf, &len, &cap, "]}\n");
    }
    claims_store *st;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    claims_error err;
    int rc = claims_store_load_buffer(st, buf, len, S("many"), NULL, NULL, &err);
    ck_assert_msg(rc == CLAIMS_OK, "%d:%d %s", err.line, err.column, err.text);
    free(buf);
    return st;
}

START_TEST(test_threads_same_result)
{
    claims_store *st = many_store();
    char *first = NULL;
    for (unsigned threads = 1; threads <= 4; threads++) {
        claims_result *r;
        claims_error err;
        claims_reconcile_options opts = CLAIMS_RECONCILE_OPTIONS_INIT;
        opts.threads = threads;
        ck_assert_int_eq(claims_reconcile(&r, NULL, st, &opts, &err), CLAIMS_OK);
        claims_result_stats stats = CLAIMS_RESULT_STATS_INIT;
        ck_assert_int_eq(claims_result_get_stats(r, &stats), CLAIMS_OK);
        /* work for every stage: values to parse, mentions merged, copying */
        ck_assert_uint_gt(stats.values_parsed, 600); /* more than one task's share */
        ck_assert_uint_lt(stats.subjects, stats.mentions / 2);
        ck_assert_uint_gt(stats.dependencies, 0);
        char *json = render(r, CLAIMS_RENDER_JSON);
        if (!first)
            first = json;
        else {
            ck_assert_msg(strcmp(first, json) == 0,
                          "%u threads: reports differ from byte %zu: ...%.80s", threads,
                          first_difference(first, json), json + first_difference(first, json));
            claims_free(json);
        }
        claims_result_free(r);
    }
    claims_free(first);
    claims_store_free(st);
}
END_TEST

/* A caller built against version 1 of the options has a shorter struct:
 * neither init nor reconcile may touch what lies beyond it (ASan checks the
 * exact-size allocations). */
START_TEST(test_options_version_1)
{
    size_t v1 = offsetof(claims_reconcile_options, threads);
    void *old = malloc(v1); /* fields read by memcpy: the type is longer */
    ck_assert_ptr_nonnull(old);
    ck_assert_int_eq(claims_reconcile_options_init(old, 1), CLAIMS_OK);
    unsigned version;
    claims_date_bias bias;
    memcpy(&version, (char *)old + offsetof(claims_reconcile_options, version), sizeof version);
    memcpy(&bias, (char *)old + offsetof(claims_reconcile_options, bias), sizeof bias);
    ck_assert_uint_eq(version, 1);
    ck_assert_int_eq(bias, CLAIMS_BIAS_PAST);
    claims_store *st = seed_store();
    claims_result *r;
    claims_error err;
    ck_assert_int_eq(claims_reconcile(&r, NULL, st, old, &err), CLAIMS_OK);
    claims_result_stats stats = CLAIMS_RESULT_STATS_INIT;
    ck_assert_int_eq(claims_result_get_stats(r, &stats), CLAIMS_OK);
    ck_assert_uint_eq(stats.claims, 176);
    claims_result_free(r);
    free(old);
    claims_reconcile_options opts;
    ck_assert_int_eq(claims_reconcile_options_init(&opts, CLAIMS_RECONCILE_OPTIONS_VERSION + 1),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_reconcile_options_init(&opts, CLAIMS_RECONCILE_OPTIONS_VERSION),
                     CLAIMS_OK);
    ck_assert_uint_eq(opts.threads, 0);
    opts.version = CLAIMS_RECONCILE_OPTIONS_VERSION + 1;
    ck_assert_int_eq(claims_reconcile(&r, NULL, st, &opts, &err), CLAIMS_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.text, "version"));
    claims_store_free(st);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("reconcile");
    TCase *seed = tcase_create("seed corpus");
    tcase_set_timeout(seed, 120);
    tcase_add_test(seed, test_seed_two_main_events);
    tcase_add_test(seed, test_seed_duration_one_origin);
    tcase_add_test(seed, test_seed_topics);
    tcase_add_test(seed, test_seed_lavrov_and_sunday);
    tcase_add_test(seed, test_seed_wire_dependence);
    tcase_add_test(seed, test_shuffled_input_same_result);
    tcase_add_test(seed, test_ids_stable_when_unrelated_added);
    tcase_add_test(seed, test_cursors_and_renderings);
    tcase_add_test(seed, test_cancel);
    tcase_add_test(seed, test_progress_stages);
    tcase_add_test(seed, test_stage_timings);
    tcase_add_test(seed, test_stats_version_1);
    tcase_add_test(seed, test_rows_borrowed);
    suite_add_tcase(s, seed);
    TCase *small = tcase_create("relations");
    tcase_add_test(small, test_relations);
    tcase_add_test(small, test_reconcile_flags);
    tcase_add_test(small, test_compatible_precision_and_hedge);
    tcase_add_test(small, test_schema);
    tcase_add_test(small, test_origins_and_dependence);
    tcase_add_test(small, test_unparsed_values_noted);
    tcase_add_test(small, test_far_apart_not_compared);
    suite_add_tcase(s, small);
    TCase *threads = tcase_create("threads");
    tcase_set_timeout(threads, 120);
    tcase_add_test(threads, test_threads_same_result);
    tcase_add_test(threads, test_options_version_1);
    suite_add_tcase(s, threads);
    return run_suite(s);
}

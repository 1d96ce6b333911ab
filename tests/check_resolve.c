/* check_resolve.c - subject resolution through the public API (issue 10,
 * sections 1 and 2): the match weights of the schema and the threshold,
 * scored evidence instead of a veto, average linkage, an explanation line
 * for every mention, blocking that loses no candidate, and decisions that
 * do not depend on input order. Expected scores are computed from the
 * weights the context reports, not written in: the test says how a score
 * is made up, the schema says how much each part weighs. */
#define _POSIX_C_SOURCE 200809L /* strdup */

#include "check_helpers.h"

#include <dirent.h>
#include <math.h>
#include <stdint.h>

/* ---- building documents -------------------------------------------------------------- */

/* One claim of a fact list: attribute and value (its type from the schema). */
typedef struct fact {
    const char *attr, *value;
} fact;

/* A fact list ends with {NULL, NULL}. */
#define FACTS(...)                  \
    (const fact[])                  \
    {                               \
        __VA_ARGS__, { NULL, NULL } \
    }

static claims_store *new_store(void)
{
    claims_store *st;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    return st;
}

static size_t add_source(claims_store *st, const char *id, const char *published)
{
    claims_source_desc d = {
        CLAIMS_SOURCE_DESC_VERSION, S(id), S(id), S(""), S(""), S(published), S(""), S("")};
    size_t index;
    claims_error err;
    ck_assert_msg(claims_store_add_source(st, &index, &d, &err) == CLAIMS_OK, "%s: %s", id,
                  err.text);
    return index;
}

/* An event mention `id` of source `source` with the claims `facts`. */
static void add_event(claims_store *st, size_t source, const char *id, const char *label,
                      const fact *facts)
{
    claims_subject_desc s = {CLAIMS_SUBJECT_DESC_VERSION, S(id), S("event"), S(label ? label : "")};
    claims_error err;
    ck_assert_msg(claims_store_add_subject(st, source, &s, &err) == CLAIMS_OK, "%s", err.text);
    for (const fact *f = facts; f->attr; f++) {
        claims_claim_desc c = {.version = CLAIMS_CLAIM_DESC_VERSION,
                               .subject = S(id),
                               .attribute = S(f->attr),
                               .value = S(f->value),
                               .quote_offset = -1,
                               .quote_length = -1};
        ck_assert_msg(claims_store_add_claim(st, NULL, source, &c, &err) == CLAIMS_OK, "%s=%s: %s",
                      f->attr, f->value, err.text);
    }
}

/* A document `src` of one event mention "e". */
static void doc(claims_store *st, const char *src, const char *published, const fact *facts)
{
    add_event(st, add_source(st, src, published), "e", NULL, facts);
}

static claims_ctx *new_ctx(void)
{
    claims_ctx *ctx;
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
    return ctx;
}

static claims_ctx *ctx_with_schema(const char *json)
{
    claims_ctx *ctx = new_ctx();
    claims_error err;
    ck_assert_msg(claims_ctx_load_schema(ctx, json, strlen(json), S("test.json"), &err) ==
                      CLAIMS_OK,
                  "%s", err.text);
    return ctx;
}

static claims_result *reconcile(const claims_ctx *ctx, const claims_store *st)
{
    claims_result *r;
    claims_error err;
    ck_assert_msg(claims_reconcile(&r, ctx, st, NULL, &err) == CLAIMS_OK, "%s", err.text);
    return r;
}

/* ---- reading results ----------------------------------------------------------------- */

static size_t subject_count(const claims_result *r)
{
    claims_cursor *c;
    const claims_result_subject_info *s;
    size_t n = 0;
    ck_assert_int_eq(claims_result_subjects(&c, r), CLAIMS_OK);
    while (claims_cursor_next_result_subject(&s, c) == CLAIMS_OK)
        n++;
    claims_cursor_free(c);
    return n;
}

/* Resolved subject i, copied (its strings live as long as the result). */
static claims_result_subject_info subject_at(const claims_result *r, size_t i)
{
    claims_cursor *c;
    const claims_result_subject_info *s;
    ck_assert_int_eq(claims_result_subjects(&c, r), CLAIMS_OK);
    for (size_t k = 0; k <= i; k++)
        ck_assert_int_eq(claims_cursor_next_result_subject(&s, c), CLAIMS_OK);
    claims_result_subject_info copy = *s;
    claims_cursor_free(c);
    return copy;
}

/* The line of explanation `ex` that starts at `line` is `len` bytes long. */
static size_t line_length(const char *line)
{
    const char *nl = strchr(line, '\n');
    return nl ? (size_t)(nl - line) : strlen(line);
}

/* How explanation `ex` accounts for mention m ("SOURCE/ID"): 'm' in a line
 * "merged M with ..." or "merged ... with M: ", 'c' in a line "M: compared
 * with N candidate(s)" (*compared = N), 0 in none. */
static int accounts_for(const char *ex, const char *m, long *compared)
{
    size_t ml = strlen(m);
    for (const char *line = ex; *line;) {
        size_t len = line_length(line);
        if (len > 7 + ml && strncmp(line, "merged ", 7) == 0) {
            const char *w = strstr(line, " with ");
            if (w && w < line + len &&
                ((size_t)(w - line) == 7 + ml && strncmp(line + 7, m, ml) == 0))
                return 'm';
            if (w && w < line + len && strncmp(w + 6, m, ml) == 0 && w[6 + ml] == ':')
                return 'm';
        }
        static const char COMPARED[] = ": compared with ";
        if (len > ml + sizeof COMPARED - 1 && strncmp(line, m, ml) == 0 &&
            strncmp(line + ml, COMPARED, sizeof COMPARED - 1) == 0) {
            if (compared)
                *compared = strtol(line + ml + sizeof COMPARED - 1, NULL, 10);
            return 'c';
        }
        line += len + (line[len] == '\n');
    }
    return 0;
}

/* The index of the subject whose explanation accounts for mention m; -1. */
static long subject_of(const claims_result *r, const char *m)
{
    claims_cursor *c;
    const claims_result_subject_info *s;
    long found = -1;
    ck_assert_int_eq(claims_result_subjects(&c, r), CLAIMS_OK);
    while (claims_cursor_next_result_subject(&s, c) == CLAIMS_OK)
        if (accounts_for(s->explanation, m, NULL)) {
            ck_assert_msg(found < 0, "%s is explained by two subjects", m);
            found = (long)s->index;
        }
    claims_cursor_free(c);
    return found;
}

/* The explanation of the subject of mention m. */
static const char *explanation_of(const claims_result *r, const char *m)
{
    long i = subject_of(r, m);
    ck_assert_msg(i >= 0, "no subject explains %s", m);
    return subject_at(r, (size_t)i).explanation;
}

/* "N candidates" of the line of mention m, -1 without one. */
static long compared_of(const claims_result *r, const char *m)
{
    long n = -1;
    long i = subject_of(r, m);
    if (i >= 0 && accounts_for(subject_at(r, (size_t)i).explanation, m, &n) != 'c')
        n = -1;
    return n;
}

/* Every subject mention of the store has a line in the explanation of
 * exactly one subject, and that subject has as many mentions as its
 * explanation accounts for. */
static void ck_every_mention_explained(const claims_store *st, const claims_result *r,
                                       const char *what)
{
    claims_cursor *c;
    const claims_subject_info *m;
    size_t mentions = 0;
    ck_assert_int_eq(claims_store_subjects(&c, st, CLAIMS_ALL), CLAIMS_OK);
    while (claims_cursor_next_subject(&m, c) == CLAIMS_OK) {
        claims_cursor *sc;
        const claims_source_info *src = NULL;
        ck_assert_int_eq(claims_store_sources(&sc, st), CLAIMS_OK);
        for (size_t k = 0; k <= m->source; k++)
            ck_assert_int_eq(claims_cursor_next_source(&src, sc), CLAIMS_OK);
        char name[512];
        snprintf(name, sizeof name, "%s/%s", src->id, m->id);
        claims_cursor_free(sc);
        ck_assert_msg(subject_of(r, name) >= 0, "%s: no explanation line for %s", what, name);
        mentions++;
    }
    claims_cursor_free(c);
    size_t merged = 0, subjects = subject_count(r);
    for (size_t i = 0; i < subjects; i++)
        merged += subject_at(r, i).mention_count;
    ck_assert_uint_eq(merged, mentions);
}

/* ---- weights ------------------------------------------------------------------------- */

static claims_attribute_def weights_of(const claims_ctx *ctx, const char *name)
{
    claims_attribute_def d = {.version = CLAIMS_ATTRIBUTE_DEF_VERSION};
    ck_assert_int_eq(claims_ctx_attribute(&d, ctx, name, strlen(name)), CLAIMS_OK);
    return d;
}

/* A score as explanations write it: "+5", "-2.5", "0". */
static const char *score_text(double s, char out[32])
{
    double r = round(s * 10.0) / 10.0;
    if (r == 0.0)
        snprintf(out, 32, "0");
    else if (r == floor(r))
        snprintf(out, 32, "%+.0f", r);
    else
        snprintf(out, 32, "%+.1f", r);
    return out;
}

/* Does `ex` contain `prefix` followed by the score s? */
static bool has_score(const char *ex, const char *prefix, double s)
{
    char t[32], want[128];
    snprintf(want, sizeof want, "%s%s", prefix, score_text(s, t));
    return strstr(ex, want) != NULL;
}

#define DEF_EQ(d, a, c, x, ab)                        \
    do {                                              \
        ck_assert_double_eq((d).match_agree, a);      \
        ck_assert_double_eq((d).match_compatible, c); \
        ck_assert_double_eq((d).match_conflict, x);   \
        ck_assert_double_eq((d).match_absent, ab);    \
    } while (0)

/* The documented defaults (docs/schema.md, "Resolution weights"). */
START_TEST(test_default_weights)
{
    claims_ctx *ctx = new_ctx();
    DEF_EQ(weights_of(ctx, "participant"), 3.0, 2.0, -6.0, -3.0);
    DEF_EQ(weights_of(ctx, "date"), 4.0, 2.0, -5.0, 0.0);
    DEF_EQ(weights_of(ctx, "place"), 3.0, 1.0, -5.0, 0.0);
    DEF_EQ(weights_of(ctx, "occasion"), 3.0, 2.0, -2.0, 0.0);
    DEF_EQ(weights_of(ctx, "name"), 6.0, 5.0, -6.0, 0.0);
    DEF_EQ(weights_of(ctx, "duration"), 0.0, 0.0, 0.0, 0.0); /* identifies nothing */
    /* a version 1 struct has no weights: they are left as they were */
    claims_attribute_def v1 = {.version = 1, .match_agree = 99.0};
    ck_assert_int_eq(claims_ctx_attribute(&v1, ctx, "date", 4), CLAIMS_OK);
    ck_assert_int_eq(v1.type, CLAIMS_TYPE_DATE);
    ck_assert_double_eq(v1.match_agree, 99.0);
    claims_attribute_def v3 = {.version = 3};
    ck_assert_int_eq(claims_ctx_attribute(&v3, ctx, "date", 4), CLAIMS_EINVAL);
    ck_assert_double_eq(claims_ctx_match_threshold(ctx), CLAIMS_MATCH_THRESHOLD_DEFAULT);
    ck_assert_double_eq(claims_ctx_match_threshold(NULL), CLAIMS_MATCH_THRESHOLD_DEFAULT);
    ck_assert_double_eq(CLAIMS_MATCH_THRESHOLD_DEFAULT, 5.0);
    claims_ctx_free(ctx);
}
END_TEST

/* Same date, occasion and participants, places that conflict: with the
 * default weights the score is exactly the default threshold. */
static claims_store *lima_cusco(void)
{
    claims_store *st = new_store();
    doc(st, "a", "2024-03-11",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "2024-03-10"}, {"occasion", "Northern Security Conference"},
              {"place", "Lima"}));
    doc(st, "b", "2024-03-11",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "2024-03-10"}, {"occasion", "Northern Security Conference"},
              {"place", "Cusco"}));
    return st;
}

/* The score of lima_cusco() from the weights of ctx. */
static double lima_cusco_score(const claims_ctx *ctx)
{
    return weights_of(ctx, "date").match_agree + weights_of(ctx, "occasion").match_agree +
           weights_of(ctx, "participant").match_agree + weights_of(ctx, "place").match_conflict;
}

START_TEST(test_threshold_setter)
{
    claims_ctx *ctx = new_ctx();
    ck_assert_int_eq(claims_ctx_set_match_threshold(ctx, -1.0), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_ctx_set_match_threshold(ctx, NAN), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_ctx_set_match_threshold(ctx, INFINITY), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_ctx_set_match_threshold(ctx, -INFINITY), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_ctx_set_match_threshold(NULL, 5.0), CLAIMS_EINVAL);
    ck_assert_double_eq(claims_ctx_match_threshold(ctx), CLAIMS_MATCH_THRESHOLD_DEFAULT);

    claims_store *st = lima_cusco();
    double score = lima_cusco_score(ctx);
    ck_assert_double_ge(score, claims_ctx_match_threshold(ctx)); /* the case's premise */
    claims_result *r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 1);
    claims_result_free(r);

    /* just above the score: the two stay apart, and their reports say so */
    ck_assert_int_eq(claims_ctx_set_match_threshold(ctx, score + 0.5), CLAIMS_OK);
    ck_assert_double_eq(claims_ctx_match_threshold(ctx), score + 0.5);
    r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 2);
    ck_assert(has_score(explanation_of(r, "a/e"), " (b/e), score ", score));
    ck_assert(has_score(explanation_of(r, "b/e"), " (a/e), score ", score));
    claims_result_free(r);

    /* 0 restores the default */
    ck_assert_int_eq(claims_ctx_set_match_threshold(ctx, 0.0), CLAIMS_OK);
    ck_assert_double_eq(claims_ctx_match_threshold(ctx), CLAIMS_MATCH_THRESHOLD_DEFAULT);
    r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 1);
    claims_result_free(r);
    claims_store_free(st);
    claims_ctx_free(ctx);
}
END_TEST

/* "match" and "match_threshold" of a schema, read back; the API's version
 * 1 and all-zero weights take the defaults. */
START_TEST(test_schema_weights_read_back)
{
    claims_ctx *ctx = ctx_with_schema(
        "{\"attributes\": {\"venue\": {\"type\": \"place\", \"identifying\": 1, "
        "\"match\": {\"agree\": 2.5, \"compatible\": 0.5, \"conflict\": -1, \"absent\": -0.25}},"
        "\"ship\": {\"type\": \"text\", \"identifying\": 2}}, \"match_threshold\": 4.5}");
    DEF_EQ(weights_of(ctx, "venue"), 2.5, 0.5, -1.0, -0.25);
    DEF_EQ(weights_of(ctx, "ship"), 6.0, 5.0, -6.0, 0.0); /* identifies alone: a name's */
    ck_assert_double_eq(claims_ctx_match_threshold(ctx), 4.5);
    /* "absent" may be left out: 0 */
    claims_error err;
    const char *s = "{\"attributes\": {\"venue\": {\"type\": \"place\", \"identifying\": 1, "
                    "\"match\": {\"agree\": 2, \"compatible\": 1, \"conflict\": -2}}}}";
    ck_assert_int_eq(claims_ctx_load_schema(ctx, s, strlen(s), S("s.json"), &err), CLAIMS_OK);
    DEF_EQ(weights_of(ctx, "venue"), 2.0, 1.0, -2.0, 0.0);
    ck_assert_double_eq(claims_ctx_match_threshold(ctx), 4.5); /* kept */

    claims_attribute_def d = {CLAIMS_ATTRIBUTE_DEF_VERSION,
                              S("hall"),
                              CLAIMS_TYPE_PLACE,
                              CLAIMS_SINGLE,
                              1,
                              0.0,
                              0.0,
                              4.0,
                              3.0,
                              -1.0,
                              -0.5};
    ck_assert_int_eq(claims_ctx_set_attribute(ctx, &d, &err), CLAIMS_OK);
    DEF_EQ(weights_of(ctx, "hall"), 4.0, 3.0, -1.0, -0.5);
    d.match_agree = d.match_compatible = d.match_conflict = d.match_absent = 0.0;
    ck_assert_int_eq(claims_ctx_set_attribute(ctx, &d, &err), CLAIMS_OK);
    DEF_EQ(weights_of(ctx, "hall"), 3.0, 1.0, -5.0, 0.0); /* a place's defaults */
    /* version 1 has no weights: what the fields hold is not read */
    d.version = 1;
    d.match_agree = -7.0;
    d.match_conflict = 9.0;
    ck_assert_int_eq(claims_ctx_set_attribute(ctx, &d, &err), CLAIMS_OK);
    DEF_EQ(weights_of(ctx, "hall"), 3.0, 1.0, -5.0, 0.0);
    /* version 2 checks them */
    d.version = CLAIMS_ATTRIBUTE_DEF_VERSION;
    ck_assert_int_eq(claims_ctx_set_attribute(ctx, &d, &err), CLAIMS_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.text, "match weights"));
    d.match_agree = 1.0, d.match_compatible = 2.0, d.match_conflict = -1.0;
    ck_assert_int_eq(claims_ctx_set_attribute(ctx, &d, &err), CLAIMS_EINVAL);
    d.match_agree = INFINITY, d.match_compatible = 2.0;
    ck_assert_int_eq(claims_ctx_set_attribute(ctx, &d, &err), CLAIMS_EINVAL);
    d.match_agree = 3.0, d.match_conflict = NAN;
    ck_assert_int_eq(claims_ctx_set_attribute(ctx, &d, &err), CLAIMS_EINVAL);
    d.match_conflict = -1.0, d.match_absent = 1.0;
    ck_assert_int_eq(claims_ctx_set_attribute(ctx, &d, &err), CLAIMS_EINVAL);
    DEF_EQ(weights_of(ctx, "hall"), 3.0, 1.0, -5.0, 0.0); /* unchanged by the failures */
    claims_ctx_free(ctx);
}
END_TEST

/* Weights of the schema change merge decisions, both ways. */
START_TEST(test_schema_weights_decide_both_ways)
{
    /* merged by default; apart when a place conflict weighs more, or when
     * the schema's threshold is above the score */
    claims_store *st = lima_cusco();
    claims_ctx *ctx = new_ctx();
    claims_result *r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 1);
    claims_result_free(r);
    claims_ctx_free(ctx);
    ctx = ctx_with_schema("{\"attributes\": {\"place\": {\"type\": \"place\", \"identifying\": 1, "
                          "\"match\": {\"agree\": 3, \"compatible\": 1, \"conflict\": -6}}}}");
    ck_assert_double_lt(lima_cusco_score(ctx), claims_ctx_match_threshold(ctx));
    r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 2);
    ck_assert_ptr_nonnull(strstr(explanation_of(r, "a/e"), "place conflict: lima vs cusco (-6)"));
    claims_result_free(r);
    claims_ctx_free(ctx);
    ctx = ctx_with_schema("{\"attributes\": {}, \"match_threshold\": 5.5}");
    r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 2);
    claims_result_free(r);
    claims_ctx_free(ctx);
    claims_store_free(st);

    /* apart by default (dates a day apart conflict); one when a date
     * conflict weighs less, or when the threshold is lower */
    st = new_store();
    doc(st, "a", "2024-03-12",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "2024-03-10"}, {"place", "Lima"}));
    doc(st, "b", "2024-03-12",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "2024-03-11"}, {"place", "Lima"}));
    ctx = new_ctx();
    double score = weights_of(ctx, "participant").match_agree +
                   weights_of(ctx, "date").match_conflict + weights_of(ctx, "place").match_agree;
    ck_assert_double_lt(score, claims_ctx_match_threshold(ctx));
    r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 2);
    ck_assert(has_score(explanation_of(r, "a/e"), "): score ", score));
    claims_result_free(r);
    claims_ctx_free(ctx);
    ctx = ctx_with_schema("{\"attributes\": {\"date\": {\"type\": \"date\", \"identifying\": 1, "
                          "\"match\": {\"agree\": 4, \"compatible\": 2, \"conflict\": -1}}}}");
    r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 1);
    ck_assert_ptr_nonnull(strstr(subject_at(r, 0).explanation, "date conflict: "));
    claims_result_free(r);
    claims_ctx_free(ctx);
    char schema[128];
    snprintf(schema, sizeof schema, "{\"attributes\": {}, \"match_threshold\": %g", score);
    strcat(schema, "}");
    ctx = ctx_with_schema(schema);
    r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 1);
    claims_result_free(r);
    claims_ctx_free(ctx);
    claims_store_free(st);
}
END_TEST

/* Loads json into a new context: it must fail with CLAIMS_ESCHEMA, no
 * position, the JSON Pointer `at` and the message containing `text`. */
static void schema_fails(const char *json, const char *at, const char *text)
{
    claims_ctx *ctx = new_ctx();
    claims_error err;
    int rc = claims_ctx_load_schema(ctx, json, strlen(json), S("bad.json"), &err);
    ck_assert_msg(rc == CLAIMS_ESCHEMA, "%s: accepted (%d)", json, rc);
    ck_config_error(&err, json, CLAIMS_ESCHEMA, 0, 0, "bad.json", at, text);
    /* nothing of it was applied */
    DEF_EQ(weights_of(ctx, "place"), 3.0, 1.0, -5.0, 0.0);
    ck_assert_double_eq(claims_ctx_match_threshold(ctx), CLAIMS_MATCH_THRESHOLD_DEFAULT);
    claims_ctx_free(ctx);
}

#define PLACE_MATCH(m) \
    "{\"attributes\": {\"place\": {\"type\": \"place\", \"identifying\": 1, \"match\": " m "}}}"

START_TEST(test_schema_match_errors)
{
    schema_fails(PLACE_MATCH("3"), "/attributes/place/match: ", "must be an object");
    schema_fails(PLACE_MATCH("[3, 1, -5]"), "/attributes/place/match: ", "must be an object");
    schema_fails(PLACE_MATCH("{}"), "/attributes/place/match: ", "required: \"agree\"");
    schema_fails(PLACE_MATCH("{\"compatible\": 1, \"conflict\": -5}"),
                 "/attributes/place/match: ", "required: \"agree\"");
    schema_fails(PLACE_MATCH("{\"agree\": 3, \"conflict\": -5}"),
                 "/attributes/place/match: ", "required: \"compatible\"");
    schema_fails(PLACE_MATCH("{\"agree\": 3, \"compatible\": 1}"),
                 "/attributes/place/match: ", "required: \"conflict\"");
    schema_fails(PLACE_MATCH("{\"agree\": \"3\", \"compatible\": 1, \"conflict\": -5}"),
                 "/attributes/place/match: ", "\"agree\" must be a number");
    schema_fails(PLACE_MATCH("{\"agree\": 3, \"compatible\": 1, \"conflict\": -5, \"absent\": "
                             "null}"),
                 "/attributes/place/match: ", "\"absent\" must be a number");
    /* the order of the levels and the signs */
    schema_fails(PLACE_MATCH("{\"agree\": 1, \"compatible\": 3, \"conflict\": -5}"),
                 "/attributes/place", "agree >= compatible");
    schema_fails(PLACE_MATCH("{\"agree\": 3, \"compatible\": 1, \"conflict\": 2}"),
                 "/attributes/place", "0 >= conflict");
    schema_fails(PLACE_MATCH("{\"agree\": 3, \"compatible\": -1, \"conflict\": -5}"),
                 "/attributes/place", "compatible >= 0");
    schema_fails(PLACE_MATCH("{\"agree\": 3, \"compatible\": 1, \"conflict\": -5, \"absent\": 1}"),
                 "/attributes/place", "absent <= 0");
    /* the threshold */
    schema_fails("{\"attributes\": {}, \"match_threshold\": 0}",
                 "/match_threshold: ", "must be a number > 0");
    schema_fails("{\"attributes\": {}, \"match_threshold\": -2}",
                 "/match_threshold: ", "must be a number > 0");
    schema_fails("{\"attributes\": {}, \"match_threshold\": \"5\"}",
                 "/match_threshold: ", "must be a number > 0");
    /* a bad threshold rejects the good definitions beside it */
    schema_fails("{\"attributes\": {\"place\": {\"type\": \"place\", \"identifying\": 1, "
                 "\"match\": {\"agree\": 9, \"compatible\": 1, \"conflict\": -1}}}, "
                 "\"match_threshold\": null}",
                 "/match_threshold: ", "> 0");
}
END_TEST

/* Weights in the wrong order are an error of the "match" member: its
 * pointer should name it, as the other errors of "match" do. */
START_TEST(test_schema_match_order_pointer)
{
    static const char *const cases[][2] = {
        {PLACE_MATCH("{\"agree\": 1, \"compatible\": 3, \"conflict\": -5}"), "agree >= compatible"},
        {PLACE_MATCH("{\"agree\": 3, \"compatible\": 1, \"conflict\": 2}"), "0 >= conflict"}};
    for (size_t i = 0; i < 2; i++) {
        claims_ctx *ctx = new_ctx();
        claims_error err;
        claims_ctx_load_schema(ctx, cases[i][0], strlen(cases[i][0]), S("bad.json"), &err);
        claims_ctx_free(ctx); /* before the checks: a failed one leaks nothing */
        ck_config_error(&err, cases[i][0], CLAIMS_ESCHEMA, 0, 0, "bad.json",
                        "/attributes/place/match: ", cases[i][1]);
    }
}
END_TEST

/* ---- evidence, not veto ----------------------------------------------------------------- */

/* One conflicting attribute no longer keeps apart what everything else
 * says is one event. */
START_TEST(test_one_conflict_no_veto)
{
    claims_store *st = lima_cusco();
    claims_ctx *ctx = new_ctx();
    claims_result *r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 1);
    claims_result_subject_info s = subject_at(r, 0);
    ck_assert_uint_eq(s.source_count, 2);
    ck_assert_ptr_nonnull(strstr(s.explanation, "merged a/e with b/e: "));
    ck_assert(has_score(s.explanation, "merged a/e with b/e: score ", lima_cusco_score(ctx)));
    ck_assert_ptr_nonnull(strstr(s.explanation, "place conflict: lima vs cusco"));
    claims_attribute_info a;
    claims_cursor *c;
    const claims_attribute_info *row;
    bool seen = false;
    ck_assert_int_eq(claims_result_attributes(&c, r, 0), CLAIMS_OK);
    while (claims_cursor_next_attribute(&row, c) == CLAIMS_OK)
        if (strcmp(row->attribute, "place") == 0)
            a = *row, seen = true;
    claims_cursor_free(c);
    ck_assert(seen);
    ck_assert_int_eq(a.agreement, CLAIMS_CONFLICTING); /* the conflict the reader came for */
    claims_result_free(r);
    claims_store_free(st);
    claims_ctx_free(ctx);
}
END_TEST

/* Places the gazetteer does not list conflict by their names only: at
 * half the weight. Here that decides: at full weight the two would stay
 * apart. */
START_TEST(test_unlisted_places_half_conflict)
{
    claims_store *st = new_store();
    doc(st, "a", "2024-03-11",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "2024-03-10"}, {"occasion", "Northern Security Conference"},
              {"place", "Kessel Bay"}));
    doc(st, "b", "2024-03-11",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "2024-03-10"}, {"occasion", "the security conference"},
              {"place", "Port Alder"}));
    claims_ctx *ctx = new_ctx();
    double place = weights_of(ctx, "place").match_conflict;
    double full = weights_of(ctx, "date").match_agree + weights_of(ctx, "participant").match_agree +
                  weights_of(ctx, "occasion").match_compatible;
    ck_assert_double_lt(full + place, claims_ctx_match_threshold(ctx)); /* at full weight: apart */
    claims_result *r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 1);
    const char *ex = subject_at(r, 0).explanation;
    ck_assert(has_score(ex, "merged a/e with b/e: score ", full + place / 2.0));
    ck_assert(
        has_score(ex, "kessel bay vs port alder, places not in the gazetteer (", place / 2.0));
    claims_result_free(r);
    claims_store_free(st);
    claims_ctx_free(ctx);
}
END_TEST

/* The same two leaders weeks apart in two cities are two meetings, and
 * each report says what kept them apart, with the score. */
START_TEST(test_apart_when_dates_weeks_apart)
{
    claims_store *st = new_store();
    doc(st, "a", "2024-01-11",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "2024-01-10"}, {"place", "Lima"}));
    doc(st, "b", "2024-02-26",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "2024-02-25"}, {"place", "Cusco"}));
    claims_ctx *ctx = new_ctx();
    claims_result *r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 2);
    double score = weights_of(ctx, "date").match_conflict +
                   weights_of(ctx, "participant").match_agree +
                   weights_of(ctx, "place").match_conflict;
    long ia = subject_of(r, "a/e"), ib = subject_of(r, "b/e");
    ck_assert(ia >= 0 && ib >= 0 && ia != ib);
    claims_result_subject_info a = subject_at(r, (size_t)ia), b = subject_at(r, (size_t)ib);
    char want[256];
    snprintf(want, sizeof want, "kept apart from %s (", b.id);
    ck_assert_msg(strstr(a.explanation, want), "%s", a.explanation);
    snprintf(want, sizeof want, "kept apart from %s (", a.id);
    ck_assert_msg(strstr(b.explanation, want), "%s", b.explanation);
    for (int k = 0; k < 2; k++) {
        const char *ex = k ? b.explanation : a.explanation;
        ck_assert_msg(has_score(ex, "): score ", score), "%s", ex);
        ck_assert_ptr_nonnull(strstr(ex, "date conflict: "));
        ck_assert_ptr_nonnull(strstr(ex, "place conflict: "));
        ck_assert_ptr_nonnull(strstr(ex, ": compared with 1 candidate; best: "));
    }
    claims_result_free(r);
    claims_store_free(st);
    claims_ctx_free(ctx);
}
END_TEST

/* A mention without a date tells of the days before its report: a date
 * after the report (or two weeks before it) weighs half a date conflict
 * against it; a date within them, nothing. */
START_TEST(test_implied_date)
{
    static const char *const dates[] = {"2024-05-12", "2024-05-08"};
    for (int k = 0; k < 2; k++) {
        claims_store *st = new_store();
        doc(st, "u", "2024-05-10",
            FACTS({"participant", "Liesel Varga"}, {"occasion", "the summit"}, {"place", "Lima"}));
        doc(st, "v", "2024-05-13",
            FACTS({"participant", "Liesel Varga"}, {"occasion", "the summit"}, {"place", "Lima"},
                  {"date", dates[k]}));
        claims_ctx *ctx = new_ctx();
        double base = weights_of(ctx, "participant").match_agree +
                      weights_of(ctx, "occasion").match_agree +
                      weights_of(ctx, "place").match_agree;
        double implied = weights_of(ctx, "date").match_conflict / 2.0;
        claims_result *r = reconcile(ctx, st);
        ck_assert_uint_eq(subject_count(r), 1);
        const char *ex = subject_at(r, 0).explanation;
        if (k == 0) {
            ck_assert_msg(has_score(ex, "merged u/e with v/e: score ", base + implied), "%s", ex);
            ck_assert(has_score(ex, "date outside the days before the other's report (", implied));
        } else {
            ck_assert_msg(has_score(ex, "merged u/e with v/e: score ", base), "%s", ex);
            ck_assert_ptr_null(strstr(ex, "date outside"));
        }
        claims_result_free(r);
        claims_ctx_free(ctx);
        /* a date that does not identify implies nothing */
        ctx = ctx_with_schema("{\"attributes\": {\"date\": {\"type\": \"date\"}}}");
        r = reconcile(ctx, st);
        ck_assert_ptr_null(strstr(subject_at(r, 0).explanation, "date outside"));
        claims_result_free(r);
        claims_ctx_free(ctx);
        claims_store_free(st);
    }
}
END_TEST

/* Labels: "the fire at the port" and "the blaze" name one sort of event,
 * "the bombing in Lima" another; the schema entry "label" weighs them. */
static claims_store *labels_store(void)
{
    static const char *const labels[] = {"the fire at the port", "the bombing in Lima",
                                         "the blaze"};
    claims_store *st = new_store();
    for (size_t k = 0; k < 3; k++) {
        char src[2] = {(char)('a' + k), '\0'};
        add_event(st, add_source(st, src, "2024-05-03"), "e", labels[k],
                  FACTS({"place", "Lima"}, {"date", "2024-05-02"}));
    }
    return st;
}

START_TEST(test_label_words)
{
    claims_store *st = labels_store();
    claims_result *r = reconcile(NULL, st);
    ck_assert_uint_eq(subject_count(r), 2);
    ck_assert_int_eq(subject_of(r, "a/e"), subject_of(r, "c/e"));
    ck_assert_ptr_nonnull(strstr(explanation_of(r, "a/e"), "label words 1 of 1 shared (+2)"));
    /* "lima" is the place's, compared as a place: "bombing" is what is left */
    ck_assert_ptr_nonnull(
        strstr(explanation_of(r, "b/e"), "label words 0 of 1 shared, conflict (-2.5)"));
    claims_result_free(r);
    claims_ctx *ctx =
        ctx_with_schema("{\"attributes\": {\"label\": {\"type\": \"text\", \"match\": "
                        "{\"agree\": 3, \"compatible\": 1, \"conflict\": -4}}}}");
    r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 2);
    ck_assert_ptr_nonnull(strstr(explanation_of(r, "a/e"), "label words 1 of 1 shared (+3)"));
    ck_assert_ptr_nonnull(
        strstr(explanation_of(r, "b/e"), "label words 0 of 1 shared, conflict (-4)"));
    claims_result_free(r);
    claims_ctx_free(ctx);
    /* an entry without weights that identifies nothing: labels weigh 0 */
    ctx = ctx_with_schema("{\"attributes\": {\"label\": {\"type\": \"text\"}}}");
    r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 1);
    ck_assert_ptr_null(strstr(subject_at(r, 0).explanation, "label words"));
    claims_result_free(r);
    claims_ctx_free(ctx);
    claims_store_free(st);
}
END_TEST

/* ---- clustering ---------------------------------------------------------------------- */

/* a, b and d: one meeting at Kessel Bay; d names another occasion. c
 * gives the month only and no place, and the occasion of a and b: it
 * matches a and b strongly and conflicts with d weakly. */
static claims_store *weak_conflict_store(void)
{
    claims_store *st = new_store();
    doc(st, "a", "2024-03-11",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "2024-03-10"}, {"occasion", "Northern Security Conference"},
              {"place", "Kessel Bay"}));
    doc(st, "b", "2024-03-11",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "2024-03-10"}, {"occasion", "Northern Security Conference"},
              {"place", "Kessel Bay"}));
    doc(st, "c", "2024-03-11",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "March 2024"}, {"occasion", "Northern Security Conference"}));
    doc(st, "d", "2024-03-11",
        FACTS({"participant", "Liesel Varga"}, {"participant", "Emile Duvernoy"},
              {"date", "2024-03-10"}, {"occasion", "Harbour Forum"}, {"place", "Kessel Bay"}));
    return st;
}

/* The score of c and d under the weights of ctx. */
static double c_d_score(const claims_ctx *ctx)
{
    return weights_of(ctx, "date").match_compatible + weights_of(ctx, "participant").match_agree +
           weights_of(ctx, "occasion").match_conflict;
}

START_TEST(test_strong_pairs_outweigh_weak_conflict)
{
    claims_store *st = weak_conflict_store();
    claims_ctx *ctx = new_ctx();
    double t = claims_ctx_match_threshold(ctx), cd = c_d_score(ctx);
    /* the premise: c and d alone would not merge, but their conflict is
     * weak (at least half the threshold) */
    ck_assert(cd < t && cd >= t / 2.0);
    claims_result *r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 1);
    claims_result_subject_info s = subject_at(r, 0);
    ck_assert_uint_eq(s.source_count, 4);
    ck_assert_ptr_nonnull(strstr(s.explanation, "occasion conflict: "));
    ck_every_mention_explained(st, r, "weak conflict");
    claims_result_free(r);
    claims_ctx_free(ctx);

    /* a stronger occasion conflict brings c and d below half the
     * threshold: then the pair refuses the merge of their clusters */
    ctx = ctx_with_schema("{\"attributes\": {\"occasion\": {\"type\": \"occasion\", "
                          "\"identifying\": 1, \"match\": {\"agree\": 3, \"compatible\": 2, "
                          "\"conflict\": -3}}}}");
    ck_assert_double_lt(c_d_score(ctx), claims_ctx_match_threshold(ctx) / 2.0);
    r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 2);
    ck_assert_int_ne(subject_of(r, "c/e"), subject_of(r, "d/e"));
    ck_assert_int_eq(subject_of(r, "a/e"), subject_of(r, "b/e"));
    ck_assert_ptr_nonnull(strstr(explanation_of(r, "d/e"), "kept apart from "));
    ck_every_mention_explained(st, r, "strong conflict");
    claims_result_free(r);
    claims_ctx_free(ctx);
    claims_store_free(st);
}
END_TEST

/* A summit: x names A and B, y names A and C, z names A alone, one date
 * and place. z is compatible with both, x and y conflict: z joins one of
 * them and does not make x and y one subject. */
static claims_store *summit_store(const char *const *order)
{
    static const char *const people[3][2] = {{"Liesel Varga", "Emile Duvernoy"},
                                             {"Liesel Varga", "Tomas Brandt"},
                                             {"Liesel Varga", NULL}};
    claims_store *st = new_store();
    for (size_t k = 0; k < 3; k++) {
        size_t i = (size_t)(order[k][0] - 'x');
        fact f[5] = {{"participant", people[i][0]}, {"date", "2024-03-10"}, {"place", "Lima"}};
        size_t n = 3;
        if (people[i][1])
            f[n++] = (fact){"participant", people[i][1]};
        f[n] = (fact){NULL, NULL};
        doc(st, order[k], "2024-03-11", f);
    }
    return st;
}

START_TEST(test_summit_not_chained)
{
    static const char *const order[] = {"x", "y", "z"};
    claims_store *st = summit_store(order);
    claims_ctx *ctx = new_ctx();
    double xy = weights_of(ctx, "date").match_agree + weights_of(ctx, "place").match_agree +
                weights_of(ctx, "participant").match_conflict;
    double t = claims_ctx_match_threshold(ctx);
    ck_assert_double_lt(xy, t / 2.0); /* the premise: a strong conflict */
    claims_result *r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 2);
    long x = subject_of(r, "x/e"), y = subject_of(r, "y/e"), z = subject_of(r, "z/e");
    ck_assert(x >= 0 && y >= 0 && z >= 0);
    ck_assert_int_ne(x, y);
    ck_assert(z == x || z == y);
    /* the one left alone was compared with both, and says so */
    const char *alone = subject_at(r, (size_t)(z == x ? y : x)).explanation;
    ck_assert_ptr_nonnull(strstr(alone, ": compared with 2 candidates; best: "));
    ck_assert_ptr_nonnull(strstr(alone, "participant 1 of 3 shared, conflict"));
    ck_every_mention_explained(st, r, "summit");
    claims_result_free(r);
    claims_store_free(st);
    claims_ctx_free(ctx);
}
END_TEST

/* ---- explanations --------------------------------------------------------------------- */

START_TEST(test_explain_nothing_in_common)
{
    claims_store *st = lima_cusco();
    doc(st, "c", "2019-06-02",
        FACTS({"participant", "Ingrid Solberg"}, {"date", "2019-06-01"}, {"place", "Oslo"}));
    claims_result *r = reconcile(NULL, st);
    ck_assert_uint_eq(subject_count(r), 2);
    const char *ex = explanation_of(r, "c/e");
    ck_assert_str_eq(ex, "c/e: compared with 0 candidates");
    ck_assert_int_eq(compared_of(r, "c/e"), 0);
    ck_every_mention_explained(st, r, "nothing in common");
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* Two undated mentions of a conference, one by its acronym, in reports a
 * day apart: compared (they share the acronym's block), not merged (an
 * occasion alone is below the threshold), and each says with whom and why. */
START_TEST(test_explain_left_alone)
{
    claims_store *st = new_store();
    doc(st, "a", "2024-03-11", FACTS({"occasion", "NSC"}));
    doc(st, "b", "2024-03-12", FACTS({"occasion", "Northern Security Conference"}));
    claims_ctx *ctx = new_ctx();
    double occ = weights_of(ctx, "occasion").match_agree;
    ck_assert_double_lt(occ, claims_ctx_match_threshold(ctx));
    claims_result *r = reconcile(ctx, st);
    ck_assert_uint_eq(subject_count(r), 2);
    long ia = subject_of(r, "a/e"), ib = subject_of(r, "b/e");
    ck_assert(ia >= 0 && ib >= 0 && ia != ib);
    claims_result_subject_info a = subject_at(r, (size_t)ia), b = subject_at(r, (size_t)ib);
    char want[256], t[32];
    snprintf(want, sizeof want,
             "a/e: compared with 1 candidate; best: %s (b/e), score %s: occasion agree: ", b.id,
             score_text(occ, t));
    ck_assert_msg(strncmp(a.explanation, want, strlen(want)) == 0, "%s\nwant %s", a.explanation,
                  want);
    snprintf(want, sizeof want,
             "b/e: compared with 1 candidate; best: %s (a/e), score %s: occasion agree: ", a.id,
             score_text(occ, t));
    ck_assert_msg(strncmp(b.explanation, want, strlen(want)) == 0, "%s\nwant %s", b.explanation,
                  want);
    claims_result_free(r);
    claims_store_free(st);
    claims_ctx_free(ctx);
}
END_TEST

/* Loads every document of a story folder but its expected findings. */
static void load_story(claims_store *st, const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0 ||
            strcmp(e->d_name, "expected.json") == 0)
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        claims_error err;
        ck_assert_msg(claims_store_load_file(st, path, strlen(path), NULL, NULL, &err) == CLAIMS_OK,
                      "%s: %s", path, err.text);
    }
    closedir(d);
}

/* Every mention of every story and of the seed corpus has its line. */
START_TEST(test_every_mention_explained)
{
    claims_store *seed = seed_store();
    claims_result *r = reconcile(NULL, seed);
    ck_every_mention_explained(seed, r, "seed corpus");
    claims_result_free(r);
    claims_store_free(seed);

    const char *data = getenv("CLAIMS_TEST_DATA");
    ck_assert_ptr_nonnull(data);
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/stories", data);
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    struct dirent *e;
    size_t stories = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char story[2048];
        snprintf(story, sizeof story, "%s/%s", dir, e->d_name);
        DIR *probe = opendir(story);
        if (!probe)
            continue;
        closedir(probe);
        claims_store *st = new_store();
        load_story(st, story);
        r = reconcile(NULL, st);
        ck_every_mention_explained(st, r, e->d_name);
        claims_result_free(r);
        claims_store_free(st);
        stories++;
    }
    closedir(d);
    ck_assert_uint_ge(stories, 4);
}
END_TEST

/* ---- blocking ------------------------------------------------------------------------ */

/* The days (BLOCK_DAYS in lib/reconcile/resolve.c) within which two
 * mentions that share a participant must be compared. */
#define BLOCK_DAYS 2

/* splitmix64: the same stream on every platform. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static const char *const POOL[] = {"Anna Brandt",     "Boris Kessler", "Clara Mendez",
                                   "Dmitri Orlov",    "Elena Sato",    "Farid Haddad",
                                   "Greta Lindqvist", "Hugo Ferreira", "Irene Novak",
                                   "Jonas Petrov",    "Katya Wolff",   "Luis Okafor"};
#define POOL_SIZE (sizeof POOL / sizeof POOL[0])

/* A place name of its own for mention i (no two alike, none listed in the
 * gazetteer): every pair of mentions conflicts on its place. */
static void place_name(size_t i, char out[32])
{
    static const char *const SYL[] = {"ka", "lo", "mi", "ren", "tu", "vas", "zel", "bor"};
    size_t n = 0;
    out[n++] = 'Q'; /* no English place starts so, nor with "q" then a consonant */
    for (size_t k = 0, x = i; k < 4; k++, x /= 8)
        for (const char *s = SYL[x % 8]; *s; s++)
            out[n++] = *s;
    out[n] = '\0';
}

typedef struct generated {
    size_t n;
    size_t source[512];
    int day[512];
    unsigned people[512]; /* bits of POOL */
} generated;

/* n event mentions over `sources` sources, their participants (1 to 3)
 * drawn from the first `pool` names, their dates over `days` days. */
static claims_store *generate(generated *g, size_t n, size_t sources, size_t pool, int days,
                              uint64_t seed)
{
    ck_assert_uint_le(n, sizeof g->day / sizeof g->day[0]);
    claims_store *st = new_store();
    for (size_t s = 0; s < sources; s++) {
        char id[16];
        snprintf(id, sizeof id, "s%02zu", s);
        ck_assert_uint_eq(add_source(st, id, "2024-04-15"), s);
    }
    g->n = n;
    for (size_t i = 0; i < n; i++) {
        g->source[i] = (size_t)(next_random(&seed) % sources);
        g->day[i] = (int)(next_random(&seed) % (uint64_t)days);
        size_t k = 1 + (size_t)(next_random(&seed) % 3);
        g->people[i] = 0;
        while (k) {
            unsigned bit = 1u << (next_random(&seed) % pool);
            if (!(g->people[i] & bit))
                g->people[i] |= bit, k--;
            if (g->people[i] == (1u << pool) - 1)
                break;
        }
        char date[16], place[32], id[16];
        snprintf(date, sizeof date, "2024-02-%02d", 1 + g->day[i] % 29);
        if (g->day[i] >= 29)
            snprintf(date, sizeof date, "2024-03-%02d", 1 + (g->day[i] - 29));
        place_name(i, place);
        snprintf(id, sizeof id, "m%03zu", i);
        fact f[8];
        size_t nf = 0;
        for (size_t p = 0; p < pool; p++)
            if (g->people[i] & (1u << p))
                f[nf++] = (fact){"participant", POOL[p]};
        f[nf++] = (fact){"date", date};
        f[nf++] = (fact){"place", place};
        f[nf] = (fact){NULL, NULL};
        add_event(st, g->source[i], id, NULL, f);
    }
    return st;
}

/* For every mention, the mentions of other sources that share a
 * participant and lie within BLOCK_DAYS were all compared with it: its
 * line says at least that many candidates. */
static void ck_no_candidate_lost(size_t n, size_t sources, size_t pool, int days, uint64_t seed,
                                 bool large_blocks)
{
    static generated g;
    ck_assert_uint_le(pool, POOL_SIZE);
    claims_store *st = generate(&g, n, sources, pool, days, seed);
    claims_result *r = reconcile(NULL, st);
    ck_assert_uint_eq(subject_count(r), n); /* nothing merges: every place conflicts */
    size_t pairs = 0, most = 0;
    for (size_t i = 0; i < n; i++) {
        long must = 0;
        for (size_t j = 0; j < n; j++)
            if (j != i && g.source[j] != g.source[i] && (g.people[i] & g.people[j]) &&
                abs(g.day[i] - g.day[j]) <= BLOCK_DAYS)
                must++;
        char m[32];
        snprintf(m, sizeof m, "s%02zu/m%03zu", g.source[i], i);
        long got = compared_of(r, m);
        ck_assert_msg(got >= must,
                      "%s: compared with %ld candidates, %ld share a participant "
                      "within %d days",
                      m, got, must, BLOCK_DAYS);
        pairs += (size_t)must;
        most = (size_t)must > most ? (size_t)must : most;
    }
    /* the case is not empty: many mentions have such candidates */
    ck_assert_uint_ge(pairs, 2 * n);
    ck_assert_uint_ge(most, 5);
    /* a large block of one participant's dated mentions is compared by
     * time, losing no pair: never noted (a note says where a window leaves
     * pairs out: pairs of participants, any date) */
    (void)large_blocks;
    for (size_t i = 0; i < claims_result_diagnostic_count(r); i++)
        ck_assert_msg(!strstr(claims_result_diagnostic(r, i)->text, "block \"p:"), "%s",
                      claims_result_diagnostic(r, i)->text);
    claims_result_free(r);
    claims_store_free(st);
}

/* 300 mentions over 40 sources, 12 people, 60 days: small blocks. */
START_TEST(test_blocking_keeps_candidates)
{
    ck_no_candidate_lost(300, 40, 12, 60, 20240310, false);
}
END_TEST

/* 300 mentions over 40 sources, 3 people, 8 days: blocks of over a hundred
 * mentions (compared by time, not within a window). */
START_TEST(test_blocking_keeps_candidates_large_blocks)
{
    ck_no_candidate_lost(300, 40, 3, 8, 77, true);
}
END_TEST

/* "Chancellor Weber of Austria" is Weber: the mention that names him so
 * meets the one that says "Weber", and the one that says "Hans Weber". */
START_TEST(test_blocking_surname_with_country)
{
    static const char *const others[] = {"Weber", "Hans Weber"};
    for (size_t k = 0; k < 2; k++) {
        claims_store *st = new_store();
        doc(st, "a", "2024-05-03",
            FACTS({"participant", "Chancellor Weber of Austria"}, {"date", "2024-05-02"}));
        doc(st, "b", "2024-05-03", FACTS({"participant", others[k]}, {"date", "2024-05-02"}));
        claims_result *r = reconcile(NULL, st);
        ck_assert_msg(subject_count(r) == 1, "%s: %s", others[k], subject_at(r, 0).explanation);
        ck_assert_ptr_nonnull(strstr(subject_at(r, 0).explanation, "merged a/e with b/e: "));
        claims_result_free(r);
        claims_store_free(st);
    }
}
END_TEST

/* An acronym and its expansion share a block: two reports of the day of
 * the "NSC" and the "Northern Security Conference", with nothing else in
 * common, are compared and merged. */
START_TEST(test_blocking_acronym)
{
    claims_store *st = new_store();
    doc(st, "a", "2024-03-11", FACTS({"occasion", "NSC"}, {"date", "2024-03-10"}));
    doc(st, "b", "2024-03-11",
        FACTS({"occasion", "Northern Security Conference"}, {"date", "2024-03-10"}));
    claims_result *r = reconcile(NULL, st);
    ck_assert_uint_eq(subject_count(r), 1);
    const char *ex = subject_at(r, 0).explanation;
    ck_assert_ptr_nonnull(strstr(ex, "merged a/e with b/e: "));
    ck_assert_ptr_nonnull(strstr(ex, "occasion agree: "));
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

/* An identifying attribute a schema adds, weighed so that it decides
 * alone: two undated reports of the same flight number must meet. (They
 * share no key today: only participants, places, occasions, names and
 * dates are keyed, so they are "compared with 0 candidates".) */
START_TEST(test_blocking_schema_identifying)
{
    claims_ctx *ctx =
        ctx_with_schema("{\"attributes\": {\"flight\": {\"type\": \"text\", \"identifying\": 1, "
                        "\"match\": {\"agree\": 6, \"compatible\": 3, \"conflict\": -6}}}}");
    ck_assert_double_ge(weights_of(ctx, "flight").match_agree, claims_ctx_match_threshold(ctx));
    claims_store *st = new_store();
    doc(st, "a", "2024-05-03", FACTS({"flight", "LX 318"}));
    doc(st, "b", "2024-05-04", FACTS({"flight", "LX 318"}));
    claims_result *r = reconcile(ctx, st);
    long compared = compared_of(r, "a/e");
    size_t subjects = subject_count(r);
    claims_result_free(r); /* before the checks: a failed one leaks nothing */
    claims_store_free(st);
    claims_ctx_free(ctx);
    ck_assert_msg(compared != 0, "a/e was compared with nobody");
    ck_assert_uint_eq(subjects, 1);
}
END_TEST

/* ---- order ---------------------------------------------------------------------------- */

/* The JSON report from its subjects to its notes (the sources before them
 * follow load order), new. */
static char *subjects_json(const claims_result *r)
{
    char *out;
    size_t len;
    claims_error err;
    ck_assert_int_eq(claims_result_render(&out, &len, r, CLAIMS_RENDER_JSON, &err), CLAIMS_OK);
    char *from = strstr(out, "\"events\"");
    ck_assert_ptr_nonnull(from);
    char *notes = strstr(from, "\"notes\"");
    if (notes)
        *notes = '\0';
    char *copy = strdup(from);
    claims_free(out);
    return copy;
}

/* Where candidates tie (z scores the same with x and with y), the choice
 * is made by content: every order of the documents gives the same bytes. */
START_TEST(test_order_breaks_ties_by_content)
{
    static const char *const orders[6][3] = {{"x", "y", "z"}, {"x", "z", "y"}, {"y", "x", "z"},
                                             {"y", "z", "x"}, {"z", "x", "y"}, {"z", "y", "x"}};
    char *first = NULL;
    for (size_t k = 0; k < 6; k++) {
        claims_store *st = summit_store(orders[k]);
        claims_result *r = reconcile(NULL, st);
        char *json = subjects_json(r);
        if (!first)
            first = json;
        else {
            ck_assert_msg(strcmp(first, json) == 0, "order %s %s %s: another report", orders[k][0],
                          orders[k][1], orders[k][2]);
            free(json);
        }
        claims_result_free(r);
        claims_store_free(st);
    }
    free(first);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("resolve");
    TCase *w = tcase_create("weights");
    tcase_add_test(w, test_default_weights);
    tcase_add_test(w, test_threshold_setter);
    tcase_add_test(w, test_schema_weights_read_back);
    tcase_add_test(w, test_schema_weights_decide_both_ways);
    tcase_add_test(w, test_schema_match_errors);
    tcase_add_test(w, test_schema_match_order_pointer);
    suite_add_tcase(s, w);
    TCase *e = tcase_create("evidence");
    tcase_add_test(e, test_one_conflict_no_veto);
    tcase_add_test(e, test_unlisted_places_half_conflict);
    tcase_add_test(e, test_apart_when_dates_weeks_apart);
    tcase_add_test(e, test_implied_date);
    tcase_add_test(e, test_label_words);
    tcase_add_test(e, test_strong_pairs_outweigh_weak_conflict);
    tcase_add_test(e, test_summit_not_chained);
    suite_add_tcase(s, e);
    TCase *x = tcase_create("explanations");
    tcase_add_test(x, test_explain_nothing_in_common);
    tcase_add_test(x, test_explain_left_alone);
    tcase_add_test(x, test_every_mention_explained);
    suite_add_tcase(s, x);
    TCase *b = tcase_create("blocking");
    tcase_set_timeout(b, 120);
    tcase_add_test(b, test_blocking_keeps_candidates);
    tcase_add_test(b, test_blocking_keeps_candidates_large_blocks);
    tcase_add_test(b, test_blocking_surname_with_country);
    tcase_add_test(b, test_blocking_acronym);
    tcase_add_test(b, test_blocking_schema_identifying);
    tcase_add_test(b, test_order_breaks_ties_by_content);
    suite_add_tcase(s, b);
    return run_suite(s);
}

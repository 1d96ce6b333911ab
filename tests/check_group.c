/* check_group.c - grouping (lib/reconcile/group.c, pool.c, supersede.c):
 * compatible values pool their support into sides, copies never tip the
 * preferred value, weaker certainty is weaker support, sets agree when
 * every source names every member, free text of unknown attributes is
 * worded differently rather than in conflict, and later reports of one
 * origin supersede its earlier ones (an evolving toll, written here). */
#include "check_helpers.h"

/* A story built through the API: every source has one mention "ev" of the
 * same event (the same date and place, so that resolution joins them). */
typedef struct story {
    claims_store *store;
    size_t claims[16]; /* per source: claims added, for their ids */
} story;

static story story_new(void)
{
    story s;
    memset(&s, 0, sizeof s);
    ck_assert_int_eq(claims_store_new(&s.store, NULL), CLAIMS_OK);
    return s;
}

static size_t source(story *s, const char *id, const char *outlet, const char *published)
{
    claims_source_desc d = {.version = CLAIMS_SOURCE_DESC_VERSION};
    d.id = S(id), d.outlet = S(outlet), d.published = S(published);
    size_t at;
    claims_error err;
    ck_assert_msg(claims_store_add_source(s->store, &at, &d, &err) == CLAIMS_OK, "%s", err.text);
    claims_subject_desc sub = {CLAIMS_SUBJECT_DESC_VERSION, S("ev"), S("event"), S("the quake")};
    ck_assert_int_eq(claims_store_add_subject(s->store, at, &sub, &err), CLAIMS_OK);
    const char *ident[][3] = {{"date", "2024-09-14", "date"}, {"place", "Marrow Valley", "place"}};
    for (size_t i = 0; i < 2; i++) {
        claims_claim_desc c = {.version = CLAIMS_CLAIM_DESC_VERSION};
        char id_[16];
        snprintf(id_, sizeof id_, "id%zu", i);
        c.id = S(id_), c.subject = S("ev"), c.attribute = S(ident[i][0]);
        c.value = S(ident[i][1]), c.value_type = S(ident[i][2]);
        c.quote_offset = c.quote_length = -1;
        ck_assert_int_eq(claims_store_add_claim(s->store, NULL, at, &c, &err), CLAIMS_OK);
    }
    return at;
}

/* A claim of source `at`; `by` (may be NULL) is who the outlet cites. */
static void claim(story *s, size_t at, const char *attr, const char *type, const char *value,
                  const char *by, claims_polarity polarity, claims_certainty certainty)
{
    claims_claim_desc c = {.version = CLAIMS_CLAIM_DESC_VERSION};
    char id[16];
    ck_assert_uint_lt(at, 16);
    snprintf(id, sizeof id, "c%zu", s->claims[at]++);
    c.id = S(id), c.subject = S("ev"), c.attribute = S(attr);
    c.value = S(value), c.value_type = S(type);
    c.quote_offset = c.quote_length = -1;
    claims_str chain[1] = {S(by)};
    if (by)
        c.attribution = chain, c.attribution_count = 1;
    c.polarity = polarity;
    c.certainty = certainty;
    claims_error err;
    ck_assert_msg(claims_store_add_claim(s->store, NULL, at, &c, &err) == CLAIMS_OK, "%s",
                  err.text);
}

#define A CLAIMS_AFFIRMED
#define N CLAIMS_NEGATED
#define CERTAIN CLAIMS_CERTAIN

/* The values of one attribute of the story's one subject, copied. */
typedef struct attr_rows {
    claims_attribute_info attr;
    claims_value_info v[16];
    size_t n;
} attr_rows;

static claims_result *run(const claims_ctx *ctx, story *s)
{
    claims_result *r;
    claims_error err;
    ck_assert_msg(claims_reconcile(&r, ctx, s->store, NULL, &err) == CLAIMS_OK, "%s", err.text);
    /* the story is one event */
    claims_cursor *cur;
    const claims_result_subject_info *row;
    size_t subjects = 0;
    ck_assert_int_eq(claims_result_subjects(&cur, r), CLAIMS_OK);
    while (claims_cursor_next_result_subject(&row, cur) == CLAIMS_OK)
        subjects++;
    claims_cursor_free(cur);
    ck_assert_uint_eq(subjects, 1);
    return r;
}

static attr_rows rows(const claims_result *r, const char *name)
{
    attr_rows out;
    memset(&out, 0, sizeof out);
    claims_cursor *cur;
    const claims_attribute_info *a;
    ck_assert_int_eq(claims_result_attributes(&cur, r, 0), CLAIMS_OK);
    size_t index = SIZE_MAX;
    while (claims_cursor_next_attribute(&a, cur) == CLAIMS_OK)
        if (strcmp(a->attribute, name) == 0)
            out.attr = *a, index = a->index;
    claims_cursor_free(cur);
    ck_assert_msg(index != SIZE_MAX, "no attribute %s", name);
    const claims_value_info *v;
    ck_assert_int_eq(claims_result_values(&cur, r, 0, index), CLAIMS_OK);
    while (claims_cursor_next_value(&v, cur) == CLAIMS_OK && out.n < 16)
        out.v[out.n++] = *v;
    claims_cursor_free(cur);
    return out;
}

static const claims_value_info *value(const attr_rows *a, const char *normalized)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i].normalized, normalized) == 0)
            return &a->v[i];
    ck_abort_msg("no value %s of %s", normalized, a->attr.attribute);
    return NULL;
}

static char *render(const claims_result *r, claims_render_format f)
{
    char *out;
    size_t len;
    claims_error err;
    ck_assert_int_eq(claims_result_render(&out, &len, r, f, &err), CLAIMS_OK);
    return out;
}

/* "about two hours" and two "110-minute" reports form one side against
 * "three hours": the relation says conflicting and their side, pooled, is
 * preferred; without the third side they are compatible. */
START_TEST(test_compatible_values_pool)
{
    for (int third = 0; third < 2; third++) {
        story s = story_new();
        claim(&s, source(&s, "a", "Wire A", "2024-09-14"), "duration", "duration",
              "about two hours", NULL, A, CERTAIN);
        claim(&s, source(&s, "b", "Paper B", "2024-09-14"), "duration", "duration", "110 minutes",
              NULL, A, CERTAIN);
        claim(&s, source(&s, "c", "Radio C", "2024-09-14"), "duration", "duration", "110-minute",
              NULL, A, CERTAIN);
        if (third) {
            claim(&s, source(&s, "d", "Daily D", "2024-09-14"), "duration", "duration",
                  "three hours", NULL, A, CERTAIN);
            claim(&s, source(&s, "e", "Daily E", "2024-09-14"), "duration", "duration", "3 hours",
                  NULL, A, CERTAIN);
        }
        claims_result *r = run(NULL, &s);
        attr_rows d = rows(r, "duration");
        const claims_value_info *two = value(&d, "7200"), *m110 = value(&d, "6600");
        ck_assert_int_eq(two->side, m110->side);
        ck_assert_uint_eq(two->side_origin_count, 3);
        ck_assert(two->preferred && m110->preferred);
        if (third) {
            /* two origins for three hours, three pooled against them */
            const claims_value_info *three = value(&d, "10800");
            ck_assert_int_eq(d.attr.agreement, CLAIMS_CONFLICTING);
            ck_assert_int_ne(three->side, two->side);
            ck_assert(!three->preferred);
            ck_assert_int_eq(two->side, 0); /* the best supported side first */
        } else {
            ck_assert_int_eq(d.attr.agreement, CLAIMS_COMPATIBLE);
        }
        claims_result_free(r);
        claims_store_free(s.store);
    }
}
END_TEST

/* "about 100" is compatible with 92 and with 108, which conflict: it joins
 * one side and does not make them one. */
START_TEST(test_no_bridge)
{
    story s = story_new();
    claim(&s, source(&s, "a", "A", "2024-09-14"), "deaths", "number", "about 100", NULL, A,
          CERTAIN);
    claim(&s, source(&s, "b", "B", "2024-09-14"), "deaths", "number", "92", NULL, A, CERTAIN);
    claim(&s, source(&s, "c", "C", "2024-09-14"), "deaths", "number", "108", NULL, A, CERTAIN);
    claims_result *r = run(NULL, &s);
    attr_rows d = rows(r, "deaths");
    ck_assert_int_eq(d.attr.agreement, CLAIMS_CONFLICTING);
    ck_assert_int_ne(value(&d, "92")->side, value(&d, "108")->side);
    size_t about = value(&d, "100")->side;
    ck_assert(about == value(&d, "92")->side || about == value(&d, "108")->side);
    claims_result_free(r);
    claims_store_free(s.store);
}
END_TEST

/* Equal values name one thing: what agrees with an acronym's expansion
 * agrees with the acronym ("trade forum" with "ICTF" through
 * "Inter-Continental Trade Forum"); a value compatible with two that
 * conflict still bridges nothing. */
START_TEST(test_equal_values_pool_through_each_other)
{
    story s = story_new();
    size_t a = source(&s, "a", "A", "2024-09-14");
    claim(&s, a, "occasion", "occasion", "Inter-Continental Trade Forum", NULL, A, CERTAIN);
    claim(&s, source(&s, "b", "B", "2024-09-14"), "occasion", "occasion", "ICTF", NULL, A, CERTAIN);
    claim(&s, source(&s, "c", "C", "2024-09-15"), "occasion", "occasion", "trade forum", NULL, A,
          CERTAIN);
    claims_result *r = run(NULL, &s);
    attr_rows d = rows(r, "occasion");
    ck_assert_int_eq(d.attr.agreement, CLAIMS_COMPATIBLE);
    ck_assert_msg(strstr(d.attr.reason, "more specific") != NULL, "reason: %s", d.attr.reason);
    claims_result_free(r);
    claims_store_free(s.store);

    s = story_new();
    claim(&s, source(&s, "a", "A", "2024-09-14"), "occasion", "occasion",
          "Inter-Continental Trade Forum", NULL, A, CERTAIN);
    claim(&s, source(&s, "b", "B", "2024-09-14"), "occasion", "occasion", "Northern Trade Forum",
          NULL, A, CERTAIN);
    claim(&s, source(&s, "c", "C", "2024-09-15"), "occasion", "occasion", "trade forum", NULL, A,
          CERTAIN);
    r = run(NULL, &s);
    d = rows(r, "occasion");
    ck_assert_int_eq(d.attr.agreement, CLAIMS_CONFLICTING);
    claims_result_free(r);
    claims_store_free(s.store);
}
END_TEST

/* Origins tied: the value first given last leads (it was given knowing the
 * other); a later repeat of the earlier value by its own origin does not
 * make that value later. */
START_TEST(test_tie_goes_to_the_later_value)
{
    story s = story_new();
    claim(&s, source(&s, "gov", "Ledger", "2024-09-15T09:00:00Z"), "deaths", "number", "27",
          "Governor Pavel Ruzicka", A, CERTAIN);
    claim(&s, source(&s, "agency", "Wire", "2024-09-15T16:30:00Z"), "deaths", "number", "31",
          "the National Emergency Agency", A, CERTAIN);
    claim(&s, source(&s, "radio", "Radio", "2024-09-15T20:00:00Z"), "deaths", "number", "31",
          "the National Emergency Agency", A, CERTAIN);
    claims_result *r = run(NULL, &s);
    attr_rows d = rows(r, "deaths");
    ck_assert_int_eq(d.attr.agreement, CLAIMS_CONFLICTING);
    ck_assert_uint_eq(value(&d, "31")->origin_count, 1);
    ck_assert(value(&d, "31")->preferred && !value(&d, "27")->preferred);
    claims_result_free(r);
    claims_store_free(s.store);

    /* the governor's 27 repeated later by another outlet is still the
     * earlier value */
    s = story_new();
    claim(&s, source(&s, "gov", "Ledger", "2024-09-15T09:00:00Z"), "deaths", "number", "27",
          "Governor Pavel Ruzicka", A, CERTAIN);
    claim(&s, source(&s, "agency", "Wire", "2024-09-15T16:30:00Z"), "deaths", "number", "31",
          "the National Emergency Agency", A, CERTAIN);
    claim(&s, source(&s, "late", "Weekly", "2024-09-18T08:00:00Z"), "deaths", "number", "27",
          "Governor Pavel Ruzicka", A, CERTAIN);
    r = run(NULL, &s);
    d = rows(r, "deaths");
    ck_assert(value(&d, "31")->preferred && !value(&d, "27")->preferred);
    claims_result_free(r);
    claims_store_free(s.store);
}
END_TEST

/* Two outlets citing one agency are one origin: their 12 does not outweigh
 * another agency's 15 (a reprint adds sources, never support). */
START_TEST(test_copies_do_not_tip)
{
    story s = story_new();
    claim(&s, source(&s, "wire", "Wire", "2024-09-14"), "deaths", "number", "12",
          "the Civil Defence Agency", A, CERTAIN);
    claim(&s, source(&s, "reprint", "Reprint", "2024-09-14"), "deaths", "number", "12",
          "the Civil Defence Agency", A, CERTAIN);
    claim(&s, source(&s, "other", "Other", "2024-09-14"), "deaths", "number", "15",
          "the regional hospital", A, CERTAIN);
    claims_result *r = run(NULL, &s);
    attr_rows d = rows(r, "deaths");
    ck_assert_int_eq(d.attr.agreement, CLAIMS_CONFLICTING);
    ck_assert_uint_eq(value(&d, "12")->source_count, 2);
    ck_assert_uint_eq(value(&d, "12")->origin_count, 1);
    ck_assert(!value(&d, "12")->preferred && !value(&d, "15")->preferred);
    claims_result_free(r);
    claims_store_free(s.store);
}
END_TEST

/* "possible" and "probable" are weaker support, and every format says so. */
START_TEST(test_weaker_support)
{
    story s = story_new();
    claim(&s, source(&s, "a", "A", "2024-09-14"), "deaths", "number", "12", "the agency", A,
          CERTAIN);
    claim(&s, source(&s, "b", "B", "2024-09-14"), "deaths", "number", "15", "the hospital", A,
          CLAIMS_PROBABLE);
    claims_result *r = run(NULL, &s);
    attr_rows d = rows(r, "deaths");
    ck_assert_int_eq(d.attr.agreement, CLAIMS_CONFLICTING);
    ck_assert_int_eq(value(&d, "15")->certainty, CLAIMS_PROBABLE);
    ck_assert_int_eq(value(&d, "12")->certainty, CLAIMS_CERTAIN);
    ck_assert(value(&d, "12")->preferred && !value(&d, "15")->preferred);
    char *text = render(r, CLAIMS_RENDER_TEXT), *json = render(r, CLAIMS_RENDER_JSON),
         *csv = render(r, CLAIMS_RENDER_CSV), *html = render(r, CLAIMS_RENDER_HTML);
    ck_assert_ptr_nonnull(strstr(text, "15 (probable)"));
    ck_assert_ptr_nonnull(strstr(json, "\"certainty\": \"probable\""));
    ck_assert_ptr_nonnull(strstr(csv, ",probable,"));
    ck_assert_ptr_nonnull(strstr(html, "<span class=\"tag weak\">probable</span>"));
    claims_free(text);
    claims_free(json);
    claims_free(csv);
    claims_free(html);
    claims_result_free(r);
    claims_store_free(s.store);
}
END_TEST

/* A set every source names alike is agreed; one disputed member conflicts
 * alone: the others stay preferred. */
START_TEST(test_sets)
{
    story s = story_new();
    size_t a = source(&s, "a", "A", "2024-09-14"), b = source(&s, "b", "B", "2024-09-14");
    claim(&s, a, "participant", "person", "Chancellor Liesel Varga", NULL, A, CERTAIN);
    claim(&s, a, "participant", "person", "President Emile Duvernoy", NULL, A, CERTAIN);
    claim(&s, b, "participant", "person", "Liesel Varga", NULL, A, CERTAIN);
    claim(&s, b, "participant", "person", "Émile Duvernoy", NULL, A, CERTAIN);
    claim(&s, a, "topic", "topic", "the Brask gas pipeline", NULL, A, CERTAIN);
    claim(&s, a, "topic", "topic", "fishing quotas", NULL, A, CERTAIN);
    claim(&s, b, "topic", "topic", "fishing quotas", NULL, A, CERTAIN);
    claim(&s, b, "topic", "topic", "the Brask gas pipeline", NULL, N, CERTAIN);
    claims_result *r = run(NULL, &s);
    attr_rows p = rows(r, "participant");
    ck_assert_int_eq(p.attr.agreement, CLAIMS_AGREED);
    ck_assert_str_eq(p.attr.reason, "all 2 sources name the same 2 members");
    attr_rows t = rows(r, "topic");
    ck_assert_int_eq(t.attr.agreement, CLAIMS_CONFLICTING);
    ck_assert_ptr_nonnull(strstr(t.attr.reason, "1 other member is not disputed"));
    for (size_t i = 0; i < t.n; i++)
        ck_assert_msg(t.v[i].preferred == (strstr(t.v[i].normalized, "fishing") != NULL),
                      "%s preferred %d", t.v[i].normalized, t.v[i].preferred);
    claims_result_free(r);
    claims_store_free(s.store);
}
END_TEST

/* Free text of an attribute the schema does not know is worded differently,
 * not in conflict; the schema can say it is single-valued. */
START_TEST(test_different_wording)
{
    for (int schema = 0; schema < 2; schema++) {
        story s = story_new();
        claim(&s, source(&s, "a", "A", "2024-09-14"), "mood", "text", "Tense", NULL, A, CERTAIN);
        claim(&s, source(&s, "b", "B", "2024-09-14"), "mood", "text", "tense.", NULL, A, CERTAIN);
        claim(&s, source(&s, "c", "C", "2024-09-14"), "mood", "text", "cordial", NULL, A, CERTAIN);
        claims_ctx *ctx = NULL;
        if (schema) {
            const char *json = "{\"attributes\": {\"mood\": {\"type\": \"text\", "
                               "\"cardinality\": \"single\"}}}";
            ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
            ck_assert_int_eq(claims_ctx_load_schema(ctx, json, strlen(json), S("t"), NULL),
                             CLAIMS_OK);
        }
        claims_result *r = run(ctx, &s);
        attr_rows m = rows(r, "mood");
        /* compared after normalization: "Tense" and "tense." are one value */
        ck_assert_uint_eq(value(&m, "tense")->source_count, 2);
        ck_assert_int_eq(m.attr.agreement, schema ? CLAIMS_CONFLICTING : CLAIMS_DIFFERENT_WORDING);
        ck_assert_str_eq(claims_agreement_name(CLAIMS_DIFFERENT_WORDING), "different-wording");
        claims_result_free(r);
        claims_ctx_free(ctx);
        claims_store_free(s.store);
    }
}
END_TEST

/* An evolving toll: the National Emergency Agency gives 12 on the first
 * evening (the wire, and a paper reprinting it the next morning), raises
 * it to 31 the next evening (the wire, and a radio citing the agency); the
 * regional governor says 27 at noon. The agency's 12 is superseded by its
 * own 31, which is current; 31 and 27 still conflict, with their times;
 * the reports say so. */
START_TEST(test_evolving_toll)
{
    story s = story_new();
    const char *nea = "the National Emergency Agency";
    claim(&s, source(&s, "wire-day1", "Wire", "2024-09-14T21:10:00+03:00"), "deaths", "number",
          "12", nea, A, CERTAIN);
    claim(&s, source(&s, "herald", "Herald", "2024-09-15T07:00:00+03:00"), "deaths", "number",
          "twelve", nea, A, CERTAIN);
    claim(&s, source(&s, "ledger", "Ledger", "2024-09-15T12:00:00+03:00"), "deaths", "number",
          "Twenty-seven", "Governor Pavel Ruzicka", A, CERTAIN);
    claim(&s, source(&s, "wire-day2", "Wire", "2024-09-15T19:30:00+03:00"), "deaths", "number",
          "31", nea, A, CERTAIN);
    claim(&s, source(&s, "radio", "Radio", "2024-09-15T22:00:00+02:00"), "deaths", "number", "31",
          nea, A, CERTAIN);
    claims_result *r = run(NULL, &s);
    attr_rows d = rows(r, "deaths");
    const claims_value_info *v12 = value(&d, "12"), *v27 = value(&d, "27"), *v31 = value(&d, "31");
    ck_assert(v12->superseded && !v12->current && !v12->preferred);
    ck_assert(v31->current && !v31->superseded);
    ck_assert(!v27->superseded && !v27->current);
    ck_assert_str_eq(v12->published_first, "2024-09-14T21:10:00+03:00");
    ck_assert_str_eq(v12->published_last, "2024-09-15T07:00:00+03:00");
    ck_assert_str_eq(v31->published_last, "2024-09-15T22:00:00+02:00");
    /* different origins at different times still conflict, with times */
    ck_assert_int_eq(d.attr.agreement, CLAIMS_CONFLICTING);
    ck_assert_ptr_nonnull(strstr(d.attr.reason, "ledger at 2024-09-15T12:00:00+03:00"));
    ck_assert_ptr_nonnull(strstr(d.attr.reason, "National Emergency Agency revised 12 "
                                                "(2024-09-15T07:00:00+03:00) to 31"));
    ck_assert_int_eq(d.v[d.n - 1].superseded, 1); /* superseded values come last */
    char *text = render(r, CLAIMS_RENDER_TEXT), *html = render(r, CLAIMS_RENDER_HTML),
         *json = render(r, CLAIMS_RENDER_JSON), *csv = render(r, CLAIMS_RENDER_CSV);
    ck_assert_msg(strstr(text, "superseded @ 2024-09-14T21:10:00+03:00 .. 2024-09-15T07:00") !=
                      NULL,
                  "%s", text);
    ck_assert_ptr_nonnull(strstr(text, "31 current @ 2024-09-15T19:30:00+03:00"));
    ck_assert_ptr_nonnull(strstr(html, "<span class=\"tag\">superseded</span>"));
    ck_assert_ptr_nonnull(strstr(html, "<time datetime=\"2024-09-15T12:00:00+03:00\">"));
    ck_assert_ptr_nonnull(strstr(json, "\"superseded\": true"));
    ck_assert_ptr_nonnull(strstr(json, "\"published_last\": \"2024-09-15T22:00:00+02:00\""));
    ck_assert_ptr_nonnull(strstr(csv, ",superseded,"));
    claims_free(text);
    claims_free(html);
    claims_free(json);
    claims_free(csv);
    claims_result_free(r);

    /* the same agency at the same time with two values revises nothing;
     * a later report of the same value from another origin neither */
    story t = story_new();
    claim(&t, source(&t, "x", "X", "2024-09-15T10:00:00+03:00"), "deaths", "number", "12", nea, A,
          CERTAIN);
    claim(&t, source(&t, "y", "Y", "2024-09-15T10:00:00+03:00"), "deaths", "number", "31", nea, A,
          CERTAIN);
    claim(&t, source(&t, "z", "Z", "2024-09-16T10:00:00+03:00"), "deaths", "number", "40",
          "the governor", A, CERTAIN);
    r = run(NULL, &t);
    d = rows(r, "deaths");
    for (size_t i = 0; i < d.n; i++)
        ck_assert(!d.v[i].superseded && !d.v[i].current);
    ck_assert_int_eq(d.attr.agreement, CLAIMS_CONFLICTING);
    claims_result_free(r);
    claims_store_free(t.store);
    claims_store_free(s.store);
}
END_TEST

/* Results depend on content only: the same story added in another order
 * renders the same bytes. */
START_TEST(test_order_independent)
{
    char *out[2];
    for (int pass = 0; pass < 2; pass++) {
        story s = story_new();
        const char *ids[] = {"a", "b", "c", "d"};
        const char *vals[] = {"about 100", "92", "108", "nearly 110"};
        const char *when[] = {"2024-09-14T10:00:00Z", "2024-09-14T11:00:00Z",
                              "2024-09-15T10:00:00Z", "2024-09-15T11:00:00Z"};
        for (int k = 0; k < 4; k++) {
            int i = pass ? 3 - k : k;
            claim(&s, source(&s, ids[i], ids[i], when[i]), "deaths", "number", vals[i],
                  i % 2 ? "the agency" : NULL, A, i == 2 ? CLAIMS_POSSIBLE : CERTAIN);
        }
        claims_result *r = run(NULL, &s);
        out[pass] = render(r, CLAIMS_RENDER_JSON);
        claims_result_free(r);
        claims_store_free(s.store);
    }
    /* sources are listed in load order: compare from the events on */
    const char *e0 = strstr(out[0], "\"events\""), *e1 = strstr(out[1], "\"events\"");
    size_t at = 0;
    while (e0[at] && e0[at] == e1[at])
        at++;
    ck_assert_msg(!e0[at] && !e1[at], "differ at %zu: %.200s | %.200s", at, e0 + at, e1 + at);
    claims_free(out[0]);
    claims_free(out[1]);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("group");
    TCase *tc = tcase_create("group");
    tcase_add_test(tc, test_compatible_values_pool);
    tcase_add_test(tc, test_no_bridge);
    tcase_add_test(tc, test_copies_do_not_tip);
    tcase_add_test(tc, test_tie_goes_to_the_later_value);
    tcase_add_test(tc, test_equal_values_pool_through_each_other);
    tcase_add_test(tc, test_weaker_support);
    tcase_add_test(tc, test_sets);
    tcase_add_test(tc, test_different_wording);
    tcase_add_test(tc, test_evolving_toll);
    tcase_add_test(tc, test_order_independent);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return run_suite(suite()); }

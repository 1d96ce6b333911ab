/* check_gazetteer.c - places related through the gazetteer (gazetteer.c,
 * places.c), GeoNames dumps loaded into a context (gazetteer_load.c), and
 * containment learned from the place values of a run. The fixtures under
 * tests/data/gazetteer (CLAIMS_GAZETTEER_FIXTURES) are our own, in GeoNames'
 * formats. */
#include "check_names.h"

#include <time.h>

#define PL CLAIMS_TYPE_PLACE
#define EQ CLAIMS_RELATION_EQUAL
#define COMPAT CLAIMS_RELATION_COMPATIBLE
#define CONFLICT CLAIMS_RELATION_CONFLICTING

/* ---- the built-in gazetteer ---------------------------------------------------------- */

START_TEST(test_cities_in_countries)
{
    ck_relation(NULL, PL, "Lima", "Peru", COMPAT);
    ck_reason(NULL, PL, "Lima", "Peru", "peru contains lima (gazetteer)");
    ck_reason(NULL, PL, "Peru", "Lima", "peru contains lima (gazetteer)");
    ck_relation(NULL, PL, "Lima", "Chile", CONFLICT);
    ck_reason(NULL, PL, "Lima", "Chile", "different places: lima vs chile");
    ck_relation(NULL, PL, "Hangzhou", "China", COMPAT);
    ck_relation(NULL, PL, "Antalya", "Turkey", COMPAT);
    ck_relation(NULL, PL, "Antalya", "China", CONFLICT);
    ck_relation(NULL, PL, "Moscow", "Russia", COMPAT);
    ck_relation(NULL, PL, "Lima, Peru", "Peru", COMPAT);
    /* a country is not one of the cities named after it: not Peru, Indiana */
    ck_relation(NULL, PL, "Peru", "United States", CONFLICT);
    ck_relation(NULL, PL, "Peru, Indiana", "United States", COMPAT);
    claims_comparison c = compare_texts(NULL, PL, "Lima", "Peru");
    ck_assert_double_eq_tol(c.score, 0.5, 1e-12);
}
END_TEST

START_TEST(test_subdivisions)
{
    ck_relation(NULL, PL, "Hangzhou", "Zhejiang", COMPAT);
    ck_reason(NULL, PL, "Hangzhou", "Zhejiang", "zhejiang contains hangzhou (gazetteer)");
    ck_relation(NULL, PL, "Zhejiang", "China", COMPAT);
    ck_relation(NULL, PL, "Hangzhou, Zhejiang", "China", COMPAT);
    ck_relation(NULL, PL, "Springfield", "Illinois", COMPAT);
    ck_relation(NULL, PL, "Texas", "United States", COMPAT);
    ck_relation(NULL, PL, "Texas", "Mexico", CONFLICT);
    /* ISO 3166-2 names and codes of a subdivision */
    ck_relation(NULL, PL, "Hangzhou", "Zhejiang Sheng", COMPAT);
    ck_relation(NULL, PL, "Austin", "US-TX", COMPAT);
    /* one city, named through two of its containers */
    ck_relation(NULL, PL, "Hangzhou, Zhejiang", "Hangzhou, China", EQ);
    ck_reason(NULL, PL, "Hangzhou, Zhejiang", "Hangzhou, China",
              "hangzhou, zhejiang and hangzhou, china name the same place (gazetteer)");
}
END_TEST

START_TEST(test_country_names_and_codes)
{
    ck_norm(NULL, PL, "USA", "united states");
    ck_norm(NULL, PL, "U.S.", "united states");
    ck_norm(NULL, PL, "Türkiye", "turkey");
    ck_norm(NULL, PL, "Viet Nam", "vietnam");
    ck_norm(NULL, PL, "Republic of Korea", "south korea");
    ck_norm(NULL, PL, "Hangzhou, People's Republic of China", "hangzhou, china");
    ck_norm(NULL, PL, "Abidjan, Côte d'Ivoire", "abidjan, cote d'ivoire");
    ck_relation(NULL, PL, "United States", "USA", EQ);
    ck_relation(NULL, PL, "U.S.", "United States of America", EQ);
    ck_relation(NULL, PL, "Ivory Coast", "Côte d'Ivoire", EQ);
    ck_relation(NULL, PL, "Russian Federation", "Russia", EQ);
    ck_relation(NULL, PL, "Germany", "DEU", EQ);
    /* two-letter codes stay as written ("CA" is also California) but name
     * the country for the comparison */
    ck_norm(NULL, PL, "DE", "de");
    ck_relation(NULL, PL, "DE", "Germany", EQ);
    ck_reason(NULL, PL, "DE", "Germany", "de and germany name the same place (gazetteer)");
    ck_relation(NULL, PL, "Los Angeles, CA", "California", COMPAT);
}
END_TEST

START_TEST(test_ambiguous_names)
{
    /* listed in several countries: not asserted to be in one of them, and
     * in any of them it is compatible */
    ck_relation(NULL, PL, "Paris", "France", COMPAT);
    ck_relation(NULL, PL, "Paris", "Texas", COMPAT);
    ck_relation(NULL, PL, "Paris", "United States", COMPAT);
    ck_relation(NULL, PL, "Paris", "Chile", CONFLICT);
    /* the parts after the name say which one */
    ck_relation(NULL, PL, "Paris, France", "Texas", CONFLICT);
    ck_relation(NULL, PL, "Paris, Texas", "France", CONFLICT);
    ck_relation(NULL, PL, "Paris, Texas", "United States", COMPAT);
    ck_relation(NULL, PL, "Paris, France", "Paris, Texas", CONFLICT);
    /* two readings of one name are not one place */
    ck_relation(NULL, PL, "Paris, France", "Paris", COMPAT);
    ck_reason(NULL, PL, "Paris", "Paris, France", "paris, france specifies paris");
}
END_TEST

/* Lookups are a binary search: many comparisons stay fast. */
START_TEST(test_lookup_speed)
{
    claims_value *a, *b;
    ck_assert_int_eq(claims_value_new(&a), CLAIMS_OK);
    ck_assert_int_eq(claims_value_new(&b), CLAIMS_OK);
    ck_assert_int_eq(claims_value_parse(a, NULL, PL, "Santa Cruz", 10, NULL, NULL), CLAIMS_OK);
    ck_assert_int_eq(claims_value_parse(b, NULL, PL, "Bolivia", 7, NULL, NULL), CLAIMS_OK);
    clock_t t0 = clock();
    int compatible = 0;
    for (int i = 0; i < 20000; i++) {
        claims_comparison c = CLAIMS_COMPARISON_INIT;
        ck_assert_int_eq(claims_value_compare(&c, NULL, a, b), CLAIMS_OK);
        compatible += c.relation == COMPAT;
    }
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_int_eq(compatible, 20000);
    /* a linear scan of the table per comparison would take minutes */
    ck_assert_msg(s < 10.0, "20000 comparisons took %.2f s", s);
    const claims__gazetteer *g = claims__ctx_gazetteer(NULL);
    ck_assert_uint_gt(g->place_count, 100000);
    uint32_t first;
    ck_assert_uint_ge(claims__gaz_find(g, "santa cruz", 10, &first), 10);
    ck_assert_uint_eq(claims__gaz_find(g, "no such place anywhere", 22, &first), 0);
    claims_value_free(a);
    claims_value_free(b);
}
END_TEST

/* ---- a context's own gazetteer --------------------------------------------------------- */

static void fixture(char *out, size_t n, const char *name)
{
    const char *dir = getenv("CLAIMS_TEST_DATA");
    ck_assert_ptr_nonnull(dir);
    snprintf(out, n, "%s/gazetteer/%s", dir, name);
}

static int load(claims_ctx *ctx, const char *name, unsigned flags, claims_error *err)
{
    char path[1024];
    fixture(path, sizeof path, name);
    return claims_ctx_load_gazetteer(ctx, path, strlen(path), flags, err);
}

START_TEST(test_clear)
{
    claims_ctx *ctx;
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
    ck_relation(ctx, PL, "Lima", "Peru", COMPAT);
    ck_assert_int_eq(claims_ctx_clear_gazetteer(ctx), CLAIMS_OK);
    ck_relation(ctx, PL, "Lima", "Peru", CONFLICT);
    ck_relation(ctx, PL, "Lima, Peru", "Peru", COMPAT); /* as written */
    ck_norm(ctx, PL, "USA", "united states");           /* the built-in aliases */
    ck_norm(ctx, PL, "Viet Nam", "viet nam");
    ck_assert_int_eq(claims_ctx_clear_gazetteer(NULL), CLAIMS_EINVAL);
    claims_ctx_free(ctx);
}
END_TEST

START_TEST(test_load_dump)
{
    claims_ctx *ctx;
    claims_error err;
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
    ck_relation(ctx, PL, "Vellmar Cove", "Peru", CONFLICT); /* not a city of the built-in */
    int rc = load(ctx, "cities-small.txt", 0, &err);
    ck_assert_msg(rc == CLAIMS_OK, "%s", err.text);
    /* the dump's cities replace the built-in's; countries stay */
    ck_relation(ctx, PL, "Vellmar Cove", "Peru", COMPAT);
    ck_relation(ctx, PL, "Vellmar Cove", "Lima Region", COMPAT);
    ck_relation(ctx, PL, "Lima", "Peru", COMPAT);
    ck_relation(ctx, PL, "Ciudad de los Reyes", "Peru", COMPAT); /* an alternate name */
    ck_relation(ctx, PL, "Hangzhou", "China", CONFLICT);         /* not in the dump */
    ck_relation(ctx, PL, "USA", "United States", EQ);
    ck_relation(ctx, PL, "Paris", "France", COMPAT);
    ck_relation(ctx, PL, "Paris", "United States", COMPAT);
    /* without the admin1 names Texas is unknown; with them, Paris is in it,
     * whichever file came first */
    ck_relation(ctx, PL, "Paris", "Texas", CONFLICT);
    rc = load(ctx, "admin1-small.txt", CLAIMS_GAZETTEER_ADMIN1, &err);
    ck_assert_msg(rc == CLAIMS_OK, "%s", err.text);
    ck_relation(ctx, PL, "Paris", "Texas", COMPAT);
    ck_relation(ctx, PL, "Paris", "Ile-de-France", COMPAT);
    ck_relation(ctx, PL, "Paris, Texas", "France", CONFLICT);
    /* rivers and other features are not places here */
    ck_relation(ctx, PL, "Seine", "France", CONFLICT);
    claims_ctx_free(ctx);
}
END_TEST

/* A bad file: the error names the file, line and column, and the gazetteer
 * is left as it was. */
START_TEST(test_load_errors)
{
    claims_ctx *ctx;
    claims_error err;
    char path[1024];
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);

    ck_assert_int_eq(load(ctx, "bad-columns.txt", 0, &err), CLAIMS_ESYNTAX);
    ck_assert_int_eq(err.code, CLAIMS_ESYNTAX);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 55); /* the end of the short line */
    ck_assert_str_eq(err.text, "11 tab-separated columns, expected 19 (GeoNames dump)");
    fixture(path, sizeof path, "bad-columns.txt");
    ck_assert_ptr_nonnull(strstr(path, err.source));
    ck_relation(ctx, PL, "Hangzhou", "China", COMPAT); /* still the built-in */

    ck_assert_int_eq(load(ctx, "bad-country.txt", 0, &err), CLAIMS_ESYNTAX);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 47); /* in characters: "Líma" is five bytes */
    ck_assert_str_eq(err.text, "the country code is not two capital letters");

    ck_assert_int_eq(load(ctx, "bad-admin1.txt", CLAIMS_GAZETTEER_ADMIN1, &err), CLAIMS_ESYNTAX);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 1);

    /* an admin1 file read as a dump has too few columns on its first line */
    ck_assert_int_eq(load(ctx, "admin1-small.txt", 0, &err), CLAIMS_ESYNTAX);
    ck_assert_int_eq(err.line, 1);

    ck_assert_int_eq(load(ctx, "no-such-file.txt", 0, &err), CLAIMS_EIO);
    ck_assert_int_eq(load(ctx, "cities-small.txt", 0x80, &err), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_ctx_load_gazetteer(NULL, "x", 1, 0, &err), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_ctx_load_gazetteer(ctx, "x\0y", 3, 0, &err), CLAIMS_EINVAL);

    /* a failed load after a good one keeps the good one */
    ck_assert_int_eq(load(ctx, "cities-small.txt", 0, &err), CLAIMS_OK);
    ck_assert_int_eq(load(ctx, "bad-country.txt", 0, &err), CLAIMS_ESYNTAX);
    ck_relation(ctx, PL, "Vellmar Cove", "Peru", COMPAT);
    ck_relation(ctx, PL, "Hangzhou", "China", CONFLICT);
    claims_ctx_free(ctx);
}
END_TEST

/* ---- containment learned from the documents -------------------------------------------- */

/* A view of ctx that knows what the place values texts[0..n) teach, as
 * the reconcile stages get; *learned and the view are the caller's. */
static claims_ctx *taught(const claims_ctx *ctx, const char *const *texts, size_t n,
                          struct claims__places **learned)
{
    claims_value *v[16];
    ck_assert_uint_le(n, 16);
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_eq(claims_value_new(&v[i]), CLAIMS_OK);
        ck_assert_int_eq(claims_value_parse(v[i], ctx, PL, texts[i], strlen(texts[i]), NULL, NULL),
                         CLAIMS_OK);
    }
    ck_assert_int_eq(claims__places_learn(learned, ctx, v, n), CLAIMS_OK);
    for (size_t i = 0; i < n; i++)
        claims_value_free(v[i]);
    claims_ctx *view;
    ck_assert_int_eq(claims__ctx_view_new(&view, ctx, *learned), CLAIMS_OK);
    return view;
}

START_TEST(test_learned)
{
    claims_ctx *ctx;
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
    ck_relation(ctx, PL, "Kessel Bay", "Ardenia", CONFLICT); /* nobody said so yet */
    static const char *const texts[] = {
        "Kessel Bay, Ardenia",
        "Marrow Valley, Teskar province",
        "Teskar province, Ostravia",
        "Dunmere, Northmark",
        "Lima, Chile", /* contradicts the gazetteer: not learned */
        "Vell Harbour, Texas",
    };
    struct claims__places *learned;
    claims_ctx *view = taught(ctx, texts, sizeof texts / sizeof texts[0], &learned);
    ck_relation(view, PL, "Kessel Bay", "Ardenia", COMPAT);
    ck_reason(view, PL, "Kessel Bay", "Ardenia",
              "ardenia contains kessel bay (learned from the documents)");
    ck_relation(view, PL, "Kessel Bay, Ardenia", "Ardenia", COMPAT);
    /* transitive */
    ck_relation(view, PL, "Marrow Valley", "Ostravia", COMPAT);
    ck_relation(view, PL, "Marrow Valley, Teskar province", "Ostravia", COMPAT);
    ck_relation(view, PL, "Dunmere", "Northmark", COMPAT);
    /* joined with the gazetteer: Texas lies in the United States */
    ck_relation(view, PL, "Vell Harbour", "United States", COMPAT);
    ck_relation(view, PL, "Vell Harbour", "Mexico", CONFLICT);
    /* never one place, and never against the gazetteer */
    ck_relation(view, PL, "Kessel Bay", "Marrow Valley", CONFLICT);
    ck_relation(view, PL, "Ardenia", "Ostravia", CONFLICT);
    ck_relation(view, PL, "Lima", "Chile", CONFLICT);
    ck_relation(view, PL, "Lima, Peru", "Lima, Chile", CONFLICT);
    /* the context the user made is untouched */
    ck_relation(ctx, PL, "Kessel Bay", "Ardenia", CONFLICT);
    claims__ctx_view_free(view);
    claims__places_free(learned);

    /* two containers of one place overlap: an event there is in both;
     * without a shared place they stay apart */
    static const char *const levels[] = {"Corvel, Taloria", "Corvel, Lissande province",
                                         "Brask, Lissande province", "Ostmark, Velda"};
    view = taught(ctx, levels, sizeof levels / sizeof levels[0], &learned);
    ck_relation(view, PL, "Taloria", "Lissande province", COMPAT);
    ck_reason(view, PL, "Taloria", "Lissande province",
              "lissande province and taloria both contain corvel (learned from the documents)");
    ck_reason(view, PL, "Lissande province", "Taloria",
              "lissande province and taloria both contain corvel (learned from the documents)");
    ck_relation(view, PL, "Velda", "Lissande province", CONFLICT);
    ck_relation(view, PL, "Velda", "Taloria", CONFLICT);
    ck_relation(view, PL, "Brask", "Taloria", CONFLICT); /* nobody put Brask in Taloria */
    claims__ctx_view_free(view);
    claims__places_free(learned);

    /* a cycle of lessons makes neither place the other */
    static const char *const cycle[] = {"Aldmoor, Brenn", "Brenn, Aldmoor"};
    view = taught(ctx, cycle, 2, &learned);
    claims_comparison c = compare_texts(view, PL, "Aldmoor", "Brenn");
    ck_assert_int_eq(c.relation, COMPAT);
    claims__ctx_view_free(view);
    claims__places_free(learned);

    /* without a gazetteer lessons still hold */
    ck_assert_int_eq(claims_ctx_clear_gazetteer(ctx), CLAIMS_OK);
    static const char *const one[] = {"Kessel Bay, Ardenia"};
    view = taught(ctx, one, 1, &learned);
    ck_relation(view, PL, "Kessel Bay", "Ardenia", COMPAT);
    claims__ctx_view_free(view);
    claims__places_free(learned);
    claims_ctx_free(ctx);
}
END_TEST

/* The lessons do not depend on the order of the values. */
START_TEST(test_learned_order)
{
    static const char *const a[] = {"Kessel Bay, Northmark", "Northmark, Ardenia", "Ardenia"};
    static const char *const b[] = {"Ardenia", "Northmark, Ardenia", "Kessel Bay, Northmark"};
    struct claims__places *la, *lb;
    claims_ctx *ctx;
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
    claims_ctx *va = taught(ctx, a, 3, &la), *vb = taught(ctx, b, 3, &lb);
    claims_comparison ca = compare_texts(va, PL, "Kessel Bay", "Ardenia");
    claims_comparison cb = compare_texts(vb, PL, "Kessel Bay", "Ardenia");
    ck_assert_int_eq(ca.relation, COMPAT);
    ck_assert_int_eq(cb.relation, COMPAT);
    ck_assert_str_eq(ca.reason, cb.reason);
    claims__ctx_view_free(va);
    claims__ctx_view_free(vb);
    claims__places_free(la);
    claims__places_free(lb);
    claims_ctx_free(ctx);
}
END_TEST

/* Reconciling: a source that writes "Kessel Bay, Ardenia" teaches the run.
 * Three reports of one storm (same date, same two officials) name its place
 * at two levels: it is one event, and its place is compatible, not
 * conflicting. */
START_TEST(test_learned_in_a_run)
{
    static const char doc[] =
        "{\"format\": \"claims/1\", \"source\": {\"id\": \"s%d\", \"outlet\": \"Outlet %d\","
        " \"published\": \"2030-05-02\"},"
        " \"subjects\": [{\"id\": \"storm\", \"type\": \"event\", \"label\": \"Storm\"}],"
        " \"claims\": ["
        "{\"subject\": \"storm\", \"attribute\": \"participant\", \"value\": \"Mira Olsen\"},"
        "{\"subject\": \"storm\", \"attribute\": \"participant\", \"value\": \"Tomas Vey\"},"
        "{\"subject\": \"storm\", \"attribute\": \"date\", \"value\": \"May 1, 2030\"},"
        "{\"subject\": \"storm\", \"attribute\": \"place\", \"value\": \"%s\"}]}";
    static const char *const places[] = {"Kessel Bay", "Kessel Bay, Ardenia", "Ardenia"};
    claims_store *st;
    claims_error err;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    for (int i = 0; i < 3; i++) {
        char json[2048];
        int n = snprintf(json, sizeof json, doc, i, i, places[i]);
        int rc = claims_store_load_buffer(st, json, (size_t)n, S("doc"), NULL, NULL, &err);
        ck_assert_msg(rc == CLAIMS_OK, "%s", err.text);
    }
    claims_result *r;
    ck_assert_int_eq(claims_reconcile(&r, NULL, st, NULL, &err), CLAIMS_OK);
    claims_cursor *subjects, *attrs;
    const claims_result_subject_info *s;
    const claims_attribute_info *a;
    size_t events = 0, places_seen = 0;
    ck_assert_int_eq(claims_result_subjects(&subjects, r), CLAIMS_OK);
    while (claims_cursor_next_result_subject(&s, subjects) == CLAIMS_OK) {
        if (strcmp(s->type, "event") != 0)
            continue;
        events++;
        ck_assert_uint_eq(s->source_count, 3);
        ck_assert_int_eq(claims_result_attributes(&attrs, r, s->index), CLAIMS_OK);
        while (claims_cursor_next_attribute(&a, attrs) == CLAIMS_OK)
            if (strcmp(a->attribute, "place") == 0) {
                places_seen++;
                ck_assert_msg(a->agreement == CLAIMS_COMPATIBLE, "place: %s (%s)",
                              claims_agreement_name(a->agreement), a->reason);
            }
        claims_cursor_free(attrs);
    }
    claims_cursor_free(subjects);
    ck_assert_uint_eq(events, 1);
    ck_assert_uint_eq(places_seen, 1);
    claims_result_free(r);
    claims_store_free(st);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("gazetteer");
    TCase *tc = tcase_create("gazetteer");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_cities_in_countries);
    tcase_add_test(tc, test_subdivisions);
    tcase_add_test(tc, test_country_names_and_codes);
    tcase_add_test(tc, test_ambiguous_names);
    tcase_add_test(tc, test_lookup_speed);
    tcase_add_test(tc, test_clear);
    tcase_add_test(tc, test_load_dump);
    tcase_add_test(tc, test_load_errors);
    tcase_add_test(tc, test_learned);
    tcase_add_test(tc, test_learned_order);
    tcase_add_test(tc, test_learned_in_a_run);
    suite_add_tcase(s, tc);
    return run_suite(s);
}

/* check_entity.c - places, organizations, topics, occasions and text
 * (entity.c). */
#include "check_names.h"

#include <stdlib.h>

#define TXT CLAIMS_TYPE_TEXT
#define PL CLAIMS_TYPE_PLACE
#define ORG CLAIMS_TYPE_ORGANIZATION
#define TOP CLAIMS_TYPE_TOPIC
#define OCC CLAIMS_TYPE_OCCASION
#define EQ CLAIMS_RELATION_EQUAL
#define COMPAT CLAIMS_RELATION_COMPATIBLE
#define CONFLICT CLAIMS_RELATION_CONFLICTING

START_TEST(test_seed_cases)
{
    ck_relation(NULL, TOP, "Minsk deal", "Minsk agreements", EQ);
    ck_reason(NULL, TOP, "Minsk deal", "Minsk agreements",
              "minsk deal and minsk agreements both read as minsk agreement");
    ck_reason(NULL, ORG, "White House", "white house", "same name: white house");
    ck_relation(NULL, PL, "Lima, Peru", "Peru", COMPAT);
    ck_reason(NULL, PL, "Lima, Peru", "Peru", "peru contains lima, peru");
    ck_relation(NULL, PL, "Lima", "Lima, Peru", COMPAT);
    ck_relation(NULL, PL, "Lima, Peru", "Antalya, Turkey", CONFLICT);
    ck_relation(NULL, ORG, "APEC", "Asia-Pacific Economic Cooperation", EQ);
    ck_reason(NULL, ORG, "APEC", "Asia-Pacific Economic Cooperation",
              "apec is the acronym of asia-pacific economic cooperation");
    ck_relation(NULL, OCC, "APEC summit", "Asia-Pacific Economic Cooperation summit", EQ);
    ck_relation(NULL, ORG, "the White House", "White House", EQ);
}
END_TEST

START_TEST(test_places)
{
    ck_norm(NULL, PL, "Lima , Peru", "lima, peru");
    ck_norm(NULL, PL, "The Hague, the Netherlands", "hague, netherlands");
    ck_norm(NULL, PL, "New York, U.S.", "new york, united states");
    ck_norm(NULL, PL, "Holland", "netherlands");
    ck_relation(NULL, PL, "New York, USA", "New York, United States", EQ);
    ck_relation(NULL, PL, "Miraflores, Lima, Peru", "Lima", COMPAT);
    ck_reason(NULL, PL, "Miraflores, Lima, Peru", "Lima", "lima contains miraflores, lima, peru");
    ck_reason(NULL, PL, "Lima", "Lima, Peru", "lima, peru specifies lima");
    ck_relation(NULL, PL, "Lima, Peru", "Lima, Ohio", CONFLICT);
    /* the built-in gazetteer knows that Peru contains Lima (check_gazetteer.c) */
    ck_relation(NULL, PL, "Lima", "Peru", COMPAT);
    ck_relation(NULL, PL, "London, UK", "London, United Kingdom", EQ);
    ck_relation(NULL, PL, "Istanbul", "İstanbul", EQ);
    claims_comparison c = compare_texts(NULL, PL, "Lima, Peru", "Peru");
    ck_assert_double_eq_tol(c.score, 0.5, 1e-12);
}
END_TEST

START_TEST(test_organizations)
{
    ck_norm(NULL, ORG, "U.S.", "united states");
    ck_relation(NULL, ORG, "U.S.", "US", EQ);
    ck_relation(NULL, ORG, "US", "United States", EQ);
    ck_relation(NULL, ORG, "United States of America", "USA", EQ);
    ck_relation(NULL, ORG, "OPEC", "Organization of the Petroleum Exporting Countries", EQ);
    ck_relation(NULL, ORG, "NATO", "North Atlantic Treaty Organization", EQ);
    ck_relation(NULL, ORG, "DoD", "Department of Defense", EQ);
    ck_relation(NULL, ORG, "U.N.", "United Nations", EQ);
    ck_relation(NULL, ORG, "Apple Inc.", "Apple", EQ);
    ck_relation(NULL, ORG, "Procter & Gamble", "Procter and Gamble", EQ);
    ck_relation(NULL, ORG, "White House press office", "White House", COMPAT);
    ck_relation(NULL, ORG, "Bank of America", "America", CONFLICT);
    /* a club or company by its last words after a qualifier */
    ck_relation(NULL, ORG, "Brannock Rovers", "Rovers", COMPAT);
    ck_relation(NULL, ORG, "Athletic", "Ellesby Athletic", COMPAT);
    ck_relation(NULL, ORG, "Brannock Rovers", "Ellesby Rovers", CONFLICT);
    ck_relation(NULL, ORG, "Bank of England", "England", CONFLICT);
    ck_relation(NULL, ORG, "Friends of the Earth", "Earth", CONFLICT);
    ck_relation(NULL, ORG, "APEC", "Asia Economic Cooperation", CONFLICT);
    ck_relation(NULL, ORG, "IMF", "World Bank", CONFLICT);
    ck_relation(NULL, ORG, "Kremlin", "White House", CONFLICT);
}
END_TEST

START_TEST(test_acronym_asides)
{
    ck_norm(NULL, OCC, "Asia-Pacific Economic Cooperation (APEC)",
            "asia-pacific economic cooperation");
    ck_relation(NULL, ORG, "Asia-Pacific Economic Cooperation (APEC)", "APEC", EQ);
    ck_relation(NULL, OCC, "Asia-Pacific Economic Cooperation (APEC)", "APEC summit", COMPAT);
    ck_reason(NULL, OCC, "APEC summit", "Asia-Pacific Economic Cooperation",
              "apec summit is more specific than asia-pacific economic "
              "cooperation (acronym)");
    ck_relation(NULL, TOP, "APEC", "Asia-Pacific Economic Cooperation summit", COMPAT);
    ck_norm(NULL, TXT, "aimed against Islamic State (IS) jihadists",
            "aimed against islamic state jihadists");
    /* an aside that is not the acronym of what precedes it stays */
    ck_norm(NULL, ORG, "Kremlin (Moscow)", "kremlin moscow");
    ck_norm(NULL, ORG, "World Bank (IMF)", "world bank imf");
    ck_norm(NULL, ORG, "(UN)", "un");
    ck_norm(NULL, PL, "Lima (Peru", "lima peru");
}
END_TEST

START_TEST(test_group_numbers)
{
    static const char *const g20[] = {"G20",     "G-20", "G 20", "Group of 20", "Group of Twenty",
                                      "the G-20"};
    for (size_t i = 0; i < sizeof g20 / sizeof g20[0]; i++) {
        ck_norm(NULL, ORG, g20[i], "g20");
        for (size_t j = 0; j < sizeof g20 / sizeof g20[0]; j++)
            ck_relation(NULL, ORG, g20[i], g20[j], EQ);
    }
    ck_norm(NULL, ORG, "Group of Seventy-Seven", "g77");
    ck_norm(NULL, ORG, "Group of seventy seven", "g77");
    ck_norm(NULL, ORG, "Group of Eight", "g8");
    ck_relation(NULL, ORG, "G7", "G20", CONFLICT);
    ck_norm(NULL, ORG, "Group of Friends of Syria", "group of friends of syria");
    ck_relation(NULL, OCC, "G-20 summit", "Group of Twenty summit", EQ);
    ck_norm(NULL, OCC, "G-20 Summit", "g20 summit");
}
END_TEST

START_TEST(test_topics)
{
    ck_norm(NULL, TOP, "Minsk deal", "minsk agreement");
    ck_norm(NULL, TOP, "Minsk agreements", "minsk agreement");
    ck_relation(NULL, TOP, "Iran nuclear deal", "Iran nuclear accord", EQ);
    ck_relation(NULL, TOP, "Iran nuclear pact", "Iran nuclear treaty", EQ);
    ck_relation(NULL, TOP, "Paris climate talks", "Paris climate negotiations", EQ);
    ck_relation(NULL, TOP, "US elections", "U.S. election", EQ);
    ck_relation(NULL, TOP, "energy policies", "energy policy", EQ);
    ck_relation(NULL, TOP, "Syria", "Syria crisis", COMPAT);
    ck_relation(NULL, TOP, "Syria", "Syrian crisis", COMPAT);
    ck_relation(NULL, TOP, "Syrian crisis", "Syria crisis", EQ);
    ck_relation(NULL, TOP, "Minsk peace deal", "Minsk agreements", COMPAT);
    ck_relation(NULL, TOP, "Syria", "Ukraine", CONFLICT);
    ck_relation(NULL, TOP, "Minsk deal", "Minsk talks", CONFLICT);
    /* "<head> in|on|over <subject>" is the "<subject> <head>" */
    ck_norm(NULL, TOP, "ceasefire in Syria", "syria ceasefire");
    ck_relation(NULL, TOP, "conflict in Syria", "Syria conflict", EQ);
    ck_relation(NULL, TOP, "talks on the Syria crisis", "Syrian crisis talks", EQ);
    ck_relation(NULL, TOP, "ceasefire in Syria", "Syria", COMPAT);
    ck_norm(NULL, TOP, "meeting in Paris on climate", "meeting in paris on climate");
    ck_norm(NULL, TOP, "start of one of the working sessions",
            "start of one of the working session");
    ck_norm(NULL, ORG, "Bank of America", "bank of america");
    /* a single word is not made singular */
    ck_norm(NULL, TOP, "Paris", "paris");
    ck_norm(NULL, TOP, "business news", "business news");
    ck_norm(NULL, TOP, "arms crisis", "arms crisis");
    ck_norm(NULL, OCC, "APEC summits", "apec summit");
}
END_TEST

START_TEST(test_text)
{
    ck_norm(NULL, TXT, "Hello, World!", "hello world");
    ck_norm(NULL, TXT, "The End", "the end");
    ck_relation(NULL, TXT, "Hello, World!", "hello world", EQ);
    ck_relation(NULL, TXT, "The End", "End", CONFLICT);
    ck_relation(NULL, TXT, "US", "United States", CONFLICT);
    claims_comparison c = compare_texts(NULL, TXT, "martha", "marhta");
    ck_assert_double_eq_tol(c.score, 0.961111, 1e-5);
    ck_assert_str_eq(c.reason, "different texts: martha vs marhta");
}
END_TEST

START_TEST(test_errors)
{
    static const char *const bad[] = {"", " ", "\t\n", "...", "—", "!?", "( )"};
    claims_type types[] = {TXT, PL, ORG, TOP, OCC};
    claims_error err;
    int none;
    for (size_t t = 0; t < 5; t++) {
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            ck_assert_msg(parse_rc(types[t], bad[i], strlen(bad[i]), &err, &none) == CLAIMS_ESYNTAX,
                          "%s accepted", bad[i]);
            ck_assert(strstr(err.text, "no letters or digits") != NULL);
        }
        ck_assert_int_eq(parse_rc(types[t], "N/A", 3, &err, &none), CLAIMS_OK);
        ck_assert(none);
        ck_assert_int_eq(parse_rc(types[t], "Not Available", 13, &err, &none), CLAIMS_OK);
        ck_assert(none);
        ck_assert_int_eq(parse_rc(types[t], "x\xC3", 2, &err, NULL), CLAIMS_ENCODING);
    }
    /* different entity types are not compared */
    claims_value *a, *b;
    ck_assert_int_eq(claims_value_new(&a), CLAIMS_OK);
    ck_assert_int_eq(claims_value_new(&b), CLAIMS_OK);
    ck_assert_int_eq(claims_value_parse(a, NULL, PL, "Lima", 4, NULL, NULL), CLAIMS_OK);
    ck_assert_int_eq(claims_value_parse(b, NULL, ORG, "Lima", 4, NULL, NULL), CLAIMS_OK);
    claims_comparison c = CLAIMS_COMPARISON_INIT;
    ck_assert_int_eq(claims_value_compare(&c, NULL, a, b), CLAIMS_OK);
    ck_assert_int_eq(c.relation, CLAIMS_RELATION_INCOMPARABLE);
    claims_value_free(a);
    claims_value_free(b);
}
END_TEST

START_TEST(test_context_aliases)
{
    claims_ctx *ctx;
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
    ck_assert_int_eq(claims_ctx_add_alias(ctx, PL, "Lima, Peru", 10, "Lima", 4, NULL), CLAIMS_OK);
    ck_assert_int_eq(
        claims_ctx_add_alias(ctx, TOP, "Ukraine ceasefire", 17, "Minsk deal", 10, NULL), CLAIMS_OK);
    ck_norm(ctx, PL, "Lima", "lima, peru");
    ck_norm(ctx, PL, "Lima, Peru", "lima, peru");
    ck_norm(ctx, PL, "Miraflores, Lima", "miraflores, lima, peru");
    ck_norm(ctx, PL, "Miraflores, Lima, Peru", "miraflores, lima, peru");
    ck_relation(ctx, PL, "Lima", "Lima, Peru", EQ);
    ck_norm(ctx, TOP, "the Minsk deal", "ukraine ceasefire");
    ck_relation(ctx, TOP, "Minsk deal", "Ukraine ceasefire", EQ);
    /* another type's table is not consulted */
    ck_norm(ctx, ORG, "Lima", "lima");
    claims_ctx_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("entity");
    TCase *tc = tcase_create("entity");
    tcase_add_test(tc, test_seed_cases);
    tcase_add_test(tc, test_places);
    tcase_add_test(tc, test_organizations);
    tcase_add_test(tc, test_acronym_asides);
    tcase_add_test(tc, test_group_numbers);
    tcase_add_test(tc, test_topics);
    tcase_add_test(tc, test_text);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_context_aliases);
    suite_add_tcase(s, tc);
    return run_suite(s);
}

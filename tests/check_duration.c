/* check_duration.c - DURATION values in seconds: units, compounds,
 * adjectival forms, hedges, ranges, ISO 8601, errors and the comparison. */
#include "values/values.h"

#include "check_helpers.h"
#include "check_quantity.h"

#include <stdlib.h>

static claims_value *v;

static void setup(void) { ck_assert_int_eq(claims_value_new(&v), CLAIMS_OK); }
static void teardown(void) { claims_value_free(v); }

#define D CLAIMS_TYPE_DURATION
#define SECS(text, norm) expect_plain(v, D, text, norm)
#define HEDGED(text, norm, mod, lo, hi) expect_value(v, D, text, norm, CLAIMS_MOD_##mod, lo, hi)
#define SYNTAX(text) expect_error(v, D, text, CLAIMS_ESYNTAX)
#define RANGE(text) expect_error(v, D, text, CLAIMS_ERANGE)

START_TEST(test_units)
{
    SECS("four minutes", "240");
    SECS("4 min", "240");
    SECS("4 mins", "240");
    SECS("one sec", "1");
    SECS("3.5 second", "3.5");
    SECS("123.45 sec", "123.45");
    SECS("2 hrs", "7200");
    SECS("3 hr", "10800");
    SECS("3h", "10800");
    SECS("3 h", "10800");
    SECS("3day", "259200");
    SECS("30 days", "2592000");
    SECS("seven weeks", "4233600");
    SECS("a fortnight", "1209600");
    SECS("1 month", "2592000"); /* 30 days */
    SECS("a month", "2592000");
    SECS("3 quarters", "23328000"); /* 3 months each */
    SECS("2 years", "63072000");    /* 365 days each */
    SECS("3.5years", "110376000");
    SECS("two decades", "630720000");
    SECS("a century", "3153600000");
    SECS("15.5 minutes", "930");
    SECS("twenty min", "1200");
    /* Duckling's marks and letters, only right after a numeral */
    SECS("1\"", "1");
    SECS("2'", "120");
    SECS("2\xE2\x80\xB2", "120"); /* prime */
    SECS("2m", "120");
    SECS("2 m", "120");
    SECS("1/2h", "1800");
    SECS("1/2 hour", "1800");
    SECS("10 s", "10");
    SYNTAX("2M"); /* a million, not minutes */
    SYNTAX("a m");
    SYNTAX("two h");
}
END_TEST

START_TEST(test_compounds)
{
    SECS("an hour and a half", "5400");
    SECS("an hour and half", "5400");
    SECS("one hour and half", "5400");
    SECS("1.5 hours", "5400");
    SECS("half an hour", "1800");
    SECS("half hour", "1800");
    SECS("half a day", "43200");
    SECS("half an year", "15768000");
    SECS("a quarter of an hour", "900");
    SECS("three quarters of an hour", "2700");
    SECS("one and three quarters hour", "6300");
    SECS("one and two quarters of hour", "5400");
    SECS("two and a half hours", "9000");
    SECS("5 and a half minutes", "330");
    SECS("5 and an half minute", "330");
    SECS("twenty and four hours", "86400");
    SECS("a month and a half", "3888000");
    SECS("2 years and 3 months", "70848000");
    SECS("2 years, 3 months", "70848000");
    SECS("1 year, 2 days, 3 hours and 4 seconds", "31719604");
    SECS("1 year 1 month 21 days", "35942400");
    SECS("2 days 1 month", "2764800");
    SECS("one week three days", "864000");
    SECS("an hour and 45 minutes", "6300");
    SECS("a minute and 30 seconds", "90");
    SECS("4 minutes 30 seconds", "270");
    /* a bare count after hours or minutes is the next smaller unit */
    SECS("1 hour thirty", "5400");
    SECS("1 hour and fifteen", "4500");
    SECS("2 hours ten", "7800");
    SECS("2 hour and 10", "7800");
    SECS("1 hour fifteen seconds", "3615");
    SYNTAX("1 hour 2 hours"); /* a unit twice */
    SYNTAX("2 days ten");     /* no smaller unit implied after days */
    SYNTAX("1 hour ninety");
    SYNTAX("2 hours and");
    SYNTAX("2 hours,");
}
END_TEST

START_TEST(test_quantity_words)
{
    SECS("an hour", "3600");
    SECS("a couple of days", "172800");
    SECS("couple of weeks", "1209600");
    HEDGED("several weeks", "1814400", APPROX, NA, NA);
    HEDGED("a few days", "259200", APPROX, NA, NA);
    HEDGED("some days", "259200", APPROX, NA, NA);
    HEDGED("20-odd years", "630720000", APPROX, NA, NA);
    SECS("all day", "86400");
    SECS("all-week", "604800");
    SECS("full month", "2592000");
    SECS("whole day", "86400");
    SECS("a full year", "31536000");
    SECS("another hour", "3600");
    SECS("another business day", "86400");
    SECS("another two hours", "7200");
    SECS("2 more minutes", "120");
    SECS("two additional minutes", "120");
    SECS("three straight days", "259200");
    SYNTAX("an hours");
    SYNTAX("another hours");
    SYNTAX("first year"); /* an ordinal is no count */
    SYNTAX("the second hour");
    SYNTAX("one an hour");
}
END_TEST

START_TEST(test_adjectival)
{
    SECS("a 10-minute drive", "600");
    SECS("a four-year war", "126144000");
    SECS("the three-day summit", "259200");
    SECS("10-minute", "600");
    SECS("3-min", "180");
    SECS("30-minutes", "1800");
    SECS("a decade-long war", "315360000");
    SECS("an hour-long meeting", "3600");
    SECS("a two-hour-long meeting", "7200");
    SECS("a 90-day ban", "7776000");
    HEDGED("a roughly 10-minute drive", "600", APPROX, NA, NA);
    HEDGED("a nearly two-hour meeting", "7200", LESS_THAN, NA, 7200);
    /* a duration inside a longer phrase must be glued to its unit */
    SYNTAX("a four year war");
    SYNTAX("the war lasted four years");
    SYNTAX("a four-year war and a two-year truce");
    SYNTAX("a decade-long");
}
END_TEST

START_TEST(test_hedges)
{
    HEDGED("about four minutes", "240", APPROX, NA, NA);
    HEDGED("approximately 35 minutes", "2100", APPROX, NA, NA);
    HEDGED("around 2 hours", "7200", APPROX, NA, NA);
    HEDGED("roughly a week", "604800", APPROX, NA, NA);
    HEDGED("some 35 minutes", "2100", APPROX, NA, NA);
    HEDGED("an hour or so", "3600", APPROX, NA, NA);
    HEDGED("nearly two hours", "7200", LESS_THAN, NA, 7200);
    HEDGED("almost a year", "31536000", LESS_THAN, NA, 31536000);
    HEDGED("less than a couple of days", "172800", LESS_THAN, NA, 172800);
    HEDGED("under 30 seconds", "30", LESS_THAN, NA, 30);
    HEDGED("just over an hour", "3600", MORE_THAN, 3600, NA);
    HEDGED("more than an hour", "3600", MORE_THAN, 3600, NA);
    HEDGED("over 2 hours", "7200", MORE_THAN, 7200, NA);
    HEDGED("at least 10 minutes", "600", EQUAL_OR_MORE, 600, NA);
    HEDGED("2 hours or more", "7200", EQUAL_OR_MORE, 7200, NA);
    HEDGED("20-plus years", "630720000", EQUAL_OR_MORE, 630720000, NA);
    HEDGED("at most 3 days", "259200", EQUAL_OR_LESS, NA, 259200);
    HEDGED("up to 2 hours", "7200", EQUAL_OR_LESS, NA, 7200);
    HEDGED("no more than a week", "604800", EQUAL_OR_LESS, NA, 604800);
}
END_TEST

START_TEST(test_ranges)
{
    HEDGED("10-15 minutes", "[600,900]", NONE, 600, 900);
    HEDGED("between 10 and 15 minutes", "[600,900]", NONE, 600, 900);
    HEDGED("two to three hours", "[7200,10800]", NONE, 7200, 10800);
    HEDGED("two or three days", "[172800,259200]", NONE, 172800, 259200);
    HEDGED("between 1 hour and 2 hours", "[3600,7200]", NONE, 3600, 7200);
    HEDGED("from an hour to 90 minutes", "[3600,5400]", NONE, 3600, 5400);
    HEDGED("about 10-15 minutes", "[600,900]", APPROX, 600, 900);
    HEDGED("more than an hour and less than two hours", "(3600,7200)", NONE, 3600, 7200);
    SYNTAX("15-10 minutes");
}
END_TEST

START_TEST(test_iso8601)
{
    SECS("PT4M", "240");
    SECS(" PT4M ", "240");
    SECS("P1Y2M10DT2H30M", "37593000");
    SECS("P2W", "1209600");
    SECS("PT1.5H", "5400");
    SECS("P3D", "259200");
    SECS("PT0S", "0");
    SYNTAX("P");
    SYNTAX("PT");
    SYNTAX("P1DT");
    SYNTAX("PT4X");
    SYNTAX("P4M3Y"); /* out of order */
    SYNTAX("pt4m");
}
END_TEST

START_TEST(test_rejects)
{
    SYNTAX("");
    SYNTAX("   ");
    SYNTAX("banana");
    SYNTAX("5");
    SYNTAX("five");
    SYNTAX("minutes");
    SYNTAX("hour");
    SYNTAX("for months");
    SYNTAX("in days");
    SYNTAX("secretary");
    SYNTAX("I second that");
    SYNTAX("banana minutes");
    SYNTAX("five zero minutes");
    SYNTAX("-5 minutes");
    SYNTAX("minus two hours");
    SYNTAX("between -5 and 5 minutes");
    SYNTAX("4:30");
    RANGE("99999999999999999999999 minutes");
    RANGE("300000000 centuries");
    RANGE("at least 99999999999999999999999 years");
    claims_error err;
    const char *t = "99999999999999999999999 minutes";
    ck_assert_int_eq(claims_value_parse(v, NULL, D, t, strlen(t), NULL, &err), CLAIMS_ERANGE);
    ck_assert_ptr_nonnull(strstr(err.text, "99999999999999999999999"));
    t = "banana minutes";
    claims_value_parse(v, NULL, D, t, strlen(t), NULL, &err);
    ck_assert_str_eq(err.text, "'banana minutes' is not a duration");
    /* a text whose readings multiply runs out of grammar steps quickly */
    char many[512] = "";
    for (int i = 0; i < 30; i++)
        strcat(many, i ? " to half hour" : "half hour");
    ck_assert_int_eq(claims_value_parse(v, NULL, D, many, strlen(many), NULL, &err),
                     CLAIMS_ESYNTAX);
    ck_assert_ptr_nonnull(strstr(err.text, "too involved"));
    claims_parse_options o = CLAIMS_PARSE_OPTIONS_INIT;
    o.language = (claims_str){"de", 2};
    ck_assert_int_eq(claims_value_parse(v, NULL, D, "4 min", 5, &o, &err), CLAIMS_ESYNTAX);
    ck_assert_ptr_nonnull(strstr(err.text, "duration"));
}
END_TEST

START_TEST(test_compare)
{
    const claims_relation EQ = CLAIMS_RELATION_EQUAL, OK = CLAIMS_RELATION_COMPATIBLE,
                          NO = CLAIMS_RELATION_CONFLICTING;
    expect_relation(D, "about four minutes", "four minutes", OK, "240 s APPROX overlaps 240 s");
    expect_relation(D, "four minutes", "about four minutes", OK, "240 s overlaps 240 s APPROX");
    expect_relation(D, "approximately 35 minutes", "four minutes", NO,
                    "2100 s APPROX conflicts with 240 s");
    expect_relation(D, "four minutes", "240 seconds", EQ, "240 s equals 240 s");
    expect_relation(D, "an hour and a half", "90 minutes", EQ, NULL);
    expect_relation(D, "PT4M", "4 min", EQ, NULL);
    expect_relation(D, "10-15 minutes", "12 minutes", OK, "[600,900] s contains 720 s");
    expect_relation(D, "more than an hour", "an hour", NO, NULL);
    expect_relation(D, "more than an hour", "90 minutes", OK, "3600 s MORE_THAN contains 5400 s");
    expect_relation(D, "at least an hour", "an hour", OK, NULL);
    expect_relation(D, "nearly two hours", "3 hours", NO, NULL);
    expect_relation(D, "nearly two hours", "110 minutes", OK, "7200 s LESS_THAN contains 6600 s");
    expect_relation(D, "nearly two hours", "45 minutes", NO, NULL); /* not "anything below" */
    expect_relation(D, "about an hour", "65 minutes", OK, NULL);
    expect_relation(D, "about an hour", "70 minutes", NO, NULL);
    expect_relation(D, "a four-year war", "four years", EQ, NULL);

    /* a NUMBER and a DURATION are not comparable */
    claims_value *n, *d;
    ck_assert_int_eq(claims_value_new(&n), CLAIMS_OK);
    ck_assert_int_eq(claims_value_new(&d), CLAIMS_OK);
    ck_assert_int_eq(claims_value_parse(n, NULL, CLAIMS_TYPE_NUMBER, "240", 3, NULL, NULL),
                     CLAIMS_OK);
    ck_assert_int_eq(claims_value_parse(d, NULL, D, "240 s", 5, NULL, NULL), CLAIMS_OK);
    claims_comparison c = CLAIMS_COMPARISON_INIT;
    ck_assert_int_eq(claims_value_compare(&c, NULL, n, d), CLAIMS_OK);
    ck_assert_int_eq(c.relation, CLAIMS_RELATION_INCOMPARABLE);
    claims_value_free(n);
    claims_value_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("duration");
    TCase *tc = tcase_create("parse");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_units);
    tcase_add_test(tc, test_compounds);
    tcase_add_test(tc, test_quantity_words);
    tcase_add_test(tc, test_adjectival);
    tcase_add_test(tc, test_hedges);
    tcase_add_test(tc, test_ranges);
    tcase_add_test(tc, test_iso8601);
    tcase_add_test(tc, test_rejects);
    suite_add_tcase(s, tc);
    TCase *tc2 = tcase_create("compare");
    tcase_add_test(tc2, test_compare);
    suite_add_tcase(s, tc2);
    return s;
}

int main(void) { return run_suite(suite()); }

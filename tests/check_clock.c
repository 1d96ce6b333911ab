/* check_clock.c - TIME values: the shapes of the Flight sources, non-values,
 * days and years from the reference, zones, errors, and the comparison of
 * clock times. */
#include "values/calendar.h"
#include "values/values_int.h"

#include <check.h>

#include "check_helpers.h"
#include <stdlib.h>
#include <string.h>

static claims_value *V, *W;

static void setup(void)
{
    ck_assert_int_eq(claims_value_new(&V), CLAIMS_OK);
    ck_assert_int_eq(claims_value_new(&W), CLAIMS_OK);
}

static void teardown(void)
{
    claims_value_free(V);
    claims_value_free(W);
}

static int parse_into(claims_value *v, const char *text, const char *ref, claims_error *err)
{
    claims_parse_options o = CLAIMS_PARSE_OPTIONS_INIT;
    if (ref) {
        o.reference.ptr = ref;
        o.reference.len = strlen(ref);
    }
    return claims_value_parse(v, NULL, CLAIMS_TYPE_TIME, text, strlen(text), &o, err);
}

static void expect(const char *text, const char *ref, const char *norm)
{
    claims_error err;
    int rc = parse_into(V, text, ref, &err);
    ck_assert_msg(rc == CLAIMS_OK, "'%s' (ref %s): error %d: %s", text, ref ? ref : "none", rc,
                  err.text);
    ck_assert_msg(strcmp(claims_value_normalized(V), norm) == 0, "'%s' (ref %s): got %s, want %s",
                  text, ref ? ref : "none", claims_value_normalized(V), norm);
    ck_assert_int_eq(claims_value_type(V), CLAIMS_TYPE_TIME);
    ck_assert(!claims_value_is_none(V));
}

static void expect_none(const char *text, const char *ref)
{
    claims_error err;
    int rc = parse_into(V, text, ref, &err);
    ck_assert_msg(rc == CLAIMS_OK, "'%s': error %s", text, err.text);
    ck_assert_msg(claims_value_is_none(V), "'%s' read as %s", text, claims_value_normalized(V));
    ck_assert_str_eq(claims_value_normalized(V), "");
}

static void expect_error(const char *text, const char *ref, int code, const char *part)
{
    claims_error err;
    int rc = parse_into(V, text, ref, &err);
    ck_assert_msg(rc == code, "'%s': rc %d (%s) value %s, want %d", text, rc, err.text,
                  claims_value_normalized(V), code);
    ck_assert_msg(!part || strstr(err.text, part), "'%s': message '%s' lacks '%s'", text, err.text,
                  part);
    ck_assert_str_eq(claims_value_normalized(V), "");
}

#define REF "2011-12-01"

/* One example of each shape the Flight sources write (columns 3, 4, 6, 7). */
static const struct {
    const char *text, *norm;
} SHAPES[] = {
    {"12/01/2011 01:55 PM", "2011-12-01T13:55"},
    {"12/1/2011 2:07PM EST", "2011-12-01T14:07-05:00"},
    {"12/1/11 2:06 PM (-05:00)", "2011-12-01T14:06-05:00"},
    {"12/1/11 4:55 PM (+08:00)", "2011-12-01T16:55+08:00"},
    {"2011-12-01 02:07 PM", "2011-12-01T14:07"},
    {"2:07 PMDec 01", "2011-12-01T14:07"},
    {"6:25 AMDec 01", "2011-12-01T06:25"},
    {"Dec 01 - 1:55pm", "2011-12-01T13:55"},
    {"Dec 01 - 6:25am", "2011-12-01T06:25"},
    {"1:55pDec 1", "2011-12-01T13:55"},
    {"6:00aDec 1", "2011-12-01T06:00"},
    {"3:00P 12-01-11", "2011-12-01T15:00"},
    {"11:30A 12-01-11", "2011-12-01T11:30"},
    {"2011-12-01  2:57P", "2011-12-01T14:57"},
    {"2011-12-01  11:14A", "2011-12-01T11:14"},
    {"12/1/2011 12:18PM CST", "2011-12-01T12:18-06:00"},
    {"2011-12-01 12:10PM CST", "2011-12-01T12:10-06:00"},
    {"2011-12-01 02:46PM EST", "2011-12-01T14:46-05:00"},
    {"2011-12-01 11:31PM PST", "2011-12-01T23:31-08:00"},
    {"2011-12-01 08:36AM MST", "2011-12-01T08:36-07:00"},
    {"12/1/2011 3:17PM AST", "2011-12-01T15:17-04:00"},
    {"12/1/2011 5:46PM AKST", "2011-12-01T17:46-09:00"},
    {"11/30/2011 9:31PM HST", "2011-11-30T21:31-10:00"},
    {"12:10 PM  Thu 01-Dec-2011", "2011-12-01T12:10"},
    {"08:36 AM  Thu 01-Dec-2011", "2011-12-01T08:36"},
    {"12:26 AM  Fri 02-Dec-2011 (Runway)", "2011-12-02T00:26"},
    {"12:10 PM, Dec 01", "2011-12-01T12:10"},
    {"8:36 AM, Dec 01", "2011-12-01T08:36"},
    {"2011-12-01 12:10 pm", "2011-12-01T12:10"},
    {"2011-12-01 10:35 am", "2011-12-01T10:35"},
    {"Thu, Dec 1 6:20 PM", "2011-12-01T18:20"},
    {"Thu, Dec 1 6:00 AM", "2011-12-01T06:00"},
    {"Thu, Dec 1 2:37 PM            On Time", "2011-12-01T14:37"},
    {"Thu, Dec 1 1:25 PM            Delayed", "2011-12-01T13:25"},
    {"Tue, Dec 13 7:19 AM            Rerouted", "2011-12-13T07:19"},
    {"Mon, Dec 26 9:08 PM            Extra Stop", "2011-12-26T21:08"},
    {"2011-12-01 6:20 PM (Estimated)", "2011-12-01T18:20"},
    {"2011-12-01 9:04 PM (Estimated runway)", "2011-12-01T21:04"},
    {"2011-12-01 12:26 AM (runway)", "2011-12-01T00:26"},
    {"7:03 PM, Dec 01&nbsp(Estimated)", "2011-12-01T19:03"},
    {"Thu., Dec.01, 2011 1:55 p.m.", "2011-12-01T13:55"},
    {"Thu., Dec.01, 2011 9:30 a.m.", "2011-12-01T09:30"},
    {"2011-12-01 13:52 ", "2011-12-01T13:52"},
    {"2011-12-01 Thu  16:17", "2011-12-01T16:17"},
    {"Dec 01 - 7:10pm*", "2011-12-01T19:10"},
    {"Dec 01 - 12:38am*", "2011-12-01T00:38"},
    {"Dec 01 - 12:00noon", "2011-12-01T12:00"},
    {"Dec 24 - 12:00noon*", "2011-12-24T12:00"},
    {"Dec 05 - 12:00midnight", "2011-12-05T00:00"},
    {"Dec 07 - 12:00midnight*", "2011-12-07T00:00"},
    {"December 8, 2011               01:55 PM    ", "2011-12-08T13:55"},
    {"December 9, 2011               12:23 AM    ", "2011-12-09T00:23"},
    {"December 8, 2011     ", "2011-12-08"},
    {"12/02/2011 12:23 AM", "2011-12-02T00:23"},
    {"12/2/11 9:49 AM (+01:00)", "2011-12-02T09:49+01:00"},
    /* a month/day after the page's date is the day of the time */
    {"2011-12-01 11/30 5:20 PM", "2011-11-30T17:20"},
    {"2011-12-01 11/30 11:25 AM", "2011-11-30T11:25"},
    /* a weekday after the page's date: the nearest such day */
    {"2011-12-17 Sun  00:05", "2011-12-18T00:05"},
    {"2011-12-01 Wed  23:55", "2011-11-30T23:55"},
    /* the sources' year, even when it looks wrong */
    {"January 1, 2011               06:20 AM    ", "2011-01-01T06:20"},
    /* ISO 8601 and other usual forms */
    {"2016-11-20T14:52", "2016-11-20T14:52"},
    {"2016-11-20T14:52:07", "2016-11-20T14:52:07"},
    {"2016-11-20T14:52:00-05:00", "2016-11-20T14:52:00-05:00"},
    {"2016-11-20T14:52Z", "2016-11-20T14:52+00:00"},
    {"2016-11-20 14:52 UTC", "2016-11-20T14:52+00:00"},
    {"2016-11-20 14:52 +0530", "2016-11-20T14:52+05:30"},
    {"2:07\xC2\xA0PM, Dec 01", "2011-12-01T14:07"},
    {"2:07 PM", "2011-12-01T14:07"},
    {"14:07", "2011-12-01T14:07"},
    {"5 PM", "2011-12-01T17:00"},
    {"5pm Dec 01", "2011-12-01T17:00"},
    {"noon", "2011-12-01T12:00"},
    {"12:00 AM", "2011-12-01T00:00"},
    {"12:30 PM", "2011-12-01T12:30"},
    {"Dec 7 2:00 PM ET", "2011-12-07T14:00-05:00"},
    {"Jul 4 2:00 PM ET", "2011-07-04T14:00-04:00"},
    {"Jul 4 2:00 PM PT", "2011-07-04T14:00-07:00"},
    {"Aug 5 9:00 AM", "2011-08-05T09:00"},
    {"9:00 AMAug 5", "2011-08-05T09:00"},
    {"9:00 Aug 5", "2011-08-05T09:00"},
};

START_TEST(test_flight_shapes)
{
    for (size_t i = 0; i < sizeof SHAPES / sizeof SHAPES[0]; i++)
        expect(SHAPES[i].text, REF, SHAPES[i].norm);
}
END_TEST

START_TEST(test_hedge_and_precision)
{
    claims_precision p;
    int64_t b, e;
    expect("2011-12-01 6:20 PM (Estimated)", REF, "2011-12-01T18:20");
    ck_assert_int_eq(claims_value_modifier(V), CLAIMS_MOD_APPROX);
    expect("7:03 PM, Dec 01&nbsp(Estimated)", REF, "2011-12-01T19:03");
    ck_assert_int_eq(claims_value_modifier(V), CLAIMS_MOD_APPROX);
    expect("2011-12-01 6:20 PM", REF, "2011-12-01T18:20");
    ck_assert_int_eq(claims_value_modifier(V), CLAIMS_MOD_NONE);
    ck_assert_int_eq(claims_value_interval(V, &b, &e, &p), CLAIMS_OK);
    int64_t day = claims__days_from_civil(2011, 12, 1) * 86400;
    ck_assert_int_eq(b, day + 18 * 3600 + 20 * 60);
    ck_assert_int_eq(e, b + 60);
    ck_assert_int_eq(p, CLAIMS_PRECISION_MINUTE);
    /* wall-clock time: the zone does not move the interval */
    expect("2011-12-01 6:20PM PST", REF, "2011-12-01T18:20-08:00");
    ck_assert_int_eq(claims_value_interval(V, &b, NULL, NULL), CLAIMS_OK);
    ck_assert_int_eq(b, day + 18 * 3600 + 20 * 60);
    expect("2016-11-20T14:52:07", REF, "2016-11-20T14:52:07");
    ck_assert_int_eq(claims_value_interval(V, &b, &e, &p), CLAIMS_OK);
    ck_assert_int_eq(e - b, 1);
    ck_assert_int_eq(p, CLAIMS_PRECISION_SECOND);
    expect("December 8, 2011", REF, "2011-12-08");
    ck_assert_int_eq(claims_value_interval(V, &b, &e, &p), CLAIMS_OK);
    ck_assert_int_eq(e - b, 86400);
    ck_assert_int_eq(p, CLAIMS_PRECISION_DAY);
}
END_TEST

START_TEST(test_non_values)
{
    static const char *const none[] = {"Not Available",
                                       "Dec 07 - Contact Airline",
                                       "Dec 01 - Not Available",
                                       "2011-12-01 Cancelled",
                                       "Dec 01 - Canceled",
                                       "Thu, Dec 1 Cancelled",
                                       "2011-12-04 result unknown (?) (track log &amp; graph)",
                                       "Dec 05 - Possible delay pending airline decision.",
                                       "Mon, Jan 2 Pending will update at9:21 PM",
                                       "N/A",
                                       "n/a",
                                       "--",
                                       "No data",
                                       "Unknown",
                                       "not  available",
                                       "TBD"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        expect_none(none[i], REF);
        expect_none(none[i], NULL);
    }
}
END_TEST

START_TEST(test_year_from_reference)
{
    /* the year that puts the date nearest the reference */
    expect("11:50 PM, Dec 31", "2012-01-01", "2011-12-31T23:50");
    expect("12:15 AM, Jan 01", "2011-12-31", "2012-01-01T00:15");
    expect("2:24pJan 2", "2011-12-20", "2012-01-02T14:24");
    expect("8:57 AM, Dec 07", "2012-01-03", "2011-12-07T08:57");
    expect("8:57 AM, Jun 07", "2012-01-03", "2012-06-07T08:57");
    /* a weekday chooses among the neighbouring years */
    expect("Thu, Dec 1 6:20 PM", "2012-01-02", "2011-12-01T18:20");
    expect("Thu, Dec 2 6:20 PM", REF, "2010-12-02T18:20");
    /* leap days */
    expect("2:00 PM, Feb 29", "2012-03-01", "2012-02-29T14:00");
    expect("2:00 PM, Feb 29", "2011-03-01", "2012-02-29T14:00");
    expect_error("2:00 PM, Feb 29", "2014-06-01", CLAIMS_ESYNTAX, "not a calendar date");
    expect_error("2/29/2011 1:00 PM", REF, CLAIMS_ESYNTAX, "not a calendar date");
    expect("2/29/2012 1:00 PM", REF, "2012-02-29T13:00");
    /* two-digit years */
    expect("12/1/99 1:00 PM", REF, "1999-12-01T13:00");
    expect("12/1/99 1:00 PM", NULL, "1999-12-01T13:00");
    /* the day itself from the reference */
    expect("23:59", "2011-12-31", "2011-12-31T23:59");
    expect("Thu 2:00 PM", "2011-12-03", "2011-12-01T14:00");
}
END_TEST

START_TEST(test_needs_reference)
{
    static const char *const rel[] = {"2:07 PMDec 01", "Dec 01 - 1:55pm", "14:07",
                                      "Thu, Dec 1 6:20 PM", "5 PM"};
    for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++)
        expect_error(rel[i], NULL, CLAIMS_ESYNTAX, "needs a reference date");
    expect("12/01/2011 01:55 PM", NULL, "2011-12-01T13:55");
    expect("Thu., Dec.01, 2011 1:55 p.m.", NULL, "2011-12-01T13:55");
    claims_error err;
    ck_assert_int_eq(parse_into(V, "2:07 PMDec 01", "12/01/2011", &err), CLAIMS_EINVAL);
    ck_assert(strstr(err.text, "malformed reference date") != NULL);
}
END_TEST

START_TEST(test_errors)
{
    expect_error("", REF, CLAIMS_ESYNTAX, "empty");
    expect_error(" ", REF, CLAIMS_ESYNTAX, "empty");
    expect_error("\xC2\xA0\t", REF, CLAIMS_ESYNTAX, "empty");
    expect_error("hello", REF, CLAIMS_ESYNTAX, "unknown word");
    expect_error("25:00", REF, CLAIMS_ESYNTAX, "an hour over 23");
    expect_error("13:00 PM", REF, CLAIMS_ESYNTAX, "an hour over 12");
    expect_error("0:30 AM", REF, CLAIMS_ESYNTAX, "hour 0");
    expect_error("12:60 PM", REF, CLAIMS_ESYNTAX, "out of range");
    expect_error("12:5 PM", REF, CLAIMS_ESYNTAX, "two digits");
    expect_error("123:05", REF, CLAIMS_ESYNTAX, "two digits");
    expect_error("2:07 PM, Dec 32", REF, CLAIMS_ESYNTAX, "not a calendar date");
    expect_error("2:07 PM, Foo 01", REF, CLAIMS_ESYNTAX, "unknown word");
    expect_error("2:07 PM 2:08 PM", REF, CLAIMS_ESYNTAX, "second clock time");
    expect_error("99999999999", REF, CLAIMS_ERANGE, "too long");
    expect_error("12/16/11 2:24 PM (-25:00)", REF, CLAIMS_ESYNTAX, "zone offset");
    expect_error("12/16/11 2:24 PM XYZ", REF, CLAIMS_ESYNTAX, "unknown word");
    expect_error("12/16/11 2:24 PM EST PST", REF, CLAIMS_ESYNTAX, NULL);
    expect_error("Fri, 2011-12-01 10:00", REF, CLAIMS_ESYNTAX, "weekday does not match");
    expect_error("13/45/2011 1:00 PM", REF, CLAIMS_ESYNTAX, "not a calendar date");
    expect_error("12/1/2011/5 1:00 PM", REF, CLAIMS_ESYNTAX, NULL);
    expect_error("2011-12-01 2011-12-02 1:00 PM", REF, CLAIMS_ESYNTAX, "second date");
    expect_error("12:30noon", REF, CLAIMS_ESYNTAX, "noon or midnight");
    expect_error("December 8, 2011 EST", REF, CLAIMS_ESYNTAX, NULL);
    expect_error("Dec", REF, CLAIMS_ESYNTAX, "without a day");
    expect_error("Thu", REF, CLAIMS_ESYNTAX, "no date or clock time");
    expect_error("Delayed", REF, CLAIMS_ESYNTAX, "unknown word");
    expect_error("1:00 PM \xE2\x82\xAC", REF, CLAIMS_ESYNTAX, "unexpected character");
    expect_error("1:00 PM &lt;", REF, CLAIMS_ESYNTAX, "unexpected character");
    expect_error("-05:00", REF, CLAIMS_ESYNTAX, "unexpected character");
    expect_error("Sun 12:00", "0001-01-02", CLAIMS_ERANGE, "out of range");
    expect_error("Sun 12:00", "9999-12-30", CLAIMS_ERANGE, "out of range");
    expect("Fri 12:00", "9999-12-30", "9999-12-31T12:00");
    /* Latin-1 bytes must be converted to UTF-8 by the caller */
    expect_error("2:07\xA0PM, Dec 01", REF, CLAIMS_ENCODING, "invalid UTF-8");
}
END_TEST

START_TEST(test_zone_dst)
{
    /* the generic US names follow daylight saving time (2007 rules) */
    expect("3/11/2012 1:59 AM ET", REF, "2012-03-11T01:59-05:00");
    expect("3/11/2012 3:00 AM ET", REF, "2012-03-11T03:00-04:00");
    expect("11/4/2012 1:30 AM CT", REF, "2012-11-04T01:30-05:00");
    expect("11/4/2012 2:30 AM CT", REF, "2012-11-04T02:30-06:00");
    /* 1987-2006 rules: first Sunday of April to last Sunday of October */
    expect("4/3/2005 3:00 AM MT", REF, "2005-04-03T03:00-06:00");
    expect("10/29/2005 3:00 PM MT", REF, "2005-10-29T15:00-06:00");
    expect("10/30/2005 3:00 PM MT", REF, "2005-10-30T15:00-07:00");
    expect("6/1/1960 3:00 PM PT", REF, "1960-06-01T15:00-08:00");
    expect("2016-11-20 14:52 EDT", REF, "2016-11-20T14:52-04:00");
    expect("2016-11-20 14:52 GMT", REF, "2016-11-20T14:52+00:00");
}
END_TEST

static void compare(const char *a, const char *b, claims_relation want, const char *reason,
                    double lo, double hi)
{
    claims_error err;
    ck_assert_msg(parse_into(V, a, REF, &err) == CLAIMS_OK, "%s: %s", a, err.text);
    ck_assert_msg(parse_into(W, b, REF, &err) == CLAIMS_OK, "%s: %s", b, err.text);
    claims_comparison c = CLAIMS_COMPARISON_INIT;
    ck_assert_int_eq(claims_value_compare(&c, NULL, V, W), CLAIMS_OK);
    ck_assert_msg(c.relation == want, "%s vs %s: %s (%s)", a, b, claims_relation_name(c.relation),
                  c.reason);
    ck_assert_msg(!reason || strcmp(c.reason, reason) == 0, "%s vs %s: reason '%s'", a, b,
                  c.reason);
    ck_assert_msg(c.score >= lo && c.score <= hi, "%s vs %s: score %g", a, b, c.score);
}

START_TEST(test_compare)
{
    compare("2:07 PMDec 01", "12/01/2011 02:07 PM", CLAIMS_RELATION_EQUAL,
            "2011-12-01T14:07 equals 2011-12-01T14:07", 1.0, 1.0);
    /* one side without a zone: wall-clock times */
    compare("2011-12-01 02:07PM EST", "2:07 PMDec 01", CLAIMS_RELATION_EQUAL,
            "2011-12-01T14:07-05:00 equals 2011-12-01T14:07", 1.0, 1.0);
    /* both with zones: the same instant written twice */
    compare("2011-12-07 08:57AM PST", "12/7/11 11:57 AM (-05:00)", CLAIMS_RELATION_COMPATIBLE,
            "2011-12-07T08:57-08:00 is the same instant as 2011-12-07T11:57-05:00", 1.0, 1.0);
    compare("2011-12-07 08:57AM PST", "12/7/11 08:57 AM (-05:00)", CLAIMS_RELATION_CONFLICTING,
            "2011-12-07T08:57-08:00 conflicts with 2011-12-07T08:57-05:00", 0.0, 0.1);
    /* a few minutes apart: conflicting, scored by closeness */
    compare("2:07 PMDec 01", "2:08 PMDec 01", CLAIMS_RELATION_CONFLICTING,
            "2011-12-01T14:07 conflicts with 2011-12-01T14:08", 0.93, 0.94);
    compare("2:07 PMDec 01", "2:10 PMDec 01", CLAIMS_RELATION_CONFLICTING, NULL, 0.83, 0.84);
    compare("2:07 PMDec 01", "3:07 PMDec 01", CLAIMS_RELATION_CONFLICTING, NULL, 0.19, 0.21);
    compare("2:07 PMDec 01", "2:07 PMDec 02", CLAIMS_RELATION_CONFLICTING, NULL, 0.0, 0.02);
    /* an estimate is within 15 minutes */
    compare("2011-12-01 2:07 PM (Estimated)", "2:15 PMDec 01", CLAIMS_RELATION_COMPATIBLE,
            "2011-12-01T14:07 APPROX overlaps 2011-12-01T14:15", 0.65, 0.66);
    compare("2011-12-01 2:07 PM (Estimated)", "2:07 PMDec 01", CLAIMS_RELATION_COMPATIBLE,
            "2011-12-01T14:07 APPROX overlaps 2011-12-01T14:07", 0.9, 0.9);
    compare("2011-12-01 2:07 PM (Estimated)", "2:40 PMDec 01", CLAIMS_RELATION_CONFLICTING, NULL,
            0.0, 0.5);
    /* a day contains its times */
    compare("December 1, 2011", "2:07 PMDec 01", CLAIMS_RELATION_COMPATIBLE,
            "2011-12-01 contains 2011-12-01T14:07", 0.5, 0.51);
    compare("2016-11-20T14:52", "2016-11-20T14:52:07", CLAIMS_RELATION_COMPATIBLE,
            "2016-11-20T14:52 contains 2016-11-20T14:52:07", 0.5, 0.52);
}
END_TEST

START_TEST(test_value_reuse)
{
    for (int i = 0; i < 1000; i++) {
        expect(SHAPES[i % (sizeof SHAPES / sizeof SHAPES[0])].text, REF,
               SHAPES[i % (sizeof SHAPES / sizeof SHAPES[0])].norm);
        expect_none("Not Available", REF);
        expect_error("25:00", REF, CLAIMS_ESYNTAX, NULL);
    }
    /* NULL err is allowed */
    ck_assert_int_eq(parse_into(V, "25:00", REF, NULL), CLAIMS_ESYNTAX);
    ck_assert_int_eq(parse_into(V, "2:07 PMDec 01", REF, NULL), CLAIMS_OK);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("clock");
    TCase *tc = tcase_create("clock");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_flight_shapes);
    tcase_add_test(tc, test_hedge_and_precision);
    tcase_add_test(tc, test_non_values);
    tcase_add_test(tc, test_year_from_reference);
    tcase_add_test(tc, test_needs_reference);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_zone_dst);
    tcase_add_test(tc, test_compare);
    tcase_add_test(tc, test_value_reuse);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return run_suite(suite()); }

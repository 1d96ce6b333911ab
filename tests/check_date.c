/* check_date.c - DATE values: every written form, bias, rollover, leap
 * years, precision and canonical strings, errors, and the interval
 * comparison of DATE (and DATE against TIME) values. */
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

static int parse_into(claims_value *v, claims_type type, const char *text, const char *ref,
                      claims_date_bias bias, claims_error *err)
{
    claims_parse_options o = CLAIMS_PARSE_OPTIONS_INIT;
    if (ref) {
        o.reference.ptr = ref;
        o.reference.len = strlen(ref);
    }
    o.bias = bias;
    return claims_value_parse(v, NULL, type, text, strlen(text), &o, err);
}

/* Parses `text` as a DATE and checks the canonical string and precision. */
static void expect(const char *text, const char *ref, claims_date_bias bias, const char *norm,
                   claims_precision precision)
{
    claims_error err;
    int rc = parse_into(V, CLAIMS_TYPE_DATE, text, ref, bias, &err);
    ck_assert_msg(rc == CLAIMS_OK, "'%s' (ref %s): error %d: %s", text, ref ? ref : "none", rc,
                  err.text);
    ck_assert_msg(strcmp(claims_value_normalized(V), norm) == 0,
                  "'%s' (ref %s, bias %d): got %s, want %s", text, ref ? ref : "none", (int)bias,
                  claims_value_normalized(V), norm);
    claims_precision p;
    ck_assert_int_eq(claims_value_interval(V, NULL, NULL, &p), CLAIMS_OK);
    ck_assert_msg(p == precision, "'%s': precision %s, want %s", text, claims_precision_name(p),
                  claims_precision_name(precision));
    ck_assert_int_eq(claims_value_type(V), CLAIMS_TYPE_DATE);
    ck_assert(!claims_value_is_none(V));
}

static void expect_day(const char *text, const char *ref, const char *norm)
{
    expect(text, ref, CLAIMS_BIAS_PAST, norm, CLAIMS_PRECISION_DAY);
}

/* Parses `text` as a DATE and expects error `code` with `part` in the text. */
static void expect_error(const char *text, const char *ref, int code, const char *part)
{
    claims_error err;
    int rc = parse_into(V, CLAIMS_TYPE_DATE, text, ref, CLAIMS_BIAS_PAST, &err);
    ck_assert_msg(rc == code, "'%s': rc %d (%s), want %d; value %s", text, rc, err.text, code,
                  claims_value_normalized(V));
    ck_assert_int_eq(err.code, code);
    ck_assert_msg(!part || strstr(err.text, part), "'%s': message '%s' lacks '%s'", text, err.text,
                  part);
    ck_assert_str_eq(claims_value_normalized(V), "");
}

static int64_t day_seconds(int y, int m, int d) { return claims__days_from_civil(y, m, d) * 86400; }

static void expect_interval(const char *text, const char *ref, int64_t begin, int64_t end)
{
    claims_error err;
    ck_assert_msg(parse_into(V, CLAIMS_TYPE_DATE, text, ref, CLAIMS_BIAS_PAST, &err) == CLAIMS_OK,
                  "'%s': %s", text, err.text);
    int64_t b, e;
    ck_assert_int_eq(claims_value_interval(V, &b, &e, NULL), CLAIMS_OK);
    ck_assert_msg(b == begin && e == end, "'%s': [%lld, %lld), want [%lld, %lld)", text,
                  (long long)b, (long long)e, (long long)begin, (long long)end);
}

#define REF "2016-11-20" /* a Sunday */

START_TEST(test_seed_cases)
{
    expect_day("Sunday", REF, "2016-11-20");
    expect_day("Nov. 8", REF, "2016-11-08");
    expect("earlier this fall", REF, CLAIMS_BIAS_PAST, "2016-FA", CLAIMS_PRECISION_SEASON);
    expect("in November 2015", REF, CLAIMS_BIAS_PAST, "2015-11", CLAIMS_PRECISION_MONTH);
}
END_TEST

START_TEST(test_absolute_days)
{
    static const char *const same[] = {"November 20, 2016",
                                       "Nov 20, 2016",
                                       "Nov. 20, 2016",
                                       "20 Nov 2016",
                                       "20 November 2016",
                                       "2016-11-20",
                                       "11/20/2016",
                                       "11/20/16",
                                       "11-20-2016",
                                       "20/11/2016",
                                       "2016/11/20",
                                       "2016.11.20",
                                       "20161120",
                                       "Sunday, November 20, 2016",
                                       "sunday november 20th, 2016",
                                       "the 20th of November, 2016",
                                       "20. Nov. 2016",
                                       "2016-nov-20",
                                       "on November 20, 2016",
                                       "  November 20, 2016  ",
                                       "November 20, 2016.",
                                       "November twentieth, two thousand sixteen",
                                       "Nov\xC2\xA0"
                                       "20, 2016",
                                       "2016-11-20."};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        expect_day(same[i], REF, "2016-11-20");
        expect_day(same[i], NULL, "2016-11-20"); /* no reference needed */
    }
    expect_day("5 December 1391", NULL, "1391-12-05");
    expect_day("September the twenty-first nineteen seventy eight", NULL, "1978-09-21");
    expect_day("September 10, nineteen zero one", NULL, "1901-09-10");
    expect_day("the tenth of September, two thousand", NULL, "2000-09-10");
    expect_day("sunday jan twenty one two thousand and eighteen", NULL, "2018-01-21");
    expect_day("13.5.2015", NULL, "2015-05-13");
    expect_day("2015.5.13", NULL, "2015-05-13");
    expect_day("08/12,2015", NULL, "2015-08-12");
    expect_day("0001-01-01", NULL, "0001-01-01");
    /* an ISO 8601 date-time: a DATE keeps its day */
    expect_day("2016-11-20T14:52:00", NULL, "2016-11-20");
    expect_day("2016-11-20T14:52:00.5-05:00", NULL, "2016-11-20");
    expect_day("2016-11-20T23:59Z", NULL, "2016-11-20");
    expect_day("9999-12-31", NULL, "9999-12-31");
}
END_TEST

START_TEST(test_two_digit_years)
{
    /* the century nearest the reference; 1950..2049 without one */
    expect_day("05/05/71", "2016-11-07", "1971-05-05");
    expect_day("3-7-27", "2016-11-07", "2027-03-07");
    expect_day("3-7-07", "2016-11-07", "2007-03-07");
    expect_day("05/05/89", "2016-11-07", "1989-05-05");
    expect_day("05/05/71", "2090-01-01", "2071-05-05");
    expect_day("05/05/49", NULL, "2049-05-05");
    expect_day("05/05/50", NULL, "1950-05-05");
}
END_TEST

START_TEST(test_partial_with_bias)
{
    /* month/day without a year */
    expect("Nov. 8", REF, CLAIMS_BIAS_FUTURE, "2017-11-08", CLAIMS_PRECISION_DAY);
    expect("Nov. 8", REF, CLAIMS_BIAS_NEAREST, "2016-11-08", CLAIMS_PRECISION_DAY);
    expect("Nov 25", REF, CLAIMS_BIAS_NEAREST, "2016-11-25", CLAIMS_PRECISION_DAY);
    expect("Oct-2", "2016-11-07", CLAIMS_BIAS_PAST, "2016-10-02", CLAIMS_PRECISION_DAY);
    expect("Oct2", "2016-11-07", CLAIMS_BIAS_FUTURE, "2017-10-02", CLAIMS_PRECISION_DAY);
    expect("4/22", "2016-11-07", CLAIMS_BIAS_PAST, "2016-04-22", CLAIMS_PRECISION_DAY);
    expect("22/04", "2016-11-07", CLAIMS_BIAS_FUTURE, "2017-04-22", CLAIMS_PRECISION_DAY);
    expect("1st Jan", "2016-11-07", CLAIMS_BIAS_PAST, "2016-01-01", CLAIMS_PRECISION_DAY);
    expect("May twenty-first", "2016-11-07", CLAIMS_BIAS_PAST, "2016-05-21", CLAIMS_PRECISION_DAY);
    expect("Nov 20", REF, CLAIMS_BIAS_FUTURE, "2016-11-20", CLAIMS_PRECISION_DAY);
    /* a day of the month only */
    expect("the 27th", "2016-11-07", CLAIMS_BIAS_PAST, "2016-10-27", CLAIMS_PRECISION_DAY);
    expect("the 27th", "2016-11-07", CLAIMS_BIAS_FUTURE, "2016-11-27", CLAIMS_PRECISION_DAY);
    expect("on 15", "2016-11-07", CLAIMS_BIAS_PAST, "2016-10-15", CLAIMS_PRECISION_DAY);
    expect("the 31st", "2016-12-15", CLAIMS_BIAS_PAST, "2016-10-31", CLAIMS_PRECISION_DAY);
    expect("Thursday the 21st", "2017-09-27", CLAIMS_BIAS_PAST, "2017-09-21", CLAIMS_PRECISION_DAY);
    expect("Friday the fifteen", "2017-09-27", CLAIMS_BIAS_PAST, "2017-09-15",
           CLAIMS_PRECISION_DAY);
    /* months */
    expect("in January", REF, CLAIMS_BIAS_PAST, "2016-01", CLAIMS_PRECISION_MONTH);
    expect("in January", REF, CLAIMS_BIAS_FUTURE, "2017-01", CLAIMS_PRECISION_MONTH);
    expect("in January", REF, CLAIMS_BIAS_NEAREST, "2017-01", CLAIMS_PRECISION_MONTH);
    expect("in June", REF, CLAIMS_BIAS_NEAREST, "2016-06", CLAIMS_PRECISION_MONTH);
    expect("in April", REF, CLAIMS_BIAS_NEAREST, "2017-04", CLAIMS_PRECISION_MONTH);
    for (int b = 0; b <= 2; b++)
        expect("in November", REF, (claims_date_bias)b, "2016-11", CLAIMS_PRECISION_MONTH);
    expect("November 2016", REF, CLAIMS_BIAS_PAST, "2016-11", CLAIMS_PRECISION_MONTH);
    expect("November last year", REF, CLAIMS_BIAS_PAST, "2015-11", CLAIMS_PRECISION_MONTH);
    expect("2016-11", NULL, CLAIMS_BIAS_PAST, "2016-11", CLAIMS_PRECISION_MONTH);
    expect("mid-November", REF, CLAIMS_BIAS_PAST, "2016-11", CLAIMS_PRECISION_MONTH);
    expect("early 2016", NULL, CLAIMS_BIAS_PAST, "2016", CLAIMS_PRECISION_YEAR);
    expect("2015", NULL, CLAIMS_BIAS_PAST, "2015", CLAIMS_PRECISION_YEAR);
    expect("in 2015", NULL, CLAIMS_BIAS_PAST, "2015", CLAIMS_PRECISION_YEAR);
    expect("the year 2015", NULL, CLAIMS_BIAS_PAST, "2015", CLAIMS_PRECISION_YEAR);
}
END_TEST

START_TEST(test_weekdays)
{
    /* REF is a Sunday: Friday is 2 days back or 5 ahead */
    expect("Friday", REF, CLAIMS_BIAS_PAST, "2016-11-18", CLAIMS_PRECISION_DAY);
    expect("Friday", REF, CLAIMS_BIAS_FUTURE, "2016-11-25", CLAIMS_PRECISION_DAY);
    expect("Friday", REF, CLAIMS_BIAS_NEAREST, "2016-11-18", CLAIMS_PRECISION_DAY);
    expect("Tuesday", REF, CLAIMS_BIAS_NEAREST, "2016-11-22", CLAIMS_PRECISION_DAY);
    expect("on Sunday", REF, CLAIMS_BIAS_FUTURE, "2016-11-20", CLAIMS_PRECISION_DAY);
    expect("Sun.", REF, CLAIMS_BIAS_PAST, "2016-11-20", CLAIMS_PRECISION_DAY);
    /* this/next/last name the ISO week (Monday to Sunday) */
    expect_day("last Sunday", REF, "2016-11-13");
    expect_day("next Sunday", REF, "2016-11-27");
    expect_day("this Friday", REF, "2016-11-18");
    expect_day("next Sunday", "2016-11-07", "2016-11-20");
    expect_day("last Sunday", "2016-11-07", "2016-11-06");
    expect_day("next week on Friday", "2016-11-07", "2016-11-18");
    expect_day("on Friday next week", "2016-11-07", "2016-11-18");
    expect_day("Tuesday next week", "2018-03-20", "2018-03-27");
    expect_day("on Sunday of next week", "2018-03-20", "2018-04-01");
    expect_day("last week Sunday", "2016-11-07", "2016-11-06");
    expect_day("Sunday night", REF, "2016-11-20");
    expect_day("this past Tuesday", REF, "2016-11-15");
    expect_day("this past Sunday", REF, "2016-11-13");
    expect_day("Sunday (Nov. 20)", REF, "2016-11-20");
    /* n-th weekday of a month */
    expect_day("the first friday of july", "2016-11-07", "2016-07-01");
    expect("the first friday of july", "2016-11-07", CLAIMS_BIAS_FUTURE, "2017-07-07",
           CLAIMS_PRECISION_DAY);
    expect_day("the first friday in this month", "2016-11-07", "2016-11-04");
    expect_day("the second Monday of next month", "2018-03-20", "2018-04-09");
    expect_day("the third Wednesday of previous month", "2018-03-20", "2018-02-21");
    expect_day("second Sunday", "2017-09-27", "2017-09-10");
    expect_day("the fourth Thursday of November 2016", NULL, "2016-11-24");
}
END_TEST

START_TEST(test_relative_days)
{
    expect_day("today", REF, "2016-11-20");
    expect_day("tonight", REF, "2016-11-20");
    expect_day("this morning", REF, "2016-11-20");
    expect_day("yesterday", REF, "2016-11-19");
    expect_day("yesterday afternoon", REF, "2016-11-19");
    expect_day("last night", REF, "2016-11-19");
    expect_day("tomorrow", REF, "2016-11-21");
    expect_day("tmrw", REF, "2016-11-21");
    expect_day("the previous day", REF, "2016-11-19");
    expect_day("the day before", REF, "2016-11-19");
    expect_day("the day after", REF, "2016-11-21");
    expect_day("the next day", REF, "2016-11-21");
    expect_day("the following day", REF, "2016-11-21");
    expect_day("that day", REF, "2016-11-20");
    expect_day("the same day", REF, "2016-11-20");
    expect_day("the day before yesterday", REF, "2016-11-18");
    expect_day("the day after tomorrow", REF, "2016-11-22");
    expect_day("two days ago", REF, "2016-11-18");
    expect_day("2 days earlier", REF, "2016-11-18");
    expect_day("in three days", REF, "2016-11-23");
    expect_day("three days later", REF, "2016-11-23");
    expect_day("two weeks from now", "2016-11-07", "2016-11-21");
    expect_day("three weeks from tomorrow", "2018-05-31", "2018-06-22");
    expect_day("two days before yesterday", "2018-05-31", "2018-05-28");
    expect_day("four days from yesterday", "2018-04-20", "2018-04-23");
    expect_day("two days after today", "2018-05-31", "2018-06-02");
    expect_day("1 month 21 days ago", "2017-11-23", "2017-10-02");
    expect_day("2 years, 1 month and 21 days ago", "2017-11-23", "2015-10-02");
    expect_day("2 years 21 days later", "2017-11-23", "2019-12-14");
    expect_day("in four business days", "2018-08-21", "2018-08-27");
    expect_day("two sundays from now", "2018-05-07", "2018-05-20");
    expect_day("two monday later", "2018-05-07", "2018-05-21");
    /* month arithmetic clamps to the month's last day */
    expect_day("one month from today", "2016-03-31", "2016-04-30");
    expect_day("a year from today", "2016-02-29", "2017-02-28");
    /* "ago", "in" and "later" are as precise as their finest unit */
    expect("a month ago", "2016-11-07", CLAIMS_BIAS_PAST, "2016-10", CLAIMS_PRECISION_MONTH);
    expect("two years ago", "2016-11-07", CLAIMS_BIAS_PAST, "2014", CLAIMS_PRECISION_YEAR);
    expect("in 3 weeks", "2018-07-05", CLAIMS_BIAS_PAST, "2018-W30", CLAIMS_PRECISION_WEEK);
    expect("in a fortnight", REF, CLAIMS_BIAS_PAST, "2016-W48", CLAIMS_PRECISION_WEEK);
    expect("two decades ago", REF, CLAIMS_BIAS_PAST, "199X", CLAIMS_PRECISION_DECADE);
    /* vague counts are hedged */
    expect_day("a few days ago", "2016-11-07", "2016-11-04");
    ck_assert_int_eq(claims_value_modifier(V), CLAIMS_MOD_APPROX);
    expect_day("a couple of days ago", "2016-11-07", "2016-11-05");
    ck_assert_int_eq(claims_value_modifier(V), CLAIMS_MOD_APPROX);
    expect_day("two days ago", "2016-11-07", "2016-11-05");
    ck_assert_int_eq(claims_value_modifier(V), CLAIMS_MOD_NONE);
}
END_TEST

START_TEST(test_periods)
{
    expect("this week", REF, CLAIMS_BIAS_PAST, "2016-W46", CLAIMS_PRECISION_WEEK);
    expect("next week", REF, CLAIMS_BIAS_PAST, "2016-W47", CLAIMS_PRECISION_WEEK);
    expect("last week", REF, CLAIMS_BIAS_PAST, "2016-W45", CLAIMS_PRECISION_WEEK);
    expect("earlier this week", REF, CLAIMS_BIAS_PAST, "2016-W46", CLAIMS_PRECISION_WEEK);
    expect("this weekend", REF, CLAIMS_BIAS_PAST, "2016-W46-WE", CLAIMS_PRECISION_WEEK);
    expect_interval("this weekend", REF, day_seconds(2016, 11, 19), day_seconds(2016, 11, 21));
    expect("this month", REF, CLAIMS_BIAS_PAST, "2016-11", CLAIMS_PRECISION_MONTH);
    expect("later this month", REF, CLAIMS_BIAS_PAST, "2016-11", CLAIMS_PRECISION_MONTH);
    expect("last month", "2017-01-15", CLAIMS_BIAS_PAST, "2016-12", CLAIMS_PRECISION_MONTH);
    expect("next month", "2016-12-15", CLAIMS_BIAS_PAST, "2017-01", CLAIMS_PRECISION_MONTH);
    expect("last year", REF, CLAIMS_BIAS_PAST, "2015", CLAIMS_PRECISION_YEAR);
    expect("next year", REF, CLAIMS_BIAS_PAST, "2017", CLAIMS_PRECISION_YEAR);
    expect("this decade", REF, CLAIMS_BIAS_PAST, "201X", CLAIMS_PRECISION_DECADE);
    expect("this past weekend", "2016-11-16", CLAIMS_BIAS_PAST, "2016-W45-WE",
           CLAIMS_PRECISION_WEEK);
    expect("the week of November 14", REF, CLAIMS_BIAS_PAST, "2016-W46", CLAIMS_PRECISION_WEEK);
    expect("the week of Nov. 17, 2016", NULL, CLAIMS_BIAS_PAST, "2016-W46", CLAIMS_PRECISION_WEEK);
    expect("last March", REF, CLAIMS_BIAS_PAST, "2016-03", CLAIMS_PRECISION_MONTH);
    expect("this March", REF, CLAIMS_BIAS_PAST, "2016-03", CLAIMS_PRECISION_MONTH);
    expect("next March", REF, CLAIMS_BIAS_PAST, "2017-03", CLAIMS_PRECISION_MONTH);
    expect("last November", REF, CLAIMS_BIAS_PAST, "2015-11", CLAIMS_PRECISION_MONTH);
    expect("next December", REF, CLAIMS_BIAS_PAST, "2016-12", CLAIMS_PRECISION_MONTH);
    expect("at the end of October", REF, CLAIMS_BIAS_PAST, "2016-10", CLAIMS_PRECISION_MONTH);
    expect("'89", REF, CLAIMS_BIAS_PAST, "1989", CLAIMS_PRECISION_YEAR);
    expect("Nov '16", REF, CLAIMS_BIAS_PAST, "2016-11", CLAIMS_PRECISION_MONTH);
    /* ISO weeks across the new year */
    expect("this week", "2017-01-01", CLAIMS_BIAS_PAST, "2016-W52", CLAIMS_PRECISION_WEEK);
    expect("next week", "2016-12-30", CLAIMS_BIAS_PAST, "2017-W01", CLAIMS_PRECISION_WEEK);
    expect("this week", "2015-12-31", CLAIMS_BIAS_PAST, "2015-W53", CLAIMS_PRECISION_WEEK);
    expect("this week", "2008-12-29", CLAIMS_BIAS_PAST, "2009-W01", CLAIMS_PRECISION_WEEK);
    expect("2015-W53", NULL, CLAIMS_BIAS_PAST, "2015-W53", CLAIMS_PRECISION_WEEK);
    expect_interval("2016-W46", NULL, day_seconds(2016, 11, 14), day_seconds(2016, 11, 21));
    expect_interval("2016-11", NULL, day_seconds(2016, 11, 1), day_seconds(2016, 12, 1));
    expect_interval("2016", NULL, day_seconds(2016, 1, 1), day_seconds(2017, 1, 1));
    expect_interval("Nov. 8", REF, day_seconds(2016, 11, 8), day_seconds(2016, 11, 9));
}
END_TEST

START_TEST(test_seasons_and_decades)
{
    expect("this fall", REF, CLAIMS_BIAS_PAST, "2016-FA", CLAIMS_PRECISION_SEASON);
    expect("last spring", REF, CLAIMS_BIAS_PAST, "2016-SP", CLAIMS_PRECISION_SEASON);
    expect("last fall", REF, CLAIMS_BIAS_PAST, "2015-FA", CLAIMS_PRECISION_SEASON);
    expect("last fall", "2016-12-05", CLAIMS_BIAS_PAST, "2016-FA", CLAIMS_PRECISION_SEASON);
    expect("next spring", REF, CLAIMS_BIAS_PAST, "2017-SP", CLAIMS_PRECISION_SEASON);
    expect("next fall", REF, CLAIMS_BIAS_PAST, "2017-FA", CLAIMS_PRECISION_SEASON);
    expect("this winter", "2017-01-10", CLAIMS_BIAS_PAST, "2016-WI", CLAIMS_PRECISION_SEASON);
    expect("this winter", REF, CLAIMS_BIAS_PAST, "2016-WI", CLAIMS_PRECISION_SEASON);
    expect("winter", REF, CLAIMS_BIAS_PAST, "2015-WI", CLAIMS_PRECISION_SEASON);
    expect("winter", REF, CLAIMS_BIAS_FUTURE, "2016-WI", CLAIMS_PRECISION_SEASON);
    expect("in the summer", REF, CLAIMS_BIAS_PAST, "2016-SU", CLAIMS_PRECISION_SEASON);
    expect("fall 2016", NULL, CLAIMS_BIAS_PAST, "2016-FA", CLAIMS_PRECISION_SEASON);
    expect("the autumn of 2014", NULL, CLAIMS_BIAS_PAST, "2014-FA", CLAIMS_PRECISION_SEASON);
    expect("2016-WI", NULL, CLAIMS_BIAS_PAST, "2016-WI", CLAIMS_PRECISION_SEASON);
    expect_interval("2016-WI", NULL, day_seconds(2016, 12, 1), day_seconds(2017, 3, 1));
    expect_interval("2016-FA", NULL, day_seconds(2016, 9, 1), day_seconds(2016, 12, 1));
    expect("the 1990s", NULL, CLAIMS_BIAS_PAST, "199X", CLAIMS_PRECISION_DECADE);
    expect("the 1990's", NULL, CLAIMS_BIAS_PAST, "199X", CLAIMS_PRECISION_DECADE);
    expect("the '90s", REF, CLAIMS_BIAS_PAST, "199X", CLAIMS_PRECISION_DECADE);
    expect("the nineties", REF, CLAIMS_BIAS_PAST, "199X", CLAIMS_PRECISION_DECADE);
    expect("the 20s", REF, CLAIMS_BIAS_PAST, "192X", CLAIMS_PRECISION_DECADE);
    expect("the 20s", "2021-05-01", CLAIMS_BIAS_PAST, "202X", CLAIMS_PRECISION_DECADE);
    expect("201X", NULL, CLAIMS_BIAS_PAST, "201X", CLAIMS_PRECISION_DECADE);
    expect_interval("the 1990s", NULL, day_seconds(1990, 1, 1), day_seconds(2000, 1, 1));
}
END_TEST

START_TEST(test_leap_years)
{
    expect_day("February 29, 2016", NULL, "2016-02-29");
    expect_day("2/29/2000", NULL, "2000-02-29");
    expect_error("February 29, 2015", NULL, CLAIMS_ESYNTAX, "not a calendar date");
    expect_error("2/29/1900", NULL, CLAIMS_ESYNTAX, "not a calendar date");
    expect_error("2/29/2100", NULL, CLAIMS_ESYNTAX, "not a calendar date");
    expect_day("Feb 29", "2017-03-22", "2016-02-29");
    expect("Feb 29", "2017-03-22", CLAIMS_BIAS_FUTURE, "2020-02-29", CLAIMS_PRECISION_DAY);
    expect("Feb 29th", "2020-03-22", CLAIMS_BIAS_FUTURE, "2024-02-29", CLAIMS_PRECISION_DAY);
    expect_day("2/29", "2019-03-22", "2016-02-29");
    expect_interval("February 2016", NULL, day_seconds(2016, 2, 1), day_seconds(2016, 3, 1));
    expect_interval("February 2015", NULL, day_seconds(2015, 2, 1), day_seconds(2015, 3, 1));
}
END_TEST

START_TEST(test_year_rollover)
{
    expect_day("Dec 31", "2017-01-02", "2016-12-31");
    expect("Dec 31", "2017-01-02", CLAIMS_BIAS_FUTURE, "2017-12-31", CLAIMS_PRECISION_DAY);
    expect("Dec 31", "2017-01-02", CLAIMS_BIAS_NEAREST, "2016-12-31", CLAIMS_PRECISION_DAY);
    expect_day("Jan 2", "2016-12-30", "2016-01-02");
    expect("Jan 2", "2016-12-30", CLAIMS_BIAS_NEAREST, "2017-01-02", CLAIMS_PRECISION_DAY);
    expect("in December", "2017-01-05", CLAIMS_BIAS_NEAREST, "2016-12", CLAIMS_PRECISION_MONTH);
    expect_day("yesterday", "2017-01-01", "2016-12-31");
    expect_day("tomorrow", "2016-12-31", "2017-01-01");
    expect_day("Friday", "2017-01-01", "2016-12-30");
}
END_TEST

START_TEST(test_reference_forms)
{
    static const char *const refs[] = {"2016-11-20",
                                       "20161120",
                                       "2016-11-20T14:52:00-05:00",
                                       "2016-11-20T14:52",
                                       "2016-11-20 14:52:00",
                                       "2016-11-20T14:52:00.123Z",
                                       " 2016-11-20 ",
                                       "2016-11-20T145200+0100",
                                       "2016-11-20T23:59:60Z"};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        expect_day("yesterday", refs[i], "2016-11-19");
    static const char *const bad[] = {
        "2016-13-01", "yesterday",  "2016-11-20T25:00",       "2016-11-20X", "",
        "2016-11",    "2016-02-30", "2016-11-20T14:52+15:00", "16-11-20"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        claims_error err;
        int rc =
            parse_into(V, CLAIMS_TYPE_DATE, "November 20, 2016", bad[i], CLAIMS_BIAS_PAST, &err);
        ck_assert_msg(rc == CLAIMS_EINVAL, "reference '%s' accepted", bad[i]);
        ck_assert_msg(strstr(err.text, "malformed reference date"), "%s", err.text);
    }
}
END_TEST

START_TEST(test_needs_reference)
{
    static const char *const rel[] = {
        "Sunday",       "on Sunday",      "yesterday",     "today",     "in January", "Nov. 8",
        "two days ago", "in three days",  "this fall",     "last week", "the 27th",   "the '90s",
        "next Sunday",  "the day before", "second Sunday", "winter"};
    for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++)
        expect_error(rel[i], NULL, CLAIMS_ESYNTAX, "needs a reference date");
}
END_TEST

START_TEST(test_errors)
{
    expect_error("February 30, 2016", REF, CLAIMS_ESYNTAX, "not a calendar date");
    expect_error("April 31, 2016", REF, CLAIMS_ESYNTAX, "not a calendar date");
    expect_error("13/45/2011", REF, CLAIMS_ESYNTAX, "not a valid date");
    expect_error("2016-13-01", REF, CLAIMS_ESYNTAX, "not a valid date");
    expect_error("99999999999", REF, CLAIMS_ERANGE, "out of range");
    expect_error("10000", REF, CLAIMS_ERANGE, "out of range");
    expect_error("99999999999999999999999 days ago", REF, CLAIMS_ERANGE, NULL);
    expect_error("2000000 days ago", REF, CLAIMS_ERANGE, NULL);
    expect_error("9000 years from now", REF, CLAIMS_ERANGE, "out of range");
    expect_error("blah", REF, CLAIMS_ESYNTAX, "unexpected word 'blah'");
    expect_error("Sunday blah", REF, CLAIMS_ESYNTAX, "blah");
    expect_error("", REF, CLAIMS_ESYNTAX, "empty");
    expect_error("   ", REF, CLAIMS_ESYNTAX, "empty");
    expect_error("Sunday 2015", REF, CLAIMS_ESYNTAX, NULL);
    expect_error("November 20, 2016, 2017", REF, CLAIMS_ESYNTAX, "a second");
    expect_error("Monday, November 20, 2016", REF, CLAIMS_ESYNTAX, "weekday does not match");
    expect_error("31st of this month", "2016-11-07", CLAIMS_ESYNTAX, "not a calendar date");
    expect_error("fifth Sunday", "2017-09-27", CLAIMS_ESYNTAX, "not a calendar date");
    expect_error("Feb 30", "2020-03-22", CLAIMS_ESYNTAX, "not a calendar date");
    expect_error("since 2015", REF, CLAIMS_ESYNTAX, "open-ended");
    expect_error("3 days", REF, CLAIMS_ESYNTAX, "duration");
    expect_error("the 32nd", REF, CLAIMS_ESYNTAX, "not a day");
    expect_error("2016-W53", REF, CLAIMS_ESYNTAX, "ISO week");
    expect_error("Nov 2016 2:00 pm", REF, CLAIMS_ESYNTAX, NULL);
    expect_error("today yesterday", REF, CLAIMS_ESYNTAX, NULL);
    expect_error("\xE2\x82\xAC"
                 "5",
                 REF, CLAIMS_ESYNTAX, "unexpected character");
    expect_error("November 20, 2016 about", REF, CLAIMS_ESYNTAX, "hedge");
    expect_error("2016--", REF, CLAIMS_ESYNTAX, "cannot end with");
    expect_error("the first and", REF, CLAIMS_ESYNTAX, "cannot end with");
    expect_error("November 20 of", REF, CLAIMS_ESYNTAX, "cannot end with");
    expect_error("about", REF, CLAIMS_ESYNTAX, NULL);
    expect_error("2016-11-20T25:52Z", REF, CLAIMS_ESYNTAX, "malformed time");
    expect_error("last March 5", REF, CLAIMS_ESYNTAX, "contradictory");
    expect_error("the week of 2016", REF, CLAIMS_ESYNTAX, "week of");
    /* a bad bias is an invalid argument */
    claims_error err;
    ck_assert_int_eq(parse_into(V, CLAIMS_TYPE_DATE, "Sunday", REF, (claims_date_bias)7, &err),
                     CLAIMS_EINVAL);
    /* a long run of words */
    char many[600] = "";
    for (int i = 0; i < 60; i++)
        strcat(many, "the ");
    strcat(many, "2016");
    expect_error(many, REF, CLAIMS_ESYNTAX, "too many words");
}
END_TEST

START_TEST(test_hedges_and_none)
{
    expect_day("about November 20, 2016", NULL, "2016-11-20");
    ck_assert_int_eq(claims_value_modifier(V), CLAIMS_MOD_APPROX);
    expect("around 2015", NULL, CLAIMS_BIAS_PAST, "2015", CLAIMS_PRECISION_YEAR);
    ck_assert_int_eq(claims_value_modifier(V), CLAIMS_MOD_APPROX);
    expect("ca. 1990", NULL, CLAIMS_BIAS_PAST, "1990", CLAIMS_PRECISION_YEAR);
    ck_assert_int_eq(claims_value_modifier(V), CLAIMS_MOD_APPROX);
    expect_day("November 20, 2016", NULL, "2016-11-20");
    ck_assert_int_eq(claims_value_modifier(V), CLAIMS_MOD_NONE);
    static const char *const none[] = {"unknown", "N/A", "Not available", "--", "TBD"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        claims_error err;
        ck_assert_int_eq(parse_into(V, CLAIMS_TYPE_DATE, none[i], NULL, CLAIMS_BIAS_PAST, &err),
                         CLAIMS_OK);
        ck_assert_msg(claims_value_is_none(V), "%s", none[i]);
        ck_assert_str_eq(claims_value_normalized(V), "");
    }
}
END_TEST

/* Parses a into V and b into W (DATE or TIME) and compares them. */
static void compare(claims_type ta, const char *a, claims_type tb, const char *b, const char *ref,
                    claims_relation want, const char *reason)
{
    claims_error err;
    ck_assert_msg(parse_into(V, ta, a, ref, CLAIMS_BIAS_PAST, &err) == CLAIMS_OK, "%s: %s", a,
                  err.text);
    ck_assert_msg(parse_into(W, tb, b, ref, CLAIMS_BIAS_PAST, &err) == CLAIMS_OK, "%s: %s", b,
                  err.text);
    claims_comparison c = CLAIMS_COMPARISON_INIT;
    ck_assert_int_eq(claims_value_compare(&c, NULL, V, W), CLAIMS_OK);
    ck_assert_msg(c.relation == want, "%s vs %s: %s (%s)", a, b, claims_relation_name(c.relation),
                  c.reason);
    ck_assert_msg(!reason || strcmp(c.reason, reason) == 0, "%s vs %s: reason '%s'", a, b,
                  c.reason);
    ck_assert(c.score >= 0.0 && c.score <= 1.0);
    if (want == CLAIMS_RELATION_EQUAL)
        ck_assert(c.score == 1.0);
    /* the relation does not depend on the order */
    claims_comparison back = CLAIMS_COMPARISON_INIT;
    ck_assert_int_eq(claims_value_compare(&back, NULL, W, V), CLAIMS_OK);
    ck_assert_int_eq(back.relation, c.relation);
    ck_assert(back.score == c.score);
}

START_TEST(test_compare)
{
    const claims_type D = CLAIMS_TYPE_DATE;
    compare(D, "November 2016", D, "Nov. 20, 2016", REF, CLAIMS_RELATION_COMPATIBLE,
            "2016-11 contains 2016-11-20");
    compare(D, "Nov. 20, 2016", D, "November 2016", REF, CLAIMS_RELATION_COMPATIBLE,
            "2016-11 contains 2016-11-20");
    compare(D, "2016-11-20", D, "November 2015", REF, CLAIMS_RELATION_CONFLICTING,
            "2016-11-20 conflicts with 2015-11");
    compare(D, "Sunday", D, "November 20, 2016", REF, CLAIMS_RELATION_EQUAL,
            "2016-11-20 equals 2016-11-20");
    compare(D, "this fall", D, "Nov. 8", REF, CLAIMS_RELATION_COMPATIBLE,
            "2016-FA contains 2016-11-08");
    compare(D, "the 1990s", D, "1994", REF, CLAIMS_RELATION_COMPATIBLE, "199X contains 1994");
    compare(D, "2016-W48", D, "December 2016", REF, CLAIMS_RELATION_COMPATIBLE,
            "2016-W48 overlaps 2016-12");
    compare(D, "2016", D, "2016-W52", REF, CLAIMS_RELATION_COMPATIBLE, "2016 overlaps 2016-W52");
    compare(D, "2016", D, "2016-W51", REF, CLAIMS_RELATION_COMPATIBLE, "2016 contains 2016-W51");
    compare(D, "about November 20, 2016", D, "November 21, 2016", REF, CLAIMS_RELATION_COMPATIBLE,
            "2016-11-20 APPROX overlaps 2016-11-21");
    compare(D, "about November 20, 2016", D, "November 20, 2016", REF, CLAIMS_RELATION_COMPATIBLE,
            "2016-11-20 APPROX overlaps 2016-11-20");
    compare(D, "about November 20, 2016", D, "November 25, 2016", REF, CLAIMS_RELATION_CONFLICTING,
            "2016-11-20 APPROX conflicts with 2016-11-25");
    compare(D, "November 20, 2016", D, "November 21, 2016", REF, CLAIMS_RELATION_CONFLICTING,
            "2016-11-20 conflicts with 2016-11-21");
    /* adjacent days: midpoints one day apart, one day long: 1/(1+1) */
    claims_comparison c = CLAIMS_COMPARISON_INIT;
    ck_assert_int_eq(claims_value_compare(&c, NULL, V, W), CLAIMS_OK);
    ck_assert(c.score > 0.49 && c.score < 0.51);
    /* containment scores above 0.5, more when the spans are close in size */
    compare(D, "November 2016", D, "Nov. 20, 2016", REF, CLAIMS_RELATION_COMPATIBLE, NULL);
    ck_assert_int_eq(claims_value_compare(&c, NULL, V, W), CLAIMS_OK);
    ck_assert(c.score > 0.5 && c.score < 0.6);
    /* DATE against TIME */
    compare(D, "December 1, 2011", CLAIMS_TYPE_TIME, "2:07 PMDec 01", "2011-12-01",
            CLAIMS_RELATION_COMPATIBLE, "2011-12-01 contains 2011-12-01T14:07");
    compare(D, "December 2, 2011", CLAIMS_TYPE_TIME, "2:07 PMDec 01", "2011-12-01",
            CLAIMS_RELATION_CONFLICTING, "2011-12-02 conflicts with 2011-12-01T14:07");
    /* none and other types */
    ck_assert_int_eq(parse_into(V, D, "unknown", NULL, CLAIMS_BIAS_PAST, NULL), CLAIMS_OK);
    ck_assert_int_eq(parse_into(W, D, "2016", NULL, CLAIMS_BIAS_PAST, NULL), CLAIMS_OK);
    ck_assert_int_eq(claims_value_compare(&c, NULL, V, W), CLAIMS_OK);
    ck_assert_int_eq(c.relation, CLAIMS_RELATION_INCOMPARABLE);
}
END_TEST

START_TEST(test_calendar_helpers)
{
    /* day numbers round-trip over the whole supported range */
    for (int64_t days = claims__days_from_civil(1, 1, 1);
         days <= claims__days_from_civil(9999, 12, 31); days += 97) {
        int64_t y;
        int m, d;
        claims__civil_from_days(days, &y, &m, &d);
        ck_assert(claims__date_valid(y, m, d));
        ck_assert_int_eq(claims__days_from_civil(y, m, d), days);
    }
    ck_assert_int_eq(claims__days_from_civil(1970, 1, 1), 0);
    ck_assert_int_eq(claims__days_from_civil(2000, 3, 1), 11017);
    ck_assert_int_eq(claims__weekday(0), 4);
    ck_assert_int_eq(claims__weekday(claims__days_from_civil(2016, 11, 20)), 7);
    ck_assert_int_eq(claims__weekday(claims__days_from_civil(1, 1, 1)), 1);
    ck_assert_int_eq(claims__days_in_month(2016, 2), 29);
    ck_assert_int_eq(claims__days_in_month(2015, 2), 28);
    ck_assert_int_eq(claims__days_in_month(2000, 2), 29);
    ck_assert_int_eq(claims__days_in_month(1900, 2), 28);
    ck_assert_int_eq(claims__days_in_month(2016, 13), 0);
    ck_assert_int_eq(claims__nth_weekday(2016, 11, 4, 4), claims__days_from_civil(2016, 11, 24));
    ck_assert_int_eq(claims__nth_weekday(2016, 10, 7, -1), claims__days_from_civil(2016, 10, 30));
    ck_assert_int_eq(claims__nth_weekday(2017, 9, 7, 5), -1);
    ck_assert_int_eq(claims__month_lookup("Sept", 4), 9);
    ck_assert_int_eq(claims__month_lookup("DECEMBER", 8), 12);
    ck_assert_int_eq(claims__month_lookup("Decem", 5), 0);
    ck_assert_int_eq(claims__month_lookup("ma", 2), 0);
    ck_assert_int_eq(claims__weekday_lookup("Thurs", 5), 4);
    ck_assert_int_eq(claims__weekday_lookup("sundays", 7), 0);
    ck_assert_uint_eq(claims__none_marker("Not   Available!", 16), 15);
    ck_assert_uint_eq(claims__none_marker("Notable", 7), 0);
    ck_assert_uint_eq(claims__none_marker("---", 3), 0);
    ck_assert_uint_eq(claims__none_marker("n/a", 3), 3);
    claims__ref ref;
    ck_assert_int_eq(claims__year_from_two_digits(16, &(claims__ref){0}), 2016);
    claims_parse_options o = CLAIMS_PARSE_OPTIONS_INIT;
    o.reference.ptr = "2016-11-20T14:52:30-05:30";
    o.reference.len = strlen(o.reference.ptr);
    ck_assert_int_eq(claims__ref_parse(&ref, &o, NULL), CLAIMS_OK);
    ck_assert(ref.present && ref.has_tz);
    ck_assert_int_eq(ref.tz_minutes, -330);
    ck_assert_int_eq(ref.seconds, 14 * 3600 + 52 * 60 + 30);
    ck_assert_int_eq(ref.days, claims__days_from_civil(2016, 11, 20));
}
END_TEST

START_TEST(test_value_reuse)
{
    /* one value, many parses: no stale content after an error */
    for (int i = 0; i < 1000; i++) {
        expect_day("Nov. 8", REF, "2016-11-08");
        expect_error("February 30, 2016", REF, CLAIMS_ESYNTAX, NULL);
        int64_t b, e;
        ck_assert_int_eq(claims_value_interval(V, &b, &e, NULL), CLAIMS_EINVAL);
    }
    ck_assert_str_eq(claims_value_text(V), "");
    expect_day("Nov. 8", REF, "2016-11-08");
    ck_assert_str_eq(claims_value_text(V), "Nov. 8");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("date");
    TCase *tc = tcase_create("date");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_seed_cases);
    tcase_add_test(tc, test_absolute_days);
    tcase_add_test(tc, test_two_digit_years);
    tcase_add_test(tc, test_partial_with_bias);
    tcase_add_test(tc, test_weekdays);
    tcase_add_test(tc, test_relative_days);
    tcase_add_test(tc, test_periods);
    tcase_add_test(tc, test_seasons_and_decades);
    tcase_add_test(tc, test_leap_years);
    tcase_add_test(tc, test_year_rollover);
    tcase_add_test(tc, test_reference_forms);
    tcase_add_test(tc, test_needs_reference);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_hedges_and_none);
    tcase_add_test(tc, test_compare);
    tcase_add_test(tc, test_calendar_helpers);
    tcase_add_test(tc, test_value_reuse);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return run_suite(suite()); }

/* check_number.c - NUMBER values: numerals, words, fractions, ordinals,
 * hedges, bounds, ranges, errors and the comparison. */
#include "values/number_grammar.h"

#include "check_helpers.h"
#include "check_quantity.h"

#include <stdio.h>
#include <stdlib.h>

static claims_value *v;

static void setup(void) { ck_assert_int_eq(claims_value_new(&v), CLAIMS_OK); }
static void teardown(void) { claims_value_free(v); }

#define N CLAIMS_TYPE_NUMBER
#define PLAIN(text, norm) expect_plain(v, N, text, norm)
#define BOUND(text, norm, mod, lo, hi) expect_value(v, N, text, norm, CLAIMS_MOD_##mod, lo, hi)
#define SYNTAX(text) expect_error(v, N, text, CLAIMS_ESYNTAX)
#define RANGE(text) expect_error(v, N, text, CLAIMS_ERANGE)

START_TEST(test_numerals)
{
    PLAIN("129", "129");
    PLAIN("  129  ", "129");
    PLAIN("1,234,567", "1234567");
    PLAIN("1 000", "1000");
    PLAIN("1\xC2\xA0"
          "000",
          "1000"); /* no-break space */
    PLAIN("1 234 567.89", "1234567.89");
    PLAIN("0033", "33");
    PLAIN("-1.2", "-1.2");
    PLAIN(".5", "0.5");
    PLAIN("4.800", "4.8");
    PLAIN("0.000", "0");
    PLAIN("-0", "0");
    PLAIN("12,34,567.89", "1234567.89"); /* Indian grouping */
    PLAIN("1.111,11", "1111.11");        /* dots group, comma decimal */
    PLAIN("1.234.567", "1234567");
    PLAIN("5,00", "5");
    PLAIN("1e10", "10000000000");
    PLAIN("-12e-1", "-1.2");
    PLAIN("12.32e+14", "1232000000000000");
    PLAIN("+5", "5");
    PLAIN("- 1,200,000", "-1200000");
    PLAIN("9007199254740992", "9007199254740992");
    PLAIN("-9007199254740992", "-9007199254740992");
    PLAIN("0.1", "0.1");
    PLAIN("3.14159", "3.14159");
}
END_TEST

START_TEST(test_words)
{
    PLAIN("zero", "0");
    PLAIN("nought", "0");
    PLAIN("thirty-five", "35");
    PLAIN("Thirty Five", "35");
    PLAIN("fifty - two", "52");
    PLAIN("forty two", "42");
    PLAIN("fourty two", "42");
    PLAIN("one hundred and twenty", "120");
    PLAIN("a hundred", "100");
    PLAIN("hundred fifteen", "115");
    PLAIN("thousand and nine hundred twenty", "1920");
    PLAIN("nineteen hundred seventy-three", "1973");
    PLAIN("forty five hundred thirty eight", "4538");
    PLAIN("sixty hundreds", "6000");
    PLAIN("one twenty two", "122");
    PLAIN("ONE TwentY tWO", "122");
    PLAIN("seven hundred twenty-one thousand and twelve", "721012");
    PLAIN("two hundred and two thousand", "202000");
    PLAIN("twenty-one trillion and three hundred", "21000000000300");
    PLAIN("one billion twenty-five millions", "1025000000");
    PLAIN("three thousand millions", "3000000000");
    PLAIN("three lakh crore", "3000000000000");
    PLAIN("three crore twelve lakh fifty-six thousand seven hundred twenty-one", "31256721");
    PLAIN("zero eight", "8");
    PLAIN("o eight", "8");
    PLAIN("zero zero hundred twenty five", "125");
    PLAIN("3 hundred and 21", "321");
    PLAIN("4 thousand 3 hundred and 21", "4321");
    PLAIN("322 hundred", "32200");
    PLAIN("2.12 hundred", "212");
    PLAIN("twenty and four", "24");
}
END_TEST

START_TEST(test_quantity_words)
{
    PLAIN("a dozen", "12");
    PLAIN("a dozen of", "12");
    PLAIN("three dozens", "36");
    PLAIN("two hundred dozens", "2400");
    PLAIN("three hundred and two dozens", "324"); /* 300 + 2 dozen */
    PLAIN("3 dzs", "36");
    PLAIN("a couple", "2");
    PLAIN("a couple of", "2");
    PLAIN("a pair", "2");
    PLAIN("single", "1");
    /* vague quantities are hedged, never exact */
    BOUND("a few", "3", APPROX, NA, NA);
    BOUND("few", "3", APPROX, NA, NA);
    BOUND("several", "3", APPROX, NA, NA);
    BOUND("a few hundred", "300", APPROX, NA, NA);
}
END_TEST

START_TEST(test_scales)
{
    PLAIN("1.5 million", "1500000");
    PLAIN("3M", "3000000");
    PLAIN("2 billion", "2000000000");
    PLAIN("100k", "100000");
    PLAIN("100K", "100000");
    PLAIN("- 10  k", "-10000");
    PLAIN("1.2b", "1200000000");
    PLAIN("10 bln", "10000000000");
    PLAIN("2mil", "2000000");
    PLAIN("1MM", "1000000");
    PLAIN(".0012G", "1200000");
    PLAIN("1,674.5 million", "1674500000");
    PLAIN("two point two million", "2200000");
    PLAIN("13 lakh", "1300000");
    /* a lower-case m is a metre or a minute, not a million */
    SYNTAX("3m");
    SYNTAX("1mm");
}
END_TEST

START_TEST(test_fractions)
{
    PLAIN("1/2", "0.5");
    PLAIN("3/15", "0.2");
    PLAIN("2 1/4", "2.25");
    PLAIN("-4/5", "-0.8");
    PLAIN("- 1 4/5", "-1.8");
    PLAIN("\xC2\xBD", "0.5"); /* ½ */
    PLAIN("2\xC2\xBD", "2.5");
    PLAIN("three quarters", "0.75");
    PLAIN("a half", "0.5");
    PLAIN("half", "0.5");
    PLAIN("one half", "0.5");
    PLAIN("two thirds", "0.6666666666666666");
    PLAIN("two and a half", "2.5");
    PLAIN("one and a quarter", "1.25");
    PLAIN("one and quarter", "1.25");
    PLAIN("twenty and three fifths", "20.6");
    PLAIN("twenty-three fifths", "4.6");
    PLAIN("one hundred and three quarters", "100.75");
    PLAIN("one hundred and thirty fifths", "26");
    PLAIN("one hundred thirty-fifths", "2.857142857142857");
    PLAIN("one one hundred fifth", "0.009523809523809525");
    PLAIN("a twenty-first", "0.047619047619047616");
    PLAIN("one-eighth", "0.125");
    PLAIN("a trillionth", "0.000000000001");
    PLAIN("a hundredth", "0.01");
    PLAIN("half a dozen", "6");
    PLAIN("two thirds of a million", "666666.6666666666");
    PLAIN("half million", "500000");
    PLAIN("one million and a half", "1500000");
    PLAIN("five and a half million", "5500000");
    PLAIN("one billion and three quarters million", "1000750000");
    PLAIN("one over three", "0.3333333333333333");
    PLAIN("two out of five hundred", "0.004");
    PLAIN("1 in twenty-one", "0.047619047619047616");
    PLAIN("2000 over 3", "666.6666666666666");
    /* a part cannot exceed its whole */
    SYNTAX("five out of three");
    SYNTAX("1/0");
    /* "one second" is not a half */
    SYNTAX("one second");
}
END_TEST

START_TEST(test_ordinals_decimals_powers)
{
    PLAIN("twenty-first", "21");
    PLAIN("seventy fourth", "74");
    PLAIN("fiftieth", "50");
    PLAIN("21st", "21");
    PLAIN("2nd", "2");
    PLAIN("113th", "113");
    PLAIN("the tenth", "10");
    PLAIN("twenty-fifths", "25");
    PLAIN("fourty-oneths", "41");
    PLAIN("one hundred fifth", "105");
    SYNTAX("21th");
    SYNTAX("1st2");
    SYNTAX("the ten");

    PLAIN("two point five", "2.5");
    PLAIN("point 77", "0.77");
    PLAIN("1 point 1", "1.1");
    PLAIN("nine point nought four", "9.04");
    PLAIN("two hundred point seventy-one", "200.71");
    PLAIN("minus five point five", "-5.5");

    PLAIN("2^10", "1024");
    PLAIN("2.5^-1", "0.4");
    PLAIN("-1.1^--2", "-1.2100000000000002");
    PLAIN("1.3x10^6", "1300000");
    PLAIN("6.23x10^-4", "0.000623");

    PLAIN("minus five", "-5");
    PLAIN("negative 1,200,000", "-1200000");
    PLAIN("forty-five (45)", "45");
    PLAIN("45 (forty five)", "45");
    SYNTAX("45 (forty six)");
    SYNTAX("--5");
}
END_TEST

START_TEST(test_bounds)
{
    BOUND("at least 129", "129", EQUAL_OR_MORE, 129, NA);
    BOUND("at least 129 people", "129", EQUAL_OR_MORE, 129, NA);
    BOUND("no less than thirty", "30", EQUAL_OR_MORE, 30, NA);
    BOUND("five hundred or more", "500", EQUAL_OR_MORE, 500, NA);
    BOUND("five hundred and more", "500", EQUAL_OR_MORE, 500, NA);
    BOUND("200 or greater than", "200", EQUAL_OR_MORE, 200, NA);
    BOUND("more than 5000 or equal to", "5000", EQUAL_OR_MORE, 5000, NA);
    BOUND("equal to or more than 30", "30", EQUAL_OR_MORE, 30, NA);
    BOUND(">= 30", "30", EQUAL_OR_MORE, 30, NA);
    BOUND("\xE2\x89\xA5 30", "30", EQUAL_OR_MORE, 30, NA); /* ≥ */
    BOUND("100+", "100", EQUAL_OR_MORE, 100, NA);

    /* exclusive bounds: the modifier says so, the bound is the number */
    BOUND("more than 5", "5", MORE_THAN, 5, NA);
    BOUND("over thirty", "30", MORE_THAN, 30, NA);
    BOUND("just over 100", "100", MORE_THAN, 100, NA);
    BOUND(">10", "10", MORE_THAN, 10, NA);
    BOUND("exceeding 150", "150", MORE_THAN, 150, NA);
    BOUND("fewer than 20", "20", LESS_THAN, NA, 20);
    BOUND("under 10", "10", LESS_THAN, NA, 10);
    BOUND("nearly 100", "100", LESS_THAN, NA, 100);
    BOUND("almost 2,000", "2000", LESS_THAN, NA, 2000);
    BOUND("<-30", "-30", LESS_THAN, NA, -30);
    BOUND("fewer than a thousand", "1000", LESS_THAN, NA, 1000);

    BOUND("up to 100", "100", EQUAL_OR_LESS, NA, 100);
    BOUND("at most 7", "7", EQUAL_OR_LESS, NA, 7);
    BOUND("five hundred or less", "500", EQUAL_OR_LESS, NA, 500);
    BOUND("less than 5000 or equal", "5000", EQUAL_OR_LESS, NA, 5000);
    BOUND("equal to 5000 or less", "5000", EQUAL_OR_LESS, NA, 5000);
    BOUND("< = 100", "100", EQUAL_OR_LESS, NA, 100);

    /* hedges: no bound is invented */
    BOUND("about 240", "240", APPROX, NA, NA);
    BOUND("approximately 35", "35", APPROX, NA, NA);
    BOUND("roughly 1.5 billion", "1500000000", APPROX, NA, NA);
    BOUND("some 300", "300", APPROX, NA, NA);
    BOUND("20-odd", "20", APPROX, NA, NA);
    BOUND("100 or so", "100", APPROX, NA, NA);
    PLAIN("exactly 12", "12");
    PLAIN("equal to one hundred and seventy", "170");

    SYNTAX("at least");
    SYNTAX("at least at least 5");
    SYNTAX("about more than 5");
    SYNTAX("more than about 5");
    SYNTAX("at least 5 or more");
    SYNTAX("<>30");
    SYNTAX("=>30");
    SYNTAX("=<30");
}
END_TEST

START_TEST(test_ranges)
{
    BOUND("between 10 and 15", "[10,15]", NONE, 10, 15);
    BOUND("between 15 and 10", "[10,15]", NONE, 10, 15);
    BOUND("between the tenth and the fifteenth", "[10,15]", NONE, 10, 15);
    BOUND("between negative ten and fifteen", "[-10,15]", NONE, -10, 15);
    BOUND("10-15", "[10,15]", NONE, 10, 15);
    BOUND("10 \xE2\x80\x93 15", "[10,15]", NONE, 10, 15); /* en dash */
    BOUND("20~100", "[20,100]", NONE, 20, 100);
    BOUND("5k-20k", "[5000,20000]", NONE, 5000, 20000);
    BOUND("-10-15", "[-10,15]", NONE, -10, 15);
    BOUND("from 200 to 300", "[200,300]", NONE, 200, 300);
    BOUND("20 through 100", "[20,100]", NONE, 20, 100);
    BOUND("two or three", "[2,3]", NONE, 2, 3);
    BOUND("10-15 people", "[10,15]", NONE, 10, 15);
    BOUND("about 10-15", "[10,15]", APPROX, 10, 15);
    /* two bounds: exclusivity shows in the interval brackets */
    BOUND("more than 10 and less than 20", "(10,20)", NONE, 10, 20);
    BOUND("at most 100 and at least 20", "[20,100]", NONE, 20, 100);
    BOUND("larger than twenty and less or equal than thirty five", "(20,35]", NONE, 20, 35);
    BOUND("higher than the tenth but lower than the fifteenth", "(10,15)", NONE, 10, 15);
    BOUND("higher or equal than one hundred, lower or equal than three hundred", "[100,300]", NONE,
          100, 300);

    SYNTAX("1995-01"); /* descending: not a range */
    SYNTAX("from 10 to 5");
    SYNTAX("between 5");
    SYNTAX("between 5 and");
    SYNTAX("more than 10 and less than 5"); /* empty */
    SYNTAX("more than 5 and less than 5");
    SYNTAX("more than 5 and more than 6");
}
END_TEST

START_TEST(test_counted_nouns)
{
    PLAIN("129 people", "129");
    PLAIN("20 dollars", "20");
    PLAIN("5%", "5");
    PLAIN("1.5 per cent", "1.5");
    PLAIN("two million barrels", "2000000");
    /* a noun is up to three plain words after a space; function words,
     * number words and glued units are not nouns */
    SYNTAX("129 people were killed");
    SYNTAX("killed 129 people");
    SYNTAX("One-fourth is a fraction number.");
    SYNTAX("1m isn't a number.");
    SYNTAX("the 180ml liquid");
    SYNTAX("5 in 2009");
    SYNTAX("129 five");
    SYNTAX("%");
}
END_TEST

START_TEST(test_rejects)
{
    SYNTAX("");
    SYNTAX("   ");
    SYNTAX("banana");
    SYNTAX("a");
    SYNTAX("the");
    SYNTAX("-");
    SYNTAX("and");
    /* text2num's rules of well-formed number words */
    SYNTAX("five zero");
    SYNTAX("five o");
    SYNTAX("fifty zero three");
    SYNTAX("fifty three zero");
    SYNTAX("sixty fifteen");
    SYNTAX("ten five");
    SYNTAX("hundred hundreds");
    SYNTAX("thousand thousand two hundreds");
    SYNTAX("twentieth two");
    SYNTAX("ten oneths");
    SYNTAX("twenty twenty");
    SYNTAX("one two three");
    SYNTAX("o");
    /* plural scales alone are vague counts (test_vague_counts); a fraction
     * in the plural is not a count */
    SYNTAX("quarters");
    SYNTAX("dozens dozens");
    SYNTAX("hundreds of 5");
    SYNTAX("5/17/2018");
    SYNTAX("192.168.1.2");
    SYNTAX("1, 234, 567");
    SYNTAX("4:30");
    SYNTAX("$20");
    SYNTAX("twenty a hundred");
    SYNTAX("(5)");
}
END_TEST

START_TEST(test_out_of_range)
{
    RANGE("99999999999999999999999");
    RANGE("9007199254740993");
    RANGE("sixty-five quadrillion");
    RANGE("one sextillion");
    RANGE("1e400");
    RANGE("1e-400");
    RANGE("10^400");
    RANGE("0.1234567890123456789");
    RANGE("at least 99999999999999999999999 people");
    RANGE("between 1 and 9007199254740993");
    claims_error err;
    const char *t = "99999999999999999999999";
    ck_assert_int_eq(claims_value_parse(v, NULL, N, t, strlen(t), NULL, &err), CLAIMS_ERANGE);
    ck_assert_ptr_nonnull(strstr(err.text, t));
}
END_TEST

START_TEST(test_messages_and_options)
{
    claims_error err;
    const char *t = "banana split";
    ck_assert_int_eq(claims_value_parse(v, NULL, N, t, strlen(t), NULL, &err), CLAIMS_ESYNTAX);
    ck_assert_str_eq(err.text, "'banana split' is not a number");

    claims_parse_options o = CLAIMS_PARSE_OPTIONS_INIT;
    o.language = (claims_str){"fr", 2};
    ck_assert_int_eq(claims_value_parse(v, NULL, N, "5", 1, &o, &err), CLAIMS_ESYNTAX);
    ck_assert_ptr_nonnull(strstr(err.text, "English"));
    ck_assert_ptr_nonnull(strstr(err.text, "'fr'"));
    o.language = (claims_str){"en-GB", 5};
    ck_assert_int_eq(claims_value_parse(v, NULL, N, "5", 1, &o, &err), CLAIMS_OK);
    o.language = (claims_str){"EN", 2};
    ck_assert_int_eq(claims_value_parse(v, NULL, N, "5", 1, &o, &err), CLAIMS_OK);
    o.language = (claims_str){"eng", 3};
    ck_assert_int_eq(claims_value_parse(v, NULL, N, "5", 1, &o, &err), CLAIMS_ESYNTAX);

    /* the text need not be NUL-terminated */
    ck_assert_int_eq(claims_value_parse(v, NULL, N, "12345", 2, NULL, NULL), CLAIMS_OK);
    ck_assert_str_eq(claims_value_normalized(v), "12");
}
END_TEST

/* Reusing one value: each parse replaces the last one, a failed parse
 * leaves it empty, and the canonical buffer is not reallocated. */
START_TEST(test_reuse)
{
    PLAIN("1,234,567", "1234567");
    const char *buf = claims_value_normalized(v);
    for (int i = 0; i < 1000; i++) {
        char text[32];
        snprintf(text, sizeof text, "%d", i);
        PLAIN(text, text);
    }
    ck_assert_ptr_eq(claims_value_normalized(v), buf);
    BOUND("between 1 and 2", "[1,2]", NONE, 1, 2);
    SYNTAX("nonsense");
    double a = 0;
    ck_assert_int_eq(claims_value_amount(v, &a, NULL, NULL), CLAIMS_EINVAL);
    PLAIN("7", "7");
}
END_TEST

/* The scanner cuts numerals with their separators and classifies words. */
START_TEST(test_scanner)
{
    claims__scan sc;
    const char *t = "at least 1,234.5 people";
    ck_assert_int_eq(claims__number_scan(&sc, t, strlen(t), "number", NULL), CLAIMS_OK);
    ck_assert_uint_eq(sc.n, 4);
    ck_assert_int_eq(sc.tok[2].kind, CLAIMS__TOK_NUMERAL);
    ck_assert(sc.tok[2].value == 1234.5);
    ck_assert(sc.tok[2].flags & CLAIMS__NUM_GROUPED);
    ck_assert(!(sc.tok[2].flags & CLAIMS__NUM_INTEGER));
    ck_assert(claims__tok_is(&sc, 3, "PEOPLE"));
    ck_assert_uint_eq(claims__number_noun_start(&sc, 0, sc.n), 3);

    char many[CLAIMS__NUM_MAX_TOKENS * 2 + 8];
    size_t n = 0;
    for (int i = 0; i <= CLAIMS__NUM_MAX_TOKENS; i++) {
        many[n++] = '1';
        many[n++] = ' ';
    }
    many[n] = '\0';
    claims_error err;
    claims__error_clear(&err);
    ck_assert_int_eq(claims__number_scan(&sc, many, n, "number", &err), CLAIMS_ESYNTAX);
    ck_assert_ptr_nonnull(strstr(err.text, "too many"));
    SYNTAX(many); /* as the public API sees it */
}
END_TEST

START_TEST(test_compare)
{
    const claims_relation EQ = CLAIMS_RELATION_EQUAL, OK = CLAIMS_RELATION_COMPATIBLE,
                          NO = CLAIMS_RELATION_CONFLICTING;
    expect_relation(N, "1,000", "one thousand", EQ, "1000 equals 1000");
    expect_relation(N, "five", "5.0", EQ, NULL);
    expect_relation(N, "at least 129", "no fewer than 129", EQ,
                    "129 EQUAL_OR_MORE equals 129 EQUAL_OR_MORE");
    expect_relation(N, "between 10 and 15", "10-15", EQ, NULL);
    expect_relation(N, "at least 129", "150", OK, "129 EQUAL_OR_MORE contains 150");
    expect_relation(N, "150", "at least 129", OK, "150 lies within 129 EQUAL_OR_MORE");
    expect_relation(N, "at least 129", "100", NO, "129 EQUAL_OR_MORE conflicts with 100");
    expect_relation(N, "at least 129", "129", OK, NULL);
    /* an exclusive bound excludes its number */
    expect_relation(N, "more than 5", "5", NO, "5 MORE_THAN conflicts with 5");
    expect_relation(N, "less than 5", "5", NO, NULL);
    expect_relation(N, "more than 5", "5.5", OK, NULL);
    expect_relation(N, "at most 5", "at least 5", OK, NULL);
    expect_relation(N, "less than 5", "more than 5", NO, NULL);
    expect_relation(N, "less than 5", "at least 5", NO, NULL);
    expect_relation(N, "more than 10 and less than 20", "20", NO, "(10,20) conflicts with 20");
    expect_relation(N, "more than 10 and less than 20", "19.5", OK, "(10,20) contains 19.5");
    expect_relation(N, "between 10 and 15", "15", OK, NULL);
    expect_relation(N, "between 10 and 15", "more than 5", OK, "[10,15] overlaps 5 MORE_THAN");
    expect_relation(N, "between 10 and 15", "between 16 and 20", NO, NULL);
    /* a hedge allows 10% either way, in comparison only */
    expect_relation(N, "about 100", "109", OK, "100 APPROX overlaps 109");
    expect_relation(N, "about 100", "110", OK, NULL);
    expect_relation(N, "about 100", "111", NO, NULL);
    expect_relation(N, "about 100", "about 120", OK, NULL);
    expect_relation(N, "about 100", "about 125", NO, NULL);
    expect_relation(N, "about 100", "100", OK, "100 APPROX overlaps 100");
    expect_relation(N, "a few", "3", OK, NULL);
    expect_relation(N, "about 10-15", "16", OK, NULL);
    expect_relation(N, "129", "130", NO, "129 conflicts with 130");
    expect_relation(N, "-5", "5", NO, NULL);
    expect_relation(N, "0", "0.0", EQ, NULL);

    /* closer values score higher, within each relation */
    double near = expect_relation(N, "129", "130", NO, NULL);
    double far = expect_relation(N, "129", "1300", NO, NULL);
    ck_assert(near > far);
    double c1 = expect_relation(N, "at least 129", "130", OK, NULL);
    double c2 = expect_relation(N, "at least 129", "1000", OK, NULL);
    ck_assert(c1 > c2 && c2 > near);
}
END_TEST

/* Vague counts are bounded ranges, not text: "dozens" against a figure is
 * a comparison of amounts, never a type conflict. */
START_TEST(test_vague_counts)
{
    const claims_relation OK = CLAIMS_RELATION_COMPATIBLE, NO = CLAIMS_RELATION_CONFLICTING;
    BOUND("dozens", "[24,120)", NONE, 24, 120);
    BOUND("dozens of people", "[24,120)", NONE, 24, 120);
    BOUND("hundreds", "[200,1000)", NONE, 200, 1000);
    BOUND("hundreds of passengers", "[200,1000)", NONE, 200, 1000);
    BOUND("Thousands of residents", "[2000,10000)", NONE, 2000, 10000);
    BOUND("tens of thousands", "[20000,100000)", NONE, 20000, 100000);
    BOUND("hundreds of thousands of people", "[200000,1000000)", NONE, 200000, 1000000);
    BOUND("millions", "[2000000,10000000)", NONE, 2e6, 1e7);
    BOUND("scores of people", "[40,200)", NONE, 40, 200);
    BOUND("a handful", "[2,6]", NONE, 2, 6);
    BOUND("a handful of protesters", "[2,6]", NONE, 2, 6);
    expect_relation(N, "dozens", "40", OK, "[24,120) contains 40");
    expect_relation(N, "dozens", "12", NO, NULL);
    expect_relation(N, "dozens", "120", NO, NULL);
    expect_relation(N, "hundreds", "312", OK, NULL);
    expect_relation(N, "hundreds", "dozens", NO, NULL);
    expect_relation(N, "a handful", "5", OK, NULL);
    expect_relation(N, "a handful", "12", NO, NULL);
}
END_TEST

/* An approached bound is near it: "nearly 50" is about [45, 50), not
 * anything below 50; "just over 100" is (100, 110]. Stored bounds stay as
 * written (no bound is invented): only comparisons read the reach. */
START_TEST(test_approached_bounds)
{
    const claims_relation OK = CLAIMS_RELATION_COMPATIBLE, NO = CLAIMS_RELATION_CONFLICTING;
    BOUND("nearly 50", "50", LESS_THAN, NA, 50);
    expect_relation(N, "nearly 50", "47", OK, "50 LESS_THAN contains 47");
    expect_relation(N, "nearly 50", "45", OK, NULL);
    expect_relation(N, "nearly 50", "44", NO, NULL);
    expect_relation(N, "nearly 50", "3", NO, NULL);
    expect_relation(N, "nearly 50", "50", NO, NULL);
    expect_relation(N, "almost 2,000", "1,950", OK, NULL);
    expect_relation(N, "almost 2,000", "1,000", NO, NULL);
    expect_relation(N, "just over 100", "105", OK, NULL);
    expect_relation(N, "just over 100", "1000", NO, NULL);
    /* plain bounds still reach as far as they say */
    expect_relation(N, "fewer than 50", "3", OK, NULL);
    expect_relation(N, "at least 8", "8000", OK, NULL);
    expect_relation(N, "at least 8", "7", NO, NULL);
    expect_relation(N, "more than 300", "312", OK, NULL);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("number");
    TCase *tc = tcase_create("parse");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_numerals);
    tcase_add_test(tc, test_words);
    tcase_add_test(tc, test_quantity_words);
    tcase_add_test(tc, test_scales);
    tcase_add_test(tc, test_fractions);
    tcase_add_test(tc, test_ordinals_decimals_powers);
    tcase_add_test(tc, test_bounds);
    tcase_add_test(tc, test_ranges);
    tcase_add_test(tc, test_counted_nouns);
    tcase_add_test(tc, test_rejects);
    tcase_add_test(tc, test_vague_counts);
    tcase_add_test(tc, test_approached_bounds);
    tcase_add_test(tc, test_out_of_range);
    tcase_add_test(tc, test_messages_and_options);
    tcase_add_test(tc, test_reuse);
    tcase_add_test(tc, test_scanner);
    suite_add_tcase(s, tc);
    TCase *tc2 = tcase_create("compare");
    tcase_add_test(tc2, test_compare);
    suite_add_tcase(s, tc2);
    return s;
}

int main(void) { return run_suite(suite()); }

/* check_fold.c - Unicode folding (fold.c) and the Jaro metrics (jaro.c). */
#include "check_names.h"

#include <math.h>
#include <stdlib.h>

static const char *fold(const char *s, unsigned flags)
{
    static char out[512];
    claims_buf b;
    claims__buf_init(&b);
    ck_assert_int_eq(claims__fold(&b, s, strlen(s), flags), CLAIMS_OK);
    ck_assert_ptr_nonnull(b.data);
    ck_assert_uint_eq(strlen(b.data), b.len);
    ck_assert_int_eq(claims__utf8_check(b.data, b.len, NULL), CLAIMS_OK);
    snprintf(out, sizeof out, "%s", b.data);
    claims__buf_free(&b);
    return out;
}

#define BASE 0u
#define PUNCT CLAIMS__FOLD_PUNCT
#define PLACE (CLAIMS__FOLD_PUNCT | CLAIMS__FOLD_COMMAS | CLAIMS__FOLD_ARTICLE)

START_TEST(test_utf8proc_pitfalls)
{
    /* letters that survive mark stripping */
    ck_assert_str_eq(fold("Łukasz", BASE), "lukasz");
    ck_assert_str_eq(fold("Øre øl", BASE), "ore ol");
    ck_assert_str_eq(fold("Đorđe", BASE), "dorde");
    ck_assert_str_eq(fold("İstanbul", BASE), "istanbul");
    ck_assert_str_eq(fold("ısparta ISPARTA", BASE), "isparta isparta");
    ck_assert_str_eq(fold("Ħamrun", BASE), "hamrun");
    ck_assert_str_eq(fold("Straße STRASSE ẞ", BASE), "strasse strasse ss");
    ck_assert_str_eq(fold("Æsir æther", BASE), "aesir aether");
    ck_assert_str_eq(fold("Œuvre œuf", BASE), "oeuvre oeuf");
    ck_assert_str_eq(fold("Þór þing", BASE), "thor thing");
    ck_assert_str_eq(fold("Ðe ðe", BASE), "de de");
    ck_assert_str_eq(fold("Ŀl", BASE), "ll");
    /* marks and compatibility forms */
    ck_assert_str_eq(fold("François Hollande", BASE), "francois hollande");
    ck_assert_str_eq(fold("Erdoğan Çavuşoğlu", BASE), "erdogan cavusoglu");
    ck_assert_str_eq(fold("e\xCC\x81t\xC3\xA9", BASE), "ete"); /* decomposed */
    ck_assert_str_eq(fold("ﬁne Ⅻ", BASE), "fine xii");
    ck_assert_str_eq(fold("ＦＵＬＬ", BASE), "full");
}
END_TEST

START_TEST(test_quotes_dashes_space)
{
    ck_assert_str_eq(fold("O’Brien", BASE), "o'brien");
    ck_assert_str_eq(fold("O‘Brien Oʼbrien O`Brien", BASE), "o'brien o'brien o'brien");
    ck_assert_str_eq(fold("“quoted” «guillemets» „low“", BASE),
                     "\"quoted\" \"guillemets\" \"low\"");
    ck_assert_str_eq(fold("a–b—c‐d−e", BASE), "a-b-c-d-e");
    ck_assert_str_eq(fold("  a \t b\n\r c  ", BASE), "a b c");
    ck_assert_str_eq(fold("a\xC2\xA0"
                          "b\xE2\x80\x83"
                          "c",
                          BASE),
                     "a b c");
    ck_assert_str_eq(fold("ab\xC2\xAD"
                          "c\xE2\x80\x8B"
                          "d",
                          BASE),
                     "abcd");
    ck_assert_str_eq(fold("", BASE), "");
    ck_assert_str_eq(fold(" \t\n ", BASE), "");
}
END_TEST

START_TEST(test_html_references)
{
    ck_assert_str_eq(fold("Kay R&ouml;mer", BASE), "kay romer");
    ck_assert_str_eq(fold("Mellor &amp; Scott", BASE), "mellor & scott");
    ck_assert_str_eq(fold("&#233;t&#xE9; &#X45;", BASE), "ete e");
    ck_assert_str_eq(fold("S&oslash;ren &AElig;", BASE), "soren ae");
    /* not references: kept as written */
    ck_assert_str_eq(fold("AT&T &bogus; &#0; &#xD800; &", BASE), "at&t &bogus; &#0; &#xd800; &");
    ck_assert_str_eq(fold("&#99999999999999;", BASE), "&#99999999999999;");
}
END_TEST

START_TEST(test_punctuation)
{
    ck_assert_str_eq(fold("U.S.", PUNCT), "us");
    ck_assert_str_eq(fold("the U.S.A and U.K", PUNCT), "the usa and uk");
    ck_assert_str_eq(fold("J. Smith", PUNCT), "j smith");
    ck_assert_str_eq(fold("Hello, World!", PUNCT), "hello world");
    ck_assert_str_eq(fold("3.5 million, 9,000 people", PUNCT), "3.5 million 9000 people");
    ck_assert_str_eq(fold("Procter & Gamble", PUNCT), "procter and gamble");
    ck_assert_str_eq(fold("AT&T", PUNCT), "at&t");
    ck_assert_str_eq(fold("C++ and C#, 50%", PUNCT), "c++ and c# 50%");
    ck_assert_str_eq(fold("'quoted' O’Brien", PUNCT), "quoted o'brien");
    ck_assert_str_eq(fold("- Asia-Pacific -", PUNCT), "asia-pacific");
    ck_assert_str_eq(fold("(a) [b] {c} \"d\" e/f g:h", PUNCT), "a b c d e f g h");
    ck_assert_str_eq(fold("...!! ?", PUNCT), "");
    /* commas as separators */
    ck_assert_str_eq(fold("Lima ,  Peru", PLACE), "lima, peru");
    ck_assert_str_eq(fold(",Lima,, Peru,", PLACE), "lima, peru");
    ck_assert_str_eq(fold("Lima, Peru", PUNCT), "lima peru");
    /* articles */
    ck_assert_str_eq(fold("The White House", PLACE), "white house");
    ck_assert_str_eq(fold("The Hague, the Netherlands", PLACE), "hague, netherlands");
    ck_assert_str_eq(fold("The", PLACE), "the");
    ck_assert_str_eq(fold("Theodore", PLACE), "theodore");
    ck_assert_str_eq(fold("the, Peru", PLACE), "the, peru");
}
END_TEST

START_TEST(test_idempotent)
{
    static const char *const inputs[] = {
        "Łukasz Øre Đorđe İstanbul",
        "O’Brien “x” a—b",
        "U.S. Lima, Peru",
        "Procter & Gamble, Inc.",
        "The Hague, the Netherlands",
        "R&ouml;mer",
    };
    const unsigned flags[] = {BASE, PUNCT, PLACE};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        for (size_t f = 0; f < 3; f++) {
            char once[512];
            snprintf(once, sizeof once, "%s", fold(inputs[i], flags[f]));
            ck_assert_str_eq(fold(once, flags[f]), once);
        }
    }
}
END_TEST

START_TEST(test_helpers)
{
    claims_str w[4];
    ck_assert_uint_eq(claims__fold_words("  a bc  d ", 10, w, 4), 3);
    ck_assert(claims__str_eq(w[1], "bc"));
    ck_assert_uint_eq(claims__fold_words("a b c d e", 9, w, 4), 5);
    ck_assert_uint_eq(claims__fold_words("", 0, NULL, 0), 0);
    ck_assert(claims__fold_is_none("not available", 13));
    ck_assert(claims__fold_is_none("n a", 3));
    ck_assert(!claims__fold_is_none("lima", 4));
    ck_assert(claims__fold_is_alnum('a') && claims__fold_is_alnum(0x4E2D));
    ck_assert(!claims__fold_is_alnum('-') && !claims__fold_is_alnum(0x2014));
    /* clip and reasons never cut a UTF-8 sequence */
    ck_assert_int_eq(claims__clip("abc", 3, 10), 3);
    ck_assert_int_eq(claims__clip("ab\xC3\xA9", 4, 3), 2);
    claims_comparison c = CLAIMS_COMPARISON_INIT;
    char long_text[400] = "";
    for (int i = 0; i < 100; i++)
        strcat(long_text, "é");
    for (int shift = 0; shift < 3; shift++) {
        claims__reason(&c, "%.*s%s", shift, "xx", long_text);
        ck_assert_int_eq(claims__utf8_check(c.reason, strlen(c.reason), NULL), CLAIMS_OK);
        ck_assert_uint_ge(strlen(c.reason), CLAIMS_REASON_LENGTH - 4);
    }
}
END_TEST

/* ---- Jaro ---------------------------------------------------------------------- */

static double jaro(const char *a, const char *b)
{
    double s = -1.0;
    ck_assert_int_eq(claims_jaro(&s, a, strlen(a), b, strlen(b)), CLAIMS_OK);
    return s;
}

static double jw(const char *a, const char *b)
{
    double s = -1.0;
    ck_assert_int_eq(claims_jaro_winkler(&s, a, strlen(a), b, strlen(b)), CLAIMS_OK);
    return s;
}

START_TEST(test_jaro_values)
{
    ck_assert_double_eq_tol(jaro("martha", "marhta"), 0.944444, 1e-5);
    ck_assert_double_eq_tol(jaro("dixon", "dicksonx"), 0.766667, 1e-5);
    ck_assert_double_eq_tol(jw("martha", "marhta"), 0.961111, 1e-5);
    ck_assert_double_eq_tol(jw("dwayne", "duane"), 0.84, 1e-5);
    ck_assert_double_eq_tol(jw("William", "Williams"), 0.975, 1e-5);
    ck_assert_double_eq_tol(jw("abc", "xyz"), 0.0, 1e-12);
    ck_assert_double_eq_tol(jw("a", "a"), 1.0, 1e-12);
    /* jellyfish: empty against anything is 0 */
    ck_assert_double_eq_tol(jw("", "foo"), 0.0, 1e-12);
    ck_assert_double_eq_tol(jw("", ""), 0.0, 1e-12);
    /* by code point: é is one character, not two bytes */
    ck_assert_double_eq_tol(jaro("é", "e"), 0.0, 1e-12);
    ck_assert_double_eq_tol(jaro("ré", "ré"), 1.0, 1e-12);
    ck_assert_double_eq_tol(jw("café", "cafe"), jw("cafx", "cafe"), 1e-12);
    /* no boost at or below 0.7 */
    ck_assert_double_eq_tol(jw("abcxyz", "abqrst"), jaro("abcxyz", "abqrst"), 1e-12);
}
END_TEST

START_TEST(test_jaro_properties)
{
    static const char *const s[] = {"",       "a",     "ab",     "martha", "marhta",
                                    "dwayne", "duane", "Çáŕẗéř", "0ð00",   "orangutan-kumquat",
                                    "aaaa",   "aaaaa"};
    size_t n = sizeof s / sizeof s[0];
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            double a = jaro(s[i], s[j]), b = jw(s[i], s[j]);
            ck_assert(a >= 0.0 && a <= 1.0 && b >= a && b <= 1.0);
            ck_assert_double_eq_tol(a, jaro(s[j], s[i]), 1e-12);
            if (i == j && s[i][0])
                ck_assert_double_eq_tol(b, 1.0, 1e-12);
        }
    }
}
END_TEST

START_TEST(test_jaro_bad_input)
{
    /* failure is the status, never a score: *out stays as it was */
    double s = 0.5;
    ck_assert_int_eq(claims_jaro(&s, "\xC3(", 2, "a", 1), CLAIMS_ENCODING);
    ck_assert_int_eq(claims_jaro_winkler(&s, "a", 1, "\xFF", 1), CLAIMS_ENCODING);
    ck_assert_int_eq(claims_jaro(&s, NULL, 3, "a", 1), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_jaro_winkler(&s, "a", 1, NULL, 1), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_jaro(NULL, "a", 1, "a", 1), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_jaro_winkler(NULL, "a", 1, "a", 1), CLAIMS_EINVAL);
    ck_assert_double_eq(s, 0.5);
    ck_assert_int_eq(claims_jaro(&s, NULL, 0, "a", 1), CLAIMS_OK);
    ck_assert_double_eq_tol(s, 0.0, 1e-12);
    /* explicit lengths: bytes after len are not read */
    ck_assert_int_eq(claims_jaro_winkler(&s, "abcXXX", 3, "abc", 3), CLAIMS_OK);
    ck_assert_double_eq_tol(s, 1.0, 1e-12);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fold");
    TCase *tc = tcase_create("fold");
    tcase_add_test(tc, test_utf8proc_pitfalls);
    tcase_add_test(tc, test_quotes_dashes_space);
    tcase_add_test(tc, test_html_references);
    tcase_add_test(tc, test_punctuation);
    tcase_add_test(tc, test_idempotent);
    tcase_add_test(tc, test_helpers);
    suite_add_tcase(s, tc);
    TCase *tj = tcase_create("jaro");
    tcase_add_test(tj, test_jaro_values);
    tcase_add_test(tj, test_jaro_properties);
    tcase_add_test(tj, test_jaro_bad_input);
    suite_add_tcase(s, tj);
    return run_suite(s);
}

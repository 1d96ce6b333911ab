/* check_utf8.c - validation and decoding. */
#include "util/util.h"

#include <check.h>

#include "check_helpers.h"
#include <stdlib.h>
#include <string.h>

static int check(const char *s, size_t len, size_t *bad) { return claims__utf8_check(s, len, bad); }

START_TEST(test_valid)
{
    const char *s = "Fran\xC3\xA7ois \xE2\x80\x9Cquote\xE2\x80\x9D \xF0\x9F\x98\x80";
    ck_assert_int_eq(check(s, strlen(s), NULL), CLAIMS_OK);
    ck_assert_uint_eq(claims__utf8_length(s, strlen(s)), 18);
    ck_assert_int_eq(check("", 0, NULL), CLAIMS_OK);
}
END_TEST

START_TEST(test_invalid)
{
    static const struct {
        const char *s;
        size_t len;
        size_t bad;
    } cases[] = {
        {"ab\0cd", 5, 2},           /* NUL */
        {"a\xC0\xAF", 3, 1},        /* overlong '/' */
        {"a\xED\xA0\x80", 4, 1},    /* surrogate */
        {"\xF4\x90\x80\x80", 4, 0}, /* beyond U+10FFFF */
        {"abc\xE2\x80", 5, 3},      /* truncated */
        {"\x80", 1, 0},             /* lone continuation */
        {"ok\xFF", 3, 2},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t bad = 99;
        ck_assert_int_eq(check(cases[i].s, cases[i].len, &bad), CLAIMS_ENCODING);
        ck_assert_uint_eq(bad, cases[i].bad);
    }
}
END_TEST

START_TEST(test_roundtrip)
{
    claims_buf b;
    claims__buf_init(&b);
    const int32_t cps[] = {0x41, 0xE9, 0x20AC, 0x1F600};
    for (size_t i = 0; i < 4; i++)
        ck_assert_int_eq(claims__buf_put_codepoint(&b, cps[i]), CLAIMS_OK);
    ck_assert_int_eq(claims__buf_put_codepoint(&b, 0x110000), CLAIMS_EINVAL);
    size_t at = 0;
    for (size_t i = 0; i < 4; i++)
        ck_assert_int_eq(claims__utf8_next(b.data, b.len, &at), cps[i]);
    ck_assert_int_eq(claims__utf8_next(b.data, b.len, &at), -1);
    claims__buf_free(&b);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_valid);
    tcase_add_test(tc, test_invalid);
    tcase_add_test(tc, test_roundtrip);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return run_suite(suite()); }

/* check_error.c - status codes, the error struct, version. */
#include "util/util.h"

#include <check.h>

#include "check_helpers.h"
#include <stdlib.h>
#include <string.h>

START_TEST(test_strerror_every_code)
{
    for (int c = CLAIMS_ECANCELED; c <= CLAIMS_DONE; c++) {
        const char *s = claims_strerror(c);
        ck_assert_ptr_nonnull(s);
        ck_assert_str_ne(s, "unknown error code");
    }
    ck_assert_str_eq(claims_strerror(-999), "unknown error code");
}
END_TEST

START_TEST(test_first_error_wins)
{
    claims_error err;
    claims__error_clear(&err);
    ck_assert_int_eq(err.code, CLAIMS_OK);
    ck_assert_int_eq(err.claim, -1);
    int rc = claims__error_set(&err, CLAIMS_ESCHEMA, "a.json", 3, 7, 0, 2, "claim %d bad", 2);
    ck_assert_int_eq(rc, CLAIMS_ESCHEMA);
    claims__error_set(&err, CLAIMS_ENOMEM, "b.json", 9, 9, 1, 1, "later");
    ck_assert_int_eq(err.code, CLAIMS_ESCHEMA);
    ck_assert_str_eq(err.source, "a.json");
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_eq(err.column, 7);
    ck_assert_int_eq(err.claim, 2);
    ck_assert_str_eq(err.text, "claim 2 bad");
    /* NULL err is accepted */
    ck_assert_int_eq(claims__error_simple(NULL, CLAIMS_EINVAL, "x"), CLAIMS_EINVAL);
}
END_TEST

START_TEST(test_long_text_truncated)
{
    claims_error err;
    claims__error_clear(&err);
    char big[1000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    claims__error_set(&err, CLAIMS_ERROR, big, 1, 1, -1, -1, "%s", big);
    ck_assert_uint_eq(strlen(err.text), CLAIMS_ERROR_TEXT_LENGTH - 1);
    ck_assert_uint_eq(strlen(err.source), CLAIMS_ERROR_SOURCE_LENGTH - 1);
}
END_TEST

START_TEST(test_version)
{
    ck_assert_uint_eq(claims_version_number(), CLAIMS_VERSION_NUMBER);
    ck_assert_str_eq(claims_version_string(), CLAIMS_VERSION_STRING);
    ck_assert(CLAIMS_VERSION_CHECK(0, 1, 0));
    ck_assert(!CLAIMS_VERSION_CHECK(99, 0, 0));
    ck_assert_uint_eq(claims_error_sizeof(), sizeof(claims_error));
    claims_free(NULL);
    claims_free(malloc(8));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("error");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_strerror_every_code);
    tcase_add_test(tc, test_first_error_wins);
    tcase_add_test(tc, test_long_text_truncated);
    tcase_add_test(tc, test_version);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return run_suite(suite()); }

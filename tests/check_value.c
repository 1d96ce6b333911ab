/* check_value.c - the value API that all types share: argument checks,
 * bad input, enum names. Each type's behaviour has its own suite. */
#include "values/values.h"

#include <check.h>

#include "check_helpers.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

START_TEST(test_names)
{
    for (int t = 0; t < CLAIMS_TYPE_COUNT; t++) {
        const char *n = claims_type_name((claims_type)t);
        ck_assert_ptr_nonnull(n);
        claims_type back;
        ck_assert_int_eq(claims_type_from_name(&back, n, strlen(n)), CLAIMS_OK);
        ck_assert_int_eq(back, t);
    }
    ck_assert_ptr_null(claims_type_name((claims_type)CLAIMS_TYPE_COUNT));
    claims_type out;
    ck_assert_int_eq(claims_type_from_name(&out, "Duration", 8), CLAIMS_OK);
    ck_assert_int_eq(out, CLAIMS_TYPE_DURATION);
    ck_assert_int_eq(claims_type_from_name(&out, "durationx", 9), CLAIMS_ENOTFOUND);
    ck_assert_str_eq(claims_modifier_name(CLAIMS_MOD_APPROX), "APPROX");
    ck_assert_str_eq(claims_precision_name(CLAIMS_PRECISION_DAY), "day");
    ck_assert_str_eq(claims_relation_name(CLAIMS_RELATION_COMPATIBLE), "compatible");
}
END_TEST

START_TEST(test_bad_input)
{
    claims_value *v;
    ck_assert_int_eq(claims_value_new(&v), CLAIMS_OK);
    claims_error err;
    for (int t = 0; t < CLAIMS_TYPE_COUNT; t++) {
        ck_assert_int_eq(claims_value_parse(v, NULL, (claims_type)t, "ab\0c", 4,
                                            NULL, &err),
                         CLAIMS_ENCODING);
        ck_assert_int_eq(err.code, CLAIMS_ENCODING);
        ck_assert_int_eq(err.column, 3);
        ck_assert_int_eq(claims_value_parse(v, NULL, (claims_type)t, "\xC3(", 2,
                                            NULL, &err),
                         CLAIMS_ENCODING);
        ck_assert_str_eq(claims_value_normalized(v), "");
    }
    char *big = malloc(CLAIMS__VALUE_MAX_LENGTH + 1);
    memset(big, '1', CLAIMS__VALUE_MAX_LENGTH + 1);
    ck_assert_int_eq(claims_value_parse(v, NULL, CLAIMS_TYPE_NUMBER, big,
                                        CLAIMS__VALUE_MAX_LENGTH + 1, NULL, &err),
                     CLAIMS_ERANGE);
    free(big);
    ck_assert_int_eq(claims_value_parse(v, NULL, (claims_type)99, "x", 1, NULL, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_value_parse(NULL, NULL, CLAIMS_TYPE_TEXT, "x", 1, NULL, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_value_parse(v, NULL, CLAIMS_TYPE_TEXT, NULL, 3, NULL, &err),
                     CLAIMS_EINVAL);
    claims_parse_options o = CLAIMS_PARSE_OPTIONS_INIT;
    o.version = 99;
    ck_assert_int_eq(claims_value_parse(v, NULL, CLAIMS_TYPE_TEXT, "x", 1, &o, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_parse_options_init(&o, 1), CLAIMS_OK);
    ck_assert_int_eq(claims_parse_options_init(&o, 2), CLAIMS_EINVAL);
    claims_value_free(v);
    claims_value_free(NULL);
}
END_TEST

START_TEST(test_accessors_on_wrong_type)
{
    ck_assert_int_eq(claims_value_amount(NULL, NULL, NULL, NULL), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_value_interval(NULL, NULL, NULL, NULL), CLAIMS_EINVAL);
    claims_value *v;
    ck_assert_int_eq(claims_value_new(&v), CLAIMS_OK);
    ck_assert_int_eq(claims_value_amount(v, NULL, NULL, NULL), CLAIMS_EINVAL);
    ck_assert_str_eq(claims_value_normalized(v), "");
    ck_assert_str_eq(claims_value_text(v), "");
    claims_comparison c;
    ck_assert_int_eq(claims_value_compare(&c, NULL, v, NULL), CLAIMS_EINVAL);
    claims_value_free(v);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("value");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_names);
    tcase_add_test(tc, test_bad_input);
    tcase_add_test(tc, test_accessors_on_wrong_type);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return run_suite(suite()); }

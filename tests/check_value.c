/* check_value.c - the value API that all types share: argument checks,
 * bad input, enum names. Each type's behaviour has its own suite. */
#include "values/values.h"

#include <check.h>

#include "check_helpers.h"
#include <math.h>
#include <stdio.h>
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
    ck_assert_str_eq(claims_type_name((claims_type)CLAIMS_TYPE_COUNT), "unknown");
    claims_type out;
    ck_assert_int_eq(claims_type_from_name(&out, "Duration", 8), CLAIMS_OK);
    ck_assert_int_eq(out, CLAIMS_TYPE_DURATION);
    ck_assert_int_eq(claims_type_from_name(&out, "durationx", 9), CLAIMS_ENOTFOUND);
    ck_assert_str_eq(claims_modifier_name(CLAIMS_MOD_APPROX), "APPROX");
    ck_assert_str_eq(claims_precision_name(CLAIMS_PRECISION_DAY), "day");
    ck_assert_str_eq(claims_relation_name(CLAIMS_RELATION_COMPATIBLE), "compatible");
}
END_TEST

/* Every *_name function: the name of each value of its enum (never
 * "unknown" unless that is the value's own name), "unknown" outside it. */
typedef const char *(*name_fn)(int);
static const char *type_n(int v) { return claims_type_name((claims_type)v); }
static const char *modifier_n(int v) { return claims_modifier_name((claims_modifier)v); }
static const char *precision_n(int v) { return claims_precision_name((claims_precision)v); }
static const char *relation_n(int v) { return claims_relation_name((claims_relation)v); }
static const char *polarity_n(int v) { return claims_polarity_name((claims_polarity)v); }
static const char *certainty_n(int v) { return claims_certainty_name((claims_certainty)v); }
static const char *agreement_n(int v) { return claims_agreement_name((claims_agreement)v); }

START_TEST(test_names_unknown)
{
    static const struct {
        const char *what;
        name_fn fn;
        int count;         /* values 0 .. count-1 are the enum's */
        int named_unknown; /* the value whose name is "unknown", or -1 */
    } fns[] = {
        {"type", type_n, CLAIMS_TYPE_COUNT, -1},
        {"modifier", modifier_n, CLAIMS_MOD_EQUAL_OR_MORE + 1, -1},
        {"precision", precision_n, CLAIMS_PRECISION_SECOND + 1, -1},
        {"relation", relation_n, CLAIMS_RELATION_INCOMPARABLE + 1, -1},
        {"polarity", polarity_n, CLAIMS_NEGATED + 1, -1},
        {"certainty", certainty_n, CLAIMS_UNKNOWN + 1, CLAIMS_UNKNOWN},
        {"agreement", agreement_n, CLAIMS_DIFFERENT_WORDING + 1, -1},
    };
    for (size_t f = 0; f < sizeof fns / sizeof fns[0]; f++) {
        for (int v = 0; v < fns[f].count; v++) {
            const char *n = fns[f].fn(v);
            ck_assert_msg(n && *n, "%s %d has no name", fns[f].what, v);
            ck_assert_msg((strcmp(n, "unknown") == 0) == (v == fns[f].named_unknown),
                          "%s %d is named %s", fns[f].what, v, n);
        }
        const int outside[] = {-1, fns[f].count, fns[f].count + 1, 1000, INT32_MIN};
        for (size_t k = 0; k < sizeof outside / sizeof outside[0]; k++) {
            const char *n = fns[f].fn(outside[k]);
            ck_assert_msg(n && strcmp(n, "unknown") == 0, "%s %d: %s", fns[f].what, outside[k],
                          n ? n : "NULL");
        }
    }
    /* "unknown" is not a type a document may name */
    claims_type t;
    ck_assert_int_eq(claims_type_from_name(&t, "unknown", 7), CLAIMS_ENOTFOUND);
}
END_TEST

START_TEST(test_parse_flags)
{
    /* no parse flag exists: every bit is unknown, and says which */
    claims_value *v;
    ck_assert_int_eq(claims_value_new(&v), CLAIMS_OK);
    claims_error err;
    claims_parse_options o = CLAIMS_PARSE_OPTIONS_INIT;
    const unsigned bits[] = {1u, 0x10u, 0xFFF0u, 1u << 31};
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) {
        o.flags = bits[i];
        ck_assert_int_eq(
            claims_value_parse(v, NULL, CLAIMS_TYPE_DURATION, "four minutes", 12, &o, &err),
            CLAIMS_EINVAL);
        ck_assert_int_eq(err.code, CLAIMS_EINVAL);
        char want[32];
        snprintf(want, sizeof want, "0x%x", bits[i]);
        ck_assert_msg(strstr(err.text, "flags") && strstr(err.text, want), "%s", err.text);
        ck_assert_str_eq(claims_value_normalized(v), ""); /* left empty */
    }
    o.flags = 0;
    ck_assert_int_eq(
        claims_value_parse(v, NULL, CLAIMS_TYPE_DURATION, "four minutes", 12, &o, &err), CLAIMS_OK);
    ck_assert_str_eq(claims_value_normalized(v), "240");
    claims_value_free(v);
}
END_TEST

/* The comparison is caller memory: its version says how much of it the
 * library may write. */
START_TEST(test_compare_version)
{
    claims_value *a, *b;
    ck_assert_int_eq(claims_value_new(&a), CLAIMS_OK);
    ck_assert_int_eq(claims_value_new(&b), CLAIMS_OK);
    ck_assert_int_eq(
        claims_value_parse(a, NULL, CLAIMS_TYPE_DURATION, "four minutes", 12, NULL, NULL),
        CLAIMS_OK);
    ck_assert_int_eq(
        claims_value_parse(b, NULL, CLAIMS_TYPE_DURATION, "about 4 minutes", 15, NULL, NULL),
        CLAIMS_OK);
    /* exactly the struct's size, on the heap: AddressSanitizer sees any
     * byte written past it */
    claims_comparison *c = malloc(sizeof *c);
    ck_assert_ptr_nonnull(c);
    const unsigned bad[] = {0, CLAIMS_COMPARISON_VERSION + 1, 0xFFFFFFFFu};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(c, 0x5A, sizeof *c);
        c->version = bad[i];
        ck_assert_int_eq(claims_value_compare(c, NULL, a, b), CLAIMS_EINVAL);
        ck_assert_uint_eq(c->version, bad[i]);
        for (size_t k = offsetof(claims_comparison, relation); k < sizeof *c; k++)
            ck_assert_int_eq(((unsigned char *)c)[k], 0x5A); /* untouched */
    }
    c->version = CLAIMS_COMPARISON_VERSION;
    ck_assert_int_eq(claims_value_compare(c, NULL, a, b), CLAIMS_OK);
    ck_assert_uint_eq(c->version, CLAIMS_COMPARISON_VERSION);
    ck_assert_int_eq(c->relation, CLAIMS_RELATION_COMPATIBLE);
    ck_assert_ptr_nonnull(memchr(c->reason, '\0', sizeof c->reason));
    free(c);
    claims_value_free(a);
    claims_value_free(b);
}
END_TEST

START_TEST(test_bad_input)
{
    claims_value *v;
    ck_assert_int_eq(claims_value_new(&v), CLAIMS_OK);
    claims_error err;
    for (int t = 0; t < CLAIMS_TYPE_COUNT; t++) {
        ck_assert_int_eq(claims_value_parse(v, NULL, (claims_type)t, "ab\0c", 4, NULL, &err),
                         CLAIMS_ENCODING);
        ck_assert_int_eq(err.code, CLAIMS_ENCODING);
        ck_assert_int_eq(err.column, 3);
        ck_assert_int_eq(claims_value_parse(v, NULL, (claims_type)t, "\xC3(", 2, NULL, &err),
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
    claims_comparison c = CLAIMS_COMPARISON_INIT;
    ck_assert_int_eq(claims_value_compare(&c, NULL, v, NULL), CLAIMS_EINVAL);
    claims_value_free(v);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("value");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_names);
    tcase_add_test(tc, test_names_unknown);
    tcase_add_test(tc, test_parse_flags);
    tcase_add_test(tc, test_compare_version);
    tcase_add_test(tc, test_bad_input);
    tcase_add_test(tc, test_accessors_on_wrong_type);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return run_suite(suite()); }

/* check_names.h - helpers shared by the name suites (check_person,
 * check_entity, check_aliases): parse and compare through the public API. */
#ifndef CHECK_NAMES_H
#define CHECK_NAMES_H

#include "values/values_int.h" /* folding, the comparison reason */

#include "check_helpers.h"

/* The canonical string of text as `type` (parse must succeed); the result
 * lives in a static buffer until the next call. */
static inline const char *norm_of(const claims_ctx *ctx, claims_type type, const char *text)
{
    static char out[1024];
    claims_value *v;
    claims_error err;
    ck_assert_int_eq(claims_value_new(&v), CLAIMS_OK);
    int rc = claims_value_parse(v, ctx, type, text, strlen(text), NULL, &err);
    ck_assert_msg(rc == CLAIMS_OK, "%s: %s", text, err.text);
    snprintf(out, sizeof out, "%s", claims_value_normalized(v));
    claims_value_free(v);
    return out;
}

#define ck_norm(ctx, type, text, want) ck_assert_str_eq(norm_of((ctx), (type), (text)), (want))

/* The parse status of text as `type`; err receives the error. */
static inline int parse_rc(claims_type type, const char *text, size_t len, claims_error *err,
                           int *none)
{
    claims_value *v;
    ck_assert_int_eq(claims_value_new(&v), CLAIMS_OK);
    int rc = claims_value_parse(v, NULL, type, text, len, NULL, err);
    if (none)
        *none = claims_value_is_none(v);
    claims_value_free(v);
    return rc;
}

/* Compares a and b (both must parse) as `type`. */
static inline claims_comparison compare_texts(const claims_ctx *ctx, claims_type type,
                                              const char *a, const char *b)
{
    claims_value *va, *vb;
    claims_error err;
    ck_assert_int_eq(claims_value_new(&va), CLAIMS_OK);
    ck_assert_int_eq(claims_value_new(&vb), CLAIMS_OK);
    ck_assert_msg(claims_value_parse(va, ctx, type, a, strlen(a), NULL, &err) == CLAIMS_OK,
                  "%s: %s", a, err.text);
    ck_assert_msg(claims_value_parse(vb, ctx, type, b, strlen(b), NULL, &err) == CLAIMS_OK,
                  "%s: %s", b, err.text);
    claims_comparison c = CLAIMS_COMPARISON_INIT;
    ck_assert_int_eq(claims_value_compare(&c, ctx, va, vb), CLAIMS_OK);
    ck_assert(c.score >= 0.0 && c.score <= 1.0);
    ck_assert(c.reason[0] != '\0');
    claims_value_free(va);
    claims_value_free(vb);
    return c;
}

/* Asserts the relation both ways and returns the comparison a -> b. */
#define ck_relation(ctx, type, a, b, rel)                                   \
    do {                                                                    \
        claims_comparison c1_ = compare_texts((ctx), (type), (a), (b));     \
        claims_comparison c2_ = compare_texts((ctx), (type), (b), (a));     \
        ck_assert_msg(c1_.relation == (rel), "%s vs %s: %s (%s)", (a), (b), \
                      claims_relation_name(c1_.relation), c1_.reason);      \
        ck_assert_msg(c2_.relation == (rel), "%s vs %s: %s (%s)", (b), (a), \
                      claims_relation_name(c2_.relation), c2_.reason);      \
    } while (0)

#define ck_reason(ctx, type, a, b, want) \
    ck_assert_str_eq(compare_texts((ctx), (type), (a), (b)).reason, (want))

#endif

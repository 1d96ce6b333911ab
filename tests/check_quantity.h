/* check_quantity.h - assertions shared by check_number.c and
 * check_duration.c: parse a text and check the value's canonical string,
 * modifier and bounds, or its error; compare two texts. */
#ifndef CHECK_QUANTITY_H
#define CHECK_QUANTITY_H

#include "claims.h"

#include <check.h>
#include <math.h>
#include <string.h>

/* "no bound", as a double (NAN is a float) */
#define NA ((double)NAN)

static inline bool same_bound(double x, double y) { return (isnan(x) && isnan(y)) || x == y; }

/* Parses `text` as `type` into v and checks the canonical string, the
 * modifier and both bounds. */
static inline void expect_value(claims_value *v, claims_type type, const char *text,
                                const char *norm, claims_modifier mod, double lower, double upper)
{
    claims_error err;
    int rc = claims_value_parse(v, NULL, type, text, strlen(text), NULL, &err);
    ck_assert_msg(rc == CLAIMS_OK, "'%s': rc %d (%s)", text, rc, err.text);
    ck_assert_msg(err.code == CLAIMS_OK, "'%s': error code set on success", text);
    ck_assert_msg(strcmp(claims_value_normalized(v), norm) == 0, "'%s': normalized '%s', want '%s'",
                  text, claims_value_normalized(v), norm);
    ck_assert_msg(claims_value_modifier(v) == mod, "'%s': modifier %s, want %s", text,
                  claims_modifier_name(claims_value_modifier(v)), claims_modifier_name(mod));
    double a, l, u;
    ck_assert_int_eq(claims_value_amount(v, &a, &l, &u), CLAIMS_OK);
    ck_assert_msg(same_bound(l, lower) && same_bound(u, upper), "'%s': bounds %g..%g, want %g..%g",
                  text, l, u, lower, upper);
    ck_assert_str_eq(claims_value_text(v), text);
}

/* A plain amount: no hedge, no bounds. */
static inline void expect_plain(claims_value *v, claims_type type, const char *text,
                                const char *norm)
{
    expect_value(v, type, text, norm, CLAIMS_MOD_NONE, NA, NA);
}

/* Parsing fails with `code`, a message, and leaves the value empty. */
static inline void expect_error(claims_value *v, claims_type type, const char *text, int code)
{
    claims_error err;
    int rc = claims_value_parse(v, NULL, type, text, strlen(text), NULL, &err);
    ck_assert_msg(rc == code, "'%s': rc %d, want %d (%s)", text, rc, code, err.text);
    ck_assert_int_eq(err.code, code);
    ck_assert_msg(err.text[0] != '\0', "'%s': no message", text);
    ck_assert_str_eq(claims_value_normalized(v), "");
    ck_assert_int_eq(claims_value_type(v), CLAIMS_TYPE_TEXT);
}

/* Compares two texts of `type`; checks relation and reason, returns the
 * score (in [0, 1]). */
static inline double expect_relation(claims_type type, const char *a, const char *b,
                                     claims_relation want, const char *reason)
{
    claims_value *va, *vb;
    ck_assert_int_eq(claims_value_new(&va), CLAIMS_OK);
    ck_assert_int_eq(claims_value_new(&vb), CLAIMS_OK);
    ck_assert_msg(claims_value_parse(va, NULL, type, a, strlen(a), NULL, NULL) == CLAIMS_OK,
                  "'%s' does not parse", a);
    ck_assert_msg(claims_value_parse(vb, NULL, type, b, strlen(b), NULL, NULL) == CLAIMS_OK,
                  "'%s' does not parse", b);
    claims_comparison c = CLAIMS_COMPARISON_INIT;
    ck_assert_int_eq(claims_value_compare(&c, NULL, va, vb), CLAIMS_OK);
    ck_assert_msg(c.relation == want, "'%s' vs '%s': %s (%s), want %s", a, b,
                  claims_relation_name(c.relation), c.reason, claims_relation_name(want));
    if (reason)
        ck_assert_msg(strcmp(c.reason, reason) == 0, "'%s' vs '%s': reason '%s', want '%s'", a, b,
                      c.reason, reason);
    ck_assert_msg(c.score >= 0 && c.score <= 1, "score %g", c.score);
    ck_assert_msg((c.score == 1) == (want == CLAIMS_RELATION_EQUAL), "'%s' vs '%s': score %g", a, b,
                  c.score);
    claims_value_free(va);
    claims_value_free(vb);
    return c.score;
}

#endif

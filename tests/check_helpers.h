/* check_helpers.h - small shared helpers for the Check suites. */
#ifndef CHECK_HELPERS_H
#define CHECK_HELPERS_H

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"

/* A claims_str from a C string literal or NUL-terminated string. */
static inline claims_str S(const char *s)
{
    claims_str r = {s, s ? strlen(s) : 0};
    return r;
}

/* Runs one suite, returns the process exit status. */
static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif

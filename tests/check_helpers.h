/* check_helpers.h - small shared helpers for the Check suites. */
#ifndef CHECK_HELPERS_H
#define CHECK_HELPERS_H

#include <check.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"

/* A claims_str from a C string literal or NUL-terminated string. */
static inline claims_str S(const char *s)
{
    claims_str r = {s, s ? strlen(s) : 0};
    return r;
}

/* The four documents of the seed corpus (CLAIMS_CORPUS_DIR) in a new store. */
static inline claims_store *seed_store(void)
{
    const char *dir = getenv("CLAIMS_CORPUS_DIR");
    ck_assert_ptr_nonnull(dir);
    static const char *const files[] = {"000_cbs.json", "001_dailymail.json",
                                        "002_wsj.json", "003_business_standard.json"};
    claims_store *st;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    for (size_t i = 0; i < 4; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        ck_assert_int_eq(claims_store_load_file(st, path, strlen(path), NULL, NULL, NULL),
                         CLAIMS_OK);
    }
    return st;
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

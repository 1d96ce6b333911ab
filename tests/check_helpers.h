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
    static const char *const files[] = {"000_cbs.json", "001_dailymail.json", "002_wsj.json",
                                        "003_business_standard.json"};
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

/* A new context with the seed corpus's schema (CLAIMS_CORPUS_SCHEMA): the
 * attributes the corpus uses beyond the built-in ones. */
static inline claims_ctx *seed_ctx(void)
{
    const char *path = getenv("CLAIMS_CORPUS_SCHEMA");
    ck_assert_ptr_nonnull(path);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot read %s", path);
    static char json[1 << 16];
    size_t len = fread(json, 1, sizeof json, f);
    fclose(f);
    ck_assert_uint_lt(len, sizeof json);
    claims_ctx *ctx;
    claims_error err;
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
    int rc = claims_ctx_load_schema(ctx, json, len, S(path), &err);
    ck_assert_msg(rc == CLAIMS_OK, "%s: %s", path, err.text);
    return ctx;
}

/* Runs one suite, returns the process exit status. */
/* Checks a schema or alias-table load error: its code, line and column,
 * source, that the text starts with `at` (a JSON Pointer and ": ", or
 * "malformed JSON: ") and contains `text`; `json` names the case. */
static inline void ck_config_error(const claims_error *err, const char *json, int code, int line,
                                   int column, const char *source, const char *at, const char *text)
{
    ck_assert_int_eq(err->code, code);
    ck_assert_msg(err->line == line && err->column == column, "%s: at %d:%d, want %d:%d (%s)", json,
                  err->line, err->column, line, column, err->text);
    ck_assert_str_eq(err->source, source);
    ck_assert_msg(strncmp(err->text, at, strlen(at)) == 0, "%s: \"%s\" does not start with \"%s\"",
                  json, err->text, at);
    ck_assert_msg(strstr(err->text, text) != NULL, "%s: \"%s\" lacks \"%s\"", json, err->text,
                  text);
}

static inline int run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif

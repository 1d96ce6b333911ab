/* check_aliases.c - alias tables: JSON loading with errors at a JSON Pointer,
 * claims_ctx_add_alias() validation, lookups through the normalizers. */
#include "check_names.h"

#include <stdlib.h>

static claims_ctx *new_ctx(void)
{
    claims_ctx *ctx;
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
    return ctx;
}

static int load(claims_ctx *ctx, const char *json, claims_error *err)
{
    claims_str name = {"aliases.json", 12};
    return claims_ctx_load_aliases(ctx, json, strlen(json), name, err);
}

START_TEST(test_load)
{
    claims_ctx *ctx = new_ctx();
    claims_error err;
    const char *json = "{\"place\": {\"Lima, Peru\": [\"Lima\"]},\n"
                       " \"topic\": {\"Minsk agreements\": [\"Minsk deal\", \"Minsk II\"]},\n"
                       " \"*\": {\"European Union\": [\"Brussels\"]},\n"
                       " \"Person\": {\"Barack Obama\": [\"Barry Obama\"]},\n"
                       " \"persons\": {\"Donald E. Knuth\": [\"Don Knuth\"]},\n"
                       " \"organization\": {\"World Health Organization\": []}}";
    ck_assert_int_eq(load(ctx, json, &err), CLAIMS_OK);
    ck_assert_int_eq(err.code, CLAIMS_OK);
    ck_norm(ctx, CLAIMS_TYPE_PLACE, "Lima", "lima, peru");
    ck_norm(ctx, CLAIMS_TYPE_TOPIC, "Minsk II", "minsk agreement");
    ck_norm(ctx, CLAIMS_TYPE_ORGANIZATION, "Brussels", "european union");
    ck_norm(ctx, CLAIMS_TYPE_TOPIC, "Brussels", "europe union");
    ck_norm(ctx, CLAIMS_TYPE_TEXT, "Brussels", "european union");
    ck_norm(ctx, CLAIMS_TYPE_PERSON, "Barry Obama", "barack obama");
    ck_norm(ctx, CLAIMS_TYPE_PERSONS, "Don Knuth; Ronald Graham", "donald e. knuth; ronald graham");
    ck_norm(ctx, CLAIMS_TYPE_PLACE, "Brussels", "european union");
    /* loading again is harmless; a second table adds to the first */
    ck_assert_int_eq(load(ctx, json, &err), CLAIMS_OK);
    ck_assert_int_eq(load(ctx, "{\"place\": {\"Cusco, Peru\": [\"Cuzco\"]}}", &err), CLAIMS_OK);
    ck_norm(ctx, CLAIMS_TYPE_PLACE, "Cuzco", "cusco, peru");
    ck_norm(ctx, CLAIMS_TYPE_PLACE, "Lima", "lima, peru");
    ck_assert_int_eq(load(ctx, "{}", &err), CLAIMS_OK);
    claims_ctx_free(ctx);
}
END_TEST

/* Loads json into a fresh context and checks the error: its code, line and
 * column, that the text starts with `at` (a JSON Pointer and ": ", or
 * "malformed JSON: ") and contains `text`. */
static void load_fails(const char *json, int code, int line, int column, const char *at,
                       const char *text)
{
    claims_ctx *ctx = new_ctx();
    claims_error err;
    ck_assert_int_eq(load(ctx, json, &err), code);
    ck_config_error(&err, json, code, line, column, "aliases.json", at, text);
    claims_ctx_free(ctx);
}

/* Syntax errors: jansson's line and column (characters), its message. */
START_TEST(test_load_syntax_errors)
{
    const char *bad = "malformed JSON: ";
    load_fails("{\"place\": {\"Lima\": [\"x\"]", CLAIMS_ESYNTAX, 1, 24, bad, "'}' expected");
    load_fails("{\n  \"place\": [}", CLAIMS_ESYNTAX, 2, 13, bad, "");
    /* columns count characters */
    load_fails("{\"place\":\n  {\"Bogotá\": [\"é\",]}}", CLAIMS_ESYNTAX, 2, 19, bad,
               "unexpected token");
    load_fails("", CLAIMS_ESYNTAX, 1, 0, bad, "");
    load_fails("{\"place\": {}, \"place\": {}}", CLAIMS_ESYNTAX, 1, 21, bad, "duplicate");
    load_fails("{\"x\": \"\\u0000\"}", CLAIMS_ESYNTAX, 1, 14, bad, "JSON_ALLOW_NUL");
    load_fails("{\"place\": {\"Lima\": [\"\xff\"]}}", CLAIMS_ESYNTAX, 1, 21, bad, "decode");
}
END_TEST

/* A well-formed table with a bad member: no position (jansson keeps none),
 * the member's JSON Pointer instead. */
START_TEST(test_load_errors)
{
    load_fails("[]", CLAIMS_ESCHEMA, 0, 0, "\"\": ", "object keyed by type");
    load_fails("{\n  \"plase\": {}}", CLAIMS_ESCHEMA, 0, 0, "/plase: ", "unknown type name");
    load_fails("{\"number\": {}}", CLAIMS_ESCHEMA, 0, 0, "/number: ", "number have no aliases");
    load_fails("{\"place\": [\"Lima\"]}", CLAIMS_ESCHEMA, 0, 0, "/place: ", "must be an object");
    load_fails("{\"place\": {\n  \"Lima, Peru\": \"Lima\"}}", CLAIMS_ESCHEMA, 0, 0,
               "/place/Lima, Peru: ", "array of strings");
    load_fails("{\"place\": {\"Lima, Peru\": [\n  \"Lima\",\n    3]}}", CLAIMS_ESCHEMA, 0, 0,
               "/place/Lima, Peru/1: ", "must be a string");
    /* names that are not names: the alias, or the canonical name's member */
    load_fails("{\"place\": {\"Lima, Peru\": [\"Lima\", \"...\"]}}", CLAIMS_ESYNTAX, 0, 0,
               "/place/Lima, Peru/1: ", "no letters or digits");
    load_fails("{\"place\": {\"Lima, Peru\": [\"\"]}}", CLAIMS_ESYNTAX, 0, 0,
               "/place/Lima, Peru/0: ", "alias is empty");
    load_fails("{\"place\": {\"!!\": [\"Lima\"]}}", CLAIMS_ESYNTAX, 0, 0,
               "/place/!!: ", "no letters");
    load_fails("{\"place\": {\"?\": []}}", CLAIMS_ESYNTAX, 0, 0, "/place/?: ", "no letters");
    load_fails("{\"Person\": {\"Mr.\": [\"x\"]}}", CLAIMS_ESYNTAX, 0, 0,
               "/Person/Mr.: ", "only a title");
    load_fails("{\"place\": {\"Lima, Peru\": [\"Lima\"], \"Lima, Ohio\": [\"Lima\"]}}",
               CLAIMS_EDUPLICATE, 0, 0, "/place/Lima, Ohio/0: ", "already stands for");
    /* the pointer has the names as parsed, "~" and "/" escaped (RFC 6901),
     * control characters shown as \u00XX */
    load_fails("{\"pl\\u0061ce\": {\"L\\u00eda\": [\"\\u00e9\", 1]}}", CLAIMS_ESCHEMA, 0, 0,
               "/place/Lía/1: ", "must be a string");
    load_fails("{\"place\": {\"a/b~c\": [\"x\", {}]}}", CLAIMS_ESCHEMA, 0, 0,
               "/place/a~1b~0c/1: ", "must be a string");
    load_fails("{\"*\": {\"EU\": [\"~1\", 2]}}", CLAIMS_ESCHEMA, 0, 0,
               "/*/EU/1: ", "must be a string");
    load_fails("{\"place\": {\"a\\tb\\u007f\": 1}}", CLAIMS_ESCHEMA, 0, 0,
               "/place/a\\u0009b\\u007f: ", "array");
    load_fails("{\"place\": {\"\": 1}}", CLAIMS_ESCHEMA, 0, 0, "/place/: ", "array");
}
END_TEST

/* A pointer too long for the error text is cut after a whole character and
 * marked "...", and the message still follows. */
START_TEST(test_load_error_long_pointer)
{
    char json[512], name[300] = "";
    for (int i = 0; i < 60; i++)
        strcat(name, "é"); /* 120 bytes */
    snprintf(json, sizeof json, "{\"place\": {\"%s\": {}}}", name);
    claims_ctx *ctx = new_ctx();
    claims_error err;
    ck_assert_int_eq(load(ctx, json, &err), CLAIMS_ESCHEMA);
    const char *cut = strstr(err.text, "...: ");
    ck_assert_msg(cut != NULL, "%s", err.text);
    ck_assert(strncmp(err.text, "/place/é", 9) == 0);
    ck_assert_int_eq((cut - err.text - (long)strlen("/place/")) % 2, 0); /* whole é's */
    ck_assert_ptr_nonnull(strstr(cut, "array of strings"));
    claims_ctx_free(ctx);
}
END_TEST

/* An alias over the value limit is out of range, at its pointer. */
START_TEST(test_load_error_long_alias)
{
    size_t n = CLAIMS__VALUE_MAX_LENGTH + 1;
    char *json = malloc(n + 64);
    ck_assert_ptr_nonnull(json);
    int k = snprintf(json, 64, "{\"place\": {\"Lima\": [\"x\", \"");
    memset(json + k, 'a', n);
    strcpy(json + k + n, "\"]}}");
    claims_ctx *ctx = new_ctx();
    claims_error err;
    ck_assert_int_eq(load(ctx, json, &err), CLAIMS_ERANGE);
    ck_assert_int_eq(err.line, 0);
    char want[64];
    snprintf(want, sizeof want, "/place/Lima/1: alias is %zu bytes", n);
    ck_assert_msg(strncmp(err.text, want, strlen(want)) == 0, "%s", err.text);
    ck_norm(ctx, CLAIMS_TYPE_PLACE, "x", "x"); /* the first alias is removed again */
    claims_ctx_free(ctx);
    free(json);
}
END_TEST

START_TEST(test_load_is_atomic)
{
    claims_ctx *ctx = new_ctx();
    claims_error err;
    ck_assert_int_eq(load(ctx, "{\"place\": {\"Lima, Peru\": [\"Lima\"]}}", &err), CLAIMS_OK);
    ck_assert_int_eq(load(ctx,
                          "{\"place\": {\"Cusco, Peru\": [\"Cuzco\"]},"
                          " \"topic\": {\"x\": [\"y\", 7]}}",
                          &err),
                     CLAIMS_ESCHEMA);
    ck_norm(ctx, CLAIMS_TYPE_PLACE, "Cuzco", "cuzco");     /* rolled back */
    ck_norm(ctx, CLAIMS_TYPE_PLACE, "Lima", "lima, peru"); /* kept */
    claims_ctx_free(ctx);
}
END_TEST

START_TEST(test_load_arguments)
{
    claims_ctx *ctx = new_ctx();
    claims_error err;
    claims_str none = {NULL, 0};
    ck_assert_int_eq(claims_ctx_load_aliases(NULL, "{}", 2, none, &err), CLAIMS_EINVAL);
    ck_assert_str_eq(err.source, "<buffer>");
    ck_assert_int_eq(claims_ctx_load_aliases(ctx, NULL, 2, none, &err), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_ctx_load_aliases(ctx, "[1]", 3, none, NULL), CLAIMS_ESCHEMA);
    ck_assert_int_eq(claims_ctx_load_aliases(ctx, "{\"place\":{}}garbage", 12, none, &err),
                     CLAIMS_OK); /* len stops before the garbage */
    ck_assert_int_eq(claims_ctx_load_aliases(ctx, "{\"place\":{}} x", 14, none, &err),
                     CLAIMS_ESYNTAX);
    ck_assert_str_eq(err.source, "<buffer>");
    claims_ctx_free(ctx);
}
END_TEST

START_TEST(test_add_alias)
{
    claims_ctx *ctx = new_ctx();
    claims_error err;
    ck_assert_int_eq(claims_ctx_add_alias(NULL, CLAIMS_TYPE_PLACE, "a", 1, "b", 1, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_ctx_add_alias(ctx, (claims_type)99, "a", 1, "b", 1, &err),
                     CLAIMS_EINVAL);
    ck_assert_str_eq(err.text, "unknown value type 99");
    ck_assert_int_eq(claims_ctx_add_alias(ctx, CLAIMS_TYPE_NUMBER, "a", 1, "b", 1, &err),
                     CLAIMS_EINVAL);
    ck_assert(strstr(err.text, "no aliases") != NULL);
    ck_assert_int_eq(claims_ctx_add_alias(ctx, CLAIMS_TYPE_PLACE, NULL, 1, "b", 1, &err),
                     CLAIMS_EINVAL);
    ck_assert_int_eq(claims_ctx_add_alias(ctx, CLAIMS_TYPE_PLACE, "a", 1, "", 0, &err),
                     CLAIMS_ESYNTAX);
    ck_assert_int_eq(claims_ctx_add_alias(ctx, CLAIMS_TYPE_PLACE, "a", 1, "b\xC3", 2, &err),
                     CLAIMS_ENCODING);
    ck_assert_int_eq(claims_ctx_add_alias(ctx, CLAIMS_TYPE_PLACE, "a\0b", 3, "b", 1, &err),
                     CLAIMS_ENCODING);
    char *big = malloc(CLAIMS__VALUE_MAX_LENGTH + 1);
    memset(big, 'x', CLAIMS__VALUE_MAX_LENGTH + 1);
    ck_assert_int_eq(claims_ctx_add_alias(ctx, CLAIMS_TYPE_PLACE, "a", 1, big,
                                          CLAIMS__VALUE_MAX_LENGTH + 1, &err),
                     CLAIMS_ERANGE);
    free(big);
    ck_assert_int_eq(claims_ctx_add_alias(ctx, CLAIMS_TYPE_PLACE, "Lima, Peru", 10, "- -", 3, &err),
                     CLAIMS_ESYNTAX);
    ck_assert_int_eq(
        claims_ctx_add_alias(ctx, CLAIMS_TYPE_PERSON, "Barack Obama", 12, "Mr.", 3, &err),
        CLAIMS_ESYNTAX);
    /* the same pair twice, and an alias that is the name itself */
    ck_assert_int_eq(
        claims_ctx_add_alias(ctx, CLAIMS_TYPE_PLACE, "Lima, Peru", 10, "Lima", 4, &err), CLAIMS_OK);
    ck_assert_int_eq(
        claims_ctx_add_alias(ctx, CLAIMS_TYPE_PLACE, "Lima, Peru", 10, "LIMA", 4, &err), CLAIMS_OK);
    ck_assert_int_eq(
        claims_ctx_add_alias(ctx, CLAIMS_TYPE_PLACE, "Lima, Peru", 10, "lima ,peru", 10, &err),
        CLAIMS_OK);
    ck_assert_int_eq(
        claims_ctx_add_alias(ctx, CLAIMS_TYPE_PLACE, "Lima, Ohio", 10, "Lima", 4, &err),
        CLAIMS_EDUPLICATE);
    /* the same alias in another type's table is independent */
    ck_assert_int_eq(
        claims_ctx_add_alias(ctx, CLAIMS_TYPE_ORGANIZATION, "Lima Corp", 9, "Lima", 4, &err),
        CLAIMS_OK);
    ck_norm(ctx, CLAIMS_TYPE_PLACE, "Lima", "lima, peru");
    ck_norm(ctx, CLAIMS_TYPE_ORGANIZATION, "Lima", "lima");
    claims_ctx_free(ctx);
    claims_ctx_free(NULL);
}
END_TEST

START_TEST(test_many_aliases)
{
    claims_ctx *ctx = new_ctx();
    char canon[32], alias[32];
    for (int i = 0; i < 600; i++) {
        snprintf(canon, sizeof canon, "Town %d, Peru", i);
        snprintf(alias, sizeof alias, "Town%d", i);
        ck_assert_int_eq(claims_ctx_add_alias(ctx, CLAIMS_TYPE_PLACE, canon, strlen(canon), alias,
                                              strlen(alias), NULL),
                         CLAIMS_OK);
    }
    for (int i = 0; i < 600; i += 37) {
        char want[32];
        snprintf(alias, sizeof alias, "town%d", i);
        snprintf(want, sizeof want, "town %d, peru", i);
        ck_norm(ctx, CLAIMS_TYPE_PLACE, alias, want);
    }
    /* a failed load after many entries keeps them all */
    claims_error err;
    ck_assert_int_eq(load(ctx, "{\"place\": {\"a\": [\"Town5\"]}}", &err), CLAIMS_EDUPLICATE);
    ck_norm(ctx, CLAIMS_TYPE_PLACE, "Town599", "town 599, peru");
    claims_ctx_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("aliases");
    TCase *tc = tcase_create("aliases");
    tcase_add_test(tc, test_load);
    tcase_add_test(tc, test_load_syntax_errors);
    tcase_add_test(tc, test_load_errors);
    tcase_add_test(tc, test_load_error_long_pointer);
    tcase_add_test(tc, test_load_error_long_alias);
    tcase_add_test(tc, test_load_is_atomic);
    tcase_add_test(tc, test_load_arguments);
    tcase_add_test(tc, test_add_alias);
    tcase_add_test(tc, test_many_aliases);
    suite_add_tcase(s, tc);
    return run_suite(s);
}

/* check_schema.c - the attribute schema: the built-in vocabulary, the seed
 * corpus's schema file, loading JSON (every error with its JSON Pointer, or
 * jansson's line and column), and that a failed load changes nothing. */
#include "check_helpers.h"

static claims_ctx *new_ctx(void)
{
    claims_ctx *ctx;
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
    return ctx;
}

static int load(claims_ctx *ctx, const char *json, claims_error *err)
{
    return claims_ctx_load_schema(ctx, json, strlen(json), S("schema.json"), err);
}

/* The definition of `name` (which must exist). */
static claims_attribute_def def_of(const claims_ctx *ctx, const char *name)
{
    claims_attribute_def d = {.version = CLAIMS_ATTRIBUTE_DEF_VERSION};
    ck_assert_msg(claims_ctx_attribute(&d, ctx, name, strlen(name)) == CLAIMS_OK, "%s unknown",
                  name);
    return d;
}

static bool known(const claims_ctx *ctx, const char *name)
{
    claims_attribute_def d = {.version = CLAIMS_ATTRIBUTE_DEF_VERSION};
    return claims_ctx_attribute(&d, ctx, name, strlen(name)) == CLAIMS_OK;
}

/* ---- the built-in schema and the seed corpus's -------------------------------------- */

START_TEST(test_builtin_is_general)
{
    claims_ctx *ctx = new_ctx();
    /* general news vocabulary (docs/schema.md) */
    static const char *const general[] = {
        "participant", "date",    "place",     "occasion",  "name",         "duration",
        "time",        "topic",   "statement", "agreement", "kind",         "outcome",
        "deaths",      "injured", "count",     "role",      "organization", "nationality"};
    for (size_t i = 0; i < sizeof general / sizeof general[0]; i++)
        ck_assert_msg(known(ctx, general[i]), "%s is not built in", general[i]);
    claims_attribute_def d = def_of(ctx, "participant");
    ck_assert_int_eq(d.type, CLAIMS_TYPE_PERSON);
    ck_assert_int_eq(d.cardinality, CLAIMS_SET);
    ck_assert_int_eq(d.identifying, 1);
    ck_assert_int_eq(def_of(ctx, "name").identifying, 2);
    ck_assert_int_eq(def_of(ctx, "kind").cardinality, CLAIMS_SET);
    /* what only the seed corpus writes comes with its schema file */
    static const char *const corpus_only[] = {"audible", "tone", "significance", "format",
                                              "attendee"};
    for (size_t i = 0; i < sizeof corpus_only / sizeof corpus_only[0]; i++)
        ck_assert_msg(!known(ctx, corpus_only[i]), "%s is built in", corpus_only[i]);
    claims_ctx_free(ctx);
}
END_TEST

START_TEST(test_seed_corpus_schema)
{
    claims_ctx *ctx = seed_ctx();
    static const char *const corpus_only[] = {"audible", "tone", "significance", "format",
                                              "attendee"};
    for (size_t i = 0; i < sizeof corpus_only / sizeof corpus_only[0]; i++) {
        claims_attribute_def d = def_of(ctx, corpus_only[i]);
        ck_assert_int_eq(d.type, CLAIMS_TYPE_TEXT);
        ck_assert_int_eq(d.cardinality, CLAIMS_SET);
        ck_assert_int_eq(d.identifying, 0);
    }
    /* it only adds: the built-in definitions stay */
    ck_assert_int_eq(def_of(ctx, "duration").type, CLAIMS_TYPE_DURATION);
    ck_assert_int_eq(def_of(ctx, "participant").identifying, 1);
    claims_ctx_free(ctx);
}
END_TEST

/* ---- loading ------------------------------------------------------------------------- */

START_TEST(test_load)
{
    claims_ctx *ctx = new_ctx();
    claims_error err;
    const char *json = "{\"attributes\": {\n"
                       "  \"crowd\": {\"type\": \"number\", \"tolerance\": 0.1},\n"
                       "  \"venue\": {\"type\": \"Place\", \"cardinality\": \"set\",\n"
                       "            \"identifying\": true},\n"
                       "  \"speaker\": {\"type\": \"person\", \"identifying\": 2},\n"
                       "  \"aside\": {\"type\": \"text\", \"identifying\": false},\n"
                       "  \"departure\": {\"type\": \"time\", \"time_tolerance\": 300},\n"
                       "  \"duration\": {\"type\": \"duration\", \"tolerance\": 0.25}},\n"
                       " \"comment\": \"other members are ignored\"}";
    ck_assert_int_eq(load(ctx, json, &err), CLAIMS_OK);
    ck_assert_int_eq(err.code, CLAIMS_OK);
    claims_attribute_def d = def_of(ctx, "crowd");
    ck_assert_int_eq(d.type, CLAIMS_TYPE_NUMBER);
    ck_assert_int_eq(d.cardinality, CLAIMS_SINGLE); /* the default */
    ck_assert_int_eq(d.identifying, 0);
    ck_assert(d.tolerance > 0.09 && d.tolerance < 0.11);
    d = def_of(ctx, "venue");
    ck_assert_int_eq(d.type, CLAIMS_TYPE_PLACE);
    ck_assert_int_eq(d.cardinality, CLAIMS_SET);
    ck_assert_int_eq(d.identifying, 1);
    ck_assert_int_eq(def_of(ctx, "speaker").identifying, 2);
    ck_assert_int_eq(def_of(ctx, "aside").identifying, 0);
    ck_assert(def_of(ctx, "departure").time_tolerance == 300.0);
    /* a built-in attribute is replaced */
    ck_assert(def_of(ctx, "duration").tolerance == 0.25);
    /* an empty schema adds nothing; len stops before what follows */
    ck_assert_int_eq(load(ctx, "{\"attributes\": {}}", &err), CLAIMS_OK);
    ck_assert_int_eq(claims_ctx_load_schema(ctx, "{\"attributes\": {}} x", 18, S("s"), &err),
                     CLAIMS_OK);
    claims_ctx_free(ctx);
}
END_TEST

/* Loads json into a fresh context and checks the error: its code, line and
 * column, that the text starts with `at` (a JSON Pointer and ": ", or
 * "malformed JSON: ") and contains `text`; and that nothing was added. */
static void load_fails(const char *json, int code, int line, int column, const char *at,
                       const char *text)
{
    claims_ctx *ctx = new_ctx();
    claims_error err;
    ck_assert_int_eq(load(ctx, json, &err), code);
    ck_config_error(&err, json, code, line, column, "schema.json", at, text);
    ck_assert(!known(ctx, "x"));
    claims_ctx_free(ctx);
}

/* Syntax errors: jansson's message, line and column (in characters; a bad
 * token is placed at its last character). */
START_TEST(test_load_syntax_errors)
{
    const char *bad = "malformed JSON: ";
    load_fails("{\"attributes\": {", CLAIMS_ESYNTAX, 1, 16, bad, "end of file");
    load_fails("{\"attributes\": {\n  \"x\": {\"type\": \"text\",}}}", CLAIMS_ESYNTAX, 2, 24, bad,
               "");
    /* columns count characters */
    load_fails("{\"attributes\": {\"é\": {\"type\": text}}}", CLAIMS_ESYNTAX, 1, 34, bad,
               "invalid token");
    load_fails("", CLAIMS_ESYNTAX, 1, 0, bad, "");
    load_fails("{\"attributes\": {\"x\": {\"type\": \"text\"},\n \"x\": {\"type\": \"date\"}}}",
               CLAIMS_ESYNTAX, 2, 4, bad, "duplicate");
    load_fails("{\"attributes\": {\"x\": {\"type\": \"te\\u0000xt\"}}}", CLAIMS_ESYNTAX, 1, 42, bad,
               "JSON_ALLOW_NUL");
    load_fails("{\"attributes\": {\"x\": {\"tolerance\": 1e999}}}", CLAIMS_ESYNTAX, 1, 40, bad,
               "overflow");
}
END_TEST

/* A well-formed schema with a bad member: no position (jansson keeps none),
 * the member's JSON Pointer instead. */
START_TEST(test_load_errors)
{
    load_fails("[]", CLAIMS_ESCHEMA, 0, 0, "\"\": ", "{\"attributes\": {NAME: {...}}}");
    load_fails("{}", CLAIMS_ESCHEMA, 0, 0, "/attributes: ", "required");
    load_fails("{\"attributes\": []}", CLAIMS_ESCHEMA, 0, 0, "/attributes: ", "must be an object");
    load_fails("{\"attributes\": {\"x\": 3}}", CLAIMS_ESCHEMA, 0, 0,
               "/attributes/x: ", "must be an object");
    load_fails("{\"attributes\": {\"x\": {}}}", CLAIMS_ESCHEMA, 0, 0,
               "/attributes/x/type: ", "required");
    load_fails("{\"attributes\": {\"x\": {\"type\": 7}}}", CLAIMS_ESCHEMA, 0, 0,
               "/attributes/x/type: ", "name of a value type");
    load_fails("{\"attributes\": {\"x\": {\"type\": \"colour\"}}}", CLAIMS_ESCHEMA, 0, 0,
               "/attributes/x/type: ", "unknown value type \"colour\"");
    load_fails("{\"attributes\": {\"x\": {\"type\": \"text\", \"cardinality\": \"many\"}}}",
               CLAIMS_ESCHEMA, 0, 0, "/attributes/x/cardinality: ", "\"single\" or \"set\"");
    load_fails("{\"attributes\": {\"x\": {\"type\": \"text\", \"cardinality\": null}}}",
               CLAIMS_ESCHEMA, 0, 0, "/attributes/x/cardinality: ", "\"single\" or \"set\"");
    static const char *const bad_identifying[] = {"5", "-1", "1.0", "\"yes\"", "4294967297"};
    for (size_t i = 0; i < sizeof bad_identifying / sizeof bad_identifying[0]; i++) {
        char json[128];
        snprintf(json, sizeof json,
                 "{\"attributes\": {\"x\": {\"type\": \"text\", \"identifying\": %s}}}",
                 bad_identifying[i]);
        load_fails(json, CLAIMS_ESCHEMA, 0, 0,
                   "/attributes/x/identifying: ", "false, true, 0, 1 or 2");
    }
    load_fails("{\"attributes\": {\"x\": {\"type\": \"number\", \"tolerance\": -0.5}}}",
               CLAIMS_ESCHEMA, 0, 0, "/attributes/x/tolerance: ", "must be a number >= 0");
    load_fails("{\"attributes\": {\"x\": {\"type\": \"number\", \"tolerance\": \"10%\"}}}",
               CLAIMS_ESCHEMA, 0, 0, "/attributes/x/tolerance: ", "must be a number >= 0");
    load_fails("{\"attributes\": {\"x\": {\"type\": \"time\", \"time_tolerance\": -60}}}",
               CLAIMS_ESCHEMA, 0, 0, "/attributes/x/time_tolerance: ", "seconds >= 0");
    load_fails("{\"attributes\": {\"\": {\"type\": \"text\"}}}", CLAIMS_ESCHEMA, 0, 0,
               "/attributes/: ", "name is empty");
    /* names as parsed, "~" and "/" escaped (RFC 6901) */
    load_fails("{\"attributes\": {\"a/b~c\": {\"type\": \"bogus\"}}}", CLAIMS_ESCHEMA, 0, 0,
               "/attributes/a~1b~0c/type: ", "unknown value type");
    load_fails("{\"attributes\": {\"\\u00e9t\\u00e9\": {\"type\": \"text\", \"tolerance\": -1}}}",
               CLAIMS_ESCHEMA, 0, 0, "/attributes/été/tolerance: ", ">= 0");
    /* the first bad member is the one named */
    load_fails("{\"attributes\": {\"x\": {\"type\": \"text\", \"cardinality\": \"many\", "
               "\"tolerance\": -1}}}",
               CLAIMS_ESCHEMA, 0, 0, "/attributes/x/cardinality: ", "");
}
END_TEST

/* A name over 256 bytes: the error says so, with the pointer cut short. */
START_TEST(test_load_error_long_name)
{
    char name[300], json[400];
    memset(name, 'n', 257);
    name[257] = '\0';
    snprintf(json, sizeof json, "{\"attributes\": {\"%s\": {\"type\": \"text\"}}}", name);
    claims_ctx *ctx = new_ctx();
    claims_error err;
    ck_assert_int_eq(load(ctx, json, &err), CLAIMS_ESCHEMA);
    ck_assert(strncmp(err.text, "/attributes/nnnn", 16) == 0);
    ck_assert_ptr_nonnull(strstr(err.text, "...: "));
    ck_assert_ptr_nonnull(strstr(err.text, "at most 256 bytes"));
    ck_assert_int_eq(err.line, 0);
    claims_ctx_free(ctx);
}
END_TEST

/* A failed load changes nothing, whichever definition is bad; the next
 * load works. */
START_TEST(test_load_is_atomic)
{
    claims_ctx *ctx = new_ctx();
    claims_error err;
    ck_assert_int_eq(load(ctx, "{\"attributes\": {\"crowd\": {\"type\": \"number\"}}}", &err),
                     CLAIMS_OK);
    ck_assert_int_eq(load(ctx,
                          "{\"attributes\": {"
                          "\"duration\": {\"type\": \"text\"},"
                          "\"crowd\": {\"type\": \"number\", \"tolerance\": 0.5},"
                          "\"venue\": {\"type\": \"place\"},"
                          "\"mood\": {\"type\": \"text\", \"identifying\": 3},"
                          "\"speaker\": {\"type\": \"person\"}}}",
                          &err),
                     CLAIMS_ESCHEMA);
    ck_assert_str_eq(err.text, "/attributes/mood/identifying: must be false, true, 0, 1 or 2");
    ck_assert_int_eq(def_of(ctx, "duration").type, CLAIMS_TYPE_DURATION); /* kept */
    ck_assert(def_of(ctx, "crowd").tolerance == 0.0);                     /* kept */
    ck_assert(!known(ctx, "venue"));
    ck_assert(!known(ctx, "mood"));
    ck_assert(!known(ctx, "speaker"));
    ck_assert_int_eq(load(ctx, "{\"attributes\": {\"venue\": {\"type\": \"place\"}}}", &err),
                     CLAIMS_OK);
    ck_assert_int_eq(def_of(ctx, "venue").type, CLAIMS_TYPE_PLACE);
    claims_ctx_free(ctx);
}
END_TEST

START_TEST(test_load_arguments)
{
    claims_ctx *ctx = new_ctx();
    claims_error err;
    claims_str none = {NULL, 0};
    ck_assert_int_eq(claims_ctx_load_schema(NULL, "{}", 2, S("s.json"), &err), CLAIMS_EINVAL);
    ck_assert_str_eq(err.source, "s.json");
    ck_assert_int_eq(claims_ctx_load_schema(ctx, NULL, 2, none, &err), CLAIMS_EINVAL);
    ck_assert_str_eq(err.source, "<buffer>");
    ck_assert_int_eq(claims_ctx_load_schema(ctx, "[1]", 3, none, NULL), CLAIMS_ESCHEMA);
    ck_assert_int_eq(claims_ctx_load_schema(ctx, "{", 1, none, &err), CLAIMS_ESYNTAX);
    ck_assert_str_eq(err.source, "<buffer>");
    /* a long name is cut after a whole character */
    char name[200] = "";
    for (int i = 0; i < 99; i++)
        strcat(name, "é");
    ck_assert_int_eq(claims_ctx_load_schema(ctx, "[]", 2, S(name), &err), CLAIMS_ESCHEMA);
    ck_assert_uint_eq(strlen(err.source), CLAIMS_ERROR_SOURCE_LENGTH - 2);
    ck_assert(strncmp(err.source, name, strlen(err.source)) == 0);
    claims_ctx_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("schema");
    TCase *tc = tcase_create("schema");
    tcase_add_test(tc, test_builtin_is_general);
    tcase_add_test(tc, test_seed_corpus_schema);
    tcase_add_test(tc, test_load);
    tcase_add_test(tc, test_load_syntax_errors);
    tcase_add_test(tc, test_load_errors);
    tcase_add_test(tc, test_load_error_long_name);
    tcase_add_test(tc, test_load_is_atomic);
    tcase_add_test(tc, test_load_arguments);
    suite_add_tcase(s, tc);
    return run_suite(s);
}

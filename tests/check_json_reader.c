/* check_json_reader.c - the pull reader: tokens and their positions, decoded
 * strings, bytes that are not UTF-8, duplicate keys (the linear and the
 * indexed check), depth, and one case per class of syntax error with the
 * line and column it is reported at. */
#include "store/json_reader.h"

#include <check.h>
#include <stdio.h>

#include "check_helpers.h"

static claims__json r;

static void setup(void) { claims__json_init(&r); }
static void teardown(void) { claims__json_free(&r); }

static void start(const char *s) { claims__json_start(&r, s, strlen(s), 0, 1, 1); }

/* Reads to the end; the kind of the last token (END or ERROR). */
static int drain(void)
{
    claims__json_token t;
    int k;
    do
        k = claims__json_next(&r, &t);
    while (k > CLAIMS__JSON_END);
    return k;
}

START_TEST(test_tokens_and_positions)
{
    const char *s = "{\"a\": [1, -2.5e3, true, false, null],\n"
                    " \"\xc3\xa9t\xc3\xa9\": \"x\", \"b\": {}}";
    start(s);
    static const int kinds[] = {
        CLAIMS__JSON_OBJECT, CLAIMS__JSON_KEY,        CLAIMS__JSON_ARRAY,
        CLAIMS__JSON_NUMBER, CLAIMS__JSON_NUMBER,     CLAIMS__JSON_TRUE,
        CLAIMS__JSON_FALSE,  CLAIMS__JSON_NULL,       CLAIMS__JSON_ARRAY_END,
        CLAIMS__JSON_KEY,    CLAIMS__JSON_STRING,     CLAIMS__JSON_KEY,
        CLAIMS__JSON_OBJECT, CLAIMS__JSON_OBJECT_END, CLAIMS__JSON_OBJECT_END,
        CLAIMS__JSON_END};
    claims__json_token t[16];
    for (size_t i = 0; i < 16; i++)
        ck_assert_int_eq(claims__json_next(&r, &t[i]), kinds[i]);
    ck_assert(t[3].integer);
    ck_assert(!t[4].integer);
    ck_assert_int_eq((int)t[4].len, 6);
    ck_assert(memcmp(t[4].str, "-2.5e3", 6) == 0);
    ck_assert_int_eq(t[4].line, 1);
    ck_assert_int_eq(t[4].column, 11);
    /* the second line: a key of two two-byte characters, so the string
     * after it starts at column 9 although it is at byte 10 of the line */
    ck_assert_int_eq(t[9].line, 2);
    ck_assert_int_eq(t[9].column, 2);
    ck_assert_uint_eq(t[9].len, 5);
    ck_assert_int_eq(t[10].line, 2);
    ck_assert_int_eq(t[10].column, 9);
    ck_assert_uint_eq(t[10].off, (size_t)(strchr(s, '\n') - s) + 11);
    ck_assert_uint_eq(t[10].bad, SIZE_MAX);
    /* END stays END */
    ck_assert_int_eq(claims__json_next(&r, &t[0]), CLAIMS__JSON_END);
}
END_TEST

START_TEST(test_escapes_decode)
{
    start("[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\", \"\\u00e9\\u20AC\", \"\\ud83d\\ude00\", "
          "\"x\\u0000y\"]");
    claims__json_token t;
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_ARRAY);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_STRING);
    ck_assert_uint_eq(t.len, 12);
    ck_assert(memcmp(t.str, "a\"b\\c/d\b\f\n\r\t", 12) == 0);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_STRING);
    ck_assert_uint_eq(t.len, 5);
    ck_assert(memcmp(t.str, "\xc3\xa9\xe2\x82\xac", 5) == 0);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_STRING);
    ck_assert_uint_eq(t.len, 4); /* U+1F600 from its surrogate pair */
    ck_assert(memcmp(t.str, "\xf0\x9f\x98\x80", 4) == 0);
    /* \u0000 in a value is kept: the loader reports it against its claim */
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_STRING);
    ck_assert_uint_eq(t.len, 3);
    ck_assert(memcmp(t.str, "x\0y", 3) == 0);
    ck_assert_int_eq(drain(), CLAIMS__JSON_END);
}
END_TEST

START_TEST(test_bad_bytes_are_facts)
{
    /* not UTF-8 inside strings (a stray continuation byte, a cut sequence,
     * a raw NUL): the tokens say where, the reading goes on; each such byte
     * counts as one column */
    const char s[] = "[\"ok\", \"a\x80"
                     "b\", \"\xe2\x82\", \"n\0l\", \"\xc3\xa9\"]";
    claims__json_start(&r, s, sizeof s - 1, 0, 1, 1);
    claims__json_token t;
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_ARRAY);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_STRING);
    ck_assert_uint_eq(t.bad, SIZE_MAX);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_STRING);
    ck_assert_uint_eq(t.bad, 9);
    ck_assert_int_eq(t.bad_column, 10);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_STRING);
    ck_assert_uint_eq(t.bad, 15); /* the lead byte of the cut sequence */
    ck_assert_int_eq(t.column, 15);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_STRING);
    ck_assert_uint_eq(t.bad, 22);
    ck_assert_int_eq(t.bad_column, 23);
    /* every byte so far counted one column, the two of the cut sequence too */
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_STRING);
    ck_assert_uint_eq(t.bad, SIZE_MAX);
    ck_assert_int_eq(t.column, 28);
    ck_assert_uint_eq(t.len, 2);
    ck_assert_int_eq(drain(), CLAIMS__JSON_END);
}
END_TEST

START_TEST(test_skip_and_start_midway)
{
    const char *s = "{\"skip\": {\"x\": [1, {\"y\": \"\xff\"}]}, \"k\": 5}";
    start(s);
    claims__json_token t, bad;
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_OBJECT);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_KEY);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_OBJECT);
    bad.bad = SIZE_MAX;
    ck_assert_int_eq(claims__json_skip(&r, &t, &bad), CLAIMS_OK);
    ck_assert_uint_eq(bad.bad, 26);
    ck_assert_uint_eq(claims__json_depth(&r), 1);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_KEY);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_NUMBER);
    ck_assert_int_eq(t.column, 39);
    /* reading one value from the middle of a text, at a known position */
    const char *k = strstr(s, "{\"y\"");
    claims__json_start(&r, s, strlen(s), (size_t)(k - s), 7, 20);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_OBJECT);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_KEY);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_STRING);
    ck_assert_int_eq(t.line, 7);
    ck_assert_int_eq(t.column, 26);
    ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_OBJECT_END);
}
END_TEST

START_TEST(test_scan_hash)
{
    /* strings of every length around the word size, plain (hashed while
     * scanned, equal to claims__hash_words) or not (no hash) */
    char text[256];
    const char *const tails[] = {"", "\\n", "\xc3\xa9"};
    for (size_t tail = 0; tail < 3; tail++) {
        for (size_t n = 0; n < 40; n++) {
            size_t len = (size_t)snprintf(text, sizeof text, "[\"");
            for (size_t i = 0; i < n; i++)
                text[len++] = (char)('a' + (i * 7) % 26);
            /* padded: the word holding the closing quote is whole */
            len += (size_t)snprintf(text + len, sizeof text - len, "%s\", 1, 2, 3, 4, 5]",
                                    tails[tail]);
            claims__json_start(&r, text, len, 0, 1, 1);
            claims__json_token t;
            ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_ARRAY);
            ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_STRING);
            ck_assert_uint_eq(t.len, n + (tail == 2 ? 2 : tail));
            ck_assert_msg(t.hashed == (tail == 0), "length %zu, tail %zu", n, tail);
            if (t.hashed)
                ck_assert_msg(t.hash == claims__hash_words(t.str, t.len), "length %zu", n);
        }
    }
}
END_TEST

/* An object with n keys "k0".."k<n-1>", then `extra` as one more member. */
static char *many_keys(size_t n, const char *extra)
{
    size_t cap = n * 32 + 64, len = 0;
    char *s = malloc(cap);
    len += (size_t)snprintf(s + len, cap - len, "{");
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(s + len, cap - len, "\"k%zu\": {\"k%zu\": 1}, ", i, i);
    snprintf(s + len, cap - len, "%s}", extra);
    return s;
}

START_TEST(test_duplicate_keys)
{
    /* few keys (compared one by one), escaped spelling of the same key */
    start("{\"id\": 1, \"type\": 2, \"\\u0069d\": 3}");
    ck_assert_int_eq(drain(), CLAIMS__JSON_ERROR);
    ck_assert_int_eq(r.error.code, CLAIMS_ESYNTAX);
    ck_assert_int_eq(r.error.column, 22);
    ck_assert_ptr_nonnull(strstr(r.error.text, "duplicate key \"id\""));
    /* the same key in different objects, nested or not, is fine */
    start("{\"a\": {\"a\": {\"a\": 1}}, \"b\": [{\"a\": 1}, {\"a\": 2}]}");
    ck_assert_int_eq(drain(), CLAIMS__JSON_END);
    /* many keys (a hash index): a duplicate far apart, and none */
    char *s = many_keys(200, "\"k3\": 0");
    start(s);
    ck_assert_int_eq(drain(), CLAIMS__JSON_ERROR);
    ck_assert_ptr_nonnull(strstr(r.error.text, "duplicate key \"k3\""));
    ck_assert_int_eq(r.error.column, (int)(strrchr(s, 'k') - s));
    free(s);
    s = many_keys(200, "\"k200\": 0");
    start(s);
    ck_assert_int_eq(drain(), CLAIMS__JSON_END);
    free(s);
    /* sibling objects with many keys: each has its own keys, though the
     * index of their depth is reused */
    char *one = many_keys(40, "\"x\": 0"), *two = many_keys(30, "\"k35\": 0");
    size_t n1 = strlen(one), n2 = strlen(two);
    s = malloc(n1 + n2 + 4);
    snprintf(s, n1 + n2 + 4, "[%s,%s]", one, two);
    start(s);
    ck_assert_int_eq(drain(), CLAIMS__JSON_END);
    snprintf(s, n1 + n2 + 4, "[%s,%s]", two, one);
    start(s);
    ck_assert_int_eq(drain(), CLAIMS__JSON_END);
    free(s);
    free(one);
    free(two);
    /* a key decoded from escapes, kept while the string buffer is reused */
    s = many_keys(40, "\"\\u006b39\": 0");
    start(s);
    ck_assert_int_eq(drain(), CLAIMS__JSON_ERROR);
    ck_assert_ptr_nonnull(strstr(r.error.text, "duplicate key \"k39\""));
    free(s);
}
END_TEST

START_TEST(test_depth_limit)
{
    size_t n = CLAIMS__JSON_MAX_DEPTH;
    char *s = malloc(2 * n + 8);
    memset(s, '[', n);
    memset(s + n, ']', n);
    s[2 * n] = '\0';
    start(s);
    ck_assert_int_eq(drain(), CLAIMS__JSON_END);
    memset(s, '[', n + 1);
    memset(s + n + 1, ']', n + 1);
    s[2 * n + 2] = '\0';
    start(s);
    ck_assert_int_eq(drain(), CLAIMS__JSON_ERROR);
    ck_assert_int_eq(r.error.column, (int)n + 1);
    ck_assert_ptr_nonnull(strstr(r.error.text, "nesting deeper than"));
    free(s);
}
END_TEST

/* One syntax error: the text, where it is reported, a part of its message. */
typedef struct bad_case {
    const char *text;
    int line, column;
    const char *message;
} bad_case;

START_TEST(test_syntax_errors)
{
    /* one class per line; the single-line classes are in check_loader.c,
     * read through the loader */
    static const bad_case cases[] = {
        {"", 1, 1, "no JSON value"},
        {"  \n ", 2, 2, "no JSON value"},
        {"{\"a\":\n \"line\nbreak\"}", 2, 7, "control character U+000A"},
        {"{\"a\": 1,\n}", 1, 8, "trailing comma before '}'"},
        {"{\"a\": [1,\n  {\"b\": 2}", 2, 11, "the array opened at line 1, column 7"},
        {"{\"a\": 1", 1, 8, "the object opened at column 1 is not closed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const bad_case *c = &cases[i];
        start(c->text);
        ck_assert_msg(drain() == CLAIMS__JSON_ERROR, "%s: no error", c->text);
        ck_assert_int_eq(r.error.code, CLAIMS_ESYNTAX);
        ck_assert_msg(r.error.line == c->line && r.error.column == c->column,
                      "%s: at %d:%d, want %d:%d (%s)", c->text, r.error.line, r.error.column,
                      c->line, c->column, r.error.text);
        ck_assert_msg(strstr(r.error.text, c->message), "%s: \"%s\" lacks \"%s\"", c->text,
                      r.error.text, c->message);
        /* and it stays failed */
        claims__json_token t;
        ck_assert_int_eq(claims__json_next(&r, &t), CLAIMS__JSON_ERROR);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json_reader");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_tokens_and_positions);
    tcase_add_test(tc, test_escapes_decode);
    tcase_add_test(tc, test_bad_bytes_are_facts);
    tcase_add_test(tc, test_skip_and_start_midway);
    tcase_add_test(tc, test_scan_hash);
    tcase_add_test(tc, test_duplicate_keys);
    tcase_add_test(tc, test_depth_limit);
    tcase_add_test(tc, test_syntax_errors);
    suite_add_tcase(s, tc);
    return run_suite(s);
}

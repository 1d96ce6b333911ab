/* check_loader.c - JSON, JSON Lines and TSV loading; one test per bad-input
 * class: each yields its documented error with file, line, column and claim,
 * and the valid claims around it still load. */
#include "store/load.h" /* claims__load_buffer_tuned: the parallel path */

#include "check_helpers.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static claims_store *st;
static claims_error err;
static claims_load_summary sum = CLAIMS_LOAD_SUMMARY_INIT;

static void setup(void) { ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK); }
static void teardown(void) { claims_store_free(st); }

static int load_opts(const char *text, size_t len, const claims_load_options *o)
{
    return claims_store_load_buffer(st, text, len, S("t.json"), o, &sum, &err);
}

static int load(const char *text) { return load_opts(text, strlen(text), NULL); }

static void assert_accounted(void)
{
    ck_assert_uint_eq(sum.claims_loaded + sum.claims_rejected, sum.claims_read);
    ck_assert_uint_eq(sum.documents_loaded + sum.documents_rejected, sum.documents_read);
}

/* the value of claim i of the store */
static const char *value_at(size_t i)
{
    const claims_claim_info *info;
    claims_cursor *c;
    ck_assert_int_eq(claims_store_claims(&c, st, CLAIMS_ALL), CLAIMS_OK);
    for (size_t k = 0; k <= i; k++)
        ck_assert_int_eq(claims_cursor_next_claim(&info, c), CLAIMS_OK);
    const char *value = info->value; /* the store's: outlives the cursor */
    claims_cursor_free(c);
    return value;
}

#define DOC_HEAD                                                            \
    "{\n"                                                                   \
    "  \"format\": \"claims/1\",\n"                                         \
    "  \"source\": {\"id\": \"d1\", \"published\": \"2016-11-20\",\n"       \
    "             \"text\": {\"file\": \"a.txt\", \"characters\": 100}},\n" \
    "  \"subjects\": [{\"id\": \"e\", \"type\": \"event\"}],\n"             \
    "  \"claims\": [\n"
#define GOOD(v) "    {\"subject\": \"e\", \"attribute\": \"duration\", \"value\": \"" v "\"}"
#define DOC_TAIL "\n  ]\n}\n"

/* Load options with `threads` set (the others as CLAIMS_LOAD_OPTIONS_INIT:
 * zero), for the tuned loads below; valid for the enclosing block. */
#define threads_opts(n) \
    (&(claims_load_options){.version = CLAIMS_LOAD_OPTIONS_VERSION, .threads = (n)})

START_TEST(test_valid_document)
{
    const char *doc = DOC_HEAD GOOD(
        "four minutes") ",\n"
                        "    {\"id\": \"q\", \"subject\": \"e\", \"attribute\": \"topic\", \"value\": \"Syria\",\n"
                        "     \"type\": \"topic\", \"attribution\": [\"Interfax\", \"Dmitry Peskov\"],\n"
                        "     \"quote\": {\"text\": \"mostly focused on Syria\", \"offset\": 5, \"length\": 23},\n"
                        "     \"polarity\": \"negated\", \"certainty\": \"probable\"},\n"
                        "    {\"subject\": \"e\", \"attribute\": \"deaths\", \"value\": 129.50}" DOC_TAIL;
    ck_assert_int_eq(load(doc), CLAIMS_OK);
    ck_assert_int_eq(err.code, CLAIMS_OK);
    ck_assert_uint_eq(sum.claims_read, 3);
    ck_assert_uint_eq(sum.claims_loaded, 3);
    ck_assert_uint_eq(sum.documents_loaded, 1);
    assert_accounted();
    claims_cursor *c;
    const claims_claim_info *ci;
    ck_assert_int_eq(claims_store_claims(&c, st, CLAIMS_ALL), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_claim(&ci, c), CLAIMS_OK);
    ck_assert_str_eq(ci->id, "c1");
    ck_assert_int_eq(ci->line, 7);
    ck_assert_int_eq(ci->column, 5);
    ck_assert_int_eq(claims_cursor_next_claim(&ci, c), CLAIMS_OK);
    ck_assert_str_eq(ci->id, "q");
    ck_assert_str_eq(ci->value_type, "topic");
    ck_assert_uint_eq(ci->attribution_count, 2);
    ck_assert_str_eq(ci->attribution[0], "Interfax");
    ck_assert_str_eq(ci->quote, "mostly focused on Syria");
    ck_assert_int_eq(ci->quote_offset, 5);
    ck_assert_int_eq(ci->polarity, CLAIMS_NEGATED);
    ck_assert_int_eq(ci->certainty, CLAIMS_PROBABLE);
    ck_assert_int_eq(ci->line, 8);
    ck_assert_int_eq(claims_cursor_next_claim(&ci, c), CLAIMS_OK);
    ck_assert_str_eq(ci->value, "129.50"); /* numbers kept as written */
    claims_cursor_free(c);
    const claims_source_info *si;
    ck_assert_int_eq(claims_store_sources(&c, st), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_source(&si, c), CLAIMS_OK);
    ck_assert_str_eq(si->origin, "t.json");
    ck_assert_str_eq(si->published, "2016-11-20");
    claims_cursor_free(c);
}
END_TEST

START_TEST(test_malformed_json)
{
    const char *doc = "{\n  \"source\": {\"id\": \"d1\"},\n  \"claims\": [,]\n}\n";
    ck_assert_int_eq(load(doc), CLAIMS_ESYNTAX);
    ck_assert_int_eq(err.code, CLAIMS_ESYNTAX);
    ck_assert_str_eq(err.source, "t.json");
    ck_assert_int_eq(err.line, 3);
    ck_assert_int_gt(err.column, 0);
    ck_assert_uint_eq(claims_store_diagnostic_count(st), 1);
    ck_assert_int_eq(load(""), CLAIMS_ESYNTAX);
    ck_assert_int_eq(load("{\"source\": {\"id\": \"x\"}} trailing"), CLAIMS_ESYNTAX);
}
END_TEST

START_TEST(test_jsonl_bad_line_others_load)
{
    const char *text =
        "{\"source\": {\"id\": \"a\"}, \"subjects\": [{\"id\": \"e\", \"type\": \"event\"}], "
        "\"claims\": [{\"subject\": \"e\", \"attribute\": \"date\", \"value\": \"Sunday\"}]}\n"
        "{\"source\": {\"id\": \"b\"}, \"claims\": [oops]}\n"
        "\n"
        "{\"source\": {\"id\": \"c\"}, \"subjects\": [{\"id\": \"e\", \"type\": \"event\"}], "
        "\"claims\": [{\"subject\": \"e\", \"attribute\": \"date\", \"value\": \"Monday\"}]}\r\n";
    ck_assert_int_eq(load(text), CLAIMS_EREJECTED);
    ck_assert_int_eq(err.code, CLAIMS_ESYNTAX);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.document, 1);
    ck_assert_uint_eq(sum.documents_read, 3);
    ck_assert_uint_eq(sum.documents_loaded, 2);
    ck_assert_uint_eq(sum.claims_loaded, 2);
    assert_accounted();
    ck_assert_str_eq(value_at(1), "Monday");
    const claims_claim_info *ci;
    claims_cursor *c;
    claims_store_claims(&c, st, 1);
    ck_assert_int_eq(claims_cursor_next_claim(&ci, c), CLAIMS_OK);
    ck_assert_int_eq(ci->line, 4);
    claims_cursor_free(c);
}
END_TEST

START_TEST(test_wrong_types)
{
    const char *doc = DOC_HEAD GOOD(
        "one") ",\n"
               "    {\"subject\": \"e\", \"attribute\": 7, \"value\": \"x\"},\n"
               "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": {\"n\": 1}},\n"
               "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"x\", \"attribution\": \"WH\"},\n"
               "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"x\", \"polarity\": \"maybe\"},\n"
               "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"x\", \"type\": \"colour\"},\n"
               "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"x\", \"quote\": {\"text\": \"x\", \"page\": 1}},\n"
               "    \"not an object\",\n" GOOD("two") DOC_TAIL;
    ck_assert_int_eq(load(doc), CLAIMS_EREJECTED);
    ck_assert_uint_eq(sum.claims_read, 9);
    ck_assert_uint_eq(sum.claims_loaded, 2);
    ck_assert_uint_eq(sum.claims_rejected, 7);
    assert_accounted();
    ck_assert_uint_eq(claims_store_diagnostic_count(st), 7);
    const claims_error *e = claims_store_diagnostic(st, 0);
    ck_assert_int_eq(e->code, CLAIMS_ESCHEMA);
    ck_assert_int_eq(e->claim, 1);
    ck_assert_int_eq(e->line, 8);
    ck_assert_int_eq(e->column, 35); /* at the offending value */
    ck_assert_ptr_nonnull(strstr(e->text, "attribute"));
    for (size_t i = 0; i < 7; i++) {
        e = claims_store_diagnostic(st, i);
        ck_assert_int_eq(e->claim, (long)i + 1);
        ck_assert_int_eq(e->line, (int)i + 8);
        ck_assert_str_eq(e->source, "t.json");
    }
    ck_assert_str_eq(value_at(1), "two");
}
END_TEST

START_TEST(test_missing_fields)
{
    const char *doc = DOC_HEAD
        "    {\"attribute\": \"a\", \"value\": \"x\"},\n"
        "    {\"subject\": \"e\", \"value\": \"x\"},\n"
        "    {\"subject\": \"e\", \"attribute\": \"a\"},\n"
        "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"\"},\n" GOOD("ok") DOC_TAIL;
    ck_assert_int_eq(load(doc), CLAIMS_EREJECTED);
    ck_assert_uint_eq(sum.claims_loaded, 1);
    ck_assert_uint_eq(sum.claims_rejected, 4);
    ck_assert_ptr_nonnull(strstr(claims_store_diagnostic(st, 0)->text, "subject"));
    ck_assert_ptr_nonnull(strstr(claims_store_diagnostic(st, 1)->text, "attribute"));
    ck_assert_ptr_nonnull(strstr(claims_store_diagnostic(st, 2)->text, "value"));
    /* a document without a source, or without a source id */
    ck_assert_int_eq(load("{\"claims\": []}"), CLAIMS_EREJECTED);
    ck_assert_int_eq(err.code, CLAIMS_ESCHEMA);
    ck_assert_uint_eq(sum.documents_rejected, 1);
    ck_assert_int_eq(load("{\"source\": {\"outlet\": \"x\"}, \"claims\": [{}]}"), CLAIMS_EREJECTED);
    ck_assert_uint_eq(sum.claims_rejected, 1);
    assert_accounted();
    ck_assert_int_eq(load("{\"format\": \"claims/9\", \"source\": {\"id\": \"z\"}}"),
                     CLAIMS_EREJECTED);
    ck_assert_ptr_nonnull(strstr(err.text, "format"));
    /* subjects without id or type */
    ck_assert_int_eq(
        load("{\"source\": {\"id\": \"s2\"}, \"subjects\": [{\"id\": \"e\"}],"
             " \"claims\": [{\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"v\"}]}"),
        CLAIMS_EREJECTED);
    ck_assert_uint_eq(sum.errors, 2); /* the subject, then its claim */
    ck_assert_int_eq(claims_store_diagnostic(st, claims_store_diagnostic_count(st) - 1)->code,
                     CLAIMS_ENOTFOUND);
}
END_TEST

START_TEST(test_unknown_subject)
{
    const char *doc = DOC_HEAD GOOD(
        "a") ",\n"
             "    {\"subject\": \"g20\", \"attribute\": \"a\", \"value\": \"b\"},\n" GOOD("c")
                 DOC_TAIL;
    ck_assert_int_eq(load(doc), CLAIMS_EREJECTED);
    ck_assert_int_eq(err.code, CLAIMS_ENOTFOUND);
    ck_assert_int_eq(err.claim, 1);
    ck_assert_int_eq(err.line, 8);
    ck_assert_ptr_nonnull(strstr(err.text, "g20"));
    ck_assert_uint_eq(sum.claims_loaded, 2);
    assert_accounted();
}
END_TEST

START_TEST(test_invalid_utf8)
{
    const char *doc = DOC_HEAD GOOD(
        "a") ",\n"
             "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"b\xff\xfe\"},\n" GOOD("c")
                 DOC_TAIL;
    ck_assert_int_eq(load(doc), CLAIMS_EREJECTED);
    ck_assert_int_eq(err.code, CLAIMS_ENCODING);
    ck_assert_int_eq(err.claim, 1);
    ck_assert_int_eq(err.line, 8);
    ck_assert_int_eq(err.column, 51); /* the 0xff byte */
    ck_assert_uint_eq(sum.claims_loaded, 2);
    ck_assert_uint_eq(sum.errors, 1); /* both bytes in one claim: one error */
    ck_assert_str_eq(value_at(1), "c");
    assert_accounted();
    /* in the source: the document is rejected */
    ck_assert_int_eq(load("{\"source\": {\"id\": \"\xc3\"}, \"claims\": [{}]}"), CLAIMS_EREJECTED);
    ck_assert_int_eq(err.code, CLAIMS_ENCODING);
    ck_assert_uint_eq(sum.documents_rejected, 1);
}
END_TEST

START_TEST(test_nul_bytes)
{
    const char *doc = DOC_HEAD GOOD("a\\u0000b") ",\n" GOOD("c") DOC_TAIL;
    ck_assert_int_eq(load(doc), CLAIMS_EREJECTED);
    ck_assert_int_eq(err.code, CLAIMS_ENCODING);
    ck_assert_ptr_nonnull(strstr(err.text, "NUL"));
    ck_assert_uint_eq(sum.claims_loaded, 1);
    /* a raw NUL byte in the input */
    char raw[] = DOC_HEAD GOOD("xx") DOC_TAIL;
    char *p = strstr(raw, "xx");
    p[1] = '\0';
    claims_store_free(st);
    setup();
    ck_assert_int_eq(load_opts(raw, sizeof raw - 1, NULL), CLAIMS_EREJECTED);
    ck_assert_int_eq(err.code, CLAIMS_ENCODING);
    assert_accounted();
}
END_TEST

START_TEST(test_quote_offsets)
{
    const char *doc = DOC_HEAD
        "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"b\", \"quote\": {\"text\": \"abc\", \"offset\": 98, \"length\": 3}},\n"
        "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"b\", \"quote\": {\"text\": \"abc\", \"offset\": -1, \"length\": 3}},\n"
        "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"b\", \"quote\": {\"text\": \"abc\", \"offset\": 0, \"length\": 4}},\n"
        "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"b\", \"quote\": {\"text\": \"abc\", \"offset\": 1.5}},\n"
        "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"b\", \"quote\": {\"text\": \"\\u00e9t\\u00e9\", \"offset\": 97, \"length\": 3}}" DOC_TAIL;
    ck_assert_int_eq(load(doc), CLAIMS_EREJECTED);
    ck_assert_uint_eq(sum.claims_loaded, 1);
    ck_assert_int_eq(claims_store_diagnostic(st, 0)->code, CLAIMS_ERANGE);
    ck_assert_ptr_nonnull(strstr(claims_store_diagnostic(st, 0)->text, "beyond"));
    ck_assert_int_eq(claims_store_diagnostic(st, 1)->code, CLAIMS_ERANGE);
    ck_assert_int_eq(claims_store_diagnostic(st, 2)->code, CLAIMS_ERANGE);
    ck_assert_int_eq(claims_store_diagnostic(st, 3)->code, CLAIMS_ESCHEMA);
    assert_accounted();
}
END_TEST

START_TEST(test_oversized_field)
{
    size_t big = 70000;
    const char *head = DOC_HEAD GOOD("ok") ",\n    {\"subject\": \"e\", "
                                           "\"attribute\": \"a\", \"value\": \"";
    const char *tail = "\"}" DOC_TAIL;
    size_t n = strlen(head);
    char *doc = malloc(n + big + strlen(tail) + 1);
    memcpy(doc, head, n);
    memset(doc + n, 'x', big);
    strcpy(doc + n + big, tail);
    ck_assert_int_eq(load(doc), CLAIMS_EREJECTED);
    ck_assert_int_eq(err.code, CLAIMS_ERANGE);
    ck_assert_int_eq(err.claim, 1);
    ck_assert_uint_eq(sum.claims_loaded, 1);
    /* a smaller limit through the options */
    claims_store_free(st);
    setup();
    claims_load_options o = CLAIMS_LOAD_OPTIONS_INIT;
    o.max_field_length = 12; /* longer than every other field of the document */
    const char *small = DOC_HEAD GOOD("abcdefghijklm") ",\n" GOOD("abc") DOC_TAIL;
    ck_assert_int_eq(load_opts(small, strlen(small), &o), CLAIMS_EREJECTED);
    ck_assert_uint_eq(sum.claims_loaded, 1);
    free(doc);
}
END_TEST

START_TEST(test_duplicates)
{
    const char *doc = DOC_HEAD GOOD("a") DOC_TAIL;
    ck_assert_int_eq(load(doc), CLAIMS_OK);
    ck_assert_int_eq(load(doc), CLAIMS_EREJECTED);
    ck_assert_int_eq(err.code, CLAIMS_EDUPLICATE);
    ck_assert_uint_eq(sum.documents_rejected, 1);
    ck_assert_uint_eq(sum.claims_rejected, 1);
    ck_assert_uint_eq(claims_store_claim_count(st), 1);
    /* duplicate subject ids; duplicate JSON keys */
    ck_assert_int_eq(
        load("{\"source\": {\"id\": \"d2\"}, \"subjects\": "
             "[{\"id\": \"e\", \"type\": \"event\"}, {\"id\": \"e\", \"type\": \"person\"}]}"),
        CLAIMS_EREJECTED);
    ck_assert_int_eq(err.code, CLAIMS_EDUPLICATE);
    ck_assert_int_eq(load("{\"source\": {\"id\": \"d3\", \"id\": \"d4\"}}"), CLAIMS_ESYNTAX);
}
END_TEST

START_TEST(test_strict)
{
    claims_load_options o = CLAIMS_LOAD_OPTIONS_INIT;
    o.flags = CLAIMS_LOAD_STRICT;
    const char *doc = DOC_HEAD GOOD(
        "a") ",\n"
             "    {\"subject\": \"nope\", \"attribute\": \"a\", \"value\": \"b\"}" DOC_TAIL;
    ck_assert_int_eq(load_opts(doc, strlen(doc), &o), CLAIMS_EREJECTED);
    ck_assert_uint_eq(sum.documents_rejected, 1);
    ck_assert_uint_eq(sum.claims_loaded, 0);
    ck_assert_uint_eq(sum.claims_rejected, 2);
    ck_assert_uint_eq(claims_store_source_count(st), 0);
    ck_assert_uint_eq(claims_store_claim_count(st), 0);
    /* the same id loads afterwards: nothing of the rejected one remains */
    const char *good = DOC_HEAD GOOD("a") DOC_TAIL;
    ck_assert_int_eq(load_opts(good, strlen(good), &o), CLAIMS_OK);
    ck_assert_uint_eq(claims_store_claim_count(st), 1);
    claims_load_summary total = CLAIMS_LOAD_SUMMARY_INIT;
    claims_store_summary(st, &total);
    ck_assert_uint_eq(total.claims_read, 3);
    ck_assert_uint_eq(total.claims_loaded + total.claims_rejected, total.claims_read);
}
END_TEST

START_TEST(test_array_and_bom)
{
    const char *text =
        "\xEF\xBB\xBF[\n"
        " {\"source\": {\"id\": \"a\"}},\n"
        " {\"source\": {\"id\": \"b\"}, \"subjects\": [{\"id\": \"e\", \"type\": \"event\"}],\n"
        "  \"claims\": [{\"subject\": \"e\", \"attribute\": \"x\", \"value\": true}]},\n"
        " 42\n]";
    ck_assert_int_eq(load(text), CLAIMS_EREJECTED);
    ck_assert_uint_eq(sum.documents_read, 3);
    ck_assert_uint_eq(sum.documents_loaded, 2);
    ck_assert_int_eq(err.document, 2);
    ck_assert_int_eq(err.line, 5);
    ck_assert_str_eq(value_at(0), "true");
}
END_TEST

START_TEST(test_tsv_long_and_wide)
{
    const char *tsv = "# comment\n"
                      "aa\tAA-1\tgate\tB5\n"
                      "aa\tAA-1\tstatus\t\n" /* empty: no claim */
                      "orbitz\tAA-1\tgate\tB6\n"
                      "bad row\n"
                      "aa\tAA-2\tgate\tC1\n";
    claims_load_options o = CLAIMS_LOAD_OPTIONS_INIT;
    o.format = CLAIMS_FORMAT_TSV;
    ck_assert_int_eq(load_opts(tsv, strlen(tsv), &o), CLAIMS_EREJECTED);
    ck_assert_int_eq(err.line, 5);
    ck_assert_int_eq(err.code, CLAIMS_ESYNTAX);
    ck_assert_uint_eq(sum.claims_loaded, 3);
    ck_assert_uint_eq(sum.documents_loaded, 2);
    assert_accounted();
    /* auto-detected wide form with a header; the source "aa" stays open */
    const char *wide = "#columns source object scheduled actual\n"
                       "aa\tAA-3\t8:57 AM\t9:01 AM\n"
                       "aa\tAA-3\t\t9:02 AM\n";
    ck_assert_int_eq(load(wide), CLAIMS_OK);
    ck_assert_uint_eq(sum.claims_loaded, 3);
    ck_assert_uint_eq(claims_store_source_count(st), 2);
    claims_cursor *c;
    const claims_claim_info *ci;
    claims_claim_info last = {0}; /* the row is gone once the cursor is done */
    claims_store_claims(&c, st, 0);
    size_t n = 0;
    while (claims_cursor_next_claim(&ci, c) == CLAIMS_OK)
        n++, last = *ci;
    ck_assert_ptr_null(ci); /* after CLAIMS_DONE */
    ck_assert_uint_eq(n, 5);
    ck_assert_str_eq(last.attribute, "actual");
    ck_assert_str_eq(last.subject_type, "object");
    ck_assert_int_eq(last.line, 3);
    ck_assert_int_eq(last.column, 10);
    claims_cursor_free(c);
    /* attributes from the options */
    claims_str names[] = {S("title"), S("authors")};
    o.tsv_attributes = names;
    o.tsv_attribute_count = 2;
    const char *row = "shop\t0123\tTAOCP\tKnuth, Donald E.\n";
    o.default_published = S("2011-12-01"); /* for the sources this creates */
    ck_assert_int_eq(load_opts(row, strlen(row), &o), CLAIMS_OK);
    ck_assert_str_eq(value_at(7), "Knuth, Donald E.");
    const claims_source_info *si;
    claims_store_sources(&c, st);
    while (claims_cursor_next_source(&si, c) == CLAIMS_OK && strcmp(si->id, "shop") != 0)
        ;
    ck_assert_ptr_nonnull(si);
    ck_assert_str_eq(si->id, "shop");
    ck_assert_str_eq(si->published, "2011-12-01");
    claims_cursor_free(c); /* the row lives in the cursor: read it first */
}
END_TEST

START_TEST(test_tsv_encoding)
{
    const char *tsv = "aa\tAA-1\tgate\tB\xA0"
                      "5\n"
                      "aa\tAA-1\tstatus\tok\n";
    claims_load_options o = CLAIMS_LOAD_OPTIONS_INIT;
    o.format = CLAIMS_FORMAT_TSV;
    ck_assert_int_eq(load_opts(tsv, strlen(tsv), &o), CLAIMS_EREJECTED);
    ck_assert_int_eq(err.code, CLAIMS_ENCODING);
    ck_assert_int_eq(err.line, 1);
    ck_assert_int_eq(err.column, 14);
    ck_assert_uint_eq(sum.claims_loaded, 1);
    claims_store_free(st);
    setup();
    o.flags = CLAIMS_LOAD_LATIN1;
    ck_assert_int_eq(load_opts(tsv, strlen(tsv), &o), CLAIMS_OK);
    ck_assert_str_eq(value_at(0), "B\xC2\xA0"
                                  "5");
    /* strict TSV: one bad row rejects the whole input */
    claims_store_free(st);
    setup();
    o.flags = CLAIMS_LOAD_STRICT;
    ck_assert_int_eq(load_opts(tsv, strlen(tsv), &o), CLAIMS_EREJECTED);
    ck_assert_uint_eq(claims_store_claim_count(st), 0);
    ck_assert_uint_eq(sum.claims_rejected, sum.claims_read);
}
END_TEST

START_TEST(test_file_and_stream)
{
    const char *missing = "/nonexistent/claims.json";
    ck_assert_int_eq(claims_store_load_file(st, missing, strlen(missing), NULL, &sum, &err),
                     CLAIMS_EIO);
    ck_assert_str_eq(err.source, missing);
    ck_assert_uint_eq(claims_store_diagnostic_count(st), 1);
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    fputs(DOC_HEAD GOOD("x") DOC_TAIL, f);
    rewind(f);
    ck_assert_int_eq(claims_store_load_stream(st, f, S("-"), NULL, &sum, &err), CLAIMS_OK);
    ck_assert_uint_eq(sum.claims_loaded, 1);
    fclose(f);
    /* a stream that cannot be read (a directory: EISDIR) */
    f = fopen("/", "rb");
    if (f) {
        ck_assert_int_eq(claims_store_load_stream(st, f, S("dir"), NULL, &sum, &err), CLAIMS_EIO);
        ck_assert_ptr_nonnull(strstr(err.text, "cannot read"));
        ck_assert_uint_eq(sum.claims_loaded, 0);
        fclose(f);
    }
    ck_assert_int_eq(claims_store_load_buffer(NULL, "x", 1, S("n"), NULL, &sum, &err),
                     CLAIMS_EINVAL);
    claims_load_options o = CLAIMS_LOAD_OPTIONS_INIT;
    o.version = 9;
    ck_assert_int_eq(load_opts("{}", 2, &o), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_load_options_init(&o, 1), CLAIMS_OK);
    ck_assert_int_eq(claims_load_options_init(&o, 0), CLAIMS_EINVAL);
}
END_TEST

typedef struct calls {
    size_t n, last_done, total;
    int stop_after; /* stop when n reaches it; 0: never */
    bool increasing;
} calls;

static int on_progress(const char *stage, size_t done, size_t total, void *payload)
{
    calls *c = payload;
    ck_assert_str_eq(stage, "load");
    c->increasing &= c->n == 0 || done >= c->last_done;
    c->n++;
    c->last_done = done;
    c->total = total;
    return c->stop_after && (int)c->n >= c->stop_after;
}

START_TEST(test_progress_and_cancel)
{
    /* 2000 JSON Lines documents */
    size_t cap = 2000 * 200, len = 0;
    char *text = malloc(cap);
    for (int i = 0; i < 2000; i++)
        len += (size_t)snprintf(text + len, cap - len,
                                "{\"source\": {\"id\": \"s%d\"}, \"subjects\": [{\"id\": \"e\", "
                                "\"type\": \"event\"}], \"claims\": [{\"subject\": \"e\", "
                                "\"attribute\": \"a\", \"value\": \"v\"}]}\n",
                                i);
    claims_load_options o = CLAIMS_LOAD_OPTIONS_INIT;
    calls c = {0, 0, 0, 0, true};
    o.progress = on_progress;
    o.progress_payload = &c;
    ck_assert_int_eq(load_opts(text, len, &o), CLAIMS_OK);
    ck_assert(c.increasing);
    ck_assert_uint_ge(c.n, 10);
    ck_assert_uint_le(c.n, 600); /* throttled */
    ck_assert_uint_eq(c.last_done, len);
    ck_assert_uint_eq(c.total, len);
    /* a callback that stops the load: what was read stays, and it says so */
    claims_store_free(st);
    setup();
    calls stop = {0, 0, 0, 5, true};
    o.progress_payload = &stop;
    ck_assert_int_eq(load_opts(text, len, &o), CLAIMS_ECANCELED);
    ck_assert_int_eq(err.code, CLAIMS_ECANCELED);
    ck_assert_uint_gt(claims_store_claim_count(st), 0);
    ck_assert_uint_lt(claims_store_claim_count(st), 2000);
    ck_assert_uint_eq(sum.claims_loaded, claims_store_claim_count(st));
    free(text);
}
END_TEST

START_TEST(test_seed_corpus)
{
    const char *dir = getenv("CLAIMS_CORPUS_DIR");
    ck_assert_ptr_nonnull(dir);
    static const char *const files[] = {"000_cbs.json", "001_dailymail.json", "002_wsj.json",
                                        "003_business_standard.json"};
    for (size_t i = 0; i < 4; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        ck_assert_int_eq(claims_store_load_file(st, path, strlen(path), NULL, &sum, &err),
                         CLAIMS_OK);
        ck_assert_uint_eq(sum.claims_rejected, 0);
        ck_assert_uint_gt(sum.claims_loaded, 10);
    }
    ck_assert_uint_eq(claims_store_source_count(st), 4);
}
END_TEST

/* ---- the reader behind the loader ------------------------------------------ */

/* Appends printf output to a growing string. */
static void put(char **out, size_t *len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    *out = realloc(*out, *len + (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(*out + *len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    *len += (size_t)n;
}

/* Everything a store holds, as text: sources, subjects, claims (with their
 * positions), diagnostics, the summary. */
static char *dump(claims_store *store)
{
    char *out = NULL;
    size_t len = 0;
    put(&out, &len, "");
    claims_cursor *c;
    const claims_source_info *si;
    claims_store_sources(&c, store);
    while (claims_cursor_next_source(&si, c) == CLAIMS_OK)
        put(&out, &len, "S %s|%s|%s|%s|%s|%ld|%zu|%zu\n", si->id, si->outlet, si->published,
            si->language, si->text_file, si->text_characters, si->subject_count, si->claim_count);
    claims_cursor_free(c);
    const claims_subject_info *su;
    claims_store_subjects(&c, store, CLAIMS_ALL);
    while (claims_cursor_next_subject(&su, c) == CLAIMS_OK)
        put(&out, &len, "U %zu|%s|%s|%s\n", su->source, su->id, su->type, su->label);
    claims_cursor_free(c);
    const claims_claim_info *ci;
    claims_store_claims(&c, store, CLAIMS_ALL);
    while (claims_cursor_next_claim(&ci, c) == CLAIMS_OK) {
        put(&out, &len, "C %zu|%s|%s|%s|%s|%s|%s|%ld|%ld|%d|%d|%d:%d|", ci->source, ci->id,
            ci->subject_id, ci->attribute, ci->value, ci->value_type, ci->quote, ci->quote_offset,
            ci->quote_length, (int)ci->polarity, (int)ci->certainty, ci->line, ci->column);
        for (size_t k = 0; k < ci->attribution_count; k++)
            put(&out, &len, "%s;", ci->attribution[k]);
        put(&out, &len, "\n");
    }
    claims_cursor_free(c);
    for (size_t i = 0; i < claims_store_diagnostic_count(store); i++) {
        const claims_error *e = claims_store_diagnostic(store, i);
        put(&out, &len, "D %d %s %d:%d %ld %ld %s\n", e->code, e->source, e->line, e->column,
            e->document, e->claim, e->text);
    }
    claims_load_summary t = CLAIMS_LOAD_SUMMARY_INIT;
    claims_store_summary(store, &t);
    put(&out, &len, "T %zu %zu %zu %zu %zu %zu %zu\n", t.documents_read, t.documents_loaded,
        t.documents_rejected, t.claims_read, t.claims_loaded, t.claims_rejected, t.errors);
    return out;
}

/* A JSON Lines text of `n` documents with every kind of trouble on some
 * lines: malformed JSON, bytes that are not UTF-8, wrong types, unknown
 * subjects, escapes, blank and CRLF lines. */
static char *mixed_lines(int n)
{
    char *out = NULL;
    size_t len = 0;
    put(&out, &len, "\xEF\xBB\xBF");
    for (int i = 0; i < n; i++) {
        if (i % 17 == 5) {
            put(&out, &len, "{\"source\": {\"id\": \"s%d\"}, \"claims\": [oops]}\n", i);
            continue;
        }
        if (i % 13 == 7)
            put(&out, &len, "\n  \t\n");
        put(&out, &len,
            "{\"source\": {\"id\": \"s%d\", \"published\": \"2016-11-%02d\", "
            "\"text\": {\"file\": \"f%d\", \"characters\": 500}}, \"subjects\": "
            "[{\"id\": \"e\", \"type\": \"event\", \"label\": \"caf\\u00e9 %d\"}, "
            "{\"id\": \"p\", \"type\": \"person\"}], \"claims\": [",
            i, 1 + i % 28, i, i % 5);
        for (int k = 0; k < 6; k++) {
            if (k)
                put(&out, &len, ", ");
            if (i % 11 == 3 && k == 2)
                put(&out, &len,
                    "{\"subject\": \"e\", \"attribute\": \"date\", "
                    "\"value\": \"bad \xff byte\"}");
            else if (i % 7 == 4 && k == 3)
                put(&out, &len, "{\"subject\": \"nobody\", \"attribute\": \"x\", \"value\": 1}");
            else if (i % 9 == 2 && k == 1)
                put(&out, &len, "{\"subject\": \"p\", \"attribute\": 5, \"value\": \"x\"}");
            else
                put(&out, &len,
                    "{\"id\": \"c%d\", \"subject\": \"%s\", \"attribute\": \"a%d\", "
                    "\"value\": \"v\\\"%d\", \"attribution\": [\"w%d\"], \"quote\": "
                    "{\"text\": \"q\\u00e9%d\", \"offset\": %d, \"length\": 3}}",
                    k, k % 2 ? "p" : "e", k % 3, (i * 7 + k) % 10, i % 4, k, k * 10);
        }
        put(&out, &len, i % 10 == 9 ? "]}\r\n" : "]}\n");
    }
    return out;
}

START_TEST(test_parallel_identical)
{
    char *text = mixed_lines(300);
    size_t len = strlen(text);
    ck_assert_int_eq(
        claims__load_buffer_tuned(st, text, len, S("t.jsonl"), threads_opts(1), 0, &sum, &err),
        CLAIMS_EREJECTED);
    assert_accounted();
    ck_assert_uint_eq(sum.documents_read, 300);
    ck_assert_uint_gt(sum.claims_loaded, 1000);
    char *one = dump(st);
    /* the syntax error of line 6 (document 5), the first of its kind */
    const claims_error *e = NULL;
    for (size_t i = 0; !e || e->code != CLAIMS_ESYNTAX; i++)
        e = claims_store_diagnostic(st, i);
    ck_assert_int_eq(e->code, CLAIMS_ESYNTAX);
    ck_assert_int_eq(e->line, 6);
    ck_assert_int_eq(e->column, 37);
    ck_assert_int_eq(e->document, 5);
    static const unsigned threads[] = {2, 3, 4, 2};
    static const size_t chunks[] = {1, 300, 4096, 1u << 20};
    for (size_t i = 0; i < 4; i++) {
        claims_store_free(st);
        setup();
        claims__load_buffer_tuned(st, text, len, S("t.jsonl"), threads_opts(threads[i]), chunks[i],
                                  &sum, &err);
        char *other = dump(st);
        ck_assert_msg(strcmp(one, other) == 0, "%u threads, chunks of %zu bytes", threads[i],
                      chunks[i]);
        free(other);
    }
    /* a regular file read in segments, some lines longer than a segment */
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(text, 1, len, f), len);
    for (size_t chunk = 16; chunk <= 4096; chunk *= 16) {
        rewind(f);
        claims_store_free(st);
        setup();
        claims__load_stream_tuned(st, f, S("t.jsonl"), threads_opts(2), chunk, &sum, &err);
        char *other = dump(st);
        ck_assert_msg(strcmp(one, other) == 0, "segments of chunks of %zu bytes", chunk);
        free(other);
    }
    fclose(f);
    free(one);
    free(text);
}
END_TEST

START_TEST(test_jsonl_positions)
{
    /* characters, not bytes, before a claim; a claim with a byte that is not
     * UTF-8 among good ones; a byte order mark only at the start */
    const char *text = "\xEF\xBB\xBF{\"source\": {\"id\": \"a\", \"title\": \"\xc3\xa9\xc3\xa9\"}, "
                       "\"subjects\": [{\"id\": \"e\", \"type\": \"event\"}], \"claims\": ["
                       "{\"subject\": \"e\", \"attribute\": \"x\", \"value\": \"1\"}, "
                       "{\"subject\": \"e\", \"attribute\": \"x\", \"value\": \"\xe2\x82\"}, "
                       "{\"subject\": \"e\", \"attribute\": \"x\", \"value\": \"3\"}]}\n"
                       "\xEF\xBB\xBF{\"source\": {\"id\": \"b\"}}\n";
    for (unsigned threads = 1; threads <= 2; threads++) {
        claims_store_free(st);
        setup();
        ck_assert_int_eq(claims__load_buffer_tuned(st, text, strlen(text), S("t.jsonl"),
                                                   threads_opts(threads), 1, &sum, &err),
                         CLAIMS_EREJECTED);
        ck_assert_uint_eq(sum.claims_loaded, 2);
        ck_assert_uint_eq(sum.documents_read, 2);
        ck_assert_uint_eq(sum.documents_rejected, 1);
        assert_accounted();
        const claims_error *e = claims_store_diagnostic(st, 0);
        ck_assert_int_eq(e->code, CLAIMS_ENCODING);
        ck_assert_int_eq(e->line, 1);
        ck_assert_int_eq(e->column, 190); /* the 0xE2 byte */
        ck_assert_int_eq(e->claim, 1);
        e = claims_store_diagnostic(st, 1);
        ck_assert_int_eq(e->code, CLAIMS_ESYNTAX);
        ck_assert_int_eq(e->line, 2);
        ck_assert_int_eq(e->column, 1);
        ck_assert_int_eq(e->document, 1);
        claims_cursor *cur;
        const claims_claim_info *ci;
        ck_assert_int_eq(claims_store_claims_from(&cur, st, 1), CLAIMS_OK);
        ck_assert_int_eq(claims_cursor_next_claim(&ci, cur), CLAIMS_OK);
        ck_assert_uint_eq(ci->index, 1);
        ck_assert_str_eq(ci->value, "3");
        ck_assert_int_eq(ci->line, 1);
        ck_assert_int_eq(ci->column, 196); /* the cut sequence took two */
        claims_cursor_free(cur);
    }
}
END_TEST

START_TEST(test_syntax_error_where)
{
    /* in a claim of a JSON document: its line and column, the document and
     * the claim; nothing of the document loads */
    const char *doc = DOC_HEAD GOOD(
        "a") ",\n"
             "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"x\\qy\"}" DOC_TAIL;
    ck_assert_int_eq(load(doc), CLAIMS_ESYNTAX);
    ck_assert_int_eq(err.line, 8);
    ck_assert_int_eq(err.column, 51);
    ck_assert_int_eq(err.document, 0);
    ck_assert_int_eq(err.claim, 1);
    ck_assert_ptr_nonnull(strstr(err.text, "malformed JSON: invalid escape"));
    ck_assert_uint_eq(claims_store_claim_count(st), 0);
    /* in the second document of an array */
    ck_assert_int_eq(load("[{\"source\": {\"id\": \"a\"}},\n {\"source\": {\"id\": \"b\",}}]"),
                     CLAIMS_ESYNTAX);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 23); /* the comma */
    ck_assert_int_eq(err.document, 1);
    ck_assert_ptr_nonnull(strstr(err.text, "trailing comma"));
    ck_assert_uint_eq(claims_store_source_count(st), 0);
    /* a document that is a number, at the top (read as JSON: detection
     * would take it for TSV) */
    claims_load_options o = CLAIMS_LOAD_OPTIONS_INIT;
    o.format = CLAIMS_FORMAT_JSON;
    ck_assert_int_eq(load_opts("42", 2, &o), CLAIMS_ESYNTAX);
    ck_assert_ptr_nonnull(strstr(err.text, "object or array expected"));
    /* empty input */
    ck_assert_int_eq(load(" \n "), CLAIMS_ESYNTAX);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 2);
}
END_TEST

/* A malformed line among good ones: the text of the line, the column of
 * the fault, a part of the message. */
typedef struct bad_line {
    const char *text;
    int column;
    const char *message;
} bad_line;

START_TEST(test_syntax_error_classes)
{
    static const bad_line cases[] = {
        {"{\"a\": \"abc", 7, "unterminated string"},
        {"{\"a\": \"abc\\", 7, "unterminated string"},
        {"{\"a\": \"a\\qb\"}", 9, "invalid escape: 'q'"},
        {"{\"a\": \"\\u12G4\"}", 8, "four hexadecimal digits"},
        {"{\"a\": \"x\\ud800\"}", 9, "lone surrogate \\uD800"},
        {"{\"a\": \"\\ud800\\u0041\"}", 8, "lone surrogate \\uD800"},
        {"{\"a\": \"\\udc00\"}", 8, "lone surrogate \\uDC00"},
        {"{\"a\": \"tab\there\"}", 11, "control character U+0009"},
        {"{\"a\": 01}", 7, "no leading zeros"},
        {"{\"a\": -}", 7, "a digit expected after '-'"},
        {"{\"a\": 1.}", 7, "a digit expected after '.'"},
        {"{\"a\": 1e+}", 7, "a digit expected in the exponent"},
        {"{\"a\": 1.5.2}", 7, "invalid number '1.5.2'"},
        {"{\"a\": +1}", 7, "invalid value '+1'"},
        {"{\"a\": tru}", 7, "invalid value 'tru'"},
        {"{\"a\": NaN}", 7, "invalid value 'NaN'"},
        {"{\"a\": [1, 2,]}", 12, "trailing comma before ']'"},
        {"{\"a\": 1,}", 8, "trailing comma before '}'"},
        {"{\"a\" 1}", 6, "':' expected"},
        {"{\"a\": 1 \"b\": 2}", 9, "',' or '}' expected"},
        {"{\"a\": [1 2]}", 10, "',' or ']' expected"},
        {"{1: 2}", 2, "an object key"},
        {"{\"a\": [,]}", 8, "a value expected"},
        {"{\"a\": 1} x", 10, "after the end of the JSON value"},
        {"{\"a\": 1}}", 9, "after the end of the JSON value"},
        {"{\"a\": \xff}", 7, "byte 0xFF"},
        {"{\"a\\u0000\": 1}", 4, "\\u0000 in an object key"},
        {"{\"a\": 1, \"a\": 2}", 10, "duplicate key \"a\""},
        {"{\"a\": 1, \"\\u0061\": 2}", 10, "duplicate key \"a\""},
        {"{\"a\": [1, {\"b\": 2}", 19, "the array opened at column 7 is not closed"},
        {"42", 1, "object or array expected, not an integer"},
        {"\"doc\"", 1, "object or array expected, not a string"},
        {"\xEF\xBB\xBF{\"a\": 1}", 1, "byte 0xEF"},
    };
#define GOOD_LINE(id)                                                                 \
    "{\"source\": {\"id\": \"" id "\"}, \"subjects\": [{\"id\": \"e\", "              \
    "\"type\": \"event\"}], \"claims\": [{\"subject\": \"e\", \"attribute\": \"a\", " \
    "\"value\": \"v\"}]}\n"
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const bad_line *c = &cases[i];
        char text[1024];
        snprintf(text, sizeof text, "%s%s\n%s", GOOD_LINE("before"), c->text, GOOD_LINE("after"));
        claims_store_free(st);
        setup();
        /* one line per chunk, two threads: the parallel path */
        ck_assert_int_eq(claims__load_buffer_tuned(st, text, strlen(text), S("t.jsonl"),
                                                   threads_opts(2), 1, &sum, &err),
                         CLAIMS_EREJECTED);
        ck_assert_uint_eq(sum.documents_read, 3);
        ck_assert_uint_eq(sum.documents_loaded, 2);
        ck_assert_uint_eq(sum.claims_loaded, 2);
        assert_accounted();
        ck_assert_uint_eq(claims_store_diagnostic_count(st), 1);
        ck_assert_int_eq(err.code, CLAIMS_ESYNTAX);
        ck_assert_str_eq(err.source, "t.jsonl");
        ck_assert_int_eq(err.document, 1);
        ck_assert_msg(err.line == 2 && err.column == c->column, "%s: at %d:%d, want 2:%d (%s)",
                      c->text, err.line, err.column, c->column, err.text);
        ck_assert_msg(strstr(err.text, c->message) && strstr(err.text, "malformed JSON: "),
                      "%s: \"%s\" lacks \"%s\"", c->text, err.text, c->message);
    }
}
END_TEST

START_TEST(test_numbers_and_escapes)
{
    /* a number too large for 64 bits is kept as written, not a syntax error
     * of the whole document; as a quote offset it is out of range */
    const char *doc = DOC_HEAD GOOD(
        "a") ",\n"
             "    {\"subject\": \"e\", \"attribute\": \"deaths\", \"value\": 123456789012345678901234567890},\n"
             "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"b\", \"quote\": {\"text\": \"x\", \"offset\": 99999999999999999999}},\n"
             "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"b\", \"quote\": {\"text\": \"x\", \"length\": 2147483648}},\n"
             "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": 1e400},\n"
             "    {\"subject\": \"e\", \"\\u0061ttribute\": \"caf\\u00e9\", \"value\": \"\\ud83d\\ude00\"},\n"
             "    {\"subject\": \"e\", \"attribute\": \"a\", \"value\": \"b\", \"polarity\": \"no\\u0000t\"}" DOC_TAIL;
    ck_assert_int_eq(load(doc), CLAIMS_EREJECTED);
    ck_assert_uint_eq(sum.claims_loaded, 4);
    ck_assert_str_eq(value_at(1), "123456789012345678901234567890");
    ck_assert_str_eq(value_at(2), "1e400");
    ck_assert_str_eq(value_at(3), "\xf0\x9f\x98\x80");
    claims_cursor *cur;
    const claims_claim_info *ci;
    ck_assert_int_eq(claims_store_claims_from(&cur, st, 3), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_claim(&ci, cur), CLAIMS_OK);
    ck_assert_str_eq(ci->attribute, "caf\xc3\xa9");
    claims_cursor_free(cur);
    const claims_error *e = claims_store_diagnostic(st, 0);
    ck_assert_int_eq(e->code, CLAIMS_ERANGE);
    ck_assert_int_eq(e->claim, 2);
    ck_assert_ptr_nonnull(strstr(e->text, "quote.offset 99999999999999999999 is out of range"));
    e = claims_store_diagnostic(st, 1);
    ck_assert_ptr_nonnull(strstr(e->text, "quote.length 2147483648 is out of range"));
    e = claims_store_diagnostic(st, 2); /* a NUL shown as written */
    ck_assert_int_eq(e->code, CLAIMS_ESCHEMA);
    ck_assert_ptr_nonnull(strstr(e->text, "polarity \"no\\u0000t\""));
    assert_accounted();
}
END_TEST

/* The public thread count: the same store for any number, and a version 1
 * options struct (shorter) read without going beyond it. */
START_TEST(test_load_options_threads_and_version_1)
{
    char *text = NULL;
    size_t len = 0;
    for (int d = 0; d < 300; d++) {
        char line[512];
        int n = snprintf(line, sizeof line,
                         "{\"format\":\"claims/1\",\"source\":{\"id\":\"s%d\","
                         "\"outlet\":\"O%d\",\"published\":\"2016-11-20\"},"
                         "\"subjects\":[{\"id\":\"e1\",\"type\":\"event\"}],"
                         "\"claims\":[{\"id\":\"c1\",\"subject\":\"e1\","
                         "\"attribute\":\"duration\",\"value\":\"%d minutes\"}]}\n",
                         d, d % 7, d % 50);
        text = realloc(text, len + (size_t)n + 1);
        ck_assert_ptr_nonnull(text);
        memcpy(text + len, line, (size_t)n + 1);
        len += (size_t)n;
    }
    claims_load_summary one = CLAIMS_LOAD_SUMMARY_INIT, many = CLAIMS_LOAD_SUMMARY_INIT;
    for (unsigned threads = 1; threads <= 3; threads += 2) {
        claims_store *store;
        ck_assert_int_eq(claims_store_new(&store, NULL), CLAIMS_OK);
        claims_load_options opts = CLAIMS_LOAD_OPTIONS_INIT;
        opts.threads = threads;
        ck_assert_int_eq(claims_store_load_buffer(store, text, len, S("t"), &opts,
                                                  threads == 1 ? &one : &many, NULL),
                         CLAIMS_OK);
        claims_store_free(store);
    }
    ck_assert_uint_eq(one.claims_loaded, 300);
    ck_assert_mem_eq(&one, &many, sizeof one);

    size_t v1 = offsetof(claims_load_options, threads);
    void *old = malloc(v1); /* fields read by memcpy: the type is longer */
    ck_assert_ptr_nonnull(old);
    ck_assert_int_eq(claims_load_options_init(old, 1), CLAIMS_OK);
    unsigned version;
    memcpy(&version, (char *)old + offsetof(claims_load_options, version), sizeof version);
    ck_assert_uint_eq(version, 1);
    claims_store *store;
    ck_assert_int_eq(claims_store_new(&store, NULL), CLAIMS_OK);
    ck_assert_int_eq(claims_store_load_buffer(store, text, len, S("t"), old, &many, NULL),
                     CLAIMS_OK);
    ck_assert_mem_eq(&one, &many, sizeof one);
    claims_store_free(store);
    free(old);
    free(text);
}
END_TEST

/* Unknown load flag bits fail before anything is read, for every entry
 * point, and the message names them; the known ones still work. */
START_TEST(test_load_flags)
{
    const char *doc = DOC_HEAD GOOD("four minutes") DOC_TAIL;
    const char *path = "check_loader_flags.json"; /* in the test's directory */
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(doc, f);
    fclose(f);
    const unsigned bits[] = {1u << 2, 0xFFF0u, CLAIMS_LOAD_STRICT | (1u << 31)};
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) {
        claims_load_options o = CLAIMS_LOAD_OPTIONS_INIT;
        o.flags = bits[i];
        unsigned unknown = bits[i] & ~(unsigned)(CLAIMS_LOAD_STRICT | CLAIMS_LOAD_LATIN1);
        char want[32];
        snprintf(want, sizeof want, "0x%x", unknown);
        for (int entry = 0; entry < 3; entry++) {
            claims_error e;
            int rc;
            if (entry == 0) {
                rc = claims_store_load_buffer(st, doc, strlen(doc), S("t"), &o, &sum, &e);
            } else if (entry == 1) {
                rc = claims_store_load_file(st, path, strlen(path), &o, &sum, &e);
            } else {
                FILE *in = fopen(path, "rb");
                ck_assert_ptr_nonnull(in);
                rc = claims_store_load_stream(st, in, S("s"), &o, &sum, &e);
                fclose(in);
            }
            ck_assert_int_eq(rc, CLAIMS_EINVAL);
            ck_assert_int_eq(e.code, CLAIMS_EINVAL);
            ck_assert_msg(strstr(e.text, "flags") && strstr(e.text, want), "%s", e.text);
            ck_assert_uint_eq(sum.claims_read, 0);
        }
    }
    ck_assert_uint_eq(claims_store_claim_count(st), 0);
    ck_assert_uint_eq(claims_store_diagnostic_count(st), 0);
    claims_load_options o = CLAIMS_LOAD_OPTIONS_INIT;
    o.flags = CLAIMS_LOAD_STRICT | CLAIMS_LOAD_LATIN1;
    ck_assert_int_eq(claims_store_load_file(st, path, strlen(path), &o, &sum, &err), CLAIMS_OK);
    ck_assert_uint_eq(sum.claims_loaded, 1);
    remove(path);
}
END_TEST

/* The summary is caller memory: a version the library does not know fails
 * the load before it reads anything and leaves every byte alone; an
 * exact-size version-1 struct on the heap (AddressSanitizer watches its
 * end) is filled. */
START_TEST(test_summary_version)
{
    const char *doc = DOC_HEAD GOOD("four minutes") DOC_TAIL;
    claims_load_summary *s = malloc(sizeof *s);
    ck_assert_ptr_nonnull(s);
    const unsigned bad[] = {0, CLAIMS_LOAD_SUMMARY_VERSION + 1, 0xFFFFFFFFu};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(s, 0x5A, sizeof *s);
        s->version = bad[i];
        claims_error e;
        ck_assert_int_eq(claims_store_load_buffer(st, doc, strlen(doc), S("t"), NULL, s, &e),
                         CLAIMS_EINVAL);
        ck_assert_ptr_nonnull(strstr(e.text, "summary version"));
        ck_assert_int_eq(claims_store_load_file(st, "nowhere.json", 12, NULL, s, NULL),
                         CLAIMS_EINVAL);
        ck_assert_int_eq(claims_store_summary(st, s), CLAIMS_EINVAL);
        ck_assert_uint_eq(s->version, bad[i]);
        for (size_t k = offsetof(claims_load_summary, documents_read); k < sizeof *s; k++)
            ck_assert_int_eq(((unsigned char *)s)[k], 0x5A);
    }
    ck_assert_uint_eq(claims_store_claim_count(st), 0);
    ck_assert_uint_eq(claims_store_diagnostic_count(st), 0); /* not even "cannot open" */
    s->version = 1;
    ck_assert_int_eq(claims_store_load_buffer(st, doc, strlen(doc), S("t"), NULL, s, NULL),
                     CLAIMS_OK);
    ck_assert_uint_eq(s->version, 1);
    ck_assert_uint_eq(s->claims_loaded, 1);
    ck_assert_uint_eq(s->documents_read, 1);
    memset(s, 0x5A, sizeof *s);
    s->version = 1;
    ck_assert_int_eq(claims_store_summary(st, s), CLAIMS_OK);
    ck_assert_uint_eq(s->claims_read, 1);
    ck_assert_uint_eq(s->errors, 0);
    ck_assert_int_eq(claims_store_summary(NULL, s), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_store_summary(st, NULL), CLAIMS_EINVAL);
    free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("loader");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_valid_document);
    tcase_add_test(tc, test_load_flags);
    tcase_add_test(tc, test_summary_version);
    tcase_add_test(tc, test_malformed_json);
    tcase_add_test(tc, test_jsonl_bad_line_others_load);
    tcase_add_test(tc, test_wrong_types);
    tcase_add_test(tc, test_missing_fields);
    tcase_add_test(tc, test_unknown_subject);
    tcase_add_test(tc, test_invalid_utf8);
    tcase_add_test(tc, test_nul_bytes);
    tcase_add_test(tc, test_quote_offsets);
    tcase_add_test(tc, test_oversized_field);
    tcase_add_test(tc, test_duplicates);
    tcase_add_test(tc, test_strict);
    tcase_add_test(tc, test_array_and_bom);
    tcase_add_test(tc, test_tsv_long_and_wide);
    tcase_add_test(tc, test_tsv_encoding);
    tcase_add_test(tc, test_file_and_stream);
    tcase_add_test(tc, test_progress_and_cancel);
    tcase_add_test(tc, test_seed_corpus);
    tcase_add_test(tc, test_parallel_identical);
    tcase_add_test(tc, test_jsonl_positions);
    tcase_add_test(tc, test_syntax_error_where);
    tcase_add_test(tc, test_syntax_error_classes);
    tcase_add_test(tc, test_numbers_and_escapes);
    tcase_add_test(tc, test_load_options_threads_and_version_1);
    suite_add_tcase(s, tc);
    return run_suite(s);
}

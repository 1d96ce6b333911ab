/* check_store.c - building a store through the API (no JSON), cursors,
 * ownership and argument checks. */
#include "check_helpers.h"

static size_t add_doc(claims_store *st, const char *id)
{
    claims_source_desc s = {CLAIMS_SOURCE_DESC_VERSION,
                            S(id),
                            S("CBS News"),
                            S("A title"),
                            {NULL, 0},
                            S("2016-11-20"),
                            {NULL, 0},
                            S("en")};
    size_t idx = 99;
    claims_error err;
    ck_assert_int_eq(claims_store_add_source(st, &idx, &s, &err), CLAIMS_OK);
    claims_subject_desc subj = {CLAIMS_SUBJECT_DESC_VERSION, S("talk"), S("event"),
                                S("Obama-Putin talk")};
    ck_assert_int_eq(claims_store_add_subject(st, idx, &subj, &err), CLAIMS_OK);
    return idx;
}

static claims_claim_desc claim(const char *attr, const char *value)
{
    claims_claim_desc c;
    memset(&c, 0, sizeof c);
    c.version = CLAIMS_CLAIM_DESC_VERSION;
    c.subject = S("talk");
    c.attribute = S(attr);
    c.value = S(value);
    c.quote_offset = c.quote_length = -1;
    return c;
}

START_TEST(test_build_and_walk)
{
    claims_store *st;
    claims_error err;
    ck_assert_int_eq(claims_store_new(&st, &err), CLAIMS_OK);
    size_t a = add_doc(st, "cbs");
    size_t b = add_doc(st, "wsj");
    ck_assert_uint_eq(a, 0);
    ck_assert_uint_eq(b, 1);

    claims_str chain[] = {S("Interfax"), S("Kremlin spokesman Dmitry Peskov")};
    claims_claim_desc c = claim("duration", "four minutes");
    c.attribution = chain;
    c.attribution_count = 2;
    c.quote = S("lasted four minutes");
    c.quote_offset = 10;
    c.quote_length = 19;
    c.certainty = CLAIMS_POSSIBLE;
    size_t ci;
    ck_assert_int_eq(claims_store_add_claim(st, &ci, a, &c, &err), CLAIMS_OK);
    ck_assert_uint_eq(ci, 0);
    c = claim("duration", "about four minutes");
    c.polarity = CLAIMS_NEGATED;
    ck_assert_int_eq(claims_store_add_claim(st, &ci, b, &c, &err), CLAIMS_OK);
    c = claim("topic", "Syria");
    ck_assert_int_eq(claims_store_add_claim(st, NULL, a, &c, &err), CLAIMS_OK);
    ck_assert_uint_eq(claims_store_source_count(st), 2);
    ck_assert_uint_eq(claims_store_claim_count(st), 3);

    claims_cursor *cur;
    ck_assert_int_eq(claims_store_sources(&cur, st), CLAIMS_OK);
    const claims_source_info *si;
    ck_assert_int_eq(claims_cursor_next_source(&si, cur), CLAIMS_OK);
    ck_assert_str_eq(si->id, "cbs");
    ck_assert_str_eq(si->outlet, "CBS News");
    ck_assert_str_eq(si->author, "");
    ck_assert_uint_eq(si->claim_count, 2);
    ck_assert_uint_eq(si->subject_count, 1);
    ck_assert_int_eq(claims_cursor_next_source(&si, cur), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_source(&si, cur), CLAIMS_DONE);
    const claims_claim_info *ciinfo;
    ck_assert_int_eq(claims_cursor_next_claim(&ciinfo, cur), CLAIMS_EINVAL);
    claims_cursor_free(cur);

    ck_assert_int_eq(claims_store_claims(&cur, st, a), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_claim(&ciinfo, cur), CLAIMS_OK);
    ck_assert_str_eq(ciinfo->id, "c1"); /* default id */
    ck_assert_str_eq(ciinfo->source_id, "cbs");
    ck_assert_str_eq(ciinfo->subject_type, "event");
    ck_assert_str_eq(ciinfo->value, "four minutes");
    ck_assert_uint_eq(ciinfo->attribution_count, 2);
    ck_assert_str_eq(ciinfo->attribution[1], "Kremlin spokesman Dmitry Peskov");
    ck_assert_int_eq(ciinfo->quote_offset, 10);
    ck_assert_int_eq(ciinfo->certainty, CLAIMS_POSSIBLE);
    ck_assert_int_eq(claims_cursor_next_claim(&ciinfo, cur), CLAIMS_OK);
    ck_assert_str_eq(ciinfo->attribute, "topic");
    ck_assert_str_eq(ciinfo->id, "c2");
    ck_assert_int_eq(claims_cursor_next_claim(&ciinfo, cur), CLAIMS_DONE);
    ck_assert_int_eq(claims_cursor_next_claim(&ciinfo, cur), CLAIMS_DONE);
    claims_cursor_free(cur);

    ck_assert_int_eq(claims_store_claims(&cur, st, CLAIMS_ALL), CLAIMS_OK);
    size_t n = 0;
    while (claims_cursor_next_claim(&ciinfo, cur) == CLAIMS_OK)
        n++;
    ck_assert_uint_eq(n, 3);
    claims_cursor_free(cur);
    ck_assert_int_eq(claims_store_claims(&cur, st, 7), CLAIMS_ENOTFOUND);
    const claims_subject_info *sub;
    ck_assert_int_eq(claims_store_subjects(&cur, st, b), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_subject(&sub, cur), CLAIMS_OK);
    ck_assert_uint_eq(sub->source, b);
    ck_assert_str_eq(sub->id, "talk");
    ck_assert_str_eq(sub->type, "event");
    ck_assert_str_eq(sub->label, "Obama-Putin talk");
    ck_assert_int_eq(claims_cursor_next_subject(&sub, cur), CLAIMS_DONE);
    ck_assert_int_eq(claims_cursor_next_claim(&ciinfo, cur), CLAIMS_EINVAL);
    claims_cursor_free(cur);
    claims_store_free(st);
}
END_TEST

START_TEST(test_strings_stored_once)
{
    claims_store *st;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    size_t a = add_doc(st, "a");
    char buf[32];
    for (int i = 0; i < 2; i++) {
        strcpy(buf, "duration"); /* a caller buffer that changes */
        claims_claim_desc c = claim(buf, "four minutes");
        ck_assert_int_eq(claims_store_add_claim(st, NULL, a, &c, NULL), CLAIMS_OK);
        memset(buf, 'x', sizeof buf - 1);
    }
    claims_cursor *cur;
    const claims_claim_info *x, *y;
    ck_assert_int_eq(claims_store_claims(&cur, st, a), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_claim(&x, cur), CLAIMS_OK);
    const char *first = x->attribute; /* the row is refilled by the next step */
    ck_assert_int_eq(claims_cursor_next_claim(&y, cur), CLAIMS_OK);
    ck_assert_uint_eq(y->index, 1);
    ck_assert_str_eq(first, "duration");
    ck_assert_ptr_eq(first, y->attribute); /* one copy */
    claims_cursor_free(cur);
    claims_store_free(st);
}
END_TEST

/* Claim i through claims_store_claims_from(): the way to one claim by its
 * index, and a walk that resumes there. */
START_TEST(test_claims_from)
{
    claims_store *st;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    claims_cursor *cur = NULL;
    ck_assert_int_eq(claims_store_claims_from(&cur, st, 0), CLAIMS_ENOTFOUND);
    size_t a = add_doc(st, "a"), b = add_doc(st, "b");
    const char *values[] = {"one minute", "two minutes", "three minutes"};
    size_t src[] = {a, b, a};
    for (size_t i = 0; i < 3; i++) {
        claims_claim_desc c = claim("duration", values[i]);
        ck_assert_int_eq(claims_store_add_claim(st, NULL, src[i], &c, NULL), CLAIMS_OK);
    }
    for (size_t first = 0; first < 3; first++) {
        ck_assert_int_eq(claims_store_claims_from(&cur, st, first), CLAIMS_OK);
        const claims_claim_info *ci;
        for (size_t i = first; i < 3; i++) {
            ck_assert_int_eq(claims_cursor_next_claim(&ci, cur), CLAIMS_OK);
            ck_assert_uint_eq(ci->index, i);
            ck_assert_str_eq(ci->value, values[i]);
            ck_assert_uint_eq(ci->source, src[i]);
        }
        ck_assert_int_eq(claims_cursor_next_claim(&ci, cur), CLAIMS_DONE);
        ck_assert_ptr_null(ci);
        claims_cursor_free(cur);
    }
    ck_assert_int_eq(claims_store_claims_from(&cur, st, 3), CLAIMS_ENOTFOUND);
    ck_assert_int_eq(claims_store_claims_from(&cur, st, CLAIMS_ALL), CLAIMS_ENOTFOUND);
    ck_assert_int_eq(claims_store_claims_from(NULL, st, 0), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_store_claims_from(&cur, NULL, 0), CLAIMS_EINVAL);
    /* store rows: NULL at the end and on a cursor of another kind */
    const claims_source_info *si;
    ck_assert_int_eq(claims_store_sources(&cur, st), CLAIMS_OK);
    static const claims_subject_info some_subject;
    const claims_subject_info *su = &some_subject;
    ck_assert_int_eq(claims_cursor_next_subject(&su, cur), CLAIMS_EINVAL);
    ck_assert_ptr_null(su);
    ck_assert_int_eq(claims_cursor_next_source(NULL, cur), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_cursor_next_source(&si, cur), CLAIMS_OK);
    ck_assert_str_eq(si->id, "a");
    ck_assert_int_eq(claims_cursor_next_source(&si, cur), CLAIMS_OK);
    ck_assert_str_eq(si->id, "b");
    ck_assert_int_eq(claims_cursor_next_source(&si, cur), CLAIMS_DONE);
    ck_assert_ptr_null(si);
    claims_cursor_free(cur);
    claims_store_free(st);
}
END_TEST

START_TEST(test_api_errors)
{
    claims_store *st;
    claims_error err;
    ck_assert_int_eq(claims_store_new(&st, &err), CLAIMS_OK);
    size_t a = add_doc(st, "a");
    /* duplicate source id */
    claims_source_desc s = {CLAIMS_SOURCE_DESC_VERSION, S("a"), {0}, {0}, {0}, {0}, {0}, {0}};
    ck_assert_int_eq(claims_store_add_source(st, NULL, &s, &err), CLAIMS_EDUPLICATE);
    ck_assert_int_eq(err.code, CLAIMS_EDUPLICATE);
    /* missing id */
    s.id = S(NULL);
    ck_assert_int_eq(claims_store_add_source(st, NULL, &s, &err), CLAIMS_ESCHEMA);
    s.version = 42;
    ck_assert_int_eq(claims_store_add_source(st, NULL, &s, &err), CLAIMS_EINVAL);
    /* unknown subject */
    claims_claim_desc c = claim("duration", "x");
    c.subject = S("nope");
    ck_assert_int_eq(claims_store_add_claim(st, NULL, a, &c, &err), CLAIMS_ENOTFOUND);
    ck_assert_ptr_nonnull(strstr(err.text, "nope"));
    /* invalid UTF-8 and NUL in a value */
    c = claim("duration", "x");
    c.value.ptr = "ab\xff";
    c.value.len = 3;
    ck_assert_int_eq(claims_store_add_claim(st, NULL, a, &c, &err), CLAIMS_ENCODING);
    c.value.ptr = "a\0b";
    ck_assert_int_eq(claims_store_add_claim(st, NULL, a, &c, &err), CLAIMS_ENCODING);
    /* empty required value, unknown value type, bad quote length */
    c = claim("duration", "");
    ck_assert_int_eq(claims_store_add_claim(st, NULL, a, &c, &err), CLAIMS_ESCHEMA);
    c = claim("duration", "4");
    c.value_type = S("banana");
    ck_assert_int_eq(claims_store_add_claim(st, NULL, a, &c, &err), CLAIMS_ESCHEMA);
    c = claim("duration", "4");
    c.quote = S("caf\xc3\xa9");
    c.quote_length = 5; /* 4 characters */
    ck_assert_int_eq(claims_store_add_claim(st, NULL, a, &c, &err), CLAIMS_ERANGE);
    c.quote_length = 4;
    c.quote_offset = 0;
    ck_assert_int_eq(claims_store_add_claim(st, NULL, a, &c, &err), CLAIMS_OK);
    /* a value type is accepted in any case and stored canonically */
    c = claim("duration", "4");
    c.value_type = S("Duration");
    ck_assert_int_eq(claims_store_add_claim(st, NULL, a, &c, &err), CLAIMS_OK);
    /* bad enums, source index, NULLs */
    c = claim("duration", "4");
    c.polarity = (claims_polarity)7;
    ck_assert_int_eq(claims_store_add_claim(st, NULL, a, &c, &err), CLAIMS_EINVAL);
    c = claim("duration", "4");
    ck_assert_int_eq(claims_store_add_claim(st, NULL, 5, &c, &err), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_store_add_claim(NULL, NULL, 0, &c, &err), CLAIMS_EINVAL);
    ck_assert_int_eq(claims_store_add_claim(st, NULL, a, NULL, &err), CLAIMS_EINVAL);
    ck_assert_uint_eq(claims_store_claim_count(st), 2);
    claims_store_free(st);
    claims_store_free(NULL);
    claims_cursor_free(NULL);
    ck_assert_int_eq(claims_store_new(NULL, &err), CLAIMS_EINVAL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("store");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_build_and_walk);
    tcase_add_test(tc, test_strings_stored_once);
    tcase_add_test(tc, test_claims_from);
    tcase_add_test(tc, test_api_errors);
    suite_add_tcase(s, tc);
    return run_suite(s);
}

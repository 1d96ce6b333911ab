/* check_corpus.c - the seed corpus: every document loads without a rejected
 * claim, and every quote matches the seed article at its offset (needs
 * ../shared/seeds; skipped, saying so, when it is absent). */
#include "check_helpers.h"

#include <stdio.h>
#include <sys/stat.h>

static const char *const DOCS[] = {"000_cbs.json", "001_dailymail.json", "002_wsj.json",
                                   "003_business_standard.json"};

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

/* Byte offset of code point `cp` in UTF-8 text, or (size_t)-1. */
static size_t byte_at(const char *s, size_t len, long cp)
{
    long seen = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || ((unsigned char)s[i] & 0xC0) != 0x80) {
            if (seen == cp)
                return i;
            seen++;
        }
    }
    return (size_t)-1;
}

START_TEST(test_quotes_match_seeds)
{
    const char *corpus = getenv("CLAIMS_CORPUS_DIR");
    const char *shared = getenv("CLAIMS_SHARED_DIR");
    ck_assert_ptr_nonnull(corpus);
    char seeds[1024];
    snprintf(seeds, sizeof seeds, "%s/seeds", shared ? shared : "../shared");

    claims_store *st;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    size_t quotes = 0;
    for (size_t d = 0; d < 4; d++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", corpus, DOCS[d]);
        claims_load_summary sum = CLAIMS_LOAD_SUMMARY_INIT;
        claims_error err;
        ck_assert_msg(claims_store_load_file(st, path, strlen(path), NULL, &sum, &err) == CLAIMS_OK,
                      "%s:%d:%d: %s", err.source, err.line, err.column, err.text);
        ck_assert_uint_eq(sum.claims_rejected, 0);

        claims_cursor *cur;
        const claims_source_info *row;
        ck_assert_int_eq(claims_store_sources(&cur, st), CLAIMS_OK);
        for (size_t k = 0; k <= d; k++)
            ck_assert_int_eq(claims_cursor_next_source(&row, cur), CLAIMS_OK);
        const claims_source_info copy = *row, *si = &copy; /* the row dies with cur */
        claims_cursor_free(cur);
        ck_assert_str_ne(si->text_file, "");
        char seed[2048];
        snprintf(seed, sizeof seed, "%s/%s", seeds, si->text_file);
        size_t len;
        char *text = read_all(seed, &len);
        ck_assert_msg(text != NULL, "cannot read %s", seed);
        /* the declared length is the article's length in characters */
        ck_assert_uint_eq(byte_at(text, len, si->text_characters), len);

        const claims_claim_info *ci;
        ck_assert_int_eq(claims_store_claims(&cur, st, si->index), CLAIMS_OK);
        while (claims_cursor_next_claim(&ci, cur) == CLAIMS_OK) {
            if (!ci->quote[0])
                continue;
            ck_assert_int_ge(ci->quote_offset, 0);
            size_t b = byte_at(text, len, ci->quote_offset);
            size_t e = byte_at(text, len, ci->quote_offset + ci->quote_length);
            ck_assert_msg(b != (size_t)-1 && e != (size_t)-1, "%s claim %s: offset out of the text",
                          si->id, ci->id);
            ck_assert_msg(e - b == strlen(ci->quote) && memcmp(text + b, ci->quote, e - b) == 0,
                          "%s claim %s: quote does not match the text at %ld", si->id, ci->id,
                          ci->quote_offset);
            quotes++;
        }
        claims_cursor_free(cur);
        free(text);
    }
    printf("corpus: %zu quotes match the seed texts\n", quotes);
    ck_assert_uint_gt(quotes, 100);
    claims_store_free(st);
}
END_TEST

int main(void)
{
    const char *shared = getenv("CLAIMS_SHARED_DIR");
    char seeds[1024];
    snprintf(seeds, sizeof seeds, "%s/seeds", shared ? shared : "../shared");
    struct stat sb;
    if (stat(seeds, &sb) != 0) {
        printf("check_corpus: %s is absent; skipping the quote check\n", seeds);
        return 77;
    }
    Suite *s = suite_create("corpus");
    TCase *tc = tcase_create("quotes");
    tcase_add_test(tc, test_quotes_match_seeds);
    suite_add_tcase(s, tc);
    return run_suite(s);
}

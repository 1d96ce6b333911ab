/* check_copied.c - sources that state the same claims alike (copied.c): a
 * reprint that quotes the wire in clauses too short to share wording is
 * dependent; independent outlets that agree on facts in their own words, on
 * a few claims, or on speech both quote are not. Every case is reconciled
 * with its documents in both orders. */
#include "check_helpers.h"

#include "util/util.h"

#include <stdarg.h>

/* A claim of a document: attribute, value, attribution (NULL: none), quote. */
typedef struct fact {
    const char *attr, *value, *who, *quote;
} fact;

typedef struct document {
    const char *id, *outlet, *published;
    fact facts[12];
} document;

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void put(text *t, const char *fmt, ...) CLAIMS__PRINTF(2, 3);
static void put(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    ck_assert_int_ge(n, 0);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = 2 * (t->len + (size_t)n + 1);
        t->s = realloc(t->s, t->cap);
        ck_assert_ptr_nonnull(t->s);
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

/* One event per document, the same date and place in all: they resolve as
 * one subject. */
static void write_doc(text *t, const document *d)
{
    put(t,
        "{\"source\": {\"id\": \"%s\", \"outlet\": \"%s\", \"published\": \"%s\"}, "
        "\"subjects\": [{\"id\": \"e\", \"type\": \"event\", \"label\": \"the harbour fire\"}], "
        "\"claims\": [{\"subject\": \"e\", \"attribute\": \"date\", \"value\": \"2024-05-01\"}, "
        "{\"subject\": \"e\", \"attribute\": \"place\", \"value\": \"Port Haven\"}",
        d->id, d->outlet, d->published);
    for (size_t i = 0; i < 12 && d->facts[i].attr; i++) {
        const fact *f = &d->facts[i];
        put(t, ", {\"subject\": \"e\", \"attribute\": \"%s\", \"value\": \"%s\"", f->attr,
            f->value);
        if (f->who)
            put(t, ", \"attribution\": [\"%s\"]", f->who);
        put(t, ", \"quote\": {\"text\": \"%s\"}}", f->quote);
    }
    put(t, "]}\n");
}

/* The dependent pairs of the documents reconciled in the given order, as
 * "a+b" lines, and the origins of deaths "7" (when `origins` is given). */
static void reconcile_docs(const document *docs, size_t n, bool reversed, char *pairs, size_t cap,
                           char *origins, size_t ocap)
{
    text t = {NULL, 0, 0};
    for (size_t i = 0; i < n; i++)
        write_doc(&t, &docs[reversed ? n - 1 - i : i]);
    claims_store *st;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    claims_error err;
    int rc = claims_store_load_buffer(st, t.s, t.len, S("copied"), NULL, NULL, &err);
    ck_assert_msg(rc == CLAIMS_OK, "%d:%d %s", err.line, err.column, err.text);
    free(t.s);
    claims_result *r;
    ck_assert_int_eq(claims_reconcile(&r, NULL, st, NULL, &err), CLAIMS_OK);

    claims_cursor *c;
    const claims_dependency_info *d;
    size_t len = 0;
    pairs[0] = '\0';
    ck_assert_int_eq(claims_result_dependencies(&c, r), CLAIMS_OK);
    while (claims_cursor_next_dependency(&d, c) == CLAIMS_OK) {
        ck_assert_uint_gt(d->passage_count, 0);
        len += (size_t)snprintf(pairs + len, cap - len, "%s+%s\n", d->source_a, d->source_b);
    }
    claims_cursor_free(c);

    if (origins) {
        origins[0] = '\0';
        claims_cursor *ev, *at, *va;
        const claims_result_subject_info *e;
        const claims_attribute_info *a;
        const claims_value_info *v;
        ck_assert_int_eq(claims_result_subjects(&ev, r), CLAIMS_OK);
        ck_assert_int_eq(claims_cursor_next_result_subject(&e, ev), CLAIMS_OK);
        size_t event = e->index;
        ck_assert_int_eq(claims_cursor_next_result_subject(&e, ev), CLAIMS_DONE); /* one story */
        claims_cursor_free(ev);
        ck_assert_int_eq(claims_result_attributes(&at, r, event), CLAIMS_OK);
        while (claims_cursor_next_attribute(&a, at) == CLAIMS_OK) {
            if (strcmp(a->attribute, "deaths") != 0)
                continue;
            ck_assert_int_eq(claims_result_values(&va, r, event, a->index), CLAIMS_OK);
            while (claims_cursor_next_value(&v, va) == CLAIMS_OK) {
                if (strcmp(v->normalized, "7") != 0)
                    continue;
                size_t ol = 0;
                for (size_t i = 0; i < v->origin_count; i++)
                    ol += (size_t)snprintf(origins + ol, ocap - ol, "%s%s", i ? " | " : "",
                                           v->origins[i]);
            }
            claims_cursor_free(va);
        }
        claims_cursor_free(at);
    }
    claims_result_free(r);
    claims_store_free(st);
}

/* The dependent pairs (and origins of deaths 7, when want_origins is not
 * NULL) are as wanted in both load orders. */
static void expect(const document *docs, size_t n, const char *want_pairs, const char *want_origins)
{
    for (int reversed = 0; reversed < 2; reversed++) {
        char pairs[512], origins[512];
        reconcile_docs(docs, n, reversed, pairs, sizeof pairs, want_origins ? origins : NULL,
                       sizeof origins);
        ck_assert_msg(strcmp(pairs, want_pairs) == 0, "%sdependent pairs \"%s\", want \"%s\"",
                      reversed ? "(reversed) " : "", pairs, want_pairs);
        if (want_origins)
            ck_assert_msg(strcmp(origins, want_origins) == 0, "%sorigins \"%s\", want \"%s\"",
                          reversed ? "(reversed) " : "", origins, want_origins);
    }
}

#define NDOCS(d) (sizeof(d) / sizeof((d)[0]))

/* The wire's claims, each quoted in a clause of fewer than 8 words. */
#define WIRE_FACTS                                                            \
    {"kind", "fire", NULL, "A fire swept through"},                           \
        {"deaths", "7", "officials", "killing seven people, officials said"}, \
        {"injured", "about 20", "the fire brigade", "injuring about 20"},     \
        {"topic", "the warehouse", NULL, "the old harbour warehouse"},        \
        {"count", "40", "the fire brigade", "40 firefighters were sent"},     \
    {                                                                         \
        "duration", "six hours", NULL, "burned for six hours"                 \
    }

START_TEST(test_short_quoted_reprint_is_dependent)
{
    /* the reprint runs five of the wire's six claims word for word and adds
     * one of its own: dependent, and the wire's unnamed officials are one
     * origin, the wire's; an outlet with its own words is not dependent */
    static const document docs[] = {
        {"wire", "Harbour Press Agency", "2024-05-01T08:00:00Z", {WIRE_FACTS}},
        {"reprint",
         "The Evening Lantern",
         "2024-05-01T12:00:00Z",
         {{"kind", "fire", NULL, "A fire swept through"},
          {"deaths", "7", "officials", "killing seven people, officials said"},
          {"injured", "about 20", "the fire brigade", "injuring about 20"},
          {"topic", "the warehouse", NULL, "the old harbour warehouse"},
          {"count", "40", "the fire brigade", "40 firefighters were sent"},
          {"statement", "the port will reopen", "the mayor", "the port would reopen"}}},
        {"own",
         "Port Haven Courier",
         "2024-05-01T18:00:00Z",
         {{"kind", "fire", NULL, "the blaze at the warehouse"},
          {"deaths", "7", "officials", "Seven people died, officials said"},
          {"injured", "about 20", "the fire brigade", "some 20 were hurt"},
          {"topic", "the warehouse", NULL, "the warehouse on the quay"},
          {"count", "40", "the fire brigade", "forty firefighters fought it"},
          {"duration", "six hours", NULL, "six hours"}}},
    };
    expect(docs, NDOCS(docs), "reprint+wire\n",
           "unnamed source of Harbour Press Agency | unnamed source of Port Haven Courier");
}
END_TEST

START_TEST(test_few_or_minor_coincidences_are_independent)
{
    /* three claims alike (fewer than four) in short documents */
    static const document three[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         {{"kind", "fire", NULL, "A fire swept through"},
          {"deaths", "7", "officials", "killing seven people, officials said"},
          {"injured", "about 20", "the fire brigade", "injuring about 20"}}},
        {"b",
         "Bravo Radio",
         "2024-05-02",
         {{"kind", "fire", NULL, "A fire swept through"},
          {"deaths", "7", "officials", "killing seven people, officials said"},
          {"injured", "about 20", "the fire brigade", "injuring about 20"}}},
    };
    expect(three, NDOCS(three), "", NULL);
    /* four claims alike, but fewer than half of the shorter document's */
    static const document minor[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         {WIRE_FACTS,
          {"statement", "the port will reopen", "the mayor", "the port would reopen"},
          {"name", "Harbour Fire", NULL, "what is called the Harbour Fire"}}},
        {"b",
         "Bravo Radio",
         "2024-05-02",
         {{"kind", "fire", NULL, "A fire swept through"},
          {"deaths", "7", "officials", "killing seven people, officials said"},
          {"injured", "about 20", "the fire brigade", "injuring about 20"},
          {"topic", "the warehouse", NULL, "the old harbour warehouse"},
          {"count", "40", "the fire brigade", "forty were sent"},
          {"duration", "six hours", NULL, "for six hours"},
          {"statement", "the port will reopen", "the mayor", "reopening the port"},
          {"name", "Harbour Fire", NULL, "the Harbour Fire"},
          {"outcome", "the warehouse was destroyed", NULL, "destroyed the warehouse"}}},
    };
    expect(minor, NDOCS(minor), "", NULL);
}
END_TEST

START_TEST(test_quoted_speech_is_not_copying)
{
    /* two outlets quoting the same words of the same speakers verbatim, in
     * quotation marks: the words are the speakers', not copied */
    static const document docs[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         {{"statement", "we lost everything", "a resident", "\\\"We lost everything\\\""},
          {"statement", "the port will reopen", "the mayor", "\\\"The port will reopen\\\""},
          {"statement", "the fire was arson", "the police", "\\\"This was arson\\\""},
          {"statement", "the alarm failed", "a guard", "\\\"The alarm never went off\\\""}}},
        {"b",
         "Bravo Radio",
         "2024-05-02",
         {{"statement", "we lost everything", "a resident", "\\\"We lost everything\\\""},
          {"statement", "the port will reopen", "the mayor", "\\\"The port will reopen\\\""},
          {"statement", "the fire was arson", "the police", "\\\"This was arson\\\""},
          {"statement", "the alarm failed", "a guard", "\\\"The alarm never went off\\\""}}},
    };
    expect(docs, NDOCS(docs), "", NULL);
}
END_TEST

static Suite *copied_suite(void)
{
    Suite *s = suite_create("copied");
    TCase *t = tcase_create("copied");
    tcase_add_test(t, test_short_quoted_reprint_is_dependent);
    tcase_add_test(t, test_few_or_minor_coincidences_are_independent);
    tcase_add_test(t, test_quoted_speech_is_not_copying);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return run_suite(copied_suite()); }

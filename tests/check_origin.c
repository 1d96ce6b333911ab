/* check_origin.c - origins (issue 10, section 4): whom an attribution text
 * names (attribution.c), and which claims of which sources are one origin
 * (origin.c): unnamed speakers of their own outlet, wire copies of the
 * wire's, names across sources (acronyms, titles, diacritics, a lone
 * surname), institutions of the story's place, and display names chosen by
 * content. Every case is reconciled with its documents in two orders. */
#include "check_helpers.h"

#include "reconcile/stage.h"

#include <stdarg.h>

/* ---- attribution.c: one text at a time ---------------------------------------------------- */

typedef struct reading {
    const char *text;
    claims__speaker_kind kind;
    const char *name, *owner; /* NULL: none */
} reading;

static const reading READINGS[] = {
    /* nobody another outlet could name */
    {"officials", CLAIMS__SPEAKER_UNNAMED, NULL, NULL},
    {"a spokesman", CLAIMS__SPEAKER_UNNAMED, NULL, NULL},
    {"according to sources", CLAIMS__SPEAKER_UNNAMED, NULL, NULL},
    {"Officials", CLAIMS__SPEAKER_UNNAMED, NULL, NULL},
    {"local officials", CLAIMS__SPEAKER_UNNAMED, NULL, NULL},
    {"Engineers inspecting the Brennar dam", CLAIMS__SPEAKER_UNNAMED, NULL, NULL},
    {"Presidential spokeswoman", CLAIMS__SPEAKER_UNNAMED, NULL, NULL},
    {"sources close to the Kremlin", CLAIMS__SPEAKER_UNNAMED, NULL, NULL},
    {"two senior diplomats", CLAIMS__SPEAKER_UNNAMED, NULL, NULL},
    /* organizations and persons */
    {"the White House", CLAIMS__SPEAKER_NAMED, "White House", NULL},
    {"A White House official", CLAIMS__SPEAKER_NAMED, "White House", NULL},
    {"White House officials", CLAIMS__SPEAKER_NAMED, "White House", NULL},
    {"Kremlin spokesman Dmitry Peskov", CLAIMS__SPEAKER_NAMED, "Kremlin", NULL},
    {"an SCG spokesman", CLAIMS__SPEAKER_NAMED, "SCG", NULL},
    {"the NEA", CLAIMS__SPEAKER_NAMED, "NEA", NULL},
    {"the Solmark Coast Guard (SCG)", CLAIMS__SPEAKER_NAMED, "Solmark Coast Guard (SCG)", NULL},
    {"Presidential spokeswoman Carine Albret", CLAIMS__SPEAKER_NAMED, "Carine Albret", NULL},
    {"Interior Minister Oduya", CLAIMS__SPEAKER_NAMED, "Interior Minister Oduya", NULL},
    {"The West", CLAIMS__SPEAKER_NAMED, "West", NULL},
    {"the Indian Foreign Ministry", CLAIMS__SPEAKER_NAMED, "Indian Foreign Ministry", NULL},
    {"Lima police", CLAIMS__SPEAKER_NAMED, "Lima police", NULL},
    {"Émile Duvernoy", CLAIMS__SPEAKER_NAMED, "Émile Duvernoy", NULL},
    /* the story's own place as possessor names nobody: the body it owns is
     * the name */
    {"the country's Civil Protection Directorate", CLAIMS__SPEAKER_NAMED,
     "Civil Protection Directorate", NULL},
    {"a spokeswoman for the city's Harbour Authority", CLAIMS__SPEAKER_NAMED, "Harbour Authority",
     NULL},
    /* institutions known by their kind, of the story's place */
    {"the Foreign Ministry", CLAIMS__SPEAKER_INSTITUTION, "Foreign Ministry", NULL},
    {"a spokeswoman for the Foreign Ministry", CLAIMS__SPEAKER_INSTITUTION, "Foreign Ministry",
     NULL},
    {"a spokesman at the city's main hospital", CLAIMS__SPEAKER_INSTITUTION, "main hospital", NULL},
    {"the main hospital", CLAIMS__SPEAKER_INSTITUTION, "main hospital", NULL},
    {"police", CLAIMS__SPEAKER_INSTITUTION, "police", NULL},
    {"a police spokesman", CLAIMS__SPEAKER_INSTITUTION, "police", NULL},
    {"The chancellor's office", CLAIMS__SPEAKER_INSTITUTION, "chancellor's office", NULL},
    {"Ardenia's Foreign Ministry", CLAIMS__SPEAKER_INSTITUTION, "Foreign Ministry", "Ardenia"},
    {"a spokesman for Ardenia’s Interior Ministry", CLAIMS__SPEAKER_INSTITUTION,
     "Interior Ministry", "Ardenia"},
    {"Varga's office", CLAIMS__SPEAKER_INSTITUTION, "office", "Varga"},
};

START_TEST(test_attribution_readings)
{
    for (size_t i = 0; i < sizeof READINGS / sizeof READINGS[0]; i++) {
        const reading *x = &READINGS[i];
        claims__speaker s;
        claims__attribution_parse(x->text, strlen(x->text), &s);
        ck_assert_msg(s.kind == x->kind, "\"%s\": kind %d, want %d", x->text, (int)s.kind,
                      (int)x->kind);
        if (x->name)
            ck_assert_msg(s.name_len == strlen(x->name) && memcmp(s.name, x->name, s.name_len) == 0,
                          "\"%s\": name \"%.*s\", want \"%s\"", x->text, (int)s.name_len, s.name,
                          x->name);
        if (x->owner) {
            ck_assert_msg(s.owner && s.owner_len == strlen(x->owner) &&
                              memcmp(s.owner, x->owner, s.owner_len) == 0,
                          "\"%s\": owner \"%.*s\", want \"%s\"", x->text,
                          s.owner ? (int)s.owner_len : 0, s.owner ? s.owner : "", x->owner);
            /* the whole phrase, for when the owner is not the story's */
            ck_assert_ptr_nonnull(s.full);
            ck_assert_ptr_nonnull(strstr(x->text, "'s") ? strstr(x->text, "'s")
                                                        : strstr(x->text, "’s"));
            ck_assert_msg(s.full + s.full_len == x->text + strlen(x->text), "\"%s\": full \"%.*s\"",
                          x->text, (int)s.full_len, s.full);
        } else
            ck_assert_msg(s.owner == NULL, "\"%s\": owner \"%.*s\", want none", x->text,
                          (int)s.owner_len, s.owner);
    }
}
END_TEST

/* ---- origins of a reconciled story ---------------------------------------------------------- */

/* A fact of a document: attribute, value, attribution (NULL: none), quote
 * (NULL: none). */
typedef struct fact {
    const char *attr, *value, *who, *quote;
} fact;

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

/* A document: one source reporting one event at `place` (NULL: none) on
 * 2024-05-01 at the harbour summit, with its facts. */
typedef struct document {
    const char *id, *outlet, *published, *place;
    fact facts[6];
} document;

static void write_doc(text *t, const document *d)
{
    put(t,
        "{\"source\": {\"id\": \"%s\", \"outlet\": \"%s\", \"published\": \"%s\"}, "
        "\"subjects\": [{\"id\": \"e\", \"type\": \"event\", \"label\": \"the talks\"}], "
        "\"claims\": [{\"subject\": \"e\", \"attribute\": \"date\", \"value\": \"2024-05-01\"}, "
        "{\"subject\": \"e\", \"attribute\": \"occasion\", \"value\": \"the harbour summit\"}, "
        "{\"subject\": \"e\", \"attribute\": \"participant\", \"value\": \"Liesel Varga\"}, "
        "{\"subject\": \"e\", \"attribute\": \"participant\", \"value\": \"Emile Duvernoy\"}",
        d->id, d->outlet, d->published);
    if (d->place)
        put(t, ", {\"subject\": \"e\", \"attribute\": \"place\", \"value\": \"%s\"}", d->place);
    for (size_t i = 0; i < 6 && d->facts[i].attr; i++) {
        const fact *f = &d->facts[i];
        put(t, ", {\"subject\": \"e\", \"attribute\": \"%s\", \"value\": \"%s\"", f->attr,
            f->value);
        if (f->who)
            put(t, ", \"attribution\": [\"%s\"]", f->who);
        if (f->quote)
            put(t, ", \"quote\": {\"text\": \"%s\"}", f->quote);
        put(t, "}");
    }
    put(t, "]}\n");
}

/* The documents reconciled, loaded in their order or reversed. */
static claims_result *reconcile_docs(const document *docs, size_t n, bool reversed,
                                     claims_store **st)
{
    text t = {NULL, 0, 0};
    for (size_t i = 0; i < n; i++)
        write_doc(&t, &docs[reversed ? n - 1 - i : i]);
    ck_assert_int_eq(claims_store_new(st, NULL), CLAIMS_OK);
    claims_error err;
    int rc = claims_store_load_buffer(*st, t.s, t.len, S("origins"), NULL, NULL, &err);
    ck_assert_msg(rc == CLAIMS_OK, "%d:%d %s", err.line, err.column, err.text);
    free(t.s);
    claims_result *r;
    ck_assert_int_eq(claims_reconcile(&r, NULL, *st, NULL, &err), CLAIMS_OK);
    return r;
}

/* The origins of the cluster `norm` of attribute `attr` of the one event,
 * joined by " | " into out. */
static void origins_of(const claims_result *r, const char *attr, const char *norm, char *out,
                       size_t cap)
{
    claims_cursor *ev, *at, *va;
    const claims_result_subject_info *e;
    const claims_attribute_info *a;
    const claims_value_info *v;
    out[0] = '\0';
    ck_assert_int_eq(claims_result_subjects(&ev, r), CLAIMS_OK);
    ck_assert_int_eq(claims_cursor_next_result_subject(&e, ev), CLAIMS_OK);
    ck_assert_str_eq(e->type, "event");
    size_t event = e->index;
    ck_assert_int_eq(claims_cursor_next_result_subject(&e, ev), CLAIMS_DONE); /* one story */
    claims_cursor_free(ev);
    bool found = false;
    ck_assert_int_eq(claims_result_attributes(&at, r, event), CLAIMS_OK);
    while (!found && claims_cursor_next_attribute(&a, at) == CLAIMS_OK) {
        if (strcmp(a->attribute, attr) != 0)
            continue;
        ck_assert_int_eq(claims_result_values(&va, r, event, a->index), CLAIMS_OK);
        while (!found && claims_cursor_next_value(&v, va) == CLAIMS_OK) {
            if (strcmp(v->normalized, norm) != 0)
                continue;
            found = true;
            size_t len = 0;
            for (size_t i = 0; i < v->origin_count; i++)
                len +=
                    (size_t)snprintf(out + len, cap - len, "%s%s", i ? " | " : "", v->origins[i]);
        }
        claims_cursor_free(va);
    }
    claims_cursor_free(at);
    ck_assert_msg(found, "no %s %s", attr, norm);
}

/* Checks the origins of (attr, norm) in both load orders. */
static void expect_origins(const document *docs, size_t n, const char *attr, const char *norm,
                           const char *want)
{
    for (int reversed = 0; reversed < 2; reversed++) {
        claims_store *st;
        claims_result *r = reconcile_docs(docs, n, reversed, &st);
        char got[1024];
        origins_of(r, attr, norm, got, sizeof got);
        ck_assert_msg(strcmp(got, want) == 0, "%s %s%s: origins \"%s\", want \"%s\"", attr, norm,
                      reversed ? " (documents reversed)" : "", got, want);
        claims_result_free(r);
        claims_store_free(st);
    }
}

#define NDOCS(d) (sizeof(d) / sizeof((d)[0]))

START_TEST(test_unnamed_of_own_outlet)
{
    /* three independent outlets quote unnamed officials: three origins,
     * each named after its own outlet whatever the order */
    static const document docs[] = {
        {"a", "Alpha Post", "2024-05-01", "Port Haven", {{"deaths", "7", "officials", NULL}}},
        {"b", "Bravo Radio", "2024-05-01", "Port Haven", {{"deaths", "7", "a spokesman", NULL}}},
        {"c",
         "Charlie Times",
         "2024-05-01",
         "Port Haven",
         {{"deaths", "7", "according to sources", NULL}}},
    };
    expect_origins(docs, NDOCS(docs), "deaths", "7",
                   "unnamed source of Alpha Post | unnamed source of Bravo Radio | unnamed "
                   "source of Charlie Times");
}
END_TEST

#define WIRE_SENTENCE                                                                             \
    "Rescue teams searched the collapsed harbour warehouse through the night and into the early " \
    "hours of Wednesday morning"

START_TEST(test_wire_copy_keeps_wire_origin)
{
    /* the reprint copies the wire's sentence and its unnamed officials: one
     * origin, the wire's (published first); its own unnamed source for a
     * figure the wire does not have is its own */
    static const document docs[] = {
        {"reprint",
         "The Evening Lantern",
         "2024-05-01T12:00:00Z",
         "Port Haven",
         {{"deaths", "7", "officials", WIRE_SENTENCE}, {"injured", "30", "officials", NULL}}},
        {"wire",
         "Harbour Press Agency",
         "2024-05-01T08:00:00Z",
         "Port Haven",
         {{"deaths", "7", "officials", WIRE_SENTENCE}, {"injured", "12", "officials", NULL}}},
        {"local",
         "Port Haven Courier",
         "2024-05-01",
         "Port Haven",
         {{"deaths", "7", "officials", NULL}}},
    };
    expect_origins(docs, NDOCS(docs), "deaths", "7",
                   "unnamed source of Harbour Press Agency | unnamed source of Port Haven Courier");
    expect_origins(docs, NDOCS(docs), "injured", "30", "unnamed source of The Evening Lantern");
    expect_origins(docs, NDOCS(docs), "injured", "12", "unnamed source of Harbour Press Agency");
}
END_TEST

START_TEST(test_named_across_sources)
{
    /* an acronym and its name; the name more frequent, so it is shown */
    static const document agency[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         "Port Haven",
         {{"deaths", "31", "the National Emergency Agency", NULL}}},
        {"b", "Bravo Radio", "2024-05-01", "Port Haven", {{"deaths", "31", "the NEA", NULL}}},
        {"c",
         "Charlie Times",
         "2024-05-01",
         "Port Haven",
         {{"deaths", "31", "a National Emergency Agency official", NULL}}},
    };
    expect_origins(agency, NDOCS(agency), "deaths", "31", "National Emergency Agency");
    /* "Corvane Sea Lines" and "CSL" once each: the shorter is shown */
    static const document company[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         "Port Haven",
         {{"statement", "the ferry was not overloaded", "Corvane Sea Lines", NULL}}},
        {"b",
         "Bravo Radio",
         "2024-05-01",
         "Port Haven",
         {{"statement", "the ferry was not overloaded", "CSL", NULL}}},
    };
    expect_origins(company, NDOCS(company), "statement", "the ferry was not overloaded", "CSL");
    /* wordings as often and as long: the smallest */
    static const document house[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         "Port Haven",
         {{"duration", "four minutes", "White House", NULL}}},
        {"b",
         "Bravo Radio",
         "2024-05-01",
         "Port Haven",
         {{"duration", "four minutes", "WHITE HOUSE", NULL}}},
        {"c",
         "Charlie Times",
         "2024-05-01",
         "Port Haven",
         {{"duration", "four minutes", "a Kremlin aide", NULL}}},
    };
    expect_origins(house, NDOCS(house), "duration", "240", "Kremlin | WHITE HOUSE");
}
END_TEST

START_TEST(test_persons_across_sources)
{
    /* a title and the surname alone; diacritics; "Halvorsen" with the one
     * full name it matches */
    static const document docs[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         "Port Haven",
         {{"deaths", "9", "Interior Minister Oduya", NULL},
          {"statement", "the pension age will rise", "Márta Kovács-Lind", NULL},
          {"count", "312", "Captain Rune Halvorsen", NULL}}},
        {"b",
         "Bravo Radio",
         "2024-05-01",
         "Port Haven",
         {{"deaths", "9", "Oduya", NULL},
          {"statement", "the pension age will rise", "Marta Kovacs-Lind", NULL},
          {"count", "312", "Halvorsen", NULL}}},
    };
    expect_origins(docs, NDOCS(docs), "deaths", "9", "Oduya");
    expect_origins(docs, NDOCS(docs), "statement", "the pension age will rise",
                   "Marta Kovacs-Lind");
    expect_origins(docs, NDOCS(docs), "count", "312", "Halvorsen");
    /* "Varga" matches two Vargas: it stays apart from both */
    static const document vargas[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         "Port Haven",
         {{"statement", "talks will go on", "Liesel Varga", NULL}}},
        {"b",
         "Bravo Radio",
         "2024-05-01",
         "Port Haven",
         {{"statement", "talks will go on", "Henrik Varga", NULL}}},
        {"c",
         "Charlie Times",
         "2024-05-01",
         "Port Haven",
         {{"statement", "talks will go on", "Varga", NULL}}},
    };
    expect_origins(vargas, NDOCS(vargas), "statement", "talks will go on",
                   "Henrik Varga | Liesel Varga | Varga");
}
END_TEST

START_TEST(test_institutions_of_the_story)
{
    /* "a spokesman at the city's main hospital" and "the main hospital":
     * the hospital of the story, not the spokesman */
    static const document hospital[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         "Port Haven",
         {{"injured", "12", "a spokesman at the city's main hospital", NULL}}},
        {"b",
         "Bravo Radio",
         "2024-05-01",
         "Port Haven",
         {{"injured", "12", "the main hospital", NULL}}},
        {"c",
         "Charlie Times",
         "2024-05-01",
         "Port Haven",
         {{"injured", "12", "a spokeswoman for the main hospital", NULL}}},
    };
    expect_origins(hospital, NDOCS(hospital), "injured", "12", "main hospital");
    /* "Ardenia's Foreign Ministry" is the story's Foreign Ministry in a story
     * set in Kessel Bay, Ardenia */
    static const document ardenia[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         "Kessel Bay, Ardenia",
         {{"statement", "the pipeline was not discussed", "Ardenia's Foreign Ministry", NULL}}},
        {"b",
         "Bravo Radio",
         "2024-05-01",
         "Kessel Bay, Ardenia",
         {{"statement", "the pipeline was not discussed", "a spokeswoman for the Foreign Ministry",
           NULL}}},
        {"c",
         "Charlie Times",
         "2024-05-01",
         "Kessel Bay, Ardenia",
         {{"statement", "the pipeline was not discussed", "the Foreign Ministry", NULL}}},
    };
    expect_origins(ardenia, NDOCS(ardenia), "statement", "the pipeline was not discussed",
                   "Foreign Ministry");
    /* without the story's place, or in a story elsewhere, whose Foreign
     * Ministry it is cannot be told: two origins */
    static const document nowhere[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         NULL,
         {{"statement", "the pipeline was not discussed", "Ardenia's Foreign Ministry", NULL}}},
        {"b",
         "Bravo Radio",
         "2024-05-01",
         NULL,
         {{"statement", "the pipeline was not discussed", "the Foreign Ministry", NULL}}},
    };
    expect_origins(nowhere, NDOCS(nowhere), "statement", "the pipeline was not discussed",
                   "Ardenia's Foreign Ministry | Foreign Ministry");
    static const document elsewhere[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         "Port Alder, Valdoria",
         {{"statement", "the pipeline was not discussed", "Ardenia's Foreign Ministry", NULL}}},
        {"b",
         "Bravo Radio",
         "2024-05-01",
         "Port Alder, Valdoria",
         {{"statement", "the pipeline was not discussed", "the Foreign Ministry", NULL}}},
    };
    expect_origins(elsewhere, NDOCS(elsewhere), "statement", "the pipeline was not discussed",
                   "Ardenia's Foreign Ministry | Foreign Ministry");
    /* two owners among the story's places: the bare ministry is neither */
    static const document both[] = {
        {"a",
         "Alpha Post",
         "2024-05-01",
         "Kessel Bay, Ardenia",
         {{"statement", "the pipeline was not discussed", "Ardenia's Foreign Ministry", NULL}}},
        {"b",
         "Bravo Radio",
         "2024-05-01",
         "Kessel Bay, Ardenia",
         {{"statement", "the pipeline was not discussed", "Kessel Bay's Foreign Ministry", NULL}}},
        {"c",
         "Charlie Times",
         "2024-05-01",
         "Kessel Bay, Ardenia",
         {{"statement", "the pipeline was not discussed", "the Foreign Ministry", NULL}}},
    };
    expect_origins(both, NDOCS(both), "statement", "the pipeline was not discussed",
                   "Ardenia's Foreign Ministry | Foreign Ministry | Kessel Bay's Foreign Ministry");
}
END_TEST

static Suite *origin_suite(void)
{
    Suite *s = suite_create("origin");
    TCase *t = tcase_create("attribution");
    tcase_add_test(t, test_attribution_readings);
    suite_add_tcase(s, t);
    t = tcase_create("origins");
    tcase_add_test(t, test_unnamed_of_own_outlet);
    tcase_add_test(t, test_wire_copy_keeps_wire_origin);
    tcase_add_test(t, test_named_across_sources);
    tcase_add_test(t, test_persons_across_sources);
    tcase_add_test(t, test_institutions_of_the_story);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return run_suite(origin_suite()); }

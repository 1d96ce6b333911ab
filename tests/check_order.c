/* check_order.c - the report depends on the content only (issue 10, section
 * 4): the same documents, loaded in several orders with their subjects and
 * claims shuffled, reconciled and rendered with 1 to 4 threads, give the
 * same bytes in every format (JSON, text, CSV, HTML). Corpora: the seed
 * corpus, each story of tests/data/stories, a generated corpus
 * (bench/claims_gen.c) and outlets that attribute figures to unnamed
 * officials, among them a wire story and its reprint.
 *
 * What docs/report.md says follows the input order is compared as a set
 * rather than in place: the list of sources (load order) and the notes (in
 * load order). Where claims were shuffled, the positions that name where a
 * claim stands in its document (line, column, a note's claim number) are
 * masked. Every other byte is compared in place. */
#define _POSIX_C_SOURCE 200809L /* strdup, strndup */

#include "check_helpers.h"

#include "claims_gen.h"

#include <jansson.h>

#include <dirent.h>

/* ---- documents ----------------------------------------------------------------------- */

typedef struct doc {
    char *name; /* what load errors and notes call it: its path */
    char *text; /* the document as written */
    json_t *json;
} doc;

typedef struct corpus {
    doc *docs;
    size_t n, cap;
} corpus;

static void add_doc(corpus *c, const char *name, const char *text, size_t len)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 8;
        c->docs = realloc(c->docs, c->cap * sizeof *c->docs);
        ck_assert_ptr_nonnull(c->docs);
    }
    json_error_t jerr;
    json_t *j = json_loadb(text, len, 0, &jerr);
    ck_assert_msg(j != NULL, "%s: %s", name, jerr.text);
    doc *d = &c->docs[c->n++];
    d->name = strdup(name);
    d->text = strndup(text, len);
    d->json = j;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot read %s", path);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

static void add_file(corpus *c, const char *path)
{
    size_t len;
    char *text = read_all(path, &len);
    add_doc(c, path, text, len);
    free(text);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The claims documents of a story folder (not expected.json), by name. */
static void add_story(corpus *c, const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    char *names[64];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64) {
        size_t len = strlen(e->d_name);
        if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0 &&
            strcmp(e->d_name, "expected.json") != 0)
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        add_file(c, path);
        free(names[i]);
    }
    ck_assert_uint_ge(n, 2);
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->docs[i].name);
        free(c->docs[i].text);
        json_decref(c->docs[i].json);
    }
    free(c->docs);
}

/* ---- loading in an order ---------------------------------------------------------------- */

static unsigned next_rand(uint64_t *state, size_t n)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((*state >> 33) % n);
}

/* Shuffles the elements of a JSON array in place. */
static void shuffle_array(json_t *a, uint64_t *state)
{
    size_t n = json_array_size(a);
    for (size_t i = n; i > 1; i--) {
        size_t j = next_rand(state, i);
        json_t *x = json_incref(json_array_get(a, i - 1));
        json_t *y = json_incref(json_array_get(a, j));
        json_array_set_new(a, i - 1, y);
        json_array_set_new(a, j, x);
    }
}

/* One way of loading a corpus: the documents in some order, their subjects
 * and claims shuffled or as written, with some number of threads. */
typedef struct variant {
    const char *what;
    uint64_t seed; /* 0: documents in their order, as written */
    bool shuffle_claims;
    unsigned threads;
} variant;

static const variant VARIANTS[] = {
    {"as written, 1 thread", 0, false, 1},
    {"documents reversed, claims shuffled, 2 threads", 1, true, 2},
    {"documents shuffled, claims as written, 3 threads", 7, false, 3},
    {"documents and claims shuffled, 4 threads", 12345, true, 4},
    {"documents and claims shuffled again, 1 thread", 99, true, 1},
};

static claims_store *load(const corpus *c, const variant *v)
{
    claims_store *st;
    ck_assert_int_eq(claims_store_new(&st, NULL), CLAIMS_OK);
    size_t *order = malloc(c->n * sizeof *order);
    uint64_t state = v->seed;
    for (size_t i = 0; i < c->n; i++)
        order[i] = v->seed == 1 ? c->n - 1 - i : i;
    for (size_t i = c->n; v->seed > 1 && i > 1; i--) {
        size_t j = next_rand(&state, i), t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    for (size_t k = 0; k < c->n; k++) {
        const doc *d = &c->docs[order[k]];
        char *text = d->text;
        if (v->shuffle_claims) {
            json_t *copy = json_deep_copy(d->json);
            /* a claim without an id is named by its place ("c3"): the copy
             * keeps that name, as its identity */
            json_t *claims = json_object_get(copy, "claims");
            for (size_t i = 0; i < json_array_size(claims); i++) {
                json_t *cl = json_array_get(claims, i);
                char id[32];
                snprintf(id, sizeof id, "c%zu", i + 1);
                if (json_is_object(cl) && !json_object_get(cl, "id"))
                    json_object_set_new(cl, "id", json_string(id));
            }
            shuffle_array(json_object_get(copy, "subjects"), &state);
            shuffle_array(json_object_get(copy, "claims"), &state);
            text = json_dumps(copy, JSON_INDENT(1));
            json_decref(copy);
        }
        claims_error err;
        int rc = claims_store_load_buffer(st, text, strlen(text), S(d->name), NULL, NULL, &err);
        ck_assert_msg(rc == CLAIMS_OK, "%s:%d:%d: %s", d->name, err.line, err.column, err.text);
        if (text != d->text)
            free(text);
    }
    free(order);
    return st;
}

/* ---- rendering and comparing ------------------------------------------------------------ */

typedef struct out {
    char *buf;
    size_t len, cap;
} out;

static int collect(void *payload, const char *data, size_t len)
{
    out *o = payload;
    if (o->len + len + 1 > o->cap) {
        o->cap = 2 * (o->len + len + 1);
        o->buf = realloc(o->buf, o->cap);
        if (!o->buf)
            return 1;
    }
    memcpy(o->buf + o->len, data, len);
    o->len += len;
    o->buf[o->len] = '\0';
    return 0;
}

static char *render(const claims_result *r, claims_render_format f, unsigned threads)
{
    claims_render_options opts = CLAIMS_RENDER_OPTIONS_INIT;
    opts.threads = threads;
    opts.chunk_size = 4096; /* several pieces, so that batching is exercised */
    out o = {NULL, 0, 0};
    claims_error err;
    ck_assert_int_eq(claims_result_write(r, f, &opts, collect, &o, &err), CLAIMS_OK);
    return o.buf ? o.buf : strdup("");
}

static const char *const FORMAT_NAMES[] = {"JSON", "text", "HTML", "CSV"};

/* Positions of claims in their documents, which shuffling claims changes
 * (JSON `"line": 12`, `"column": 5`, a note's `"claim": 33`; text
 * `file:12:5:`): their digits become '#'. */
static char *mask_digits(char *d)
{
    char *e = d;
    while (*e >= '0' && *e <= '9')
        e++;
    if (e > d) {
        *d = '#';
        memmove(d + 1, e, strlen(e) + 1);
    }
    return d;
}

static void mask_positions(char *s, claims_render_format f)
{
    static const char *const KEYS[] = {"\"line\": ", "\"column\": ", "\"claim\": "};
    if (f == CLAIMS_RENDER_JSON) {
        for (size_t k = 0; k < 3; k++)
            for (char *p = strstr(s, KEYS[k]); p; p = strstr(p + 1, KEYS[k]))
                mask_digits(p + strlen(KEYS[k]));
    } else if (f == CLAIMS_RENDER_TEXT) {
        for (char *p = strchr(s, ':'); p; p = strchr(p + 1, ':'))
            mask_digits(p + 1);
    }
}

/* Lines of a report: those in place, and those compared as a set. */
typedef struct lines {
    char **in_place, **as_set;
    size_t n_place, n_set;
} lines;

static void push(char ***v, size_t *n, char *s)
{
    /* grown by doubling; checked without ck_assert, which writes to
     * Check's pipe on every call (millions of lines) */
    if ((*n & (*n - 1)) == 0) {
        *v = realloc(*v, (*n ? 2 * *n : 1) * sizeof **v);
        if (!*v)
            ck_abort_msg("out of memory");
    }
    (*v)[(*n)++] = s;
}

/* A line compared as a set: without the comma that ends all but the last
 * element of a JSON array. */
static char *element(const char *line)
{
    char *s = strdup(line);
    size_t n = strlen(s);
    if (n && s[n - 1] == ',')
        s[n - 1] = '\0';
    return s;
}

/* The rows of the HTML table of sources, sorted, as one line. */
static char *sorted_rows(const char *line)
{
    const char *body = strstr(line, "<tbody>"), *end = body ? strstr(body, "</tbody>") : NULL;
    if (!body || !end)
        return strdup(line);
    char *rows[4096];
    size_t n = 0;
    for (const char *p = body + 7; p < end && n < 4096;) {
        const char *q = strstr(p, "</tr>");
        if (!q || q > end)
            break;
        rows[n++] = strndup(p, (size_t)(q + 5 - p));
        p = q + 5;
    }
    qsort(rows, n, sizeof *rows, cmp_names);
    size_t len = (size_t)(body - line) + strlen(end) + 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(rows[i]);
    char *s = malloc(len);
    size_t at = (size_t)(body - line);
    memcpy(s, line, at);
    for (size_t i = 0; i < n; i++) {
        memcpy(s + at, rows[i], strlen(rows[i]));
        at += strlen(rows[i]);
        free(rows[i]);
    }
    strcpy(s + at, end);
    return s;
}

static lines split(const char *report, claims_render_format f, bool positions)
{
    lines L = {NULL, NULL, 0, 0};
    enum { PLACE, SOURCES, NOTES } in = PLACE;
    for (const char *p = report; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *line = strndup(p, n);
        p += n + (e != NULL);
        if (!positions)
            mask_positions(line, f);
        if (f == CLAIMS_RENDER_JSON) {
            if (in != PLACE && strncmp(line, "  ]", 3) == 0)
                in = PLACE;
            else if (in != PLACE) {
                push(&L.as_set, &L.n_set, element(line));
                free(line);
                continue;
            }
            if (strcmp(line, "  \"sources\": [") == 0)
                in = SOURCES;
            if (strcmp(line, "  \"notes\": [") == 0)
                in = NOTES;
        } else if (f == CLAIMS_RENDER_TEXT) {
            if (in == NOTES) {
                push(&L.as_set, &L.n_set, line);
                continue;
            }
            if (strcmp(line, "notes:") == 0)
                in = NOTES;
        } else if (f == CLAIMS_RENDER_HTML && strstr(line, "<table class=\"sources\">")) {
            push(&L.in_place, &L.n_place, sorted_rows(line));
            free(line);
            continue;
        }
        push(&L.in_place, &L.n_place, line);
    }
    if (L.n_set)
        qsort(L.as_set, L.n_set, sizeof *L.as_set, cmp_names);
    return L;
}

static void free_lines(lines *L)
{
    for (size_t i = 0; i < L->n_place; i++)
        free(L->in_place[i]);
    for (size_t i = 0; i < L->n_set; i++)
        free(L->as_set[i]);
    free(L->in_place);
    free(L->as_set);
}

/* Fails, naming the first difference, unless the reports match. */
static void same_report(const char *corpus_name, const variant *v, claims_render_format f,
                        const char *a, const char *b)
{
    const char *what = v->what;
    lines A = split(a, f, !v->shuffle_claims), B = split(b, f, !v->shuffle_claims);
    for (size_t i = 0; i < A.n_place || i < B.n_place; i++) {
        const char *x = i < A.n_place ? A.in_place[i] : "(end)";
        const char *y = i < B.n_place ? B.in_place[i] : "(end)";
        if (strcmp(x, y) != 0)
            ck_abort_msg("%s, %s report, %s: line %zu differs:\n  %.300s\n  %.300s", corpus_name,
                         FORMAT_NAMES[f], what, i + 1, x, y);
    }
    for (size_t i = 0; i < A.n_set || i < B.n_set; i++) {
        const char *x = i < A.n_set ? A.as_set[i] : "(end)";
        const char *y = i < B.n_set ? B.as_set[i] : "(end)";
        if (strcmp(x, y) != 0)
            ck_abort_msg("%s, %s report, %s: sources or notes differ:\n  %.300s\n  %.300s",
                         corpus_name, FORMAT_NAMES[f], what, x, y);
    }
    free_lines(&A);
    free_lines(&B);
}

/* Reconciles and renders every variant of the corpus, and compares each
 * report with the first variant's. */
static void same_in_every_order(const char *corpus_name, const corpus *c, const claims_ctx *ctx)
{
    char *first[4] = {NULL, NULL, NULL, NULL};
    for (size_t v = 0; v < sizeof VARIANTS / sizeof VARIANTS[0]; v++) {
        claims_store *st = load(c, &VARIANTS[v]);
        claims_reconcile_options opts = CLAIMS_RECONCILE_OPTIONS_INIT;
        opts.threads = VARIANTS[v].threads;
        claims_result *r;
        claims_error err;
        ck_assert_int_eq(claims_reconcile(&r, ctx, st, &opts, &err), CLAIMS_OK);
        for (int f = 0; f < 4; f++) {
            char *report = render(r, (claims_render_format)f, VARIANTS[v].threads);
            ck_assert_uint_gt(strlen(report), 0);
            if (!first[f])
                first[f] = report;
            else {
                same_report(corpus_name, &VARIANTS[v], (claims_render_format)f, first[f], report);
                free(report);
            }
        }
        claims_result_free(r);
        claims_store_free(st);
    }
    for (int f = 0; f < 4; f++)
        free(first[f]);
}

/* ---- the corpora ------------------------------------------------------------------------- */

START_TEST(test_seed_corpus)
{
    const char *dir = getenv("CLAIMS_CORPUS_DIR");
    ck_assert_ptr_nonnull(dir);
    static const char *const files[] = {"000_cbs.json", "001_dailymail.json", "002_wsj.json",
                                        "003_business_standard.json"};
    corpus c = {NULL, 0, 0};
    for (size_t i = 0; i < 4; i++) {
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        add_file(&c, path);
    }
    /* the fourth source of the APEC talks ("a Kremlin aide") too */
    const char *data = getenv("CLAIMS_TEST_DATA");
    ck_assert_ptr_nonnull(data);
    char path[2048];
    snprintf(path, sizeof path, "%s/apec_fourth_source.json", data);
    add_file(&c, path);
    claims_ctx *ctx = seed_ctx();
    same_in_every_order("seed corpus", &c, ctx);
    claims_ctx_free(ctx);
    free_corpus(&c);
}
END_TEST

START_TEST(test_stories)
{
    const char *data = getenv("CLAIMS_TEST_DATA");
    ck_assert_ptr_nonnull(data);
    static const char *const stories[] = {"aurora-belle-ferry-fire", "esterra-election-debates",
                                          "kessel-bay-talks", "marrow-valley-earthquake"};
    for (size_t i = 0; i < sizeof stories / sizeof stories[0]; i++) {
        char dir[2048];
        snprintf(dir, sizeof dir, "%s/stories/%s", data, stories[i]);
        corpus c = {NULL, 0, 0};
        add_story(&c, dir);
        same_in_every_order(stories[i], &c, NULL);
        free_corpus(&c);
    }
}
END_TEST

/* Outlets quoting unnamed officials: each its own origin, a reprint of the
 * wire the wire's; the old cache by wording named them all after whichever
 * outlet came first. */
#define ANON_DOC(id, outlet, published, claims)                                                 \
    "{\"source\": {\"id\": \"" id "\", \"outlet\": \"" outlet "\", \"published\": \"" published \
    "\"}, \"subjects\": [{\"id\": \"fire\", \"type\": \"event\", \"label\": \"the warehouse "   \
    "fire\"}], \"claims\": [{\"id\": \"p\", \"subject\": \"fire\", \"attribute\": \"place\", "  \
    "\"value\": \"Port Haven\"}, {\"id\": \"d\", \"subject\": \"fire\", \"attribute\": "        \
    "\"date\", \"value\": \"2024-05-01\"}, {\"id\": \"o\", \"subject\": \"fire\", "             \
    "\"attribute\": \"occasion\", \"value\": \"the warehouse fire\"}, " claims "]}"
#define ANON_CLAIM(id, attr, value, who, quote)                                                    \
    "{\"id\": \"" id "\", \"subject\": \"fire\", \"attribute\": \"" attr "\", \"value\": \"" value \
    "\", \"attribution\": [\"" who "\"], \"quote\": {\"text\": \"" quote "\"}}"
#define WIRE_TEXT                                                                           \
    "Firefighters battled the blaze at the harbour warehouse for most of the night before " \
    "bringing it under control shortly after dawn on Wednesday"

static const char *const ANON[] = {
    ANON_DOC("wire-2024-05-01-fire", "Harbour Press Agency", "2024-05-01T08:00:00Z",
             ANON_CLAIM("c1", "deaths", "7", "officials", WIRE_TEXT) "," ANON_CLAIM(
                 "c2", "injured", "12", "a spokesman at the city's main hospital", "")),
    ANON_DOC("reprint-2024-05-01-fire", "The Evening Lantern", "2024-05-01T12:00:00Z",
             ANON_CLAIM("c1", "deaths", "7", "officials", WIRE_TEXT) "," ANON_CLAIM(
                 "c2", "injured", "12", "a spokesman at the city's main hospital", "")),
    ANON_DOC("local-2024-05-01-fire", "Port Haven Courier", "2024-05-01T10:00:00Z",
             ANON_CLAIM("c1", "deaths", "7", "officials",
                        "seven people died, officials said") "," ANON_CLAIM("c2", "injured", "12",
                                                                            "the main hospital",
                                                                            "")),
    ANON_DOC("radio-2024-05-02-fire", "Radio Haven", "2024-05-02",
             ANON_CLAIM("c1", "deaths", "9", "according to sources", "nine dead") "," ANON_CLAIM(
                 "c2", "deaths", "7", "a spokesman", "seven, a spokesman said")),
};

START_TEST(test_unnamed_officials)
{
    corpus c = {NULL, 0, 0};
    for (size_t i = 0; i < sizeof ANON / sizeof ANON[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "anon-%zu.json", i);
        add_doc(&c, name, ANON[i], strlen(ANON[i]));
    }
    same_in_every_order("unnamed officials", &c, NULL);
    free_corpus(&c);
}
END_TEST

START_TEST(test_generated_corpus)
{
    gen_params p = GEN_PARAMS_INIT;
    p.claims = 20000;
    p.events = 2000;
    p.sources = 60;
    p.persons = 300;
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    char msg[256];
    gen_stats stats;
    ck_assert_msg(gen_write(&p, f, NULL, &stats, msg, sizeof msg) == 0, "%s", msg);
    long size = ftell(f);
    ck_assert_int_gt(size, 0);
    rewind(f);
    char *text = malloc((size_t)size + 1);
    ck_assert_uint_eq(fread(text, 1, (size_t)size, f), (size_t)size);
    text[size] = '\0';
    fclose(f);
    corpus c = {NULL, 0, 0};
    for (char *line = text; *line;) { /* one document per line */
        char *e = strchr(line, '\n');
        size_t n = e ? (size_t)(e - line) : strlen(line);
        if (n)
            add_doc(&c, "generated.jsonl", line, n);
        line += n + (e != NULL);
    }
    free(text);
    ck_assert_uint_eq(c.n, p.sources);
    claims_ctx *ctx;
    claims_error err;
    ck_assert_int_eq(claims_ctx_new(&ctx, NULL), CLAIMS_OK);
    ck_assert_int_eq(claims_ctx_load_schema(ctx, GEN_SCHEMA, strlen(GEN_SCHEMA), S("gen"), &err),
                     CLAIMS_OK);
    same_in_every_order("generated corpus", &c, ctx);
    claims_ctx_free(ctx);
    free_corpus(&c);
}
END_TEST

static Suite *order_suite(void)
{
    Suite *s = suite_create("order");
    const struct {
        const char *name;
        const TTest *test;
    } cases[] = {{"seed", test_seed_corpus},
                 {"stories", test_stories},
                 {"unnamed", test_unnamed_officials},
                 {"generated", test_generated_corpus}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TCase *t = tcase_create(cases[i].name); /* CK_RUN_CASE=stories runs one */
        tcase_set_timeout(t, 600);
        tcase_add_test(t, cases[i].test);
        suite_add_tcase(s, t);
    }
    return s;
}

int main(void) { return run_suite(order_suite()); }

/* names.c - the name-matching suites:
 *   jellyfish.jaro, jellyfish.jaro_winkler: jellyfish's test vectors,
 *     compared to 3 decimals as upstream does;
 *   rigour.person_prefixes: each PERSON_NAME_PREFIXES entry of rigour's
 *     stopwords.yml, written before "John Smith", must be stripped;
 *   book.gold_authors: each gold author list of the Book data set parses
 *     into as many persons as it has ';' items;
 *   book.source_equals_gold (informative, no target): how many gold books
 *     have at least one source whose author list is EQUAL to the gold one;
 *   nicknames.loaded: carltonnorthern/nicknames' names.csv loaded through
 *     claims_ctx_load_nicknames(); each pair, written as two persons of one
 *     surname, must compare equal or compatible;
 *   nicknames.builtin (informative, no target): the same pairs without the
 *     file, through the built-in table alone. */
#include "conformance.h"

#include "claims.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static conf_result *next_result(conf_result *out, size_t *n, size_t cap, const char *name,
                                double target)
{
    if (*n >= cap)
        return NULL;
    conf_result *r = &out[(*n)++];
    memset(r, 0, sizeof *r);
    r->name = name;
    r->target = target;
    return r;
}

static void jaro_suite(const char *anchors, const char *file, bool winkler, conf_result *r)
{
    char path[1024];
    conf_path(path, sizeof path, anchors, file);
    char *data = conf_read_file(path, NULL);
    if (!data) {
        r->missing = true;
        return;
    }
    char *cur = data, *line;
    while ((line = conf_next_line(&cur)) != NULL) {
        if (!*line)
            continue;
        char *f[4];
        if (conf_split_csv(line, f, 4) != 3)
            continue;
        double want = strtod(f[2], NULL);
        double got = 0.0;
        int rc = winkler ? claims_jaro_winkler(&got, f[0], strlen(f[0]), f[1], strlen(f[1]))
                         : claims_jaro(&got, f[0], strlen(f[0]), f[1], strlen(f[1]));
        r->total++;
        /* upstream: assertAlmostEqual(..., places=3) */
        if (rc == CLAIMS_OK && fabs(got - want) < 0.0005) {
            r->passed++;
        } else {
            char why[64];
            if (rc != CLAIMS_OK)
                snprintf(why, sizeof why, "failed: %s", claims_strerror(rc));
            else
                snprintf(why, sizeof why, "got %.4f, want %.3f", got, want);
            conf_fail(r, f[0], why);
        }
    }
    free(data);
}

/* Entries of the YAML list PERSON_NAME_PREFIXES: lines "  - X" or
 * '  - "X"' up to the next top-level key; comments skipped. */
static void prefixes_suite(const char *anchors, conf_result *r)
{
    char path[1024];
    conf_path(path, sizeof path, anchors, "names/rigour/stopwords.yml");
    char *data = conf_read_file(path, NULL);
    if (!data) {
        r->missing = true;
        return;
    }
    claims_value *v;
    if (claims_value_new(&v) != CLAIMS_OK) {
        free(data);
        return;
    }
    bool inside = false;
    char *cur = data, *line;
    while ((line = conf_next_line(&cur)) != NULL) {
        if (line[0] != ' ' && line[0] != '#' && line[0] != '\0') {
            inside = strncmp(line, "PERSON_NAME_PREFIXES:", 21) == 0;
            continue;
        }
        char *p = line;
        while (*p == ' ')
            p++;
        if (!inside || p[0] != '-' || p[1] != ' ')
            continue;
        p += 2;
        while (*p == ' ')
            p++;
        char *end;
        if (*p == '"') {
            p++;
            end = strchr(p, '"');
        } else {
            end = strstr(p, " #");
            if (!end)
                end = p + strlen(p);
            while (end > p && end[-1] == ' ')
                end--;
        }
        if (!end || end == p)
            continue;
        *end = '\0';
        char input[256];
        snprintf(input, sizeof input, "%s John Smith", p);
        r->total++;
        int rc = claims_value_parse(v, NULL, CLAIMS_TYPE_PERSON, input, strlen(input), NULL, NULL);
        const char *got = claims_value_normalized(v);
        if (rc == CLAIMS_OK && strcmp(got, "john smith") == 0)
            r->passed++;
        else
            conf_fail(r, input, rc == CLAIMS_OK ? got : "parse error");
    }
    claims_value_free(v);
    free(data);
}

/* ---- the Book data set (anchors/../fusion/book) ----------------------------- */

typedef struct gold_book {
    char *isbn;
    claims_value *value;
    bool source_equal;
} gold_book;

static size_t gold_items(const char *list)
{
    size_t n = 0;
    const char *p = list;
    while (*p) {
        const char *semi = strchr(p, ';');
        size_t len = semi ? (size_t)(semi - p) : strlen(p);
        bool content = false;
        for (size_t i = 0; i < len; i++)
            content = content || (p[i] != ' ' && p[i] != '\t');
        n += content;
        p += len + (semi ? 1 : 0);
    }
    return n;
}

static void book_suites(const char *anchors, conf_result *gold, conf_result *sources)
{
    char gpath[1024], cpath[1024];
    snprintf(gpath, sizeof gpath, "%s/../fusion/book/ground_truth/book.txt", anchors);
    snprintf(cpath, sizeof cpath, "%s/../fusion/book/conflicting_data/book.txt", anchors);
    char *gdata = conf_read_file(gpath, NULL);
    char *cdata = gdata ? conf_read_file(cpath, NULL) : NULL;
    if (!gdata || !cdata) {
        gold->missing = sources->missing = true;
        free(gdata);
        return;
    }
    gold_book books[128];
    size_t nbooks = 0;
    char *cur = gdata, *line;
    while ((line = conf_next_line(&cur)) != NULL && nbooks < 128) {
        char *f[3];
        if (!*line || conf_split(line, '\t', f, 3) != 2)
            continue;
        gold->total++;
        gold_book *b = &books[nbooks];
        if (claims_value_new(&b->value) != CLAIMS_OK)
            break;
        b->isbn = f[0];
        b->source_equal = false;
        claims_error err;
        int rc =
            claims_value_parse(b->value, NULL, CLAIMS_TYPE_PERSONS, f[1], strlen(f[1]), NULL, &err);
        size_t want = gold_items(f[1]), got = 0;
        const char *norm = claims_value_normalized(b->value);
        if (rc == CLAIMS_OK)
            for (got = 1; (norm = strstr(norm, "; ")) != NULL; norm += 2)
                got++;
        if (rc == CLAIMS_OK && got == want) {
            gold->passed++;
        } else {
            char why[300];
            snprintf(why, sizeof why, "%zu persons, want %zu: %s", got, want,
                     rc == CLAIMS_OK ? claims_value_normalized(b->value) : err.text);
            conf_fail(gold, f[1], why);
        }
        nbooks++;
    }
    claims_value *v;
    if (claims_value_new(&v) == CLAIMS_OK) {
        cur = cdata;
        while ((line = conf_next_line(&cur)) != NULL) {
            char *f[5];
            if (conf_split(line, '\t', f, 5) != 4)
                continue;
            gold_book *b = NULL;
            for (size_t i = 0; i < nbooks && !b; i++)
                if (strcmp(books[i].isbn, f[1]) == 0)
                    b = &books[i];
            if (!b || b->source_equal ||
                claims_value_parse(v, NULL, CLAIMS_TYPE_PERSONS, f[3], strlen(f[3]), NULL, NULL) !=
                    CLAIMS_OK)
                continue;
            claims_comparison c = CLAIMS_COMPARISON_INIT;
            if (claims_value_compare(&c, NULL, v, b->value) == CLAIMS_OK &&
                c.relation == CLAIMS_RELATION_EQUAL)
                b->source_equal = true;
        }
        claims_value_free(v);
    }
    for (size_t i = 0; i < nbooks; i++) {
        sources->total++;
        if (books[i].source_equal)
            sources->passed++;
        else
            conf_fail(sources, books[i].isbn, claims_value_normalized(books[i].value));
        claims_value_free(books[i].value);
    }
    free(gdata);
    free(cdata);
}

/* ---- nicknames (names/nicknames/names.csv) ------------------------------------ */

/* Each name1,has_nickname,name2 row as "<name1> Quorrin" / "<name2> Quorrin",
 * compared with ctx (NULL: the built-in nicknames only). */
static void nickname_pairs(const char *data, size_t len, const claims_ctx *ctx, conf_result *r)
{
    char *copy = malloc(len + 1); /* the lines are cut in place */
    if (copy)
        memcpy(copy, data, len + 1);
    claims_value *a, *b;
    if (!copy || claims_value_new(&a) != CLAIMS_OK) {
        free(copy);
        return;
    }
    if (claims_value_new(&b) != CLAIMS_OK) {
        claims_value_free(a);
        free(copy);
        return;
    }
    char *cur = copy, *line;
    bool header = true;
    while ((line = conf_next_line(&cur)) != NULL) {
        char *f[4];
        if (!*line || conf_split_csv(line, f, 4) != 3)
            continue;
        if (header) {
            header = false;
            continue;
        }
        char ta[128], tb[128];
        snprintf(ta, sizeof ta, "%s Quorrin", f[0]);
        snprintf(tb, sizeof tb, "%s Quorrin", f[2]);
        r->total++;
        claims_comparison c = CLAIMS_COMPARISON_INIT;
        claims_error err;
        int rc = claims_value_parse(a, ctx, CLAIMS_TYPE_PERSON, ta, strlen(ta), NULL, &err);
        if (rc == CLAIMS_OK)
            rc = claims_value_parse(b, ctx, CLAIMS_TYPE_PERSON, tb, strlen(tb), NULL, &err);
        if (rc == CLAIMS_OK)
            rc = claims_value_compare(&c, ctx, a, b);
        if (rc == CLAIMS_OK && c.relation <= CLAIMS_RELATION_COMPATIBLE) {
            r->passed++;
        } else {
            char why[200];
            snprintf(why, sizeof why, "%s / %s: %s", ta, tb, rc == CLAIMS_OK ? c.reason : err.text);
            conf_fail(r, f[2], why);
        }
    }
    claims_value_free(a);
    claims_value_free(b);
    free(copy);
}

static void nickname_suites(const char *anchors, conf_result *loaded, conf_result *builtin)
{
    char path[1024];
    conf_path(path, sizeof path, anchors, "names/nicknames/names.csv");
    size_t len = 0;
    char *data = conf_read_file(path, &len);
    if (!data) {
        loaded->missing = builtin->missing = true;
        return;
    }
    claims_ctx *ctx = NULL;
    claims_error err;
    if (claims_ctx_new(&ctx, &err) == CLAIMS_OK &&
        claims_ctx_load_nicknames(ctx, data, len, (claims_str){path, strlen(path)},
                                  CLAIMS_NICKNAMES_HEADER, &err) == CLAIMS_OK) {
        nickname_pairs(data, len, ctx, loaded);
    } else {
        fprintf(stderr, "  %s:%d:%d: %s\n", err.source, err.line, err.column, err.text);
        loaded->total = 1; /* counted as one failure */
    }
    nickname_pairs(data, len, NULL, builtin);
    claims_ctx_free(ctx);
    free(data);
}

void conf_names(const char *anchors, conf_result *out, size_t *n, size_t cap)
{
    conf_result *r;
    if ((r = next_result(out, n, cap, "jellyfish.jaro", 1.0)) != NULL)
        jaro_suite(anchors, "names/jellyfish/testdata/jaro_distance.csv", false, r);
    if ((r = next_result(out, n, cap, "jellyfish.jaro_winkler", 1.0)) != NULL)
        jaro_suite(anchors, "names/jellyfish/testdata/jaro_winkler.csv", true, r);
    if ((r = next_result(out, n, cap, "rigour.person_prefixes", 0.95)) != NULL)
        prefixes_suite(anchors, r);
    conf_result *gold = next_result(out, n, cap, "book.gold_authors", 0.95);
    conf_result *src = gold ? next_result(out, n, cap, "book.source_equals_gold", 0.0) : NULL;
    if (gold && src)
        book_suites(anchors, gold, src);
    conf_result *loaded = next_result(out, n, cap, "nicknames.loaded", 0.95);
    conf_result *builtin = loaded ? next_result(out, n, cap, "nicknames.builtin", 0.0) : NULL;
    if (loaded && builtin)
        nickname_suites(anchors, loaded, builtin);
}

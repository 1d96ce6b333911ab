/* names.c - the name-matching suites:
 *   jellyfish.jaro, jellyfish.jaro_winkler: jellyfish's test vectors,
 *     compared to 3 decimals as upstream does;
 *   rigour.person_prefixes: each PERSON_NAME_PREFIXES entry of rigour's
 *     stopwords.yml, written before "John Smith", must be stripped;
 *   book.gold_authors: each gold author list of the Book data set parses
 *     into as many persons as it has ';' items;
 *   book.source_equals_gold (informative, no target): how many gold books
 *     have at least one source whose author list is EQUAL to the gold one. */
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
}

/*
 * gazetteer_load.c - a context's own gazetteer, from GeoNames dumps
 * (claims_ctx_load_gazetteer): the main dump format (cities500.txt,
 * allCountries.txt: 19 tab-separated columns) and admin1CodesASCII.txt
 * (4 columns). The first load replaces the built-in cities and
 * subdivisions; countries are always ISO 3166-1's (the built-in's), with the
 * dump's country rows adding names. Later loads add to it.
 *
 * The rows read are kept (flat, in one buffer), and the table is built anew
 * from all of them after each load, so that a city read before its
 * subdivision still lies in it. A load is all or nothing.
 */
#include "values/values_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A kept row in `rows`: kind byte ('C' country, 'A' subdivision, 'P'
 * city), two bytes of country code, the admin1 code, NUL, then each name
 * NUL-terminated, and one more NUL. */
struct claims__gaz_user {
    claims_buf rows;
    claims__gaz_owned table;
};

void claims__gaz_user_free(struct claims__gaz_user *u)
{
    if (!u)
        return;
    claims__buf_free(&u->rows);
    claims__gaz_owned_free(&u->table);
    free(u);
}

/* ---- reading -------------------------------------------------------------------- */

#define DUMP_COLUMNS 19
#define ADMIN1_COLUMNS 4
#define MAX_COLUMNS 24

typedef struct reader {
    const char *source;
    claims_error *err;
    long line;
    const char *text; /* the line being read */
} reader;

/* The 1-based column in characters of byte `at` of the line. */
static int column_of(const reader *r, size_t at)
{
    int col = 1;
    for (size_t i = 0; i < at; i++)
        col += ((unsigned char)r->text[i] & 0xC0) != 0x80;
    return col;
}

static int fail(reader *r, int code, size_t at, const char *what)
{
    return claims__error_set(r->err, code, r->source, (int)r->line, column_of(r, at), -1, -1, "%s",
                             what);
}

static int put_names(claims_buf *rows, const char *s, size_t n, bool split_commas)
{
    int rc = CLAIMS_OK;
    while (rc == CLAIMS_OK && n > 0) {
        const char *comma = split_commas ? memchr(s, ',', n) : NULL;
        size_t k = comma ? (size_t)(comma - s) : n;
        if (k > 0 && (rc = claims__buf_append(rows, s, k)) == CLAIMS_OK)
            rc = claims__buf_putc(rows, '\0');
        s += comma ? k + 1 : k;
        n -= comma ? k + 1 : k;
    }
    return rc;
}

static bool upper2(const char *s, size_t n)
{
    return n == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

/* One line of the dump or of admin1CodesASCII.txt into rows. */
static int read_line(reader *r, claims_buf *rows, char *line, size_t len, bool admin1)
{
    size_t bad = 0;
    if (claims__utf8_check(line, len, &bad) != CLAIMS_OK)
        return fail(r, CLAIMS_ENCODING, bad, "invalid UTF-8");
    const char *col[MAX_COLUMNS];
    size_t at[MAX_COLUMNS], clen[MAX_COLUMNS], n = 0;
    for (size_t i = 0, start = 0; i <= len && n < MAX_COLUMNS; i++)
        if (i == len || line[i] == '\t') {
            col[n] = line + start;
            at[n] = start;
            clen[n++] = i - start;
            start = i + 1;
        }
    size_t want = admin1 ? ADMIN1_COLUMNS : DUMP_COLUMNS;
    if (n < want) {
        char msg[96];
        snprintf(msg, sizeof msg, "%zu tab-separated columns, expected %zu (%s)", n, want,
                 admin1 ? "admin1CodesASCII.txt" : "GeoNames dump");
        return fail(r, CLAIMS_ESYNTAX, len, msg);
    }
    if (admin1) { /* "CC.A1 <TAB> name <TAB> asciiname <TAB> geonameid" */
        const char *dot = memchr(col[0], '.', clen[0]);
        if (!dot || !upper2(col[0], (size_t)(dot - col[0])) || dot + 1 == col[0] + clen[0])
            return fail(r, CLAIMS_ESYNTAX, 0, "the code is not COUNTRY.ADMIN1 (\"US.TX\")");
        int rc = claims__buf_putc(rows, 'A');
        if (rc == CLAIMS_OK)
            rc = claims__buf_append(rows, col[0], 2);
        if (rc == CLAIMS_OK)
            rc = claims__buf_append(rows, dot + 1, clen[0] - 3);
        if (rc == CLAIMS_OK)
            rc = claims__buf_putc(rows, '\0');
        if (rc == CLAIMS_OK)
            rc = put_names(rows, col[1], clen[1], false);
        if (rc == CLAIMS_OK)
            rc = put_names(rows, col[2], clen[2], false);
        return rc == CLAIMS_OK ? claims__buf_putc(rows, '\0') : rc;
    }
    for (size_t i = 0; i < clen[0]; i++)
        if (col[0][i] < '0' || col[0][i] > '9')
            return fail(r, CLAIMS_ESYNTAX, 0, "the geonameid is not a number");
    if (clen[0] == 0)
        return fail(r, CLAIMS_ESYNTAX, 0, "the geonameid is not a number");
    if (clen[6] > 1)
        return fail(r, CLAIMS_ESYNTAX, at[6], "the feature class is not one letter");
    if (clen[8] != 0 && !upper2(col[8], clen[8]))
        return fail(r, CLAIMS_ESYNTAX, at[8], "the country code is not two capital letters");
    char kind = 0;
    if (clen[6] == 1 && col[6][0] == 'P')
        kind = 'P';
    else if (clen[6] == 1 && col[6][0] == 'A' && clen[7] == 4 && memcmp(col[7], "ADM1", 4) == 0)
        kind = 'A';
    else if (clen[6] == 1 && col[6][0] == 'A' && clen[7] >= 3 && memcmp(col[7], "PCL", 3) == 0)
        kind = 'C';
    if (!kind || clen[8] == 0 || (kind == 'A' && clen[10] == 0))
        return CLAIMS_OK; /* other features (rivers, hotels...) and no country */
    int rc = claims__buf_putc(rows, kind);
    if (rc == CLAIMS_OK)
        rc = claims__buf_append(rows, col[8], 2);
    if (rc == CLAIMS_OK)
        rc = claims__buf_append(rows, col[10], kind == 'C' ? 0 : clen[10]);
    if (rc == CLAIMS_OK)
        rc = claims__buf_putc(rows, '\0');
    if (rc == CLAIMS_OK)
        rc = put_names(rows, col[1], clen[1], false);
    if (rc == CLAIMS_OK)
        rc = put_names(rows, col[2], clen[2], false);
    if (rc == CLAIMS_OK)
        rc = put_names(rows, col[3], clen[3], true);
    return rc == CLAIMS_OK ? claims__buf_putc(rows, '\0') : rc;
}

static int read_file(reader *r, FILE *f, claims_buf *rows, bool admin1)
{
    claims_buf line;
    claims__buf_init(&line);
    char chunk[4096];
    int rc = CLAIMS_OK;
    bool more = true;
    while (rc == CLAIMS_OK && more) {
        claims__buf_clear(&line);
        more = false;
        while (fgets(chunk, sizeof chunk, f)) {
            size_t n = strlen(chunk);
            if (n == 0 || (n + 1 < sizeof chunk && !feof(f) && chunk[n - 1] != '\n')) {
                /* a NUL inside the line: fgets stopped early */
                r->line++;
                r->text = line.data ? line.data : "";
                return fail(r, CLAIMS_ENCODING, line.len + n, "NUL byte");
            }
            if ((rc = claims__buf_append(&line, chunk, n)) != CLAIMS_OK)
                break;
            more = true;
            if (line.data[line.len - 1] == '\n')
                break;
        }
        if (!more || rc != CLAIMS_OK)
            break;
        r->line++;
        size_t len = line.len;
        while (len && (line.data[len - 1] == '\n' || line.data[len - 1] == '\r'))
            len--;
        line.data[len] = '\0';
        r->text = line.data;
        if (len == 0 || line.data[0] == '#')
            continue; /* blank lines and comments (admin1 files have none) */
        rc = read_line(r, rows, line.data, len, admin1);
    }
    if (rc == CLAIMS_OK && ferror(f))
        rc =
            claims__error_set(r->err, CLAIMS_EIO, r->source, (int)r->line, 0, -1, -1, "read error");
    claims__buf_free(&line);
    return rc;
}

/* ---- building the table ------------------------------------------------------------ */

/* The built-in country with this alpha-2 code ("pe"), or CLAIMS__GAZ_NONE. */
static uint32_t builtin_country(const char *cc)
{
    const claims__gazetteer *g = &claims__gazetteer_builtin;
    char key[3] = {(char)(cc[0] | 0x20), (char)(cc[1] | 0x20), 0};
    uint32_t first, n = claims__gaz_find(g, key, 2, &first);
    for (uint32_t i = first; i < first + n; i++)
        if (claims__gaz_kind_of(g, g->names[i].place) == CLAIMS__GAZ_COUNTRY)
            return g->names[i].place;
    return CLAIMS__GAZ_NONE;
}

typedef struct build {
    claims__gaz_builder b;
    claims_strmap countries; /* "CC" -> place */
    claims_strmap admin1;    /* "CC.A1"-style key (cc + code) -> place */
    claims_arena arena;
} build;

/* The place of country cc (made, with the built-in's names, when new). */
static int country_place(build *B, const char *cc, uint32_t *out)
{
    size_t v;
    if (claims__strmap_get(&B->countries, cc, 2, &v)) {
        *out = (uint32_t)v;
        return CLAIMS_OK;
    }
    int rc = claims__gazb_place(&B->b, CLAIMS__GAZ_COUNTRY, CLAIMS__GAZ_NONE, out);
    const claims__gazetteer *g = &claims__gazetteer_builtin;
    uint32_t bp = builtin_country(cc);
    if (rc == CLAIMS_OK && bp != CLAIMS__GAZ_NONE) {
        /* its primary name first, then the others */
        const char *primary = g->pool + g->places[bp].name;
        rc = claims__gazb_name(&B->b, *out, primary, strlen(primary));
        for (uint32_t i = 0; i < g->name_count && rc == CLAIMS_OK; i++)
            if (g->names[i].place == bp) {
                const char *k = g->pool + g->names[i].key;
                rc = claims__gazb_name(&B->b, *out, k, strlen(k));
            }
    } else if (rc == CLAIMS_OK) {
        char code[2] = {(char)(cc[0] | 0x20), (char)(cc[1] | 0x20)};
        rc = claims__gazb_name(&B->b, *out, code, 2);
    }
    char *key = claims__arena_alloc(&B->arena, 2);
    if (rc == CLAIMS_OK && !key)
        rc = CLAIMS_ENOMEM;
    if (rc == CLAIMS_OK) {
        memcpy(key, cc, 2);
        rc = claims__strmap_put(&B->countries, key, 2, *out);
    }
    return rc;
}

static int add_names(build *B, uint32_t place, const char *names)
{
    int rc = CLAIMS_OK;
    for (const char *p = names; *p && rc == CLAIMS_OK; p += strlen(p) + 1)
        rc = claims__gazb_name(&B->b, place, p, strlen(p));
    return rc;
}

/* Walks the kept rows of one kind: fn(B, cc, admin1, names). */
static int each_row(build *B, const claims_buf *rows, char kind,
                    int (*fn)(build *, const char *, const char *, const char *))
{
    int rc = CLAIMS_OK;
    const char *p = rows->data, *end = rows->data + rows->len;
    while (p && p < end && rc == CLAIMS_OK) {
        char k = p[0];
        const char *cc = p + 1, *a1 = p + 3, *names = a1 + strlen(a1) + 1, *q = names;
        while (*q)
            q += strlen(q) + 1;
        if (k == kind)
            rc = fn(B, cc, a1, names);
        p = q + 1;
    }
    return rc;
}

static int row_country(build *B, const char *cc, const char *a1, const char *names)
{
    (void)a1;
    uint32_t place;
    int rc = country_place(B, cc, &place);
    return rc == CLAIMS_OK ? add_names(B, place, names) : rc;
}

/* The admin1 map's key: cc and code, in the arena when it must stay. */
static int row_admin1(build *B, const char *cc, const char *a1, const char *names)
{
    uint32_t country, place;
    int rc = country_place(B, cc, &country);
    size_t n = strlen(a1) + 2, v;
    char *key = claims__arena_alloc(&B->arena, n);
    if (rc == CLAIMS_OK && !key)
        rc = CLAIMS_ENOMEM;
    if (rc != CLAIMS_OK)
        return rc;
    memcpy(key, cc, 2);
    memcpy(key + 2, a1, n - 2);
    if (claims__strmap_get(&B->admin1, key, n, &v)) /* in two files: one place */
        return add_names(B, (uint32_t)v, names);
    rc = claims__gazb_place(&B->b, CLAIMS__GAZ_SUBDIVISION, country, &place);
    if (rc == CLAIMS_OK)
        rc = claims__strmap_put(&B->admin1, key, n, place);
    return rc == CLAIMS_OK ? add_names(B, place, names) : rc;
}

static int row_city(build *B, const char *cc, const char *a1, const char *names)
{
    uint32_t parent, place;
    int rc = country_place(B, cc, &parent);
    char key[64];
    size_t n = strlen(a1) + 2, v;
    if (rc == CLAIMS_OK && n <= sizeof key) {
        memcpy(key, cc, 2);
        memcpy(key + 2, a1, n - 2);
        if (claims__strmap_get(&B->admin1, key, n, &v))
            parent = (uint32_t)v;
    }
    if (rc == CLAIMS_OK)
        rc = claims__gazb_place(&B->b, CLAIMS__GAZ_CITY, parent, &place);
    return rc == CLAIMS_OK ? add_names(B, place, names) : rc;
}

static int rebuild(struct claims__gaz_user *u)
{
    build B;
    claims__gazb_init(&B.b);
    claims__strmap_init(&B.countries);
    claims__strmap_init(&B.admin1);
    claims__arena_init(&B.arena);
    int rc = each_row(&B, &u->rows, 'C', row_country);
    if (rc == CLAIMS_OK)
        rc = each_row(&B, &u->rows, 'A', row_admin1);
    if (rc == CLAIMS_OK)
        rc = each_row(&B, &u->rows, 'P', row_city);
    claims__gaz_owned t;
    if (rc == CLAIMS_OK)
        rc = claims__gazb_finish(&B.b, &t);
    if (rc == CLAIMS_OK) {
        claims__gaz_owned_free(&u->table);
        u->table = t;
    }
    claims__gazb_free(&B.b);
    claims__strmap_free(&B.countries);
    claims__strmap_free(&B.admin1);
    claims__arena_free(&B.arena);
    return rc;
}

/* ---- the public calls --------------------------------------------------------------- */

int claims_ctx_load_gazetteer(claims_ctx *ctx, const char *path, size_t len, unsigned flags,
                              claims_error *err)
{
    claims__error_clear(err);
    if (!ctx || !path)
        return claims__error_simple(err, CLAIMS_EINVAL, "ctx or path is NULL");
    if (flags & ~(unsigned)CLAIMS_GAZETTEER_ADMIN1)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown gazetteer flags 0x%x", flags);
    if (len == 0 || memchr(path, '\0', len) || len >= 4096)
        return claims__error_simple(err, CLAIMS_EINVAL, "the path is empty, too long or has a NUL");
    char *name = malloc(len + 1);
    if (!name)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    memcpy(name, path, len);
    name[len] = '\0';
    char source[CLAIMS_ERROR_SOURCE_LENGTH];
    claims__config_source(source, (claims_str){name, len});
    FILE *f = fopen(name, "rb");
    if (!f) {
        int e = errno;
        free(name);
        return claims__error_set(err, CLAIMS_EIO, source, 0, 0, -1, -1, "cannot open: %s",
                                 strerror(e));
    }
    free(name);
    struct claims__gaz_user *u = ctx->gaz_user;
    bool fresh = !u;
    if (fresh && !(u = calloc(1, sizeof *u))) {
        fclose(f);
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    }
    if (fresh)
        claims__buf_init(&u->rows);
    size_t mark = u->rows.len;
    reader r = {source, err, 0, ""};
    int rc = read_file(&r, f, &u->rows, (flags & CLAIMS_GAZETTEER_ADMIN1) != 0);
    fclose(f);
    if (rc == CLAIMS_OK && (rc = rebuild(u)) != CLAIMS_OK)
        claims__error_simple(err, rc, "out of memory");
    if (rc != CLAIMS_OK) { /* all or nothing */
        if (fresh) {
            claims__gaz_user_free(u);
        } else {
            u->rows.len = mark;
            if (u->rows.data)
                u->rows.data[mark] = '\0';
        }
        if (rc == CLAIMS_ENOMEM)
            claims__error_simple(err, rc, "out of memory");
        return rc;
    }
    ctx->gaz_user = u;
    ctx->gazetteer = &u->table.g;
    return CLAIMS_OK;
}

int claims_ctx_clear_gazetteer(claims_ctx *ctx)
{
    if (!ctx)
        return CLAIMS_EINVAL;
    claims__gaz_user_free(ctx->gaz_user);
    ctx->gaz_user = NULL;
    ctx->gazetteer = NULL;
    return CLAIMS_OK;
}

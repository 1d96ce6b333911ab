/* bench_group.c - grouping at scale: one subject with many claims. Builds a
 * store through the API (S sources, each one mention of the same event
 * with the same date and place, so that resolution makes one subject of
 * them) whose N claims give numbers, durations and counts with D distinct
 * values, hedged and bounded ("about 30", "nearly 50", "at least 8",
 * "between 20 and 25"), attributed to a few dozen origins, some of them
 * probable or possible. Reconciles it --rounds times and prints the
 * medians of the whole reconciliation and of its group stage, the subjects
 * and value clusters made, and the peak memory. It prints figures; it never
 * fails on a timing.
 *
 *   bench_group [--rounds N] [--claims N] [--sources S] [--distinct D]
 *               [--threads T]
 */
#define _POSIX_C_SOURCE 200809L
#include <claims.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define MAX_ROUNDS 64

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bench_group: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static claims_str S(const char *s) { return (claims_str){s, strlen(s)}; }

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The value of claim i: one of `distinct` amounts, in one of the wordings
 * a newsroom uses. */
static void value_of(size_t i, size_t distinct, char *out, size_t cap, const char **attr,
                     const char **type)
{
    size_t k = (i * 7919u) % distinct + 1;
    switch (i % 3) {
    case 0: *attr = "deaths", *type = "number"; break;
    case 1: *attr = "count", *type = "number"; break;
    default:
        *attr = "duration", *type = "duration";
        snprintf(out, cap, i % 4 ? "%zu minutes" : "about %zu minutes", k);
        return;
    }
    static const char *const hedges[] = {"", "about ", "nearly ", "at least ", "more than ", ""};
    size_t f = (i / 3) % (sizeof hedges / sizeof hedges[0]);
    if (i % 11 == 0)
        snprintf(out, cap, "between %zu and %zu", k, k + k / 10 + 1);
    else
        snprintf(out, cap, "%s%zu", hedges[f], k);
}

static claims_store *build(size_t claims, size_t sources, size_t distinct)
{
    claims_store *store;
    claims_error err;
    if (claims_store_new(&store, &err) != CLAIMS_OK)
        die("store", err.text);
    size_t per = (claims + sources - 1) / sources, made = 0;
    char id[64], cid[64], value[96], origin[64];
    for (size_t s = 0; s < sources; s++) {
        snprintf(id, sizeof id, "source-%05zu", s);
        char outlet[64];
        snprintf(outlet, sizeof outlet, "Outlet %zu", s);
        char published[40];
        snprintf(published, sizeof published, "2024-09-%02zuT%02zu:00:00+03:00", 14 + s % 3,
                 s % 24);
        claims_source_desc sd = {.version = CLAIMS_SOURCE_DESC_VERSION};
        sd.id = S(id), sd.outlet = S(outlet), sd.published = S(published);
        size_t si;
        if (claims_store_add_source(store, &si, &sd, &err) != CLAIMS_OK)
            die("source", err.text);
        claims_subject_desc sub = {CLAIMS_SUBJECT_DESC_VERSION, S("quake"), S("event"),
                                   S("the earthquake in the Marrow Valley")};
        if (claims_store_add_subject(store, si, &sub, &err) != CLAIMS_OK)
            die("subject", err.text);
        /* what identifies the event, the same in every source */
        const char *ident[][3] = {{"date", "2024-09-14", "date"},
                                  {"place", "Marrow Valley", "place"},
                                  {"kind", "earthquake", "text"}};
        for (size_t q = 0; q < 3; q++) {
            claims_claim_desc cd = {.version = CLAIMS_CLAIM_DESC_VERSION};
            snprintf(cid, sizeof cid, "id%zu", q);
            cd.id = S(cid), cd.subject = S("quake"), cd.attribute = S(ident[q][0]);
            cd.value = S(ident[q][1]), cd.value_type = S(ident[q][2]);
            cd.quote_offset = cd.quote_length = -1;
            if (claims_store_add_claim(store, NULL, si, &cd, &err) != CLAIMS_OK)
                die("claim", err.text);
        }
        for (size_t c = 0; c < per && made < claims; c++, made++) {
            const char *attr, *type;
            value_of(made, distinct, value, sizeof value, &attr, &type);
            claims_claim_desc cd = {.version = CLAIMS_CLAIM_DESC_VERSION};
            snprintf(cid, sizeof cid, "c%zu", c);
            cd.id = S(cid), cd.subject = S("quake"), cd.attribute = S(attr);
            cd.value = S(value), cd.value_type = S(type);
            cd.quote_offset = cd.quote_length = -1;
            claims_str chain[1];
            if (made % 5) { /* most are attributed, to one of 97 origins */
                snprintf(origin, sizeof origin, "the agency %zu", made % 97);
                chain[0] = S(origin);
                cd.attribution = chain, cd.attribution_count = 1;
            }
            cd.certainty = made % 10 == 0   ? CLAIMS_PROBABLE
                           : made % 17 == 0 ? CLAIMS_POSSIBLE
                                            : CLAIMS_CERTAIN;
            if (claims_store_add_claim(store, NULL, si, &cd, &err) != CLAIMS_OK)
                die("claim", err.text);
        }
    }
    return store;
}

int main(int argc, char **argv)
{
    size_t rounds = 5, claims = 200000, sources = 1000, distinct = 16000;
    unsigned threads = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            die("usage", "bench_group [--rounds N] [--claims N] [--sources S] [--distinct D] "
                         "[--threads T]");
        size_t v = strtoul(argv[++i], NULL, 10);
        if (strcmp(a, "--rounds") == 0)
            rounds = v;
        else if (strcmp(a, "--claims") == 0)
            claims = v;
        else if (strcmp(a, "--sources") == 0)
            sources = v;
        else if (strcmp(a, "--distinct") == 0)
            distinct = v;
        else if (strcmp(a, "--threads") == 0)
            threads = (unsigned)v;
        else
            die("unknown option", a);
    }
    if (!rounds || rounds > MAX_ROUNDS || !sources || !distinct)
        die("options", "rounds 1..64, sources and distinct at least 1");
    double t0 = now();
    claims_store *store = build(claims, sources, distinct);
    double built = now() - t0;
    double total[MAX_ROUNDS], group[MAX_ROUNDS], normalize[MAX_ROUNDS], resolve[MAX_ROUNDS];
    claims_result_stats st = CLAIMS_RESULT_STATS_INIT;
    size_t largest = 0;
    for (size_t r = 0; r < rounds; r++) {
        claims_reconcile_options o = CLAIMS_RECONCILE_OPTIONS_INIT;
        o.threads = threads;
        claims_result *result;
        claims_error err;
        double a = now();
        if (claims_reconcile(&result, NULL, store, &o, &err) != CLAIMS_OK)
            die("reconcile", err.text);
        total[r] = now() - a;
        claims_result_get_stats(result, &st);
        group[r] = st.group;
        normalize[r] = st.normalize;
        resolve[r] = st.resolve;
        claims_cursor *cur;
        const claims_result_subject_info *row;
        largest = 0;
        if (claims_result_subjects(&cur, result) != CLAIMS_OK)
            die("subjects", NULL);
        while (claims_cursor_next_result_subject(&row, cur) == CLAIMS_OK)
            if (row->mention_count > largest)
                largest = row->mention_count;
        claims_cursor_free(cur);
        claims_result_free(result);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("claims %zu (+%zu identifying), sources %zu, distinct amounts %zu, store built in "
           "%.3f s\n",
           claims, 3 * sources, sources, distinct, built);
    printf("subjects %zu (largest: %zu mentions), value clusters %zu\n", st.subjects, largest,
           st.clusters);
    printf("reconcile: median %.3f s over %zu rounds (stages: normalize %.3f s, resolve %.3f s, "
           "group %.3f s)\n",
           median(total, rounds), rounds, median(normalize, rounds), median(resolve, rounds),
           median(group, rounds));
    printf("peak memory %.0f MiB\n", (double)ru.ru_maxrss / 1024.0);
    claims_store_free(store);
    return 0;
}

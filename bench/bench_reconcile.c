/* bench_reconcile.c - reconciliation at scale, end to end: load a JSON
 * Lines file of claims documents, claims_reconcile(), stream the compact
 * JSON report to report.json beside the input. Prints the time of each stage (medians over rounds), the peak
 * memory, the time of a bare jansson parse of the same input, the ratios,
 * and the quality of subject resolution against the generator's ground
 * truth. It prints figures; it never fails on a timing.
 *
 *   bench_reconcile [--rounds N] [--scale-check] [--dir DIR] [--seed X]
 *                   [--claims N --events E --sources S] [--no-quality]
 *   bench_reconcile [--rounds N] [--truth FILE] [--tenth FILE2] FILE
 *
 * Without FILE the input is generated into DIR (default claims-bench, under the
 * current directory)
 * unless it is already there: claims-N-E-S-sX.jsonl and its .truth file.
 * --scale-check also runs a tenth of it (N/10 claims, E/10 events, S/10
 * sources) and prints time(full)/time(tenth).
 *
 * Each round runs in a child process, so that its peak RSS (getrusage
 * ru_maxrss) is its own and no round inherits another's heap; the jansson
 * baseline runs likewise, interleaved with the rounds. */
#define _POSIX_C_SOURCE 200809L /* fork, pipe, waitpid, fileno */
#include "claims_gen.h"

#include <claims.h>

#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_ROUNDS 64

/* Prints "bench_reconcile: what: detail" and exits. */
static void die(const char *what, const char *detail)
{
    fprintf(stderr, "bench_reconcile: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double peak_mib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0; /* KiB on Linux */
}

/* The context of every reconciliation here: the generator's schema
 * (GEN_SCHEMA) over the built-in one, so that its sets of text stay sets.
 * Made once; it lives as long as the process. */
static const claims_ctx *gen_ctx(void)
{
    static claims_ctx *ctx;
    claims_error err;
    if (!ctx && (claims_ctx_new(&ctx, &err) != CLAIMS_OK ||
                 claims_ctx_load_schema(ctx, GEN_SCHEMA, strlen(GEN_SCHEMA),
                                        (claims_str){"GEN_SCHEMA", 10}, &err) != CLAIMS_OK))
        die("schema", err.text);
    return ctx;
}

/* ---- one measured round, in a child ---------------------------------------------- */

typedef struct round_result {
    int ok;
    char error[200];
    double load, normalize, resolve, dependence, origins, group, reconcile, report, total, rss;
    size_t documents, claims, load_errors, mentions, subjects, events, persons, clusters,
        dependencies, notes, parsed, unparsed, report_bytes;
} round_result;

/* aux: where the report goes. */
static void run_claims(const char *path, const char *aux, round_result *out)
{
    memset(out, 0, sizeof *out);
    /* the previous round's report goes before the clock starts: dropping a
     * large file from the page cache is not part of writing this one */
    remove(aux);
    claims_store *store = NULL;
    claims_result *result = NULL;
    claims_error err;
    claims_load_summary sum = CLAIMS_LOAD_SUMMARY_INIT;
    gen_ctx(); /* configuration, made before the clock starts */
    double t0 = now();
    if (claims_store_new(&store, &err) != CLAIMS_OK) {
        snprintf(out->error, sizeof out->error, "store: %s", err.text);
        return;
    }
    int rc = claims_store_load_file(store, path, strlen(path), NULL, &sum, &err);
    double t1 = now();
    if (rc != CLAIMS_OK && rc != CLAIMS_EREJECTED) {
        snprintf(out->error, sizeof out->error, "load: %s", err.text);
        claims_store_free(store);
        return;
    }
    rc = claims_reconcile(&result, gen_ctx(), store, NULL, &err);
    double t2 = now();
    if (rc != CLAIMS_OK) {
        snprintf(out->error, sizeof out->error, "reconcile: %s", err.text);
        claims_store_free(store);
        return;
    }
    claims_render_options ro = CLAIMS_RENDER_OPTIONS_INIT;
    ro.flags = CLAIMS_RENDER_COMPACT;
    rc = claims_result_write_file(result, CLAIMS_RENDER_JSON, &ro, aux, strlen(aux), &err);
    double t3 = now();
    struct stat sb;
    if (rc != CLAIMS_OK) {
        snprintf(out->error, sizeof out->error, "report: %s: %s", err.source, err.text);
    } else {
        claims_result_stats st = CLAIMS_RESULT_STATS_INIT;
        claims_result_get_stats(result, &st);
        out->ok = 1;
        out->load = t1 - t0;
        out->normalize = st.normalize;
        out->resolve = st.resolve;
        out->dependence = st.dependence;
        out->origins = st.origins;
        out->group = st.group;
        out->reconcile = t2 - t1;
        out->report = t3 - t2;
        out->total = t3 - t0;
        out->rss = peak_mib();
        out->documents = sum.documents_loaded;
        out->claims = st.claims;
        out->load_errors = sum.errors;
        out->mentions = st.mentions;
        out->subjects = st.subjects;
        out->clusters = st.clusters;
        out->dependencies = st.dependencies;
        out->parsed = st.values_parsed;
        out->unparsed = st.values_unparsed;
        out->notes = claims_result_diagnostic_count(result);
        out->report_bytes = stat(aux, &sb) == 0 ? (size_t)sb.st_size : 0;
        /* after the clock: kinds of the resolved subjects */
        claims_cursor *cur;
        if (claims_result_subjects(&cur, result) == CLAIMS_OK) {
            const claims_result_subject_info *rs;
            while (claims_cursor_next_result_subject(&rs, cur) == CLAIMS_OK) {
                out->events += !strcmp(rs->type, "event");
                out->persons += !strcmp(rs->type, "person");
            }
            claims_cursor_free(cur);
        }
    }
    claims_result_free(result);
    claims_store_free(store);
}

/* The bare baseline: read the file, json_loadb() each line, decref. */
static void run_jansson(const char *path, const char *aux, round_result *out)
{
    (void)aux;
    memset(out, 0, sizeof *out);
    double t0 = now();
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(out->error, sizeof out->error, "cannot open %s", path);
        return;
    }
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0) {
        fclose(f);
        snprintf(out->error, sizeof out->error, "cannot stat %s", path);
        return;
    }
    size_t n = (size_t)sb.st_size;
    char *buf = malloc(n + 1);
    if (!buf || fread(buf, 1, n, f) != n) {
        fclose(f);
        free(buf);
        snprintf(out->error, sizeof out->error, "cannot read %s", path);
        return;
    }
    fclose(f);
    double t1 = now();
    size_t docs = 0;
    for (size_t pos = 0; pos < n;) {
        const char *nl = memchr(buf + pos, '\n', n - pos);
        size_t stop = nl ? (size_t)(nl - buf) : n;
        if (stop > pos) {
            json_error_t je;
            json_t *doc =
                json_loadb(buf + pos, stop - pos, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &je);
            if (!doc) {
                snprintf(out->error, sizeof out->error, "jansson: line %zu: %s", docs + 1, je.text);
                free(buf);
                return;
            }
            json_decref(doc);
            docs++;
        }
        pos = stop + 1;
    }
    double t2 = now();
    free(buf);
    out->ok = 1;
    out->load = t1 - t0;   /* reading */
    out->report = t2 - t1; /* parsing */
    out->total = t2 - t0;
    out->documents = docs;
    out->rss = peak_mib();
}

typedef void (*round_fn)(const char *path, const char *aux, round_result *out);

/* Runs fn in a child and collects its result through a pipe. */
static round_result in_child(round_fn fn, const char *path, const char *aux)
{
    round_result res;
    memset(&res, 0, sizeof res);
    int fd[2];
    if (pipe(fd) != 0)
        die("pipe", strerror(errno));
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        die("fork", strerror(errno));
    if (pid == 0) {
        close(fd[0]);
        fn(path, aux, &res);
        const char *p = (const char *)&res;
        size_t left = sizeof res;
        while (left) {
            ssize_t w = write(fd[1], p, left);
            if (w <= 0)
                _exit(3);
            p += w;
            left -= (size_t)w;
        }
        _exit(0);
    }
    close(fd[1]);
    char *p = (char *)&res;
    size_t got = 0;
    while (got < sizeof res) {
        ssize_t r = read(fd[0], p + got, sizeof res - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd[0]);
    int status;
    waitpid(pid, &status, 0);
    if (got != sizeof res) {
        memset(&res, 0, sizeof res);
        snprintf(res.error, sizeof res.error, "child failed (status %d)", status);
    }
    return res;
}

/* ---- statistics ---------------------------------------------------------------------- */

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

typedef struct summary {
    double median, min, max;
} summary;

/* Median of the field at `offset` of rounds[0..n). */
static summary summarize(const round_result *rounds, size_t n, size_t offset)
{
    double v[MAX_ROUNDS];
    for (size_t i = 0; i < n; i++)
        memcpy(&v[i], (const char *)&rounds[i] + offset, sizeof v[i]);
    qsort(v, n, sizeof v[0], cmp_double);
    summary s = {n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0, v[0], v[n - 1]};
    return s;
}

#define FIELD(f) offsetof(round_result, f)

/* ---- inputs -------------------------------------------------------------------------- */

static bool exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && sb.st_size > 0;
}

static double file_mb(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? (double)sb.st_size / 1e6 : 0.0;
}

/* Generates path and truth for p unless both exist. */
static void ensure_input(const gen_params *p, const char *path, const char *truth)
{
    if (exists(path) && exists(truth))
        return;
    FILE *out = fopen(path, "wb");
    FILE *tf = fopen(truth, "w");
    if (!out || !tf)
        die("cannot write", path);
    gen_stats st;
    char err[256] = "";
    double t0 = now();
    int rc = gen_write(p, out, tf, &st, err, sizeof err);
    if (fclose(out) != 0 || fclose(tf) != 0 || rc != 0) {
        remove(path);
        remove(truth);
        die("generating the input failed", err);
    }
    printf("generated %s: %zu claims, %zu events, %zu documents, %.1f MB in %.2f s\n", path,
           st.claims, st.events, st.documents, (double)st.bytes / 1e6, now() - t0);
}

static void input_paths(const char *dir, const gen_params *p, char *path, char *truth, size_t cap)
{
    snprintf(path, cap, "%s/claims-%zu-%zu-%zu-s%llu.jsonl", dir, p->claims, p->events, p->sources,
             (unsigned long long)p->seed);
    snprintf(truth, cap, "%s/claims-%zu-%zu-%zu-s%llu.truth", dir, p->claims, p->events, p->sources,
             (unsigned long long)p->seed);
}

/* ---- resolution quality against the ground truth ------------------------------------- */

/* A string -> uint32 map, open addressing; keys live in one growing pool. */
typedef struct smap {
    uint64_t *hash;
    uint32_t *value, *key; /* key: offset into pool + 1; 0 = empty */
    size_t cap, count;
    char *pool;
    size_t pool_len, pool_cap;
} smap;

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        die("out of memory", NULL);
    return p;
}

static void smap_put(smap *m, const char *k, size_t n, uint32_t v);

static void smap_grow(smap *m)
{
    smap old = *m;
    m->cap = old.cap ? old.cap * 2 : 1024;
    m->hash = xcalloc(m->cap, sizeof *m->hash);
    m->value = xcalloc(m->cap, sizeof *m->value);
    m->key = xcalloc(m->cap, sizeof *m->key);
    m->count = 0;
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.key[i])
            continue;
        size_t j = old.hash[i] & (m->cap - 1);
        while (m->key[j])
            j = (j + 1) & (m->cap - 1);
        m->hash[j] = old.hash[i];
        m->key[j] = old.key[i];
        m->value[j] = old.value[i];
        m->count++;
    }
    free(old.hash);
    free(old.value);
    free(old.key);
}

/* Slot of key, or of the empty slot where it would go. */
static size_t smap_slot(const smap *m, const char *k, size_t n, uint64_t h)
{
    size_t j = h & (m->cap - 1);
    while (m->key[j]) {
        const char *s = m->pool + m->key[j] - 1;
        if (m->hash[j] == h && strlen(s) == n && !memcmp(s, k, n))
            return j;
        j = (j + 1) & (m->cap - 1);
    }
    return j;
}

static void smap_put(smap *m, const char *k, size_t n, uint32_t v)
{
    if (2 * (m->count + 1) > m->cap)
        smap_grow(m);
    uint64_t h = fnv(k, n);
    size_t j = smap_slot(m, k, n, h);
    if (!m->key[j]) {
        if (m->pool_len + n + 1 > m->pool_cap) {
            m->pool_cap = (m->pool_cap + n + 1) * 2;
            m->pool = realloc(m->pool, m->pool_cap);
            if (!m->pool)
                die("out of memory", NULL);
        }
        memcpy(m->pool + m->pool_len, k, n);
        m->pool[m->pool_len + n] = '\0';
        m->key[j] = (uint32_t)(m->pool_len + 1);
        m->hash[j] = h;
        m->pool_len += n + 1;
        m->count++;
    }
    m->value[j] = v;
}

static bool smap_get(const smap *m, const char *k, size_t n, uint32_t *v)
{
    if (!m->cap)
        return false;
    size_t j = smap_slot(m, k, n, fnv(k, n));
    if (!m->key[j])
        return false;
    *v = m->value[j];
    return true;
}

static void smap_free(smap *m)
{
    free(m->hash);
    free(m->value);
    free(m->key);
    free(m->pool);
}

enum { KIND_MEETING, KIND_SUMMIT, KIND_CALL, KIND_INCIDENT, KIND_DISTRACTOR, KIND_PERSON, NKIND };
static const char *const KIND_NAME[NKIND] = {"meeting",  "summit",     "call",
                                             "incident", "distractor", "person"};

typedef struct mention_truth {
    uint32_t entity; /* event or person number */
    uint32_t pred;   /* resolved subject, UINT32_MAX when none */
    uint8_t kind;
} mention_truth;

static int cmp_pred(const void *x, const void *y)
{
    const mention_truth *a = x, *b = y;
    if (a->pred != b->pred)
        return a->pred < b->pred ? -1 : 1;
    return a->entity < b->entity ? -1 : a->entity > b->entity;
}

static int cmp_entity(const void *x, const void *y)
{
    const mention_truth *a = x, *b = y;
    if (a->entity != b->entity)
        return a->entity < b->entity ? -1 : 1;
    return a->pred < b->pred ? -1 : a->pred > b->pred;
}

static double pairs(size_t n) { return (double)n * (double)(n - (n > 0)) / 2.0; }

/* Pairwise precision and recall of the mentions of one family (events or
 * persons), and cluster-level figures. */
static void score(mention_truth *m, size_t n, const char *what, const size_t *kind_filter,
                  size_t nfilter)
{
    if (!n) {
        printf("quality (%s): no mentions\n", what);
        return;
    }
    double tp = 0, pred_pairs = 0, true_pairs = 0;
    size_t clusters = 0, pure = 0, multi = 0, multi_pure = 0;
    qsort(m, n, sizeof *m, cmp_pred);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        bool is_pure = true;
        while (j < n && m[j].pred == m[i].pred) {
            is_pure &= m[j].entity == m[i].entity;
            j++;
        }
        for (size_t a = i; a < j;) { /* runs of one entity inside the cluster */
            size_t b = a;
            while (b < j && m[b].entity == m[a].entity)
                b++;
            tp += pairs(b - a);
            a = b;
        }
        pred_pairs += pairs(j - i);
        clusters++;
        pure += is_pure;
        if (j - i > 1) {
            multi++;
            multi_pure += is_pure;
        }
        i = j;
    }
    /* entities: how many are recovered exactly (one cluster holding all
     * their mentions and nothing else), and into how many clusters split */
    size_t entities = 0, exact = 0, multi_entities = 0, split_parts = 0;
    size_t *cluster_size = NULL;
    {
        /* the size of each predicted cluster, by pred number */
        uint32_t maxp = 0;
        for (size_t i = 0; i < n; i++)
            if (m[i].pred != UINT32_MAX && m[i].pred > maxp)
                maxp = m[i].pred;
        cluster_size = xcalloc((size_t)maxp + 1, sizeof *cluster_size);
        for (size_t i = 0; i < n; i++)
            if (m[i].pred != UINT32_MAX)
                cluster_size[m[i].pred]++;
    }
    qsort(m, n, sizeof *m, cmp_entity);
    for (size_t i = 0; i < n;) {
        size_t j = i, parts = 0;
        while (j < n && m[j].entity == m[i].entity) {
            if (j == i || m[j].pred != m[j - 1].pred)
                parts++;
            j++;
        }
        true_pairs += pairs(j - i);
        entities++;
        if (j - i > 1) {
            multi_entities++;
            split_parts += parts;
        }
        exact += parts == 1 && m[i].pred != UINT32_MAX && cluster_size[m[i].pred] == j - i;
        i = j;
    }
    free(cluster_size);
    double p = pred_pairs > 0 ? tp / pred_pairs : 1.0, r = true_pairs > 0 ? tp / true_pairs : 1.0;
    printf("quality (%s): %zu mentions of %zu entities -> %zu clusters\n", what, n, entities,
           clusters);
    printf("  pairwise precision %.4f, recall %.4f, F1 %.4f (%.0f true pairs, %.0f merged)\n", p, r,
           p + r > 0 ? 2 * p * r / (p + r) : 0.0, true_pairs, pred_pairs);
    printf("  pure clusters %.2f%% (multi-mention: %.2f%% of %zu); entities recovered exactly "
           "%.2f%%; a multi-mention entity is split into %.2f clusters on average\n",
           100.0 * (double)pure / (double)clusters,
           multi ? 100.0 * (double)multi_pure / (double)multi : 100.0, multi,
           100.0 * (double)exact / (double)entities,
           multi_entities ? (double)split_parts / (double)multi_entities : 1.0);
    /* recall by kind of event, and merges across entities by kind */
    for (size_t f = 0; f < nfilter; f++) {
        size_t k = kind_filter[f];
        double ktp = 0, ktrue = 0;
        size_t kent = 0, kexact = 0;
        for (size_t i = 0; i < n;) {
            size_t j = i;
            while (j < n && m[j].entity == m[i].entity)
                j++;
            if (m[i].kind == k) {
                kent++;
                ktrue += pairs(j - i);
                bool one = true;
                for (size_t a = i; a < j;) {
                    size_t b = a;
                    while (b < j && m[b].pred == m[a].pred)
                        b++;
                    ktp += pairs(b - a);
                    one &= a == i && b == j;
                    a = b;
                }
                kexact += one;
            }
            i = j;
        }
        if (kent)
            printf("    %-10s %6zu entities: pairwise recall %.4f, all mentions in one cluster "
                   "%.2f%%\n",
                   KIND_NAME[k], kent, ktrue > 0 ? ktp / ktrue : 1.0,
                   100.0 * (double)kexact / (double)kent);
    }
}

/* Pairs of mentions of different entities merged into one cluster, by the
 * kinds of the two entities. */
static void wrong_merges(mention_truth *m, size_t n)
{
    double count[NKIND][NKIND], total = 0;
    memset(count, 0, sizeof count);
    qsort(m, n, sizeof *m, cmp_pred); /* by cluster, then entity */
    for (size_t i = 0; i < n;) {
        size_t j = i;
        double per_kind[NKIND] = {0}, same[NKIND] = {0};
        for (; j < n && m[j].pred == m[i].pred;) {
            size_t b = j;
            while (b < n && m[b].pred == m[j].pred && m[b].entity == m[j].entity)
                b++;
            per_kind[m[j].kind] += (double)(b - j);
            same[m[j].kind] += pairs(b - j);
            j = b;
        }
        for (size_t x = 0; x < NKIND; x++) {
            double w = pairs((size_t)per_kind[x]) - same[x];
            count[x][x] += w;
            total += w;
            for (size_t y = x + 1; y < NKIND; y++) {
                count[x][y] += per_kind[x] * per_kind[y];
                total += per_kind[x] * per_kind[y];
            }
        }
        i = j;
    }
    printf("  wrongly merged mention pairs: %.0f", total);
    for (size_t x = 0; x < NKIND; x++)
        for (size_t y = x; y < NKIND; y++)
            if (count[x][y] > 0)
                printf("; %s+%s %.0f", KIND_NAME[x], KIND_NAME[y], count[x][y]);
    printf("\n");
}

static void run_quality(const char *path, const char *truth_path)
{
    claims_store *store = NULL;
    claims_result *result = NULL;
    claims_error err;
    if (claims_store_new(&store, &err) != CLAIMS_OK ||
        claims_store_load_file(store, path, strlen(path), NULL, NULL, &err) < 0 ||
        claims_reconcile(&result, gen_ctx(), store, NULL, &err) != CLAIMS_OK) {
        printf("quality: skipped: %s\n", err.text);
        claims_store_free(store);
        return;
    }
    /* source ids -> source index; (source index, subject id) -> mention */
    smap sources = {0}, mentions = {0}, wire = {0};
    size_t nwire = 0, nsubscribers = 0;
    claims_cursor *cur;
    const claims_source_info *si;
    claims_store_sources(&cur, store);
    while (claims_cursor_next_source(&si, cur) == CLAIMS_OK)
        smap_put(&sources, si->id, strlen(si->id), (uint32_t)si->index);
    claims_cursor_free(cur);
    size_t nm = 0, cap = 1024;
    mention_truth *mt = xcalloc(cap, sizeof *mt);
    char key[256];
    const claims_subject_info *su;
    claims_store_subjects(&cur, store, CLAIMS_ALL);
    while (claims_cursor_next_subject(&su, cur) == CLAIMS_OK) {
        int k = snprintf(key, sizeof key, "%zu\t%s", su->source, su->id);
        if (nm == cap) {
            cap *= 2;
            mt = realloc(mt, cap * sizeof *mt);
            if (!mt)
                die("out of memory", NULL);
        }
        mt[nm] = (mention_truth){UINT32_MAX, UINT32_MAX, NKIND};
        smap_put(&mentions, key, (size_t)k, (uint32_t)nm++);
    }
    claims_cursor_free(cur);
    /* the truth */
    FILE *f = fopen(truth_path, "r");
    if (!f) {
        printf("quality: skipped: cannot read %s\n", truth_path);
    } else {
        char line[512];
        size_t unknown = 0;
        while (fgets(line, sizeof line, f)) {
            char a[200], b[200];
            size_t shared;
            uint32_t ia, ib;
            if (sscanf(line, "# subscriber %199s", a) == 1 &&
                smap_get(&sources, a, strlen(a), &ia)) {
                int k = snprintf(key, sizeof key, "%u", ia);
                smap_put(&wire, key, (size_t)k, 0);
                nsubscribers++;
            }
            if (sscanf(line, "# wire %199s %199s %zu", a, b, &shared) == 3 &&
                smap_get(&sources, a, strlen(a), &ia) && smap_get(&sources, b, strlen(b), &ib)) {
                int k = snprintf(key, sizeof key, "%u\t%u", ia < ib ? ia : ib, ia < ib ? ib : ia);
                smap_put(&wire, key, (size_t)k, (uint32_t)shared);
                nwire++;
            }
            if (line[0] == '#')
                continue;
            char *src = line, *sid = strchr(src, '\t');
            char *ent = sid ? strchr(sid + 1, '\t') : NULL;
            char *kind = ent ? strchr(ent + 1, '\t') : NULL;
            if (!ent)
                continue;
            *sid++ = '\0';
            *ent++ = '\0';
            if (kind)
                *kind++ = '\0';
            uint32_t s, mi;
            int k;
            if (!smap_get(&sources, src, strlen(src), &s) ||
                (k = snprintf(key, sizeof key, "%u\t%s", s, sid)) < 0 ||
                !smap_get(&mentions, key, (size_t)k, &mi)) {
                unknown++;
                continue;
            }
            mt[mi].entity = (uint32_t)strtoul(ent + 1, NULL, 10);
            mt[mi].kind = KIND_PERSON;
            if (ent[0] == 'E') {
                mt[mi].kind = KIND_MEETING;
                for (uint8_t q = 0; kind && q < NKIND; q++)
                    if (!strncmp(kind, KIND_NAME[q], strlen(KIND_NAME[q])))
                        mt[mi].kind = q;
            }
        }
        fclose(f);
        if (unknown)
            printf("quality: %zu truth lines name no loaded subject\n", unknown);
        /* the prediction: each resolved subject's claims name its mentions */
        const claims_result_subject_info *rs;
        claims_result_subjects(&cur, result);
        while (claims_cursor_next_result_subject(&rs, cur) == CLAIMS_OK) {
            claims_cursor *ac, *vc, *cc;
            const claims_attribute_info *ai;
            const claims_value_info *vi;
            const claims_claim_info *ci;
            claims_result_attributes(&ac, result, rs->index);
            while (claims_cursor_next_attribute(&ai, ac) == CLAIMS_OK) {
                claims_result_values(&vc, result, rs->index, ai->index);
                while (claims_cursor_next_value(&vi, vc) == CLAIMS_OK) {
                    claims_result_claims(&cc, result, rs->index, ai->index, vi->index);
                    while (claims_cursor_next_claim(&ci, cc) == CLAIMS_OK) {
                        int k = snprintf(key, sizeof key, "%zu\t%s", ci->source, ci->subject_id);
                        uint32_t mi;
                        if (smap_get(&mentions, key, (size_t)k, &mi))
                            mt[mi].pred = (uint32_t)rs->index;
                    }
                    claims_cursor_free(cc);
                }
                claims_cursor_free(vc);
            }
            claims_cursor_free(ac);
        }
        claims_cursor_free(cur);
        /* split by family; events and persons are numbered apart */
        mention_truth *ev_m = xcalloc(nm, sizeof *ev_m), *pe_m = xcalloc(nm, sizeof *pe_m);
        size_t ne = 0, np = 0, missing = 0;
        uint32_t next_pred = UINT32_MAX - 1;
        for (size_t i = 0; i < nm; i++) {
            if (mt[i].kind == NKIND)
                continue;
            if (mt[i].pred == UINT32_MAX) /* no claim: a cluster of its own */
                mt[i].pred = next_pred--, missing++;
            if (mt[i].kind == KIND_PERSON)
                pe_m[np++] = mt[i];
            else
                ev_m[ne++] = mt[i];
        }
        if (missing)
            printf("quality: %zu mentions without claims\n", missing);
        /* dependence: the sources that print one wire sentence are the
         * only ones that share wording */
        const claims_dependency_info *dep;
        size_t found = 0, same_story = 0, subscribers = 0;
        claims_result_dependencies(&cur, result);
        while (claims_cursor_next_dependency(&dep, cur) == CLAIMS_OK) {
            uint32_t ia, ib, shared;
            found++;
            if (!smap_get(&sources, dep->source_a, strlen(dep->source_a), &ia) ||
                !smap_get(&sources, dep->source_b, strlen(dep->source_b), &ib))
                continue;
            int k = snprintf(key, sizeof key, "%u\t%u", ia < ib ? ia : ib, ia < ib ? ib : ia);
            same_story += smap_get(&wire, key, (size_t)k, &shared);
            char ka[16], kb[16];
            int la = snprintf(ka, sizeof ka, "%u", ia), lb = snprintf(kb, sizeof kb, "%u", ib);
            subscribers += smap_get(&wire, ka, (size_t)la, &shared) &&
                           smap_get(&wire, kb, (size_t)lb, &shared);
        }
        claims_cursor_free(cur);
        printf("quality (dependence): %zu dependent source pairs found: %zu between wire "
               "subscribers (%zu subscribers, %zu pairs), %zu not; %zu of the %zu pairs that "
               "print one story found\n",
               found, subscribers, nsubscribers,
               nsubscribers * (nsubscribers - (nsubscribers > 0)) / 2, found - subscribers,
               same_story, nwire);
        static const size_t EVENT_KINDS[] = {KIND_MEETING, KIND_SUMMIT, KIND_CALL, KIND_INCIDENT,
                                             KIND_DISTRACTOR};
        score(ev_m, ne, "events", EVENT_KINDS, 5);
        wrong_merges(ev_m, ne);
        score(pe_m, np, "persons", NULL, 0);
        wrong_merges(pe_m, np);
        free(ev_m);
        free(pe_m);
    }
    free(mt);
    smap_free(&sources);
    smap_free(&mentions);
    smap_free(&wire);
    claims_result_free(result);
    claims_store_free(store);
}

/* A growing buffer for a write callback. */
typedef struct membuf {
    char *data;
    size_t len, cap;
} membuf;

static int to_memory(void *payload, const char *data, size_t len)
{
    membuf *m = payload;
    if (m->len + len > m->cap) {
        size_t cap = (m->len + len) * 2;
        char *p = realloc(m->data, cap);
        if (!p)
            return 1;
        m->data = p;
        m->cap = cap;
    }
    memcpy(m->data + m->len, data, len);
    m->len += len;
    return 0;
}

/* Renders the report of the first few documents and parses it back with
 * jansson: the JSON report must be valid JSON, and the compact one the
 * same document. */
static void check_report(const char *path)
{
    enum { DOCS = 20 };
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    size_t cap = 1 << 20, len = 0;
    char *buf = malloc(cap);
    int docs = 0, c;
    while (buf && docs < DOCS && (c = getc(f)) != EOF) {
        if (len + 1 >= cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb)
                break;
            buf = nb;
        }
        buf[len++] = (char)c;
        docs += c == '\n';
    }
    fclose(f);
    claims_store *store = NULL;
    claims_result *result = NULL;
    claims_error err;
    char *json = NULL;
    size_t jlen = 0;
    claims_str name = {"first documents", 15};
    if (buf && claims_store_new(&store, &err) == CLAIMS_OK &&
        claims_store_load_buffer(store, buf, len, name, NULL, NULL, &err) >= 0 &&
        claims_reconcile(&result, gen_ctx(), store, NULL, &err) == CLAIMS_OK &&
        claims_result_render(&json, &jlen, result, CLAIMS_RENDER_JSON, &err) == CLAIMS_OK) {
        json_error_t je;
        json_t *root = json_loadb(json, jlen, JSON_REJECT_DUPLICATES, &je);
        membuf compact = {NULL, 0, 0};
        claims_render_options ro = CLAIMS_RENDER_OPTIONS_INIT;
        ro.flags = CLAIMS_RENDER_COMPACT;
        json_t *croot = NULL;
        if (claims_result_write(result, CLAIMS_RENDER_JSON, &ro, to_memory, &compact, &err) ==
            CLAIMS_OK)
            croot = json_loadb(compact.data, compact.len, JSON_REJECT_DUPLICATES, NULL);
        if (root)
            printf("report check: the JSON report of the first %d documents (%.1f MB) is valid "
                   "JSON; the compact one (%.1f MB) is %s\n",
                   docs, (double)jlen / 1e6, (double)compact.len / 1e6,
                   croot && json_equal(root, croot) ? "the same document" : "NOT the same");
        else
            printf("report check: the JSON report of the first %d documents is NOT valid JSON: "
                   "line %d, column %d: %s\n",
                   docs, je.line, je.column, je.text);
        json_decref(root);
        json_decref(croot);
        free(compact.data);
    } else {
        printf("report check: skipped: %s\n", err.text);
    }
    claims_free(json);
    claims_result_free(result);
    claims_store_free(store);
    free(buf);
}

static void quality_child(const char *path, const char *truth, round_result *out)
{
    memset(out, 0, sizeof *out);
    check_report(path);
    run_quality(path, truth);
    fflush(stdout);
    out->ok = 1;
}

/* ---- main ------------------------------------------------------------------------------- */

static void print_row(const char *name, summary s, const char *note)
{
    printf("  %-10s %9.3f s  (min %.3f, max %.3f)%s\n", name, s.median, s.min, s.max, note);
}

/* report.json in the folder of path. */
static void report_path(char *out, size_t cap, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash)
        snprintf(out, cap, "%.*s/report.json", (int)(slash - path), path);
    else
        snprintf(out, cap, "report.json");
}

static int run_rounds(const char *path, int rounds, round_result *cl, round_result *js)
{
    char report[1024];
    report_path(report, sizeof report, path);
    for (int i = 0; i < rounds; i++) {
        cl[i] = in_child(run_claims, path, report);
        if (!cl[i].ok) {
            fprintf(stderr, "bench_reconcile: %s\n", cl[i].error);
            return -1;
        }
        if (js) {
            js[i] = in_child(run_jansson, path, NULL);
            if (!js[i].ok) {
                fprintf(stderr, "bench_reconcile: %s\n", js[i].error);
                return -1;
            }
        }
    }
    return 0;
}

static void usage(FILE *f)
{
    fputs("usage: bench_reconcile [--rounds N] [--scale-check] [--dir DIR] [--seed X]\n"
          "                       [--claims N --events E --sources S] [--no-quality]\n"
          "       bench_reconcile [--rounds N] [--truth FILE] [--tenth FILE2] FILE\n",
          f);
}

int main(int argc, char **argv)
{
    gen_params p = GEN_PARAMS_INIT;
    int rounds = 3;
    bool scale = false, quality = true;
    const char *dir = "claims-bench", *file = NULL, *truth = NULL, *tenth_file = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        char *end = NULL;
        if (!strcmp(a, "--scale-check")) {
            scale = true;
            continue;
        }
        if (!strcmp(a, "--no-quality")) {
            quality = false;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (a[0] != '-') {
            file = a;
            continue;
        }
        if (!v) {
            usage(stderr);
            return 2;
        }
        i++;
        unsigned long long n = strtoull(v, &end, 10);
        bool num = end != v && !*end;
        if (!strcmp(a, "--rounds") && num && n >= 1 && n <= MAX_ROUNDS)
            rounds = (int)n;
        else if (!strcmp(a, "--claims") && num)
            p.claims = (size_t)n;
        else if (!strcmp(a, "--events") && num)
            p.events = (size_t)n;
        else if (!strcmp(a, "--sources") && num)
            p.sources = (size_t)n;
        else if (!strcmp(a, "--seed") && num)
            p.seed = n;
        else if (!strcmp(a, "--dir"))
            dir = v;
        else if (!strcmp(a, "--truth"))
            truth = v;
        else if (!strcmp(a, "--tenth"))
            tenth_file = v;
        else {
            fprintf(stderr, "bench_reconcile: bad argument %s %s\n", a, v);
            usage(stderr);
            return 2;
        }
    }
    char path[1024], tpath[1024], path10[1024], tpath10[1024];
    gen_params p10 = p;
    p10.claims = p.claims / 10;
    p10.events = p.events / 10;
    p10.sources = p.sources / 10 ? p.sources / 10 : 1;
    if (file) {
        snprintf(path, sizeof path, "%s", file);
        if (truth) {
            snprintf(tpath, sizeof tpath, "%s", truth);
        } else { /* x.jsonl -> x.truth */
            snprintf(tpath, sizeof tpath, "%s", file);
            char *dot = strrchr(tpath, '.');
            if (dot && strlen(dot) < 7)
                strcpy(dot, ".truth");
            else
                strcat(tpath, ".truth");
        }
        if (scale && !tenth_file)
            die("--scale-check with FILE needs --tenth FILE2", NULL);
        if (tenth_file)
            snprintf(path10, sizeof path10, "%s", tenth_file);
    } else {
        if (mkdir(dir, 0755) != 0 && errno != EEXIST)
            die("cannot create", dir);
        input_paths(dir, &p, path, tpath, sizeof path);
        ensure_input(&p, path, tpath);
        if (scale) {
            input_paths(dir, &p10, path10, tpath10, sizeof path10);
            ensure_input(&p10, path10, tpath10);
        }
    }
    if (!exists(path))
        die("cannot read", path);
    /* the generated counts, from the ground truth's header */
    size_t generated_events = 0;
    FILE *tf = fopen(tpath, "r");
    if (tf) {
        char head[512];
        const char *at;
        if (fgets(head, sizeof head, tf) && (at = strstr(head, " events=")) != NULL)
            generated_events = (size_t)strtoull(at + 8, NULL, 10);
        fclose(tf);
    }

    round_result cl[MAX_ROUNDS], js[MAX_ROUNDS], c10[MAX_ROUNDS];
    if (run_rounds(path, rounds, cl, js) != 0)
        return 1;
    if (scale && run_rounds(path10, rounds, c10, NULL) != 0)
        return 1;

    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    printf("bench_reconcile: %s (%.1f MB), libclaims %s, %d round%s, medians; %ld cpus\n", path,
           file_mb(path), claims_version_string(), rounds, rounds == 1 ? "" : "s", cpus);
    const round_result *r0 = &cl[0];
    printf("input: %zu documents, %zu claims, %zu subject mentions, %zu load errors\n",
           r0->documents, r0->claims, r0->mentions, r0->load_errors);
    printf("normalize: %zu values parsed, %zu kept as text\n", r0->parsed, r0->unparsed);
    char report[1024];
    report_path(report, sizeof report, path);
    printf("resolved: %zu subjects: %zu events (generated %zu), %zu persons; %zu value "
           "clusters; %zu dependent source pairs; %zu notes\n",
           r0->subjects, r0->events, generated_events, r0->persons, r0->clusters, r0->dependencies,
           r0->notes);
    printf("report: compact JSON streamed to %s, %.1f MB\n", report,
           (double)r0->report_bytes / 1e6);
    printf("stages (seconds):\n");
    print_row("load", summarize(cl, (size_t)rounds, FIELD(load)), "");
    print_row("normalize", summarize(cl, (size_t)rounds, FIELD(normalize)), "");
    print_row("resolve", summarize(cl, (size_t)rounds, FIELD(resolve)), "");
    print_row("dependence", summarize(cl, (size_t)rounds, FIELD(dependence)),
              "  (sources sharing wording)");
    print_row("origins", summarize(cl, (size_t)rounds, FIELD(origins)), "  (attribution chains)");
    print_row("group", summarize(cl, (size_t)rounds, FIELD(group)), "  (value clusters)");
    print_row("report", summarize(cl, (size_t)rounds, FIELD(report)),
              "  (compact JSON written to the file)");
    summary total = summarize(cl, (size_t)rounds, FIELD(total));
    print_row("total", total, total.median <= 5.0 ? "  target 5 s: met" : "  target 5 s: MISSED");
    summary rss = summarize(cl, (size_t)rounds, FIELD(rss));
    printf("  %-10s %9.1f MiB (min %.1f, max %.1f)  target 1024 MiB: %s\n", "peak RSS", rss.median,
           rss.min, rss.max, rss.max <= 1024.0 ? "met" : "MISSED");
    summary jt = summarize(js, (size_t)rounds, FIELD(total));
    summary jr = summarize(js, (size_t)rounds, FIELD(load));
    summary jp = summarize(js, (size_t)rounds, FIELD(report));
    printf("jansson baseline: %.3f s (read %.3f + json_loadb per line %.3f), peak RSS %.1f MiB\n",
           jt.median, jr.median, jp.median, summarize(js, (size_t)rounds, FIELD(rss)).median);
    double ratio = total.median / jt.median;
    printf("ratio total/jansson: %.2f  target <= 3: %s\n", ratio, ratio <= 3.0 ? "met" : "MISSED");
    if (scale) {
        summary t10 = summarize(c10, (size_t)rounds, FIELD(total));
        double sr = total.median / t10.median;
        printf("scale: tenth %s: %zu claims, %zu documents: total %.3f s (load %.3f, normalize "
               "%.3f, resolve %.3f, group %.3f, report %.3f), peak RSS %.1f MiB\n",
               path10, c10[0].claims, c10[0].documents, t10.median,
               summarize(c10, (size_t)rounds, FIELD(load)).median,
               summarize(c10, (size_t)rounds, FIELD(normalize)).median,
               summarize(c10, (size_t)rounds, FIELD(resolve)).median,
               summarize(c10, (size_t)rounds, FIELD(group)).median,
               summarize(c10, (size_t)rounds, FIELD(report)).median,
               summarize(c10, (size_t)rounds, FIELD(rss)).median);
        printf("ratio full/tenth: %.2f  target <= about 11: %s\n", sr,
               sr <= 11.5 ? "met" : "MISSED");
        printf("  per stage full/tenth: load %.1f, normalize %.1f, resolve %.1f, group %.1f, "
               "report %.1f\n",
               summarize(cl, (size_t)rounds, FIELD(load)).median /
                   summarize(c10, (size_t)rounds, FIELD(load)).median,
               summarize(cl, (size_t)rounds, FIELD(normalize)).median /
                   summarize(c10, (size_t)rounds, FIELD(normalize)).median,
               summarize(cl, (size_t)rounds, FIELD(resolve)).median /
                   summarize(c10, (size_t)rounds, FIELD(resolve)).median,
               summarize(cl, (size_t)rounds, FIELD(group)).median /
                   summarize(c10, (size_t)rounds, FIELD(group)).median,
               summarize(cl, (size_t)rounds, FIELD(report)).median /
                   summarize(c10, (size_t)rounds, FIELD(report)).median);
    }
    if (quality) {
        if (exists(tpath)) {
            round_result q = in_child(quality_child, path, tpath);
            if (!q.ok)
                printf("quality: %s\n", q.error);
        } else {
            printf("quality: skipped: no ground truth %s\n", tpath);
        }
    }
    return 0;
}

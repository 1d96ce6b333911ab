/* dependence.c - sources that share wording: one wire story printed by two
 * outlets. Each source's quotes are cut into word shingles (runs of
 * `shared_words` words, 8 by default); shingles two sources have in common
 * point at the quotes to compare, and the longest common run of words of each
 * such pair is a shared passage. Words inside double quotation marks are
 * left out: two outlets quoting the same statement verbatim are not copying
 * each other. Two sources are dependent when they share two passages, or one
 * twice the minimum length. Cost: linear in the words quoted plus the
 * shingles shared; each shared run is listed once, at its start, and the
 * runs are sorted per pair of sources. Cutting, bucketing by hash, finding
 * runs and reading passages are done by parallel tasks, combined in order. */
#include "reconcile/stage.h"

#include <stdlib.h>
#include <string.h>

typedef struct word {
    uint64_t hash;
    uint32_t start, end; /* byte range in the quote */
} word;

typedef struct shingle {
    uint64_t hash;
    uint32_t source;
    uint32_t quote; /* index into the quote list */
    uint32_t pos;   /* its first word */
} shingle;

typedef struct quote {
    const char *text;
    size_t source;
} quote;

/* A run of shingles two quotes of two sources share: consecutive positions
 * on one diagonal, from (pa, pb) for `more` + 1 shingles. */
typedef struct run {
    uint32_t pair;   /* of sources (see claims__dependence) */
    uint32_t qa, qb; /* quotes */
    uint32_t pa, pb; /* word positions of the first shared shingle */
    uint32_t more;   /* shared shingles after the first */
} shared_run;

/* Shingles found in more sources than this are common phrases, not copying. */
#define MAX_SOURCES_PER_SHINGLE 16

static bool is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '\'' || c >= 0x80;
}

/* Splits a quote into folded words, leaving out double-quoted speech. */
static int words_of(const char *s, word **out, size_t *n, size_t *cap)
{
    *n = 0;
    bool quoted = false;
    size_t i = 0, len = strlen(s);
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        /* quotation marks: " toggles, U+201C opens, U+201D closes */
        if (c == '"') {
            quoted = !quoted;
            i++;
            continue;
        }
        if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] != 0x99) {
            /* U+2000..U+203F punctuation separates words; U+2019 is an
             * apostrophe and belongs to its word */
            unsigned char d = (unsigned char)s[i + 2];
            if (d == 0x9C || d == 0x9D)
                quoted = d == 0x9C;
            i += 3;
            continue;
        }
        if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0) {
            i += 2; /* no-break space */
            continue;
        }
        if (!is_word_byte(c)) {
            i++;
            continue;
        }
        size_t start = i;
        uint64_t h = 1469598103934665603ULL;
        while (i < len && is_word_byte((unsigned char)s[i])) {
            unsigned char b = (unsigned char)s[i];
            /* U+2019 (right single quote) is an apostrophe inside words */
            if (b == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                (unsigned char)s[i + 2] == 0x99) {
                b = '\'';
                i += 2;
            } else if (b == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
                break; /* other punctuation in U+2000..U+206F */
            }
            h ^= (unsigned char)claims__ascii_lower((char)b);
            h *= 1099511628211ULL;
            i++;
        }
        if (quoted)
            continue;
        if (claims__grow((void **)out, cap, *n + 1, sizeof **out) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
        (*out)[(*n)++] = (word){h, (uint32_t)start, (uint32_t)i};
    }
    return CLAIMS_OK;
}

int claims__quote_fingerprint(const char *text, void **scratch, size_t *cap, uint64_t *hash,
                              size_t *words)
{
    word **w = (word **)scratch;
    size_t n = 0, wcap = *cap;
    int rc = words_of(text, w, &n, &wcap);
    *cap = wcap;
    uint64_t h = CLAIMS__HASH_SEED;
    for (size_t i = 0; i < n; i++)
        h = claims__hash_step(h, (*w)[i].hash);
    *hash = claims__hash_finish(h, 0, n);
    *words = n;
    return rc;
}

static int cmp_shingle(const void *x, const void *y)
{
    const shingle *a = x, *b = y;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    return a->quote < b->quote ? -1 : a->quote > b->quote;
}

/* Runs of one pair of sources sort by quotes, diagonal (pb - pa), then
 * position: the order passages are found in. */
static int cmp_run(const void *x, const void *y)
{
    const shared_run *a = x, *b = y;
    if (a->qa != b->qa)
        return a->qa < b->qa ? -1 : 1;
    if (a->qb != b->qb)
        return a->qb < b->qb ? -1 : 1;
    int64_t da = (int64_t)a->pb - a->pa, db = (int64_t)b->pb - b->pa;
    if (da != db)
        return da < db ? -1 : 1;
    return a->pa < b->pa ? -1 : a->pa > b->pa;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int cmp_dependency(const void *x, const void *y)
{
    const claims__dependency *a = x, *b = y;
    int c = strcmp(a->a, b->a);
    return c ? c : strcmp(a->b, b->b);
}

/* A shared passage found for the source pair at hand: bytes of a quote. */
typedef struct passage {
    const char *text;
    size_t len, words;
} passage;

/* Passages by their bytes. */
static int cmp_passage(const passage *a, const passage *b)
{
    int c = memcmp(a->text, b->text, a->len < b->len ? a->len : b->len);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* Passages kept per source pair, for the report. */
#define MAX_PASSAGES 32

static uint64_t pair_key(size_t a, size_t b)
{
    return ((uint64_t)(a < b ? a : b) << 32) | (uint64_t)(a < b ? b : a);
}

bool claims__dependent(const claims_result *r, size_t a, size_t b)
{
    return a != b && claims__u64map_get(&r->dependent, pair_key(a, b), NULL);
}

int claims__mark_dependent(claims_result *r, size_t a, size_t b)
{
    return claims__u64map_put(&r->dependent, pair_key(a, b), 1);
}

/* The shingles of the quotes, in the order they were cut: quote q has
 * first[q + 1] - first[q] of them, from position 0. */
typedef struct cut {
    uint64_t *hash;
    uint32_t *start, *end; /* bytes of its words in the quote */
    unsigned char *shared; /* in a group of 2..MAX_SOURCES_PER_SHINGLE sources */
    size_t *first;
} cut;

/* Do quotes qa and qb share their shingles at positions pa and pb, in a
 * group of shingles that counts (so the two were linked)? */
static bool linked(const cut *C, uint32_t qa, uint32_t pa, uint32_t qb, uint32_t pb)
{
    size_t x = C->first[qa] + pa, y = C->first[qb] + pb;
    return x < C->first[qa + 1] && y < C->first[qb + 1] && C->hash[x] == C->hash[y] && C->shared[x];
}

/* Cutting runs twice: once to count each quote's shingles, so that they
 * can be written in place, in quote order, the second time. */
typedef struct cut_job {
    const quote *quotes;
    size_t nq, k, parts;
    size_t *first; /* per quote: its shingles, then where they start */
    shingle *sh;   /* NULL while counting */
    cut *C;        /* hashes and byte ranges, written with sh */
} cut_job;

/* The shingles of one part of the quotes. */
static int cut_part(void *arg, size_t part)
{
    cut_job *J = arg;
    word *wa = NULL;
    size_t na = 0, wacap = 0, k = J->k;
    int rc = CLAIMS_OK;
    for (size_t q = claims__split(J->nq, J->parts, part);
         q < claims__split(J->nq, J->parts, part + 1) && rc == CLAIMS_OK; q++) {
        if ((rc = words_of(J->quotes[q].text, &wa, &na, &wacap)) != CLAIMS_OK)
            break;
        if (!J->sh) {
            J->first[q] = na >= k ? na - k + 1 : 0;
            continue;
        }
        size_t at = J->first[q];
        for (size_t w = 0; w + k <= na; w++) {
            uint64_t h = 0;
            for (size_t j = 0; j < k; j++)
                h = (h ^ wa[w + j].hash) * 0x100000001b3ULL + j;
            J->sh[at + w] = (shingle){h, (uint32_t)J->quotes[q].source, (uint32_t)q, (uint32_t)w};
            J->C->hash[at + w] = h;
            J->C->start[at + w] = wa[w].start;
            J->C->end[at + w] = wa[w + k - 1].end;
        }
    }
    free(wa);
    return rc;
}

/* Shingles are spread over buckets by the top bits of their hash (a group
 * of equal hashes stays in one), and the buckets are handled by tasks. */
#define HASH_BUCKET_BITS 12

typedef struct shingle_job {
    const claims__rows *st;
    const uint32_t *srank; /* per source: place in id order */
    shingle *sh;
    const size_t *bucket; /* per hash bucket: first shingle; [buckets] = all */
    size_t buckets, parts;
    cut *C;
    /* runs are found twice: counted per part, then written in place */
    size_t *at;       /* per part: its runs, then where they start */
    shared_run *runs; /* NULL while counting; pairs not numbered yet */
} shingle_job;

/* The groups of equal hashes of one part of the buckets. */
typedef struct group_span {
    size_t from, to;
} group_span;

static group_span buckets_of(const shingle_job *J, size_t part)
{
    group_span g = {J->bucket[claims__split(J->buckets, J->parts, part)],
                    J->bucket[claims__split(J->buckets, J->parts, part + 1)]};
    return g;
}

/* Sorts a part's buckets and marks the shingles that count: those whose
 * group has 2..MAX_SOURCES_PER_SHINGLE sources. */
static int mark_part(void *arg, size_t part)
{
    shingle_job *J = arg;
    size_t b0 = claims__split(J->buckets, J->parts, part);
    size_t b1 = claims__split(J->buckets, J->parts, part + 1);
    for (size_t b = b0; b < b1; b++)
        if (J->bucket[b + 1] - J->bucket[b] > 1)
            qsort(J->sh + J->bucket[b], J->bucket[b + 1] - J->bucket[b], sizeof *J->sh,
                  cmp_shingle);
    group_span g = buckets_of(J, part);
    const shingle *sh = J->sh;
    for (size_t i = g.from; i < g.to;) {
        size_t j = i, sources = 0;
        while (j < g.to && sh[j].hash == sh[i].hash) {
            if (j == i || sh[j].source != sh[j - 1].source)
                sources++;
            j++;
        }
        bool counts = sources >= 2 && sources <= MAX_SOURCES_PER_SHINGLE;
        for (size_t x = i; x < j; x++)
            J->C->shared[J->C->first[sh[x].quote] + sh[x].pos] = counts;
        i = j;
    }
    return 0;
}

/* The runs of a part's groups: of each run of shared shingles on one
 * diagonal of two quotes only the start, with its length. */
static int run_part(void *arg, size_t part)
{
    shingle_job *J = arg;
    group_span g = buckets_of(J, part);
    const shingle *sh = J->sh;
    const cut *C = J->C;
    shared_run *out = J->runs ? J->runs + J->at[part] : NULL;
    size_t n = 0;
    for (size_t i = g.from; i < g.to;) {
        size_t j = i;
        while (j < g.to && sh[j].hash == sh[i].hash)
            j++;
        for (size_t x = i; x < j && C->shared[C->first[sh[i].quote] + sh[i].pos]; x++)
            for (size_t y = x + 1; y < j; y++) {
                if (sh[x].source == sh[y].source)
                    continue;
                /* a is the source with the smaller id: passages are quoted
                 * from it, whatever the input order */
                const shingle *p = &sh[x], *q = &sh[y];
                if (J->srank[p->source] > J->srank[q->source]) {
                    p = &sh[y];
                    q = &sh[x];
                }
                if (p->pos && q->pos && linked(C, p->quote, p->pos - 1, q->quote, q->pos - 1))
                    continue; /* inside a run */
                uint32_t more = 0;
                while (linked(C, p->quote, p->pos + more + 1, q->quote, q->pos + more + 1))
                    more++;
                if (out)
                    out[n] = (shared_run){0, p->quote, q->quote, p->pos, q->pos, more};
                n++;
            }
        i = j;
    }
    if (!out)
        J->at[part] = n;
    return 0;
}

/* What the runs of one pair of sources come to. */
typedef struct pair_passages {
    size_t first, count; /* kept passages: in the part's list */
    bool dependent;
} pair_passages;

typedef struct passage_job {
    const cut *C;
    const quote *quotes;
    shared_run *runs;
    const size_t *bucket; /* per pair: first run; [pairs] = all */
    const size_t *pstart; /* per part: first pair (parts of about equal runs) */
    size_t pairs, parts, k;
    pair_passages *result; /* per pair */
    passage **kept;        /* per part */
    size_t *nkept;         /* per part */
} passage_job;

/* Per pair of a part: its runs in passage order, the distinct passages they
 * share, and whether that makes the two sources dependent. */
static int passage_part(void *arg, size_t part)
{
    passage_job *J = arg;
    size_t kcap = 0, k = J->k;
    passage found[MAX_PASSAGES]; /* of the pair at hand */
    int rc = CLAIMS_OK;
    J->kept[part] = NULL;
    J->nkept[part] = 0;
    for (size_t pr = J->pstart[part]; pr < J->pstart[part + 1] && rc == CLAIMS_OK; pr++) {
        shared_run *runs = J->runs + J->bucket[pr];
        size_t nr = J->bucket[pr + 1] - J->bucket[pr];
        if (nr > 1)
            qsort(runs, nr, sizeof *runs, cmp_run);
        size_t np = 0, total = 0, longest = 0;
        for (size_t x = 0; x < nr; x++) {
            /* from the first word of its first shingle to the last word of
             * its last */
            size_t first = J->C->first[runs[x].qa] + runs[x].pa, last = first + runs[x].more;
            size_t len = runs[x].more + k;
            passage p = {J->quotes[runs[x].qa].text + J->C->start[first],
                         J->C->end[last] - J->C->start[first], len};
            /* the MAX_PASSAGES first by content, not the first found:
             * the order of runs follows the order of the quotes */
            size_t at = 0;
            int c = 1;
            while (at < np && (c = cmp_passage(&found[at], &p)) < 0)
                at++;
            if (at < np && c == 0)
                continue; /* found already */
            total++;
            longest = len > longest ? len : longest;
            if (at == MAX_PASSAGES)
                continue;
            np -= np == MAX_PASSAGES;
            memmove(found + at + 1, found + at, (np - at) * sizeof *found);
            found[at] = p;
            np++;
        }
        pair_passages *res = &J->result[pr];
        res->dependent = total >= 2 || longest >= 2 * k;
        res->first = J->nkept[part];
        res->count = res->dependent ? np : 0;
        if (rc == CLAIMS_OK && res->dependent &&
            (rc = claims__grow((void **)&J->kept[part], &kcap, J->nkept[part] + np,
                               sizeof **J->kept)) == CLAIMS_OK) {
            memcpy(J->kept[part] + J->nkept[part], found, np * sizeof *found);
            J->nkept[part] += np;
        }
    }
    return rc;
}

int claims__dependence(claims__run *run)
{
    claims_result *r = run->r;
    const claims__rows *st = &r->rows;
    size_t k = r->opts.shared_words ? r->opts.shared_words : 8;
    int rc = CLAIMS_ENOMEM;

    quote *quotes = NULL;
    size_t nq = 0, qcap = 0;
    shingle *sh = NULL;
    size_t nsh = 0;
    cut C = {NULL, NULL, NULL, NULL, NULL};
    shared_run *runs = NULL;
    size_t nr = 0;
    claims_u64map pairs; /* (a, b) -> pair number, in order of appearance */
    claims__u64map_init(&pairs);
    uint64_t *pair_of = NULL; /* per pair number: a << 32 | b */
    size_t npairs = 0, pcap = 0, bcap = 0;
    size_t *bucket = NULL, *fill = NULL; /* per pair: first run */
    size_t *hb = NULL;                   /* per hash bucket: first shingle */
    shingle *sorted = NULL;
    shared_run *found = NULL; /* in bucket order */
    size_t *part_at = NULL, parts = 0;
    pair_passages *result = NULL;
    passage **kept_of = NULL;
    size_t *nkept = NULL, pparts = 0, *pstart = NULL;
    uint32_t *srank = claims__source_ranks(st);
    if (!srank)
        return CLAIMS_ENOMEM;
    claims__ptab seen = {NULL, 0, 0}; /* (quote, source) already listed */

    /* 1. distinct quotes per source: quotes are interned, so (pointer,
     * source) identifies one */
    for (size_t i = 0; i < st->claim_count; i++) {
        const claims__claim *c = &st->claims[i];
        if (!c->quote[0])
            continue;
        claims__ptab_slot *slot = claims__ptab_get(&seen, c->quote, NULL, (uint32_t)c->source);
        if (!slot || nq >= UINT32_MAX)
            goto done;
        if (slot->index != UINT32_MAX)
            continue;
        slot->index = (uint32_t)nq;
        if (claims__grow((void **)&quotes, &qcap, nq + 1, sizeof *quotes) != CLAIMS_OK)
            goto done;
        quotes[nq++] = (quote){c->quote, c->source};
    }
    claims__ptab_free(&seen);
    /* 2. their shingles, cut in parallel parts: counted, then written in
     * place, in quote order */
    C.first = malloc((nq + 1) * sizeof *C.first);
    if (!C.first)
        goto done;
    {
        cut_job J = {quotes, nq, k, nq < 64 ? 1 : 16 * (size_t)run->threads, C.first, NULL, &C};
        if (claims__parallel(J.parts, run->threads, cut_part, &J) != 0)
            goto done;
        for (size_t q = 0; q < nq; q++) {
            size_t count = C.first[q];
            C.first[q] = nsh;
            nsh += count;
        }
        C.first[nq] = nsh;
        C.hash = malloc((nsh ? nsh : 1) * sizeof *C.hash);
        C.start = malloc((nsh ? nsh : 1) * sizeof *C.start);
        C.end = malloc((nsh ? nsh : 1) * sizeof *C.end);
        C.shared = malloc(nsh ? nsh : 1);
        if (!C.hash || !C.start || !C.end || !C.shared ||
            !(sh = J.sh = malloc((nsh ? nsh : 1) * sizeof *sh)) ||
            claims__parallel(J.parts, run->threads, cut_part, &J) != 0)
            goto done;
    }

    /* 3. shingles by hash, in buckets that tasks sort and mark */
    size_t buckets = (size_t)1 << HASH_BUCKET_BITS;
    parts = nsh < 512 ? 1 : 16 * (size_t)run->threads;
    hb = calloc(buckets + 1, sizeof *hb);
    sorted = malloc((nsh ? nsh : 1) * sizeof *sorted);
    part_at = calloc(parts, sizeof *part_at);
    if (!hb || !sorted || !part_at)
        goto done;
    for (size_t i = 0; i < nsh; i++)
        hb[(sh[i].hash >> (64 - HASH_BUCKET_BITS)) + 1]++;
    for (size_t b = 0; b < buckets; b++)
        hb[b + 1] += hb[b];
    {
        size_t *at = malloc(buckets * sizeof *at);
        if (!at)
            goto done;
        memcpy(at, hb, buckets * sizeof *at);
        for (size_t i = 0; i < nsh; i++)
            sorted[at[sh[i].hash >> (64 - HASH_BUCKET_BITS)]++] = sh[i];
        free(at);
    }
    free(sh);
    sh = NULL;
    shingle_job SJ = {st, srank, sorted, hb, buckets, parts, &C, part_at, NULL};
    if (claims__parallel(parts, run->threads, mark_part, &SJ) != 0 ||
        claims__parallel(parts, run->threads, run_part, &SJ) != 0)
        goto done;
    size_t nfound = 0;
    for (size_t p = 0; p < parts; p++) {
        size_t count = part_at[p];
        part_at[p] = nfound;
        nfound += count;
    }
    if (!(found = SJ.runs = malloc((nfound ? nfound : 1) * sizeof *found)) ||
        claims__parallel(parts, run->threads, run_part, &SJ) != 0)
        goto done;
    free(sorted);
    sorted = NULL;

    /* 4. the pairs of sources numbered in order of appearance, and the runs
     * put together by pair */
    for (size_t i = 0; i < nfound; i++) {
        shared_run *f = &found[i];
        /* the quote of the source with the smaller id comes first */
        uint64_t pk = (uint64_t)quotes[f->qa].source << 32 | quotes[f->qb].source, pair;
        if (!claims__u64map_get(&pairs, pk, &pair)) {
            pair = npairs;
            if (npairs >= UINT32_MAX ||
                claims__grow((void **)&pair_of, &pcap, npairs + 1, sizeof *pair_of) ||
                claims__grow((void **)&bucket, &bcap, npairs + 2, sizeof *bucket) ||
                claims__u64map_put(&pairs, pk, pair) != CLAIMS_OK)
                goto done;
            pair_of[npairs++] = pk;
            bucket[npairs] = 0;
        }
        f->pair = (uint32_t)pair;
        bucket[pair + 1]++;
        nr++;
    }
    claims__u64map_free(&pairs);
    if (npairs) {
        bucket[0] = 0;
        for (size_t p = 0; p < npairs; p++)
            bucket[p + 1] += bucket[p];
        runs = malloc((nr ? nr : 1) * sizeof *runs);
        fill = malloc(npairs * sizeof *fill);
        if (!runs || !fill)
            goto done;
        memcpy(fill, bucket, npairs * sizeof *fill);
        for (size_t i = 0; i < nfound; i++)
            runs[fill[found[i].pair]++] = found[i];
    }
    free(found);
    found = NULL;

    /* 5. per pair, by tasks: the shared passages */
    pparts = npairs < 16 ? 1 : 16 * (size_t)run->threads;
    result = malloc((npairs ? npairs : 1) * sizeof *result);
    kept_of = calloc(pparts, sizeof *kept_of);
    nkept = calloc(pparts, sizeof *nkept);
    pstart = malloc((pparts + 1) * sizeof *pstart);
    if (!result || !kept_of || !nkept || !pstart)
        goto done;
    /* parts of about equal runs: a pair that prints many stories has many */
    for (size_t p = 0, pr = 0; p <= pparts; p++) {
        while (pr < npairs && bucket[pr] < claims__split(nr, pparts, p))
            pr++;
        pstart[p] = p == pparts ? npairs : pr;
    }
    passage_job PJ = {&C, quotes, runs, bucket, pstart, npairs, pparts, k, result, kept_of, nkept};
    if (npairs && claims__parallel(pparts, run->threads, passage_part, &PJ) != 0)
        goto done;

    /* 6. the dependent pairs, in pair order */
    for (size_t part = 0; part < pparts && npairs; part++)
        for (size_t pr = pstart[part]; pr < pstart[part + 1]; pr++) {
            const pair_passages *res = &result[pr];
            if (!res->dependent)
                continue;
            if (claims__grow((void **)&r->deps, &r->dep_cap, r->dep_count + 1, sizeof *r->deps) !=
                CLAIMS_OK)
                goto done;
            size_t a = (size_t)(pair_of[pr] >> 32), b = (size_t)(pair_of[pr] & 0xffffffffu);
            size_t np = res->count;
            const passage *kept_found = kept_of[part] + res->first;
            const char **kept = claims__arena_alloc(&r->arena, (np ? np : 1) * sizeof *kept);
            if (!kept)
                goto done;
            for (size_t e = 0; e < np; e++)
                if (!(kept[e] = claims__result_intern(r, kept_found[e].text, kept_found[e].len)))
                    goto done;
            qsort(kept, np, sizeof *kept, cmp_str); /* content order */
            r->deps[r->dep_count++] =
                (claims__dependency){st->sources[a].id, st->sources[b].id, a, b, kept, np};
            /* remembered as a pair: copying is a fact about two sources,
             * never closed over chains of them */
            if (claims__u64map_put(&r->dependent, pair_key(a, b), 1) != CLAIMS_OK)
                goto done;
        }
    if (r->dep_count > 1)
        qsort(r->deps, r->dep_count, sizeof *r->deps, cmp_dependency);
    rc = CLAIMS_OK;
done:
    claims__u64map_free(&pairs);
    free(pair_of);
    free(bucket);
    free(fill);
    free(hb);
    free(sorted);
    free(found);
    free(part_at);
    free(result);
    for (size_t p = 0; kept_of && p < pparts; p++)
        free(kept_of[p]);
    free(kept_of);
    free(nkept);
    free(pstart);
    free(srank);
    claims__ptab_free(&seen);
    free(quotes);
    free(sh);
    free(C.hash);
    free(C.start);
    free(C.end);
    free(C.shared);
    free(C.first);
    free(runs);
    return rc;
}

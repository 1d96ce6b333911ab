/* dependence.c - sources that share wording: one wire story printed by two
 * outlets. Each source's quotes are cut into word shingles (runs of
 * `shared_words` words, 8 by default); shingles two sources have in common
 * point at the quotes to compare, and the longest common run of words of each
 * such pair is a shared passage. Words inside double quotation marks are
 * left out: two outlets quoting the same statement verbatim are not copying
 * each other. Two sources are dependent when they share two passages, or one
 * twice the minimum length. Cost: linear in the words quoted, plus a sort. */
#include "reconcile.h"

#include <stdlib.h>
#include <string.h>

typedef struct word {
    uint64_t hash;
    uint32_t start, end; /* byte range in the quote */
} word;

typedef struct shingle {
    uint64_t hash;
    uint32_t source;
    uint32_t quote;  /* index into the quote list */
    uint32_t pos;    /* its first word */
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
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '\'' || c >= 0x80;
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

/* The shingles of the quotes, in the order they were cut: quote q has
 * first[q + 1] - first[q] of them, from position 0. */
typedef struct cut {
    uint64_t *hash;
    unsigned char *shared; /* in a group of 2..MAX_SOURCES_PER_SHINGLE sources */
    size_t *first;
} cut;

/* Do quotes qa and qb share their shingles at positions pa and pb, in a
 * group of shingles that counts (so the two were linked)? */
static bool linked(const cut *C, uint32_t qa, uint32_t pa, uint32_t qb, uint32_t pb)
{
    size_t x = C->first[qa] + pa, y = C->first[qb] + pb;
    return x < C->first[qa + 1] && y < C->first[qb + 1] && C->hash[x] == C->hash[y] &&
           C->shared[x];
}

typedef struct source_id {
    const char *id;
    size_t index;
} source_id;

static int cmp_source_id(const void *x, const void *y)
{
    return strcmp(((const source_id *)x)->id, ((const source_id *)y)->id);
}

/* Per source: its place in id order (malloc), NULL on ENOMEM. */
static uint32_t *source_ranks(const claims_store *st)
{
    size_t n = st->source_count;
    source_id *ids = malloc((n ? n : 1) * sizeof *ids);
    uint32_t *rank = malloc((n ? n : 1) * sizeof *rank);
    if (ids && rank) {
        for (size_t s = 0; s < n; s++)
            ids[s] = (source_id){st->sources[s].id, s};
        qsort(ids, n, sizeof *ids, cmp_source_id);
        for (size_t s = 0; s < n; s++)
            rank[ids[s].index] = (uint32_t)s;
    } else {
        free(rank);
        rank = NULL;
    }
    free(ids);
    return rank;
}

typedef struct cut_job {
    const quote *quotes;
    size_t nq, k, parts;
    size_t *count;   /* per quote: its shingles */
    shingle **sh;    /* per part */
    size_t *nsh;     /* per part */
} cut_job;

/* The shingles of one part of the quotes. */
static int cut_part(void *arg, size_t part)
{
    cut_job *J = arg;
    word *wa = NULL;
    size_t na = 0, wacap = 0, n = 0, cap = 0, k = J->k;
    shingle *out = NULL;
    int rc = CLAIMS_OK;
    for (size_t q = claims__split(J->nq, J->parts, part);
         q < claims__split(J->nq, J->parts, part + 1) && rc == CLAIMS_OK; q++) {
        J->count[q] = 0;
        rc = words_of(J->quotes[q].text, &wa, &na, &wacap);
        if (rc != CLAIMS_OK || na < k)
            continue;
        if ((rc = claims__grow((void **)&out, &cap, n + na - k + 1, sizeof *out)) != CLAIMS_OK)
            break;
        for (size_t w = 0; w + k <= na; w++) {
            uint64_t h = 0;
            for (size_t j = 0; j < k; j++)
                h = (h ^ wa[w + j].hash) * 0x100000001b3ULL + j;
            out[n++] = (shingle){h, (uint32_t)J->quotes[q].source, (uint32_t)q, (uint32_t)w};
        }
        J->count[q] = na - k + 1;
    }
    free(wa);
    J->sh[part] = out;
    J->nsh[part] = n;
    return rc;
}

int claims__dependence(claims__run *run)
{
    claims_result *r = run->r;
    const claims_store *st = r->store;
    size_t k = r->opts.shared_words ? r->opts.shared_words : 8;
    int rc = CLAIMS_ENOMEM;

    quote *quotes = NULL;
    size_t nq = 0, qcap = 0;
    shingle *sh = NULL;
    size_t nsh = 0;
    cut C = {NULL, NULL, NULL};
    shared_run *runs = NULL;
    size_t nr = 0, rcap = 0;
    claims_u64map pairs; /* (a, b) -> pair number, in order of appearance */
    claims__u64map_init(&pairs);
    uint64_t *pair_of = NULL; /* per pair number: a << 32 | b */
    size_t npairs = 0, pcap = 0;
    size_t *bucket = NULL, *fill = NULL;
    uint32_t *srank = source_ranks(st);
    if (!srank)
        return CLAIMS_ENOMEM;
    word *wa = NULL;
    size_t na = 0, wacap = 0;
    passage found[MAX_PASSAGES]; /* of the source pair at hand */
    claims_strmap seen; /* (source, quote text) already listed */
    claims__strmap_init(&seen);
    claims_arena keys;
    claims__arena_init(&keys);

    /* 1. distinct quotes per source */
    for (size_t i = 0; i < st->claim_count; i++) {
        const claims__claim *c = &st->claims[i];
        if (!c->quote[0])
            continue;
        /* quotes are interned, so (source, pointer) identifies one */
        uintptr_t key[2] = {(uintptr_t)c->source, (uintptr_t)c->quote};
        if (claims__strmap_get(&seen, (const char *)key, sizeof key, NULL))
            continue;
        char *kp = claims__arena_alloc(&keys, sizeof key);
        if (!kp)
            goto done;
        memcpy(kp, key, sizeof key);
        if (nq >= UINT32_MAX || claims__strmap_put(&seen, kp, sizeof key, 0) != CLAIMS_OK ||
            claims__grow((void **)&quotes, &qcap, nq + 1, sizeof *quotes) != CLAIMS_OK)
            goto done;
        quotes[nq++] = (quote){c->quote, c->source};
    }
    claims__strmap_free(&seen);
    claims__arena_free(&keys);
    /* 2. their shingles, cut in parallel parts, joined in quote order */
    C.first = malloc((nq + 1) * sizeof *C.first);
    if (!C.first)
        goto done;
    {
        size_t parts = nq < 64 ? 1 : 16 * (size_t)run->threads;
        cut_job J = {quotes, nq, k, parts, C.first, calloc(parts, sizeof(shingle *)),
                     calloc(parts, sizeof(size_t))};
        int prc = J.sh && J.nsh ? claims__parallel(parts, run->threads, cut_part, &J)
                                : CLAIMS_ENOMEM;
        for (size_t p = 0; prc == 0 && p < parts; p++)
            nsh += J.nsh[p];
        if (prc == 0 && (sh = malloc((nsh ? nsh : 1) * sizeof *sh)) != NULL) {
            nsh = 0;
            for (size_t p = 0; p < parts; p++) {
                if (J.nsh[p])
                    memcpy(sh + nsh, J.sh[p], J.nsh[p] * sizeof *sh);
                nsh += J.nsh[p];
            }
            /* counts per quote -> first shingle of each */
            size_t at = 0;
            for (size_t q = 0; q < nq; q++) {
                size_t count = C.first[q];
                C.first[q] = at;
                at += count;
            }
            C.first[nq] = at;
        }
        for (size_t p = 0; J.sh && p < parts; p++)
            free(J.sh[p]);
        free(J.sh);
        free(J.nsh);
        if (!sh)
            goto done;
    }
    C.hash = malloc((nsh ? nsh : 1) * sizeof *C.hash);
    C.shared = malloc(nsh ? nsh : 1);
    if (!C.hash || !C.shared)
        goto done;
    for (size_t i = 0; i < nsh; i++)
        C.hash[i] = sh[i].hash;

    /* 2. shingles shared by different sources; of each run of shared
     * shingles on one diagonal of two quotes only the start is listed,
     * with its length */
    if (nsh > 1)
        qsort(sh, nsh, sizeof *sh, cmp_shingle);
    for (size_t pass = 0; pass < 2; pass++) /* which groups count; then runs */
        for (size_t i = 0; i < nsh;) {
            size_t j = i, sources = 0;
            while (j < nsh && sh[j].hash == sh[i].hash) {
                if (j == i || sh[j].source != sh[j - 1].source)
                    sources++;
                j++;
            }
            bool counts = sources >= 2 && sources <= MAX_SOURCES_PER_SHINGLE;
            for (size_t x = i; pass == 0 && x < j; x++)
                C.shared[C.first[sh[x].quote] + sh[x].pos] = counts;
            for (size_t x = i; pass == 1 && counts && x < j; x++)
                for (size_t y = x + 1; y < j; y++) {
                    if (sh[x].source == sh[y].source)
                        continue;
                    /* a is the source with the smaller id: passages are
                     * quoted from it, whatever the input order */
                    const shingle *p = &sh[x], *q = &sh[y];
                    if (srank[p->source] > srank[q->source]) {
                        p = &sh[y];
                        q = &sh[x];
                    }
                    if (p->pos && q->pos &&
                        linked(&C, p->quote, p->pos - 1, q->quote, q->pos - 1))
                        continue; /* inside a run */
                    uint32_t more = 0;
                    while (linked(&C, p->quote, p->pos + more + 1, q->quote, q->pos + more + 1))
                        more++;
                    uint64_t pk = (uint64_t)p->source << 32 | q->source, pair;
                    if (!claims__u64map_get(&pairs, pk, &pair)) {
                        pair = npairs;
                        if (npairs >= UINT32_MAX ||
                            claims__grow((void **)&pair_of, &pcap, npairs + 1,
                                         sizeof *pair_of) != CLAIMS_OK ||
                            claims__u64map_put(&pairs, pk, pair) != CLAIMS_OK)
                            goto done;
                        pair_of[npairs++] = pk;
                    }
                    if (claims__grow((void **)&runs, &rcap, nr + 1, sizeof *runs) != CLAIMS_OK)
                        goto done;
                    runs[nr++] = (shared_run){(uint32_t)pair, p->quote, q->quote, p->pos,
                                              q->pos, more};
                }
            i = j;
        }
    free(sh);
    sh = NULL;
    claims__u64map_free(&pairs);
    /* runs by pair, in place (each bucket filled by swapping), then each
     * pair's in passage order */
    bucket = calloc(npairs + 1, sizeof *bucket);
    fill = malloc((npairs + 1) * sizeof *fill);
    if (!bucket || !fill)
        goto done;
    for (size_t i = 0; i < nr; i++)
        bucket[runs[i].pair + 1]++;
    for (size_t p = 0; p < npairs; p++)
        bucket[p + 1] += bucket[p];
    memcpy(fill, bucket, (npairs + 1) * sizeof *fill);
    for (size_t p = 0; p < npairs; p++)
        while (fill[p] < bucket[p + 1]) {
            shared_run *x = &runs[fill[p]];
            if (x->pair == p) {
                fill[p]++;
                continue;
            }
            shared_run t = runs[fill[x->pair]];
            runs[fill[x->pair]++] = *x;
            *x = t;
        }
    for (size_t p = 0; p < npairs; p++)
        if (bucket[p + 1] - bucket[p] > 1)
            qsort(runs + bucket[p], bucket[p + 1] - bucket[p], sizeof *runs, cmp_run);

    /* 3. per source pair: the shared passages */
    for (size_t i = 0; i < nr;) {
        size_t j = bucket[runs[i].pair + 1];
        size_t np = 0, total = 0, longest = 0;
        uint32_t words_of_quote = UINT32_MAX; /* which quote wa holds */
        for (size_t x = i; x < j; x++) {
            if (runs[x].qa != words_of_quote) {
                if (words_of(quotes[runs[x].qa].text, &wa, &na, &wacap) != CLAIMS_OK)
                    goto done;
                words_of_quote = runs[x].qa;
            }
            size_t first = runs[x].pa, len = runs[x].more + k;
            const char *qa = quotes[runs[x].qa].text;
            passage p = {qa + wa[first].start, wa[first + len - 1].end - wa[first].start, len};
            bool dup = false;
            for (size_t e = 0; e < np && !dup; e++)
                dup = found[e].len == p.len && memcmp(found[e].text, p.text, p.len) == 0;
            if (!dup) {
                total++;
                longest = len > longest ? len : longest;
                if (np < MAX_PASSAGES)
                    found[np++] = p;
            }
        }
        if (total >= 2 || longest >= 2 * k) {
            if (claims__grow((void **)&r->deps, &r->dep_cap, r->dep_count + 1,
                             sizeof *r->deps) != CLAIMS_OK)
                goto done;
            size_t a = (size_t)(pair_of[runs[i].pair] >> 32),
                   b = (size_t)(pair_of[runs[i].pair] & 0xffffffffu);
            const char **kept = claims__arena_alloc(&r->arena, np * sizeof *kept);
            if (!kept)
                goto done;
            for (size_t e = 0; e < np; e++)
                if (!(kept[e] = claims__result_intern(r, found[e].text, found[e].len)))
                    goto done;
            qsort(kept, np, sizeof *kept, cmp_str); /* content order */
            r->deps[r->dep_count++] = (claims__dependency){
                st->sources[a].id, st->sources[b].id, a, b, kept, np};
            /* remembered as a pair: copying is a fact about two sources,
             * never closed over chains of them */
            if (claims__u64map_put(&r->dependent, pair_key(a, b), 1) != CLAIMS_OK)
                goto done;
        }
        i = j;
    }
    if (r->dep_count > 1)
        qsort(r->deps, r->dep_count, sizeof *r->deps, cmp_dependency);
    rc = CLAIMS_OK;
done:
    claims__u64map_free(&pairs);
    free(pair_of);
    free(bucket);
    free(fill);
    free(srank);
    claims__strmap_free(&seen);
    claims__arena_free(&keys);
    free(quotes);
    free(sh);
    free(C.hash);
    free(C.shared);
    free(C.first);
    free(runs);
    free(wa);
    return rc;
}

/* copied.c - sources that copy each other's claims, however short the
 * quotes: a reprint of a wire story that quotes clauses of a few words
 * ("CORVEL, Taloria", "on Tuesday", "killing eight people") shares no
 * passage long enough for dependence.c, but states the wire's claims one by
 * one. Two claims coincide when they are about the same resolved subject and
 * have the same attribute, value text, polarity, attribution chain and quote
 * (its words outside double quotation marks, folded; a quote made only of
 * quoted speech never coincides: two outlets quoting one statement are not
 * copying each other). Two sources are dependent when they have at least
 * MIN_COPIED coinciding claims and those are at least half of the claims of
 * the one with fewer: independent outlets agree on facts, but rarely on most
 * of a document's claims in the same words. Claims shared by more than
 * MAX_SOURCES_PER_CLAIM sources are common and ignored. Linear in the claims
 * plus a sort. */
#include "reconcile/stage.h"

#include <stdlib.h>
#include <string.h>

#define MIN_COPIED 4
#define MAX_SOURCES_PER_CLAIM 16
#define MAX_PASSAGES 32 /* kept per pair, as dependence.c keeps */

typedef struct keyed {
    uint64_t key;
    uint32_t source;
    const char *quote;
} keyed;

static int cmp_keyed(const void *x, const void *y)
{
    const keyed *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    return strcmp(a->quote, b->quote);
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    return claims__hash_step(h, claims__hash_words(s, strlen(s)));
}

/* A pair of sources (a before b in id order) and its coinciding claims. */
typedef struct copy_pair {
    uint32_t a, b;
    size_t shared;
} copy_pair;

typedef struct pair_quote {
    size_t pair;
    const char *quote;
} pair_quote;

/* Dependencies in id order, as dependence.c lists them. */
static int cmp_dependency(const void *x, const void *y)
{
    const claims__dependency *a = x, *b = y;
    int c = strcmp(a->a, b->a);
    return c ? c : strcmp(a->b, b->b);
}

static int cmp_pair_quote(const void *x, const void *y)
{
    const pair_quote *a = x, *b = y;
    if (a->pair != b->pair)
        return a->pair < b->pair ? -1 : 1;
    return strcmp(a->quote, b->quote);
}

int claims__copied_claims(claims__run *run)
{
    claims_result *r = run->r;
    const claims__rows *st = &r->rows;
    int rc = CLAIMS_ENOMEM;
    keyed *keys = malloc((st->claim_count ? st->claim_count : 1) * sizeof *keys);
    size_t *claims_of = calloc(st->source_count ? st->source_count : 1, sizeof *claims_of);
    uint32_t *srank = claims__source_ranks(st);
    void *scratch = NULL;
    size_t scap = 0, nk = 0, npairs = 0, pcap = 0, nq = 0, qcap = 0;
    copy_pair *pairs = NULL;
    pair_quote *quotes = NULL;
    claims_u64map pair_at;
    claims__u64map_init(&pair_at);
    claims__ptab read = {NULL, 0, 0}; /* quote -> its fingerprint in prints */
    struct {
        uint64_t hash;
        size_t words;
    } *prints = NULL;
    size_t nprints = 0, pcap2 = 0;
    if (!keys || !claims_of || !srank)
        goto done;

    /* 1. every claim with a quote of its own words, keyed by what it says */
    for (size_t i = 0; i < st->claim_count; i++) {
        const claims__claim *c = &st->claims[i];
        claims_of[c->source]++;
        if (!c->quote || !*c->quote)
            continue;
        /* a quote the store holds once is read once */
        claims__ptab_slot *slot = claims__ptab_get(&read, c->quote, NULL, 0);
        if (!slot)
            goto done;
        if (slot->index == UINT32_MAX) {
            size_t words;
            if (claims__grow((void **)&prints, &pcap2, nprints + 1, sizeof *prints) ||
                claims__quote_fingerprint(c->quote, &scratch, &scap, &prints[nprints].hash,
                                          &words) != CLAIMS_OK)
                goto done;
            prints[nprints].words = words;
            slot->index = (uint32_t)nprints++;
        }
        uint64_t qh = prints[slot->index].hash;
        size_t words = prints[slot->index].words;
        if (!words)
            continue;
        uint64_t h = claims__hash_step(CLAIMS__HASH_SEED, r->mention_subject[c->subject]);
        h = hash_str(h, c->attribute);
        h = hash_str(h, c->value);
        h = claims__hash_step(h, (uint64_t)c->polarity);
        h = claims__hash_step(h, c->attribution_count);
        for (size_t a = 0; a < c->attribution_count; a++)
            h = hash_str(h, c->attribution[a]);
        keys[nk++] = (keyed){claims__hash_finish(h, qh, words), (uint32_t)c->source, c->quote};
    }
    qsort(keys, nk, sizeof *keys, cmp_keyed);

    /* 2. per claim said alike by 2 to MAX_SOURCES_PER_CLAIM sources: one more
     * coinciding claim for each pair of them (counted once per source) */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < nk;) {
            size_t j = i, sources = 0;
            while (j < nk && keys[j].key == keys[i].key) {
                if (j == i || keys[j].source != keys[j - 1].source)
                    sources++;
                j++;
            }
            if (sources < 2 || sources > MAX_SOURCES_PER_CLAIM) {
                i = j;
                continue;
            }
            for (size_t x = i; x < j; x++) {
                if (x > i && keys[x].source == keys[x - 1].source)
                    continue;
                for (size_t y = x + 1; y < j; y++) {
                    if (keys[y].source == keys[y - 1].source)
                        continue;
                    const keyed *p = &keys[x], *q = &keys[y];
                    if (srank[p->source] > srank[q->source]) {
                        p = &keys[y];
                        q = &keys[x];
                    }
                    uint64_t pk = (uint64_t)p->source << 32 | q->source, at;
                    if (pass == 0) {
                        if (!claims__u64map_get(&pair_at, pk, &at)) {
                            at = npairs;
                            if (claims__grow((void **)&pairs, &pcap, npairs + 1, sizeof *pairs) ||
                                claims__u64map_put(&pair_at, pk, at) != CLAIMS_OK)
                                goto done;
                            pairs[npairs++] = (copy_pair){p->source, q->source, 0};
                        }
                        pairs[at].shared++;
                        continue;
                    }
                    /* pass 1: the quotes of the pairs found dependent, as
                     * the source first in id order words them */
                    claims__u64map_get(&pair_at, pk, &at);
                    const copy_pair *cp = &pairs[at];
                    size_t fewer =
                        claims_of[cp->a] < claims_of[cp->b] ? claims_of[cp->a] : claims_of[cp->b];
                    if (cp->shared < MIN_COPIED || 2 * cp->shared < fewer ||
                        claims__dependent(r, cp->a, cp->b))
                        continue;
                    if (claims__grow((void **)&quotes, &qcap, nq + 1, sizeof *quotes))
                        goto done;
                    quotes[nq++] = (pair_quote){at, p->quote};
                }
            }
            i = j;
        }
    }

    /* 3. the dependent pairs, each with its distinct quotes in content order */
    if (nq > 1)
        qsort(quotes, nq, sizeof *quotes, cmp_pair_quote);
    for (size_t i = 0; i < nq;) {
        size_t j = i, np = 0;
        while (j < nq && quotes[j].pair == quotes[i].pair)
            j++;
        const copy_pair *cp = &pairs[quotes[i].pair];
        const char **kept = claims__arena_alloc(&r->arena, MAX_PASSAGES * sizeof *kept);
        if (!kept)
            goto done;
        for (size_t x = i; x < j && np < MAX_PASSAGES; x++) {
            if (x > i && strcmp(quotes[x].quote, quotes[x - 1].quote) == 0)
                continue;
            if (!(kept[np++] = claims__result_intern(r, quotes[x].quote, strlen(quotes[x].quote))))
                goto done;
        }
        if (claims__grow((void **)&r->deps, &r->dep_cap, r->dep_count + 1, sizeof *r->deps) ||
            claims__mark_dependent(r, cp->a, cp->b) != CLAIMS_OK)
            goto done;
        r->deps[r->dep_count++] = (claims__dependency){
            st->sources[cp->a].id, st->sources[cp->b].id, cp->a, cp->b, kept, np};
        i = j;
    }
    if (nq && r->dep_count > 1)
        qsort(r->deps, r->dep_count, sizeof *r->deps, cmp_dependency);
    rc = CLAIMS_OK;
done:
    claims__u64map_free(&pair_at);
    claims__ptab_free(&read);
    free(prints);
    free(keys);
    free(claims_of);
    free(srank);
    free(scratch);
    free(pairs);
    free(quotes);
    return rc;
}

/* group.c - per resolved subject and attribute: value clusters and how they
 * relate.
 *
 * Claims whose values are equal form a cluster (for a set-valued attribute,
 * compatible values too: "Mr. Obama" is the same participant as "Barack
 * Obama"). Claims of unknown certainty form clusters of their own that
 * support nothing. Between clusters of a single-valued attribute, values
 * that are compatible (within a hedge, a tolerance, or in precision), or that
 * one source gives both of, do not conflict: a source is taken to be
 * consistent with itself. A negated claim conflicts with an affirmed claim
 * of the same value. Everything is sorted by content, so the output does not
 * depend on input order. Subjects are grouped by parallel tasks whose
 * outputs are appended in task order, so it does not depend on the threads
 * either. */
#include "reconcile/stage.h"

#include <stdlib.h>
#include <string.h>

/* What one task of grouping makes, for a run of subjects: appended to the
 * result's arrays in task order afterwards. Its strings live in an arena
 * of the result. */
typedef struct group_out {
    _Alignas(CLAIMS__LINE) claims__rattr *attrs; /* each task writes its own */
    size_t attr_count, attr_cap;
    claims__rvalue *values;
    size_t value_count, value_cap;
    size_t *claim_list;
    size_t claim_list_count, claim_list_cap;
    claims_arena *arena;
    claims_interner strings;
} group_out;

typedef struct grouper {
    group_out *o;
    claims__run *run;
    claims_result *r;
    const claims__rows *st;
    size_t *by_subject; /* claims grouped by store subject (CSR) */
    size_t *first;      /* per store subject */
    /* per claim: attribute rank, unknown certainty, polarity and the rank
     * of the canonical value, so that claims sort by one integer first */
    uint64_t *key;
    uint32_t *source_rank; /* per source: place in id order */
    bool *has_dependent;   /* per source: shares wording with another */
    size_t *stamp;         /* per source: scratch marks (see mark) */
    size_t *slot;          /* per source: scratch index, valid when marked */
    size_t stamp_now;
    struct relation_memo *memo;      /* of the thread's slot */
    size_t *slot_scratch;            /* two per claim of the subject at hand */
    uint64_t *value_scratch;         /* one per claim of the subject at hand */
    struct weighed *weighed_scratch; /* one per claim of the subject at hand */
    unsigned char *sv_scratch;       /* single_valued()'s arrays */
    size_t sv_cap;
    unsigned char *weight_scratch; /* one per claim of the subject at hand */
    const int64_t *instant;        /* per source: publication time */
    claims_buf buf, why;
} grouper;

/* How pairs of values relate under an attribute, remembered: the same
 * spellings meet in subject after subject ("Obama" and "Barack Obama"). A
 * cache with one place per hash; a pair that lost its place is compared
 * again. */
#define RELATION_MEMO_BITS_MIN 10
#define RELATION_MEMO_BITS_MAX 16

typedef struct relation_memo {
    uint64_t *key; /* UINT64_MAX: empty */
    const claims__attr **def;
    unsigned char *relation;
    unsigned bits;
} relation_memo;

/* Places for about as many pairs as there are values, within bounds. */
static int memo_init(relation_memo *M, size_t values)
{
    M->bits = RELATION_MEMO_BITS_MIN;
    while (M->bits < RELATION_MEMO_BITS_MAX && ((size_t)1 << M->bits) < values)
        M->bits++;
    size_t places = (size_t)1 << M->bits;
    M->key = malloc(places * sizeof *M->key);
    M->def = malloc(places * sizeof *M->def);
    M->relation = malloc(places);
    if (!M->key || !M->def || !M->relation)
        return CLAIMS_ENOMEM;
    memset(M->key, 0xff, places * sizeof *M->key);
    return CLAIMS_OK;
}

static void memo_free(relation_memo *M)
{
    free(M->key);
    free(M->def);
    free(M->relation);
}

/* The relation of pool values a and b (in that order) under def. */
static claims_relation relation_of(const struct grouper *G, const claims__attr *def, uint32_t a,
                                   uint32_t b);

/* A new mark: sources marked before are unmarked. */
static size_t new_mark(grouper *G) { return ++G->stamp_now; }

static claims_relation relation_of(const grouper *G, const claims__attr *def, uint32_t a,
                                   uint32_t b)
{
    relation_memo *M = G->memo;
    uint64_t key = (uint64_t)a << 32 | b;
    size_t at =
        (size_t)(((key ^ (uint64_t)(uintptr_t)def) * 0x9e3779b97f4a7c15ULL) >> (64 - M->bits));
    if (M->key[at] == key && M->def[at] == def)
        return (claims_relation)M->relation[at];
    claims_comparison cmp;
    claims__compare_values(&cmp, G->run->ctx, def, G->r->pool[a], G->r->pool[b]);
    M->key[at] = key;
    M->def[at] = def;
    M->relation[at] = (unsigned char)cmp.relation;
    return cmp.relation;
}

/* Claim order inside a subject: attribute, value, source, claim id (see
 * claim_order). */
/* Claims of one source by id; of different sources by source id. */
static int source_cmp(const grouper *G, size_t x, size_t y)
{
    const claims__claim *a = &G->st->claims[x], *b = &G->st->claims[y];
    uint32_t sa = G->source_rank[a->source], sb = G->source_rank[b->source];
    if (sa != sb)
        return sa < sb ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* A subject's claims as they sort: their keys copied side by side, so that
 * sorting reads no claim until two keys tie. */
typedef struct claim_sort {
    const grouper *G;
    const size_t *claims;   /* the subject's, in gathering order */
    const uint64_t *key;    /* per claim of the subject: G->key */
    const uint32_t *source; /* per claim of the subject: source rank */
} claim_sort;

static int claim_order(const void *ctx, size_t x, size_t y)
{
    const claim_sort *S = ctx;
    if (S->key[x] != S->key[y])
        return S->key[x] < S->key[y] ? -1 : 1;
    if (S->source[x] != S->source[y])
        return S->source[x] < S->source[y] ? -1 : 1;
    return strcmp(S->G->st->claims[S->claims[x]].id, S->G->st->claims[S->claims[y]].id);
}

/* ---- one value cluster --------------------------------------------------------- */

typedef struct cluster {
    size_t rep;      /* claim whose value represents it */
    size_t start, n; /* members in the run array */
    claims_polarity polarity;
    bool uncertain;
} cluster;

/* Support a claim gives by its certainty: "possible" and "probable" weigh
 * less than "certain"; claims of unknown certainty support nothing. */
static unsigned char certainty_weight(claims_certainty c)
{
    return c == CLAIMS_CERTAIN ? 4 : c == CLAIMS_PROBABLE ? 2 : c == CLAIMS_POSSIBLE ? 1 : 0;
}

typedef struct weighed {
    const char *name;
    unsigned char weight;
} weighed;

static int weighed_order(const void *x, const void *y)
{
    const weighed *a = x, *b = y;
    int c = a->name == b->name ? 0 : strcmp(a->name, b->name);
    return c ? c : (int)b->weight - (int)a->weight; /* strongest first */
}

/* Sorts in[0..n) by name and keeps each name once with its strongest
 * weight; returns how many are kept. */
static size_t weighed_distinct(weighed *in, size_t n)
{
    qsort(in, n, sizeof *in, weighed_order);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!k || strcmp(in[i].name, in[k - 1].name) != 0)
            in[k++] = in[i];
    return k;
}

static int cmp_ptr(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t) * (const char *const *)x, b = (uintptr_t) * (const char *const *)y;
    return a < b ? -1 : a > b;
}

/* The most frequent string among members (ties: longest, then smallest).
 * The strings are interned (one pointer per distinct string), so they are
 * counted by pointer and compared as text only on a tie. */
static const char *most_common(const char **s, size_t n)
{
    qsort(s, n, sizeof *s, cmp_ptr);
    const char *best = NULL;
    size_t best_n = 0, best_len = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] == s[i])
            j++;
        size_t cnt = j - i, len = !best || cnt >= best_n ? strlen(s[i]) : 0;
        if (!best || cnt > best_n ||
            (cnt == best_n && (len > best_len || (len == best_len && strcmp(s[i], best) < 0))))
            best = s[i], best_n = cnt, best_len = len;
        i = j;
    }
    return best ? best : "";
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* The most frequent canonical value among claims (ties: longest, then
 * smallest), counted by rank; `tmp` holds n items. */
static const char *most_common_value(const claims_result *r, const size_t *claims, size_t n,
                                     uint64_t *tmp)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t v = r->claim_value[claims[i]];
        tmp[i] = (uint64_t)r->norm_rank[v] << 32 | v;
    }
    qsort(tmp, n, sizeof *tmp, cmp_u64);
    const claims_value *best = NULL;
    size_t best_n = 0, best_len = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && tmp[j] >> 32 == tmp[i] >> 32)
            j++;
        const claims_value *v = r->pool[tmp[i] & 0xffffffffu];
        size_t cnt = j - i, len;
        claims__value_norm(v, &len);
        /* ranks ascend in strcmp order: the first of a tie is smallest */
        if (!best || cnt > best_n || (cnt == best_n && len > best_len))
            best = v, best_n = cnt, best_len = len;
        i = j;
    }
    return best ? claims_value_normalized(best) : "";
}

/* Names at most this many outlets of a shared copy, then "and N others". */
#define SHARED_COPY_NAMES 3

/* The independent origins of a cluster: the organizations its attributed
 * claims come from, and the outlets of the rest, where outlets found to
 * share wording with one another in the cluster count once ("A / B (shared
 * copy)"). Copying is taken pairwise, within the cluster: A copying B and
 * B copying C does not make A and C one origin where B is absent. */
static int value_origins(grouper *G, claims__rvalue *v, const size_t *list, size_t n)
{
    claims_result *r = G->r;
    const claims__rows *st = G->st;
    size_t *src = G->slot_scratch, *parent = src + n;
    weighed *scratch = G->weighed_scratch;
    unsigned char *srcw = G->weight_scratch; /* per outlet: its strongest claim */
    size_t ns = 0, no = 0, dependents = 0;
    for (size_t i = 0; i < n; i++) {
        const claims__claim *c = &st->claims[list[i]];
        unsigned char w = certainty_weight(c->certainty);
        if (c->attribution_count) {
            scratch[no++] = (weighed){r->claim_origin[list[i]], w};
            continue;
        }
        /* the list is in source order: a source's claims are together */
        if (!ns || src[ns - 1] != c->source) {
            dependents += G->has_dependent[c->source];
            srcw[ns] = w;
            src[ns++] = c->source;
        } else if (w > srcw[ns - 1]) {
            srcw[ns - 1] = w;
        }
    }
    /* components of the outlets under "shares wording" (small: a cluster's
     * outlets; only those that share wording with anyone can join) */
    for (size_t k = 0; k < ns; k++)
        parent[k] = k;
    for (size_t a = 0; a < ns && dependents > 1; a++)
        for (size_t b = a + 1; b < ns && G->has_dependent[src[a]]; b++)
            if (G->has_dependent[src[b]] && claims__dependent(r, src[a], src[b])) {
                size_t x = a, y = b;
                while (parent[x] != x)
                    x = parent[x];
                while (parent[y] != y)
                    y = parent[y];
                parent[x > y ? x : y] = x < y ? x : y;
            }
    claims_buf name;
    claims__buf_init(&name);
    int rc = CLAIMS_OK;
    for (size_t k = 0; k < ns && dependents <= 1; k++) { /* all alone */
        const claims__source *so = &st->sources[src[k]];
        scratch[no++] = (weighed){so->outlet[0] ? so->outlet : so->id, srcw[k]};
    }
    for (size_t k = 0; k < ns && dependents > 1 && rc == CLAIMS_OK; k++) {
        size_t root = k;
        while (parent[root] != root)
            root = parent[root];
        if (root != k)
            continue; /* named with its root */
        /* members by id, so the name does not depend on order; only the
         * first few are named */
        size_t named[SHARED_COPY_NAMES];
        size_t members = 0, kept = 0;
        unsigned char w = 0;
        for (size_t m = 0; m < ns; m++) {
            size_t x = m;
            while (parent[x] != x)
                x = parent[x];
            if (x != k)
                continue;
            members++;
            w = srcw[m] > w ? srcw[m] : w;
            const char *id = st->sources[src[m]].id;
            size_t at = kept;
            while (at > 0 && strcmp(id, st->sources[named[at - 1]].id) < 0)
                at--;
            if (at == SHARED_COPY_NAMES)
                continue;
            if (kept < SHARED_COPY_NAMES)
                kept++;
            memmove(named + at + 1, named + at, (kept - 1 - at) * sizeof *named);
            named[at] = src[m];
        }
        const char *p;
        if (members == 1) { /* a lone outlet: its name, a store string */
            const claims__source *so = &st->sources[named[0]];
            p = so->outlet[0] ? so->outlet : so->id;
        } else {
            claims__buf_clear(&name);
            for (size_t q = 0; q < kept && rc == CLAIMS_OK; q++) {
                const claims__source *so = &st->sources[named[q]];
                rc = claims__buf_printf(&name, "%s%s", q ? " / " : "",
                                        so->outlet[0] ? so->outlet : so->id);
            }
            if (rc == CLAIMS_OK && members > SHARED_COPY_NAMES)
                rc = claims__buf_printf(&name, " and %zu others", members - SHARED_COPY_NAMES);
            if (rc == CLAIMS_OK)
                rc = claims__buf_printf(&name, " (shared copy)");
            p = rc == CLAIMS_OK ? claims__intern(&G->o->strings, name.data, name.len) : NULL;
        }
        if (!p)
            rc = CLAIMS_ENOMEM;
        else
            scratch[no++] = (weighed){p, w};
    }
    claims__buf_free(&name);
    if (rc != CLAIMS_OK)
        return rc;
    no = weighed_distinct(scratch, no);
    const char **names = claims__arena_alloc(G->o->arena, (no ? no : 1) * sizeof *names);
    unsigned char *weights = claims__arena_alloc(G->o->arena, no ? no : 1);
    if (!names || !weights)
        return CLAIMS_ENOMEM;
    v->support = 0;
    for (size_t k = 0; k < no; k++) {
        names[k] = scratch[k].name;
        weights[k] = scratch[k].weight;
        v->support += weights[k];
    }
    v->origins = names;
    v->origin_weight = weights;
    v->origin_count = no;
    return rc;
}

static int emit_value(grouper *G, const size_t *members, const cluster *c, const char **scratch)
{
    claims_result *r = G->r;
    group_out *o = G->o;
    const claims__rows *st = G->st;
    if (claims__grow((void **)&o->values, &o->value_cap, o->value_count + 1, sizeof *o->values) !=
            CLAIMS_OK ||
        claims__grow((void **)&o->claim_list, &o->claim_list_cap, o->claim_list_count + c->n,
                     sizeof *o->claim_list) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    claims__rvalue *v = &o->values[o->value_count++];
    memset(v, 0, sizeof *v);
    v->polarity = c->polarity;
    v->uncertain = c->uncertain;
    v->claim_start = o->claim_list_count;
    v->claim_count = c->n;
    for (size_t i = 0; i < c->n; i++) {
        size_t ci = members[c->start + i];
        /* members are in value order; keep (source, id) order in the list */
        size_t k = o->claim_list_count++;
        o->claim_list[k] = ci;
        while (k > v->claim_start && source_cmp(G, o->claim_list[k], o->claim_list[k - 1]) < 0) {
            size_t t = o->claim_list[k];
            o->claim_list[k] = o->claim_list[k - 1];
            o->claim_list[k - 1] = t;
            k--;
        }
        const claims_value *val = r->pool[r->claim_value[ci]];
        claims_modifier m = claims_value_modifier(val);
        if (m != CLAIMS_MOD_NONE) {
            v->hedged = true;
            if (v->modifier == CLAIMS_MOD_NONE || m < v->modifier)
                v->modifier = m;
        }
    }
    const size_t *list = o->claim_list + v->claim_start;
    v->normalized = most_common_value(r, list, c->n, G->value_scratch);
    for (size_t i = 0; i < c->n; i++)
        scratch[i] = st->claims[list[i]].value;
    v->text = most_common(scratch, c->n);
    /* distinct sources: the list is in source id order */
    size_t ns = 0;
    for (size_t i = 0; i < c->n; i++) {
        const char *id = st->sources[st->claims[list[i]].source].id;
        if (!ns || scratch[ns - 1] != id)
            scratch[ns++] = id;
    }
    v->sources = claims__arena_alloc(o->arena, (ns ? ns : 1) * sizeof *v->sources);
    if (v->sources)
        memcpy(v->sources, scratch, ns * sizeof *v->sources);
    v->source_count = ns;
    /* its strongest certainty, and when its sources were published */
    v->certainty = CLAIMS_UNKNOWN;
    v->published_first = v->published_last = "";
    int64_t first = CLAIMS__NO_TIME, last = CLAIMS__NO_TIME;
    for (size_t i = 0; i < c->n; i++) {
        const claims__claim *cl = &st->claims[list[i]];
        if (cl->certainty < v->certainty)
            v->certainty = cl->certainty;
        int64_t t = G->instant[cl->source];
        if (t == CLAIMS__NO_TIME)
            continue;
        if (first == CLAIMS__NO_TIME || t < first)
            first = t, v->published_first = st->sources[cl->source].published;
        if (last == CLAIMS__NO_TIME || t > last)
            last = t, v->published_last = st->sources[cl->source].published;
    }
    return v->sources && value_origins(G, v, list, c->n) == CLAIMS_OK ? CLAIMS_OK : CLAIMS_ENOMEM;
}

/* ---- one attribute ------------------------------------------------------------------ */

static bool agree(claims_relation rel)
{
    return rel == CLAIMS_RELATION_EQUAL || rel == CLAIMS_RELATION_COMPATIBLE;
}

static bool ordered_type(claims_type t)
{
    return t == CLAIMS_TYPE_NUMBER || t == CLAIMS_TYPE_DURATION || t == CLAIMS_TYPE_DATE ||
           t == CLAIMS_TYPE_TIME;
}

/* An origin of a side, for pooling. */
typedef struct side_origin {
    size_t side;
    const char *name;
    unsigned char weight;
} side_origin;

static int side_origin_order(const void *x, const void *y)
{
    const side_origin *a = x, *b = y;
    if (a->side != b->side)
        return a->side < b->side ? -1 : 1;
    int c = a->name == b->name ? 0 : strcmp(a->name, b->name);
    return c ? c : (int)b->weight - (int)a->weight;
}

/* The pooled support of each side: the independent origins of its values
 * that are not superseded, each origin once at its strongest. */
static int pool_support(const claims__rvalue *vals, const bool *live, size_t nc, size_t nsides,
                        unsigned *support, size_t *origins)
{
    size_t total = 0;
    for (size_t k = 0; k < nc; k++)
        total += live[k] ? vals[k].origin_count : 0;
    side_origin *e = malloc((total ? total : 1) * sizeof *e);
    if (!e)
        return CLAIMS_ENOMEM;
    size_t m = 0;
    for (size_t k = 0; k < nc; k++)
        for (size_t i = 0; live[k] && i < vals[k].origin_count; i++)
            e[m++] = (side_origin){vals[k].side, vals[k].origins[i], vals[k].origin_weight[i]};
    qsort(e, m, sizeof *e, side_origin_order);
    memset(support, 0, nsides * sizeof *support);
    memset(origins, 0, nsides * sizeof *origins);
    for (size_t i = 0; i < m; i++)
        if (!i || e[i].side != e[i - 1].side || strcmp(e[i].name, e[i - 1].name) != 0) {
            support[e[i].side] += e[i].weight;
            origins[e[i].side]++;
        }
    free(e);
    return CLAIMS_OK;
}

/* When side `side` was last given a value of its own: the latest, over its
 * live values, of the first publication of each (copies and repeats of a
 * value never make it later); CLAIMS__NO_TIME when no source says. */
static int64_t side_latest(const grouper *G, const claims__rvalue *vals, const bool *live,
                           size_t nc, size_t side)
{
    const claims__rows *st = G->st;
    const size_t *list = G->o->claim_list;
    int64_t latest = CLAIMS__NO_TIME;
    for (size_t k = 0; k < nc; k++) {
        if (!live[k] || vals[k].side != side)
            continue;
        int64_t first = INT64_MAX;
        for (size_t i = 0; i < vals[k].claim_count; i++) {
            int64_t t = G->instant[st->claims[list[vals[k].claim_start + i]].source];
            first = t < first ? t : first;
        }
        latest = first != INT64_MAX && first > latest ? first : latest;
    }
    return latest;
}

static size_t find_root(size_t *parent, size_t x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

static int cmp_rank(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* The distinct values of each of the clusters vals[0..nc), the first
 * CLAIMS__POOL_MEMBERS_MAX in canonical order, for pool.c; *out's arrays
 * are the caller's to free. */
static int cluster_members(const grouper *G, const claims__rvalue *vals, size_t nc,
                           size_t **out_start, const claims_value ***out_values)
{
    const claims_result *r = G->r;
    const size_t *list = G->o->claim_list;
    size_t *start = malloc((nc + 1) * sizeof *start);
    const claims_value **values = malloc((nc * CLAIMS__POOL_MEMBERS_MAX + 1) * sizeof *values);
    uint32_t *ranks = NULL;
    size_t rcap = 0, n = 0;
    if (!start || !values)
        goto fail;
    for (size_t k = 0; k < nc; k++) {
        start[k] = n;
        size_t m = vals[k].claim_count;
        if (claims__grow((void **)&ranks, &rcap, m ? m : 1, sizeof *ranks) != CLAIMS_OK)
            goto fail;
        for (size_t i = 0; i < m; i++)
            ranks[i] = r->norm_rank[r->claim_value[list[vals[k].claim_start + i]]];
        qsort(ranks, m, sizeof *ranks, cmp_rank);
        /* one value per canonical string: the rank's first claim */
        for (size_t i = 0, kept = 0; i < m && kept < CLAIMS__POOL_MEMBERS_MAX; i++) {
            if (i && ranks[i] == ranks[i - 1])
                continue;
            for (size_t c = 0; c < m; c++) {
                uint32_t pool = r->claim_value[list[vals[k].claim_start + c]];
                if (r->norm_rank[pool] == ranks[i]) {
                    values[n++] = r->pool[pool];
                    break;
                }
            }
            kept++;
        }
    }
    start[nc] = n;
    free(ranks);
    *out_start = start;
    *out_values = values;
    return CLAIMS_OK;
fail:
    free(start);
    free(values);
    free(ranks);
    return CLAIMS_ENOMEM;
}

/* Why clusters a and b of one side agree: their reps, or else the first
 * two of their values that do (a side is read through all its values). */
static void agreeing_reason(claims_comparison *cmp, const claims_ctx *ctx, const claims__attr *def,
                            const claims_value *const *rep, const claims__pool_members *members,
                            size_t a, size_t b)
{
    claims__compare_values(cmp, ctx, def, rep[a], rep[b]);
    if (!members || cmp->relation == CLAIMS_RELATION_EQUAL ||
        cmp->relation == CLAIMS_RELATION_COMPATIBLE)
        return;
    for (size_t x = members->start[a]; x < members->start[a + 1]; x++)
        for (size_t y = members->start[b]; y < members->start[b + 1]; y++) {
            claims_comparison c;
            claims__compare_values(&c, ctx, def, members->values[x], members->values[y]);
            if (c.relation == CLAIMS_RELATION_EQUAL || c.relation == CLAIMS_RELATION_COMPATIBLE) {
                *cmp = c;
                return;
            }
        }
}

/* Several clusters of a single-valued attribute, emitted as vals[0..nc) in
 * cluster order. Affirmed values pool into sides (pool.c); an origin's
 * later value revises its earlier one (supersede.c). Sides that share a
 * source are not in conflict: a source is taken to be consistent with
 * itself ("Lima" and "Peru" from one article describe one place). The
 * attribute conflicts when two sides that no source ties together remain.
 * The preferred values are those of the side with the most (weighted)
 * independent origins, when it leads alone; copies never count. Reasons
 * are formatted once, for the relation reported. */
static int single_valued(grouper *G, const cluster *cl, size_t nc, claims__rvalue *vals,
                         claims_agreement *out, size_t *out_sides)
{
    claims_result *r = G->r;
    const claims__rows *st = G->st;
    const claims__attr *def = r->claim_attr[cl[0].rep];
    const size_t *list = G->o->claim_list;
    size_t nsides = 0;
    /* scratch of the thread, grown to the largest attribute: seven arrays
     * of nc words (sides are at most as many as clusters) and two of flags */
    _Static_assert(sizeof(const claims_value *) <= sizeof(size_t) &&
                       sizeof(unsigned) <= sizeof(size_t),
                   "a pointer and an unsigned fit a word of the scratch");
    size_t words = 7 * nc, need = words * sizeof(size_t) + 2 * nc;
    if (claims__grow((void **)&G->sv_scratch, &G->sv_cap, need, 1) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    size_t *active = (size_t *)G->sv_scratch, *side = active + nc, *parent = side + nc,
           *origins = parent + nc, *group_best = origins + nc;
    const claims_value **rep = (const claims_value **)(group_best + nc);
    unsigned *support = (unsigned *)(group_best + 2 * nc);
    bool *use = (bool *)(active + words), *live = use + nc;
    memset(use, 0, 2 * nc);
    int rc = CLAIMS_ENOMEM;
    size_t na = 0;
    bool text = true;
    size_t *mstart = NULL; /* the values of each cluster (cluster_members) */
    const claims_value **mvalues = NULL;
    claims__pool_members members = {NULL, NULL};
    for (size_t k = 0; k < nc; k++) {
        rep[k] = r->pool[r->claim_value[cl[k].rep]];
        vals[k].side = SIZE_MAX;
        if (!cl[k].uncertain && cl[k].polarity == CLAIMS_AFFIRMED) {
            active[na++] = k;
            use[k] = true;
            text = text && claims_value_type(rep[k]) == CLAIMS_TYPE_TEXT;
        }
    }
    /* the values of each cluster, where pool.c reads them: few clusters,
     * not of an ordered type (those are intervals) */
    claims_type t0 = na ? claims_value_type(rep[active[0]]) : CLAIMS_TYPE_TEXT;
    bool unordered = t0 != CLAIMS_TYPE_NUMBER && t0 != CLAIMS_TYPE_DURATION &&
                     t0 != CLAIMS_TYPE_DATE && t0 != CLAIMS_TYPE_TIME;
    if (na >= 2 && na <= CLAIMS__POOL_EQUAL_MAX && unordered &&
        cluster_members(G, vals, nc, &mstart, &mvalues) != CLAIMS_OK)
        goto done;
    members = (claims__pool_members){mstart, mvalues};
    if (claims__pool_sides(G->run->ctx, def, rep, nc, active, na, mstart ? &members : NULL, side,
                           &nsides) != CLAIMS_OK)
        goto done;
    for (size_t i = 0; i < na; i++)
        vals[active[i]].side = side[active[i]];
    claims__buf_clear(&G->why);
    if (claims__supersede(r, G->instant, vals, nc, use, list, &G->why) < 0)
        goto done;
    for (size_t s = 0; s < nsides; s++)
        parent[s] = s;
    /* sides tied by a source; the sources of what still stands */
    size_t mark = new_mark(G), live_sources = 0, live_values = 0;
    const char *lone_source = NULL;
    for (size_t k = 0; k < nc; k++) {
        live[k] = use[k] && !vals[k].superseded;
        if (!live[k])
            continue;
        live_values++;
        for (size_t i = 0; i < vals[k].claim_count; i++) {
            size_t s = st->claims[list[vals[k].claim_start + i]].source;
            if (G->stamp[s] != mark) {
                G->stamp[s] = mark;
                G->slot[s] = vals[k].side;
                live_sources++;
                lone_source = st->sources[s].id;
            } else {
                size_t a = find_root(parent, G->slot[s]), b = find_root(parent, vals[k].side);
                parent[a > b ? a : b] = a < b ? a : b;
            }
        }
    }
    if (pool_support(vals, live, nc, nsides, support, origins) != CLAIMS_OK)
        goto done;
    /* the best side of each group of tied sides: most support, then first
     * in content order */
    size_t groups = 0, lead = SIZE_MAX, rival = SIZE_MAX;
    bool lead_alone = true;
    for (size_t s = 0; s < nsides; s++)
        group_best[s] = SIZE_MAX;
    for (size_t k = 0; k < nc; k++) {
        if (!live[k])
            continue;
        size_t s = vals[k].side, g = find_root(parent, s);
        if (group_best[g] == SIZE_MAX)
            groups++;
        if (group_best[g] == SIZE_MAX || support[s] > support[group_best[g]] ||
            (support[s] == support[group_best[g]] && s < group_best[g]))
            group_best[g] = s;
    }
    for (size_t g = 0; g < nsides; g++) {
        size_t s = group_best[g];
        if (s == SIZE_MAX)
            continue;
        if (lead == SIZE_MAX || support[s] > support[lead] ||
            (support[s] == support[lead] && s < lead))
            rival = lead, lead = s;
        else if (rival == SIZE_MAX || support[s] > support[rival] ||
                 (support[s] == support[rival] && s < rival))
            rival = s;
    }
    /* a tie in support: the side whose value was first reported last leads,
     * when one is (it was given knowing the others; an evolving count) */
    if (rival != SIZE_MAX && support[lead] == support[rival]) {
        size_t best = SIZE_MAX, second = SIZE_MAX;
        int64_t most = CLAIMS__NO_TIME, next = CLAIMS__NO_TIME;
        for (size_t g = 0; g < nsides; g++) {
            size_t s = group_best[g];
            if (s == SIZE_MAX || support[s] != support[lead])
                continue;
            int64_t t = side_latest(G, vals, live, nc, s);
            if (best == SIZE_MAX || t > most || (t == most && s < best)) {
                second = best, next = most;
                best = s, most = t;
            } else if (second == SIZE_MAX || t > next || (t == next && s < second)) {
                second = s, next = t;
            }
        }
        lead = best, rival = second;
        lead_alone = most > next;
    }
    /* the value standing for a side: its best supported live value */
    size_t lead_value = SIZE_MAX, rival_value = SIZE_MAX;
    for (size_t k = 0; k < nc; k++) {
        if (!live[k])
            continue;
        size_t *at = vals[k].side == lead    ? &lead_value
                     : vals[k].side == rival ? &rival_value
                                             : NULL;
        if (at && (*at == SIZE_MAX || vals[k].support > vals[*at].support))
            *at = k;
    }
    claims_agreement rel;
    claims_comparison cmp;
    if (groups >= 2) {
        rel = !def && text ? CLAIMS_DIFFERENT_WORDING : CLAIMS_CONFLICTING;
        if (rel == CLAIMS_DIFFERENT_WORDING) {
            claims__buf_printf(&G->buf, "%zu wordings from %zu sources", groups, live_sources);
        } else {
            claims__compare_values(&cmp, G->run->ctx, def, rep[lead_value], rep[rival_value]);
            const claims__rvalue *p = &vals[lead_value], *q = &vals[rival_value];
            if (strcmp(q->sources[0], p->sources[0]) < 0) {
                const claims__rvalue *t = p;
                p = q, q = t;
            }
            /* reported at different times: say when, a revision it is not */
            if (p->published_last[0] && q->published_last[0] &&
                strcmp(p->published_last, q->published_last) != 0)
                claims__buf_printf(&G->buf, "%s (%s at %s and %s at %s disagree)",
                                   cmp.reason[0] ? cmp.reason : "values differ", p->sources[0],
                                   p->published_last, q->sources[0], q->published_last);
            else
                claims__buf_printf(&G->buf, "%s (%s and %s disagree)",
                                   cmp.reason[0] ? cmp.reason : "values differ", p->sources[0],
                                   q->sources[0]);
        }
    } else if (live_values <= 1) {
        rel = live_sources >= 2 ? CLAIMS_AGREED : CLAIMS_SINGLE_SOURCE;
        if (!G->why.len) {
            if (rel == CLAIMS_AGREED)
                claims__buf_printf(&G->buf, "%zu sources agree", live_sources);
            else
                claims__buf_printf(&G->buf, "only %s", lone_source ? lone_source : "");
        }
    } else {
        rel = live_sources >= 2 ? CLAIMS_COMPATIBLE : CLAIMS_SINGLE_SOURCE;
        /* why they agree: the first two values of one side */
        size_t a = SIZE_MAX, b = SIZE_MAX;
        for (size_t s = 0; s < nsides; s++)
            group_best[s] = SIZE_MAX; /* now: the first live value of each side */
        for (size_t k = 0; k < nc && b == SIZE_MAX; k++) {
            if (!live[k])
                continue;
            if (group_best[vals[k].side] == SIZE_MAX)
                group_best[vals[k].side] = k;
            else
                a = group_best[vals[k].side], b = k;
        }
        if (rel == CLAIMS_SINGLE_SOURCE) {
            claims__buf_printf(&G->buf, "only %s", lone_source ? lone_source : "");
        } else if (b != SIZE_MAX) {
            agreeing_reason(&cmp, G->run->ctx, def, rep, mstart ? &members : NULL, a, b);
            claims__buf_puts(&G->buf, cmp.reason);
        } else {
            claims__buf_puts(&G->buf, "each source gives a value the others share");
        }
    }
    if (G->why.len) {
        if (G->buf.len)
            claims__buf_puts(&G->buf, "; ");
        claims__buf_puts(&G->buf, G->why.data);
    }
    /* preferred: in a conflict, the leading side when it leads alone;
     * otherwise whatever still stands */
    bool alone = rival == SIZE_MAX || (support[lead] > support[rival] ||
                                       (support[lead] == support[rival] && lead_alone));
    for (size_t k = 0; k < nc; k++) {
        vals[k].side_support = vals[k].side == SIZE_MAX ? vals[k].support : support[vals[k].side];
        vals[k].side_origin_count =
            vals[k].side == SIZE_MAX ? vals[k].origin_count : origins[vals[k].side];
        if (rel == CLAIMS_CONFLICTING)
            vals[k].preferred = live[k] && vals[k].side == lead && alone;
        else
            vals[k].preferred = !vals[k].uncertain && !vals[k].superseded;
    }
    *out = rel;
    *out_sides = nsides;
    rc = CLAIMS_OK;
done:
    free(mstart);
    free(mvalues);
    return rc;
}

/* Values: uncertain ones last, superseded ones before them; the others by
 * the support of their side, side by side, then by their own origins,
 * sources and claims. */
static int value_order(const void *x, const void *y)
{
    const claims__rvalue *a = x, *b = y;
    if (a->uncertain != b->uncertain)
        return a->uncertain ? 1 : -1;
    if (a->superseded != b->superseded)
        return a->superseded ? 1 : -1;
    if (a->side_support != b->side_support)
        return a->side_support > b->side_support ? -1 : 1;
    if (a->side != b->side)
        return a->side < b->side ? -1 : 1;
    if (a->origin_count != b->origin_count)
        return a->origin_count > b->origin_count ? -1 : 1;
    if (a->source_count != b->source_count)
        return a->source_count > b->source_count ? -1 : 1;
    if (a->claim_count != b->claim_count)
        return a->claim_count > b->claim_count ? -1 : 1;
    int c = strcmp(a->normalized, b->normalized);
    return c ? c : (int)a->polarity - (int)b->polarity;
}

static int group_attribute(grouper *G, size_t *m, size_t n, cluster **cl, size_t *clcap,
                           const char **scratch)
{
    claims_result *r = G->r;
    group_out *o = G->o;
    const claims__rows *st = G->st;
    const claims_ctx *ctx = G->run->ctx;
    const claims__attr *def = r->claim_attr[m[0]];
    claims_cardinality card = def ? def->cardinality : CLAIMS_SINGLE;
    claims_comparison cmp;
    /* ordered values of a single-valued attribute are equal when their
     * canonical strings are: claims sorted by canonical rank meet their
     * cluster last, so clustering is linear */
    bool by_rank = card == CLAIMS_SINGLE && ordered_type(def ? def->type : r->claim_type[m[0]]);

    /* clusters: claims are sorted by (certainty, polarity, key) */
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        const claims__claim *c = &st->claims[m[i]];
        bool uncertain = c->certainty == CLAIMS_UNKNOWN;
        size_t into = nc;
        for (size_t k = nc; k-- > 0;) {
            cluster *x = &(*cl)[k];
            if (x->uncertain != uncertain || x->polarity != c->polarity)
                break; /* an earlier group of the sort */
            if (r->norm_rank[r->claim_value[x->rep]] == r->norm_rank[r->claim_value[m[i]]]) {
                into = k;
                break;
            }
            if (by_rank)
                break;
            claims_relation rel = relation_of(G, def, r->claim_value[x->rep], r->claim_value[m[i]]);
            if (rel == CLAIMS_RELATION_EQUAL ||
                (card == CLAIMS_SET && rel == CLAIMS_RELATION_COMPATIBLE)) {
                into = k;
                break;
            }
        }
        if (into == nc) {
            if (claims__grow((void **)cl, clcap, nc + 1, sizeof **cl) != CLAIMS_OK)
                return CLAIMS_ENOMEM;
            (*cl)[nc++] = (cluster){m[i], i, 0, c->polarity, uncertain};
        }
        /* members of a cluster must be contiguous: move this claim to the
         * end of its cluster's run */
        cluster *x = &(*cl)[into];
        size_t pos = x->start + x->n;
        if (pos != i) {
            size_t t = m[i];
            memmove(m + pos + 1, m + pos, (i - pos) * sizeof *m);
            m[pos] = t;
            for (size_t k = into + 1; k < nc; k++)
                (*cl)[k].start++;
        }
        x->n++;
    }

    /* the values, in cluster order until they are sorted */
    size_t value_start = o->value_count;
    for (size_t k = 0; k < nc; k++)
        if (emit_value(G, m, &(*cl)[k], scratch) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
    claims__rvalue *vals = o->values + value_start;
    for (size_t k = 0; k < nc; k++) {
        vals[k].side = SIZE_MAX;
        vals[k].side_support = vals[k].support;
        vals[k].side_origin_count = vals[k].origin_count;
        vals[k].preferred = false;
    }

    /* relation */
    size_t sources = 0;
    size_t uncertain = 0;
    size_t mark = new_mark(G);
    for (size_t i = 0; i < n; i++) {
        const claims__claim *c = &st->claims[m[i]];
        if (c->certainty == CLAIMS_UNKNOWN) {
            uncertain++;
            continue;
        }
        if (G->stamp[c->source] != mark) {
            G->stamp[c->source] = mark;
            sources++;
        }
    }
    size_t supporting = 0, affirmed = 0, disputed = 0;
    for (size_t k = 0; k < nc; k++) {
        supporting += !(*cl)[k].uncertain;
        affirmed += !(*cl)[k].uncertain && (*cl)[k].polarity == CLAIMS_AFFIRMED;
    }
    claims_agreement rel;
    size_t nsides = 0;
    bool preferred_done = false;
    claims__buf_clear(&G->buf);
    claims__buf_clear(&G->why);
    const char *first_source = st->sources[st->claims[m[0]].source].id;
    /* affirmed against negated: for a single-valued attribute the first
     * such pair; for a set, each disputed member (partner: the cluster on
     * the other side of its dispute) */
    size_t *partner = malloc(nc * sizeof *partner);
    if (!partner)
        return CLAIMS_ENOMEM;
    /* the negated clusters, listed once: only they can dispute a value */
    size_t negated = 0;
    for (size_t k = 0; k < nc; k++)
        partner[k] = SIZE_MAX;
    size_t *deny = malloc(nc * sizeof *deny);
    if (!deny) {
        free(partner);
        return CLAIMS_ENOMEM;
    }
    for (size_t k = 0; k < nc; k++)
        if (!(*cl)[k].uncertain && (*cl)[k].polarity == CLAIMS_NEGATED)
            deny[negated++] = k;
    for (size_t a = 0; a < nc && negated && (card == CLAIMS_SET || !disputed); a++) {
        cluster *x = &(*cl)[a];
        if (x->uncertain || x->polarity != CLAIMS_AFFIRMED)
            continue;
        for (size_t d = 0; d < negated; d++) {
            size_t b = deny[d];
            cluster *y = &(*cl)[b];
            if (partner[b] != SIZE_MAX)
                continue;
            claims__compare_values(&cmp, ctx, def, r->pool[r->claim_value[x->rep]],
                                   r->pool[r->claim_value[y->rep]]);
            if (agree(cmp.relation)) {
                partner[a] = b, partner[b] = a;
                claims__buf_printf(&G->why, "%s\"%s\" is affirmed by %s and negated by %s",
                                   disputed++ ? "; " : "", st->claims[x->rep].value,
                                   st->sources[st->claims[x->rep].source].id,
                                   st->sources[st->claims[y->rep].source].id);
                break;
            }
        }
    }
    free(deny);
    if (disputed) {
        /* the reader came for the denial: the attribute conflicts, but in a
         * set only the disputed members do; the others still stand */
        rel = CLAIMS_CONFLICTING;
        claims__buf_puts(&G->buf, G->why.data);
        if (card == CLAIMS_SET && affirmed > disputed)
            claims__buf_printf(&G->buf, "; %zu other %s not disputed", affirmed - disputed,
                               affirmed - disputed == 1 ? "member is" : "members are");
    } else if (supporting == 0) {
        rel = sources > 1 ? CLAIMS_COMPATIBLE : CLAIMS_SINGLE_SOURCE;
        claims__buf_puts(&G->buf, "only claims of unknown certainty");
    } else if (supporting == 1) {
        rel = sources >= 2 ? CLAIMS_AGREED : CLAIMS_SINGLE_SOURCE;
        /* when the agreeing claims are written differently, say why they
         * still agree ("240 s APPROX overlaps 240 s") */
        size_t k = 0;
        while ((*cl)[k].uncertain)
            k++;
        const cluster *x = &(*cl)[k];
        const claims_value *rep = r->pool[r->claim_value[m[x->start]]];
        bool explained = false;
        for (size_t i = 1; i < x->n && !explained; i++) {
            const claims_value *v = r->pool[r->claim_value[m[x->start + i]]];
            if (v == rep || claims_value_modifier(v) == claims_value_modifier(rep))
                continue;
            claims__value_compare(&cmp, ctx, v, rep);
            claims__buf_puts(&G->buf, cmp.reason);
            explained = true;
        }
        if (!explained && rel == CLAIMS_AGREED)
            claims__buf_put_size(&G->buf, sources), claims__buf_puts(&G->buf, " sources agree");
        else if (!explained)
            claims__buf_puts(&G->buf, "only "), claims__buf_puts(&G->buf, first_source);
    } else if (card == CLAIMS_SET) {
        /* agreed when every source names every member */
        bool all = sources >= 2;
        for (size_t k = 0; k < nc && all; k++)
            all = vals[k].uncertain || vals[k].source_count == sources;
        rel = all ? CLAIMS_AGREED : sources >= 2 ? CLAIMS_COMPLEMENTARY : CLAIMS_SINGLE_SOURCE;
        if (all)
            claims__buf_printf(&G->buf, "all %zu sources name the same %zu members", sources,
                               supporting);
        else
            claims__buf_printf(&G->buf, "%zu members named by %zu %s", supporting, sources,
                               sources == 1 ? "source" : "sources");
    } else if (!affirmed) {
        rel = sources >= 2 ? CLAIMS_COMPATIBLE : CLAIMS_SINGLE_SOURCE;
        claims__buf_puts(&G->buf, "only negated values");
    } else {
        if (single_valued(G, *cl, nc, vals, &rel, &nsides) != CLAIMS_OK) {
            free(partner);
            return CLAIMS_ENOMEM;
        }
        preferred_done = true;
    }

    /* emit */
    if (claims__grow((void **)&o->attrs, &o->attr_cap, o->attr_count + 1, sizeof *o->attrs) !=
        CLAIMS_OK) {
        free(partner);
        return CLAIMS_ENOMEM;
    }
    claims__rattr *at = &o->attrs[o->attr_count++];
    at->name = st->claims[m[0]].attribute;
    at->type = claims_type_name(def ? def->type : r->claim_type[m[0]]);
    at->known = def != NULL;
    at->cardinality = card;
    at->agreement = rel;
    at->reason = claims__intern(&o->strings, G->buf.data ? G->buf.data : "", G->buf.len);
    at->source_count = sources;
    at->uncertain_count = uncertain;
    at->value_start = value_start;
    at->value_count = nc;
    if (!at->reason) {
        free(partner);
        return CLAIMS_ENOMEM;
    }
    /* the preferred value: for a conflict, the best supported one if it
     * leads alone; otherwise every supporting value stands */
    if (!preferred_done)
        for (size_t k = 0; k < nc; k++)
            vals[k].preferred = !vals[k].uncertain && rel != CLAIMS_CONFLICTING;
    /* a disputed member of a set: the better supported side of its dispute,
     * when it leads */
    for (size_t k = 0; card == CLAIMS_SET && k < nc; k++)
        vals[k].preferred = !vals[k].uncertain &&
                            (partner[k] == SIZE_MAX || vals[k].support > vals[partner[k]].support);
    free(partner);
    qsort(vals, nc, sizeof *vals, value_order);
    /* the first leads alone when it has more (weighted) origins: a copy
     * adds sources, never origins */
    if (!preferred_done && card != CLAIMS_SET && rel == CLAIMS_CONFLICTING && !vals[0].uncertain) {
        const claims__rvalue *a = &vals[0], *b = nc > 1 ? &vals[1] : NULL;
        vals[0].preferred = !b || b->uncertain || a->support > b->support;
    }
    /* sides numbered in the order shown; a value alone is a side of its own */
    size_t *renumber = malloc((nsides ? nsides : 1) * sizeof *renumber), next = 0;
    if (!renumber)
        return CLAIMS_ENOMEM;
    for (size_t s = 0; s < nsides; s++)
        renumber[s] = SIZE_MAX;
    for (size_t k = 0; k < nc; k++) {
        size_t s = vals[k].side;
        if (s == SIZE_MAX)
            vals[k].side = next++;
        else if (renumber[s] == SIZE_MAX)
            vals[k].side = renumber[s] = next++;
        else
            vals[k].side = renumber[s];
    }
    free(renumber);
    return CLAIMS_OK;
}

/* G->source_rank and G->key (see grouper). */
static int sort_keys(grouper *G)
{
    const claims__rows *st = G->st;
    const claims_result *r = G->r;
    size_t N = st->claim_count;
    const char **attrs = NULL; /* distinct attribute names (interned) */
    uint32_t *attr_rank = NULL;
    size_t na = 0, acap = 0;
    claims_u64map index; /* attribute pointer -> item */
    claims__u64map_init(&index);
    G->source_rank = claims__source_ranks(st);
    int rc = G->source_rank ? CLAIMS_OK : CLAIMS_ENOMEM;
    for (size_t i = 0; i < N && rc == CLAIMS_OK; i++) {
        uint64_t p = (uint64_t)(uintptr_t)st->claims[i].attribute, at;
        if (claims__u64map_get(&index, p, &at))
            continue;
        if (claims__grow((void **)&attrs, &acap, na + 1, sizeof *attrs) != CLAIMS_OK ||
            claims__u64map_put(&index, p, na) != CLAIMS_OK)
            rc = CLAIMS_ENOMEM;
        else
            attrs[na++] = st->claims[i].attribute;
    }
    attr_rank = malloc((na ? na : 1) * sizeof *attr_rank);
    if (rc == CLAIMS_OK && (!attr_rank || claims__rank_strings(attrs, na, attr_rank)))
        rc = CLAIMS_ENOMEM;
    for (size_t i = 0; i < N && rc == CLAIMS_OK; i++) {
        const claims__claim *c = &st->claims[i];
        uint64_t at = 0;
        claims__u64map_get(&index, (uint64_t)(uintptr_t)c->attribute, &at);
        G->key[i] = (uint64_t)attr_rank[at] << 35 |
                    (uint64_t)(c->certainty == CLAIMS_UNKNOWN) << 34 |
                    (uint64_t)(c->polarity & 3) << 32 | r->norm_rank[r->claim_value[i]];
    }
    claims__u64map_free(&index);
    free(attrs);
    free(attr_rank);
    return rc;
}

/* Subjects grouped per task, and tasks per round: the output of a round is
 * appended to the result before the next starts, and progress is told
 * between rounds. */
#define GROUP_PART 512
#define GROUP_ROUND 8

typedef struct group_job {
    const grouper *shared; /* the read-only parts */
    group_out *outs;       /* per task of the round */
    claims_arena *arenas;  /* per thread: a task takes a free one, */
    relation_memo *memos;  /* and this memory with it */
    atomic_bool *busy;
    size_t threads;
    size_t first_part; /* of the round */
    size_t subjects;
} group_job;

/* One task: the subjects of part `first_part + task`, into outs[task]. */
static int group_part(void *arg, size_t task)
{
    group_job *J = arg;
    grouper G = *J->shared;
    claims_result *r = G.r;
    const claims__rows *st = G.st;
    size_t S = st->source_count;
    G.o = &J->outs[task];
    size_t slot = claims__slot_take(J->busy, J->threads);
    G.o->arena = &J->arenas[slot];
    G.memo = &J->memos[slot];
    claims__interner_init(&G.o->strings, G.o->arena);
    G.stamp = calloc(S ? S : 1, sizeof *G.stamp);
    G.slot = malloc((S ? S : 1) * sizeof *G.slot);
    G.stamp_now = 0;
    G.slot_scratch = NULL;
    G.value_scratch = NULL;
    G.weighed_scratch = NULL;
    G.weight_scratch = NULL;
    G.sv_scratch = NULL;
    G.sv_cap = 0;
    claims__buf_init(&G.buf);
    claims__buf_init(&G.why);
    size_t *list = NULL, *tmp = NULL;
    size_t lcap = 0, tcap = 0, slcap = 0, vcap = 0, scap = 0, clcap = 0, skcap = 0, ocap = 0;
    size_t wcap = 0, wtcap = 0;
    uint32_t *skey = NULL; /* per claim of the subject: source rank */
    size_t *order = NULL;  /* local indices, sorted */
    cluster *cl = NULL;
    const char **scratch = NULL;
    int rc = G.stamp && G.slot ? CLAIMS_OK : CLAIMS_ENOMEM;
    size_t part = J->first_part + task;
    size_t from = part * GROUP_PART;
    size_t to = from + GROUP_PART < J->subjects ? from + GROUP_PART : J->subjects;
    for (size_t s = from; s < to && rc == CLAIMS_OK; s++) {
        rc = CLAIMS_ENOMEM;
        claims__rsubject *subj = &r->subjects[s];
        size_t n = 0;
        for (size_t k = 0; k < subj->mention_count; k++) {
            size_t mm = subj->mentions[k];
            n += G.first[mm + 1] - G.first[mm];
        }
        if (claims__grow((void **)&list, &lcap, n + 1, sizeof *list) != CLAIMS_OK ||
            claims__grow((void **)&scratch, &scap, n + 1, sizeof *scratch) != CLAIMS_OK ||
            claims__grow((void **)&tmp, &tcap, n + 1, sizeof *tmp) != CLAIMS_OK ||
            claims__grow((void **)&G.slot_scratch, &slcap, 2 * n + 1, sizeof *G.slot_scratch) !=
                CLAIMS_OK ||
            claims__grow((void **)&G.value_scratch, &vcap, n + 1, sizeof *G.value_scratch) !=
                CLAIMS_OK ||
            claims__grow((void **)&skey, &skcap, n + 1, sizeof *skey) != CLAIMS_OK ||
            claims__grow((void **)&order, &ocap, n + 1, sizeof *order) != CLAIMS_OK ||
            claims__grow((void **)&G.weighed_scratch, &wcap, n + 1, sizeof *G.weighed_scratch) !=
                CLAIMS_OK ||
            claims__grow((void **)&G.weight_scratch, &wtcap, n + 1, 1) != CLAIMS_OK)
            break;
        n = 0;
        for (size_t k = 0; k < subj->mention_count; k++) {
            size_t mm = subj->mentions[k];
            for (size_t q = G.first[mm]; q < G.first[mm + 1]; q++)
                list[n++] = G.by_subject[q];
        }
        /* sorted as local indices over copied keys, then read back */
        for (size_t i = 0; i < n; i++) {
            G.value_scratch[i] = G.key[list[i]];
            skey[i] = G.source_rank[st->claims[list[i]].source];
            order[i] = i;
        }
        claim_sort sorter = {&G, list, G.value_scratch, skey};
        claims__sort_indices(order, tmp, n, claim_order, &sorter);
        for (size_t i = 0; i < n; i++)
            tmp[i] = list[order[i]];
        memcpy(list, tmp, n * sizeof *list);
        /* within the task's output; moved when it is appended */
        subj->attr_start = G.o->attr_count;
        rc = CLAIMS_OK;
        for (size_t i = 0; i < n && rc == CLAIMS_OK;) {
            size_t j = i;
            while (j < n && st->claims[list[j]].attribute == st->claims[list[i]].attribute)
                j++;
            rc = group_attribute(&G, list + i, j - i, &cl, &clcap, scratch);
            i = j;
        }
        subj->attr_count = G.o->attr_count - subj->attr_start;
    }
    free(G.stamp);
    free(G.slot);
    free(G.slot_scratch);
    free(G.value_scratch);
    free(G.weighed_scratch);
    free(G.weight_scratch);
    free(G.sv_scratch);
    claims__buf_free(&G.buf);
    claims__buf_free(&G.why);
    free(list);
    free(tmp);
    free(cl);
    free(scratch);
    free(skey);
    free(order);
    claims__interner_free(&G.o->strings); /* the strings stay in its arena */
    claims__slot_give(J->busy, slot);
    return rc;
}

/* Appends a task's output to the result, in task order. */
static int append_out(claims_result *r, group_out *o, size_t from, size_t to)
{
    if (claims__grow((void **)&r->attrs, &r->attr_cap, r->attr_count + o->attr_count,
                     sizeof *r->attrs) != CLAIMS_OK ||
        claims__grow((void **)&r->values, &r->value_cap, r->value_count + o->value_count,
                     sizeof *r->values) != CLAIMS_OK ||
        claims__grow((void **)&r->claim_list, &r->claim_list_cap,
                     r->claim_list_count + o->claim_list_count, sizeof *r->claim_list) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    for (size_t s = from; s < to; s++)
        r->subjects[s].attr_start += r->attr_count;
    for (size_t a = 0; a < o->attr_count; a++) {
        o->attrs[a].value_start += r->value_count;
        r->attrs[r->attr_count++] = o->attrs[a];
    }
    for (size_t v = 0; v < o->value_count; v++) {
        o->values[v].claim_start += r->claim_list_count;
        r->values[r->value_count++] = o->values[v];
    }
    if (o->claim_list_count)
        memcpy(r->claim_list + r->claim_list_count, o->claim_list,
               o->claim_list_count * sizeof *r->claim_list);
    r->claim_list_count += o->claim_list_count;
    return CLAIMS_OK;
}

static void out_free(group_out *o)
{
    free(o->attrs);
    free(o->values);
    free(o->claim_list);
}

int claims__group(claims__run *run)
{
    claims_result *r = run->r;
    const claims__rows *st = &r->rows;
    grouper G;
    memset(&G, 0, sizeof G);
    G.run = run;
    G.r = r;
    G.st = st;
    size_t M = st->subject_count, N = st->claim_count, S = st->source_count;
    size_t parts = (r->subject_count + GROUP_PART - 1) / GROUP_PART;
    group_out outs[GROUP_ROUND];
    memset(outs, 0, sizeof outs);
    claims_arena *arenas = NULL;
    relation_memo *memos = NULL;
    int64_t *instant = NULL;
    atomic_bool busy[16]; /* claims__parallel runs at most 16 threads */
    size_t threads = run->threads < 16 ? run->threads : 16;
    for (size_t t = 0; t < 16; t++)
        atomic_init(&busy[t], false);
    int rc = CLAIMS_ENOMEM;

    G.first = calloc(M + 1, sizeof *G.first);
    G.by_subject = malloc((N ? N : 1) * sizeof *G.by_subject);
    G.key = malloc((N ? N : 1) * sizeof *G.key);
    G.has_dependent = calloc(S ? S : 1, sizeof *G.has_dependent);
    G.instant = instant = claims__source_instants(st);
    if (!instant || !G.first || !G.by_subject || !G.key || !G.has_dependent ||
        sort_keys(&G) != CLAIMS_OK || !(arenas = claims__result_arenas(r, threads)) ||
        !(memos = calloc(threads, sizeof *memos)))
        goto done;
    for (size_t t = 0; t < threads; t++)
        if (memo_init(&memos[t], r->pool_count) != CLAIMS_OK)
            goto done;
    for (size_t d = 0; d < r->dep_count; d++)
        G.has_dependent[r->deps[d].ia] = G.has_dependent[r->deps[d].ib] = true;
    /* room for the most there can be (a cluster and an attribute per
     * claim) made at once: growing by steps would leave the smaller
     * copies behind, and pages never written cost nothing */
    if (claims__grow((void **)&r->attrs, &r->attr_cap, N, sizeof *r->attrs) ||
        claims__grow((void **)&r->values, &r->value_cap, N, sizeof *r->values) ||
        claims__grow((void **)&r->claim_list, &r->claim_list_cap, N, sizeof *r->claim_list))
        goto done;
    for (size_t i = 0; i < N; i++)
        G.first[st->claims[i].subject + 1]++;
    for (size_t m = 0; m < M; m++)
        G.first[m + 1] += G.first[m];
    {
        size_t *fill = calloc(M + 1, sizeof *fill);
        if (!fill)
            goto done;
        for (size_t i = 0; i < N; i++) {
            size_t s = st->claims[i].subject;
            G.by_subject[G.first[s] + fill[s]++] = i;
        }
        free(fill);
    }

    for (size_t p = 0; p < parts; p += GROUP_ROUND) {
        if ((rc = claims__run_progress(run, "group", p * GROUP_PART, r->subject_count)) !=
            CLAIMS_OK)
            goto done;
        rc = CLAIMS_ENOMEM;
        size_t n = parts - p < GROUP_ROUND ? parts - p : GROUP_ROUND;
        for (size_t t = 0; t < n; t++) {
            out_free(&outs[t]);
            memset(&outs[t], 0, sizeof outs[t]);
        }
        group_job J = {&G, outs, arenas, memos, busy, threads, p, r->subject_count};
        if (claims__parallel(n, (unsigned)threads, group_part, &J) != 0)
            goto done;
        for (size_t t = 0; t < n; t++) {
            size_t from = (p + t) * GROUP_PART, to = from + GROUP_PART;
            if (append_out(r, &outs[t], from, to < r->subject_count ? to : r->subject_count))
                goto done;
        }
    }
    rc = CLAIMS_OK;
done:
    for (size_t t = 0; memos && t < threads; t++)
        memo_free(&memos[t]);
    free(memos);
    for (size_t t = 0; t < GROUP_ROUND; t++)
        out_free(&outs[t]);
    free(G.first);
    free(G.by_subject);
    free(G.key);
    free(G.source_rank);
    free(G.has_dependent);
    free(instant);
    return rc;
}

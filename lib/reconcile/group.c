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
    struct relation_memo *memo; /* of the thread's slot */
    size_t *slot_scratch;       /* two per claim of the subject at hand */
    uint64_t *value_scratch;    /* one per claim of the subject at hand */
    claims_buf buf;
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

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Sorted distinct strings of `in` (n items), copied into the arena. */
static const char **distinct(claims_arena *arena, const char **in, size_t n, size_t *count)
{
    qsort(in, n, sizeof *in, cmp_str);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!k || strcmp(in[i], in[k - 1]) != 0)
            in[k++] = in[i];
    const char **out = claims__arena_alloc(arena, (k ? k : 1) * sizeof *out);
    if (out)
        memcpy(out, in, k * sizeof *out);
    *count = k;
    return out;
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
static int value_origins(grouper *G, claims__rvalue *v, const size_t *list, size_t n,
                         const char **scratch)
{
    claims_result *r = G->r;
    const claims__rows *st = G->st;
    size_t *src = G->slot_scratch, *parent = src + n;
    size_t ns = 0, no = 0, dependents = 0;
    for (size_t i = 0; i < n; i++) {
        const claims__claim *c = &st->claims[list[i]];
        if (c->attribution_count) {
            scratch[no++] = r->claim_origin[list[i]];
            continue;
        }
        /* the list is in source order: a source's claims are together */
        if (!ns || src[ns - 1] != c->source) {
            dependents += G->has_dependent[c->source];
            src[ns++] = c->source;
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
        scratch[no++] = so->outlet[0] ? so->outlet : so->id;
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
        for (size_t m = 0; m < ns; m++) {
            size_t x = m;
            while (parent[x] != x)
                x = parent[x];
            if (x != k)
                continue;
            members++;
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
            scratch[no++] = p;
    }
    claims__buf_free(&name);
    if (rc == CLAIMS_OK) {
        v->origins = distinct(G->o->arena, scratch, no, &v->origin_count);
        if (!v->origins)
            rc = CLAIMS_ENOMEM;
    }
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
    return v->sources && value_origins(G, v, list, c->n, scratch) == CLAIMS_OK ? CLAIMS_OK
                                                                               : CLAIMS_ENOMEM;
}

/* ---- one attribute ------------------------------------------------------------------ */

static bool agree(claims_relation rel)
{
    return rel == CLAIMS_RELATION_EQUAL || rel == CLAIMS_RELATION_COMPATIBLE;
}

/* Several clusters of a single-valued attribute. Two sources conflict when
 * no value of one is compatible with a value of the other: a source that
 * gives "Lima" and "Peru" describes one place twice, and agrees with one
 * that says "Lima, Peru". The attribute conflicts when two sources do. */
static claims_agreement single_valued(grouper *G, const size_t *m, const cluster *cl, size_t nc,
                                      size_t sources)
{
    claims_result *r = G->r;
    const claims__rows *st = G->st;
    const claims__attr *def = r->claim_attr[m[0]];
    claims_comparison cmp;
    /* which clusters are compatible, and the first reason of each kind */
    bool *ok = calloc(nc * nc, sizeof *ok);
    if (!ok)
        return CLAIMS_COMPATIBLE;
    char agree_why[CLAIMS_REASON_LENGTH] = "", conflict_why[CLAIMS_REASON_LENGTH] = "";
    for (size_t a = 0; a < nc; a++)
        for (size_t b = 0; b < nc; b++) {
            if (a == b) {
                ok[a * nc + b] = true;
                continue;
            }
            if (b < a) {
                ok[a * nc + b] = ok[b * nc + a];
                continue;
            }
            claims__compare_values(&cmp, G->run->ctx, def, r->pool[r->claim_value[cl[a].rep]],
                                   r->pool[r->claim_value[cl[b].rep]]);
            ok[a * nc + b] = agree(cmp.relation);
            char *why = ok[a * nc + b] ? agree_why : conflict_why;
            if (!why[0])
                snprintf(why, CLAIMS_REASON_LENGTH, "%s", cmp.reason);
        }
    /* per source: the clusters it supports (a bit per cluster, in words) */
    size_t words = (nc + 63) / 64, ns = 0;
    size_t *src = malloc(sources * sizeof *src);
    uint64_t *bits = calloc(sources * words, sizeof *bits);
    claims_agreement rel = sources >= 2 ? CLAIMS_COMPATIBLE : CLAIMS_SINGLE_SOURCE;
    if (!src || !bits) {
        free(ok);
        free(src);
        free(bits);
        return rel;
    }
    size_t mark = new_mark(G);
    for (size_t k = 0; k < nc; k++) {
        if (cl[k].uncertain)
            continue;
        for (size_t i = 0; i < cl[k].n; i++) {
            size_t s = st->claims[m[cl[k].start + i]].source, j;
            if (G->stamp[s] == mark) {
                j = G->slot[s];
            } else {
                if (ns == sources)
                    continue;
                G->stamp[s] = mark;
                G->slot[s] = j = ns;
                src[ns++] = s;
            }
            bits[j * words + k / 64] |= (uint64_t)1 << (k % 64);
        }
    }
    const char *x = NULL, *y = NULL;
    for (size_t i = 0; i < ns && !x; i++)
        for (size_t j = i + 1; j < ns && !x; j++) {
            bool any = false;
            for (size_t a = 0; a < nc && !any; a++)
                if (bits[i * words + a / 64] >> (a % 64) & 1)
                    for (size_t b = 0; b < nc && !any; b++)
                        any = (bits[j * words + b / 64] >> (b % 64) & 1) && ok[a * nc + b];
            if (!any) {
                x = st->sources[src[i]].id;
                y = st->sources[src[j]].id;
            }
        }
    if (x) {
        rel = CLAIMS_CONFLICTING;
        claims__buf_printf(&G->buf, "%s (%s and %s disagree)",
                           conflict_why[0] ? conflict_why : "values differ",
                           strcmp(x, y) < 0 ? x : y, strcmp(x, y) < 0 ? y : x);
    } else if (rel == CLAIMS_SINGLE_SOURCE) {
        claims__buf_puts(&G->buf, "only "), claims__buf_puts(&G->buf, st->sources[src[0]].id);
    } else {
        claims__buf_puts(&G->buf,
                         agree_why[0] ? agree_why : "each source gives a value the others share");
    }
    free(ok);
    free(src);
    free(bits);
    return rel;
}

static int value_order(const void *x, const void *y)
{
    const claims__rvalue *a = x, *b = y;
    if (a->uncertain != b->uncertain)
        return a->uncertain ? 1 : -1;
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

    /* clusters: claims are sorted by (certainty, polarity, key) */
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        const claims__claim *c = &st->claims[m[i]];
        bool uncertain = c->certainty == CLAIMS_UNKNOWN;
        size_t into = nc;
        for (size_t k = nc; k-- > 0;) {
            cluster *x = &(*cl)[k];
            if (x->uncertain != uncertain || x->polarity != c->polarity)
                continue;
            if (r->norm_rank[r->claim_value[x->rep]] == r->norm_rank[r->claim_value[m[i]]]) {
                into = k;
                break;
            }
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
    size_t supporting = 0;
    for (size_t k = 0; k < nc; k++)
        supporting += !(*cl)[k].uncertain;
    claims_agreement rel;
    claims__buf_clear(&G->buf);
    const char *first_source = st->sources[st->claims[m[0]].source].id;
    bool polarity_conflict = false;
    for (size_t a = 0; a < nc && !polarity_conflict; a++)
        for (size_t b = 0; b < nc && !polarity_conflict; b++) {
            cluster *x = &(*cl)[a], *y = &(*cl)[b];
            if (x->uncertain || y->uncertain || x->polarity != CLAIMS_AFFIRMED ||
                y->polarity != CLAIMS_NEGATED)
                continue;
            claims__compare_values(&cmp, ctx, def, r->pool[r->claim_value[x->rep]],
                                   r->pool[r->claim_value[y->rep]]);
            if (agree(cmp.relation)) {
                polarity_conflict = true;
                claims__buf_printf(&G->buf, "\"%s\" is affirmed by %s and negated by %s",
                                   st->claims[x->rep].value,
                                   st->sources[st->claims[x->rep].source].id,
                                   st->sources[st->claims[y->rep].source].id);
            }
        }
    if (polarity_conflict) {
        rel = CLAIMS_CONFLICTING;
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
        rel = sources >= 2 ? CLAIMS_COMPLEMENTARY : CLAIMS_SINGLE_SOURCE;
        claims__buf_put_size(&G->buf, supporting), claims__buf_puts(&G->buf, " members named by ");
        claims__buf_put_size(&G->buf, sources);
        claims__buf_puts(&G->buf, sources == 1 ? " source" : " sources");
    } else {
        rel = single_valued(G, m, *cl, nc, sources);
    }

    /* emit */
    if (claims__grow((void **)&o->attrs, &o->attr_cap, o->attr_count + 1, sizeof *o->attrs) !=
        CLAIMS_OK)
        return CLAIMS_ENOMEM;
    claims__rattr *at = &o->attrs[o->attr_count++];
    at->name = st->claims[m[0]].attribute;
    at->type = claims_type_name(def ? def->type : r->claim_type[m[0]]);
    at->known = def != NULL;
    at->cardinality = card;
    at->agreement = rel;
    at->reason = claims__intern(&o->strings, G->buf.data ? G->buf.data : "", G->buf.len);
    at->source_count = sources;
    at->uncertain_count = uncertain;
    at->value_start = o->value_count;
    at->value_count = nc;
    if (!at->reason)
        return CLAIMS_ENOMEM;
    for (size_t k = 0; k < nc; k++)
        if (emit_value(G, m, &(*cl)[k], scratch) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
    claims__rvalue *vals = o->values + at->value_start;
    qsort(vals, nc, sizeof *vals, value_order);
    /* the preferred value: for a conflict, the best supported one if it
     * leads alone; otherwise every supporting value stands */
    for (size_t k = 0; k < nc; k++)
        vals[k].preferred = !vals[k].uncertain && rel != CLAIMS_CONFLICTING;
    /* the first leads alone when it has more origins, or as many origins
     * and more sources */
    if (rel == CLAIMS_CONFLICTING && !vals[0].uncertain) {
        const claims__rvalue *a = &vals[0], *b = nc > 1 ? &vals[1] : NULL;
        vals[0].preferred =
            !b || b->uncertain || a->origin_count > b->origin_count ||
            (a->origin_count == b->origin_count && a->source_count > b->source_count);
    }
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
    claims__buf_init(&G.buf);
    size_t *list = NULL, *tmp = NULL;
    size_t lcap = 0, tcap = 0, slcap = 0, vcap = 0, scap = 0, clcap = 0, skcap = 0, ocap = 0;
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
            claims__grow((void **)&order, &ocap, n + 1, sizeof *order) != CLAIMS_OK)
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
    claims__buf_free(&G.buf);
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
    atomic_bool busy[16]; /* claims__parallel runs at most 16 threads */
    size_t threads = run->threads < 16 ? run->threads : 16;
    for (size_t t = 0; t < 16; t++)
        atomic_init(&busy[t], false);
    int rc = CLAIMS_ENOMEM;

    G.first = calloc(M + 1, sizeof *G.first);
    G.by_subject = malloc((N ? N : 1) * sizeof *G.by_subject);
    G.key = malloc((N ? N : 1) * sizeof *G.key);
    G.has_dependent = calloc(S ? S : 1, sizeof *G.has_dependent);
    if (!G.first || !G.by_subject || !G.key || !G.has_dependent || sort_keys(&G) != CLAIMS_OK ||
        !(arenas = claims__result_arenas(r, threads)) || !(memos = calloc(threads, sizeof *memos)))
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
    return rc;
}

/* resolve.c - subject resolution: which subject mentions of different
 * documents are one event (or one person, organization...).
 *
 * A mention's identity comes from its identifying attributes (schema weight
 * 1: participant, date, place, occasion; weight 2: a name); a mention with
 * none, unless it is an event, is identified by its label. Two mentions
 * match when the attributes they both have agree with a total weight of at
 * least 2 and none conflicts: a single-valued attribute conflicts when every
 * pair of values conflicts, a set (participants) when fewer than half of
 * the members are shared (Jaccard < 0.5). Candidates come from blocks
 * (participant pairs, names, places), never from all pairs; they are merged
 * greedily, best first, and a merge that would put two mentions of one
 * document, or two conflicting mentions, in one subject is refused. Every
 * decision is derived from content (ids, values), never from input order. */
#include "reconcile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct feature {
    const char *attr;       /* interned attribute name; LABEL for labels */
    const claims__attr *def;
    claims_type type;       /* the type the value was meant to have */
    int weight;
    claims_cardinality card;
    uint32_t value;         /* pool index */
} feature;

static const char LABEL[] = "label";

typedef struct candidate {
    size_t a, b;            /* mentions, key(a) < key(b) */
    double score;
} candidate;

/* Two mentions kept apart by a conflict. What conflicted is worded again
 * only for the few shown, so that millions of pairs cost no text. */
typedef struct separation {
    size_t a, b;
} separation;

/* Separations kept per mention: explanations show at most this many. */
#define MAX_SEPARATIONS 8

typedef struct resolver {
    claims__run *run;
    claims_result *r;
    const claims_store *st;
    feature *features;      /* grouped by mention (CSR) */
    size_t *first;          /* per mention: first feature; [M] = total */
    size_t *rank;           /* per mention: place in content order */
    claims_buf why;         /* scratch for explanations */
    claims_u64map memo;     /* value pair -> relation, score (per attribute
                             * type: see relate) */
    claims_u64map verdicts; /* mention pair -> 1 compatible, 2 conflicting */
} resolver;

/* Key of a pair of mentions, the same whichever comes first. */
static uint64_t mention_pair(const resolver *R, size_t a, size_t b)
{
    if (R->rank[a] > R->rank[b]) {
        size_t t = a;
        a = b;
        b = t;
    }
    return ((uint64_t)a << 32) | (uint64_t)b;
}

/* Mentions are ordered by (source id, subject id): content, not position. */
static int mention_cmp(const claims_store *st, size_t a, size_t b)
{
    const claims__subject *x = &st->subjects[a], *y = &st->subjects[b];
    int c = strcmp(st->sources[x->source].id, st->sources[y->source].id);
    return c ? c : strcmp(x->id, y->id);
}

static claims_type label_type(const char *subject_type)
{
    if (!strcmp(subject_type, "person"))
        return CLAIMS_TYPE_PERSON;
    if (!strcmp(subject_type, "organization"))
        return CLAIMS_TYPE_ORGANIZATION;
    if (!strcmp(subject_type, "place"))
        return CLAIMS_TYPE_PLACE;
    return CLAIMS_TYPE_TEXT;
}

static bool usable(const claims_result *r, const feature *f)
{
    return claims_value_type(r->pool[f->value]) == f->type &&
           !claims_value_is_none(r->pool[f->value]);
}

/* ---- features ------------------------------------------------------------------ */

/* The label of mention m as a value, parsed once per distinct (type, label):
 * many mentions share a label (a flight number in every source). */
static int add_label_value(resolver *R, claims_strmap *cache, size_t m, uint32_t *out)
{
    claims_result *r = R->r;
    const claims__subject *s = &R->st->subjects[m];
    const char *text = s->label[0] ? s->label : s->id;
    claims_type type = label_type(s->type);
    claims_buf *key = &R->why;
    claims__buf_clear(key);
    if (claims__buf_putc(key, (char)('a' + type)) ||
        claims__buf_append(key, text, strlen(text)))
        return CLAIMS_ENOMEM;
    size_t idx;
    if (claims__strmap_get(cache, key->data, key->len, &idx)) {
        *out = (uint32_t)idx;
        return CLAIMS_OK;
    }
    char *k = claims__arena_strdup(&r->arena, key->data, key->len);
    if (!k || claims__grow((void **)&r->pool, &r->pool_cap, r->pool_count + 1,
                           sizeof *r->pool) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    claims_value *v;
    if (claims_value_new(&v) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    r->pool[r->pool_count] = v;
    *out = (uint32_t)r->pool_count++;
    if (claims__strmap_put(cache, k, key->len, *out) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    claims_error e;
    if (claims_value_parse(v, R->run->ctx, type, text, strlen(text), NULL, &e) != CLAIMS_OK)
        claims_value_parse(v, R->run->ctx, CLAIMS_TYPE_TEXT, text, strlen(text), NULL, &e);
    return CLAIMS_OK;
}

static int build_features(resolver *R)
{
    claims_result *r = R->r;
    const claims_store *st = R->st;
    size_t M = st->subject_count;
    size_t *count = calloc(M + 1, sizeof *count);
    R->first = calloc(M + 1, sizeof *R->first);
    if (!count || !R->first) {
        free(count);
        return CLAIMS_ENOMEM;
    }
    /* which claims identify their subject: identifying, affirmed, known */
    for (size_t i = 0; i < st->claim_count; i++) {
        const claims__claim *c = &st->claims[i];
        const claims__attr *a = r->claim_attr[i];
        if (a && a->identifying && c->polarity == CLAIMS_AFFIRMED &&
            c->certainty != CLAIMS_UNKNOWN)
            count[c->subject]++;
    }
    for (size_t m = 0; m < M; m++)
        if (!count[m] && strcmp(st->subjects[m].type, "event") != 0)
            count[m] = 1; /* identified by its label */
    size_t total = 0;
    for (size_t m = 0; m < M; m++) {
        R->first[m] = total;
        total += count[m];
    }
    R->first[M] = total;
    R->features = malloc((total ? total : 1) * sizeof *R->features);
    if (!R->features) {
        free(count);
        return CLAIMS_ENOMEM;
    }
    memset(count, 0, (M + 1) * sizeof *count);
    for (size_t i = 0; i < st->claim_count; i++) {
        const claims__claim *c = &st->claims[i];
        const claims__attr *a = r->claim_attr[i];
        if (!(a && a->identifying && c->polarity == CLAIMS_AFFIRMED &&
              c->certainty != CLAIMS_UNKNOWN))
            continue;
        R->features[R->first[c->subject] + count[c->subject]++] =
            (feature){c->attribute, a, r->claim_type[i], a->identifying,
                      a->cardinality, r->claim_value[i]};
    }
    int rc = CLAIMS_OK;
    claims_strmap labels;
    claims__strmap_init(&labels);
    for (size_t m = 0; m < M && rc == CLAIMS_OK; m++) {
        if (count[m] || R->first[m + 1] == R->first[m])
            continue;
        uint32_t v;
        rc = add_label_value(R, &labels, m, &v);
        if (rc == CLAIMS_OK)
            R->features[R->first[m]] =
                (feature){LABEL, NULL, claims_value_type(r->pool[v]), 2,
                          CLAIMS_SINGLE, v};
    }
    claims__strmap_free(&labels);
    free(count);
    return rc;
}

/* ---- comparing two mentions ------------------------------------------------------ */

typedef struct verdict {
    int weight;       /* of the attributes that match */
    int conflicts;
    double closeness; /* sum of comparison scores, to order candidates */
} verdict;

/* Separates the next part of an explanation from the previous one. */
static void why_sep(resolver *R)
{
    if (R->why.len)
        claims__buf_append(&R->why, "; ", 2);
}

/* The smallest normalized value among features: explanations must not
 * depend on the order claims came in. */
static const char *smallest(const claims_result *r, const feature *f, size_t n)
{
    const char *best = claims_value_normalized(r->pool[f[0].value]);
    for (size_t i = 1; i < n; i++) {
        const char *k = claims_value_normalized(r->pool[f[i].value]);
        if (strcmp(k, best) < 0)
            best = k;
    }
    return best;
}

/* How two pooled values relate, as resolution needs it (no reason text).
 * The same pairs recur across many mentions (a participant's name in every
 * event it takes part in), so each is compared once. */
static claims_relation relate(resolver *R, const claims__attr *def, uint32_t ia,
                              uint32_t ib, double *score)
{
    const claims_value *a = R->r->pool[ia], *b = R->r->pool[ib];
    if (ia == ib || (claims_value_modifier(a) == claims_value_modifier(b) &&
                     strcmp(claims_value_normalized(a), claims_value_normalized(b)) == 0)) {
        *score = 1.0;
        return CLAIMS_RELATION_EQUAL;
    }
    /* the attribute matters only through a tolerance */
    bool tolerant = def && (def->tolerance > 0.0 || def->time_tolerance > 0.0);
    uint64_t key = ((uint64_t)(ia < ib ? ia : ib) << 32) | (ia < ib ? ib : ia);
    uint64_t packed;
    if (!tolerant && claims__u64map_get(&R->memo, key, &packed)) {
        *score = (double)(packed & 0xffffffffu) / 1e6;
        return (claims_relation)(packed >> 32);
    }
    claims_comparison c;
    claims__compare_values(&c, R->run->ctx, def, a, b);
    *score = c.score;
    if (!tolerant) { /* without memory the pair is just compared again */
        double s = c.score < 0.0 ? 0.0 : c.score > 1.0 ? 1.0 : c.score;
        claims__u64map_put(&R->memo, key, ((uint64_t)c.relation << 32) | (uint64_t)(s * 1e6));
    }
    return c.relation;
}

/* Compares the values two mentions give for one attribute. */
static void compare_attribute(resolver *R, const feature *fa, size_t na,
                              const feature *fb, size_t nb, verdict *v,
                              bool explain)
{
    claims_result *r = R->r;
    double score;
    if (fa[0].card == CLAIMS_SET) {
        size_t matched = 0;
        double close = 0.0;
        for (size_t i = 0; i < na; i++) {
            double best = -1.0;
            for (size_t j = 0; j < nb; j++) {
                claims_relation rel = relate(R, fa[i].def, fa[i].value, fb[j].value, &score);
                if ((rel == CLAIMS_RELATION_EQUAL || rel == CLAIMS_RELATION_COMPATIBLE) &&
                    score > best)
                    best = score;
            }
            if (best >= 0.0) {
                matched++;
                close += best;
            }
        }
        size_t uni = na + nb - (matched < na + nb ? matched : 0);
        double jaccard = uni ? (double)matched / (double)uni : 0.0;
        char num[48];
        snprintf(num, sizeof num, "%zu of %zu", matched, uni);
        if (jaccard >= 0.5) {
            v->weight += fa[0].weight;
            v->closeness += close / (double)(matched ? matched : 1);
            if (explain)
                { why_sep(R); claims__buf_printf(&R->why, "%s %s shared", fa[0].attr, num); }
        } else {
            v->conflicts++;
            if (explain)
                { why_sep(R); claims__buf_printf(&R->why, "%s differ (%s shared)", fa[0].attr, num); }
        }
        return;
    }
    /* single-valued: any agreeing pair matches; all pairs conflicting
     * conflict; values that cannot be compared say nothing */
    bool match = false, all_conflict = true;
    double best = 0.0;
    const char *ma = NULL, *mb = NULL;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) {
            claims_relation rel = relate(R, fa[i].def, fa[i].value, fb[j].value, &score);
            if (rel == CLAIMS_RELATION_EQUAL || rel == CLAIMS_RELATION_COMPATIBLE) {
                const char *x = claims_value_normalized(r->pool[fa[i].value]);
                const char *y = claims_value_normalized(r->pool[fb[j].value]);
                /* best score; ties go to the smallest pair of keys */
                if (!match || score > best ||
                    (score == best && (strcmp(x, ma) < 0 ||
                                       (strcmp(x, ma) == 0 && strcmp(y, mb) < 0)))) {
                    best = score;
                    ma = x;
                    mb = y;
                }
                match = true;
            }
            if (rel != CLAIMS_RELATION_CONFLICTING)
                all_conflict = false;
        }
    if (match) {
        v->weight += fa[0].weight;
        v->closeness += best;
        if (explain) {
            why_sep(R);
            claims__buf_printf(&R->why, "%s", fa[0].attr);
            if (strcmp(ma, mb) == 0)
                claims__buf_printf(&R->why, " %s", ma);
            else
                claims__buf_printf(&R->why, " %s ~ %s", ma, mb);
        }
    } else if (all_conflict) {
        v->conflicts++;
        if (explain) {
            why_sep(R);
            claims__buf_printf(&R->why, "%s %s", fa[0].attr, smallest(r, fa, na));
            claims__buf_printf(&R->why, " vs %s", smallest(r, fb, nb));
        }
    }
}

/* Compares mentions a and b over the attributes both have. The features of
 * a mention are in claim order, so each attribute's values are gathered. */
static verdict compare_mentions(resolver *R, size_t a, size_t b, bool explain)
{
    verdict v = {0, 0, 0.0};
    claims__buf_clear(&R->why);
    const feature *A = R->features + R->first[a], *B = R->features + R->first[b];
    size_t na = R->first[a + 1] - R->first[a], nb = R->first[b + 1] - R->first[b];
    feature fa[64], fb[64];
    /* attributes in name order, so explanations do not depend on the
     * order of claims */
    const char *names[64];
    size_t nn = 0;
    for (size_t i = 0; i < na && nn < 64; i++) {
        bool seen = false;
        for (size_t k = 0; k < nn && !seen; k++)
            seen = names[k] == A[i].attr;
        if (!seen)
            names[nn++] = A[i].attr;
    }
    for (size_t i = 1; i < nn; i++)
        for (size_t j = i; j > 0 && strcmp(names[j], names[j - 1]) < 0; j--) {
            const char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (size_t n = 0; n < nn; n++) {
        const char *attr = names[n];
        size_t ka = 0, kb = 0;
        for (size_t k = 0; k < na && ka < 64; k++)
            if (A[k].attr == attr && usable(R->r, &A[k]))
                fa[ka++] = A[k];
        for (size_t k = 0; k < nb && kb < 64; k++)
            if (B[k].attr == attr && usable(R->r, &B[k]))
                fb[kb++] = B[k];
        if (ka && kb)
            compare_attribute(R, fa, ka, fb, kb, &v, explain);
        if (v.conflicts && !explain)
            break; /* kept apart: the rest cannot change that */
    }
    return v;
}

static bool mergeable(const verdict *v) { return v->conflicts == 0 && v->weight >= 2; }

/* ---- blocking ----------------------------------------------------------------------- */

typedef struct block_entry {
    const char *key; /* interned */
    int64_t when;    /* the mention's date (start), INT64_MAX without one */
    size_t rank;     /* the mention's place in content order */
    size_t mention;
} block_entry;

/* Within a block, mentions go by date: where a block is too large to compare
 * all pairs, a window over this order compares mentions close in time. */
static int cmp_block(const void *x, const void *y)
{
    const block_entry *a = x, *b = y;
    int c = a->key == b->key ? 0 : strcmp(a->key, b->key);
    if (c)
        return c;
    if (a->when != b->when)
        return a->when < b->when ? -1 : 1;
    return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* The first usable date of mention m: its start and precision. */
static bool first_date(const resolver *R, size_t m, int64_t *begin, claims_precision *p)
{
    const feature *F = R->features + R->first[m];
    size_t nf = R->first[m + 1] - R->first[m];
    for (size_t i = 0; i < nf; i++)
        if (F[i].type == CLAIMS_TYPE_DATE && usable(R->r, &F[i]) &&
            claims_value_interval(R->r->pool[F[i].value], begin, NULL, p) == CLAIMS_OK)
            return true;
    return false;
}

/* The blocking token of a value: a person's surname, else its key. */
static const char *token_of(const claims_value *v, size_t *len)
{
    const char *k = claims_value_normalized(v);
    *len = strlen(k);
    if (claims_value_type(v) == CLAIMS_TYPE_PERSON) {
        const char *sp = strrchr(k, ' ');
        if (sp) {
            *len -= (size_t)(sp + 1 - k);
            k = sp + 1;
        }
    }
    return k;
}

static int push_key(resolver *R, block_entry **e, size_t *n, size_t *cap,
                    size_t m, int64_t when, const char *prefix, const char *a,
                    size_t al, const char *b, size_t bl)
{
    claims_buf *k = &R->why;
    claims__buf_clear(k);
    if (claims__buf_printf(k, "%s:%.*s", prefix, (int)al, a) ||
        (b && claims__buf_printf(k, "|%.*s", (int)bl, b)))
        return CLAIMS_ENOMEM;
    const char *key = claims__result_intern(R->r, k->data, k->len);
    if (!key || claims__grow((void **)e, cap, *n + 1, sizeof **e) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    (*e)[(*n)++] = (block_entry){key, when, R->rank[m], m};
    return CLAIMS_OK;
}

/* The month of a date ("@2016-11"), when it is known to a month or better:
 * it narrows the blocks of weak keys (one place, one participant), which
 * would otherwise grow with the corpus. */
static bool month_of(int64_t begin, claims_precision p, char out[16])
{
    if (p < CLAIMS_PRECISION_MONTH)
        return false;
    int64_t days = begin >= 0 ? begin / 86400 : -((-begin + 86399) / 86400), y;
    int mo, d;
    claims__civil_from_days(days, &y, &mo, &d);
    snprintf(out, 16, "@%04lld-%02d", (long long)y, mo);
    return true;
}

/* Block keys of one mention: pairs of participants when it names two or
 * more; else single participants, places (each component of "Lima, Peru")
 * and occasions, each with the month of the date when there is one; and
 * names. */
static int mention_keys(resolver *R, size_t m, block_entry **e, size_t *n,
                        size_t *cap)
{
    claims_result *r = R->r;
    const feature *F = R->features + R->first[m];
    size_t nf = R->first[m + 1] - R->first[m];
    /* the date orders a block (see cmp_block) and narrows weak keys */
    int64_t when = INT64_MAX;
    claims_precision prec = CLAIMS_PRECISION_NONE;
    char month[16];
    bool dated = first_date(R, m, &when, &prec) && month_of(when, prec, month);
    if (prec == CLAIMS_PRECISION_NONE)
        when = INT64_MAX;
    const char *tok[16];
    size_t tlen[16], nt = 0;
    for (size_t i = 0; i < nf && nt < 16; i++)
        if (F[i].card == CLAIMS_SET && F[i].type == CLAIMS_TYPE_PERSON &&
            usable(r, &F[i]))
            tok[nt] = token_of(r->pool[F[i].value], &tlen[nt]), nt++;
    if (nt >= 2) {
        for (size_t i = 0; i < nt; i++)
            for (size_t j = 0; j < nt; j++) {
                int c = strncmp(tok[i], tok[j], tlen[i] < tlen[j] ? tlen[i] : tlen[j]);
                if (c < 0 || (c == 0 && tlen[i] < tlen[j]))
                    if (push_key(R, e, n, cap, m, when, "pp", tok[i], tlen[i], tok[j],
                                 tlen[j]))
                        return CLAIMS_ENOMEM;
            }
        return CLAIMS_OK;
    }
    for (size_t i = 0; i < nt; i++)
        if (push_key(R, e, n, cap, m, when, "p", tok[i], tlen[i], dated ? month : NULL,
                     dated ? strlen(month) : 0))
            return CLAIMS_ENOMEM;
    for (size_t i = 0; i < nf; i++) {
        if (!usable(r, &F[i]) || F[i].card == CLAIMS_SET)
            continue;
        const claims_value *v = r->pool[F[i].value];
        size_t len;
        const char *t = token_of(v, &len);
        claims_type ty = claims_value_type(v);
        if (ty == CLAIMS_TYPE_PLACE) {
            /* every component: "lima, peru" -> lima, peru */
            const char *p = t, *end = t + len;
            while (p < end) {
                const char *c = memchr(p, ',', (size_t)(end - p));
                const char *stop = c ? c : end;
                while (p < stop && *p == ' ')
                    p++;
                if (stop > p && push_key(R, e, n, cap, m, when, "pl", p, (size_t)(stop - p),
                                         dated ? month : NULL, dated ? strlen(month) : 0))
                    return CLAIMS_ENOMEM;
                p = c ? c + 1 : end;
            }
        } else if (F[i].weight >= 2) {
            if (push_key(R, e, n, cap, m, when, "n", t, len, NULL, 0))
                return CLAIMS_ENOMEM;
        } else if (ty == CLAIMS_TYPE_OCCASION) {
            if (push_key(R, e, n, cap, m, when, "oc", t, len, dated ? month : NULL,
                         dated ? strlen(month) : 0))
                return CLAIMS_ENOMEM;
        }
    }
    return CLAIMS_OK;
}

/* Blocks larger than this are compared within a sliding window (over the
 * block in date order) only. */
#define BLOCK_ALL 128
#define BLOCK_WINDOW 32

static int cmp_candidate(const void *x, const void *y, const claims_store *st)
{
    const candidate *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    int c = mention_cmp(st, a->a, b->a);
    return c ? c : mention_cmp(st, a->b, b->b);
}

/* qsort has no context argument in C11: sort candidates by score with a
 * merge sort that passes the store. */
static void sort_candidates(candidate *c, candidate *tmp, size_t n,
                            const claims_store *st)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_candidates(c, tmp, h, st);
    sort_candidates(c + h, tmp, n - h, st);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = cmp_candidate(&c[j], &c[i], st) < 0 ? c[j++] : c[i++];
    while (i < h)
        tmp[k++] = c[i++];
    while (j < n)
        tmp[k++] = c[j++];
    memcpy(c, tmp, n * sizeof *c);
}

/* Ranks mentions in content order (merge sort: qsort has no context). */
static void sort_mentions(const claims_store *st, size_t *m, size_t *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_mentions(st, m, tmp, h);
    sort_mentions(st, m + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = mention_cmp(st, m[j], m[i]) < 0 ? m[j++] : m[i++];
    while (i < h)
        tmp[k++] = m[i++];
    while (j < n)
        tmp[k++] = m[j++];
    memcpy(m, tmp, n * sizeof *m);
}

static int content_ranks(resolver *R)
{
    size_t M = R->st->subject_count;
    size_t *order = malloc((M ? M : 1) * sizeof *order);
    size_t *tmp = malloc((M ? M : 1) * sizeof *tmp);
    R->rank = malloc((M ? M : 1) * sizeof *R->rank);
    if (!order || !tmp || !R->rank) {
        free(order);
        free(tmp);
        return CLAIMS_ENOMEM;
    }
    for (size_t m = 0; m < M; m++)
        order[m] = m;
    sort_mentions(R->st, order, tmp, M);
    for (size_t i = 0; i < M; i++)
        R->rank[order[i]] = i;
    free(order);
    free(tmp);
    return CLAIMS_OK;
}

/* ---- clustering ------------------------------------------------------------------- */

typedef struct clusters {
    size_t *parent, *next, *tail, *size;
} clusters;

static size_t root(clusters *C, size_t x)
{
    while (C->parent[x] != x)
        x = C->parent[x] = C->parent[C->parent[x]];
    return x;
}

/* May the clusters of a and b become one? */
static bool can_join(resolver *R, clusters *C, size_t ra, size_t rb)
{
    const claims_store *st = R->st;
    for (size_t x = ra; x != (size_t)-1; x = C->next[x])
        for (size_t y = rb; y != (size_t)-1; y = C->next[y]) {
            if (st->subjects[x].source == st->subjects[y].source)
                return false;
            if (strcmp(st->subjects[x].type, st->subjects[y].type) != 0)
                return false;
            /* most pairs were compared in their block already */
            uint64_t seen;
            if (!claims__u64map_get(&R->verdicts, mention_pair(R, x, y), &seen)) {
                verdict v = compare_mentions(R, x, y, false);
                seen = v.conflicts ? 2 : 1;
            }
            if (seen == 2)
                return false;
        }
    return true;
}

static void join(clusters *C, size_t ra, size_t rb)
{
    /* the list of rb goes after the list of ra; ra stays the root */
    C->next[C->tail[ra]] = rb;
    C->tail[ra] = C->tail[rb];
    C->size[ra] += C->size[rb];
    C->parent[rb] = ra;
}

/* ---- resolved subjects ---------------------------------------------------------------- */

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

typedef struct subject_order {
    const claims__rsubject *s;
    size_t index;
} subject_order;

static int cmp_subject(const void *x, const void *y)
{
    const claims__rsubject *a = ((const subject_order *)x)->s;
    const claims__rsubject *b = ((const subject_order *)y)->s;
    bool ea = !strcmp(a->type, "event"), eb = !strcmp(b->type, "event");
    if (ea != eb)
        return ea ? -1 : 1;
    int c = strcmp(a->type, b->type);
    if (c)
        return c;
    if (a->source_count != b->source_count)
        return a->source_count > b->source_count ? -1 : 1;
    if (a->sort_claims != b->sort_claims)
        return a->sort_claims > b->sort_claims ? -1 : 1;
    c = strcmp(a->label, b->label);
    return c ? c : strcmp(a->id, b->id);
}

static int build_subjects(resolver *R, clusters *C, candidate *merges,
                          size_t nmerges, separation *seps, size_t nseps)
{
    claims_result *r = R->r;
    const claims_store *st = R->st;
    size_t M = st->subject_count;
    size_t *index_of_root = malloc((M ? M : 1) * sizeof *index_of_root);
    size_t *claims_of = calloc(M ? M : 1, sizeof *claims_of);
    if (!index_of_root || !claims_of) {
        free(index_of_root);
        free(claims_of);
        return CLAIMS_ENOMEM;
    }
    for (size_t i = 0; i < st->claim_count; i++)
        claims_of[st->claims[i].subject]++;
    size_t n = 0;
    for (size_t m = 0; m < M; m++)
        if (root(C, m) == m)
            index_of_root[m] = n++;
    r->subjects = calloc(n ? n : 1, sizeof *r->subjects);
    claims_buf *b = &R->why;
    int rc = r->subjects ? CLAIMS_OK : CLAIMS_ENOMEM;
    for (size_t m = 0; m < M && rc == CLAIMS_OK; m++) {
        if (root(C, m) != m)
            continue;
        claims__rsubject *s = &r->subjects[index_of_root[m]];
        s->mention_count = C->size[m];
        s->mentions = claims__arena_alloc(&r->arena, s->mention_count * sizeof *s->mentions);
        s->sources = claims__arena_alloc(&r->arena, s->mention_count * sizeof *s->sources);
        if (!s->mentions || !s->sources) {
            rc = CLAIMS_ENOMEM;
            break;
        }
        size_t k = 0;
        for (size_t x = m; x != (size_t)-1; x = C->next[x]) {
            s->mentions[k] = x;
            /* insertion by key keeps mentions in content order */
            for (size_t j = k; j > 0 && mention_cmp(st, s->mentions[j], s->mentions[j - 1]) < 0; j--) {
                size_t t = s->mentions[j];
                s->mentions[j] = s->mentions[j - 1];
                s->mentions[j - 1] = t;
            }
            s->sort_claims += claims_of[x];
            k++;
        }
        for (size_t j = 0; j < k; j++)
            s->sources[j] = st->sources[st->subjects[s->mentions[j]].source].id;
        qsort(s->sources, k, sizeof *s->sources, cmp_str);
        s->source_count = k; /* one mention per source, by construction */
        const claims__subject *anchor = &st->subjects[s->mentions[0]];
        s->type = anchor->type;
        /* id: from the first mention's key, so it does not change when
         * unrelated documents are added */
        claims__buf_clear(b);
        claims__buf_printf(b, "%s\x1f%s", st->sources[anchor->source].id, anchor->id);
        uint64_t h = claims__hash(b->data, b->len);
        claims__buf_clear(b);
        claims__buf_printf(b, "%s-%016llx", s->type, (unsigned long long)h);
        s->id = claims__result_intern(r, b->data, b->len);
        /* label: the most frequent, then the shortest, then the smallest */
        const char *best = NULL;
        size_t best_n = 0;
        for (size_t i = 0; i < k; i++) {
            const char *l = st->subjects[s->mentions[i]].label;
            if (!l[0])
                l = st->subjects[s->mentions[i]].id;
            size_t cnt = 0;
            for (size_t j = 0; j < k; j++) {
                const char *o = st->subjects[s->mentions[j]].label;
                cnt += strcmp(o[0] ? o : st->subjects[s->mentions[j]].id, l) == 0;
            }
            if (!best || cnt > best_n ||
                (cnt == best_n && (strlen(l) < strlen(best) ||
                                   (strlen(l) == strlen(best) && strcmp(l, best) < 0)))) {
                best = l;
                best_n = cnt;
            }
        }
        s->label = best;
        if (!s->id)
            rc = CLAIMS_ENOMEM;
    }
    for (size_t m = 0; m < M; m++)
        r->mention_subject[m] = index_of_root[root(C, m)];
    r->subject_count = n;

    /* explanations: merges, then the subjects it was kept apart from;
     * merges and separations are bucketed by subject first (CSR) */
    size_t *mfirst = calloc(n + 1, sizeof *mfirst), *sfirst = calloc(n + 1, sizeof *sfirst);
    size_t *mlist = malloc((nmerges ? nmerges : 1) * sizeof *mlist);
    size_t *slist = malloc((nseps ? 2 * nseps : 1) * sizeof *slist);
    claims_buf text;
    claims__buf_init(&text);
    if (!mfirst || !sfirst || !mlist || !slist)
        rc = CLAIMS_ENOMEM;
    for (size_t j = 0; rc == CLAIMS_OK && j < nmerges; j++)
        mfirst[r->mention_subject[merges[j].a] + 1]++;
    for (size_t j = 0; rc == CLAIMS_OK && j < nseps; j++) {
        sfirst[r->mention_subject[seps[j].a] + 1]++;
        sfirst[r->mention_subject[seps[j].b] + 1]++;
    }
    for (size_t i = 0; rc == CLAIMS_OK && i < n; i++) {
        mfirst[i + 1] += mfirst[i];
        sfirst[i + 1] += sfirst[i];
    }
    for (size_t j = 0, *mfill = mfirst, *sfill = sfirst; rc == CLAIMS_OK && j < nmerges + nseps; j++) {
        /* stable fill: list order is generation order (content order) */
        if (j < nmerges) {
            size_t i = r->mention_subject[merges[j].a];
            mlist[mfill[i]++] = j;
        } else {
            const separation *sp = &seps[j - nmerges];
            size_t ia = r->mention_subject[sp->a], ib = r->mention_subject[sp->b];
            slist[sfill[ia]++] = j - nmerges;
            slist[sfill[ib]++] = j - nmerges;
        }
    }
    /* the fills moved each start to the next bucket's: shift back */
    for (size_t i = n; rc == CLAIMS_OK && i > 0; i--) {
        mfirst[i] = mfirst[i - 1];
        sfirst[i] = sfirst[i - 1];
    }
    if (rc == CLAIMS_OK) {
        mfirst[0] = 0;
        sfirst[0] = 0;
    }
    for (size_t i = 0; i < n && rc == CLAIMS_OK; i++) {
        claims__rsubject *s = &r->subjects[i];
        claims__buf_clear(&text);
        for (size_t q = mfirst[i]; q < mfirst[i + 1]; q++) {
            const candidate *mg = &merges[mlist[q]];
            const claims__subject *x = &st->subjects[mg->a];
            const claims__subject *y = &st->subjects[mg->b];
            compare_mentions(R, mg->a, mg->b, true); /* words it in R->why */
            claims__buf_printf(&text, "merged %s/%s with %s/%s: %s\n",
                               st->sources[x->source].id, x->id,
                               st->sources[y->source].id, y->id,
                               R->why.data ? R->why.data : "");
        }
        const char *shown[MAX_SEPARATIONS];
        size_t nshown = 0;
        for (size_t q = sfirst[i]; q < sfirst[i + 1] && nshown < MAX_SEPARATIONS; q++) {
            const separation *sp = &seps[slist[q]];
            size_t other = r->mention_subject[sp->a] == i ? r->mention_subject[sp->b]
                                                          : r->mention_subject[sp->a];
            if (other == i)
                continue;
            const char *oid = r->subjects[other].id;
            bool dup = false;
            for (size_t k = 0; k < nshown; k++)
                dup |= shown[k] == oid;
            if (dup)
                continue;
            shown[nshown++] = oid;
            compare_mentions(R, sp->a, sp->b, true);
            claims__buf_printf(&text, "kept apart from %s (%s): %s\n", oid,
                               r->subjects[other].label, R->why.data ? R->why.data : "");
        }
        if (text.len)
            text.data[--text.len] = '\0'; /* no final newline */
        s->explanation = claims__result_intern(r, text.data ? text.data : "", text.len);
        if (!s->explanation)
            rc = CLAIMS_ENOMEM;
    }
    claims__buf_free(&text);
    free(mfirst);
    free(sfirst);
    free(mlist);
    free(slist);

    /* order: events first, then by support; renumber */
    if (rc == CLAIMS_OK && n) {
        subject_order *ord = malloc(n * sizeof *ord);
        claims__rsubject *sorted = malloc(n * sizeof *sorted);
        size_t *new_index = malloc(n * sizeof *new_index);
        if (!ord || !sorted || !new_index) {
            rc = CLAIMS_ENOMEM;
        } else {
            for (size_t i = 0; i < n; i++)
                ord[i] = (subject_order){&r->subjects[i], i};
            qsort(ord, n, sizeof *ord, cmp_subject);
            for (size_t i = 0; i < n; i++) {
                sorted[i] = *ord[i].s;
                new_index[ord[i].index] = i;
            }
            memcpy(r->subjects, sorted, n * sizeof *sorted);
            for (size_t m = 0; m < M; m++)
                r->mention_subject[m] = new_index[r->mention_subject[m]];
        }
        free(ord);
        free(sorted);
        free(new_index);
    }
    free(index_of_root);
    free(claims_of);
    return rc;
}

int claims__resolve(claims__run *run)
{
    claims_result *r = run->r;
    const claims_store *st = r->store;
    size_t M = st->subject_count;
    resolver R = {run, r, st, NULL, NULL, NULL, {NULL, 0, 0}, {NULL, NULL, 0, 0},
                  {NULL, NULL, 0, 0}};
    block_entry *blocks = NULL;
    size_t nb = 0, bcap = 0;
    candidate *cand = NULL, *tmp = NULL;
    size_t nc = 0, ccap = 0;
    separation *seps = NULL;
    size_t ns = 0, scap = 0;
    clusters C = {NULL, NULL, NULL, NULL};

    int rc = CLAIMS_ENOMEM;

    unsigned char *sepcount = calloc(M ? M : 1, 1);
    r->mention_subject = malloc((M ? M : 1) * sizeof *r->mention_subject);
    if (!sepcount || !r->mention_subject || build_features(&R) != CLAIMS_OK ||
        content_ranks(&R) != CLAIMS_OK)
        goto done;

    for (size_t m = 0; m < M; m++)
        if (mention_keys(&R, m, &blocks, &nb, &bcap) != CLAIMS_OK)
            goto done;
    if (nb > 1)
        qsort(blocks, nb, sizeof *blocks, cmp_block);

    for (size_t i = 0; i < nb;) {
        if ((rc = claims__run_progress(run, "resolve", i, nb)) != CLAIMS_OK)
            goto done;
        rc = CLAIMS_ENOMEM;
        size_t j = i;
        while (j < nb && blocks[j].key == blocks[i].key)
            j++;
        size_t size = j - i;
        if (size > BLOCK_ALL)
            claims__result_note(r, (size_t)-1,
                                "block \"%.60s\" has %zu mentions: compared "
                                "within a window of %d", blocks[i].key, size,
                                BLOCK_WINDOW);
        for (size_t x = i; x < j; x++) {
            size_t stop = size > BLOCK_ALL && x + BLOCK_WINDOW < j ? x + BLOCK_WINDOW : j;
            for (size_t y = x + 1; y < stop; y++) {
                size_t a = blocks[x].mention, b = blocks[y].mention;
                const claims__subject *sa = &st->subjects[a], *sb = &st->subjects[b];
                if (sa->source == sb->source || strcmp(sa->type, sb->type) != 0)
                    continue;
                if (R.rank[a] > R.rank[b]) { /* content order */
                    size_t t = a;
                    a = b;
                    b = t;
                }
                uint64_t pair = mention_pair(&R, a, b);
                if (claims__u64map_get(&R.verdicts, pair, NULL))
                    continue;
                verdict v = compare_mentions(&R, a, b, false);
                if (claims__u64map_put(&R.verdicts, pair, v.conflicts ? 2 : 1) != CLAIMS_OK)
                    goto done;
                if (mergeable(&v)) {
                    if (claims__grow((void **)&cand, &ccap, nc + 1, sizeof *cand))
                        goto done;
                    /* rounded: sums in another order must rank the same */
                    double score = (double)(long long)((v.weight + v.closeness) * 1e6) / 1e6;
                    cand[nc++] = (candidate){a, b, score};
                } else if (v.conflicts && (sepcount[a] < MAX_SEPARATIONS ||
                                           sepcount[b] < MAX_SEPARATIONS)) {
                    if (claims__grow((void **)&seps, &scap, ns + 1, sizeof *seps))
                        goto done;
                    seps[ns++] = (separation){a, b};
                    sepcount[a] += sepcount[a] < MAX_SEPARATIONS;
                    sepcount[b] += sepcount[b] < MAX_SEPARATIONS;
                }
            }
        }
        i = j;
    }

    tmp = malloc((nc ? nc : 1) * sizeof *tmp);
    C.parent = malloc((M ? M : 1) * sizeof(size_t));
    C.next = malloc((M ? M : 1) * sizeof(size_t));
    C.tail = malloc((M ? M : 1) * sizeof(size_t));
    C.size = malloc((M ? M : 1) * sizeof(size_t));
    if (!tmp || !C.parent || !C.next || !C.tail || !C.size)
        goto done;
    sort_candidates(cand, tmp, nc, st);
    for (size_t m = 0; m < M; m++) {
        C.parent[m] = m;
        C.next[m] = (size_t)-1;
        C.tail[m] = m;
        C.size[m] = 1;
    }
    size_t merged = 0;
    for (size_t i = 0; i < nc; i++) {
        size_t ra = root(&C, cand[i].a), rb = root(&C, cand[i].b);
        if (ra == rb || !can_join(&R, &C, ra, rb))
            continue;
        /* the root is the member first in content order */
        if (mention_cmp(st, ra, rb) > 0) {
            size_t t = ra;
            ra = rb;
            rb = t;
        }
        join(&C, ra, rb);
        cand[merged++] = cand[i]; /* keep accepted merges for explanations */
    }
    rc = build_subjects(&R, &C, cand, merged, seps, ns);
done:
    free(sepcount);
    free(R.features);
    free(R.first);
    free(R.rank);
    claims__u64map_free(&R.memo);
    claims__buf_free(&R.why);
    free(blocks);
    free(cand);
    free(tmp);
    free(seps);
    free(C.parent);
    free(C.next);
    free(C.tail);
    free(C.size);
    claims__u64map_free(&R.verdicts);
    return rc;
}

/* resolve.c - subject resolution: which subject mentions of different
 * documents are one event (or one person, organization...)
 * (docs/reconciliation.md, section 2).
 *
 * Two mentions are scored by weighed evidence, as Fellegi and Sunter do:
 * each identifying attribute both give adds the weight of how their values
 * relate (agree, compatible, conflict), one that only one gives its
 * `absent` weight, their labels' own words and the date a report implies
 * add theirs; a pair whose score reaches the threshold is a candidate
 * (the weights and the threshold are the schema's, schema.c). Candidates
 * are merged best first by average linkage (linked): two subjects become
 * one when the pairs of their mentions agree on the whole and none that
 * conflicts scores low; two mentions of one document never do. Every
 * decision is derived from content (ids, values), never from input order.
 *
 * Candidates come from blocks, never from all pairs: keys of every
 * participant, place part, occasion and name, with the date in buckets
 * (mention_keys); what pairs a block lists depends on its key (block_lists),
 * and a pair sharing a participant within BLOCK_DAYS is always listed.
 *
 * Cost: strings are ranked once (attribute names, canonical values, block
 * keys, mentions), so comparisons and sorts compare integers. Keys are made
 * in parallel parts; the pairs of the blocks are listed in block order by
 * parallel tasks (whether a pair was met in an earlier block is read off the
 * two mentions' places in the blocks), judged in parallel (each thread's
 * comparer remembers value comparisons; a comparison is a pure function of
 * its two values, so what is remembered never changes a verdict), and
 * turned into candidates in list order; explanations are worded in parallel
 * with plain appends, each separation once however many subjects show it. */
#include "reconcile/stage.h"
#include "values/calendar.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct feature {
    const claims__attr *def;
    uint32_t value; /* pool index */
    uint32_t attr;  /* rank of the attribute name (see attr_names) */
    uint16_t weight;
    uint8_t type; /* the type the value was meant to have */
    uint8_t card; /* claims_cardinality */
} feature;

static const char LABEL[] = "label";

typedef struct candidate {
    double score, closeness;
    uint32_t ra, rb; /* content ranks of a and b */
    uint32_t a, b;   /* mentions, key(a) < key(b) */
} candidate;

/* Two mentions kept apart by a conflict. What conflicted is worded again
 * only for the few shown, so that millions of pairs cost no text. */
/* How the mentions of two clusters compare, pair by pair. */
typedef struct linkage {
    double mean, lowest;      /* over the pairs with something in common */
    size_t pairs;             /* those pairs */
    uint32_t low_a, low_b;    /* the pair that scores lowest */
    bool impossible;          /* two mentions of one document, or two types */
    bool conflicted;          /* a pair has an attribute that conflicts */
    double lowest_conflicted; /* the lowest score of such a pair */
} linkage;

static const linkage NO_LINKAGE = {0.0, 0.0, 0, 0, 0, false, false, 0.0};

typedef struct separation {
    size_t a, b;
    bool refused; /* a match that the linkage of their subjects refused */
    linkage L;    /* then: that linkage */
} separation;

/* What the pairs of one mention listed by blocking came to: how many,
 * and the best (for the explanation of a mention left alone). */
typedef struct mention_seen {
    uint32_t compared;
    uint32_t best; /* the other mention, UINT32_MAX: none */
    int64_t score; /* the best score, in millionths */
} mention_seen;

/* Separations kept per mention: explanations show at most this many. */
#define MAX_SEPARATIONS 4

typedef struct resolver {
    claims__run *run;
    claims_result *r;
    const claims__rows *st;
    feature *features;       /* grouped by mention (CSR), usable ones only,
                             * by attribute rank, then claim order */
    size_t *first;           /* per mention: first feature; [M] = total */
    uint32_t *rank;          /* per mention: place in content order */
    const char **attr_names; /* by attribute rank */
    size_t attr_count;
    uint32_t *rep;   /* per pool value: the first value that any
                             * comparison takes to be the same (see
                             * representatives) */
    uint64_t *ident; /* per pool value: norm rank << 3 | modifier;
                             * equal idents, equal values */
    /* where each mention stands in the blocks (CSR by mention, by key):
     * whether a pair was listed is read off these, with no set of pairs */
    struct place *places;
    size_t *pfirst;
    struct span *spans; /* per mention: its dates, for far_apart */
    /* per mention: the span of its first date, [dlo, dhi), that blocking
     * buckets; INT64_MAX: none (or too vague to block on) */
    int64_t *dlo, *dhi;
    /* per mention: the span it blocks by, and the order of the blocks: its
     * date's, or the days before its report (UNDATED_DAYS); INT64_MAX:
     * neither */
    int64_t *blo, *bhi;
    uint8_t *key_class;  /* per block key: KEY_* */
    int64_t *key_bucket; /* per block key: its date bucket, INT64_MIN: none */
    bool *people;        /* per mention: names participants */
    bool *keyless;       /* per mention: has no key but its date's */
    bool *one_word;      /* per mention: names a participant by one word */
    bool *vague;         /* per mention: dated to a month, not to days */
    int64_t *judged;     /* per listed pair: the score in millionths, or
                        * JUDGED_NOTHING */
    int32_t *closeness;  /* per listed pair: in 1e-4 */
    bool *conflicted;    /* per listed pair: an attribute conflicts */
    mention_seen *seen;  /* per mention */
    /* per mention (CSR): the words of its label that its values do not
     * account for, sorted hashes (events only) */
    uint64_t *lwords;
    size_t *lfirst;
    uint64_t *lmask; /* per label word: the attributes that explain it */
    claims__match label_match;
    bool *listed; /* per pool value: a place the gazetteer lists */
    /* per pool value: a person's blocking keys (values.h), "" for other
     * values and a name of one word's first word, and their hashes (0: none;
     * a name of one word is its own first word) */
    const char **skey, **fkey;
    uint64_t *surname, *given;
    claims_arena key_arena;
    bool *has_date;   /* per mention: gives a date */
    int64_t *pub;     /* per mention: its report's publication, or INT64_MAX */
    double implied;   /* the weight of a date its report rules out */
    double threshold; /* the score at which mentions merge */
    /* one comparer per thread, made once: a task takes a free one (no more
     * tasks run at once than there are threads) and gives it back */
    struct comparer *comparers;
    atomic_bool *busy;
    size_t ncomparers;
} resolver;

/* The dates a mention gives for one attribute, all plain dates: their
 * hull, widened by any zone offset, and the widest time tolerance. */
typedef struct span {
    int64_t lo, hi; /* [lo, hi) */
    double tolerance;
    uint32_t attr; /* rank of the attribute; UINT32_MAX: no such dates */
} span;

/* A block entry of a mention: its block, and where it stands in it. */
typedef struct place {
    uint32_t key;  /* rank of the block key */
    uint32_t pos;  /* in the block, in block order */
    uint32_t size; /* of the block */
} place;

/* What a listed pair came to when the mentions have no attribute in common
 * (else: its score in millionths). */
#define JUDGED_NOTHING INT64_MIN

/* What one thread needs to compare mentions: its own memory of value
 * comparisons and its own text. */
typedef struct comparer {
    _Alignas(CLAIMS__LINE) const resolver *R; /* threads write their own */
    /* value pair -> relation, score (see relate): a cache with one place
     * per hash, small enough to stay in the processor's cache; a pair that
     * lost its place is just compared again */
    uint64_t *memo_key, *memo_val;
    unsigned memo_bits;
    claims_buf why;  /* the explanation being worded */
    claims_buf text; /* the lines of the subject being explained */
    bool failed;     /* an append of `why` ran out of memory */
} comparer;

/* Places of the cache: twice what is asked, as a power of two, within
 * these: first the values, then, once blocking has listed the pairs to
 * judge, twice those pairs (each judged pair meets a few pairs of values,
 * and the same people meet in many; 2^20 places are 16 MiB). */
#define MEMO_BITS_MIN 10
#define MEMO_BITS_MAX 20

/* (Re)makes K's cache, empty, for about `want` pairs of values. */
static int memo_size(comparer *K, size_t want)
{
    unsigned bits = MEMO_BITS_MIN;
    while (bits < MEMO_BITS_MAX && ((size_t)1 << bits) < 2 * want)
        bits++;
    size_t places = (size_t)1 << bits;
    if (!K->memo_key || bits != K->memo_bits) {
        free(K->memo_key);
        free(K->memo_val);
        K->memo_key = malloc(places * sizeof *K->memo_key);
        K->memo_val = malloc(places * sizeof *K->memo_val);
        K->memo_bits = bits;
    }
    if (K->memo_key) /* all ones: empty (no pair of values is) */
        memset(K->memo_key, 0xff, places * sizeof *K->memo_key);
    return K->memo_key && K->memo_val ? CLAIMS_OK : CLAIMS_ENOMEM;
}

static int comparer_init(comparer *K, const resolver *R)
{
    K->R = R;
    K->memo_key = NULL;
    K->memo_val = NULL;
    claims__buf_init(&K->why);
    claims__buf_init(&K->text);
    K->failed = false;
    return memo_size(K, R->r->pool_count);
}

/* A free comparer of the resolver's, taken. */
static comparer *take_comparer(const resolver *R)
{
    return &R->comparers[claims__slot_take(R->busy, R->ncomparers)];
}

static void give_back(const resolver *R, comparer *K)
{
    claims__slot_give(R->busy, (size_t)(K - R->comparers));
}

static void comparer_free(comparer *K)
{
    free(K->memo_key);
    free(K->memo_val);
    K->memo_key = K->memo_val = NULL;
    claims__buf_free(&K->why);
    claims__buf_free(&K->text);
}

/* Appends to the explanation being worded. */
static void say(comparer *K, const char *s, size_t n)
{
    if (claims__buf_append(&K->why, s, n) != CLAIMS_OK)
        K->failed = true;
}

#define SAY(K, lit) say(K, lit, sizeof lit - 1)

static void say_size(comparer *K, size_t n)
{
    if (claims__buf_put_size(&K->why, n) != CLAIMS_OK)
        K->failed = true;
}

/* Says the canonical string of pool value v. */
static void say_value(comparer *K, uint32_t v)
{
    size_t len;
    const char *norm = claims__value_norm(K->R->r->pool[v], &len);
    say(K, norm, len);
}

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
    const claims_value *v = r->pool[f->value];
    return claims_value_type(v) == (claims_type)f->type && !claims_value_is_none(v);
}

static const char *norm_of(const claims_result *r, uint32_t value)
{
    return claims__value_norm(r->pool[value], NULL);
}

/* ---- features ------------------------------------------------------------------ */

/* The label of mention m as a value, parsed once per distinct (type, label):
 * many mentions share a label (a flight number in every source). */
static int add_label_value(resolver *R, claims_strmap *cache, claims_arena *keys, claims_buf *key,
                           size_t m, uint32_t *out)
{
    claims_result *r = R->r;
    const claims__subject *s = &R->st->subjects[m];
    const char *text = s->label[0] ? s->label : s->id;
    claims_type type = label_type(s->type);
    claims__buf_clear(key);
    if (claims__buf_putc(key, (char)('a' + type)) || claims__buf_puts(key, text))
        return CLAIMS_ENOMEM;
    size_t idx;
    if (claims__strmap_get(cache, key->data, key->len, &idx)) {
        *out = (uint32_t)idx;
        return CLAIMS_OK;
    }
    char *k = claims__arena_strdup(keys, key->data, key->len);
    if (!k || claims__grow((void **)&r->pool, &r->pool_cap, r->pool_count + 1, sizeof *r->pool) !=
                  CLAIMS_OK)
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

/* Does claim i identify its subject: identifying, affirmed, known? */
static const claims__attr *identifying(const claims_result *r, size_t i)
{
    const claims__claim *c = &r->rows.claims[i];
    const claims__attr *a = r->claim_attr[i];
    return a && a->identifying && c->polarity == CLAIMS_AFFIRMED && c->certainty != CLAIMS_UNKNOWN
               ? a
               : NULL;
}

/* Features of every mention in claim order, with the attribute names
 * ranked (attr holds the name's pointer index until rank_attributes). */
static int build_features(resolver *R)
{
    claims_result *r = R->r;
    const claims__rows *st = R->st;
    size_t M = st->subject_count;
    size_t *count = calloc(M + 1, sizeof *count);
    R->first = calloc(M + 1, sizeof *R->first);
    claims_u64map names; /* attribute name pointer -> index in attr_names */
    claims__u64map_init(&names);
    size_t ncap = 0;
    if (!count || !R->first) {
        free(count);
        return CLAIMS_ENOMEM;
    }
    for (size_t i = 0; i < st->claim_count; i++)
        if (identifying(r, i))
            count[st->claims[i].subject]++;
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
    int rc = R->features ? CLAIMS_OK : CLAIMS_ENOMEM;
    if (rc == CLAIMS_OK)
        memset(count, 0, (M + 1) * sizeof *count);
    for (size_t i = 0; i < st->claim_count && rc == CLAIMS_OK; i++) {
        const claims__claim *c = &st->claims[i];
        const claims__attr *a = identifying(r, i);
        if (!a)
            continue;
        uint64_t at;
        if (!claims__u64map_get(&names, (uint64_t)(uintptr_t)c->attribute, &at)) {
            at = R->attr_count;
            if (claims__grow((void **)&R->attr_names, &ncap, at + 1, sizeof *R->attr_names) !=
                    CLAIMS_OK ||
                claims__u64map_put(&names, (uint64_t)(uintptr_t)c->attribute, at) != CLAIMS_OK) {
                rc = CLAIMS_ENOMEM;
                break;
            }
            R->attr_names[R->attr_count++] = c->attribute;
        }
        R->features[R->first[c->subject] + count[c->subject]++] =
            (feature){a,
                      r->claim_value[i],
                      (uint32_t)at,
                      (uint16_t)a->identifying,
                      (uint8_t)r->claim_type[i],
                      (uint8_t)a->cardinality};
    }
    claims__u64map_free(&names);
    /* labels: their own name, apart from any attribute that is called
     * "label" (a mention has one or the other, never both) */
    uint32_t label_at = (uint32_t)R->attr_count;
    if (rc == CLAIMS_OK && (rc = claims__grow((void **)&R->attr_names, &ncap, R->attr_count + 1,
                                              sizeof *R->attr_names)) == CLAIMS_OK)
        R->attr_names[R->attr_count++] = LABEL;
    claims_strmap labels;
    claims__strmap_init(&labels);
    claims_arena keys;
    claims__arena_init(&keys);
    claims_buf key;
    claims__buf_init(&key);
    for (size_t m = 0; m < M && rc == CLAIMS_OK; m++) {
        if (count[m] || R->first[m + 1] == R->first[m])
            continue;
        uint32_t v;
        rc = add_label_value(R, &labels, &keys, &key, m, &v);
        if (rc == CLAIMS_OK)
            R->features[R->first[m]] = (feature){
                NULL, v, label_at, 2, (uint8_t)claims_value_type(r->pool[v]), CLAIMS_SINGLE};
    }
    claims__strmap_free(&labels);
    claims__arena_free(&keys);
    claims__buf_free(&key);
    free(count);
    if (rc != CLAIMS_OK)
        return rc;
    /* only usable values take part: drop the others, in place */
    size_t kept = 0;
    for (size_t m = 0; m < M; m++) {
        size_t from = R->first[m], to = R->first[m + 1];
        R->first[m] = kept;
        for (size_t i = from; i < to; i++)
            if (usable(r, &R->features[i]))
                R->features[kept++] = R->features[i];
    }
    R->first[M] = kept;
    return CLAIMS_OK;
}

/* Attribute names in strcmp order (the order explanations list them in);
 * features of a mention sorted by it, claim order kept within one name. */
static int rank_attributes(resolver *R)
{
    size_t n = R->attr_count;
    const char **sorted = malloc((n ? n : 1) * sizeof *sorted);
    uint32_t *rank_of = malloc((n ? n : 1) * sizeof *rank_of);
    /* distinct pointers; two equal names (LABEL and an attribute called
     * "label") never meet in one mention, so their order is immaterial */
    if (!sorted || !rank_of || claims__rank_strings(R->attr_names, n, rank_of) != CLAIMS_OK) {
        free(sorted);
        free(rank_of);
        return CLAIMS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        sorted[rank_of[i]] = R->attr_names[i];
    size_t M = R->st->subject_count;
    for (size_t f = 0; f < R->first[M]; f++)
        R->features[f].attr = rank_of[R->features[f].attr];
    for (size_t m = 0; m < M; m++) {
        feature *F = R->features + R->first[m];
        size_t nf = R->first[m + 1] - R->first[m];
        for (size_t i = 1; i < nf; i++) /* stable: claim order within a name */
            for (size_t j = i; j > 0 && F[j].attr < F[j - 1].attr; j--) {
                feature t = F[j];
                F[j] = F[j - 1];
                F[j - 1] = t;
            }
    }
    free(R->attr_names);
    R->attr_names = sorted;
    free(rank_of);
    return CLAIMS_OK;
}

/* ---- canonical strings ranked ----------------------------------------------------- */

static int norm_order(const void *r, size_t x, size_t y)
{
    return strcmp(norm_of(r, (uint32_t)x), norm_of(r, (uint32_t)y));
}

/* r->norm_rank for every pool value. */
static int rank_values(claims_result *r)
{
    size_t n = r->pool_count;
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    size_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
    r->norm_rank = malloc((n ? n : 1) * sizeof *r->norm_rank);
    if (!order || !tmp || !r->norm_rank) {
        free(order);
        free(tmp);
        return CLAIMS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    claims__sort_indices(order, tmp, n, norm_order, r);
    uint32_t rank = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && norm_order(r, order[i], order[i - 1]) != 0)
            rank++;
        r->norm_rank[order[i]] = rank;
    }
    free(order);
    free(tmp);
    return CLAIMS_OK;
}

/* ---- values that compare alike -------------------------------------------------- */

/* The fields a DATE or TIME comparison reads for its relation and score
 * (date.c; a tolerance reads the interval too): values equal in all of them
 * relate alike to any other, whatever their texts and reference dates. */
typedef struct moment {
    int64_t begin, end;
    int32_t tz_minutes;
    uint8_t type, precision, mod, has_tz;
} moment;

static moment moment_of(const claims_value *v)
{
    moment m;
    memset(&m, 0, sizeof m); /* padding too: moments are hashed as bytes */
    claims__when w;
    claims__value_when(v, &w);
    m.begin = w.begin;
    m.end = w.end;
    m.tz_minutes = w.has_tz ? w.tz_minutes : 0;
    m.type = (uint8_t)claims_value_type(v);
    m.precision = (uint8_t)w.precision;
    m.mod = (uint8_t)claims_value_modifier(v);
    m.has_tz = w.has_tz;
    return m;
}

/* R->rep: dates and times that are the same moment share their first
 * value, so that a remembered comparison serves them all (relative dates
 * read against many publication dates make many values of one moment);
 * other values stand for themselves. */
static int representatives(resolver *R)
{
    const claims_result *r = R->r;
    size_t n = r->pool_count;
    R->rep = malloc((n ? n : 1) * sizeof *R->rep);
    claims_strmap seen; /* moment bytes -> first value */
    claims__strmap_init(&seen);
    moment *keys = malloc((n ? n : 1) * sizeof *keys);
    int rc = R->rep && keys ? CLAIMS_OK : CLAIMS_ENOMEM;
    for (size_t v = 0; v < n && rc == CLAIMS_OK; v++) {
        const claims_value *x = r->pool[v];
        R->rep[v] = (uint32_t)v;
        claims_type xt = claims_value_type(x);
        if ((xt != CLAIMS_TYPE_DATE && xt != CLAIMS_TYPE_TIME) || claims_value_is_none(x))
            continue;
        keys[v] = moment_of(x);
        size_t first;
        if (claims__strmap_get(&seen, (const char *)&keys[v], sizeof *keys, &first))
            R->rep[v] = (uint32_t)first;
        else
            rc = claims__strmap_put(&seen, (const char *)&keys[v], sizeof *keys, v);
    }
    claims__strmap_free(&seen);
    free(keys);
    return rc;
}

/* Block keys carry the date as a bucket of BLOCK_DAYS days, and a dated
 * mention is in its bucket and the next: two mentions whose dates lie at
 * most BLOCK_DAYS apart share a bucket key, however the buckets fall. A
 * date vaguer than MAX_BUCKETS - 1 buckets (a year) blocks as no date. */
#define BLOCK_DAYS 2
/* A report tells of the days before it: a mention without a date is
 * taken to be of the UNDATED_DAYS before its document's publication (it is
 * compared with the mentions of those days, in a block too large to compare
 * all pairs, and a date outside them weighs against it). */
#define UNDATED_DAYS 10
#define MAX_BUCKETS 6

/* ---- comparing two mentions ------------------------------------------------------ */

/* What two mentions' values of one attribute come to (docs/reconciliation.md,
 * "Resolution"): each level adds the attribute's weight for it. */
typedef enum level { LEVEL_NONE, LEVEL_AGREE, LEVEL_COMPATIBLE, LEVEL_CONFLICT } level;

typedef struct verdict {
    double score;     /* sum of the weights of the levels reached */
    int compared;     /* attributes both have that came to a level */
    int conflicts;    /* of them, those that conflict */
    double closeness; /* sum of comparison scores, to order equal scores */
} verdict;

/* Weights of the mentions' labels (mentions identified by their label
 * alone: a person without a name claim, an organization): as a name's. */
static const claims__match LABEL_MATCH = {6.0, 5.0, -6.0, 0.0};

static const claims__match *weights_of(const feature *f)
{
    return f->def ? &f->def->match : &LABEL_MATCH;
}

/* Separates the next part of an explanation from the previous one. */
static void why_sep(comparer *K)
{
    if (K->why.len)
        SAY(K, "; ");
}

/* A weight or score as text: "+4", "-1.5", "0"; its length. */
static size_t score_text(char b[32], double s)
{
    double r = (double)llround(s * 10.0) / 10.0;
    if (r == 0.0)
        return (size_t)snprintf(b, 32, "0"); /* no signed zero */
    return (size_t)(r == (double)(long long)r ? snprintf(b, 32, "%+lld", (long long)r)
                                              : snprintf(b, 32, "%+.1f", r));
}

static void say_score(comparer *K, double s)
{
    char b[32];
    size_t n = score_text(b, s);
    say(K, b, n);
}

/* The value with the smallest canonical string among features:
 * explanations must not depend on the order claims came in. */
static uint32_t smallest(const claims_result *r, const feature *f, size_t n)
{
    uint32_t best = f[0].value;
    for (size_t i = 1; i < n; i++)
        if (r->norm_rank[f[i].value] < r->norm_rank[best])
            best = f[i].value;
    return best;
}

/* How two pooled values relate, as resolution needs it (no reason text),
 * with the score in millionths: the same whether remembered or not. The
 * same pairs recur across many mentions (a participant's name in every
 * event it takes part in), so each is compared once per comparer. */
static claims_relation relate(comparer *K, const claims__attr *def, uint32_t ia, uint32_t ib,
                              double *score)
{
    const resolver *R = K->R;
    if (ia == ib || R->ident[ia] == R->ident[ib]) {
        *score = 1.0;
        return CLAIMS_RELATION_EQUAL;
    }
    /* two names that share no blocking key are two people (values.h: every
     * two names that compare equal or compatible share one) */
    if (R->surname[ia] && R->surname[ib] && R->surname[ia] != R->surname[ib] &&
        R->surname[ia] != R->given[ib] && R->given[ia] != R->surname[ib]) {
        *score = 0.0;
        return CLAIMS_RELATION_CONFLICTING;
    }
    /* the attribute matters only through a tolerance */
    bool tolerant = def && (def->tolerance > 0.0 || def->time_tolerance > 0.0);
    ia = R->rep[ia];
    ib = R->rep[ib];
    uint64_t key = ((uint64_t)(ia < ib ? ia : ib) << 32) | (ia < ib ? ib : ia);
    size_t slot = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> (64 - K->memo_bits));
    if (!tolerant && K->memo_key[slot] == key) {
        uint64_t packed = K->memo_val[slot];
        *score = (double)(packed & 0xffffffffu) / 1e6;
        return (claims_relation)(packed >> 32);
    }
    claims_comparison c;
    claims__compare_values(&c, R->run->ctx, def, R->r->pool[ia], R->r->pool[ib]);
    double s = c.score < 0.0 ? 0.0 : c.score > 1.0 ? 1.0 : c.score;
    uint64_t micro = (uint64_t)(s * 1e6);
    *score = (double)micro / 1e6;
    if (!tolerant) { /* the attribute's tolerance is not in the key */
        K->memo_key[slot] = key;
        K->memo_val[slot] = ((uint64_t)c.relation << 32) | micro;
    }
    return c.relation;
}

/* Do two places that are compatible name the same most specific place
 * ("lima" and "lima, peru": one of them also names what contains it)? For
 * identity that is agreement, not just compatibility. */
static bool same_head(const claims_result *r, uint32_t a, uint32_t b)
{
    size_t la, lb;
    const char *x = claims__value_norm(r->pool[a], &la), *y = claims__value_norm(r->pool[b], &lb);
    const char *cx = memchr(x, ',', la), *cy = memchr(y, ',', lb);
    size_t hx = cx ? (size_t)(cx - x) : la, hy = cy ? (size_t)(cy - y) : lb;
    return hx == hy && memcmp(x, y, hx) == 0;
}

/* Features of one attribute compared at most this many at a time. */
#define MAX_VALUES 64

/* Adds the weight of level l of one attribute to the verdict. */
static void reach(verdict *v, const feature *f, level l, double closeness)
{
    const claims__match *w = weights_of(f);
    v->compared++;
    if (l == LEVEL_AGREE)
        v->score += w->agree;
    else if (l == LEVEL_COMPATIBLE)
        v->score += w->compatible;
    else {
        v->score += w->conflict;
        v->conflicts++;
    }
    v->closeness += closeness;
}

static const char *const LEVEL_WORD[] = {"", "agree", "compatible", "conflict"};

/* "participant 2 of 2 shared, agree (+3)". */
static void say_level(comparer *K, const feature *f, level l)
{
    const claims__match *w = weights_of(f);
    SAY(K, " (");
    say_score(K, l == LEVEL_AGREE ? w->agree : l == LEVEL_COMPATIBLE ? w->compatible : w->conflict);
    SAY(K, ")");
}

/* Compares the values two mentions give for one attribute. A set agrees
 * when both name the same members (equal or compatible), is compatible when
 * the members of one are all among the other's, and conflicts when each
 * names someone the other does not. A single value agrees when a pair of
 * values is equal (for places: the same most specific place), is compatible
 * when a pair is compatible (a hedge, a precision, a containment), and
 * conflicts when every pair conflicts; values that cannot be compared say
 * nothing. */
static void compare_attribute(comparer *K, const feature *fa, size_t na, const feature *fb,
                              size_t nb, verdict *v, bool explain)
{
    const resolver *R = K->R;
    const claims_result *r = R->r;
    const char *name = R->attr_names[fa[0].attr];
    double score;
    if (fa[0].card == CLAIMS_SET) {
        /* members of each side that the other side has (equal or
         * compatible): each pair of members compared once */
        size_t matched_a = 0, matched_b = 0;
        double close = 0.0;
        double best_b[MAX_VALUES];
        for (size_t j = 0; j < nb; j++)
            best_b[j] = -1.0;
        for (size_t i = 0; i < na; i++) {
            double best = -1.0;
            for (size_t j = 0; j < nb; j++) {
                double sc;
                if (R->ident[fa[i].value] == R->ident[fb[j].value]) {
                    sc = 1.0; /* equal: 1, which no other can exceed */
                } else {
                    claims_relation rel = relate(K, fa[i].def, fa[i].value, fb[j].value, &score);
                    if (rel != CLAIMS_RELATION_EQUAL && rel != CLAIMS_RELATION_COMPATIBLE)
                        continue;
                    sc = score;
                }
                best = sc > best ? sc : best;
                best_b[j] = sc > best_b[j] ? sc : best_b[j];
            }
            if (best >= 0.0) {
                matched_a++;
                close += best;
            }
        }
        for (size_t j = 0; j < nb; j++)
            matched_b += best_b[j] >= 0.0;
        /* the same members; the members of one side among the other's; or
         * each naming someone the other does not */
        level l = matched_a == na && matched_b == nb   ? LEVEL_AGREE
                  : matched_a == na || matched_b == nb ? LEVEL_COMPATIBLE
                                                       : LEVEL_CONFLICT;
        size_t shared = matched_a < matched_b ? matched_a : matched_b;
        size_t all = na + nb - shared;
        reach(v, fa, l, close / (double)(matched_a ? matched_a : 1));
        if (explain) {
            why_sep(K);
            say(K, name, strlen(name)), SAY(K, " "), say_size(K, shared);
            SAY(K, " of "), say_size(K, all), SAY(K, " shared");
            if (l != LEVEL_AGREE)
                SAY(K, ", "), say(K, LEVEL_WORD[l], strlen(LEVEL_WORD[l]));
            say_level(K, fa, l);
        }
        return;
    }
    bool match = false, all_conflict = true, equal = false;
    double best = 0.0;
    uint32_t ma = 0, mb = 0; /* the best pair: norm ranks */
    uint32_t va = 0, vb = 0; /* and values */
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) {
            claims_relation rel = relate(K, fa[i].def, fa[i].value, fb[j].value, &score);
            if (rel == CLAIMS_RELATION_EQUAL || rel == CLAIMS_RELATION_COMPATIBLE) {
                uint32_t x = r->norm_rank[fa[i].value], y = r->norm_rank[fb[j].value];
                bool eq = rel == CLAIMS_RELATION_EQUAL || (fa[i].type == CLAIMS_TYPE_PLACE &&
                                                           same_head(r, fa[i].value, fb[j].value));
                /* equal first, then the best score; ties go to the smallest
                 * pair of keys */
                if (!match || (eq && !equal) ||
                    (eq == equal &&
                     (score > best || (score == best && (x < ma || (x == ma && y < mb)))))) {
                    best = score;
                    ma = x, mb = y;
                    va = fa[i].value, vb = fb[j].value;
                    equal = eq;
                }
                match = true;
            }
            if (rel != CLAIMS_RELATION_CONFLICTING)
                all_conflict = false;
        }
    if (match) {
        level l = equal ? LEVEL_AGREE : LEVEL_COMPATIBLE;
        reach(v, fa, l, best);
        if (explain) {
            why_sep(K);
            say(K, name, strlen(name)), SAY(K, " "), say(K, LEVEL_WORD[l], strlen(LEVEL_WORD[l]));
            SAY(K, ": "), say_value(K, va);
            if (ma != mb)
                SAY(K, " ~ "), say_value(K, vb);
            say_level(K, fa, l);
        }
    } else if (all_conflict) {
        /* places the gazetteer does not know conflict by their names only:
         * half the weight */
        bool unknown =
            fa[0].type == CLAIMS_TYPE_PLACE && (!R->listed[fa[0].value] || !R->listed[fb[0].value]);
        reach(v, fa, LEVEL_CONFLICT, 0.0);
        if (unknown)
            v->score -= weights_of(fa)->conflict / 2.0;
        if (explain) {
            why_sep(K);
            say(K, name, strlen(name)), SAY(K, " conflict: "), say_value(K, smallest(r, fa, na));
            SAY(K, " vs "), say_value(K, smallest(r, fb, nb));
            if (unknown) {
                SAY(K, ", places not in the gazetteer (");
                say_score(K, weights_of(fa)->conflict / 2.0), SAY(K, ")");
            } else {
                say_level(K, fa, LEVEL_CONFLICT);
            }
        }
    }
}

/* The bit of an attribute rank in a mask of attributes (ranks from 63 on
 * share the last bit). */
static uint64_t attr_bit(uint32_t rank) { return 1ull << (rank < 63 ? rank : 63); }

/* The label words of a and b that the values of the attributes both give
 * (common, a mask) do not account for (those are compared as values): how
 * many each has left, and how many of those are shared. */
static void label_residue(const resolver *R, size_t a, size_t b, uint64_t common, size_t *ra,
                          size_t *rb, size_t *shared)
{
    const uint64_t *A = R->lwords + R->lfirst[a], *B = R->lwords + R->lfirst[b];
    const uint64_t *MA = R->lmask + R->lfirst[a], *MB = R->lmask + R->lfirst[b];
    size_t na = R->lfirst[a + 1] - R->lfirst[a], nb = R->lfirst[b + 1] - R->lfirst[b];
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
        bool take_a = j >= nb || (i < na && A[i] <= B[j]);
        bool take_b = i >= na || (j < nb && B[j] <= A[i]);
        uint64_t mask = (take_a ? MA[i] : 0) | (take_b ? MB[j] : 0);
        if (!(mask & common)) {
            *ra += take_a;
            *rb += take_b;
            *shared += take_a && take_b;
        }
        i += take_a;
        j += take_b;
    }
}

/* Compares mentions a and b over the attributes both have, in name order
 * (features are sorted by it), so that explanations do not depend on the
 * order of claims; the sum is taken in that order too, so that it is the
 * same bits whatever the order of input. */
static verdict compare_mentions(comparer *K, size_t a, size_t b, bool explain)
{
    const resolver *R = K->R;
    verdict v = {0.0, 0, 0, 0.0};
    if (explain) {
        claims__buf_clear(&K->why);
        K->failed = false;
    }
    const feature *A = R->features + R->first[a], *B = R->features + R->first[b];
    size_t na = R->first[a + 1] - R->first[a], nb = R->first[b + 1] - R->first[b];
    uint64_t common = 0; /* the attributes both have (attr_bit) */
    size_t i = 0, j = 0;
    while (i < na || j < nb) {
        /* the next attribute of either, in name order */
        uint32_t at = i < na && (j >= nb || A[i].attr <= B[j].attr) ? A[i].attr : B[j].attr;
        size_t ie = i, je = j;
        while (ie < na && A[ie].attr == at)
            ie++;
        while (je < nb && B[je].attr == at)
            je++;
        if (ie > i && je > j) {
            compare_attribute(K, A + i, ie - i < MAX_VALUES ? ie - i : MAX_VALUES, B + j,
                              je - j < MAX_VALUES ? je - j : MAX_VALUES, &v, explain);
            common |= attr_bit(at);
        } else {
            /* one of them only: what that says, when the schema says */
            const feature *f = ie > i ? A + i : B + j;
            double w = weights_of(f)->absent;
            if (w != 0.0) {
                v.score += w;
                if (explain) {
                    const char *name = R->attr_names[at];
                    why_sep(K);
                    say(K, name, strlen(name)), SAY(K, " in one only (");
                    say_score(K, w), SAY(K, ")");
                }
            }
        }
        i = ie;
        j = je;
    }
    /* a mention without a date tells of the days before its report: a date
     * of the other's outside them weighs against */
    bool da = R->has_date[a], db = R->has_date[b];
    if (da != db && R->implied != 0.0) {
        size_t d = da ? a : b, u = da ? b : a; /* dated, undated */
        const int64_t window = (int64_t)UNDATED_DAYS * 86400, day = 86400;
        bool known = R->pub[u] != INT64_MAX && R->dlo[d] != INT64_MAX;
        if (known && !(R->dhi[d] <= R->pub[u] - window || R->dlo[d] > R->pub[u] + day)) {
            /* inside: of the candidates, the closer to the report is the
             * likelier (an order among equal scores, no weight) */
            double days = (double)(R->pub[u] - R->dlo[d]) / 86400.0;
            v.closeness += 1.0 - (days < 0 ? -days : days) / (double)(UNDATED_DAYS + 1);
        }
        if (known && (R->dhi[d] <= R->pub[u] - window || R->dlo[d] > R->pub[u] + day)) {
            v.compared++;
            v.conflicts++;
            v.score += R->implied;
            if (explain) {
                why_sep(K);
                SAY(K, "date outside the days before the other's report (");
                say_score(K, R->implied), SAY(K, ")");
            }
        }
    }
    /* the labels' own words, but those of the values compared already */
    size_t la = R->lfirst[a + 1] - R->lfirst[a], lb = R->lfirst[b + 1] - R->lfirst[b];
    if (la && lb && R->label_match.agree - R->label_match.conflict != 0.0) {
        size_t ra = 0, rb = 0, shared = 0;
        label_residue(R, a, b, common, &ra, &rb, &shared);
        size_t least = ra < rb ? ra : rb;
        if (least) {
            level l = 3 * shared >= 2 * least ? LEVEL_AGREE
                      : shared                ? LEVEL_COMPATIBLE
                                              : LEVEL_CONFLICT;
            const claims__match *w = &R->label_match;
            double add = l == LEVEL_AGREE        ? w->agree
                         : l == LEVEL_COMPATIBLE ? w->compatible
                                                 : w->conflict;
            v.compared++;
            v.score += add;
            v.conflicts += l == LEVEL_CONFLICT;
            if (explain) {
                why_sep(K);
                SAY(K, "label words "), say_size(K, shared), SAY(K, " of "), say_size(K, least);
                SAY(K, " shared");
                if (l != LEVEL_AGREE)
                    SAY(K, ", "), say(K, LEVEL_WORD[l], strlen(LEVEL_WORD[l]));
                SAY(K, " ("), say_score(K, add), SAY(K, ")");
            }
        }
    }
    return v;
}

/* "score +7: why" into text. */
static void put_verdict(claims_buf *text, const comparer *K, const verdict *v, int *bad)
{
    char b[32];
    size_t n = score_text(b, v->score);
    *bad |= claims__buf_puts(text, "score ") | claims__buf_append(text, b, n);
    if (K->why.len)
        *bad |= claims__buf_puts(text, ": ") | claims__buf_append(text, K->why.data, K->why.len);
    *bad |= K->failed;
}

/* ---- blocking ----------------------------------------------------------------------- */

typedef struct block_entry {
    int64_t when;  /* the mention's date (start), INT64_MAX without one */
    uint32_t key;  /* block key: its index until ranked, then its rank */
    uint32_t rank; /* the mention's place in content order */
    uint32_t mention;
} block_entry;

/* Block keys as they are made: distinct strings, numbered. */
typedef struct keyring {
    claims_strmap index;     /* key -> number */
    claims_strmap one_words; /* participants' names of one word, by key */
    bool timeless;           /* some mention has no time to block by */
    bool vague;              /* some mention is dated to a month only */
    bool any_keyless;        /* some mention gives dates and times only */
    int64_t months[2];       /* the months the mention being keyed keys */
    size_t nmonths;
    claims_arena arena; /* the strings */
    const char **text;  /* by number, then by rank */
    size_t count, cap;
    claims_buf buf;
} keyring;

/* Within a block, mentions go by date: where a block is too large to compare
 * all pairs, a window over this order compares mentions close in time. */
static int cmp_block(const void *x, const void *y)
{
    const block_entry *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->when != b->when)
        return a->when < b->when ? -1 : 1;
    return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* The blocking token of a value: a person's surname, else its key. */
static const char *token_of(const claims_value *v, size_t *len)
{
    const char *k = claims__value_norm(v, len);
    if (claims_value_type(v) == CLAIMS_TYPE_PERSON) {
        const char *sp = strrchr(k, ' ');
        if (sp) {
            *len -= (size_t)(sp + 1 - k);
            k = sp + 1;
        }
    }
    return k;
}

/* Pushes block key prefix:a[|b][#bucket] (bucket INT64_MIN: none). */
static int push_key(keyring *K, block_entry **e, size_t *n, size_t *cap, size_t m, int64_t when,
                    const char *prefix, const char *a, size_t al, const char *b, size_t bl,
                    int64_t bucket)
{
    claims_buf *k = &K->buf;
    claims__buf_clear(k);
    /* a bucket is written as the day it starts: "@2016-11-14" */
    char num[32];
    int nl = 0;
    if (bucket != INT64_MIN) {
        int64_t y;
        int mo, d;
        claims__civil_from_days(bucket * BLOCK_DAYS, &y, &mo, &d);
        nl = snprintf(num, sizeof num, "@%04lld-%02d-%02d", (long long)y, mo, d);
    }
    if (claims__buf_puts(k, prefix) || claims__buf_putc(k, ':') || claims__buf_append(k, a, al) ||
        (b && (claims__buf_putc(k, '|') || claims__buf_append(k, b, bl))) ||
        (nl > 0 && claims__buf_append(k, num, (size_t)nl)))
        return CLAIMS_ENOMEM;
    size_t id;
    if (!claims__strmap_get(&K->index, k->data, k->len, &id)) {
        char *copy = claims__arena_strdup(&K->arena, k->data, k->len);
        id = K->count;
        if (!copy || claims__grow((void **)&K->text, &K->cap, id + 1, sizeof *K->text) ||
            claims__strmap_put(&K->index, copy, k->len, id))
            return CLAIMS_ENOMEM;
        K->text[K->count++] = copy;
    }
    if (claims__grow((void **)e, cap, *n + 1, sizeof **e) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    (*e)[(*n)++] = (block_entry){when, (uint32_t)id, 0, (uint32_t)m}; /* rank: later */
    return CLAIMS_OK;
}

/* The span of mention m's first date into R->dlo, R->dhi (INT64_MAX: no
 * date, or one too vague to block on). */
static void date_span(resolver *R, size_t m)
{
    const feature *F = R->features + R->first[m];
    size_t nf = R->first[m + 1] - R->first[m];
    R->dlo[m] = R->dhi[m] = INT64_MAX;
    for (size_t i = 0; i < nf; i++) {
        if (F[i].type != CLAIMS_TYPE_DATE)
            continue;
        claims__when w;
        claims__value_when(R->r->pool[F[i].value], &w);
        if (w.precision != CLAIMS_PRECISION_NONE && w.end > w.begin &&
            w.end - w.begin <= (int64_t)(MAX_BUCKETS - 1) * BLOCK_DAYS * 86400) {
            R->dlo[m] = w.begin;
            R->dhi[m] = w.end;
        }
        return;
    }
}

static int64_t bucket_of(int64_t t)
{
    const int64_t width = (int64_t)BLOCK_DAYS * 86400;
    return t >= 0 ? t / width : -((-t + width - 1) / width);
}

/* Containers of a place keyed at most (a city's subdivision and country,
 * what the documents teach). */
#define MAX_CONTAINERS 8

/* Pushes key prefix:a[|b]#YYYY-MM for the month numbered `month` (year *
 * 12 + month - 1). */
static int push_month_key(keyring *K, block_entry **e, size_t *n, size_t *cap, size_t m,
                          int64_t when, const char *prefix, const char *a, size_t al, const char *b,
                          size_t bl, int64_t month)
{
    char p[16], v[64];
    snprintf(p, sizeof p, "m%s", prefix);
    int vl = snprintf(v, sizeof v, "%.*s#%04lld-%02d", (int)(al < 40 ? al : 40), a,
                      (long long)(month / 12), (int)(month % 12) + 1);
    return push_key(K, e, n, cap, m, when, p, v, (size_t)vl, b, bl, INT64_MIN);
}

/* Pushes key prefix:a[|b] once per bucket in [lo, hi] when the mention has
 * a time to block by, else without a date; and without a date too when
 * some mentions have no time (K->timeless): that key is where they meet
 * those with one (see block_lists). */
static int push_keys(keyring *K, block_entry **e, size_t *n, size_t *cap, size_t m, int64_t when,
                     bool dated, int64_t lo, int64_t hi, const char *prefix, const char *a,
                     size_t al, const char *b, size_t bl)
{
    if ((!dated || K->timeless) && push_key(K, e, n, cap, m, when, prefix, a, al, b, bl, INT64_MIN))
        return CLAIMS_ENOMEM;
    /* by the month, where a mention dated only to a month meets the others
     * of its month ("the March earthquake" in a September report): by its
     * participants and places */
    bool monthly = prefix[0] == 'p' && (prefix[1] == '\0' || prefix[1] == 'l'); /* p, pl */
    for (size_t k = 0; monthly && k < K->nmonths; k++)
        if (push_month_key(K, e, n, cap, m, when, prefix, a, al, b, bl, K->months[k]))
            return CLAIMS_ENOMEM;
    for (int64_t k = lo; dated && k <= hi; k++)
        if (push_key(K, e, n, cap, m, when, prefix, a, al, b, bl, k))
            return CLAIMS_ENOMEM;
    return CLAIMS_OK;
}

/* The keys an acronym and its expansion share: the initials of a name of
 * several words, as the comparison reads them (with and without "of",
 * "the"...), or the name itself when it is one short word ("nsc"). Into
 * out[0], out[1]; how many (0 to 2). */
static size_t initials_of(const char *s, size_t len, char out[2][16], size_t outlen[2])
{
    if (!memchr(s, ' ', len)) {
        bool letters = len >= 2 && len <= 6;
        for (size_t i = 0; i < len && letters; i++)
            letters = s[i] >= 'a' && s[i] <= 'z';
        if (!letters)
            return 0;
        memcpy(out[0], s, len);
        outlen[0] = len;
        return 1;
    }
    size_t n = 0;
    for (int skip = 1; skip >= 0; skip--) {
        size_t l = claims__entity_initials(s, len, skip, out[n], sizeof out[n]);
        if (l && !(n && l == outlen[0] && !memcmp(out[0], out[n], l)))
            outlen[n++] = l;
    }
    return n;
}

/* The months (year * 12 + month - 1) of mention m's first date, when it
 * lies within two (a month, or days): at most 2 into out. */
static size_t months_of(const resolver *R, size_t m, int64_t out[2])
{
    const feature *F = R->features + R->first[m];
    size_t nf = R->first[m + 1] - R->first[m];
    for (size_t i = 0; i < nf; i++) {
        if (F[i].type != CLAIMS_TYPE_DATE)
            continue;
        claims__when w;
        claims__value_when(R->r->pool[F[i].value], &w);
        if (w.precision == CLAIMS_PRECISION_NONE || w.end <= w.begin)
            return 0;
        int64_t y;
        int mo, d;
        int64_t day0 = w.begin >= 0 ? w.begin / 86400 : -((-w.begin + 86399) / 86400);
        int64_t day1 = (w.end - 1) >= 0 ? (w.end - 1) / 86400 : -((-(w.end - 1) + 86399) / 86400);
        claims__civil_from_days(day0, &y, &mo, &d);
        int64_t m0 = y * 12 + mo - 1;
        claims__civil_from_days(day1, &y, &mo, &d);
        int64_t m1 = y * 12 + mo - 1;
        if (m1 - m0 > 1)
            return 0; /* vaguer than a month: a year */
        out[0] = m0;
        out[1] = m1;
        return m1 > m0 ? 2 : 1;
    }
    return 0;
}

/* Block keys of one mention (docs/reconciliation.md, "Blocking"): every
 * participant (its blocking token) with the date's buckets, or alone when
 * the mention has no date; pairs of participants, dated or not; every
 * part of a place ("lima, peru": lima, peru) and the occasion, and the
 * occasion's initials, with the buckets (alone without a date); names
 * alone. Features are still in claim order here. */
static int mention_keys(resolver *R, keyring *K, size_t m, block_entry **e, size_t *n, size_t *cap)
{
    const claims_result *r = R->r;
    const feature *F = R->features + R->first[m];
    size_t nf = R->first[m + 1] - R->first[m];
    /* the date orders a block (see cmp_block) and buckets the keys: its
     * buckets and the next */
    int64_t when = R->blo[m];
    bool dated = R->blo[m] != INT64_MAX;
    int64_t lo = dated ? bucket_of(R->blo[m]) : 0, hi = dated ? bucket_of(R->bhi[m] - 1) + 1 : 0;
    K->nmonths = K->vague ? months_of(R, m, K->months) : 0;
    /* participants by their blocking keys (values.h): spelling variants,
     * particles and a family name written first share one */
    const char *tok[16], *first[16];
    size_t tlen[16], flen[16], nt = 0;
    for (size_t i = 0; i < nf && nt < 16; i++)
        if (F[i].card == CLAIMS_SET && R->skey[F[i].value][0]) {
            tok[nt] = R->skey[F[i].value];
            first[nt] = R->fkey[F[i].value];
            tlen[nt] = strlen(tok[nt]);
            flen[nt] = strlen(first[nt]);
            R->one_word[m] |= flen[nt] == 0 && F[i].type == CLAIMS_TYPE_PERSON;
            nt++;
        }
    for (size_t i = 0; i < nt; i++) {
        /* "pf": the first word of a longer name, where a name of one word
         * meets it ("Xi", "Xi Jinping") */
        size_t any;
        bool meets = !flen[i] || claims__strmap_get(&K->one_words, first[i], flen[i], &any);
        if (push_keys(K, e, n, cap, m, when, dated, lo, hi, "p", tok[i], tlen[i], NULL, 0) ||
            (meets && push_keys(K, e, n, cap, m, when, dated, lo, hi, "pf",
                                flen[i] ? first[i] : tok[i], flen[i] ? flen[i] : tlen[i], NULL, 0)))
            return CLAIMS_ENOMEM;
        for (size_t j = 0; j < nt; j++) {
            int c = strncmp(tok[i], tok[j], tlen[i] < tlen[j] ? tlen[i] : tlen[j]);
            if ((c < 0 || (c == 0 && tlen[i] < tlen[j])) &&
                push_key(K, e, n, cap, m, when, "pp", tok[i], tlen[i], tok[j], tlen[j], INT64_MIN))
                return CLAIMS_ENOMEM;
        }
    }
    for (size_t i = 0; i < nf; i++) {
        if (F[i].card == CLAIMS_SET)
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
                if (stop > p && push_keys(K, e, n, cap, m, when, dated, lo, hi, "pl", p,
                                          (size_t)(stop - p), NULL, 0))
                    return CLAIMS_ENOMEM;
                p = c ? c + 1 : end;
            }
            /* and what contains it, as the gazetteer and the documents know:
             * "Beirut" meets "Lebanon" */
            claims_str up[MAX_CONTAINERS];
            /* (a mention that names participants meets by them) */
            size_t nu =
                R->people[m] ? 0 : claims__place_containers(R->run->ctx, t, up, MAX_CONTAINERS);
            for (size_t k = 0; k < nu; k++)
                if (push_keys(K, e, n, cap, m, when, dated, lo, hi, "pl", up[k].ptr, up[k].len,
                              NULL, 0))
                    return CLAIMS_ENOMEM;
        } else if (F[i].weight >= 2) {
            /* a name: a person's by its blocking key ("al-Sayegh", "Sayegh");
             * any other also by its initials ("CSL", "Corvane Sea Lines") */
            if (ty == CLAIMS_TYPE_PERSON && R->skey[F[i].value][0]) {
                t = R->skey[F[i].value];
                len = strlen(t);
            }
            char ini[2][16];
            size_t il[2], ni = ty == CLAIMS_TYPE_PERSON ? 0 : initials_of(t, len, ini, il);
            if (push_key(K, e, n, cap, m, when, "n", t, len, NULL, 0, INT64_MIN))
                return CLAIMS_ENOMEM;
            for (size_t k = 0; k < ni; k++)
                if (push_key(K, e, n, cap, m, when, "na", ini[k], il[k], NULL, 0, INT64_MIN))
                    return CLAIMS_ENOMEM;
        } else if (ty != CLAIMS_TYPE_OCCASION && ty != CLAIMS_TYPE_DATE && ty != CLAIMS_TYPE_TIME) {
            /* any other identifying value of the schema's ("flight": "LX
             * 318"), under its attribute's name */
            const char *an = R->attr_names[F[i].attr];
            if (push_key(K, e, n, cap, m, when, "x", an, strlen(an), t, len, INT64_MIN))
                return CLAIMS_ENOMEM;
        } else if (ty == CLAIMS_TYPE_OCCASION) {
            char ini[2][16];
            size_t il[2], ni = initials_of(t, len, ini, il);
            if (push_keys(K, e, n, cap, m, when, dated, lo, hi, "oc", t, len, NULL, 0))
                return CLAIMS_ENOMEM;
            for (size_t k = 0; k < ni; k++)
                if (push_keys(K, e, n, cap, m, when, dated, lo, hi, "oa", ini[k], il[k], NULL, 0))
                    return CLAIMS_ENOMEM;
        }
    }
    /* the date alone: where a mention that has nothing else to go by meets
     * the others of its days (when there is such a mention) */
    if (dated && K->any_keyless)
        for (int64_t k = lo; k <= hi; k++)
            if (push_key(K, e, n, cap, m, when, "d", "", 0, NULL, 0, k))
                return CLAIMS_ENOMEM;
    return CLAIMS_OK;
}

/* Block keys in strcmp order: entries then sort by integers. */
static int rank_keys(keyring *K, block_entry *e, size_t n)
{
    uint32_t *rank_of = malloc((K->count ? K->count : 1) * sizeof *rank_of);
    const char **text = malloc((K->count ? K->count : 1) * sizeof *text);
    if (!rank_of || !text || claims__rank_strings(K->text, K->count, rank_of) != CLAIMS_OK) {
        free(rank_of);
        free(text);
        return CLAIMS_ENOMEM;
    }
    for (size_t i = 0; i < K->count; i++)
        text[rank_of[i]] = K->text[i];
    for (size_t i = 0; i < n; i++)
        e[i].key = rank_of[e[i].key];
    free(K->text);
    K->text = text;
    free(rank_of);
    return CLAIMS_OK;
}

static int cmp_candidate(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->closeness != b->closeness)
        return a->closeness > b->closeness ? -1 : 1;
    if (a->ra != b->ra)
        return a->ra < b->ra ? -1 : 1;
    return a->rb < b->rb ? -1 : a->rb > b->rb;
}

/* Mentions in content order: (source id, subject id). */
typedef struct mention_key {
    uint32_t source; /* rank of the source id */
    uint32_t mention;
    const char *id;
} mention_key;

static int cmp_mention_key(const void *x, const void *y)
{
    const mention_key *a = x, *b = y;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    return strcmp(a->id, b->id);
}

static int content_ranks(resolver *R)
{
    const claims__rows *st = R->st;
    size_t M = st->subject_count;
    uint32_t *srank = claims__source_ranks(st);
    mention_key *mk = malloc((M ? M : 1) * sizeof *mk);
    R->rank = malloc((M ? M : 1) * sizeof *R->rank);
    int rc = srank && mk && R->rank ? CLAIMS_OK : CLAIMS_ENOMEM;
    if (rc == CLAIMS_OK) {
        for (size_t m = 0; m < M; m++)
            mk[m] = (mention_key){srank[st->subjects[m].source], (uint32_t)m, st->subjects[m].id};
        qsort(mk, M, sizeof *mk, cmp_mention_key);
        for (size_t i = 0; i < M; i++)
            R->rank[mk[i].mention] = (uint32_t)i;
    }
    free(srank);
    free(mk);
    return rc;
}

/* ---- listing the pairs of the blocks ------------------------------------------------ */

/* Mentions whose dates for one attribute lie more than this apart are not
 * compared: they cannot merge (every pair of those dates conflicts), and
 * the separations worth showing are between events close in time. Without
 * it, blocks keyed by the participants alone grow with the time the corpus
 * spans, and with them the pairs judged apart. */
#define FAR_APART (62 * 86400)

/* R->spans: for each mention, the first attribute (by rank) whose values
 * are all dates that compare by their spans alone (not approximate, not
 * empty). */
static int mention_dates(resolver *R)
{
    const claims_result *r = R->r;
    size_t M = R->st->subject_count;
    R->spans = malloc((M ? M : 1) * sizeof *R->spans);
    if (!R->spans)
        return CLAIMS_ENOMEM;
    for (size_t m = 0; m < M; m++) {
        const feature *F = R->features + R->first[m];
        size_t nf = R->first[m + 1] - R->first[m];
        R->spans[m] = (span){0, 0, 0.0, UINT32_MAX};
        for (size_t i = 0; i < nf;) {
            size_t e = i + 1;
            while (e < nf && F[e].attr == F[i].attr)
                e++;
            span w = {INT64_MAX, INT64_MIN, 0.0, F[i].attr};
            for (size_t j = i; j < e && w.attr != UINT32_MAX; j++) {
                const claims_value *v = r->pool[F[j].value];
                if (claims_value_type(v) != CLAIMS_TYPE_DATE || claims_value_is_none(v) ||
                    claims_value_modifier(v) == CLAIMS_MOD_APPROX) {
                    w.attr = UINT32_MAX;
                    break;
                }
                claims__when vw;
                claims__value_when(v, &vw);
                /* zones shift spans only when both sides carry one */
                int64_t shift = vw.has_tz ? (int64_t)vw.tz_minutes * 60 : 0;
                int64_t lo = shift > 0 ? vw.begin - shift : vw.begin;
                int64_t hi = shift < 0 ? vw.end - shift : vw.end;
                w.lo = lo < w.lo ? lo : w.lo;
                w.hi = hi > w.hi ? hi : w.hi;
                if (F[j].def && F[j].def->time_tolerance > w.tolerance)
                    w.tolerance = F[j].def->time_tolerance;
            }
            if (w.attr != UINT32_MAX) {
                R->spans[m] = w;
                break;
            }
            i = e;
        }
    }
    return CLAIMS_OK;
}

/* Are mentions a and b too far apart in time to be compared? */
static bool far_apart(const resolver *R, size_t a, size_t b)
{
    const span *x = &R->spans[a], *y = &R->spans[b];
    if (x->attr == UINT32_MAX || x->attr != y->attr)
        return false;
    int64_t gap = x->lo >= y->hi ? x->lo - y->hi : y->lo >= x->hi ? y->lo - x->hi : 0;
    double tol = x->tolerance > y->tolerance ? x->tolerance : y->tolerance;
    return (double)gap > FAR_APART + tol;
}

/* Blocks larger than this are not compared pair by pair: their dated
 * mentions are compared with those whose dates lie within BLOCK_DAYS of
 * theirs (a sweep over the block in date order), and mentions without a
 * date within a sliding window of BLOCK_WINDOW. */
#define BLOCK_ALL 128
#define BLOCK_WINDOW 32

/* Has mention m no time to block by: no date, and no report to read one
 * from? */
static bool undated(const resolver *R, size_t m) { return R->blo[m] == INT64_MAX; }

/* The seconds between the dates of two dated mentions (0 when they
 * overlap). */
static int64_t date_gap(const resolver *R, size_t a, size_t b)
{
    int64_t g1 = R->blo[b] - R->bhi[a], g2 = R->blo[a] - R->bhi[b];
    int64_t g = g1 > g2 ? g1 : g2;
    return g > 0 ? g : 0;
}

/* What a block key is, for which of its pairs it lists (block_lists). */
enum {
    KEY_DATED = 1,       /* "p:surname@2016-11-14": mentions with a date; else
                     * the key without a date, for the pairs with a mention
                     * without one */
    KEY_THING = 2,       /* a place or an occasion: for the pairs with a mention
                     * that names no participants (two that name
                     * participants meet by them) */
    KEY_ANY_DATE = 4,    /* pairs of participants, names: any pair, dated or
                       * not */
    KEY_DATE_ONLY = 8,   /* "d:@2016-11-14": for the pairs with a mention that
                        * has no other key */
    KEY_FIRST_WORD = 16, /* "pf:xi": for the pairs with a mention that names a
                          * participant by one word */
    KEY_MONTH = 32       /* "mp:varga#2024-03": for the pairs with a mention dated
                    * to a month only */
};

static uint8_t key_class(const char *key)
{
    if (key[0] == 'm')
        return KEY_MONTH;
    uint8_t c = strchr(key, '@') ? KEY_DATED : 0;
    if ((key[0] == 'p' && key[1] == 'l') || (key[0] == 'o' && (key[1] == 'c' || key[1] == 'a')))
        c |= KEY_THING;
    else if (key[0] == 'd' && key[1] == ':')
        c |= KEY_DATE_ONLY;
    else if (key[0] == 'p' && key[1] == 'f' && key[2] == ':')
        c |= KEY_FIRST_WORD;
    else if (!(key[0] == 'p' && key[1] == ':'))
        c |= KEY_ANY_DATE;
    return c;
}

/* The bucket of a dated key ("...@2016-11-14": the day it starts), or
 * INT64_MIN. */
static int64_t key_bucket(const char *key)
{
    const char *at = strrchr(key, '@');
    int y, mo, d;
    if (!at || sscanf(at + 1, "%d-%d-%d", &y, &mo, &d) != 3)
        return INT64_MIN;
    int64_t days = claims__days_from_civil(y, mo, d);
    return days >= 0 ? days / BLOCK_DAYS : -((-days + BLOCK_DAYS - 1) / BLOCK_DAYS);
}

/* The first bucket that mentions a and b both block in (see mention_keys):
 * a pair is listed by a dated key there only, not again in the next. */
static int64_t first_shared_bucket(const resolver *R, size_t a, size_t b)
{
    int64_t la = bucket_of(R->blo[a]), lb = bucket_of(R->blo[b]);
    return la > lb ? la : lb;
}

/* Does the block of `key` (of `size` entries) list the mentions a and b at
 * its positions x < y? */
static bool block_lists(const resolver *R, uint32_t key, uint32_t size, uint32_t x, uint32_t y,
                        size_t a, size_t b)
{
    uint8_t c = R->key_class[key];
    bool ua = undated(R, a), ub = undated(R, b);
    if ((!(c & (KEY_DATED | KEY_ANY_DATE | KEY_MONTH)) && !ua && !ub) ||
        ((c & KEY_THING) && R->people[a] && R->people[b]) ||
        ((c & KEY_DATE_ONLY) && !R->keyless[a] && !R->keyless[b]) ||
        ((c & KEY_FIRST_WORD) && !R->one_word[a] && !R->one_word[b]) ||
        ((c & KEY_MONTH) && !R->vague[a] && !R->vague[b]))
        return false;
    if (c & KEY_MONTH) /* of one month: no nearer time to go by */
        return size <= BLOCK_ALL || y - x < BLOCK_WINDOW;
    /* close in time: dates within BLOCK_DAYS; a mention without one and
     * the others of the UNDATED_DAYS before its report */
    if (c & KEY_DATED)
        return date_gap(R, a, b) <= (int64_t)BLOCK_DAYS * 86400 &&
               R->key_bucket[key] == first_shared_bucket(R, a, b);
    return size <= BLOCK_ALL || y - x < BLOCK_WINDOW;
}

/* Is the pair of mentions a and b listed by block k at positions x < y
 * (block order) or earlier: by a block before k, or by k at an earlier
 * pair of positions (a mention may stand twice in one block)? Pairs of one
 * source or of two types, never listed, are not asked about; pairs far
 * apart are never listed. */
static bool listed(const resolver *R, size_t a, size_t b, uint32_t k, uint32_t x, uint32_t y)
{
    if (far_apart(R, a, b))
        return false; /* listed nowhere */
    const place *A = R->places + R->pfirst[a], *Ae = R->places + R->pfirst[a + 1];
    const place *B = R->places + R->pfirst[b], *Be = R->places + R->pfirst[b + 1];
    while (A < Ae && B < Be) {
        if (A->key < B->key) {
            A++;
            continue;
        }
        if (B->key < A->key) {
            B++;
            continue;
        }
        uint32_t key = A->key;
        if (key > k)
            return false;
        const place *A2 = A, *B2 = B;
        while (A2 < Ae && A2->key == key)
            A2++;
        while (B2 < Be && B2->key == key)
            B2++;
        for (const place *p = A; p < A2; p++)
            for (const place *q = B; q < B2; q++) {
                bool a_first = p->pos < q->pos;
                uint32_t lo = a_first ? p->pos : q->pos, hi = a_first ? q->pos : p->pos;
                if (!block_lists(R, key, p->size, lo, hi, a_first ? a : b, a_first ? b : a))
                    continue;
                if (key < k || lo < x || (lo == x && hi < y))
                    return true;
            }
        A = A2;
        B = B2;
    }
    return false;
}

/* The mentions a pair of a block of class c needs at least one of (see
 * block_lists); false: none, every pair may be listed. */
static bool has_pivot(uint8_t c)
{
    return !(c & (KEY_DATED | KEY_ANY_DATE)) ||
           (c & (KEY_THING | KEY_DATE_ONLY | KEY_FIRST_WORD | KEY_MONTH));
}

static bool is_pivot(const resolver *R, uint8_t c, size_t m)
{
    if (c & KEY_MONTH)
        return R->vague[m];
    if (!(c & (KEY_DATED | KEY_ANY_DATE)))
        return undated(R, m);
    if (c & KEY_THING)
        return !R->people[m];
    if (c & KEY_DATE_ONLY)
        return R->keyless[m];
    return R->one_word[m]; /* KEY_FIRST_WORD */
}

/* Calls visit(arg, x, y) for the pairs of positions x < y of the block
 * blocks[i, j) that block_lists() lists; stops when it returns false. A
 * block is in time order (R->blo), mentions without one last. Where a pair
 * needs one of its mentions to be of a kind (without a date, without
 * participants...), only the pairs of those mentions are looked at, each
 * with the mentions close to it in time; else every pair close in time. */
static void block_pairs(const resolver *R, const block_entry *blocks, size_t i, size_t j,
                        bool (*visit)(void *arg, size_t x, size_t y), void *arg)
{
    size_t size = j - i;
    uint32_t key = blocks[i].key;
    uint8_t c = R->key_class[key];
    size_t u = j; /* the first mention without a time */
    while (u > i && R->blo[blocks[u - 1].mention] == INT64_MAX)
        u--;
    int64_t reach = c & KEY_DATED ? (int64_t)(BLOCK_DAYS + MAX_BUCKETS * BLOCK_DAYS) * 86400
                                  : (int64_t)UNDATED_DAYS * 86400;
    bool timed = !(c & (KEY_ANY_DATE | KEY_MONTH));
#define TRY(lo, hi)                                                                     \
    do {                                                                                \
        if (block_lists(R, key, (uint32_t)size, (uint32_t)((lo)-i), (uint32_t)((hi)-i), \
                        blocks[lo].mention, blocks[hi].mention) &&                      \
            !visit(arg, lo, hi))                                                        \
            return;                                                                     \
    } while (0)
    if (!has_pivot(c)) {
        for (size_t x = i; x < j; x++) {
            int64_t t = R->blo[blocks[x].mention];
            for (size_t y = x + 1; y < j; y++) {
                if (timed && x < u && y < u) {
                    if (R->blo[blocks[y].mention] - t > reach) {
                        y = u - 1; /* and every one after, until those without a time */
                        continue;
                    }
                } else if (size > BLOCK_ALL && y - x >= BLOCK_WINDOW) {
                    break;
                }
                TRY(x, y);
            }
        }
        return;
    }
    for (size_t x = i; x < j; x++) {
        if (!is_pivot(R, c, blocks[x].mention))
            continue;
        /* the others close to x, each pair once: a pivot before x paired
         * with x already */
        size_t from = i, to = j;
        if (size > BLOCK_ALL) {
            from = x - i > BLOCK_WINDOW ? x - BLOCK_WINDOW + 1 : i;
            to = j - x > BLOCK_WINDOW ? x + BLOCK_WINDOW : j;
        }
        int64_t t = R->blo[blocks[x].mention];
        if (timed && x < u) { /* by time: the window only for those without */
            from = x;
            while (from > i && t - R->blo[blocks[from - 1].mention] <= reach)
                from--;
        }
        for (size_t y = from; y < to || (timed && x < u && y < j); y++) {
            if (y == x)
                continue;
            if (timed && x < u && y > x && y < u && R->blo[blocks[y].mention] - t > reach) {
                y = u - 1; /* the rest with a time are too late */
                continue;
            }
            if (timed && x < u && y >= u && size > BLOCK_ALL && y - x >= BLOCK_WINDOW)
                break;
            if (y < x && is_pivot(R, c, blocks[y].mention))
                continue;
            if (y < x)
                TRY(y, x);
            else
                TRY(x, y);
        }
    }
#undef TRY
}

typedef struct list_job {
    const resolver *R;
    const block_entry *blocks;
    const size_t *part_start; /* per part: first entry; [parts] = all */
    uint64_t **out;           /* per part: its pairs (malloc) */
    size_t *count;            /* per part: how many */
} list_job;

/* What visiting one block's pairs needs. */
typedef struct list_visit {
    const resolver *R;
    const block_entry *blocks;
    size_t first; /* the block's first entry */
    uint64_t *out;
    size_t n, cap;
    bool failed; /* out of memory */
} list_visit;

static bool list_pair(void *arg, size_t x, size_t y)
{
    list_visit *V = arg;
    const resolver *R = V->R;
    const claims__rows *st = R->st;
    const block_entry *blocks = V->blocks;
    size_t a = blocks[x].mention, b = blocks[y].mention;
    const claims__subject *sa = &st->subjects[a], *sb = &st->subjects[b];
    if (sa->source == sb->source || (sa->type != sb->type && strcmp(sa->type, sb->type) != 0) ||
        far_apart(R, a, b) ||
        listed(R, a, b, blocks[V->first].key, (uint32_t)(x - V->first), (uint32_t)(y - V->first)))
        return true;
    if (claims__grow((void **)&V->out, &V->cap, V->n + 1, sizeof *V->out) != CLAIMS_OK) {
        V->failed = true;
        return false;
    }
    V->out[V->n++] = mention_pair(R, a, b);
    return true;
}

/* The pairs of the blocks of one part, each where it is first listed. */
static int list_part(void *arg, size_t part)
{
    list_job *J = arg;
    const block_entry *blocks = J->blocks;
    list_visit V = {J->R, blocks, 0, NULL, 0, 0, false};
    for (size_t i = J->part_start[part], end = J->part_start[part + 1]; i < end && !V.failed;) {
        size_t j = i;
        while (j < end && blocks[j].key == blocks[i].key)
            j++;
        V.first = i;
        block_pairs(J->R, blocks, i, j, list_pair, &V);
        i = j;
    }
    J->out[part] = V.out;
    J->count[part] = V.n;
    return V.failed ? CLAIMS_ENOMEM : 0;
}

/* Lists the pairs of every block, in block order, each once; notes the
 * blocks compared within a window. */
static int list_pairs(resolver *R, keyring *K, const block_entry *blocks, size_t nb,
                      uint64_t **pairs, size_t *np)
{
    claims_result *r = R->r;
    size_t M = R->st->subject_count;
    int rc = CLAIMS_ENOMEM;
    /* where each mention stands: filled in block order, so by key */
    R->pfirst = calloc(M + 1, sizeof *R->pfirst);
    R->places = malloc((nb ? nb : 1) * sizeof *R->places);
    R->key_class = malloc(K->count ? K->count : 1);
    R->key_bucket = malloc((K->count ? K->count : 1) * sizeof *R->key_bucket);
    size_t *fill = calloc(M + 1, sizeof *fill);
    size_t nparts = 16 * (size_t)R->run->threads;
    size_t *part_start = malloc((nparts + 1) * sizeof *part_start);
    uint64_t **part_out = calloc(nparts, sizeof *part_out);
    size_t *part_count = calloc(nparts, sizeof *part_count);
    size_t parts = 0;
    if (!R->pfirst || !R->places || !R->key_class || !R->key_bucket || !fill || !part_start ||
        !part_out || !part_count)
        goto done;
    for (size_t k = 0; k < K->count; k++) {
        R->key_class[k] = key_class(K->text[k]);
        R->key_bucket[k] = key_bucket(K->text[k]);
    }
    for (size_t i = 0; i < nb; i++)
        R->pfirst[blocks[i].mention + 1]++;
    for (size_t m = 0; m < M; m++)
        R->pfirst[m + 1] += R->pfirst[m];
    for (size_t i = 0; i < nb;) {
        if ((rc = claims__run_progress(R->run, "resolve", i, nb)) != CLAIMS_OK)
            goto done;
        rc = CLAIMS_ENOMEM;
        size_t j = i;
        while (j < nb && blocks[j].key == blocks[i].key)
            j++;
        size_t size = j - i;
        /* a large block compares by time; what has no time, or a key that
         * keeps no time, within a window: said, since pairs go uncompared */
        if (size > BLOCK_ALL && ((R->key_class[blocks[i].key] & KEY_ANY_DATE) ||
                                 R->blo[blocks[j - 1].mention] == INT64_MAX))
            claims__result_note(r, (size_t)-1,
                                "block \"%.60s\" has %zu mentions: those without a date or "
                                "report compared within a window of %d",
                                K->text[blocks[i].key], size, BLOCK_WINDOW);
        for (size_t x = i; x < j; x++) {
            size_t m = blocks[x].mention;
            R->places[R->pfirst[m] + fill[m]++] =
                (place){blocks[x].key, (uint32_t)(x - i), (uint32_t)size};
        }
        /* parts end at block ends, each about an equal share of entries */
        if (!parts || i >= part_start[parts - 1] + (nb + nparts - 1) / nparts)
            part_start[parts++] = i;
        i = j;
    }
    part_start[parts] = nb;
    list_job J = {R, blocks, part_start, part_out, part_count};
    if (claims__parallel(parts, R->run->threads, list_part, &J) != 0)
        goto done;
    size_t total = 0;
    for (size_t p = 0; p < parts; p++)
        total += part_count[p];
    if (!(*pairs = malloc((total ? total : 1) * sizeof **pairs)))
        goto done;
    *np = 0;
    for (size_t p = 0; p < parts; p++) {
        if (part_count[p])
            memcpy(*pairs + *np, part_out[p], part_count[p] * sizeof **pairs);
        *np += part_count[p];
    }
    rc = CLAIMS_OK;
done:
    for (size_t p = 0; part_out && p < parts; p++)
        free(part_out[p]);
    free(part_out);
    free(part_count);
    free(part_start);
    free(fill);
    return rc;
}

/* ---- judging the listed pairs, in parallel ----------------------------------------- */

typedef struct judge_job {
    const resolver *R;
    const uint64_t *pairs; /* mention pairs, a (first in content order) high */
    size_t n, parts;
} judge_job;

static int judge_part(void *arg, size_t part)
{
    judge_job *J = arg;
    comparer *K = take_comparer(J->R);
    size_t from = claims__split(J->n, J->parts, part), to = claims__split(J->n, J->parts, part + 1);
    for (size_t i = from; i < to; i++) {
        verdict v = compare_mentions(K, (size_t)(J->pairs[i] >> 32),
                                     (size_t)(J->pairs[i] & 0xffffffffu), false);
        /* rounded: sums in another order must rank the same */
        J->R->judged[i] = v.compared ? llround(v.score * 1e6) : JUDGED_NOTHING;
        J->R->closeness[i] = v.compared ? (int32_t)llround(v.closeness * 1e4) : 0;
        J->R->conflicted[i] = v.conflicts > 0;
    }
    give_back(J->R, K);
    return 0;
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

/* Average linkage (see linked): two clusters become one when the pairs of
 * their mentions that have something in common average half the threshold,
 * none has strong evidence against (at or below minus half of it), and
 * none that has a conflicting attribute scores below half the threshold:
 * two strong matches outweigh one weak conflict with a third mention; a
 * mention compatible with two that conflict does not make them one. A
 * document names a subject once, so two mentions of one source never
 * join. */
static linkage link_clusters(comparer *K, const clusters *C, size_t ra, size_t rb)
{
    const resolver *R = K->R;
    const claims__rows *st = R->st;
    linkage L = NO_LINKAGE;
    double sum = 0.0;
    for (size_t x = ra; x != (size_t)-1; x = C->next[x])
        for (size_t y = rb; y != (size_t)-1; y = C->next[y]) {
            if (st->subjects[x].source == st->subjects[y].source ||
                (st->subjects[x].type != st->subjects[y].type &&
                 strcmp(st->subjects[x].type, st->subjects[y].type) != 0)) {
                L.impossible = true;
                return L;
            }
            verdict v = compare_mentions(K, x, y, false);
            if (!v.compared)
                continue;
            sum += v.score;
            if (v.conflicts && (!L.conflicted || v.score < L.lowest_conflicted)) {
                L.conflicted = true;
                L.lowest_conflicted = v.score;
            }
            if (!L.pairs || v.score < L.lowest) {
                L.lowest = v.score;
                L.low_a = (uint32_t)x;
                L.low_b = (uint32_t)y;
            }
            L.pairs++;
        }
    L.mean = L.pairs ? sum / (double)L.pairs : 0.0;
    return L;
}

static bool linked(const linkage *L, double threshold)
{
    if (L->impossible || !L->pairs)
        return false;
    return L->mean >= threshold / 2.0 && L->lowest > -threshold / 2.0 &&
           (!L->conflicted || L->lowest_conflicted >= threshold / 2.0);
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

typedef struct subject_order {
    size_t type; /* rank: events first, then by type name */
    size_t sources, claims;
    const claims__rsubject *s;
    size_t index;
} subject_order;

/* Events first, then by type; by support (sources, then claims) within a
 * type; then by label and id. */
static int cmp_subject(const void *x, const void *y)
{
    const subject_order *a = x, *b = y;
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    if (a->sources != b->sources)
        return a->sources > b->sources ? -1 : 1;
    if (a->claims != b->claims)
        return a->claims > b->claims ? -1 : 1;
    int c = strcmp(a->s->label, b->s->label);
    return c ? c : strcmp(a->s->id, b->s->id);
}

/* The rank of each subject's type (events first, then by name), in order. */
static int type_ranks(const claims__rsubject *subjects, size_t n, subject_order *ord)
{
    const char **types = NULL; /* distinct (interned), in rank order */
    size_t nt = 0, cap = 0;
    for (size_t i = 0; i < n; i++) {
        const char *t = subjects[i].type;
        size_t k = 0;
        while (k < nt && types[k] != t && strcmp(types[k], t) != 0)
            k++;
        if (k == nt) {
            if (claims__grow((void **)&types, &cap, nt + 1, sizeof *types) != CLAIMS_OK) {
                free(types);
                return CLAIMS_ENOMEM;
            }
            /* insert in rank order */
            bool ev = !strcmp(t, "event");
            k = 0;
            while (k < nt && (!strcmp(types[k], "event") || (!ev && strcmp(types[k], t) < 0)))
                k++;
            memmove(types + k + 1, types + k, (nt - k) * sizeof *types);
            types[k] = t;
            nt++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (types[k] != subjects[i].type && strcmp(types[k], subjects[i].type) != 0)
            k++;
        ord[i] =
            (subject_order){k, subjects[i].source_count, subjects[i].sort_claims, &subjects[i], i};
    }
    free(types);
    return CLAIMS_OK;
}

/* The explanations of resolved subjects, worded by parallel tasks: merges,
 * then the subjects each was kept apart from. Merges and separations are
 * bucketed by subject (CSR), in generation order (content order). */
/* A separation in the list of one of its subjects: the other subject. */
typedef struct apart {
    uint32_t a, b;  /* the mentions compared */
    uint32_t other; /* the subject on the other side */
    uint32_t sep;   /* the separation */
    uint32_t why;   /* the separation; once chosen, its wording */
} apart;

/* What a separation shown came to, worded once for both its subjects. */
typedef struct worded {
    const char *text;
    size_t len;
} worded;

typedef struct explain_job {
    const resolver *R;
    const candidate *merges;
    const separation *seps;
    const size_t *mfirst, *mlist, *sfirst;
    const struct apart *slist;
    const apart **shown;   /* the separations to word, each once */
    worded *why;           /* their wordings */
    claims_arena *arenas;  /* one per comparer: explanations; */
    claims_arena *scratch; /* and the wordings of separations */
    size_t n, parts, nshown, shown_parts;
} explain_job;

/* Appends a NUL-terminated string to *bad's account. */
static void put_to(claims_buf *b, const char *s, int *bad) { *bad |= claims__buf_puts(b, s); }

/* "SOURCE/ID" of mention m. */
static void put_mention(claims_buf *b, const claims__rows *st, size_t m, int *bad)
{
    put_to(b, st->sources[st->subjects[m].source].id, bad);
    put_to(b, "/", bad);
    put_to(b, st->subjects[m].id, bad);
}

static void put_score(claims_buf *b, double s, int *bad)
{
    char t[32];
    size_t n = score_text(t, s);
    *bad |= claims__buf_append(b, t, n);
}

/* Why a pair that matches was not merged: the linkage of their subjects. */
static void put_refusal(claims_buf *b, const resolver *R, const separation *sp, int *bad)
{
    const claims__rows *st = R->st;
    const linkage *L = &sp->L;
    put_to(b, "not merged: ", bad), put_mention(b, st, sp->a, bad), put_to(b, " and ", bad);
    put_mention(b, st, sp->b, bad), put_to(b, " match, but the ", bad);
    *bad |= claims__buf_put_size(b, L->pairs);
    put_to(b, L->pairs == 1 ? " pair" : " pairs", bad);
    put_to(b, " of their subjects' mentions score ", bad), put_score(b, L->mean, bad);
    put_to(b, " on average, the lowest ", bad), put_score(b, L->lowest, bad), put_to(b, " (", bad);
    put_mention(b, st, L->low_a, bad), put_to(b, " with ", bad), put_mention(b, st, L->low_b, bad);
    if (L->conflicted) {
        put_to(b, "; of those with a conflict the lowest ", bad);
        put_score(b, L->lowest_conflicted, bad);
    }
    put_to(b, "); a merge needs an average of ", bad), put_score(b, R->threshold / 2.0, bad);
    put_to(b, ", no pair at ", bad), put_score(b, -R->threshold / 2.0, bad);
    put_to(b, " or below, and no pair with a conflict below ", bad);
    put_score(b, R->threshold / 2.0, bad);
}

/* Words one part of the separations shown. */
static int word_part(void *arg, size_t part)
{
    explain_job *J = arg;
    comparer *K = take_comparer(J->R);
    int rc = CLAIMS_OK;
    for (size_t i = claims__split(J->nshown, J->shown_parts, part);
         i < claims__split(J->nshown, J->shown_parts, part + 1) && rc == CLAIMS_OK; i++) {
        const separation *sp = &J->seps[J->shown[i]->sep];
        int bad = 0;
        claims__buf_clear(&K->text);
        if (sp->refused) {
            put_refusal(&K->text, J->R, sp, &bad);
        } else {
            verdict v = compare_mentions(K, sp->a, sp->b, true);
            put_verdict(&K->text, K, &v, &bad);
        }
        char *t = bad ? NULL
                      : claims__arena_strdup(&J->scratch[K - J->R->comparers],
                                             K->text.data ? K->text.data : "", K->text.len);
        if (!t)
            rc = CLAIMS_ENOMEM;
        J->why[i] = (worded){t, K->text.len};
    }
    give_back(J->R, K);
    return rc;
}

/* Lines "merged S/ID with S/ID: score +7: why"; for a subject of one
 * mention, "S/ID: compared with N candidates; best: ID, score -1: why";
 * then "kept apart from ID (LABEL): ...". */
static int explain_subject(comparer *K, const explain_job *J, size_t i, claims_buf *text)
{
    const resolver *R = J->R;
    const claims_result *r = R->r;
    const claims__rows *st = R->st;
    int bad = 0;
    claims__buf_clear(text);
    for (size_t q = J->mfirst[i]; q < J->mfirst[i + 1]; q++) {
        const candidate *mg = &J->merges[J->mlist[q]];
        verdict v = compare_mentions(K, mg->a, mg->b, true); /* words it in K->why */
        put_to(text, "merged ", &bad), put_mention(text, st, mg->a, &bad);
        put_to(text, " with ", &bad), put_mention(text, st, mg->b, &bad), put_to(text, ": ", &bad);
        put_verdict(text, K, &v, &bad);
        bad |= claims__buf_putc(text, '\n');
    }
    if (r->subjects[i].mention_count == 1) {
        size_t m = r->subjects[i].mentions[0];
        const mention_seen *x = &R->seen[m];
        put_mention(text, st, m, &bad), put_to(text, ": compared with ", &bad);
        bad |= claims__buf_put_size(text, x->compared);
        put_to(text, x->compared == 1 ? " candidate" : " candidates", &bad);
        if (x->best != UINT32_MAX) {
            verdict v = compare_mentions(K, m, x->best, true);
            put_to(text, "; best: ", &bad);
            put_to(text, r->subjects[r->mention_subject[x->best]].id, &bad);
            put_to(text, " (", &bad), put_mention(text, st, x->best, &bad),
                put_to(text, "), ", &bad);
            put_verdict(text, K, &v, &bad);
        }
        bad |= claims__buf_putc(text, '\n');
    }
    for (size_t q = J->sfirst[i]; q < J->sfirst[i + 1]; q++) { /* those shown */
        const apart *sp = &J->slist[q];
        const worded *w = &J->why[sp->why];
        put_to(text, "kept apart from ", &bad), put_to(text, r->subjects[sp->other].id, &bad);
        put_to(text, " (", &bad), put_to(text, r->subjects[sp->other].label, &bad);
        put_to(text, "): ", &bad);
        bad |= claims__buf_append(text, w->text, w->len);
        bad |= claims__buf_putc(text, '\n');
    }
    if (bad)
        return CLAIMS_ENOMEM;
    if (text->len)
        text->data[--text->len] = '\0'; /* no final newline */
    return CLAIMS_OK;
}

static int explain_part(void *arg, size_t part)
{
    explain_job *J = arg;
    claims_result *r = J->R->r;
    comparer *K = take_comparer(J->R);
    int rc = CLAIMS_OK;
    size_t from = claims__split(J->n, J->parts, part), to = claims__split(J->n, J->parts, part + 1);
    for (size_t i = from; i < to && rc == CLAIMS_OK; i++) {
        rc = explain_subject(K, J, i, &K->text);
        if (rc != CLAIMS_OK)
            break;
        if (!K->text.len) {
            r->subjects[i].explanation = "";
            continue;
        }
        char *e = claims__arena_strdup(&J->arenas[K - J->R->comparers], K->text.data, K->text.len);
        if (!e)
            rc = CLAIMS_ENOMEM;
        r->subjects[i].explanation = e;
    }
    give_back(J->R, K);
    return rc;
}

/* Keeps, of each subject's separations, those its explanation shows (the
 * first MAX_SEPARATIONS other subjects, each once), compacting slist and
 * sfirst; lists the separations shown, each once however many subjects
 * show it, and points each entry at its wording. */
static int choose_shown(apart *slist, size_t *sfirst, size_t n, size_t nseps, uint32_t **why_of,
                        const apart ***shown, size_t *nshown)
{
    *why_of = malloc((nseps ? nseps : 1) * sizeof **why_of);
    *shown = malloc((nseps ? nseps : 1) * sizeof **shown);
    if (!*why_of || !*shown)
        return CLAIMS_ENOMEM;
    for (size_t j = 0; j < nseps; j++)
        (*why_of)[j] = UINT32_MAX;
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        size_t from = sfirst[i], to = sfirst[i + 1], kept = 0;
        sfirst[i] = w;
        for (size_t q = from; q < to && kept < MAX_SEPARATIONS; q++) {
            bool dup = false;
            for (size_t k = sfirst[i]; k < w && !dup; k++)
                dup = slist[k].other == slist[q].other;
            if (dup)
                continue;
            slist[w] = slist[q];
            uint32_t sep = slist[w].why; /* the separation, until worded */
            if ((*why_of)[sep] == UINT32_MAX) {
                (*why_of)[sep] = (uint32_t)*nshown;
                (*shown)[(*nshown)++] = &slist[w];
            }
            slist[w].why = (*why_of)[sep];
            w++;
            kept++;
        }
    }
    sfirst[n] = w;
    return CLAIMS_OK;
}

static int build_subjects(resolver *R, clusters *C, candidate *merges, size_t nmerges,
                          separation *seps, size_t nseps)
{
    claims_result *r = R->r;
    const claims__rows *st = R->st;
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
    claims_buf b;
    claims__buf_init(&b);
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
            for (size_t j = k; j > 0 && R->rank[s->mentions[j]] < R->rank[s->mentions[j - 1]];
                 j--) {
                size_t t = s->mentions[j];
                s->mentions[j] = s->mentions[j - 1];
                s->mentions[j - 1] = t;
            }
            s->sort_claims += claims_of[x];
            k++;
        }
        /* one mention per source, by construction, and mentions in content
         * order are in source id order: the sources come sorted */
        for (size_t j = 0; j < k; j++)
            s->sources[j] = st->sources[st->subjects[s->mentions[j]].source].id;
        s->source_count = k;
        const claims__subject *anchor = &st->subjects[s->mentions[0]];
        s->type = anchor->type;
        /* id: from the first mention's key, so it does not change when
         * unrelated documents are added */
        claims__buf_clear(&b);
        rc = claims__buf_puts(&b, st->sources[anchor->source].id) || claims__buf_putc(&b, '\x1f') ||
             claims__buf_puts(&b, anchor->id);
        uint64_t h = claims__hash(b.data, b.len);
        claims__buf_clear(&b);
        char hex[17];
        for (int d = 15; d >= 0; d--, h >>= 4)
            hex[d] = "0123456789abcdef"[h & 15];
        hex[16] = '\0';
        rc = rc || claims__buf_puts(&b, s->type) || claims__buf_putc(&b, '-') ||
                     claims__buf_puts(&b, hex)
                 ? CLAIMS_ENOMEM
                 : CLAIMS_OK;
        s->id = rc == CLAIMS_OK ? claims__arena_strdup(&r->arena, b.data, b.len) : NULL;
        /* label: the most frequent, then the shortest, then the smallest */
        const char *best = NULL;
        size_t best_n = 0, best_len = 0;
        for (size_t i = 0; i < k; i++) {
            const claims__subject *si = &st->subjects[s->mentions[i]];
            const char *l = si->label[0] ? si->label : si->id;
            size_t cnt = 0;
            for (size_t j = 0; j < k; j++) {
                const claims__subject *sj = &st->subjects[s->mentions[j]];
                const char *o = sj->label[0] ? sj->label : sj->id;
                cnt += o == l || strcmp(o, l) == 0;
            }
            size_t len = strlen(l);
            if (!best || cnt > best_n ||
                (cnt == best_n && (len < best_len || (len == best_len && strcmp(l, best) < 0)))) {
                best = l;
                best_n = cnt;
                best_len = len;
            }
        }
        s->label = best;
        if (!s->id)
            rc = CLAIMS_ENOMEM;
    }
    claims__buf_free(&b);
    for (size_t m = 0; m < M; m++)
        r->mention_subject[m] = index_of_root[root(C, m)];
    r->subject_count = n;

    /* explanations: merges and separations bucketed by subject */
    size_t *mfirst = calloc(n + 1, sizeof *mfirst), *sfirst = calloc(n + 1, sizeof *sfirst);
    uint32_t *why_of = NULL; /* per separation: its wording, if shown */
    const apart **shown = NULL;
    size_t nshown = 0;
    size_t *mlist = malloc((nmerges ? nmerges : 1) * sizeof *mlist);
    apart *slist = malloc((nseps ? 2 * nseps : 1) * sizeof *slist);
    if (!mfirst || !sfirst || !mlist || !slist)
        rc = CLAIMS_ENOMEM;
    for (size_t j = 0; rc == CLAIMS_OK && j < nmerges; j++)
        mfirst[r->mention_subject[merges[j].a] + 1]++;
    for (size_t j = 0; rc == CLAIMS_OK && j < nseps; j++) {
        size_t ia = r->mention_subject[seps[j].a], ib = r->mention_subject[seps[j].b];
        if (ia != ib) { /* merged after all: nothing to explain */
            sfirst[ia + 1]++;
            sfirst[ib + 1]++;
        }
    }
    for (size_t i = 0; rc == CLAIMS_OK && i < n; i++) {
        mfirst[i + 1] += mfirst[i];
        sfirst[i + 1] += sfirst[i];
    }
    for (size_t j = 0, *mfill = mfirst, *sfill = sfirst; rc == CLAIMS_OK && j < nmerges + nseps;
         j++) {
        /* stable fill: list order is generation order (content order) */
        if (j < nmerges) {
            size_t i = r->mention_subject[merges[j].a];
            mlist[mfill[i]++] = j;
        } else {
            const separation *sp = &seps[j - nmerges];
            size_t ia = r->mention_subject[sp->a], ib = r->mention_subject[sp->b];
            if (ia == ib)
                continue;
            slist[sfill[ia]++] = (apart){(uint32_t)sp->a, (uint32_t)sp->b, (uint32_t)ib,
                                         (uint32_t)(j - nmerges), (uint32_t)(j - nmerges)};
            slist[sfill[ib]++] = (apart){(uint32_t)sp->a, (uint32_t)sp->b, (uint32_t)ia,
                                         (uint32_t)(j - nmerges), (uint32_t)(j - nmerges)};
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
        rc = choose_shown(slist, sfirst, n, nseps, &why_of, &shown, &nshown);
    }
    claims_arena *scratch = calloc(R->ncomparers, sizeof *scratch);
    worded *why = malloc((nshown ? nshown : 1) * sizeof *why);
    if (rc == CLAIMS_OK && (!scratch || !why))
        rc = CLAIMS_ENOMEM;
    if (rc == CLAIMS_OK) {
        for (size_t i = 0; i < R->ncomparers; i++)
            claims__arena_init(&scratch[i]);
        /* several parts per thread: a thread that finishes early takes
         * another, so an uneven part does not hold the others up */
        size_t parts = n < 64 ? 1 : 8 * (size_t)R->run->threads;
        explain_job J = {
            R,       merges, seps,  mfirst, mlist,
            sfirst,  slist,  shown, why,    claims__result_arenas(r, R->ncomparers),
            scratch, n,      parts, nshown, nshown < 64 ? 1 : 8 * (size_t)R->run->threads};
        rc = !J.arenas ? CLAIMS_ENOMEM
             : claims__parallel(J.shown_parts, R->run->threads, word_part, &J) != 0
                 ? CLAIMS_ENOMEM
                 : claims__parallel(parts, R->run->threads, explain_part, &J);
    }
    for (size_t i = 0; scratch && i < R->ncomparers; i++)
        claims__arena_free(&scratch[i]);
    free(scratch);
    free(why);
    free(why_of);
    free(shown);
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
            rc = type_ranks(r->subjects, n, ord);
        }
        if (rc == CLAIMS_OK) {
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

/* ---- steps side by side -------------------------------------------------------------- */

/* Two steps that share nothing they write, on two threads. */
typedef struct steps {
    void *arg[2];
    int (*fn[2])(void *arg);
    int rc[2];
} steps;

static int step_task(void *arg, size_t i)
{
    steps *S = arg;
    S->rc[i] = S->fn[i](S->arg[i]);
    return S->rc[i] != CLAIMS_OK;
}

static int side_by_side(unsigned threads, int (*a)(void *), void *aa, int (*b)(void *), void *ba)
{
    steps S = {{aa, ba}, {a, b}, {CLAIMS_OK, CLAIMS_OK}};
    claims__parallel(2, threads, step_task, &S);
    return S.rc[0] != CLAIMS_OK ? S.rc[0] : S.rc[1];
}

/* The blocks: mentions in content order, their keys, ranked and sorted. */
typedef struct blocking {
    resolver *R;
    keyring *K;
    block_entry *blocks;
    size_t nb, cap;
} blocking;

/* The keys of the mentions of one part (block_step). */
typedef struct key_part {
    keyring K; /* its own keys; what the whole keyring knows, shared */
    block_entry *e;
    size_t n, cap;
    int rc;
} key_part;

typedef struct key_job {
    resolver *R;
    const keyring *whole;
    key_part *parts;
    size_t nparts;
} key_job;

static int key_part_run(void *arg, size_t part)
{
    key_job *J = arg;
    resolver *R = J->R;
    key_part *P = &J->parts[part];
    keyring *K = &P->K;
    claims__strmap_init(&K->index);
    claims__arena_init(&K->arena);
    claims__buf_init(&K->buf);
    K->text = NULL;
    K->count = K->cap = 0;
    K->one_words = J->whole->one_words; /* read only, not freed here */
    K->timeless = J->whole->timeless;
    K->vague = J->whole->vague;
    K->any_keyless = J->whole->any_keyless;
    K->nmonths = 0;
    size_t M = R->st->subject_count;
    for (size_t m = claims__split(M, J->nparts, part); m < claims__split(M, J->nparts, part + 1);
         m++) {
        size_t before = P->n;
        if ((P->rc = mention_keys(R, K, m, &P->e, &P->n, &P->cap)) != CLAIMS_OK)
            return 1;
        /* its keys are the date's alone: "d:" only (see mention_keys) */
        bool other = false;
        for (size_t k = before; k < P->n && !other; k++)
            other = K->text[P->e[k].key][0] != 'd';
        R->keyless[m] = !other;
    }
    return 0;
}

static int block_step(void *arg)
{
    blocking *B = arg;
    resolver *R = B->R;
    /* keys read the features in claim order (comparisons, later, in name
     * order) */
    size_t M = R->st->subject_count;
    R->dlo = malloc((M ? M : 1) * sizeof *R->dlo);
    R->dhi = malloc((M ? M : 1) * sizeof *R->dhi);
    R->blo = malloc((M ? M : 1) * sizeof *R->blo);
    R->bhi = malloc((M ? M : 1) * sizeof *R->bhi);
    if (!R->dlo || !R->dhi || !R->blo || !R->bhi)
        return CLAIMS_ENOMEM;
    R->people = calloc(M ? M : 1, sizeof *R->people);
    int64_t *published =
        malloc((R->st->source_count ? R->st->source_count : 1) * sizeof *published);
    if (!R->people || !published) {
        free(published);
        return CLAIMS_ENOMEM;
    }
    for (size_t k = 0; k < R->st->source_count; k++) {
        const char *p = R->st->sources[k].published;
        claims_parse_options o = CLAIMS_PARSE_OPTIONS_INIT;
        o.reference = (claims_str){p, p ? strlen(p) : 0};
        claims__ref ref;
        claims_error e;
        published[k] = p && p[0] && claims__ref_parse(&ref, &o, &e) == CLAIMS_OK && ref.present
                           ? ref.days * 86400
                           : INT64_MAX;
    }
    R->has_date = calloc(M ? M : 1, sizeof *R->has_date);
    R->pub = malloc((M ? M : 1) * sizeof *R->pub);
    if (!R->has_date || !R->pub) {
        free(published);
        return CLAIMS_ENOMEM;
    }
    for (size_t m = 0; m < M; m++) {
        date_span(R, m);
        R->pub[m] = published[R->st->subjects[m].source];
        /* blocked by its date, or by the days before its report */
        R->blo[m] = R->dlo[m] != INT64_MAX   ? R->dlo[m]
                    : R->pub[m] != INT64_MAX ? R->pub[m] - (int64_t)UNDATED_DAYS * 86400
                                             : INT64_MAX;
        R->bhi[m] = R->dlo[m] != INT64_MAX   ? R->dhi[m]
                    : R->pub[m] != INT64_MAX ? R->pub[m] + 86400
                                             : INT64_MAX;
        for (size_t f = R->first[m]; f < R->first[m + 1] && !R->has_date[m]; f++)
            R->has_date[m] = R->features[f].type == CLAIMS_TYPE_DATE;
        for (size_t f = R->first[m]; f < R->first[m + 1] && !R->people[m]; f++)
            R->people[m] = R->features[f].card == CLAIMS_SET && R->skey[R->features[f].value][0];
    }
    free(published);
    for (size_t m = 0; m < M && !B->K->timeless; m++)
        B->K->timeless = R->blo[m] == INT64_MAX;
    for (size_t m = 0; m < M && !B->K->any_keyless; m++) {
        bool only_time = true;
        for (size_t f = R->first[m]; f < R->first[m + 1] && only_time; f++)
            only_time =
                R->features[f].type == CLAIMS_TYPE_DATE || R->features[f].type == CLAIMS_TYPE_TIME;
        B->K->any_keyless = only_time && R->first[m + 1] > R->first[m];
    }
    R->vague = calloc(M ? M : 1, sizeof *R->vague);
    if (!R->vague)
        return CLAIMS_ENOMEM;
    for (size_t m = 0; m < M; m++) { /* dated, but too vaguely to block by the day */
        int64_t mm[2];
        R->vague[m] = R->has_date[m] && R->dlo[m] == INT64_MAX && months_of(R, m, mm) > 0;
        B->K->vague |= R->vague[m];
    }
    R->keyless = calloc(M ? M : 1, sizeof *R->keyless);
    R->one_word = calloc(M ? M : 1, sizeof *R->one_word);
    if (!R->keyless || !R->one_word)
        return CLAIMS_ENOMEM;
    /* names of one word: the first words of longer names that they may be
     * ("Xi", "Xi Jinping") are keyed only when there is such a name */
    for (size_t f = 0; f < R->first[M]; f++) {
        const feature *x = &R->features[f];
        if (x->card != CLAIMS_SET || x->type != CLAIMS_TYPE_PERSON)
            continue;
        const char *k = R->skey[x->value];
        size_t kl = strlen(k), any;
        if (kl && !R->fkey[x->value][0] && !claims__strmap_get(&B->K->one_words, k, kl, &any) &&
            claims__strmap_put(&B->K->one_words, k, kl, 0) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
    }
    /* the keys of the mentions, by parts on the threads, each with keys of
     * its own; then one keyring, numbered in mention order as if made by
     * one thread */
    size_t nparts = M < 4096 ? 1 : 2 * (size_t)R->run->threads;
    key_part *parts = calloc(nparts, sizeof *parts);
    if (!parts)
        return CLAIMS_ENOMEM;
    key_job J = {R, B->K, parts, nparts};
    int rc = claims__parallel(nparts, R->run->threads, key_part_run, &J) != 0 ? CLAIMS_ENOMEM
                                                                              : CLAIMS_OK;
    uint32_t *map = NULL;
    size_t mcap = 0;
    for (size_t p = 0; p < nparts && rc == CLAIMS_OK; p++) {
        keyring *L = &parts[p].K;
        if ((rc = claims__grow((void **)&map, &mcap, L->count + 1, sizeof *map)) != CLAIMS_OK)
            break;
        for (size_t i = 0; i < L->count && rc == CLAIMS_OK; i++) {
            size_t len = strlen(L->text[i]), id;
            if (!claims__strmap_get(&B->K->index, L->text[i], len, &id)) {
                char *copy = claims__arena_strdup(&B->K->arena, L->text[i], len);
                id = B->K->count;
                rc = !copy ||
                             claims__grow((void **)&B->K->text, &B->K->cap, id + 1,
                                          sizeof *B->K->text) ||
                             claims__strmap_put(&B->K->index, copy, len, id)
                         ? CLAIMS_ENOMEM
                         : CLAIMS_OK;
                if (rc == CLAIMS_OK)
                    B->K->text[B->K->count++] = copy;
            }
            map[i] = (uint32_t)id;
        }
        if (rc == CLAIMS_OK &&
            (rc = claims__grow((void **)&B->blocks, &B->cap, B->nb + parts[p].n + 1,
                               sizeof *B->blocks)) == CLAIMS_OK)
            for (size_t i = 0; i < parts[p].n; i++) {
                B->blocks[B->nb] = parts[p].e[i];
                B->blocks[B->nb++].key = map[parts[p].e[i].key];
            }
    }
    for (size_t p = 0; p < nparts; p++) {
        keyring *L = &parts[p].K;
        claims__strmap_free(&L->index);
        claims__arena_free(&L->arena);
        free(L->text);
        claims__buf_free(&L->buf);
        free(parts[p].e);
        rc = rc != CLAIMS_OK ? rc : parts[p].rc;
    }
    free(parts);
    free(map);
    return rc != CLAIMS_OK ? rc : rank_keys(B->K, B->blocks, B->nb);
}

/* The label words of the mentions of one part, each with the attributes
 * whose values of the mention have it too (see attr_bit). */
typedef struct label_part {
    uint64_t *words, *mask;
    size_t n, cap, mcap;
} label_part;

typedef struct label_job {
    resolver *R;
    label_part *parts;
    size_t nparts;
    /* the words of each pool value that an event mention gives (CSR) */
    const uint64_t *vwords;
    size_t *vfirst;
    const bool *needed;
    label_part *vparts; /* and the parts that make them */
} label_job;

/* The words of the needed pool values of one part. */
static int value_part_words(void *arg, size_t part)
{
    label_job *J = arg;
    const claims_result *r = J->R->r;
    label_part *P = &J->vparts[part];
    size_t n = r->pool_count;
    size_t from = claims__split(n, J->nparts, part), to = claims__split(n, J->nparts, part + 1);
    claims_buf fold;
    claims__buf_init(&fold);
    int rc = CLAIMS_OK;
    for (size_t v = from; v < to && rc == CLAIMS_OK; v++) {
        size_t start = P->n;
        if (J->needed[v])
            rc = claims__words(&fold, claims__value_norm(r->pool[v], NULL), &P->words, &P->n,
                               &P->cap);
        J->vfirst[v + 1] = P->n - start; /* a count, until summed */
    }
    claims__buf_free(&fold);
    return rc != CLAIMS_OK;
}

static int label_part_words(void *arg, size_t part)
{
    label_job *J = arg;
    resolver *R = J->R;
    const claims__rows *st = R->st;
    label_part *P = &J->parts[part];
    size_t M = st->subject_count;
    size_t from = claims__split(M, J->nparts, part), to = claims__split(M, J->nparts, part + 1);
    claims_buf fold;
    claims__buf_init(&fold);
    int rc = CLAIMS_OK;
    for (size_t m = from; m < to && rc == CLAIMS_OK; m++) {
        const claims__subject *s = &st->subjects[m];
        size_t start = P->n;
        if (s->label[0] && strcmp(s->type, "event") == 0 &&
            (rc = claims__words(&fold, s->label, &P->words, &P->n, &P->cap)) == CLAIMS_OK &&
            (rc = claims__grow((void **)&P->mask, &P->mcap, P->n, sizeof *P->mask)) == CLAIMS_OK) {
            for (size_t k = start; k < P->n; k++)
                P->mask[k] = 0;
            for (size_t f = R->first[m]; f < R->first[m + 1] && rc == CLAIMS_OK && P->n > start;
                 f++) {
                uint32_t v = R->features[f].value;
                const uint64_t *vw = J->vwords + J->vfirst[v];
                size_t vn = J->vfirst[v + 1] - J->vfirst[v];
                /* both sorted: mark the label's words the value has */
                for (size_t k = start, q = 0; rc == CLAIMS_OK && k < P->n && q < vn;) {
                    if (P->words[k] < vw[q])
                        k++;
                    else if (vw[q] < P->words[k])
                        q++;
                    else
                        P->mask[k++] |= attr_bit(R->features[f].attr), q++;
                }
            }
        }
        R->lfirst[m + 1] = P->n - start; /* a count, until summed */
    }
    claims__buf_free(&fold);
    return rc != CLAIMS_OK;
}

/* The words (or with `masks` the masks) of parts[0..n), one after the
 * other (malloc), NULL on ENOMEM. */
static uint64_t *concat_parts(const label_part *parts, size_t n, bool masks)
{
    size_t total = 0;
    for (size_t p = 0; p < n; p++)
        total += parts[p].n;
    uint64_t *out = malloc((total ? total : 1) * sizeof *out);
    for (size_t p = 0, at = 0; out && p < n; at += parts[p].n, p++)
        if (parts[p].n)
            memcpy(out + at, masks ? parts[p].mask : parts[p].words, parts[p].n * sizeof *out);
    return out;
}

/* Words of each event mention's label (R->lwords, R->lmask, R->lfirst), in
 * parallel parts. After rank_attributes. */
static int label_words(resolver *R)
{
    size_t M = R->st->subject_count;
    R->lfirst = calloc(M + 1, sizeof *R->lfirst);
    size_t nparts = M < 1024 ? 1 : 8 * (size_t)R->run->threads;
    size_t nv = R->r->pool_count;
    bool *needed = calloc(nv ? nv : 1, sizeof *needed);
    size_t *vfirst = calloc(nv + 1, sizeof *vfirst);
    uint64_t *vwords = NULL;
    label_job J = {R,      calloc(nparts, sizeof *J.parts), nparts, NULL, vfirst,
                   needed, calloc(nparts, sizeof *J.vparts)};
    int rc = R->lfirst && J.parts && needed && vfirst && J.vparts ? CLAIMS_OK : CLAIMS_ENOMEM;
    /* the words of the values of event mentions, once per value */
    for (size_t m = 0; rc == CLAIMS_OK && m < M; m++)
        if (R->st->subjects[m].label[0] && strcmp(R->st->subjects[m].type, "event") == 0)
            for (size_t f = R->first[m]; f < R->first[m + 1]; f++)
                needed[R->features[f].value] = true;
    if (rc == CLAIMS_OK && claims__parallel(nparts, R->run->threads, value_part_words, &J) != 0)
        rc = CLAIMS_ENOMEM;
    if (rc == CLAIMS_OK && !(vwords = concat_parts(J.vparts, nparts, false)))
        rc = CLAIMS_ENOMEM;
    for (size_t v = 0; rc == CLAIMS_OK && v < nv; v++)
        vfirst[v + 1] += vfirst[v];
    J.vwords = vwords;
    if (rc == CLAIMS_OK && claims__parallel(nparts, R->run->threads, label_part_words, &J) != 0)
        rc = CLAIMS_ENOMEM;
    if (rc == CLAIMS_OK && (!(R->lwords = concat_parts(J.parts, nparts, false)) ||
                            !(R->lmask = concat_parts(J.parts, nparts, true))))
        rc = CLAIMS_ENOMEM;
    for (size_t m = 0; rc == CLAIMS_OK && m < M; m++)
        R->lfirst[m + 1] += R->lfirst[m];
    for (size_t p = 0; J.parts && p < nparts; p++) {
        free(J.parts[p].words);
        free(J.parts[p].mask);
    }
    for (size_t p = 0; J.vparts && p < nparts; p++)
        free(J.vparts[p].words);
    free(J.parts);
    free(J.vparts);
    free(vwords);
    free(vfirst);
    free(needed);
    return rc;
}

/* The blocking keys of every person of the pool, once per value. */
static int person_keys(resolver *R)
{
    const claims_result *r = R->r;
    size_t n = r->pool_count ? r->pool_count : 1;
    R->skey = malloc(n * sizeof *R->skey);
    R->fkey = malloc(n * sizeof *R->fkey);
    R->surname = calloc(n, sizeof *R->surname);
    R->given = calloc(n, sizeof *R->given);
    if (!R->skey || !R->fkey || !R->surname || !R->given)
        return CLAIMS_ENOMEM;
    for (size_t v = 0; v < r->pool_count; v++) {
        R->skey[v] = R->fkey[v] = "";
        claims_type t = claims_value_type(r->pool[v]);
        if (claims_value_is_none(r->pool[v]))
            continue;
        if (t == CLAIMS_TYPE_ORGANIZATION) {
            /* participants that are organizations (two clubs of a match):
             * by the last word of their name ("Brannock Rovers", "Rovers");
             * no hashes, so that their comparison is always made ("CSL") */
            size_t len;
            const char *k = claims__value_norm(r->pool[v], &len);
            const char *w = k + len;
            while (w > k && w[-1] != ' ')
                w--;
            if (len &&
                !(R->skey[v] = claims__arena_strdup(&R->key_arena, w, len - (size_t)(w - k))))
                return CLAIMS_ENOMEM;
            continue;
        }
        if (t != CLAIMS_TYPE_PERSON)
            continue;
        char k[48], w[48];
        size_t kl = claims__person_block_key(r->pool[v], CLAIMS__BLOCK_SURNAME, k, sizeof k);
        size_t wl = claims__person_block_key(r->pool[v], CLAIMS__BLOCK_FIRST_WORD, w, sizeof w);
        kl = kl < sizeof k ? kl : sizeof k - 1; /* cut short: still a key */
        wl = wl < sizeof w ? wl : sizeof w - 1;
        if (!kl)
            continue;
        if (!(R->skey[v] = claims__arena_strdup(&R->key_arena, k, kl)) ||
            (wl && !(R->fkey[v] = claims__arena_strdup(&R->key_arena, w, wl))))
            return CLAIMS_ENOMEM;
        /* never 0: 0 is "not a name" */
        R->surname[v] = claims__hash(k, kl) | 1;
        R->given[v] = wl ? claims__hash(w, wl) | 1 : R->surname[v];
    }
    return CLAIMS_OK;
}

/* The mentions in content order; the values ranked, told apart (ident),
 * and their representatives. */
static int value_step(void *arg)
{
    resolver *R = arg;
    claims_result *r = R->r;
    if (content_ranks(R) != CLAIMS_OK || rank_values(r) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    R->ident = malloc((r->pool_count ? r->pool_count : 1) * sizeof *R->ident);
    if (!R->ident)
        return CLAIMS_ENOMEM;
    R->listed = calloc(r->pool_count ? r->pool_count : 1, sizeof *R->listed);
    for (size_t v = 0; v < r->pool_count; v++) {
        R->ident[v] = (uint64_t)r->norm_rank[v] << 3 | (uint64_t)claims_value_modifier(r->pool[v]);
        if (claims_value_type(r->pool[v]) == CLAIMS_TYPE_PLACE)
            R->listed[v] = claims__place_listed(R->run->ctx, claims__value_norm(r->pool[v], NULL));
    }
    return representatives(R);
}

/* Sorting the block entries: parts sorted on the threads, then merged. */
typedef struct sort_job {
    block_entry *e;
    size_t n, parts;
} sort_job;

static int sort_part(void *arg, size_t part)
{
    sort_job *J = arg;
    size_t from = claims__split(J->n, J->parts, part), to = claims__split(J->n, J->parts, part + 1);
    if (to - from > 1)
        qsort(J->e + from, to - from, sizeof *J->e, cmp_block);
    return 0;
}

static int sort_blocks(block_entry **blocks, size_t n, unsigned threads)
{
    size_t parts = n < 65536 || threads < 2 ? 1 : 2;
    sort_job J = {*blocks, n, parts};
    claims__parallel(parts, threads, sort_part, &J);
    if (parts == 1)
        return CLAIMS_OK;
    block_entry *out = malloc(n * sizeof *out);
    if (!out)
        return CLAIMS_ENOMEM;
    size_t mid = claims__split(n, 2, 1), i = 0, j = mid, k = 0;
    const block_entry *e = *blocks;
    while (i < mid && j < n)
        out[k++] = cmp_block(&e[j], &e[i]) < 0 ? e[j++] : e[i++];
    while (i < mid)
        out[k++] = e[i++];
    while (j < n)
        out[k++] = e[j++];
    free(*blocks);
    *blocks = out;
    return CLAIMS_OK;
}

/* Notes that mention a was compared with b, with score s. The best is the
 * highest score, then the first in content order. */
static void note_seen(resolver *R, size_t a, size_t b, int64_t s)
{
    mention_seen *x = &R->seen[a];
    x->compared++;
    if (s == JUDGED_NOTHING)
        return;
    if (x->best == UINT32_MAX || s > x->score || (s == x->score && R->rank[b] < R->rank[x->best])) {
        x->best = (uint32_t)b;
        x->score = s;
    }
}

int claims__resolve(claims__run *run)
{
    claims_result *r = run->r;
    const claims__rows *st = &r->rows;
    size_t M = st->subject_count;
    resolver R = {.run = run, .r = r, .st = st, .threshold = claims__match_threshold(run->ctx)};
    claims__arena_init(&R.key_arena);
    /* labels weigh as the schema's "label" says, when it says */
    const claims__attr *label_def = claims__schema_find(run->ctx, LABEL, sizeof LABEL - 1);
    R.label_match = label_def ? label_def->match : (claims__match){2.0, 1.0, -2.5, 0.0};
    /* half a date conflict: a report's days are a wide window */
    const claims__attr *date_def = claims__schema_find(run->ctx, "date", 4);
    R.implied = date_def && date_def->identifying ? date_def->match.conflict / 2.0 : 0.0;
    keyring K;
    claims__strmap_init(&K.index);
    claims__strmap_init(&K.one_words);
    claims__arena_init(&K.arena);
    K.text = NULL;
    K.count = K.cap = 0;
    K.timeless = false;
    K.vague = false;
    K.any_keyless = false;
    K.nmonths = 0;
    claims__buf_init(&K.buf);
    block_entry *blocks = NULL;
    size_t nb = 0;
    uint64_t *pairs = NULL;
    size_t np = 0;
    candidate *cand = NULL;
    size_t nc = 0, ccap = 0;
    separation *seps = NULL;
    size_t ns = 0, scap = 0;
    clusters C = {NULL, NULL, NULL, NULL};
    int rc = CLAIMS_ENOMEM;
    R.ncomparers = run->threads;
    R.comparers = aligned_alloc(CLAIMS__LINE, R.ncomparers * sizeof *R.comparers);
    if (R.comparers)
        memset(R.comparers, 0, R.ncomparers * sizeof *R.comparers);
    R.busy = calloc(R.ncomparers, sizeof *R.busy);
    bool made = R.comparers && R.busy;
    for (size_t i = 0; made && i < R.ncomparers; i++) {
        atomic_init(&R.busy[i], false);
        made = comparer_init(&R.comparers[i], &R) == CLAIMS_OK;
    }

    unsigned char *sepcount = calloc(M ? M : 1, 1);
    R.seen = calloc(M ? M : 1, sizeof *R.seen);
    r->mention_subject = malloc((M ? M : 1) * sizeof *r->mention_subject);
    if (!made || !sepcount || !R.seen || !r->mention_subject || build_features(&R) != CLAIMS_OK)
        goto done;
    for (size_t m = 0; m < M; m++)
        R.seen[m] = (mention_seen){0, UINT32_MAX, 0};
    {
        blocking B = {&R, &K, NULL, 0, 0};
        rc = person_keys(&R);
        if (rc == CLAIMS_OK)
            rc = side_by_side(run->threads, block_step, &B, value_step, &R);
        blocks = B.blocks;
        nb = B.nb;
        if (rc != CLAIMS_OK || rank_attributes(&R) != CLAIMS_OK || label_words(&R) != CLAIMS_OK) {
            rc = CLAIMS_ENOMEM;
            goto done;
        }
        for (size_t i = 0; i < nb; i++)
            blocks[i].rank = R.rank[blocks[i].mention];
        if (nb > 1 && sort_blocks(&blocks, nb, run->threads) != CLAIMS_OK) {
            rc = CLAIMS_ENOMEM;
            goto done;
        }
    }
    if ((rc = mention_dates(&R)) != CLAIMS_OK ||
        (rc = list_pairs(&R, &K, blocks, nb, &pairs, &np)) != CLAIMS_OK)
        goto done;
    rc = CLAIMS_ENOMEM;
    free(blocks);
    blocks = NULL;
    for (size_t i = 0; i < R.ncomparers; i++)
        if (memo_size(&R.comparers[i], np) != CLAIMS_OK)
            goto done;
    R.judged = malloc((np ? np : 1) * sizeof *R.judged);
    R.closeness = malloc((np ? np : 1) * sizeof *R.closeness);
    R.conflicted = malloc((np ? np : 1) * sizeof *R.conflicted);
    if (!R.judged || !R.closeness || !R.conflicted)
        goto done;
    {
        /* few pairs are not worth a thread */
        size_t parts = np < 4096 ? 1 : 4 * (size_t)run->threads;
        judge_job J = {&R, pairs, np, parts};
        if (claims__parallel(parts, run->threads, judge_part, &J) != 0)
            goto done;
    }
    const int64_t at = llround(R.threshold * 1e6);
    for (size_t i = 0; i < np; i++) {
        size_t a = (size_t)(pairs[i] >> 32), b = (size_t)(pairs[i] & 0xffffffffu);
        int64_t s = R.judged[i];
        note_seen(&R, a, b, s);
        note_seen(&R, b, a, s);
        if (s != JUDGED_NOTHING && s >= at) {
            if (claims__grow((void **)&cand, &ccap, nc + 1, sizeof *cand))
                goto done;
            cand[nc++] = (candidate){(double)s / 1e6, (double)R.closeness[i] / 1e4,
                                     R.rank[a],       R.rank[b],
                                     (uint32_t)a,     (uint32_t)b};
        } else if (s != JUDGED_NOTHING && R.conflicted[i] && s >= -2 * at &&
                   (sepcount[a] < MAX_SEPARATIONS || sepcount[b] < MAX_SEPARATIONS)) {
            /* a separation worth showing: not one of two subjects that
             * have everything against them (twice the threshold) */
            if (claims__grow((void **)&seps, &scap, ns + 1, sizeof *seps))
                goto done;
            seps[ns++] = (separation){a, b, false, NO_LINKAGE};
            sepcount[a] += sepcount[a] < MAX_SEPARATIONS;
            sepcount[b] += sepcount[b] < MAX_SEPARATIONS;
        }
    }
    if (nc > 1)
        qsort(cand, nc, sizeof *cand, cmp_candidate);
    free(pairs);
    pairs = NULL;

    C.parent = malloc((M ? M : 1) * sizeof(size_t));
    C.next = malloc((M ? M : 1) * sizeof(size_t));
    C.tail = malloc((M ? M : 1) * sizeof(size_t));
    C.size = malloc((M ? M : 1) * sizeof(size_t));
    if (!C.parent || !C.next || !C.tail || !C.size)
        goto done;
    for (size_t m = 0; m < M; m++) {
        C.parent[m] = m;
        C.next[m] = (size_t)-1;
        C.tail[m] = m;
        C.size[m] = 1;
    }
    size_t merged = 0;
    for (size_t i = 0; i < nc; i++) {
        size_t ra = root(&C, cand[i].a), rb = root(&C, cand[i].b);
        if (ra == rb)
            continue;
        linkage L = link_clusters(&R.comparers[0], &C, ra, rb);
        if (!linked(&L, R.threshold)) {
            size_t a = cand[i].a, b = cand[i].b;
            /* why two mentions that match stay apart, when it is not a
             * document naming two subjects */
            if (!L.impossible && (sepcount[a] < MAX_SEPARATIONS || sepcount[b] < MAX_SEPARATIONS)) {
                if (claims__grow((void **)&seps, &scap, ns + 1, sizeof *seps))
                    goto done;
                seps[ns++] = (separation){a, b, true, L};
                sepcount[a] += sepcount[a] < MAX_SEPARATIONS;
                sepcount[b] += sepcount[b] < MAX_SEPARATIONS;
            }
            continue;
        }
        /* the root is the member first in content order */
        if (R.rank[ra] > R.rank[rb]) {
            size_t t = ra;
            ra = rb;
            rb = t;
        }
        join(&C, ra, rb);
        cand[merged++] = cand[i]; /* keep accepted merges for explanations */
    }
    /* what only judging and merging needed */
    free(R.judged);
    free(R.closeness);
    free(R.conflicted);
    free(R.places);
    free(R.pfirst);
    free(R.spans);
    free(R.key_class);
    free(R.key_bucket);
    R.spans = NULL;
    R.judged = NULL;
    R.closeness = NULL;
    R.conflicted = NULL;
    R.places = NULL;
    R.pfirst = NULL;
    R.key_class = NULL;
    R.key_bucket = NULL;
    rc = build_subjects(&R, &C, cand, merged, seps, ns);
done:
    for (size_t i = 0; R.comparers && i < R.ncomparers; i++)
        comparer_free(&R.comparers[i]);
    free(R.comparers);
    free(R.busy);
    free(sepcount);
    free(R.seen);
    free(R.features);
    free(R.first);
    free(R.rank);
    free(R.attr_names);
    free(R.ident);
    free(R.rep);
    free(R.judged);
    free(R.closeness);
    free(R.conflicted);
    free(R.places);
    free(R.pfirst);
    free(R.spans);
    free(R.dlo);
    free(R.dhi);
    free(R.blo);
    free(R.bhi);
    free(R.people);
    free(R.listed);
    free(R.surname);
    free(R.given);
    free(R.skey);
    free(R.fkey);
    claims__arena_free(&R.key_arena);
    free(R.has_date);
    free(R.pub);
    free(R.lwords);
    free(R.lfirst);
    free(R.lmask);
    free(R.keyless);
    free(R.vague);
    free(R.one_word);
    free(R.key_class);
    free(R.key_bucket);
    claims__strmap_free(&K.index);
    claims__strmap_free(&K.one_words);
    claims__arena_free(&K.arena);
    free(K.text);
    claims__buf_free(&K.buf);
    free(blocks);
    free(pairs);
    free(cand);
    free(seps);
    free(C.parent);
    free(C.next);
    free(C.tail);
    free(C.size);
    return rc;
}

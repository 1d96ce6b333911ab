/*
 * places.c - what contains what, for place values whose written parts do
 * not say it: the gazetteer (gazetteer.c: "Lima" lies in Peru), and the
 * containment learned from the place values of a run ("Kessel Bay,
 * Ardenia" teaches that Ardenia contains Kessel Bay, for every mention of
 * the run).
 *
 * A place value is its canonical string, parts from the most specific on
 * ("kessel bay, ardenia"). Its reading in the gazetteer is the set of listed
 * places its first part can be, given the parts after it: "lima, peru" is
 * the Lima in Peru; "lima" alone any listed Lima (a name listed in several
 * countries is not asserted to be in one of them). A name that names a
 * country is the country, not a city of that name ("Peru" is not Peru,
 * Indiana), unless the parts after it say otherwise.
 *
 * Learned containment only ever makes one place contain another: it never
 * makes two places one, and a lesson the gazetteer contradicts (a source
 * writing "Lima, Chile") is not learned. It is transitive and joins the
 * gazetteer's (Kessel Bay in Texas, Texas in the United States).
 */
#include "values/values_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- the learned table ----------------------------------------------------------- */

typedef struct edge {
    const char *child, *parent; /* canonical parts, in the arena */
} edge;

struct claims__places {
    claims_arena arena;
    edge *edges; /* sorted by (child, parent), no repeats */
    size_t count, cap;
    edge *by_parent; /* the same, sorted by (parent, child) */
};

static int edge_parent_cmp(const void *x, const void *y)
{
    const edge *a = x, *b = y;
    int c = strcmp(a->parent, b->parent);
    return c ? c : strcmp(a->child, b->child);
}

static int edge_cmp(const void *x, const void *y)
{
    const edge *a = x, *b = y;
    int c = strcmp(a->child, b->child);
    return c ? c : strcmp(a->parent, b->parent);
}

static int learn_value(struct claims__places *p, const claims__gazetteer *g, const char *key)
{
    const char *part = key;
    for (const char *comma = strstr(part, ", "); comma; comma = strstr(part, ", ")) {
        const char *next = comma + 2;
        const char *nend = strstr(next, ", ");
        size_t cl = (size_t)(comma - part), pl = nend ? (size_t)(nend - next) : strlen(next);
        /* the gazetteer's word stands: "lima, chile" teaches nothing */
        if (!(g && claims__gaz_names_within(g, part, cl, next, pl) == 0)) {
            if (claims__grow((void **)&p->edges, &p->cap, p->count + 1, sizeof *p->edges) !=
                CLAIMS_OK)
                return CLAIMS_ENOMEM;
            char *c = claims__arena_strdup(&p->arena, part, cl);
            char *q = claims__arena_strdup(&p->arena, next, pl);
            if (!c || !q)
                return CLAIMS_ENOMEM;
            p->edges[p->count++] = (edge){c, q};
        }
        part = next;
    }
    return CLAIMS_OK;
}

int claims__places_learn(struct claims__places **out, const claims_ctx *ctx,
                         claims_value *const *values, size_t n)
{
    *out = NULL;
    struct claims__places *p = calloc(1, sizeof *p);
    if (!p)
        return CLAIMS_ENOMEM;
    claims__arena_init(&p->arena);
    const claims__gazetteer *g = claims__ctx_gazetteer(ctx);
    int rc = CLAIMS_OK;
    for (size_t i = 0; i < n && rc == CLAIMS_OK; i++) {
        const claims_value *v = values[i];
        if (v && v->type == CLAIMS_TYPE_PLACE && !v->none)
            rc = learn_value(p, g, claims__value_norm(v, NULL));
    }
    if (rc != CLAIMS_OK || p->count == 0) {
        claims__places_free(p);
        return rc;
    }
    /* sorted: the table depends on the values, not on their order */
    qsort(p->edges, p->count, sizeof *p->edges, edge_cmp);
    size_t kept = 0;
    for (size_t i = 0; i < p->count; i++)
        if (kept == 0 || edge_cmp(&p->edges[kept - 1], &p->edges[i]) != 0)
            p->edges[kept++] = p->edges[i];
    p->count = kept;
    if (!(p->by_parent = malloc(kept * sizeof *p->by_parent))) {
        claims__places_free(p);
        return CLAIMS_ENOMEM;
    }
    memcpy(p->by_parent, p->edges, kept * sizeof *p->by_parent);
    qsort(p->by_parent, kept, sizeof *p->by_parent, edge_parent_cmp);
    *out = p;
    return CLAIMS_OK;
}

void claims__places_free(struct claims__places *p)
{
    if (!p)
        return;
    claims__arena_free(&p->arena);
    free(p->edges);
    free(p->by_parent);
    free(p);
}

/* The run of edges[0..n), sorted by the end `by_parent` says, whose that end
 * is name[0..len): *first and the count. */
static size_t edge_run(const edge *edges, size_t n, bool by_parent, claims_str name, size_t *first)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *c = by_parent ? edges[mid].parent : edges[mid].child;
        int d = strncmp(c, name.ptr, name.len);
        if (d == 0 && c[name.len] != '\0')
            d = 1;
        if (d < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    for (; end < n; end++) {
        const char *c = by_parent ? edges[end].parent : edges[end].child;
        if (strlen(c) != name.len || memcmp(c, name.ptr, name.len) != 0)
            break;
    }
    *first = lo;
    return end - lo;
}

/* The edges whose child is name[0..len), in p->edges: *first and the count. */
static size_t learned_parents(const struct claims__places *p, claims_str name, size_t *first)
{
    *first = 0;
    return p ? edge_run(p->edges, p->count, false, name, first) : 0;
}

/* The edges whose parent is name[0..len), in p->by_parent. */
static size_t learned_children(const struct claims__places *p, claims_str name, size_t *first)
{
    *first = 0;
    return p ? edge_run(p->by_parent, p->count, true, name, first) : 0;
}

/* ---- readings in the gazetteer ----------------------------------------------------- */

#define MAX_PARTS 8
#define MAX_READINGS 64 /* listed places one name may be read as */
#define MAX_NAMES 48    /* names met while walking up */
#define MAX_PLACES 256  /* listed places met while walking up */

typedef struct reading {
    claims_str parts[MAX_PARTS];
    uint32_t first[MAX_PARTS], count[MAX_PARTS]; /* each part's run of names */
    size_t nparts;
    uint32_t places[MAX_READINGS]; /* what the first part is (a country first) */
    size_t nplaces;
    uint32_t any[MAX_READINGS]; /* what it can be, as a container */
    size_t nany;
} reading;

/* The listed places of the names g->names[first, first + n): all of them,
 * or with `countries_first` only the countries when they name one. */
static size_t candidates(const claims__gazetteer *g, uint32_t first, uint32_t n,
                         bool countries_first, uint32_t *out)
{
    bool country = false;
    for (uint32_t i = first; countries_first && i < first + n; i++)
        country |= claims__gaz_kind_of(g, g->names[i].place) == CLAIMS__GAZ_COUNTRY;
    size_t k = 0;
    for (uint32_t i = first; i < first + n && k < MAX_READINGS; i++)
        if (!country || claims__gaz_kind_of(g, g->names[i].place) == CLAIMS__GAZ_COUNTRY)
            out[k++] = g->names[i].place;
    return k;
}

/* Is `place` among the places of the names g->names[first, first + n)? */
static bool run_has(const claims__gazetteer *g, uint32_t first, uint32_t n, uint32_t place)
{
    for (uint32_t i = first; i < first + n; i++)
        if (g->names[i].place == place)
            return true;
    return false;
}

/* Does `place` lie in places named by the later parts, in their order
 * (parts the gazetteer does not know are levels it does not list)? */
static bool chain_fits(const claims__gazetteer *g, const reading *r, uint32_t place)
{
    size_t i = 1;
    uint32_t at = claims__gaz_parent(g, place);
    while (i < r->nparts) {
        if (r->count[i] == 0) {
            i++;
            continue;
        }
        while (at != CLAIMS__GAZ_NONE && !run_has(g, r->first[i], r->count[i], at))
            at = claims__gaz_parent(g, at);
        if (at == CLAIMS__GAZ_NONE)
            return false;
        at = claims__gaz_parent(g, at);
        i++;
    }
    return true;
}

static void read_place(reading *r, const claims__gazetteer *g, const char *key)
{
    r->nparts = 0;
    r->nplaces = r->nany = 0;
    for (const char *p = key; *p && r->nparts < MAX_PARTS;) {
        const char *c = strstr(p, ", ");
        size_t n = c ? (size_t)(c - p) : strlen(p);
        r->parts[r->nparts++] = (claims_str){p, n};
        p = c ? c + 2 : p + n;
    }
    if (!g || r->nparts == 0)
        return;
    for (size_t i = 0; i < r->nparts; i++)
        r->count[i] = claims__gaz_find(g, r->parts[i].ptr, r->parts[i].len, &r->first[i]);
    /* a country first; when the parts after it rule that out, any listing */
    uint32_t cand[MAX_READINGS];
    size_t n = candidates(g, r->first[0], r->count[0], false, cand);
    bool country = false;
    for (size_t i = 0; i < n; i++)
        if (chain_fits(g, r, cand[i])) {
            r->any[r->nany++] = cand[i];
            country |= claims__gaz_kind_of(g, cand[i]) == CLAIMS__GAZ_COUNTRY;
        }
    for (size_t i = 0; i < r->nany; i++)
        if (!country || claims__gaz_kind_of(g, r->any[i]) == CLAIMS__GAZ_COUNTRY)
            r->places[r->nplaces++] = r->any[i];
}

/* ---- walking up -------------------------------------------------------------------- */

/* How a container is known, weakest last: the reason says it. */
enum { BY_PARTS, BY_GAZETTEER, BY_LESSON };

typedef struct ancestry {
    claims_str names[MAX_NAMES];      /* containers named by parts or lessons */
    unsigned char learned[MAX_NAMES]; /* BY_* */
    size_t nnames;
    uint32_t places[MAX_PLACES]; /* listed containers */
    unsigned char place_learned[MAX_PLACES];
    size_t nplaces;
} ancestry;

static void add_name(ancestry *a, claims_str n, unsigned char learned)
{
    for (size_t i = 0; i < a->nnames; i++)
        if (a->names[i].len == n.len && memcmp(a->names[i].ptr, n.ptr, n.len) == 0)
            return;
    if (a->nnames < MAX_NAMES) {
        a->learned[a->nnames] = learned;
        a->names[a->nnames++] = n;
    }
}

static void add_place(ancestry *a, uint32_t p, unsigned char learned)
{
    for (size_t i = 0; i < a->nplaces; i++)
        if (a->places[i] == p)
            return;
    if (a->nplaces < MAX_PLACES) {
        a->place_learned[a->nplaces] = learned;
        a->places[a->nplaces++] = p;
    }
}

static void add_with_parents(ancestry *a, const claims__gazetteer *g, uint32_t p,
                             unsigned char learned)
{
    for (; p != CLAIMS__GAZ_NONE; p = claims__gaz_parent(g, p))
        add_place(a, p, learned);
}

/* Everything known to contain the place read as r. */
static void walk_up(ancestry *a, const claims__gazetteer *g, const struct claims__places *learned,
                    const reading *r)
{
    a->nnames = a->nplaces = 0;
    for (size_t i = 0; g && i < r->nplaces; i++)
        if (claims__gaz_parent(g, r->places[i]) != CLAIMS__GAZ_NONE)
            add_with_parents(a, g, claims__gaz_parent(g, r->places[i]), BY_GAZETTEER);
    /* the first part's lessons, then each container's parts and lessons */
    for (size_t i = 1; i < r->nparts; i++)
        add_name(a, r->parts[i], BY_PARTS);
    bool first = true;
    size_t seen = 0;
    while (first || seen < a->nnames) {
        claims_str n;
        unsigned char by_lesson;
        if (first) {
            n = r->parts[0];
            by_lesson = BY_PARTS;
            first = false;
        } else {
            n = a->names[seen];
            by_lesson = a->learned[seen++];
            if (g) { /* a container named in words: what the gazetteer puts it in */
                uint32_t cand[MAX_READINGS], at;
                uint32_t found = claims__gaz_find(g, n.ptr, n.len, &at);
                size_t k = candidates(g, at, found, true, cand);
                for (size_t i = 0; i < k; i++)
                    add_with_parents(a, g, cand[i],
                                     by_lesson > BY_GAZETTEER ? by_lesson : BY_GAZETTEER);
            }
        }
        size_t at, k = learned_parents(learned, n, &at);
        for (size_t i = at; i < at + k; i++) {
            const char *pn = learned->edges[i].parent;
            add_name(a, (claims_str){pn, strlen(pn)}, BY_LESSON);
        }
    }
}

/* Does the place read as `outer` contain the one whose ancestry is a?
 * *by_lesson tells how that is known (BY_*). */
static bool contains(const ancestry *a, const reading *outer, unsigned char *by_lesson)
{
    for (size_t i = 0; i < outer->nany; i++)
        for (size_t k = 0; k < a->nplaces; k++)
            if (a->places[k] == outer->any[i]) {
                *by_lesson = a->place_learned[k];
                return true;
            }
    claims_str first = outer->parts[0];
    for (size_t i = 0; i < a->nnames; i++)
        if (a->names[i].len == first.len && memcmp(a->names[i].ptr, first.ptr, first.len) == 0) {
            *by_lesson = a->learned[i];
            return true;
        }
    return false;
}

/* Both readings are one listed place (a city listed twice alike counts once). */
static bool one_place(const claims__gazetteer *g, const reading *a, const reading *b)
{
    if (a->nplaces == 0 || b->nplaces == 0)
        return false;
    const claims__gaz_place *p0 = &g->places[a->places[0]];
    for (size_t i = 0; i < a->nplaces + b->nplaces; i++) {
        uint32_t p = i < a->nplaces ? a->places[i] : b->places[i - a->nplaces];
        if (g->places[p].up != p0->up || strcmp(g->pool + g->places[p].name, g->pool + p0->name))
            return false;
    }
    return true;
}

/* Places the documents teach a lesson about, looked at below one place. */
#define MAX_SHARED_CHILDREN 16

/* Do the place read as `a` (key ka) and the one read as `b` both contain a
 * place the documents put in a ("Corvel, Taloria" and "Corvel, Lissande
 * province": Taloria and Lissande province)? Then they overlap, one perhaps
 * within the other, and an event in that place is in both: compatible. */
static bool shared_child(claims_comparison *out, const claims__gazetteer *g,
                         const struct claims__places *learned, const char *ka, const reading *a,
                         const char *kb, const reading *b)
{
    size_t at, k = learned_children(learned, a->parts[0], &at);
    if (k > MAX_SHARED_CHILDREN)
        k = MAX_SHARED_CHILDREN; /* the first in byte order */
    for (size_t i = at; i < at + k; i++) {
        const char *child = learned->by_parent[i].child;
        reading rc;
        read_place(&rc, g, child);
        ancestry up;
        unsigned char by_lesson = BY_PARTS;
        walk_up(&up, g, learned, &rc);
        if (rc.nparts == 0 || !contains(&up, b, &by_lesson))
            continue;
        out->relation = CLAIMS_RELATION_COMPATIBLE;
        out->score = 0.5;
        bool ab = strcmp(ka, kb) < 0;
        claims__reason(out, "%s and %s both contain %s (learned from the documents)", ab ? ka : kb,
                       ab ? kb : ka, child);
        return true;
    }
    return false;
}

bool claims__places_relate(claims_comparison *out, const claims_ctx *ctx, const char *ka,
                           const char *kb)
{
    const claims__gazetteer *g = claims__ctx_gazetteer(ctx);
    const struct claims__places *learned = ctx ? ctx->learned : NULL;
    if (!g && !learned)
        return false;
    reading ra, rb;
    read_place(&ra, g, ka);
    read_place(&rb, g, kb);
    if (ra.nparts == 0 || rb.nparts == 0)
        return false;
    if (g && one_place(g, &ra, &rb)) {
        out->relation = CLAIMS_RELATION_EQUAL;
        out->score = 1.0;
        claims__reason(out, "%s and %s name the same place (gazetteer)", ka, kb);
        return true;
    }
    /* the same place named under different containers ("Varneby Island,
     * Solmark" and "Varneby Island, Gullmar Sound"): one place, unless the
     * gazetteer reads them as two ("Springfield, Illinois" and
     * "Springfield, Massachusetts") */
    if (ra.nparts > 1 && rb.nparts > 1 && ra.parts[0].len == rb.parts[0].len &&
        memcmp(ra.parts[0].ptr, rb.parts[0].ptr, ra.parts[0].len) == 0) {
        /* two when the gazetteer knows both outer parts and neither holds
         * the other (Peru and Chile), or reads both as distinct places */
        claims_str oa = ra.parts[ra.nparts - 1], ob = rb.parts[rb.nparts - 1];
        bool two = false;
        if (g) {
            int ab = claims__gaz_names_within(g, oa.ptr, oa.len, ob.ptr, ob.len);
            int ba = claims__gaz_names_within(g, ob.ptr, ob.len, oa.ptr, oa.len);
            bool same = oa.len == ob.len && memcmp(oa.ptr, ob.ptr, oa.len) == 0;
            two = !same && ab == 0 && ba == 0;
            for (size_t i = 0; i < ra.nany && !two; i++)
                for (size_t j = 0; j < rb.nany && !two; j++)
                    two = ra.nany == 1 && rb.nany == 1 && ra.any[i] != rb.any[j];
        }
        if (!two) {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            out->score = 0.5;
            claims__reason(out, "%s and %s name %.*s in different containers", ka, kb,
                           (int)ra.parts[0].len, ra.parts[0].ptr);
            return true;
        }
    }
    ancestry up;
    unsigned char by_lesson = BY_PARTS;
    const char *outer = NULL, *inner = NULL;
    walk_up(&up, g, learned, &ra);
    if (contains(&up, &rb, &by_lesson)) {
        outer = kb;
        inner = ka;
    } else {
        walk_up(&up, g, learned, &rb);
        if (contains(&up, &ra, &by_lesson)) {
            outer = ka;
            inner = kb;
        }
    }
    if (!outer) {
        /* the one first in byte order looked below first: either way round
         * the same reason */
        bool ab = strcmp(ka, kb) < 0;
        return shared_child(out, g, learned, ab ? ka : kb, ab ? &ra : &rb, ab ? kb : ka,
                            ab ? &rb : &ra) ||
               shared_child(out, g, learned, ab ? kb : ka, ab ? &rb : &ra, ab ? ka : kb,
                            ab ? &ra : &rb);
    }
    out->relation = CLAIMS_RELATION_COMPATIBLE;
    out->score = 0.5;
    static const char *const how[] = {"as written", "gazetteer", "learned from the documents"};
    claims__reason(out, "%s contains %s (%s)", outer, inner, how[by_lesson]);
    return true;
}

size_t claims__place_containers(const claims_ctx *ctx, const char *key, claims_str *out, size_t max)
{
    const claims__gazetteer *g = claims__ctx_gazetteer(ctx);
    const struct claims__places *learned = ctx ? ctx->learned : NULL;
    reading r;
    read_place(&r, g, key);
    if (r.nparts == 0)
        return 0;
    ancestry up;
    walk_up(&up, g, learned, &r);
    size_t n = 0;
    for (size_t i = 0; i < up.nnames && n < max; i++)
        out[n++] = up.names[i];
    for (size_t i = 0; g && i < up.nplaces && n < max; i++) {
        const char *name = g->pool + g->places[up.places[i]].name;
        out[n++] = (claims_str){name, strlen(name)};
    }
    return n;
}

bool claims__place_listed(const claims_ctx *ctx, const char *key)
{
    const claims__gazetteer *g = claims__ctx_gazetteer(ctx);
    if (!g)
        return false;
    reading r;
    read_place(&r, g, key);
    return r.nany > 0;
}

/* origin.c - who a claim really comes from, decided by content alone. The
 * innermost element of the attribution chain is the speaker, read by
 * attribution.c:
 *
 * - unnamed ("officials said"): an origin of its own outlet; a wire copy of
 *   the claim (the same value of the same attribute of the same subject,
 *   from sources that share wording, dependence.c) keeps the wire's: the
 *   earliest published of them.
 * - named: one origin across sources for one entity. Two names are one when
 *   the organization normalizer reads them alike (alias tables apply), one
 *   is the acronym of the other (NEA, National Emergency Agency), the
 *   person normalizer reads them as one person ("Interior Minister Oduya",
 *   "Oduya"), or a surname alone matches exactly one full name.
 * - an institution known by its kind ("the Foreign Ministry", "the city's
 *   main hospital") is the one of the story (the resolved subject), and one
 *   with an owner among the story's places is that institution too
 *   ("Ardenia's Foreign Ministry" in a story in Kessel Bay, Ardenia); with
 *   an owner that is not, it is a name like any other.
 *
 * An origin is shown by its most frequent wording, then the shortest, then
 * the smallest. A claim without attribution comes from its outlet; outlets
 * that share wording are counted as one origin per value cluster, in
 * group.c. */
#include "reconcile/stage.h"

#include <stdlib.h>
#include <string.h>

/* Appends a comparison key of s (n bytes): ASCII-lowercased, dots dropped
 * ("U.S." = "US"), spaces single, none at the edges. */
static int put_key(claims_buf *key, const char *s, size_t n)
{
    bool space = false, any = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t') {
            space = any;
            continue;
        }
        if (c == '.')
            continue;
        if ((space && claims__buf_putc(key, ' ')) || claims__buf_putc(key, claims__ascii_lower(c)))
            return CLAIMS_ENOMEM;
        space = false;
        any = true;
    }
    return CLAIMS_OK;
}

/* The canonical string of text read as `type`, interned; its plain key when
 * the normalizer gives nothing. NULL on ENOMEM. */
static const char *normalized(claims_result *r, const claims_ctx *ctx, claims_type type,
                              const char *text, size_t n, claims_value *scratch, claims_buf *buf)
{
    claims_error e;
    if (claims_value_parse(scratch, ctx, type, text, n, NULL, &e) == CLAIMS_OK &&
        claims_value_normalized(scratch)[0]) {
        const char *k = claims_value_normalized(scratch);
        return claims__result_intern(r, k, strlen(k));
    }
    claims__buf_clear(buf);
    if (put_key(buf, text, n) || claims__buf_putc(buf, '\0'))
        return NULL;
    return claims__result_intern(r, buf->data, buf->len - 1);
}

/* One distinct speaker text, read once. */
typedef struct speaker {
    claims__speaker_kind kind;
    const char *wording;   /* as shown: "White House", "Foreign Ministry" */
    const char *org, *who; /* NAMED: organization and person keys */
    const char *kind_key;  /* INSTITUTION: key of its kind ("foreign ministry") */
    const char *owner;     /* ... with an owner: its place key ("ardenia") */
    const char *full;      /* ... and the whole phrase, as shown */
    const char *full_org, *full_who;
    bool named_full; /* the whole phrase was taken as a name somewhere */
} speaker;

/* An origin node: a named entity, or an institution of one story. */
typedef struct onode {
    size_t subject;               /* INSTITUTION: the story */
    const char *kind_key, *owner; /* INSTITUTION: its kind, its owner or "" */
} onode;

/* Union-find over the nodes, the smaller index the root. */
static size_t root_of(size_t *parent, size_t x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

static void unite(size_t *parent, size_t a, size_t b)
{
    a = root_of(parent, a);
    b = root_of(parent, b);
    if (a != b)
        parent[a > b ? a : b] = a < b ? a : b;
}

typedef struct origins {
    claims__run *run;
    claims_result *r;
    claims_buf buf;
    claims_value *va, *vb;
    speaker *sp;
    size_t sp_count, sp_cap;
    claims_strmap node_of; /* node key -> node */
    onode *nodes;
    size_t *parent;
    size_t node_count, node_cap, parent_cap;
} origins;

/* The node of key (made when new): *out; CLAIMS_ENOMEM. */
static int node(origins *o, const char *key, size_t n, onode what, size_t *out)
{
    if (claims__strmap_get(&o->node_of, key, n, out))
        return CLAIMS_OK;
    const char *k = claims__result_intern(o->r, key, n);
    if (!k || claims__grow((void **)&o->nodes, &o->node_cap, o->node_count + 1, sizeof *o->nodes) ||
        claims__grow((void **)&o->parent, &o->parent_cap, o->node_count + 1, sizeof *o->parent) ||
        claims__strmap_put(&o->node_of, k, n, o->node_count))
        return CLAIMS_ENOMEM;
    o->nodes[o->node_count] = what;
    o->parent[o->node_count] = o->node_count;
    *out = o->node_count++;
    return CLAIMS_OK;
}

/* The node of a name with organization key org. */
static int named_node(origins *o, const char *org, size_t *out)
{
    claims__buf_clear(&o->buf);
    if (claims__buf_printf(&o->buf, "n\x1f%s", org))
        return CLAIMS_ENOMEM;
    onode what = {SIZE_MAX, NULL, NULL};
    return node(o, o->buf.data, o->buf.len, what, out);
}

static bool one_word(const char *s) { return s[0] && !strchr(s, ' '); }

/* Do the texts a and b read as one of `type` (EQUAL; COMPATIBLE too when
 * `loose`)? */
static bool same(origins *o, claims_type type, const char *a, const char *b, bool loose)
{
    const claims_ctx *ctx = o->run->ctx;
    claims_error e;
    if (claims_value_parse(o->va, ctx, type, a, strlen(a), NULL, &e) != CLAIMS_OK ||
        claims_value_parse(o->vb, ctx, type, b, strlen(b), NULL, &e) != CLAIMS_OK)
        return false;
    claims_comparison c = CLAIMS_COMPARISON_INIT;
    claims__value_compare(&c, ctx, o->va, o->vb);
    return c.relation == CLAIMS_RELATION_EQUAL ||
           (loose && c.relation == CLAIMS_RELATION_COMPATIBLE);
}

/* Initials of a key of several words, small words left out ("ministry of
 * foreign affairs" -> "mfa"), into out; false for fewer than two. */
static bool initials(const char *key, claims_buf *out)
{
    static const char *const SMALL[] = {"of", "and", "the", "for", "de", "la", "du", NULL};
    claims__buf_clear(out);
    size_t words = 0;
    for (const char *p = key; *p;) {
        const char *e = strchr(p, ' ');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        bool small = false;
        for (size_t i = 0; SMALL[i] && !small; i++)
            small = claims__ascii_ieq(p, n, SMALL[i]);
        if (!small && n && claims__buf_putc(out, p[0]))
            return false;
        words += !small;
        p += n + (e != NULL);
    }
    return words > 1;
}

/* A name as the union step sees it: its node, keys and wording. */
typedef struct name_ref {
    size_t node;
    const char *org, *who, *text;
} name_ref;

/* Joins the nodes of names that are one entity spelt another way: person
 * keys alike ("Interior Minister Oduya", "Oduya"), an acronym of the other
 * (the organization normalizer confirms it), and a lone surname with the
 * one full name it matches. Every decision reads the names, never their
 * order. */
static int join_names(origins *o, const name_ref *nm, size_t n)
{
    int rc = CLAIMS_ENOMEM;
    claims_strmap by_who, by_initials, by_surname;
    claims__strmap_init(&by_who);
    claims__strmap_init(&by_initials);
    claims__strmap_init(&by_surname);
    size_t *next_initials = malloc((n ? n : 1) * sizeof *next_initials);
    size_t *next_surname = malloc((n ? n : 1) * sizeof *next_surname);
    size_t *joins = malloc((n ? n : 1) * 2 * sizeof *joins);
    size_t join_count = 0;
    if (!next_initials || !next_surname || !joins)
        goto done;
    for (size_t i = 0; i < n; i++) {
        size_t j;
        next_initials[i] = next_surname[i] = SIZE_MAX;
        const char *who = nm[i].who;
        if (who[0] && claims__strmap_get(&by_who, who, strlen(who), &j))
            unite(o->parent, nm[i].node, nm[j].node);
        else if (who[0] && claims__strmap_put(&by_who, who, strlen(who), i))
            goto done;
        /* chains of names by the initials of their organization key and by
         * the last word of their person key */
        if (initials(nm[i].org, &o->buf)) {
            if (claims__strmap_get(&by_initials, o->buf.data, o->buf.len, &j))
                next_initials[i] = j;
            const char *k = claims__result_intern(o->r, o->buf.data, o->buf.len);
            if (!k || claims__strmap_put(&by_initials, k, o->buf.len, i))
                goto done;
        }
        const char *last = strrchr(who, ' ');
        if (last) {
            last++;
            if (claims__strmap_get(&by_surname, last, strlen(last), &j))
                next_surname[i] = j;
            if (claims__strmap_put(&by_surname, last, strlen(last), i))
                goto done;
        }
    }
    /* "NEA" and every name whose initials are "nea" */
    for (size_t i = 0; i < n; i++) {
        size_t j;
        if (!one_word(nm[i].org) ||
            !claims__strmap_get(&by_initials, nm[i].org, strlen(nm[i].org), &j))
            continue;
        for (; j != SIZE_MAX; j = next_initials[j])
            if (same(o, CLAIMS_TYPE_ORGANIZATION, nm[i].text, nm[j].text, false))
                unite(o->parent, nm[i].node, nm[j].node);
    }
    /* "Oduya" joins the full name it matches when it matches one entity
     * only, judged on the partition so far */
    for (size_t i = 0; i < n; i++) {
        size_t j, found = SIZE_MAX;
        if (!one_word(nm[i].who) ||
            !claims__strmap_get(&by_surname, nm[i].who, strlen(nm[i].who), &j))
            continue;
        bool unique = true;
        for (; j != SIZE_MAX && unique; j = next_surname[j]) {
            if (!same(o, CLAIMS_TYPE_PERSON, nm[i].text, nm[j].text, true))
                continue;
            size_t root = root_of(o->parent, nm[j].node);
            unique = found == SIZE_MAX || found == root;
            found = root;
        }
        if (unique && found != SIZE_MAX) {
            joins[join_count++] = nm[i].node;
            joins[join_count++] = found;
        }
    }
    for (size_t k = 0; k < join_count; k += 2)
        unite(o->parent, joins[k], joins[k + 1]);
    rc = CLAIMS_OK;
done:
    free(next_initials);
    free(next_surname);
    free(joins);
    claims__strmap_free(&by_who);
    claims__strmap_free(&by_initials);
    claims__strmap_free(&by_surname);
    return rc;
}

/* An institution of a story with no owner ("the Foreign Ministry") is the
 * one with an owner among the story's places ("Ardenia's Foreign Ministry")
 * when the story has exactly one of that kind. */
static int join_institutions(origins *o)
{
    claims_strmap owned; /* "S\x1f" kind -> node, SIZE_MAX when several */
    claims__strmap_init(&owned);
    int rc = CLAIMS_OK;
    for (int pass = 0; pass < 2 && rc == CLAIMS_OK; pass++)
        for (size_t i = 0; i < o->node_count && rc == CLAIMS_OK; i++) {
            const onode *x = &o->nodes[i];
            if (!x->kind_key || (pass == 0) != (x->owner[0] != 0))
                continue;
            claims__buf_clear(&o->buf);
            if (claims__buf_printf(&o->buf, "%zu\x1f%s", x->subject, x->kind_key)) {
                rc = CLAIMS_ENOMEM;
                break;
            }
            size_t j;
            bool known = claims__strmap_get(&owned, o->buf.data, o->buf.len, &j);
            if (pass == 1) {
                if (known && j != SIZE_MAX)
                    unite(o->parent, i, j);
                continue;
            }
            const char *k = claims__result_intern(o->r, o->buf.data, o->buf.len);
            if (!k || claims__strmap_put(&owned, k, o->buf.len, known ? SIZE_MAX : i))
                rc = CLAIMS_ENOMEM;
        }
    claims__strmap_free(&owned);
    return rc;
}

/* Is source a published before b (then: smaller id)? A source without a
 * time comes last. */
static bool earlier(const claims__rows *st, size_t a, size_t b)
{
    const char *pa = st->sources[a].published, *pb = st->sources[b].published;
    if (!pa[0] != !pb[0])
        return pa[0] != 0;
    int c = strcmp(pa, pb);
    return c ? c < 0 : strcmp(st->sources[a].id, st->sources[b].id) < 0;
}

typedef struct unnamed_claim {
    const char *key; /* subject, attribute, value, polarity (interned) */
    size_t claim, source;
} unnamed_claim;

static int cmp_unnamed(const void *x, const void *y)
{
    const unnamed_claim *a = x, *b = y;
    if (a->key != b->key)
        return (uintptr_t)a->key < (uintptr_t)b->key ? -1 : 1;
    return a->claim < b->claim ? -1 : a->claim > b->claim;
}

/* The outlet each unnamed claim is an origin of: its own or, for the same
 * claim copied among sources that share wording, the earliest one's. */
static int name_unnamed(claims_result *r, unnamed_claim *u, size_t n)
{
    const claims__rows *st = &r->rows;
    qsort(u, n, sizeof *u, cmp_unnamed);
    claims_buf name;
    claims__buf_init(&name);
    size_t *parent = malloc((n ? n : 1) * sizeof *parent);
    int rc = parent ? CLAIMS_OK : CLAIMS_ENOMEM;
    for (size_t i = 0; i < n && rc == CLAIMS_OK;) {
        size_t j = i;
        while (j < n && u[j].key == u[i].key)
            j++;
        for (size_t a = i; a < j; a++)
            parent[a - i] = a - i;
        for (size_t a = i; a < j && r->dep_count; a++)
            for (size_t b = a + 1; b < j; b++)
                if (claims__dependent(r, u[a].source, u[b].source))
                    unite(parent, a - i, b - i);
        for (size_t a = i; a < j && rc == CLAIMS_OK; a++) {
            size_t wire = u[a].source, root = root_of(parent, a - i);
            for (size_t b = i; b < j; b++)
                if (root_of(parent, b - i) == root && earlier(st, u[b].source, wire))
                    wire = u[b].source;
            const claims__source *so = &st->sources[wire];
            claims__buf_clear(&name);
            rc = claims__buf_printf(&name, "unnamed source of %s",
                                    so->outlet[0] ? so->outlet : so->id);
            const char *p = rc == CLAIMS_OK ? claims__result_intern(r, name.data, name.len) : NULL;
            if (!p)
                rc = CLAIMS_ENOMEM;
            else
                r->claim_origin[u[a].claim] = p;
        }
        i = j;
    }
    free(parent);
    claims__buf_free(&name);
    return rc;
}

/* Per resolved subject, the components of its affirmed places ("kessel
 * bay", "ardenia" of "Kessel Bay, Ardenia"), as keys "S\x1f" component. */
static int story_places(claims_result *r, claims_strmap *places, claims_buf *buf)
{
    const claims__rows *st = &r->rows;
    for (size_t i = 0; i < st->claim_count; i++) {
        const claims__claim *c = &st->claims[i];
        if (r->claim_type[i] != CLAIMS_TYPE_PLACE || c->polarity != CLAIMS_AFFIRMED)
            continue;
        size_t len;
        const char *norm = claims__value_norm(r->pool[r->claim_value[i]], &len);
        for (size_t at = 0; at < len;) {
            const char *comma = memchr(norm + at, ',', len - at);
            size_t end = comma ? (size_t)(comma - norm) : len;
            claims__buf_clear(buf);
            if (claims__buf_printf(buf, "%zu\x1f", r->mention_subject[c->subject]) ||
                put_key(buf, norm + at, end - at))
                return CLAIMS_ENOMEM;
            const char *k = claims__result_intern(r, buf->data, buf->len);
            if (!k || claims__strmap_put(places, k, buf->len, 0))
                return CLAIMS_ENOMEM;
            at = end + 1;
        }
    }
    return CLAIMS_OK;
}

/* Reads a distinct speaker text into o->sp[o->sp_count++]. */
static int read_speaker(origins *o, const char *text)
{
    claims_result *r = o->r;
    const claims_ctx *ctx = o->run->ctx;
    if (claims__grow((void **)&o->sp, &o->sp_cap, o->sp_count + 1, sizeof *o->sp))
        return CLAIMS_ENOMEM;
    speaker *s = &o->sp[o->sp_count++];
    memset(s, 0, sizeof *s);
    claims__speaker p;
    claims__attribution_parse(text, strlen(text), &p);
    s->kind = p.kind;
    if (p.kind == CLAIMS__SPEAKER_UNNAMED)
        return CLAIMS_OK;
    s->wording = claims__result_intern(r, p.name, p.name_len);
    if (!s->wording)
        return CLAIMS_ENOMEM;
    if (p.kind == CLAIMS__SPEAKER_NAMED) {
        s->org = normalized(r, ctx, CLAIMS_TYPE_ORGANIZATION, p.name, p.name_len, o->va, &o->buf);
        s->who = normalized(r, ctx, CLAIMS_TYPE_PERSON, p.name, p.name_len, o->va, &o->buf);
        return s->org && s->who ? CLAIMS_OK : CLAIMS_ENOMEM;
    }
    s->kind_key = normalized(r, ctx, CLAIMS_TYPE_ORGANIZATION, p.name, p.name_len, o->va, &o->buf);
    if (!s->kind_key)
        return CLAIMS_ENOMEM;
    if (!p.owner) {
        s->owner = "";
        return CLAIMS_OK;
    }
    /* the owner's place, by its first component ("Lima" of "Lima, Peru") */
    const char *place = normalized(r, ctx, CLAIMS_TYPE_PLACE, p.owner, p.owner_len, o->va, &o->buf);
    if (!place)
        return CLAIMS_ENOMEM;
    claims__buf_clear(&o->buf);
    const char *comma = strchr(place, ',');
    if (put_key(&o->buf, place, comma ? (size_t)(comma - place) : strlen(place)) ||
        claims__buf_putc(&o->buf, '\0'))
        return CLAIMS_ENOMEM;
    s->owner = claims__result_intern(r, o->buf.data, o->buf.len - 1);
    s->full = claims__result_intern(r, p.full, p.full_len);
    s->full_org =
        s->full ? normalized(r, ctx, CLAIMS_TYPE_ORGANIZATION, p.full, p.full_len, o->va, &o->buf)
                : NULL;
    s->full_who = s->full_org
                      ? normalized(r, ctx, CLAIMS_TYPE_PERSON, p.full, p.full_len, o->va, &o->buf)
                      : NULL;
    return s->owner && s->full_who ? CLAIMS_OK : CLAIMS_ENOMEM;
}

/* A claim's wording and node, for the display names. */
typedef struct shown {
    size_t root;
    const char *wording;
} shown;

static int cmp_shown(const void *x, const void *y)
{
    const shown *a = x, *b = y;
    if (a->root != b->root)
        return a->root < b->root ? -1 : 1;
    return (uintptr_t)a->wording < (uintptr_t)b->wording
               ? -1
               : (uintptr_t)a->wording > (uintptr_t)b->wording;
}

/* Is wording a (n times) a better name than b (m times)? More frequent,
 * then shorter, then smaller. */
static bool better(const char *a, size_t n, const char *b, size_t m)
{
    if (n != m)
        return n > m;
    size_t la = strlen(a), lb = strlen(b);
    if (la != lb)
        return la < lb;
    return strcmp(a, b) < 0;
}

int claims__origins(claims__run *run)
{
    claims_result *r = run->r;
    const claims__rows *st = &r->rows;
    size_t n = st->claim_count;
    origins o = {.run = run, .r = r};
    claims__buf_init(&o.buf);
    claims__strmap_init(&o.node_of);
    claims_strmap by_speaker, places;
    claims__strmap_init(&by_speaker);
    claims__strmap_init(&places);
    bool places_read = false;
    size_t *claim_node = malloc((n ? n : 1) * sizeof *claim_node);
    const char **claim_wording = malloc((n ? n : 1) * sizeof *claim_wording);
    unnamed_claim *unnamed = malloc((n ? n : 1) * sizeof *unnamed);
    shown *show = malloc((n ? n : 1) * sizeof *show);
    name_ref *names = NULL;
    size_t unnamed_count = 0, name_count = 0, name_cap = 0;
    r->claim_origin = malloc((n ? n : 1) * sizeof *r->claim_origin);
    int rc = CLAIMS_ENOMEM;
    if (!r->claim_origin || !claim_node || !claim_wording || !unnamed || !show ||
        claims_value_new(&o.va) != CLAIMS_OK || claims_value_new(&o.vb) != CLAIMS_OK)
        goto done;

    for (size_t i = 0; i < n; i++) {
        const claims__claim *c = &st->claims[i];
        const claims__source *so = &st->sources[c->source];
        claim_node[i] = SIZE_MAX;
        r->claim_origin[i] = so->outlet[0] ? so->outlet : so->id;
        if (c->attribution_count == 0)
            continue; /* the outlet itself (group.c joins shared copies) */
        const char *text = c->attribution[c->attribution_count - 1];
        size_t idx;
        if (!claims__strmap_get(&by_speaker, text, strlen(text), &idx)) {
            idx = o.sp_count;
            if (read_speaker(&o, text) || claims__strmap_put(&by_speaker, text, strlen(text), idx))
                goto done;
        }
        speaker *s = &o.sp[idx];
        size_t subject = r->mention_subject[c->subject];
        bool local = s->kind == CLAIMS__SPEAKER_INSTITUTION;
        if (local && s->owner[0]) {
            /* "Ardenia's Foreign Ministry": the story's when Ardenia is one
             * of its places, else a name */
            if (!places_read && story_places(r, &places, &o.buf))
                goto done;
            places_read = true;
            claims__buf_clear(&o.buf);
            if (claims__buf_printf(&o.buf, "%zu\x1f%s", subject, s->owner))
                goto done;
            local = claims__strmap_get(&places, o.buf.data, o.buf.len, NULL);
        }
        if (s->kind == CLAIMS__SPEAKER_UNNAMED) {
            size_t len;
            const char *norm = claims__value_norm(r->pool[r->claim_value[i]], &len);
            claims__buf_clear(&o.buf);
            if (claims__buf_printf(&o.buf, "%zu\x1f%s\x1f%d\x1f", subject, c->attribute,
                                   (int)c->polarity) ||
                claims__buf_append(&o.buf, norm, len))
                goto done;
            const char *k = claims__result_intern(r, o.buf.data, o.buf.len);
            if (!k)
                goto done;
            unnamed[unnamed_count++] = (unnamed_claim){k, i, c->source};
            continue;
        }
        if (local) {
            claims__buf_clear(&o.buf);
            if (claims__buf_printf(&o.buf, "i\x1f%zu\x1f%s\x1f%s", subject, s->owner, s->kind_key))
                goto done;
            onode what = {subject, s->kind_key, s->owner};
            if (node(&o, o.buf.data, o.buf.len, what, &claim_node[i]))
                goto done;
            /* with its owner, so that two owners' are told apart */
            claim_wording[i] = s->owner[0] ? s->full : s->wording;
            continue;
        }
        bool full = s->kind == CLAIMS__SPEAKER_INSTITUTION;
        if (named_node(&o, full ? s->full_org : s->org, &claim_node[i]))
            goto done;
        claim_wording[i] = full ? s->full : s->wording;
        s->named_full |= full;
    }
    /* each distinct name once, for the joins */
    for (size_t k = 0; k < o.sp_count; k++) {
        const speaker *s = &o.sp[k];
        for (int v = 0; v < 2; v++) {
            bool take = v == 0 ? s->kind == CLAIMS__SPEAKER_NAMED : s->named_full;
            if (!take)
                continue;
            const char *org = v ? s->full_org : s->org;
            size_t nd;
            if (named_node(&o, org, &nd) ||
                claims__grow((void **)&names, &name_cap, name_count + 1, sizeof *names))
                goto done;
            names[name_count++] =
                (name_ref){nd, org, v ? s->full_who : s->who, v ? s->full : s->wording};
        }
    }
    if (join_names(&o, names, name_count) || join_institutions(&o))
        goto done;

    /* display names: per origin, its most frequent wording */
    size_t shows = 0;
    for (size_t i = 0; i < n; i++)
        if (claim_node[i] != SIZE_MAX)
            show[shows++] = (shown){root_of(o.parent, claim_node[i]), claim_wording[i]};
    qsort(show, shows, sizeof *show, cmp_shown);
    const char **display = malloc((o.node_count ? o.node_count : 1) * sizeof *display);
    if (!display)
        goto done;
    for (size_t i = 0; i < shows;) {
        size_t j = i;
        const char *best = NULL;
        size_t best_n = 0;
        while (j < shows && show[j].root == show[i].root) {
            size_t k = j;
            while (k < shows && show[k].root == show[j].root && show[k].wording == show[j].wording)
                k++;
            if (!best || better(show[j].wording, k - j, best, best_n))
                best = show[j].wording, best_n = k - j;
            j = k;
        }
        display[show[i].root] = best;
        i = j;
    }
    for (size_t i = 0; i < n; i++)
        if (claim_node[i] != SIZE_MAX)
            r->claim_origin[i] = display[root_of(o.parent, claim_node[i])];
    free(display);
    rc = name_unnamed(r, unnamed, unnamed_count);
done:
    free(claim_node);
    free(claim_wording);
    free(unnamed);
    free(show);
    free(names);
    free(o.sp);
    free(o.nodes);
    free(o.parent);
    claims_value_free(o.va);
    claims_value_free(o.vb);
    claims__strmap_free(&o.node_of);
    claims__strmap_free(&by_speaker);
    claims__strmap_free(&places);
    claims__buf_free(&o.buf);
    return rc;
}

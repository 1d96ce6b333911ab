/*
 * gazetteer.c - the gazetteer's tables: looking a folded name up (binary
 * search, no allocation), containment by walking up the parents, and the
 * builder that packs places and names into sorted tables. The builder is
 * shared by the build-time generator of the built-in table
 * (tools/gazetteer/gazetteer_gen.c) and the loader of GeoNames dumps
 * (gazetteer_load.c), so both fold names the same way.
 *
 * It uses the util layer only: the generator compiles it with util alone.
 */
#include "values/gazetteer.h"

#include <stdlib.h>
#include <string.h>

/* ---- lookup ------------------------------------------------------------------- */

/* strcmp of the pool string at off with key[0..len) (not NUL-terminated). */
static int key_cmp(const char *pool, uint32_t off, const char *key, size_t len)
{
    const char *s = pool + off;
    int c = strncmp(s, key, len);
    if (c != 0)
        return c;
    return s[len] == '\0' ? 0 : 1;
}

uint32_t claims__gaz_find(const claims__gazetteer *g, const char *key, size_t len, uint32_t *first)
{
    *first = 0;
    if (!g || g->name_count == 0)
        return 0;
    /* the first name not below key */
    uint32_t lo = 0, hi = g->name_count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (key_cmp(g->pool, g->names[mid].key, key, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == g->name_count || key_cmp(g->pool, g->names[lo].key, key, len) != 0)
        return 0;
    /* names of one key share one pool offset: the run ends where it changes */
    uint32_t k = g->names[lo].key, end = lo;
    while (end < g->name_count && g->names[end].key == k)
        end++;
    *first = lo;
    return end - lo;
}

bool claims__gaz_within(const claims__gazetteer *g, uint32_t inner, uint32_t outer)
{
    /* three levels: a city's parent is a subdivision or a country */
    for (uint32_t p = claims__gaz_parent(g, inner), steps = 0;
         p != CLAIMS__GAZ_NONE && p < g->place_count && steps < 8;
         p = claims__gaz_parent(g, p), steps++)
        if (p == outer)
            return true;
    return false;
}

/* ---- the builder ---------------------------------------------------------------- */

struct claims__gaz_pending {
    uint32_t place;
    uint32_t key; /* offset in b->text */
};

void claims__gazb_init(claims__gaz_builder *b)
{
    memset(b, 0, sizeof *b);
    claims__buf_init(&b->text);
    claims__buf_init(&b->scratch);
}

void claims__gazb_free(claims__gaz_builder *b)
{
    free(b->places);
    free(b->names);
    claims__buf_free(&b->text);
    claims__buf_free(&b->scratch);
    claims__gazb_init(b);
}

int claims__gazb_place(claims__gaz_builder *b, claims__gaz_kind kind, uint32_t parent,
                       uint32_t *out)
{
    if (b->place_count >= CLAIMS__GAZ_NONE)
        return CLAIMS_ERANGE;
    if (claims__grow((void **)&b->places, &b->place_cap, b->place_count + 1, sizeof *b->places) !=
        CLAIMS_OK)
        return CLAIMS_ENOMEM;
    /* name UINT32_MAX: no name yet (the first one added becomes primary) */
    b->places[b->place_count] = (claims__gaz_place){UINT32_MAX, parent << 2 | (uint32_t)kind};
    *out = (uint32_t)b->place_count++;
    return CLAIMS_OK;
}

int claims__gazb_fold(claims_buf *out, const char *s, size_t len)
{
    /* a part of a place key: the place fold without the comma separators
     * (a name is one part) */
    return claims__fold(out, s, len, CLAIMS__FOLD_PUNCT | CLAIMS__FOLD_ARTICLE);
}

int claims__gazb_name(claims__gaz_builder *b, uint32_t place, const char *s, size_t len)
{
    int rc = claims__gazb_fold(&b->scratch, s, len);
    if (rc != CLAIMS_OK || b->scratch.len == 0)
        return rc;
    if (b->text.len + b->scratch.len + 1 > UINT32_MAX)
        return CLAIMS_ERANGE;
    if (claims__grow((void **)&b->names, &b->name_cap, b->name_count + 1, sizeof *b->names) !=
        CLAIMS_OK)
        return CLAIMS_ENOMEM;
    uint32_t off = (uint32_t)b->text.len;
    if (claims__buf_append(&b->text, b->scratch.data, b->scratch.len + 1) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    b->names[b->name_count++] = (struct claims__gaz_pending){place, off};
    if (b->places[place].name == UINT32_MAX)
        b->places[place].name = off; /* remapped by finish */
    return CLAIMS_OK;
}

/* qsort has no context argument: the text travels in the array */
typedef struct sort_item {
    const char *key;
    uint32_t place, old;
} sort_item;

static int item_cmp(const void *x, const void *y)
{
    const sort_item *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    if (c != 0)
        return c;
    return a->place < b->place ? -1 : a->place > b->place;
}

static int old_cmp(const void *x, const void *y)
{
    const uint32_t *a = x, *b = y;
    return *a < *b ? -1 : *a > *b;
}

int claims__gazb_finish(claims__gaz_builder *b, claims__gaz_owned *out)
{
    memset(out, 0, sizeof *out);
    size_t n = b->name_count;
    sort_item *items = malloc((n ? n : 1) * sizeof *items);
    /* old text offset -> new pool offset, as (old, new) pairs sorted by old */
    uint32_t(*remap)[2] = malloc((n ? n : 1) * sizeof *remap);
    char *pool = malloc(b->text.len + 1);
    claims__gaz_name *names = malloc((n ? n : 1) * sizeof *names);
    if (!items || !remap || !pool || !names) {
        free(items);
        free(remap);
        free(pool);
        free(names);
        return CLAIMS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        items[i] = (sort_item){b->text.data + b->names[i].key, b->names[i].place, b->names[i].key};
    qsort(items, n, sizeof *items, item_cmp);
    size_t pool_len = 0, kept = 0;
    for (size_t i = 0; i < n; i++) {
        bool same_key = i > 0 && strcmp(items[i].key, items[i - 1].key) == 0;
        if (!same_key) {
            size_t len = strlen(items[i].key) + 1;
            memcpy(pool + pool_len, items[i].key, len);
            pool_len += len;
        }
        uint32_t at = (uint32_t)(pool_len - strlen(items[i].key) - 1);
        remap[i][0] = items[i].old;
        remap[i][1] = at;
        if (same_key && items[i].place == items[i - 1].place)
            continue; /* one place named twice alike */
        names[kept++] = (claims__gaz_name){at, items[i].place};
    }
    qsort(remap, n, sizeof *remap, old_cmp);
    for (size_t p = 0; p < b->place_count; p++) {
        uint32_t old = b->places[p].name;
        if (old == UINT32_MAX) { /* a place without a name: the empty key */
            b->places[p].name = (uint32_t)pool_len;
            continue;
        }
        size_t lo = 0, hi = n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (remap[mid][0] < old)
                lo = mid + 1;
            else
                hi = mid;
        }
        b->places[p].name = remap[lo][1];
    }
    pool[pool_len] = '\0'; /* the empty name, after the last */
    free(items);
    free(remap);
    out->pool = pool;
    out->pool_len = pool_len + 1;
    out->names = names;
    out->places = b->places;
    out->g =
        (claims__gazetteer){pool, out->places, names, (uint32_t)b->place_count, (uint32_t)kept};
    b->places = NULL;
    b->place_count = b->place_cap = 0;
    claims__gazb_free(b);
    return CLAIMS_OK;
}

void claims__gaz_owned_free(claims__gaz_owned *o)
{
    if (!o)
        return;
    free(o->pool);
    free(o->places);
    free(o->names);
    memset(o, 0, sizeof *o);
}

/* ---- what the value layer asks --------------------------------------------------- */

bool claims__gaz_has_name(const claims__gazetteer *g, uint32_t place, const char *key, size_t len)
{
    uint32_t first, n = claims__gaz_find(g, key, len, &first);
    for (uint32_t i = first; i < first + n; i++)
        if (g->names[i].place == place)
            return true;
    return false;
}

const char *claims__gaz_country_name(const claims__gazetteer *g, const char *key, size_t len)
{
    uint32_t first, n = claims__gaz_find(g, key, len, &first);
    for (uint32_t i = first; i < first + n; i++)
        if (claims__gaz_kind_of(g, g->names[i].place) == CLAIMS__GAZ_COUNTRY)
            return g->pool + g->places[g->names[i].place].name;
    return NULL;
}

int claims__gaz_names_within(const claims__gazetteer *g, const char *inner, size_t ilen,
                             const char *outer, size_t olen)
{
    uint32_t fi, fo, ni = claims__gaz_find(g, inner, ilen, &fi),
                     no = claims__gaz_find(g, outer, olen, &fo);
    if (ni == 0 || no == 0)
        return -1;
    for (uint32_t i = fi; i < fi + ni; i++)
        for (uint32_t o = fo; o < fo + no; o++)
            if (claims__gaz_within(g, g->names[i].place, g->names[o].place))
                return 1;
    return 0;
}

/* intern.c - arena allocation, string interning and string maps. The store
 * keeps every string once: sources, attributes and attributions repeat a
 * great deal across claims. */
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* ---- arena ------------------------------------------------------------------ */

struct claims_arena_block {
    struct claims_arena_block *next;
    size_t used, cap;
    max_align_t data[]; /* aligned storage */
};

#define ARENA_BLOCK (256u * 1024u)

void claims__arena_init(claims_arena *a) { a->head = NULL; }

void claims__arena_free(claims_arena *a)
{
    struct claims_arena_block *b = a->head;
    while (b) {
        struct claims_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

void *claims__arena_alloc(claims_arena *a, size_t n)
{
    n = (n + 7u) & ~(size_t)7u;
    struct claims_arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->used = 0;
        b->cap = cap;
        if (a->head && cap == n) {
            /* an oversized block goes behind the head so the head keeps
             * serving small allocations */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

char *claims__arena_strdup(claims_arena *a, const char *s, size_t n)
{
    char *p = claims__arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

int claims__grow_to(void **array, size_t *cap, size_t need, size_t elem)
{
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem)
            return CLAIMS_ENOMEM;
        n *= 2;
    }
    void *p = realloc(*array, n * elem);
    if (!p)
        return CLAIMS_ENOMEM;
    *array = p;
    *cap = n;
    return CLAIMS_OK;
}

/* ---- string map --------------------------------------------------------------- */

uint64_t claims__hash(const char *s, size_t n)
{
    /* FNV-1a, 64 bit: simple, no seed needed for data we are handed. */
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

uint64_t claims__hash_words(const char *s, size_t n)
{
    uint64_t h = CLAIMS__HASH_SEED;
    size_t i = 0;
    for (; n - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = claims__hash_step(h, w);
    }
    uint64_t w = 0;
    memcpy(&w, s + i, n - i);
    return claims__hash_finish(h, w, n);
}

void claims__strmap_init(claims_strmap *m)
{
    m->slots = NULL;
    m->cap = 0;
    m->count = 0;
}

void claims__strmap_free(claims_strmap *m)
{
    free(m->slots);
    claims__strmap_init(m);
}

void claims__strmap_clear(claims_strmap *m)
{
    if (m->slots)
        memset(m->slots, 0, m->cap * sizeof *m->slots);
    m->count = 0;
}

static struct claims_strmap_slot *find_slot(struct claims_strmap_slot *slots, size_t cap,
                                            const char *key, size_t n, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    for (;;) {
        struct claims_strmap_slot *s = &slots[i];
        if (!s->key || (s->hash == h && s->len == n && memcmp(s->key, key, n) == 0))
            return s;
        i = (i + 1) & (cap - 1);
    }
}

static int rehash(claims_strmap *m);

bool claims__strmap_get(const claims_strmap *m, const char *key, size_t n, size_t *value)
{
    return claims__strmap_get_hashed(m, key, n, claims__hash(key, n), value);
}

bool claims__strmap_get_hashed(const claims_strmap *m, const char *key, size_t n, uint64_t h,
                               size_t *value)
{
    if (!m->cap)
        return false;
    struct claims_strmap_slot *s = find_slot(m->slots, m->cap, key, n, h);
    if (!s->key)
        return false;
    if (value)
        *value = s->value;
    return true;
}

int claims__strmap_add_hashed(claims_strmap *m, const char *key, size_t n, uint64_t h,
                              size_t *value)
{
    if ((m->count + 1) * 4 > m->cap * 3 && rehash(m) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    struct claims_strmap_slot *s = find_slot(m->slots, m->cap, key, n, h);
    if (s->key) {
        *value = s->value;
        return 1;
    }
    s->key = key;
    s->len = n;
    s->hash = h;
    s->value = *value;
    m->count++;
    return 0;
}

static int rehash(claims_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    struct claims_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return CLAIMS_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        struct claims_strmap_slot *old = &m->slots[i];
        if (old->key)
            *find_slot(slots, cap, old->key, old->len, old->hash) = *old;
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return CLAIMS_OK;
}

int claims__strmap_put(claims_strmap *m, const char *key, size_t n, size_t value)
{
    return claims__strmap_put_hashed(m, key, n, claims__hash(key, n), value);
}

int claims__strmap_put_hashed(claims_strmap *m, const char *key, size_t n, uint64_t h, size_t value)
{
    if ((m->count + 1) * 4 > m->cap * 3 && rehash(m) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    struct claims_strmap_slot *s = find_slot(m->slots, m->cap, key, n, h);
    if (!s->key) {
        s->key = key;
        s->len = n;
        s->hash = h;
        m->count++;
    }
    s->value = value;
    return CLAIMS_OK;
}

/* ---- integer map ------------------------------------------------------------- */

void claims__u64map_init(claims_u64map *m)
{
    m->keys = NULL;
    m->values = NULL;
    m->cap = m->count = 0;
}

void claims__u64map_free(claims_u64map *m)
{
    free(m->keys);
    free(m->values);
    claims__u64map_init(m);
}

static size_t mix64(uint64_t k)
{
    /* a 64-bit finalizer (splitmix64): spreads pairs of small integers */
    k ^= k >> 30;
    k *= 0xbf58476d1ce4e5b9ULL;
    k ^= k >> 27;
    k *= 0x94d049bb133111ebULL;
    k ^= k >> 31;
    return (size_t)k;
}

bool claims__u64map_get(const claims_u64map *m, uint64_t key, uint64_t *value)
{
    if (!m->cap)
        return false;
    for (size_t i = mix64(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] == key) {
            if (value)
                *value = m->values[i];
            return true;
        }
        if (m->keys[i] == UINT64_MAX)
            return false;
    }
}

int claims__u64map_put(claims_u64map *m, uint64_t key, uint64_t value)
{
    if ((m->count + 1) * 4 > m->cap * 3) {
        size_t cap = m->cap ? m->cap * 2 : 1024;
        uint64_t *keys = malloc(cap * sizeof *keys), *values = malloc(cap * sizeof *values);
        if (!keys || !values) {
            free(keys);
            free(values);
            return CLAIMS_ENOMEM;
        }
        memset(keys, 0xff, cap * sizeof *keys);
        for (size_t i = 0; i < m->cap; i++) {
            if (m->keys[i] == UINT64_MAX)
                continue;
            size_t j = mix64(m->keys[i]) & (cap - 1);
            while (keys[j] != UINT64_MAX)
                j = (j + 1) & (cap - 1);
            keys[j] = m->keys[i];
            values[j] = m->values[i];
        }
        free(m->keys);
        free(m->values);
        m->keys = keys;
        m->values = values;
        m->cap = cap;
    }
    size_t i = mix64(key) & (m->cap - 1);
    while (m->keys[i] != UINT64_MAX && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    if (m->keys[i] == UINT64_MAX)
        m->count++;
    m->keys[i] = key;
    m->values[i] = value;
    return CLAIMS_OK;
}

/* ---- interning -------------------------------------------------------------- */

void claims__interner_init(claims_interner *in, claims_arena *arena)
{
    in->arena = arena;
    claims__strmap_init(&in->map);
}

void claims__interner_free(claims_interner *in) { claims__strmap_free(&in->map); }

/* The interner hashes with claims__hash_words: its values are never shown,
 * and a loader can hash on its worker threads (claims__intern_hashed). */
const char *claims__intern(claims_interner *in, const char *s, size_t n)
{
    return claims__intern_hashed(in, s, n, claims__hash_words(s, n));
}

const char *claims__intern_find(const claims_interner *in, const char *s, size_t n, uint64_t h)
{
    if (n == 0)
        return "";
    const claims_strmap *m = &in->map;
    if (!m->cap)
        return NULL;
    return find_slot(m->slots, m->cap, s, n, h)->key;
}

/* The key of m equal to s[0..n) (hash h), added as a copy in `arena` when
 * there is none; NULL on ENOMEM. */
static const char *find_or_copy(claims_strmap *m, claims_arena *arena, const char *s, size_t n,
                                uint64_t h)
{
    if ((m->count + 1) * 4 > m->cap * 3 && rehash(m) != CLAIMS_OK)
        return NULL;
    struct claims_strmap_slot *slot = find_slot(m->slots, m->cap, s, n, h);
    if (slot->key)
        return slot->key;
    char *copy = claims__arena_strdup(arena, s, n);
    if (!copy)
        return NULL;
    slot->key = copy;
    slot->len = n;
    slot->hash = h;
    slot->value = 0;
    m->count++;
    return copy;
}

const char *claims__intern_hashed(claims_interner *in, const char *s, size_t n, uint64_t h)
{
    return n ? find_or_copy(&in->map, in->arena, s, n, h) : "";
}

const char *claims__intern_deferred(claims_interner *in, claims_strmap *pending, const char *s,
                                    size_t n, uint64_t h)
{
    const char *found = claims__intern_find(in, s, n, h);
    return found ? found : find_or_copy(pending, in->arena, s, n, h);
}

int claims__intern_commit(claims_interner *in, claims_strmap *pending)
{
    if (!pending->count)
        return CLAIMS_OK;
    for (size_t i = 0; i < pending->cap; i++) {
        const struct claims_strmap_slot *p = &pending->slots[i];
        if (!p->key)
            continue;
        claims_strmap *m = &in->map;
        if ((m->count + 1) * 4 > m->cap * 3 && rehash(m) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
        struct claims_strmap_slot *slot = find_slot(m->slots, m->cap, p->key, p->len, p->hash);
        if (!slot->key) {
            *slot = *p;
            m->count++;
        }
    }
    /* a map grown for a burst of new strings (the first of a load) shrinks
     * back, or every later commit would walk all of it */
    if (pending->count * 16 < pending->cap)
        claims__strmap_free(pending);
    else
        claims__strmap_clear(pending);
    return CLAIMS_OK;
}

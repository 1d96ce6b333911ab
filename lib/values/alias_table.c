/*
 * alias_table.c - the alias tables of a context: canonical names keyed by
 * slot (a value type, or all types) and folded alias. Entries are kept in
 * one array, indexed by a string map (intern.c) over the slot and the key,
 * so a lookup is one probe per table. The keys are made by the loader
 * (aliases.c) and the normalizers that look them up (person.c, entity.c).
 */
#include "values/values_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct alias_entry {
    char *key; /* the slot as one byte, then the folded alias */
    size_t key_len;
    char *canonical;
} alias_entry;

struct claims_aliases {
    alias_entry *entries;
    size_t count, cap;
    claims_strmap index; /* key -> entry */
};

int claims__aliases_new(struct claims_aliases **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return CLAIMS_ENOMEM;
    claims__strmap_init(&(*out)->index);
    return CLAIMS_OK;
}

/* The map key of an alias: its slot as one byte, then the folded key. A
 * small key is built in `small`, a longer one in a new *heap. */
static const char *map_key(int slot, const char *key, size_t len, char *small, size_t cap,
                           char **heap)
{
    char *k = small;
    *heap = NULL;
    if (len + 1 > cap && (k = *heap = malloc(len + 1)) == NULL)
        return NULL;
    k[0] = (char)('A' + slot);
    memcpy(k + 1, key, len);
    return k;
}

static const alias_entry *find_entry(const struct claims_aliases *a, int slot, const char *key,
                                     size_t len)
{
    char small[256], *heap;
    const char *k = a ? map_key(slot, key, len, small, sizeof small, &heap) : NULL;
    size_t e;
    bool found = k && claims__strmap_get(&a->index, k, len + 1, &e);
    if (a)
        free(heap);
    return found ? &a->entries[e] : NULL;
}

const char *claims__aliases_lookup(const struct claims_aliases *a, int slot, const char *key,
                                   size_t len)
{
    const alias_entry *e = find_entry(a, slot, key, len);
    return e ? e->canonical : NULL;
}

size_t claims__aliases_count(const struct claims_aliases *a) { return a->count; }

const char *claims__aliases_find(const claims_ctx *ctx, int slot, const char *key, size_t len)
{
    const alias_entry *e = ctx ? find_entry(ctx->aliases, slot, key, len) : NULL;
    return e ? e->canonical : NULL;
}

/* Removes the entries from `count` on (the rollback of a failed load). The
 * index keeps its size, so putting the others back cannot fail. */
void claims__aliases_truncate(struct claims_aliases *a, size_t count)
{
    if (count >= a->count)
        return;
    for (size_t e = count; e < a->count; e++) {
        free(a->entries[e].key);
        free(a->entries[e].canonical);
    }
    a->count = count;
    claims__strmap_clear(&a->index);
    for (size_t e = 0; e < a->count; e++)
        claims__strmap_put(&a->index, a->entries[e].key, a->entries[e].key_len, e);
}

int claims__aliases_push(struct claims_aliases *a, int slot, const claims_buf *key,
                         const claims_buf *canonical)
{
    if (claims__grow((void **)&a->entries, &a->cap, a->count + 1, sizeof *a->entries) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    alias_entry *x = &a->entries[a->count];
    char *heap;
    x->key_len = key->len + 1;
    x->key = malloc(x->key_len);
    x->canonical = malloc(canonical->len + 1);
    if (!x->key || !x->canonical ||
        !map_key(slot, key->data, key->len, x->key, x->key_len, &heap) ||
        claims__strmap_put(&a->index, x->key, x->key_len, a->count) != CLAIMS_OK) {
        free(x->key);
        free(x->canonical);
        return CLAIMS_ENOMEM;
    }
    memcpy(x->canonical, canonical->data, canonical->len + 1);
    a->count++;
    return CLAIMS_OK;
}

void claims__aliases_free(struct claims_aliases *a)
{
    if (!a)
        return;
    claims__aliases_truncate(a, 0);
    claims__strmap_free(&a->index);
    free(a->entries);
    free(a);
}

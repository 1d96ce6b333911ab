/*
 * values/gazetteer.h - the gazetteer's tables (gazetteer.c), shared by the
 * value layer, the built-in table generated at build time
 * (tools/gazetteer/gazetteer_gen.c writes gazetteer_data.c) and the loader
 * of GeoNames dumps (gazetteer_load.c).
 *
 * A gazetteer is immutable once built: places (countries, first-level
 * subdivisions, cities), each with the place that contains it, and a table
 * of folded names sorted by strcmp, each naming one place. A name may name
 * several places ("paris": a city in France, several in the United States);
 * a place may have several names ("united states", "usa", "us").
 */
#ifndef CLAIMS_VALUES_GAZETTEER_H
#define CLAIMS_VALUES_GAZETTEER_H

#include "util/util.h"

#define CLAIMS__GAZ_NONE 0x3FFFFFFFu /* no parent: a country */

typedef enum claims__gaz_kind {
    CLAIMS__GAZ_COUNTRY = 0,
    CLAIMS__GAZ_SUBDIVISION = 1,
    CLAIMS__GAZ_CITY = 2
} claims__gaz_kind;

/** A place: its primary name (offset in the pool) and, packed, its parent's
 *  index (CLAIMS__GAZ_NONE for a country) and its kind: up = parent << 2 |
 *  kind. */
typedef struct claims__gaz_place {
    uint32_t name, up;
} claims__gaz_place;

/** One name of one place: key is an offset in the pool. */
typedef struct claims__gaz_name {
    uint32_t key, place;
} claims__gaz_name;

typedef struct claims__gazetteer {
    const char *pool; /* NUL-terminated folded names */
    const claims__gaz_place *places;
    const claims__gaz_name *names; /* sorted by (strcmp of key, place) */
    uint32_t place_count, name_count;
} claims__gazetteer;

/** The built-in table (generated at build time from ISO 3166 and GeoNames). */
extern const claims__gazetteer claims__gazetteer_builtin;

static inline uint32_t claims__gaz_parent(const claims__gazetteer *g, uint32_t p)
{
    return g->places[p].up >> 2;
}

static inline claims__gaz_kind claims__gaz_kind_of(const claims__gazetteer *g, uint32_t p)
{
    return (claims__gaz_kind)(g->places[p].up & 3u);
}

/** The names equal to key[0..len): *first receives the index of the first
 *  in g->names; returns their count (0 when none). No allocation. */
uint32_t claims__gaz_find(const claims__gazetteer *g, const char *key, size_t len, uint32_t *first);
/** True when place `inner` lies inside place `outer` (strictly). */
bool claims__gaz_within(const claims__gazetteer *g, uint32_t inner, uint32_t outer);

/** True when `place` has the name key[0..len). */
bool claims__gaz_has_name(const claims__gazetteer *g, uint32_t place, const char *key, size_t len);
/** The primary name of the country named key[0..len), or NULL. */
const char *claims__gaz_country_name(const claims__gazetteer *g, const char *key, size_t len);
/** 1 when a place named inner lies in a place named outer, 0 when both
 *  names are known and none does, -1 when either name is unknown. */
int claims__gaz_names_within(const claims__gazetteer *g, const char *inner, size_t ilen,
                             const char *outer, size_t olen);

/* ---- building a gazetteer (the generator and the dump loader) ------------- */

typedef struct claims__gaz_builder {
    claims__gaz_place *places;
    size_t place_count, place_cap;
    struct claims__gaz_pending *names; /* (place, key offset in text) */
    size_t name_count, name_cap;
    claims_buf text; /* the folded names, NUL-separated */
    claims_buf scratch;
} claims__gaz_builder;

void claims__gazb_init(claims__gaz_builder *b);
void claims__gazb_free(claims__gaz_builder *b);
/** Adds a place of `kind` inside `parent` (CLAIMS__GAZ_NONE for a country);
 *  *out receives its index. CLAIMS_OK, CLAIMS_ENOMEM, CLAIMS_ERANGE. */
int claims__gazb_place(claims__gaz_builder *b, claims__gaz_kind kind, uint32_t parent,
                       uint32_t *out);
/** Adds a name (valid UTF-8) to a place, folded as place names are; the
 *  first name of a place is its primary name. A name that folds to nothing
 *  is skipped. CLAIMS_OK, CLAIMS_ENOMEM, CLAIMS_ENCODING. */
int claims__gazb_name(claims__gaz_builder *b, uint32_t place, const char *s, size_t len);
/** The folded form of s as claims__gazb_name() stores it, into out. */
int claims__gazb_fold(claims_buf *out, const char *s, size_t len);

/** A built table that owns its arrays (claims__gazb_finish). */
typedef struct claims__gaz_owned {
    claims__gazetteer g;
    char *pool;
    size_t pool_len;
    claims__gaz_place *places;
    claims__gaz_name *names;
} claims__gaz_owned;

/** Sorts and packs the builder's content into *out (new arrays; the
 *  builder is left empty). CLAIMS_OK or CLAIMS_ENOMEM. */
int claims__gazb_finish(claims__gaz_builder *b, claims__gaz_owned *out);
void claims__gaz_owned_free(claims__gaz_owned *o);

#endif /* CLAIMS_VALUES_GAZETTEER_H */

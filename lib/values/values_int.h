/*
 * values/values_int.h - the insides of the value layer, shared by its files
 * only: the context's layout, the normalizers' parse and compare functions,
 * the name keys the alias tables share with person.c and entity.c, and the
 * comparison helpers. The number grammar (number_grammar.h) and the calendar
 * (calendar.h) have headers of their own.
 */
#ifndef CLAIMS_VALUES_INT_H
#define CLAIMS_VALUES_INT_H

#include "values/gazetteer.h"
#include "values/values.h"

/* ---- the value's layout -------------------------------------------------- */

struct claims_value {
    claims_type type;
    bool none; /* recognized "no value" marker */
    claims_modifier mod;
    double amount;       /* NUMBER: value; DURATION: seconds */
    double lower, upper; /* NAN when the text gives no bound */
    int64_t begin, end;  /* DATE/TIME: [begin, end) wall-clock seconds */
    claims_precision precision;
    bool has_tz;     /* TIME: an explicit zone was written */
    int tz_minutes;  /* offset east of UTC when has_tz */
    claims_buf text; /* as given */
    claims_buf norm; /* canonical string */
    /* The type's parsed form, kept so that comparisons need not parse the
     * canonical string again; NULL when the type keeps none. */
    void *detail;
    void (*detail_free)(void *detail);
    /* NUMBER/DURATION: CLAIMS__OPEN_* bits saying which of lower/upper is
     * exclusive ("more than 5" excludes 5); always written by their parse. */
    unsigned char bounds_open;
};

/* ---- the context (ctx.c) ----------------------------------------------------- */

struct claims_aliases;   /* alias_table.c */
struct claims_nicknames; /* name_words.c */
struct claims__gaz_user; /* gazetteer_load.c */

struct claims_ctx {
    struct claims_aliases *aliases;
    claims_arena arena;  /* schema names */
    claims__attr *attrs; /* the schema */
    size_t attr_count, attr_cap;
    claims_strmap attr_index;           /* name -> index in attrs */
    struct claims_nicknames *nicknames; /* loaded nickname pairs; NULL before a load */
    double match_threshold;             /* 0: the default (claims__match_threshold) */
    /* the gazetteer places are looked up in: the built-in table, the one
     * loaded from GeoNames dumps (gaz_user's), or NULL for none */
    const claims__gazetteer *gazetteer;
    struct claims__gaz_user *gaz_user;
    /* containment learned from the place values of a run (places.c); NULL
     * in the contexts users make, set only in a run's view of one */
    const struct claims__places *learned;
    /* a run's view: its members belong to the context it copies */
    bool view;
};

/** The gazetteer of ctx (the built-in one for a NULL ctx), or NULL. */
const claims__gazetteer *claims__ctx_gazetteer(const claims_ctx *ctx);
void claims__gaz_user_free(struct claims__gaz_user *u);

/* ---- places: containment from the gazetteer and the documents (places.c) --- */

/** Relates two place canonical strings that their written parts do not
 *  relate, through the gazetteer and the learned containment of ctx: EQUAL
 *  when both name one listed place, COMPATIBLE when one contains the
 *  other; returns false (out untouched) when neither holds. */
bool claims__places_relate(claims_comparison *out, const claims_ctx *ctx, const char *ka,
                           const char *kb);

/** Installs the built-in schema into a new context. */
int claims__schema_init(claims_ctx *ctx);
void claims__schema_free(claims_ctx *ctx);
/* Every normalizer provides a parse and a compare with these shapes. The
 * parse receives validated UTF-8 (no NUL, len <= CLAIMS__VALUE_MAX_LENGTH)
 * and a value already reset to its type with `text` filled; `opts` is never
 * NULL. On failure it returns a negative code and fills err (the caller
 * resets the value). The compare fills out->relation, score and reason. */
typedef int (*claims__parse_fn)(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                                const claims_parse_options *opts, claims_error *err);
typedef void (*claims__compare_fn)(claims_comparison *out, const claims_ctx *ctx,
                                   const claims_value *a, const claims_value *b);

/* number.c */
int claims__number_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err);
void claims__number_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                            const claims_value *b);
/* duration.c */
int claims__duration_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                           const claims_parse_options *opts, claims_error *err);
/* NUMBER and DURATION share the interval comparison in number.c */
/* date.c */
int claims__date_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                       const claims_parse_options *opts, claims_error *err);
void claims__date_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                          const claims_value *b);
/* clock.c (TIME values) */
int claims__time_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                       const claims_parse_options *opts, claims_error *err);
/* DATE and TIME share the interval comparison in date.c */
/* person.c */
int claims__person_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err);
void claims__person_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                            const claims_value *b);
int claims__persons_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                          const claims_parse_options *opts, claims_error *err);
void claims__persons_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                             const claims_value *b);
/* entity.c: TEXT, PLACE, ORGANIZATION, TOPIC, OCCASION (folded keys,
 * aliases, containment, acronyms) */
int claims__entity_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err);
void claims__entity_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                            const claims_value *b);

/** Formats out->reason; a cut never leaves half a UTF-8 sequence. */
void claims__reason(claims_comparison *out, const char *fmt, ...) CLAIMS__PRINTF(2, 3);

/** Fills out as EQUAL (score 1) for two values with the same canonical
 *  string: "same <noun>: x", or "a and b both read as x" when their texts,
 *  folded with `flags`, differ. */
void claims__fold_equal(claims_comparison *out, const claims_value *a, const claims_value *b,
                        unsigned flags, const char *noun);

/* ---- name keys shared with the alias tables (person.c, entity.c) ------------ */

/** Canonical person name of s (no alias lookup): "sergey lavrov". ESYNTAX
 *  (err filled) when s is not a name. */
int claims__person_key(claims_buf *out, const char *s, size_t len, claims_error *err);
/** Alias-table key of s for an entity type (TEXT, PLACE, ORGANIZATION,
 *  TOPIC, OCCASION), or with `type` == CLAIMS__ALIAS_ALL the key for the
 *  all-types table; ESYNTAX when nothing is left. */
int claims__entity_key(claims_buf *out, int type, const char *s, size_t len, claims_error *err);
/** Country for a demonym ("syrian" -> "syria"), NULL when w is not one. */
const char *claims__entity_demonym(claims_str w);

/* ---- the words of person names (name_words.c) ------------------------------ */

/** The canonical spelling of a folded name word in its transliteration
 *  class (sergei -> sergey), or with Russian -iy, -yy, -ii written -y
 *  (mutable_text, when given, is w's own bytes and may be changed). */
claims_str claims__name_word_spelling(claims_str w, char *mutable_text);
/** Words shorter than this (in code points) are never spelling variants. */
#define CLAIMS__VARIANT_MIN_LETTERS 6
/** Edits a spelling variant of a word of `letters` code points may have:
 *  0 below CLAIMS__VARIANT_MIN_LETTERS, 1 up to 9, 2 from 10. */
size_t claims__name_variant_edits(size_t letters);
/** The spelling skeleton of a folded word into out (NUL-terminated, cut
 *  at cap): a doubled letter once, an h after a consonant and a g between
 *  n and a consonant dropped. Returns its full length. */
size_t claims__name_skeleton(char *out, size_t cap, claims_str w);
/** True when a and b differ but are one name spelt two ways: the same
 *  skeleton, and at most claims__name_variant_edits() of the shorter
 *  edits apart (jinping / jingping, oskarsson / oskarson). */
bool claims__name_spelling_variant(claims_str a, claims_str b);

typedef struct claims__nickname_pair {
    const char *nick, *full;
} claims__nickname_pair;
/** The built-in nickname pairs, sorted by nickname then full name. */
const claims__nickname_pair *claims__nicknames_builtin(size_t *count);
typedef enum claims__nickname_rel {
    CLAIMS__NICK_NONE = 0,
    CLAIMS__NICK_OF_B,  /* a is a nickname of b */
    CLAIMS__NICK_OF_A,  /* b is a nickname of a */
    CLAIMS__NICK_SHARED /* both are nicknames of one name (bill, will) */
} claims__nickname_rel;
/** How two different given names (canonical spellings) relate through the
 *  built-in nicknames and those loaded into ctx (may be NULL). */
claims__nickname_rel claims__nickname_match(const claims_ctx *ctx, claims_str a, claims_str b);
/** Pairs loaded into ctx (0 for NULL). */
size_t claims__nicknames_count(const claims_ctx *ctx);
void claims__nicknames_free(struct claims_nicknames *t);

/* ---- alias tables (alias_table.c; keys and loading: aliases.c) ------------- */

/* Slot of the all-types table ("*" in JSON); slots below it are types. */
#define CLAIMS__ALIAS_ALL CLAIMS_TYPE_COUNT

int claims__aliases_new(struct claims_aliases **out);
void claims__aliases_free(struct claims_aliases *a);
/** Entries of the table. */
size_t claims__aliases_count(const struct claims_aliases *a);
/** Removes the entries from `count` on (the rollback of a failed load). */
void claims__aliases_truncate(struct claims_aliases *a, size_t count);
/** Adds key -> canonical to a slot (the key is not there yet). */
int claims__aliases_push(struct claims_aliases *a, int slot, const claims_buf *key,
                         const claims_buf *canonical);
/** The canonical text of key[0..len) in a slot of table a, or NULL. */
const char *claims__aliases_lookup(const struct claims_aliases *a, int slot, const char *key,
                                   size_t len);
/** Canonical text for the alias key key[0..len) in a slot, or NULL. The
 *  canonical text is folded (PUNCT | COMMAS | ARTICLE) for entity slots and
 *  the all-types slot, and a canonical person name for the person slot.
 *  ctx may be NULL. */
const char *claims__aliases_find(const claims_ctx *ctx, int slot, const char *key, size_t len);

/* ---- schema and alias-table JSON (config_json.c) ---------------------------- */

struct json_t; /* jansson's, which only the loaders include */

/** The error source of a load: `name` clipped to fit, "<buffer>" when
 *  absent. out has CLAIMS_ERROR_SOURCE_LENGTH bytes. */
void claims__config_source(char *out, claims_str name);
/** Parses json[0..len) with jansson into *out (new reference), duplicate
 *  keys and \u0000 rejected. Returns CLAIMS_OK, or CLAIMS_ESYNTAX
 *  (CLAIMS_ENOMEM) with jansson's line and column and "malformed JSON: " +
 *  jansson's message in err. */
int claims__config_parse(struct json_t **out, const char *json, size_t len, const char *source,
                         claims_error *err);
/** Fills err (first error wins) for the member at path[0..depth) of a
 *  well-formed document: text "POINTER: message", the JSON Pointer of the
 *  path (RFC 6901; "" for the whole document), line and column 0 (jansson
 *  keeps no positions). Returns code. */
int claims__config_error(claims_error *err, int code, const char *source, const char *const *path,
                         size_t depth, const char *fmt, ...) CLAIMS__PRINTF(6, 7);

#endif /* CLAIMS_VALUES_INT_H */

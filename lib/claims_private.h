/*
 * claims_private.h - declarations shared between lib/ files; never installed.
 * Internal cross-file functions are named claims__* and are not exported.
 */
#ifndef CLAIMS_PRIVATE_H
#define CLAIMS_PRIVATE_H

#include "claims.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define CLAIMS__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLAIMS__PRINTF(f, a)
#endif

/* ---- errors (error.c) ------------------------------------------------------ */

/** Resets err to "no error" (code CLAIMS_OK, positions unknown). */
void claims__error_clear(claims_error *err);
/** Fills err (may be NULL) unless it already holds an error: the first error
 *  of a call wins. `source` may be NULL. Returns `code`. */
int claims__error_set(claims_error *err, int code, const char *source,
                      int line, int column, long document, long claim,
                      const char *fmt, ...) CLAIMS__PRINTF(8, 9);
/** As claims__error_set() with no position: for value parsing. */
int claims__error_simple(claims_error *err, int code, const char *fmt, ...)
    CLAIMS__PRINTF(3, 4);

/* ---- growable byte buffer (buf.c) ------------------------------------------ */

typedef struct claims_buf {
    char *data; /* always NUL-terminated once anything was written */
    size_t len;
    size_t cap;
} claims_buf;

void claims__buf_init(claims_buf *b);
void claims__buf_free(claims_buf *b);
void claims__buf_clear(claims_buf *b); /* len = 0, keeps memory */
int claims__buf_reserve(claims_buf *b, size_t extra);
int claims__buf_append(claims_buf *b, const char *s, size_t n);
int claims__buf_putc(claims_buf *b, char c);
int claims__buf_printf(claims_buf *b, const char *fmt, ...)
    CLAIMS__PRINTF(2, 3);
/** Reads a whole stream; CLAIMS_EIO on a read error. */
int claims__buf_read_stream(claims_buf *b, FILE *f);

/* ---- UTF-8 (utf8.c) --------------------------------------------------------- */

/** CLAIMS_OK when s[0..len) is valid UTF-8 without NUL bytes; otherwise
 *  CLAIMS_ENCODING and *bad (may be NULL) is the byte offset of the fault. */
int claims__utf8_check(const char *s, size_t len, size_t *bad);
/** Number of code points in valid UTF-8 s[0..len). */
size_t claims__utf8_length(const char *s, size_t len);
/** Decodes the code point at s[*i], advances *i; returns -1 on bad input. */
int32_t claims__utf8_next(const char *s, size_t len, size_t *i);
/** Appends code point c as UTF-8. */
int claims__buf_put_codepoint(claims_buf *b, int32_t c);

/* ---- JSON reader (json_reader.c) --------------------------------------------- */

/* Deepest nesting the reader accepts (jansson's limit). */
#define CLAIMS__JSON_MAX_DEPTH 2048

enum {
    CLAIMS__JSON_ERROR = -1, /* the reader's `error` says what and where */
    CLAIMS__JSON_END = 0,    /* the value is complete, only white space followed */
    CLAIMS__JSON_OBJECT,
    CLAIMS__JSON_OBJECT_END,
    CLAIMS__JSON_ARRAY,
    CLAIMS__JSON_ARRAY_END,
    CLAIMS__JSON_KEY,
    CLAIMS__JSON_STRING,
    CLAIMS__JSON_NUMBER,
    CLAIMS__JSON_TRUE,
    CLAIMS__JSON_FALSE,
    CLAIMS__JSON_NULL
};

/** A place in the text: byte offset, 1-based line and column (characters). */
typedef struct claims__json_pos {
    size_t off;
    int line, column;
} claims__json_pos;

typedef struct claims__json_token {
    int kind;        /* CLAIMS__JSON_* */
    bool integer;    /* NUMBER: no fraction, no exponent */
    size_t off;      /* where the token starts */
    int line, column;
    /* KEY, STRING: the text with escapes decoded, valid until the next call
     * (it points into the input when there was no escape); NUMBER, TRUE,
     * FALSE, NULL: the text as written. Not NUL-terminated. */
    const char *str;
    size_t len;
    /* KEY, STRING: the first byte that is not UTF-8, or a raw NUL byte
     * (SIZE_MAX when none), and where it is. Not a syntax error: the caller
     * decides what the string belonged to. */
    size_t bad;
    int bad_line, bad_column;
    /* STRING: when `hashed`, hash is claims__hash_words(str, len), computed
     * while the reader scanned it (plain ASCII strings) */
    bool hashed;
    uint64_t hash;
} claims__json_token;

/** Pull reader of one JSON value (json_reader.c says what it checks). */
typedef struct claims__json {
    const char *s;
    size_t len, i;
    int line;
    size_t line_start, adjust; /* column = i - line_start - adjust + 1 */
    int state;
    struct claims__json_frame *frames;
    size_t depth, frame_cap;
    struct claims__json_key *keys; /* keys of the open objects */
    size_t key_count, key_cap;
    claims_buf str, key_bytes;
    claims__json_pos comma; /* the last ',' (for "trailing comma") */
    struct {
        int code; /* CLAIMS_ESYNTAX or CLAIMS_ENOMEM */
        size_t off;
        int line, column;
        char text[CLAIMS_ERROR_TEXT_LENGTH];
    } error;
} claims__json;

void claims__json_init(claims__json *r);
void claims__json_free(claims__json *r);
/** Reads one value from s[off..len) (text before off is not looked at);
 *  `line` and `column` are those of s[off]. Keeps the reader's memory. */
void claims__json_start(claims__json *r, const char *s, size_t len, size_t off,
                        int line, int column);
/** The next token (its kind); CLAIMS__JSON_END once the value and the white
 *  space after it are read; CLAIMS__JSON_ERROR (and r->error) on any fault,
 *  and from then on. */
int claims__json_next(claims__json *r, claims__json_token *t);
/** After `first` (a value's first token), reads to the end of that value.
 *  When `bad` (may be NULL) has bad == SIZE_MAX, it receives the first
 *  string or key token with a bad byte. CLAIMS_OK or r->error.code. */
int claims__json_skip(claims__json *r, const claims__json_token *first,
                      claims__json_token *bad);
/** Offset of the next byte to read; containers open. */
size_t claims__json_offset(const claims__json *r);
size_t claims__json_depth(const claims__json *r);

/* ---- case-insensitive ASCII helpers (buf.c) --------------------------------- */

bool claims__ascii_ieq(const char *a, size_t alen, const char *b);
static inline char claims__ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* ---- arena, string interning and maps (intern.c) ---------------------------- */

/** Bump allocator: memory lives until the arena is freed. */
typedef struct claims_arena {
    struct claims_arena_block *head;
} claims_arena;

void claims__arena_init(claims_arena *a);
void claims__arena_free(claims_arena *a);
void *claims__arena_alloc(claims_arena *a, size_t n); /* 8-byte aligned */
char *claims__arena_strdup(claims_arena *a, const char *s, size_t n);

/** Open-addressing map from byte strings to size_t (keys are copied into
 *  the arena given at insert time, or borrowed when already stable). */
struct claims_strmap_slot {
    const char *key; /* NULL: empty */
    size_t len;
    uint64_t hash;
    size_t value;
};

typedef struct claims_strmap {
    struct claims_strmap_slot *slots;
    size_t cap;   /* power of two, or 0 */
    size_t count;
} claims_strmap;

void claims__strmap_init(claims_strmap *m);
void claims__strmap_free(claims_strmap *m);
void claims__strmap_clear(claims_strmap *m);
uint64_t claims__hash(const char *s, size_t n);
/** Finds key; returns true and sets *value when present. */
bool claims__strmap_get(const claims_strmap *m, const char *key, size_t n,
                        size_t *value);
/** Inserts or replaces; `key` must outlive the map (arena or interned). */
int claims__strmap_put(claims_strmap *m, const char *key, size_t n,
                       size_t value);
/** As get and put with the key's hash given: a map used only through these
 *  may hash with any function (claims__hash_words), and a caller may hash
 *  where it has the time (another thread). */
bool claims__strmap_get_hashed(const claims_strmap *m, const char *key,
                               size_t n, uint64_t h, size_t *value);
int claims__strmap_put_hashed(claims_strmap *m, const char *key, size_t n,
                              uint64_t h, size_t value);
/** Finds the key or adds it with *value: 1 when found (*value gets its
 *  value), 0 when added, CLAIMS_ENOMEM. */
int claims__strmap_add_hashed(claims_strmap *m, const char *key, size_t n,
                              uint64_t h, size_t *value);
/** Hints that a lookup of hash h is coming: fetches its first slot, or with
 *  _key the key that slot holds (the slot should be fetched by then). For
 *  loops over many independent lookups, so that their cache misses
 *  overlap. */
static inline void claims__strmap_prefetch(const claims_strmap *m, uint64_t h)
{
#if defined(__GNUC__) || defined(__clang__)
    if (m->cap)
        __builtin_prefetch(&m->slots[(size_t)h & (m->cap - 1)]);
#else
    (void)m;
    (void)h;
#endif
}

static inline void claims__strmap_prefetch_key(const claims_strmap *m, uint64_t h)
{
#if defined(__GNUC__) || defined(__clang__)
    if (m->cap) {
        const struct claims_strmap_slot *s = &m->slots[(size_t)h & (m->cap - 1)];
        if (s->key && s->hash == h)
            __builtin_prefetch(s->key);
    }
#else
    (void)m;
    (void)h;
#endif
}

/** A faster hash than claims__hash for tables that live in memory only
 *  (its values differ by machine byte order, so never print them): eight
 *  bytes per step, then a finalizer (splitmix64's) that spreads every input
 *  bit over the low bits the tables use. The steps are public so that a
 *  scanner that loads the words anyway can hash as it goes (json_reader.c):
 *  h = SEED, h = step(h, word) per whole word, finish(h, the last 0 to 7
 *  bytes zero-padded as a little-endian word, length). */
#define CLAIMS__HASH_SEED 0x2545F4914F6CDD1DULL
static inline uint64_t claims__hash_step(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

static inline uint64_t claims__hash_finish(uint64_t h, uint64_t w, size_t n)
{
    h = claims__hash_step(h, w) ^ ((uint64_t)n * 0xD6E8FEB86659FD93ULL);
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

uint64_t claims__hash_words(const char *s, size_t n);

/** Open-addressing map from 64-bit keys (not all ones) to 64-bit values:
 * for pairs of indexes, where hashing bytes would cost more than the work. */
typedef struct claims_u64map {
    uint64_t *keys; /* UINT64_MAX: empty */
    uint64_t *values;
    size_t cap, count;
} claims_u64map;

void claims__u64map_init(claims_u64map *m);
void claims__u64map_free(claims_u64map *m);
bool claims__u64map_get(const claims_u64map *m, uint64_t key, uint64_t *value);
int claims__u64map_put(claims_u64map *m, uint64_t key, uint64_t value);

/** Interning: one stored copy of every distinct string. */
typedef struct claims_interner {
    claims_arena *arena;
    claims_strmap map; /* value unused */
} claims_interner;

void claims__interner_init(claims_interner *in, claims_arena *arena);
void claims__interner_free(claims_interner *in);
/** Returns the stored NUL-terminated copy of s[0..n), NULL on ENOMEM. */
const char *claims__intern(claims_interner *in, const char *s, size_t n);
/** As claims__intern() with h = claims__hash_words(s, n), computed by the
 *  caller (on another thread, say). */
const char *claims__intern_hashed(claims_interner *in, const char *s, size_t n,
                                  uint64_t h);
/** The stored copy of s[0..n) (h as above), or NULL when it is not there.
 *  Only reads: several threads may call it while no one interns. */
const char *claims__intern_find(const claims_interner *in, const char *s,
                                size_t n, uint64_t h);
/** Interning while other threads call claims__intern_find() on `in`: a new
 *  string is copied into the arena and recorded in `pending` (a map of the
 *  caller's) instead of `in`, which is left as it is; NULL on ENOMEM. */
const char *claims__intern_deferred(claims_interner *in, claims_strmap *pending,
                                    const char *s, size_t n, uint64_t h);
/** Adds the strings of `pending` to `in` and empties it, once no thread
 *  reads `in` any more. */
int claims__intern_commit(claims_interner *in, claims_strmap *pending);

/** Grows *array (of elem-byte items, capacity *cap) to hold `need` items.
 *  (Inline: most calls find the room there; claims__grow_to grows.) */
int claims__grow_to(void **array, size_t *cap, size_t need, size_t elem);
static inline int claims__grow(void **array, size_t *cap, size_t need, size_t elem)
{
    return need <= *cap ? CLAIMS_OK : claims__grow_to(array, cap, need, elem);
}

/* ---- parallel.c ---- */
/* One task of claims__parallel(): returns 0, or a nonzero code that stops
 * the handing out of further tasks. Tasks must not share mutable state. */
typedef int (*claims__task_fn)(void *arg, size_t task);
/* Runs fn(arg, i) for every i in [0, n) on up to `threads` threads, the
 * caller's included (see claims__thread_count()). Returns 0, or the first nonzero
 * code a task returned; tasks not yet started then never run. */
int claims__parallel(size_t n, unsigned threads, claims__task_fn fn, void *arg);
/* The threads a stage uses when `requested` were asked for: 0 means one per
 * usable CPU; at most 16. */
unsigned claims__thread_count(unsigned requested);
/* CPUs this process may run on (its affinity mask where the system has
 * one, else the online CPUs), at least 1, at most 16. */
unsigned claims__cpu_count(void);

/* ---- the store (store.c) ------------------------------------------------------ */

typedef struct claims__source {
    const char *id, *outlet, *title, *author, *published, *url, *language;
    const char *origin;    /* file or buffer it came from */
    const char *text_file; /* source.text.file, "" if absent */
    long text_characters;  /* source.text.characters, -1 if absent */
    size_t subject_count, claim_count;
    bool from_tsv;         /* TSV rows of later loads may add to it */
} claims__source;

typedef struct claims__subject {
    size_t source;
    const char *id, *type, *label;
} claims__subject;

typedef struct claims__claim {
    size_t source, subject;
    size_t ordinal;        /* index of the claim within its source */
    const char *id, *attribute, *value, *value_type;
    const char *const *attribution;
    size_t attribution_count;
    const char *quote;
    long quote_offset, quote_length;
    claims_polarity polarity;
    claims_certainty certainty;
    int line, column;
} claims__claim;

struct claims_store {
    claims_arena arena;
    claims_interner strings;
    claims__source *sources;
    size_t source_count, source_cap;
    claims__subject *subjects;
    size_t subject_count, subject_cap;
    claims__claim *claims;
    size_t claim_count, claim_cap;
    claims_strmap source_ids;  /* id -> source index */
    claims_strmap subject_ids; /* "<source index>\x1f<id>" -> subject index */
    /* Not NULL while loader threads read `strings` (claims__store_defer):
     * the strings this store interns meanwhile go here. */
    claims_strmap *pending;
    size_t subjects_indexed;   /* subject_ids covers subjects [0, this) */
    claims_error *diags;
    size_t diag_count, diag_cap;
    claims_load_summary total;
};

/** Where an item being added was read, for its diagnostics. */
typedef struct claims__pos {
    const char *source; /* file or buffer name */
    int line, column;
    long document, claim;
    size_t max_field;   /* longest accepted string in bytes */
} claims__pos;

#define CLAIMS__DEFAULT_MAX_FIELD 65536

/** A point the store can be rolled back to (strict loads). */
typedef struct claims__store_mark {
    size_t sources, subjects, claims, source_claims;
    size_t source; /* the source whose claim count is restored */
} claims__store_mark;

int claims__store_add_source(claims_store *st, size_t *index,
                             const claims_source_desc *d, const char *origin,
                             bool from_tsv, const claims__pos *pos,
                             claims_error *err);
int claims__store_set_text(claims_store *st, size_t source, claims_str file,
                           long characters, const claims__pos *pos,
                           claims_error *err);
int claims__store_add_subject(claims_store *st, size_t *index, size_t source,
                              const claims_subject_desc *d,
                              const claims__pos *pos, claims_error *err);
/** Subject index of `id` in `source`, or false. (It indexes the subjects
 *  added since the last lookup first: loaders that resolve subjects
 *  themselves never pay for the index.) */
bool claims__store_find_subject(claims_store *st, size_t source,
                                const char *id, size_t len, size_t *index);
/** Source index of `id`, or false. */
bool claims__store_find_source(const claims_store *st, const char *id,
                               size_t len, size_t *index);
/** A string handed to the adders below; s.ptr NULL means absent. A loader
 *  that has checked the bytes (valid UTF-8 without NUL) and interned them
 *  into this store passes its copy as `interned`: the adder then checks
 *  only the limits (length, emptiness) and keeps that copy. */
typedef struct claims__field {
    claims_str s;
    const char *interned; /* NULL: checked and interned by the adder */
} claims__field;

typedef struct claims__subject_in {
    claims__field id, type, label;
    int id_used; /* the source has a subject with this id: 1, 0, or -1 when
                    the adder has to look */
} claims__subject_in;

/* claims__claim_in.subject_index: look the subject up by its id */
#define CLAIMS__SUBJECT_LOOKUP SIZE_MAX
/* claims__claim_in.subject_index: the caller knows the source has none */
#define CLAIMS__SUBJECT_NONE (SIZE_MAX - 1)

/** A claim for claims__store_add_claim_in(): the description with fields,
 *  and what the caller may already know of it. */
typedef struct claims__claim_in {
    claims__field id, subject, attribute, value, value_type, quote;
    const claims__field *attribution;
    size_t attribution_count;
    long quote_offset, quote_length;
    long quote_chars; /* characters of the quote text, -1: counted here */
    claims_polarity polarity;
    claims_certainty certainty;
    size_t subject_index; /* the subject's store index, or CLAIMS__SUBJECT_* */
} claims__claim_in;

/** As claims__store_add_subject() with fields. */
int claims__store_add_subject_in(claims_store *st, size_t *index, size_t source,
                                 const claims__subject_in *d,
                                 const claims__pos *pos, claims_error *err);
/** As claims__store_add_claim() with fields: the same checks in the same
 *  order, so a claim is judged alike whichever way it arrives. */
int claims__store_add_claim_in(claims_store *st, size_t *index, size_t source,
                               const claims__claim_in *d,
                               const claims__pos *pos, claims_error *err);
int claims__store_add_claim(claims_store *st, size_t *index, size_t source,
                            const claims_claim_desc *d, const claims__pos *pos,
                            claims_error *err);
/** Records a diagnostic (a copy of err) and returns err->code. */
int claims__store_diagnose(claims_store *st, const claims_error *e);
void claims__store_mark_get(const claims_store *st, size_t source,
                            claims__store_mark *m);
void claims__store_rollback(claims_store *st, const claims__store_mark *m);
/** Interns a string into the store. */
const char *claims__store_intern(claims_store *st, const char *s, size_t n);
/** As claims__store_intern() with h = claims__hash_words(s, n). */
const char *claims__store_intern_hashed(claims_store *st, const char *s,
                                        size_t n, uint64_t h);
/** With `pending` (a map of the caller's, empty): from now on the store
 *  interns without changing its interner's map, so that other threads may
 *  look strings up in it (claims__intern_find) while this one adds items.
 *  With NULL: the strings interned meanwhile join the map. Returns
 *  CLAIMS_OK or CLAIMS_ENOMEM. */
int claims__store_defer(claims_store *st, claims_strmap *pending);

/* ---- progress (loader.c) ----------------------------------------------------------- */

/** Reports progress at most every 1/256 of `total` (and at the end):
 *  CLAIMS_OK, or CLAIMS_ECANCELED when the callback asks to stop. *next
 *  holds the next report threshold (start it at 0). */
int claims__progress(claims_progress_fn fn, void *payload, const char *stage,
                     size_t done, size_t total, size_t *next);

/* ---- cursors (store.c; result.c for reconciliation results) ------------------- */

typedef enum claims__cursor_kind {
    CLAIMS__CURSOR_SOURCES,
    CLAIMS__CURSOR_SUBJECTS,
    CLAIMS__CURSOR_CLAIMS,
    CLAIMS__CURSOR_EVENTS,
    CLAIMS__CURSOR_ATTRIBUTES,
    CLAIMS__CURSOR_VALUES,
    CLAIMS__CURSOR_DEPENDENCIES
} claims__cursor_kind;

struct claims_cursor {
    const claims_store *store;
    const claims_result *result;
    claims__cursor_kind kind;
    size_t source;      /* store cursors: CLAIMS_ALL or one source */
    size_t begin;       /* result cursors: rows are numbered from here */
    size_t next, end;   /* result cursors: [next, end) */
    const size_t *list; /* claim cursors over a value cluster */
    size_t list_count;
};

int claims__cursor_new(claims_cursor **out, const claims_store *store,
                       claims__cursor_kind kind, size_t source);
/** Fills the public view of store claim i. */
void claims__claim_info(claims_claim_info *out, const claims_store *st,
                        size_t i);

/* ---- loading (loader.c, loader_json.c, loader_tsv.c) --------------------------- */

/** State of one load call, shared by the format loaders. */
typedef struct claims__load {
    claims_store *store;
    const char *name;                 /* file or buffer name, interned */
    const claims_load_options *opts;  /* never NULL */
    claims_load_summary summary;      /* this call's counts */
    claims_error *err;                /* the caller's, may be NULL */
    size_t progress_next;             /* next progress threshold */
    bool canceled;                    /* the progress callback said stop */
    unsigned threads;                 /* JSON Lines staging, at least 1 */
    size_t chunk_bytes;               /* JSON Lines chunk size; 0: default */
    /* JSON Lines from a regular file: the part not read yet, and the size
     * of the whole (progress); the loader reads the rest as it goes. After
     * the load, `total` is the number of bytes loaded. */
    FILE *rest;
    size_t total;
} claims__load;

/** claims_store_load_buffer() with the JSON Lines chunks of `chunk_bytes`
 *  (0: the default). The store gets the same content whatever it is (and
 *  whatever opts->threads is); tests use it to reach the parallel path with
 *  small inputs. */
int claims__load_buffer_tuned(claims_store *store, const char *data,
                              size_t len, claims_str name,
                              const claims_load_options *opts, size_t chunk_bytes,
                              claims_load_summary *summary, claims_error *err);
/** claims_store_load_stream() tuned alike; a regular file of JSON Lines is
 *  read as it is loaded, a round of threads * 8 * chunk_bytes at a time. */
int claims__load_stream_tuned(claims_store *store, FILE *stream, claims_str name,
                              const claims_load_options *opts, size_t chunk_bytes,
                              claims_load_summary *summary, claims_error *err);

/** Progress of a load after `done` of `total` bytes; CLAIMS_ECANCELED
 *  (recorded as a diagnostic) when the callback stops it. */
int claims__load_progress(claims__load *L, size_t done, size_t total);

/** Records a diagnostic for this load (store list, first error to err). */
void claims__load_report(claims__load *L, const claims_error *e);
/** JSON: one document or an array of them (loader_json.c). */
int claims__load_json(claims__load *L, const char *data, size_t len);
/** JSON Lines (loader_lines.c); L->rest may hold the rest of the input,
 *  data[0..len) being what was read of it. */
int claims__load_lines(claims__load *L, const char *data, size_t len);
/** Records that the load cannot go on: CLAIMS_ENOMEM ("out of memory") or
 *  CLAIMS_EIO ("cannot read"), as a diagnostic of the input; returns code. */
int claims__load_fail(claims__load *L, int code);
int claims__load_tsv(claims__load *L, const char *data, size_t len);

/* ---- the context (ctx.c) ----------------------------------------------------- */

struct claims_aliases; /* aliases.c */

/** An attribute of the schema (schema.c). */
typedef struct claims__attr {
    const char *name; /* in the context's arena */
    claims_type type;
    claims_cardinality cardinality;
    int identifying;
    double tolerance, time_tolerance;
} claims__attr;

struct claims_ctx {
    struct claims_aliases *aliases;
    claims_arena arena;        /* schema names */
    claims__attr *attrs;       /* the schema */
    size_t attr_count, attr_cap;
    claims_strmap attr_index;  /* name -> index in attrs */
};

/** Installs the built-in schema into a new context. */
int claims__schema_init(claims_ctx *ctx);
void claims__schema_free(claims_ctx *ctx);
/** The attribute called name, or NULL. */
const claims__attr *claims__schema_find(const claims_ctx *ctx,
                                        const char *name, size_t len);

/* ---- values (value.c) and the normalizers, one file per type ----------------- */

/** Maximum length of a value text in bytes; longer input is CLAIMS_ERANGE. */
#define CLAIMS__VALUE_MAX_LENGTH 4096

struct claims_value {
    claims_type type;
    bool none;            /* recognized "no value" marker */
    claims_modifier mod;
    double amount;        /* NUMBER: value; DURATION: seconds */
    double lower, upper;  /* NAN when the text gives no bound */
    int64_t begin, end;   /* DATE/TIME: [begin, end) wall-clock seconds */
    claims_precision precision;
    bool has_tz;          /* TIME: an explicit zone was written */
    int tz_minutes;       /* offset east of UTC when has_tz */
    claims_buf text;      /* as given */
    claims_buf norm;      /* canonical string */
    /* The type's parsed form, kept so that comparisons need not parse the
     * canonical string again; NULL when the type keeps none. */
    void *detail;
    void (*detail_free)(void *detail);
    /* NUMBER/DURATION: CLAIMS__OPEN_* bits saying which of lower/upper is
     * exclusive ("more than 5" excludes 5); always written by their parse. */
    unsigned char bounds_open;
};

/** Resets content for a new parse of `type` (keeps buffers). */
void claims__value_reset(claims_value *v, claims_type type);
/** Sets the canonical string. */
int claims__value_set_norm(claims_value *v, const char *s, size_t n);

/* Every normalizer provides a parse and a compare with these shapes. The
 * parse receives validated UTF-8 (no NUL, len <= CLAIMS__VALUE_MAX_LENGTH)
 * and a value already reset to its type with `text` filled; `opts` is never
 * NULL. On failure it returns a negative code and fills err (the caller
 * resets the value). The compare fills out->relation, score and reason. */
typedef int (*claims__parse_fn)(claims_value *v, const claims_ctx *ctx,
                                const char *s, size_t len,
                                const claims_parse_options *opts,
                                claims_error *err);
typedef void (*claims__compare_fn)(claims_comparison *out,
                                   const claims_ctx *ctx,
                                   const claims_value *a,
                                   const claims_value *b);

/* number.c */
int claims__number_parse(claims_value *v, const claims_ctx *ctx,
                         const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err);
void claims__number_compare(claims_comparison *out, const claims_ctx *ctx,
                            const claims_value *a, const claims_value *b);

/* The number scanner and quantity grammar, shared with duration.c. A value
 * text is cut once into at most CLAIMS__NUM_MAX_TOKENS tokens held in a
 * caller's claims__scan (no allocation); every grammar function then reads
 * a token span [b, e) and succeeds only when it explains all of it. */
#define CLAIMS__NUM_MAX_TOKENS 128

typedef enum claims__tok_kind {
    CLAIMS__TOK_WORD = 0,    /* a run of letters */
    CLAIMS__TOK_NUMERAL = 1, /* digits, separators, decimals, exponent */
    CLAIMS__TOK_PUNCT = 2,   /* one other code point */
    CLAIMS__TOK_VULGAR = 3   /* a vulgar fraction such as U+00BD */
} claims__tok_kind;

/* NUMERAL flags */
#define CLAIMS__NUM_INTEGER 1u  /* no decimal part, no negative exponent */
#define CLAIMS__NUM_GROUPED 2u  /* thousands separators were read */
#define CLAIMS__NUM_PLAIN 4u    /* digits only */

typedef struct claims__tok {
    double value;        /* NUMERAL, VULGAR: the value; WORD: vocabulary value */
    uint16_t start, end; /* byte offsets in the text */
    uint8_t kind;        /* claims__tok_kind */
    uint8_t space;       /* whitespace precedes it */
    uint8_t word;        /* WORD: number.c vocabulary class, 0 if none */
    uint8_t flags;       /* NUMERAL: CLAIMS__NUM_*; WORD: vocabulary flags */
    int32_t cp;          /* PUNCT: code point, dashes and minus signs as '-' */
} claims__tok;

/* Grammar steps allowed per parse: a bound on the time a pathological text
 * can take; every peer conformance case needs fewer than 200. */
#define CLAIMS__NUM_WORK 50000

typedef struct claims__scan {
    const char *s;
    size_t n;       /* tokens */
    size_t work;    /* grammar steps left (CLAIMS__NUM_WORK at the start) */
    bool exhausted; /* the steps ran out: the text is too complex */
    claims__tok tok[CLAIMS__NUM_MAX_TOKENS];
} claims__scan;

/* Exclusive bounds of a quantity (claims_value.bounds_open). */
#define CLAIMS__OPEN_LOWER 1u
#define CLAIMS__OPEN_UPPER 2u

/* A parsed amount, bound or range; NAN where absent. */
typedef struct claims__quantity {
    double amount, lower, upper;
    claims_modifier mod;
    unsigned open; /* CLAIMS__OPEN_* */
} claims__quantity;

/* Reads span [b, e) as one plain quantity ("four minutes", "1.5 million"):
 * CLAIMS_OK and *value, with *vague set for "a few", "several"; or
 * CLAIMS_ESYNTAX. `data` is the leaf's own context. */
typedef int (*claims__leaf_fn)(claims__scan *sc, size_t b, size_t e,
                               const void *data, double *value, bool *vague);

/** Spends n grammar steps; false (and sc->exhausted) when none are left. */
bool claims__number_spend(claims__scan *sc, size_t n);
/** Checks opts->language: absent or English. `what` names the type. */
int claims__number_language(const claims_parse_options *opts,
                            const char *what, claims_error *err);
/** Cuts s[0..len) into sc. CLAIMS_ERANGE for a numeral too large to hold
 *  exactly, CLAIMS_ESYNTAX for too many tokens. */
int claims__number_scan(claims__scan *sc, const char *s, size_t len,
                        const char *what, claims_error *err);
/* claims__number_value flags */
#define CLAIMS__NV_VAGUE 1u    /* "a few", "several" */
#define CLAIMS__NV_ORDINAL 2u  /* "twenty-first", "21st" */
#define CLAIMS__NV_FRACTION 4u /* "three quarters", "2.5", "1/2" */

/** Reads [b, e) as one plain number in words or digits: CLAIMS_OK with
 *  *value and CLAIMS__NV_* *flags, or CLAIMS_ESYNTAX. */
int claims__number_value(claims__scan *sc, size_t b, size_t e,
                         double *value, unsigned *flags);
/** The number leaf: claims__number_value as a claims__leaf_fn. */
int claims__number_leaf(claims__scan *sc, size_t b, size_t e,
                        const void *data, double *value, bool *vague);
/** Hedges, bounds and ranges around leaves: "about X", "at least X",
 *  "X or more", "between X and Y", "X-Y", "more than X and less than Y". */
int claims__quantity_parse(claims__scan *sc, size_t b, size_t e,
                           claims__leaf_fn leaf, const void *data,
                           claims__quantity *q);
/** Start of the trailing counted noun of [b, e) ("129 people" -> "people"):
 *  up to three plain words after a space; e when there is none. */
size_t claims__number_noun_start(const claims__scan *sc, size_t b, size_t e);
/** True when token i is the word `w` (ASCII, case-insensitive). */
bool claims__tok_is(const claims__scan *sc, size_t i, const char *w);
/** True when token i is the punctuation code point cp. */
bool claims__tok_punct(const claims__scan *sc, size_t i, int32_t cp);
/** Range-checks q (finite, |x| <= 2^53) and stores it in v with its
 *  canonical string. `what` names the type in messages. */
int claims__quantity_store(claims_value *v, const claims__quantity *q,
                           const char *what, claims_error *err);
/** Error for a text that is not a `what`, quoting it; says so when the
 *  step budget of sc (may be NULL) ran out. */
int claims__number_reject(claims_error *err, const claims__scan *sc,
                          const char *what, const char *s, size_t len);

/* duration.c */
int claims__duration_parse(claims_value *v, const claims_ctx *ctx,
                           const char *s, size_t len,
                           const claims_parse_options *opts,
                           claims_error *err);
/* NUMBER and DURATION share the interval comparison in number.c */
/* date.c */
int claims__date_parse(claims_value *v, const claims_ctx *ctx, const char *s,
                       size_t len, const claims_parse_options *opts,
                       claims_error *err);
void claims__date_compare(claims_comparison *out, const claims_ctx *ctx,
                          const claims_value *a, const claims_value *b);
/* clock.c (TIME values) */
int claims__time_parse(claims_value *v, const claims_ctx *ctx, const char *s,
                       size_t len, const claims_parse_options *opts,
                       claims_error *err);
/* DATE and TIME share the interval comparison in date.c */
/* calendar.c: civil-date arithmetic, the reference date and the names shared
 * by DATE (date.c) and TIME (clock.c). Day numbers count days since
 * 1970-01-01 in the proleptic Gregorian calendar. */
#define CLAIMS__YEAR_MIN 1
#define CLAIMS__YEAR_MAX 9999

int64_t claims__days_from_civil(int64_t y, int m, int d);
void claims__civil_from_days(int64_t days, int64_t *y, int *m, int *d);
bool claims__is_leap(int64_t y);
/** Days in month m (1..12) of year y. */
int claims__days_in_month(int64_t y, int m);
/** ISO weekday of a day number: 1 = Monday .. 7 = Sunday. */
int claims__weekday(int64_t days);
/** True when y-m-d is a date of the calendar within the supported years. */
bool claims__date_valid(int64_t y, int m, int d);
/** Day number of the n-th (1..5) given weekday of a month, or of the last
 *  one when n is -1; -1 when the month has no n-th such weekday. */
int64_t claims__nth_weekday(int64_t y, int m, int weekday, int n);

/** The reference date of a parse (opts->reference). */
typedef struct claims__ref {
    bool present;
    int64_t days;     /* day number of the reference date */
    int year, month, day;
    int seconds;      /* time of day, 0 when only a date was given */
    bool has_tz;
    int tz_minutes;
} claims__ref;

/** Reads opts->reference (ISO 8601 date or date-time, optional zone).
 *  Absent: ref->present is false and CLAIMS_OK. Malformed: CLAIMS_EINVAL. */
int claims__ref_parse(claims__ref *ref, const claims_parse_options *opts,
                      claims_error *err);
/** A two-digit year as the year nearest the reference (1950..2049 without
 *  one). */
int claims__year_from_two_digits(int yy, const claims__ref *ref);

/** Month 1..12 of an English month name or abbreviation ("Sept", "dec"),
 *  case-insensitive; 0 if none. */
int claims__month_lookup(const char *s, size_t n);
/** ISO weekday 1..7 of an English weekday name or abbreviation; 0 if none. */
int claims__weekday_lookup(const char *s, size_t n);
/** Offset east of UTC, in minutes, of a zone abbreviation ("PST", "ET",
 *  "UTC"). The generic US names (ET, CT, MT, PT) need the local wall-clock
 *  time (`days`, `minute` of the day) to choose standard or daylight time.
 *  Returns false for an unknown name. */
bool claims__zone_lookup(const char *s, size_t n, int64_t days, int minute,
                         int *tz_minutes);
/** Length of a recognized "no value" marker ("Not Available", "N/A", "--")
 *  at the start of s, ending at a word boundary; 0 if none. */
size_t claims__none_marker(const char *s, size_t n);

/** Writes "YYYY-MM-DD" (10 bytes, no NUL) and returns the end. */
char *claims__put_date(char *p, int64_t y, int m, int d);
/** Writes n as exactly `width` decimal digits (n >= 0) and returns the end. */
char *claims__put_digits(char *p, int64_t n, int width);
/** Writes a zone offset "+HH:MM" / "-HH:MM" and returns the end. */
char *claims__put_zone(char *p, int tz_minutes);

/* person.c */
int claims__person_parse(claims_value *v, const claims_ctx *ctx,
                         const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err);
void claims__person_compare(claims_comparison *out, const claims_ctx *ctx,
                            const claims_value *a, const claims_value *b);
int claims__persons_parse(claims_value *v, const claims_ctx *ctx,
                          const char *s, size_t len,
                          const claims_parse_options *opts, claims_error *err);
void claims__persons_compare(claims_comparison *out, const claims_ctx *ctx,
                             const claims_value *a, const claims_value *b);
/* entity.c: TEXT, PLACE, ORGANIZATION, TOPIC, OCCASION (folded keys,
 * aliases, containment, acronyms) */
int claims__entity_parse(claims_value *v, const claims_ctx *ctx,
                         const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err);
void claims__entity_compare(claims_comparison *out, const claims_ctx *ctx,
                            const claims_value *a, const claims_value *b);

/* ---- folding (fold.c, the only utf8proc caller) ----------------------------- */

/* Flags of claims__fold(). Without any, the base fold: HTML character
 * references decoded, NFKC, case folded, marks stripped, ł ø đ ð ı ħ ß æ œ þ
 * spelled in ASCII, quotes to ' and ", dashes to -, white space collapsed and
 * trimmed. */
enum {
    /* punctuation to spaces; dotted acronyms joined (u.s. -> us); ' - & kept
     * inside words; a lone & read as "and"; symbols (+ $ # %) kept */
    CLAIMS__FOLD_PUNCT = 1u << 0,
    /* with PUNCT: commas kept as ", " separators (place hierarchies) */
    CLAIMS__FOLD_COMMAS = 1u << 1,
    /* with PUNCT: "the" dropped at the start (of each ", " part) */
    CLAIMS__FOLD_ARTICLE = 1u << 2
};

/** Folds valid UTF-8 s[0..len) into out (cleared first; NUL-terminated even
 *  when empty). CLAIMS_OK, CLAIMS_ENOMEM or CLAIMS_ENCODING. */
int claims__fold(claims_buf *out, const char *s, size_t len, unsigned flags);
/** True for a letter or digit code point (any script). */
bool claims__fold_is_alnum(int32_t c);
/** Splits s on spaces; returns the word count, fills at most max words. */
size_t claims__fold_words(const char *s, size_t len, claims_str *words,
                          size_t max);
/** True when a equals the NUL-terminated b. */
bool claims__str_eq(claims_str a, const char *b);
/** True when a folded key (PUNCT) is a "no value" marker: "not available",
 *  "n/a", "unknown", ... */
bool claims__fold_is_none(const char *key, size_t len);
/** Bytes of s[0..len) to print so that at most max bytes are shown and no
 *  UTF-8 sequence is cut; for "%.*s". */
int claims__clip(const char *s, size_t len, size_t max);
/** Formats out->reason; a cut never leaves half a UTF-8 sequence. */
void claims__reason(claims_comparison *out, const char *fmt, ...)
    CLAIMS__PRINTF(2, 3);

/** Fills out as EQUAL (score 1) for two values with the same canonical
 *  string: "same <noun>: x", or "a and b both read as x" when their texts,
 *  folded with `flags`, differ. */
void claims__fold_equal(claims_comparison *out, const claims_value *a,
                        const claims_value *b, unsigned flags,
                        const char *noun);

/* ---- name keys shared with the alias tables (person.c, entity.c) ------------ */

/** Canonical person name of s (no alias lookup): "sergey lavrov". ESYNTAX
 *  (err filled) when s is not a name. */
int claims__person_key(claims_buf *out, const char *s, size_t len,
                       claims_error *err);
/** Alias-table key of s for an entity type (TEXT, PLACE, ORGANIZATION,
 *  TOPIC, OCCASION), or with `type` == CLAIMS__ALIAS_ALL the key for the
 *  all-types table; ESYNTAX when nothing is left. */
int claims__entity_key(claims_buf *out, int type, const char *s, size_t len,
                       claims_error *err);
/** Country for a demonym ("syrian" -> "syria"), NULL when w is not one. */
const char *claims__entity_demonym(claims_str w);

/* ---- alias tables (aliases.c) ----------------------------------------------- */

/* Slot of the all-types table ("*" in JSON); slots below it are types. */
#define CLAIMS__ALIAS_ALL CLAIMS_TYPE_COUNT

int claims__aliases_new(struct claims_aliases **out);
void claims__aliases_free(struct claims_aliases *a);
/** Canonical text for the alias key key[0..len) in a slot, or NULL. The
 *  canonical text is folded (PUNCT | COMMAS | ARTICLE) for entity slots and
 *  the all-types slot, and a canonical person name for the person slot.
 *  ctx may be NULL. */
const char *claims__aliases_find(const claims_ctx *ctx, int slot,
                                 const char *key, size_t len);

#endif /* CLAIMS_PRIVATE_H */

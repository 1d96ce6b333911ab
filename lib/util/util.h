/*
 * util/util.h - the bottom layer: errors, buffers, UTF-8, arenas, interning,
 * hashing and maps, the parallel for, progress, Unicode folding. Uses only
 * the C library, utf8proc (fold.c) and the public header; never installed.
 * Internal cross-file functions are named claims__* and are not exported.
 */
#ifndef CLAIMS_UTIL_H
#define CLAIMS_UTIL_H

#include "claims.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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
int claims__error_set(claims_error *err, int code, const char *source, int line, int column,
                      long document, long claim, const char *fmt, ...) CLAIMS__PRINTF(8, 9);
/** As claims__error_set() with no position: for value parsing. */
int claims__error_simple(claims_error *err, int code, const char *fmt, ...) CLAIMS__PRINTF(3, 4);

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
int claims__buf_printf(claims_buf *b, const char *fmt, ...) CLAIMS__PRINTF(2, 3);
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
    size_t cap; /* power of two, or 0 */
    size_t count;
} claims_strmap;

void claims__strmap_init(claims_strmap *m);
void claims__strmap_free(claims_strmap *m);
void claims__strmap_clear(claims_strmap *m);
uint64_t claims__hash(const char *s, size_t n);
/** Finds key; returns true and sets *value when present. */
bool claims__strmap_get(const claims_strmap *m, const char *key, size_t n, size_t *value);
/** Inserts or replaces; `key` must outlive the map (arena or interned). */
int claims__strmap_put(claims_strmap *m, const char *key, size_t n, size_t value);
/** As get and put with the key's hash given: a map used only through these
 *  may hash with any function (claims__hash_words), and a caller may hash
 *  where it has the time (another thread). */
bool claims__strmap_get_hashed(const claims_strmap *m, const char *key, size_t n, uint64_t h,
                               size_t *value);
int claims__strmap_put_hashed(claims_strmap *m, const char *key, size_t n, uint64_t h,
                              size_t value);
/** Finds the key or adds it with *value: 1 when found (*value gets its
 *  value), 0 when added, CLAIMS_ENOMEM. */
int claims__strmap_add_hashed(claims_strmap *m, const char *key, size_t n, uint64_t h,
                              size_t *value);
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
const char *claims__intern_hashed(claims_interner *in, const char *s, size_t n, uint64_t h);
/** The stored copy of s[0..n) (h as above), or NULL when it is not there.
 *  Only reads: several threads may call it while no one interns. */
const char *claims__intern_find(const claims_interner *in, const char *s, size_t n, uint64_t h);
/** Interning while other threads call claims__intern_find() on `in`: a new
 *  string is copied into the arena and recorded in `pending` (a map of the
 *  caller's) instead of `in`, which is left as it is; NULL on ENOMEM. */
const char *claims__intern_deferred(claims_interner *in, claims_strmap *pending, const char *s,
                                    size_t n, uint64_t h);
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

/* ---- progress (progress.c) --------------------------------------------------------- */

/** Reports progress at most every 1/256 of `total` (and at the end):
 *  CLAIMS_OK, or CLAIMS_ECANCELED when the callback asks to stop. *next
 *  holds the next report threshold (start it at 0). */
int claims__progress(claims_progress_fn fn, void *payload, const char *stage, size_t done,
                     size_t total, size_t *next);

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
size_t claims__fold_words(const char *s, size_t len, claims_str *words, size_t max);
/** True when a equals the NUL-terminated b. */
bool claims__str_eq(claims_str a, const char *b);
/** True when a folded key (PUNCT) is a "no value" marker: "not available",
 *  "n/a", "unknown", ... */
bool claims__fold_is_none(const char *key, size_t len);
/** Bytes of s[0..len) to print so that at most max bytes are shown and no
 *  UTF-8 sequence is cut; for "%.*s". */
int claims__clip(const char *s, size_t len, size_t max);

/* ---- small helpers of buffers and of parallel work ------------------------- */

/** Appends a NUL-terminated string: for text made many times over, where
 *  claims__buf_printf would cost more than the rest of the work. */
static inline int claims__buf_puts(claims_buf *b, const char *s)
{
    return claims__buf_append(b, s, strlen(s));
}
/** Appends n in decimal. */
static inline int claims__buf_put_size(claims_buf *b, size_t n)
{
    char d[24];
    size_t k = sizeof d;
    do
        d[--k] = (char)('0' + n % 10);
    while ((n /= 10) != 0);
    return claims__buf_append(b, d + k, sizeof d - k);
}

/** Bytes of a cache line: what two threads write is aligned to it (with
 *  _Alignas), so that neither slows the other down by sharing a line. */
#define CLAIMS__LINE 64

/** Takes a free one of n slots (busy[i] false), marking it busy: for things
 *  each running task needs one of (scratch memory, an arena), made once per
 *  thread. Tasks of claims__parallel() on at most n threads always find one. */
static inline size_t claims__slot_take(atomic_bool *busy, size_t n)
{
    for (;;)
        for (size_t i = 0; i < n; i++)
            if (!atomic_exchange(&busy[i], true))
                return i;
}
/** Gives slot i back. */
static inline void claims__slot_give(atomic_bool *busy, size_t i) { atomic_store(&busy[i], false); }
/** Splits [0, n) into `parts` near-equal consecutive ranges: range k is
 *  [claims__split(n, parts, k), claims__split(n, parts, k + 1)). */
static inline size_t claims__split(size_t n, size_t parts, size_t k)
{
    return (size_t)((unsigned long long)n * k / parts);
}

#endif /* CLAIMS_UTIL_H */

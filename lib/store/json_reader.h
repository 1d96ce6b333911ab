/*
 * store/json_reader.h - the positioned pull reader of JSON text that the
 * claims document loaders use (json_reader.c says what it checks).
 */
#ifndef CLAIMS_STORE_JSON_READER_H
#define CLAIMS_STORE_JSON_READER_H

#include "util/util.h"

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
    int kind;     /* CLAIMS__JSON_* */
    bool integer; /* NUMBER: no fraction, no exponent */
    size_t off;   /* where the token starts */
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
void claims__json_start(claims__json *r, const char *s, size_t len, size_t off, int line,
                        int column);
/** The next token (its kind); CLAIMS__JSON_END once the value and the white
 *  space after it are read; CLAIMS__JSON_ERROR (and r->error) on any fault,
 *  and from then on. */
int claims__json_next(claims__json *r, claims__json_token *t);
/** After `first` (a value's first token), reads to the end of that value.
 *  When `bad` (may be NULL) has bad == SIZE_MAX, it receives the first
 *  string or key token with a bad byte. CLAIMS_OK or r->error.code. */
int claims__json_skip(claims__json *r, const claims__json_token *first, claims__json_token *bad);
/** Offset of the next byte to read; containers open. */
size_t claims__json_offset(const claims__json *r);
size_t claims__json_depth(const claims__json *r);

#endif /* CLAIMS_STORE_JSON_READER_H */

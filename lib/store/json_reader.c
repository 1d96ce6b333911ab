/* json_reader.c - a pull reader of JSON text (RFC 8259) that knows where
 * every token starts.
 *
 * The claims loader used to parse with jansson and then scan the same text a
 * second time, because a DOM keeps no positions and diagnostics need them.
 * This reader does both in one pass and builds nothing: the caller pulls
 * tokens (with byte offset, line and column) and keeps what it wants. It
 * checks the whole grammar as strictly as jansson did with
 * JSON_REJECT_DUPLICATES: escapes (surrogate pairs included), numbers,
 * control characters, nesting depth, duplicate keys, text after the value.
 * What it does not do on purpose: bytes that are not UTF-8 inside a string
 * (and raw NUL bytes) are not a syntax error but a fact of the token
 * (`bad`), so that a loader can reject the one item holding them and keep
 * its neighbours; numbers are checked against the grammar, their magnitude
 * is the caller's business (it keeps their text).
 *
 * Columns count characters: a valid UTF-8 sequence is one, and so is each
 * byte that is not part of one. The reader keeps the offset where the line
 * starts and how many continuation bytes it has passed on it, so a column
 * costs a subtraction and ASCII text costs nothing extra. */
#include "store/json_reader.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    ST_VALUE,       /* a value: at the top, or after ':' */
    ST_FIRST_VALUE, /* after '[': a value or ']' */
    ST_NEXT_VALUE,  /* after ',' in an array */
    ST_FIRST_KEY,   /* after '{': a key or '}' */
    ST_NEXT_KEY,    /* after ',' in an object */
    ST_COLON,       /* after a key */
    ST_COMMA,       /* after a value in a container: ',' or its end */
    ST_AFTER,       /* after the top value: only white space */
    ST_DONE,
    ST_FAILED
};

/* An open container. Objects keep their keys (for the duplicate check) on
 * the reader's key stack from `keys` on; past DUP_LINEAR keys they also get
 * a hash index, kept per depth for reuse. */
struct claims__json_frame {
    size_t keys, key_bytes;
    uint32_t *index; /* slot: key number within the frame + 1, 0 empty */
    size_t index_cap;
    int line, column;
    bool object;
};

struct claims__json_key {
    const char *ptr; /* in the input, or NULL: at `off` in key_bytes */
    size_t off, len;
    uint64_t hash; /* set once the frame has an index */
};

#define DUP_LINEAR 16

void claims__json_init(claims__json *r)
{
    memset(r, 0, sizeof *r);
    claims__buf_init(&r->str);
    claims__buf_init(&r->key_bytes);
    r->state = ST_DONE;
}

void claims__json_free(claims__json *r)
{
    for (size_t i = 0; i < r->frame_cap; i++)
        free(r->frames[i].index);
    free(r->frames);
    free(r->keys);
    claims__buf_free(&r->str);
    claims__buf_free(&r->key_bytes);
    claims__json_init(r);
}

void claims__json_start(claims__json *r, const char *s, size_t len, size_t off, int line,
                        int column)
{
    r->s = s;
    r->len = len;
    r->i = off;
    r->line = line;
    r->line_start = off - (size_t)(column - 1);
    r->adjust = 0;
    r->depth = 0;
    r->key_count = 0;
    r->key_bytes.len = 0;
    r->state = ST_VALUE;
    r->error.code = CLAIMS_OK;
    r->error.text[0] = '\0';
}

size_t claims__json_offset(const claims__json *r) { return r->i; }

size_t claims__json_depth(const claims__json *r) { return r->depth; }

static int column_at(const claims__json *r, size_t off)
{
    size_t c = off - r->line_start - r->adjust + 1;
    return c > INT_MAX ? INT_MAX : (int)c;
}

static int fail_at(claims__json *r, int code, size_t off, int line, int column, const char *fmt,
                   ...) CLAIMS__PRINTF(6, 7);
static int fail_at(claims__json *r, int code, size_t off, int line, int column, const char *fmt,
                   ...)
{
    r->state = ST_FAILED;
    r->error.code = code;
    r->error.off = off;
    r->error.line = line;
    r->error.column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->error.text, sizeof r->error.text, fmt, ap);
    va_end(ap);
    return CLAIMS__JSON_ERROR;
}

/* "'x'" for a printable ASCII byte, "byte 0xNN" otherwise. */
static const char *describe(char out[16], unsigned char c)
{
    if (c > 0x20 && c < 0x7f)
        snprintf(out, 16, "'%c'", c);
    else
        snprintf(out, 16, "byte 0x%02X", c);
    return out;
}

static void skip_ws(claims__json *r)
{
    const char *s = r->s;
    size_t i = r->i, n = r->len;
    if (i < n && (unsigned char)s[i] > ' ') /* compact JSON: mostly none */
        return;
    while (i < n) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            i++;
        } else if (c == '\n') {
            i++;
            r->line += r->line < INT_MAX; /* lines past INT_MAX all say INT_MAX */
            r->line_start = i;
            r->adjust = 0;
        } else {
            break;
        }
    }
    r->i = i;
}

/* String contents are most of a claims document: where the machine allows,
 * they are scanned eight bytes at a time. */
#if (defined(__GNUC__) || defined(__clang__)) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WORDS 1
/* The high bit of each byte of x that is '"', '\\', a control character or
 * not ASCII; each term flags its lowest matching byte exactly (a borrow
 * only comes from a byte that is itself flagged), so the lowest flag is. */
static inline uint64_t special(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
    return (((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x) | x) & highs;
}
#endif

/* Index of the first byte at or after i that is '"', '\\', a control
 * character or not ASCII. */
static size_t skip_plain(const unsigned char *s, size_t i, size_t n)
{
#ifdef WORDS
    while (n - i >= 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t m = special(x);
        if (m)
            return i + ((size_t)__builtin_ctzll(m) >> 3);
        i += 8;
    }
#endif
    while (i < n && s[i] >= 0x20 && s[i] < 0x80 && s[i] != '"' && s[i] != '\\')
        i++;
    return i;
}

static int hex4(const unsigned char *p)
{
    int v = 0;
    for (int k = 0; k < 4; k++) {
        int c = p[k], d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Reads the string whose quote is at r->i into t (decoded text in t->str). */
static int read_string(claims__json *r, claims__json_token *t, bool key)
{
    const unsigned char *s = (const unsigned char *)r->s;
    size_t n = r->len, i = r->i + 1, seg = i;
    bool copied = false; /* escapes seen: the text is built in r->str */
    t->bad = SIZE_MAX;
#ifdef WORDS
    /* The common string, ASCII without escapes, is hashed as it is scanned
     * (claims__hash_words(), whose steps take the same words): its callers
     * need not read it again. Anything else goes on below. */
    for (uint64_t h = CLAIMS__HASH_SEED; n - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t m = special(x);
        if (!m) {
            h = claims__hash_step(h, x);
            continue;
        }
        size_t b = (size_t)__builtin_ctzll(m) >> 3;
        if (s[i + b] != '"')
            break;
        if (!key) { /* keys are matched, not looked up */
            t->hash = claims__hash_finish(h, b ? x & (~0ULL >> (64 - 8 * b)) : 0, i + b - seg);
            t->hashed = true;
        }
        t->str = r->s + seg;
        t->len = i + b - seg;
        r->i = i + b + 1;
        return CLAIMS_OK;
    }
#endif
    for (;;) {
        i = skip_plain(s, i, n);
        if (i >= n)
            return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                           "unterminated string (no closing '\"')");
        unsigned char c = s[i];
        if (c == '"')
            break;
        if (c >= 0x80 || c == 0) {
            size_t j = i;
            if (c != 0 && claims__utf8_next(r->s, n, &j) >= 0) {
                r->adjust += j - i - 1;
                i = j;
            } else {
                if (t->bad == SIZE_MAX) {
                    t->bad = i;
                    t->bad_line = r->line;
                    t->bad_column = column_at(r, i);
                }
                i++;
            }
            continue;
        }
        if (c < 0x20)
            return fail_at(r, CLAIMS_ESYNTAX, i, r->line, column_at(r, i),
                           "control character U+%04X in a string (write it as "
                           "an escape such as \\n or \\u%04X)",
                           c, c);
        /* an escape */
        size_t esc = i;
        int esc_col = column_at(r, i);
        if (!copied) {
            claims__buf_clear(&r->str);
            copied = true;
        }
        if (claims__buf_append(&r->str, r->s + seg, i - seg) != CLAIMS_OK)
            return fail_at(r, CLAIMS_ENOMEM, esc, r->line, esc_col, "out of memory");
        if (i + 1 >= n)
            return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                           "unterminated string (no closing '\"')");
        unsigned char e = s[i + 1];
        int32_t cp;
        size_t used = 2;
        switch (e) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u': {
            int hi = n - i >= 6 ? hex4(s + i + 2) : -1;
            if (hi < 0)
                return fail_at(r, CLAIMS_ESYNTAX, esc, r->line, esc_col,
                               "invalid \\u escape: four hexadecimal digits "
                               "expected after \\u");
            used = 6;
            cp = hi;
            if (hi >= 0xDC00 && hi <= 0xDFFF)
                return fail_at(r, CLAIMS_ESYNTAX, esc, r->line, esc_col,
                               "lone surrogate \\u%04X (a low surrogate without "
                               "a high one before it)",
                               (unsigned)hi);
            if (hi >= 0xD800 && hi <= 0xDBFF) {
                int lo = n - i >= 12 && s[i + 6] == '\\' && s[i + 7] == 'u' ? hex4(s + i + 8) : -1;
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return fail_at(r, CLAIMS_ESYNTAX, esc, r->line, esc_col,
                                   "lone surrogate \\u%04X (a high surrogate "
                                   "must be followed by a low one, "
                                   "\\uDC00 to \\uDFFF)",
                                   (unsigned)hi);
                cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                used = 12;
            }
            if (cp == 0 && key)
                return fail_at(r, CLAIMS_ESYNTAX, esc, r->line, esc_col,
                               "\\u0000 in an object key");
            break;
        }
        default: {
            char d[16];
            return fail_at(r, CLAIMS_ESYNTAX, esc, r->line, esc_col,
                           "invalid escape: %s after '\\' (valid escapes: "
                           "\\\" \\\\ \\/ \\b \\f \\n \\r \\t, and \\u with four hex digits)",
                           describe(d, e));
        }
        }
        if (claims__buf_put_codepoint(&r->str, cp) != CLAIMS_OK)
            return fail_at(r, CLAIMS_ENOMEM, esc, r->line, esc_col, "out of memory");
        i += used;
        seg = i;
    }
    if (copied) {
        if (claims__buf_append(&r->str, r->s + seg, i - seg) != CLAIMS_OK)
            return fail_at(r, CLAIMS_ENOMEM, t->off, t->line, t->column, "out of memory");
        t->str = r->str.data;
        t->len = r->str.len;
    } else {
        t->str = r->s + r->i + 1;
        t->len = i - r->i - 1;
    }
    r->i = i + 1;
    return CLAIMS_OK;
}

static bool word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
           c == '+' || c == '-';
}

static bool digit(const char *s, size_t p, size_t end)
{
    return p < end && s[p] >= '0' && s[p] <= '9';
}

/* A number, or the literals true, false and null: the whole run of word
 * bytes is the token, so "01" or "truex" are reported as one thing. */
static int read_word(claims__json *r, claims__json_token *t)
{
    const char *s = r->s;
    size_t b = r->i, e = b;
    while (e < r->len && word_byte((unsigned char)s[e]))
        e++;
    t->str = s + b;
    t->len = e - b;
    int shown = t->len > 40 ? 40 : (int)t->len;
    if (s[b] == '-' || (s[b] >= '0' && s[b] <= '9')) {
        size_t p = b;
        const char *why = NULL;
        bool integer = true;
        if (s[p] == '-')
            p++;
        if (!digit(s, p, e)) {
            why = "a digit expected after '-'";
        } else if (s[p] == '0' && digit(s, p + 1, e)) {
            why = "no leading zeros";
        } else {
            while (digit(s, p, e))
                p++;
            if (p < e && s[p] == '.') {
                integer = false;
                if (!digit(s, ++p, e))
                    why = "a digit expected after '.'";
                while (digit(s, p, e))
                    p++;
            }
            if (!why && p < e && (s[p] == 'e' || s[p] == 'E')) {
                integer = false;
                p++;
                if (p < e && (s[p] == '+' || s[p] == '-'))
                    p++;
                if (!digit(s, p, e))
                    why = "a digit expected in the exponent";
                while (digit(s, p, e))
                    p++;
            }
            if (!why && p != e)
                why = "unexpected characters after it";
        }
        if (why)
            return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                           "invalid number '%.*s': %s", shown, s + b, why);
        t->kind = CLAIMS__JSON_NUMBER;
        t->integer = integer;
    } else if (t->len == 4 && memcmp(s + b, "true", 4) == 0) {
        t->kind = CLAIMS__JSON_TRUE;
    } else if (t->len == 5 && memcmp(s + b, "false", 5) == 0) {
        t->kind = CLAIMS__JSON_FALSE;
    } else if (t->len == 4 && memcmp(s + b, "null", 4) == 0) {
        t->kind = CLAIMS__JSON_NULL;
    } else {
        return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                       "invalid value '%.*s' (a string, number, object, "
                       "array, true, false or null expected)",
                       shown, s + b);
    }
    r->i = e;
    return CLAIMS_OK;
}

static const char *key_text(const claims__json *r, const struct claims__json_key *k)
{
    return k->ptr ? k->ptr : r->key_bytes.data + k->off;
}

/* Inserts key number k of frame f into its index (which has room). */
static void index_put(claims__json *r, struct claims__json_frame *f, size_t k)
{
    size_t mask = f->index_cap - 1;
    size_t i = (size_t)r->keys[f->keys + k].hash & mask;
    while (f->index[i])
        i = (i + 1) & mask;
    f->index[i] = (uint32_t)(k + 1);
}

/* (Re)builds the index of f for `count` keys, the last not yet in it;
 * load at most 1/2. */
static int index_build(claims__json *r, struct claims__json_frame *f, size_t count)
{
    size_t cap = f->index_cap ? f->index_cap : 64;
    while (cap < count * 2)
        cap *= 2;
    if (cap > UINT32_MAX)
        return CLAIMS_ENOMEM;
    if (cap != f->index_cap) {
        uint32_t *ix = realloc(f->index, cap * sizeof *ix);
        if (!ix)
            return CLAIMS_ENOMEM;
        f->index = ix;
        f->index_cap = cap;
    }
    memset(f->index, 0, cap * sizeof *f->index);
    for (size_t k = 0; k + 1 < count; k++)
        index_put(r, f, k);
    return CLAIMS_OK;
}

/* Records key t in the innermost object; fails on a duplicate. */
static int add_key(claims__json *r, const claims__json_token *t)
{
    struct claims__json_frame *f = &r->frames[r->depth - 1];
    size_t count = r->key_count - f->keys; /* keys before this one */
    if (claims__grow((void **)&r->keys, &r->key_cap, r->key_count + 1, sizeof *r->keys) !=
        CLAIMS_OK)
        return CLAIMS_ENOMEM;
    struct claims__json_key *k = &r->keys[r->key_count];
    k->len = t->len;
    k->hash = 0;
    if (t->str >= r->s && t->str < r->s + r->len) {
        k->ptr = t->str;
        k->off = 0;
    } else { /* decoded: r->str is reused by the next string */
        k->ptr = NULL;
        k->off = r->key_bytes.len;
        if (claims__buf_append(&r->key_bytes, t->str, t->len) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
    }
    r->key_count++;
    const char *text = key_text(r, k);
    bool dup = false;
    if (count < DUP_LINEAR) {
        for (size_t j = f->keys; j + 1 < r->key_count && !dup; j++)
            dup = r->keys[j].len == k->len && memcmp(key_text(r, &r->keys[j]), text, k->len) == 0;
    } else {
        if (count == DUP_LINEAR)
            for (size_t j = f->keys; j + 1 < r->key_count; j++)
                r->keys[j].hash = claims__hash(key_text(r, &r->keys[j]), r->keys[j].len);
        k->hash = claims__hash(text, k->len);
        /* the index of this depth may hold an earlier object's keys: it is
         * built afresh when this object starts to use it */
        if ((count == DUP_LINEAR || (count + 1) * 2 > f->index_cap) &&
            index_build(r, f, count + 1) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
        size_t mask = f->index_cap - 1;
        for (size_t i = (size_t)k->hash & mask; f->index[i] && !dup; i = (i + 1) & mask) {
            const struct claims__json_key *o = &r->keys[f->keys + f->index[i] - 1];
            dup =
                o->hash == k->hash && o->len == k->len && memcmp(key_text(r, o), text, k->len) == 0;
        }
        if (!dup)
            index_put(r, f, count);
    }
    if (dup) {
        int shown = t->len > 60 ? claims__clip(t->str, t->len, 60) : (int)t->len;
        return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                       "duplicate key \"%.*s\" in an object", shown, t->str);
    }
    return CLAIMS_OK;
}

static int push(claims__json *r, claims__json_token *t, bool object)
{
    if (r->depth >= CLAIMS__JSON_MAX_DEPTH)
        return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                       "nesting deeper than %d levels", CLAIMS__JSON_MAX_DEPTH);
    if (r->depth == r->frame_cap) {
        size_t cap = r->frame_cap;
        if (claims__grow((void **)&r->frames, &cap, r->depth + 1, sizeof *r->frames) != CLAIMS_OK)
            return fail_at(r, CLAIMS_ENOMEM, t->off, t->line, t->column, "out of memory");
        memset(r->frames + r->frame_cap, 0, (cap - r->frame_cap) * sizeof *r->frames);
        r->frame_cap = cap;
    }
    struct claims__json_frame *f = &r->frames[r->depth++];
    f->object = object;
    f->keys = r->key_count;
    f->key_bytes = r->key_bytes.len;
    f->line = t->line;
    f->column = t->column;
    r->i++;
    r->state = object ? ST_FIRST_KEY : ST_FIRST_VALUE;
    t->kind = object ? CLAIMS__JSON_OBJECT : CLAIMS__JSON_ARRAY;
    return t->kind;
}

static void after_value(claims__json *r) { r->state = r->depth ? ST_COMMA : ST_AFTER; }

static int pop(claims__json *r, claims__json_token *t)
{
    struct claims__json_frame *f = &r->frames[--r->depth];
    if (f->object) {
        r->key_count = f->keys;
        r->key_bytes.len = f->key_bytes;
    }
    r->i++;
    after_value(r);
    t->kind = f->object ? CLAIMS__JSON_OBJECT_END : CLAIMS__JSON_ARRAY_END;
    return t->kind;
}

/* The input ended inside the value. */
static int fail_end(claims__json *r, claims__json_token *t)
{
    if (r->depth == 0)
        return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                       "no JSON value (the input is empty)");
    /* the line only when it is another one: a caller that numbers lines
     * from elsewhere (JSON Lines chunks) moves the error's, not the text's */
    const struct claims__json_frame *f = &r->frames[r->depth - 1];
    const char *what = f->object ? "object" : "array";
    if (f->line == t->line)
        return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                       "unexpected end of the input: the %s opened at column "
                       "%d is not closed",
                       what, f->column);
    return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                   "unexpected end of the input: the %s opened at line %d, "
                   "column %d is not closed",
                   what, f->line, f->column);
}

static int read_value(claims__json *r, claims__json_token *t)
{
    unsigned char c = (unsigned char)r->s[r->i];
    if (c == '{' || c == '[')
        return push(r, t, c == '{');
    int rc;
    if (c == '"') {
        t->kind = CLAIMS__JSON_STRING;
        rc = read_string(r, t, false);
    } else if (word_byte(c)) {
        rc = read_word(r, t);
    } else {
        char d[16];
        if (r->state == ST_NEXT_VALUE && c == ']')
            return fail_at(r, CLAIMS_ESYNTAX, r->comma.off, r->comma.line, r->comma.column,
                           "trailing comma before ']'");
        return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                       "unexpected %s: a value expected", describe(d, c));
    }
    if (rc != CLAIMS_OK)
        return rc;
    after_value(r);
    return t->kind;
}

int claims__json_next(claims__json *r, claims__json_token *t)
{
    char d[16];
    if (r->state == ST_FAILED)
        return CLAIMS__JSON_ERROR;
    skip_ws(r);
    /* the separators, ':' after a key and ',' between members or elements,
     * are read on the way to the token after them */
    if (r->i < r->len && (r->state == ST_COLON || r->state == ST_COMMA)) {
        unsigned char c = (unsigned char)r->s[r->i];
        if (r->state == ST_COLON) {
            if (c != ':')
                return fail_at(r, CLAIMS_ESYNTAX, r->i, r->line, column_at(r, r->i),
                               "':' expected after the object key, not %s", describe(d, c));
            r->i++;
            r->state = ST_VALUE;
            skip_ws(r);
        } else if (c == ',') {
            r->comma.off = r->i;
            r->comma.line = r->line;
            r->comma.column = column_at(r, r->i);
            r->i++;
            r->state = r->frames[r->depth - 1].object ? ST_NEXT_KEY : ST_NEXT_VALUE;
            skip_ws(r);
        }
    }
    t->off = r->i;
    t->line = r->line;
    t->column = column_at(r, r->i);
    t->bad = SIZE_MAX;
    t->str = NULL;
    t->len = 0;
    t->integer = false;
    t->hashed = false;
    if (r->state == ST_DONE)
        return t->kind = CLAIMS__JSON_END;
    if (r->i >= r->len) {
        if (r->state != ST_AFTER)
            return fail_end(r, t);
        r->state = ST_DONE;
        return t->kind = CLAIMS__JSON_END;
    }
    unsigned char c = (unsigned char)r->s[r->i];
    switch (r->state) {
    case ST_AFTER:
        return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                       "unexpected %s after the end of the JSON value", describe(d, c));
    case ST_COMMA: { /* not a ',': the end of the container, or a fault */
        bool object = r->frames[r->depth - 1].object;
        if (c == (object ? '}' : ']'))
            return pop(r, t);
        return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                       "',' or '%c' expected, not %s", object ? '}' : ']', describe(d, c));
    }
    case ST_FIRST_KEY:
    case ST_NEXT_KEY:
        if (c == '"') {
            t->kind = CLAIMS__JSON_KEY;
            if (read_string(r, t, true) != CLAIMS_OK)
                return CLAIMS__JSON_ERROR;
            if (add_key(r, t) != CLAIMS_OK)
                return r->state == ST_FAILED
                           ? CLAIMS__JSON_ERROR
                           : fail_at(r, CLAIMS_ENOMEM, t->off, t->line, t->column, "out of memory");
            r->state = ST_COLON;
            return t->kind;
        }
        if (c == '}' && r->state == ST_FIRST_KEY)
            return pop(r, t);
        if (c == '}')
            return fail_at(r, CLAIMS_ESYNTAX, r->comma.off, r->comma.line, r->comma.column,
                           "trailing comma before '}'");
        return fail_at(r, CLAIMS_ESYNTAX, t->off, t->line, t->column,
                       "an object key (a string in double quotes) expected, "
                       "not %s",
                       describe(d, c));
    case ST_FIRST_VALUE:
        if (c == ']')
            return pop(r, t);
        return read_value(r, t);
    default: /* ST_VALUE, ST_NEXT_VALUE */ return read_value(r, t);
    }
}

int claims__json_skip(claims__json *r, const claims__json_token *first, claims__json_token *bad)
{
    if (first->kind != CLAIMS__JSON_OBJECT && first->kind != CLAIMS__JSON_ARRAY)
        return CLAIMS_OK;
    size_t depth = r->depth - 1;
    claims__json_token t;
    while (r->depth > depth) {
        int k = claims__json_next(r, &t);
        if (k == CLAIMS__JSON_ERROR)
            return r->error.code;
        if (bad && t.bad != SIZE_MAX && bad->bad == SIZE_MAX)
            *bad = t;
    }
    return CLAIMS_OK;
}

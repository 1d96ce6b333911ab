/*
 * fold.c - Unicode folding into comparison keys; the only utf8proc caller.
 *
 * The base fold (docs/normalization.md, "Folding") is: HTML character
 * references decoded, NFKC, case folding, marks stripped, the letters that
 * survive mark stripping spelled in ASCII (ł l, ø o, đ ð d, ı i, ħ h, ß ss,
 * æ ae, œ oe, þ th), curly quotes and apostrophes to ' and ", dashes to -,
 * control characters dropped, white space collapsed to one space and trimmed.
 * The punctuation pass (CLAIMS__FOLD_PUNCT) then keeps letters, digits and
 * symbols, joins dotted acronyms (U.S. -> us), keeps ' - & inside words,
 * reads a lone & as "and" and turns other punctuation into spaces.
 */
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* One code point to one, before utf8proc's own mappings (so capitals are
 * listed: case folding comes later). */
static utf8proc_int32_t fold_custom(utf8proc_int32_t c, void *data)
{
    (void)data;
    switch (c) {
    case 0x0141:
    case 0x0142: /* Ł ł */
    case 0x013F:
    case 0x0140: /* Ŀ ŀ: NFKC would leave a middle dot */ return 'l';
    case 0x00D8:
    case 0x00F8: /* Ø ø */
    case 0x01FE:
    case 0x01FF: /* Ǿ ǿ */ return 'o';
    case 0x0110:
    case 0x0111: /* Đ đ */
    case 0x00D0:
    case 0x00F0: /* Ð ð */ return 'd';
    case 0x0131: /* dotless ı (İ folds to i + dot, and the dot is a mark) */ return 'i';
    case 0x0126:
    case 0x0127: /* Ħ ħ */ return 'h';
    case 0x0166:
    case 0x0167: /* Ŧ ŧ */ return 't';
    case 0x014A:
    case 0x014B: /* Ŋ ŋ */ return 'n';
    case 0x0138: /* ĸ */ return 'k';
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B: /* ‘ ’ ‚ ‛ */
    case 0x2032:
    case 0x2035: /* prime, reversed prime */
    case 0x02B9:
    case 0x02BB:
    case 0x02BC:
    case 0x02BD: /* modifier letters */
    case 0x0060:
    case 0x00B4:
    case 0xFF07: /* grave, acute, fullwidth ' */ return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F: /* “ ” „ ‟ */
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A: /* « » ‹ › */
    case 0x2033:
    case 0x2036:
    case 0x301D:
    case 0x301E:
    case 0xFF02: return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013: /* hyphens, dashes */
    case 0x2014:
    case 0x2015:
    case 0x2043:
    case 0x2212: /* ... and minus */
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D: return '-';
    default: return c;
    }
}

/* ---- HTML character references ---------------------------------------------- */

/* Feeds copied from web pages carry "&amp;" and "R&ouml;mer". */
typedef struct html_entity {
    const char *name;
    int32_t cp;
} html_entity;

static const html_entity HTML_ENTITIES[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", ' '},     {"szlig", 0x00DF}, {"aelig", 0x00E6}, {"AElig", 0x00C6},  {"oelig", 0x0153},
    {"OElig", 0x0152}, {"eth", 0x00F0},   {"ETH", 0x00D0},   {"thorn", 0x00FE},  {"THORN", 0x00DE},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},  {"ldquo", 0x201C},
    {"rdquo", 0x201D}, {"laquo", 0x00AB}, {"raquo", 0x00BB}, {"hellip", 0x2026},
};

/* "&Xuml;" style references: a letter plus the name of its accent. */
typedef struct html_accent {
    const char *name;
    int32_t mark;
} html_accent;

static const html_accent HTML_ACCENTS[] = {
    {"uml", 0x0308},   {"acute", 0x0301}, {"grave", 0x0300}, {"circ", 0x0302},
    {"tilde", 0x0303}, {"cedil", 0x0327}, {"ring", 0x030A},  {"caron", 0x030C},
};

static bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

/* Decodes the reference at s[i] == '&'; appends it and returns its length, or
 * 0 when it is not a reference (the '&' is then literal). */
static size_t html_reference(claims_buf *out, const char *s, size_t len, size_t i, int *rc)
{
    size_t j = i + 1, max = i + 12 < len ? i + 12 : len;
    while (j < max && s[j] != ';')
        j++;
    if (j >= max || j == i + 1)
        return 0;
    const char *name = s + i + 1;
    size_t n = j - i - 1;
    int32_t cp = -1, mark = -1;
    if (name[0] == '#') {
        bool hex = n > 1 && (name[1] == 'x' || name[1] == 'X');
        size_t k = hex ? 2 : 1;
        if (k >= n)
            return 0;
        long v = 0;
        for (; k < n; k++) {
            char c = name[k];
            int d = ascii_digit(c)                ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                  : -1;
            if (d < 0 || v > 0x10FFFF)
                return 0;
            v = v * (hex ? 16 : 10) + d;
        }
        if (v <= 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        cp = (int32_t)v;
    } else {
        for (size_t k = 0; k < sizeof HTML_ENTITIES / sizeof HTML_ENTITIES[0]; k++) {
            if (strlen(HTML_ENTITIES[k].name) == n && memcmp(HTML_ENTITIES[k].name, name, n) == 0)
                cp = HTML_ENTITIES[k].cp;
        }
        for (size_t k = 0; cp < 0 && k < sizeof HTML_ACCENTS / sizeof HTML_ACCENTS[0]; k++) {
            size_t an = strlen(HTML_ACCENTS[k].name);
            if (n == an + 1 && ascii_alpha(name[0]) &&
                memcmp(name + 1, HTML_ACCENTS[k].name, an) == 0) {
                cp = (unsigned char)name[0];
                mark = HTML_ACCENTS[k].mark;
            }
        }
        if (cp < 0 && n == 6 && ascii_alpha(name[0]) && memcmp(name + 1, "slash", 5) == 0)
            cp = (name[0] == 'O' || name[0] == 'o') ? 'o' : name[0];
        if (cp < 0)
            return 0;
    }
    *rc = claims__buf_put_codepoint(out, cp);
    if (*rc == CLAIMS_OK && mark >= 0)
        *rc = claims__buf_put_codepoint(out, mark);
    return j - i + 1;
}

static int html_decode(claims_buf *out, const char *s, size_t len)
{
    claims__buf_clear(out);
    size_t i = 0;
    while (i < len) {
        const char *amp = memchr(s + i, '&', len - i);
        size_t stop = amp ? (size_t)(amp - s) : len;
        if (claims__buf_append(out, s + i, stop - i) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
        i = stop;
        if (i >= len)
            break;
        int rc = CLAIMS_OK;
        size_t used = html_reference(out, s, len, i, &rc);
        if (rc != CLAIMS_OK)
            return rc;
        if (!used) {
            if (claims__buf_putc(out, '&') != CLAIMS_OK)
                return CLAIMS_ENOMEM;
            used = 1;
        }
        i += used;
    }
    return CLAIMS_OK;
}

/* ---- the base fold ------------------------------------------------------------- */

static bool is_space(int32_t c)
{
    if (c == ' ' || (c >= 0x09 && c <= 0x0D))
        return true;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
           cat == UTF8PROC_CATEGORY_ZP;
}

/* Multi-letter spellings of single letters, applied after case folding. */
static const char *letter_expansion(int32_t c)
{
    switch (c) {
    case 0x00E6: return "ae"; /* æ */
    case 0x0153: return "oe"; /* œ */
    case 0x00FE: return "th"; /* þ */
    case 0x00DF: return "ss"; /* ß, should case folding have left it */
    default: return NULL;
    }
}

/* NFKC + case fold + strip marks + the mappings above, white space collapsed
 * and trimmed, into out (cleared first). */
/* The base fold of printable ASCII without a character reference, which
 * is all the fold does to it: lower case, ` as ', white space collapsed and
 * trimmed. False (nothing written) for other text. Most values are such
 * text, and utf8proc's work on them is all copying. */
static bool fold_ascii(claims_buf *out, const char *s, size_t len, int *rc)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] < 0x20 || s[i] > 0x7e || s[i] == '&')
            return false;
    claims__buf_clear(out);
    *rc = claims__buf_reserve(out, len);
    bool pending = false;
    for (size_t i = 0; i < len && *rc == CLAIMS_OK; i++) {
        char c = s[i];
        if (c == ' ') {
            pending = out->len > 0;
            continue;
        }
        if (pending)
            *rc = claims__buf_putc(out, ' ');
        pending = false;
        c = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c == '`' ? '\'' : c;
        if (*rc == CLAIMS_OK)
            *rc = claims__buf_putc(out, c);
    }
    if (*rc == CLAIMS_OK) /* NUL-terminated even when empty */
        *rc = claims__buf_append(out, "", 0);
    return true;
}

static int fold_base(claims_buf *out, const char *s, size_t len)
{
    int fast;
    if (fold_ascii(out, s, len, &fast))
        return fast;
    claims_buf decoded;
    claims__buf_init(&decoded);
    if (memchr(s, '&', len)) {
        int rc = html_decode(&decoded, s, len);
        if (rc != CLAIMS_OK) {
            claims__buf_free(&decoded);
            return rc;
        }
        s = decoded.data;
        len = decoded.len;
    }
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = 0;
    if (len > 0)
        n = utf8proc_map_custom((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &mapped,
                                (utf8proc_option_t)(UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                                    UTF8PROC_IGNORE | UTF8PROC_STRIPCC |
                                                    UTF8PROC_LUMP),
                                fold_custom, NULL);
    claims__buf_free(&decoded);
    if (n < 0) {
        free(mapped);
        return n == UTF8PROC_ERROR_NOMEM ? CLAIMS_ENOMEM : CLAIMS_ENCODING;
    }
    claims__buf_clear(out);
    int rc = claims__buf_reserve(out, (size_t)n);
    bool pending = false;
    const char *m = (const char *)mapped;
    size_t i = 0;
    while (rc == CLAIMS_OK && i < (size_t)n) {
        int32_t c = claims__utf8_next(m, (size_t)n, &i);
        if (c < 0) {
            rc = CLAIMS_ENCODING;
            break;
        }
        if (is_space(c)) {
            pending = out->len > 0;
            continue;
        }
        if (pending && (rc = claims__buf_putc(out, ' ')) != CLAIMS_OK)
            break;
        pending = false;
        const char *exp = letter_expansion(c);
        rc = exp ? claims__buf_append(out, exp, strlen(exp)) : claims__buf_put_codepoint(out, c);
    }
    free(mapped);
    if (rc == CLAIMS_OK) /* NUL-terminated even when empty */
        rc = claims__buf_append(out, "", 0);
    return rc;
}

/* ---- the punctuation pass --------------------------------------------------- */

bool claims__fold_is_alnum(int32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return true;
    default: return false;
    }
}

static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }

static bool is_letter(int32_t c) { return claims__fold_is_alnum(c) && !is_digit(c); }

/* Symbols (+ $ € °) and # % @ stay: "C++" is not "C". */
static bool is_kept_symbol(int32_t c)
{
    if (c == '#' || c == '%' || c == '@')
        return true;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SO: return true;
    default: return false;
    }
}

/* Output of the punctuation pass: spaces and commas are pending separators so
 * that runs collapse and nothing leads or trails. */
typedef struct punct_out {
    claims_buf *b;
    bool space, comma;
    int rc;
} punct_out;

static void pout_char(punct_out *o, int32_t c)
{
    if (o->rc != CLAIMS_OK)
        return;
    if (o->b->len > 0) {
        if (o->comma)
            o->rc = claims__buf_append(o->b, ", ", 2);
        else if (o->space)
            o->rc = claims__buf_putc(o->b, ' ');
    }
    o->space = o->comma = false;
    if (o->rc == CLAIMS_OK)
        o->rc = claims__buf_put_codepoint(o->b, c);
}

static void pout_text(punct_out *o, const char *s)
{
    for (; *s; s++)
        pout_char(o, (unsigned char)*s);
}

/* Length (in code points, from i) of a dotted acronym such as "u.s." or
 * "u.s.a": single letters each followed by a period, at least two letters,
 * the last period optional. 0 when there is none at i. */
static size_t dotted_acronym(const int32_t *c, size_t n, size_t i)
{
    if (i > 0 && claims__fold_is_alnum(c[i - 1]))
        return 0;
    size_t j = i, letters = 0;
    while (j < n && is_letter(c[j]) && (j + 1 == n || !claims__fold_is_alnum(c[j + 1]))) {
        letters++;
        if (j + 1 < n && c[j + 1] == '.') {
            j += 2;
        } else {
            j++;
            break;
        }
    }
    return letters >= 2 ? j - i : 0;
}

static int fold_punct(claims_buf *out, const char *s, size_t len, unsigned flags)
{
    int32_t *c = malloc((len + 1) * sizeof *c);
    if (!c)
        return CLAIMS_ENOMEM;
    size_t n = 0, i = 0;
    while (i < len) {
        int32_t cp = claims__utf8_next(s, len, &i);
        if (cp < 0) {
            free(c);
            return CLAIMS_ENCODING;
        }
        c[n++] = cp;
    }
    claims__buf_clear(out);
    punct_out o = {out, false, false, claims__buf_append(out, "", 0)};
    for (i = 0; i < n && o.rc == CLAIMS_OK; i++) {
        int32_t cp = c[i];
        bool prev = i > 0 && claims__fold_is_alnum(c[i - 1]);
        bool next = i + 1 < n && claims__fold_is_alnum(c[i + 1]);
        size_t acr;
        if (claims__fold_is_alnum(cp) || is_kept_symbol(cp)) {
            if ((acr = dotted_acronym(c, n, i)) > 0) {
                for (size_t k = i; k < i + acr; k++)
                    if (c[k] != '.')
                        pout_char(&o, c[k]);
                i += acr - 1;
            } else {
                pout_char(&o, cp);
            }
        } else if (cp == '.' && prev && next && is_digit(c[i - 1]) && is_digit(c[i + 1])) {
            pout_char(&o, cp); /* 3.5 */
        } else if (cp == ',' && prev && next && is_digit(c[i - 1]) && is_digit(c[i + 1])) {
            continue; /* 9,000 */
        } else if (cp == ',' && (flags & CLAIMS__FOLD_COMMAS)) {
            o.comma = o.b->len > 0;
        } else if ((cp == '\'' || cp == '-' || cp == '&') && prev && next) {
            pout_char(&o, cp); /* o'brien, asia-pacific, at&t */
        } else if (cp == '&') {
            o.space = true;
            pout_text(&o, "and");
            o.space = true;
        } else {
            o.space = true;
        }
    }
    free(c);
    return o.rc;
}

/* Drops "the " at the start of the key and of each ", " part when more
 * follows in that part ("the the x" loses both). */
static void drop_articles(claims_buf *b)
{
    size_t r = 0, w = 0;
    bool part_start = true;
    while (r < b->len) {
        while (part_start && b->len - r > 4 && memcmp(b->data + r, "the ", 4) == 0 &&
               b->data[r + 4] != ',')
            r += 4;
        part_start = false;
        char ch = b->data[r++];
        b->data[w++] = ch;
        if (ch == ',' && r < b->len && b->data[r] == ' ') {
            b->data[w++] = b->data[r++];
            part_start = true;
        }
    }
    b->len = w;
    b->data[w] = '\0';
}

int claims__fold(claims_buf *out, const char *s, size_t len, unsigned flags)
{
    if (!(flags & CLAIMS__FOLD_PUNCT))
        return fold_base(out, s, len);
    claims_buf base;
    claims__buf_init(&base);
    int rc = fold_base(&base, s, len);
    if (rc == CLAIMS_OK)
        rc = fold_punct(out, base.data, base.len, flags);
    claims__buf_free(&base);
    if (rc == CLAIMS_OK && (flags & CLAIMS__FOLD_ARTICLE))
        drop_articles(out);
    return rc;
}

/* ---- helpers shared by the name normalizers --------------------------------- */

size_t claims__fold_words(const char *s, size_t len, claims_str *words, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len) {
        while (i < len && s[i] == ' ')
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i > start) {
            if (n < max)
                words[n] = (claims_str){s + start, i - start};
            n++;
        }
    }
    return n;
}

bool claims__str_eq(claims_str a, const char *b)
{
    size_t n = strlen(b);
    return a.len == n && memcmp(a.ptr, b, n) == 0;
}

/* Keys whose text says there is no value. */
static const char *const NONE_KEYS[] = {
    "not available",  "n a",     "unknown",   "none", "not known", "not specified", "unspecified",
    "not applicable", "no data", "not given", "null",
};

bool claims__fold_is_none(const char *key, size_t len)
{
    claims_str k = {key, len};
    for (size_t i = 0; i < sizeof NONE_KEYS / sizeof NONE_KEYS[0]; i++)
        if (claims__str_eq(k, NONE_KEYS[i]))
            return true;
    return false;
}

int claims__clip(const char *s, size_t len, size_t max)
{
    if (len <= max)
        return (int)len;
    size_t n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

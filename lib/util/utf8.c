/* utf8.c - UTF-8 validation and decoding. Validation is strict (no overlong
 * forms, no surrogates) and also rejects NUL: every string the library keeps
 * is handed back NUL-terminated, so an embedded NUL would silently cut it. */
#include "util/util.h"

int32_t claims__utf8_next(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t p = *i;
    if (p >= len)
        return -1;
    unsigned char c = s[p];
    int32_t cp;
    size_t n;
    if (c < 0x80) {
        *i = p + 1;
        return c;
    } else if (c >= 0xC2 && c <= 0xDF) {
        cp = c & 0x1F;
        n = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        cp = c & 0x0F;
        n = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
        cp = c & 0x07;
        n = 3;
    } else {
        return -1;
    }
    if (len - p - 1 < n)
        return -1;
    for (size_t k = 1; k <= n; k++) {
        unsigned char cc = s[p + k];
        if ((cc & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (cc & 0x3F);
    }
    /* overlong, surrogate and beyond-Unicode forms */
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return -1;
    *i = p + n + 1;
    return cp;
}

int claims__utf8_check(const char *s, size_t len, size_t *bad)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x01 && c < 0x80) { /* fast path for ASCII */
            i++;
            continue;
        }
        size_t at = i;
        if (c == 0 || claims__utf8_next(s, len, &i) < 0) {
            if (bad)
                *bad = at;
            return CLAIMS_ENCODING;
        }
    }
    return CLAIMS_OK;
}

size_t claims__utf8_length(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

int claims__buf_put_codepoint(claims_buf *b, int32_t c)
{
    char tmp[4];
    size_t n;
    if (c < 0 || c > 0x10FFFF)
        return CLAIMS_EINVAL;
    if (c < 0x80) {
        tmp[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        tmp[0] = (char)(0xC0 | (c >> 6));
        tmp[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        tmp[0] = (char)(0xE0 | (c >> 12));
        tmp[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        tmp[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        tmp[0] = (char)(0xF0 | (c >> 18));
        tmp[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        tmp[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        tmp[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    return claims__buf_append(b, tmp, n);
}

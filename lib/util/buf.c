/* buf.c - growable NUL-terminated byte buffers. */
#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void claims__buf_init(claims_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void claims__buf_free(claims_buf *b)
{
    free(b->data);
    claims__buf_init(b);
}

void claims__buf_clear(claims_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

int claims__buf_reserve(claims_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return CLAIMS_ENOMEM;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return CLAIMS_OK;
    size_t cap = b->cap ? b->cap : 32;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p)
        return CLAIMS_ENOMEM;
    b->data = p;
    b->cap = cap;
    return CLAIMS_OK;
}

int claims__buf_append(claims_buf *b, const char *s, size_t n)
{
    if (claims__buf_reserve(b, n) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return CLAIMS_OK;
}

int claims__buf_putc(claims_buf *b, char c) { return claims__buf_append(b, &c, 1); }

int claims__buf_printf(claims_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return CLAIMS_ERROR;
    if (claims__buf_reserve(b, (size_t)n) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return CLAIMS_OK;
}

int claims__buf_read_stream(claims_buf *b, FILE *f)
{
    for (;;) {
        if (claims__buf_reserve(b, 65536) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
        size_t n = fread(b->data + b->len, 1, b->cap - b->len - 1, f);
        b->len += n;
        b->data[b->len] = '\0';
        if (n == 0)
            break;
    }
    return ferror(f) ? CLAIMS_EIO : CLAIMS_OK;
}

bool claims__ascii_ieq(const char *a, size_t alen, const char *b)
{
    size_t i = 0;
    for (; i < alen && b[i]; i++)
        if (claims__ascii_lower(a[i]) != claims__ascii_lower(b[i]))
            return false;
    return i == alen && b[i] == '\0';
}

/*
 * compare.c - what the comparisons of every value type share: the reason
 * text of a comparison, and the "same value" answer that says which folded
 * texts read alike.
 */
#include "values/values_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void claims__reason(claims_comparison *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out->reason, sizeof out->reason, fmt, ap);
    va_end(ap);
    if (n < 0) {
        out->reason[0] = '\0';
        return;
    }
    /* a cut must not leave half a UTF-8 sequence */
    size_t len = strlen(out->reason);
    size_t i = len;
    while (i > 0 && ((unsigned char)out->reason[i - 1] & 0xC0) == 0x80)
        i--;
    if (i > 0 && (unsigned char)out->reason[i - 1] >= 0xC0) {
        size_t i2 = i - 1;
        if (claims__utf8_next(out->reason, len, &i2) < 0)
            out->reason[i - 1] = '\0';
    }
}

void claims__fold_equal(claims_comparison *out, const claims_value *a, const claims_value *b,
                        unsigned flags, const char *noun)
{
    const char *norm = claims_value_normalized(a);
    out->relation = CLAIMS_RELATION_EQUAL;
    out->score = 1.0;
    /* the same words: nothing to fold to explain (the common case, and
     * folding costs more than the comparison itself) */
    if (a->text.len == b->text.len &&
        (a->text.len == 0 || memcmp(a->text.data, b->text.data, a->text.len) == 0)) {
        claims__reason(out, "same %s: %s", noun, norm);
        return;
    }
    claims_buf ta, tb;
    claims__buf_init(&ta);
    claims__buf_init(&tb);
    if (claims__fold(&ta, a->text.data ? a->text.data : "", a->text.len, flags) == CLAIMS_OK &&
        claims__fold(&tb, b->text.data ? b->text.data : "", b->text.len, flags) == CLAIMS_OK &&
        strcmp(ta.data, tb.data) != 0)
        claims__reason(out, "%s and %s both read as %s", ta.data, tb.data, norm);
    else
        claims__reason(out, "same %s: %s", noun, norm);
    claims__buf_free(&ta);
    claims__buf_free(&tb);
}

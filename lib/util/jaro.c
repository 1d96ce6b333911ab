/*
 * jaro.c - Jaro and Jaro-Winkler similarity by code point, with the
 * semantics of jellyfish (github.com/jamesturk/jellyfish): 0 when either
 * string is empty; matches searched within max(len)/2 - 1; the Winkler boost
 * (scale 0.1, common prefix up to 4) only above 0.7; case-sensitive.
 */
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* Decodes s into a new array of code points; -1 on invalid UTF-8, -2 when
 * out of memory. */
static long decode(const char *s, size_t len, int32_t **out)
{
    *out = NULL;
    if (!s && len)
        return -1;
    int32_t *cp = malloc((len ? len : 1) * sizeof *cp);
    if (!cp)
        return -2;
    size_t n = 0, i = 0;
    while (i < len) {
        int32_t c = claims__utf8_next(s, len, &i);
        if (c < 0) {
            free(cp);
            return -1;
        }
        cp[n++] = c;
    }
    *out = cp;
    return (long)n;
}

static double jaro_core(const int32_t *a, size_t na, const int32_t *b, size_t nb, bool winkler)
{
    if (na == 0 || nb == 0)
        return 0.0;
    size_t range = (na > nb ? na : nb) / 2;
    range = range > 0 ? range - 1 : 0;
    bool *fa = calloc(na + nb, sizeof *fa);
    if (!fa)
        return -1.0;
    bool *fb = fa + na;
    size_t common = 0;
    for (size_t i = 0; i < na; i++) {
        size_t lo = i > range ? i - range : 0;
        size_t hi = i + range < nb - 1 ? i + range : nb - 1;
        for (size_t j = lo; j <= hi; j++) {
            if (!fb[j] && b[j] == a[i]) {
                fa[i] = fb[j] = true;
                common++;
                break;
            }
        }
    }
    if (common == 0) {
        free(fa);
        return 0.0;
    }
    size_t k = 0, trans = 0;
    for (size_t i = 0; i < na; i++) {
        if (!fa[i])
            continue;
        size_t j = k;
        while (j < nb && !fb[j])
            j++;
        k = j + 1;
        if (j < nb && a[i] != b[j])
            trans++;
    }
    free(fa);
    trans /= 2;
    double m = (double)common;
    double w = (m / (double)na + m / (double)nb + (m - (double)trans) / m) / 3.0;
    if (winkler && w > 0.7) {
        size_t lim = na < nb ? na : nb;
        lim = lim < 4 ? lim : 4;
        size_t p = 0;
        while (p < lim && a[p] == b[p])
            p++;
        w += (double)p * 0.1 * (1.0 - w);
    }
    return w;
}

/* The status for decode()'s failure n (-1 invalid UTF-8, -2 no memory). */
static int decode_status(long n, const char *s)
{
    if (n == -2)
        return CLAIMS_ENOMEM;
    return s ? CLAIMS_ENCODING : CLAIMS_EINVAL; /* NULL with a length */
}

static int similarity(double *out, const char *a, size_t alen, const char *b, size_t blen,
                      bool winkler)
{
    if (!out)
        return CLAIMS_EINVAL;
    int32_t *ca, *cb;
    long na = decode(a, alen, &ca);
    if (na < 0)
        return decode_status(na, a);
    long nb = decode(b, blen, &cb);
    if (nb < 0) {
        free(ca);
        return decode_status(nb, b);
    }
    *out = jaro_core(ca, (size_t)na, cb, (size_t)nb, winkler);
    free(ca);
    free(cb);
    return CLAIMS_OK;
}

int claims_jaro(double *out, const char *a, size_t alen, const char *b, size_t blen)
{
    return similarity(out, a, alen, b, blen, false);
}

int claims_jaro_winkler(double *out, const char *a, size_t alen, const char *b, size_t blen)
{
    return similarity(out, a, alen, b, blen, true);
}

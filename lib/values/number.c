/* number.c - NUMBER values: numerals and English number words, fractions,
 * hedges, bounds and ranges; and the comparison NUMBER and DURATION share.
 *
 * The text is cut once into tokens (claims__number_scan); the grammar then
 * works on token spans and accepts a span only when it explains all of it,
 * so a reading never silently drops words. Nothing here allocates except the
 * canonical string, which reuses the value's buffer. */
#include "values/number_grammar.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Integers above 2^53 cannot all be held exactly in a double. */
#define TWO53 9007199254740992.0

/* ---- vocabulary ------------------------------------------------------------ */

enum word_class {
    W_NONE = 0,
    W_ZERO, /* zero, nought: a number or a leading zero */
    W_OH,   /* "o", "oh": only as a leading zero ("o eight") */
    W_UNIT, /* one .. nine */
    W_TEEN, /* ten .. nineteen */
    W_TENS, /* twenty .. ninety */
    W_HUNDRED,
    W_SCALE, /* thousand, million, lakh, crore ... */
    W_ABBR,  /* k, M, bn: a scale only right after a numeral */
    W_DOZEN,
    W_ORD_UNIT,    /* first .. ninth */
    W_ORD_TEEN,    /* tenth .. nineteenth */
    W_ORD_TENS,    /* twentieth .. ninetieth */
    W_ORD_HUNDRED, /* hundredth */
    W_ORD_SCALE,   /* thousandth, millionth ... */
    W_HALF,        /* a denominator of 2, never an ordinal */
    W_QUARTER,     /* a denominator of 4 */
    W_A,           /* a, an */
    W_AND,
    W_POINT,
    W_MINUS,  /* minus, negative */
    W_COUPLE, /* couple, pair: 2 */
    W_FEW,    /* few, several: 3, vague */
    W_SINGLE, /* single: 1 */
    W_THE,
    W_OF,
    W_SUFFIX /* st, nd, rd, th after a numeral */
};

/* Word flags (claims__tok.flags of a WORD). */
#define WF_PLURAL 1u   /* "fifths", "thousands" */
#define WF_COMPOUND 2u /* "oneth": only after a tens word ("forty-oneth") */
#define WF_VAGUE 4u    /* "few", "several" */

typedef struct vocab {
    const char *word;
    unsigned char cls;
    unsigned char flags;
    double value;
} vocab;

/* Matched case-insensitively. Misspellings are listed only where peers treat
 * them as words ("fourty"). */
static const vocab VOCAB[] = {
    {"zero", W_ZERO, 0, 0},
    {"nought", W_ZERO, 0, 0},
    {"naught", W_ZERO, 0, 0},
    {"nil", W_ZERO, 0, 0},
    {"o", W_OH, 0, 0},
    {"oh", W_OH, 0, 0},
    {"one", W_UNIT, 0, 1},
    {"two", W_UNIT, 0, 2},
    {"three", W_UNIT, 0, 3},
    {"four", W_UNIT, 0, 4},
    {"five", W_UNIT, 0, 5},
    {"six", W_UNIT, 0, 6},
    {"seven", W_UNIT, 0, 7},
    {"eight", W_UNIT, 0, 8},
    {"nine", W_UNIT, 0, 9},
    {"ten", W_TEEN, 0, 10},
    {"eleven", W_TEEN, 0, 11},
    {"twelve", W_TEEN, 0, 12},
    {"thirteen", W_TEEN, 0, 13},
    {"fourteen", W_TEEN, 0, 14},
    {"fifteen", W_TEEN, 0, 15},
    {"sixteen", W_TEEN, 0, 16},
    {"seventeen", W_TEEN, 0, 17},
    {"eighteen", W_TEEN, 0, 18},
    {"nineteen", W_TEEN, 0, 19},
    {"twenty", W_TENS, 0, 20},
    {"thirty", W_TENS, 0, 30},
    {"forty", W_TENS, 0, 40},
    {"fourty", W_TENS, 0, 40},
    {"fifty", W_TENS, 0, 50},
    {"sixty", W_TENS, 0, 60},
    {"seventy", W_TENS, 0, 70},
    {"eighty", W_TENS, 0, 80},
    {"ninety", W_TENS, 0, 90},
    {"hundred", W_HUNDRED, 0, 100},
    {"thousand", W_SCALE, 0, 1e3},
    {"million", W_SCALE, 0, 1e6},
    {"billion", W_SCALE, 0, 1e9},
    {"trillion", W_SCALE, 0, 1e12},
    {"quadrillion", W_SCALE, 0, 1e15},
    {"quintillion", W_SCALE, 0, 1e18},
    {"sextillion", W_SCALE, 0, 1e21},
    /* Indian English: lakh = 10^5, crore = 10^7 */
    {"lakh", W_SCALE, 0, 1e5},
    {"lac", W_SCALE, 0, 1e5},
    {"lkh", W_SCALE, 0, 1e5},
    {"crore", W_SCALE, 0, 1e7},
    {"krore", W_SCALE, 0, 1e7},
    {"cr", W_SCALE, 0, 1e7},
    {"koti", W_SCALE, 0, 1e7},
    /* newsroom abbreviations, any case, only after a numeral */
    {"bn", W_ABBR, 0, 1e9},
    {"bln", W_ABBR, 0, 1e9},
    {"mil", W_ABBR, 0, 1e6},
    {"mln", W_ABBR, 0, 1e6},
    {"tn", W_ABBR, 0, 1e12},
    {"tln", W_ABBR, 0, 1e12},
    {"trn", W_ABBR, 0, 1e12},
    {"dozen", W_DOZEN, 0, 12},
    {"doz", W_DOZEN, 0, 12},
    {"dz", W_DOZEN, 0, 12},
    {"first", W_ORD_UNIT, 0, 1},
    {"second", W_ORD_UNIT, 0, 2},
    {"third", W_ORD_UNIT, 0, 3},
    {"fourth", W_ORD_UNIT, 0, 4},
    {"fifth", W_ORD_UNIT, 0, 5},
    {"sixth", W_ORD_UNIT, 0, 6},
    {"seventh", W_ORD_UNIT, 0, 7},
    {"eighth", W_ORD_UNIT, 0, 8},
    {"ninth", W_ORD_UNIT, 0, 9},
    {"oneth", W_ORD_UNIT, WF_COMPOUND, 1},
    {"tenth", W_ORD_TEEN, 0, 10},
    {"eleventh", W_ORD_TEEN, 0, 11},
    {"twelfth", W_ORD_TEEN, 0, 12},
    {"thirteenth", W_ORD_TEEN, 0, 13},
    {"fourteenth", W_ORD_TEEN, 0, 14},
    {"fifteenth", W_ORD_TEEN, 0, 15},
    {"sixteenth", W_ORD_TEEN, 0, 16},
    {"seventeenth", W_ORD_TEEN, 0, 17},
    {"eighteenth", W_ORD_TEEN, 0, 18},
    {"nineteenth", W_ORD_TEEN, 0, 19},
    {"twentieth", W_ORD_TENS, 0, 20},
    {"thirtieth", W_ORD_TENS, 0, 30},
    {"fortieth", W_ORD_TENS, 0, 40},
    {"fourtieth", W_ORD_TENS, 0, 40},
    {"fiftieth", W_ORD_TENS, 0, 50},
    {"sixtieth", W_ORD_TENS, 0, 60},
    {"seventieth", W_ORD_TENS, 0, 70},
    {"eightieth", W_ORD_TENS, 0, 80},
    {"ninetieth", W_ORD_TENS, 0, 90},
    {"hundredth", W_ORD_HUNDRED, 0, 100},
    {"thousandth", W_ORD_SCALE, 0, 1e3},
    {"millionth", W_ORD_SCALE, 0, 1e6},
    {"billionth", W_ORD_SCALE, 0, 1e9},
    {"trillionth", W_ORD_SCALE, 0, 1e12},
    {"half", W_HALF, 0, 2},
    {"halves", W_HALF, WF_PLURAL, 2},
    {"quarter", W_QUARTER, 0, 4},
    {"a", W_A, 0, 1},
    {"an", W_A, 0, 1},
    {"and", W_AND, 0, 0},
    {"point", W_POINT, 0, 0},
    {"minus", W_MINUS, 0, 0},
    {"negative", W_MINUS, 0, 0},
    {"couple", W_COUPLE, 0, 2},
    {"pair", W_COUPLE, 0, 2},
    {"few", W_FEW, WF_VAGUE, 3},
    {"several", W_FEW, WF_VAGUE, 3},
    {"single", W_SINGLE, 0, 1},
    {"the", W_THE, 0, 0},
    {"of", W_OF, 0, 0},
    {"st", W_SUFFIX, 0, 0},
    {"nd", W_SUFFIX, 0, 0},
    {"rd", W_SUFFIX, 0, 0},
    {"th", W_SUFFIX, 0, 0},
};

/* Scale abbreviations whose case matters: "3M" is three million, "3m" is
 * three metres or minutes; "1MM" is finance's million, "1mm" a millimetre. */
static const vocab ABBR_EXACT[] = {
    {"k", W_ABBR, 0, 1e3}, {"K", W_ABBR, 0, 1e3}, {"M", W_ABBR, 0, 1e6}, {"MM", W_ABBR, 0, 1e6},
    {"G", W_ABBR, 0, 1e9}, {"B", W_ABBR, 0, 1e9}, {"b", W_ABBR, 0, 1e9},
};

/* Classes that take a plural "s" ("fifths", "thousands", "dozens"). */
static bool plural_ok(unsigned cls)
{
    return cls == W_HUNDRED || cls == W_SCALE || cls == W_DOZEN || cls == W_QUARTER ||
           (cls >= W_ORD_UNIT && cls <= W_ORD_SCALE);
}

static const vocab *vocab_find(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof VOCAB / sizeof VOCAB[0]; i++)
        if (VOCAB[i].word[0] == w[0] && strlen(VOCAB[i].word) == n &&
            memcmp(VOCAB[i].word, w, n) == 0)
            return &VOCAB[i];
    return NULL;
}

static void classify_word(claims__tok *t, const char *s)
{
    size_t n = (size_t)(t->end - t->start);
    const char *w = s + t->start;
    for (size_t i = 0; i < sizeof ABBR_EXACT / sizeof ABBR_EXACT[0]; i++) {
        if (strlen(ABBR_EXACT[i].word) == n && memcmp(ABBR_EXACT[i].word, w, n) == 0) {
            t->word = ABBR_EXACT[i].cls;
            t->value = ABBR_EXACT[i].value;
            return;
        }
    }
    char low[24];
    if (n >= sizeof low)
        return;
    for (size_t i = 0; i < n; i++)
        low[i] = claims__ascii_lower(w[i]);
    const vocab *v = vocab_find(low, n);
    unsigned flags = 0;
    if (!v && n > 2 && low[n - 1] == 's') {
        v = vocab_find(low, n - 1);
        if (v && !plural_ok(v->cls))
            v = NULL;
        flags = WF_PLURAL;
    }
    if (!v)
        return;
    t->word = v->cls;
    t->flags = (uint8_t)(v->flags | flags);
    t->value = v->value;
}

/* ---- the scanner ------------------------------------------------------------ */

static bool is_space_cp(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Spaces that may separate digit groups: "1 000", also with a no-break or
 * thin space. */
static size_t group_space(const char *s, size_t len, size_t i)
{
    if (i < len && s[i] == ' ')
        return 1;
    size_t j = i;
    int32_t c = j < len ? claims__utf8_next(s, len, &j) : -1;
    return (c == 0xA0 || c == 0x2009 || c == 0x202F) ? j - i : 0;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static size_t digit_run(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && is_digit(s[j]))
        j++;
    return j - i;
}

static bool is_dash_cp(int32_t c)
{
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}

/* Vulgar fraction characters, as numerator and denominator. */
static bool vulgar_value(int32_t c, double *v)
{
    static const struct {
        int32_t cp;
        int num, den;
    } fr[] = {
        {0xBC, 1, 4},    {0xBD, 1, 2},   {0xBE, 3, 4},   {0x2150, 1, 7}, {0x2151, 1, 9},
        {0x2152, 1, 10}, {0x2153, 1, 3}, {0x2154, 2, 3}, {0x2155, 1, 5}, {0x2156, 2, 5},
        {0x2157, 3, 5},  {0x2158, 4, 5}, {0x2159, 1, 6}, {0x215A, 5, 6}, {0x215B, 1, 8},
        {0x215C, 3, 8},  {0x215D, 5, 8}, {0x215E, 7, 8},
    };
    for (size_t i = 0; i < sizeof fr / sizeof fr[0]; i++) {
        if (fr[i].cp == c) {
            *v = (double)fr[i].num / (double)fr[i].den;
            return true;
        }
    }
    return false;
}

/* Code points that are punctuation or symbols rather than word letters. */
static bool is_punct_cp(int32_t c)
{
    if (c < 0x80)
        return !is_alpha((char)c) && !is_digit((char)c);
    return is_dash_cp(c) || (c >= 0x2016 && c <= 0x206F) || c == 0xD7 || c == 0xF7 ||
           (c >= 0x2190 && c <= 0x22FF) || c == 0xAB || c == 0xBB || c == 0xB7 || c == 0xB0 ||
           (c >= 0xA1 && c <= 0xBF);
}

static const double POW10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                               1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* Exact decimal digits to double: mantissa and power of ten, both exact in
 * doubles, so one multiplication or division rounds correctly (Clinger's
 * fast path). Outside it the number cannot be held faithfully: ERANGE. */
static int decimal_value(uint64_t mant, int exp10, double *out)
{
    if (mant == 0) {
        *out = 0;
        return CLAIMS_OK;
    }
    if (mant > (UINT64_C(1) << 53))
        return CLAIMS_ERANGE;
    if (exp10 >= 0) {
        if (exp10 > 22)
            return CLAIMS_ERANGE;
        *out = (double)mant * POW10[exp10];
        return CLAIMS_OK;
    }
    if (-exp10 > 22)
        return CLAIMS_ERANGE;
    *out = (double)mant / POW10[-exp10];
    return CLAIMS_OK;
}

/* Digits accumulated into a mantissa, separators skipped; the adders
 * return false beyond 19 significant digits. */
typedef struct digits {
    uint64_t mant;
    int sig;   /* significant digits taken */
    int frac;  /* of which after the decimal point */
    int zeros; /* pending trailing zeros of the fraction */
} digits;

/* Fraction digits: zeros are kept pending until a non-zero digit follows. */
static bool digits_frac(digits *d, char c)
{
    if (c == '0') {
        d->zeros++;
        return true;
    }
    while (d->zeros > 0) {
        d->zeros--;
        if (d->sig == 0) {
            d->frac++;
            continue;
        }
        if (d->sig >= 19)
            return false;
        d->mant *= 10;
        d->sig++;
        d->frac++;
    }
    if (d->sig >= 19)
        return false;
    d->mant = d->mant * 10 + (uint64_t)(c - '0');
    d->sig++;
    d->frac++;
    return true;
}

static bool digits_int(digits *d, char c)
{
    if (d->sig == 0 && c == '0')
        return true;
    if (d->sig >= 19)
        return false;
    d->mant = d->mant * 10 + (uint64_t)(c - '0');
    d->sig++;
    return true;
}

/* Reads a numeral at s[i]: digits with "," or " " thousands groups (Western
 * 1,234,567 or Indian 12,34,567), a decimal part, an exponent ("1.3e6");
 * "1.234.567" / "1.111,11" dot grouping and "5,00" decimal comma as written
 * in much of Europe. Sets *end, the value and CLAIMS__NUM_* flags. */
static bool scan_numeral(const char *s, size_t len, size_t i, size_t *end, uint64_t *mant, int *exp,
                         uint8_t *flags)
{
    digits d = {0, 0, 0, 0};
    bool ok = true, grouped = false, decimal = false;
    size_t first = digit_run(s, len, i), p = i + first;
    for (size_t k = i; k < p; k++)
        ok = ok && digits_int(&d, s[k]);

    /* comma groups */
    size_t groups[32], ng = 0, q = p;
    while (ng < 32 && q + 1 < len && s[q] == ',' && is_digit(s[q + 1])) {
        groups[ng++] = digit_run(s, len, q + 1);
        q += 1 + groups[ng - 1];
    }
    bool western = first >= 1 && first <= 3 && ng > 0;
    for (size_t g = 0; g < ng; g++)
        western = western && groups[g] == 3;
    bool indian = first >= 1 && first <= 2 && ng >= 2 && groups[ng - 1] == 3;
    for (size_t g = 0; indian && g + 1 < ng; g++)
        indian = groups[g] == 2;
    bool comma_decimal = first >= 1 && ng == 1 && groups[0] != 3 &&
                         !(q + 1 < len && s[q] == '.' && is_digit(s[q + 1]));
    if (western || indian) {
        for (size_t k = p; k < q; k++)
            if (is_digit(s[k]))
                ok = ok && digits_int(&d, s[k]);
        p = q;
        grouped = true;
    } else if (comma_decimal) {
        for (size_t k = p + 1; k < q; k++)
            ok = ok && digits_frac(&d, s[k]);
        p = q;
        decimal = true;
    } else if (first >= 1 && first <= 3) {
        /* dot groups: two or more, or one followed by a decimal comma */
        size_t r = p, nd = 0;
        while (r + 4 <= len && s[r] == '.' && digit_run(s, len, r + 1) == 3) {
            r += 4;
            nd++;
        }
        bool dec = r + 1 < len && s[r] == ',' && is_digit(s[r + 1]);
        if (nd >= 2 || (nd == 1 && dec)) {
            for (size_t k = p; k < r; k++)
                if (is_digit(s[k]))
                    ok = ok && digits_int(&d, s[k]);
            p = r;
            grouped = true;
            if (dec) {
                size_t fd = digit_run(s, len, p + 1);
                for (size_t k = p + 1; k < p + 1 + fd; k++)
                    ok = ok && digits_frac(&d, s[k]);
                p += 1 + fd;
                decimal = true;
            }
        } else {
            /* space groups of exactly three digits: "1 234 567" */
            size_t r2 = p, sp;
            while ((sp = group_space(s, len, r2)) > 0 && digit_run(s, len, r2 + sp) == 3 &&
                   !(r2 + sp + 3 < len && s[r2 + sp + 3] == '/')) {
                for (size_t k = r2 + sp; k < r2 + sp + 3; k++)
                    ok = ok && digits_int(&d, s[k]);
                r2 += sp + 3;
                grouped = true;
            }
            p = r2;
        }
    }
    if (!decimal && p + 1 < len && s[p] == '.' && is_digit(s[p + 1])) {
        size_t fd = digit_run(s, len, p + 1);
        for (size_t k = p + 1; k < p + 1 + fd; k++)
            ok = ok && digits_frac(&d, s[k]);
        p += 1 + fd;
        decimal = true;
    }
    int exp10 = 0;
    bool has_exp = false;
    if (p < len && (s[p] == 'e' || s[p] == 'E')) {
        size_t r = p + 1;
        int sign = 1;
        if (r < len && (s[r] == '+' || s[r] == '-'))
            sign = s[r++] == '-' ? -1 : 1;
        size_t ed = digit_run(s, len, r);
        if (ed > 0 && !(r + ed < len && is_alpha(s[r + ed]))) {
            long ev = 0;
            for (size_t k = r; k < r + ed; k++)
                ev = ev < 100000 ? ev * 10 + (s[k] - '0') : ev;
            exp10 = (int)(sign * ev);
            has_exp = true;
            p = r + ed;
        }
    }
    *end = p;
    *flags = 0;
    *mant = d.mant;
    *exp = exp10 - d.frac;
    if (*exp >= 0 || d.mant == 0)
        *flags |= CLAIMS__NUM_INTEGER;
    if (grouped)
        *flags |= CLAIMS__NUM_GROUPED;
    if (!grouped && !decimal && !has_exp)
        *flags |= CLAIMS__NUM_PLAIN;
    return ok;
}

/* The exact digits of numeral token i times 10^k: "6.23x10^-4" is
 * 623e-6, with one rounding. */
static int numeral_scaled(const claims__scan *sc, size_t i, double k, double *out)
{
    const claims__tok *t = &sc->tok[i];
    size_t end;
    uint64_t mant;
    int exp;
    uint8_t flags;
    if (fabs(k) > 400 || !scan_numeral(sc->s, t->end, t->start, &end, &mant, &exp, &flags))
        return CLAIMS_ERANGE;
    return decimal_value(mant, exp + (int)k, out);
}

int claims__number_scan(claims__scan *sc, const char *s, size_t len, const char *what,
                        claims_error *err)
{
    sc->s = s;
    sc->n = 0;
    sc->work = CLAIMS__NUM_WORK;
    sc->exhausted = false;
    if (len > UINT16_MAX) /* token offsets are 16-bit */
        return claims__error_simple(err, CLAIMS_ERANGE, "text of %zu bytes is too long to be a %s",
                                    len, what);
    size_t i = 0;
    bool space = true;
    while (i < len) {
        size_t start = i;
        unsigned char c = (unsigned char)s[i];
        claims__tok t;
        memset(&t, 0, sizeof t);
        if (is_digit((char)c) || (c == '.' && i + 1 < len && is_digit(s[i + 1]))) {
            size_t end;
            uint64_t mant;
            int exp;
            if (!scan_numeral(s, len, i, &end, &mant, &exp, &t.flags) ||
                decimal_value(mant, exp, &t.value) != CLAIMS_OK) {
                int n = (int)(end - start > 40 ? 40 : end - start);
                return claims__error_simple(err, CLAIMS_ERANGE,
                                            "numeral '%.*s' cannot be held exactly (beyond 2^53, "
                                            "more than 19 digits or an exponent beyond 22)",
                                            n, s + start);
            }
            t.kind = CLAIMS__TOK_NUMERAL;
            i = end;
        } else if (c < 0x80 && is_alpha((char)c)) {
            while (i < len && (unsigned char)s[i] < 0x80 && is_alpha(s[i]))
                i++;
            t.kind = CLAIMS__TOK_WORD;
        } else {
            int32_t cp = claims__utf8_next(s, len, &i);
            if (cp < 0) /* not reached with validated text */
                cp = (unsigned char)s[i++];
            if (is_space_cp(cp)) {
                space = true;
                continue;
            }
            double fv;
            if (vulgar_value(cp, &fv)) {
                t.kind = CLAIMS__TOK_VULGAR;
                t.value = fv;
            } else if (is_punct_cp(cp)) {
                t.kind = CLAIMS__TOK_PUNCT;
                t.cp = is_dash_cp(cp) ? '-' : cp;
            } else {
                /* other letters: part of a word that is not a number */
                while (i < len) {
                    size_t j = i;
                    int32_t c2 = claims__utf8_next(s, len, &j);
                    if (c2 < 0x80 ? !is_alpha((char)c2)
                                  : (is_space_cp(c2) || is_punct_cp(c2) || vulgar_value(c2, &fv)))
                        break;
                    i = j;
                }
                t.kind = CLAIMS__TOK_WORD;
            }
        }
        if (sc->n == CLAIMS__NUM_MAX_TOKENS)
            return claims__error_simple(err, CLAIMS_ESYNTAX,
                                        "too many words to be a %s (more than %d)", what,
                                        CLAIMS__NUM_MAX_TOKENS);
        t.start = (uint16_t)start;
        t.end = (uint16_t)i;
        t.space = space;
        if (t.kind == CLAIMS__TOK_WORD)
            classify_word(&t, s);
        sc->tok[sc->n++] = t;
        space = false;
    }
    return CLAIMS_OK;
}

/* ---- token helpers ------------------------------------------------------------ */

bool claims__number_spend(claims__scan *sc, size_t n)
{
    if (sc->work < n) {
        sc->work = 0;
        sc->exhausted = true;
        return false;
    }
    sc->work -= n;
    return true;
}

bool claims__tok_is(const claims__scan *sc, size_t i, const char *w)
{
    if (i >= sc->n || sc->tok[i].kind != CLAIMS__TOK_WORD)
        return false;
    const claims__tok *t = &sc->tok[i];
    return claims__ascii_ieq(sc->s + t->start, (size_t)(t->end - t->start), w);
}

bool claims__tok_punct(const claims__scan *sc, size_t i, int32_t cp)
{
    return i < sc->n && sc->tok[i].kind == CLAIMS__TOK_PUNCT && sc->tok[i].cp == cp;
}

static unsigned cls_of(const claims__scan *sc, size_t i)
{
    return sc->tok[i].kind == CLAIMS__TOK_WORD ? sc->tok[i].word : W_NONE;
}

static bool is_hyphen(const claims__scan *sc, size_t i) { return claims__tok_punct(sc, i, '-'); }

static bool is_numeral(const claims__scan *sc, size_t i)
{
    return i < sc->n && sc->tok[i].kind == CLAIMS__TOK_NUMERAL;
}

/* ---- cardinals and ordinals: the word-number state machine ------------------ */

/* A reading of a span as one number. */
typedef struct nval {
    double v;
    double tail_scale; /* the span ends with a scale word: its value */
    double base;       /* scaled readings: the value before the scale */
    bool ordinal, plural, vague, fraction, decimal, scaled;
} nval;

static void nval_init(nval *r, double v)
{
    memset(r, 0, sizeof *r);
    r->v = v;
}

/* What the previous element of a cardinal was. */
enum prev_kind {
    P_START,
    P_A,
    P_ZERO,
    P_UNIT,
    P_TEEN,
    P_TENS,
    P_TENS_UNIT,
    P_HUNDRED,
    P_SCALE,
    P_DOZEN,
    P_NUMERAL,
    P_AND,
    P_QWORD
};

static bool ordinal_suffix_ok(double v, const char *suf)
{
    if (v != floor(v) || v < 0)
        return false;
    uint64_t n = (uint64_t)v;
    const char *want = "th";
    if (n % 100 < 11 || n % 100 > 13) {
        if (n % 10 == 1)
            want = "st";
        else if (n % 10 == 2)
            want = "nd";
        else if (n % 10 == 3)
            want = "rd";
    }
    return claims__ascii_lower(suf[0]) == want[0] && claims__ascii_lower(suf[1]) == want[1];
}

/*
 * Reads [b, e) as a cardinal or ordinal in the text2num manner: units,
 * teens and tens combine only as "tens-unit"; "hundred" multiplies what
 * precedes it (1..99 or a numeral: "nineteen hundred", "322 hundred");
 * scales strictly decrease ("thousand thousand" is not a number) except an
 * adjacent larger scale that multiplies ("three thousand millions", "three
 * lakh crore"); "and" may follow a hundred, a scale or a tens word. Leading
 * zeros are allowed ("zero eight", "0033"), a zero after digits is not
 * ("five zero"). An ordinal word may only come last.
 */
static bool cardinal_at(claims__scan *sc, size_t b, size_t e, bool denominator, nval *out)
{
    double total = 0, chunk = 0, before_and = -1, last_scale = INFINITY;
    double tail = 0;
    int prev = P_START, and_after = P_START;
    bool hundreds = false, elided = false, saw_oh = false, the = false;
    bool ordinal = false, plural = false, vague = false;
    if (b >= e || !claims__number_spend(sc, e - b))
        return false;
    for (size_t i = b; i < e; i++) {
        const claims__tok *t = &sc->tok[i];
        bool last = i + 1 == e;
        if (is_hyphen(sc, i)) {
            /* joins two number words: "thirty-five", "fifty - two" */
            if (i == b || last || sc->tok[i - 1].kind != CLAIMS__TOK_WORD ||
                sc->tok[i + 1].kind != CLAIMS__TOK_WORD || prev == P_AND || prev == P_A ||
                is_hyphen(sc, i + 1))
                return false;
            continue;
        }
        unsigned c = cls_of(sc, i);
        double v = t->value;
        bool ord = c >= W_ORD_UNIT && c <= W_ORD_SCALE;
        tail = 0;
        /* "hundreds", "millions", "fifths" alone are vague or not numbers;
         * "sixty hundreds", "three fifths" are */
        if (t->kind == CLAIMS__TOK_WORD && (t->flags & WF_PLURAL) &&
            (prev == P_START || prev == P_A) && !denominator)
            return false;
        if (ord) {
            if (!last)
                return false;
            ordinal = true;
            plural = (t->flags & WF_PLURAL) != 0;
            c = c - W_ORD_UNIT + W_UNIT; /* same place as its cardinal */
            if ((t->flags & WF_COMPOUND) && prev != P_TENS)
                return false;
        }
        if (t->kind == CLAIMS__TOK_NUMERAL) {
            bool integer = (t->flags & CLAIMS__NUM_INTEGER) != 0;
            bool after_h = prev == P_HUNDRED || (prev == P_AND && and_after == P_HUNDRED);
            bool after_s = prev == P_SCALE || (prev == P_AND && and_after == P_SCALE);
            if (prev == P_START) {
                chunk = v;
                prev = P_NUMERAL;
            } else if (after_h && integer && v < 100) {
                chunk += v;
                prev = P_TENS_UNIT;
            } else if (after_s && integer && v < 1000 && v < last_scale) {
                chunk += v;
                hundreds = hundreds || v >= 100;
                prev = P_TENS_UNIT;
            } else {
                return false;
            }
            /* "21st": a suffix glued to the last numeral */
            if (i + 2 == e && cls_of(sc, i + 1) == W_SUFFIX && !sc->tok[i + 1].space) {
                const char *suf = sc->s + sc->tok[i + 1].start;
                if (!integer || !ordinal_suffix_ok(chunk, suf))
                    return false;
                ordinal = true;
                i++;
            }
            continue;
        }
        switch (c) {
        case W_ZERO:
        case W_OH:
            if (prev != P_START && prev != P_ZERO)
                return false;
            saw_oh = saw_oh || c == W_OH;
            prev = P_ZERO;
            break;
        case W_COUPLE:
        case W_FEW:
        case W_SINGLE:
            if (prev != P_START && prev != P_A)
                return false;
            chunk = v;
            vague = vague || (t->flags & WF_VAGUE);
            prev = P_QWORD;
            break;
        case W_UNIT:
            if (prev == P_START || prev == P_ZERO) {
                chunk = v;
                prev = P_UNIT;
            } else if (prev == P_HUNDRED || prev == P_SCALE || prev == P_TENS ||
                       (prev == P_AND && and_after != P_START)) {
                chunk += v;
                prev = P_TENS_UNIT;
            } else {
                return false;
            }
            break;
        case W_TEEN:
        case W_TENS:
            if (prev == P_START || prev == P_ZERO) {
                chunk = v;
                prev = c == W_TENS ? P_TENS : P_TEEN;
            } else if (prev == P_HUNDRED || prev == P_SCALE ||
                       (prev == P_AND && and_after != P_TENS)) {
                chunk += v;
                prev = c == W_TENS ? P_TENS : P_TENS_UNIT;
            } else if (c == W_TENS && (prev == P_UNIT || prev == P_TEEN) && total == 0 &&
                       !hundreds && !ord) {
                /* "one twenty two" = 122, "nineteen seventy" = 1970 */
                chunk = chunk * 100 + v;
                hundreds = elided = true;
                prev = P_TENS;
            } else {
                return false;
            }
            break;
        case W_HUNDRED:
            if (hundreds)
                return false;
            if (prev == P_START || prev == P_ZERO || prev == P_A)
                chunk = 1;
            else if (prev != P_UNIT && prev != P_TEEN && prev != P_TENS && prev != P_TENS_UNIT &&
                     prev != P_NUMERAL && prev != P_QWORD)
                return false;
            chunk *= 100;
            hundreds = true;
            prev = P_HUNDRED;
            break;
        case W_SCALE:
        case W_ABBR:
        case W_DOZEN: {
            if (c == W_ABBR && prev != P_NUMERAL)
                return false;
            if (prev == P_SCALE || prev == P_DOZEN) {
                /* an adjacent larger scale multiplies all so far */
                if (v <= last_scale)
                    return false;
                total = (total + chunk) * v;
                chunk = 0;
            } else {
                double mult;
                if (prev == P_START || prev == P_A)
                    mult = 1;
                else if (prev == P_UNIT || prev == P_TEEN || prev == P_TENS ||
                         prev == P_TENS_UNIT || prev == P_HUNDRED || prev == P_NUMERAL ||
                         prev == P_QWORD)
                    mult = chunk;
                else
                    return false;
                if (v >= last_scale)
                    return false;
                if (c == W_DOZEN) {
                    /* "three hundred and two dozens": the dozens are the
                     * term after "and" */
                    chunk = before_and >= 0 ? before_and + (chunk - before_and) * v : mult * v;
                    total += chunk;
                    chunk = 0;
                } else {
                    total += mult * v;
                    chunk = 0;
                }
            }
            last_scale = v;
            tail = v;
            hundreds = false;
            before_and = -1;
            prev = c == W_DOZEN ? P_DOZEN : P_SCALE;
            break;
        }
        case W_AND:
            if (last || (prev != P_HUNDRED && prev != P_SCALE && prev != P_TENS))
                return false;
            and_after = prev;
            before_and = prev == P_HUNDRED ? chunk : -1;
            prev = P_AND;
            break;
        case W_A:
            if (i != b || last)
                return false;
            prev = P_A;
            break;
        case W_THE:
            if (i != b || last)
                return false;
            the = true;
            break;
        case W_OF:
            /* "a couple of", "a dozen of" */
            if (prev != P_QWORD && prev != P_DOZEN)
                return false;
            if (!last && cls_of(sc, i + 1) != W_HUNDRED && cls_of(sc, i + 1) != W_SCALE &&
                cls_of(sc, i + 1) != W_DOZEN)
                return false;
            break;
        default: return false;
        }
    }
    if (prev == P_START || prev == P_A || prev == P_AND)
        return false;
    if (prev == P_ZERO && saw_oh)
        return false;
    /* "a thousandth" is a fraction, never the ordinal 1000 */
    if ((the && !ordinal) || (ordinal && (elided || cls_of(sc, b) == W_A)))
        return false;
    nval_init(out, total + chunk);
    out->ordinal = ordinal;
    out->plural = plural;
    out->vague = vague;
    out->tail_scale = tail;
    return true;
}

static bool cardinal(claims__scan *sc, size_t b, size_t e, nval *out)
{
    return cardinal_at(sc, b, e, false, out);
}

/* ---- other number forms ---------------------------------------------------------- */

static bool is_fraction_denominator(unsigned c)
{
    return (c >= W_ORD_UNIT && c <= W_ORD_SCALE) || c == W_HALF || c == W_QUARTER;
}

/*
 * "three fifths", "a half", "one twenty-fifth", "ninety - five hundred
 * fifths": a cardinal numerator then an ordinal denominator. The
 * denominator is the longest ordinal tail that leaves a numerator and does
 * not begin with a multiplier word ("one hundred thirty fifths" is 100/35,
 * "one one hundred fifth" is 1/105); a hyphenated "twenty-fifth" is one
 * word and is not split.
 */
static bool fraction_words(claims__scan *sc, size_t b, size_t e, nval *out)
{
    unsigned lc = cls_of(sc, e - 1);
    if (!is_fraction_denominator(lc))
        return false;
    if (e - b == 1) {
        /* "half", "quarter"; "quarters" alone is no amount */
        if ((lc != W_HALF && lc != W_QUARTER) || (sc->tok[e - 1].flags & WF_PLURAL))
            return false;
        nval_init(out, 1.0 / sc->tok[e - 1].value);
        out->fraction = true;
        return true;
    }
    for (size_t d = b + 1; d < e; d++) {
        unsigned c = cls_of(sc, d);
        if (sc->tok[d].kind == CLAIMS__TOK_PUNCT || c == W_AND || c == W_A || c == W_THE ||
            c == W_OF || c == W_HUNDRED || c == W_SCALE || c == W_DOZEN || c == W_ABBR)
            continue;
        bool hyphen = is_hyphen(sc, d - 1);
        if (hyphen && d != e - 1)
            continue;
        if (hyphen && d >= b + 2 && cls_of(sc, d - 2) == W_TENS && c == W_ORD_UNIT)
            continue;
        size_t nb = hyphen ? d - 1 : d;
        if (nb <= b)
            continue;
        double den;
        nval dv;
        if (d == e - 1 && (c == W_HALF || c == W_QUARTER))
            den = sc->tok[d].value;
        else if (cardinal_at(sc, d, e, true, &dv) && dv.ordinal && !dv.vague &&
                 !claims__tok_is(sc, d, "the"))
            den = dv.v;
        else
            continue;
        if (den < 3 && c != W_HALF)
            continue; /* "one second" is not a half */
        double num;
        nval nv;
        if (nb - b == 1 && cls_of(sc, b) == W_A)
            num = 1;
        else if (cardinal(sc, b, nb, &nv) && !nv.ordinal)
            num = nv.v;
        else
            continue;
        if (den <= 0)
            return false;
        nval_init(out, num / den);
        out->fraction = true;
        return true;
    }
    return false;
}

/* Appends the digits a word stands for after "point": "zero three" -> "03",
 * "seventy-one" -> "71", "77" -> "77". */
static bool point_digits(claims__scan *sc, size_t b, size_t e, digits *d)
{
    if (b >= e)
        return false;
    for (size_t i = b; i < e; i++) {
        const claims__tok *t = &sc->tok[i];
        unsigned c = cls_of(sc, i);
        char two[2];
        size_t n = 0;
        if (t->kind == CLAIMS__TOK_NUMERAL) {
            if (!(t->flags & CLAIMS__NUM_PLAIN))
                return false;
            for (size_t k = t->start; k < t->end; k++)
                if (!digits_frac(d, sc->s[k]))
                    return false;
            continue;
        }
        if (c == W_ZERO || c == W_OH) {
            two[n++] = '0';
        } else if (c == W_UNIT) {
            two[n++] = (char)('0' + (int)t->value);
        } else if (c == W_TEEN || c == W_TENS) {
            int v = (int)t->value;
            if (c == W_TENS && i + 1 < e) {
                size_t u = is_hyphen(sc, i + 1) ? i + 2 : i + 1;
                if (u < e && cls_of(sc, u) == W_UNIT) {
                    v += (int)sc->tok[u].value;
                    i = u;
                }
            }
            two[n++] = (char)('0' + v / 10);
            two[n++] = (char)('0' + v % 10);
        } else {
            return false;
        }
        for (size_t k = 0; k < n; k++)
            if (!digits_frac(d, two[k]))
                return false;
    }
    return true;
}

/* "two hundred point zero three", "point 77", "1 point 1". */
static bool decimal_words(claims__scan *sc, size_t b, size_t e, nval *out)
{
    size_t p = b;
    while (p < e && cls_of(sc, p) != W_POINT)
        p++;
    if (p == e)
        return false;
    double left = 0;
    nval l;
    if (p > b) {
        if (!cardinal(sc, b, p, &l) || l.ordinal || l.v != floor(l.v))
            return false;
        left = l.v;
    }
    digits d = {0, 0, 0, 0};
    double frac;
    if (!point_digits(sc, p + 1, e, &d) || decimal_value(d.mant, -d.frac, &frac) != CLAIMS_OK)
        return false;
    nval_init(out, left + frac);
    out->decimal = true;
    return true;
}

static bool glued(const claims__scan *sc, size_t i) { return !sc->tok[i].space; }

static bool plain_int(const claims__scan *sc, size_t i)
{
    return is_numeral(sc, i) && (sc->tok[i].flags & CLAIMS__NUM_PLAIN);
}

/* "one over three", "two out of five hundred", "1 in twenty-one". A ratio
 * "out of" or "in" names a part of a whole, so it cannot exceed 1. */
static bool ratio(claims__scan *sc, size_t b, size_t e, nval *out)
{
    for (size_t k = b + 1; k + 1 < e; k++) {
        size_t r = k + 1;
        bool part;
        if (claims__tok_is(sc, k, "over")) {
            part = false;
        } else if (claims__tok_is(sc, k, "in")) {
            part = true;
        } else if (claims__tok_is(sc, k, "out") && cls_of(sc, k + 1) == W_OF) {
            part = true;
            r = k + 2;
        } else {
            continue;
        }
        nval n, d;
        if (r >= e || !cardinal(sc, b, k, &n) || n.ordinal || !cardinal(sc, r, e, &d) ||
            d.ordinal || d.v == 0)
            continue;
        if (part && n.v > d.v)
            continue;
        /* "5 in 2009": a plain four-digit number after "in" is a year */
        if (claims__tok_is(sc, k, "in") && r + 1 == e && plain_int(sc, r) &&
            sc->tok[r].end - sc->tok[r].start == 4)
            continue;
        nval_init(out, n.v / d.v);
        out->fraction = true;
        return true;
    }
    return false;
}

/* Reads "^", then signs, then an integer exponent at i; *sign is +-1. */
static bool power_exponent(const claims__scan *sc, size_t i, size_t e, double *exp)
{
    if (i >= e || !claims__tok_punct(sc, i, '^'))
        return false;
    double sign = 1;
    for (i++; i < e && (claims__tok_punct(sc, i, '-') || claims__tok_punct(sc, i, '+')); i++)
        sign = claims__tok_punct(sc, i, '-') ? -sign : sign;
    if (i + 1 != e || !plain_int(sc, i))
        return false;
    *exp = sign * sc->tok[i].value;
    return true;
}

/* Digit forms: "3/4", "2 1/4", "2½", "1.1^23", "1.3x10^6". */
static bool digit_forms(claims__scan *sc, size_t b, size_t e, nval *out)
{
    size_t n = e - b;
    const claims__tok *t = &sc->tok[b];
    if (n == 1 && t->kind == CLAIMS__TOK_VULGAR) {
        nval_init(out, t->value);
        out->fraction = true;
        return true;
    }
    if (!is_numeral(sc, b))
        return false;
    if (n == 2 && sc->tok[b + 1].kind == CLAIMS__TOK_VULGAR && (t->flags & CLAIMS__NUM_INTEGER)) {
        nval_init(out, t->value + sc->tok[b + 1].value);
        out->fraction = true;
        return true;
    }
    /* a/b, and a b/c with a proper b/c */
    size_t f = n == 4 ? b + 1 : b;
    if ((n == 3 || n == 4) && plain_int(sc, f) && claims__tok_punct(sc, f + 1, '/') &&
        plain_int(sc, f + 2) && glued(sc, f + 1) && glued(sc, f + 2)) {
        double num = sc->tok[f].value, den = sc->tok[f + 2].value;
        if (den == 0)
            return false;
        double v = num / den;
        if (n == 4) {
            if (!(t->flags & CLAIMS__NUM_INTEGER) || num >= den || !sc->tok[f].space)
                return false;
            v += t->value;
        }
        nval_init(out, v);
        out->fraction = true;
        return true;
    }
    double exp;
    if (power_exponent(sc, b + 1, e, &exp)) {
        nval_init(out, pow(t->value, exp)); /* overflow: ERANGE on store */
        return true;
    }
    /* mantissa x 10^k */
    if (n >= 5 && plain_int(sc, b + 2) && sc->tok[b + 2].value == 10 &&
        (claims__tok_is(sc, b + 1, "x") || claims__tok_punct(sc, b + 1, 0xD7) ||
         claims__tok_punct(sc, b + 1, '*')) &&
        power_exponent(sc, b + 3, e, &exp)) {
        nval_init(out, 0);
        if (numeral_scaled(sc, b, exp, &out->v) != CLAIMS_OK)
            out->v = INFINITY; /* out of range: ERANGE when stored */
        return true;
    }
    return false;
}

/* "half a dozen", "two thirds of a million", "two point two million":
 * a non-cardinal reading times trailing scale words. */
static bool scaled(claims__scan *sc, size_t b, size_t e, nval *out)
{
    size_t k = e;
    double mult = 1;
    while (k > b && (cls_of(sc, k - 1) == W_SCALE || cls_of(sc, k - 1) == W_DOZEN ||
                     cls_of(sc, k - 1) == W_HUNDRED)) {
        mult *= sc->tok[k - 1].value;
        k--;
    }
    if (k == e || k == b)
        return false;
    size_t j = k;
    if (cls_of(sc, j - 1) == W_A)
        j--;
    if (j > b && cls_of(sc, j - 1) == W_OF)
        j--;
    /* only a part is scaled: a cardinal base would have read as a cardinal,
     * and "twenty a hundred" is not 2000 */
    nval base;
    if (j <= b || !(fraction_words(sc, b, j, &base) || decimal_words(sc, b, j, &base) ||
                    (digit_forms(sc, b, j, &base) && base.fraction)))
        return false;
    nval_init(out, base.v * mult);
    out->base = base.v;
    out->tail_scale = mult;
    out->scaled = true;
    out->fraction = base.fraction;
    return true;
}

/*
 * "one and a half", "twenty and three fifths", "one million and a half"
 * (half a million), "five and a half million" (5.5 million), "one billion
 * and three quarters million". The part after the last fitting "and" must
 * be a proper fraction, so "one hundred and thirty fifths" stays 130/5.
 */
static bool mixed(claims__scan *sc, size_t b, size_t e, nval *out)
{
    for (size_t k = e - 1; k > b; k--) {
        if (cls_of(sc, k) != W_AND || k + 1 >= e)
            continue;
        nval r, l;
        bool part = fraction_words(sc, k + 1, e, &r) ||
                    (digit_forms(sc, k + 1, e, &r) && r.fraction) ||
                    (scaled(sc, k + 1, e, &r) && r.fraction);
        if (!part || r.v < 0 || !cardinal(sc, b, k, &l) || l.ordinal)
            continue;
        double v;
        if (r.scaled) {
            if (l.tail_scale > r.tail_scale)
                v = l.v + r.v;
            else
                v = (l.v + r.base) * r.tail_scale;
        } else if (r.v < 1) {
            v = l.tail_scale >= 12 ? l.v + r.v * l.tail_scale : l.v + r.v;
        } else {
            continue;
        }
        nval_init(out, v);
        out->fraction = true;
        out->vague = l.vague;
        return true;
    }
    return false;
}

/* What value_core may still read around the number. */
#define ALLOW_SIGN 1u
#define ALLOW_PAREN 2u

/*
 * One number, every form: a sign, then a cardinal or ordinal, a mixed
 * number, a fraction, a decimal in words, a ratio, a digit form or a scaled
 * fraction; or a number restated in parentheses, "forty-five (45)".
 */
static bool value_core(claims__scan *sc, size_t b, size_t e, nval *out, unsigned allow)
{
    if (b >= e)
        return false;
    unsigned c0 = cls_of(sc, b);
    if ((allow & ALLOW_SIGN) &&
        (claims__tok_punct(sc, b, '-') || claims__tok_punct(sc, b, '+') || c0 == W_MINUS)) {
        if (!value_core(sc, b + 1, e, out, allow & ~ALLOW_SIGN) || out->ordinal)
            return false;
        if (!claims__tok_punct(sc, b, '+'))
            out->v = -out->v;
        return true;
    }
    if ((allow & ALLOW_PAREN) && claims__tok_punct(sc, e - 1, ')')) {
        size_t k = e - 1;
        while (k > b && !claims__tok_punct(sc, k, '('))
            k--;
        nval in;
        if (k <= b || !value_core(sc, b, k, out, ALLOW_SIGN) ||
            !value_core(sc, k + 1, e - 1, &in, ALLOW_SIGN))
            return false;
        return fabs(out->v - in.v) <= 1e-9 * fmax(1, fabs(in.v));
    }
    nval plural_ord;
    bool have_plural = false;
    if (cardinal(sc, b, e, out)) {
        if (!(out->ordinal && out->plural))
            return true;
        plural_ord = *out;
        have_plural = true;
    }
    if (mixed(sc, b, e, out) || fraction_words(sc, b, e, out))
        return true;
    if (have_plural) {
        *out = plural_ord;
        return true;
    }
    return decimal_words(sc, b, e, out) || ratio(sc, b, e, out) || digit_forms(sc, b, e, out) ||
           scaled(sc, b, e, out);
}

int claims__number_value(claims__scan *sc, size_t b, size_t e, double *value, unsigned *flags)
{
    nval r;
    if (!value_core(sc, b, e, &r, ALLOW_SIGN | ALLOW_PAREN))
        return CLAIMS_ESYNTAX;
    *value = r.v;
    *flags = (r.vague ? CLAIMS__NV_VAGUE : 0u) | (r.ordinal ? CLAIMS__NV_ORDINAL : 0u) |
             (r.fraction || r.decimal ? CLAIMS__NV_FRACTION : 0u);
    return CLAIMS_OK;
}

int claims__number_leaf(claims__scan *sc, size_t b, size_t e, const void *data, double *value,
                        bool *vague)
{
    (void)data;
    unsigned flags = 0;
    int rc = claims__number_value(sc, b, e, value, &flags);
    *vague = (flags & CLAIMS__NV_VAGUE) != 0;
    return rc;
}

/* ---- hedges, bounds and ranges ------------------------------------------------------ */

enum lead_kind { L_HEDGE, L_EXACT, L_BETWEEN, L_FROM, L_OREQUAL };

typedef struct phrase {
    const char *text; /* words and single symbols separated by spaces */
    unsigned char kind;
    unsigned char mod;
} phrase;

#define M_NONE CLAIMS_MOD_NONE
#define M_APPROX CLAIMS_MOD_APPROX
#define M_LT CLAIMS_MOD_LESS_THAN
#define M_LE CLAIMS_MOD_EQUAL_OR_LESS
#define M_GT CLAIMS_MOD_MORE_THAN
#define M_GE CLAIMS_MOD_EQUAL_OR_MORE

/* Leading hedges and bounds. "nearly" and "almost" are LESS_THAN as in the
 * TIMEX2/TimeML guidelines; the longest match wins. */
static const phrase LEADS[] = {
    {"about", L_HEDGE, M_APPROX},
    {"approximately", L_HEDGE, M_APPROX},
    {"approx", L_HEDGE, M_APPROX},
    {"approx .", L_HEDGE, M_APPROX},
    {"around", L_HEDGE, M_APPROX},
    {"roughly", L_HEDGE, M_APPROX},
    {"some", L_HEDGE, M_APPROX},
    {"circa", L_HEDGE, M_APPROX},
    {"ca .", L_HEDGE, M_APPROX},
    {"close to", L_HEDGE, M_APPROX},
    {"an estimated", L_HEDGE, M_APPROX},
    {"estimated", L_HEDGE, M_APPROX},
    {"more or less", L_HEDGE, M_APPROX},
    {"in the region of", L_HEDGE, M_APPROX},
    {"on the order of", L_HEDGE, M_APPROX},
    {"~", L_HEDGE, M_APPROX},

    {"less than", L_HEDGE, M_LT},
    {"fewer than", L_HEDGE, M_LT},
    {"under", L_HEDGE, M_LT},
    {"below", L_HEDGE, M_LT},
    {"lower than", L_HEDGE, M_LT},
    {"smaller than", L_HEDGE, M_LT},
    {"shorter than", L_HEDGE, M_LT},
    {"nearly", L_HEDGE, M_LT},
    {"almost", L_HEDGE, M_LT},
    {"just under", L_HEDGE, M_LT},
    {"just below", L_HEDGE, M_LT},
    {"just less than", L_HEDGE, M_LT},
    {"slightly less than", L_HEDGE, M_LT},
    {"a little less than", L_HEDGE, M_LT},
    {"a little under", L_HEDGE, M_LT},
    {"well under", L_HEDGE, M_LT},
    {"well below", L_HEDGE, M_LT},
    {"just shy of", L_HEDGE, M_LT},
    {"shy of", L_HEDGE, M_LT},
    {"not quite", L_HEDGE, M_LT},
    {"<", L_HEDGE, M_LT},

    {"at most", L_HEDGE, M_LE},
    {"no more than", L_HEDGE, M_LE},
    {"not more than", L_HEDGE, M_LE},
    {"no greater than", L_HEDGE, M_LE},
    {"no larger than", L_HEDGE, M_LE},
    {"no higher than", L_HEDGE, M_LE},
    {"no longer than", L_HEDGE, M_LE},
    {"not exceeding", L_HEDGE, M_LE},
    {"up to", L_HEDGE, M_LE},
    {"as many as", L_HEDGE, M_LE},
    {"as much as", L_HEDGE, M_LE},
    {"a maximum of", L_HEDGE, M_LE},
    {"maximum of", L_HEDGE, M_LE},
    {"maximum", L_HEDGE, M_LE},
    {"max", L_HEDGE, M_LE},
    {"max .", L_HEDGE, M_LE},
    {"less than or equal to", L_HEDGE, M_LE},
    {"less than or equal", L_HEDGE, M_LE},
    {"fewer than or equal to", L_HEDGE, M_LE},
    {"less or equal than", L_HEDGE, M_LE},
    {"less or equal to", L_HEDGE, M_LE},
    {"smaller or equal than", L_HEDGE, M_LE},
    {"smaller than or equal to", L_HEDGE, M_LE},
    {"lower or equal than", L_HEDGE, M_LE},
    {"lower than or equal to", L_HEDGE, M_LE},
    {"equal to or less than", L_HEDGE, M_LE},
    {"equal to or fewer than", L_HEDGE, M_LE},
    {"equal or less than", L_HEDGE, M_LE},
    {"equal to or lower than", L_HEDGE, M_LE},
    {"< =", L_HEDGE, M_LE},
    {"\xE2\x89\xA4", L_HEDGE, M_LE},

    {"more than", L_HEDGE, M_GT},
    {"over", L_HEDGE, M_GT},
    {"above", L_HEDGE, M_GT},
    {"greater than", L_HEDGE, M_GT},
    {"larger than", L_HEDGE, M_GT},
    {"bigger than", L_HEDGE, M_GT},
    {"higher than", L_HEDGE, M_GT},
    {"longer than", L_HEDGE, M_GT},
    {"exceeding", L_HEDGE, M_GT},
    {"exceed", L_HEDGE, M_GT},
    {"exceeds", L_HEDGE, M_GT},
    {"surpass", L_HEDGE, M_GT},
    {"surpassing", L_HEDGE, M_GT},
    {"in excess of", L_HEDGE, M_GT},
    {"upwards of", L_HEDGE, M_GT},
    {"upward of", L_HEDGE, M_GT},
    {"just over", L_HEDGE, M_GT},
    {"just above", L_HEDGE, M_GT},
    {"just more than", L_HEDGE, M_GT},
    {"well over", L_HEDGE, M_GT},
    {"well above", L_HEDGE, M_GT},
    {"a little over", L_HEDGE, M_GT},
    {"a little more than", L_HEDGE, M_GT},
    {"slightly more than", L_HEDGE, M_GT},
    {"north of", L_HEDGE, M_GT},
    {">", L_HEDGE, M_GT},

    {"at least", L_HEDGE, M_GE},
    {"no less than", L_HEDGE, M_GE},
    {"no fewer than", L_HEDGE, M_GE},
    {"not less than", L_HEDGE, M_GE},
    {"not fewer than", L_HEDGE, M_GE},
    {"no smaller than", L_HEDGE, M_GE},
    {"no shorter than", L_HEDGE, M_GE},
    {"a minimum of", L_HEDGE, M_GE},
    {"minimum of", L_HEDGE, M_GE},
    {"minimum", L_HEDGE, M_GE},
    {"min", L_HEDGE, M_GE},
    {"min .", L_HEDGE, M_GE},
    {"greater than or equal to", L_HEDGE, M_GE},
    {"more than or equal to", L_HEDGE, M_GE},
    {"greater or equal than", L_HEDGE, M_GE},
    {"greater or equal to", L_HEDGE, M_GE},
    {"bigger or equal than", L_HEDGE, M_GE},
    {"higher or equal than", L_HEDGE, M_GE},
    {"larger or equal than", L_HEDGE, M_GE},
    {"more or equal than", L_HEDGE, M_GE},
    {"equal to or more than", L_HEDGE, M_GE},
    {"equal to or greater than", L_HEDGE, M_GE},
    {"equal to or higher than", L_HEDGE, M_GE},
    {"equal or more than", L_HEDGE, M_GE},
    {"equal or greater than", L_HEDGE, M_GE},
    {"at least or equal to", L_HEDGE, M_GE},
    {"> =", L_HEDGE, M_GE},
    {"\xE2\x89\xA5", L_HEDGE, M_GE},

    {"exactly", L_EXACT, M_NONE},
    {"precisely", L_EXACT, M_NONE},
    {"equal to", L_EXACT, M_NONE},
    {"equals", L_EXACT, M_NONE},
    {"equals to", L_EXACT, M_NONE},
    {"equaling", L_EXACT, M_NONE},
    {"equaling to", L_EXACT, M_NONE},
    {"equalling", L_EXACT, M_NONE},
    {"equalling to", L_EXACT, M_NONE},
    {"=", L_EXACT, M_NONE},

    {"between", L_BETWEEN, M_NONE},
    {"from", L_FROM, M_NONE},
};

/* Trailing bounds: "five hundred or more", "an hour or so", "100+". */
static const phrase TRAILS[] = {
    {"or more", L_HEDGE, M_GE},
    {"or more than", L_HEDGE, M_GE},
    {"and more", L_HEDGE, M_GE},
    {"or greater", L_HEDGE, M_GE},
    {"or greater than", L_HEDGE, M_GE},
    {"or above", L_HEDGE, M_GE},
    {"and above", L_HEDGE, M_GE},
    {"or higher", L_HEDGE, M_GE},
    {"or over", L_HEDGE, M_GE},
    {"and over", L_HEDGE, M_GE},
    {"and up", L_HEDGE, M_GE},
    {"and upwards", L_HEDGE, M_GE},
    {"or longer", L_HEDGE, M_GE},
    {"plus", L_HEDGE, M_GE},
    {"- plus", L_HEDGE, M_GE},
    {"+", L_HEDGE, M_GE},
    {"at least", L_HEDGE, M_GE},

    {"or less", L_HEDGE, M_LE},
    {"or fewer", L_HEDGE, M_LE},
    {"or less than", L_HEDGE, M_LE},
    {"or fewer than", L_HEDGE, M_LE},
    {"or lower", L_HEDGE, M_LE},
    {"or below", L_HEDGE, M_LE},
    {"and below", L_HEDGE, M_LE},
    {"or under", L_HEDGE, M_LE},
    {"and under", L_HEDGE, M_LE},
    {"or shorter", L_HEDGE, M_LE},
    {"at most", L_HEDGE, M_LE},

    {"or so", L_HEDGE, M_APPROX},
    {"or thereabouts", L_HEDGE, M_APPROX},
    {"more or less", L_HEDGE, M_APPROX},
    {"give or take", L_HEDGE, M_APPROX},
    {"- odd", L_HEDGE, M_APPROX},
    {"odd", L_HEDGE, M_APPROX},
    {"or equal", L_OREQUAL, M_NONE},
    {"or equal to", L_OREQUAL, M_NONE},
    {"or equal to it", L_OREQUAL, M_NONE},
};

/* Decodes one UTF-8 code point from a phrase piece. */
static int32_t piece_cp(const char *p, size_t n)
{
    size_t i = 0;
    int32_t c = claims__utf8_next(p, n, &i);
    return i == n ? c : -1;
}

/* Number of tokens phrase `text` covers starting at token i (< e), or 0. */
static size_t phrase_at(const claims__scan *sc, size_t i, size_t e, const char *text)
{
    size_t used = 0;
    const char *p = text;
    while (*p) {
        const char *q = strchr(p, ' ');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        size_t k = i + used;
        if (k >= e)
            return 0;
        const claims__tok *t = &sc->tok[k];
        if (is_alpha(p[0])) {
            if (t->kind != CLAIMS__TOK_WORD || (size_t)(t->end - t->start) != n)
                return 0;
            for (size_t j = 0; j < n; j++)
                if (claims__ascii_lower(sc->s[t->start + j]) != p[j])
                    return 0;
        } else {
            int32_t cp = piece_cp(p, n);
            if (t->kind != CLAIMS__TOK_PUNCT || t->cp != cp)
                return 0;
        }
        used++;
        p += n;
        if (*p == ' ')
            p++;
    }
    return used;
}

static size_t phrase_words(const char *text)
{
    size_t n = 1;
    for (const char *p = text; *p; p++)
        n += *p == ' ';
    return n;
}

/* Longest phrase of `table` starting at b (lead) or ending at e (trail). */
static const phrase *match_phrase(const claims__scan *sc, size_t b, size_t e, const phrase *table,
                                  size_t count, bool at_end, size_t *len)
{
    const phrase *best = NULL;
    *len = 0;
    for (size_t i = 0; i < count; i++) {
        size_t w = phrase_words(table[i].text);
        if (w > e - b || w <= *len)
            continue;
        size_t at = at_end ? e - w : b;
        if (phrase_at(sc, at, e, table[i].text) == w) {
            best = &table[i];
            *len = w;
        }
    }
    return best;
}

static void quantity_clear(claims__quantity *q)
{
    q->amount = q->lower = q->upper = NAN;
    q->mod = CLAIMS_MOD_NONE;
    q->open = 0;
}

static void quantity_bound(claims__quantity *q, claims_modifier mod, double v)
{
    quantity_clear(q);
    q->amount = v;
    q->mod = mod;
    if (mod == M_GT || mod == M_GE)
        q->lower = v;
    if (mod == M_LT || mod == M_LE)
        q->upper = v;
    if (mod == M_GT)
        q->open = CLAIMS__OPEN_LOWER;
    if (mod == M_LT)
        q->open = CLAIMS__OPEN_UPPER;
}

static void quantity_range(claims__quantity *q, double lo, double hi, unsigned open)
{
    quantity_clear(q);
    q->lower = lo;
    q->upper = hi;
    q->open = open;
}

typedef struct qparse {
    claims__scan *sc;
    claims__leaf_fn leaf;
    const void *data;
} qparse;

static bool leaf_at(const qparse *p, size_t b, size_t e, double *v, bool *vague)
{
    return b < e && p->leaf(p->sc, b, e, p->data, v, vague) == CLAIMS_OK;
}

/* "-", "~", "to", "through", "until" between the ends of a range. */
static bool is_range_connector(claims__scan *sc, size_t k)
{
    return claims__tok_punct(sc, k, '-') || claims__tok_punct(sc, k, '~') ||
           claims__tok_is(sc, k, "to") || claims__tok_is(sc, k, "through") ||
           claims__tok_is(sc, k, "thru") || claims__tok_is(sc, k, "till") ||
           claims__tok_is(sc, k, "until");
}

/* Two leaves around a connector: "10-15", "two or three", "from 10 to 15",
 * "between 10 and 15" (which alone may be written high to low). */
static bool range_split(const qparse *p, size_t b, size_t e, int lead, claims__quantity *q)
{
    claims__scan *sc = p->sc;
    for (size_t k = b + 1; k + 1 < e; k++) {
        /* "and" only after "between"; "two or three" only without a lead */
        bool conn = is_range_connector(sc, k) || (lead == L_BETWEEN && cls_of(sc, k) == W_AND) ||
                    (lead < 0 && claims__tok_is(sc, k, "or"));
        if (!conn)
            continue;
        double lo, hi;
        bool v1, v2;
        if (!leaf_at(p, b, k, &lo, &v1) || !leaf_at(p, k + 1, e, &hi, &v2))
            continue;
        if (lo > hi) {
            if (lead != L_BETWEEN)
                continue;
            double t = lo;
            lo = hi;
            hi = t;
        }
        quantity_range(q, lo, hi, 0);
        if (v1 || v2)
            q->mod = M_APPROX;
        return true;
    }
    return false;
}

/* A leading hedge or bound joined with a trailing one: "equal to 5000 or
 * less", "more than 5000 or equal to". -1 when they cannot combine. */
static int combine(const phrase *lead, const phrase *trail)
{
    if (!trail)
        return lead->mod;
    if (!lead)
        return trail->kind == L_OREQUAL ? -1 : trail->mod;
    if (lead->kind == L_EXACT)
        return trail->kind == L_HEDGE && trail->mod != M_APPROX ? trail->mod : -1;
    if (trail->kind == L_OREQUAL)
        return lead->mod == M_GT ? M_GE : lead->mod == M_LT ? M_LE : -1;
    if (lead->mod == M_APPROX && trail->mod == M_APPROX)
        return M_APPROX;
    return -1;
}

static int quantity_at(const qparse *p, size_t b, size_t e, claims__quantity *q, int depth);

/* Leads that approach their bound rather than only limit it: "nearly 50"
 * is not 3, "just over 100" is not 1,000. */
static bool approaches(const phrase *lead)
{
    static const char *const near[] = {"nearly",
                                       "almost",
                                       "just under",
                                       "just below",
                                       "just less than",
                                       "slightly less than",
                                       "a little less than",
                                       "a little under",
                                       "just shy of",
                                       "shy of",
                                       "not quite",
                                       "just over",
                                       "just above",
                                       "just more than",
                                       "slightly more than",
                                       "a little more than",
                                       "a little over",
                                       "slightly over",
                                       "slightly above"};
    for (size_t i = 0; i < sizeof near / sizeof near[0]; i++)
        if (strcmp(lead->text, near[i]) == 0)
            return true;
    return false;
}

/*
 * A leaf with a leading and/or trailing hedge or bound ("about X", "at
 * least X", "X or more", "equal to X or less"), or "between X and Y",
 * "from X to Y". With bounds_only, just the one-sided bounds.
 */
static bool hedged(const qparse *p, size_t b, size_t e, claims__quantity *q, int depth,
                   bool bounds_only)
{
    claims__scan *sc = p->sc;
    size_t ll, tl;
    const phrase *lead = match_phrase(sc, b, e, LEADS, sizeof LEADS / sizeof LEADS[0], false, &ll);
    const phrase *trail = NULL;
    if (e - b > ll)
        trail = match_phrase(sc, b + ll, e, TRAILS, sizeof TRAILS / sizeof TRAILS[0], true, &tl);
    if (!trail)
        tl = 0;
    size_t ib = b + ll, ie = e - tl;
    if ((!lead && !trail) || ib >= ie)
        return false;
    if (lead && (lead->kind == L_BETWEEN || lead->kind == L_FROM))
        return !bounds_only && !trail && range_split(p, ib, ie, lead->kind, q);
    int mod = combine(lead, trail);
    double v;
    bool vague;
    if (mod == M_APPROX) {
        /* "about 20~100": a hedged range; "about a few": still hedged */
        if (bounds_only || quantity_at(p, ib, ie, q, depth + 1) != CLAIMS_OK ||
            (q->mod != M_NONE && q->mod != M_APPROX) || (!isnan(q->amount) && !isnan(q->lower)))
            return false;
        q->mod = M_APPROX;
        return true;
    }
    if (mod < 0 || (bounds_only && mod == M_NONE) || !leaf_at(p, ib, ie, &v, &vague))
        return false;
    quantity_bound(q, (claims_modifier)mod, v);
    if (mod == M_NONE && vague)
        q->mod = M_APPROX;
    if (lead && !trail && mod != M_NONE && approaches(lead))
        q->open |= CLAIMS__NEAR_BOUND;
    return true;
}

static bool is_lower_bound(claims_modifier m) { return m == M_GT || m == M_GE; }
static bool is_upper_bound(claims_modifier m) { return m == M_LT || m == M_LE; }

/* "more than 10 and less than 20", "at most 100 and at least 20". */
static bool conjunction(const qparse *p, size_t b, size_t e, claims__quantity *q)
{
    claims__scan *sc = p->sc;
    for (size_t k = b + 1; k + 1 < e; k++) {
        if (cls_of(sc, k) != W_AND && !claims__tok_is(sc, k, "but") &&
            !claims__tok_punct(sc, k, ','))
            continue;
        claims__quantity l, r;
        if (!hedged(p, b, k, &l, 0, true) || !hedged(p, k + 1, e, &r, 0, true))
            continue;
        const claims__quantity *lo, *hi;
        if (is_lower_bound(l.mod) && is_upper_bound(r.mod)) {
            lo = &l;
            hi = &r;
        } else if (is_upper_bound(l.mod) && is_lower_bound(r.mod)) {
            lo = &r;
            hi = &l;
        } else {
            continue;
        }
        unsigned open = (lo->open & CLAIMS__OPEN_LOWER) | (hi->open & CLAIMS__OPEN_UPPER);
        if (lo->lower > hi->upper || (lo->lower == hi->upper && open))
            continue; /* an empty range is no value */
        quantity_range(q, lo->lower, hi->upper, open);
        return true;
    }
    return false;
}

static int quantity_at(const qparse *p, size_t b, size_t e, claims__quantity *q, int depth)
{
    if (b >= e || depth > 3)
        return CLAIMS_ESYNTAX;
    double v;
    bool vague;
    if (leaf_at(p, b, e, &v, &vague)) {
        quantity_bound(q, vague ? M_APPROX : M_NONE, v);
        return CLAIMS_OK;
    }
    if (hedged(p, b, e, q, depth, false) || range_split(p, b, e, -1, q) || conjunction(p, b, e, q))
        return CLAIMS_OK;
    return CLAIMS_ESYNTAX;
}

int claims__quantity_parse(claims__scan *sc, size_t b, size_t e, claims__leaf_fn leaf,
                           const void *data, claims__quantity *q)
{
    qparse p = {sc, leaf, data};
    quantity_clear(q);
    return quantity_at(&p, b, e, q, 0);
}

/* ---- counted nouns -------------------------------------------------------------------- */

/* Function words never taken for a counted noun, so "One-fourth is a
 * fraction" or "5 in 2009" are not numbers with a noun. */
static bool stop_word(const claims__scan *sc, size_t i)
{
    static const char *const stop[] = {
        "a",       "an",      "the",     "and",     "or",     "but",    "nor",   "of",    "to",
        "in",      "on",      "at",      "by",      "for",    "with",   "from",  "as",    "is",
        "are",     "was",     "were",    "be",      "been",   "it",     "its",   "this",  "that",
        "these",   "those",   "than",    "then",    "there",  "their",  "they",  "he",    "she",
        "we",      "you",     "i",       "not",     "no",     "per",    "if",    "so",    "up",
        "down",    "over",    "under",   "about",   "around", "some",   "more",  "less",  "most",
        "least",   "many",    "much",    "very",    "just",   "only",   "also",  "into",  "out",
        "off",     "ago",     "later",   "earlier", "each",   "every",  "all",   "any",   "plus",
        "odd",     "between", "among",   "after",   "before", "during", "since", "until", "within",
        "without", "against", "through", "across",  "beyond", "near"};
    for (size_t k = 0; k < sizeof stop / sizeof stop[0]; k++)
        if (claims__tok_is(sc, i, stop[k]))
            return true;
    return false;
}

size_t claims__number_noun_start(const claims__scan *sc, size_t b, size_t e)
{
    size_t k = e;
    while (k > b && e - k < 3) {
        const claims__tok *t = &sc->tok[k - 1];
        if (t->kind != CLAIMS__TOK_WORD || t->word != W_NONE || !t->space || stop_word(sc, k - 1))
            break;
        k--;
    }
    return k;
}

/* ---- canonical strings ------------------------------------------------------------------ */

/* Shortest decimal that reads back as x, without exponent: "240", "0.5",
 * "-1.2", "0.000000000001". The digits come from printf and the round trip
 * from strtod, which share the C library's locale, so any decimal point
 * character works; the output always uses '.'. */
static void format_number(double x, char *out, size_t cap)
{
    if (x == 0) {
        snprintf(out, cap, "0");
        return;
    }
    if (x == floor(x) && fabs(x) <= TWO53) {
        snprintf(out, cap, "%" PRId64, (int64_t)x);
        return;
    }
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    char dig[24];
    size_t nd = 0;
    const char *p = buf;
    bool neg = *p == '-';
    if (neg)
        p++;
    for (; *p && *p != 'e' && *p != 'E'; p++)
        if (is_digit(*p) && nd < sizeof dig)
            dig[nd++] = *p;
    int ex = (*p == 'e' || *p == 'E') ? atoi(p + 1) : 0;
    while (nd > 1 && dig[nd - 1] == '0')
        nd--;
    size_t o = 0;
#define PUT(ch) (o + 1 < cap ? (void)(out[o++] = (ch)) : (void)0)
    if (neg)
        PUT('-');
    if (ex < 0) {
        PUT('0');
        PUT('.');
        for (int z = 0; z < -ex - 1; z++)
            PUT('0');
        for (size_t k = 0; k < nd; k++)
            PUT(dig[k]);
    } else {
        for (int k = 0; k <= ex; k++)
            PUT((size_t)k < nd ? dig[k] : '0');
        if ((size_t)ex + 1 < nd) {
            PUT('.');
            for (size_t k = (size_t)ex + 1; k < nd; k++)
                PUT(dig[k]);
        }
    }
#undef PUT
    out[o] = '\0';
}

/* "[10,15]", "(20,35]", "240". */
static void format_quantity(double amount, double lower, double upper, unsigned open, char *out,
                            size_t cap)
{
    if (!isnan(amount)) {
        format_number(amount, out, cap);
        return;
    }
    char lo[48] = "", hi[48] = "";
    if (!isnan(lower))
        format_number(lower, lo, sizeof lo);
    if (!isnan(upper))
        format_number(upper, hi, sizeof hi);
    snprintf(out, cap, "%c%s,%s%c", (open & CLAIMS__OPEN_LOWER) || isnan(lower) ? '(' : '[', lo, hi,
             (open & CLAIMS__OPEN_UPPER) || isnan(upper) ? ')' : ']');
}

static bool out_of_range(double x) { return !isnan(x) && (!isfinite(x) || fabs(x) > TWO53); }

int claims__quantity_store(claims_value *v, const claims__quantity *q, const char *what,
                           claims_error *err)
{
    if (out_of_range(q->amount) || out_of_range(q->lower) || out_of_range(q->upper)) {
        const char *t = claims_value_text(v);
        return claims__error_simple(
            err, CLAIMS_ERANGE, "%s '%.60s' is out of range: beyond 2^53 it cannot be held exactly",
            what, t);
    }
    /* -0 reads as 0 */
    v->amount = q->amount == 0 ? 0 : q->amount;
    v->lower = q->lower == 0 ? 0 : q->lower;
    v->upper = q->upper == 0 ? 0 : q->upper;
    v->mod = q->mod;
    v->bounds_open = (unsigned char)q->open;
    char buf[112];
    format_quantity(v->amount, v->lower, v->upper, q->open, buf, sizeof buf);
    if (claims__value_set_norm(v, buf, strlen(buf)) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    return CLAIMS_OK;
}

int claims__number_reject(claims_error *err, const claims__scan *sc, const char *what,
                          const char *s, size_t len)
{
    size_t b = 0, e = len;
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r'))
        b++;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r'))
        e--;
    if (b == e)
        return claims__error_simple(err, CLAIMS_ESYNTAX, "empty text is not a %s", what);
    size_t n = e - b;
    if (n > 60) {
        n = 60;
        while (n > 0 && ((unsigned char)s[b + n] & 0xC0) == 0x80)
            n--; /* do not cut a UTF-8 sequence */
    }
    return claims__error_simple(err, CLAIMS_ESYNTAX, "'%.*s%s' is %s a %s", (int)n, s + b,
                                n < e - b ? "..." : "",
                                sc && sc->exhausted ? "too involved to read as" : "not", what);
}

int claims__number_language(const claims_parse_options *opts, const char *what, claims_error *err)
{
    const claims_str *l = &opts->language;
    if (!l->ptr || l->len == 0)
        return CLAIMS_OK;
    if (l->len >= 2 && claims__ascii_lower(l->ptr[0]) == 'e' &&
        claims__ascii_lower(l->ptr[1]) == 'n' &&
        (l->len == 2 || l->ptr[2] == '-' || l->ptr[2] == '_'))
        return CLAIMS_OK;
    bool printable = l->len <= 35;
    for (size_t i = 0; printable && i < l->len; i++)
        printable = l->ptr[i] > ' ' && l->ptr[i] < 0x7F;
    return claims__error_simple(err, CLAIMS_ESYNTAX, "%s parsing supports English only, not '%.*s'",
                                what, printable ? (int)l->len : 1, printable ? l->ptr : "?");
}

/* ---- NUMBER ---------------------------------------------------------------------------- */

/* The unit of a vague plural ("dozens": 12), 0 if the token is none. */
static double plural_unit(const claims__scan *sc, size_t i)
{
    static const struct {
        const char *word;
        double unit;
    } units[] = {{"tens", 10},        {"dozens", 12},    {"scores", 20},   {"hundreds", 100},
                 {"thousands", 1000}, {"millions", 1e6}, {"billions", 1e9}};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (claims__tok_is(sc, i, units[k].word))
            return units[k].unit;
    return 0;
}

/* Vague counts as the bounded ranges a reader takes them for: "dozens"
 * (of people) is from two dozen to ten dozen, [24, 120); "hundreds" [200,
 * 1000); "tens of thousands" [20000, 100000); "scores of" [40, 200); "a
 * handful" [2, 6]. What they count may follow ("hundreds of passengers"). */
static bool vague_plural(const claims__scan *sc, claims__quantity *q)
{
    size_t i = 0, n = sc->n;
    double lo, hi;
    unsigned open = CLAIMS__OPEN_UPPER;
    if (n && claims__tok_is(sc, i, "a"))
        i++;
    if (i < n && claims__tok_is(sc, i, "handful")) {
        lo = 2, hi = 6, open = 0;
        i++;
    } else {
        double unit = i == 0 && n ? plural_unit(sc, 0) : 0;
        if (unit == 0)
            return false;
        i++;
        /* "tens of thousands", "hundreds of millions" */
        double of = i + 1 < n && claims__tok_is(sc, i, "of") ? plural_unit(sc, i + 1) : 0;
        if (of > unit && of >= 100) {
            unit *= of;
            i += 2;
        }
        lo = 2 * unit, hi = 10 * unit;
    }
    /* nothing more, or "of" and up to three words naming what is counted */
    if (i < n) {
        if (!claims__tok_is(sc, i, "of") || n - i - 1 < 1 || n - i - 1 > 3)
            return false;
        for (size_t k = i + 1; k < n; k++)
            if (sc->tok[k].kind != CLAIMS__TOK_WORD || plural_unit(sc, k) != 0)
                return false;
    }
    q->amount = NAN;
    q->lower = lo;
    q->upper = hi;
    q->mod = CLAIMS_MOD_NONE;
    q->open = open;
    return true;
}

int claims__number_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                         const claims_parse_options *opts, claims_error *err)
{
    (void)ctx;
    int rc = claims__number_language(opts, "number", err);
    if (rc != CLAIMS_OK)
        return rc;
    claims__scan sc;
    rc = claims__number_scan(&sc, s, len, "number", err);
    if (rc != CLAIMS_OK)
        return rc;
    claims__quantity q;
    if (vague_plural(&sc, &q))
        return claims__quantity_store(v, &q, "number", err);
    rc = claims__quantity_parse(&sc, 0, sc.n, claims__number_leaf, NULL, &q);
    if (rc != CLAIMS_OK) {
        /* a value may name what it counts: "at least 129 people", "5%",
         * "5 per cent" */
        size_t k = claims__number_noun_start(&sc, 0, sc.n);
        if (claims__tok_punct(&sc, sc.n - 1, '%'))
            k = sc.n - 1;
        else if (sc.n >= 2 && claims__tok_is(&sc, sc.n - 2, "per") &&
                 claims__tok_is(&sc, sc.n - 1, "cent"))
            k = sc.n - 2;
        if (k > 0 && k < sc.n)
            rc = claims__quantity_parse(&sc, 0, k, claims__number_leaf, NULL, &q);
    }
    if (rc != CLAIMS_OK)
        return claims__number_reject(err, &sc, "number", s, len);
    return claims__quantity_store(v, &q, "number", err);
}

/* ---- comparison (NUMBER and DURATION) -------------------------------------------------- */

/* Comparison-only tolerance of a hedge: "about 240" allows 216..264. It is
 * never stored as bounds. */
#define APPROX_TOLERANCE 0.10
/* How close an approached bound is: "nearly 50" is [45, 50). Comparison
 * only, like the hedge's tolerance. */
#define CLAIMS__NEAR_REACH 0.10

typedef struct interval {
    double lo, hi;
    bool lo_open, hi_open;
} interval;

static interval value_interval(const claims_value *v)
{
    interval r = {-INFINITY, INFINITY, true, true};
    double a = v->amount;
    if (!isnan(a) && (v->mod == M_NONE || v->mod == M_APPROX)) {
        double t = v->mod == M_APPROX ? APPROX_TOLERANCE * fabs(a) : 0;
        r.lo = a - t;
        r.hi = a + t;
        r.lo_open = r.hi_open = false;
        return r;
    }
    if (!isnan(v->lower)) {
        r.lo = v->lower;
        r.lo_open = (v->bounds_open & CLAIMS__OPEN_LOWER) != 0;
        if (v->mod == M_APPROX)
            r.lo -= APPROX_TOLERANCE * fabs(v->lower);
    }
    if (!isnan(v->upper)) {
        r.hi = v->upper;
        r.hi_open = (v->bounds_open & CLAIMS__OPEN_UPPER) != 0;
        if (v->mod == M_APPROX)
            r.hi += APPROX_TOLERANCE * fabs(v->upper);
    }
    /* an approached bound: the other end is near it */
    if ((v->bounds_open & CLAIMS__NEAR_BOUND) && isnan(v->lower) && !isnan(v->upper)) {
        r.lo = v->upper - CLAIMS__NEAR_REACH * fabs(v->upper);
        r.lo_open = false;
    } else if ((v->bounds_open & CLAIMS__NEAR_BOUND) && isnan(v->upper) && !isnan(v->lower)) {
        r.hi = v->lower + CLAIMS__NEAR_REACH * fabs(v->lower);
        r.hi_open = false;
    }
    return r;
}

bool claims__value_span(const claims_value *v, double *lo, double *hi)
{
    if (v->type != CLAIMS_TYPE_NUMBER && v->type != CLAIMS_TYPE_DURATION)
        return false;
    if (isnan(v->amount) && isnan(v->lower) && isnan(v->upper))
        return false;
    interval r = value_interval(v);
    *lo = r.lo;
    *hi = r.hi;
    return true;
}

static bool interval_has(const interval *r, double x)
{
    return (x > r->lo || (x == r->lo && !r->lo_open)) && (x < r->hi || (x == r->hi && !r->hi_open));
}

static bool intervals_meet(const interval *a, const interval *b)
{
    double lo = fmax(a->lo, b->lo), hi = fmin(a->hi, b->hi);
    if (lo < hi)
        return true;
    return lo == hi && interval_has(a, lo) && interval_has(b, lo);
}

/* One number standing for a value, for the score. */
static double representative(const claims_value *v)
{
    if (!isnan(v->amount))
        return v->amount;
    if (!isnan(v->lower) && !isnan(v->upper))
        return (v->lower + v->upper) / 2;
    return isnan(v->lower) ? v->upper : v->lower;
}

static double closeness(double x, double y)
{
    double m = fmax(fabs(x), fabs(y));
    if (x == y || m == 0)
        return 1;
    double c = 1 - fabs(x - y) / m;
    return c < 0 ? 0 : c > 1 ? 1 : c;
}

static bool same(double x, double y) { return (isnan(x) && isnan(y)) || x == y; }

/* "240 s APPROX", "129 EQUAL_OR_MORE", "[10,15]". */
static void describe(const claims_value *v, char *out, size_t cap)
{
    char q[112];
    format_quantity(v->amount, v->lower, v->upper, v->bounds_open, q, sizeof q);
    /* truncation is acceptable in a reason: the return value is checked
     * only to say so */
    if (snprintf(out, cap, "%s%s%s%s", q, v->type == CLAIMS_TYPE_DURATION ? " s" : "",
                 v->mod != M_NONE ? " " : "",
                 v->mod != M_NONE ? claims_modifier_name(v->mod) : "") < 0)
        out[0] = '\0';
}

/* Writes "<a> <verb> <b>" into the reason, truncated if need be. */
static void reason(claims_comparison *out, const char *a, const char *verb, const char *b)
{
    if (snprintf(out->reason, sizeof out->reason, "%s %s %s", a, verb, b) < 0)
        out->reason[0] = '\0';
}

/* A single amount with no hedge or bound. */
static bool is_point(const claims_value *v) { return v->mod == M_NONE && !isnan(v->amount); }

void claims__number_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                            const claims_value *b)
{
    (void)ctx;
    char da[64], db[64];
    describe(a, da, sizeof da);
    describe(b, db, sizeof db);
    if (a->mod == b->mod && same(a->amount, b->amount) && same(a->lower, b->lower) &&
        same(a->upper, b->upper) && a->bounds_open == b->bounds_open) {
        out->relation = CLAIMS_RELATION_EQUAL;
        out->score = 1;
        reason(out, da, "equals", db);
        return;
    }
    interval ia = value_interval(a), ib = value_interval(b);
    double c = closeness(representative(a), representative(b));
    if (intervals_meet(&ia, &ib)) {
        out->relation = CLAIMS_RELATION_COMPATIBLE;
        out->score = 0.5 + 0.45 * c;
        const char *verb = "overlaps";
        if (is_point(b) && a->mod != M_APPROX && !is_point(a))
            verb = "contains";
        else if (is_point(a) && b->mod != M_APPROX && !is_point(b))
            verb = "lies within";
        reason(out, da, verb, db);
    } else {
        out->relation = CLAIMS_RELATION_CONFLICTING;
        out->score = 0.45 * c;
        reason(out, da, "conflicts with", db);
    }
}

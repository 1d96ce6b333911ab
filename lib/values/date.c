/* date.c - DATE values: calendar dates and periods ("November 20, 2016",
 * "Nov. 8", "this fall", "the 1990s", "last Sunday", "two days ago"), and
 * the interval comparison shared by DATE and TIME values.
 *
 * The text is split into tokens (words, numbers, punctuation); runs of
 * number words are folded into numbers ("twenty-first", "nineteen seventy
 * eight"). Then one of two grammars reads the tokens: an offset from the
 * reference ("three weeks from tomorrow", "in 3 days", "a month ago"), or
 * calendar fields (day, month, year, weekday, season, decade, "this/next/
 * last" periods) that are resolved against the reference date and the bias
 * once all are known. docs/normalization.md lists the forms and canonical
 * strings. */
#include "values/calendar.h"
#include "values/values_int.h"

#include <stdio.h>
#include <string.h>

/* ---- tokens ----------------------------------------------------------------- */

#define MAX_TOKENS 48

enum tok_kind { TK_WORD, TK_NUM, TK_PUNCT };

enum word_class {
    W_NONE,    /* not a known word */
    W_UNIT,    /* arg: unit */
    W_CARD,    /* arg: value of a cardinal number word */
    W_ORD,     /* arg: value of an ordinal number word */
    W_SEASON,  /* arg: 1 spring .. 4 winter */
    W_REL,     /* arg: -1 last, 0 this, +1 next */
    W_DAYWORD, /* arg: day offset of today/tomorrow/yesterday */
    W_PART,    /* morning, afternoon, evening, night */
    W_AGO,
    W_LATER, /* "later", "hence" */
    W_EARLIER,
    W_FROM,
    W_BEFORE,
    W_AFTER,
    W_NOW,
    W_FILLER, /* "on", "of", "during" */
    W_IN,
    W_THE,
    W_A,   /* "a", "an" */
    W_FEW, /* arg: the count read for "few", "several", "couple" */
    W_AND,
    W_HEDGE,  /* "about", "around", ... */
    W_QUAL,   /* "early", "mid", "late", "end", ... */
    W_SUFFIX, /* "st", "nd", "rd", "th" after a number */
    W_S,      /* "s" after a number: "1990s" */
    W_DECADE, /* arg: "twenties" 20 .. "nineties" 90 */
    W_BUSINESS,
    W_SAME, /* "same", "that" */
    W_WEEKEND,
    W_OPEN,   /* "since", "until", "before"-like bounds a date cannot hold */
    W_MONTH,  /* arg: 1..12 */
    W_WEEKDAY /* arg: 1..7 */
};

enum unit {
    U_NONE,
    U_DAY,
    U_BUSINESS_DAY,
    U_WEEKDAY,
    U_WEEK,
    U_FORTNIGHT,
    U_MONTH,
    U_YEAR,
    U_DECADE
};

typedef struct dtok {
    unsigned char kind;
    unsigned char cls; /* word class (TK_WORD) */
    bool space;        /* blank before the token */
    bool ordinal;      /* number written as an ordinal ("21st", "first") */
    bool plural;       /* number followed by "s" ("1990s"), plural weekday */
    bool wordnum;      /* number folded from number words */
    short arg;
    int digits; /* digits written; 0 for number words */
    int64_t num;
    size_t at, len; /* span in the text */
    char c;         /* punctuation character */
} dtok;

typedef struct keyword {
    const char *w;
    unsigned char cls;
    short arg;
} keyword;

static const keyword KEYWORDS[] = {
    {"day", W_UNIT, U_DAY},
    {"days", W_UNIT, U_DAY},
    {"week", W_UNIT, U_WEEK},
    {"weeks", W_UNIT, U_WEEK},
    {"wk", W_UNIT, U_WEEK},
    {"wks", W_UNIT, U_WEEK},
    {"fortnight", W_UNIT, U_FORTNIGHT},
    {"fortnights", W_UNIT, U_FORTNIGHT},
    {"month", W_UNIT, U_MONTH},
    {"months", W_UNIT, U_MONTH},
    {"year", W_UNIT, U_YEAR},
    {"years", W_UNIT, U_YEAR},
    {"yr", W_UNIT, U_YEAR},
    {"yrs", W_UNIT, U_YEAR},
    {"decade", W_UNIT, U_DECADE},
    {"decades", W_UNIT, U_DECADE},
    {"zero", W_CARD, 0},
    {"oh", W_CARD, 0},
    {"one", W_CARD, 1},
    {"two", W_CARD, 2},
    {"three", W_CARD, 3},
    {"four", W_CARD, 4},
    {"five", W_CARD, 5},
    {"six", W_CARD, 6},
    {"seven", W_CARD, 7},
    {"eight", W_CARD, 8},
    {"nine", W_CARD, 9},
    {"ten", W_CARD, 10},
    {"eleven", W_CARD, 11},
    {"twelve", W_CARD, 12},
    {"thirteen", W_CARD, 13},
    {"fourteen", W_CARD, 14},
    {"fifteen", W_CARD, 15},
    {"sixteen", W_CARD, 16},
    {"seventeen", W_CARD, 17},
    {"eighteen", W_CARD, 18},
    {"nineteen", W_CARD, 19},
    {"twenty", W_CARD, 20},
    {"thirty", W_CARD, 30},
    {"forty", W_CARD, 40},
    {"fifty", W_CARD, 50},
    {"sixty", W_CARD, 60},
    {"seventy", W_CARD, 70},
    {"eighty", W_CARD, 80},
    {"ninety", W_CARD, 90},
    {"hundred", W_CARD, 100},
    {"thousand", W_CARD, 1000},
    {"first", W_ORD, 1},
    {"second", W_ORD, 2},
    {"third", W_ORD, 3},
    {"fourth", W_ORD, 4},
    {"fifth", W_ORD, 5},
    {"sixth", W_ORD, 6},
    {"seventh", W_ORD, 7},
    {"eighth", W_ORD, 8},
    {"ninth", W_ORD, 9},
    {"tenth", W_ORD, 10},
    {"eleventh", W_ORD, 11},
    {"twelfth", W_ORD, 12},
    {"thirteenth", W_ORD, 13},
    {"fourteenth", W_ORD, 14},
    {"fifteenth", W_ORD, 15},
    {"sixteenth", W_ORD, 16},
    {"seventeenth", W_ORD, 17},
    {"eighteenth", W_ORD, 18},
    {"nineteenth", W_ORD, 19},
    {"twentieth", W_ORD, 20},
    {"thirtieth", W_ORD, 30},
    {"spring", W_SEASON, 1},
    {"summer", W_SEASON, 2},
    {"fall", W_SEASON, 3},
    {"autumn", W_SEASON, 3},
    {"winter", W_SEASON, 4},
    {"this", W_REL, 0},
    {"current", W_REL, 0},
    {"next", W_REL, 1},
    {"following", W_REL, 1},
    {"last", W_REL, -1},
    {"past", W_REL, -1},
    {"previous", W_REL, -1},
    {"prior", W_REL, -1},
    {"today", W_DAYWORD, 0},
    {"tonight", W_DAYWORD, 0},
    {"tomorrow", W_DAYWORD, 1},
    {"tmrw", W_DAYWORD, 1},
    {"yesterday", W_DAYWORD, -1},
    {"morning", W_PART, 0},
    {"afternoon", W_PART, 0},
    {"evening", W_PART, 0},
    {"night", W_PART, 0},
    {"ago", W_AGO, 0},
    {"later", W_LATER, 0},
    {"hence", W_LATER, 0},
    {"earlier", W_EARLIER, 0},
    {"from", W_FROM, 0},
    {"before", W_BEFORE, 0},
    {"after", W_AFTER, 0},
    {"now", W_NOW, 0},
    {"on", W_FILLER, 0},
    {"of", W_FILLER, 0},
    {"during", W_FILLER, 0},
    {"at", W_FILLER, 0},
    {"in", W_IN, 0},
    {"the", W_THE, 0},
    {"a", W_A, 0},
    {"an", W_A, 0},
    {"few", W_FEW, 3},
    {"several", W_FEW, 3},
    {"couple", W_FEW, 2},
    {"and", W_AND, 0},
    {"about", W_HEDGE, 0},
    {"around", W_HEDGE, 0},
    {"approximately", W_HEDGE, 0},
    {"approx", W_HEDGE, 0},
    {"circa", W_HEDGE, 0},
    {"ca", W_HEDGE, 0},
    {"roughly", W_HEDGE, 0},
    {"early", W_QUAL, 0},
    {"mid", W_QUAL, 0},
    {"middle", W_QUAL, 0},
    {"late", W_QUAL, 0},
    {"end", W_QUAL, 0},
    {"beginning", W_QUAL, 0},
    {"start", W_QUAL, 0},
    {"st", W_SUFFIX, 0},
    {"nd", W_SUFFIX, 0},
    {"rd", W_SUFFIX, 0},
    {"th", W_SUFFIX, 0},
    {"s", W_S, 0},
    {"twenties", W_DECADE, 20},
    {"thirties", W_DECADE, 30},
    {"forties", W_DECADE, 40},
    {"fifties", W_DECADE, 50},
    {"sixties", W_DECADE, 60},
    {"seventies", W_DECADE, 70},
    {"eighties", W_DECADE, 80},
    {"nineties", W_DECADE, 90},
    {"business", W_BUSINESS, 0},
    {"working", W_BUSINESS, 0},
    {"same", W_SAME, 0},
    {"that", W_SAME, 0},
    {"weekend", W_WEEKEND, 0},
    {"since", W_OPEN, 0},
    {"until", W_OPEN, 0},
    {"till", W_OPEN, 0},
    {"by", W_OPEN, 0},
    {"between", W_OPEN, 0},
    {"through", W_OPEN, 0},
};

static void classify(dtok *t, const char *w, size_t n)
{
    int k;
    t->cls = W_NONE;
    if ((k = claims__month_lookup(w, n)) != 0) {
        t->cls = W_MONTH;
        t->arg = (short)k;
        return;
    }
    if ((k = claims__weekday_lookup(w, n)) != 0 ||
        (n > 4 && (w[n - 1] | 0x20) == 's' && (k = claims__weekday_lookup(w, n - 1)) != 0)) {
        t->cls = W_WEEKDAY;
        t->arg = (short)k;
        t->plural = claims__weekday_lookup(w, n) == 0;
        return;
    }
    for (size_t i = 0; i < sizeof KEYWORDS / sizeof KEYWORDS[0]; i++) {
        if (claims__ascii_ieq(w, n, KEYWORDS[i].w)) {
            t->cls = KEYWORDS[i].cls;
            t->arg = KEYWORDS[i].arg;
            return;
        }
    }
}

typedef struct dparse {
    const char *s;
    size_t n;
    dtok t[MAX_TOKENS];
    int nt;
    const claims__ref *ref;
    claims_date_bias bias;
    bool approx;
    claims_error *err;
} dparse;

static int quoted(const dparse *p) { return (int)(p->n > 60 ? 60 : p->n); }

static int fail(dparse *p, int code, const char *why)
{
    return claims__error_simple(p->err, code, "%s in date '%.*s'", why, quoted(p), p->s);
}

static int fail_at(dparse *p, int i, const char *why)
{
    const dtok *t = &p->t[i < p->nt ? i : p->nt - 1];
    return claims__error_simple(p->err, CLAIMS_ESYNTAX, "%s '%.*s' in date '%.*s'", why,
                                (int)(t->len > 24 ? 24 : t->len), p->s + t->at, quoted(p), p->s);
}

static int tokenize(dparse *p)
{
    const char *s = p->s;
    size_t n = p->n, i = 0;
    bool space = true;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            space = true; /* no-break space */
            i += 2;
            continue;
        }
        if (p->nt == MAX_TOKENS)
            return fail(p, CLAIMS_ESYNTAX, "too many words");
        dtok *t = &p->t[p->nt++];
        memset(t, 0, sizeof *t);
        t->space = space;
        t->at = i;
        space = false;
        if (c >= '0' && c <= '9') {
            t->kind = TK_NUM;
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                if (t->digits < 18)
                    t->num = t->num * 10 + (s[i] - '0');
                t->digits++;
                i++;
            }
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
            t->kind = TK_WORD;
            while (i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
                i++;
            classify(t, s + t->at, i - t->at);
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94 ||
                    (unsigned char)s[i + 2] == 0x99)) {
            /* en dash, em dash, right single quotation mark */
            t->kind = TK_PUNCT;
            t->c = (unsigned char)s[i + 2] == 0x99 ? '\'' : '-';
            i += 3;
        } else if (c < 0x80 && c > ' ') {
            t->kind = TK_PUNCT;
            t->c = (char)c;
            i++;
        } else {
            t->len = 1;
            return fail_at(p, p->nt - 1, "unexpected character");
        }
        t->len = i - t->at;
    }
    return CLAIMS_OK;
}

/* ---- number words -------------------------------------------------------------- */

static bool is_word(const dtok *t, int cls) { return t->kind == TK_WORD && t->cls == cls; }

static bool numword(const dtok *t)
{
    return t->kind == TK_WORD && (t->cls == W_CARD || t->cls == W_ORD);
}

/* The value below 100 at w[*k]: "seven", "seventy", "seventy-eight",
 * "twenty first". -1 if none. */
static int below_100(const dtok *const *w, int nw, int *k)
{
    if (*k >= nw || w[*k]->cls == W_AND || w[*k]->arg >= 100)
        return -1;
    int v = w[*k]->arg;
    (*k)++;
    if (v >= 20 && v % 10 == 0 && w[*k - 1]->cls == W_CARD && *k < nw && w[*k]->cls != W_AND &&
        w[*k]->arg >= 1 && w[*k]->arg <= 9) {
        v += w[*k]->arg;
        (*k)++;
    }
    return v;
}

/* below_100 [hundred [and] below_100] */
static int64_t hundreds(const dtok *const *w, int nw, int *k, bool *big)
{
    int64_t v = below_100(w, nw, k);
    if (v < 0 || *k >= nw || w[*k - 1]->cls != W_CARD || w[*k]->cls != W_CARD || w[*k]->arg != 100)
        return v;
    v *= 100;
    (*k)++;
    *big = true;
    int save = *k;
    if (*k < nw && w[*k]->cls == W_AND)
        (*k)++;
    int r = below_100(w, nw, k);
    if (r > 0)
        v += r;
    else
        *k = save;
    return v;
}

/* A cardinal from number words: hundreds [thousand [and] hundreds].
 * *big is set when "hundred" or "thousand" occurred. -1 if none. */
static int64_t cardinal(const dtok *const *w, int nw, int *k, bool *big)
{
    *big = false;
    int64_t v = hundreds(w, nw, k, big);
    if (v < 0 || *k >= nw || w[*k - 1]->cls != W_CARD || w[*k]->cls != W_CARD || w[*k]->arg != 1000)
        return v;
    v *= 1000;
    (*k)++;
    *big = true;
    int save = *k;
    if (*k < nw && w[*k]->cls == W_AND)
        (*k)++;
    bool b2;
    int64_t r = hundreds(w, nw, k, &b2);
    if (r > 0)
        v += r;
    else
        *k = save;
    return v;
}

/* Folds each run of number words into one TK_NUM token. */
static void fold_numbers(dparse *p)
{
    int out = 0;
    for (int i = 0; i < p->nt;) {
        if (!numword(&p->t[i])) {
            p->t[out++] = p->t[i++];
            continue;
        }
        /* the run: number words, "and" between them, glued hyphens */
        const dtok *w[MAX_TOKENS];
        int idx[MAX_TOKENS], nw = 0, j = i;
        while (j < p->nt) {
            const dtok *t = &p->t[j];
            if (numword(t)) {
                idx[nw] = j;
                w[nw++] = t;
                j++;
                if (t->cls == W_ORD)
                    break; /* an ordinal ends a number */
            } else if (t->kind == TK_PUNCT && t->c == '-' && !t->space && j + 1 < p->nt &&
                       !p->t[j + 1].space && numword(&p->t[j + 1]) && nw) {
                j++;
            } else if (is_word(t, W_AND) && nw && j + 1 < p->nt && numword(&p->t[j + 1])) {
                idx[nw] = j;
                w[nw++] = t;
                j++;
            } else {
                break;
            }
        }
        int k = 0;
        bool big;
        int64_t v = cardinal(w, nw, &k, &big);
        if (v < 0) {
            p->t[out++] = p->t[i++];
            continue;
        }
        if (!big && v >= 10 && v <= 99 && k < nw && w[k]->cls != W_AND) {
            /* a year read in two halves: "nineteen seventy eight",
             * "nineteen zero one", "twenty sixteen" */
            int k2 = k;
            bool big2;
            int64_t v2 = cardinal(w, nw, &k2, &big2);
            if (v2 == 0 && k2 < nw && w[k2]->arg >= 1 && w[k2]->arg <= 9 && w[k2]->cls == W_CARD) {
                v2 = w[k2]->arg;
                k2++;
            } else if (v2 < 10) {
                v2 = -1;
            }
            if (v2 >= 0 && !big2) {
                v = v * 100 + v2;
                k = k2;
            }
        }
        /* "and" cannot end the number */
        while (k > 0 && w[k - 1]->cls == W_AND)
            k--;
        int last = idx[k - 1];
        dtok num = p->t[i];
        num.kind = TK_NUM;
        num.cls = W_NONE;
        num.num = v;
        num.digits = 0;
        num.wordnum = true;
        num.ordinal = w[k - 1]->cls == W_ORD;
        num.len = p->t[last].at + p->t[last].len - num.at;
        p->t[out++] = num;
        i = last + 1;
    }
    p->nt = out;
    /* "21st", "1990s": a suffix glued to a number */
    out = 0;
    for (int i = 0; i < p->nt; i++) {
        dtok *t = &p->t[i];
        if (out && p->t[out - 1].kind == TK_NUM && !p->t[out - 1].wordnum && !t->space &&
            t->kind == TK_WORD && (t->cls == W_SUFFIX || t->cls == W_S)) {
            if (t->cls == W_SUFFIX)
                p->t[out - 1].ordinal = true;
            else
                p->t[out - 1].plural = true;
            p->t[out - 1].len = t->at + t->len - p->t[out - 1].at;
            continue;
        }
        p->t[out++] = *t;
    }
    p->nt = out;
}

/* ---- results -------------------------------------------------------------------- */

typedef struct dresult {
    int64_t begin, end; /* days, [begin, end) */
    claims_precision precision;
    char norm[24];
    size_t norm_len;
} dresult;

static int out_of_range(dparse *p) { return fail(p, CLAIMS_ERANGE, "year out of range 1..9999"); }

static bool year_ok(int64_t y) { return y >= CLAIMS__YEAR_MIN && y <= CLAIMS__YEAR_MAX; }

static int result_day(dparse *p, dresult *r, int64_t days)
{
    int64_t y;
    int m, d;
    claims__civil_from_days(days, &y, &m, &d);
    if (!year_ok(y))
        return out_of_range(p);
    r->begin = days;
    r->end = days + 1;
    r->precision = CLAIMS_PRECISION_DAY;
    r->norm_len = (size_t)(claims__put_date(r->norm, y, m, d) - r->norm);
    return CLAIMS_OK;
}

/* The ISO week containing `days` ("2016-W46"); `weekend` keeps only its
 * Saturday and Sunday ("2016-W46-WE"). */
static int result_week(dparse *p, dresult *r, int64_t days, bool weekend)
{
    int64_t monday = days - (claims__weekday(days) - 1), y;
    int m, d;
    claims__civil_from_days(monday + 3, &y, &m, &d); /* its Thursday */
    if (!year_ok(y))
        return out_of_range(p);
    int week = (int)((monday + 3 - claims__days_from_civil(y, 1, 1)) / 7) + 1;
    r->begin = monday + (weekend ? 5 : 0);
    r->end = monday + 7;
    r->precision = CLAIMS_PRECISION_WEEK;
    char *q = claims__put_digits(r->norm, y, 4);
    *q++ = '-';
    *q++ = 'W';
    q = claims__put_digits(q, week, 2);
    if (weekend) {
        memcpy(q, "-WE", 3);
        q += 3;
    }
    r->norm_len = (size_t)(q - r->norm);
    return CLAIMS_OK;
}

static int result_month(dparse *p, dresult *r, int64_t y, int m)
{
    if (!year_ok(y))
        return out_of_range(p);
    r->begin = claims__days_from_civil(y, m, 1);
    r->end = r->begin + claims__days_in_month(y, m);
    r->precision = CLAIMS_PRECISION_MONTH;
    char *q = claims__put_digits(r->norm, y, 4);
    *q++ = '-';
    r->norm_len = (size_t)(claims__put_digits(q, m, 2) - r->norm);
    return CLAIMS_OK;
}

/* Meteorological seasons: spring March-May, summer June-August, fall
 * September-November, winter December to February of the next year. */
static int season_first_month(int season) { return 3 * season; }

static void season_span(int64_t y, int season, int64_t *b, int64_t *e)
{
    int m = season_first_month(season);
    *b = claims__days_from_civil(y, m, 1);
    *e = m + 3 > 12 ? claims__days_from_civil(y + 1, m - 9, 1)
                    : claims__days_from_civil(y, m + 3, 1);
}

static int result_season(dparse *p, dresult *r, int64_t y, int season)
{
    static const char codes[4][3] = {"SP", "SU", "FA", "WI"};
    if (!year_ok(y) || !year_ok(y + (season == 4)))
        return out_of_range(p);
    season_span(y, season, &r->begin, &r->end);
    r->precision = CLAIMS_PRECISION_SEASON;
    char *q = claims__put_digits(r->norm, y, 4);
    *q++ = '-';
    memcpy(q, codes[season - 1], 2);
    r->norm_len = (size_t)(q + 2 - r->norm);
    return CLAIMS_OK;
}

static int result_year(dparse *p, dresult *r, int64_t y)
{
    if (!year_ok(y))
        return out_of_range(p);
    r->begin = claims__days_from_civil(y, 1, 1);
    r->end = claims__days_from_civil(y + 1, 1, 1);
    r->precision = CLAIMS_PRECISION_YEAR;
    r->norm_len = (size_t)(claims__put_digits(r->norm, y, 4) - r->norm);
    return CLAIMS_OK;
}

static int result_decade(dparse *p, dresult *r, int64_t first)
{
    if (!year_ok(first) || !year_ok(first + 9))
        return out_of_range(p);
    r->begin = claims__days_from_civil(first, 1, 1);
    r->end = claims__days_from_civil(first + 10, 1, 1);
    r->precision = CLAIMS_PRECISION_DECADE;
    char *q = claims__put_digits(r->norm, first / 10, 3);
    *q++ = 'X';
    r->norm_len = (size_t)(q - r->norm);
    return CLAIMS_OK;
}

static int need_reference(dparse *p)
{
    return claims__error_simple(p->err, CLAIMS_ESYNTAX,
                                "relative date '%.*s' needs a reference date", quoted(p), p->s);
}

/* ---- choosing among candidates with the bias ----------------------------------- */

/* Candidates are intervals of days [b, e) in increasing order; the choice
 * depends on where the reference day falls. */
typedef struct chooser {
    int64_t ref;
    claims_date_bias bias;
    bool found_past, found_future;
    int64_t past_b, past_e, future_b, future_e;
    long past_key, future_key; /* caller's handle of each choice */
} chooser;

static void chooser_init(chooser *c, int64_t ref, claims_date_bias bias)
{
    memset(c, 0, sizeof *c);
    c->ref = ref;
    c->bias = bias;
}

static void chooser_add(chooser *c, int64_t b, int64_t e, long key)
{
    if (b <= c->ref && (!c->found_past || b > c->past_b)) {
        c->found_past = true;
        c->past_b = b;
        c->past_e = e;
        c->past_key = key;
    }
    if (e > c->ref && (!c->found_future || b < c->future_b)) {
        c->found_future = true;
        c->future_b = b;
        c->future_e = e;
        c->future_key = key;
    }
}

/* The key of the chosen candidate; false when there is none. */
static bool chooser_pick(const chooser *c, long *key)
{
    if (!c->found_past && !c->found_future)
        return false;
    bool past;
    if (!c->found_past || !c->found_future) {
        past = c->found_past;
    } else if (c->bias == CLAIMS_BIAS_FUTURE) {
        past = false;
    } else if (c->bias == CLAIMS_BIAS_NEAREST) {
        /* a candidate containing the reference wins; then the closer one,
         * the past on a tie */
        int64_t dp = c->ref - (c->past_e - 1), df = c->future_b - c->ref;
        past = c->ref < c->past_e || dp <= df;
    } else {
        past = true;
    }
    *key = past ? c->past_key : c->future_key;
    return true;
}

/* ---- the offset grammar ------------------------------------------------------- */

typedef struct offset {
    int64_t n[U_DECADE + 1]; /* count per unit */
    int weekday;             /* for U_WEEKDAY */
    int smallest;            /* finest unit written */
    bool any;
} offset;

static int unit_rank(int u)
{
    switch (u) {
    case U_DAY:
    case U_BUSINESS_DAY:
    case U_WEEKDAY: return 0;
    case U_WEEK:
    case U_FORTNIGHT: return 1;
    case U_MONTH: return 2;
    case U_YEAR: return 3;
    default: return 4;
    }
}

/* One "COUNT UNIT" item at *i. Returns 1 when read, 0 when absent. */
static int offset_item(dparse *p, int *i, offset *o)
{
    int j = *i;
    int64_t count;
    const dtok *t = j < p->nt ? &p->t[j] : NULL;
    if (!t)
        return 0;
    if (t->kind == TK_NUM && !t->ordinal && !t->plural && t->digits <= 7) {
        count = t->num;
        j++;
    } else if (is_word(t, W_A) || is_word(t, W_FEW)) {
        count = 1;
        if (is_word(t, W_A))
            j++;
        if (j < p->nt && is_word(&p->t[j], W_FEW)) {
            count = p->t[j].arg;
            p->approx = true;
            j++;
            if (j < p->nt && is_word(&p->t[j], W_FILLER)) /* "couple of" */
                j++;
        }
    } else {
        return 0;
    }
    if (j < p->nt && is_word(&p->t[j], W_BUSINESS) && j + 1 < p->nt &&
        is_word(&p->t[j + 1], W_UNIT) && p->t[j + 1].arg == U_DAY) {
        o->n[U_BUSINESS_DAY] += count;
        o->smallest = U_DAY;
        o->any = true;
        *i = j + 2;
        return 1;
    }
    if (j >= p->nt)
        return 0;
    t = &p->t[j];
    int u;
    if (is_word(t, W_UNIT)) {
        u = t->arg;
    } else if (is_word(t, W_WEEKDAY)) {
        if (o->weekday && o->weekday != t->arg)
            return 0;
        u = U_WEEKDAY;
        o->weekday = t->arg;
    } else {
        return 0;
    }
    o->n[u] += count;
    if (!o->any || unit_rank(u) < unit_rank(o->smallest))
        o->smallest = u;
    o->any = true;
    *i = j + 1;
    return 1;
}

static int64_t add_months(int64_t days, int64_t months)
{
    int64_t y;
    int m, d;
    claims__civil_from_days(days, &y, &m, &d);
    int64_t total = y * 12 + (m - 1) + months;
    int64_t ny = total >= 0 ? total / 12 : -((-total + 11) / 12);
    int nm = (int)(total - ny * 12) + 1;
    if (ny < CLAIMS__YEAR_MIN - 1 || ny > CLAIMS__YEAR_MAX + 1)
        return INT64_MIN;
    int dim = claims__days_in_month(ny, nm);
    return claims__days_from_civil(ny, nm, d > dim ? dim : d);
}

/* Steps `count` days of the kind (business days or one weekday) from
 * `days` in direction `sign`, not counting the start. */
static int64_t step_days(int64_t days, int64_t count, int sign, int weekday)
{
    while (count > 0) {
        days += sign;
        int w = claims__weekday(days);
        if (weekday ? w == weekday : w <= 5)
            count--;
    }
    return days;
}

/* [in] DURATION (ago | later | earlier | from ANCHOR | before [ANCHOR] |
 * after [ANCHOR]), or "the day before/after [ANCHOR]". Returns 1 with *r
 * filled, 0 when the tokens are not an offset, or a negative error. */
static int parse_offset(dparse *p, int i, dresult *r)
{
    offset o;
    memset(&o, 0, sizeof o);
    bool in = i < p->nt && is_word(&p->t[i], W_IN);
    int j = i + in;
    bool the_day = false;
    if (!in && j + 1 < p->nt && is_word(&p->t[j], W_THE) && is_word(&p->t[j + 1], W_UNIT) &&
        p->t[j + 1].arg == U_DAY &&
        claims__ascii_ieq(p->s + p->t[j + 1].at, p->t[j + 1].len, "day")) {
        the_day = true; /* "the day before yesterday" */
        o.n[U_DAY] = 1;
        o.smallest = U_DAY;
        o.any = true;
        j += 2;
    } else {
        if (!offset_item(p, &j, &o))
            return 0;
        for (;;) {
            int k = j;
            if (k < p->nt && p->t[k].kind == TK_PUNCT && p->t[k].c == ',')
                k++;
            if (k < p->nt && is_word(&p->t[k], W_AND))
                k++;
            if (!offset_item(p, &k, &o))
                break;
            j = k;
        }
    }
    if (o.n[U_WEEKDAY] && (o.n[U_DAY] || o.n[U_BUSINESS_DAY] || o.n[U_WEEK] || o.n[U_FORTNIGHT] ||
                           o.n[U_MONTH] || o.n[U_YEAR] || o.n[U_DECADE]))
        return fail(p, CLAIMS_ESYNTAX, "weekdays mixed with other units");
    int sign = 0, anchor = 0;
    bool anchored = the_day;
    const dtok *t = j < p->nt ? &p->t[j] : NULL;
    if (in) {
        sign = 1;
    } else if (t && (is_word(t, W_AGO) || is_word(t, W_EARLIER))) {
        sign = -1;
        j++;
    } else if (t && is_word(t, W_LATER)) {
        sign = 1;
        j++;
    } else if (t && (is_word(t, W_FROM) || is_word(t, W_BEFORE) || is_word(t, W_AFTER))) {
        sign = is_word(t, W_BEFORE) ? -1 : 1;
        j++;
        anchored = true;
        const dtok *a = j < p->nt ? &p->t[j] : NULL;
        if (a && is_word(a, W_NOW)) {
            j++;
        } else if (a && is_word(a, W_DAYWORD)) {
            anchor = a->arg;
            j++;
        } else if (is_word(t, W_FROM)) {
            return fail_at(p, j, "expected now, today, tomorrow or yesterday after");
        }
        /* "the day before": from the reference itself */
    } else {
        return 0; /* "the day" alone is the reference day */
    }
    while (j < p->nt && p->t[j].kind == TK_PUNCT && p->t[j].c == '.')
        j++;
    if (j < p->nt)
        return fail_at(p, j, "unexpected");
    if (!p->ref->present)
        return need_reference(p);
    for (int u = 0; u <= U_DECADE; u++)
        if (o.n[u] > 1000000)
            return fail(p, CLAIMS_ERANGE, "offset too large");
    int64_t days = p->ref->days + anchor;
    int64_t months = o.n[U_MONTH] + 12 * o.n[U_YEAR] + 120 * o.n[U_DECADE];
    if (months) {
        days = add_months(days, sign * months);
        if (days == INT64_MIN)
            return out_of_range(p);
    }
    days += sign * (o.n[U_DAY] + 7 * o.n[U_WEEK] + 14 * o.n[U_FORTNIGHT]);
    if (o.n[U_BUSINESS_DAY])
        days = step_days(days, o.n[U_BUSINESS_DAY], sign, 0);
    if (o.n[U_WEEKDAY])
        days = step_days(days, o.n[U_WEEKDAY], sign, o.weekday);
    int64_t y;
    int m, d;
    claims__civil_from_days(days, &y, &m, &d);
    if (!year_ok(y))
        return out_of_range(p);
    int rc;
    /* "from/before/after" name a day; "ago", "in" and "later" are as fine
     * as their finest unit: "two years ago" is a year */
    switch (anchored ? 0 : unit_rank(o.smallest)) {
    case 0: rc = result_day(p, r, days); break;
    case 1: rc = result_week(p, r, days, false); break;
    case 2: rc = result_month(p, r, y, m); break;
    case 3: rc = result_year(p, r, y); break;
    default: rc = result_decade(p, r, y - y % 10); break;
    }
    return rc < 0 ? rc : 1;
}

/* ---- the calendar grammar ----------------------------------------------------- */

typedef struct dspec {
    int64_t year; /* 0 absent */
    int month, day, weekday, nth, season;
    int64_t decade; /* first year; 0 absent */
    int decade2;    /* two-digit decade ("the '90s"): 10..90, 100 for 00s */
    bool has_rel;   /* "this/next/last" UNIT */
    int rel_unit, rel_n;
    bool has_dayword;
    int dayword;
    int iso_week;   /* "2016-W46": with year */
    bool this_past; /* "this past Tuesday": the latest one before */
    bool week_of;   /* "the week of November 14" */
    bool part_of_day, weekend;
} dspec;

static int dup(dparse *p, int i) { return fail_at(p, i, "a second"); }

static int set_day(dparse *p, dspec *sp, int i, int64_t v)
{
    if (sp->day)
        return dup(p, i);
    if (v < 1 || v > 31)
        return fail_at(p, i, "not a day of the month:");
    sp->day = (int)v;
    return CLAIMS_OK;
}

static int set_year(dparse *p, dspec *sp, int i, int64_t v)
{
    if (sp->year)
        return dup(p, i);
    if (!year_ok(v))
        return out_of_range(p);
    sp->year = v;
    return CLAIMS_OK;
}

static int set_month(dparse *p, dspec *sp, int i, int m)
{
    if (sp->month)
        return dup(p, i);
    sp->month = m;
    return CLAIMS_OK;
}

static bool is_punct(const dparse *p, int i, char c)
{
    return i < p->nt && p->t[i].kind == TK_PUNCT && p->t[i].c == c;
}

static bool is_num(const dparse *p, int i, int max_digits)
{
    return i < p->nt && p->t[i].kind == TK_NUM && !p->t[i].wordnum && !p->t[i].ordinal &&
           !p->t[i].plural && p->t[i].digits <= max_digits;
}

/* A year written after a date with 2 or 4 digits. */
static int year_digits(dparse *p, int i, int64_t *y)
{
    const dtok *t = &p->t[i];
    if (t->digits == 4) {
        *y = t->num;
    } else if (t->digits == 2) {
        *y = claims__year_from_two_digits((int)t->num, p->ref);
    } else {
        return fail_at(p, i, "a year of neither 2 nor 4 digits:");
    }
    return CLAIMS_OK;
}

static bool glued_word(const dparse *p, int i, const char *w)
{
    return i < p->nt && p->t[i].kind == TK_WORD && !p->t[i].space &&
           claims__ascii_ieq(p->s + p->t[i].at, p->t[i].len, w);
}

static bool glued_num(const dparse *p, int i, int digits)
{
    return is_num(p, i, digits) && p->t[i].digits == digits && !p->t[i].space;
}

static bool glued_punct(const dparse *p, int i, char c)
{
    return is_punct(p, i, c) && !p->t[i].space;
}

/* Skips the clock time of an ISO 8601 date-time after its date
 * ("T14:52:00Z", "T14:52-05:00"): a DATE keeps the day. Returns the next
 * token, or -1 for a malformed time. */
static int skip_iso_time(const dparse *p, int j)
{
    if (!glued_word(p, j, "t"))
        return j;
    j++;
    if (!glued_num(p, j, 2) || p->t[j].num > 23)
        return -1;
    j++;
    for (int part = 0; part < 2 && glued_punct(p, j, ':'); part++) {
        if (!glued_num(p, j + 1, 2) || p->t[j + 1].num > 59 + part)
            return -1;
        j += 2;
    }
    if (glued_punct(p, j, '.') && j + 1 < p->nt && p->t[j + 1].kind == TK_NUM && !p->t[j + 1].space)
        j += 2;
    if (glued_word(p, j, "z"))
        return j + 1;
    if ((glued_punct(p, j, '+') || glued_punct(p, j, '-')) &&
        (glued_num(p, j + 1, 2) || glued_num(p, j + 1, 4))) {
        j += 2;
        if (glued_punct(p, j, ':') && glued_num(p, j + 1, 2))
            j += 2;
    }
    return j;
}

/* Numeric dates starting with the number at *i followed by '/', '-' or '.':
 * Y-M-D, Y-M, M/D/Y (D/M/Y when the first cannot be a month), M/D, D-Mon-Y,
 * Y-Mon-D, "08/12,2015". */
static int numeric_date(dparse *p, dspec *sp, int *pi)
{
    int i = *pi;
    const dtok *a = &p->t[i];
    char sep = p->t[i + 1].c;
    int j = i + 2;
    /* "16. Nov. 2016": a day, a dot, a month name */
    bool b_month = j < p->nt && is_word(&p->t[j], W_MONTH);
    if (!b_month && (!is_num(p, j, 2) || p->t[j].space))
        return fail_at(p, i, "an incomplete date at");
    if (sp->month || sp->day || sp->year)
        return dup(p, i);
    int64_t y = 0;
    int m = 0, d = 0, bm = b_month ? p->t[j].arg : (int)p->t[j].num;
    j++;
    if (b_month && is_punct(p, j, '.'))
        j++; /* "Nov." */
    bool third = false;
    if (is_punct(p, j, sep) && j + 1 < p->nt && p->t[j + 1].kind == TK_NUM &&
        (!p->t[j + 1].space || b_month)) {
        third = true;
        j++;
    } else if (b_month && is_num(p, j, 4) && p->t[j].space && a->digits <= 2 &&
               p->t[j].digits == 4) {
        third = true; /* "16. Nov. 2016" */
    } else if (!b_month && sep == '/' && is_punct(p, j, ',') && is_num(p, j + 1, 4)) {
        third = true; /* "08/12,2015" */
        j++;
    }
    if (third && !is_num(p, j, 4))
        return fail_at(p, j, "a bad number in date:");
    if (a->digits == 4) {
        y = a->num;
        m = bm;
        if (third) {
            d = (int)p->t[j++].num;
            if ((j = skip_iso_time(p, j)) < 0)
                return fail(p, CLAIMS_ESYNTAX, "a malformed time of day");
        } else if (b_month) {
            return fail_at(p, i, "an incomplete date at");
        }
    } else if (a->digits <= 2) {
        if (b_month) {
            d = (int)a->num;
            m = bm;
        } else if (a->num > 12) {
            d = (int)a->num; /* 21/04/2016 */
            m = bm;
        } else {
            m = (int)a->num;
            d = bm;
        }
        if (third) {
            int rc = year_digits(p, j++, &y);
            if (rc < 0)
                return rc;
        }
    } else {
        return fail_at(p, i, "a bad number in date:");
    }
    if (j < p->nt && !p->t[j].space && p->t[j].kind != TK_PUNCT)
        return fail_at(p, j, "unexpected");
    if (j + 1 < p->nt && !p->t[j + 1].space && p->t[j].kind == TK_PUNCT &&
        (p->t[j].c == '/' || p->t[j].c == '-') && p->t[j + 1].kind == TK_NUM)
        return fail_at(p, j, "unexpected");
    if (m < 1 || m > 12 || (d && (d < 1 || d > 31)))
        return claims__error_simple(p->err, CLAIMS_ESYNTAX, "'%.*s' is not a valid date", quoted(p),
                                    p->s);
    sp->month = m;
    sp->day = d;
    if (y && !year_ok(y))
        return out_of_range(p);
    sp->year = y;
    *pi = j;
    return CLAIMS_OK;
}

/* "this/next/last" + what follows it. */
static int rel_phrase(dparse *p, dspec *sp, int *pi)
{
    int i = *pi, n = p->t[i].arg;
    if (n == 0 && i + 1 < p->nt && is_word(&p->t[i + 1], W_REL) && p->t[i + 1].arg < 0) {
        sp->this_past = true; /* "this past weekend" */
        n = p->t[++i].arg;
    }
    if (i + 1 >= p->nt)
        return fail_at(p, i, "nothing after");
    const dtok *t = &p->t[i + 1];
    if (is_word(t, W_UNIT) && t->arg == U_DAY) {
        if (sp->has_dayword)
            return dup(p, i);
        sp->has_dayword = true; /* "the next day", "the previous day" */
        sp->dayword = n;
    } else if (is_word(t, W_PART)) {
        if (sp->has_dayword)
            return dup(p, i); /* "last night", "this morning" */
        sp->has_dayword = true;
        sp->dayword = n;
        sp->part_of_day = true;
    } else if (is_word(t, W_UNIT) &&
               (t->arg == U_WEEK || t->arg == U_MONTH || t->arg == U_YEAR || t->arg == U_DECADE)) {
        if (sp->has_rel)
            return dup(p, i);
        sp->has_rel = true;
        sp->rel_unit = t->arg;
        sp->rel_n = n;
    } else if (is_word(t, W_WEEKDAY) || is_word(t, W_WEEKEND)) {
        /* "next Sunday" is the Sunday of next week */
        if (sp->has_rel || (is_word(t, W_WEEKDAY) && sp->weekday))
            return dup(p, i);
        sp->has_rel = true;
        sp->rel_unit = U_WEEK;
        sp->rel_n = n;
        if (is_word(t, W_WEEKEND))
            sp->weekend = true;
        else
            sp->weekday = t->arg;
    } else if (is_word(t, W_SEASON) || is_word(t, W_MONTH)) {
        /* "last spring", "next March": an instance of a named period */
        if (sp->season || sp->month || sp->has_rel)
            return dup(p, i);
        if (is_word(t, W_SEASON))
            sp->season = t->arg;
        else
            sp->month = t->arg;
        sp->has_rel = true;
        sp->rel_unit = U_NONE;
        sp->rel_n = n;
    } else {
        return fail_at(p, i + 1, "unexpected word after this/next/last:");
    }
    *pi = i + 2;
    return CLAIMS_OK;
}

/* The canonical strings of this module read back: "2016-W46", "2016-W46-WE",
 * "2016-FA", "201X". Returns 1 when read, 0 when not such a form. */
static int canonical_form(dparse *p, dspec *sp, int *pi)
{
    static const char *const seasons[4] = {"sp", "su", "fa", "wi"};
    int i = *pi;
    const dtok *t = &p->t[i];
    if (t->wordnum || t->ordinal || t->plural)
        return 0;
    if (t->digits == 3 && glued_word(p, i + 1, "x")) {
        if (sp->decade || sp->decade2)
            return dup(p, i);
        sp->decade = t->num * 10;
        *pi = i + 2;
        return 1;
    }
    if (t->digits != 4 || !is_punct(p, i + 1, '-') || p->t[i + 1].space)
        return 0;
    if (glued_word(p, i + 2, "w") && i + 3 < p->nt && p->t[i + 3].kind == TK_NUM &&
        !p->t[i + 3].space && p->t[i + 3].digits == 2) {
        if (sp->year || sp->iso_week)
            return dup(p, i);
        sp->year = t->num;
        sp->iso_week = (int)p->t[i + 3].num;
        *pi = i + 4;
        if (is_punct(p, i + 4, '-') && glued_word(p, i + 5, "we")) {
            sp->weekend = true;
            *pi = i + 6;
        }
        return 1;
    }
    for (int k = 0; k < 4; k++) {
        if (glued_word(p, i + 2, seasons[k])) {
            if (sp->year || sp->season)
                return dup(p, i);
            sp->year = t->num;
            sp->season = k + 1;
            *pi = i + 3;
            return 1;
        }
    }
    return 0;
}

static int read_number(dparse *p, dspec *sp, int *pi)
{
    int i = *pi;
    const dtok *t = &p->t[i];
    if (t->digits > 8 || (t->digits > 4 && t->digits != 8))
        return claims__error_simple(p->err, CLAIMS_ERANGE,
                                    "number '%.*s' is out of range for a date",
                                    (int)(t->len > 24 ? 24 : t->len), p->s + t->at);
    if (t->digits == 8) {
        /* ISO 8601 basic format: 20161120 */
        int64_t y = t->num / 10000;
        int m = (int)(t->num / 100 % 100), d = (int)(t->num % 100);
        if (sp->year || sp->month || sp->day)
            return dup(p, i);
        if (!claims__date_valid(y, m, d))
            return claims__error_simple(p->err, CLAIMS_ESYNTAX, "'%.*s' is not a valid date",
                                        quoted(p), p->s);
        sp->year = y;
        sp->month = m;
        sp->day = d;
        *pi = i + 1;
        return CLAIMS_OK;
    }
    int rc = canonical_form(p, sp, pi);
    if (rc != 0)
        return rc < 0 ? rc : CLAIMS_OK;
    if (!t->wordnum && !t->ordinal && !t->plural && i + 1 < p->nt && !p->t[i + 1].space &&
        p->t[i + 1].kind == TK_PUNCT &&
        (p->t[i + 1].c == '/' || p->t[i + 1].c == '-' || p->t[i + 1].c == '.') && i + 2 < p->nt &&
        (p->t[i + 2].kind == TK_NUM || is_word(&p->t[i + 2], W_MONTH)))
        return numeric_date(p, sp, pi);
    if (t->plural) {
        /* "the 1990s", "the '90s", "90s" */
        if (sp->decade || sp->decade2)
            return dup(p, i);
        if (t->digits == 4 && t->num % 10 == 0)
            sp->decade = t->num;
        else if (t->digits == 2 && t->num % 10 == 0)
            sp->decade2 = t->num ? (int)t->num : 100;
        else
            return fail_at(p, i, "not a decade:");
        *pi = i + 1;
        return CLAIMS_OK;
    }
    if (t->digits == 4 && is_punct(p, i + 1, '\'') && i + 2 < p->nt && is_word(&p->t[i + 2], W_S) &&
        t->num % 10 == 0) {
        if (sp->decade || sp->decade2)
            return dup(p, i); /* "1990's" */
        sp->decade = t->num;
        *pi = i + 3;
        return CLAIMS_OK;
    }
    if (t->ordinal && i + 1 < p->nt && is_word(&p->t[i + 1], W_WEEKDAY) && !p->t[i + 1].plural) {
        /* "the first Friday" */
        if (sp->nth || sp->weekday)
            return dup(p, i);
        if (t->num < 1 || t->num > 5)
            return fail_at(p, i, "no such weekday of a month:");
        sp->nth = (int)t->num;
        sp->weekday = p->t[i + 1].arg;
        *pi = i + 2;
        return CLAIMS_OK;
    }
    if (i + 1 < p->nt && (is_word(&p->t[i + 1], W_UNIT) || is_word(&p->t[i + 1], W_BUSINESS)))
        return fail_at(p, i, "a duration is not a date:");
    *pi = i + 1;
    if (t->digits == 4 || (t->wordnum && t->num >= 1000) ||
        (t->wordnum && t->num >= 100 && !t->ordinal && sp->month))
        return set_year(p, sp, i, t->num);
    if (t->digits == 3)
        return fail_at(p, i, "a three-digit number in a date:");
    return set_day(p, sp, i, t->num);
}

static int read_month(dparse *p, dspec *sp, int *pi)
{
    int i = *pi, rc = set_month(p, sp, i, p->t[i].arg);
    if (rc < 0)
        return rc;
    int j = i + 1;
    if (is_punct(p, j, '.'))
        j++;
    if ((is_punct(p, j, '-') || is_punct(p, j, '/')) && !p->t[j].space)
        j++; /* "Oct-2", "Oct/2" */
    if (j < p->nt && p->t[j].kind == TK_NUM && !p->t[j].plural &&
        (p->t[j].digits <= 2 || (p->t[j].wordnum && p->t[j].num <= 31)) &&
        !(j + 1 < p->nt && (is_word(&p->t[j + 1], W_UNIT) || is_word(&p->t[j + 1], W_WEEKDAY)))) {
        if ((rc = set_day(p, sp, j, p->t[j].num)) < 0)
            return rc;
        j++;
        /* "Jan 1, 16": a two-digit year after the comma */
        if (is_punct(p, j, ',') && is_num(p, j + 1, 2) && p->t[j + 1].digits == 2 &&
            j + 2 == p->nt) {
            int64_t y;
            if ((rc = year_digits(p, j + 1, &y)) < 0 || (rc = set_year(p, sp, j + 1, y)) < 0)
                return rc;
            j += 2;
        }
    } else if (j > i + 1 && p->t[j - 1].kind == TK_PUNCT && p->t[j - 1].c != '.') {
        return fail_at(p, j - 1, "unexpected");
    }
    *pi = j;
    return CLAIMS_OK;
}

static int parse_fields(dparse *p, int i, dspec *sp)
{
    while (i < p->nt) {
        const dtok *t = &p->t[i];
        int rc = CLAIMS_OK;
        if (t->kind == TK_NUM) {
            rc = read_number(p, sp, &i);
        } else if (t->kind == TK_PUNCT) {
            if (t->c == '\'' && i + 1 < p->nt && p->t[i + 1].kind == TK_NUM && p->t[i + 1].plural &&
                p->t[i + 1].digits == 2) {
                i++; /* "'90s" */
                continue;
            }
            if (t->c == '\'' && is_num(p, i + 1, 2) && p->t[i + 1].digits == 2 &&
                !p->t[i + 1].space) {
                /* "'89": a two-digit year */
                int rc2 = set_year(p, sp, i + 1,
                                   claims__year_from_two_digits((int)p->t[i + 1].num, p->ref));
                if (rc2 < 0)
                    return rc2;
                i += 2;
                continue;
            }
            if (t->c != ',' && t->c != '.' && t->c != '-' && t->c != '(' && t->c != ')')
                return fail_at(p, i, "unexpected");
            i++;
        } else {
            switch (t->cls) {
            case W_MONTH: rc = read_month(p, sp, &i); break;
            case W_WEEKDAY:
                if (sp->weekday || t->plural)
                    return t->plural ? fail_at(p, i, "unexpected") : dup(p, i);
                sp->weekday = t->arg;
                i++;
                break;
            case W_REL: rc = rel_phrase(p, sp, &i); break;
            case W_DAYWORD:
                if (sp->has_dayword)
                    return dup(p, i);
                sp->has_dayword = true;
                sp->dayword = t->arg;
                sp->part_of_day |= claims__ascii_ieq(p->s + t->at, t->len, "tonight");
                i++;
                break;
            case W_SAME:
                /* "that day", "the same day" */
                if (i + 1 >= p->nt || !is_word(&p->t[i + 1], W_UNIT) || p->t[i + 1].arg != U_DAY ||
                    sp->has_dayword)
                    return fail_at(p, i, "unexpected");
                sp->has_dayword = true;
                sp->dayword = 0;
                i += 2;
                break;
            case W_UNIT:
                if (t->arg == U_DAY && claims__ascii_ieq(p->s + t->at, t->len, "day") &&
                    !sp->has_dayword && i > 0 && is_word(&p->t[i - 1], W_THE)) {
                    sp->has_dayword = true; /* "the day": the reference day */
                    sp->dayword = 0;
                    i++;
                    break;
                }
                if (t->arg == U_YEAR && is_num(p, i + 1, 4) && p->t[i + 1].digits == 4) {
                    i++; /* "the year 2015" */
                    break;
                }
                if (t->arg == U_WEEK && !sp->week_of && i + 1 < p->nt &&
                    claims__ascii_ieq(p->s + t->at, t->len, "week") &&
                    claims__ascii_ieq(p->s + p->t[i + 1].at, p->t[i + 1].len, "of")) {
                    sp->week_of = true; /* "the week of November 14" */
                    i += 2;
                    break;
                }
                return fail_at(p, i, "unexpected");
            case W_PART:
                sp->part_of_day = true;
                i++;
                break;
            case W_SEASON:
                if (sp->season)
                    return dup(p, i);
                sp->season = t->arg;
                i++;
                break;
            case W_DECADE:
                if (sp->decade || sp->decade2)
                    return dup(p, i);
                sp->decade2 = t->arg;
                i++;
                break;
            case W_QUAL:
            case W_EARLIER:
            case W_LATER:
                /* "earlier this week", "mid-November", "the end of 2016":
                 * the period itself is kept */
                i++;
                break;
            case W_THE:
            case W_FILLER:
            case W_IN:
            case W_AND: i++; break;
            case W_WEEKEND:
                if (sp->weekend)
                    return dup(p, i);
                sp->weekend = true;
                i++;
                break;
            case W_OPEN: return fail_at(p, i, "an open-ended period is not a date:");
            case W_HEDGE: return fail_at(p, i, "a hedge must come first:");
            default: return fail_at(p, i, "unexpected word");
            }
        }
        if (rc < 0)
            return rc;
    }
    return CLAIMS_OK;
}

/* ---- resolving the fields -------------------------------------------------------- */

static int no_such_date(dparse *p)
{
    return claims__error_simple(p->err, CLAIMS_ESYNTAX, "'%.*s' is not a calendar date", quoted(p),
                                p->s);
}

static int weekday_mismatch(dparse *p)
{
    return claims__error_simple(p->err, CLAIMS_ESYNTAX,
                                "the weekday does not match the date in '%.*s'", quoted(p), p->s);
}

/* Month `m` of year `y` plus `n` months. */
static void month_shift(int64_t *y, int *m, int64_t n)
{
    int64_t total = *y * 12 + (*m - 1) + n;
    *y = total >= 0 ? total / 12 : -((-total + 11) / 12);
    *m = (int)(total - *y * 12) + 1;
}

/* A day-level date from optional parts: the candidate of each month (or
 * year) in a window around the reference, chosen with the bias. */
static int resolve_partial_day(dparse *p, dresult *r, const dspec *sp)
{
    if (!p->ref->present)
        return need_reference(p);
    chooser c;
    chooser_init(&c, p->ref->days, p->bias);
    bool by_year = sp->month != 0;
    /* 28 years bring every weekday back to a date; 36 months give every
     * day of the month a chosen weekday */
    int span = by_year ? 28 : 36;
    for (int k = -span; k <= span; k++) {
        int64_t y = p->ref->year;
        int m = p->ref->month;
        if (by_year) {
            y += k;
            m = sp->month;
        } else {
            month_shift(&y, &m, k);
        }
        if (!year_ok(y))
            continue;
        int64_t days;
        if (sp->nth) {
            days = claims__nth_weekday(y, m, sp->weekday, sp->nth);
            if (days < 0)
                continue;
        } else {
            if (!claims__date_valid(y, m, sp->day))
                continue;
            days = claims__days_from_civil(y, m, sp->day);
            if (sp->weekday && claims__weekday(days) != sp->weekday)
                continue;
        }
        chooser_add(&c, days, days + 1, (long)(days - p->ref->days));
    }
    long pick;
    if (!chooser_pick(&c, &pick))
        return sp->weekday && !sp->nth ? weekday_mismatch(p) : no_such_date(p);
    return result_day(p, r, p->ref->days + pick);
}

/* A month-level or season-level period without a year, chosen with the
 * bias among the instances around the reference. */
static int resolve_partial_period(dparse *p, dresult *r, const dspec *sp)
{
    if (!p->ref->present)
        return need_reference(p);
    chooser c;
    chooser_init(&c, p->ref->days, p->bias);
    for (int64_t y = p->ref->year - 2; y <= p->ref->year + 1; y++) {
        if (!year_ok(y) || (sp->season == 4 && !year_ok(y + 1)))
            continue;
        int64_t b, e;
        if (sp->season) {
            season_span(y, sp->season, &b, &e);
        } else {
            b = claims__days_from_civil(y, sp->month, 1);
            e = b + claims__days_in_month(y, sp->month);
        }
        chooser_add(&c, b, e, (long)y);
    }
    long y;
    if (!chooser_pick(&c, &y))
        return out_of_range(p);
    return sp->season ? result_season(p, r, y, sp->season) : result_month(p, r, y, sp->month);
}

/* "this/next/last fall", "last March": the instance in the reference's
 * year, the first one that starts after the reference, or the last one that
 * ended before it. */
static int resolve_rel_named(dparse *p, dresult *r, const dspec *sp)
{
    if (!p->ref->present)
        return need_reference(p);
    int64_t ry = p->ref->year, b, e, y = ry;
    if (sp->rel_n == 0) {
        if (sp->season == 4 && p->ref->month <= 2)
            y = ry - 1; /* the winter that began last December */
    } else {
        int k;
        for (k = 0; k <= 2; k++) {
            y = sp->rel_n > 0 ? ry - 1 + k : ry + 1 - k;
            if (sp->season) {
                season_span(y, sp->season, &b, &e);
            } else {
                b = claims__days_from_civil(y, sp->month, 1);
                e = b + claims__days_in_month(y, sp->month);
            }
            if (sp->rel_n > 0 ? b > p->ref->days : e <= p->ref->days)
                break;
        }
    }
    return sp->season ? result_season(p, r, y, sp->season) : result_month(p, r, y, sp->month);
}

static int64_t week_monday(int64_t days) { return days - (claims__weekday(days) - 1); }

static int resolve_fields(dparse *p, dresult *r, const dspec *sp);

static int resolve(dparse *p, dresult *r, const dspec *sp)
{
    int rc = resolve_fields(p, r, sp);
    if (rc < 0 || !sp->week_of)
        return rc;
    if (r->precision != CLAIMS_PRECISION_DAY)
        return fail(p, CLAIMS_ESYNTAX, "'the week of' without a day");
    return result_week(p, r, r->begin, false);
}

static int resolve_fields(dparse *p, dresult *r, const dspec *sp)
{
    const claims__ref *ref = p->ref;
    bool rel_week = sp->has_rel && sp->rel_unit == U_WEEK;
    bool rel_month = sp->has_rel && sp->rel_unit == U_MONTH;
    bool rel_year = sp->has_rel && sp->rel_unit == U_YEAR;
    bool decade = sp->decade || sp->decade2;
    /* which fields are present decides the form */
    if (sp->part_of_day && !(sp->has_dayword || sp->day || sp->weekday))
        return fail(p, CLAIMS_ESYNTAX, "a part of the day without a day");
    if (sp->iso_week) {
        if (sp->month || sp->day || sp->weekday || sp->season || decade || sp->has_rel || sp->nth)
            return fail(p, CLAIMS_ESYNTAX, "contradictory parts");
        if (!year_ok(sp->year))
            return out_of_range(p);
        int64_t jan4 = claims__days_from_civil(sp->year, 1, 4);
        int64_t monday = week_monday(jan4) + 7 * (int64_t)(sp->iso_week - 1);
        int64_t y;
        int m, d;
        claims__civil_from_days(monday + 3, &y, &m, &d);
        if (sp->iso_week < 1 || y != sp->year)
            return fail(p, CLAIMS_ESYNTAX, "no such ISO week");
        return result_week(p, r, monday, sp->weekend);
    }
    if (sp->has_dayword) {
        if (sp->year || sp->month || sp->day || sp->weekday || sp->season || decade ||
            sp->has_rel || sp->weekend)
            return fail(p, CLAIMS_ESYNTAX, "contradictory parts");
        if (!ref->present)
            return need_reference(p);
        return result_day(p, r, ref->days + sp->dayword);
    }
    if (sp->weekend) {
        if (sp->year || sp->month || sp->day || sp->weekday || sp->season || decade ||
            (sp->has_rel && !rel_week))
            return fail(p, CLAIMS_ESYNTAX, "contradictory parts");
        if (!ref->present)
            return need_reference(p);
        return result_week(p, r, ref->days + 7 * (sp->has_rel ? sp->rel_n : 0), true);
    }
    if (sp->nth) {
        /* "the first Friday of July", "the second Monday of next month",
         * "third Tuesday" (of the reference's month) */
        if (sp->day || sp->season || decade || (sp->has_rel && !rel_month) ||
            (sp->year && !sp->month))
            return fail(p, CLAIMS_ESYNTAX, "contradictory parts");
        if (sp->month && !sp->year)
            return resolve_partial_day(p, r, sp);
        int64_t y = sp->year;
        int m = sp->month;
        if (!m) {
            if (!ref->present)
                return need_reference(p);
            y = ref->year;
            m = ref->month;
            month_shift(&y, &m, sp->has_rel ? sp->rel_n : 0);
        }
        if (!year_ok(y))
            return out_of_range(p);
        int64_t days = claims__nth_weekday(y, m, sp->weekday, sp->nth);
        if (days < 0)
            return no_such_date(p);
        return result_day(p, r, days);
    }
    if (sp->day) {
        if (sp->season || decade || (sp->has_rel && !rel_month && !rel_year) ||
            (sp->year && !sp->month) || (rel_month && sp->month) ||
            (rel_year && (!sp->month || sp->year)))
            return fail(p, CLAIMS_ESYNTAX, "contradictory parts");
        int64_t y = sp->year;
        int m = sp->month;
        if (sp->has_rel) {
            /* "the 20th of next month", "November 20 last year" */
            if (!ref->present)
                return need_reference(p);
            y = ref->year;
            if (rel_month) {
                m = ref->month;
                month_shift(&y, &m, sp->rel_n);
            } else {
                y += sp->rel_n;
            }
        } else if (!y) {
            return resolve_partial_day(p, r, sp);
        }
        if (!year_ok(y))
            return out_of_range(p);
        if (!claims__date_valid(y, m, sp->day))
            return no_such_date(p);
        int64_t days = claims__days_from_civil(y, m, sp->day);
        if (sp->weekday && claims__weekday(days) != sp->weekday)
            return weekday_mismatch(p);
        return result_day(p, r, days);
    }
    if (sp->weekday) {
        if (sp->year || sp->month || sp->season || decade || (sp->has_rel && !rel_week))
            return fail(p, CLAIMS_ESYNTAX, "a weekday with a month or year but no day");
        if (!ref->present)
            return need_reference(p);
        if (sp->this_past) {
            int back = (claims__weekday(ref->days) - sp->weekday + 7) % 7;
            return result_day(p, r, ref->days - (back ? back : 7));
        }
        if (rel_week) {
            int64_t monday = week_monday(ref->days) + 7 * (int64_t)sp->rel_n;
            return result_day(p, r, monday + sp->weekday - 1);
        }
        chooser c;
        long k;
        chooser_init(&c, ref->days, p->bias);
        for (k = -7; k <= 7; k++)
            if (claims__weekday(ref->days + k) == sp->weekday)
                chooser_add(&c, ref->days + k, ref->days + k + 1, k);
        chooser_pick(&c, &k);
        return result_day(p, r, ref->days + k);
    }
    if (sp->month) {
        if (sp->season || decade || (sp->has_rel && !rel_year && sp->rel_unit != U_NONE) ||
            (sp->has_rel && sp->year))
            return fail(p, CLAIMS_ESYNTAX, "contradictory parts");
        if (sp->has_rel && sp->rel_unit == U_NONE)
            return resolve_rel_named(p, r, sp);
        if (rel_year) {
            if (!ref->present)
                return need_reference(p);
            return result_month(p, r, ref->year + sp->rel_n, sp->month);
        }
        if (sp->year)
            return result_month(p, r, sp->year, sp->month);
        return resolve_partial_period(p, r, sp);
    }
    if (sp->season) {
        if (decade || (sp->has_rel && sp->rel_unit != U_NONE) || (sp->has_rel && sp->year))
            return fail(p, CLAIMS_ESYNTAX, "contradictory parts");
        if (sp->year)
            return result_season(p, r, sp->year, sp->season);
        if (sp->has_rel)
            return resolve_rel_named(p, r, sp);
        return resolve_partial_period(p, r, sp);
    }
    if (decade) {
        if (sp->year || sp->has_rel)
            return fail(p, CLAIMS_ESYNTAX, "contradictory parts");
        if (sp->decade)
            return result_decade(p, r, sp->decade);
        /* "the '90s": the latest such decade that has begun by the
         * reference year */
        if (!ref->present)
            return need_reference(p);
        int64_t first = ref->year - ref->year % 100 + sp->decade2 % 100;
        if (first > ref->year)
            first -= 100;
        return result_decade(p, r, first);
    }
    if (sp->year) {
        if (sp->has_rel)
            return fail(p, CLAIMS_ESYNTAX, "contradictory parts");
        return result_year(p, r, sp->year);
    }
    if (sp->has_rel) {
        if (!ref->present)
            return need_reference(p);
        int64_t y = ref->year;
        int m = ref->month;
        switch (sp->rel_unit) {
        case U_WEEK: return result_week(p, r, ref->days + 7 * (int64_t)sp->rel_n, false);
        case U_MONTH: month_shift(&y, &m, sp->rel_n); return result_month(p, r, y, m);
        case U_YEAR: return result_year(p, r, y + sp->rel_n);
        default: return result_decade(p, r, y - y % 10 + 10 * (int64_t)sp->rel_n);
        }
    }
    return fail(p, CLAIMS_ESYNTAX, "no date");
}

/* ---- entry point -------------------------------------------------------------- */

static int parse_tokens(dparse *p, dresult *r)
{
    int i = 0;
    if (i < p->nt && is_word(&p->t[i], W_HEDGE)) {
        p->approx = true;
        i++;
        if (is_punct(p, i, '.'))
            i++; /* "ca." */
    }
    while (i < p->nt && (is_word(&p->t[i], W_FILLER)))
        i++;
    if (i == p->nt)
        return fail(p, CLAIMS_ESYNTAX, "no date");
    const dtok *last = &p->t[p->nt - 1];
    if ((last->kind == TK_PUNCT && last->c != '.' && last->c != ')') ||
        (last->kind == TK_WORD && (last->cls == W_THE || last->cls == W_FILLER ||
                                   last->cls == W_IN || last->cls == W_AND || last->cls == W_QUAL)))
        return fail_at(p, p->nt - 1, "a date cannot end with");
    int rc = parse_offset(p, i, r);
    if (rc != 0)
        return rc < 0 ? rc : CLAIMS_OK;
    dspec sp;
    memset(&sp, 0, sizeof sp);
    if ((rc = parse_fields(p, i, &sp)) < 0)
        return rc;
    return resolve(p, r, &sp);
}

int claims__date_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                       const claims_parse_options *opts, claims_error *err)
{
    (void)ctx;
    claims__ref ref;
    int rc = claims__ref_parse(&ref, opts, err);
    if (rc < 0)
        return rc;
    dparse p;
    p.s = s;
    p.n = len;
    p.nt = 0;
    p.ref = &ref;
    p.bias = opts->bias;
    p.approx = false;
    p.err = err;
    if ((unsigned)opts->bias > CLAIMS_BIAS_NEAREST)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown date bias %d", (int)opts->bias);
    size_t b = 0, e = len;
    while (b < e && (s[b] == ' ' || s[b] == '\t'))
        b++;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '.'))
        e--;
    if (b == e)
        return claims__error_simple(err, CLAIMS_ESYNTAX, "empty date");
    size_t none = claims__none_marker(s + b, e - b);
    if (none && none == e - b) {
        v->none = true;
        return claims__value_set_norm(v, "", 0);
    }
    if ((rc = tokenize(&p)) < 0)
        return rc;
    fold_numbers(&p);
    dresult r;
    memset(&r, 0, sizeof r);
    if ((rc = parse_tokens(&p, &r)) < 0)
        return rc;
    v->begin = r.begin * 86400;
    v->end = r.end * 86400;
    v->precision = r.precision;
    v->mod = p.approx ? CLAIMS_MOD_APPROX : CLAIMS_MOD_NONE;
    if (claims__value_set_norm(v, r.norm, r.norm_len) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    return CLAIMS_OK;
}

/* ---- comparison of DATE and TIME values --------------------------------------- */

/* How far an APPROX value may stray, by precision. */
static int64_t approx_tolerance(const claims_value *v)
{
    if (v->mod != CLAIMS_MOD_APPROX)
        return 0;
    switch (v->precision) {
    case CLAIMS_PRECISION_SECOND:
    case CLAIMS_PRECISION_MINUTE: return 15 * 60;
    case CLAIMS_PRECISION_HOUR: return 3600;
    case CLAIMS_PRECISION_DAY: return 86400;
    case CLAIMS_PRECISION_WEEK: return 7 * 86400;
    case CLAIMS_PRECISION_MONTH:
    case CLAIMS_PRECISION_SEASON: return 31 * 86400;
    case CLAIMS_PRECISION_YEAR: return 365 * 86400;
    default: return 1826 * 86400;
    }
}

static void label(char *out, size_t cap, const claims_value *v)
{
    snprintf(out, cap, "%s%s", claims_value_normalized(v),
             v->mod == CLAIMS_MOD_APPROX ? " APPROX" : "");
}

void claims__date_compare(claims_comparison *out, const claims_ctx *ctx, const claims_value *a,
                          const claims_value *b)
{
    (void)ctx;
    int64_t ab = a->begin, ae = a->end, bb = b->begin, be = b->end;
    /* zones are compared only when both sides carry one */
    bool zones = a->has_tz && b->has_tz;
    if (zones) {
        ab -= a->tz_minutes * 60;
        ae -= a->tz_minutes * 60;
        bb -= b->tz_minutes * 60;
        be -= b->tz_minutes * 60;
    }
    char la[40], lb[40]; /* canonical strings are at most 24 bytes */
    label(la, sizeof la, a);
    label(lb, sizeof lb, b);
    int64_t len_a = ae - ab, len_b = be - bb;
    int64_t mid2 = (ab + ae) - (bb + be); /* twice the distance of midpoints */
    double dist = (double)(mid2 < 0 ? -mid2 : mid2) / 2.0;
    int64_t unit = len_a > len_b ? len_a : len_b;
    if (unit < 900)
        unit = 900;
    double closeness = 1.0 / (1.0 + dist / (double)unit);
    if (ab == bb && ae == be) {
        bool same = a->mod == b->mod && a->precision == b->precision;
        if (same && zones && a->tz_minutes != b->tz_minutes) {
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            out->score = 1.0;
            snprintf(out->reason, sizeof out->reason, "%s is the same instant as %s", la, lb);
        } else if (same) {
            out->relation = CLAIMS_RELATION_EQUAL;
            out->score = 1.0;
            snprintf(out->reason, sizeof out->reason, "%s equals %s", la, lb);
        } else {
            /* the same span, but one is hedged or differently precise */
            out->relation = CLAIMS_RELATION_COMPATIBLE;
            out->score = 0.9;
            snprintf(out->reason, sizeof out->reason, "%s overlaps %s", la, lb);
        }
        return;
    }
    if ((ab <= bb && be <= ae) || (bb <= ab && ae <= be)) {
        bool a_outer = ab <= bb && be <= ae;
        out->relation = CLAIMS_RELATION_COMPATIBLE;
        double ratio = a_outer ? (double)len_b / (double)len_a : (double)len_a / (double)len_b;
        out->score = 0.5 + 0.5 * ratio;
        snprintf(out->reason, sizeof out->reason, "%s contains %s", a_outer ? la : lb,
                 a_outer ? lb : la);
        return;
    }
    if (ab < be && bb < ae) {
        int64_t lo = ab > bb ? ab : bb, hi = ae < be ? ae : be;
        int64_t ulo = ab < bb ? ab : bb, uhi = ae > be ? ae : be;
        out->relation = CLAIMS_RELATION_COMPATIBLE;
        out->score = (double)(hi - lo) / (double)(uhi - ulo);
        snprintf(out->reason, sizeof out->reason, "%s overlaps %s", la, lb);
        return;
    }
    int64_t gap = ab >= be ? ab - be : bb - ae;
    int64_t tol = approx_tolerance(a) + approx_tolerance(b);
    out->score = closeness;
    if (tol && gap < tol) {
        out->relation = CLAIMS_RELATION_COMPATIBLE;
        snprintf(out->reason, sizeof out->reason, "%s overlaps %s", la, lb);
        return;
    }
    out->relation = CLAIMS_RELATION_CONFLICTING;
    snprintf(out->reason, sizeof out->reason, "%s conflicts with %s", la, lb);
}

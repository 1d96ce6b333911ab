/* duration.c - DURATION values: an amount of time, held in seconds.
 *
 * A duration is one or more terms "number unit" ("2 years and 3 months",
 * "an hour and a half", "1 hour thirty"), with the hedges, bounds and
 * ranges of number.c around it ("about four minutes", "10-15 minutes"), an
 * adjectival form inside a short phrase ("a four-year war"), or ISO 8601
 * ("PT4M"). Units convert as Duckling and Recognizers do: a month is 30
 * days, a quarter 3 months, a year 365 days. */
#include "values/number_grammar.h"

#include <math.h>
#include <string.h>

enum rank {
    R_SECOND,
    R_MINUTE,
    R_HOUR,
    R_DAY,
    R_WEEK,
    R_FORTNIGHT,
    R_MONTH,
    R_QUARTER,
    R_YEAR,
    R_DECADE,
    R_CENTURY
};

static const double SECONDS[] = {1,       60,      3600,     86400,     604800,      1209600,
                                 2592000, 7776000, 31536000, 315360000, 3153600000.0};

#define U_LETTER 1u /* one letter or a mark: only right after a numeral */
#define U_EXACT 2u  /* case matters: "m" is a minute, "M" is not */
#define U_PLURAL 4u /* "hours": never "an hours" */

typedef struct unit_word {
    const char *name;
    unsigned char rank;
    unsigned char flags;
} unit_word;

#define P U_PLURAL
static const unit_word UNITS[] = {
    {"second", R_SECOND, 0},
    {"seconds", R_SECOND, P},
    {"sec", R_SECOND, 0},
    {"secs", R_SECOND, P},
    {"s", R_SECOND, U_LETTER},
    {"minute", R_MINUTE, 0},
    {"minutes", R_MINUTE, P},
    {"min", R_MINUTE, 0},
    {"mins", R_MINUTE, P},
    {"m", R_MINUTE, U_LETTER | U_EXACT},
    {"hour", R_HOUR, 0},
    {"hours", R_HOUR, P},
    {"hr", R_HOUR, 0},
    {"hrs", R_HOUR, P},
    {"h", R_HOUR, U_LETTER},
    {"day", R_DAY, 0},
    {"days", R_DAY, P},
    {"d", R_DAY, U_LETTER},
    {"week", R_WEEK, 0},
    {"weeks", R_WEEK, P},
    {"wk", R_WEEK, 0},
    {"wks", R_WEEK, P},
    {"fortnight", R_FORTNIGHT, 0},
    {"fortnights", R_FORTNIGHT, P},
    {"month", R_MONTH, 0},
    {"months", R_MONTH, P},
    {"mo", R_MONTH, 0},
    {"mos", R_MONTH, P},
    {"mth", R_MONTH, 0},
    {"mths", R_MONTH, P},
    {"quarter", R_QUARTER, 0},
    {"quarters", R_QUARTER, P},
    {"year", R_YEAR, 0},
    {"years", R_YEAR, P},
    {"yr", R_YEAR, 0},
    {"yrs", R_YEAR, P},
    {"y", R_YEAR, U_LETTER},
    {"decade", R_DECADE, 0},
    {"decades", R_DECADE, P},
    {"century", R_CENTURY, 0},
    {"centuries", R_CENTURY, P},
};
#undef P

/* The unit token i stands for, or -1; *flags receives its U_* flags. */
static int unit_at(const claims__scan *sc, size_t i, unsigned *flags)
{
    *flags = U_LETTER;
    /* 2' = two minutes, 1" = one second, as Duckling reads them */
    if (claims__tok_punct(sc, i, '\'') || claims__tok_punct(sc, i, 0x2032) ||
        claims__tok_punct(sc, i, 0x2019))
        return R_MINUTE;
    if (claims__tok_punct(sc, i, '"') || claims__tok_punct(sc, i, 0x2033))
        return R_SECOND;
    if (i >= sc->n || sc->tok[i].kind != CLAIMS__TOK_WORD)
        return -1;
    const claims__tok *t = &sc->tok[i];
    size_t n = (size_t)(t->end - t->start);
    for (size_t k = 0; k < sizeof UNITS / sizeof UNITS[0]; k++) {
        const unit_word *u = &UNITS[k];
        bool hit = (u->flags & U_EXACT)
                       ? strlen(u->name) == n && memcmp(u->name, sc->s + t->start, n) == 0
                       : claims__ascii_ieq(sc->s + t->start, n, u->name);
        if (hit) {
            *flags = u->flags;
            return u->rank;
        }
    }
    return -1;
}

static bool tok_in(const claims__scan *sc, size_t i, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (claims__tok_is(sc, i, list[k]))
            return true;
    return false;
}

/* Words between a number and its unit that do not change the amount:
 * "2 more minutes", "three straight days", "another business day". */
static bool filler(const claims__scan *sc, size_t i)
{
    static const char *const words[] = {
        "more", "additional", "extra",   "less",     "fewer",       "further",
        "full", "whole",      "entire",  "straight", "consecutive", "successive",
        "long", "business",   "working", "calendar", "solid",       "odd"};
    return tok_in(sc, i, words, sizeof words / sizeof words[0]);
}

/* Quantities that mean one unit: "an hour", "all day", "a full week". */
static bool one_unit(const claims__scan *sc, size_t b, size_t e)
{
    static const char *const first[] = {"a", "an", "the", "one"};
    static const char *const whole[] = {"all", "full", "whole", "entire"};
    size_t n = e - b;
    if (n == 1)
        return claims__tok_is(sc, b, "a") || claims__tok_is(sc, b, "an") || tok_in(sc, b, whole, 4);
    return n == 2 && tok_in(sc, b, first, 4) && tok_in(sc, b + 1, whole, 4) &&
           !claims__tok_is(sc, b + 1, "all");
}

static bool is_hyphen_glued(const claims__scan *sc, size_t i)
{
    return claims__tok_punct(sc, i, '-') && !sc->tok[i].space && i + 1 < sc->n &&
           !sc->tok[i + 1].space;
}

/* One term: the quantity in [b, u) and the unit at u. */
static bool term(claims__scan *sc, size_t b, size_t u, double *secs, bool *vague)
{
    unsigned flags;
    int rank = unit_at(sc, u, &flags);
    size_t e = u;
    *vague = false;
    if (rank < 0)
        return false;
    if (flags & U_LETTER) {
        /* "3h", "2 m", "1/2h", 1" */
        if (e == b || sc->tok[e - 1].kind != CLAIMS__TOK_NUMERAL ||
            (sc->tok[u].kind == CLAIMS__TOK_PUNCT && sc->tok[u].space))
            return false;
    }
    double unit = SECONDS[rank];
    bool singular = !(flags & U_PLURAL);
    if (e > b && is_hyphen_glued(sc, e - 1)) /* "10-minute", "all-day" */
        e--;
    if (e > b && singular && one_unit(sc, b, e)) {
        *secs = unit;
        return true;
    }
    bool another = b < e && claims__tok_is(sc, b, "another");
    if (another)
        b++;
    while (e > b && filler(sc, e - 1)) {
        *vague = *vague || claims__tok_is(sc, e - 1, "odd");
        e--;
        if (e > b && claims__tok_punct(sc, e - 1, '-'))
            e--;
    }
    if (e == b) {
        if (!another || !singular)
            return false;
        *secs = unit;
        return true;
    }
    /* "half an hour", "three quarters of an hour": only a part of a unit
     * takes "of" or an article */
    bool part = claims__tok_is(sc, e - 1, "a") || claims__tok_is(sc, e - 1, "an");
    if (part)
        e--;
    if (e > b && claims__tok_is(sc, e - 1, "of")) {
        e--;
        part = true;
    }
    if (e == b)
        return false;
    double v;
    unsigned nf;
    if (e - b == 1 && claims__tok_is(sc, b, "some")) {
        v = 3; /* "some days": as Recognizers, a vague three */
        nf = CLAIMS__NV_VAGUE;
    } else if (claims__number_value(sc, b, e, &v, &nf) != CLAIMS_OK) {
        return false;
    }
    /* "first year" is no duration */
    if (v < 0 || (nf & CLAIMS__NV_ORDINAL) || (part && !(nf & CLAIMS__NV_FRACTION)))
        return false;
    *secs = v * unit;
    *vague = *vague || (nf & CLAIMS__NV_VAGUE);
    return true;
}

static bool has_unit(const claims__scan *sc, size_t b, size_t e)
{
    unsigned flags;
    for (size_t i = b; i < e; i++)
        if (unit_at(sc, i, &flags) >= 0)
            return true;
    return false;
}

/* Terms after the first: separators, another term, or a tail, which is a
 * fraction of the last unit ("an hour and a half") or a count of the next
 * smaller one ("1 hour thirty", "2 hours and 10"). The scan's step budget
 * bounds the backtracking over words that may or may not be units
 * ("quarter"). */
static bool compound(claims__scan *sc, size_t b, size_t e, bool first, unsigned used, int last,
                     double *secs, bool *vague)
{
    size_t i = b;
    *vague = false;
    if (!first) {
        *secs = 0;
        if (i == e)
            return true;
        if (claims__tok_punct(sc, i, ','))
            i++;
        if (i < e && claims__tok_is(sc, i, "and"))
            i++;
        if (i == e)
            return false;
        double v;
        unsigned nf;
        if (!has_unit(sc, i, e) && claims__number_value(sc, i, e, &v, &nf) == CLAIMS_OK) {
            if (nf & (CLAIMS__NV_VAGUE | CLAIMS__NV_ORDINAL))
                return false;
            if (v > 0 && v < 1) {
                *secs = v * SECONDS[last];
                return true;
            }
            if ((last == R_HOUR || last == R_MINUTE) && v >= 1 && v < 60 && v == floor(v) &&
                !(used & (1u << (last - 1)))) {
                *secs = v * SECONDS[last - 1];
                return true;
            }
            return false;
        }
    }
    for (size_t u = i; u < e; u++) {
        unsigned flags;
        int rank = unit_at(sc, u, &flags);
        if (rank < 0 || (used & (1u << rank)))
            continue;
        if (!claims__number_spend(sc, 1))
            return false;
        double t, rest;
        bool v1, v2;
        if (!term(sc, i, u, &t, &v1) ||
            !compound(sc, u + 1, e, false, used | (1u << rank), rank, &rest, &v2))
            continue;
        *secs = t + rest;
        *vague = v1 || v2;
        return true;
    }
    return false;
}

/* The duration leaf for claims__quantity_parse. */
static int duration_leaf(claims__scan *sc, size_t b, size_t e, const void *data, double *value,
                         bool *vague)
{
    (void)data;
    return compound(sc, b, e, true, 0, 0, value, vague) ? CLAIMS_OK : CLAIMS_ESYNTAX;
}

/* ISO 8601 durations: "PT4M", "P1Y2M10DT2H30M", "P2W", "PT1.5H". */
static bool iso_duration(const char *s, size_t len, double *secs)
{
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len < 3 || s[0] != 'P')
        return false;
    static const char date_units[] = "YMWD", time_units[] = "HMS";
    static const double date_secs[] = {31536000, 2592000, 604800, 86400};
    static const double time_secs[] = {3600, 60, 1};
    double total = 0;
    bool time = false, any = false;
    int next = 0; /* designators must come in order */
    for (size_t i = 1; i < len;) {
        if (s[i] == 'T') {
            if (time || i + 1 == len)
                return false;
            time = true;
            next = 0;
            i++;
            continue;
        }
        double v = 0, scale = 1;
        size_t start = i;
        bool point = false;
        for (; i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ','); i++) {
            if (s[i] == '.' || s[i] == ',') {
                if (point)
                    return false;
                point = true;
            } else if (point) {
                scale /= 10;
                v += (s[i] - '0') * scale;
            } else {
                v = v * 10 + (s[i] - '0');
            }
        }
        if (i == start || i == len || i - start > 15)
            return false;
        const char *units = time ? time_units : date_units;
        const char *hit = strchr(units + next, s[i]);
        if (!hit)
            return false;
        int k = (int)(hit - units);
        total += v * (time ? time_secs[k] : date_secs[k]);
        next = k + 1;
        any = true;
        i++;
    }
    *secs = total;
    return any;
}

static void quantity_point(claims__quantity *q, double secs)
{
    q->amount = secs;
    q->lower = q->upper = NAN;
    q->mod = CLAIMS_MOD_NONE;
    q->open = 0;
}

static void quantity_scale(claims__quantity *q, double unit)
{
    q->amount *= unit;
    q->lower *= unit;
    q->upper *= unit;
}

/* A count of units: a number, but not an ordinal ("first hour"). */
static int count_leaf(claims__scan *sc, size_t b, size_t e, const void *data, double *value,
                      bool *vague)
{
    (void)data;
    unsigned flags = 0;
    if (claims__number_value(sc, b, e, value, &flags) != CLAIMS_OK || (flags & CLAIMS__NV_ORDINAL))
        return CLAIMS_ESYNTAX;
    *vague = (flags & CLAIMS__NV_VAGUE) != 0;
    return CLAIMS_OK;
}

/* "10-15 minutes", "two to three hours", "20-plus years": a number range
 * or bound, then one unit. */
static int range_then_unit(claims__scan *sc, claims__quantity *q)
{
    size_t n = sc->n;
    unsigned flags;
    int rank = n >= 2 ? unit_at(sc, n - 1, &flags) : -1;
    if (rank < 0 || ((flags & U_LETTER) && sc->tok[n - 2].kind != CLAIMS__TOK_NUMERAL))
        return CLAIMS_ESYNTAX;
    if (claims__quantity_parse(sc, 0, n - 1, count_leaf, NULL, q) != CLAIMS_OK)
        return CLAIMS_ESYNTAX;
    quantity_scale(q, SECONDS[rank]);
    return CLAIMS_OK;
}

/* "a four-year war", "a 10-minute drive", "a decade-long conflict": a
 * duration used as an adjective, glued to its unit by a hyphen, inside a
 * short noun phrase. */
static int adjectival(claims__scan *sc, claims__quantity *q)
{
    size_t i = 0, n = sc->n;
    if (claims__tok_is(sc, 0, "a") || claims__tok_is(sc, 0, "an") || claims__tok_is(sc, 0, "the"))
        i = 1;
    size_t k = claims__number_noun_start(sc, i, n);
    if (k == n || k <= i)
        return CLAIMS_ESYNTAX;
    unsigned flags;
    size_t e = k;
    if (e >= i + 3 && claims__tok_is(sc, e - 1, "long") && is_hyphen_glued(sc, e - 2)) {
        e -= 2; /* "decade-long", "two-year-long" */
        if (e == i + 1 && unit_at(sc, i, &flags) >= 0 && !(flags & U_LETTER)) {
            quantity_point(q, SECONDS[unit_at(sc, i, &flags)]);
            return CLAIMS_OK;
        }
    }
    if (e < i + 3 || unit_at(sc, e - 1, &flags) < 0 || !is_hyphen_glued(sc, e - 2))
        return CLAIMS_ESYNTAX;
    return claims__quantity_parse(sc, i, e, duration_leaf, NULL, q);
}

int claims__duration_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                           const claims_parse_options *opts, claims_error *err)
{
    (void)ctx;
    int rc = claims__number_language(opts, "duration", err);
    if (rc != CLAIMS_OK)
        return rc;
    claims__quantity q;
    double iso;
    if (iso_duration(s, len, &iso)) {
        quantity_point(&q, iso);
        return claims__quantity_store(v, &q, "duration", err);
    }
    claims__scan sc;
    rc = claims__number_scan(&sc, s, len, "duration", err);
    if (rc != CLAIMS_OK)
        return rc;
    rc = claims__quantity_parse(&sc, 0, sc.n, duration_leaf, NULL, &q);
    if (rc != CLAIMS_OK)
        rc = range_then_unit(&sc, &q);
    if (rc != CLAIMS_OK)
        rc = adjectival(&sc, &q);
    if (rc != CLAIMS_OK)
        return claims__number_reject(err, &sc, "duration", s, len);
    if (q.amount < 0 || q.lower < 0 || q.upper < 0)
        return claims__error_simple(err, CLAIMS_ESYNTAX, "a duration cannot be negative: '%.60s'",
                                    claims_value_text(v));
    return claims__quantity_store(v, &q, "duration", err);
}

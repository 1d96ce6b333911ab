/* calendar.c - civil-date arithmetic (proleptic Gregorian calendar), the
 * reference date of a parse, and the English month, weekday, zone and
 * "no value" names that DATE (date.c) and TIME (clock.c) share. */
#include "values/calendar.h"

#include <string.h>

/* ---- day numbers ------------------------------------------------------------ */

/* Howard Hinnant's algorithms: exact for every year, no tables, no loops. */
int64_t claims__days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t mp = m > 2 ? m - 3 : m + 9;
    const int64_t doy = (153 * mp + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void claims__civil_from_days(int64_t days, int64_t *y, int *m, int *d)
{
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int dd = (int)(doy - (153 * mp + 2) / 5 + 1);
    const int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (mm <= 2);
    *m = mm;
    *d = dd;
}

bool claims__is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int claims__days_in_month(int64_t y, int m)
{
    static const unsigned char len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && claims__is_leap(y) ? 29 : len[m - 1];
}

int claims__weekday(int64_t days)
{
    /* 1970-01-01 was a Thursday (4). */
    int64_t w = (days + 3) % 7;
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

bool claims__date_valid(int64_t y, int m, int d)
{
    return y >= CLAIMS__YEAR_MIN && y <= CLAIMS__YEAR_MAX && m >= 1 && m <= 12 && d >= 1 &&
           d <= claims__days_in_month(y, m);
}

int64_t claims__nth_weekday(int64_t y, int m, int weekday, int n)
{
    if (n > 0) {
        int64_t first = claims__days_from_civil(y, m, 1);
        int64_t day = first + (weekday - claims__weekday(first) + 7) % 7 + 7 * (int64_t)(n - 1);
        return day < first + claims__days_in_month(y, m) ? day : -1;
    }
    int64_t last = claims__days_from_civil(y, m, claims__days_in_month(y, m));
    return last - (claims__weekday(last) - weekday + 7) % 7;
}

/* ---- the reference date ----------------------------------------------------- */

static int digits_at(const char *s, size_t len, size_t i, int n)
{
    int v = 0;
    for (int k = 0; k < n; k++) {
        if (i + (size_t)k >= len || s[i + k] < '0' || s[i + k] > '9')
            return -1;
        v = v * 10 + (s[i + k] - '0');
    }
    return v;
}

static int ref_invalid(claims_error *err, const char *s, size_t len, const char *why)
{
    return claims__error_simple(err, CLAIMS_EINVAL,
                                "malformed reference date '%.*s': %s (expected ISO 8601 such as "
                                "2016-11-20 or 2016-11-20T14:52:00-05:00)",
                                (int)(len > 40 ? 40 : len), s, why);
}

/* Reads "hh:mm[:ss[.fff]]" or "hhmm[ss]" at *i; seconds of the day or -1. */
static int ref_time(const char *s, size_t len, size_t *i)
{
    size_t p = *i;
    int h = digits_at(s, len, p, 2), mi, sec = 0;
    if (h < 0)
        return -1;
    p += 2;
    bool extended = p < len && s[p] == ':';
    p += extended;
    if ((mi = digits_at(s, len, p, 2)) < 0)
        return -1;
    p += 2;
    if (p < len && (extended ? s[p] == ':' : (s[p] >= '0' && s[p] <= '9'))) {
        p += extended;
        if ((sec = digits_at(s, len, p, 2)) < 0)
            return -1;
        p += 2;
        if (p < len && (s[p] == '.' || s[p] == ',')) {
            p++;
            if (digits_at(s, len, p, 1) < 0)
                return -1;
            while (p < len && s[p] >= '0' && s[p] <= '9')
                p++;
        }
    }
    if (h > 23 || mi > 59 || sec > 60)
        return -1;
    *i = p;
    return h * 3600 + mi * 60 + (sec > 59 ? 59 : sec);
}

int claims__ref_parse(claims__ref *ref, const claims_parse_options *opts, claims_error *err)
{
    memset(ref, 0, sizeof *ref);
    const char *s = opts->reference.ptr;
    size_t len = opts->reference.len;
    if (!s)
        return CLAIMS_OK;
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 0)
        return ref_invalid(err, s, len, "it is empty");
    size_t i = 0;
    int y = digits_at(s, len, 0, 4), m, d;
    if (y < 0)
        return ref_invalid(err, s, len, "no four-digit year");
    i = 4;
    bool extended = i < len && s[i] == '-';
    i += extended;
    m = digits_at(s, len, i, 2);
    i += 2;
    if (extended && (i >= len || s[i] != '-'))
        return ref_invalid(err, s, len, "no day");
    i += extended;
    d = digits_at(s, len, i, 2);
    i += 2;
    if (m < 0 || d < 0 || !claims__date_valid(y, m, d))
        return ref_invalid(err, s, len, "not a calendar date");
    int seconds = 0;
    if (i < len && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
        i++;
        if ((seconds = ref_time(s, len, &i)) < 0)
            return ref_invalid(err, s, len, "bad time of day");
    }
    if (i < len) {
        if (s[i] == 'Z' || s[i] == 'z') {
            ref->has_tz = true;
            i++;
        } else if (s[i] == '+' || s[i] == '-') {
            int sign = s[i] == '-' ? -1 : 1;
            i++;
            int hh = digits_at(s, len, i, 2), mm = 0;
            if (hh < 0)
                return ref_invalid(err, s, len, "bad zone offset");
            i += 2;
            if (i < len) {
                i += s[i] == ':';
                if ((mm = digits_at(s, len, i, 2)) < 0)
                    return ref_invalid(err, s, len, "bad zone offset");
                i += 2;
            }
            if (hh > 14 || mm > 59)
                return ref_invalid(err, s, len, "zone offset out of range");
            ref->has_tz = true;
            ref->tz_minutes = sign * (hh * 60 + mm);
        }
    }
    if (i != len)
        return ref_invalid(err, s, len, "unexpected text after the date");
    ref->present = true;
    ref->year = y;
    ref->month = m;
    ref->day = d;
    ref->days = claims__days_from_civil(y, m, d);
    ref->seconds = seconds;
    return CLAIMS_OK;
}

int claims__year_from_two_digits(int yy, const claims__ref *ref)
{
    if (!ref->present)
        return yy < 50 ? 2000 + yy : 1900 + yy;
    /* the century that puts the year nearest the reference year */
    int base = ref->year - ref->year % 100 + yy;
    if (base - ref->year > 50)
        base -= 100;
    else if (ref->year - base > 50)
        base += 100;
    return base;
}

/* ---- names ------------------------------------------------------------------ */

/* Case-insensitive: does s[0..n) equal the lower-case word w? */
static bool word_is(const char *s, size_t n, const char *w) { return claims__ascii_ieq(s, n, w); }

/* Value (1-based index) of a name among `full` names, matched whole or by
 * its first three letters, or among the `alias` words (value in `alias_of`). */
static int name_lookup(const char *s, size_t n, const char *const *full, int count,
                       const char *const *alias, const unsigned char *alias_of)
{
    if (n < 3 || n > 9)
        return 0;
    for (int k = 0; alias[k]; k++)
        if (word_is(s, n, alias[k]))
            return alias_of[k];
    char a = claims__ascii_lower(s[0]), b = claims__ascii_lower(s[1]),
         c = claims__ascii_lower(s[2]);
    for (int k = 0; k < count; k++) {
        const char *f = full[k];
        if (f[0] == a && f[1] == b && f[2] == c)
            return n == 3 || word_is(s, n, f) ? k + 1 : 0;
    }
    return 0;
}

int claims__month_lookup(const char *s, size_t n)
{
    static const char *const full[12] = {"january",   "february", "march",    "april",
                                         "may",       "june",     "july",     "august",
                                         "september", "october",  "november", "december"};
    static const char *const alias[] = {"sept", NULL};
    static const unsigned char alias_of[] = {9};
    return name_lookup(s, n, full, 12, alias, alias_of);
}

int claims__weekday_lookup(const char *s, size_t n)
{
    static const char *const full[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    static const char *const alias[] = {"tues", "weds", "thur", "thurs", NULL};
    static const unsigned char alias_of[] = {2, 3, 4, 4};
    return name_lookup(s, n, full, 7, alias, alias_of);
}

/* Is US daylight saving time in force at this local standard wall-clock
 * time? The federal rules since 1967; earlier years count as standard. */
static bool us_dst(int64_t days, int minute)
{
    int64_t y;
    int m, d;
    claims__civil_from_days(days, &y, &m, &d);
    int64_t start, end;
    if (y >= 2007) {
        start = claims__nth_weekday(y, 3, 7, 2);
        end = claims__nth_weekday(y, 11, 7, 1);
    } else if (y >= 1987) {
        start = claims__nth_weekday(y, 4, 7, 1);
        end = claims__nth_weekday(y, 10, 7, -1);
    } else if (y >= 1967) {
        start = claims__nth_weekday(y, 4, 7, -1);
        end = claims__nth_weekday(y, 10, 7, -1);
    } else {
        return false;
    }
    /* the switch happens at 02:00; the repeated hour counts as daylight */
    bool after_start = days > start || (days == start && minute >= 120);
    bool before_end = days < end || (days == end && minute < 120);
    return after_start && before_end;
}

typedef struct zone_entry {
    char name[5];
    unsigned char len;
    short minutes;
    bool us_generic; /* standard or daylight depending on the date */
} zone_entry;

/* Unambiguous abbreviations only ("IST" is India, Ireland or Israel). */
static const zone_entry ZONES[] = {
    {"UTC", 3, 0, false},     {"GMT", 3, 0, false},     {"UT", 2, 0, false},
    {"Z", 1, 0, false},       {"EST", 3, -300, false},  {"EDT", 3, -240, false},
    {"CST", 3, -360, false},  {"CDT", 3, -300, false},  {"MST", 3, -420, false},
    {"MDT", 3, -360, false},  {"PST", 3, -480, false},  {"PDT", 3, -420, false},
    {"AKST", 4, -540, false}, {"AKDT", 4, -480, false}, {"HST", 3, -600, false},
    {"HAST", 4, -600, false}, {"HADT", 4, -540, false}, {"AST", 3, -240, false},
    {"ADT", 3, -180, false},  {"NST", 3, -210, false},  {"NDT", 3, -150, false},
    {"ET", 2, -300, true},    {"CT", 2, -360, true},    {"MT", 2, -420, true},
    {"PT", 2, -480, true},    {"AKT", 3, -540, true},   {"WET", 3, 0, false},
    {"WEST", 4, 60, false},   {"BST", 3, 60, false},    {"CET", 3, 60, false},
    {"CEST", 4, 120, false},  {"EET", 3, 120, false},   {"EEST", 4, 180, false},
    {"MSK", 3, 180, false},   {"JST", 3, 540, false},   {"KST", 3, 540, false},
    {"AWST", 4, 480, false},  {"ACST", 4, 570, false},  {"AEST", 4, 600, false},
    {"AEDT", 4, 660, false},  {"NZST", 4, 720, false},  {"NZDT", 4, 780, false},
};

bool claims__zone_lookup(const char *s, size_t n, int64_t days, int minute, int *tz_minutes)
{
    if (n == 0 || n > 4)
        return false;
    for (size_t k = 0; k < sizeof ZONES / sizeof ZONES[0]; k++) {
        const zone_entry *z = &ZONES[k];
        if (z->len != n)
            continue;
        size_t j = 0;
        while (j < n && (s[j] & ~0x20) == z->name[j])
            j++;
        if (j != n)
            continue;
        *tz_minutes = z->minutes + (z->us_generic && us_dst(days, minute) ? 60 : 0);
        return true;
    }
    return false;
}

size_t claims__none_marker(const char *s, size_t n)
{
    /* From the Flight sources and the usual "no value" words; a space matches
     * one or more blanks. */
    static const char *const MARKERS[] = {"not available",
                                          "not applicable",
                                          "contact airline",
                                          "cancelled",
                                          "canceled",
                                          "result unknown",
                                          "possible delay",
                                          "pending",
                                          "no data",
                                          "unknown",
                                          "n/a",
                                          "tbd",
                                          "tba",
                                          "--"};
    for (size_t k = 0; k < sizeof MARKERS / sizeof MARKERS[0]; k++) {
        const char *w = MARKERS[k];
        size_t i = 0;
        for (; *w && i < n; w++) {
            if (*w == ' ') {
                if (s[i] != ' ' && s[i] != '\t')
                    break;
                while (i < n && (s[i] == ' ' || s[i] == '\t'))
                    i++;
            } else if (claims__ascii_lower(s[i]) == *w) {
                i++;
            } else {
                break;
            }
        }
        if (*w)
            continue;
        unsigned char next = i < n ? (unsigned char)s[i] : ' ';
        bool alnum = (next >= '0' && next <= '9') || ((next | 0x20) >= 'a' && (next | 0x20) <= 'z');
        if (!alnum && !(w[-1] == '-' && next == '-'))
            return i;
    }
    return 0;
}

/* ---- formatting --------------------------------------------------------------- */

char *claims__put_digits(char *p, int64_t n, int width)
{
    for (int k = width - 1; k >= 0; k--) {
        p[k] = (char)('0' + n % 10);
        n /= 10;
    }
    return p + width;
}

char *claims__put_date(char *p, int64_t y, int m, int d)
{
    p = claims__put_digits(p, y, 4);
    *p++ = '-';
    p = claims__put_digits(p, m, 2);
    *p++ = '-';
    return claims__put_digits(p, d, 2);
}

char *claims__put_zone(char *p, int tz_minutes)
{
    int a = tz_minutes < 0 ? -tz_minutes : tz_minutes;
    *p++ = tz_minutes < 0 ? '-' : '+';
    p = claims__put_digits(p, a / 60, 2);
    *p++ = ':';
    return claims__put_digits(p, a % 60, 2);
}

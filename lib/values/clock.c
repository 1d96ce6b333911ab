/* clock.c - TIME values: a clock time on a day, as flight-status sites and
 * news write it ("2:07 PMDec 01", "12/1/11 2:06 PM (-05:00)", "Thu., Dec.01,
 * 2011 1:55 p.m.", "2011-12-01 6:20 PM (Estimated)").
 *
 * One left-to-right pass over the bytes collects the parts (date, weekday,
 * clock time, meridiem, zone, status words) and a second step resolves them
 * against the reference date. No allocation, no sscanf: this parser runs
 * millions of times per second (bench/flight_times.c). The comparison of
 * TIME values is the interval comparison in date.c. */
#include "values/calendar.h"
#include "values/values_int.h"

#include <string.h>

typedef struct clock_parts {
    /* date: 0 when absent */
    int year, month, day;
    int weekday;
    bool weekday_refines; /* written after a complete date: "2011-12-17 Sun
                           * 00:05" is the Sunday nearest that date */
    /* a complete date followed by a month/day ("2011-12-01 11/30 5:20 PM"):
     * the month/day is the day of the time, its year the nearest to this */
    int base_year, base_month, base_day;
    /* time: hour -1 when absent */
    int hour, minute, second;
    char meridiem; /* 0, 'a', 'p', 'n' (noon) or 'm' (midnight) */
    bool has_seconds;
    bool has_tz;
    int tz_minutes;
    const char *zone; /* a zone name, resolved once the date is known */
    size_t zone_len;
    bool approx; /* "(Estimated)" */
    bool none;   /* "Not Available", "Dec 07 - Contact Airline" */
} clock_parts;

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(unsigned char c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

static size_t alpha_run(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && is_alpha((unsigned char)s[j]))
        j++;
    return j - i;
}

/* Blanks: space, tab, and U+00A0 (Latin-1 0xA0 converted to UTF-8). */
static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    for (;;) {
        if (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
            i += 2;
        else
            return i;
    }
}

static int bad_text(claims_error *err, const char *s, size_t n, size_t at, const char *what)
{
    size_t show = n - at > 24 ? 24 : n - at;
    return claims__error_simple(err, CLAIMS_ESYNTAX, "%s at '%.*s' in time '%.*s'", what, (int)show,
                                s + at, (int)(n > 60 ? 60 : n), s);
}

/* An error about the whole text: "<what> in '<text>'". */
static int time_error(claims_error *err, int code, const char *what, const char *s, size_t n)
{
    return claims__error_simple(err, code, "%s in '%.*s'", what, (int)(n > 60 ? 60 : n), s);
}

/* Reads up to `max` digits at *i; -1 if none. *nd receives the count. */
static int read_int(const char *s, size_t n, size_t *i, int max, int *nd)
{
    int v = 0, k = 0;
    while (*i < n && is_digit((unsigned char)s[*i]) && k < max) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    *nd = k;
    return k ? v : -1;
}

static int set_date(clock_parts *p, int y, int m, int d, const char *s, size_t n, size_t at,
                    claims_error *err)
{
    if (p->month) {
        /* a month/day after a complete date refines it (see base_*) */
        if (y || !p->year || p->base_month)
            return bad_text(err, s, n, at, "a second date");
        p->base_year = p->year;
        p->base_month = p->month;
        p->base_day = p->day;
    }
    p->year = y;
    p->month = m;
    p->day = d;
    return CLAIMS_OK;
}

/* A meridiem right after a clock time: "PM", " pm", "p.m.", "P", "pDec",
 * "AMDec", "noon", "midnight". Leaves *i unchanged when there is none. */
static void read_meridiem(clock_parts *p, const char *s, size_t n, size_t *i)
{
    size_t j = skip_blanks(s, n, *i);
    if (j >= n)
        return;
    char c = claims__ascii_lower(s[j]);
    if (c == 'a' || c == 'p') {
        char c1 = j + 1 < n ? claims__ascii_lower(s[j + 1]) : '\0';
        size_t end;
        if (c1 == 'm') {
            end = j + 2;
        } else if (c1 == '.' && j + 2 < n && claims__ascii_lower(s[j + 2]) == 'm') {
            end = j + 3;
        } else if (is_alpha((unsigned char)c1)) {
            /* "Aug 5" is a month; "pDec 16" is p.m. then a month */
            if (c == 'a' && claims__month_lookup(s + j, alpha_run(s, n, j)))
                return;
            if (!claims__month_lookup(s + j + 1, alpha_run(s, n, j + 1)))
                return;
            end = j + 1;
        } else {
            end = j + 1;
        }
        if (end < n && s[end] == '.')
            end++;
        p->meridiem = c;
        *i = end;
        return;
    }
    if (j == *i) {
        size_t w = alpha_run(s, n, j);
        if (claims__ascii_ieq(s + j, w, "noon")) {
            p->meridiem = 'n';
            *i = j + w;
        } else if (claims__ascii_ieq(s + j, w, "midnight")) {
            p->meridiem = 'm';
            *i = j + w;
        }
    }
}

/* "hh:mm[:ss]" with the hour already read. */
static int read_clock(clock_parts *p, int hour, int hd, const char *s, size_t n, size_t *i,
                      size_t at, claims_error *err)
{
    if (p->hour >= 0)
        return bad_text(err, s, n, at, "a second clock time");
    if (hd > 2)
        return bad_text(err, s, n, at, "an hour of more than two digits");
    int nd;
    (*i)++; /* ':' */
    int minute = read_int(s, n, i, 2, &nd);
    if (nd != 2 || (*i < n && is_digit((unsigned char)s[*i])))
        return bad_text(err, s, n, at, "minutes that are not two digits");
    int second = 0;
    if (*i + 1 < n && s[*i] == ':' && is_digit((unsigned char)s[*i + 1])) {
        (*i)++;
        second = read_int(s, n, i, 2, &nd);
        if (nd != 2)
            return bad_text(err, s, n, at, "seconds that are not two digits");
        p->has_seconds = true;
    }
    p->hour = hour;
    p->minute = minute;
    p->second = second;
    read_meridiem(p, s, n, i);
    return CLAIMS_OK;
}

/* A number at *i: the start of a clock time, of a numeric date, or an hour
 * before a meridiem ("5 PM"). */
static int read_number(clock_parts *p, const char *s, size_t n, size_t *i, const claims__ref *ref,
                       claims_error *err)
{
    size_t at = *i;
    int nd;
    int v = read_int(s, n, i, 9, &nd);
    if (*i < n && is_digit((unsigned char)s[*i]))
        return time_error(err, CLAIMS_ERANGE, "a number too long", s, n);
    char next = *i < n ? s[*i] : '\0';
    if (next == ':')
        return read_clock(p, v, nd, s, n, i, at, err);
    if (next == '/' && nd <= 2) {
        /* M/D[/Y]; D/M when the first number cannot be a month */
        (*i)++;
        int d2, d3, b = read_int(s, n, i, 3, &d2), y = 0;
        if (b < 0 || d2 > 2)
            return bad_text(err, s, n, at, "an incomplete date");
        if (*i + 1 < n && s[*i] == '/' && is_digit((unsigned char)s[*i + 1])) {
            (*i)++;
            y = read_int(s, n, i, 5, &d3);
            if (d3 == 2)
                y = claims__year_from_two_digits(y, ref);
            else if (d3 != 4)
                return bad_text(err, s, n, at, "a year that is not 2 or 4 digits");
        }
        return v > 12 ? set_date(p, y, b, v, s, n, at, err) : set_date(p, y, v, b, s, n, at, err);
    }
    if (next == '-' && *i + 1 < n) {
        unsigned char c1 = (unsigned char)s[*i + 1];
        (*i)++;
        if (nd == 4) {
            /* Y-M-D, the month as a number or a name ("2019-sep-1") */
            int m, d2;
            if (is_digit(c1)) {
                m = read_int(s, n, i, 3, &d2);
                if (d2 > 2)
                    return bad_text(err, s, n, at, "a month of three digits");
            } else {
                size_t w = alpha_run(s, n, *i);
                m = claims__month_lookup(s + *i, w);
                *i += w;
            }
            if (!m || *i + 1 >= n || s[*i] != '-')
                return bad_text(err, s, n, at, "an incomplete date");
            (*i)++;
            int d = read_int(s, n, i, 3, &d2);
            if (d < 0 || d2 > 2)
                return bad_text(err, s, n, at, "a day that is not 1 or 2 digits");
            /* ISO 8601 "2016-11-20T14:52" */
            if (*i + 1 < n && (s[*i] == 'T' || s[*i] == 't') && is_digit((unsigned char)s[*i + 1]))
                (*i)++;
            return set_date(p, v, m, d, s, n, at, err);
        }
        if (nd <= 2 && (is_digit(c1) || is_alpha(c1))) {
            /* M-D-Y ("12-01-11") or D-Mon-Y ("07-Dec-2011") */
            int m, d, d2, d3;
            if (is_digit(c1)) {
                d = read_int(s, n, i, 3, &d2);
                m = v;
                if (d2 > 2)
                    return bad_text(err, s, n, at, "a day of three digits");
            } else {
                size_t w = alpha_run(s, n, *i);
                m = claims__month_lookup(s + *i, w);
                *i += w;
                d = v;
                if (!m)
                    return bad_text(err, s, n, at, "an unknown month");
            }
            if (*i + 1 >= n || s[*i] != '-' || !is_digit((unsigned char)s[*i + 1]))
                return bad_text(err, s, n, at, "a date without a year");
            (*i)++;
            int y = read_int(s, n, i, 5, &d3);
            if (d3 == 2)
                y = claims__year_from_two_digits(y, ref);
            else if (d3 != 4)
                return bad_text(err, s, n, at, "a year that is not 2 or 4 digits");
            return set_date(p, y, m, d, s, n, at, err);
        }
        (*i)--; /* a lone '-' after the number: a separator */
    }
    if (nd <= 2 && p->hour < 0) {
        /* an hour alone: "5 PM", "5pm" */
        size_t j = *i;
        read_meridiem(p, s, n, &j);
        if (p->meridiem) {
            p->hour = v;
            p->minute = 0;
            p->second = 0;
            *i = j;
            return CLAIMS_OK;
        }
    }
    return bad_text(err, s, n, at, "an unexpected number");
}

/* A month name, then its day and an optional year: "Dec 07", "Dec.07, 2011",
 * "December 8, 2011", "Dec 1". */
static int read_month_day(clock_parts *p, int month, const char *s, size_t n, size_t *i, size_t at,
                          claims_error *err)
{
    size_t j = *i;
    if (j < n && s[j] == '.')
        j++;
    j = skip_blanks(s, n, j);
    int nd, day = read_int(s, n, &j, 3, &nd);
    if (day < 0 || nd > 2 || (j < n && s[j] == ':'))
        return bad_text(err, s, n, at, "a month without a day");
    size_t w = alpha_run(s, n, j);
    if (w == 2 && (claims__ascii_ieq(s + j, 2, "st") || claims__ascii_ieq(s + j, 2, "nd") ||
                   claims__ascii_ieq(s + j, 2, "rd") || claims__ascii_ieq(s + j, 2, "th")))
        j += 2;
    *i = j;
    /* a four-digit year after blanks or a comma, unless it is a time */
    size_t k = j;
    while (k < n && (s[k] == ',' || s[k] == ' ' || s[k] == '\t'))
        k++;
    int year = 0;
    if (k > j) {
        size_t e = k;
        int y = read_int(s, n, &e, 5, &nd);
        if (nd == 4 && (e >= n || (s[e] != ':' && !is_digit((unsigned char)s[e])))) {
            year = y;
            *i = e;
        }
    }
    return set_date(p, year, month, day, s, n, at, err);
}

/* Status words that annotate a time without changing it. */
static bool status_word(clock_parts *p, const char *s, size_t n, size_t *i, size_t w)
{
    const char *t = s + *i;
    if (claims__ascii_ieq(t, w, "estimated")) {
        p->approx = true;
    } else if (claims__ascii_ieq(t, w, "on") || claims__ascii_ieq(t, w, "extra")) {
        /* "On Time", "Extra Stop" */
        size_t j = skip_blanks(s, n, *i + w);
        size_t w2 = alpha_run(s, n, j);
        if (!claims__ascii_ieq(s + j, w2, t[0] == 'o' || t[0] == 'O' ? "time" : "stop"))
            return false;
        *i = j + w2;
        return true;
    } else if (!claims__ascii_ieq(t, w, "runway") && !claims__ascii_ieq(t, w, "delayed") &&
               !claims__ascii_ieq(t, w, "rerouted") && !claims__ascii_ieq(t, w, "scheduled")) {
        return false;
    }
    *i += w;
    return true;
}

static int read_word(clock_parts *p, const char *s, size_t n, size_t *i, claims_error *err)
{
    size_t at = *i, w = alpha_run(s, n, *i);
    int k;
    if ((k = claims__month_lookup(s + at, w)) != 0) {
        *i += w;
        return read_month_day(p, k, s, n, i, at, err);
    }
    if ((k = claims__weekday_lookup(s + at, w)) != 0) {
        if (p->weekday)
            return bad_text(err, s, n, at, "a second weekday");
        p->weekday = k;
        p->weekday_refines = p->month && p->year;
        *i += w;
        if (*i < n && s[*i] == '.')
            (*i)++;
        return CLAIMS_OK;
    }
    size_t none = claims__none_marker(s + at, n - at);
    if (none) {
        p->none = true; /* what follows is commentary */
        *i = n;
        return CLAIMS_OK;
    }
    bool annotated = p->month || p->hour >= 0;
    if (w <= 4 && annotated && !p->zone && !p->has_tz) {
        int tz;
        /* the offset depends on the date only for ET, CT, MT, PT */
        if (claims__zone_lookup(s + at, w, 0, 0, &tz)) {
            p->zone = s + at;
            p->zone_len = w;
            *i += w;
            return CLAIMS_OK;
        }
    }
    if (p->hour < 0 &&
        (claims__ascii_ieq(s + at, w, "noon") || claims__ascii_ieq(s + at, w, "midnight"))) {
        p->hour = 12;
        p->minute = 0;
        p->second = 0;
        p->meridiem = s[at] == 'n' || s[at] == 'N' ? 'n' : 'm';
        *i += w;
        return CLAIMS_OK;
    }
    if (annotated && status_word(p, s, n, i, w))
        return CLAIMS_OK;
    return bad_text(err, s, n, at, "an unknown word");
}

/* A numeric zone offset after the time: "-05:00", "+0800", "+08". */
static int read_offset(clock_parts *p, const char *s, size_t n, size_t *i, claims_error *err)
{
    size_t at = *i;
    int sign = s[*i] == '-' ? -1 : 1, nd, mm = 0;
    (*i)++;
    int hh = read_int(s, n, i, 2, &nd);
    if (nd != 2)
        return bad_text(err, s, n, at, "a zone offset that is not +hh:mm");
    if (*i < n && s[*i] == ':')
        (*i)++;
    if (*i < n && is_digit((unsigned char)s[*i])) {
        mm = read_int(s, n, i, 2, &nd);
        if (nd != 2)
            return bad_text(err, s, n, at, "a zone offset that is not +hh:mm");
    }
    if (hh > 14 || mm > 59)
        return bad_text(err, s, n, at, "a zone offset out of range");
    if (p->has_tz || p->zone)
        return bad_text(err, s, n, at, "a second zone");
    p->has_tz = true;
    p->tz_minutes = sign * (hh * 60 + mm);
    return CLAIMS_OK;
}

static int scan(clock_parts *p, const char *s, size_t n, const claims__ref *ref, claims_error *err)
{
    size_t i = 0;
    while (i < n && !p->none) {
        unsigned char c = (unsigned char)s[i];
        int rc = CLAIMS_OK;
        if (is_digit(c)) {
            rc = read_number(p, s, n, &i, ref, err);
        } else if (is_alpha(c)) {
            rc = read_word(p, s, n, &i, err);
        } else {
            switch (c) {
            case ' ':
            case '\t':
            case '\r':
            case '\n':
            case ',':
            case '*':
            case '(':
            case ')':
                /* separators; '*' marks a status on some sites */
                i++;
                break;
            case 0xC2:
                if (i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
                    i += 2;
                    break;
                }
                return bad_text(err, s, n, i, "an unexpected character");
            case '&':
                /* an HTML entity left in the text: "&nbsp(Estimated)" */
                if (n - i >= 5 && claims__ascii_ieq(s + i + 1, 4, "nbsp")) {
                    i += 5 + (i + 5 < n && s[i + 5] == ';');
                    break;
                }
                return bad_text(err, s, n, i, "an unexpected character");
            case '+':
            case '-':
                if (p->hour >= 0 && i + 1 < n && is_digit((unsigned char)s[i + 1])) {
                    rc = read_offset(p, s, n, &i, err);
                } else if (!p->month && p->hour < 0 && claims__none_marker(s + i, n - i)) {
                    p->none = true;
                } else if (c == '-' && !(i + 1 < n && is_digit((unsigned char)s[i + 1]))) {
                    i++; /* "Dec 01 - 1:55pm" */
                } else {
                    return bad_text(err, s, n, i, "an unexpected character");
                }
                break;
            case '.': i++; break;
            default: return bad_text(err, s, n, i, "an unexpected character");
            }
        }
        if (rc < 0)
            return rc;
    }
    return CLAIMS_OK;
}

/* The day nearest `days` (within three days) that falls on `weekday`. */
static int64_t nearest_weekday(int64_t days, int weekday)
{
    return days + (weekday - claims__weekday(days) + 10) % 7 - 3;
}

static bool year_in_range(int64_t y) { return y >= CLAIMS__YEAR_MIN && y <= CLAIMS__YEAR_MAX; }

/* The year of a month/day nearest the anchor day; with a weekday, the
 * nearest year whose date falls on it. 0 when none fits. */
static int64_t nearest_year(int month, int day, int weekday, int64_t anchor_year,
                            int64_t anchor_days)
{
    int64_t best = 0, best_dist = INT64_MAX;
    for (int64_t y = anchor_year - 1; y <= anchor_year + 1; y++) {
        if (!claims__date_valid(y, month, day))
            continue;
        int64_t days = claims__days_from_civil(y, month, day);
        if (weekday && claims__weekday(days) != weekday)
            continue;
        int64_t dist = days > anchor_days ? days - anchor_days : anchor_days - days;
        if (dist < best_dist) {
            best_dist = dist;
            best = y;
        }
    }
    return best;
}

static int build(claims_value *v, clock_parts *p, const char *s, size_t n, const claims__ref *ref,
                 claims_error *err)
{
    if (!p->month && p->hour < 0)
        return time_error(err, CLAIMS_ESYNTAX, "no date or clock time", s, n);
    int64_t y = p->year, days;
    int m = p->month, d = p->day;
    if (!m) {
        if (!ref->present)
            return time_error(err, CLAIMS_ESYNTAX, "a day or year needs a reference date", s, n);
        days = p->weekday ? nearest_weekday(ref->days, p->weekday) : ref->days;
        claims__civil_from_days(days, &y, &m, &d);
    } else {
        if (!y) {
            int64_t ay, ad;
            if (p->base_month) {
                ay = p->base_year;
                ad = claims__days_from_civil(p->base_year, p->base_month, p->base_day);
            } else if (ref->present) {
                ay = ref->year;
                ad = ref->days;
            } else {
                return time_error(err, CLAIMS_ESYNTAX, "a year needs a reference date", s, n);
            }
            y = nearest_year(m, d, p->weekday, ay, ad);
            if (!y)
                return time_error(err, CLAIMS_ESYNTAX,
                                  p->weekday && nearest_year(m, d, 0, ay, ad)
                                      ? "the weekday does not match the date"
                                      : "not a calendar date",
                                  s, n);
        }
        if (!claims__date_valid(y, m, d))
            return time_error(err, CLAIMS_ESYNTAX, "not a calendar date", s, n);
        days = claims__days_from_civil(y, m, d);
        if (p->weekday && claims__weekday(days) != p->weekday) {
            if (!p->weekday_refines)
                return time_error(err, CLAIMS_ESYNTAX, "the weekday does not match the date", s, n);
            days = nearest_weekday(days, p->weekday);
            claims__civil_from_days(days, &y, &m, &d);
        }
    }
    if (!year_in_range(y))
        return time_error(err, CLAIMS_ERANGE, "year out of range 1..9999", s, n);
    char out[40], *q = claims__put_date(out, y, m, d);
    v->begin = days * 86400;
    if (p->hour < 0) {
        /* a day without a clock time ("December 8, 2011") */
        if (p->has_tz || p->zone)
            return time_error(err, CLAIMS_ESYNTAX, "a zone without a clock time", s, n);
        v->end = v->begin + 86400;
        v->precision = CLAIMS_PRECISION_DAY;
    } else {
        int h = p->hour;
        if (p->meridiem == 'n' || p->meridiem == 'm') {
            if (h != 12 || p->minute != 0)
                return time_error(err, CLAIMS_ESYNTAX, "noon or midnight is not 12:00", s, n);
            h = p->meridiem == 'n' ? 12 : 0;
        } else if (p->meridiem) {
            if (h < 1 || h > 12)
                return time_error(err, CLAIMS_ESYNTAX,
                                  h ? "an hour over 12 with a.m./p.m." : "hour 0 with a.m./p.m.", s,
                                  n);
            h = h % 12 + (p->meridiem == 'p' ? 12 : 0);
        } else if (h > 23) {
            return time_error(err, CLAIMS_ESYNTAX, "an hour over 23", s, n);
        }
        if (p->minute > 59 || p->second > 59)
            return time_error(err, CLAIMS_ESYNTAX, "minutes or seconds out of range", s, n);
        int secs = h * 3600 + p->minute * 60 + p->second;
        v->begin += secs;
        v->end = v->begin + (p->has_seconds ? 1 : 60);
        v->precision = p->has_seconds ? CLAIMS_PRECISION_SECOND : CLAIMS_PRECISION_MINUTE;
        *q++ = 'T';
        q = claims__put_digits(q, h, 2);
        *q++ = ':';
        q = claims__put_digits(q, p->minute, 2);
        if (p->has_seconds) {
            *q++ = ':';
            q = claims__put_digits(q, p->second, 2);
        }
        if (p->zone) {
            claims__zone_lookup(p->zone, p->zone_len, days, h * 60 + p->minute, &p->tz_minutes);
            p->has_tz = true;
        }
        if (p->has_tz) {
            v->has_tz = true;
            v->tz_minutes = p->tz_minutes;
            q = claims__put_zone(q, p->tz_minutes);
        }
    }
    v->mod = p->approx ? CLAIMS_MOD_APPROX : CLAIMS_MOD_NONE;
    if (claims__value_set_norm(v, out, (size_t)(q - out)) != CLAIMS_OK)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    return CLAIMS_OK;
}

int claims__time_parse(claims_value *v, const claims_ctx *ctx, const char *s, size_t len,
                       const claims_parse_options *opts, claims_error *err)
{
    (void)ctx;
    claims__ref ref;
    int rc = claims__ref_parse(&ref, opts, err);
    if (rc < 0)
        return rc;
    clock_parts p;
    memset(&p, 0, sizeof p);
    p.hour = -1;
    if (skip_blanks(s, len, 0) == len)
        return claims__error_simple(err, CLAIMS_ESYNTAX, "empty time");
    if ((rc = scan(&p, s, len, &ref, err)) < 0)
        return rc;
    if (p.none) {
        v->none = true;
        return claims__value_set_norm(v, "", 0) == CLAIMS_OK
                   ? CLAIMS_OK
                   : claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    }
    return build(v, &p, s, len, &ref, err);
}

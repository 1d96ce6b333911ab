/*
 * values/calendar.h - civil-date arithmetic, reference dates, month, weekday
 * and zone names (calendar.c): used by date.c and clock.c, and by resolution
 * for its date keys.
 */
#ifndef CLAIMS_VALUES_CALENDAR_H
#define CLAIMS_VALUES_CALENDAR_H

#include "values/values.h"

/* calendar.c: civil-date arithmetic, the reference date and the names shared
 * by DATE (date.c) and TIME (clock.c). Day numbers count days since
 * 1970-01-01 in the proleptic Gregorian calendar. */
#define CLAIMS__YEAR_MIN 1
#define CLAIMS__YEAR_MAX 9999

int64_t claims__days_from_civil(int64_t y, int m, int d);
void claims__civil_from_days(int64_t days, int64_t *y, int *m, int *d);
bool claims__is_leap(int64_t y);
/** Days in month m (1..12) of year y. */
int claims__days_in_month(int64_t y, int m);
/** ISO weekday of a day number: 1 = Monday .. 7 = Sunday. */
int claims__weekday(int64_t days);
/** True when y-m-d is a date of the calendar within the supported years. */
bool claims__date_valid(int64_t y, int m, int d);
/** Day number of the n-th (1..5) given weekday of a month, or of the last
 *  one when n is -1; -1 when the month has no n-th such weekday. */
int64_t claims__nth_weekday(int64_t y, int m, int weekday, int n);

/** The reference date of a parse (opts->reference). */
typedef struct claims__ref {
    bool present;
    int64_t days; /* day number of the reference date */
    int year, month, day;
    int seconds; /* time of day, 0 when only a date was given */
    bool has_tz;
    int tz_minutes;
} claims__ref;

/** Reads opts->reference (ISO 8601 date or date-time, optional zone).
 *  Absent: ref->present is false and CLAIMS_OK. Malformed: CLAIMS_EINVAL. */
int claims__ref_parse(claims__ref *ref, const claims_parse_options *opts, claims_error *err);
/** A two-digit year as the year nearest the reference (1950..2049 without
 *  one). */
int claims__year_from_two_digits(int yy, const claims__ref *ref);

/** Month 1..12 of an English month name or abbreviation ("Sept", "dec"),
 *  case-insensitive; 0 if none. */
int claims__month_lookup(const char *s, size_t n);
/** ISO weekday 1..7 of an English weekday name or abbreviation; 0 if none. */
int claims__weekday_lookup(const char *s, size_t n);
/** Offset east of UTC, in minutes, of a zone abbreviation ("PST", "ET",
 *  "UTC"). The generic US names (ET, CT, MT, PT) need the local wall-clock
 *  time (`days`, `minute` of the day) to choose standard or daylight time.
 *  Returns false for an unknown name. */
bool claims__zone_lookup(const char *s, size_t n, int64_t days, int minute, int *tz_minutes);
/** Length of a recognized "no value" marker ("Not Available", "N/A", "--")
 *  at the start of s, ending at a word boundary; 0 if none. */
size_t claims__none_marker(const char *s, size_t n);

/** Writes "YYYY-MM-DD" (10 bytes, no NUL) and returns the end. */
char *claims__put_date(char *p, int64_t y, int m, int d);
/** Writes n as exactly `width` decimal digits (n >= 0) and returns the end. */
char *claims__put_digits(char *p, int64_t n, int width);
/** Writes a zone offset "+HH:MM" / "-HH:MM" and returns the end. */
char *claims__put_zone(char *p, int tz_minutes);

#endif /* CLAIMS_VALUES_CALENDAR_H */

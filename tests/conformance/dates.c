/* dates.c - the date suites: Microsoft Recognizers-Text DateParser (English).
 *
 * Each row of recognizers-text/flat/DateParser.tsv gives a span of text, a
 * reference date-time and the .NET resolution: a future and a past date,
 * which differ when the text is ambiguous ("Friday", "Oct. 2"). A case
 * passes when the DATE value of the span, parsed with that reference and
 * the default (past) bias, is either date. Rows resolving to 0001-01-01
 * are dates that do not exist ("Feb 30", "fifth Sunday" of a month with
 * four): they must be rejected. Rows the .NET reference skips
 * (dotnet_unsupported = True) are excluded. */
#include "conformance.h"

#include <claims.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLUMNS 16

static int column(char **names, size_t n, const char *want)
{
    for (size_t i = 0; i < n && i < MAX_COLUMNS; i++)
        if (strcmp(names[i], want) == 0)
            return (int)i;
    return -1;
}

static void date_parser(const char *anchors, conf_result *r)
{
    memset(r, 0, sizeof *r);
    r->name = "RecognizersText.DateParser";
    r->target = 0.85;
    char path[4096];
    conf_path(path, sizeof path, anchors, "recognizers-text/flat/DateParser.tsv");
    char *text = conf_read_file(path, NULL);
    if (!text) {
        r->missing = true;
        return;
    }
    char *cursor = text, *line = conf_next_line(&cursor);
    char *head[MAX_COLUMNS];
    size_t nh = line ? conf_split(line, '\t', head, MAX_COLUMNS) : 0;
    int c_ref = column(head, nh, "reference_datetime");
    int c_span = column(head, nh, "span_text");
    int c_future = column(head, nh, "future_date");
    int c_past = column(head, nh, "past_date");
    int c_unsupported = column(head, nh, "dotnet_unsupported");
    if (c_ref < 0 || c_span < 0 || c_future < 0 || c_past < 0 || c_unsupported < 0) {
        fprintf(stderr, "  DateParser.tsv: unexpected columns\n");
        r->missing = true;
        free(text);
        return;
    }
    claims_value *v;
    if (claims_value_new(&v) != CLAIMS_OK) {
        free(text);
        return;
    }
    while ((line = conf_next_line(&cursor)) != NULL) {
        char *f[MAX_COLUMNS];
        size_t nf = conf_split(line, '\t', f, MAX_COLUMNS);
        if (nf < nh || !*f[c_span])
            continue;
        if (strcmp(f[c_unsupported], "True") == 0) {
            r->excluded++;
            continue;
        }
        claims_parse_options opts = CLAIMS_PARSE_OPTIONS_INIT;
        opts.reference.ptr = f[c_ref];
        opts.reference.len = strlen(f[c_ref]);
        claims_error err;
        int rc = claims_value_parse(v, NULL, CLAIMS_TYPE_DATE, f[c_span], strlen(f[c_span]), &opts,
                                    &err);
        const char *got = claims_value_normalized(v);
        bool invalid = strcmp(f[c_future], "0001-01-01") == 0;
        char why[256];
        r->total++;
        if (invalid) {
            if (rc != CLAIMS_OK) {
                r->passed++;
            } else {
                r->must_reject_failed++;
                snprintf(why, sizeof why, "accepted as %s, but no such date", got);
                conf_fail(r, f[c_span], why);
            }
        } else if (rc == CLAIMS_OK &&
                   (strcmp(got, f[c_future]) == 0 || strcmp(got, f[c_past]) == 0)) {
            r->passed++;
        } else {
            snprintf(why, sizeof why, "ref %s: expected %s or %s, got %s", f[c_ref], f[c_past],
                     f[c_future], rc == CLAIMS_OK ? got : err.text);
            conf_fail(r, f[c_span], why);
        }
    }
    claims_value_free(v);
    free(text);
}

void conf_dates(const char *anchors, conf_result *out, size_t *n, size_t cap)
{
    if (*n < cap)
        date_parser(anchors, &out[(*n)++]);
}

/* numbers.c - peer suites for NUMBER and DURATION values: Microsoft
 * Recognizers-Text (numbers, number ranges, durations), Facebook Duckling
 * (numerals, durations), scrapinghub number-parser and text2num. Each case
 * is parsed through the public API; exclusions are documented in
 * docs/normalization.md ("Exclusions"). */
#include "conformance.h"

#include "claims.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TWO53 9007199254740992.0

/* One suite being run: its result row, a reusable value, its file. */
typedef struct run {
    conf_result *r;
    claims_value *v;
    char *text; /* the file, owned */
    char *cursor;
    size_t by_convention; /* passes by the documented closed-range
                          convention (NumberRangeModel) */
} run;

static bool run_open(run *u, const char *anchors, const char *file, const char *name, double target,
                     conf_result *out, size_t *n, size_t cap)
{
    memset(u, 0, sizeof *u);
    if (*n >= cap)
        return false;
    u->r = &out[(*n)++];
    memset(u->r, 0, sizeof *u->r);
    u->r->name = name;
    u->r->target = target;
    char path[1024];
    conf_path(path, sizeof path, anchors, file);
    u->text = conf_read_file(path, NULL);
    if (!u->text || claims_value_new(&u->v) != CLAIMS_OK) {
        u->r->missing = true;
        free(u->text);
        return false;
    }
    u->cursor = u->text;
    return true;
}

static void run_close(run *u)
{
    claims_value_free(u->v);
    free(u->text);
}

/* Next data line split on tabs (the header is skipped by the caller). */
static size_t next_row(run *u, char **f, size_t max)
{
    char *line;
    while ((line = conf_next_line(&u->cursor)) != NULL) {
        if (*line)
            return conf_split(line, '\t', f, max);
    }
    return 0;
}

static bool near(double got, double want)
{
    return fabs(got - want) <= 1e-12 * fmax(1.0, fabs(want));
}

static int parse(run *u, claims_type type, const char *s)
{
    return claims_value_parse(u->v, NULL, type, s, strlen(s), NULL, NULL);
}

/* A case whose whole text must be rejected. */
static void expect_reject(run *u, claims_type type, const char *input)
{
    u->r->total++;
    if (parse(u, type, input) != CLAIMS_OK) {
        u->r->passed++;
        return;
    }
    u->r->must_reject_failed++;
    conf_fail(u->r, input, "accepted a negative case");
}

/* A case with an expected amount and modifier. */
static void expect_amount(run *u, claims_type type, const char *input, double want,
                          claims_modifier mod)
{
    u->r->total++;
    int rc = parse(u, type, input);
    double got = NAN;
    if (rc == CLAIMS_OK)
        claims_value_amount(u->v, &got, NULL, NULL);
    if (rc == CLAIMS_OK && near(got, want) && claims_value_modifier(u->v) == mod) {
        u->r->passed++;
        return;
    }
    char why[160];
    if (rc != CLAIMS_OK)
        snprintf(why, sizeof why, "rejected (%s), want %.17g", claims_strerror(rc), want);
    else
        snprintf(why, sizeof why, "got %s %s, want %.17g %s", claims_value_normalized(u->v),
                 claims_modifier_name(claims_value_modifier(u->v)), want,
                 claims_modifier_name(mod));
    conf_fail(u->r, input, why);
}

/* Recognizers spans are lower-cased; the case of the sentence is restored
 * by finding the span in it ("10m" in "I can give you 10M."). */
static void original_case(const char *input, const char *span, char *out, size_t cap)
{
    size_t n = strlen(span), len = strlen(input);
    snprintf(out, cap, "%s", span);
    for (size_t i = 0; n && i + n <= len; i++) {
        size_t k = 0;
        while (k < n) {
            char a = input[i + k], b = span[k];
            if (a >= 'A' && a <= 'Z')
                a = (char)(a - 'A' + 'a');
            if (b >= 'A' && b <= 'Z')
                b = (char)(b - 'A' + 'a');
            if (a != b)
                break;
            k++;
        }
        if (k == n && n < cap) {
            memcpy(out, input + i, n);
            out[n] = '\0';
            return;
        }
    }
}

/* ---- Recognizers-Text ---------------------------------------------------- */

/* Columns of the flat TSVs: case_index input span_text ..., and the
 * dotnet_unsupported column (7 for the number models, 6 for durations). */
enum { RT_INPUT = 1, RT_SPAN = 2 };

/* Checks one positive row: the span (with the sentence's case) against
 * the row's fields. */
typedef void (*rt_check)(run *u, const char *span, char **f);

static void recognizers(const char *anchors, conf_result *out, size_t *n, size_t cap,
                        const char *file, const char *name, double target, claims_type type,
                        size_t dotnet_col, rt_check check)
{
    run u;
    if (!run_open(&u, anchors, file, name, target, out, n, cap))
        return;
    char *f[12], span[512];
    next_row(&u, f, 12);
    while (next_row(&u, f, 12) > dotnet_col) {
        if (strcmp(f[dotnet_col], "True") == 0) {
            u.r->excluded++; /* the .NET reference skips it */
            continue;
        }
        if (!*f[RT_SPAN]) {
            /* a negative case: nothing to extract from the sentence */
            expect_reject(&u, type, f[RT_INPUT]);
            continue;
        }
        original_case(f[RT_INPUT], f[RT_SPAN], span, sizeof span);
        check(&u, span, f);
    }
    if (u.by_convention && getenv("CONFORMANCE_VERBOSE"))
        fprintf(stderr, "  [%s] %zu passed as closed ranges [a,b] for [a,b)\n", u.r->name,
                u.by_convention);
    run_close(&u);
}

/* NumberModel: columns ... type value unit subtype */
static void number_row(run *u, const char *span, char **f)
{
    expect_amount(u, CLAIMS_TYPE_NUMBER, span, strtod(f[4], NULL), CLAIMS_MOD_NONE);
}

/* Interval notation "[a,b)", "(,100]"; NAN for an open end. */
typedef struct interval {
    double lo, hi;
    char open, close;
} interval;

static bool read_interval(const char *s, interval *iv)
{
    size_t len = strlen(s);
    const char *comma = strchr(s, ',');
    if (len < 3 || !comma || (s[0] != '[' && s[0] != '(') ||
        (s[len - 1] != ']' && s[len - 1] != ')'))
        return false;
    iv->open = s[0];
    iv->close = s[len - 1];
    iv->lo = comma == s + 1 ? (double)NAN : strtod(s + 1, NULL);
    iv->hi = comma + 1 == s + len - 1 ? (double)NAN : strtod(comma + 1, NULL);
    return true;
}

/* The value as interval notation, from the public API. */
static bool value_interval(const claims_value *v, interval *iv)
{
    double a, lo, hi;
    claims_value_amount(v, &a, &lo, &hi);
    iv->lo = iv->hi = NAN;
    iv->open = iv->close = '?';
    switch (claims_value_modifier(v)) {
    case CLAIMS_MOD_NONE:
        if (!isnan(a)) {
            *iv = (interval){a, a, '[', ']'};
            return true;
        }
        return read_interval(claims_value_normalized(v), iv);
    case CLAIMS_MOD_MORE_THAN: *iv = (interval){a, NAN, '(', ')'}; return true;
    case CLAIMS_MOD_EQUAL_OR_MORE: *iv = (interval){a, NAN, '[', ')'}; return true;
    case CLAIMS_MOD_LESS_THAN: *iv = (interval){NAN, a, '(', ')'}; return true;
    case CLAIMS_MOD_EQUAL_OR_LESS: *iv = (interval){NAN, a, '(', ']'}; return true;
    default: return false;
    }
}

static bool same_end(double x, double y)
{
    return (isnan(x) && isnan(y)) || (!isnan(x) && !isnan(y) && near(x, y));
}

/* NumberRangeModel: the value column is interval notation. */
static void range_row(run *u, const char *span, char **f)
{
    interval want, got;
    u->r->total++;
    if (!read_interval(f[4], &want)) {
        conf_fail(u->r, span, "unreadable expected interval");
        return;
    }
    if (parse(u, CLAIMS_TYPE_NUMBER, span) != CLAIMS_OK || !value_interval(u->v, &got) ||
        !same_end(got.lo, want.lo) || !same_end(got.hi, want.hi) || got.open != want.open) {
        conf_fail(u->r, span, "different interval");
        return;
    }
    if (got.close == want.close) {
        u->r->passed++;
    } else if (want.close == ')' && got.close == ']' && want.open == '[' && !isnan(want.lo) &&
               !isnan(want.hi)) {
        /* "between 20 and 30", "20-30": Recognizers writes [20,30),
         * libclaims reads the range as closed (docs). */
        u->r->passed++;
        u->by_convention++;
    } else {
        conf_fail(u->r, span, "different closing bracket");
    }
}

/* DurationParser: columns ... timex seconds mod */
static void duration_row(run *u, const char *span, char **f)
{
    claims_modifier mod = strcmp(f[5], "more") == 0   ? CLAIMS_MOD_MORE_THAN
                          : strcmp(f[5], "less") == 0 ? CLAIMS_MOD_LESS_THAN
                                                      : CLAIMS_MOD_NONE;
    expect_amount(u, CLAIMS_TYPE_DURATION, span, strtod(f[4], NULL), mod);
}

/* ---- Duckling ------------------------------------------------------------- */

static void duckling(const char *anchors, conf_result *out, size_t *n, size_t cap, const char *file,
                     const char *name, double target, claims_type type, size_t value_col)
{
    run u;
    if (!run_open(&u, anchors, file, name, target, out, n, cap))
        return;
    char *f[8];
    next_row(&u, f, 8);
    size_t nf;
    while ((nf = next_row(&u, f, 8)) > value_col) {
        if (strcmp(f[0], "negativeCorpus") == 0) {
            expect_reject(&u, type, f[1]);
            continue;
        }
        /* a whole-input number: no hedge expected */
        u.r->total++;
        double want = strtod(f[value_col], NULL);
        double got = NAN;
        int rc = parse(&u, type, f[1]);
        if (rc == CLAIMS_OK)
            claims_value_amount(u.v, &got, NULL, NULL);
        if (rc == CLAIMS_OK && near(got, want)) {
            u.r->passed++;
        } else {
            char why[96];
            snprintf(why, sizeof why, "got %s, want %s",
                     rc == CLAIMS_OK ? claims_value_normalized(u.v) : "error", f[value_col]);
            conf_fail(u.r, f[1], why);
        }
    }
    run_close(&u);
}

/* ---- number-parser ----------------------------------------------------------- */

/* A number too large for a double's exact integers must be refused with
 * CLAIMS_ERANGE: excluded from the count, a failure if it is not. */
static void expect_number_or_range(run *u, const char *input, double want)
{
    if (fabs(want) > TWO53) {
        if (parse(u, CLAIMS_TYPE_NUMBER, input) == CLAIMS_ERANGE) {
            u->r->excluded++;
        } else {
            u->r->total++;
            conf_fail(u->r, input, "beyond 2^53 but not CLAIMS_ERANGE");
        }
        return;
    }
    expect_amount(u, CLAIMS_TYPE_NUMBER, input, want, CLAIMS_MOD_NONE);
}

static void number_parser(const char *anchors, conf_result *out, size_t *n, size_t cap)
{
    static const char *const files[] = {
        "hundreds/en_hundred_clevert.csv",
        "hundreds/en_hundred_mathtools.csv",
        "hundreds/en_hundred_tools4noobs.csv",
        "permutations/en_permutations_clevert.csv",
        "permutations/en_permutations_mathtools.csv",
        "permutations/en_permutations_tools4noobs.csv",
        "ordinals/en_ordinals_calculators_ro.csv",
        "ordinals_permutations/en_ordinals_permutations_calculators_ro.csv",
    };
    if (*n >= cap)
        return;
    conf_result *r = &out[(*n)++];
    memset(r, 0, sizeof *r);
    r->name = "number-parser.en";
    r->target = 0.90;
    claims_value *v;
    if (claims_value_new(&v) != CLAIMS_OK)
        return;
    size_t found = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[1024], rel[256];
        snprintf(rel, sizeof rel, "number-parser/tests/data/%s", files[i]);
        conf_path(path, sizeof path, anchors, rel);
        char *text = conf_read_file(path, NULL);
        if (!text)
            continue;
        found++;
        run u = {r, v, text, text, 0};
        char *line = conf_next_line(&u.cursor); /* header: number,text */
        while ((line = conf_next_line(&u.cursor)) != NULL) {
            char *f[4];
            if (!*line || conf_split_csv(line, f, 4) < 2)
                continue;
            expect_number_or_range(&u, f[1], strtod(f[0], NULL));
        }
        free(text);
    }
    r->missing = found == 0;
    claims_value_free(v);
}

/* ---- text2num ------------------------------------------------------------------ */

static void text2num(const char *anchors, conf_result *out, size_t *n, size_t cap)
{
    /* columns: mode input expected */
    run u;
    if (!run_open(&u, anchors, "text2num/text2num-rs_en_tests.tsv", "text2num.en", 0.90, out, n,
                  cap))
        return;
    char *f[4];
    next_row(&u, f, 4);
    while (next_row(&u, f, 4) >= 3) {
        if (strcmp(f[0], "text2digits_error") == 0) {
            expect_reject(&u, CLAIMS_TYPE_NUMBER, f[1]);
        } else if (strcmp(f[0], "text2digits") == 0) {
            /* "21st" -> 21, "25ths" -> 25, "08" -> 8 */
            expect_amount(&u, CLAIMS_TYPE_NUMBER, f[1], strtod(f[2], NULL), CLAIMS_MOD_NONE);
        } else {
            u.r->excluded++; /* replace_numbers_*: rewriting inside text */
        }
    }
    run_close(&u);
}

void conf_numbers(const char *anchors, conf_result *out, size_t *n, size_t cap)
{
    recognizers(anchors, out, n, cap, "recognizers-text/flat/NumberModel.tsv",
                "RecognizersText.NumberModel", 0.90, CLAIMS_TYPE_NUMBER, 7, number_row);
    recognizers(anchors, out, n, cap, "recognizers-text/flat/NumberRangeModel.tsv",
                "RecognizersText.NumberRangeModel", 0.85, CLAIMS_TYPE_NUMBER, 7, range_row);
    recognizers(anchors, out, n, cap, "recognizers-text/flat/DurationParser.tsv",
                "RecognizersText.DurationParser", 0.95, CLAIMS_TYPE_DURATION, 6, duration_row);
    /* Duration columns: section input value grain seconds duckling_expr;
     * Numeral columns: section input value duckling_expr */
    duckling(anchors, out, n, cap, "duckling/Duration_EN_Corpus.tsv", "Duckling.Duration", 0.95,
             CLAIMS_TYPE_DURATION, 4);
    duckling(anchors, out, n, cap, "duckling/Numeral_EN_Corpus.tsv", "Duckling.Numeral", 0.90,
             CLAIMS_TYPE_NUMBER, 2);
    number_parser(anchors, out, n, cap);
    text2num(anchors, out, n, cap);
}

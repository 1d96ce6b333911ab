/* conformance.h - the peer-suite runner: each suite reads its files from the
 * anchors folder, runs every case through the public API and counts passes.
 * Exclusions are counted apart and documented in docs/normalization.md. */
#ifndef CLAIMS_CONFORMANCE_H
#define CLAIMS_CONFORMANCE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct conf_result {
    const char *name; /* printed as "suite NAME: PASSED/TOTAL" */
    size_t passed;
    size_t total; /* cases run (exclusions not counted) */
    size_t excluded;
    double target;             /* required pass rate in [0,1] */
    size_t must_reject_failed; /* negatives that were accepted (must be 0) */
    bool missing;              /* the suite's files are absent */
} conf_result;

/* A whole file in memory, NUL-terminated; NULL if it cannot be read. */
char *conf_read_file(const char *path, size_t *len);
/* Splits `line` (modified in place) on `sep`, returns the field count;
 * fields[] receives at most max pointers. */
size_t conf_split(char *line, char sep, char **fields, size_t max);
/* Splits one CSV line with double-quote quoting, in place. */
size_t conf_split_csv(char *line, char **fields, size_t max);
/* Iterates lines: returns the next line (NUL-terminated, CR stripped) and
 * advances *cursor, or NULL at the end. */
char *conf_next_line(char **cursor);
/* Joins dir and name into a static-lifetime buffer owned by the caller. */
void conf_path(char *out, size_t cap, const char *dir, const char *name);
/* Prints one failing case when CONFORMANCE_VERBOSE is set. */
void conf_fail(const conf_result *r, const char *input, const char *why);

/* One function per suite family; each appends its results. */
typedef void (*conf_suite_fn)(const char *anchors, conf_result *out, size_t *n, size_t cap);
void conf_numbers(const char *anchors, conf_result *out, size_t *n, size_t cap);
void conf_dates(const char *anchors, conf_result *out, size_t *n, size_t cap);
void conf_names(const char *anchors, conf_result *out, size_t *n, size_t cap);

#endif

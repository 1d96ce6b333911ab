/*
 * claims - the libclaims command-line tool, a thin layer over the public API.
 *
 *   claims reconcile [FILES...]         reconcile (default: the seed corpus)
 *   claims summary [FILES...]           load and summarize (default: seed corpus)
 *   claims check FILES...               validate, print every error
 *   claims normalize --type T TEXT      print the normalized value
 *   claims compare --type T A B         print the relation and the reason
 *
 * Exit status: 0 ok, 1 input errors, 2 usage. Output goes to standard output,
 * diagnostics to standard error. SPDX-License-Identifier: CC0-1.0
 */
#define _POSIX_C_SOURCE 200809L /* isatty */
#include <claims.h>

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "seed_corpus.h"

#define EXIT_INPUT 1
#define EXIT_USAGE 2

static const char USAGE[] = "usage: claims [--version] [--help] COMMAND [ARGS]\n"
                            "\n"
                            "commands:\n"
                            "  reconcile [FILES...]    which claims agree, conflict, or are about\n"
                            "                          different events; who said what\n"
                            "                          (no FILES: the embedded seed corpus and\n"
                            "                          its schema)\n"
                            "  summary [FILES...]      load claims documents and print a summary\n"
                            "                          (no FILES: the embedded seed corpus)\n"
                            "  check FILES...          validate documents; print every error\n"
                            "  normalize --type TYPE TEXT\n"
                            "                          print the normalized value of TEXT\n"
                            "  compare --type TYPE A B print how two values relate, and why\n"
                            "\n"
                            "Run 'claims COMMAND --help' for the options of a command.\n";

static const char LOAD_HELP[] =
    "input options:\n"
    "  --format auto|json|jsonl|tsv   input format (default: auto)\n"
    "  --columns A,B,...              TSV wide form: attribute columns after\n"
    "                                 source and object\n"
    "  --latin1                       TSV: read non-UTF-8 fields as Latin-1\n"
    "  --published DATE               publication date of sources without one\n"
    "  --strict                       any error rejects the whole document\n"
    "  --threads N                    threads reading JSON Lines (default 0:\n"
    "                                 one per usable CPU)\n"
    "  -                              read standard input\n";

static const char RECONCILE_HELP[] =
    "options:\n"
    "  --format text|json|html|csv    report format (default: text)\n"
    "  --compact                      JSON on one line, without indentation\n"
    "  -o FILE                        write the report to FILE (streamed, as\n"
    "                                 is standard output)\n"
    "  --schema FILE                  attribute schema (JSON) to add\n"
    "  --aliases FILE                 alias table (JSON) to add\n"
    "  --threads N                    threads for loading, reconciling and\n"
    "                                 rendering (default 0: one per usable CPU;\n"
    "                                 the report is the same for any number)\n"
    "input options:\n"
    "  --input-format auto|json|jsonl|tsv\n"
    "  --columns A,B,...              TSV wide form: attribute columns\n"
    "  --latin1                       TSV: read non-UTF-8 fields as Latin-1\n"
    "  --published DATE               publication date of sources without one\n"
    "                                 (the reference of relative dates)\n"
    "  --strict                       any error rejects the whole document\n"
    "  -                              read standard input\n";

/* ---- progress bar ---------------------------------------------------------------- */

/* Drawn on standard error when it is a terminal and the work has taken more
 * than a second; driven by the library's progress callback. */
typedef struct progress {
    double start;
    bool tty, shown;
} progress;

static double seconds(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void progress_init(progress *p)
{
    p->start = seconds();
    p->tty = isatty(STDERR_FILENO) != 0;
    p->shown = false;
}

static int progress_draw(const char *stage, size_t done, size_t total, void *payload)
{
    progress *p = payload;
    if (!p->tty || (!p->shown && seconds() - p->start < 1.0))
        return 0;
    int pct = total ? (int)(100.0 * (double)done / (double)total) : 100;
    char bar[31];
    int fill = pct * 30 / 100;
    for (int i = 0; i < 30; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[30] = '\0';
    fprintf(stderr, "\r%-10s [%s] %3d%%", stage, bar, pct);
    p->shown = true;
    return 0;
}

static void progress_end(progress *p)
{
    if (p->shown)
        fprintf(stderr, "\r%50s\r", "");
    p->shown = false;
}

/* ---- shared: options, loading, diagnostics ------------------------------------ */

typedef struct load_args {
    claims_load_options opts;
    /* reconcile only */
    const char *render; /* "text", "json", "html" or "csv" */
    const char *schema, *aliases, *output;
    bool reconcile, compact;
    claims_str columns[64];
    const char **files;
    size_t file_count;
    char *columns_buf;
} load_args;

/* Prints "claims CMD: WHAT 'ARG'" (ARG may be NULL) and returns EXIT_USAGE. */
static int usage_error(const char *cmd, const char *what, const char *arg)
{
    fprintf(stderr, "claims %s: %s", cmd, what);
    if (arg)
        fprintf(stderr, " '%s'", arg);
    fprintf(stderr, "\nTry 'claims %s --help'.\n", cmd);
    return EXIT_USAGE;
}

/* Parses the input options shared by the loading commands; other arguments
 * are files. Returns 0, or an exit status. */
static int parse_load_args(load_args *la, const char *cmd, int argc, char **argv, const char *help)
{
    la->reconcile = !strcmp(cmd, "reconcile");
    claims_load_options_init(&la->opts, CLAIMS_LOAD_OPTIONS_VERSION);
    la->files = calloc((size_t)argc + 1, sizeof *la->files);
    la->file_count = 0;
    la->columns_buf = NULL;
    la->render = "text";
    la->schema = la->aliases = la->output = NULL;
    la->compact = false;
    if (!la->files)
        return EXIT_INPUT;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(help, stdout);
            fputs(la->reconcile ? RECONCILE_HELP : LOAD_HELP, stdout);
            exit(0);
        } else if (la->reconcile && !strcmp(a, "--format")) {
            if (++i == argc)
                return usage_error(cmd, "missing the value of", a);
            if (strcmp(argv[i], "text") && strcmp(argv[i], "json") && strcmp(argv[i], "html") &&
                strcmp(argv[i], "csv"))
                return usage_error(cmd, "unknown report format", argv[i]);
            la->render = argv[i];
        } else if (!strcmp(a, la->reconcile ? "--input-format" : "--format")) {
            if (++i == argc)
                return usage_error(cmd, "missing the value of", a);
            const char *f = argv[i];
            la->opts.format = !strcmp(f, "auto")    ? CLAIMS_FORMAT_AUTO
                              : !strcmp(f, "json")  ? CLAIMS_FORMAT_JSON
                              : !strcmp(f, "jsonl") ? CLAIMS_FORMAT_JSONL
                              : !strcmp(f, "tsv")   ? CLAIMS_FORMAT_TSV
                                                    : (claims_format)-1;
            if ((int)la->opts.format < 0)
                return usage_error(cmd, "unknown format", f);
        } else if (!strcmp(a, "--columns")) {
            if (++i == argc)
                return usage_error(cmd, "missing the value of", a);
            size_t len = strlen(argv[i]);
            free(la->columns_buf);
            la->columns_buf = malloc(len + 1);
            if (!la->columns_buf)
                return EXIT_INPUT;
            memcpy(la->columns_buf, argv[i], len + 1);
            size_t n = 0;
            for (char *tok = strtok(la->columns_buf, ","); tok && n < 64; tok = strtok(NULL, ","))
                la->columns[n++] = (claims_str){tok, strlen(tok)};
            la->opts.tsv_attributes = la->columns;
            la->opts.tsv_attribute_count = n;
        } else if (la->reconcile && (!strcmp(a, "--format") || !strcmp(a, "--schema") ||
                                     !strcmp(a, "--aliases") || !strcmp(a, "-o"))) {
            /* handled above for --format; here the reconcile options */
            if (++i == argc)
                return usage_error(cmd, "missing the value of", a);
            if (!strcmp(a, "--schema"))
                la->schema = argv[i];
            else if (!strcmp(a, "--aliases"))
                la->aliases = argv[i];
            else
                la->output = argv[i];
        } else if (!strcmp(a, "--threads")) {
            if (++i == argc)
                return usage_error(cmd, "missing the value of", a);
            char *end;
            errno = 0;
            unsigned long n = strtoul(argv[i], &end, 10);
            if (end == argv[i] || *end || errno || argv[i][0] == '-' || n > 1024)
                return usage_error(cmd, "--threads needs a number from 0 to 1024, not", argv[i]);
            la->opts.threads = (unsigned)n;
        } else if (!strcmp(a, "--published")) {
            if (++i == argc)
                return usage_error(cmd, "missing the value of", a);
            la->opts.default_published = (claims_str){argv[i], strlen(argv[i])};
        } else if (la->reconcile && !strcmp(a, "--compact")) {
            la->compact = true;
        } else if (!strcmp(a, "--latin1")) {
            la->opts.flags |= CLAIMS_LOAD_LATIN1;
        } else if (!strcmp(a, "--strict")) {
            la->opts.flags |= CLAIMS_LOAD_STRICT;
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage_error(cmd, "unknown option", a);
        } else {
            la->files[la->file_count++] = a;
        }
    }
    if (la->compact && strcmp(la->render, "json") != 0)
        return usage_error(cmd, "--compact needs --format json", NULL);
    return 0;
}

static void free_load_args(load_args *la)
{
    free(la->files);
    free(la->columns_buf);
}

static void print_diagnostic(const claims_error *e)
{
    fprintf(stderr, "%s", e->source[0] ? e->source : "<input>");
    if (e->line)
        fprintf(stderr, ":%d:%d", e->line, e->column);
    fprintf(stderr, ": ");
    if (e->document >= 0)
        fprintf(stderr, "document %ld: ", e->document);
    fprintf(stderr, "%s [%s]\n", e->text, claims_strerror(e->code));
}

/* Loads every input (the seed corpus when there is none); prints every
 * diagnostic. Returns the number of inputs that had errors. */
static size_t load_inputs(claims_store *st, const load_args *la)
{
    size_t first = claims_store_diagnostic_count(st);
    size_t failed = 0;
    if (la->file_count == 0) {
        for (size_t i = 0; i < seed_document_count; i++) {
            char name[256];
            snprintf(name, sizeof name, "corpus/%s", seed_documents[i].name);
            claims_str nm = {name, strlen(name)};
            failed += claims_store_load_buffer(st, (const char *)seed_documents[i].data,
                                               seed_documents[i].len, nm, &la->opts, NULL,
                                               NULL) != CLAIMS_OK;
        }
    }
    for (size_t i = 0; i < la->file_count; i++) {
        const char *f = la->files[i];
        int rc;
        if (!strcmp(f, "-"))
            rc = claims_store_load_stream(st, stdin, (claims_str){"<stdin>", 7}, &la->opts, NULL,
                                          NULL);
        else
            rc = claims_store_load_file(st, f, strlen(f), &la->opts, NULL, NULL);
        failed += rc != CLAIMS_OK;
    }
    if (la->opts.progress_payload)
        progress_end(la->opts.progress_payload); /* before any message */
    for (size_t i = first; i < claims_store_diagnostic_count(st); i++)
        print_diagnostic(claims_store_diagnostic(st, i));
    return failed;
}

/* ---- summary ------------------------------------------------------------------ */

typedef struct count {
    const char *key; /* borrowed from the store */
    size_t n;
} count;

/* Adds one to key's count (keys are interned: compare by content). */
static int bump(count **items, size_t *n, size_t *cap, const char *key)
{
    for (size_t i = 0; i < *n; i++)
        if (!strcmp((*items)[i].key, key)) {
            (*items)[i].n++;
            return 0;
        }
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        count *p = realloc(*items, c * sizeof *p);
        if (!p)
            return -1;
        *items = p;
        *cap = c;
    }
    (*items)[(*n)++] = (count){key, 1};
    return 0;
}

static int by_count(const void *a, const void *b)
{
    const count *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? 1 : -1;
    return strcmp(x->key, y->key);
}

static void print_counts(const char *title, count *items, size_t n)
{
    qsort(items, n, sizeof *items, by_count);
    printf("%s:\n", title);
    for (size_t i = 0; i < n; i++)
        printf("  %-24s %6zu\n", items[i].key, items[i].n);
}

static int cmd_summary(int argc, char **argv)
{
    load_args la;
    int rc = parse_load_args(&la, "summary", argc, argv,
                             "usage: claims summary [OPTIONS] [FILES...]\n"
                             "Loads claims documents (default: the embedded seed "
                             "corpus) and prints\nsources, subjects and claims by "
                             "attribute.\n\n");
    if (rc)
        return rc;
    claims_store *st;
    claims_error err;
    if (claims_store_new(&st, &err) != CLAIMS_OK) {
        fprintf(stderr, "claims: %s\n", err.text);
        return EXIT_INPUT;
    }
    size_t failed = load_inputs(st, &la);

    claims_load_summary sum = CLAIMS_LOAD_SUMMARY_INIT;
    claims_store_summary(st, &sum);
    printf("libclaims %s: %s\n", claims_version_string(),
           la.file_count ? "summary" : "summary of the embedded seed corpus");
    printf("documents: %zu read, %zu loaded, %zu rejected\n", sum.documents_read,
           sum.documents_loaded, sum.documents_rejected);
    printf("claims: %zu read, %zu loaded, %zu rejected\n", sum.claims_read, sum.claims_loaded,
           sum.claims_rejected);

    printf("sources: %zu\n", claims_store_source_count(st));
    claims_cursor *cur;
    const claims_source_info *si;
    claims_store_sources(&cur, st);
    while (claims_cursor_next_source(&si, cur) == CLAIMS_OK)
        printf("  %-40s %-28s %-25s %3zu subjects %4zu claims\n", si->id, si->outlet, si->published,
               si->subject_count, si->claim_count);
    claims_cursor_free(cur);

    count *items = NULL;
    size_t n = 0, cap = 0, subjects = 0;
    const claims_subject_info *sub;
    claims_store_subjects(&cur, st, CLAIMS_ALL);
    while (claims_cursor_next_subject(&sub, cur) == CLAIMS_OK) {
        bump(&items, &n, &cap, sub->type);
        subjects++;
    }
    claims_cursor_free(cur);
    printf("subjects: %zu\n", subjects);
    print_counts("subjects by type", items, n);

    n = 0;
    const claims_claim_info *ci;
    claims_store_claims(&cur, st, CLAIMS_ALL);
    while (claims_cursor_next_claim(&ci, cur) == CLAIMS_OK)
        bump(&items, &n, &cap, ci->attribute);
    claims_cursor_free(cur);
    print_counts("claims by attribute", items, n);

    free(items);
    claims_store_free(st);
    free_load_args(&la);
    return failed ? EXIT_INPUT : 0;
}

/* ---- reconcile ---------------------------------------------------------------- */

/* Reads a whole file for the schema and alias loaders. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                buf = NULL;
            }
            buf = p;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

typedef int (*ctx_loader)(claims_ctx *, const char *, size_t, claims_str, claims_error *);

static int load_into_ctx(claims_ctx *ctx, const char *path, ctx_loader fn)
{
    size_t len;
    char *data = slurp(path, &len);
    if (!data) {
        fprintf(stderr, "claims: cannot read %s\n", path);
        return EXIT_INPUT;
    }
    claims_error err;
    int rc = fn(ctx, data, len, (claims_str){path, strlen(path)}, &err);
    free(data);
    if (rc != CLAIMS_OK) {
        print_diagnostic(&err);
        return EXIT_INPUT;
    }
    return 0;
}

/* A stdio stream the report is written to, and why writing failed. */
typedef struct stream_sink {
    FILE *f;
    int error;
} stream_sink;

/* The write callback: a non-zero return stops the rendering. */
static int write_stream(void *payload, const char *data, size_t len)
{
    stream_sink *s = payload;
    if (fwrite(data, 1, len, s->f) == len)
        return 0;
    s->error = errno;
    return -1;
}

static int cmd_reconcile(int argc, char **argv)
{
    load_args la;
    int rc = parse_load_args(&la, "reconcile", argc, argv,
                             "usage: claims reconcile [OPTIONS] [FILES...]\n"
                             "Reconciles claims documents (default: the embedded "
                             "seed corpus): resolves\nsubjects (events, persons, "
                             "organizations) across documents, groups\nmatching "
                             "and conflicting claims, counts sources and\n"
                             "independent origins.\n\n");
    if (rc)
        return rc;
    claims_ctx *ctx = NULL;
    claims_store *st = NULL;
    claims_result *res = NULL;
    claims_error err;
    progress bar;
    progress_init(&bar);
    la.opts.progress = progress_draw;
    la.opts.progress_payload = &bar;
    claims_reconcile_options ro;
    claims_reconcile_options_init(&ro, CLAIMS_RECONCILE_OPTIONS_VERSION);
    ro.progress = progress_draw;
    ro.progress_payload = &bar;
    ro.threads = la.opts.threads;
    if (claims_ctx_new(&ctx, &err) != CLAIMS_OK || claims_store_new(&st, &err) != CLAIMS_OK) {
        fprintf(stderr, "claims: %s\n", err.text);
        rc = EXIT_INPUT;
        goto out;
    }
    /* the seed corpus comes with the schema of its vocabulary; --schema may
     * still add to it or redefine its attributes */
    char schema_name[256];
    snprintf(schema_name, sizeof schema_name, "examples/schemas/%s", seed_schema.name);
    if (la.file_count == 0 &&
        claims_ctx_load_schema(ctx, (const char *)seed_schema.data, seed_schema.len,
                               (claims_str){schema_name, strlen(schema_name)}, &err) != CLAIMS_OK) {
        print_diagnostic(&err);
        rc = EXIT_INPUT;
        goto out;
    }
    if ((la.schema && (rc = load_into_ctx(ctx, la.schema, claims_ctx_load_schema))) ||
        (la.aliases && (rc = load_into_ctx(ctx, la.aliases, claims_ctx_load_aliases))))
        goto out;
    size_t failed = load_inputs(st, &la);
    int rrc = claims_reconcile(&res, ctx, st, &ro, &err);
    progress_end(&bar);
    if (rrc != CLAIMS_OK) {
        fprintf(stderr, "claims: %s\n", err.text);
        rc = EXIT_INPUT;
        goto out;
    }
    claims_render_format fmt = !strcmp(la.render, "json")   ? CLAIMS_RENDER_JSON
                               : !strcmp(la.render, "html") ? CLAIMS_RENDER_HTML
                               : !strcmp(la.render, "csv")  ? CLAIMS_RENDER_CSV
                                                            : CLAIMS_RENDER_TEXT;
    /* streamed: the report is never held in memory whole */
    claims_render_options rend;
    claims_render_options_init(&rend, CLAIMS_RENDER_OPTIONS_VERSION);
    rend.threads = la.opts.threads;
    if (la.compact)
        rend.flags |= CLAIMS_RENDER_COMPACT;
    stream_sink out = {stdout, 0};
    int wrc = la.output
                  ? claims_result_write_file(res, fmt, &rend, la.output, strlen(la.output), &err)
                  : claims_result_write(res, fmt, &rend, write_stream, &out, &err);
    if (wrc == CLAIMS_OK && !la.output && fflush(stdout) != 0) {
        out.error = errno;
        wrc = CLAIMS_EIO;
    }
    if (wrc == CLAIMS_EIO && !la.output)
        fprintf(stderr, "claims: cannot write the standard output: %s\n", strerror(out.error));
    else if (wrc != CLAIMS_OK)
        fprintf(stderr, "claims: %s%s%s\n", err.source, err.source[0] ? ": " : "", err.text);
    rc = wrc != CLAIMS_OK || failed ? EXIT_INPUT : 0;
out:
    claims_result_free(res);
    claims_store_free(st);
    claims_ctx_free(ctx);
    free_load_args(&la);
    return rc;
}

/* ---- check -------------------------------------------------------------------- */

static int cmd_check(int argc, char **argv)
{
    load_args la;
    int rc = parse_load_args(&la, "check", argc, argv,
                             "usage: claims check [OPTIONS] FILES...\n"
                             "Validates claims documents and prints every error "
                             "with its file, line,\ncolumn, document and claim. "
                             "Exit status 1 when any input has an error.\n\n");
    if (rc)
        return rc;
    if (la.file_count == 0) {
        free_load_args(&la);
        return usage_error("check", "no files given", NULL);
    }
    claims_store *st;
    if (claims_store_new(&st, NULL) != CLAIMS_OK)
        return EXIT_INPUT;
    size_t failed = load_inputs(st, &la);
    claims_load_summary sum = CLAIMS_LOAD_SUMMARY_INIT;
    claims_store_summary(st, &sum);
    printf("%zu documents, %zu claims read: %zu loaded, %zu rejected, %zu errors\n",
           sum.documents_read, sum.claims_read, sum.claims_loaded, sum.claims_rejected,
           claims_store_diagnostic_count(st));
    claims_store_free(st);
    free_load_args(&la);
    return failed ? EXIT_INPUT : 0;
}

/* ---- normalize and compare ----------------------------------------------------- */

typedef struct value_args {
    claims_type type;
    claims_parse_options opts;
    const char *texts[2];
    int count;
} value_args;

static int parse_value_args(value_args *va, const char *cmd, int argc, char **argv, int want,
                            const char *help)
{
    claims_parse_options_init(&va->opts, CLAIMS_PARSE_OPTIONS_VERSION);
    va->type = CLAIMS_TYPE_TEXT;
    va->count = 0;
    bool typed = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(help, stdout);
            exit(0);
        } else if (!strcmp(a, "--type") || !strcmp(a, "--reference-date") || !strcmp(a, "--bias")) {
            if (++i == argc)
                return usage_error(cmd, "missing the value of", a);
            const char *v = argv[i];
            if (!strcmp(a, "--type")) {
                if (claims_type_from_name(&va->type, v, strlen(v)) != CLAIMS_OK)
                    return usage_error(cmd, "unknown type", v);
                typed = true;
            } else if (!strcmp(a, "--reference-date")) {
                va->opts.reference = (claims_str){v, strlen(v)};
            } else {
                va->opts.bias = !strcmp(v, "past")      ? CLAIMS_BIAS_PAST
                                : !strcmp(v, "future")  ? CLAIMS_BIAS_FUTURE
                                : !strcmp(v, "nearest") ? CLAIMS_BIAS_NEAREST
                                                        : (claims_date_bias)-1;
                if ((int)va->opts.bias < 0)
                    return usage_error(cmd, "unknown bias", v);
            }
        } else if (a[0] == '-' && a[1] == '-') {
            return usage_error(cmd, "unknown option", a);
        } else if (va->count < want) {
            va->texts[va->count++] = a;
        } else {
            return usage_error(cmd, "unexpected argument", a);
        }
    }
    if (!typed)
        return usage_error(cmd, "--type is required", NULL);
    if (va->count != want)
        return usage_error(cmd, want == 1 ? "expected one TEXT" : "expected two values A and B",
                           NULL);
    return 0;
}

static const char VALUE_HELP[] =
    "  --type TYPE              text, number, duration, date, time, person,\n"
    "                           persons, place, organization, topic, occasion\n"
    "  --reference-date DATE    ISO date for relative values (\"Sunday\")\n"
    "  --bias past|future|nearest  how relative day names resolve\n";

static void print_value(const claims_value *v)
{
    printf("type: %s\n", claims_type_name(claims_value_type(v)));
    if (claims_value_is_none(v)) {
        printf("normalized: (no value)\n");
        return;
    }
    printf("normalized: %s\n", claims_value_normalized(v));
    printf("modifier: %s\n", claims_modifier_name(claims_value_modifier(v)));
    double amount, lower, upper;
    if (claims_value_amount(v, &amount, &lower, &upper) == CLAIMS_OK) {
        if (!isnan(lower))
            printf("lower: %.15g\n", lower);
        if (!isnan(upper))
            printf("upper: %.15g\n", upper);
    }
    int64_t begin, end;
    claims_precision p;
    if (claims_value_interval(v, &begin, &end, &p) == CLAIMS_OK)
        printf("precision: %s\n", claims_precision_name(p));
}

static int parse_or_report(claims_value *v, const value_args *va, const char *text)
{
    claims_error err;
    if (claims_value_parse(v, NULL, va->type, text, strlen(text), &va->opts, &err) == CLAIMS_OK)
        return 0;
    fprintf(stderr, "claims: cannot read \"%s\" as %s: %s", text, claims_type_name(va->type),
            err.text);
    if (err.column)
        fprintf(stderr, " (column %d)", err.column);
    fprintf(stderr, "\n");
    return EXIT_INPUT;
}

static int cmd_normalize(int argc, char **argv)
{
    value_args va;
    char help[1024];
    snprintf(help, sizeof help,
             "usage: claims normalize --type TYPE [OPTIONS] TEXT\n"
             "Prints the normalized value of TEXT and its modifier.\n\n%s",
             VALUE_HELP);
    int rc = parse_value_args(&va, "normalize", argc, argv, 1, help);
    if (rc)
        return rc;
    claims_value *v;
    if (claims_value_new(&v) != CLAIMS_OK)
        return EXIT_INPUT;
    rc = parse_or_report(v, &va, va.texts[0]);
    if (!rc)
        print_value(v);
    claims_value_free(v);
    return rc;
}

static int cmd_compare(int argc, char **argv)
{
    value_args va;
    char help[1024];
    snprintf(help, sizeof help,
             "usage: claims compare --type TYPE [OPTIONS] A B\n"
             "Prints whether A and B are equal, compatible, conflicting or\n"
             "incomparable, with a score and the reason.\n\n%s",
             VALUE_HELP);
    int rc = parse_value_args(&va, "compare", argc, argv, 2, help);
    if (rc)
        return rc;
    claims_value *a, *b;
    if (claims_value_new(&a) != CLAIMS_OK || claims_value_new(&b) != CLAIMS_OK)
        return EXIT_INPUT;
    rc = parse_or_report(a, &va, va.texts[0]);
    if (!rc)
        rc = parse_or_report(b, &va, va.texts[1]);
    if (!rc) {
        claims_comparison c = CLAIMS_COMPARISON_INIT;
        claims_value_compare(&c, NULL, a, b);
        printf("relation: %s\nscore: %.3f\nreason: %s\n", claims_relation_name(c.relation), c.score,
               c.reason);
    }
    claims_value_free(a);
    claims_value_free(b);
    return rc;
}

/* ---- main ---------------------------------------------------------------------- */

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--version")) {
        printf("claims %s (libclaims %s)\n", CLAIMS_VERSION_STRING, claims_version_string());
        return 0;
    }
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(USAGE, stdout);
        return 0;
    }
    static const struct {
        const char *name;
        int (*run)(int, char **);
    } commands[] = {{"reconcile", cmd_reconcile},
                    {"summary", cmd_summary},
                    {"check", cmd_check},
                    {"normalize", cmd_normalize},
                    {"compare", cmd_compare}};
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(cmd, commands[i].name))
            return commands[i].run(argc - 2, argv + 2);
    fprintf(stderr, "claims: unknown command '%s'\n\n%s", cmd, USAGE);
    return EXIT_USAGE;
}

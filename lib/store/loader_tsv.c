/* loader_tsv.c - flat tab-separated rows (docs/format.md, "TSV").
 *
 * Long form: source, object, attribute, value. Wide form: source, object,
 * then one column per attribute (named by a "#columns" header or by the load
 * options): this loads the Flight and Book data-fusion sets as they are.
 * Each distinct source becomes a document, each (source, object) a subject of
 * type "object", each non-empty value a claim. Sources made from TSV stay
 * open: rows of later loads (the next day's file) add to them. */
#include "store/load.h"

#include <stdlib.h>
#include <string.h>

#define MAX_COLUMNS 256

typedef struct tsv_ctx {
    claims__load *L;
    const char *data;
    claims_str attrs[MAX_COLUMNS]; /* attribute names of wide form */
    size_t attr_count;             /* 0: long form */
    bool dry;                      /* strict first pass: check, add nothing */
    claims_buf latin1;             /* scratch for Latin-1 fields */
    /* the last source and subject, since rows come grouped */
    size_t last_source;
    bool have_source;
} tsv_ctx;

static void row_error(tsv_ctx *T, int code, int line, int column, long claim, const char *fmt, ...)
    CLAIMS__PRINTF(6, 7);
static void row_error(tsv_ctx *T, int code, int line, int column, long claim, const char *fmt, ...)
{
    claims_error e;
    claims__error_clear(&e);
    e.code = code;
    e.line = line;
    e.column = column;
    e.claim = claim;
    snprintf(e.source, sizeof e.source, "%s", T->L->name);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.text, sizeof e.text, fmt, ap);
    va_end(ap);
    claims__load_report(T->L, &e);
}

/* A field as UTF-8: itself, or its Latin-1 reading in T->latin1 when allowed.
 * Returns CLAIMS_ENCODING (with *bad) when it is not UTF-8 and Latin-1 is
 * not allowed. The Latin-1 text is valid until the next call. */
static int field_utf8(tsv_ctx *T, claims_str *f, size_t *bad)
{
    if (claims__utf8_check(f->ptr, f->len, bad) == CLAIMS_OK)
        return CLAIMS_OK;
    if (!(T->L->opts->flags & CLAIMS_LOAD_LATIN1) || memchr(f->ptr, '\0', f->len))
        return CLAIMS_ENCODING;
    claims__buf_clear(&T->latin1);
    for (size_t i = 0; i < f->len; i++)
        if (claims__buf_put_codepoint(&T->latin1, (unsigned char)f->ptr[i]) != CLAIMS_OK)
            return CLAIMS_ENOMEM;
    f->ptr = T->latin1.data;
    f->len = T->latin1.len;
    return CLAIMS_OK;
}

static bool is_blank(claims_str s)
{
    for (size_t i = 0; i < s.len; i++)
        if (s.ptr[i] != ' ' && s.ptr[i] != '\t' && s.ptr[i] != '\r')
            return false;
    return true;
}

/* "#columns source object a b c" (tab- or space-separated). */
static int read_header(tsv_ctx *T, const char *line, size_t len, int lineno)
{
    static const char tag[] = "#columns";
    size_t i = sizeof tag - 1;
    claims_str words[MAX_COLUMNS + 2];
    size_t n = 0;
    while (i < len) {
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        size_t start = i;
        while (i < len && line[i] != ' ' && line[i] != '\t')
            i++;
        if (i > start) {
            if (n == MAX_COLUMNS + 2) {
                row_error(T, CLAIMS_ERANGE, lineno, 1, -1, "#columns names more than %d columns",
                          MAX_COLUMNS + 2);
                return CLAIMS_ERANGE;
            }
            words[n].ptr = line + start;
            words[n].len = i - start;
            n++;
        }
    }
    if (n < 3 || !claims__ascii_ieq(words[0].ptr, words[0].len, "source") ||
        !claims__ascii_ieq(words[1].ptr, words[1].len, "object")) {
        row_error(T, CLAIMS_ESYNTAX, lineno, 1, -1,
                  "#columns must start with \"source object\" and name at "
                  "least one more column");
        return CLAIMS_ESYNTAX;
    }
    /* "source object attribute value" is the long form spelled out */
    if (n == 4 && claims__ascii_ieq(words[2].ptr, words[2].len, "attribute") &&
        claims__ascii_ieq(words[3].ptr, words[3].len, "value")) {
        T->attr_count = 0;
        return CLAIMS_OK;
    }
    for (size_t k = 2; k < n; k++) {
        const char *p = claims__store_intern(T->L->store, words[k].ptr, words[k].len);
        if (!p)
            return CLAIMS_ENOMEM;
        T->attrs[k - 2].ptr = p;
        T->attrs[k - 2].len = words[k].len;
    }
    T->attr_count = n - 2;
    return CLAIMS_OK;
}

/* The TSV source named id: an open TSV source, or a new one. */
static int row_source(tsv_ctx *T, claims_str id, int lineno, size_t *out)
{
    claims_store *st = T->L->store;
    if (T->have_source) {
        const char *cur = st->sources[T->last_source].id;
        if (strlen(cur) == id.len && memcmp(cur, id.ptr, id.len) == 0) {
            *out = T->last_source;
            return CLAIMS_OK;
        }
    }
    size_t idx;
    if (claims__store_find_source(st, id.ptr, id.len, &idx)) {
        if (!st->sources[idx].from_tsv) {
            row_error(T, CLAIMS_EDUPLICATE, lineno, 1, -1,
                      "source \"%.*s\" is already loaded from a JSON document",
                      (int)(id.len > 60 ? 60 : id.len), id.ptr);
            return CLAIMS_EDUPLICATE;
        }
    } else if (T->dry) {
        *out = CLAIMS_ALL;
        return CLAIMS_OK;
    } else {
        claims_source_desc d;
        memset(&d, 0, sizeof d);
        d.version = CLAIMS_SOURCE_DESC_VERSION;
        d.id = id;
        d.outlet = id;
        d.published = T->L->opts->default_published;
        claims__pos pos = {T->L->name, lineno, 1, -1, -1, T->L->opts->max_field_length};
        claims_error e;
        claims__error_clear(&e);
        if (claims__store_add_source(st, &idx, &d, T->L->name, true, &pos, &e) != CLAIMS_OK) {
            claims__load_report(T->L, &e);
            return e.code;
        }
        T->L->summary.documents_read++;
        T->L->summary.documents_loaded++;
    }
    T->last_source = idx;
    T->have_source = true;
    *out = idx;
    return CLAIMS_OK;
}

static int row_subject(tsv_ctx *T, size_t source, claims_str object, int lineno)
{
    if (T->dry || source == CLAIMS_ALL ||
        claims__store_find_subject(T->L->store, source, object.ptr, object.len, NULL))
        return CLAIMS_OK;
    claims_subject_desc d;
    d.version = CLAIMS_SUBJECT_DESC_VERSION;
    d.id = object;
    d.type.ptr = "object";
    d.type.len = 6;
    d.label = object;
    claims__pos pos = {T->L->name, lineno, 1, -1, -1, T->L->opts->max_field_length};
    claims_error e;
    claims__error_clear(&e);
    if (claims__store_add_subject(T->L->store, NULL, source, &d, &pos, &e) != CLAIMS_OK) {
        claims__load_report(T->L, &e);
        return e.code;
    }
    return CLAIMS_OK;
}

/* Character column of byte `off` within the line starting at `line`. */
static int column_of(const char *line, size_t off)
{
    return (int)claims__utf8_length(line, off) + 1;
}

static void load_row(tsv_ctx *T, const char *line, size_t len, int lineno)
{
    claims_load_summary *sum = &T->L->summary;
    claims_str f[MAX_COLUMNS + 2];
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || line[i] == '\t') {
            if (n < MAX_COLUMNS + 2) {
                f[n].ptr = line + start;
                f[n].len = i - start;
            }
            n++;
            start = i + 1;
        }
    }
    size_t want = T->attr_count ? T->attr_count + 2 : 4;
    size_t values = 0;
    for (size_t k = 2; k < n && k < MAX_COLUMNS + 2; k++)
        values += !is_blank(f[k]) && (T->attr_count || k == 3);
    if (n != want) {
        sum->claims_read += values ? values : 1;
        sum->claims_rejected += values ? values : 1;
        row_error(T, CLAIMS_ESYNTAX, lineno, 1, -1, "row has %zu columns, expected %zu", n, want);
        return;
    }
    sum->claims_read += values;
    /* source and object must be usable for the row to load at all */
    size_t bad;
    for (size_t k = 0; k < 2; k++) {
        int rc = field_utf8(T, &f[k], &bad);
        if (rc == CLAIMS_OK && f[k].ptr == T->latin1.data) {
            /* keep the converted text past the next conversion */
            const char *p = claims__store_intern(T->L->store, f[k].ptr, f[k].len);
            f[k].ptr = p;
            rc = p ? CLAIMS_OK : CLAIMS_ENOMEM;
        }
        if (rc != CLAIMS_OK || is_blank(f[k])) {
            sum->claims_rejected += values;
            int col = column_of(line, (size_t)(f[k].ptr - line));
            if (rc == CLAIMS_ENCODING)
                row_error(T, rc, lineno, col + (int)claims__utf8_length(f[k].ptr, bad), -1,
                          "%s: invalid UTF-8 at byte %zu", k ? "object" : "source", bad);
            else
                row_error(T, rc ? rc : CLAIMS_ESCHEMA, lineno, col, -1, "%s is empty",
                          k ? "object" : "source");
            return;
        }
    }
    size_t source = CLAIMS_ALL;
    if (row_source(T, f[0], lineno, &source) != CLAIMS_OK ||
        row_subject(T, source, f[1], lineno) != CLAIMS_OK) {
        sum->claims_rejected += values;
        return;
    }
    for (size_t k = 2; k < n; k++) {
        if (is_blank(f[k]) || (!T->attr_count && k == 2))
            continue;
        claims_claim_desc d;
        memset(&d, 0, sizeof d);
        d.version = CLAIMS_CLAIM_DESC_VERSION;
        d.subject = f[1];
        d.attribute = T->attr_count ? T->attrs[k - 2] : f[2];
        d.value = f[k];
        d.quote_offset = d.quote_length = -1;
        int col = column_of(line, (size_t)(f[k].ptr - line));
        long ci = source != CLAIMS_ALL ? (long)T->L->store->sources[source].claim_count : -1;
        int rc = field_utf8(T, &d.value, &bad);
        if (rc == CLAIMS_OK && !T->attr_count)
            rc = claims__utf8_check(d.attribute.ptr, d.attribute.len, &bad);
        if (rc != CLAIMS_OK) {
            sum->claims_rejected++;
            row_error(T, rc, lineno, col, ci, "%.*s: invalid UTF-8 at byte %zu",
                      (int)(d.attribute.len > 40 ? 40 : d.attribute.len), d.attribute.ptr, bad);
            continue;
        }
        size_t max =
            T->L->opts->max_field_length ? T->L->opts->max_field_length : CLAIMS__DEFAULT_MAX_FIELD;
        if (T->dry) {
            if (d.value.len > max)
                row_error(T, CLAIMS_ERANGE, lineno, col, ci,
                          "value: %zu bytes, more than the limit of %zu", d.value.len, max);
            continue;
        }
        claims__pos pos = {T->L->name, lineno, col, -1, ci, max};
        claims_error e;
        claims__error_clear(&e);
        if (claims__store_add_claim(T->L->store, NULL, source, &d, &pos, &e) == CLAIMS_OK) {
            sum->claims_loaded++;
        } else {
            sum->claims_rejected++;
            claims__load_report(T->L, &e);
        }
    }
}

static void run(tsv_ctx *T, const char *data, size_t len)
{
    const claims_load_options *o = T->L->opts;
    T->attr_count = 0;
    T->have_source = false;
    if (o->tsv_attributes && o->tsv_attribute_count) {
        size_t n = o->tsv_attribute_count < MAX_COLUMNS ? o->tsv_attribute_count : MAX_COLUMNS;
        for (size_t k = 0; k < n; k++)
            T->attrs[k] = o->tsv_attributes[k];
        T->attr_count = n;
    }
    size_t pos = 0;
    int lineno = 1;
    while (pos < len) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        size_t stop = end > pos && data[end - 1] == '\r' ? end - 1 : end;
        const char *line = data + pos;
        size_t l = stop - pos;
        if (l >= 8 && memcmp(line, "#columns", 8) == 0) {
            if (!(o->tsv_attributes && o->tsv_attribute_count))
                read_header(T, line, l, lineno);
        } else if (l && line[0] != '#' && !is_blank((claims_str){line, l})) {
            load_row(T, line, l, lineno);
        }
        pos = end + 1;
        lineno++;
        if (!T->dry && claims__load_progress(T->L, pos < len ? pos : len, len) != CLAIMS_OK)
            return;
    }
}

int claims__load_tsv(claims__load *L, const char *data, size_t len)
{
    tsv_ctx T;
    memset(&T, 0, sizeof T);
    T.L = L;
    T.data = data;
    claims__buf_init(&T.latin1);
    if (L->opts->tsv_attribute_count > MAX_COLUMNS) {
        claims__buf_free(&T.latin1);
        return claims__error_simple(L->err, CLAIMS_ERANGE, "more than %d TSV attributes",
                                    MAX_COLUMNS);
    }
    if (L->opts->flags & CLAIMS_LOAD_STRICT) {
        /* strict: the whole input is one unit; check it all before adding */
        T.dry = true;
        run(&T, data, len);
        if (L->summary.errors) {
            L->summary.claims_rejected = L->summary.claims_read;
            L->summary.claims_loaded = 0;
            L->summary.documents_rejected = L->summary.documents_read;
            claims__buf_free(&T.latin1);
            return CLAIMS_OK;
        }
        memset(&L->summary, 0, sizeof L->summary);
        T.dry = false;
    }
    run(&T, data, len);
    claims__buf_free(&T.latin1);
    return CLAIMS_OK;
}

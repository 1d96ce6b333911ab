/* loader.c - the load entry points: buffer, file, stream; format detection;
 * the bookkeeping every format shares (diagnostics, summary). */
#include "claims_private.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int claims_load_options_init(claims_load_options *opts, unsigned int version)
{
    if (!opts || version == 0 || version > CLAIMS_LOAD_OPTIONS_VERSION)
        return CLAIMS_EINVAL;
    claims_load_options def = CLAIMS_LOAD_OPTIONS_INIT;
    *opts = def;
    opts->version = version;
    return CLAIMS_OK;
}

void claims__load_report(claims__load *L, const claims_error *e)
{
    claims__store_diagnose(L->store, e);
    L->summary.errors++;
    if (L->err && L->err->code == CLAIMS_OK)
        *L->err = *e;
}

int claims__progress(claims_progress_fn fn, void *payload, const char *stage,
                     size_t done, size_t total, size_t *next)
{
    if (!fn || (done < *next && done < total))
        return CLAIMS_OK;
    *next = done + (total / 256 ? total / 256 : 1);
    return fn(stage, done, total, payload) ? CLAIMS_ECANCELED : CLAIMS_OK;
}

int claims__load_progress(claims__load *L, size_t done, size_t total)
{
    if (L->canceled)
        return CLAIMS_ECANCELED;
    if (claims__progress(L->opts->progress, L->opts->progress_payload, "load", done,
                         total, &L->progress_next) == CLAIMS_OK)
        return CLAIMS_OK;
    claims_error e;
    claims__error_clear(&e);
    e.code = CLAIMS_ECANCELED;
    snprintf(e.source, sizeof e.source, "%s", L->name);
    snprintf(e.text, sizeof e.text, "load canceled after %zu of %zu bytes", done, total);
    claims__load_report(L, &e);
    L->canceled = true;
    return CLAIMS_ECANCELED;
}

void claims__text_position(const char *data, size_t off, int *line,
                           int *column)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        unsigned char b = (unsigned char)data[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *column = c;
}

/* JSON Lines when the first line alone is a complete JSON object and more
 * follows; a pretty-printed document starts with a lone "{" line. */
static claims_format detect(const char *data, size_t len, size_t *skip)
{
    size_t i = 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' ||
                       data[i] == '\n'))
        i++;
    *skip = 0;
    if (i == len)
        return CLAIMS_FORMAT_JSON; /* empty: reported as a JSON error */
    if (data[i] == '[')
        return CLAIMS_FORMAT_JSON;
    if (data[i] != '{')
        return CLAIMS_FORMAT_TSV;
    const char *nl = memchr(data + i, '\n', len - i);
    if (!nl)
        return CLAIMS_FORMAT_JSON;
    size_t end = (size_t)(nl - data);
    /* cheap test first: a first line that closes every brace it opens */
    int depth = 0;
    bool in_str = false;
    for (size_t k = i; k < end; k++) {
        char ch = data[k];
        if (in_str) {
            if (ch == '\\')
                k++;
            else if (ch == '"')
                in_str = false;
        } else if (ch == '"') {
            in_str = true;
        } else if (ch == '{' || ch == '[') {
            depth++;
        } else if (ch == '}' || ch == ']') {
            depth--;
        }
    }
    if (depth != 0 || in_str)
        return CLAIMS_FORMAT_JSON;
    for (size_t k = end; k < len; k++)
        if (data[k] != ' ' && data[k] != '\t' && data[k] != '\r' &&
            data[k] != '\n')
            return CLAIMS_FORMAT_JSONL;
    return CLAIMS_FORMAT_JSON;
}

static int load(claims_store *store, const char *data, size_t len,
                const char *name, const claims_load_options *opts,
                claims_load_summary *summary, claims_error *err)
{
    claims_load_options def = CLAIMS_LOAD_OPTIONS_INIT;
    if (!opts)
        opts = &def;
    else if (opts->version == 0 || opts->version > CLAIMS_LOAD_OPTIONS_VERSION)
        return claims__error_simple(err, CLAIMS_EINVAL,
                                    "unsupported load options version %u",
                                    opts->version);
    if ((unsigned)opts->format > CLAIMS_FORMAT_TSV)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown format %d",
                                    (int)opts->format);
    claims__load L;
    memset(&L, 0, sizeof L);
    L.store = store;
    L.name = claims__store_intern(store, name, strlen(name));
    L.opts = opts;
    L.err = err;
    if (!L.name)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");

    /* a UTF-8 byte order mark is not content */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    size_t skip = 0;
    claims_format fmt = opts->format;
    if (fmt == CLAIMS_FORMAT_AUTO)
        fmt = detect(data, len, &skip);
    int rc = fmt == CLAIMS_FORMAT_TSV
                 ? claims__load_tsv(&L, data, len)
                 : claims__load_json(&L, data, len, fmt == CLAIMS_FORMAT_JSONL);
    if (rc == CLAIMS_OK)
        rc = claims__load_progress(&L, len, len);

    claims_load_summary *t = &store->total;
    t->documents_read += L.summary.documents_read;
    t->documents_loaded += L.summary.documents_loaded;
    t->documents_rejected += L.summary.documents_rejected;
    t->claims_read += L.summary.claims_read;
    t->claims_loaded += L.summary.claims_loaded;
    t->claims_rejected += L.summary.claims_rejected;
    t->errors += L.summary.errors;
    if (summary)
        *summary = L.summary;
    if (rc < 0)
        return rc;
    return L.summary.errors ? CLAIMS_EREJECTED : CLAIMS_OK;
}

static void name_of(char *out, size_t cap, claims_str name)
{
    if (!name.ptr || !name.len)
        snprintf(out, cap, "<buffer>");
    else
        snprintf(out, cap, "%.*s", (int)(name.len < cap ? name.len : cap - 1),
                 name.ptr);
}

int claims_store_load_buffer(claims_store *store, const char *data, size_t len,
                             claims_str name, const claims_load_options *opts,
                             claims_load_summary *summary, claims_error *err)
{
    claims__error_clear(err);
    if (summary)
        memset(summary, 0, sizeof *summary);
    if (!store || (!data && len))
        return claims__error_simple(err, CLAIMS_EINVAL, "store or data is NULL");
    char nm[512];
    name_of(nm, sizeof nm, name);
    return load(store, data ? data : "", len, nm, opts, summary, err);
}

int claims_store_load_stream(claims_store *store, FILE *stream, claims_str name,
                             const claims_load_options *opts,
                             claims_load_summary *summary, claims_error *err)
{
    claims__error_clear(err);
    if (summary)
        memset(summary, 0, sizeof *summary);
    if (!store || !stream)
        return claims__error_simple(err, CLAIMS_EINVAL, "store or stream is NULL");
    char nm[512];
    name_of(nm, sizeof nm, name);
    claims_buf b;
    claims__buf_init(&b);
    int rc = claims__buf_read_stream(&b, stream);
    if (rc == CLAIMS_OK)
        rc = load(store, b.data ? b.data : "", b.len, nm, opts, summary, err);
    else
        claims__error_set(err, rc, nm, 0, 0, -1, -1, "cannot read: %s",
                          claims_strerror(rc));
    claims__buf_free(&b);
    return rc;
}

int claims_store_load_file(claims_store *store, const char *path, size_t len,
                           const claims_load_options *opts,
                           claims_load_summary *summary, claims_error *err)
{
    claims__error_clear(err);
    if (summary)
        memset(summary, 0, sizeof *summary);
    if (!store || !path || len == 0 || len >= 4096 || memchr(path, '\0', len))
        return claims__error_simple(err, CLAIMS_EINVAL, "invalid store or path");
    char p[4096];
    memcpy(p, path, len);
    p[len] = '\0';
    FILE *f = fopen(p, "rb");
    if (!f) {
        claims_error e;
        claims__error_clear(&e);
        claims__error_set(&e, CLAIMS_EIO, p, 0, 0, -1, -1, "cannot open: %s",
                          strerror(errno));
        claims__store_diagnose(store, &e);
        if (err)
            *err = e;
        return CLAIMS_EIO;
    }
    claims_str nm = {p, len};
    int rc = claims_store_load_stream(store, f, nm, opts, summary, err);
    fclose(f);
    return rc;
}

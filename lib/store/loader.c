/* loader.c - the load entry points: buffer, file, stream; format detection;
 * the options. What the formats share is in load_session.c. */
#define _POSIX_C_SOURCE 200809L /* fileno, fstat */
#include "store/load.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int claims_load_options_init(claims_load_options *opts, unsigned int version)
{
    if (!opts || version == 0 || version > CLAIMS_LOAD_OPTIONS_VERSION)
        return CLAIMS_EINVAL;
    /* a caller built against version 1 has a struct without `threads`:
     * write only the fields its version has */
    claims_load_options def = CLAIMS_LOAD_OPTIONS_INIT;
    def.version = version;
    memcpy(opts, &def, version >= 2 ? sizeof def : offsetof(claims_load_options, threads));
    return CLAIMS_OK;
}

/* The bytes of one load: in memory, and maybe a regular file still being
 * read (`rest`). */
typedef struct input {
    claims_buf buf;   /* what was read of a stream */
    const char *data; /* the bytes so far: data[0..len) */
    size_t len;
    FILE *rest;  /* the rest, or NULL when everything is in data */
    size_t size; /* the file's size when its reading began */
} input;

/* Reads about `want` more bytes of in->rest; at its end in->rest becomes
 * NULL. CLAIMS_OK, CLAIMS_ENOMEM or CLAIMS_EIO. */
static int read_more(input *in, size_t want)
{
    if (claims__buf_reserve(&in->buf, want) != CLAIMS_OK)
        return CLAIMS_ENOMEM;
    size_t n = fread(in->buf.data + in->buf.len, 1, want, in->rest);
    in->buf.len += n;
    in->buf.data[in->buf.len] = '\0';
    in->data = in->buf.data;
    in->len = in->buf.len;
    if (n < want) {
        bool failed = ferror(in->rest) != 0;
        in->rest = NULL;
        if (failed)
            return CLAIMS_EIO;
    }
    return CLAIMS_OK;
}

static int read_all(input *in)
{
    int rc = CLAIMS_OK;
    while (rc == CLAIMS_OK && in->rest)
        rc = read_more(in, in->len > 65536 ? in->len : 65536);
    return rc;
}

/* JSON Lines when the first line alone is a complete JSON object and more
 * follows; a pretty-printed document starts with a lone "{" line. With
 * `partial` input that does not tell yet, -1. */
static int detect(const char *data, size_t len, bool partial)
{
    size_t i = 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i == len) /* empty: reported as a JSON error */
        return partial ? -1 : CLAIMS_FORMAT_JSON;
    if (data[i] == '[')
        return CLAIMS_FORMAT_JSON;
    if (data[i] != '{')
        return CLAIMS_FORMAT_TSV;
    const char *nl = memchr(data + i, '\n', len - i);
    if (!nl)
        return partial ? -1 : CLAIMS_FORMAT_JSON;
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
        if (data[k] != ' ' && data[k] != '\t' && data[k] != '\r' && data[k] != '\n')
            return CLAIMS_FORMAT_JSONL;
    return partial ? -1 : CLAIMS_FORMAT_JSON;
}

#define KNOWN_LOAD_FLAGS ((unsigned)(CLAIMS_LOAD_STRICT | CLAIMS_LOAD_LATIN1))

/* Checks the caller's options (NULL: defaults) before anything is read. */
static int check_options(const claims_load_options *opts, claims_error *err)
{
    if (!opts)
        return CLAIMS_OK;
    if (opts->version == 0 || opts->version > CLAIMS_LOAD_OPTIONS_VERSION)
        return claims__error_simple(err, CLAIMS_EINVAL, "unsupported load options version %u",
                                    opts->version);
    if ((unsigned)opts->format > CLAIMS_FORMAT_TSV)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown format %d", (int)opts->format);
    /* a bit this library does not know asks for a behaviour it lacks */
    if (opts->flags & ~KNOWN_LOAD_FLAGS)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown load flags 0x%x",
                                    opts->flags & ~KNOWN_LOAD_FLAGS);
    return CLAIMS_OK;
}

/* Checks the caller's summary (may be NULL) and zeroes its counts. */
static int start_summary(claims_load_summary *summary, claims_error *err)
{
    if (!summary)
        return CLAIMS_OK;
    if (!claims__summary_version_ok(summary))
        return claims__error_simple(err, CLAIMS_EINVAL, "unsupported load summary version %u",
                                    summary->version);
    claims_load_summary zero = CLAIMS_LOAD_SUMMARY_INIT;
    claims__summary_put(summary, &zero);
    return CLAIMS_OK;
}

static int load(claims_store *store, input *in, const char *name, const claims_load_options *opts,
                size_t chunk_bytes, claims_load_summary *summary, claims_error *err)
{
    int rc = check_options(opts, err);
    if (rc != CLAIMS_OK)
        return rc;
    /* only the fields the caller's version of the struct has */
    claims_load_options known = CLAIMS_LOAD_OPTIONS_INIT;
    if (opts)
        memcpy(&known, opts,
               opts->version >= 2 ? sizeof known : offsetof(claims_load_options, threads));
    opts = &known;
    claims__load L;
    memset(&L, 0, sizeof L);
    L.store = store;
    L.name = claims__store_intern(store, name, strlen(name));
    L.opts = opts;
    L.err = err;
    L.threads = claims__thread_count(opts->threads);
    L.chunk_bytes = chunk_bytes;
    if (!L.name)
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");

    int fmt = opts->format;
    if (in->rest && fmt != CLAIMS_FORMAT_JSONL && fmt != CLAIMS_FORMAT_AUTO)
        rc = read_all(in);
    /* a UTF-8 byte order mark is not content */
    while (rc == CLAIMS_OK && in->rest && in->len < 3)
        rc = read_more(in, 65536);
    size_t start = in->len >= 3 && memcmp(in->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (rc == CLAIMS_OK && fmt == CLAIMS_FORMAT_AUTO &&
           (fmt = detect(in->data + start, in->len - start, in->rest != NULL)) < 0)
        rc = read_more(in, in->len > 65536 ? in->len : 65536);
    if (rc == CLAIMS_OK && in->rest && fmt != CLAIMS_FORMAT_JSONL)
        rc = read_all(in);
    size_t len = in->len - start;
    if (rc != CLAIMS_OK) {
        claims__load_fail(&L, rc);
    } else if (in->rest) {
        /* JSON Lines from a regular file: documents are independent, so the
         * loader reads the file as it goes through one pair of buffers,
         * instead of holding it whole (half the memory of a load) */
        L.rest = in->rest;
        L.total = in->size > start ? in->size - start : 0;
        rc = claims__load_lines(&L, in->data + start, len);
        len = L.total;
    } else {
        const char *data = in->data + start;
        rc = fmt == CLAIMS_FORMAT_TSV     ? claims__load_tsv(&L, data, len)
             : fmt == CLAIMS_FORMAT_JSONL ? claims__load_lines(&L, data, len)
                                          : claims__load_json(&L, data, len);
    }
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
        claims__summary_put(summary, &L.summary);
    if (rc < 0)
        return rc;
    return L.summary.errors ? CLAIMS_EREJECTED : CLAIMS_OK;
}

static void name_of(char *out, size_t cap, claims_str name)
{
    if (!name.ptr || !name.len)
        snprintf(out, cap, "<buffer>");
    else
        snprintf(out, cap, "%.*s", (int)(name.len < cap ? name.len : cap - 1), name.ptr);
}

int claims__load_buffer_tuned(claims_store *store, const char *data, size_t len, claims_str name,
                              const claims_load_options *opts, size_t chunk_bytes,
                              claims_load_summary *summary, claims_error *err)
{
    claims__error_clear(err);
    int rc = start_summary(summary, err);
    if (rc != CLAIMS_OK)
        return rc;
    if (!store || (!data && len))
        return claims__error_simple(err, CLAIMS_EINVAL, "store or data is NULL");
    char nm[512];
    name_of(nm, sizeof nm, name);
    input in;
    memset(&in, 0, sizeof in);
    in.data = data ? data : "";
    in.len = len;
    return load(store, &in, nm, opts, chunk_bytes, summary, err);
}

int claims_store_load_buffer(claims_store *store, const char *data, size_t len, claims_str name,
                             const claims_load_options *opts, claims_load_summary *summary,
                             claims_error *err)
{
    return claims__load_buffer_tuned(store, data, len, name, opts, 0, summary, err);
}

int claims_store_load_stream(claims_store *store, FILE *stream, claims_str name,
                             const claims_load_options *opts, claims_load_summary *summary,
                             claims_error *err)
{
    return claims__load_stream_tuned(store, stream, name, opts, 0, summary, err);
}

int claims__load_stream_tuned(claims_store *store, FILE *stream, claims_str name,
                              const claims_load_options *opts, size_t chunk_bytes,
                              claims_load_summary *summary, claims_error *err)
{
    claims__error_clear(err);
    int rc = start_summary(summary, err);
    if (rc != CLAIMS_OK)
        return rc;
    if (!store || !stream)
        return claims__error_simple(err, CLAIMS_EINVAL, "store or stream is NULL");
    if ((rc = check_options(opts, err)) != CLAIMS_OK)
        return rc;
    char nm[512];
    name_of(nm, sizeof nm, name);
    input in;
    memset(&in, 0, sizeof in);
    claims__buf_init(&in.buf);
    in.data = "";
    struct stat sb;
    if (fstat(fileno(stream), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0) {
        /* JSON Lines are read as they are loaded (loader_lines.c) */
        in.rest = stream;
        in.size = (size_t)sb.st_size;
    } else {
        rc = claims__buf_read_stream(&in.buf, stream);
        in.data = in.buf.data ? in.buf.data : "";
        in.len = in.buf.len;
    }
    if (rc == CLAIMS_OK)
        rc = load(store, &in, nm, opts, chunk_bytes, summary, err);
    else
        claims__error_set(err, rc, nm, 0, 0, -1, -1, "cannot read: %s", claims_strerror(rc));
    claims__buf_free(&in.buf);
    return rc;
}

int claims_store_load_file(claims_store *store, const char *path, size_t len,
                           const claims_load_options *opts, claims_load_summary *summary,
                           claims_error *err)
{
    claims__error_clear(err);
    int rc = start_summary(summary, err);
    if (rc != CLAIMS_OK)
        return rc;
    if (!store || !path || len == 0 || len >= 4096 || memchr(path, '\0', len))
        return claims__error_simple(err, CLAIMS_EINVAL, "invalid store or path");
    if ((rc = check_options(opts, err)) != CLAIMS_OK)
        return rc;
    char p[4096];
    memcpy(p, path, len);
    p[len] = '\0';
    FILE *f = fopen(p, "rb");
    if (!f) {
        claims_error e;
        claims__error_clear(&e);
        claims__error_set(&e, CLAIMS_EIO, p, 0, 0, -1, -1, "cannot open: %s", strerror(errno));
        claims__store_diagnose(store, &e);
        if (err)
            *err = e;
        return CLAIMS_EIO;
    }
    claims_str nm = {p, len};
    rc = claims_store_load_stream(store, f, nm, opts, summary, err);
    fclose(f);
    return rc;
}

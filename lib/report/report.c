/* report.c - the public entry points of rendering a result: in memory,
 * streamed through the caller's write callback, or to a file; each format
 * has its own file (json.c, text.c, csv.c, html.c). */
#include "report/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the public entry points ------------------------------------------------------------ */

int claims_render_options_init(claims_render_options *opts, unsigned int version)
{
    if (!opts || version == 0 || version > CLAIMS_RENDER_OPTIONS_VERSION)
        return CLAIMS_EINVAL;
    claims_render_options def = CLAIMS_RENDER_OPTIONS_INIT;
    *opts = def;
    opts->version = version;
    return CLAIMS_OK;
}

/* Checks the arguments shared by the entry points; fills *o. */
static int check_args(claims_render_options *o, const claims_result *result,
                      claims_render_format format, const claims_render_options *opts,
                      claims_error *err)
{
    claims_render_options def = CLAIMS_RENDER_OPTIONS_INIT;
    *o = opts ? *opts : def;
    if (!result)
        return claims__error_simple(err, CLAIMS_EINVAL, "result is NULL");
    if (opts && (opts->version == 0 || opts->version > CLAIMS_RENDER_OPTIONS_VERSION))
        return claims__error_simple(err, CLAIMS_EINVAL, "unsupported render options version %u",
                                    opts->version);
    if (o->flags & ~(unsigned)CLAIMS_RENDER_COMPACT)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown render flags 0x%x",
                                    o->flags & ~(unsigned)CLAIMS_RENDER_COMPACT);
    if ((unsigned)format > CLAIMS_RENDER_CSV)
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown render format %d", (int)format);
    return CLAIMS_OK;
}

/* Renders into w (a stream or a growing buffer) and reports its failure. */
int claims__render(claims__writer *w, const claims_result *result, claims_render_format format)
{
    const claims__view *r = claims__result_view(result);
    switch (format) {
    case CLAIMS_RENDER_JSON: claims__render_json(w, r); break;
    case CLAIMS_RENDER_TEXT: claims__render_text(w, r); break;
    case CLAIMS_RENDER_HTML: claims__render_html(w, r); break;
    case CLAIMS_RENDER_CSV: claims__render_csv(w, r); break;
    }
    claims__w_flush(w);
    return w->failed;
}

/* Renders into w (a stream or a growing buffer) and reports its failure. */
static int render(claims__writer *w, const claims_result *result, claims_render_format format,
                  const claims_render_options *o, claims_error *err)
{
    w->threads = o->threads;
    w->compact = (o->flags & CLAIMS_RENDER_COMPACT) != 0;
    if (claims__render(w, result, format) == CLAIMS_EIO)
        return claims__error_simple(err, CLAIMS_EIO,
                                    "the write callback returned %d after %zu bytes", w->write_rc,
                                    w->written);
    if (w->failed)
        return claims__error_simple(err, w->failed, "out of memory");
    return CLAIMS_OK;
}

int claims_result_write(const claims_result *result, claims_render_format format,
                        const claims_render_options *opts, claims_write_fn write, void *payload,
                        claims_error *err)
{
    claims__error_clear(err);
    claims_render_options o;
    int rc = check_args(&o, result, format, opts, err);
    if (rc != CLAIMS_OK)
        return rc;
    if (!write)
        return claims__error_simple(err, CLAIMS_EINVAL, "write is NULL");
    claims__writer w;
    claims__w_init(&w, o.chunk_size ? o.chunk_size : CLAIMS__WRITER_CHUNK, write, payload,
                   o.chunk_size);
    rc = render(&w, result, format, &o, err);
    claims__w_free(&w);
    return rc;
}

/* A file and the first error writing it. */
typedef struct file_sink {
    FILE *f;
    int error; /* errno of the first failed write */
} file_sink;

static int write_to_file(void *payload, const char *data, size_t len)
{
    file_sink *s = payload;
    if (fwrite(data, 1, len, s->f) == len)
        return 0;
    s->error = errno ? errno : EIO;
    return 1;
}

int claims_result_write_file(const claims_result *result, claims_render_format format,
                             const claims_render_options *opts, const char *path, size_t len,
                             claims_error *err)
{
    claims__error_clear(err);
    claims_render_options o;
    int rc = check_args(&o, result, format, opts, err);
    if (rc != CLAIMS_OK)
        return rc;
    if (!path || len == 0 || len >= 4096 || memchr(path, '\0', len))
        return claims__error_simple(err, CLAIMS_EINVAL, "invalid path");
    char p[4096];
    memcpy(p, path, len);
    p[len] = '\0';
    file_sink sink = {fopen(p, "wb"), 0};
    if (!sink.f)
        return claims__error_set(err, CLAIMS_EIO, p, 0, 0, -1, -1, "cannot open for writing: %s",
                                 strerror(errno));
    setvbuf(sink.f, NULL, _IONBF, 0); /* the writer hands over whole chunks */
    errno = 0;
    rc = claims_result_write(result, format, &o, write_to_file, &sink, err);
    if (fclose(sink.f) != 0 && rc == CLAIMS_OK) {
        sink.error = errno;
        rc = CLAIMS_EIO;
    }
    if (rc == CLAIMS_EIO) {
        claims__error_clear(err);
        return claims__error_set(err, CLAIMS_EIO, p, 0, 0, -1, -1, "cannot write: %s",
                                 strerror(sink.error ? sink.error : EIO));
    }
    return rc;
}

int claims_result_render(char **out, size_t *len, const claims_result *result,
                         claims_render_format format, claims_error *err)
{
    claims__error_clear(err);
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!out || !result)
        return claims__error_simple(err, CLAIMS_EINVAL, "out or result is NULL");
    claims_render_options o;
    int rc = check_args(&o, result, format, NULL, err);
    if (rc != CLAIMS_OK)
        return rc;
    claims__writer w;
    claims__w_init(&w, 1 << 16, NULL, NULL, 0);
    rc = render(&w, result, format, &o, err);
    if (rc == CLAIMS_OK && claims__w_room(&w, 1))
        *w.pos = '\0';
    if (rc != CLAIMS_OK || w.failed) {
        claims__w_free(&w);
        return rc != CLAIMS_OK ? rc : claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    }
    *out = w.buf; /* allocated with malloc: claims_free() releases it */
    if (len)
        *len = (size_t)(w.pos - w.buf);
    return CLAIMS_OK;
}

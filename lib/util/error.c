/* error.c - status codes and the caller-owned error struct. */
#include "util/util.h"

#include <stdio.h>
#include <string.h>

const char *claims_strerror(int code)
{
    switch (code) {
    case CLAIMS_OK: return "success";
    case CLAIMS_DONE: return "no more rows";
    case CLAIMS_ERROR: return "error";
    case CLAIMS_ENOMEM: return "out of memory";
    case CLAIMS_EINVAL: return "invalid argument";
    case CLAIMS_ESYNTAX: return "syntax error";
    case CLAIMS_ESCHEMA: return "wrong shape or type";
    case CLAIMS_ENCODING: return "invalid UTF-8 or NUL byte";
    case CLAIMS_ERANGE: return "out of range";
    case CLAIMS_ENOTFOUND: return "not found";
    case CLAIMS_EIO: return "input/output error";
    case CLAIMS_EDUPLICATE: return "duplicate id";
    case CLAIMS_EREJECTED: return "some input was rejected";
    case CLAIMS_ECANCELED: return "canceled";
    default: return "unknown error code";
    }
}

size_t claims_error_sizeof(void) { return sizeof(claims_error); }

void claims__error_clear(claims_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->document = -1;
    err->claim = -1;
}

static int error_vset(claims_error *err, int code, const char *source, int line, int column,
                      long document, long claim, const char *fmt, va_list ap)
{
    /* The first error of a call wins: later ones are usually consequences. */
    if (!err || err->code != CLAIMS_OK)
        return code;
    err->code = code;
    err->line = line;
    err->column = column;
    err->document = document;
    err->claim = claim;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    return code;
}

int claims__error_set(claims_error *err, int code, const char *source, int line, int column,
                      long document, long claim, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, source, line, column, document, claim, fmt, ap);
    va_end(ap);
    return code;
}

int claims__error_simple(claims_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(err, code, NULL, 0, 0, -1, -1, fmt, ap);
    va_end(ap);
    return code;
}

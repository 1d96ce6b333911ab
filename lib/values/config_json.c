/*
 * config_json.c - what the schema and alias-table loaders share: the JSON is
 * read with jansson, a syntax error carries jansson's line and column, and an
 * error in a well-formed document names the bad member by its JSON Pointer
 * (RFC 6901), since jansson keeps no positions once a document is parsed.
 * Claims documents have their own positioned reader (store/json_reader.c).
 */
#include "values/values_int.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Bytes of the error text given to the pointer: the rest is the message's. */
#define POINTER_SHOWN 96

void claims__config_source(char *out, claims_str name)
{
    if (!name.ptr) {
        snprintf(out, CLAIMS_ERROR_SOURCE_LENGTH, "<buffer>");
        return;
    }
    int n = claims__clip(name.ptr, name.len, CLAIMS_ERROR_SOURCE_LENGTH - 1);
    memcpy(out, name.ptr, (size_t)n);
    out[n] = '\0';
}

int claims__config_parse(json_t **out, const char *json, size_t len, const char *source,
                         claims_error *err)
{
    json_error_t je;
    /* a key given twice would leave one of its definitions unread */
    *out = json_loadb(json ? json : "", len, JSON_REJECT_DUPLICATES, &je);
    if (*out)
        return CLAIMS_OK;
    int code = CLAIMS_ESYNTAX;
#if JANSSON_VERSION_HEX >= 0x020b00 /* json_error_code() is 2.11's */
    if (json_error_code(&je) == json_error_out_of_memory)
        code = CLAIMS_ENOMEM;
#endif
    /* jansson's own position: 1-based line, column in characters (0 at the
     * very start of an empty input); -1 when it has none */
    return claims__error_set(err, code, source, je.line > 0 ? je.line : 0,
                             je.column > 0 ? je.column : 0, -1, -1, "malformed JSON: %s", je.text);
}

/* Appends s to the pointer at p[*n] (at most POINTER_SHOWN bytes): "~" as
 * "~0" and "/" as "~1" (RFC 6901), and control characters as \u00XX so that
 * the text stays one printable line. False when it did not fit; what was
 * appended then ends with a whole character. */
static bool put_token(char *p, size_t *n, const char *s)
{
    size_t i = 0;
    while (s[i]) {
        unsigned char c = (unsigned char)s[i];
        char esc[8];
        const char *put = esc;
        size_t k = 1;
        if (c == '~' || c == '/') {
            k = (size_t)snprintf(esc, sizeof esc, "~%c", c == '~' ? '0' : '1');
        } else if (c < 0x20 || c == 0x7f) {
            k = (size_t)snprintf(esc, sizeof esc, "\\u%04x", c);
        } else {
            put = s + i; /* one UTF-8 sequence, whole */
            while ((s[i + k] & 0xC0) == 0x80)
                k++;
        }
        if (*n + k > POINTER_SHOWN)
            return false;
        memcpy(p + *n, put, k);
        *n += k;
        i += put == esc ? 1 : k;
    }
    return true;
}

int claims__config_error(claims_error *err, int code, const char *source, const char *const *path,
                         size_t depth, const char *fmt, ...)
{
    if (!err || err->code != CLAIMS_OK)
        return code;
    char pointer[POINTER_SHOWN + 4];
    size_t n = 0;
    bool whole = true;
    for (size_t i = 0; i < depth && whole; i++) {
        whole = n < POINTER_SHOWN;
        if (whole) {
            pointer[n++] = '/';
            whole = put_token(pointer, &n, path[i]);
        }
    }
    if (!whole) { /* cut: "..." marks that the pointer goes on */
        memcpy(pointer + n, "...", 3);
        n += 3;
    }
    pointer[n] = '\0';
    char msg[CLAIMS_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* the whole document is the empty pointer, written "" as in RFC 6901 */
    return claims__error_set(err, code, source, 0, 0, -1, -1, "%s: %s", depth ? pointer : "\"\"",
                             msg);
}

/* util.c - file and line helpers for the conformance runner. */
#include "conformance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *conf_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            char *p = realloc(buf, cap * 2);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        if (r == 0)
            break;
        n += r;
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    /* a UTF-8 byte order mark is not content */
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        memmove(buf, buf + 3, n - 2);
        n -= 3;
    }
    if (len)
        *len = n;
    return buf;
}

size_t conf_split(char *line, char sep, char **fields, size_t max)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        if (n < max)
            fields[n] = p;
        n++;
        char *q = strchr(p, sep);
        if (!q)
            break;
        *q = '\0';
        p = q + 1;
    }
    return n;
}

size_t conf_split_csv(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *r = line, *w = line;
    for (;;) {
        char *start = w;
        if (*r == '"') {
            r++;
            while (*r) {
                if (*r == '"' && r[1] == '"') {
                    *w++ = '"';
                    r += 2;
                } else if (*r == '"') {
                    r++;
                    break;
                } else {
                    *w++ = *r++;
                }
            }
        }
        while (*r && *r != ',')
            *w++ = *r++;
        bool more = *r == ',';
        *w++ = '\0';
        if (n < max)
            fields[n] = start;
        n++;
        if (!more)
            break;
        r++;
    }
    return n;
}

char *conf_next_line(char **cursor)
{
    char *p = *cursor;
    if (!p || !*p)
        return NULL;
    char *nl = strchr(p, '\n');
    if (nl) {
        *nl = '\0';
        *cursor = nl + 1;
    } else {
        *cursor = p + strlen(p);
    }
    size_t l = strlen(p);
    if (l && p[l - 1] == '\r')
        p[l - 1] = '\0';
    return p;
}

void conf_path(char *out, size_t cap, const char *dir, const char *name)
{
    snprintf(out, cap, "%s/%s", dir, name);
}

void conf_fail(const conf_result *r, const char *input, const char *why)
{
    if (getenv("CONFORMANCE_VERBOSE"))
        fprintf(stderr, "  [%s] %s: %s\n", r->name, input, why);
}

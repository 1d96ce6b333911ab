/* report.c - renderings of a result: JSON (docs/report.md) for tools, plain
 * text for terminals. The JSON is written directly (no tree is built) so a
 * million-claim report costs one pass; its content depends only on the
 * input's content, never on timings or input order. */
#include "reconcile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- JSON writing ---------------------------------------------------------------- */

typedef claims__writer writer;

void claims__w_raw(writer *w, const char *s)
{
    w->failed |= claims__buf_append(&w->b, s, strlen(s));
}

#define raw claims__w_raw

void claims__w_html(writer *w, const char *s) { claims__w_html_n(w, s, strlen(s)); }

void claims__w_html_n(writer *w, const char *s, size_t n)
{
    const char *run = s;
    for (const char *p = s; p < s + n; p++) {
        const char *esc = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;"
                        : *p == '"' ? "&quot;" : *p == '\'' ? "&#39;" : NULL;
        if (!esc)
            continue;
        w->failed |= claims__buf_append(&w->b, run, (size_t)(p - run));
        raw(w, esc);
        run = p + 1;
    }
    w->failed |= claims__buf_append(&w->b, run, (size_t)(s + n - run));
}

static void str(writer *w, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    w->failed |= claims__buf_putc(&w->b, '"');
    const char *run = s;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        w->failed |= claims__buf_append(&w->b, run, (size_t)(p - run));
        char esc[7] = {'\\', 0, 0, 0, 0, 0, 0};
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\t': esc[1] = 't'; break;
        case '\r': esc[1] = 'r'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
        }
        raw(w, esc);
        run = p + 1;
    }
    w->failed |= claims__buf_append(&w->b, run, strlen(run));
    w->failed |= claims__buf_putc(&w->b, '"');
}

static void key(writer *w, const char *k)
{
    str(w, k);
    raw(w, ": ");
}

static void kv_str(writer *w, const char *k, const char *v)
{
    key(w, k);
    str(w, v);
}

static void kv_num(writer *w, const char *k, size_t n)
{
    key(w, k);
    w->failed |= claims__buf_printf(&w->b, "%zu", n);
}

static void kv_bool(writer *w, const char *k, bool v)
{
    key(w, k);
    raw(w, v ? "true" : "false");
}

static void str_array(writer *w, const char *const *s, size_t n)
{
    raw(w, "[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            raw(w, ", ");
        str(w, s[i]);
    }
    raw(w, "]");
}

static void indent(writer *w, int level)
{
    raw(w, "\n");
    for (int i = 0; i < level; i++)
        raw(w, "  ");
}

/* "source#claim": claim ids are unique within their source only. */
static void claim_ref(writer *w, const claims_store *st, size_t ci)
{
    const claims__claim *c = &st->claims[ci];
    claims_buf *b = &w->b;
    w->failed |= claims__buf_putc(b, '"');
    size_t start = b->len;
    w->failed |= claims__buf_printf(b, "%s#%s", st->sources[c->source].id, c->id);
    /* ids are validated UTF-8 but may contain quotes: re-escape if so */
    if (!w->failed && (strchr(b->data + start, '"') || strchr(b->data + start, '\\'))) {
        char *copy = malloc(b->len - start + 1);
        if (!copy) {
            w->failed = 1;
            return;
        }
        memcpy(copy, b->data + start, b->len - start + 1);
        b->len = start - 1;
        str(w, copy);
        free(copy);
        return;
    }
    w->failed |= claims__buf_putc(b, '"');
}

static void evidence(writer *w, const claims_result *r, size_t ci, int level)
{
    const claims_store *st = r->store;
    const claims__claim *c = &st->claims[ci];
    indent(w, level);
    raw(w, "{");
    key(w, "claim");
    claim_ref(w, st, ci);
    raw(w, ", ");
    kv_str(w, "source", st->sources[c->source].id);
    raw(w, ", ");
    kv_str(w, "subject", st->subjects[c->subject].id);
    raw(w, ", ");
    kv_str(w, "text", c->value);
    raw(w, ", ");
    kv_str(w, "normalized", claims_value_normalized(r->pool[r->claim_value[ci]]));
    claims_modifier m = claims_value_modifier(r->pool[r->claim_value[ci]]);
    if (m != CLAIMS_MOD_NONE) {
        raw(w, ", ");
        kv_str(w, "modifier", claims_modifier_name(m));
    }
    raw(w, ", ");
    kv_str(w, "origin", r->claim_origin[ci]);
    raw(w, ", ");
    key(w, "attribution");
    str_array(w, c->attribution, c->attribution_count);
    if (c->quote[0]) {
        raw(w, ", ");
        kv_str(w, "quote", c->quote);
        if (c->quote_offset >= 0) {
            raw(w, ", ");
            kv_num(w, "offset", (size_t)c->quote_offset);
        }
        if (c->quote_length >= 0) {
            raw(w, ", ");
            kv_num(w, "length", (size_t)c->quote_length);
        }
    }
    raw(w, ", ");
    kv_str(w, "polarity", claims_polarity_name(c->polarity));
    raw(w, ", ");
    kv_str(w, "certainty", claims_certainty_name(c->certainty));
    if (c->line) {
        raw(w, ", ");
        kv_num(w, "line", (size_t)c->line);
    }
    raw(w, "}");
}

static void value_json(writer *w, const claims_result *r, const claims__rvalue *v,
                       int level)
{
    const claims_store *st = r->store;
    indent(w, level);
    raw(w, "{");
    kv_str(w, "normalized", v->normalized);
    raw(w, ", ");
    kv_str(w, "text", v->text);
    if (v->hedged) {
        raw(w, ", ");
        kv_str(w, "modifier", claims_modifier_name(v->modifier));
    }
    raw(w, ", ");
    kv_str(w, "polarity", claims_polarity_name(v->polarity));
    raw(w, ", ");
    kv_bool(w, "uncertain", v->uncertain);
    raw(w, ", ");
    kv_bool(w, "hedged", v->hedged);
    raw(w, ", ");
    kv_bool(w, "preferred", v->preferred);
    raw(w, ",");
    indent(w, level + 1);
    key(w, "sources");
    str_array(w, v->sources, v->source_count);
    raw(w, ",");
    indent(w, level + 1);
    key(w, "origins");
    str_array(w, v->origins, v->origin_count);
    raw(w, ",");
    indent(w, level + 1);
    key(w, "claims");
    raw(w, "[");
    for (size_t i = 0; i < v->claim_count; i++) {
        if (i)
            raw(w, ", ");
        claim_ref(w, st, r->claim_list[v->claim_start + i]);
    }
    raw(w, "],");
    indent(w, level + 1);
    key(w, "evidence");
    raw(w, "[");
    for (size_t i = 0; i < v->claim_count; i++) {
        if (i)
            raw(w, ",");
        evidence(w, r, r->claim_list[v->claim_start + i], level + 2);
    }
    raw(w, "]}");
}

static const char *cardinality_name(claims_cardinality c)
{
    return c == CLAIMS_SET ? "set" : "single";
}

static void render_json(writer *w, const claims_result *r)
{
    const claims_store *st = r->store;
    raw(w, "{");
    indent(w, 1);
    kv_str(w, "format", "claims-report/1");
    raw(w, ",");
    indent(w, 1);
    kv_str(w, "libclaims", claims_version_string());
    raw(w, ",");
    indent(w, 1);
    key(w, "sources");
    raw(w, "[");
    for (size_t s = 0; s < st->source_count; s++) {
        const claims__source *so = &st->sources[s];
        if (s)
            raw(w, ",");
        indent(w, 2);
        raw(w, "{");
        kv_str(w, "id", so->id);
        raw(w, ", ");
        kv_str(w, "outlet", so->outlet);
        raw(w, ", ");
        kv_str(w, "title", so->title);
        raw(w, ", ");
        kv_str(w, "author", so->author);
        raw(w, ", ");
        kv_str(w, "published", so->published);
        raw(w, ", ");
        kv_str(w, "url", so->url);
        raw(w, ", ");
        kv_num(w, "claims", so->claim_count);
        raw(w, "}");
    }
    raw(w, "],");
    indent(w, 1);
    key(w, "events");
    raw(w, "[");
    for (size_t e = 0; e < r->subject_count && !w->failed; e++) {
        const claims__rsubject *s = &r->subjects[e];
        if (e)
            raw(w, ",");
        indent(w, 2);
        raw(w, "{");
        kv_str(w, "id", s->id);
        raw(w, ", ");
        kv_str(w, "label", s->label);
        raw(w, ", ");
        kv_str(w, "type", s->type);
        raw(w, ",");
        indent(w, 3);
        key(w, "sources");
        str_array(w, s->sources, s->source_count);
        raw(w, ",");
        indent(w, 3);
        key(w, "mentions");
        raw(w, "[");
        for (size_t k = 0; k < s->mention_count; k++) {
            const claims__subject *m = &st->subjects[s->mentions[k]];
            if (k)
                raw(w, ", ");
            raw(w, "{");
            kv_str(w, "source", st->sources[m->source].id);
            raw(w, ", ");
            kv_str(w, "subject", m->id);
            raw(w, ", ");
            kv_str(w, "label", m->label);
            raw(w, "}");
        }
        raw(w, "],");
        indent(w, 3);
        key(w, "explanation");
        raw(w, "[");
        const char *p = s->explanation;
        for (bool first = true; *p; first = false) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            char *line = malloc(len + 1);
            if (!line) {
                w->failed = 1;
                break;
            }
            memcpy(line, p, len);
            line[len] = '\0';
            if (!first)
                raw(w, ",");
            indent(w, 4);
            str(w, line);
            free(line);
            p += len + (nl ? 1 : 0);
        }
        raw(w, "],");
        indent(w, 3);
        key(w, "attributes");
        raw(w, "[");
        for (size_t a = 0; a < s->attr_count; a++) {
            const claims__rattr *at = &r->attrs[s->attr_start + a];
            if (a)
                raw(w, ",");
            indent(w, 4);
            raw(w, "{");
            kv_str(w, "attribute", at->name);
            raw(w, ", ");
            kv_str(w, "type", at->type);
            raw(w, ", ");
            kv_bool(w, "known", at->known);
            raw(w, ", ");
            kv_str(w, "cardinality", cardinality_name(at->cardinality));
            raw(w, ",");
            indent(w, 5);
            kv_str(w, "relation", claims_agreement_name(at->agreement));
            raw(w, ", ");
            kv_str(w, "reason", at->reason);
            raw(w, ", ");
            kv_num(w, "source_count", at->source_count);
            raw(w, ", ");
            kv_num(w, "uncertain_count", at->uncertain_count);
            raw(w, ",");
            indent(w, 5);
            key(w, "values");
            raw(w, "[");
            for (size_t v = 0; v < at->value_count; v++) {
                if (v)
                    raw(w, ",");
                value_json(w, r, &r->values[at->value_start + v], 6);
            }
            raw(w, "]}");
        }
        raw(w, "]}");
    }
    raw(w, "],");
    indent(w, 1);
    key(w, "dependencies");
    raw(w, "[");
    for (size_t d = 0; d < r->dep_count; d++) {
        const claims__dependency *dep = &r->deps[d];
        if (d)
            raw(w, ",");
        indent(w, 2);
        raw(w, "{");
        key(w, "sources");
        const char *pair[2] = {dep->a, dep->b};
        str_array(w, pair, 2);
        raw(w, ", ");
        key(w, "passages");
        str_array(w, dep->passages, dep->passage_count);
        raw(w, "}");
    }
    raw(w, "],");
    indent(w, 1);
    key(w, "notes");
    raw(w, "[");
    for (size_t n = 0; n < r->note_count; n++) {
        const claims_error *e = &r->notes[n];
        if (n)
            raw(w, ",");
        indent(w, 2);
        raw(w, "{");
        kv_str(w, "source", e->source);
        raw(w, ", ");
        kv_num(w, "line", (size_t)(e->line > 0 ? e->line : 0));
        raw(w, ", ");
        kv_num(w, "column", (size_t)(e->column > 0 ? e->column : 0));
        if (e->claim >= 0) {
            raw(w, ", ");
            kv_num(w, "claim", (size_t)e->claim);
        }
        raw(w, ", ");
        kv_str(w, "message", e->text);
        raw(w, "}");
    }
    raw(w, "],");
    indent(w, 1);
    key(w, "counts");
    raw(w, "{");
    kv_num(w, "claims", r->stats.claims);
    raw(w, ", ");
    kv_num(w, "mentions", r->stats.mentions);
    raw(w, ", ");
    kv_num(w, "subjects", r->subject_count);
    raw(w, ", ");
    kv_num(w, "values_unparsed", r->stats.values_unparsed);
    raw(w, ", ");
    kv_num(w, "clusters", r->value_count);
    raw(w, ", ");
    kv_num(w, "dependencies", r->dep_count);
    raw(w, "}\n}\n");
}

/* ---- text ------------------------------------------------------------------------- */

void claims__w_printf(writer *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[512];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        w->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        w->failed |= claims__buf_append(&w->b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        w->failed = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    w->failed |= claims__buf_append(&w->b, big, (size_t)n);
    free(big);
}

static void list_w(writer *w, const char *const *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        claims__w_printf(w, "%s%s", i ? ", " : "", s[i]);
}

static void render_text(writer *w, const claims_result *r)
{
    const claims_store *st = r->store;
    claims__w_printf(w, "%zu sources, %zu claims, %zu subjects\n", st->source_count,
             st->claim_count, r->subject_count);
    for (size_t e = 0; e < r->subject_count && !w->failed; e++) {
        const claims__rsubject *s = &r->subjects[e];
        claims__w_printf(w, "\n== %s %s\n   %s\n   sources: ", s->type, s->id, s->label);
        list_w(w, s->sources, s->source_count);
        claims__w_printf(w, "\n");
        const char *p = s->explanation;
        while (*p) {
            const char *nl = strchr(p, '\n');
            int len = nl ? (int)(nl - p) : (int)strlen(p);
            claims__w_printf(w, "   %.*s\n", len, p);
            p += len + (nl ? 1 : 0);
        }
        for (size_t a = 0; a < s->attr_count; a++) {
            const claims__rattr *at = &r->attrs[s->attr_start + a];
            claims__w_printf(w, "   %-14s %-13s %s%s\n", at->name,
                     claims_agreement_name(at->agreement), at->reason,
                     at->known ? "" : " [attribute not in the schema]");
            for (size_t v = 0; v < at->value_count; v++) {
                const claims__rvalue *val = &r->values[at->value_start + v];
                const char *mark = val->uncertain ? "?" : val->polarity == CLAIMS_NEGATED
                                                              ? "!" : val->preferred ? "*" : "-";
                claims__w_printf(w, "     %s %s", mark, val->normalized);
                if (strcmp(val->text, val->normalized) != 0)
                    claims__w_printf(w, " (\"%s\")", val->text);
                if (val->hedged)
                    claims__w_printf(w, " %s", claims_modifier_name(val->modifier));
                claims__w_printf(w, "  [%zu source%s, %zu origin%s: ", val->source_count,
                         val->source_count == 1 ? "" : "s", val->origin_count,
                         val->origin_count == 1 ? "" : "s");
                list_w(w, val->origins, val->origin_count);
                claims__w_printf(w, "]\n");
            }
        }
    }
    if (r->dep_count) {
        claims__w_printf(w, "\nsources sharing wording:\n");
        for (size_t d = 0; d < r->dep_count; d++) {
            const claims__dependency *dep = &r->deps[d];
            claims__w_printf(w, "  %s and %s, %zu passage%s:\n", dep->a, dep->b,
                     dep->passage_count, dep->passage_count == 1 ? "" : "s");
            for (size_t k = 0; k < dep->passage_count; k++)
                claims__w_printf(w, "    \"%s\"\n", dep->passages[k]);
        }
    }
    if (r->note_count) {
        claims__w_printf(w, "\nnotes:\n");
        for (size_t n = 0; n < r->note_count; n++) {
            const claims_error *e = &r->notes[n];
            if (e->line)
                claims__w_printf(w, "  %s:%d:%d: %s\n", e->source, e->line, e->column, e->text);
            else
                claims__w_printf(w, "  %s%s%s\n", e->source, e->source[0] ? ": " : "", e->text);
        }
    }
    claims__w_printf(w, "\nlegend: * preferred or agreed value, - other value, "
                "! negated, ? uncertain\n");
}

/* ---- CSV: one row per claim, RFC 4180 quoting ------------------------------------ */

static void csv_field(writer *w, const char *s, bool last)
{
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote) {
        raw(w, "\"");
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                raw(w, "\"\"");
            else
                w->failed |= claims__buf_putc(&w->b, *p);
        }
        raw(w, "\"");
    } else {
        raw(w, s);
    }
    raw(w, last ? "\r\n" : ",");
}

static void render_csv(writer *w, const claims_result *r)
{
    const claims_store *st = r->store;
    static const char *const header[] = {
        "event_id", "event_label", "event_type", "attribute", "relation", "value",
        "value_text", "preferred", "value_sources", "value_origins", "claim", "source",
        "text", "modifier", "origin", "attribution", "polarity", "certainty", "quote"};
    size_t nh = sizeof header / sizeof header[0];
    for (size_t i = 0; i < nh; i++)
        csv_field(w, header[i], i + 1 == nh);
    claims_buf tmp;
    claims__buf_init(&tmp);
    for (size_t e = 0; e < r->subject_count && !w->failed; e++) {
        const claims__rsubject *s = &r->subjects[e];
        for (size_t a = 0; a < s->attr_count; a++) {
            const claims__rattr *at = &r->attrs[s->attr_start + a];
            for (size_t v = 0; v < at->value_count; v++) {
                const claims__rvalue *val = &r->values[at->value_start + v];
                for (size_t k = 0; k < val->claim_count; k++) {
                    size_t ci = r->claim_list[val->claim_start + k];
                    const claims__claim *c = &st->claims[ci];
                    const claims_value *pv = r->pool[r->claim_value[ci]];
                    char num[2][32];
                    snprintf(num[0], sizeof num[0], "%zu", val->source_count);
                    snprintf(num[1], sizeof num[1], "%zu", val->origin_count);
                    claims__buf_clear(&tmp);
                    w->failed |= claims__buf_printf(&tmp, "%s#%s", st->sources[c->source].id, c->id);
                    csv_field(w, s->id, false);
                    csv_field(w, s->label, false);
                    csv_field(w, s->type, false);
                    csv_field(w, at->name, false);
                    csv_field(w, claims_agreement_name(at->agreement), false);
                    csv_field(w, val->normalized, false);
                    csv_field(w, val->text, false);
                    csv_field(w, val->preferred ? "yes" : "no", false);
                    csv_field(w, num[0], false);
                    csv_field(w, num[1], false);
                    csv_field(w, tmp.data ? tmp.data : "", false);
                    csv_field(w, st->sources[c->source].id, false);
                    csv_field(w, c->value, false);
                    claims_modifier m = claims_value_modifier(pv);
                    csv_field(w, m == CLAIMS_MOD_NONE ? "" : claims_modifier_name(m), false);
                    csv_field(w, r->claim_origin[ci], false);
                    claims__buf_clear(&tmp);
                    for (size_t q = 0; q < c->attribution_count; q++)
                        w->failed |= claims__buf_printf(&tmp, "%s%s", q ? " > " : "",
                                                        c->attribution[q]);
                    csv_field(w, tmp.data && tmp.len ? tmp.data : "", false);
                    csv_field(w, claims_polarity_name(c->polarity), false);
                    csv_field(w, claims_certainty_name(c->certainty), false);
                    csv_field(w, c->quote, true);
                }
            }
        }
    }
    claims__buf_free(&tmp);
}

int claims_result_render(char **out, size_t *len, const claims_result *result,
                         claims_render_format format, claims_error *err)
{
    claims__error_clear(err);
    if (!out || !result)
        return claims__error_simple(err, CLAIMS_EINVAL, "out or result is NULL");
    *out = NULL;
    if (len)
        *len = 0;
    writer w;
    claims__buf_init(&w.b);
    w.failed = 0;
    switch (format) {
    case CLAIMS_RENDER_JSON: render_json(&w, result); break;
    case CLAIMS_RENDER_TEXT: render_text(&w, result); break;
    case CLAIMS_RENDER_HTML: claims__render_html(&w, result); break;
    case CLAIMS_RENDER_CSV: render_csv(&w, result); break;
    default:
        return claims__error_simple(err, CLAIMS_EINVAL, "unknown render format %d",
                                    (int)format);
    }
    if (w.failed || !w.b.data) {
        claims__buf_free(&w.b);
        return claims__error_simple(err, CLAIMS_ENOMEM, "out of memory");
    }
    *out = w.b.data; /* allocated with malloc: claims_free() releases it */
    if (len)
        *len = w.b.len;
    return CLAIMS_OK;
}

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

/* Appends s escaped for a JSON string, without the quotes. */
static void str_body(writer *w, const char *s)
{
    static const char hex[] = "0123456789abcdef";
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
}

static void str(writer *w, const char *s)
{
    w->failed |= claims__buf_putc(&w->b, '"');
    str_body(w, s);
    w->failed |= claims__buf_putc(&w->b, '"');
}

/* A JSON writer that places commas and line breaks itself: every open
 * container remembers whether it has an item yet, and whether its items go
 * on lines of their own (a block) or on one line. */
#define JSON_DEPTH 16

typedef struct json {
    writer *w;
    int depth;
    bool first[JSON_DEPTH];
    bool block[JSON_DEPTH];
} json;

/* Before an item of the current container: comma, then newline in blocks. */
static void j_item(json *j)
{
    if (!j->first[j->depth])
        raw(j->w, j->block[j->depth] ? "," : ", ");
    j->first[j->depth] = false;
    if (j->block[j->depth]) {
        raw(j->w, "\n");
        for (int i = 0; i < j->depth; i++)
            raw(j->w, "  ");
    }
}

static void j_open(json *j, const char *bracket, bool block)
{
    raw(j->w, bracket);
    if (j->depth + 1 < JSON_DEPTH)
        j->depth++;
    j->first[j->depth] = true;
    j->block[j->depth] = block;
}

static void j_close(json *j, const char *bracket)
{
    bool newline = j->block[j->depth] && !j->first[j->depth];
    j->depth--;
    if (newline) {
        raw(j->w, "\n");
        for (int i = 0; i < j->depth; i++)
            raw(j->w, "  ");
    }
    raw(j->w, bracket);
}

static void j_key(json *j, const char *k)
{
    j_item(j);
    str(j->w, k);
    raw(j->w, ": ");
}

static void j_str(json *j, const char *k, const char *v)
{
    j_key(j, k);
    str(j->w, v);
}

static void j_num(json *j, const char *k, size_t n)
{
    j_key(j, k);
    j->w->failed |= claims__buf_printf(&j->w->b, "%zu", n);
}

static void j_bool(json *j, const char *k, bool v)
{
    j_key(j, k);
    raw(j->w, v ? "true" : "false");
}

static void j_strings(json *j, const char *k, const char *const *s, size_t n)
{
    j_key(j, k);
    j_open(j, "[", false);
    for (size_t i = 0; i < n; i++) {
        j_item(j);
        str(j->w, s[i]);
    }
    j_close(j, "]");
}

/* "source#claim": claim ids are unique within their source only. */
static void j_claim_ref(json *j, const claims_store *st, size_t ci)
{
    const claims__claim *c = &st->claims[ci];
    raw(j->w, "\"");
    str_body(j->w, st->sources[c->source].id);
    raw(j->w, "#");
    str_body(j->w, c->id);
    raw(j->w, "\"");
}

static void evidence(json *j, const claims_result *r, size_t ci)
{
    const claims_store *st = r->store;
    const claims__claim *c = &st->claims[ci];
    const claims_value *v = r->pool[r->claim_value[ci]];
    j_item(j);
    j_open(j, "{", false);
    j_key(j, "claim");
    j_claim_ref(j, st, ci);
    j_str(j, "source", st->sources[c->source].id);
    j_str(j, "subject", st->subjects[c->subject].id);
    j_str(j, "text", c->value);
    j_str(j, "normalized", claims_value_normalized(v));
    if (claims_value_modifier(v) != CLAIMS_MOD_NONE)
        j_str(j, "modifier", claims_modifier_name(claims_value_modifier(v)));
    j_str(j, "origin", r->claim_origin[ci]);
    j_strings(j, "attribution", c->attribution, c->attribution_count);
    if (c->quote[0]) {
        j_str(j, "quote", c->quote);
        if (c->quote_offset >= 0)
            j_num(j, "offset", (size_t)c->quote_offset);
        if (c->quote_length >= 0)
            j_num(j, "length", (size_t)c->quote_length);
    }
    j_str(j, "polarity", claims_polarity_name(c->polarity));
    j_str(j, "certainty", claims_certainty_name(c->certainty));
    if (c->line)
        j_num(j, "line", (size_t)c->line);
    j_close(j, "}");
}

static void value_json(json *j, const claims_result *r, const claims__rvalue *v)
{
    j_item(j);
    j_open(j, "{", true);
    j_str(j, "normalized", v->normalized);
    j_str(j, "text", v->text);
    if (v->hedged)
        j_str(j, "modifier", claims_modifier_name(v->modifier));
    j_str(j, "polarity", claims_polarity_name(v->polarity));
    j_bool(j, "uncertain", v->uncertain);
    j_bool(j, "hedged", v->hedged);
    j_bool(j, "preferred", v->preferred);
    j_strings(j, "sources", v->sources, v->source_count);
    j_strings(j, "origins", v->origins, v->origin_count);
    j_key(j, "claims");
    j_open(j, "[", false);
    for (size_t i = 0; i < v->claim_count; i++) {
        j_item(j);
        j_claim_ref(j, r->store, r->claim_list[v->claim_start + i]);
    }
    j_close(j, "]");
    j_key(j, "evidence");
    j_open(j, "[", true);
    for (size_t i = 0; i < v->claim_count; i++)
        evidence(j, r, r->claim_list[v->claim_start + i]);
    j_close(j, "]");
    j_close(j, "}");
}

static void attribute_json(json *j, const claims_result *r, const claims__rattr *at)
{
    j_item(j);
    j_open(j, "{", true);
    j_str(j, "attribute", at->name);
    j_str(j, "type", at->type);
    j_bool(j, "known", at->known);
    j_str(j, "cardinality", at->cardinality == CLAIMS_SET ? "set" : "single");
    j_str(j, "relation", claims_agreement_name(at->agreement));
    j_str(j, "reason", at->reason);
    j_num(j, "source_count", at->source_count);
    j_num(j, "uncertain_count", at->uncertain_count);
    j_key(j, "values");
    j_open(j, "[", true);
    for (size_t v = 0; v < at->value_count; v++)
        value_json(j, r, &r->values[at->value_start + v]);
    j_close(j, "]");
    j_close(j, "}");
}

static void event_json(json *j, const claims_result *r, const claims__rsubject *s)
{
    const claims_store *st = r->store;
    j_item(j);
    j_open(j, "{", true);
    j_str(j, "id", s->id);
    j_str(j, "label", s->label);
    j_str(j, "type", s->type);
    j_strings(j, "sources", s->sources, s->source_count);
    j_key(j, "mentions");
    j_open(j, "[", false);
    for (size_t k = 0; k < s->mention_count; k++) {
        const claims__subject *m = &st->subjects[s->mentions[k]];
        j_item(j);
        j_open(j, "{", false);
        j_str(j, "source", st->sources[m->source].id);
        j_str(j, "subject", m->id);
        j_str(j, "label", m->label);
        j_close(j, "}");
    }
    j_close(j, "]");
    j_key(j, "explanation");
    j_open(j, "[", true);
    for (const char *p = s->explanation; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        claims_buf line;
        claims__buf_init(&line);
        j->w->failed |= claims__buf_append(&line, p, len);
        j_item(j);
        str(j->w, line.data ? line.data : "");
        claims__buf_free(&line);
        p += len + (nl ? 1 : 0);
    }
    j_close(j, "]");
    j_key(j, "attributes");
    j_open(j, "[", true);
    for (size_t a = 0; a < s->attr_count; a++)
        attribute_json(j, r, &r->attrs[s->attr_start + a]);
    j_close(j, "]");
    j_close(j, "}");
}

static void render_json(writer *w, const claims_result *r)
{
    const claims_store *st = r->store;
    json j = {w, 0, {true}, {true}};
    j_open(&j, "{", true);
    j_str(&j, "format", "claims-report/1");
    j_str(&j, "libclaims", claims_version_string());
    j_key(&j, "sources");
    j_open(&j, "[", true);
    for (size_t s = 0; s < st->source_count; s++) {
        const claims__source *so = &st->sources[s];
        j_item(&j);
        j_open(&j, "{", false);
        j_str(&j, "id", so->id);
        j_str(&j, "outlet", so->outlet);
        j_str(&j, "title", so->title);
        j_str(&j, "author", so->author);
        j_str(&j, "published", so->published);
        j_str(&j, "url", so->url);
        j_num(&j, "claims", so->claim_count);
        j_close(&j, "}");
    }
    j_close(&j, "]");
    j_key(&j, "events");
    j_open(&j, "[", true);
    for (size_t e = 0; e < r->subject_count && !w->failed; e++)
        event_json(&j, r, &r->subjects[e]);
    j_close(&j, "]");
    j_key(&j, "dependencies");
    j_open(&j, "[", true);
    for (size_t d = 0; d < r->dep_count; d++) {
        const claims__dependency *dep = &r->deps[d];
        const char *pair[2] = {dep->a, dep->b};
        j_item(&j);
        j_open(&j, "{", false);
        j_strings(&j, "sources", pair, 2);
        j_strings(&j, "passages", dep->passages, dep->passage_count);
        j_close(&j, "}");
    }
    j_close(&j, "]");
    j_key(&j, "notes");
    j_open(&j, "[", true);
    for (size_t n = 0; n < r->note_count; n++) {
        const claims_error *e = &r->notes[n];
        j_item(&j);
        j_open(&j, "{", false);
        j_str(&j, "source", e->source);
        j_num(&j, "line", (size_t)(e->line > 0 ? e->line : 0));
        j_num(&j, "column", (size_t)(e->column > 0 ? e->column : 0));
        if (e->claim >= 0)
            j_num(&j, "claim", (size_t)e->claim);
        j_str(&j, "message", e->text);
        j_close(&j, "}");
    }
    j_close(&j, "]");
    j_key(&j, "counts");
    j_open(&j, "{", false);
    j_num(&j, "claims", r->stats.claims);
    j_num(&j, "mentions", r->stats.mentions);
    j_num(&j, "subjects", r->subject_count);
    j_num(&j, "values_unparsed", r->stats.values_unparsed);
    j_num(&j, "clusters", r->value_count);
    j_num(&j, "dependencies", r->dep_count);
    j_close(&j, "}");
    j_close(&j, "}");
    raw(w, "\n");
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

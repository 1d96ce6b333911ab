/* text.c - the plain-text report, for terminals. */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

/* ---- text ------------------------------------------------------------------------- */

/* s, then spaces up to `width` bytes ("%-*s"). */
static void padded(claims__writer *w, const char *s, size_t width)
{
    size_t n = strlen(s);
    claims__w_put(w, s, n);
    for (; n < width; n++)
        claims__w_lit(w, " ");
}

static void list_w(claims__writer *w, const char *const *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            claims__w_lit(w, ", ");
        claims__w_raw(w, s[i]);
    }
}

static void subject_text(claims__writer *w, const claims__view *r, const claims__rsubject *s)
{
    claims__w_lit(w, "\n== ");
    claims__w_raw(w, s->type);
    claims__w_lit(w, " ");
    claims__w_raw(w, s->id);
    claims__w_lit(w, "\n   ");
    claims__w_raw(w, s->label);
    claims__w_lit(w, "\n   sources: ");
    list_w(w, s->sources, s->source_count);
    claims__w_lit(w, "\n");
    for (const char *p = s->explanation; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        claims__w_lit(w, "   ");
        claims__w_put(w, p, len);
        claims__w_lit(w, "\n");
        p += len + (nl ? 1 : 0);
    }
    for (size_t a = 0; a < s->attr_count; a++) {
        const claims__rattr *at = &r->attrs[s->attr_start + a];
        claims__w_lit(w, "   ");
        padded(w, at->name, 14);
        claims__w_lit(w, " ");
        padded(w, claims_agreement_name(at->agreement), 13);
        claims__w_lit(w, " ");
        claims__w_raw(w, at->reason);
        if (!at->known)
            claims__w_lit(w, " [attribute not in the schema]");
        claims__w_lit(w, "\n");
        for (size_t v = 0; v < at->value_count; v++) {
            const claims__rvalue *val = &r->values[at->value_start + v];
            const char *mark = val->uncertain                    ? "?"
                               : val->polarity == CLAIMS_NEGATED ? "!"
                               : val->preferred                  ? "*"
                                                                 : "-";
            claims__w_lit(w, "     ");
            claims__w_raw(w, mark);
            claims__w_lit(w, " ");
            claims__w_raw(w, val->normalized);
            if (strcmp(val->text, val->normalized) != 0) {
                claims__w_lit(w, " (\"");
                claims__w_raw(w, val->text);
                claims__w_lit(w, "\")");
            }
            if (val->hedged) {
                claims__w_lit(w, " ");
                claims__w_raw(w, claims_modifier_name(val->modifier));
            }
            /* weaker support, and a revision, said beside the value */
            if (val->certainty == CLAIMS_PROBABLE || val->certainty == CLAIMS_POSSIBLE) {
                claims__w_lit(w, " (");
                claims__w_raw(w, claims_certainty_name(val->certainty));
                claims__w_lit(w, ")");
            }
            if (val->superseded)
                claims__w_lit(w, " superseded");
            else if (val->current)
                claims__w_lit(w, " current");
            if (val->published_first[0]) {
                claims__w_lit(w, " @ ");
                claims__w_raw(w, val->published_first);
                if (strcmp(val->published_first, val->published_last) != 0) {
                    claims__w_lit(w, " .. ");
                    claims__w_raw(w, val->published_last);
                }
            }
            claims__w_lit(w, "  [");
            claims__w_count(w, val->source_count, "source");
            claims__w_lit(w, ", ");
            claims__w_count(w, val->origin_count, "origin");
            claims__w_lit(w, ": ");
            list_w(w, val->origins, val->origin_count);
            if (val->side_origin_count > val->origin_count) {
                claims__w_lit(w, "; its side: ");
                claims__w_count(w, val->side_origin_count, "origin");
            }
            claims__w_lit(w, "]\n");
        }
    }
}

static void subjects_text(claims__writer *w, const claims__items *it, size_t begin, size_t end)
{
    for (size_t e = begin; e < end && !w->failed; e++)
        subject_text(w, it->r, &it->r->subjects[e]);
}

void claims__render_text(claims__writer *w, const claims__view *r)
{
    const claims__rows *st = &r->rows;
    claims__w_count(w, st->source_count, "source");
    claims__w_lit(w, ", ");
    claims__w_count(w, st->claim_count, "claim");
    claims__w_lit(w, ", ");
    claims__w_count(w, r->subject_count, "subject");
    claims__w_lit(w, "\n");
    claims__items subjects = {r, NULL, r->subject_count, subjects_text, NULL};
    if (claims__render_items(w, &subjects) != 0)
        return;
    if (r->dep_count) {
        claims__w_lit(w, "\nsources sharing wording:\n");
        for (size_t d = 0; d < r->dep_count; d++) {
            const claims__dependency *dep = &r->deps[d];
            claims__w_lit(w, "  ");
            claims__w_raw(w, dep->a);
            claims__w_lit(w, " and ");
            claims__w_raw(w, dep->b);
            claims__w_lit(w, ", ");
            claims__w_count(w, dep->passage_count, "passage");
            claims__w_lit(w, ":\n");
            for (size_t k = 0; k < dep->passage_count; k++) {
                claims__w_lit(w, "    \"");
                claims__w_raw(w, dep->passages[k]);
                claims__w_lit(w, "\"\n");
            }
        }
    }
    if (r->note_count) {
        claims__w_lit(w, "\nnotes:\n");
        for (size_t n = 0; n < r->note_count; n++) {
            const claims_error *e = &r->notes[n];
            if (e->line)
                claims__w_printf(w, "  %s:%d:%d: %s\n", e->source, e->line, e->column, e->text);
            else
                claims__w_printf(w, "  %s%s%s\n", e->source, e->source[0] ? ": " : "", e->text);
        }
    }
    claims__w_lit(w,
                  "\nlegend: * preferred or agreed value, - other value, ! negated, ? uncertain; "
                  "@ publication time of its sources\n");
}

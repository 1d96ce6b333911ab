/* csv.c - one row per claim, RFC 4180 quoting, for spreadsheets. */
#include "report/report.h"

#include <stdio.h>
#include <string.h>

/* ---- CSV: one row per claim, RFC 4180 quoting ------------------------------------ */

static void csv_field_n(claims__writer *w, const char *s, size_t n, bool last)
{
    bool quote = false;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (quote) {
        claims__w_lit(w, "\"");
        const char *run = s, *stop = s + n;
        for (const char *p; (p = memchr(run, '"', (size_t)(stop - run))) != NULL; run = p + 1)
            claims__w_put(w, run, (size_t)(p - run + 1)), claims__w_lit(w, "\"");
        claims__w_put(w, run, (size_t)(stop - run));
        claims__w_lit(w, "\"");
    } else {
        claims__w_put(w, s, n);
    }
    if (last)
        claims__w_lit(w, "\r\n");
    else
        claims__w_lit(w, ",");
}

static void csv_field(claims__writer *w, const char *s, bool last)
{
    csv_field_n(w, s, strlen(s), last);
}

static void csv_number(claims__writer *w, size_t n)
{
    char tmp[24], *p = tmp + sizeof tmp;
    do {
        *--p = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    csv_field_n(w, p, (size_t)(tmp + sizeof tmp - p), false);
}

/* The rows of one subject; tmp is scratch for joined fields. */
static void subject_csv(claims__writer *w, const claims__view *r, const claims__rsubject *s,
                        claims__writer *tmp)
{
    const claims__rows *st = &r->rows;
    for (size_t a = 0; a < s->attr_count; a++) {
        const claims__rattr *at = &r->attrs[s->attr_start + a];
        for (size_t v = 0; v < at->value_count; v++) {
            const claims__rvalue *val = &r->values[at->value_start + v];
            for (size_t k = 0; k < val->claim_count; k++) {
                size_t ci = r->claim_list[val->claim_start + k];
                const claims__claim *c = &st->claims[ci];
                const claims_value *pv = r->pool[r->claim_value[ci]];
                csv_field(w, s->id, false);
                csv_field(w, s->label, false);
                csv_field(w, s->type, false);
                csv_field(w, at->name, false);
                csv_field(w, claims_agreement_name(at->agreement), false);
                csv_field(w, val->normalized, false);
                csv_field(w, val->text, false);
                csv_field(w, val->preferred ? "yes" : "no", false);
                csv_number(w, val->source_count);
                csv_number(w, val->origin_count);
                csv_field(w, claims_certainty_name(val->certainty), false);
                csv_number(w, val->side);
                csv_field(w, val->superseded ? "superseded" : val->current ? "current" : "", false);
                tmp->pos = tmp->buf;
                claims__w_raw(tmp, st->sources[c->source].id);
                claims__w_lit(tmp, "#");
                claims__w_raw(tmp, c->id);
                csv_field_n(w, tmp->buf, (size_t)(tmp->pos - tmp->buf), false);
                csv_field(w, st->sources[c->source].id, false);
                csv_field(w, c->value, false);
                claims_modifier m = claims_value_modifier(pv);
                csv_field(w, m == CLAIMS_MOD_NONE ? "" : claims_modifier_name(m), false);
                csv_field(w, r->claim_origin[ci], false);
                tmp->pos = tmp->buf;
                for (size_t q = 0; q < c->attribution_count; q++) {
                    if (q)
                        claims__w_lit(tmp, " > ");
                    claims__w_raw(tmp, c->attribution[q]);
                }
                csv_field_n(w, tmp->buf, (size_t)(tmp->pos - tmp->buf), false);
                csv_field(w, claims_polarity_name(c->polarity), false);
                csv_field(w, claims_certainty_name(c->certainty), false);
                csv_field(w, st->sources[c->source].published, false);
                csv_field(w, c->quote, true);
            }
        }
    }
}

static void subjects_csv(claims__writer *w, const claims__items *it, size_t begin, size_t end)
{
    claims__writer tmp;
    claims__w_init(&tmp, 256, NULL, NULL, 0);
    for (size_t e = begin; e < end && !w->failed && !tmp.failed; e++)
        subject_csv(w, it->r, &it->r->subjects[e], &tmp);
    if (tmp.failed && !w->failed)
        w->failed = tmp.failed;
    claims__w_free(&tmp);
}

void claims__render_csv(claims__writer *w, const claims__view *r)
{
    static const char *const header[] = {"event_id",
                                         "event_label",
                                         "event_type",
                                         "attribute",
                                         "relation",
                                         "value",
                                         "value_text",
                                         "preferred",
                                         "value_sources",
                                         "value_origins",
                                         "value_certainty",
                                         "value_side",
                                         "revision",
                                         "claim",
                                         "source",
                                         "text",
                                         "modifier",
                                         "origin",
                                         "attribution",
                                         "polarity",
                                         "certainty",
                                         "published",
                                         "quote"};
    size_t nh = sizeof header / sizeof header[0];
    for (size_t i = 0; i < nh; i++)
        csv_field(w, header[i], i + 1 == nh);
    claims__items subjects = {r, NULL, r->subject_count, subjects_csv, NULL};
    claims__render_items(w, &subjects);
}

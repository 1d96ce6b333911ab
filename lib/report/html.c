/* html.c - the report as one self-contained HTML page (no network
 * resources, no script): for each event a matrix of facts (rows) by sources
 * (columns), each cell the value as that source wrote it, coloured AND
 * marked with a symbol and a label for its status, its quote and
 * attribution chain on hover (title) and on expanding the cell (details).
 * Element classes and data- attributes are part of the format (docs/report.md)
 * so that tests and tools can read the page. */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

static const char STYLE[] =
    "*{box-sizing:border-box}"
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
    "margin:0;color:#1f2328;background:#fff}"
    "header,main,footer{max-width:1280px;margin:0 auto;padding:0 16px}"
    "h1{font-size:1.6em;margin:16px 0 4px}h2{font-size:1.25em;margin:0 0 4px}"
    ".summary,.meta{color:#57606a;margin:2px 0 8px}"
    "table{border-collapse:collapse;width:100%;table-layout:fixed}"
    "th,td{border:1px solid #d0d7de;padding:6px 8px;vertical-align:top;text-align:left;"
    "overflow-wrap:anywhere}"
    "thead th{background:#f6f8fa;font-weight:600}"
    "table.sources{margin:8px 0}table.sources td,table.sources th{font-size:.9em}"
    ".legend{display:flex;flex-wrap:wrap;gap:6px 14px;margin:10px 0;font-size:.9em}"
    ".legend span{padding:1px 8px;border-radius:3px;border:1px solid #d0d7de}"
    "section.event{margin:22px 0;padding:14px 0;border-top:3px solid #d0d7de}"
    "table.matrix th.fact{width:14%}table.matrix th.vals{width:24%}"
    ".badge{display:inline-block;font-size:.8em;font-weight:600;padding:0 6px;"
    "border-radius:3px;margin-top:2px}"
    ".rel-agreed{background:#dafbe1;color:#0a3622}"
    ".rel-compatible{background:#ddf4ff;color:#0a2a4a}"
    ".rel-conflicting{background:#ffe0df;color:#5c0e0b}"
    ".rel-complementary{background:#f2e6ff;color:#3b1366}"
    ".rel-single-source{background:#eef1f4;color:#2c333a}"
    ".rel-different-wording{background:#f1eef4;color:#352c3a}"
    ".cell.uncertain{background:#fff4c2;color:#4a3500}"
    ".cell.negated{background:#ffe0df;color:#5c0e0b}"
    ".cell.missing{background:repeating-linear-gradient(135deg,#fff,#fff 6px,#f3f4f6 6px,"
    "#f3f4f6 12px);color:#57606a}"
    ".cell.hedged{box-shadow:inset 4px 0 0 #bf8700}"
    ".sym{font-weight:700;margin-right:4px}"
    ".tag{font-size:.75em;font-weight:600;text-transform:uppercase;letter-spacing:.02em;"
    "margin-left:4px;color:inherit;opacity:.85}"
    ".claim{margin:0 0 4px}.claim:last-child{margin:0}"
    ".claim.uncertain{background:#fff4c2;color:#4a3500}.claim.negated .val{text-decoration:line-through}"
    "details{font-size:.88em;margin-top:2px}summary{cursor:pointer;color:#0550ae}"
    "blockquote{margin:4px 0;padding:2px 8px;border-left:3px solid #d0d7de;color:#1f2328}"
    "ul.values{margin:0;padding-left:16px}ul.values li{margin:0 0 4px}"
    "li.preferred{font-weight:600}"
    "li.superseded{text-decoration:line-through;color:#57606a}"
    ".tag.weak{font-style:italic}"
    ".warning{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:10px 14px;"
    "margin:12px 0}"
    ".explanation li{margin:2px 0}"
    ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}"
    "footer{color:#57606a;font-size:.85em;padding-bottom:24px}";

/* Symbol and label of each status: colour is never the only cue. */
typedef struct status {
    const char *cls, *sym, *label;
} status;

static const status REL[] = {
    {"rel-agreed", "\xE2\x9C\x93", "agreed"},           /* check mark */
    {"rel-compatible", "\xE2\x89\x88", "compatible"},   /* almost equal */
    {"rel-conflicting", "\xE2\x9C\x97", "conflicting"}, /* ballot x */
    {"rel-complementary", "+", "complementary"},
    {"rel-single-source", "\xE2\x80\xA2", "single source"},        /* bullet */
    {"rel-different-wording", "\xE2\x89\xA0", "different wording"} /* not equal */
};
static const status UNCERTAIN = {"uncertain", "?", "uncertain"};
static const status NEGATED = {"negated", "\xC2\xAC", "negated"};          /* not sign */
static const status MISSING = {"missing", "\xE2\x80\x94", "not reported"}; /* em dash */
static const status HEDGED = {"hedged", "~", "hedged"};

static const char *outlet_of(const claims__source *s) { return s->outlet[0] ? s->outlet : s->id; }

static size_t source_index(const claims_store *st, const char *id)
{
    size_t i;
    return claims__store_find_source(st, id, strlen(id), &i) ? i : 0;
}

static void legend(claims__writer *w)
{
    claims__w_lit(w, "<div class=\"legend\" role=\"list\" aria-label=\"Legend\">");
    for (size_t i = 0; i < sizeof REL / sizeof REL[0]; i++)
        claims__w_printf(w, "<span role=\"listitem\" class=\"%s\">%s %s</span>", REL[i].cls,
                         REL[i].sym, REL[i].label);
    const status *extra[] = {&HEDGED, &UNCERTAIN, &NEGATED, &MISSING};
    for (size_t i = 0; i < 4; i++)
        claims__w_printf(w, "<span role=\"listitem\" class=\"cell %s\">%s %s</span>", extra[i]->cls,
                         extra[i]->sym, extra[i]->label);
    claims__w_lit(w, "</div>\n");
}

/* The attribution chain as written, outermost first. */
static void chain(claims__writer *w, const claims__claim *c)
{
    if (!c->attribution_count) {
        claims__w_lit(w, "the outlet itself");
        return;
    }
    for (size_t i = 0; i < c->attribution_count; i++) {
        if (i)
            claims__w_lit(w, " \xE2\x80\xBA "); /* single right-pointing angle quote */
        claims__w_html(w, c->attribution[i]);
    }
}

/* The symbol of a status, its label on hover. */
static void sym_span(claims__writer *w, const status *st)
{
    claims__w_lit(w, "<span class=\"sym\" title=\"");
    claims__w_raw(w, st->label);
    claims__w_lit(w, "\">");
    claims__w_raw(w, st->sym);
    claims__w_lit(w, "</span>");
}

/* One claim inside a cell: the words as written, the evidence on expanding. */
static void claim_html(claims__writer *w, const claims__view *r, size_t ci)
{
    const claims__rows *st = &r->rows;
    const claims__claim *c = &st->claims[ci];
    const claims_value *v = r->pool[r->claim_value[ci]];
    bool uncertain = c->certainty == CLAIMS_UNKNOWN, negated = c->polarity == CLAIMS_NEGATED;
    claims__w_lit(w, "<div class=\"claim");
    if (uncertain)
        claims__w_lit(w, " uncertain");
    if (negated)
        claims__w_lit(w, " negated");
    claims__w_lit(w, "\" data-claim=\"");
    claims__w_html(w, st->sources[c->source].id);
    claims__w_lit(w, "#");
    claims__w_html(w, c->id);
    claims__w_lit(w, "\" title=\"");
    if (c->quote[0]) {
        claims__w_lit(w, "\xE2\x80\x9C");
        claims__w_html(w, c->quote);
        claims__w_lit(w, "\xE2\x80\x9D \xE2\x80\x94 ");
    }
    chain(w, c);
    claims__w_lit(w, "\">");
    /* a claim that differs from its cell says so itself */
    if (uncertain)
        sym_span(w, &UNCERTAIN);
    if (negated)
        sym_span(w, &NEGATED);
    claims__w_lit(w, "<span class=\"val\">");
    claims__w_html(w, c->value);
    claims__w_lit(w, "</span>");
    claims__w_lit(w, "<details><summary>evidence</summary>");
    if (c->quote[0]) {
        claims__w_lit(w, "<blockquote>");
        claims__w_html(w, c->quote);
        claims__w_lit(w, "</blockquote>");
    }
    claims__w_lit(w, "<div>said by: ");
    chain(w, c);
    claims__w_lit(w, "</div><div>origin: ");
    claims__w_html(w, r->claim_origin[ci]);
    claims__w_lit(w, "</div><div>normalized: ");
    claims__w_html(w, claims_value_normalized(v));
    if (claims_value_modifier(v) != CLAIMS_MOD_NONE) {
        claims__w_lit(w, " (");
        claims__w_raw(w, claims_modifier_name(claims_value_modifier(v)));
        claims__w_lit(w, ")");
    }
    claims__w_lit(w, "</div><div>");
    claims__w_raw(w, claims_polarity_name(c->polarity));
    claims__w_lit(w, ", ");
    claims__w_raw(w, claims_certainty_name(c->certainty));
    claims__w_lit(w, "</div></details></div>");
}

static void cell(claims__writer *w, const claims__view *r, const claims__rattr *at, size_t source)
{
    const claims__rows *st = &r->rows;
    /* this source's claims for the attribute, and what they are */
    size_t count = 0;
    bool hedged = false, all_uncertain = true, negated = false;
    for (size_t v = 0; v < at->value_count; v++) {
        const claims__rvalue *val = &r->values[at->value_start + v];
        for (size_t k = 0; k < val->claim_count; k++) {
            size_t ci = r->claim_list[val->claim_start + k];
            if (st->claims[ci].source != source)
                continue;
            count++;
            hedged |= claims_value_modifier(r->pool[r->claim_value[ci]]) != CLAIMS_MOD_NONE;
            all_uncertain &= val->uncertain;
            negated |= val->polarity == CLAIMS_NEGATED;
        }
    }
    const status *stt = !count          ? &MISSING
                        : all_uncertain ? &UNCERTAIN
                        : negated       ? &NEGATED
                                        : &REL[at->agreement];
    claims__w_lit(w, "<td class=\"cell ");
    claims__w_raw(w, stt->cls);
    if (hedged)
        claims__w_lit(w, " hedged");
    claims__w_lit(w, "\" data-source=\"");
    claims__w_html(w, st->sources[source].id);
    claims__w_lit(w, "\" data-status=\"");
    claims__w_raw(w, stt == &REL[at->agreement] ? claims_agreement_name(at->agreement) : stt->cls);
    claims__w_lit(w, "\"><span class=\"sym\" aria-hidden=\"true\">");
    claims__w_raw(w, stt->sym);
    claims__w_lit(w, "</span><span class=\"sr\">");
    claims__w_raw(w, stt->label);
    claims__w_lit(w, ": </span>");
    if (hedged) {
        claims__w_lit(w, "<span class=\"tag\" title=\"hedged\">");
        claims__w_raw(w, HEDGED.sym);
        claims__w_lit(w, " hedged</span>");
    }
    if (!count) {
        claims__w_lit(w, "</td>");
        return;
    }
    for (size_t v = 0; v < at->value_count; v++) {
        const claims__rvalue *val = &r->values[at->value_start + v];
        for (size_t k = 0; k < val->claim_count; k++) {
            size_t ci = r->claim_list[val->claim_start + k];
            if (st->claims[ci].source == source)
                claim_html(w, r, ci);
        }
    }
    claims__w_lit(w, "</td>");
}

static void values_cell(claims__writer *w, const claims__rattr *at, const claims__view *r)
{
    claims__w_lit(w, "<td class=\"vals\"><ul class=\"values\">");
    for (size_t v = 0; v < at->value_count; v++) {
        const claims__rvalue *val = &r->values[at->value_start + v];
        if (val->preferred)
            claims__w_lit(w, "<li class=\"preferred");
        else
            claims__w_lit(w, "<li class=\"other");
        if (val->uncertain)
            claims__w_lit(w, " uncertain");
        if (val->superseded)
            claims__w_lit(w, " superseded");
        else if (val->current)
            claims__w_lit(w, " current");
        claims__w_lit(w, "\" data-side=\"");
        claims__w_uint(w, val->side);
        claims__w_lit(w, "\" data-certainty=\"");
        claims__w_raw(w, claims_certainty_name(val->certainty));
        claims__w_lit(w, "\" data-normalized=\"");
        claims__w_html(w, val->normalized);
        claims__w_lit(w, "\" data-origins=\"");
        claims__w_uint(w, val->origin_count);
        claims__w_lit(w, "\">");
        if (val->polarity == CLAIMS_NEGATED) {
            claims__w_raw(w, NEGATED.sym);
            claims__w_lit(w, " not ");
        }
        if (val->uncertain) {
            claims__w_raw(w, UNCERTAIN.sym);
            claims__w_lit(w, " ");
        }
        claims__w_html(w, val->normalized);
        if (val->hedged) {
            claims__w_lit(w, " <span class=\"tag\">");
            claims__w_raw(w, HEDGED.sym);
            claims__w_lit(w, " ");
            claims__w_raw(w, claims_modifier_name(val->modifier));
            claims__w_lit(w, "</span>");
        }
        /* weaker support, and a revision, said beside the value */
        if (val->certainty == CLAIMS_PROBABLE || val->certainty == CLAIMS_POSSIBLE) {
            claims__w_lit(w, " <span class=\"tag weak\">");
            claims__w_raw(w, claims_certainty_name(val->certainty));
            claims__w_lit(w, "</span>");
        }
        if (val->superseded)
            claims__w_lit(w, " <span class=\"tag\">superseded</span>");
        else if (val->current)
            claims__w_lit(w, " <span class=\"tag\">current</span>");
        if (val->published_first[0]) {
            claims__w_lit(w, " <time datetime=\"");
            claims__w_html(w, val->published_first);
            claims__w_lit(w, "\">");
            claims__w_html(w, val->published_first);
            claims__w_lit(w, "</time>");
            if (strcmp(val->published_first, val->published_last) != 0) {
                claims__w_lit(w, " \xE2\x80\x93 <time datetime=\"");
                claims__w_html(w, val->published_last);
                claims__w_lit(w, "\">");
                claims__w_html(w, val->published_last);
                claims__w_lit(w, "</time>");
            }
        }
        claims__w_lit(w, " <br><small>");
        claims__w_count(w, val->source_count, "source");
        claims__w_lit(w, ", ");
        claims__w_count(w, val->origin_count, "independent origin");
        claims__w_lit(w, ": ");
        for (size_t o = 0; o < val->origin_count; o++) {
            if (o)
                claims__w_lit(w, "; ");
            claims__w_html(w, val->origins[o]);
        }
        if (val->side_origin_count > val->origin_count) {
            claims__w_lit(w, "; with compatible values: ");
            claims__w_count(w, val->side_origin_count, "independent origin");
        }
        claims__w_lit(w, "</small></li>");
    }
    claims__w_lit(w, "</ul></td>");
}

static void event_section(claims__writer *w, const claims__view *r, size_t e)
{
    const claims__rows *st = &r->rows;
    const claims__rsubject *s = &r->subjects[e];
    claims__w_lit(w, "<section class=\"event\" id=\"");
    claims__w_html(w, s->id);
    claims__w_lit(w, "\" data-event-id=\"");
    claims__w_html(w, s->id);
    claims__w_lit(w, "\" data-type=\"");
    claims__w_html(w, s->type);
    claims__w_lit(w, "\" data-sources=\"");
    claims__w_uint(w, s->source_count);
    claims__w_lit(w, "\">\n<h2>");
    claims__w_html(w, s->label);
    claims__w_lit(w, "</h2><p class=\"meta\">");
    claims__w_html(w, s->type);
    claims__w_lit(w, " \xC2\xB7 <code>");
    claims__w_html(w, s->id);
    claims__w_lit(w, "</code> \xC2\xB7 ");
    claims__w_count(w, s->source_count, "source");
    claims__w_lit(w, " \xC2\xB7 ");
    claims__w_count(w, s->mention_count, "mention");
    claims__w_lit(w, "</p>\n");
    if (s->explanation[0]) {
        claims__w_lit(w,
                      "<details class=\"explanation\"><summary>Why these reports were merged, and "
                      "kept apart from others</summary><ul>");
        const char *p = s->explanation;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            claims__w_lit(w, "<li>");
            claims__w_html_n(w, p, len);
            claims__w_lit(w, "</li>");
            p += len + (nl ? 1 : 0);
        }
        claims__w_lit(w, "</ul></details>\n");
    }
    /* the columns: the subject's sources, looked up once */
    size_t few[32], *col = s->source_count <= 32 ? few : malloc(s->source_count * sizeof *col);
    if (!col) {
        w->failed = CLAIMS_ENOMEM;
        return;
    }
    for (size_t k = 0; k < s->source_count; k++)
        col[k] = source_index(r->store, s->sources[k]);
    claims__w_lit(w,
                  "<table class=\"matrix\"><thead><tr><th scope=\"col\" class=\"fact\">Fact</th>");
    for (size_t k = 0; k < s->source_count; k++) {
        const claims__source *so = &st->sources[col[k]];
        claims__w_lit(w, "<th scope=\"col\" data-source=\"");
        claims__w_html(w, so->id);
        claims__w_lit(w, "\">");
        claims__w_html(w, outlet_of(so));
        if (so->published[0]) {
            claims__w_lit(w, "<br><small>");
            claims__w_html(w, so->published);
            claims__w_lit(w, "</small>");
        }
        claims__w_lit(w, "</th>");
    }
    claims__w_lit(
        w, "<th scope=\"col\" class=\"vals\">Values and independent origins</th></tr></thead>"
           "\n<tbody>\n");
    for (size_t a = 0; a < s->attr_count; a++) {
        const claims__rattr *at = &r->attrs[s->attr_start + a];
        const status *rel = &REL[at->agreement];
        claims__w_lit(w, "<tr data-attribute=\"");
        claims__w_html(w, at->name);
        claims__w_lit(w, "\" data-relation=\"");
        claims__w_raw(w, claims_agreement_name(at->agreement));
        claims__w_lit(w, "\"><th scope=\"row\" class=\"fact\">");
        claims__w_html(w, at->name);
        claims__w_lit(w, "<br><span class=\"badge ");
        claims__w_raw(w, rel->cls);
        claims__w_lit(w, "\" title=\"");
        claims__w_html(w, at->reason);
        claims__w_lit(w, "\">");
        claims__w_raw(w, rel->sym);
        claims__w_lit(w, " ");
        claims__w_raw(w, rel->label);
        claims__w_lit(w, "</span>");
        if (!at->known)
            claims__w_lit(w, "<br><small>not in the schema</small>");
        claims__w_lit(w, "</th>");
        for (size_t k = 0; k < s->source_count; k++)
            cell(w, r, at, col[k]);
        values_cell(w, at, r);
        claims__w_lit(w, "</tr>\n");
    }
    claims__w_lit(w, "</tbody></table></section>\n");
    if (col != few)
        free(col);
}

/* Subjects order[begin .. end) as sections. */
static void sections(claims__writer *w, const claims__items *it, size_t begin, size_t end)
{
    for (size_t p = begin; p < end && !w->failed; p++)
        event_section(w, it->r, it->order[p]);
}

/* Renders the sections of `count` subjects listed in order[]. */
static void section_list(claims__writer *w, const claims__view *r, const size_t *order,
                         size_t count)
{
    claims__items it = {r, order, count, sections, NULL};
    claims__render_items(w, &it);
}

void claims__render_html(claims__writer *w, const claims__view *r)
{
    const claims__rows *st = &r->rows;
    /* events reported by several sources, then the rest in expandable lists */
    size_t *order = malloc((r->subject_count ? r->subject_count : 1) * sizeof *order);
    if (!order) {
        w->failed = CLAIMS_ENOMEM;
        return;
    }
    size_t n = 0;
    for (size_t e = 0; e < r->subject_count; e++)
        if (!strcmp(r->subjects[e].type, "event") && r->subjects[e].source_count > 1)
            order[n++] = e;
    size_t shared = n;
    for (size_t e = 0; e < r->subject_count; e++)
        if (!strcmp(r->subjects[e].type, "event") && r->subjects[e].source_count <= 1)
            order[n++] = e;
    size_t events = n;
    for (size_t e = 0; e < r->subject_count; e++)
        if (strcmp(r->subjects[e].type, "event") != 0)
            order[n++] = e;
    claims__w_lit(w, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                     "<meta name=\"generator\" content=\"libclaims ");
    claims__w_raw(w, claims_version_string());
    claims__w_printf(w, "\"><title>Claims report: %zu events from %zu sources</title><style>",
                     events, st->source_count);
    claims__w_raw(w, STYLE);
    claims__w_lit(w, "</style></head>\n<body>\n<header><h1>Claims report</h1>");
    claims__w_printf(w,
                     "<p class=\"summary\">%zu sources \xC2\xB7 %zu claims \xC2\xB7 %zu events "
                     "(%zu reported by several sources) \xC2\xB7 %zu other subjects</p>\n",
                     st->source_count, st->claim_count, events, shared, r->subject_count - events);
    claims__w_lit(w, "<table class=\"sources\"><thead><tr><th scope=\"col\">Source</th>"
                     "<th scope=\"col\">Outlet</th><th scope=\"col\">Published</th>"
                     "<th scope=\"col\">Claims</th></tr></thead><tbody>");
    for (size_t i = 0; i < st->source_count; i++) {
        const claims__source *so = &st->sources[i];
        claims__w_lit(w, "<tr><td><code>");
        claims__w_html(w, so->id);
        claims__w_lit(w, "</code></td><td>");
        claims__w_html(w, outlet_of(so));
        claims__w_lit(w, "</td><td>");
        claims__w_html(w, so->published);
        claims__w_printf(w, "</td><td>%zu</td></tr>", so->claim_count);
    }
    claims__w_lit(w, "</tbody></table>\n");
    legend(w);
    claims__w_lit(w, "</header>\n<main>\n");
    if (r->dep_count) {
        claims__w_lit(w, "<section class=\"warning\" id=\"dependencies\" role=\"note\">"
                         "<h2>\xE2\x9A\xA0 Sources that share wording</h2><ul>");
        for (size_t d = 0; d < r->dep_count; d++) {
            const claims__dependency *dep = &r->deps[d];
            claims__w_lit(w, "<li class=\"dependency\" data-sources=\"");
            claims__w_html(w, dep->a);
            claims__w_lit(w, " ");
            claims__w_html(w, dep->b);
            claims__w_lit(w, "\"><strong>");
            claims__w_html(w, outlet_of(&st->sources[dep->ia]));
            claims__w_lit(w, "</strong> and <strong>");
            claims__w_html(w, outlet_of(&st->sources[dep->ib]));
            claims__w_printf(w,
                             "</strong> share %zu passage%s of wording (one wire story printed "
                             "twice): what they report without attribution counts as one "
                             "origin.<details><summary>Shared passages</summary><ul>",
                             dep->passage_count, dep->passage_count == 1 ? "" : "s");
            for (size_t p = 0; p < dep->passage_count; p++) {
                claims__w_lit(w, "<li>\xE2\x80\x9C");
                claims__w_html(w, dep->passages[p]);
                claims__w_lit(w, "\xE2\x80\x9D</li>");
            }
            claims__w_lit(w, "</ul></details></li>");
        }
        claims__w_lit(w, "</ul></section>\n");
    }
    section_list(w, r, order, shared);
    if (events > shared) {
        claims__w_printf(w,
                         "<details class=\"more\"><summary>%zu events reported by one source"
                         "</summary>\n",
                         events - shared);
        section_list(w, r, order + shared, events - shared);
        claims__w_lit(w, "</details>\n");
    }
    if (r->subject_count > events) {
        claims__w_printf(w,
                         "<details class=\"more\"><summary>%zu people, organizations and other "
                         "subjects</summary>\n",
                         r->subject_count - events);
        section_list(w, r, order + events, r->subject_count - events);
        claims__w_lit(w, "</details>\n");
    }
    free(order);
    claims__w_lit(w, "</main>\n<footer><p>Generated by libclaims ");
    claims__w_raw(w, claims_version_string());
    claims__w_lit(w, ". Each cell shows a value as that source wrote it; hover or expand for the "
                     "quote and who said it.</p></footer>\n</body></html>\n");
}

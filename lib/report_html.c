/* report_html.c - the report as one self-contained HTML page (no network
 * resources, no script): for each event a matrix of facts (rows) by sources
 * (columns), each cell the value as that source wrote it, coloured AND
 * marked with a symbol and a label for its status, its quote and
 * attribution chain on hover (title) and on expanding the cell (details).
 * Element classes and data- attributes are part of the format (docs/report.md)
 * so that tests and tools can read the page. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

typedef claims__writer writer;
#define raw claims__w_raw
#define lit claims__w_lit
#define html claims__w_html
#define wprintf claims__w_printf

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
    {"rel-agreed", "\xE2\x9C\x93", "agreed"},             /* check mark */
    {"rel-compatible", "\xE2\x89\x88", "compatible"},     /* almost equal */
    {"rel-conflicting", "\xE2\x9C\x97", "conflicting"},   /* ballot x */
    {"rel-complementary", "+", "complementary"},
    {"rel-single-source", "\xE2\x80\xA2", "single source"} /* bullet */
};
static const status UNCERTAIN = {"uncertain", "?", "uncertain"};
static const status NEGATED = {"negated", "\xC2\xAC", "negated"}; /* not sign */
static const status MISSING = {"missing", "\xE2\x80\x94", "not reported"}; /* em dash */
static const status HEDGED = {"hedged", "~", "hedged"};

static const char *outlet_of(const claims__source *s)
{
    return s->outlet[0] ? s->outlet : s->id;
}

static size_t source_index(const claims_store *st, const char *id)
{
    size_t i;
    return claims__store_find_source(st, id, strlen(id), &i) ? i : 0;
}

static void legend(writer *w)
{
    lit(w, "<div class=\"legend\" role=\"list\" aria-label=\"Legend\">");
    for (size_t i = 0; i < sizeof REL / sizeof REL[0]; i++)
        wprintf(w, "<span role=\"listitem\" class=\"%s\">%s %s</span>", REL[i].cls, REL[i].sym,
                REL[i].label);
    const status *extra[] = {&HEDGED, &UNCERTAIN, &NEGATED, &MISSING};
    for (size_t i = 0; i < 4; i++)
        wprintf(w, "<span role=\"listitem\" class=\"cell %s\">%s %s</span>", extra[i]->cls,
                extra[i]->sym, extra[i]->label);
    lit(w, "</div>\n");
}

/* The attribution chain as written, outermost first. */
static void chain(writer *w, const claims__claim *c)
{
    if (!c->attribution_count) {
        lit(w, "the outlet itself");
        return;
    }
    for (size_t i = 0; i < c->attribution_count; i++) {
        if (i)
            lit(w, " \xE2\x80\xBA "); /* single right-pointing angle quote */
        html(w, c->attribution[i]);
    }
}

/* The symbol of a status, its label on hover. */
static void sym_span(writer *w, const status *st)
{
    lit(w, "<span class=\"sym\" title=\"");
    raw(w, st->label);
    lit(w, "\">");
    raw(w, st->sym);
    lit(w, "</span>");
}

/* One claim inside a cell: the words as written, the evidence on expanding. */
static void claim_html(writer *w, const claims_result *r, size_t ci)
{
    const claims_store *st = r->store;
    const claims__claim *c = &st->claims[ci];
    const claims_value *v = r->pool[r->claim_value[ci]];
    bool uncertain = c->certainty == CLAIMS_UNKNOWN, negated = c->polarity == CLAIMS_NEGATED;
    lit(w, "<div class=\"claim");
    if (uncertain)
        lit(w, " uncertain");
    if (negated)
        lit(w, " negated");
    lit(w, "\" data-claim=\"");
    html(w, st->sources[c->source].id);
    lit(w, "#");
    html(w, c->id);
    lit(w, "\" title=\"");
    if (c->quote[0]) {
        lit(w, "\xE2\x80\x9C");
        html(w, c->quote);
        lit(w, "\xE2\x80\x9D \xE2\x80\x94 ");
    }
    chain(w, c);
    lit(w, "\">");
    /* a claim that differs from its cell says so itself */
    if (uncertain)
        sym_span(w, &UNCERTAIN);
    if (negated)
        sym_span(w, &NEGATED);
    lit(w, "<span class=\"val\">");
    html(w, c->value);
    lit(w, "</span>");
    lit(w, "<details><summary>evidence</summary>");
    if (c->quote[0]) {
        lit(w, "<blockquote>");
        html(w, c->quote);
        lit(w, "</blockquote>");
    }
    lit(w, "<div>said by: ");
    chain(w, c);
    lit(w, "</div><div>origin: ");
    html(w, r->claim_origin[ci]);
    lit(w, "</div><div>normalized: ");
    html(w, claims_value_normalized(v));
    if (claims_value_modifier(v) != CLAIMS_MOD_NONE) {
        lit(w, " (");
        raw(w, claims_modifier_name(claims_value_modifier(v)));
        lit(w, ")");
    }
    lit(w, "</div><div>");
    raw(w, claims_polarity_name(c->polarity));
    lit(w, ", ");
    raw(w, claims_certainty_name(c->certainty));
    lit(w, "</div></details></div>");
}

static void cell(writer *w, const claims_result *r, const claims__rattr *at,
                 size_t source)
{
    const claims_store *st = r->store;
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
    const status *stt = !count ? &MISSING
                        : all_uncertain ? &UNCERTAIN
                        : negated ? &NEGATED
                        : &REL[at->agreement];
    lit(w, "<td class=\"cell ");
    raw(w, stt->cls);
    if (hedged)
        lit(w, " hedged");
    lit(w, "\" data-source=\"");
    html(w, st->sources[source].id);
    lit(w, "\" data-status=\"");
    raw(w, stt == &REL[at->agreement] ? claims_agreement_name(at->agreement) : stt->cls);
    lit(w, "\"><span class=\"sym\" aria-hidden=\"true\">");
    raw(w, stt->sym);
    lit(w, "</span><span class=\"sr\">");
    raw(w, stt->label);
    lit(w, ": </span>");
    if (hedged) {
        lit(w, "<span class=\"tag\" title=\"hedged\">");
        raw(w, HEDGED.sym);
        lit(w, " hedged</span>");
    }
    if (!count) {
        lit(w, "</td>");
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
    lit(w, "</td>");
}

static void values_cell(writer *w, const claims__rattr *at, const claims_result *r)
{
    lit(w, "<td class=\"vals\"><ul class=\"values\">");
    for (size_t v = 0; v < at->value_count; v++) {
        const claims__rvalue *val = &r->values[at->value_start + v];
        if (val->preferred)
            lit(w, "<li class=\"preferred");
        else
            lit(w, "<li class=\"other");
        if (val->uncertain)
            lit(w, " uncertain");
        lit(w, "\" data-normalized=\"");
        html(w, val->normalized);
        lit(w, "\" data-origins=\"");
        claims__w_uint(w, val->origin_count);
        lit(w, "\">");
        if (val->polarity == CLAIMS_NEGATED) {
            raw(w, NEGATED.sym);
            lit(w, " not ");
        }
        if (val->uncertain) {
            raw(w, UNCERTAIN.sym);
            lit(w, " ");
        }
        html(w, val->normalized);
        if (val->hedged) {
            lit(w, " <span class=\"tag\">");
            raw(w, HEDGED.sym);
            lit(w, " ");
            raw(w, claims_modifier_name(val->modifier));
            lit(w, "</span>");
        }
        lit(w, " <br><small>");
        claims__w_count(w, val->source_count, "source");
        lit(w, ", ");
        claims__w_count(w, val->origin_count, "independent origin");
        lit(w, ": ");
        for (size_t o = 0; o < val->origin_count; o++) {
            if (o)
                lit(w, "; ");
            html(w, val->origins[o]);
        }
        lit(w, "</small></li>");
    }
    lit(w, "</ul></td>");
}

static void event_section(writer *w, const claims_result *r, size_t e)
{
    const claims_store *st = r->store;
    const claims__rsubject *s = &r->subjects[e];
    lit(w, "<section class=\"event\" id=\"");
    html(w, s->id);
    lit(w, "\" data-event-id=\"");
    html(w, s->id);
    lit(w, "\" data-type=\"");
    html(w, s->type);
    lit(w, "\" data-sources=\"");
    claims__w_uint(w, s->source_count);
    lit(w, "\">\n<h2>");
    html(w, s->label);
    lit(w, "</h2><p class=\"meta\">");
    html(w, s->type);
    lit(w, " \xC2\xB7 <code>");
    html(w, s->id);
    lit(w, "</code> \xC2\xB7 ");
    claims__w_count(w, s->source_count, "source");
    lit(w, " \xC2\xB7 ");
    claims__w_count(w, s->mention_count, "mention");
    lit(w, "</p>\n");
    if (s->explanation[0]) {
        lit(w, "<details class=\"explanation\"><summary>Why these reports were merged, and "
               "kept apart from others</summary><ul>");
        const char *p = s->explanation;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            lit(w, "<li>");
            claims__w_html_n(w, p, len);
            lit(w, "</li>");
            p += len + (nl ? 1 : 0);
        }
        lit(w, "</ul></details>\n");
    }
    /* the columns: the subject's sources, looked up once */
    size_t few[32], *col = s->source_count <= 32 ? few : malloc(s->source_count * sizeof *col);
    if (!col) {
        w->failed = CLAIMS_ENOMEM;
        return;
    }
    for (size_t k = 0; k < s->source_count; k++)
        col[k] = source_index(st, s->sources[k]);
    lit(w, "<table class=\"matrix\"><thead><tr><th scope=\"col\" class=\"fact\">Fact</th>");
    for (size_t k = 0; k < s->source_count; k++) {
        const claims__source *so = &st->sources[col[k]];
        lit(w, "<th scope=\"col\" data-source=\"");
        html(w, so->id);
        lit(w, "\">");
        html(w, outlet_of(so));
        if (so->published[0]) {
            lit(w, "<br><small>");
            html(w, so->published);
            lit(w, "</small>");
        }
        lit(w, "</th>");
    }
    lit(w, "<th scope=\"col\" class=\"vals\">Values and independent origins</th></tr></thead>"
           "\n<tbody>\n");
    for (size_t a = 0; a < s->attr_count; a++) {
        const claims__rattr *at = &r->attrs[s->attr_start + a];
        const status *rel = &REL[at->agreement];
        lit(w, "<tr data-attribute=\"");
        html(w, at->name);
        lit(w, "\" data-relation=\"");
        raw(w, claims_agreement_name(at->agreement));
        lit(w, "\"><th scope=\"row\" class=\"fact\">");
        html(w, at->name);
        lit(w, "<br><span class=\"badge ");
        raw(w, rel->cls);
        lit(w, "\" title=\"");
        html(w, at->reason);
        lit(w, "\">");
        raw(w, rel->sym);
        lit(w, " ");
        raw(w, rel->label);
        lit(w, "</span>");
        if (!at->known)
            lit(w, "<br><small>not in the schema</small>");
        lit(w, "</th>");
        for (size_t k = 0; k < s->source_count; k++)
            cell(w, r, at, col[k]);
        values_cell(w, at, r);
        lit(w, "</tr>\n");
    }
    lit(w, "</tbody></table></section>\n");
    if (col != few)
        free(col);
}

/* Subjects order[begin .. end) as sections. */
static void sections(writer *w, const claims__items *it, size_t begin, size_t end)
{
    for (size_t p = begin; p < end && !w->failed; p++)
        event_section(w, it->r, it->order[p]);
}

/* Renders the sections of `count` subjects listed in order[]. */
static void section_list(writer *w, const claims_result *r, const size_t *order, size_t count)
{
    claims__items it = {r, order, count, sections, NULL};
    claims__render_items(w, &it);
}

void claims__render_html(writer *w, const claims_result *r)
{
    const claims_store *st = r->store;
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
    lit(w, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<meta name=\"generator\" content=\"libclaims ");
    raw(w, claims_version_string());
    wprintf(w, "\"><title>Claims report: %zu events from %zu sources</title><style>", events,
            st->source_count);
    raw(w, STYLE);
    lit(w, "</style></head>\n<body>\n<header><h1>Claims report</h1>");
    wprintf(w, "<p class=\"summary\">%zu sources \xC2\xB7 %zu claims \xC2\xB7 %zu events "
               "(%zu reported by several sources) \xC2\xB7 %zu other subjects</p>\n",
            st->source_count, st->claim_count, events, shared, r->subject_count - events);
    lit(w, "<table class=\"sources\"><thead><tr><th scope=\"col\">Source</th>"
           "<th scope=\"col\">Outlet</th><th scope=\"col\">Published</th>"
           "<th scope=\"col\">Claims</th></tr></thead><tbody>");
    for (size_t i = 0; i < st->source_count; i++) {
        const claims__source *so = &st->sources[i];
        lit(w, "<tr><td><code>");
        html(w, so->id);
        lit(w, "</code></td><td>");
        html(w, outlet_of(so));
        lit(w, "</td><td>");
        html(w, so->published);
        wprintf(w, "</td><td>%zu</td></tr>", so->claim_count);
    }
    lit(w, "</tbody></table>\n");
    legend(w);
    lit(w, "</header>\n<main>\n");
    if (r->dep_count) {
        lit(w, "<section class=\"warning\" id=\"dependencies\" role=\"note\">"
               "<h2>\xE2\x9A\xA0 Sources that share wording</h2><ul>");
        for (size_t d = 0; d < r->dep_count; d++) {
            const claims__dependency *dep = &r->deps[d];
            lit(w, "<li class=\"dependency\" data-sources=\"");
            html(w, dep->a);
            lit(w, " ");
            html(w, dep->b);
            lit(w, "\"><strong>");
            html(w, outlet_of(&st->sources[dep->ia]));
            lit(w, "</strong> and <strong>");
            html(w, outlet_of(&st->sources[dep->ib]));
            wprintf(w, "</strong> share %zu passage%s of wording (one wire story printed "
                       "twice): what they report without attribution counts as one "
                       "origin.<details><summary>Shared passages</summary><ul>",
                    dep->passage_count, dep->passage_count == 1 ? "" : "s");
            for (size_t p = 0; p < dep->passage_count; p++) {
                lit(w, "<li>\xE2\x80\x9C");
                html(w, dep->passages[p]);
                lit(w, "\xE2\x80\x9D</li>");
            }
            lit(w, "</ul></details></li>");
        }
        lit(w, "</ul></section>\n");
    }
    section_list(w, r, order, shared);
    if (events > shared) {
        wprintf(w, "<details class=\"more\"><summary>%zu events reported by one source"
                   "</summary>\n", events - shared);
        section_list(w, r, order + shared, events - shared);
        lit(w, "</details>\n");
    }
    if (r->subject_count > events) {
        wprintf(w, "<details class=\"more\"><summary>%zu people, organizations and other "
                   "subjects</summary>\n", r->subject_count - events);
        section_list(w, r, order + events, r->subject_count - events);
        lit(w, "</details>\n");
    }
    free(order);
    lit(w, "</main>\n<footer><p>Generated by libclaims ");
    raw(w, claims_version_string());
    lit(w, ". Each cell shows a value as that source wrote it; hover or expand for the "
           "quote and who said it.</p></footer>\n</body></html>\n");
}

/* report_html.c - the report as one self-contained HTML page (no network
 * resources, no script): for each event a matrix of facts (rows) by sources
 * (columns), each cell the value as that source wrote it, coloured AND
 * marked with a symbol and a label for its status, its quote and
 * attribution chain on hover (title) and on expanding the cell (details).
 * Element classes and data- attributes are part of the format (docs/report.md)
 * so that tests and tools can read the page. */
#include "reconcile.h"

#include <string.h>

typedef claims__writer writer;
#define raw claims__w_raw
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
    raw(w, "<div class=\"legend\" role=\"list\" aria-label=\"Legend\">");
    for (size_t i = 0; i < sizeof REL / sizeof REL[0]; i++)
        wprintf(w, "<span role=\"listitem\" class=\"%s\">%s %s</span>", REL[i].cls, REL[i].sym,
                REL[i].label);
    const status *extra[] = {&HEDGED, &UNCERTAIN, &NEGATED, &MISSING};
    for (size_t i = 0; i < 4; i++)
        wprintf(w, "<span role=\"listitem\" class=\"cell %s\">%s %s</span>", extra[i]->cls,
                extra[i]->sym, extra[i]->label);
    raw(w, "</div>\n");
}

/* The attribution chain as written, outermost first. */
static void chain(writer *w, const claims__claim *c)
{
    if (!c->attribution_count) {
        raw(w, "the outlet itself");
        return;
    }
    for (size_t i = 0; i < c->attribution_count; i++) {
        if (i)
            raw(w, " \xE2\x80\xBA "); /* single right-pointing angle quote */
        html(w, c->attribution[i]);
    }
}

/* One claim inside a cell: the words as written, the evidence on expanding. */
static void claim_html(writer *w, const claims_result *r, size_t ci)
{
    const claims_store *st = r->store;
    const claims__claim *c = &st->claims[ci];
    const claims_value *v = r->pool[r->claim_value[ci]];
    bool uncertain = c->certainty == CLAIMS_UNKNOWN, negated = c->polarity == CLAIMS_NEGATED;
    wprintf(w, "<div class=\"claim%s%s\" data-claim=\"", uncertain ? " uncertain" : "",
            negated ? " negated" : "");
    html(w, st->sources[c->source].id);
    raw(w, "#");
    html(w, c->id);
    raw(w, "\" title=\"");
    if (c->quote[0]) {
        raw(w, "\xE2\x80\x9C");
        html(w, c->quote);
        raw(w, "\xE2\x80\x9D \xE2\x80\x94 ");
    }
    chain(w, c);
    raw(w, "\">");
    /* a claim that differs from its cell says so itself */
    if (uncertain)
        wprintf(w, "<span class=\"sym\" title=\"%s\">%s</span>", UNCERTAIN.label, UNCERTAIN.sym);
    if (negated)
        wprintf(w, "<span class=\"sym\" title=\"%s\">%s</span>", NEGATED.label, NEGATED.sym);
    raw(w, "<span class=\"val\">");
    html(w, c->value);
    raw(w, "</span>");
    raw(w, "<details><summary>evidence</summary>");
    if (c->quote[0]) {
        raw(w, "<blockquote>");
        html(w, c->quote);
        raw(w, "</blockquote>");
    }
    raw(w, "<div>said by: ");
    chain(w, c);
    raw(w, "</div><div>origin: ");
    html(w, r->claim_origin[ci]);
    raw(w, "</div><div>normalized: ");
    html(w, claims_value_normalized(v));
    if (claims_value_modifier(v) != CLAIMS_MOD_NONE) {
        raw(w, " (");
        raw(w, claims_modifier_name(claims_value_modifier(v)));
        raw(w, ")");
    }
    wprintf(w, "</div><div>%s, %s</div></details></div>", claims_polarity_name(c->polarity),
            claims_certainty_name(c->certainty));
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
    raw(w, "<td class=\"cell ");
    raw(w, stt->cls);
    if (hedged)
        raw(w, " hedged");
    raw(w, "\" data-source=\"");
    html(w, st->sources[source].id);
    wprintf(w, "\" data-status=\"%s\"><span class=\"sym\" aria-hidden=\"true\">%s</span>"
               "<span class=\"sr\">%s: </span>",
            stt == &REL[at->agreement] ? claims_agreement_name(at->agreement) : stt->cls,
            stt->sym, stt->label);
    if (hedged)
        wprintf(w, "<span class=\"tag\" title=\"hedged\">%s hedged</span>", HEDGED.sym);
    if (!count) {
        raw(w, "</td>");
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
    raw(w, "</td>");
}

static void values_cell(writer *w, const claims__rattr *at, const claims_result *r)
{
    raw(w, "<td class=\"vals\"><ul class=\"values\">");
    for (size_t v = 0; v < at->value_count; v++) {
        const claims__rvalue *val = &r->values[at->value_start + v];
        wprintf(w, "<li class=\"%s%s\" data-normalized=\"", val->preferred ? "preferred" : "other",
                val->uncertain ? " uncertain" : "");
        html(w, val->normalized);
        wprintf(w, "\" data-origins=\"%zu\">", val->origin_count);
        if (val->polarity == CLAIMS_NEGATED)
            wprintf(w, "%s not ", NEGATED.sym);
        if (val->uncertain)
            wprintf(w, "%s ", UNCERTAIN.sym);
        html(w, val->normalized);
        if (val->hedged)
            wprintf(w, " <span class=\"tag\">%s %s</span>", HEDGED.sym,
                    claims_modifier_name(val->modifier));
        wprintf(w, " <br><small>%zu source%s, %zu independent origin%s: ", val->source_count,
                val->source_count == 1 ? "" : "s", val->origin_count,
                val->origin_count == 1 ? "" : "s");
        for (size_t o = 0; o < val->origin_count; o++) {
            if (o)
                raw(w, "; ");
            html(w, val->origins[o]);
        }
        raw(w, "</small></li>");
    }
    raw(w, "</ul></td>");
}

static void event_section(writer *w, const claims_result *r, size_t e)
{
    const claims_store *st = r->store;
    const claims__rsubject *s = &r->subjects[e];
    raw(w, "<section class=\"event\" id=\"");
    html(w, s->id);
    raw(w, "\" data-event-id=\"");
    html(w, s->id);
    raw(w, "\" data-type=\"");
    html(w, s->type);
    wprintf(w, "\" data-sources=\"%zu\">\n<h2>", s->source_count);
    html(w, s->label);
    raw(w, "</h2><p class=\"meta\">");
    html(w, s->type);
    raw(w, " \xC2\xB7 <code>");
    html(w, s->id);
    wprintf(w, "</code> \xC2\xB7 %zu source%s \xC2\xB7 %zu mention%s</p>\n", s->source_count,
            s->source_count == 1 ? "" : "s", s->mention_count, s->mention_count == 1 ? "" : "s");
    if (s->explanation[0]) {
        raw(w, "<details class=\"explanation\"><summary>Why these reports were merged, and "
               "kept apart from others</summary><ul>");
        const char *p = s->explanation;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            raw(w, "<li>");
            claims__w_html_n(w, p, len);
            raw(w, "</li>");
            p += len + (nl ? 1 : 0);
        }
        raw(w, "</ul></details>\n");
    }
    raw(w, "<table class=\"matrix\"><thead><tr><th scope=\"col\" class=\"fact\">Fact</th>");
    for (size_t k = 0; k < s->source_count; k++) {
        const claims__source *so = &st->sources[source_index(st, s->sources[k])];
        raw(w, "<th scope=\"col\" data-source=\"");
        html(w, so->id);
        raw(w, "\">");
        html(w, outlet_of(so));
        if (so->published[0]) {
            raw(w, "<br><small>");
            html(w, so->published);
            raw(w, "</small>");
        }
        raw(w, "</th>");
    }
    raw(w, "<th scope=\"col\" class=\"vals\">Values and independent origins</th></tr></thead>"
           "\n<tbody>\n");
    for (size_t a = 0; a < s->attr_count; a++) {
        const claims__rattr *at = &r->attrs[s->attr_start + a];
        const status *rel = &REL[at->agreement];
        raw(w, "<tr data-attribute=\"");
        html(w, at->name);
        wprintf(w, "\" data-relation=\"%s\"><th scope=\"row\" class=\"fact\">",
                claims_agreement_name(at->agreement));
        html(w, at->name);
        wprintf(w, "<br><span class=\"badge %s\" title=\"", rel->cls);
        html(w, at->reason);
        wprintf(w, "\">%s %s</span>", rel->sym, rel->label);
        if (!at->known)
            raw(w, "<br><small>not in the schema</small>");
        raw(w, "</th>");
        for (size_t k = 0; k < s->source_count; k++)
            cell(w, r, at, source_index(st, s->sources[k]));
        values_cell(w, at, r);
        raw(w, "</tr>\n");
    }
    raw(w, "</tbody></table></section>\n");
}

void claims__render_html(writer *w, const claims_result *r)
{
    const claims_store *st = r->store;
    size_t events = 0, shared = 0;
    for (size_t e = 0; e < r->subject_count; e++) {
        bool ev = !strcmp(r->subjects[e].type, "event");
        events += ev;
        shared += ev && r->subjects[e].source_count > 1;
    }
    raw(w, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<meta name=\"generator\" content=\"libclaims ");
    raw(w, claims_version_string());
    wprintf(w, "\"><title>Claims report: %zu events from %zu sources</title><style>", events,
            st->source_count);
    raw(w, STYLE);
    raw(w, "</style></head>\n<body>\n<header><h1>Claims report</h1>");
    wprintf(w, "<p class=\"summary\">%zu sources \xC2\xB7 %zu claims \xC2\xB7 %zu events "
               "(%zu reported by several sources) \xC2\xB7 %zu other subjects</p>\n",
            st->source_count, st->claim_count, events, shared, r->subject_count - events);
    raw(w, "<table class=\"sources\"><thead><tr><th scope=\"col\">Source</th>"
           "<th scope=\"col\">Outlet</th><th scope=\"col\">Published</th>"
           "<th scope=\"col\">Claims</th></tr></thead><tbody>");
    for (size_t i = 0; i < st->source_count; i++) {
        const claims__source *so = &st->sources[i];
        raw(w, "<tr><td><code>");
        html(w, so->id);
        raw(w, "</code></td><td>");
        html(w, outlet_of(so));
        raw(w, "</td><td>");
        html(w, so->published);
        wprintf(w, "</td><td>%zu</td></tr>", so->claim_count);
    }
    raw(w, "</tbody></table>\n");
    legend(w);
    raw(w, "</header>\n<main>\n");
    if (r->dep_count) {
        raw(w, "<section class=\"warning\" id=\"dependencies\" role=\"note\">"
               "<h2>\xE2\x9A\xA0 Sources that share wording</h2><ul>");
        for (size_t d = 0; d < r->dep_count; d++) {
            const claims__dependency *dep = &r->deps[d];
            raw(w, "<li class=\"dependency\" data-sources=\"");
            html(w, dep->a);
            raw(w, " ");
            html(w, dep->b);
            raw(w, "\"><strong>");
            html(w, outlet_of(&st->sources[dep->ia]));
            raw(w, "</strong> and <strong>");
            html(w, outlet_of(&st->sources[dep->ib]));
            wprintf(w, "</strong> share %zu passage%s of wording (one wire story printed "
                       "twice): what they report without attribution counts as one "
                       "origin.<details><summary>Shared passages</summary><ul>",
                    dep->passage_count, dep->passage_count == 1 ? "" : "s");
            for (size_t p = 0; p < dep->passage_count; p++) {
                raw(w, "<li>\xE2\x80\x9C");
                html(w, dep->passages[p]);
                raw(w, "\xE2\x80\x9D</li>");
            }
            raw(w, "</ul></details></li>");
        }
        raw(w, "</ul></section>\n");
    }
    /* events reported by several sources, then the rest in expandable lists */
    for (size_t e = 0; e < r->subject_count; e++)
        if (!strcmp(r->subjects[e].type, "event") && r->subjects[e].source_count > 1)
            event_section(w, r, e);
    if (events > shared) {
        wprintf(w, "<details class=\"more\"><summary>%zu events reported by one source"
                   "</summary>\n", events - shared);
        for (size_t e = 0; e < r->subject_count; e++)
            if (!strcmp(r->subjects[e].type, "event") && r->subjects[e].source_count <= 1)
                event_section(w, r, e);
        raw(w, "</details>\n");
    }
    if (r->subject_count > events) {
        wprintf(w, "<details class=\"more\"><summary>%zu people, organizations and other "
                   "subjects</summary>\n", r->subject_count - events);
        for (size_t e = 0; e < r->subject_count; e++)
            if (strcmp(r->subjects[e].type, "event") != 0)
                event_section(w, r, e);
        raw(w, "</details>\n");
    }
    raw(w, "</main>\n<footer><p>Generated by libclaims ");
    raw(w, claims_version_string());
    raw(w, ". Each cell shows a value as that source wrote it; hover or expand for the "
           "quote and who said it.</p></footer>\n</body></html>\n");
}
